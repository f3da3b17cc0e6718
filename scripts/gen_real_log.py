"""Build a log from real lines: the Loghub samples, numbers varied, vendor error records of all
four vendors injected at known places, and benign lines that mention errors; say what is in it.

    python scripts/gen_real_log.py OUT.log [--size 256M] [--seed 3] [--manifest OUT.json]

The real lines are Loghub's (https://github.com/logpai/loghub; its licence asks that any use
refer to the repository and cite the paper in ../shared/logs/loghub/CITATION). They are cycled
with their digits mapped through a random permutation per 1,000 lines, so copies differ in every
number (ids, block numbers, addresses, times) while keeping their lengths. The manifest gives the expected result: the injected
records per documented error, and the benign lines written (none of which is an error).
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

import errcat
from gen_log import SHAPES, _error_record, _when, key_of, parse_size, put_manifest

LOGHUB = Path(__file__).resolve().parents[2] / "shared" / "logs" / "loghub"
RECORD_EVERY = 10_000  # real lines between injected vendor records
BENIGN_EVERY = 2_000
BENIGN = (
    "{ts} INFO  sync worker-{w} processed {n} invoices, 0 errors, 0 failed",
    "{ts} INFO  sync worker-{w} processed {n} items with 0 errors",
    "{ts} INFO  metrics batch={n} error_rate=0.00 max_errors=5",
    "{ts} INFO  health: no errors in the last {w} batches",
    "{ts} DEBUG retry policy loaded: on_failure=backoff attempts={w}",
)


def real_lines() -> list[str]:
    lines: list[str] = []
    for path in sorted(LOGHUB.glob("*.log")):
        lines += path.read_text(encoding="utf-8", errors="replace").splitlines()
    return lines


def write(out: Path, size: int, seed: int) -> dict[str, object]:
    """Write the log; the manifest of what was injected."""
    rnd = random.Random(seed)
    source = real_lines()
    catalog = errcat.load_catalog(use_env=False)
    entries = [e for e in catalog.entries if e.kind == "body" and e.message and "\n" not in e.message and not e.observed]
    by_vendor = {v: [e for e in entries if e.vendor == v] for v in sorted({e.vendor for e in entries})}
    vendors = sorted(by_vendor)
    matched: Counter[str] = Counter()
    places: list[int] = []
    benign = written = line_no = 0

    digits = list("0123456789")
    with open(out, "w", encoding="utf-8") as f:
        i = 0
        while written < size:
            chunk = []
            rnd.shuffle(digits)
            vary = str.maketrans("0123456789", "".join(digits))
            for _ in range(1000):
                chunk.append(source[i % len(source)].translate(vary))
                i += 1
                if i % BENIGN_EVERY == 0:
                    chunk.append(rnd.choice(BENIGN).format(ts=_when_now(rnd), w=rnd.randint(1, 9), n=rnd.randint(1, 99999)))
                    benign += 1
                if i % RECORD_EVERY == 0:
                    k = i // RECORD_EVERY
                    e = rnd.choice(by_vendor[vendors[k % len(vendors)]])
                    places.append(line_no + len(chunk) + 1)
                    chunk += _error_record(e, SHAPES[(k // len(vendors)) % len(SHAPES)], _when_now(rnd), rnd)
                    matched[key_of(e)] += 1
            text = "\n".join(chunk) + "\n"
            f.write(text)
            written += len(text.encode())
            line_no += len(chunk) + sum(c.count("\n") for c in chunk)
    return {"lines": line_no, "matched": dict(sorted(matched.items())), "records": sum(matched.values()),
            "record_lines": places, "benign": benign}  # fmt: skip


def _when_now(rnd: random.Random) -> str:
    from datetime import UTC, datetime

    return _when(datetime(2026, 11, 19, tzinfo=UTC), rnd.randint(0, 86_400))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--size", type=parse_size, default=parse_size("256M"))
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--manifest", type=Path, default=None)
    args = parser.parse_args(argv)
    if not LOGHUB.is_dir():
        print(f"gen_real_log: the Loghub samples are not here ({LOGHUB})", file=sys.stderr)
        return 2
    put_manifest(write(args.out, args.size, args.seed), args.manifest)
    return 0


if __name__ == "__main__":
    sys.exit(main())

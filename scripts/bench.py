"""Benchmark errcat against the `import typer` floor, on the built-in and synthetic catalogs.

    python scripts/bench.py            # built-in, 10,000 and 100,000 entries (takes minutes)
    python scripts/bench.py --quick    # built-in and 2,000 entries, fewer repetitions (for CI)

Every command runs as a real subprocess (the installed ``errcat`` script), repetitions are
interleaved round-robin so machine noise hits every command alike, and each figure is the
median wall time with the peak resident memory of the child (from wait4). Ratios are to the
floor (``python -c "import typer"``) and to the same command on the built-in catalog,
measured in the same run. Cold figures time the first run after the cache is emptied (a full
index build) and after one catalog file is edited. The issue's targets are checked at the end;
``--strict`` exits 1 when one is missed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

GENERATOR = Path(__file__).resolve().with_name("gen_catalog.py")
PASTE = """$ curl -i -X POST https://arl2.api.myob.com/accountright/6d5b2a4e-1c3f-4a8b-9e0d-2f7c8b1a9e33/Sale/Invoice/Item
HTTP/1.1 400 Bad Request
Content-Type: application/json; charset=utf-8
x-myobapi-version: v2

{
  "Errors": [
    {
      "Name": "DatePriorToBeginningOfFinancialYear",
      "Message": "Date cannot be prior to beginning of financial year",
      "AdditionalDetails": "Date",
      "ErrorCode": 25008,
      "Severity": "Error",
      "LearnMore": "[Documentation URI]"
    }
  ]
}
"""


@dataclass
class Sample:
    wall: list[float]
    rss_kb: list[int]

    @property
    def median_ms(self) -> float:
        return statistics.median(self.wall) * 1000

    @property
    def peak_mb(self) -> float:
        return max(self.rss_kb) / 1024


def errcat_command() -> list[str]:
    script = Path(sys.executable).with_name("errcat")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from errcat.cli import main; main()"]


def run(argv: list[str], env: dict[str, str]) -> tuple[float, int, int]:
    """Wall seconds, peak RSS (KiB) and exit status of one child process."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - start, usage.ru_maxrss, child.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="built-in and 2,000 entries, 5 repetitions")
    parser.add_argument("--reps", type=int, help="repetitions per command (default 15, quick 5)")
    parser.add_argument("--sizes", type=int, nargs="*", help="synthetic catalog sizes (default 10000 100000)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    reps = args.reps or (5 if args.quick else 15)
    sizes = args.sizes if args.sizes is not None else ([2000] if args.quick else [10_000, 100_000])
    work = Path(tempfile.mkdtemp(prefix="errcat-bench-"))
    try:
        return bench(work, reps, sizes, args.strict)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def bench(work: Path, reps: int, sizes: list[int], strict: bool) -> int:
    paste = work / "paste.txt"
    paste.write_text(PASTE, encoding="utf-8")
    errcat = errcat_command()
    base_env = {k: v for k, v in os.environ.items() if not k.startswith("ERRCAT_")}
    base_env["NO_COLOR"] = "1"
    commands = {
        "lookup": [*errcat, "lookup", "25008"],
        "search": [*errcat, "search", "financial year"],
        "explain": [*errcat, "explain", str(paste)],
    }
    catalogs: dict[str, Path | None] = {"built-in": None}
    for n in sizes:
        folder = work / f"synth{n}"
        started = time.perf_counter()
        # In a child: a parent grown by 100k generated entries would inflate every child's peak
        # memory, since ru_maxrss counts the pages a forked child shares before it execs.
        subprocess.run([sys.executable, str(GENERATOR), str(n), str(folder)], check=True, stdout=subprocess.DEVNULL)
        print(f"generated {n:,} entries in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        catalogs[f"{n:,}"] = folder

    envs: dict[str, dict[str, str]] = {}
    cold: dict[str, dict[str, float]] = {}
    for label, folder in catalogs.items():
        env = dict(base_env, ERRCAT_CACHE_DIR=str(work / f"cache-{label}"))
        if folder is not None:
            env["ERRCAT_CATALOG"] = str(folder)
        envs[label] = env
        wall, rss, code = run(commands["lookup"], env)  # empty cache: builds the index
        check(code, label, "cold lookup")
        cold[label] = {"build": wall, "build_mb": rss / 1024}
        if folder is not None:  # one file edited: the next run rebuilds
            first = sorted(folder.glob("*.yaml"))[0]
            first.write_text(first.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
            wall, rss, code = run(commands["lookup"], env)
            check(code, label, "lookup after edit")
            cold[label]["edit"] = wall
        validate = [*errcat, "validate"] + ([str(folder)] if folder is not None else [])
        wall, rss, code = run(validate, base_env)
        check(code, label, "validate")
        cold[label]["validate"] = wall
        cold[label]["validate_mb"] = rss / 1024

    floor = Sample([], [])
    samples = {(label, name): Sample([], []) for label in catalogs for name in commands}
    for _ in range(reps):  # round-robin: noise is shared by every command
        wall, rss, _code = run([sys.executable, "-c", "import typer"], base_env)
        floor.wall.append(wall)
        floor.rss_kb.append(rss)
        for label in catalogs:
            for name, argv in commands.items():
                wall, rss, code = run(argv, envs[label])
                check(code, label, name)
                samples[(label, name)].wall.append(wall)
                samples[(label, name)].rss_kb.append(rss)

    print(f"\nerrcat benchmark: {reps} interleaved repetitions, medians; floor = python -c 'import typer'\n")
    print("| catalog | command | median | × floor | × built-in | peak memory |")
    print("|---|---|---:|---:|---:|---:|")
    print(f"| — | import typer (floor) | {floor.median_ms:.1f} ms | 1.00 | — | {floor.peak_mb:.0f} MB |")
    for (label, name), s in samples.items():
        to_floor = s.median_ms / floor.median_ms
        to_builtin = s.median_ms / samples[("built-in", name)].median_ms
        print(f"| {label} | {name} | {s.median_ms:.1f} ms | {to_floor:.2f} | {to_builtin:.2f} | {s.peak_mb:.0f} MB |")
    print(
        "\n| catalog | index build (empty cache) | rebuild after editing one file | validate | peak memory (build / validate) |"
    )
    print("|---|---:|---:|---:|---:|")
    for label, c in cold.items():
        edit = f"{c['edit']:.2f} s" if "edit" in c else "—"
        print(
            f"| {label} | {c['build']:.2f} s | {edit} | {c['validate']:.2f} s | {c['build_mb']:.0f} / {c['validate_mb']:.0f} MB |"
        )

    verdicts = targets(floor, samples, cold, catalogs)
    print()
    for ok, text in verdicts:
        print(f"{'PASS' if ok else 'MISS'}  {text}")
    return 1 if strict and not all(ok for ok, _ in verdicts) else 0


def check(code: int, label: str, what: str) -> None:
    if code not in (0, 1):  # 1 is a legitimate "not found"; anything else is a broken run
        raise SystemExit(f"bench: {what} on the {label} catalog exited {code}")


def targets(
    floor: Sample, samples: dict[tuple[str, str], Sample], cold: dict[str, dict[str, float]], catalogs: dict[str, Path | None]
) -> list[tuple[bool, str]]:
    out = []
    lookup = samples[("built-in", "lookup")].median_ms / floor.median_ms
    explain = samples[("built-in", "explain")].median_ms / floor.median_ms
    out.append((lookup <= 1.5, f"built-in lookup 25008 {lookup:.2f} × floor (target ≤ 1.5)"))
    out.append((explain <= 2.0, f"built-in explain {explain:.2f} × floor (target ≤ 2)"))
    largest = max((label for label in catalogs if label != "built-in"), key=lambda k: int(k.replace(",", "")), default=None)
    if largest is not None:
        for name in ("lookup", "search", "explain"):
            ratio = samples[(largest, name)].median_ms / samples[("built-in", name)].median_ms
            out.append((ratio <= 1.5, f"{largest} entries {name} {ratio:.2f} × built-in (target ≤ 1.5)"))
        peak = max(samples[(largest, name)].peak_mb for name in ("lookup", "search", "explain"))
        out.append((peak <= 150, f"{largest} entries warm peak memory {peak:.0f} MB (target ≤ 150)"))
        out.append((cold[largest]["build"] <= 15, f"{largest} entries index build {cold[largest]['build']:.1f} s (target ≤ 15)"))
        out.append(
            (cold[largest]["validate"] <= 30, f"{largest} entries validate {cold[largest]['validate']:.1f} s (target ≤ 30)")
        )
    return out


if __name__ == "__main__":
    sys.exit(main())

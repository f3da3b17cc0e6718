"""Generate an integration log mixing the four vendors' error responses with noise, and say what is in it.

    python scripts/gen_log.py OUT.log [--size 1G] [--error-rate 0.001] [--seed 7] [--manifest OUT.json]

Error records are rendered from built-in catalog entries in the shapes integrations log them:
a log line with the body inline, a log line followed by the pretty-printed body, a JSON-lines
object (body as a string or as an object), a dumped HTTP exchange, and a bare message line.
Some errors are not in the catalog (a MYOB code nobody documents, a connection reset, another
service's error). Noise lines carry no error words. The manifest gives the exact expected
result: records per documented error (vendor, status, code, name, message) and unmatched count.

``--size`` repeats one generated block until the file is that big (the manifest is scaled),
so a 1 GB log takes seconds to write.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import random
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import errcat
from errcat.model import Entry

HOSTS = {
    "myob": "https://arl2.api.myob.com/accountright/6d5b2a4e-1c3f-4a8b-9e0d-2f7c8b1a9e33",
    "sage": "https://api.accounting.sage.com/v3.1",
    "invoicexpress": "https://acme.app.invoicexpress.com",
    "prospend": "https://api.apac.prospend.io",
}
DEFAULT_PATH = {"myob": "/Sale/Invoice/Item", "sage": "/sales_invoices", "invoicexpress": "/invoices.json",
                "prospend": "/beta/company/{companyId}/invoice"}  # fmt: skip
NOISE = (
    "INFO  sync.worker[{w}] invoice {n} synced to ledger in {ms} ms",
    "DEBUG http.client GET {host}/contacts?page={w} -> 200 OK ({ms} ms)",
    "INFO  scheduler run {n} started, {w} companies queued",
    "DEBUG sync.mapper mapped {n} line items for customer C-{w}{ms}",
    "INFO  sync.worker[{w}] payment {n} allocated to invoice INV-{ms}",
)
SHAPES = ("inline", "pretty", "jsonl-string", "jsonl-object", "exchange", "message")


def key_of(e: Entry) -> str:
    return json.dumps([e.vendor, e.status, e.code, e.name, e.message])


def body_of(e: Entry, vendor: str) -> tuple[object, str]:
    """The vendor's error body for an entry, and the content type it is sent with."""
    if vendor == "myob":
        return {"Errors": [{"Name": e.name, "Message": e.message, "AdditionalDetails": e.details, "ErrorCode": e.code,
                            "Severity": e.vendor_severity or "Error"}]}, "json"  # fmt: skip
    if vendor == "sage":
        return [
            {"$severity": e.vendor_severity or "error", "$dataCode": e.code, "$message": e.message, "$source": e.details or ""}
        ], "json"
    if vendor == "invoicexpress":
        return {"errors": [{"error": e.message}]}, "json"
    return {"code": e.code, "message": e.message}, "json"


def request_of(e: Entry, rnd: random.Random) -> tuple[str, str]:
    method = e.methods[0] if e.methods else "POST"
    path = (e.endpoint or DEFAULT_PATH[e.vendor]).replace("{companyId}", str(rnd.randint(1, 99)))
    path = path.replace("{invoiceId}", str(rnd.randint(1000, 9999))).replace("{lineId}", str(rnd.randint(1, 9)))
    return method, HOSTS[e.vendor] + path


@dataclass
class Manifest:
    lines: int = 0
    error_records: int = 0
    unmatched: int = 0
    other: int = 0  # another program's errors: no vendor evidence, no API shape (scan counts them apart)
    matched: Counter[str] = field(default_factory=Counter)
    shapes: Counter[str] = field(default_factory=Counter)

    def scaled(self, times: int, lines: int) -> dict[str, object]:
        return {
            "lines": lines,
            "error_records": self.error_records * times,
            "unmatched": self.unmatched * times,
            "other": self.other * times,
            "matched": {k: v * times for k, v in sorted(self.matched.items())},
            "shapes": dict(self.shapes),
        }


def _when(start: datetime, i: int) -> str:
    return (start + timedelta(seconds=i)).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def _error_record(e: Entry, shape: str, ts: str, rnd: random.Random) -> list[str]:
    body, _ = body_of(e, e.vendor)
    method, url = request_of(e, rnd)
    compact = json.dumps(body)
    req = rnd.randint(100000, 999999)
    if shape == "inline":
        return [f"{ts} ERROR sync.{e.vendor} req={req} {method} {url} -> {e.status} {compact}"]
    if shape == "pretty":
        return [
            f"{ts} ERROR sync.{e.vendor} {method} {url} returned {e.status}, response body:",
            *json.dumps(body, indent=2).split("\n"),
        ]
    if shape == "jsonl-string":
        return [json.dumps({"ts": ts, "level": "error", "msg": "request failed", "method": method, "url": url,
                            "status": e.status, "body": compact, "req": req})]  # fmt: skip
    if shape == "jsonl-object":
        return [json.dumps({"time": ts, "level": "error", "message": "request failed", "request": {"method": method, "url": url},
                            "response": {"status": e.status, "body": body}})]  # fmt: skip
    if shape == "exchange":
        return [
            f"{ts} ERROR sync.{e.vendor} request failed:",
            f"{method} {url} HTTP/1.1",
            f"HTTP/1.1 {e.status}",
            "Content-Type: application/json",
            "",
            compact,
        ]
    return [f"{ts} ERROR sync.{e.vendor} {method} {url} failed with status {e.status}: {e.message}"]


UNDOCUMENTED_MYOB = '{"Errors":[{"Name":"BrandNewFailure","Message":"Something nobody documented %d","ErrorCode":99%d01}]}'
STRIPE = '{"error":{"type":"card_error","code":"card_declined","message":"Your card was declined."}}'


def _unmatched(kind: int, ts: str, n: int) -> list[str]:
    """Errors the catalog does not hold: a MYOB code nobody documents, a network error, another service's error."""
    if kind == 0:
        return [f"{ts} ERROR sync.myob POST {HOSTS['myob']}/Sale/Invoice/Item -> 400 " + UNDOCUMENTED_MYOB % (n, n % 10)]
    if kind == 1:
        return [f"{ts} ERROR sync.worker[{n % 8}] ConnectionResetError: [Errno 104] Connection reset by peer (attempt {n % 5})"]
    return [f"{ts} ERROR billing POST https://api.stripe.com/v1/charges -> 402 {STRIPE}"]


@functools.cache
def _builtin() -> errcat.Catalog:
    """The built-in catalog, read once a process: 0.6 s a read, and tests generate many small blocks (24 in one)."""
    return errcat.load_catalog(use_env=False)


def block(errors: int, noise_per_error: int, seed: int, extras: bool) -> tuple[list[str], Manifest]:
    """Lines of one block and what is in it. ``extras`` adds lines that test edge cases (an INFO
    line mentioning errors, a secret in an error line)."""
    rnd = random.Random(seed)
    catalog = _builtin()
    # documented errors only: the observed layer has tests of its own (tests/test_observed.py)
    entries = [e for e in catalog.entries if e.kind == "body" and e.message and "\n" not in e.message and not e.observed]
    entries.sort(key=lambda e: e.id)
    said = Counter((e.vendor, e.message) for e in catalog.entries)
    # a bare message names one error only when no other row says it and it is not all placeholder
    plain = [e for e in entries if said[(e.vendor, e.message)] == 1 and not e.template]
    start = datetime(2026, 11, 19, tzinfo=UTC)
    lines: list[str] = []
    m = Manifest()
    t = 0
    for i in range(errors):
        for _ in range(noise_per_error):
            fields = {"w": rnd.randint(1, 9), "n": rnd.randint(10000, 99999), "ms": rnd.randint(5, 900), "host": HOSTS["myob"]}
            lines.append(f"{_when(start, t)} " + rnd.choice(NOISE).format(**fields))
            t += 1
        ts = _when(start, t)
        t += 1
        if i % 10 == 9:
            kind = (i // 10) % 3
            lines += _unmatched(kind, ts, i)
            if kind == 0:  # MYOB's host and envelope: a vendor error the catalog does not hold
                m.unmatched += 1
            else:  # a connection reset, and Stripe's error from its own host: other programs' errors
                m.other += 1
        else:
            shape = SHAPES[i % len(SHAPES)]
            e = rnd.choice(plain if shape == "message" else entries)
            lines += _error_record(e, shape, ts, rnd)
            m.matched[key_of(e)] += 1
            m.shapes[shape] += 1
        m.error_records += 1
    if extras:
        lines.append(f"{_when(start, t)} INFO  sync.report batch done, 0 errors")
        lines.append(f"{_when(start, t)} DEBUG retry policy: errors=3 backoff=2s")
    m.lines = len(lines)
    return lines, m


def write(path: Path, lines: list[str], size: int | None, compress: bool) -> int:
    """Write the block (repeated up to ``size`` bytes); the number of lines written."""
    data = ("\n".join(lines) + "\n").encode()
    times = max(1, -(-size // len(data))) if size else 1  # at least ``size`` bytes
    opener = gzip.open if compress else open
    with opener(path, "wb") as f:  # type: ignore[operator]
        for _ in range(times):
            f.write(data)
    return times


def parse_size(text: str) -> int:
    units = {"k": 1 << 10, "m": 1 << 20, "g": 1 << 30}
    text = text.strip().lower().rstrip("b")
    return int(float(text[:-1]) * units[text[-1]]) if text[-1:] in units else int(text)


def put_manifest(manifest: dict[str, object], path: Path | None) -> None:
    """The manifest (what a scan of the log must find) as JSON, into ``path`` or onto stdout."""
    text = json.dumps(manifest, indent=1)
    if path:
        path.write_text(text)
    else:
        sys.stdout.write(text + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--size", type=parse_size, default=None, help="repeat the block up to this size (e.g. 1G)")
    parser.add_argument("--errors", type=int, default=1000, help="error records in one block")
    parser.add_argument("--error-rate", type=float, default=0.001, help="share of lines that start an error record")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--gzip", action="store_true")
    parser.add_argument("--manifest", type=Path, default=None)
    args = parser.parse_args(argv)
    noise = max(0, round(1 / args.error_rate) - 1)
    lines, m = block(args.errors, noise, args.seed, extras=False)
    times = write(args.out, lines, args.size, args.gzip)
    put_manifest(m.scaled(times, m.lines * times), args.manifest)
    return 0


if __name__ == "__main__":
    sys.exit(main())

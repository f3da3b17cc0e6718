"""The JSON outputs are a contract: these keys may be added to, never removed or renamed."""

from __future__ import annotations

import json

ENTRY_KEYS = {
    "id",
    "vendor",
    "endpoint",
    "methods",
    "scenario",
    "status",
    "code",
    "name",
    "message",
    "severity",
    "details",
    "template",
    "kind",
    "resource",
    "action",
    "inferred",
    "quirks",
    "guide",
    "source",
}
GROUP_KEYS = {"vendor", "title", "codes", "names", "explanation", "entries"}
EXPLANATION_KEYS = {"id", "summary", "causes", "fix", "retry", "actor"}


def load(cli, *args):
    result = cli(*args, "--format", "json")
    return json.loads(result.stdout)


def check_group(group):
    assert set(group) >= GROUP_KEYS
    assert set(group["explanation"]) >= EXPLANATION_KEYS
    for entry in group["entries"]:
        assert set(entry) >= ENTRY_KEYS
        assert {"document", "section", "line"} <= set(entry["source"])


def test_lookup_contract(cli):
    d = load(cli, "lookup", "25008")
    assert {"format_version", "kind", "query", "found", "sections", "suggestions"} <= set(d)
    assert d["format_version"] == 1 and d["kind"] == "lookup"
    assert {"match", "errors"} <= set(d["sections"][0])
    check_group(d["sections"][0]["errors"][0])


def test_search_contract(cli):
    d = load(cli, "search", "locked period")
    assert {"format_version", "kind", "query", "results"} <= set(d)
    assert "score" in d["results"][0]
    check_group(d["results"][0])


def test_list_vendors_endpoints_export_contract(cli):
    d = load(cli, "list", "--vendor", "sage")
    assert d["kind"] == "list"
    check_group(d["errors"][0])
    d = load(cli, "vendors")
    assert {"id", "name", "hosts", "auth", "documents", "rows", "errors", "warnings", "endpoints"} <= set(d["vendors"][0])
    d = load(cli, "endpoints")
    assert {"vendor", "path", "methods", "rows"} <= set(d["endpoints"][0])
    d = json.loads(cli("export").stdout)
    assert {"format_version", "kind", "entries"} <= set(d)
    assert ENTRY_KEYS | {"explanation"} <= set(d["entries"][0])


def test_explain_contract(cli):
    paste = 'GET https://api.myob.com/accountright/x/Sale/Order/Item\nHTTP/1.1 400\n\n{"Errors":[{"Name":"OrderPaid","ErrorCode":37000}]}'
    r = cli("explain", "--format", "json", input=paste)
    d = json.loads(r.stdout)
    assert {"format_version", "kind", "vendor", "vendor_source", "vendor_evidence", "http", "errors"} <= set(d)
    assert {"total_errors", "all_matched", "redacted", "notes"} <= set(d)
    assert {"fingerprint", "doc_url", "request_id"} <= set(d)  # how trackers, traces and tickets name the error
    assert {"fingerprint", "doc_url"} <= set(d["errors"][0])
    assert d["format_version"] == 1 and d["kind"] == "explain"
    assert {"kind", "value", "vendor", "weight"} <= set(d["vendor_evidence"][0])
    assert {"status", "reason", "status_meaning", "method", "url", "host", "endpoint"} <= set(d["http"])
    err = d["errors"][0]
    assert {"observed", "match", "confidence", "slots", "matched_text", "candidates", "explanation", "scenarios"} <= set(err)
    assert {"status", "code", "name", "message", "details", "severity", "source", "envelope"} <= set(err["observed"])
    keys = {"id", "vendor", "endpoint", "methods", "status", "code", "name", "message", "severity", "score", "match"}
    assert keys <= set(err["candidates"][0])
    assert {"id", "endpoint", "methods", "scenario"} <= set(err["scenarios"][0])
    assert err["match"] == "code" and d["http"]["endpoint"] == "/Sale/Order/Item"


def test_scan_explains_an_error_as_lookup_does(cli, tmp_path):
    """scan's JSON serialises a matched error's explanation as every other document does."""
    log = tmp_path / "app.log"
    log.write_text(
        "2026-11-19T02:14:07Z ERROR sync POST https://arl2.api.myob.com/accountright/x/Sale/Invoice/Item -> 400 "
        '{"Errors":[{"Name":"DatePriorToBeginningOfFinancialYear","Message":"Date cannot be prior to beginning of '
        'financial year","ErrorCode":25008,"Severity":"Error"}]}\n',
        encoding="utf-8",
    )
    d = load(cli, "scan", str(log))
    (matched,) = d["matched"]
    looked_up = load(cli, "lookup", matched["entry"])["sections"][0]["errors"][0]
    assert set(matched["explanation"]) >= EXPLANATION_KEYS
    assert matched["explanation"] == looked_up["explanation"]

"""A recording (HAR, VCR) of several exchanges: each error keeps its own exchange's vendor, request and
endpoint, in the views and in ``explain --stub`` (a catalog file holds one vendor's errors)."""

from __future__ import annotations

import json
import re

import yaml

from errcat.explainer import explain
from synth import myob_cassette

GUID = "6d5b2a4e-1c3f-4a8b-9e0d-2f7c8b1a9e33"
SAGE_EXPIRED = '[{"$severity":"error","$dataCode":"AccessTokenExpiredError","$message":"Your Access token has expired."}]'
SAGE_UNDOCUMENTED = (
    '[{"$severity":"error","$dataCode":"ContactTypeMismatch","$message":"Contact is not a customer","$source":"contact"}]'
)
IX_UNDOCUMENTED = '{"errors":[{"error":"Client name can\'t be blank"}]}'


def har(*exchanges: tuple[str, str, int, str]) -> str:
    entries = [
        {
            "request": {"method": method, "url": url, "headers": []},
            "response": {
                "status": status,
                "statusText": "",
                "headers": [],
                "content": {"mimeType": "application/json", "text": body},
            },
        }
        for method, url, status, body in exchanges
    ]
    return json.dumps({"log": {"version": "1.2", "creator": {"name": "Firefox", "version": "120"}, "entries": entries}})


SAGE_THEN_IX_FIRST = ("https://api.accounting.sage.com/v3.1/contacts", 401, SAGE_EXPIRED)
SAGE_THEN_IX = har(
    ("GET", "https://api.accounting.sage.com/v3.1/contacts", 401, SAGE_EXPIRED),
    ("POST", "https://acme.app.invoicexpress.com/invoices.json", 422, IX_UNDOCUMENTED),
)
BOTH_UNDOCUMENTED = har(
    ("GET", "https://api.accounting.sage.com/v3.1/contacts", 422, SAGE_UNDOCUMENTED),
    ("POST", "https://acme.app.invoicexpress.com/invoices.json", 422, IX_UNDOCUMENTED),
)


def test_a_stub_files_the_second_exchanges_error_under_its_own_vendor_and_request(cli):
    r = cli("explain", "--stub", input=SAGE_THEN_IX)
    assert r.exit_code == 0, r.stderr
    doc = yaml.safe_load(r.stdout)
    assert doc["vendor"] == {"id": "invoicexpress"}
    [entry] = doc["entries"]
    assert (entry["vendor"], entry["methods"], entry["status"]) == ("invoicexpress", ["POST"], 422)
    assert entry["scenario"] == "Observed in a response to POST /invoices.json"
    assert not re.search(r"\bsage\b", r.stdout)  # no claim of the first exchange's vendor, no "--vendor sage" advice


def test_a_stub_of_several_services_errors_is_refused_unless_vendor_names_one(cli, tmp_path):
    r = cli("explain", "--stub", input=BOTH_UNDOCUMENTED)
    assert r.exit_code == 2 and r.stdout == ""
    assert len(r.stderr.strip().splitlines()) == 1
    assert "several services (invoicexpress, sage)" in r.stderr and "--vendor" in r.stderr
    sage = cli("explain", "--stub", "--vendor", "sage", input=BOTH_UNDOCUMENTED)
    assert sage.exit_code == 0, sage.stderr
    doc = yaml.safe_load(sage.stdout)
    assert [(e["vendor"], e["methods"], e["message"]) for e in doc["entries"]] == [("sage", ["GET"], "Contact is not a customer")]
    assert "Left out: 1 error(s) of exchanges that name invoicexpress" in sage.stdout
    (tmp_path / "sage.yaml").write_text(sage.stdout)
    assert cli("validate", str(tmp_path / "sage.yaml")).exit_code == 0
    ix = yaml.safe_load(cli("explain", "--stub", "--vendor", "invoicexpress", input=BOTH_UNDOCUMENTED).stdout)
    assert [(e["vendor"], e["methods"]) for e in ix["entries"]] == [("invoicexpress", ["POST"])]


def test_vendor_naming_another_exchanges_vendor_stubs_nothing_under_it(cli):
    r = cli("explain", "--stub", "--vendor", "sage", input=SAGE_THEN_IX)
    assert r.exit_code == 2 and r.stdout == ""
    assert "came from invoicexpress's exchanges, not sage's" in r.stderr


def _cassette(*exchanges: tuple[str, int, str, str]) -> str:
    return myob_cassette(GUID, *exchanges)


LOCKED = (25009, "DateInLockedPeriod", "Date cannot be in locked period")


def test_a_recordings_error_is_placed_by_its_own_requests_endpoint(catalog, cli):
    # MYOB documents 25009 for nine endpoints, /Sale/Order/Item among them and /Sale/Invoice/Item not
    recorded = explain(catalog, _cassette(("Sale/Order/Item", *LOCKED), ("Sale/Invoice/Item", *LOCKED)))
    first, second = recorded.errors
    assert recorded.undecided_endpoints(first) == []
    assert len(recorded.undecided_endpoints(second)) == 9  # not the first request's row, shown as this one's
    out = cli("explain", input=_cassette(("Sale/Order/Item", *LOCKED), ("Sale/Invoice/Item", *LOCKED))).stdout
    assert "documented for 9 endpoints, not for the request's /Sale/Invoice/Item" in out
    swapped = _cassette(("Sale/Invoice/Item", *LOCKED), ("Sale/Order/Item", *LOCKED))
    again = explain(catalog, swapped)
    assert again.scenarios(again.errors[1])[0].endpoint == "/Sale/Order/Item"
    assert "[/Sale/Order/Item] (this endpoint)" in cli("explain", input=swapped).stdout.replace("  ", " ")


def test_the_head_of_a_recordings_view_is_not_its_first_exchanges_alone(cli):
    out = cli("explain", input=SAGE_THEN_IX).stdout
    head = out.split("\n\n")[0].splitlines()
    assert "request:  2 error responses; each error below names its own request" in head
    assert "status:   401 Unauthorized, 422 Unprocessable Entity" in head  # not the first one's 401 alone
    assert not any(line.startswith("request:  GET") for line in head)
    md = cli("explain", "-f", "markdown", input=SAGE_THEN_IX).stdout
    assert "| **Statuses** | 401 Unauthorized, 422 Unprocessable Entity |" in md
    repeated = har(*[("GET", "https://api.accounting.sage.com/v3.1/contacts", 401, SAGE_EXPIRED)] * 3)
    assert "status:   401 Unauthorized (x3)" in cli("explain", input=repeated).stdout


def _myob(method: str, path: str, status: int, error: dict) -> dict:
    return {
        "request": {"method": method, "uri": f"https://api.myob.com/accountright/{GUID}/{path}"},
        "response": {"status": {"code": status, "message": ""}, "body": {"string": json.dumps({"Errors": [error]})}},
    }


def test_a_recordings_timed_out_post_is_never_advised_a_resend_by_the_first_exchanges_get(cli):
    """A gateway's 504 to a POST may have been applied: the advice is "check first", whatever method the recording's
    first exchange used (its GET was taken for every error's)."""
    prior = {"Name": "DatePriorToBeginningOfFinancialYear", "Message": "Date cannot be prior to beginning of financial year"}
    timeout = {"Name": "GatewayTimeout", "Message": "Connection to the API has timed out", "Severity": "Error"}
    cassette = json.dumps(
        {
            "http_interactions": [
                _myob("get", "Contact/Customer", 400, {**prior, "ErrorCode": 25008}),
                _myob("post", "Sale/Invoice/Item", 504, timeout),
            ]
        }
    )
    first, second = json.loads(cli("explain", "-f", "json", input=cassette).stdout)["errors"]
    assert (first["match"], first["may_have_applied"]) == ("exact", None)
    assert second["match"] == "exact" and second["may_have_applied"] == "POST"
    assert second["explanation"]["retry"] == "no after a POST, which may have been applied: check first"
    out = cli("explain", input=cassette).stdout
    assert "retry:    no after a POST, which may have been applied: check first" in out
    assert "retry:    backoff" not in out


def test_an_error_the_catalog_lacks_has_the_same_fingerprint_in_a_recording_as_alone(cli):
    """Its fingerprint names its own exchange's vendor: in a recording of two vendors (no one vendor for the whole)
    it was 'unknown:…', another name for the same failure than the one it has pasted alone."""
    body = '{"errors":[{"error":"Synthetic words no catalog holds"}]}'
    exchange = ("POST", "https://acme.app.invoicexpress.com/invoices.json", 409, body)
    recorded = json.loads(cli("explain", "-f", "json", input=har(("GET", *SAGE_THEN_IX_FIRST), exchange)).stdout)
    alone = json.loads(cli("explain", "-f", "json", input=har(exchange)).stdout)
    assert recorded["vendor"] is None and recorded["errors"][1]["match"] == "none"
    assert recorded["errors"][1]["fingerprint"] == alone["errors"][0]["fingerprint"]
    assert alone["errors"][0]["fingerprint"].startswith("invoicexpress:")


def test_a_recordings_log_line_puts_each_error_after_its_own_request(catalog):
    line = str(explain(catalog, SAGE_THEN_IX))
    assert line.startswith("GET /v3.1/contacts -> 401: sage AccessTokenExpiredError")
    assert "; POST /invoices.json -> 422: invoicexpress HTTP 422 [the status is documented" in line

"""errcat explain on the readings blind38 left (none a false claim, each a wrong or missing fact): the status Octokit's
message, PHP's print_r and PowerShell's $err session state; a Google-shaped error object's integer code, which is the
HTTP status (HipChat's); a bru run report's failed assertion, no error the API sent; Celery Flower's rows under a
requests traceback, no part of its exception; a sentence under "errors" (Shopify's). The real pastes are tests/data/realworld.jsonl's blind38-3, -20, -21,
-26; the PowerShell and bru forms wrap the vendors' documented bodies (blind38's probes)."""

from __future__ import annotations

import json

from corpus import OWN_CORPUS, load_cases
from errcat.explainer import explain

CASES = {c["id"]: c for c in load_cases(OWN_CORPUS)}
MYOB_BODY = {"Errors": [{"Name": "TransactionsCannotBeDeleted", "Message": "Transactions cannot be deleted and must be reversed",
                         "AdditionalDetails": "", "ErrorCode": 25003, "Severity": "Error"}],
             "Information": "Warning, error messages have not been finalised in this release and may change"}  # fmt: skip
SAGE_BODY = [{"$severity": "error", "$dataCode": "AccessTokenExpiredError", "$message": "Your Access token has expired.",
              "$source": "Authorization"}]  # fmt: skip


def _first(d: dict) -> dict:
    return d["errors"][0]


def test_octokit_message_states_the_status(catalog):
    # blind38-21: "Octokit::Unauthorized: POST https://api.github.com/…: 401 - Bad credentials" (method, URL, status)
    d = explain(catalog, CASES["blind38-21"]["raw"]).as_dict()
    assert d["http"]["status"] == 401
    assert d["vendor"] is None and _first(d)["match"] == "none"


def test_print_r_http_status_key(catalog):
    # blind38-3: a PHP client's print_r of its failed call, "Array ( [HTTP Status] => 500 [Requested URI] => …"
    d = explain(catalog, CASES["blind38-3"]["raw"]).as_dict()
    assert d["http"]["status"] == 500
    assert d["vendor"] is None and _first(d)["match"] == "none"


def test_print_r_code_key_is_no_status(catalog):
    # a dump's own "[code] => 502" is the API's code, not the status (the "=>" form stays refused for it)
    d = explain(catalog, "Array ( [code] => 502 [message] => Upstream unavailable )").as_dict()
    assert d["http"]["status"] is None


def test_powershell_session_status_code_value(catalog):
    paste = (
        "PS C:\\scripts> try { Invoke-RestMethod -Uri $uri -Method Delete -Headers $h } catch { $err = $_ }\n"
        "PS C:\\scripts> $err.Exception.Response.StatusCode.value__\n400\n"
        f"PS C:\\scripts> $err.ErrorDetails.Message\n{json.dumps(MYOB_BODY)}"
    )
    d = explain(catalog, paste).as_dict()
    assert d["http"]["status"] == 400
    assert d["vendor"] == "myob"
    assert _first(d)["match"] == "exact" and _first(d)["observed"]["status"] == 400


def test_google_shaped_error_code_is_the_status(catalog):
    # blind38-26: HipChat's {"error": {"code": 401, "message": …, "type": "Unauthorized"}} through a Python client
    d = explain(catalog, CASES["blind38-26"]["raw"]).as_dict()
    assert d["http"]["status"] == 401
    assert _first(d)["observed"]["code"] is None
    assert _first(d)["observed"]["message"] == "Invalid OAuth session"
    assert d["vendor"] is None and _first(d)["match"] == "none"


def test_google_error_object_status(catalog):
    body = {"error": {"code": 403, "message": "The caller does not have permission", "status": "PERMISSION_DENIED"}}
    d = explain(catalog, json.dumps(body)).as_dict()
    assert d["http"]["status"] == 403 and _first(d)["observed"]["code"] is None


def test_an_error_objects_own_number_stays_a_code(catalog):
    # a number that is no HTTP status, or an object with more than Google's keys, is the API's own code
    d = explain(catalog, json.dumps({"error": {"code": 1001, "message": "Quota exceeded", "type": "limit"}})).as_dict()
    assert d["http"]["status"] is None and _first(d)["observed"]["code"] == "1001"
    d = explain(catalog, json.dumps({"error": {"code": 404, "message": "No such invoice", "type": "x", "invoice": 7}})).as_dict()
    assert _first(d)["observed"]["code"] == "404"


def test_bru_assertion_is_no_error(catalog):
    # bru run's JSON report: the response Sage sent, then the test's "expected 401 to equal 200"
    report = {
        "summary": {"totalRequests": 1, "failedRequests": 1, "totalAssertions": 1, "failedAssertions": 1},
        "results": [
            {
                "test": {"filename": "ledger/push.bru"},
                "request": {"method": "GET", "url": "https://api.accounting.sage.com/v3.1/contacts?page=1"},
                "response": {"status": 401, "statusText": "Unauthorized", "data": SAGE_BODY, "responseTime": 312},
                "error": None,
                "assertionResults": [
                    {"lhsExpr": "res.status", "rhsExpr": "eq 200", "status": "fail", "error": "expected 401 to equal 200"}
                ],
            }
        ],
    }
    d = explain(catalog, json.dumps(report, indent=2)).as_dict()
    assert [e["observed"]["message"] for e in d["errors"]] == ["Your Access token has expired."]
    assert d["vendor"] == "sage" and _first(d)["match"] == "exact"


def test_flower_rows_after_a_requests_traceback_are_no_message(catalog):
    # blind38-20: Celery Flower's "Clock 64" and "Root <Task …>" rows under the traceback were read as the message; the
    # exception's line is requests' own words for the status
    d = explain(catalog, CASES["blind38-20"]["raw"]).as_dict()
    assert d["http"]["status"] == 401
    assert "Clock" not in (_first(d)["observed"]["message"] or "")
    assert d["vendor"] is None


def test_a_body_printed_after_a_requests_traceback_is_still_read(catalog):
    # only a page's "Label<TAB>value" rows go: a REPL's resp.text after the traceback is the API's answer
    paste = (
        "Traceback (most recent call last):\n  File \"/app/sync.py\", line 12, in push\n    resp.raise_for_status()\n"
        "requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://acme.myshopify.com/admin/api/2024-04/orders.json\n"
        ">>> resp.text\n'{\"errors\":\"[API] Invalid API key or access token (unrecognized login or wrong password)\"}'"
    )  # fmt: skip
    d = explain(catalog, paste).as_dict()
    assert "Invalid API key" in _first(d)["observed"]["message"]
    assert d["vendor"] is None


def test_a_sentence_under_errors_is_the_error(catalog):
    # Shopify's {"errors": "[API] Invalid API key ..."}: the sentence, not the whole body, is the message
    d = explain(catalog, '{"errors":"[API] Invalid API key or access token (unrecognized login or wrong password)"}').as_dict()
    assert _first(d)["observed"]["message"] == "[API] Invalid API key or access token (unrecognized login or wrong password)"
    assert d["vendor"] is None and _first(d)["match"] == "none"

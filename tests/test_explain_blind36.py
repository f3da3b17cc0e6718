"""errcat explain on records of the loggers and tools blind36 measured: pino's and bunyan's serialised "err" (the
status and body an error carries beside its type, message and stack), winston 2's "meta", Newman's JSON report (its
response bodies as a Node Buffer's bytes), and JSON fragments pasted as text (a Sentry event's exception interface),
whose bare null was "nearest" MYOB's 23002. Each record's shape is the logger's own (its documented serialiser); the
bodies are the vendors' documented ones."""

from __future__ import annotations

import json

from errcat.explainer import explain
from errcat.explainer.logrecord import exchange_paste

DOCUMENTED = {"exact", "template", "code", "status"}
MYOB_URL = "https://arl2.api.myob.com/accountright/b7259c7c-a109-4013-a6e2-9be6410ab300/GeneralLedger/JournalTransaction/5d5c9a1e"
MYOB_BODY = {
    "Errors": [
        {
            "Name": "TransactionsCannotBeDeleted",
            "Message": "Transactions cannot be deleted and must be reversed",
            "AdditionalDetails": "",
            "ErrorCode": 25003,
            "Severity": "Error",
        }
    ],
    "Information": "Warning, error messages have not been finalised in this release and may change",
}
SAGE_BODY = [{"$severity": "error", "$dataCode": "AccessTokenExpiredError", "$message": "Your Access token has expired.",
              "$source": "Authorization"}]  # fmt: skip
STACK = "Error: Request failed\n    at ApiClient.call (/app/src/api.js:41:11)"


def _top(d: dict) -> tuple:
    e = d["errors"][0]
    return d["vendor"], e["match"], (e["candidates"] or [{}])[0].get("code")


def test_a_pino_err_carrying_the_status_and_body_is_read(catalog):
    # pino's err serialiser copies an error's own fields (here an app's ApiError with status and body) beside its
    # type, message and stack; the record's msg alone ("sync failed") was all that was read
    record = {"level": 50, "time": 1715677964120, "pid": 7, "hostname": "sync-7d9f8c6b5-x2k4q",
              "err": {"type": "ApiError", "message": f"DELETE {MYOB_URL} failed with 400", "stack": STACK, "status": 400,
                      "body": MYOB_BODY}, "msg": "sync failed"}  # fmt: skip
    d = explain(catalog, json.dumps(record)).as_dict()
    assert _top(d) == ("myob", "exact", 25003)
    assert d["http"]["status"] == 400


def test_a_bunyan_err_message_holding_a_body_is_read(catalog):
    # bunyan's err: {message, name, stack}; the record's msg named it ("upstream call failed"), the body unread
    record = {"name": "sync", "hostname": "worker-2", "pid": 311, "level": 50,
              "err": {"message": f"401 Unauthorized: {json.dumps(SAGE_BODY)}", "name": "HttpError", "stack": STACK},
              "url": "https://api.accounting.sage.com/v3.1/contacts?page=1", "msg": "upstream call failed",
              "time": "2024-05-14T09:12:44.120Z", "v": 0}  # fmt: skip
    d = explain(catalog, json.dumps(record)).as_dict()
    assert _top(d) == ("sage", "exact", "AccessTokenExpiredError")


def test_winston2s_meta_is_read_as_the_records_own_fields(catalog):
    record = {"level": "error", "message": "upstream error", "timestamp": "2024-05-14T09:12:44.120Z",
              "meta": {"statusCode": 400, "url": MYOB_URL, "body": json.dumps(MYOB_BODY)}}  # fmt: skip
    d = explain(catalog, json.dumps(record)).as_dict()
    assert _top(d) == ("myob", "exact", 25003)


def test_another_services_body_in_a_pino_err_is_not_claimed(catalog):
    # a code and sentence ProSpend documents, sent by another service (blind35's real pastes): read, never claimed
    body = {"error": {"code": "INTERNAL_SERVER_ERROR", "message": "An unexpected error occurred"}}
    record = {"level": 50, "time": 1715677964120, "err": {"type": "ApiError", "message": "POST failed", "stack": STACK,
              "status": 500, "body": body}, "msg": "sync failed"}  # fmt: skip
    d = explain(catalog, json.dumps(record)).as_dict()
    assert d["vendor"] is None and d["http"]["status"] == 500
    assert not {e["match"] for e in d["errors"]} & DOCUMENTED


def test_scan_names_a_pino_record_by_its_message_as_before():
    # scan reads every record's fields through exchange_paste without explain's error words: its groups stay named
    # by the record's message, not by each error's own text
    record = {"level": 50, "msg": "sync failed", "err": {"type": "ApiError", "message": "id 4411 failed", "stack": STACK}}
    assert exchange_paste(record) == "sync failed"


def _newman_report(url: dict, code: int, reason: str, body: bytes) -> str:
    # newman's JSON reporter: the run summary with each execution's request (a Postman SDK URL object) and response
    # (its body a Node Buffer, as JSON.stringify writes one); the collection comes first
    execution = {"item": {"name": "call"}, "request": {"url": url, "method": "DELETE", "header": [
        {"key": "Authorization", "value": "Bearer 9f8a7c6b5d4e3f2a1b0c9d8e7f6a5b4c"}]},
        "response": {"id": "c1", "status": reason, "code": code, "header": [{"key": "Content-Type", "value": "application/json"}],
                     "stream": {"type": "Buffer", "data": list(body)}, "responseTime": 212, "responseSize": len(body)}}  # fmt: skip
    return json.dumps({"collection": {"info": {"name": "Sync"}, "item": []}, "run": {"executions": [execution]}}, indent=2)


def test_a_newman_json_reports_failed_call_is_read_from_its_bytes(catalog):
    host, path = MYOB_URL.split("/")[2], MYOB_URL.split("/", 3)[3]
    url = {"protocol": "https", "host": host.split("."), "path": path.split("/")}
    d = explain(catalog, _newman_report(url, 400, "Bad Request", json.dumps(MYOB_BODY).encode())).as_dict()
    assert _top(d) == ("myob", "exact", 25003)
    assert d["http"]["status"] == 400
    assert "9f8a7c6b5d4e3f2a1b0c9d8e7f6a5b4c" not in json.dumps(d)


def test_a_newman_reports_binary_body_is_named_not_printed(catalog):
    url = {"protocol": "https", "host": ["api", "example", "org"], "path": ["v1", "files"]}
    d = explain(catalog, _newman_report(url, 500, "Internal Server Error", b"\x89PNG\r\n\x1a\n" + bytes(200))).as_dict()
    assert d["http"]["status"] == 500 and d["vendor"] is None
    assert "\\u0000" not in json.dumps(d) and "\x00" not in json.dumps(d)


# Real paste (tests/data/realworld.jsonl blind36-6): a Sentry event's exception interface pasted as a fragment
SENTRY_FRAGMENT = (
    '"exception": {\n"values": [\n{\n"type": "Invariant Violation",\n"value": "`new NativeEventEmitter()` requires a '
    'non-null argument.",\n"stacktrace": {\n"frames": null\n},\n"mechanism": {\n"type": "generic",\n"handled": true\n}\n}\n]\n}'
)


def test_a_bare_null_in_a_pasted_fragment_is_no_error_message(catalog):
    d = explain(catalog, SENTRY_FRAGMENT).as_dict()
    assert d["vendor"] is None
    assert not d["errors"][0]["candidates"]  # was MYOB's 23002 (message "null"), "exact 0.893", as nearest


def test_myob_23002s_quoted_null_message_is_still_its_documented_error(catalog):
    # MYOB documents 23002's message as the string "null" (a quirk): sent so, it is still matched
    body = {"Errors": [{"Name": "SpendMoneyTxnContactNotSupplied", "Message": "null", "AdditionalDetails": "Contact.UID",
                        "ErrorCode": 23002, "Severity": "Error"}]}  # fmt: skip
    d = explain(catalog, f"HTTP/1.1 400 Bad Request\n\n{json.dumps(body)}").as_dict()
    assert _top(d) == ("myob", "exact", 23002)


def _kv(key: str, value: object) -> dict:
    return {"key": key, "value": {"intValue": str(value)} if isinstance(value, int) else {"stringValue": value}}


def _otlp_spans(*spans: dict) -> str:
    # OTLP/JSON as the collector's file exporter writes it: attributes as key/value pairs, intValue as a string
    scope = {"scope": {"name": "io.opentelemetry.okhttp-3.0"}, "spans": list(spans)}
    return json.dumps({"resourceSpans": [{"resource": {"attributes": [_kv("service.name", "sync")]}, "scopeSpans": [scope]}]})


def test_an_otlp_spans_attributes_state_the_calls_status(catalog):
    # a client span with no exception event: its status (a key/value pair) was unread, the vendor named by the URL alone
    ok = {"name": "GET", "attributes": [_kv("url.full", "https://api.example.org/health"), _kv("http.response.status_code", 200)]}
    failed = {"name": "GET", "status": {"code": 2}, "attributes": [
        _kv("http.request.method", "GET"), _kv("url.full", "https://api.accounting.sage.com/v3.1/contacts?page=1"),
        _kv("http.response.status_code", 401)]}  # fmt: skip
    d = explain(catalog, _otlp_spans(ok, failed)).as_dict()
    assert (d["vendor"], d["http"]["status"], d["errors"][0]["match"]) == ("sage", 401, "status")


def test_an_otlp_log_records_exception_message_is_read(catalog):
    body = json.dumps(SAGE_BODY)
    record = {"timeUnixNano": "1715677964120000000", "severityNumber": 17, "severityText": "ERROR",
              "body": {"stringValue": "upstream call failed"},
              "attributes": [_kv("url.full", "https://api.accounting.sage.com/v3.1/contacts"),
                             _kv("http.response.status_code", 401), _kv("exception.type", "ApiError"),
                             _kv("exception.message", body)]}  # fmt: skip
    paste = json.dumps({"resourceLogs": [{"scopeLogs": [{"scope": {"name": "sync"}, "logRecords": [record]}]}]})
    assert _top(explain(catalog, paste).as_dict()) == ("sage", "exact", "AccessTokenExpiredError")


SAGE_URL = "https://api.accounting.sage.com/v3.1/contacts?page=1"


def _sentry_event(value: str, *crumbs: tuple[str, int]) -> str:
    # the payload a Sentry SDK sends (and an event's "JSON" link shows): exceptions oldest first, http breadcrumbs
    breadcrumbs = [{"type": "http", "category": "httplib", "level": "info", "timestamp": 1715677964.0,
                    "data": {"method": "GET", "url": url, "status_code": status}} for url, status in crumbs]  # fmt: skip
    return json.dumps({
        "event_id": "9f2c6a1be0d34c6f8e0c4b1f2a3d5e67", "level": "error", "platform": "python",
        "exception": {"values": [{"type": "SageApiError", "module": "sync.sage", "value": value,
                                  "stacktrace": {"frames": [{"filename": "sync/sage.py", "function": "call", "lineno": 88}]}}]},
        "breadcrumbs": {"values": breadcrumbs}, "request": {"url": "https://app.acme.example/sync", "method": "POST"},
        "sdk": {"name": "sentry.python", "version": "2.8.0"}}, indent=2)  # fmt: skip


def test_a_sentry_events_exception_is_read_with_the_failed_call_its_breadcrumbs_recorded(catalog):
    # the exception's "type: value" is the error (it was the event's whole JSON), the last failed http breadcrumb the
    # call: the vendor, its status and the documented error (was: vendor unknown, a similar text only)
    paste = _sentry_event("Your Access token has expired.", ("https://api.example.org/ok", 200), (SAGE_URL, 401))
    d = explain(catalog, paste).as_dict()
    assert _top(d) == ("sage", "exact", "AccessTokenExpiredError")
    assert d["http"]["status"] == 401
    assert d["errors"][0]["observed"]["message"] == "SageApiError: Your Access token has expired."


def test_a_successful_call_in_a_sentry_events_breadcrumbs_is_not_its_error(catalog):
    # an unrelated exception after a call that succeeded: the call's host named the vendor
    d = explain(catalog, _sentry_event("KeyError: 'id'", (SAGE_URL, 200))).as_dict()
    assert d["vendor"] is None and d["http"]["status"] is None

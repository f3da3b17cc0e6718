"""A log record that states its exchange in OpenTelemetry's and Elastic Common Schema's attribute names is read as that
exchange (blind34).

A Go service's zap logger writes each HTTP call it makes with the standard names, flat: "http.request.method",
"url.path", "http.response.status_code", "http.response.body.content" beside its own "msg": "http client". explain
read such a record as its message alone ("http client", not in the catalog): a vendor's documented body in the
record's body field went unread, and so did its status and request. The layout below is that logger's real line (a
public Go tutorial's log sample, stored file 8844445144; its access token replaced by a random string of the same
shape); its body and status are replaced by real vendor pastes of the corpus, and the control puts other services'
real bodies there, which no vendor may claim. Python's ecs-logging writes the same names de-dotted, one object inside
another (lnav's test/logfile_ecs_log.json: "log": {"logger": ..., "origin": {...}}): its real line carries them nested.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from typer.testing import CliRunner

from corpus import OWN_CORPUS, load_cases, top_reading
from errcat.cli import app
from errcat.explainer import explain

CASES = {c["id"]: c for c in load_cases(OWN_CORPUS)}
TOKEN = (
    "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJkZXMiOjAsImFrcCI6MCwiY3BjIjpbInVzZXItbWFuYWdlciJdfQ"
    ".Qk9HVVMtc2lnbmF0dXJlLW5vdC1yZWFsLXh5ejEyMzQ1Njc4OTAtYWJjZGVmZ2hpams"
)
RECORD: dict[str, Any] = {
    "level": "INFO", "time": "2021-02-24T19:50:35.754+0800", "caller": "http/client.go:210", "msg": "http client",
    "http.request.method": "POST", "url.path": "/api/v1/token", "url.query": {}, "destination.address": "10.120.26.62:9979",
    "X-Y-Request-Id": "da421472-c67a-46b6-8ce7-971c3c94ea8e",
    "http.request.body.content": '{"grant_type":"client_credentials"}', "http.response.status_code": 200,
    "http.response.body.content": json.dumps({"access_token": TOKEN, "token_type": "bearer", "expires_in": 1799}),
    "cost": 209,
}  # fmt: skip

# vendors' documented bodies of the corpus, each with the status its documents give: MYOB's IncorrectRowVersionSupplied
# (own-x21-0, 409) and InsufficientItemQuantity (blind31-52, 400), Sage's PathNotFound fields (blind31-53, 404)
VENDOR_BODIES = {"own-x21-0": 409, "blind31-52": 400, "blind31-53": 404}


# Python's ecs-logging line, its own fields as it writes them: tstack/lnav@e3a4454 test/logfile_ecs_log.json
ECS_LINE: dict[str, Any] = {
    "@timestamp": "2025-01-13T09:58:13.634Z", "log.level": "error", "message": "this is a error message num=15",
    "ecs.version": "1.6.0",
    "log": {"logger": "app", "origin": {"file": {"line": 45, "name": "es_logger.py"}, "function": "main"}},
    "process": {"name": "MainProcess", "pid": 9159, "thread": {"id": 140631176265728, "name": "MainThread"}},
}  # fmt: skip


def _record(body: str, status: int, layout: str = "zap") -> str:
    if layout == "zap":  # flat, as zap writes the names
        return json.dumps({**RECORD, "http.response.status_code": status, "http.response.body.content": body})
    call = {"http": {"request": {"method": "POST"}, "response": {"status_code": status, "body": {"content": body}}}}
    return json.dumps({**ECS_LINE, **call, "url": {"path": "/api/v1/token"}})  # nested, as ecs-logging de-dots them


def test_the_real_record_is_read_as_its_request_and_status_and_its_token_is_not_printed(catalog):
    x = explain(catalog, json.dumps(RECORD))
    assert (x.exchange.method, x.exchange.status) == ("POST", 200)
    for fmt in ("table", "json", "markdown"):
        result = CliRunner().invoke(app, ["explain", "--format", fmt], input=json.dumps(RECORD), env={"ERRCAT_CATALOG": ""})
        assert result.exit_code in (0, 1), result.output
        assert "/api/v1/token" in result.output
        assert TOKEN not in result.output and TOKEN[40:70] not in result.output


@pytest.mark.parametrize("layout", ["zap", "ecs"])
@pytest.mark.parametrize("case", VENDOR_BODIES)
def test_a_vendors_body_in_the_records_body_field_is_matched_as_the_exchange_written_out(catalog, case, layout):
    body, status = CASES[case]["raw"], VENDOR_BODIES[case]
    written_out = f"POST /api/v1/token\nHTTP/1.1 {status}\n\n{body}"
    alone = top_reading(catalog, written_out)
    assert alone[0] is not None and alone[1] in ("exact", "template", "code")  # the premise: the exchange names it
    assert top_reading(catalog, _record(body, status, layout)) == alone
    x = explain(catalog, _record(body, status, layout))
    assert (x.exchange.method, x.exchange.status) == ("POST", status)


@pytest.mark.parametrize("layout", ["zap", "ecs"])
def test_another_services_body_in_the_records_body_field_is_claimed_by_no_vendor(catalog, layout):
    """blind34's other services' bodies (Twinfield, FreeAgent, Exact Online, Visma-shaped codes, Rails' defaults, ...),
    each with the status 400: no vendor, no claim."""
    bodies = [c["raw"] for c in CASES.values() if c["id"].startswith("blind34-") and c["vendor"] is None]
    assert len(bodies) >= 50
    claimed = []
    for body in bodies:
        x = explain(catalog, _record(body, 400, layout))
        if x.vendor is not None or any(e.kind in ("exact", "template", "code", "status") for e in x.errors):
            claimed.append((body[:80], x.vendor, [e.kind for e in x.errors]))
    assert claimed == []

"""A Sentry event about a mistake in the application's own code (a KeyError, a TypeError) is not the error of an HTTP
call that failed before it: the event's breadcrumbs keep every call of the request, and the last failed one was read
as the exception's call, so "KeyError: 'template_name'" came out as a vendor's 401."""

from __future__ import annotations

import json

from errcat.explainer import explain

MYOB_URL = "https://api.myob.com/accountright/0b7c1e9e-5c7a-4d3e-9a55-2f1c3b6d8e10/Contact/Customer"


def _event(*exceptions: tuple[str, str]) -> str:
    # the payload a Sentry SDK sends: exceptions oldest first, an http breadcrumb of a call answered 401
    crumb = {"type": "http", "category": "httplib", "level": "info", "timestamp": 1715677964.0,
             "data": {"method": "GET", "url": MYOB_URL, "status_code": 401}}  # fmt: skip
    return json.dumps({
        "event_id": "4b7e1c2d9a0f4e3b8c6d5a4f3e2d1c0b", "level": "error", "platform": "python",
        "exception": {"values": [{"type": t, "module": "app.views", "value": v} for t, v in exceptions]},
        "breadcrumbs": {"values": [crumb]}, "sdk": {"name": "sentry.python", "version": "2.8.0"}})  # fmt: skip


def test_a_code_mistake_after_a_failed_call_is_not_the_calls_error(catalog):
    for kind, value in [("KeyError", "'template_name'"), ("TypeError", "'NoneType' object is not subscriptable")]:
        d = explain(catalog, _event((kind, value))).as_dict()
        assert d["vendor"] is None and d["http"]["status"] is None, kind
        assert d["errors"][0]["observed"]["message"] == f"{kind}: {value}"


def test_an_http_error_or_one_a_mistake_was_raised_during_is_still_read_with_the_failed_call(catalog):
    for chain in ([("HTTPError", "401 Client Error: Unauthorized")], [("HTTPError", "401"), ("KeyError", "'Errors'")]):
        d = explain(catalog, _event(*chain)).as_dict()
        assert d["vendor"] == "myob" and d["http"]["status"] == 401, chain

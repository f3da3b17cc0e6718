"""Errors exported by observability tools, read as one flat log record (logrecord.exchange_paste reads its fields): an
OTLP/JSON export's failed span or error log record, and a Sentry event's exceptions with the failed HTTP call its
breadcrumbs recorded. Both name their call's URL, status and exception in shapes a log record does not have (key/value
attribute lists; ``exception.values[].{type, value}``), so they were read as a JSON document: a client span's status
unread, a Sentry event's message the whole event's JSON and the call its breadcrumb recorded lost."""

from __future__ import annotations

from typing import Any


def exported_item(d: dict[str, Any]) -> dict[str, Any] | None:
    """The flat record of an OTLP export or a Sentry event (keys in lower case, as ``lower`` gives them); None for
    anything else."""
    if "resourcespans" in d or "resourcelogs" in d:
        return _otlp_item(d)
    return _sentry_item(d)


# OTLP/JSON, as the OpenTelemetry collector's file and debug exporters and the SDKs' OTLP exporters write it: resources,
# their scopes (instrumentationLibrary* before OTLP 0.15), then spans or log records
_OTLP_PATHS = (
    ("resourcespans", ("scopeSpans", "instrumentationLibrarySpans"), "spans"),
    ("resourcelogs", ("scopeLogs", "instrumentationLibraryLogs"), "logRecords"),
)


def _otlp_item(d: dict[str, Any]) -> dict[str, Any] | None:
    """The failed span or error log record of an OTLP/JSON export (the first item when none failed) as one flat record:
    its attributes ({"key": "http.response.status_code", "value": {"intValue": "401"}}) and its exception events'
    ("exception.type", "exception.message") by their names, its status's or body's words as its message. Its call's
    URL named the vendor; its status, its exception's message and a body in it were unread (a list of key/value pairs)."""
    items = [
        item
        for root, scopes, key in _OTLP_PATHS
        for resource in _dicts(d.get(root))
        for scope in (s for name in scopes for s in _dicts(resource.get(name)))
        for item in _dicts(scope.get(key))
    ]
    if not items:
        return None
    item = next((i for i in items if _otlp_failed(i)), items[0])
    flat = _otlp_values(item.get("attributes"))
    for event in _dicts(item.get("events")):
        flat.update(_otlp_values(event.get("attributes")))
    said = _otlp_value(item.get("body")) or _lower(item.get("status")).get("message")
    return {**flat, "message": said} if isinstance(said, str) and said else flat


def _otlp_failed(item: dict[str, Any]) -> bool:
    """A span whose status is ERROR (code 2), or a log record of severity ERROR or worse (17 and up)."""
    code, severity = _lower(item.get("status")).get("code"), item.get("severityNumber")
    return code in (2, "STATUS_CODE_ERROR") or (isinstance(severity, int) and severity >= 17)


def _otlp_values(attributes: Any) -> dict[str, Any]:
    return {str(a["key"]).lower(): _otlp_value(a.get("value")) for a in _dicts(attributes) if "key" in a}


def _otlp_value(value: Any) -> Any:
    """An OTLP AnyValue's value: {"stringValue": s}, {"intValue": "401"} (a string in JSON), {"boolValue": b}, ..."""
    return next(iter(value.values()), None) if isinstance(value, dict) else None


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _lower(value: Any) -> dict[str, Any]:
    return {str(k).lower(): v for k, v in value.items()} if isinstance(value, dict) else {}


# Sentry's event payload (what an SDK sends, what "JSON" on an event's page shows): its exceptions under "exception"
# ({"values": [...]} or a bare list), oldest first; the web UI's download nests each interface as {"type", "data"} in
# "entries"; a breadcrumb of type "http" records a call the app made ({"method", "url", "status_code"} in its data).
_HTTP_CRUMBS = frozenset(("http", "httplib", "xhr", "fetch"))
_EVENT_KEYS = frozenset(("event_id", "level", "platform", "timestamp", "sdk"))  # an event's own, beside its "error"


def _sentry_item(d: dict[str, Any]) -> dict[str, Any] | None:
    """A Sentry event's exceptions ("Type: value", the one raised first) and the last failed HTTP call its breadcrumbs
    recorded (method, URL, status of 400 or more). Not its "request": a server SDK's is the page the app served. None
    when the object holds no Sentry exception."""
    entries = {e.get("type"): e.get("data") for e in _dicts(d.get("entries"))}
    exceptions = _values(d.get("exception")) or _values(entries.get("exception"))
    error = _lower(d.get("error"))
    if not exceptions and {"type", "value"} <= error.keys() and _EVENT_KEYS & d.keys():  # under "error", in an event
        exceptions = [error]
    said = [f"{e.get('type')}: {e.get('value')}" if e.get("type") else str(e.get("value")) for e in reversed(exceptions)
            if isinstance(e.get("value"), str) or isinstance(e.get("type"), str)]  # fmt: skip
    if not said:
        return None
    item: dict[str, Any] = {"message": "\n".join(said)}
    crumbs = _values(d.get("breadcrumbs")) or _values(entries.get("breadcrumbs"))
    failed = [c for c in crumbs if _crumb_failed(c)]
    if failed and not all(e.get("type") in _CODE_ERRORS for e in exceptions):
        call = _lower(failed[-1].get("data"))
        item.update(method=call.get("method"), url=call.get("url"), status=call.get("status_code"))
    return item


# A mistake in the application's own code, which no HTTP call's answer raises: an event of only these is about the code,
# and a call that failed earlier (its breadcrumb) is not its error ("KeyError: 'template_name'" was read as MYOB's 401)
_CODE_ERRORS = frozenset((
    "KeyError", "TypeError", "AttributeError", "IndexError", "NameError", "UnboundLocalError", "ZeroDivisionError",
    "AssertionError", "ImportError", "ModuleNotFoundError", "RecursionError", "NotImplementedError", "SyntaxError",
    "ReferenceError", "RangeError", "NoMethodError", "NullPointerException", "NullReferenceException",
    "ClassCastException", "IndexOutOfRangeException", "ArrayIndexOutOfBoundsException",
))  # fmt: skip


def _values(value: Any) -> list[dict[str, Any]]:
    """An interface's values: {"values": [...]} or the list itself."""
    return _dicts(value.get("values") if isinstance(value, dict) else value)


def _crumb_failed(crumb: dict[str, Any]) -> bool:
    status = _lower(crumb.get("data")).get("status_code")
    kind = str(crumb.get("type") or crumb.get("category") or "").lower()
    return (kind in _HTTP_CRUMBS or crumb.get("category") in _HTTP_CRUMBS) and isinstance(status, int) and status >= 400

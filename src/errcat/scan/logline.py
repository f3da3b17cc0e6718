"""A log record's own framing: its timestamp, its level, and for JSON-lines records the request,
status and body held in the object's fields, turned into a paste explain reads like any other."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from typing import Any

from ..errors import UsageError

_MONTHS = {m: i + 1 for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
_ISO = re.compile(
    r"(?<!\d)(\d{4})[-/](\d\d)[-/](\d\d)[T ](\d\d):(\d\d)(?::(\d\d)(?:[.,](\d{1,9}))?)?[ ]?(Z|UTC|GMT|[+-]\d\d:?\d\d)?(?![\d:])"
)
_CLF = re.compile(r"(?<!\d)(\d\d)/([A-Za-z]{3})/(\d{4}):(\d\d):(\d\d):(\d\d)(?: ([+-]\d{4}))?")
_HEAD_WINDOW = 120  # a log line's timestamp is near its start
_TIME_KEYS = ("@timestamp", "timestamp", "ts", "time", "datetime", "date", "asctime", "t", "@t", "logged_at", "created_at")
_LEVEL_KEYS = ("level", "severity", "lvl", "levelname", "log.level", "@l", "loglevel")
_MESSAGE_KEYS = ("msg", "message", "error", "err", "exception", "reason", "detail", "description", "@m", "@mt")
_BODY_KEYS = ("body", "response_body", "responsebody", "response", "error_body", "errorbody", "payload", "data", "content")
_URL_KEYS = ("url", "uri", "request_url", "requesturl", "path", "endpoint", "request_uri")
_METHOD_KEYS = ("method", "http_method", "httpmethod", "verb", "request_method")
_STATUS_KEYS = ("status", "status_code", "statuscode", "http_status", "httpstatus", "response_status", "code")
_ERROR_LEVEL = re.compile(r"\b(?:ERROR|ERR|FATAL|CRITICAL|CRIT|SEVERE|EMERG|ALERT|PANIC|E)\b|\b(?:error|fatal|critical)\b")
_QUIET_LEVEL = re.compile(r"(?:^|[\s\[|:])(?:INFO|DEBUG|TRACE|VERBOSE|NOTICE|info|debug|trace)(?:$|[\s\]|:])")


def _tz(text: str | None) -> timedelta:
    if not text or text in ("Z", "UTC", "GMT"):
        return timedelta(0)
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4]))


def timestamp_in(line: str) -> tuple[datetime, tuple[int, int]] | None:
    """The timestamp near the start of a log line (as UTC; a time without zone is taken as UTC)
    and where it is in the line."""
    head = line[:_HEAD_WINDOW]
    try:
        m = _ISO.search(head)
        if m:
            y, mo, d, h, mi, s, frac, zone = m.groups()
            micro = int((frac or "0")[:6].ljust(6, "0"))
            when = datetime(int(y), int(mo), int(d), int(h), int(mi), int(s or 0), micro, tzinfo=UTC)
            return when - _tz(zone), m.span()
        m = _CLF.search(head)
        if m and m.group(2).lower() in _MONTHS:
            d, mon, y, h, mi, s, zone = m.groups()
            when = datetime(int(y), _MONTHS[mon.lower()], int(d), int(h), int(mi), int(s), tzinfo=UTC)
            return when - _tz(zone), m.span()
    except ValueError:  # 2026-13-45: looks like a time, is not one
        return None
    return None


def time_value(value: Any) -> datetime | None:
    """A JSON field's timestamp: ISO text, or epoch seconds / milliseconds."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        seconds = value / 1000 if value > 1e11 else value
        if 1e8 < seconds < 1e10:
            return datetime.fromtimestamp(seconds, UTC)
        return None
    if isinstance(value, str):
        found = timestamp_in(value)
        return found[0] if found else None
    return None


def error_level(head: str) -> bool:
    """Whether the line is logged at an error level (ERROR, FATAL, level=error ...)."""
    window = head[:_HEAD_WINDOW]
    return bool(_ERROR_LEVEL.search(window)) and not _QUIET_LEVEL.search(window[:40])


def _field(d: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for k in keys:
        if k in d:
            return d[k]
    return None


def json_line(text: str) -> tuple[str, datetime | None, bool] | None:
    """A JSON-lines record as (paste, timestamp, logged at an error level); None if not one.

    The paste is what explain reads: the request line, the status and the body the object holds,
    or its message when it holds no body."""
    if not text.startswith("{") or "\n" in text.strip():
        return None
    try:
        obj = json.loads(text)
    except ValueError:
        return None
    if not isinstance(obj, dict):
        return None
    d = _lower(obj)
    when = time_value(_field(d, _TIME_KEYS))
    level = _field(d, _LEVEL_KEYS)
    is_error = isinstance(level, str) and level.lower() in ("error", "err", "fatal", "critical", "crit", "severe", "e")
    for key in _TIME_KEYS:
        d.pop(key, None)
    request = _lower(d.get("request"))
    method = _field(d, _METHOD_KEYS) or _field(request, _METHOD_KEYS)
    url = _field(d, _URL_KEYS) or _field(request, _URL_KEYS)
    status = _field(d, _STATUS_KEYS)
    body = _field(d, _BODY_KEYS)
    if isinstance(body, dict):  # {"response": {"status": 400, "body": {...}}}
        inner = _lower(body)
        if not _is_status(status):
            status = _field(inner, _STATUS_KEYS)
        body = _field(inner, _BODY_KEYS) or body
    lines = []
    if isinstance(method, str) and isinstance(url, str):
        lines.append(f"{method.upper()} {url}")
    elif isinstance(url, str) and url.startswith(("http://", "https://")):
        lines.append(url)
    if _is_status(status):
        lines.append(f"HTTP/1.1 {int(str(status))}")
    if lines:
        lines.append("")
    if body is None or body == "" or body == {}:
        message = _field(d, _MESSAGE_KEYS)
        body = message if message is not None else d
    lines.append(body if isinstance(body, str) else json.dumps(body, ensure_ascii=False))
    return "\n".join(lines), when, is_error


def _lower(value: Any) -> dict[str, Any]:
    return {str(k).lower(): v for k, v in value.items()} if isinstance(value, dict) else {}


def _is_status(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, str) and value.isdigit():
        value = int(value)
    return isinstance(value, int) and 100 <= value <= 599


_RELATIVE = re.compile(r"^(\d+)\s*([smhdw])$")


def parse_when(text: str, now: datetime | None = None, end: bool = False) -> datetime:
    """A --since/--until value: ISO date or date-time (UTC unless it says), or a span back from
    now (``90m``, ``6h``, ``2d``, ``1w``). With ``end`` (--until), a bare date means the end of
    that day: ``--until 2026-11-20`` includes the 20th."""
    value = text.strip()
    m = _RELATIVE.match(value.lower())
    if m:
        unit = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}[m.group(2)]
        try:
            return (now or datetime.now(UTC)) - timedelta(**{unit: int(m.group(1))})
        except (OverflowError, ValueError):
            raise UsageError(f"{text!r} reaches back before the year 1: use a shorter span or a date") from None
    try:
        when = datetime.fromisoformat(value.replace(" ", "T", 1) if len(value) > 10 else value)
    except ValueError:
        raise UsageError(f"cannot read {text!r} as a time: use 2026-11-19, 2026-11-19T02:00:00Z, or 6h / 2d ago") from None
    if end and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        when += timedelta(days=1, microseconds=-1)
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)

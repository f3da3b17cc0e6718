"""Recorded HTTP traffic -> one paste per error response: VCR cassettes and HAR files.

Ruby's VCR and Python's vcrpy record ``request``/``response`` pairs (YAML or JSON, the body under
``body: {string: ...}``, the status under ``status: {code, message}``); a browser's devtools
export HAR (``log.entries[].request/response``, the body under ``content.text``; one entry alone
is read too, as a program logs it); Postman's Newman writes a JSON report (``run.executions[].request/response``, the
body as a Node Buffer's bytes under ``stream``). Every response
with a status of 400 or more, every redirect whose Location carries an OAuth error, and every 2xx whose body is a
fault (Intuit's batch answers) becomes an
HTTP exchange in text, in recorded order, for the rest of the pipeline to read as if it had been pasted on its own.
"""

import base64
import binascii
import functools
import re
import zlib
from typing import Any, NamedTuple

from ..text import WIDE, byte_kind
from .envelopes import DECODER, redirect_error, status_of  # 5,000 nines: kept as text, not a ValueError
from .recorded import YAML_CASSETTE, recorded_as

MAX_INTERACTIONS = 200  # error responses explained from one recording; the rest are counted
# Exchanges of a YAML cassette parsed: PyYAML builds ~4,000 a second here (a 2 MB cassette of
# 17,000 short ones took 4.7 s), JSON ~100,000. Five times the errors explained.
MAX_YAML_EXCHANGES = 1_000
# Values (keys, items, scalars) of a YAML cassette composed: each costs ~600 bytes and ~10 us, and one
# exchange of 100,000 headers (2 MB) took 4 s and 194 MB. 1,000 short exchanges hold ~30,000.
MAX_YAML_VALUES = 60_000


class Recorded(NamedTuple):
    """One recorded error exchange, written out as the text of an HTTP exchange."""

    text: str
    request: str  # "POST https://host/path", to label the errors that came from it


class Recording(NamedTuple):
    kind: str  # "VCR cassette" | "HAR file" | "HAR entry" | "Newman report"
    interactions: int  # the recorded exchanges read
    errors: list[Recorded]  # those with status >= 400, in order (at most MAX_INTERACTIONS)
    more: int  # error exchanges beyond MAX_INTERACTIONS
    unread: int = 0  # exchanges of a long YAML cassette past MAX_YAML_EXCHANGES, not read
    unusable: int = 0  # entries with no response object (a HAR entry of a request that never got one)
    redirects: int = 0  # of the errors, redirects whose Location carries an OAuth error (status 3xx)
    faults: int = 0  # of the errors, 2xx responses whose body is a fault (Intuit's batch and attachment answers)


def read_recording(text: str) -> Recording | None:
    """The error exchanges of a VCR cassette or HAR file; None when the text is neither."""
    kind = recorded_as(text)
    data: Any = None
    if kind == "json":
        try:
            data = DECODER.decode(text)
        except (ValueError, RecursionError):  # 5,000 nines or 100,000 brackets: not a recording errcat reads
            return None
    elif kind == "yaml":
        text, unread = _first_exchanges(text)
        data = _yaml(text)
        if unread:
            found = _vcr_recording(data)
            return found._replace(unread=unread) if found else None
    if isinstance(data, dict) and isinstance(data.get("log"), dict) and isinstance(data["log"].get("entries"), list):
        return _collect("HAR file", [_har(e) for e in data["log"]["entries"]])
    if isinstance(data, dict) and "startedDateTime" in data and isinstance(data.get("response"), dict):
        return _collect("HAR entry", [_har(data)])  # one entry, logged as a JSON line
    if isinstance(data, dict) and isinstance(run := data.get("run"), dict) and isinstance(run.get("executions"), list):
        return _collect("Newman report", [_newman(e) for e in run["executions"]])
    return _vcr_recording(data)


def _vcr_recording(data: Any) -> Recording | None:
    if isinstance(data, dict):
        data = data.get("http_interactions", data.get("interactions"))
    if isinstance(data, list) and data and all(isinstance(i, dict) and "response" in i for i in data):
        return _collect("VCR cassette", [_vcr(i) for i in data])
    return None


_YAML_ITEM = re.compile(r"^([ \t]*+)-[ \t]", re.MULTILINE)


def _first_exchanges(text: str) -> tuple[str, int]:
    """A YAML cassette cut before its exchange MAX_YAML_EXCHANGES + 1, and how many were cut off.

    The exchanges are the items of the cassette's list: lines that open with "- " at the first
    item's indentation (a deeper line is inside an item). A cut there leaves whole items, so the
    YAML stays well formed."""
    key = YAML_CASSETTE.search(text)
    first = _YAML_ITEM.search(text, key.start()) if key else None
    if first is None:
        return text, 0
    items = re.compile("^" + re.escape(first.group(1)) + r"-[ \t]", re.MULTILINE)
    starts = [m.start() for m in items.finditer(text, first.start())]
    keep = min(len(starts), MAX_YAML_EXCHANGES, _within_values(text, starts))
    return (text, 0) if keep == len(starts) else (text[: starts[keep]], len(starts) - keep)


def _within_values(text: str, starts: list[int]) -> int:
    """How many of the exchanges starting at ``starts`` come before the value past MAX_YAML_VALUES
    (all of them when the text holds fewer): an exchange is kept whole or not at all."""
    import yaml

    from ..catalog.yamlio import value_past_cap

    try:
        past = value_past_cap(text, MAX_YAML_VALUES)
    except yaml.YAMLError:
        return len(starts)  # not YAML: composing fails as quickly
    if past is None or past.start_mark is None:
        return len(starts)
    lines, seen, at = 0, 0, 0
    for start in starts:
        lines += text.count("\n", at, start)
        at = start
        if lines > past.start_mark.line:
            break
        seen += 1
    return max(seen - 1, 0)  # the exchange that holds the value past the cap is not kept


def _yaml(text: str) -> Any:
    import yaml  # only for a recording: PyYAML stays off explain's start-up path

    from ..catalog.yamlio import expanded_beyond, value_past_cap

    try:
        if value_past_cap(text, MAX_YAML_VALUES) is not None:
            return None  # a cassette's first exchange, or a YAML paste, of more values than any recording holds
    except yaml.YAMLError:
        return None
    loader = _lenient_loader()(text)  # a safe loader: no Ruby or Python objects are built
    try:
        node = loader.get_single_node()
        if node is None or expanded_beyond(node) is not None:  # a "billion laughs" is no recording
            return None
        return loader.construct_document(node)
    except (yaml.YAMLError, RecursionError, ValueError, OverflowError):  # whatever else a constructor may refuse
        return None
    finally:
        loader.dispose()


@functools.cache
def _lenient_loader() -> Any:
    """PyYAML's safe loader, except that a date-time and an integer it cannot build stay text: a
    cassette's ``recorded_at: 2001-02-30`` or a status of 5,000 nines is an odd value, not an error
    (the safe loader raised ValueError on both). A base64 body is read as ``base64_string`` is, under
    YAML's ``!!binary`` and under Ruby's own ``!binary``: Ruby's VCR writes a body that is not UTF-8
    (gzip, or a page it took for ASCII-8BIT) as ``string: !binary |-``, which PyYAML knew no
    constructor for, so the whole cassette was not read (blind33-4, an InvoiceXpress 404 page)."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    def integer(loader: Any, node: Any) -> Any:
        try:
            return yaml.SafeLoader.construct_yaml_int(loader, node)
        except ValueError:
            return loader.construct_scalar(node)

    lenient: Any = type("LenientLoader", (base,), {})  # add_constructor copies the table for the subclass
    lenient.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))
    lenient.add_constructor("tag:yaml.org,2002:int", integer)
    for tag in ("tag:yaml.org,2002:binary", "!binary"):
        lenient.add_constructor(tag, lambda loader, node: _unbase64(str(loader.construct_scalar(node))))
    return lenient


def _collect(kind: str, exchanges: list[tuple[int | None, Recorded] | None]) -> Recording:
    found = [e for e in exchanges if e is not None]
    redirected = {id(r) for status, r in found if status is not None and 300 <= status < 400 and _carries_error(r.text)}
    faulted = {id(r) for status, r in found if status is not None and 200 <= status < 300 and _answers_fault(r.text)}
    errors = [r for status, r in found if (status is not None and status >= 400) or id(r) in redirected or id(r) in faulted]
    more = max(0, len(errors) - MAX_INTERACTIONS)
    return Recording(
        kind,
        len(found),
        errors[:MAX_INTERACTIONS],
        more,
        unusable=len(exchanges) - len(found),
        redirects=len(redirected),
        faults=len(faulted),
    )


# A fault in a response body: a JSON "Fault" object (Intuit answers a batch or an attachment's link with 200 and
# {"Fault": {"Error": [...]}}) or a <Fault> / <soap:Fault> element. A request's body may quote one: only the response's
# is looked at.
_FAULT = re.compile(r'"(?:[\w-]{1,40}:)?fault"\s*:\s*\{|<(?:[\w-]{1,40}:)?fault[\s>]', re.IGNORECASE)
_STATUS_LINE = "\nHTTP/1.1 "


def _answers_fault(text: str) -> bool:
    """Whether a recorded 2xx exchange's response body is a fault."""
    at = text.rfind(_STATUS_LINE)
    body = text[at:].partition("\n\n")[2] if at != -1 else ""
    return _FAULT.search(body, 0, 65536) is not None


_LOCATION = re.compile(r"^Location:[ \t]*(\S{1,8192})", re.IGNORECASE | re.MULTILINE)


def _carries_error(text: str) -> bool:
    """Whether a recorded redirect sends an OAuth error back to the app in its Location (a user's refusal)."""
    m = _LOCATION.search(text)
    return m is not None and redirect_error(m.group(1)) is not None


def _body(value: Any) -> str:
    """A recorded body: a string, VCR's ``{string|base64_string: ...}``, or bytes of ``!binary``."""
    if isinstance(value, dict):
        if "base64_string" in value:
            value = _unbase64(str(value["base64_string"]))
        else:
            value = value.get("string", "")
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return "" if value is None else str(value)


_UNPACKED_MAX = 1 << 20  # a gzip body recorded in base64 is unpacked to this much, no more (a bomb stops here)


def _unbase64(text: str) -> str:
    """A body recorded in base64: its text, unpacked when it is gzip; a binary one (an image, a
    bomb's zeros) as a short note, never as its bytes escaped (2 KB of \\x00 was shown as the message)."""
    try:
        data = base64.b64decode(text, validate=False)
    except (binascii.Error, ValueError):
        return ""
    return _bytes_text(data)


def _bytes_text(data: bytes) -> str:
    """A recorded body's bytes as text: unpacked when gzip, decoded as a paste's bytes are; a binary body as a note."""
    if byte_kind(data[:4]) == "gzip":
        try:
            data = zlib.decompressobj(wbits=31).decompress(data, _UNPACKED_MAX)
        except zlib.error:
            return f"[a gzip body of {len(data):,} bytes that does not unpack]"
    kind = byte_kind(data[:4096])  # as a paste's bytes are told (split.decode)
    if kind in WIDE:
        return data.decode(kind, errors="replace")
    if kind != "text":
        return f"[a binary body of {len(data):,} bytes]"
    return data.decode("utf-8", errors="replace")


def _header_lines(headers: Any) -> list[str]:
    """VCR's ``{Name: [values]}`` or HAR's ``[{name, value}]`` as ``Name: value`` lines."""
    lines: list[str] = []
    if isinstance(headers, dict):
        for name, values in headers.items():
            for v in values if isinstance(values, list) else [values]:
                lines.append(f"{name}: {v}")
    elif isinstance(headers, list):
        for h in headers:
            if isinstance(h, dict) and "name" in h:
                lines.append(f"{h['name']}: {h.get('value', '')}")
    return [ln.replace("\n", " ") for ln in lines]


def _exchange(method: str, url: str, req_headers: Any, status: int | None, reason: str, headers: Any, body: str) -> Recorded:
    request = f"{method.upper()} {url}".strip()
    lines = [request, *_header_lines(req_headers), "", f"HTTP/1.1 {status} {reason}".rstrip(), *_header_lines(headers), "", body]
    return Recorded("\n".join(lines), request)


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _vcr(i: dict[str, Any]) -> tuple[int | None, Recorded] | None:
    req = _dict(i.get("request"))
    resp = i.get("response")
    if not isinstance(resp, dict):
        return None
    st = resp.get("status")
    status = status_of(st.get("code") if isinstance(st, dict) else st)
    reason = str(st.get("message") or "") if isinstance(st, dict) else ""
    rec = _exchange(str(req.get("method") or ""), str(req.get("uri") or ""), req.get("headers"), status, reason,
                    resp.get("headers"), _body(resp.get("body")))  # fmt: skip
    return status, rec


def _har(e: Any) -> tuple[int | None, Recorded] | None:
    if not isinstance(e, dict):
        return None
    req = _dict(e.get("request"))
    resp = e.get("response")
    if not isinstance(resp, dict):
        return None
    status = status_of(resp.get("status"))
    content = _dict(resp.get("content"))
    body = str(content.get("text") or "")
    if content.get("encoding") == "base64":
        body = _unbase64(body)
    rec = _exchange(str(req.get("method") or ""), str(req.get("url") or ""), req.get("headers"), status,
                    str(resp.get("statusText") or ""), resp.get("headers"), body)  # fmt: skip
    return status, rec


def _postman_url(url: Any) -> str:
    """A Postman SDK URL as text: a string, or its object ({"protocol", "host": [labels], "port", "path": [segments],
    "query": [{"key", "value"}]})."""
    if not isinstance(url, dict):
        return "" if url is None else str(url)
    host, path = url.get("host"), url.get("path")
    host = ".".join(map(str, host)) if isinstance(host, list) else str(host or "")
    port = f":{url['port']}" if url.get("port") else ""
    path = "/".join(map(str, path)) if isinstance(path, list) else str(path or "").lstrip("/")
    query = "&".join(f"{q.get('key')}={q.get('value')}" for q in url.get("query") or [] if isinstance(q, dict))
    return f"{url.get('protocol') or 'https'}://{host}{port}/{path}" + (f"?{query}" if query else "")


def _stream(value: Any) -> str:
    """Newman's response body: a Node Buffer as JSON ({"type": "Buffer", "data": [bytes]}), read as a paste's bytes are."""
    data = value.get("data") if isinstance(value, dict) else value
    if isinstance(data, list) and all(isinstance(b, int) and 0 <= b < 256 for b in data):
        return _bytes_text(bytes(data))
    return _body(data)


def _newman(e: Any) -> tuple[int | None, Recorded] | None:
    """One execution of a Newman JSON report: its request (method, Postman URL) and response (code, status, header as
    [{key, value}], stream); the body of each failed call was unread (the report's bytes are numbers)."""
    if not isinstance(e, dict) or not isinstance(resp := e.get("response"), dict):
        return None
    req = _dict(e.get("request"))
    status = status_of(resp.get("code"))
    headers = [{"name": h.get("key"), "value": h.get("value")} for h in resp.get("header") or [] if isinstance(h, dict)]
    rec = _exchange(str(req.get("method") or ""), _postman_url(req.get("url")), None, status, str(resp.get("status") or ""),
                    headers, _stream(resp.get("stream")))  # fmt: skip
    return status, rec

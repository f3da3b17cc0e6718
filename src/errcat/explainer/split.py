"""Raw paste -> Exchange: request line, status, headers and body text, from whatever was pasted.

People paste `curl -i`/`-v` output, HTTP/1.1 or HTTP/2 exchanges, log lines, exception messages
and bare bodies, often quoted with ``>`` or ``//``. This module only finds the HTTP framing;
reading error bodies is envelopes.py's job. Everything here is linear-time regex work over
text that was capped in size before it arrives.
"""

from __future__ import annotations

import re
from http import HTTPStatus
from typing import BinaryIO
from urllib.parse import urlsplit

from ..errors import UsageError
from ..model import HTTP_METHODS
from ..text import UTF8_BOM, byte_kind
from ..values import to_status

MAX_INPUT_BYTES = 2 * 1024 * 1024  # a paste larger than this is cut; the cut is reported
METHODS = HTTP_METHODS
_METHOD = "|".join(METHODS)
KNOWN_STATUSES = frozenset(s.value for s in HTTPStatus)

_PREFIX = re.compile(r"^[ \t]*(?:(?:>|<(?=[ \t]|$)|//)[ \t]?)+")
_REQUEST_LINE = re.compile(rf"^({_METHOD})\s+(\S+)(?:\s+HTTP/\d(?:\.\d)?)?\s*$")
_STATUS_LINE = re.compile(r"^HTTP/\d(?:\.\d)?\s+(\d{3})\b[ \t]*(.*)$", re.IGNORECASE)
_HEADER = re.compile(r"^(:?[A-Za-z0-9][A-Za-z0-9_-]*)[ \t]*:[ \t]?(.*)$")
_CURL_NOISE = re.compile(r"^(?:\*[ \t]|\*$|[{}] \[\d+ bytes data\]|%[ \t]+Total\b)")
_USERINFO = re.compile(r"^([a-z][a-z0-9+.-]*://)[^/?#@]*@", re.IGNORECASE)
_URL = re.compile(r"\bhttps?://[^\s'\"<>`]+", re.IGNORECASE)
_DOC_HOST = re.compile(r"^(?:developer|developers|docs|help|support|www|learn)\.", re.IGNORECASE)
_METHOD_URL = re.compile(rf"\b({_METHOD})\b[\s:]+['\"]?(https?://[^\s'\"<>`]+|/[^\s'\"<>`]*)")
_CURL_METHOD = re.compile(rf"(?:-X|--request)\s*['\"]?({_METHOD})\b", re.IGNORECASE)
_KEYED_METHOD = re.compile(rf"\bmethod[\"']?\s*[:=]\s*[\"']?({_METHOD})\b", re.IGNORECASE)
# How logs and exceptions state a status: "400 Client Error", "(401) Unauthorized", "status: 422", ...
_STATUS_PATTERNS = (
    re.compile(r"\b([1-5]\d\d) (?:Client|Server) Error\b"),
    re.compile(r"(?:->|=>|→)\s*([1-5]\d\d)\b(?![.,:]\d)"),  # a log line's "POST /x -> 400"
    re.compile(r"\(([1-5]\d\d)\)\s*[A-Z]"),
    re.compile(r"<Response \[([1-5]\d\d)\]>"),  # a Python requests Response in a repr
    re.compile(
        r"\b(?:status(?:[ _-]?code)?|http[ _-]?status|http[ _-]?code|response[ _-]?code|statusCode|HTTP)\b[\"']?"
        r"\s*[:=]?\s*[\"']?([1-5]\d\d)\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:failed|failure|error|errored|returned|responded|rejected|response|got|with)\b[^\n\d{}\[\]]{0,16}?\b([1-5]\d\d)\b"
        r"(?![.,]\d)",
        re.IGNORECASE,
    ),
)
_HTML_TITLE = re.compile(r"<title>\s*(?:([1-5]\d\d)\b)?([^<]{0,200})</title>", re.IGNORECASE)
_BARE_STATUS = re.compile(r"^([1-5]\d\d)(?:[ \t]+([A-Za-z][A-Za-z '\-]*))?$")
# requests' raise_for_status text; the reason between is short (bounded: one long line of repeats stays linear)
_PYTHON_HTTP_ERROR = re.compile(r"\b[1-5]\d\d (?:Client|Server) Error: .{0,200}? for url: \S+")


class Exchange:
    """The HTTP facts of a paste. ``body`` is the text to read errors from; filled in as read."""

    __slots__ = ("body", "headers", "host", "method", "path", "reason", "status", "text", "url")

    def __init__(self, text: str, body: str) -> None:
        self.text = text
        self.body = body
        self.method: str | None = None
        self.url: str | None = None
        self.host: str | None = None
        self.path: str | None = None
        self.status: int | None = None
        self.reason: str | None = None
        self.headers: list[tuple[str, str]] = []

    def header(self, name: str) -> str | None:
        name = name.lower()
        return next((v for k, v in self.headers if k.lower() == name), None)

    def set_url(self, url: str) -> None:
        """Record the request URL (absolute, or a path) and its host and path."""
        self.url = url
        if url.startswith("/"):
            self.path = url.split("?", 1)[0].split("#", 1)[0]
            return
        parts = url_parts(url)
        if parts is not None:
            self.host, self.path = parts


def url_parts(url: str) -> tuple[str | None, str] | None:
    """(host, path) of an absolute URL; None when it cannot be parsed. User info (redacted or not) is
    dropped first: ``https://[REDACTED]@host`` would read as an IPv6 literal."""
    url = _USERINFO.sub(r"\1", url, count=1)
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower() or None
    except ValueError:
        return None
    return host, parts.path or "/"


def read_bounded(stream: BinaryIO) -> tuple[bytes, int]:
    """The first MAX_INPUT_BYTES of a stream and the stream's whole size (memory stays bounded).

    The rest is counted only when there is a rest: a short read already met the end of input, and
    reading a terminal again would wait for a second Ctrl-D."""
    data = stream.read(MAX_INPUT_BYTES)
    total = len(data)
    while total >= MAX_INPUT_BYTES and (chunk := stream.read(1 << 20)):
        total += len(chunk)
    return data, total


def decode(data: bytes, size: int | None = None) -> tuple[str, list[str]]:
    """Bytes of a paste -> text, refusing binary junk and empty input, noting lossy decoding."""
    notes: list[str] = []
    size = max(size or 0, len(data))
    if size > MAX_INPUT_BYTES:
        notes.append(f"input is {size:,} bytes; only the first {MAX_INPUT_BYTES:,} were read")
        data = data[:MAX_INPUT_BYTES]
    if byte_kind(data[:2]) == "utf-16":
        data = data.decode("utf-16", errors="replace").encode("utf-8")
    data = data.removeprefix(UTF8_BOM)
    if not data.strip():
        raise UsageError("nothing to explain: the input is empty (paste an error response, a message or a code)")
    sample = data[:65536]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 13))
    if byte_kind(sample) != "text" or controls > len(sample) // 20:
        raise UsageError("the input looks binary, not text: paste the error response as text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        notes.append(f"input is not valid UTF-8 (first bad byte at offset {exc.start}); undecodable bytes were replaced")
        text = data.decode("utf-8", errors="replace")
    return text, notes


def _strip_prefixes(text: str) -> list[str]:
    return [_PREFIX.sub("", line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


def split(text: str) -> Exchange:
    """Find request line, status line, headers and body in a paste of any shape."""
    lines = _strip_prefixes(text)
    ex = Exchange(text="\n".join(lines), body="")
    body_start = 0
    body_end = len(lines)
    framed = False
    state = "free"
    request_target: str | None = None
    for i, line in enumerate(lines):
        stripped = line.strip()
        if m := _STATUS_LINE.match(stripped):
            ex.status, ex.reason = to_status(m.group(1)), (m.group(2).strip() or None)
            ex.headers = [h for h in ex.headers if h[0].startswith(">")]  # keep request headers only
            state, framed, body_start, body_end = "response", True, i + 1, len(lines)
            continue
        if m := _REQUEST_LINE.match(stripped):
            ex.method, request_target = m.group(1), m.group(2)
            state, framed = "request", True
            if ex.status is None:
                body_start = i + 1
            else:
                body_end = min(body_end, i)
            continue
        if state in ("request", "response"):
            if not stripped:
                state = "request-body" if state == "request" else "body"
                if state == "body":
                    body_start = i + 1
                continue
            if (h := _HEADER.match(stripped)) and not stripped.startswith(("{", "[", '"')):
                name = h.group(1)
                ex.headers.append((">" + name if state == "request" else name, h.group(2).strip()))
                if state == "response" or ex.status is None:
                    body_start = i + 1
                continue
            if state == "response":
                state = "body"  # no blank line between headers and body (some log formats)
            else:
                state = "request-body"
    ex.headers = [(k.lstrip(">"), v) for k, v in ex.headers]
    body_lines = [ln for ln in lines[body_start:body_end] if not _CURL_NOISE.match(ln)] if framed else lines
    ex.body = "\n".join(body_lines).strip()
    _find_request(ex, request_target)
    if ex.status is None:
        _find_status(ex)
    return ex


def _find_request(ex: Exchange, request_target: str | None) -> None:
    text = ex.text
    host_header = ex.header("host") or ex.header(":authority")
    if request_target:
        if request_target.startswith("/") and host_header:
            ex.set_url(f"https://{host_header.strip()}{request_target}")
        else:
            ex.set_url(request_target)
    else:
        m = re.search(r"\bfor url: (\S+)", text) or _METHOD_URL.search(text)
        if m:
            url = m.group(m.lastindex or 1)
            if m.re is _METHOD_URL:
                ex.method = ex.method or m.group(1)
            ex.set_url(_trim_url(url))
        else:
            for u in _URL.finditer(text):
                url = _trim_url(u.group(0))
                host = (url_parts(url) or (None, ""))[0] or ""
                if host and not _DOC_HOST.match(host):
                    ex.set_url(url)
                    break
    if ex.method is None:
        m = _CURL_METHOD.search(text) or _KEYED_METHOD.search(text)
        if m:
            ex.method = m.group(1).upper()
    if ex.host is None and host_header:
        ex.host = host_header.strip().lower().split(":")[0]


def _trim_url(url: str) -> str:
    """A URL without the punctuation that closes the sentence or quote around it (a redacted value's
    closing bracket stays: ``?api_key=[REDACTED]``)."""
    trimmed = url.rstrip(".,;:)]}'\"")
    return trimmed + "]" if trimmed.endswith("[REDACTED") and url[len(trimmed) :].startswith("]") else trimmed


def _find_status(ex: Exchange) -> None:
    head = ex.text[:65536]
    title = _HTML_TITLE.search(head)
    if title and title.group(1) and to_status(title.group(1)) in KNOWN_STATUSES:  # a proxy's HTML error page
        ex.status = to_status(title.group(1))
        return
    for pattern in _STATUS_PATTERNS:
        for m in pattern.finditer(head):
            status = to_status(m.group(1))
            if status in KNOWN_STATUSES and status >= 400:
                ex.status = status
                return
    bare = _BARE_STATUS.match(ex.body.strip())
    if bare:
        status = to_status(bare.group(1))
        reason = (bare.group(2) or "").strip()
        if (
            status is not None
            and status in KNOWN_STATUSES
            and (not reason or reason.lower() == HTTPStatus(status).phrase.lower())
        ):
            ex.status, ex.reason = status, reason or None


def is_status_noise(text: str) -> bool:
    """Whether a plain-text line only restates the HTTP status (``400 Client Error: ... for url: ...``)."""
    return bool(_PYTHON_HTTP_ERROR.search(text))


def html_title(text: str) -> str | None:
    """The title of an HTML error page (``502 Bad Gateway``), the only part worth reading."""
    if "<html" not in text[:2000].lower():
        return None
    title = _HTML_TITLE.search(text[:65536])
    return " ".join(((title.group(1) or "") + " " + title.group(2)).split()) if title else ""

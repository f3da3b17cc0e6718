"""A structured log record's fields read as a paste: the request, status and body a JSON-lines object holds, or its
message. Shared by explain (a record pasted whole: an Elasticsearch, ECS, bunyan, pino or Serilog line holding a vendor's
error in its message) and scan (every record of a JSON-lines log), so that both read a record's fields alike."""

from __future__ import annotations

import json
import re
from typing import Any

from ..values import OAUTH_CODES, STATUS_KEYS, to_status
from .exported import exported_item

# the record's own time first (Serilog's @t, ECS's @timestamp) and a business "date" last: an
# invoice's Date field is no time the error happened
TIME_KEYS = (
    "@t", "@timestamp", "timestamp", "ts", "time", "asctime", "logged_at", "t", "datetime", "created_at", "date",
    "log_timestamp",  # JFrog's
    "start_time",  # Envoy's and Istio's access log
    "timemillis",  # log4j2's JsonLayout (Logstash's own JSON log): epoch milliseconds, its records had no time
)  # fmt: skip
# journald's PRIORITY; Postgres's jsonlog error_severity; NXLog's GELF _Severity (its message: short_message); JFrog's;
# Google Cloud Logging's special field for its agents
LEVEL_KEYS = (
    "level", "severity", "lvl", "levelname", "log.level", "@l", "loglevel", "priority", "error_severity", "_severity",
    "log_level", "logging.googleapis.com/severity",
)  # fmt: skip
MESSAGE_KEYS = (
    "msg",
    "message",
    "short_message",
    "errormessage",  # AWS CloudTrail's, with "errorCode": a call that failed
    "error",
    "err",
    "exception",
    "reason",
    "detail",
    "description",
    "@m",
    "@mt",
    "textpayload",
)
_OAUTH_KEYS = frozenset(("error", "error_description", "error_uri", "state"))
_BODY_KEYS = ("body", "response_body", "responsebody", "response", "error_body", "errorbody", "payload", "data", "content")
# Cloudflare's Logpush HTTP request fields ("ClientRequestMethod", "ClientRequestURI", "EdgeResponseStatus"):
# unread, a line was named by all its fields, its client's IP and user agent too: each request a group of its own
_URL_KEYS = ("url", "uri", "request_url", "requesturl", "path", "endpoint", "request_uri", "requesturi", "clientrequesturi")
_METHOD_KEYS = ("method", "http_method", "httpmethod", "verb", "request_method", "clientrequestmethod", "requestmethod")
_STATUS_KEYS = (*STATUS_KEYS, "code", "edgeresponsestatus")  # in a log record's own fields, a bare "code" may be the status


# OpenTelemetry's and Elastic Common Schema's names for a record's HTTP call, flat as zap writes them
# ("http.response.status_code") or nested as ecs-logging de-dots them ({"http": {"response": {...}}}): a record that
# states its call only so was read as its "msg" alone ("http client"), the vendor's body and status beside it unread
_SEMCONV_METHOD, _SEMCONV_STATUS = ("http.request.method", "http.method"), ("http.response.status_code", "http.status_code")
_SEMCONV_URL, _SEMCONV_BODY = ("url.full", "http.url", "url.original", "url.path"), ("http.response.body.content",)


def _attribute(d: dict[str, Any], names: tuple[str, ...]) -> Any:
    """The first of the dotted names the record holds, as one key or one object inside another."""
    for name in names:
        value: Any = d.get(name)
        if value is None:  # nested: each part of the name one object down
            value = d
            for part in name.split("."):
                value = lower(value).get(part)
        if value is not None:
            return value
    return None


# the object a record's own fields sit in, beside its time (and level): Logstash's first event format's
# "@fields", Rust tracing-subscriber's JSON "fields" ({"level":"ERROR","fields":{"message":...}}), Logstash's
# own JSON log's "logEvent"; a record with no message of its own was grouped by its names and values, all its
# levels' lines as one
EVENT_KEYS = ("@fields", "fields", "logevent", "jsonpayload")  # and Google Cloud Logging's structured payload


def field(d: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for k in keys:
        if k in d:
            return d[k]
    return None


def exchange_paste(d: dict[str, Any], *, error_words: bool = False) -> str:
    """The request line, status and body a JSON-lines object holds (or its message when it holds
    no body), as a paste explain reads; ``error_words``: see _with_error_text."""
    # pino's and bunyan's serializers (Fastify's, restify's lines): "req": {"method", "url"}, "res": {"statusCode"}
    request = lower(d.get("request") or d.get("req")) or _served(d)
    method = field(d, _METHOD_KEYS) or field(request, _METHOD_KEYS) or _attribute(d, _SEMCONV_METHOD)
    url = field(d, _URL_KEYS) or field(request, _URL_KEYS)
    if not isinstance(url, str):  # ECS's "url" is an object: {"url": {"full": ...}}
        url = _attribute(d, _SEMCONV_URL) or url
    if _action_failed(d):  # the app's own request, not its call to the vendor: its method ruled the vendor's out
        method = url = None
    status = _record_status(d, request)
    body_key, body = _body(d, request)
    if body_key in _CONTEXT_KEYS and _context_only(body) and isinstance(said := field(d, MESSAGE_KEYS), str) and said.strip():
        body = None  # Nextcloud's "data":{"app":"PHP"} beside its message: the record says its error itself
    if isinstance(body, dict):  # {"response": {"status": 400, "body": {...}}}
        inner = lower(body)
        if status is None:
            status = to_status(field(inner, _STATUS_KEYS))
        har = lower(inner.get("content")).get("text")  # a HAR entry's response: its content.text
        body = har if isinstance(har, str) and har else field(inner, _BODY_KEYS) or body
    lines = []
    if isinstance(method, str) and isinstance(url, str):
        lines.append(f"{method.upper()} {url}")
    elif isinstance(url, str) and url.startswith(("http://", "https://")):
        lines.append(url)
    if status is not None:
        lines.append(f"HTTP/1.1 {status}")
    if lines:
        lines.append("")
    message = _thrown(d, field(d, MESSAGE_KEYS), error_words)  # an empty one says nothing: Traefik's access log's "msg":""
    if body is None or body == "" or body == {}:
        body = d if message is None or message == "" or _oauth_error(d) else message
    elif not lines and isinstance(message, str) and message.strip():  # the request it answered, said in the message
        lines = [message, ""]  # ("POST https://api.myob.com/... -> 400" beside a body field: the vendor was lost)
    lines.append(body if isinstance(body, str) else json.dumps(body, ensure_ascii=False))
    return "\n".join(lines)


def _body(d: dict[str, Any], request: dict[str, Any]) -> tuple[str | None, Any]:
    """The key a record's body is under and the body: in its own fields, in OpenTelemetry's name, or beside the call one
    object down (_served: MongoDB's "attr", a Go slog group), whose method, URL and status were read there and its body
    not (a MYOB error so logged was "not in the catalog", named by the record's message)."""
    body_key = next((k for k in _BODY_KEYS if k in d), None)
    if body_key is not None:
        return body_key, d[body_key]
    body = _attribute(d, _SEMCONV_BODY)
    if body is None and request and "request" not in d and "req" not in d:
        body_key = next((k for k in _BODY_KEYS if k in request), None)
        body = None if body_key is None else request[body_key]
    return body_key, body


def _action_failed(d: dict[str, Any]) -> bool:
    """Whether a record is a Rails action that failed with an exception and says nothing else (GitLab's
    production_json.log: "controller", "action", "method", "path", "status": 500, "exception.class"): its
    method and path are the request the app served, not the one it sent, and a vendor's error in the exception's message
    was not matched for a method it is not documented for (a GET page whose action posted to MYOB)."""
    said = field(d, MESSAGE_KEYS)
    return "controller" in d and "action" in d and said in (None, d.get("exception")) and bool(_exception(d, ("exception",)))


def _record_status(d: dict[str, Any], request: dict[str, Any]) -> int | None:
    """The status a record states: in its own fields, in OpenTelemetry's or ECS's name, in pino's "res", or in the request
    one object down (_served)."""
    for said in (field(d, _STATUS_KEYS), _attribute(d, _SEMCONV_STATUS), field(lower(d.get("res")), _STATUS_KEYS)):
        if (status := to_status(said)) is not None:
            return status
    if request and "request" not in d and "req" not in d:
        return to_status(field(request, _STATUS_KEYS))
    return None


def _thrown(d: dict[str, Any], message: Any, error_words: bool) -> Any:
    """A message with the exception a record holds beside it: Elastic Common Schema's "error.type" and "error.message"
    (flat or one object down), as Java's, .NET's and Python's ECS loggers and Elasticsearch itself write it, and Rails'
    "exception.class" and "exception.message" (GitLab's JSON logs) or semantic_logger's "exception": {"name",
    "message"}: its group was named by the message alone, Elasticsearch's "Exception" for every failure it logged so.
    A record with no message of its own (GitLab's production_json.log: the request, its status 500 and the exception)
    says its error by its exception alone: it was read as its fields, the vendor's words in the exception's message
    unread. Not a message that holds a body ("{"), which explain reads as it is; not an "error" object alone, which
    may be a service's body ({"error": {"type": ..., "message": ...}})."""
    if isinstance(message, str) and message.strip() and "{" not in message:
        thrown = _exception(d, _THROWN_KEYS if error_words else ("error", "exception"))
        return _with_error_text(d, message, error_words) if thrown is None else f"{message}: {thrown}"
    if message is None or message is d.get("exception"):
        return _exception(d, ("exception",)) or message
    return message


# pino's and bunyan's serialised error ("err": {"type" or "name", "message", "stack"}) besides ECS's and Rails': read for
# explain, which reads one record a person pasted; scan's groups stay named as before
_THROWN_KEYS = ("error", "exception", "err")

# how loggers name an exception's class: ECS's and OpenTelemetry's "type", Ruby's "class" (GitLab's logs) and "name"
# (semantic_logger)
_KIND_NAMES, _SAID_NAMES = ("type", "class", "name"), ("message",)


def _exception(d: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    """The exception a record holds under one of the keys, flat ("exception.class") or one object down, as "Class:
    message" (its class alone when it says no message); None when it names no class."""
    for key in keys:
        nested = lower(d.get(key))
        kind = field(d, tuple(f"{key}.{n}" for n in _KIND_NAMES)) or field(nested, _KIND_NAMES)
        if isinstance(kind, str) and kind.strip():
            said = field(d, tuple(f"{key}.{n}" for n in _SAID_NAMES)) or field(nested, _SAID_NAMES)
            return f"{kind}: {said}" if isinstance(said, str) and said.strip() else kind
    return None


# the keys zap (zap.Error: "error"), logrus (WithError: "error") and Go's and Node's loggers ("err") write a failure's
# text under, beside the record's own message
_ERROR_TEXT_KEYS = ("error", "err")


def _with_error_text(d: dict[str, Any], message: str, words: bool) -> str:
    """A message with the error text a zap or logrus record holds beside it ({"msg": "sync failed", "error": "Supplier
    has not supplied ABN number"}), for explain (``words``), which reads one record a person pasted: the record's message
    alone ("sync failed") named it, the vendor's words in its "error" field unread. Scan's groups stay named by the
    record's message, as before ("timeout" beside it on every line is no new group)."""
    if not words:
        return message
    said = next((v for k in _ERROR_TEXT_KEYS if isinstance(v := d.get(k), str) and v != message), None)
    return f"{message}: {said}" if said is not None and said.strip() else message


# keys a logger also writes its record's context under (Nextcloud's "data"), not only a response's body
_CONTEXT_KEYS = frozenset(("data", "payload", "content"))
# a key of an object that may be an error's body (an envelope's code, message, status or list of errors)
_ERROR_BODY_KEY = re.compile(r"err|fault|messa|msg|detail|title|code|status|reason|descr|problem|warn|valid|fail")


def _context_only(body: Any) -> bool:
    """Whether an object under a context key holds none of an error body's keys: Nextcloud writes its record's context
    under "data" ({"app":"PHP"}, a request it sent as a serialised object), and its error's message was dropped for it
    (its group named by the request alone or by the context, a vendor's error in the message not read)."""
    return isinstance(body, dict) and bool(body) and not any(_ERROR_BODY_KEY.search(str(k).lower()) for k in body)


def _served(d: dict[str, Any]) -> dict[str, Any]:
    """The object one level down that holds a request's method and path, when the record's own
    fields hold neither: Azure's access logs under "properties" ({"httpMethod": "GET", "requestUri":
    "/", "httpStatus": 400}), read as a request a server served (no vendor's response: its status
    alone was "unknown vendor HTTP 400")."""
    if field(d, _METHOD_KEYS) is not None or field(d, _URL_KEYS) is not None:
        return {}
    for value in d.values():
        if isinstance(value, dict) and field(inner := lower(value), _METHOD_KEYS) is not None and field(inner, _URL_KEYS):
            return inner
    return {}


def _oauth_error(d: dict[str, Any]) -> bool:
    """Whether a JSON-lines object is an OAuth 2.0 error response logged as it came (RFC 6749,
    5.2: ``{"error": "invalid_grant", ...}``, one of its codes): a body, not a log line whose
    message is "error" (``{"error": "timeout"}`` is one)."""
    code = d.get("error")  # any JSON value: {"error": {"code": 1}} is no OAuth error (and unhashable)
    return d.keys() <= _OAUTH_KEYS and isinstance(code, str) and code in OAUTH_CODES


def lower(value: Any) -> dict[str, Any]:
    return {str(k).lower(): v for k, v in value.items()} if isinstance(value, dict) else {}


# what a tool writes before each line of a container's log: kubectl logs --prefix's "[pod/name/container] ", docker
# compose's "name-1  | ", --timestamps' RFC 3339 time
_LINE_PREFIX = re.compile(
    r"(?:\[[^\]\n]{1,200}\]|[\w.-]{1,100}[ \t]+\||\d{4}-\d\d-\d\dT[\d:.]{8,20}(?:Z|[+-]\d\d:?\d\d)?)[ \t]*(?=\{)"
)
# what a record's paste holds beyond a sentence: a body ({...}, <...>), a URL or an HTTP status line
_MORE_THAN_WORDS = re.compile(r"[{<]|https?://|\bHTTP/\d", re.IGNORECASE)


def record_paste(text: str) -> str | None:
    """A structured log record pasted whole (one JSON-lines object, bare, after a kubectl or docker compose prefix, or
    pretty-printed) as the paste its fields make (exchange_paste): its message, body, method, URL and status. None for
    any other text, and for an object with a level or a time but not both whose message is words alone, read as it is
    (a vendor's error body with a "Severity" and a "Message" stays a body). An ECS or bunyan line whose message held a
    vendor's body escaped as a JSON string was read as one sentence, the body's error unread."""
    s = text.strip()
    if s[:1] != "{":
        m = _LINE_PREFIX.match(s)
        if m is None or "\n" in s:
            return None
        s = s[m.end() :]
    try:
        obj = json.loads(s)
    except (ValueError, RecursionError):
        return None
    d = lower(obj)
    if (item := exported_item(d)) is not None:  # an OTLP export or a Sentry event: its error's fields, flat
        return exchange_paste(item, error_words=True)
    leveled, timed = any(k in d for k in LEVEL_KEYS), any(k in d for k in TIME_KEYS)
    if not (leveled or timed):
        return None
    event = next((v for k in EVENT_KEYS if isinstance(v := d.get(k), dict)), None)
    if event is not None and field(d, MESSAGE_KEYS) is None:  # its message one object down (Rust tracing's "fields")
        d = {**lower(event), **{k: v for k, v in d.items() if k not in EVENT_KEYS}}
    d = {k: v for k, v in _lifted(d).items() if k not in TIME_KEYS}
    paste = exchange_paste(d, error_words=True)
    if paste.endswith(json.dumps(d, ensure_ascii=False)):
        return None  # no message of its own: the record is read as it is
    paste = _with_called_host(d, paste)
    # a sentence in an object with a level or a time alone may be a vendor's own error object (MYOB's "Severity" beside
    # its "Message"), read as it is; a level and a time together are a logger's, and so is a level beside nothing of a body
    # or beside an exception's class (GitLab's integrations_json.log: "severity", "message", "exception.class")
    logged = (leveled and timed) or (leveled and (_logger_fields_only(d) or _exception(d, ("exception",)) is not None))
    return paste if logged or _MORE_THAN_WORDS.search(paste) else None


def _with_called_host(d: dict[str, Any], paste: str) -> str:
    """The paste with the host a record's "hostname" (its own or its request's) or ECS's "url.domain" names, as a
    request's Host header, where its request line has none: the host called, in a request's log or options
    ({"method":"GET","hostname":"x3.acme.com","status":401}). Only pino's and bunyan's records, which name their process
    too ("pid"), and journald's ("_pid") name the machine that logged so; a record read as its message alone lost the
    host, and another SData server's body was claimed for Sage (review15). An object naming the far side holds the host
    called whoever logged it ({"pid":12,"upstream":{"hostname":"x3.acme.com"}}, claims18)."""
    host = _attribute(d, ("url.domain",))  # Elastic Common Schema's: the URL's host, whatever else the record holds
    if host is None:
        host = next((h for k in _FAR_SIDE if isinstance(h := lower(d.get(k)).get("hostname"), str)), None)
    if host is None and "pid" not in d and "_pid" not in d:
        host = d.get("hostname") or lower(d.get("req") or d.get("request")).get("hostname")
    if not isinstance(host, str) or "." not in host or not _HOST_NAME.fullmatch(host):
        return paste
    first, sep, rest = paste.partition("\n")
    if "://" in first:  # the request's URL names its host
        return paste
    if _PASTE_REQUEST.match(first):  # after its request line, as an HTTP request writes it
        return f"{first}\nHost: {host}{sep}{rest}"
    return f"Host: {host}\n{paste}"


_FAR_SIDE = ("upstream", "target", "remote", "backend", "destination")  # keys of an object describing the host called
_HOST_NAME = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.)+[A-Za-z][A-Za-z0-9-]{0,62}")
_PASTE_REQUEST = re.compile(r"[A-Z]{3,7} /")  # exchange_paste's request line with a path alone (no host of its own)


# what pino's and bunyan's serialisers copy from an error beside its type, message and stack (an HTTP client's own
# fields: superagent's and got's "status"/"statusCode", a "body" or "response" an app set), and winston 2's "meta"
_ERR_KEYS = frozenset((*_STATUS_KEYS, *_BODY_KEYS))


def _lifted(d: dict[str, Any]) -> dict[str, Any]:
    """A record with the fields its logger nests read as its own (the record's own win): winston 2's "meta" object
    ({"message": "upstream error", "meta": {"statusCode": 400, "url": ..., "body": ...}}), and the status and body a pino
    or bunyan "err" holds beside its message ({"msg": "sync failed", "err": {"type", "message", "stack", "status",
    "body"}}). Both were read as their message alone ("sync failed"), the vendor's body and status unread."""
    meta, err = lower(d.get("meta")), lower(d.get("err"))
    said = {k: v for k, v in err.items() if k in _ERR_KEYS}
    if not (meta or said):
        return d
    return {**meta, **said, **{k: v for k, v in d.items() if k != "meta"}}


# the keys of MYOB's error object that no error-body word (_ERROR_BODY_KEY) names
_BODY_NAMES = frozenset(("name", "learnmore"))


def _logger_fields_only(d: dict[str, Any]) -> bool:
    """Whether a record with a level and no time holds, beside its level and its message, no key of an error's body: a
    logger's line as Google Cloud Logging reads a container's or a function's stdout ({"severity": "ERROR", "message":
    "...", "logging.googleapis.com/trace": "..."}: Cloud Run, GKE and Cloud Functions stamp the time themselves), its
    vendor's sentence in the message unread before. MYOB's own object (Name, ErrorCode, AdditionalDetails, LearnMore
    beside its Severity and Message) and any other body with a code, a status or details stays a body."""
    said = next((k for k in MESSAGE_KEYS if k in d), None)
    rest = (k for k in d if k != said and k not in LEVEL_KEYS)
    return not any(k in _BODY_NAMES or _ERROR_BODY_KEY.search(k) for k in rest)

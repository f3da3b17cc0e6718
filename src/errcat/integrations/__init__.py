"""errcat inside the integration: explain the responses a client already holds, raise them as
exceptions that carry the explanation, advise a retry policy, and annotate log records.

Nothing here imports an HTTP client: ``errcat.integrations.requests`` and ``.httpx`` hold the
hooks for those clients and import them only when used (``pip install 'errcat[requests]'``).
"""

from __future__ import annotations

import contextlib
import functools
import inspect
import logging
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from types import FrameType
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

if TYPE_CHECKING:
    from ..api import ErrorCatalog
    from ..explainer import Explanation
    from ..explainer.match import ErrorMatch
    from ..index.store import CatalogIndex

from ..text import visible
from ..values import (
    IDEMPOTENT_METHODS,
    MAY_HAVE_APPLIED,
    TRANSIENT_STATUSES,
    resend_may_repeat,
    retry_after_seconds,
    to_int,
    to_status,
)

_log = logging.getLogger(__name__)

__all__ = ["ExplainFilter", "RetryAdvice", "VendorError", "explain_response", "retry_advice", "should_retry"]

_DEFAULT: ErrorCatalog | None = None
T = TypeVar("T")
_ONE_AT_A_TIME = threading.Lock()  # the async hooks' explanations: one after another, as on the event loop


def needs(extra: str, package: str, error: ImportError) -> ModuleNotFoundError:
    """The error for an adapter imported without its extra: one line naming what to install (the bare
    "No module named 'sentry_sdk'" named neither the extra nor the package), still a ModuleNotFoundError
    with the missing module's ``name``, for code that catches it."""
    return ModuleNotFoundError(
        f"errcat.integrations.{extra} needs {package} ({error.name or package} is missing): pip install 'errcat[{extra}]'",
        name=error.name,
    )


def _catalog(catalog: ErrorCatalog | CatalogIndex | None) -> CatalogIndex:
    """The catalog to explain against: the given one, else the catalog in use (opened once per process)."""
    global _DEFAULT
    if catalog is None:
        if _DEFAULT is None:
            from ..api import ErrorCatalog

            _DEFAULT = ErrorCatalog.open()
        return _DEFAULT.index
    from ..api import ErrorCatalog

    given_catalog(catalog)
    return catalog.index if isinstance(catalog, ErrorCatalog) else catalog


def given_catalog(catalog: ErrorCatalog | CatalogIndex | None) -> None:
    """The catalog a hook, filter, processor or integration is made with, refused at once when it is no catalog (a
    path, as ``open_catalog`` takes): the logging filter, the structlog processor and the OpenTelemetry hook, which
    never break the pipeline they sit in, explained nothing and said nothing when the first response came."""
    if catalog is None:
        return
    from ..api import ErrorCatalog
    from ..index.store import CatalogIndex

    if not isinstance(catalog, ErrorCatalog | CatalogIndex):  # a path or a name: an AttributeError deep inside
        from ..errors import UsageError

        raise UsageError(f"catalog is an ErrorCatalog (errcat.open_catalog()), not {type(catalog).__name__}")


_STATUS = ("status_code", "status", "code", "getcode")  # requests/httpx, aiohttp-likes, urllib


def attribute(obj: Any, name: str) -> Any:
    """``obj.name``, or None when it has none or reading it fails: a property that raises, as
    httpx's ``.request`` does when unset, is the caller's object's doing, not a reason to fail."""
    try:
        return getattr(obj, name, None)
    except Exception:
        return None


def hooked_status(response: Any, client: str) -> int:
    """The HTTP status of what a client's hook was given; anything else (None, a string, a hook called by hand
    with the wrong object) is a UsageError naming what it got, not an AttributeError from inside the hook."""
    status = to_status(attribute(response, "status_code"))
    if status is None or isinstance(attribute(response, "status_code"), bool):
        from ..errors import UsageError

        got = type(response).__name__
        raise UsageError(f"errcat.integrations.{client}.hook: expected a {client} Response with an HTTP status, got {got}")
    return status


def _first(obj: Any, *names: str) -> Any:
    for name in names:
        value = attribute(obj, name)
        if value is not None and callable(value) and name in ("getcode", "geturl", "get_method"):
            with contextlib.suppress(Exception):
                return value()
            continue
        if value is not None:
            return value
    return None


def _body(response: Any) -> str:
    """The response body as text, from whichever attribute the client offers (read once, kept), to
    explain's cap: a requests or httpx body not read yet is read no further (bodies.py)."""
    from . import bodies

    if callable(attribute(response, "iter_content")):  # read as attribute() reads: a property may raise
        bodies.read_requests(response)
    elif callable(attribute(response, "iter_bytes")):
        bodies.read_httpx(response)
    headers = attribute(response, "headers")
    for name in ("content", "text", "body", "data"):
        try:
            value = getattr(response, name, None)
        except Exception:  # a client's "not read yet" (httpx's ResponseNotRead for an async stream)
            continue
        if isinstance(value, bytes | bytearray):
            return bodies.decoded(bytes(value), headers)
        if isinstance(value, str):
            return value[: bodies.LIMIT]
    kept = attribute(response, "_body")  # aiohttp's ClientResponse: the body ``await response.read()`` kept
    if isinstance(kept, bytes):
        return bodies.decoded(kept[: bodies.LIMIT], headers)
    return _read_once(response, headers)


def _read_once(response: Any, headers: Any) -> str:
    """A file-like body (urllib's HTTPError), read to explain's cap once and kept on the response
    ("" when it has none): a second explain of it would find the stream spent."""
    from . import bodies

    read = attribute(response, "read1") or attribute(response, "read")  # read1: what came
    if not callable(read):
        return ""
    if inspect.iscoroutinefunction(read):  # aiohttp's, not read yet: this call cannot wait for it (explain_response says so)
        return ""
    cached = attribute(response, "_errcat_body")
    if cached is None:
        raw = _read_capped(response, read)
        promised = to_int(_header(headers, "content-length"))
        short = isinstance(raw, bytes) and promised is not None and len(raw) < min(promised, bodies.LIMIT)
        if short and attribute(response, "_errcat_broken") is None:
            bodies.broke(response, len(raw), EOFError())  # http.client's read1 ends at a closed connection, silently
        if isinstance(raw, bytes):
            bodies.put_back(response, raw)
        cached = bodies.decoded(bodies.unpacked(response, raw, headers), headers) if isinstance(raw, bytes) else raw
        with contextlib.suppress(AttributeError):  # read-only objects: read again next time
            response._errcat_body = cached
    return str(cached)


def _header(headers: Any, name: str) -> Any:
    try:
        return headers.get(name) if hasattr(headers, "get") else None
    except Exception:  # a headers object of the caller's own that fails
        return None


def _read_capped(response: Any, read: Any) -> bytes | str:
    """What ``read`` gives, to explain's cap, in chunks: a body that breaks off (http.client's
    IncompleteRead for a broken chunk, a timeout) is kept as far as it came, and noted on the response."""
    from . import bodies

    chunks: list[Any] = []
    size = 0
    try:
        while size < bodies.LIMIT and (chunk := read(min(bodies.CHUNK, bodies.LIMIT - size))):
            chunks.append(chunk)
            size += len(chunk)
    except Exception as exc:  # the server's doing: the status and what came are still explained
        partial = getattr(exc, "partial", None)  # IncompleteRead keeps the bytes of its own read
        if isinstance(partial, bytes) and (not chunks or isinstance(chunks[0], bytes)):
            chunks.append(partial)
            size += len(partial)
        bodies.broke(response, size, exc)
    if chunks and isinstance(chunks[0], str):
        return "".join(c for c in chunks if isinstance(c, str))
    return b"".join(bytes(c) for c in chunks if isinstance(c, bytes | bytearray))


def explain_response(
    response: Any, *, vendor: str | None = None, catalog: ErrorCatalog | CatalogIndex | None = None
) -> Explanation:
    """Explain an error response a client holds: a ``requests.Response``, an ``httpx.Response``, a
    ``urllib.error.HTTPError``, or anything with a status, headers, a body and the request's method
    and URL. Every value is redacted as ``errcat explain`` redacts a paste."""
    from ..explainer import explain_exchange

    status = _first(response, *_STATUS)
    request = attribute(response, "request") or attribute(response, "request_info")  # aiohttp: request_info
    method = _first(request, "method") if request is not None else _first(response, "method", "get_method")
    if method is None:  # urllib's HTTPError: its file is the http.client response, which keeps the method
        method = _first(attribute(response, "fp"), "_method")
    url = _first(request, "url") if request is not None else None
    url = url or _first(response, "url", "geturl")
    headers = attribute(response, "headers") or {}
    x = explain_exchange(
        _catalog(catalog),
        status=to_status(status),  # "abc", 1e999 or infinity: no status, not a ValueError
        body=_body(response),
        method=str(method) if method else None,
        url=str(url) if url else None,
        reason=_phrase(_first(response, "reason", "reason_phrase", "msg")),
        headers=_pairs(headers),
        vendor=vendor,
    )
    broken = attribute(response, "_errcat_broken")  # bodies.py: the body broke off while read
    if broken is None and inspect.iscoroutinefunction(attribute(response, "read")) and attribute(response, "_body") is None:
        broken = UNREAD
    return x._replace(notes=(*x.notes, broken)) if isinstance(broken, str) else x


UNREAD = "the body was not read yet (explain it after `await response.read()`): only the status and headers were explained"


def _phrase(reason: Any) -> str | None:
    """A reason phrase as text: http.client's and the clients' str, or bytes as the status line carried them
    (ISO-8859-1); anything else (a number, a mapping, a mock's attribute) is no phrase, not an AttributeError."""
    if isinstance(reason, bytes | bytearray):
        return bytes(reason).decode("latin-1")
    return reason if isinstance(reason, str) else None


def _pairs(headers: Any) -> list[tuple[str, str]]:
    """The headers as (name, value) pairs, from a mapping or an iterable of pairs; what is neither
    (a number, an item that is no pair) is passed over, as a header no client sends."""
    from itertools import islice

    from ..explainer import MAX_HEADERS

    items = headers.items() if hasattr(headers, "items") else headers
    if not hasattr(items, "__iter__") or isinstance(items, str | bytes):
        return []
    pairs = (item for item in items if isinstance(item, tuple | list) and len(item) == 2)
    return [(str(k), str(v)) for k, v in islice(pairs, MAX_HEADERS)]  # an endless generator too


async def off_loop(work: Callable[[], T]) -> T:
    """``work`` (opening the catalog, explaining a body) on a worker thread, for the async hooks: a
    1 MB error body took 0.5 s to explain, and every other task of the event loop waited that long.
    The hooks still wait for it in turn, so their order and their errors are as before; these
    explanations run one at a time, as they did on the loop. A cancelled call returns at once and
    its thread ends its work alone. anyio comes with httpx, the only client with async hooks here."""
    import anyio

    def alone() -> T:
        with _ONE_AT_A_TIME:
            return work()

    return await anyio.to_thread.run_sync(alone, abandon_on_cancel=True)


def summary(x: Explanation) -> str:
    """The explanation's one paragraph for a message or a log line: redacted, and with each control
    character the response held shown escaped (``\\x1b``), so a vendor's body cannot retitle, clear
    or recolour the terminal a log is read on."""
    return visible(str(x))


class VendorError(Exception):
    """A vendor's error response, explained: ``.explanation``, ``.response``, ``.advice``.

    Its message is the explanation's one-paragraph summary, with every secret redacted."""

    def __init__(self, explanation: Explanation, response: Any = None) -> None:
        super().__init__(summary(explanation))
        self._explained(explanation, response)

    def _explained(self, explanation: Explanation, response: Any) -> None:
        """Set the attributes; client-specific subclasses call it after their own base's __init__."""
        self.explanation = explanation
        self.response = response
        self.advice = _advise(explanation)

    def __str__(self) -> str:
        return summary(self.explanation)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled (and deep-copied) from its explanation and response, not from its message: an
        exception is rebuilt from its args, and a summary is no explanation to advise on."""
        return type(self), (self.explanation, self.response), self.__dict__


class RetryAdvice(NamedTuple):
    """What a retry policy may do with an error: resend it (and how to wait), or not."""

    retry: bool
    wait: str  # backoff | wait-for-reset | refresh-token | never
    reason: str
    after: float | None = None  # seconds the response's Retry-After header asks for, when it has one


_ADVICE = {  # a guide's retry value -> what a policy that only resends can do
    "backoff": RetryAdvice(True, "backoff", "a rate limit or a passing fault: resend later, with exponential backoff"),
    "wait-for-reset": RetryAdvice(True, "wait-for-reset", "a quota is used up: resend only after its window resets"),
    "refresh-and-retry": RetryAdvice(False, "refresh-token", "refresh the access token first, then resend"),
    "after-reauth": RetryAdvice(False, "never", "the user must authorise again"),
    "after-fix": RetryAdvice(False, "never", "the request or the data must be corrected first"),
    "no": RetryAdvice(False, "never", "retrying cannot help"),
}
# a 419 whose words say the CSRF token did not match the session's (Laravel): a new token first, as for an access token
_CSRF_ADVICE = RetryAdvice(False, "refresh-token", "get the session's current CSRF token first, then resend")
_NETWORK = {  # exception classes (by name, so no client is imported) that mean the exchange never completed
    "ConnectionError", "TimeoutError", "Timeout", "URLError",  # builtins, requests, urllib
    "ChunkedEncodingError", "IncompleteRead",  # an answer cut short (requests, http.client): lost, as a dropped one is
    "TransportError", "TimeoutException", "NetworkError", "RemoteProtocolError",  # httpx
    "ClientConnectionError", "ClientPayloadError",  # aiohttp: a dropped connection (ServerDisconnectedError), a body cut short
}  # fmt: skip


_UNSENT = {  # failures before the request was sent: a connection never made, or no free one in the pool
    "ConnectError", "ConnectTimeout", "PoolTimeout", "NewConnectionError", "NameResolutionError", "ConnectionRefusedError",
    "ClientConnectorError", "ConnectionTimeoutError",  # aiohttp's: no connection made (refused, DNS), or not in time
}  # fmt: skip


def _named(error: BaseException, names: set[str]) -> bool:
    return any(cls.__name__ in names for cls in type(error).__mro__)


def _unsent(error: BaseException) -> bool:
    """Whether the exception, or the urllib3 error requests wraps in it, failed before sending."""
    seen: list[object] = [error]
    for item in seen:
        if isinstance(item, BaseException) and _named(item, _UNSENT):
            return True
        args = getattr(item, "args", ())
        if len(seen) < 8:  # requests' ConnectionError(MaxRetryError(reason=NewConnectionError)), no deeper
            seen += [getattr(item, "reason", None), *(args[:1] if isinstance(args, tuple) else ())]
    return False


def _method(error: BaseException) -> str | None:
    """The method of the request a client's exception carries (requests' and httpx's ``.request``), else the
    one its client was sending where it was raised (_method_in_traceback); else the same of the exception it was
    raised from: ``asyncio.wait_for`` and ``asyncio.timeout`` raise TimeoutError from the client's CancelledError."""
    seen: BaseException | None = error
    for _ in range(MAX_CHAIN):  # and the exception it was raised from: a timeout's CancelledError (asyncio.wait_for)
        if seen is None:
            break
        request = attribute(seen, "request")  # httpx raises RuntimeError when it has none
        method = attribute(request, "method")
        if isinstance(method, bytes):
            method = method.decode("latin-1")
        method = method.upper() if isinstance(method, str) else _method_in_traceback(seen)
        if method is not None:
            return method
        seen = seen.__cause__ or seen.__context__
    return None


_CLIENTS = frozenset({"requests", "urllib", "urllib3", "http", "httpx", "httpcore", "aiohttp"})  # their frames, never the app's


def _method_in_traceback(error: BaseException) -> str | None:
    """The request's method as the client's own frames held it when ``error`` was raised: urllib's timeouts and
    dropped connections, requests' cut body (ChunkedEncodingError), aiohttp's timeouts and dropped connections carry
    no request, and a POST among them may have been applied (urllib's ``req``, requests' ``request``, http.client's
    ``method`` or its response's ``_method``, aiohttp's response's ``method``; innermost first)."""
    frames: list[FrameType] = []
    tb = error.__traceback__
    while tb is not None and len(frames) < 200:
        frames.append(tb.tb_frame)
        tb = tb.tb_next
    for frame in reversed(frames):
        if str(frame.f_globals.get("__name__", "")).split(".")[0] not in _CLIENTS:
            continue
        names = frame.f_locals
        request = names.get("request", names.get("req"))
        method = attribute(request, "method")
        if method is None and callable(getter := attribute(request, "get_method")):
            with contextlib.suppress(Exception):
                method = getter()
        if not isinstance(method, str):
            me = names.get("self")
            method = names.get("method", attribute(me, "_method") or attribute(me, "method"))
        if isinstance(method, str) and method.isalpha():
            return method.upper()
    return None


_METHOD_UNKNOWN = "its method is unknown: if it was a POST or PATCH, check it was not applied before resending it"


def _network_advice(error: BaseException) -> RetryAdvice:
    """A connection failure or timeout: resent when the request was never sent or resending it is
    harmless; a POST or PATCH that timed out or lost its answer may have been applied (an invoice
    created), so resending it could do it twice."""
    name = type(error).__name__
    if _unsent(error):
        return RetryAdvice(True, "backoff", f"{name}: the request was not sent")
    method = _method(error)
    if method is None:  # nothing says which: a bare timeout raised around the call by the application
        why = f"{name}: the request may not have reached the vendor, or its answer was lost"
        return RetryAdvice(True, "backoff", f"{why}; {_METHOD_UNKNOWN}")
    if method in IDEMPOTENT_METHODS:
        return RetryAdvice(True, "backoff", f"{name}: the request may not have reached the vendor, or its answer was lost")
    return RetryAdvice(False, "never", f"{name} after a {method}: the vendor may have applied it; check before resending it")


def _by_status(x: Explanation, m: ErrorMatch, status: int | None, said: tuple[int, str | None] | None) -> RetryAdvice:
    """An error the catalog lacks, by its status unless its words overrule it (Explanation.status_retry)."""
    wait = said[1] if said else TRANSIENT_STATUSES.get(status or 0)
    reason = f"HTTP {status}: usually passing" if wait else "not documented; its status does not suggest a resend"
    if said and (spent := x.quota_spent(m)):
        reason = f"not documented; its words say a quota or plan is used up ({spent!r}): waiting will not help"
    elif said and (throttled := x.throttled(m)):  # a 400's "usually passing" would say the opposite of a 400
        reason = f"not documented; its code says it was throttled ({throttled!r}): resend later, with exponential backoff"
    return RetryAdvice(True, wait, reason) if wait else RetryAdvice(False, "never", reason)


def _advise(x: Explanation) -> RetryAdvice:
    advices = []
    for m in x.errors or ():
        guide = x.guide_of(m.best.entry) if m.best is not None and x.reference is not None else None
        if guide is not None:
            advices.append(_ADVICE.get(guide.retry, _ADVICE["no"]))
        else:
            status = m.sent.status or x.exchange.status
            said = x.status_retry(m)  # the error's words may overrule its status (a quota used up does not pass)
            if said and said[1] == "refresh-token":  # its words say the access or CSRF token is stale: a guide's advice
                advices.append(_CSRF_ADVICE if x.csrf_refused(m) else _ADVICE["refresh-and-retry"])
                continue
            advices.append(_by_status(x, m, status, said))
    if not advices:
        wait = TRANSIENT_STATUSES.get(x.exchange.status or 0)
        reason = f"HTTP {x.exchange.status}: usually passing" if wait else f"HTTP {x.exchange.status}"
        advices.append(RetryAdvice(bool(wait), wait or "never", reason))
    advice = next((a for a in advices if not a.retry), advices[0])  # one refusal outweighs the rest
    if advice.retry and resend_may_repeat(x.exchange.status, x.exchange.method):  # as after a client's own timeout
        why = f"HTTP {x.exchange.status} after a {x.exchange.method}: the vendor may have applied it before the gateway gave up"
        return RetryAdvice(False, "never", f"{why}; check before resending it")
    if advice.retry and x.exchange.status in MAY_HAVE_APPLIED and not x.exchange.method:  # a paste naming no method
        advice = advice._replace(reason=f"{advice.reason}; {_METHOD_UNKNOWN}")
    after = retry_after_seconds(x.exchange.header("Retry-After")) if advice.retry else None
    after = _asked_wait(x) if after is None and advice.retry else after
    return advice._replace(after=after) if after is not None else advice


def _asked_wait(x: Explanation) -> float | None:
    """The seconds an uncatalogued error's own words ask for when no Retry-After does (Azure's "Please try again
    after '372' seconds."), as explain's retry_by_status gives them (wait_seconds)."""
    return next((said[0] for m in x.errors or () if m.best is None and (said := x.asked_wait(m))), None)


def retry_advice(subject: Any) -> RetryAdvice:
    """Advice for an Explanation, a VendorError, a response (explained first) or any exception a
    retry library hands over: documented errors follow their guide; errors the catalog lacks follow
    their status (429, 502-504 and 524 resend) unless their words say otherwise; an HTTPError's response is
    explained; a connection failure or timeout resends with backoff, unless a POST or PATCH was sent and
    may have been applied; any other exception is not resent."""
    from ..explainer import Explanation

    if isinstance(subject, VendorError):
        return subject.advice
    if isinstance(subject, Explanation):
        return _advise(subject)
    if isinstance(subject, BaseException):
        response = attribute(subject, "response")
        if response is not None and _first(response, *_STATUS) is not None:
            return _advise(explain_response(response))
        if _first(subject, "status", "code", "getcode") is not None and hasattr(subject, "headers"):  # urllib, aiohttp
            return _advise(explain_response(subject))
        if _named(subject, _NETWORK):
            return _network_advice(subject)
        return RetryAdvice(False, "never", f"{type(subject).__name__} is not an HTTP error response")
    if subject is None:  # a retry library's result when the call returned nothing
        return RetryAdvice(False, "never", "None is no response or exception: nothing to go by")
    if to_status(_first(subject, *_STATUS)) is None and attribute(subject, "headers") is None:  # text, a number: was "HTTP None"
        return RetryAdvice(False, "never", f"{type(subject).__name__} is no response with an HTTP status: nothing to go by")
    return _advise(explain_response(subject))


def should_retry(subject: Any) -> bool:
    """Whether resending the same request can succeed (for a retry library's predicate)."""
    return retry_advice(subject).retry


class ExplainFilter(logging.Filter):
    """Adds the errcat summary to log records that carry a response (``extra={"response": r}``) or an
    exception about one (``logger.exception`` inside ``except VendorError``, or ``except requests.HTTPError``
    after ``raise_for_status()``, or an exception raised from one): ``record.errcat`` and the message.
    The record's exception is then one whose messages have the call's credentials hidden (requests and
    httpx quote the URL, an ``api_key`` in its query), for every handler: a formatter's traceback,
    OpenTelemetry's ``exception.message``, Sentry's logging event; so are its arguments and ``extra`` fields.
    A record about another service's call (its HTTPError, logged or as an argument) is not annotated but hidden
    the same way. The exception raised is left as it is."""

    def __init__(self, catalog: ErrorCatalog | CatalogIndex | None = None) -> None:
        super().__init__()
        given_catalog(catalog)
        self.catalog = catalog

    def filter(self, record: logging.LogRecord) -> bool:
        said = None
        try:  # exc_info=(error,) reaches the record as given: its [1] was an IndexError out of the application's log call
            error = record.exc_info[1] if record.exc_info else None
            if isinstance(error, VendorError):
                said = str(error)
            elif getattr(record, "response", None) is not None:
                said = summary(explain_response(record.response, catalog=self.catalog))  # type: ignore[attr-defined]
            elif error is not None:
                x = carried_explanation(error, self.catalog)
                said = summary(x) if x is not None else None
            else:
                said = self._arguments_told(record)
            about_a_call = bool(said) or _about_a_call(record, error)  # another service's call quotes its key too
            if about_a_call and record.exc_info and error is not None:
                record.exc_info = (type(error), credentials_hidden(error), record.exc_info[2])
                record.exc_text = None  # a handler before this filter may have formatted the original
            if about_a_call:  # logger.exception("sync failed: %s", error) quotes it in the message as well
                _hide_arguments(record)
        except Exception:  # a log line must never fail on its annotation
            _log.debug("errcat could not annotate a log record", exc_info=True)
        if said:
            record.errcat = said
            quoted = said.replace("%", "%%") if record.args else said  # a message without args is not %-formatted
            record.msg = f"{record.msg} [errcat: {quoted}]"
        return True

    def _arguments_told(self, record: logging.LogRecord) -> str | None:
        """The summary of the first exception among the record's arguments that carries a vendor's response
        (``logger.error("sync failed: %s", error)``); None when there is none."""
        args = record.args
        values = args if isinstance(args, tuple) else tuple(args.values()) if isinstance(args, dict) else ()
        for value in values[:MAX_CHAIN]:
            if is_response(value):  # logger.error("sync failed: %s", response): read as its response= is
                told = explain_response(value, catalog=self.catalog)
                x = told if worth_telling(told) else None
            else:
                x = carried_explanation(value, self.catalog) if isinstance(value, BaseException) else None
            if x is not None:
                return summary(x)
        return None


def is_response(value: object) -> bool:
    """Whether a log record's argument is an HTTP response (requests' or httpx's: a status code and headers), which
    ``log.error("sync failed: %s", response)`` passes as ``extra={"response": response}`` passes it."""
    if isinstance(value, BaseException | str):
        return False
    status = attribute(value, "status_code")
    return isinstance(status, int) and not isinstance(status, bool) and attribute(value, "headers") is not None


def _about_a_call(record: logging.LogRecord, error: BaseException | None) -> bool:
    """Whether a record errcat did not explain is about an HTTP call all the same (another service's): its exception,
    or one among its first arguments, holds a response, as raise_for_status()'s HTTPError does."""
    args = record.args
    values = args if isinstance(args, tuple) else tuple(args.values()) if isinstance(args, dict) else ()
    return holds_response(error) or any(
        (isinstance(v, BaseException) and holds_response(v)) or is_response(v) for v in values[:MAX_CHAIN]
    )


def _hide_arguments(record: logging.LogRecord) -> None:
    """An annotated record's arguments and extra fields with the call's credentials hidden, as its own exception
    is, for every handler: an exception by a copy (requests and httpx quote the URL, an api_key in its query, in
    the message they make), a string by name and shape (``extra={"url": r.url}``, ``log.error("%s failed", r.url)``)
    and the strings of a dict or list (a ``headers`` dict), as the structlog processor hides an event's values.
    A formatter's ``%(url)s`` printed the key, and Sentry's logs shipped each extra field as an attribute.
    The message itself too (``log.error(f"{r.url} failed")``: the key the same URL passed as an argument lost).
    More arguments than MAX_VALUES: the message as it prints, hidden whole (the 51st argument was left as it was)."""
    args = record.args
    if isinstance(args, (tuple, dict)) and len(args) > MAX_VALUES:
        record.msg, record.args = hidden_value(record.getMessage(), None), ()
    else:
        _hide_message(record)
    if isinstance(args, tuple) and record.args:
        record.args = tuple(hidden_copy(a, None) for a in args)
    elif isinstance(args, dict) and record.args:
        record.args = {k: hidden_copy(a, str(k)) for k, a in args.items()}
    extra = [k for k in record.__dict__ if k not in _RECORD_FIELDS and k != "response"]
    for key in extra:  # every one: the 51st was shipped as it was (Sentry's logs send each as an attribute)
        record.__dict__[key] = hidden_copy(record.__dict__[key], key)


def _hide_message(record: logging.LogRecord) -> None:
    """The record's message with credentials hidden, unless hiding touched its %-placeholders (its arguments are
    hidden on their own): a placeholder lost or added made logging's formatting fail."""
    msg = record.msg
    if isinstance(msg, str):
        hidden = hidden_value(msg, None)
        if not record.args or hidden.count("%") == msg.count("%"):
            record.msg = hidden


# what every LogRecord holds (its message, time, place): the rest of its fields came in ``extra``
_RECORD_FIELDS = frozenset(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {"message", "asctime", "errcat"}
MAX_VALUES = 50  # a record's arguments screened one by one; a record with more is screened as its message prints
MAX_DEPTH = 6  # levels of dicts and lists looked into
MAX_ITEMS = 10_000  # values of one logged value screened (a string about 35 us: a third of a second); the rest is cut


def hidden_copy(value: Any, key: str | None, depth: int = 0, budget: list[int] | None = None) -> Any:
    """``value`` with credentials hidden as a log shows it: a string by its key and shape, an exception by a copy
    whose messages are screened, the items of a dict, list or tuple likewise, of another mapping (requests' headers,
    a ``CaseInsensitiveDict``) as a dict, of a set as a set; bytes as the text they decode to (``b"api_key=..."``);
    another object by what it says (``str``, judged with its key) when that holds a credential; anything else as it is. Past
    MAX_ITEMS values in all (``budget`` counts them down), a container's other items are cut off with a mark
    saying how many, since what is not screened may not be shown: a list of a million rows in ``extra`` held
    the log call for half a minute."""
    if budget is None:
        budget = [MAX_ITEMS]
    budget[0] -= 1
    if isinstance(value, str):
        return hidden_value(value, key)
    if isinstance(value, BaseException):
        return credentials_hidden(value)
    if depth >= MAX_DEPTH and isinstance(value, Mapping | list | tuple | set | frozenset):  # not looked into, so not
        return f"[errcat: nested deeper than {MAX_DEPTH} levels, not shown]"  # shown: a renderer prints it whole
    if isinstance(value, Mapping):
        kept = _within(budget, value.items())
        copy = {k: hidden_copy(v, str(k), depth + 1, budget) for k, v in kept}
        if len(copy) < len(value):
            copy["[errcat: cut]"] = _cut_mark(len(value) - len(copy))
        return copy
    if isinstance(value, list | tuple | set | frozenset):
        items = [hidden_copy(v, key, depth + 1, budget) for v in _within(budget, value)]
        if len(items) < len(value):
            items.append(_cut_mark(len(value) - len(items)))
        return type(value)(items) if type(value) in (list, tuple, set, frozenset) else items
    return _bytes_hidden(value, key) if isinstance(value, bytes | bytearray) else _object_hidden(value, key)


def _object_hidden(value: Any, key: str | None) -> Any:
    """Another object by what it says (``str``), judged with its key as a string is: that text when anything in it is
    hidden, else the object as it is. Judged by its shape alone, ``api_key=UUID("…")`` was logged whole (review18)."""
    if key is None or isinstance(value, int | float | bool | type(None)):
        return _arg_hidden(value)
    text = _said(value)
    hidden = hidden_value(text, key)
    return hidden if hidden != text else value


def _bytes_hidden(value: bytes | bytearray, key: str | None) -> Any:
    """Bytes with credentials hidden in the text they decode to (a request's body, ``b"api_key=...&page=2"``): the
    same type back, as a renderer shows it (``b'api_key=[REDACTED]&page=2'``); as it was when nothing is hidden."""
    text = bytes(value[: 4 * MAX_SAID]).decode("utf-8", errors="replace")
    hidden = hidden_value(text, key)
    return value if hidden == text and len(value) <= 4 * MAX_SAID else type(value)(hidden.encode())


def _within(budget: list[int], items: Iterable[T]) -> Iterator[T]:
    """The items while the budget lasts (each is counted by hidden_copy as it is screened)."""
    for item in items:
        if budget[0] <= 0:
            return
        yield item


def _cut_mark(left: int) -> str:
    return f"[errcat: {left:,} more items not shown, too many to screen for credentials]"


MAX_CHAIN = 10  # exceptions of a chain (cause, context) followed: for a vendor's response, to hide credentials


def worth_telling(x: Explanation) -> bool:
    """Whether errcat has something to say: the response is a catalogued vendor's, or an error in it
    is in the catalog. Another service's error is left as its owner's tools describe it."""
    return x.vendor is not None or any(m.best is not None for m in x.errors)


GROUP_DEPTH = 2  # exception groups looked into, one inside another (asyncio.TaskGroup's, anyio's): 10 errors each


def carried_explanation(
    error: BaseException | None, catalog: ErrorCatalog | CatalogIndex | None = None, depth: int = 0
) -> Explanation | None:
    """The explanation an exception carries: a VendorError's own, else that of a response the exception (or one
    it was raised from) holds or is (urllib's HTTPError; aiohttp's ClientResponseError, its status, headers and
    request_info, no body), when errcat has something to say of it, else the first such of an exception group's
    errors (a TaskGroup's calls); None when there is none."""
    seen = 0
    while error is not None and seen < MAX_CHAIN:
        if isinstance(error, VendorError):
            return error.explanation
        if isinstance(error, BaseExceptionGroup) and depth < GROUP_DEPTH:
            for inner in error.exceptions[:MAX_CHAIN]:
                if (x := carried_explanation(inner, catalog, depth + 1)) is not None:
                    return x
        response = attribute(error, "response")  # a property of the caller's that raises: no response
        if response is None or _status_of(response) is None:  # urllib's HTTPError and aiohttp's ClientResponseError
            response = error if _status_of(error) is not None and attribute(error, "headers") is not None else None
        if response is not None:
            x = explain_response(response, catalog=catalog)
            return x if worth_telling(x) else None
        error = error.__cause__ or error.__context__
        seen += 1
    return None


def holds_response(error: BaseException | None) -> bool:
    """Whether an exception is about an HTTP call, whoever's API it called: it holds the response (requests',
    httpx's HTTPError) or is one (urllib's HTTPError, aiohttp's ClientResponseError: a status and headers), or is
    raised from one. Such an exception quotes the call's URL, an api_key in its query, so its event is screened.
    So does a call that got no answer: requests' ConnectionError or ConnectTimeout (``Max retries exceeded with
    url: /invoices.json?api_key=...``) and httpx's RequestError hold the request they were sending, no response."""
    for _ in range(MAX_CHAIN):
        if error is None:
            return False
        if attribute(error, "response") is not None or attribute(error, "request") is not None:  # requests', httpx's
            return True
        if isinstance(attribute(error, "status"), int) and attribute(error, "headers") is not None:  # urllib's, aiohttp's
            return True
        error = error.__cause__ or error.__context__
    return False


def _status_of(response: Any) -> int | None:
    for name in ("status_code", "status"):
        value = attribute(response, name)
        if isinstance(value, int):
            return value
    return None


def credentials_hidden(error: BaseException, depth: int = 0) -> BaseException:
    """A copy of ``error`` whose messages (its own and its chain's) have credentials hidden as explain
    hides a paste's, or ``error`` itself when none has any. Made without calling ``__init__`` (httpx's
    errors require keyword arguments), with the same class, attributes and traceback."""
    if isinstance(error, BaseExceptionGroup):
        return _group_hidden(error, depth)
    args = tuple(_arg_hidden(a) for a in error.args)
    cause, context = _chained(error.__cause__, depth), _chained(error.__context__, depth)
    said = _said(error)
    hidden = screened(said)
    if args == error.args and cause is error.__cause__ and context is error.__context__ and hidden == said:
        return error
    copy = type(error).__new__(type(error))
    copy.__dict__.update(getattr(error, "__dict__", {}))
    copy.args = args
    copy.__cause__, copy.__context__ = cause, context
    copy.__suppress_context__ = error.__suppress_context__
    if hidden != said and _said(copy) != hidden:  # a message not made of its args: aiohttp's quotes request_info's URL
        _saying(copy, hidden)
    return copy.with_traceback(error.__traceback__)


def _group_hidden(group: BaseExceptionGroup[Any], depth: int) -> BaseException:
    """An exception group with its errors' credentials hidden: a copy made by ``derive`` (a group cannot be made
    without its errors), with the group's own chain and traceback."""
    inner = [credentials_hidden(e, depth + 1) if depth < MAX_CHAIN else e for e in group.exceptions]
    cause, context = _chained(group.__cause__, depth), _chained(group.__context__, depth)
    if all(a is b for a, b in zip(inner, group.exceptions, strict=True)) and (cause, context) == (
        group.__cause__,
        group.__context__,
    ):
        return group
    copy = group.derive(inner)
    copy.__cause__, copy.__context__ = cause, context
    copy.__suppress_context__ = group.__suppress_context__
    return copy.with_traceback(group.__traceback__)


def _arg_hidden(arg: Any) -> Any:
    """An exception's argument with credentials hidden: a string redacted; another object (aiohttp's RequestInfo,
    which OpenTelemetry's logs handler writes as ``exception.message``) as its redacted text when it shows one."""
    if isinstance(arg, str):
        return screened(arg)
    if isinstance(arg, int | float | bool | bytes | type(None)):
        return arg
    text = _said(arg)
    hidden = screened(text)
    return hidden if hidden != text else arg


MAX_SAID = 64 * 1024  # characters of an exception's text, or an argument's, screened for credentials (0.2 s here)
MAX_WORD = 1024  # a word cut at that bound is left out when shorter: half a key is as much a secret as a whole one
_CUT_WORD = re.compile(rf"\s\S{{1,{MAX_WORD}}}\Z")


def screened(text: str) -> str:
    """``text`` with credentials hidden as explain hides a paste's; beyond MAX_SAID characters (screening costs
    about 2 s a megabyte) the rest is cut off with a mark saying how much, since what is not screened may
    not be shown: a message of megabytes reached a log handler whole, its credentials in it."""
    from ..gate import shown

    if len(text) <= MAX_SAID:
        return shown(text)
    head = screenable(text)
    return f"{shown(head)} [errcat: {len(text) - len(head):,} more characters not shown, too long to screen for credentials]"


_JOINS = frozenset(" \t/|")  # what joins a user and a password alone on a line ("ops / …", "ops/…", "ops | …")


def hidden_value(text: str, key: str | None) -> str:
    """A string an application logged or set under ``key``, credentials hidden: judged by its name as well as its
    shape (``x-myobapi-key``, ``Authorization``), as ``key: text``; longer than MAX_SAID, cut as ``screened`` cuts."""
    from ..gate import shown, shown_named

    if len(text) > MAX_SAID:
        return screened(text)
    if key is None or ":" in key or not text:
        return shown(text)
    named = shown(f"{key}: {text}").split(":", 1)[1].lstrip()
    first = text.split("\n", 1)[0]
    if "\n" in text or (not _JOINS.isdisjoint(first) and shown(first) != first):  # its first line alone hides what the
        # name beside it did not ("ops / <password>" a line of its own), or its lines read without the name hide what
        # they do not after it (a table's header line, "| user | password |", is no header after "event: "): both
        # readings, joined
        return shown_named(key, text).lstrip()
    return named


SHORT = 200  # characters of an attribute remembered screened: an id-bearing URL rarely repeats, a method does


@functools.lru_cache(maxsize=4096)
def _hidden_short(text: str, key: str | None) -> str:
    return hidden_value(text, key)


def hidden_attribute(text: str, key: str | None) -> str:
    """hidden_value for a span's attribute or name, remembered for a short one: most repeat from span to span (a
    method, a host, a user agent, a span's name), and screening one costs ~0.2-1 ms in the thread that exports it.
    The last 4,096 short values are kept, as the spans that carried them were, in this process only."""
    return _hidden_short(text, key) if len(text) <= SHORT else hidden_value(text, key)


def hidden_words(values: list[Any] | tuple[Any, ...], key: str | None) -> list[Any]:
    """A list attribute set under ``key`` (a command line's arguments, ``process.command_args``; a header's values)
    with its strings screened as the line they make, so a value is judged with the word before it: ``--api-key k3y``
    hides ``k3y``, which alone is no secret. Split again at its blanks where anything was hidden. One function for
    Sentry's span attributes and OpenTelemetry's, so both read a command line alike. Between values of other kinds
    (OpenTelemetry takes ``["sync", None, "--password", "pw"]``) each run of strings is such a line: read each string
    alone, the password after its flag went out."""
    words: list[Any] = []
    run: list[str] = []
    for value in (*values, None):
        if isinstance(value, str):
            run.append(value)
            continue
        line = " ".join(run)
        hidden = hidden_attribute(line, key) if run else line
        words += run if hidden == line else hidden.split(" ")
        run = []
        words.append(value)
    return words[:-1]


def screenable(text: str) -> str:
    """The start of ``text`` that is screened: MAX_SAID characters, less a word the bound cuts."""
    if len(text) <= MAX_SAID:
        return text
    head = text[:MAX_SAID]
    cut = None if text[MAX_SAID].isspace() else _CUT_WORD.search(head, len(head) - MAX_WORD - 1)
    return head[: cut.start() + 1] if cut else head


def _said(value: object) -> str:
    try:
        return str(value)
    except Exception:  # a __str__ that fails: nothing it says to hide
        return ""


def _saying(copy: BaseException, message: str) -> None:
    """Make ``copy`` say ``message``: an instance of a subclass of its class of the same name (what a traceback,
    Sentry and OpenTelemetry print), whose ``__str__`` is that message; left as it is when the class allows none."""
    cls = type(copy)
    namespace = {"__str__": lambda self: message, "__module__": cls.__module__, "__qualname__": cls.__qualname__}
    with contextlib.suppress(Exception):  # a class that takes no subclass or no new __class__
        copy.__class__ = type(cls.__name__, (cls,), namespace)


def _chained(error: BaseException | None, depth: int) -> BaseException | None:
    return error if error is None or depth >= MAX_CHAIN else credentials_hidden(error, depth + 1)

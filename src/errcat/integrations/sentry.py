"""Sentry: group a vendor's error responses by what they are, not by stack trace and message text.

>>> sentry_sdk.init(dsn=..., integrations=[errcat.integrations.sentry.ErrcatIntegration()])

For an event whose exception is an ``errcat.VendorError``, or carries a response errcat can explain
(``requests.HTTPError`` from ``raise_for_status()``, ``httpx.HTTPStatusError``; also when raised from
one), or made of a log record carrying one (``log.error("sync failed", extra={"response": r})``, Sentry's
logging integration), or whose message quotes a vendor's error (a vendor SDK's ``ApiError(f"{status}: {body}")``: the
message itself must show the vendor and an error of its catalog), the event's ``fingerprint`` becomes
errcat's, it is tagged ``errcat.vendor``, ``errcat.entry``, ``errcat.match``, ``errcat.retry``, and gets
an ``errcat`` context (summary, fix, doc link, request id). Everything added is redacted, and so is
everything else such an event carries that may hold the call's credentials, the tags, contexts and extra
data the application set on its scope included (``set_tag("api_key", ...)``, ``set_context("call",
{"headers": ...})``); Sentry's trace context keeps its ids. An event about another service's HTTP call (an
exception holding its response, a log record carrying one) is screened the same way, nothing claimed for it, as
``ExplainFilter`` and the structlog processor screen such a record, and so is a log record quoting a URL as a string
(``log.error("sync failed: %s", url)``). Other events are the application's: errcat hides only the breadcrumbs of their
failed calls and of log lines quoting a URL, and its frames' variables quoting one. Works with sentry-sdk 2.x and 3.x:
3.x streams spans and sends log records as Sentry logs, and errcat screens both before they are sent (LAST_PASSES).
A failure inside errcat leaves the event as it was.
"""

from __future__ import annotations

import importlib
import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from . import needs

try:
    import sentry_sdk
except ImportError as missing:  # imported without its extra
    raise needs("sentry", "sentry-sdk", missing) from None
if not sentry_sdk.VERSION.startswith(("2.", "3.")):  # each major changed the API errcat screens through (3.0: spans, logs)
    raise ImportError(
        f"errcat.integrations.sentry works with sentry-sdk 2.x and 3.x, not {sentry_sdk.VERSION}: pip install 'sentry-sdk>=2,<4'"
    )
from sentry_sdk.attachments import Attachment
from sentry_sdk.integrations import Integration
from sentry_sdk.scope import add_global_event_processor
from sentry_sdk.utils import safe_repr

from ..gate.formats import format_hinted
from . import MAX_SAID, _bytes_hidden, given_catalog, hidden_attribute, hidden_value, hidden_words, is_response, screenable
from .telemetry import explanation_of, facts, holds_response, worth_telling

if TYPE_CHECKING:
    from sentry_sdk._types import Event, Hint

    from ..api import ErrorCatalog
    from ..explainer import Explanation
    from ..index.store import CatalogIndex

__all__ = ["ErrcatIntegration", "annotate", "screen_other_call", "scrub_failed_breadcrumbs", "scrub_failed_calls"]

_processor_added = False
TAGS = ("vendor", "entry", "match", "retry")
CONTEXT = ("fingerprint", "summary", "fix", "doc_url", "request_id", "status", "explanation")
_log = logging.getLogger(__name__)


class ErrcatIntegration(Integration):
    """Adds errcat's fingerprint, tags and context to events about a vendor's error response."""

    identifier = "errcat"

    def __init__(self, catalog: ErrorCatalog | CatalogIndex | None = None) -> None:
        given_catalog(catalog)
        self.catalog = catalog
        _set_up_again()

    @staticmethod
    def setup_once() -> None:
        global _processor_added
        if not _processor_added:  # once a process: twice would screen an event twice ("Bearer [REDACTED]" hidden whole)
            _processor_added = True
            add_global_event_processor(_process)
            _screen_links()
            _screen_baggage()

    def setup_once_with_options(self, options: dict[str, Any] | None = None) -> None:
        """The last passes put in the first client's options at once: sentry-sdk 3 sends a span or a log as it ends,
        before any error event would have put them there (as _process does for a client made later)."""
        if isinstance(options, dict):
            _scrubbed_last(options)


def _set_up_again() -> None:
    """Have the SDK set errcat up for every client it is given to. sentry-sdk sets an integration up once a process
    (its identifier kept in a set of those processed): a second ``sentry_sdk.init`` got errcat's last passes only at
    its first error event (_process), and the spans and logs it sent before that (3.x sends each as it ends) shipped
    their credentials. The set is replaced by one that never keeps errcat's identifier, so the SDK sets errcat up with
    each new client's options (setup_once_with_options), under its own lock, whatever the threads do; setup_once still
    adds the global processor once. Removing the identifier when an integration was made (as errcat did) lost the
    race of two inits in two threads: both made, one client set up, the other (the one left global) sent its spans
    unscreened. The SDK's lock is taken to replace the set, at most TAKE_LOCK seconds: a thread setting an integration
    up holds it briefly; this thread holds it when made inside another integration's setup, then it goes on without.
    Nothing when the SDK keeps no such set."""
    from sentry_sdk import integrations

    processed = getattr(integrations, "_processed_integrations", None)
    if type(processed) is not set:  # already replaced (or an SDK without it)
        return
    lock = getattr(integrations, "_installer_lock", None)
    locked = lock.acquire(timeout=TAKE_LOCK) if lock is not None else False
    try:
        processed = integrations._processed_integrations  # as it is now, under the lock
        if type(processed) is set:
            integrations._processed_integrations = _NeverErrcat(processed - {ErrcatIntegration.identifier})
    finally:
        if locked and lock is not None:
            lock.release()


TAKE_LOCK = 2.0  # seconds


class _NeverErrcat(set[str]):
    """The SDK's set of integrations set up, which never keeps errcat's: each client sets errcat up (_set_up_again)."""

    def add(self, identifier: str) -> None:
        if identifier != ErrcatIntegration.identifier:
            super().add(identifier)


def _screen_links() -> None:
    """sentry-sdk 3 sends a span's links (``add_link``, ``start_span(links=...)``) with their attributes, and lets
    ``before_send_span`` change only a span's name and attributes: it rebuilds the span from its own copy after the
    hook, so a link's ``{"source": url-with-api_key}`` went out as it was (as of 3.0.0 and sentry-python's main of
    2026-08-13 there is no other hook). Its ``Span.add_link``, through which every link is stored (the constructor's
    too), is wrapped to store a link's attributes screened, each judged with its name, as _span_last screens a span's,
    when the client in use has errcat. A link errcat fails to screen keeps its ids only. 2.x streams no links."""
    traces = importlib.import_module("sentry_sdk.traces") if sentry_sdk.VERSION.startswith("3.") else None
    span = getattr(traces, "Span", None)
    add_link = getattr(span, "add_link", None)
    if span is None or add_link is None or getattr(add_link, "errcat_screened", False):
        return

    def screened_add_link(self: Any, link: Any) -> None:
        if isinstance(link, Mapping) and link.get("attributes") and sentry_sdk.get_client().get_integration(ErrcatIntegration):
            try:
                attributes = {k: _attribute_screened(str(k), v) for k, v in _mapping(link.get("attributes")).items()}
            except Exception:  # never stored unscreened: the link's ids only
                _log.debug("errcat could not screen a Sentry span link: its attributes left out", exc_info=True)
                attributes = {}
            link = {**link, "attributes": attributes}
        add_link(self, link)

    screened_add_link.errcat_screened = True  # type: ignore[attr-defined]
    span.add_link = screened_add_link


def _screen_baggage() -> None:
    """The trace's name as the SDK's ``Baggage`` holds it, screened: the SDK puts a root span's (a transaction's) name
    in the dynamic sampling context, which it sends in the header of every envelope of the trace and, as the
    ``baggage`` header, to every service the trace calls (the vendor included). It is made once, when first needed
    (the first outgoing call), from the name as the application gave it: ``nightly sync token=...`` went out there
    while the span and the event had it hidden. No hook reaches it: the SDK's two makers of it are wrapped."""
    baggage = getattr(importlib.import_module("sentry_sdk.tracing_utils"), "Baggage", None)
    for name in ("populate_from_segment", "populate_from_transaction"):
        made = getattr(baggage, name, None)
        if made is None or getattr(made, "errcat_screened", False):
            continue

        def screened(cls: Any, /, *args: Any, _made: Any = made, **kwargs: Any) -> Any:
            held = _made(*args, **kwargs)
            items = getattr(held, "sentry_items", None)
            said = items.get("transaction") if isinstance(items, dict) else None
            if isinstance(said, str) and sentry_sdk.get_client().get_integration(ErrcatIntegration):
                try:
                    items["transaction"] = hidden_attribute(said, "name")  # type: ignore[index]
                except Exception:  # never sent unscreened: the name left out (the SDK sends none for a URL's)
                    _log.debug("errcat could not screen a trace's name", exc_info=True)
                    items.pop("transaction", None)  # type: ignore[union-attr]
            return held

        screened.errcat_screened = True  # type: ignore[attr-defined]
        setattr(baggage, name, classmethod(screened))


def _process(event: Event, hint: Hint) -> Event | None:
    client = sentry_sdk.get_client()
    integration = client.get_integration(ErrcatIntegration)
    if integration is None:
        return event
    _scrubbed_last(client.options)
    if event.get("type") == "transaction":
        return scrub_failed_calls(event, hint)
    event = scrub_failed_breadcrumbs(event)
    if not hint:
        return event
    event = annotate(event, hint, integration.catalog)
    return event if _annotated(event) else screen_other_call(event, hint)


def _scrubbed_last(options: dict[str, Any]) -> None:
    """The client's ``before_send`` and ``before_send_transaction`` made to hide, first, the credentials of an event
    errcat annotated (or a transaction it scrubbed) once more: what the SDK adds after every event processor ran
    (``attach_stacktrace``'s frames) and what a scope's own processor adds after errcat's global one (a web
    framework's ``request``: the headers and query string of the request being served) shipped as they were.
    Then the application's own hook, which sees the event as it will be sent. Done once per client."""
    for key, last in LAST_PASSES:
        hook = options.get(key)
        if not getattr(hook, "errcat_last", False):
            options[key] = _then(last, hook)


def _then(last: Any, hook: Any) -> Any:
    def scrubbed_then_hook(event: Event, hint: Hint) -> Event | None:
        event = last(event, hint)
        return hook(event, hint) if hook is not None else event

    scrubbed_then_hook.errcat_last = True  # type: ignore[attr-defined]
    return scrubbed_then_hook


# What is added to an event after errcat's global processor ran: a scope's processor adds the request being served
# (web frameworks' integrations), the SDK adds attach_stacktrace's frames after every processor. Only these are
# screened in the last pass: the rest was screened once (screening "Bearer [REDACTED]" again hides "Bearer" too).
LATE = ("request", "threads")


def _event_last(event: Event, hint: Hint) -> Event:
    if _annotated(event):
        return event if _scrub_late(event) else stub(event, hint)
    return event if _scrub_frames_quoting_urls(event) else stub(event, hint)


def _scrub_frames_quoting_urls(event: Event) -> bool:
    """Any other event's frame variables that quote a URL (an HTTP client's error, the URL itself: an api_key in its
    query) with the credentials hidden, each judged with its name. sentry-sdk 3 attaches the stack, with its frames'
    local variables, to every message and log event by default (``attach_stacktrace``), so a log line about anything
    shipped the error of a call made earlier in the same function. Other variables are the application's."""
    try:
        for variables in _frame_variables(event):
            for name, held in variables.items():
                if "://" in (held if isinstance(held, str) else safe_repr(held)):
                    variables[name] = _scrubbed(held, str(name), 0)
    except Exception:  # as annotate: sent as a stub
        _log.debug("errcat could not scrub a Sentry event's frames", exc_info=True)
        return False
    return True


def _frame_variables(event: Event) -> Iterator[dict[str, Any]]:
    """The local variables of each frame of the event's exceptions and threads, as the event holds them."""
    for key in ("exception", "threads"):
        for value in _list(_mapping(event.get(key)).get("values")):
            for frame in _list(_mapping(_mapping(value).get("stacktrace")).get("frames")):
                if isinstance(frame, dict) and isinstance(frame.get("vars"), dict):
                    yield frame["vars"]


def _log_last(log: dict[str, Any], hint: Hint) -> dict[str, Any] | None:
    """A Sentry log (sentry-sdk 3 sends one for every log record by default; 2.x with ``enable_logs``) whose text
    quotes a URL, with the credentials hidden in its body and attributes (the record's arguments, as
    ``sentry.message.parameter.*``, and its extra fields), each judged with its name, as the breadcrumb of such a
    record is; so is a log naming a credential or an auth scheme (CREDENTIAL_WORDS: ``failed with {auth}``, a Sage
    ``Bearer`` token as its argument; an ``x-myobapi-key`` field) or holding what starts a secret of a known format
    (the gate's hints: ``sk_live_``, ``ghp_``, ``xoxb-``). Others are the application's, sent as they are.
    One errcat fails to screen is dropped, not sent as it was."""
    try:
        attributes = _mapping(log.get("attributes"))
        said = " ".join(str(v) for v in (log.get("body"), *attributes.values(), *attributes) if isinstance(v, str))
        if _names_a_credential(said):
            if isinstance(log.get("body"), str):
                log["body"] = hidden_value(log["body"], "body")
            log["attributes"] = {k: v if k.startswith(SDK_OWN) else _attribute_screened(k, v) for k, v in attributes.items()}
    except Exception:  # never sent unscreened: None drops it (the SDK counts it lost)
        _log.debug("errcat could not screen a Sentry log: dropped", exc_info=True)
        return None
    return log


def _names_a_credential(said: str) -> bool:
    """Whether a log's text (or a log line's breadcrumb's) may hold a credential: CREDENTIAL_WORDS, or a hint of a
    format the gate knows (gate.formats.format_hinted)."""
    low = said.lower()
    return any(word in low for word in CREDENTIAL_WORDS) or format_hinted(said)


# What a log holding a credential says (a URL's userinfo or query, an auth scheme, a key's, token's or cookie's name),
# in lower case: a few substring tests a log (~2 us; a regular expression took ~40), where screening its strings costs
# ~0.1-1 ms each (most logs name none). Also a connection string's pwd=, "pass"/"credentials" before a password, a JWT's
# start (eyJ: a bare Sage access token) and an AWS access key id's (AKIA): each went out as logged (review17). The
# gate's format hints are looked for too (gate.formats.format_hinted, one scan of ~10 us on a 70-character log).
CREDENTIAL_WORDS = (
    "://", "bearer", "basic ", "auth", "key", "token", "pass", "pwd", "credential", "secret", "cookie", "session", "eyj",
    "akia",
)  # fmt: skip


def _span_last(span: dict[str, Any], hint: Hint) -> dict[str, Any]:
    """A streamed span (sentry-sdk 3's only kind; 2.x's with ``trace_lifecycle="stream"``) with its attributes
    (``url.full``, ``url.query``, what the application set on the scope) and name screened, each judged with its name.
    Every span: one is sent as it ends, before errcat could know that its call failed later or that its trace ends
    in a vendor's error (2.x's transaction, sent last, told that; the scope's attributes reach every span of it).
    A list of strings is screened as the line it makes (``process.command_args``, the SDK's sys.argv on each root
    span: ``--api-key sk_live_…``). The SDK cannot drop a span and sends it as it was when this hook raises: a span
    errcat fails to screen is sent as a stub (UNSCREENED), its ids, times and the SDK's own attributes only."""
    try:
        attributes = _mapping(span.get("attributes"))
        screened = {k: v if k.startswith(SDK_OWN) else _attribute_screened(k, v) for k, v in attributes.items()}
        name = span.get("name")
        name = hidden_attribute(name, "name") if isinstance(name, str) else name
    except Exception:  # never sent unscreened
        _log.debug("errcat could not screen a Sentry span: sent as a stub", exc_info=True)
        own = {k: v for k, v in _mapping(span.get("attributes")).items() if isinstance(k, str) and k.startswith(SDK_OWN)}
        return {**span, "name": UNSCREENED, "attributes": own}
    span["attributes"] = screened
    if name is not None:
        span["name"] = name
    return span


UNSCREENED = "errcat: span not screened"  # the name of a span errcat failed to screen, sent as a stub
UNSCREENED_EVENT = "errcat: event not screened"  # the value of each exception of an event sent as a stub
# What an event sent as a stub keeps: the SDK's own fields, none the application or the failed call filled in
STUB_KEPT = ("event_id", "timestamp", "level", "platform", "sdk", "release", "environment", "dist", "fingerprint", "type")
FRAME_KEPT = ("filename", "module", "function", "lineno", "in_app")  # where the code is, not what it held


def _attribute_screened(key: str, value: Any) -> Any:
    if isinstance(value, str):
        return hidden_attribute(value, key)
    return hidden_words(value, key) if isinstance(value, list | tuple) else _scrubbed(value, key, 1)


def _transaction_last(event: Event, hint: Hint) -> Event | None:
    """A transaction errcat screens (its trace annotated, or a call in it failed), screened once more for what was
    added after errcat's processor; dropped when that fails, as its spans would go unscreened."""
    spans = event.get("spans")
    if _annotated_trace(event) or any(isinstance(s, dict) and _failed(s) for s in (spans if isinstance(spans, list) else [])):
        return event if _scrub_late(event) else None
    return event


# What the SDK puts on every span that never holds a call's data (its release, the thread, the code's file): not
# screened, as each string screened costs ~0.1-1 ms in the thread that ends the span (a span has ~10 of them).
SDK_OWN = (
    "sentry.origin",
    "sentry.release",
    "sentry.environment",
    "sentry.sdk.",
    "sentry.trace_lifecycle",
    "sentry.dist",
    "sentry.segment.id",  # the root span's id (its name, sentry.segment.name, is the application's: screened)
    "sentry.segment.name.source",
    "sentry.platform",
    "thread.",
    "process.pid",
    "process.executable.",
    "process.runtime.",
    "code.",
    "http.request.method",
    "http.response.status_code",
    "network.peer.port",
)


LAST_PASSES = (
    ("before_send", _event_last),
    ("before_send_transaction", _transaction_last),  # 2.x: 3.0 sends no transactions
    ("before_send_log", _log_last),
    ("before_send_span", _span_last),  # 3.x, and 2.x's trace_lifecycle="stream"
)


def _scrub_late(event: Event) -> bool:
    """Whether what was added late (LATE) was screened: an error event goes on when not, a transaction does not."""
    try:
        for key in LATE:
            if key in event:
                event[key] = _scrubbed(event[key], key, 0)  # type: ignore[literal-required]
    except Exception:
        _log.debug("errcat could not scrub a Sentry event", exc_info=True)
        return False
    return True


def stub(event: Event, hint: Hint) -> Event:
    """What is sent of an event errcat failed to screen: never the event as it was (its message, frames' variables,
    scope and breadcrumbs may hold the call's credentials), never nothing (a crash report lost without a word).
    Its ids, time, level, release, errcat's fingerprint and tags (built from redacted text), the trace's ids, and
    for each exception its type and where it was raised: file, function and line of each frame, no variables, no
    source lines. Its value says why. The hint's attachments are left out (they may quote the call as well)."""
    kept: dict[str, Any] = {k: event[k] for k in STUB_KEPT if k in event}  # type: ignore[literal-required]
    kept["tags"] = {k: v for k, v in _mapping(event.get("tags")).items() if str(k).startswith("errcat.")}
    contexts = _mapping(event.get("contexts"))
    trace = _mapping(contexts.get("trace"))  # its ids only: its op and sampling context carry the span's name
    kept["contexts"] = {"trace": {k: trace[k] for k in TRACE_IDS if k in trace}} if trace else {}
    if isinstance(contexts.get("errcat"), dict):
        kept["contexts"]["errcat"] = contexts["errcat"]
    kept["exception"] = {"values": [_stub_exception(v) for v in _list(_mapping(event.get("exception")).get("values"))]}
    if not kept["exception"]["values"]:  # a message or log event: one line saying why
        kept["message"] = UNSCREENED_EVENT
    if isinstance(hint, dict) and isinstance(hint.get("attachments"), list):
        hint["attachments"].clear()
    return kept  # type: ignore[return-value]


def _stub_exception(value: object) -> dict[str, Any]:
    held = _mapping(value)
    frames = _list(_mapping(held.get("stacktrace")).get("frames"))
    kept = [{k: f[k] for k in FRAME_KEPT if k in f and isinstance(f[k], str | int | bool)} for f in frames if isinstance(f, dict)]
    said = {k: held[k] for k in ("type", "module") if isinstance(held.get(k), str)}
    return {**said, "value": UNSCREENED_EVENT, "stacktrace": {"frames": kept}}


def annotate(event: Event, hint: Hint, catalog: ErrorCatalog | CatalogIndex | None = None) -> Event:
    """The event with errcat's fingerprint, tags and context when its exception is a vendor's error
    response; otherwise (or when anything fails) the event unchanged. Never raises."""
    try:
        exc_info = hint.get("exc_info")
        error = exc_info[1] if isinstance(exc_info, tuple) and len(exc_info) == 3 else None
        x = explanation_of(error, catalog, messages=True) if isinstance(error, BaseException) else None
        if x is None:
            x = _logged_response(hint, catalog)
        if x is None:
            return event
        found = facts(x)
        tags = {f"errcat.{k}": found[k] for k in TAGS if k in found}
        context: dict[str, object] = {k: found[k] for k in CONTEXT if k in found}
    except Exception:  # Sentry's pipeline must go on whatever errcat meets
        _log.debug("errcat could not annotate a Sentry event", exc_info=True)
        return event
    try:
        _remember(event)
        scrub(event)
        scrub_attachments(hint)
    except Exception:  # never sent unscreened: a stub, grouped and tagged as it would have been
        _log.debug("errcat could not scrub a Sentry event: sent as a stub", exc_info=True)
        event = stub(event, hint)
    event["fingerprint"] = [found["fingerprint"]]
    event["tags"] = {**_mapping(event.get("tags")), **tags}
    event["contexts"] = {**_mapping(event.get("contexts")), "errcat": context}
    return event


def screen_other_call(event: Event, hint: Hint) -> Event:
    """An event about another service's HTTP call (its exception holds the response, or a log record carries one)
    with credentials hidden as in an event errcat annotates, and nothing claimed for it (no fingerprint, tags or
    context of errcat's): the client's message quotes the URL, an api_key in its query, as ExplainFilter and the
    structlog processor hide a record's about a call. An event about no call is left as it is. Never raises."""
    try:
        if _about_a_call(hint):
            _remember(event)  # its last pass, and its transaction, as for an event errcat annotates
            scrub(event)
            scrub_attachments(hint)
    except Exception:  # as annotate: sent as a stub
        _log.debug("errcat could not scrub a Sentry event: sent as a stub", exc_info=True)
        return stub(event, hint)
    return event


def _about_a_call(hint: Hint) -> bool:
    """Whether the event's exception, or the log record it was made of (its response= or an exception among its
    arguments), is about an HTTP call."""
    exc_info = hint.get("exc_info")
    if isinstance(exc_info, tuple) and len(exc_info) == 3 and holds_response(exc_info[1]):
        return True
    record = hint.get("log_record")
    if getattr(record, "response", None) is not None or _quotes_a_url(getattr(record, "msg", None)):
        return True
    return any(
        (isinstance(arg, BaseException) and holds_response(arg)) or _quotes_a_url(arg) or is_response(arg)
        for arg in _record_args(record)
    )


def _quotes_a_url(value: object) -> bool:
    """Whether a log record's message or argument is a string quoting a URL (``log.error("sync failed: %s", url)``):
    its query may hold an api_key, its authority a password, which Sentry ships in the event's ``logentry`` (message,
    ``formatted`` and ``params``) and in the breadcrumb of the record, as it ships an HTTP client's error quoting it."""
    return isinstance(value, str) and "://" in value


def _record_args(record: object) -> list[object]:
    """The first MAX_ARGS arguments of a log record (a tuple, or a mapping's values); none for anything else."""
    args = getattr(record, "args", None)
    values = list(args.values()) if isinstance(args, Mapping) else list(args) if isinstance(args, tuple) else []
    return values[:MAX_ARGS]


# The traces of the error events errcat annotated (and scrubbed), most recent last: their transaction ships the
# same scope (tags, contexts, extra, attachments), and may hold no span of the failed call to say so: aiohttp's
# integration records none for a session made with raise_for_status=True. A bounded few: a transaction ends soon
# after the errors in it.
_ANNOTATED_TRACES: OrderedDict[str, None] = OrderedDict()
_ANNOTATED_EVENTS: OrderedDict[str, None] = OrderedDict()  # the ids of the events, for their last pass (_event_last)
_TRACES_KEPT = 1024
_traces_lock = threading.Lock()


def _trace_id(event: Event) -> str | None:
    trace = _mapping(_mapping(event.get("contexts")).get("trace"))
    found = trace.get("trace_id")
    return found if isinstance(found, str) and found else None


def _remember(event: Event) -> None:
    """Note an event errcat annotates: its id (for the last pass before it is sent) and its trace."""
    with _traces_lock:
        for kept, found in ((_ANNOTATED_EVENTS, event.get("event_id")), (_ANNOTATED_TRACES, _trace_id(event))):
            if isinstance(found, str) and found:
                kept[found] = None
                kept.move_to_end(found)
                while len(kept) > _TRACES_KEPT:
                    kept.popitem(last=False)


def _annotated(event: Event) -> bool:
    """Whether errcat annotated this event."""
    found = event.get("event_id")
    with _traces_lock:
        return isinstance(found, str) and found in _ANNOTATED_EVENTS


def _annotated_trace(event: Event) -> bool:
    """Whether errcat annotated an error event of this transaction's trace."""
    trace = _trace_id(event)
    with _traces_lock:
        return trace is not None and trace in _ANNOTATED_TRACES


def scrub_attachments(hint: Hint) -> None:
    """Hide credentials in the text attachments an event ships (the application's ``add_attachment``, a request
    or log it kept: a URL with its api_key, a header): each is replaced, in this event's hint only, by its text
    screened to 64 KiB (cut there with a mark saying how many bytes were not shown). A binary one is left."""
    attachments = hint.get("attachments")
    if not isinstance(attachments, list):
        return
    for i, attachment in enumerate(attachments):
        try:
            hidden = _attachment_hidden(attachment) if isinstance(attachment, Attachment) else None
        except Exception:  # a file gone, bytes() that fails: the SDK meets it as it would have; the rest are screened
            _log.debug("errcat could not read a Sentry attachment", exc_info=True)
            continue
        if hidden is not None:
            attachments[i] = hidden


READ = 4 * MAX_SAID  # bytes of an attachment read: at least MAX_SAID characters in UTF-8


def _attachment_hidden(attachment: Attachment) -> Attachment | None:
    """A copy of a text attachment with its credentials hidden, or None when it is binary or has none."""
    from ..gate import shown

    data, size = _attachment_bytes(attachment)
    if data is None or b"\0" in data[:8192]:
        return None
    text = data.decode("utf-8", errors="replace")
    head = screenable(text)
    hidden = shown(head)
    if len(head) == len(text) and size == len(data):
        return None if hidden == text else _attachment(attachment, hidden.encode())
    rest = size - len(head.encode("utf-8", errors="replace"))
    note = f" [errcat: {rest:,} more bytes not shown, too long to screen for credentials]"
    return _attachment(attachment, (hidden + note).encode())


def _attachment_bytes(attachment: Attachment) -> tuple[bytes | None, int]:
    """The attachment's bytes (to READ, from its file when it has one) and its whole size."""
    data = attachment.bytes() if callable(attachment.bytes) else attachment.bytes
    if isinstance(data, bytes | bytearray):
        return bytes(data[:READ]), len(data)
    if attachment.path is None:
        return None, 0
    with open(attachment.path, "rb") as file:
        return file.read(READ), os.fstat(file.fileno()).st_size


def _attachment(attachment: Attachment, data: bytes) -> Attachment:
    """A copy holding ``data``: 2.x's ``add_to_transactions`` kept (3.x has no transactions, nor that option)."""
    copy = Attachment(bytes=data, filename=attachment.filename, content_type=attachment.content_type)
    if hasattr(attachment, "add_to_transactions"):  # by name: the attribute type-checks against 2.x's stubs only
        setattr(copy, "add_to_transactions", getattr(attachment, "add_to_transactions"))  # noqa: B009, B010
    return copy


def _logged_response(hint: Hint, catalog: ErrorCatalog | CatalogIndex | None) -> Explanation | None:
    """The explanation of the response a log record carries (``log.warning(..., extra={"response": r})``, as
    ExplainFilter reads it, or as an argument: ``log.error("sync failed: %s", r)``), or of an exception among its
    arguments (``log.error("sync failed: %s", error)``, whose message then quotes the URL with its api_key), for the
    event Sentry's logging integration makes of it."""
    from . import explain_response

    record = hint.get("log_record")
    response = getattr(record, "response", None)
    if response is not None:
        x = explain_response(response, catalog=catalog)
        return x if worth_telling(x) else None
    for arg in _record_args(record):
        if is_response(arg):  # log.error("sync failed: %s", response): read as its response= is
            told = explain_response(arg, catalog=catalog)
            if worth_telling(told):
                return told
            continue
        found = explanation_of(arg, catalog) if isinstance(arg, BaseException) else None
        if found is not None:
            return found
    return None


MAX_ARGS = 10  # a log record's arguments looked at for an exception about a vendor's response


# What an event errcat annotates has its credentials hidden in: what the SDK made of the failed call
# (exception, frames, breadcrumbs, log message) and what the application set on its scope (tags,
# contexts, extra, user, the transaction's name), which the event errcat made ships with it; Sentry's request
# interface too.
SCRUBBED = (
    "exception", "threads", "breadcrumbs", "logentry", "message", "extra", "tags", "contexts", "request", "user",
    "transaction",
)  # fmt: skip
TRACE_IDS = ("trace_id", "span_id", "parent_span_id")  # Sentry's own ids, which link the event to its trace: kept
MAX_DEPTH = 12


def scrub(event: Event) -> None:
    """Hide, as explain hides a paste's, the credentials of a vendor call that the SDK put in an event
    errcat annotates: the client's error message (requests' and httpx's quote the URL, an api_key in
    its query), the frames' local variables (the headers a request was sent with), breadcrumbs (the
    stdlib integration's http.query), and the tags, contexts and extra the application set. Strings
    are redacted in place, each with its key, so a value is judged by its name as well as its shape
    (``Authorization``, ``x-myobapi-key``). The trace context keeps its ids as they were (the event links to its
    trace); its op, description and data (the root span's, which an application names) are screened as the rest."""
    trace = _mapping(_mapping(event.get("contexts")).get("trace"))
    ids = {k: trace[k] for k in TRACE_IDS if k in trace}
    for key in SCRUBBED:
        if key in event:
            event[key] = _scrubbed(event[key], key, 0)  # type: ignore[literal-required]
    if ids:  # a trace id is no credential, whatever its shape
        contexts = _mapping(event.get("contexts"))
        event["contexts"] = {**contexts, "trace": {**_mapping(contexts.get("trace")), **ids}}


def scrub_failed_calls(event: Event, hint: Hint | None = None) -> Event | None:
    """A transaction with the credentials of its failed HTTP calls hidden, as an error event errcat
    annotates has them hidden: the SDK's span of the call keeps its query (``http.query``, an api_key)
    apart from the URL. A span cannot say whose API it called (the response that would is not in it),
    so every call answered with an error status is scrubbed, and so is what the application set on the scope
    (tags, contexts, extra), which the error event of the call had hidden; that scope is scrubbed too when
    errcat annotated an error event of the same trace, with or without a span of the call (aiohttp's
    ``raise_for_status=True`` leaves none). Only credentials change. Never raises: a transaction errcat fails to
    screen is dropped (None, as an event processor drops one), not sent with its spans unscreened."""
    try:
        spans = event.get("spans")
        failed = [span for span in (spans if isinstance(spans, list) else []) if isinstance(span, dict) and _failed(span)]
        for span in failed:  # not the SDK's AnnotatedValue of spans it dropped
            for key in ("data", "description"):
                if key in span:
                    span[key] = _scrubbed(span[key], key, 0)
        # the scope's tags, contexts, extra and attachments an error event of the call had hidden ship here too
        if failed or _annotated_trace(event):
            scrub(event)
            scrub_attachments(hint or {})
    except Exception:  # never sent unscreened
        _log.debug("errcat could not screen a Sentry transaction: dropped", exc_info=True)
        return None
    return event


def scrub_failed_breadcrumbs(event: Event) -> Event:
    """Any event with the credentials of its failed HTTP calls' breadcrumbs hidden (the query the SDK
    keeps apart from the URL, ``http.query``): the scope keeps a call's breadcrumb for the events
    after it, so a vendor call's api_key, hidden in the event errcat annotated, came back in the next
    event of any kind. As in a transaction, every call answered with an error status; and a log line's
    breadcrumb that may hold a credential, as its Sentry log is screened (_log_last). Never raises."""
    try:
        crumbs = _mapping(event.get("breadcrumbs")).get("values")
        for crumb in crumbs if isinstance(crumbs, list) else []:
            if isinstance(crumb, dict) and _failed(crumb) and "data" in crumb:
                crumb["data"] = _scrubbed(crumb["data"], "data", 0)
            elif isinstance(crumb, dict) and isinstance(crumb.get("message"), str) and _names_a_credential(crumb["message"]):
                # a log line's breadcrumb: screened as the record's Sentry log is (review18: only one quoting a URL was)
                for key in ("message", "data"):
                    if key in crumb:
                        crumb[key] = _scrubbed(crumb[key], key, 0)
    except Exception:  # as annotate: sent as a stub
        _log.debug("errcat could not scrub a Sentry event's breadcrumbs", exc_info=True)
        return stub(event, {})
    return event


def _failed(span: Mapping[str, Any]) -> bool:
    """Whether an HTTP client span's (or breadcrumb's) call was answered with an error status (400 or
    more), or the span was ended by an exception before the SDK noted a status: errcat's hook raising
    inside the client's ``send`` (httpx's integration), where the status is ``internal_error``."""
    data, tags = _mapping(span.get("data")), _mapping(span.get("tags"))
    status = data.get("http.response.status_code", data.get("status_code", tags.get("http.status_code")))
    if status is None:  # an HTTP call's span only (a database's or a function's is left as it is)
        http = str(span.get("op", "")).startswith("http") or any(k in data for k in HTTP_KEYS)
        return http and span.get("status") not in (None, "ok")
    return str(status).isdigit() and int(str(status)) >= 400


# what the SDK's HTTP client spans hold (3.x: url.full, url.query)
HTTP_KEYS = ("url", "url.full", "http.query", "url.query", "http.method", "http.request.method")


def _scrubbed(value: Any, key: str | None, depth: int) -> Any:
    if isinstance(value, str):
        return hidden_value(value, key)
    if depth >= MAX_DEPTH:  # not looked into, so not shipped: the SDK would send it whole
        return (
            value
            if isinstance(value, int | float | bool | type(None))
            else f"[errcat: nested deeper than {MAX_DEPTH} levels, not shown]"
        )
    if isinstance(value, Mapping):
        return {k: _scrubbed(v, str(k), depth + 1) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_scrubbed(v, key, depth + 1) for v in value]
    if isinstance(value, bytes | bytearray):  # the SDK ships their repr: b'api_key=...'
        return _bytes_hidden(value, key)
    if isinstance(value, int | float | bool | type(None)):
        return value
    said = safe_repr(value)  # what the SDK will ship of an object (a log record's argument: an exception quoting a URL)
    hidden = hidden_value(said, key)
    return hidden if hidden != said else value


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _mapping(value: object) -> dict[str, Any]:
    """What the event holds under a key, as a dict (another processor may have left something else)."""
    return dict(value) if isinstance(value, Mapping) else {}

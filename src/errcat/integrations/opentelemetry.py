"""OpenTelemetry: name a vendor's error response on the client span that carried it.

>>> RequestsInstrumentor().instrument(response_hook=errcat.integrations.opentelemetry.response_hook)
>>> HTTPXClientInstrumentor().instrument(response_hook=errcat.integrations.opentelemetry.response_hook,
...                                     async_response_hook=errcat.integrations.opentelemetry.async_response_hook)

The span's full URL has its credentials hidden on every call the hook is given, whoever's API it
called and whatever its status; on an error response (status 400 or more) that is a vendor's, the
span's ``error.type`` becomes errcat's fingerprint
(a component-specific, low-cardinality identifier, as the semantic conventions allow), ``errcat.*``
attributes name the vendor, entry, match, retry advice, doc link and request id, and an
``errcat.explanation`` event carries the summary. Nothing here imports OpenTelemetry: the hook only calls the span it is handed.

httpx's instrumentation hands the hook the transport's raw response, whose body the client has not
read yet: on an error response errcat reads its start (to explain's 2 MiB) from httpx's own transport
stream and puts it back, so the client reads the same bytes, the rest and any error as it would have;
an event stream, a body encoded as errcat cannot decode (br, zstd) or another transport's stream is
explained by its status and headers alone. requests hands over the ``Response`` with its body.

A call that got no answer reaches no hook: ``ScreenedSpanExporter`` wrapped around the exporter screens every span.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any

from . import bodies, given_catalog, off_loop
from .telemetry import facts, worth_telling

if TYPE_CHECKING:
    from ..api import ErrorCatalog
    from ..explainer import Explanation
    from ..index.store import CatalogIndex

__all__ = ["ERROR_TYPE", "ScreenedSpanExporter", "async_hook", "async_response_hook", "hook", "response_hook"]

ERROR_TYPE = "error.type"  # the semantic conventions' attribute for the class of an error
ATTRIBUTES = ("fingerprint", "vendor", "entry", "match", "retry", "doc_url", "request_id")
_log = logging.getLogger(__name__)


def hook(catalog: ErrorCatalog | CatalogIndex | None = None, vendor: str | None = None) -> Any:
    """A response hook explaining against ``catalog`` (default: the catalog in use), with ``vendor``
    when every request the instrumented client sends goes to one vendor."""
    given_catalog(catalog)

    def on_response(span: Any, request: Any, response: Any) -> None:
        try:
            if _failed(span, response):
                body = None if _whole(response) else bodies.peek_transport(response.stream, _headers(response))
                _tell(span, request, response, body, catalog, vendor)
        except Exception:  # a span must end whatever errcat meets
            _log.debug("errcat could not annotate a span", exc_info=True)

    return on_response


def async_hook(catalog: ErrorCatalog | CatalogIndex | None = None, vendor: str | None = None) -> Any:
    """The same hook as a coroutine function: httpx's instrumentation calls only a coroutine function
    for an ``AsyncClient`` (``async_response_hook=``), and drops a plain one without a word. The body
    is explained on a worker thread, off the event loop (integrations.off_loop)."""
    given_catalog(catalog)

    async def on_async_response(span: Any, request: Any, response: Any) -> None:
        try:
            if _failed(span, response):
                body = None if _whole(response) else await bodies.apeek_transport(response.stream, _headers(response))
                x = await off_loop(lambda: _explain(request, response, _status(response) or 0, body, catalog, vendor))
                _tell_explained(span, x)
        except Exception:  # as in hook()
            _log.debug("errcat could not annotate a span", exc_info=True)

    return on_async_response


def _failed(span: Any, response: Any) -> bool:
    """An error response on a span still recording. The full URL of every call the hook sees is hidden
    first, whose API it was and whatever its status: a call that succeeded carries its api_key as well."""
    if not span.is_recording():
        return False
    _hide_url(span)
    status = _status(response)
    return status is not None and status >= 400


def _tell(
    span: Any, request: Any, response: Any, body: bytes | None, catalog: ErrorCatalog | CatalogIndex | None, vendor: str | None
) -> None:
    _tell_explained(span, _explain(request, response, _status(response) or 0, body, catalog, vendor))


def _tell_explained(span: Any, x: Explanation | None) -> None:
    if x is not None and worth_telling(x):
        annotate(span, x)


response_hook = hook()  # for instrument(response_hook=...): the catalog in use, the vendor from evidence
async_response_hook = async_hook()  # for HTTPXClientInstrumentor().instrument(async_response_hook=...)


def annotate(span: Any, x: Explanation) -> None:
    """Set error.type, the errcat.* attributes and the explanation event on ``span``."""
    found = facts(x)
    span.set_attribute(ERROR_TYPE, found["fingerprint"])
    for key in ATTRIBUTES:
        if key in found:
            span.set_attribute(f"errcat.{key}", found[key])
    event = {"errcat.summary": found["summary"], "errcat.explanation": found["explanation"]}
    if "fix" in found:
        event["errcat.fix"] = found["fix"]
    span.add_event("errcat.explanation", event)
    _hide_url(span)  # as the hook does for every failed call: annotate() may be called on its own


URLS = ("url.full", "http.url")  # the semantic conventions' full URL, new and old


def _hide_url(span: Any) -> None:
    """The instrumentation's full URL, redacted as explain redacts a paste's (an api_key in its query, a
    token in its path, a password before its host), whoever's API it called: what the semantic conventions
    ask of ``url.full`` (no credentials). ~50 µs a URL, ~300 µs with a query, beside the call's milliseconds."""
    from ..explainer.redact import redact

    attributes = getattr(span, "attributes", None) or {}  # an SDK span's; another span: nothing to read
    for key in URLS:
        value = attributes.get(key)
        if isinstance(value, str):
            hidden = redact(value)[0]
            if hidden != value:
                span.set_attribute(key, hidden)


def _status(response: Any) -> int | None:
    for name in ("status_code", "status"):
        value = getattr(response, name, None)
        if isinstance(value, int):
            return value
    return None


def _whole(response: Any) -> bool:
    """A requests or httpx ``Response`` (its body read, or readable by explain_response), not httpx's
    transport-level ``ResponseInfo(status_code, headers, stream, extensions)``."""
    return hasattr(response, "text") or hasattr(response, "content")


def _headers(response: Any) -> dict[str, str]:
    """A transport response's headers by lower-case name (httpx ``Headers`` or raw byte pairs)."""
    headers = getattr(response, "headers", None) or []
    items = list(headers.items()) if hasattr(headers, "items") else list(headers)
    return {(_text(k) or "").lower(): _text(v) or "" for k, v in items}


def _explain(
    request: Any,
    response: Any,
    status: int,
    body: bytes | None,
    catalog: ErrorCatalog | CatalogIndex | None,
    vendor: str | None,
) -> Explanation | None:
    from . import _catalog, explain_response

    if body is None:  # a requests or httpx Response
        return explain_response(response, vendor=vendor, catalog=catalog)
    from ..explainer import explain_exchange

    headers = getattr(response, "headers", None) or []
    items = list(headers.items()) if hasattr(headers, "items") else list(headers)
    method = getattr(request, "method", None)
    url = getattr(request, "url", None)
    return explain_exchange(
        _catalog(catalog),
        status=status,
        body=bodies.decoded(body, _headers(response)) if body else _body_in_memory(getattr(response, "stream", None)),
        method=_text(method),
        url=_text(url) if url is not None and not isinstance(url, tuple) else None,
        headers=[(_text(k) or "", _text(v) or "") for k, v in items],
        vendor=vendor,
    )


def _body_in_memory(stream: Any) -> str:
    """The body of an httpx stream that is already bytes in memory (``httpx.ByteStream``); "" otherwise."""
    held = getattr(stream, "_stream", None)
    if isinstance(held, bytes | bytearray):
        return bytes(held).decode("utf-8", errors="replace")
    return ""


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return value.decode("latin-1") if isinstance(value, bytes | bytearray) else str(value)


class ScreenedSpanExporter:
    """A span exporter passing every span to ``exporter`` with the credentials of its name, attributes, events (their
    names too), links, status, tracestate, instrumentation scope and Resource hidden, each judged with its name
    (``url.full``, an ``exception`` event's message, the resource's ``process.command_line``), a list as the line it
    makes (``process.command_args``):

    >>> provider.add_span_processor(BatchSpanProcessor(ScreenedSpanExporter(OTLPSpanExporter())))

    The response hook hides a call's URL when there is a response; a call that got none (a refused connection, a
    name that does not resolve, a timeout) reaches no hook, and its span kept ``url.full`` with the api_key in its
    query and an ``exception`` event quoting it (requests' ``Max retries exceeded with url: /x?api_key=...``). A span
    errcat cannot screen is dropped, not sent as it was. Runs where the exporter runs (a batch processor's thread)."""

    def __init__(self, exporter: Any) -> None:
        self.exporter = exporter

    def export(self, spans: Any) -> Any:
        screened = []
        for span in spans:
            try:
                screened.append(_screened_span(span))
            except Exception:  # never shipped unscreened
                _log.debug("errcat could not screen a span: dropped", exc_info=True)
        return self.exporter.export(screened)

    def shutdown(self) -> Any:
        return self.exporter.shutdown()

    def force_flush(self, timeout_millis: int = 30000) -> Any:
        return self.exporter.force_flush(timeout_millis)


def _screened_span(span: Any) -> Any:
    from opentelemetry.sdk.trace import Event, ReadableSpan
    from opentelemetry.trace import Link, Status

    from . import hidden_attribute, hidden_value

    status = span.status
    if status.description:
        status = Status(status.status_code, hidden_value(status.description, "status"))
    events = [
        Event(hidden_attribute(e.name, "name"), _counted(_screened_attributes(e.attributes), e), e.timestamp) for e in span.events
    ]
    links = [Link(_screened_context(link.context), _counted(_screened_attributes(link.attributes), link)) for link in span.links]
    return ReadableSpan(
        name=hidden_attribute(span.name, "name"),
        context=_screened_context(span.context),
        parent=_screened_context(span.parent),
        resource=_screened_resource(span.resource),
        attributes=_counted(_screened_attributes(span.attributes), span),
        events=_counted_list(events, span.dropped_events),
        links=_counted_list(links, span.dropped_links),
        kind=span.kind,
        status=status,
        start_time=span.start_time,
        end_time=span.end_time,
        instrumentation_scope=_screened_scope(span.instrumentation_scope),
    )


def _counted(attributes: Any, source: Any) -> Any:
    """Screened attributes that still say how many the SDK's limits dropped (``dropped_attributes``, which OTLP
    sends as ``dropped_attributes_count``): a copy in a plain dict said none, so a collector was told the span (or
    event, or link) was whole when its limits had cut it."""
    dropped = getattr(source, "dropped_attributes", 0)
    if not dropped:
        return attributes
    from opentelemetry.attributes import BoundedAttributes

    counted = BoundedAttributes(maxlen=None, attributes=attributes, immutable=True)
    counted.dropped = dropped
    return counted


def _counted_list(items: list[Any], dropped: int) -> Any:
    """A span's screened events or links that still say how many its limits dropped, as ``_counted`` does."""
    if not dropped:
        return items
    from opentelemetry.sdk.util import BoundedList

    counted = BoundedList.from_seq(None, items)
    counted.dropped = dropped
    return counted


# a tracestate value as W3C Trace Context allows it (the SDK's own pattern): TraceState drops another with a warning
_TRACESTATE_VALUE = re.compile(r"[\x20-\x2b\x2d-\x3c\x3e-\x7e]{0,255}[\x21-\x2b\x2d-\x3c\x3e-\x7e]")


def _screened_context(context: Any) -> Any:
    """A span context with its ``tracestate`` values screened, each judged with its key: the W3C header a caller
    sent (or the application set) travels with every span and link, and a vendor's entry may carry what the caller
    put in it. A value screened into what the header cannot hold (a blank at its end, ``=`` or ``,``) is left out."""
    state = getattr(context, "trace_state", None)
    if not state:  # most spans: no tracestate, nothing to copy
        return context
    from opentelemetry.trace import SpanContext, TraceState

    from . import hidden_attribute

    screened = [(k, hidden_attribute(v, k)) for k, v in state.items()]
    if all(v == state[k] for k, v in screened):
        return context
    kept = TraceState([(k, v) for k, v in screened if _TRACESTATE_VALUE.fullmatch(v)])
    return SpanContext(context.trace_id, context.span_id, context.is_remote, context.trace_flags, kept)


def _screened_scope(scope: Any) -> Any:
    """The instrumentation scope (a tracer's name, version and attributes, which OTLP sends with its spans) with
    its name and attributes screened; the same object when nothing in it changes (a library's name: most spans).
    The last one screened is remembered, as the Resource is: a tracer's spans come one after another."""
    global _scope_screened
    last = _scope_screened
    if scope is None or (last is not None and last[0] is scope):
        return scope if scope is None else last[1]  # type: ignore[index]
    from opentelemetry.sdk.util.instrumentation import InstrumentationScope

    from . import hidden_attribute

    name = hidden_attribute(scope.name, "name") if isinstance(scope.name, str) else scope.name
    attributes = _screened_attributes(scope.attributes) if scope.attributes else None
    same = name == scope.name and (attributes is None or attributes == dict(scope.attributes))
    screened = scope if same else InstrumentationScope(name, scope.version, scope.schema_url, attributes)
    _scope_screened = (scope, screened)
    return screened


_scope_screened: tuple[Any, Any] | None = None  # the last scope screened and its screened copy


# The last Resource screened and its screened copy: a provider has one, sent with each of its spans, and screening its
# ~10 strings per span would cost more than the span's own (a command line: ~1 ms).
_resource_screened: tuple[Any, Any] | None = None


def _screened_resource(resource: Any) -> Any:
    """The Resource with its attributes screened (``process.command_line``, ``process.command_args``, a
    ``service.instance.id`` URL with its token): the SDK fills it from sys.argv, and the exporter sends it with
    every span. The same copy for the same Resource, so the exporter still groups its spans under one."""
    global _resource_screened
    from opentelemetry.sdk.resources import Resource

    last = _resource_screened
    if last is not None and last[0] is resource:
        return last[1]
    screened = Resource(_screened_attributes(resource.attributes), resource.schema_url)
    _resource_screened = (resource, screened)
    return screened


def _screened_attributes(attributes: Any) -> dict[str, Any]:
    """Each string judged with its key; a list as the line its strings make (hidden_words: ``--password`` and the
    value after it together, as Sentry's adapter reads a command line). The SDK takes any AnyValue (1.4x): a mapping's
    strings are judged with their own keys, a list's lists and mappings each so in turn (they went out unscreened)."""
    from collections.abc import Mapping

    from . import hidden_attribute, hidden_words

    def screened(key: str, value: Any) -> Any:
        if isinstance(value, str):
            return hidden_attribute(value, key)
        if isinstance(value, tuple | list):
            return tuple(hidden_words([screened(key, v) if isinstance(v, tuple | list | Mapping) else v for v in value], key))
        if isinstance(value, Mapping):
            return {k: screened(k if isinstance(k, str) else key, v) for k, v in value.items()}
        return value

    return {k: screened(k, v) for k, v in (attributes or {}).items()}

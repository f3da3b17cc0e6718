"""structlog: a processor that turns a vendor's error response in a log event into errcat's facts.

>>> structlog.configure(processors=[errcat.integrations.structlog.explain_processor, ..., JSONRenderer()])
>>> log.warning("invoice sync failed", response=r)      # or log.exception(...) inside except VendorError

For an event carrying ``response=`` (a requests/httpx response, or anything ``explain_response``
takes) or an ``exc_info`` whose exception is an ``errcat.VendorError`` (or holds a response), or such an
exception as a value (``error=e``), it adds an ``errcat`` key (fingerprint, vendor, entry, match, summary,
retry, doc link, request id) and drops the raw response object it explained. When it explains an event with an
``exc_info`` (the exception's response, or ``response=`` beside it, as ``log.exception("...", response=r)``
after ``raise_for_status()`` has it), the exception is rendered here, as structlog's ``format_exc_info``
renders it (an ``exception`` key holding the traceback text), with credentials hidden as ``explain`` hides a
paste's: the client's message quotes the URL (an api_key in its query), and a renderer's frame locals (the
headers sent) are left out, as the Sentry integration hides them.
Every event about an HTTP call, explained or not (``response=``, or an exception that holds a response, as
raise_for_status()'s does), has credentials hidden in its values (``url=r.url``, a ``headers`` dict, an
exception as a value by a copy), as ``ExplainFilter`` hides such a record's: another service's call quotes its
key as well. Another service's response stays for the processors after it (no ``errcat`` key); its exception is
rendered here as a vendor's is (dict_tracebacks and a console renderer print frame locals: the headers sent).
An event about no call is left as it is: screening costs about 1 ms an event. Nothing here imports structlog: a
processor is a plain function of (logger, method name, event dict).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, MutableMapping
from typing import TYPE_CHECKING, Any

from . import given_catalog
from .telemetry import exception_from, explanation_of, facts, holds_response, worth_telling

if TYPE_CHECKING:
    from ..api import ErrorCatalog
    from ..explainer import Explanation
    from ..index.store import CatalogIndex

__all__ = ["ExplainProcessor", "explain_processor"]

KEYS = ("fingerprint", "vendor", "entry", "match", "summary", "retry", "doc_url", "request_id")
_log = logging.getLogger(__name__)


class ExplainProcessor:
    """The processor, explaining against ``catalog`` (default: the catalog in use)."""

    def __init__(self, catalog: ErrorCatalog | CatalogIndex | None = None, key: str = "errcat") -> None:
        given_catalog(catalog)
        self.catalog = catalog
        self.key = key

    def __call__(self, logger: Any, method_name: str, event_dict: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
        try:
            response = event_dict.get("response")
            error = exception_from(event_dict.get("exc_info"))
            x = self._explanation(response, error) or self._value_explained(event_dict)
            if x is None and not _about_a_call(event_dict, error):  # screening costs about 1 ms an event
                return event_dict
            _scrub(event_dict)  # another service's call quotes its api_key in a URL as well
            if x is not None:
                found = facts(x)
                event_dict[self.key] = {k: found[k] for k in KEYS if k in found}
                event_dict.pop("response", None)  # explained: the raw object has nothing a renderer should print
            if error is not None:  # a vendor's or another service's: the message quotes the URL, the frames' locals
                event_dict["exception"] = exception_text(error)  # the headers sent (dict_tracebacks, a console renderer)
                event_dict.pop("exc_info", None)
        except Exception:  # a log line must never fail on its annotation
            _log.debug("errcat could not annotate a log event", exc_info=True)
        return event_dict

    def _explanation(self, response: Any, error: BaseException | None) -> Explanation | None:
        from . import explain_response

        if response is not None:
            x = explain_response(response, catalog=self.catalog)
            return x if worth_telling(x) else None
        return explanation_of(error, self.catalog) if error is not None else None

    def _value_explained(self, event_dict: MutableMapping[str, Any]) -> Explanation | None:
        """The explanation of an exception passed as a value (``log.error("sync failed", error=e)``), as of exc_info's."""
        if event_dict.get("response") is not None or event_dict.get("exc_info"):
            return None
        return next((x for e in _errors(event_dict) if (x := explanation_of(e, self.catalog)) is not None), None)


MAX_VALUES = 50  # an event's values looked at for an exception about a vendor's response


def _values(event_dict: MutableMapping[str, Any]) -> list[Any]:
    """An event's values; for one structlog's stdlib bridge made of a plain logging record (``ProcessorFormatter``'s
    ``foreign_pre_chain``) with ``pass_foreign_args=True``, the record's arguments (``positional_args``) one by one."""
    values = [v for k, v in list(event_dict.items())[:MAX_VALUES] if k != "exc_info"]
    args = event_dict.get("positional_args") if _foreign(event_dict) else None
    if isinstance(args, tuple):
        values += args[:MAX_VALUES]
    elif isinstance(args, Mapping):
        values += list(args.values())[:MAX_VALUES]
    return values


def _foreign(event_dict: MutableMapping[str, Any]) -> bool:
    """An event structlog's ``ProcessorFormatter`` made of a plain logging record: its ``event`` is the record's
    message formatted with its arguments (``log.error("sync failed: %s", error)``: raise_for_status()'s error quotes
    the URL, its api_key in the query), and the arguments are gone unless the formatter passes them on."""
    return event_dict.get("_from_structlog") is False and isinstance(event_dict.get("_record"), logging.LogRecord)


def _errors(event_dict: MutableMapping[str, Any]) -> list[BaseException]:
    return [v for v in _values(event_dict) if isinstance(v, BaseException)]


def _about_a_call(event_dict: MutableMapping[str, Any], error: BaseException | None) -> bool:
    """Whether an event is about an HTTP call, a vendor's or another service's, as ``ExplainFilter`` screens a
    record: it carries ``response=``, or an exception (``exc_info`` or a value) that holds a response or is one
    (raise_for_status()'s HTTPError, urllib's HTTPError, aiohttp's ClientResponseError), or is raised from one."""
    if event_dict.get("response") is not None:
        return True
    if any(holds_response(e) for e in [error, *_errors(event_dict)] if e is not None):
        return True
    event = event_dict.get("event")  # a plain record's message quoting a URL, as Sentry's logging integration reads one
    return _foreign(event_dict) and isinstance(event, str) and "://" in event


def _scrub(event_dict: MutableMapping[str, Any]) -> None:
    """An event with credentials hidden in what it carries for the renderer: strings by name
    and shape (``url=r.url``, a ``headers`` dict) and exceptions by a copy of them (their message quotes the URL),
    as the Sentry integration hides a scope's tags and contexts. exc_info and the response are read, not shown."""
    for key in list(event_dict):  # every one: the 51st reached the renderer as it was
        if key not in ("exc_info", "response", "_record"):  # the bridge's record: read, then dropped by its formatter
            event_dict[key] = _scrubbed(event_dict[key], str(key), 0)


def _scrubbed(value: Any, key: str, depth: int) -> Any:
    from . import hidden_copy

    return hidden_copy(value, key, depth)


def exception_text(error: BaseException) -> str:
    """The traceback of ``error`` as ``format_exc_info`` writes it (no frame locals), credentials hidden."""
    import traceback

    from . import screened

    return screened("".join(traceback.format_exception(error)).rstrip("\n"))


explain_processor = ExplainProcessor()

"""structlog: a processor that turns a vendor's error response in a log event into errcat's facts.

>>> structlog.configure(processors=[errcat.integrations.structlog.explain_processor, ..., JSONRenderer()])
>>> log.warning("invoice sync failed", response=r)      # or log.exception(...) inside except VendorError

For an event carrying ``response=`` (a requests/httpx response, or anything ``explain_response``
takes) or an ``exc_info`` whose exception is an ``errcat.VendorError`` (or holds a response), it adds
an ``errcat`` key (fingerprint, vendor, entry, match, summary, retry, doc link, request id) and drops
the raw response object it explained. A response errcat has nothing to say about (another service's)
stays as it was, for the processors after it. Nothing here imports structlog: a
processor is a plain function of (logger, method name, event dict).
"""

from __future__ import annotations

import logging
from collections.abc import MutableMapping
from typing import TYPE_CHECKING, Any

from .telemetry import exception_from, explanation_of, facts, worth_telling

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
        self.catalog = catalog
        self.key = key

    def __call__(self, logger: Any, method_name: str, event_dict: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
        try:
            x = self._explanation(event_dict.get("response"), event_dict.get("exc_info"))
            if x is not None:
                found = facts(x)
                event_dict[self.key] = {k: found[k] for k in KEYS if k in found}
                event_dict.pop("response", None)  # explained: the raw object has nothing a renderer should print
        except Exception:  # a log line must never fail on its annotation
            _log.debug("errcat could not annotate a log event", exc_info=True)
        return event_dict

    def _explanation(self, response: Any, exc_info: Any) -> Explanation | None:
        from . import explain_response

        if response is not None:
            x = explain_response(response, catalog=self.catalog)
            return x if worth_telling(x) else None
        return explanation_of(exception_from(exc_info), self.catalog) if exc_info else None


explain_processor = ExplainProcessor()

"""What the telemetry adapters (Sentry, OpenTelemetry, structlog) attach to an event, a span or a log
line, built once here so the three agree: the fingerprint, the catalog's names for the error, and
our explanation's words, every string passed through errcat's redaction again on the way out."""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..api import ErrorCatalog
    from ..explainer import Explanation
    from ..index.store import CatalogIndex

from . import MAX_CHAIN, carried_explanation, holds_response, worth_telling

__all__ = ["exception_from", "explanation_of", "facts", "from_message", "holds_response", "safe", "worth_telling"]


SAFE_READ = 8 * 1024  # of a value redacted for telemetry: an explanation's words are shorter; a few ms at most
SAFE_LENGTH = 1000


def safe(value: object) -> str:
    """Text errcat adds to telemetry: redacted (secrets by name, shape and randomness), one line, capped. Redacted
    before it is made one line: a credential a line's end places (a query's one column under its name and rule, a
    value on the line after its name) is known only on its lines (secrets29: one line, a psql result showed it)."""
    from ..explainer.redact import redact
    from ..text import visible

    text = str(value)
    if len(text) > SAFE_READ:  # cut at a space or a line's end: no value is cut in two and judged by its piece
        cut = max(text.rfind(" ", 0, SAFE_READ), text.rfind("\n", 0, SAFE_READ), text.rfind("\t", 0, SAFE_READ))
        text = text[: cut if cut > 0 else SAFE_READ]
    return visible(" ".join(redact(text)[0].split())[:SAFE_LENGTH])


def facts(x: Explanation) -> dict[str, str]:
    """The flat facts of an explanation (no None values): fingerprint, vendor, entry, match, retry,
    summary, fix, doc link, request id. Entry and match describe the first error."""
    from . import retry_advice

    out: dict[str, Any] = {"fingerprint": x.fingerprint, "vendor": x.vendor}
    folded = x.folded()
    lead = folded[0][0] if folded else None
    best = lead.best if lead is not None else None
    guide = x.guide_of(best.entry) if best is not None and x.reference is not None else None
    out["entry"] = best.entry.id if best is not None else None
    out["match"] = str(lead.kind) if lead is not None else "none"
    out["retry"] = x.retry_of(guide) if guide is not None else retry_advice(x).wait
    out["summary"] = guide.summary if guide is not None else str(x)
    out["fix"] = guide.fix if guide is not None else None
    out["explanation"] = str(x)
    out["doc_url"] = x.doc_url
    out["request_id"] = x.request_id
    out["status"] = x.exchange.status
    found = {k: safe(v) for k, v in out.items() if v is not None}
    if x.doc_url is not None:
        found["doc_url"] = _doc_link(x.doc_url)
    return found


_ANCHOR = re.compile(r"[a-z0-9][a-z0-9.-]*")  # a section of the reference pages: a guide id, as docs.parts.anchor makes it


def _doc_link(url: str) -> str:
    """The link to an error's section: the pages' folder (``ERRCAT_DOCS_URL``, set by the user: it may hold a token)
    redacted, the section's anchor, the catalog's guide id, kept whole: redaction read three InvoiceXpress anchors
    (``#retention-must-be-a-number-between-0-and-99-99``) as a token, and the link led nowhere."""
    page, _, anchor = url.partition("#")
    return f"{safe(page)}#{anchor}" if _ANCHOR.fullmatch(anchor) else safe(url)


def explanation_of(
    error: BaseException | None, catalog: ErrorCatalog | CatalogIndex | None = None, *, messages: bool = False
) -> Explanation | None:
    """The explanation an exception carries or implies (``carried_explanation``: a VendorError's own, else
    that of a response the exception, or one it was raised from, holds); with ``messages``, else that of a
    message quoting a vendor's error (``from_message``); None when there is none."""
    x = carried_explanation(error, catalog)
    return x if x is not None or not messages else from_message(error, catalog)


MAX_MESSAGE = 8 * 1024  # of an exception's message read: a quoted error body is shorter; 12 ms at most per event


def from_message(error: BaseException | None, catalog: ErrorCatalog | CatalogIndex | None = None) -> Explanation | None:
    """The explanation of the first message in an exception's chain that quotes a vendor's error, as a
    vendor SDK or an integration raises it (``ApiError(f"{status}: {body}")``): only when the message
    itself shows the vendor (its host, envelope, code or message) and an error of its catalog. Any
    other exception's message (a KeyError, a timeout, another service's error) is left alone."""
    from ..explainer import explain
    from . import _catalog

    seen = 0
    while error is not None and seen < MAX_CHAIN:
        text = _message(error)
        if text.strip():
            x = explain(_catalog(catalog), text)
            if x.vendor is not None and any(m.best is not None for m in x.errors):
                return x
        error = error.__cause__ or error.__context__
        seen += 1
    return None


def _message(error: BaseException) -> str:
    try:
        return str(error)[:MAX_MESSAGE]
    except Exception:  # a __str__ that fails: no message to read
        return ""


def exception_from(exc_info: Any) -> BaseException | None:
    """The exception of an ``exc_info`` as logging libraries pass it: an exception, a
    (type, value, traceback) tuple, or True for the one being handled."""
    if isinstance(exc_info, BaseException):
        return exc_info
    if exc_info is True:
        return sys.exc_info()[1]
    if isinstance(exc_info, tuple) and len(exc_info) == 3 and isinstance(exc_info[1], BaseException):
        return exc_info[1]
    return None

"""What names an explained error outside errcat: a fingerprint for grouping (error trackers, span
attributes, log keys), a link to its section of the reference pages, and the vendor's request id.

A fingerprint is low-cardinality by design. An error the catalog names is identified by its
guide (the catalog's one explanation of a distinct error, the section its reference page gives
it), whatever endpoint, slot values, ids or dates the response holds. An error the catalog lacks
(or knows only by its status) is identified by vendor, status and its text with everything that
varies between occurrences masked, as Sentry's grouping parameterises a message first.
"""

from __future__ import annotations

import hashlib
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..text import EMAIL
from .match import CLAIMED, MatchKind

if TYPE_CHECKING:
    from . import Explanation
    from .exchange import Exchange
    from .match import ErrorMatch

DOCS_URL_ENV = "ERRCAT_DOCS_URL"  # base URL of the reference pages (folder holding myob.md, sage.md, ...)
_DOCS_URL: str | None = None  # set_docs_url(): takes precedence over the environment

# What varies between occurrences of one error, masked in order (each pattern before the broader ones).
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_VARIABLE = re.compile(
    "|".join(
        (
            r"\[REDACTED\]",  # a value the gate hid is a value like any other
            r"\bhttps?://\S+",
            EMAIL,
            r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b",
            # ISO dates and times, with or without a zone
            r"\b\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?",
            r"\b\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\b",
            # dates written with a month's name: "29 Sep 2014", "Sep 29, 2014", "Mon, 29 Sep 2014"
            rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:\s+\d{{2,4}})?\b",
            rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{2,4}})?\b",
            # identifiers: a token holding a digit, 6 characters or longer (INV-000123, req_8f3kd92l, 5f2a...), or a
            # shorter one mixing letters and digits (#A1B2, X7Q, 3B): masked whole, not digit by digit
            r"\b(?=[\w-]*\d)[A-Za-z0-9][\w-]{5,}\b",
            r"\b(?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{2,5}\b",
            r"[-+]?\d+(?:[.,]\d+)*",
        )
    ),
    re.IGNORECASE,
)
_QUOTED = re.compile(r"'[^'\n]{1,80}'|\"[^\"\n]{1,80}\"")  # a name in quotes: 'Acme Pty Ltd'
_WORD = re.compile(r"[^\W\d_]{2,}")
_RUN = re.compile(r"<v>(?:[.,:/_+-]?<v>)+")  # "1,234.50" or "8f3k-92" masked in pieces: one mask
_WEEKDAY = re.compile(r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+(?=<v>)", re.IGNORECASE)

# Where responses carry the id a vendor's support asks for. Sage sends X-Request-Id (a real Sage
# response in ../shared/pastes); the others are the common spellings of the same idea.
_REQUEST_ID_HEADERS = ("x-request-id", "request-id", "x-correlation-id", "correlation-id", "x-amzn-requestid", "x-amz-request-id")
_REQUEST_ID_BODY = re.compile(
    r"[\"']?\$?(?:request[_-]?id|x[_-]request[_-]id|correlation[_-]?id|trace[_-]?id)[\"']?\s*[:=]\s*[\"']([^\"'\s]{4,128})[\"']",
    re.IGNORECASE,
)
_CODE = re.compile(r"[A-Za-z0-9_.$:-]{1,40}")
_ID_SHAPE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:/+=-]{3,127}")


def masked(text: str) -> str:
    """``text`` with ids, numbers, dates, quoted values, URLs and e-mail addresses masked (``<v>``),
    whitespace squeezed, lower-cased: one template for every occurrence of one error. A quoted part
    stays when it is all the text says (``422 "Item price must be positive"``): it is the error."""
    text = _VARIABLE.sub("<v>", text[:2000])
    unquoted = _QUOTED.sub("<v>", text)
    if len(_WORD.findall(unquoted.replace("<v>", " "))) >= 2:  # words say what failed: the quoted part is a value
        text = unquoted
    text = _WEEKDAY.sub("", _RUN.sub("<v>", text))
    return " ".join(text.lower().split())[:300]


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:12]


def error_identity(x: Explanation, m: ErrorMatch) -> str:
    """What makes one error of an explanation the error it is (the input of its fingerprint)."""
    best = m.best
    if best is not None and m.kind != MatchKind.STATUS:
        return f"guide\x1f{best.entry.vendor}\x1f{best.entry.guide_id}"
    sent, own = m.sent, x.part_of(m)  # its own exchange's vendor and request (a recording holds several)
    vendor = best.entry.vendor if best is not None else (own.vendor or "unknown")
    status = sent.status or own.exchange.status
    words = [_kept(str(p)) for p in (sent.code, sent.name) if p] + ([masked(sent.message)] if sent.message else [])
    if not words and best is None and own.exchange.path:  # nothing but a status the catalog does not name (aiohttp's
        # ClientResponseError holds no body): the call names it, ids masked, rather than one group for a vendor's 400s
        words = [(own.exchange.method or "").upper(), masked(own.exchange.path)]
    return "\x1f".join(["text", vendor, str(status or ""), *words])


def _kept(token: str) -> str:
    """A code or name as sent: it names the kind of error, not the occurrence (``31001``,
    ``RecordNotFound``); masked only when it looks like an instance's id."""
    return token.lower() if _CODE.fullmatch(token) and not re.search(r"\d{7}", token) else masked(token)


def error_fingerprint(x: Explanation, m: ErrorMatch) -> str:
    """The fingerprint of one error of an explanation: ``vendor:12 hex digits``."""
    best = m.best
    vendor = best.entry.vendor if best is not None else (x.part_of(m).vendor or "unknown")
    return f"{vendor}:{_digest(error_identity(x, m))}"


def fingerprint(x: Explanation) -> str:
    """The explanation's fingerprint: its distinct errors, in any order (a body that lists the same
    errors in another order, or repeats one, is the same failure). A response with no error read
    from it is named by vendor and status, and, when the catalog names nothing, by the call's method and path
    (ids masked) when the paste has them."""
    identities = sorted({error_identity(x, m) for m, _ in x.folded()})
    if not identities:
        identities = [f"status\x1f{x.vendor or 'unknown'}\x1f{x.exchange.status or ''}"]
    vendors = {m.best.entry.vendor for m, _ in x.folded() if m.best is not None} | ({x.vendor} if x.vendor else set())
    vendor = vendors.pop() if len(vendors) == 1 else (x.vendor or "unknown")
    return f"{vendor}:{_digest(*identities)}"


def set_docs_url(base: str | None) -> None:
    """Where the reference pages live (a folder URL holding ``myob.md``, ``sage.md``, ...), for every
    doc link errcat builds in this process; None returns to ERRCAT_DOCS_URL or the default."""
    global _DOCS_URL
    _DOCS_URL = base


@lru_cache(maxsize=1)
def _default_docs_url() -> str | None:
    """The reference pages next to the code: shipped in the wheel, or docs/reference of a checkout."""
    here = Path(__file__).resolve()
    for folder in (here.parents[1] / "_reference", here.parents[3] / "docs" / "reference"):
        if (folder / "index.md").is_file():
            return folder.as_uri()
    return None


def docs_url() -> str | None:
    """The base URL doc links are built from: set_docs_url(), else ERRCAT_DOCS_URL, else the pages
    installed with errcat (a file: URL), else None."""
    return _DOCS_URL or os.environ.get(DOCS_URL_ENV) or _default_docs_url()


def error_doc_url(m: ErrorMatch) -> str | None:
    """The link to the section of the reference pages that explains a matched error."""
    best = m.best
    base = docs_url()
    if best is None or m.kind not in CLAIMED or not base:
        return None
    e = best.entry
    return f"{base.rstrip('/')}/{e.vendor}.md#{e.guide_id.removeprefix(e.vendor + '.')}"


def doc_url(x: Explanation) -> str | None:
    """The link for the explanation's first error that the reference pages explain."""
    return next((u for m, _ in x.folded() if (u := error_doc_url(m))), None)


def request_id(ex: Exchange) -> str | None:
    """The vendor's id for this request (for a support ticket), from a header or the body."""
    for name, value in ex.headers:
        if name.lower() in _REQUEST_ID_HEADERS and _ID_SHAPE.fullmatch(value.strip()):
            return value.strip()
    found = _REQUEST_ID_BODY.search(ex.body[:20000])
    if found and _ID_SHAPE.fullmatch(found.group(1)):
        return found.group(1)
    return None

"""Explain a pasted error response: redact -> split -> read envelopes -> weigh vendor -> match.

``explain(catalog, text)`` is the whole pipeline; each stage is its own module and a pure
function of its input. Secrets are removed before any other stage sees the text.
"""

from __future__ import annotations

import re
from collections.abc import MutableMapping
from http import HTTPStatus
from itertools import islice
from typing import NamedTuple

from ..catalog.core import Catalog
from ..errors import UsageError
from ..index.store import CatalogIndex, as_index
from ..model import Entry
from ..query import normalize_path
from .envelopes import MAX_TEXT, STATUS_ONLY, TEXT, Observed, read_body, with_status
from .evidence import Clue, VendorFacts, decide, endpoint_for, facts_for, gather, scores
from .match import CLAIMED, Context, ErrorMatch, match_error, spot_names
from .redact import redact
from .split import Exchange, decode, html_title, is_status_noise, split

__all__ = ["Explanation", "explain", "explain_bytes"]


class Explanation(NamedTuple):
    """Everything explain found, ready to render."""

    vendor: str | None
    vendor_source: str  # override | evidence | message | none
    clues: tuple[Clue, ...]
    exchange: Exchange
    endpoint: str | None  # the documented endpoint the request maps to
    errors: tuple[ErrorMatch, ...]
    total_errors: int
    notes: tuple[str, ...]
    redactions: int

    @property
    def all_matched(self) -> bool:
        return bool(self.errors) and all(m.kind in CLAIMED for m in self.errors)

    def status_meaning(self, catalog: Catalog | CatalogIndex) -> tuple[str, str | None] | None:
        """The vendor's documented meaning of the status (text, description), else HTTP's phrase."""
        status = self.exchange.status
        if status is None:
            return None
        vendor = catalog.vendors.get(self.vendor or "")
        for s in vendor.statuses if vendor else ():
            if s.status == status:
                return s.text, s.description
        try:
            return HTTPStatus(status).phrase, None
        except ValueError:
            return None

    def scenarios(self, catalog: Catalog | CatalogIndex, m: ErrorMatch) -> list[Entry]:
        """Rows documenting the best match's error, the request's own endpoint first."""
        best = m.best
        if best is None:
            return []
        same = [
            e
            for e in catalog.by_guide.get(best.entry.guide_id, [best.entry])
            if (e.message, e.code, e.name, e.status) == (best.entry.message, best.entry.code, best.entry.name, best.entry.status)
        ]
        here = normalize_path(self.endpoint) if self.endpoint else None

        def order(e: Entry) -> int:
            if e.id == best.entry.id:
                return 0
            if here and e.endpoint and normalize_path(e.endpoint) == here:
                return 1
            return 2 if e.endpoint is None else 3

        return sorted(same, key=order)


_CODE_MENTION = re.compile(r"\b(?:error[ _]?code|code|datacode)[\"']?\s*[:=]\s*[\"']?([A-Za-z0-9_]{2,64})\b", re.IGNORECASE)
_SPLITTERS = re.compile(r"(?::\s+|\s+-+>?\s+|\s+[\u2013\u2014\u2192]\s*|\]\s*|\|\s*|=>\s*|\s+>\s+)")
_BARE_TOKEN = re.compile(r"^[A-Za-z0-9_.-]{2,64}$")


def _text_errors(catalog: CatalogIndex, ex: Exchange) -> list[Observed]:
    """Errors from a body with no recognised envelope: a bare code or name, a message, a log line."""
    title = html_title(ex.body)
    body = title if title is not None else ex.body
    bare_lines = (ln.strip().lstrip("•·*").strip() for ln in body.split("\n"))  # without list bullets
    lines = [ln for ln in bare_lines if ln]
    if ex.url:
        lines = [ln for ln in lines if ln != ex.url]
    lines = [ln for ln in lines if not is_status_noise(ln) and not _is_status_text(ln, ex.status)]
    if not lines:
        return [Observed(STATUS_ONLY)] if ex.status is not None else []
    if len(lines) == 1 and _BARE_TOKEN.match(lines[0]):
        token = lines[0]
        if token.isdigit():
            return [Observed(TEXT, code=token)]
        return [Observed(TEXT, name=token, code=token if "_" in token else None)]
    whole = " ".join(lines)[:MAX_TEXT]
    readings: list[str] = []
    for line in lines[:20]:
        line = line[: MAX_TEXT * 4]
        cuts = [m.end() for m in islice(_SPLITTERS.finditer(line), 20)]
        for part in [line, *(line[cut:] for cut in cuts)]:
            part = part.strip()
            if part and part != whole and part not in readings and len(part) <= MAX_TEXT:
                readings.append(part)
    names = spot_names(catalog, whole)
    code = next((m.group(1) for m in _CODE_MENTION.finditer(whole)), None) or _bracketed_code(catalog, whole)
    name = names[0] if len(names) == 1 else None
    if code and name and code.lower() == name.lower():
        code = None
    return [Observed(TEXT, code=code, name=name, message=whole, readings=tuple(readings[:40]))]


def _bracketed_code(catalog: CatalogIndex, text: str) -> str | None:
    """A code in brackets right after a vendor's name, as integration logs print it: ``MYOB Live[50]``."""
    for pattern in facts_for(catalog).mentions.values():
        for m in pattern.finditer(text[:MAX_TEXT]):
            if code := re.match(r"[ \w]{0,12}?\s?\[(\d{1,6})\]", text[m.end() : m.end() + 24]):
                return code.group(1)
    return None


def _is_status_text(line: str, status: int | None) -> bool:
    if status is None:
        return False
    try:
        phrase = HTTPStatus(status).phrase.lower()
    except ValueError:
        return False
    return line.lower().strip(" .") in (str(status), phrase, f"{status} {phrase}") or bool(
        re.fullmatch(rf"HTTP/\d(?:\.\d)?\s+{status}.*", line, re.IGNORECASE)
    )


def explain_bytes(
    catalog: Catalog | CatalogIndex, data: bytes, vendor: str | None = None, size: int | None = None
) -> Explanation:
    """Explain raw bytes of a paste (decoded leniently; binary or empty input is refused).

    ``size`` is the whole input's size when ``data`` is only its first part."""
    text, notes = decode(data, size)
    return explain(catalog, text, vendor=vendor, notes=notes)


Memo = MutableMapping[tuple[Observed, Context], ErrorMatch]


def explain(
    catalog: Catalog | CatalogIndex,
    text: str,
    vendor: str | None = None,
    notes: list[str] | tuple[str, ...] = (),
    memo: Memo | None = None,
) -> Explanation:
    """Explain a pasted error response, message or code against the catalog (or its compiled index).

    ``memo`` carries matches from one call to the next (``errcat scan`` explains thousands of
    records, most of them the same few errors); an error is matched once per context."""
    catalog = as_index(catalog)
    if vendor is not None and vendor.lower() not in catalog.vendors:
        raise UsageError(f"unknown vendor {vendor!r} (known: {', '.join(sorted(catalog.vendors))})")
    if not text.strip():
        raise UsageError("nothing to explain: the input is empty (paste an error response, a message or a code)")
    text, redactions = redact(text)
    ex = split(text)
    reading = read_body(ex.body)
    if ex.status is None and reading.status is not None:
        ex.status = reading.status
    if ex.url is None and reading.url:
        ex.set_url(reading.url)
    ex.method = ex.method or reading.method
    observed = reading.errors or _text_errors(catalog, ex)
    observed = with_status(observed, ex.status)
    all_notes = [*notes, *reading.notes]
    if reading.total > len(reading.errors):
        all_notes.append(f"the body holds {reading.total:,} errors; the first {len(reading.errors):,} are explained")

    clues = gather(catalog, ex, observed)
    excluded = frozenset(v for v, s in scores(clues).items() if s < 0)
    chosen: str | None
    if vendor is not None:
        chosen, source = vendor.lower(), "override"
        clues.insert(0, Clue("override", "--vendor", chosen, 1.0))
    else:
        chosen = decide(clues)
        source = "evidence" if chosen else "none"

    ctx = _context(facts_for(catalog), ex, chosen, source, excluded)
    matches = _match_all(catalog, observed, ctx, memo)
    if chosen is None:
        claimed = {m.claims_vendor for m in matches if m.claims_vendor}
        if len(claimed) == 1:  # the words of the errors themselves name one vendor: match again as that vendor
            chosen, source = claimed.pop(), "message"
            first = next(m for m in matches if m.claims_vendor == chosen)
            words = first.message or first.observed.name or first.observed.code or ""
            clues.append(Clue("message", words[:120], chosen, 0.7))
            ctx = _context(facts_for(catalog), ex, chosen, source, excluded)
            matches = _match_all(catalog, observed, ctx, memo)
    return Explanation(
        vendor=chosen,
        vendor_source=source,
        clues=tuple(clues),
        exchange=ex,
        endpoint=ctx.endpoint,
        errors=tuple(matches),
        total_errors=reading.total or len(observed),
        notes=tuple(all_notes),
        redactions=redactions,
    )


def _context(facts: VendorFacts, ex: Exchange, vendor: str | None, source: str, excluded: frozenset[str]) -> Context:
    mapped = endpoint_for(facts, ex.path, vendor)
    endpoint = mapped[1] if mapped and (vendor is None or mapped[0] == vendor) else None
    return Context(vendor, source, endpoint, ex.method, excluded)


def _match_all(catalog: CatalogIndex, observed: list[Observed], ctx: Context, memo: Memo | None) -> list[ErrorMatch]:
    """Match every error; identical errors (a body of 10,000 copies) are matched once."""
    if memo is None:
        memo = {}
    out = []
    for obs in observed:
        m = memo.get((obs, ctx))
        if m is None:
            m = memo[(obs, ctx)] = match_error(catalog, obs, ctx)
        out.append(m if m.observed is obs else m._replace(observed=obs))
    return out

"""Whether a record can concern a catalogued vendor at all, decided before any matching.

The needles are the catalog's own: each vendor's names, API domains and documented paths (not a
lone ``/contacts``), the distinctive documented error names and codes (``CustomerNotFound``, not
``Required``), each documented sentence explain names a vendor by, and the longest literal part of
each documented message, or, where no part is that long, a template's parts in their order. A
record that holds none of them and no body an error envelope could be in is another program's:
counted, never explained. They are plain strings and patterns, built once from the index and sent
to the processes that find records (triage.py), which import nothing of the catalog.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from ..templates import parse

if TYPE_CHECKING:
    from ..index.store import CatalogIndex

MIN_LITERAL = 14  # shorter message parts ("Not Found", "is required") are what any program says
_DISTINCTIVE = re.compile(r"^(?:[A-Z][a-z0-9]+){2,}[A-Za-z0-9]*$|^[A-Z][A-Z0-9]*_[A-Z0-9_]+$")


class VendorNeedles:
    """The catalog's vendor needles, compiled once per index."""

    def __init__(self, index: CatalogIndex):
        from ..explainer.evidence import TOKEN_NAMES, facts_for

        facts = facts_for(index)
        # each vendor's names as (pattern, what a match must hold, its twin for lower-cased ASCII):
        # explainer.evidence.NamePattern as a plain tuple, so that a worker imports no explainer
        self.mentions = tuple((m.pattern, m.needles, m.lowered) for m in facts.mentions.values())
        domains = {".".join(p.split(".")[-2:]).lower() for ps in facts.hosts.values() for p in ps}
        words: set[str] = set(TOKEN_NAMES)  # names explain takes for MYOB's alone, though no entry has them
        literals: set[str] = set()
        templates: set[str] = set()
        for e in index.entries:
            words.update(str(v) for v in (e.code, e.name) if v is not None and _DISTINCTIVE.match(str(v)))
            literal = _longest_literal(e.template or e.message or "")
            if len(literal) >= MIN_LITERAL:
                literals.add(literal)
            elif e.template and (pattern := _template_pattern(e.template)):
                templates.add(pattern)
        paths = {r.path.split("{", 1)[0].lower() for r in facts.endpoints}  # a documented path up to its first slot
        paths = {p for p in paths if p.strip("/").count("/") >= 1 or len(p) >= 12}  # not "/contacts": anyone's
        self.words = frozenset(words)
        # InvoiceXpress's "Country {country} was not found": no part of 14 characters, all of them 20
        self.templates = "|".join(sorted(templates))
        # and each sentence of a vendor's documents explain names it by (evidence "documented"): InvoiceXpress's
        # 401 "The API Key parameter is missing or is incorrectly entered" is no message of an entry, its description is
        scenarios = set(facts.scenarios)
        self.lowered_needles = tuple(sorted(d for d in domains if "*" not in d)) + tuple(sorted(literals | paths | scenarios))

    def __getstate__(self) -> dict[str, object]:
        return {k: v for k, v in self.__dict__.items() if not k.startswith("_")}  # compiled again where it is sent

    @cached_property
    def _holds(self) -> Callable[[str], bool]:
        from .needles import literal_test

        return literal_test(self.lowered_needles)

    @cached_property
    def _templates(self) -> re.Pattern[str]:
        return re.compile(self.templates)

    def concern(self, text: str) -> bool:
        """Whether ``text`` holds one of the needles."""
        lowered = text.lower()
        if self._holds(lowered):
            return True
        if self.words and not self.words.isdisjoint(_WORD.findall(text)):
            return True
        if self.templates and self._templates.search(lowered):
            return True
        ascii_lowered = lowered if text.isascii() else None
        return any(_mentions(m, text, ascii_lowered) for m in self.mentions)

    def named(self, text: str) -> frozenset[int]:
        """Which vendors' names ``text`` holds (their places in ``mentions``)."""
        ascii_lowered = text.lower() if text.isascii() else None
        return frozenset(k for k, m in enumerate(self.mentions) if _mentions(m, text, ascii_lowered))


_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_]{5,}")
Mention = tuple[re.Pattern[str], tuple[tuple[str, ...], ...] | None, re.Pattern[str] | None]


def _mentions(mention: Mention, text: str, ascii_lowered: str | None) -> bool:
    """Whether a text names a vendor, as explainer.evidence.NamePattern.search finds it."""
    pattern, needles, twin = mention
    if ascii_lowered is None:
        return pattern.search(text) is not None
    if needles is not None and not any(all(n in ascii_lowered for n in alt) for alt in needles):
        return False
    return (twin.search(ascii_lowered) if twin is not None else pattern.search(text)) is not None


def _template_pattern(template: str) -> str | None:
    """A pattern for a template's literal parts in their order, each slot a short run of text
    between them; None when its parts are fewer than two or together shorter than MIN_LITERAL, or
    more than three (each slot between them multiplies what a search may try on a long record)."""
    parts = [p.split() for p in parse(template) if isinstance(p, str) and p.strip()]
    if not 2 <= len(parts) <= 3 or sum(len(" ".join(words)) for words in parts) < MIN_LITERAL:
        return None
    return r"\s*.{1,60}?\s*".join(r"\s+".join(re.escape(w.lower()) for w in words) for words in parts)


def _longest_literal(template: str) -> str:
    parts = [p for p in parse(template) if isinstance(p, str)]
    return max((" ".join(p.split()).strip(" .,:;'\"").lower() for p in parts), key=len, default="")


@lru_cache(maxsize=4)
def needles_for(index: CatalogIndex) -> VendorNeedles:
    return VendorNeedles(index)

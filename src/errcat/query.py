"""Look errors up (by code, name, id or HTTP status), search them, list them: the query API.

Results are grouped by distinct error (vendor + guide), each group listing every row where the
error is documented, the way Microsoft's Error Lookup lists every match with its source rather
than guessing one.
"""

from __future__ import annotations

import difflib
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from .catalog.core import Catalog
from .errors import UsageError
from .model import Entry, Guide

SEVERITIES = ("error", "warning")


def squash(text: str) -> str:
    """Case- and separator-insensitive form: ``Date_Prior-To`` -> ``datepriorto``."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


def normalize_path(path: str) -> str:
    """A documented or observed path in comparable form: lower case, no slashes at the ends."""
    return "/".join(p for p in path.strip().lower().split("/") if p)


@dataclass(frozen=True)
class Filters:
    """Restrictions every query command accepts."""

    vendor: str | None = None
    endpoint: str | None = None
    method: str | None = None
    status: int | None = None
    severity: str | None = None

    def __post_init__(self) -> None:
        if self.severity is not None and self.severity.lower() not in SEVERITIES:
            raise UsageError(f"--severity must be one of {', '.join(SEVERITIES)}, not {self.severity!r}")

    def accepts(self, entry: Entry) -> bool:
        """Whether an entry passes every filter (errors of every endpoint pass --endpoint)."""
        if self.vendor and entry.vendor != self.vendor.lower():
            return False
        if self.status is not None and entry.status != self.status:
            return False
        if self.severity and entry.severity != self.severity.lower():
            return False
        if self.method and entry.methods and self.method.upper() not in entry.methods:
            return False
        if self.endpoint and entry.endpoint is not None:
            want = normalize_path(self.endpoint)
            have = normalize_path(entry.endpoint)
            if want != have and not want.endswith("/" + have):
                return False
        return True

    def check_vendor(self, catalog: Catalog) -> None:
        if self.vendor and self.vendor.lower() not in catalog.vendors:
            known = ", ".join(sorted(catalog.vendors))
            raise UsageError(f"unknown vendor {self.vendor!r} (known: {known})")


@dataclass(frozen=True)
class ErrorGroup:
    """One distinct error and every row where it is documented (filtered)."""

    vendor: str
    guide: Guide | None
    entries: tuple[Entry, ...]

    @property
    def codes(self) -> list[str]:
        return sorted({str(e.code) for e in self.entries if e.code is not None})

    @property
    def names(self) -> list[str]:
        return sorted({e.name for e in self.entries if e.name})

    @property
    def title(self) -> str:
        """Short label: vendor, code(s) and name(s), or the status for status rows."""
        parts = [self.vendor]
        parts += self.codes
        parts += [n for n in self.names if n not in self.codes]
        if len(parts) == 1:
            statuses = sorted({e.status for e in self.entries})
            parts.append("HTTP " + "/".join(map(str, statuses)))
            texts = sorted({e.message for e in self.entries if e.message}) or sorted({e.scenario for e in self.entries})
            if texts:
                parts.append(texts[0] if len(texts[0]) <= 60 else texts[0][:57] + "...")
        return " ".join(parts)


@dataclass(frozen=True)
class LookupSection:
    """The groups found by one reading of the query (as a code, a name, an id, a status)."""

    label: str  # "code", "name", "id", "status", "message"
    groups: tuple[ErrorGroup, ...]


@dataclass(frozen=True)
class LookupResult:
    query: str
    sections: tuple[LookupSection, ...]
    suggestions: tuple[str, ...] = ()

    @property
    def found(self) -> bool:
        return any(s.groups for s in self.sections)


@dataclass(frozen=True)
class SearchHit:
    group: ErrorGroup
    score: float


def group_entries(catalog: Catalog, entries: list[Entry]) -> list[ErrorGroup]:
    """Group rows by distinct error, keeping catalog order."""
    groups: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for e in entries:
        groups[e.error_key].append(e)
    return [ErrorGroup(vendor, catalog.guides.get(gid), tuple(rows)) for (vendor, gid), rows in groups.items()]


def lookup(catalog: Catalog, query: str, filters: Filters | None = None) -> LookupResult:
    """Find errors by vendor code, error name, entry/guide id or HTTP status.

    Forgiving: case and separators do not matter (``date-prior-to-beginning-of-financial-year``
    finds ``DatePriorToBeginningOfFinancialYear``). A number that is both an HTTP status and a
    vendor code gives both sections.
    """
    filters = filters or Filters()
    filters.check_vendor(catalog)
    q = query.strip()
    if not q:
        raise UsageError("empty query: give a code, a name, an id or an HTTP status")
    key = squash(q)
    rows = [e for e in catalog.entries if filters.accepts(e)]
    by_code = [e for e in rows if e.code is not None and squash(str(e.code)) == key]
    by_name = [e for e in rows if e.name and squash(e.name) == key and e not in by_code]
    by_id = [e for e in rows if q.lower() in (e.id, e.guide_id)]
    by_status: list[Entry] = []
    if re.fullmatch(r"[1-5]\d\d", q):
        by_status = [e for e in rows if e.status == int(q)]
    sections = [
        LookupSection(label, tuple(group_entries(catalog, found)))
        for label, found in (("code", by_code), ("name", by_name), ("id", by_id), ("status", by_status))
        if found
    ]
    if not sections and len(key) >= 4:
        # A message or part of one typed as the query: exact (case-insensitive) substring.
        by_message = [e for e in rows if e.message and q.lower() in e.message.lower()]
        if by_message:
            sections.append(LookupSection("message", tuple(group_entries(catalog, by_message))))
    suggestions: tuple[str, ...] = ()
    if not sections:
        suggestions = tuple(suggest(catalog, q, filters))
    return LookupResult(q, tuple(sections), suggestions)


def suggest(catalog: Catalog, query: str, filters: Filters, limit: int = 5) -> list[str]:
    """Did-you-mean candidates from codes, names and messages."""
    rows = [e for e in catalog.entries if filters.accepts(e)]
    words: dict[str, str] = {}
    for e in rows:
        if e.code is not None:
            words.setdefault(squash(str(e.code)), str(e.code))
        if e.name:
            words.setdefault(squash(e.name), e.name)
    key = squash(query)
    contained = sorted((w for w in words if key and (key in w or w in key) and len(w) > 2), key=len)
    close = difflib.get_close_matches(key, list(words), n=limit, cutoff=0.6)
    out = list(dict.fromkeys(words[c] for c in [*close, *contained]))[:limit]
    if len(out) < limit:
        for hit in search(catalog, query, filters, limit=limit):
            label = hit.group.title
            if label not in out and not set(out) & {*hit.group.codes, *hit.group.names}:
                out.append(label)
            if len(out) >= limit:
                break
    return out[:limit]


def list_errors(catalog: Catalog, filters: Filters | None = None) -> list[ErrorGroup]:
    """Every error passing the filters, grouped, in catalog order."""
    filters = filters or Filters()
    filters.check_vendor(catalog)
    return group_entries(catalog, [e for e in catalog.entries if filters.accepts(e)])


# ----------------------------------------------------------------------------- full-text search

_WORD = re.compile(r"[A-Za-z0-9]+")
_CAMEL = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")
FIELD_WEIGHTS = {"message": 3.0, "name": 3.0, "code": 3.0, "scenario": 2.0, "explanation": 1.0}


def tokens(text: str) -> list[str]:
    """Search terms of a text: words, their CamelCase parts, crude plural folding."""
    out = []
    for word in _WORD.findall(text):
        forms = {word.lower()}
        parts = _CAMEL.findall(word)
        if len(parts) > 1:
            forms.update(p.lower() for p in parts)
        for form in forms:
            out.append(form[:-1] if len(form) > 3 and form.endswith("s") and not form.endswith("ss") else form)
    return out


def phrase_text(text: str) -> str:
    """Words in order, CamelCase split, lower case, single spaces: for phrase matching."""
    return " " + " ".join(p.lower() for w in _WORD.findall(text) for p in (_CAMEL.findall(w) or [w])) + " "


def _plain_words(text: str) -> set[str]:
    """Query words that are not CamelCase compounds (these must match)."""
    return {t for w in _WORD.findall(text) if len(_CAMEL.findall(w)) <= 1 for t in tokens(w)}


@dataclass
class _Index:
    """An in-memory inverted index: term -> {entry position: weighted frequency}."""

    postings: dict[str, dict[int, float]] = field(default_factory=dict)
    lengths: list[float] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)


@lru_cache(maxsize=8)
def _index(catalog: Catalog) -> _Index:
    index = _Index()
    for pos, e in enumerate(catalog.entries):
        g = catalog.guides.get(e.guide_id)
        fields = {
            "message": e.message or "",
            "name": e.name or "",
            "code": "" if e.code is None else str(e.code),
            "scenario": e.scenario,
            "explanation": " ".join([g.summary, *g.causes, g.fix]) if g else "",
        }
        length = 0.0
        for fname, text in fields.items():
            for term in tokens(text):
                posting = index.postings.setdefault(term, {})
                posting[pos] = posting.get(pos, 0.0) + FIELD_WEIGHTS[fname]
                length += 1
        index.lengths.append(length or 1.0)
        index.texts.append(phrase_text(" ".join(fields.values())))
    return index


def search(catalog: Catalog, text: str, filters: Filters | None = None, limit: int = 10) -> list[SearchHit]:
    """Errors ranked by BM25 over messages, names, codes, scenarios and our explanations.

    Every term must occur (AND); an exact phrase match ranks higher.
    """
    filters = filters or Filters()
    filters.check_vendor(catalog)
    index = _index(catalog)
    # A CamelCase query word is also split into parts; its joined form is optional when absent.
    terms = [t for t in dict.fromkeys(tokens(text)) if t in index.postings or t in _plain_words(text)]
    if not terms:
        raise UsageError("empty search: give one or more words")
    if limit < 1:
        raise UsageError("--limit must be at least 1")
    n = len(catalog.entries)
    avg = sum(index.lengths) / max(n, 1)
    scores: dict[int, float] = {}
    for i, term in enumerate(terms):
        posting = index.postings.get(term, {})
        idf = math.log(1 + (n - len(posting) + 0.5) / (len(posting) + 0.5))
        matched = {}
        for pos, tf in posting.items():
            k1, b = 1.2, 0.75
            matched[pos] = idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * index.lengths[pos] / avg))
        if i == 0:
            scores = matched
        else:
            scores = {pos: s + matched[pos] for pos, s in scores.items() if pos in matched}
    phrase = phrase_text(text)
    for pos in scores:
        if len(terms) > 1 and phrase in index.texts[pos]:
            scores[pos] *= 1.5
    best: dict[tuple[str, str], float] = {}
    rows: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for pos, score in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])):
        e = catalog.entries[pos]
        if not filters.accepts(e):
            continue
        best.setdefault(e.error_key, score)
        rows[e.error_key].append(e)
    ranked = sorted(best, key=lambda k: -best[k])[:limit]
    return [SearchHit(ErrorGroup(k[0], catalog.guides.get(k[1]), tuple(rows[k])), round(best[k], 3)) for k in ranked]

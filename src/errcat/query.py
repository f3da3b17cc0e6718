"""Look errors up (by code, name, id or HTTP status), search them, list them: the query API.

Results are grouped by distinct error (vendor + guide), each group listing every row where the
error is documented, the way Microsoft's Error Lookup lists every match with its source rather
than guessing one.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING, NamedTuple

from .errors import MESSAGE_CHARS, UsageError, check_vendor
from .model import HTTP_METHODS, Entry, Guide
from .text import CAMEL, WORD, normalize_path, squash, tokens
from .values import to_status

if TYPE_CHECKING:
    from .index.store import CatalogIndex

SEVERITIES = ("error", "warning")


def shown(text: str) -> str:
    """``text`` as a message may quote it (the exit gate's ``shown``). A code or a status typed
    as the query (up to 12 digits, as ``lookup 25008``) holds nothing the gate masks, and is
    quoted without importing it: the gate's import and first screening were ~4 ms of lookup's
    start-up, a tenth of its time over the ``import typer`` floor."""
    if len(text) <= 12 and text.isascii() and text.isdigit():
        return text
    from .gate import shown_within

    return shown_within(text, MESSAGE_CHARS)


class _FilterValues(NamedTuple):
    vendor: str | None = None
    endpoint: str | None = None
    method: str | None = None
    status: int | None = None
    severity: str | None = None


class Filters(_FilterValues):
    """Restrictions every query command accepts; a bad severity is refused on construction."""

    __slots__ = ()

    def __new__(
        cls,
        vendor: str | None = None,
        endpoint: str | None = None,
        method: str | None = None,
        status: int | None = None,
        severity: str | None = None,
    ) -> Filters:
        for name, value in (("vendor", vendor), ("endpoint", endpoint), ("method", method), ("severity", severity)):
            _check_text_filter(name, value)
        if severity is not None and severity.lower() not in SEVERITIES:
            raise UsageError(f"severity must be one of {', '.join(SEVERITIES)}, not {shown(severity)!r}")
        if status is not None:  # as an int: "400" from Python compared with no row's 400
            number = None if isinstance(status, bool) else to_status(status)
            if number is None:  # SQLite cannot even compare 99999999999999999999
                plain = isinstance(status, (int, float, str))  # another object's __str__ is not run: it may raise or loop
                shown_as = shown(str(status))[:40] if plain else type(status).__name__
                raise UsageError(f"status must be an HTTP status from 100 to 599, not {shown_as!r}")
            status = number
        return super().__new__(cls, vendor, endpoint, method, status, severity)

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

    def check_vendor(self, index: CatalogIndex) -> None:
        """Refuse filter values the catalog does not know (a typo would silently match everything
        generic, or nothing): the vendor, the HTTP method, the endpoint (with did-you-mean)."""
        import difflib

        check_vendor(self.vendor, index.vendors)
        if self.method and self.method.upper() not in HTTP_METHODS:
            raise UsageError(f"unknown HTTP method {shown(self.method)!r} (known: {', '.join(HTTP_METHODS)})")
        if self.endpoint:
            paths = index.paths()
            known = {normalize_path(p) for v, ps in paths.items() if not self.vendor or v == self.vendor.lower() for p in ps}
            want = normalize_path(self.endpoint)
            if not any(want == k or want.endswith("/" + k) for k in known):
                close = difflib.get_close_matches(want, sorted(known), n=1, cutoff=0.6)
                hint = f"; did you mean /{close[0]}?" if close else ""
                raise UsageError(
                    f"no documented endpoint {shown(self.endpoint)!r}" + (f" for {self.vendor}" if self.vendor else "") + hint
                )


def _check_text_filter(name: str, value: object) -> None:
    """A text filter is None or words: an empty one (``--method ''``) would filter nothing, silently."""
    if value is None:
        return
    if not isinstance(value, str):
        raise UsageError(f"the {name} filter is text, not {type(value).__name__}")
    if not value.strip():
        raise UsageError(f"the {name} filter is empty: give one, or leave the filter out")


SHOWN_LABELS = 10  # codes or names a title names before "(+N more)"; the built-in catalog's groups have 2 at most


def _few(labels: list[str]) -> list[str]:
    return labels if len(labels) <= SHOWN_LABELS else [*labels[:SHOWN_LABELS], f"(+{len(labels) - SHOWN_LABELS:,} more)"]


class ErrorGroup(NamedTuple):
    """One distinct error and every row where it is documented (filtered)."""

    vendor: str
    guide: Guide | None
    entries: tuple[Entry, ...]
    vendor_name: str | None = None  # the vendor's catalogued name, for views

    @property
    def observed(self) -> bool:
        """Seen in the wild, not documented by the vendor (a group is one or the other)."""
        return self.entries[0].observed

    @property
    def codes(self) -> list[str]:
        return sorted({str(e.code) for e in self.entries if e.code is not None})

    @property
    def names(self) -> list[str]:
        return sorted({e.name for e in self.entries if e.name})

    def labels(self) -> tuple[list[str], list[str]]:
        """Codes and other names as a title or a table cell shows them: at most SHOWN_LABELS of each,
        then how many more (a group of 8,000 rows sharing one guide is one line, not 150 KB)."""
        return _few(self.codes), _few(self.other_names())

    def other_names(self) -> list[str]:
        """The names that are not also codes (a name such as BAD_REQUEST can be both). The codes are
        built once: testing each name against the property rebuilt them per name (8,000 rows: 90 s)."""
        codes = set(self.codes)
        return [n for n in self.names if n not in codes]

    @property
    def title(self) -> str:
        """Short label: vendor, code(s) and name(s), or the status for status rows, with the message; without one,
        the documented scenario in brackets (as the reference pages' tables show it): it is no text the vendor sends."""
        codes, names = self.labels()
        parts = [self.vendor, *codes, *names]
        if len(parts) == 1:
            statuses = sorted({e.status for e in self.entries})
            parts.append("HTTP " + "/".join(map(str, statuses)))
            messages = sorted({e.message for e in self.entries if e.message})
            texts = messages or sorted({e.scenario for e in self.entries})
            if texts:
                text = texts[0] if len(texts[0]) <= 60 else texts[0][:57] + "..."
                parts.append(text if messages else f"({text})")
        return " ".join(parts)


class LookupSection(NamedTuple):
    """The groups found by one reading of the query (as a code, a name, an id, a status)."""

    label: str  # "code", "name", "id", "status", "message"
    groups: tuple[ErrorGroup, ...]


class LookupResult(NamedTuple):
    query: str
    sections: tuple[LookupSection, ...]
    suggestions: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # what the catalog knows of a name it does not hold (a vendor's unlisted facts)

    @property
    def found(self) -> bool:
        return any(s.groups for s in self.sections)

    def __bool__(self) -> bool:
        """False when nothing was found (a named tuple of three fields would always be true)."""
        return self.found


class SearchHit(NamedTuple):
    group: ErrorGroup
    score: float


def group_entries(index: CatalogIndex, entries: list[Entry]) -> list[ErrorGroup]:
    """Group rows by distinct error, documented errors first, otherwise in catalog order."""
    groups: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for e in entries:
        groups[e.error_key].append(e)
    return documented_first(
        [
            ErrorGroup(vendor, index.guides.get(gid), tuple(rows), _vendor_name(index, vendor))
            for (vendor, gid), rows in groups.items()
        ]
    )


def documented_first(groups: list[ErrorGroup]) -> list[ErrorGroup]:
    """The vendor's documented errors before those only seen in public reports (a stable sort)."""
    return sorted(groups, key=lambda g: g.observed)


def unlisted_notes(index: CatalogIndex, query: str, filters: Filters) -> tuple[str, ...]:
    """What a vendor's catalog says of a name it does not hold (e.g. MYOB's OAuthTokenIsInvalid), with the source."""
    key = squash(query)
    notes = []
    for vendor in index.vendors.values():
        if filters.vendor and vendor.id != filters.vendor.lower():
            continue
        for fact in vendor.unlisted:
            if re.fullmatch(fact.pattern or re.escape(squash(fact.value)), key, re.IGNORECASE):
                notes.append(f"{vendor.name}: {fact.description or fact.value} (source: {fact.source})")
    return tuple(notes)


def _vendor_name(index: CatalogIndex, vendor: str) -> str | None:
    found = index.vendors.get(vendor)
    return found.name if found else None


def lookup(index: CatalogIndex, query: str, filters: Filters | None = None) -> LookupResult:
    """Find errors by vendor code, error name, entry/guide id or HTTP status.

    Forgiving: case and separators do not matter (``date-prior-to-beginning-of-financial-year``
    finds ``DatePriorToBeginningOfFinancialYear``). A number that is both an HTTP status and a
    vendor code gives both sections. Every reading is an indexed look-up in the compiled index.
    """
    filters = filters or Filters()
    filters.check_vendor(index)
    q = query.strip()
    if not q:
        raise UsageError("empty query: give a code, a name, an id or an HTTP status")
    sections = _sections(index, q, filters)
    suggestions: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    if sections:
        notes = shared_code_notes(index, [g for s in sections for g in s.groups])
    elif filtered_out := _filtered_out(index, q, filters):
        notes = (filtered_out,)  # no typo: another code "near" it would mislead
    else:
        suggestions = tuple(suggest(index, q, filters))
        notes = unlisted_notes(index, q, filters)
    return LookupResult(shown(q), tuple(sections), suggestions, notes)  # the query as shown: a pasted secret is masked


def _sections(index: CatalogIndex, q: str, filters: Filters) -> list[LookupSection]:
    """The query read as a code, a name, an id and a status (each an indexed look-up), else as words of a message."""
    key = squash(q)
    by_code = [e for e in index.with_code_key(key) if filters.accepts(e)] if key else []
    codes = {e.id for e in by_code}
    by_name = [e for e in index.with_name_key(key) if filters.accepts(e) and e.id not in codes] if key else []
    by_id = [e for e in index.with_id_or_guide(q.lower()) if filters.accepts(e)]
    by_status: list[Entry] = []
    if re.fullmatch(r"[1-5]\d\d", q):
        by_status = [e for e in index.with_status(int(q)) if filters.accepts(e)]
    sections = [
        LookupSection(label, tuple(group_entries(index, found)))
        for label, found in (("code", by_code), ("name", by_name), ("id", by_id), ("status", by_status))
        if found
    ]
    if not sections and len(key) >= 4:
        # A message or part of one typed as the query: exact (case-insensitive) substring.
        by_message = [e for e in index.with_message_containing(q) if filters.accepts(e)]
        if by_message:
            sections.append(LookupSection("message", tuple(group_entries(index, by_message))))
    return sections


def _filtered_out(index: CatalogIndex, q: str, filters: Filters) -> str | None:
    """What a query finds without the filters that left nothing (25008 --method DELETE; another vendor's code
    under --vendor): the error is there, for other rows, and no typo of it is worth suggesting."""
    if all(value is None for value in filters):
        return None
    groups = [g for s in _sections(index, q, Filters()) for g in s.groups]
    if not groups:
        return None
    titles = ", ".join(g.title for g in groups[:3]) + (f" and {len(groups) - 3} more" if len(groups) > 3 else "")
    return f"{shown(q)} is in the catalog ({titles}), but none of its rows passes the filters given."


def shared_code_notes(index: CatalogIndex, found: list[ErrorGroup]) -> tuple[str, ...]:
    """For an error found by its id or message whose code other errors carry with other messages
    (ProSpend's five BAD_REQUEST): the code alone, in a response, names none of them."""
    shown_keys = {(g.vendor, g.guide.id if g.guide else "") for g in found}
    notes: dict[str, str] = {}
    for g in found:
        for code in g.codes:
            rows = [e for e in index.with_code_key(squash(code)) if e.vendor == g.vendor]
            messages: dict[tuple[str, str], set[str | None]] = {e.error_key: set() for e in rows}
            for e in rows:
                messages[e.error_key].add(e.message)
            if len(messages) < 2 or len({frozenset(m) for m in messages.values()}) < 2 or set(messages) <= shown_keys:
                continue
            notes[f"{g.vendor} {code}"] = (
                f"{g.vendor_name or g.vendor}: code {code} is carried by {len(messages)} errors, each with its own message;"
                f" in a response the code alone does not say which one was sent, the message does"
                f" (errcat lookup {code} --vendor {g.vendor} lists them)."
            )
    return tuple(notes.values())


MAX_SUGGESTION_POOL = 5000
MAX_TYPO_CHARS = 100  # the longest code or name built in is 36 characters squashed: a longer query is no typo of one


def _suggestion_pool(index: CatalogIndex, key: str, filters: Filters) -> dict[str, str]:
    """Codes and names (squashed -> as written) sharing the query's first character; for a number,
    also the codes two swapped adjacent digits give (52008 -> 25008)."""
    if not key:
        return {}
    found = index.near_keys(key[0], chr(ord(key[0]) + 1), MAX_SUGGESTION_POOL)
    if key.isdigit():
        found += [e for swap in sorted(_swaps(key)) for e in index.with_code_key(swap)]
    words: dict[str, str] = {}
    for e in found:
        if not filters.accepts(e):
            continue
        if e.code is not None:
            words.setdefault(squash(str(e.code)), str(e.code))
        if e.name:
            words.setdefault(squash(e.name), e.name)
    return words


def _swaps(key: str) -> set[str]:
    return {key[:i] + key[i + 1] + key[i] + key[i + 2 :] for i in range(len(key) - 1)} - {key}


def _near_numbers(key: str, words: dict[str, str]) -> list[str]:
    """Codes a mistyped number may have meant, nearest first: those two swapped adjacent digits
    give, then those of its block (all digits but the last three: 31001 -> 31xxx). A code one digit
    apart elsewhere (38001 for 31001) is another error family, not a typo worth suggesting."""
    swaps = _swaps(key)
    block = key[:-3]
    near = [w for w in words if w.isdigit() and (w in swaps or (len(w) == len(key) and w.startswith(block)))]
    return sorted(near, key=lambda w: (w not in swaps, abs(int(w) - int(key))))


def suggest(index: CatalogIndex, query: str, filters: Filters, limit: int = 5) -> list[str]:
    """Did-you-mean candidates from codes and names sharing the query's first letter, then search."""
    key = squash(query)
    # a query far longer than any code or name (a paste of 120,000 digits) is no typo of one: its swaps
    # alone were 120,000 strings of 120,000 characters (14 GB, a MemoryError), its did-you-mean quadratic
    words = _suggestion_pool(index, key, filters) if len(key) <= MAX_TYPO_CHARS else {}
    close: list[str] = []
    contained: list[str] = []
    if words and key.isdigit():
        close = _near_numbers(key, words)
    elif words:
        import difflib

        contained = sorted((w for w in words if key and (key in w or w in key) and len(w) > 2), key=len)
        close = difflib.get_close_matches(key, list(words), n=limit, cutoff=0.6)
    out = list(dict.fromkeys(words[c] for c in [*close, *contained]))[:limit]
    if len(out) < limit:
        try:
            hits = search(index, query, filters, limit=limit)
        except UsageError:  # no searchable words in the query
            hits = []
        for hit in hits:
            label = hit.group.title
            if label not in out and not set(out) & {*hit.group.codes, *hit.group.names}:
                out.append(label)
            if len(out) >= limit:
                break
    return out[:limit]


def list_errors(index: CatalogIndex, filters: Filters | None = None) -> list[ErrorGroup]:
    """Every error passing the filters, grouped, documented errors first, otherwise in catalog order."""
    filters = filters or Filters()
    filters.check_vendor(index)
    vendor = filters.vendor.lower() if filters.vendor else None
    severity = filters.severity.lower() if filters.severity else None
    return group_entries(index, [e for e in index.filtered(vendor, filters.status, severity) if filters.accepts(e)])


# ----------------------------------------------------------------------------- full-text search

FIELD_WEIGHTS = {"message": 3.0, "name": 3.0, "code": 3.0, "scenario": 2.0, "explanation": 1.0}


def _plain_words(text: str) -> set[str]:
    """Query words that are not CamelCase compounds (these must match)."""
    return {t for w in WORD.findall(text) if len(CAMEL.findall(w)) <= 1 for t in tokens(w)}


MAX_EXTRA_ROWS = 500
MAX_SEARCH_WORDS = 64  # query words searched (the first, each once); a longer query is ranked without its phrase


def search(index: CatalogIndex, text: str, filters: Filters | None = None, limit: int = 10) -> list[SearchHit]:
    """Errors ranked by BM25 (SQLite FTS5) over messages, names, codes, scenarios and our explanations.

    Every term must occur (AND); an exact phrase match ranks higher. Field weights: message,
    name and code 3, scenario 2, explanation 1.
    """
    filters = filters or Filters()
    filters.check_vendor(index)
    if limit < 1:
        raise UsageError(f"limit must be at least 1, not {limit}")
    words = tokens(text)
    wanted = list(dict.fromkeys(words))[:MAX_SEARCH_WORDS]
    known = index.search_terms_known(wanted)
    # A CamelCase query word is also split into parts; its joined form is optional when absent.
    plain = _plain_words(text)  # once: per query word, it read a 100 KB query 64 times (5 s)
    terms = [t for t in wanted if t in known or t in plain]
    if not terms and any(c.isalnum() for c in text):  # "é", "😀" aside: letters, but no word the index holds
        raise UsageError("nothing to search: search words are ASCII letters and digits (as the catalog's are); give one")
    if not terms:
        raise UsageError("empty search: give one or more words")
    match = " AND ".join(f'"{t}"' for t in terms)
    # a phrase of more words than a query keeps is not built: "a OR a OR ..." of 250 KB took FTS5 37 s and 377 MB
    phrase = '"' + " ".join(words) + '"' if len(terms) > 1 and len(words) <= MAX_SEARCH_WORDS else None
    vendor = filters.vendor.lower() if filters.vendor else None
    severity = filters.severity.lower() if filters.severity else None
    best: dict[tuple[str, str], float] = {}
    rows: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    extra = MAX_EXTRA_ROWS
    for score, e in index.ranked(match, phrase, tuple(FIELD_WEIGHTS.values()), vendor, filters.status, severity):
        if not filters.accepts(e):
            continue
        if e.error_key not in best:
            if len(best) >= limit:
                extra -= 1  # the chosen errors' other matching rows, within a bound
                if extra < 0:
                    break
                continue
            best[e.error_key] = score
        rows[e.error_key].append(e)
    hits = [
        SearchHit(ErrorGroup(k[0], index.guides.get(k[1]), tuple(rows[k]), _vendor_name(index, k[0])), round(best[k], 3))
        for k in best
    ]
    return sorted(hits, key=lambda h: h.group.observed)  # documented errors first, each layer by rank

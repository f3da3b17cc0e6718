"""The compiled catalog, read through indexed SQL: what lookup, search, list and explain query.

A CatalogIndex answers the same read questions as an in-memory Catalog (``vendors``,
``guides``, ``by_id``, ``guide_for``, ``location``...) but decodes only the rows a query touches,
so a lookup costs the same at 300 entries or 100,000. Any damage found while reading (a SQLite
error, a row failing its checksum) raises CorruptIndex; the cache layer rebuilds and retries.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from functools import cached_property
from typing import Any, NamedTuple, TypeVar

from ..catalog.core import Catalog, Location
from ..errors import ErrcatError, UsageError
from ..model import Entry, Guide, Template, Vendor
from .codec import CorruptIndex, checked, decode_entry, decode_guide, decode_template, decode_vendor

T = TypeVar("T")
MAX_BOUND = 900  # SQLite's default limit on bound parameters is 999
DECODED_MAX = 5_000  # entries kept decoded per index (a scan asks for the same status rows again and again)
ANSWERS_MAX = 2_048  # entry queries whose answers are kept (lists of entries already decoded)
ANSWER_ROWS_MAX = 500  # the longest answer kept
TEMPLATE_WORDS_MAX = 20_000  # words whose templates are kept (most have none)
TEMPLATES_WHOLE_MAX = 1_000  # a catalog with at most this many template rows reads them all at once
_TEMPLATE_COLUMNS = "vendor, template, literal_words, bare, leading_slot"


class TemplateRow(NamedTuple):
    """A message template some entries use, with what matching needs to know about it."""

    vendor: str
    template: str
    literal_words: int
    bare: bool  # the whole message is one slot: only a code or name can identify it
    leading_slot: bool


class _Rows(Mapping[str, T]):
    """A read-only mapping whose values are fetched by key on demand."""

    def __init__(self, get: Callable[[str], T | None], keys: Callable[[], list[str]]):
        self._get, self._keys = get, keys

    def __getitem__(self, key: str) -> T:
        value = self._get(key)
        if value is None:
            raise KeyError(key)
        return value

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._get(key) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys())

    def __len__(self) -> int:
        return len(self._keys())


def _failure(exc: sqlite3.DatabaseError) -> ErrcatError:
    """What a failed query means: a catalog used after close() (it said the index was damaged and to
    run `errcat cache clear`, which could not help), else a damaged index."""
    if isinstance(exc, sqlite3.ProgrammingError) and "closed" in str(exc):
        return UsageError(
            "this catalog is closed (used after close() or its with block): open it again with errcat.open_catalog()"
        )
    return CorruptIndex(str(exc))


class CatalogIndex:
    """Read access to a compiled catalog (a SQLite database, on disk or in memory)."""

    def __init__(self, db: sqlite3.Connection, *, source: Catalog | None = None, origin: str = "memory"):
        self.db = db
        self.origin = origin  # "memory", or the cache file's path
        self._source = source
        self._decoded: dict[int, Entry] = {}
        self._answers: dict[tuple[str, tuple[Any, ...], str], list[Entry]] = {}  # queries asked before (a scan repeats them)
        self._guides: dict[str, Guide | None] = {}  # guides read before (each explanation copies its matches' guides)
        self._template_words: dict[str, tuple[tuple[Any, ...], ...]] = {}  # templates_for's rows, by key word
        self._word_rows: dict[str, tuple[int | None, tuple[int, ...]]] = {}  # a word's count and positions (fuzzy)

    # --------------------------------------------------------------------------------- plumbing

    def rows(self, sql: str, params: tuple[Any, ...] | list[Any] = ()) -> list[Any]:
        try:
            return self.db.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as exc:
            raise _failure(exc) from exc

    def _entries(self, where: str, params: tuple[Any, ...] | list[Any] = (), tail: str = "ORDER BY pos") -> list[Entry]:
        key = (where, tuple(params), tail)
        answer = self._answers.get(key)
        if answer is None:
            answer = self._query_entries(where, params, tail)
            if len(answer) <= ANSWER_ROWS_MAX:  # a listing of the whole catalog is not kept
                if len(self._answers) >= ANSWERS_MAX:
                    self._answers.clear()
                self._answers[key] = answer
        return list(answer)

    def _query_entries(self, where: str, params: tuple[Any, ...] | list[Any], tail: str) -> list[Entry]:
        rows = self.rows(f"SELECT pos, data, crc FROM entries WHERE {where} {tail}", params)
        if len(rows) > DECODED_MAX:
            return [decode_entry(checked(data, c)) for _, data, c in rows]
        if len(self._decoded) + len(rows) > DECODED_MAX:
            self._decoded.clear()
        decoded = self._decoded
        out = []
        for pos, data, c in rows:
            entry = decoded.get(pos)
            if entry is None:
                entry = decoded[pos] = decode_entry(checked(data, c))
            out.append(entry)
        return out

    def _rows_in(self, sql: str, values: list[Any]) -> list[Any]:
        """Rows of ``sql`` whose ``{marks}`` is filled with ``values``, in chunks SQLite accepts."""
        out: list[Any] = []
        for start in range(0, len(values), MAX_BOUND):
            chunk = values[start : start + MAX_BOUND]
            out += self.rows(sql.format(marks=",".join("?" * len(chunk))), chunk)
        return out

    @staticmethod
    def _filter_sql(vendor: str | None, status: int | None, severity: str | None, table: str = "") -> tuple[str, list[Any]]:
        """A WHERE condition for the filters SQL can apply (the caller applies method and endpoint)."""
        clauses, params = ["1"], []
        for column, value in (("vendor", vendor), ("status", status), ("severity", severity)):
            if value is not None:
                clauses.append(f"{table}{column} = ?")
                params.append(value)
        return " AND ".join(clauses), params

    def meta(self, key: str) -> str | None:
        found = self.rows("SELECT value FROM meta WHERE key = ?", (key,))
        return found[0][0] if found else None

    # ------------------------------------------------------------------ what a Catalog offers

    @cached_property
    def vendors(self) -> dict[str, Vendor]:
        return {
            vid: decode_vendor(checked(data, c)) for vid, data, c in self.rows("SELECT id, data, crc FROM vendors ORDER BY rowid")
        }

    @cached_property
    def size(self) -> int:
        return int(self.meta("entries") or 0)

    @cached_property
    def statuses(self) -> frozenset[tuple[str, int]]:
        """(vendor, status) pairs whose meaning the vendor documents."""
        try:
            return frozenset((v, int(s)) for v, s in json.loads(self.meta("statuses") or "[]"))
        except (ValueError, TypeError) as exc:
            raise CorruptIndex(f"bad statuses: {exc}") from exc

    @cached_property
    def scenarios(self) -> dict[str, tuple[str, str]]:
        """The vendor documents' scenario sentences only one vendor's documents hold, as the build worked them
        out (index.scenarios): squeezed -> (vendor, the sentence). A damaged value is no such list: a row of
        three texts, of a vendor of this index (an object of three keys unpacked as three texts, an unknown vendor's
        row: the sentence named no one, or someone the catalog does not hold)."""
        try:
            rows = json.loads(self.meta("scenarios") or "")
        except (ValueError, TypeError) as exc:
            raise CorruptIndex(f"bad scenarios: {exc}") from exc
        vendors = self.vendors
        if not isinstance(rows, list) or not all(_scenario_row(row, vendors) for row in rows):
            raise CorruptIndex("bad scenarios: not rows of three texts of a known vendor")
        return {words: (vendor, said) for words, vendor, said in rows}

    def guide(self, gid: str) -> Guide | None:
        if gid in self._guides:
            return self._guides[gid]
        found = self.rows("SELECT data, crc FROM guides WHERE id = ?", (gid,))
        if len(self._guides) >= DECODED_MAX:
            self._guides.clear()
        guide = self._guides[gid] = decode_guide(checked(*found[0])) if found else None
        return guide

    @cached_property
    def guides(self) -> Mapping[str, Guide]:
        return _Rows(self.guide, lambda: [r[0] for r in self.rows("SELECT id FROM guides ORDER BY rowid")])

    def guide_for(self, entry: Entry) -> Guide | None:
        return self.guide(entry.guide_id)

    def entry(self, eid: str) -> Entry | None:
        found = self._entries("id = ?", (eid,))
        return found[0] if found else None

    @cached_property
    def by_id(self) -> Mapping[str, Entry]:
        return _Rows(self.entry, lambda: [r[0] for r in self.rows("SELECT id FROM entries ORDER BY pos")])

    @cached_property
    def by_guide(self) -> Mapping[str, list[Entry]]:
        return _Rows(
            lambda gid: self._entries("guide = ?", (gid,)) or None,
            lambda: [r[0] for r in self.rows("SELECT DISTINCT guide FROM entries ORDER BY pos")],
        )

    def location(self, kind: str, key: str) -> Location | None:
        found = self.rows("SELECT file, line, layer FROM locations WHERE kind = ? AND key = ?", (kind, key))
        return Location(*found[0]) if found else None

    @cached_property
    def entries(self) -> tuple[Entry, ...]:
        """Every entry, in catalog order (decodes them all: for list and export, not for lookups)."""
        if self._source is not None:
            return self._source.entries
        return tuple(self._entries("1"))

    @cached_property
    def catalog(self) -> Catalog:
        """The whole catalog as objects, rebuilt from the index when it was not loaded from YAML."""
        if self._source is not None:
            return self._source
        templates: dict[tuple[str, str], Template] = {}
        for vendor, message, data, c in self.rows("SELECT vendor, message, data, crc FROM template_sources"):
            templates[(vendor, message)] = decode_template(checked(data, c))
        where = {(k, key): Location(f, line, layer) for k, key, f, line, layer in self.rows("SELECT * FROM locations")}
        return Catalog(self.vendors, self.entries, dict(self.guides.items()), templates, where)

    # -------------------------------------------------------------------------- query primitives

    def with_code(self, code: str) -> list[Entry]:
        """Entries whose code, lower-cased, is ``code``."""
        return self._entries("code = ?", (code.lower(),))

    def with_code_key(self, key: str) -> list[Entry]:
        return self._entries("code_key = ?", (key,))

    def with_name_key(self, key: str) -> list[Entry]:
        return self._entries("name_key = ?", (key,))

    def with_id_or_guide(self, key: str) -> list[Entry]:
        return self._entries("id = ? OR guide = ?", (key, key))

    def with_message_key(self, key: str) -> list[Entry]:
        """Entries whose literal (non-templated) message squashes to ``key``."""
        return self._entries("message_key = ?", (key,))

    def with_status(self, status: int, vendor: str | None = None) -> list[Entry]:
        if vendor is None:
            return self._entries("status = ?", (status,))
        return self._entries("vendor = ? AND status = ?", (vendor, status))

    def with_message_containing(self, text: str) -> list[Entry]:
        """Entries whose message contains ``text`` (case-insensitive); a scan, for misses only."""
        return self._entries("instr(message_lower, ?) > 0", (text.lower(),))

    def with_template(self, vendor: str, template: str) -> list[Entry]:
        return self._entries("vendor = ? AND template = ?", (vendor, template))

    def filtered(self, vendor: str | None, status: int | None, severity: str | None) -> list[Entry]:
        """Entries passing the filters SQL can apply (the rest are applied by the caller)."""
        return self._entries(*self._filter_sql(vendor, status, severity))

    def near_keys(self, start: str, stop: str, limit: int) -> list[Entry]:
        """Entries whose squashed code or name sorts in [start, stop): did-you-mean candidates."""
        return self._entries(
            "pos IN (SELECT pos FROM entries WHERE code_key >= ? AND code_key < ? "
            "UNION SELECT pos FROM entries WHERE name_key >= ? AND name_key < ?)",
            (start, stop, start, stop),
            f"ORDER BY pos LIMIT {int(limit)}",
        )

    def name_keys_starting(self, prefix: str, limit: int = 3) -> list[str]:
        """Distinct name keys that start with ``prefix`` (a shortened name), at most ``limit``."""
        upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        sql = "SELECT DISTINCT name_key FROM entries WHERE name_key >= ? AND name_key < ? ORDER BY name_key LIMIT ?"
        return [r[0] for r in self.rows(sql, (prefix, upper, limit))]

    def keys_present(self, column: str, keys: list[str]) -> set[str]:
        """Which of ``keys`` occur in column code_key or name_key."""
        assert column in ("code_key", "name_key")
        return {r[0] for r in self._rows_in(f"SELECT DISTINCT {column} FROM entries WHERE {column} IN ({{marks}})", keys)}

    def templates_for(self, words: set[str]) -> list[TemplateRow]:
        """Templates that could match a text with these tokens: those keyed by one of them, or unkeyed.

        Each word's templates are read once and kept (a log's records share most of their words)."""
        whole, known = self._templates_whole, self._template_words  # (whole: known holds every row)
        wanted = ["", *sorted(words)]
        answer = {w: known[w] for w in wanted if w in known}
        missing = [w for w in wanted if w not in answer]
        if missing and not whole:
            fetched: dict[str, list[tuple[Any, ...]]] = {w: [] for w in missing}
            sql = f"SELECT word, pos, {_TEMPLATE_COLUMNS} FROM templates WHERE word IN ({{marks}})"
            for word, *row in self._rows_in(sql, missing):
                fetched[word].append(tuple(row))
            if len(known) + len(fetched) > TEMPLATE_WORDS_MAX:
                known.clear()
            for word, rows in fetched.items():
                answer[word] = known[word] = tuple(rows)
        found = {row for rows in answer.values() for row in rows}
        return [TemplateRow(v, t, n, bool(b), bool(lead)) for _, v, t, n, b, lead in sorted(found)]

    @cached_property
    def _templates_whole(self) -> bool:
        """Whether every template row is kept by word: a catalog with few templates reads them all at
        once, not one query per word a text brings that no template has."""
        rows = self.rows(f"SELECT word, pos, {_TEMPLATE_COLUMNS} FROM templates LIMIT ?", (TEMPLATES_WHOLE_MAX + 1,))
        if len(rows) > TEMPLATES_WHOLE_MAX:
            return False
        grouped: dict[str, list[tuple[Any, ...]]] = {}
        for word, *row in rows:
            grouped.setdefault(word, []).append(tuple(row))
        self._template_words.update((w, tuple(r)) for w, r in grouped.items())
        return True

    def template_row(self, vendor: str, template: str) -> TemplateRow | None:
        found = self.rows(f"SELECT {_TEMPLATE_COLUMNS} FROM templates WHERE vendor = ? AND template = ?", (vendor, template))
        if not found:
            return None
        v, t, words, bare, lead = found[0]
        return TemplateRow(v, t, words, bool(bare), bool(lead))

    def word_counts(self, words: list[str]) -> dict[str, int]:
        """How many literal messages contain each word (for rarity weights); a word not in any is left out."""
        rows = self._words_read(words)
        return {w: n for w in words if (n := rows[w][0]) is not None}

    def with_words(self, words: list[str]) -> list[tuple[str, int]]:
        """(word, position) of entries whose literal message contains one of the words, by word, then position."""
        rows = self._words_read(words)
        return [(w, pos) for w in sorted(set(words)) for pos in rows[w][1]]

    def _words_read(self, words: list[str]) -> dict[str, tuple[int | None, tuple[int, ...]]]:
        """Each word's count and positions, read once and kept: fuzzy matching asks for a record's words, and
        a log's records share most of them (two queries a record were 3 % of a vendor log's scan)."""
        known = self._word_rows
        missing = sorted({w for w in words if w not in known})
        if missing:
            counts = dict(self._rows_in("SELECT token, n FROM word_counts WHERE token IN ({marks})", missing))
            places: dict[str, list[int]] = {w: [] for w in missing}
            for token, pos in self._rows_in("SELECT token, pos FROM words WHERE token IN ({marks})", missing):
                places[token].append(pos)
            if len(known) + len(missing) > TEMPLATE_WORDS_MAX:
                known.clear()
            for w in missing:
                known[w] = (counts.get(w), tuple(sorted(places[w])))
        return {w: known[w] for w in words}

    def at_positions(self, positions: list[int]) -> list[Entry]:
        """The entries at these positions, in position order; those decoded before are not read again
        (fuzzy matching asks for 30 a record, mostly the same ones all through a log)."""
        decoded = self._decoded
        found = {p: decoded[p] for p in positions if p in decoded}
        missing = [p for p in positions if p not in found]
        if missing:
            rows = self._rows_in("SELECT pos, data, crc FROM entries WHERE pos IN ({marks})", missing)
            if len(decoded) + len(rows) > DECODED_MAX:
                decoded.clear()
            for pos, data, c in rows:
                found[pos] = decoded[pos] = decode_entry(checked(data, c))
        return [found[p] for p in sorted(found)]

    def paths(self) -> dict[str, list[str]]:
        """Every documented endpoint path per vendor (vendor endpoints and entry endpoints)."""
        out: dict[str, list[str]] = {}
        for vendor, path in self.rows("SELECT vendor, path FROM paths"):
            out.setdefault(vendor, []).append(path)
        return out

    def search_terms_known(self, terms: list[str]) -> set[str]:
        return {r[0] for r in self._rows_in("SELECT term FROM search_terms WHERE term IN ({marks})", terms)}

    def ranked(
        self,
        match: str,
        phrase: str | None,
        weights: tuple[float, ...],
        vendor: str | None = None,
        status: int | None = None,
        severity: str | None = None,
    ) -> Iterator[tuple[float, Entry]]:
        """Entries matching an FTS5 query, best first (BM25 with field weights, phrase matches x1.5)."""
        where, params = self._filter_sql(vendor, status, severity, table="e.")
        boost = "CASE WHEN s.rowid IN (SELECT rowid FROM search WHERE search MATCH ?) THEN 1.5 ELSE 1.0 END" if phrase else "1.0"
        sql = (
            f"SELECT -bm25(search, {', '.join(map(str, weights))}) * {boost} AS score, e.data, e.crc "
            f"FROM search AS s JOIN entries AS e ON e.pos = s.rowid WHERE search MATCH ? AND {where} ORDER BY score DESC, e.pos"
        )
        try:
            cursor = self.db.execute(sql, [*([phrase] if phrase else []), match, *params])
            for score, data, c in cursor:
                yield score, decode_entry(checked(data, c))
        except sqlite3.DatabaseError as exc:
            raise _failure(exc) from exc

    def close(self) -> None:
        """Close the index file (queries after this fail)."""
        self.db.close()

    # ------------------------------------------------------------------------------------ views

    @property
    def whole(self) -> CatalogIndex:
        """The whole catalog this index reads (itself; a view's is the index it narrows)."""
        return self

    @cached_property
    def _documented(self) -> CatalogIndex:
        return DocumentedIndex(self)

    def documented(self) -> CatalogIndex:
        """This catalog without the errors only seen in the wild (observed provenance): every entry
        a query, a listing or a match reads is one its vendor documents. Same file, same caches."""
        return self._documented


def _scenario_row(row: Any, vendors: Mapping[str, Vendor]) -> bool:
    """Whether a row of the index's scenarios is (squeezed words, a vendor of the index, the sentence)."""
    return isinstance(row, list) and len(row) == 3 and all(isinstance(s, str) for s in row) and row[1] in vendors


class DocumentedIndex(CatalogIndex):
    """A view of an index whose entries are the documented ones only (``CatalogIndex.documented``).

    Only entries are narrowed: vendors, guides, templates, word counts, name keys and ``size`` (what
    rarity is reckoned over) are the whole catalog's, so an error is matched by the same rules,
    against fewer rows."""

    def __init__(self, whole: CatalogIndex):
        super().__init__(whole.db, origin=whole.origin)
        self._whole = whole
        self._decoded, self._answers, self._guides = whole._decoded, whole._answers, whole._guides
        self._template_words = whole._template_words

    @property
    def whole(self) -> CatalogIndex:
        return self._whole

    def documented(self) -> CatalogIndex:
        return self

    @property
    def vendors(self) -> dict[str, Vendor]:  # the whole catalog's, decoded once
        return self._whole.vendors

    @cached_property
    def entries(self) -> tuple[Entry, ...]:
        return tuple(e for e in self._whole.entries if not e.observed)

    @cached_property
    def by_id(self) -> Mapping[str, Entry]:
        return _Rows(self.entry, lambda: [e.id for e in self.entries])

    @cached_property
    def by_guide(self) -> Mapping[str, list[Entry]]:
        return _Rows(
            lambda gid: self._entries("guide = ?", (gid,)) or None, lambda: list(dict.fromkeys(e.guide_id for e in self.entries))
        )

    def _entries(self, where: str, params: tuple[Any, ...] | list[Any] = (), tail: str = "ORDER BY pos") -> list[Entry]:
        return [e for e in super()._entries(where, params, tail) if not e.observed]

    def at_positions(self, positions: list[int]) -> list[Entry]:
        return [e for e in super().at_positions(positions) if not e.observed]

    def ranked(
        self,
        match: str,
        phrase: str | None,
        weights: tuple[float, ...],
        vendor: str | None = None,
        status: int | None = None,
        severity: str | None = None,
    ) -> Iterator[tuple[float, Entry]]:
        ranked = super().ranked(match, phrase, weights, vendor, status, severity)
        return ((score, e) for score, e in ranked if not e.observed)


def compile_in_memory(catalog: Catalog) -> CatalogIndex:
    """An index of an already loaded catalog, kept in memory (no cache file)."""
    from .build import compile_catalog

    db = sqlite3.connect(":memory:", check_same_thread=False)
    compile_catalog(catalog, db, {})
    return CatalogIndex(db, source=catalog)

"""Compile a loaded Catalog into SQLite tables: the lookups, full-text search and explain need.

Every query the CLI runs is an indexed lookup here (code, name, id, guide, vendor+status,
message, template key word, FTS5 terms), so the cost of answering does not grow with the
catalog. Rows are stored as compact JSON with a CRC (see codec.py).
"""

from __future__ import annotations

import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterable

from ..catalog.core import Catalog
from ..templates import parse
from ..text import STOP_WORDS, squash, tokens
from .codec import FORMAT, crc, dumps, encode_entry, encode_guide, encode_template, encode_vendor
from .scenarios import documented_scenarios

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE vendors(id TEXT PRIMARY KEY, data TEXT NOT NULL, crc INTEGER NOT NULL);
CREATE TABLE guides(id TEXT PRIMARY KEY, data TEXT NOT NULL, crc INTEGER NOT NULL);
CREATE TABLE entries(
    pos INTEGER PRIMARY KEY, id TEXT NOT NULL, guide TEXT NOT NULL, vendor TEXT NOT NULL,
    status INTEGER NOT NULL, severity TEXT, code TEXT, code_key TEXT, name_key TEXT,
    message_key TEXT, message_lower TEXT, template TEXT, data TEXT NOT NULL, crc INTEGER NOT NULL);
CREATE TABLE templates(
    pos INTEGER PRIMARY KEY, vendor TEXT NOT NULL, template TEXT NOT NULL, word TEXT NOT NULL,
    literal_words INTEGER NOT NULL, bare INTEGER NOT NULL, leading_slot INTEGER NOT NULL);
CREATE TABLE template_sources(vendor TEXT NOT NULL, message TEXT NOT NULL, data TEXT NOT NULL, crc INTEGER NOT NULL,
    PRIMARY KEY(vendor, message)) WITHOUT ROWID;
CREATE TABLE locations(kind TEXT NOT NULL, key TEXT NOT NULL, file TEXT NOT NULL, line INTEGER NOT NULL,
    layer INTEGER NOT NULL, PRIMARY KEY(kind, key)) WITHOUT ROWID;
CREATE TABLE paths(vendor TEXT NOT NULL, path TEXT NOT NULL, PRIMARY KEY(vendor, path)) WITHOUT ROWID;
CREATE TABLE words(token TEXT NOT NULL, pos INTEGER NOT NULL);
CREATE TABLE word_counts(token TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
CREATE VIRTUAL TABLE search USING fts5(message, name, code, scenario, explanation, content='', tokenize='unicode61');
CREATE VIRTUAL TABLE search_terms USING fts5vocab(search, 'row');
"""

INDEXES = """
CREATE UNIQUE INDEX entries_id ON entries(id);
CREATE INDEX entries_guide ON entries(guide);
CREATE INDEX entries_vendor_status ON entries(vendor, status);
CREATE INDEX entries_code ON entries(code);
CREATE INDEX entries_code_key ON entries(code_key);
CREATE INDEX entries_name_key ON entries(name_key);
CREATE INDEX entries_message_key ON entries(message_key);
CREATE INDEX entries_template ON entries(vendor, template);
CREATE INDEX templates_word ON templates(word);
CREATE INDEX words_token ON words(token);
"""


def search_text(text: str) -> str:
    """A field as FTS5 indexes it: our own tokens (CamelCase parts, plural folding) in order."""
    return " ".join(tokens(text))


def template_key(template: str) -> str:
    """The longest literal word of a template that no slot touches, '' if none.

    A text can only match the template if it contains that word, so only templates whose key
    occurs in the text (or that have none) are tried: matching cost stays flat as templates grow.
    """
    parts = parse(template)
    best = ""
    for i, part in enumerate(parts):
        if not isinstance(part, str):
            continue
        words = re.findall(r"[A-Za-z0-9]+|[^A-Za-z0-9]", part)
        for j, w in enumerate(words):
            if not w[0].isalnum():
                continue
            touches_left = j == 0 and i > 0
            touches_right = j == len(words) - 1 and i < len(parts) - 1
            if not touches_left and not touches_right and len(w) > len(best):
                best = w
    return tokens(best)[0] if best else ""


def compile_catalog(catalog: Catalog, db: sqlite3.Connection, meta: dict[str, str]) -> None:
    """Write the catalog into an empty database ``db``, with ``meta`` (cache key, sources)."""
    db.executescript(SCHEMA)
    with db:
        db.executemany(
            "INSERT INTO vendors VALUES (?, ?, ?)", _encoded((v.id, encode_vendor(v)) for v in catalog.vendors.values())
        )
        db.executemany("INSERT INTO guides VALUES (?, ?, ?)", _encoded((g.id, encode_guide(g)) for g in catalog.guides.values()))
        db.executemany(
            "INSERT INTO template_sources VALUES (?, ?, ?, ?)",
            ((vid, message, data, crc(data)) for (vid, message), t in catalog.templates.items() for data in [encode_template(t)]),
        )
        db.executemany(
            "INSERT INTO locations VALUES (?, ?, ?, ?, ?)",
            ((kind, key, loc.file, loc.line, loc.layer) for (kind, key), loc in catalog.where.items()),
        )
        _entries(catalog, db)
        _templates(catalog, db)
        paths = {(v.id, ep.path) for v in catalog.vendors.values() for ep in v.endpoints}
        paths |= {(e.vendor, e.endpoint) for e in catalog.entries if e.endpoint}
        db.executemany("INSERT INTO paths VALUES (?, ?)", sorted(paths))
        statuses = {(v.id, s.status) for v in catalog.vendors.values() for s in v.statuses}
        statuses |= {(e.vendor, e.status) for e in catalog.entries if e.kind != "body"}
        meta = {**meta, "format": str(FORMAT), "entries": str(len(catalog.entries)), "statuses": dumps(sorted(statuses))}
        meta["scenarios"] = dumps(documented_scenarios(catalog.entries))
        db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        db.executescript(INDEXES)
        db.execute("INSERT INTO search(search) VALUES ('optimize')")


def _encoded(rows: Iterable[tuple[str, str]]) -> Iterable[tuple[str, str, int]]:
    return ((key, data, crc(data)) for key, data in rows)


def _entries(catalog: Catalog, db: sqlite3.Connection) -> None:
    rows, texts, words = [], [], []
    counts: dict[str, int] = defaultdict(int)
    explanations: dict[str, str] = {}  # one guide's text is indexed for each of its rows: tokenize it once
    seen_texts: dict[str, str] = {}  # messages, names and codes repeat across endpoints: tokenize each once
    message_words: dict[str, list[str]] = {}

    def text_of(value: str) -> str:
        found = seen_texts.get(value)
        if found is None:
            found = seen_texts[value] = search_text(value)
        return found

    for pos, e in enumerate(catalog.entries):
        data = encode_entry(e)
        code = None if e.code is None else str(e.code)
        message_key = squash(e.message) if e.message is not None and not e.template else None
        rows.append(
            (
                pos,
                e.id,
                e.guide_id,
                e.vendor,
                e.status,
                e.severity,
                code.lower() if code is not None else None,
                squash(code) if code is not None else None,
                squash(e.name) if e.name else None,
                message_key,
                e.message.lower() if e.message else None,
                e.template,
                data,
                crc(data),
            )
        )
        if e.guide_id not in explanations:
            g = catalog.guides.get(e.guide_id)
            explanations[e.guide_id] = search_text(" ".join([g.summary, *g.causes, g.fix])) if g else ""
        texts.append(
            (
                pos,
                text_of(e.message or ""),
                text_of(e.name or ""),
                text_of(code or ""),
                search_text(e.scenario),
                explanations[e.guide_id],
            )
        )
        if message_key is not None and e.message is not None:
            if e.message not in message_words:
                message_words[e.message] = [t for t in dict.fromkeys(tokens(e.message)) if t not in STOP_WORDS]
            for token in message_words[e.message]:
                words.append((token, pos))
                counts[token] += 1
    db.executemany("INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    db.executemany("INSERT INTO search(rowid, message, name, code, scenario, explanation) VALUES (?, ?, ?, ?, ?, ?)", texts)
    db.executemany("INSERT INTO words VALUES (?, ?)", words)
    db.executemany("INSERT INTO word_counts VALUES (?, ?)", counts.items())


def _templates(catalog: Catalog, db: sqlite3.Connection) -> None:
    """One row per (vendor, template) that some entry uses, keyed by its word."""
    seen: dict[tuple[str, str], None] = {}
    for e in catalog.entries:
        if e.template:
            seen.setdefault((e.vendor, e.template))
    rows = []
    for pos, (vendor, template) in enumerate(seen):
        parts = parse(template)
        literal = " ".join(p for p in parts if isinstance(p, str))
        words = len(re.findall(r"[A-Za-z]+", literal))
        rows.append((pos, vendor, template, template_key(template), words, len(parts) == 1, isinstance(parts[0], tuple)))
    db.executemany("INSERT INTO templates VALUES (?, ?, ?, ?, ?, ?, ?)", rows)

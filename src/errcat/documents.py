"""Plain-dict views of catalog objects: the one shape JSON, YAML and CSV documents share (formerly
records.py: a record is a log record in errcat.scan)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .model import Citation, Entry, Guide

if TYPE_CHECKING:
    from .index.store import CatalogIndex

FORMAT_VERSION = 1


def _by(guide: Guide) -> str:
    """Whose words a guide is (see legend.reading): a team's layer's, or errcat's reading of the document or sources."""
    if guide.by is not None:
        return f"the catalog file {guide.by}"
    return "errcat's reading of the vendor's document" if guide.basis is None else "errcat's reading of the sources in basis"


def guide_record(guide: Guide | None) -> dict[str, Any] | None:
    """Our explanation of an error, as a plain mapping."""
    if guide is None:
        return None
    return {
        "id": guide.id,
        # whose words: errcat's, about the vendor's documented row (quoting it where the text says so) or, for an
        # observed error, about its sources (each claim's source in basis); retry and actor are errcat's rating
        "by": _by(guide),
        "summary": guide.summary,
        "causes": list(guide.causes),
        "fix": guide.fix,
        "retry": guide.retry,
        "actor": guide.actor,
        "established": guide.established,
        # observed errors: where each claim comes from, a source URL or "inference" (errcat's own reading)
        "basis": guide.basis._asdict() | {"causes": list(guide.basis.causes)} if guide.basis else None,
    }


def citation_record(c: Citation) -> dict[str, Any]:
    """Where an observed error was seen, as a plain mapping."""
    return {"url": c.url, "kind": c.kind, "date": c.date, "note": c.note, "by": c.by, "status": c.status}


def entry_record(index: CatalogIndex, entry: Entry, *, with_guide: bool = True) -> dict[str, Any]:
    """One entry with every documented field, its provenance and (optionally) its explanation."""
    record = entry_fields(entry)
    if with_guide:
        record["explanation"] = guide_record(index.guide_for(entry))
    return record


def entry_fields(entry: Entry) -> dict[str, Any]:
    """One entry with every documented field and its provenance (no catalog needed)."""
    s = entry.source
    return {
        "id": entry.id,
        "vendor": entry.vendor,
        "endpoint": entry.endpoint,
        "methods": list(entry.methods),
        "scenario": entry.scenario,
        "status": entry.status,
        "code": entry.code,
        "name": entry.name,
        "message": entry.message,
        "severity": entry.severity,
        "vendor_severity": entry.vendor_severity,
        "details": entry.details,
        "learn_more": entry.learn_more,
        "template": entry.template,
        "kind": entry.kind,
        "resource": entry.resource,
        "action": entry.action,
        "inferred": entry.inferred,
        "quirks": list(entry.quirks),
        "guide": entry.guide_id,
        "source": {
            "document": s.document,
            "section": s.section,
            "line": s.line,
            "body": s.body,
            "status_text": s.status_text,
        },
        "provenance": entry.provenance,
        "sources": [citation_record(c) for c in entry.sources],
        "sample": entry.sample,
    }


def envelope(kind: str, **payload: Any) -> dict[str, Any]:
    """The versioned top level of every JSON document errcat prints."""
    return {"format_version": FORMAT_VERSION, "kind": kind, **payload}


def flat_row(record: dict[str, Any]) -> dict[str, str]:
    """A record flattened to text cells, for CSV."""
    g = record.get("explanation") or {}
    src = record["source"]

    def text(value: Any) -> str:
        return "" if value is None else str(value)

    return {
        "id": record["id"],
        "vendor": record["vendor"],
        "endpoint": text(record["endpoint"]),
        "methods": ",".join(record["methods"]),
        "scenario": record["scenario"],
        "status": str(record["status"]),
        "code": text(record["code"]),
        "name": text(record["name"]),
        "message": text(record["message"]),
        "severity": text(record["severity"]),
        "details": text(record["details"]),
        "template": text(record["template"]),
        "guide": record["guide"],
        "summary": text(g.get("summary")),
        "causes": " | ".join(g.get("causes", [])),
        "fix": text(g.get("fix")),
        "retry": text(g.get("retry")),
        "actor": text(g.get("actor")),
        "provenance": record["provenance"],
        "sources": " | ".join(c["url"] for c in record["sources"]),
        "source_document": src["document"],
        "source_line": text(src["line"]),
        "source_section": text(src["section"]),
        # whose words summary..actor are: errcat's (never the vendor's); last, so that a reader of the columns by
        # their places before it was added reads them where they were
        "by": text(g.get("by")),
    }

"""JSON documents printed by the commands: a versioned envelope around plain records.

The keys are a contract (tests/test_contract.py pins them): add keys freely, never remove or
rename one without bumping ``FORMAT_VERSION`` in records.py.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ..catalog.core import Catalog
from ..model import Vendor
from ..query import ErrorGroup, LookupResult, SearchHit
from ..records import entry_record, envelope, guide_record

if TYPE_CHECKING:
    from ..explain import Explanation
    from ..explain.match import Candidate
    from ..index.maintenance import CacheEntry
    from ..index.store import CatalogIndex
    from ..stats import EndpointRow


def dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def group_record(catalog: Catalog | CatalogIndex, group: ErrorGroup) -> dict[str, Any]:
    return {
        "vendor": group.vendor,
        "title": group.title,
        "codes": group.codes,
        "names": group.names,
        "explanation": guide_record(group.guide),
        "entries": [entry_record(catalog, e, with_guide=False) for e in group.entries],
    }


def lookup_document(catalog: Catalog | CatalogIndex, result: LookupResult) -> dict[str, Any]:
    return envelope(
        "lookup",
        query=result.query,
        found=result.found,
        sections=[{"match": s.label, "errors": [group_record(catalog, g) for g in s.groups]} for s in result.sections],
        suggestions=list(result.suggestions),
    )


def search_document(catalog: Catalog | CatalogIndex, query: str, hits: list[SearchHit]) -> dict[str, Any]:
    return envelope("search", query=query, results=[{"score": h.score, **group_record(catalog, h.group)} for h in hits])


def list_document(catalog: Catalog | CatalogIndex, groups: list[ErrorGroup]) -> dict[str, Any]:
    return envelope("list", errors=[group_record(catalog, g) for g in groups])


def vendor_record(vendor: Vendor, counts: dict[str, int]) -> dict[str, Any]:
    return {
        "id": vendor.id,
        "name": vendor.name,
        "hosts": [h.value for h in vendor.hosts],
        "auth": [a.value for a in vendor.auth],
        "documents": list(vendor.documents),
        **counts,
    }


def candidate_record(c: Candidate) -> dict[str, Any]:
    e = c.entry
    return {
        "id": e.id,
        "vendor": e.vendor,
        "endpoint": e.endpoint,
        "methods": list(e.methods),
        "status": e.status,
        "code": e.code,
        "name": e.name,
        "message": e.message,
        "severity": e.severity,
        "score": c.score,
        "match": c.kind,
    }


def explain_document(catalog: Catalog | CatalogIndex, x: Explanation) -> dict[str, Any]:
    """The explain contract: vendor and evidence, the HTTP facts, and each error in body order."""
    ex = x.exchange
    meaning = x.status_meaning(catalog)
    errors = []
    for m, positions in x.folded():
        best = m.best
        errors.append(
            {
                "count": len(positions),
                "positions": [p + 1 for p in positions],
                "undecided_endpoints": x.undecided_endpoints(catalog, m),
                "observed": m.observed.record(),
                "match": m.kind,
                "confidence": m.confidence,
                "slots": m.slots,
                "matched_text": m.message if best else None,
                "candidates": [candidate_record(c) for c in m.candidates],
                "explanation": guide_record(catalog.guide_for(best.entry)) if best else None,
                "scenarios": [
                    {"id": e.id, "endpoint": e.endpoint, "methods": list(e.methods), "scenario": e.scenario}
                    for e in x.scenarios(catalog, m)
                ],
            }
        )
    return envelope(
        "explain",
        vendor=x.vendor,
        vendor_source=x.vendor_source,
        vendor_evidence=[c.record() for c in x.clues],
        http={
            "status": ex.status,
            "reason": ex.reason,
            "status_meaning": {"text": meaning[0], "description": meaning[1]} if meaning else None,
            "method": ex.method,
            "url": ex.url,
            "host": ex.host,
            "endpoint": x.endpoint,
        },
        errors=errors,
        total_errors=x.total_errors,
        all_matched=x.all_matched,
        redacted=x.redactions,
        redacted_kinds=dict(x.redacted_kinds),
        notes=list(x.notes),
    )


def vendors_document(rows: list[tuple[Vendor, dict[str, int]]]) -> dict[str, Any]:
    return envelope("vendors", vendors=[vendor_record(v, c) for v, c in rows])


def endpoints_document(rows: list[EndpointRow]) -> dict[str, Any]:
    from ..stats import parameter_record

    records = [
        {"vendor": r.vendor, "path": r.path, "methods": list(r.methods), "rows": r.rows, "description": r.description,
         "parameters": [parameter_record(p) for p in r.parameters]}
        for r in rows
    ]  # fmt: skip
    return envelope("endpoints", endpoints=records)


def cache_document(folder: str, files: list[CacheEntry]) -> dict[str, Any]:
    records = [
        {"path": str(c.path), "bytes": c.size, "entries": c.entries, "built_at": c.built_at, "current": c.current,
         "catalog_files": c.files}
        for c in files
    ]  # fmt: skip
    return envelope("cache", folder=folder, files=records)

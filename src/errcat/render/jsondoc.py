"""JSON documents printed by the commands: a versioned envelope around plain records.

The keys are a contract (tests/test_contract.py pins them): add keys freely, never remove or
rename one without bumping ``FORMAT_VERSION`` in documents.py.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ..documents import entry_fields, envelope, guide_record
from ..model import Vendor
from ..query import ErrorGroup, LookupResult, SearchHit
from ..text import json_visible

if TYPE_CHECKING:
    from ..index.maintenance import CacheEntry
    from ..stats import EndpointRow


def __getattr__(name: str) -> Any:
    """explain's records (built beside Explanation) from here as before, imported when asked: lookup's and search's
    JSON need none of the explainer, whose import was a third of `errcat lookup 25008 --format json`'s start-up."""
    if name in ("candidate_record", "explain_document"):
        from ..explainer import document

        return getattr(document, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def dumps(document: dict[str, Any]) -> str:
    """The document as JSON; control characters taken from the input stay JSON escapes."""
    return json_visible(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"


def group_record(group: ErrorGroup) -> dict[str, Any]:
    return {
        "vendor": group.vendor,
        "title": group.title,
        "codes": group.codes,
        "names": group.names,
        "explanation": guide_record(group.guide),
        "entries": [entry_fields(e) for e in group.entries],
    }


def lookup_document(result: LookupResult) -> dict[str, Any]:
    return envelope(
        "lookup",
        query=result.query,
        found=result.found,
        sections=[{"match": s.label, "errors": [group_record(g) for g in s.groups]} for s in result.sections],
        suggestions=list(result.suggestions),
        notes=list(result.notes),
    )


def search_document(query: str, hits: list[SearchHit]) -> dict[str, Any]:
    from ..gate import shown

    return envelope("search", query=shown(query), results=[{"score": h.score, **group_record(h.group)} for h in hits])


def list_document(groups: list[ErrorGroup]) -> dict[str, Any]:
    return envelope("list", errors=[group_record(g) for g in groups])


def vendor_record(vendor: Vendor, counts: dict[str, int]) -> dict[str, Any]:
    return {
        "id": vendor.id,
        "name": vendor.name,
        "hosts": [h.value for h in vendor.hosts],
        "auth": [a.value for a in vendor.auth],
        "documents": list(vendor.documents),
        **counts,
    }


def vendors_document(rows: list[tuple[Vendor, dict[str, int]]]) -> dict[str, Any]:
    return envelope("vendors", vendors=[vendor_record(v, c) for v, c in rows])


def endpoints_document(rows: list[EndpointRow]) -> dict[str, Any]:
    from ..stats import parameter_record

    records = [
        {"vendor": r.vendor, "path": r.path, "label": r.label, "methods": list(r.methods), "rows": r.rows,
         "description": r.description, "parameters": [parameter_record(p) for p in r.parameters], "quirks": list(r.quirks)}
        for r in rows
    ]  # fmt: skip
    return envelope("endpoints", endpoints=records)


def cache_document(folder: str, files: list[CacheEntry], problem: str | None = None) -> dict[str, Any]:
    records = [
        {"path": str(c.path), "bytes": c.size, "entries": c.entries, "built_at": c.built_at, "current": c.current,
         "used_at": c.used_at, "catalog_files": c.files}
        for c in files
    ]  # fmt: skip
    from ..fs import cache_disabled
    from ..index.cache import cache_keep

    return envelope(
        "cache",
        folder=folder,
        keep=cache_keep(),
        writable=problem is None,
        problem=problem,
        in_memory=cache_disabled(),
        files=records,
    )

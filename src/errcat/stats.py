"""Counts over the catalog, for `vendors`, `endpoints` and the reference index page."""

from __future__ import annotations

from collections import Counter

from .catalog.core import Catalog
from .errors import UsageError


def vendor_counts(catalog: Catalog, vendor: str) -> dict[str, int]:
    """Rows, distinct errors, warning rows and documented endpoints of one vendor."""
    rows = [e for e in catalog.entries if e.vendor == vendor]
    paths = {ep.path for ep in catalog.vendors[vendor].endpoints} | {e.endpoint for e in rows if e.endpoint}
    return {
        "rows": len(rows),
        "errors": len({e.guide_id for e in rows}),
        "warnings": sum(e.severity == "warning" for e in rows),
        "endpoints": len(paths),
    }


def endpoint_rows(catalog: Catalog, vendor: str | None = None) -> list[tuple[str, str, tuple[str, ...], int]]:
    """(vendor, path, methods, catalog rows) for every documented endpoint."""
    if vendor is not None and vendor.lower() not in catalog.vendors:
        raise UsageError(f"unknown vendor {vendor!r} (known: {', '.join(sorted(catalog.vendors))})")
    counts = Counter((e.vendor, e.endpoint) for e in catalog.entries if e.endpoint)
    out = []
    for vid in sorted(catalog.vendors):
        if vendor is not None and vid != vendor.lower():
            continue
        seen = set()
        for ep in catalog.vendors[vid].endpoints:
            seen.add(ep.path)
            out.append((vid, ep.path, ep.methods, counts.get((vid, ep.path), 0)))
        for (v, path), n in sorted(counts.items(), key=lambda kv: str(kv[0][1])):
            if v == vid and path not in seen and path is not None:
                out.append((vid, path, (), n))
    return out

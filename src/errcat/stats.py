"""Counts over the catalog, for `vendors`, `endpoints` and the reference index page."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, NamedTuple

from .catalog.core import Catalog
from .errors import check_vendor
from .model import Parameter

if TYPE_CHECKING:
    from .index.store import CatalogIndex


def vendor_counts(catalog: Catalog | CatalogIndex, vendor: str) -> dict[str, int]:
    """Documented rows, distinct errors, warning rows and endpoints of one vendor, and how many
    errors seen in the wild (observed) the catalog adds."""
    everything = [e for e in catalog.entries if e.vendor == vendor]
    rows = [e for e in everything if not e.observed]
    paths = {ep.path for ep in catalog.vendors[vendor].endpoints} | {e.endpoint for e in rows if e.endpoint}
    return {
        "rows": len(rows),
        "errors": len({e.guide_id for e in rows}),
        "warnings": sum(e.severity == "warning" for e in rows),
        "endpoints": len(paths),
        "observed": len(everything) - len(rows),
    }


class EndpointRow(NamedTuple):
    """One documented endpoint: its methods, how many catalog rows name it, and what the vendor says of it."""

    vendor: str
    path: str
    methods: tuple[str, ...]
    rows: int
    description: str | None = None
    parameters: tuple[Parameter, ...] = ()
    quirks: tuple[str, ...] = ()


def endpoint_rows(catalog: Catalog | CatalogIndex, vendor: str | None = None) -> list[EndpointRow]:
    """Every documented endpoint (with its query parameters), then paths only error rows name."""
    check_vendor(vendor, catalog.vendors)
    counts = Counter((e.vendor, e.endpoint) for e in catalog.entries if e.endpoint and not e.observed)
    out = []
    for vid in sorted(catalog.vendors):
        if vendor is not None and vid != vendor.lower():
            continue
        seen = set()
        for ep in catalog.vendors[vid].endpoints:
            seen.add(ep.path)
            out.append(
                EndpointRow(vid, ep.path, ep.methods, counts.get((vid, ep.path), 0), ep.description, ep.parameters, ep.quirks)
            )
        for (v, path), n in sorted(counts.items(), key=lambda kv: str(kv[0][1])):
            if v == vid and path not in seen and path is not None:
                out.append(EndpointRow(vid, path, (), n))
    return out


def parameter_record(p: Parameter) -> dict[str, object]:
    """A query parameter as the vendor documents it."""
    return {
        "name": p.name,
        "type": p.type,
        "description": p.description,
        "default": p.default,
        "values": list(p.values),
        "example": p.example,
    }


def parameter_text(p: Parameter) -> str:
    """``status (string; one of None | NotSubmitted | ...; default false)``."""
    facts = [p.type]
    if p.values:
        facts.append("one of " + " | ".join(p.values))
    if p.default is not None:
        facts.append(f"default {p.default}")
    if p.example:
        facts.append(f"e.g. {p.example}")
    return f"{p.name} ({'; '.join(facts)})"

"""Counts over the catalog, for `vendors`, `endpoints` and the reference index page."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, NamedTuple

from .errors import check_vendor
from .model import Entry, Parameter

if TYPE_CHECKING:
    from .index.store import CatalogIndex


def vendor_counts(index: CatalogIndex, vendor: str) -> dict[str, int]:
    """Documented rows, distinct errors, warning rows and endpoint paths of one vendor, the operation groups
    its document names instead of paths (``Clients (inferred)``, as ``errcat endpoints`` lists them), and how
    many errors seen in the wild (observed) the catalog adds."""
    everything = [e for e in index.entries if e.vendor == vendor]
    rows = [e for e in everything if not e.observed]
    paths = {ep.path for ep in index.vendors[vendor].endpoints} | {e.endpoint for e in rows if e.endpoint}
    return {
        "rows": len(rows),
        "errors": len({e.guide_id for e in rows}),
        "warnings": sum(e.severity == "warning" for e in rows),
        "endpoints": len(paths),
        "operation_groups": len({endpoint_label(e) for e in rows if not e.endpoint and e.resource}),
        "observed": len(everything) - len(rows),
    }


GENERIC = "(all endpoints)"  # the label of errors documented for no endpoint in particular


def endpoint_label(entry: Entry) -> str:
    """The endpoint an entry applies to, in words: its path, else the resource (and action) its
    document names, else ``(all endpoints)`` -- the sections of the reference pages."""
    if entry.endpoint:
        return entry.endpoint
    if entry.resource:
        return entry.resource + (f" — {entry.action}" if entry.action else "") + (" (inferred)" if entry.inferred else "")
    return GENERIC


class EndpointRow(NamedTuple):
    """One documented endpoint: its methods, how many catalog rows name it, and what the vendor says
    of it. A document that names resources, not paths, gives rows with no path; the errors of every
    endpoint give a row of their own (``label`` says which)."""

    vendor: str
    path: str | None
    methods: tuple[str, ...]
    rows: int
    description: str | None = None
    parameters: tuple[Parameter, ...] = ()
    quirks: tuple[str, ...] = ()
    label: str = ""  # the path, "Clients (inferred)", or "(all endpoints)"


def endpoint_rows(index: CatalogIndex, vendor: str | None = None) -> list[EndpointRow]:
    """Per vendor, as its reference page's Endpoints section: the errors of every endpoint, each
    documented endpoint (with its query parameters), paths only error rows name, then resources."""
    check_vendor(vendor, index.vendors)
    counts = Counter((e.vendor, e.endpoint, endpoint_label(e)) for e in index.entries if not e.observed)
    out = []
    for vid in sorted(index.vendors):
        if vendor is not None and vid != vendor.lower():
            continue
        mine = {(path, label): n for (v, path, label), n in counts.items() if v == vid}
        if (None, GENERIC) in mine:
            out.append(EndpointRow(vid, None, (), mine[(None, GENERIC)], label=GENERIC))
        seen = set()
        for ep in index.vendors[vid].endpoints:
            seen.add(ep.path)
            n = mine.get((ep.path, ep.path), 0)
            out.append(EndpointRow(vid, ep.path, ep.methods, n, ep.description, ep.parameters, ep.quirks, ep.path))
        for path, label in sorted((k for k in mine if k[0] is not None and k[0] not in seen), key=lambda k: k[1]):
            out.append(EndpointRow(vid, path, (), mine[(path, label)], label=label))
        for path, label in [k for k in mine if k[0] is None and k[1] != GENERIC]:  # in catalog order
            out.append(EndpointRow(vid, None, (), mine[(path, label)], label=label))
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

"""What an explanation's views show beside its matches (guides, vendor names and statuses, the rows
documenting each error), copied out of the index when the paste is explained: an Explanation is
plain data, so it renders, prints and serialises after its catalog is closed."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, NamedTuple

from ..model import Entry, Guide, Vendor

if TYPE_CHECKING:
    from ..index.store import CatalogIndex
    from .match import ErrorMatch


class Reference(NamedTuple):
    """The catalog facts an explanation's views read, and nothing else."""

    vendors: Mapping[str, Vendor]  # every catalogued vendor: names, documented status meanings
    guides: Mapping[str, Guide]  # by guide id: the guides of every candidate of every error
    rows: Mapping[str, tuple[Entry, ...]]  # by guide id: the rows documenting each best match's error


def reference_for(index: CatalogIndex, matches: Iterable[ErrorMatch]) -> Reference:
    """The facts the views of these matches need, read from ``index`` now (a handful of indexed
    reads: one per distinct guide, each cached by the index)."""
    guides: dict[str, Guide] = {}
    rows: dict[str, tuple[Entry, ...]] = {}
    for m in matches:
        for c in m.candidates:
            gid = c.entry.guide_id
            if gid not in guides and (g := index.guide_for(c.entry)) is not None:
                guides[gid] = g
        best = m.best
        if best is not None and best.entry.guide_id not in rows:
            rows[best.entry.guide_id] = tuple(index.by_guide.get(best.entry.guide_id, [best.entry]))
    return Reference(index.vendors, guides, rows)

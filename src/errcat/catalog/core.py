"""The loaded catalog: vendors, entries, guides and templates, with the indexes lookups need."""

from collections import defaultdict
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

from ..model import Entry, Guide, Template, Vendor

if TYPE_CHECKING:
    pass


class Location(NamedTuple):
    """Where a record was defined: display file name, line, and catalog layer (0 = built-in)."""

    file: str
    line: int
    layer: int = 0

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


class Catalog:
    """Everything errcat knows. Build one with ``errcat.load_catalog()``.

    Compared by identity, so a catalog is hashable and can key caches.
    """

    def __init__(
        self,
        vendors: dict[str, Vendor],
        entries: tuple[Entry, ...],
        guides: dict[str, Guide],
        templates: dict[tuple[str, str], Template] | None = None,
        where: dict[tuple[str, str], Location] | None = None,
    ):
        self.vendors = vendors
        self.entries = entries
        self.guides = guides
        self.templates = templates if templates is not None else {}
        self.where = where if where is not None else {}

    def __repr__(self) -> str:
        return f"Catalog({len(self.vendors)} vendors, {len(self.entries)} entries)"

    @cached_property
    def by_id(self) -> dict[str, Entry]:
        return {e.id: e for e in self.entries}

    @cached_property
    def by_guide(self) -> dict[str, list[Entry]]:
        groups: dict[str, list[Entry]] = defaultdict(list)
        for e in self.entries:
            groups[e.guide_id].append(e)
        return dict(groups)

    def guide_for(self, entry: Entry) -> Guide | None:
        """The shared explanation of an entry's error."""
        return self.guides.get(entry.guide_id)

    def location(self, kind: str, key: str) -> Location | None:
        """Where an entry/guide was defined, for file:line messages."""
        return self.where.get((kind, key))

"""The whole catalog as one machine-readable document (JSON, YAML or CSV), one record per entry."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from .records import entry_record, envelope, flat_row

if TYPE_CHECKING:
    from .index.store import CatalogIndex

FORMATS = ("json", "yaml", "csv")


def export_text(index: CatalogIndex, fmt: str, vendor: str | None = None, documented_only: bool = False) -> str:
    """Every entry (of ``vendor``, if given; documented ones only, if asked) with its explanation
    and provenance, as ``fmt``."""
    from .errors import check_vendor

    check_vendor(vendor, index.vendors)
    records = [
        entry_record(index, e)
        for e in index.entries
        if (vendor is None or e.vendor == vendor.lower()) and not (documented_only and e.observed)
    ]
    if fmt == "csv":
        import csv

        rows = [flat_row(r) for r in records]
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]) if rows else ["id"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return buffer.getvalue()
    from .legend import legend

    document = envelope("export", legend=legend(), entries=records)
    if fmt == "yaml":
        import yaml

        return str(yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100_000))
    from .render.jsondoc import dumps

    return dumps(document)

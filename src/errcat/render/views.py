"""Every command's result in every format, named: the CLI asks for a view, never builds one.

A JSON view is a versioned document (jsondoc), a markdown view a report (markdown), a table view
text lines that console.py styles on a terminal and prints plain when piped (text). Every view is
a function of the result alone: results carry what views show (guides, vendor names, scenarios). Each function
imports only the module its format needs, so start-up stays lean.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..explainer import Explanation
    from ..index.maintenance import CacheEntry
    from ..model import Vendor
    from ..query import ErrorGroup, LookupResult, SearchHit
    from ..scan import ScanReport
    from ..stats import EndpointRow

View = str | list[Any]  # a document to print as is, or text lines to print (styled on a terminal)


def lookup_view(fmt: str, result: LookupResult, full: bool = False) -> View:
    if fmt == "json":
        from .jsondoc import dumps, lookup_document

        return dumps(lookup_document(result))
    if fmt == "markdown":
        from .markdown import lookup_markdown

        return lookup_markdown(result)
    from .text import lookup_lines

    return lookup_lines(result, full)


def search_view(fmt: str, text: str, hits: list[SearchHit]) -> View:
    if fmt == "json":
        from .jsondoc import dumps, search_document

        return dumps(search_document(text, hits))
    if fmt == "markdown":
        from .markdown import search_markdown

        return search_markdown(text, hits)
    from .text import search_lines

    return search_lines(hits)


def list_view(fmt: str, groups: list[ErrorGroup]) -> View:
    if fmt == "json":
        from .jsondoc import dumps, list_document

        return dumps(list_document(groups))
    if fmt == "markdown":
        from .markdown import list_markdown

        return list_markdown(groups)
    from .text import list_lines

    return list_lines(groups)


def explain_view(fmt: str, x: Explanation) -> View:
    if fmt == "json":
        from .jsondoc import dumps, explain_document

        return dumps(explain_document(x))
    if fmt == "markdown":
        from .markdown import explain_markdown

        return explain_markdown(x)
    from .text import explain_lines

    return explain_lines(x)


def scan_view(fmt: str, report: ScanReport, top: int, everything: bool = False) -> View:
    """``everything``: list other programs' errors too (JSON always does; text counts them on one line)."""
    if fmt == "json":
        from .jsondoc import dumps
        from .scan import scan_document

        return dumps(scan_document(report, top))
    if fmt == "markdown":
        from .scan import scan_markdown

        return scan_markdown(report, top, everything)
    from .scan import scan_lines

    return scan_lines(report, top, everything)


def vendors_view(fmt: str, rows: list[tuple[Vendor, dict[str, int]]]) -> View:
    if fmt == "json":
        from .jsondoc import dumps, vendors_document

        return dumps(vendors_document(rows))
    if fmt == "markdown":
        from .markdown import vendors_markdown

        return vendors_markdown(rows)
    from .text import vendor_lines

    return vendor_lines(rows)


def endpoints_view(fmt: str, rows: list[EndpointRow]) -> View:
    if fmt == "json":
        from .jsondoc import dumps, endpoints_document

        return dumps(endpoints_document(rows))
    if fmt == "markdown":
        from .markdown import endpoints_markdown

        return endpoints_markdown(rows)
    from .text import endpoint_lines

    return endpoint_lines(rows)


def cache_view(fmt: str, folder: str, files: list[CacheEntry], problem: str | None = None) -> View:
    if fmt == "json":
        from .jsondoc import cache_document, dumps

        return dumps(cache_document(folder, files, problem))
    if fmt == "markdown":
        from .markdown import cache_markdown

        return cache_markdown(folder, files)
    from .text import cache_lines

    return cache_lines(folder, files, problem)


def export_view(fmt: str, document: dict[str, Any]) -> str:
    """The export document (``ErrorCatalog.export``) as JSON, YAML, or CSV (one flat row per entry)."""
    if fmt == "csv":
        import csv
        import io

        from ..documents import flat_row

        rows = [flat_row(r) for r in document["entries"]]
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]) if rows else ["id"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return buffer.getvalue()
    if fmt == "yaml":
        import yaml

        return str(yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100_000))
    from .jsondoc import dumps

    return dumps(document)

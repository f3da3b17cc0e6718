"""Human-readable views as lines of (text, style) segments: printed plain when piped, styled by
console.py on a terminal. No terminal library here, so one layout serves both."""

from __future__ import annotations

from ..catalog.core import Catalog
from ..model import Entry, Vendor
from ..query import ErrorGroup, LookupResult, SearchHit

Segment = tuple[str, str | None]
Line = list[Segment]


def where(entry: Entry) -> str:
    """The endpoint an entry applies to, in words."""
    if entry.endpoint:
        return entry.endpoint
    if entry.resource:
        return entry.resource + (f" — {entry.action}" if entry.action else "") + (" (inferred)" if entry.inferred else "")
    return "(all endpoints)"


def group_lines(catalog: Catalog, group: ErrorGroup, label: str | None = None) -> list[Line]:
    """One error: title, our explanation, and each row where it is documented."""
    vendor = catalog.vendors.get(group.vendor)
    lines: list[Line] = []
    head: Line = [(group.title, "bold cyan")]
    if vendor:
        head.append((f"  {vendor.name}", "dim"))
    if label:
        head.append((f"  [by {label}]", "magenta"))
    lines.append(head)
    g = group.guide
    if g:
        lines.append([("  ", None), (g.summary, "bold")])
        for cause in g.causes:
            lines.append([("  cause: ", "dim"), (cause, None)])
        lines.append([("  fix:   ", "green"), (g.fix, None)])
        lines.append([("  retry: ", "yellow"), (g.retry, None), ("   who acts: ", "yellow"), (g.actor, None)])
    lines.append([(f"  documented in {len(group.entries)} row(s):", "dim")])
    for e in group.entries:
        methods = ",".join(e.methods) or "-"
        sev = e.severity or "(no severity)"
        lines.append(
            [("  - ", None), (f"{e.status} ", "bold"), (f"{methods:<16} ", None), (where(e), "cyan"), (f"  {sev}", "dim")]
        )
        if e.message is not None:
            lines.append([("      message:  ", "dim"), (e.message, None)])
        lines.append([("      scenario: ", "dim"), (e.scenario, None)])
        if e.details:
            lines.append([("      details:  ", "dim"), (e.details, None)])
        src = f"{e.source.document}:{e.source.line}" if e.source.line else e.source.document
        lines.append([("      id: ", "dim"), (e.id, None), ("   source: ", "dim"), (src, None)])
    return lines


def lookup_lines(catalog: Catalog, result: LookupResult) -> list[Line]:
    lines: list[Line] = []
    labelled = len(result.sections) > 1
    for section in result.sections:
        if labelled:
            lines.append([(f"== {result.query} as {section.label} ({len(section.groups)} error(s)) ==", "bold magenta")])
        for group in section.groups:
            lines += group_lines(catalog, group)
            lines.append([])
    return lines


def search_lines(catalog: Catalog, hits: list[SearchHit]) -> list[Line]:
    lines: list[Line] = []
    for rank, hit in enumerate(hits, start=1):
        g = hit.group
        first = g.entries[0]
        lines.append([(f"{rank:>2}. ", "dim"), (g.title, "bold cyan"), (f"  score {hit.score:g}", "dim")])
        if g.guide:
            lines.append([("    ", None), (g.guide.summary, None)])
        if first.message:
            lines.append([("    message: ", "dim"), (first.message, None)])
        lines.append([(f"    {len(g.entries)} row(s); first: {first.id}", "dim")])
    return lines


def list_lines(catalog: Catalog, groups: list[ErrorGroup]) -> list[Line]:
    lines: list[Line] = []
    for group in groups:
        statuses = "/".join(str(s) for s in sorted({e.status for e in group.entries}))
        summary = group.guide.summary if group.guide else ""
        lines.append(
            [(f"{statuses:<7} ", "bold"), (group.title, "cyan"), (f"  ({len(group.entries)} rows)  ", "dim"), (summary, None)]
        )
    return lines


def vendor_lines(rows: list[tuple[Vendor, dict[str, int]]]) -> list[Line]:
    lines: list[Line] = []
    for vendor, counts in rows:
        lines.append([(f"{vendor.id:<14} ", "bold cyan"), (vendor.name, None)])
        lines.append(
            [
                (
                    f"               {counts['rows']} rows, {counts['errors']} errors, {counts['warnings']} warning rows, "
                    f"{counts['endpoints']} endpoints",
                    "dim",
                )
            ]
        )
    return lines


def endpoint_lines(rows: list[tuple[str, str, tuple[str, ...], int]]) -> list[Line]:
    return [
        [(f"{vendor:<14} ", "cyan"), (f"{','.join(methods) or '-':<22} ", None), (path, "bold"), (f"  {count} rows", "dim")]
        for vendor, path, methods, count in rows
    ]


def plain(lines: list[Line]) -> str:
    """The lines as plain text."""
    return "\n".join("".join(text for text, _ in line).rstrip() for line in lines) + ("\n" if lines else "")

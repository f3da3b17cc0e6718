"""GitHub-flavoured markdown: escaping, tables, and the views of errors shared by every command
that prints markdown (lookup, search, list, and the reference pages of `errcat docs`)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..gate import shown
from ..model import Citation, Entry, Guide, Vendor
from ..query import ErrorGroup, LookupResult, SearchHit
from .text import claim_labels, group_sources, rating_label, retry_of, undecided_words, where

if TYPE_CHECKING:
    from ..explainer import Explanation
    from ..explainer.match import ErrorMatch
    from ..index.maintenance import CacheEntry
    from ..stats import EndpointRow

_INLINE_SPECIALS = re.compile(r"([\\`*_\[\]|~#!])")


def escape(text: str) -> str:
    """Text shown literally by a markdown renderer: no emphasis, links, code spans or HTML."""
    text = _INLINE_SPECIALS.sub(r"\\\1", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text


class Raw(str):
    """Markdown that is already formatted (a link, say): put in a cell as it is."""


def cell(value: object) -> str:
    """A table cell: escaped, one line (line breaks become <br>), empty for None."""
    if value is None:
        return ""
    if isinstance(value, Raw):
        return str(value)
    text = escape(str(value))
    return "<br>".join(part.strip() for part in text.splitlines()) if "\n" in text or "\r" in text else text


def table(headers: list[str], rows: list[list[object]]) -> str:
    """A GFM table."""
    out = ["| " + " | ".join(cell(h) for h in headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    out += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(out) + "\n"


ROW_HEADERS = ["Endpoint", "Method(s)", "Scenario", "Status", "Code", "Name", "Message", "Severity"]


def row_cells(entry_where: str, e: Entry) -> list[object]:
    status = e.source.status_text or e.status  # as the document prints it: "504 Timeout"
    return [entry_where, ", ".join(e.methods), e.scenario, status, e.code, e.name, e.message, e.vendor_severity or e.severity]


def guide_claims(g: Guide, sources: tuple[Citation, ...], name: str) -> str:
    """Meaning, likely causes and fix; for an observed error each claim says who makes it."""
    said, why, fixed = claim_labels(g, sources, name)
    causes = "\n".join(f"- {escape(c)}{escape(w)}" for c, w in zip(g.causes, why, strict=True))
    return f"{escape(g.summary)}{escape(said)}\n\n**Likely causes**\n\n{causes}\n\n**Fix:** {escape(g.fix)}{escape(fixed)}\n"


def explanation(group: ErrorGroup) -> str:
    """Our explanation of an error as a short markdown block."""
    g = group.guide
    if g is None:
        return "_No explanation in the catalog._\n"
    claims = guide_claims(g, group_sources(group), group.vendor_name or group.vendor)
    return f"{claims}\n**Retry:** `{g.retry}` · **Who acts:** {g.actor}{escape(rating_label(g))}\n"


def group_markdown(group: ErrorGroup, level: int = 3) -> str:
    heading = "#" * level + " " + escape(group.title)
    rows = [row_cells(where(e), e) for e in group.entries]
    seen = ""
    if group.entries[0].observed:  # never shown as the vendor's word
        urls = dict.fromkeys(c.url for e in group.entries for c in e.sources)
        seen = "**Observed in the wild — not in the vendor's error document.** Seen in: "
        seen += ", ".join(f"<{u}>" for u in urls) + "\n\n"
    return f"{heading}\n\n{seen}{explanation(group)}\n{table(ROW_HEADERS, rows)}"


def lookup_markdown(result: LookupResult) -> str:
    parts = [f"## errcat lookup: {escape(result.query)}\n"]
    for section in result.sections:
        if len(result.sections) > 1:
            parts.append(f"### As {section.label}\n")
        parts += [group_markdown(g, level=4 if len(result.sections) > 1 else 3) for g in section.groups]
    if result.found:
        parts += [f"> {escape(note)}\n" for note in result.notes]
    else:
        parts.append(
            "Nothing found."
            + (" Did you mean: " + ", ".join(escape(s) for s in result.suggestions) if result.suggestions else "")
            + "\n"
            + "".join(f"\n{escape(note)}\n" for note in result.notes)
        )
    return "\n".join(parts)


def _title(group: ErrorGroup) -> str:
    return group.title + (" (observed in the wild, not documented)" if group.entries[0].observed else "")


def search_markdown(query: str, hits: list[SearchHit]) -> str:
    rows = [
        [i, _title(h.group), h.group.guide.summary if h.group.guide else "", len(h.group.entries), h.score]
        for i, h in enumerate(hits, start=1)
    ]
    return f"## errcat search: {escape(shown(query))}\n\n" + table(["#", "Error", "Summary", "Rows", "Score"], rows)


def list_markdown(groups: list[ErrorGroup]) -> str:
    rows = [
        [
            "/".join(str(s) for s in sorted({e.status for e in g.entries})),
            _title(g),
            g.guide.summary if g.guide else "",
            len(g.entries),
        ]
        for g in groups
    ]
    return table(["Status", "Error", "Summary", "Rows"], rows)


def explain_markdown(x: Explanation) -> str:
    """An explanation as a markdown report, for pasting into a ticket."""
    parts = ["## errcat explain\n", table(["", ""], [[Raw(f"**{escape(str(k))}**"), v] for k, v in _explain_facts(x)])]
    parts += [f"> {escape(n)}\n" for n in x.notes]
    for m, positions in x.folded():
        parts += _error_markdown(x, m, positions)
    return "\n".join(parts)


def _explain_facts(x: Explanation) -> list[list[object]]:
    """The table at the top: vendor and evidence, the request, the status, the secrets hidden."""
    from .text import evidence_summary, recording_words, redaction_summary

    ex = x.exchange
    name = x.vendor_name()
    facts: list[list[object]] = [
        ["Vendor", f"{name} ({x.vendor})" if name else "unknown"],
        ["Evidence", evidence_summary(x)],
    ]
    recorded = recording_words(x)
    if recorded:  # several exchanges: not the first one's request and status as if they were all
        facts.append(["Requests", recorded[0]])
        if recorded[1]:
            facts.append(["Statuses", recorded[1]])
    elif ex.method or ex.url:
        facts.append(["Request", " ".join(p for p in (ex.method, ex.url) if p)])
    if x.endpoint:
        facts.append(["Documented endpoint", x.endpoint])
    meaning = x.status_meaning()
    if ex.status is not None and not recorded:
        facts.append(["Status", f"{ex.status} {meaning[0]}" if meaning else str(ex.status)])
    if x.redactions:
        facts.append(["Secrets", redaction_summary(x)])
    return facts


def _error_markdown(x: Explanation, m: ErrorMatch, positions: tuple[int, ...]) -> list[str]:
    """One distinct error: what the paste said, what it matched, the other candidates."""
    from .text import confidence_words, fold_label, kind_words, sent_summary, status_retry_words

    label = fold_label("Error", positions, len(x.errors))
    parts = [f"### {escape(label)}: {escape(kind_words(m))} {confidence_words(m)}".rstrip() + "\n"]
    obs = m.sent
    parts.append(f"Observed: {escape(sent_summary(obs))}\n")
    if obs.message is not None:
        parts.append(f"Message: {escape(obs.message)}\n")
    if m.best is not None:
        parts += _matched_markdown(x, m)
    elif (said := x.status_retry(m)) is not None:
        parts.append(f"**Retry:** {escape(status_retry_words(x, m, *said, x.quota_spent(m)))}\n")
    heading = "Other candidates" if m.best is not None else "Nearest entries (not a match)"
    rest = m.candidates[1:] if m.best is not None else m.candidates
    if rest:
        rows: list[list[object]] = [
            [c.entry.id, c.kind, c.score, c.entry.status, c.entry.code, c.entry.message] for c in rest[:5]
        ]
        parts.append(f"{heading}:\n\n" + table(["Entry", "Match", "Score", "Status", "Code", "Message"], rows))
    return parts


def _matched_markdown(x: Explanation, m: ErrorMatch) -> list[str]:
    """The entry an error matched: its slots, provenance, our explanation and where it is documented."""
    from .text import provenance_words

    assert m.best is not None
    e = m.best.entry
    parts = []
    if m.slots:
        parts.append("Slots: " + ", ".join(f"{escape(k)} = {escape(v)}" for k, v in m.slots.items()) + "\n")
    g = x.guide_of(e)
    name = x.vendor_name(e.vendor) or e.vendor
    if e.observed:
        parts.append(f"**{escape(_sentence(provenance_words(name, e, g)))}:**\n")
        cited = (f"- <{c.url}>" + f" ({escape(', '.join(p for p in (c.kind, c.date, c.note) if p))})" for c in e.sources)
        parts.append("\n".join(cited) + "\n")
        parts += [f"> {escape(q)}\n" for q in e.quirks]
    if g:
        said = claim_labels(g, e.sources, name)[0]
        parts.append(f"**{escape(g.summary)}**{escape(said)}\n")
    undecided = x.undecided_endpoints(m)
    if undecided:
        parts.append(f"{escape(_sentence(undecided_words(x, m, undecided)))}.\n")
    parts.append(table(ROW_HEADERS, [row_cells(where(s), s) for s in x.scenarios(m)]))
    if g:
        _, why, fixed = claim_labels(g, e.sources, name)
        causes = "\n".join(f"- {escape(c)}{escape(w)}" for c, w in zip(g.causes, why, strict=True))
        parts.append(f"**Likely causes**\n\n{causes}\n")
        parts.append(
            f"**Fix:** {escape(g.fix)}{escape(fixed)}\n\n**Retry:** {escape(retry_of(x, g, m))} · **Who acts:** {escape(g.actor)}"
            f"{escape(rating_label(g))}\n"
        )
    return parts


def vendors_markdown(rows: list[tuple[Vendor, dict[str, int]]]) -> str:
    return table(
        ["Vendor", "Name", "Rows", "Errors", "Warning rows", "Endpoint paths", "Operation groups"],
        [[v.id, v.name, c["rows"], c["errors"], c["warnings"], c["endpoints"], c["operation_groups"]] for v, c in rows],
    )


def endpoints_markdown(rows: list[EndpointRow]) -> str:
    from ..stats import parameter_text

    cells: list[list[object]] = [
        [r.vendor, r.label, ", ".join(r.methods), r.rows, r.description or "", "; ".join(parameter_text(p) for p in r.parameters)]
        for r in rows
    ]
    headers = ["Vendor", "Endpoint", "Methods", "Rows", "Returns", "Query parameters"]
    if any(r.quirks for r in rows):
        headers.append("Quirks of the document")
        for row, r in zip(cells, rows, strict=True):
            row.append("; ".join(r.quirks))
    return table(headers, cells)


def cache_markdown(folder: str, files: list[CacheEntry]) -> str:
    """`errcat cache info -f markdown`: the folder, then a table of its index files."""
    from ..fs import NO_CACHE_ENV, cache_disabled
    from ..index.cache import KEEP_ENV, cache_keep
    from .text import cache_state, local_time

    head = (
        f"Cache folder: {escape(folder)} (keeps the {cache_keep()} most recently used indexes, {KEEP_ENV}; "
        "older ones are deleted)\n\n"
    )
    if cache_disabled():
        head += f"{NO_CACHE_ENV} is set: every command builds its index in memory; the files here are not used.\n\n"
    if not files:
        return head + ("" if cache_disabled() else "No index files yet (the next lookup builds one).\n")
    rows: list[list[object]] = [
        [f.path.name, f"{f.size:,}", "?" if f.entries is None else f"{f.entries:,}", local_time(f.built_at),
         local_time(f.used_at), cache_state(f), "\n".join(f.files)]
        for f in files
    ]  # fmt: skip
    return head + table(["Index file", "Bytes", "Entries", "Built", "Last used", "State", "Catalog files"], rows)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]

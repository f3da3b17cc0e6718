"""One vendor's reference page, built for a reader with an error in hand: a narrow lookup table
(status, code, name, message) at the top, then one section per error (meaning, causes, fix, retry,
who acts, the endpoints that raise it, a sample response), then the endpoints and where the facts
come from. Columns a vendor never fills are left out; every documented message appears verbatim."""

from __future__ import annotations

from collections import defaultdict

from ..index.store import CatalogIndex
from ..model import Entry, Vendor
from ..query import ErrorGroup, group_entries
from ..render.markdown import Raw, cell, escape, guide_claims, table
from ..render.text import group_sources, rating_label, where
from ..stats import EndpointRow, endpoint_rows, vendor_counts
from .parts import (
    CELL_CHARS,
    GENERATED_NOTE,
    breakable,
    endpoint_anchor,
    group_anchor,
    headings,
    identity,
    link,
    messages,
    sample_response,
    shorten,
    source_markdown,
    statuses,
)

LEGEND = "index.md#legend"


def _endpoint_key(e: Entry) -> str | None:
    """The section an entry belongs to: its endpoint (or inferred resource), None for all endpoints."""
    label = where(e)
    return None if label == "(all endpoints)" else label


def _endpoint_title(key: str | None) -> str:
    return "All endpoints (generic errors)" if key is None else key


def _message_names(group: ErrorGroup, message: str | None, codes: list[str], names: str) -> str:
    """The names that come with this message in the catalog, where a code shares several (MYOB's
    ErrorCode 100 is Required on every row but one, QuantityRequired with "BillQuantity is required"):
    a row must not pair a message with a name no row gives it. The group's names otherwise."""
    said = dict.fromkeys(e.name for e in group.entries if e.message == message and e.name and e.name not in codes)
    return " / ".join(said) if said and message is not None else names


def _find_table(groups: list[ErrorGroup]) -> str:
    """Status, code, name, message: one row per documented message, linked to the error's section;
    a column no error of this vendor fills is left out."""
    rows: list[tuple[int, list[object]]] = []
    for g in groups:
        frag = group_anchor(g)
        shown: list[str | None] = [*messages(g)] or [None]
        codes, other = g.labels()
        code, names = " / ".join(codes), " / ".join(other)
        code_cell = Raw(link(code, f"#{frag}", narrow=True)) if code else ""  # the same in each message's row
        names_cell = Raw(link(names, f"#{frag}", narrow=True) if names and not code else breakable(names))
        status, first = statuses(g), min(e.status for e in g.entries)  # once a group, not once a message
        for message in shown:
            text = shorten(message, CELL_CHARS) if message is not None else None
            label = code or names or text or f"({shorten(g.entries[0].scenario, CELL_CHARS)})"
            cells: list[object] = [
                status,
                code_cell,
                Raw(breakable(_message_names(g, message, codes, names))) if code and len(other) > 1 else names_cell,
                Raw(link(label, f"#{frag}", narrow=True) if not code and not names else breakable(text or "")),
            ]
            rows.append((first, cells))
    rows.sort(key=lambda r: r[0])  # stable: catalog order within a status
    headers = ["Status", "Code", "Name", "Message"]
    keep = [i for i in range(len(headers)) if i in (0, 3) or any(str(r[1][i]) for r in rows)]
    return table([headers[i] for i in keep], [[r[1][i] for i in keep] for r in rows])


def _status_line(group: ErrorGroup) -> str:
    g = group.guide
    severities = sorted({e.vendor_severity or e.severity or "" for e in group.entries} - {""})
    parts = []
    written = sorted({e.source.status_text for e in group.entries if e.source.status_text})
    if written:
        parts.append("Status as documented: " + " / ".join(escape(s) for s in written))
    if severities:
        parts.append("severity " + " / ".join(escape(s) for s in severities))
    if g is not None:
        parts.append(f"retry [`{g.retry}`]({LEGEND})")
        parts.append(f"who acts: [{escape(g.actor)}]({LEGEND}){escape(rating_label(g))}")
    return " · ".join(parts) + "\n"


def _raised_by(group: ErrorGroup) -> str:
    """Where the error is documented: each scenario once, with its methods and the endpoints
    (linked to their sections) that raise it."""
    places: dict[tuple[str, str], list[str]] = defaultdict(list)
    for e in group.entries:
        key = _endpoint_key(e)
        places[(", ".join(e.methods), e.scenario)].append(link(_endpoint_title(key), f"#{endpoint_anchor(key)}"))
    lines = []
    for (methods, scenario), endpoints in places.items():
        verbs = f"`{methods}` " if methods else ""
        lines.append(f"- {verbs}{escape(scenario)}: " + ", ".join(dict.fromkeys(endpoints)))
    return (
        f"**Raised by** ({len(group.entries)} documented row{'s' if len(group.entries) != 1 else ''}):\n\n"
        + "\n".join(lines)
        + "\n"
    )


def _details(entries: tuple[Entry, ...]) -> list[str]:
    """What the document prints beside the message: LearnMore, and the defects a reader finds
    (quirks), each once."""
    out = []
    links = sorted({e.learn_more for e in entries if e.learn_more})
    if links:
        out.append("LearnMore: " + "; ".join(f"`{s}`" if "`" not in s else cell(s) for s in links) + "\n")
    quirks = list(dict.fromkeys(q for e in entries for q in e.quirks))
    if quirks:
        out.append("Quirks of the document:\n\n" + "\n".join(f"- {escape(q)}" for q in quirks) + "\n")
    return out


def _message_block(group: ErrorGroup) -> str:
    said = messages(group)
    if not said and group.entries[0].observed:
        return "No message was seen with it; its code or name identifies it.\n"
    if not said:
        return "No message is documented for this error; the status and the reason above identify it.\n"
    shown = [f"`{m}`" if "`" not in m and m.strip() == m and m else cell(m) for m in said]
    if len(shown) == 1:
        return f"**Message:** {shown[0]}\n"
    return "**Messages** (one per documented row):\n\n" + "\n".join(f"- {m}" for m in shown) + "\n"


SharedCodes = dict[str, list[ErrorGroup]]


def _shared_codes(groups: list[ErrorGroup]) -> SharedCodes:
    """Each code that errors with different messages carry, with those errors (MYOB's 100, ProSpend's
    BAD_REQUEST): a reader holding only the code must learn it names none of them alone."""
    by_code: SharedCodes = defaultdict(list)
    for g in groups:
        for code in g.codes:
            by_code[code].append(g)
    said = {id(g): tuple(messages(g)) for g in groups}  # once a group: one of 8,000 codes re-read all 8,000 rows
    return {code: gs for code, gs in by_code.items() if len({said[id(g)] for g in gs}) > 1}


def _shared_code_note(group: ErrorGroup, shared: SharedCodes, titles: dict[str, str]) -> str:
    kind = "errors seen in the wild" if group.observed else "documented errors"
    notes = []
    for code in group.codes:
        others = [g for g in shared.get(code, []) if g is not group]
        if not others:
            continue
        links = ", ".join(link(shorten(titles[group_anchor(g)], 60), f"#{group_anchor(g)}") for g in others[:8])
        more = f" and {len(others) - 8} more" if len(others) > 8 else ""
        notes.append(
            f"**Shared code:** {len(others) + 1} {kind} carry code `{code}`, each with its own message;"
            f" the code alone does not say which one was sent, the message does. The others: {links}{more}.\n"
        )
    return "\n".join(notes)


def _error_section(vendor: Vendor, group: ErrorGroup, heading: str, shared: SharedCodes, titles: dict[str, str]) -> str:
    g = group.guide
    out = [f'<a id="{group_anchor(group)}"></a>\n\n### {escape(heading)}\n', _status_line(group)]
    if g is None:
        out.append("_No explanation in the catalog._\n")
    else:
        out.append(guide_claims(g, group_sources(group), vendor.name))
    out.append(_message_block(group))
    if note := _shared_code_note(group, shared, titles):
        out.append(note)
    out.append(_raised_by(group))
    sample = next((s for s in (sample_response(vendor, e) for e in group.entries) if s), None)
    if sample is not None:
        name, body = sample
        out.append(f"<details><summary>Sample response ({escape(name)})</summary>\n\n```json\n{body}\n```\n\n</details>\n")
    out += _details(group.entries)
    return "\n".join(out)


def _observed_sections(catalog: CatalogIndex, vendor: Vendor, seen: list[Entry]) -> list[str]:
    """Errors the vendor's documents do not list but public reports show, kept apart from the
    documented ones: each with its sources, the sample as seen, and what we had to assume."""
    groups = sorted(group_entries(catalog, seen), key=lambda g: min(e.status for e in g.entries))
    titles = headings(groups)
    shared = _shared_codes(groups)
    out = [
        '<a id="observed-in-the-wild"></a>\n\n## Observed in the wild — not in the vendor\'s error document\n',
        f"{len(seen)} errors not in {escape(vendor.name)}'s error document, each seen in public material (issue threads,"
        " SDK recordings and code, the vendor's own web pages). The explanations are ours, from what those sources"
        " say; how well each is established is given with it. `errcat explain` labels these matches `observed`,"
        " never as documented, and `--documented-only` leaves them out.\n",
        _find_table(groups),
    ]
    for group in groups:
        g = group.guide
        known = f" · established: {escape(g.established.replace('-', ' '))}" if g and g.established else ""
        section = [f'<a id="{group_anchor(group)}"></a>\n\n### {escape(titles[group_anchor(group)])}\n']
        section.append(_status_line(group).rstrip("\n") + known + "\n")
        if g is not None:
            section.append(guide_claims(g, group_sources(group), vendor.name))
        section.append(_message_block(group))
        if note := _shared_code_note(group, shared, titles):
            section.append(note)
        for e in group.entries:
            cites = "\n".join(f"- <{c.url}> ({', '.join(escape(p) for p in (c.kind, c.date, c.note) if p)})" for c in e.sources)
            section.append(f"**When:** {escape(e.scenario)}\n\n**Seen in:**\n\n{cites}\n")
            fence = "~~~~" if "```" in (e.sample or "") else "```"
            section.append(f"<details><summary>As seen (verbatim)</summary>\n\n{fence}\n{e.sample}\n{fence}\n\n</details>\n")
        quirks = list(dict.fromkeys(q for e in group.entries for q in e.quirks))
        if quirks:
            section.append("What the sources leave open:\n\n" + "\n".join(f"- {escape(q)}" for q in quirks) + "\n")
        out.append("\n".join(section))
    return out


def _endpoint_sections(catalog: CatalogIndex, vendor: Vendor, rows: list[Entry], groups: list[ErrorGroup]) -> list[str]:
    by_key: dict[str | None, list[Entry]] = defaultdict(list)
    for e in rows:
        by_key[_endpoint_key(e)].append(e)
    documented = {r.path: r for r in endpoint_rows(catalog, vendor.id) if r.path is not None}
    keys = sorted(by_key, key=lambda k: (k is not None, not (k or "").startswith("/")))
    keys += [p for p in documented if p not in by_key]  # documented endpoints no error row names
    # each error's cell once a group: its identity reads all its rows (8,000 rows of one guide: O(n^2) per row)
    error_cell: dict[str, str] = {}
    for g in groups:
        cell = link(shorten(identity(g), 60), f"#{group_anchor(g)}", narrow=True)
        error_cell.update((e.id, cell) for e in g.entries)
    any_methods = any(e.methods for e in rows)
    out = []
    for key in keys:
        title = _endpoint_title(key)
        out.append(f'<a id="{endpoint_anchor(key)}"></a>\n\n### {escape(title)}\n')
        info = documented.get(key or "")
        if info is not None and (info.methods or info.description):
            verbs = f"`{', '.join(info.methods)}`" if info.methods else ""
            said = f"{escape(info.description)[:1].upper()}{escape(info.description)[1:]}." if info.description else ""
            out.append(" — ".join(p for p in (verbs, said) if p) + "\n")
        entries = by_key.get(key, [])
        if entries:
            out.append(_errors_table(entries, title, error_cell, any_methods))
        elif key is not None:
            out.append("No error is documented for this endpoint alone; the [generic errors](#endpoint-all) apply.\n")
        if info is not None:
            out += _endpoint_notes(info)
    return out


def _errors_table(entries: list[Entry], title: str, error_cell: dict[str, str], any_methods: bool) -> str:
    """An endpoint's errors: methods (when any row of the vendor has some), scenario (unless each is
    the endpoint's title again) and the error, linked to its section."""
    show_scenario = any(e.scenario.strip() != title for e in entries)
    headers = [*(["Method(s)"] if any_methods else []), *(["Scenario"] if show_scenario else []), "Error"]
    body: list[list[object]] = [
        [*([", ".join(e.methods)] if any_methods else []), *([e.scenario] if show_scenario else []), Raw(error_cell[e.id])]
        for e in entries
    ]
    return table(headers, body)


def _endpoint_notes(info: EndpointRow) -> list[str]:
    """A documented endpoint's query parameters (no column left empty) and the document's quirks."""
    out = []
    if info.parameters:
        prows: list[list[object]] = [
            [p.name, p.type, " | ".join(p.values), p.default or "", p.description] for p in info.parameters
        ]
        names = ["Parameter", "Type", "Values", "Default", "Meaning"]
        keep = [i for i in range(len(names)) if any(r[i] for r in prows)]  # no column left empty
        out.append("Query parameters:\n\n" + table([names[i] for i in keep], [[r[i] for i in keep] for r in prows]))
    if info.quirks:
        out.append("Quirks of the document:\n\n" + "\n".join(f"- {escape(q)}" for q in info.quirks) + "\n")
    return out


def _recognition(vendor: Vendor) -> list[str]:
    """How errcat recognises this API in a paste, each fact with the page it comes from."""
    out = []
    for label, items in (
        ("Hosts", vendor.hosts),
        ("Base URLs", vendor.base_urls),
        ("Authentication", vendor.auth),
        ("Headers", vendor.headers),
        ("Path prefix", vendor.path_prefixes),
        ("Recognised by name", vendor.mentions),
        ("Brand shared with other products (weak alone)", vendor.brands),
        ("Other products (not this API; never claimed)", vendor.other_products),
        ("Limits", vendor.limits),
        ("Looked up but not in the catalog", vendor.unlisted),
    ):
        if items:
            facts = "\n".join(
                f"  - `{f.value}`" + (f" — {escape(f.description)}" if f.description else "") + f" ({source_markdown(f.source)})"
                for f in items
            )
            out.append(f"- **{label}**\n{facts}")
    for env in vendor.envelopes:
        note = f" ({source_markdown(env.source)})" if env.source else ""
        out.append(f"- **Envelope: {escape(env.name)}**{note}\n\n  ```\n  {env.example}\n  ```")
    return out


def vendor_page(catalog: CatalogIndex, vendor_id: str) -> str:
    """One vendor's page (deterministic: the same catalog gives the same bytes)."""
    vendor = catalog.vendors[vendor_id]
    rows = [e for e in catalog.entries if e.vendor == vendor_id and not e.observed]
    seen = [e for e in catalog.entries if e.vendor == vendor_id and e.observed]
    groups = sorted(group_entries(catalog, rows), key=lambda g: min(e.status for e in g.entries))  # stable
    titles = headings(groups)
    counts = vendor_counts(catalog, vendor_id)
    documents = ", ".join(f"`{d}`" for d in vendor.documents) or "the vendor's documents"
    lost = any(e.inferred for e in rows)
    inferred = " (a section marked inferred is errcat's reading of a heading the capture lost)" if lost else ""
    out = [GENERATED_NOTE, f"# {escape(vendor.name)}\n"]
    out.append(
        f"{counts['errors']} distinct errors, documented in {counts['rows']} rows of {documents}. "
        f"Status, code, name, message and scenario are the document's{inferred}; quirks are errcat's notes on where the"
        " document departs from HTTP, JSON or its own usage; each error's summary, causes, fix, retry and who acts are"
        f" errcat's reading of it, quoting it where they say so. Retry and who-acts values are defined in the"
        f" [legend]({LEGEND}).\n"
    )
    wild = " · [Observed in the wild](#observed-in-the-wild)" if seen else ""
    out.append(
        "**Contents:** [Find an error](#find-an-error) · [Errors explained](#errors-explained)"
        f"{wild} · [Endpoints](#endpoints) · [Recognising this API](#recognising-this-api)\n"
    )
    out.append(
        "## Find an error\n\nFind the status, code, name or message you have; its link leads to the explanation.\n\n"
        + _find_table(groups)
    )
    out.append("## Errors explained\n")
    shared = _shared_codes(groups)
    out += [_error_section(vendor, g, titles[group_anchor(g)], shared, titles) for g in groups]
    if seen:
        out += _observed_sections(catalog, vendor, seen)
    out.append("## Endpoints\n")
    out += _endpoint_sections(catalog, vendor, rows, groups)
    recognition = _recognition(vendor)
    if recognition:
        out.append(
            "## Recognising this API\n\nWhat `errcat explain` reads as evidence of this vendor,"
            " with where each fact comes from.\n\n" + "\n".join(recognition) + "\n"
        )
    return "\n".join(out)

"""Human-readable views as lines of (text, style) segments: printed plain when piped, styled by
console.py on a terminal. No terminal library here, so one layout serves both."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ..legend import reading
from ..model import INFERENCE, Citation, Entry, Guide, Vendor, basis_words
from ..text import normalize_path
from ..values import resend_may_repeat, retry_after_seconds, unsafe_resend_words

if TYPE_CHECKING:
    from ..explainer import Explanation
    from ..explainer.envelopes import SentError
    from ..explainer.evidence import Clue
    from ..explainer.match import ErrorMatch
    from ..index.maintenance import CacheEntry
    from ..query import ErrorGroup, LookupResult, SearchHit
    from ..stats import EndpointRow

Segment = tuple[str, str | None]
Line = list[Segment]


def count(n: int, thing: str) -> str:
    """``1 row``, ``2 rows``, ``1,204 rows``."""
    return f"{n:,} {thing}" if n == 1 else f"{n:,} {thing}s"


def where(entry: Entry) -> str:
    """The endpoint an entry applies to, in words (as the reference pages' sections name it)."""
    from ..stats import endpoint_label

    return endpoint_label(entry)


# A documented error's summary, causes and fix are errcat's words about the vendor's row, quoting it where they
# say so ("the document's words"); the mark on the summary says whose the block is, as an observed guide's marks do
# (a team's layer's guide: that catalog file's, see legend.reading).


def claim_labels(g: Guide, sources: tuple[Citation, ...], name: str) -> tuple[str, list[str], str]:
    """Who makes each claim (summary, each cause, fix): an observed guide's each claim; a documented guide's
    summary, for the block it heads (errcat's reading of the vendor's document)."""
    if g.basis is None:
        return f"  [{reading(g.by, of_document=True)}]", ["" for _ in g.causes], ""
    b = g.basis
    return (
        f"  [{basis_words(b.summary, sources, name)}]",
        [f"  [{basis_words(ref, sources, name)}]" for ref in b.causes],
        f"  [{basis_words(b.fix, sources, name)}]",
    )


def reading_mark(g: Guide) -> str:
    """The mark on a guide's words and ratings: errcat's reading, or a team's layer's file (legend.reading)."""
    return f"[{reading(g.by)}]"


def rating_label(g: Guide) -> str:
    """The mark on a guide's retry and who-acts: errcat's rating (no vendor sends them), whatever its sources say
    of the rest; a team's layer's own."""
    return f"  {reading_mark(g)}"


def group_sources(group: ErrorGroup) -> tuple[Citation, ...]:
    return tuple({c.url: c for e in group.entries for c in e.sources}.values())


def group_lines(group: ErrorGroup, label: str | None = None) -> list[Line]:
    """One error: title, our explanation, and each row where it is documented."""
    head: Line = [(group.title, "bold cyan")]
    if group.vendor_name:
        head.append((f"  {group.vendor_name}", "dim"))
    if label:
        head.append((f"  [by {label}]", "magenta"))
    lines = [head, *_guide_lines(group)]
    if group.entries[0].observed:
        lines.append(
            [("  ", None), (provenance_words(group.vendor_name or group.vendor, group.entries[0], group.guide), "yellow")]
        )
        lines.append([(f"  seen in the wild in {len(group.entries)} form(s):", "dim")])
    else:
        lines.append([(f"  documented in {len(group.entries)} row(s):", "dim")])
    for e in group.entries:
        lines += _row_lines(e)
    return lines


def _guide_lines(group: ErrorGroup) -> list[Line]:
    """Our explanation of the error (none without a guide), each claim labelled with its basis."""
    g = group.guide
    if not g:
        return []
    said, why, fixed = claim_labels(g, group_sources(group), group.vendor_name or group.vendor)
    return [
        [("  ", None), (g.summary, "bold"), (said, "dim")],
        *([("  cause: ", "dim"), (cause, None), (who, "dim")] for cause, who in zip(g.causes, why, strict=True)),
        [("  fix:   ", "green"), (g.fix, None), (fixed, "dim")],
        [("  retry: ", "yellow"), (g.retry, None), ("   who acts: ", "yellow"), (g.actor, None), (rating_label(g), "dim")],
    ]


def _row_lines(e: Entry) -> list[Line]:
    """One row where the error is documented (or seen): status, methods, endpoint, texts and where from."""
    methods = ",".join(e.methods) or "-"
    sev = e.vendor_severity or e.severity or "(no severity)"  # the vendor's own spelling where it gives one
    status = e.source.status_text or str(e.status)  # as documented: "504 Timeout"
    lines: list[Line] = [
        [("  - ", None), (f"{status:<16} ", "bold"), (f"{methods:<16} ", None), (where(e), "cyan"), (f"  {sev}", "dim")]
    ]
    texts = (
        ("      message:  ", e.message),
        ("      scenario: ", e.scenario),
        ("      details:  ", e.details or None),
        ("      learn more: ", e.learn_more or None),
    )
    lines += [[(name, "dim"), (text, None)] for name, text in texts if text is not None]
    lines += [[("      quirk:    ", "yellow"), (quirk, None)] for quirk in e.quirks]
    if e.observed:
        return [*lines, [("      id: ", "dim"), (e.id, None)], *([("      seen in:  ", "dim"), (c.url, None)] for c in e.sources)]
    src = f"{e.source.document}:{e.source.line}" if e.source.line else e.source.document
    return [*lines, [("      id: ", "dim"), (e.id, None), ("   source: ", "dim"), (src, None)]]


COMPACT_OVER = 10  # a lookup finding more errors than this shows one line each first (`lookup 422`: 700+ lines in full)


def lookup_lines(result: LookupResult, full: bool = False) -> list[Line]:
    """Each error found in full; above COMPACT_OVER errors (unless ``full``), how many and one line each."""
    total = sum(len(s.groups) for s in result.sections)
    compact = not full and total > COMPACT_OVER
    lines: list[Line] = _lookup_summary(result, total) if compact else []
    labelled = len(result.sections) > 1
    for section in result.sections:
        if labelled:
            lines.append([(f"== {result.query} as {section.label} ({count(len(section.groups), 'error')}) ==", "bold magenta")])
        if compact:
            lines += list_lines(list(section.groups))
            continue
        for group in section.groups:
            lines += group_lines(group)
            lines.append([])
    if result.found:  # a miss's notes go to stderr with it
        lines += [[(f"note: {note}", "yellow")] for note in result.notes]
    return lines


def _lookup_summary(result: LookupResult, total: int) -> list[Line]:
    per_vendor = Counter(g.vendor for s in result.sections for g in s.groups)
    vendors = ", ".join(f"{v} {n}" for v, n in sorted(per_vendor.items()))
    return [
        [(f"{result.query}: {count(total, 'error')} ({vendors}), one line each, ending with errcat's reading of it;", "bold")],
        [("  --full shows each with its explanation and rows; --vendor, --endpoint or --method narrow the list", "dim")],
        [],
    ]


def search_lines(hits: list[SearchHit]) -> list[Line]:
    lines: list[Line] = []
    for rank, hit in enumerate(hits, start=1):
        g = hit.group
        first = g.entries[0]
        seen = [(" observed in the wild, not documented", "yellow")] if first.observed else []
        lines.append([(f"{rank:>2}. ", "dim"), (g.title, "bold cyan"), *seen, (f"  score {hit.score:g}", "dim")])
        if g.guide:
            said = claim_labels(g.guide, group_sources(g), g.vendor_name or g.vendor)[0]
            lines.append([("    ", None), (g.guide.summary, None), (said, "dim")])
        if first.message:
            lines.append([("    message: ", "dim"), (first.message, None)])
        lines.append([(f"    {len(g.entries)} row(s); first: {first.id}", "dim")])
    return lines


def list_lines(groups: list[ErrorGroup]) -> list[Line]:
    lines: list[Line] = []
    for group in groups:
        statuses = "/".join(str(s) for s in sorted({e.status for e in group.entries}))
        summary = group.guide.summary if group.guide else ""
        rows = f"  ({count(len(group.entries), 'row')})  " if not group.entries[0].observed else "  (observed in the wild)  "
        lines.append([(f"{statuses:<7} ", "bold"), (group.title, "cyan"), (rows, "dim"), (summary, None)])
    return lines


def endpoint_words(counts: dict[str, int]) -> str:
    """Where a vendor's errors are documented: endpoint paths, or the operation groups a document names instead
    (InvoiceXpress's resources and actions), or neither (every error documented for all endpoints)."""
    paths, groups = counts["endpoints"], counts["operation_groups"]
    said = [count(paths, "endpoint path")] if paths else []
    said += [count(groups, "operation group") + (" (no paths documented)" if not paths else "")] if groups else []
    return ", ".join(said) or "no endpoint named (each error documented for all endpoints)"


def vendor_lines(rows: list[tuple[Vendor, dict[str, int]]]) -> list[Line]:
    lines: list[Line] = []
    for vendor, counts in rows:
        lines.append([(f"{vendor.id:<14} ", "bold cyan"), (vendor.name, None)])
        lines.append(
            [
                (
                    f"               {count(counts['rows'], 'row')}, {count(counts['errors'], 'error')}, "
                    f"{count(counts['warnings'], 'warning row')}, {endpoint_words(counts)}, "
                    f"{counts['observed']} observed in the wild",
                    "dim",
                )
            ]
        )
    return lines


def endpoint_lines(rows: list[EndpointRow]) -> list[Line]:
    """One line per endpoint, then what the vendor documents of it: what it returns, its query parameters."""
    from ..stats import parameter_text

    lines: list[Line] = []
    for r in rows:
        lines.append(
            [
                (f"{r.vendor:<14} ", "cyan"),
                (f"{','.join(r.methods) or '-':<22} ", None),
                (r.label, "bold"),
                (f"  {count(r.rows, 'row')}", "dim"),
            ]
        )
        if r.description:
            lines.append([("    ", None), (r.description, "dim")])
        for p in r.parameters:
            lines.append([("    ?", "dim"), (parameter_text(p), None), (f"  {p.description}" if p.description else "", "dim")])
        for q in r.quirks:
            lines.append([("    quirk: ", "yellow"), (q, "dim")])
    return lines


def plain(lines: list[Line]) -> str:
    """The lines as plain text."""
    return "\n".join("".join(text for text, _ in line).rstrip() for line in lines) + ("\n" if lines else "")


def sent_summary(sent: SentError) -> str:
    """The fields of an error in one line, as the vendor sent them."""
    parts = []
    if sent.status is not None:
        parts.append(f"HTTP {sent.status}")
    if sent.code is not None:
        parts.append(f"code {sent.code}")
    if sent.name and sent.name != sent.code:
        parts.append(f"name {sent.name}")
    if sent.severity:
        parts.append(f"severity {sent.severity}")
    if sent.details:
        parts.append(f"details {sent.details}")
    parts.append(f"({sent.shape.name})")
    if sent.request:
        parts.append(f"from {sent.request}")
    return " · ".join(parts)


def redaction_summary(x: Explanation) -> str:
    """``3 value(s) redacted (2 credential by name, 1 Stripe key)``: how many of which kind, never the values."""
    kinds = ", ".join(f"{n} {kind}" for kind, n in x.redacted_kinds)
    return f"{x.redactions} value(s) redacted" + (f" ({kinds})" if kinds else "")


def evidence_summary(x: Explanation) -> str:
    """Why the vendor was (or was not) named, in words."""
    positive = [_clue_words(c) for c in x.clues if c.vendor == x.vendor and c.weight > 0]
    if x.vendor and positive:
        return "from " + "; ".join(dict.fromkeys(positive))
    against = sorted({c.value for c in x.clues if c.kind == "foreign-host"})
    if against:
        return f"the request went to {', '.join(against)}, which is not a catalogued vendor's host"
    mentioned = sorted({c.value for c in x.clues if c.kind == "foreign-mention"})
    if mentioned:
        return f"the paste names {', '.join(mentioned)}, which is not a catalogued vendor's host"
    services = sorted({c.value for c in x.clues if c.kind == "other-service"})
    if services:
        return _other_services_words(services)
    weak = [_clue_words(c) for c in x.clues if c.vendor and c.weight > 0]
    if weak:  # clues too weak (or too split) to name a vendor: say which, so the answer can be checked
        return "only weak or conflicting clues: " + "; ".join(dict.fromkeys(weak))
    return "nothing in the paste points at a catalogued vendor"


def _other_services_words(services: list[str]) -> str:
    """Who the paste says sent the error. One given name in a sender's place ("Sarah says:") may be a person relaying
    it or a service named like one (Jasmin is PRIMAVERA's Portuguese invoicing service, with a Web API:
    developers.primaverabss.com/jasmin): the vendor is not named on its words there (services._relays), and the name
    is not called a service either; it was ("Sarah, a service errcat does not catalogue")."""
    from ..explainer.people import names_a_person

    if all(names_a_person(s) for s in services):
        return f"the paste says {', '.join(services)} sent it: a person's given name, or a service named like one"
    return f"the paste names {', '.join(services)}, a service errcat does not catalogue"


def _clue_words(c: Clue) -> str:
    """``host api.myob.com``; a weak or qualified clue says why (``brand Sage (weak: ...)``)."""
    if c.kind in ("registered-domain", "brand", "common-envelope"):
        return f"{c.kind} {c.value} ({c.record()['reason']})"
    if c.kind == "recording":  # its value says it: "the recording's other exchanges"
        return c.value
    return f"{c.kind} {c.value}"


def fold_label(word: str, positions: tuple[int, ...], total: int) -> str:
    """``error 3 of 9``, ``error 1-4 (4 identical) of 9`` or ``error 2 (3 identical: 2, 5, 8) of 9``."""
    first, count = positions[0] + 1, len(positions)
    if count == 1:
        where = f"{first}"
    elif positions[-1] - positions[0] == count - 1:
        where = f"{first}-{positions[-1] + 1} ({count} identical)"
    else:
        shown = ", ".join(str(p + 1) for p in positions[:8]) + (", ..." if count > 8 else "")
        where = f"{first} ({count} identical: {shown})"
    return f"{word} {where} of {total}"


def confidence_words(m: ErrorMatch) -> str:
    """The match's confidence as a view shows it; none for a family (several documented errors, none claimed): a
    "(confidence 0.00)" beside "one of 2 documented errors" read as a claim made with no confidence (claims21)."""
    from ..explainer.match import MatchKind

    return "" if m.kind is MatchKind.NONE and m.family else f"(confidence {m.confidence:.2f})"


def kind_words(m: ErrorMatch) -> str:
    """What the match kind means for this error (a bare code typed alone has no message to differ)."""
    from ..explainer.match import MatchKind, TextMatch  # here: only an explain view needs it

    if m.kind is MatchKind.EXACT and m.best is not None and m.best.via is TextMatch.CUT:
        return "exact match as far as the message goes (the paste cuts it)"
    if m.best is not None and m.best.via is TextMatch.SPACED:  # "at least" sent, "atleast" documented
        said = "matched by code/name" if m.kind is MatchKind.CODE else "the documented message"
        return f"{said} (its words are spaced otherwise than the document's)"
    if m.kind is MatchKind.CODE and m.sent.message is None:
        return "matched by code" if m.sent.code else "matched by name"
    if m.kind is MatchKind.NONE and m.family:  # a code, name or words several documented errors share
        return f"one of {len(m.family)} documented errors, the paste does not say which (see the note; below: each)"
    if m.kind is MatchKind.NONE and _status_rows_only(m):
        # never "documented by X" alone: other vendors document errors under the same status (MYOB's hundreds of
        # 400s) without stating what the bare status means; and never as if the vendors listed had sent it (an
        # ASP.NET 401 read "sage 401  Sage could not authorise the request." under "vendor: unknown")
        said = " or ".join(dict.fromkeys(f"{c.entry.vendor}'s" for c in m.candidates))
        return (
            f"not in the catalog; HTTP {m.candidates[0].entry.status} alone names neither vendor nor error (below: what it"
            f" would mean if the paste were {said}; nothing in it says so, and other vendors and services send it too)"
        )
    return KIND_WORDS[m.kind]


# What each match kind means, keyed by MatchKind's values (equal to its members: a StrEnum)
KIND_WORDS = {
    "exact": "exact match",
    "template": "template match",
    "code": "matched by code/name (the message differs)",
    "observed": "not in the vendor's error document; seen in public reports",
    "status": "only the HTTP status is documented",
    "fuzzy": "similar text only (not a match)",
    "none": "not in the catalog",
}


def _status_rows_only(m: ErrorMatch) -> bool:
    """A bare status from an unknown sender: every candidate is a vendor's meaning of the status."""
    from ..explainer.match import MatchKind

    return bool(m.candidates) and all(c.kind is MatchKind.STATUS for c in m.candidates)


def kind_style(m: ErrorMatch) -> str:
    """Green for the vendor's documented error, yellow for its status or a publicly reported error, red for none."""
    from ..explainer.match import ERROR_KINDS, MatchKind

    if m.kind in ERROR_KINDS:
        return "bold green"
    return "bold yellow" if m.kind in (MatchKind.STATUS, MatchKind.OBSERVED) else "bold red"


def recording_words(x: Explanation) -> tuple[str, str] | None:
    """A recording of several error exchanges, in the place of one request and status: how many exchanges (each
    error names its own request) and each status they answered, with a count when repeated; None for one exchange."""
    if len(x.parts) < 2:
        return None
    said: Counter[str] = Counter()
    for p in x.parts:
        meaning = p.status_meaning()
        if p.exchange.status is not None:
            said[f"{p.exchange.status} {meaning[0]}" if meaning else str(p.exchange.status)] += 1
    statuses = ", ".join(f"{s} (x{n})" if n > 1 else s for s, n in said.items())
    return f"{len(x.parts)} error responses; each error below names its own request", statuses


def explain_lines(x: Explanation) -> list[Line]:
    """The human view of an explanation."""
    ex = x.exchange
    lines: list[Line] = []
    name = x.vendor_name()
    who = f"{name} ({x.vendor})" if name else "unknown"
    lines.append([("vendor:   ", "dim"), (who, "bold cyan"), (f"  {evidence_summary(x)}", "dim")])
    recorded = recording_words(x)
    if recorded:
        lines.append([("request:  ", "dim"), (recorded[0], None)])
        if recorded[1]:
            lines.append([("status:   ", "dim"), (recorded[1], "bold")])
    elif ex.method or ex.url:
        req: Line = [("request:  ", "dim"), (" ".join(p for p in (ex.method, ex.url) if p), None)]
        if x.endpoint:
            req.append((f"  -> documented endpoint {x.endpoint}", "cyan"))
        lines.append(req)
    meaning = x.status_meaning()
    if ex.status is not None and not recorded:
        text = f"{ex.status} {meaning[0]}" if meaning else str(ex.status)
        status_line: Line = [("status:   ", "dim"), (text, "bold")]
        if meaning and meaning[1]:
            status_line.append((f"  {meaning[1]}", "dim"))
        lines.append(status_line)
    if x.redactions:
        lines.append([("secrets:  ", "dim"), (redaction_summary(x) + "; none are shown", "yellow")])
    for note in x.notes:
        lines.append([("note:     ", "yellow"), (note, None)])
    for m, positions in x.folded():
        lines.append([])
        label = fold_label("error", positions, len(x.errors))
        lines.append([(label + ": ", "bold"), (kind_words(m), kind_style(m)), (f"  {confidence_words(m)}".rstrip(), "dim")])
        lines += _error_lines(x, m)
    return lines


def _error_lines(x: Explanation, m: ErrorMatch) -> list[Line]:
    """One error: what was sent, then the entry it is and our explanation (or what is known)."""
    sent = m.sent
    lines: list[Line] = [[("  observed: ", "dim"), (sent_summary(sent), None)]]
    if sent.message is not None:
        lines.append([("  message:  ", "dim"), (sent.message, None)])
    best = m.best
    if best is None:
        return lines + _unmatched_lines(x, m)
    e = best.entry
    g = x.guide_of(e)
    lines += _entry_lines(x, m, e)
    if e.observed:
        lines += observed_lines(x.vendor_name(e.vendor) or e.vendor, e, g)
    said, why, fixed = claim_labels(g, e.sources, x.vendor_name(e.vendor) or e.vendor) if g else ("", [], "")
    if g:
        lines.append([("  meaning:  ", "dim"), (g.summary, "bold"), (said, "dim")])
    lines += _scenario_lines(x, m)
    if g:
        for cause, who in zip(g.causes, why, strict=True):
            lines.append([("  cause:    ", "dim"), (cause, None), (who, "dim")])
        lines.append([("  fix:      ", "green"), (g.fix, None), (fixed, "dim")])
        retry: Line = [("  retry:    ", "yellow"), (retry_of(x, g, m), None), ("   who acts: ", "yellow"), (g.actor, None)]
        lines.append([*retry, (rating_label(g), "dim")])
    return lines + _also_lines(m, e)


def retry_of(x: Explanation, g: Guide, m: ErrorMatch | None = None) -> str:
    """The guide's retry for this paste's request, ``m``'s own in a recording (Explanation.retry_of)."""
    return x.retry_of(g, m)


def undecided_words(x: Explanation, m: ErrorMatch, undecided: list[str]) -> str:
    """Why no one row is named: the error's request names no endpoint, or one the error is not documented for."""
    where = f"{len(undecided)} endpoint{'s' if len(undecided) > 1 else ''}"
    endpoint = x.part_of(m).endpoint
    if endpoint is None:
        return f"documented for {where}; the paste does not say which"
    return f"documented for {where}, not for the request's {endpoint}"


def _entry_lines(x: Explanation, m: ErrorMatch, e: Entry) -> list[Line]:
    """The matched entry: its vendor, code and message, its id (or why none is named), its slots."""
    title = " ".join(str(p) for p in (e.vendor, e.code, e.name) if p is not None)
    lines: list[Line] = [
        [("  matched:  ", "dim"), (title, "bold cyan"), (f"  {e.message!r}" if e.message is not None else "", None)]
    ]
    undecided = x.undecided_endpoints(m)
    if undecided:
        lines.append([("  entry:    ", "dim"), (undecided_words(x, m, undecided), "yellow")])
    else:
        lines.append([("  entry:    ", "dim"), (e.id, None), (f"  ({where(e)}, HTTP {e.status})", "dim")])
    if m.slots:
        lines.append([("  slots:    ", "dim"), (", ".join(f"{k} = {v}" for k, v in m.slots.items()), "magenta")])
    return lines


def _scenario_lines(x: Explanation, m: ErrorMatch) -> list[Line]:
    """The documented scenarios of the matched error (five at most), the request's endpoint marked."""
    lines: list[Line] = []
    endpoint = x.part_of(m).endpoint  # the error's own request's (a recording's first is another's)
    for i, s in enumerate(x.scenarios(m)[:5]):
        here = endpoint and s.endpoint and normalize_path(s.endpoint) == normalize_path(endpoint)
        lines.append(
            [
                ("  scenario: " if i == 0 else "            ", "dim"),
                (s.scenario, None),
                (f"  [{where(s)}]" + (" (this endpoint)" if here else ""), "dim"),
            ]
        )
    return lines


def _also_lines(m: ErrorMatch, e: Entry) -> list[Line]:
    """Other candidates (three at most); the same error at other endpoints is in the scenarios."""
    same = (e.message, e.code, e.name, e.status)
    others = [c for c in m.candidates[1:] if (c.entry.message, c.entry.code, c.entry.name, c.entry.status) != same][:3]
    if not others:
        return []
    return [[("  also:     ", "dim"), (", ".join(f"{c.entry.id} ({c.kind} {c.score:g})" for c in others), "dim")]]


def provenance_words(name: str, e: Entry, g: Guide | None) -> str:
    """What an observed entry is, in one phrase: never the vendor's (``name``'s) word, and how well it is known. The
    sources counted are those shown: the entry's own and those its guide's claims cite (another report of it)."""
    cited = [c.url for c in e.sources] + (
        [r for r in (g.basis.summary, *g.basis.causes, g.basis.fix) if r != INFERENCE] if g and g.basis else []
    )
    n = len(set(cited))
    known = f", {g.established.replace('-', ' ')}" if g and g.established else ""
    return f"not in {name}'s error document; seen in public reports ({n} source{'s' if n != 1 else ''}{known})"


def observed_lines(name: str, e: Entry, g: Guide | None) -> list[Line]:
    """Where an observed error was seen, and what we had to assume about it."""
    lines: list[Line] = [[("  origin:   ", "yellow"), (provenance_words(name, e, g), "yellow")]]
    for i, c in enumerate(e.sources):
        detail = ", ".join(p for p in (c.kind, c.date, c.note) if p)
        lines.append([("  seen in:  " if i == 0 else "            ", "dim"), (c.url, "cyan"), (f"  ({detail})", "dim")])
    lines += [[("  note:     ", "dim"), (q, "dim")] for q in e.quirks]
    return lines


def _status_meaning(x: Explanation, rows: list[Entry]) -> str:
    """A vendor's meaning of a bare status: its status row's, or its one error's. Several errors under the
    status and no row for the status itself (ProSpend's five 400 BAD_REQUEST) are counted, none picked: the
    first of them is not what every 400 means."""
    first = rows[0]
    errors = dict.fromkeys(e.error_key for e in rows if not e.observed) or dict.fromkeys(e.error_key for e in rows)
    if first.kind == "status" or len(errors) == 1:
        g = x.guide_of(first)
        return g.summary if g else first.message or ""
    codes = ", ".join(dict.fromkeys(str(e.code if e.code is not None else e.name) for e in rows if e.code or e.name))
    which = "documented errors" if not all(e.observed for e in rows) else "errors seen in public reports"
    return f"one of {len(errors)} {which}{f' ({codes})' if codes else ''}; the body's message says which"


def _unmatched_lines(x: Explanation, m: ErrorMatch) -> list[Line]:
    lines: list[Line] = []
    if x.vendor:
        lines.append([("  known:    ", "dim"), (f"vendor {x.vendor}", None)])
    if _status_rows_only(m):  # a bare status: each vendor's meaning
        per_vendor: dict[str, list[Entry]] = {}
        for c in m.candidates:  # ranked: a vendor's status row before its errors' rows
            per_vendor.setdefault(c.entry.vendor, []).append(c.entry)
        for i, (vendor, rows) in enumerate(sorted(per_vendor.items())):
            lines.append(
                [
                    ("  if from:  " if i == 0 else " " * 12, "dim"),  # the other labels' width ("  observed: ")
                    (f"{vendor} {rows[0].status}", "cyan"),
                    (f"  {_status_meaning(x, rows)}", None),
                ]
            )
        return [*lines, *_status_retry_line(x, m)]
    near = list(m.family[:8]) or [c for c in m.candidates if c.score >= 0.1][:3]  # a family: each of its errors
    for i, c in enumerate(near):
        e = c.entry
        lines.append(
            [
                (("  one of:   " if m.family else "  nearest:  ") if i == 0 else "            ", "dim"),
                (e.id, "cyan"),
                (f"  {_entry_words(e)} ({c.kind} {c.score:g})", "dim"),
            ]
        )
    lines += _status_retry_line(x, m)
    if m.family:  # documented: the paste only cannot say which of them it is
        return lines
    lines.append(
        [("  add it:   ", "dim"), ("errcat explain --stub <paste> > my-errors.yaml, then use --catalog my-errors.yaml", None)]
    )
    return lines


def _entry_words(e: Entry) -> str:
    """What a nearby entry says: its message, else its code or name (an OAuth error catalogued by its code alone
    read ``None``)."""
    if e.message is not None:
        return repr(e.message)
    return f"code {e.code}" if e.code is not None else f"name {e.name}" if e.name else f"HTTP {e.status}"


def _status_retry_line(x: Explanation, m: ErrorMatch) -> list[Line]:
    """The retry an uncatalogued error's status says, also under a bare status's per-vendor meanings: a 429's wait
    and its Retry-After matter most when nothing else is known."""
    said = x.status_retry(m)
    return [] if said is None else [[("  retry:    ", "yellow"), (status_retry_words(x, m, *said, x.quota_spent(m)), None)]]


_WAIT_WORDS = {
    "backoff": "resend later, with exponential backoff",
    "wait-for-reset": "resend only after the limit's window resets",
}
_BY_STATUS = "(by its status: the catalog does not know this error)"


def status_retry_words(x: Explanation, m: ErrorMatch, status: int, wait: str | None, spent: str | None = None) -> str:
    """What an uncatalogued error's status alone says of resending it, said as that (Explanation.status_retry);
    ``spent``: the error's own words that say a quota or plan is used up, which overrule its status. The method and
    Retry-After are the error's own request's (a recording's first is another's)."""
    if spent is not None:
        return (
            f"not by waiting: the error says {spent!r}, a quota or plan used up does not pass with time; top it up or"
            f" change the plan, then resend (by its words, though HTTP {status} usually passes: the catalog does not"
            " know this error)"
        )
    if wait == "refresh-token" and (csrf := x.csrf_refused(m)) is not None:
        return (
            f"resend with the session's current CSRF token (a form's fresh _token, or the XSRF-TOKEN cookie sent back"
            f" as X-XSRF-TOKEN): the error says {csrf!r} (by its words: the catalog does not know this error)"
        )
    if wait == "refresh-token":
        return (
            f"refresh the access token, then resend the same request: the error says {x.token_expired(m)!r}"
            f" (by its words: the catalog does not know this error)"
        )
    if (throttled := x.throttled(m)) is not None:
        return (
            f"resend later, with exponential backoff: the error says {throttled!r}, though HTTP {status} alone would not"
            " (by its words: the catalog does not know this error)"
        )
    if wait is None:
        return f"HTTP {status} alone does not suggest that the same request can succeed {_BY_STATUS}"
    ex = x.part_of(m).exchange
    if resend_may_repeat(status, ex.method):  # a gateway's 502/504/524 to a POST: the vendor may have done it
        return f"{unsafe_resend_words(wait, str(ex.method))}, though HTTP {status} usually passes {_BY_STATUS}"
    after = retry_after_seconds(ex.header("Retry-After"))
    asked = f"; the response's Retry-After asks for {after:g} s" if after is not None else ""
    if not asked and (words := x.asked_wait(m)) is not None:  # Azure's "Please try again after '372' seconds."
        asked = f"; the error's words ask for {words[0]:g} s ({words[1]!r})"
    return f"HTTP {status} usually passes: {_WAIT_WORDS[wait]}{asked} {_BY_STATUS}"


def cache_lines(folder: str, files: list[CacheEntry], problem: str | None = None) -> list[Line]:
    """`errcat cache info`: the folder, then one line per index file."""
    from ..fs import NO_CACHE_ENV, cache_disabled
    from ..index.cache import KEEP_ENV, cache_keep, fix_for

    lines: list[Line] = [
        [("cache folder: ", None), (folder, "bold")],
        [(f"  keeps the {cache_keep()} most recently used indexes ({KEEP_ENV}); older ones are deleted", "dim")],
    ]
    if cache_disabled():
        lines.append(
            [(f"  {NO_CACHE_ENV} is set: every command builds its index in memory; the files here are not used", "yellow")]
        )
    if problem:
        lines.append([(f"  cannot be written ({problem}): every command builds its index in memory", "yellow")])
        fix, where = fix_for(problem)
        lines.append([(f"  ({fix}, or set ERRCAT_CACHE_DIR to a folder {where})", "dim")])
    elif not files and not cache_disabled():
        lines.append([("  no index files yet (the next lookup builds one)", "dim")])
    for f in files:
        entries = "?" if f.entries is None else f"{f.entries:,}"
        when = f"built {local_time(f.built_at)}, last used {local_time(f.used_at)}"
        lines.append(
            [
                (f"  {f.path.name}", "cyan"),
                (f"  {f.size:,} bytes, {entries} entries, {when}, ", None),
                (cache_state(f), "green" if f.current else "dim"),
            ]
        )
        lines += [[(f"    {p}", "dim")] for p in f.files]
    return lines


def cache_state(f: CacheEntry) -> str:
    """Whether an index file serves the catalog files in use now."""
    return "current" if f.current else ("unreadable" if f.entries is None else "other catalog files or stale")


def local_time(when: float | None) -> str:
    """A timestamp as local date and time, ``?`` when unknown."""
    import time

    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(when)) if when else "?"

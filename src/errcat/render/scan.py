"""The three views of a scan report: text lines (terminal), a JSON document, a markdown report
to attach to a ticket. ``top`` limits the groups shown in each list; totals always count all."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from ..documents import envelope, guide_record
from ..text import visible_line
from ..values import RESENT, unsafe_resend_words
from .markdown import Raw, escape, table
from .text import Line, reading_mark

if TYPE_CHECKING:
    from ..scan.summary import Family, Group, Key, Matched, ScanReport


def _when(value: datetime | None) -> str | None:
    return value.strftime("%Y-%m-%d %H:%M:%S UTC") if value else None


def _span(first: datetime, last: datetime | None) -> str:
    """When a group (or the scan) was seen: one time when its first and last are the same."""
    return f"{_when(first)}" if last is None or last == first else f"{_when(first)} to {_when(last)}"


def _iso(value: datetime | None) -> str | None:
    return value.isoformat().replace("+00:00", "Z") if value else None


def _size(n: int) -> str:
    if n < 1024:
        return f"{n:,} bytes"
    scaled = float(n)
    for unit in ("KB", "MB", "GB"):
        scaled /= 1024
        if scaled < 1024 or unit == "GB":
            break
    return f"{scaled:.1f} {unit}"


def _places(group: Group) -> str:
    """``app.log:12, 40, other.log:7`` (the file named once per run of lines in it)."""
    out: list[str] = []
    last = None
    for p in group.places:  # a file name holding a newline stays on its line (`app\nlog:12`)
        out.append(f"{visible_line(p.file)}:{p.line}" if p.file != last else str(p.line))
        last = p.file
    more = group.count - len(group.places)
    return ", ".join(out) + (f" (+{more:,} more)" if more > 0 else "")


def _endpoints(group: Group) -> str:
    return ", ".join(f"{e} ({n:,})" for e, n in group.endpoints.most_common(5))


def retry_words(g: Matched) -> str:
    """The guide's retry advice for a group's occurrences: the guide's value, unless some were requests a
    gateway answered with 502, 504 or 524 that resending could do twice (a POST): those are told apart, counted."""
    retry = g.guide.retry if g.guide else ""
    unsafe = sum(g.not_resent.values())
    if not unsafe or retry not in RESENT:
        return retry
    methods = ", ".join(m for m, _ in g.not_resent.most_common())
    said = unsafe_resend_words(retry, methods)
    return said if unsafe >= g.count else f"{retry}; {said} ({unsafe:,} of the {g.count:,})"


def error_title(key: Key) -> str:
    """``myob 25008 DatePriorToBeginningOfFinancialYear``: how a scan names a matched error."""
    vendor, _status, code, name, _message = key
    return " ".join(str(p) for p in (vendor, code, name) if p is not None)


def headline(report: ScanReport) -> str:
    lines = sum(i.lines for i in report.inputs)
    counted = f"{lines:,} line" if lines == 1 else f"{lines:,} lines"
    size = _read_size(report)
    read = [i for i in report.inputs if not i.problem]
    seen = [g for g in report.matched.values() if g.kinds.get("observed")]
    observed = sum(g.count for g in seen)
    wild = f", {observed:,} observed in the wild ({len(seen):,} distinct; not documented)" if observed else ""
    families = report.family_count
    family = f", {families:,} in families of documented errors (the log does not say which of each)" if families else ""
    return (
        f"scanned {len(read)} of {len(report.inputs)} input(s): {counted}, {size} in {report.elapsed:.1f} s; "
        f"{report.matched_count + families + report.unmatched_count:,} vendor error(s): {report.matched_count - observed:,} "
        f"documented ({len(report.matched) - len(seen):,} distinct){wild}{family}, {report.unmatched_count:,} not in the catalog"
    )


def family_title(u: Family) -> str:
    """``myob: one of 2 documented errors with these words``: how a scan heads a family's group."""
    shares = "these words" if u.shares == "words" else f"this {u.shares}"
    who = " ".join(p for p in (u.vendor or "unknown vendor", f"HTTP {u.status}" if u.status else None) if p)
    return f"{who}: one of {len(u.entries)} documented errors with {shares}"


def _read_size(report: ScanReport) -> str:
    """The bytes read, said plainly: a gzip input's decompressed bytes, with the compressed ones the
    progress bar counted beside them ("210.2 KB read (17.3 KB compressed)")."""
    packed = [i for i in report.inputs if i.unpacked is not None]
    read = sum(i.bytes if i.unpacked is None else i.unpacked for i in report.inputs)
    if not packed:
        return _size(read)
    compressed = _size(sum(i.bytes for i in packed))
    whose = "" if len(packed) == len(report.inputs) else "gzip input(s): "
    return f"{_size(read)} read ({whose}{compressed} compressed)"


def other_line(report: ScanReport, listed: bool) -> str | None:
    """The one line that counts other programs' errors (no vendor evidence, no API shape)."""
    if not report.other_count:
        return None
    hint = "" if listed else " (--all lists them)"
    groups = len(report.other) + (1 if report.other_overflow else 0)
    return f"{report.other_count:,} error(s) of other programs in {groups:,} group(s){hint}"


def _filters(report: ScanReport) -> list[str]:
    out = []
    if report.filtered_vendor:
        out.append(f"{report.filtered_vendor:,} error record(s) of other vendors left out (--vendor)")
    if report.filtered_time:
        out.append(f"{report.filtered_time:,} record(s) outside --since/--until left out")
    if report.no_timestamp:
        out.append(f"{report.no_timestamp:,} record(s) without a timestamp left out (--since/--until)")
    if report.unmatched_overflow:
        out.append(f"{report.unmatched_overflow:,} unmatched error(s) beyond the first groups only counted")
    if report.families_overflow:
        out.append(f"{report.families_overflow:,} error(s) of documented families beyond the first groups only counted")
    return out


def scan_lines(report: ScanReport, top: int, everything: bool = False) -> list[Line]:
    lines: list[Line] = [[(headline(report), "bold")]]
    first, last = report.time_range
    if first:
        lines.append([("time range: ", "dim"), (_span(first, last), None)])
    lines += [[("note: ", "yellow"), (text, None)] for text in _filters(report)]
    for key, g in report.ranked_matched()[:top]:
        lines.append([])
        wild = [("  observed in the wild, not documented", "yellow")] if g.kinds.get("observed") else []
        status = g.status_words(key[1])
        lines.append([(f"{g.count:>7,}  ", "bold"), (error_title(key), "bold cyan"), (f"  {status}", "dim"), *wild])
        if g.said and g.said != key[4]:  # an observed error: headed by what the log said
            lines.append([("         ", None), (g.said, None)])
            lines.append([("         matched:   ", "dim"), (f"{key[4] or g.entry_id} ({g.entry_id})", None)])
        elif key[4]:
            lines.append([("         ", None), (key[4], None)])
        guide = g.guide
        if guide:
            lines.append([("         meaning:   ", "dim"), (guide.summary, "bold"), (f"  {reading_mark(guide)}", "dim")])
            lines.append([("         fix:       ", "green"), (guide.fix, None)])
            lines.append([("         retry:     ", "yellow"), (retry_words(g), None), (f"  {reading_mark(guide)}", "dim")])
        if g.endpoints:
            lines.append([("         endpoints: ", "dim"), (_endpoints(g), "cyan")])
        if g.first_seen:
            lines.append([("         seen:      ", "dim"), (_span(g.first_seen, g.last_seen), None)])
        lines.append([("         lines:     ", "dim"), (_places(g), None)])
    lines += _more(len(report.matched), top, "catalogued error(s)")
    lines += _family_lines(report, top)
    lines += _unmatched_lines(report, top)
    lines += _other_lines(report, top, everything)
    lines += _skipped_lines(report)
    return lines


def _family_lines(report: ScanReport, top: int) -> list[Line]:
    """The errors that are one of several documented ones, none claimed: each with the errors it may be."""
    if not report.families:
        return []
    title = f"one of several documented errors: {report.family_count:,} error(s) in {len(report.families):,} group(s)"
    lines: list[Line] = [[], [(title, "bold yellow")]]
    for u in report.ranked_families()[:top]:
        lines.append([(f"{u.count:>7,}  ", "bold"), (family_title(u), "yellow"), ("  ", None), (u.text, None)])
        lines.append([("         one of:    ", "dim"), ("; ".join(u.entries), None)])
        lines.append([("         lines:     ", "dim"), (_places(u), None)])
        for place, sample in u.samples[:2]:
            lines.append([("         sample:    ", "dim"), (f"{visible_line(place.file)}:{place.line}  ", "dim"), (sample, None)])
    return lines + _more(len(report.families), top, "group(s)")


def _unmatched_lines(report: ScanReport, top: int) -> list[Line]:
    if not report.unmatched:
        return []
    title = f"not in the catalog: {report.unmatched_count:,} error(s) in {len(report.unmatched):,} group(s)"
    lines: list[Line] = [[], [(title, "bold yellow")]]
    for u in report.ranked_unmatched()[:top]:
        who = " ".join(p for p in (u.vendor or "unknown vendor", f"HTTP {u.status}" if u.status else None) if p)
        lines.append([(f"{u.count:>7,}  ", "bold"), (who, "yellow"), ("  ", None), (u.text, None)])
        lines.append([("         lines:     ", "dim"), (_places(u), None)])
        for place, sample in u.samples[:2]:
            lines.append([("         sample:    ", "dim"), (f"{visible_line(place.file)}:{place.line}  ", "dim"), (sample, None)])
    return lines + _more(len(report.unmatched), top, "group(s)")


def _other_lines(report: ScanReport, top: int, everything: bool) -> list[Line]:
    said = other_line(report, everything)
    if said is None:
        return []
    lines: list[Line] = [[], [(said, "dim")]]
    if not everything:
        return lines
    for u in report.ranked_other()[:top]:
        lines.append([(f"{u.count:>7,}  ", "bold"), (u.text, None)])
        lines.append([("         lines:     ", "dim"), (_places(u), None)])
    return lines + _more(len(report.other), top, "group(s)")


def _more(count: int, top: int, what: str) -> list[Line]:
    """The line saying how many of ``count`` things --top left out."""
    return [[(f"... {count - top:,} more {what} (--top)", "dim")]] if count > top else []


def _skipped_lines(report: ScanReport) -> list[Line]:
    if not report.skipped_count:
        return []
    total = sum(report.skipped_count.values())
    lines: list[Line] = [[], [(f"skipped or read in part: {total:,} place(s)", "bold yellow")]]
    for what, n in report.skipped_count.most_common():  # each reason once, its places under it
        lines.append([(f"{n:>7,}  ", None), (what, None)])
        places = _skip_places(report, what)
        if places:
            lines.append([("         ", None), (", ".join(places), "dim")])
    return lines


def _skip_places(report: ScanReport, what: str) -> list[str]:
    """Where one reason to skip applied (the first 20 places kept)."""
    places = [(visible_line(s.file), s.line) for s in report.skipped if s.what == what][:20]
    return [f"{file}:{line}" if line is not None else file for file, line in places]


def _group_record(g: Group) -> dict[str, Any]:
    return {
        "count": g.count,
        "first_seen": _iso(g.first_seen),
        "last_seen": _iso(g.last_seen),
        "endpoints": dict(g.endpoints.most_common()),
        "lines": [{"file": p.file, "line": p.line} for p in g.places],
        "samples": [{"file": p.file, "line": p.line, "text": text} for p, text in g.samples],
    }


def _matched_record(key: Key, g: Matched) -> dict[str, Any]:
    vendor, status, code, name, message = key
    return {
        "vendor": vendor,
        "status": status,
        "code": code,
        "name": name,
        "message": message,
        "entry": g.entry_id,
        "said": g.said,
        "match_kinds": dict(g.kinds),
        "explanation": guide_record(g.guide),
        "retry": retry_words(g) if g.guide else None,  # the guide's, unless resending some of them may repeat them
        "not_resent": dict(g.not_resent),  # occurrences by method a gateway answered 502/504/524 that may have been applied
        "logged_statuses": {str(s): n for s, n in sorted(g.logged.items())},  # occurrences whose exchange stated another status
        **_group_record(g),
    }


def scan_document(report: ScanReport, top: int) -> dict[str, Any]:
    first, last = report.time_range
    return envelope(
        "scan",
        inputs=[
            {"name": i.name, "bytes": i.bytes, "unpacked": i.unpacked, "lines": i.lines, "problem": i.problem, "broken": i.broken}
            for i in report.inputs
        ],
        summary={
            "error_records": report.errors,
            "matched": report.matched_count,
            "distinct_matched": len(report.matched),
            "family": report.family_count,  # one of several documented errors, the log not saying which
            "family_groups": len(report.families),
            "unmatched": report.unmatched_count,
            "unmatched_groups": len(report.unmatched),
            "other_programs": report.other_count,
            "other_groups": len(report.other),
            "not_errors": report.not_errors,
            "records_read": report.records,
            "records_explained": report.explained,
            "left_out_vendor": report.filtered_vendor,
            "left_out_time": report.filtered_time,
            "left_out_no_timestamp": report.no_timestamp,
            "first_seen": _iso(first),
            "last_seen": _iso(last),
            "seconds": round(report.elapsed, 3),
        },
        matched=[_matched_record(k, g) for k, g in report.ranked_matched()[:top]],
        families=[
            {"vendor": u.vendor, "status": u.status, "text": u.text, "shares": u.shares, "one_of": list(u.entries)}
            | _group_record(u)
            for u in report.ranked_families()[:top]
        ],
        unmatched=[
            {"vendor": u.vendor, "status": u.status, "text": u.text, **_group_record(u)} for u in report.ranked_unmatched()[:top]
        ],
        other=[{"text": u.text, **_group_record(u)} for u in report.ranked_other()[:top]],
        skipped={
            "counts": dict(report.skipped_count.most_common()),
            "places": [{"file": s.file, "line": s.line, "what": s.what} for s in report.skipped],
        },
        engine={**report.where, "search": report.engine},
    )


def _matched_markdown(report: ScanReport, top: int) -> list[str]:
    """The documented errors found: a table of the ``top`` most frequent, then each one's guide."""
    rows: list[list[object]] = []
    for key, g in report.ranked_matched()[:top]:  # vendor, status, code, name, then the message
        message = f"{g.said} (matched: {key[4]})" if g.said and g.said != key[4] else key[4]
        status, seen = g.status_words(key[1]).removeprefix("HTTP "), (_when(g.first_seen), _when(g.last_seen))
        rows.append([g.count, key[0], status, *key[2:4], message, _endpoints(g), *seen, _places(g)])
    headers = ["Count", "Vendor", "Status", "Code", "Name", "Message", "Endpoints", "First seen", "Last seen", "Lines"]
    parts = ["### Documented errors\n", table(headers, rows)]
    for key, g in report.ranked_matched()[:top]:
        guide = g.guide
        if guide:
            parts.append(f"#### {escape(error_title(key))} ({g.count:,})\n")
            parts.append(
                f"{escape(guide.summary)} {escape(reading_mark(guide))}\n\n**Fix:** {escape(guide.fix)}\n\n"
                f"**Retry:** {escape(retry_words(g))} {escape(reading_mark(guide))}\n"
            )
    return parts


def scan_markdown(report: ScanReport, top: int, everything: bool = False) -> str:
    first, last = report.time_range
    parts = ["## errcat scan\n", f"{escape(headline(report))}.\n"]
    if first:
        parts.append(f"Time range: {escape(_span(first, last))}.\n")
    parts += [f"> {escape(text)}\n" for text in _filters(report)]
    if report.matched:
        parts += _matched_markdown(report, top)
    if report.families:
        parts.append("### One of several documented errors (the log does not say which)\n")
        frows: list[list[object]] = [
            [u.count, u.vendor or "unknown", u.status, u.text, "; ".join(u.entries), _places(u)]
            for u in report.ranked_families()[:top]
        ]
        parts.append(table(["Count", "Vendor", "Status", "Text", "One of", "Lines"], frows))
    if report.unmatched:
        parts.append("### Not in the catalog\n")
        urows: list[list[object]] = [
            [u.count, u.vendor or "unknown", u.status, u.text, _places(u), Raw("<br>".join(escape(s) for _, s in u.samples[:2]))]
            for u in report.ranked_unmatched()[:top]
        ]
        parts.append(table(["Count", "Vendor", "Status", "Text", "Lines", "Samples"], urows))
    said = other_line(report, everything)
    if said is not None:
        parts.append(f"{escape(said)}.\n")
        if everything:
            parts.append(table(["Count", "Text", "Lines"], [[u.count, u.text, _places(u)] for u in report.ranked_other()[:top]]))
    if report.skipped_count:
        parts.append("### Skipped\n")
        rows = [[w, n, ", ".join(_skip_places(report, w))] for w, n in report.skipped_count.most_common()]
        parts.append(table(["What", "Count", "Places"], rows))  # each reason once, its places beside it
    return "\n".join(parts)

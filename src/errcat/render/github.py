"""A scan report for GitHub Actions: ``::error file=…,line=…`` workflow commands for the most frequent
error groups, and a markdown job summary (``$GITHUB_STEP_SUMMARY``).

GitHub shows at most 10 annotations of one type per step and 50 per job, and drops the rest
silently; so the most frequent groups are annotated first, at most 10, and a notice says how many
more there are and where to read them (the summary and the other formats list every group).
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ..explainer.redact import redact
from .scan import error_title, family_title, headline, retry_words, scan_markdown
from .text import reading_mark

if TYPE_CHECKING:
    from ..scan.summary import Group, ScanReport

ANNOTATIONS_PER_STEP = 10  # of one type (error, warning, notice); GitHub drops the rest
SUMMARY_BYTES = 1024 * 1024  # GitHub's limit for one step's summary
MESSAGE_CHARS = 4000


class Annotation(NamedTuple):
    occurrences: int
    title: str
    message: str
    group: Group


def _data(text: str) -> str:
    """Escaped as a workflow command's message (GitHub's toolkit escapes these three)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """Escaped as a workflow command's property value: a comma or colon would end it."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _clean(text: str) -> str:
    """One line of text taken from the logs, redacted again on its way out."""
    return redact(" ".join(text.split()))[0]


def _places(group: Group) -> str:
    """``app.log:12, 40 (+3 more)``: the lines kept for a group."""
    shown = ", ".join(f"{p.file}:{p.line}" for p in group.places)
    more = group.count - len(group.places)
    return shown + (f" (+{more:,} more)" if more > 0 else "")


def ranked_annotations(report: ScanReport) -> list[Annotation]:
    """Every group (documented or not) as an annotation, most frequent first."""
    out: list[Annotation] = []
    for key, g in report.ranked_matched():
        wild = " (observed in the wild, not documented)" if g.kinds.get("observed") else ""
        lines = [f"{error_title(key)} {g.status_words(key[1])}{wild}: {g.count:,} occurrence(s)"]
        if g.said and g.said != key[4]:  # an observed error: what the log said, then the entry it matched
            lines += [f"message: {g.said}", f"matched: {key[4] or g.entry_id} ({g.entry_id})"]
        elif key[4]:
            lines.append(f"message: {key[4]}")
        if g.guide is not None:
            said, fix, retry = g.guide.summary, g.guide.fix, retry_words(g)
            mark = reading_mark(g.guide)
            lines += [f"meaning: {said} {mark}", f"fix: {fix}", f"retry: {retry} {mark}"]
        lines.append(f"lines: {_places(g)}")
        out.append(Annotation(g.count, f"errcat: {error_title(key)} (x{g.count:,})", "\n".join(lines), g))
    for f in report.ranked_families():
        title = family_title(f)
        lines = [f"{title}: {f.count:,} occurrence(s)", f"text: {f.text}", f"one of: {'; '.join(f.entries)}"]
        lines.append(f"lines: {_places(f)}")
        out.append(Annotation(f.count, f"errcat: {title} (x{f.count:,})", "\n".join(lines), f))
    for u in report.ranked_unmatched():
        who = " ".join(p for p in (u.vendor or "unknown vendor", f"HTTP {u.status}" if u.status else None) if p)
        lines = [f"not in the catalog: {who}: {u.count:,} occurrence(s)", f"text: {u.text}", f"lines: {_places(u)}"]
        lines += [f"sample: {place.file}:{place.line} {sample}" for place, sample in u.samples[:1]]
        out.append(Annotation(u.count, f"errcat: not in the catalog: {who} (x{u.count:,})", "\n".join(lines), u))
    out.sort(key=lambda a: -a.occurrences)  # stable: documented before undocumented at equal counts
    return out


def _where(group: Group, workspace: str | None) -> str:
    """``file=…,line=…`` of the group's first line; the file relative to the workspace when inside it."""
    if not group.places or (group.places[0].file == "stdin" and not Path("stdin").is_file()):
        return ""  # what scan calls standard input: no file in the repository to point at
    place = group.places[0]
    file = place.file
    if workspace:
        with contextlib.suppress(ValueError):  # outside the workspace: the path as given
            file = Path(file).resolve().relative_to(Path(workspace).resolve()).as_posix()
    return f"file={_property(file)},line={place.line},"


def scan_annotations(report: ScanReport, top: int, workspace: str | None = None) -> str:
    """The headline, then ``::error`` commands for the most frequent groups (at most ``top`` and at
    most 10), then a ``::notice`` counting the groups left unannotated."""
    every = ranked_annotations(report)
    shown = every[: min(top, ANNOTATIONS_PER_STEP)]
    out = [headline(report)]
    for a in shown:
        message = "\n".join(_clean(line) for line in a.message.split("\n"))[:MESSAGE_CHARS]
        out.append(f"::error {_where(a.group, workspace)}title={_property(_clean(a.title))}::{_data(message)}")
    rest = len(every) - len(shown)
    if rest > 0:
        more = sum(a.occurrences for a in every[len(shown) :])
        out.append(
            f"::notice title=errcat::{rest:,} more error group(s) ({more:,} occurrence(s)) not annotated: GitHub shows "
            f"{ANNOTATIONS_PER_STEP} annotations of a type per step. The job summary lists the top {top:,}; "
            "errcat scan --format markdown or json lists them all."
        )
    return "\n".join(out) + "\n"


def scan_summary(report: ScanReport, top: int) -> str:
    """The markdown report for the job summary, cut at a line to stay within GitHub's 1 MiB."""
    shown = min(top, ANNOTATIONS_PER_STEP, len(ranked_annotations(report)))
    text = scan_markdown(report, top) + f"\n{shown} most frequent group(s) annotated in the log.\n"
    data = text.encode("utf-8")
    if len(data) <= SUMMARY_BYTES:
        return text
    note = "\n\n> The summary was cut at GitHub's 1 MiB limit: run errcat scan --format markdown for all of it.\n"
    cut = data[: SUMMARY_BYTES - len(note.encode("utf-8"))].decode("utf-8", errors="ignore")
    return cut[: cut.rfind("\n") + 1] + note

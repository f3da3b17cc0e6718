"""Reading one log input into a report: records -> explain -> summary (used by scan() and by each
worker of a parallel scan, so neither imports the other)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import datetime
from functools import partial

from ..explainer import Explanation, explain
from ..explainer.envelopes import STATUS_ONLY, TEXT
from ..gate import shown
from ..index.store import CatalogIndex
from .inputs import Input, chunks
from .prepared import VARYING, Prepared, ScanOptions, prepare
from .records import Finder, Record
from .summary import InputStats, Place, ScanReport, masked_path

MEMO_SIZE = 20_000
# Whole explanations of short records, keyed by the record without its timestamp and with its
# numbers of six or more digits masked: a log repeats the same failing call many times, with
# another request id or order number each time (UUIDs are not masked: they would cost a slower
# pattern on every record). Bounded in count and record size (an
# explanation keeps its text), so at most ~2,000 x 2 KiB of text plus their explanations.
EXPLAINED_SIZE = 2_000
_EXCEPTION = re.compile(r"\b\w*(?:Exception|Error)\b\s*[:(]|\bTraceback\b|\b(?:failed|failure)\b", re.IGNORECASE)


class _Explainer:
    """Turns records into report entries for one input (or one range of it)."""

    def __init__(self, index: CatalogIndex, options: ScanOptions, report: ScanReport):
        self.index, self.options, self.report = index, options, report
        self.memo: dict = {}  # type: ignore[type-arg]
        self.explained: dict[str, Explanation] = {}

    def record(self, name: str, rec: Record, line_offset: int = 0) -> None:
        """Explain and count one record; ``line_offset`` makes a part's line numbers the file's."""
        self.take(name, prepare(rec, self.options), line_offset)

    def take(self, name: str, prep: Prepared, line_offset: int = 0) -> None:
        """Explain and count one prepared record."""
        report = self.report
        report.records += 1
        place = Place(name, prep.line + line_offset)
        if prep.outcome == "binary":
            report.skip(name, place.line, "binary data inside a record skipped")
            return
        if prep.bad_utf8:
            report.skip(name, place.line, "invalid UTF-8 (read with the bad bytes replaced)")
        if prep.outcome == "no-timestamp":
            report.no_timestamp += 1
            return
        if prep.outcome == "outside-window":
            report.filtered_time += 1
            return
        if prep.outcome == "empty":
            return
        x = self._explain(prep.paste, prep.key)
        head = prep.head
        if not (prep.level_error or _is_error(x, head)):
            report.not_errors += 1
            return
        self._count(x, place, prep.when, lambda: shown(head))

    def _explain(self, paste: str, key: str | None) -> Explanation:
        """explain() of a record's text; a repeat of a call explained before (the same text, its
        long numbers aside: ``key``) reuses that explanation."""
        x = self.explained.get(key) if key is not None else None
        if x is None:
            if len(self.memo) > MEMO_SIZE:
                self.memo.clear()
            x = explain(self.index, paste, memo=self.memo, documented_only=self.options.documented_only)
            if key is not None and _shareable(x):
                if len(self.explained) >= EXPLAINED_SIZE:
                    self.explained.clear()
                self.explained[key] = x
        return x

    def _count(self, x: Explanation, place: Place, when: datetime | None, sample: Callable[[], str]) -> None:
        report = self.report
        ex = x.exchange
        endpoint = x.endpoint or (masked_path(ex.path) if ex.path else None)
        vendor_filter = self.options.vendor
        counted = False
        seen: set[object] = set()
        for m in x.errors:
            best = m.best
            vendor = best.entry.vendor if best else x.vendor
            if vendor_filter and vendor != vendor_filter:
                continue
            counted = True
            obs = m.observed
            if m.kind == "status" and (obs.code or obs.name or (obs.message and obs.shape not in (TEXT, STATUS_ONLY))):
                best = None  # only the status is documented, not the body's own code or words: show those
            if best is not None:
                e = best.entry
                key = (e.vendor, e.status, e.code, e.name, e.message)
                if key not in seen:
                    seen.add(key)
                    report.add_matched(key, e.id, m.kind, place, when, endpoint, sample, partial(self.index.guide_for, e))
                continue
            said = m.message or obs.message
            named = " ".join(str(p) for p in dict.fromkeys((obs.code, obs.name)) if p) or None  # "31001 OAuthTokenIsInvalid"
            text = said or ("" if named else f"HTTP {obs.status}" if obs.status else sample())
            ukey = (vendor, obs.status, f"{named}: {text}" if named else text)
            if ukey not in seen:
                seen.add(ukey)
                report.add_unmatched(vendor, obs.status or ex.status, text, place, when, endpoint, sample, named)
        if not x.errors and (not vendor_filter or x.vendor == vendor_filter):
            counted = True
            report.add_unmatched(x.vendor, ex.status, sample(), place, when, endpoint, sample)
        if counted:
            report.errors += 1
        else:
            report.filtered_vendor += 1


def explainer_for(index: CatalogIndex, options: ScanOptions, report: ScanReport) -> _Explainer:
    """What turns records into ``report`` entries (one per process: its cache serves every input)."""
    return _Explainer(index, options, report)


def _shareable(x: Explanation) -> bool:
    """Whether a record differing only in its numbers of six or more digits is the same error: nothing
    that tells errors apart (the observed code, name and status, the matched entry, the endpoint)
    holds one."""
    for m in x.errors:
        obs = m.observed
        said = [obs.code, obs.name, obs.details, obs.status]
        if m.best is not None:
            e = m.best.entry
            said += [e.code, e.name, e.message, e.endpoint]
        if any(v is not None and VARYING.search(str(v)) for v in said):
            return False
    return not (x.endpoint and VARYING.search(x.endpoint))


def _is_error(x: Explanation, head: str) -> bool:
    """Whether an explained record is an error response (not an INFO line that says "0 errors")."""
    if any(m.best is not None for m in x.errors):
        return True
    if (x.exchange.status or 0) >= 400:
        return True
    if any(m.observed.shape not in (TEXT, STATUS_ONLY) for m in x.errors):
        return True
    return bool(_EXCEPTION.search(head))


def scan_stream(
    index: CatalogIndex,
    inp: Input,
    options: ScanOptions,
    report: ScanReport,
    stats: InputStats,
    tick: Callable[[int], None],
    start: int = 0,
    stop: int | None = None,
    own: tuple[int, int | None] = (0, None),
) -> Finder:
    """Read one input (or the byte range [start, stop) of it) into ``report``."""
    finder = Finder(own_start=own[0], own_end=own[1])
    explainer = _Explainer(index, options, report)

    def counted() -> Iterator[bytes]:
        for chunk in chunks(inp, start, stop):
            tick(len(chunk))
            yield chunk

    for rec in finder.records(counted()):
        explainer.record(inp.name, rec)
    for s in finder.skipped:
        if finder.line_at_start <= s.line < max(finder.line_at_end, finder.line_at_start + 1):
            report.skip(inp.name, s.line, s.what)
    stats.lines = finder.line_at_end - finder.line_at_start
    if inp.broken:
        stats.broken = inp.broken
        report.skip(inp.name, finder.line_at_end, inp.broken)
    return finder

"""Scan logs for vendor error responses: inputs -> records -> explain -> summary.

Every record with error evidence is explained by the same pipeline as ``errcat explain`` (no
second matcher); matches are memoised across records, so a log of 10,000 copies of one error
costs about one match. Big plain files are read by several worker processes, each owning a
byte range (see records.Finder); their reports merge into one.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime

from ..catalog.core import Catalog
from ..errors import UsageError
from ..explain import Explanation, explain
from ..explain.envelopes import STATUS_ONLY, TEXT
from ..explain.redact import redact
from ..index.store import CatalogIndex, as_index
from .inputs import Input, chunks, inputs
from .logline import error_level, json_line, timestamp_in
from .records import Finder, Record
from .summary import InputStats, Place, ScanReport, masked_path

__all__ = ["ScanOptions", "ScanReport", "scan"]

PARALLEL_MIN = 64 << 20  # plain files at least this big are read by several workers
MEMO_SIZE = 20_000
# Whole explanations of short records, keyed by the record without its timestamp: a log repeats
# the same failing call many times. Bounded in count and record size (an explanation keeps its
# text), so at most ~1,000 x 2 KiB of text plus their explanations per process.
EXPLAINED_SIZE = 1_000
EXPLAINED_MAX_TEXT = 2_048
_EXCEPTION = re.compile(r"\b\w*(?:Exception|Error)\b\s*[:(]|\bTraceback\b|\b(?:failed|failure)\b", re.IGNORECASE)

Progress = Callable[[int], None]  # bytes read so far, over every input


@dataclass(frozen=True)
class ScanOptions:
    vendor: str | None = None  # report only this vendor's errors
    since: datetime | None = None
    until: datetime | None = None
    workers: int | None = None  # processes for big files; None: one per core (at most 4)


class _Explainer:
    """Turns records into report entries for one input (or one range of it)."""

    def __init__(self, index: CatalogIndex, options: ScanOptions, report: ScanReport):
        self.index, self.options, self.report = index, options, report
        self.memo: dict = {}  # type: ignore[type-arg]
        self.explained: dict[str, Explanation] = {}

    def record(self, name: str, rec: Record) -> None:
        report = self.report
        report.records += 1
        place = Place(name, rec.line)
        if b"\x00" in rec.data:
            report.skip(name, rec.line, "binary data inside a record skipped")
            return
        try:
            text = rec.data.decode("utf-8")
        except UnicodeDecodeError:
            text = rec.data.decode("utf-8", errors="replace")
            report.skip(name, rec.line, "invalid UTF-8 (read with the bad bytes replaced)")
        head = text.split("\n", 1)[0]
        found = json_line(text) if text[:1] == "{" else None
        if found is not None:
            paste, when, level_error = found
        else:
            stamp = timestamp_in(head)
            when = stamp[0] if stamp else None
            paste = text[: stamp[1][0]] + text[stamp[1][1] :] if stamp else text  # the time varies; the error does not
            level_error = error_level(head)
        opts = self.options
        if opts.since or opts.until:
            if when is None:
                report.no_timestamp += 1
                return
            if (opts.since and when < opts.since) or (opts.until and when > opts.until):
                report.filtered_time += 1
                return
        if not paste.strip():
            return
        x = self._explain(paste)
        if not (level_error or _is_error(x, head)):
            report.not_errors += 1
            return
        self._count(x, place, when, lambda: redact(head)[0])

    def _explain(self, paste: str) -> Explanation:
        """explain() of a record's text; the same text (a repeated call) is explained once."""
        x = self.explained.get(paste)
        if x is None:
            if len(self.memo) > MEMO_SIZE:
                self.memo.clear()
            x = explain(self.index, paste, memo=self.memo)
            if len(paste) <= EXPLAINED_MAX_TEXT:
                if len(self.explained) >= EXPLAINED_SIZE:
                    self.explained.clear()
                self.explained[paste] = x
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
            if best is not None:
                e = best.entry
                key = (e.vendor, e.status, e.code, e.name, e.message)
                if key not in seen:
                    seen.add(key)
                    report.add_matched(key, e.id, m.kind, place, when, endpoint, sample)
                continue
            obs = m.observed
            text = m.message or obs.message or obs.name or obs.code or (f"HTTP {obs.status}" if obs.status else sample())
            ukey = (vendor, obs.status, text)
            if ukey not in seen:
                seen.add(ukey)
                report.add_unmatched(vendor, obs.status or ex.status, text, place, when, endpoint, sample)
        if not x.errors and (not vendor_filter or x.vendor == vendor_filter):
            counted = True
            report.add_unmatched(x.vendor, ex.status, sample(), place, when, endpoint, sample)
        if counted:
            report.errors += 1
        else:
            report.filtered_vendor += 1


def _is_error(x: Explanation, head: str) -> bool:
    """Whether an explained record is an error response (not an INFO line that says "0 errors")."""
    if any(m.best is not None for m in x.errors):
        return True
    if (x.exchange.status or 0) >= 400:
        return True
    if any(m.observed.shape not in (TEXT, STATUS_ONLY) for m in x.errors):
        return True
    return bool(_EXCEPTION.search(head))


def scan(
    catalog: Catalog | CatalogIndex,
    names: list[str],
    options: ScanOptions | None = None,
    progress: Progress | None = None,
    reopen: Callable[[], CatalogIndex] | None = None,
) -> ScanReport:
    """Scan log files (``-`` is stdin) for error responses and aggregate what was found.

    ``reopen`` opens the same catalog in a worker process; without it, big files are read by
    this process alone."""
    options = options or ScanOptions()
    index = as_index(catalog)
    if options.vendor is not None and options.vendor.lower() not in index.vendors:
        raise UsageError(f"unknown vendor {options.vendor!r} (known: {', '.join(sorted(index.vendors))})")
    if options.vendor:
        options = ScanOptions(options.vendor.lower(), options.since, options.until, options.workers)
    if not names:
        raise UsageError("nothing to scan: name log files, or - for stdin")
    started = time.perf_counter()
    report = ScanReport()
    done_bytes = 0
    workers = options.workers if options.workers is not None else min(4, os.cpu_count() or 1)
    for inp in inputs(names):
        stats = InputStats(inp.name)
        report.inputs.append(stats)
        part = None
        if not inp.problem and reopen is not None and workers > 1 and inp.splittable and (inp.size or 0) >= PARALLEL_MIN:
            from concurrent.futures import BrokenExecutor

            from .parallel import scan_parallel

            try:
                part = scan_parallel(reopen, inp, options, workers, progress, done_bytes)
            except (OSError, BrokenExecutor):  # no processes to be had here: one reader gives the same report
                part = None
        if part is not None:
            report.merge(part)
            stats.lines = part.inputs[0].lines if part.inputs else 0
        elif not inp.problem:
            base = done_bytes

            def tick(_n: int, inp: Input = inp, base: int = base) -> None:
                if progress is not None:
                    progress(base + inp.read)

            _scan_stream(index, inp, options, report, stats, tick)
        if inp.problem:  # found before reading (missing file) or on reading (a binary file)
            stats.problem = inp.problem
            report.skip(inp.name, None, inp.problem)
        done_bytes += inp.read
        stats.bytes = inp.read  # on disk or from stdin; compressed bytes for gzip
    report.elapsed = time.perf_counter() - started
    return report


def _scan_stream(
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

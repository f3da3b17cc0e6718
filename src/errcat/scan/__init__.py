"""Scan logs for vendor error responses: inputs -> records -> triage -> explain -> summary.

Records that cannot concern a vendor (another program's errors, lines that only mention an
error) are counted where they are found (triage.py); every other record is explained by the same
pipeline as ``errcat explain`` (no second matcher), once per template. Big plain files are read by
several worker processes, each finding and sorting the records of its byte ranges, while this
process explains what they send on, in file order (parallel.py).
"""

from __future__ import annotations

import dataclasses
import os
import time
from collections.abc import Iterator

from ..errors import ScanInterrupted, UsageError, check_vendor
from ..index.store import CatalogIndex
from .inputs import Input, chunks, inputs
from .prepared import Progress, ScanOptions, forget_lines
from .summary import INTERRUPTED, InputStats, ScanReport, forget_signatures

__all__ = ["ScanOptions", "ScanReport", "scan"]

PARALLEL_MIN = 64 << 20  # plain files at least this big are read by several workers


def scan(
    index: CatalogIndex,
    names: list[str],
    options: ScanOptions | None = None,
    progress: Progress | None = None,
) -> ScanReport:
    """Scan log files (``-`` is stdin) for error responses and aggregate what was found (a big
    plain file with ``options.workers`` processes: see the module's docstring)."""
    options = options or ScanOptions()
    options = dataclasses.replace(options, vendor=check_vendor(options.vendor, index.vendors))  # in lower case
    if not names:
        raise UsageError("nothing to scan: name log files, or - for stdin")
    started = time.perf_counter()
    report = ScanReport()
    done_bytes = 0
    cores = os.cpu_count() or 1  # more processes than cores read no faster, and each holds its ranges in memory
    workers = min(options.workers, cores) if options.workers is not None else min(4, cores)
    explainer = None  # one for every input read here: its caches serve the next file (a log and its rotations)
    try:
        for inp in inputs(names):
            stats = InputStats(inp.name)
            report.inputs.append(stats)
            part = None
            if workers > 1 and inp.splittable and (inp.size or 0) >= PARALLEL_MIN:  # splittable: no problem found
                from concurrent.futures import BrokenExecutor

                from .parallel import scan_parallel

                try:
                    part = scan_parallel(index, inp, options, workers, progress, done_bytes)
                except (OSError, BrokenExecutor):  # no processes to be had here: one reader gives the same report
                    part = None
            if part is not None:
                report.merge(part)
                stats.lines = part.inputs[0].lines if part.inputs else 0
                stats.broken = inp.broken  # the file changed or failed while workers read it
            elif not inp.problem:
                from .stream import Explainer, read_whole  # the explainer: imported once workers (if any) are running

                explainer = explainer or Explainer(index, options, report)
                try:
                    read_whole(explainer, inp, _read(inp, progress, done_bytes), stats)
                except KeyboardInterrupt:
                    _interrupted(report, inp, stats, started)
            if inp.problem:  # found before reading (missing file) or on reading (a binary file)
                stats.problem = inp.problem
                report.skip(inp.name, None, inp.problem)
            done_bytes += inp.read
            stats.bytes = inp.read  # on disk or from stdin; compressed bytes for gzip
            stats.unpacked = inp.unpacked if inp.gzip else None
    finally:  # a scan cut short (an exception, a progress callback's) keeps no line of the log either
        forget_lines()
        forget_signatures()
    return _finished(report, started)


def _finished(report: ScanReport, started: float) -> ScanReport:
    report.elapsed = time.perf_counter() - started
    from .needles import engine_name

    report.engine = "hyperscan" if engine_name() == "hyperscan" else "re"
    return report


def _interrupted(report: ScanReport, inp: Input, stats: InputStats, started: float) -> None:
    """Ctrl-C while ``inp`` was read here (read_whole said it cut there): the report of what was read before it
    (ScanInterrupted); the inputs after it are not read."""
    stats.bytes = inp.read
    stats.unpacked = inp.unpacked if inp.gzip else None
    raise ScanInterrupted(_finished(report, started), INTERRUPTED) from None


def _read(inp: Input, progress: Progress | None, base: int) -> Iterator[bytes]:
    """The input's chunks, telling ``progress`` the bytes read so far over every input."""
    for chunk in chunks(inp):
        if progress is not None:
            progress(base + inp.read)
        yield chunk

"""Scan logs for vendor error responses: inputs -> records -> explain -> summary.

Every record with error evidence is explained by the same pipeline as ``errcat explain`` (no
second matcher); matches are memoised across records, so a log of 10,000 copies of one error
costs about one match, and a repeat of a record with another request id costs a dictionary
look-up. Big plain files are read by several worker processes finding records in byte ranges
(records.Finder), explained here in file order (parallel.py).
"""

from __future__ import annotations

import dataclasses
import os
import time

from ..errors import UsageError, check_vendor
from ..index.store import CatalogIndex
from .inputs import Input, inputs
from .prepared import Progress, ScanOptions
from .summary import InputStats, ScanReport

__all__ = ["ScanOptions", "ScanReport", "scan"]

PARALLEL_MIN = 64 << 20  # plain files at least this big are read by several workers


def scan(
    index: CatalogIndex,
    names: list[str],
    options: ScanOptions | None = None,
    progress: Progress | None = None,
) -> ScanReport:
    """Scan log files (``-`` is stdin) for error responses and aggregate what was found.

    A big plain file is read by ``options.workers`` processes finding its records, while this
    one explains them (see parallel.py); gzip and stdin are read by this process alone."""
    options = options or ScanOptions()
    check_vendor(options.vendor, index.vendors)
    if options.vendor:
        options = dataclasses.replace(options, vendor=options.vendor.lower())
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
        if not inp.problem and workers > 1 and inp.splittable and (inp.size or 0) >= PARALLEL_MIN:
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
            base = done_bytes

            def tick(_n: int, inp: Input = inp, base: int = base) -> None:
                if progress is not None:
                    progress(base + inp.read)

            from .stream import scan_stream  # the explainer: imported once workers (if any) are running

            scan_stream(index, inp, options, report, stats, tick)
        if inp.problem:  # found before reading (missing file) or on reading (a binary file)
            stats.problem = inp.problem
            report.skip(inp.name, None, inp.problem)
        done_bytes += inp.read
        stats.bytes = inp.read  # on disk or from stdin; compressed bytes for gzip
        stats.unpacked = inp.unpacked if inp.gzip else None
    report.elapsed = time.perf_counter() - started
    from .needles import engine_name

    report.engine = "hyperscan" if engine_name() == "hyperscan" else "re"
    return report

"""Scan logs for vendor error responses: inputs -> records -> explain -> summary.

Every record with error evidence is explained by the same pipeline as ``errcat explain`` (no
second matcher); matches are memoised across records, so a log of 10,000 copies of one error
costs about one match. Big plain files are read by several worker processes, each owning a
byte range (see records.Finder); their reports merge into one.
"""

from __future__ import annotations

import dataclasses
import os
import time
from collections.abc import Callable

from ..catalog.core import Catalog
from ..errors import UsageError, check_vendor
from ..index.store import CatalogIndex, as_index
from .inputs import Input, inputs
from .stream import Progress, ScanOptions, scan_stream
from .summary import InputStats, ScanReport

__all__ = ["ScanOptions", "ScanReport", "scan"]

PARALLEL_MIN = 64 << 20  # plain files at least this big are read by several workers


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

            scan_stream(index, inp, options, report, stats, tick)
        if inp.problem:  # found before reading (missing file) or on reading (a binary file)
            stats.problem = inp.problem
            report.skip(inp.name, None, inp.problem)
        done_bytes += inp.read
        stats.bytes = inp.read  # on disk or from stdin; compressed bytes for gzip
    report.elapsed = time.perf_counter() - started
    return report

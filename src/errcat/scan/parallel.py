"""Read one big plain file with several worker processes, each owning a byte range.

Ranges start at line starts. A worker reads a little before its range (look-back context) and
past its end (to finish a record that starts inside it); records.Finder decides ownership, so
each record is reported by exactly one worker. Line numbers are made absolute on merging."""

from __future__ import annotations

import itertools
import multiprocessing as mp
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from ..index.store import CatalogIndex
from .inputs import Input
from .records import LOOKBACK, MAX_RECORD
from .stream import ScanOptions, scan_stream
from .summary import InputStats, ScanReport

_progress: Any = None  # a shared array of bytes read, one slot per worker (set in each worker)


def _init(progress: Any) -> None:
    global _progress
    _progress = progress


def _align(path: str, pos: int) -> int:
    """The first line start at or after ``pos``."""
    if pos <= 0:
        return 0
    with open(path, "rb") as f:
        f.seek(pos - 1)
        while block := f.read(1 << 16):
            nl = block.find(b"\n")
            if nl >= 0:
                return f.tell() - len(block) + nl + 1
    return pos


def _work(
    reopen: Callable[[], CatalogIndex], inp: Input, options: ScanOptions, slot: int, begin: int, start: int, stop: int, end: int
) -> tuple[ScanReport, int, int]:
    """Scan [start, stop) of the file, reading [begin, end)."""
    index = reopen()
    report = ScanReport()
    stats = InputStats(inp.name)

    def tick(n: int) -> None:
        if _progress is not None:
            _progress[slot] += n

    finder = scan_stream(index, inp, options, report, stats, tick, begin, end, (start - begin, stop - begin))
    return report, finder.line_at_start, finder.line_at_end


def scan_parallel(
    reopen: Callable[[], CatalogIndex],
    inp: Input,
    options: ScanOptions,
    workers: int,
    progress: Callable[[int], None] | None,
    base: int,
) -> ScanReport:
    assert inp.path is not None and inp.size is not None
    size = inp.size
    cuts = sorted({_align(inp.path, size * i // workers) for i in range(workers)} | {size})
    ranges = [(a, b) for a, b in itertools.pairwise(cuts) if b > a]
    shared = mp.get_context().Array("q", len(ranges), lock=False)
    report = ScanReport()
    with ProcessPoolExecutor(len(ranges), initializer=_init, initargs=(shared,)) as pool:
        futures = []
        for slot, (start, stop) in enumerate(ranges):
            begin = _align(inp.path, start - LOOKBACK) if start else 0
            end = min(size, stop + LOOKBACK + MAX_RECORD)
            futures.append(pool.submit(_work, reopen, inp, options, slot, begin, start, stop, end))
        while progress is not None and not all(f.done() for f in futures):
            progress(base + min(size, sum(shared)))
            time.sleep(0.1)
        line = 1
        for f in futures:
            part, at_start, at_end = f.result()
            part.shift(inp.name, line - at_start)
            report.merge(part)
            line += at_end - at_start
    inp.read = size
    report.inputs.append(InputStats(inp.name, size, line - 1))
    return report

"""Read one big plain file with several worker processes finding its error records, while this
process explains them in file order.

Finding is the part that reads every byte (the needle pass, line counting, grouping lines into
records), so it is what the workers share: the file is cut into ranges at line starts, each a
task. A worker reads a little before its range (look-back context) and past its end (to finish a
record that starts inside it); records.Finder decides ownership, so each record is reported by
exactly one task. Explaining stays here, in one process, so that one cache of explanations serves
the whole file (a log repeats its few failing calls); tasks are submitted a few ahead of the one
being explained, so memory stays bounded by a few ranges' records."""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor

from ..index.store import CatalogIndex
from .inputs import Input, read_range
from .records import LOOKBACK, MAX_RECORD, Finder, Skipped
from .stream import Prepared, ScanOptions, explainer_for, prepare
from .summary import InputStats, ScanReport

TASK_BYTES = 32 << 20  # one task's range: big enough that its read-past overhead stays ~3 %
AHEAD = 2  # tasks queued per worker beyond the one it runs

Found = tuple[list[Prepared], list[Skipped], int, int, str | None]


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


def _find(inp: Input, options: ScanOptions, begin: int, start: int, stop: int, end: int) -> Found:
    """The records whose head lies in [start, stop), reading [begin, end), prepared for
    explaining; with the skipped places, the line numbers at start and stop (counted from
    ``begin``) and any read failure."""
    window, dropped = read_range(inp, begin, end)
    finder = Finder(own_start=start - begin - dropped, own_end=stop - begin - dropped)
    records = [prepare(rec, options) for rec in finder.records([window])]
    return records, finder.skipped, finder.line_at_start, finder.line_at_end, inp.broken or inp.problem


def scan_parallel(
    index: CatalogIndex,
    inp: Input,
    options: ScanOptions,
    workers: int,
    progress: Callable[[int], None] | None,
    base: int,
) -> ScanReport:
    assert inp.path is not None and inp.size is not None
    path, size = inp.path, inp.size
    step = max(1, min(TASK_BYTES, size // workers))
    cuts = sorted({_align(path, pos) for pos in range(0, size, step)} | {size})
    ranges = [(a, b) for a, b in itertools.pairwise(cuts) if b > a]
    report = ScanReport()
    explainer = explainer_for(index, options, report)
    line = 1  # the file's line number at the start of the next range
    with ProcessPoolExecutor(min(workers, len(ranges))) as pool:
        pending: deque[tuple[int, Future[Found]]] = deque()
        todo = iter(ranges)

        def submit() -> None:
            for start, stop in itertools.islice(todo, workers * (1 + AHEAD) - len(pending)):
                begin = _align(path, start - LOOKBACK) if start else 0
                end = min(size, stop + LOOKBACK + MAX_RECORD)
                pending.append((stop, pool.submit(_find, inp, options, begin, start, stop, end)))

        submit()
        while pending:
            stop, future = pending.popleft()
            records, skipped, at_start, at_end, broken = future.result()
            submit()
            delta = line - at_start
            for prep in records:
                explainer.take(inp.name, prep, delta)
            for s in skipped:
                if at_start <= s.line < max(at_end, at_start + 1):
                    report.skip(inp.name, s.line + delta, s.what)
            line += at_end - at_start
            if broken:  # the file changed or failed under us: what follows was not read
                report.skip(inp.name, line, broken)
                inp.broken = broken
                break
            if progress is not None:
                progress(base + stop)
    inp.read = size
    report.inputs.append(InputStats(inp.name, size, line - 1))
    return report

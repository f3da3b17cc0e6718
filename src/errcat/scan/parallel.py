"""Read one big plain file with several worker processes finding its error records, while this
process explains them in file order.

Finding is the part that reads every byte (the needle pass, line counting, grouping lines into
records), so it is what the workers share: the file is cut into ranges at line starts, each a
task. A worker reads a little before its range (look-back context) and past its end (to finish a
record that starts inside it); records.Finder decides ownership, so each record is reported by
exactly one task. Explaining stays here, in one process, so that one cache of explanations serves
the whole file (a log repeats its few failing calls). Tasks are submitted ahead of the one being
explained, as far as the results waiting here stay small, so memory stays bounded whatever the
log holds."""

from __future__ import annotations

import contextlib
import itertools
import os
import signal
from collections import deque
from collections.abc import Callable
from concurrent.futures import BrokenExecutor, Future, ProcessPoolExecutor

from ..index.store import CatalogIndex
from .inputs import SHRANK, Input, read_range
from .prepared import Prepared, ScanOptions, prepare
from .records import LOOKBACK, MAX_RECORD, Finder, Skipped
from .summary import InputStats, ScanReport, read_before

TASK_BYTES = 32 << 20  # one task's range: big enough that its read-past overhead stays ~3 %
# Tasks in flight per worker beyond the one it runs: AHEAD whatever their results weigh, up to
# AHEAD_MAX while the finished results waiting here hold less than WAITING_BYTES of records. The
# first ranges cost the explaining process most (every error is new to its cache); a short queue
# left the workers idle then, and the explaining process idle at the end (1.48 -> 1.33 s median
# on the bench's 1 GB log, five runs each).
AHEAD, AHEAD_MAX, WAITING_BYTES = 2, 16, 32 << 20
WORKER_NICENESS = 5
RECORD_OVERHEAD = 200  # bytes of a prepared record beside its text

Found = tuple[list[Prepared], list[Skipped], int, int, str | None, int]  # ..., bytes its records hold


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


def _size_now(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def _waiting(pending: deque[tuple[int, Future[Found]]]) -> int:
    """Bytes of records in results finished and not yet explained."""
    return sum(f.result()[5] for _, f in pending if f.done() and f.exception() is None)


def _end_quietly(_signal: int, _frame: object) -> None:
    os._exit(130)


def _yield_to_explaining() -> None:
    """Workers run at a lower priority than this process. With as many workers as cores, a fair
    share slowed the explaining process to two thirds of a core: it fell behind and finished
    alone after the workers (one core idle). Deferring to it keeps it caught up, and workers take
    every cycle it leaves. On Ctrl-C a worker ends at once and silently (each printed a
    KeyboardInterrupt traceback; ignoring it kept the scan running until the ranges it had were
    read), leaving this process to stop the scan with exit 130."""
    signal.signal(signal.SIGINT, _end_quietly)
    if hasattr(os, "nice"):  # not on Windows
        with contextlib.suppress(OSError):
            os.nice(WORKER_NICENESS)


def _find(inp: Input, options: ScanOptions, begin: int, start: int, stop: int, end: int) -> Found:
    """The records whose head lies in [start, stop), reading [begin, end), prepared for
    explaining; with the skipped places, the line numbers at start and stop (counted from the
    first byte read, which may lie before ``begin``: a mapping starts at a page boundary), any
    read failure, and the bytes the records hold."""
    with read_range(inp, begin, end) as (window, base):
        # the last range reads to the end, where a last line without its newline still counts
        finder = Finder(own_start=start - base, own_end=stop - base if stop < (inp.size or 0) else None)
        records = [prepare(rec, options) for rec in finder.records([window])]
    weight = sum(len(p.paste) + len(p.key or "") + len(p.head) + RECORD_OVERHEAD for p in records)
    return records, finder.skipped, finder.line_at_start, finder.line_at_end, inp.broken or inp.problem, weight


def _ranges(path: str, size: int, workers: int) -> list[tuple[int, int]]:
    """The file cut at line starts into ranges, one a task: TASK_BYTES at most, and a file
    smaller than that per worker is cut into one range per worker, so that each has one."""
    step = max(1, min(TASK_BYTES, size // workers))
    cuts = sorted({_align(path, pos) for pos in range(0, size, step)} | {size})
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a]


def _result(
    future: Future[Found], stop: int, read: int, path: str, size: int
) -> tuple[list[Prepared], list[Skipped], int, int, str | None, int]:
    """A task's records, skipped places, line numbers at its start and end, any read failure,
    and where the file was read to. A pool broken by a truncation of the file reads as the file
    having shrunk at ``read``; one broken while the file is whole is raised, for scan() to read
    the file in one process."""
    try:
        records, skipped, at_start, at_end, broken, _ = future.result()
    except BrokenExecutor:
        if _size_now(path) >= size:
            raise  # no processes to be had: scan() reads the file in one process
        # a worker touched a mapped page cut off by a truncation (and died of it)
        return [], [], 1, 1, SHRANK, read
    return records, skipped, at_start, at_end, broken, stop


def _report_skipped(report: ScanReport, name: str, skipped: list[Skipped], at_start: int, at_end: int, delta: int) -> None:
    """Report the places a task skipped that lie in its own lines (the ones it read before or
    after its range belong to its neighbours), numbered as lines of the whole file."""
    for s in skipped:
        if at_start <= s.line < max(at_end, at_start + 1):
            report.skip(name, s.line + delta, s.what)


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
    ranges = _ranges(path, size, workers)
    report = ScanReport()
    line = 1  # the file's line number at the start of the next range
    read = 0  # bytes of the file read and explained
    with ProcessPoolExecutor(min(workers, len(ranges)), initializer=_yield_to_explaining) as pool:
        pending: deque[tuple[int, Future[Found]]] = deque()
        todo = iter(ranges)

        def submit() -> None:
            while len(pending) < workers * (1 + AHEAD_MAX):
                if len(pending) >= workers * (1 + AHEAD) and _waiting(pending) > WAITING_BYTES:
                    return
                if (task := next(todo, None)) is None:
                    return
                start, stop = task
                begin = _align(path, start - LOOKBACK) if start else 0
                end = min(size, stop + LOOKBACK + MAX_RECORD)
                pending.append((stop, pool.submit(_find, inp, options, begin, start, stop, end)))

        try:
            submit()  # workers fork here, lean: the explainer is imported after, while they read
            from .stream import explainer_for

            explainer = explainer_for(index, options, report)
            while pending:
                stop, future = pending.popleft()
                records, skipped, at_start, at_end, broken, stop = _result(future, stop, read, path, size)
                if not broken:
                    submit()
                delta = line - at_start
                for prep in records:
                    explainer.take(inp.name, prep, delta)
                _report_skipped(report, inp.name, skipped, at_start, at_end, delta)
                line += at_end - at_start
                # a file deleted under us has no size now: what was read before it still was
                read = stop if not broken else max(read, min(stop, _size_now(path)))
                if broken:  # the file changed or failed under us: what follows was not read
                    broken = read_before(broken, read, line - 1)
                    report.skip(inp.name, line, broken)
                    inp.broken = broken
                    break
                if progress is not None:
                    progress(base + stop)
        finally:  # a broken file or an interrupt: the tasks queued ahead are not run
            pool.shutdown(wait=False, cancel_futures=True)
    inp.read = read
    report.inputs.append(InputStats(inp.name, read, line - 1))
    return report

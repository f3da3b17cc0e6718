"""Read one big plain file with several worker processes, while this process explains what they
send, in file order.

The file is cut at line starts into ranges, each a task. A worker reads its range with a little
before it (look-back context) and past its end (to finish a record that starts inside it);
records.Finder decides ownership, so each record is found by exactly one task. The worker also
sorts what it finds (triage.py): it counts the records that need no catalog into its part of the
report, and sends on only those that may concern a vendor. Explaining stays here, in one process,
so that one cache of explanations serves the whole file (a log repeats its few failing calls).
IN_FLIGHT tasks per worker are kept running or queued while this process explains: a log's first
ranges hold most of its distinct failures, and workers that waited for them to be explained sat
idle a third of the time. What finished tasks hold here, waiting to be explained, is bounded by
HELD_RANGES, HELD_RECORDS and HELD_TEXT, whatever the log holds and however fast the machine. Ranges
are small first, and while they send many records to be explained (FIRST_BYTES).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from ..index.store import CatalogIndex
from ..text import UTF8_BOM
from .concerns import VendorNeedles, needles_for
from .inputs import CHUNK, Input, read_range
from .needles import Buffer
from .prepared import Prepared, ScanOptions
from .records import LOOKBACK, MAX_LINE, MAX_RECORD, Finder, Skipped
from .summary import InputStats, ScanReport, Unmatched, read_before
from .triage import Triage, fold_untimed, settle_untimed
from .w3c import Columns, columns_at

TASK_BYTES = 8 << 20  # one task's range: what it reads past its end (to finish a record) is searched, not read on
IN_FLIGHT = 2  # tasks per worker running or queued: one running, one waiting
HELD_RANGES = 32  # finished tasks waiting here to be explained, at most (each holds only its records and counts)
HELD_RECORDS = 20_000  # and the records they hold: past either, none is read ahead (a range of vendor lines holds 50,000)
HELD_TEXT = 32 << 20  # and the characters of those records' texts (a log of 150 KB bodies: 250 records a MB)
# The first ranges are small, and so is every range while ranges send many records to be explained (a log of vendor
# lines differing by an id sends 4,000 a MB, each kept twice, here and in a worker, until explained: its 8 MB ranges
# held 416 MB): the next range's size is told by the last one explained
FIRST_BYTES = 1 << 20
DENSE_RECORDS = 1_000  # records a MB of a range sends, past which ranges stay FIRST_BYTES
TOP_UP_EVERY = 32  # records explained between looks at whether workers need more tasks
WORKER_NICENESS = 5


def whole_range(task_bytes: int) -> int:
    """The most a range of ``task_bytes`` is read whole: a task, the rest of its last line (at most MAX_LINE read), and
    its look-back and look-ahead; a bigger one holds a longer line, and is read a CHUNK at a time (a 200 MB first line
    held 646 MB). A Dask task's block alike (cluster.py)."""
    return task_bytes + MAX_LINE + LOOKBACK + MAX_RECORD


WHOLE_RANGE = whole_range(TASK_BYTES)
SHARED_MAX = 50_000  # distinct texts and times a range's records share (_shared): only a bound

# a task's part of the report, the template of each of its other programs' groups, its records to
# explain, skipped places, line numbers at its start and stop, where it read to, a read failure, and the
# lines of its groups whose times are read once the file is (Triage.handed)
Untimed = dict[str, list[bytes | str]]
Found = tuple[ScanReport, dict[str, str | bytes], list[Prepared], list[Skipped], int, int, int, str | None, Untimed]
_TRIAGE: list[Triage] = []  # this worker's: its verdicts serve every range it reads
# this worker's path to the file the scan holds open (_held; None: the input's path) and that file's device and inode
_HELD: list[tuple[str | None, tuple[int, int]]] = []
REPLACED = "another file took its path while it was read (renamed away and made anew: rotated?); the rest was not read"


def line_start(f: Any, pos: int, limit: int | None = None) -> int:
    """The first line start at or after ``pos`` in an open file (a local one, or fsspec's); ``limit`` when there is
    none before it (each Dask block inside one long line read to the line's end: quadratic in the blocks it spans)."""
    if pos <= 0:
        return 0
    f.seek(pos - 1)
    at = pos - 1
    while (limit is None or at < limit) and (block := f.read(1 << 16)):
        nl = block.find(b"\n")
        if nl >= 0:
            return int(at + nl + 1) if limit is None else min(limit, int(at + nl + 1))
        at += len(block)
    return int(at) if limit is None else min(limit, int(at))


def _end_quietly(_signal: int, _frame: object) -> None:
    os._exit(130)


def _end_with(parent: int) -> None:
    """End this worker once the process that started it is gone (killed with SIGKILL, or by the
    kernel out of memory): its pool's pipe never closes, and the worker waited on it for ever."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _held(f: Any, path: str) -> str:
    """A path to the very file ``f`` holds open, for workers to read it by: Linux's /proc/<pid>/fd/<n>, which stays
    that file however its path changes (deleted mid-scan: every range read by path failed, and the report dropped
    all the workers had read; rotated: ranges read from the new file), else ``path``."""
    held = f"/proc/{os.getpid()}/fd/{f.fileno()}"
    try:
        return held if _identity(os.stat(held)) == _identity(os.fstat(f.fileno())) else path
    except OSError:
        return path


def _identity(st: os.stat_result) -> tuple[int, int]:
    return st.st_dev, st.st_ino


def _start_worker(needles: VendorNeedles, options: ScanOptions, name: str, held: str, identity: tuple[int, int]) -> None:
    """Make the triage of the ranges this worker reads, once (its needles, 12 KB pickled, no longer
    go with each task), and find the file as the scan opened it (``held``, when it is still the file
    of that ``identity``: see _held). Workers run at a lower priority than this process, so that explaining keeps
    up with them and they take every cycle it leaves. On Ctrl-C a worker ends at once and silently
    (each printed a KeyboardInterrupt traceback), leaving this process to stop the scan with exit 130."""
    _TRIAGE[:] = [Triage(needles, options, ScanReport(), name)]
    _HELD[:] = [(None, identity)]
    with contextlib.suppress(OSError), open(held, "rb") as f:  # opened, not only seen: a sandbox may refuse it
        _HELD[:] = [(held if _identity(os.fstat(f.fileno())) == identity else None, identity)]
    signal.signal(signal.SIGINT, _end_quietly)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the command line's handler (a forked copy): a worker has nothing to remove
    parent = multiprocessing.parent_process()  # its pid as the pool knew it, even if it is gone already
    threading.Thread(target=_end_with, args=(parent.pid if parent else os.getppid(),), daemon=True).start()
    if hasattr(os, "nice"):  # not on Windows
        with contextlib.suppress(OSError):
            os.nice(WORKER_NICENESS)


def _find(inp: Input, begin: int, start: int, stop: int, end: int) -> Found:
    """Read [begin, end) and sort the records whose head lies in [start, stop): line numbers count
    from 1 at ``begin``."""
    source = (_HELD[0][0] if _HELD else None) or inp.path or ""
    if end - begin > WHOLE_RANGE:  # a line longer than a task in it: read as one reader does, a line too long let go
        stream = Blocks(lambda at, to: b"" if inp.broken else bytes(_read_same(inp, at, to, source)), begin, end)
        chunks: Iterable[Buffer] = stream
    else:
        data = _read_same(inp, begin, end, source)
        chunks, stream = [data], None
    triage = _TRIAGE[0]
    part = triage.report = ScanReport()
    columns = Columns(False)  # the file gone since (read_range said so): read as any log
    with contextlib.suppress(FileNotFoundError), open(source, "rb") as f:
        columns = columns_at(f, begin, (inp.path, inp.size))  # a W3C log's header before the range: where its statuses are
    # the last range reads to the end, where a last line without its newline still counts
    own_end = stop - begin if stop < (inp.size or 0) else None
    finder = Finder(own_start=start - begin, own_end=own_end, triage=triage, columns=columns)
    records = _shared(finder.to_explain(chunks))
    untimed = triage.handed()  # (before settle, which would read their times in this range alone)
    triage.settle()
    triage.took(part)
    templates = triage.made(part)
    read_to = begin + (stream.got if stream is not None else len(data))
    return part, templates, records, finder.own_skipped(), finder.line_at_start, finder.line_at_end, read_to, inp.broken, untimed


class Blocks:
    """[begin, end) of a file read a CHUNK at a time by ``read(at, to)`` (b"": no more), for a range too big to read
    whole (see whole_range); ``got``: how much came. A Dask task's block alike (cluster.py)."""

    def __init__(self, read: Callable[[int, int], bytes], begin: int, end: int):
        self.read, self.begin, self.end = read, begin, end
        self.got = 0

    def __iter__(self) -> Iterator[bytes]:
        while (at := self.begin + self.got) < self.end and (block := self.read(at, min(self.end, at + CHUNK))):
            self.got += len(block)
            yield block


def _read_same(inp: Input, begin: int, end: int, source: str) -> bytearray:
    """read_range, kept only when ``source`` names the file the scan opened before and after the read. Without /proc
    (macOS, Windows) workers read by the input's path, and a file renamed away with a new one made in its place (logrotate's
    default) was read on in the new file without a word; such a range is read as empty and the input marked."""
    if _replaced(source):
        inp.broken = REPLACED
        return bytearray()
    data = read_range(inp, begin, end, source)
    if _replaced(source):  # during the read: which file it read from is not known
        inp.broken = REPLACED
        del data[:]
    return data


def _replaced(source: str) -> bool:
    try:
        return bool(_HELD) and _identity(os.stat(source)) != _HELD[0][1]
    except OSError:  # gone (deleted): read_range says so, or has read the file it opened to its end
        return False


def _shared(records: Iterator[Prepared]) -> list[Prepared]:
    """A range's records with each text and time that repeats made one object: pickle sends an object
    once however often it is referred to, so a log failing the same way on every line (the same text
    once its time is dropped, the same template) sends and holds it once a range, not once a line
    (four workers' ranges in flight held 440 MB)."""
    seen: dict[object, object] = {}

    def one(value: Any) -> Any:
        return value if value is None else seen.setdefault(value, value)

    out = []
    for prep in records:
        if len(seen) > SHARED_MAX:
            seen.clear()
        out.append(prep._replace(paste=one(prep.paste), key=one(prep.key), head=one(prep.head), when=one(prep.when)))
    return out


def _tasks(f: Any, first: int, size: int, step: list[int]) -> Iterator[tuple[int, int, int, int]]:
    """The file open as ``f`` from ``first`` cut at line starts into ranges of about ``step[0]`` bytes as each is
    submitted, one a task: what _find reads (begin, end) and the records it sorts (start, stop)."""
    start = first
    while start < size:
        stop = line_start(f, start + step[0]) if start + step[0] < size else size
        begin = max(first, line_start(f, start - LOOKBACK)) if start > first else start
        yield begin, start, stop, min(size, stop + LOOKBACK + MAX_RECORD)
        start = stop


def _room(pending: deque[tuple[int, Future[Found]]], workers: int, sizes: dict[Future[Found], int]) -> bool:
    """Whether another task may be submitted: fewer than IN_FLIGHT per worker are running or queued,
    and what the finished ones hold here, waiting to be explained, is within HELD_RANGES, HELD_RECORDS
    and HELD_TEXT (``sizes``: each finished task's, counted once; a failed one: no, the caller's loop says why)."""
    running = held = records = text = 0
    for _, f in pending:
        if not f.done():
            running += 1
        elif f.exception() is not None:
            return False
        else:
            found = f.result()[2]
            if f not in sizes:
                sizes[f] = sum(len(p.paste) + len(p.head) for p in found)
            held, records, text = held + 1, records + len(found), text + sizes[f]
    return running < IN_FLIGHT * workers and held < HELD_RANGES and records < HELD_RECORDS and text < HELD_TEXT


def named(part: ScanReport, templates: dict[str, str | bytes], texts: dict[str | bytes, str]) -> ScanReport:
    """A part of the report (a range's, a Dask task's) with each of other programs' groups under the text the first
    record in the file of its template or shape (``templates``) gave it (``texts``, as one reader names them: the first
    record a worker met may have been another, "jk6_init() ..." where one reader met "jk2_init() ..." first)."""
    other: dict[str, Unmatched] = {}
    for said, g in part.other.items():
        g.text = texts.setdefault(templates.get(said, said), said)
        if g.text in other:
            other[g.text].merge(g)
        else:
            other[g.text] = g
    part.other = other
    return part


def scan_parallel(
    index: CatalogIndex,
    inp: Input,
    options: ScanOptions,
    workers: int,
    progress: Callable[[int], None] | None,
    base: int,
) -> ScanReport:
    assert inp.path is not None and inp.size is not None
    size = inp.size
    with open(inp.path, "rb") as held:  # open until the scan ends: workers read this very file (_held)
        path = _held(held, inp.path)
        # a UTF-8 byte-order mark is no part of the first line; a padded file is read from its text (_after_padding)
        first = inp.start or (len(UTF8_BOM) if held.read(len(UTF8_BOM)) == UTF8_BOM else 0)
        step = max(1, min(TASK_BYTES, size // workers))  # a file smaller than a task per worker: one range each
        # each worker's triage (documented-only needles suffice), and the file as opened here
        setup = (needles_for(index.whole), options, inp.name, path, _identity(os.fstat(held.fileno())))
        report = ScanReport()
        heads: Untimed = {}  # each group's first, last, lowest and highest line counted without its time
        texts: dict[str | bytes, str] = {}  # a template (or shape) -> the group text its first record in the file gave it
        line = 1  # the file's line number at the start of the next range
        read = first  # bytes of the file read and explained
        with ProcessPoolExecutor(min(workers, -(-size // step)), initializer=_start_worker, initargs=setup) as pool:
            pending: deque[tuple[int, Future[Found]]] = deque()
            step_now = [min(FIRST_BYTES, step)]  # until the first range tells how many records ranges send
            tasks = _tasks(held, first, size, step_now)  # cut where the file the scan opened has its lines

            sizes: dict[Future[Found], int] = {}  # a finished task's records' characters (_room)

            def top_up() -> None:
                while _room(pending, workers, sizes) and (task := next(tasks, None)) is not None:
                    pending.append((task[2], pool.submit(_find, inp, *task)))

            try:
                top_up()
                from .stream import Explainer

                explainer = Explainer(index, options, report)
                while pending:
                    stop, future = pending[0]
                    part, templates, records, skipped, at_start, at_end, read_to, broken, untimed = future.result()
                    pending.popleft()
                    sizes.pop(future, None)
                    step_now[0] = min(FIRST_BYTES, step) if len(records) > DENSE_RECORDS * (stop - read) / (1 << 20) else step
                    delta = line - at_start
                    part.shift(delta)  # its line numbers made the file's
                    fold_untimed(heads, untimed, {said: texts.get(templates.get(said, said), said) for said in untimed})
                    report.merge(named(part, templates, texts))
                    for k, prep in enumerate(records):
                        if not broken and k % TOP_UP_EVERY == 0:
                            top_up()
                        explainer.take(inp.name, prep, delta)
                    for s in skipped:  # in its own lines, numbered as lines of the whole file
                        report.skip(inp.name, s.line + delta, s.what)
                    line += at_end - at_start
                    read = max(read, min(stop, read_to))
                    if broken:  # the file changed or failed under us: what follows was not read
                        broken = read_before(broken, read, line - 1)
                        report.skip(inp.name, line, broken)
                        inp.broken = broken
                        break
                    top_up()
                    if progress is not None:
                        progress(base + stop)
            finally:  # a broken file or an interrupt: the tasks queued ahead are not run
                pool.shutdown(wait=False, cancel_futures=True)
        settle_untimed(report, heads)  # the times of each group's first, last, lowest and highest line, as one reader's
        inp.read = read
        report.inputs.append(InputStats(inp.name, read, line - 1))
        return report

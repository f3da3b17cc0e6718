"""Scan on a Dask cluster (``errcat scan --dask ADDRESS``), or read URLs here, through fsspec.

The inputs are cut into tasks: a big plain file into line-aligned blocks (read as parallel.py
reads its ranges), gzip and UTF-16 files whole (they cannot be split), small files grouped up to a
block's bytes, or on a cluster up to the share of all bytes that makes about two tasks per worker
thread (so that every worker reads). Each worker explains its records with the catalog in use (the
compiled index, user overlays included, shipped once to every worker) and returns a partial report; this
process merges them in input order, shifting each block's line numbers by the lines before it, so
the result is the document a local scan gives.

Dask's distributed is imported only when the tasks run on a cluster. Workers need errcat installed
(and the protocol's fsspec package for URLs). Each worker process runs one task at a time (its
index and explain caches are its own), so start workers with ``--nthreads 1`` and as many
``--nworkers`` as cores.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import logging
import os
import sqlite3
import struct
import threading
import time
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any

from ..errors import ErrcatError, UsageError, check_vendor
from ..index.store import CatalogIndex
from ..text import UTF8_BOM, WIDE, docker_framed
from .inputs import BINARY, SHRANK, SNIFF, Input, _decoded, sniffed
from .parallel import Blocks, line_start, named, whole_range
from .prepared import ScanOptions, forget_lines
from .records import LOOKBACK, MAX_RECORD, Finder
from .remote import expand, failure, is_http, open_input, shown
from .summary import InputStats, ScanReport, forget_signatures
from .w3c import columns_at

TASK_BYTES = 32 << 20  # one block, and what a task of small files holds at most (as parallel.TASK_BYTES)
TASKS_PER_THREAD = 2  # small files are spread so: a thread that ends early takes another's second task
RETRIES = 2  # a task whose worker died is run again by Dask; this many more times on an error
WAIT_FOR_WORKERS = 30  # seconds a scheduler may take to get its first worker

Whole = tuple[str, str, int]  # a file read whole: its name as shown, its URL, its size
# ("files" | "stream", [Whole...]; "stream": read as one GET) | ("missing", Input)
# | ("block", (name, URL, file size, a, b): the bytes [a, b) of a big file)
Task = tuple[str, Any]


# -- on a worker -------------------------------------------------------------------------------

_LOCK = threading.Lock()  # one task at a time per worker process: the index and caches are shared
_SHIPPED: dict[str, Any] = {}  # this process's index (by digest)


def _explainer(blob: bytes, digest: str, options: ScanOptions, report: ScanReport) -> Any:
    """A new explainer for one task, writing into ``report``. Not one kept for the worker's tasks: what an
    explainer has seen decides how it groups (a call shape settled after SETTLE_AFTER records, settled.py; a
    kept explanation is not counted towards its shape), so a kept one made a task's report depend on the tasks
    and scans its worker ran before (the same log scanned twice on a cluster gave two reports). The shipped
    index (or its documented-only view: the digest says) is deserialized once a process."""
    from .stream import Explainer

    if _SHIPPED.get("digest") != digest:
        db = sqlite3.connect(":memory:", check_same_thread=False)  # tasks run on the worker's threads, one at a time
        db.deserialize(blob)
        shipped = CatalogIndex(db, origin="shipped")
        _SHIPPED.clear()
        _SHIPPED.update(digest=digest, index=shipped.documented() if digest.endswith(DOCUMENTED) else shipped)
    return Explainer(_SHIPPED["index"], options, report)


def run_task(blob: bytes, digest: str, options: ScanOptions, task: Task) -> tuple[Any, ...]:
    """One task's partial report (what a worker runs)."""
    from .needles import engine_name

    with _LOCK:
        report = ScanReport(engine="hyperscan" if engine_name() == "hyperscan" else "re")
        explainer = _explainer(blob, digest, options, report)
        kind, what = task
        try:
            if kind in ("files", "stream"):
                for name, url, size in what:
                    report.inputs.append(_read_whole(explainer, name, url, size, stream=kind == "stream"))
                return report, explainer.triage.made(report)
            block = _read_block(explainer, *what)
            return (report, explainer.triage.made(report), *block)
        finally:  # a worker lives on after its task, on a cluster others share: it keeps none of the log's lines
            forget_lines()
            forget_signatures()


def _opened_chunks(inp: Input, url: str, stream: bool = False) -> Iterator[bytes]:
    """A whole input's decoded chunks (gzip by content, as a local scan reads it)."""
    try:
        with open_input(url, stream) as f:
            yield from _decoded(f, inp)
    except FileNotFoundError:
        inp.problem = "cannot read: No such file or directory"
    except Exception as exc:  # OSError, or a storage SDK's own: named, its text may quote a signed URL
        if inp.read:
            inp.broken = f"read failed ({failure(exc)}); the rest was not read"
        else:
            inp.problem = f"cannot read: {failure(exc)}"


def _read_whole(explainer: Any, name: str, url: str, size: int, stream: bool) -> InputStats:
    """A small input read whole. Its size as listed is kept: an object that shrank since (rotated, rewritten) is said
    read in part, as a local file is (SHRANK); read without it, the bytes still there were scanned and the rest was
    dropped without a word (hostile40: a 30 MB file:// log cut to 1 MB mid-scan said "8.0 MB scanned", nothing skipped)."""
    from .stream import read_whole

    inp = Input(name, url, size or None)
    stats = InputStats(name)
    read_whole(explainer, inp, _opened_chunks(inp, url, stream), stats)
    stats.bytes, stats.unpacked = inp.read, inp.unpacked if inp.gzip else None
    if inp.problem:  # not read as a log (binary, or unreadable): no bytes scanned, as a local scan counts it
        stats.bytes, stats.unpacked = 0, None
        stats.problem = inp.problem
        explainer.report.skip(name, None, inp.problem)
    return stats


def _read_block(explainer: Any, name: str, url: str, size: int, a: int, b: int) -> tuple[int, int, str | None, int]:
    """Explain the records whose head lies in the lines starting in [a, b) of a big file; with the
    line numbers at its start and stop (from the first byte read), any failure, and its stop."""
    report: ScanReport = explainer.report
    try:
        with open_input(url) as f:
            start = line_start(f, a, b)
            if start >= b:  # one line spans the whole block: its record is the block's where it starts
                return 1, 1, None, b
            stop = size if b >= size else line_start(f, b)
            begin = line_start(f, start - LOOKBACK) if start else 0
            end = min(size, stop + LOOKBACK + MAX_RECORD)
            columns = columns_at(f, begin, (url, size))  # a W3C log's header before the block
            f.seek(begin)
            data = f.read(end - begin) if end - begin <= whole_range(TASK_BYTES) else None
    except Exception as exc:  # as in _opened_chunks
        return 1, 1, f"read failed ({failure(exc)}); the rest was not read", a
    failed: list[str] = []
    got = Blocks(partial(_read_part, url, failed), begin, end)
    # a block holding a line longer than a task is read a chunk at a time, the line let go (as parallel.WHOLE_RANGE)
    chunks: Iterable[bytes] = [data] if data is not None else got
    base = begin
    if begin == 0:  # a UTF-8 byte-order mark is no part of the first line
        chunks, base = _without_bom(iter(chunks))
    finder = Finder(own_start=start - base, own_end=stop - base if stop < size else None, columns=columns)
    explainer.read(name, finder, chunks)
    read = len(data) if data is not None else got.got
    broken = failed[0] if failed else SHRANK if read < end - begin else None
    for s in finder.own_skipped():
        report.skip(name, s.line, s.what)
    return finder.line_at_start, finder.line_at_end, broken, stop


def _read_part(url: str, failed: list[str], at: int, to: int) -> bytes:
    """[at, to) of a URL, for parallel.Blocks; a failure, in ``failed``, ends the reading."""
    try:
        with open_input(url) as f:
            f.seek(at)
            return bytes(f.read(to - at))
    except Exception as exc:  # as in _opened_chunks
        failed.append(f"read failed ({failure(exc)}); the rest was not read")
        return b""


def _without_bom(chunks: Iterator[bytes]) -> tuple[Iterator[bytes], int]:
    """A file's chunks from its start without a UTF-8 byte-order mark, and where they start in the file."""
    first = next(chunks, b"")
    if first.startswith(UTF8_BOM):
        return itertools.chain([first[len(UTF8_BOM) :]], chunks), len(UTF8_BOM)
    return itertools.chain([first], chunks), 0


# -- submitting to a Dask cluster --------------------------------------------------------------


def _client(dask: Any, stack: contextlib.ExitStack) -> Any:
    """A distributed Client for ``dask``: a Client as given, ``local`` (a LocalCluster of one
    single-threaded worker process per core, closed after the scan), or a scheduler address."""
    if not isinstance(dask, str):
        return dask
    from distributed import Client, LocalCluster  # installed: scan_remote checked

    if dask.strip().lower() == "local":  # as typed: LOCAL, or " local" from a quoted variable
        cluster = stack.enter_context(
            LocalCluster(  # type: ignore[no-untyped-call]  # distributed's constructors are untyped
                n_workers=os.cpu_count() or 1, threads_per_worker=1, dashboard_address=":0", silence_logs=logging.CRITICAL
            )
        )  # CRITICAL: closing, the workers logged failed heartbeats as ERROR, a traceback each; a task's failure is ours
        return stack.enter_context(Client(cluster))  # type: ignore[no-untyped-call]
    _reachable(dask)
    _answers(dask)
    # a scheduler lost mid-scan: the client logs its failed reconnection (a traceback) while errcat says it in one line
    stack.enter_context(_quiet("distributed.client"))
    try:
        with _quiet("distributed.protocol.core"):  # it logs a traceback for an answer it cannot decode
            client = stack.enter_context(Client(dask, timeout="10s"))  # type: ignore[no-untyped-call]
    except Exception as exc:
        raise UsageError(f"--dask {shown(dask)}: {_unreachable(exc, dask)}") from None
    try:
        client.wait_for_workers(1, timeout=WAIT_FOR_WORKERS)
    except TimeoutError:
        raise UsageError(f"--dask {shown(dask)}: the scheduler has no workers (waited {WAIT_FOR_WORKERS} s)") from None
    return client


SILENT = 10.0  # seconds a tcp:// address may take to answer Dask's first message


def _reachable(address: str) -> None:
    """A UsageError at once for an address no scheduler can be at: a scheme Dask has no transport for
    (``nonsense://x`` was "cannot reach the scheduler (ValueError)" after 26 s), and a tcp:// host that refuses the
    connection or whose name does not resolve (distributed retries both until its time-out: 38 s on a loaded machine
    for a port nothing listens on, then "(OSError)")."""
    import socket

    from distributed.comm import registry
    from distributed.comm.addressing import parse_address, parse_host_port

    try:
        scheme, location = parse_address(address.strip())
        if scheme == "tcp":
            host, port = parse_host_port(location)
    except ValueError as exc:  # the Client said "cannot reach the scheduler (ValueError)"; distributed's words quote
        # the address, whose user:password@ is masked in ours
        said = "it names no port" if "missing port" in str(exc) else "it is no HOST:PORT (an IPv6 host in brackets)"
        said = said if address.strip() else "it is empty"
        raise UsageError(f"--dask {shown(address)}: not a scheduler address: {said}; give tcp://HOST:PORT or local") from None
    if scheme not in registry.backends:
        known = ", ".join(f"{s}://" for s in sorted(registry.backends))
        raise UsageError(f"--dask {shown(address)}: no Dask transport for {scheme}:// (Dask's: {known}), or local")
    if scheme != "tcp":
        return
    try:
        socket.create_connection((host, port), timeout=SILENT).close()
    except ConnectionRefusedError:
        raise UsageError(f"--dask {shown(address)}: cannot reach the scheduler: the connection was refused") from None
    except socket.gaierror:
        raise UsageError(f"--dask {shown(address)}: cannot reach the scheduler: the host name does not resolve") from None
    except (OSError, ValueError, TypeError):  # a time-out, no route, a port that is not a number: the Client says which
        return


def _answers(address: str) -> None:
    """A UsageError when a tcp:// address takes a connection but never answers (a server waiting for its own
    protocol's first words): distributed's Client waited there for ever, whatever its ``timeout``. Other failures
    are left to the Client; other schemes (tls://: the client's certificates) are not probed."""
    import asyncio

    if "://" in address and not address.strip().lower().startswith("tcp://"):
        return

    async def identity() -> None:
        from distributed.comm.core import connect

        comm = await connect(address.strip(), timeout=SILENT)  # type: ignore[no-untyped-call]  # untyped in distributed
        try:
            await comm.write({"op": "identity", "reply": True})
            await comm.read()
        finally:
            comm.abort()

    try:
        with _quiet("distributed.protocol.core"):  # a garbled answer: it logs a traceback, errcat a line (the Client's)
            asyncio.run(asyncio.wait_for(identity(), SILENT))
    except TimeoutError:
        raise UsageError(
            f"--dask {shown(address)}: the address takes connections but says nothing Dask understands "
            f"within {SILENT:g} s (not a Dask scheduler?)"
        ) from None
    except Exception:  # refused, unresolvable, a garbled answer: the Client says which
        pass


def _unreachable(exc: Exception, dask: str) -> str:
    """Why the Client could not start: no scheduler there, or another server (HTTP, SSH, a proxy) answering
    Dask's handshake: its first bytes read as a frame length (a MemoryError for an exabyte), a frame table
    (struct.error) or msgpack that does not decode."""
    name = "struct.error" if isinstance(exc, struct.error) else type(exc).__name__
    if isinstance(exc, TypeError) and "tls://" in dask:  # distributed's word for tls:// with no certificates configured
        return (
            "cannot reach the scheduler (TypeError): tls:// needs its certificates in dask's configuration (distributed.comm.tls)"
        )
    if isinstance(exc, (OSError, TimeoutError, ValueError, TypeError)) and not type(exc).__module__.startswith("msgpack"):
        return f"cannot reach the scheduler ({name})"
    return f"the address answers, but not as a Dask scheduler ({name})"  # or a handshake that decodes but is not Dask's


@contextlib.contextmanager
def _quiet(logger: str) -> Generator[None, None, None]:
    """``logger`` says nothing while the block runs (errcat says what went wrong, in one line)."""
    log = logging.getLogger(logger)
    level = log.level
    log.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        log.setLevel(level)


def _result(client: Any, future: Any, task: Task) -> tuple[Any, ...]:
    """A task's result; one that failed on every try (its workers died) ends the scan with a one-line error
    naming the input, not a traceback, and so does a cluster left without workers for WAIT_FOR_WORKERS seconds
    (a worker without errcat installed dies at its first task, and the scan waited for it for ever)."""
    kind, what = task
    name = what[0][0] if kind in ("files", "stream") else what[0]
    alone_since: float | None = None
    while True:
        try:
            result: tuple[Any, ...] = future.result(timeout=POLL)
            return result
        except TimeoutError:
            alone_since = _without_workers(client, alone_since)
        except Exception as exc:  # KilledWorker, a worker's own error: what it was, never its text (may hold a URL's secrets)
            raise _failure(client, exc, name) from None


LOST = "--dask: lost the scheduler while scanning (the connection closed): no report"


def _failure(client: Any, exc: Exception, name: str) -> ErrcatError:
    """Why a task gave no result, in one line: errcat missing on the cluster, the scheduler gone (the client cancels
    every future then: it was said as the failure of whichever input was awaited), or the task itself."""
    missing = _missing_module(exc)
    if missing:  # the scheduler or a worker could not unpickle errcat's tasks
        return ErrcatError(
            f"--dask: the cluster cannot load errcat's tasks (no module named {missing!r}): "
            "install errcat on the scheduler and every worker"
        )
    if getattr(exc, "reason", None) == "scheduler-connection-lost" or getattr(client, "status", "running") != "running":
        return ErrcatError(LOST)
    return ErrcatError(f"--dask: a task reading {name} failed on the cluster ({type(exc).__name__})")


POLL = 2.0  # seconds between looks at the cluster while a task runs


def _without_workers(client: Any, since: float | None) -> float | None:
    """When the cluster has had no worker since (None while it has some); an error once that is WAIT_FOR_WORKERS ago."""
    try:
        threads = client.nthreads()
    except Exception:  # the scheduler went away while the task ran
        raise ErrcatError(LOST) from None
    if threads:
        return None
    now = time.monotonic()
    if since is not None and now - since >= WAIT_FOR_WORKERS:
        raise ErrcatError(
            f"--dask: the cluster has had no workers for {WAIT_FOR_WORKERS} s while scanning "
            "(a worker without errcat installed stops at its first task): install errcat on every worker"
        )
    return now if since is None else since


def _missing_module(exc: BaseException | None) -> str | None:
    """The name of the module a ModuleNotFoundError in ``exc``'s chain could not find (a name, never a message)."""
    for _ in range(10):
        if isinstance(exc, ModuleNotFoundError) and exc.name:
            return exc.name[:64]
        exc = None if exc is None else exc.__cause__ or exc.__context__
    return None


def _catalog_blob(blob: bytes) -> bytes:
    return blob


def _on_cluster(
    client: Any, blob: bytes, digest: str, options: ScanOptions, tasks: list[Task], where: dict[str, Any]
) -> Generator[tuple[Any, ...], None, None]:
    """Each task's result from run_task on the cluster, in task order (a missing file's is empty:
    nothing to run); Ctrl-C cancels what the cluster still runs."""
    # the catalog as a task's result, not scattered data: Dask's memory manager keeps one copy
    # of a scattered key, and when its worker died every task needing it was cancelled
    # (FutureCancelledError); a task's result is computed again from its spec (1 MB) instead
    sent = client.submit(_catalog_blob, blob, pure=False)
    futures = [
        None if t[0] == "missing" else client.submit(run_task, sent, digest, options, t, pure=False, retries=RETRIES)
        for t in tasks
    ]
    where.update(
        kind="dask",
        scheduler=client.scheduler.address,
        workers=len(client.nthreads()),
        tasks=sum(f is not None for f in futures),
    )
    try:
        for i, future in enumerate(futures):
            yield () if future is None else _result(client, future, tasks[i])
            futures[i] = None  # its result is merged: not held here
    finally:  # Ctrl-C, a failed task, or a broken file whose later blocks are not needed
        client.cancel([f for f in futures if f is not None])


# -- here --------------------------------------------------------------------------------------


def plan(files: list[Input], threads: int = 0) -> list[Task]:
    """The tasks for the files, in input order: blocks of big plain files, big gzip/UTF-16 files whole, small
    files grouped up to a block's bytes (on a cluster of ``threads`` threads, up to a share of all bytes making
    TASKS_PER_THREAD tasks a thread: 300 small logs were one task while other workers idled), missing files as is."""
    block = TASK_BYTES
    sizes = sum(rf.size or 0 for rf in files)
    held_most = min(block, max(1, -(-sizes // (threads * TASKS_PER_THREAD)))) if threads else block
    tasks: list[Task] = []
    group: list[Whole] = []
    held = 0

    def flush() -> None:
        nonlocal group, held
        if group:
            tasks.append(("files", group))
            group, held = [], 0

    for rf in files:
        if rf.size is None or rf.path is None:  # not found: its problem says why
            flush()
            tasks.append(("missing", rf))
            continue
        if is_http(rf.path) and rf.size > HTTP_BLOCK and not _ranged(rf.path, rf.size):
            flush()
            tasks.append(("stream", [(rf.name, rf.path, rf.size)]))
            continue
        if rf.size < block:
            if held + rf.size > held_most:  # a task never holds more than its share (a file alone may)
                flush()
            group.append((rf.name, rf.path, rf.size))
            held += rf.size
            continue
        flush()
        kind = _sniff(rf.path)
        if kind not in ("whole", "blocks"):  # binary, or unreadable: its problem
            tasks.append(("missing", replace(rf, problem=kind)))
        elif kind == "whole":
            tasks.append(("files", [(rf.name, rf.path, rf.size)]))
        else:
            tasks += [("block", (rf.name, rf.path, rf.size, a, min(rf.size, a + block))) for a in range(0, rf.size, block)]
    flush()
    return tasks


def _sniff(url: str) -> str:
    """How a big file is read: ``whole`` (gzip, UTF-16, UTF-32, Docker's framed stream), ``blocks``, or
    else why it is not (not a log; its first bytes could not be read: a server that stalls was read twice)."""
    try:
        with open_input(url) as f:
            head = f.read(SNIFF)
    except FileNotFoundError:  # gone since it was listed
        return "cannot read: No such file or directory"
    except Exception as exc:  # as in _opened_chunks
        return f"cannot read: {failure(exc)}"
    kind = sniffed(head)
    if kind == "gzip" or kind in WIDE or (kind == "binary" and docker_framed(head)):
        return "whole"
    return BINARY if kind == "binary" else "blocks"


HTTP_BLOCK = 5 << 20  # fsspec's http read-ahead block: a file past it is fetched in parts (Range requests)


def _ranged(url: str, size: int) -> bool:
    """Whether the server sends a part of the file when asked for one: ``python -m http.server`` sends the whole
    file, and fsspec then refuses every read past its first block (ValueError), so such a file is one "stream"
    task read as one GET. Asked of a file opened afresh: the first read of one that was not may hold the whole file."""
    try:
        with open_input(url) as f:
            f.seek(size - 1)
            f.read(1)
    except ValueError:
        return False
    except Exception:  # another failure: the block's task meets it again and reports it
        return True
    return True


@dataclass
class _Merger:
    """Partial reports merged in input order into one (see the module's docstring)."""

    report: ScanReport
    line: int = 1  # the current big file's line number at the start of its next block
    broken: set[str] = field(default_factory=set)  # big files that failed: their later blocks are dropped
    texts: dict[str | bytes, str] = field(default_factory=dict)  # as parallel.scan_parallel's: one reader's group names

    def take(self, task: Task, result: tuple[Any, ...]) -> int:
        """Merge a task's result; the bytes of the files it read (for progress)."""
        kind, what = task
        if kind == "missing":
            rf: Input = what
            self.report.inputs.append(InputStats(rf.name, problem=rf.problem))
            self.report.skip(rf.name, None, rf.problem or "cannot read")
            return 0
        part: ScanReport = result[0]
        self.report.engine = part.engine
        if kind in ("files", "stream"):
            self.report.merge(named(part, result[1], self.texts))
            self.report.inputs += part.inputs
            return sum(size for _name, _url, size in what)
        name, _url, _size, a, b = what
        covered: int = b - a
        if name in self.broken:
            return covered
        at_start, at_end, broken, stop = result[2:]
        if a == 0:
            self.line = 1
            self.report.inputs.append(InputStats(name))
        part.shift(self.line - at_start)
        self.report.merge(named(part, result[1], self.texts))
        self.line += at_end - at_start
        stats = self.report.inputs[-1]
        stats.bytes, stats.lines = stop, self.line - 1
        if broken:
            self.broken.add(name)
            stats.broken = broken
            self.report.skip(name, self.line, broken)
        return covered


DOCUMENTED = "+documented"  # the end of the digest of a documented-only view


def ship(index: CatalogIndex) -> tuple[bytes, str]:
    """The compiled index in use as bytes for the workers, and its digest (naming the view)."""
    blob = index.db.serialize()
    return blob, hashlib.sha256(blob).hexdigest()[:16] + (DOCUMENTED if index is not index.whole else "")


def scan_remote(
    index: CatalogIndex,
    names: list[str],
    options: ScanOptions,
    dask: Any = None,
    progress: Callable[[int], None] | None = None,
) -> ScanReport:
    """Scan files or URLs on a Dask cluster (``dask``: a distributed Client, a scheduler address,
    or ``local``), or in this process when ``dask`` is None."""
    if not names:
        raise UsageError("nothing to scan: name log files or URLs")
    options = replace(options, vendor=check_vendor(options.vendor, index.vendors))  # in lower case
    if dask is not None:  # before the inputs are read: without the extra, fsspec is missing too, and said first
        try:
            import distributed  # noqa: F401
        except ImportError:
            raise UsageError("--dask needs dask and distributed: pip install 'errcat[dask]'") from None
    started = time.perf_counter()
    files = expand(names)
    blob, digest = ship(index)
    merger = _Merger(ScanReport())
    done = 0
    with contextlib.ExitStack() as stack:
        # no input to read (a glob matching nothing, a missing object): no cluster started or reached for it
        idle = all(f.problem is not None for f in files)
        client = None if dask is None or idle else _client(dask, stack)
        if client is None:
            tasks = plan(files)
            results: Iterator[tuple[Any, ...]] = (() if t[0] == "missing" else run_task(blob, digest, options, t) for t in tasks)
            merger.report.where = {"kind": "local", "tasks": len(tasks)}
            if dask is not None:  # nothing for a cluster to run
                merger.report.where = {"kind": "dask", "started": False, "tasks": 0}
        else:
            tasks = plan(files, threads=sum(client.nthreads().values()))
            on_cluster = _on_cluster(client, blob, digest, options, tasks, merger.report.where)
            stack.callback(on_cluster.close)  # cancels what still runs, before the client closes
            results = on_cluster
        for task, result in zip(tasks, results, strict=True):
            done += merger.take(task, result)
            if progress is not None:
                progress(done)
    report = merger.report
    report.where["search"] = report.engine
    report.elapsed = time.perf_counter() - started
    return report

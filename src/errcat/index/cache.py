"""The compiled index on disk: found by the set of catalog files in use, trusted only while
their content is the content it was built from.

One SQLite file per set of catalog paths (built-in + overlays), in ``$ERRCAT_CACHE_DIR``, else
``$XDG_CACHE_HOME/errcat``, else ``~/.cache/errcat``. Beside it a small ``.stat`` file records each
catalog file's size and mtime, so a warm run costs a few ``stat`` calls; when those differ (or
are too recent to be trusted) the files' SHA-256 is compared with the one in the index, and
only a real change of content rebuilds it.

Safety: an index is written to a temporary file and renamed into place, so concurrent first
runs never see a half-written file; a file whose size, format, build id or row checksums are
wrong is rebuilt, never trusted; a cache folder that cannot be read or written (left by a ``sudo``
run that kept ``HOME``) falls back to an index in memory, with one warning line on stderr (the
``errcat`` logger). ``ERRCAT_NO_CACHE=1`` always uses memory, silently.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import sqlite3
import stat
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple, TypeVar

from .. import __version__
from ..bulk import collector_paused
from ..catalog.locate import MAX_CATALOG_BYTES, catalog_paths, given_paths
from ..errors import UsageError
from ..fs import (
    CACHE_ENV,
    NO_CACHE_ENV,
    NO_HOME,
    RELATIVE,
    cache_dir,
    cache_disabled,
    clear_way,
    make_folders,
    no_home,
    read_regular,
    remove_cache_entry,
    unplaced,
    write_atomic,
)
from ..text import cut_line
from .codec import FORMAT, CorruptIndex
from .store import CatalogIndex, compile_in_memory

RACY_NS = 2_000_000_000  # a file changed this close to the build may have changed within one mtime tick
STALE_TEMP_SECONDS = 3600
KEEP_ENV = "ERRCAT_CACHE_KEEP"
KEEP_DEFAULT = 8  # indexes kept (the most recently used); each overlay set builds its own


def cache_keep() -> int:
    """How many indexes the cache keeps (``ERRCAT_CACHE_KEEP``, 1 or more); another value is said
    once, on stderr, and the default kept (it was ignored silently)."""
    raw = os.environ.get(KEEP_ENV, "").strip()
    if not raw:
        return KEEP_DEFAULT
    keep = int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 10 else 0
    if keep < 1 and KEEP_ENV not in _warned:
        _warned.add(KEEP_ENV)
        _warn(
            "errcat: warning: %s=%r is not a number of indexes from 1 to 999999999; %d are kept", KEEP_ENV, raw[:40], KEEP_DEFAULT
        )
    return keep if keep >= 1 else KEEP_DEFAULT


def last_used(index_file: Path) -> float:
    """When an index last served a command: its stat file is touched on each use."""
    times = []
    for f in (index_file, index_file.with_suffix(".stat")):
        with contextlib.suppress(OSError):
            times.append(f.stat().st_mtime)
    return max(times, default=0.0)


def prune(folder: Path, keep: int, spare: Path | None = None) -> list[Path]:
    """Delete the least recently used indexes beyond ``keep`` (never ``spare``); return them."""
    indexes = sorted(folder.glob("index-*.sqlite"), key=last_used, reverse=True)
    doomed = [f for f in indexes[keep:] if f != spare]
    for f in doomed:
        _discard(f)
    for lock in folder.glob("index-*.lock"):  # a pruned index's, or one of a build that failed (an invalid overlay)
        if not lock.with_suffix(".sqlite").exists():
            drop_lock(lock)
    return doomed


def drop_lock(lock: Path) -> None:
    """Delete an index's build lock file when no process holds it. One held stays: deleting it
    would let a third process build beside its holder."""
    try:
        fd = os.open(lock, os.O_RDWR)
    except OSError:
        return
    try:
        if try_lock(fd):  # taken: deleted while held, so a process arriving now makes a fresh one
            lock.unlink()
    except OSError:
        pass
    finally:
        os.close(fd)


T = TypeVar("T")

__all__ = [
    "CACHE_ENV",
    "NO_CACHE_ENV",
    "NO_HOME",
    "CorruptIndex",
    "cache_dir",
    "cache_disabled",
    "no_home",
    "open_index",
    "with_index",
]


class FileState(NamedTuple):
    path: str
    layer: int
    size: int
    mtime_ns: int


def file_states(files: list[tuple[int, Path]]) -> list[FileState]:
    out = []
    for layer, path in files:
        try:
            st = path.stat()
            out.append(FileState(str(path.resolve()), layer, st.st_size, st.st_mtime_ns))
        except OSError as exc:  # listed a moment ago: deleted or renamed since
            raise changed_while_read(str(path), exc.strerror or str(exc)) from None
    return out


def changed_while_read(path: str, why: str) -> UsageError:
    """A catalog file that changed between errcat listing it and reading it (a folder being synced or
    edited): one line naming it, not a traceback or a read of whatever took its place."""
    from ..gate import shown

    return UsageError(f"catalog file {shown(path)} changed while errcat read it ({why}): run the command again")


def _file_digest(path: str) -> bytes:
    """SHA-256 of one catalog file, read as the loader reads it: a regular file of at most MAX_CATALOG_BYTES.
    A file replaced since it was listed by a link to /dev/zero was hashed for ever, by a FIFO waited on for ever."""
    import hashlib

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except PermissionError as exc:  # never readable, not changed: said as the catalog's loader says it
        from ..gate import shown

        raise UsageError(f"cannot read catalog file {shown(path)}: {exc.strerror}") from None
    except OSError as exc:
        raise changed_while_read(path, exc.strerror or str(exc)) from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise changed_while_read(path, "it is no regular file now")
    with os.fdopen(fd, "rb") as f:
        data = f.read(MAX_CATALOG_BYTES + 1)
    if len(data) > MAX_CATALOG_BYTES:
        raise changed_while_read(path, "it grew past 16 MiB")
    return hashlib.sha256(data).digest()


def content_hash(states: list[FileState]) -> str:
    """SHA-256 over every file's path, layer and bytes: the index's real key."""
    import hashlib

    digest = hashlib.sha256(f"errcat-index {__version__}\n".encode())
    for s in states:
        # a name that is no UTF-8 is hashed as the bytes the OS gave (its lone surrogates: UnicodeEncodeError)
        digest.update(f"{s.layer}\0{s.path}\0".encode("utf-8", "surrogateescape"))
        digest.update(_file_digest(s.path))
    return digest.hexdigest()


def index_name(states: list[FileState]) -> str:
    """The file name for this set of catalog paths (not their content).

    Two checksums rather than SHA-256 keep hashlib (OpenSSL) off the warm path; a collision
    could only make two path sets share (and rebuild) one file, never serve the wrong index,
    since the content hash inside is always compared.
    """
    import zlib

    key = json.dumps([FORMAT, __version__, [(s.layer, s.path) for s in states]]).encode()
    return f"index-{zlib.crc32(key):08x}{zlib.adler32(key):08x}"


def _stat_record(states: list[FileState]) -> list[list[object]]:
    return [[s.path, s.layer, s.size, s.mtime_ns] for s in states]


def open_checked(path: Path) -> sqlite3.Connection:
    """Open an index read-only and check what can be checked cheaply: header, size, format.

    Immutable: an index file is written whole under a temporary name and renamed into place, never
    changed where it lies, so SQLite need not lock it and look for changes before every query
    (three quarters of a look-up's cost; a scan asks one or two per record it explains)."""
    if not stat.S_ISREG(path.stat().st_mode):  # a FIFO put in its place: SQLite's open would wait for a writer forever
        raise CorruptIndex("not a regular file")
    db = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
    try:
        pages, page_size = db.execute("PRAGMA page_count").fetchone()[0], db.execute("PRAGMA page_size").fetchone()[0]
        if pages * page_size != path.stat().st_size:
            raise CorruptIndex("file size does not match its page count (truncated?)")
        fmt = db.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
        if fmt is None or fmt[0] != str(FORMAT):
            raise CorruptIndex("index format differs")
    except (sqlite3.DatabaseError, CorruptIndex, OSError):
        db.close()
        raise
    return db


def read_meta(db: sqlite3.Connection, key: str) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def _remove_stale_temps(folder: Path) -> None:
    now = time.time()
    for tmp in folder.glob(".index-*.tmp"):
        with contextlib.suppress(OSError):
            if now - tmp.stat().st_mtime > STALE_TEMP_SECONDS:
                tmp.unlink()


def _trusted_by_stat(stat_file: Path, states: list[FileState], db: sqlite3.Connection) -> bool:
    try:
        recorded = json.loads(read_regular(stat_file).decode("utf-8"))
    except (OSError, ValueError, RecursionError):  # RecursionError: a damaged file of nested brackets
        return False
    if not isinstance(recorded, dict) or recorded.get("files") != _stat_record(states):
        return False
    if recorded.get("build") != read_meta(db, "build"):
        return False
    written = recorded.get("written_ns")
    return isinstance(written, int) and all(s.mtime_ns < written - RACY_NS for s in states)


def _record_stats(stat_file: Path, states: list[FileState], build: str | None) -> None:
    record = json.dumps({"files": _stat_record(states), "build": build, "written_ns": time.time_ns()})

    def write(tmp: Path) -> None:
        tmp.write_text(record, encoding="utf-8")

    with contextlib.suppress(OSError):
        clear_way(stat_file)
        write_atomic(stat_file, write)


def open_index(
    paths: list[Path | str] | None = None, *, builtin: bool = True, use_env: bool = True, rebuild: bool = False
) -> CatalogIndex:
    """The compiled index of the catalog files in use, from the cache when it is current.

    Raises what ``load_catalog`` raises when the files must be (re)loaded and are invalid.
    """
    files = catalog_paths(given_paths(paths), builtin=builtin, use_env=use_env)
    states = file_states(files)
    if cache_disabled():
        return _build_in_memory(paths, builtin, use_env)
    folder = cache_dir()
    if (unplaced_why := unplaced(folder)) is not None:
        return _in_memory_after(OSError(errno.ENOENT, unplaced_why), folder, paths, builtin, use_env)
    name = index_name(states)
    index_file, stat_file = folder / f"{name}.sqlite", folder / f"{name}.stat"
    try:
        cached = not rebuild and index_file.exists()
    except OSError as exc:  # a folder this user may not enter
        return _in_memory_after(exc, folder, paths, builtin, use_env)
    if cached:
        index = _reuse(index_file, stat_file, states)
        if index is not None:
            return index
    try:
        make_folders(folder, mode=0o700)
        clear_way(folder / f"{name}.lock")
        lock = os.open(folder / f"{name}.lock", os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        return _in_memory_after(exc, folder, paths, builtin, use_env)
    with _holding(lock, folder / f"{name}.lock"):
        # Another process may have built it while this one waited for the lock: use that one.
        index = _reuse(index_file, stat_file, states) if index_file.exists() else None
        return index or _build_cached(index_file, stat_file, states, (paths, builtin, use_env))


def _build_cached(
    index_file: Path, stat_file: Path, states: list[FileState], which: tuple[list[Path | str] | None, bool, bool]
) -> CatalogIndex:
    """Load the catalog files, compile them into ``index_file`` (atomically) and open it; an index
    in memory when the folder refuses the file."""
    from ..catalog.load import load_catalog
    from .build import compile_catalog

    folder = index_file.parent
    content = content_hash(states)
    paths, builtin, use_env = which
    catalog = load_catalog(paths, builtin=builtin, use_env=use_env)
    build = os.urandom(16).hex()
    meta = {
        "content": content,
        "build": build,
        "built_at": str(time.time_ns()),
        "errcat": __version__,
        "files": json.dumps([[s.layer, s.path] for s in states]),
    }

    def write(tmp: Path) -> None:
        db = sqlite3.connect(tmp)
        try:
            with collector_paused():
                compile_catalog(catalog, db, meta)
        finally:
            db.close()

    try:
        _remove_stale_temps(folder)
        write_atomic(index_file, write)
        _record_stats(stat_file, states, build)
        prune(folder, cache_keep(), spare=index_file)
        return CatalogIndex(open_checked(index_file), source=catalog, origin=str(index_file))
    except (OSError, sqlite3.Error, CorruptIndex) as exc:
        warn_unusable(folder, exc)
        return compile_in_memory(catalog)  # an unwritable cache slows errcat down, nothing more


LOCK_WAIT_SECONDS = 600.0  # a build of 100,000 entries takes ~20 s here; a holder stuck longer is ignored
LOCK_QUIET_SECONDS = 2.0  # a wait longer than a usual build is said on stderr, with what it waits for


@contextlib.contextmanager
def _holding(fd: int, path: Path) -> Iterator[None]:
    """Hold the build lock of one index (an open lock file, closed after): concurrent cold runs wait for the first to build it and
    then use it, instead of each building its own (ten runs with a 5 MB overlay: 3.1 GB together).
    The lock dies with its holder; one held past LOCK_WAIT_SECONDS is not waited for any longer. A wait
    past LOCK_QUIET_SECONDS says so (which process, which lock, how long at most), never silently."""
    locked: bool | None = False
    try:
        started = time.monotonic()
        said = False
        while (locked := try_lock(fd)) is False and time.monotonic() - started < LOCK_WAIT_SECONDS:
            if not said and time.monotonic() - started >= LOCK_QUIET_SECONDS:
                said = True
                _warn(
                    "errcat: waiting for %s to finish building the catalog index (lock %s; at most %d minutes; "
                    "%s=1 skips the cache)",
                    _holder(fd),
                    path,
                    LOCK_WAIT_SECONDS // 60,
                    NO_CACHE_ENV,
                )
            time.sleep(0.05)
        if locked is False:
            _warn("errcat: warning: gave up waiting for the lock %s; building the index here", path)
        elif locked:
            _mark_holder(fd)
        yield
    finally:
        if locked:
            _mark_holder(fd, holder=False)
            unlock(fd)
        os.close(fd)


def _mark_holder(fd: int, holder: bool = True) -> None:
    """Write this process's id into the lock it holds (blank it when done), for a waiter to name; POSIX
    only (pwrite leaves the file position, where Windows' byte lock is taken and released, alone)."""
    if hasattr(os, "pwrite"):
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            if holder:
                os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)


def _holder(fd: int) -> str:
    """The process holding a lock, as its holder wrote it, else "another errcat process"."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        pid = int(os.pread(fd, 24, 0).decode("ascii").strip())
        if pid > 0:
            return f"errcat process {pid}"
    return "another errcat process"


def try_lock(fd: int) -> bool | None:
    """Take the lock on an open file without waiting: True when taken, False when another process
    holds it, None when this system or file system offers no lock (then builds are not serialised;
    the atomic rename still keeps each one safe). flock on POSIX, msvcrt's byte lock on Windows."""
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # byte 0, from the position a fresh open leaves at 0
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except ImportError:
        return None
    except OSError as exc:
        return False if isinstance(exc, BlockingIOError) or (sys.platform == "win32" and exc.errno in _WIN_LOCKED) else None
    return True


_WIN_LOCKED = (errno.EACCES, errno.EDEADLK)  # what msvcrt.locking raises when another process holds the byte


def unlock(fd: int) -> None:
    """Release a lock try_lock took (closing the file releases it too; Windows asks for it first)."""
    with contextlib.suppress(OSError, ImportError):
        if sys.platform == "win32":
            import msvcrt

            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_UN)


def _reuse(index_file: Path, stat_file: Path, states: list[FileState]) -> CatalogIndex | None:
    """The cached index when it is intact and built from these files' content, else None."""
    try:
        db = open_checked(index_file)
    except (sqlite3.DatabaseError, CorruptIndex, OSError):
        _discard(index_file)
        return None
    try:
        if _trusted_by_stat(stat_file, states, db):
            with contextlib.suppress(OSError):
                os.utime(stat_file)  # "last used", for pruning
            return CatalogIndex(db, origin=str(index_file))
        if read_meta(db, "content") == content_hash(states):
            _record_stats(stat_file, states, read_meta(db, "build"))
            return CatalogIndex(db, origin=str(index_file))
    except (sqlite3.DatabaseError, OSError):
        _discard(index_file)
    db.close()
    return None


def _discard(index_file: Path) -> None:
    """Delete an index and its stat file, whatever lies at their names (a folder put there too)."""
    for f in (index_file, index_file.with_suffix(".stat")):
        with contextlib.suppress(OSError):
            remove_cache_entry(f)


def _warn(message: str, *args: object) -> None:
    """A warning through the ``errcat`` logger; logging is imported only when one is given (it was
    2.6 ms of every run's start-up)."""
    import logging

    logging.getLogger("errcat").warning(message, *args)


_warned: set[str] = set()


def unusable_reason(exc: BaseException) -> str:
    """Why the cache folder failed, in a few words (``Permission denied``)."""
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


def warn_unusable(folder: Path, exc: BaseException) -> None:
    """One warning line per process: the cache folder cannot be used, the index is built in memory."""
    if str(folder) in _warned:
        return
    _warned.add(str(folder))
    from ..gate import shown  # only a warning pays for the gate's import

    if getattr(exc, "sqlite_errorname", None) == "SQLITE_READONLY_DBMOVED":  # its file deleted under it: the folder is fine
        _warn(
            "errcat: warning: the index being written in %s was deleted meanwhile (an errcat cache clear at the same"
            " time?); this run built it in memory, the next one caches it again",
            shown(cut_line(str(folder))),
        )
        return
    fix, where = _FIXES.get(getattr(exc, "errno", None) or 0, ("fix its owner", "of yours"))
    if (unplaced_why := unplaced(folder)) is not None:
        fix, where = fix_for(unplaced_why)
    advice = f"{fix}, or set {CACHE_ENV} to a folder {where}"
    limit = _file_size_limit()
    if limit is not None and (getattr(exc, "errno", None) == errno.EFBIG or str(exc) in _PAST_A_LIMIT):
        advice = f"this shell's file size limit is {limit:,} bytes: raise it, ulimit -f unlimited"

    _warn(
        "errcat: warning: cannot use the cache folder %s (%s); the index is built in memory on each run (%s)",
        shown(cut_line(str(folder))),  # one short line, whatever ERRCAT_CACHE_DIR holds (a newline, an escape, 100 KB, a token)
        unusable_reason(exc),
        advice,
    )


# SQLite's words for a write past the file size limit (EFBIG; a short write is "full"): any other failure of SQLite's
# ("database is locked", "unable to open database file") is not the limit's, even in a shell that has one
_PAST_A_LIMIT = ("disk I/O error", "database or disk is full")


def _file_size_limit() -> int | None:
    """The process's file size limit (``ulimit -f``) in bytes, None when there is none: a write past it fails
    with EFBIG, which SQLite words as "disk I/O error" (a folder's owner, or its disk, is then not the cause)."""
    try:
        import resource
    except ImportError:  # Windows
        return None
    soft = resource.getrlimit(resource.RLIMIT_FSIZE)[0]
    return None if soft == resource.RLIM_INFINITY else soft


_FULL = ("free space on its disk", "on another disk")
_FIXES = {  # errno -> what to do about the folder, and where else to put it
    errno.ENOSPC: _FULL,
    errno.EDQUOT: _FULL,
    errno.EFBIG: _FULL,
    errno.EEXIST: ("it names a file, not a folder", "of yours"),  # mkdir over a file (or /dev/null)
    errno.ENOTDIR: ("a part of its path is a file, not a folder", "of yours"),
    errno.ELOOP: ("a part of its path is a link that loops", "of yours"),  # fs.make_folders: stat's word for it
    errno.ENOENT: ("a part of its path leads nowhere (a link to nothing)", "of yours"),  # a missing folder is made
    errno.EROFS: ("its file system is mounted read-only", "on a writable disk"),
    errno.ENAMETOOLONG: ("its path is longer than the system takes", "with a shorter path"),
}


def fix_for(problem: str) -> tuple[str, str]:
    """What to do about the folder :func:`cache_problem` says is unusable, and where else to put it."""
    if problem == NO_HOME:
        return "set HOME", "of yours"
    if problem == RELATIVE:
        return "make it absolute", "from the root (/...)"
    return next((fix for code, fix in _FIXES.items() if os.strerror(code) == problem), ("fix the folder's owner", "of yours"))


def _in_memory_after(exc: OSError, folder: Path, paths: list[Path | str] | None, builtin: bool, use_env: bool) -> CatalogIndex:
    warn_unusable(folder, exc)
    return _build_in_memory(paths, builtin, use_env)


def cache_problem(folder: Path | None = None) -> str | None:
    """Why the cache folder cannot hold indexes (``Permission denied``), or None when it can: a
    file is created in it and removed (the folder itself is not created)."""
    import tempfile

    folder = folder or cache_dir()
    if (unplaced_why := unplaced(folder)) is not None:
        return unplaced_why
    try:
        if not folder.exists():
            parent = next((p for p in folder.parents if p.exists()), None)
            return None if parent is not None and os.access(parent, os.W_OK | os.X_OK) else "cannot be created"
        with tempfile.TemporaryFile(dir=folder):
            return None
    except OSError as exc:
        return unusable_reason(exc)


def _build_in_memory(paths: list[Path | str] | None, builtin: bool, use_env: bool) -> CatalogIndex:
    from ..catalog.load import load_catalog

    catalog = load_catalog(paths, builtin=builtin, use_env=use_env)
    return compile_in_memory(catalog)


def with_index(
    work: Callable[[CatalogIndex], T], paths: list[Path | str] | None = None, *, builtin: bool = True, use_env: bool = True
) -> T:
    """Run ``work`` on the index; if the cache file turns out damaged mid-query, rebuild once and rerun."""
    index = open_index(paths, builtin=builtin, use_env=use_env)
    try:
        return work(index)
    except CorruptIndex:
        if index.origin == "memory":
            raise
        _discard(Path(index.origin))
        return work(open_index(paths, builtin=builtin, use_env=use_env, rebuild=True))

"""Files written whole or not at all: through a temporary file beside each target, then renamed
over it (a rename within one folder is atomic), so a reader never sees half a file and a failure
leaves the previous files as they were; and where errcat's cache files live. Imports nothing of errcat."""

from __future__ import annotations

import contextlib
import errno
import io
import os
import stat
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO, cast

Writer = Callable[[Path], None]  # fills the temporary file it is given

# Linux's kernel log: read, it waits for the next message forever (/proc/kmsg also takes each from syslog)
KERNEL_LOGS = ("/proc/kmsg", "/dev/kmsg")


def is_kernel_log(name: str) -> bool:
    """Whether ``name`` is (or links to) the kernel's log, which scan and explain refuse unread."""
    try:
        return os.path.realpath(name) in KERNEL_LOGS
    except (OSError, ValueError):  # a link loop (before 3.13), a NUL: not the kernel's log
        return False


def is_kernel_log_fd(fd: int) -> bool:
    """Whether an open file is the kernel's log: stdin redirected from it (``< /dev/kmsg``) has no name to judge."""
    try:
        st = os.fstat(fd)
    except OSError:  # closed
        return False
    for name in KERNEL_LOGS:
        try:
            log = os.stat(name)
        except OSError:
            continue
        same_device = stat.S_ISCHR(st.st_mode) and stat.S_ISCHR(log.st_mode) and st.st_rdev == log.st_rdev
        if same_device or (st.st_dev, st.st_ino) == (log.st_dev, log.st_ino):
            return True
    return False


# A named FIFO (mkfifo) no program writes to: its open, then its read, would wait for ever. A run on a
# terminal, told that it waits (cli.app.say_fifos_wait), sets this to None: its user is there to Ctrl-C.
fifo_wait: float | None = 8.0


def open_input(name: str) -> BinaryIO:
    """``name`` opened to read (binary), as ``open(name, "rb")``, but a named FIFO waits at most ``fifo_wait``
    seconds for its writer's first bytes (or its close), else an OSError says nothing writes to it. A pipe
    of the shell's (``<(cmd)``, /dev/stdin) already has its writer and is read however slowly it comes."""
    fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # a FIFO's open returns at once
    try:
        early = b""
        if stat.S_ISFIFO(os.fstat(fd).st_mode) and not os.path.basename(os.path.realpath(name)).startswith("pipe:"):
            early = _await_writer(fd, fifo_wait)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        stream = os.fdopen(fd, "rb")
        return stream if not early else cast(BinaryIO, io.BufferedReader(_Prefixed(early, stream)))
    except BaseException:
        os.close(fd)
        raise


def _await_writer(fd: int, wait: float | None) -> bytes:
    """Wait for the FIFO's writer; the byte a check for one read, if it came (it is the input's first)."""
    import select

    if not hasattr(select, "poll"):
        return b""
    poll = select.poll()
    poll.register(fd, select.POLLIN | select.POLLHUP)  # opened without waiting, a read now would see no writer: an end
    if poll.poll(None if wait is None else int(wait * 1000)):  # a FIFO never written to reports nothing, not even a hang-up
        return b""
    try:  # no writer: an end of file at once; a writer there but silent (a script's "slow_job > fifo"): nothing yet
        first = os.read(fd, 1)
    except BlockingIOError:
        poll.poll(None)  # a slow input, read however slowly it comes, as a shell's pipe is
        return b""
    if not first:
        said = f"a FIFO nothing was written to in {wait:g} s (start its writer, or pipe the text in and give - for stdin)"
        raise OSError(errno.ETIMEDOUT, said)
    return first  # written just after the wait


class _Prefixed(io.RawIOBase):
    """A stream whose first bytes were already read (the FIFO's check for a writer), then the rest of it."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self.head, self.rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.head:
            n = min(len(buffer), len(self.head))
            buffer[:n], self.head = self.head[:n], self.head[n:]
            return n
        return int(self.rest.readinto(buffer))  # type: ignore[attr-defined]

    def close(self) -> None:
        self.rest.close()
        super().close()


def write_atomic(path: Path, write: Writer, mode: int | None = None) -> None:
    """Write one file atomically; ``mode`` sets its permissions (else the temporary's 0600)."""
    write_all_atomic({path: write}, mode)


def write_all_atomic(targets: Mapping[Path, Writer], mode: int | None = None) -> None:
    """Write every file to a temporary beside it, then rename them all: a failure while writing
    (disk full, no permission, an error in a writer) removes the temporaries and changes no target."""
    import tempfile  # only a write pays for its import (with shutil, bz2 and lzma: 4 ms of every run's start-up)

    staged: dict[Path, Path] = {}
    try:
        for path, write in targets.items():
            fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            os.close(fd)
            tmp = staged[path] = Path(name)
            write(tmp)
            if mode is not None:
                tmp.chmod(mode)
        _replaceable(staged)  # a rename that is bound to fail fails before the first one is made
        for path, tmp in staged.items():
            os.replace(tmp, path)
        staged.clear()
    finally:
        for tmp in staged.values():
            with contextlib.suppress(OSError):
                tmp.unlink()


def _replaceable(staged: Mapping[Path, Path]) -> None:
    """Raise before any rename when a target is a folder, which no file can replace: one page of five
    a folder left the pages before it renamed and the rest not (half a set of files)."""
    for path in staged:
        with contextlib.suppress(FileNotFoundError):
            if stat.S_ISDIR(os.lstat(path).st_mode):
                raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))


@contextlib.contextmanager
def new_folders(path: Path) -> Iterator[None]:
    """``path``'s missing folders made (see make_folders) for what the body writes in them; when the body fails (a full
    disk, a file over the size limit), each folder made here that is still empty is removed: ``docs --out
    site/ref`` on a full disk left site/ and site/ref/ behind, empty, beside its error."""
    with new_folders_undone(make_folders(path)):
        yield


def make_folders(path: Path, mode: int = 0o777) -> list[Path]:
    """``path.mkdir(parents=True, exist_ok=True)`` without its recursion, one call a missing folder: 2,000 of them
    (``--out d/d/d/...``) were a RecursionError. A path longer than the system takes is refused before any
    folder is made, not after the first thousand. The folders made, outermost first; when one cannot be made, those
    made before it are removed again."""
    limit = getattr(os, "pathconf", None) and _path_max()
    if limit and len(os.fsencode(os.path.abspath(path))) >= limit:
        raise OSError(errno.ENAMETOOLONG, os.strerror(errno.ENAMETOOLONG), str(path))
    missing = []
    while not path.is_dir() and path.parent != path:
        missing.append(path)
        path = path.parent
    made: list[Path] = []
    with new_folders_undone(made):
        for folder in reversed(missing):
            try:
                folder.mkdir(mode)
                made.append(folder)
            except FileExistsError as exc:
                if not folder.is_dir():
                    raise _no_folder(folder, exc, folder is missing[0]) from None
    return made


@contextlib.contextmanager
def new_folders_undone(made: list[Path]) -> Iterator[None]:
    """The folders in ``made`` (outermost first) removed, innermost first, while empty, when the body fails."""
    try:
        yield
    except BaseException:
        for folder in reversed(made):
            try:
                folder.rmdir()
            except OSError:  # not empty (another writer's file) or gone: kept as it is
                break
        raise


def _no_folder(path: Path, exc: FileExistsError, last: bool) -> OSError:
    """Why ``path``, in the way of a folder to make, is none: mkdir's own "File exists" is kept for the folder
    asked for (it names a file), but read like a clash of pages for a file part-way (``--out notes.txt/pages``:
    "Not a directory") or a link that loops (ELOOP) or leads nowhere (ENOENT), which stat names."""
    try:
        os.stat(path)
    except OSError as failed:
        return OSError(failed.errno, failed.strerror, str(path))
    return exc if last else NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(path))


def _path_max() -> int:
    try:
        return os.pathconf("/", "PC_PATH_MAX")
    except (OSError, ValueError):
        return 0


def remove_cache_entry(path: Path) -> int:
    """Delete what lies at one of errcat's cache names (a name errcat owns in its cache folder): a file or a link,
    or a folder put in its place (the cache file replaced by one), with what it holds. The bytes freed; 0 when
    nothing was there. An OSError when it cannot be deleted."""
    st = os.lstat(path)
    if not stat.S_ISDIR(st.st_mode):
        os.unlink(path)
        return st.st_size
    return remove_tree(path)


def remove_tree(top: Path) -> int:
    """Delete a folder and what it holds, never following a link, without recursion (shutil.rmtree and os.walk
    call themselves once a level: a folder 1,000 deep was a RecursionError); the bytes freed."""
    freed, todo = 0, [os.fspath(top)]
    while todo:
        folder, deeper = todo[-1], []
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    deeper.append(entry.path)
                else:
                    freed += entry.stat(follow_symlinks=False).st_size
                    os.unlink(entry.path)
        if deeper:
            todo.extend(deeper)
        else:
            os.rmdir(folder)
            todo.pop()
    return freed


def clear_way(path: Path) -> None:
    """Before a cache file is written at ``path``: a folder in its place, which no rename can replace (the cache
    file replaced by one warned on every run), is deleted. A file or a link is left for the rename to replace."""
    with contextlib.suppress(OSError):
        if stat.S_ISDIR(os.lstat(path).st_mode):
            remove_cache_entry(path)


def read_regular(path: Path, size: int = -1) -> bytes:
    """The bytes of a regular file of errcat's own (a cache file, a reference page), all or the first ``size``;
    anything else is an OSError. A FIFO put in its place would block the open and then the read forever; a
    device may never end."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # a FIFO's open returns at once
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        with os.fdopen(fd, "rb", closefd=False) as f:
            return f.read(size)
    finally:
        os.close(fd)


RC_CAP = 16 * 1024 * 1024  # a shell start-up file past this is no start-up file: not read whole


def append_missing_lines(path: Path, lines: Mapping[str, str]) -> list[str]:
    """Append to a user's own file (``~/.bashrc``) each of ``lines`` whose mark (the value) it does not hold
    yet, and return them.
    Appended, never rewritten: a rewrite that failed part-way (a full disk) left the user's file cut
    short. An append cut short is undone (the file truncated back to its length), so no half line is
    left either. Anything but a regular file (a folder, a FIFO, a link to a device) is refused unwritten."""
    try:
        held = read_regular(path, RC_CAP + 1)
    except FileNotFoundError:
        held = b""
    if len(held) > RC_CAP:
        raise OSError(errno.EFBIG, "too big for a shell start-up file", str(path))
    missing = [line for line, mark in lines.items() if mark.encode() not in held]
    if not missing:
        return []
    text = ("\n" if held and not held.endswith(b"\n") else "") + "".join(f"{line}\n" for line in missing)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NONBLOCK", 0), 0o644)
    try:
        start = os.fstat(fd).st_size
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # replaced by something else since it was read
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        try:
            data = memoryview(text.encode())
            while data:
                data = data[os.write(fd, data) :]
        except OSError as exc:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, start)
            raise OSError(exc.errno, exc.strerror, str(path)) from None
    finally:
        os.close(fd)
    return missing


def home_folder() -> Path | None:
    """The user's home folder, or None when there is none (HOME unset or empty and no user entry): a file
    meant for the home folder went to the current folder, or to ``/`` for HOME empty."""
    home = _home()
    return None if home == "~" else Path(home)


CACHE_ENV = "ERRCAT_CACHE_DIR"
NO_CACHE_ENV = "ERRCAT_NO_CACHE"


def cache_disabled() -> bool:
    """Whether ``ERRCAT_NO_CACHE`` turns the cache off: any value but a "no" (``0``, ``false``, ``no``,
    ``off``, empty). ``ERRCAT_NO_CACHE=0`` turned it off too, the opposite of what it says."""
    return os.environ.get(NO_CACHE_ENV, "").strip().lower() not in ("", "0", "false", "no", "off")


def cache_dir() -> Path:
    """Where errcat's cache files live (not created here). A relative XDG_CACHE_HOME is ignored, as the XDG
    spec asks. Without a home (HOME unset, a user the password database lacks: ``docker --user``)
    or naming an unknown user (``~nobody-here/x``) the path keeps its ``~``: ``no_home`` tells it."""
    if os.environ.get(CACHE_ENV):
        return Path(os.path.expanduser(os.environ[CACHE_ENV]))  # Path.expanduser raised RuntimeError for ~unknown
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    base = xdg if os.path.isabs(xdg) else os.path.join(_home(), ".cache")
    return Path(base) / "errcat"


def _home() -> str:
    """The home folder, or ``~`` when there is none. An empty or relative HOME (``HOME= errcat ...``, a
    service's ``HOME=.``) is no home: used as it is, it made ``.cache/errcat`` in whatever folder errcat
    ran from. The password database's home is taken then, as Python takes it for HOME unset. A home that
    does not exist is none either: ``nobody``'s is ``/nonexistent`` so that nothing is kept there, and errcat
    (run with the right to) made it, with ``.cache/errcat`` in it."""
    home = os.path.expanduser("~")
    if not (os.path.isabs(home) and os.environ.get("HOME") != ""):  # Python reads an empty HOME as "/"
        try:
            import pwd

            home = pwd.getpwuid(os.getuid()).pw_dir
        except (ImportError, KeyError):  # no password database (Windows), or a user it lacks
            return "~"
    return home if os.path.isabs(home) and os.path.lexists(home) else "~"


NO_HOME = "no home folder: HOME is unset and the user has none, it names no user, or no folder is there"


RELATIVE = "a relative path: each folder errcat runs from would get a cache of its own"


def no_home(folder: Path) -> bool:
    """Whether ``folder`` is no place for the cache: a path still starting with a ``~`` no home replaced (used as
    it is, it was a folder named ``~`` made in the current folder, ``./~/.cache/errcat``), or any relative
    path (``ERRCAT_CACHE_DIR=errcat-cache`` made a folder in each project, checkout and home errcat ran in,
    silently). :func:`unplaced` says which."""
    return not folder.is_absolute()


def unplaced(folder: Path) -> str | None:
    """Why ``folder`` is no place for the cache (NO_HOME or RELATIVE), None when it is absolute."""
    if folder.is_absolute():
        return None
    return NO_HOME if folder.parts[:1] != () and folder.parts[0].startswith("~") else RELATIVE

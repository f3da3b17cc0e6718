"""The errcat command line: each command parses arguments, makes one call into the façade
(errcat.api), renders the result and exits with a documented code.

Exit codes (also in the README): 0 found / valid, 1 nothing found / catalog invalid (validate),
2 usage or input error, 3 a catalog in use could not be loaded.
"""

import contextlib
import io
import os
import select
import sys
from typing import Any

from typer.main import get_command_name

# isort: off
from . import queries  # noqa: F401  # registers lookup, search, explain, scan, list on the app: first in --help
from . import manage  # noqa: F401  # then vendors, endpoints, validate, export, docs, cache
from . import serve  # noqa: F401  # then mcp
from .app import app

# isort: on

__all__ = ["app", "main"]


def _completion_shell_named(argv: list[str]) -> None:
    """``--install-completion [SHELL]`` is errcat's own installer (cli.completion: Typer's rewrote the
    user's ``.bashrc`` whole). ``--show-completion zsh``: Typer's flag ignores the shell named after it
    and shows the one it detects; naming one switches Typer to its explicit form, which takes the name."""
    for flag in ("--install-completion", "--show-completion"):
        if flag in argv and all(a.startswith("-") for a in argv[: argv.index(flag)]):  # errcat's option, before a command
            from .completion import SHELLS, fail, install  # here: most runs name neither flag

            i = argv.index(flag)
            named = argv[i + 1] if i + 1 < len(argv) else None
            named = None if named is None or named.startswith("-") else named
            if named is not None and named not in SHELLS:
                fail(f"unknown shell {named[:40]!r} for {flag} (known: {', '.join(SHELLS)})")
            if flag == "--install-completion":
                install(named)
            if named is not None:
                os.environ["_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION"] = "1"  # Typer's switch to the explicit form


def _closed_stdio() -> None:
    """Started with stdout closed (``>&-``): nothing could be written, a usage error. A closed stdin
    reads as empty input, as ``< /dev/null`` does (Python leaves both None: isatty() failed)."""
    if sys.stdout is None:
        if sys.stderr is not None:
            print("errcat: stdout is closed, so nothing can be written (redirect it to a file or /dev/null)", file=sys.stderr)
        sys.exit(2)
    if sys.stdin is None:
        sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115  # for the whole run
    if sys.stderr is None:  # closed (2>&-): scan's first look at it was an AttributeError, and its report lost
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115  # for the whole run


class _WholeWrites(io.RawIOBase):
    """stdout's file descriptor, each write written whole or failing: a file that reaches a full disk or
    the file-size limit takes part of a write and CPython's stdout dropped the rest (620 KB of export
    left 164 KB on a full tmpfs, exit 0). The next write of the rest fails with ENOSPC or EFBIG, which
    the CLI reports as output that cannot be written (exit 2)."""

    def __init__(self, fd: int) -> None:
        super().__init__()
        self.fd = fd

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self.fd

    def isatty(self) -> bool:
        return os.isatty(self.fd)

    def write(self, data: Any) -> int:
        view, done = memoryview(data).cast("B"), 0
        while done < len(view):
            try:
                done += os.write(self.fd, view[done:])
            except BlockingIOError:  # a non-blocking stdout inherited from the parent: wait until it takes more
                select.select([], [self.fd], [])
        return done


class _DroppedIfRefused(_WholeWrites):
    """stderr's file descriptor, a write it refuses (a full disk, a reader gone) dropped: the error line
    that could not be said raised again while it was being said, a traceback no one saw, and exit 1 took
    the place of the documented code (2 for a usage error, 3 for a broken catalog)."""

    def write(self, data: Any) -> int:
        try:
            return super().write(data)
        except OSError:
            return len(memoryview(data).cast("B"))


def _stderr_never_fails() -> None:
    """stderr rebuilt over _DroppedIfRefused, with its encoding and errors as they were."""
    err = sys.stderr
    try:
        fd = err.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file: left as it is
        return
    with contextlib.suppress(OSError):
        err.flush()
    sys.stderr = io.TextIOWrapper(_DroppedIfRefused(fd), encoding=err.encoding, errors=err.errors, write_through=True)


def _whole_writes() -> None:
    """stdout rebuilt over _WholeWrites, with its encoding, errors and line buffering as they were."""
    out = sys.stdout
    try:
        fd = out.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file (an embedding program's stream): left as it is
        return
    out.flush()
    sys.stdout = io.TextIOWrapper(
        io.BufferedWriter(_WholeWrites(fd)), encoding=out.encoding, errors=out.errors, line_buffering=bool(out.line_buffering)
    )


def _escape_unencodable(exc: UnicodeError) -> tuple[str, int]:
    """A character the output's encoding lacks, written as a JSON escape (``\\u00e9``; a surrogate pair
    past U+FFFF): still valid JSON, and legible in text."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    out = []
    for ch in exc.object[exc.start : exc.end]:
        code = ord(ch)
        if code > 0xFFFF:
            code -= 0x10000
            out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            out.append(f"\\u{code:04x}")
    return "".join(out), exc.end


def _output_encodable() -> None:
    """Output to a stream whose encoding is not UTF-8 (PYTHONIOENCODING=ascii, a Latin-1 locale):
    a character it cannot hold is escaped, not a UnicodeEncodeError traceback after half the output."""
    import codecs

    codecs.register_error("errcat-escape", _escape_unencodable)
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("_", "-")
        if not encoding.startswith("utf") and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="errcat-escape")


def _quiet_at_exit(unraisable: "sys.UnraisableHookArgs") -> None:
    """At the interpreter's exit, concurrent.futures may wake a worker pool's manager thread
    through a pipe already closed (CPython 3.11: "Exception ignored in: <module 'threading'>",
    OSError EBADF, about one parallel scan in 25): the scan is done and its report written, so that
    is not printed as a traceback. Nor is the exit a SIGTERM or SIGHUP raised where Python can only report it (a
    fork's hook, ``logging._releaseLock``, a finalizer): the signal is sent again and ends the run
    (``_end_on_terminate``). Anything else is reported as Python would."""
    import errno

    exc = unraisable.exc_value
    if isinstance(exc, OSError) and exc.errno in (errno.EBADF, errno.EPIPE):
        return
    if isinstance(exc, SystemExit) and exc.code in _ENDED_BY:
        return
    sys.__unraisablehook__(unraisable)


def _only_the_named_command(args: list[str]) -> None:
    """Keep only the command a run names first (``errcat lookup ...``): typer builds every registered command's
    click options from its signature on each run, a tenth of a lookup's instructions for commands it never
    runs. Anything else (no command, an option first, a typo that click answers with the commands it knows)
    keeps them all. The group stays a group: the app has a callback (``--version``)."""
    if not args or args[0].startswith("-"):
        return
    commands = [
        c for c in app.registered_commands if (c.name or get_command_name(getattr(c.callback, "__name__", ""))) == args[0]
    ]
    groups = [g for g in app.registered_groups if g.typer_instance is not None and g.typer_instance.info.name == args[0]]
    if len(commands) + len(groups) == 1:
        app.registered_commands, app.registered_groups = commands, groups


COMPLETE_VAR = "_ERRCAT_COMPLETE"  # set by the completion scripts when the shell asks what to complete

END_GRACE_S = 2.0  # after SIGTERM or SIGHUP, the time a run has to remove what it was writing
_ENDED_BY: set[int] = set()  # the exit codes of the signals that began to end this run


def _end_on_terminate() -> None:
    """SIGTERM, and SIGHUP (the terminal closed), end a run as Ctrl-C does: by an exception, so that what was
    being written is removed as a failed write removes it. Killed outright, ``docs --out`` left a temporary
    file beside every page (``.myob.md.2emjsaey.tmp``). The exit code is the shell's for that signal (143,
    129); a second signal kills at once, and a SIGHUP ignored (``nohup``) stays ignored. Should the exception
    be lost (raised where Python only reports it: a finalizer, a callback of a worker pool) or the clean-up
    take longer than END_GRACE_S, the signal is sent again, and kills as it did before."""
    import signal
    import threading

    def end(signum: int, _frame: Any) -> None:
        signal.signal(signum, signal.SIG_DFL)
        again = threading.Timer(END_GRACE_S, os.kill, (os.getpid(), signum))
        again.daemon = True  # a run that ends first is not held up by it
        again.start()
        _ENDED_BY.add(128 + signum)
        raise SystemExit(128 + signum)

    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None and signal.getsignal(number) == signal.SIG_DFL:
            signal.signal(number, end)


def main() -> None:
    """Entry point of the `errcat` script."""
    sys.unraisablehook = _quiet_at_exit
    _end_on_terminate()
    _closed_stdio()
    _stderr_never_fails()
    _whole_writes()
    _output_encodable()
    _completion_shell_named(sys.argv[1:])
    _only_the_named_command(sys.argv[1:])
    try:
        try:
            app()
        finally:  # what is still buffered fails here, not in Python's exit ("Exception ignored", exit 120)
            sys.stdout.flush()
    except KeyboardInterrupt:
        sys.exit(130)
    except OSError as exc:  # the last of the output, flushed above
        from .app import output_failed

        output_failed(exc)
    except Exception:
        if os.environ.get(COMPLETE_VAR):  # the shell asking for completions: junk from it (COMP_CWORD=abc) completes nothing
            sys.exit(1)  # a traceback was printed into the command line being typed
        raise

"""Which lines of a log are looked at, and what grouping needs to know of them: two Hyperscan passes.

A line is looked at when it holds a needle (``NEEDLES``): the words ``error``, ``exception`` and
``failed`` (their tails, so either case of the first letter matches), each other level word that
makes a line an error (WARN, FATAL, CRIT, SEVERE, ALERT, EMERG, PANIC, ERR; logcat's letter, a kernel
line's ``<3>[``, journald's ``"PRIORITY"``), an HTTP status of 400 or more (a status line, an access
log's ``HTTP/1.1" 404``, ``status: 500``, ``status code 403``, ``returned 404``), or the upper-case code
of a body that holds no error word (ProSpend's ``{"code":"ACCESS_FORBIDDEN", ...}`` logged at
WARN), or glog's level letter and time at a line's start (``E1102 12:00:00.123456``). A line with
none of them is never read further.

A second pass, around the needle lines only, marks the lines that make grouping matter
(``Marks``): a line that may open a body (a brace, an angle bracket, an array of objects or
strings, "response body:" at its end) and a line that may continue the one before it (blank, indented, closing, a status or
request or header line); the first pass also marks the lines that state an HTTP status of 400
or more. A needle line with no such mark on itself or its neighbours is a record of its own,
told without grouping it (records.Finder._take_marked). Where needle lines are all along (a real
log's), both are found in one pass (see _ALL_ALONG), with the same marks.

Two engines keep that contract, with identical marks (the test suite runs both):

- Hyperscan (the ``hyperscan`` wheel: Linux x86-64, macOS, Windows x86-64) finds every needle
  and mark, many times faster than Python can;
- elsewhere, or with ``ERRCAT_SCAN_ENGINE=python``, one ``re`` search per pattern (each skips
  ahead in C): several times slower.

Neither is imported on the lookup or explain path.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import platform
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import lru_cache
from typing import Any, NamedTuple

from ..fs import clear_way, make_folders, read_regular
from ..index.cache import cache_dir, no_home
from .verdict import GIN_COLOUR, IBM_LOUD_LETTERS, IBM_MESSAGE_ID, MONGODB_COMPONENT, STATUS_KEY

_WORDS = (
    b"rror",  # error, Error, Errors, a Sage diagnosis's "error"
    b"[erro]",  # RabbitMQ's level in four letters (level_format lc4)
    b"ERR",  # ERROR, and a level of its own: ERR, <ERR>, logrus's ERRO[0000]
    b"WRN",  # Serilog's and zerolog's three letters for a warning and a fatal error
    b"FTL",
    b"xception",  # Exception, exception
    b"ailed",  # failed, Failed
    b"AILED",
    b"TEST-UNEXPECTED-",  # mozlog's result a test harness did not expect, and a crash under it (verdict._MOZLOG_UNEXPECTED)
    b"PROCESS-CRASH |",
    b"Hit MOZ_CRASH(",  # Gecko's crash on purpose (verdict._RAISED_EXCEPTION)
    # the other levels that make a line an error (verdict.py), in each case a level is written
    *(
        w
        for word in (b"warn", b"fatal", b"crit", b"severe", b"alert", b"emerg", b"panic")
        for w in (word, word.capitalize(), word.upper()[: 4 if word == b"fatal" else None])  # FATAL, logrus's FATA[0000]
    ),
    # a level letter in brackets ([E], <W>, (F)) and a keyed lower-case err (level=err, "severity":"err")
    *(pair[:1] + letter + pair[1:] for letter in (b"E", b"W", b"F") for pair in (b"[]", b"<>", b"()")),
    b"=err",
    b'"err"',
    b"=eror",  # Grafana's lvl=eror
    b" err ",  # syslog's severity word after the time ("... 21:08:10.313913+00:00 err rbd ...")
    # Android logcat's level letter after the thread id ("  2227  2794 E KeyguardUpdateMonitor: ..."):
    # a digit, the letter, a space, which prose and other logs hardly hold
    *(bytes((d,)) + b" " + letter + b" " for letter in (b"E", b"W", b"F", b"A") for d in b"0123456789"),
    # and Android Studio's Logcat window's, between its package column and the message, with two spaces each side
    *(b"  " + letter + b"  " for letter in (b"E", b"W", b"F", b"A")),
    # and its window's before 2023, the letter before the tag ("22134-22134/? E/dex2oat: ...")
    *(b" " + letter + b"/" for letter in (b"E", b"W", b"F")),
    # a syslog priority whose severity is an error or a warning (0 to 4, of any facility: verdict.level)
    # before the kernel's time (/dev/kmsg, dmesg -r: "<3>[    9.74] ...") or RFC 5424's version
    # ("<11>1 2026-..."): not Mac's "IOThunderboltSwitch<0>(0x0)"; a month after it (RFC 3164) cost
    # a fifth more time on the needle pass, for lines daemons seldom write to a file
    *(b"<%d>%s" % (n, after) for n in range(192) if n % 8 <= 4 for after in (b"[",)),
    # journald's JSON export: a PRIORITY that is an error or a warning (journalctl -o json writes " : ")
    *(b'"PRIORITY"' + colon + b'"%d"' % n for n in range(5) for colon in (b":", b" : ")),
    # a Windows event's level in its XML: critical, error, warning (verdict._WINDOWS_EVENT)
    b"<Level>1</Level>",
    b"<Level>2</Level>",
    b"<Level>3</Level>",
    # a crash (verdict._EXCEPTION): a fatal signal, a segmentation fault, a failed assertion
    b"got signal ",
    b"egmentation fault",
    b"egmentation Fault",
    b"core dumped",
    b"ssertion failure",
    b"SIGSEGV",
    b"SIGABRT",
    b"Task timed out after ",  # AWS Lambda's, when a function runs out of its time (verdict._FAILURE_EVENT)
    b"marked build as failure",  # Jenkins's, when a build step failed (verdict._FAILURE_EVENT)
    b"crashed! This is always indicative of a bug",  # Terraform's crash banner (verdict._FAILURE_EVENT)
    # upper-case codes of error bodies that hold no error word (ProSpend's {"code": "ACCESS_FORBIDDEN"})
    b"UNAUTHORI",
    b"FORBIDDEN",
    b"NOT_FOUND",
    b"NOT_ALLOWED",
    b"CONFLICT",
    b"UNAVAILABLE",
    b"BAD_REQUEST",
)
# an HTTP status of 400 or more (to 999; a number of four digits is none), as verdict.http_status
# reads one: a status line (or an access log's quoted request before it), a keyed status, or an
# access log's status after a quote; the lines that state one are marked "erring" too, so that a
# line's shape keeps whether it is one (prepared.shape_of)
_ERRING = (
    rb"HTTP/\d(?:\.\d)?\x22? [4-9]\d\d",
    rb"[Ss](?:tatus|TATUS)" + STATUS_KEY.replace(r"\s", r"[ \t]").encode() + rb"[4-9]\d\d",  # on one line
    rb"\x22 [4-9]\d\d",
    rb"[Rr]esponse_[Cc]ode\x22?[ \t]*[=:][ \t]*\x22?[4-9]\d\d",  # Envoy's and Istio's ("response_code":404)
    rb"(?:GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) /[^ \t\r\n\x22]* [4-9]\d\d",  # unquoted: CouchDB's "GET /db 404 ok"
    # a status in words (verdict._STATUS_WORDED and after): "status code 403", "HTTP 503 Service
    # Unavailable", Rails's "Completed 404 Not Found", "returned 503"
    rb"[Ss]tatus(?: [Cc]ode)? [4-9]\d\d",
    rb"HTTP [4-9]\d\d",
    rb"Completed [4-9]\d\d",
    rb"returned [4-9]\d\d",
    # HAProxy's HTTP log behind its syslog tag: its five timers, then the status (before the request
    # it logs last); the tag is what makes this cheap to look for (without it, 2 % more instructions)
    rb"haproxy\[\d+\]: [^\n]*? -?\d+/-?\d+/-?\d+/-?\d+/\+?\d+ [4-9]\d\d",
    # Gin's access line: its status between bars, coloured on a terminal ("[GIN] 2023/10/01 - 10:18:42 | 404 |")
    rb"\[GIN\] [^|\n]*\|" + GIN_COLOUR + rb" ?[4-9]\d\d",
)
_NUMBER_END = rb"(?![0-9A-Za-z_])"  # after an _ERRING number: where a word would end
# glog's letter (E, W, F), month, day and time at a line's start: prose hardly starts so; CockroachDB's
# crdb-v1 and crdb-v2 write the year before the month ("E220202 20:51:23.800288 685 jobs/registry.go:715 ...")
_GLOG = rb"^[EWF]\d{4}(?:\d\d)? \d\d:\d\d:\d\d\.\d"
# a JSON line's numbered level that is loud (logline._NUMBERED_LEVELS): pino's and bunyan's warn, error
# and fatal ({"level":50,"msg":"Slow query detected"} holds no error word), Nextcloud's error and fatal
_NUMBERED = rb'"level": ?(?:[34]|[456]0|"[34]"|"[456]0")[,} ]'
# MongoDB's severity letter: before its component in its text log to 4.2, its JSON log's "s" since
_MONGODB = rb"\d [EWF] {1,2}" + MONGODB_COMPONENT.encode() + rb'|"s":"[EWF]"'
# SAP HANA's trace letter for a warning, an error or a fatal error (verdict's "hana"), which needs no error word:
# "e Memory   MemoryManager.cpp(00567) : " then "OUT OF MEMORY occurred." on the next line
_HANA = rb"\d\d:\d\d\.\d{6} [wef] +\S{1,40} +\S{1,80}\(\d{1,6}\) : "
# a Cisco message of severity 0 to 4 (verdict.CISCO_SEVERITY), which holds no error word: a firewall's
# "%ASA-4-106023: Deny tcp ...", IOS's and NX-OS's any facility's, "%LINK-3-UPDOWN: Interface ...", "%SYS-2-MALLOCFAIL: ...",
# with a sub-facility too ("%PM-SP-4-ERR_DISABLE:")
_CISCO = rb"%[A-Z][A-Z0-9_]*-(?:[A-Z0-9_]+-)?[0-4]-[A-Z0-9_]+:"
# an IBM message id whose last letter says an error or a warning (verdict.IBM_MESSAGE_ID): MQ's "AMQ6776E: ...",
# WebSphere's "SRVE0777E:", Db2's "SQL1032N  No start database manager ...", Spectrum Protect's "ANR0236E Fail to ..."
# at a line's start, as those write it, or after WebSphere's and Liberty's letter column ("... TCPPort E CWWKO0221E:
# TCP Channel ... did not succeed."): anywhere in a line, the pattern (no literal in it) cost the needle pass 15 % more
# instructions on the bench's real log; at a line's start, in glog's pass, and after " E ", a few
_IBM = (IBM_MESSAGE_ID.removeprefix(r"\b") + "[" + IBM_LOUD_LETTERS + "][: ]").encode()
_AT_LINE_START = rb"^(?:" + _GLOG[1:] + rb"|" + _IBM + rb")"  # found by one pattern from the newline before
# macOS's `log show` and `log stream`: Fault in the Type column, then the Activity id ("Fault       0x1a5c23")
_MACOS_FAULT = rb" Fault {2,}0x[0-9a-f]+ "
# needles of a shape of their own, each found by one pattern
_SHAPED = (_NUMBERED, _MONGODB, _CISCO, rb" [EWF] " + _IBM, _MACOS_FAULT, _HANA)
NEEDLES = (*(re.escape(w) for w in _WORDS), *(p + _NUMBER_END for p in _ERRING), b"(?m)" + _AT_LINE_START, *_SHAPED)
# A line that may open a body (records._body_start, _Grouping._xml): a brace, an angle bracket,
# an array of objects or strings, a bracket at the line's end.
_OPENS = (rb"[{<]", rb"\[[ \t]*[\x22{]")
_OPENS_AT_END = rb"\[[ \t]*\r?"  # then the line's end
# a level alone on its line, as Maven writes one between a failure and its help (records._LEVEL_BLOCK): it goes on with
# the failure above it, and the help's lines after it
LEVEL_ALONE = rb"\[(?:ERROR|WARNING)\][ \t]*\r?"  # then the line's end
# a line that ends announcing a body, which may be plain text ("returned 422, response body:")
SAYS_BODY_WORDS = (b"body", b"Body", b"BODY", b"response", b"Response", b"RESPONSE")  # then ":" (records._SAYS_BODY)
_SAYS_BODY_AT_END = rb"(?:" + b"|".join(SAYS_BODY_WORDS) + rb"):[ \t]*\r?"  # then the line's end
# a line that ends announcing an error its next line states (Dart's "Unhandled exception:")
_THROWN_AT_END = rb"(?:[Ee]xception|[Ee]rror):[ \t]*\r?"  # then the line's end
# a line that opens a quoted value it does not close (nginx's 'FastCGI sent in stderr: "PHP message: ...',
# the program's lines below it up to the quote's end): records.QUOTE_OPEN_AT_END
QUOTE_OPEN_AT_END = rb': "[^"\n]*\r?'  # then the line's end
_OPENS_ENDING = (_OPENS_AT_END, _SAYS_BODY_AT_END, _THROWN_AT_END, QUOTE_OPEN_AT_END)  # each then the line's end
# How a line that may continue the one before it starts (records._continuation_like and
# _Grouping.continued_by): indented or blank, closing, a brace, an angle bracket or quote (also a
# dump's "> "), an array, a status, request or header line; or it is empty.
_CONTINUES = (
    rb"[ \t\r\x0b\x0c}\]\x22{<>]",
    rb"\[[ \t]*[\x22{]",
    rb"HTTP/\d",
    rb"(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) ",
    rb"[A-Za-z][A-Za-z0-9-]*:[ \t]",
    # a stack trace's unindented parts (records._TRACE_STARTS, _PHP_FRAME, _EXCEPTION_LINE)
    # (and a Python frame's line with its indentation taken off, records._PY_FRAME, under vdsm's traceback opened on its entry's
    # first line)
    rb"Caused by: |Traceback \(|Stack trace:|\[stacktrace\]|#\d+ |File \x22|[A-Za-z_$][\w$]*(?:\.[\w$]+)*(?:Exception|Error)\b",
    # a Rails FATAL block's next line (records._RUBY_FATAL): Ruby's FATAL head, or a request id's tag
    # alone, also after a Heroku dyno's name ("app[web.1]: ")
    rb"(?:\w+\[[\w.]+\]: )?(?:F, \[|\[[0-9a-f]{8}-[0-9a-f]{4}-)",
    # a Ruby backtrace's frame logged under Ruby Logger's head (records._RUBY_HEAD)
    rb"[DIWEFA], \[[^\]\n]*#\d+\] +[A-Z]+ -- [^:\n]*: \S+:\d+:in ",
    # npm's error block, every line prefixed (records.NPM_BLOCK)
    rb"npm (?:ERR!|error)",
)
# The time a runtime or a CI server writes before every line it keeps: docker logs -t and kubectl
# logs --timestamps (RFC 3339, nanoseconds), GitHub Actions' raw logs (seven digits), Jenkins's
# timestamper and Azure Functions' host (in brackets). A line so stamped continues the one before
# it when what follows the stamp would (records._unstamped): a Java trace's "\tat" frames and
# "Caused by:" under docker logs -t were each record's end, so one failure was several.
STAMP = rb"\[?\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:[.,]\d{1,9})?(?:Z|[+-]\d\d:?\d\d)\]?"
# Heroku's logplex writes its source and dyno after the stamp ("app[web.1]: ") and takes a line's indentation off: what
# follows goes on as it would, or is a line of an object Node printed (a quoted key, a closer) or an unindented frame
# (records._logplex_goes_on). Told line by line wherever it is: a log read as logplex's only when nine in ten of its
# first 20 lines were had every needle line of the rest grouped, or none.
_SOURCED = rb" [\w-]+\[[\w.-]+\]: (?:" + b"|".join(_CONTINUES) + rb"|['}\]]|at )"
_STAMPED = STAMP + rb"(?:" + _SOURCED + rb"| (?:" + b"|".join(_CONTINUES) + rb")| ?\r?"  # then the line's end: a blank one

ENGINE_ENV = "ERRCAT_SCAN_ENGINE"  # "python" forces the pure-Python engine

Buffer = bytes | bytearray  # a window of a log (a worker reads its whole range into one)


class Marks(NamedTuple):
    """What the passes found in a buffer from a line start up to ``end`` (after the last whole
    line), as offsets into the buffer: a line is named by its end (after its newline) or start.
    ``structural`` and ``continuing`` are complete only around the needle lines (_stretches)."""

    lines: list[int]  # ends of the lines that hold a needle, ascending, each once
    structural: set[int]  # ends of lines that may open a body or continue the line before
    continuing: set[int]  # starts of lines that may continue the line before
    erring: set[int]  # ends of lines that state an HTTP status of 400 or more (_ERRING)
    end: int
    statuses: dict[int, int] | None = None  # a W3C log's line ends -> the status in their column (w3c.py)


Marker = Callable[[Buffer, int, int, bool], Marks]  # (buffer, line start, stop, at the input's end)


@lru_cache(maxsize=1)
def engine_name() -> str:
    """The engine this process uses: ``hyperscan`` when it imports and compiles, else ``python``."""
    if os.environ.get(ENGINE_ENV, "").lower() == "python":
        return "python"
    return "hyperscan" if _database() is not None else "python"


def marker() -> Marker:
    return _hyperscan_marks if engine_name() == "hyperscan" else _python_marks


def _any(patterns: tuple[bytes, ...]) -> bytes:
    return b"(?:" + b"|".join(patterns) + b")"


_REST = rb"[^\n]*\n"  # the rest of the line, so that a match ends where the line does
_NEEDLE, _ERRING_ID, _OPENING, _CONTINUING, _GLOG_ID = range(5)
# needle lines closer than this share one stretch of the log that is marked (see _stretches)
_NEAR = 1 << 14


@lru_cache(maxsize=1)
def _database() -> tuple[Any, Any, Any] | None:
    """Three databases: the needles, run over the whole buffer; the marks, run only around the
    needle lines (most of a sparse log is far from any: marking it all cost four times the
    needles); and both at once, for a buffer with needle lines all along (a real log's), where
    marking is done everywhere anyway and one pass costs a quarter less than the two."""
    needles = [
        _any((*(re.escape(w) for w in _WORDS), *_SHAPED)) + _REST,  # to the line's end: one report per line
        _any(_ERRING) + rb"(?:[^0-9A-Za-z_\n][^\n]*)?\n",
        # from the newline before (a pass starts after one, see _hyperscan_marks): as cheap as
        # the other two alone, where ^ in either cost a third more
        b"\n" + _AT_LINE_START[1:] + _REST,
    ]
    marks = [
        _any(_OPENS) + _REST + b"|" + _any(_OPENS_ENDING) + b"\n",
        # from the newline before the line: reported after its first bytes (its bounds are found
        # when reported; such lines are few, and a pattern to the line's end costs twice as much)
        rb"\n" + _any(_CONTINUES) + rb"|\n(?:" + _OPENS_AT_END + b"|" + LEVEL_ALONE + rb")?\n|\n" + _STAMPED + rb"\n)",
    ]
    needle_ids, mark_ids = [_NEEDLE, _ERRING_ID, _GLOG_ID], [_OPENING, _CONTINUING]
    found = (
        compiled_database(needles, needle_ids),
        compiled_database(marks, mark_ids),
        compiled_database(needles + marks, needle_ids + mark_ids),
    )
    return None if None in found else found


def compiled_database(expressions: list[bytes], ids: list[int] | None = None, flags: list[int] | None = None) -> Any:
    """A Hyperscan block-mode database of ``expressions`` (with ``ids``, else from 0, and
    ``flags``), or None without Hyperscan. Compiled once per machine and kept in the cache directory: compiling took each
    process 0.06 s for the needles and 0.1 s for the catalog's vendor literals, on every scan."""
    try:
        import hyperscan
    except ImportError:
        return None
    ids = ids or list(range(len(expressions)))
    flags = flags or [0] * len(expressions)
    key = repr((getattr(hyperscan, "__version__", ""), platform.machine(), expressions, ids, flags)).encode()
    path = cache_dir() / "hyperscan" / f"{hashlib.sha256(key).hexdigest()[:32]}.db"
    with contextlib.suppress(OSError, hyperscan.HyperscanError):
        db = hyperscan.loadb(read_regular(path), hyperscan.HS_MODE_BLOCK)  # a FIFO in its place: no hang
        db.scratch = hyperscan.Scratch(db)
        db.scan(b"\n", match_event_handler=lambda *_: None)  # one compiled for another CPU (a shared home) fails here
        return db
    try:
        db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
        db.compile(expressions=expressions, ids=ids, elements=len(expressions), flags=flags)
    except hyperscan.HyperscanError:
        return None
    if no_home(path):  # no home to keep it in: not in a ./~ folder made wherever the scan runs
        return db
    part = path.with_name(f"{path.name}.{os.getpid()}.part")
    with contextlib.suppress(OSError):  # a read-only cache directory: compiled again next time
        make_folders(path.parent)
        try:
            part.write_bytes(hyperscan.dumpb(db))
            clear_way(path)  # a folder in its place: compiled again on every scan
            os.replace(part, path)
        finally:
            part.unlink(missing_ok=True)  # a full disk leaves no part file behind
    return db


def _dense(lines: list[int], start: int, end: int) -> bool:
    """Whether needle lines are all along buf[start:end] (a real log's): all of it is marked."""
    return len(lines) > (end - start) // _NEAR * 4


def _stretches(buf: Buffer, lines: list[int], start: int, end: int) -> list[tuple[int, int]]:
    """The stretches of buf[start:end] whose lines are marked: from the line before a needle line
    (or a run of needle lines no more than _NEAR apart) to the line after it."""
    if _dense(lines, start, end):
        return [(start, end)] if lines else []
    found: list[tuple[int, int]] = []
    first = last = -1
    for le in (*lines, -1):
        if le >= 0 and last >= 0 and le - last <= _NEAR:
            last = le
            continue
        if last >= 0:
            ls = buf.rfind(b"\n", 0, first - 1) + 1
            ps = max(buf.rfind(b"\n", 0, ls - 1) + 1 if ls > 0 else 0, start)
            found.append((ps, buf.find(b"\n", last, end) + 1 or end))
        first = last = le
    return found


# Whether the last big buffer marked had needle lines all along: the next is marked in one pass
# with its needles (both databases at once), and if it has not, its marks are cut to its stretches,
# so that what is marked never depends on the guess (one pass over a real log's 64 MB: 100 ms, two: 137)
_ALL_ALONG = [False]
_GUESS_FROM = 1 << 20  # smaller buffers (a range's last lines) do not change the guess


def _hyperscan_marks(buf: Buffer, start: int, stop: int, final: bool) -> Marks:
    end = buf.rfind(b"\n", start, stop) + 1 or start
    marks = Marks([], set(), set(), set(), end)
    add_line, add_erring = marks.lines.append, marks.erring.add
    add_structural, add_continuing = marks.structural.add, marks.continuing.add
    base = 0

    def on_match(kind: int, _from: int, to: int, _flags: int, _context: object) -> None:
        at = base + to
        if kind == _NEEDLE:
            add_line(at)
        elif kind == _ERRING_ID:  # a needle too, listed below unless its line holds a word as well
            add_erring(at)
        elif kind == _OPENING:
            add_structural(at)
        elif kind == _GLOG_ID:  # a needle too, listed below unless its line holds a word as well
            add_glog(at)
        else:
            add_structural(buf.find(b"\n", at - 1) + 1)
            add_continuing(buf.rfind(b"\n", base, at - 1) + 1)

    glog: set[int] = set()
    add_glog = glog.add
    needles, marking, both = _database()  # type: ignore[misc]  # None only when the engine is python
    view = memoryview(buf)
    together = _ALL_ALONG[0]
    base = start - 1 if start > 0 else 0  # from the newline before the first line (none: nothing found)
    (both if together else needles).scan(view[base:end], match_event_handler=on_match)
    if start == 0 < end and _GLOG_START.match(buf):  # the buffer's first line has none before it
        glog.add(buf.find(b"\n") + 1)
    marks.lines.extend((marks.erring | glog).difference(marks.lines))
    marks.lines.sort()  # in C, on lines reported in about their order
    if end - start >= _GUESS_FROM:
        _ALL_ALONG[0] = _dense(marks.lines, start, end)
    if together:
        _marked_together(buf, marks, start, end)
    else:
        for ps, pe in _stretches(buf, marks.lines, start, end):
            base = ps - 1 if ps > 0 else 0  # from the newline before: the first line's start is marked
            marking.scan(view[base:pe], match_event_handler=on_match)
            if ps == 0:  # the buffer's first line has no newline before it: marked here
                _mark_first_line(buf, marks)
    if final and _holds_needle(needles, bytes(view[end:stop])):
        marks.lines.append(stop)  # the input's last line, without its newline (see _with_last_line)
    return marks


def _marked_together(buf: Buffer, marks: Marks, start: int, end: int) -> None:
    """Finish the marks of buf[start:end] made with its needles: the first line's, and if needle lines
    are not all along it after all, only those a pass over each stretch alone makes (see _stretches)."""
    if start == 0:  # the buffer's first line has no newline before it: marked here
        _mark_first_line(buf, marks)
    if not _dense(marks.lines, start, end):
        _cut_to(marks, _stretches(buf, marks.lines, start, end))


def _cut_to(marks: Marks, stretches: list[tuple[int, int]]) -> None:
    """Keep only the marks a pass over each of ``stretches`` alone makes: line ends in (ps, pe],
    line starts in [ps, pe)."""
    firsts = [ps for ps, _ in stretches]
    ending = {e for e in marks.structural if (k := bisect_left(firsts, e) - 1) >= 0 and e <= stretches[k][1]}
    starting = {s for s in marks.continuing if (k := bisect_right(firsts, s) - 1) >= 0 and s < stretches[k][1]}
    marks.structural.intersection_update(ending)
    marks.continuing.intersection_update(starting)


def _holds_needle(needles: Any, line: bytes) -> bool:
    """Whether one line (none: no) holds a needle, read with the newlines around it that the needles' patterns read."""
    import hyperscan

    if not line:
        return False
    line = b"\n" + line + b"\n"

    def first(*_: object) -> bool:
        return True  # ends the scan

    try:
        needles.scan(line, match_event_handler=first)
    except hyperscan.ScanTerminated:
        return True
    return False


class _Patterns(NamedTuple):
    needles: tuple[re.Pattern[bytes], ...]
    opening: tuple[re.Pattern[bytes], ...]
    erring: tuple[re.Pattern[bytes], ...]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    """The pure-Python engine's patterns, compiled when first needed: at import, their 250
    compilations were a fifth of every scan's start-up, Hyperscan's included."""
    return _Patterns(
        tuple(re.compile(p) for p in NEEDLES),
        (
            *tuple(re.compile(p) for p in _OPENS),
            *tuple(re.compile(p + rb"$", re.MULTILINE) for p in _OPENS_ENDING),
        ),
        tuple(re.compile(p + _NUMBER_END) for p in _ERRING),
    )


_GLOG_START = re.compile(_AT_LINE_START)
_LINE_START_PATTERN = re.compile(
    rb"^(?:" + _any(_CONTINUES) + b"|(?:" + _OPENS_AT_END + b"|" + LEVEL_ALONE + rb")?$|" + _STAMPED + rb"$))",
    re.MULTILINE,
)


def _line_ends(patterns: tuple[re.Pattern[bytes], ...], buf: Buffer, start: int, end: int) -> set[int]:
    """The ends of the lines in buf[start:end] where one of ``patterns`` matches."""
    found: set[int] = set()
    for pattern in patterns:
        search = pattern.search
        m = search(buf, start, end)
        while m is not None:
            after = buf.find(b"\n", m.start(), end) + 1
            if after == 0:
                break
            found.add(after)
            m = search(buf, after, end)  # one mark per line is enough
    return found


def _mark_line_starts(buf: Buffer, start: int, end: int, marks: Marks) -> None:
    """Mark the lines of buf[start:end] that may continue the line before them."""
    for m in _LINE_START_PATTERN.finditer(buf, start, end):
        at = m.start()
        after = buf.find(b"\n", at, end) + 1
        if after:
            marks.structural.add(after)
            marks.continuing.add(at)


def _mark_first_line(buf: Buffer, marks: Marks) -> None:
    """The marks of a buffer's first line that Hyperscan finds from the newline before a line."""
    _mark_line_starts(buf, 0, buf.find(b"\n", 0, marks.end) + 1, marks)


def _python_marks(buf: Buffer, start: int, stop: int, final: bool) -> Marks:
    end = buf.rfind(b"\n", start, stop) + 1 or start
    patterns = _patterns()
    lines = sorted(_line_ends(patterns.needles, buf, start, end))
    marks = Marks(lines, set(), set(), _line_ends(patterns.erring, buf, start, end), end)
    for ps, pe in _stretches(buf, lines, start, end):
        marks.structural.update(_line_ends(patterns.opening, buf, ps, pe))
        _mark_line_starts(buf, ps, pe, marks)
    return _with_last_line(buf, stop, final, marks)


def _with_last_line(buf: Buffer, stop: int, final: bool, marks: Marks) -> Marks:
    """At the input's end, a last line without its newline that holds a needle is listed too (it
    ends at ``stop``: grouping decides it)."""
    if final and stop > marks.end and any(p.search(buf, marks.end, stop) for p in _patterns().needles):
        marks.lines.append(stop)
    return marks


def literal_test(literals: tuple[str, ...]) -> Callable[[str], bool]:
    """Whether a text holds one of ``literals`` (the catalog's vendor needles, a few hundred): one
    Hyperscan pass, 40 times faster than ``in`` for each; that, without Hyperscan."""
    db = None
    if engine_name() == "hyperscan":
        import hyperscan

        db = compiled_database([re.escape(n.encode()) for n in literals], flags=[hyperscan.HS_FLAG_SINGLEMATCH] * len(literals))
    if db is None:
        return lambda text: any(n in text for n in literals)

    def holds(text: str) -> bool:
        try:
            # surrogatepass: a JSON line's key or value may hold half an emoji, escaped ("m\\ud83dessage"), decoded
            # as a lone surrogate: strictly encoded, it ended scan with a traceback. True: the first match ends the scan
            db.scan(text.encode("utf-8", "surrogatepass"), match_event_handler=lambda *_: True)
        except hyperscan.ScanTerminated:
            return True
        return False

    return holds

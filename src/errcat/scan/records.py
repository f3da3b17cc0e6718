"""Log bytes -> candidate error records, without reading most of the log.

A log is mostly noise. A multi-pattern engine (needles.py) finds the lines that carry error
evidence and, around them, marks the lines that may open or continue a multi-line record; only
the evidence lines, and the lines around them that belong to the same record, are ever split,
decoded or parsed. A record is one log entry: its head line plus the
lines that continue it: a pretty-printed JSON or XML body after a log prefix, an HTTP exchange
(status line, headers, body) or an indented stack trace. JSON-lines files, where every line is
a whole object, are one record per line.

Memory stays bounded whatever the input: a window of one chunk plus the record being assembled
(at most ``MAX_RECORD`` bytes) plus ``LOOKBACK`` bytes of context.

Given a triage (triage.py), the finder hands it each record as found. An evidence line with no
mark on itself or its neighbours (most of a real log's) is a record of its own by the grouping
rules below, so it is taken without grouping: the triage counts it by its shape, without decoding
it, when one of that shape was sorted before.
"""

from __future__ import annotations

import operator
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from itertools import repeat
from typing import TYPE_CHECKING

from ..gate import may_name_credential
from .entries import with_entry_seams
from .needles import QUOTE_OPEN_AT_END, SAYS_BODY_WORDS, STAMP, Buffer, Marker, Marks, marker
from .prefixes import without_prefixes
from .verdict import HEAD, LEVEL_WORDS, QUIET_LEVELS, level
from .w3c import Columns, columns_of

if TYPE_CHECKING:
    from .prepared import Prepared
    from .triage import Triage

Line = bytes | bytearray  # one line of a window

MAX_LINE = 1 << 20  # a longer line is skipped (and reported), not read
MAX_RECORD = 1 << 20  # bytes of one multi-line record; longer ones are cut (and reported)
MAX_RECORD_LINES = 5000
LOOKBACK = 64 << 10  # how far back from an evidence line its record's head is looked for

# a JSON string on one line: brackets inside it do not count (unrolled: a branch per byte cost 3 times as much)
_QUOTED = re.compile(rb'"[^"\\\n]*(?:\\.[^"\\\n]*)*"')
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"{}[]")
_ARRAY_START = re.compile(rb'\[[ \t]*(?:[{"]|\r?$)')  # an array of objects or strings, or one opened at the line's end
_XML_ROOT = re.compile(rb"<([A-Za-z_][\w:.-]*)[^>]*?(/?)>")
_HEADER = re.compile(rb"^[A-Za-z][A-Za-z0-9-]*:[ \t]")
_STATUS_LINE = re.compile(rb"^HTTP/\d(?:\.\d)?[ \t]+\d{3}\b")
# Sets of first bytes, tested as `line[0] in ...` (an int in a frozenset: `line[:1] in b"..."` costs
# ten times as much, and these tests run on every record)
_EXCHANGE_STARTS = frozenset(b"HGPDO")  # first bytes of a status or request line
_INDENT = frozenset(b" \t")
_INDENTED_OR_CLOSING = frozenset(b" \t}]")
_CONTINUATION_FIRST = frozenset(b' \t}]"<>')
# a line of an exchange dumped with a side's mark before each line (requests_toolbelt's dump_all:
# "< " the request's, "> " the response's; a blank line of it is the mark alone)
_DUMPED = re.compile(rb"[<>](?: |\r?\n?$)")
_DUMP_MARKS = frozenset(b"<>")
_MARKED_EXCHANGE = re.compile(rb"[<>] (?:HTTP/\d|(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) /)")  # curl -v's "> POST /..."
_WORD_FIRST = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
_SPACE = frozenset(b" \t\n\r\x0b\x0c")  # what bytes.isspace() and a regex's \s take for space
_ARRAY_NEXT = frozenset(b'{" \t\n\r\x0b\x0c')  # what may follow "[" opening an array
_ANNOUNCING = (b":", b"=", b"->", b"=>")  # a line ending so introduces what follows
# a line ending so introduces a response's body, which may be plain text (needles._SAYS_BODY_AT_END)
_SAYS_BODY = tuple(w + b":" for w in SAYS_BODY_WORDS)
_BODY_GOES_ON = frozenset(b' \t}]"{[<')  # what a body's line starts with after its timestamp (_new_entry)
# how a log entry starts, never a line of a JSON or XML body: a date and time (after a short tag:
# mozharness's "[task 2025-..."), a syslog or Apache date (a body cut short in a log swallowed up
# to MAX_RECORD_LINES entries after it), Ruby Logger's letter before its bracketed time ("F, [2015-03-20T08:39:14.329870
# #908] FATAL -- : ", Rails's production.log: its exception on the lines below such an empty FATAL was no part of it),
# WebLogic's date in angle brackets, its month a word of the server's locale ("<Apr 26, 2023 2:14:01,436 PM GMT> <Error>",
# "####<6-ott-2022 16.37.00,461 UTC> <Error>"): read as an XML element, its first line held every line after it, and
# three <Error> lines under a <Notice> were none; a syslog priority (and RFC 5424's version) before the date, pfSense's
# "<30>1 2021-07-03T23:01:56.547220-05:00 ...": after a line ending in a colon it was read as an XML body of that line
_ENTRY_START = re.compile(
    rb"[DIWEFA], \[\d{4}-\d\d-\d\dT|(?:####)?<(?:[A-Z][a-z]{2} \d\d?, \d{4} |\d\d?[- ][^\W\d]{3,12}[-, ]{1,2}\d{4} )\d\d?[:.]\d\d"
    rb"|(?:<\d{1,3}>(?:1 )?)?\[?(?:[A-Za-z][\w.-]{0,15} )?"
    rb"(?:\d{4}[-/.]\d\d[-/.]\d\d(?:[T ]|, )\d\d?:\d\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d \d\d:\d\d:\d\d"
    rb"|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) )"
)
# a dated entry's line that opens a quoted value it does not close: the lines up to the quote's end are
# the value's (nginx's 'FastCGI sent in stderr: "PHP message: PHP Warning: ...' and PHP's next messages,
# each counted as an error of its own), ended early by a line that starts with a date
_QUOTE_OPEN = re.compile(QUOTE_OPEN_AT_END + rb"\n?$")
# the unindented parts of a stack trace: a Java cause or Python traceback header (each continues
# the entry it follows), and an exception line: Java's qualified one right after its entry's line,
# or the one that ends a Python traceback, after its frames
_TRACEBACK = b"Traceback (most recent call last)"
# a traceback that opens at the end of an entry's first line, as vdsm logs it ("MainThread::ERROR::2011-12-05
# 07:04:56,300::vdsm::74::vds::(run) Traceback (most recent call last):"): its frames and exception, unindented in lnav's
# copy of such a log, were no part of the entry, the exception not read at all
_TRACEBACK_OPENED = _TRACEBACK + b":"
# a date and time near a line's start, wherever the layout puts it (vdsm's "Thread-12::ERROR::2011-12-05 07:04:56,310::..."):
# the next entry, not the source line an unindented frame's line is followed by
_DATED = re.compile(rb"\d{4}-\d\d-\d\d[T ]\d\d:\d\d")
# or a level word in capitals first, as an undated layout writes it (Python logging's default "ERROR:root:...", "ERROR
# sync ..."): not a source line either (not an assignment to a name so spelt)
_LEVEL_FIRST = re.compile(rb"(?:ERROR|WARNING|WARN|FATAL|CRITICAL|SEVERE)\b(?! *=)")
_PHP_TRACE = (b"Stack trace:", b"[stacktrace]")  # PHP's, Laravel's: its "#0 ..." frames follow
# .NET's line between an async trace's parts
_ASYNC_SEAM = b"--- End of stack trace from previous location"
# Elixir's exception under its crash report's line ("[error] GenServer #PID<0.498.0> terminating", then
# "** (RuntimeError) ...", its frames indented, then "Last message: ..."): one failure, one record
ELIXIR_RAISED = "** ("  # (prepared.py names such a record by it)
_ELIXIR_RAISED = ELIXIR_RAISED.encode()
_ELIXIR_REPORT = (b"Last message", b"State: ", b"Client #PID<")
_TRACE_STARTS = (b"Caused by: ", _TRACEBACK, *_PHP_TRACE, _ASYNC_SEAM, b"[signal ", _ELIXIR_RAISED)  # Go's signal after its panic
# a Java cause's message over several lines ("Caused by: hudson.plugins.git.GitException: Command "git reset --hard" returned
# status code 128:", then "stdout: ", "stderr: error: ...", "fatal: ...", a blank line): its lines run to its first frame
_CAUSE = b"Caused by: "
_MESSAGE_LINES = 16  # how far its first frame is looked for
_FRAME = re.compile(rb"[ \t]+(?:at |\.\.\. \d+ more)")
_PHP_FRAME = re.compile(rb"#\d+ ")  # "#0 /app/Container.php(795): ...", "#3 {main}", after a trace start
_ROOT_CAUSE = b"with root cause"  # Spring's ERROR line, then a blank line and the cause's trace
_EXCEPTION_LINE = re.compile(rb"[A-Za-z_$][\w$]*(?:\.[\w$]+)*(?:Exception|Error)\b")
# what a Python traceback's last line may also be, after its frames: a qualified class of any name
# (psycopg2.errors.UniqueViolation: ...); then Postgres's fields of the message (DETAIL:, HINT:),
# and a chained exception: a blank line, one of these sentences, a blank line and the next traceback
_RAISED = re.compile(rb"[A-Za-z_]\w*(?:\.\w+)+(?::[ \t]|\r?\n?$)")
# and a class not qualified, of any name with a small letter in it, which ends only a traceback with frames: Python 2's
# ("NotFound: 404: Not Found", an Odoo 9 request's), a builtin (KeyboardInterrupt); the line was a record of its own
_RAISED_BARE = re.compile(rb"[A-Z]\w*[a-z]\w*(?::[ \t]|\r?\n?$)")
# a Python frame's line with its indentation taken off (Azure App Service's log stream, a runtime that strips each line):
# in an open traceback it goes on, and so does the line after it (its source line, whatever it says), up to the exception
_PY_FRAME = b'File "'
_RAISED_GOES_ON = (b"DETAIL:", b"HINT:", b"CONTEXT:", b"During handling of the above exception", b"The above exception was")
_REQUEST_LINE = re.compile(rb"^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \S+(?: HTTP/\d(?:\.\d)?)?\r?\n?$")
_STAMP = re.compile(STAMP + rb"(?: |(?=\r?\n|$))")  # what a runtime or CI server writes before each line (needles.STAMP)
_STAMP_FIRST = frozenset(b"[0123456789")
_PADDED_LEVEL = re.compile(rb"[ \t]+(?:" + LEVEL_WORDS.encode() + rb")\b")
# a line that only announces an error its next line states (Dart's "Unhandled exception:"); what
# prepared.py names such a record by, its next line with it
ANNOUNCES_ERROR = r"[ \t]*(?:[A-Z][a-z]+ )?(?:[Ee]xception|[Ee]rror):[ \t]*\r?"
_ANNOUNCES_ERROR = re.compile(ANNOUNCES_ERROR.encode() + rb"\n?")
# what GitHub Actions and Azure Pipelines write as a step's or a command's header: a traceback the
# step's program printed after one is an error of its own, as after a line logged at INFO
_CI_MARKS = (b"##[group]", b"##[endgroup]", b"##[command]", b"##[section]", b"[command]")
# Ruby's Logger at FATAL with Rails's request tags: "F, [2021-06-17T22:55:15.481534 #4] FATAL -- : [3d1855e6-...]".
# Rails logs an exception as such lines: Rails 5 each line of it under the head, Rails 6 its first
# line so and the rest after the tags alone ("[3d1855e6-...] NoMethodError (...)"): one record
# Ruby's Logger head ("E, [2017-08-17T18:15:08.067586 #48598] ERROR -- Kitchen: "): an exception's backtrace
# logged a frame a line under the same head (Test Kitchen's) continues the line before it; each frame
# ("/gems/kitchen/config.rb:147:in `data'") was an error of its own, 22 records for one failure
_RUBY_HEAD = re.compile(rb"([DIWEFA]), \[[^\]\n]*#(\d+)\] +[A-Z]+ -- ([^:\n]*): ")
_RUBY_FRAME = re.compile(rb"\S+:\d+:in [`']")
_RUBY_FATAL = re.compile(rb"F, \[[^\]\n]*#(\d+)\] FATAL -- [^:\n]*: (\[[^\]\n]+\](?: \[[^\]\n]+\])*)")
# RabbitMQ's head with its message on the lines below it: its level and the Erlang process, then
# nothing ("2025-08-18 05:07:43.557042+00:00 [erro] <0.130.0>", then "BOOT FAILED", "===========",
# "ERROR: could not bind ..."): those lines up to the next entry are its message
BARE_ERLANG_HEAD = r"\[[a-z]{4,7}\] <\d+\.\d+\.\d+>[ \t]*\r?"  # (prepared.py names such a record by its message)
_BARE_ERLANG_HEAD = re.compile(BARE_ERLANG_HEAD.encode() + rb"\n?$")
# a logged line at an error level whose message after its logger's colon is empty: its message is the lines below, up to
# the next entry, blank lines among them (Spring Boot's "ERROR 51304 --- [main] o.s.b.d.LoggingFailureAnalysisReporter   :",
# a blank line, the "APPLICATION FAILED TO START" banner, "Description:", the cause, "Action:", what to do); after
# two blank lines only "Action:" goes on (its report puts them there; build tool's lines after it are not its)
_EMPTY_MESSAGE = b" :"
_REPORT_GOES_ON = b"Action:"
_LEVEL_FIRST = re.compile(rb"(?:" + LEVEL_WORDS.encode() + rb")\b")


# Maven's level before each line of a failure and the help after it, a line of the level alone between them ("[ERROR] Failed
# to execute goal ... -> [Help 1]", "[ERROR] ", "[ERROR] To see the full stack trace of the errors, re-run Maven with the -e
# switch.", ... "[ERROR] [Help 1] http://cwiki.apache.org/..."): each help line was an error of its own, four for a failure
_LEVEL_BLOCK = re.compile(rb"\[(?:ERROR|WARNING)\] ")
# the help's lines (Maven 2 to 3.9): only they go on after the level alone; any other line of that level is an error of
# its own (a vendor's error logged after a build's failure was taken into it, its vendor and line lost)
_MAVEN_HELP = (
    b"To see the full stack trace", b"Re-run Maven", b"For more information about the errors", b"[Help ",
    b"After correcting the problems", b"mvn ",
)  # fmt: skip
# npm's error block: each line after its prefix, "npm ERR!" (to npm 8) or "npm error" (since 9); one failure, one record
NPM_BLOCK = (b"npm ERR!", b"npm error")


def _unstamped(line: Line) -> Line:
    """A line without the time a runtime or CI server wrote before it (needles.STAMP), if it has
    one: what follows tells whether it continues a record, as it does unstamped. A time followed
    by a padded level is the line's own (Spring Boot 3's "2024-02-08T07:57:46.401Z  WARN 1 ---",
    zap's console), not a stamp before an indented line: each such WARN line continued the one before."""
    m = _STAMP.match(line) if line[:1] and line[0] in _STAMP_FIRST else None
    return line if m is None or _PADDED_LEVEL.match(line, m.end()) else line[m.end() :]


# Heroku's logplex writes each line of a program's output after its time and source ("2020-04-13T15:27:34.040165+00:00
# app[web.1]: "), with the line's leading whitespace taken off: Node's stack frames, the lines of an object it printed
# and npm's ERR! block were each a record of their own (one crash, ten errors)
LOGPLEX_SOURCE = r"[\w-]+\[[\w.-]+\]"  # its source and dyno ("app[web.1]", "heroku[router]"): prepared.py takes it off too
_LOGPLEX = re.compile(
    rb"(\d{4}-\d\d-\d\d)T(\d\d):(\d\d):(\d\d(?:\.\d{1,9})?)(?:Z|[+-]\d\d:?\d\d) (%s):(?: |(?=\r?\n|$))" % LOGPLEX_SOURCE.encode()
)
_LOGPLEX_GAP = 1.0  # seconds: the lines a program wrote at once are stamped within this of each other
# an object printed over lines is one write: its lines are stamped microseconds apart (15 us for a 25-line one); one
# left open (a line that ends in "{" and no object below) went on with every line of its dyno up to MAX_RECORD_LINES
_LOGPLEX_BODY_GAP = 0.01
# a JavaScript stack frame, unindented by logplex: "at Function.Module._load (internal/modules/cjs/loader.js:864:27)",
# "at internal/main/run_main_module.js:18:47 {"
_JS_FRAME = re.compile(rb"at (?:[^\n(]+ \()?[^\s()]+:\d+:\d+\)?(?: \{)?\r?\n?$")
_LOGPLEX_GOES_ON = frozenset(b"'}]")  # a line of an object Node printed: a quoted key, a closer


def _logplex(line: Line) -> tuple[bytes, float, Line] | None:
    """A logplex line's source, its time of day in seconds (with its date, to compare) and its text; None for another line."""
    m = _LOGPLEX.match(line) if line[:1] and line[0] in _STAMP_FIRST else None
    if m is None:
        return None
    seconds = int(m[2]) * 3600 + int(m[3]) * 60 + float(m[4])
    return m[1] + b" " + m[5], seconds, line[m.end() :]


def _logplex_goes_on(text: Line) -> bool:
    """Whether a logplex line's text may go on with a record although logplex took its indentation off."""
    return bool(text) and (text[0] in _LOGPLEX_GOES_ON or _JS_FRAME.match(text) is not None)


@dataclass(frozen=True)
class Record:
    """One log entry that carries error evidence: where it is and its raw bytes."""

    line: int  # first line, 1-based (relative to the start of the range being read)
    end_line: int
    data: bytes
    cut: bool = False  # longer than MAX_RECORD / MAX_RECORD_LINES: the rest was not read
    before: bytes = b""  # the lines above a table row or a lone value: its header or its name is there
    entry: bytes = b""  # the line above a trace that is a record of its own (its entry's line, at a quiet level): its time


@dataclass
class Skipped:
    """A part of the input that was not read, and why (reported with its line)."""

    line: int
    what: str


@dataclass
class _Grouping:
    """Continuation state of a record being assembled, line by line."""

    depth: int = 0  # open JSON brackets
    spread: bool = False  # the open body's first bracket ended its line, as a printed object's does (logplex's)
    body: bool = False  # a JSON or XML body has started
    xml_root: bytes | None = None  # the XML root element still open
    status: bool = False  # an HTTP status line was seen
    request: bool = False  # an HTTP request line was seen
    frames: bool = False  # an indented line was seen (a stack trace's frames)
    traceback: bool = False  # a Python traceback is open: its exception line ends it
    raised: bool = False  # a Python traceback has ended (a chained one may follow, _RAISED_GOES_ON), or a cause is announced
    first: bytes = b""  # the entry's first line: blank or logged at a quiet level, a trace after it is its own
    quiet: bool | None = None  # whether it is so, once a trace part asks
    leveled: bool = False  # whether the first line has a level word (known with ``quiet``)
    thrown: bool = False  # the first line only announces an error ("Unhandled exception:"): what was thrown follows
    announces: bool = False  # the last line ends like "response body:", introducing what follows
    dumped: bool = False  # inside an exchange dumped with "< " and "> " marks (_DUMPED), read without them
    stamped: bool = False  # the entry's first line is stamped (_unstamped): so are the lines that continue it
    gap: bool = False  # the last line was the blank one after a response's headers: its body follows
    tagged: tuple[bytes, bytes, bytes] | None = None  # a Rails FATAL head's prefix, pid and tags (_RUBY_FATAL)
    ruby: tuple[bytes, bytes, bytes] | None = None  # a Ruby Logger head's letter, pid and program (_RUBY_HEAD)
    bare: bool = False  # the first line is a head whose message is on the lines below (_BARE_ERLANG_HEAD)
    quoted: bool = False  # a quoted value the dated first line opened is still open (_QUOTE_OPEN)
    npm: bytes = b""  # the first line's npm prefix (NPM_BLOCK): the lines with it go on with its block
    block: bytes = b""  # the first line's bracketed level (_LEVEL_BLOCK): a line of it alone goes on, and opens ``blocked``
    blocked: bool = False  # such a line was seen: the lines of that level after it go on with the record
    source: bytes = b""  # a logplex first line's date and source (_LOGPLEX): only its lines go on with the entry
    at: float = 0.0  # the time of day of the entry's last logplex line
    blank: bool = False  # the last line was blank (npm's "A complete log of this run" follows one)
    message: bool = False  # a Java cause's message ending ":" is open: its lines run to its first frame (_CAUSE)
    elixir: bool = False  # Elixir's exception was seen (_ELIXIR_RAISED): its crash report's lines follow
    report: bool = False  # the first line is an error's head with an empty message (_EMPTY_MESSAGE): its lines follow
    blanks: int = 0  # blank lines in a row at the end of such a report
    framed: bool = False  # the last line was an unindented frame's of an open traceback (_PY_FRAME): its source may follow
    lines: int = 0
    size: int = 0

    def add(self, line: Line) -> None:
        line = self._read(line)
        self.lines += 1
        self.size += len(line)
        self._opening(line)
        stripped = line.strip()
        self.blank = not stripped
        if self.report:
            self.blanks = 0 if stripped else self.blanks + 1
        if self.message or line.startswith(_CAUSE):  # frames end a cause's message
            self.message = line[0] not in _INDENT and (self.message or stripped.endswith(b":"))
        self._trace(line, stripped)
        self.framed = self.traceback and line.startswith(_PY_FRAME)
        self.announces = stripped.endswith(_ANNOUNCING)
        self._gap(stripped)
        if self.xml_root is not None:
            if line.find(b"</" + self.xml_root + b">") >= 0:
                self.xml_root = None
            return
        if self.depth == 0 and not self.body and (stripped.startswith(b"<") or line.find(b"<?xml") >= 0):
            self._xml(line)
            return
        if stripped and stripped[0] in _EXCHANGE_STARTS:  # most lines (a body's) are neither, and say so by their first byte
            if _STATUS_LINE.match(stripped):
                self.status = True
                self.body = False  # a dumped exchange: the request's body is behind, the response's ahead
            elif _REQUEST_LINE.match(stripped):
                self.request = True
        start = 0
        if self.depth == 0:
            start = _body_in(line)
            if start < 0:
                return
            self.body = True
            self.spread = stripped.endswith((b"{", b"["))
        self.depth = _depth_after(line[start:] if start else line, self.depth)

    def _opening(self, line: Line) -> None:
        """Take the entry's first line, or follow a quoted value it opened to the line that closes it."""
        if self.lines == 1:
            self._first(line)
        elif self.quoted:
            self.quoted = line.find(b'"') < 0

    def _first(self, line: Line) -> None:
        """Take what the entry's first line tells of the lines after it."""
        self.first = bytes(line[:HEAD])
        self.thrown = _ANNOUNCES_ERROR.fullmatch(line) is not None
        if (m := _RUBY_FATAL.search(line, 0, HEAD)) is not None:
            self.tagged = (bytes(line[: m.start()]), m[1], m[2])
        if (m := _RUBY_HEAD.match(line)) is not None:
            self.ruby = (m[1], m[2], m[3])
        self.bare = line.rstrip().endswith(b">") and _BARE_ERLANG_HEAD.search(line) is not None
        self.quoted = _QUOTE_OPEN.search(line) is not None and _ENTRY_START.match(line) is not None
        self.npm = next((prefix for prefix in NPM_BLOCK if line.startswith(prefix)), b"")
        self.block = m[0].rstrip() if (m := _LEVEL_BLOCK.match(line)) is not None else b""

    @staticmethod
    def _erring(line: Line) -> bool:
        """Whether a line says a level that is no quiet one."""
        said = level(bytes(line[:HEAD]).decode(errors="replace"))
        return said is not None and said not in QUIET_LEVELS

    def _gap(self, stripped: Line) -> None:
        """Follow the blank line after a response's headers, or a line that ends "response body:":
        a text body after it ("Country PT was not found") ends the exchange; a JSON or XML one is
        followed as any body."""
        if self.gap and stripped and stripped[0] not in b"{[<":
            self.body = True
        self.gap = not self.body and ((self.status and not stripped) or (self.announces and stripped.endswith(_SAYS_BODY)))

    def _xml(self, line: Line) -> None:
        for m in _XML_ROOT.finditer(line[line.find(b"<") :]):  # "<?xml ...?>" alone starts no body yet
            name = m.group(1)
            self.body = True
            if not m.group(2) and b"</" + name + b">" not in line:
                self.xml_root = name
            return

    def _trace(self, line: Line, stripped: Line) -> None:
        """Follow a stack trace: its frames, a Python traceback opened and ended (``line`` is not
        empty; ``stripped`` is it stripped)."""
        if line[0] in _INDENT or line.startswith(_PHP_TRACE) or (self.traceback and line.startswith(_PY_FRAME)):
            self.frames = True
        elif line.startswith(_TRACEBACK) or (self.lines == 1 and stripped.endswith(_TRACEBACK_OPENED)):
            self.traceback, self.raised = True, False  # (also opened at the end of the entry's first line: vdsm's)
        elif line.startswith(_ELIXIR_RAISED):
            self.elixir = True
        elif stripped.endswith(_ROOT_CAUSE):
            self.raised = True
        elif self.traceback and self.frames and (_EXCEPTION_LINE.match(line) or _ends_traceback(line)):
            self.traceback, self.raised = False, True
        elif self.announces and self.frames and _EXCEPTION_LINE.match(line):  # javax.mail's "nested exception is:"
            self.raised = True  # its frames follow after a blank line

    def _trace_goes_on(self, line: Line) -> bool:
        """Whether an unindented line is part of the stack trace of this entry (see _EXCEPTION_LINE)."""
        m = _EXCEPTION_LINE.match(line)
        ends_traceback = self.traceback and self.frames and (m is not None or _ends_traceback(line))
        goes_on = ends_traceback or line.startswith(_TRACE_STARTS) or (self.raised and line.startswith(_RAISED_GOES_ON))
        if m is None and not goes_on:
            return False
        if self.quiet is None:
            first = self.first
            said = level(first.decode(errors="replace"))
            self.quiet = not first.strip() or first.startswith(_CI_MARKS) or said in QUIET_LEVELS
            self.leveled = said is not None
        if self.quiet:
            return False
        if goes_on:
            return True
        # Java's exception after its entry's logged line (with a level: "peer ... handshake ok" is
        # no such line, and the exception after it was filed under it), or announced by the line before
        # Ruby's (semantic_logger's) unqualified "RuntimeError: message" with its indented frames below
        return m is not None and (
            self.announces or (not self.frames and self.leveled and (b"." in m[0] or line.startswith(b": ", m.end())))
        )

    def _unindented_frame_goes_on(self, line: Line) -> bool:
        """Whether a line goes on with an open traceback whose indentation was taken off: a frame's line, or the
        source line after one (not a line that starts a log entry of its own)."""
        return line.startswith(_PY_FRAME) or (
            self.framed
            and _ENTRY_START.match(line) is None
            and _DATED.search(line, 0, HEAD) is None
            and _LEVEL_FIRST.match(line) is None
        )

    def _tagged_goes_on(self, line: Line) -> bool:
        """Whether a line goes on with a Rails FATAL block (``tagged``): the same head, pid and
        tags, or the tags alone, after the same prefix (a Heroku dyno's "app[web.1]: "); with
        a RabbitMQ head's message (``bare``), up to the next entry; or with a Ruby Logger line's
        backtrace, a frame under the same head (``ruby``)."""
        if self.bare:
            return _ENTRY_START.match(line) is None
        if (
            self.ruby is not None
            and (m := _RUBY_HEAD.match(line))
            and (m[1], m[2], m[3]) == self.ruby
            and _RUBY_FRAME.match(line, m.end())
        ):
            return True  # a backtrace's frame under the same head
        if self.tagged is None:
            return False
        prefix, pid, tags = self.tagged
        if not line.startswith(prefix):
            return False
        if line.startswith(tags, len(prefix)):
            return True
        m = _RUBY_FATAL.match(line, len(prefix))
        return m is not None and m[1] == pid and m[2] == tags

    def _read(self, line: Line) -> Line:
        """A line of this entry as its rules read it (the first one tells whether lines are stamped, or logplex's)."""
        if self.lines == 0:
            self.stamped = _unstamped(line) is not line
            self.report = line.rstrip().endswith(_EMPTY_MESSAGE) and _ENTRY_START.match(line) is not None and self._erring(line)
            if self.stamped and (sourced := _logplex(line)) is not None:
                self.source, self.at, _ = sourced
        if self.source:
            text = self._sourced(line)
            return b"\n" if text is None else self._unmarked(text)
        return self._unmarked(self._own(line))

    def _sourced(self, line: Line) -> Line | None:
        """The text of a logplex line from this entry's source, stamped within _LOGPLEX_GAP of its last line (the time
        moves on to it); None for another source's line, or one written apart."""
        sourced = _logplex(line)
        if sourced is None or sourced[0] != self.source or abs(sourced[1] - self.at) > _LOGPLEX_GAP:
            return None
        self.at = sourced[1]
        return sourced[2]

    def _own(self, line: Line) -> Line:
        """A line as this entry's rules read it: without its stamp when the entry's first line has one."""
        return _unstamped(line) if self.stamped else line

    def _unmarked(self, line: Line) -> Line:
        """A line of a dump with side marks without its mark (the rules read what it dumped); an
        entry that starts with a marked request or status line is such a dump (curl -v's)."""
        if self._dump_goes_on(line) if self.lines else _MARKED_EXCHANGE.match(line) is not None:
            self.dumped = True
            return (line[2:] if line[1:2] == b" " else line[1:]) or b"\n"
        return line

    def _dump_goes_on(self, line: Line) -> bool:
        """Whether ``line`` is the next line of a dump with side marks, or its first after a line
        that announces it ("vendor call failed:")."""
        return bool(line) and line[0] in _DUMP_MARKS and (self.dumped or self.announces) and _DUMPED.match(line) is not None

    def _block_goes_on(self, line: Line) -> bool:
        """Whether a line of the first line's bracketed level goes on with it: the level alone (Maven's "[ERROR] " between
        a failure and its help), and after one each line of Maven's help or of the problems it lists indented under it
        ("[ERROR]   The project ... has 1 error")."""
        rest = line[len(self.block) :]
        said = rest.strip()
        if not said:
            self.blocked = True
            return True
        return self.blocked and (said.startswith(_MAVEN_HELP) or rest.startswith(b"   "))

    def _npm_gap(self) -> bool:
        """Whether a blank line may go on with npm's block: one, before its "A complete log of this run" lines."""
        return bool(self.npm) and not self.blank

    def _report_goes_on(self, line: Line) -> bool:
        """Whether a line goes on with the message below an empty one (``report``): up to the next entry (a date, or
        a level after a stamp), and after two blank lines only its "Action:"."""
        text = self._own(line)
        if not text.strip():
            return True
        if _ENTRY_START.match(text) is not None or (text is not line and _LEVEL_FIRST.match(text) is not None):
            return False
        return self.blanks < 2 or text.startswith(_REPORT_GOES_ON)

    def _json_body(self, line: Line) -> bool:
        """Whether a line opening JSON is this record's body: not a whole line, or one after a line that introduces
        a body (a status line, "failed:", a logfmt line ending "traceID=") unless it says its own time and level."""
        if not line.rstrip().endswith((b"}", b"]")):
            return True
        return bool(self.announces or self.status or self.request) and not _logged_json(line)

    def continued_by(self, line: Line) -> bool:
        """Whether ``line`` belongs to this record rather than starting the next one."""
        if self.lines >= MAX_RECORD_LINES or self.size >= MAX_RECORD:
            return False
        if self.report:
            return self._report_goes_on(line)
        if self.source:  # logplex's: a line of the same source written with the last goes on as its text would
            return self._logplex_continued_by(line)
        if self.depth > 0 or self.xml_root is not None or self.quoted:  # a body cut short ends where the next entry starts
            json = self.depth > 0 and self.xml_root is None
            return not _new_entry(line, json) and not (self.quoted and _ENTRY_START.match(line))
        return self._goes_on(self._own(line))

    def _logplex_continued_by(self, line: Line) -> bool:
        """Whether a line goes on with this logplex entry: of its source and written with it, inside a body it opened
        (logplex took the indentation that said so), an unindented frame or an object's line, or as its text would."""
        at = self.at
        text = self._sourced(line)
        if text is None:
            return False
        goes_on = (
            # a brace inside a message ("Unexpected token { in JSON") opens none here; an object's lines come at once
            (self.depth > 0 and self.spread and abs(self.at - at) <= _LOGPLEX_BODY_GAP)
            or self.xml_root is not None
            or self.quoted
            or (text.strip() and _logplex_goes_on(text))
            or self._goes_on(text)
        )
        if not goes_on:
            self.at = at  # not taken: the next entry's first line
        return bool(goes_on)

    def _goes_on(self, line: Line) -> bool:
        """Whether ``line`` (as this entry's rules read it) goes on with it, no body being open."""
        if not line.strip():  # the blank line between headers and body; in a dumped exchange, also
            # before its response; and the one before a chained exception's sentence and traceback
            return (self.status and not self.body) or (self.request and not self.status) or self.raised or self._npm_gap()
        if self.gap:  # the body after a response's headers, unless the next log entry starts there (a date, a level)
            return not _new_entry(line) and (line[0] in b"{[<" or level(bytes(line[:HEAD]).decode("utf-8", "replace")) is None)
        if self.request and not self.status and _STATUS_LINE.match(line):  # the response after a request's body
            return True
        # braces in a frame or message open no body
        if (
            line[0] in _INDENTED_OR_CLOSING
            or ((self.frames or self.thrown) and _PHP_FRAME.match(line))
            or (self.traceback and self._unindented_frame_goes_on(line))
            or (self.thrown and self.lines == 1 and line.strip())
            or self._trace_goes_on(line)
            or self._dump_goes_on(line)
            or self._tagged_goes_on(line)
            or (self.npm and line.startswith(self.npm))
            or (self.block and line.startswith(self.block) and self._block_goes_on(line))
            or (self.elixir and line.startswith(_ELIXIR_REPORT))
        ):
            return True
        if self.body:
            return False
        first = line[:1]
        if first == b"{" or (first == b"[" and _ARRAY_START.match(line)):  # a body after its log line,
            # unless it is a JSON-lines record of its own
            return self._json_body(line)
        if first == b"<":  # unless a syslog line led by its priority ("<30>1 2021-07-03T23:01:56...")
            return (self.announces or self.status or self.request or line.startswith(b"<?xml")) and not _ENTRY_START.match(line)
        if _REQUEST_LINE.match(line):  # "failed:" then the request, its status, headers and body
            return self.announces or self.status or self.request
        if _STATUS_LINE.match(line):
            return True
        return (self.status or self.request) and bool(_HEADER.match(line))


# a JSON-lines logger's own keys: a time ("t" Grafana's, "@t" Serilog's CLEF) and a level ("@l" CLEF's); a
# vendor's error body has neither pair (MYOB's "Severity" comes with no time, Spring's "timestamp" with no level)
_JSON_TIME = re.compile(rb'"(?:t|ts|time|timestamp|@t|@timestamp|datetime)"\s*:')
_JSON_LEVEL = re.compile(rb'"(?:level|lvl|severity|levelname|@l|log\.level)"\s*:\s*"', re.IGNORECASE)


def _logged_json(line: Line) -> bool:
    """Whether a whole JSON line is a log record of its own: it names its time and its level."""
    return _JSON_TIME.search(line) is not None and _JSON_LEVEL.search(line) is not None


def _new_entry(line: Line, json: bool = False) -> bool:
    """Whether a line inside an open body starts the next log entry: it starts with a date, and
    what follows its timestamp does not go on with the body (a body logged a line at a time
    with each line stamped, as ``docker logs -t`` writes it, is still one record). No line of a
    ``json`` body starts with a letter or a digit otherwise: such a line ends a brace that opened
    none (a line of code a compiler's output quotes)."""
    m = _ENTRY_START.match(line)
    if m is None:
        return json and line[0] in _WORD_FIRST
    rest = line[m.end() :].split(b" ", 1)  # the rest of the timestamp, then what was logged
    return len(rest) < 2 or not rest[1] or rest[1][0] not in _BODY_GOES_ON


# a block of code a build log echoes ends its line: "public Set<Severity> getSeverities() {" under javadoc's warning,
# "render(Writer w) throws IOException {" under javac's; a body opened there swallowed the next warnings
_BRACE_ENDS_LINE = re.compile(rb"\{\s*$")
_THROWS = re.compile(rb"\bthrows [\w.$]+(?:, ?[\w.$]+)* $")


def _opens_code_block(line: Line, brace: int) -> bool:
    """Whether the line's first brace, after a space, opens a block of code: it ends the line after ")" or a throws clause."""
    if line[brace - 1] != 0x20 or _BRACE_ENDS_LINE.match(line, brace) is None:
        return False
    if line[brace - 2] == 0x29:  # not a JavaScript frame's: Node prints an error's own fields after it ("at f (a.js:1:2) {")
        return _JS_FRAME.match(line.lstrip()) is None
    return _THROWS.search(line, 0, brace) is not None


def _body_start(line: Line) -> int:
    """Where a JSON body starts in a line, or -1: a brace, or a bracket opening an array of
    objects or strings or ending the line (tested in C before any regex runs); "[Sun Dec 19 ...]"
    and "[error]" open none, nor a block of code ending the line."""
    brace = line.find(b"{")
    if brace > 1 and _opens_code_block(line, brace):
        brace = -1
    end = len(line) if brace < 0 else brace
    at = line.find(b"[", 0, end)
    while at >= 0:  # most brackets open no array: "sshd[42]:", "[RecvWorker:3]"
        if (at + 1 == len(line) or line[at + 1] in _ARRAY_NEXT) and _ARRAY_START.match(line, at):
            return at
        at = line.find(b"[", at + 1, end)
    return brace


def _body_in(line: Line) -> int:
    """Where a JSON body starts in a line (_body_start), or -1: none, or one inside a quoted field
    (logrus's body="{\\"Errors\\": ...}"), which ends with it."""
    start = _body_start(line)
    if start < 0 or (line.count(b'"', 0, start) - line.count(b'\\"', 0, start)) % 2:
        return -1
    return start


def _depth_after(rest: Line, depth: int) -> int:
    """The JSON brackets left open after ``rest``, from ``depth`` open before it."""
    brackets = rest.translate(None, _NOT_BRACKETS)
    if brackets and rest.find(b'"') >= 0:  # only then can a string hide some of them
        brackets = _unquoted(rest).translate(None, _NOT_BRACKETS)
    for c in brackets:  # the brackets outside strings, in order
        depth = depth + 1 if c in (0x7B, 0x5B) else max(0, depth - 1)
    return depth


def _unquoted(rest: Line) -> bytes:
    """``rest`` without its JSON strings (what ``_QUOTED.sub(b"", rest)`` gives), in linear time. The regex engine
    tries each quote of a line as a start: one with no closing quote after it (a JSON body escaped in a log
    line, '{\\"errors\\":[{\\"errors\\":[...' cut off) was read to the line's end from each of its quotes, a 45 KB
    line took scan 5 s of CPU. From a start that fails, every later quote of the line fails too (the escapes
    after it fall as they did), so the rest of the line is kept as is."""
    kept: list[Line] = []
    pos = 0
    while (start := rest.find(b'"', pos)) >= 0:
        quoted = _QUOTED.match(rest, start)
        end = quoted.end() if quoted else rest.find(b"\n", start)  # none closes on this line: the next may hold some
        if end < 0:
            break
        kept.append(rest[pos : start if quoted else end])
        pos = end
    kept.append(rest[pos:])
    return b"".join(kept)


def _closes_itself(line: Line) -> bool:
    """Whether a line that starts its entry and is marked only as one that may open a body leaves
    nothing open for the next line (grouping would give it alone, as a line with no mark): its
    JSON ends on it, at its end, and it opens no XML or quoted value. A log of one-line vendor errors
    ("... -> 400 {"Errors": [...]}") was grouped a line at a time, 70 % of its scan."""
    end = line.rstrip()
    if not end or end[-1] not in (0x7D, 0x5D) or line.find(b"<?xml") >= 0 or _QUOTE_OPEN.search(line):
        return False
    start = _body_in(line)
    return start < 0 or _depth_after(line[start:], 0) == 0


def _ends_traceback(line: Line) -> bool:
    """Whether an unindented line after a Python traceback's frames is its exception's."""
    return _RAISED.match(line) is not None or _RAISED_BARE.match(line) is not None


def _continuation_like(line: Line) -> bool:
    """Whether a line could continue an earlier record (so the head is further back)."""
    unstamped = _unstamped(line)
    if unstamped is not line and (sourced := _logplex(line)) is not None:
        text = sourced[2]
        return not text.strip() or _logplex_goes_on(text) or _continuation_like(text)
    line = unstamped
    if not line:
        return True
    first = line[0]
    if first in _CONTINUATION_FIRST or (first in _SPACE and not line.strip()):
        return True
    if first == 0x7B or (first == 0x5B and _ARRAY_START.match(line)):  # { or an array's [
        return not line.rstrip().endswith((b"}", b"]"))  # a whole JSON line is a record of its own
    if first in _EXCHANGE_STARTS and (_STATUS_LINE.match(line) or _REQUEST_LINE.match(line)):
        return True
    if line.startswith(_TRACE_STARTS) or line.startswith(_RAISED_GOES_ON) or _EXCEPTION_LINE.match(line) or _RAISED.match(line):
        return True
    if line.startswith(NPM_BLOCK) or line.startswith(_PY_FRAME):
        return True
    colon = line.find(b":")  # a header's name runs up to the line's first colon
    return 0 < colon < len(line) - 1 and line[colon + 1] in (0x20, 0x09) and _HEADER.match(line) is not None


@dataclass
class _Window:
    """The part of the stream held in memory, and how far it has been counted, searched and used.

    One bytearray grown in place and trimmed from the front: a fresh bytes object per chunk costs
    more in page faults than reading the chunk (0.5 against 0.19 CPU-s per GB here). The last
    chunk, when the window is empty, is used as it is, so a worker's range, read whole,
    is never copied."""

    marks: dict[str, int]  # mark name -> stream offset, until its line is numbered
    numbered: dict[str, int] = field(default_factory=dict)  # mark name -> its line
    buf: Buffer = field(default_factory=bytearray)
    off: int = 0  # stream offset of buf[0]
    line_at: int = 1  # buf[counted] is on line `line_at`
    counted: int = 0
    searched: int = 0  # needles were searched in buf[:searched]
    consumed: int = 0  # buf[:consumed] is inside records already handled
    skipping: bool = False  # inside an over-long line

    def line_of(self, pos: int) -> int:
        """The line of buf[pos], counting on from the last position asked for (positions only
        grow), so that every newline is counted once: counting is a third of a worker's time.
        Marks passed on the way are numbered."""
        if pos > self.counted:
            for name, at in sorted(self.marks.items(), key=lambda kv: kv[1]):
                if self.counted <= at - self.off <= pos:
                    self.line_at += newlines(self.buf, self.counted, at - self.off)
                    self.counted = at - self.off
                    self.numbered[name] = self.line_at
                    del self.marks[name]
            self.line_at += newlines(self.buf, self.counted, pos)
            self.counted = pos
        return self.line_at

    def line_seen_from(self, pos: int) -> int:
        """The line of buf[pos], before or after where the count stands, without moving the count (line_of moves it on,
        and records before ``pos`` may not have been numbered yet)."""
        if pos >= self.counted:
            return self.line_at + newlines(self.buf, self.counted, pos)
        return self.line_at - newlines(self.buf, pos, self.counted)

    def add(self, chunk: Buffer, eof: bool) -> None:
        """Append a chunk (the rest of an over-long line being skipped left out)."""
        if self.skipping:
            nl = chunk.find(b"\n")
            if nl < 0:
                self.off += len(chunk)
                return
            chunk = chunk[nl + 1 :]
            self.off += nl + 1
            self.line_at += 1
            self.skipping = False
        if not self.buf and eof:
            self.buf = chunk
            return
        if not isinstance(self.buf, bytearray):
            self.buf = bytearray(self.buf)
        self.buf += chunk

    def drop_long_line(self) -> int:
        """Start skipping the one line the window holds, too long to read; its line number."""
        line = self.line_of(0)
        self.line_of(len(self.buf))  # numbers a mark inside it
        self.off += len(self.buf)
        self.buf, self.counted, self.searched, self.consumed, self.skipping = bytearray(), 0, 0, 0, True
        return line

    def trim(self, keep: int) -> None:
        """Forget buf[:keep]."""
        self.line_of(keep)
        assert isinstance(self.buf, bytearray)  # only the last chunk is taken as it is
        del self.buf[:keep]
        self.off += keep
        self.counted -= keep
        self.searched = max(0, self.searched - keep)
        self.consumed = max(0, self.consumed - keep)


_LONG_LINE = f"line longer than {MAX_LINE:,} bytes skipped"
_CUT = f"record longer than {MAX_RECORD:,} bytes or {MAX_RECORD_LINES:,} lines cut"


@dataclass
class Finder:
    """Finds records in a stream of chunks.

    A worker reading one range of a big file reads from a little before its range (context for
    the look-back) and reports only the records whose head starts in [own_start, own_end), byte
    offsets into what it reads; a record that starts in the range is read to its end even past
    it. So neighbouring workers neither lose nor double-count a record. Line numbers count from
    1 at the first byte read; ``line_at_start`` and ``line_at_end`` are the line numbers at
    own_start and own_end (the end of input when own_end is None), to place them in the file.
    """

    own_start: int = 0
    own_end: int | None = None
    triage: Triage | None = None  # counts records as found, keeping those to explain (see ``to_explain``)
    marks: Marker = field(default_factory=marker)  # where the needles and marks are (needles.py)
    # a W3C log's headers and statuses; None: told by the input's first line (a reader that starts
    # inside a file is told by w3c.columns_at)
    columns: Columns | None = None
    skipped: list[Skipped] = field(default_factory=list)
    line_at_start: int = 1
    line_at_end: int = 1
    stopped_at: int = 1  # the line reading stopped in: the last, if cut, else the one after it
    _long_reported: set[int] = field(default_factory=set)  # where the long lines reported start in the stream
    # where a line's source (a runtime's prefix, prefixes.py) is another than the line above's: no record runs across
    _seams: set[int] = field(default_factory=set)
    _window: _Window | None = None  # the window being read, for lines_read

    def lines_read(self) -> int:
        """The whole lines read so far: a read cut short by Ctrl-C (stream.read_whole) says how far it got."""
        w = self._window
        return 0 if w is None else w.line_of(len(w.buf)) - 1

    def records(self, chunks: Iterable[Buffer]) -> Iterator[Record]:
        """The records of a stream of chunks, in order."""
        for found in self._batches(chunks):
            yield from found

    def to_explain(self, chunks: Iterable[Buffer]) -> Iterator[Prepared]:
        """With a triage: the records of a stream of chunks that it keeps to explain, in order (it
        counts the others as they are found)."""
        assert self.triage is not None
        pending = self.triage.pending
        for _ in self._batches(chunks):
            yield from pending
            pending.clear()

    def _batches(self, chunks: Iterable[Buffer]) -> Iterator[list[Record]]:
        owned: list[int | None] = [self.own_start, self.own_end]  # moved if a runtime's prefixes go (prefixes.py)
        it = with_entry_seams(without_prefixes(chunks, owned, self._seams), self._seams)
        upcoming = next(it, None)
        if self.columns is None:
            self.columns = columns_of(upcoming)
        self.own_start, self.own_end = owned[0] or 0, owned[1]
        marks = {name: at for name, at in (("start", self.own_start), ("end", self.own_end)) if at is not None}
        w = self._window = _Window(marks)
        eof = done = False
        while not (eof or done):
            chunk, upcoming = upcoming, (None if upcoming is None else next(it, None))
            eof = upcoming is None  # known with the last chunk: it is grouped to the end at once
            if chunk:
                w.add(chunk, eof)
            limit = len(w.buf) if eof else w.buf.rfind(b"\n") + 1
            if limit == 0:
                if len(w.buf) > MAX_LINE:  # one line, still growing: skip it whole
                    self.skipped.append(Skipped(w.drop_long_line(), _LONG_LINE))
                continue
            # the line after the last whole one is too long already: the records before it end there, and it is
            # skipped whole (it was held, however long, while a record before it waited for its end)
            long = not eof and len(w.buf) - limit > MAX_LINE
            found: list[Record] = []
            done, resume = self._find(w, limit, eof or long, found)
            if self._seams:  # those behind the window are done with
                self._seams.difference_update([at for at in self._seams if at < w.off])
            yield found
            if long and not done:
                w.trim(limit)
                self.skipped.append(Skipped(w.drop_long_line(), _LONG_LINE))
            elif not (done or eof):
                w.trim(resume if resume is not None else _line_start(w.buf, max(w.consumed, limit - LOOKBACK), limit))
        self._number_ends(w)

    def own_skipped(self) -> list[Skipped]:
        """The places skipped in the lines this range owns (the ones read before or after it
        belong to its neighbours)."""
        start, end = self.line_at_start, max(self.line_at_end, self.line_at_start + 1)
        return [s for s in self.skipped if start <= s.line < end]

    def _find(self, w: _Window, limit: int, eof: bool, found: list[Record]) -> tuple[bool, int | None]:
        """Records of the window up to ``limit`` into ``found``; whether this range is done, and
        where to resume when a record runs past what has been read."""
        search_end = None if self.own_end is None else self.own_end + MAX_RECORD + LOOKBACK
        stop = limit if search_end is None else min(limit, max(0, search_end - w.off))
        done = search_end is not None and w.off + limit >= search_end
        buf = w.buf
        mark_to = stop
        if done and self.own_end is not None and 0 <= self.own_end - w.off < stop:
            # marked to the line after the range first, then on in steps until a needle line past
            # the range is met: a record that starts in the range may find its first needle later
            mark_to = buf.find(b"\n", self.own_end - w.off, stop) + 1 or stop
        while True:
            # from the line before the first one not searched yet: its marks tell about that one
            begin = buf.rfind(b"\n", 0, w.searched - 1) + 1 if w.searched > 1 else 0
            marks = self.marks(buf, begin, mark_to, eof and mark_to == limit)
            if self.columns is not None and self.columns.w3c:
                marks = self.columns.mark(buf, begin, mark_to, eof and mark_to == limit, w.off, marks)
            tail = limit if eof and mark_to == limit else marks.end  # the last line, without its newline, is not marked
            if tail > w.searched:
                self._skip_long_lines(w, w.searched, marks, tail)
            w.searched = max(w.searched, marks.end)
            if (stopped := self._take_marked(w, marks, limit, eof, found)) is not None:
                return stopped
            if mark_to >= stop:
                return done, None
            mark_to = min(stop, mark_to + LOOKBACK)

    def _skip_long_lines(self, w: _Window, begin: int, marks: Marks, end: int) -> None:
        """Report the lines longer than MAX_LINE that end in buf[begin:end] and hold no needle (one that holds
        one is reported as its record is looked for: _record_at): every line so long is skipped and said to be, in
        whichever window or range it falls whole. Such a line holds a stretch of MAX_LINE // 2 bytes with no newline
        starting at ``begin`` plus a multiple of that: a find at each is all it takes."""
        buf, step = w.buf, MAX_LINE // 2
        at = begin
        while at < end:
            if buf.find(b"\n", at, min(at + step, end)) >= 0:
                at += step
                continue
            ls = buf.rfind(b"\n", 0, at) + 1
            le = buf.find(b"\n", at, end) + 1 or end
            if le - ls > MAX_LINE and le not in marks.lines and (place := w.off + ls) not in self._long_reported:
                self._long_reported.add(place)
                self.skipped.append(Skipped(w.line_seen_from(ls), _LONG_LINE))
            at = max(le, at + step)

    def _take_marked(
        self, w: _Window, marks: Marks, limit: int, eof: bool, found: list[Record]
    ) -> tuple[bool, int | None] | None:
        """Take the records of the needle lines marked; what _find returns when the range is done
        or must read on, else None. A line with no mark near it is a record of its own (see Marks):
        runs of them go to the triage together, to be counted by their shapes; the others are grouped."""
        ends = marks.lines[bisect_right(marks.lines, w.consumed) :]
        rfind = w.buf.rfind
        starts = [rfind(b"\n", 0, le - 1) + 1 for le in ends]
        marked: Sequence[int]
        if self.triage is None:  # without one, all grouped
            marked = range(len(ends))
        else:
            marked = _marked(w.buf, starts, ends, marks)
        run = 0  # the first line of the run of unmarked lines not taken yet
        for k in (*marked, len(ends)):
            if k > run and (stopped := self._take_run(w, starts[run:k], ends[run:k], marks, found)) is not None:
                return stopped
            run = k + 1
            if (
                k < len(ends)
                and ends[k] > w.consumed
                and (stopped := self._grouped(w, ends[k], limit, eof, marks, found)) is not None
            ):
                return stopped
        return None

    def _take_run(
        self, w: _Window, starts: list[int], ends: list[int], marks: Marks, found: list[Record]
    ) -> tuple[bool, int | None] | None:
        """Take a run of needle lines that are records of their own (of this range's: before it
        they are its neighbour's, from its end on the range is done)."""
        first = bisect_right(ends, w.consumed)
        own = bisect_left(starts, self.own_start - w.off, first)
        past = len(ends) if self.own_end is None else bisect_left(starts, self.own_end - w.off, own)
        if first < own:
            w.consumed = ends[own - 1]

        def take(ls: int, le: int) -> None:
            w.consumed = le
            self._take(w, ls, le, False, marks, found, one_line=True)

        if own < past:
            assert self.triage is not None  # without one, every line is grouped
            self.triage.count_lines(w.buf, starts[own:past], ends[own:past], marks.erring, take, marks.statuses)
            w.consumed = ends[past - 1]
        return (True, None) if past < len(ends) else None

    def _grouped(
        self, w: _Window, le: int, limit: int, eof: bool, marks: Marks, found: list[Record]
    ) -> tuple[bool, int | None] | None:
        """Take the record holding the needle line that ends at ``le`` by grouping; what _find
        returns when the range is done or must read on, else None."""
        span = self._record_at(w, le - 1, limit, eof)
        if isinstance(span, int):  # the record runs past what has been read: read more from its head
            w.searched = min(w.searched, span)
            return False, span
        if span is None:  # an over-long line, or a record another range owns
            return None
        start, end, cut = span
        if self.own_end is not None and w.off + start >= self.own_end:
            return True, None
        self._take(w, start, end, cut, marks, found)
        return None

    def _take(
        self, w: _Window, start: int, end: int, cut: bool, marks: Marks, found: list[Record], one_line: bool = False
    ) -> None:
        """Hand a record to the triage (a one-line record to be counted by its shape, unless its
        digits may say what it is), or keep it in ``found``."""
        triage = self.triage
        if triage is None:
            found.append(self._record(w, start, end, cut))
            return
        # a W3C log's line: the status in its column (w3c.py), passed apart (a Record's field cost every record)
        status = marks.statuses.get(end) if marks.statuses else None
        if cut or (not one_line and w.buf.find(b"\n", start, end - 1) >= 0):
            one = status is not None and not cut and w.buf.find(b"\n", start, end - 1) < 0
            triage.record(self._record(w, start, end, cut), None, status if one else None)
            return
        if not one_line and w.buf[end - 1] == 0x0A:  # grouped, on one line (a JSON line, say): by its shape alone if it can be
            triage.count_lines(
                w.buf, [start], [end], marks.erring, lambda ls, le: self._take(w, ls, le, cut, marks, found, True), marks.statuses
            )
            return
        rec = self._record(w, start, end, cut)
        triage.record(rec, triage.shape_of(rec.data, end in marks.erring, status), status)  # None: its digits may say what it is

    def _record_at(self, w: _Window, p: int, limit: int, eof: bool) -> tuple[int, int, bool] | int | None:
        """The record holding the needle at ``p``: (start, end, cut); None when there is none to
        report; where to resume (its head) when it may run past ``limit``."""
        buf = w.buf
        ls = buf.rfind(b"\n", 0, p) + 1
        le = buf.find(b"\n", p, limit)
        le = limit if le < 0 else le + 1
        if le - ls > MAX_LINE:
            self.skipped.append(Skipped(w.line_of(ls), _LONG_LINE))
            w.consumed = le
            return None
        head = _head(buf, ls, max(w.consumed, ls - LOOKBACK), self._seams, w.off)
        found = _group(buf, head, ls, limit, eof, self._seams, w.off)
        if found is None:
            return head
        w.consumed = found[1]
        return found if w.off + found[0] >= self.own_start else None

    def _record(self, w: _Window, start: int, end: int, cut: bool) -> Record:
        first = w.line_of(start)
        last = first + newlines(w.buf, start, end - 1)
        if cut:
            self.skipped.append(Skipped(first, _CUT))
        return Record(first, last, _data(w.buf, start, end), cut, _lines_above(w.buf, start), _entry_above(w.buf, start))

    def _number_ends(self, w: _Window) -> None:
        if self.own_end is None:
            end_line = self.stopped_at = w.line_of(len(w.buf))
            w.numbered["end"] = end_line + (1 if w.skipping or (w.buf and w.buf[-1:] != b"\n") else 0)
        else:
            w.line_of(min(len(w.buf), self.own_end - w.off))  # numbers the marks, not the bytes read past them
        self.line_at_start = w.numbered.get("start", 1)
        self.line_at_end = w.numbered.get("end", w.line_at)


def _marked(buf: Buffer, starts: list[int], ends: list[int], marks: Marks) -> list[int]:
    """Which of the needle lines (by index) must be grouped: marked themselves or the line before
    or after them (see Marks), too long, or past the last whole line. A line marked only as one that
    may open a body, which it closes on itself (_closes_itself), counts as unmarked."""
    # the marked among them found in C, then their indexes by bisection (an index of every line cost more)
    structural, continuing = marks.structural, marks.continuing
    opening = structural.intersection(ends)  # the needle lines that may open a body
    after = structural.intersection(starts)  # the needle lines after one that may
    following = continuing.intersection(ends)  # the needle lines the next line may continue
    if opening or after:
        closed = _closed_lines(buf, opening.union(after), starts, ends, marks)
        opening.difference_update(closed)
        after.difference_update(closed)
    if following:  # not by a JSON log line closed on itself (a line it could continue is grouped as opening one)
        following.difference_update([e for e in following if _json_record_at(buf, e)])
    found = {*map(bisect_left, repeat(ends), opening | following), *map(bisect_left, repeat(starts), after)}
    found.update(range(bisect_left(ends, marks.end), len(ends)))  # the line after them is not marked yet
    if ends and max(map(operator.sub, ends, starts)) > MAX_LINE:
        found.update(k for k, (ls, le) in enumerate(zip(starts, ends, strict=True)) if le - ls > MAX_LINE)
    return sorted(found)


def _json_record_at(buf: Buffer, start: int) -> bool:
    """Whether the line at ``start`` is a JSON log line (a time and a level key: _logged_json) that closes what it
    opens: one that continues no record whose line before leaves nothing open (_Grouping._json_body)."""
    end = buf.find(b"\n", start) + 1
    line = buf[start:end]
    return end > 0 and line[:1] == b"{" and _logged_json(line) and _closes_itself(line)


def _closed_lines(buf: Buffer, near: set[int], starts: list[int], ends: list[int], marks: Marks) -> set[int]:
    """Of the marked line ends ``near`` (a needle line's own end, or its start: the end of the line
    before it), those of lines that open nothing they do not close (_closes_itself): marked as
    opening a body, not as continuing the line before them, unless only by the brace a JSON log line
    starts with (its time and level say it is a log record of its own: _Grouping._json_body)."""
    closed: set[int] = set()
    continuing = marks.continuing
    for end in near:
        k = bisect_left(ends, end)
        start = starts[k] if k < len(ends) and ends[k] == end else buf.rfind(b"\n", 0, end - 1) + 1
        if (start not in continuing and _closes_itself(buf[start:end])) or _json_record_at(buf, start):
            closed.add(end)
    return closed


LINES_ABOVE = 8  # how many lines above a table row its header is looked for (and at most 4 KiB)


def _entry_above(buf: Buffer, start: int) -> bytes:
    """The line above a record that opens with an exception or a traceback: the entry it was logged under when that
    entry's level is a quiet one (Cassandra's "INFO  [nioEventLoopGroup-2-1] 2021-07-21 12:23:32,856 Message.java:826 -
    Unexpected exception during request", then "java.io.IOException: ..." and its frames), whose trace is a record of
    its own (_Grouping._trace_goes_on). Its time is the trace's: the trace had none, so --since and --until left it out
    ("no timestamp") and its group had no first or last time."""
    if start == 0 or not (_EXCEPTION_LINE.match(buf, start) or buf.startswith(_TRACEBACK, start)):
        return b""
    ls = buf.rfind(b"\n", max(0, start - 4096), start - 1) + 1
    return bytes(buf[ls : start - 1]) if ls > 0 or start <= 4096 else b""


def _lines_above(buf: Buffer, start: int) -> bytes:
    """The lines above a record whose head may be a row of a table drawn with pipes or tabs, or one or
    two words (a comma-separated row, a value echoed on its own line, a REPL's "=> value"): a sample shows
    the line alone, and only the header or the name above it says that it is a password (the gate reads
    them)."""
    if start == 0:
        return b""
    eol = buf.find(b"\n", start, start + 4096)
    head = bytes(buf[start : start + 4096 if eol < 0 else eol])
    words = head.split(None, 3)
    pair = len(words) == 3 and words[1] in (b"=", b":")  # an INI file's "name = value" (its section says what it is)
    if len(words) > 2 and not pair and b"|" not in head and b"\t" not in head:
        return b""  # a log line of words (a comma-separated row without spaces is one word)
    floor = max(0, start - 4096)
    at = start - 1  # the newline that ends the line above
    for _ in range(LINES_ABOVE):
        nl = buf.rfind(b"\n", floor, at)
        if nl < 0:
            at = -1 if floor == 0 else at
            break
        at = nl
    above = bytes(buf[at + 1 : start - 1])
    return above if may_name_credential(above) else b""  # most records: nothing above names a credential


def _data(buf: Buffer, start: int, end: int) -> bytes:
    """A record's bytes without its line end."""
    return bytes(buf[start:end].rstrip(b"\r\n"))


def _newlines_in(buf: Buffer, start: int, end: int) -> int:
    return buf.count(b"\n", start, end)


def _count_engine() -> Callable[[Buffer, int, int], int]:
    """How newlines are counted: every byte of a log is counted once, for line numbers, and that
    is the largest share of a scan. StringZilla counts with SIMD (0.24 s/GB here, against 0.5
    for bytes.count); without its wheel, bytes.count gives the same numbers."""
    try:
        import stringzilla
    except ImportError:
        return _newlines_in
    count = stringzilla.count

    def newlines(buf: Buffer, start: int, end: int) -> int:
        if end <= start:
            return 0
        return int(count(buf, "\n", start, end))

    return newlines


newlines = _count_engine()  # (buffer, start, end) -> newlines in buffer[start:end]


def _line_start(buf: Buffer, pos: int, limit: int) -> int:
    """The start of the first line at or after ``pos``."""
    if pos <= 0:
        return 0
    if buf[pos - 1 : pos] == b"\n":
        return pos
    nl = buf.find(b"\n", pos, limit)
    return limit if nl < 0 else nl + 1


def _cause_message_at(buf: Buffer, pos: int, limit: int, eof: bool) -> bool | None:
    """Whether the line at ``pos``, after a Java cause's message line, goes on with the message: a frame follows within
    _MESSAGE_LINES lines, and no line up to it starts a log entry of its own (a date, as _ENTRY_START); None when
    what has been read ends before that is known and more is coming (the answer may not hang on where a read ends)."""
    for _ in range(_MESSAGE_LINES):
        if pos >= limit:
            return None if not eof else False
        nl = buf.find(b"\n", pos, limit)
        end = limit if nl < 0 else nl + 1
        if _FRAME.match(buf, pos, end):
            return True
        if _ENTRY_START.match(buf, pos, end):
            return False
        pos = end
    return False


def _head(buf: Buffer, ls: int, floor: int, seams: AbstractSet[int], off: int) -> int:
    """Where to start grouping lines so that the record holding the line at ``ls`` is found whole:
    the nearest earlier line that cannot be a continuation, or whose source is another than the line above's (or ``floor``)."""
    floor = _line_start(buf, floor, ls)
    pos = ls
    while pos > floor:
        if seams and off + pos in seams:  # (stream offsets: ``off`` is the buffer's)
            return pos
        prev = buf.rfind(b"\n", floor, pos - 1) + 1
        prev = max(prev, floor)
        line = buf[prev:pos]
        if not _continuation_like(line) and not _under_frame(buf, floor, prev):
            return prev
        pos = prev
    return pos


def _under_frame(buf: Buffer, floor: int, ls: int) -> bool:
    """Whether the line above the one at ``ls`` is an unindented Python frame's (_PY_FRAME): that line is its source's."""
    if ls <= floor:
        return False
    above = buf[max(floor, buf.rfind(b"\n", floor, ls - 1) + 1) : ls]
    return _unstamped(above).startswith(_PY_FRAME)


def _group(
    buf: Buffer, head: int, target: int, limit: int, eof: bool, seams: AbstractSet[int], off: int
) -> tuple[int, int, bool] | None:
    """The record (start, end, cut) holding the line that starts at ``target``, grouping lines from
    ``head``; None when it may continue past ``limit`` and more input is coming. No record runs
    across a seam (a stream offset, ``off`` being the buffer's, where a line's source changes)."""
    pos = head
    nl = buf.find(b"\n", pos, limit)
    line = buf[pos : limit if nl < 0 else nl + 1]
    while True:
        start = pos
        entry = _Grouping()
        while True:
            entry.add(line)
            pos += len(line)
            if pos >= limit:
                if not eof and entry.lines < MAX_RECORD_LINES and entry.size < MAX_RECORD:
                    return None
                break
            nl = buf.find(b"\n", pos, limit)
            line = buf[pos : limit if nl < 0 else nl + 1]  # the next line: this entry's, or the next's first
            if len(line) > MAX_LINE or (seams and off + pos in seams):  # a line too long to read, or another source's
                break
            if not entry.continued_by(line):
                goes_on = _cause_message_at(buf, pos, limit, eof) if entry.message else False
                if goes_on is None:  # the read ends before its first frame, or a line that says the message ended
                    return None
                if not goes_on:
                    break
        if entry.npm and entry.blank:  # the blank line npm's block took, and no line of the block after it
            pos = buf.rfind(b"\n", start, pos - 1) + 1
            nl = buf.find(b"\n", pos, limit)
            line = buf[pos : limit if nl < 0 else nl + 1]
        if target < pos:
            cut = entry.lines >= MAX_RECORD_LINES or entry.size >= MAX_RECORD
            return start, pos, cut and (entry.depth > 0 or entry.xml_root is not None)
        if len(line) > MAX_LINE and pos + len(line) < limit:  # no record's: skipped, and said to be, at its own line
            pos += len(line)
            nl = buf.find(b"\n", pos, limit)
            line = buf[pos : limit if nl < 0 else nl + 1]

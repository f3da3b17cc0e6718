"""What a worker does to a record before it is explained: decode it, take its time and level, key
it for the cache of explanations. Nothing here needs the catalog or the explainer, so a parallel
scan starts its workers before the explainer is even imported."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from http import HTTPStatus
from itertools import chain
from typing import NamedTuple

from ..text import EMAIL
from .logline import forget_stamp, glog_time, json_line, stamp_in, timestamp_in
from .needles import Buffer
from .prefixes import RUNTIME_PREFIX
from .records import ANNOUNCES_ERROR, BARE_ERLANG_HEAD, ELIXIR_RAISED, LOGPLEX_SOURCE, Record
from .verdict import GIN_COLOUR, LEVEL_WORDS, STATUS_KEY, api_shape, error_reason, level, syslog_host

# Records longer than this are explained every time, never kept in the cache (an explanation
# keeps its text).
EXPLAINED_MAX_TEXT = 2_048
# What varies between repeats of one failing call without changing what it is, masked Drain-style
# into the record's template: ids (GUIDs, long hex), IP addresses, e-mail addresses and every
# number, except a number that names the error: after a code or status key ("ErrorCode": 25008,
# code=4012, status: 404) or as a status (HTTP/1.1 404, HTTP 500, Rails's Completed 422, -> 404,
# returned 404, 409 Conflict). Each template is
# explained once, and its explanation serves the next record only when what identifies its errors
# (observed code, name and status; details but for what the template masks) stands verbatim in the
# template (stream._shareable): the guard that no masked number was a code.
# Two passes, each starting with a character class so that re skips ahead in C (one pattern
# of alternatives, each tried at every position, cost 0.3 ms a line): tokens that start with a
# digit (numbers, addresses, dates, GUIDs, hex ids such as 38101a0b), then hex ids that start
# with a letter (f7b8d1f1d4d44643b07fa10ca7d021fb). What precedes a number says whether it names
# the error. A token ends before a dot, colon or dash that a word of letters alone, one past f,
# follows: a name is no part of an id ("/apple-touch-icon-120x120-precomposed.png" and
# "...-120x120.png", two paths, had one template and so one group), while GUIDs, dates, addresses
# and a pod's generated suffix ("7-5ddd6bcd69-6rqct", "3-d8f465685-k75gp") stay one token.
_DIGIT_TOKEN = re.compile(r"[0-9](?:\w|[.:-](?![A-Za-z_]*[g-zG-Z_][A-Za-z_]*\b))*")
_HEX_TOKEN = re.compile(r"[a-fA-F][0-9a-fA-F]{7,}(?:-[0-9a-fA-F]+)*")
# what a hex id masked must hold (its first digit comes after a letter, or after a dash after one),
# searched from the digits alone: most texts have none, and _HEX_TOKEN tries every a-f letter
_HEX_DIGIT = re.compile(r"[0-9](?:(?<=[a-fA-F].)|(?<=[a-fA-F]-.))")
_NAMES_THE_ERROR = re.compile(
    r"(?:(?i:code|status|errorcode|error_code|errornumber|datacode)[\"']?\s*[:=]?\s*[\"']?"
    r"|HTTP(?:/\d(?:\.\d)?)?\s+|Completed\s+|(?:->|=>|returned|with status)\s*)$"
)
_KEEP_HINT = re.compile(r"ode|ODE|tatus|TATUS|HTTP|>|returned|Completed")  # what _NAMES_THE_ERROR needs, searched for first
# a hex code after an error's or a result's name (WinCC's "Errorcode 0xFFDF", Windows's "hr: 0x800705aa",
# "HRESULT = 0x80070308"): it names the error, as summary.signature keeps it
_HEX_CODE = re.compile(r"0[xX][0-9A-Fa-f]+[.:-]?")
_NAMES_THE_HEX_CODE = re.compile(r"(?:[Cc]ode|[Ee]rror|\bhr|HRESULT|[Ss]tatus)(?:\s*[=:]\s*|\s+)$")
_EMAIL = re.compile(EMAIL)
_REASON_PHRASES = {str(s.value): f" {s.phrase}" for s in HTTPStatus if s.value >= 400}  # "409" -> " Conflict"
_CLIENT_OR_SERVER = {"4": " Client Error", "5": " Server Error"}  # requests's HTTPError: "404 Client Error: Not Found for url"


_GUID_PATTERN = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
_GUID = re.compile(_GUID_PATTERN)


def _in_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _an_id(m: re.Match[str]) -> bool:
    """Whether a run of hex digits is an id the template masks: not inside a word, with a digit."""
    text, start, end = m.string, m.start(), m.end()
    return not (_in_word(text[start - 1 : start]) or _in_word(text[end : end + 1])) and any(c.isdigit() for c in m[0])


def _guid_token(m: re.Match[str]) -> str:
    return "#" if _an_id(m) else m[0]


def _digit_token(m: re.Match[str]) -> str:
    token, start = m.group(0), m.start()
    text = m.string
    if start and (text[start - 1].isalpha() or text[start - 1] == "_"):  # inside a word: x2y, OAuth2
        return token
    if token[1:2] in ("x", "X") and _HEX_CODE.fullmatch(token) and _NAMES_THE_HEX_CODE.search(text, max(0, start - 24), start):
        return token
    if token.rstrip(".:-").isdigit():  # "status 400:" names the error as "status 400" does
        before = max(0, start - 24)  # the 24 characters before it
        if _KEEP_HINT.search(text, before, start) and _NAMES_THE_ERROR.search(text, before, start):
            return token
        if (phrase := _REASON_PHRASES.get(token)) and text.startswith((phrase, _CLIENT_OR_SERVER[token[0]]), m.end()):
            return token  # a status with its reason phrase (Spring's "$Conflict: 409 Conflict"), requests's "404 Client Error"
        if token in _REASON_PHRASES and text[start - 2 : start] == " (" and text[m.end() : m.end() + 1] == ")":
            return token  # a status in parentheses (botocore's "An error occurred (403) when", "GET /query failed (400)")
    return "#"


def _hex_token(m: re.Match[str]) -> str:
    token, start = m.group(0), m.start()
    if (start and m.string[start - 1].isalnum()) or not any(c.isdigit() for c in token):  # a word: "deadbeef"
        return token
    return "#"


def template_of(text: str) -> str:
    """The text with what varies between repeats masked (see _DIGIT_TOKEN, _HEX_TOKEN); a GUID whole, first
    (the digit pass began one whose first part is all letters after its first dash: "bbbfceda-#", a template
    of its own for each such customer's calls)."""
    if "@" in text:
        text = _EMAIL.sub("#", text)
    if "-" in text:
        text = _GUID.sub(_guid_token, text)
    text = _DIGIT_TOKEN.sub(_digit_token, text)
    return _HEX_TOKEN.sub(_hex_token, text) if _HEX_DIGIT.search(text) else text


Progress = Callable[[int], None]  # bytes read so far, over every input


@dataclass(frozen=True)
class ScanOptions:
    vendor: str | None = None  # report only this vendor's errors
    since: datetime | None = None
    until: datetime | None = None
    workers: int | None = None  # processes for big files; None: one per core (at most 4)


class Prepared(NamedTuple):
    """A record read for explaining: what needs no catalog, so a worker process can do it."""

    line: int
    outcome: str  # ok | binary | no-timestamp | outside-window | empty
    paste: str = ""  # the record without its timestamp (the time varies; the error does not)
    key: str | None = None  # the paste's template: what varies between repeats masked (see _TEMPLATE)
    head: str = ""  # its first line
    when: datetime | None = None  # None also when not read yet (see prepare)
    reason: str | None = None  # why it is an error by how it is logged (verdict.error_reason)
    api: bool = False  # it has the shape of an HTTP API exchange (verdict.api_shape)
    bad_utf8: bool = False
    status: int | None = None  # a W3C log line's status, from its column (w3c.py)
    above: str = ""  # the lines above a table row or a lone value (Record.before): its sample is screened below them


# dropped from a one-line record to find its repeats: digits and lower-case hex letters (ids,
# hashes, addresses); upper-case letters stay, so level words (ERROR, INFO) still tell lines apart
VARYING_BYTES = b"0123456789abcdef"


def prepare(rec: Record, options: ScanOptions, status: int | None = None) -> Prepared:
    """Decode a record, take its time and level, and key it for the cache of explanations (a
    repeat of a one-line record takes all that from the first of its shape: triage.py); ``status``:
    a W3C log line's, from its column (w3c.py)."""
    if b"\x00" in rec.data:  # a record with a NUL (a crash's padding) is skipped, said so: never explained
        return Prepared(rec.line, "binary")
    bad = False
    try:
        text = rec.data.decode("utf-8")
    except UnicodeDecodeError:
        text, bad = rec.data.decode("utf-8", errors="replace"), True
    if (text[:1] == "{" or text[:3] == "  {") and "\n" in text:  # an entries array's element (entries.py) too
        text = _one_line(text)
    head = text.split("\n", 1)[0]
    entry = rec.entry.decode("utf-8", errors="replace") if rec.entry else ""  # a trace's own entry above it (its time)
    if (options.since or options.until) and (
        outcome := window_outcome(time_of(text, head) or (entry and record_time(entry)) or None, options)
    ) != "ok":
        return Prepared(rec.line, outcome, bad_utf8=bad)  # left out by its time alone: nothing else is read
    paste, when, said = _untimed(text, head)
    heading = when is None  # a report's section heading stands alone, with no time of its own (verdict._HEADING)
    if when is None and entry:
        when = record_time(entry)
    outcome = window_outcome(when, options)
    if outcome == "ok" and not paste.strip():
        outcome = "empty"
    key = template_of(paste) if len(paste) <= EXPLAINED_MAX_TEXT else None
    if key is not None and status is not None:  # the template masks the column's status: records of two statuses are two
        key = f"{key}\x00{status}"
    reason = error_reason(said, paste, status, may_head=heading)
    head = _named_head(text, paste, head)
    above = rec.before.decode("utf-8", errors="replace")
    return Prepared(rec.line, outcome, paste, key, head, when, reason, api_shape(paste), bad, status, above)


def _named_head(text: str, paste: str, head: str) -> str:
    """What names a record's group: its first line, or what it says where its first line says only that something failed."""
    if paste.startswith(_TRACEBACK):
        head = _raised(text) or head
    elif (
        (lines := paste.split("\n", 2))
        and len(lines) > 1
        and (_ANNOUNCES_ERROR.fullmatch(lines[0]) or lines[1].lstrip().startswith(ELIXIR_RAISED))
        and lines[1].strip()
    ):  # Dart's "Unhandled exception:", then what was thrown; Elixir's crash report, then its exception ("** (RuntimeError) ...")
        head = f"{head.rstrip()} {lines[1].strip()}"
    elif len(lines) > 1 and head[:1] in "-=" and _RULE.fullmatch(head):
        head = _below_rule(paste) or head
    elif len(lines) > 1 and " -- " in head and _RUBY_SAYS_NOTHING.fullmatch(head):
        head = _ruby_said(paste) or head
    elif len(lines) > 1 and head.rstrip().endswith(" :") and (described := _described(paste)):
        head = f"{head.rstrip()} {described}"
    elif len(lines) > 1 and head.endswith(">") and _BARE_ERLANG_HEAD.search(head):
        head = " ".join([head.rstrip(), *(line.strip() for line in paste.split("\n")[1:6] if _SAYS.search(line))])
    elif len(lines) > 1 and head.strip() in ("{", "[") and (said := _object_said(paste)):
        head = said
    return head


# a message's key and value on a line of a pretty-printed JSON record, and its exception's class: what names a record that
# does not parse (GitLab's production_json.log fixture lacks a comma), whose first line "{" was its name ("HTTP 500 {");
# blanks within a line only (a "\s*" after "^" read on over every line break: 16 KiB of "\n " took a second a record)
_MESSAGE_FIELD = re.compile(
    r'^[ \t]*"(?:exception\.message|message|msg|error_message|error)"[ \t]*:[ \t]*"((?:[^"\\\n]|\\.){1,300})"', re.M
)
_CLASS_FIELD = re.compile(r'^[ \t]*"(?:exception\.class|error_class)"[ \t]*:[ \t]*"([\w.:$]{1,120})"', re.M)


def _object_said(paste: str) -> str | None:
    """The message a JSON record printed over lines holds (its exception's class before it), where it did not parse."""
    said = _MESSAGE_FIELD.search(paste, 0, 16384)
    if said is None:
        return None
    raised = _CLASS_FIELD.search(paste, 0, 16384)
    return f"{raised[1]}: {said[1]}" if raised else said[1]


def window_outcome(when: datetime | None, options: ScanOptions) -> str:
    """Whether a record's time lets it in the --since/--until window: ok, outside-window, or
    no-timestamp (a record without one is left out of a window, and counted so)."""
    if not (options.since or options.until):
        return "ok"
    if when is None:
        return "no-timestamp"
    if (options.since and when < options.since) or (options.until and when > options.until):
        return "outside-window"
    return "ok"


_TRACEBACK = "Traceback (most recent call last)"


def _one_line(text: str) -> str:
    """A JSON log record pretty-printed over several lines (a level or a time among its fields) on
    one line, as a JSON-lines log writes it: read so, where its first line "{" was all it said
    (no level: its errors were missed). Any other record as it is (a body, read as explain reads it)."""
    one = "".join(line.strip() for line in text.split("\n")).removesuffix(",")  # an element's, before the next
    found = json_line(one)
    return one if found is not None and found[1:] != (None, None) else text


# a rule unittest and nose draw above and below a failure's name ("=====...", "-----..."): it names no
# error, what follows it does (every traceback of a test run was one group, "------...")
_RULE = re.compile(r"[-=]{20,}\s*")


def _below_rule(paste: str) -> str | None:
    """What names a record that opens with a rule: the exception its traceback ended in, else its first line of words."""
    rest = paste.split("\n", 1)[1]
    if rest.startswith(_TRACEBACK):
        return _raised(rest)
    return next((line.strip() for line in rest.split("\n") if line.strip() and not _RULE.fullmatch(line)), None)


# a record's first line that only announces an error, which its next line states: Dart's
# "Unhandled exception:" (every one of a log's crashes was one group under it)
_ANNOUNCES_ERROR = re.compile(ANNOUNCES_ERROR)


# RabbitMQ's head with nothing after its Erlang process (records.BARE_ERLANG_HEAD): its group is
# named by the head and the message lines below it that hold a word ("BOOT FAILED", "ERROR: could
# not bind ...", not the "===========" under the banner), where every such record was "[erro] <<n>>"
_BARE_ERLANG_HEAD = re.compile(BARE_ERLANG_HEAD + "$")
_SAYS = re.compile(r"[^\W_]")

# Ruby's Logger head (Rails's FATAL block, records._RUBY_FATAL) with nothing after it but its
# request tags: the block's first line; its next line that says something names the error
# ("NoMethodError (undefined method ...)"), where every block was one group under the empty line
_RUBY_TAGS = r"(?:\[[^\]\n]+\] ?)*\s*"
_RUBY_SAYS_NOTHING = re.compile(rf".*?[A-Z], \[[^\]\n]*#\d+\] +[A-Z]+ -- [^:\n]*: {_RUBY_TAGS}")
_SAYS_NOTHING = re.compile(rf"(?:.*?[A-Z], \[[^\]\n]*#\d+\] +[A-Z]+ -- [^:\n]*: )?{_RUBY_TAGS}")


def _ruby_said(text: str) -> str | None:
    """The first line after a Rails FATAL block's first that says more than its head and tags."""
    return next((line for line in text.split("\n")[1:6] if not _SAYS_NOTHING.fullmatch(line)), None)


# Spring Boot's start-up failure: an ERROR line with an empty message (records._EMPTY_MESSAGE), then its report's
# banner, "Description:" and the cause: named by the cause, where every start-up failure was one group
_DESCRIPTION = "\nDescription:\n"


def _described(paste: str) -> str | None:
    """The first line that says something after a failure report's "Description:" line."""
    at = paste.find(_DESCRIPTION)
    if at < 0:
        return None
    return next((line.strip() for line in paste[at + len(_DESCRIPTION) :].split("\n", 8) if line.strip()), None)


def _raised(text: str) -> str | None:
    """A Python traceback's last unindented line (the exception it ended in, also after a chained
    one), which says what failed, where its first line says only that something did: a record's
    head names its group (triage._signature), and every traceback was one group."""
    for line in reversed(text.split("\n")[1:]):
        at = stamp_in(line)
        rest = line[(_leading(line, at[1]) or 0) if at else 0 :]
        if rest.strip() and rest[0] not in " \t":
            return line
    return None


# what makes a record's digits or hex letters say what it is: a code, an arrow, "returned", a NUL, an error's status
# in parentheses (botocore's "An error occurred (403) when": a 404 and a 403 were one group, named by the first),
# a syslog priority, or one character in brackets (a level letter the shape drops, "[e]", where
# another record of the shape has "[3]") unless a level word stands before it (it is the first
# level then, whatever the brackets hold: logrotate's "ALERT exited abnormally with [1]")
# (each form led by a literal byte, so that re skips to them in C: "(?i:code)" and "^" made it try
# every form at every byte; the priority is matched at the start)
_TELLING = re.compile(rb"c[oO][dD][eE]|C[oO][dD][eE]|->|=>|returned|\x00|\([45]\d\d\)")
_PRIORITY = re.compile(rb"<\d")
_ONE_CHAR = re.compile(rb"[\[<(][0-9a-f][\]>)]")
_LEVEL_WORD = re.compile(rb"(?<![\w.=:/-])(?:" + LEVEL_WORDS.encode() + rb")(?![\w=.(-])")
# each number where verdict.http_status may read a status (a superset: a key, not a verdict), one
# pattern per form, each starting with a literal so that re skips ahead in C; a number ends where
# a word would (http_status's \b, needles._ERRING's end)
_AFTER = rb"(?![0-9A-Za-z_])"
_STATUS_FORMS = (
    rb"HTTP/\d(?:\.\d)?\x22? ",
    b"tatus" + STATUS_KEY.encode(),
    b"TATUS" + STATUS_KEY.encode(),
    rb"\x22 ",
    rb"\[GIN\] [^|\n]*\|" + GIN_COLOUR + b" ?",
)
_STATUS_NUMBERS = tuple(re.compile(form + rb"(\d{3})" + _AFTER) for form in _STATUS_FORMS)
# the places where a status may stand, as they stand in a shape (digits and a-f dropped: "tatus"
# is "ttus", "Code" is "Co"), not followed by a word character (a status would end there)
_SHAPE_SLOT = re.compile(
    rb"(?:HTTP/\.?\x22? |[Ss](?:ttus|TATUS)(?:[_ ]?(?:Co|o|CODE))?[\x22']?\s*[=:]\s*[\x22']?|\x22 "
    rb"|\[GIN\] [^|\n]*\|(?:\x1b\[;*m)? ?)(?![A-Za-z_])"
)


# the request path of a line that states an error status (up to its query), without its tokens
# that hold a digit (numbers, ids, hashes): part of the line's shape, which drops every a-f letter
# elsewhere, so that paths that differ only in such letters are two shapes (/dedecms/ and /cms/
# were one: every 404 under the first one's group). Only such lines pay for it.
_REQUEST_PATH = re.compile(
    rb"(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|PURGE|COPY|MOVE|PROPFIND|TRACE)[ \t]+(?:[^\s/]\S*[ \t]+(?=/))?([^\s?]+)"
)
# (not a percent-escape's hex, "%D8%B3": a letter of the path, not a number)
_WITH_DIGIT = re.compile(rb"(?<!%)(?<!%[0-9A-Fa-f])[0-9a-f]*[0-9][0-9a-f]*")


def request_words(data: Buffer) -> bytes:
    """What tells apart the request paths of lines of one shape (see _REQUEST_PATH): b"" when none.
    The request an access log quotes (``"GET /path HTTP/1.1"``) is read where its first quote opens,
    else the first one on the line: looking for it from the line's start cost a fifth of a real
    log's scan (its timestamps and ids before the quote). A path seen before is not read again (an
    API's few paths on every line of its access log: dropping their numbers was a tenth)."""
    quote = data.find(b'"')
    m = _REQUEST_PATH.match(data, quote + 1) if quote >= 0 else None
    if m is None:
        m = _REQUEST_PATH.search(data)
    if m is None:
        return b""
    path = m[1]
    words = _PATH_WORDS.get(path)
    if words is None:
        if len(_PATH_WORDS) >= _PATH_WORDS_SIZE:
            _PATH_WORDS.clear()
        words = _PATH_WORDS[path] = b"|" + _WITH_DIGIT.sub(b"", path)
    return words


_PATH_WORDS: dict[bytes, bytes] = {}  # a request path -> its words (request_words)
_PATH_WORDS_SIZE = 4096


def shape_of(data: bytes, erring: bool, column: int | None = None) -> bytes | None:
    """What a one-line record is once what varies between its repeats is dropped (digits and
    lower-case hex letters), with whether it states an HTTP status of 400 or more (``erring``,
    needles._ERRING): records of one shape get one verdict. A record whose digits may say what it
    is (a code, an arrow, a syslog priority, several status numbers or one the other side of 400)
    is the line but for its leading time (``_after_time``), else None: it is prepared afresh.
    (Runs only for records not counted by their shape alone: Triage.count_lines.) A W3C log's line
    with a status in its column (``column``) is told by that status alone: its shape keeps it
    (``column_shape``)."""
    if column is not None:
        return column_shape(data.translate(None, VARYING_BYTES), column, data)
    if (
        _TELLING.search(data)
        or _PRIORITY.match(data)
        or ((m := _ONE_CHAR.search(data)) and not _LEVEL_WORD.search(data, 0, m.start()))
    ):
        return _after_time(data)
    shape = data.translate(None, VARYING_BYTES)
    if b"tus" in shape or b"TUS" in shape or b"HTTP/" in shape or b'" ' in shape:  # what http_status looks for
        classes = bytes(0x45 if n >= b"400" else 0x6F for n in status_numbers(data))  # E or o: 400 or more, or not
        if classes not in ((b"E",) if erring else (b"o", b"")):
            return None
        return shape + (b"|E" + request_words(data) if erring else b"|o")
    return shape


def _after_time(data: bytes) -> bytes | None:
    """The shape of a one-line record whose digits may say what it is: the line as it is but for
    the timestamp it starts with (after a NUL, which no other shape holds) and its ids (_ID_RUN), so
    that a call failing alike every few minutes is read once (each was prepared afresh: 60 us a line
    of a log of MYOB errors, each with its company file's and its customer's GUID); None when the
    line does not start with its time, or holds a NUL."""
    if b"\x00" in data:
        return None
    try:
        line = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    at = stamp_in(line)
    start = _leading(line, at[1]) if at else None
    if start is not None:
        rest = line[start:]
    elif at is not None and line[:1] == "{":  # a JSON log line: its time wherever it stands (its paste: swapped_ids)
        rest = line[: at[1][0]] + "\x00" + line[at[1][1] :]
    else:
        return None
    shape = _SHAPES.get(rest)
    if shape is None:
        shape = b"\x00" + _ID_RUN.sub(_masked_id, rest).encode("utf-8")
        if len(rest) <= _SHAPED_MAX:
            if len(_SHAPES) >= _SHAPES_SIZE:
                _SHAPES.clear()
            _SHAPES[rest] = shape
    return shape


_SHAPES: dict[str, bytes] = {}  # a line's words after its time -> its shape: a call failing alike is masked once


def forget_lines() -> None:
    """Let go of the log's words the memos of this module hold, once a scan is done (a long-lived process, the MCP
    server's or an API caller's, kept the last scan's lines, credentials and all, unprinted)."""
    _SHAPES.clear()
    _PATH_WORDS.clear()
    forget_stamp()


_SHAPED_MAX, _SHAPES_SIZE = 1024, 4096


# a GUID, or a run of 16 hex digits or more (Sage's ids): masked in a one-line record's shape, kept at its
# length, where the template masks it too (_masked_id): records whose shapes differ only there have one template. One
# that starts inside a word is never masked (_an_id) and is not looked for: trying one at every letter of a word was
# most of the cost of masking a vendor's line (9.2 -> 5.8 us)
_ID_RUN = re.compile(r"(?<![0-9A-Za-z_])(?:" + _GUID_PATTERN + r"|[0-9a-fA-F]{16,})")
ID_MASK = b"\x00"  # no line so shaped holds one


def swapped_ids(was: str, now: str, paste: str) -> str | None:
    """``paste``, read from the line ``was``, as the line ``now`` of its shape (_after_time: alike but for their time
    and ids) reads: each id of ``was`` swapped for the one at its place in ``now`` (a JSON log line's paste is made of
    its fields, in an order of their own). None when the ids do not pair up, when the paste holds one where the
    template would not mask it, or holds the time of ``was``."""
    old = [m[0] for m in _ID_RUN.finditer(was) if _masked_id(m) != m[0]]
    new = [m[0] for m in _ID_RUN.finditer(now) if _masked_id(m) != m[0]]
    pairs: dict[str, str] = {}
    if len(old) != len(new) or any(pairs.setdefault(a, b) != b for a, b in zip(old, new, strict=True)):
        return None
    if (at := stamp_in(was)) is not None and was[at[1][0] : at[1][1]] in paste:
        return None
    parts: list[str] = []
    last = swapped = 0
    for m in _ID_RUN.finditer(paste) if pairs else ():
        if (b := pairs.get(m[0])) is not None and _masked_id(m) != m[0]:
            parts += (paste[last : m.start()], b)
            last, swapped = m.end(), swapped + 1
    if swapped != sum(paste.count(a) for a in pairs):
        return None
    return "".join(parts) + paste[last:]


def _masked_id(m: re.Match[str]) -> str:
    """An id run masked where template_of masks it whole (_an_id): a bare run also needs a letter (digits alone
    may be a code the template keeps)."""
    run = m[0]
    return "\x00" * len(run) if _an_id(m) and (run[8:9] == "-" or not run.isdigit()) else run


def column_shape(shape: bytes, status: int, data: Buffer) -> bytes:
    """The shape of a W3C log's line (``data``) with the status in its column: after a newline,
    which no line's shape holds; with an error status, its request's words (request_words)."""
    return b"%s\n%d%s" % (shape, status, request_words(data) if status >= 400 else b"")


def status_numbers(data: bytes) -> list[bytes]:
    """Each number in a record where verdict.http_status may read its status, in order (one
    read by two forms, as in an access log's ``HTTP/1.1" 404``, once)."""
    found = {m.start(1): m.group(1) for pattern in _STATUS_NUMBERS for m in pattern.finditer(data)}
    return [found[at] for at in sorted(found)]


def status_slots(shape: bytes) -> int:
    """How many places in a shape (shape_of's, without the status part) a status may stand in:
    the records of a shape with one such place state their status there, so they have the same
    one when they say alike whether it is 400 or more (needles' "erring" mark)."""
    return len({m.end() for m in _SHAPE_SLOT.finditer(shape)})


# what a container runtime writes before each line a program logged: docker logs -t's time,
# docker compose's service name and bar, kubectl logs --prefix's pod and container
# docker logs -t's time; a CRI runtime's (containerd's, CRI-O's) time, stream and tag: "2025-12-31T18:30:06.5+01:00 stdout F "
_RUNTIME_PREFIX = re.compile(
    rf"(?:\d{{4}}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d) (?:std(?:out|err) [PF] )?|{RUNTIME_PREFIX})+(?=\{{)"
)


def _untimed(text: str, head: str) -> tuple[str, datetime | None, str | None]:
    """A record's text without its timestamp (a JSON line's: the paste its fields make), that time,
    and its level word; ``head`` is its first line. A JSON line behind a container runtime's prefix
    is read as a JSON line when it is a log record (it has a level or a time)."""
    found = _json_log_line(text)
    return found if found is not None else _untimed_text(text, head)


def record_time(head: str) -> datetime | None:
    """A record's own time, read from its first line as ``prepare`` reads it (a JSON line's time
    field before any date in its message): the times of repeats counted without one (triage.settle)."""
    return time_of(head, head)


def time_of(text: str, head: str) -> datetime | None:
    """``_untimed(text, head)``'s time alone: what a --since/--until window needs of a record
    before anything else is read of it (most records of a long log are outside a window)."""
    found = _json_log_line(text)
    if found is not None:
        return found[1]
    at = stamp_in(head)
    return at[0] if at else glog_time(head)


def _untimed_text(text: str, head: str) -> tuple[str, datetime | None, str | None]:
    """``_untimed`` of a record that is no JSON log line; a syslog header's host is none of its text."""
    if "\r" in text:  # a line a progress bar rewrote: read as a terminal showed it, its time first if it has one
        text, head = _overwritten(text), _overwritten(head)
    at = stamp_in(head)
    if at and (host := syslog_host(head)) and at[1][1] <= host[0]:  # after the header's time: where that is stays
        text = text[: host[0]] + text[host[1] :]
    span = _leading(head, at[1]) if at else None
    untimed = text
    if at:  # the time, and its key when it is a logfmt value (logrus's 'time="2024-11-12T14:39:16+09:00" level=...')
        start, end = at[1]
        if key := _TIME_KEY.search(text, max(0, start - 12), start):
            quote = key[0][-1] in "\"'"
            if not quote or text[end : end + 1] == key[0][-1]:  # the value whole, its quotes too
                start, end = key.start(), end + quote
                end += text[end : end + 1] == " "
        elif start == 1 and text[0] == "[" and text[end : end + 2] == ": ":  # Celery's "[<time>: ERROR/ForkPoolWorker-1] "
            end += 2
        untimed = text[:start] + text[end:]
    if span is not None:
        untimed = text[span:]
        if "\n" in untimed:
            untimed = _unstamped(untimed)
        if untimed[:1] in "ah" and _LOGPLEX_HEAD.match(head):
            untimed = _unsourced(untimed)
        if untimed[:2] == "0x" and (columns := _MACOS_COLUMNS.match(untimed)):  # its type, not its ids, names it
            untimed = columns[1] + " " + untimed[columns.end() :]
    return untimed, at[0] if at else glog_time(head), level(head)


def _overwritten(text: str) -> str:
    """A record's text as a terminal showed it: the part of a line a progress bar rewrote in place ("Downloading 10%",
    a carriage return, "Downloading 100%", another, then the error) is gone where a later part, as long or longer,
    covered it whole. Such a line was one line of the log, as it is (a carriage return alone starts no record), but
    its name and paste held every state of the bar before the error, and a group for each count of them. What a
    shorter part left showing stays; a line's own CRLF end is no such return."""
    lines = text.split("\n")
    for k, line in enumerate(lines):
        body = line.rstrip("\r")
        if "\r" not in body:
            continue
        kept, cover = [], 0  # the parts still showing, from the last; the longest part after the one looked at
        for part in reversed(body.split("\r")):
            if len(part) > cover and part.strip():
                kept.append(part)
            cover = max(cover, len(part))
        lines[k] = "\r".join(reversed(kept)) + line[len(body) :]
    return "\n".join(lines)


# macOS's `log show` and `log stream` columns after the time: thread, type, activity, process id, TTL; each
# thread's and activity's id in a group's name made one error a group for each thread it was logged on
_MACOS_COLUMNS = re.compile(r"0x[0-9a-f]+ +(Default|Info|Debug|Error|Fault|Activity) +0x[0-9a-f]+ +\d+ +\d+ +")


_TIME_KEY = re.compile(r"(?:^|(?<= ))(?:time|ts|timestamp|t)=[\"']?$")  # a logfmt time's key, before its value


def _json_log_line(text: str) -> tuple[str, datetime | None, str | None] | None:
    """A JSON log line, also behind a container runtime's prefix, as logline.json_line reads it."""
    found = json_line(text) if text[:1] == "{" else None
    if found is None and text[:1] != "{" and (prefix := _RUNTIME_PREFIX.match(text)):
        found = json_line(text[prefix.end() :])
        if found is not None and found[1:] == (None, None):
            found = None  # a body after a service name, not a log record
        elif found is not None and found[1] is None and (stamp := timestamp_in(prefix.group())):
            found = (found[0], stamp[0], found[2])  # docker logs -t's time, when the line has none
    return found


def _leading(line: str, span: tuple[int, int]) -> int | None:
    """Where a line starts after its timestamp at ``span`` and what ends it (_TIME_TAIL: the space, Windows CBS's comma
    and space in "2016-10-31 11:25:11, Error ...", Python logging's " - ") after it, when the line starts with it, bare or in
    brackets (Jenkins's timestamper: "[2023-09-11T08:21:54.284Z] "), its zone's name in them too (PHP's error_log:
    "[12-Feb-2021 11:48:20 UTC] ", "[... Europe/Berlin] ", where every name began "[ UTC] PHP Warning:"), else None."""
    start, end = span
    if start == 1 and line[0] == "[" and line[end : end + 1] in ("]", " "):
        close = line.find("]", end, end + 40)
        if close == end or (close > end and _ZONE_NAME.fullmatch(line, end, close)):
            start, end = 0, close + 1
    if start != 0:
        return None
    tail = _TIME_TAIL.match(line, end)
    return tail.end() if tail else end


# what ends a leading time: a second fraction (HID Bravura's "00:35:25.258.7085"), then a comma and a space (Windows
# CBS's), a dash between spaces (Python logging's "%(asctime)s - %(name)s - ...", HID's), or a space. HID's names began
# ".<n> - [] pamlws.exe", Python's "- app - ERROR - ": a fragment of the line's own prefix, no part of its error. A colon
# after a bracketed time (Roundcube's "[22-Jan-2013 22:28:21 +0200]: FAILED login ...") too.
_TIME_TAIL = re.compile(r"(?:[.,]\d+(?![\d:]))?(?:, | - |(?<= )- |(?<=\]): | )?")  # (a time read takes a space after it)


def _unstamped(text: str) -> str:
    """A record whose every line starts with a timestamp (a body docker logs -t wrote a line at a
    time, a trace Jenkins's timestamper stamped) without them, so that its body reads; any other
    record as it is."""
    first, *rest = text.split("\n")
    starts = [_leading(line, at[1]) if (at := stamp_in(line)) else None for line in rest] if rest else []
    if any(line and at is None for line, at in zip(rest, starts, strict=True)):
        return text
    lines = [line[at:] if at is not None else line for line, at in zip(rest, starts, strict=True)]
    if source := _LOGPLEX_SOURCE.match(first):  # heroku logs: the first line's source and dyno, said again on each line
        said = source[1]
        lines = [line[len(said) :].removeprefix(" ") if line.startswith(said) else line for line in lines]
    return "\n".join([first, *lines])


_ZONE_NAME = re.compile(r" [A-Z][A-Za-z_]{1,20}(?:/[A-Za-z_+-]{1,20}){0,2}")  # "UTC", "CET", "America/Argentina/Salta"
_LOGPLEX_SOURCE = re.compile(rf"({LOGPLEX_SOURCE}:)(?: |$)")  # logplex's source and dyno after its time (records._LOGPLEX)
# a logplex line's time and source (records._LOGPLEX): an app's ("app[web.1]: ") or Heroku's own ("heroku[router]: ")
_LOGPLEX_HEAD = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d) (?:app|heroku)\[")
_APP_SOURCE = re.compile(r"app\[[\w.-]+\]:(?: |$)")
_HEROKU_DYNO = re.compile(r"(heroku\[[A-Za-z][\w-]*)\.\d+\]")


def _unsourced(text: str) -> str:
    """A logplex record's text without its app's source and dyno ("app[web.1]: ", "app[worker.2]: "), and Heroku's own
    source without the dyno's number ("heroku[web.1]" -> "heroku[web]"): what the app said is its error, on whichever
    dyno it ran (web.1 and worker.1 gave two groups of one error, each named by where it ran)."""
    if m := _APP_SOURCE.match(text):
        return text[m.end() :]
    return _HEROKU_DYNO.sub(r"\1]", text, count=1) if text.startswith("heroku[") else text


def _keys_as_written(head: str) -> dict[str, str]:
    """A JSON line's keys as it writes them, by the lower case logline reads them in: the id mask
    knows a key by its case (Google Cloud's "insertId=15mo9tne1dofb", read as "insertid=", kept its
    letters, and each event of an export was a group of its own)."""
    try:
        obj = json.loads(head)
    except (ValueError, RecursionError):
        return {}
    if not isinstance(obj, dict):
        return {}
    inner = (v for v in obj.values() if isinstance(v, dict))  # an event's own fields one object down (Cloud Logging's
    return {str(k).lower(): str(k) for k in chain(*inner, obj)}  # jsonPayload), the record's own last: theirs win


def untimed_head(head: str) -> str:
    """A record's first line without its timestamp: what prepare makes of it, also for a repeat
    served from an earlier record (whose paste keeps its time). A JSON log line with a status and
    no request is named by its message (a zap line's "Request failed" was "HTTP/<n> <n>"), and
    one whose fields are all it says by them ("DownstreamStatus=<n> RequestMethod=GET", where
    its masked keys said nothing)."""
    found = _json_log_line(head)
    paste = _untimed_text(head, head)[0] if found is None else found[0]
    said = paste.split("\n", 1)[0]  # a JSON line's request, else its status line, else its message (logline._exchange_paste)
    if found is not None and said.startswith("HTTP/"):
        said = paste.rsplit("\n", 1)[-1]  # its message, or its fields
    try:
        fields = json.loads(said) if said[:1] == "{" else None
    except (ValueError, RecursionError):  # 1,100 brackets deep: named as text (logline.json_line)
        fields = None
    if isinstance(fields, dict):  # names and values, as a logfmt line shows them: a value masked, a name kept
        named = _keys_as_written(head) if found is not None else {}
        said = " ".join(f"{named.get(k, k)}={v}" for k, v in fields.items() if isinstance(v, str | int | float | bool))
    return said.split("\n", 1)[0]

"""Where a log line's own head ends and the message it logs begins, when no separator marks it.

Loggers write a level word bare before the message: Python's ``%(levelname)s %(message)s``, log4j's ``%-5p %m``,
Go's log and slog (``2026/11/19 02:00:00 ERROR ...``), zap's console (tab between fields), Serilog's ``{Level}``.
A vendor's message after ``ERROR:`` or ``[ERROR]`` is read after the separator; after a bare level word it was part of
one longer line, and no documented message matched it. The head is read by its shape, never by a logger's layout:
times, dates, zones, a process number, then a level word (as loggers write it: ERROR, error, Error; padded), then,
maybe, a logger's name (``app.sync.worker``, ``worker/sync.go:42``, or one lower-case word before a capital:
Python's ``root``). A message that starts with such a word as its own ("Error converting value ...") keeps its
whole reading: the text after the head is one more reading, never the only one.
"""

import functools
import re

_LEVEL_WORDS = (
    "error", "err", "warn", "warning", "fatal", "critical", "crit", "severe", "info", "information", "debug", "trace",
    "notice", "alert", "emerg", "emergency",
)  # fmt: skip
# in capitals, lower case or with a capital first (Serilog's "Error", "Warning"), never mixed: "eRRor" is no level
LEVEL = "|".join(sorted({f(w) for w in _LEVEL_WORDS for f in (str.upper, str.lower, str.title)}, key=len, reverse=True))
# what stands before a level: a date, a time (with its fraction and zone), a zone, AM/PM, a month's name, a process
# number ("#12345", "48213"); each a token of its own, a blank after it
_STAMP = (
    r"(?:\d[\d/.:,-]*(?:T\d[\d:.,]*)?(?:Z|[+-]\d\d:?\d\d)?|[+-]\d\d:?\d\d|UTC|GMT|[AP]M|#\d+"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?,?)"
)
_HEAD = rf"(?:{_STAMP}[ \t]+){{0,6}}(?:(?P<level>{LEVEL})[ \t]+)?(?=\S)"
_CLOCK = re.compile(r"\d:\d\d")
_LEVELS = frozenset(LEVEL.split("|"))
# a logger's name after the level: dotted or a path (with a line number), or one lower-case identifier before a word
# with a capital (Python's "root", "__main__", "sync_job"); a blank after it
_DOTTED = r"[A-Za-z_$][\w$-]*(?:(?:\.|::|/|:(?=\d))[\w$-]+)+"
_LOGGER = rf"(?:{_DOTTED}:?|[a-z_][a-z0-9_]*(?=[ \t]+[^a-z\s]))[ \t]+(?=\S)"
# A whole head before a message, its separators included (is_log_head). Before the level: stamps, a thread or a pid
# in brackets or parentheses, Ruby's severity letter ("E,"), syslog's host and program ("web1 sync[4711]:"), docker
# compose's service ("sync-1  |"); the level, bracketed or after a channel (Monolog's "production.ERROR:"); after it:
# a thread, a logger's name (dotted, or one lower-case word: Python's "root", Ruby's progname "sync:"), Ruby's "--",
# and the colon, dash or bar before the message.
_AROUND = rf"\[[^\]\n]{{1,80}}\]|\([^)\n]{{1,40}}\)|--?|\||{_DOTTED}"
_BEFORE = rf"(?:{_STAMP}|{_AROUND}|[A-Z],|[A-Za-z0-9][\w.-]*[ \t]+[\w./-]+\[\d+\]|[\w.-]+[ \t]+\|)"
_AFTER = rf"(?:{_AROUND}|[a-z_][a-z0-9_]*(?=:|[ \t]+(?![a-z\s])))"
_WHOLE_HEAD = rf"(?:{_BEFORE}:?[ \t]+)*\[?(?:[\w-]+\.)?(?:{LEVEL})\]?:?(?:[ \t]+{_AFTER}:?)*[ \t]*[:|-]?[ \t]*"


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """A pattern compiled on first use: most pastes have no log head, and the three cost explain's start-up 4 %."""
    return re.compile(pattern)


def messages_after_head(part: str) -> list[str]:
    """The message a log head at the start of ``part`` may be followed by: after its level word, and after a logger's
    name after that; after a time alone (Go's log: ``2026/11/19 02:00:00 ...``). Where the head is written with tabs
    (zap's console), the message ends at the next tab, before the fields logged with it. Empty when ``part`` opens
    with no head."""
    if not (_LEVELS.intersection(part[:400].split(None, 7)[:7]) or _CLOCK.search(part, 0, 4096)):
        return []  # no level word where a head's stands, no time: no head (the pattern is not compiled for it)
    head = _compiled(_HEAD).match(part)
    if head is None or head.end() == 0:
        return []
    if head.group("level") is None and not _CLOCK.search(part, 0, head.end()):
        return []  # digits alone ("400 Bad Request", "2 lines failed") are no log's head
    starts = [head.end()]
    if head.group("level") and (logger := _compiled(_LOGGER).match(part, head.end())):
        starts.append(logger.end())
    tabbed = "\t" in part[: starts[-1]]
    return [part[start:].split("\t", 1)[0] if tabbed else part[start:] for start in starts]


def is_log_head(text: str) -> bool:
    """Whether ``text`` is only a log's head (a level word and what loggers write around it, up to the separator
    before the message): the log's framing, none of the program's own words."""
    return len(text) <= 160 and any(level in text for level in _LEVELS) and _compiled(_WHOLE_HEAD).fullmatch(text) is not None


# A log's or a tool's error among a log's other lines (blind40): a line logged at an error level ("[2018-07-25
# 18:09:02.570120] [error] Client NSAV (ID: 2) export failed ...", "2026-01-01 10:00:00 ERROR ...": a stamp or a bracketed
# field, then the level) or said as one ("Error: ...", as Terraform and most CLIs write it). Read so only where the lines
# before it are logged at a quieter level (TF_LOG's "[TRACE]", a plugin's "[info]", winston's "info: ...") or there are
# none: after a CI step's or a person's own words, a closing "Error: Process completed with exit code 22." says less than
# the lines it follows. The lines after it are its own until the next logged line (a date or a clock opens it) or
# Terraform's place of it ("with provider[...],", "on provider.tf line 11, in provider ...:" and the source lines after).
_STAMPS = r"(?:(?:\[[^\]\n]{1,80}\]|\d[\d/.:,-]*(?:T\d[\d:.,]*)?(?:Z|[+-]\d\d:?\d\d)?)[ \t]+){1,4}"
_LOGGED_ERROR = re.compile(
    _STAMPS
    + r"[\[<]?(?:ERROR|ERR|FATAL|CRITICAL|SEVERE|Error|Fatal|Critical|error|err|fatal|critical|severe)[\]>]?:?[ \t]+(?=\S)"
)
_QUIET_LEVEL = r"(?:INFO|DEBUG|TRACE|NOTICE|VERBOSE|Info|Debug|Trace|Notice|Verbose|info|debug|trace|notice|verbose)"
_LOGGED_QUIET = re.compile(rf"(?:{_STAMPS}[\[<]?{_QUIET_LEVEL}[\]>]?|{_QUIET_LEVEL}:)(?:[ \t]|$)")
# "Error: ..." as a tool says it; not an object's field ("error: undefined, abort: ...", "{ error: string, ...")
_SAID_ERROR = re.compile(r"(?:Error|ERROR|error|Fatal|FATAL|fatal)(?:\[[\w-]{1,40}\])?:[ \t]+(?!['\"]?[\w.-]*['\"]?[ \t]*[,}])\S")
_LOGGED_LINE = re.compile(r"\[?(?:\d{4}[-/]\d\d[-/]\d\d|\d\d:\d\d:\d\d)")
_PLACE = re.compile(r"with \S.{0,300},|on \S{1,300} line \d+(?:, in .{0,300})?:")
_MAX_BLOCK = 12


def error_block(lines: list[str]) -> str | None:
    """The first error a log or a tool's output states after quieter log lines, with the lines that continue it (see
    _LOGGED_ERROR): None when no line opens one where it is read so, or it is the whole paste (nothing to leave out)."""
    for i, line in enumerate(lines[:200]):
        logged = _LOGGED_ERROR.match(line)
        if logged is None and not _SAID_ERROR.match(line):
            if _LOGGED_QUIET.match(line):
                continue
            return None  # a line of other words before any error: the paste is no log of quieter lines
        block = [line[logged.end() :] if logged else line]
        for after in lines[i + 1 : i + _MAX_BLOCK]:
            if _LOGGED_LINE.match(after) or _PLACE.fullmatch(after):
                break
            block.append(after)
        if i == 0 and len(block) == len(lines):
            return None
        return " ".join(block)
    return None

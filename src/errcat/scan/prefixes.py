"""A log whose every line a container runtime or Apache Ant prefixed, read as the program logged it.

``docker compose logs`` writes each line after its service's name and a bar (``sync-1  | ``),
honcho and foreman (a Procfile's processes: Frappe's ``bench start``) after their clock and process
(``16:05:27 worker_short.1   | ``), ``kubectl logs --prefix`` after the pod and container
(``[pod/sync-6f7c/sync] ``), Ant's exec task after its task name padded to its column
(``     [exec] ``). With the prefix on each line of a
pretty-printed body, no line looked like the rest of a record: a MYOB error's body was split from
its request, an Ant build log was one record from its first line. When the first lines a reader
reads (an input, or a worker's range) carry such a prefix, it is taken off every line that has one
before the records are found (line numbers unchanged; a sample no longer shows the service's name).
Where a runtime's prefix names another source than the line above's, that line's place is kept (a
seam): no record runs across it, so another service's indented line never joins a record above it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import chain

from .needles import Buffer

# at a line's start: docker compose's service name, padding and bar; kubectl's pod and container
# (as text: prepared.py reads a JSON line behind one)
COMPOSE_NAME, COMPOSE_BAR, KUBECTL = r"[\w.-]+", r" +\| ", r"\[pod/[^\]\s]+\] "
RUNTIME_PREFIX = rf"{COMPOSE_NAME}{COMPOSE_BAR}|{KUBECTL}"
# honcho's and foreman's: the time of day, then a Procfile process ("web.1") or their own ("system") as compose's name.
# Under it Frappe's worker tracebacks were no records and each line's name began "<n>:<n>:<n> web.<n> | "
_PROCFILE_CLOCK = rb"\d\d:\d\d:\d\d (?=[\w-]+\.\d+ |system )"
_CLOCK_AT = re.compile(_PROCFILE_CLOCK)
# here also after the terminal's line erase, the name and bar maybe coloured; and the bar at a blank line's end (the
# space after it taken off as trailing, as an editor or a page does: a capture's blank lines no longer carried one)
_ANSI = r"(?:\x1b\[[0-9;?]*[A-Za-z])*"
_CLOCK = f"(?:{_PROCFILE_CLOCK.decode()})?"
_PREFIX = rf"(?:{_ANSI}{_CLOCK}{COMPOSE_NAME}{_ANSI}{COMPOSE_BAR[:-1]}{_ANSI}(?: |(?=\r?\n)|\Z)|{KUBECTL})".encode()
_AFTER_NEWLINE = re.compile(rb"\n" + _PREFIX)  # a literal first: re skips ahead in C
_AT_START = re.compile(_PREFIX)
_EACH = re.compile(rb"^" + _PREFIX, re.MULTILINE)  # each line's, to tell its source
# Ant's DefaultLogger: "[task] " right-aligned to 12 columns (org.apache.tools.ant.DefaultLogger.LEFT_COLUMN_SIZE),
# a task's name of up to 8 letters after at least one space (a bare "[INFO] " is Maven's level, no prefix)
_ANT = b"(?:%s)(?: |(?=[\r\n])|\\Z)" % b"|".join(b" " * (9 - n) + rb"\[[A-Za-z][\w.:-]{%d}\]" % (n - 1) for n in range(1, 9))
_ANT_AFTER_NEWLINE = re.compile(rb"\n" + _ANT)
_ANT_AT_START = re.compile(_ANT)
SAMPLE_LINES = 20  # the first lines looked at: nine in ten whole ones of them (at least three) carry a
MIN_LINES = 3  # prefix ("docker compose up" writes "Attaching to web-1, redis-1" first)
SNIFF = 1 << 16  # bytes of the first chunk those lines are looked for in
MAX_HELD = 1 << 20  # a line's bytes held while its end is awaited (records.MAX_LINE)


def prefixed(head: Buffer) -> tuple[re.Pattern[bytes], re.Pattern[bytes]] | None:
    """The prefix (after a newline, at the start) the whole lines at the start of an input carry: a
    container runtime's on nine in ten of them, Ant's on half of those with text (its targets'
    names, "compile:", and blank lines between); None when they carry neither."""
    lines = bytes(head[: head.rfind(b"\n") + 1]).splitlines()[:SAMPLE_LINES]
    carry = sum(1 for line in lines if _AT_START.match(line))
    if carry >= MIN_LINES and carry * 10 >= len(lines) * 9:
        return _AFTER_NEWLINE, _AT_START
    ant = sum(1 for line in lines if _ANT_AT_START.match(line))
    if ant >= MIN_LINES and ant * 2 >= sum(1 for line in lines if line.strip()):
        return _ANT_AFTER_NEWLINE, _ANT_AT_START
    return None


def unprefixed(data: Buffer, prefix: tuple[re.Pattern[bytes], re.Pattern[bytes]]) -> bytes:
    """``data`` (whole lines, from a line's start) without the prefix at each line's start."""
    after_newline, at_start = prefix
    data = after_newline.sub(b"\n", data)
    m = at_start.match(data)
    return data[m.end() :] if m else data


def _unsourced(data: bytes, at: int, last: bytes | None, seams: set[int]) -> tuple[bytes, bytes | None]:
    """``data`` (whole lines, from a line's start, at offset ``at`` of the stream without prefixes) without each line's
    runtime prefix; into ``seams``, where a line's source differs from the one above's (``last``: the last line's)."""
    pieces = []
    pos = 0
    for m in _EACH.finditer(data):
        start = m.start()
        pieces.append(data[pos:start])
        at += start - pos
        source = m[0].rstrip(b" ")  # a blank line's bar may have lost the space after it
        if b":" in source:  # the process, not the second it wrote in (honcho's clock)
            source = _CLOCK_AT.sub(b"", source, 1)
        if source != last and last is not None:
            seams.add(at)
        last, pos = source, m.end()
    pieces.append(data[pos:])
    return b"".join(pieces), last


def without_prefixes(chunks: Iterable[Buffer], marks: list[int | None], seams: set[int]) -> Iterator[Buffer]:
    """The chunks of an input without its lines' prefixes when its first lines carry one (else as
    they are); each offset in ``marks`` (a line's start in the first chunk) is moved to where that
    line starts once they are gone, when the first chunk is taken. A runtime's prefixes also tell
    each line's source: into ``seams`` go the offsets (in the stream without them) of the lines
    whose source is another than the line above's."""
    it = iter(chunks)
    first = next(it, None)
    if first is None:
        return
    prefix = prefixed(first[:SNIFF])
    if prefix is None:
        yield first
        yield from it
        return
    marks[:] = [None if at is None else len(unprefixed(first[:at], prefix)) for at in marks]
    sourced = prefix[1] is _AT_START
    tail, at, last = b"", 0, None
    for chunk in chain([first], it):
        data = tail + bytes(chunk)
        cut = data.rfind(b"\n") + 1
        tail = data[cut:]
        if cut:
            if sourced:
                out, last = _unsourced(data[:cut], at, last, seams)
            else:
                out = unprefixed(data[:cut], prefix)
            at += len(out)
            yield out
        elif len(tail) > MAX_HELD:  # one line longer than the finder reads (it skips it): not held on to
            at += len(tail)
            yield tail
            tail = b""
    if tail:
        yield unprefixed(tail, prefix)

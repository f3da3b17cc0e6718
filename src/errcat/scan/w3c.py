"""The W3C extended log format (IIS's, Zeek's): a line's HTTP status stands in a column that a
header line names, not after a quote as in an access log.

An input whose first line is a W3C directive is read with its headers: the latest ``#Fields:``
line (Zeek's ``#fields``) before a line says which column holds its status (``sc-status``,
``status_code``) and how columns are separated. IIS writes a header block at each start and
rollover, its fields maybe different. A line under such a header is an error record by its status
alone (400 or more); lines under no header, or under one with no status column, are read as any
log's. Squid's native log and IIS's default fields with no header are read by their status column
too, told by their first lines (``HEADERLESS``). A reader that starts inside the file finds the
header that governs it by reading back (``columns_at``). One pass under a header finds the lines of
400 or more (Hyperscan, else one ``re`` search), so the other lines cost no Python.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import Any, NamedTuple

from ..text import UTF8_BOM
from .needles import Buffer, Marks, compiled_database, engine_name

DIRECTIVES = (b"#Software:", b"#Version:", b"#Fields:", b"#separator ")  # how a W3C log's first line starts
_FIELDS = (b"#Fields:", b"#fields")  # then the columns' names
STATUS_COLUMNS = frozenset((b"sc-status", b"status_code"))  # IIS's, Zeek's http.log's
BACK = 1 << 20  # bytes read at a time looking back for the header that governs a range
KEPT_BEHIND = 4 << 20  # headers remembered behind where marking starts (a record's head is sought back less far)

# a column: a quoted one is one column whatever it holds (IIS Advanced Logging's "Mozilla/5.0 (Linux; ...)",
# its "" an escaped quote), else up to the next space; the first column of a line is never a directive's "#"
_SPACED, _SPACED_FIRST = rb'(?:"[^"\n]*")+|[^ "\t\n][^ \t\n]*', rb'(?:"[^"\n]*")+|[^ "#\t\n][^ \t\n]*'
_TABBED, _TABBED_FIRST = rb"[^\t\n]*", rb"(?:[^#\t\n][^\t\n]*)?"


class Layout(NamedTuple):
    """Where a header block's lines hold their status."""

    erring: bytes  # a line whose status is 400 or more, from the newline before, to the byte after its status
    erring_re: re.Pattern[bytes]  # the same as a pattern, its status a group (without Hyperscan)
    status: re.Pattern[bytes]  # a line's status, matched at its start


@lru_cache(maxsize=64)
def layout(header: bytes) -> Layout | None:
    """The layout a ``#Fields:`` (or ``#fields``) line sets, or None when it names no status column."""
    tab = header.startswith(b"#fields\t")
    names = header[len(b"#fields") :].split(b"\t") if tab else header[len(b"#Fields:") :].split()
    names = [n.strip() for n in names if n.strip()]
    column = next((k for k, name in enumerate(names) if name in STATUS_COLUMNS), None)
    if column is None:
        return None
    # Zeek's rows are separated by tabs; under a #Fields: line (spaces), rows by spaces (IIS) or tabs
    # (CloudFront, whose standard logs name their fields with spaces and separate their rows with tabs)
    forms = [(_before(column, rb"\t", _TABBED, _TABBED_FIRST), rb"[\t\r\n]")]
    if not tab:
        forms.append((_before(column, rb" +", _SPACED, _SPACED_FIRST), rb"[ \r\n]"))

    def pattern(status: bytes, at_end: bytes) -> bytes:  # a form for each way of separating
        return rb"(?:" + b"|".join(before + status + at_end.replace(b"%", ends) for before, ends in forms) + rb")"

    # Hyperscan's reported where it ends: the status is the 3 bytes before; the others' status is a group
    return Layout(
        rb"\n" + pattern(rb"[4-9]\d\d", b"%"),
        re.compile(rb"\n" + pattern(rb"([4-9]\d\d)", rb"(?=%|\Z)")),
        re.compile(pattern(rb"(\d{3})", rb"(?=%|\Z)")),
    )


def _before(column: int, sep: bytes, field: bytes, first: bytes) -> bytes:
    """The columns before the status (``column``), for one way of separating them."""
    return b"" if column == 0 else rb"(?:" + first + rb")" + sep + rb"(?:(?:" + field + rb")" + sep + rb"){%d}" % (column - 1)


@lru_cache(maxsize=64)
def _database(erring: bytes) -> Any:
    """A layout's Hyperscan database (None without Hyperscan): compiled once per machine (needles.compiled_database)."""
    return compiled_database([erring]) if engine_name() == "hyperscan" else None


def looks_w3c(head: Buffer) -> bool:
    """Whether an input (its first bytes) is a W3C extended log."""
    return bytes(head[:16]).startswith(DIRECTIVES)


def _fixed(before: bytes) -> Layout:
    """The layout of a log whose status stands after ``before`` (from a line's start), then a space."""
    erring = rb"\n" + before + rb"[4-9]\d\d "
    return Layout(erring, re.compile(rb"\n" + before + rb"([4-9]\d\d) "), re.compile(before + rb"(\d{3}) "))


# Logs with the status in a column that no header names, told by their first line: Squid's native
# access log, its status after its result code ("1576177221.686  1241 203.0.113.1 TCP_MISS/404 10309
# GET http://..."); IIS's lines in its default fields without their header block (cut off, or
# stripped by a collector: "2022-03-10 17:26:32 ::1 GET /favicon.ico - 80 - ::1 Mozilla/5.0+(...) -
# 404 0 2 49"), the status the twelfth column, after the referrer, then the sub-status and Win32 status.
# AWS's load balancers' access logs, their status before the request (no form an access line is read by): a
# Classic Load Balancer's ("2015-07-22T09:00:35.890581Z my-elb 106.66.99.116:37913 - -1 -1 -1 504 0 0 0 \"GET
# https://...\""), its load balancer's status after its three timers, then the back end's; an Application Load
# Balancer's the same after its type ("http 2020-06-05T07:27:53.050517Z app/test/71e8c05ca6c6aed2 ... - -1 -1 -1 503 -
# ..."). The load balancer's status is what the client got; "-" when it sent none (a request cut short).
_ELB_TIME = rb"(?:(?:https?|h2|grpcs|wss?) )?\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z?"  # (an ALB's type first)
_ELB_AFTER = rb" \S+ \S+ \S+ -?[\d.]+ -?[\d.]+ -?[\d.]+ (?:\d{3}|-) (?:\d{3}|-) -?\d+ -?\d+ \x22"
HEADERLESS = (
    (
        re.compile(rb"\d{9,10}\.\d{3} +\d+ \S+ [A-Z_]+/\d{3} \d+ [A-Z]+ \S"),
        _fixed(rb"\d{9,10}\.\d{3} +\d+ \S+ [A-Z_]+/"),
    ),
    (
        re.compile(rb"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \S+ [A-Z]+ /\S* \S+ \d+ \S+ \S+ \S+ \S+ \d{3} \d+ \d+ \d"),
        _fixed(rb"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d (?:\S+ ){9}"),
    ),
    (re.compile(_ELB_TIME + _ELB_AFTER), _fixed(_ELB_TIME + rb" (?:\S+ ){6}")),
)


def columns_of(head: Buffer | None) -> Columns:
    """How an input's statuses are read, told by its first bytes: a W3C log's by its headers, a
    log of a HEADERLESS kind's (one of its first four lines is one's) by its column, any other's
    as any log's (Columns(False)). A line of no such form in it is read as any log's."""
    if head is None:
        return Columns(False)
    if looks_w3c(head):
        return Columns(True)
    firsts = bytes(head[:4096]).split(b"\n", 4)[:4]
    return next((Columns(True, lay) for line, lay in HEADERLESS if any(map(line.match, firsts))), Columns(False))


def columns_at(f: Any, pos: int, key: object) -> Columns:
    """What a reader that starts at ``pos`` (a line start) of an open file needs to read its
    statuses as one reader from the start does: whether the file is a W3C log and, if so, the
    layout of the last ``#Fields:`` line before ``pos``, found by reading back BACK bytes at a
    time. By the file's ``key``, this process reads back only to where it looked before
    (a worker's ranges come in file order): a log with one header read back to it once."""
    f.seek(0)
    head = f.read(len(UTF8_BOM) + 16)
    first = len(UTF8_BOM) if head.startswith(UTF8_BOM) else 0
    if not looks_w3c(head[first:]):
        f.seek(first)
        return columns_of(f.read(4096))  # a HEADERLESS kind's, or any log's
    known = _GOVERNING.get(key)
    floor = max(first, known[0] - 1) if known is not None and known[0] <= pos else first
    at = _last_header(f, floor, pos)
    if at is None and floor == first:
        f.seek(first)
        at = first if pos > first and f.read(8).startswith(_FIELDS) else None
    elif at is None and known is not None:
        at = known[1]
    _GOVERNING.clear()  # one file at a time
    _GOVERNING[key] = (pos, at)
    if at is None:
        return Columns(True)
    f.seek(at)
    return Columns(True, layout(f.read(BACK).split(b"\n", 1)[0].rstrip(b"\r")))


_GOVERNING: dict[object, tuple[int, int | None]] = {}  # a file's key -> a position and where its governing header starts


def _last_header(f: Any, floor: int, pos: int) -> int | None:
    """Where the last ``#Fields:`` line that starts after ``floor`` and before ``pos`` starts."""
    end = pos - 1  # a newline before this one ends a line before pos's
    while end > floor:
        start = max(floor, end - BACK)
        f.seek(start)
        block = f.read(end - start + 8)  # a header may straddle the step
        n = max(block.rfind(b"\n" + name, 0, end - start + len(name)) for name in _FIELDS)  # its newline before end
        if n >= 0:
            return int(start + n + 1)
        end = start
    return None


class Columns:
    """A W3C input's headers as a reader meets them, and the statuses of its lines."""

    def __init__(self, w3c: bool, initial: Layout | None = None):
        self.w3c = w3c
        self.headers: list[tuple[int, Layout | None]] = [(-1, initial)]  # (stream offset of the line, its layout)

    def mark(self, buf: Buffer, begin: int, stop: int, final: bool, off: int, marks: Marks) -> Marks:
        """``marks`` of buf[begin:stop] (``off``: the stream offset of buf[0]) with the lines under a
        status column whose status is 400 or more added as needle lines that state an error, and
        ``statuses`` holding their status and that of the other needle lines under one; a
        directive line is no needle line."""
        end = stop if final and stop > marks.end else marks.end  # the last line, without its newline, at the input's end
        statuses: dict[int, int] = {}
        directives: set[int] = set()
        pos = begin
        while pos < end:
            if buf[pos] == 0x23:  # "#": a directive line
                le = buf.find(b"\n", pos, end) + 1 or end
                directives.add(le)
                if buf.startswith(_FIELDS, pos):
                    self._met(off + pos, layout(bytes(buf[pos:le]).rstrip(b"\r\n")))
                pos = le
                continue
            nxt = buf.find(b"\n#", pos, end) + 1 or end  # the next directive line's start
            self._segment(buf, pos, nxt, end, off, marks.lines, statuses)
            pos = nxt
        self._forget(off + begin)
        lines = marks.lines
        if directives.intersection(lines):
            lines[:] = [le for le in lines if le not in directives]
        erring = {le for le, s in statuses.items() if s >= 400}.difference(lines)
        if erring:
            marks.erring.update(erring)
            lines.extend(erring)
            lines.sort()
        return marks._replace(statuses=statuses)

    def _segment(self, buf: Buffer, seg: int, stop: int, end: int, off: int, lines: list[int], statuses: dict[int, int]) -> None:
        """The statuses of the lines in buf[seg:stop], under one layout: those of 400 or more, and
        those of the needle lines (``lines``)."""
        lay = self._at(off + seg)
        if lay is None:
            return
        if seg == 0 and (m := lay.status.match(buf, 0, stop)):  # no newline before the buffer's first line
            statuses[buf.find(b"\n", 0, end) + 1 or end] = int(m[m.lastindex or 1])
        base = max(seg - 1, 0)
        db = _database(lay.erring)
        if db is None:
            for m in lay.erring_re.finditer(buf, base, stop):
                statuses[buf.find(b"\n", m.end(m.lastindex or 1), end) + 1 or end] = int(m[m.lastindex or 1])
        else:

            def on_match(_id: int, _from: int, to: int, _flags: int, _context: object) -> None:
                at = base + to  # after the byte that ends the status
                statuses[at if buf[at - 1] == 0x0A else buf.find(b"\n", at - 1, end) + 1 or end] = int(buf[at - 4 : at - 1])

            with memoryview(buf) as view:
                db.scan(view[base:stop], match_event_handler=on_match)
            if stop == end and buf[end - 1] != 0x0A:  # the input's last line, with no byte after its status
                ls = buf.rfind(b"\n", seg, end) + 1 or seg
                if m := lay.status.match(buf, ls, end):
                    statuses[end] = int(m[m.lastindex or 1])
        for le in lines[bisect_left(lines, seg + 1) : bisect_left(lines, stop + 1)]:
            # a needle line under 400 (or with none): its status, if it has one
            if le not in statuses and (m := lay.status.match(buf, buf.rfind(b"\n", 0, le - 1) + 1, le)):
                statuses[le] = int(m[m.lastindex or 1])

    def _met(self, at: int, lay: Layout | None) -> None:
        if at > self.headers[-1][0]:
            self.headers.append((at, lay))

    def _at(self, at: int) -> Layout | None:
        """The layout of the last header line that starts before stream offset ``at``."""
        k = bisect_left(self.headers, at, key=lambda h: h[0]) - 1
        return self.headers[max(k, 0)][1]

    def _forget(self, at: int) -> None:
        """Forget the headers no reading will go back to (a record's head is sought less far back)."""
        k = bisect_left(self.headers, at - KEPT_BEHIND, key=lambda h: h[0]) - 1
        if k > 0:
            del self.headers[:k]

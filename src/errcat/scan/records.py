"""Log bytes -> candidate error records, without reading most of the log.

A log is mostly noise. One pass of a multi-literal engine (needles.py) finds the lines that carry
error evidence; only those lines, and the lines around them that belong to the same record, are
ever split, decoded or parsed. A record is one log entry: its head line plus the
lines that continue it: a pretty-printed JSON or XML body after a log prefix, an HTTP exchange
(status line, headers, body) or an indented stack trace. JSON-lines files, where every line is
a whole object, are one record per line.

Memory stays bounded whatever the input: a window of one chunk plus the record being assembled
(at most ``MAX_RECORD`` bytes) plus ``LOOKBACK`` bytes of context.
"""

from __future__ import annotations

import mmap
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from .needles import Buffer, Hits, hits_finder

Line = bytes | bytearray  # one line of a window (a slice of a mapped window is bytes)

MAX_LINE = 1 << 20  # a longer line is skipped (and reported), not read
MAX_RECORD = 1 << 20  # bytes of one multi-line record; longer ones are cut (and reported)
MAX_RECORD_LINES = 5000
LOOKBACK = 64 << 10  # how far back from an evidence line its record's head is looked for

_QUOTED = re.compile(rb'"(?:[^"\\\n]|\\.)*"')  # a JSON string on one line: brackets inside it do not count
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"{}[]")
_BODY_START = re.compile(rb'\{|^\s*\[|\[\s*(?:[{"]|$)')
_XML_ROOT = re.compile(rb"<([A-Za-z_][\w:.-]*)[^>]*?(/?)>")
_HEADER = re.compile(rb"^[A-Za-z][A-Za-z0-9-]*:[ \t]")
_STATUS_LINE = re.compile(rb"^HTTP/\d(?:\.\d)?[ \t]+\d{3}\b")
# Sets of first bytes, tested as `line[:1] in ...` (an empty line is in every one of them)
_CONTINUING_FIRST = b" \t}]{[<H\r\n"  # a line that may continue the one before it
_EXCHANGE_STARTS = b"HGPDO"  # first bytes of a status or request line
_REQUEST_LINE = re.compile(rb"^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \S+(?: HTTP/\d(?:\.\d)?)?\r?\n?$")


@dataclass(frozen=True)
class Record:
    """One log entry that carries error evidence: where it is and its raw bytes."""

    line: int  # first line, 1-based (relative to the start of the range being read)
    end_line: int
    data: bytes
    cut: bool = False  # longer than MAX_RECORD / MAX_RECORD_LINES: the rest was not read


@dataclass
class Skipped:
    """A part of the input that was not read, and why (reported with its line)."""

    line: int
    what: str


@dataclass
class _Entry:
    """Continuation state of a record being assembled, line by line."""

    depth: int = 0  # open JSON brackets
    body: bool = False  # a JSON or XML body has started
    xml_root: bytes | None = None  # the XML root element still open
    status: bool = False  # an HTTP status line was seen
    request: bool = False  # an HTTP request line was seen
    announces: bool = False  # the last line ends like "response body:", introducing what follows
    lines: int = 0
    size: int = 0

    def add(self, line: Line) -> None:
        self.lines += 1
        self.size += len(line)
        stripped = line.strip()
        self.announces = stripped.endswith((b":", b"=", b"->", b"=>"))
        if self.xml_root is not None:
            if b"</" + self.xml_root + b">" in line:
                self.xml_root = None
            return
        if self.depth == 0 and not self.body and (stripped.startswith(b"<") or b"<?xml" in line):
            self._xml(line)
            return
        if stripped[:1] in _EXCHANGE_STARTS:  # most lines (a body's) are neither, and say so by their first byte
            if _STATUS_LINE.match(stripped):
                self.status = True
                self.body = False  # a dumped exchange: the request's body is behind, the response's ahead
            elif _REQUEST_LINE.match(stripped):
                self.request = True
        start = 0
        if self.depth == 0:
            m = _BODY_START.search(line)
            if m is None:
                return
            start = m.start()
            self.body = True
        rest = line[start:] if start else line
        brackets = rest.translate(None, _NOT_BRACKETS)
        if brackets and b'"' in rest:  # only then can a string hide some of them
            brackets = _QUOTED.sub(b"", rest).translate(None, _NOT_BRACKETS)
        depth = self.depth
        for c in brackets:  # the brackets outside strings, in order
            depth = depth + 1 if c in (0x7B, 0x5B) else max(0, depth - 1)
        self.depth = depth

    def _xml(self, line: Line) -> None:
        for m in _XML_ROOT.finditer(line[line.find(b"<") :]):  # "<?xml ...?>" alone starts no body yet
            name = m.group(1)
            self.body = True
            if not m.group(2) and b"</" + name + b">" not in line:
                self.xml_root = name
            return

    def continued_by(self, line: Line) -> bool:
        """Whether ``line`` belongs to this record rather than starting the next one."""
        if self.lines >= MAX_RECORD_LINES or self.size >= MAX_RECORD:
            return False
        if self.depth > 0 or self.xml_root is not None:
            return True
        if not line.strip():  # the blank line between headers and body; in a dumped exchange, also
            return (self.status and not self.body) or (self.request and not self.status)  # before its response
        if self.request and not self.status and _STATUS_LINE.match(line):  # the response after a request's body
            return True
        first = line[:1]
        if first in (b" ", b"\t", b"}", b"]"):
            return True
        if self.body:
            return False
        if first in (b"{", b"["):  # a body after its log line, unless it is a JSON-lines record of its own
            return self.announces or self.status or self.request or not line.rstrip().endswith((b"}", b"]"))
        if first == b"<":
            return self.announces or self.status or self.request or line.startswith(b"<?xml")
        if _REQUEST_LINE.match(line):  # "failed:" then the request, its status, headers and body
            return self.announces or self.status or self.request
        if _STATUS_LINE.match(line):
            return True
        return (self.status or self.request) and bool(_HEADER.match(line))


def _continuation_like(line: Line) -> bool:
    """Whether a line could continue an earlier record (so the head is further back)."""
    first = line[:1]
    if not line.strip() or first in (b" ", b"\t", b"}", b"]", b'"', b"<"):
        return True
    if first in (b"{", b"["):
        return not line.rstrip().endswith((b"}", b"]"))  # a whole JSON line is a record of its own
    return bool(_STATUS_LINE.match(line) or _REQUEST_LINE.match(line) or _HEADER.match(line))


@dataclass
class _Window:
    """The part of the stream held in memory, and how far it has been counted, searched and used.

    One bytearray grown in place and trimmed from the front: a fresh bytes object per chunk costs
    more in page faults than reading the chunk (0.5 against 0.19 CPU-s per GB here). The last
    chunk, when the window is empty, is used as it is, so a worker's range, mapped or read whole,
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
    hits: Hits = field(default_factory=hits_finder)  # where the needles are (needles.py)
    skipped: list[Skipped] = field(default_factory=list)
    line_at_start: int = 1
    line_at_end: int = 1
    stopped_at: int = 1  # the line reading stopped in: the last, if cut, else the one after it

    def records(self, chunks: Iterable[Buffer]) -> Iterator[Record]:
        marks = {name: at for name, at in (("start", self.own_start), ("end", self.own_end)) if at is not None}
        w = _Window(marks)
        it = iter(chunks)
        upcoming = next(it, None)
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
            found: list[Record] = []
            done, resume = self._find(w, limit, eof, found)
            yield from found
            if not (done or eof):
                w.trim(resume if resume is not None else _line_start(w.buf, max(w.consumed, limit - LOOKBACK), limit))
        self._number_ends(w)

    def _find(self, w: _Window, limit: int, eof: bool, found: list[Record]) -> tuple[bool, int | None]:
        """Records of the window up to ``limit`` into ``found``; whether this range is done, and
        where to resume when a record runs past what has been read."""
        search_end = None if self.own_end is None else self.own_end + MAX_RECORD + LOOKBACK
        stop = limit if search_end is None else min(limit, max(0, search_end - w.off))
        done = search_end is not None and w.off + limit >= search_end
        hits = self.hits(w.buf, w.searched, stop)
        w.searched = max(w.searched, stop)
        for p in hits:
            if p < w.consumed:
                continue
            span = self._record_at(w, p, limit, eof)
            if isinstance(span, int):  # the record runs past what has been read: read more from its head
                w.searched = min(w.searched, span)
                return False, span
            if span is None:  # an over-long line, or a record another range owns
                continue
            start, end, cut = span
            if self.own_end is not None and w.off + start >= self.own_end:
                return True, None
            found.append(self._record(w, start, end, cut))
        return done, None

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
        head = _head(buf, ls, max(w.consumed, ls - LOOKBACK))
        found = _group(buf, head, ls, limit, eof)
        if found is None:
            return head
        w.consumed = found[1]
        return found if w.off + found[0] >= self.own_start else None

    def _record(self, w: _Window, start: int, end: int, cut: bool) -> Record:
        first = w.line_of(start)
        last = first + newlines(w.buf, start, end - 1)
        if cut:
            self.skipped.append(Skipped(first, _CUT))
        return Record(first, last, bytes(w.buf[start:end].rstrip(b"\r\n")), cut)

    def _number_ends(self, w: _Window) -> None:
        if self.own_end is None:
            end_line = self.stopped_at = w.line_of(len(w.buf))
            w.numbered["end"] = end_line + (1 if w.skipping or (w.buf and w.buf[-1:] != b"\n") else 0)
        else:
            w.line_of(min(len(w.buf), self.own_end - w.off))  # numbers the marks, not the bytes read past them
        self.line_at_start = w.numbered.get("start", 1)
        self.line_at_end = w.numbered.get("end", w.line_at)


def _newlines_in(buf: Buffer, start: int, end: int) -> int:
    if isinstance(buf, mmap.mmap):  # no count of its own: count a copy of the part
        return buf[start:end].count(b"\n")
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
        return int(count(memoryview(buf) if isinstance(buf, mmap.mmap) else buf, "\n", start, end))

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


def _head(buf: Buffer, ls: int, floor: int) -> int:
    """Where to start grouping lines so that the record holding the line at ``ls`` is found whole:
    the nearest earlier line that cannot be a continuation (or ``floor``)."""
    floor = _line_start(buf, floor, ls)
    pos = ls
    while pos > floor:
        prev = buf.rfind(b"\n", floor, pos - 1) + 1
        prev = max(prev, floor)
        line = buf[prev:pos]
        if not _continuation_like(line):
            return ls if pos == ls and _ends_before(line, buf[ls : ls + 1]) else prev
        pos = prev
    return pos


def _ends_before(prev: Line, first: Line) -> bool:
    """Whether a record starting at ``prev`` (a line that cannot continue another) surely ends
    before the next line, whose first byte is ``first``: grouping may then start at that next
    line, one line fewer for most records. The same tests Entry.continued_by makes, on what
    Entry.add would make of ``prev``: no body or XML can open in it, no exchange line, nothing
    announced; and the next line looks like no continuation."""
    return not (
        first in _CONTINUING_FIRST
        or prev[:1] in _EXCHANGE_STARTS
        or prev[:1].isspace()
        or b"<" in prev
        or _BODY_START.search(prev)
        or prev.strip().endswith((b":", b"=", b"->", b"=>"))
    )


def _group(buf: Buffer, head: int, target: int, limit: int, eof: bool) -> tuple[int, int, bool] | None:
    """The record (start, end, cut) holding the line that starts at ``target``, grouping lines from
    ``head``; None when it may continue past ``limit`` and more input is coming."""
    pos = head
    while True:
        start = pos
        entry = _Entry()
        while True:
            nl = buf.find(b"\n", pos, limit)
            end = limit if nl < 0 else nl + 1
            entry.add(buf[pos:end])
            pos = end
            if pos >= limit:
                if not eof and entry.lines < MAX_RECORD_LINES and entry.size < MAX_RECORD:
                    return None
                break
            nl = buf.find(b"\n", pos, limit)
            nxt = buf[pos : limit if nl < 0 else nl + 1]
            if not entry.continued_by(nxt):
                break
        if target < pos:
            cut = entry.lines >= MAX_RECORD_LINES or entry.size >= MAX_RECORD
            return start, pos, cut and (entry.depth > 0 or entry.xml_root is not None)

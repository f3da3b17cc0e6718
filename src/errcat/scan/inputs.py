"""Open what `errcat scan` is given: files, gzip files (by content, not name) and stdin, read in
chunks of bytes. What cannot be read is reported, never raised: a missing file, a binary file,
a gzip stream that ends early or is damaged."""

from __future__ import annotations

import codecs
import gzip
import io
import os
import stat
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from ..fs import is_kernel_log, is_kernel_log_fd, open_input
from ..gate import argument
from ..text import UTF8_BOM, WIDE, byte_kind, compression, docker_framed, text_before_binary

CHUNK = 4 << 20
SNIFF = 8192  # bytes looked at to tell text from binary
BINARY = "binary file (NUL or control bytes near its start), not a log"


def folder_problem(name: str) -> str:
    """What a folder given as an input is said to be: the glob that names its files (errcat reads the files it is
    given; a folder's files are the shell's, or fsspec's for a URL, to list). A URL's root keeps its slashes
    (``file:///*``, not ``file:/*``)."""
    base = name.rstrip("/")
    return f"not a file (a folder: name its files, as {name if base.endswith(':') and '://' in name else base + '/'}*)"


def sniffed(head: bytes, padded: bool = False) -> str:
    """What an input's first bytes say it is (text.byte_kind), a log whose start is NULs (``padded``: known of a file
    whose first bytes are all NULs, see _after_padding) read as the text after them: logrotate's copytruncate while the
    program writes on at its offset leaves the file's start a hole of NULs, and a crash pads its log so; read as a
    binary file, every line after them was lost. A file is read from its text (Input.start; its lines keep their
    numbers: NULs end no line)."""
    kind = byte_kind(head)
    if kind == "binary" and head[:1] == b"\x00" and (padded or ((rest := head.lstrip(b"\x00")) and byte_kind(rest) == "text")):
        return "text"
    return kind


PADDING_READ = 16 << 20  # NULs read past at a file's start (a hole is skipped where the system says where data starts)


def _after_padding(f: BinaryIO) -> int:
    """Where the text after a file's first NULs starts (0: no text within PADDING_READ of NULs, a hole aside). The
    scan reads from there: copytruncate leaves a hole as long as the log was, with no line end before the program's
    next line, and read through, a hole of 10 GB took minutes and its first line, past 1 MiB, was skipped whole."""
    try:
        at = os.lseek(f.fileno(), 0, os.SEEK_DATA)  # Linux, macOS: a sparse file's hole is not read
    except (OSError, AttributeError):  # no data at all, or a system without SEEK_DATA
        at = 0
    f.seek(at)
    for _ in range(PADDING_READ // SNIFF):
        block = f.read(SNIFF)
        if not block:
            return 0
        if rest := block.lstrip(b"\x00"):
            text = byte_kind(rest + f.read(SNIFF - len(rest))) == "text"
            return at + len(block) - len(rest) if text else 0
        at += len(block)
    return 0


def binary_from(at: int, inp: Input) -> str:
    """What is said of an input whose text ends at byte ``at`` (see text_before_binary)."""
    where = " (unpacked)" if inp.gzip else ""
    return f"binary data (NUL or control bytes) from byte {at:,}{where} on, not read; the text before it was scanned"


def _binary(head: bytes) -> str:
    """Why an input that is no text is skipped: a compressed format scan does not read is named."""
    if head.startswith(b"\x1f\x8b"):  # a gzip file is read unpacked: this is one inside it (a .gz.gz)
        return "gzip inside gzip (one layer is read): unpack it, zcat FILE | zcat | errcat scan -"
    packed = compression(head)
    return f"{packed[0]}-compressed (only gzip is read): unpack it, {packed[1]} FILE | errcat scan -" if packed else BINARY


KERNEL_LOG = "the kernel's log never ends (and reading /proc/kmsg takes its messages from syslog): dmesg | errcat scan -"

SHRANK = "the file shrank while it was read (truncated or rotated?); the rest was not read"


@dataclass
class Input:
    """One input: its name as shown to the user, and what went wrong reading it (if anything)."""

    name: str  # the path, or "stdin"
    path: str | None  # None for stdin; a URL on a cluster (remote.py)
    size: int | None = None  # bytes on disk, when known
    problem: str | None = None  # why the input was not read at all
    broken: str | None = None  # why reading stopped early
    gzip: bool = False
    utf16: bool = False  # starts with a UTF-16 or UTF-32 byte-order mark: read whole, transcoded
    framed: bool = False  # Docker's multiplexed log stream: read whole, its frames' payloads joined
    cr_lines: bool = False  # lines end in a lone CR (see cr_only): read whole, each CR a line end
    padded: bool = False  # a file whose first bytes are all NULs, text after them (see sniffed)
    start: int = 0  # where a padded file's text starts: it is read from there (_after_padding)
    text_end: int = 0  # where binary data follows its first lines of text (text_before_binary): read whole, to there
    read: int = 0  # bytes read from disk or stdin (compressed bytes for gzip)
    unpacked: int = 0  # bytes a gzip input decompressed to (what its lines hold)

    @property
    def splittable(self) -> bool:
        """Whether workers may read separate ranges of it: a plain file on disk, in a byte-wise
        encoding (a range of a UTF-16 file read raw would hold no needle)."""
        whole = self.gzip or self.utf16 or self.framed or self.cr_lines or self.text_end
        return self.path is not None and not whole and self.problem is None


def cr_only(head: bytes) -> bool:
    """Whether a text's lines end in a lone CR, none in LF: classic Mac OS's line end, which some tools
    still write (Excel's "CSV (Macintosh)", a terminal's progress lines saved). Read as one line, a log
    of them was one record (its errors counted once), or skipped whole past 1 MiB."""
    return b"\r" in head and b"\n" not in head


def _stdin_key() -> tuple[int, int] | None:
    """What stdin is, as (device, inode): a file given by name may be it (``/dev/stdin``, or the file
    redirected in, ``scan - app.log < app.log``)."""
    try:
        st = os.fstat(0)
    except OSError:  # closed
        return None
    return st.st_dev, st.st_ino


def inputs(names: list[str]) -> list[Input]:
    """The inputs for the names given (``-`` is stdin), checked for existence, not yet read. A file
    named again (the same path twice, a link to it, ``-`` twice, or the file stdin is) is read once:
    its errors are not counted twice."""
    out = []
    first: dict[tuple[int, int], str] = {}  # each input's (device, inode): the name it was first given as
    stdin = _stdin_key() or (-1, -1)
    for name in names:
        if name == "-" and is_kernel_log_fd(0):
            out.append(Input("stdin", None, problem=KERNEL_LOG))
            continue
        if name == "-":
            again = first.get(stdin)
            out.append(Input("stdin", None, problem=None if again is None else f"the same input as {argument(again)}, read once"))
            first.setdefault(stdin, "stdin")
            continue
        try:
            st = os.stat(name)
        except OSError as exc:  # a log line given for a file name is not echoed whole
            out.append(Input(argument(name), name, problem=f"cannot read: {exc.strerror or exc}"))
            continue
        key = (st.st_dev, st.st_ino)
        if (again := first.get(key)) is not None and (stat.S_ISREG(st.st_mode) or key == stdin):
            out.append(
                Input(
                    argument(name),
                    name,
                    problem=f"the same {'file' if again != 'stdin' else 'input'} as {argument(again)}, read once",
                )
            )
            continue
        if key == stdin and not stat.S_ISREG(st.st_mode):  # /dev/stdin: a pipe, a socket (not opened by name), a terminal
            first[key] = name
            out.append(Input(argument(name), None))
            continue
        if is_kernel_log(name):
            out.append(Input(argument(name), name, problem=KERNEL_LOG))
            continue
        if not os.path.isfile(name) and not (stat.S_ISFIFO(st.st_mode) or stat.S_ISCHR(st.st_mode)):  # a pipe, a terminal: read
            problem = "not a file (a socket or folder)" if stat.S_ISSOCK(st.st_mode) else "not a file"
            out.append(
                Input(argument(name), name, problem=folder_problem(argument(name)) if stat.S_ISDIR(st.st_mode) else problem)
            )
            continue
        first[(st.st_dev, st.st_ino)] = name
        inp = Input(name, name, size=st.st_size if os.path.isfile(name) else None)
        if inp.size is None:  # a pipe: what is read here would be lost to the scan; chunks() sniffs it
            out.append(inp)
            continue
        try:
            with open(name, "rb") as f:
                head = f.read(SNIFF)
                inp.start = _after_padding(f) if head and not head.strip(b"\x00") else 0
                inp.padded = inp.start > 0
            kind = sniffed(head, inp.padded)
            inp.gzip = kind == "gzip"
            inp.utf16 = kind in WIDE
            inp.framed = kind == "binary" and docker_framed(head)
            inp.cr_lines = cr_only(head)
            inp.text_end = text_before_binary(head) if kind == "binary" and not inp.framed else 0
            if kind == "binary" and not inp.framed and not inp.text_end:
                inp.problem = _binary(head)
        except OSError as exc:
            inp.problem = f"cannot read: {exc.strerror or exc}"
        out.append(inp)
    return out


_RANGE = bytearray()  # this process's buffer for read_range: fresh memory per range cost more in page faults than the read


def read_range(inp: Input, start: int, stop: int, path: str | None = None) -> bytearray:
    """The bytes [start, stop) of a plain file (read at ``path``, else the input's), in this process's buffer
    (overwritten by the next call). A file that fails or shrinks under us is marked on ``inp``, not raised:
    what was read is returned."""
    want = max(0, stop - start)
    del _RANGE[want:]
    _RANGE.extend(bytes(want - len(_RANGE)))
    got = 0
    try:
        with open(path or inp.path or "", "rb", buffering=0) as f, memoryview(_RANGE) as view:
            f.seek(start)
            while got < want and (n := f.readinto(view[got:])):
                got += n
    except OSError as exc:
        inp.broken = f"read failed ({exc.strerror or exc}); the rest was not read"
    if got < want:
        del _RANGE[got:]
        inp.broken = inp.broken or SHRANK
    return _RANGE


class _Counting(io.RawIOBase):
    """Counts the bytes read through it (progress of a compressed file is its compressed bytes)."""

    def __init__(self, raw: BinaryIO, inp: Input):
        self.raw, self.inp = raw, inp
        # one read(2) a call: a buffered readinto loops in C until its buffer is full, and a Ctrl-C that came between
        # two reads of a pipe then waited in the next read for bytes that never came (Python sees a signal on EINTR
        # alone): `errcat scan -` of an idle pipe ignored Ctrl-C one time in two
        self._readinto = getattr(raw, "readinto1", None) or raw.readinto  # type: ignore[attr-defined]

    def readable(self) -> bool:
        return True

    def readinto(self, b: bytearray | memoryview) -> int:  # type: ignore[override]
        if self.inp.size is not None:  # a file is read as it was when the scan began, as the parallel path reads it:
            b = memoryview(b)[: max(0, self.inp.size - self.inp.read)]  # a log written as fast as it was read never ended
        n = self._readinto(b)
        self.inp.read += n or 0
        return n or 0


def chunks(inp: Input) -> Iterator[bytes]:
    """The input's bytes in chunks (decompressed, UTF-16 and UTF-32 transcoded to UTF-8). Problems are
    recorded on ``inp``, not raised (workers read ranges of a big file with read_range)."""
    if inp.path is None and sys.stdin.isatty():  # a paste: read to its end, one Ctrl-D (as explain)
        data = sys.stdin.buffer.read()
        inp.read += len(data)
        yield from [data] if data else []
        return
    try:
        raw: BinaryIO = sys.stdin.buffer if inp.path is None else open_input(inp.path)
        if inp.start:
            inp.read = raw.seek(inp.start)
    except OSError as exc:
        inp.problem = f"cannot read: {exc.strerror or exc}"
        return
    try:
        yield from _decoded(raw, inp)
    except OSError as exc:
        inp.broken = f"read failed ({exc.strerror or exc}); the rest was not read"
    finally:
        if raw is not sys.stdin.buffer:
            raw.close()


def _decoded(raw: BinaryIO, inp: Input) -> Iterator[bytes]:
    """Chunks of an open input (a local file, stdin, or one a cluster's worker opened): gzip recognised by
    content, a byte-order mark honoured, a lone CR that ends every line read as a line end."""
    for data in _unpacked(raw, inp):
        yield data.replace(b"\r", b"\n") if inp.cr_lines else data


def _unpacked(raw: BinaryIO, inp: Input) -> Iterator[bytes]:
    """Chunks of an open input: gzip recognised by content, a byte-order mark honoured."""
    counted = io.BufferedReader(_Counting(raw, inp), CHUNK)
    stream: BinaryIO = counted
    head = counted.peek(SNIFF)[:SNIFF]
    if byte_kind(head) == "gzip":
        inp.gzip = True
        if not _header_ends(counted.peek(CHUNK)):
            inp.problem = f"cannot read: {LONG_HEADER}"
            return
        stream = gzip.GzipFile(fileobj=counted, mode="rb")  # type: ignore[assignment]
        try:
            head = stream.peek(SNIFF)[:SNIFF]  # type: ignore[attr-defined]
        except _GZIP_ERRORS as exc:  # damaged within its first bytes: nothing to read
            inp.problem = f"cannot read: {_gzip_failure(exc)}"
            return
    if head[:1] == b"\x00" and not head.strip(b"\x00"):  # a pipe's NULs: what it has buffered past them (a gzip stream: none)
        rest = stream.peek(CHUNK)[:CHUNK].lstrip(b"\x00")[:SNIFF]  # type: ignore[attr-defined]
        inp.padded = inp.padded or (bool(rest) and byte_kind(rest) == "text")
    kind = sniffed(head, inp.padded)
    inp.cr_lines = cr_only(head)  # a pipe's too (not sniffed before); a UTF-16 CR is one byte of 0d 00
    if kind in WIDE:
        yield from _transcoded(_read_through(stream, inp), kind)
    elif kind == "binary" and docker_framed(head):
        inp.framed = True
        yield from _unframed(stream, inp)
    elif kind != "text" and (end := text_before_binary(head)):
        yield stream.read(end)
        inp.unpacked += end if inp.gzip else 0
        inp.broken = binary_from(inp.start + end, inp)
        return
    elif kind != "text":  # NUL bytes, or a gzip stream inside the gzip stream
        inp.problem = _binary(head)
        return
    else:
        if head.startswith(UTF8_BOM):
            stream.read(len(UTF8_BOM))
        yield from _read_through(stream, inp)
    if not inp.gzip and inp.size is not None and inp.read < inp.size:  # as the parallel path says it
        inp.broken = inp.broken or SHRANK


def _read_through(stream: BinaryIO, inp: Input) -> Iterator[bytes]:
    """The stream's chunks (_kept_chunks: what came before a failure first), a gzip stream's bytes counted as
    unpacked; a gzip stream that ends early or is damaged is said so, not raised (its lines before were read)."""
    try:
        for data in _kept_chunks(stream):
            inp.unpacked += len(data) if inp.gzip else 0
            yield data
    except Exception as exc:
        _said_or_raised(exc, inp)


def _said_or_raised(exc: Exception, inp: Input) -> None:
    """A gzip stream's failure recorded as where reading stopped; any other (a file's own read failure, an
    http body stalled) raised again for the caller to say."""
    if not (inp.gzip and isinstance(exc, _GZIP_ERRORS)):
        raise exc
    inp.broken = f"{_gzip_failure(exc)}; the rest was not read"


def _kept_chunks(stream: BinaryIO) -> Iterator[bytes]:
    """The stream's chunks of CHUNK bytes, and what came before a read failed, then the failure: a buffered
    read(CHUNK) that fails drops what it had (an http(s) body that stalled after its first lines lost them)."""
    while True:
        parts: list[bytes] = []
        got, failed = 0, None
        try:
            while got < CHUNK and (part := stream.read1(CHUNK - got)):  # type: ignore[attr-defined]
                parts.append(part)
                got += len(part)
        except Exception as exc:  # the caller says it: read failed, the rest was not read
            failed = exc
        if parts:
            yield b"".join(parts)  # (one part, a file's usual read: no copy)
        if failed is not None:
            raise failed
        if got < CHUNK:
            return


def _unframed(stream: BinaryIO, inp: Input) -> Iterator[bytes]:
    """The payloads of Docker's multiplexed log stream (text.docker_framed), joined in chunks: its
    frame headers made a container's saved log "binary", none of its errors counted. What was joined
    when a read failed (a gzip stream cut) comes first, then the failure."""
    parts: list[bytes] = []
    size = 0
    failed: Exception | None = None
    try:
        for payload in _payloads(stream, inp):
            parts.append(payload)
            size += len(payload)
            if size >= CHUNK:
                yield b"".join(parts)
                parts, size = [], 0
    except Exception as exc:  # said below, after what came before it
        failed = exc
    if parts:
        yield b"".join(parts)
    if failed is not None:
        _said_or_raised(failed, inp)


def _payloads(stream: BinaryIO, inp: Input) -> Iterator[bytes]:
    """Each frame's payload, a part at a time. A header that does not read as one (the stream cut or
    damaged) ends the reading, said so."""
    at = 0
    while header := stream.read(8):
        length = int.from_bytes(header[4:8], "big")
        if len(header) < 8 or header[0] > 2 or header[1:4] != b"\x00\x00\x00":
            inp.broken = f"Docker log stream damaged at byte {at} (no frame header); the rest was not read"
            return
        at += 8
        while length and (payload := stream.read(min(length, CHUNK))):  # a frame's length is never trusted with memory
            yield payload
            at += len(payload)
            length -= len(payload)
        if length:
            inp.broken = f"Docker log stream ends inside a frame (byte {at}); the rest was not read"
            return


LONG_HEADER = "gzip header whose file name or comment runs past its first 64 KiB (damaged, or not written by gzip)"
_NAMED = 64 << 10  # gzip writes the file's base name; a name without its end was read a byte a time, 1 MB a second


def _header_ends(start: bytes) -> bool:
    """Whether a gzip stream's first header, in ``start`` (what is buffered of it), ends its file name and comment
    within _NAMED bytes: gzip.GzipFile reads them a byte at a time, so a header of 20 MB without a NUL held the scan
    21 s before its first line. A header longer than what is buffered (a slow pipe) is let through."""
    flags = start[3] if len(start) > 3 else 0
    at = 10
    if flags & 4 and len(start) >= 12:  # FEXTRA: its length first (at most 64 KiB)
        at += 2 + int.from_bytes(start[10:12], "little")
    for flag in (8, 16):  # FNAME, FCOMMENT: each ends in a NUL
        if flags & flag:
            end = start.find(b"\x00", at, at + _NAMED)
            if end < 0:
                return len(start) < at + _NAMED
            at = end + 1
    return True


_GZIP_ERRORS = (EOFError, gzip.BadGzipFile, zlib.error, OSError)


def _gzip_failure(exc: BaseException) -> str:
    return f"gzip stream {'ends early' if isinstance(exc, EOFError) else 'damaged'} ({exc})"


def _transcoded(chunks: Iterator[bytes], encoding: str) -> Iterator[bytes]:
    """A UTF-16 or UTF-32 stream's chunks (its byte-order mark first) as UTF-8 chunks: each as it came, so a
    read that fails midway (a gzip stream cut, an http body stalled) loses none of what came before."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    for data in chunks:
        yield decoder.decode(data).encode("utf-8")
    tail = decoder.decode(b"", final=True)
    if tail:
        yield tail.encode("utf-8")

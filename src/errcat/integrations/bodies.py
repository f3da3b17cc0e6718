"""A response's body as text, read no further than explain reads a paste.

An error body can be huge, endless (a stream that never ends) or a gzip bomb (300 KB on the wire,
300 MB once decoded), and a hook runs before the client has read any of it. So a body not read yet
is read here to ``LIMIT`` decoded bytes (explain's 2 MiB and one byte, so the cut is noted), and
kept as the response's body, as the client would have kept the whole of it: the client and the
code after the hook see those bytes (a body over 2 MiB is cut). A body the client cannot decode
(a broken gzip stream) or that breaks while read is explained as far as it was read.

Text is decoded with the charset the response declares, else as the UTF-16 or UTF-32 its first bytes
show, else as UTF-8 (JSON's encoding, and what vendors send): not with requests' guess for ``text/*``
without a charset (ISO-8859-1) or its detection over the whole body.
"""

from __future__ import annotations

import codecs
import contextlib
import importlib
import io
import time
import zlib
from collections.abc import AsyncIterator, Callable, Iterator
from email.message import Message
from typing import Any

from ..explainer.split import MAX_INPUT_BYTES

LIMIT = MAX_INPUT_BYTES + 1
CHUNK = 64 * 1024
# encoded bytes read for a body at most: no coding makes LIMIT bytes much longer, and an endless stream that decodes
# to nothing more (gzip members after the first, which zlib leaves unread) held a hook for ever
RAW_LIMIT = 2 * LIMIT
# seconds a hook reads a body at most: a stream that trickles a byte at a time never reaches the caps above, and no
# client's read time-out fires while bytes come, so a hook on a response the caller streamed (stream=True) held it
# for ever; what came by then is explained and kept, and the connection closed
BODY_SECONDS = 30.0


class StillArriving(Exception):
    """A body still coming after BODY_SECONDS: read no further (broke says so)."""


def in_time(deadline: float) -> None:
    """Raise StillArriving once ``deadline`` (time.monotonic) has passed."""
    if time.monotonic() > deadline:
        raise StillArriving


def _kept(chunks: list[bytes]) -> bytes:
    return b"".join(chunks)[:LIMIT]


def broke(response: Any, size: int, error: BaseException) -> None:
    """Note on the response that its body broke off after ``size`` bytes (explain_response says so):
    the bytes that came are explained, not dropped, and not taken for the whole body."""
    kind = type(error).__name__
    kind = f"{type(error).__module__} {kind}" if kind == "error" else kind  # zlib's is called "error"
    said = f"the body could not be read past its first {size:,} bytes ({kind}); only those were explained"
    if isinstance(error, StillArriving):
        said = f"the body was still arriving after {BODY_SECONDS:g} s; only its first {size:,} bytes were explained"
    with contextlib.suppress(AttributeError):  # a read-only response: the body is still explained
        response._errcat_broken = said


class _Replayed(io.RawIOBase):
    """A file-like body's bytes read for the explanation, then the rest of it from where that read stopped."""

    def __init__(self, head: bytes, rest: Any) -> None:
        super().__init__()
        self._head, self._rest = io.BytesIO(head), rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        count = self._head.readinto(buffer)
        if count or self._rest is None:
            return count
        data = self._rest.read(len(buffer)) or b""
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        with contextlib.suppress(Exception):
            if self._rest is not None:
                self._rest.close()
        super().close()


def put_back(response: Any, head: bytes) -> None:
    """Give a urllib ``HTTPError`` (a file whose reads go to ``fp``) the bytes explain read from it: the
    application's own ``error.read()`` after a log line or a Sentry event explained it got ``b""``."""
    state = getattr(response, "__dict__", None)
    if not isinstance(state, dict) or "fp" not in state or "file" not in state:  # not urllib's response wrapper
        return
    replayed = io.BufferedReader(_Replayed(head, state["fp"]))
    for name in ("read", "read1", "readline", "readlines", "readinto", "peek"):  # reads bound to the old file
        state.pop(name, None)
    state["fp"] = state["file"] = replayed


def _requests_chunks(response: Any) -> Iterator[bytes]:
    """A requests body, decoded, in the chunks it arrives in: urllib3's ``read(amt)`` waits for a
    whole chunk and, when the connection ends or times out first, raises and drops what it had read
    (a 31-byte error body under a longer Content-Length came out empty); ``read1`` returns what came."""
    raw = getattr(response, "raw", None)
    try:
        from urllib3.response import BaseHTTPResponse
    except ImportError:  # requests without urllib3 2
        BaseHTTPResponse = ()  # type: ignore[assignment,misc]
    if not (isinstance(raw, BaseHTTPResponse) and callable(getattr(raw, "read1", None))):
        yield from response.iter_content(CHUNK)
        return
    while chunk := raw.read1(CHUNK, decode_content=True):
        yield chunk


def read_requests(response: Any) -> None:
    """A ``requests.Response`` whose body is not read yet: read to LIMIT and kept as its content."""
    if getattr(response, "_content", None) is not False or getattr(response, "_content_consumed", True):
        return  # read already (by the client, the user, or us): nothing left to bound
    chunks, size, deadline = [], 0, time.monotonic() + BODY_SECONDS
    try:
        for chunk in _requests_chunks(response):
            chunks.append(chunk)
            size += len(chunk)
            if size >= LIMIT:
                response.raw.close()  # the rest is never read: the connection is not reused
                break
            in_time(deadline)
    except Exception as exc:  # requests' ContentDecodingError, ChunkedEncodingError, ConnectionError: as far as read
        broke(response, size, exc)
        if isinstance(exc, StillArriving):
            response.raw.close()
    response._content = _kept(chunks)
    response._content_consumed = True


# the codings decoded here; deflate is zlib-wrapped, as the RFC says, or a raw stream (_Deflate)
_UNPACK = {"gzip": zlib.MAX_WBITS | 16, "x-gzip": zlib.MAX_WBITS | 16, "deflate": zlib.MAX_WBITS}


class _Deflate:
    """A deflate decoder with zlib's bounded interface that reads a raw deflate stream too: some servers send
    one under that name, and httpx and urllib3 read it (a zlib stream whose two-byte header fails its check is
    read again as raw deflate), so a hook that could not read it emptied a body the client would have kept."""

    def __init__(self) -> None:
        self._decoder = zlib.decompressobj(zlib.MAX_WBITS)
        self._early = b""  # the stream's first two bytes, which decide, as they come
        self.unconsumed_tail = b""

    def decompress(self, data: bytes, max_length: int) -> bytes:
        earlier = self._early
        deciding = len(earlier) < 2
        self._early = (earlier + data)[:2]
        try:
            out = self._decoder.decompress(data, max_length)
        except zlib.error:
            if not deciding:
                raise
            self._decoder = zlib.decompressobj(-zlib.MAX_WBITS)
            out = self._decoder.decompress(earlier + data, max_length)
        self.unconsumed_tail = self._decoder.unconsumed_tail
        return out


class _Brotli:
    """A brotli decoder (the ``brotli`` package, 1.2 or later) with zlib's bounded interface: at most
    ``max_length`` bytes out per call (809 bytes of br hold 512 MiB), the input it could not take kept."""

    def __init__(self, brotli: Any) -> None:
        self._decoder = brotli.Decompressor()
        self.unconsumed_tail = b""

    def decompress(self, data: bytes, max_length: int) -> bytes:
        if self._decoder.can_accept_more_data():  # takes the input whole, gives up to the limit
            self.unconsumed_tail = b""
            return bytes(self._decoder.process(data, output_buffer_limit=max_length))
        self.unconsumed_tail = data  # output is still waiting: the input is given again later
        return bytes(self._decoder.process(b"", output_buffer_limit=max_length))


class _Zstd:
    """A zstd decoder (the ``zstandard`` package) with zlib's bounded interface. Its decoder gives all
    that the input holds, so the input goes in SLICE bytes at a time: a zstd block holds 128 KiB at
    most and takes 4 bytes at least, so each slice gives 2 MiB at most. Frames may follow each other."""

    SLICE = 64

    def __init__(self, zstandard: Any) -> None:
        self._zstandard = zstandard
        self._decoder = zstandard.ZstdDecompressor().decompressobj()
        self.unconsumed_tail = b""
        self._frames = 0  # frames read whole
        self._garbage = False  # what followed them was no frame

    def decompress(self, data: bytes, max_length: int) -> bytes:
        out: list[bytes] = []
        size = at = 0
        while at < len(data) and size < max_length and not self._garbage:
            try:
                part = self._decoder.decompress(data[at : at + self.SLICE])
            except self._zstandard.ZstdError:
                if not self._frames:
                    raise
                self._garbage = True  # bytes after a whole frame that are no frame: dropped, as zlib drops them after gzip
                break
            at += self.SLICE
            if self._decoder.eof:  # a frame ended: the next one starts in what it left unread
                data, at = self._decoder.unused_data + data[at:], 0
                self._decoder = self._zstandard.ZstdDecompressor().decompressobj()
                self._frames += 1
            out.append(part)
            size += len(part)
        self.unconsumed_tail = b"" if self._garbage else data[at:]
        return b"".join(out)


def _optional_decoders() -> tuple[dict[str, Callable[[], Any]], tuple[type[BaseException], ...]]:
    """The br and zstd decoders whose output can be bounded, when their packages are installed (errcat
    needs neither: a body in a coding not here is left to the client's own decoder), and their errors."""
    made: dict[str, Callable[[], Any]] = {}
    errors: list[type[BaseException]] = [zlib.error]
    with contextlib.suppress(ImportError):
        brotli = importlib.import_module("brotli")  # by name: neither package is a dependency, typed or not
        if hasattr(brotli.Decompressor(), "can_accept_more_data"):  # 1.2: process() takes a limit
            made["br"] = lambda: _Brotli(brotli)
            errors.append(brotli.error)
    with contextlib.suppress(ImportError):
        zstandard = importlib.import_module("zstandard")
        made["zstd"] = lambda: _Zstd(zstandard)
        errors.append(zstandard.ZstdError)
    return made, tuple(errors)


_BOUNDED, _DECODE_ERRORS = _optional_decoders()


def _layer(coding: str) -> Any:
    """A decoder of one content coding with zlib's ``decompress(data, max_length)`` and ``unconsumed_tail``."""
    if coding == "deflate":
        return _Deflate()
    return zlib.decompressobj(_UNPACK[coding]) if coding in _UNPACK else _BOUNDED[coding]()


class _Decoded:
    """An httpx body decoded to LIMIT bytes at most. httpx decodes each chunk read from the network
    whole (one 64 KB chunk of a gzip bomb is 64 MB; 7 KB of ``Content-Encoding: gzip, gzip`` was
    4 GB), so gzip and deflate, one or layered, are decoded here with a bound, and so are br and zstd
    when their packages are installed; another encoding is left to httpx's own decoder."""

    def __init__(self, headers: Any) -> None:
        codings = [c.strip().lower() for c in str(headers.get("content-encoding", "")).split(",")]
        codings = [c for c in codings if c not in ("", "identity")]
        self.raw = all(c in _UNPACK or c in _BOUNDED for c in codings)
        # the coding listed last was applied last: it is undone first
        self.layers = [_layer(c) for c in reversed(codings)] if self.raw else []
        self.chunks: list[bytes] = []
        self.size = 0
        self.read = 0  # encoded bytes read

    def add(self, chunk: bytes) -> bool:
        """Keep ``chunk`` (decoded, to the cap); whether the cap is reached, or RAW_LIMIT of encoded bytes read."""
        if self.layers:
            self.read += len(chunk)
            chunk = _undone(self.layers, chunk, LIMIT - self.size)
        self.chunks.append(chunk)
        self.size += len(chunk)
        return self.size >= LIMIT or self.read >= RAW_LIMIT

    def content(self) -> bytes:
        return _kept(self.chunks)


def _undone(layers: list[Any], data: bytes, room: int) -> bytes:
    """``data`` decoded through each layer in turn, at most ``room`` bytes of it: a layer inside
    another is handed CHUNK bytes at a time, so no layer ever holds more than that of the next."""
    layer, inner = layers[0], layers[1:]
    out: list[bytes] = []
    size = 0
    while size < room:
        part = layer.decompress(data, CHUNK if inner else room - size)
        data = layer.unconsumed_tail
        if not part:
            break
        part = _undone(inner, part, room - size) if inner else part
        out.append(part)
        size += len(part)
    return b"".join(out)


def unpacked(response: Any, raw: bytes, headers: Any) -> bytes:
    """The body urllib (http.client) read as sent, its Content-Encoding undone to LIMIT: urllib decodes none,
    so a caller that asks for gzip gets it packed, and its error body was explained as binary noise. A coding
    errcat does not decode leaves the bytes as they are; one that breaks is kept as far as it decoded."""
    import http.client
    import urllib.error

    if not isinstance(response, urllib.error.HTTPError | http.client.HTTPResponse):
        return raw  # another client's body: decoded already, whatever its headers still say
    body = _Decoded(headers)
    if not body.layers:
        return raw
    try:
        body.add(raw)
    except _DECODE_ERRORS as exc:
        broke(response, body.size, exc)
    return body.content()


def _unread_httpx(response: Any, *, sync: bool) -> bool:
    """Whether the body is there to read: not read already, and its stream of this kind (an
    AsyncClient's response met in sync code is left unread, as it was)."""
    if hasattr(response, "_content") or getattr(response, "is_stream_consumed", True):
        return False
    return hasattr(getattr(response, "stream", None), "__iter__" if sync else "__aiter__")


def read_httpx(response: Any) -> None:
    """An ``httpx.Response`` whose body is not read yet: read to LIMIT and kept as its content."""
    if not _unread_httpx(response, sync=True):
        return
    body, deadline = _Decoded(response.headers), time.monotonic() + BODY_SECONDS
    try:  # chunks as they arrive: httpx holds back a short last one when the connection then fails
        for chunk in response.iter_raw() if body.raw else response.iter_bytes():
            if body.add(chunk):
                break
            in_time(deadline)
    except Exception as exc:  # zlib's error, httpx's DecodingError, ReadError, RemoteProtocolError: as far as read
        broke(response, body.size, exc)
    finally:
        response.close()
    response._content = body.content()


async def aread_httpx(response: Any) -> None:
    """read_httpx for a response of ``httpx.AsyncClient``."""
    if not _unread_httpx(response, sync=False):
        return
    body, deadline = _Decoded(response.headers), time.monotonic() + BODY_SECONDS
    try:
        async for chunk in response.aiter_raw() if body.raw else response.aiter_bytes():
            if body.add(chunk):
                break
            in_time(deadline)
    except Exception as exc:  # as in read_httpx
        broke(response, body.size, exc)
    finally:
        await response.aclose()
    response._content = body.content()


class _Replay:
    """An httpcore stream whose first chunks errcat has read: iterated, it gives those chunks, then the
    rest from the same iterator (or the error the read met there); closing it closes the original."""

    def __init__(self, source: Any, read: list[bytes], rest: Any, error: BaseException | None) -> None:
        self._source, self._read, self._rest, self._error = source, read, rest, error

    def __iter__(self) -> Iterator[bytes]:
        yield from self._read
        if self._error is not None:
            raise self._error
        yield from self._rest

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self._read:
            yield chunk
        if self._error is not None:
            raise self._error
        async for chunk in self._rest:
            yield chunk

    def close(self) -> None:
        if hasattr(self._rest, "close"):  # the generator left mid-body: closed now, not by the collector
            self._rest.close()
        if hasattr(self._source, "close"):
            self._source.close()

    async def aclose(self) -> None:
        if hasattr(self._rest, "aclose"):
            await self._rest.aclose()
        if hasattr(self._source, "aclose"):
            await self._source.aclose()


def _peekable(stream: Any, headers: Any, kind: str) -> Any:
    """The httpcore stream inside httpx's transport stream (``ResponseStream``), when errcat can read
    its start and hand it back whole: a body of an encoding errcat decodes, and no event stream."""
    source = getattr(stream, "_httpcore_stream", None)
    if source is None or not hasattr(source, kind):
        return None
    if str(headers.get("content-type", "")).strip().lower().startswith("text/event-stream"):
        return None  # a stream of events: its first one may be long in coming
    return source if _Decoded(headers).raw else None


def peek_transport(stream: Any, headers: Any) -> bytes:
    """The start of the body (decoded, to LIMIT) of an httpx transport's response that the client has
    not read yet (what OpenTelemetry's httpx instrumentation hands its hook), read from the network
    and put back: the client then reads the same bytes, the rest and any error as it would have."""
    source = _peekable(stream, headers, "__iter__")
    if source is None:
        return b""
    body, read, rest, error = _Decoded(headers), [], iter(source), None
    try:
        for chunk in rest:
            read.append(chunk)
            if _added(body, chunk):
                break
    except Exception as exc:  # a broken connection: the client meets it where it would have
        error = exc
    stream._httpcore_stream = _Replay(source, read, rest, error)
    return body.content()


async def apeek_transport(stream: Any, headers: Any) -> bytes:
    """peek_transport for an httpx ``AsyncClient``'s transport."""
    source = _peekable(stream, headers, "__aiter__")
    if source is None:
        return b""
    body, read, rest, error = _Decoded(headers), [], source.__aiter__(), None
    try:
        async for chunk in rest:
            read.append(chunk)
            if _added(body, chunk):
                break
    except Exception as exc:  # as in peek_transport
        error = exc
    stream._httpcore_stream = _Replay(source, read, rest, error)
    return body.content()


def _added(body: _Decoded, chunk: bytes) -> bool:
    """Whether to stop reading: the cap is reached, or the body cannot be decoded (a decoder's error)."""
    try:
        return body.add(chunk)
    except _DECODE_ERRORS:
        return True


def charset(headers: Any, data: bytes = b"") -> str:
    """The charset a Content-Type header declares, if Python knows it; else the UTF-16 or UTF-32 the body's
    first bytes show (wide_unicode); else UTF-8."""
    value = None
    with contextlib.suppress(Exception):  # a header object of any shape
        value = headers.get("content-type") or headers.get("Content-Type")
    if not isinstance(value, str):
        return wide_unicode(data) or "utf-8"
    parsed = Message()
    parsed["content-type"] = value[:1000]
    declared = parsed.get_param("charset")
    if isinstance(declared, str):
        with contextlib.suppress(LookupError):
            name = codecs.lookup(declared.strip()).name
            return "utf-8" if name in HOST_NAME_CODECS else name
    return wide_unicode(data) or "utf-8"


def wide_unicode(data: bytes) -> str | None:
    """UTF-16 or UTF-32 told by a byte order mark or, without one, by where the NULs of the first two ASCII
    characters fall (RFC 4627's rule for JSON, as requests' ``Response.json()`` reads it): a body in UTF-16
    sent without a charset read as UTF-8 was NULs between letters, and no error was found in it."""
    head = data[:4]
    if head in (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE):
        return "utf-32"
    if head[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return "utf-16"
    if len(head) < 4 or head.count(0) not in (2, 3):
        return None
    if head[:3] == b"\0\0\0":
        return "utf-32-be"
    if head[1:] == b"\0\0\0":
        return "utf-32-le"
    if head[::2] == b"\0\0":
        return "utf-16-be"
    return "utf-16-le" if head[1::2] == b"\0\0" else None


# Codecs of host names, not of bodies: punycode decodes in quadratic time (2 MB declared ``charset=punycode``
# took minutes), and idna refuses to replace what it cannot read
HOST_NAME_CODECS = frozenset({"punycode", "idna"})


def decoded(data: bytes, headers: Any) -> str:
    """The body as text in its declared charset; a charset that is no text encoding (``base64``,
    ``rot13``: LookupError) or that cannot replace what it cannot read (``idna``: UnicodeError) as UTF-8."""
    try:
        return data[:LIMIT].decode(charset(headers, data), errors="replace")
    except (LookupError, UnicodeError):  # the server chose the header: the hook still explains the status
        return data[:LIMIT].decode("utf-8", errors="replace")

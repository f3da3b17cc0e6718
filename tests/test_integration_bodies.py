"""The requests and httpx hooks read an error body no further than explain reads a paste, against a
real HTTP server on 127.0.0.1: a gzip bomb or an endless body used to be read whole (300 MB of
zeros took 1 GB of memory and 4-10 s; an endless body never returned), a body the client cannot
decode raised the client's decoding error instead of the vendor's status, and requests read
``text/plain`` without a charset as ISO-8859-1."""

from __future__ import annotations

import asyncio
import functools
import gzip
import json
import logging
import signal
import tracemalloc
import urllib.error
import urllib.request
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
import requests

import errcat
from errcat.explainer.split import MAX_INPUT_BYTES
from errcat.integrations import httpx as errcat_httpx
from errcat.integrations import requests as errcat_requests
from localserver import Handler, server_fixture

BOMB_BYTES = 256 * 1024 * 1024  # zeros, decoded; about 256 KB on the wire


@functools.cache  # made when first served (a second each): the quick loop, which serves none, never pays
def _gzip_bomb(byte: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: a gzip stream
    zeros = byte * (1024 * 1024)
    return b"".join(packer.compress(zeros) for _ in range(BOMB_BYTES // len(zeros))) + packer.flush()


# /bomb decodes to the digit 0, /nul-bomb to NUL bytes: explain reads 2 MiB of NULs in about 0.4 s of CPU
# (4 s under tracemalloc), ASCII zeros in 0.2 s; what the hooks must bound is the same in both
BOMBS = {"/bomb": b"0", "/nul-bomb": b"\x00"}
# InvoiceXpress's envelope with a Portuguese message, as tests/test_integrations.py's /clients.json
PORTUGUESE = json.dumps({"errors": [{"error": "Cliente não é válido"}]}, ensure_ascii=False).encode("utf-8")

# the same body as a zlib stream (RFC 9110's "deflate") and as the raw deflate stream some servers send under that
# name, which requests (urllib3) and httpx both read: the hooks read it too
_RAW = zlib.compressobj(9, zlib.DEFLATED, -15)
DEFLATED = {"/deflate-zlib": zlib.compress(PORTUGUESE), "/deflate-raw": _RAW.compress(PORTUGUESE) + _RAW.flush()}
GZIPPED = gzip.compress(PORTUGUESE)


class _Bodies(Handler):
    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path in BOMBS:
            self.reply(500, _gzip_bomb(BOMBS[path]), {"Content-Type": "application/json", "Content-Encoding": "gzip"})
        elif path == "/broken-gzip":
            self.reply(401, b"\x1f\x8bnot gzip at all", {"Content-Type": "application/json", "Content-Encoding": "gzip"})
        elif path == "/gzip":
            self.reply(422, GZIPPED, {"Content-Type": "application/json", "Content-Encoding": "gzip"})
        elif path in DEFLATED:
            self.reply(422, DEFLATED[path], {"Content-Type": "application/json", "Content-Encoding": "deflate"})
        elif path == "/no-charset":
            self.reply(422, PORTUGUESE, {"Content-Type": "text/plain"})
        elif path == "/endless":
            self.send_response(500)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            try:
                while True:
                    self.wfile.write(b'{"errors":[' * 4096)
            except OSError:  # the client closed the connection: what a bounded read does
                return


server = server_fixture(_Bodies)


@contextmanager
def within(seconds: int) -> Iterator[None]:
    """Fail instead of hanging: an unbounded read of an endless body never returns."""

    def expired(*_: Any) -> None:
        raise TimeoutError(f"still reading after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _requests(base: str, path: str, stream: bool) -> Any:
    session = requests.Session()
    session.hooks["response"].append(errcat_requests.hook())
    return session.get(base + path, stream=stream, timeout=30)


def _httpx(base: str, path: str, stream: bool) -> Any:
    with httpx.Client(event_hooks={"response": [errcat_httpx.hook()]}, timeout=30) as client:
        if stream:
            with client.stream("GET", base + path) as response:
                return response
        return client.get(base + path)


def _httpx_async(base: str, path: str, stream: bool) -> Any:
    async def main() -> Any:
        async with httpx.AsyncClient(event_hooks={"response": [errcat_httpx.async_hook()]}, timeout=30) as client:
            if stream:
                async with client.stream("GET", base + path) as response:
                    return response
            return await client.get(base + path)

    return asyncio.run(main())


CLIENTS: dict[str, Callable[[str, str, bool], Any]] = {"requests": _requests, "httpx": _httpx, "httpx-async": _httpx_async}
CASES = [(name, stream) for name in CLIENTS for stream in (False, True)]


def _raised(client: str, base: str, path: str, stream: bool) -> errcat.VendorError:
    with within(60), pytest.raises(errcat.VendorError) as raised:
        CLIENTS[client](base, path, stream)
    return raised.value


@pytest.mark.slow
@pytest.mark.parametrize(
    ("path", "client", "stream"),
    [*((path, *case) for path in ("/bomb", "/endless") for case in CASES), ("/nul-bomb", "requests", False)],
)
def test_a_gzip_bomb_or_an_endless_body_is_read_to_explains_cap(server, client, stream, path):
    tracemalloc.start()
    try:
        error = _raised(client, server, path, stream)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert error.explanation.exchange.status == 500
    assert f"only the first {MAX_INPUT_BYTES:,} were read" in " ".join(error.explanation.notes)
    assert peak < 64 * 1024 * 1024, f"{peak:,} bytes at the peak"  # the whole bomb is 256 MB; the cap 2 MiB
    assert len(error.response.content) == MAX_INPUT_BYTES + 1  # what the client keeps: the bytes read


@pytest.mark.parametrize(("client", "stream"), CASES)
def test_a_body_the_client_cannot_decode_is_explained_by_its_status(server, client, stream):
    error = _raised(client, server, "/broken-gzip", stream)
    assert error.explanation.exchange.status == 401
    assert error.advice.retry is False
    assert str(error).startswith("GET /broken-gzip -> 401")


@pytest.mark.parametrize(("client", "stream"), CASES)
def test_a_body_without_a_charset_is_read_as_utf8(server, client, stream):
    error = _raised(client, server, "/no-charset", stream)
    assert "Cliente não é válido" in str(error) and "Ã" not in str(error)


@pytest.mark.parametrize(("client", "stream"), CASES)
@pytest.mark.parametrize("path", sorted(DEFLATED))
def test_a_deflate_body_zlib_wrapped_or_raw_is_explained_and_kept_whole(server, client, stream, path):
    """httpx decodes a raw deflate body as well as a zlib-wrapped one; its hook's bounded reader took only the
    second, so a raw one was explained by its status alone and the application got an empty body."""
    error = _raised(client, server, path, stream)
    assert "Cliente não é válido" in str(error)
    assert error.response.content == PORTUGUESE


@pytest.mark.parametrize("path", ["/gzip", *sorted(DEFLATED)])
def test_urllib_s_error_body_in_a_content_coding_is_explained_decoded_and_given_back_as_sent(server, path):
    """urllib decodes no Content-Encoding (a caller asking for gzip decodes it itself): explain_response explained
    the compressed bytes as the message (no error found, binary noise quoted); the caller's own read() still gets the
    bytes as sent."""
    sent = GZIPPED if path == "/gzip" else DEFLATED[path]
    request = urllib.request.Request(server + path, headers={"Accept-Encoding": "gzip, deflate"})
    with pytest.raises(urllib.error.HTTPError) as raised:
        urllib.request.urlopen(request, timeout=30)
    x = errcat.explain_response(raised.value)
    assert x.errors[0].sent.message == "Cliente não é válido" and x.exchange.status == 422
    assert raised.value.read() == sent


# The InvoiceXpress envelope of tests/test_integrations.py, with what a hostile or broken upstream may put
# in a message: terminal escapes (retitle, clear the screen) and a percent sign (constructed text).
HOSTILE = json.dumps({"errors": [{"error": "100% invalid \x1b]0;owned\x07\x1b[2J client"}]}).encode()


class _Hostile(Handler):
    def do_GET(self) -> None:
        self.reply(422, HOSTILE, {"Content-Type": "application/json"})


hostile = server_fixture(_Hostile)


def test_a_message_shows_the_bodys_control_characters_escaped_and_its_percent_once(hostile, caplog):
    """The exception message and the log line are read on terminals: a vendor body's escape sequences
    came through raw (a log viewer's title retitled, its screen cleared); and the logging filter
    doubled every % of a message logged without arguments ("100%% invalid")."""
    error = _raised("requests", hostile, "/invoices.json", False)
    assert "\x1b" not in str(error) and "\x07" not in str(error)
    assert "100% invalid \\x1b]0;owned\\x07\\x1b[2J client" in str(error)
    logger = logging.getLogger("errcat-test-hostile")
    logger.addFilter(errcat.integrations.ExplainFilter())
    with caplog.at_level(logging.WARNING, logger=logger.name):
        logger.warning("sync failed", extra={"response": error.response})
        logger.warning("sync of %s failed", "invoice 7", extra={"response": error.response})
    plain, formatted = (r.getMessage() for r in caplog.records)
    assert plain.startswith("sync failed [errcat: ") and "100% invalid \\x1b" in plain and "%%" not in plain
    assert formatted.startswith("sync of invoice 7 failed [errcat: ") and "100% invalid" in formatted and "%%" not in formatted

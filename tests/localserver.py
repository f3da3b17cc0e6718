"""A real HTTP server on 127.0.0.1 for the tests that drive real clients, and a raw TCP server for those that
need one misbehaving below HTTP (silent, stalling, trickling): one helper for every test file."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


class Handler(BaseHTTPRequestHandler):
    """A test server's handler: one call sends a whole response; no access log on the test output."""

    def reply(self, status: int, data: bytes, headers: Mapping[str, str] | None = None, reason: str | None = None) -> None:
        """Send the status, the headers and ``data`` with its Content-Length."""
        self.send_response(status, reason)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def serving(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """Serve ``handler`` on a free port of 127.0.0.1 in a thread; yields the base URL."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    # shutdown() waits for the loop to look at its flag: every 0.5 s by default, 0.5 s per test module
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def server_fixture(handler: type[BaseHTTPRequestHandler]):
    """A module-scoped fixture serving ``handler``: ``server = server_fixture(MyHandler)``."""

    @pytest.fixture(scope="module")
    def server() -> Iterator[str]:
        with serving(handler) as base:
            yield base

    return server


@contextmanager
def raw_serving(answer: Callable[[socket.socket], None]) -> Iterator[int]:
    """A TCP server on 127.0.0.1 handing each connection to ``answer`` in a thread of its own; yields its port.
    A connection ``answer`` leaves open stays open (a server that stalls) until the server closes. The server is
    gone when this returns: an accept() blocked in its thread kept the closed socket listening, and a later test's
    server given the same port had its clients answered here."""
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.02)  # the loop looks at its flag this often
    held: list[socket.socket] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            conn.settimeout(None)
            held.append(conn)
            threading.Thread(target=answer, args=(conn,), daemon=True).start()

    loop = threading.Thread(target=serve, daemon=True)
    loop.start()
    try:
        yield server.getsockname()[1]
    finally:
        stop.set()
        loop.join()
        server.close()
        for conn in held:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)  # a handler still sending or waiting sees its end
            conn.close()


def send_body(conn: socket.socket, announced: int, parts: Iterable[bytes]) -> None:
    """Answer one request with a 200 announcing ``announced`` bytes of text, then send ``parts`` (a generator
    may pause between them, trickle or stall); a HEAD request gets the head alone. The client giving up ends it."""
    request = conn.recv(65536)
    try:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\nContent-Type: text/plain\r\n\r\n" % announced)
        if not request.startswith(b"HEAD"):
            for part in parts:
                conn.sendall(part)
    except OSError:  # the client gave up
        pass
    finally:
        conn.close()


def errcat_waiting(seconds: float) -> list[str]:
    """The real CLI (``python -m errcat`` as it runs) with its waits for a silent input bounded by ``seconds``
    instead of their defaults (8 s for a FIFO's writer, 5 s for an http(s) answer and a stalled body): a test of
    what a run does when the bound passes need not sit out the default (test_hostile18 checks the defaults
    against the docs)."""
    lowered = (
        "import runpy, sys; import errcat.fs as f, errcat.scan.remote as r, errcat.scan.stall as s; "
        f"f.fifo_wait = r.HTTP_WAIT_SECONDS = s.STALL_SECONDS = {seconds!r}; "
        "sys.argv[0] = 'errcat'; runpy.run_module('errcat', run_name='__main__', alter_sys=True)"
    )
    return [sys.executable, "-c", lowered]


def scan_served(
    answer: Callable[[socket.socket], None], path: str = "/app.log", waits: float | None = None
) -> tuple[subprocess.CompletedProcess[str], int, float]:
    """``errcat scan`` (the real CLI, in a subprocess) of ``path`` on a raw server answering with ``answer``:
    the run, the server's port and the seconds it took. ``waits``: the CLI's waits bounded so (errcat_waiting)."""
    command = [sys.executable, "-m", "errcat"] if waits is None else errcat_waiting(waits)
    with raw_serving(answer) as port:
        started = time.monotonic()
        done = subprocess.run(
            [*command, "scan", f"http://127.0.0.1:{port}{path}"],
            capture_output=True,
            text=True,
            timeout=300,
            stdin=subprocess.DEVNULL,
        )
    return done, port, time.monotonic() - started

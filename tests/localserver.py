"""A real HTTP server on 127.0.0.1 for the tests that drive real clients (one helper, three users)."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping
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

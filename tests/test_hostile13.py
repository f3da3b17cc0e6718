"""Hostile input, thirteenth round: leftovers of round 12 and what rounds 1-12 did not reach. Rows run the real
CLI in a subprocess (a real server on 127.0.0.1 for --dask) and the real Python API."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

ERRCAT = [sys.executable, "-m", "errcat"]


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*ERRCAT, *args], capture_output=True, text=True, timeout=90, env=env)


# -- scan --dask at an address that answers but is no Dask scheduler ---------------------------------------
# distributed read the first 8 bytes of an HTTP server's answer as a frame length (bytearray of exabytes: a
# MemoryError traceback), or a short answer as frames it could not decode (a CRITICAL log's traceback, then
# "cannot reach the scheduler (FormatError)"): one line saying the address is not a Dask scheduler.


@pytest.fixture
def answering() -> Iterator[tuple[socket.socket, list[bytes]]]:
    """A server on 127.0.0.1 that answers every connection with the bytes put in its list."""
    server = socket.create_server(("127.0.0.1", 0))
    answer: list[bytes] = [b""]

    def serve() -> None:
        while True:
            try:
                conn, _ = server.accept()
            except OSError:  # closed: the test is over
                return
            with conn:
                conn.sendall(answer[0])
                conn.recv(1 << 16)  # until the client hangs up

    threading.Thread(target=serve, daemon=True).start()
    yield server, answer
    server.close()


@pytest.mark.parametrize(
    "answer, why",
    [
        (b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n" * 4, "MemoryError"),  # 'HTTP/1.1' as a length
        (bytes.fromhex("180000000000000001000000000000000800000000000000") + b"\xc1" * 8, "FormatError"),
    ],
    ids=["http", "garbage-frame"],
)
def test_dask_at_a_server_that_is_no_scheduler_is_one_line(
    tmp_path: Path, answering: tuple[socket.socket, list[bytes]], answer: bytes, why: str
) -> None:
    pytest.importorskip("distributed")
    server, answers = answering
    answers[0] = answer
    log = tmp_path / "app.log"
    log.write_text("2026-03-01T10:00:00Z ERROR HTTP/1.1 400 Bad Request {}\n")
    address = f"tcp://127.0.0.1:{server.getsockname()[1]}"
    done = run("scan", str(log), "--dask", address)
    assert done.returncode == 2, done.stderr
    assert done.stderr == f"errcat: --dask {address}: the address answers, but not as a Dask scheduler ({why})\n"

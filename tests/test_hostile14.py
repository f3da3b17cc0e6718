"""Hostile input, fourteenth round: what the hostile14 harness (1,184 cases over every command, the Python API
and MCP) found past rounds 1-13. Rows run the real CLI in a subprocess."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from localserver import errcat_waiting, scan_served

ERRCAT = [sys.executable, "-m", "errcat"]


def run(
    *args: str, env: dict[str, str] | None = None, timeout: float = 90, command: list[str] = ERRCAT
) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*command, *args], capture_output=True, text=True, timeout=timeout, env=env, stdin=subprocess.DEVNULL)


# -- a named FIFO no program writes to --------------------------------------------------------------------
# explain and scan opened it and waited for a writer for ever (a hang the user could only Ctrl-C). A named FIFO
# now waits a few seconds for its first bytes; a pipe of the shell's (<(cmd)) still waits as long as it takes.


@pytest.mark.parametrize("command", ["explain", "scan"])
def test_a_fifo_nothing_writes_to_is_one_line_not_a_wait_for_ever(tmp_path: Path, command: str) -> None:
    fifo = tmp_path / "errors.fifo"
    os.mkfifo(fifo)
    started = time.monotonic()
    done = run(command, str(fifo), timeout=60, command=errcat_waiting(2))  # 2 s, not 8 (the docs' default: test_hostile18)
    assert time.monotonic() - started < 30
    assert done.returncode == 2
    assert "FIFO nothing was written to in 2 s" in done.stdout + done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("command", ["explain", "scan"])
def test_a_fifo_whose_writer_comes_a_second_later_is_read(tmp_path: Path, command: str) -> None:
    fifo = tmp_path / "errors.fifo"
    os.mkfifo(fifo)
    line = b"POST https://api.myob.com/accountright/x/Sale/Invoice/Item 400 ErrorCode 11003 CustomerNotFound\n"

    def write() -> None:
        time.sleep(1)
        with open(fifo, "wb") as f:
            f.write(line)

    writer = threading.Thread(target=write)
    writer.start()
    done = run(command, str(fifo), timeout=60)
    writer.join()
    assert "FIFO" not in done.stderr
    assert "11003" in done.stdout or "CustomerNotFound" in done.stdout


def test_the_python_api_scanning_a_fifo_nothing_writes_to_reports_it_not_a_wait(tmp_path: Path, monkeypatch) -> None:
    from errcat import fs, open_catalog

    monkeypatch.setattr(fs, "fifo_wait", 0.5)
    fifo = tmp_path / "errors.fifo"
    os.mkfifo(fifo)
    done: list[object] = []
    reader = threading.Thread(target=lambda: done.append(open_catalog().scan([str(fifo)])), daemon=True)
    reader.start()
    reader.join(30)
    assert done, "scan still waiting on the FIFO after 30 s"
    (report,) = done
    assert "FIFO nothing was written to in 0.5 s" in str(report.inputs[0].problem)  # type: ignore[attr-defined]


def test_a_run_told_on_its_terminal_that_it_waits_for_a_fifo_waits_past_the_bound(tmp_path: Path, monkeypatch) -> None:
    """The terminal's user was told the FIFO waits for a writer (say_fifos_wait): the bound is lifted for them."""
    from errcat import fs

    monkeypatch.setattr(fs, "fifo_wait", None)
    fifo = tmp_path / "errors.fifo"
    os.mkfifo(fifo)

    def write() -> None:
        time.sleep(1.0)
        with open(fifo, "wb") as f:
            f.write(b"late\n")

    threading.Thread(target=write, daemon=True).start()
    with fs.open_input(str(fifo)) as stream:
        assert stream.read() == b"late\n"


def test_a_fifo_whose_writer_is_there_but_slow_is_read_past_the_bound(tmp_path: Path, monkeypatch) -> None:
    """A writer that opened the FIFO and writes later (a script's "slow_job > fifo") is a slow input, read however slowly
    it comes, as a shell's pipe is: only a FIFO no program has opened is an input error (review3)."""
    from errcat import fs

    monkeypatch.setattr(fs, "fifo_wait", 0.3)
    fifo = tmp_path / "errors.fifo"
    os.mkfifo(fifo)
    opened = threading.Event()

    def write() -> None:
        with open(fifo, "wb") as f:  # its open returns once errcat's is done
            opened.set()
            time.sleep(1.5)
            f.write(b"late\n")

    threading.Thread(target=write, daemon=True).start()
    with fs.open_input(str(fifo)) as stream:
        assert opened.wait(5)
        assert stream.read() == b"late\n"


# -- scan of an http(s):// input whose server never answers ---------------------------------------------------
# aiohttp's own bound is 5 minutes: a server that took the connection and said nothing, or stalled in the body,
# held scan that long. Each connection and each read now waits 5 s at most, said as no answer, not as a missing
# file; a refused connection is named for what it is too (fsspec says "not found" for every failure).

_LINE = b'2026-11-19T02:00:00Z ERROR POST https://api.myob.com/accountright/x/Sale/Invoice/Item -> 400 {"Errors":[{"ErrorCode":11003}]}\n'


def _silent(conn: socket.socket) -> None:
    conn.recv(65536)  # and nothing said back


def _stalling(conn: socket.socket) -> None:
    request = conn.recv(65536)
    head = b"HTTP/1.1 200 OK\r\nContent-Length: 10000000\r\nAccept-Ranges: bytes\r\nContent-Type: text/plain\r\n\r\n"
    if request.startswith(b"HEAD"):
        conn.sendall(head)
        return
    conn.sendall(head + _LINE * 100)  # then nothing more of the 10 MB it announced


@pytest.mark.parametrize("answer", [_silent, _stalling], ids=["silent", "stalls-in-the-body"])
def test_scan_of_a_url_whose_server_never_answers_ends_saying_so(answer) -> None:
    pytest.importorskip("aiohttp")
    done, _, took = scan_served(answer, waits=2)  # the bounds at 2 s, not 5 (the docs' defaults: test_hostile18)
    assert took < 60
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "no answer in 2 s" in done.stdout


def test_scan_of_a_url_whose_connection_is_refused_does_not_say_no_such_file() -> None:
    pytest.importorskip("aiohttp")
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    done = run("scan", f"http://127.0.0.1:{port}/app.log")
    assert done.returncode == 2
    assert "cannot read: ClientConnectorError" in done.stdout and "No such file" not in done.stdout

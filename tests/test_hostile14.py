"""Hostile input, fourteenth round: what the hostile14 harness (1,184 cases over every command, the Python API
and MCP) found past rounds 1-13. Rows run the real CLI in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ERRCAT = [sys.executable, "-m", "errcat"]


def run(*args: str, env: dict[str, str] | None = None, timeout: float = 90) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*ERRCAT, *args], capture_output=True, text=True, timeout=timeout, env=env, stdin=subprocess.DEVNULL)


# -- a named FIFO no program writes to --------------------------------------------------------------------
# explain and scan opened it and waited for a writer for ever (a hang the user could only Ctrl-C). A named FIFO
# now waits a few seconds for its first bytes; a pipe of the shell's (<(cmd)) still waits as long as it takes.


@pytest.mark.parametrize("command", ["explain", "scan"])
def test_a_fifo_nothing_writes_to_is_one_line_not_a_wait_for_ever(tmp_path: Path, command: str) -> None:
    fifo = tmp_path / "errors.fifo"
    os.mkfifo(fifo)
    started = time.monotonic()
    done = run(command, str(fifo), timeout=60)
    assert time.monotonic() - started < 30
    assert done.returncode == 2
    assert "FIFO nothing was written to" in done.stdout + done.stderr
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

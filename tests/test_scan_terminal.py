"""errcat scan as a user at a terminal meets it: a paste on stdin, Ctrl-C on a big file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from terminal import typed

pty = pytest.importorskip("pty", reason="pseudo-terminals need a POSIX system")

MYOB_LINE = (
    b"2026-11-19T02:14:07Z ERROR sync.myob POST https://arl2.api.myob.com/accountright/x/Sale/Invoice/Item -> 400 "
    b'{"Errors":[{"Name":"DatePriorToBeginningOfFinancialYear","Message":"Date cannot be prior to beginning of financial year",'
    b'"ErrorCode":25008,"Severity":"Error"}]}\n'
)


def test_scan_of_stdin_on_a_terminal_prompts_draws_no_bar_and_ends_at_one_ctrl_d():
    returncode, out, err = typed(["scan", "-"], MYOB_LINE, timeout=30)
    assert returncode == 0, err
    assert b"DatePriorToBeginningOfFinancialYear" in out
    assert b"Ctrl-D" in err and b"0/?" not in err and b"bytes" not in err  # a prompt, no progress counter


def test_ctrl_c_on_a_big_file_exits_130_without_a_traceback(tmp_path):
    log = tmp_path / "big.log"
    lines = b"".join(
        b"2026-11-20T10:00:%02dZ ERROR worker-%d job %d failed: java.io.IOException: Connection reset by peer\n"
        % (i % 60, i % 7, i)
        for i in range(10_000)
    )
    with log.open("wb") as f:
        for _ in range((160 << 20) // len(lines)):  # above the 64 MB that workers read
            f.write(lines)
    proc = subprocess.Popen(
        [sys.executable, "-m", "errcat", "scan", str(log), "--workers", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # as a terminal's shell starts it (a shell's "&" ignores it)
        env={**os.environ, "ERRCAT_CATALOG": ""},
    )  # fmt: skip
    children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
    deadline = time.monotonic() + 20
    while proc.poll() is None and time.monotonic() < deadline:  # until the workers are reading
        if not children.exists() or children.read_text().split():
            break
        time.sleep(0.02)
    time.sleep(0.1)
    if proc.poll() is not None:
        pytest.skip("the scan ended before it could be interrupted (a fast machine): nothing to test")
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C does: the whole foreground process group
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130
    assert b"Traceback" not in err and b"KeyboardInterrupt" not in err, err[-2000:]


def test_a_file_that_grows_while_one_reader_reads_it_is_read_as_it_was_when_the_scan_began(tmp_path):
    """A log a writer kept appending to as fast as it was read was read for ever (513 MB written during one
    scan took 49 s); the parallel path already stopped at the size it saw first."""
    from errcat.scan.inputs import CHUNK, chunks, inputs

    line = b"2026-11-20T10:00:00Z ERROR job failed: java.io.IOException: reset\n"
    log = tmp_path / "app.log"
    log.write_bytes(line * (3 * CHUNK // len(line)))
    (inp,) = inputs([str(log)])
    reading = chunks(inp)
    first = next(reading)
    with log.open("ab") as f:
        f.write(line * (2 * CHUNK // len(line)))  # appended while the scan reads
    read = first + b"".join(reading)
    assert len(read) == inp.size == inp.read
    assert inp.broken is None


def test_a_file_that_shrinks_while_one_reader_reads_it_is_marked(tmp_path):
    from errcat.scan.inputs import SHRANK, chunks, inputs

    log = tmp_path / "app.log"
    log.write_bytes(b"2026-11-20T10:00:00Z ERROR job failed: java.io.IOException: reset\n" * 1000)
    (inp,) = inputs([str(log)])  # its size is taken here, as scan does before reading
    log.write_bytes(b"2026-11-20T10:00:00Z ERROR job failed: java.io.IOException: reset\n" * 10)  # truncated, as by copytruncate
    read = b"".join(chunks(inp))
    assert read.count(b"\n") == 10
    assert inp.broken == SHRANK  # not a silently partial report

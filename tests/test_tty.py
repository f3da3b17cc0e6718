"""errcat explain reading a paste from a real terminal (a pseudo-terminal): one Ctrl-D is enough."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

pty = pytest.importorskip("pty", reason="pseudo-terminals need a POSIX system")


def test_one_ctrl_d_after_a_paste_gets_the_answer():
    controller, terminal = pty.openpty()
    env = {**os.environ, "NO_COLOR": "1", "ERRCAT_CATALOG": ""}
    proc = subprocess.Popen(
        [sys.executable, "-m", "errcat", "explain"], stdin=terminal, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    os.close(terminal)
    try:
        os.write(controller, b"25008\n")
        time.sleep(0.2)
        os.write(controller, b"\x04")  # Ctrl-D once, at the start of a line
        out, err = proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        pytest.fail("explain still waited for input after one Ctrl-D")
    finally:
        os.close(controller)
    assert proc.returncode == 0, err
    assert b"DatePriorToBeginningOfFinancialYear" in out
    assert b"Ctrl-D" in err  # the prompt went to the terminal's stderr, not into the answer

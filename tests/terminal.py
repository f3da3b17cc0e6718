"""errcat run with its stdin on a pseudo-terminal, as a user typing a paste meets it (POSIX only:
the test modules that use this skip without ``pty``)."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest


def typed(args: list[str], keys: bytes, timeout: int, env: dict[str, str] | None = None) -> tuple[int, bytes, bytes]:
    """Run ``errcat args`` with ``keys`` typed on its terminal, then Ctrl-D once at the start of a
    line; its exit code, stdout and stderr. Fails the test if it still waits for input."""
    import pty

    controller, terminal = pty.openpty()
    env = {**os.environ, "NO_COLOR": "1", "ERRCAT_CATALOG": "", **(env or {})}
    proc = subprocess.Popen(
        [sys.executable, "-m", "errcat", *args], stdin=terminal, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    os.close(terminal)
    try:
        os.write(controller, keys)
        time.sleep(0.3)
        os.write(controller, b"\x04")
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        pytest.fail(f"errcat {' '.join(args)} still waited for input after one Ctrl-D")
    finally:
        os.close(controller)
    return proc.returncode, out, err

"""Hostile input, fifteenth round: what the hostile15 harness (argument combinations, catalogs wrong in one field,
the cache folder in bad states, outputs that cannot be written, malformed URLs, MCP wire junk, the hooks on odd
responses) found past rounds 1-14. Rows run the real CLI in a subprocess."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ERRCAT = [sys.executable, "-m", "errcat"]
LINE = '2026-11-19T02:00:00Z ERROR POST https://api.myob.com/accountright/x/Sale/Invoice/Item -> 400 {"Errors":[{"ErrorCode":11003}]}\n'


def run(*args: str, timeout: float = 90) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*ERRCAT, *args], capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)


# -- a URL whose host or port no parser reads --------------------------------------------------------------
# `scan 'http://[::1'` said "cannot list (TypeError)": fsspec reads "::" as a chain of URLs and "[" as a glob, so
# an IPv6 host, closed or not, never reached a server; a port out of range or no host was "cannot read: ValueError".


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("http://[::1", "not a valid URL (Invalid IPv6 URL)"),
        ("http://[::1]:8080/app.log", "an IPv6 address as the host cannot be read here"),
        ("https://[::1]/logs/*.log", "an IPv6 address as the host cannot be read here"),
        ("http://127.0.0.1:99999/app.log", "not a valid URL (Port out of range 0-65535)"),
        ("http://127.0.0.1:abc/app.log", "not a valid URL (Port could not be cast to integer value as 'abc')"),
        ("http://:80/app.log", "not a valid URL (no host)"),
        ("https://user:hunter2@[::1/app.log", "not a valid URL (Invalid IPv6 URL)"),
    ],
)
def test_a_malformed_url_is_said_as_what_is_wrong_with_it_and_the_other_inputs_are_scanned(
    tmp_path: Path, url: str, said: str
) -> None:
    pytest.importorskip("aiohttp")
    log = tmp_path / "sync.log"
    log.write_text(LINE)
    alone = run("scan", url)
    assert alone.returncode == 2 and "Traceback" not in alone.stderr
    assert said in alone.stdout and "TypeError" not in alone.stdout and "ValueError" not in alone.stdout
    assert "errcat: no input could be read" in alone.stderr
    assert "hunter2" not in alone.stdout + alone.stderr
    beside = run("scan", url, str(log))
    assert beside.returncode == 0, beside.stderr
    assert "11003" in beside.stdout and said in beside.stdout

"""Hostile input, sixteenth round: what the hostile16 harness (/work/notes/hostile16-harness: encodings, devices,
bombs, bad environments, broken pipes, signals, MCP floods) and hostile15's leftovers found past rounds 1-15. Rows
run the real CLI in a subprocess, against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import contextlib
import os
import resource
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from localserver import scan_served, send_body

ERRCAT = [sys.executable, "-m", "errcat"]
LINE = b'2026-11-19T02:00:00Z ERROR POST https://api.myob.com/accountright/x/Sale/Invoice/Item -> 400 {"Errors":[{"ErrorCode":11003}]}\n'


def run(*args: str, timeout: float = 90, **kw) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*ERRCAT, *args], capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL, **kw)


# -- a body that trickles in for ever ----------------------------------------------------------------------
# aiohttp's read timeout bounds the wait between two bytes: a server sending one byte every 2 s of the 100 MB it
# announced was read for ever. A body bringing under 1 KiB in 5 s of waiting is now given up as stalled.


def _trickle() -> Iterator[bytes]:
    yield LINE * 3
    while True:
        time.sleep(0.25)  # well within the read bound: the body stalls, the connection does not
        yield b"x"


def _trickling(conn: socket.socket) -> None:
    send_body(conn, 100_000_000, _trickle())


def test_scan_of_a_url_whose_body_trickles_for_ever_ends_saying_it_stalled() -> None:
    pytest.importorskip("aiohttp")
    done, port, took = scan_served(_trickling, waits=2)  # the bounds at 2 s, not 5 (the docs' defaults: test_hostile18)
    assert took < 60
    assert "Traceback" not in done.stderr
    # read as one stream (the server sends the whole file for a Range request): the three lines that came before it
    # stalled are scanned (a buffered read that failed had dropped them: "0 lines, 382 bytes"), and the stall is
    # said where reading stopped
    assert done.returncode == 0 and "3 vendor error(s)" in done.stdout and f"{port}/app.log:1, 2, 3" in done.stdout
    assert "read failed (the server sent under 1024 bytes in 2 s (stalled)); the rest was not read" in done.stdout
    assert f"{port}/app.log:4" in done.stdout


def _slow_parts(body: bytes) -> Iterator[bytes]:
    for i in range(0, len(body), 2048):  # 2 KB pieces a second apart: slow, never stalled
        yield body[i : i + 2048]
        time.sleep(1)


def _slow_but_steady(conn: socket.socket) -> None:
    send_body(conn, len(LINE * 120), _slow_parts(LINE * 120))  # ~14 KB


def test_scan_of_a_url_whose_body_comes_slowly_but_steadily_reads_it_all() -> None:
    pytest.importorskip("aiohttp")
    done, _, _ = scan_served(_slow_but_steady)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "120 vendor error(s)" in done.stdout


# -- an http index page of 20,000 links --------------------------------------------------------------------
# An http listing gives no sizes, so each match was asked its size, one request a file: 20,000 links ran for
# minutes before the scan began. Past 1,000 such matches the glob is refused, saying so.


def _index_page(conn: socket.socket) -> None:
    request = conn.recv(65536)
    body = b"<html>" + b"".join(b'<a href="/f%d.log">f</a>' % i for i in range(20_000)) + b"</html>"
    if not request.startswith(b"GET / "):
        body = LINE
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(body)
    with contextlib.suppress(OSError):
        conn.sendall(head + (b"" if request.startswith(b"HEAD") else body))
    conn.close()


def test_a_url_glob_over_an_index_page_of_20000_links_is_refused_quickly() -> None:
    pytest.importorskip("aiohttp")
    done, _, took = scan_served(_index_page, "/*.log")
    assert took < 60
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "matches 20,000 files its listing gives no size for" in done.stderr
    assert "at most 1,000: narrow the pattern" in done.stderr


# -- the cache folder under a file size limit ---------------------------------------------------------------
# Under `ulimit -f`, SQLite's write fails with EFBIG, which it words "disk I/O error": the warning said "fix its
# owner, or set ERRCAT_CACHE_DIR to a folder of yours", neither of which helps. It now names the limit.


def _small_file_limit() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))


def test_the_cache_warning_under_a_file_size_limit_names_the_limit(tmp_path: Path) -> None:
    env = {**os.environ, "ERRCAT_CACHE_DIR": str(tmp_path / "cache")}
    done = run("lookup", "11003", env=env, preexec_fn=_small_file_limit)
    assert done.returncode == 0 and "Traceback" not in done.stderr
    assert "file size limit is 100,000 bytes: raise it, ulimit -f unlimited" in done.stderr
    assert "owner" not in done.stderr and len(done.stderr.splitlines()) == 1


@pytest.mark.parametrize("said", ["database is locked", "unable to open database file"])
def test_a_cache_failure_of_another_kind_is_not_blamed_on_the_file_size_limit(tmp_path: Path, caplog, said: str) -> None:
    """Any SQLite failure (OperationalError) in a shell with a file size limit, however large, was told to raise
    that limit; only the words SQLite says for a write past it are."""
    import sqlite3

    from errcat.index import cache

    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (1 << 40, hard))  # a limit no index reaches
    try:
        for k, exc in enumerate((sqlite3.OperationalError(said), sqlite3.OperationalError("disk I/O error"))):
            cache._warned.discard(str(tmp_path / str(k)))
            with caplog.at_level("WARNING", logger="errcat"):
                cache.warn_unusable(tmp_path / str(k), exc)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    other, past_it = [r.getMessage() for r in caplog.records]
    assert "ulimit" not in other and "set ERRCAT_CACHE_DIR to a folder" in other
    assert "file size limit is 1,099,511,627,776 bytes: raise it, ulimit -f unlimited" in past_it

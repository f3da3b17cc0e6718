"""Hostile input, seventeenth round: reads that fail midway and what the hostile17 harness
(/work/notes/hostile17-harness) found past rounds 1-16. Rows run the real CLI in a subprocess, against real
files and a real server on 127.0.0.1."""

from __future__ import annotations

import gzip
import json
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from localserver import scan_served, send_body

ERRCAT = [sys.executable, "-m", "errcat"]
LINE = '2026-11-19T02:00:00Z ERROR POST https://api.myob.com/accountright/x/Sale/Invoice/Item -> 400 {"Errors":[{"ErrorCode":11003}]}\n'
NOISE = "".join(f"2026-11-19T01:{i % 60:02d}:00Z INFO sync step {i} ok\n" for i in range(20_000))
LOG = NOISE + LINE * 5 + NOISE  # five errors in the middle: a cut near the end keeps them


def run(*args: str, **kw) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*ERRCAT, *args], capture_output=True, text=True, timeout=120, **kw)


# -- a compressed or UTF-16 stream whose read fails midway ---------------------------------------------------
# A gzip stream of UTF-16 (or UTF-32, or Docker's framed log) cut short raised EOFError out of the reading: the
# scan ended "Aborted!" with exit 1, none of the lines before the cut counted. An http body in UTF-16 that stalled
# lost the lines buffered before the stall. The lines before are scanned now, and the report says where it stopped.


def _framed(text: str) -> bytes:
    """Docker's multiplexed log stream (8-byte frame headers: stream 1, the payload's length)."""
    lines = text.splitlines(keepends=True)
    return b"".join(b"\x01\x00\x00\x00" + len(x.encode()).to_bytes(4, "big") + x.encode() for x in lines)


ENCODED: dict[str, Callable[[str], bytes]] = {
    "utf-16": lambda s: s.encode("utf-16"),
    "utf-32": lambda s: s.encode("utf-32"),
    "utf-16-le without mark": lambda s: s.encode("utf-16-le"),
    "docker framed": _framed,
}


@pytest.mark.parametrize("encoding", list(ENCODED))
@pytest.mark.parametrize("given", ["file", "stdin"])
def test_a_cut_gzip_stream_of_a_wide_or_framed_log_keeps_the_lines_before_the_cut(
    tmp_path: Path, encoding: str, given: str
) -> None:
    packed = gzip.compress(ENCODED[encoding](LOG))
    cut = tmp_path / "app.log.gz"
    cut.write_bytes(packed[: len(packed) * 9 // 10])
    if given == "file":
        done = run("scan", str(cut), "--format", "json", stdin=subprocess.DEVNULL)
    else:
        done = run("scan", "-", "--format", "json", stdin=cut.open("rb"))
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stdout + done.stderr
    doc = json.loads(done.stdout)
    assert doc["summary"]["error_records"] == 5
    broken = doc["inputs"][0]["broken"]
    assert broken.startswith("gzip stream ends early") and broken.endswith("the rest was not read")
    (place,) = doc["skipped"]["places"]
    assert place["what"] == broken and 20_006 < place["line"] < 40_005  # where it was cut, past the errors


def _stalling_utf16(conn: socket.socket) -> None:
    """An http body of UTF-16 that sends its first 3 error lines, then nothing of the 100 MB it announced."""
    send_body(conn, 100_000_000, _then_silence((LINE * 3).encode("utf-16")))


def _then_silence(data: bytes) -> Iterator[bytes]:
    yield data
    time.sleep(60)  # the client gives up long before (the server's end closes the connection)


def test_a_utf16_body_that_stalls_keeps_the_lines_that_came_before() -> None:
    pytest.importorskip("aiohttp")
    done, port, took = scan_served(_stalling_utf16, waits=2)  # the bounds at 2 s, not 5 (the docs' defaults: test_hostile18)
    assert took < 60 and "Traceback" not in done.stderr
    assert done.returncode == 0 and "3 vendor error(s)" in done.stdout and f"{port}/app.log:1, 2, 3" in done.stdout
    assert "read failed (no answer in 2 s" in done.stdout and f"{port}/app.log:4" in done.stdout  # where it stopped


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-32"])
def test_a_wide_file_that_shrinks_before_it_is_read_says_so_as_a_plain_one_does(tmp_path: Path, encoding: str) -> None:
    """A UTF-16 or UTF-32 log truncated (rotated by copytruncate) between its size being taken and its read: a plain
    file said "the file shrank while it was read", a wide one said nothing, as if read whole."""
    from errcat.scan.inputs import SHRANK, chunks, inputs

    log = tmp_path / "app.log"
    log.write_bytes(LOG.encode(encoding))
    (inp,) = inputs([str(log)])
    with log.open("r+b") as f:
        f.truncate(log.stat().st_size // 2)
    text = b"".join(chunks(inp))
    assert inp.broken == SHRANK and len(text) > 0


# -- a gzip header with an endless file name ----------------------------------------------------------------
# gzip.GzipFile reads a header's file name a byte at a time (1 MB a second): a crafted .gz whose name ran 20 MB held
# the scan 21 s before its first line, one of 1 GB a quarter of an hour. gzip writes a file's base name (at most
# 255 bytes on any file system): a name or comment not ended in its first 64 KiB is refused, said so, at once.


def _named_gzip(name: bytes, body: bytes) -> bytes:
    packed = bytearray(gzip.compress(body))
    packed[3] |= 0x08  # FNAME: a NUL-ended name follows the 10-byte header
    return bytes(packed[:10]) + name + b"\x00" + bytes(packed[10:])


@pytest.mark.parametrize("given", ["file", "stdin"])
def test_a_gzip_header_whose_name_runs_for_megabytes_is_refused_not_read_a_byte_at_a_time(tmp_path: Path, given: str) -> None:
    crafted = tmp_path / "crafted.log.gz"
    crafted.write_bytes(_named_gzip(b"a" * (2 << 20), LINE.encode()))
    if given == "file":
        done = run("scan", str(crafted), "--format", "json", stdin=subprocess.DEVNULL)
    else:
        done = run("scan", "-", "--format", "json", stdin=crafted.open("rb"))
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stdout + done.stderr
    problem = json.loads(done.stdout)["inputs"][0]["problem"]
    assert (
        problem
        == "cannot read: gzip header whose file name or comment runs past its first 64 KiB (damaged, or not written by gzip)"
    )


def test_a_gzip_file_with_its_name_in_the_header_is_read(tmp_path: Path) -> None:
    named = tmp_path / "app.log.gz"
    named.write_bytes(_named_gzip(b"app.log", LOG.encode()))  # as `gzip app.log` writes it
    doc = json.loads(run("scan", str(named), "--format", "json", stdin=subprocess.DEVNULL).stdout)
    assert doc["summary"]["error_records"] == 5 and doc["inputs"][0]["problem"] is None

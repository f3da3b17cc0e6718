"""Hostile input, eighth round: each input ends in a clear answer or a one-line error with a
documented exit code, never a traceback, a hang or unbounded memory, and nothing is counted twice.
Rows run the real CLI in a subprocess, or the real API (and real clients against a real server on
127.0.0.1)."""

from __future__ import annotations

import gzip
import json
import socket
import subprocess
import sys
import tracemalloc
from pathlib import Path

import httpx
import pytest

import errcat
from errcat.integrations import bodies
from localserver import Handler, server_fixture
from test_hostile import run
from test_hostile5 import MYOB_BODY
from test_scan_real import LOGHUB, needs_loghub

APACHE = LOGHUB / "Apache_2k.log"  # Loghub's Apache sample: 595 error records in 2,000 lines


def _scan_json(*args: str, stdin: bytes | None = None) -> dict:
    done = run("scan", *args, "-f", "json", stdin=stdin)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _scan_json_from(stdin: object, *args: str) -> dict:
    """scan with stdin an open file or socket (not data piped in)."""
    command = [sys.executable, "-m", "errcat", "scan", *args, "-f", "json"]
    done = subprocess.run(command, stdin=stdin, capture_output=True, timeout=120)  # type: ignore[call-overload]
    assert done.returncode == 0 and b"Traceback" not in done.stderr, done.stderr
    return json.loads(done.stdout)


# ---- scan: stdin named twice, or named as the file it is ----------------------------------------------
# `scan - -` listed stdin twice, and `scan - app.log < app.log` read the same file twice and counted
# each of its errors twice (1,190 of 595).


@needs_loghub
@pytest.mark.parametrize("names", [["-", str(APACHE)], [str(APACHE), "-"], ["-", "-"], ["-", "/dev/stdin"]])
def test_stdin_named_again_or_named_as_the_file_it_is_is_read_once(names):
    with APACHE.open("rb") as redirected:
        report = _scan_json_from(redirected, *names)
    assert report["summary"]["error_records"] == 595
    first, second = report["inputs"]
    assert first["lines"] == 2000 and first["problem"] is None
    assert second["lines"] == 0 and second["problem"].startswith("the same input as ")


@needs_loghub
def test_a_pipe_named_twice_is_read_once():
    head = b"".join(APACHE.read_bytes().splitlines(keepends=True)[:50])
    report = _scan_json("-", "-", stdin=head)
    assert [i["lines"] for i in report["inputs"]] == [50, 0]
    assert report["inputs"][1]["problem"] == "the same input as stdin, read once"


# ---- scan /dev/stdin when stdin is a socket ------------------------------------------------------------
# A service manager (systemd's StandardInput=socket, inetd) hands a socket as stdin: `scan -` read it,
# `scan /dev/stdin` said "not a file" and read nothing (a socket cannot be opened by name).


@needs_loghub
def test_dev_stdin_that_is_a_socket_is_read():
    ours, theirs = socket.socketpair()
    with ours, theirs:
        theirs.sendall(b"".join(APACHE.read_bytes().splitlines(keepends=True)[:50]))
        theirs.shutdown(socket.SHUT_WR)
        report = _scan_json_from(ours, "/dev/stdin")
    assert report["inputs"][0]["problem"] is None and report["inputs"][0]["lines"] == 50


def test_a_socket_on_disk_is_named_as_one(tmp_path):
    path = tmp_path / "app.sock"
    with socket.socket(socket.AF_UNIX) as listening:
        listening.bind(str(path))
        done = run("scan", str(path), "-f", "json")
    assert done.returncode == 2
    assert json.loads(done.stdout)["inputs"][0]["problem"] == "not a file (a socket or folder)"


# ---- digits that are not ASCII ------------------------------------------------------------------------
# Python's int() reads "٦" (Arabic-Indic) and "６" (fullwidth) as 6, and "4_0_0" as 400: `--since ٦h`
# went back six hours, `--status ٤٠٠` filtered on 400, `--top ３` showed three.


@pytest.mark.parametrize(
    "args",
    [
        ["scan", "-", "--since", "٦h"],
        ["scan", "-", "--until", "６d"],
        ["scan", "-", "--top", "３"],
        ["scan", "-", "--workers", "٢"],
        ["lookup", "25008", "--status", "٤٠٠"],
        ["lookup", "25008", "--status", "4_0_0"],
        ["list", "--status", "４００"],
        ["search", "invoice", "--limit", "1" + "0" * 30],
    ],
)
def test_numbers_in_other_digits_are_usage_errors(args):
    done = run(*args, stdin=b"")
    assert done.returncode == 2 and done.stdout == b""
    (line,) = done.stderr.decode().splitlines()
    assert line.startswith("errcat: ") and len(line) < 200


def test_ascii_numbers_still_work():
    done = run("lookup", "25008", "--status", " 400 ")
    assert done.returncode == 0 and "DatePriorToBeginningOfFinancialYear" in done.stdout.decode()


@needs_loghub
def test_until_a_basic_iso_date_includes_that_day():
    # Loghub's Apache sample runs from 2005-12-04 to 2005-12-05: --until 20051205 meant its midnight
    dashed = _scan_json(str(APACHE), "--until", "2005-12-05")["summary"]
    basic = _scan_json(str(APACHE), "--until", "20051205")["summary"]
    assert basic["left_out_time"] == dashed["left_out_time"] == 0  # was 284: every record of the 5th
    assert basic["error_records"] == dashed["error_records"] == 595


# ---- errcat mcp: a line of 400 MB ----------------------------------------------------------------------
# A message line's only bound was memory: 100 MB held 450 MB, and the SDK parsed all of it.

INITIALIZE = {
    "jsonrpc": "2.0",
    "id": 1,
    "method": "initialize",
    "params": {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "t", "version": "1"}},
}


def test_an_mcp_line_over_16_mib_is_refused_in_bounded_memory_and_the_server_goes_on():
    pytest.importorskip("mcp")
    command = [sys.executable, "-c", "import resource, runpy, sys; resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30));"
               " sys.argv = ['errcat', 'mcp']; runpy.run_module('errcat', run_name='__main__')"]  # fmt: skip
    proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdin is not None
    proc.stdin.write((json.dumps(INITIALIZE) + "\n").encode())
    proc.stdin.write(b'{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"explain","arguments":{"text":"')
    for _ in range(400):
        proc.stdin.write(b"a" * (1 << 20))
    proc.stdin.write(b'"}}}\n{"jsonrpc":"2.0","id":3,"method":"ping"}\n')
    stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 0, stderr.decode()[-2000:]
    answers = [json.loads(line) for line in stdout.splitlines()]
    assert [a.get("id") for a in answers] == [1, 2, 3]  # its id, read from its first part (hostile20)
    assert answers[1]["error"]["code"] == -32600 and "over 16 MiB" in answers[1]["error"]["message"]


# ---- the hooks: br and zstd bombs ----------------------------------------------------------------------
# httpx decodes each chunk read whole: 809 bytes of br held 512 MiB of zeros, and 16 KB of zstd 1 GiB.
# They are decoded here with a bound when their packages are installed (errcat needs neither).


def _bombs() -> dict[str, tuple[bytes, str]]:
    made: dict[str, tuple[bytes, str]] = {}
    block = bytes(1 << 20)
    try:
        import brotli

        packer = brotli.Compressor(quality=5)
        made["/br"] = (b"".join([*(packer.process(block) for _ in range(512)), packer.finish()]), "br")
        made["/br-myob"] = (brotli.compress(MYOB_BODY.encode()), "br")
        made["/gzip-br"] = (brotli.compress(gzip.compress(MYOB_BODY.encode())), "gzip, br")
    except ImportError:
        pass
    try:
        import zstandard

        z = zstandard.ZstdCompressor(level=3).compressobj()
        made["/zstd"] = (b"".join([*(z.compress(block) for _ in range(512)), z.flush()]), "zstd")
        one = zstandard.ZstdCompressor()
        body = MYOB_BODY.encode()
        made["/zstd-myob"] = (one.compress(body[:100]) + one.compress(body[100:]) + b"not a frame", "zstd")
    except ImportError:
        pass
    return made


BOMBS = _bombs()


class _Coded(Handler):
    def do_GET(self) -> None:
        data, coding = BOMBS[self.path]
        self.reply(404, data, {"Content-Type": "application/json", "Content-Encoding": coding})


coded_server = server_fixture(_Coded)


def _read(url: str) -> bytes:
    with httpx.Client(timeout=30) as http, http.stream("GET", url) as response:
        bodies.read_httpx(response)
        return response.content


@pytest.mark.parametrize("path", ["/br", "/zstd"])
def test_a_br_or_zstd_bomb_is_decoded_to_the_cap_in_bounded_memory(coded_server, path):
    if path not in BOMBS:
        pytest.skip(f"no {path[1:]} package here (errcat needs none)")
    tracemalloc.start()
    try:
        content = _read(coded_server + path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert content == bytes(bodies.LIMIT)
    assert peak < 64 * 1024 * 1024  # was 515 MiB (br) and 1 GiB (zstd)


@pytest.mark.parametrize("path", ["/br-myob", "/gzip-br", "/zstd-myob"])
def test_a_vendor_body_in_br_or_zstd_is_read_whole(coded_server, path):
    if path not in BOMBS:
        pytest.skip("no br or zstd package here (errcat needs none)")
    assert _read(coded_server + path) == MYOB_BODY.encode()  # zstd: two frames, then bytes that are none


def test_errcat_imports_without_br_or_zstd_packages():
    code = "import sys; sys.modules['brotli'] = sys.modules['zstandard'] = None; import errcat.integrations.bodies as b; print(sorted(b._BOUNDED))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.strip() == "[]", done.stderr


# ---- docs --out a name the system refuses ----------------------------------------------------------------
# A folder name over 255 bytes (ENAMETOOLONG) was an OSError traceback from its first look (Path.exists).


@pytest.mark.parametrize("check", [[], ["--check"]])
def test_docs_out_a_name_too_long_is_one_line(check):
    done = run("docs", *check, "--out", "x" * 5000)
    assert done.returncode == 2 and done.stdout == b""
    (line,) = done.stderr.decode().splitlines()
    assert line.startswith("errcat: cannot ") and "File name too long" in line and len(line) < 1100


# ---- scan of the kernel's log ---------------------------------------------------------------------------
# /proc/kmsg (a "regular" file of size 0) and /dev/kmsg wait for the kernel's next message forever: the
# scan never ended, and reading /proc/kmsg takes each message from syslog.


@pytest.mark.parametrize("name", ["/proc/kmsg", "/dev/kmsg"])
def test_the_kernels_log_is_named_not_waited_on(name):
    if not Path(name).exists():
        pytest.skip(f"no {name} here")
    done = run("scan", name, "-f", "json")
    assert done.returncode == 2
    assert json.loads(done.stdout)["inputs"][0]["problem"].startswith("the kernel's log never ends")


# ---- the API: a wrong type, a 3 MB name -----------------------------------------------------------------


def test_from_catalog_of_something_else_is_a_usage_error():
    with pytest.raises(errcat.UsageError, match="from_catalog takes a Catalog"):
        errcat.ErrorCatalog.from_catalog("catalog/myob.yaml")  # was AttributeError deep in the build


@pytest.mark.parametrize("filters", [{"vendor": "x"}, {"method": "x"}, {"severity": "x"}, {"endpoint": "x"}])
def test_an_error_quoting_a_3mb_filter_is_cut(filters):
    ((name, value),) = filters.items()
    with errcat.open_catalog(use_env=False) as catalog, pytest.raises(errcat.UsageError) as raised:
        catalog.lookup("25008", **{name: value * 3_000_000})
    message = str(raised.value)  # was the whole 3 MB, for a log to hold
    assert len(message) < 1000 and "characters left out" in message


# ---- scan --dask tls:// without certificates ------------------------------------------------------------


@needs_loghub
def test_dask_tls_without_certificates_is_a_usage_error():
    pytest.importorskip("distributed")
    done = run("scan", str(APACHE), "--dask", "tls://127.0.0.1:1")  # a TypeError traceback, exit 1
    assert done.returncode == 2
    (line,) = done.stderr.decode().splitlines()
    assert line.startswith("errcat: --dask tls://127.0.0.1:1: cannot reach the scheduler") and "distributed.comm.tls" in line


# ---- errcat mcp: a byte-order mark before a message -------------------------------------------------------
# Windows tools start their output with one; the SDK refused the line as not JSON, initialize among them.


def test_an_mcp_initialize_after_a_byte_order_mark_is_answered():
    pytest.importorskip("mcp")
    lines = b"\xef\xbb\xbf" + json.dumps(INITIALIZE).encode() + b'\n{"jsonrpc":"2.0","id":2,"method":"ping"}\n'
    done = run("mcp", stdin=lines)
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    assert [a.get("id") for a in answers] == [1, 2] and "result" in answers[0]


# ---- the integrations: a response object whose every attribute raises --------------------------------------
# A wrapper of the caller's own (a proxy, a mock with spec) may raise on any attribute: explain_response
# read iter_content, read1 and _errcat_broken with getattr, and the caller's RuntimeError escaped.


class _Raising:
    def __getattr__(self, name: str) -> object:
        raise RuntimeError(f"no {name} on this proxy")


@pytest.mark.parametrize("ask", ["explain_response", "retry_advice", "should_retry"])
def test_a_response_whose_attributes_all_raise_is_answered(ask):
    answer = getattr(errcat, ask)(_Raising())
    assert answer is not None


# ---- a cache folder whose path is too long ------------------------------------------------------------------
# `cache info` and the warning told the user to fix the folder's owner for ENAMETOOLONG.


def test_a_cache_folder_path_too_long_says_so_not_fix_its_owner(tmp_path):
    folder = str(tmp_path / ("x" * 300))
    info = run("cache", "info", env={"ERRCAT_CACHE_DIR": folder})
    assert info.returncode == 0 and "File name too long" in info.stdout.decode()
    assert "a folder with a shorter path" in info.stdout.decode() and "owner" not in info.stdout.decode()
    done = run("lookup", "25008", env={"ERRCAT_CACHE_DIR": folder})
    assert done.returncode == 0
    (line,) = done.stderr.decode().splitlines()
    assert "(File name too long)" in line and "shorter path" in line and "owner" not in line

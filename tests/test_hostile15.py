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
        ("http://127.0.0.1:abc/app.log", "not a valid URL (the port is not a number)"),
        # a "#" (or "/", "?") unescaped in a password ends the host there: the port the parser then reads is the
        # password's start, which its message quoted ("Port could not be cast to integer value as 'hunter2'")
        ("https://user:hunter2#x@logs.example.com/app.log", "not a valid URL (the port is not a number)"),
        ("https://user:hunter2/x@logs.example.com/app.log", "not a valid URL (the port is not a number)"),
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


# -- errcat mcp ended by a signal while a call runs ----------------------------------------------------------
# The exit codes a signal gives (129, 130, 143) were said nowhere (README's table listed 0-3); an assistant's host
# ends its server with SIGTERM, often while a slow explain runs: it ends at once, silently, with 128 + the signal.


@pytest.mark.parametrize("sig", ["SIGTERM", "SIGINT", "SIGHUP"])
def test_mcp_ended_by_a_signal_during_a_call_exits_with_its_documented_code_silently(sig: str) -> None:
    pytest.importorskip("mcp")
    import json
    import signal
    import time

    number = int(getattr(signal, sig))
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    assert f"{128 + number}" in readme.split("### Exit codes", 1)[1].split("###", 1)[0]
    init = {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "t", "version": "1"}}
    paste = "2026-11-19 ERROR oauth2: cannot fetch token: 401 Unauthorized Response: {}\n" * 25000
    messages = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": init},
        {"jsonrpc": "2.0", "method": "notifications/initialized"},
        {"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": {"name": "explain", "arguments": {"text": paste}}},
    ]
    # SIGINT and SIGHUP at their default, as a shell starts a command in the foreground (a runner in the background,
    # started by a shell's "&", ignores SIGINT, and one under nohup SIGHUP, and their children with them: errcat then
    # rightly goes on)
    proc = subprocess.Popen(
        [*ERRCAT, "mcp"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: [signal.signal(s, signal.SIG_DFL) for s in (signal.SIGINT, signal.SIGHUP)],
    )
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write("".join(json.dumps(m) + "\n" for m in messages).encode())
    proc.stdin.flush()
    assert b'"id":1' in proc.stdout.readline()  # initialised: the call is under way
    time.sleep(0.5)
    proc.send_signal(number)
    _out, err = proc.communicate(timeout=30)
    assert proc.returncode in (128 + number, -number)
    assert err.strip() == b""


# -- stdout open only for reading ---------------------------------------------------------------------------
# `errcat list 1<file` (a script's redirection the wrong way round) printed a traceback of EBADF and exited 1 or
# 120; it is output that cannot be written, exit 2 said on one line, as a full disk is.


@pytest.mark.parametrize(
    "args", [["--version"], ["list"], ["export", "-f", "yaml"], ["lookup", "--help"], ["vendors", "-f", "json"]]
)
def test_stdout_open_only_for_reading_is_output_that_cannot_be_written(tmp_path: Path, args: list[str]) -> None:
    readonly = tmp_path / "input.txt"
    readonly.write_text("x")
    with readonly.open("rb") as stdout:
        done = subprocess.run(
            [*ERRCAT, *args], stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=90, stdin=subprocess.DEVNULL
        )
    assert done.returncode == 2
    assert done.stderr.strip() == "errcat: cannot write the output: stdout is not open for writing"
    assert readonly.read_text() == "x"


# -- MCP: a cancellation naming no request's id --------------------------------------------------------------
# `notifications/cancelled` with `"requestId": [1]` (or {}) ended the server with a traceback (unhashable type):
# the client's other calls were never answered. A notification is never answered; such a one cancels nothing.


@pytest.mark.parametrize("request_id", [[1], {"a": 1}, [[]]])
def test_mcp_a_cancellation_of_no_requests_id_cancels_nothing_and_the_server_goes_on(request_id: object) -> None:
    pytest.importorskip("mcp")
    import json

    init = {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "t", "version": "1"}}
    messages = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": init},
        {"jsonrpc": "2.0", "method": "notifications/initialized"},
        {"jsonrpc": "2.0", "method": "notifications/cancelled", "params": {"requestId": request_id, "reason": 5}},
        {"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": {"name": "lookup", "arguments": {"query": "25008"}}},
    ]
    done = subprocess.run(
        [*ERRCAT, "mcp"], input="".join(json.dumps(m) + "\n" for m in messages), capture_output=True, text=True, timeout=90
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr
    answers = {a["id"]: a for a in map(json.loads, done.stdout.splitlines())}
    assert "DatePriorToBeginningOfFinancialYear" in json.dumps(answers[2]["result"])


# -- a Dask scan given an asynchronous Client, inside a running event loop --------------------------------------
# Jupyter-like code (asyncio.run, `async with Client(..., asynchronous=True)`) passing its Client to scan got a
# traceback (AttributeError: 'coroutine' object has no attribute 'values') and a RuntimeWarning of a coroutine never
# awaited; it is a UsageError saying what to pass.


def test_scan_given_an_asynchronous_dask_client_is_a_usage_error_not_a_traceback(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    log = tmp_path / "sync.log"
    log.write_text(LINE)
    script = f"""
import asyncio, sys, warnings
warnings.simplefilter("default")
import errcat
from distributed import Client, LocalCluster

async def main():
    async with LocalCluster(n_workers=1, processes=False, asynchronous=True, dashboard_address=None) as cluster:
        async with Client(cluster, asynchronous=True) as client:
            try:
                errcat.open_catalog().scan([{str(log)!r}], dask=client)
            except errcat.UsageError as error:
                print("USAGE", error)

asyncio.run(main())
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "USAGE dask is an asynchronous Client (asynchronous=True)" in done.stdout
    assert "Traceback" not in done.stderr and "RuntimeWarning" not in done.stderr


# -- an httpx hook on an endless stream that decodes to nothing more ----------------------------------------------
# `Content-Encoding: gzip` and gzip members one after another without end: zlib decodes the first and leaves the rest
# unread, so the hook's cap on decoded bytes was never reached and it read the stream for ever (a hang of the call).


def test_the_httpx_hook_stops_reading_an_endless_body_that_decodes_to_nothing_more() -> None:
    pytest.importorskip("httpx")
    script = r"""
import gzip, socket, threading, httpx, errcat
from errcat.integrations import httpx as errcat_httpx

member = gzip.compress(b'{"Errors":[{"ErrorCode":11003,"Name":"CustomerNotFound"}]}' + b" " * 100)

def answer(conn):
    conn.recv(65536)
    conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n")
    chunk = b"%x\r\n" % (len(member) * 200) + member * 200 + b"\r\n"
    try:
        while True:
            conn.sendall(chunk)
    except OSError:
        pass

server = socket.create_server(("127.0.0.1", 0))
threading.Thread(target=lambda: [threading.Thread(target=answer, args=(server.accept()[0],), daemon=True).start() for _ in range(3)], daemon=True).start()
url = f"http://127.0.0.1:{server.getsockname()[1]}/accountright/x/Customer"
with httpx.Client(event_hooks={"response": [errcat_httpx.hook()]}, timeout=30) as client:
    try:
        client.get(url)
    except errcat.VendorError as error:
        print("VENDOR", error)
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith("VENDOR ") and "400" in done.stdout

"""Hostile input, sixth round: each input ends in a clear answer or a one-line error with a
documented exit code, never a traceback, a hang, unbounded memory or a silent drop. Rows run the
real CLI in a subprocess or the real API against a real server on 127.0.0.1."""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import itertools
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import httpx
import pytest
import requests

import errcat
from errcat.integrations import explain_response
from errcat.integrations import httpx as errcat_httpx
from errcat.integrations import requests as errcat_requests
from localserver import Handler, server_fixture
from test_hostile import out, run
from test_hostile5 import MYOB_BODY
from test_scan_real import LOGHUB, needs_loghub

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

# ---- the hooks: a body that breaks off after its first bytes -----------------------------------------
# The server sends the whole MYOB body and then fails: it promised more (a Content-Length the
# connection closes short of), stalls past the client's timeout, breaks its chunked framing, or says
# gzip and is not. The bytes
# that came were dropped (urllib3's read(amt) and httpx's 64 KB chunker raise with them unreturned;
# urllib's HTTPError raised http.client's IncompleteRead out of explain_response):
# the explanation had the status alone and no word of the body.

BODY = MYOB_BODY.encode("utf-8")
HEAD = b"HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nConnection: close\r\n"


class _Breaking(Handler):
    def do_GET(self) -> None:
        if self.path == "/short":  # 10 GB promised
            self.wfile.write(HEAD + b"Content-Length: 10737418240\r\n\r\n" + BODY)
        elif self.path == "/stall":  # the rest never comes
            self.wfile.write(HEAD + b"Content-Length: %d\r\n\r\n" % (len(BODY) + 100) + BODY)
            self.wfile.flush()
            time.sleep(3)
        elif self.path == "/chunk":  # the body in one chunk, then a chunk header that is none
            self.wfile.write(HEAD + b"Transfer-Encoding: chunked\r\n\r\n%x\r\n" % len(BODY) + BODY + b"\r\nzz\r\n")
        else:  # /gzip: no gzip stream at all
            self.wfile.write(HEAD + b"Content-Encoding: gzip\r\nContent-Length: 20\r\n\r\nnot a gzip stream...")
        self.close_connection = True


breaking_server = server_fixture(_Breaking)


def _explained(client: str, url: str) -> errcat.Explanation:
    catalog = errcat.open_catalog(use_env=False)
    if client == "requests hook":
        session = requests.Session()
        session.hooks["response"].append(errcat_requests.hook(attach=True, catalog=catalog))
        return session.get(url, timeout=1).errcat  # type: ignore[attr-defined]
    if client == "requests stream":
        return explain_response(requests.get(url, timeout=1, stream=True), catalog=catalog)
    if client == "urllib":
        with pytest.raises(urllib.error.HTTPError) as raised:
            urllib.request.urlopen(url, timeout=1)
        return explain_response(raised.value, catalog=catalog)
    if client == "httpx hook":
        with httpx.Client(timeout=1, event_hooks={"response": [errcat_httpx.hook(attach=True, catalog=catalog)]}) as http:
            return http.get(url).extensions["errcat"]

    async def fetch() -> errcat.Explanation:
        hooks = {"response": [errcat_httpx.async_hook(attach=True, catalog=catalog)]}
        async with httpx.AsyncClient(timeout=1, event_hooks=hooks) as http:
            return (await http.get(url)).extensions["errcat"]

    return asyncio.run(fetch())


CLIENTS = ["requests hook", "requests stream", "httpx hook", "httpx async hook", "urllib"]


@pytest.mark.parametrize("path", ["/short", "/stall", "/chunk"])
@pytest.mark.parametrize("client", CLIENTS)
def test_a_body_that_breaks_off_is_explained_as_far_as_it_came_and_said_so(breaking_server, client, path):
    x = _explained(client, breaking_server + path)
    assert x.vendor == "myob" and x.errors[0].observed.message.endswith("cannot be found.")
    assert f"the body could not be read past its first {len(BODY):,} bytes" in " ".join(x.notes)


@pytest.mark.parametrize("client", CLIENTS[:-1])  # urllib decodes no Content-Encoding: its body is the bytes sent
def test_a_body_that_cannot_be_decoded_is_said_not_passed_over(breaking_server, client):
    x = _explained(client, breaking_server + "/gzip")
    assert x.exchange.status == 404
    assert any(n.startswith("the body could not be read past its first 0 bytes") for n in x.notes)


# ---- a parallel scan ended by SIGTERM or SIGKILL --------------------------------------------------------
# Killed (``kill``, ``timeout``, a cancelled CI job), the scan of a big file died at once and its
# worker processes lived on for ever, blocked on their pool's pipe and holding the caller's stdout
# and stderr open: a caller waiting for the output's end (subprocess.run, a shell's $(...)) hung.
# Each task here first sleeps, so the signal lands while the pool is busy (the file need not be 64 MB).

_SLOW_SCAN = """
import sys, time
import errcat.scan, errcat.scan.parallel as parallel
from errcat.cli import main
errcat.scan.PARALLEL_MIN = 1
found = parallel._find
def slow(*args):
    time.sleep(2)
    return found(*args)
parallel._find = slow
sys.argv = ["errcat", "scan", "--workers", "2", sys.argv[1]]
main()
"""


def _children(pid: int) -> list[str]:
    with open(f"/proc/{pid}/task/{pid}/children") as f:
        return f.read().split()


@needs_loghub
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc for the worker processes")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_a_parallel_scan_killed_leaves_no_worker_behind(tmp_path, sig):
    log = tmp_path / "big.log"
    log.write_bytes((LOGHUB / "Apache_2k.log").read_bytes() * 8)
    env = {k: v for k, v in os.environ.items() if k != "ERRCAT_CATALOG"}
    scan = subprocess.Popen([sys.executable, "-c", _SLOW_SCAN, str(log)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    deadline = time.monotonic() + 60
    while not _children(scan.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    workers = [int(pid) for pid in _children(scan.pid)]
    assert workers, "the scan started no worker"
    scan.send_signal(sig)
    try:
        _, err = scan.communicate(timeout=30)  # the pipes end when the last process holding them has
    except subprocess.TimeoutExpired:
        for pid in workers:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        raise
    # SIGTERM ends the command line through SystemExit(143) (what it was writing is removed), or kills it when
    # that takes longer than its grace (errcat.cli.END_GRACE_S); SIGKILL kills it
    assert scan.returncode in ((-sig, 128 + sig) if sig == signal.SIGTERM else (-sig,)) and b"Traceback" not in err


_TERM_IN_A_FINALIZER = """
import os, signal, sys, time
from errcat import cli
class Held:
    def __del__(self):  # where Python can only report an exception: a finalizer, as a fork's hook is
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(1)  # the handler runs here and raises SystemExit(143), which Python cannot raise on
sys.unraisablehook = cli._quiet_at_exit
cli._end_on_terminate()
Held()
time.sleep(30)  # the signal sent again after cli.END_GRACE_S ends the run
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="signals a process of its own")
def test_a_sigterm_that_lands_where_python_only_reports_still_ends_the_run_without_a_traceback():
    # CI: SIGTERM during a worker pool's fork raised SystemExit in logging's at-fork hook; Python printed
    # "Exception ignored in: <function _releaseLock>" and a traceback, then the grace timer killed the run
    began = time.monotonic()
    done = subprocess.run([sys.executable, "-c", _TERM_IN_A_FINALIZER], capture_output=True, timeout=60)
    assert done.returncode == -signal.SIGTERM and time.monotonic() - began < 20
    assert done.stderr == b""


# ---- explain_response: headers that are no mapping and no list of pairs ----------------------------------


class _Response:
    status_code = 429
    text = MYOB_BODY

    def __init__(self, headers: object) -> None:
        self.headers = headers


@pytest.mark.parametrize(
    "headers",
    [[1, 2], 5, "Retry-After: 5", [("Retry-After", "5"), ("X-Only-A-Name",)], itertools.repeat(("X-Again", "1"))],
    ids=["numbers", "a number", "a string", "a pair and no pair", "endless"],
)
def test_explain_response_passes_over_headers_that_are_no_pairs(headers):
    # a client of one's own: a TypeError ("cannot unpack non-iterable int"), or for ever on an endless iterator
    x = explain_response(_Response(headers), catalog=errcat.open_catalog(use_env=False))
    assert x.exchange.status == 429 and len(x.exchange.headers) <= 500
    assert all(name in ("Retry-After", "X-Again") for name, _ in x.exchange.headers)


# ---- scan given a list holding what is no file name ------------------------------------------------------


def test_scan_names_the_item_of_its_list_that_is_no_file_name(tmp_path):
    # said "not list" of the list itself; an os.DirEntry of os.scandir(bytes) was let through as bytes
    (tmp_path / "app.log").write_text("a line\n")
    catalog = errcat.open_catalog(use_env=False)
    entry = next(os.scandir(os.fsencode(tmp_path)))
    for files, said in [([b"/var/log/app.log"], "bytes"), ([tmp_path / "app.log", None], "NoneType"), ([entry], "bytes")]:
        with pytest.raises(errcat.UsageError, match=f"^a file name to scan is a str or Path, not {said}$"):
            catalog.scan(files)


# ---- a catalog file whose name is no UTF-8 -----------------------------------------------------------------
# A name from a Latin-1 system, or a stray byte: Python holds its bytes as lone surrogates, which the
# index's key (str.encode) and SQLite both refused: every command but validate ended in a traceback.


@pytest.mark.parametrize("args", [["list", "--vendor", "myob"], ["lookup", "TeamGatewayTimeout"], ["export", "-f", "csv"]])
def test_a_catalog_file_named_in_bytes_that_are_no_utf8_is_used(tmp_path, args):
    folder = tmp_path / os.fsdecode(b"caf\xe9")  # Latin-1's "café"
    folder.mkdir()
    try:
        (folder / os.fsdecode(b"team-\xff.yaml")).write_bytes((EXAMPLES / "team-errors.yaml").read_bytes())
    except (OSError, UnicodeError):  # a file system that takes UTF-8 names only (macOS)
        pytest.skip("this file system refuses names that are no UTF-8")
    done = run(*args, "-c", os.fsencode(folder), env={"ERRCAT_CACHE_DIR": str(tmp_path / "cache")})
    assert done.returncode == 0 and b"TeamGatewayTimeout" in done.stdout


# ---- a .gz inside a .gz -------------------------------------------------------------------------------------


@needs_loghub
def test_scan_names_a_gzip_inside_a_gzip_with_the_commands_that_unpack_it(tmp_path):
    # was "binary file (NUL or control bytes near its start), not a log": true of the inner layer only
    log = tmp_path / "apache.log.gz.gz"
    log.write_bytes(gzip.compress(gzip.compress((LOGHUB / "Apache_2k.log").read_bytes())))
    done = run("scan", str(log))
    assert done.returncode == 2 and "gzip inside gzip (one layer is read): unpack it, zcat FILE | zcat | errcat scan -" in out(
        done
    )


# ---- ERRCAT_CACHE_DIR naming a file, or holding a newline and an escape -------------------------------------


def test_a_cache_folder_that_is_a_file_is_said_so_on_one_line(tmp_path):
    # was "(File exists) ... fix its owner"; a newline in the name broke the warning in two lines,
    # and an escape in it reached the terminal raw
    a_file = tmp_path / "cache"
    a_file.write_text("not a folder\n")
    done = run("lookup", "25008", env={"ERRCAT_CACHE_DIR": str(a_file)})
    assert done.returncode == 0 and "it names a file, not a folder" in done.stderr.decode()
    odd = tmp_path / "a file\nnamed\x1b[2J"
    odd.write_text("not a folder\n")
    said = run("lookup", "25008", env={"ERRCAT_CACHE_DIR": str(odd)}).stderr.decode()
    assert said.count("\n") == 1 and "\x1b" not in said and "a file\\nnamed\\x1b[2J" in said


# ---- docs --out into a folder whose name holds a newline and an escape --------------------------------------


def test_docs_names_each_page_on_one_escaped_line(tmp_path):
    # "wrote /tmp/x" and "y/index.md" came out as two lines per page, the escape sent to the terminal raw
    folder = tmp_path / "pages\nfor\x1b[2Jus"
    done = run("docs", "--out", str(folder), "--vendor", "myob")
    said = done.stderr.decode().splitlines()
    assert done.returncode == 0 and (folder / "myob.md").is_file()
    assert said and all(line.startswith("wrote ") and "pages\\nfor\\x1b[2Jus" in line for line in said)

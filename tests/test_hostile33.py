"""Hostile input, hostile33's round (harness under /work/notes/hostile33-harness: 100 cases through catalogs, the cache,
explain, scan, docs, MCP, the Python API and the hooks): what it found past rounds 1-22. Rows run the real CLI in a
subprocess, a real MCP session over stdio, and real requests and httpx clients against a server on 127.0.0.1."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

import errcat
from cputime import cpu_seconds
from errcat.integrations import bodies
from localserver import raw_serving

MYOB_LINE = b'ERROR 400 {"Errors":[{"Name":"OrderPaid","ErrorCode":37000,"Severity":"Error"}]}\n'
SRC = str(Path(errcat.__file__).resolve().parents[1])


def _cli(args: list[str], timeout: int = 120, **kw: object) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([sys.executable, "-m", "errcat", *args], capture_output=True, text=True, timeout=timeout, **kw)  # type: ignore[call-overload]
    assert "Traceback" not in done.stderr + done.stdout
    return done  # type: ignore[no-any-return]


# -- a log whose start is a hole as long as the log was, with no line end before the program's next line ----------
# logrotate's copytruncate, the program writing on at its offset: the hole's NULs and the next line were one line.
# Past 1 MiB that line was skipped whole ("line longer than 1,048,576 bytes"), its error lost, and every NUL was read:
# a hole of 10 GB took minutes (grep skips it at once). The scan now starts at the text.


@pytest.mark.parametrize(("hole", "args"), [(2 << 20, ["--workers", "1"]), (72 << 20, [])])
def test_a_log_after_a_hole_with_no_line_end_keeps_its_first_error(tmp_path: Path, hole: int, args: list[str]) -> None:
    log = tmp_path / "app.log"
    with open(log, "wb") as f:
        f.truncate(hole)
        f.seek(hole)
        f.write(MYOB_LINE * 2)
    done = _cli(["scan", "--format", "json", *args, str(log)])
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert [p["line"] for g in report["matched"] for p in g["lines"]] == [1, 2]
    assert report["skipped"]["places"] == []


# -- a hook on a response whose body trickles for ever ---------------------------------------------------------------
# No client's read time-out fires while bytes keep coming, and the caps (2 MiB decoded, twice that raw) take days at a
# byte a fifth of a second: a hook on a response the caller streamed held it for ever. It reads BODY_SECONDS at most.

BODY = b'{"Errors":[{"Name":"OrderPaid","ErrorCode":37000,"Message":"Cannot delete order with payment(s) applied","Severity":"Error"}]}'


def _trickle(conn: object) -> None:
    conn.recv(65536)  # type: ignore[attr-defined]
    try:
        conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")  # type: ignore[attr-defined]
        conn.sendall(b"%x\r\n%s\r\n" % (len(BODY), BODY))  # type: ignore[attr-defined]
        while True:
            conn.sendall(b"1\r\n \r\n")  # type: ignore[attr-defined]
            time.sleep(0.1)
    except OSError:  # the hook gave up and closed
        pass


@pytest.mark.parametrize("client", ["requests", "httpx"])
def test_a_hook_explains_a_body_that_never_ends_after_body_seconds(monkeypatch: pytest.MonkeyPatch, client: str) -> None:
    monkeypatch.setattr(bodies, "BODY_SECONDS", 1.0)
    started = time.monotonic()
    with raw_serving(_trickle) as port:
        url = f"http://127.0.0.1:{port}/accountright/x/Sale/Order"
        if client == "requests":
            requests = pytest.importorskip("requests")
            from errcat.integrations.requests import hook

            with requests.Session() as session, pytest.raises(errcat.VendorError) as raised:
                session.hooks["response"].append(hook())
                session.get(url, timeout=5, stream=True)
        else:
            httpx = pytest.importorskip("httpx")
            from errcat.integrations.httpx import hook as hhook

            with httpx.Client(event_hooks={"response": [hhook()]}, timeout=5) as c, pytest.raises(errcat.VendorError) as raised:
                c.get(url)
    assert time.monotonic() - started < 30
    best = raised.value.explanation.errors[0].best
    assert best is not None and best.entry.name == "OrderPaid"
    assert "still arriving after 1 s" in str(raised.value.explanation.notes)


# -- a search query of 50,000 words --------------------------------------------------------------------------------
# 64 of its words were searched, but the phrase that ranks an exact match higher held all of them: FTS5 checked it in
# each row holding "a" and "or", 3.7 s of CPU for "a OR a OR ..." of 125 KB (37 s and 377 MB at 250 KB on a busy
# machine), what an MCP client or the API may pass. It costs now what the query of its first words costs.


def test_a_search_of_fifty_thousand_words_costs_what_its_first_words_do() -> None:
    catalog = errcat.open_catalog()
    few = min(cpu_seconds(lambda: catalog.search("a OR " * 13)) for _ in range(2))
    many = cpu_seconds(lambda: catalog.search("a OR " * 25_000))
    assert many < 10 * few + 0.5, (many, few)
    assert catalog.search("locked period")[0].group.codes == ["25009"]


# -- a catalog folder that cannot be listed ---------------------------------------------------------------------------
# It was passed over, and the user was told it held no catalog files (*.yaml): the reason was its permissions.


def test_a_catalog_folder_that_cannot_be_listed_says_so() -> None:
    top = Path(tempfile.mkdtemp(prefix="errcat-h33-"))
    try:
        top.chmod(0o755)
        folder = top / "team"
        folder.mkdir()
        (folder / "team.yaml").write_text("errcat: 1\n")
        folder.chmod(0)
        as_user = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] if os.geteuid() == 0 else []
        if as_user and not shutil.which("setpriv"):
            pytest.fail("root without setpriv: cannot run as a user the folder refuses")
        env = {**os.environ, "PYTHONPATH": SRC, "ERRCAT_NO_CACHE": "1", "ERRCAT_CATALOG": "", "HOME": str(top)}
        done = subprocess.run(
            [*as_user, sys.executable, "-m", "errcat", "lookup", "25008", "-c", str(folder)],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            cwd=str(top),
        )
        assert done.returncode == 2, done.stderr
        said = done.stderr.strip()  # the folder as shown (a random temporary name may be masked as a token)
        assert said.startswith("errcat: catalog folder /") and said.endswith("/team cannot be read: Permission denied"), said
        assert "\n" not in said
    finally:
        (top / "team").chmod(0o755)
        shutil.rmtree(top)


# -- an MCP line nested deeper than the SDK's parser reads ----------------------------------------------------------


def test_an_mcp_line_nested_too_deep_is_refused_as_such_and_the_server_serves_on() -> None:
    pytest.importorskip("mcp")
    init = {
        "jsonrpc": "2.0",
        "id": 0,
        "method": "initialize",
        "params": {"protocolVersion": "2025-03-26", "capabilities": {}, "clientInfo": {"name": "t", "version": "1"}},
    }
    lookup = {"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": {"name": "lookup", "arguments": {"query": "25008"}}}
    deep = b'{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"explain","arguments":{"text":'
    deep += b"[" * 20_000 + b"]" * 20_000 + b"}}}\n"
    lines = [json.dumps(init).encode() + b"\n", b'{"jsonrpc":"2.0","method":"notifications/initialized"}\n', deep]
    done = subprocess.run(
        [sys.executable, "-m", "errcat", "mcp"],
        input=b"".join([*lines, json.dumps(lookup).encode() + b"\n"]),
        capture_output=True,
        timeout=120,
    )
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    refused = [a for a in answers if a.get("id") is None]
    assert [a["error"]["message"] for a in refused] == ["Parse error: the line's JSON nests deeper than the server reads"]
    assert next(a for a in answers if a.get("id") == 2)["result"]["isError"] is False


# -- the exit codes in --help ------------------------------------------------------------------------------------
# README's table was the only place that listed them: `errcat --help` named none.


def test_help_lists_every_exit_code_the_readme_documents() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    table = readme.split("### Exit codes", 1)[1].split("\n### ", 1)[0]
    codes = {c for row in table.splitlines() if row.startswith("| ") for c in row.split("|")[1].replace(",", " ").split()}
    codes.discard("code")
    shown = " ".join(_cli(["--help"]).stdout.split())
    listed = shown.split("Exit codes:", 1)[1]
    assert codes == {"0", "1", "2", "3", "129", "130", "143"}
    assert all(f" {c} " in f" {listed.replace(',', ' ').replace(';', ' ')} " for c in codes), listed

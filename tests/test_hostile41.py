"""Hostile input, hostile41's round (harness, cases and results under /work/notes/hostile41-harness): what hostile40
left (an offset minute of 60 taken, an MCP server alive after its client closed its stdout, a schema that differs from
what the server takes, explain refusing text followed by binary data, an interrupted stdin scan saying nothing)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"


def _env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(SRC), "ERRCAT_CACHE_DIR": str(tmp_path / "cache")}


@pytest.mark.parametrize(
    ("value", "offset"),
    [("2026-06-30T10:00+01:60", "+01:60"), ("2026-06-30T10:00:00-0060", "-0060"), ("2026-06-30T10:00+01:00:60", "+01:00:60")],
)
def test_scan_since_an_offset_minute_past_59_is_refused_not_read_as_the_next_hour(
    tmp_path: Path, value: str, offset: str
) -> None:
    """Python reads +01:60 as +02:00: `--since 2026-06-30T10:00+01:60` moved the window by an hour and said nothing."""
    log = tmp_path / "a.log"
    log.write_text("2026-06-30T10:00:00Z ERROR x\n")
    done = subprocess.run(
        [sys.executable, "-m", "errcat", "scan", "--since", value, str(log)],
        capture_output=True, text=True, env=_env(tmp_path), timeout=300,
    )  # fmt: skip
    assert done.returncode == 2 and done.stdout == "", done
    assert done.stderr.strip().splitlines() == [
        f"errcat: {value!r} is no time (the offset {offset} has 60 in place of a minute or second: past 59): "
        "use 2026-11-19, 2026-11-19T02:00:00Z, or 6h / 2d ago"
    ]


def test_mcp_server_ends_when_its_client_closed_stdout_but_keeps_stdin_open(tmp_path: Path) -> None:
    """The answer to a ping met a broken pipe, and the server stayed alive until the client's next line on stdin (its
    stdin reader sat in a read a cancel waits for); a thread reading at exit then made Python abort (SIGABRT)."""
    init = (
        '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},'
        '"clientInfo":{"name":"hostile41","version":"0"}}}\n'
    )
    command = [sys.executable, "-m", "errcat", "mcp"]
    server = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(tmp_path))
    assert server.stdin is not None and server.stdout is not None and server.stderr is not None
    try:
        server.stdin.write(init.encode())
        server.stdin.flush()
        assert b'"id":1' in server.stdout.readline()
        server.stdout.close()
        server.stdin.write(b'{"jsonrpc":"2.0","id":2,"method":"ping"}\n')
        server.stdin.flush()
        rc = server.wait(timeout=120)  # generous for a loaded machine: before, it never ended while stdin stayed open
    finally:
        if server.poll() is None:
            server.kill()
        server.wait()
    error = server.stderr.read().decode()
    assert rc == 0 and "Traceback" not in error and "Fatal" not in error, (rc, error)


# synthetic: a response of the shape MYOB's 401 answers take (as the corpus's MYOB pastes show), then bytes no paste
# holds (a gzip stream of random data), as `cat response.txt core.gz | errcat explain` sends them
_RESPONSE = (
    b"HTTP/1.1 401 Unauthorized\nContent-Type: application/json\n\n"
    b'{"Errors":[{"Name":"OAuthTokenIsInvalid","Message":"The supplied OAuth token (Bearer) is not valid",'
    b'"AdditionalDetails":"","ErrorCode":31001,"Severity":"Error"}]}\n'
)


def test_explain_reads_the_text_before_binary_data_and_says_where_it_starts(tmp_path: Path) -> None:
    """scan read the lines before binary data (hostile40) while explain refused the whole paste as "the input looks
    binary": the response before the junk was never read."""
    import gzip

    junk = gzip.compress(os.urandom(3000))
    command = [sys.executable, "-m", "errcat", "explain", "--format", "json"]
    done = subprocess.run(command, input=_RESPONSE + junk, capture_output=True, env=_env(tmp_path), timeout=300)
    assert done.returncode in (0, 1) and b"Traceback" not in done.stderr, done
    said = done.stdout.decode()
    assert f"binary data (NUL or control bytes) from byte {len(_RESPONSE):,} on, not read" in said
    assert "OAuthTokenIsInvalid" in said and "myob" in said
    alone = subprocess.run(command, input=junk, capture_output=True, env=_env(tmp_path), timeout=300)
    assert alone.returncode == 2 and alone.stderr.decode().count("\n") == 1  # binary alone: refused, as before


def test_scan_of_an_endless_stdin_stopped_by_ctrl_c_reports_what_it_read_and_exits_130(tmp_path: Path) -> None:
    """`yes LINE | errcat scan -` (or a log followed with tail -f) never ends, and Ctrl-C was its only end: the scan
    exited 130 and printed nothing, so all it had read was lost. It now prints the report of the records found, the
    input marked interrupted, then exits 130 (README's exit codes)."""
    import json
    import signal

    # synthetic: one MYOB-shaped error line (as in the explain test above), then plain lines, past two 4 MB chunks
    error = b"2026-06-30T10:00:00Z ERROR GET https://api.myob.com/accountright/x 401 " + _RESPONSE.split(b"\n\n")[1]
    filler = b"2026-06-30T10:00:01Z INFO request served in 12 ms\n" * 200_000
    command = [sys.executable, "-m", "errcat", "scan", "--format", "json", "--workers", "1", "-"]
    reading, writing = os.pipe()
    scan = subprocess.Popen(
        command, stdin=reading, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(tmp_path),
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # as a terminal's shell starts it (a shell's "&" ignores it)
    )  # fmt: skip
    os.close(reading)
    try:
        with open(writing, "wb", closefd=False) as pipe:
            pipe.write(error + filler)  # returns once the scan has read all but a pipe's buffer of it
        scan.send_signal(signal.SIGINT)  # the pipe stays open (closed only below): the input has no end
        out, err = scan.communicate(timeout=300)
    finally:
        if scan.poll() is None:
            scan.kill()
        scan.wait()
        os.close(writing)
    assert scan.returncode == 130 and b"Traceback" not in err, (scan.returncode, err)
    report = json.loads(out)
    said = report["inputs"][0]
    assert said["broken"].startswith("interrupted by Ctrl-C (SIGINT)"), said
    assert said["bytes"] >= 4 << 20 and said["lines"] >= 80_000, said
    assert report["summary"]["error_records"] == 1 and report["unmatched"][0]["vendor"] == "myob", report["summary"]


# argument objects a client may send each tool; the schema the server lists says which it may send
_ARGUMENTS = {
    # (query and text both, two different words: refused, and allowed by a schema that cannot forbid an argument it does
    # not list without additionalProperties, which Gemini's declarations refuse; a client that reads the schema sends
    # no text)
    "search": [{}, {"vendor": "sage"}, {"limit": 5}, {"query": "locked period"}, {"query": "locked", "limit": 3}],
    "lookup": [{}, {"vendor": "myob"}, {"query": "25008"}, {"query": "25008", "limit": 3, "status": 400}],
    "explain": [{}, {"vendor": "myob"}, {"text": "HTTP/1.1 429 Too Many Requests"}],
    "retry_advice": [{}, {"text": "HTTP/1.1 429 Too Many Requests", "vendor": "sage"}],
    "list_vendors": [{}],
}


def test_mcp_every_call_the_listed_input_schema_allows_is_answered_not_refused() -> None:
    """search listed query and text both optional: {} and {"vendor": "sage"} passed the schema a client checks its
    call with, then the server refused them (no words to search), as it refused query and text given both. Each
    call here is checked with the real SDK client against the schema tools/list gives; what it allows is answered."""
    pytest.importorskip("mcp")
    import anyio
    import jsonschema
    from mcp import Client

    from errcat.integrations.mcp import build_server

    async def main() -> list[tuple[str, dict, bool, bool]]:
        seen = []
        async with Client(build_server()) as client:
            schemas = {t.name: t.input_schema for t in (await client.list_tools()).tools}
            for name, calls in _ARGUMENTS.items():
                for arguments in calls:
                    allowed = jsonschema.Draft202012Validator(schemas[name]).is_valid(arguments)
                    answered = not (await client.call_tool(name, arguments)).is_error
                    seen.append((name, arguments, allowed, answered))
        return seen

    seen = anyio.run(main)
    assert [(name, arguments) for name, arguments, allowed, answered in seen if allowed and not answered] == []
    assert sum(allowed for *_, allowed, _ in seen) == 7  # the valid calls above were checked, not skipped

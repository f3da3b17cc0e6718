"""Hostile input, hostile37's round (harness, fuzz counts and raw inputs under /work/notes/hostile37-harness: a seeded
mutation loop over explain and scan's record reader, each input capped in CPU and memory, and attacks on every entry
point). Each timing test measures two sizes 4 x apart in CPU time (tests/cputime.py): a linear path costs ~4 x."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import errcat
from cputime import assert_grows_at_most, cpu_seconds


def test_a_log_line_of_escaped_quotes_never_closed_costs_scan_linear_time(
    warm_catalog: errcat.ErrorCatalog, tmp_path: Path
) -> None:
    """A JSON body escaped inside a log line and cut off ('{\\"errors\\":[{\\"errors\\":[...'): scan's bracket count
    took each quote of the line as a string's start and read to the line's end from each, as none closes (the
    fuzzer's 45 KB line: 5 s of CPU; 4,000 bytes 0.045 s, 16,000 0.64 s)."""
    log = tmp_path / "app.log"

    def scan(n: int) -> None:
        log.write_text("2026-01-01 ERROR body=" + '{\\"errors\\":[' * (n // 13) + "\n", encoding="utf-8")
        warm_catalog.scan([str(log)], workers=1)

    assert_grows_at_most(scan, 4_000, 4, 8)


def test_a_print_r_value_then_a_run_of_blanks_costs_linear_time(warm_catalog: errcat.ErrorCatalog) -> None:
    """print_r's '[key] => value' read its value up to the next '[key] =>', a ')' or the line's end, looked for at each
    character: from each blank of a run the look read the run to its end (the fuzzer's 41 KB Laravel log line in
    capitals, 36,000 blanks after '[LINE 105] => ...': 7.3 s of CPU; 4,000 blanks 0.19 s of the regex, 16,000 3.3 s)."""
    assert_grows_at_most(lambda n: warm_catalog.explain("[LINE 105] => X" + " " * n + ":"), 4_000, 4, 8)


def test_a_line_holding_traceback_then_a_run_of_blanks_costs_linear_time(warm_catalog: errcat.ErrorCatalog) -> None:
    """A traceback's head inside a line ('RPC_ERROR Traceback (most recent call last):') is cut from it, looked for
    after any blanks: each blank of a run was a start whose blanks were read to the run's end (the fuzzer's HAR of an
    Odoo traceback with 16,000 blanks in it: 3.2 s of CPU in scan; 8,000 blanks took explain 1.5 s, 16,000 5.4 s)."""
    build = lambda n: "HTTP/1.1 500 Server Error\n\nRPC_ERROR Traceback (most recent call last):" + " " * n + "x"  # noqa: E731
    assert_grows_at_most(lambda n: warm_catalog.explain(build(n)), 2_000, 4, 8)


def test_a_string_value_the_paste_stops_inside_then_blanks_costs_little(warm_catalog: errcat.ErrorCatalog) -> None:
    """A body cut inside a string value ('"Message": "a', blanks, a word): the value was given back a character at a
    time, up to 4,000 times, each time reading the blanks after it to their end in search of the paste's end (64,000
    blanks: 3.9 s of CPU). Bounded (4,000 x the blanks, up to the 64 KB read pair by pair), so no growth test: the cost is
    held to that of the same paste with the value closed."""
    head = 'HTTP/1.1 400 Bad Request\n\n{"Errors":[{"Name":"X","Message":"a'
    cut = cpu_seconds(lambda: warm_catalog.explain(head + " " * 64_000 + "x"))
    whole = cpu_seconds(lambda: warm_catalog.explain(head + '"}]}' + " " * 64_000 + "x"))
    assert cut < 4 * whole + 0.3, f"{cut:.2f} s CPU against {whole:.2f} s"


# fsspec protocols whose package is no errcat extra, each with the package fsspec asks for
UNLISTED = {"sftp": "paramiko", "smb": "smbprotocol", "git": "pygit2"}


def test_a_url_whose_fsspec_package_is_missing_names_the_package(warm_catalog: errcat.ErrorCatalog) -> None:
    """scan sftp://host/x.log without paramiko said "needs the package its fsspec package: pip install its fsspec
    package": the package's name was lost for every protocol errcat has no name of. fsspec's own words name it."""
    missing = [(proto, pkg) for proto, pkg in UNLISTED.items() if importlib.util.find_spec(pkg) is None]
    assert missing, "every package is installed: no protocol left to try"
    protocol, package = missing[0]
    with pytest.raises(errcat.UsageError) as raised:
        warm_catalog.scan([f"{protocol}://127.0.0.1:1/x.log"], workers=1)
    said = str(raised.value)
    assert package in said and "its fsspec package" not in said and "\n" not in said, said


SRC = Path(__file__).resolve().parent.parent / "src"
MISSHAPEN = {
    "params a list": ({"jsonrpc": "2.0", "id": 4, "method": "tools/call", "params": [1, 2]}, '"params"'),
    "params a string": ({"jsonrpc": "2.0", "id": "s", "method": "tools/call", "params": "x"}, '"params"'),
    "no jsonrpc": ({"id": 24, "method": "ping"}, '"jsonrpc"'),
    "method a number": ({"jsonrpc": "2.0", "id": 22, "method": 5}, '"method"'),
}


def test_mcp_answers_a_misshapen_request_with_its_own_id(tmp_path: Path) -> None:
    """A request with a good id but params that are a list or a string, a method that is a number, or no "jsonrpc":
    the SDK refused it with id null ("a request's id is a string or integer", of a request whose id was one), so the
    client, waiting on its own id, waited forever. Each is refused with its id, saying what is wrong with it."""
    init = {"protocolVersion": "2025-03-26", "capabilities": {}, "clientInfo": {"name": "hostile37", "version": "1"}}
    head = [
        {"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": init},
        {"jsonrpc": "2.0", "method": "notifications/initialized"},
    ]
    sent = [m for m, _ in MISSHAPEN.values()]
    env = {**os.environ, "PYTHONPATH": str(SRC), "ERRCAT_CACHE_DIR": str(tmp_path)}
    p = subprocess.run(
        [sys.executable, "-m", "errcat", "mcp"],
        input="".join(json.dumps(m) + "\n" for m in [*head, *sent, {"jsonrpc": "2.0", "id": "last", "method": "ping"}]),
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    answers = {json.dumps(a["id"]): a for a in map(json.loads, p.stdout.splitlines())}
    for message, field in MISSHAPEN.values():
        answer = answers.get(json.dumps(message["id"]))
        assert answer is not None, f"{message['id']!r} unanswered: {p.stdout[-800:]}"
        assert answer["error"]["code"] == -32600 and field in answer["error"]["message"], answer
    assert '"last"' in answers and p.returncode == 0 and "Traceback" not in p.stderr


def _colour(text: str) -> str:
    return "\x1b[1;31m" + text.replace("\n", "\x1b[0m\n\x1b[32m").replace('":', '"\x1b[0m:\x1b[33m') + "\x1b[0m"


def test_a_paste_in_colour_is_read_as_text_not_refused_as_binary(warm_catalog: errcat.ErrorCatalog) -> None:
    """A paste carrying a terminal's colour codes (a logger's, jq -C's, a CI log's) was refused: "the input looks
    binary, not text", once one byte in twenty was an escape, though scan reads the same bytes as text (an escape is
    text's: text.is_binary). Read, its colour codes split the body's keys from their values ('"ErrorCode"\x1b[0m:
    \x1b[33m25008'): they are left out, and the paste is explained as the same paste without its colours."""
    plain_paste = 'HTTP/1.1 400 Bad Request\n\n{"Errors":[{"Name":"ValidationError","Message":"Bad","ErrorCode":25008}]}'
    coloured = _colour(plain_paste).encode()
    assert coloured.count(b"\x1b") * 20 > len(coloured)
    x, plain_x = warm_catalog.explain_bytes(coloured), warm_catalog.explain_bytes(plain_paste.encode())
    assert x.exchange.status == plain_x.exchange.status == 400
    assert [e.observed.code for e in x.errors] == [e.observed.code for e in plain_x.errors] == ["25008"]
    with pytest.raises(errcat.UsageError, match="looks binary"):  # control bytes text does not hold still are binary
        warm_catalog.explain_bytes(b"\x01\x02\x03\x04 junk" * 40)


def test_a_json_log_line_whose_key_holds_a_lone_surrogate_escape_is_scanned(
    warm_catalog: errcat.ErrorCatalog, tmp_path: Path
) -> None:
    """The fuzzer's 83-byte JSON line, a key with half an emoji escaped in it ("m\\ud83dessage"): decoded, the key held a
    lone surrogate, and the vendor-needle pass (Hyperscan's) encoded it strictly: UnicodeEncodeError, a traceback out
    of `errcat scan`."""
    log = tmp_path / "app.log"
    log.write_bytes(b'{"errors":[{"code":"resource_not_found","m\\ud83dessage":"not found"}],"status":404}\n')
    report = warm_catalog.scan([str(log)], workers=1)
    assert report is not None

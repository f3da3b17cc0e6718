"""Hostile input, hostile38's round (harness, cases and results under /work/notes/hostile38-harness): what hostile37
left (MCP ids and numbers over Python's 4,300 digits) and entry points not tried before."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from mcp_kit import mcp_session

SRC = Path(__file__).resolve().parent.parent / "src"


def _mcp(tmp_path: Path, lines: list[str]) -> tuple[subprocess.CompletedProcess[str], list[dict]]:
    return mcp_session(tmp_path, lines, "hostile38")


def test_mcp_says_a_number_over_4300_digits_is_one_and_answers_its_request_by_id(tmp_path: Path) -> None:
    """A request writing an integer of 5,000 digits, as its id or in its arguments, is JSON, but Python reads no
    integer over 4,300 digits: the SDK answered every such line "Parse error: the line is not JSON" with id null, so a
    call with a good id and a long number in its arguments waited forever, and a batch holding one lost every member.
    A request with a good id is refused with it; an id too long to write back is named as such; a batch's other members
    are answered."""
    digits = "9" * 5000
    templates = [
        '{"jsonrpc":"2.0","id":N,"method":"ping"}',
        '{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"explain","arguments":{"text":N}}}',
        '[{"jsonrpc":"2.0","id":8,"method":"ping"},{"jsonrpc":"2.0","id":-N,"method":"ping"}]',
        '{"jsonrpc":"2.0","method":"notifications/x","params":{"n":N}}',
    ]
    done, answers = _mcp(tmp_path, [t.replace("N", digits) for t in templates])
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr[-2000:]
    by_id = {json.dumps(a["id"]): a for a in answers if isinstance(a, dict)}
    assert by_id["7"]["error"]["code"] == -32600 and "4,300 digits" in by_id["7"]["error"]["message"], by_id["7"]
    nulls = [a["error"]["message"] for a in answers if isinstance(a, dict) and a["id"] is None]
    assert any('"id" is an integer of over 4,300 digits' in m for m in nulls), nulls
    assert any(m.startswith("Parse error: a number in the line has over 4,300 digits") for m in nulls), nulls
    assert not any("not JSON" in m for m in nulls), nulls
    batch = next(a for a in answers if isinstance(a, list))
    assert [m.get("id") for m in batch] == [8, None] and "result" in batch[0], batch
    assert '"last"' in by_id


def _errcat(tmp_path: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC), "ERRCAT_CACHE_DIR": str(tmp_path / "cache")}
    return subprocess.run(
        [sys.executable, "-m", "errcat", *args], input=stdin, capture_output=True, text=True, env=env, timeout=300
    )


def test_scan_reads_a_member_of_a_zip_archive_named_by_url(tmp_path: Path) -> None:
    """zip://a.log::file:///logs.zip was "cannot read: ValueError" for a member that is there: the archive's
    filesystem was collected, closing the archive, before the member was read. It is scanned."""
    archive = tmp_path / "logs.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("a.log", '2026-01-01T00:00:00Z ERROR POST /api 400 {"Errors":[{"Name":"X","Severity":"Error"}]}\n')
    done = _errcat(tmp_path, "scan", "--workers", "1", "--format", "json", f"zip://a.log::file://{archive}")
    assert done.returncode in (0, 1) and "Traceback" not in done.stderr, done.stderr
    report = json.loads(done.stdout)
    assert [(i["lines"], i["problem"]) for i in report["inputs"]] == [(1, None)], report["inputs"]


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("zip://x.log::file:///etc/hostname", "not a zip file"),
        ("tar://x.log::file:///etc/hostname", "not a tar file"),
        ("reference://x", "reference:// takes options a URL cannot give"),
    ],
)
def test_a_url_whose_filesystem_cannot_open_it_says_why_in_words(tmp_path: Path, url: str, said: str) -> None:
    """These were "cannot open (BadZipFile)", "(ReadError)", "(TypeError)": an exception's name alone."""
    done = _errcat(tmp_path, "scan", "--workers", "1", url)
    assert done.returncode == 2 and said in done.stderr and len(done.stderr.splitlines()) == 1, done.stderr


def test_a_long_file_url_is_shown_cut_and_the_os_reason_said(tmp_path: Path) -> None:
    """A 5,000-character file:/// URL was printed whole in the summary (and said "cannot read: OSError", where the OS
    said "File name too long")."""
    done = _errcat(tmp_path, "scan", "--workers", "1", "file:///" + "a" * 5000)
    assert "Traceback" not in done.stderr
    assert "File name too long" in done.stderr + done.stdout, done.stderr[-500:]
    assert all(len(line) < 1000 for line in (done.stderr + done.stdout).splitlines()), [
        len(line) for line in (done.stderr + done.stdout).splitlines()
    ]


def test_mcp_says_which_parameter_of_a_request_is_wrong_never_its_value(tmp_path: Path) -> None:
    """The SDK answered a request whose params are of the wrong type or missing (tools/call with a number for its
    "name", logging/setLevel with a level it has not, initialize with a list for its version) "Invalid request
    parameters" and nothing more: the client was not told which. Each names the field and what it should be; the
    value sent (here a token's shape) is never said back."""
    token = "sk_live_" + "Q7f2Lx9Zp4Rt8Vb1Nc6Hd3Kw"  # synthetic, the shape of a Stripe secret key
    requests = {
        11: {"name": "tools/call", "params": {"name": 5, "arguments": {}}},
        14: {"name": "logging/setLevel", "params": {"level": token}},
        17: {"name": "tools/call", "params": {"arguments": {}}},
        5: {"name": "initialize", "params": {"protocolVersion": [1], "capabilities": "x", "clientInfo": None}},
    }
    sent = [json.dumps({"jsonrpc": "2.0", "id": i, "method": r["name"], "params": r["params"]}) for i, r in requests.items()]
    done, answers = _mcp(tmp_path, sent)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr[-2000:]
    said = {a["id"]: a["error"]["message"] for a in answers if isinstance(a, dict) and "error" in a}
    assert "'name': Input should be a valid string" in said[11], said
    assert "'level': Input should be" in said[14] and token not in done.stdout, said
    assert "'name': Field required" in said[17], said
    assert "'protocolVersion'" in said[5], said


@pytest.mark.parametrize(
    ("address", "said"),
    [("", "it is empty"), ("127.0.0.1", "it names no port"), ("tcp://ops:Hunter2pass@[::1", "no HOST:PORT")],
)
def test_a_dask_address_that_is_no_address_says_so_in_words(tmp_path: Path, address: str, said: str) -> None:
    """--dask '' and --dask tcp://user:pass@[::1 were "cannot reach the scheduler (ValueError)": an exception's name,
    as if a scheduler had been looked for. They say what is wrong with the address, its password masked."""
    log = tmp_path / "app.log"
    log.write_text("2026-01-01 ERROR x\n", encoding="utf-8")
    done = _errcat(tmp_path, "scan", "--workers", "1", "--dask", address, str(log))
    assert done.returncode == 2 and len(done.stderr.splitlines()) == 1, done.stderr
    assert "not a scheduler address: " in done.stderr and said in done.stderr, done.stderr  # (its first half was implied)
    assert "ValueError" not in done.stderr and "Hunter2pass" not in done.stderr, done.stderr


def test_an_index_deleted_while_it_is_written_is_not_blamed_on_the_folders_owner(tmp_path: Path, caplog) -> None:
    """An `errcat cache clear` run while another errcat built the index deleted the file SQLite was writing: the
    builder warned "cannot use the cache folder ... (attempt to write a readonly database); the index is built in
    memory on each run (fix its owner ...)", though the folder is fine and the next run caches the index again
    (hostile38: 4 processes x 3 lookups with a cache clear every 1.5 s, 2 such warnings). The error here is SQLite's
    own, from a database file really deleted while written."""
    import logging
    import sqlite3

    from errcat.index import cache

    path = tmp_path / "index.sqlite"
    db = sqlite3.connect(path)
    db.execute("create table t(x)")
    db.commit()
    path.unlink()
    with pytest.raises(sqlite3.OperationalError) as raised:
        db.execute("insert into t values (1)")
        db.commit()
    db.close()
    with caplog.at_level(logging.WARNING, logger="errcat"):
        cache.warn_unusable(tmp_path / "cache-a", raised.value)
    said = caplog.text
    assert "deleted meanwhile" in said and "owner" not in said and "on each run" not in said, said

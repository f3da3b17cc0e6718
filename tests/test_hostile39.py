"""Hostile input, hostile39's round (harness, cases and results under /work/notes/hostile39-harness): what hostile38
left (MCP ids written 1.0 or 1e2, docs --out on a full disk) and entry points not tried before."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from mcp_kit import mcp_session

SRC = Path(__file__).resolve().parent.parent / "src"


def _mcp(tmp_path: Path, lines: list[str]) -> tuple[subprocess.CompletedProcess[str], list[dict]]:
    return mcp_session(tmp_path, lines, "hostile39")


def test_mcp_answers_a_request_whose_id_is_a_number_with_a_fraction_or_an_exponent_with_that_number(
    tmp_path: Path,
) -> None:
    """MCP's schema has RequestId = string | number, and JSON-RPC answers a request with the id's value as sent; the
    SDK reads integers alone, so a request with id 1.0 or 1e2 (what a client doing its arithmetic in floats writes) or
    1.5 was refused with id null: the client's call was never answered. Each is answered with its number, in a batch
    too, and a cancel naming it cancels it; an id beyond JSON's numbers (1e400) is refused saying so."""
    explain = '{"jsonrpc":"2.0","id":3.0,"method":"tools/call","params":{"name":"explain","arguments":{"text":"HTTP/1.1 400"}}}'
    done, answers = _mcp(
        tmp_path,
        [
            '{"jsonrpc":"2.0","id":1.0,"method":"ping"}',
            '{"jsonrpc":"2.0","id":1e2,"method":"ping"}',
            '{"jsonrpc":"2.0","id":1.5,"method":"nope"}',
            '[{"jsonrpc":"2.0","id":2.5,"method":"ping"},{"jsonrpc":"2.0","id":8,"method":"ping"}]',
            explain,
            '{"jsonrpc":"2.0","id":1E+400,"method":"ping"}',
            '{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":1.0}}',
        ],
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr[-2000:]
    assert "malformed" not in done.stderr, done.stderr[-2000:]  # the SDK's warning of a cancel it could not read
    single = {a["id"]: a for a in answers if isinstance(a, dict) and a["id"] is not None}
    assert "result" in single[1.0] and "result" in single[100] and single[1.5]["error"]["code"] == -32601, single
    assert '"id":1.0,' in done.stdout and '"id":1.5,' in done.stdout
    assert "not in the catalog" in single[3]["result"]["content"][0]["text"], single[3]
    batch = next(a for a in answers if isinstance(a, list))
    assert [m["id"] for m in batch] == [2.5, 8] and all("result" in m for m in batch), batch
    nulls = [a["error"]["message"] for a in answers if isinstance(a, dict) and a["id"] is None]
    assert nulls == ['Invalid Request: its "id" is a number too large to write back (over 1.8e308)'], nulls
    assert "last" in single


def _errcat(tmp_path: Path, *args: str, stdin: str = "", limit: int | None = None) -> subprocess.CompletedProcess[str]:
    """errcat run in ``tmp_path``; ``limit``: the largest file it may write, in bytes (RLIMIT_FSIZE, as ``ulimit -f``:
    a write past it fails with EFBIG, as one on a full disk fails with ENOSPC)."""
    import resource

    def limited() -> None:
        if limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    env = {**os.environ, "PYTHONPATH": str(SRC), "ERRCAT_CACHE_DIR": str(tmp_path / "cache")}
    return subprocess.run(
        [sys.executable, "-m", "errcat", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        cwd=tmp_path,
        preexec_fn=limited,
    )


def test_docs_out_that_cannot_be_written_leaves_no_folder_it_made(tmp_path: Path) -> None:
    """``errcat docs --out site/ref`` on a full disk (here: files limited to 4 KB, the pages are larger) said so in one
    line, kept no page, but left site/ and site/ref/ behind, empty: a later `ls` showed a folder of pages that was
    never written. Each folder it made is removed; a folder that was there before stays."""
    (tmp_path / "kept").mkdir()
    assert _errcat(tmp_path, "list").returncode == 0  # the cache's index written before the limit
    for out in ("site/ref", "kept/a/b"):
        done = _errcat(tmp_path, "docs", "--out", out, limit=4096)
        assert done.returncode == 2 and done.stderr.startswith(f"errcat: cannot write pages to {out}: "), done.stderr
        assert len(done.stderr.splitlines()) == 1 and "Traceback" not in done.stderr, done.stderr
    assert not (tmp_path / "site").exists() and [p.name for p in (tmp_path / "kept").iterdir()] == []
    done = _errcat(tmp_path, "docs", "--out", "site/ref")
    assert done.returncode == 0 and (tmp_path / "site/ref/index.md").is_file(), done.stderr


def test_explain_filter_never_raises_out_of_a_log_call_whose_exc_info_is_a_short_tuple() -> None:
    """``logger.error("sync failed", exc_info=(error,))`` reaches the record as given (logging keeps any tuple); without
    errcat, logging reports its own formatting error and the program goes on, but ExplainFilter read exc_info[1]
    outside its guard: an IndexError out of the application's own log call. The record is logged."""
    import io
    import logging

    import errcat
    from errcat.integrations import ExplainFilter

    stream = io.StringIO()
    log = logging.getLogger("hostile39.filter")
    log.propagate = False
    log.addHandler(logging.StreamHandler(stream))
    log.addFilter(ExplainFilter(errcat.open_catalog(use_env=False)))
    log.error("sync failed", exc_info=(ValueError("HTTP 400"),))
    log.error("sync failed again", exc_info=())
    assert "sync failed again" in stream.getvalue()

"""Hostile input, hostile36's round (harness under /work/notes/hostile36-harness): hostile35's leftovers (a YAML
cassette of many headers, a relative ERRCAT_CACHE_DIR) and a fresh round over every entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

import errcat

SRC = Path(__file__).resolve().parent.parent / "src"


def _cassette(headers: int, exchanges: int = 1) -> str:
    """One error exchange, then ``exchanges - 1`` answered 200, each with ``headers`` headers."""
    one = (
        "- request: {method: GET, uri: 'https://api.myob.com/accountright/x'}\n  response:\n    status: {code: STATUS}\n"
        "    headers:\n" + "".join(f"      h{i}: [v]\n" for i in range(headers)) + "    body: {string: x}\n"
    )
    return "interactions:\n" + one.replace("STATUS", "400") + one.replace("STATUS", "200") * (exchanges - 1)


def test_a_yaml_cassette_of_many_headers_is_not_composed_whole(warm_catalog: errcat.ErrorCatalog) -> None:
    """One exchange of 25,000 headers (0.4 MB): PyYAML composed 75,000 nodes, 38 MB of Python objects and 1.3 s of
    CPU (a 2 MB cassette: 4 s, 194 MB). A cassette of more values than 1,000 short exchanges hold is not composed;
    the paste is read as text."""
    text = _cassette(25_000)
    tracemalloc.start()
    try:
        warm_catalog.explain(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 15_000_000, f"{peak:,} bytes at peak"


def test_a_cassette_of_many_values_is_read_to_the_exchanges_within_the_cap_and_says_so(
    warm_catalog: errcat.ErrorCatalog,
) -> None:
    """400 exchanges of 100 headers each (80,000 values) are cut between two exchanges, as a cassette of many
    exchanges is, and the cut is noted; one of few headers is read whole as before."""
    x = warm_catalog.explain(_cassette(100, 400))
    cut = [n for n in x.notes if "exchanges were read" in n]
    assert cut and "more left unread" in cut[0], x.notes
    assert x.errors and x.errors[0].observed.status == 400
    whole = warm_catalog.explain(_cassette(20, 3))
    assert not [n for n in whole.notes if "left unread" in n]
    assert any("a VCR cassette of 3 exchange(s): 1 error response(s)" in n for n in whole.notes), whole.notes


def _errcat(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    run_env = {**os.environ, "NO_COLOR": "1", **env}
    run_env.pop("ERRCAT_CATALOG", None)
    run_env["PYTHONPATH"] = os.pathsep.join([str(SRC), run_env.get("PYTHONPATH", "")])
    return subprocess.run(
        [sys.executable, "-m", "errcat", *args], cwd=cwd, env=run_env, capture_output=True, text=True, timeout=300
    )


@pytest.mark.parametrize("value", ["errcat-cache", "./x/errcat", "\x1b[31mred"])
def test_a_relative_cache_folder_is_not_made_where_errcat_runs_and_says_so(tmp_path: Path, value: str) -> None:
    """ERRCAT_CACHE_DIR=errcat-cache made a folder errcat-cache in whatever folder errcat ran from, silently: a cache
    in each project, CI checkout and home folder a command ran in (an escape sequence as its name too). A relative
    path is not used: the index is built in memory, and one warning line names the variable and what to do, as for
    a folder that cannot be written; `cache info` says so, and `cache clear` refuses (exit 2)."""
    env = {"ERRCAT_CACHE_DIR": value}
    r = _errcat("lookup", "25008", cwd=tmp_path, env=env)
    assert r.returncode == 0 and "25008" in r.stdout, r.stderr
    assert list(tmp_path.iterdir()) == [], "a cache folder was made in the working folder"
    warning = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(warning) == 1 and "relative path" in warning[0] and "\x1b" not in warning[0], r.stderr
    assert "ERRCAT_CACHE_DIR" in warning[0] and "in memory" in warning[0]
    info = _errcat("cache", "info", cwd=tmp_path, env=env)
    assert info.returncode == 0 and "relative path" in info.stdout, info.stdout + info.stderr
    cleared = _errcat("cache", "clear", cwd=tmp_path, env=env)
    assert cleared.returncode == 2 and "relative path" in cleared.stderr and "Traceback" not in cleared.stderr
    assert list(tmp_path.iterdir()) == []


def _mcp_lines(*messages: dict[str, object]) -> str:
    init = {"protocolVersion": "2025-03-26", "capabilities": {}, "clientInfo": {"name": "hostile36", "version": "1"}}
    head = [
        {"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": init},
        {"jsonrpc": "2.0", "method": "notifications/initialized"},
    ]
    return "".join(json.dumps(m) + "\n" for m in [*head, *messages])


def test_mcp_answers_each_request_of_an_id_sent_twice_before_ending_at_the_end_of_its_input(tmp_path: Path) -> None:
    """The same call sent twice with one id (a script's printf repeated, a client that reuses ids): the server ended at
    the end of its input after the first answer, as it waited for each id once, and the second was never answered."""
    call = {"jsonrpc": "2.0", "id": 99, "method": "tools/call", "params": {"name": "lookup", "arguments": {"query": "25008"}}}
    env = {**os.environ, "PYTHONPATH": str(SRC), "ERRCAT_CACHE_DIR": str(tmp_path)}
    p = subprocess.run(
        [sys.executable, "-m", "errcat", "mcp"],
        input=_mcp_lines(call, call, call),
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    answers = [json.loads(line) for line in p.stdout.splitlines()]
    assert [a["id"] for a in answers] == [0, 99, 99, 99], p.stdout[:500] + p.stderr
    assert p.returncode == 0 and "Traceback" not in p.stderr

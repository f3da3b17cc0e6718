"""Hostile input, hostile38's round (harness, cases and results under /work/notes/hostile38-harness): what hostile37
left (MCP ids and numbers over Python's 4,300 digits) and entry points not tried before."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
INIT = {"protocolVersion": "2025-03-26", "capabilities": {}, "clientInfo": {"name": "hostile38", "version": "1"}}


def _mcp(tmp_path: Path, lines: list[str]) -> tuple[subprocess.CompletedProcess[str], list[dict]]:
    head = [
        json.dumps({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": INIT}),
        json.dumps({"jsonrpc": "2.0", "method": "notifications/initialized"}),
    ]
    tail = json.dumps({"jsonrpc": "2.0", "id": "last", "method": "ping"})
    env = {**os.environ, "PYTHONPATH": str(SRC), "ERRCAT_CACHE_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "errcat", "mcp"],
        input="\n".join([*head, *lines, tail]) + "\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    return done, [json.loads(line) for line in done.stdout.splitlines()]


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

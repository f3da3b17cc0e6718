"""One errcat MCP server process fed JSON-RPC lines over stdio, for the hostile-input rounds (hostile38, hostile39):
initialize and the initialized notification first, a ping with id "last" at the end (its answer says the server read
every line before it)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"


def mcp_session(tmp_path: Path, lines: list[str], client: str) -> tuple[subprocess.CompletedProcess[str], list[dict]]:
    """The finished process and each JSON line it wrote, for ``lines`` sent between the handshake and the last ping."""
    init = {"protocolVersion": "2025-03-26", "capabilities": {}, "clientInfo": {"name": client, "version": "1"}}
    head = [
        json.dumps({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": init}),
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

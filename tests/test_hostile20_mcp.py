"""Hostile input, twentieth round (hostile20 harness under /work/notes): an MCP call over the line limit, through the
SDK's own stdio client."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest


@pytest.mark.slow
def test_an_mcp_call_over_16_mib_from_the_real_sdk_client_is_answered_with_its_id_not_left_waiting(tmp_path):
    """hostile20: a 30 MB explain call through the MCP SDK's own stdio client waited for ever (killed at 226 s): the
    server refused the line with an error whose id was null, which no pending call is waiting for. The refusal now
    carries the request's id, read from the line's first part, and the call fails at once with why; the server goes on."""
    mcp = pytest.importorskip("mcp")
    import anyio
    from mcp.client.stdio import stdio_client

    script = Path(sys.executable).with_name("errcat")
    command, args = (str(script), ["mcp"]) if script.exists() else (sys.executable, ["-m", "errcat", "mcp"])
    body = '{"Errors":[{"Name":"CustomerNotFound","ErrorCode":11003}]}'

    async def main() -> tuple[str, bool]:
        with (tmp_path / "stderr.txt").open("w") as err:
            params = mcp.StdioServerParameters(command=command, args=args, env={**os.environ})
            async with mcp.Client(stdio_client(params, errlog=err)) as client:
                with anyio.fail_after(90):
                    try:
                        await client.call_tool("explain", {"text": f"HTTP/1.1 400\n\n{body} " + "x" * (30 << 20)})
                        refused = "not refused"
                    except mcp.MCPError as error:
                        refused = str(error)
                    after = await client.call_tool("explain", {"text": f"HTTP/1.1 400\n\n{body}"})
        return refused, after.is_error

    refused, after_failed = anyio.run(main)
    assert "over 16 MiB" in refused
    assert not after_failed


@pytest.mark.parametrize(
    ("head", "asked"),
    [
        ('{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"explain","arguments":{"text":"aaa', 7),
        ('{ "id" : "r-1", "method": "tools/call", "params": {"text": "{\\"id\\": 9', "r-1"),
        ('{"jsonrpc":"2.0","method":"tools/call","params":{"id":5,"text":"aa', None),  # a notification: no id of its own
        ('{"params":{"text":"x"},"id":3,"method":"tools/call"', None),  # after the params: not read, never guessed
        ('{"id":true,"method":"x","params":{', None),
        ('{"id":2,"result":{"content":"aaa', None),  # an answer, not a request
    ],
)
def test_a_too_long_lines_request_id_is_read_only_from_its_top_level_before_its_params(head, asked):
    from errcat.integrations.mcp.wire import request_id

    assert request_id(head) == asked

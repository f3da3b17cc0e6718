"""``errcat mcp`` on stdin/stdout: the SDK's stdio transport, fed lines its JSON parser takes.

A JSON string may hold a lone UTF-16 surrogate as an escape (``"\\ud83d"``): JavaScript's
``JSON.stringify`` writes one for a paste cut in the middle of an emoji, and an assistant written in
JavaScript sends it as such. The SDK's parser refuses such a line as invalid JSON and drops it
without an answer, so the assistant would wait for its call forever. Each lone surrogate escape is
read as U+FFFD (what a byte that is not UTF-8 already becomes) before the SDK parses the line;
a surrogate pair, an escaped backslash and every other escape stay as they are.
"""

from __future__ import annotations

import contextlib
import io
import re
import sys
from typing import TYPE_CHECKING, Any

import anyio

if TYPE_CHECKING:
    from mcp.server.mcpserver import MCPServer

# Escapes in order, left to right: a surrogate pair, a lone surrogate, any other escape (``\\\\`` included,
# so the ``u`` after an escaped backslash is never taken for an escape of its own).
_ESCAPE = re.compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|\\u[dD][89a-fA-F][0-9a-fA-F]{2}|\\.")
_LONE = len(r"\ud83d")


def _escape(match: re.Match[str]) -> str:
    text = match.group()
    return r"\ufffd" if len(text) == _LONE else text


def well_formed(line: str) -> str:
    """``line`` with every lone surrogate escape of its JSON strings replaced by ``\\ufffd``."""
    return _ESCAPE.sub(_escape, line) if "\\u" in line else line


class _WellFormedLines(io.TextIOWrapper):
    """stdin as UTF-8 text lines (undecodable bytes as U+FFFD, as the SDK reads them), well formed;
    closing it leaves the process's stdin open, as the SDK's own wrapper does."""

    def readline(self, size: int = -1, /) -> str:  # type: ignore[override]  # typeshed: _IOBase's bytes
        return well_formed(super().readline(size))

    def close(self) -> None:
        with contextlib.suppress(ValueError):  # already detached
            self.detach()


async def _serve(server: MCPServer[Any]) -> None:
    from mcp.server.stdio import stdio_server

    stdin = anyio.wrap_file(_WellFormedLines(sys.stdin.buffer, encoding="utf-8", errors="replace"))
    async with stdio_server(stdin=stdin) as (read, write):
        # MCPServer.run("stdio") is this with the SDK's own stdin reader (mcp 2.3, mcpserver/server.py)
        lowlevel = server._lowlevel_server
        await lowlevel.run(read, write, lowlevel.create_initialization_options())


def serve_stdio(server: MCPServer[Any]) -> None:
    """Serve ``server`` over stdin/stdout until the client closes stdin. A client that closes its
    end of stdout is gone too: the BrokenPipeError the SDK's writer meets (in a task group's
    ExceptionGroup, a traceback) is raised alone, as the CLI takes a reader gone from any command."""
    try:
        anyio.run(_serve, server)
    except BaseExceptionGroup as group:
        _gone, rest = group.split((BrokenPipeError, ConnectionResetError))
        if rest is not None:
            raise
        raise BrokenPipeError("the client closed the connection") from None

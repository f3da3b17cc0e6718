"""``errcat mcp`` on stdin/stdout: the SDK's stdio transport, fed lines its JSON parser takes.

A JSON string may hold a lone UTF-16 surrogate as an escape (``"\\ud83d"``): JavaScript's
``JSON.stringify`` writes one for a paste cut in the middle of an emoji, and an assistant written in
JavaScript sends it as such. The SDK's parser refuses such a line as invalid JSON and drops it
without an answer, so the assistant would wait for its call forever. Each lone surrogate escape is
read as U+FFFD (what a byte that is not UTF-8 already becomes) before the SDK parses the line;
a surrogate pair, an escaped backslash and every other escape stay as they are.

Two more things the SDK's stdio loop does not do, and a client piping its calls in needs
(``printf '...' | errcat mcp``, a script, an inspector replaying a session): every request read is
answered before the server ends at the end of its input (the SDK cancels the calls still running,
and their answers never come), and a line that is not a JSON-RPC message gets JSON-RPC's error for
it (-32700 or -32600, id null; the SDK drops it, and a client waiting on it waits forever). The
error names no part of the line, which may hold a paste.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import sys
from typing import TYPE_CHECKING, Any

import anyio

if TYPE_CHECKING:
    from mcp.server.mcpserver import MCPServer
    from mcp.shared.message import SessionMessage

DRAIN_SECONDS = 120.0  # the longest the server waits at the end of its input for calls still running

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


# What the SDK cannot refuse by itself: a request whose id is no string or integer ("id": null, 1.5,
# [1], true). MCP allows only those; the SDK's parser reads such a line as a notification (its
# id dropped) and never answers it, so the client waits for it forever.
NO_MESSAGE = '{"jsonrpc": "2.0"}\n'  # no request, notification or answer: the SDK refuses it, and is answered


def _bad_request_id(line: str) -> bool:
    """Whether ``line`` is a request (a method and an id) whose id is no string or integer."""
    if '"id"' not in line or '"method"' not in line:  # every request has both; a notification no id
        return False
    try:
        message = json.loads(line)
    except (ValueError, RecursionError):  # the SDK's parser says so, as the parse error
        return False
    if not isinstance(message, dict) or "method" not in message or "id" not in message:
        return False
    request_id = message["id"]
    return isinstance(request_id, bool) or not isinstance(request_id, str | int)


class _WellFormedLines(io.TextIOWrapper):
    """stdin as UTF-8 text lines (undecodable bytes as U+FFFD, as the SDK reads them), well formed, blank ones skipped;
    closing it leaves the process's stdin open, as the SDK's own wrapper does."""

    def readline(self, size: int = -1, /) -> str:  # type: ignore[override]  # typeshed: _IOBase's bytes
        line = super().readline(size)
        while line and not line.strip():  # a blank line between messages is no message to refuse
            line = super().readline(size)
        line = well_formed(line)
        return NO_MESSAGE if _bad_request_id(line) else line

    def close(self) -> None:
        with contextlib.suppress(ValueError):  # already detached
            self.detach()


class _Unanswered:
    """The ids of the requests read and not yet answered (nor cancelled by the client)."""

    def __init__(self) -> None:
        self.ids: set[Any] = set()
        self.none_left = anyio.Event()
        self.none_left.set()

    def asked(self, request_id: Any) -> None:
        if self.none_left.is_set():
            self.none_left = anyio.Event()
        self.ids.add(request_id)

    def settled(self, request_id: Any) -> None:
        self.ids.discard(request_id)
        if not self.ids:
            self.none_left.set()


class _Wrapped:
    """A stream of the SDK's that passes on what it does not do itself (close, aclose, clone)."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    async def __aenter__(self) -> Any:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._inner.aclose()


class _Answering(_Wrapped):
    """The server's write stream, settling each request it carries the answer of."""

    def __init__(self, inner: Any, unanswered: _Unanswered) -> None:
        super().__init__(inner)
        self._unanswered = unanswered

    async def send(self, item: SessionMessage) -> None:
        from mcp.types import JSONRPCError, JSONRPCResponse

        try:
            await self._inner.send(item)
        finally:  # sent, or never to be: either way no answer to wait for
            if isinstance(item.message, JSONRPCResponse | JSONRPCError) and item.message.id is not None:
                self._unanswered.settled(item.message.id)


class _UntilAnswered(_Wrapped):
    """The server's read stream: notes each request, answers a line that is no JSON-RPC message
    itself, and at the end of the input waits (up to DRAIN_SECONDS) until every request is answered."""

    def __init__(self, inner: Any, write: Any, unanswered: _Unanswered) -> None:
        super().__init__(inner)
        self._write = write
        self._unanswered = unanswered

    @property
    def last_context(self) -> Any:  # the SDK runs each handler in the context its message was sent from
        return self._inner.last_context

    async def receive(self) -> SessionMessage:
        from mcp.types import JSONRPCNotification, JSONRPCRequest

        while True:
            try:
                item = await self._inner.receive()
            except anyio.EndOfStream:
                with anyio.move_on_after(DRAIN_SECONDS):
                    await self._unanswered.none_left.wait()
                raise
            if isinstance(item, Exception):
                await self._refuse(item)
                continue
            message = item.message
            if isinstance(message, JSONRPCRequest):
                self._unanswered.asked(message.id)
            elif isinstance(message, JSONRPCNotification) and message.method == "notifications/cancelled":
                self._unanswered.settled((message.params or {}).get("requestId"))  # the SDK answers it never
            return item  # type: ignore[no-any-return]

    async def _refuse(self, exc: Exception) -> None:
        from mcp.shared.message import SessionMessage
        from mcp.types import INVALID_REQUEST, PARSE_ERROR, ErrorData, JSONRPCError

        errors = getattr(exc, "errors", None)
        kinds = {e.get("type") for e in errors()} if callable(errors) else set()
        if "json_invalid" in kinds:
            error = ErrorData(code=PARSE_ERROR, message="Parse error: the line is not JSON")
        else:
            error = ErrorData(
                code=INVALID_REQUEST,
                message="Invalid Request: the line is not a JSON-RPC message (a request's id is a string or an integer)",
            )
        await self._write.send(SessionMessage(JSONRPCError(jsonrpc="2.0", id=None, error=error)))

    def __aiter__(self) -> _UntilAnswered:
        return self

    async def __anext__(self) -> SessionMessage:
        try:
            return await self.receive()
        except anyio.EndOfStream:
            raise StopAsyncIteration from None


async def _serve(server: MCPServer[Any]) -> None:
    from mcp.server.stdio import stdio_server

    stdin = anyio.wrap_file(_WellFormedLines(sys.stdin.buffer, encoding="utf-8", errors="replace"))
    async with stdio_server(stdin=stdin) as (read, write):
        unanswered = _Unanswered()
        # MCPServer.run("stdio") is this with the SDK's own stdin reader (mcp 2.3, mcpserver/server.py)
        lowlevel = server._lowlevel_server
        options = lowlevel.create_initialization_options()
        await lowlevel.run(_UntilAnswered(read, write, unanswered), _Answering(write, unanswered), options)


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

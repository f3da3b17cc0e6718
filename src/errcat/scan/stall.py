"""A floor on how fast an http(s) input's body arrives. aiohttp's ``sock_read`` bounds the wait between two
bytes, so a server sending one byte every 2 s (a stuck proxy, a hostile host) was read for ever; here a body
that brings fewer than STALL_BYTES in STALL_SECONDS of waiting is given up as stalled. Only time spent waiting
on the server counts: a reader busy with what it has already read is not the server's slowness."""

from __future__ import annotations

import functools
import time
from collections.abc import Awaitable, Callable
from typing import Any

STALL_SECONDS = 5.0
STALL_BYTES = 1024


class Stalled(TimeoutError):
    """An http(s) body that came slower than the floor."""


class _Floored:
    """A response body (aiohttp's StreamReader) whose reads give up when it stalls; all else is the stream's."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream
        self._waited = 0.0  # seconds spent waiting in this window
        self._got = 0  # bytes that came in this window

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)

    async def _timed(self, read: Callable[[], Awaitable[bytes]]) -> bytes:
        import asyncio  # here: every scan imports this module (remote.py), and asyncio cost each one 20 ms to start

        while True:
            if self._waited >= STALL_SECONDS:
                if self._got < STALL_BYTES:
                    raise Stalled(f"under {STALL_BYTES} bytes in {STALL_SECONDS:g} s")
                self._waited, self._got = 0.0, 0
            started = time.monotonic()
            task = asyncio.ensure_future(read())
            try:  # asyncio.wait, not wait_for: aiohttp's own read timeout is a TimeoutError too, and must be raised
                await asyncio.wait({task}, timeout=STALL_SECONDS - self._waited)
            finally:
                if not task.done():  # the window ended first (or this read was cancelled): the next read starts anew
                    task.cancel()
                    await asyncio.wait({task})
            if task.cancelled():
                self._waited = STALL_SECONDS
                continue
            data = task.result()
            self._waited += time.monotonic() - started
            self._got += len(data)
            return data

    async def read(self, n: int = -1) -> bytes:
        if n >= 0:
            return await self._timed(lambda: self._stream.read(n))
        parts = []
        while part := await self._timed(lambda: self._stream.read(1 << 16)):
            parts.append(part)
        return b"".join(parts)

    async def readany(self) -> bytes:
        return await self._timed(self._stream.readany)


@functools.cache
def floored_response() -> type:
    """aiohttp's response class with its body read under the floor (``response_class`` of the client session);
    made when first asked, as aiohttp is imported only for an http(s) input."""
    import aiohttp

    class FlooredResponse(aiohttp.ClientResponse):
        async def start(self, connection: Any) -> Any:
            started = await super().start(connection)
            if type(self.content) is aiohttp.StreamReader:  # not a HEAD's shared empty body, whose truth aiohttp tests
                self.content = _Floored(self.content)  # type: ignore[assignment]
            return started

    return FlooredResponse

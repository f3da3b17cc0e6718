"""Where a log's candidate error lines are: one pass of a multi-literal engine over each chunk.

The contract (what a line must hold to be looked at) is ``NEEDLES``: literal byte strings that
every logged error response we know of carries at least one of — the words ``error``,
``exception`` and ``failed`` (their tails, so either case of the first letter matches), an HTTP
status line, and the upper-case codes of bodies that carry no error word (ProSpend's
``{"code":"ACCESS_FORBIDDEN", ...}`` logged at WARN). A line with none of them is never read
further (a bare ``-> 404 Not Found`` with no body is one such line); everything else is decided by
explain, which also tells an INFO line that merely mentions an error from an error.

Two engines keep that contract, with identical results (the test suite runs both):

- Hyperscan (the ``hyperscan`` wheel: Linux x86-64, macOS, Windows x86-64) finds every needle
  in one pass, several times faster than Python can;
- elsewhere, or with ``ERRCAT_SCAN_ENGINE=python``, one ``re`` search per needle (each skips
  ahead in C); several times slower, and slower with every needle added, which is why the list
  stays short.

Neither is imported on the lookup or explain path.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from functools import lru_cache

NEEDLES = (
    b"rror",  # error, Error, ERROR, Errors, a Sage diagnosis's "error"
    b"RROR",
    b"xception",  # Exception, exception
    b"ailed",  # failed, Failed
    b"HTTP/",  # the status line of a dumped exchange
    # upper-case codes of error bodies that hold no error word (ProSpend's {"code": "ACCESS_FORBIDDEN"})
    b"UNAUTHORI",
    b"FORBIDDEN",
    b"NOT_FOUND",
    b"NOT_ALLOWED",
    b"CONFLICT",
    b"UNAVAILABLE",
    b"BAD_REQUEST",
)
ENGINE_ENV = "ERRCAT_SCAN_ENGINE"  # "python" forces the pure-Python engine

Buffer = bytes | bytearray  # a window of a log (a worker reads its whole range into one)
Hits = Callable[[Buffer, int, int], list[int]]  # (buffer, start, end) -> sorted positions of needles


@lru_cache(maxsize=1)
def engine_name() -> str:
    """The engine this process uses: ``hyperscan`` when it imports and compiles, else ``python``."""
    if os.environ.get(ENGINE_ENV, "").lower() == "python":
        return "python"
    return "hyperscan" if _hyperscan() is not None else "python"


def hits_finder() -> Hits:
    return _hyperscan_hits if engine_name() == "hyperscan" else _python_hits


@lru_cache(maxsize=1)
def _hyperscan() -> object | None:
    try:
        import hyperscan
    except ImportError:
        return None
    try:
        db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
        db.compile(expressions=list(NEEDLES), ids=list(range(len(NEEDLES))), elements=len(NEEDLES), flags=[0] * len(NEEDLES))
    except Exception:
        return None
    return db


def _hyperscan_hits(buf: Buffer, start: int, end: int) -> list[int]:
    found: list[int] = []
    add = found.append

    def on_match(_id: int, _from: int, to: int, _flags: int, _context: object) -> None:
        add(start + to - 1)  # the needle's last byte: on the line that holds it

    if end > start:
        _hyperscan().scan(memoryview(buf)[start:end], match_event_handler=on_match)  # type: ignore[attr-defined]
    found.sort()
    return found


def literal_test(literals: tuple[str, ...]) -> Callable[[str], bool]:
    """Whether a text holds one of ``literals`` (the catalog's vendor needles, a few hundred): one
    Hyperscan pass, 40 times faster than ``in`` for each; that, without Hyperscan."""
    if engine_name() != "hyperscan":
        return lambda text: any(n in text for n in literals)
    import hyperscan

    db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    patterns = [re.escape(n.encode()) for n in literals]
    db.compile(
        expressions=patterns,
        ids=list(range(len(patterns))),
        elements=len(patterns),
        flags=[hyperscan.HS_FLAG_SINGLEMATCH] * len(patterns),
    )

    def stop(*_: object) -> bool:
        return True  # the first match is enough: ends the scan

    def holds(text: str) -> bool:
        try:
            db.scan(text.encode(), match_event_handler=stop)
        except hyperscan.ScanTerminated:
            return True
        return False

    return holds


_PATTERNS = tuple(re.compile(re.escape(n)) for n in NEEDLES)


def _python_hits(buf: Buffer, start: int, end: int) -> list[int]:
    found: set[int] = set()
    for pattern in _PATTERNS:
        search = pattern.search
        m = search(buf, start, end)
        while m is not None:
            p = m.start()
            found.add(p)
            m = search(buf, buf.find(b"\n", p, end) + 1 or end, end)  # one hit per line is enough
    return sorted(found)

"""What a worker does to a record before it is explained: decode it, take its time and level, key
it for the cache of explanations. Nothing here needs the catalog or the explainer, so a parallel
scan starts its workers before the explainer is even imported."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from .logline import error_level, json_line, timestamp_in
from .records import Record

# Records longer than this are explained every time, never kept in the cache (an explanation
# keeps its text).
EXPLAINED_MAX_TEXT = 2_048
# What varies between repeats of one failing call without changing what it is: numbers of six or
# more digits. An explanation is shared only when nothing that identifies its errors
# (code, name, message, status, endpoint) holds such a number (stream._shareable), and unmatched
# errors are grouped by their text with every number masked anyway.
VARYING = re.compile(r"\d{6,}")

Progress = Callable[[int], None]  # bytes read so far, over every input


@dataclass(frozen=True)
class ScanOptions:
    vendor: str | None = None  # report only this vendor's errors
    since: datetime | None = None
    until: datetime | None = None
    workers: int | None = None  # processes for big files; None: one per core (at most 4)
    documented_only: bool = False  # leave out errors seen in the wild that the vendor does not document


class Prepared(NamedTuple):
    """A record read for explaining: what needs no catalog, so a worker process can do it."""

    line: int
    outcome: str  # ok | binary | no-timestamp | outside-window | empty
    paste: str = ""  # the record without its timestamp (the time varies; the error does not)
    key: str | None = None  # the paste with what varies between repeats masked (see _VARYING)
    head: str = ""  # its first line
    when: datetime | None = None
    level_error: bool = False  # logged at an error level
    bad_utf8: bool = False


def prepare(rec: Record, options: ScanOptions) -> Prepared:
    """Decode a record, take its time and level, and key it for the cache of explanations."""
    if b"\x00" in rec.data:
        return Prepared(rec.line, "binary")
    bad = False
    try:
        text = rec.data.decode("utf-8")
    except UnicodeDecodeError:
        text, bad = rec.data.decode("utf-8", errors="replace"), True
    head = text.split("\n", 1)[0]
    found = json_line(text) if text[:1] == "{" else None
    if found is not None:
        paste, when, level_error = found
    else:
        stamp = timestamp_in(head)
        when = stamp[0] if stamp else None
        paste = text[: stamp[1][0]] + text[stamp[1][1] :] if stamp else text
        level_error = error_level(head)
    outcome = "ok"
    if options.since or options.until:
        if when is None:
            outcome = "no-timestamp"
        elif (options.since and when < options.since) or (options.until and when > options.until):
            outcome = "outside-window"
    if outcome == "ok" and not paste.strip():
        outcome = "empty"
    key = VARYING.sub("#", paste) if len(paste) <= EXPLAINED_MAX_TEXT else None
    return Prepared(rec.line, outcome, paste, key, head, when, level_error, bad)

"""A JSON array of log entries, one object an element, as ``gcloud logging read --format=json`` writes it.

gcloud prints the entries it read as one pretty-printed array: "[", then each entry indented two spaces
("  {", its fields sorted and indented four, "  },"), then "]" (the shape of a capture kept in
epeld/gcloudhelper's LogEntry.java). Read as any other lines, the array was one body: one record from its
"[" to its "]", named "[", whatever its entries said. Each element starts a record of its own here: the
place of its "  {" line is a seam (no record runs across it, as at a change of source: prefixes.py), and
so is the closing "]"; prepared.py reads the element as the JSON log line it is (its severity, its time,
its textPayload or jsonPayload's message).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import chain

from .needles import Buffer

# an element's first line after the element before it ends; the array's end
_ELEMENT = re.compile(rb"\n  \},\r?\n(  \{\r?\n)|\n  \}\r?\n(\])")
# how an entries array starts (or goes on, where a worker's range starts inside it), and what only a log entry has
# among its first fields (gcloud sorts them)
_OPENS = re.compile(rb"\[\r?\n(  \{\r?\n)    \"")
_GOES_ON = re.compile(rb"\n  \},\r?\n  \{\r?\n    \"")
_ENTRY_KEY = re.compile(rb'\n    "(?:insertId|logName|receiveTimestamp)": "')
SNIFF = 1 << 14
_KEEP = 16  # bytes of a chunk's end kept: a seam the next chunk completes is found in them and it


def is_entries(head: Buffer) -> bool:
    """Whether the first bytes of an input (or of a worker's range) are (inside) an array of log entries as gcloud
    prints them."""
    if _ENTRY_KEY.search(head, 0, SNIFF) is None:
        return False
    return _OPENS.match(head) is not None or _GOES_ON.search(head, 0, SNIFF) is not None


def with_entry_seams(chunks: Iterable[Buffer], seams: set[int]) -> Iterator[Buffer]:
    """The chunks as they are; into ``seams``, when the input is such an array, the stream offset of each
    element's first line and of the array's closing "]"."""
    it = iter(chunks)
    first = next(it, None)
    if first is None:
        return
    if not is_entries(first[:SNIFF]):
        yield first
        yield from it
        return
    if m := _OPENS.match(first):
        seams.add(m.start(1))
    tail, at = b"", 0  # the last bytes of the chunks before, and the stream offset of tail's first byte
    for chunk in chain([first], it):  # each chunk's seams found before it is handed on
        data = tail + bytes(chunk)
        seams.update(at + m.start(1 if m[1] is not None else 2) for m in _ELEMENT.finditer(data))
        keep = min(_KEEP, len(data))
        at += len(data) - keep
        tail = data[len(data) - keep :]
        yield chunk

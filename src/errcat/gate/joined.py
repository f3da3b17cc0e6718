"""A credential's name cut by a line break: a terminal wrapped it at its width ("db_pass" then "word=…"), a mail
client or a pager hyphenated it ("Authori-" then "zation: Bearer …"). No pass reads a name across lines, so the two
lines are joined into one and judged again; what is found is masked in the original text."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from .basics import Span, _lazy, _lowered
from .named import _name_start
from .passes import _spans
from .words import _IN_NAME

# the line after the break: the rest of a name, then its separator
_NAME_TAIL_LINE = _lazy(r"\n([A-Za-z0-9_.$-]{1,40})[ \t]{0,4}[:=]")
_NAME_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.$-")
_JOINED_MAX = 65_536  # characters of joined lines judged again; past that, the value after each cut name is hidden
_LINE_MAX = 1024
# a name cut by a wrap stands alone on its line, fills a line as wide as a terminal's usual widths (a terminal wraps
# at its width), or ends with a hyphen: never a name run into the value on the line before it ("mode: bypass" then
# "count=3"), nor a long line of code ending in a name ("OID_… = ExtensionOID.PRIVATE_KEY_USAGE_PERIOD")
_TERMINAL_WIDTHS = frozenset((80, 100, 120, 132, 160, 200, 240))


def _joined_names(text: str) -> list[Span]:
    """The spans found in the lines around each name a line break cut, judged joined (see the module)."""
    if "\n" not in text:
        return []
    out: list[Span] = []
    budget = _JOINED_MAX
    for cut, removed, tail in _cuts(text):
        start = text.rfind("\n", max(0, cut - _LINE_MAX), cut - 1) + 1
        end = text.find("\n", tail, tail + _LINE_MAX)
        end = len(text) if end < 0 else end
        budget -= end - start
        if budget < 0:  # machine-made: thousands of cut names
            out.append(Span(tail, end, "credential by name"))
            continue
        joined = text[start : cut - removed] + text[cut + 1 : end]
        shift = cut - removed - start  # where the second line starts in the joined text
        for s in _spans(joined):
            a = start + s.start + (removed + 1 if s.start >= shift else 0)
            b = start + s.end + (removed + 1 if s.end > shift else 0)
            out.append(Span(a, b, s.kind))
    return out


def _cuts(text: str) -> Iterator[tuple[int, int, int]]:
    """Each line break inside a credential's name: where the break is, how many characters before it the wrap added
    (a hyphen, a carriage return), and where the line after it goes on past the name's tail. Told once for each line
    and name tail after it (all it reads): a log repeating a line is not read again at each repeat."""
    low = _lowered(text)
    seen: dict[tuple[str, str], tuple[int, int] | None] = {}
    back = low.rfind
    for count, m in enumerate(_NAME_TAIL_LINE().finditer(low)):
        if count == _PAIRS_FROM and _no_cut_in_pairs(low):
            return  # (none was found before either)
        cut = m.start()
        if low[cut - 1 : cut] not in _NAME_CHARS and low[cut - 1 : cut] != "\r":
            continue  # no name ends at the break (as _cut tells, without reading the line)
        line_start = back("\n", cut - _LINE_MAX if cut > _LINE_MAX else 0, cut) + 1
        if line_start == 0 and cut > _LINE_MAX:  # a line too long to be a key: told afresh
            found = _cut(low, m, line_start)
        else:
            key = (low[line_start:cut], m.group())
            found = seen[key] if key in seen else seen.setdefault(key, _cut(low, m, line_start))
        if found is not None:
            yield cut, found[0], cut + found[1]


_PAIRS_FROM = 4096  # breaks before a name's tail: below, the loop of _cuts is cheap enough


def _no_cut_in_pairs(low: str) -> bool:
    """Whether no line break of a long, repetitive text cuts a name, told once for each distinct pair of lines (a log
    repeating its lines: _cuts would step through each break). _cut reads only the line before a break (when shorter
    than _LINE_MAX) and the match after it: a pair read alone answers as it does in the text."""
    if low.count("\n", 0, _LINE_MAX * 8) < 8:
        return False  # (long lines: not worth a split)
    lines = low.split("\n")
    if max(map(len, lines)) >= _LINE_MAX:
        return False
    pairs = set(itertools.pairwise(lines))
    if len(pairs) * 4 > len(lines):
        return False  # hardly repeated: no gain
    tail = _NAME_TAIL_LINE()
    for before, after in pairs:
        pair = before + "\n" + after
        m = tail.match(pair, len(before))
        if m is not None and _cut(pair, m, 0) is not None:
            return False
    return True


def _cut(low: str, m: re.Match[str], line_start: int) -> tuple[int, int] | None:
    """(see _cuts) how many characters the wrap added, and where the name's tail ends past the break; None for no cut
    name. Reads the line from ``line_start`` to the break and the match after it, nothing else."""
    cut = m.start()
    removed = 1 if low[cut - 1 : cut] == "\r" else 0
    if low[cut - removed - 1 : cut - removed] not in _NAME_CHARS or cut - removed < 1:
        return None
    before = _name_start(low, cut - removed)
    joined = low[before : cut - removed] + m.group(1)
    if low[cut - removed - 1] == "-":  # a hyphen the wrap added ("Authori-" "zation"), unless the name has one
        unhyphened = low[before : cut - removed - 1] + m.group(1)
        if _IN_NAME().search(unhyphened) and not _IN_NAME().search(joined):
            removed, joined = removed + 1, unhyphened
    width = len(low[line_start:cut].rstrip("\r"))
    wrapped = not low[line_start:before].strip() or width in _TERMINAL_WIDTHS or low[cut - 1 : cut] == "-"
    if wrapped and before < cut - removed and _IN_NAME().search(joined):
        return removed, m.end(1) - cut
    return None

"""Escapes undone before judging (``\\uXXXX``, ``\\"``, ``%XX``, HTML entities, terminal colour codes, invisible and
look-alike spacing; JSON in JSON strings, as deep as explain decodes them): a view decoded level by level that maps
what is found back to the original text, where it is masked."""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Iterator
from itertools import accumulate

from .basics import Span, _lazy

# the escapes undone before judging: \uXXXX, \" \\ \/ \n, %XX, HTML entities; a no-break space read as a
# space, an invisible character or a run of them (zero-width space, joiners, BOM, soft hyphen; NULs) dropped with the one after
# it (a run at once: 2 MiB of NULs one by one cost 1.8 s)
# and the bidirectional controls (pass\u202eword= shows as "passdrow=")
_INVISIBLE_CHARS = (
    "\u200b\u200c\u200d\u2060\ufeff\u00ad\x00\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
    "\u0300-\u036f"  # and the combining marks (pa\u0301ssword: an accent over a letter of the name)
)
# (and the escapes of C, Python and JavaScript strings for a printable ASCII character: \x3d and strace's octal \075;
# Python's repr of a no-break space and a soft hyphen, \xa0 and \xad;
# and HTML5's named entities for the signs a name, a separator or a quote is made of: &equals; &colon; &sol;)
_ESCAPE_REGEX = (
    r"\\[ux]((?<=u)[0-9a-fA-F]{4}|(?<=x)(?:[2-7][0-9a-fA-F]|[aA][0dD]))|\\([\\\"/'nrt]|0[4-7][0-7]|1[0-7][0-7])|%([0-9a-fA-F]{2})"
    r"|&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|quot|amp|lt|gt|apos|equals|colon|sol|bsol|quest|num|excl|lpar|rpar|comma|period"
    r"|semi|percnt|commat|lowbar|hyphen|dollar|ast|plus|vert|verbar|lsqb|rsqb|lcub|rcub|grave|Tab|NewLine|nbsp);"
)
_ESCAPE = _lazy(_ESCAPE_REGEX)
_C_ESCAPE = _lazy(r"\\(?:x[2-7]|x[aA][0dD]|0[4-7]|1[0-7])")  # an escape the backslash pairs' fast path would not undo
# only for a text that is not ASCII: the wider first-character set costs an ASCII text 4 x the time
# and a terminal's colour codes (CSI and OSC sequences) dropped with the character after them, as an invisible
# character is (each escape decodes to one character): "p\x1b[0ma\x1b[0ms…word=" is a name
_TERMINAL_CODE = r"(?:\x1b(?:\[[0-9;?]{0,32}[ -/]{0,4}[@-~]|\][^\x07\x1b]{0,512}(?:\x07|\x1b\\)))+([\s\S])"
_ESCAPE_WIDE = _lazy(_ESCAPE_REGEX + rf"|([\u00a0\u2007\u202f\u3000])|[{_INVISIBLE_CHARS}]+([\s\S])|{_TERMINAL_CODE}")
_TERMINAL_RUN = _lazy(_TERMINAL_CODE.removesuffix("([\\s\\S])") + "(?=[\\s\\S])")
_UNICODE_SPACING = _lazy(rf"[\u00a0\u2007\u202f\u3000\x1b{_INVISIBLE_CHARS}]")
_ENTITIES = {"quot": '"', "amp": "&", "lt": "<", "gt": ">", "apos": "'"} | dict(
    zip(
        (
            *("equals", "colon", "sol", "bsol", "quest", "num", "excl", "lpar", "rpar", "comma", "period", "semi"),
            *("percnt", "commat", "lowbar", "hyphen", "dollar", "ast", "plus", "vert", "verbar", "lsqb", "rsqb", "lcub"),
            *("rcub", "grave", "Tab", "NewLine", "nbsp"),
        ),
        "=:/\\?#!(),.;%@_-$*+||[]{}`\t\n ",
        strict=True,
    )
)
_SIMPLE = {"n": "\n", "r": "\r", "t": "\t"}
_FAST = {"\\" + k: v for k, v in {**_SIMPLE, "\\": "\\", '"': '"', "/": "/", "'": "'"}.items()} | {
    f"&{k};": v for k, v in _ENTITIES.items()
}
_PAIRS = tuple((k, v) for k, v in _FAST.items() if k.startswith("\\"))
_DEPTH = 3  # JSON in a JSON string in a JSON string (CloudWatch exports): decoded whole
# Levels of escaping undone at most: as deep as explain's JSON reader decodes strings that hold JSON
# (errcat.explainer.envelopes takes its MAX_DEPTH from here), so it shows nothing the gate did not judge.
# Past _DEPTH only the stretch that still holds escapes is decoded, at most a _DEEP_SHARE-th of the
# text in all: what is still escaped when either runs out is hidden whole.
MAX_DEPTH = 32
_DEEP_SHARE = 2
_WINDOW_MARGIN = 256


class _View:
    """A decoded copy of a text, and where each of its characters came from in the original
    (worked out only when a span found in it must be mapped: most views map none)."""

    def __init__(self, text: str, parent: _View | None, offset: int = 0) -> None:
        self.parent = parent
        self.offset = offset  # where in the parent's text (or the original) ``text`` starts
        self.source = text
        self.count = 0

        def one(m: re.Match[str]) -> str:
            self.count += 1
            return _FAST.get(m.group(), "") or _unescaped(m)

        wide = not text.isascii() or "\x00" in text or "\x1b" in text
        self.pattern = _ESCAPE_WIDE() if wide else _ESCAPE()
        if wide and text.isascii() and "\x00" not in text and "\\" not in text and "%" not in text and "&" not in text:
            # only a terminal's colour codes (a coloured log): each run of them dropped at C speed, as _ESCAPE_WIDE
            # drops it with the character after it (the same escapes, mapped back by the same pattern)
            self.text, self.count = _TERMINAL_RUN().subn("", text)
        elif "\\u" in text or "%" in text or "&" in text or wide or _C_ESCAPE().search(text):
            self.text = self.pattern.sub(one, text)
        else:  # only backslash pairs (\\ \" \n \/): undone at C speed, each a character shorter
            self.text = _pairs_undone(text)
            self.count = len(text) - len(self.text)
        self._map: tuple[array[int], array[int], array[int]] | None = None

    def _escapes(self) -> tuple[array[int], array[int], array[int]]:
        """(decoded index, start, end) of each escape."""
        if self._map is None:
            spans = [m.span() for m in self.pattern.finditer(self.source)]
            start = array("q", [a for a, _ in spans])
            end = array("q", [b for _, b in spans])
            shrink = accumulate((b - a - 1 for a, b in spans), initial=0)
            self._map = array("q", [a - less for a, less in zip(start, shrink, strict=False)]), start, end
        return self._map

    def _local(self, i: int) -> tuple[int, int]:
        """The span of the text decoded that decoded character i came from."""
        at, start, end = self._escapes()
        k = bisect_right(at, i) - 1
        if k >= 0 and at[k] == i:
            return start[k], end[k]
        base = end[k] + (i - at[k] - 1) if k >= 0 else i
        return base, base + 1

    def origin(self, i: int) -> int:
        start = self._local(i)[0] + self.offset
        return self.parent.origin(start) if self.parent else start

    def origin_end(self, j: int) -> int:
        """Where the decoded span ending at j ends in the original text."""
        if j <= 0:
            return self.origin(0)
        end = self._local(j - 1)[1] + self.offset
        return self.parent.origin_end(end) if self.parent else end


def _pairs_undone(text: str) -> str:
    """An ASCII text without NULs, its backslash pairs (\\\\ \\" \\n \\/) undone, an escaped backslash ending a pair
    (``\\\\n`` is a backslash and an n). The escaped backslashes stand as NULs while the others are undone (the text
    holds none: it would be wide), all at C speed: split at them, one Python call a stretch took 0.45 s on 2 MiB of \\."""
    text = text.replace("\\\\", "\x00")
    for pair, char in _PAIRS:
        text = text.replace(pair, char)
    return text.replace("\x00", "\\")


def _unescaped(m: re.Match[str]) -> str:
    groups: tuple[str, ...] = (*m.groups(), "", "", "")  # _ESCAPE has four groups, _ESCAPE_WIDE seven
    u, simple, pct, entity, space, kept, after_codes = groups[:7]  # the character after a terminal's codes
    if space or kept or after_codes:
        return " " if space else kept or after_codes
    if u:
        return chr(int(u, 16))
    if simple:
        return chr(int(simple, 8)) if simple.isdigit() else _SIMPLE.get(simple, simple)
    if pct:
        return chr(int(pct, 16))
    if entity in _ENTITIES:
        return _ENTITIES[entity]
    code = int(entity[2:], 16) if entity[1:2] in "xX" else int(entity[1:])
    return chr(code) if 0 < code < 0x110000 and not 0xD800 <= code < 0xE000 else "\ufffd"


def _views(text: str, undecoded: list[Span]) -> Iterator[_View]:
    """The text decoded once, twice, three times: each level of escaping undone; past that, only the
    stretch still escaped, to MAX_DEPTH levels (``undecoded`` gets what is still escaped after them)."""
    parent: _View | None = None
    current = text
    budget = len(text) // _DEEP_SHARE  # characters decoded past _DEPTH
    for level in range(MAX_DEPTH):
        found = [i for i in (current.find("\\"), current.find("%"), current.find("&"), current.find("\x1b")) if i >= 0]
        if (
            not found
            and level < _DEPTH
            and (not current.isascii() or "\x00" in current or "\x1b" in current)
            and _UNICODE_SPACING().search(current)
        ):
            found = [0]  # a no-break space or an invisible character to undo (one an escape decoded to: "pass\\u200bword")
        if not found:
            return
        start, end = 0, len(current)
        if level >= _DEPTH:
            start = max(0, min(found) - _WINDOW_MARGIN)
            end = max(current.rfind("\\"), current.rfind("%"), current.rfind("&"), current.rfind("\x1b")) + _WINDOW_MARGIN
            budget -= min(end, len(current)) - start
            if budget < 0 and parent is not None:  # hidden, not judged
                undecoded.append(Span(parent.origin(start), parent.origin_end(min(end, len(current))), "undecoded nesting"))
                return
        view = _View(current[start:end], parent, start)
        if not view.count:
            return
        yield view
        parent, current = view, view.text
    if parent is not None:  # escapes left after MAX_DEPTH levels: hidden, not judged
        undecoded.append(Span(parent.origin(0), parent.origin_end(len(current)), "undecoded nesting"))

"""A bound on what a log of many distinct undocumented vendor errors of one shape costs.

A record's explanation is reused by its template (stream.Explainer), but a log whose vendor
errors each carry another code or a customer's name has a template per record: 100,000 of them
were 100,000 explains (~1.5 ms each). Records are also known by their call's shape (``shape_of``:
each quoted value's words and every number but a status masked, the URLs and hosts that name the
vendor kept). Once SETTLE_AFTER records of one shape were explained one by one and each came out
the same way (one error, one vendor, status and endpoint, and not in the catalog), the next ones of
that shape (naming the same vendors) are counted in one group that says so, without a full
explain, unless the record holds something the catalog documents that those did not all hold (a
code, a name, a field its details name, a literal part of a message): those are explained as
before. Never a documented match without an explain; what this can miss is a record whose only
evidence is a message worded like a documented one without sharing a literal part of it
(explain's fuzzy match), which is then counted in the shape's group.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from ..templates import parse
from .concerns import MIN_LITERAL

if TYPE_CHECKING:
    from ..index.store import CatalogIndex
    from .concerns import VendorNeedles

SETTLE_AFTER = 200  # distinct records of one shape explained one by one before the rest are grouped
SHAPES_SIZE = 2_000  # shapes remembered (then begun anew)
MAX_SHAPED = 20_000  # a longer record is always explained (the shape's patterns stay linear below this)
MIN_PART = 8  # a documented message shorter than this ("blank") is any program's word: looked for as a whole value
_QUOTED = re.compile(r'"((?:[^"\\\n]|\\.){0,4000}+)"(\s*:)?')  # a JSON string, then whether it is a key
_ELEMENT_TEXT = re.compile(r">([^<>\n]{1,4000}+)<")  # an XML element's text
_NUMBER = re.compile(r"(?<![\d.])(?![1-5]\d\d(?![\d.]))\d+")  # every number but a status-like one
_NAMES_VENDOR = re.compile(r"[/@]|\w\.\w")  # a URL, a host or an address: kept in the shape
_TOKEN = re.compile(r"\w(?:[\w.-]*\w)?")  # a code, a name or a field's ("Order.UID")
# a JSON string's escape: json.dumps's "Raz\u00e3o", "\"Expense\"", a line break or tab (space, as explain reads it)
_ESCAPED = re.compile(r'\\(?:u([0-9a-fA-F]{4})|(["\\/])|[nrt])')


class Outcome(NamedTuple):
    """How a record explained one by one was counted: one undocumented error of this vendor, status, endpoint."""

    vendor: str
    status: int | None
    endpoint: str | None


_NEVER = Outcome("", None, None)  # a shape whose records came out otherwise: always explained


def shape_of(paste: str) -> str | None:
    """A record's call shape (see the module's docstring); None: too long to shape, always explained."""
    if len(paste) > MAX_SHAPED:
        return None
    shaped = _QUOTED.sub(_masked_value, paste) if '"' in paste else paste
    if ">" in shaped:
        shaped = _ELEMENT_TEXT.sub(lambda m: m[0] if _NAMES_VENDOR.search(m[1]) else ">…<", shaped)
    return _NUMBER.sub("<n>", shaped)


def _masked_value(m: re.Match[str]) -> str:
    return m[0] if m[2] or _NAMES_VENDOR.search(m[1]) else '"…"'


class _Seen(NamedTuple):
    explained: int  # records of the shape explained one by one, each with ``outcome``
    outcome: Outcome
    common: frozenset[str]  # the words every one of them held (the documented among them: a name many entries share)
    named: frozenset[int]  # the vendors whose names the first one held (concerns.VendorNeedles.named): the same in each


class Shapes:
    """The shapes of records explained one by one, with how each came out (see ``learn``)."""

    def __init__(self, index: CatalogIndex, needles: VendorNeedles):
        self.index, self.needles = index, needles
        self.seen: dict[str, _Seen] = {}
        self._test: tuple[frozenset[str], Callable[[str], bool]] | None = None

    def settled(self, shape: str | None, paste: str) -> Outcome | None:
        """The outcome shared by this shape's records, once SETTLE_AFTER were explained alike and this
        record holds nothing the catalog documents that they did not all hold; None: explain it."""
        state = self.seen.get(shape) if shape is not None else None
        if state is None or state.explained < SETTLE_AFTER or state.outcome is _NEVER:
            return None
        words, holds = self._documented()
        if not (words.intersection(_TOKEN.findall(paste)) <= state.common) or holds(" ".join(_unescaped(paste).lower().split())):
            return None
        return state.outcome if self.needles.named(paste) == state.named else None

    def learn(self, shape: str | None, paste: str, outcome: Outcome | None) -> None:
        """Note how a record of this shape explained one by one came out (None: not as one undocumented error)."""
        if shape is None:
            return
        state = self.seen.get(shape)
        if state is None and len(self.seen) >= SHAPES_SIZE:
            self.seen.clear()
        if state is not None and state.outcome is _NEVER:
            return
        named = self.needles.named(paste) if outcome is not None else frozenset()
        if outcome is None or (state is not None and (state.outcome != outcome or state.named != named)):
            self.seen[shape] = _Seen(0, _NEVER, frozenset(), frozenset())
            return
        held = frozenset(_TOKEN.findall(paste))  # only the catalog's among them matter (settled): those are looked up there
        if state is None:
            self.seen[shape] = _Seen(1, outcome, frozenset(held), named)
        else:
            self.seen[shape] = state._replace(explained=state.explained + 1, common=state.common.intersection(held))

    def _documented(self) -> tuple[frozenset[str], Callable[[str], bool]]:
        """The catalog's documented codes, names and details that are one word, and a test of whether a text
        holds a literal part of a documented message (lower-cased)."""
        if self._test is None:
            self._test = _documented_test(self.index)
        return self._test


def _unescaped(paste: str) -> str:
    """The paste with its JSON strings' escapes and XML's entities read (explain reads them so: "can&apos;t"), for the
    test of a documented message (which is then looked for with its spaces made one, as its parts are)."""
    paste = _ESCAPED.sub(_escaped_char, paste) if "\\" in paste else paste
    return html.unescape(paste) if "&" in paste else paste


def _escaped_char(m: re.Match[str]) -> str:
    if m[2]:
        return m[2]
    if not m[1]:
        return " "
    code = int(m[1], 16)
    return m[0] if 0xD800 <= code <= 0xDFFF else chr(code)  # half a pair is left as written


def _documented_test(index: CatalogIndex) -> tuple[frozenset[str], Callable[[str], bool]]:
    from .needles import literal_test

    words: set[str] = set()
    parts: set[str] = set()
    for e in index.entries:
        words.update(str(v) for v in (e.code, e.name, e.details) if v is not None and _TOKEN.fullmatch(str(v)))  # "Order.UID"
        literals = [p for p in parse(e.template or e.message or "") if isinstance(p, str)]
        least = MIN_PART if len(literals) == 1 else MIN_LITERAL  # a template's part between slots: longer
        said = [" ".join(p.split()).strip(" .,:;'\"").lower() for p in literals]
        parts.update(p for p in said if len(p) >= least)
        if len(said) == 1 and 0 < len(said[0]) < least:  # a word alone ("blank": Sage's), as a whole value
            parts.update((f'"{said[0]}"', f">{said[0]}<"))
    return frozenset(words), literal_test(tuple(sorted(parts)))

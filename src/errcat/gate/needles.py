"""The fast paths of the name passes: the stretches of a text around credential words, the words' starts found
once per text for every pass, and the dense stretches (machine-made runs of names) hidden whole instead of judged
name by name. This is what keeps a 2 MiB hostile paste near a second."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from itertools import accumulate, compress, islice, repeat
from operator import add, gt, sub

from .basics import Span, by_identity
from .words import _ASCII_NEEDLES, _IN_NAME, _NEEDLES


def _word_matches(pattern: re.Pattern[str], low: str, first: int, last: int, reach: int) -> Iterator[re.Match[str]]:
    """The matches of a pattern that starts with a credential word, the word starting in a stretch, each
    tried at its word: a search from the stretch would go on through the ``reach`` past it, trying the
    next stretches' words too (the same words again from each stretch: on 1 MiB of table headers, 10 x)."""
    pos = first
    for at in _word_starts(low, first, last):
        if at < pos:
            continue
        m = pattern.match(low, at, last + reach)
        pos = at + 1 if m is None else max(m.end(), at + 1)
        if m is not None:
            yield m


@by_identity
def _all_word_starts(low: str) -> list[int]:
    """Where a credential word starts in each stretch but a dense one, as a search to ``last + 64`` finds
    it: found once per text for the five passes that try each word (on 2 MB of oauth2 errors they searched
    for 0.4 s), in one list (a list a stretch would cost the collector as much again)."""
    starts: list[int] = []
    seen: dict[tuple[str, int], list[int]] = {}  # a stretch's text (and the letter before it): its words' places
    for first, last, hits in _near_needles(low):
        if _dense(first, last, hits):
            continue  # (no pass tries its words)
        before = max(0, first - 1)
        key = low[before : last + 64], first - before
        if (found := seen.get(key)) is None:  # (a log repeating a line: the same stretch, searched once)
            found = seen[key] = []
            pos = first  # (a search skips to a word's first letters: 3 x faster than a look-ahead at each position)
            while (word := _IN_NAME().search(low, pos, last + 64)) is not None and word.start() <= last:
                found.append(word.start() - before)
                pos = word.start() + 1
        starts += [before + at for at in found]
    return starts


def _word_starts(low: str, first: int, last: int) -> list[int]:
    """The word starts in the stretch from ``first`` to ``last`` (a stretch _dense passes over has none)."""
    starts = _all_word_starts(low)
    return starts[bisect_left(starts, first) : bisect_right(starts, last)]


# A stretch this long with a credential word every 32 characters or closer is hidden whole:
# judging each of its names one by one would cost seconds, and no error a user reads is in there.
_DENSE_MIN = 65_536
_DENSE_EVERY = 32
# so is a shorter one with a credential word every 12 characters or closer: names repeated with no room for values
# ("api_key=api_key=…"); each name's value reads up to 4 KiB on, so judging them one by one cost a second per 32 KiB
_CLOSE_MIN = 4096
_CLOSE_EVERY = 12


def _dense(first: int, last: int, hits: int) -> bool:
    length = last - first
    return (length >= _DENSE_MIN and hits * _DENSE_EVERY >= length) or (length >= _CLOSE_MIN and hits * _CLOSE_EVERY >= length)


@by_identity
def _near_needles(low: str) -> list[tuple[int, int, int]]:
    """Stretches of the text around each needle (merged when they overlap, two needles 32 characters apart or closer),
    with their needle counts. Worked out in C (split, accumulate, compress): a loop over each hit took 0.3 s on 2 MiB
    of one needle repeated; Python loops over the stretches alone."""
    hits: list[int] = []
    for needle in _NEEDLES if not low.isascii() else _ASCII_NEEDLES:  # an ASCII text holds no other needle
        hits += _needle_starts(low, needle)
    hits.sort()
    if not hits:
        return []
    firsts = [0, *compress(range(1, len(hits)), map(gt, map(sub, islice(hits, 1, None), hits), repeat(_MERGED_WITHIN)))]
    ends = [*firsts[1:], len(hits)]
    return [(max(0, hits[a] - 16), hits[b - 1] + 16, b - a) for a, b in zip(firsts, ends, strict=True)]


_MERGED_WITHIN = 32  # two needles this close are in one stretch (16 characters either side of each)


def _needle_starts(low: str, needle: str) -> Iterable[int]:
    """Where ``needle`` starts in ``low``, every place (those of a needle that may overlap itself, "sasas", by find).
    Most needles are in no text: those cost one search (splitting for each made scan's gated samples 10 % dearer)."""
    if needle not in low:
        return ()
    if needle in _SELF_OVERLAPPING:
        found = []
        i = low.find(needle)
        while i >= 0:
            found.append(i)
            i = low.find(needle, i + 1)
        return found
    pieces = low.split(needle)  # (a needle that cannot overlap itself: its places are the pieces' lengths summed)
    size = len(needle)
    return map(sub, accumulate(map(add, map(len, islice(pieces, len(pieces) - 1)), repeat(size))), repeat(size))


_SELF_OVERLAPPING = frozenset(n for n in _NEEDLES if any(n[:k] == n[-k:] for k in range(1, len(n))))


Stretches = dict[tuple[str, int, int], list[tuple[int, int, str]]]


Judge = Callable[[int, int], tuple[list[Span], bool]]


def _judged_once(text: str, first: int, last: int, reach: tuple[int, int], memo: Stretches, judge: Judge) -> list[Span]:
    """What ``judge`` finds in the stretch from ``first`` to ``last``, judged once for each text around it: a pass
    that reads no further than ``reach`` (characters before ``first``, after ``last``) finds the same in the same text,
    so a log repeating one error is judged once, not at each of its 30,000 lines. ``judge`` also says whether it kept
    to that reach (what it found is then remembered)."""
    base = max(0, first - reach[0])
    key = (text[base : last + reach[1]], first - base, last - base)
    if (seen := memo.get(key)) is not None:
        return [Span(a + base, b + base, kind) for a, b, kind in seen]
    found, kept = judge(first, last)
    if kept:
        memo[key] = [(s.start - base, s.end - base, s.kind) for s in found]
    return found

"""Text normalisation shared by the catalog index, queries and explain: one place decides what
"the same word" and "the same path" mean. Imports nothing of errcat, so every layer can use it."""

from __future__ import annotations

import re
from functools import lru_cache

STOP_WORDS = frozenset(
    ["the", "a", "an", "is", "are", "be", "of", "to", "in", "on", "for", "and", "or", "not", "no", "by", "with"]
)  # too common to find errors by

_NOT_ALNUM = re.compile(r"[^a-z0-9]")


@lru_cache(maxsize=1 << 16)
def squash(text: str) -> str:
    """Case- and separator-insensitive form: ``Date_Prior-To`` -> ``datepriorto``."""
    return _NOT_ALNUM.sub("", text.lower())


@lru_cache(maxsize=1 << 14)
def normalize_path(path: str) -> str:
    """A documented or observed path in comparable form: lower case, no slashes at the ends."""
    return "/".join(p for p in path.strip().lower().split("/") if p)


WORD = re.compile(r"[A-Za-z0-9]+")  # a word of a text
CAMEL = re.compile(  # the parts of a CamelCase word
    r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+"
)


def tokens(text: str) -> list[str]:
    """Search terms of a text: words, their CamelCase parts, crude plural folding."""
    out: list[str] = []
    for word in WORD.findall(text):
        out += _word_tokens(word)
    return out


@lru_cache(maxsize=65536)  # a catalog's vocabulary is small next to its text: index builds reuse it
def _word_tokens(word: str) -> tuple[str, ...]:
    forms = [word.lower()]  # in order, so a phrase of the text is a phrase of its tokens
    parts = CAMEL.findall(word)
    if len(parts) > 1:
        forms += [p.lower() for p in parts if p.lower() != forms[0]]
    return tuple(f[:-1] if len(f) > 3 and f.endswith("s") and not f.endswith("ss") else f for f in dict.fromkeys(forms))

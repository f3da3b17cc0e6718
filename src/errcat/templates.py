"""Message templates: a documented message with named slots, e.g. ``{field} is required``.

Syntax: ``{name}`` is a slot (name: letters, digits, underscore); ``{{`` and ``}}`` are literal
braces; everything else is literal text. A template's ``slots`` say what the documented message
holds in each slot (a placeholder such as ``[Field]`` or ``***``, or an example value such as
``Germani``), so filling the template with them must give the documented message back.

Matching compiles a template to an anchored regular expression whose slots are lazy ``.+?``
groups between literal anchors; inputs are capped in length before matching, so the worst case
stays polynomial in a short string (no catastrophic backtracking).
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import regex_codes

SLOT_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
MAX_MATCH_LENGTH = 2000


class TemplateSyntaxError(ValueError):
    """The template text is not valid template syntax."""


# a template's tokens, in the order they are tried: literal braces, a slot (to the next "}"), a
# "{" with no "}" after it, a lone "}", and the literal text between braces
TOKEN = re.compile(r"\{\{|\}\}|\{[^}]*\}|\{|\}|[^{}]+")


def parse(template: str) -> list[str | tuple[str]]:
    """Split a template into literal strings and ``(slot_name,)`` tuples."""
    parts: list[str | tuple[str]] = []
    literal: list[str] = []
    for token in TOKEN.finditer(template):
        text, column = token.group(), token.start() + 1
        if text in ("{{", "}}"):
            literal.append(text[0])
        elif text == "}":
            raise TemplateSyntaxError(f"lone '}}' at column {column}: write }}}} for a literal brace")
        elif text[0] == "{":
            if literal:
                parts.append("".join(literal))
                literal = []
            parts.append(_slot(text[1:-1], column, parts))
        else:
            literal.append(text)
    if literal:
        parts.append("".join(literal))
    return parts


def _slot(name: str, column: int, before: list[str | tuple[str]]) -> tuple[str]:
    """A slot, refused when its name is no name, when it touches the slot before it (nothing tells
    them apart) or when a slot of that name came before."""
    if not SLOT_NAME.fullmatch(name):
        raise TemplateSyntaxError(f"bad slot at column {column}: use {{name}}, or {{{{ for a literal brace")
    if before and isinstance(before[-1], tuple):
        raise TemplateSyntaxError(f"slots {before[-1][0]!r} and {name!r} touch; they cannot be told apart")
    if (name,) in before:
        raise TemplateSyntaxError(f"slot {name!r} appears twice; give each slot its own name")
    return (name,)


def slot_names(template: str) -> list[str]:
    """The slot names of a template, in order."""
    return [p[0] for p in parse(template) if isinstance(p, tuple)]


def fill(template: str, slots: dict[str, str]) -> str:
    """The template with each slot replaced by its value."""
    return "".join(p if isinstance(p, str) else slots[p[0]] for p in parse(template))


@lru_cache(maxsize=4096)
def compile_template(template: str) -> re.Pattern[str]:
    """An anchored, case-insensitive pattern for the template, whitespace-tolerant."""
    out = []
    for part in parse(template):
        if isinstance(part, tuple):
            out.append(f"(?P<{part[0]}>.+?)")
        else:
            out.append(r"\s+".join(re.escape(w) for w in part.split()) if part.strip() else r"\s*")
            if part[:1].isspace():
                out.insert(len(out) - 1, r"\s*")
            if part[-1:].isspace():
                out.append(r"\s*")
    return regex_codes.compile("^" + "".join(out) + "$", re.IGNORECASE | re.DOTALL)  # a catalog's template: kept between runs


def match(template: str, text: str) -> dict[str, str] | None:
    """The slot values when ``text`` is an instance of ``template``, else None."""
    text = text.strip()
    if len(text) > MAX_MATCH_LENGTH:
        return None
    m = compile_template(template).match(text)
    return {k: v.strip() for k, v in m.groupdict().items()} if m else None

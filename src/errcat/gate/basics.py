"""What every pass of the gate shares: the mask, a span of the text, patterns compiled on first use, the text
lowered index for index (homoglyphs and look-alike letters folded), and the checks a found value passes before it
is hidden. Kept apart so that each pass imports these and nothing of the other passes."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from typing import NamedTuple, TypeVar

from .. import regex_codes

MARK = "[REDACTED]"
_MARKED = "REDACTED"


def _lazy(regex: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A regex compiled on first use: compiling them all would cost explain ~10 ms of start-up,
    and most pastes need only a few of the passes."""
    return functools.cache(functools.partial(regex_codes.compile, regex, flags))


# A-Z in lower case, and what stands for a Latin letter or a separator in a name written to slip past a
# filter: Cyrillic and Greek look-alikes (p\u0430ssword), full-width letters, colon and equals sign.
# One character for one: every index stays where it was.
_HOMOGLYPHS = (
    "\u0430a\u0435e\u043eo\u0440p\u0441c\u0443y\u0445x\u0455s\u0456i\u0458j\u04bbh\u0501d\u051bq\u051dw"  # Cyrillic
    "\u0410a\u0412b\u0415e\u041ak\u041cm\u041dh\u041eo\u0420p\u0421c\u0422t\u0425x\u0405s\u0406i\u0408j"
    "\u03b1a\u03bfo\u03c1p\u03b9i\u03bak\u03bdv\u0391a\u0392b\u0395e\u0396z\u0397h\u0399i\u039ak\u039cm\u039dn"  # Greek
    "\u039fo\u03a1p\u03a4t\u03a5y\u03a7x\uff1a:\uff1d="
)
# and letters that stand for Latin ones: small capitals (\u1d18\u1d00ssword), the Kelvin and Angstrom signs, Turkish
# dotless and dotted i
_SMALL_CAPS = (
    "\u1d00a\u0299b\u1d04c\u1d05d\u1d07e\ua730f\u0262g\u029ch\u026ai\u1d0aj\u1d0bk\u029fl\u1d0dm\u0274n\u1d0fo\u1d18p"
    "\u01ebq\u0280r\ua731s\u1d1bt\u1d1cu\u1d20v\u1d21w\u028fy\u1d22z\u212ak\u212ba\u0131i\u0130i"
)
# and the mathematical alphanumeric symbols (\U0001d5c9\U0001d5ee\U0001d600\U0001d600\U0001d604\U0001d5fc\U0001d5ff\U0001d5f1: a
# bold sans-serif "password"): 13 alphabets of 52 letters from U+1D400 (a few holes left empty, as Unicode has them)
_MATH_LETTERS = "".join(chr(0x1D400 + 52 * k + i) for k in range(13) for i in range(52))
# and the enclosed letters (\u24df\u24d0\u24e2\u24e2\u24e6\u24de\u24e1\u24d3: circled; \u24ab\u249c\u24ae\u24ae: parenthesized)
# and the modifier (superscript) letters (\u1d56\u1d43\u02e2\u02e2\u02b7\u1d52\u02b3\u1d48) (a-z in parentheses, A-Z, a-z circled)
_ENCLOSED = "".join(map(chr, range(0x249C, 0x24EA)))
_MODIFIERS = (
    "\u1d43a\u1d47b\u1d9cc\u1d48d\u1d49e\u1da0f\u1d4dg\u02b0h\u2071i\u02b2j\u1d4fk\u02e1l\u1d50m\u207fn\u1d52o\u1d56p"
    "\u02b3r\u02e2s\u1d57t\u1d58u\u1d5bv\u02b7w\u02e3x\u02b8y\u1dbbz"
)
_LOWER = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    + _HOMOGLYPHS[::2]
    + "".join(map(chr, range(0xFF21, 0xFF3B)))
    + "".join(map(chr, range(0xFF41, 0xFF5B)))
    + _SMALL_CAPS[::2]
    + _MATH_LETTERS
    + _ENCLOSED
    + _MODIFIERS[::2],
    "abcdefghijklmnopqrstuvwxyz"
    + _HOMOGLYPHS[1::2]
    + "abcdefghijklmnopqrstuvwxyz" * 2
    + _SMALL_CAPS[1::2]
    + "abcdefghijklmnopqrstuvwxyz" * 26
    + "abcdefghijklmnopqrstuvwxyz" * 3
    + _MODIFIERS[1::2],
)

# a quoted value closes with as many backslashes as it opened with: ab\"cd in "ab\"cd" is one value
_QUOTED = r"""(?P<qs>\\{0,3})"(?:[^"\\\n]|\\.){0,4096}?(?P=qs)"|'(?:[^'\\\n]|\\.|''){0,4096}?'(?!')"""
# (YAML's and SQL's single quotes hold a quote doubled: 'Kanga''roo')
_CDATA = r"<!\[cdata\[(?:[^\]]|\](?!\]>)){0,4096}\]\]>"
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_-")
_ID_LABEL = _lazy(
    r"(?:support|request|correlation|trace|incident|reference|activity|transaction|tracking)[ _-]?id\b"
    r"[\"']?[ \t]*[:=#]?[ \t]*[\"']?[^\s\"']{0,24}$",  # the id may start before this token (a %7E inside it)
    re.IGNORECASE,
)
_DATE_LIKE = _lazy(r"[0-9TZ:.+-]+|v?\d+(?:\.\d+)+[a-z0-9-]*", re.IGNORECASE)
_MIXED = _lazy(r"[0-9]|[a-z][A-Z]")
_GUID = _lazy(r"\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?")
_HEX = _lazy(r"[0-9a-fA-F-]+")
_EMPTY = frozenset(
    (
        *("", "null", "none", "nil", "true", "false", "undefined", "***", "xxx", "<redacted>", "redacted"),
        # and a log level, which Apache's error log writes after its module ("[authz_core:error]", "[auth_basic:warn]",
        # "[session:error]"): a credential's name before it, the level was hidden on every auth module's line
        *("emerg", "alert", "crit", "error", "warn", "notice", "info", "debug", *(f"trace{n}" for n in range(1, 9))),
    )
)


class Span(NamedTuple):
    start: int
    end: int
    kind: str


def _secret_like(value: str) -> bool:
    """A value worth hiding where it is repeated: one word holding a digit or a symbol, as
    passwords and tokens do ("hunter2Xq9"); not words such as "is required" or "invalid", which a
    validation error puts under a ``password`` key and repeats under every other field."""
    if _WHITESPACE.search(value):  # (at C speed: a hidden value may be a 2 MiB machine-made stretch)
        return False
    if value.isascii():
        return bool(value) and not value.isalpha()  # (in ASCII: a character that is no letter is a digit or a symbol)
    return any(c.isdigit() or not c.isalnum() for c in value)


_WHITESPACE = re.compile(r"\s")  # (str.isspace's characters)


_LOWER_THEN_UPPER = re.compile(r"[a-z][A-Z]")


def _grouped(pattern: re.Pattern[str], text: str, group: int | str, kind: str) -> Iterator[Span]:
    for m in pattern.finditer(text):
        if m.group(group) and _MARKED not in m.group(group):
            yield Span(*m.span(group), kind)


# a number a program prints in hex (ZooKeeper's "sessionid:0x34ed93485090001"): after "session", an id, not a cookie
_HEX_NUMBER = _lazy(r"0[xX][0-9a-fA-F]{1,16}")
# an option's name, as a shell's argument parser reads one: after "--password" it is the next option, not its value
_NEXT_OPTION = _lazy(r"--?[a-z][a-z0-9]*(?:-[a-z0-9]+){0,6}")  # (in lower case: "-Zx9kLm2q" may be one)
_NAME_CHAR = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_.$-")


_HEX_KEY = 16  # hex digits of a key, a token or a GUID given right after a credential word


T = TypeVar("T")


def by_identity(compute: Callable[[str], T]) -> Callable[[str], T]:
    """``compute`` remembered for the last two texts it was given, known by identity: the passes over one
    text share what it computes. functools' caches know a text by equality, so a paste equal to one screened
    before but made anew (explained again through another hook) was compared whole on each of ~95,000
    look-ups: 2 MiB screened in 14.8 s of CPU instead of 1.5 s."""
    kept: list[tuple[str, T]] = []

    @functools.wraps(compute)
    def remembered(text: str) -> T:
        for key, value in kept:
            if key is text:
                return value
        value = compute(text)
        kept[:] = [(text, value), *kept[:1]]
        return value

    return remembered


@by_identity
def distinct_lines(text: str) -> str:
    """The text's lines, each once, in order: whether a word that never spans lines occurs in the text (a format's
    hint) is told on them. A log of one repeated error is a few lines; one of mostly distinct lines is kept whole."""
    lines = text.split("\n")
    if len(lines) < _DISTINCT_FROM:
        return text
    once = dict.fromkeys(lines)
    return text if len(once) * 2 > len(lines) else "\n".join(once)


_DISTINCT_FROM = 256  # a text of fewer lines is searched whole


def absent(pattern: re.Pattern[str], text: str) -> bool:
    """Whether a pattern that never matches across a line break has no match in the text, told on its distinct lines
    (see distinct_lines); False where they are most of the text (the pass reads it whole anyway)."""
    probe = distinct_lines(text)
    return probe is not text and pattern.search(probe + "\n") is None


@by_identity  # each text's passes share it
def _lowered(text: str) -> str:
    """The text in ASCII lower case: every index stays where it was (str.lower, 20 times faster
    than translate, lowers only A-Z in an ASCII text; elsewhere it may change lengths)."""
    return text.lower() if text.isascii() else text.translate(_LOWER)


def _inner(value: str, at: int) -> tuple[int, int] | None:
    """The span inside a value's quotes, brackets or CDATA."""
    lead = 0
    if value[:9].upper() == "<![CDATA[":
        lead, trail = 9, 3
    elif value[:1] in "({":
        lead, trail = 1, 1
    else:
        stripped = value.lstrip("\\")
        if stripped[:1] in "\"'":
            lead = len(value) - len(stripped) + 1
        trail = lead
    return _checked(None, at + lead, at + len(value) - trail, value[lead : len(value) - trail])


def _checked(text: str | None, start: int, end: int, inner: str | None = None) -> tuple[int, int] | None:
    if end <= start:
        return None
    return (start, end) if _may_be_secret(inner if inner is not None else (text or "")[start:end]) else None


@functools.lru_cache(maxsize=4096)  # a log repeats its values: 233,000 "AUTH a b" lines judged "b" for 0.4 s
def _may_be_secret(inner: str) -> bool:
    """Whether a value found may be a secret: not hidden already, not empty or a placeholder, no printed object."""
    return not (_MARKED in inner or inner.strip().rstrip("\\").lower() in _EMPTY or _OBJECT_STRING().fullmatch(inner))


# An object a program printed with Java's Object.toString (a class and its hash code in hex: Android's "Bad activity
# token: android.os.BinderProxy@42b2a7d8", a char[]'s "[C@1b6d3586") or Android's Name{hash …} (Token{7c2e0f1 …}):
# no secret's text
_OBJECT_STRING = _lazy(
    r"(?:[a-z][\w$]*\.){2,16}[A-Z][\w$]{0,128}@[0-9a-f]{1,8}|\[[A-Z]@[0-9a-f]{1,8}|[A-Z][A-Za-z]{1,40}\{(?=[0-9]{0,7}[a-f])[0-9a-f]{6,8}"
)


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _word_before(text: str, at: int, longest: int, inside: Callable[[str], bool], opening: str) -> bool:
    """Whether a word of characters ``inside`` (1 to ``longest`` of them) ends at ``at`` and starts the
    text or follows one of the ``opening`` characters (walked back: no regex tried at every position)."""
    start = at
    while start > 0 and at - start <= longest and inside(text[start - 1]):
        start -= 1
    return 0 < at - start <= longest and (start == 0 or text[start - 1] in opening)

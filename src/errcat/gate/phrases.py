"""Secrets a label gives that no single token's pass reads: one-time and recovery codes (short, or digits alone, so
no randomness test sees them) and a passphrase of several words (each an ordinary word)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .basics import Span, _lazy, _lowered
from .passwords import _STATE_WORDS
from .words import _IN_NAME

# a label naming codes that log in by themselves: "recovery codes:", "backup code", "one-time code", "OTP:", "2FA code",
# "verification code" (then the codes on its line, or one a line on the lines after it)
_CODE_LABEL = _lazy(
    r"(?<![\w-])(?:(?:recovery|backup|one[ \t-]?time|otp|2fa|mfa|totp|verification|authenticator|sms|login|security)"
    r"[ \t-]?(?:codes?|pins?|passcodes?)|otp|one[ \t-]time[ \t-]pass(?:word|code)s?)"
    r"[ \t]{0,4}(?:[:=]|is|was|were|are)?[ \t]{0,4}(?P<eol>\r?\n)?"
)
_CODE = _lazy(r"[ \t]*(?P<code>[a-z0-9]{3,12}(?:-[a-z0-9]{3,12})?)(?![\w-])[ \t]*[,;]?")
_CODE_LINE = _lazy(
    r"[ \t]*(?:[-*][ \t]{1,3}|\d{1,2}[.)][ \t]{1,3})?(?P<code>[a-z0-9]{3,12}(?:[- ][a-z0-9]{3,12})?)[ \t]*(?:\r?\n|$)"
)
_CODE_LINES = 16  # at most this many codes on the lines after their label


def _codes(text: str) -> Iterator[Span]:
    """The codes after a label naming one-time or recovery codes (see _CODE_LABEL): each token holding a digit on the
    label's line, up to a word or a sign ("one-time code: 127899 (tried twice)"), or one a line on the lines after it."""
    low = _lowered(text)
    if "code" not in low and "otp" not in low and "pin" not in low and "one" not in low:
        return
    for m in _CODE_LABEL().finditer(low):
        pos = m.end()
        for _ in range(_CODE_LINES):
            code = (_CODE_LINE() if m["eol"] else _CODE()).match(low, pos)
            if code is None or code.end() == pos or not any(c.isdigit() for c in code["code"]):
                break
            yield Span(*code.span("code"), "one-time code")
            pos = code.end()


# a passphrase's label, then words alone to the line's end or a quote: "passphrase: correct horse battery staple",
# "seed phrase = river stone quiet lemon"
_PHRASE = _lazy(
    r"(?<![\w-])(?:pass[ \t-]?phrase|seed[ \t-]phrase|recovery[ \t-]phrase|mnemonic)[ \t]{0,4}(?:[:=]|is)[ \t]{1,4}['\"]?"
    r"(?P<val>[a-z]{2,16}(?:[ \t-][a-z]{2,16}){2,23})['\"]?[ \t]*(?=\r?\n|$)",
    re.MULTILINE,
)
# words a message says about a passphrase, never in one ("passphrase: incorrect passphrase supplied", "is not set")
_NOT_IN_A_PHRASE = frozenset((
    "not", "the", "is", "was", "be", "must", "for", "to", "of", "and", "or", "no", "failed", "missing", "supplied",
    "given", "provided", "bad", "empty", "protected", "prompt", "enter", "please", "with", "without",
))  # fmt: skip


def _passphrases(text: str) -> Iterator[Span]:
    low = _lowered(text)
    if "phrase" not in low and "mnemonic" not in low:
        return
    for m in _PHRASE().finditer(low):
        words = re.split(r"[ \t-]", m["val"])
        if _IN_NAME().search(m["val"]) or any(w in _NOT_IN_A_PHRASE or w in _STATE_WORDS for w in words):
            continue
        yield Span(*m.span("val"), "passphrase")


# a password a sentence gives as words: "the password is paper violin cactus dune and MYOB still says": three to eight
# plain words after "password is", up to the clause's end; never a sentence going on about it ("is not accepted by ...")
_SAID_PHRASE = _lazy(
    r"(?<![\w-])(?:passw(?:or)?d|passphrase|pwd|pw)[ \t]{1,4}(?:is|was)[ \t]{1,4}(?:now[ \t]{1,4})?['\"]?"
    r"(?P<val>[a-z]{3,12}(?:[ \t](?!(?:and|but|then|so)\b)[a-z]{3,12}){2,7})['\"]?"
    r"(?=[ \t]*(?:[.,;!?)]|\r?\n|$)|[ \t]+(?:and|but|then|so)[ \t])"
)
_MORE_WORDS = frozenset((
    "are", "been", "being", "still", "also", "now", "then", "from", "by", "in", "on", "at", "as", "this", "that", "it",
    "its", "our", "your", "my", "their", "his", "her", "same", "stored", "saved", "kept", "used", "sent", "shown", "set",
    "an", "a", "but", "so", "when", "if", "after", "before", "because", "until", "while", "only", "just", "never", "always",
    "here", "there", "too", "very", "more", "less", "than", "all", "any", "some", "per", "via", "which", "what", "where",
    "who", "case", "will", "can", "should", "would", "could", "has", "have", "had", "does", "did", "into", "about",
))  # fmt: skip


def _said_phrases(text: str) -> Iterator[Span]:
    low = _lowered(text)
    if " is " not in low and " was " not in low:
        return
    for m in _SAID_PHRASE().finditer(low):
        words = m["val"].split()
        if any(w in _NOT_IN_A_PHRASE or w in _MORE_WORDS or w.endswith(("ed", "ing", "ly")) for w in words):
            continue
        if _IN_NAME().search(m["val"]) or (words[0] in _STATE_WORDS and len(words) < 4):
            continue
        yield Span(*m.span("val"), "passphrase")

"""Secrets a label gives that no single token's pass reads: one-time and recovery codes (short, or digits alone, so
no randomness test sees them) and a passphrase of several words (each an ordinary word)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator

from .basics import Span, _lazy, _lowered
from .nearby import _letters_alone, _separated_value
from .needles import _dense, _near_needles
from .passwords import _STATE_WORDS
from .words import _IN_NAME, _not_a_value

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


# the words a code's label opens with: the label is matched only where one stands (a search for the whole label at every
# character cost as much as the pass's own work, on text holding none)
_CODE_WORDS = (
    "recovery", "backup", "one-time", "one time", "onetime", "otp", "2fa", "mfa", "totp", "verification", "authenticator",
    "sms", "login", "security",
)  # fmt: skip


def _at_words(low: str, words: tuple[str, ...]) -> Iterator[int]:
    """Every place one of ``words`` starts in ``low`` (found by str.find: at C speed), but in a dense stretch of
    credential words (needles._dense: hidden whole already, and a hostile paste's million words)."""
    dense = [(first, last) for first, last, hits in _near_needles(low) if _dense(first, last, hits)]
    for word in words:
        at = low.find(word)
        while at >= 0:
            if dense and (k := bisect_right(dense, (at, len(low))) - 1) >= 0 and at <= dense[k][1]:
                at = low.find(word, dense[k][1])
                continue
            yield at
            at = low.find(word, at + 1)


def _codes(text: str) -> Iterator[Span]:
    """The codes after a label naming one-time or recovery codes (see _CODE_LABEL): each token holding a digit on the
    label's line, up to a word or a sign ("one-time code: 127899 (tried twice)"), or one a line on the lines after it."""
    low = _lowered(text)
    for at in _at_words(low, _CODE_WORDS):
        if (m := _CODE_LABEL().match(low, at)) is None:
            continue
        pos = m.end()
        for _ in range(_CODE_LINES):
            code = (_CODE_LINE() if m["eol"] else _CODE()).match(low, pos)
            if code is None or code.end() == pos or not any(c.isdigit() for c in code["code"]):
                break
            yield Span(*code.span("code"), "one-time code")
            pos = code.end()


# a sentence about a one-time code that gives it without a label: "the code from the app was 482913", "I entered 726209
# from Google Authenticator", "Got a text with 482913", "the SMS said 590320": a number of 6 to 8 digits alone, on a
# line naming where such codes come from
_OTP_SOURCES = (
    "authenticator", "authy", "2fa", "mfa", "totp", "otp", "one-time", "one time", "the app", "sms", "texted",
    "text message", "duo mobile", "a text",  # ("got a text with 482913")
)  # fmt: skip
_OTP_SOURCE = _lazy(r"(?<![a-z0-9])(?:" + "|".join(w.replace(" ", "[ \t]") for w in _OTP_SOURCES) + r")(?![a-z0-9])")
_LONE_CODE = _lazy(  # (given as a code is: after a verb saying so, or "code"; not "request 12345678", "for 100234 messages")
    r"(?<![a-z0-9])(?:was|is|were|entered|typed|tried|used|got|gave|received|sent|said|says|code|pin|passcode|token|otp"
    r"|(?:text|sms|message|email)[ \t]{1,4}with)"
    r":?[ \t]{1,4}(?:(?:the|a|code|it|in|as)[ \t]{1,4}){0,2}[\"'`]?(?P<code>\d{6,8})(?![\w.:/-])"
)
_OTP_LINE = 512  # at most this much of a line around its source word is read


def _sentence_codes(text: str) -> Iterator[Span]:
    """The lone codes of a line naming where one-time codes come from (see _OTP_SOURCES); a date written as digits
    (20260301) is none."""
    low = _lowered(text)
    if not any(w in low for w in _OTP_SOURCES):
        return  # (most texts: one find a word, at C speed)
    done = -1  # the end of the last line read: a line holding two source words is read once
    for at in sorted(_at_words(low, _OTP_SOURCES)):
        if at < done or _OTP_SOURCE().match(low, at) is None:
            continue
        start = max(low.rfind("\n", max(0, at - _OTP_LINE), at) + 1, at - _OTP_LINE)
        end = low.find("\n", at, at + _OTP_LINE)
        end = min(len(low), at + _OTP_LINE) if end < 0 else end
        for m in _LONE_CODE().finditer(low, start, end):
            if not (len(m["code"]) == 8 and m["code"][:2] in ("19", "20")):
                yield Span(*m.span("code"), "one-time code")
        done = end


# a password or a PIN of digits alone a sentence gives: "my PIN is 4821", "the password was 48213377, but…" (the clause
# ends after it: not "password is 12 characters long"); a value of letters or signs is read by nearby._after_word
_DIGITS_WORDS = ("pin", "passcode", "passw", "pwd", "senha", "contrase", "kennwort", "passwort")
_SAID_DIGITS = _lazy(
    r"(?<![\w-])(?:passw(?:or)?d|passcode|pin|pwd|senha|contrase\u00f1a|passwort|kennwort)[ \t]{1,4}"
    r"(?:is|was|\u00e9|era|es|ist|war|lautet)[ \t]{1,4}(?P<q>[\"'`]?)(?P<val>\d{4,16})(?P=q)"
    r"(?=[ \t]*(?:[.,;!?)]|\r?\n|$|(?:and|but|e|y|und|et)[ \t]))"
)


def _said_digits(text: str) -> Iterator[Span]:
    low = _lowered(text)
    if not any(w in low for w in _DIGITS_WORDS):
        return
    for at in _at_words(low, _DIGITS_WORDS):
        if m := _SAID_DIGITS().match(low, at):
            yield Span(*m.span("val"), "credential after a credential word")


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
    return _phrases(text, _PHRASE(), ("pass", "seed", "recovery", "mnemonic"), _labelled_words)


def _labelled_words(words: list[str]) -> bool:
    return not any(w in _NOT_IN_A_PHRASE or w in _STATE_WORDS for w in words)


def _phrases(text: str, phrase: re.Pattern[str], leads: tuple[str, ...], plain: Callable[[list[str]], bool]) -> Iterator[Span]:
    """The words ``phrase`` reads as a passphrase (its group "val"), where one of ``leads`` starts it, ``plain`` takes
    its words and none of them names a credential."""
    low = _lowered(text)
    for m in filter(None, (phrase.match(low, at) for at in _at_words(low, leads))):
        if plain(re.split(r"[ \t-]", m["val"])) and not _IN_NAME().search(m["val"]):
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
    return _phrases(text, _SAID_PHRASE(), ("pass", "pw"), _said_words)


def _said_words(words: list[str]) -> bool:
    if any(w in _NOT_IN_A_PHRASE or w in _MORE_WORDS or w.endswith(("ed", "ing", "ly")) for w in words):
        return False
    return not (words[0] in _STATE_WORDS and len(words) < 4)


# what a sentence says was used as a password, the value before the password's word: "I used tasmandingo as the password
# and …", "tried Harbour12x as my pw." (the password's word ends the clause: not "bcrypt as the password hash")
_AS_PASSWORD = _lazy(
    r"[ \t]{1,4}as[ \t]{1,4}(?:(?:the|my|our|a|an|his|her|their)[ \t]{1,4})?(?:new[ \t]{1,4})?"
    r"(?:password|passphrase|passwd|pwd|pw|pin|passcode)"
    r"(?=[ \t]*(?:[.,;:!?)]|\r?\n|$)|[ \t]+(?:and|but|for|on|in|to|with|from|then|so|at|when)\b)"
)
_USED_BEFORE = _lazy(
    r"(?<![\w-])(?:used|use|using|tried|try|chose|picked|entered|typed|set|put|gave)[ \t]{1,4}['\"]?"
    r"(?P<val>[^\s'\"]{6,128})['\"]?\Z"
)


def _used_as_password(text: str) -> Iterator[Span]:
    low = _lowered(text)
    for at in _at_words(low, (" as ",)):
        if _AS_PASSWORD().match(low, at) is None:
            continue
        start = max(0, at - 160)
        used = _USED_BEFORE().search(low, start, at)
        value = text[used.start("val") : used.end("val")] if used else ""
        if used and (_separated_value(value) or _letters_alone(value)):
            yield Span(used.start("val"), used.end("val"), "credential by position")


# a label spelled with a space between its letters ("p a s s w o r d : …", "t o k e n = …"), which no name pass reads:
# found at its credential word so spelled, walked back to its first letter; its value after ":" or "=" is hidden, one
# token or the same letter-spaced run ("M a l l e e 9 7")
_SPACED_WORDS = ("p a s s", "p w d", "t o k e n", "s e c r e t", "k e y", "a u t h", "s e n h a")
_SPACED_LABEL = _lazy(
    r"(?P<label>[^\s:=](?:[ ][^\s:=]){2,31}+)[ \t]{0,4}[:=][ \t]{0,4}"
    r"(?P<val>(?:\S[ ]){2,255}+\S(?!\S)|[^\s:=]\S{0,511})"
)
_SPACED_LONGEST = 62  # characters a spaced label runs before its credential word


def _spaced_labels(text: str) -> Iterator[Span]:
    low = _lowered(text)
    if not any(w in low for w in _SPACED_WORDS):
        return  # (most texts: one find a word, at C speed)
    last_at = last_start = -1  # a word in the same spaced run as the last one starts where it did: judged once
    for at in sorted(_at_words(low, _SPACED_WORDS)):
        start = at
        while start >= 2 and low[start - 1] == " " and not low[start - 2].isspace() and at - start < _SPACED_LONGEST:
            if start == last_at:
                start = last_start
                break
            start -= 2
        if start == last_start or (start > 0 and not low[start - 1].isspace()):
            last_at, last_start = at, start
            continue
        last_at, last_start = at, start
        m = _SPACED_LABEL().match(low, start)
        if m is None:
            continue
        name = m["label"].replace(" ", "")
        if _IN_NAME().search(name) and not _not_a_value(name):
            yield Span(*m.span("val"), "credential by name")

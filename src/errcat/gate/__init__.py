"""The one gate every value taken from the input passes before any output: what is not known to be
safe is masked as ``[REDACTED]``.

A list of secret formats is always one format short, so the gate judges values, not formats:

* **By name**: a value after a credential-like key, flag or option, in any syntax (``key: v``,
  ``key => v``, ``[key, v]``, ``(key, v)``, ``key=v``, ``-p v``, ``--flag v``, ``<key>v</key>``).
* **By place**: URL user-info of any shape, the path of webhook hosts (the path is the secret),
  the value of ``Authorization``/``Cookie`` headers, an OAuth ``code=``.
* **By randomness**: a token that looks generated (length, character classes, entropy, the way
  detect-secrets judges strings), whatever stands beside it; GUIDs and hex ids stay readable.
* **By format**: the formats that announce themselves (``sk_live_``, ``AKIA``, JWTs, PEM keys).

Escapes (``\\uXXXX``, ``\\"``, ``%XX``, HTML entities; nested JSON strings, as deep as explain reads them) are
decoded before judging, and what is found is masked in the original text. Every pattern is linear
or bounded, so a 2 MB paste is judged in well under a second. The gate reports how many values
of which kind it hid (``redacted_kinds``), never the values. Imports nothing of errcat but
errcat.regex_codes and errcat.values.
"""

from __future__ import annotations

import binascii
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from typing import NamedTuple

from .basics import _DATE_LIKE, _GUID, _LOWER_THEN_UPPER, _MARKED, _MIXED, MARK, Span, _lazy, _lowered, _secret_like
from .escapes import _ESCAPE_WIDE as _ESCAPE_WIDE  # (and _unescaped, _View: the escape tests read them here)
from .escapes import MAX_DEPTH, _views
from .escapes import _unescaped as _unescaped
from .escapes import _View as _View
from .formats import FORMATS
from .ids import api_id
from .joined import _joined_names
from .passes import _spans
from .places import _public_ids
from .pointed import _changed_to
from .shapes import _camel_words, looks_random
from .words import _IN_NAME, may_name_credential

__all__ = [
    "FORMATS",
    "MARK",
    "MAX_DEPTH",
    "Redaction",
    "argument",
    "looks_random",
    "may_name_credential",
    "screen",
    "shown",
    "shown_line",
    "shown_named",
    "shown_within",
]


class Redaction(NamedTuple):
    text: str
    kinds: dict[str, int]  # how many values of each kind were hidden

    @property
    def hidden(self) -> int:
        return sum(self.kinds.values())


MIN_COPY = 6  # a hidden value this long is hidden wherever the text repeats it
MAX_COPIED_VALUES = 64


def screen(text: str) -> Redaction:
    """The text as it may be shown: every value not known to be safe replaced by ``[REDACTED]``,
    with how many values of which kind were hidden."""
    return _masked(text, _hidden(text))


def _hidden(text: str) -> list[Span]:
    """The spans of ``text`` the gate hides, in no order, overlapping."""
    spans = list(_spans(text))
    raw: list[tuple[int, int]] | None = None
    undecoded: list[Span] = []
    for view in _views(text, undecoded):
        raw = _merged(spans) if raw is None else raw  # only a text with escapes needs it
        slack = len(text) - len(view.text)  # a decoded index i stands at i .. i + slack in the text
        found = list(_spans(view.text))
        found += _wrapped(view.text, found) + _changed_to(view.text, found)  # (a tail the escapes had kept on one line)
        for s in found:
            k = bisect_right(raw, (s.start, len(text))) - 1
            if k >= 0 and raw[k][1] >= s.end + slack:
                continue  # already hidden whole: no need to map it back
            spans.append(Span(view.origin(s.start), view.origin_end(s.end), s.kind))
    spans += undecoded
    spans += _joined_names(text)
    spans += _wrapped(text, spans)
    spans += _changed_to(text, spans)
    spans += _copies(text, spans)
    if spans and (public := _public_ids(text)):
        spans = [s for s in spans if not any(a <= s.start and s.end <= b for a, b in public)]
    return spans


def _masked(text: str, spans: list[Span]) -> Redaction:
    if not spans:
        return Redaction(text, {})
    spans.sort()
    masked: list[str] = []  # the kind of each mask
    out: list[str] = []
    pos = 0
    for start, end, kind in spans:
        if end <= pos:
            continue
        if start <= pos and out:  # overlaps or touches the last mask: widen it
            pos = end
            continue
        out.append(text[pos:start])
        out.append(MARK)
        masked.append(kind)
        pos = end
    out.append(text[pos:])
    return Redaction("".join(out), dict(Counter(masked)))


def _copies(text: str, spans: list[Span]) -> list[Span]:
    """Every other verbatim copy of a hidden value: a password found after ``password=`` is as
    secret where the same text repeats it without its name ("login failed for hunter2Xq9").
    Values shorter than MIN_COPY or not _secret_like are left (they would hide ordinary words); at most
    MAX_COPIED_VALUES distinct values are looked for, each with ``str.find`` (linear)."""
    out: list[Span] = []
    looked: set[str] = set()
    judged: set[str] = set()  # values seen, looked for or not (a table repeats its cells)
    for s in spans:
        if len(looked) >= MAX_COPIED_VALUES or s.end - s.start < MIN_COPY:
            if len(looked) >= MAX_COPIED_VALUES:
                break
            continue  # (nor is any part of it long enough)
        hidden = text[s.start : s.end]
        for value in (hidden, hidden.partition(":")[2], _decoded_password(hidden)):  # user:password -> the password too
            if len(value) < MIN_COPY or value in judged or len(looked) >= MAX_COPIED_VALUES:
                continue
            judged.add(value)
            if not _secret_like(value):
                continue
            looked.add(value)
            at = text.find(value)
            while at >= 0:
                if not s.start <= at < s.end:
                    out.append(Span(at, at + len(value), s.kind))
                at = text.find(value, at + len(value))
    return out


_BASE64 = _lazy(r"[A-Za-z0-9+/]{8,512}={0,2}")


def _decoded_password(hidden: str) -> str:
    """The password of a hidden base64 "user:password" (Basic's, a docker config's auth), which the text may show
    decoded too ("echo b3Bz… | base64 -d" then "ops:…"); "" for any other value."""
    if len(hidden) % 4 or not _BASE64().fullmatch(hidden):
        return ""
    try:
        decoded = binascii.a2b_base64(hidden).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return ""
    user, colon, password = decoded.partition(":")
    return password if colon and decoded.isprintable() and 0 < len(user) <= 128 else ""


# A hidden value's tail a console or a tool wrapped onto the next line: a line of one token (after
# curl --trace-ascii's "0080: " offset), or a string literal right after it (Python's 'Bearer ' 'abc…', "abc" + "def").
_NEXT_TOKEN_LINE = _lazy(r"\r?\n(?P<offset>[0-9a-f]{4}: )?[ \t]{0,40}(?P<val>[A-Za-z0-9+/=_.~-]{2,512})(?=[ \t]*(?:\r?\n|$))")
_NEXT_LITERAL = _lazy(  # (or joined by "+": JavaScript's, Java's, C#'s "abc" + "def", on one line or two; or a line
    # continued by "\\": Python's 'abc' \ then 'def')
    r"""(?P<q>['"])[ \t]*(?:\+[ \t]*(?:\r?\n[ \t]{0,80})?|\\?\r?\n[ \t]{0,80}(?:\+[ \t]*)?)"""
    r"""(?P=q)(?P<val>[^'"\r\n]{1,512})(?P=q)"""
)
_SOFT_BREAK = _lazy(r"=\r?\n([^\s'\"<>&;,:]{1,512})")
_CONTINUED = _lazy(r"(?:\r?\n[ \t]{0,40}|[ \t]{1,4})([^\s'\"<>&;,\\]{1,512}\\?)")  # (or joined by a logger: "\ ")
_SOFT_ENDS = frozenset(("", "=", "\\"))  # what a value continued on the next line ends with
_TAIL_OPENERS = frozenset(("'", '"', "\n", "\r"))  # what stands right after a value whose tail is on the next line
_WRAPPED_AT = 16  # a hidden value this long may have been wrapped: a short one was not
_WRAPPED_LINES = 8


def _wrapped(text: str, spans: list[Span]) -> list[Span]:
    """The tails of hidden values wrapped onto the lines after them (an AWS secret cut at 30 columns,
    ``curl -v`` output wrapped by a terminal, pprint's split string, a quoted-printable soft line break)."""
    out: list[Span] = []
    printable = "=3D" in text or "=3d" in text  # quoted-printable: a line ending in "=" goes on on the next
    next_line = _NEXT_TOKEN_LINE()
    for s in spans:
        end = s.end
        if text[end - 1 : end] not in _SOFT_ENDS and text[end : end + 1] not in _TAIL_OPENERS:
            continue  # (most values: no "=" or "\\" at their end, no quote or line break right after it)
        if s.end - s.start < _WRAPPED_AT and _short_ends_its_line(text, end):
            continue  # (a short value's tail is on an indented line, or after trace offsets: 233,000 "AUTH a b" lines)
        for _ in range(_WRAPPED_LINES):
            soft = _SOFT_BREAK().match(text, end - 1) if printable and text[end - 1 : end] == "=" else None
            if soft is None and text[end - 1 : end] == "\\":  # a line continued (.properties, a shell): its next line
                soft = _CONTINUED().match(text, end)
            if soft is not None:
                out.append(Span(*soft.span(1), s.kind))
                end = soft.end(1)
                continue
            literal = _NEXT_LITERAL().match(text, end) if text[end : end + 1] in ("'", '"') else None
            line = None if literal or text[end : end + 1] not in ("\n", "\r") else next_line.match(text, end)
            if literal is not None:
                out.append(Span(*literal.span("val"), s.kind))
                end = literal.end("val")
            elif (
                line is not None
                and (line.group("offset") or s.end - s.start >= _WRAPPED_AT or _indented_past(text, s.start, line))
                and _tail_like(line.group("val"))
            ):
                out.append(Span(*line.span("val"), s.kind))
                end = line.end("val")
            else:
                break
    return out


def _short_ends_its_line(text: str, end: int) -> bool:
    """Whether a short value ends its line and the next line opens as no tail of it does (neither indented nor a
    trace's "0080: " offset), with nothing before its end that continues it ("=", "\\")."""
    if text[end - 1 : end] in _SOFT_ENDS or text[end : end + 1] not in ("\n", "\r"):
        return False
    after = end + (2 if text.startswith("\r\n", end) else 1)
    return text[after : after + 1] not in _TAIL_STARTS


_TAIL_STARTS = frozenset(" \t0123456789abcdef")  # what a short value's wrapped tail line opens with


def _indented_past(text: str, at: int, line: re.Match[str]) -> bool:
    """Whether the line ``line`` matched is indented past the line holding ``at``: YAML's plain scalar goes on there
    ("aws_secret_access_key: RI3Y…" then "  P5iMdxssW2"), however short its first line's part."""
    start = text.rfind("\n", 0, at) + 1
    head = text[start:at]
    indent = len(head) - len(head.lstrip(" \t"))
    eol = line.start() + (2 if text.startswith("\r\n", line.start()) else 1)
    return line.start("val") - eol > indent


def _tail_like(token: str) -> bool:
    """A line that may be a token's tail: it holds a digit or mixed case, and is no number, date or word."""
    return bool(_MIXED().search(token)) and not token.isdigit() and not _DATE_LIKE().fullmatch(token) and _MARKED not in token


def _merged(spans: list[Span]) -> list[tuple[int, int]]:
    """The stretches the spans cover, in order, overlapping ones joined."""
    out: list[tuple[int, int]] = []
    for start, end, _ in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def shown(value: str) -> str:
    """The value as it may be shown (see :func:`screen`)."""
    return screen(value).text


def shown_named(name: str, value: str) -> str:
    """A value a program gave under ``name`` (a log event's key, a span's attribute) as it may be shown: judged after its
    name, as ``name: value`` (``x-myobapi-key``, ``password``), and its first line, when it holds a blank, a slash or a
    bar, alone as well: read after the name it is no longer a line of its own ("ops / kestrelledger", "ops/kestrelledger",
    a user and a password alone on it). A value of several lines is read alone whole: after the name, its first line
    is no longer what opens the lines after it (a table's header, "| user | password |", names no column after it)."""
    head = f"{name}: "
    spans = [Span(max(s.start - len(head), 0), s.end - len(head), s.kind) for s in _hidden(head + value) if s.end > len(head)]
    if "\n" in value or not _MAY_PAIR.isdisjoint(value):
        spans += _hidden(value)
    return _masked(value, spans).text


_MAY_PAIR = frozenset(" \t/|")  # what joins a user and a password alone on a line ("ops / …", "ops/…", "ops | …")


CUT_MARGIN = 4096  # characters screened past a cut: a secret the cut splits is seen whole, and hidden whole


def shown_within(value: str, limit: int) -> str:
    """The value as a message may quote it when at most its first and last ``limit`` characters are shown: only
    those are screened (with CUT_MARGIN past each cut: screening 3 MB took seconds), the middle is left out with
    its length. A secret the cut splits is hidden whole, its mark shown: never its head or its tail alone."""
    if len(value) <= 2 * (limit + CUT_MARGIN):
        return shown(value)
    head = value[: limit + CUT_MARGIN]
    spans = _hidden(head)
    end = _past(spans, limit, max)
    tail = value[-(limit + CUT_MARGIN) :]
    tail_spans = _hidden(tail)
    start = _past(tail_spans, len(tail) - limit, min)
    left_out = len(value) - end - (len(tail) - start)
    shown_head = _masked(head[:end], [s for s in spans if s.end <= end]).text
    shown_tail = _masked(
        tail[start:], [Span(s.start - start, s.end - start, s.kind) for s in tail_spans if s.start >= start]
    ).text
    return f"{shown_head} … ({left_out:,} characters left out) … {shown_tail}"


def _past(spans: list[Span], cut: int, side: Callable[[int, int], int]) -> int:
    """The cut moved (to the end with ``max``, to the start with ``min``) past every hidden span it would split."""
    moved = True
    while moved:
        moved = False
        for s in spans:
            if s.start < cut < s.end and side(s.start, s.end) != cut:
                cut, moved = side(s.start, s.end), True
    return cut


# a line that is one token of a key's characters: shown alone, as scan shows a record's first
# line, it may be the wrapped tail of a key the line before named
_LONE_TOKEN = re.compile(r"\s*([A-Za-z0-9+/=_-]{8,})\s*")


def shown_line(line: str, above: str = "") -> str:
    """A log line shown without the lines around it (scan's samples and group texts): as
    :func:`shown` (screened below the lines ``above`` it when given: a table's header names the
    columns of the row shown), and a line that is one token mixing letters and digits, or cases as no word
    does (an upper-case share of a third or more, changing from lower to upper at least twice),
    masked whole: a key wrapped onto a second line ("aws_secret_access_key=RI3Y…" then
    "P5iMdxssW2") left its tail alone on a record's first line, with no name for the gate to read.
    "KeyboardInterrupt" or "JSONDecodeError" alone stay. The line is an error record's: screened as if the line
    after it said so (a login call's bare words are a password where the call failed: "login(ops, correct horse)"
    then "AuthenticationError: 401" on the record's next line, which the sample does not show)."""
    value = _screened_failing(line, above)
    if line[:2] == "00" and (dump := _dump_line(line)):  # (the line as given: a hidden value lengthens the text column)
        return f"{dump['offset']} {MARK}"  # a hex dump's line alone: its bytes may be a piece of a password, as hex and text
    m = _LONE_TOKEN.fullmatch(value)
    if m is None:
        return _prefixed_token_hidden(value)
    token = m[1]
    letters = sum(c.isalpha() for c in token)
    digits = any(c.isdigit() for c in token)
    uppers = sum(c.isupper() for c in token)
    mixed_case = uppers * 3 >= max(letters, 1) and len(_LOWER_THEN_UPPER.findall(token)) >= 2
    if _NAMED_CODE().fullmatch(token) and not _IN_NAME().search(_lowered(token)):
        return value  # a name and a number in hex ("ErrorCode=8007045D", "HRESULT=0x80070005"): no key's tail
    return MARK if ((digits and letters) or mixed_case) and not _camel_words(token) else value


# a line of a hex dump (xxd: "00000040: 616e 6272 …  anbridge…", hexdump -C, od -A x): an offset, groups of whole bytes in
# hex and the bytes as text; without the lines around it, nothing tells a password's bytes from any others
_DUMP_LINE = _lazy(
    r"(?P<offset>00[0-9a-fA-F]{4,14}:?)[ \t]{1,3}(?P<hex>(?:[0-9a-fA-F]{2}){1,4}(?:[ \t]{1,3}(?:[0-9a-fA-F]{2}){1,4}){0,31})"
    r"(?:[ \t]{2,100}(?P<text>[^ \t].{0,40}?))?[ \t]*"
)


def _dump_line(value: str) -> re.Match[str] | None:
    """A hex dump's line: its text column, when there is one, no longer than its bytes (and the bars or brackets around
    them). A commit's line (git log --oneline: "00fa3b2 Add retry on 429") or a record's numbers and words ("0012345678
    10 20 Posted") are no dump's."""
    dump = _DUMP_LINE().fullmatch(value)
    if dump is None or (dump["text"] and len(dump["text"]) > sum(c not in " \t" for c in dump["hex"]) // 2 + 2):
        return None
    return dump


_NAMED_CODE = _lazy(r"[A-Za-z][A-Za-z_]{1,31}=(?:0[xX])?[0-9A-Fa-f]{1,32}")

_FAILED_BELOW = "\nfailed"  # what a failed call's next line says (positions._CALL_FAILED)


def _screened_failing(line: str, above: str) -> str:
    """The line screened below ``above`` and, where it may call something ("(" and ","), above a line saying it
    failed; as screened without it where a hidden value ran across the line's end."""
    head = f"{above}\n{line}" if above else line
    if "(" in line and "," in line:
        text = screen(head + _FAILED_BELOW).text
        if text.endswith(_FAILED_BELOW) and text.count("\n") == head.count("\n") + 1:
            return text[: -len(_FAILED_BELOW)].rsplit("\n", 1)[-1]
    return screen(head).text.rsplit("\n", 1)[-1]


# a logged line whose message is one token: a multi-line paste logged line by line ("ERROR worker:     ge1748#", the
# password a .properties line continued, or a kubectl describe's value under its "----"; or "user:password", what
# "base64 -d" printed) left it alone on its record,
# the name that said what it is on the record before
_PREFIXED_TOKEN = _lazy(
    r"(?P<prefix>[^\n]{0,160}?[:\]|>])[ \t]+(?:-[ \t]+)?[\[(\"'`]?(?:[A-Za-z_][\w@-]{0,63}:)?"  # (a YAML list's item; a user)
    r"(?P<token>[^\s/\\.:=,;()\[\]\"'`<>|]{6,128})[\])\"'`]?[ \t]*"
)


def _prefixed_token_hidden(value: str) -> str:
    """The value, its message masked when it is one token mixing letters with digits (lower case, or 12 characters), 8
    characters or more or holding a sign; a code ("AH01630", "E11000"), a short hex id (a commit) or words stay. A JSON
    or logfmt line's message field is its message (``"msg": "…"``, ``msg=…``)."""
    m = _PREFIXED_TOKEN().fullmatch(value) if " " in value or "\t" in value else None
    if m is None and ("msg" in value or "message" in value):
        m = _MESSAGE_FIELD_TOKEN().search(value)
    if m is None or _MARKED in m["token"]:
        return value
    if m.re is _MESSAGE_FIELD_TOKEN() and not _LOG_LEVEL().search(value[: m.start("token")] + value[m.end("token") :]):
        return value
    return _token_hidden(value, m)


# a JSON or logfmt line whose message field is one token: {"level": "error", …, "msg": "<token>"}, msg=<token>
_MESSAGE_FIELD_TOKEN = _lazy(
    r"""(?P<prefix>(?:\\?"(?:msg|message)\\?"[ \t]*:[ \t]*\\?"[ \t]*|(?<![\w.-])(?:msg|message)=(?:"[ \t]*)?))"""
    r"""(?P<token>[^\s/\\.:=,;()\[\]"'`<>|{}]{6,128})(?=[\\"\s,}]|$)"""  # (its quotes escaped: a JSON line in JSON)
)


def _token_hidden(value: str, m: re.Match[str]) -> str:
    token = m["token"]
    signed = not token.isalnum()
    if not (any(c.isdigit() for c in token) and any(c.isalpha() for c in token)) or (len(token) < 8 and not signed):
        return value
    if len(token) < 12 and not any(c.islower() for c in token):
        return value  # (a code: "AH01630", "E11000")
    if (len(token) < 16 or token[:2] in ("0x", "0X")) and _HEX_ID().fullmatch(token):
        return value
    if api_id(token) or _GUID().fullmatch(token) or (m.re is _PREFIXED_TOKEN() and not _logged(m["prefix"])):
        return value  # (a field's value "Request-Id: req_…", "Message: No such charge: ch_…" is judged by its name)
    if m.re is _PREFIXED_TOKEN() and _told_by_prose(m["prefix"]):
        return value
    return value[: m.start("token")] + MARK + value[m.end("token") :]


def _logged(prefix: str) -> bool:
    """Whether what stands before a lone token says a logger wrote it alone: a level, an exception's class (a message
    logged as "java.lang.IllegalStateException: <line>"), or a value hidden where the line above named it (a
    .properties value continued with "\\": the token after it is the rest of it)."""
    return prefix.endswith(MARK) or _LOG_LEVEL().search(prefix) is not None or _RAISED().search(prefix) is not None


_RAISED = _lazy(r"[a-z](?:Exception|Error):$")
# a message that says in words what its last token is, a thing no credential is (Solr's "Problem loading core:
# collection1", "Could not find table: ledger2024"): two words or more before the colon, none naming a credential,
# the last one of these nouns ("Could not decrypt value: …" stays hidden: a value may be anything)
_PROSE_BEFORE = _lazy(r"(?<![\w.-])[A-Za-z][a-z]{1,30}(?:[ \t]+[a-z]{2,30}){1,5}:$")
_NAMED_THINGS = frozenset((
    "core", "collection", "shard", "replica", "table", "index", "schema", "database", "file", "folder", "directory",
    "queue", "topic", "bucket", "host", "node", "cluster", "container", "pod", "service", "module", "class", "job", "task",
    "region", "tenant", "project", "column", "field", "partition",
))  # fmt: skip


def _told_by_prose(prefix: str) -> bool:
    """Whether the words before a lone token's colon say what it is (see _PROSE_BEFORE)."""
    words = _PROSE_BEFORE().search(prefix)
    return words is not None and words[0][:-1].rsplit(None, 1)[-1] in _NAMED_THINGS and not _IN_NAME().search(_lowered(words[0]))


_LOG_LEVEL = _lazy(
    r"\b(?:error|err|warn|warning|info|debug|trace|fatal|critical|crit|severe|notice|alert|emerg|failed|failure)\b", re.I
)
_HEX_ID = _lazy(r"[0-9a-f]+|0[xX][0-9a-fA-F]+")  # (a commit, a number in hex: ZooKeeper's "sessionid: 0x14ed93111f20027")


def argument(value: str, limit: int = 24) -> str:
    """An argument echoed in an error: masked, and unless it could be a file's path (short, no
    spaces, no braces), cut to a short prefix: a paste or a log line given where a file name was
    expected is never printed back whole."""
    if len(value) <= 255 and value.isprintable() and not any(c.isspace() or c in "{}[]<>\"'" for c in value):
        return shown(value)
    first = value.split("\n", 1)[0]
    cut = first[:limit]
    masked = shown(cut)
    return masked + ("…" if len(cut) < len(value) else "")

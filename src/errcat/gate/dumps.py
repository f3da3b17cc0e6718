"""Credentials in serialized and dumped data: PHP's serialize(), YAML complex keys, INI sections of users,
dotnet-dump strings, Kubernetes Secrets' data, hex dumps (hexdump -C, xxd), YAML lists under a credential key and
a credential's bytes or characters printed as a list."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from .basics import Span, _checked, _grouped, _inner, _lazy, _lowered
from .needles import _dense, _near_needles, _word_matches
from .tables import _TABLE_ROWS
from .words import _CREDENTIAL_WORD, _IN_NAME, _NOT_A_VALUE, _SECTIONS, _not_a_value

# PHP's serialize(): s:8:"password";s:16:"…"; (the value's length in bytes is given before it)
_PHP_SERIAL = _lazy(r's:\d{1,5}:\\{0,3}"([^"\\\n]{1,64})\\{0,3}";s:(\d{1,6}):\\{0,3}"')


def _php_serialized(text: str) -> Iterator[Span]:
    if '";s:' not in text and '\\";s:' not in text:
        return
    low = _lowered(text)
    for m in _PHP_SERIAL().finditer(low):
        if not _IN_NAME().search(m.group(1)) or _not_a_value(m.group(1)):
            continue
        at, size = m.end(), int(m.group(2))
        end = at + size if text[at + size : at + size + 1] in ('"', "\\") else text.find('";', at, at + size + 64)
        if end > at and (span := _checked(text, at, end)):
            yield Span(*span, "credential by name")


# YAML's complex key ("? password" then ": value"), a value an INI file's credential section gives by user
# (CouchDB's [admins], Shiro's [users]: "bob = password, role"), a dump's System.String (dotnet-dump's dumpobj)
_COMPLEX_KEY = _lazy(
    r"^[ \t]{0,40}\?[ \t]++[\"']?(?P<name>[^\r\n\"':]{1,64})[\"']?[ \t]*\r?\n[ \t]{0,40}:[ \t]+(?P<val>[^\r\n]{1,512})",
    re.MULTILINE,
)
_CREDENTIAL_SECTION = _lazy(rf"^[ \t]{{0,8}}\[(?:{'|'.join(_SECTIONS)})\][ \t]*\r?$", re.MULTILINE)
_SECTION_VALUE = _lazy(
    r"[ \t]{0,8}(?P<key>[^\s=:;#\[][^=:\r\n]{0,127}?)[ \t]*[=:][ \t]*(?P<val>[^\r\n]{1,512}?)[ \t]*\r?(?:\n|$)"
)
_SECTION_OTHER = _lazy(r"[ \t]{0,8}(?:[;#][^\r\n]{0,512})?\r?\n")
_DUMPED_STRING = _lazy(
    r"^Name:[ \t]+System\.String\r?\n(?:[^\r\n]{0,200}\r?\n){0,6}?String:[ \t]+(?P<val>[^\r\n]{1,4096})", re.MULTILINE
)


def _placed_values(text: str) -> Iterator[Span]:
    if "?" in text:
        for m in _COMPLEX_KEY().finditer(text):
            name = _lowered(m.group("name"))
            if _IN_NAME().search(name) and not _not_a_value(name) and (span := _inner(m.group("val").rstrip(), m.start("val"))):
                yield Span(*span, "credential by name")
    if "[" in text:
        for m in _CREDENTIAL_SECTION().finditer(_lowered(text)):
            pos = m.end() + 1
            for _ in range(_TABLE_ROWS):
                if (row := _SECTION_VALUE().match(text, pos)) is not None:
                    if span := _checked(text, *row.span("val")):
                        yield Span(*span, "credential by place")
                elif (row := _SECTION_OTHER().match(text, pos)) is None:
                    break
                pos = row.end()
    if "System.String" in text:
        yield from _grouped(_DUMPED_STRING(), text, "val", "credential by place")
    low = _lowered(text)
    if "secret" in low and _SECRET_KIND().search(low):
        yield from _secret_data(text, low)


# A Kubernetes Secret: every value of its data and stringData (base64 or plain) is a credential, whatever its key
# ("conn", ".dockerconfigjson"): in YAML the lines indented under "data:", in JSON the object after "data"
_SECRET_KIND = _lazy(r"""["']?kind["']?[ \t]*:[ \t]*["']?secret\b""")
_SECRET_DATA = _lazy(r"""^(?P<indent>[ \t]{0,40})(?:stringdata|data):[ \t]*\r?\n""", re.MULTILINE)
_SECRET_JSON = _lazy(r""""(?:stringdata|data)"[ \t]*:[ \t]*\{(?P<body>[^{}]{0,65536})\}""")
_DATA_LINE = _lazy(r"""(?P<indent>[ \t]{1,40})[^\s:#][^:\r\n]{0,252}:[ \t]+(?P<val>[^\r\n]{1,65536}?)[ \t]*\r?(?:\n|$)""")
_JSON_VALUE = _lazy(r':[ \t]*"((?:[^"\\\n]|\\.){1,4096}+)"')


def _secret_data(text: str, low: str) -> Iterator[Span]:
    for m in _SECRET_DATA().finditer(low):
        pos, outer = m.end(), len(m.group("indent"))
        for _ in range(_TABLE_ROWS):
            line = _DATA_LINE().match(text, pos)
            if line is None or len(line.group("indent")) <= outer:
                break
            if span := _checked(text, *line.span("val")):
                yield Span(*span, "credential by place")
            pos = line.end()
    for m in _SECRET_JSON().finditer(low):
        for v in _JSON_VALUE().finditer(text, m.start("body"), m.end("body")):
            if span := _checked(text, *v.span(1)):
                yield Span(*span, "credential by place")


# hexdump -C's, xxd's and tcpdump -X's lines: an offset, the bytes in hex, the bytes as text (between bars for hexdump).
# The hex may give back its last groups: a text column starting with hex letters ("Bearer", "cafe") is text. A line may
# open with what a logger or a label put before the dump ("body: 00000000: 7061 …", "app[web.1]: 00000010: …").
_DUMP_LINE = _lazy(
    r"^(?:[^\r\n]{0,80}?[:\]>|][ \t]{1,4})??"  # (tried without what stands before first: a dump's own offset is no prefix)
    r"[ \t]{0,8}(?P<off>(?:0x)?[0-9a-fA-F]{4,16}:?)[ \t]{1,4}(?P<hex>[0-9a-fA-F]{2,32}(?:[ \t]{1,3}[0-9a-fA-F]{2,32}){0,31})"
    r"(?:[ \t]{2,8}(?P<ascii>[^\r\n]{1,80}?))?[ \t]*\r?$",
    re.MULTILINE,
)
_DUMP_REACH = 64  # bytes after a credential's name in a dump that are hidden (its value, wrapped onto the next lines)


def _dumped_bytes(text: str) -> Iterator[Span]:
    """A credential in a hex dump: a name in the bytes (read from the hex, or from the text column) hides the bytes
    after it, as hex and as text, on its line and the lines after it (the value wraps at 16 bytes a line)."""
    if "  " not in text:
        return
    lines = [m for m in _DUMP_LINE().finditer(text) if len(d := re.sub(r"[ \t]", "", m.group("hex"))) % 2 == 0 and len(d) >= 8]
    if len(lines) < 2:
        return
    decoded: list[str] = []
    for m in lines:
        digits = re.sub(r"[ \t]", "", m.group("hex"))
        shown_text = m.group("ascii") or ""
        decoded.append(bytes.fromhex(digits).decode("latin-1") + " " + shown_text)
    for i in range(len(lines)):
        if not _IN_NAME().search(decoded[i].lower()):
            continue
        reach = 0
        for j in range(i, len(lines)):
            if j > i and lines[j].start() > text.find("\n", lines[j - 1].end()) + 1:
                break  # not the next line: the dump ended
            n = lines[j]
            yield Span(n.start("hex"), n.end("ascii") if n.group("ascii") else n.end("hex"), "credential in a dump")
            reach += len(re.sub(r"[ \t]", "", n.group("hex"))) // 2
            if reach >= _DUMP_REACH:
                break


# xxd -p's (plain) lines: only the bytes in hex, 30 bytes a line by default, no offset, no text column
_PLAIN_HEX_LINE = _lazy(r"^[ \t]{0,8}((?:[0-9a-f]{2}){16,128}|(?:[0-9A-F]{2}){16,128})[ \t]*\r?$", re.MULTILINE)


def _plain_hex_dumps(text: str) -> Iterator[Span]:
    """A credential in a plain hex dump (``xxd -p``): a run of lines of hex digits only, read as one stream of bytes;
    a credential's name in the bytes hides the lines from its own to _DUMP_REACH bytes past it."""
    runs: list[list[re.Match[str]]] = []
    for m in _PLAIN_HEX_LINE().finditer(text):
        if runs and m.start() == runs[-1][-1].end() + 1:
            runs[-1].append(m)
        else:
            runs.append([m])
    for run in runs:
        if len(run) < 2:
            continue  # (a hash or an id alone on its line)
        starts = [0]  # each line's first byte in the stream
        for m in run:
            starts.append(starts[-1] + len(m.group(1)) // 2)
        stream = bytes.fromhex("".join(m.group(1) for m in run)).decode("latin-1").lower()
        for name in _IN_NAME().finditer(stream):
            first = bisect_right(starts, name.start()) - 1
            last = bisect_right(starts, name.end() + _DUMP_REACH) - 1
            for m in run[first : min(last + 1, len(run))]:
                yield Span(*m.span(1), "credential in a dump")


# A list's items under a key naming credentials (credentials:, passwords:, api_tokens:), in YAML: "- value" each
_LIST_KEY = _lazy(r"^(?P<indent>[ \t]{0,40})(?P<name>[^\s:#-][^:\r\n]{0,63}):[ \t]*\r?\n", re.MULTILINE)
_LIST_ITEM = _lazy(r"(?P<indent>[ \t]{0,40})-[ \t]+(?P<val>[^\r\n]{1,512}?)[ \t]*\r?(?:\n|$)")


def _listed_credentials(text: str) -> Iterator[Span]:
    if "- " not in text:
        return
    low = _lowered(text)
    for m in _LIST_KEY().finditer(low):
        name = m.group("name").strip(" \t\"'")
        if not _IN_NAME().search(name) or _NOT_A_VALUE().search(name):
            continue
        pos = m.end()
        for _ in range(_TABLE_ROWS):
            item = _LIST_ITEM().match(text, pos)
            if item is None or len(item.group("indent")) < len(m.group("indent")):
                break
            value = item.group("val")
            if not re.match(r"[\w.-]{1,64}:(?:[ \t]|$)", value) and (span := _inner(value, item.start("val"))):
                yield Span(*span, "credential by name")  # (an item that is a mapping, "- name: regcred", names its own)
            pos = item.end()


# A credential's value printed as its bytes or characters, one item each, after its name: Go's []byte ([112 97 …]),
# Python's list(b"…") ([112, 97, …]), Java's Arrays.toString(char[]) ([p, a, …]), Node's <Buffer 70 61 …>, a Windows
# .reg export's hex:70,61,…: the name's usual reading takes the first item alone
_ITEM = r"""(?:0x[0-9a-f]{1,2}|[0-9]{1,3}|[0-9a-f]{2}|'[^'\n]'|"[^"\n]"|[^\s,\[\](){}<>'"])(?=[\s,\])}>]|$)"""
_BYTE_LIST = _lazy(
    rf"""(?:{_CREDENTIAL_WORD})(?P<rest>[a-z0-9_.$-]{{0,32}})\\?["']?[ \t]{{0,4}}(?:=>|:|=)[ \t]{{0,4}}
    (?:(?:hex(?:\([0-9a-f]{{1,2}}\))?:|<buffer[ \t]+|\[|\(|\{{)[ \t]*
    (?P<val>{_ITEM}(?:(?:[ \t]*,[ \t]*|[ \t]+){_ITEM}){{3,512}}+)(?=[ \t]*(?:[\])}}>]|\r?$))
    |(?P<bare>[0-9a-f]{{2}}(?:[ \t:][0-9a-f]{{2}}){{7,511}}+)(?![0-9a-z:]))  # or bare bytes in hex: key: de ad be ef …""",
    re.VERBOSE | re.MULTILINE,
)


def _byte_lists(text: str) -> Iterator[Span]:
    """A credential's bytes or characters printed as a list after its name (see _BYTE_LIST): the whole list. (Bytes in
    hex alone, eight or more spaced or joined by colons, need no brackets: the name's reading took the first byte.)"""
    if not any(c in text for c in "[(<{:="):
        return
    low = _lowered(text)
    for first, last, hits in _near_needles(low):
        if _dense(first, last, hits):
            continue
        for m in _word_matches(_BYTE_LIST(), low, first, last, 2600):
            if not _not_a_value(low[m.start() : m.end("rest")]):
                yield Span(*m.span("val" if m["val"] is not None else "bare"), "credential by name")


# Terraform's state of a random_password or random_string resource keeps the generated value as the attribute "result",
# and a state lists the attributes it holds sensitive under "sensitive_attributes" ([[{"type": "get_attr", "value":
# "result"}]]): names that are no credential's word, so no pass by name read them ("terraform show" prints the same
# attributes as HCL: result = "…").
_TF_HINTS = ('"random_password"', '"random_string"', "sensitive_attributes")
_TF_SENSITIVE = _lazy(r'"sensitive_attributes"[ \t\r\n]{0,40}:[ \t\r\n]{0,40}\[')
_TF_NAMED = _lazy(r'"get_attr",?[ \t\r\n]{0,40}"value"[ \t\r\n]{0,40}:[ \t\r\n]{0,40}"([a-z_][a-z0-9_-]{0,63})"')
_TF_VALUE = _lazy(
    r'(?<![\w-])\\{0,3}"?([a-z_][a-z0-9_-]{0,63})\\{0,3}"?[ \t]{0,40}[:=][ \t]{0,40}'
    r'\\{0,3}"((?:[^"\\\r\n]|\\[^"\r\n]){1,4096})\\{0,3}"'
)
_TF_NAMES = 16  # at most this many sensitive attribute names are read from one text


def _terraform_values(text: str) -> Iterator[Span]:
    """The values of a Terraform state's sensitive attributes: a random_password's or random_string's "result", and every
    attribute its "sensitive_attributes" name (see _TF_HINTS), wherever the text gives them, as JSON or as HCL."""
    if not any(h in text for h in _TF_HINTS):
        return
    low = _lowered(text)
    names = {"result"} if '"random_password"' in low or '"random_string"' in low else set()
    pos = 0
    while len(names) < _TF_NAMES and (m := _TF_SENSITIVE().search(low, pos)):
        pos = min(len(low), m.end() + 4096)  # (each stretch read once: lists close together are not read again)
        names.update(named.group(1) for named in _TF_NAMED().finditer(low, m.end(), pos))
    if not names:
        return
    for m in _TF_VALUE().finditer(low):
        if m.group(1) in names and not m.group(2).startswith("(sensitive"):
            yield Span(*m.span(2), "credential by name")

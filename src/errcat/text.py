"""Text normalisation shared by the catalog index, queries and explain: one place decides what
"the same word" and "the same path" mean. Imports nothing of errcat, so every layer can use it."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

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
# an e-mail address: what varies between occurrences of an error (its last label a name, not an
# npm package's version: "@exercise/3d-clear-depth@1.0.0")
EMAIL = r"\b[\w.+-]{1,64}@[\w-]{1,253}(?:\.[\w-]{1,63})*\.[A-Za-z][\w-]{0,62}\b"
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


# A lone surrogate, as JSON or Python escapes spell it (a pair is matched first, and kept).
_ESCAPED_SURROGATE = re.compile(r"(\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2})|\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def repaired(text: str) -> str:
    """Text with every lone surrogate (an emoji cut in half), raw or escaped as ``\\ud83d``, made
    U+FFFD: such text cannot be encoded, so printing it (or JSON decoded from it) would fail.
    Runs once where input enters; text without any costs one encode and one substring search."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    if "\\u" in text or "\\U" in text:
        text = _ESCAPED_SURROGATE.sub(lambda m: m.group(1) or "\\ufffd", text)
    return text


CONSOLE_WIDTHS = (80, 120)  # Windows consoles' widths (cmd's and older PowerShell's 80, Windows 10's 120)


def unwrapped(text: str) -> str:
    """Text copied from a Windows console, each long line cut at the console's width with a CRLF,
    made whole again: every line exactly as wide as the widest (80 or 120 columns; at least two of
    them, or all lines but the last: one long line cut) runs on into the next. A JSON key or a
    message cut in two cannot be read or matched. Only CRLF text: a Unix terminal's copy keeps
    long lines whole; and a line padded with blanks to the width (a console framework's block,
    Symfony's exception box, ends in two or more) is laid out, not cut."""
    if "\r\n" not in text or len(text) <= CONSOLE_WIDTHS[0]:
        return text
    lines = text.split("\r\n")
    width = max(len(line) for line in lines)
    if width not in CONSOLE_WIDTHS:
        return text
    cut = [len(line) == width and not line.endswith(("  ", "\t")) for line in lines[:-1]] + [False]
    full = sum(cut)
    if full < 2 and full < len(lines) - 1:  # several cut lines, or one line's cuts
        return text
    return "".join(line if was_cut else line + "\r\n" for line, was_cut in zip(lines, cut, strict=True))[:-2]


# What a terminal would act on instead of showing: C0 controls but tab and newline, DEL, C1
# controls (U+009B is a CSI of its own), bidirectional overrides and isolates, the bidirectional marks (U+200E, U+200F,
# U+061C: they change the direction the digits and punctuation beside them are shown in), and
# lone surrogates.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_UNSAFE_IN_JSON = re.compile(
    r"[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)  # json.dumps escapes C0 itself


def visible(text: str) -> str:
    """Text for a terminal: each control character shown escaped (``\\x1b``), so a log line
    cannot retitle, clear or recolour the user's terminal."""
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text)


def visible_line(text: str) -> str:
    """Text for one line of a terminal: ``visible``, and a newline shown as ``\\n`` too (a file name
    or a value quoted in an error line cannot break it in two, or forge a line of its own)."""
    return visible(text).replace("\n", "\\n")


def cut_line(text: str, limit: int = 200) -> str:
    """``visible_line`` of a value quoted in a message, cut past ``limit`` characters with its length said:
    a 100 KB path set in an environment variable is no 100 KB warning."""
    text = text if len(text) <= limit else f"{text[: limit // 2]}… ({len(text):,} characters)"
    return visible_line(text)


def json_visible(document: str) -> str:
    """A JSON document whose strings keep every control character as a JSON escape (``\\u009b``):
    still the same JSON, and safe to print."""
    if _UNSAFE_IN_JSON.search(document) is None:
        return document
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", document)


# What the first bytes of an input hold, decided in one place for explain's pastes and scan's logs.
UTF8_BOM = b"\xef\xbb\xbf"  # skipped where it opens an input
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")  # the first opens like UTF-16's: looked for first
# the kinds transcoded to UTF-8 whole (a range of their bytes is no text): behind a mark, or without one
WIDE = ("utf-16", "utf-32", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
_UNMARKED = 64  # bytes of UTF-16 or UTF-32 without a mark (16 to 32 characters) needed to tell it
_GZIP_MAGIC = b"\x1f\x8b"


# A terminal's codes in a paste: CSI sequences (colours, "\x1b[1;31m") and OSC ones (a window title, a link:
# "\x1b]8;;url\x1b\\"), each bounded; what they wrap is kept
_TERMINAL_CODE = re.compile(r"\x1b\[[0-?]{0,64}[ -/]{0,8}[@-~]|\x1b\][^\x07\x1b\n]{0,2048}(?:\x07|\x1b\\)")


def without_terminal_codes(text: str) -> str:
    """``text`` without a terminal's colour and title codes: a logger's, ``jq -C``'s or a CI log's colours split a
    body's keys from their values ('"ErrorCode"\x1b[0m:\x1b[33m25008') and its status line from its words."""
    return _TERMINAL_CODE.sub("", text) if "\x1b" in text else text


# control bytes text does not hold (tab, line ends, form feed, escape and a man page's backspace aside)
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\x08\t\n\x0b\x0c\r\x1b")


def is_binary(data: bytes) -> bool:
    """Whether bytes are no text: text in a byte-wise encoding holds hardly any NUL (a stray one, or
    a log a crash padded: one in a hundred bytes at most; lnav's UTF-8 test file has one in 22 KB)
    and few other control bytes (bzip2, xz and zstd data hold one in ten). UTF-16, which holds many NULs,
    is recognised by its byte-order mark first."""
    if b"\x00" in data and data.count(0) * 100 > len(data):
        return True
    return (len(data) - len(data.translate(None, _CONTROL_BYTES))) * 20 > len(data)


# Other compressed formats, by their magic numbers: named (with the command that unpacks one to
# stdout) where they are refused, since only gzip is read
_COMPRESSED = (
    (b"BZh", rb"BZh[1-9]1AY&SY", "bzip2", "bzcat"),
    (b"\xfd7zXZ\x00", None, "xz", "xzcat"),
    (b"\x28\xb5\x2f\xfd", None, "zstd", "zstdcat"),
    (b"PK\x03\x04", None, "zip", "unzip -p"),
    (b"7z\xbc\xaf\x27\x1c", None, "7z", "7z x -so"),
    (b"\x04\x22\x4d\x18", None, "lz4", "lz4cat"),
)


def compression(head: bytes) -> tuple[str, str] | None:
    """The compressed format other than gzip an input's first bytes are (``("xz", "xzcat")``: its name and
    the command that writes it unpacked to stdout), or None."""
    for magic, full, name, unpack in _COMPRESSED:
        if head.startswith(magic) and (full is None or re.match(full, head)):
            return name, unpack
    return None


def _unmarked_wide(head: bytes) -> str | None:
    """UTF-16 or UTF-32 without a byte-order mark, as text of mostly ASCII characters spells it
    (``iconv -t UTF-16LE``, .NET's UnicodeEncoding without its mark): a NUL in every other byte (or three
    of every four) on one side, hardly any on the other. Binary data with that pattern is rare, and
    what it decodes to is still looked at as text."""
    n = len(head) // 4 * 4
    if n < _UNMARKED:
        return None
    h, quarter = head[:n], n // 4
    lanes = [h[i::4].count(0) for i in range(4)]  # NULs at each byte of every four
    if lanes[2] == lanes[3] == quarter and lanes[0] * 10 < quarter:
        return "utf-32-le"
    if lanes[0] == lanes[1] == quarter and lanes[3] * 10 < quarter:
        return "utf-32-be"
    even, odd = lanes[0] + lanes[2], lanes[1] + lanes[3]
    if odd * 10 >= 9 * 2 * quarter and even * 10 < 2 * quarter:
        return "utf-16-le"
    if even * 10 >= 9 * 2 * quarter and odd * 10 < 2 * quarter:
        return "utf-16-be"
    return None


def docker_framed(head: bytes) -> bool:
    """Whether an input is Docker's multiplexed log stream (what the Engine API's logs and attach
    endpoints send for a container without a terminal, saved as it came): frames of an 8-byte
    header (stream 0, 1 or 2, three NULs, the payload's length, big-endian) and the payload. Every
    frame header in ``head`` must read so, with text between them; no text log starts with one."""
    at = 0
    while at + 8 <= len(head):
        if head[at] > 2 or head[at + 1 : at + 4] != b"\x00\x00\x00":
            return False
        size = int.from_bytes(head[at + 4 : at + 8], "big")
        if size == 0 or b"\x00" in head[at + 8 : at + 8 + size]:
            return False
        at += 8 + size
    return at > 0


Kind = Literal["gzip", "utf-16", "utf-32", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "binary", "text"]


def byte_kind(head: bytes) -> Kind:
    """What an input's first bytes say it is: ``gzip`` (its magic number), ``utf-16`` or ``utf-32``
    (a byte-order mark: transcode it), ``utf-16-le`` and the like (no mark, but the NULs of mostly ASCII
    text in it: give at least 64 bytes to tell), ``binary`` (see is_binary) or ``text`` (perhaps behind
    a UTF8_BOM). The kinds in WIDE are codec names."""
    if head.startswith(_GZIP_MAGIC):
        return "gzip"
    if head.startswith(_UTF32_BOMS):
        return "utf-32"
    if head.startswith(_UTF16_BOMS):
        return "utf-16"
    if b"\x00" in head and (wide := _unmarked_wide(head)) is not None:
        return wide  # type: ignore[return-value]  # one of the Literal's codec names
    return "binary" if is_binary(head) else "text"


def text_before_binary(head: bytes) -> int:
    """Where binary data starts in an input's first bytes after whole lines of text (0: none first): a short log
    followed by other bytes (``cat app.log core.gz | errcat scan -``) was refused whole as a binary file, and so was
    such a paste by explain. Its lines are read up to there, and the rest is said skipped from that byte, as grep
    reads a file until binary data."""
    at = 0
    for line in head.splitlines(keepends=True):
        if not line.endswith(b"\n") or is_binary(line):
            break
        at += len(line)
    if not at or not is_binary(head[at:]) or compression(head) or head.startswith(b"\x1f\x8b"):
        return 0
    try:  # a PNG's first line ends in a line end too, as a compressed stream's may: no printable UTF-8, a binary file
        text = head[:at].decode()
    except UnicodeDecodeError:
        return 0
    return at if text.translate(_LAYOUT).isprintable() and _WORD.search(text) else 0


_WORD = re.compile("[A-Za-z]{4}")  # a word, as a log line holds: random bytes that decode seldom do
_LAYOUT = dict.fromkeys(map(ord, "\t\n\r\x0b\x0c\x1b\x08"))  # what text holds beside printable characters

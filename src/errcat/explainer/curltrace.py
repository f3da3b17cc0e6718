"""curl's --trace-ascii transcript, read as curl -v's: users paste it when -v does not show the body.

Each block is headed by what it carries ("<= Recv header, 23 bytes (0x17)") and each of its lines starts with its
offset ("0040: "); a data block is cut every 64 bytes and at each CRLF, so the body's JSON is split mid-word. Made
curl -v's lines again ("> "/"< " headers, "* " notes, the body whole), the paste is framed as any curl -v paste is.
curl --trace's (no -ascii) blocks are read as well: each line gives 16 bytes in hex, then the same bytes as text with
a "." for each byte not printable; the bytes are taken from the hex (read as text, its URL was "/accountrigh74").
"""

from __future__ import annotations

import re

# a block's head: its direction, what it carries, its size
_BLOCK = re.compile(r"^(=>|<=) (?:Send|Recv) (header|data|SSL data), \d{1,12} bytes \(0x[0-9a-f]{1,12}\)$")
_OFFSET = re.compile(r"^[0-9a-f]{4,8}: ?")
_WIDTH = 64  # curl's width for --trace-ascii's lines (0x40)
# a --trace line after its offset: up to 16 bytes in hex, each followed by a space, padded to 16, then the bytes as text
_HEX_LINE = re.compile(r"((?:[0-9a-f]{2} ){1,16})(?:   ){0,15}(.{1,16})")


def untraced(text: str) -> str:
    """``text`` as curl -v would have printed it, when it is a --trace-ascii or --trace transcript; else ``text``."""
    if "<= Recv " not in text or "bytes (0x" not in text:
        return text
    out: list[str] = []
    kind: str | None = None  # the block being read: "> header", "< header", "< data"; None: a line of no block
    data: list[str] = []
    for line in text.replace("\r\n", "\n").split("\n"):
        if (head := _BLOCK.match(line)) or not (kind and _OFFSET.match(line)):
            out += _block_lines(kind, data)
            data = []
            kind = f"{'>' if head.group(1) == '=>' else '<'} {head.group(2)}" if head else None
            if not head:  # curl's notes ("== Info: ...") as -v prints them; any other line as it is
                out.append("* " + line[9:] if line.startswith("== Info: ") else line)
            continue
        if kind.endswith(" header") or kind == "< data":  # the request's data (=> data) and TLS records are left out
            data.append(_OFFSET.sub("", line, count=1))
    return "\n".join(out + _block_lines(kind, data))


def _hex_bytes(piece: str) -> str | None:
    """The text of a --trace line's bytes (``piece``: the line after its offset), None when it is no such line: its
    text column shows each of its bytes, a printable one as it is (its trailing blanks may have been stripped)."""
    m = _HEX_LINE.fullmatch(piece)
    if m is None:
        return None
    raw = bytes.fromhex(m.group(1))
    shown = "".join(chr(b) if 0x20 <= b < 0x7F else "." for b in raw)
    return raw.decode("latin-1") if shown.rstrip() == m.group(2).rstrip() else None


def _block_lines(kind: str | None, pieces: list[str]) -> list[str]:
    """A block's lines as curl -v prints them: a header's after its direction ("> ", "< "), each made whole again as
    the body's are (a request line or an Authorization header longer than 64 bytes is cut as the body is: read cut,
    the URL lost its endpoint and a token its second part); the body's as they are."""
    decoded = [_hex_bytes(piece) for piece in pieces]
    if pieces and None not in decoded:  # --trace's: the bytes whole, CRLFs and all
        raw = "".join(d for d in decoded if d is not None).encode("latin-1").decode("utf-8", "replace")
        lines = raw.replace("\r\n", "\n").removesuffix("\n").split("\n")
    else:
        lines = _joined(pieces)
    return [f"{kind[0]} {line}".rstrip() for line in lines] if kind is not None and kind.endswith(" header") else lines


def _joined(pieces: list[str]) -> list[str]:
    """A data block's lines made its text again: a full-width line runs on into the next; a shorter one ended at a CRLF."""
    lines: list[str] = []
    run = ""
    for piece in pieces:
        run += piece
        if len(piece) != _WIDTH:
            lines.append(run)
            run = ""
    return lines + ([run] if run else [])

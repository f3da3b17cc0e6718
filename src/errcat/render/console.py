"""The only module that imports rich: styled output on a terminal, plain text otherwise."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

from ..legend import READING
from ..text import visible
from ..text import visible_line as visible_line  # also the CLI's, for a file name on one line
from .text import Line, plain


def use_style(stream: TextIO) -> bool:
    """Style only real terminals, and never when NO_COLOR is set (https://no-color.org)."""
    return stream.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


def print_document(text: str, stream: TextIO | None = None) -> None:
    """Print a rendered document (JSON, markdown, YAML, CSV) as is, but for the control characters
    input text may hold: those are shown escaped."""
    (stream or sys.stdout).write(visible(text))


ERROR_CHARS = 1000  # an error line quoting input (a whole paste given as --vendor) is cut in the middle past this


def error_line(message: str) -> str:
    """``errcat: message``, for stderr: its control characters shown escaped (it may quote input), and
    cut in the middle when longer than ERROR_CHARS (a 100 KB value typed as a filter was printed back whole)."""
    line = visible_line(message)
    if len(line) > ERROR_CHARS:
        line = f"{line[:700]} … ({len(line) - 900:,} characters left out) … {line[-200:]}"
    return f"errcat: {line}"


def print_lines(lines: list[Line], stream: TextIO | None = None) -> None:
    """Print text lines: through rich on a terminal (wrapped to its width; styled unless NO_COLOR),
    as plain text when piped."""
    stream = stream or sys.stdout
    lines = _one_per_row([[(visible(text), style) for text, style in line] for line in lines])  # input may hold escapes
    if not (stream.isatty() and os.environ.get("TERM") != "dumb"):
        stream.write(plain(lines))
        return
    from rich.console import Console  # deferred: only terminals pay for rich
    from rich.text import Text

    styled = use_style(stream)  # NO_COLOR is about colour: the lines still wrap, unstyled
    console = Console(file=stream, highlight=False, soft_wrap=True, no_color=not styled)
    width = console.width
    if width < 1:  # COLUMNS=0 (a terminal that reports no size): rich prints nothing at all in 0 cells
        stream.write(plain(lines))
        return
    for line in lines:
        text = Text.assemble(*[(text, (style or "") if styled else "") for text, style in line])
        if text.cell_len <= width or width < 30:
            console.print(text)
            continue
        # Wrap at word boundaries with a hanging indent: continuation lines start under the text
        # that follows the line's own indent and its "label: " (piped output is never wrapped).
        indent = _hanging_indent(text.plain)
        for i, part in enumerate(text.divide(_breaks(text.plain, width, width - indent, indent))):
            part.rstrip()  # no trailing spaces where a line was broken
            console.print(Text(" " * indent) + part if i else part)


def _one_per_row(lines: list[Line]) -> list[Line]:
    """Each line with a newline in its text (a vendor's message of two lines) as several, the rest
    under the text after its label, as a wrapped line's are: printed as it came, the second line of
    a message started at column 0, outside the row it belongs to."""
    out: list[Line] = []
    for line in lines:
        if not any("\n" in text for text, _ in line):
            out.append(line)
            continue
        head = "".join(text for text, _ in line).split("\n", 1)[0]
        pad = (" " * _hanging_indent(head), None)
        row: Line = []
        for text, style in line:
            first, *rest = text.split("\n")
            row.append((first, style))
            for part in rest:
                out.append(row)
                row = [pad, (part, style)]
        out.append(row)
    return out


# A word, or the mark on whose words a guide's are ("[errcat's reading]", "[errcat's reading of the document]", a
# team catalog's "[from team.yaml]", legend.reading) as one: broken at its space, "[errcat's" ended a line.
_WORD = r"\[(?:" + re.escape(READING) + r"|from )[^\]\n]*\]\S*|\S+"


def _breaks(plain: str, first: int, rest: int, indent: int = 0) -> list[int]:
    """Where a line wraps at spaces: its first part fits ``first`` cells, the others ``rest``. A
    word too long for any line (an id, a URL) stays whole (a copied id must work) on a line of its
    own, which it overflows alone: after the words before it, it ran past the edge by all of them;
    but right after the line's label (its first ``indent`` cells) it stays, as the label's value."""
    from rich.cells import cell_len

    offsets: list[int] = []
    start, room = 0, first
    for word in re.finditer(_WORD, plain):
        if word.start() > max(start, indent) and cell_len(plain[start : word.end()]) > room:
            offsets.append(word.start())
            start, room = word.start(), rest
    return offsets


def _hanging_indent(plain: str) -> int:
    m = re.match(r"(\s*)(?:[\w()/-][\w ()/-]{0,13}:\s+|[\d,]+\s+(?=\S))?", plain)  # a label, or a count (scan's groups)
    whole, lead = (m.group(0), m.group(1)) if m else ("", "")
    return len(whole) if len(whole) > len(lead) else len(lead) + 2


PROGRESS_MIN = 32 << 20  # inputs smaller than this finish before a bar is worth drawing


@contextmanager
def progress_meter(total: int | None, stream: TextIO | None = None) -> Iterator[Callable[[int], None] | None]:
    """A callback taking bytes read so far, drawing a progress bar on a terminal's stderr for big
    inputs (a byte counter when the size is unknown, as for stdin); None elsewhere."""
    stream = stream or sys.stderr
    terminal = stream.isatty() and os.environ.get("TERM") != "dumb"  # NO_COLOR is about colour: the bar stays, plain
    if not terminal or (total is not None and total < PROGRESS_MIN):
        yield None
        return
    from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn, TransferSpeedColumn

    columns = [BarColumn(), DownloadColumn(), TransferSpeedColumn(), TimeRemainingColumn()]
    with Progress(*columns, console=_console(stream), transient=True) as bar:
        task = bar.add_task("scan", total=total)

        def update(done: int) -> None:
            bar.update(task, completed=done)

        yield update


def _console(stream: TextIO):  # type: ignore[no-untyped-def]
    from rich.console import Console

    return Console(file=stream, highlight=False, no_color=bool(os.environ.get("NO_COLOR")))

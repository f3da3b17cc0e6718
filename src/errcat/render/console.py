"""The only module that imports rich: styled output on a terminal, plain text otherwise."""

from __future__ import annotations

import os
import sys
from typing import TextIO

from .text import Line, plain


def use_style(stream: TextIO) -> bool:
    """Style only real terminals, and never when NO_COLOR is set (https://no-color.org)."""
    return stream.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


def print_lines(lines: list[Line], stream: TextIO | None = None) -> None:
    """Print text lines: through rich on a terminal, as plain text when piped."""
    stream = stream or sys.stdout
    if not use_style(stream):
        stream.write(plain(lines))
        return
    from rich.console import Console  # deferred: only terminals pay for rich
    from rich.text import Text

    console = Console(file=stream, highlight=False, soft_wrap=True)
    for line in lines:
        console.print(Text.assemble(*[(text, style or "") for text, style in line]))

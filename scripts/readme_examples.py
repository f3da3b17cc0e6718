"""Rewrite the README's console examples with what the commands print now (tests/test_readme.py
fails when they differ). A block that ends with a `...` line keeps showing only that many lines.

Usage: python scripts/readme_examples.py
"""

from __future__ import annotations

import os
import re
import shlex
import sys
from pathlib import Path

from typer.testing import CliRunner

REPO = Path(__file__).resolve().parent.parent
BLOCK = re.compile(r"(```console\n\$ errcat ([^\n]*)\n)(.*?)(```)", re.DOTALL)


def main() -> int:
    from errcat.cli import app

    os.chdir(REPO)
    os.environ.pop("ERRCAT_CATALOG", None)
    os.environ["NO_COLOR"] = "1"
    readme = REPO / "README.md"

    def refresh(m: re.Match[str]) -> str:
        shown = m.group(3).rstrip("\n").splitlines()
        out = CliRunner().invoke(app, shlex.split(m.group(2))).stdout.rstrip("\n").splitlines()
        stripped = [line.strip() for line in shown]
        if "..." in stripped:
            keep = stripped.index("...")
            out = [*out[:keep], shown[keep]]
        return m.group(1) + "\n".join(line.rstrip() for line in out) + "\n" + m.group(4)

    text = readme.read_text(encoding="utf-8")
    new = BLOCK.sub(refresh, text)
    if new != text:
        readme.write_text(new, encoding="utf-8")
        print("README.md: console examples rewritten")
    return 0


if __name__ == "__main__":
    sys.exit(main())

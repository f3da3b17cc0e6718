"""The README's console examples are run and their output compared, so README and behaviour cannot
drift (a line `...` ends the part of an output the README shows)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

REPO = Path(__file__).resolve().parent.parent
BLOCK = re.compile(r"```console\n\$ errcat ([^\n]*)\n(.*?)```", re.DOTALL)
EXAMPLES = [(m.group(1), m.group(2)) for m in BLOCK.finditer((REPO / "README.md").read_text(encoding="utf-8"))]


def test_the_readme_has_console_examples():
    assert len(EXAMPLES) >= 5 and any(args.startswith("explain ") for args, _ in EXAMPLES)


@pytest.mark.parametrize(("args", "shown"), EXAMPLES, ids=[a for a, _ in EXAMPLES])
def test_readme_example_prints_what_it_shows(args, shown, monkeypatch):
    from errcat.cli import app

    monkeypatch.chdir(REPO)
    monkeypatch.delenv("ERRCAT_CATALOG", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    result = CliRunner().invoke(app, shlex.split(args))
    assert result.exit_code in (0, 1), result.output
    got = [line.rstrip() for line in result.stdout.rstrip("\n").splitlines()]
    want = [line.rstrip() for line in shown.rstrip("\n").splitlines()]
    if "..." in [w.strip() for w in want]:
        want = want[: [w.strip() for w in want].index("...")]
        got = got[: len(want)]
    assert got == want


def test_the_from_python_example_runs_as_shown(capsys, monkeypatch):
    """The README's library example, executed as written."""
    monkeypatch.delenv("ERRCAT_CATALOG", raising=False)
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("### From Python")[1].split("\n### ")[0]
    (code,) = re.findall(r"```python\n(.*?)```", section, re.DOTALL)
    namespace: dict = {}
    exec(compile(code, "README.md From Python", "exec"), namespace)
    printed = capsys.readouterr().out
    assert printed.startswith("sage AccessTokenExpiredError [exact]: Use the refresh token")
    assert "(retry: refresh-and-retry)" in printed.splitlines()[0]
    assert namespace["result"].found and namespace["problems"] is not None
    assert namespace["x"].errors[0].kind == "exact" and namespace["data"].entries


def test_the_catalog_page_lists_every_check():
    """docs/catalog.md's table of checks is the registry's: a new check cannot go unlisted."""
    from errcat.catalog.checks import CHECKS

    page = (REPO / "docs" / "catalog.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"`(CAT\d{3})`", page))
    assert listed == {c.code for c in CHECKS}

"""Hostile input, eleventh round: what rounds 1-10 left out. Rows run the real CLI (in a subprocess
where a process matters) and the real API."""

from __future__ import annotations

import subprocess
import sys

import pytest
from typer.testing import CliRunner

from errcat.cli import app

# -- a Ctrl-C in the first milliseconds of a run --------------------------------------------------------
# ``errcat`` (and ``python -m errcat``) imported typing, re, enum and pathlib before the command line's
# handler was in place: a Ctrl-C hit with Enter landed there one run in a few and printed a 20-line
# traceback (exit 1). The package and its entry module now import nothing before the handler.

_CTRL_C_AT = """
import sys
class CtrlC:
    def find_spec(self, name, path=None, target=None):
        if name == {module!r}:
            raise KeyboardInterrupt
sys.meta_path.insert(0, CtrlC())
sys.argv = ["errcat", "lookup", "400"]
from errcat.__main__ import main
main()
"""


@pytest.mark.parametrize("module", ["typing", "pathlib", "re"])
def test_a_ctrl_c_while_the_entry_module_loads_is_exit_130_without_a_traceback(module: str) -> None:
    done = subprocess.run([sys.executable, "-c", _CTRL_C_AT.format(module=module)], capture_output=True, timeout=60)
    assert (done.returncode, done.stderr) == (130, b"")


# -- help text ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["lookup", "search", "list"])
def test_the_status_option_help_shows_no_range_of_none(command: str) -> None:
    """click described the unbounded --status as ``[x<=None]``."""
    shown = CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": "200"}).output
    status = next(line for line in shown.splitlines() if "--status" in line)
    assert "None" not in status and "Only errors with this HTTP status." in status

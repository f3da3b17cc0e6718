"""Fresh-eyes review of the session's changes: what the rounds before left wrong. Rows run the real CLI in a
subprocess (a home folder of its own) and a real bash."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import errcat
import errcat.scan

ERRCAT = [sys.executable, "-m", "errcat"]


# -- errcat --install-completion bash in a home folder whose name holds a quote -----------------------------------
# The line appended to ~/.bashrc quoted the script's path in single quotes as it was: a home folder named
# "it's home" left a quote open, and every new shell stopped at "unexpected EOF while looking for matching `''".


def test_the_bashrc_line_sources_the_script_whatever_the_home_folders_name(tmp_path: Path) -> None:
    home = tmp_path / "it's home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "SHELL": "/bin/bash"}
    done = subprocess.run([*ERRCAT, "--install-completion", "bash"], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    sourced = subprocess.run(
        ["bash", "--norc", "-c", 'source "$HOME/.bashrc" && complete -p errcat'],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert sourced.returncode == 0, sourced.stderr
    assert sourced.stderr == "" and "errcat" in sourced.stdout


# -- a WebSphere date whose second number is past 12 (lines constructed in WebSphere's format) ---------------------------------------------------------------
# "[09/15/20 ...]" (padded) or "[12/25/15 ... GMT]" (a European zone) leaned to day-first and read month 15 or 25:
# no date at all, so --since left the records out whatever their date. A number past 12 is never the month.


def test_a_websphere_date_past_the_twelfth_is_read_month_first_whatever_the_padding_or_zone(tmp_path: Path) -> None:
    index = errcat.open_catalog(use_env=False).index
    path = tmp_path / "SystemOut.log"
    lines = [
        "[09/15/20 13:44:03:419 GMT] 00000001 ContainerHelp E   WSVR0501E: Error creating component one",
        "[12/25/20 08:00:00:000 GMT] 00000001 ContainerHelp E   WSVR0501E: Error creating module two",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = errcat.scan.scan(index, [str(path)], errcat.scan.ScanOptions(workers=1))
    seen = {g.first_seen for g in report.other.values()}
    assert seen == {datetime(2020, 9, 15, 13, 44, 3, 419000, tzinfo=UTC), datetime(2020, 12, 25, 8, tzinfo=UTC)}
    december = errcat.scan.ScanOptions(workers=1, since=datetime(2020, 12, 1, tzinfo=UTC))
    assert errcat.scan.scan(index, [str(path)], december).errors == 1

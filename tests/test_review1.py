"""Fresh-eyes review of the session's changes: what the rounds before left wrong. Rows run the real CLI in a
subprocess (a home folder of its own) and a real bash."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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

"""``errcat --install-completion [SHELL]``: Typer's installer rewrote ``~/.bashrc`` (or ``~/.zshrc``) whole,
so a full disk part-way left the user's file cut short; a ``.bashrc`` that is a folder, a missing
``pwsh``, an empty HOME (files written under ``/``) were tracebacks. Here the script is written whole, the
start-up file only appended to, and every failure is one line with exit 2."""

import subprocess
import sys
from pathlib import Path
from typing import NoReturn

from ..api import home_folder, install_files, shown
from ..errors import EXIT_USAGE

SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")
# each line the start-up file needs, unless it holds the mark: a zstyle of the user's own is kept, as Typer kept it
ZSH_LINES = {
    "fpath+=~/.zfunc; autoload -Uz compinit; compinit": "fpath+=~/.zfunc",
    "zstyle ':completion:*' menu select": "zstyle",
}


def fail(message: str) -> NoReturn:
    print(f"errcat: {shown(message)}", file=sys.stderr)
    sys.exit(EXIT_USAGE)


def _detected() -> str:
    """The shell errcat runs under, as Typer detects it (its parent processes)."""
    from typer._completion_shared import _get_shell_name

    try:
        name = _get_shell_name()
    except Exception:  # shellingham reads /proc: anything there may fail
        name = None
    if name not in SHELLS:
        fail(f"cannot tell which shell this is ({name or 'none found'}): name it, as --install-completion bash")
    return str(name)


def _targets(shell: str, home: Path) -> tuple[Path, Path | None, dict[str, str]]:
    """The completion script's path, the start-up file to source it from and the lines it needs there."""
    if shell == "bash":
        script = home / ".bash_completions" / "errcat.sh"
        line = f"source {_single_quoted(str(script))}"  # a home folder named "it's" broke the user's .bashrc
        return script, home / ".bashrc", {line: line}
    if shell == "zsh":
        return home / ".zfunc" / "_errcat", home / ".zshrc", ZSH_LINES
    return home / ".config" / "fish" / "completions" / "errcat.fish", None, {}


def _single_quoted(text: str) -> str:
    """``text`` as one shell word in single quotes, a quote in it closed, escaped and reopened: ``'it'\\''s'``.
    (shlex.quote leaves a plain path bare, and the line Typer wrote before, ``source '...'``, would no longer be
    found and would be written twice.)"""
    return "'" + text.replace("'", "'\\''") + "'"


def _powershell(shell: str) -> Path:
    """Typer's own PowerShell install (it asks PowerShell for its profile and appends to it)."""
    from typer._completion_shared import install_powershell

    try:
        return install_powershell(prog_name="errcat", complete_var="_ERRCAT_COMPLETE", shell=shell)
    except FileNotFoundError:
        fail(f"{shell} is not installed here, so its completion cannot be installed")
    except subprocess.CalledProcessError as exc:
        fail(f"{shell} could not say where its profile is (exit {exc.returncode})")


def install(shell: str | None) -> NoReturn:
    """Install completion for ``shell`` (None: the shell errcat runs under) and say where."""
    from typer._completion_shared import get_completion_script

    shell = shell or _detected()
    home = home_folder()
    if home is None:
        fail("no home folder (HOME is unset or empty, or names no folder): completion is installed in the home folder")
    try:
        if shell in ("powershell", "pwsh"):
            path = _powershell(shell)
        else:
            path, start_up, lines = _targets(shell, home)
            script = get_completion_script(prog_name="errcat", complete_var="_ERRCAT_COMPLETE", shell=shell)
            install_files(path, script + ("\n" if shell == "fish" else ""), start_up, lines)
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        fail(f"cannot install {shell} completion: {where}{exc.strerror or exc}")
    print(f"{shell} completion installed in {path}")
    print("Completion will take effect once you restart the terminal")
    sys.exit(0)

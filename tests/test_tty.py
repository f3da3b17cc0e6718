"""errcat explain reading a paste from a real terminal (a pseudo-terminal): one Ctrl-D is enough."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from terminal import typed

pty = pytest.importorskip("pty", reason="pseudo-terminals need a POSIX system")


def test_one_ctrl_d_after_a_paste_gets_the_answer():
    returncode, out, err = typed(["explain"], b"25008\n", timeout=20)
    assert returncode == 0, err
    assert b"DatePriorToBeginningOfFinancialYear" in out
    assert b"Ctrl-D" in err  # the prompt went to the terminal's stderr, not into the answer


def _drain(controller: int, proc: subprocess.Popen, timeout: int) -> bytes:
    """Everything the process writes to the terminal until it closes it, then wait for the process."""
    seen = b""
    try:
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # the terminal closed: the process ended
                break
            if not chunk:
                break
            seen += chunk
        proc.communicate(timeout=timeout)
    finally:
        os.close(controller)
    return seen


def test_scan_progress_bar_shows_on_a_terminal_even_with_no_color(tmp_path):
    """NO_COLOR asks for no colour, not for no progress: the bar is drawn, without colour codes."""
    log = tmp_path / "big.log"
    line = b'2026-11-20T10:00:00Z INFO sync ok {"status": "fine"}\n'
    with log.open("wb") as f:
        f.write(line * ((40 << 20) // len(line)))  # above the 32 MiB a bar needs
    controller, terminal = pty.openpty()
    env = {**os.environ, "NO_COLOR": "1", "ERRCAT_CATALOG": "", "COLUMNS": "100"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "errcat", "scan", str(log), "--workers", "1"],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=terminal, env=env,
    )  # fmt: skip
    os.close(terminal)
    seen = _drain(controller, proc, timeout=120)
    assert proc.returncode == 0  # no vendor error in the log: a clean scan
    assert b"MB" in seen or b"MiB" in seen or b"GB" in seen, seen[-400:]  # rich's byte counter
    assert b"\x1b[3" not in seen  # no colour codes (foreground 30-37)


def _on_a_terminal(args: list[str], env: dict[str, str]) -> tuple[int, bytes]:
    """Run errcat with its stdout on a pseudo-terminal; its exit code and what the terminal got."""
    controller, terminal = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "errcat", *args], stdin=subprocess.DEVNULL, stdout=terminal, stderr=subprocess.PIPE, env=env
    )
    os.close(terminal)
    seen = _drain(controller, proc, timeout=60)
    return proc.returncode, seen


def test_a_narrow_terminal_gets_wrapped_lines_with_hanging_indents():
    """At 60 columns long lines wrap at words under their own text; piped output stays one line each."""
    env = {**os.environ, "ERRCAT_CATALOG": "", "COLUMNS": "60", "TERM": "xterm"}
    code, seen = _on_a_terminal(["lookup", "25008"], env)
    import re

    lines = [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in seen.decode().replace("\r", "").splitlines()]
    assert code == 0 and lines
    assert all(_fits(line, 60) for line in lines)
    fix = next(i for i, line in enumerate(lines) if line.startswith("  fix:"))
    start = len(lines[fix]) - len(lines[fix][len("  fix:") :].lstrip())  # where the fix's text begins
    assert lines[fix + 1][:start].strip() == "" and lines[fix + 1][start] != " "  # continues under it, not at column 0
    piped = subprocess.run(
        [sys.executable, "-m", "errcat", "lookup", "25008"], capture_output=True, text=True, env=env, timeout=60
    )
    assert any(len(line) > 60 for line in piped.stdout.splitlines())  # a pipe gets whole lines


def test_a_word_too_long_for_the_terminal_overflows_alone(tmp_path):
    """A source's URL too long for 60 columns stays whole on a line of its own (or beside its label):
    after the words before it, the line ran 34 columns past the edge."""
    body = '[{"$severity": "error", "$dataCode": "Validation", "$message": "purchase_invoice[invoice_lines] is invalid",'
    paste = tmp_path / "sage.json"
    paste.write_text(body + ' "$source": "purchase_invoice[invoice_lines]"}]')
    env = {**os.environ, "ERRCAT_CATALOG": "", "COLUMNS": "60", "TERM": "xterm", "NO_COLOR": "1"}
    code, seen = _on_a_terminal(["explain", str(paste)], env)
    lines = seen.decode().replace("\r", "").splitlines()
    assert code == 1 and any(
        "github.com/Sage/sageone_api_csharp_sample/issues/7" in line for line in lines
    )  # observed: no documented match
    for line in (line for line in lines if len(line) > 60):
        value = re.match(r"\s*(?:[\w()/-][\w ()/-]{0,13}:\s+)?(.*)", line)
        assert value is not None and len(value.group(1).split()) == 1, line  # its label, if any, and one word


def test_a_scan_groups_wrapped_text_continues_under_it_not_under_its_count(tmp_path):
    """At 60 columns a group's text that wraps goes on under the text, past its count ("     32  [error] ..."):
    it went on two columns in, where it read as a label of its own ("       rule: /var/www/html/")."""
    log = tmp_path / "app.log"
    log.write_text(
        "".join(
            f"2026-11-20T01:00:0{i}Z ERROR the nightly export failed to write its archive to the shared folder\n"
            for i in range(3)
        )
    )
    env = {**os.environ, "ERRCAT_CATALOG": "", "COLUMNS": "60", "TERM": "xterm", "NO_COLOR": "1"}
    code, seen = _on_a_terminal(["scan", "--all", str(log)], env)
    lines = seen.decode().replace("\r", "").splitlines()
    head = next(i for i, line in enumerate(lines) if re.match(r"\s+3\s+ERROR the nightly export", line))
    text_at = lines[head].index("ERROR")
    assert code == 0 and lines[head + 1][:text_at].strip() == "" and lines[head + 1][text_at] != " "


def test_no_color_on_a_narrow_terminal_still_wraps_and_prints_no_escape_codes():
    """NO_COLOR asks for no colour; the lines still fit the terminal (they once came out whole)."""
    env = {**os.environ, "ERRCAT_CATALOG": "", "COLUMNS": "60", "TERM": "xterm", "NO_COLOR": "1"}
    code, raw = _on_a_terminal(["lookup", "25008"], env)
    seen = raw.decode()
    assert code == 0 and "\x1b[" not in seen
    lines = seen.replace("\r", "").splitlines()
    assert lines and all(_fits(line, 60) for line in lines)


def _fits(line: str, width: int) -> bool:
    """Within the width, or longer only because one word (an id) fits no line: ids are never folded."""
    return len(line) <= width or max(len(word) for word in line.split()) > width - 12


def _help_on_a_terminal(args: list[str], columns: int) -> list[str]:
    """``errcat args -h`` on a pseudo-terminal of ``columns`` (its real size, no COLUMNS): the lines it shows."""
    import fcntl
    import struct
    import termios

    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "errcat", *args, "-h"], stdin=subprocess.DEVNULL, stdout=terminal, stderr=subprocess.PIPE, env=env
    )
    os.close(terminal)
    seen = _drain(controller, proc, timeout=60)
    assert proc.returncode == 0
    return seen.decode().replace("\r", "").splitlines()


@pytest.mark.parametrize("args", [[], ["scan"], ["explain"]])
def test_help_uses_a_wide_terminal_and_fits_a_narrow_one(args):
    """Help once stopped at 80 columns on any terminal and never went below 50 (a 40-column terminal
    folded every line again); it now follows the terminal's width both ways."""
    wide = _help_on_a_terminal(args, 160)
    assert 80 < max(map(len, wide)) <= 160
    narrow = _help_on_a_terminal(args, 40)
    too_long = [line for line in narrow if len(line) > 40]  # only an option's names, with no help beside them
    assert all(line.lstrip().startswith("-") and "  " not in line.strip() for line in too_long), too_long
    assert any("--help" in line for line in narrow) and len(narrow) > len(wide)  # all of it, wrapped

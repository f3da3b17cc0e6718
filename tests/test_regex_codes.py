"""Compiled regexes kept between runs (errcat.regex_codes): the same answers from a kept file, from a
damaged one and from none; nothing a user pasted is written into it; a library user's ``re`` is left alone."""

from __future__ import annotations

import marshal
import os
import subprocess
import sys
from pathlib import Path

import pytest

from errcat.regex_codes import file_for

pytestmark = pytest.mark.slow

# a Terraform paste whose password is in a heredoc: the gate compiles a pattern of the heredoc's own marker
_HEREDOC_PASTE = 'resource "x" "y" {\n  password = <<zqvmarker\nKangarooSun3711!\nzqvmarker\n}\nHTTP/1.1 401 Unauthorized\n'
# a MYOB body from ../shared/pastes (dev-1's shape): a documented error, exit 0
_MYOB_PASTE = (
    '{"Errors": [{"Name": "AccountNotValid", "Message": "Account must be bank or credit card type", "ErrorCode": 29001}]}'
)


def _run(cache: Path, *args: str, paste: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, "ERRCAT_CACHE_DIR": str(cache), **env}
    return subprocess.run(
        [sys.executable, "-m", "errcat", *args], input=paste, capture_output=True, text=True, timeout=120, env=environ
    )


def _kept(cache: Path) -> bytes:
    return file_for(cache).read_bytes()


def test_a_second_run_answers_from_the_kept_code_as_the_first_did(tmp_path: Path) -> None:
    first = _run(tmp_path, "explain", "-f", "json", "-", paste=_MYOB_PASTE)
    kept = marshal.loads(_kept(tmp_path))
    second = _run(tmp_path, "explain", "-f", "json", "-", paste=_MYOB_PASTE)
    without = _run(tmp_path / "none", "explain", "-f", "json", "-", paste=_MYOB_PASTE, ERRCAT_NO_CACHE="1")
    assert len(kept) > 100  # the explainer's, the gate's and the catalog's patterns
    assert first.returncode == second.returncode == without.returncode == 0, first.stderr
    assert first.stdout == second.stdout == without.stdout
    assert "AccountNotValid" in first.stdout
    assert not (tmp_path / "none").exists()  # ERRCAT_NO_CACHE: nothing written


def test_nothing_pasted_is_written_into_the_kept_file(tmp_path: Path) -> None:
    done = _run(tmp_path, "explain", "-", paste=_HEREDOC_PASTE)
    assert "KangarooSun3711" not in done.stdout
    kept = _kept(tmp_path)
    assert marshal.loads(kept)
    assert b"zqvmarker" not in kept  # the heredoc's marker: compiled, never kept
    assert b"Kangaroo" not in kept


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: b"\x00garbage" * 100, id="not marshal"),
        pytest.param(lambda data: data[: len(data) // 2], id="cut short"),
        pytest.param(lambda data: marshal.dumps(["a list", "not a dict"]), id="another shape"),
        pytest.param(
            lambda data: marshal.dumps({k: (0, [1, 2, 3], 0, {}, ()) for k in marshal.loads(data)}), id="invalid engine code"
        ),
    ],
)
def test_a_damaged_file_gives_the_same_answer_and_is_written_again(tmp_path: Path, damage) -> None:
    good = _run(tmp_path, "explain", "-f", "json", "-", paste=_MYOB_PASTE)
    path = file_for(tmp_path)
    path.write_bytes(damage(path.read_bytes()))
    again = _run(tmp_path, "explain", "-f", "json", "-", paste=_MYOB_PASTE)
    assert (again.returncode, again.stdout, again.stderr) == (good.returncode, good.stdout, good.stderr)
    assert len(marshal.loads(path.read_bytes())) > 100


def test_a_fifo_in_the_files_place_is_no_hang(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this system")
    tmp_path.mkdir(exist_ok=True)
    os.mkfifo(file_for(tmp_path))
    done = _run(tmp_path, "lookup", "29001", paste="")
    assert done.returncode == 0 and "AccountNotValid" in done.stdout, done.stderr


def test_errcat_as_a_library_leaves_re_alone() -> None:
    code = (
        "import re._compiler as c; before = c.compile; import errcat; errcat.explain('HTTP/1.1 404 Not Found'); "
        "import errcat.gate; assert c.compile is before, c.compile"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def test_cache_clear_deletes_the_kept_file(tmp_path: Path) -> None:
    _run(tmp_path, "lookup", "29001", paste="")
    assert file_for(tmp_path).exists()
    done = _run(tmp_path, "cache", "clear", paste="")
    assert done.returncode == 0, done.stderr
    assert not file_for(tmp_path).exists()

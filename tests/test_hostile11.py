"""Hostile input, eleventh round: what rounds 1-10 left out. Rows run the real CLI (in a subprocess
where a process matters) and the real API."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from errcat.cli import app

ERRCAT = [sys.executable, "-m", "errcat"]

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


# -- a catalog file in UTF-16 or UTF-32 -----------------------------------------------------------------
# Windows PowerShell 5.1 writes UTF-16 (with its mark) by ``>``: ``errcat explain --stub ... > my-errors.yaml``,
# the README's way to start a catalog, made a file errcat refused as "not UTF-8 text". YAML reads UTF-16
# and UTF-32 behind a mark; so does errcat now.

_TEAM = Path(__file__).resolve().parents[1] / "examples" / "team-errors.yaml"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_a_catalog_file_in_utf16_or_utf32_behind_its_mark_is_read(tmp_path: Path, codec: str) -> None:
    text = _TEAM.read_text(encoding="utf-8")
    mark = {"utf-16-be": b"\xfe\xff"}.get(codec, b"")
    path = tmp_path / "team.yaml"
    path.write_bytes(mark + text.encode(codec))
    done = CliRunner().invoke(app, ["lookup", "TeamGatewayTimeout", "--catalog", str(path)])
    assert done.exit_code == 0, done.output
    assert "Our proxy timed out waiting for MYOB." in done.output
    checked = CliRunner().invoke(app, ["validate", str(path)])
    assert checked.exit_code == 0 and "0 error(s)" in checked.output


def test_a_catalog_file_broken_in_its_encoding_names_the_encoding_and_the_byte(tmp_path: Path) -> None:
    (tmp_path / "wide.yaml").write_bytes(b"\xff\xfe" + b"\x00\xd8\x41\x00")  # a lone high surrogate
    (tmp_path / "marked.yaml").write_bytes(b"\xef\xbb\xbfab\xff")
    done = CliRunner().invoke(app, ["validate", str(tmp_path / "wide.yaml"), str(tmp_path / "marked.yaml")])
    assert done.exit_code == 1
    assert "wide.yaml:1: CAT001 yaml-syntax: not UTF-16-LE text (illegal UTF-16 surrogate at byte 2)" in done.output
    assert "marked.yaml:1: CAT001 yaml-syntax: not UTF-8 text (invalid start byte at byte 5)" in done.output  # the mark counted


# -- ERRCAT_CACHE_DIR of 100 KB, or holding a token --------------------------------------------------------
# The warning that the cache folder cannot be used printed the folder whole: 100 KB of stderr for a 100 KB
# value, and a token in it as it was; `cache info` and `cache clear` printed a token in it too.


def _errcat(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*ERRCAT, *args], capture_output=True, timeout=120, env={**os.environ, **env})


def test_a_100kb_cache_folder_is_warned_of_in_one_short_line(tmp_path: Path) -> None:
    done = _errcat({"ERRCAT_CACHE_DIR": str(tmp_path / ("a" * 100_000))}, "lookup", "400")
    assert done.returncode == 0 and done.stdout.startswith(b"400: ")
    (line,) = done.stderr.decode().splitlines()
    assert line.startswith("errcat: warning: cannot use the cache folder ") and "(100,0" in line and len(line) < 600


def test_a_token_in_the_cache_folder_is_never_printed(tmp_path: Path) -> None:
    token = "Zq8vT3kLm9RwXyP2"
    unusable = {"ERRCAT_CACHE_DIR": f"{os.devnull}/password={token}"}  # under a file: cannot be made
    usable = {"ERRCAT_CACHE_DIR": str(tmp_path / f"password={token}")}
    for env, args in [(unusable, ["lookup", "400"]), (unusable, ["cache", "info"]), (usable, ["cache", "info"])]:
        done = _errcat(env, *args)
        assert done.returncode == 0 and b"password=[REDACTED]" in done.stdout + done.stderr, (args, done.stderr)
        assert token.encode() not in done.stdout + done.stderr
    cleared = _errcat(usable, "cache", "clear")
    assert cleared.returncode == 0 and b"password=[REDACTED]" in cleared.stderr and token.encode() not in cleared.stderr


# -- ERRCAT_CATALOG -------------------------------------------------------------------------------------
# A path in ERRCAT_CATALOG that is wrong (set in a profile long ago) was refused as a --catalog path is,
# without a word of where it came from; and a quoted "~/errors" (the shell leaves ~ as it is in quotes)
# was looked for as a folder named "~", where ERRCAT_CACHE_DIR's ~ is the home folder.


def test_a_wrong_path_in_errcat_catalog_says_it_was_set_there(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ERRCAT_CATALOG", str(tmp_path / "gone"))
    done = CliRunner().invoke(app, ["lookup", "400"])
    assert done.exit_code == 2
    assert done.output.strip() == f"errcat: catalog path not found: {tmp_path / 'gone'} (set in ERRCAT_CATALOG)"
    monkeypatch.delenv("ERRCAT_CATALOG")
    given = CliRunner().invoke(app, ["lookup", "400", "--catalog", str(tmp_path / "gone")])
    assert given.exit_code == 2 and "ERRCAT_CATALOG" not in given.output  # a path given on the line is the line's


def test_a_tilde_in_errcat_catalog_is_the_home_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "errors").mkdir()
    (tmp_path / "errors" / "team.yaml").write_bytes(_TEAM.read_bytes())
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("ERRCAT_CATALOG", "~/errors")
    done = CliRunner().invoke(app, ["lookup", "TeamGatewayTimeout"])
    assert done.exit_code == 0 and "Our proxy timed out waiting for MYOB." in done.output


# -- an empty or relative HOME ----------------------------------------------------------------------------
# HOME=rel (a service's HOME=., a script's HOME=$UNSET_VAR/x) made ./rel/.cache/errcat in whatever folder
# errcat ran from, and an empty HOME (read by Python as "/") put the cache at /.cache/errcat. Both now
# take the password database's home, as Python does for HOME unset.


class _User:
    def __init__(self, home: Path) -> None:
        self.pw_dir = str(home)


@pytest.mark.parametrize("home", ["", "rel", ".", " "])
def test_an_empty_or_relative_home_makes_no_cache_folder_where_errcat_runs(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, home: str
) -> None:
    import pwd

    import errcat
    from errcat.fs import cache_dir

    for name in ("ERRCAT_CACHE_DIR", "XDG_CACHE_HOME", "ERRCAT_NO_CACHE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", home)
    monkeypatch.setattr(pwd, "getpwuid", lambda uid: _User(tmp_path / "users-home"))
    (tmp_path / "users-home").mkdir()  # a home that does not exist is none (test_hostile19)
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    assert cache_dir() == tmp_path / "users-home" / ".cache" / "errcat"
    with errcat.open_catalog(use_env=False) as catalog:
        assert catalog.lookup("25008").found
    assert list((tmp_path / "work").iterdir()) == []


# -- a log whose lines end in a lone CR ---------------------------------------------------------------------
# Classic Mac OS's line end, which some tools still write: scan read such a log as one line, so five errors
# counted as one, and a log of them past 1 MiB was skipped whole ("line longer than 1,048,576 bytes").

_ERROR_LINE = '2026-11-19T10:00:00Z ERROR POST https://api.myob.com/accountright/x 400 {"Errors":[{"Name":"ValidationError"}]}'


def _cr_log(errors: int, filler: int) -> bytes:
    quiet = ["2026-11-19T10:00:01Z INFO synced " + "x" * 100] * filler
    lines = [_ERROR_LINE] * errors + quiet + [_ERROR_LINE]
    return "\r".join(lines).encode() + b"\r"


@pytest.mark.parametrize(("errors", "filler"), [(4, 0), (2, 12_000)], ids=["small", "past-1-MiB"])
def test_a_log_whose_lines_end_in_cr_is_scanned_line_by_line(tmp_path: Path, errors: int, filler: int) -> None:
    import json

    log = tmp_path / "mac.log"
    log.write_bytes(_cr_log(errors, filler))
    for args, given in ([str(log)], None), (["-"], log.read_bytes()):
        done = CliRunner().invoke(app, ["scan", "-f", "json", *args], input=given)
        assert done.exit_code == 0, done.output
        report = json.loads(done.stdout)
        assert report["summary"]["error_records"] == errors + 1
        assert report["inputs"][0]["lines"] == errors + filler + 1 and not report["skipped"]["places"]


# -- "400 Client Error: " repeated to the paste cap ---------------------------------------------------------
# is_status_noise searched the whole line for requests' "400 Client Error: ... for url: ...", reading 200
# characters ahead of every "Error: " (0.3 s of a 2 MB paste, outside the gate). It now searches only
# near each " for url: ", with the same answers.


class _Searched:
    def __init__(self, pattern: Any) -> None:
        self.pattern, self.spans = pattern, []

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        end = len(text) if endpos is None else min(endpos, len(text))
        self.spans.append(end - pos)
        return self.pattern.search(text, pos, end)


def test_a_line_of_client_errors_without_a_url_is_not_searched_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    split = importlib.import_module("errcat.explainer.split")  # the package's split is its function
    searched = _Searched(split._PYTHON_HTTP_ERROR)
    monkeypatch.setattr(split, "_PYTHON_HTTP_ERROR", searched)
    line = "400 Client Error: " * 100_000
    assert split.is_status_noise(line) is False and sum(searched.spans) == 0
    assert split.is_status_noise(line + "Bad Request for url: https://api.example.test/x") is True
    assert sum(searched.spans) < 1_000


def test_status_noise_answers_as_a_search_of_the_whole_line() -> None:
    import random

    split = importlib.import_module("errcat.explainer.split")
    parts = ["400 Client Error: ", "503 Server Error: ", " for url: ", "https://a/b", " ", "\n", "Bad Request", "x" * 150]
    rng = random.Random(11)
    for _ in range(20_000):
        text = "".join(rng.choice(parts) for _ in range(rng.randrange(1, 12)))
        assert split.is_status_noise(text) == bool(split._PYTHON_HTTP_ERROR.search(text)), text


def test_a_cluster_worker_reads_a_cr_log_line_by_line_too(tmp_path: Path) -> None:
    """A Dask worker opens a whole input itself (scan --dask): the same reading as a local scan's."""
    from errcat.scan import cluster
    from errcat.scan.inputs import Input

    log = tmp_path / "mac.log"
    log.write_bytes(_cr_log(4, 0))
    read = b"".join(cluster._opened_chunks(Input(str(log), str(log)), str(log)))
    assert read.count(b"\n") == 5 and b"\r" not in read

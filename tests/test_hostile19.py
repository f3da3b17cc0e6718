"""Hostile input, nineteenth round (hostile19 harness under /work/notes): what it found past rounds 1-18, and a log
rotated by rename while workers read it by its path (no /proc: macOS, Windows)."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from errcat.scan import ScanOptions, scan

MYOB = '2026-11-19T02:00:01Z ERROR POST https://api.myob.com/x -> 400 {"Errors":[{"Name":"A","ErrorCode":1}]}'
SAGE = (
    "2026-11-19T03:00:01Z ERROR GET https://api.accounting.sage.com/v3.1/contacts/1 -> 404 "
    '[{"$severity":"error","$dataCode":"RecordNotFound","$message":"Couldn\'t find record.","$source":""}]'
)


def _log(error: str, records: int) -> str:
    """``records`` blocks of an error line among 60 lines of noise (~5 KB a block)."""
    noise = [f"2026-11-19T02:00:00Z INFO worker {k} polled the queue and found nothing to do" for k in range(60)]
    return "".join("\n".join([*noise[:30], error, *noise[30:]]) + "\n" for _ in range(records))


@pytest.mark.skipif(sys.platform == "win32", reason="an open file cannot be renamed on Windows")
def test_a_log_rotated_by_rename_mid_scan_is_not_read_on_in_the_new_file_without_proc(index, monkeypatch, tmp_path):
    """review8: without /proc, workers read a big file by its path; logrotate's default (rename the log away, make a
    new one at its path) mid-scan left them reading the new file: its errors were counted as the old one's, lines
    past the old file's reported, and nothing said. Now a range read from another file than the one the scan opened
    is dropped and the report says the file was replaced, with what was read before, as for a file that shrank."""
    import errcat.scan as scan_module
    from errcat.scan import parallel

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the stand-in worker below reaches workers by fork only")
    path = tmp_path / "app.log"
    path.write_text(_log(MYOB, 1000))  # ~5 MB: ranges of 1 MB
    rotated, first_read = tmp_path / "app.log.1", tmp_path / "first-read"
    real = parallel._find

    def find(inp, begin, start, stop, end):
        if not start:
            found = real(inp, begin, start, stop, end)
            first_read.touch()
            return found
        for _ in range(1000):  # rotated once the first range was read
            if first_read.exists():
                break
            time.sleep(0.01)
        with contextlib.suppress(FileNotFoundError, FileExistsError):
            os.link(inp.path, rotated)  # one worker rotates: mv app.log app.log.1, then a new app.log
            os.replace(tmp_path / _new_log(tmp_path), inp.path)
        return real(inp, begin, start, stop, end)

    find.__module__, find.__qualname__ = parallel.__name__, "_find"  # pickled by name; forked workers see the patch
    monkeypatch.setattr(scan_module, "PARALLEL_MIN", 0)
    monkeypatch.setattr(parallel, "_find", find)
    monkeypatch.setattr(parallel, "_held", lambda f, path: path)  # as where there is no /proc
    report = scan(index, [str(path)], ScanOptions(workers=2))
    (stats,) = report.inputs
    assert rotated.exists() and path.read_text().count(SAGE) == 2000  # the rotation happened
    assert {key[0] for key in [*report.matched, *report.unmatched]} == {"myob"}  # nothing of the new file is counted
    assert stats.broken and stats.broken.startswith(parallel.REPLACED)
    assert stats.broken.endswith(f"; {stats.bytes:,} bytes and {stats.lines:,} lines were read before it")
    assert 0 < stats.lines < 61_000 and stats.bytes < rotated.stat().st_size
    assert [(s.line, s.what) for s in report.skipped] == [(stats.lines + 1, stats.broken)]


def _new_log(folder: Path) -> str:
    """The new log, written aside first (made whole, as a logger's new file is only once it has grown)."""
    name = f"new-{os.getpid()}.log"
    (folder / name).write_text(_log(SAGE, 2000))
    return name


# -- a home folder that does not exist ------------------------------------------------------------------------
# Debian's nobody and many service users have HOME=/nonexistent so that nothing is kept there: errcat made that
# folder (as any user allowed to, root in a container), with .cache/errcat in it, on its first run.


@pytest.mark.parametrize("how", ["HOME", "password database"])
def test_a_home_folder_that_does_not_exist_is_not_made_for_the_cache(tmp_path, how):
    home = tmp_path / "nonexistent"
    env = {k: v for k, v in os.environ.items() if k not in ("ERRCAT_CACHE_DIR", "XDG_CACHE_HOME", "ERRCAT_NO_CACHE", "HOME")}
    code = "import errcat.__main__ as m; m.main()"
    if how == "HOME":
        env["HOME"] = str(home)
    else:  # HOME unset: the password database's home, Python's own fallback
        code = (
            "import pwd; pwd.getpwuid = lambda uid: pwd.struct_passwd(('u', 'x', uid, uid, '', "
            f"{str(home)!r}, '/bin/sh')); import errcat.__main__ as m; m.main()"
        )
    done = subprocess.run([sys.executable, "-c", code, "lookup", "11003"], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0 and "CustomerNotFound" in done.stdout
    assert not home.exists()
    (line,) = done.stderr.splitlines()
    assert line.startswith("errcat: warning: cannot use the cache folder ~/.cache/errcat (no home folder")


# -- JSON log lines of 64 KiB whose message holds the request beside a body field ------------------------------
# A line whose "body" (or "response", "data", ...) field was found was read as that body alone: its message, holding
# the request ("POST https://api.myob.com/... -> 400"), was dropped, and with it the only evidence of the vendor. Every
# 64 KiB line of such a log was counted as "unknown vendor", where explain of one line names MYOB and its entry.


def test_a_json_log_line_keeps_the_request_its_message_holds_beside_a_body(index, tmp_path):
    import json

    line = {
        "ts": "2026-11-19T02:00:00Z",
        "level": "error",
        "msg": "POST https://api.myob.com/accountright/x/Sale/Invoice/Service -> 400",
        "body": {"Errors": [{"ErrorCode": 11003, "Name": "CustomerNotFound"}]},
        "pad": "x" * (64 * 1024),
    }
    path = tmp_path / "app.jsonl"
    path.write_text((json.dumps(line) + "\n") * 50)
    report = scan(index, [str(path)], ScanOptions(workers=1))
    assert not report.unmatched and report.matched_count == 50
    (key,) = report.matched
    assert key[0] == "myob" and report.matched[key].entry_id == "myob.observed.customer-not-found"


def test_completion_is_not_installed_into_a_home_folder_that_does_not_exist(tmp_path):
    """--install-completion made the missing home and its .bashrc; it is refused now, in one line."""
    home = tmp_path / "nonexistent"
    env = {**os.environ, "HOME": str(home), "SHELL": "/bin/bash"}
    done = subprocess.run(
        [sys.executable, "-m", "errcat", "--install-completion", "bash"], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 2 and not home.exists()
    assert done.stderr.splitlines() == [
        "errcat: no home folder (HOME is unset or empty, or names no folder): completion is installed in the home folder"
    ]

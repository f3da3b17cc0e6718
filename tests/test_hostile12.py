"""Hostile input, twelfth round: what rounds 1-11 left out. Rows run the real CLI in a subprocess (a home
folder of its own, a file-size limit as a full disk) and the real API."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ERRCAT = [sys.executable, "-m", "errcat"]

# -- errcat --install-completion ---------------------------------------------------------------------------
# Typer's installer read ~/.bashrc (or ~/.zshrc) and wrote it back whole: a full disk part-way left the user's
# start-up file cut short, a .bashrc that is a folder or a link to a device was a 20-line traceback, a missing
# pwsh a FileNotFoundError traceback. errcat appends the line it needs, or undoes the append, in one line.


def _install(home: Path, *args: str, limited: bool = False, path: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOME": str(home), "SHELL": "/bin/bash", "PATH": path or os.environ.get("PATH", "")}
    env.pop("XDG_CACHE_HOME", None)
    return subprocess.run(
        [*ERRCAT, "--install-completion", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=_limited_to_100_kb if limited else None,
    )


def _limited_to_100_kb() -> None:
    """The child's file-size limit, as a full disk: a write past it fails (EFBIG) after what fits."""
    import resource
    import signal

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of the signal that kills
    resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))


@pytest.mark.parametrize("shell, start_up", [("bash", ".bashrc"), ("zsh", ".zshrc")])
def test_a_full_disk_never_cuts_the_users_start_up_file_short(tmp_path: Path, shell: str, start_up: str) -> None:
    rc = tmp_path / start_up
    mine = "".join(f"alias a{i}='echo {i}'\n" for i in range(8000)).encode()  # 150 KB: past the limit
    rc.write_bytes(mine)
    done = _install(tmp_path, shell, limited=True)
    assert rc.read_bytes() == mine  # not cut to the limit (the rewrite kept 100,000 bytes of it)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr == f"errcat: cannot install {shell} completion: {rc}: File too large\n"


def test_install_appends_once_and_keeps_a_last_line_without_its_newline(tmp_path: Path) -> None:
    rc = tmp_path / ".bashrc"
    rc.write_text("alias ll='ls -l'")  # no newline at the end: the line errcat adds goes on a line of its own
    for _ in range(2):
        done = _install(tmp_path, "bash")
        assert done.returncode == 0, done.stderr
    script = tmp_path / ".bash_completions" / "errcat.sh"
    assert done.stdout.splitlines()[0] == f"bash completion installed in {script}"
    assert rc.read_text() == f"alias ll='ls -l'\nsource '{script}'\n"
    assert "_ERRCAT_COMPLETE" in script.read_text()


def test_a_zstyle_of_the_users_own_is_kept(tmp_path: Path) -> None:
    rc = tmp_path / ".zshrc"
    rc.write_text("zstyle ':completion:*' menu no\n")
    assert _install(tmp_path, "zsh").returncode == 0
    kept = rc.read_text()
    assert kept.startswith("zstyle ':completion:*' menu no\n") and "menu select" not in kept
    assert "fpath+=~/.zfunc; autoload -Uz compinit; compinit" in kept


@pytest.mark.parametrize("kind", ["folder", "device", "fifo"])
def test_a_start_up_file_that_is_no_file_is_one_line_and_left_alone(tmp_path: Path, kind: str) -> None:
    rc = tmp_path / ".bashrc"
    if kind == "folder":
        rc.mkdir()
    elif kind == "device":
        rc.symlink_to("/dev/full")
    else:
        os.mkfifo(rc)  # opened to read, it waited for a writer for ever
    done = _install(tmp_path, "bash")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr == f"errcat: cannot install bash completion: {rc}: not a regular file\n"
    assert kind != "folder" or not any(rc.iterdir())


def test_a_powershell_that_is_not_installed_is_one_line(tmp_path: Path) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    done = _install(tmp_path, "pwsh", path=str(empty))
    assert done.returncode == 2
    assert done.stderr == "errcat: pwsh is not installed here, so its completion cannot be installed\n"


# -- a catalog folder that changes while errcat reads it -----------------------------------------------------
# Files are listed, then hashed (the cache key), then read. A file deleted or replaced by a folder in between
# was a FileNotFoundError / IsADirectoryError traceback; replaced by a link to /dev/zero it was hashed for ever,
# by a FIFO its open waited for ever. Each is now one line naming the file (exit 2), or a problem at its line.

_CHANGED_AFTER_LISTING = """
import os, sys
from pathlib import Path
from errcat.errors import UsageError
from errcat.index.cache import content_hash, file_states
from errcat.catalog.load import read_file
folder = Path(sys.argv[1])
said = []
for kind in ("deleted", "folder", "zero", "fifo"):
    path = folder / f"{kind}.yaml"
    path.write_text("errcat: 1\\n")
    states = file_states([(1, path)])  # listed while it was a file
    path.unlink()
    if kind == "folder":
        path.mkdir()
    elif kind == "zero":
        path.symlink_to("/dev/zero")
    elif kind == "fifo":
        os.mkfifo(path)
    try:
        content_hash(states)
    except UsageError as exc:
        said.append(str(exc))
    if kind != "deleted":
        said.append("; ".join(p.message for p in read_file(path, 1, True).problems))
print("\\n".join(said))
"""


def test_a_catalog_file_replaced_after_it_was_listed_is_one_line_not_a_traceback_or_a_wait(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _CHANGED_AFTER_LISTING, str(tmp_path)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0 and done.stderr == "", done.stderr[-2000:]
    changed = "changed while errcat read it"
    assert done.stdout.splitlines() == [
        f"catalog file {tmp_path}/deleted.yaml {changed} (No such file or directory): run the command again",
        f"catalog file {tmp_path}/folder.yaml {changed} (it is no regular file now): run the command again",
        "cannot read: it is no regular file now (replaced while errcat read it)",
        f"catalog file {tmp_path}/zero.yaml {changed} (it is no regular file now): run the command again",
        "cannot read: it is no regular file now (replaced while errcat read it)",
        f"catalog file {tmp_path}/fifo.yaml {changed} (it is no regular file now): run the command again",
        "cannot read: it is no regular file now (replaced while errcat read it)",
    ]


# -- the Python API given text whose own methods raise -------------------------------------------------------
# A str subclass is text, but its methods are the caller's: one whose lower(), strip() or __str__ raises (or
# never returns) made list(vendor=...), explain, endpoints, export, scan and open_catalog raise its error from deep
# inside errcat (or hang). Each is read as the plain text it holds; an object that is no text is refused by type.


TEAM_FILE = Path(__file__).resolve().parent.parent / "examples" / "team-errors.yaml"


class _Raising(str):
    def __str__(self) -> str:
        raise RuntimeError("the caller's __str__")

    def lower(self) -> str:  # type: ignore[override]
        raise RuntimeError("the caller's lower")

    def strip(self, chars: str | None = None) -> str:  # type: ignore[override]
        raise RuntimeError("the caller's strip")


class _NoText:
    def __str__(self) -> str:
        raise RuntimeError("the caller's __str__")


def _api_calls(catalog, tmp_path: Path) -> dict[str, object]:
    log = tmp_path / "app.log"
    log.write_text('HTTP/1.1 400 Bad Request {"Errors":[{"Name":"ValidationError","Message":"x"}]}\n')
    import errcat

    return {
        "list vendor": lambda: catalog.list(vendor=_Raising("myob")),
        "list severity": lambda: catalog.list(severity=_Raising("error")),
        "list status": lambda: catalog.list(status=_NoText()),
        "explain": lambda: catalog.explain(_Raising("HTTP/1.1 401 Unauthorized")),
        "explain vendor": lambda: catalog.explain("HTTP/1.1 401 Unauthorized", vendor=_Raising("sage")),
        "endpoints": lambda: catalog.endpoints(_Raising("myob")),
        "export": lambda: catalog.export(_Raising("myob")),
        "scan": lambda: catalog.scan([_Raising(str(log))]),
        "open": lambda: errcat.open_catalog([_Raising(str(TEAM_FILE))]),
    }


def test_text_whose_own_methods_raise_is_read_as_its_text_from_threads_and_asyncio(catalog, tmp_path: Path) -> None:
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    import errcat

    calls = _api_calls(errcat.ErrorCatalog(catalog), tmp_path)

    def outcome(call) -> str:
        try:
            call()
        except errcat.UsageError as exc:
            return f"UsageError: {exc}"
        except Exception as exc:  # what the test looks for
            return f"{type(exc).__name__}: {exc}"
        return "answered"

    async def on_the_loop() -> list[str]:
        return await asyncio.gather(*(asyncio.to_thread(outcome, c) for c in calls.values()))

    with ThreadPoolExecutor(4) as pool:
        threaded = list(pool.map(outcome, calls.values()))
    for results in (threaded, asyncio.run(on_the_loop())):
        got = dict(zip(calls, results, strict=True))
        assert got.pop("list status") == "UsageError: status must be an HTTP status from 100 to 599, not '_NoText'"
        assert got == dict.fromkeys(got, "answered")


# -- httpx hooks given a response made without a request ------------------------------------------------------
# httpx.Response(400, json=...) (a unit test's double, a mock transport's answer) has no request, and httpx's
# .request raises RuntimeError: the hooks raised that in place of the explained error, sync and async.


def test_an_httpx_response_without_a_request_is_still_explained(catalog) -> None:
    import asyncio

    import httpx

    import errcat
    from errcat.integrations import httpx as hooks

    body = {"Errors": [{"Name": "ValidationError", "Message": "Encountered a validation error", "ErrorCode": 1024}]}
    on_the_loop = hooks.async_hook(vendor="myob", catalog=errcat.ErrorCatalog(catalog))
    for run in (
        lambda r: hooks.hook(vendor="myob", catalog=errcat.ErrorCatalog(catalog))(r),
        lambda r: asyncio.run(on_the_loop(r)),
    ):
        with pytest.raises(httpx.HTTPStatusError) as raised:
            run(httpx.Response(400, json=body))
        assert isinstance(raised.value, errcat.VendorError)
        assert raised.value.explanation.errors[0].best is not None  # the documented 1024, not a RuntimeError
        assert raised.value.response.status_code == 400


# -- errcat mcp writing to a full disk -----------------------------------------------------------------------
# The SDK's writer meets ENOSPC inside a task group: a 60-line ExceptionGroup traceback, exit 1. Said in one
# line now, exit 2, as every other command says output that cannot be written.

_INITIALIZE = (
    '{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2024-11-05",'
    '"capabilities":{},"clientInfo":{"name":"t","version":"1"}}}\n'
)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("catalog_args", [(), ("--catalog", str(TEAM_FILE))])
def test_mcp_to_a_full_disk_is_one_line_and_exit_2(catalog_args: tuple[str, ...]) -> None:
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [*ERRCAT, "mcp", *catalog_args], input=_INITIALIZE.encode(), stdout=full, stderr=subprocess.PIPE, timeout=120
        )
    assert done.returncode == 2
    assert done.stderr.decode() == "errcat: cannot write the output: No space left on device\n"


# -- stderr that cannot be written ---------------------------------------------------------------------------
# An error line written to a full stderr raised again while it was being said: a traceback no one saw, and
# exit 1 in place of the documented code. A closed stderr (2>&-) made scan fail on its first look at it
# (AttributeError), its report lost. The code stays the documented one; the report is written.

_LOG_LINE = '2026-03-01T10:00:00Z ERROR HTTP/1.1 400 Bad Request {"Errors":[{"Name":"ValidationError","Message":"x"}]}\n'


def _with_stderr(args: list[str], stderr: str) -> subprocess.CompletedProcess[bytes]:
    """Run errcat with stderr "closed" (2>&-) or sent to /dev/full."""
    if stderr == "closed":
        return subprocess.run(
            ["sh", "-c", 'exec "$@" 2>&-', "sh", *ERRCAT, *args], stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, timeout=120
        )
    with open("/dev/full", "wb") as full:
        return subprocess.run([*ERRCAT, *args], stdout=subprocess.PIPE, stderr=full, stdin=subprocess.DEVNULL, timeout=120)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("stderr", ["closed", "full"])
def test_stderr_that_cannot_be_written_keeps_the_exit_code_and_the_output(tmp_path: Path, stderr: str) -> None:
    log = tmp_path / "app.log"
    log.write_text(_LOG_LINE)
    broken = tmp_path / "broken.yaml"
    broken.write_text("errcat: 1\nerrcat: 2\n")
    scanned = _with_stderr(["scan", str(log), "-f", "json"], stderr)
    assert scanned.returncode == 0 and b'"kind": "scan"' in scanned.stdout
    assert _with_stderr(["scan", str(tmp_path / "missing.log")], stderr).returncode == 2
    assert _with_stderr(["lookup", "--vendor"], stderr).returncode == 2
    assert _with_stderr(["lookup", "401", "--catalog", str(broken)], stderr).returncode == 3
    assert _with_stderr(["lookup", "NoSuchErrorAnywhere"], stderr).returncode == 1


# -- one catalog file given many times ------------------------------------------------------------------------
# Each copy was read, hashed and compiled as a layer of its own: one file given 100,000 times through the API
# took 141 s and 1 GB, and a file given twice overrode itself ("overrides the one at" its own line).


def test_a_catalog_file_given_many_times_is_read_once(tmp_path: Path) -> None:
    import time

    import errcat

    copy = tmp_path / "team.yaml"
    copy.write_text(TEAM_FILE.read_text())
    started = time.process_time()
    opened = errcat.open_catalog([copy] * 3000 + [tmp_path], builtin=False, use_env=False)
    assert time.process_time() - started < 20  # 3,000 copies compiled: over a minute
    assert [e.id for e in opened.entries] == ["myob.team.proxy-timeout"]
    problems = errcat.validate([copy, str(copy), tmp_path], builtin=False)
    assert not [p for p in problems if p.code == "CAT012"]  # no file overrides itself


# -- shell completion given junk by the shell ------------------------------------------------------------------
# A completion script passes COMP_CWORD and COMP_WORDS; junk there (COMP_CWORD=abc) was a ValueError traceback
# printed into the command line being typed. It completes nothing now, silently.


@pytest.mark.parametrize("cword", ["abc", ""])
def test_a_completion_request_with_junk_completes_nothing_without_a_traceback(cword: str) -> None:
    env = {**os.environ, "_ERRCAT_COMPLETE": "complete_bash", "COMP_WORDS": "errcat lookup --vendor ", "COMP_CWORD": cword}
    script = [str(Path(sys.executable).with_name("errcat"))]  # the shell runs the script: its name picks the variable
    done = subprocess.run(script, env=env, capture_output=True, text=True, timeout=60)
    assert (done.stdout, done.stderr) == ("", "")
    assert done.returncode == 1
    asked = subprocess.run(script, env={**env, "COMP_CWORD": "3"}, capture_output=True, text=True, timeout=60)
    assert asked.stdout.split() == ["invoicexpress", "myob", "prospend", "sage"]  # a good request still completes


# -- a catalog folder nested deeper than Python's recursion ------------------------------------------------------
# os.walk recursed once a folder (Python 3.11): a catalog folder 1,500 folders deep was a RecursionError traceback.


def test_a_catalog_folder_1500_deep_loads_its_file(tmp_path: Path) -> None:
    import errcat
    from errcat.fs import make_folders, remove_tree

    deepest = Path(tmp_path, *(["d"] * 1500))
    make_folders(deepest)  # one mkdir each: Path.mkdir(parents=True) recurses too
    try:
        (deepest / "team.yaml").write_text(TEAM_FILE.read_text())
        opened = errcat.open_catalog([tmp_path], builtin=False, use_env=False)
        assert [e.id for e in opened.entries] == ["myob.team.proxy-timeout"]
        assert errcat.validate([tmp_path], builtin=False) == []
    finally:  # pytest's own clean-up of old temporary folders (shutil.rmtree) fails on 1,500 levels
        remove_tree(tmp_path / "d")


# -- docs --out naming something that is no folder -------------------------------------------------------------
# A FIFO or a device given as --out was called "a file": the error names what it is.


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_docs_out_a_pipe_or_a_device_is_named_for_what_it_is(cli, tmp_path: Path) -> None:
    fifo = tmp_path / "pages"
    os.mkfifo(fifo)
    for out, kind in ((fifo, "a pipe (FIFO)"), (Path("/dev/full"), "a device")):
        done = cli("docs", "--out", str(out))
        assert done.exit_code == 2
        assert done.stderr == f"errcat: cannot write pages to {out}: it is {kind}, not a folder (name a folder for the pages)\n"

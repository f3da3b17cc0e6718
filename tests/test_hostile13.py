"""Hostile input, thirteenth round: leftovers of round 12 and what rounds 1-12 did not reach. Rows run the real
CLI in a subprocess (a real server on 127.0.0.1 for --dask) and the real Python API."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from localserver import raw_serving

ERRCAT = [sys.executable, "-m", "errcat"]


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*ERRCAT, *args], capture_output=True, text=True, timeout=90, env=env)


# -- scan --dask at an address that answers but is no Dask scheduler ---------------------------------------
# distributed read the first 8 bytes of an HTTP server's answer as a frame length (bytearray of exabytes: a
# MemoryError traceback), or a short answer as frames it could not decode (a CRITICAL log's traceback, then
# "cannot reach the scheduler (FormatError)"): one line saying the address is not a Dask scheduler.


@pytest.fixture
def answering() -> Iterator[tuple[int, list[bytes]]]:
    """A server on 127.0.0.1 that answers every connection with the bytes put in its list; its port."""
    answer: list[bytes] = [b""]
    one_at_a_time = threading.Lock()  # a client's next connection waits, unanswered, while one is answered

    def reply(conn: socket.socket) -> None:
        with one_at_a_time, conn:
            conn.sendall(answer[0])
            conn.recv(1 << 16)  # until the client hangs up

    with raw_serving(reply) as port:
        yield port, answer


@pytest.mark.parametrize(
    "answer, why",
    [
        (b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n" * 4, "MemoryError"),  # 'HTTP/1.1' as a length
        (bytes.fromhex("180000000000000001000000000000000800000000000000") + b"\xc1" * 8, "FormatError"),
    ],
    ids=["http", "garbage-frame"],
)
def test_dask_at_a_server_that_is_no_scheduler_is_one_line(
    tmp_path: Path, answering: tuple[int, list[bytes]], answer: bytes, why: str
) -> None:
    pytest.importorskip("distributed")
    port, answers = answering
    answers[0] = answer
    log = tmp_path / "app.log"
    log.write_text("2026-03-01T10:00:00Z ERROR HTTP/1.1 400 Bad Request {}\n")
    address = f"tcp://127.0.0.1:{port}"
    done = run("scan", str(log), "--dask", address)
    assert done.returncode == 2, done.stderr
    assert done.stderr == f"errcat: --dask {address}: the address answers, but not as a Dask scheduler ({why})\n"


# -- the hooks given what is not a response -----------------------------------------------------------------
# A hook called by hand (a test, a wrapper) with None, text or a Response that has no status yet raised an
# AttributeError ('NoneType' object has no attribute 'status_code') or a TypeError from inside errcat.


@pytest.mark.parametrize("given", [None, "HTTP/1.1 500", 500, object()], ids=["None", "str", "int", "object"])
@pytest.mark.parametrize("client", ["requests", "httpx"])
def test_a_hook_given_no_response_says_what_it_got(client: str, given: object) -> None:
    import importlib

    import errcat

    hooks = importlib.import_module(f"errcat.integrations.{client}")
    with pytest.raises(errcat.UsageError) as raised:
        hooks.hook()(given)
    assert str(raised.value) == (
        f"errcat.integrations.{client}.hook: expected a {client} Response with an HTTP status, got {type(given).__name__}"
    )


def test_a_requests_response_without_a_status_is_named_and_the_async_hook_says_the_same() -> None:
    import asyncio

    import requests

    import errcat
    from errcat.integrations import httpx as httpx_hooks
    from errcat.integrations import requests as requests_hooks

    with pytest.raises(errcat.UsageError, match=r"expected a requests Response with an HTTP status, got Response$"):
        requests_hooks.hook()(requests.Response())  # status_code None: was a TypeError comparing None >= 400
    with pytest.raises(errcat.UsageError, match=r"expected a httpx Response with an HTTP status, got str$"):
        asyncio.run(httpx_hooks.async_hook()("HTTP/1.1 500"))


def test_a_stand_in_with_a_status_is_still_explained() -> None:
    """Duck typing kept: an object with a status, headers and a body (a test's stand-in) is explained, its
    missing ``request`` no AttributeError."""
    from types import SimpleNamespace

    from errcat.integrations import VendorError
    from errcat.integrations import httpx as httpx_hooks
    from errcat.integrations import requests as requests_hooks

    for hook in (requests_hooks.hook(), httpx_hooks.hook()):
        stand_in = SimpleNamespace(status_code=503, headers={"Content-Type": "text/plain"}, text="unavailable")
        with pytest.raises(VendorError) as raised:
            hook(stand_in)
        assert raised.value.explanation.exchange.status == 503


# -- paths whose own __fspath__ fails -----------------------------------------------------------------------
# open_catalog and scan let the object's own exception out (RuntimeError, or TypeError for an __fspath__ that
# gives an int) from deep inside; the name of what was wrong, once.


class _Raises:
    def __fspath__(self) -> str:
        raise RuntimeError("a secret-looking text: Zq3kFqT0yVb9LmRw")


class _GivesInt:
    def __fspath__(self) -> int:
        return 3


@pytest.mark.parametrize("path, why", [(_Raises(), "RuntimeError"), (_GivesInt(), "TypeError")], ids=["raises", "int"])
def test_a_path_whose_fspath_fails_is_one_usage_error(path: object, why: str) -> None:
    import errcat

    kind = type(path).__name__
    for one in (path, [path]):
        with pytest.raises(errcat.UsageError) as raised:
            errcat.open_catalog(one, use_env=False)  # type: ignore[arg-type]
        assert str(raised.value) == f"a catalog path ({kind}) has no name: its __fspath__ failed ({why})"
    with errcat.open_catalog(use_env=False) as catalog:
        for one in (path, [path]):
            with pytest.raises(errcat.UsageError) as raised:
                catalog.scan(one)  # type: ignore[arg-type]
            assert str(raised.value) == f"a file name to scan ({kind}) has no name: its __fspath__ failed ({why})"


# -- a UTF-8 argument in the C locale -----------------------------------------------------------------------
# With coercion off (PYTHONCOERCECLOCALE=0 LC_ALL=C) Python decodes the command line as ASCII, each other byte a
# lone surrogate: search echoed '\udcc3\udc9cn...', lookup '��', and a search for 'é' said "empty search". The
# same bytes typed now get the answer a UTF-8 locale gives; bytes that are not UTF-8 are said to be lost.

C_LOCALE = {"PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0", "LC_ALL": "C"}


def _bytes_run(args: list[bytes], env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*ERRCAT, *args], capture_output=True, timeout=90, env={**os.environ, **env})  # type: ignore[list-item]


@pytest.mark.parametrize(
    "args",
    [
        ["lookup", "Ünï"],
        ["search", "Ünïcödé"],
        ["search", "é"],
        ["lookup", "NotFound", "--vendor", "myöb"],
        ["search", "token", "--endpoint", "/accounts/ünï"],
        ["lookup", "--format", "json", "Ünï"],
    ],
    ids=["lookup", "search", "search-one-letter", "vendor", "endpoint", "lookup-json"],
)
def test_a_utf8_argument_in_the_c_locale_gets_the_utf8_locales_answer(args: list[str]) -> None:
    typed = [a.encode() for a in args]
    in_c = _bytes_run(typed, C_LOCALE)
    in_utf8 = _bytes_run(typed, {"PYTHONUTF8": "1", "LC_ALL": "C"})
    assert b"\\udc" not in in_c.stdout + in_c.stderr and "\N{REPLACEMENT CHARACTER}".encode() not in in_c.stderr
    assert (in_c.returncode, in_c.stderr) == (in_utf8.returncode, in_utf8.stderr)
    if "json" in args:  # the C locale's output escapes what ASCII lacks (\u00fc): the same document
        assert json.loads(in_c.stdout) == json.loads(in_utf8.stdout)
    else:
        assert in_c.stdout == in_utf8.stdout


def test_an_argument_that_is_not_utf8_is_said_to_be_lost() -> None:
    done = _bytes_run([b"lookup", "café".encode("latin-1")], C_LOCALE)  # a Latin-1 terminal's bytes
    assert done.returncode == 2
    assert done.stderr == (
        b"errcat: QUERY holds bytes that are not UTF-8: the terminal's encoding lost what was typed; "
        b"run errcat in a UTF-8 terminal and locale (LC_ALL=C.UTF-8)\n"
    )


# -- a --format typed with look-alike letters ---------------------------------------------------------------
# "'jѕon' is not one of 'table', 'json', 'markdown'" showed nothing wrong: its 's' is Cyrillic. Each letter that
# is not ASCII is named, in the one line and exit 2.


@pytest.mark.parametrize(
    "command, value, named",
    [
        (["lookup", "25008"], "jѕon", "'ѕ' is U+0455 CYRILLIC SMALL LETTER DZE"),
        (["search", "token"], "ｊson", "'ｊ' is U+FF4A FULLWIDTH LATIN SMALL LETTER J"),
        (["list"], "tаble", "'а' is U+0430 CYRILLIC SMALL LETTER A"),
    ],
)
def test_a_format_with_look_alike_letters_names_them(cli: Any, command: list[str], value: str, named: str) -> None:
    result = cli(*command, "--format", value)
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert f"{value!r} is not one of" in line and f"({named}: not ASCII)" in line


def test_a_format_that_is_plainly_wrong_names_no_letter(cli: Any) -> None:
    result = cli("lookup", "25008", "--format", "xml")
    assert result.exit_code == 2 and "not ASCII" not in result.stderr


# -- a folder to make with a file or a looping link in its way ----------------------------------------------
# mkdir's "File exists" was all errcat said for `docs --out notes.txt/pages` (a file part-way) and for a link
# that loops or leads nowhere; the cache warning then advised to "fix its owner".


def _in_the_way(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    (tmp_path / "notes.txt").write_text("mine\n")
    (tmp_path / "loop1").symlink_to(tmp_path / "loop2")
    (tmp_path / "loop2").symlink_to(tmp_path / "loop1")
    (tmp_path / "nowhere").symlink_to(tmp_path / "missing" / "folder")
    return {
        "file part-way": (tmp_path / "notes.txt" / "pages", f"{tmp_path / 'notes.txt'}: Not a directory"),
        "looping link": (tmp_path / "loop1", "Too many levels of symbolic links"),
        "looping link part-way": (tmp_path / "loop1" / "pages", f"{tmp_path / 'loop1'}: Too many levels of symbolic links"),
        "link to nothing": (tmp_path / "nowhere", "No such file or directory"),
    }


def test_docs_out_with_a_file_or_a_looping_link_in_the_way_says_which(cli: Any, tmp_path: Path) -> None:
    for out, said in _in_the_way(tmp_path).values():
        result = cli("docs", "--out", str(out))
        assert result.exit_code == 2
        assert result.stderr == f"errcat: cannot write pages to {out}: {said}\n"
    assert (tmp_path / "notes.txt").read_text() == "mine\n"


@pytest.mark.parametrize(
    "case, fix",
    [
        ("file part-way", "a part of its path is a file, not a folder"),
        ("looping link", "a part of its path is a link that loops"),
        ("link to nothing", "a part of its path leads nowhere (a link to nothing)"),
    ],
)
def test_a_cache_folder_with_a_looping_link_in_the_way_is_warned_of_with_its_fix(tmp_path: Path, case: str, fix: str) -> None:
    folder, _ = _in_the_way(tmp_path)[case]
    done = run("lookup", "25008", env={**os.environ, "ERRCAT_CACHE_DIR": str(folder), "ERRCAT_CATALOG": ""})
    assert done.returncode == 0
    (line,) = done.stderr.splitlines()
    assert line.startswith(f"errcat: warning: cannot use the cache folder {folder} (")
    assert line.endswith(f"({fix}, or set ERRCAT_CACHE_DIR to a folder of yours)")


# -- retry_advice given what is no response -----------------------------------------------------------------
# A retry library's result that is text, a number or an object of the caller's own was advised with the reason
# "HTTP None"; it now says what it was given, and a stand-in with a status is still read by its status.


@pytest.mark.parametrize("given", ["HTTP/1.1 503", 503, object()], ids=["str", "int", "object"])
def test_retry_advice_for_what_is_no_response_says_what_it_got(given: object) -> None:
    from errcat.integrations import retry_advice, should_retry

    advice = retry_advice(given)
    assert (advice.retry, advice.wait) == (False, "never") and not should_retry(given)
    assert advice.reason == f"{type(given).__name__} is no response with an HTTP status: nothing to go by"


def test_retry_advice_still_reads_a_stand_in_by_its_status() -> None:
    from types import SimpleNamespace

    from errcat.integrations import retry_advice

    advice = retry_advice(SimpleNamespace(status="429", headers={"Retry-After": "3"}))
    assert (advice.retry, advice.wait, advice.after) == (True, "wait-for-reset", 3.0)

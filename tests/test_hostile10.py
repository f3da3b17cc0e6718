"""Hostile input, tenth round: the slow hostile pastes outside the gate, a cache file replaced by a
folder, and the entry points the ninth round left out (threads and asyncio, the requests and httpx
hooks given hostile responses, hostile HAR and VCR shapes, docs --out onto what is in the way, env vars).
Rows run the real API, the real CLI (in a subprocess where a process matters) or a real MCP session."""

from __future__ import annotations

import os
import shutil
import signal as signals  # (a test names its parameter signal)
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from errcat.explainer import envelopes
from test_mcp import generated_token

ERRCAT = [sys.executable, "-m", "errcat"]


# -- 1. many small bodies, and the prompt of a 2 MB error -------------------------------------------


def test_a_body_repeated_on_every_line_is_walked_once_and_counted_every_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """A log holding the same body 10,000 times walked each copy (34,000 copies: 0.2 s); each copy still counts."""
    body = '{"error": "invalid_grant", "error_description": "The refresh token has expired"}'
    text = "".join(f"oauth2: cannot fetch token: 400 Bad Request\nResponse: {body}\n" for _ in range(10_000))
    walked = []
    value = envelopes._Reader.value

    def counted(self: Any, v: Any, depth: int = 0, key: str | None = None) -> bool:
        if depth == 0:
            walked.append(v)
        return value(self, v, depth, key)

    monkeypatch.setattr(envelopes._Reader, "value", counted)
    reading = envelopes.read_body(text)
    assert len(walked) == 1
    assert reading.total == 10_000 and len(reading.errors) == envelopes.MAX_ERRORS
    assert {e.code for e in reading.errors} == {"invalid_grant"}


def test_repeated_bodies_read_as_each_read_alone_up_to_the_node_bound() -> None:
    """Several bodies, each repeated, interleaved past MAX_NODES: the same errors and notes as reading
    every copy (the node bound falls inside a repeat, which must then be read, not replayed)."""
    bodies = ['{"Errors": [{"Name": "A", "Message": "One", "Severity": "Error"}]}', '{"code": 7, "message": "Two two"}']
    bodies += ['{"x": [1, 2, 3, {"y": "z"}]}']
    text = "\n".join(bodies[i % 3] for i in range(30_000))
    reading = envelopes.read_body(text)
    one_by_one = envelopes.Reading()
    reader = envelopes._Reader(one_by_one)
    for i in range(30_000):
        reader.value(envelopes._loads(bodies[i % 3]))
        if one_by_one.nodes > envelopes.MAX_NODES:
            break
    assert reading.total == one_by_one.total and reading.errors == one_by_one.errors
    assert reading.nodes == one_by_one.nodes and any("stopped after" in n for n in reading.notes)


def _prompt_cpu(error: str) -> tuple[float, str]:
    import anyio
    from mcp import Client

    from errcat.integrations.mcp import build_server

    async def main() -> tuple[float, str]:
        async with Client(build_server()) as client:
            await client.get_prompt("explain_api_error", {"error": "warm"})
            started = time.process_time()
            got = await client.get_prompt("explain_api_error", {"error": error})
            return time.process_time() - started, got.messages[0].content.text

    return anyio.run(main)


def test_the_prompt_of_a_2_mb_error_screens_what_it_shows_not_all_of_it() -> None:
    """prompts/get screened all 2 MB for credentials and showed 60,000 characters of it: 5.9 s."""
    pytest.importorskip("mcp")
    from errcat.integrations.mcp.bounds import MAX_CHARS

    line = 'oauth2: cannot fetch token: 400 Bad Request\nResponse: {"a": 1}\n'
    token = generated_token()
    at_cut = line * (MAX_CHARS // len(line)) + f"Authorization: Bearer {token}\n"  # a credential the cut falls inside
    small_cpu, _ = _prompt_cpu(at_cut + line * 2000)
    large_cpu, text = _prompt_cpu(at_cut + line * 30_000)
    assert token not in text and token[:20] not in text and "`explain` reads the whole error" in text
    assert large_cpu < 3 * small_cpu + 0.2, f"2 MB: {large_cpu:.2f} s CPU, 190 KB: {small_cpu:.2f} s"


# -- 2. a cache file replaced by a folder -----------------------------------------------------------


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("ERRCAT_CACHE_DIR", str(folder))
    monkeypatch.delenv("ERRCAT_NO_CACHE", raising=False)
    monkeypatch.delenv("ERRCAT_CATALOG", raising=False)
    return folder


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*ERRCAT, *args], capture_output=True, text=True, timeout=120, env=os.environ.copy())


@pytest.fixture(scope="module")
def first_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache folder as a first `errcat lookup` leaves it, made once for the module."""
    folder = tmp_path_factory.mktemp("first") / "cache"
    env = {k: v for k, v in os.environ.items() if k not in ("ERRCAT_NO_CACHE", "ERRCAT_CATALOG")}
    done = subprocess.run(
        [*ERRCAT, "lookup", "25008"], capture_output=True, text=True, timeout=120, env={**env, "ERRCAT_CACHE_DIR": str(folder)}
    )
    assert done.returncode == 0, done.stderr
    return folder


@pytest.fixture
def used_cache(cache: Path, first_run: Path) -> Path:
    """`cache` as a first run left it: each test below made it with a run of its own that built the index (over a
    second of CPU, four times); what they check, a run after a file is put in its place, is still each test's own."""
    shutil.copytree(first_run, cache)
    return cache


@pytest.mark.parametrize("suffix", [".sqlite", ".stat", ".lock"])
def test_a_cache_file_replaced_by_a_folder_is_rebuilt_once_without_a_warning(used_cache: Path, suffix: str) -> None:
    cache = used_cache
    (index,) = cache.glob("index-*.sqlite")
    if suffix == ".lock":
        index.unlink()  # the lock is opened when the index is built
    target = index.with_suffix(suffix)
    target.unlink(missing_ok=True)
    (target / "inside").mkdir(parents=True)
    (target / "inside" / "file").write_text("x")
    for _ in range(2):
        done = _run("lookup", "25008")
        assert done.returncode == 0 and done.stderr == "", done.stderr
    assert index.is_file() and not target.is_dir()


def test_cache_clear_removes_a_folder_put_in_a_cache_files_place(used_cache: Path) -> None:
    cache = used_cache
    (index,) = cache.glob("index-*.sqlite")
    made = []
    for name in (index.name, index.with_suffix(".stat").name, index.with_suffix(".lock").name, "regex-x-packed.marshal"):
        (cache / name).unlink(missing_ok=True)
        (cache / name / "inside").mkdir(parents=True)
        (cache / name / "inside" / "file").write_bytes(b"x" * 100)
        made.append(cache / name)
    (cache / "hyperscan").mkdir(exist_ok=True)
    (cache / "hyperscan" / "abc.db").mkdir()
    made.append(cache / "hyperscan" / "abc.db")
    done = _run("cache", "clear")
    assert done.returncode == 0, done.stderr
    assert [m for m in made if m.is_dir()] == []
    assert done.stderr.startswith("removed ") and [p.name for p in cache.iterdir()] == ["hyperscan"]


# -- 3. signals mid-output --------------------------------------------------------------------------

# The command line, with the signal sent at the worst moment: after every page is written to its
# temporary file, before the first is renamed over its page (a kill then left the temporaries).
TERMINATED_WHILE_WRITING = """
import os, signal, sys
import errcat.fs

class Os:
    def __getattr__(self, name):
        return getattr(os, name)
    def replace(self, a, b):
        os.kill(os.getpid(), signal.SIG{signal})
        return os.replace(a, b)

errcat.fs.os = Os()
sys.argv = ["errcat", *sys.argv[1:]]
from errcat.cli import main
main()
"""


@pytest.mark.parametrize(("signal", "code"), [("TERM", 143), ("HUP", 129)])
def test_a_terminated_docs_run_leaves_no_temporary_file_and_no_traceback(tmp_path: Path, signal: str, code: int) -> None:
    out = tmp_path / "pages"
    out.mkdir()
    (out / "myob.md").write_text("the page as it was\n")
    script = TERMINATED_WHILE_WRITING.replace("{signal}", signal)
    # SIGHUP at its default: a run under nohup ignores it, and errcat, started from it, then rightly goes on
    done = subprocess.run(
        [sys.executable, "-c", script, "docs", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=lambda: signals.signal(signals.SIGHUP, signals.SIG_DFL),
    )
    assert done.returncode == code, done.stderr
    assert "Traceback" not in done.stderr
    assert sorted(p.name for p in out.iterdir()) == ["myob.md"]  # no temporary beside it, and no half set of pages
    assert (out / "myob.md").read_text() == "the page as it was\n"


# -- 4. explain_response given what a client object may hold ---------------------------------------


class Held:
    """A response object of a client errcat has no hook for, holding what its attributes were set to."""

    def __init__(self, **attributes: Any) -> None:
        self.status_code = 401
        self.text = '{"message": "Unauthorized"}'
        self.__dict__.update(attributes)


@pytest.mark.parametrize("reason", [401, {"phrase": "x"}, ["Unauthorized"], object(), b"Unauthorized", 1.5])
def test_a_reason_that_is_no_text_is_no_attribute_error(reason: Any) -> None:
    from errcat.integrations import explain_response

    x = explain_response(Held(reason=reason))
    assert x.exchange.status == 401
    assert x.exchange.reason == ("Unauthorized" if isinstance(reason, bytes) else None)


@pytest.mark.parametrize(
    "where",
    [
        lambda token: {"method": f"GET {token}"},
        lambda token: {"method": {"authorization": f"Bearer {token}"}},
        lambda token: {"reason": f"Unauthorized: token {token} expired"},
        lambda token: {"headers": {f"X-{token}": "1"}},
        lambda token: {"headers": {f"Authorization: Bearer {token}": "x"}},
        lambda token: {"headers": {"X-Trace\nAuthorization": f"Bearer {token}"}},
    ],
    ids=["method", "method-mapping", "reason", "header-name", "header-name-with-value", "header-name-line-break"],
)
def test_a_credential_in_the_method_reason_or_a_header_name_is_never_shown(where: Any) -> None:
    """Only the body, the URL and header values were screened: a method, a reason phrase or a header
    name came back as given."""
    from errcat.integrations import explain_response
    from errcat.render.jsondoc import explain_document

    token = generated_token()
    x = explain_response(Held(**where(token)))
    assert token not in repr(x) and token not in str(explain_document(x))


def test_a_header_name_longer_than_a_header_is_cut_not_an_index_error() -> None:
    from errcat.integrations import explain_response

    x = explain_response(Held(headers={"a" * 100_000: "b", "Retry-After": "5"}))
    (long_name, value), after = x.exchange.headers
    assert len(long_name) == 256 and value == "b" and after == ("Retry-After", "5")


def test_a_body_declared_punycode_is_read_as_utf8_not_decoded_for_minutes() -> None:
    """Python's punycode decoder is quadratic: 400 KB took 46 s, a 2 MB body would take an hour."""
    from errcat.integrations import explain_response

    body = b"a" * 200_000 + b"-" + b'{"error": "invalid_grant", "error_description": "The refresh token expired"}'
    started = time.process_time()
    x = explain_response(Held(text=None, content=body, headers={"Content-Type": "application/json; charset=punycode"}))
    assert time.process_time() - started < 2.0
    assert x.exchange.body.startswith("aaaa") and "invalid_grant" in x.exchange.body


# -- 5. docs --out onto what is in the way ----------------------------------------------------------


@pytest.mark.parametrize("check", [True, False])
def test_a_fifo_in_place_of_a_page_is_a_stale_page_not_a_wait_for_ever(tmp_path: Path, check: bool) -> None:
    """Comparing the pages opened each one: a FIFO named myob.md blocked the open until a writer came."""
    out = tmp_path / "pages"
    out.mkdir()
    os.mkfifo(out / "myob.md")
    os.mkfifo(out / "notes.md")  # the user's, not a page: never opened to see whether errcat generated it
    args = [*ERRCAT, "docs", "--out", str(out), *(["--check"] if check else [])]
    done = subprocess.run(args, capture_output=True, text=True, timeout=60)
    assert "Traceback" not in done.stderr
    if check:
        assert done.returncode == 1 and f"stale: {out / 'myob.md'}" in done.stderr
    else:
        assert done.returncode == 0 and (out / "myob.md").is_file() and (out / "myob.md").read_text().startswith("<!--")


def test_docs_into_1500_new_nested_folders_writes_the_pages_not_a_recursion_error(tmp_path: Path) -> None:
    """``mkdir(parents=True)`` calls itself once a missing folder: 1,500 of them were a RecursionError traceback."""
    from errcat.fs import remove_tree

    out = tmp_path.joinpath(*["d"] * 1500)
    try:
        done = subprocess.run([*ERRCAT, "docs", "--out", str(out)], capture_output=True, text=True, timeout=120)
        assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr[-300:]
        assert sorted(p.name for p in out.iterdir()) == ["index.md", "invoicexpress.md", "myob.md", "prospend.md", "sage.md"]
    finally:  # pytest's own clean-up of old temporary folders (shutil.rmtree) fails on 1,500 levels
        if (tmp_path / "d").exists():
            remove_tree(tmp_path / "d")


def test_docs_into_a_path_longer_than_the_system_takes_makes_no_folder(tmp_path: Path) -> None:
    out = tmp_path.joinpath(*["d"] * 3000)
    done = subprocess.run([*ERRCAT, "docs", "--out", str(out)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert len(done.stderr.splitlines()) == 1 and "File name too long" in done.stderr
    assert list(tmp_path.iterdir()) == []  # not the first 2,000 folders of it


def test_cache_clear_removes_a_folder_1500_deep_in_a_cache_files_place(cache: Path) -> None:
    """shutil.rmtree calls itself once a level: clearing such a folder would be a RecursionError."""
    from errcat.api import clear_cache
    from errcat.fs import make_folders

    folder = cache / "regex-x-packed.marshal"
    deep = folder.joinpath(*["d"] * 1500)
    make_folders(deep)
    (deep / "f").write_bytes(b"x" * 10)
    removed, freed, _ = clear_cache()
    assert not folder.exists() and removed == 1 and freed == 10

"""Hostile input, fourth round: each input ends in a clear answer or a one-line error with a
documented exit code, never a traceback, a hang, unbounded memory or a silent drop. Rows run the
real CLI in a subprocess (``run`` asserts no traceback) or the real API."""

from __future__ import annotations

import fcntl
import json
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
import requests

import errcat
from errcat.integrations import httpx as errcat_httpx
from errcat.integrations import requests as errcat_requests
from localserver import Handler, server_fixture
from test_hostile import first_said, out, run

# ---- the two left from the third round -------------------------------------------------------------


def test_docs_of_a_group_of_8000_rows_is_written_in_linear_time(one_guide_for_8000, tmp_path):
    # each endpoint row's cell and each message's status re-read all 8,000 rows of its group: 120 s
    team, env = one_guide_for_8000
    done = subprocess.run(
        [sys.executable, "-m", "errcat", "docs", "-c", str(team), "--no-builtin", "-o", str(tmp_path / "pages")],
        env=env, capture_output=True, timeout=30,
    )  # fmt: skip
    assert done.returncode == 0 and b"Traceback" not in done.stderr
    page = (tmp_path / "pages" / "myob.md").read_text()
    assert page.count("[100000 100001 ") >= 8000  # each row links its error, ten codes then how many more
    assert "| 504 | " in page and "Upstream MYOB call 7999 timed out at the proxy" in page


def _builtin_lock(folder: Path) -> Path:
    from errcat.catalog.locate import catalog_paths
    from errcat.index.cache import file_states, index_name

    return folder / f"{index_name(file_states(catalog_paths([], builtin=True, use_env=False)))}.lock"


def test_a_wait_for_another_process_building_the_index_is_said_with_what_it_waits_for(tmp_path):
    folder = tmp_path / "cache"
    folder.mkdir()
    lock = _builtin_lock(folder)
    with open(lock, "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # a build under way in another process, which wrote its id as errcat does
        held.write(f"{os.getpid()}\n")
        held.flush()
        child = subprocess.Popen(
            [sys.executable, "-m", "errcat", "lookup", "25008"],
            env={**os.environ, "NO_COLOR": "1", "ERRCAT_CACHE_DIR": str(folder)},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        said = first_said(child)
        assert child.poll() is None  # still waiting, up to ten minutes: and now it says so
    stdout, stderr = child.communicate(timeout=120)  # released: it builds the index itself
    stderr = said + stderr
    assert child.returncode == 0 and b"25008" in stdout
    assert stderr.decode().splitlines() == [
        f"errcat: waiting for errcat process {os.getpid()} to finish building the catalog index (lock {lock};"
        " at most 10 minutes; ERRCAT_NO_CACHE=1 skips the cache)"
    ]


def test_a_process_building_the_index_names_itself_in_its_lock(tmp_path):
    # cold: the built-in catalog's build holds the lock for about a second, a hundred looks at 10 ms (the
    # 8,000-row team catalog on top of it took 11 s here, for the same lock)
    env = {**os.environ, "NO_COLOR": "1", "ERRCAT_CACHE_DIR": str(tmp_path)}
    env.pop("ERRCAT_CATALOG", None)
    builder = subprocess.Popen([sys.executable, "-m", "errcat", "vendors"], env=env, stdout=subprocess.DEVNULL)
    seen = set()
    while builder.poll() is None:
        for lock in tmp_path.glob("index-*.lock"):
            seen.add(lock.read_text())
        time.sleep(0.01)
    assert builder.returncode == 0
    assert f"{builder.pid}\n" in seen  # a waiter can name it
    assert [lock.read_text() for lock in tmp_path.glob("index-*.lock")] in ([], [""])  # blanked when done


# ---- file names that hold a newline or a terminal escape, link loops ---------------------------------

ODD_NAME = "team\n\x1b[31mred.yaml"  # a legal file name: a newline and an SGR escape


def test_a_catalog_file_name_with_a_newline_and_an_escape_is_one_escaped_line(tmp_path):
    (tmp_path / ODD_NAME).write_text("errcat: 1\nvendor: [\n")  # a broken file: its name opens the error line
    done = run("vendors", "-c", str(tmp_path / ODD_NAME))
    assert done.returncode == 3
    (line,) = done.stderr.decode().splitlines()  # one line, not two (the second would pass for errcat's own)
    assert line.startswith(f"errcat: {tmp_path}/team\\n\\x1b[31mred.yaml:")
    checked = run("validate", str(tmp_path / ODD_NAME))
    assert checked.returncode == 1 and all(
        s.startswith(f"{tmp_path}/team\\n\\x1b[31mred.yaml:") for s in out(checked).splitlines()
    )


def test_a_missing_catalog_path_with_a_newline_is_one_escaped_line(tmp_path):
    done = run("vendors", "-c", str(tmp_path / ODD_NAME))
    assert done.returncode == 2
    assert done.stderr.decode().splitlines() == [f"errcat: catalog path not found: {tmp_path}/team\\n\\x1b[31mred.yaml"]


def test_validate_of_a_link_loop_is_one_line_not_a_traceback(tmp_path):
    (tmp_path / "a.yaml").symlink_to(tmp_path / "b.yaml")
    (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
    for command in ("validate", "vendors"):
        args = (command, str(tmp_path / "a.yaml")) if command == "validate" else (command, "-c", str(tmp_path / "a.yaml"))
        done = run(*args)
        assert done.returncode == 2
        assert done.stderr.decode().splitlines() == [
            f"errcat: catalog path not found: {tmp_path}/a.yaml (a symbolic link to nothing, or a loop of links)"
        ]


# ---- output whose encoding is not UTF-8 --------------------------------------------------------------

ACCENTED = '{"errors":[{"error":"Não é válido – ✓ 😀"}]}'  # made up: text past ASCII and Latin-1 (the catalog's
# InvoiceXpress scenarios hold an em dash, so `list` meets the same)


def test_output_in_an_encoding_without_the_characters_is_escaped_not_a_traceback():
    commands = (("explain",), ("explain", "-f", "json"), ("list", "--vendor", "invoicexpress"), ("scan", "-"))
    cases = [(encoding, args) for encoding in ("ascii", "latin-1") for args in commands]

    def ran(case: tuple[str, tuple[str, ...]]) -> subprocess.CompletedProcess:
        encoding, args = case
        return run(*args, stdin=ACCENTED.encode(), env={"PYTHONIOENCODING": encoding})

    with ThreadPoolExecutor(2) as pool:  # eight runs, two at a time (each its own process)
        for case, done in zip(cases, pool.map(ran, cases), strict=True):
            assert done.returncode in (0, 1) and done.stdout, case
    done = run("explain", "-f", "json", stdin='{"error":"Não ✓ 😀"}', env={"PYTHONIOENCODING": "ascii"})
    assert json.loads(done.stdout.decode("ascii"))["errors"][0]["observed"]["message"] == "Não ✓ 😀"  # still the same JSON


# ---- a damaged cache ------------------------------------------------------------------------------------


def test_a_cache_stat_file_of_nested_brackets_is_rebuilt_not_a_recursion_error(tmp_path):
    env = {"ERRCAT_CACHE_DIR": str(tmp_path)}
    assert run("lookup", "25008", env=env).returncode == 0
    (stat,) = tmp_path.glob("index-*.stat")
    stat.write_text('{"files":' + "[" * 100_000)
    done = run("lookup", "25008", env=env)
    assert done.returncode == 0 and done.stderr == b"" and "25008" in out(done)


# ---- the Python API: wrong types and impossible names ------------------------------------------------


@pytest.fixture(scope="module")
def catalog():
    with errcat.open_catalog() as opened:
        yield opened


@pytest.mark.parametrize(
    "call",
    [
        lambda c: errcat.explain("x", catalog="builtin"),  # AttributeError: 'str' object has no attribute 'explain'
        lambda c: c.explain_bytes("text"),  # TypeError from str.startswith, deep in the explainer
        lambda c: c.explain_bytes(None),
        lambda c: c.explain_bytes(b"x", size="1"),
        lambda c: c.scan(["/dev/null"], window=3600),  # TypeError: 'int' object is not subscriptable
        lambda c: c.scan(["/dev/null"], window=("2026-01-01", None)),
        lambda c: c.scan("app.log\x00"),  # ValueError: embedded null byte
        lambda c: errcat.validate("team.yaml\x00"),
        lambda c: errcat.open_catalog(["team.yaml\x00"]),
        lambda c: errcat.open_catalog("a" * 100_000),  # OSError: File name too long
        lambda c: errcat.validate(["a" * 100_000]),
    ],
)
def test_a_wrong_type_or_an_impossible_name_given_to_the_api_is_a_usage_error(catalog, call):
    with pytest.raises(errcat.UsageError) as raised:
        call(catalog)
    assert "\n" not in str(raised.value) and len(str(raised.value)) < 400  # one line; a 100,000-letter name is cut


def test_explain_bytes_takes_a_memoryview_as_its_bytes(catalog):
    paste = b'{"Errors":[{"Name":"X","Message":"m","ErrorCode":25008}]}'
    assert catalog.explain_bytes(memoryview(paste)) == catalog.explain_bytes(paste)


def test_a_catalog_path_too_long_for_the_file_system_is_one_line_from_the_cli():
    done = run("vendors", "-c", "a" * 5000)
    assert done.returncode == 2
    assert done.stderr.decode().splitlines() == [f"errcat: catalog path {'a' * 100}… (5,000 characters): File name too long"]


# ---- the requests and httpx hooks: a charset that is no text encoding ------------------------------

# MYOB's envelope (catalog/myob.yaml), made up around its documented code 25008
MYOB_BODY = b'{"Errors":[{"Name":"DatePriorToBeginningOfFinancialYear","Message":"m","ErrorCode":25008}]}'


class _Charsets(Handler):
    def do_GET(self) -> None:
        self.reply(400, MYOB_BODY, {"Content-Type": "application/json; charset=" + self.path.strip("/")})


charset_server = server_fixture(_Charsets)


@pytest.mark.parametrize("declared", ["base64", "rot13", "idna", "undefined"])
@pytest.mark.parametrize("client", ["requests", "httpx"])
def test_a_body_in_a_charset_that_is_no_text_encoding_is_read_as_utf8(charset_server, client, declared):
    # the server names the charset: Python's bytes.decode raised LookupError or UnicodeError out of the hook
    url = f"{charset_server}/{declared}"
    with pytest.raises(errcat.VendorError) as raised:
        if client == "requests":
            session = requests.Session()
            session.hooks["response"].append(errcat_requests.hook())
            session.get(url, timeout=30)
        else:
            with httpx.Client(event_hooks={"response": [errcat_httpx.hook()]}, timeout=30) as http:
                http.get(url)
    x = raised.value.explanation
    assert x.vendor == "myob" and x.errors[0].candidates[0].entry.code == 25008


@pytest.mark.parametrize(("value", "cached"), [("0", True), ("false", True), ("off", True), ("1", False), ("yes", False)])
def test_errcat_no_cache_0_keeps_the_cache_on(tmp_path, value, cached):
    # any value, "0" too, turned the cache off: every run rebuilt the index in memory
    done = run("lookup", "25008", env={"ERRCAT_CACHE_DIR": str(tmp_path), "ERRCAT_NO_CACHE": value})
    assert done.returncode == 0 and done.stderr == b""
    assert bool(list(tmp_path.glob("index-*.sqlite"))) is cached


# ---- an empty path is no path, not the current folder ------------------------------------------------


@pytest.mark.parametrize(
    "args", [("vendors", "-c", ""), ("validate", ""), ("docs", "-o", ""), ("lookup", "25008", "--catalog", " ")]
)
def test_an_empty_path_is_refused_not_read_as_the_current_folder(tmp_path, args):
    # `-c "$TEAM_CATALOG"` with the variable unset loaded every *.yaml of the current folder; `docs -o ""` wrote there
    (tmp_path / "compose.yaml").write_text("services: {}\n")  # a YAML file of another tool, where errcat runs
    done = run(*args, cwd=tmp_path)
    assert done.returncode == 2 and "an empty path" in done.stderr.decode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["compose.yaml"]  # no page written here


def test_an_empty_catalog_path_given_to_the_api_is_a_usage_error():
    with pytest.raises(errcat.UsageError, match="empty"):
        errcat.open_catalog("")


# ---- a huge value typed where a word goes -------------------------------------------------------------


@pytest.mark.parametrize("option", ["--vendor", "--method", "--endpoint", "--severity"])
def test_a_100kb_filter_value_is_echoed_cut_not_whole(option):
    # a whole paste given as a filter came back whole: a 100,000-character error "line"
    done = run("lookup", "400", option, "x" * 100_000)
    assert done.returncode == 2
    (line,) = done.stderr.decode().splitlines()
    assert len(line) < 1100 and "characters left out" in line


def test_docs_into_a_folder_where_one_page_is_a_folder_writes_no_page(tmp_path):
    # invoicexpress.md was renamed into place before myob.md failed: half a set of pages, and an error naming the folder
    (tmp_path / "myob.md").mkdir()
    done = run("docs", "-o", str(tmp_path))
    assert done.returncode == 2
    assert done.stderr.decode().splitlines() == [f"errcat: cannot write pages to {tmp_path}: {tmp_path}/myob.md: Is a directory"]
    assert [p.name for p in tmp_path.iterdir()] == ["myob.md"]  # no page, no temporary file left


# ---- a terminal that reports no width -----------------------------------------------------------------


def test_a_terminal_of_zero_columns_still_gets_the_answer():
    # COLUMNS=0: rich printed nothing in 0 cells, and errcat exited 0 having shown no answer at all
    from test_tty import _on_a_terminal

    env = {**os.environ, "ERRCAT_CATALOG": "", "COLUMNS": "0", "TERM": "xterm", "NO_COLOR": "1"}
    code, seen = _on_a_terminal(["lookup", "25008"], env)
    assert code == 0 and b"myob 25008 DatePriorToBeginningOfFinancialYear" in seen


# ---- errcat mcp's stderr ---------------------------------------------------------------------------------


def test_errcat_mcp_says_an_unusable_cache_in_one_plain_line():
    # the SDK's logging set-up boxed errcat's warning over five lines, with a time and a source file
    pytest.importorskip("mcp")
    hello = {"jsonrpc": "2.0", "id": 0, "method": "initialize",
             "params": {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "test", "version": "1"}}}  # fmt: skip
    calls = [hello, {"jsonrpc": "2.0", "method": "notifications/initialized"},
             {"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {"name": "lookup", "arguments": {"query": "25008"}}}]  # fmt: skip
    env = {**os.environ, "ERRCAT_CACHE_DIR": os.devnull, "ERRCAT_CATALOG": ""}
    done = subprocess.run(
        [sys.executable, "-m", "errcat", "mcp"], input="".join(json.dumps(c) + "\n" for c in calls).encode(),
        capture_output=True, env=env, timeout=120,
    )  # fmt: skip
    answers = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert done.returncode == 0 and [a["id"] for a in answers] == [0, 1] and not answers[1]["result"]["isError"]
    assert done.stderr.decode().splitlines() == [
        f"errcat: warning: cannot use the cache folder {os.devnull} (File exists); the index is built in memory on each run"
        " (it names a file, not a folder, or set ERRCAT_CACHE_DIR to a folder of yours)"
    ]


def test_a_fifo_in_place_of_the_index_is_rebuilt_not_waited_on(tmp_path):
    # SQLite opened the FIFO and waited for a writer: every command (and `cache info`) hung
    env = {"ERRCAT_CACHE_DIR": str(tmp_path)}
    assert run("lookup", "25008", env=env).returncode == 0
    (index,) = tmp_path.glob("index-*.sqlite")
    index.unlink()
    os.mkfifo(index)
    os.mkfifo(tmp_path / "index-other.sqlite")
    done = run("lookup", "25008", env=env)  # a hang is a TimeoutExpired after 120 s
    assert done.returncode == 0 and "25008" in out(done) and index.is_file()
    info = run("cache", "info", env=env)
    assert info.returncode == 0 and "index-other.sqlite  0 bytes, ? entries" in out(info)


def test_a_fifo_in_place_of_the_stat_file_or_a_compiled_search_database_is_passed_over(tmp_path):
    # both were read with read_bytes/read_text: the open waited for a writer forever
    env = {"ERRCAT_CACHE_DIR": str(tmp_path)}
    log = str(Path(__file__).resolve().parents[2] / "shared" / "logs" / "loghub" / "Apache_2k.log")  # a real log, Loghub's
    if not Path(log).is_file():
        pytest.skip("the shared Loghub samples are not beside the repository")
    assert run("scan", log, env=env).returncode == 0
    fifos = [*tmp_path.glob("index-*.stat"), *tmp_path.glob("hyperscan/*.db")]
    assert fifos
    for path in fifos:
        path.unlink()
        os.mkfifo(path)
    assert run("lookup", "25008", env=env).returncode == 0  # a hang is a TimeoutExpired after 120 s
    assert run("scan", log, env=env).returncode == 0
    assert all(path.is_file() for path in fifos)  # written again in their place


def test_a_catalog_used_after_its_with_block_says_it_is_closed_not_damaged():
    # it said "the compiled catalog index is damaged ...; run `errcat cache clear`", which cannot help
    with errcat.open_catalog() as closed:
        pass
    for call in (lambda: closed.lookup("25008"), lambda: closed.search("token"), lambda: closed.explain("25008")):
        with pytest.raises(errcat.UsageError, match="this catalog is closed"):
            call()


@pytest.mark.parametrize("text", ["ÿ", "ключ", "認証"])
def test_a_search_of_letters_the_index_has_no_words_for_says_so_not_empty(text):
    # "empty search: give one or more words" for a word typed: the index's words are ASCII
    done = run("search", text)
    assert done.returncode == 2
    assert done.stderr.decode().splitlines() == [
        "errcat: nothing to search: search words are ASCII letters and digits (as the catalog's are); give one"
    ]

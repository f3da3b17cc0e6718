"""Hostile input, seventh round: each input ends in a clear answer or a one-line error with a
documented exit code, never a traceback, a hang or unbounded memory. Rows run the real CLI in a
subprocess, or the real API (and the real httpx client against a real server on 127.0.0.1)."""

from __future__ import annotations

import asyncio
import gzip
import logging
import os
import resource
import struct
import subprocess
import sys
import time
import tracemalloc
import zlib
from pathlib import Path

import httpx
import pytest

import errcat
from errcat.index import cache
from errcat.integrations import bodies
from errcat.integrations import httpx as errcat_httpx
from errcat.integrations.telemetry import explanation_of
from localserver import Handler, server_fixture
from test_hostile import run
from test_hostile5 import MYOB_BODY
from test_scan_real import LOGHUB, needs_loghub

# ---- lookup: a query of 120,000 digits --------------------------------------------------------------
# Not found, lookup offers did-you-mean codes: the swaps of two adjacent digits of the query, each a
# copy of it. For 120,000 digits that was 120,000 strings of 120,000 characters (14 GB; a MemoryError
# traceback after 20 s under a 4 GB limit), and the miss echoed the whole query back on stderr.


def _limited_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))


def test_a_lookup_of_120000_digits_is_a_miss_in_bounded_time_and_memory():
    digits = "1234567890" * 12_000  # under Linux's 128 KiB limit on one argument
    started = time.monotonic()
    done = run("lookup", digits, preexec_fn=_limited_memory)
    assert time.monotonic() - started < 20
    assert done.returncode == 1
    (line,) = done.stderr.decode().splitlines()
    assert line.startswith("errcat: no error matches '1234567890") and "characters left out" in line
    assert len(line) < 1100


def test_a_typo_of_a_code_is_still_offered_its_code():
    done = run("lookup", "52008")  # two digits swapped: MYOB's 25008
    assert done.returncode == 1
    assert done.stderr.decode().splitlines() == ["errcat: no error matches '52008'; did you mean: 25008"]


@pytest.mark.parametrize("command", ["lookup", "search"])
def test_a_100kb_query_that_finds_nothing_is_echoed_cut_not_whole(command):
    done = run(command, "zq" * 50_000)
    assert done.returncode == 1
    (line,) = done.stderr.decode().splitlines()  # was the whole 100,000 characters
    assert len(line) < 1100 and "characters left out" in line


# ---- the httpx hook: a body in two layers of gzip ---------------------------------------------------------
# `Content-Encoding: gzip, gzip` (RFC 9110 lets codings be listed in the order applied) was left to
# httpx's own decoder, which decodes each chunk whole: 1.5 KB on the wire held 512 MiB of zeros,
# and the hook held all of it (7 KB held 4 GiB: 2.6 GB and a MemoryError under a 3 GB limit).


def _gzip_of_zeros(mib: int) -> bytes:
    """A gzip member of `mib` MiB of zeros: one MiB deflated, its blocks repeated. A full flush ends them on a byte
    boundary and a fresh compressor refers back only inside them, so each copy decodes after the last (deflating all
    512 MiB took 3.6 s of CPU at every collection of the suite; this takes 0.25 s, nearly all of it the CRC)."""
    block = bytes(1024 * 1024)
    packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    one = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
    end = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS).flush()  # an empty last block
    crc = 0
    for _ in range(mib):
        crc = zlib.crc32(block, crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"  # gzip, deflate, no name, no time
    return header + one * mib + end + struct.pack("<II", crc, (mib << 20) & 0xFFFFFFFF)


BOMB = gzip.compress(_gzip_of_zeros(512), 9)
LAYERED = gzip.compress(gzip.compress(MYOB_BODY.encode("utf-8")))


class _Layered(Handler):
    def do_GET(self) -> None:
        data = BOMB if self.path == "/bomb" else LAYERED
        coding = "gzip,gzip" if self.path == "/bomb" else "identity, gzip, gzip"
        self.reply(404, data, {"Content-Type": "application/json", "Content-Encoding": coding})


layered_server = server_fixture(_Layered)


def _through_hook(url: str, sync: bool) -> errcat.Explanation:
    catalog = errcat.open_catalog(use_env=False)
    if sync:
        with httpx.Client(timeout=5, event_hooks={"response": [errcat_httpx.hook(attach=True, catalog=catalog)]}) as http:
            return http.get(url).extensions["errcat"]

    async def fetch() -> errcat.Explanation:
        hooks = {"response": [errcat_httpx.async_hook(attach=True, catalog=catalog)]}
        async with httpx.AsyncClient(timeout=5, event_hooks=hooks) as http:
            return (await http.get(url)).extensions["errcat"]

    return asyncio.run(fetch())


def _read_as_the_hooks_do(url: str, sync: bool) -> bytes:
    """The body as the hooks read it before explaining it (bodies.read_httpx / aread_httpx)."""
    if sync:
        with httpx.Client(timeout=5) as http, http.stream("GET", url) as response:
            bodies.read_httpx(response)
            return response.content

    async def fetch() -> bytes:
        async with httpx.AsyncClient(timeout=5) as http, http.stream("GET", url) as response:
            await bodies.aread_httpx(response)
            return response.content

    return asyncio.run(fetch())


@pytest.mark.parametrize("sync", [True, False], ids=["hook", "async hook"])
def test_a_body_in_two_layers_of_gzip_is_decoded_to_the_cap_in_bounded_memory(layered_server, sync):
    tracemalloc.start()
    try:
        content = _read_as_the_hooks_do(layered_server + "/bomb", sync)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 64 * 1024 * 1024  # was over 512 MiB: the whole bomb, decoded
    assert content == bytes(bodies.LIMIT)  # read to the cap (explain notes the cut)


@pytest.mark.parametrize("sync", [True, False], ids=["hook", "async hook"])
def test_a_vendor_body_in_two_layers_of_gzip_is_explained(layered_server, sync):
    x = _through_hook(layered_server + "/layered", sync)
    assert x.vendor == "myob" and x.errors[0].observed.message.endswith("cannot be found.")


# ---- the cache folder without a home ------------------------------------------------------------------


def test_a_cache_folder_of_an_unknown_users_home_is_a_warning_not_a_traceback():
    done = run("lookup", "25008", env={"ERRCAT_CACHE_DIR": "~errcat-no-such-user/cache"})  # RuntimeError from pathlib
    assert done.returncode == 0 and "DatePriorToBeginningOfFinancialYear" in done.stdout.decode()
    (line,) = done.stderr.decode().splitlines()
    assert line.startswith("errcat: warning: cannot use the cache folder ~errcat-no-such-user/cache (no home folder")


def test_without_a_home_no_tilde_folder_is_made_where_errcat_runs(tmp_path, monkeypatch, caplog):
    """HOME unset and a user the password database lacks (docker run --user 12345): ~ stayed ~, and
    every run made ./~/.cache/errcat in whatever folder it was run from."""
    import pwd

    def unknown(uid: int) -> None:
        raise KeyError(uid)

    for name in ("HOME", "ERRCAT_CACHE_DIR", "XDG_CACHE_HOME", "ERRCAT_NO_CACHE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(pwd, "getpwuid", unknown)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(cache, "_warned", set())
    with caplog.at_level(logging.WARNING, logger="errcat"), errcat.open_catalog(use_env=False) as catalog:
        assert catalog.lookup("25008").found
    assert list(tmp_path.iterdir()) == []
    assert "(no home folder: HOME is unset" in caplog.text and "set HOME" in caplog.text
    assert errcat.api.cache_info()[2] == cache.NO_HOME


def test_a_relative_xdg_cache_home_is_ignored_as_the_spec_asks(tmp_path, monkeypatch):
    monkeypatch.delenv("ERRCAT_CACHE_DIR", raising=False)
    (tmp_path / "home").mkdir()  # a home that does not exist is none (test_hostile19)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")  # was ./relative/cache/errcat, wherever errcat ran
    assert cache.cache_dir() == tmp_path / "home" / ".cache" / "errcat"


# ---- Ctrl-C while the command line loads ---------------------------------------------------------------
# The errcat script imported typer and every command before its KeyboardInterrupt handler was in
# place: a Ctrl-C in a run's first 0.15 s (hit as soon as Enter was) printed a 30-line traceback.

_CTRL_C_WHILE_LOADING = """
import sys
class CtrlC:
    def find_spec(self, name, path=None, target=None):
        if name == "typer":
            raise KeyboardInterrupt
sys.meta_path.insert(0, CtrlC())
sys.argv = ["errcat", "lookup", "400"]
from errcat.__main__ import main
main()
"""


def test_a_ctrl_c_while_the_command_line_loads_is_exit_130_without_a_traceback():
    done = subprocess.run([sys.executable, "-c", _CTRL_C_WHILE_LOADING], capture_output=True, timeout=60)
    assert (done.returncode, done.stderr) == (130, b"")


def test_the_errcat_script_is_the_entry_point_that_handles_it():
    import tomllib

    project = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["scripts"]["errcat"] == "errcat.__main__:main"


# ---- an exception whose attributes raise, handed to retry_advice and the telemetry adapters ---------------


class _Unreadable(Exception):
    @property
    def response(self) -> object:
        raise RuntimeError("response is not set")  # as httpx's .request raises when unset


class _StatusRaises:
    @property
    def status_code(self) -> int:
        raise RuntimeError("not received yet")


class _HoldsBadResponse(Exception):
    response = _StatusRaises()


@pytest.mark.parametrize("error", [_Unreadable("boom"), _HoldsBadResponse("boom")], ids=["response", "status"])
def test_an_exception_whose_attributes_raise_is_not_resent_not_a_crash(error):
    # a retry library's predicate raised the RuntimeError out of retry_advice
    advice = errcat.retry_advice(error)
    assert advice.retry is False and "is not an HTTP error response" in advice.reason
    assert explanation_of(error, messages=True) is None


def test_a_cache_dir_env_is_expanded_for_a_known_user(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("ERRCAT_CACHE_DIR", "~/errcat-cache")
    assert cache.cache_dir() == tmp_path / "errcat-cache"
    assert not cache.no_home(cache.cache_dir()) and cache.no_home(Path("~nobody/x"))
    assert os.path.isabs(cache.cache_dir())


# ---- scan's text report: a file name holding a newline ------------------------------------------------
# Its places ("lines:", a skipped file) printed the name as it is: a name with a newline broke its
# line in two, the second half looking like a line of the report (a control character was escaped).


@needs_loghub
def test_scan_names_a_file_holding_a_newline_on_one_escaped_line(tmp_path):
    log = tmp_path / "app\nlog \x1b[2J.log"
    log.write_bytes((LOGHUB / "Linux_2k.log").read_bytes())  # Loghub's Linux sample: logrotate's ALERT lines
    binary = tmp_path / "dump\n.bin"
    binary.write_bytes(b"\x00" * 64)
    done = run("scan", "--all", "--top", "1", str(log), str(binary))
    text = done.stdout.decode()
    assert f"lines:     {tmp_path}/app\\nlog \\x1b[2J.log:16, 75," in text
    assert f"         {tmp_path}/dump\\n.bin\n" in text
    assert "\nlog \\x1b" not in text and "\n.bin" not in text


# ---- docs: one vendor named many times -----------------------------------------------------------------
# `errcat docs $(for v in $LIST; do echo --vendor $v; done)` with a list of repeats rendered the page
# once per mention: 1,600 mentions of myob took 86 s, 5,000 some 4 minutes, for one page.


def test_docs_renders_a_vendor_named_many_times_once(monkeypatch):
    import errcat.docs as reference

    rendered: list[str] = []
    page = reference.vendor_page
    monkeypatch.setattr(reference, "vendor_page", lambda catalog, v: rendered.append(v) or page(catalog, v))
    with errcat.open_catalog(use_env=False) as catalog:
        pages = reference.generate(catalog.index, ["myob"] * 1600 + ["sage", "myob"])
    assert sorted(pages) == ["myob.md", "sage.md"] and rendered == ["myob", "sage"]


# ---- the API: a wrong type where a function, a client or an explanation goes ---------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.scan(["/dev/null"], progress=5),  # TypeError: 'int' object is not callable, mid-scan
        lambda c: c.scan(["/dev/null"], dask=5),  # AttributeError: 'int' object has no attribute 'submit'
        lambda c: c.guide_for(None),  # AttributeError: 'NoneType' object has no attribute 'guide_id'
        lambda c: c.guide_for("myob.25008"),
        lambda c: c.stub(None),
        lambda c: c.stub("HTTP/1.1 400"),
        lambda c: c.held_unclaimed(None),
        lambda c: errcat.explain_response(object(), catalog="builtin"),  # AttributeError: no attribute 'vendors'
    ],
)
def test_a_wrong_type_given_to_the_api_is_a_usage_error_not_an_attribute_error(call):
    with errcat.open_catalog(use_env=False) as catalog, pytest.raises(errcat.UsageError) as raised:
        call(catalog)
    assert "\n" not in str(raised.value)


def test_the_right_types_still_work():
    with errcat.open_catalog(use_env=False) as catalog:
        entry = catalog.lookup("25008").sections[0].groups[0].entries[0]
        assert catalog.guide_for(entry) is not None
        x = catalog.explain('{"Errors":[{"Name":"NotInTheCatalogYet","Message":"m","ErrorCode":424242}]}', "myob")
        assert catalog.stub(x) is not None and catalog.held_unclaimed(x) == []
        sizes: list[int] = []
        catalog.scan([str(Path(__file__))], progress=sizes.append)
        assert sum(sizes) > 0
        assert errcat.explain_response(object(), catalog=catalog.index) is not None

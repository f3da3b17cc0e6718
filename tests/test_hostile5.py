"""Hostile input, fifth round: each input ends in a clear answer or a one-line error with a
documented exit code, never a traceback, a hang, unbounded memory or a silent drop. Rows run the
real CLI in a subprocess (``run`` asserts no traceback) or the real API."""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
import os
import select
import subprocess
import sys
import time
import zipfile

import pytest

import errcat
from test_hostile import out, run

# A public MYOB body: GitHub issue myob-oss/AccountRight_Live_API_.Net_SDK#279 (the dev corpus's dev-0).
MYOB_BODY = (
    '{\n  "Errors": [\n    {\n      "Name": "CustomerNotFound",\n'
    '      "Message": "The Customer with UID of \'511d425d-a306-4e19-add4-de842086444a\' cannot be found.",\n'
    '      "AdditionalDetails": "Customer.UID",\n      "ErrorCode": 11003,\n      "Severity": "Error",\n'
    '      "LearnMore": null\n    }\n  ],\n'
    '  "Information": "Warning, error messages have not been finalised in this release and may change"\n}'
)


# ---- click's own usage errors: one line, exit 2, the value masked and cut ----------------------------
# click printed four lines (usage, "Try ... for help.", a blank, "Error: ...") and quoted the value
# typed whole: a 100 KB value came back whole, a token typed in the wrong place came back in clear,
# and a newline or a terminal escape in it was written raw.


@pytest.mark.parametrize(
    "args, said",
    [
        (("scan", "--workers", "0", "x.log"), "errcat: Invalid value for '--workers': 0 is not in the range x>=1."),
        (("lookup",), "errcat: Missing argument 'QUERY'."),
        (("nosuch",), "errcat: No such command 'nosuch'."),
        (("--bogus",), "errcat: No such option: --bogus"),
        (("cache", "clear", "--bogus"), "errcat: No such option: --bogus"),
        (("lookup", "a", "b"), "errcat: Got unexpected extra argument(s) (b)"),
        (("explain", "-f", "yaml", "x"), "errcat: Invalid value for '--format' / '-f': 'yaml' is not one of"),
    ],
)
def test_a_usage_error_of_click_is_one_line_with_exit_2(args, said):
    done = run(*args)
    assert done.returncode == 2 and done.stdout == b""
    (line,) = done.stderr.decode().splitlines()
    assert line.startswith(said) and line.endswith(" -h)")  # and where to look: (see errcat scan -h)


def test_a_value_click_refuses_is_echoed_masked_escaped_and_cut():
    token = "ghp_" + "x7Kq" * 9  # a GitHub token's form, typed where a number goes
    done = run("scan", "--top", f"password={token}", "x.log")
    (line,) = done.stderr.decode().splitlines()
    assert done.returncode == 2 and token[4:] not in line and "[REDACTED]" in line
    done = run("scan", "--top", "1\n\x1b[31mred", "x.log")
    (line,) = done.stderr.decode().splitlines()
    assert "\x1b" not in line and "\\n\\x1b[31mred" in line
    done = run("lookup", "-f", "a" * 100_000, "x")
    (line,) = done.stderr.decode().splitlines()
    assert done.returncode == 2 and len(line) < 1100 and "characters left out" in line


def test_errcat_alone_still_shows_its_help():
    done = run()
    assert done.returncode == 2 and "errcat [OPTIONS] COMMAND [ARGS]...\n\n  Error catalog" in done.stderr.decode()


# ---- a long query read once, not once per query word --------------------------------------------------


def test_a_long_query_is_searched_in_linear_time():
    # 18,000 words (126 KB, about what one argument can hold): _plain_words read the whole query again
    # for each of its first 64 words, 5 s for search and again for lookup's suggestions; now 0.2 s
    words = " ".join("zq" + "".join(chr(97 + i // 26**k % 26) for k in range(4)) for i in range(18_000))  # zqaaaa zqbaaa ...
    with errcat.open_catalog() as catalog:
        catalog.search("invoice")  # warm
        start = time.process_time()
        catalog.search(words)
        catalog.lookup(words)  # not found: its suggestions are a search of the same words
        assert time.process_time() - start < 2.0


# ---- errcat mcp: a request whose id is no string or integer ------------------------------------------


def test_an_mcp_request_with_an_id_of_the_wrong_type_is_answered_not_dropped():
    """The SDK read {"id": null | 1.5 | [1] | true, "method": ...} as a notification, and never answered:
    its sender waited forever. MCP allows a string or a number: a number with a fraction (1.5) is answered with it
    (hostile39); the rest get -32600, id null."""
    pytest.importorskip("mcp", reason="the MCP SDK comes with the test extras")
    initialize = {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "t", "version": "0"}}
    lines = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": initialize},
        {"jsonrpc": "2.0", "method": "notifications/initialized"},
        *({"jsonrpc": "2.0", "id": bad, "method": "ping"} for bad in (None, 1.5, [1], {"a": 1}, True)),
        {"jsonrpc": "2.0", "id": -3, "method": "ping"},
        {"jsonrpc": "2.0", "id": "last", "method": "ping"},
    ]
    done = run("mcp", stdin="".join(json.dumps(m) + "\n" for m in lines))
    answers = [json.loads(line) for line in out(done).splitlines()]
    assert [a["id"] for a in answers] == [1, None, 1.5, None, None, None, -3, "last"]
    assert {a["error"]["code"] for a in answers if a["id"] is None} == {-32600}
    assert "result" in answers[2]  # the ping with id 1.5 is answered, not refused


# ---- UTF-16 and UTF-32 without a byte-order mark --------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_explain_reads_a_paste_in_utf16_or_utf32_without_its_mark(encoding):
    # iconv -t UTF-16LE, or .NET's UnicodeEncoding without its mark: "the input looks binary"
    done = run("explain", "-f", "json", stdin=MYOB_BODY.encode(encoding))
    assert json.loads(out(done))["errors"][0]["observed"]["name"] == "CustomerNotFound"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-32-be"])
@pytest.mark.parametrize("packed", [False, True])
def test_scan_reads_a_log_in_utf16_without_its_mark(tmp_path, encoding, packed):
    data = MYOB_BODY.encode(encoding)
    log = tmp_path / ("app.log.gz" if packed else "app.log")
    log.write_bytes(gzip.compress(data) if packed else data)
    done = run("scan", "-f", "json", str(log))
    report = json.loads(out(done))
    assert done.returncode == 0 and report["summary"]["error_records"] == 1  # was: skipped as binary, exit 2


def test_a_log_of_nuls_is_still_binary(tmp_path):
    log = tmp_path / "zeros.log"
    log.write_bytes(b"\x00" * 65536)
    done = run("scan", str(log))
    assert done.returncode == 2 and "binary file" in out(done)


# ---- compressed inputs scan and explain do not read: named, with the command that unpacks them -----


def _zipped(data: bytes) -> bytes:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("app.log", data)
    return buffer.getvalue()


PACKERS = [
    ("bzip2", "bzcat", bz2.compress),
    ("xz", "xzcat", lzma.compress),
    ("zip", "unzip -p", _zipped),
]


@pytest.mark.parametrize("name, unpack, pack", PACKERS)
def test_scan_names_a_compressed_log_it_does_not_read(tmp_path, name, unpack, pack):
    log = tmp_path / "app.log.x"
    log.write_bytes(pack(MYOB_BODY.encode()))
    for args, stdin in (((str(log),), None), (("-",), log.read_bytes())):
        done = run("scan", *args, stdin=stdin)
        assert done.returncode == 2  # nothing read, as before; said as what it is, not "binary file"
        assert f"{name}-compressed (only gzip is read): unpack it, {unpack} FILE | errcat scan -" in out(done)


@pytest.mark.parametrize("name, unpack, pack", [("gzip", "zcat", gzip.compress), *PACKERS])
def test_explain_names_a_compressed_paste(tmp_path, name, unpack, pack):
    done = run("explain", stdin=pack(MYOB_BODY.encode()))
    assert done.returncode == 2
    assert done.stderr.decode() == f"errcat: the input is {name}-compressed: unpack it first ({unpack} FILE | errcat explain)\n"


# ---- docs --out naming a file --------------------------------------------------------------------------


def test_docs_out_naming_a_file_says_it_is_a_file(tmp_path):
    page = tmp_path / "notes.md"
    page.write_text("mine\n")
    done = run("docs", "-o", str(page))
    assert done.returncode == 2
    assert (
        done.stderr.decode()
        == f"errcat: cannot write pages to {page}: it is a file, not a folder (name a folder for the pages)\n"
    )
    assert page.read_text() == "mine\n"  # was: "File exists", which reads like a clash of pages
    done = run("docs", "--check", "-o", str(page))
    assert done.returncode == 1 and f"({page} is a file, not a folder)" in done.stderr.decode()


# ---- a FIFO named on a terminal -------------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
@pytest.mark.parametrize("command", ["scan", "explain"])
def test_a_fifo_read_on_a_terminal_says_it_waits_for_a_writer(tmp_path, command):
    """Reading a FIFO waits for a writer, as cat does; on a terminal that wait looked like a hang."""
    pty = pytest.importorskip("pty", reason="pseudo-terminals need a POSIX system")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    controller, terminal = pty.openpty()
    env = {**os.environ, "NO_COLOR": "1", "ERRCAT_CATALOG": ""}
    proc = subprocess.Popen(
        [sys.executable, "-m", "errcat", command, str(fifo)], stdout=subprocess.PIPE, stderr=terminal, env=env
    )
    os.close(terminal)
    try:
        said = b""
        deadline = time.monotonic() + 20
        while b"FIFO" not in said and time.monotonic() < deadline:
            if select.select([controller], [], [], 1)[0]:
                said += os.read(controller, 4096)
        assert f"errcat: {fifo} is a FIFO: reading it waits until a program writes to it (Ctrl-C stops)".encode() in said
        with open(fifo, "wb") as writer:  # then a writer comes, and it is read as before
            writer.write(MYOB_BODY.encode())
        stdout, _ = proc.communicate(timeout=60)
    finally:
        proc.kill()
        os.close(controller)
    assert b"CustomerNotFound" in stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_fifo_read_by_a_script_waits_silently_as_cat_does(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    proc = subprocess.Popen([sys.executable, "-m", "errcat", "scan", str(fifo)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        with open(fifo, "wb") as writer:
            writer.write(MYOB_BODY.encode())
        stdout, stderr = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 0 and stderr == b"" and b"CustomerNotFound" in stdout


def test_a_cache_folder_on_a_full_disk_is_told_to_free_space_not_to_fix_its_owner(tmp_path, caplog):
    """The hostile round's finding: a full disk was told "fix its owner"."""
    import errno as errnos

    from errcat.index import cache

    cache._warned.discard(str(tmp_path))
    with caplog.at_level("WARNING", logger="errcat"):
        cache.warn_unusable(tmp_path, OSError(errnos.ENOSPC, "No space left on device"))
    (said,) = [r.getMessage() for r in caplog.records]
    assert "(No space left on device)" in said and "free space on its disk" in said and "owner" not in said


def _har(body: str) -> str:
    entry = {
        "request": {"method": "POST", "url": "https://api.myob.com/accountright/x/Sale/Invoice/Item", "headers": []},
        "response": {"status": 400, "statusText": "Bad Request", "headers": [], "content": {"encoding": "base64", "text": body}},
    }
    return json.dumps({"log": {"version": "1.2", "entries": [entry]}})


def test_a_har_body_in_base64_is_unpacked_when_gzip_and_named_when_binary():
    """A base64 gzip body of 2 MB of NULs was shown as its escaped bytes (2 KB of \\x00 as the
    message); one holding a vendor's error was never read."""
    import base64

    bomb = base64.b64encode(gzip.compress(b"\x00" * 2_000_000)).decode()
    x = errcat.explain(_har(bomb))
    assert x.errors and x.errors[0].message.startswith("[a binary body of ") and "\x00" not in json.dumps(x.as_dict())
    myob = b'{"Errors":[{"Name":"DatePriorToBeginningOfFinancialYear","Message":"Date cannot be prior to beginning of financial year","ErrorCode":25008,"Severity":"Error"}]}'
    x = errcat.explain(_har(base64.b64encode(gzip.compress(myob)).decode()))
    assert x.vendor == "myob" and x.errors[0].kind == "exact" and str(x.errors[0].best.entry.code) == "25008"

"""Hostile input, eighteenth round (hostile18 harness under /work/notes): what it found past rounds 1-17, and the
defaults of the waits for a silent input, which the tests of those waits lower (localserver.errcat_waiting) so as
not to sit them out."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from errcat import fs
from errcat.scan import remote, stall
from localserver import Handler, server_fixture

DOCS = Path(__file__).resolve().parents[1] / "docs" / "scan.md"


def test_the_waits_for_a_silent_input_are_what_the_docs_say() -> None:
    """The FIFO, http(s) and stall tests run with their bounds at 2 s: the bounds a user gets are these."""
    text = " ".join(DOCS.read_text(encoding="utf-8").split())
    fifo = re.search(r"a FIFO no program has opened to write in (\d+) s", text)
    http = re.search(r"An http\(s\) server is waited on (\d+) s at most for a connection or for its next bytes", text)
    stalled = re.search(r"a body that brings under 1 KiB in (\d+) s of waiting is given up as stalled", text)
    assert fifo and http and stalled
    assert fs.fifo_wait == float(fifo.group(1))
    assert int(http.group(1)) == remote.HTTP_WAIT_SECONDS
    assert float(stalled.group(1)) == stall.STALL_SECONDS and stall.STALL_BYTES == 1024


# -- a body in UTF-16 or UTF-32 sent without a charset --------------------------------------------------------
# The hooks read a body without a charset as UTF-8: a .NET or Java service's JSON in UTF-16 came out as NULs between
# its letters, so MYOB's error in it was "not in the catalog (myob): {\x00"\x00E\x00r…" (shown so to the user too).
# A byte order mark, or the NULs of the first two characters where RFC 4627 puts them, now tell the encoding.

WIDE_BODY = (
    '{"Errors":[{"Name":"CustomerNotFound","Message":"The Customer cannot be found.","ErrorCode":11003,"Severity":"Error"}]}'
)


class _Wide(Handler):
    def do_GET(self) -> None:
        encoding = self.path.strip("/")
        self.reply(400, WIDE_BODY.encode(encoding), {"Content-Type": "application/json"})


wide_server = server_fixture(_Wide)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-16", "utf-32-le", "utf-32"])
def test_the_requests_hook_reads_a_utf16_or_utf32_json_body_sent_without_a_charset(wide_server: str, encoding: str) -> None:
    requests = pytest.importorskip("requests")
    from errcat.integrations.requests import RequestsVendorError, hook

    with requests.Session() as session:
        session.hooks["response"].append(hook())
        with pytest.raises(RequestsVendorError) as raised:
            session.get(f"{wide_server}/{encoding}", timeout=30)
    assert "11003 CustomerNotFound" in str(raised.value) and "\\x00" not in str(raised.value)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-32-be"])
def test_the_httpx_hook_reads_a_utf16_or_utf32_json_body_sent_without_a_charset(wide_server: str, encoding: str) -> None:
    httpx = pytest.importorskip("httpx")
    from errcat.integrations.httpx import HttpxVendorError, hook

    with httpx.Client(event_hooks={"response": [hook()]}) as client, pytest.raises(HttpxVendorError) as raised:
        client.get(f"{wide_server}/{encoding}")
    assert "11003 CustomerNotFound" in str(raised.value) and "\\x00" not in str(raised.value)


# -- a catalog file errcat may not read ------------------------------------------------------------------------
# The index's key hashes every catalog file first: one it had no permission to read was said as "changed while errcat
# read it (Permission denied): run the command again", which no rerun mends.


def test_a_catalog_file_without_read_permission_is_said_so_not_as_changed(tmp_path: Path) -> None:
    from test_hostile import _drop_root_powers

    overlay = tmp_path / "mine.yaml"
    overlay.write_text("vendors: []\n", encoding="utf-8")
    overlay.chmod(0)
    as_a_user = {"preexec_fn": _drop_root_powers} if os.geteuid() == 0 else {}
    env = {**os.environ, "ERRCAT_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run(
        [sys.executable, "-m", "errcat", "lookup", "11003", "--catalog", str(overlay)],
        capture_output=True,
        text=True,
        timeout=90,
        env=env,
        stdin=subprocess.DEVNULL,
        **as_a_user,
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr == f"errcat: cannot read catalog file {overlay}: Permission denied\n"

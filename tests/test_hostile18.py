"""Hostile input, eighteenth round (hostile18 harness under /work/notes): what it found past rounds 1-17, and the
defaults of the waits for a silent input, which the tests of those waits lower (localserver.errcat_waiting) so as
not to sit them out."""

from __future__ import annotations

import re
from pathlib import Path

from errcat import fs
from errcat.scan import remote, stall

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

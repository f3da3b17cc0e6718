"""Hostile input, hostile40's round (harness, cases and results under /work/notes/hostile40-harness): what hostile39
left (a batch member refused with id null, an impossible --since date said as unreadable) and entry points not tried
before."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from mcp_kit import mcp_session


def _mcp(tmp_path: Path, lines: list[str]) -> tuple[subprocess.CompletedProcess[str], list[dict]]:
    return mcp_session(tmp_path, lines, "hostile40")


def _ping(request_id: str, **extra: object) -> str:
    return json.dumps({"jsonrpc": "2.0", "id": 0, "method": "ping", **extra}).replace('"id": 0', f'"id": {request_id}')


def test_mcp_a_batch_member_refused_for_its_shape_is_answered_with_its_id_in_its_batch(tmp_path: Path) -> None:
    """A batch member with "jsonrpc" not "2.0", a "method" no string or "params" no object was refused with id null
    (a line of its own was answered with its id); one whose id is 1e400 went out alone, outside its batch, and the
    batch's other answers were never sent: the client waited for them forever."""
    huge = _ping("66", params={"n": 0}).replace('"n": 0', '"n": 1' + "0" * 5000)  # over Python's 4,300 digits
    batches = [
        f"[{_ping('3', jsonrpc='1.0')}, {_ping('4')}]",
        f"[{_ping('7', method=5)}, {_ping('8', params=[1])}, {_ping('9.0', params='x')}]",
        f"[{_ping('1e400')}, {_ping('5')}]",
        f"[{huge}, {_ping('6')}]",
    ]
    done, answers = _mcp(tmp_path, batches)
    assert done.returncode == 0 and "Traceback" not in done.stderr
    arrays = [a for a in answers if isinstance(a, list)]
    assert len(arrays) == 4 and answers[-1]["id"] == "last", answers
    ids = [[member["id"] for member in array] for array in arrays]
    assert ids == [[3, 4], [7, 8, 9.0], [None, 5], [66, 6]], ids
    said = [member["error"]["message"] for array in arrays for member in array if "error" in member]
    assert said == [
        'Invalid Request: its "jsonrpc" is not "2.0"',
        'Invalid Request: its "method" is not a string',
        'Invalid Request: its "params" is not an object',
        'Invalid Request: its "params" is not an object',
        'Invalid Request: its "id" is a number too large to write back (over 1.8e308)',
        "Invalid Request: it writes an integer of over 4,300 digits, more than the server reads",
    ], said

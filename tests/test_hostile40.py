"""Hostile input, hostile40's round (harness, cases and results under /work/notes/hostile40-harness): what hostile39
left (a batch member refused with id null, an impossible --since date said as unreadable) and entry points not tried
before."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mcp_kit import mcp_session

SRC = Path(__file__).resolve().parent.parent / "src"


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


def _scan_since(tmp_path: Path, value: str) -> subprocess.CompletedProcess[str]:
    log = tmp_path / "a.log"
    log.write_text("2026-06-30T10:00:00Z ERROR x\n")
    env = {**os.environ, "PYTHONPATH": str(SRC), "ERRCAT_CACHE_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "errcat", "scan", "--since", value, str(log)]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)


def test_scan_since_an_impossible_date_says_why_in_one_line(tmp_path: Path) -> None:
    """`--since 2026-06-31` was refused as "cannot read '2026-06-31' as a time": the user was not told that June has
    30 days (nor that 2026 has no 29 February, or week 53 of 2027 does not exist, or that 1764000000 is a Unix time)."""
    done = _scan_since(tmp_path, "2026-06-31")
    assert done.returncode == 2 and done.stdout == "", done
    assert done.stderr.strip().splitlines() == [
        "errcat: '2026-06-31' is no time (June 2026 has 30 days): use 2026-11-19, 2026-11-19T02:00:00Z, or 6h / 2d ago"
    ]
    assert _scan_since(tmp_path, "2024-02-29").returncode == 0  # a leap day is a day


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("2026-02-29", "(February 2026 has 28 days (2026 is no leap year))"),
        ("20260631", "(June 2026 has 30 days)"),
        ("2026-06-31T10:00Z", "(June 2026 has 30 days)"),
        ("2026-13-01", "(there is no month 13; months are 01 to 12)"),
        ("2027-W53", "(2027 has ISO weeks W01 to W52)"),
        ("2026-W47-8", "(an ISO week's days are 1 (Monday) to 7 (Sunday), not 8)"),
        ("2026-366", "(2026 has 365 days; day 366 is none of them)"),
        ("2024-366", "(a day of the year is not read: write its date, 2024-12-31)"),
        ("2026-06-30T24:00", "(hour 24 is past 23 (midnight is 00:00 of the next day))"),
        ("2026-06-30T10:00:60", "(second 60 is past 59)"),
        ("2026-06-30T10:00+25:00", "(the offset +25:00 is beyond +/-23:59)"),
        ("2026-06-30T10:00 PST", "(a time zone is written as an offset (+01:00, -05:00) or Z, not by its name)"),
        ("1764000000", "(a number, not a date: as a Unix time it is 2025-11-24T16:00:00Z)"),
        ("@1764000000123", "(a number, not a date: as a Unix time it is 2025-11-24T16:00:00Z)"),
        ("2026/11/19", "(write its date with dashes, as 2026-11-19)"),
        ("19.11.2026", "(write the year first, as 2026-11-19)"),
        ("0000-01-01", "(there is no year 0; years start at 0001)"),
    ],
)
def test_a_time_window_value_that_is_no_time_says_why(value: str, why: str) -> None:
    from errcat.errors import UsageError
    from errcat.scan.logline import parse_when

    with pytest.raises(UsageError) as refused:
        parse_when(value)
    assert str(refused.value) == f"{value!r} is no time {why}: use 2026-11-19, 2026-11-19T02:00:00Z, or 6h / 2d ago"


def _scan(tmp_path: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(SRC), "ERRCAT_CACHE_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "errcat", "scan", "--format", "json", *args]
    return subprocess.run(command, input=stdin, capture_output=True, env=env, timeout=300)


# synthetic: a log line of the shape the corpus's MYOB lines have, then bytes no log holds (a gzip stream of random data)
_LOG = b"2026-06-30T10:00:00Z ERROR GET https://api.myob.com/accountright/x 401 Unauthorized\nsecond line\n"


def test_scan_reads_the_text_before_binary_data_and_says_where_the_binary_data_starts(tmp_path: Path) -> None:
    """A short log followed by other bytes (`cat app.log core.gz | errcat scan -`, a log a crash ended with garbage)
    was refused whole as "binary file", its error lines never read: grep reads a file up to its binary data. Its lines
    are scanned and the rest said skipped from its byte, on stdin, as a file and inside gzip."""
    import gzip

    junk = gzip.compress(os.urandom(3000), mtime=0)
    (tmp_path / "mixed.log").write_bytes(_LOG + junk)
    (tmp_path / "mixed.gz").write_bytes(gzip.compress(_LOG + junk, mtime=0))
    said = f"binary data (NUL or control bytes) from byte {len(_LOG)} on, not read; the text before it was scanned"
    for args, stdin, where in [
        (["-"], _LOG + junk, said),
        ([str(tmp_path / "mixed.log")], None, said),
        ([str(tmp_path / "mixed.gz")], None, said.replace(" on,", " (unpacked) on,")),
    ]:
        done = _scan(tmp_path, *args, stdin=stdin)
        assert done.returncode == 0 and b"Traceback" not in done.stderr, done
        report = json.loads(done.stdout)
        assert report["inputs"][0]["lines"] == 2 and report["inputs"][0]["broken"] == where, report["inputs"]
        assert report["summary"]["error_records"] == 1, report["summary"]


def test_scan_still_refuses_a_binary_file_whose_first_line_ends_in_a_line_end(tmp_path: Path) -> None:
    """A PNG's first 6 bytes end in CR LF: it is no log with binary data after its text, but a binary file."""
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(2000)  # synthetic: PNG's signature, random bytes after
    (tmp_path / "p.png").write_bytes(png)
    done = _scan(tmp_path, str(tmp_path / "p.png"))
    assert done.returncode == 2
    assert done.stderr.decode().splitlines()[-1].endswith("p.png: binary file (NUL or control bytes near its start), not a log")


def test_a_url_whose_file_shrinks_between_its_listing_and_its_read_is_said_read_in_part(tmp_path: Path, monkeypatch) -> None:
    """A file read through fsspec (file://, s3://) is listed first (its size), then read. One rewritten shorter in
    between (a log rotated, an object replaced mid-scan) was scanned to its new end and the rest dropped without a
    word: a 30 MB file:// log cut to 1 MB during the scan said "8.0 MB scanned", nothing skipped. The race is made
    certain here: the file is truncated right after the scan lists it (a real truncation, not a mocked read)."""
    import errcat
    from errcat.scan import cluster

    log = tmp_path / "app.log"
    line = b"2026-06-30T10:00:00Z ERROR GET https://api.myob.com/accountright/x 401 Unauthorized\n"  # synthetic
    log.write_bytes(line * 2000)
    listed = cluster.expand

    def listed_then_cut(names: list[str]):
        found = listed(names)
        log.write_bytes(line * 10)
        return found

    monkeypatch.setattr(cluster, "expand", listed_then_cut)
    report = errcat.ErrorCatalog.open(use_env=False).scan([log.as_uri()], workers=1)
    stats = report.inputs[0]
    assert stats.lines == 10 and stats.broken is not None and "shrank" in stats.broken, stats

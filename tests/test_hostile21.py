"""Hostile input, secrets29's round (harness under /work/notes/secrets29-harness): encodings, floods and archives no
earlier round sent, each answered (explain: exit 0 or 1 with its report) or refused in one line (exit 2), never a
traceback; and the one-column tables this round's gate reads, linear on a flood of them."""

from __future__ import annotations

import gzip
import os
import zipfile

import pytest

from cputime import assert_grows_at_most
from errcat.gate import screen

MYOB = '{"Errors":[{"Name":"OrderPaid","Message":"Order paid","ErrorCode":37000,"Severity":"Error"}]}'
RESPONSE = "HTTP/1.1 400 Bad Request\r\n\r\n" + MYOB


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("overlong UTF-8 sequences before a body", b"\xc0\xaf\xe0\x80\xaf\xf0\x80\x80\xaf" * 1000 + RESPONSE.encode()),
        ("UTF-16 with a BOM and an odd last byte", b"\xff\xfe" + RESPONSE.encode("utf-16-le") + b"A"),
        ("UTF-16 without a BOM (a NUL every other byte)", RESPONSE.encode("utf-16-le")),
        ("a combining mark 500,000 times on one letter", ("a" + "\u0301" * 500_000 + "\n" + RESPONSE).encode()),
        ("bidi overrides and isolates around every character", ("\u202e\u2066\u200f" * 100_000 + RESPONSE).encode()),
        ("1 MB of lines ended by a lone CR", (RESPONSE.replace("\r\n", "\r") + "\r") * 8_000),
        (
            "100,000 Set-Cookie headers",
            ("HTTP/1.1 400 Bad Request\r\n" + "Set-Cookie: a=b\r\n" * 100_000 + "\r\n" + MYOB).encode(),
        ),
        ("a JSON object of 300,000 keys", ("{" + ",".join(f'"k{i}":1' for i in range(300_000)) + "}").encode()),
        ("lone surrogates escaped in the envelope", b'{"Errors":[{"Name":"\\ud800\\udfff\\udc00","Message":"\\ud83d"}]}'),
    ],
)
def test_explain_answers_a_hostile_paste_with_its_report(cli, tmp_path, name, data):
    paste = tmp_path / "paste.txt"
    paste.write_bytes(data if isinstance(data, bytes) else data.encode())
    result = cli("explain", str(paste))
    assert result.exit_code in (0, 1), result.output
    assert result.stdout.startswith("vendor:") and "Traceback" not in result.output


def test_explain_of_a_symlink_loop_is_refused_in_one_line(cli, tmp_path):
    os.symlink("b", tmp_path / "a")
    os.symlink("a", tmp_path / "b")
    result = cli("explain", str(tmp_path / "a"))
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [f"errcat: cannot read {tmp_path / 'a'}: Too many levels of symbolic links"]


def test_scan_of_a_zip_bomb_says_zip_is_not_read_and_reads_none_of_it(cli, tmp_path):
    """32 MiB of NULs deflated to 32 KB in a .zip: scan names the format and how to read it, unpacks nothing."""
    bomb = tmp_path / "logs.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z, z.open("app.log", "w") as member:
        for _ in range(8):
            member.write(b"\x00" * (4 << 20))
    result = cli("scan", str(bomb))
    assert result.exit_code == 2
    assert "zip-compressed (only gzip is read): unpack it, unzip -p FILE | errcat scan -" in result.stdout
    assert result.stderr.strip().splitlines() == [
        f"errcat: no input could be read: {bomb}: zip-compressed (only gzip is read): unpack it, unzip -p FILE | errcat scan -"
    ]


@pytest.mark.parametrize(
    ("name", "data", "why"),
    [
        ("a gzip header and garbage", b"\x1f\x8b\x08\x00" + b"\xde\xad" * 500, None),
        ("the first half of a gzip of 64 MiB of NULs", None, "binary file (NUL or control bytes near its start), not a log"),
        ("a log of error lines each ending in 100 NULs", ("ERROR 400 " + MYOB + "\x00" * 100 + "\n").encode() * 2_000, "binary"),
    ],
)
def test_scan_refuses_a_broken_or_binary_input_in_one_line(cli, tmp_path, name, data, why):
    log = tmp_path / "app.log.gz"
    if data is None:
        with gzip.open(log, "wb") as f:
            for _ in range(16):
                f.write(b"\x00" * (4 << 20))
        data = log.read_bytes()[: log.stat().st_size // 2]
    log.write_bytes(data)
    result = cli("scan", str(log))
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith(f"errcat: no input could be read: {log}: ")
    assert "skipped or read in part: 1 place(s)" in result.stdout
    if why is not None:
        assert why in result.stdout


def test_the_gate_reads_a_flood_of_one_column_tables_in_linear_time():
    """A one-column table under each header: each row read once, one span a table (50 rows a table here)."""
    unit = "| password |\n+----+\n" + "| a |\n" * 50

    def work(size: int) -> None:
        screen((unit * (size // len(unit) + 1))[:size])

    assert_grows_at_most(work, 100_000, 4, 8)

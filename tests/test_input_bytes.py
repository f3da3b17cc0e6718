"""The bytes a user hands over, told apart the same way by explain and by scan: a UTF-8 byte-order
mark is dropped, UTF-16 (by its mark) is transcoded, gzip is unpacked (scan), NUL bytes are refused."""

from __future__ import annotations

import gzip

import pytest

import errcat
from errcat.errors import UsageError
from errcat.scan.inputs import BINARY, Input, chunks, inputs

BODY = (
    '{"Errors":[{"Name":"DatePriorToBeginningOfFinancialYear","Message":"Date cannot be prior to beginning '
    'of financial year","ErrorCode":25008,"Severity":"Error"}]}'
)
LOG = f"2026-11-19T02:14:07Z ERROR sync POST https://arl2.api.myob.com/accountright/x/Sale/Invoice/Item -> 400 {BODY}\n"


@pytest.fixture(scope="module")
def catalog():
    with errcat.ErrorCatalog.open(use_env=False) as c:
        yield c


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le-bom", "utf-16-be-bom"])
def test_explain_reads_a_paste_in_any_marked_encoding(catalog, encoding):
    x = catalog.explain_bytes(_encoded(BODY, encoding))
    assert x.vendor == "myob" and [m.best.entry.code for m in x.errors if m.best] == [25008]
    assert not x.notes  # nothing lossy: the mark is not read as a bad byte


@pytest.mark.parametrize(
    "data, said",
    [(b"\x00\x01 junk" * 50, "looks binary"), (gzip.compress(BODY.encode()), "is gzip-compressed: unpack it first")],
    ids=["nul", "gzip"],
)
def test_explain_refuses_binary_bytes(catalog, data, said):
    with pytest.raises(UsageError, match=said):
        catalog.explain_bytes(data)


@pytest.mark.parametrize("packed", [False, True], ids=["plain", "gzip"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-be-bom"])
def test_scan_reads_every_marked_encoding_as_the_same_utf8(tmp_path, encoding, packed):
    data = _encoded(LOG * 3, encoding)
    path = tmp_path / "app.log"
    path.write_bytes(gzip.compress(data) if packed else data)
    (sniffed,) = inputs([str(path)])  # the sniff before reading, as scan does it
    assert (sniffed.gzip, sniffed.utf16, sniffed.problem) == (packed, encoding.startswith("utf-16") and not packed, None)
    inp = Input(path.name, str(path))  # read as a pipe is: decided on the bytes as they come
    assert b"".join(chunks(inp)) == (LOG * 3).encode("utf-8") and inp.problem is None


NESTED = "gzip inside gzip (one layer is read): unpack it, zcat FILE | zcat | errcat scan -"


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"\x7fELF\x00\x00\x01" * 100, BINARY),
        (gzip.compress(b"\x7fELF\x00\x00\x01" * 100), BINARY),
        (gzip.compress(gzip.compress(LOG.encode())), NESTED),  # named since the sixth hostile round
    ],
    ids=["nul", "gzip-of-nul", "gzip-of-gzip"],
)
def test_scan_refuses_binary_files(tmp_path, data, problem):
    path = tmp_path / "app.bin"
    path.write_bytes(data)
    inp = Input(path.name, str(path))
    assert b"".join(chunks(inp)) == b"" and inp.problem == problem


def _encoded(text: str, encoding: str) -> bytes:
    if encoding.endswith("-bom"):  # UTF-16 with an explicit byte order, behind its mark
        order = encoding.removesuffix("-bom")
        return "\ufeff".encode(order) + text.encode(order)
    return text.encode(encoding)

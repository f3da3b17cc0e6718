"""curl --trace (not --trace-ascii): each line gives 16 bytes in hex, then those bytes as text with a "." for each
byte not printable. review18: it was read as --trace-ascii, the hex taken for text ("GET /accountrigh74", code "331"),
and redacted before it was made whole, so a bearer token was hidden as four "random passwords" in its 16-byte pieces.

The transcript is curl 7.88.1's own (``curl --trace t.txt``) of a call to a local server (synthetic: it answered with
MYOB's documented body shape; the JWT is made up, of a JWT's shape).
"""

from __future__ import annotations

import json

from corpus import shows_secret
from errcat.explainer import explain
from errcat.explainer.curltrace import untraced

JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlc2lnbmF0dXJl"
TRACE = "\n".join((
    '== Info:   Trying 127.0.0.1:18765...',
    '== Info: Connected to 127.0.0.1 (127.0.0.1) port 18765 (#0)',
    '=> Send header, 193 bytes (0xc1)',
    '0000: 47 45 54 20 2f 61 63 63 6f 75 6e 74 72 69 67 68 GET /accountrigh',
    '0010: 74 2f 61 62 63 2f 53 61 6c 65 2f 49 6e 76 6f 69 t/abc/Sale/Invoi',
    '0020: 63 65 20 48 54 54 50 2f 31 2e 31 0d 0a 48 6f 73 ce HTTP/1.1..Hos',
    '0030: 74 3a 20 31 32 37 2e 30 2e 30 2e 31 3a 31 38 37 t: 127.0.0.1:187',
    '0040: 36 35 0d 0a 55 73 65 72 2d 41 67 65 6e 74 3a 20 65..User-Agent: ',
    '0050: 63 75 72 6c 2f 37 2e 38 38 2e 31 0d 0a 41 63 63 curl/7.88.1..Acc',
    '0060: 65 70 74 3a 20 2a 2f 2a 0d 0a 41 75 74 68 6f 72 ept: */*..Author',
    '0070: 69 7a 61 74 69 6f 6e 3a 20 42 65 61 72 65 72 20 ization: Bearer ',
    '0080: 65 79 4a 68 62 47 63 69 4f 69 4a 49 55 7a 49 31 eyJhbGciOiJIUzI1',
    '0090: 4e 69 4a 39 2e 65 79 4a 7a 64 57 49 69 4f 69 4a NiJ9.eyJzdWIiOiJ',
    '00a0: 34 49 6e 30 2e 63 32 6c 6e 62 6d 46 30 64 58 4a 4In0.c2lnbmF0dXJ',
    '00b0: 6c 63 32 6c 6e 62 6d 46 30 64 58 4a 6c 0d 0a 0d lc2lnbmF0dXJl...',
    '00c0: 0a                                              .',
    '== Info: HTTP 1.0, assume close after body',
    '<= Recv header, 27 bytes (0x1b)',
    '0000: 48 54 54 50 2f 31 2e 30 20 34 30 31 20 55 6e 61 HTTP/1.0 401 Una',
    '0010: 75 74 68 6f 72 69 7a 65 64 0d 0a                uthorized..',
    '<= Recv header, 36 bytes (0x24)',
    '0000: 53 65 72 76 65 72 3a 20 42 61 73 65 48 54 54 50 Server: BaseHTTP',
    '0010: 2f 30 2e 36 20 50 79 74 68 6f 6e 2f 33 2e 31 31 /0.6 Python/3.11',
    '0020: 2e 37 0d 0a                                     .7..',
    '<= Recv header, 37 bytes (0x25)',
    '0000: 44 61 74 65 3a 20 4d 6f 6e 2c 20 30 37 20 44 65 Date: Mon, 07 De',
    '0010: 63 20 32 30 32 36 20 31 33 3a 32 38 3a 35 31 20 c 2026 13:28:51 ',
    '0020: 47 4d 54 0d 0a                                  GMT..',
    '<= Recv header, 32 bytes (0x20)',
    '0000: 43 6f 6e 74 65 6e 74 2d 54 79 70 65 3a 20 61 70 Content-Type: ap',
    '0010: 70 6c 69 63 61 74 69 6f 6e 2f 6a 73 6f 6e 0d 0a plication/json..',
    '<= Recv header, 21 bytes (0x15)',
    '0000: 43 6f 6e 74 65 6e 74 2d 4c 65 6e 67 74 68 3a 20 Content-Length: ',
    '0010: 31 37 32 0d 0a                                  172..',
    '<= Recv header, 2 bytes (0x2)',
    '0000: 0d 0a                                           ..',
    '<= Recv data, 172 bytes (0xac)',
    '0000: 7b 22 45 72 72 6f 72 73 22 3a 20 5b 7b 22 4e 61 {"Errors": [{"Na',
    '0010: 6d 65 22 3a 20 22 4f 41 75 74 68 54 6f 6b 65 6e me": "OAuthToken',
    '0020: 49 73 49 6e 76 61 6c 69 64 22 2c 20 22 4d 65 73 IsInvalid", "Mes',
    '0030: 73 61 67 65 22 3a 20 22 54 68 65 20 73 75 70 70 sage": "The supp',
    '0040: 6c 69 65 64 20 4f 41 75 74 68 20 74 6f 6b 65 6e lied OAuth token',
    '0050: 20 28 42 65 61 72 65 72 29 20 69 73 20 6e 6f 74  (Bearer) is not',
    '0060: 20 76 61 6c 69 64 22 2c 20 22 41 64 64 69 74 69  valid", "Additi',
    '0070: 6f 6e 61 6c 44 65 74 61 69 6c 73 22 3a 20 22 22 onalDetails": ""',
    '0080: 2c 20 22 45 72 72 6f 72 43 6f 64 65 22 3a 20 33 , "ErrorCode": 3',
    '0090: 31 30 30 31 2c 20 22 53 65 76 65 72 69 74 79 22 1001, "Severity"',
    '00a0: 3a 20 22 45 72 72 6f 72 22 7d 5d 7d             : "Error"}]}',
    '== Info: Closing connection 0',
))  # fmt: skip


def test_a_curl_trace_is_read_from_its_bytes(catalog):
    d = explain(catalog, TRACE).as_dict()
    assert d["vendor"] == "myob"
    assert (d["http"]["method"], d["http"]["status"]) == ("GET", 401)
    assert d["http"]["url"].endswith("/accountright/abc/Sale/Invoice")
    (error,) = d["errors"]
    assert error["observed"]["code"] == "31001" and error["observed"]["name"] == "OAuthTokenIsInvalid"


def test_a_token_a_curl_trace_cut_into_16_byte_lines_is_hidden_whole(catalog):
    x = explain(catalog, TRACE)
    assert dict(x.redacted_kinds) == {"JWT": 1}
    assert not shows_secret(JWT, json.dumps(x.as_dict()))


def test_a_trace_line_whose_trailing_blanks_were_stripped_is_still_read():
    """A paste's editor strips a line's trailing blanks: its text column is then shorter than its bytes are many."""
    stripped = "\n".join(line.rstrip() for line in TRACE.split("\n"))
    assert "> Authorization: Bearer " + JWT in untraced(stripped).split("\n")


def test_a_hex_line_whose_text_column_disagrees_is_read_as_text():
    """A --trace-ascii body line that happens to start with hex pairs is no --trace line: its text is kept."""
    trace = "<= Recv data, 12 bytes (0xc)\n0000: 4f 4b 20 done"
    assert untraced(trace) == "4f 4b 20 done"

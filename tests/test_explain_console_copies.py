"""errcat explain on text copied out of a Windows console, which cuts every long line at the console's width
(80 columns in cmd, 120 in Windows 10's console) and ends each cut with CRLF: a JSON key, a code or a message
cut in two was read as two lines. The pastes are real (sources beside them); the cutting is the console's."""

from __future__ import annotations

import json

import pytest

from errcat.explainer import explain

# MYOB API support article 'AccountNotValid' https://apisupport.myob.com/hc/en-us/articles/6216752181519-AccountNotValid,
# the body printed on one line as a console client logs it
MYOB_ACCOUNT_NOT_VALID = json.dumps(
    {
        "Errors": [
            {
                "Name": "AccountNotValid",
                "Message": "Account must be bank or credit card type",
                "AdditionalDetails": "",
                "ErrorCode": 29001,
                "Severity": "Error",
                "LearnMore": None,
            }
        ],
        "Information": "Warning, error messages have not been finalised in this release and may change",
    }
)
# AroFlo help 'Integration Troubleshooting' https://help.aroflo.com/display/IMAI/Integration+Troubleshooting
AROFLO_MYOB = (
    "MYOB Live[50] Error converting value \"\" to type 'System.Guid'. Path 'lines[X].Account.uid', line 1, position YYY."
)
# Sage developer docs 'Response Codes' https://developer.sage.com/accounting/ (the 503 row as the page renders it)
SAGE_503 = (
    "503 | Service Unavailable | One of our servers required to serve this request could not be reached. Please retry later. |"
)


def console_copy(text: str, width: int) -> str:
    """What a console's copy gives: each line cut every ``width`` characters, lines ended by CRLF."""
    rows = []
    for line in text.split("\n"):
        rows += [line[i : i + width] for i in range(0, len(line), width)] or [""]
    return "\r\n".join(rows)


def reading(x):
    return x.vendor, [(m.kind, m.sent.code, m.sent.message, [c.entry.id for c in m.candidates[:1]]) for m in x.errors]


@pytest.mark.parametrize(
    ("paste", "width"),
    [(MYOB_ACCOUNT_NOT_VALID, 80), (MYOB_ACCOUNT_NOT_VALID, 120), (AROFLO_MYOB, 80), (SAGE_503, 80), (SAGE_503, 120)],
    ids=["myob body 80", "myob body 120", "myob line 80", "sage row 80", "sage row 120"],
)
def test_a_console_copy_reads_as_the_text_it_was_cut_from(catalog, paste, width):
    copied = console_copy(paste, width)
    assert "\r\n" in copied
    assert reading(explain(catalog, copied)) == reading(explain(catalog, paste))


def test_a_console_copy_of_a_documented_body_still_matches_its_entry(catalog):
    x = explain(catalog, console_copy(MYOB_ACCOUNT_NOT_VALID, 80))
    assert x.vendor == "myob"
    assert [(m.kind, m.sent.code) for m in x.errors] == [("exact", "29001")]


@pytest.mark.parametrize(
    "text",
    [
        "a" * 80 + "\nshort\n" + "b" * 80 + "\nend",  # a Unix copy: long lines are whole, a line may be 80 wide
        "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\n\r\n{}",  # CRLF lines under the width
        "x" * 80 + "\r\n" + "y" * 90 + "\r\nz",  # a line wider than the width: no console cut these
        "x" * 80 + "\r\nsecond\r\n" + "y" * 20 + "\r\nz",  # one line as wide, and more lines after it than one cut leaves
        # a console framework's box, each line padded with blanks to the width: laid out, not cut
        ("  [Guzzle\\Http\\Exception\\ClientErrorResponseException]".ljust(80) + "\r\n") * 2 + "  [status code] 400".ljust(80),
    ],
)
def test_text_no_console_cut_stays_as_it_is(text):
    from errcat.text import unwrapped

    assert unwrapped(text) == text

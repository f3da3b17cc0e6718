"""A CI log pasted whole shows its test runner's verdicts: Go's ``--- PASS: TestX`` and Jest's `` PASS  path`` name a test
or a file, not a password (the gate hid them as a credential named PASS); a PASS that gives a value stays hidden."""

from __future__ import annotations

import pytest

from errcat.gate import MARK, shown

GO_TEST = """=== RUN   TestInvoiceSync
--- PASS: TestInvoiceSync (0.00s)
=== RUN   TestMyobAuth/refresh
    --- PASS: TestMyobAuth/refresh (0.01s)
--- FAIL: TestMyobAuth (0.02s)
    client_test.go:42: POST https://api.myob.com/accountright/ returned 401 Unauthorized
FAIL
"""

JEST = """ PASS  src/sync/invoices.test.ts (5.21 s)
 PASS  src/app.test.js
 FAIL  src/myob/client.test.js
  ● client › refreshes the token
"""


@pytest.mark.parametrize("log", [GO_TEST, JEST], ids=["go-test", "jest"])
def test_a_test_runners_verdict_lines_are_shown_whole(log):
    assert shown(log) == log


@pytest.mark.parametrize(
    "text",
    [
        "PASS: Quokkawinter3596",  # a name and its value
        "--- PASS: Quokkawinter3596",  # no test's name after Go's verdict
        "USER  ops\nPASS  wombatharbor",  # an aligned table of a login: no test file after PASS
        " PASS  src/app.test.js\npassword: Quokkawinter3596",  # a verdict beside a credential
        "PASS Quokkawinter3596",  # FTP's PASS
    ],
)
def test_a_pass_that_gives_a_value_is_still_hidden(text):
    out = shown(text)
    assert MARK in out
    assert "Quokkawinter3596" not in out and "wombatharbor" not in out

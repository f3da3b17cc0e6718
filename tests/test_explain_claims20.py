"""claims20's adversarial pastes: another service's error in exactly a vendor's envelope, the other service named in
the paste's words, and codes or messages several documented errors share (synthetic probes unless a source is given;
the harness of 112 cases is /work/notes/claims20-harness). Each was claimed for a catalogued vendor before."""

from __future__ import annotations

import pytest

from errcat.explainer import explain

CLAIMS = {"exact", "template", "code", "status"}


def myob(name: str, msg: str, code: int, detail: str = "") -> str:
    one = f'"Name":"{name}","Message":"{msg}","AdditionalDetails":"{detail}","ErrorCode":{code},"Severity":"Error"'
    return '{"Errors":[{' + one + "}]}"


SAGE_401 = (
    '[{"$severity":"error","$dataCode":"AccessTokenExpiredError","$message":"Your Access token has expired.",'
    '"$source":"Authorization"}]'
)
SAGE_VALIDATION = '[{"$severity":"error","$dataCode":"ValidationError","$message":"Contact is required","$source":"contact"}]'


@pytest.mark.parametrize(
    "paste",
    [
        # a code only (MYOB's ValidationError 1024) in MYOB's envelope: its shape alone named MYOB over the name
        "QuickBooks sync: " + myob("ValidationError", "Amount must be positive", 1024),
        "Reckon API error: " + myob("ValidationError", "Invalid tax code", 1024, "TaxCode"),
        "sage_sync.py: Moneybird returned 422 " + SAGE_VALIDATION,
        # MYOB's and Sage's documented words in their envelope: named by the words only the paste's other service sent
        "KashFlow returned 400: " + myob("Required", "Name is required", 100, "Name"),
        "Fortnox returned: " + myob("DateInLockedPeriod", "Date cannot be in locked period", 25009, "Date"),
        "Xero returned 401: " + SAGE_401,
    ],
)
def test_a_vendors_envelope_beside_another_services_name_is_that_services_body(catalog, paste):
    x = explain(catalog, paste)
    assert x.vendor is None, [(c.kind, c.value, c.vendor) for c in x.clues]
    assert all(e.kind not in CLAIMS for e in x.errors), [e.kind for e in x.errors]


@pytest.mark.parametrize(
    ("paste", "vendor", "code"),
    [
        # the same bodies with the vendor named, or nothing else said, are still the vendor's
        ("Xero sync ok\nMYOB sync failed: 400 " + myob("Required", "Name is required", 100, "Name"), "myob", 100),
        (myob("DateInLockedPeriod", "Date cannot be in locked period", 25009, "Date"), "myob", 25009),
        ("Sage Business Cloud Accounting returned 401: " + SAGE_401, "sage", "AccessTokenExpiredError"),
        (SAGE_401, "sage", "AccessTokenExpiredError"),
    ],
)
def test_the_vendors_own_envelope_with_its_documented_words_is_still_read(catalog, paste, vendor, code):
    x = explain(catalog, paste)
    assert x.vendor == vendor
    assert x.errors[0].kind in CLAIMS and str(x.errors[0].candidates[0].entry.code) == str(code)


def test_a_name_several_errors_share_with_a_code_none_of_them_has_is_a_family(catalog):
    """MYOB's RateLimitError is two documented errors (the daily and the per-second limit, no code): another server's
    body with that name, its own code 429 and its own words was claimed as the daily one by name (a code sent beside
    the name stopped it being read as the family it is)."""
    body = myob("RateLimitError", "Too many requests", 429)
    x = explain(catalog, "GET https://api.myob.com/accountright/ 403\n" + body)
    assert x.vendor == "myob" and x.errors[0].kind == "none"
    assert len(x.errors[0].family) == 2
    assert any(n.startswith("one of 2 documented errors with this name") for n in x.notes), x.notes
    said = explain(
        catalog,
        "GET https://api.myob.com/accountright/ 403\n" + myob("RateLimitError", "API key has exceeded the daily rate limit", 429),
    )
    assert said.errors[0].kind in CLAIMS and said.errors[0].candidates[0].entry.message.endswith("daily rate limit")


def test_words_several_documented_errors_share_name_both_and_claim_neither(catalog):
    """MYOB's 37000 OrderPaid and 38000 PurchaseOrderPaid share their words: sent bare, or to an endpoint documented for
    neither, the reading claimed 38000 as the exact match (37000 under "also", scored above the match's confidence)."""
    for paste in (
        "MYOB: 400 Cannot delete order with payment(s) applied",
        "DELETE https://api.myob.com/accountright/0a1b2c3d-0000-4000-8000-000000000000/Sale/Invoice/Item/1\n"
        "HTTP/1.1 400 Bad Request\n\nCannot delete order with payment(s) applied",
    ):
        x = explain(catalog, paste)
        assert x.vendor == "myob" and x.errors[0].kind == "none", paste
        assert {c.entry.code for c in x.errors[0].family} == {37000, 38000}, paste


@pytest.mark.parametrize(
    ("status", "code", "message"),
    [
        (400, "BAD_REQUEST", "Invalid request body. Please check the schema and try again."),
        (401, "UNAUTHORIZED", "Authentication failed. Please check your credentials and try again."),
    ],
)
def test_a_status_restated_as_the_code_does_not_contradict_a_code_of_words(catalog, status, code, message):
    """ProSpend documents "400: BAD_REQUEST" and its message; a body that sends the status as its code ({"code": 400})
    with the documented message, at ProSpend's own host, matched nothing, while the same body without the code matched
    exactly: the number was read as a code that says another error."""
    paste = f'POST https://api.apac.prospend.io/beta/company/42/bills {status} {{"code":{status},"message":"{message}"}}'
    x = explain(catalog, paste)
    assert x.vendor == "prospend" and x.errors[0].kind == "exact"
    assert x.errors[0].candidates[0].entry.code == code
    # a number that is not the status still says another error
    other = explain(catalog, paste.replace(f'"code":{status}', '"code":4001'))
    assert other.errors[0].kind not in CLAIMS - {"status"}


def test_a_log_lines_request_and_status_before_the_errors_words(catalog):
    """'DELETE <url> 400 <the error's words>' on one line (a log's request, status and message) read as no match: no
    status was found after a URL, and the whole line was the message. Its endpoint now says which of 37000/38000."""
    url = "https://api.myob.com/accountright/0a1b2c3d-0000-4000-8000-000000000000/Purchase/Order/Item/1"
    x = explain(catalog, f"DELETE {url} 400 Cannot delete order with payment(s) applied")
    assert x.exchange.status == 400 and x.errors[0].sent.message == "Cannot delete order with payment(s) applied"
    assert x.errors[0].kind == "exact" and x.errors[0].candidates[0].entry.code == 38000


def test_a_log_lines_request_and_status_after_its_time_and_level(catalog):
    """The same line after a log's time and level ("<time> ERROR DELETE <url> 400 <words>", what scan reads from a log)
    found no status and kept the whole line as the message: MYOB's 37000 was "not in the catalog". A request head with
    no words of the error after it leaves the line whole."""
    url = "https://api.myob.com/accountright/0a1b2c3d-0000-4000-8000-000000000000/Sale/Order/Item/1"
    x = explain(catalog, f"2026-01-05T10:00:01Z ERROR DELETE {url} 400 Cannot delete order with payment(s) applied")
    assert x.exchange.status == 400 and x.errors[0].sent.message == "Cannot delete order with payment(s) applied"
    assert x.errors[0].kind == "exact" and x.errors[0].candidates[0].entry.code == 37000
    thrown = explain(catalog, f"Octokit::Unauthorized: POST {url}: 401 - Bad credentials")
    assert thrown.errors[0].sent.message == "Bad credentials"

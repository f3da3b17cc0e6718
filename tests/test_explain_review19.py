"""review19: hostile variants of the rules the merges after review18 added to explain (claims19, blind39), each a
synthetic probe labelled as such: a rule that took another line's URL for the request, or weighed the vendor's own
evidence as words only."""

from __future__ import annotations

import pytest

from errcat.explainer import explain

CLAIMS = {"exact", "template", "code", "status"}

# MYOB's documented 25008, as ../shared/sources/myob-business-api-errors.txt prints its body
MYOB_25008 = (
    '{"Errors":[{"Name":"DatePriorToBeginningOfFinancialYear","Message":"Date cannot be prior to beginning of financial year",'
    '"AdditionalDetails":"Date","ErrorCode":25008,"Severity":"Error","LearnMore":null}]}'
)


def test_a_later_line_reporting_the_status_to_another_server_is_not_the_request(catalog):
    """blind39's rule (the request is the call whose line states the error's status) took any URL on such a line: a
    log's MYOB error, its call named by path, then its report to Sentry naming the status, read as Sentry's answer
    (synthetic log)."""
    paste = (
        "10:01:02 INFO GET https://arl2.api.myob.com/accountright/6f3c/Company 200\n"
        f"10:01:03 ERROR POST /accountright/6f3c/Sale/Invoice/Item failed: HTTP 400 {MYOB_25008}\n"
        "10:01:04 INFO reported event to https://o12345.ingest.sentry.io/api/678/envelope/ (error 400 attached)\n"
    )
    x = explain(catalog, paste)
    assert x.vendor == "myob" and x.errors[0].kind == "exact", (x.vendor, x.errors[0].kind)
    assert "sentry" not in (x.as_dict()["http"]["host"] or "")


def test_the_vendors_host_named_as_the_server_that_answered_is_its_own(catalog):
    """claims19 weighed a host of the vendor's domain as words where no request is shown (for a link to its pages beside
    another service's error); named bare as the server that answered, beside a shop's name, it is the vendor's answer,
    and its code in the ErrorCode body MYOB sends is its documented error (synthetic log line; 190 is MYOB's
    ZeroAmount, ../shared/sources)."""
    x = explain(
        catalog, 'shopify order 1042 -> arl2.api.myob.com answered 400: {"Message":"Total must be positive","ErrorCode":190}'
    )
    assert x.vendor == "myob" and x.errors[0].kind == "code" and x.errors[0].best.entry.code == 190, (x.vendor, x.errors)


def test_the_vendors_host_in_a_link_beside_another_services_error_is_still_no_answer(catalog):
    # the same line with the host only in a link to MYOB's pages: Shopify's answer, as claims19 made it (synthetic)
    x = explain(
        catalog,
        'shopify order 1042 answered 400: {"Message":"Total must be positive","ErrorCode":190} (compare '
        "https://developer.myob.com/api/accountright/api-overview/error-messages/)",
    )
    assert x.vendor is None, x.vendor


@pytest.mark.parametrize(
    "paste",
    [
        # the vendor's host named only as called, another service said to answer (synthetic): no answer of the vendor's
        'sync to arl2.api.myob.com skipped: stripe answered 400 {"error":{"message":"Amount must be at least 50 cents",'
        '"type":"invalid_request_error","code":190}}',
        'Xero returned 400 {"Message":"Total must be positive","ErrorCode":190} while posting to arl2.api.myob.com',
    ],
)
def test_the_vendors_host_named_only_as_called_beside_another_services_answer_is_no_claim(catalog, paste):
    x = explain(catalog, paste)
    assert x.vendor is None and all(e.kind not in CLAIMS for e in x.errors), (x.vendor, [e.kind for e in x.errors])


def test_a_number_the_vendors_documented_endpoint_answered_is_its_code(catalog):
    """claims19 dropped a number sent beside other words in a shape the vendor does not send (for Facebook's 190 under
    a program named after MYOB); a request to MYOB's documented endpoint on its API host answering with it lost MYOB's
    documented error too (synthetic exchange: a {"code","message"} body, as a gateway in front of the API might send)."""
    paste = (
        "POST https://arl2.api.myob.com/accountright/6f3c/Sale/Invoice/Item\nHTTP/1.1 400 Bad Request\n"
        'Content-Type: application/json\n\n{"code": 25008, "message": "Validation failed"}\n'
    )
    x = explain(catalog, paste)
    assert x.vendor == "myob" and x.errors[0].kind == "code" and x.errors[0].best.entry.code == 25008, x.errors


def test_a_number_under_the_vendor_the_user_named_is_its_code(catalog):
    # --vendor myob says whose the paste is (the CLI's "skips detection"): its number is MYOB's (synthetic body)
    x = explain(catalog, '{"code": 25008, "message": "Validation failed"}', vendor="myob")
    assert x.errors[0].kind == "code" and x.errors[0].best.entry.code == 25008, x.errors

"""review19: hostile variants of the rules the merges after review18 added to explain (claims19, blind39), each a
synthetic probe labelled as such: a rule that took another line's URL for the request, or weighed the vendor's own
evidence as words only."""

from __future__ import annotations

from errcat.explainer import explain

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

"""errcat explain on HTTP facts that stand inside other text: a status line after a log line's prefix, a number in
an error's own words that is not the status, a link in a message's prose that is not the request, a label with no
value. The bodies are real (their sources beside them); the log prefixes around them are written for the test."""

from __future__ import annotations

import json

from errcat.explainer import explain
from errcat.scan import ScanOptions, scan

# MYOB API support article 'AccountNotValid' https://apisupport.myob.com/hc/en-us/articles/6216752181519-AccountNotValid
# (the dev corpus's dev-8), on one line
MYOB_DOCUMENTED = (
    '{"Errors":[{"Name":"AccountNotValid","Message":"Account must be bank or credit card type","AdditionalDetails":"",'
    '"ErrorCode":29001,"Severity":"Error","LearnMore":null}]}'
)
# GitHub issue myob-oss/AccountRight_Live_API_.Net_SDK#279 (2024-09-17; the dev corpus's dev-0): an undocumented error
# an error in MYOB's envelope that the catalog holds in no layer (CustomerNotFound, below, is an observed entry now)
MYOB_UNCATALOGUED = (
    '{"Errors":[{"Name":"BrandNewFailure","Message":"Something nobody documented","ErrorCode":99901,"Severity":"Error"}]}'
)
MYOB_UNDOCUMENTED = (
    '{"Errors":[{"Name":"CustomerNotFound","Message":"The Customer with UID of \'511d425d-a306-4e19-add4-de842086444a\' '
    'cannot be found.","AdditionalDetails":"Customer.UID","ErrorCode":11003,"Severity":"Error","LearnMore":null}]}'
)
# GitHub issue basecamp/bc-api#48 (2019-01-25, own-50): the link is where to get a new token, not the request
BASECAMP_EXPIRED = (
    '{\n    "error": "OAuth token expired (old age). Refresh your token or acquire a new one at <a href=\\"https://launchpad'
    '.37signals.com/authorization/new\\">https://launchpad.37signals.com/authorization/new</a>"\n}'
)
# GitHub issue IntuitDeveloper/SampleApp-CRUD-PHP#7 (2018-11-21, own-55): QuickBooks' PHP SDK states the status in
# brackets; the body's <Error code="500"> is QuickBooks' error code
QUICKBOOKS_SDK = (
    "Uncaught QuickBooksOnline\\API\\Exception\\ServiceException: Http Status Code [400]: Request is not made successful."
    ' Response Code:[400] with body: [<?xml version="1.0" encoding="UTF-8" standalone="yes"?><IntuitResponse'
    ' xmlns="http://schema.intuit.com/finance/v3"><Fault type="ValidationFault"><Error code="500"><Message>Unsupported'
    " Operation</Message></Error></Fault></IntuitResponse>]."
)


def test_a_status_line_after_a_log_prefix_is_the_exchanges_status(catalog):
    """'2024-05-01 10:00:00 ERROR HTTP/1.1 400 Bad Request {...}' was read with no status at all: only a line that
    begins with HTTP/ was taken as a status line."""
    x = explain(catalog, f"2024-05-01 10:00:00 ERROR HTTP/1.1 400 Bad Request {MYOB_DOCUMENTED}")
    assert (x.exchange.status, x.exchange.reason, x.vendor) == (400, "Bad Request", "myob")
    assert [(m.kind, m.sent.status) for m in x.errors] == [("exact", 400)]
    x = explain(catalog, f"[worker-3] WARN  sync failed: HTTP/2 404 {MYOB_UNDOCUMENTED}")
    assert x.exchange.status == 404 and x.errors[0].sent.code == "11003"


def test_scan_reads_the_status_of_a_status_line_after_a_log_prefix(catalog, tmp_path):
    log = tmp_path / "app.log"
    log.write_text(
        "2024-05-01 09:59:59 INFO sync started\n"
        f"2024-05-01 10:00:00 ERROR HTTP/1.1 404 Not Found {MYOB_UNCATALOGUED}\n"
        "2024-05-01 10:00:01 INFO sync ended\n"
    )
    report = scan(catalog, [str(log)], ScanOptions(workers=1))
    # the status is read; the vendor is not named: MYOB's envelope holding nothing MYOB documents is a shape any
    # service can answer in (claims21: a vendor is named only on evidence that is its own)
    assert [(k[0], k[1]) for k in report.unmatched] == [(None, 404)]
    assert report.matched == {}


def test_a_number_in_an_xml_parsers_message_is_not_the_http_status(catalog):
    """Sage Intacct's 'XML Parse error: Error 502: Value ...' (a Go client's test, find_string id 21349907673) was
    read as HTTP 502 Bad Gateway: 'Error 502' is the parser's error number; Intacct answers such a request with 200."""
    body = (
        "<response><errormessage><error><errorno>XL03000003</errorno>\n"
        "<description2>XML Parse error: Error 502: Value &amp;quot;whatever&amp;quot; for attribute object of get_list is"
        " not among the enumerated set. Line: 19, column: 70.</description2>\n</error></errormessage></response>"
    )
    x = explain(catalog, body)
    assert x.exchange.status is None and x.vendor is None
    assert [m.kind for m in x.errors] == ["none"]
    # the same words outside a body's text, and a status with its own phrase inside one, still state a status
    assert explain(catalog, "sync failed: error 502 from the gateway").exchange.status == 502
    assert explain(catalog, '{"message": "Error 503: Service Unavailable"}').exchange.status == 503


def test_a_link_in_a_messages_prose_is_not_the_request(catalog):
    """Basecamp's 'acquire a new one at <a href="https://launchpad...">' was shown as the request URL (and its host
    as the one called); a link the message points a person to is not the request that failed."""
    x = explain(catalog, BASECAMP_EXPIRED)
    assert x.exchange.url is None and x.exchange.host is None
    x = explain(catalog, "upload failed: 401 Unauthorized; for more information see https://status.example.org/incidents")
    assert x.exchange.url is None
    # a URL the text names as what was called is still the request
    x = explain(catalog, "Encountered a validation error (https://arl2.api.myob.com/accountright/x/Sale/Invoice/Service/)")
    assert x.exchange.host == "arl2.api.myob.com"


def test_a_status_stated_in_brackets_is_read(catalog):
    """QuickBooks' PHP SDK writes 'Http Status Code [400]': the bracket hid it, and the body's error code 500 was
    taken for the status."""
    x = explain(catalog, QUICKBOOKS_SDK)
    assert x.exchange.status == 400 and x.vendor is None
    assert json.dumps([m.kind for m in x.errors]) == '["none"]'


def test_an_empty_code_label_does_not_take_the_next_labels_name(catalog):
    """Stripe's error as a CiviCRM extension logged it (GitHub issue drastik/com.drastikbydesign.stripe#49): its empty
    'Code:' line was read with the next line, and 'Message' became the error's code."""
    x = explain(catalog, "    Type: invalid_request_error\n    Code:\n    Message: No such customer: cus_4cZVRZAFBY0NUj")
    (m,) = x.errors
    assert m.sent.code is None and "No such customer" in (m.sent.message or "")
    assert explain(catalog, "Error code: 4001\nMessage: Invalid query").errors[0].sent.code == "4001"


def test_a_schema_named_in_a_message_is_not_the_request(catalog):
    """Sage 50's SData answer (GitHub issue Sage/SData-2.0#95) names the XML namespace it found: it was shown as the
    request URL."""
    x = explain(
        catalog,
        "POST operation failed - Invalid payload detected, expecting 'contact' found 'http://schemas.sage.com/GCRM:contact'",
    )
    assert x.exchange.url is None and x.exchange.host is None and x.vendor is None


def test_a_ruby_hash_rocket_is_not_an_arrow_to_a_status(catalog):
    """The Stack Exchange API's throttle error as Ruby printed it (GitHub issue ruby-oauth/oauth2#147) was read as HTTP
    502: '"error_id"=>502' is a key and its value, not a log line's 'POST /x => 502'."""
    paste = (
        '{"error_id"=>502,\n "error_name"=>"throttle_violation",\n "error_message"=>"too many requests from this '
        'app/user pair, more requests available in 1112 seconds"}'
    )
    assert explain(catalog, paste).exchange.status is None
    assert explain(catalog, "[error_code] => 503").exchange.status is None
    assert explain(catalog, "POST /v1/contacts => 503").exchange.status == 503


def test_a_status_before_the_errors_quoted_words_is_the_status(catalog):
    """A changelog's '422 — "Items element should be of type array"' (digitaldev-lx/laravel-invoice-express, the dev
    corpus's dev-46) was read with no status: only a body or the status's own phrase after the number counted."""
    x = explain(catalog, '422 — "Items element should be of type array"')
    assert x.exchange.status == 422 and x.vendor == "invoicexpress"
    assert x.errors[0].kind == "exact" and x.errors[0].sent.message is not None
    assert not x.errors[0].sent.message.startswith("422")
    # SuesteCreative/shopify-invoicexpress-worker CHANGELOG.md: a plain space before the quote
    assert explain(catalog, '422 "Item price must be positive"').exchange.status == 422
    # a count before quoted words is no status
    assert explain(catalog, '400 items were rejected: "Item price must be positive"').exchange.status is None


def test_an_error_page_saying_http_error_is_still_read(catalog):
    """IIS's page for a bad request (GitHub issue Sage/sageone_api_php_sample#20, own-68) says its status inside a
    paragraph: a number in a body's own text is a status when HTTP is said before it."""
    page = (
        '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN""http://www.w3.org/TR/html4/strict.dtd">\n'
        "<HTML><HEAD><TITLE>Bad Request</TITLE>\n"
        '<META HTTP-EQUIV="Content-Type" Content="text/html; charset=us-ascii"></HEAD>\n'
        "<BODY><h2>Bad Request</h2>\n<hr><p>HTTP Error 400. The request is badly formed.</p>\n</BODY></HTML>"
    )
    assert explain(catalog, page).exchange.status == 400


def test_a_status_alone_over_the_errors_words_is_the_status(catalog):
    """Xero's 404 (freakboy3742/pyxero tests/test_exceptions.py, 'verified response from the live API') pasted under
    its status had no status and '404' in its message: a status alone on its line counted only over a body."""
    x = explain(catalog, "404\nThe resource you're looking for cannot be found")
    assert x.exchange.status == 404 and x.errors[0].sent.message == "The resource you're looking for cannot be found"
    assert explain(catalog, "Totals\n404\nitems were rejected").exchange.status is None  # not the paste's first line


# A MYOB integration research note's gotcha, found with the search tool's find_string (file id 67349945194; the
# tool does not give its repository): the error's number follows the word "error"
MYOB_GOTCHA = (
    "7. **Transactions cannot be deleted (must be reversed)** \u2014 If the company file preference "
    "`TransactionsCannotBeChangedMustBeReversed = true` is set, DELETE returns error 25003. You must create a reversal "
    "transaction instead.\n   [DOCUMENTED] https://developer.myob.com/api/myob-business-api/api-overview/error-messages/"
)


def test_an_error_number_said_after_error_is_its_code(catalog):
    """'DELETE returns error 25003' named no code: only 'error code: N' and 'code=N' did."""
    x = explain(catalog, MYOB_GOTCHA)
    assert (x.vendor, [(m.kind, m.sent.code) for m in x.errors]) == ("myob", [("code", "25003")])
    assert x.errors[0].candidates[0].entry.name == "TransactionsCannotBeDeleted"


def test_an_error_number_of_three_digits_or_none_vendor_claims_nothing(catalog):
    """Three digits after "error" may be the HTTP status ("error 404"); and a number alone names no vendor."""
    assert explain(catalog, "The sync returned error 404 again").errors[0].sent.code is None
    x = explain(catalog, "The sync returned error 25003 again")
    assert x.vendor is None and all(m.kind not in ("exact", "template", "code", "status") for m in x.errors)

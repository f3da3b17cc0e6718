"""review21: a review of stop 66's explain changes (claims21, review20's curl rule, blind41). All pastes synthetic, in the
words of the catalog's own documented errors (MYOB's 25008)."""

from __future__ import annotations

import json

import pytest

from errcat.explainer import explain

MYOB_25008 = "Date cannot be prior to beginning of financial year"


@pytest.mark.parametrize(
    "paste",
    [
        f"returns 400 {MYOB_25008}",
        f"MYOB returns 400 {MYOB_25008}",
        f"MYOB API gives me 400 {MYOB_25008}",
        f"MYOB: 400 {MYOB_25008}",
        f"MYOB: 400: {MYOB_25008}",
    ],
)
def test_a_line_of_words_then_a_status_then_the_error_reads_as_a_curl_line_does(catalog, paste):
    """review20 read a curl command's "<url> returns 400 <the error>" from the status on; the same words on a line of
    their own were read whole ("returns 400 Date cannot ..." was only similar to 25008), and "MYOB: 400 <the error>"
    (a name, a colon, a status) read no status: no retry by it, no HTTP 400 in the one line."""
    x = explain(catalog, paste)
    assert x.errors[0].kind == "exact" and x.errors[0].best.entry.code == 25008, (paste, x.errors[0])
    assert x.exchange.status == 400, paste
    curl = explain(catalog, f"curl -X POST https://api.myob.com/accountright/x/Sale/Invoice/Item {paste}")
    if not paste.startswith("MYOB:"):
        assert curl.errors[0].sent.message == x.errors[0].sent.message == f"400 {MYOB_25008}", paste


@pytest.mark.parametrize(
    "paste", ["there are 500 invoices failing", "Total: 400 Invoices were imported", "Skipped: 500 rows", "Order 400 was deleted"]
)
def test_a_count_after_words_or_a_label_is_no_status(catalog, paste):
    """The rules above take a status only where the error's words follow it: a count goes on to what it counts."""
    x = explain(catalog, paste)
    assert x.exchange.status is None, paste
    assert all(e.sent.message == paste for e in x.errors), paste


@pytest.mark.parametrize(
    "name",
    ["AccessDenied", "ValidationError", "NotFound"],  # names MYOB documents, in every API's words
)
def test_a_name_every_api_uses_does_not_make_an_envelope_the_vendors_own(catalog, name):
    """claims21 names MYOB from its envelope only where it holds a value MYOB documents; a documented name counted
    whatever it was, and AccessDenied, ValidationError or NotFound are S3's, Azure's and any framework's too. Another
    service's body in that shape, with a code MYOB does not document and its own words, was named MYOB, and with
    AccessDenied claimed as MYOB's documented error (with MYOB's fix)."""
    body = {"Name": name, "ErrorCode": 88001, "Message": "Token lacks the shipments scope", "Severity": "Error"}
    x = explain(catalog, json.dumps({"Errors": [{**body, "AdditionalDetails": ""}]}))
    assert x.vendor is None and not any(e.best for e in x.errors), (x.vendor, x.errors[0].kind)
    # a name of MYOB's own (three words and more, or not every API's) still makes it MYOB's, as claims21 has it
    own = explain(catalog, json.dumps({"Errors": [{**body, "Name": "AccountNotValid", "AdditionalDetails": ""}]}))
    assert own.vendor == "myob"


@pytest.mark.parametrize(
    "body",
    [
        '{"Items": [{"Description": "Widget blue large", "Total": 10}]}',  # a list's data: an item's description
        '{"status": "ok", "note": "Invoice was created successfully"}',
        '{"Name": "Acme Pty Ltd", "AddressLine1": "1 George Street Sydney"}',
    ],
)
def test_a_2xx_json_whose_data_holds_sentences_is_a_success(catalog, body):
    """review20 read a 2xx JSON body holding any string of three words as an error (to read MYOB's words under a 200):
    a success's data holds such strings everywhere (a description, a name, an address), and each was said to be an
    error "not in the catalog (HTTP 200)", as blind39's 201 Created had been."""
    x = explain(catalog, f"HTTP/1.1 200 OK\nContent-Type: application/json\n\n{body}")
    assert not x.errors and any("success" in n for n in x.notes), (x.errors, x.notes)


@pytest.mark.parametrize(
    "body", ['{"ErrorMessage": "Cannot delete order with payment(s) applied"}', '["Not allowed here today"]']
)
def test_a_2xx_json_that_says_an_outcome_in_a_sentence_is_still_read(catalog, body):
    x = explain(catalog, f"HTTP/1.1 200 OK\nContent-Type: application/json\n\n{body}")
    assert x.errors and x.errors[0].sent.message, body


@pytest.mark.parametrize("service", ["PostHog", "SendGrid"])
def test_a_service_whose_name_opens_with_a_verb_is_still_one_after_calling(catalog, service):
    """blind41 took a verb joined to a word after "Error calling" for an OpenAPI operation id (ListIssuedDocuments,
    getInvoice); services are named so too (PostHog, SendGrid), and another service's answer in words MYOB documents was claimed as MYOB's
    exact error ("Error calling PostHog: Date cannot be prior ...")."""
    x = explain(catalog, f"Error calling {service}: {MYOB_25008}")
    assert x.vendor is None and not any(e.best for e in x.errors), (x.vendor, x.errors[0].kind)


@pytest.mark.parametrize(
    "paste",
    [
        "Our job sends POST https://api.myob.com/accountright/x/Sale/Invoice 500 times a day",
        "We call GET https://api.myob.com/accountright/x/Contact 429 times per minute",
    ],
)
def test_a_count_of_calls_after_a_request_in_a_sentence_is_no_status(catalog, paste):
    """The log-line rule read a request and its status after the line's time and level anywhere in a line: a sentence's
    count of calls was an HTTP 500 (or a 429 told to wait for its reset), its message "times a day"."""
    x = explain(catalog, paste)
    assert x.exchange.status is None, x.exchange.status


def test_a_request_and_its_status_after_a_log_lines_time_and_level_is_still_read(catalog):
    x = explain(
        catalog, "2026-01-05T10:00:01Z ERROR DELETE https://api.myob.com/accountright/x/Sale/Order/1 400 Cannot delete it"
    )
    assert x.exchange.status == 400 and x.errors[0].sent.message == "Cannot delete it"


@pytest.mark.parametrize("fmt", ["table", "json", "markdown"])
def test_a_name_and_its_value_after_a_curl_commands_url_stays_the_commands(fmt):
    """review20 reads the words after a curl command's URL; a bare "user:password" argument there (the whole line was
    dropped before) became the message and was printed back in every format."""
    from typer.testing import CliRunner

    from errcat.cli import app

    paste = "curl https://api.myob.com/accountright/x/ admin:Sup3rS3cretPw9 returns 401 Access denied"
    out = CliRunner().invoke(app, ["explain", "--format", fmt], input=paste)
    assert out.output and "Sup3rS3cretPw9" not in out.output

"""Fresh-eyes review (review2): answers a user on a fresh machine found wrong or misleading. Each row runs the
real CLI (or the real gate) on the input that showed it."""

from __future__ import annotations

# -- a bare status from an unknown sender: each vendor's meaning of it -------------------------------------------------
# `echo 400 | errcat explain -` answered "by vendor: prospend 400  A numeric field holds something that is not a
# number.": ProSpend documents five errors under 400 BAD_REQUEST and no meaning of the status itself, and the view
# took the first of the five as ProSpend's meaning of every 400.


def test_a_bare_status_a_vendor_documents_for_several_errors_names_none_of_them(cli) -> None:
    result = cli("explain", "-", input="400\n")
    assert result.exit_code == 1, result.output
    line = next(line for line in result.stdout.splitlines() if "prospend 400" in line)
    assert "numeric field" not in line
    assert "5 documented errors" in line and "BAD_REQUEST" in line


def test_a_bare_status_a_vendor_documents_once_keeps_that_errors_meaning(cli) -> None:
    result = cli("explain", "-", input="409\n")
    assert "prospend 409  A record with the same unique key already exists." in result.stdout
    result = cli("explain", "-", input="401\n")  # Sage's status row, not one of its 401 bodies
    assert "sage 401  Sage could not authorise the request." in result.stdout


# -- a code the catalog holds, looked up with a filter none of its rows passes ----------------------------------------
# `errcat lookup 25008 --method DELETE` said "no error matches '25008' with --method DELETE; did you mean: 25003":
# another error's code, as if 25008 were a typo. The user needs to hear that 25008 is there, for other rows.


def test_a_known_code_filtered_out_says_so_instead_of_suggesting_another_code(cli) -> None:
    result = cli("lookup", "25008", "--method", "DELETE")
    assert result.exit_code == 1
    assert "25003" not in result.stderr
    assert "25008" in result.stderr and "DatePriorToBeginningOfFinancialYear" in result.stderr
    assert "none of its rows passes" in result.stderr


def test_another_vendors_code_under_vendor_names_whose_it_is(cli) -> None:
    result = cli("lookup", "RESOURCE_NOT_FOUND", "--vendor", "myob", "--format", "json")
    assert result.exit_code == 1
    import json

    doc = json.loads(result.stdout)
    assert any("prospend RESOURCE_NOT_FOUND" in note for note in doc["notes"]), doc


def test_a_typo_with_a_filter_still_gets_its_suggestions(cli) -> None:
    result = cli("lookup", "DateInLokedPeriod", "--vendor", "myob")
    assert result.exit_code == 1 and "did you mean: DateInLockedPeriod" in result.stderr


# -- what a client library's exception names, read as a credential's name -----------------------------------------------
# pyactiveresource (Shopify's Python API) raises "UnauthorizedAccess: Response(code=401, body=...)": the gate read
# "UnauthorizedAccess" as a credential's name (it holds "authoriz") and hid "Response(code=401" as its value, so the
# status went with it. A name that says the call was refused names no credential; the header's token stays hidden.

SHOPIFY_401 = (
    'pyactiveresource.connection.UnauthorizedAccess: Response(code=401, body="b\'{\\"errors\\":\\"[API] Invalid API key'
    " or access token (unrecognized login or wrong password)\\\"}'\", headers={'Content-Type': 'application/json',"
    " 'X-Shopify-Access-Token': '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'})"
)


def test_an_exception_named_unauthorized_access_keeps_its_response_and_hides_the_token() -> None:
    from errcat import gate

    shown = gate.screen(SHOPIFY_401).text
    assert "UnauthorizedAccess: Response(code=401," in shown
    assert "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" not in shown and "4f8a2c9e1b7d3f6a0c5e8b2d9f1a4c7e" not in shown


def test_a_value_after_unauthorized_access_that_is_a_token_is_still_hidden_by_its_shape() -> None:
    from errcat import gate

    shown = gate.screen("UnauthorizedAccess: token ghp_R4nD0mStr1ngOfThirtySixCharsXyZ12345 refused").text
    assert "ghp_R4nD0mStr1ngOfThirtySixCharsXyZ12345" not in shown


# -- a parenthesised word after a credential word ------------------------------------------------------------------------
# Shopify's 401 says "[API] Invalid API key or access token (unrecognized login or wrong password)"; the gate hid
# "(unrecognized" as a random token after "token" (the bracket counted as the non-letter a token has), so every view
# showed "access token [REDACTED] login or wrong password)". A word is no token for a bracket before it.


def test_a_word_in_brackets_after_a_credential_word_is_shown() -> None:
    from errcat import gate

    for text in (
        "[API] Invalid API key or access token (unrecognized login or wrong password)",
        "Invalid access token (expired)",
    ):
        assert gate.screen(text).text == text


def test_a_token_in_brackets_after_a_credential_word_is_still_hidden() -> None:
    from errcat import gate

    for secret in ("abc123XYZ987qrs", "Xy7!pq2wLm"):
        assert secret not in gate.screen(f"invalid token ({secret}) refused").text


# -- a hypermedia link's method is not the request's ---------------------------------------------------------------------
# PayPal's errors carry links ({"href": ..., "rel": "information_link", "method": "GET"}); explain read that "GET" as the
# request's method ("request:  GET"), and a request's method decides whether a gateway's 502 or 504 may be resent.
# (PayPal's body as quoted in paypal/PayPal-PHP-SDK#1267, 2019-05-28.)

PAYPAL_404 = (
    'Fatal error: Uncaught BraintreeHttp\\HttpException: {"name":"RESOURCE_NOT_FOUND","details":[{"issue":'
    '"INVALID_RESOURCE_ID","description":"Specified resource ID does not exist. Please check the resource ID and try'
    ' again."}],"message":"The specified resource does not exist.","debug_id":"43d8214fa9514","links":[{"href":'
    '"https://developer.paypal.com/docs/api/orders/v2/#error-INVALID_RESOURCE_ID","rel":"information_link",'
    '"method":"GET"}]}'
)


def test_a_links_method_is_not_taken_for_the_requests(cli) -> None:
    import json

    result = cli("explain", "-", "--format", "json", input=PAYPAL_404)
    doc = json.loads(result.stdout)
    assert doc["http"]["method"] is None, doc["http"]
    assert doc["vendor"] is None and doc["errors"][0]["match"] == "none"
    table = cli("explain", "-", input=PAYPAL_404).stdout
    assert "request:  GET" not in table


# -- an error only seen in public reports, looked up in the documented-only view ---------------------------------------
# `errcat lookup invalid_grant --documented-only` said "did you mean: InvalidDateRange, InvalidCharacters": MYOB
# errors unrelated to Sage's token refusal, which the catalog holds as seen in public reports.


def test_an_observed_error_under_documented_only_is_said_to_be_left_out(cli) -> None:
    result = cli("lookup", "invalid_grant", "--documented-only")
    assert result.exit_code == 1
    assert "InvalidDateRange" not in result.stderr
    assert "only as an error seen in public reports (sage invalid_grant)" in result.stderr


def test_a_status_documented_for_other_vendors_is_not_said_to_be_only_observed(cli) -> None:
    """401 is documented (Sage's, InvoiceXpress's, ProSpend's): under --vendor myob --documented-only it was "in the
    catalog only as an error seen in public reports", which the filters, not the catalog, made true (review3)."""
    result = cli("lookup", "401", "--documented-only", "--vendor", "myob")
    assert result.exit_code == 1
    assert "\n401 is in the catalog" not in result.stderr
    assert "with the filters given, 401 is in the catalog only as an error seen in public reports" in result.stderr

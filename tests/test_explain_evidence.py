"""errcat explain names a vendor only on evidence that is its own, and never claims a code several
documented errors share. Every paste here is written for the test (synthetic), in the shapes the
real ones take (issue 30); the real ones are in tests/data/realworld.jsonl."""

from __future__ import annotations

import json

import pytest

import errcat
from errcat.explainer import explain
from errcat.explainer.evidence import CLUE_KINDS
from errcat.explainer.match import FUZZY_FLOOR

# (paste, vendor errcat must name): another service's body in a shape a catalogued vendor also uses
# is no evidence; the vendor's own words in its shape are.
SHAPES = [
    ('{"ErrorCode": 4010, "DeveloperErrorMessage": "Unauthorized", "ErrorId": "8c1d7f0e"}', None),
    ('{"ErrorCode": "ERROR_INVALID_APIKEY", "Message": "The API key is invalid"}', None),
    ('{"errors":[{"error":"Service currently offline"}]}', None),
    ('{"errors":[{"error":"Document should have at least one item"}]}', "invoicexpress"),
    ('{"Name": "AccountNotValid", "Message": "Account must be bank", "ErrorCode": 4100, "Severity": "Error"}', "myob"),
    # Name, Message and ErrorCode (or Severity) alone are a shape several services use (Open Banking's Errors
    # of ErrorCode and Message, Bing Ads' AdApiError): MYOB's documented bodies carry four of its fields or more
    ('{"Errors": [{"Name": "InvalidField", "Message": "The field is invalid", "ErrorCode": 4001}]}', None),
    ('{"Name": "InvalidValue", "Message": "The value is invalid", "Severity": "Error"}', None),
    # ... but the shape alone, holding no name, code or words MYOB documents, is any service's (claims21: a vendor is
    # named only on evidence that is its own; the fields' keys are a shape, "X" and "Item.UID" no word of MYOB's)
    ('{"Errors": [{"Name": "X", "Message": "The field is invalid", "AdditionalDetails": "Item.UID"}]}', None),
    ("can't connect to Sage", None),
    ("Sage Business Cloud Accounting returned 500", "sage"),
    ("1000\tValidationError\tCommonRules_StringRequired\tItemNumber:(Item)", "myob"),
    ("| /accountright/{cf_guid}/Contact/Customer | sme-contacts | 401 OAuthTokenIsInvalid |", "myob"),
    ("| /usr/src/app/accountright.js | 401 |", None),
    # a Zimbra mail server's INFO line (crowdsecurity/hub .tests/zimbra-logs/zimbra-logs.log): MYOB's
    # 150 NotFound says "Account not found", as any service may; in MYOB's envelope it is MYOB's
    (
        "2021-03-03 19:51:53,762 INFO  [qtp93314457-324:smtp://smtp.test.fr:7073/service/admin/soap/] SoapEngine - "
        "handler exception: authentication failed for [toto.tata], account not found",
        None,
    ),
    ('{"Errors":[{"Name":"NotFound","Message":"Account not found","ErrorCode":150,"Severity":"Error"}]}', "myob"),
]


@pytest.mark.parametrize(("paste", "vendor"), SHAPES)
def test_a_vendor_is_named_only_on_its_own_evidence(catalog, paste, vendor):
    x = explain(catalog, paste)
    assert x.vendor == vendor, [c.record() for c in x.clues]
    if vendor is None:
        assert all(m.kind not in ("exact", "template", "code", "status") for m in x.errors)


@pytest.mark.parametrize(
    ("paste", "product"),
    [
        ('<diagnosis xmlns="http://schemas.sage.com/sdata/2008/1"><message>Invalid query</message></diagnosis>', "SData"),
        ("Sage 200cloud API: 401 Unauthorized", "Sage 100 / Sage 200"),
        ("Sage X3 web service error: the session has expired", "Sage X3"),
        ("Sage CRM could not save the opportunity", "Sage CRM"),
        ('{"$diagnoses":[{"$severity":"Error","$sdataCode":"ApplicationDiagnosis","$message":"Record locked"}]}', "SData"),
    ],
)
def test_other_sage_products_are_named_not_the_catalogued_api(catalog, paste, product):
    x = explain(catalog, paste)
    assert x.vendor is None
    assert any(product in n and "catalogues the Sage Business Cloud Accounting API only" in n for n in x.notes), x.notes


def test_every_clue_carries_a_weight_and_a_reason_from_the_one_table(cli):
    paste = (
        "GET https://api.myob.com/accountright/6d5b2a4e-1c3f-4a8b-9e0d-2f7c8b1a9e33/Contact/Customer\nHTTP/1.1 404 Not Found\n"
    )
    doc = json.loads(cli("explain", "--format", "json", input=paste).stdout)
    assert doc["vendor_evidence"]
    for clue in doc["vendor_evidence"]:
        assert clue["kind"] in CLUE_KINDS
        assert clue["reason"] and isinstance(clue["weight"], float | int)
    weak = [k for k, v in CLUE_KINDS.items() if 0 < v.weight < CLUE_KINDS["named"].weight]
    assert {"brand", "common-envelope", "registered-domain"} <= set(weak)


def test_the_vendors_registered_domain_counts_and_says_it_is_not_the_api_host(cli):
    paste = (
        "GET https://api.prospend.com/beta/company/42/invoice\nHTTP/1.1 401 Unauthorized\n\n"
        '{"code":"UNAUTHORIZED","message":"Authentication failed. Please check your credentials and try again."}'
    )
    result = cli("explain", input=paste)
    assert result.exit_code == 0, result.stdout
    assert "ProSpend" in result.stdout.splitlines()[0]
    assert "registered domain; it is not the documented API host" in result.stdout.splitlines()[0]
    doc = json.loads(cli("explain", "--format", "json", input=paste).stdout)
    assert doc["errors"][0]["match"] == "exact"
    assert any(c["kind"] == "registered-domain" for c in doc["vendor_evidence"])


def test_a_foreign_host_outside_the_registered_domain_still_counts_against(catalog):
    x = explain(catalog, 'GET https://api.prospend.example.org/beta/company/42/invoice\n\n{"code":"BAD_REQUEST","message":"x"}')
    assert x.vendor is None


@pytest.mark.parametrize("message", ["Something else entirely went wrong", "Invalid number"])
def test_a_code_several_documented_errors_share_is_a_family_not_one_of_them(cli, message):
    paste = json.dumps({"code": "BAD_REQUEST", "message": message})
    result = cli("explain", "--vendor", "prospend", "--format", "json", input=paste)
    assert result.exit_code == 1  # not documented: scan must not count it as a known error
    err = json.loads(result.stdout)["errors"][0]
    assert err["match"] == "none" and err["explanation"] is None
    assert len(err["family"]) == 5 and {f["code"] for f in err["family"]} == {"BAD_REQUEST"}
    assert any("one of 5 documented errors with this code" in n for n in json.loads(result.stdout)["notes"])
    assert "one of 5 documented errors with this code" in str(errcat.explain(paste, vendor="prospend"))
    # from an unknown sender the family is not announced (the candidates stay listed)
    plain = json.loads(cli("explain", "--format", "json", input=paste).stdout)
    assert plain["vendor"] is None and not any("documented errors with this" in n for n in plain["notes"])


@pytest.mark.parametrize("paste", ['{"code":"BAD_REQUEST"}', 'HTTP/1.1 400 Bad Request\n\n{"code": "BAD_REQUEST"}'])
def test_a_shared_code_sent_without_a_message_is_still_a_family(cli, paste):
    """ProSpend's BAD_REQUEST with no message at all (read as a bare name) names none of its five errors."""
    result = cli("explain", "--vendor", "prospend", "--format", "json", input=paste)
    assert result.exit_code == 1
    err = json.loads(result.stdout)["errors"][0]
    assert err["match"] == "none" and err["explanation"] is None
    assert len(err["family"]) == 5


@pytest.mark.parametrize(
    "error",
    [
        {"Name": "RateLimitError"},  # as pymyob's tests send it (uptick/pymyob tests/test_endpoints.py @ 90dcf9e)
        {"Name": "RateLimitError", "Message": "API key has exceeded the rate limit", "Severity": "Error"},
    ],
)
def test_a_name_several_documented_errors_share_is_a_family_though_the_words_are_alike(cli, error):
    # MYOB's RateLimitError (no code) is the daily limit's and the per-second limit's: words about
    # as like one message as the other do not say which
    result = cli("explain", "--vendor", "myob", "--format", "json", input=json.dumps({"Errors": [error]}))
    err = json.loads(result.stdout)["errors"][0]
    assert err["match"] == "none" and err["explanation"] is None
    assert {f["message"] for f in err["family"]} == {
        "API key has exceeded the daily rate limit",
        "API key has exceeded the per-second rate limit",
    }
    # the documented words say which
    one = {"Name": "RateLimitError", "Message": "API key has exceeded the per-second rate limit", "Severity": "Error"}
    doc = json.loads(cli("explain", "--format", "json", input=json.dumps({"Errors": [one]})).stdout)
    assert doc["errors"][0]["match"] == "exact" and doc["errors"][0]["candidates"][0]["id"] == "myob.generic.rate-limit-error-2"


def test_a_family_member_is_found_by_its_message_cut_short(cli):
    paste = '{"code":"BAD_REQUEST","message":"Invalid request body"}'
    doc = json.loads(cli("explain", "--vendor", "prospend", "--format", "json", input=paste).stdout)
    err = doc["errors"][0]
    assert err["match"] == "code" and not err["family"]
    assert err["candidates"][0]["message"] == "Invalid request body. Please check the schema and try again."


def test_a_stock_sentence_is_the_vendors_only_with_its_code(catalog):
    # ProSpend's 401 says what login forms and OAuth error maps of many apps print (own-97 in
    # tests/data/realworld.jsonl is one); with ProSpend's code beside it, it is ProSpend's body
    sentence = "Authentication failed. Please check your credentials and try again."
    alone = explain(catalog, sentence)
    assert alone.vendor is None and alone.errors[0].kind not in ("exact", "template", "code")
    body = explain(catalog, json.dumps({"code": "UNAUTHORIZED", "message": sentence}))
    assert body.vendor == "prospend" and body.errors[0].kind == "exact"


def test_a_sentence_many_apps_answer_with_is_no_vendors_alone(catalog):
    # MYOB's AccessDenied message is what Flask, Gin, Next.js and Play apps answer a 401 or 403 with
    # (public repositories; the search tools' find_string ids 3705397001, 41671797285, 17488119397)
    sentence = "You are not authorised to access this resource"
    assert explain(catalog, sentence).vendor is None
    # MYOB's DeveloperInactive says what FastAPI and Laravel apps raise for a disabled key (find_string
    # ids 53775986801, 68912115374)
    assert explain(catalog, "API key is missing or inactive.").vendor is None
    # ProSpend's 503 says what web apps' OAuth error pages print for temporarily_unavailable
    # (find_string id 32056284278); with ProSpend's code beside it, it is ProSpend's
    unavailable = "The service is temporarily unavailable. Please try again later."
    assert explain(catalog, unavailable).vendor is None
    body = json.dumps({"code": "SERVICE_UNAVAILABLE", "message": unavailable})
    assert explain(catalog, body).vendor == "prospend"
    myob = json.dumps({"Errors": [{"Name": "AccessDenied", "Message": sentence, "Severity": "Error"}]})
    assert explain(catalog, myob).errors[0].kind == "exact"


def test_a_short_generic_message_alone_is_a_candidate_not_a_claim(catalog):
    m = explain(catalog, "Your access token has expired.").errors[0]
    assert m.kind not in ("exact", "template", "code") and m.best is None
    assert m.candidates and m.candidates[0].entry.code == "AccessTokenExpiredError"
    # the same words inside Sage's own envelope are Sage's
    sage = '[{"$severity": "error", "$dataCode": "AccessTokenExpiredError", "$message": "Your access token has expired."}]'
    assert explain(catalog, sage).errors[0].kind == "exact"


def test_a_help_pages_labelled_block_is_read_as_fields(catalog):
    paste = "Required:\n\n  • Error Code: 100\n\n  • Scenario: Inserting without all required fields\n\n  • Message: [Field] is required\n"
    x = explain(catalog, paste)
    assert x.vendor == "myob"
    m = x.errors[0]
    assert m.kind == "template" and (str(m.best.entry.code), m.best.entry.name) == ("100", "Required")


@pytest.mark.parametrize(
    "paste",
    [
        "Error 409 - Incorrect Rowversion",
        "IncorrectRowVersion",
        "incorrect row version supplied",
        "returned: Incorrect Rowversion (409)",
    ],
)
def test_a_documented_name_spaced_cased_or_cut_short_is_a_candidate(catalog, paste):
    m = explain(catalog, paste).errors[0]
    assert m.best is None  # a candidate, never a claim
    top = m.candidates[0].entry
    assert (top.vendor, top.name, top.status) == ("myob", "IncorrectRowVersionSupplied", 409)


@pytest.mark.parametrize(
    "paste",
    [
        '{"ErrorNumber": 10, "Type": "ValidationException", "Message": "A validation exception occurred"}',
        "TypeError: Cannot read properties of undefined (reading 'errors')",
        '{"type":"error","error":{"type":"rate_limit_error","message":"Number of request tokens has exceeded your rate limit"}}',
        '{"error":"invalid_client"}',
        '{"Errors":[{"Message":"Invalid API key"}]}',
        '{"ErrorCode": "ERROR_RECORD_NOT_FOUND", "Message": "Customer 10034 not found"}',
    ],
)
def test_no_unrelated_nearest_candidates(catalog, paste):
    # similar characters ("invalid_client", "invalid date") or only words every API uses ("not
    # found") make no candidate worth showing
    for m in explain(catalog, paste).errors:
        assert not [c.entry.id for c in m.candidates if c.kind == "fuzzy"]


def test_a_name_many_errors_share_from_an_unknown_sender_lists_none_of_them(catalog):
    fyle = '{"data": {"0": {"user_email": ["Missing data"]}}, "error": "ValidationError", "message": null}'
    etax = '{"errorCode": "VALIDATION_ERROR", "message": "Request payload is invalid"}'
    for paste in (fyle, etax):
        m = explain(catalog, paste).errors[0]
        assert m.kind == "none" and not m.candidates and not m.family, paste


def test_similar_words_that_matter_are_still_shown(catalog):
    m = explain(catalog, '{"errors":["Name can\'t be blank"]}').errors[0]
    assert [c.entry.message for c in m.candidates if c.kind == "fuzzy"][:1] == ["Value can't be blank"]
    assert all(c.similarity >= FUZZY_FLOOR for c in m.candidates if c.kind == "fuzzy")


def test_a_generic_message_beside_a_code_that_restates_the_status_is_not_a_claim(catalog):
    paste = '{"code":"INTERNAL_SERVER_ERROR","message":"An unexpected error occurred. Please try again later."}'
    x = explain(catalog, paste)
    assert x.vendor is None and x.errors[0].best is None
    assert x.errors[0].candidates[0].entry.vendor == "prospend"  # still the nearest, for the reader
    assert explain(catalog, paste, vendor="prospend").errors[0].kind == "template"


def test_an_override_the_evidence_contradicts_is_warned_about(catalog):
    paste = (
        "GET https://api.myob.com/accountright/6d5b2a4e-1c3f-4a8b-9e0d-2f7c8b1a9e33/Contact/Customer\n"
        'HTTP/1.1 401 Unauthorized\n\n{"Errors":[{"Name":"OAuthTokenIsInvalid","Message":"The supplied OAuth token (Bearer) is not valid",'
        '"AdditionalDetails":"Header: Authorization","ErrorCode":31002,"Severity":"Error"}]}'
    )
    x = explain(catalog, paste, vendor="sage")
    assert x.vendor == "sage"
    assert any("--vendor sage contradicts the evidence" in n and "MYOB" in n for n in x.notes), x.notes
    assert not any("contradicts" in n for n in explain(catalog, paste, vendor="myob").notes)


def test_the_python_api_takes_bytes_and_refuses_other_types():
    body = b'{"code":"UNAUTHORIZED","message":"Authentication failed. Please check your credentials and try again."}'
    x = errcat.explain(body)
    assert x.errors[0].candidates[0].entry.vendor == "prospend"
    for wrong in (None, {"code": "x"}, 5):
        with pytest.raises(errcat.UsageError, match="str or bytes"):
            errcat.explain(wrong)  # type: ignore[arg-type]


def test_scan_counts_a_family_code_as_documented_only_where_the_words_say_which(cli, tmp_path):
    log = tmp_path / "sync.log"
    log.write_text(
        '2026-12-01T10:00:00Z ERROR prospend POST /beta/company/42/invoice 400 {"code":"BAD_REQUEST","message":"Something else"}\n'
        '2026-12-01T10:00:01Z ERROR prospend POST /beta/company/42/invoice 400 {"code":"BAD_REQUEST","message":"Invalid request body"}\n',
        encoding="utf-8",
    )
    result = cli("scan", str(log), "--vendor", "prospend")
    # the other is one of the code's 5 documented errors, as explain says it: neither documented nor "not in the catalog"
    said = (
        "2 vendor error(s): 1 documented (1 distinct), 1 in families of documented errors (the log does not say which of each), "
    )
    assert said + "0 not in the catalog" in result.stdout, result.stdout

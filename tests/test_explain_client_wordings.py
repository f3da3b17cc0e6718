"""errcat explain on the words HTTP client libraries print when a call fails. Each paste is synthetic, but
the client's part is its exact wording, as its source builds it (the file is named by each case); the
body is a documented vendor error, or another service's, which must stay unclaimed."""

from __future__ import annotations

import json

import pytest

from errcat.explainer import explain
from errcat.gate import screen

NAME = "DatePriorToBeginningOfFinancialYear"
MSG = "Date cannot be prior to beginning of financial year"
MYOB_BODY = json.dumps(
    {"Errors": [{"Name": NAME, "Message": MSG, "AdditionalDetails": "Date", "ErrorCode": 25008, "Severity": "Error"}]}
)
MYOB_ENTRY = "myob.generic.date-prior-to-beginning-of-financial-year"
URL = "https://api.myob.com/accountright/0a1b2c3d-0000-4e5f-8a9b-123456789abc/Sale/Invoice/Item"
FOREIGN_BODY = json.dumps({"error": {"code": "invalid_request", "message": "Missing required field: customer"}})

# (label, the client's words with {status}/{phrase}/{url} holes, the status they state)
WORDINGS = [
    # aio-libs/aiohttp aiohttp/client_exceptions.py ClientResponseError.__str__, str(real_url) and older URL repr
    ("aiohttp", "aiohttp.client_exceptions.ClientResponseError: 400, message='Bad Request', url='{url}'\n{body}", 400),
    ("aiohttp old", "aiohttp.client_exceptions.ClientResponseError: 400, message='Bad Request', url=URL('{url}')\n{body}", 400),
    # square/okhttp Response.toString; over HTTP/2 the message is empty
    ("okhttp h2", "Response{{protocol=h2, code=400, message=, url={url}}}\n{body}", 400),
    ("okhttp http/1.1", "Response{{protocol=http/1.1, code=409, message=Conflict, url={url}}}\n{body}", 409),
    # cfug/dio DioException.badResponse
    (
        "dio",
        "DioException [bad response]: This exception was thrown because the response has a status code of 400 and "
        "RequestOptions.validateStatus was configured to throw for this status code.\n{body}",
        400,
    ),
    # Alamofire AFError.errorDescription, .unacceptableStatusCode
    ("alamofire", "Response status code was unacceptable: 400.\n{body}", 400),
    # golang.org/x/oauth2 RetrieveError.Error: "oauth2: cannot fetch token: %v\nResponse: %s" with resp.Status
    ("go oauth2", "oauth2: cannot fetch token: 400 Bad Request\nResponse: {body}", 400),
]


@pytest.mark.parametrize(("label", "wording", "status"), WORDINGS, ids=[w[0] for w in WORDINGS])
def test_a_clients_wording_gives_the_status_and_the_documented_error(catalog, label, wording, status):
    x = explain(catalog, wording.format(url=URL, body=MYOB_BODY))
    d = x.as_dict()
    assert x.exchange.status == status
    assert d["vendor"] == "myob"
    assert MYOB_ENTRY in [c["id"] for c in d["errors"][0]["candidates"]]


@pytest.mark.parametrize(("label", "wording", "status"), WORDINGS, ids=[w[0] for w in WORDINGS])
def test_a_clients_wording_around_another_services_body_names_no_vendor(catalog, label, wording, status):
    x = explain(catalog, wording.format(url="https://api.example.org/v1/charges", body=FOREIGN_BODY))
    assert x.exchange.status == status
    assert x.vendor is None


@pytest.mark.parametrize(
    "paste",
    [
        "sync done: 400, message='processed' and 2 skipped",
        "the report lists a status code of 400 rows per page",
        "Response{protocol=h2} took 400 ms",
    ],
)
def test_a_number_near_these_words_is_no_status_unless_the_client_wording_holds_it(catalog, paste):
    assert explain(catalog, paste).exchange.status is None


def test_a_status_after_a_tokens_name_is_shown_and_a_real_token_still_hidden():
    assert screen("oauth2: cannot fetch token: 401 Unauthorized").text == "oauth2: cannot fetch token: 401 Unauthorized"
    assert "fd93a1c07b2e" not in screen("oauth2: token: fd93a1c07b2e4d5f 400 Bad Request").text
    assert "400" not in screen("token: 400").text  # a bare value after the name may be the token itself

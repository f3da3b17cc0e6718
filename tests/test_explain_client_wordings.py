"""errcat explain on the words HTTP client libraries print when a call fails. Each paste is synthetic, but
the client's part is its exact wording, as its source builds it (the file is named by each case); the
body is a documented vendor error, or another service's, which must stay unclaimed."""

from __future__ import annotations

import json

import pytest

from errcat.explainer import explain
from errcat.gate import screen
from errcat.render.text import kind_words

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
    # restsharp/RestSharp RestClient: HttpRequestException($"Request failed with status code {response.StatusCode}"),
    # the System.Net.HttpStatusCode member's name
    ("restsharp", "System.Net.Http.HttpRequestException: Request failed with status code Conflict\nContent: {body}", 409),
    ("a .NET log line", "2024-05-01 10:00:01 [ERR] Sync failed. StatusCode: UnprocessableEntity, Content: {body}", 422),
    # spring-projects/spring-framework HttpClientErrorException.create: the status's own subclass, then its number, and
    # (HTTP/2, no reason phrase) nothing more than a blank; WebClientResponseException the same, "from GET <url>" after
    ("spring restclient h2", "org.springframework.web.client.HttpClientErrorException$Unauthorized: 401 \n{body}", 401),
    (
        "spring webclient",
        "org.springframework.web.reactive.function.client.WebClientResponseException$NotFound: 404 from GET {url}\n{body}",
        404,
    ),
    # dotnet/runtime HttpResponseMessage.EnsureSuccessStatusCode: SR.net_http_message_not_success_statuscode_reason with
    # an empty reason phrase (HTTP/2)
    ("dotnet h2", "System.Net.Http.HttpRequestException: Response status code does not indicate success: 409 ().\n{body}", 409),
    # golang.org/x/oauth2 RetrieveError.Error: "oauth2: cannot fetch token: %v\nResponse: %s" with resp.Status
    ("go oauth2", "oauth2: cannot fetch token: 400 Bad Request\nResponse: {body}", 400),
    # guzzle/guzzle 3.x src/Guzzle/Http/Exception/BadResponseException.php factory(): label, then one fact a line
    ("guzzle 3", "Client error response\n[status code] 422\n[reason phrase] Unprocessable Entity\n[url] {url}\n{body}", 422),
    # googleapis/google-api-python-client googleapiclient/errors.py HttpError.__repr__, the request's URI inside it
    (
        "googleapiclient",
        'googleapiclient.errors.HttpError: <HttpError 403 when requesting {url} returned "Forbidden">\n{body}',
        403,
    ),
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
        "status code review: a Conflict between two BadRequest handlers",
        "HttpClientErrorException$Conflict: 401 retries left",  # the class names another status than the number
    ],
)
def test_a_number_near_these_words_is_no_status_unless_the_client_wording_holds_it(catalog, paste):
    assert explain(catalog, paste).exchange.status is None


def test_a_status_after_a_tokens_name_is_shown_and_a_real_token_still_hidden():
    assert screen("oauth2: cannot fetch token: 401 Unauthorized").text == "oauth2: cannot fetch token: 401 Unauthorized"
    assert "fd93a1c07b2e" not in screen("oauth2: token: fd93a1c07b2e4d5f 400 Bad Request").text
    assert "400" not in screen("token: 400").text  # a bare value after the name may be the token itself


# guzzle/psr7 Message::bodySummary: the first 120 characters, then " (truncated...)"; Guzzle's RequestException and
# Laravel's Http\Client\RequestException ("HTTP request returned status code %d:\n%s\n") print that summary
def _summary(body: str) -> str:
    return body[:120] + (" (truncated...)" if len(body) > 120 else "")


RATE_BODY = json.dumps(
    {
        "Errors": [
            {
                "Name": "RateLimitError",
                "Message": "API key has exceeded the daily rate limit",
                "AdditionalDetails": "Header: x-myobapi-key",
                "ErrorCode": None,
                "Severity": "Error",
            }
        ]
    }
)


def test_a_body_cut_after_its_message_still_matches_its_entry(catalog):
    assert "API key has exceeded the daily rate limit" in _summary(RATE_BODY)  # the cut falls in AdditionalDetails
    paste = f"Illuminate\\Http\\Client\\RequestException: HTTP request returned status code 403:\n{_summary(RATE_BODY)}\n"
    d = explain(catalog, paste).as_dict()
    assert d["vendor"] == "myob"
    assert d["errors"][0]["match"] == "exact"
    assert d["errors"][0]["candidates"][0]["id"] == "myob.generic.rate-limit-error"
    assert any("cut short" in n for n in d["notes"])


def test_a_body_cut_inside_its_message_claims_no_entry(catalog):
    body = json.dumps({"errors": [{"error": "That option is not available during the trial period, it becomes so only " * 2}]})
    paste = f"GuzzleHttp\\Exception\\ClientException: Client error: `GET https://acme.app.invoicexpress.com/api/export/saft.json` resulted in a `422 Unprocessable Entity` response:\n{_summary(body)}\n"
    d = explain(catalog, paste).as_dict()
    assert d["errors"][0]["match"] in ("none", "fuzzy", "status")  # a start of a message fits too many to claim one


SAFT_MSG = (
    "Warning! There is required information missing from Company information. Before you export the SAF-T PT, "
    "please go to Company information and fill out the missing fields."
)
PROSPEND_REQUIRED = "The requested resource was found, but a required field is missing. Please review your request data."
SAFT_BODY = json.dumps({"errors": [{"error": SAFT_MSG}]})
GUZZLE_IX = "GuzzleHttp\\Exception\\ClientException: Client error: `GET {url}` resulted in a `422 Unprocessable Entity` response:\n{body}\n"


def test_a_message_cut_inside_claims_the_one_documented_message_it_starts(catalog):
    """Guzzle cuts InvoiceXpress's message after 120 characters: its whole words start one documented
    message only, and the host names the vendor, so that error is claimed, shown as cut."""
    paste = GUZZLE_IX.format(url="https://acme.app.invoicexpress.com/api/export/saft.json", body=_summary(SAFT_BODY))
    assert "(truncated...)" in paste and "fill out" not in paste
    x = explain(catalog, paste)
    d = x.as_dict()
    assert d["vendor"] == "invoicexpress"
    assert d["errors"][0]["match"] == "exact"
    assert d["errors"][0]["candidates"][0]["id"] == "invoicexpress.saf-t-export.warning-there-is-required-information-missing"
    assert "cut" in kind_words(x.errors[0])


@pytest.mark.parametrize(
    ("cut", "claimed"), [(60, None), (90, "prospend.bad-request.the-requested-resource-was-found-but-a-required")]
)
def test_a_cut_message_says_which_of_a_shared_codes_errors_only_once_its_words_do(catalog, cut, claimed):
    """ProSpend's BAD_REQUEST names five documented errors: three whole words of a message are too few to
    say which (no claim); cut later, its words start one documented message only (that one is claimed)."""
    body = json.dumps({"code": "BAD_REQUEST", "message": PROSPEND_REQUIRED})
    paste = f"Client error: `PUT https://api.apac.prospend.io/v1/expenses/12` resulted in a `400 Bad Request` response:\n{body[:cut]} (truncated...)\n"
    error = explain(catalog, paste).as_dict()["errors"][0]
    if claimed is None:
        assert error["match"] not in ("exact", "template", "code"), error["match"]
    else:
        assert (error["match"], error["candidates"][0]["id"]) == ("exact", claimed)


def test_a_cut_message_without_the_vendors_own_evidence_claims_nothing(catalog):
    """The same cut words with no host of the vendor: a start of a message could be anyone's."""
    paste = GUZZLE_IX.format(url="https://erp.example.com/api/export", body=_summary(SAFT_BODY))
    d = explain(catalog, paste).as_dict()
    assert all(e["match"] not in ("exact", "template", "code") for e in d["errors"]), d["errors"]


def test_a_cut_message_two_documented_messages_start_with_claims_neither(catalog):
    """MYOB documents two messages that differ only in their last word: cut before it, the words say neither."""
    start = "Company File preference to 'Use Timesheet for TimeBilling and Payroll' should be ON to use"
    body = json.dumps({"Errors": [{"Message": start + " Activity", "Severity": "Error"}]})[: 26 + len(start)]
    paste = f"Client error: `POST {URL}` resulted in a `400 Bad Request` response:\n{body} (truncated...)\n"
    d = explain(catalog, paste).as_dict()
    assert d["vendor"] == "myob"
    assert d["errors"][0]["match"] not in ("exact", "template"), d["errors"][0]


IX_MSG = "That option is not available during the trial period, it becomes so only after the first payment."
IX_ENTRY = "invoicexpress.saf-t-export.that-option-is-not-available-during-the-trial"
# the same InvoiceXpress body as languages print it decoded: Python's repr of r.json(), Ruby's Hash#inspect of
# JSON.parse(body) (before and since Ruby 3.4), PHP's print_r of json_decode($body, true)
DECODED = [
    ("python repr", f"422\n{ {'errors': [{'error': IX_MSG}]}!r}"),
    ("ruby inspect", f'status: 422\n{{"errors"=>[{{"error"=>"{IX_MSG}"}}]}}'),
    ("ruby 3.4 inspect", f'status: 422\n{{"errors" => [{{"error" => "{IX_MSG}"}}]}}'),
    (
        "php print_r",
        "HTTP status 422\nArray\n(\n    [errors] => Array\n        (\n            [0] => Array\n                (\n"
        f"                    [error] => {IX_MSG}\n                )\n\n        )\n\n)\n",
    ),
]


@pytest.mark.parametrize(("label", "paste"), DECODED, ids=[d[0] for d in DECODED])
def test_invoicexpress_errors_printed_by_a_language_are_its_own(catalog, label, paste):
    d = explain(catalog, paste).as_dict()
    assert d["vendor"] == "invoicexpress"
    assert d["errors"][0]["match"] == "exact"
    assert d["errors"][0]["candidates"][0]["id"] == IX_ENTRY


@pytest.mark.parametrize(("label", "paste"), DECODED, ids=[d[0] for d in DECODED])
def test_the_same_shape_with_another_services_message_names_no_vendor(catalog, label, paste):
    d = explain(catalog, paste.replace(IX_MSG, "Card declined by the issuing bank")).as_dict()
    assert d["vendor"] is None


PROSPEND_BODY = json.dumps({"code": "BAD_REQUEST", "message": "Invalid request body. Please check the schema and try again."})
PROSPEND_ENTRY = "prospend.bad-request.invalid-request-body-please-check-the-schema-and"
# HTTP clients' exceptions raise for any service: square/retrofit HttpException ("HTTP " + code + " " + message),
# apache httpcomponents-client 4.5 HttpResponseException, ktor-client ClientRequestException, generated clients
JVM_CLIENTS = [
    ("retrofit", "retrofit2.HttpException: HTTP 400 \nerrorBody: {body}"),
    ("apache httpclient", "org.apache.http.client.HttpResponseException: status code: 400, reason phrase: Bad Request\n{body}"),
    # openapi-generator's clients with their default packages: Python ApiException.__str__, Java ApiException.getMessage
    (
        "openapi python",
        "openapi_client.exceptions.ApiException: (400)\nReason: Bad Request\n"
        "HTTP response headers: HTTPHeaderDict({{'Content-Type': 'application/json'}})\nHTTP response body: b'{body}'\n",
    ),
    (
        "openapi java",
        "org.openapitools.client.ApiException: Message: Bad Request\nHTTP response code: 400\nHTTP response body: {body}\n"
        "HTTP response headers: {{content-type=[application/json]}}",
    ),
    (
        "ktor",
        'io.ktor.client.plugins.ClientRequestException: Client request(POST /api/expenses) invalid: 400 Bad Request. Text: "{body}"',
    ),
]


@pytest.mark.parametrize(("label", "paste"), JVM_CLIENTS, ids=[c[0] for c in JVM_CLIENTS])
def test_an_http_clients_exception_is_no_other_services_sdk(catalog, label, paste):
    d = explain(catalog, paste.format(body=PROSPEND_BODY)).as_dict()
    assert d["vendor"] == "prospend"
    assert d["errors"][0]["candidates"][0]["id"] == PROSPEND_ENTRY


def test_another_services_jvm_sdk_exception_still_excludes_the_vendors(catalog):
    d = explain(catalog, f"com.stripe.exception.InvalidRequestException: No such customer\n{PROSPEND_BODY}").as_dict()
    assert d["vendor"] is None


def test_a_body_printed_as_python_bytes_reads_its_utf8_text(catalog):
    # urllib's HTTPError body printed with print(e.read()): Python escapes each byte past ASCII
    message = "O total não pode ser superior ao total dos documentos relacionados"
    body = json.dumps({"errors": [{"error": message}]}, ensure_ascii=False).encode()
    paste = f"urllib.error.HTTPError: HTTP Error 422: Unprocessable Entity\n>>> print(e.read())\n{body!r}"
    assert "\\xc3\\xa3" in paste
    d = explain(catalog, paste).as_dict()
    assert d["vendor"] == "invoicexpress"
    assert d["errors"][0]["candidates"][0]["id"] == "invoicexpress.observed.total-above-related-documents"


def test_escapes_that_are_no_utf8_text_stay_as_they_were(catalog):
    d = explain(catalog, 'b\'{"errors": [{"error": "bad byte \\xff\\xfe in the upload"}]}\'').as_dict()
    assert d["vendor"] is None


def test_guzzle_3s_labelled_reason_phrase_is_the_reason(catalog):
    """Guzzle 3 prints the phrase on its own line, "[reason phrase] ...": it is the status's reason, when it is its own."""
    wording = "Client error response\n[status code] 400\n[reason phrase] {phrase}\n[url] https://api.example.org/token\n"
    assert explain(catalog, wording.format(phrase="Bad Request")).exchange.reason == "Bad Request"
    assert explain(catalog, wording.format(phrase="Something else")).exchange.reason is None


def test_a_dotnet_status_member_after_the_response_message_is_the_status(catalog):
    """The title of Azure-Samples/active-directory-aspnetcore-webapp-openidconnect-v2#471 (real): the member
    name follows "status code in the HttpResponseMessage:"; no catalogued vendor is named."""
    x = explain(catalog, "HttpRequestException: Invalid status code in the HttpResponseMessage: Unauthorized.")
    assert (x.exchange.status, x.vendor) == (401, None)


def test_a_status_looking_code_in_a_body_is_its_own_code_not_the_http_status(catalog):
    """Real (HChaoHui/MS_OAuth2API_Next#6): the relay's "401" sits under "code". It stays the body's code, as
    docs/explain.md says: no status is made up from it, so no status meaning or retry advice comes with it."""
    said = (
        "Authentication failed. Please provide valid credentials or contact administrator for access. "
        "Refer to API documentation for deployment details."
    )
    body = json.dumps({"code": "401", "error": said}, indent=4)
    x = explain(catalog, body)
    assert (x.exchange.status, x.errors[0].sent.code, x.vendor) == (None, "401", None)

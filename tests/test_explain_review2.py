"""What a fresh-eyes review (review2) found explain misreading: a status in a client's log brackets or in a copied
documentation table's row, a body's label that named a code it did not hold, and a bare status's wording that read
as if one vendor alone documented it."""

from __future__ import annotations

from errcat.explainer import explain

# PayPal's Ruby SDK (paypal/PayPal-Ruby-SDK lib/paypal-sdk/core/util/http_helper.rb, log_http_call) logs
# "Request[%s]: %s", then "Response[%s]: %s, Duration: %.3fs" and "Response.body=%s\tResponse.header=%s";
# the body is PayPal's INVALID_RESOURCE_ID as paypal/PayPal-Ruby-SDK#273 shows it (debug id replaced)
PAYPAL_RUBY_LOG = """Request[get]: https://api.paypal.com/v1/payments/payment/PAY-XXX
Response[404]: Not Found, Duration: 0.469s
Response.body={"name":"INVALID_RESOURCE_ID","message":"The requested resource ID was not found","information_link":"https://developer.paypal.com/docs/api/payments/#errors","debug_id":"53db75c9346e8"}\tResponse.header={}"""

# Sage One (South Africa)'s response-code table as darrynten/sage-one-php#2 copies it: status cell, tab, meaning
SAGE_ONE_ZA_ROW = (
    "429\tThe limit of 100 requests per minute per company is exceeded or more there are more than 20 failed login attempts."
)

# GitHub's answer to a bad token (its documented body): a message and a documentation link, no code
GITHUB_BAD_CREDENTIALS = '{\n  "message": "Bad credentials",\n  "documentation_url": "https://docs.github.com/rest"\n}'


def test_a_status_a_client_logs_in_brackets_is_the_exchanges(catalog):
    x = explain(catalog, PAYPAL_RUBY_LOG)
    assert x.exchange.status == 404
    sent = x.errors[0].sent  # PayPal's error name is read as one, and the label says the body holds a name
    assert (sent.name, sent.code, sent.shape.name) == ("INVALID_RESOURCE_ID", None, "name and message")
    assert x.vendor is None and all(m.best is None for m in x.errors)


def test_a_copied_table_rows_status_cell_is_the_status_and_the_next_cell_the_message(catalog):
    x = explain(catalog, SAGE_ONE_ZA_ROW)
    assert x.exchange.status == 429
    assert x.errors[0].sent.message == SAGE_ONE_ZA_ROW.split("\t", 1)[1]
    assert x.vendor is None and x.errors[0].best is None


def test_a_body_without_a_code_is_not_labelled_code_and_message(catalog, cli):
    x = explain(catalog, GITHUB_BAD_CREDENTIALS)
    sent = x.errors[0].sent
    assert sent.code is None and sent.message == "Bad credentials"
    assert "code" not in sent.shape.name.replace("no code", "")
    out = cli("explain", "-", input=GITHUB_BAD_CREDENTIALS).stdout
    assert "(code and message)" not in out and "(message, no code)" in out


def test_a_bare_status_never_reads_as_documented_by_one_vendor_alone(cli):
    out = cli("explain", "-", input="400\n").stdout
    assert "documented by prospend" not in out
    assert "other vendors and services send it too" in out
    assert "prospend 400" in out


# An ASP.NET Core app's 401 ProblemDetails (blind31-79: a membership API's docs data). The JSON said vendor null, match
# none; the text listed "by vendor: sage 401  Sage could not authorise the request." under "its meaning as stated by
# sage", which reads as Sage's answer. A vendor's meaning of the status is shown only as what it would be if the paste
# were that vendor's, and the heading says that nothing in the paste names a vendor.
ASPNET_401 = '{"type":"https://tools.ietf.org/html/rfc7235#section-3.1","title":"Unauthorized","status":401,"traceId":"|9887ue-9789798uosds98"}'


def test_a_vendors_meaning_of_another_services_bare_status_reads_as_a_supposition(cli):
    out = cli("explain", "-", input=ASPNET_401).stdout
    assert "vendor:   unknown" in out
    assert "by vendor:" not in out and "as stated by" not in out
    heading = next(line for line in out.splitlines() if line.startswith("error 1 of 1:"))
    assert "not in the catalog" in heading and "HTTP 401 alone names neither vendor nor error" in heading
    assert "if the paste were sage's; nothing in it says so" in heading
    # its value in the column of the other labels' ("  message:  Unauthorized")
    assert "  if from:  sage 401  Sage could not authorise the request." in out.splitlines()
    assert "  message:  Unauthorized" in out.splitlines()


# Weble/ZohoBooksApi#27 (2019-11-24), as posted: a Laravel (Monolog) log line whose message wraps Zoho's words,
# its JSON context, the stack trace, and Artisan's line for the same exception
ZOHO_LARAVEL = r"""2019-11-24 21:07:22] local.ERROR: Response from Zoho is not success. Message: Invalid URL Passed {"exception":"[object] (Webleit\\ZohoBooksApi\\Exceptions\\ErrorResponseException(code: 0): Response from Zoho is not success. Message: Invalid URL Passed at /root/billing/src/scrooge/vendor/webleit/zohobooksapi/src/Client.php:327)
[stacktrace]
#0 /root/billing/src/scrooge/vendor/webleit/zohobooksapi/src/Client.php(138): Webleit\\ZohoBooksApi\\Client->processResult()
#1 /root/billing/src/scrooge/vendor/webleit/zohobooksapi/src/Modules/Module.php(41): Webleit\\ZohoBooksApi\\Client->getList()
#2 /root/billing/src/scrooge/test.php(34): Webleit\\ZohoBooksApi\\Modules\\Module->getList()
#3 {main}
"}

   Webleit\ZohoBooksApi\Exceptions\ErrorResponseException  : Response from Zoho is not success. Message: Invalid URL Passed
"""


def test_a_message_a_log_line_labels_inside_its_own_words_is_the_message(catalog):
    x = explain(catalog, ZOHO_LARAVEL)
    sent = x.errors[0].sent
    assert sent.message == "Invalid URL Passed"
    assert any("Response from Zoho is not success" in r for r in sent.readings)  # the whole line is still read
    assert x.vendor is None and x.errors[0].best is None


def test_fields_of_a_clients_exception_object_give_its_message(catalog):
    # Omnimind-Ltd/paypal-sdk#12 (2023-04-10), as posted: a Dart ApiException's toString in a log line
    line = (
        "2023-04-09 17:34:15.858: ERROR ApiException{statusCode: 404, error: RESOURCE_NOT_FOUND, errorDescription: The "
        "specified resource does not exist., apiError: ApiError{name: RESOURCE_NOT_FOUND, message: The specified resource "
        "does not exist., debugId: aac6a6a72220b, informationLink: null, details: [ApiErrorDetails{field: null, value: "
        "null, location: null, issue: INVALID_RESOURCE_ID, description: Requested resource ID was not found.}], links: "
        "[LinkDescription{href: https://developer.paypal.com/docs/api/v1/billing/subscriptions#RESOURCE_NOT_FOUND, rel: "
        "information_link, method: GET, encType: null}]}}"
    )
    x = explain(catalog, line)
    assert x.errors[0].sent.message == "The specified resource does not exist."
    assert x.errors[0].sent.name == "RESOURCE_NOT_FOUND"  # still named by the line it was read from
    assert x.vendor is None and x.errors[0].best is None


def test_labels_that_disagree_leave_the_line_whole(catalog):
    line = "sync failed: message: Customer not found, errorMessage: Invoice locked"
    assert explain(catalog, line).errors[0].sent.message == line

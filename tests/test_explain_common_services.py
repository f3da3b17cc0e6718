"""Errors of frameworks and other services, the common case of what users paste: no vendor is named, the
retry said fits the status and the error's own words (a 429's Retry-After even under a bare status's per-vendor
meanings, a 401 whose access token expired: refresh it and resend), and an HTML page without a title is read
by its heading (HAProxy's "504 Gateway Time-out").

The shapes are those the frameworks document (Spring Boot's DefaultErrorAttributes, DRF's {"detail": ...}, FastAPI's
RequestValidationError, ASP.NET Core's ValidationProblemDetails, Microsoft Graph's error resource, RFC 6750's
WWW-Authenticate example, HAProxy's default errorfiles); hosts are example.com: these are probes, not real pastes."""

from __future__ import annotations

import json

import pytest

from errcat.explainer import explain
from errcat.render.jsondoc import explain_document
from errcat.render.text import explain_lines, plain

DOCUMENTED = {"exact", "template", "code", "status"}


def curl(status: str, headers: list[str], body: str, method: str = "GET") -> str:
    head = [f"> {method} /v1/items HTTP/1.1", "> Host: api.example.com", ">", f"< HTTP/1.1 {status}"]
    return "\n".join([*head, *(f"< {h}" for h in headers), "<", body])


def retry_line(x) -> str:
    return next(line for line in plain(explain_lines(x)).splitlines() if line.strip().startswith("retry:"))


PROBLEM_429 = (
    '{"type":"https://tools.ietf.org/html/rfc6585#section-4","title":"Too Many Requests","status":429,'
    '"traceId":"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00"}'
)


@pytest.mark.parametrize(
    "paste",
    [
        # a status line and headers without a request: the status's per-vendor meanings are listed
        f"HTTP/1.1 429 Too Many Requests\nRetry-After: 60\nContent-Type: application/problem+json\n\n{PROBLEM_429}",
        'HTTP/1.1 429 Too Many Requests\nRetry-After: 60\n\n{"detail":"Request was throttled. Expected available in 60 seconds."}',
    ],
)
def test_a_bare_429_says_its_retry_after_beside_the_vendors_meanings(catalog, paste):
    x = explain(catalog, paste)
    assert x.vendor is None and [m.kind for m in x.errors] == ["none"]
    text = plain(explain_lines(x))
    assert "by vendor:" in text or "not in the catalog" in text
    assert "Retry-After asks for 60 s" in retry_line(x)


def test_a_bare_503_says_backoff_beside_the_vendors_meanings(catalog):
    x = explain(
        catalog,
        'HTTP/1.1 503 Service Unavailable\n\n{"error":{"code":503,"message":"The service is currently unavailable.","status":"UNAVAILABLE"}}',
    )
    assert x.vendor is None
    assert "exponential backoff" in retry_line(x)


EXPIRED = [
    # Microsoft Graph's InvalidAuthenticationToken
    (
        curl(
            "401 Unauthorized",
            ["Content-Type: application/json"],
            '{"error":{"code":"InvalidAuthenticationToken","message":"Access token has expired or is not yet valid."}}',
        ),
        "Access token has expired",
    ),
    # RFC 6750, 3: the resource server's challenge for an expired token, no body
    (
        curl(
            "401 Unauthorized",
            ['WWW-Authenticate: Bearer realm="example", error="invalid_token", error_description="The access token expired"'],
            "",
        ),
        "access token expired",
    ),
    # grpc-gateway's google.rpc.Status for UNAUTHENTICATED
    (curl("401 Unauthorized", [], '{"code":16,"message":"token is expired","details":[]}'), "token is expired"),
    ('HTTP/1.1 401 Unauthorized\n\n{"message":"jwt expired"}', "jwt expired"),
]


@pytest.mark.parametrize(("paste", "words"), EXPIRED)
def test_a_401_whose_access_token_expired_says_refresh_and_resend(catalog, paste, words):
    from errcat.integrations import retry_advice

    x = explain(catalog, paste)
    assert x.vendor is None and [m.kind for m in x.errors] == ["none"]
    m = x.errors[0]
    assert x.status_retry(m) == (401, "refresh-token")
    retry = retry_line(x)
    assert "refresh the access token, then resend" in retry and repr(words) in retry
    # explain's JSON says what retry_advice (and the MCP tool) says: the same request is not resent as it is, but
    # after a refresh (integ15: it said "retry": true, "wait": "refresh-and-retry", the opposite boolean)
    said = explain_document(x)["errors"][0]["retry_by_status"]
    assert said == {"status": 401, "retry": False, "wait": "refresh-token", "token_expired": words}
    advice = retry_advice(x)
    assert (said["retry"], said["wait"]) == (advice.retry, advice.wait)


NOT_EXPIRED = [
    # the refresh token's expiry: the user must authorise again, a refresh cannot help
    curl("401 Unauthorized", [], '{"error":"invalid_grant","error_description":"Refresh token expired"}', "POST"),
    # Google's UNAUTHENTICATED: wrong credentials, not an expiry
    curl(
        "401 Unauthorized",
        [],
        '{"error":{"code":401,"message":"Request had invalid authentication credentials.","status":"UNAUTHENTICATED"}}',
    ),
    # DRF's NotAuthenticated
    curl("401 Unauthorized", [], '{"detail":"Authentication credentials were not provided."}'),
    # an expiry said with a 403 or 400 is not a 401's challenge
    curl("403 Forbidden", [], '{"message":"Your subscription expired. Token access disabled."}'),
]


@pytest.mark.parametrize("paste", NOT_EXPIRED)
def test_other_auth_failures_keep_their_status_advice(catalog, paste):
    x = explain(catalog, paste)
    m = x.errors[0]
    assert x.status_retry(m) is not None and x.status_retry(m)[1] is None
    assert "does not suggest that the same request can succeed" in retry_line(x)
    assert "token_expired" not in explain_document(x)["errors"][0]["retry_by_status"]


HAPROXY_504 = "<html><body><h1>504 Gateway Time-out</h1>\nThe server didn't respond in time.\n</body></html>\n"


@pytest.mark.parametrize(
    "paste",
    [
        HAPROXY_504,  # HAProxy's default errorfile: no title, RFC 2616's phrase
        "<html>\r\n<head><title>504 Gateway Time-out</title></head>\r\n<body>\r\n<center><h1>504 Gateway Time-out</h1>"
        "</center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",  # nginx's default page
    ],
)
def test_a_gateway_time_out_page_is_a_504_that_passes(catalog, paste):
    x = explain(catalog, paste)
    assert x.exchange.status == 504 and len(x.errors) == 1 and x.vendor is None
    assert x.status_retry(x.errors[0]) == (504, "backoff")
    # the page's status line is its status, not a message to liken to a vendor's timeout
    assert x.errors[0].kind == "none" and x.errors[0].sent.message is None and not x.errors[0].candidates
    assert "exponential backoff" in retry_line(x)


def test_a_page_without_a_title_is_read_by_its_heading(catalog):
    x = explain(catalog, "<html><body><h1>No server is available</h1>\n<p>try later</p></body></html>")
    assert len(x.errors) == 1 and "No server is available" in json.dumps(explain_document(x)["errors"][0]["observed"])


def test_a_nearby_entry_without_a_message_is_shown_by_its_code(catalog):
    """RFC 6749 5.2's error body: the nearby entry catalogued by its code alone read ``None``."""
    x = explain(catalog, '{"error":"invalid_grant","error_description":"Invalid authorization code"}')
    assert x.vendor is None and all(m.kind not in DOCUMENTED for m in x.errors)
    near = [line for line in plain(explain_lines(x)).splitlines() if line.startswith(("  nearest:", "            "))]
    assert near and not any(" None (" in line for line in near)
    assert any("code invalid_grant (observed" in line for line in near)


FIELD_BODIES = [
    # Laravel's validation response: each message already names its field
    (
        '{"message":"The email field is required. (and 1 more error)","errors":{"email":["The email field is required."],'
        '"name":["The name field is required."]}}',
        [("email", "The email field is required."), ("name", "The name field is required.")],
    ),
    # Rails' errors hash: a message that reads after its field
    ('{"errors":{"email":["can\'t be blank"]}}', [("email", "Email can't be blank")]),
    # Django REST framework's serializer errors, the body itself: sentences by field, the whole object's alone
    (
        '{"amount":["A valid number is required."],"due_date":["This field is required."]}',
        [("amount", "Amount: A valid number is required."), ("due_date", "Due date: This field is required.")],
    ),
    (
        '{"non_field_errors":["Unable to log in with provided credentials."]}',
        [("non_field_errors", "Unable to log in with provided credentials.")],
    ),
]


@pytest.mark.parametrize(("body", "said"), FIELD_BODIES)
def test_a_fields_messages_read_as_one_sentence(catalog, body, said):
    x = explain(catalog, body)
    assert x.vendor is None and all(m.kind not in DOCUMENTED for m in x.errors)
    assert [(m.sent.details, m.sent.message) for m in x.errors] == said


@pytest.mark.parametrize("body", ['{"tags":["red","blue"]}', '{"ids":["a b","c d"]}', '{"items":[]}'])
def test_lists_that_are_not_sentences_are_no_field_errors(catalog, body):
    x = explain(catalog, body)
    assert not any(m.sent.details for m in x.errors)


LOCATED = [
    # FastAPI's RequestValidationError (Pydantic 1, then 2)
    (
        '{"detail":[{"loc":["body","price"],"msg":"field required","type":"value_error.missing"}]}',
        ("validation error (loc, msg, type)", "value_error.missing", "body.price", "field required"),
    ),
    (
        '{"detail":[{"type":"missing","loc":["query","q"],"msg":"Field required","input":null}]}',
        ("validation error (loc, msg, type)", "missing", "query.q", "Field required"),
    ),
    # JSON:API's error object (jsonapi.org, Error Objects)
    (
        '{"errors":[{"status":"422","source":{"pointer":"/data/attributes/firstName"},"title":"Invalid Attribute",'
        '"detail":"First name must contain at least two characters."}]}',
        ("JSON:API error object", None, "/data/attributes/firstName", "First name must contain at least two characters."),
    ),
]


@pytest.mark.parametrize(("body", "said"), LOCATED)
def test_an_error_that_says_where_in_the_request_keeps_where(catalog, body, said):
    x = explain(catalog, body)
    assert x.vendor is None and len(x.errors) == 1 and x.errors[0].kind not in DOCUMENTED
    s = x.errors[0].sent
    assert (s.shape.name, s.code, s.details, s.message) == said
    assert f"details {said[2]}" in plain(explain_lines(x))


THROTTLED = [
    # AWS's JSON protocols: the exception's type under "__type", throttling sent with 400
    (
        curl(
            "400 Bad Request",
            ["Content-Type: application/x-amz-json-1.1"],
            '{"__type":"ThrottlingException","message":"Rate exceeded"}',
        ),
        "ThrottlingException",
    ),
    # AWS's query protocols: the XML error document's Code
    (
        curl(
            "400 Bad Request",
            ["Content-Type: text/xml"],
            "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error></ErrorResponse>",
        ),
        "Throttling",
    ),
]


# Azure Resource Manager's throttling codes (its body as azqr's troubleshooting page quotes it, under a 429 there):
# the code's last word says throttled, whatever status a proxy or an SDK's wrapper put before it (explain27: only a
# code that began with Throttl... was read, so these kept a 400's "do not resend")
AZURE_BODY = (
    '{"error":{"code":"%s","message":"Number of requests for action \'Microsoft.Cdn/profiles/read\' exceeded the limit'
    " of '50' for time interval '00:05:00'. Please try again after '372' seconds.\"}}"
)
THROTTLED += [
    (curl("400 Bad Request", ["Content-Type: application/json"], AZURE_BODY % code), code)
    for code in (
        "ResourceRequestsThrottled",
        "SubscriptionRequestsThrottled",
        "ResourceCollectionRequestsThrottled",
        "RateLimiting",
    )
]


@pytest.mark.parametrize(("paste", "words"), THROTTLED)
def test_a_throttled_error_under_a_400_says_backoff(catalog, paste, words):
    x = explain(catalog, paste)
    assert x.vendor is None and [m.kind for m in x.errors] == ["none"]
    assert x.status_retry(x.errors[0]) == (400, "backoff")
    assert str(x).endswith("(retry by its code: backoff)")  # a 400 alone says no: its code says it passes with time
    assert "exponential backoff" in retry_line(x) and repr(words) in retry_line(x)
    said = explain_document(x)["errors"][0]["retry_by_status"]
    assert said.items() >= {"status": 400, "retry": True, "wait": "backoff", "throttled": words}.items()
    # the wait Azure's words ask for is said too (AWS's say none)
    assert said.get("wait_seconds") == (372.0 if "Please try again after '372' seconds" in paste else None)


@pytest.mark.parametrize("code", ["InvalidThrottleSetting", "NotThrottledYet", "RateLimitingRuleNotFound"])
def test_a_code_about_a_throttles_setting_is_no_throttling(catalog, code):
    """A code whose words name throttling but do not end saying the request was throttled keeps its status's advice."""
    x = explain(catalog, curl("400 Bad Request", ["Content-Type: application/json"], AZURE_BODY % code))
    assert x.errors[0].sent.code == code and x.status_retry(x.errors[0]) == (400, None)


def test_another_aws_exception_under_a_400_keeps_its_status_advice(catalog):
    x = explain(catalog, curl("400 Bad Request", [], '{"__type":"ValidationException","message":"1 validation error detected"}'))
    assert x.errors[0].sent.name == "ValidationException" and x.errors[0].kind == "none"
    assert x.status_retry(x.errors[0]) == (400, None)


@pytest.mark.parametrize(("paste", "words"), EXPIRED)
def test_retry_advice_for_an_expired_access_token_is_a_refresh_in_the_policy_vocabulary(catalog, paste, words):
    """A retry policy is told what it can do (integrations.RetryAdvice: backoff, wait-for-reset, refresh-token or
    never; the MCP tool's output schema holds it to that): an expired token's 401 is a refresh first, not a plain
    resend, and never the guide's word "refresh-and-retry" (the MCP tool's answer failed its schema)."""
    from errcat.integrations import retry_advice

    advice = retry_advice(explain(catalog, paste))
    assert (advice.retry, advice.wait) == (False, "refresh-token")


# Cloudflare's 524: it reached the origin, which did not answer within its 100 s read timeout; Cloudflare's page asks
# a visitor to try again in a few minutes, its docs name a long-running or overloaded origin
# (developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-524/). The title
# is the page's as pasted in watchfulli/XCloner-Wordpress#280 (2023-05-15), its host example.com here.
CLOUDFLARE_524 = (
    '<!DOCTYPE html>\n<html class="no-js" lang="en-US">\n<head>\n<title>api.example.com | 524: A timeout occurred</title>\n'
    '<meta charset="UTF-8" />\n</head>\n<body><h1>A timeout occurred</h1><span>Error code 524</span></body></html>'
)


def test_cloudflares_524_passes_with_backoff(catalog):
    from errcat.integrations import retry_advice

    x = explain(catalog, curl("524 A Timeout Occurred", ["Server: cloudflare", "Content-Type: text/html"], CLOUDFLARE_524))
    assert x.vendor is None and x.status_retry(x.errors[0]) == (524, "backoff")
    assert "HTTP 524 usually passes: resend later, with exponential backoff" in retry_line(x)
    assert (retry_advice(x).retry, retry_advice(x).wait) == (True, "backoff")


def test_cloudflares_524_after_a_post_is_checked_before_a_resend(catalog):
    """The origin had the request and was working on it when Cloudflare gave up: a POST may have been applied."""
    from errcat.integrations import retry_advice

    x = explain(catalog, curl("524 A Timeout Occurred", ["Server: cloudflare"], CLOUDFLARE_524, "POST"))
    assert "no after a POST, which may have been applied" in retry_line(x)
    assert explain_document(x)["errors"][0]["retry_by_status"]["may_have_applied"] == "POST"
    assert (retry_advice(x).retry, retry_advice(x).wait) == (False, "never")


# Laravel answers a CSRF token that does not match the session's (TokenMismatchException, "CSRF token mismatch.")
# with 419 (its exception handler's prepareException); the token changes with the session (laravel.com/docs/csrf),
# sent back as _token, X-CSRF-TOKEN or X-XSRF-TOKEN (the XSRF-TOKEN cookie of each response). The body is the one
# gnikyt/laravel-shopify#1024 (2021-11-28) reports; the page's title is Laravel's error page's.
LARAVEL_419 = [
    (
        curl("419 unknown status", ["Content-Type: application/json"], '{"message":"CSRF token mismatch."}', "POST"),
        "CSRF token mismatch",
    ),
    (
        curl(
            "419 unknown status",
            ["Content-Type: text/html; charset=UTF-8"],
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n<title>Page Expired</title>\n</head>\n<body>419 | Page Expired</body></html>',
            "POST",
        ),
        "Page Expired",
    ),
]


@pytest.mark.parametrize(("paste", "words"), LARAVEL_419)
def test_laravels_419_says_resend_with_the_sessions_csrf_token(catalog, paste, words):
    from errcat.integrations import retry_advice

    x = explain(catalog, paste)
    assert x.vendor is None and [m.kind for m in x.errors] == ["none"]
    assert x.status_retry(x.errors[0]) == (419, "refresh-token")
    assert str(x).endswith("(retry by its words: refresh-token)")  # the one line for a log: not "by its status"
    assert "resend with the session's current CSRF token" in retry_line(x) and repr(words) in retry_line(x)
    said = explain_document(x)["errors"][0]["retry_by_status"]
    assert said == {"status": 419, "retry": False, "wait": "refresh-token", "csrf_refused": words}
    advice = retry_advice(x)  # the MCP tool's vocabulary: backoff, wait-for-reset, refresh-token, never
    assert (advice.retry, advice.wait) == (False, "refresh-token") and "CSRF token" in advice.reason


def test_a_419_that_says_nothing_of_csrf_keeps_its_status_advice(catalog):
    x = explain(catalog, curl("419 unknown status", [], '{"message":"Insufficient space on resource."}'))
    assert x.status_retry(x.errors[0]) == (419, None)
    assert "does not suggest that the same request can succeed" in retry_line(x)


# A client's exception states these statuses as it states HTTP's own: they were read as no status at all
WRAPPED = [
    ("AxiosError: Request failed with status code 524", 524, "backoff"),
    (
        "System.Net.Http.HttpRequestException: Response status code does not indicate success: 419 (unknown status).\n"
        'Body: {"message":"CSRF token mismatch."}',
        419,
        "refresh-token",
    ),
    (
        "2024-03-01T10:00:00Z ERROR sync: GET /v1/items failed status=524 body=<title>x | 524: A timeout occurred</title>",
        524,
        "backoff",
    ),
]


@pytest.mark.parametrize(("paste", "status", "wait"), WRAPPED)
def test_a_clients_report_of_a_419_or_524_is_read_as_that_status(catalog, paste, status, wait):
    x = explain(catalog, paste)
    assert x.vendor is None and x.exchange.status == status
    assert x.status_retry(x.errors[0]) == (status, wait)


@pytest.mark.parametrize(
    "body",
    ['{"message":"csrf_token mismatch"}', '{"error":{"code":"CSRF_TOKEN_MISMATCH","message":"Request refused"}}'],
)
def test_a_csrf_refusal_spelled_with_underscores_says_resend_with_the_sessions_token(catalog, body):
    """review8: the words were read with word boundaries, which an underscore is not: "csrf_token mismatch" and the
    code CSRF_TOKEN_MISMATCH under a 419 got no CSRF advice ("does not suggest that the same request can succeed")."""
    x = explain(catalog, curl("419 unknown status", ["Content-Type: application/json"], body, "POST"))
    assert x.status_retry(x.errors[0]) == (419, "refresh-token")
    assert "resend with the session's current CSRF token" in retry_line(x)


def test_words_that_only_hold_csrf_inside_another_word_are_no_csrf_refusal(catalog):
    x = explain(catalog, curl("419 unknown status", ["Content-Type: application/json"], '{"message":"nocsrfx mismatch"}', "POST"))
    assert x.status_retry(x.errors[0]) != (419, "refresh-token")

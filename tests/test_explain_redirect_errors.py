"""errcat explain on an OAuth error carried back in a redirect (RFC 6749 4.1.2.1): the authorization
server answers 302 with the error in the callback URL's query, and no body. The error is read there,
so what a vendor's guide says of it is shown; the vendor is still named only on its own evidence."""

from __future__ import annotations

import json

import pytest

from errcat.explainer import explain

# Sage's authorization request (its guide's URL, www.sageone.com/oauth2/auth/central?filter=apiv3.1),
# refused by the user: Sage redirects to the app's callback with error=access_denied.
SAGE_REFUSED = (
    "GET https://www.sageone.com/oauth2/auth/central?filter=apiv3.1\n\n"
    "HTTP/1.1 302 Found\n"
    "Location: https://myapp.example.com/callback?error=access_denied\n"
)


def test_the_error_in_a_sage_redirect_gets_sages_guide(catalog):
    x = explain(catalog, SAGE_REFUSED)
    assert x.vendor == "sage"
    assert [(m.sent.code, m.sent.status) for m in x.errors] == [("access_denied", None)]  # 302 is the redirect's
    assert any("user chose not to authorize the app" in n for n in x.notes)


def test_a_callback_url_alone_is_read_but_names_no_vendor(catalog):
    """The same error on a callback of any host says nothing of Sage: no evidence of Sage's own."""
    x = explain(catalog, "https://myapp.example.com/callback?error=access_denied&error_description=The+user+denied+access")
    assert [(m.sent.code, m.sent.message) for m in x.errors] == [("access_denied", "The user denied access")]
    assert x.vendor is None and not any("Sage" in n for n in x.notes)


def test_a_fragment_carries_the_implicit_flows_error(catalog):
    x = explain(catalog, "HTTP/1.1 302 Found\nLocation: https://app.example.org/cb#error=invalid_scope&state=abc\n")
    assert [m.sent.code for m in x.errors] == ["invalid_scope"]


def test_an_error_flag_in_a_request_url_is_no_oauth_error(catalog):
    """``?error=true`` beside a body of its own: the body is what is read."""
    x = explain(catalog, "GET https://api.example.net/items?error=true\n\nHTTP/1.1 500 Internal Server Error\n\nDatabase is down")
    assert [m.sent.code for m in x.errors] == [None] and "Database is down" in (x.errors[0].sent.message or "")


def test_an_error_status_is_not_traded_for_a_request_urls_error_parameter(catalog):
    """A 500 with no body after a request whose URL holds ``error=``: the 500 is what the server said."""
    x = explain(catalog, "GET https://api.example.net/cb?error=access_denied\n\nHTTP/1.1 500 Internal Server Error\n")
    assert [(m.sent.code, m.sent.status) for m in x.errors] == [(None, 500)]


def _har(location: str) -> str:
    """A HAR file (synthetic, in the shape devtools export) of Sage's authorization request answered by a redirect."""
    entry = {
        "request": {"method": "GET", "url": "https://www.sageone.com/oauth2/auth/central?filter=apiv3.1", "headers": []},
        "response": {"status": 302, "statusText": "Found", "headers": [{"name": "Location", "value": location}], "content": {}},
    }
    return json.dumps({"log": {"version": "1.2", "entries": [entry]}})


def test_a_recorded_redirect_carrying_an_error_is_explained(catalog):
    """A recording explains error responses only: the refusal's 302 was left out, and with it Sage's guide."""
    x = explain(catalog, _har("https://myapp.example.com/callback?error=access_denied"))
    assert x.vendor == "sage" and [m.sent.code for m in x.errors] == ["access_denied"]
    assert any("user chose not to authorize the app" in n for n in x.notes)


def test_a_recorded_redirect_with_a_code_is_no_error(catalog):
    x = explain(catalog, _har("https://myapp.example.com/callback?code=4f2a9c&state=xyz"))
    assert x.errors == ()


@pytest.mark.parametrize(
    "location",
    [
        "https://a.example.com/cb?" + "&".join(f"p{i}=1" for i in range(200)) + "&error=access_denied",  # urllib's field cap
        "http://[abc/cb?error=access_denied",  # urlsplit's "Invalid IPv6 URL"
    ],
)
def test_a_hostile_callback_is_read_not_a_traceback(catalog, location):
    """Both raised ValueError out of urllib: the error's own fields are found by hand."""
    x = explain(catalog, f"HTTP/1.1 302 Found\nLocation: {location}\n")
    assert [m.sent.code for m in x.errors] == ["access_denied"]

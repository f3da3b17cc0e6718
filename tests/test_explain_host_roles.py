"""A host a paste writes plays one of three parts: the service called (another service's counts against the vendors),
the machine that wrote the log line, or a relay the exchange passed through (a proxy, a CDN). Only the first says
whose answer the body is: a machine's or a relay's name took a vendor's documented error away, and a called host read
as the machine let another server's Sage-shaped body be claimed for Sage (claims18; review16's hostile cases)."""

from __future__ import annotations

import pytest

from errcat.explainer import explain

# MYOB's documented 25008 body, Sage's documented 401 and 404 bodies (../shared/sources), InvoiceXpress's documented 422
MYOB_25008 = (
    '{"Errors":[{"Name":"DatePriorToBeginningOfFinancialYear","Message":"Date cannot be prior to beginning of financial '
    'year","AdditionalDetails":"Date","ErrorCode":25008,"Severity":"Error","LearnMore":null}],"Information":"Warning, '
    'error messages have not been finalised in this release and may change"}'
)
SAGE_401 = (
    '[{"$severity":"error","$dataCode":"AccessTokenExpiredError","$message":"Your Access token has expired.",'
    '"$source":"Authorization"}]'
)
IX_422 = '{"errors":[{"error":"Vat Number is already used in another account"}]}'


def _foreign(x) -> list[str]:
    return [c.value for c in x.clues if c.kind in ("foreign-mention", "foreign-host")][:1]


@pytest.mark.parametrize(
    "text",
    [
        # logfmt: the key after a word naming the far side (review16's false claim of Sage by its status)
        f"upstream hostname=x3.acme.com status=401 body={SAGE_401}",
        f"level=error remote hostname=x3.acme.com status=401 body={SAGE_401}",
        # a JSON "hostname" is the machine only in a record naming its process: another record's pid says nothing
        '{"level":30,"pid":12,"msg":"worker started"}\n{"method":"GET","hostname":"x3.acme.com","status":401,"body":'
        + SAGE_401
        + "}",
        # ... nor does the logger's own pid for an object nested in its record
        '{"level":50,"pid":12,"upstream":{"hostname":"x3.acme.com","port":443},"status":401,"body":' + SAGE_401 + "}",
        # a YAML block without a level is a request's options, not a logger's record
        f"request:\n  hostname: x3.acme.com\n  port: 443\nstatus: 401\nbody: {SAGE_401}",
        # ... and a hostname nested under another key of a logger's YAML record is a part's, not the record's
        f"level: error\nupstream:\n  hostname: x3.acme.com\n  port: 443\nbody: {SAGE_401}",
        # an RFC 3339 line whose "tag" holds no process id (pid 0 is no process): the app's line about the host called
        f"2024-03-01T10:00:00Z x3.acme.com items[0]: 401 {SAGE_401}",
    ],
)
def test_a_host_written_as_the_one_called_is_another_services(catalog, text):
    x = explain(catalog, text)
    assert x.vendor is None and _foreign(x) == ["x3.acme.com"], [(c.kind, c.value) for c in x.clues]
    assert all(e.kind == "none" for e in x.errors)


@pytest.mark.parametrize(
    "text",
    [
        f"time=2024-03-01T10:00:00Z level=error hostname=web-01.acme.com msg=failed status=400 body={MYOB_25008}",
        '{"level":50,"pid":4121,"hostname":"web-01.acme.com","msg":"sync failed 400"}\n' + MYOB_25008,
        f"hostname: web-01.acme.com\nlevel: error\nmsg: sync failed: 400 {MYOB_25008}",  # review16's YAML record
        f"2024-03-01T10:00:00Z web-01.acme.com myob-sync[2231]: 400 {MYOB_25008}",
        # relays: a Via header's proxy or CDN, a proxy setting (a reader took its URL for the request's)
        f"HTTPS_PROXY=http://proxy.corp.acme.com:3128\ncurl: (22) The requested URL returned error: 400\n{MYOB_25008}",
        "HTTP/1.1 400 Bad Request\nVia: 1.1 9d8e7f6a5b4c.cloudfront.net (CloudFront)\nContent-Type: application/json\n\n"
        + MYOB_25008,
        f"* Uses proxy env variable https_proxy == 'http://squid.acme.net:3128'\n< HTTP/1.1 400 Bad Request\n{MYOB_25008}",
        # code and issue sites named bare are pages people read, as github.com is
        f"sync failed (see gitlab.com/acme/erp/-/issues/12): 400 {MYOB_25008}",
        f"CI on bitbucket.org failed: sync 400 {MYOB_25008}",
        f"reported in acme.atlassian.net/browse/ERP-12: sync 400 {MYOB_25008}",
    ],
)
def test_the_machine_a_relay_or_a_page_site_leaves_the_vendors_documented_error(catalog, text):
    x = explain(catalog, text)
    assert x.vendor == "myob" and not _foreign(x), [(c.kind, c.value) for c in x.clues]
    assert any(e.kind == "exact" and str(e.best.entry.code) == "25008" for e in x.errors)


def test_relays_leave_the_other_vendors_documented_errors(catalog):
    sage = explain(
        catalog,
        f"HTTP/1.1 401 Unauthorized\nX-Cache: Error from cloudfront\nVia: 1.1 a1.cloudfront.net (CloudFront)\n\n{SAGE_401}",
    )
    assert sage.vendor == "sage" and sage.errors[0].kind == "exact"
    ix = explain(catalog, f"HTTP/1.1 422 Unprocessable Entity\nVia: 1.1 squid.proxy.acme.pt (squid/5.7)\n\n{IX_422}")
    assert ix.vendor == "invoicexpress" and ix.errors[0].kind == "exact"


def test_a_code_sites_api_named_bare_is_still_the_service_called(catalog):
    x = explain(catalog, f"GET gitlab.com/api/v4/projects/12/repository/files failed: 401 {SAGE_401}")
    assert x.vendor is None and _foreign(x) == ["gitlab.com"]


def test_a_service_an_email_was_sent_through_is_the_sender(catalog):
    """Microsoft Graph's real 401 (microsoftgraph/msgraph-training-dotnet#31) under a note naming MYOB in words."""
    graph = (
        '{"error":{"code":"InvalidAuthenticationToken","message":"CompactToken parsing failed with error code: 80049217",'
        '"innerError":{"date":"2021-07-23T10:07:16","request-id":"4e1c6f0a-8b2d-4f7e-9c3a-5d6b7e8f9a0b"}}}'
    )
    x = explain(catalog, f"MYOB invoice email via Microsoft Graph failed: 401 {graph}")
    assert x.vendor is None and all(e.kind == "none" for e in x.errors)


# Sage's SData shape from another server (review17's SAGE_SDATA): claimed for Sage, its status was Sage's 401
OTHER_SDATA = (
    '[{"$severity":"error","$dataCode":"InvalidCredentials","$message":"Invalid credentials","$source":"Authorization"}]'
)


@pytest.mark.parametrize(
    "text",
    [
        f"pushing the export to gitlab.com failed: 401 {OTHER_SDATA}",
        f"uploading the invoice PDF to bitbucket.org returned 401 {OTHER_SDATA}",
        f"calling acme.atlassian.net returned 401 {OTHER_SDATA}",
        f"gitlab.com responded 401 {OTHER_SDATA}",
        f"pushing the export to github.com failed: 401 {OTHER_SDATA}",  # github.com was neutral wherever it stood
        f"www.github.com responded 401 {OTHER_SDATA}",
    ],
)
def test_a_code_site_named_bare_as_the_one_called_is_another_service(catalog, text):
    """review18: a code or issue site named bare was read as a page (claims18), whatever the words around it: one a
    call was sent to ("to gitlab.com", "calling acme.atlassian.net") or that answered ("gitlab.com responded") lost
    its foreign clue, and another server's SData body was claimed for Sage by its status."""
    x = explain(catalog, text)
    assert x.vendor is None and _foreign(x), [(c.kind, c.value) for c in x.clues]
    assert all(e.kind == "none" for e in x.errors)


@pytest.mark.parametrize(
    "text",
    [f"the proxy x3.acme.com returned 401 {OTHER_SDATA}", f"proxy gw.acme.com responded: 401 {OTHER_SDATA}"],
)
def test_a_proxy_named_as_the_one_that_answered_is_another_service(catalog, text):
    """review18: a host after the word "proxy" was read as a relay the response passed through (claims18), also where
    the paste says it answered: its foreign clue was lost and another server's SData body was claimed for Sage."""
    x = explain(catalog, text)
    assert x.vendor is None and _foreign(x), [(c.kind, c.value) for c in x.clues]
    assert all(e.kind == "none" for e in x.errors)


# Where a report's prose or a script's stack points is no call: a link to an SDK's example file on GitHub (blind42-5's
# Facturama report), a JavaScript frame's bundle and an error report's "filename" (blind42-9). Synthetic lines in those
# shapes; GitHub's own calls (its OAuth token endpoint on github.com) stay calls
@pytest.mark.parametrize(
    "text",
    [
        "I get: Message: La solicitud no es válida., using default parameters in sandbox "
        "https://github.com/acme/acme-php-sdk/blob/master/examples/PostRequest.php",
        "Error: Api request to '/api/leads/14' failed with HTTP status 400\n"
        "    at https://app.acme-example.org/static/main.3860fd96.js:2:221025",
        "Uncaught Error: request failed with HTTP status 400\n    at fetchLead (https://cdn.acme-example.org/app.js:1:2)",
        '{"message": "Uncaught Error: request failed with HTTP status 400", '
        '"filename": "https://app.acme-example.org/static/main.js", "lineno": 2}',
    ],
)
def test_a_linked_page_or_a_scripts_place_is_no_call(catalog, text):
    x = explain(catalog, text)
    assert x.exchange.url is None and x.exchange.host is None, x.exchange.url


def test_githubs_own_token_endpoint_is_still_the_call(catalog):
    x = explain(catalog, "401 Unauthorized from https://github.com/login/oauth/access_token")
    assert x.exchange.host == "github.com"

"""A host of another service written bare in a paste counts against the vendors whatever its top-level domain: a name
under a word's domain (.dev, .app, .cloud, .services) is spared only where it is written as a logger's name, and a
name written inside a URL, before a port or a path is a host even when it reads like a package's (eu.acme.cloud)."""

from __future__ import annotations

import pytest

from errcat.explainer import explain

# Sage's documented 401 body (../shared/sources/sage-accounting-response-codes.txt) and MYOB's documented 25008 row
SAGE_401 = (
    '{"$severity":"error","$dataCode":"AccessTokenExpiredError","$message":"Your Access token has expired.",'
    '"$source":"Authorization"}'
)
MYOB_25008 = (
    '{"Errors":[{"Name":"DatePriorToBeginningOfFinancialYear","Message":"Date cannot be prior to beginning of financial '
    'year","AdditionalDetails":"Date","ErrorCode":25008,"Severity":"Error","LearnMore":null}],"Information":"Warning, '
    'error messages have not been finalised in this release and may change"}'
)


def _mentioned(catalog, text: str) -> list[str]:
    return [c.value for c in explain(catalog, text).clues if c.kind == "foreign-mention"][:1]


@pytest.mark.parametrize(
    "text, host",
    [
        ("sdata call to x3.acme.cloud failed: 401 ", "x3.acme.cloud"),
        ("GET from erp.acme.services returned 401 ", "erp.acme.services"),
        ("upstream api.acme.dev answered 401 ", "api.acme.dev"),
        ("sync via gateway.acme.app, 401 ", "gateway.acme.app"),
        ("see https://eu.acme.cloud/status: 401 ", "eu.acme.cloud"),  # a URL's host that reads like a package
        ("connect to de.sdata.acme.tech:8124 failed: 401 ", "de.sdata.acme.tech"),
    ],
)
def test_another_services_host_under_a_words_domain_counts(catalog, text, host):
    """The same sentence names another service under .com ("call to api.stripe.com"): under .cloud, .dev or .app it
    was read as a logger's name, and a Sage-shaped body beside it was claimed for Sage, its documented 401 exact."""
    assert _mentioned(catalog, text + SAGE_401) == [host]
    assert _mentioned(catalog, text + MYOB_25008) == [host]
    assert explain(catalog, text + SAGE_401).vendor is None


@pytest.mark.parametrize(
    "head",
    [
        "2024-03-01 10:00:00,123 ERROR billing.services: MYOB call failed: 400 ",  # Python's %(name)s:
        "ERROR:sync.app:MYOB call failed: 400 ",  # logging.basicConfig's default format
        "2024-03-01 10:00:00 [ledger.cloud] ERROR MYOB call failed: 400 ",  # a logger's name in brackets
        "2024-03-01 10:00:00,123 ERROR [com.acme.ledger.services] (pool-1) MYOB call failed: 400 ",  # a Java package
    ],
)
def test_a_loggers_name_under_a_words_domain_is_still_no_host(catalog, head):
    x = explain(catalog, head + MYOB_25008)
    assert x.vendor == "myob" and not [c for c in x.clues if c.kind == "foreign-mention"], head
    assert x.errors[0].kind == "exact"


@pytest.mark.parametrize(
    "field", ["upstream_hostname=api.acme.com", "server_hostname='api.acme.com'", "remote.host.name: api.acme.com"]
)
def test_a_field_naming_the_called_host_is_not_the_machine(catalog, field):
    """A record's own hostname field names the machine that wrote it (hostname=, host.name); a field whose name only
    ends so names the host it called (an upstream's, TLS's server_hostname): it was taken for the machine, and the
    called service no longer counted against the vendor."""
    assert _mentioned(catalog, f"level=error {field} msg=401 " + SAGE_401) == ["api.acme.com"]
    # the record's own field still names the machine
    assert _mentioned(catalog, "hostname=api.acme.com level=error msg=401 " + SAGE_401) == []

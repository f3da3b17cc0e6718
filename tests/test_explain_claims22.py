"""claims22: a 2xx reply of a resource (its name, description, notes, address, "false" flags, "Limited" in a company's
name) is a success, while a 2xx whose words are a documented message, or said as the reply's message, is still read; an
explanation with no error says so in its one line (hooks, Sentry, structlog and MCP show that line). Synthetic pastes in
the shapes the vendors' and other services' resources take (values invented)."""

from __future__ import annotations

import json

import pytest

from errcat.explainer import explain
from errcat.integrations import summary

OK = "HTTP/1.1 {} \nContent-Type: application/json\n\n"


def _reply(status: str, body: object) -> str:
    return OK.format(status) + json.dumps(body)


@pytest.mark.parametrize(
    "paste",
    [
        # synthetic: MYOB's created customer (a company name with "Limited", an IsIndividual false, notes, an address)
        _reply(
            "201 Created",
            {
                "UID": "6d0a6b8e-1f1a-4a59-9d1c-2b6f3a1c9e21",
                "CompanyName": "Acme Widgets Pty Limited",
                "IsIndividual": False,
                "Addresses": [{"Street": "12 Smith Street Level 3", "City": "Melbourne"}],
                "Notes": "Deliver to the loading dock at the back",
                "SellingDetails": {"CreditLimit": 5000.0},
            },
        ),
        # synthetic: Sage's invoice with its notes and a line's description
        _reply(
            "200 OK",
            {
                "id": "9a8b7c",
                "displayed_as": "SI-42",
                "notes": "Thank you for your business this year",
                "invoice_lines": [{"description": "Consulting services for March", "quantity": "1.0"}],
                "void_reason": None,
            },
        ),
        # synthetic: InvoiceXpress's client with observations
        _reply("200 OK", {"client": {"id": 7, "name": "Empresa de Teste Unipessoal Lda", "observations": "Cliente desde 2019"}}),
        # synthetic: Slack's chat.postMessage reply: it says ok, and its message's text is the message posted
        _reply("200 OK", {"ok": True, "channel": "C024BE91L", "message": {"text": "Here's a message for you"}}),
    ],
)
def test_a_2xx_resource_with_sentences_in_its_fields_is_a_success(catalog, paste):
    """review20's rule read a 2xx JSON with any string of three words (or "false", or "Limited") as an error 'not in
    the catalog': a created customer's notes or a product's description is the resource's, not an error."""
    x = explain(catalog, paste)
    assert not x.errors, str(x)
    assert any("is a success" in n for n in x.notes)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"Description": "Cannot delete order with payment(s) applied"}, "Cannot delete order with payment(s) applied"),
        ({"message": "Order could not be processed now"}, "Order could not be processed now"),
        (["Due date must be later than date"], "Due date must be later than date"),
        ({"status": "failed", "id": 3}, None),
    ],
)
def test_a_2xx_that_says_an_error_is_still_read(catalog, body, message):
    """Synthetic: a documented message under any key, a sentence said as the reply's message or alone, an outcome
    that says it failed: each is read as an error under its 200."""
    x = explain(catalog, _reply("200 OK", body))
    assert x.errors and not any("is a success" in n for n in x.notes)
    if message:
        assert message in (x.errors[0].sent.message or "")


def test_a_success_says_so_in_its_one_line(catalog):
    """The one line of a success was empty: a requests hook's, Sentry's, structlog's or MCP's summary said nothing."""
    x = explain(catalog, "HTTP/1.1 201 Created\nContent-Type: application/json\n\n")
    assert summary(x) == "HTTP 201 is a success: no error"
    created = explain(catalog, "POST https://api.myob.com/accountright/x/Contact/Customer HTTP/1.1\n\nHTTP/1.1 201 Created\n\n")
    assert str(created).endswith("HTTP 201 is a success: no error")


def test_another_service_named_beside_a_vendors_own_envelope_claims_nothing(catalog):
    """claims22's decision on "Error from Shopify: 400 {MYOB's envelope with its documented code and message}"
    (synthetic): the paste says Shopify answered and the body is MYOB's by its own code and words; a reader cannot
    tell a relay from a mislabelled log, so nothing is claimed and no vendor named, and a note names the documented
    error the words match. Named as MYOB, or with MYOB's host, the same body is MYOB's 25008."""
    body = (
        '{"Errors":[{"Name":"DatePriorToBeginningOfFinancialYear","Message":"Date cannot be prior to beginning of '
        'financial year","AdditionalDetails":"","ErrorCode":25008,"Severity":"Error"}]}'
    )
    x = explain(catalog, f"Error from Shopify: 400 {body}")
    assert x.vendor is None and x.errors and x.errors[0].best is None
    assert any("25008" in n and "Shopify" in n for n in x.notes)
    for own in (f"Error from MYOB: 400 {body}", f"POST https://api.myob.com/accountright/x/Sale/Invoice/Item -> 400 {body}"):
        y = explain(catalog, own)
        assert y.vendor == "myob" and y.errors[0].best is not None and y.errors[0].best.entry.code == 25008, own


def test_a_host_under_the_reserved_example_domain_is_another_services(catalog):
    """claims20's a12 (synthetic): MYOB's envelope with a name MYOB documents, said to come "from api.shipstation.example"
    (RFC 2606's domain for documentation, as anonymised pastes write hosts), was named MYOB's: the host was not read as
    one, while the same line with api.shipstation.com named no vendor."""
    body = (
        '{"Errors":[{"Name":"RateLimitError","Message":"Too many requests","AdditionalDetails":"","ErrorCode":429,'
        '"Severity":"Error"}]}'
    )
    for host in ("api.shipstation.example", "api.shipstation.com"):
        assert explain(catalog, f"{body}\nfrom {host}").vendor is None, host
    assert explain(catalog, body).vendor == "myob"

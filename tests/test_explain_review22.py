"""review22: hostile variants of the last stop's explain rules. Each test fails without its fix. Pastes are synthetic
(values invented) in the shapes the services' documents give; the source of each shape is named beside it."""

from __future__ import annotations

import json

import pytest

from errcat.explainer import explain


def _reply(status: str, body: object, head: str = "") -> str:
    return f"{head}HTTP/1.1 {status}\nContent-Type: application/json\n\n" + json.dumps(body)


# synthetic: a Sage contact as POST /contacts creates it, with the attributes Sage's guide lists (default_sales_ledger_
# account, notes: https://developer.sage.com/accounting/guides/concepts/contact_and_address_relationship)
SAGE_CONTACT = {
    "id": "7c1b8f4e2d9a4b6f8e3c5a1d0b2e4f6a",
    "displayed_as": "Great Example Inc (GREAT001)",
    "name": "Great Example Inc",
    "default_sales_ledger_account": {"id": "9a994ff4a4a311e797950a57719b2edb", "displayed_as": "Sales Type A (4000)"},
    "notes": "Deliver to the loading dock at the back",
}


@pytest.mark.parametrize(
    "body",
    [
        SAGE_CONTACT,
        {"Id": 1, "DefaultTaxCode": "GST", "Notes": "Deliver to the back door please"},  # "fault" inside "Default"
        {"Id": 1, "PreferredContact": "Email", "Notes": "Deliver to the back door please"},  # "err" inside "Preferred"
    ],
)
def test_a_resource_whose_key_holds_an_error_word_inside_another_word_is_a_success(catalog, body):
    """claims22's rule looked for an error's word anywhere in a key: Sage's created contact, whose
    "default_sales_ledger_account" holds "fault", was read as Sage's error 'not in the catalog'."""
    x = explain(catalog, _reply("201 Created", body, "$ curl -i -X POST https://api.accounting.sage.com/v3.1/contacts\n"))
    assert not x.errors, str(x)
    assert any("is a success" in n for n in x.notes)


@pytest.mark.parametrize(
    ("status", "body"),
    [
        # a 207 Multi-Status whose member failed (RFC 4918's status per member; the member's own body a sentence)
        ("207 Multi-Status", {"responses": [{"id": "1", "status": 400, "body": "Customer name is required for this invoice"}]}),
        # a batch reply answered 200 with one member refused
        ("200 OK", [{"id": 1, "status": 201}, {"id": 2, "status": 400, "description": "Customer name is required here"}]),
        ("200 OK", {"batch": [{"id": 2, "statusCode": "422", "title": "Customer name is required for this invoice"}]}),
    ],
)
def test_a_2xx_whose_member_failed_is_no_success(catalog, status, body):
    """A member answered 4xx inside a 2xx (a 207's, a batch's) was said "a success: no error to explain" when its
    words stood under a key that is no message's."""
    x = explain(catalog, _reply(status, body))
    assert x.errors, str(x)
    assert not any("is a success" in n for n in x.notes)


def test_a_key_naming_an_error_still_makes_a_2xx_no_resource(catalog):
    """The rule kept: a key one of whose words names an error ("hasErrors", "faultstring") is read."""
    for body in ({"Id": 1, "hasErrors": True, "Notes": "Deliver to the back door please"},):
        assert explain(catalog, _reply("200 OK", body)).errors


def test_a_listed_resources_state_is_its_own_in_a_top_level_array_too(catalog):
    """The rule reads "status": "Rejected" of a listed resource as that resource's (an expense's), not the reply's: in
    {"expenses": [...]} it did, in a reply that is the array itself each member's keys were taken for the reply's own,
    and a list of expenses was an error 'not in the catalog'. The reply's own "status": "failed" is still read."""
    listed = [
        {"id": 1, "status": "Rejected", "notes": "Receipt was missing for this one"},
        {"id": 2, "status": "Approved", "notes": "Paid back on Friday next"},
    ]
    for body in (listed, {"expenses": listed}):
        x = explain(catalog, _reply("200 OK", body))
        assert not x.errors and any("is a success" in n for n in x.notes), str(x)
    assert explain(catalog, _reply("200 OK", {"status": "failed", "id": 3, "notes": "Receipt was missing here"})).errors


@pytest.mark.parametrize("said", ["Invalid API key:", "Access denied:", "Account not found:"])
def test_a_bodys_one_line_ending_in_a_colon_is_the_apis_message(catalog, said):
    """blind42's caption rule took any lone "words:" after a response's head for a tool's caption over an empty body, so
    a server's own one-line body ending in a colon became "status only" and its words were dropped; the rule now needs
    the head to say the body is empty (Content-Length: 0), as its case did (test_a_caption_over_an_empty_body...)."""
    x = explain(catalog, f"HTTP/1.1 401 Unauthorized\nContent-Type: text/plain\n\n{said}")
    assert x.errors[0].sent.message == said, x.errors[0].sent

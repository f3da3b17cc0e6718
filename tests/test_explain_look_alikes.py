"""A vendor named by something that only looks like its own (claims19's adversarial pastes): a host with the vendor's
name under a domain anyone can register (api.myob.xyz, sageone.co), the vendor's name inside a path the prose kept
(~/code/myob-migration, C:\\Users\\dev\\myob-sync), and a number another service sent that equals one of the vendor's
codes. Each let another service's error be claimed as the vendor's documented one."""

from __future__ import annotations

import pytest

from errcat.explainer import explain

CLAIMS = {"exact", "template", "code", "status"}
# MYOB's documented 100 Required, Sage's documented 401, InvoiceXpress's documented 422 (../shared/sources), each sent
# by a server that only looks like the vendor's (synthetic probes)
MYOB_REQUIRED = (
    '{"Errors":[{"Name":"Required","Message":"Name is required","AdditionalDetails":"Name","ErrorCode":100,"Severity":"Error"}]}'
)
SAGE_401 = (
    '[{"$severity":"error","$dataCode":"AccessTokenExpiredError","$message":"Your Access token has expired.",'
    '"$source":"Authorization"}]'
)
IX_422 = '{"errors":[{"error":"Quantity must be a number greater than 0"}]}'
# Facebook Graph's real 400 (hellostealth/stealth#199; its fbtrace_id replaced): its code 190 is MYOB's ZeroAmount by number
FB_190 = (
    '{"error":{"message":"Invalid OAuth access token.","type":"OAuthException","code":190,'
    '"fbtrace_id":"Bq7RmWZtKe41HDxNufsPQaT"}}'
)


@pytest.mark.parametrize(
    "paste",
    [
        f"curl -X POST https://api.myob.xyz/accountright/abc/Sale/Invoice\n< HTTP/1.1 400\n{MYOB_REQUIRED}",
        f"POST https://sageone.co/oauth2/token 401\n{SAGE_401}",
        f"GET https://api.sage-one.net/accounts/v1/contacts 401 {SAGE_401}",
        f"POST https://acme.app.invoicexpress.net/invoices.json 422 {IX_422}",
        f"POST https://api.myob.io/v2/sale 400 {MYOB_REQUIRED}",
    ],
)
def test_a_vendors_name_under_a_domain_anyone_can_register_is_a_look_alike(catalog, paste):
    x = explain(catalog, paste)
    assert x.vendor is None, [(c.kind, c.value, c.vendor) for c in x.clues]
    assert all(e.kind not in CLAIMS for e in x.errors), [e.kind for e in x.errors]
    assert any(c.kind == "foreign-host" for c in x.clues)


@pytest.mark.parametrize(
    ("host", "vendor"), [("help.myob.co.nz", "myob"), ("www.myob.com.au", "myob"), ("www.invoicexpress.pt", "invoicexpress")]
)
def test_a_vendors_name_under_a_countrys_domain_is_still_its_own(catalog, host, vendor):
    """The same name under a country's domain is where a vendor registers it at home (my.myob.com.au, a real page of
    MYOB's): weak evidence for it, never a foreign host (synthetic probes)."""
    x = explain(catalog, f"GET https://{host}/some/page 404")
    assert ("registered-domain", host, vendor) in {(c.kind, c.value, c.vendor) for c in x.clues}, x.clues
    assert not any(c.kind == "foreign-host" for c in x.clues)


@pytest.mark.parametrize(
    "paste",
    [
        f"~/code/myob-migration$ ./run.sh\nError: 400 {FB_190}",
        f"C:\\Users\\dev\\myob-sync> node send.js\nResponse: 400: {FB_190}",
        f"../myob-bridge/bin/notify: Transmitting. Response: 400: {FB_190}",
    ],
)
def test_a_vendors_name_inside_a_relative_home_or_windows_path_is_no_evidence(catalog, paste):
    x = explain(catalog, paste)
    assert x.vendor is None, [(c.kind, c.value, c.vendor) for c in x.clues]
    assert not any(c.kind == "named" for c in x.clues)
    assert all(e.kind not in CLAIMS for e in x.errors), [e.kind for e in x.errors]


def test_a_number_another_service_sent_is_not_the_named_vendors_code(catalog):
    """A program named after MYOB logs Facebook's answer: MYOB is named (in words), but 190 in Facebook's error object,
    beside words of its own, is no documented MYOB error."""
    x = explain(catalog, f"myob-sync worker: Transmitting. Response: 400: {FB_190}")
    assert all(e.kind not in CLAIMS for e in x.errors), [(e.kind, e.best and e.best.entry.id) for e in x.errors]


@pytest.mark.parametrize(
    "paste",
    [
        # MYOB's own envelope, or the ErrorCode body MYOB sends, with its code and other words: still the code's error
        '{"Errors":[{"Name":"ZeroAmount","Message":"Amount applied must be above zero","ErrorCode":190,"Severity":"Error"}]}',
        'MYOB: {"Message":"Total must be positive","ErrorCode":190}',
    ],
)
def test_the_vendors_number_in_a_shape_it_sends_still_names_its_error(catalog, paste):
    x = explain(catalog, paste)
    assert x.vendor == "myob" and x.errors[0].kind == "code" and x.errors[0].best.entry.code == 190, x.errors


@pytest.mark.parametrize(
    "paste",
    [
        '{"code":"BAD_REQUEST","message":"Invalid number format - abc"}',
        '{"error":"Invalid number format - \'12,5\'"}',
        "Invalid number format - 12,5",
        "Error converting value 12.5 to type Int32",  # Json.NET's words, MYOB's serializer template, any .NET program's
    ],
)
def test_a_wrapper_phrase_before_free_text_names_no_vendor(catalog, paste):
    """ProSpend documents "Invalid number format - <Error Message>"; Java's NumberFormatException handlers, a PHP
    validator and a lexer write the same words before a value (find_string), so outside a ProSpend exchange they
    are no ProSpend error (synthetic probes)."""
    x = explain(catalog, paste)
    assert x.vendor is None and all(e.kind not in CLAIMS for e in x.errors), (x.vendor, [e.kind for e in x.errors])


def test_a_wrapper_phrase_in_the_vendors_exchange_is_still_its_error(catalog):
    x = explain(
        catalog,
        "POST https://api.apac.prospend.io/beta/company/42/bills failed with status 400: "
        '{"code":"BAD_REQUEST","message":"Invalid number format - abc"}',
    )
    assert x.vendor == "prospend" and x.errors[0].kind == "template"
    assert x.errors[0].best.entry.id == "prospend.bad-request.invalid-number-format-error-message"


STRIPE_404 = (
    '{"error":{"code":"resource_missing","message":"No such customer: \'cus_Q1w2E3r4T5y6U7\'","param":"customer",'
    '"type":"invalid_request_error"}}'
)


def test_a_call_its_line_says_succeeded_is_not_the_failed_exchange(catalog):
    """A log of two calls: MYOB's answered 200, Stripe's failed. The first call was read as the exchange, and MYOB's
    host named MYOB for Stripe's error (synthetic; Stripe's error object as its API documents it)."""
    x = explain(
        catalog,
        "10:00:01 GET https://api.myob.com/accountright/ 200 OK\n"
        f"10:00:02 POST https://api.stripe.com/v1/charges 404 {STRIPE_404}",
    )
    assert x.vendor is None and x.exchange.host == "api.stripe.com", (x.vendor, x.clues)
    assert all(e.kind not in CLAIMS for e in x.errors)


@pytest.mark.parametrize(
    "paste",
    [
        # the vendor's own failed call after its successful one, and a failed call first
        "GET https://api.myob.com/accountright/ 200 OK\n"
        "POST https://api.myob.com/accountright/0a1b2c3d-0000-4000-8000-000000000000/Sale/Invoice/Item 400 " + MYOB_REQUIRED,
        "POST https://api.myob.com/accountright/0a1b2c3d-0000-4000-8000-000000000000/Sale/Invoice/Item 400 "
        + MYOB_REQUIRED
        + "\nPOST https://hooks.slack.com/services/T0/B0/x 200",
    ],
)
def test_the_vendors_failed_call_stays_the_exchange(catalog, paste):
    x = explain(catalog, paste)
    assert x.vendor == "myob" and x.exchange.path.endswith("/Sale/Invoice/Item") and x.errors[0].kind == "template"


def test_words_several_documented_errors_share_say_so(catalog):
    """MYOB documents "Cannot delete order with payment(s) applied" as 37000 OrderPaid (a sale order) and 38000
    PurchaseOrderPaid (a purchase order): sent bare, the words are MYOB's, but not which of the two; the reading showed
    38000 alone, then (claims20) as the exact match with 37000 under "also". It is a family, as a code several errors
    share is: no match claimed, both named. An endpoint, a code or a name says which (then no note)."""
    x = explain(catalog, "Cannot delete order with payment(s) applied")
    assert x.vendor == "myob" and x.errors[0].kind == "none"
    assert {(c.entry.code, c.entry.name) for c in x.errors[0].family} == {(37000, "OrderPaid"), (38000, "PurchaseOrderPaid")}
    note = next(n for n in x.notes if n.startswith("one of 2 documented errors with these words"))
    assert "37000 OrderPaid" in note and "38000 PurchaseOrderPaid" in note
    for paste in (
        "DELETE https://api.myob.com/accountright/0a1b2c3d-0000-4000-8000-000000000000/Purchase/Order/Item/1\n"
        "HTTP/1.1 400 Bad Request\n\nCannot delete order with payment(s) applied",
        '{"Errors":[{"Name":"OrderPaid","Message":"Cannot delete order with payment(s) applied","ErrorCode":37000}]}',
    ):
        x = explain(catalog, paste)
        assert x.errors[0].kind == "exact" and not any("these words" in n for n in x.notes), x.notes


def test_a_link_to_the_vendors_site_beside_another_services_error_is_no_answer(catalog):
    """Xero's words under a link to MYOB's error page, no request shown: the link said MYOB (a host of MYOB's domain,
    0.6), and the paste's "Xero 400" was never weighed (synthetic; Xero's message as its API sends it)."""
    x = explain(
        catalog,
        "Xero 400: Account code '999' is not a valid code for this document. (compare "
        "https://developer.myob.com/api/accountright/api-overview/error-messages/)",
    )
    assert x.vendor is None and any(c.kind == "other-service" and c.value == "Xero" for c in x.clues), x.clues


@pytest.mark.parametrize(
    "paste",
    [
        # the link alone, or beside the vendor's own documented words, still reads as the vendor's
        "DELETE returns error 25003 (see https://developer.myob.com/api/myob-business-api/api-overview/error-messages/)",
        'Migrating from Xero to MYOB: "Date cannot be prior to beginning of financial year" (see '
        "https://developer.myob.com/api/accountright/api-overview/error-messages/)",
    ],
)
def test_a_link_to_the_vendors_site_still_counts_for_it(catalog, paste):
    assert explain(catalog, paste).vendor == "myob"


def test_a_shape_others_send_too_does_not_keep_an_earlier_lines_vendor(catalog):
    """InvoiceXpress named on an earlier line, a step naming Shopify, and Rails's {"errors":[{"error": ...}]} list,
    which InvoiceXpress sends too: the shape kept InvoiceXpress from being weighed against Shopify, and its documented
    "Client is invalid" was claimed (synthetic)."""
    x = explain(catalog, 'invoicexpress sync finished\n[shopify] 422 {"errors":[{"error":"Client is invalid"}]}')
    assert x.vendor is None and all(e.kind not in CLAIMS for e in x.errors), (x.vendor, x.clues)


def test_the_vendors_list_shape_with_its_name_and_words_is_still_its_error(catalog):
    x = explain(catalog, 'InvoiceXpress: 422 {"errors":[{"error":"Due date must be later than date"}]}')
    assert x.vendor == "invoicexpress" and x.errors[0].kind == "exact"

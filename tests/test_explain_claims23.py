"""claims23: a 2xx reply whose message says the call succeeded ("Invoice was created successfully", "Fatura criada com
sucesso") is a success, its 2xx read where a log line writes it before the JSON body; a 2xx whose message undoes or
contradicts the success, or holds a vendor's documented words, is still read. Synthetic pastes (values invented)."""

from __future__ import annotations

import json

import pytest

from errcat.explainer import explain

OK = "HTTP/1.1 {}\nContent-Type: application/json\n\n"


@pytest.mark.parametrize(
    "paste",
    [
        OK.format("201 Created") + json.dumps({"message": "Invoice was created successfully", "id": 5}),
        OK.format("200 OK") + json.dumps({"status": "success", "message": "Expense has been submitted successfully"}),
        OK.format("200 OK") + json.dumps({"message": "Fatura criada com sucesso", "invoice": {"id": 8812}}),
        OK.format("201 Created") + json.dumps({"mensaje": "Factura creada correctamente", "id": 77}),
        # the 2xx written before its body on the line, as the leftover was pasted and as a log line writes a call
        '201 {"message": "Invoice was created successfully", "id": 5}',
        'POST https://api.example.com/v1/invoices 201 {"message": "Invoice created successfully", "id": 6}',
        'GET https://api.apac.prospend.io/beta/expenses/9 -> 200 {"expense": {"id": 9, "description": "Taxi to the office"}}',
    ],
)
def test_a_2xx_whose_message_says_it_succeeded_is_a_success(catalog, paste):
    """A {"message"} body under a 2xx was read as an error envelope before the success check: 'not in the catalog'
    for a created invoice (closing35's leftover); a 2xx before a body on one line was no status at all."""
    x = explain(catalog, paste)
    assert not x.errors, [e.sent for e in x.errors]
    assert any("is a success" in n for n in x.notes), x.notes


@pytest.mark.parametrize(
    "body",
    [
        {"message": "Invoice could not be created"},
        {"message": "Invoice was not created: customer is missing"},
        {"success": False, "message": "Customer created successfully"},
        {"status": "failed", "message": "Invoice was created successfully"},
        {"message": "Contact created successfully", "errors": [{"field": "email", "message": "Email is invalid"}]},
        {"message": "Não foi possível criar a fatura"},
        {"message": "Invoice partially created, lines are missing"},
    ],
)
def test_a_2xx_whose_message_undoes_the_success_is_still_read(catalog, body):
    x = explain(catalog, OK.format("200 OK") + json.dumps(body))
    assert x.errors and not any("is a success" in n for n in x.notes), body


def test_a_vendors_documented_words_under_a_2xx_are_still_its_error(catalog):
    """claims22's rule (decide after matching) kept: MYOB's documented 25008 under a 200 is read and claimed."""
    x = explain(catalog, OK.format("200 OK") + json.dumps({"result": "Date cannot be prior to beginning of financial year"}))
    assert x.vendor == "myob" and x.errors[0].best is not None and x.errors[0].best.entry.code == 25008
    assert not any("is a success" in n for n in x.notes)


def test_a_2xx_before_a_body_does_not_hide_a_later_error_status(catalog):
    x = explain(
        catalog,
        'POST https://x.example.com/a -> 200 {"id": 1}\nPOST https://x.example.com/b -> 400 {"message": "Quantity must be a number"}',
    )
    assert x.exchange.status == 400 and x.errors


@pytest.mark.parametrize(
    "paste",
    [
        "MYOB (same call to Xero is fine): Date cannot be prior to beginning of financial year",
        "MYOB (works in QuickBooks): Date cannot be prior to beginning of financial year",
    ],
)
def test_an_aside_that_another_service_worked_names_no_sender(catalog, paste):
    """closing35's leftover (synthetic): an aside saying the same call to another service is fine made that service
    the sender, and MYOB's own documented words named no vendor: a right answer lost."""
    x = explain(catalog, paste)
    assert x.vendor == "myob" and x.errors[0].best is not None and x.errors[0].best.entry.code == 25008


@pytest.mark.parametrize(
    "paste",
    [
        "Xero (same call to MYOB is fine): Date cannot be prior to beginning of financial year",
        "MYOB (same call to Xero fails too): Date cannot be prior to beginning of financial year",
        "Error from Xero: Date cannot be prior to beginning of financial year (MYOB works)",
    ],
)
def test_an_aside_about_the_vendor_or_a_failing_service_still_claims_nothing(catalog, paste):
    x = explain(catalog, paste)
    assert not any(e.best for e in x.errors), paste


MYOB_ENV = (
    '{"Errors":[{"Name":"DatePriorToBeginningOfFinancialYear","Message":"Date cannot be prior to beginning of '
    'financial year","AdditionalDetails":"Date","ErrorCode":25008,"Severity":"Error"}]}'
)


@pytest.mark.parametrize("words", ["Date cannot be prior to beginning of financial year", MYOB_ENV])
def test_a_service_named_like_an_operation_after_calling_is_not_claimed_over(catalog, words):
    """closing35's leftover (synthetic): "Error calling GetResponse: <MYOB's 25008>" was claimed as MYOB's. GetResponse
    is a service as PostHog is; C# clients name the operation after "calling" too, but for a resource of the vendors'
    endpoints (GetInvoice). Where the name is no such operation the evidence conflicts: nothing is claimed, and a
    note names both MYOB's documented error and the service."""
    x = explain(catalog, f"Error calling GetResponse: {words}")
    assert x.vendor is None and not any(e.best for e in x.errors)
    assert any("25008" in n and "GetResponse" in n for n in x.notes), x.notes


@pytest.mark.parametrize("operation", ["GetInvoice", "GetContacts", "CreateInvoices"])
def test_an_operation_on_a_vendors_resource_after_calling_keeps_the_vendors_words(catalog, operation):
    x = explain(catalog, f"Error calling {operation}: 400 {MYOB_ENV}")
    assert x.vendor == "myob" and x.errors[0].best is not None and x.errors[0].best.entry.code == 25008


@pytest.mark.parametrize("app", ["Module 'HubSpot'", 'App "Shopify"', "node 'PostHog'"])
def test_a_relays_step_named_for_the_app_it_called_names_that_app(catalog, app):
    """Synthetic, in the shape Make and Zapier write a failed step: the quoted word after the relay's noun for an app
    is the app's name; blind42's rule (a quoted value before "returns" names no service) read none, and MYOB's
    envelope with its documented code and words in HubSpot's answer was claimed as MYOB's exact error."""
    x = explain(catalog, f"Make scenario failed. {app} returned 400: {MYOB_ENV}")
    assert x.vendor is None and not any(e.best for e in x.errors), (x.vendor, app)


@pytest.mark.parametrize("quoted", ["Module 'MYOB'", "Module 'SaveInvoice'", 'with `type: "FormulaAttribute"`'])
def test_a_quoted_vendor_step_or_value_before_returned_keeps_the_vendors_words(catalog, quoted):
    x = explain(catalog, f"{quoted} returned 400: {MYOB_ENV}")
    assert x.vendor == "myob" and x.errors[0].best is not None and x.errors[0].best.entry.code == 25008

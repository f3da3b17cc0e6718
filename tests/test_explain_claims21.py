"""claims21's adversarial pastes (synthetic probes unless a source is given; the harness of 60 cases is
/work/notes/claims21-harness): a vendor is named only on evidence that is its own. A vendor's envelope holding no code
or name it documents is a shape any service can answer in; the same envelope at the vendor's host, with its notice or
with a value it documents is the vendor's."""

from __future__ import annotations

import pytest

from errcat.explainer import explain


def myob(name: str, msg: str, code: int, extra: str = "") -> str:
    one = f'"Name":"{name}","Message":"{msg}","AdditionalDetails":"","ErrorCode":{code},"Severity":"Error"'
    return '{"Errors":[{' + one + "}]" + extra + "}"


def sdata(code: str, msg: str, source: str = "") -> str:
    return f'[{{"$severity":"error","$dataCode":"{code}","$message":"{msg}","$source":"{source}"}}]'


@pytest.mark.parametrize(
    "paste",
    [
        myob("WarehouseClosed", "Warehouse 7 is closed for stocktake", 88001),
        "HTTP/1.1 409 Conflict\n\n" + myob("LockConflict", "Record is locked by another session", 4090),
        # a code MYOB documents under another name (9001 is ItemLinkedToPurchases): not MYOB's error
        '[{"Name":"PlanExpired","Message":"Your plan has expired","AdditionalDetails":"","ErrorCode":9001,"Severity":"Error"}]',
        sdata("PayloadTooLarge", "The payload is too large"),
        '{"$diagnoses":[{"$severity":"error","$dataCode":"ShipmentLate","$message":"Cannot be scheduled","$source":"x"}]}',
    ],
)
def test_a_vendors_envelope_holding_nothing_it_documents_names_no_vendor(catalog, paste):
    x = explain(catalog, paste)
    assert x.vendor is None, [c.record() for c in x.clues]
    assert all(m.best is None or m.kind.value == "none" for m in x.errors)


@pytest.mark.parametrize(
    ("paste", "vendor"),
    [
        # its own host, its notice (a real body carries it: realworld blind40-1), its name in words
        ("GET https://api.myob.com/accountright/0a1b2c3d-0000-4000-8000-000000000000/Inventory/Item 400\n"
         + myob("WarehouseClosed", "Warehouse 7 is closed", 88001), "myob"),
        (myob("WarehouseClosed", "Warehouse 7 is closed", 88001,
              ', "Information": "Warning, error messages have not been finalised in this release and may change"'), "myob"),
        ("MYOB returned 400 " + myob("WarehouseClosed", "Warehouse 7 is closed", 88001), "myob"),
        # a code or $dataCode the vendor documents, with generic words (as customersure/sage_one's fixture, own-163)
        (myob("CustomerNotFound", "The customer could not be found", 11003), "myob"),
        (sdata("RecordInvalid", "is invalid", "contact_id"), "sage"),
        ('{"$diagnoses":[{"$severity":"error","$dataCode":"ValidationError","$message":"blank","$source":"due_date"}]}', "sage"),
        ("GET https://api.accounting.sage.com/v3.1/contacts 409 " + sdata("Conflict", "Version conflict"), "sage"),
    ],
)  # fmt: skip
def test_a_vendors_envelope_with_its_own_evidence_still_names_it(catalog, paste, vendor):
    assert explain(catalog, paste).vendor == vendor


GOOGLE_401 = '{"error":{"code":401,"message":"Request had invalid authentication credentials.","status":"UNAUTHENTICATED"}}'


@pytest.mark.parametrize(
    "paste",
    [
        "prospend_export.py: 401 " + GOOGLE_401,  # claims19's i15: claimed as ProSpend's documented 401
        "myob_sync.rb:88: 401 " + GOOGLE_401,
        "ProSpendExport.java: 401 Unauthorized",
        "accountright_migration.sql: ERROR 1062 (23000): Duplicate entry 'INV-1' for key 'number'",  # claims20's f17
    ],
)
def test_a_vendors_name_inside_a_file_name_is_the_callers_program_not_the_answering_service(catalog, paste):
    x = explain(catalog, paste)
    assert x.vendor is None, [c.record() for c in x.clues]
    assert all(m.best is None or m.kind.value == "none" for m in x.errors)


def test_the_vendors_own_body_beside_a_file_named_for_it_is_still_read(catalog):
    body = '{"code":"UNAUTHORIZED","message":"Authentication failed. Please check your credentials and try again."}'
    x = explain(catalog, "prospend_export.py: 401 " + body)
    assert x.vendor == "prospend" and x.errors[0].best is not None and x.errors[0].best.entry.code == "UNAUTHORIZED"


@pytest.mark.parametrize(
    "paste",
    [
        # claims19's f10: MYOB's documented words, but the service named nearest before them answered
        "Previously on MYOB this worked. Now with Xero: ValidationException: Date cannot be prior to beginning of financial year",
        "We left MYOB last year. QuickBooks now says: Date cannot be prior to beginning of financial year",
        "Same data worked in MYOB. Xero API error: Date cannot be in locked period",
    ],
)
def test_the_service_named_nearest_before_the_error_answered_it(catalog, paste):
    x = explain(catalog, paste)
    assert x.vendor is None and all(m.best is None or m.kind.value == "none" for m in x.errors)


def test_the_vendor_named_nearest_before_its_documented_words_still_answered(catalog):
    x = explain(catalog, "Previously on Xero this worked. Now with MYOB: Date cannot be prior to beginning of financial year")
    assert x.vendor == "myob" and x.errors[0].kind.value == "exact"


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_a_family_of_documented_errors_is_shown_with_no_confidence_as_if_claimed(fmt):
    from typer.testing import CliRunner

    from errcat.cli import app

    family = CliRunner().invoke(app, ["explain", "--format", fmt], input="Cannot delete order with payment(s) applied")
    assert "one of 2 documented errors" in family.stdout and "(confidence" not in family.stdout
    one = "DELETE https://api.myob.com/accountright/0a1b2c3d-0000-4000-8000-000000000000/Sale/Order/Item/1 400 " + (
        "Cannot delete order with payment(s) applied"
    )
    assert "(confidence 0.9" in CliRunner().invoke(app, ["explain", "--format", fmt], input=one).stdout


def test_a_familys_one_line_summary_says_it_is_documented_not_that_the_catalog_lacks_it(catalog):
    # the line VendorError, Sentry, structlog and the MCP tool's "answer" carry: "not in the catalog (myob; one of 2
    # documented errors with this code)" said both that the catalog lacks the error and that a code, not words, is shared
    line = str(explain(catalog, "Cannot delete order with payment(s) applied"))
    assert line.startswith("one of 2 documented errors with these words, the paste does not say which")
    assert "not in the catalog" not in line

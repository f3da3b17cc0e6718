"""A name every API says (ValidationError, AccessDenied) beside a code the vendor documents. MYOB's own document names
ValidationError beside many of its codes (../shared/sources/myob-business-api-errors.txt, e.g. 1024 and 4339), while
its row for 25008 names the error DatePriorToBeginningOfFinancialYear. review21 stopped such a name from making MYOB's
envelope MYOB's own; with MYOB's documented code and message beside it, the body was then read as no vendor's and
'not in the catalog'. Bodies synthetic, in MYOB's documented shape."""

from __future__ import annotations

import json

import pytest

from errcat import open_catalog


@pytest.fixture(scope="module")
def catalog():
    return open_catalog(use_env=False)


def _body(name: str, code: int, message: str) -> str:
    return json.dumps(
        {"Errors": [{"Name": name, "Message": message, "AdditionalDetails": "Date", "ErrorCode": code, "Severity": "Error"}]}
    )


def test_a_generic_name_beside_the_documented_code_and_message_is_the_documented_error(catalog):
    x = catalog.explain(_body("ValidationError", 25008, "Date cannot be prior to beginning of financial year"))
    assert x.vendor == "myob"
    assert x.errors[0].best is not None
    assert x.errors[0].best.entry.code == 25008 or str(x.errors[0].best.entry.code) == "25008"


@pytest.mark.parametrize(
    "body",
    [
        _body("AccessDenied", 88001, "Warehouse closed for stocktake"),  # a code MYOB does not document
        _body("ValidationError", 25008, "The field Reference is too long"),  # MYOB's code, other words
    ],
)
def test_a_generic_name_with_anything_less_names_no_vendor(catalog, body):
    x = catalog.explain(body)
    assert x.vendor is None
    assert all(e.best is None or e.kind.name not in ("EXACT", "CODE") for e in x.errors)

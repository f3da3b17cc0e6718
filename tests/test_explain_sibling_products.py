"""errcat explain on a catalogued vendor's sibling products: MYOB's Greentree and PayGlobal and Sage's People
and HR have interfaces of their own, so their names count against the catalogued API as Sage X3's or MYOB
EXO's do. The pastes are written for these tests (no real error of these products was found); the names and
what they are come from the sources in catalog/*.yaml."""

from __future__ import annotations

import pytest

from errcat.explainer import explain


@pytest.mark.parametrize(
    ("paste", "vendor"),
    [
        ('MYOB Greentree API error: {"ErrorCode":"100","Message":"Something went wrong"}', "myob"),
        ("PayGlobal gateway error: submission rejected by MYOB", "myob"),
        ('Sage HR API: {"$diagnoses":[{"$severity":"error","$message":"Not found"}]} (see https://www.sage.com)', "sage"),
        ("Sage People integration failed: see https://www.sage.com/en-gb/", "sage"),
        # Sage X3's Web API on the customer's own (local) server: its path names it (claims17; the URL's form is
        # online-help.sagex3.com's, the body Sage Accounting's documented one, claimed for Sage before)
        (
            "GET http://x3.acme.local:8124/api1/x3/erp/SEED/BPCUSTOMER('C001')?representation=BPCUSTOMER.$details 401 "
            '[{"$severity":"error","$dataCode":"InvalidCredentials","$message":"Invalid credentials","$source":"Authorization"}]',
            "sage",
        ),
    ],
)
def test_a_sibling_products_name_counts_against_the_vendor(catalog, paste, vendor):
    x = explain(catalog, paste)
    assert ("other-product", vendor) in {(c.kind, c.vendor) for c in x.clues}, x.clues
    assert x.vendor is None
    assert all(m.kind not in ("exact", "template", "code", "status") for m in x.errors)

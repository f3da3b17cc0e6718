"""When an error's words alone name its vendor (errcat.explainer.match._claimant states the rule): the
vendor's documented words, whole, specific, in a shape the vendor sends; a stock phrase other services'
errors carry is lifted by no shape others share too, whichever vendor's list it is."""

from __future__ import annotations

import pytest

from errcat.explainer import explain

CLAIMS = {"exact", "template", "code", "status"}


# "Name has already been taken" is Rails's default message for a taken name: Fly.io's Machines API and
# Rails apps send {"error": "Name has already been taken"} (find_string), and the list of objects
# {"errors": [{"error": ...}]} InvoiceXpress documents is GOV.UK Notify's and other services' as well, and
# its list-holding form a Java client's service's ({"errors":{"error":["Email has already been taken"]}}).
# "Customer is required" is every validator's message for a field left out (MYOB documents it too); the
# {"ErrorCode", "Message"} body is MYOB's and also NCR Counterpoint's and Visma eAccounting's.
@pytest.mark.parametrize(
    "paste",
    [
        '{"errors":[{"error":"Name has already been taken"}]}',
        '{"errors":[{"error":"Due date must be later than date"}]}',
        '{"errors":[{"error":["Due date must be later than date"]}]}',
        '{"ErrorCode": null, "Message": "Customer is required"}',
    ],
)
def test_a_stock_phrase_in_a_shape_others_share_names_no_vendor(catalog, paste):
    x = explain(catalog, paste)
    assert x.vendor is None, (x.vendor, x.clues)
    assert all(m.kind not in CLAIMS for m in x.errors), [m.kind for m in x.errors]


def test_a_stock_phrase_in_the_vendors_own_envelope_is_still_its_error(catalog):
    x = explain(catalog, '{"Errors":[{"Name":"Required","Message":"Customer is required","Severity":"Error"}]}')
    assert x.vendor == "myob"
    assert x.errors[0].kind == "exact" and x.errors[0].best is not None and x.errors[0].best.entry.vendor == "myob"


def test_specific_documented_words_sent_bare_name_their_vendor(catalog):
    x = explain(catalog, "Date cannot be in locked period")
    assert (x.vendor, x.vendor_source) == ("myob", "message")
    assert x.errors[0].kind == "exact"


def test_words_only_observed_name_no_vendor_by_themselves(catalog):
    # Sage's live 401 (Cauldron's recipe, 2026-09-07); ThingWorx sends the same sentence for its AppKey header
    paste = '{ "error": "Authorization missing. Please, add an authorization token at the \'Authorization\' HTTP header."}'
    for text in (paste, "Authorization missing. Please, add an authorization token at the 'Authorization' HTTP header."):
        x = explain(catalog, text)
        assert x.vendor is None, x.clues
        assert x.errors[0].kind not in CLAIMS
        assert x.errors[0].candidates[0].entry.id == "sage.observed.authorization-missing"  # offered as nearest

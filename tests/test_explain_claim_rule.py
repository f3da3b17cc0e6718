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


# InvoiceXpress documents "Retention must be a number between 0 and 99.99" among its 422s (API v2, create or
# update an invoice). Its bound is a percentage validator's as well (find_string: a cheese weight's, a commission
# rate's, a GST rate's check) and "Retention must be a number" a mail relay's setting, but only InvoiceXpress's
# documents and its clients quote the two together: its own limit on its own field names it, bare or in its list.
@pytest.mark.parametrize(
    "paste",
    [
        "Retention must be a number between 0 and 99.99",
        '{"errors":[{"error":"Retention must be a number between 0 and 99.99"}]}',
    ],
)
def test_the_vendors_own_limit_on_its_own_field_names_it(catalog, paste):
    x = explain(catalog, paste)
    assert x.vendor == "invoicexpress", x.clues
    m = x.errors[0]
    assert m.kind == "exact" and m.best is not None and m.best.entry.message == "Retention must be a number between 0 and 99.99"


@pytest.mark.parametrize(
    "paste",
    [
        "Cheese weight must be a number between 0 and 99.99",  # a Rails model's check (find_string id 61574634790)
        "Hours completed must be a number between 0 and 99.99.",  # a Worker's check (find_string id 68321601565)
        "Retention must be a number",  # a mail relay's setting (find_string id 70922992494)
        "Value must be a number between 0 and 99.99",  # InvoiceXpress's too, but "Value" is every form's field
        "Quantity must be a number greater than 0",  # InvoiceXpress's, but above 0 is every check's, quantity MYOB's too
        "Cancel message can't be blank",  # InvoiceXpress's: its field and Rails's phrase, no limit of its own
    ],
)
def test_a_validators_phrase_without_the_vendors_own_field_and_limit_names_no_vendor(catalog, paste):
    x = explain(catalog, paste)
    assert x.vendor is None, x.clues
    assert all(m.kind not in CLAIMS for m in x.errors), [m.kind for m in x.errors]


# InvoiceXpress documents "Tax region is not valid" (taxes), "Cancel message can't be blank" (change state), "Client
# contact is invalid" and "Send options is not a number" (clients) among its 422s (../shared/sources/invoicexpress-error-
# codes.txt). Each is an attribute of several words and a Rails phrase, in bodies Rails writes: InvoiceXpress's
# {"errors":[{"error": ...}]} (its 422 as recorded against app.invoicexpress.com, blind33-2) and ActiveModel's to_xml
# <errors><error>, and Rails apps validate a tax_region of their own (find_string ids 18226576086, 41916817619: a
# Customer's and a Tax's). explain33 claimed them in those bodies on the field alone; no longer (explain36): only
# InvoiceXpress's own evidence, the host its request went to, names it.
IX_DOCUMENTED = [
    "Tax region is not valid",
    "Cancel message can't be blank",
    "Client contact is invalid",
    "Send options is not a number",
]
RAILS_XML = '<?xml version="1.0" encoding="UTF-8"?>\n<errors>\n  <error>{}</error>\n</errors>'


def _ix_recording(message: str) -> str:
    """blind33-2, InvoiceXpress's real 422 recorded by a Ruby client's VCR cassette, its body's message replaced."""
    from corpus import OWN_CORPUS, load_cases

    recording = next(c["raw"] for c in load_cases(OWN_CORPUS) if c["id"] == "blind33-2")
    said = "Nome \\u00e9 um campo obrigat\\u00f3rio"
    assert said in recording
    return recording.replace(said, message.replace("'", "''"))  # (the body is a YAML single-quoted string)


@pytest.mark.parametrize("message", IX_DOCUMENTED)
@pytest.mark.parametrize("body", ['{{"errors":[{{"error":"{}"}}]}}', RAILS_XML])
def test_a_phrase_on_the_vendors_field_of_several_words_names_it_only_on_its_own_evidence(catalog, message, body):
    alone = explain(catalog, body.format(message))
    assert alone.vendor is None, alone.clues
    assert all(m.kind not in CLAIMS for m in alone.errors), [m.kind for m in alone.errors]
    assert alone.errors[0].candidates[0].entry.message == message  # offered as the nearest, not claimed
    recorded = explain(catalog, _ix_recording(message))
    assert recorded.vendor == "invoicexpress", recorded.clues
    m = recorded.errors[0]
    assert m.kind == "exact" and m.best is not None and m.best.entry.message == message


@pytest.mark.parametrize(
    "paste",
    [
        "Tax region is not valid",  # bare: any framework's check on an attribute other apps have too
        '{"errors":["Tax region is not valid"]}',  # the list of strings every Rails API sends
        '{"message":"Tax region is not valid"}',  # no body of the vendor's
        '{"errors":[{"error":"Client is invalid"}]}',  # one word: any model's association
    ],
)
def test_a_phrase_on_the_vendors_field_outside_its_body_of_error_objects_or_on_one_word_names_no_vendor(catalog, paste):
    x = explain(catalog, paste)
    assert x.vendor is None, x.clues
    assert all(m.kind not in CLAIMS for m in x.errors), [m.kind for m in x.errors]

"""errcat explain names a vendor only on evidence of its own: clues other services share (the brand word
"Sage", an SData-style $diagnoses without Sage Accounting's $dataCode) add up to the threshold but name no
one. Every paste here is real; its source is named beside it."""

from __future__ import annotations

from errcat.explainer import explain
from errcat.explainer.evidence import Clue, decide

# Notes on Sage X3's Web API (api1, "based on SData 2.0"), its "Errors and status codes" list (a public
# repository; the search tools' find_string id 70989580970): Sage X3's answer, not Sage Accounting's
SAGE_X3_NOTES = """- 200 on a read does **not** prove the record exists: test for `$diagnoses`, for example
  `{"$diagnoses":[{"$severity":"error","$message":"721 : Record does not exist"}]}`.
- 201 on a create only proves the class, representation and body were accepted: success is a payload
  without an error `$diagnoses` entry (Sage's sample ends with a `$links.$save` section)."""


def test_the_brand_beside_a_shared_shape_names_no_vendor(catalog):
    x = explain(catalog, SAGE_X3_NOTES)
    assert {c.kind for c in x.clues if c.vendor == "sage"} == {"brand", "common-envelope"}, x.clues
    assert x.vendor is None
    assert all(m.kind not in ("exact", "template", "code", "status") for m in x.errors)


def test_an_own_clue_beside_shared_ones_still_names_the_vendor():
    shared = [Clue.of("brand", "Sage", "sage"), Clue.of("common-envelope", "dollar-keyed diagnosis", "sage", 0.3)]
    assert decide(shared) is None
    assert decide([*shared, Clue.of("registered-domain", "www.sage.com", "sage")]) == "sage"
    assert decide([Clue.of("envelope", "Sage $diagnoses", "sage", 0.9)]) == "sage"

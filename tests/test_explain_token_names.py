"""errcat explain on MYOB's names for a call without a usable access token, as integrators paste
them with nothing else around: the name alone is MYOB's (no other API's error is so named), and
what the catalog knows of the one it does not hold is said. Every paste here is real."""

from __future__ import annotations

from errcat.explainer import explain
from errcat.explainer.match import MatchKind

# a MYOB integration's release note (find_string id 63566114262)
RELEASE_NOTE = (
    "A 401/OAuthTokenIsInvalid from that malformed resource path was therefore not proof that the freshly issued "
    "Bearer token itself was corrupt."
)


def test_the_token_name_alone_names_myob(catalog):
    x = explain(catalog, RELEASE_NOTE)
    assert x.vendor == "myob"
    assert [(c.kind, c.value) for c in x.clues if c.vendor == "myob"] == [("vocabulary", "OAuthTokenIsInvalid")]
    assert all(m.kind is MatchKind.NONE for m in x.errors)  # not in MYOB's error document: nothing is claimed


def test_what_the_catalog_knows_of_the_name_is_said(catalog):
    """It said only 'not in the catalog', though errcat lookup OAuthTokenIsInvalid tells what is known."""
    notes = explain(catalog, RELEASE_NOTE).notes
    assert any("ErrorCode 31001" in n and "errcat lookup myob.observed.access-denied" in n for n in notes)


def test_a_test_named_after_the_case_is_not_the_name(catalog):
    # a Teamleader client's Java test (find_string id 33729416990): another service, a method name
    x = explain(catalog, "void findByInvoiceId_shouldReturnEmptyList_whenOAuthTokenIsInvalid() {")
    assert x.vendor is None and not x.notes

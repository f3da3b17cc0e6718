"""Who stands in a sender's place, read from its name (explain30).

A sender is a service, evidence that it answered: a person who relays the error ("John said:", "Got this from Bob:",
a chat's "Jane Doe: ..."), the caller's own job ("Nightly Export error:", "[Daily Sync] 400 ...") or a company's own
program ("Acme error:", "Acme Corp error:", the placeholders people write for their own) answered nothing, and a
vendor's documented message after them stays that vendor's. Each of these lost MYOB's documented 25008 before. A
service written in lower case mid-sentence before a verb of answering ("i think kashflow returned 400:") is a sender,
as it is where a sentence starts; the speaker's lower-case words there ("the server returned", "an error was
returned", "the checkout returns") are not."""

from __future__ import annotations

import pytest

from errcat.explainer import explain

MYOB_25008 = "Date cannot be prior to beginning of financial year"  # MYOB's documented message, code 25008
IX_TAX = "Tax region is empty"  # InvoiceXpress's documented message

NO_SERVICE_IN_THE_SENDERS_PLACE = [
    # people
    f"John said: {MYOB_25008}",
    f"Got this from Bob: {MYOB_25008}",
    f"Sarah said: {MYOB_25008}",
    f"Mike gave me this error: {MYOB_25008}",
    f"Jane Doe says: {MYOB_25008}",
    f"Got this message from Carlos: {MYOB_25008}",
    f"Michael said: {MYOB_25008}",  # the most common given name (a typo had joined it to Nina's)
    f"Got this from Nina: {MYOB_25008}",
    f"John Smith: 400 Bad Request - {MYOB_25008}",  # a chat's line
    # the caller's jobs
    f"Nightly Export error: {MYOB_25008}",
    f"Nightly Export: 400 Bad Request - {MYOB_25008}",
    f"[Nightly Export] 400 Bad Request - {MYOB_25008}",
    f"Nightly Sync returned 400: {MYOB_25008}",
    f"Weekly Import: 400 Bad Request - {MYOB_25008}",
    f"Overnight Batch error: {MYOB_25008}",
    # a company's own program
    f"Acme error: {MYOB_25008}",
    f"Acme Corp error: {MYOB_25008}",
    f"Acme Ltd: 400 Bad Request - {MYOB_25008}",
    f"AcmeApp error: {MYOB_25008}",
    f"Fabrikam says: {MYOB_25008}",
    # the caller's job before a status with no reason phrase (many loggers and HTTP/2 print none): lost before
    # explain32, the status's number read as the message's first word
    f"Nightly Export: 400 {MYOB_25008}",
    f"Response: 400 {MYOB_25008}",
    f"Error: 400 {MYOB_25008}",
    f"400 {MYOB_25008}",
    f"Step 3: 422 {IX_TAX}",
]


@pytest.mark.parametrize("paste", NO_SERVICE_IN_THE_SENDERS_PLACE)
def test_a_person_a_job_or_a_companys_program_leaves_the_vendors_message_its_own(catalog, paste):
    x = explain(catalog, paste)
    assert x.vendor == ("invoicexpress" if IX_TAX in paste else "myob") and x.errors[0].kind == "exact", (x.vendor, x.errors)
    assert not [c for c in x.clues if c.kind == "other-service"]


# The speaker's words in lower case mid-sentence before a verb of answering: no sender, as before lower case was read
# there (grammar, adverbs, gerunds, a determiner's noun, the tools, a person)
SPEAKERS_WORDS_IN_LOWER_CASE = [
    f"i think the server returned 400: {MYOB_25008}",
    f"and then it returned: {MYOB_25008}",
    f"so curl returned: {MYOB_25008}",
    f"then the api returned: {MYOB_25008}",
    f"an error was returned: {MYOB_25008}",
    f"the checkout returns: {MYOB_25008}",
    f"the call eventually returned: {MYOB_25008}",
    f"now posting returns 400: {MYOB_25008}",
    f"both calls returned: {MYOB_25008}",
    f"my script threw: {MYOB_25008}",
    f"ignoring extra error returned: {MYOB_25008}",  # an adjective of the answer's own noun (own-614's dockerd line)
    f"so a cryptic error returned: {MYOB_25008}",
    f"i asked the bookkeeper and jennifer said: {MYOB_25008}",
    f"so middleware returned: {MYOB_25008}",  # the parts of the speaker's own program
    f"and graphql says: {MYOB_25008}",
    f"and bash says: {MYOB_25008}",
    f"so wrapper returned: {MYOB_25008}",
    f"i think this one returned 400: {MYOB_25008}",  # "one" after the speaker's words is a pronoun, no product's
    f"at least one returned: {MYOB_25008}",
    f"i think the right one returned 400: {MYOB_25008}",
]


@pytest.mark.parametrize("paste", SPEAKERS_WORDS_IN_LOWER_CASE)
def test_the_speakers_lower_case_words_before_a_verb_are_no_sender(catalog, paste):
    x = explain(catalog, paste)
    assert x.vendor == "myob" and x.errors[0].kind == "exact", (x.vendor, x.errors)
    assert not [c for c in x.clues if c.kind == "other-service"]


def test_another_vendors_message_after_a_person_is_its_own_too(catalog):
    x = explain(catalog, f"Got this from Bob: {IX_TAX}")
    assert x.vendor == "invoicexpress" and x.errors[0].kind == "exact", (x.vendor, x.errors)


SERVICES_IN_LOWER_CASE_MID_SENTENCE = [
    (f"i think kashflow returned 400: {MYOB_25008}", "kashflow"),
    (f"not sure why freeagent says: {MYOB_25008}", "freeagent"),
    (f"so pennylane gave me this error: {MYOB_25008}", "pennylane"),
    (f"after the update tripletex keeps returning: {MYOB_25008}", "tripletex"),
    (f"and then holded responded with: {MYOB_25008}", "holded"),
    (f"now our kashflow integration returned: {MYOB_25008}", "kashflow"),
    # a product's two words, the second "one" (a pronoun alone): Reckon One written in lower case (explain32)
    (f"i think reckon one returned 400: {MYOB_25008}", "reckon one"),
    (f"so reckon one gave me this error: {MYOB_25008}", "reckon one"),
]


@pytest.mark.parametrize(("paste", "service"), SERVICES_IN_LOWER_CASE_MID_SENTENCE)
def test_a_service_in_lower_case_mid_sentence_before_a_verb_of_answering_is_a_sender(catalog, paste, service):
    x = explain(catalog, paste)
    assert x.vendor is None and all(m.kind == "none" for m in x.errors), (x.vendor, x.errors)
    assert {c.value for c in x.clues if c.kind == "other-service"} == {service}


# A person stands only where a person may: a service whose name is also a given name is still read where a person
# never stands (a status returned, its API, in a log's brackets)
NAMED_LIKE_A_PERSON = [
    f"Chase returned 400: {MYOB_25008}",
    f"Chase API error: {MYOB_25008}",
    f"[Chase] 400 Bad Request - {MYOB_25008}",
]


@pytest.mark.parametrize("paste", NAMED_LIKE_A_PERSON)
def test_a_service_named_like_a_person_is_still_a_sender_where_no_person_stands(catalog, paste):
    x = explain(catalog, paste)
    assert x.vendor is None and all(m.kind == "none" for m in x.errors), (x.vendor, x.errors)
    assert {c.value for c in x.clues if c.kind == "other-service"} == {"Chase"}


# One given name before a verb a person says in the present tense is as much a service's standing answer ("Chase says:",
# JPMorgan Chase's API) as a person's relay: the vendor is not named on it (explain32; before, "Chase says:" claimed
# MYOB's 25008). A person relaying reads as a past event or a full name (NO_SERVICE_IN_THE_SENDERS_PLACE above).
ONE_NAME_IN_THE_PRESENT = [f"Chase says: {MYOB_25008}", f"Sarah says: {MYOB_25008}", f"so chase says: {IX_TAX}"]


@pytest.mark.parametrize("paste", ONE_NAME_IN_THE_PRESENT)
def test_one_given_name_saying_in_the_present_names_no_catalogued_vendor(catalog, paste):
    x = explain(catalog, paste)
    assert x.vendor is None and all(m.kind == "none" for m in x.errors), (x.vendor, x.errors)
    assert {c.value.lower() for c in x.clues if c.kind == "other-service"} == {paste.split(" says")[0].split()[-1].lower()}


@pytest.mark.parametrize("paste", ONE_NAME_IN_THE_PRESENT)
def test_one_given_name_in_the_senders_place_is_not_called_a_service(catalog, paste):
    """explain36: the vendor line said "the paste names Sarah, a service errcat does not catalogue", a reading of the
    name the paste does not give; it says the name may be a person's or a service's, and the note still says whose
    documented message the words are."""
    from errcat.render.text import evidence_summary

    x = explain(catalog, paste)
    name = paste.split(" says")[0].split()[-1]
    assert evidence_summary(x) == f"the paste says {name} sent it: a person's given name, or a service named like one"
    owner = "InvoiceXpress" if IX_TAX in paste else "MYOB Business API"
    assert any(f"match a documented message of {owner}" in note for note in x.notes), x.notes

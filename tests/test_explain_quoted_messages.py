"""errcat explain on a vendor's message quoted inside a sentence: notes, tickets and chat messages about an API
quote its words ('... dá 422 "Country PT was not found", que o IX devolve ...'). The quoted words are read as the
error's text; what every framework says, or a quoted value, stays unclaimed. The Portuguese note is real (its source
beside it); the English sentences are written for the test around the vendors' documented messages."""

from __future__ import annotations

from errcat.explainer import explain

# An InvoiceXpress integration's triage notes (Portuguese): github.com/SuesteCreative/shopify-invoicexpress-worker,
# src/services/triage-knowledge.ts at commit 3a94d6553fed50eec64d62b4f2a382dd6cfcb27d
IX_NOTE = (
    '- O IX exige o NOME COMPLETO do país em inglês ("Portugal", "Spain"), não o código ISO.\n'
    '  Enviar "PT" dá 422 "Country PT was not found", que o IX devolve como o erro em cascata\n'
    '  "Client is invalid / Fiscal is invalid". Por isso "Fiscal is invalid" é, muitas vezes, um\n'
    "  problema de PAÍS e não do NIF."
)


def test_a_documented_message_quoted_in_a_note_is_the_error(catalog):
    """The whole note was the message, so InvoiceXpress's 'Country Germani was not found' template never met
    the quoted 'Country PT was not found': no vendor, no match."""
    x = explain(catalog, IX_NOTE)
    assert x.vendor == "invoicexpress"
    assert [m.kind for m in x.errors] == ["template"]
    assert x.errors[0].candidates[0].entry.message == "Country Germani was not found"


def test_straight_and_curly_quotes_both_quote_a_message(catalog):
    for quoted in (
        '"Transactions cannot be deleted and must be reversed"',
        "\u201cTransactions cannot be deleted and must be reversed\u201d",
    ):
        x = explain(catalog, f"Deleting the old invoice failed with {quoted}, so the sync now reverses it.")
        assert (x.vendor, [m.kind for m in x.errors]) == ("myob", ["exact"])
        assert x.errors[0].candidates[0].entry.name == "TransactionsCannotBeDeleted"


def test_quoted_framework_words_and_values_claim_nothing(catalog):
    """Rails' default message and a two-word phrase InvoiceXpress also documents say nothing of the sender when
    quoted in prose, as they say nothing on a line of their own."""
    for text in (
        'A duplicate category answers "Name has already been taken" with a 422.',
        'The shop sent "PT" and got "Invalid state" back.',
        "The form says \u201cEmail is invalid\u201d under the field.",
    ):
        x = explain(catalog, text)
        assert x.vendor is None, text
        assert all(m.kind not in ("exact", "template", "code", "status") for m in x.errors), text

"""A bare null, true or false is skipped as no error's message only on a JSON or YAML fragment's line (a key and the
literal alone): at the end of a log line it may be what the line reports, MYOB 23002's documented message "null"."""

from __future__ import annotations

from errcat.explainer import explain


def test_a_log_line_ending_in_myobs_documented_null_message_is_still_its_error(catalog):
    """MYOB documents 23002's message as the string "null"; a log line that prints it after the call and status
    (a captured scan input of group28's) was that documented error, until blind36's rule for JSON fragments skipped
    any bare null: only a fragment's line ('"frames": null,') holds a value and no message."""
    line = (
        "2026-11-19T00:00:23.000Z ERROR sync.myob POST https://arl2.api.myob.com/accountright/"
        "6d5b2a4e-1c3f-4a8b-9e0d-2f7c8b1a9e33/Banking/SpendMoneyTxn/ failed with status 400: null"
    )
    top = explain(catalog, line).errors[0]
    assert top.candidates and top.candidates[0].entry.id == "myob.banking-spend-money-txn.spend-money-txn-contact-not-supplied"

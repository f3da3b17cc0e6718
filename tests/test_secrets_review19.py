"""review19: hostile variants of secrets35's sentences that give a password (all synthetic): "has been" between the
password's word and the value. secrets35 added "password has been reset to" to the words that let letters alone be a
password, but the value after "has been" was never read: that path, and every mixed value so given, was shown."""

from __future__ import annotations

import pytest

from errcat.gate import shown


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Password has been reset to Kq7vRt2Lmz", "Kq7vRt2Lmz"),
        ("Your temporary password has been set to Wombat-Harbour-81.", "Wombat-Harbour-81"),
        ("The password for ops has been reset to Tasman2024x", "Tasman2024x"),
        ("The password for ops has been changed to Kq7vRt2Lmz", "Kq7vRt2Lmz"),
        ("password has been changed to kestrelwombat, please log in", "kestrelwombat"),
    ],
)
def test_a_password_a_sentence_says_has_been_set_is_hidden(text, secret):
    assert secret not in shown(text)


@pytest.mark.parametrize(
    "text",
    [
        "token has been successfully refreshed",
        "The API key has been revoked by the administrator",
        "password has been changed successfully",
        "session has been terminated unexpectedly",
        # Sage's documented message in a JSON body escaped twice (n8n's errorDetails): "has" alone leads to no value
        '[{\\"$severity\\":\\"error\\",\\"$message\\":\\"Your Access token has expired.\\",\\"$source\\":\\"Authorization\\"}]',
    ],
)
def test_a_sentence_saying_what_happened_to_a_credential_stays(text):
    assert shown(text) == text

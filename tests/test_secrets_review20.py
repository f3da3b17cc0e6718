"""review20: hostile variants of secrets36's lines that are a user and a password alone (all synthetic)."""

from __future__ import annotations

import pytest

from errcat.gate import shown


@pytest.mark.parametrize(
    "text",
    [
        # a long word ending as an inflected derived word does is one English word, after a slash or a bar as after
        # "with password" (review19): "backend/improvements" was hidden, "logged in with password requirements." not
        "backend/improvements",
        "ops | requirements",
        "I used environments as the password.",
    ],
)
def test_a_long_english_word_after_a_user_stays(text):
    assert shown(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [("ops/quokkastation", "quokkastation"), ("ops | wombatmorning", "wombatmorning"), ("ops/tasmandingo", "tasmandingo")],
)
def test_two_words_run_together_after_a_user_are_still_hidden(text, secret):
    assert secret not in shown(text)


@pytest.mark.parametrize(
    "body",
    [
        "\npassword=Kq7vRt2LmzW",  # a body that opens with a line break, or a tab
        "\tpassword=Kq7vRt2LmzW",
        '{"msg":"Sessão expirada","password":"Kq7vRt2LmzW"}',  # a letter past ASCII splits the printable stretch
        "user=ops\x01password=Kq7vRt2LmzW",  # and so does a control byte
    ],
)
@pytest.mark.parametrize("shape", ["body=0x{}", "logged bytes: {}", "{}"])
def test_text_logged_in_hex_is_read_whole(body, shape):
    """secrets36 reads text logged as hex; a run whose printable stretch did not start it (a line break or a tab first, a
    letter past ASCII or a control byte between) was left as "a piece of a longer run", and its password shown."""
    for spelled in (body.encode().hex(), body.encode().hex().upper()):
        assert b"Kq7vRt2LmzW".hex() not in shown(shape.format(spelled)).lower()


def test_text_in_hex_with_no_secret_stays():
    text = "body=0x" + b"\nnothing to hide in this line".hex()
    assert shown(text) == text


@pytest.mark.parametrize(
    "tail", ["\nlogin ok, password: Kq7vRt2LmzW", "\npassword: Kq7vRt2LmzW\nnext line", " password=Kq7vRt2LmzW"]
)
def test_a_value_after_a_stretch_dense_with_names_is_hidden_whole(tail):
    """secrets36 hides 4 KiB of credential names 12 characters apart or closer whole, as a stretch 16 characters past
    its last name: the value after that name had its last 4 or 5 characters shown ("[REDACTED]2LmzW")."""
    out = shown("pw=ab " * 900 + tail)
    assert not any("Kq7vRt2LmzW"[-k:] in out for k in range(3, 12)), out[-60:]

"""secrets38: what the round's adversarial pastes (tests/secrets38_pastes.py, all synthetic) found shown, and two
leftovers of earlier rounds masked where nothing was secret ("src/components" alone on a line, InnoDB's "sys/sys_config")."""

from __future__ import annotations

import pytest

from errcat.gate import shown, shown_line

MYOB_401 = '{"Errors":[{"Name":"Unauthorized","Message":"Access denied","ErrorCode":10001,"Severity":"Error"}]}'


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # nmcli, kubectl describe and PowerShell's Format-List align values in a column: 11 blanks or more after the colon
        ("802-11-wireless-security.psk:           Lisboatasman150", "Lisboatasman150"),
        ("password:                               Harbourdingo4410\n401", "Harbourdingo4410"),
        ("DB_PASSWORD =                Quokkaledger77", "Quokkaledger77"),
    ],
)
def test_a_value_aligned_in_a_column_after_its_name_is_hidden(text, secret):
    assert secret not in shown(text)


@pytest.mark.parametrize("text", ["password:                               is required", "Password:                     (none)"])
def test_words_aligned_after_a_password_name_stay(text):
    assert shown(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # Dovecot's auth_debug_passwords and Postfix write every field as name=<value>
        ("auth: Debug: passwd-file(ops,10.0.0.5): password=<Boroniamallee6461>", "Boroniamallee6461"),
        ("sasl_method=PLAIN, sasl_password=<Kestrel#9xq>", "Kestrel#9xq"),
        ("token: <a8Fk2LmQ9zR4>", "a8Fk2LmQ9zR4"),
    ],
)
def test_a_value_in_angle_brackets_after_its_name_is_hidden(text, secret):
    assert secret not in shown(text)


@pytest.mark.parametrize("text", ["password=<your password>", "password=<password>", "token=<nil>", "--token <API_TOKEN>"])
def test_a_placeholder_in_angle_brackets_stays(text):
    assert shown(text) == text


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (f"Got a text with 720181 but MYOB still says\n{MYOB_401}", "720181"),
        ("the SMS said 590320, login refused\n401", "590320"),
        ("got an SMS message with 55512345", "55512345"),
    ],
)
def test_a_one_time_code_a_text_message_gave_is_hidden(text, code):
    assert code not in shown(text)


@pytest.mark.parametrize("text", ["the app crashed with 1234567 records", "sent a text with 120 characters"])
def test_a_count_after_with_stays(text):
    assert shown(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (f"p a s s w o r d : Tasmankestrel6858\n{MYOB_401}", "Tasmankestrel6858"),
        ("t o k e n = abcDEF123456xyz\n401", "abcDEF123456xyz"),
        ("P A S S W O R D: hunter2Xq9", "hunter2Xq9"),
        ("s e c r e t : k e s t r e l 9 9", "k e s t r e l 9 9"),
    ],
)
def test_a_label_spelled_with_spaces_between_its_letters_names_its_value(text, secret):
    assert secret not in shown(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("password: M a l l e e k e s t r e l 9 7 3 0\n401", "a l l e e k e s t r e l 9 7 3 0"),
        ("pwd = K e s t r e l # 4", "e s t r e l # 4"),
    ],
)
def test_a_value_spelled_with_spaces_between_its_letters_is_hidden_whole(text, secret):
    # the name pass hid its first letter alone ("password: [REDACTED] a l l e e …")
    assert secret not in shown(text)


@pytest.mark.parametrize("text", ["s t a t u s : ok", "the k e y : value is here", "a b c : d"])
def test_letters_spaced_out_that_name_no_credential_stay(text):
    assert shown(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "src/components",
        "app/handlers",
        "docs/documents",
        "[Warning] InnoDB: Cannot open table sys/sys_config from the internal data dictionary of InnoDB",
        "sys/sys_config",
    ],
)
def test_a_folder_or_a_schema_table_alone_stays(text):
    assert shown(text) == text
    assert shown_line(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("ops/tasmandingo", "tasmandingo"),
        ("ops/kestrelledger", "kestrelledger"),
        ("root/wombat_ledger", "wombat_ledger"),
        ("sa/Harbour#4821", "Harbour#4821"),
        ("Administrator / Quokka_harbour9", "Quokka_harbour9"),
    ],
)
def test_a_user_and_a_password_of_the_same_shapes_stay_hidden(text, secret):
    assert secret not in shown(text)

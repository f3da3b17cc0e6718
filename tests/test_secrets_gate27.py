"""Round 27 of the exit gate: a password a chat gives in prose with its credential named after it in its sentence ("use
… as the new password", "I set it to … for the admin password", "the new one is … (the API key)"), and a dotted value
after a plain "key" on a line that speaks of a password or a secret (gate26 reads it as an attribute's name elsewhere)."""

from __future__ import annotations

import pytest

from errcat.gate import shown

PASSWORDS = ["harbourwinter4821", "Kestrelorange77!", "monkeyledger12$", "Hs8wQ2mPz7Lk"]


@pytest.mark.parametrize(
    "text",
    [
        "please use {p} as the new password",
        "Use {p} as the new API key for now",
        "we'll use {p} as our token from today.",
        "ok, use {p} as the admin password until Friday",
        "[10:04] ops: use {p} as the db password, I'll rotate it later",
        "I set it to {p} for the admin password",
        "I set it to {p}, the password for the sync user.",
        "the new one is {p} (the api key)",
        "ok the new one is {p} for the client secret",
    ],
)
@pytest.mark.parametrize("password", PASSWORDS)
def test_a_password_named_after_it_in_its_sentence_is_hidden(text: str, password: str) -> None:
    assert password not in shown(text.format(p=password))


@pytest.mark.parametrize(
    "text",
    [
        "the service password, key: {p}",
        "db password reset done\nkey: {p}",
        "secret rotated - key: {p}",
    ],
)
@pytest.mark.parametrize("password", ["winter.ledger", "harbour.bluefish", "ledger.sync.admin"])
def test_a_dotted_value_after_a_plain_key_on_a_password_line_is_hidden(text: str, password: str) -> None:
    assert password not in shown(text.format(p=password))


@pytest.mark.parametrize(
    "text",
    [
        "please use make test as the new way",
        "use utf-8 as the new encoding for the key file",
        "we use OAuth2-PKCE as the token scheme",
        "use customer_id as the key for the lookup",
        "use https://example.com/callback as the redirect for the token",
        "I set it to 2026-11-03T10:00:00Z for the token expiry",
        "I set it to debug logging to see the token refresh",
        "the new one is version-2.3.1 of the key library",
        "the new one is build4821. The password stays as it was",
        "invalid attribute key: http.status_code",
        "key: service.name",
        '{"key":"service.name","value":{"stringValue":"checkout"}} password_policy=strict',
    ],
)
def test_prose_and_attribute_names_without_a_credential_stay(text: str) -> None:
    assert shown(text) == text


# schtasks's password: one rule now (two overlapped), which also reads schtasks.exe with the password's flag first and a
# password quoted with spaces in it
@pytest.mark.parametrize(
    "text",
    [
        "schtasks.exe /RP {p} /create /tn Sync /tr C:\\sync\\run.bat",
        "schtasks.exe /P {p}\nERROR: The user name or password is incorrect.",
        'schtasks /create /tn "Nightly Sync" /ru ACME\\svc /rp "{p} two words"',
        "SCHTASKS /Query /S app01 /U ACME\\ops /P '{p} and more'",
    ],
)
@pytest.mark.parametrize("password", PASSWORDS)
def test_a_schtasks_password_is_hidden_however_its_command_is_written(text: str, password: str) -> None:
    assert password not in shown(text.format(p=password))


@pytest.mark.parametrize(
    "text",
    [
        "schtasks /Query /FO LIST /V",
        "schtasks.exe /create /tn Backup /tr backup.bat /sc daily /ru SYSTEM",
        'schtasks /change /tn "Nightly Sync" /disable',
    ],
)
def test_a_schtasks_command_without_a_password_stays(text: str) -> None:
    assert shown(text) == text

"""secrets37: what the round's adversarial pastes (tests/secrets37_pastes.py, all synthetic) found shown, and what it
found masked that is no secret: a reference to an issue alone on a line, a host and its port after "auth to"."""

from __future__ import annotations

import pytest

from errcat.gate import shown, shown_line

MYOB_401 = '{"Errors":[{"Name":"Unauthorized","Message":"Access denied","ErrorCode":10001,"Severity":"Error"}]}'


@pytest.mark.parametrize(
    "text",
    [
        "see Issue#1234",
        "see PR#77",
        "fixed Ticket#5521",
        "auth to db.internal:5432",
        "could not auth to ldap.acme.io:636 (timeout)",
        "token for api.acme.io:8443 expired",
    ],
)
def test_a_reference_or_a_host_and_port_stays(text):
    assert shown(text) == text
    assert shown_line(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("ops Harbour#4821", "Harbour#4821"),
        ("password is db.internal:5432", "db.internal:5432"),
    ],
)
def test_a_password_of_the_same_shapes_stays_hidden(text, secret):
    assert secret not in shown(text)


def test_a_value_logged_under_a_name_hides_what_its_lines_hide_alone():
    # structlog's processor and the logging filter judge an event's value after its key ("event: …"): the key before a
    # table's header line made it no header, and the password in the column it names was shown
    from errcat.gate import shown_named
    from errcat.integrations import hidden_value

    table = "| user | password |\n|------|----------|\n| ops  | Lisboawombat9401 |\n"
    assert "Lisboawombat9401" not in shown(table)
    assert "Lisboawombat9401" not in shown_named("event", table)
    assert "Lisboawombat9401" not in hidden_value(table, "event")
    assert hidden_value("| state | count |\n|---|---|\n| open | 4 |", "event") == "| state | count |\n|---|---|\n| open | 4 |"


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (f"pwd:: Boroniadingo1452\n{MYOB_401}", "Boroniadingo1452"),
        ("dn: cn=ops,dc=acme\nuserPassword:: e1NTSEF9aGs3ZjJMcTlYbVJ0OHdZ", "e1NTSEF9aGs3ZjJMcTlYbVJ0OHdZ"),
        ("password:: kestrelmorning", "kestrelmorning"),
    ],
)
def test_a_value_after_a_double_colon_is_hidden(text, secret):
    # LDIF writes a base64 value after "name:: ", AsciiDoc a description list's; the value was read as the second ":"
    assert secret not in shown(text)


@pytest.mark.parametrize("text", ["Password::Hasher failed", "password:: is required", "Auth::Token::Invalid"])
def test_a_double_colon_in_a_qualified_name_or_before_prose_stays(text):
    assert shown(text) == text


def _spaced(data: bytes, sep: str = " ") -> str:
    return sep.join(f"{b:02x}" for b in data)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("key: 92 1b bc e9 14 08 26 57 58 db 6e 7f 18 34 a6 8f\ndecrypt failed", "1b bc e9 14 08 26"),
        ("session_key = 92:1b:bc:e9:14:08:26:57:58:db:6e:7f", "1b:bc:e9:14:08:26"),
        ("sent: " + _spaced(b"password=Dingoledger2385"), _spaced(b"Dingoledger2385")),
        ("wireshark: " + _spaced(b"Authorization: Bearer a8Kq2LmZ9xYt4RwP7nVb3sDf", ":"), _spaced(b"a8Kq2LmZ9xYt", ":")),
        ('{"password": "Kestrelkestrel6261"}'.encode("utf-16-le").hex() + "\n401", "Kestrel".encode("utf-16-le").hex()),
        ("uint8_t k[] = {" + ", ".join(f"0x{b:02x}" for b in b"password=Wombatledger77") + "};", "0x57, 0x6f, 0x6d"),
        ("body: [" + " ".join(str(b) for b in b"password=Wombatledger77") + "]", "87 111 109 98"),
        ("data=" + str(list(b"user=ops&password=Wombatledger77")), "87, 111, 109, 98"),
    ],
)
def test_bytes_in_hex_spaced_or_wide_that_hold_a_secret_are_hidden(text, secret):
    # the name's reading took the first spaced byte alone; text in hex was read only when its bytes ran unspaced
    assert secret not in shown(text)


@pytest.mark.parametrize(
    "text",
    [
        "RSA key fingerprint is 3c:9e:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee.",
        "key_fingerprint: 3c:9e:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee",
        "mac 00:1a:2b:3c:4d:5e up",
        "read: " + _spaced(b"GET /v1/contacts HTTP/1.1"),
        "name: " + "hello world".encode("utf-16-le").hex(),
        "values 20 30 40 50 60 70 20 30 40 50 60 70 20 30",
        "regs 0x20, 0x30, 0x40, 0x50, 0x60, 0x70, 0x20, 0x30, 0x40, 0x50, 0x60, 0x70",
        "bytes " + ", ".join(f"0x{b:02x}" for b in b"GET /index.html HTTP/1.1"),
        "bytes " + str(list(b"GET /index.html HTTP/1.1")),
        "sizes 100 101 102 103 104 105 106 107 108 109 110 111 112 113",
    ],
)
def test_fingerprints_and_harmless_bytes_in_hex_stay(text):
    assert shown(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("community: tasmanledger", "tasmanledger"),
        ("modules:\n  if_mib:\n    auth:\n      community: kestrelharbour\n", "kestrelharbour"),
        ('[[inputs.snmp]]\n  community = "Harbour4821"', "Harbour4821"),
        ('{"community": "wombatmallee", "version": 2}', "wombatmallee"),
    ],
)
def test_an_snmp_community_named_alone_is_hidden(text, secret):
    # the community string is SNMP v1/v2c's password; only "snmp community …" or "community string: …" were read
    assert secret not in shown(text)


@pytest.mark.parametrize(
    "text", ["Community: Stack Overflow", "join our community: it is free", "community edition: 3.2", "community:"]
)
def test_the_word_community_in_prose_stays(text):
    assert shown(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("the code from the app was 474895 but login failed\n401", "474895"),
        (f"I entered 726209 from Google Authenticator and still got\n{MYOB_401}", "726209"),
        ("Authy said the code is '482913', MYOB still says 401", "482913"),
        ("I typed in 550311 from the app", "550311"),
        ("sms code sent: 904417", "904417"),
    ],
)
def test_a_one_time_code_a_sentence_gives_without_a_label_is_hidden(text, secret):
    assert secret not in shown(text)


@pytest.mark.parametrize(
    "text",
    [
        "sms gateway returned 500 for 100234 messages",
        "otp verify: request 12345678 failed",
        "MFA enabled at 2026-03-01 10:00:00",
        "totp window was 20260301",
        "the code was 401 and the app retried",
        "error code 100234 from the billing service",
    ],
)
def test_numbers_beside_words_about_codes_stay(text):
    assert shown(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("my PIN is 4821, and the card still fails", "4821"),
        ("the pin was 482113", "482113"),
        ("my password is 48213377, but MYOB says 401", "48213377"),
        ('password was "90417733"', "90417733"),
        ("Das Passwort ist 55120984.", "55120984"),
    ],
)
def test_a_password_or_pin_of_digits_a_sentence_gives_is_hidden(text, secret):
    # a value of digits alone after "password is" was taken for a number, and one under 8 characters was not read
    assert secret not in shown(text)


@pytest.mark.parametrize(
    "text", ["password is 12 characters long", "PIN is 4821 digits", "ping is 4821", "shipping was 4821.", "pin is 12"]
)
def test_numbers_about_a_password_stay(text):
    assert shown(text) == text

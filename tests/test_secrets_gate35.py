"""secrets35: what the round's 107 adversarial pastes (tests/secrets35_pastes.py, all synthetic) found shown, and what
must stay readable beside it: calls that take a password by position (XMLHttpRequest's open, MongoDB shell's db.auth,
Ruby's basic_auth without parentheses), SASL PLAIN's NUL-separated message as a bytes repr, a user and a password alone on
their line, a long run of letters "with password" gives in a sentence, a hex dump behind a label or a log prefix, and a
value a program logs under a name whose first line alone says what it is (the structlog processor, Sentry's and
OpenTelemetry's attributes read values so)."""

from __future__ import annotations

import pytest
import requests

from errcat.gate import MARK, shown
from errcat.integrations import hidden_value
from errcat.integrations.structlog import ExplainProcessor

MYOB_401 = '{"Errors":[{"Name":"Unauthorized","Message":"Access denied","ErrorCode":10001,"Severity":"Error"}]}'


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ('xhr.open("GET", "https://api.acme.io/v1", true, "ops", "Harbour1234");\n401 (Unauthorized)', "Harbour1234"),
        ("req.open('POST', url, false, 'svc_sync', 'Wombatlisboa77')", "Wombatlisboa77"),
        ('> db.auth("erp", "Kestrelmallee12")\nMongoServerError: Authentication failed.', "Kestrelmallee12"),
        ("req.basic_auth 'ops', 'Quokkaledger45'\nNet::HTTPUnauthorized 401", "Quokkaledger45"),
        ("http.basic_auth('ops', 'Quokkaledger45')", "Quokkaledger45"),
    ],
)
def test_a_password_a_call_takes_by_position_is_hidden(text, secret):
    assert secret not in shown(text)


@pytest.mark.parametrize(
    "text",
    [
        'f = open("ledger.csv", "r")',
        "webbrowser.open('https://acme.io/help', 'tab')",
        'xhr.open("GET", "https://api.acme.io/v1/invoices")',
        "client.basic_auth = true",
        'db.authors.find({"name": "Tolstoy"})',
    ],
)
def test_other_calls_and_their_arguments_stay(text):
    assert shown(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "sent: b'\\x00ops@acme.io\\x00Boronia2231'\nrecv: b'535 5.7.8 Error: authentication failed'",
        '{"payload": "\\u0000ops\\u0000Boronia2231"}',
        "C: \\0ops\\0Boronia2231",
        "sasl: \x00ops\x00Boronia2231",
    ],
)
def test_sasl_plain_as_a_bytes_repr_or_escaped_hides_its_password(text):
    assert "Boronia2231" not in shown(text)


def test_bytes_of_other_nul_separated_fields_stay():
    text = "b'\\x00\\x00\\x00\\x05hello\\x00\\x01world'"
    assert shown(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (f"ops / kestrelledger\n{MYOB_401}", "kestrelledger"),
        ("svc_erp / malleeharbour\n$ curl -u svc_erp https://api.myob.com/accountright\nHTTP/1.1 401", "malleeharbour"),
        ("- ops / tasmandingo\n- dev / same", "tasmandingo"),
    ],
)
def test_a_user_and_a_password_alone_on_their_line_hide_the_password(text, secret):
    assert secret not in shown(text)


@pytest.mark.parametrize(
    "text",
    [
        "Accounts / Receivable",
        "read / writing",
        "GET / HTTP/1.1",
        "input / output",
        "sales / marketing",
        "  invoices / creditnotes 2 of 3",
    ],
)
def test_words_either_side_of_a_slash_stay(text):
    assert shown(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("I logged in with password kestrelmorning and MYOB still says 401", "kestrelmorning"),
        ("tried again with the password quokkastation.", "quokkastation"),
        ("connecting using password wombatcrossing, then 401", "wombatcrossing"),
    ],
)
def test_a_long_run_of_letters_with_password_gives_is_hidden(text, secret):
    assert secret not in shown(text)


@pytest.mark.parametrize(
    "text",
    [
        "signed in with password authentication, then 401",
        "the user logged in with password spraying and was locked out",
        "connected with password synchronization.",
        "logged in with password rotating.",
    ],
)
def test_english_words_after_with_password_stay(text):
    assert shown(text) == text


DUMP = (
    "00000000: 7061 7373 776f 7264 3d4c 6973 626f 6162  password=Lisboab\n"
    "00000010: 6f72 6f6e 6961 3738 3931 576f 6d62 6174  oronia7891Wombat\n"
    "00000020: 626f 726f 6e69 6134 3034 38             boronia4048\n"
)


@pytest.mark.parametrize(
    "text",
    [
        "body: " + DUMP,
        "".join(f"2026-02-01T10:00:00Z app[web.1]: {line}\n" for line in DUMP.splitlines()),
    ],
)
def test_a_hex_dump_behind_a_label_or_a_log_prefix_is_read_as_a_dump(text):
    out = shown(text)
    assert "oronia7891Wombat" not in out
    assert "6f72 6f6e 6961" not in out


def test_a_logged_value_is_read_alone_too():
    """A value logged under a name is judged after the name ("x-myobapi-key: …") and alone: its first line read
    after the name was no line of its own, and a user and a password on it were shown."""
    assert hidden_value(f"ops / kestrelledger\n{MYOB_401}", "body").startswith(f"ops / {MARK}\n")
    assert "oronia7891Wombat" not in hidden_value(DUMP, "body")
    assert hidden_value("Harbour1234", "password") == MARK
    assert hidden_value("GET", "method") == "GET"


def test_the_structlog_processor_hides_a_pair_logged_alone_in_an_event_about_a_call():
    response = requests.Response()
    response.status_code = 401
    response._content = MYOB_401.encode()
    response.url = "https://api.myob.com/accountright/abc/Sale/Invoice"
    response.request = requests.Request("GET", response.url).prepare()
    event = ExplainProcessor()(None, "error", {"event": "sync failed", "response": response, "tried": "ops / kestrelledger"})
    assert "kestrelledger" not in repr(event)
    assert event["event"] == "sync failed"


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("WARN login failed for user ops:Harbour4821", "Harbour4821"),
        ("Login: ops:kestrelledger", "kestrelledger"),
        ("office wifi: AcmeGuest / Harbour4821", "Harbour4821"),
        ("set snmp community Harbour4821 authorization read-only", "Harbour4821"),
        ("SNMP community string: Harbour4821", "Harbour4821"),
    ],
)
def test_a_login_joined_by_a_colon_a_wireless_passphrase_and_a_community_string_are_hidden(text, secret):
    assert secret not in shown(text)


@pytest.mark.parametrize(
    "text",
    [
        "credentials for host db:5432",
        "login via https://acme.io:8443",
        "Login succeeded at node01:ready",
        "wifi: connected / signal strong",
        "the community garden",
        "community string must be set",
    ],
)
def test_hosts_ports_and_words_beside_those_names_stay(text):
    assert shown(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("user ops, password tasmandingo", "tasmandingo"),
        ("username ops and password kestrelledger\n401", "kestrelledger"),
        ("IT changed the password to malleeharbour.", "malleeharbour"),
        ("the password was reset to wombatlisboa, still 401", "wombatlisboa"),
        ("my pw is quokkaorchard", "quokkaorchard"),
    ],
)
def test_letters_a_sentence_gives_after_a_user_or_as_what_a_password_was_set_to_are_hidden(text, secret):
    assert secret not in shown(text)


@pytest.mark.parametrize(
    "text",
    [
        "user ops, password authentication failed",
        "user ops password expired",
        "username ops and password required",
        "password was set to expire",
        "my pw is wrong",
        "the password was reset to default",
    ],
)
def test_what_a_sentence_says_of_a_users_password_stays(text):
    assert shown(text) == text

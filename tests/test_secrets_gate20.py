"""Round 20 of the exit gate: the leftovers of round 19. A password given by its place in a protocol's dump (an LDAP
simple bind as Wireshark decodes it), a Redis AUTH line a wrapper quotes after its own key (Sentry's ``body: '…'``),
and a person's "Word#123456" password where the line speaks of logging in. Passwords are a person's: no shape tells
them, only their place or the words around them do."""

from __future__ import annotations

import random
from functools import partial

import pytest

import people
from errcat.gate import shown
from people import pieces_of

rnd = random.Random(2020)
person_password = partial(people.person_password, rnd)


@pytest.mark.parametrize(
    "template",
    [
        'bindRequest(1) "cn=ops,dc=example,dc=test" simple\n    simple: {pw}\nbindResponse(1) invalidCredentials',
        "Lightweight Directory Access Protocol\n  LDAPMessage bindRequest(1)\n    bindRequest\n      version: 3\n"
        "      name: cn=sync,ou=svc,dc=example,dc=test\n      authentication: simple (0)\n        simple: {pw}\n",
    ],
)
def test_an_ldap_simple_binds_password_is_hidden(template: str) -> None:
    pw = person_password()
    out = shown(template.format(pw=pw))
    assert pieces_of(pw, out) == [], out
    assert "cn=" in out and "bindRequest" in out, out  # the bind's name stays readable


def test_simple_alone_stays_where_no_bind_is_near() -> None:
    text = "formatter:\n  simple: true\n  style: compact\n"
    assert shown(text) == text


@pytest.mark.parametrize("key", ["body", "message", "data", "cmd"])
def test_a_redis_auth_line_quoted_after_a_wrappers_key_is_hidden(key: str) -> None:
    pw = person_password()
    out = shown(f"{key}: 'AUTH default {pw}\\r\\n-WRONGPASS invalid username-password pair\\r\\n'")
    assert pieces_of(pw, out) == [], out
    out = shown(f'{key}="AUTH default {pw}"\n')
    assert pieces_of(pw, out) == [], out


def test_a_wrappers_key_before_a_sentence_starting_with_auth_stays() -> None:
    text = "message: 'auth token expired'\nreason: 'AUTH OK'\n"
    assert shown(text) == text


@pytest.mark.parametrize("word", ["Ledger", "Summer", "Kestrel"])
def test_a_word_hash_number_password_is_hidden_where_the_line_speaks_of_logging_in(word: str) -> None:
    pw = f"{word}#{rnd.randint(100000, 999999)}"
    for text in (f"tried {pw} for ops: denied", f"login failed for ops with {pw}", f"401 Unauthorized ({pw})"):
        out = shown(text)
        assert pw not in out and pw[-6:] not in out, out


def test_a_numbered_item_stays_where_nothing_speaks_of_logging_in() -> None:
    text = "merged Issue#123456 into main; see Order#884421 and Build#20241\n"
    assert shown(text) == text

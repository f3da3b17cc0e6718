"""Round 19 of the exit gate: a person's password where a tool sets it apart from the name that gives it: a flag alone
on its line with its value on the next (kubectl describe's Args), the arrows loguru and better_exceptions draw under a
call's arguments, the new value a Terraform plan prints after the old one, Redis's AUTH (typed, MONITOR, the protocol).
Passwords are a person's (two words and a number): no shape tells them, only their place does."""

from __future__ import annotations

import json
import random
from functools import partial

import pytest

import people
from errcat.gate import shown
from people import pieces_of

person_password = partial(people.person_password, random.Random(1919))


@pytest.mark.parametrize(
    "template",
    [
        "    Command:\n      /bin/sync\n    Args:\n      --db-password\n      {pw}\n      --verbose\n    State:  CrashLoopBackOff",
        "args:\n  - --password\n  - {pw}\n  - --log=debug\n",
        "--client-secret\n{pw}\n",
    ],
)
def test_a_flag_alone_on_its_line_hides_the_value_on_the_next(template: str) -> None:
    pw = person_password()
    out = shown(template.format(pw=pw))
    assert pieces_of(pw, out) == [], out
    assert "--verbose" in out or "--log=debug" in out or out.endswith("[REDACTED]\n"), out


def test_a_flag_that_names_a_file_or_the_next_flag_stays() -> None:
    text = "    Args:\n      --password-file\n      /etc/sync/pw.txt\n      --token\n      --verbose\n"
    assert shown(text) == text


def test_the_value_an_arrow_points_to_under_a_credentials_argument_is_hidden() -> None:
    pw = person_password()
    text = (
        '  File "sync.py", line 12, in login\n'
        "    connect(host, user, secret)\n"
        "    │       │     │     └ '" + pw + "'\n"
        "    │       │     └ 'ops'\n"
        "    │       └ 'db.internal'\n"
        "    └ <function connect at 0x7f>\n"
    )
    out = shown(text)
    assert pieces_of(pw, out) == [], out
    assert "└ 'ops'" in out and "└ 'db.internal'" in out, out  # the other arguments' values stay


def test_a_plans_new_value_after_a_hidden_old_one_is_hidden_too() -> None:
    pw = person_password()
    out = shown(f'  ~ resource "myob_connection" "main" {{\n      ~ client_secret = "old-value" -> "{pw}"\n    }}')
    assert pieces_of(pw, out) == [], out
    assert shown('      ~ instance_type = "t3.small" -> "t3.large"') == '      ~ instance_type = "t3.small" -> "t3.large"'


@pytest.mark.parametrize(
    "template",
    [
        "AUTH default {pw}\r\n-WRONGPASS invalid username-password pair\r\n",
        "127.0.0.1:6379> auth {pw}\n(error) WRONGPASS invalid username-password pair",
        '1733450000.123 [0 127.0.0.1:52014] "AUTH" "default" "{pw}"',
        "*3\r\n$4\r\nAUTH\r\n$7\r\ndefault\r\n${n}\r\n{pw}\r\n",
        "*2\r\n$4\r\nAUTH\r\n${n}\r\n{pw}\r\n",
    ],
)
def test_a_redis_auth_password_is_hidden_typed_monitored_or_on_the_wire(template: str) -> None:
    pw = person_password()
    out = shown(template.format(pw=pw, n=len(pw)))
    assert pieces_of(pw, out) == [], out


def test_a_sentence_starting_with_auth_stays() -> None:
    assert shown("auth token expired\n") == "auth token expired\n"


# -- the same shapes once escaped: a string's repr (Sentry's frame variables, pytest's locals) or a JSON string --------


@pytest.mark.parametrize("char", ["\u200b", "\u200d", "\u2060", "\u00ad"])
@pytest.mark.parametrize("escape", [repr, json.dumps])
def test_an_escaped_invisible_character_in_a_credentials_name_still_names_it(char: str, escape) -> None:  # type: ignore[no-untyped-def]
    pw = person_password()
    out = shown(escape(f"pass{char}word={pw}\nHTTP 401"))
    assert pieces_of(pw, out) == [], out


@pytest.mark.parametrize("escape", [repr, json.dumps])
def test_a_continued_value_and_a_plans_new_value_are_hidden_in_an_escaped_string(escape) -> None:  # type: ignore[no-untyped-def]
    first, second, new = person_password(), person_password(), person_password()
    out = shown(escape(f"db.url=jdbc:postgresql://db/ledger\ndb.password={first}\\\n    {second}\nserver.port=8080\n"))
    assert pieces_of(first, out) == pieces_of(second, out) == [], out
    out = shown(escape(f'  ~ client_secret = "old-value" -> "{new}"\n'))
    assert pieces_of(new, out) == [], out


def test_a_redis_auth_line_in_a_strings_repr_is_hidden() -> None:
    pw = person_password()
    out = shown(repr(f"AUTH default {pw}\r\n-WRONGPASS invalid username-password pair"))
    assert pieces_of(pw, out) == [], out

"""Round 22 of the exit gate: public names with a "#" in them are no passwords. A URL's fragment (every ASP.NET Core
validation error's ProblemDetails "type", https://tools.ietf.org/html/rfc7231#section-6.5.1), AWS's error type
(com.amazonaws.dynamodb.v20120810#ResourceNotFoundException), a type's member, an issue, a Slack channel were hidden as
"random password", and explain said a secret was redacted from a paste that held none. A person's password with a "#"
in it stays hidden."""

from __future__ import annotations

import random

import pytest
from typer.testing import CliRunner

from errcat.cli import app
from errcat.gate import screen, shown

PROBLEM_DETAILS = (
    '{"type":"https://tools.ietf.org/html/rfc7231#section-6.5.1","title":"One or more validation errors occurred.",'
    '"status":400,"traceId":"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00",'
    '"errors":{"Email":["The Email field is required."]}}'
)


@pytest.mark.parametrize(
    "text",
    [
        PROBLEM_DETAILS,
        '{"type":"https://tools.ietf.org/html/rfc6585#section-4","title":"Too Many Requests","status":429}',
        '{"type":"https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1","title":"Bad Request","status":400}',
        "see https://tools.ietf.org/html/rfc7231#section-6.5.1.",  # (a sentence's full stop after it)
        "https://datatracker.ietf.org/doc/html/rfc9110#name-400-bad-request",
        "https://www.rfc-editor.org/rfc/rfc9457.html#section-3.1.1",
        "https://github.com/org/repo/blob/main/src/app.py#L42-L50",
        "https://github.com/org/repo/issues/12#issuecomment-1234567890",
        '{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found"}',
        '{"__type":"com.amazonaws.kinesis.v20131202#ProvisionedThroughputExceededException","message":"Rate exceeded"}',
        "at Acme.Ledger.V2.InvoiceService#Post2 in Startup.cs",
        "org.example.Http2Client#send threw",
        "NoMethodError in Api::V2::Invoices2Controller#create",
        "fixed in davidlumley/myob-api#28 and owner/repo2#1234",
        "posted to #team-ops2 on Slack",
    ],
)
def test_a_public_name_and_what_its_hash_points_to_stay(text: str) -> None:
    assert shown(text) == text


@pytest.mark.parametrize("probe", [PROBLEM_DETAILS, '{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException"}'])
def test_explain_says_no_secret_was_hidden_from_a_body_that_holds_none(probe: str, tmp_path) -> None:
    paste = tmp_path / "body.json"
    paste.write_text(probe)
    out = CliRunner().invoke(app, ["explain", str(paste)]).stdout
    assert "redacted" not in out and "[REDACTED]" not in out, out


rnd = random.Random(2222)
WORDS = ["winter", "Harbour", "Kestrel", "bluefish", "Dragon", "orange"]


def person_password() -> str:
    a, b, n = rnd.choice(WORDS), rnd.choice(WORDS).lower(), rnd.randint(10, 9999)
    return rnd.choice([f"{a}#{b}{n}", f"{a}{n}#{b}", f"{a}.{n}#{b}", f"{a}-{b}#{n}"])


def random_password() -> str:
    chars = [rnd.choice("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(12)]
    chars[rnd.randrange(2, 10)] = "#"
    chars[rnd.choice((0, 1, 10, 11))] = rnd.choice("23456789")  # (a digit: the gate asks one of a signed password)
    return "".join(chars)


@pytest.mark.parametrize("password", [person_password() for _ in range(6)] + [random_password() for _ in range(6)])
@pytest.mark.parametrize(
    "template",
    [
        "{pw}",
        "login failed with {pw}",
        "login(ops, '{pw}')",
        "sqlplus scott/{pw}",
        "auth ops/{pw} rejected",  # (an issue's shape, owner/repo#123, where the line speaks of logging in)
    ],
)
def test_a_password_with_a_hash_stays_hidden(password: str, template: str) -> None:
    out = screen(template.format(pw=password))
    assert password not in out.text, out.text

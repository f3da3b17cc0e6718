"""Round 17 of the exit gate: payment APIs' object ids stay readable (a reviewer's Stripe paste had its price id
hidden as a random password), while the secrets beside them (Stripe's keys, a client secret) stay hidden. Ids and
keys are drawn from a seeded generator in the shapes the APIs document."""

from __future__ import annotations

import random
import string

import pytest

from errcat.gate import shown

rnd = random.Random(2034)


def body(n: int) -> str:
    """A random part of an id or key: letters of both cases and digits."""
    while True:
        v = "".join(rnd.choices(string.ascii_letters + string.digits, k=n))
        if any(c.isdigit() for c in v) and any(c.isupper() for c in v) and any(c.islower() for c in v):
            return v


STRIPE_IDS = [f"{p}_{body(n)}" for p in ("price", "cus", "pi", "ch", "in", "sub", "prod", "evt", "req") for n in (14, 24)]


@pytest.mark.parametrize("object_id", [*STRIPE_IDS, f"cs_test_{body(58)}", f"sub_sched_{body(24)}"])
@pytest.mark.parametrize(
    "template",
    [
        '{{"error":{{"code":"resource_missing","message":"No such price: \'{v}\'","type":"invalid_request_error"}}}}',
        "GET /v1/things/{v} 404",
        '"id": "{v}", "object": "event"',
        "saved to {v}.json",
    ],
)
def test_a_stripe_object_id_stays_readable(object_id: str, template: str) -> None:
    text = template.format(v=object_id)
    assert shown(text) == text


@pytest.mark.parametrize(
    "object_id",
    [
        "PAYID-MKUWOHA0VA868519Y941683S",
        "PAY-1B56960729604235TKQQIYVY",
        "WH-64G99887NT8468436-37R34875Y77436504",
        "P-5ML4271244454362WXNWU5NQ",
        "AC381707b751dbe4c74b15c5697ba67afd",
    ],
)
def test_paypal_and_twilio_ids_stay_readable(object_id: str) -> None:
    text = f'{{"id": "{object_id}", "state": "created"}}'
    assert shown(text) == text


SECRETS = [
    f"sk_live_{body(99)}",
    f"rk_live_{body(24)}",
    f"sk_test_{body(24)}",
    f"whsec_{body(32)}",
    f"pi_{body(24)}_secret_{body(25)}",  # a PaymentIntent's client secret: an id's shape, then the secret
    f"seti_{body(24)}_secret_{body(25)}",
    f"xyz_{body(24)}",  # an unknown prefix: judged as any token
    body(24),
]


@pytest.mark.parametrize("secret", SECRETS)
@pytest.mark.parametrize("template", ["stripe.api_key = '{v}'", "found {v} in the log", "GET /v1/x/{v} 404"])
def test_secrets_beside_ids_stay_hidden(secret: str, template: str) -> None:
    out = shown(template.format(v=secret))
    assert secret not in out and secret[-12:] not in out


def human() -> str:
    """A password a person picks: a word and a number (no shape tells it: only its place does)."""
    return rnd.choice(["Kestrel", "harbour", "Winter", "matilda"]) + str(rnd.randint(100, 9999))


@pytest.mark.parametrize(
    "template",
    ["Zugangspasswort: ops / {v}", "password: svc_ledger / {v}", "Passwort für Staging: ops / {v}", "pwd: admin / {v}."],
)
def test_a_user_and_password_after_a_passwords_name_are_both_hidden(template: str) -> None:
    secret = human()
    out = shown(template.format(v=secret))
    assert secret not in out


@pytest.mark.parametrize(
    "template", ["login(ops, {v}) failed", "authenticate(svc_ledger, {v}) -> 401", "ERROR sign_in(admin, {v}): denied"]
)
def test_a_bare_password_in_a_printed_login_call_is_hidden(template: str) -> None:
    secret = human()
    out = shown(template.format(v=secret))
    assert secret not in out and template.split("(")[0].split()[-1] in out


@pytest.mark.parametrize(
    "text",
    [
        "client.login(user, password)",
        "self.client.login(self.user, self.pw)",
        "login($user, $pass)",
        "login(user, pw2) raised",
        "authenticate(request, getPassword())",
        "login(db, 1234)",
        "password reset failed: see docs / wiki",
    ],
)
def test_variables_in_login_calls_and_prose_stay_readable(text: str) -> None:
    assert shown(text) == text

"""Round 14 of the exit gate: a named value on the line after a line continuation, SQL's SET PASSWORD FOR a user,
a secret wrapped in a call of one literal (SecretStr('…'), PASSWORD('…')) and the call's name a user reads.
Every secret is drawn from a seeded generator (the same draws on every run)."""

from __future__ import annotations

import random
import string

import pytest

from errcat.gate import shown

rnd = random.Random(2031)


def password(n: int = 14) -> str:
    """A human-set password of letters and digits (no sign a shape rule could take it by)."""
    while True:
        v = "".join(rnd.choices(string.ascii_letters + string.digits, k=n))
        if any(c.isdigit() for c in v) and any(c.isupper() for c in v) and any(c.islower() for c in v):
            return v


@pytest.mark.parametrize(
    "template",
    [
        "db.password=\\\n    {v}\nother=1\n",  # .properties: the value continues on the next line
        "mail.smtp.password = \\\n  {v}\n",
        "mysql -h db --password \\\n  {v} \\\n  -e 'select 1'\n",  # a shell's continuation after a flag
        "export API_TOKEN=\\\n{v}\n",
    ],
)
def test_a_named_value_after_a_line_continuation_is_hidden(template: str) -> None:
    secret = password()
    out = shown(template.format(v=secret))
    assert secret not in out, out
    assert "\\\n" in out  # the layout stays


@pytest.mark.parametrize(
    "template",
    [
        "SET PASSWORD FOR 'app'@'%' = '{v}';",
        "SET PASSWORD FOR 'ledger'@'localhost' = '{v}'",
        "SET PASSWORD = PASSWORD('{v}');",
    ],
)
def test_sql_set_password_hides_the_password(template: str) -> None:
    """A human-set password (two words and digits: no randomness rule takes it) after the user it is set for."""
    secret = rnd.choice(["Kangaroo", "Summer", "Harbour"]) + rnd.choice(["Lake", "Rain", "Hill"]) + str(rnd.randint(1000, 9999))
    out = shown(template.format(v=secret))
    assert secret not in out, out
    assert out.startswith(template.split("{v}")[0].rstrip("'").removesuffix("PASSWORD(")), out  # the user stays readable


@pytest.mark.parametrize(
    ("template", "kept"),
    [
        ("DbSettings(dsn='postgres://db', secret=SecretStr('{v}'))", "secret=SecretStr('"),
        ("password: Password('{v}')", "password: Password('"),
        ('password = new String("{v}");', 'password = new String("'),
        ("api_token = decrypt( '{v}' )", "api_token = decrypt( '"),
    ],
)
def test_a_secret_wrapped_in_a_call_is_hidden_and_the_call_stays_readable(template: str, kept: str) -> None:
    """The literal a call wraps is the value its name introduces; the call's name is code a user reads."""
    secret = password(12)
    out = shown(template.format(v=secret))
    assert secret not in out, out
    assert kept in out, out


def test_a_call_of_several_arguments_after_a_credential_name_keeps_its_name() -> None:
    """auth=HTTPBasicAuth('sync', '…'): the call's name is no value; the password argument is still hidden."""
    out = shown("requests.get(url, auth=HTTPBasicAuth('sync', 'SummerSun7757!'))")
    assert "auth=HTTPBasicAuth('sync', '" in out, out
    assert "SummerSun7757" not in out

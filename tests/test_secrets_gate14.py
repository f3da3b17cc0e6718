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


def dotted(n: int) -> str:
    """A person's password of letters, digits and "-", "_", "." (two signs or more, both cases, a digit)."""
    while True:
        v = "".join(rnd.choices(string.ascii_letters + string.digits + "-_.", k=n))
        if sum(c in "-_." for c in v) >= 2 and any(c.isdigit() for c in v) and not v.isupper() and not v.islower():
            return v


@pytest.mark.parametrize(
    "context",
    [
        "I set it to '{v}' and it still says 401",
        "ssh deploy@10.0.0.5\n{v}\nPermission denied, please try again.",
        "login as svc with {v} -> access denied",
    ],
)
def test_dotted_passwords_nothing_names_are_hidden_where_the_lines_speak_of_logging_in(context: str) -> None:
    """Where a failed login stands around it, a dotted token's shape is enough on less evidence: of 200 seeded
    passwords (signs may start or end them) at least 7 in 10 are hidden (about 5 in 10 before)."""
    drawn = [dotted(rnd.randint(11, 18)) for _ in range(200)]
    hidden = sum(v.strip("-_.")[1:-1] not in shown(context.format(v=v)) for v in drawn)
    assert hidden >= 140, hidden


@pytest.mark.parametrize("value", ["nqZV-Hnk7OcL.", "_q7Xs-Vd0.kPr", "x8Jw_Pd3.Mz2_"])
def test_a_dotted_password_with_signs_at_its_ends_is_hidden_in_a_login_context(value: str) -> None:
    out = shown(f"I typed {value} and got 401")
    assert value.strip("-_.") not in out, out
    assert out.startswith("I typed ") and out.endswith(" and got 401"), out


def test_dotted_identifiers_stay_readable_beside_a_failed_login() -> None:
    """Names of modules, constants and advisories are no passwords, even on a line about authentication."""
    text = "auth failed: ssl.OP_NO_TLSv1_2 set, see GHSA-c6v4-qj2h-f748; H5F.is_hdf5 lib.ZSTD_lazy2 MyApp_v2.3.1 us-east-1_AbCd12"
    assert shown(text) == text


@pytest.mark.parametrize(
    ("template", "kept"),
    [
        ("poetry config http-basic.private ci {v}", "poetry config http-basic.private ci "),
        ("composer config --global http-basic.repo.example.org deploy {v}", "http-basic.repo.example.org deploy "),
        ('BUNDLE_GEMS__EXAMPLE__TEST: "ci:{v}"', 'BUNDLE_GEMS__EXAMPLE__TEST: "ci:'),
        ("export BUNDLE_ENTERPRISE__CONTRIBSYS__COM=cafebabe:{v}", "BUNDLE_ENTERPRISE__CONTRIBSYS__COM=cafebabe:"),
        ('credentials += Credentials("Sonatype Nexus", "oss.example.test", "deploy", "{v}")', '"oss.example.test", "deploy"'),
    ],
)
def test_package_managers_credentials_by_position_are_hidden(template: str, kept: str) -> None:
    """poetry's and composer's http-basic.<repo> <user> <password>, Bundler's BUNDLE_<HOST>: user:password and sbt's
    Credentials(realm, host, user, password): no name says which word is the password, its place does."""
    secret = rnd.choice(["Kangaroo", "Summer", "Harbour"]) + rnd.choice(["Lake", "Rain", "Hill"]) + str(rnd.randint(1000, 9999))
    out = shown(template.format(v=secret))
    assert secret not in out, out
    assert kept in out, out


def test_other_bundler_settings_and_credential_getters_stay_readable() -> None:
    text = 'BUNDLE_PATH: "vendor/bundle"\ncreds = boto3.Session().get_credentials("default")\n'
    assert shown(text) == text


def test_a_table_printed_again_and_again_is_read_whole_each_time() -> None:
    """A log repeating a Markdown table (read once, then its copies known by their text): a copy whose row or header
    differs is read on its own, so its secret is hidden and another table's cells stay."""
    first, other = password(12), password(12)
    table = f"| user | password |\n|---|---|\n| svc | {first} |\n"
    text = (
        table * 30
        + f"| user | password |\n|---|---|\n| ops | {other} |\n"
        + table * 5
        + "| id | status |\n|---|---|\n| 7 | open |\n"
    )
    out = shown(text)
    assert first not in out and other not in out, out
    assert out.count("| svc | [REDACTED] |") == 35 and "| ops | [REDACTED] |" in out
    assert out.endswith("| id | status |\n|---|---|\n| 7 | open |\n")

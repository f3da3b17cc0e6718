"""Round 16 of the exit gate (an adversarial corpus of 265 pastes, /work/notes/gate16-harness): a name's qualifier in
brackets before its value, French quotes with spaces inside, "$" in a person's password, a password starting like a
version, a YAML value continued on a more indented line. Every secret is drawn from a seeded generator."""

from __future__ import annotations

import random
import string

import pytest

from errcat.gate import shown

rnd = random.Random(2033)


def token(n: int = 22) -> str:
    """A generated token of letters and digits."""
    while True:
        v = "".join(rnd.choices(string.ascii_letters + string.digits, k=n))
        if any(c.isdigit() for c in v) and any(c.isupper() for c in v) and any(c.islower() for c in v):
            return v


def human(sign: str = "") -> str:
    """A password a person picks: two words and a number (no shape tells it: only its name does)."""
    words = ["winter", "ledger", "bluefish", "dragon", "harbour", "kestrel", "matilda"]
    return rnd.choice(words).title() + rnd.choice(words) + str(rnd.randint(10, 9999)) + sign


@pytest.mark.parametrize(
    "template",
    [
        "client_secret (sandbox) = {v}",
        "API key (prod): {v}",
        "password (base64): {v}",
        "secret (hex): {v}",
        "DB_PASSWORD (staging)={v}",
    ],
)
def test_a_value_after_a_name_and_its_qualifier_in_brackets_is_hidden(template: str) -> None:
    for v in (human(), token(40).encode().hex()[:40]):
        out = shown(template.format(v=v))
        assert v not in out, out
        assert out.startswith(template.split("{v}")[0]), out  # the name and its qualifier stay readable


@pytest.mark.parametrize("text", ["Password (required)", "password (optional): must be 8 characters", "token (expired) - 401"])
def test_a_word_in_brackets_after_a_credential_word_stays_readable(text: str) -> None:
    assert shown(text) == text


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u202f"])
@pytest.mark.parametrize("name", ["mot de passe", "password", "Passwort"])
def test_a_value_in_french_quotes_with_spaces_inside_is_hidden(name: str, space: str) -> None:
    v = human()
    text = f"échec : {name}{space}: «{space}{v}{space}» invalide"
    out = shown(text)
    assert v not in out, out
    assert out == text.replace(v, "[REDACTED]"), out  # the quotes and the words around them stay


@pytest.mark.parametrize(
    "template",
    ["jeton d'accès : {v}", "Zugang {v} abgelehnt", "Command ['pg_dump', '-h', 'db', '--password', '{v}'] failed", "-w {v}"],
)
def test_a_random_password_holding_a_dollar_sign_is_hidden(template: str) -> None:
    for _ in range(20):
        v = token(5) + "$" + token(8)
        out = shown(template.format(v=v))
        assert v not in out and v[6:] not in out, out


@pytest.mark.parametrize(
    "text",
    [
        "at com.acme.Sync$1.run(Sync.java:42)",
        "at org.apache.Foo$Bar$1.call(Foo.java:1) lambda$main$0",
        "kotlinx.coroutines.DispatchedTask$run$1",
        "echo $DB_PASSWORD_2 ${HOME} costs $1,200.50",
        "QuorumCnxManager$Listener@493",
        "Class Sync$Inner2 not found",
    ],
)
def test_names_joined_by_a_dollar_sign_stay_readable(text: str) -> None:
    assert shown(text) == text


def test_a_password_starting_with_a_number_and_a_sign_is_no_version() -> None:
    for sign in "+~_":
        v = f"{rnd.randint(1, 9)}{sign}{token(5)}_{token(8)}"
        out = shown(f"login ops {v}")
        assert v not in out, out


@pytest.mark.parametrize(
    "version", ["2.1.0+cu118", "1:2.3-1ubuntu0.1~esm1", "5.3.10.RELEASE", "2.0.Final", "v2-beta+1", "4.2.0~rc1"]
)
def test_versions_stay_readable(version: str) -> None:
    assert shown(f"upgraded to {version}") == f"upgraded to {version}"


def test_a_yaml_value_continued_on_a_more_indented_line_is_hidden_whatever_its_length() -> None:
    v = token(22)
    out = shown(f"default:\n  aws_secret_access_key: {v[:11]}\n    {v[11:]}\n  region: eu-west-1")
    assert v[:11] not in out and v[11:] not in out, out
    assert "region: eu-west-1" in out
    assert shown("db:\n  password: x1\n  Host9: db") == "db:\n  password: [REDACTED]\n  Host9: db"  # a sibling key stays


@pytest.mark.parametrize("word", ["Zugangsdaten", "Anmeldedaten", "identifiants", "credenciales", "credenciais", "inloggegevens"])
def test_a_user_and_password_after_credentials_named_in_another_language_hides_the_password(word: str) -> None:
    v = human()
    out = shown(f"{word}: ops / {v}")
    assert v not in out, out
    assert f"{word}: ops / " in out  # the user stays: whose login it is


@pytest.mark.parametrize("template", ["jeton d'accès : {v}", "jeton={v}", '{{"jeton": "{v}"}}'])
def test_a_value_named_jeton_the_french_token_is_hidden(template: str) -> None:
    v = human()
    out = shown(template.format(v=v))
    assert v not in out, out


@pytest.mark.parametrize("text", ["le jeton a expiré", "jeton expiré pour la session", "Die Anmeldedaten sind ungültig"])
def test_sentences_naming_a_jeton_or_credentials_stay_readable(text: str) -> None:
    assert shown(text) == text


@pytest.mark.parametrize(
    "template",
    ["A senha é {v}", "La password è {v}", "Lösenordet är {v}", "Passordet er {v}", "Heslo je {v}", "Das Passwort ist {v}"],
)
def test_a_password_a_sentence_gives_in_another_language_is_hidden(template: str) -> None:
    v = human()
    out = shown(template.format(v=v))
    assert v not in out, out


@pytest.mark.parametrize("text", ["La password è scaduta", "A senha é obrigatória", "token er ugyldig", "Heslo je neplatné"])
def test_a_sentence_saying_what_is_wrong_with_a_password_stays_readable(text: str) -> None:
    assert shown(text) == text


@pytest.mark.parametrize("space", [" ", "\u00a0", ""])
def test_a_value_in_french_quotes_right_after_its_name_is_hidden(space: str) -> None:
    v = human()
    text = f"échec : mot de passe «{space}{v}{space}» invalide"
    out = shown(text)
    assert v not in out, out
    assert out == text.replace(v, "[REDACTED]"), out


def test_a_word_in_french_quotes_after_a_password_name_stays_readable() -> None:
    text = "le mot de passe « actuel » est requis"
    assert shown(text) == text


def test_a_pin_code_of_letters_and_digits_is_hidden() -> None:
    v = "".join(rnd.choices(string.ascii_uppercase, k=4)) + str(rnd.randint(100000, 999999))
    out = shown(f"PIN code {v} rejected")
    assert v not in out, out


@pytest.mark.parametrize("text", ["PIN code 4821", "Pin code must be 4 digits", "token code expired"])
def test_a_pin_code_sentence_stays_readable(text: str) -> None:
    assert shown(text) == text

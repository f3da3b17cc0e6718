"""secrets33: adversarial pastes (tests/secrets33_pastes.py) whose credentials no output may show; what the round found
shown: passwords of letters alone (after "with password", wrapped alone on a line, in "user / password" after a login's
name), a dash between a name and its value ("пароль - …"), a UNC path with a login, HCL's default in a block labelled
for a credential, GitHub Actions' debug log of an expression, "chave" alone in Portuguese, and the user:password a
header decodes to; then the probed variants (a .netrc, SQL's quoted password, Secret('…') without a name, a word after
a password file's flag); and the words beside these shapes that hold no secret."""

from __future__ import annotations

import pytest

from errcat.gate import shown

P = "Kestrelorchard4821"
L = "tasmandingo"


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (f"machine api.acme.io login ops password {L}", L),  # .netrc: the value is the password, letters too
        (f"machine api.acme.io\n  login ops\n  password {L}\n", L),
        (f"CREATE USER erp PASSWORD '{L}'", L),  # SQL's quoted password
        (f"Secret('{L}')", L),  # a credential's type holds it: no name before it
        (f'SecretStr("{P}")', P),
        (f"--password-file=/run/x {P}", P),  # typed after a password file's flag and its path
        (f"\\\\ops:{P}@files\\share", P),  # UNC, a host without a dot
        (f"A minha API key do InvoiceXpress: {'c46a6190c04131571a543dc37f1e8adba134eb84'}", "c46a6190c04131571a543dc3"),
        (f"password is {L}", L),
        (f"пароль — {P}", P),
        (f'variable "api_token" {{\n  sensitive = true\n  default   = "{L}"\n}}', L),
        # the runner's raw log: each line's own time before its marker
        (
            "2024-03-01T10:00:00.1000000Z ##[debug]Evaluating: env.DB_PASSWORD\n"
            f"2024-03-01T10:00:00.1000001Z ##[debug]=> '{P}'\n2024-03-01T10:00:00.1000002Z ##[debug]Result: '{P}'",
            P,
        ),
        ("the credentials are Administrator:Malleedingo9513 and still 401", "Malleedingo9513"),
        (f"I logged in with password {L} and got 401", L),  # the clause goes on after "and"
        (f"connect using the password {L}", L),
        (f"a minha palavra-passe é {L}", L),
        (f"mi contraseña es {L}", L),
    ],
)
def test_the_probed_variants_are_hidden(text, secret):
    assert secret not in shown(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # English after a password's word: a state, a method, a word wrapped onto its line
        ("the password is incorrect", "incorrect"),
        ("the password is mandatory", "mandatory"),
        ("SSH connection with password authentication", "authentication"),
        ("Connecting with password\nauthentication\nfailed", "authentication"),
        ("accepted with password changed", "changed"),
        ("the password is incorrect and expired", "incorrect"),
        ("la contraseña es incorrecta", "incorrecta"),
        ("a senha está bloqueada", "bloqueada"),
        ("das Passwort ist abgelaufen", "abgelaufen"),
        # a JSON object with a value field and braces, no HCL block in it (the block pass reads none)
        ('{"name": "region", "value": "ap-southeast-2"}', "ap-southeast-2"),
        # a slash between words after a login's name: placeholders, a provider's name
        ("log in with username / password", "username / password"),
        ("login with Google / Microsoft", "Microsoft"),
        ("login to the portal / dashboard", "dashboard"),  # letters after a slash only under a login's label
        # a dash before a sentence; "palavra-chave" is a keyword
        ("reset password - see docs", "see docs"),
        ("Password - expired on 2024-01-01", "expired on"),
        ("palavra-chave: fatura", "fatura"),
        ("A chave primária fatura_id já existe", "fatura_id"),
        # "default" in prose; a block labelled for no credential; a credential's time to live
        ("by default password authentication is off", "authentication"),
        ('variable "region" {\n  default = "ap-southeast-2"\n}', "ap-southeast-2"),
        ('variable "token_ttl" {\n  default = 3600\n}', "3600"),
        # GitHub Actions' own masks and nulls, and an expression naming no credential
        ("##[debug]Evaluating: secrets.GITHUB_TOKEN\n##[debug]=> '***'\n##[debug]Result: '***'", "'***'"),
        ("##[debug]Evaluating: success()\n##[debug]=> 'abc12345678'\n##[debug]Result: 'abc12345678'", "abc12345678"),
        # a class named for a key takes a column; a function takes a user; pydantic's own mask
        ("ForeignKey('users.id')", "users.id"),
        ("get_password('ops')", "'ops'"),
        ("SecretStr('**********')", "**********"),
        # after a key file's flag a host, after a password file's a version; a decoded pair of words
        ("ssh --key-file k.pem host1.example.com", "host1.example.com"),
        ("--password-file=/x v2.1.0", "v2.1.0"),
        ("decoded as json:true", "json:true"),
        # a GUID at a prompt is a company file's id
        ("API key for company file: 3fa9c21b-7e04-4c1a-9d2e-5b7f6a8c9d0e", "3fa9c21b-7e04-4c1a-9d2e-5b7f6a8c9d0e"),
    ],
)
def test_words_and_names_beside_the_new_shapes_stay(text, kept):
    assert kept in shown(text)

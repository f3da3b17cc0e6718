"""A credential option with no value on a command line ("mysql --password --host db1": the program asks for the
password) is followed by the next option, which is no credential: its name was hidden as if it were the password
(secrets39 found `aws ecr get-login-password --region` shown as "[REDACTED] eu-west-1"). All values synthetic."""

from __future__ import annotations

import pytest

from errcat.gate import shown


@pytest.mark.parametrize(
    "text",
    [
        "$ aws ecr get-login-password --region eu-west-1 | docker login --username AWS --password-stdin",
        "mysql -u root --password --host db1",
        "mysql -u root --password -h db1",
        "run with --password --verbose",
    ],
)
def test_the_option_after_a_credential_option_is_shown(text):
    assert shown(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("mysql -u root --password Zx9kLm2 -h db1", "Zx9kLm2"),
        ("mysql -u root --password=--Zx9k db1", "--Zx9k"),
        ("login --password -Zx9kLm2q", "Zx9kLm2q"),  # a value in mixed case after a dash is no option's name
        ("the token --Zx9kLm2qWe is invalid", "Zx9kLm2qWe"),
    ],
)
def test_a_value_after_a_credential_option_stays_hidden(text, secret):
    assert secret not in shown(text)

"""secrets31: adversarial pastes (tests/secrets31_pastes.py) whose credentials no output may show; what the round
found shown: Oracle's bare IDENTIFIED BY password (and MySQL's in double quotes), SQL Server's sp_addlogin/sp_password
and N'…' strings, PostgreSQL's E'…', a PHP trace's API client built with its password, MongoDB's changeUserPassword,
net use's /u:, an FTP PASS of words, a built-in account's "Administrator / password", "u: ops p: …", "with password
wombat_harbour", and a password wrapped onto a line of its own after the line naming it; and the words beside these
shapes that hold no secret."""

from __future__ import annotations

import pytest

from errcat.gate import MARK, shown


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # Oracle: a verifier is hidden as the password is; a sentence's "identified by" and MySQL's RANDOM PASSWORD stay
        ("the record identified by key12 is missing", "identified by key12"),
        ("CREATE USER a IDENTIFIED WITH caching_sha2_password BY RANDOM PASSWORD", "BY RANDOM PASSWORD"),
        # a built-in account's name before a path, a word or a date is no pair
        ("GET /admin/users2 200", "/admin/users2"),
        ("see root/.ssh/id_rsa", "root/.ssh/id_rsa"),
        ("open admin/dashboard", "admin/dashboard"),
        ("C:\\Users\\Administrator/Desktop2", "Administrator/Desktop2"),
        ("sys/2024-01-01 rotated", "sys/2024-01-01"),
        # a password's word then a line of its own: a number, a word, a date, a version, a path stay
        ("login failed with password\n401 Unauthorized", "401 Unauthorized"),
        ("invalid password\nTraceback (most recent call last):", "Traceback"),
        ("the password for the file is\nrequired.", "required."),
        ("reset password\nv2.3.1", "v2.3.1"),
        ("bad password\nHTTP/1.1", "HTTP/1.1"),
        # words after "with password" that name a thing, or a credential
        ("connecting with password authentication", "password authentication"),
        ("logged in with password reset_token enabled", "reset_token"),
        # a test runner's PASS line names a path; SQL's NULL old password
        ("PASS src/app.test.js", "src/app.test.js"),
        ("EXEC sp_password NULL, 'Tiger12', 'erp'", "'erp'"),
        # a PHP trace's client built from an array, or with one name
        ("#0 /app/x.php(3): GuzzleHttp\\Client->__construct(Array)", "__construct(Array)"),
    ],
)
def test_words_and_names_beside_the_new_shapes_stay(text, kept):
    assert kept in shown(text)


def test_oracle_s_password_verifier_is_hidden_as_the_password_is():
    """IDENTIFIED BY VALUES 'S:…' (what DBMS_METADATA.GET_DDL prints) gives the password's hash: enough to log in with
    a pass-the-hash tool or to crack offline."""
    verifier = "S:8F2D65FB5547B71C8DA3760F10960428CD307B1C6271691FC55C1F56554A"
    out = shown(f"ALTER USER erp IDENTIFIED BY VALUES '{verifier}';")
    assert verifier[:20] not in out and MARK in out


@pytest.mark.parametrize(
    "text",
    [
        'create user ops identified by "Pa ss;w0rd" default tablespace users',  # a quoted identifier: spaces, signs
        "GRANT CONNECT TO erp IDENTIFIED BY Tiger12;",
        "CREATE DATABASE LINK l CONNECT TO erp IDENTIFIED BY Tiger12 USING 'orcl'",
    ],
)
def test_oracle_s_other_statements_that_set_a_password_hide_it(text):
    out = shown(text)
    assert "Tiger12" not in out and "Pa ss" not in out and MARK in out

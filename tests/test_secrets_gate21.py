"""Round 21 of the exit gate: round 20's leftovers, passwords that only their place tells. A password of words given
bare to a login call that failed, a headerless CSV row whose fields say a login (a host and its port beside a user and
a password), the strings ltrace shows a program comparing, and a MySQL handshake as a stream dump shows it. Passwords
are a person's: no shape tells them."""

from __future__ import annotations

import base64
import random
import subprocess
import sys
from functools import partial

import pytest

import people
from errcat.gate import shown, shown_line

rnd = random.Random(2121)
person_password = partial(people.person_password, rnd, (("winter", "Harbour", "Kestrel", "bluefish"), ("dragon", "orange")))
pieces_of = partial(people.pieces_of, size=6)


@pytest.mark.parametrize("words", ["orangeledger", "correct horse", "Kestrel harbour"])
def test_a_password_of_words_given_to_a_failed_login_is_hidden(words: str) -> None:
    out = shown(f"login(ops, {words})\nAuthenticationError: 401")
    assert words not in out and "login(ops, " in out, out


@pytest.mark.parametrize(
    "line",
    [
        "login(request, user)\nraise PermissionDenied",  # Django's login(request, user)
        "login(ops, password) failed",
        "login(u, userPassword) failed",
        "authenticate(request, username) -> None, invalid",
        "login(ops, orangeledger) -> ok",  # no failure said: a call's variables read the same
    ],
)
def test_a_login_calls_variables_stay(line: str) -> None:
    assert shown(line) == line


@pytest.mark.parametrize(
    "row",
    [
        "ops,{pw},db.internal,5432\n",
        '"ops","{pw}","db.internal","5432"\n',
        "db.internal,5432,ledger,ops,{pw}\n",
        "10.0.4.12,3306,sync,{pw}\r\n",
    ],
)
def test_a_headerless_csv_login_row_hides_its_password(row: str) -> None:
    pw = person_password("$")
    out = shown(row.format(pw=pw))
    assert pieces_of(pw, out) == [], out
    assert "5432" in out or "3306" in out, out  # the host's port stays


@pytest.mark.parametrize(
    "row",
    [
        "2026-12-01,ops,ORD-1234,paid\n",  # no host and port: no login
        "10.0.0.1,443,GET,/api/v1/items\n",  # a path after the host
        "web-01.example.com,8080,200,1532\n",  # numbers
    ],
)
def test_csv_rows_that_say_no_login_stay(row: str) -> None:
    assert shown(row) == row


@pytest.mark.parametrize("call", ["strcmp", "strncmp", "strcasecmp", "memcmp"])
def test_the_strings_ltrace_shows_compared_are_hidden(call: str) -> None:
    pw = person_password("$")
    out = shown(f'{call}("{pw}", "hunter2") = 1\nputs("Wrong password!") = 16\n')
    assert pieces_of(pw, out) == [] and "hunter2" not in out, out


@pytest.mark.parametrize(
    "line",
    [
        'strcmp("en_US.UTF-8", "C") = 1',
        'strcmp("LC_ALL", "LANG") = -1',
        'strcmp("x86_64", "aarch64") = -1',
        'strcmp("UTF-8", "utf8") = 1',
    ],
)
def test_compared_locales_names_and_architectures_stay(line: str) -> None:
    assert shown(line) == line


@pytest.mark.parametrize(
    "dump",
    [
        "mysql_native_password...ops....{pw}..ledger",
        "........................ops..{pw}.ledger.mysql_clear_password.",
        "....\n..sync.{pw}.accounts.caching_sha2_password..",
    ],
)
def test_a_mysql_handshake_dumps_password_is_hidden(dump: str) -> None:
    pw = person_password()
    out = shown(dump.format(pw=pw))
    assert pieces_of(pw, out) == [], out
    assert "_password" in out, out  # the plugin's name stays


def test_a_mysql_plugin_named_outside_a_dump_is_no_handshake() -> None:
    line = "[Warning] 'mysql_native_password' is deprecated and will be removed in a future release. Please use caching_sha2_password"
    assert shown(line) == line


# --- scan's group names and samples: a record is one line of a paste a logger wrote line by line ------------------


@pytest.mark.parametrize(
    "line",
    [
        "2026-11-03T10:00:01Z ERROR worker:     {pw}",  # a .properties value's continued line, logged alone
        "ERROR:sync.jobs:job 1 failed: {pw}",  # the value under kubectl describe's "----"
        "[2026-11-03 10:00:01] production.ERROR: [{pw}]",
        "2026-11-03T10:00:01Z ERROR worker: ops:{pw}",  # what "base64 -d" printed of a Basic credential
    ],
)
def test_a_password_alone_on_its_logged_line_is_hidden_in_scans_text(line: str) -> None:
    pw = person_password()
    out = shown_line(line.format(pw=pw))
    assert pieces_of(pw, out) == [], out
    assert out.startswith(line[:12]), out


@pytest.mark.parametrize(
    "line",
    [
        "ERROR: E11000",
        "ERROR deploy: 3f2a9c1",
        "[error] main: JSONDecodeError",
        "INFO: worker3 started",
        "ERROR worker: node12",
        "ERROR: connection refused",
        "ERROR main: db01:5432",
    ],
)
def test_a_code_a_commit_or_words_alone_on_a_logged_line_stay(line: str) -> None:
    assert shown_line(line) == line


@pytest.mark.parametrize(
    "text",
    [
        "Name: sync-config Data ==== SAGE_PASSWORD: ---- {pw} LOG_LEVEL: ---- debug",  # kubectl describe, joined
        "spring.datasource.password = \\ {pw} server.port=8080",  # a .properties continuation, joined
        "db.url=jdbc:postgresql://db/ledger db.password=ledgeror\\ {pw}",  # its value's tail on the joined line
        "2026-11-03T10:00:01Z ERROR worker: dbPass                         {pw}",  # Get-Variable's row, logged
    ],
)
def test_a_value_a_logger_joined_to_its_name_is_hidden(text: str) -> None:
    pw = person_password()
    out = shown(text.format(pw=pw))
    assert pieces_of(pw, out) == [], out


# --- new shapes a user pastes ----------------------------------------------------------------------------------


@pytest.mark.parametrize("line", ['Run echo "::add-mask::{pw}"', "echo ::add-mask::{pw}\n"])
def test_the_value_a_workflow_asks_to_mask_is_hidden(line: str) -> None:
    pw = "orangesunshine" + str(rnd.randint(1000, 9999)) + "$"  # (a capital first read as a password's: "Kestrel…$")
    out = shown(line.format(pw=pw))
    assert pieces_of(pw, out) == [] and "::add-mask::" in out, out


@pytest.mark.parametrize("line", ['Run echo "::add-mask::{pw}"', "echo ::add-mask::{pw}\nnext step\n"])
def test_a_value_of_words_a_workflow_asks_to_mask_is_hidden_whole(line: str) -> None:
    # the runner masks the rest of the line, spaces and all: only the first word was hidden ("[REDACTED] harbour 4471")
    pw = f"{rnd.choice(['correct', 'winter'])} {rnd.choice(['harbour', 'orange'])} {rnd.randint(1000, 9999)}"
    out = shown(line.format(pw=pw))
    assert not [w for w in pw.split() if w in out] and "::add-mask::" in out, out
    assert "next step" in out or "Run echo" in out, out  # what follows the line stays


def test_a_workflow_masking_a_variable_shows_its_name() -> None:
    line = 'echo "::add-mask::${{ secrets.SAGE_TOKEN }}"\necho "::add-mask::$DB_PASSWORD"'
    assert shown(line) == line


def test_a_base64_user_and_password_decoded_elsewhere_is_hidden_there_too() -> None:
    pw = person_password()
    encoded = base64.b64encode(f"ops:{pw}".encode()).decode()
    out = shown(f"$ echo {encoded} | base64 -d ops:{pw}")  # a logger joined the command and what it printed
    assert pieces_of(pw, out) == [] and encoded not in out, out
    assert "ops:" in out, out  # the user stays


@pytest.mark.parametrize("words", ["orangeledger", "correct horse battery"])
def test_a_password_of_words_in_a_failed_login_is_hidden_in_scans_group_and_sample(words: str, tmp_path) -> None:
    # scan shows a record's first line alone: the failure on the record's next line was not seen, the password shown
    log = tmp_path / "app.log"
    log.write_text(f"2026-11-03T10:00:01Z ERROR login(ops, {words})\nAuthenticationError: 401 Unauthorized\n")
    assert shown_line(f"2026-11-03T10:00:01Z ERROR login(ops, {words})") == "2026-11-03T10:00:01Z ERROR login(ops, [REDACTED])"
    for fmt in ("table", "json"):
        done = subprocess.run(
            [sys.executable, "-m", "errcat", "scan", str(log), "--all", "--format", fmt],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        assert "login(ops, [REDACTED])" in done.stdout and not [w for w in words.split() if w in done.stdout], done.stdout

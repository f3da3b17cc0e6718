"""Round 13 of the exit gate: what round 12 hid that a user needs (an object's name in an s3:// address before its
signature, a table's cells where two tables are drawn one under the other) and what it still showed (a short random
value after a query key nothing names, bytes named only by a comment after them). Every secret is drawn from a
seeded generator (the same draws on every run)."""

from __future__ import annotations

import random
import string

from errcat.gate import shown

rnd = random.Random(2030)


def token(n: int) -> str:
    return "".join(rnd.choices(string.ascii_letters + string.digits, k=n))


def test_two_markdown_tables_drawn_one_under_the_other_are_read_as_two() -> None:
    """A row above a Markdown rule (|---|---|) is the next table's header, not a row of the table above: its cells
    and that table's rows are shown unless that table's own header names a credential."""
    first, second = token(12), token(12)
    text = f"| name | password |\n|---|---|\n| bob | {first} |\n| id | status |\n|---|---|\n| 42 | open |"
    out = shown(text)
    assert first not in out
    assert "| id | status |\n|---|---|\n| 42 | open |" in out, out
    text = f"| name | password |\n|---|---|\n| bob | {first} |\n| id | password |\n|---|---|\n| 42 | {second} |"
    out = shown(text)
    assert first not in out and second not in out, out
    assert "| id | password |" in out
    text = f"| key | value |\n|---|---|\n| password | {first} |\n| id | password |\n|---|---|\n| 42 | {second} |"
    out = shown(text)
    assert first not in out and second not in out, out
    grid = (
        f"+----+------+\n| name | password |\n+----+------+\n| bob | {first} |\n+----+------+\n| al | {second} |\n+----+------+"
    )
    out = shown(grid)  # a grid draws rules between its rows: one table still
    assert first not in out and second not in out, out


def test_an_object_name_before_a_signed_query_stays_and_the_signature_is_hidden() -> None:
    """errcat scan's "cannot read" names the object it could not read: its name must stay readable, while the
    signature after it is hidden (an object's name and the query's first key are no password)."""
    signature = token(16)
    for url in (
        f"s3://logs/many/app-001.log?X-Amz-Signature={signature}",
        f"https://logs.s3.amazonaws.com/many/app-001.log?X-Amz-Signature={signature}&X-Amz-Expires=300",
        f"gs://bucket/2026/12/05/part-0007.json.gz?sig={signature}",
    ):
        out = shown(f"cannot read: no file matches {url}")
        assert signature not in out, out
        name = url.split("?")[0].rsplit("/", 1)[1]
        assert f"/{name}?" in out, out
    password = "p4ss#W0rd9z!"  # a password a person set, standing before "?": still hidden
    assert password not in shown(f"login {password}?next=1")


def test_a_short_random_value_after_a_query_key_nothing_names_is_hidden() -> None:
    """ "?k=i0VpEBOWfbZA": a one-letter key names nothing, and 12 characters are too few for the random-token rule;
    upper and lower case and digits changing as no word does tell a key. Words, numbers and ids after their keys stay."""
    for _ in range(20):
        value = token(12)
        if not (any(c.isdigit() for c in value) and any(c.isupper() for c in value) and any(c.islower() for c in value)):
            continue
        out = shown(f"GET /api/v1/items?k={value} HTTP/1.1\nHost: api.example.test")
        assert value not in out, out
    for line in (
        "GET /api/v1/items?page=2&sort=createdDate HTTP/1.1",
        "GET /api/v1/items?filter=CustomerName2024 HTTP/1.1",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "GET /x?requestId=Ab3dE5fG7hJ9&page=2",
    ):
        assert shown(line) == line


def test_a_literal_named_only_by_a_comment_after_it_is_hidden() -> None:
    """b'\\x62…'  # password bytes: the comment is the literal's only name (escaped bytes are decoded first)."""
    secret = token(11)
    escaped = "".join(f"\\x{ord(c):02x}" for c in secret)
    for line in (f"b'{escaped}'  # password bytes", f"key = b'{escaped}',  # the API key", f'pw = "{secret}"  # password'):
        out = shown(line)
        assert escaped not in out and secret not in out, out
        assert "#" in out
    for line in (
        "url = 'https://example.test/reset'  # password reset page",
        "msg = 'Invalid credentials'  # password check failed",
        "print('hi')  # password prompt below",
    ):
        assert shown(line) == line


def test_a_grid_table_ruled_with_equals_signs_under_its_header_is_read() -> None:
    """tabulate's "grid" and reStructuredText draw the rule under a header with "=" (+======+): the password column
    was shown, the table not being read as one. A line of "=" under a log line with pipes ends nothing shown."""
    first, second = token(12), token(12)
    grid = (
        "+------+----------------+\n| name | password       |\n+======+================+\n"
        f"| bob  | {first}   |\n+------+----------------+\n| al   | {second}   |\n+------+----------------+"
    )
    out = shown(grid)
    assert first not in out and second not in out, out
    assert "| bob  |" in out and "| al   |" in out
    log = "2026-01-01 | user=bob | password reset\n=== done ===\nnext | line"
    assert shown(log) == log


def test_a_name_cut_by_a_wrap_in_a_long_repetitive_log_is_still_hidden() -> None:
    """A log repeating its lines thousands of times is read once for each distinct pair of lines: a wrapped name
    among them (once, at the end or in the middle) is still joined and its value hidden."""
    secret = f"bluebird{rnd.randint(10, 99)}"  # (a word and a number: only its cut name tells it)
    assert shown(f"word={secret}") == f"word={secret}"
    lines = "level: info\nstatus: ok\n" * 5000
    for text in (lines + f"db_pass\nword={secret}\n", lines + f"db_pass\nword={secret}\n" + lines):
        out = shown(text)
        assert secret not in out
        assert out.count("status: ok") == text.count("status: ok")

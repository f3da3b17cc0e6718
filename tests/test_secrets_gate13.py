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

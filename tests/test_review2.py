"""Fresh-eyes review (review2): answers a user on a fresh machine found wrong or misleading. Each row runs the
real CLI (or the real gate) on the input that showed it."""

from __future__ import annotations

# -- a bare status from an unknown sender: each vendor's meaning of it -------------------------------------------------
# `echo 400 | errcat explain -` answered "by vendor: prospend 400  A numeric field holds something that is not a
# number.": ProSpend documents five errors under 400 BAD_REQUEST and no meaning of the status itself, and the view
# took the first of the five as ProSpend's meaning of every 400.


def test_a_bare_status_a_vendor_documents_for_several_errors_names_none_of_them(cli) -> None:
    result = cli("explain", "-", input="400\n")
    assert result.exit_code == 1, result.output
    line = next(line for line in result.stdout.splitlines() if "prospend 400" in line)
    assert "numeric field" not in line
    assert "5 documented errors" in line and "BAD_REQUEST" in line


def test_a_bare_status_a_vendor_documents_once_keeps_that_errors_meaning(cli) -> None:
    result = cli("explain", "-", input="409\n")
    assert "prospend 409  A record with the same unique key already exists." in result.stdout
    result = cli("explain", "-", input="401\n")  # Sage's status row, not one of its 401 bodies
    assert "sage 401  Sage could not authorise the request." in result.stdout

"""Hostile input, hostile34's round (harness under /work/notes/hostile34-harness: every regex errcat compiles, each
attacked with runs of what its repeated groups accept, then the brief's runs through the real CLI). Each test
explains, through the API, the smallest text that still shows the growth, at two sizes 4 x apart, in CPU time
(tests/cputime.py): a linear path costs ~4 x (8 x on 8 x), these cost 14-60 x before their fix."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import errcat
from cputime import assert_grows_at_most

SECRET = "Hk29sLq0Zp7Wm3XcR5tY"


# An XML element explain reads a field from (<Message>, <Code>, ...) then blanks and no closing tag: the pattern's
# blanks, lazy text and blanks could split a run three ways. 1,000 blanks took 0.7 s of CPU, 2,000 4.8 s, 60,000
# never ended (a pasted 64 KB body hung explain). An XML-RPC fault's <value> the same way (1,000 blanks: 0.7 s), and a
# run of blanks before "(" of "Name (400):" was tried from each of its blanks (60,000: 2.7 s).
HOSTILE_XML = {
    "xml field": lambda n: "<a></a><Message>" + " " * n + "x",
    "xml-rpc value": lambda n: "<methodResponse><fault><name>faultCode</name><value>" + " " * n + "x</fault></methodResponse>",
}


@pytest.mark.parametrize("build", HOSTILE_XML.values(), ids=HOSTILE_XML.keys())
def test_an_xml_element_then_blanks_costs_linear_time(warm_catalog: errcat.ErrorCatalog, build) -> None:
    assert_grows_at_most(lambda n: warm_catalog.explain(build(n) + f"\npassword={SECRET}"), 400, 4, 8)


# A status's label ('status code"') then blanks: two \s* around an optional ":" split the run every way
# (4,000 blanks: 0.7 s of CPU, 16,000: 12.8 s; the 2 MB a paste may be: hours). A User-Agent line after blank
# lines: its pattern read the blank lines again from each line's start (8,000: 0.4 s, quadratic).
HOSTILE_TEXT = {
    "status label then blanks": (lambda n: 'status code"' + " " * n, 1_000),
    "user-agent after blank lines": (lambda n: "User-Agent: x\n" + "\n" * n + "x", 8_000),
}


@pytest.mark.parametrize(("build", "size"), HOSTILE_TEXT.values(), ids=HOSTILE_TEXT.keys())
def test_a_label_then_a_run_of_blanks_costs_linear_time(warm_catalog: errcat.ErrorCatalog, build, size: int) -> None:
    assert_grows_at_most(lambda n: warm_catalog.explain(build(n) + f"\npassword={SECRET}"), size, 4, 8)


def test_a_run_of_blanks_costs_linear_time_and_the_credential_after_it_stays_hidden(warm_catalog: errcat.ErrorCatalog) -> None:
    """A paste that says "response" is read for the service that answered: a run of blanks before "(" was tried from
    each of its blanks for a name in parentheses ("KashFlow (400):"): 16,000 blanks took 0.24 s, 60,000 3.2 s."""
    assert_grows_at_most(lambda n: warm_catalog.explain("Response" + " " * n + "x"), 8_000, 8, 16)
    x = warm_catalog.explain("Response" + " " * 64_000 + f"Authorization: Bearer {SECRET}")
    assert SECRET not in json.dumps(x.as_dict(), default=str)


def test_an_xml_field_read_the_same_after_the_fix(warm_catalog: errcat.ErrorCatalog) -> None:
    """The rewritten patterns read what they did: the text between the tags, blanks around it dropped, and a
    value of blanks only as empty (compared with the old patterns on 90,000 texts, real pastes and random ones)."""
    fault = (
        "<methodResponse><fault><value><struct>"
        "<member><name>faultCode</name><value>  <int>2</int>  </value></member>"
        "<member><name>faultString</name><value><string>  Access Denied  </string></value></member>"
        "</struct></value></fault></methodResponse>"
    )
    err = warm_catalog.explain(fault).errors[0]
    assert (err.sent.code, err.sent.message) == ("2", "Access Denied")
    doc = warm_catalog.explain("<Error><Code> Throttled </Code><Message>\n  Rate exceeded \n</Message></Error>").errors[0]
    assert (doc.sent.code, doc.sent.message) == ("Throttled", "Rate exceeded")


# A team catalog's message of "[" with no "]": the placeholder check (CAT010) read the rest of the message from each
# "[" (80,000 of them: 6.9 s to validate; a 16 MiB file: hours). The shipped example, its message replaced.
def test_validating_a_message_of_unclosed_brackets_costs_linear_time(tmp_path) -> None:
    example = (Path(__file__).resolve().parents[1] / "examples" / "team-errors.yaml").read_text(encoding="utf-8")
    said = "message: Upstream MYOB call timed out at the proxy"
    assert said in example

    def work(n: int) -> list[object]:
        path = tmp_path / f"team-{n}.yaml"
        path.write_text(example.replace(said, 'message: "Upstream ' + "[" * n + '"', 1), encoding="utf-8")
        return errcat.validate([path], builtin=False)

    assert_grows_at_most(work, 5_000, 8, 16)
    closed = tmp_path / "closed.yaml"
    closed.write_text(example.replace(said, "message: Upstream [Service] timed out", 1), encoding="utf-8")
    assert any(p.code == "CAT010" for p in errcat.validate([closed], builtin=False))


# A bidirectional mark (U+200F RIGHT-TO-LEFT MARK, U+200E, U+061C) in a log line or a paste was printed as it came, to
# a terminal too, while the overrides and isolates beside it were shown escaped.
@pytest.mark.parametrize("command", ["scan", "explain"])
def test_bidirectional_marks_are_shown_escaped(tmp_path, command: str) -> None:
    import subprocess
    import sys

    log = tmp_path / "app.log"
    body = '{"Errors":[{"Name":"OrderPaid","ErrorCode":37000,"Severity":"Error","Message":"x \u200f\u200e\u061c y"}]}'
    log.write_text(f"2026-01-01T00:00:00Z ERROR POST https://api.myob.com/accountright/x/Sale/Invoice -> 400 {body}\n")
    done = subprocess.run(
        [sys.executable, "-m", "errcat", command, str(log), "--format", "json"], capture_output=True, text=True, timeout=120
    )
    assert done.returncode in (0, 1), done.stderr
    for mark in ("\u200f", "\u200e", "\u061c"):
        assert mark not in done.stdout + done.stderr
    assert "\\u200f" in done.stdout


# A team catalog's message of "<" with no ">": a short stock message beside it was read for its words without its
# placeholders, and each "<" was read to the message's end (40,000 of them: 1.7 s to explain a 504 paste matching it).
def test_explaining_against_a_message_of_unclosed_brackets_costs_linear_time(tmp_path) -> None:
    example = (Path(__file__).resolve().parents[1] / "examples" / "team-errors.yaml").read_text(encoding="utf-8")
    said = "message: Upstream MYOB call timed out at the proxy"
    assert said in example
    paste = "HTTP/1.1 504 Gateway Timeout\n\nUpstream call timed out"

    def work(n: int) -> object:
        path = tmp_path / f"team-{n}.yaml"
        path.write_text(example.replace(said, 'message: "Upstream call timed out ' + "<" * n + '"', 1), encoding="utf-8")
        team = errcat.open_catalog([path], use_env=False)
        team.explain("warm up")
        return team.explain(paste)

    assert_grows_at_most(work, 5_000, 8, 16)

"""`errcat lookup`, `search`, `list`, `vendors`, `endpoints` through the real CLI."""

from __future__ import annotations

import json

import pytest


def doc(result) -> dict:
    return json.loads(result.stdout)


def ids(document: dict) -> set[str]:
    return {e["id"] for s in document["sections"] for g in s["errors"] for e in g["entries"]}


def test_lookup_code_lists_every_row_of_the_error(cli, catalog):
    result = cli("lookup", "25008", "--format", "json")
    assert result.exit_code == 0
    d = doc(result)
    assert [s["match"] for s in d["sections"]] == ["code"]
    (group,) = d["sections"][0]["errors"]
    assert group["vendor"] == "myob" and group["codes"] == ["25008"]
    assert group["names"] == ["DatePriorToBeginningOfFinancialYear"]
    assert len(group["entries"]) == sum(1 for e in catalog.entries if e.code == 25008) == 11
    assert group["explanation"]["retry"] == "after-fix"


@pytest.mark.parametrize(
    "query",
    [
        "DatePriorToBeginningOfFinancialYear",
        "datepriortobeginningoffinancialyear",
        "date-prior-to-beginning-of-financial-year",
        "date_prior_to_beginning_of_financial_year",
    ],
)
def test_lookup_name_in_any_spelling(cli, query):
    d = doc(cli("lookup", query, "--format", "json"))
    assert [g["codes"] for s in d["sections"] for g in s["errors"]] == [["25008"]]


@pytest.mark.parametrize(
    ("query", "vendor", "code"),
    [
        ("AccessTokenExpiredError", "sage", "AccessTokenExpiredError"),
        ("BAD_REQUEST", "prospend", "BAD_REQUEST"),
        ("bad-request", "prospend", "BAD_REQUEST"),
        ("AccessDenied", "myob", "AccessDenied"),
    ],
)
def test_lookup_string_codes(cli, query, vendor, code):
    d = doc(cli("lookup", query, "--format", "json"))
    groups = [g for s in d["sections"] for g in s["errors"]]
    assert groups and all(g["vendor"] == vendor and g["codes"] == [code] for g in groups)


def test_lookup_by_entry_id_and_guide_id(cli):
    assert ids(doc(cli("lookup", "myob.generic.gateway-timeout", "--format", "json"))) == {"myob.generic.gateway-timeout"}
    assert len(ids(doc(cli("lookup", "myob.25008", "--format", "json")))) == 11


def test_an_error_found_by_id_or_message_says_its_code_is_shared(cli):
    """Looking up one of ProSpend's five BAD_REQUEST errors (by id or by its message) must not let a
    reader take BAD_REQUEST alone for that error; looking up the code itself lists all five instead."""
    for query in ("prospend.bad-request.is-not-allowed", "Invalid request body. Please check the schema and try again."):
        out = cli("lookup", query).stdout
        assert "code BAD_REQUEST is carried by 5 errors" in out and "errcat lookup BAD_REQUEST --vendor prospend" in out
        assert (
            "code BAD_REQUEST is carried by 5 errors" in json.loads(cli("lookup", query, "--format", "json").stdout)["notes"][0]
        )
        assert "carried by 5 errors" in cli("lookup", query, "--format", "markdown").stdout
    assert "carried by" not in cli("lookup", "BAD_REQUEST").stdout  # all five are listed: nothing to warn of
    assert "carried by" not in cli("lookup", "prospend.unauthorized.authentication-failed-please-check-your").stdout
    assert "carried by" not in cli("lookup", "myob.generic.required").stdout  # one error, one explanation, many messages


def test_number_that_is_status_and_code_gives_both_labelled_groups(cli, catalog):
    d = doc(cli("lookup", "200", "--format", "json"))  # MYOB code 200 (Duplicate); no 200 rows
    assert [s["match"] for s in d["sections"]] == ["code"]
    d = doc(cli("lookup", "401", "--documented-only", "--format", "json"))
    assert [s["match"] for s in d["sections"]] == ["status"]
    assert {g["vendor"] for g in d["sections"][0]["errors"]} == {"sage", "invoicexpress", "prospend"}
    d = doc(cli("lookup", "401", "--format", "json"))  # with MYOB's OAuthTokenIsMissing, seen in the wild
    assert {g["vendor"] for g in d["sections"][0]["errors"]} == {"sage", "invoicexpress", "prospend", "myob"}
    text = cli("lookup", "100").stdout  # only a code
    assert "[by" not in text
    # 400 is a status of many rows; give it a code too via an overlay to see both sections.


def test_status_and_code_sections(cli, tmp_path):
    overlay = tmp_path / "acme.yaml"
    overlay.write_text(
        "errcat: 1\nvendor: {id: acme, name: Acme API}\n"
        "guides:\n  acme.404:\n    summary: s\n    causes: [c]\n    fix: f\n    retry: after-fix\n    actor: integrator\n"
        "entries:\n  - {id: acme.x, vendor: acme, endpoint: null, methods: [], scenario: s, status: 500, code: 404,"
        " name: X, message: m, severity: error, guide: acme.404, source: {document: ours}}\n"
    )
    d = doc(cli("lookup", "404", "--catalog", str(overlay), "--format", "json"))
    assert [s["match"] for s in d["sections"]] == ["code", "status"]
    plain = cli("lookup", "404", "--catalog", str(overlay)).stdout
    assert "404 as code" in plain and "404 as status" in plain


def test_lookup_filters_endpoint_loosely_and_keeps_generic_rows(cli):
    for spelling in (
        "/Sale/Invoice/Item",
        "sale/invoice/item",
        "/accountright/3f0a1c2e-1111-2222-3333-444455556666/Sale/Invoice/Item/",
    ):
        d = doc(cli("lookup", "100", "--vendor", "myob", "--endpoint", spelling, "--format", "json"))
        assert ids(d) == {"myob.generic.required", "myob.sale-invoice-item.required", "myob.sale-invoice-item.required-2"}


def test_lookup_filters_method_status_severity(cli):
    d = doc(cli("lookup", "25004", "--severity", "warning", "--format", "json"))
    assert ids(d) and all(e["severity"] == "warning" for g in d["sections"][0]["errors"] for e in g["entries"])
    d = doc(cli("lookup", "RateLimitError", "--method", "DELETE", "--status", "403", "--format", "json"))
    assert len(ids(d)) == 2
    assert cli("lookup", "25008", "--method", "DELETE").exit_code == 1
    assert cli("lookup", "25008", "--status", "409").exit_code == 1
    assert cli("lookup", "25008", "--vendor", "sage").exit_code == 1


def test_unknown_query_exits_1_with_suggestions(cli):
    result = cli("lookup", "DatePriorTo")
    assert result.exit_code == 1
    assert "did you mean" in result.stderr and "DatePriorToBeginningOfFinancialYear" in result.stderr
    assert result.stdout == ""
    d = json.loads(cli("lookup", "AccesTokenExpired", "--format", "json").stdout)
    assert d["found"] is False and "AccessTokenExpiredError" in d["suggestions"]


def test_bad_usage_exits_2(cli):
    assert cli("lookup", "25008", "--vendor", "stripe").exit_code == 2
    assert cli("lookup", "25008", "--severity", "fatal").exit_code == 2
    assert cli("lookup", "   ").exit_code == 2
    assert cli("search", "25008", "--limit", "0").exit_code == 2


def test_search_ranks_relevant_errors_first(cli):
    for query, first in (
        ("locked period", "25009"),
        ("rowversion", "111"),
        ("credit limit", "25005"),
        ("access token expired", "AccessTokenExpiredError"),
    ):
        d = doc(cli("search", query, "--format", "json"))
        assert d["results"] and d["results"][0]["codes"] == [first], (query, d["results"][0]["title"])


def test_search_limit_and_filters(cli):
    d = doc(cli("search", "invalid", "--limit", "3", "--format", "json"))
    assert len(d["results"]) == 3
    d = doc(cli("search", "invalid", "--vendor", "invoicexpress", "--format", "json"))
    assert d["results"] and {r["vendor"] for r in d["results"]} == {"invoicexpress"}
    result = cli("search", "stripe webhook signature")
    assert result.exit_code == 1 and "nothing in the catalog" in result.stderr


def test_list_and_counts(cli, catalog):
    d = doc(cli("list", "--vendor", "sage", "--format", "json"))
    assert sum(len(g["entries"]) for g in d["errors"]) == sum(e.vendor == "sage" for e in catalog.entries)
    d = doc(cli("list", "--vendor", "sage", "--documented-only", "--format", "json"))
    assert sum(len(g["entries"]) for g in d["errors"]) == sum(e.vendor == "sage" and not e.observed for e in catalog.entries)
    d = doc(cli("list", "--severity", "warning", "--format", "json"))
    assert {g["vendor"] for g in d["errors"]} == {"myob"}
    d = doc(cli("vendors", "--format", "json"))
    counts = {v["id"]: v for v in d["vendors"]}
    assert counts["myob"]["rows"] == 237 and counts["myob"]["endpoints"] == 35 and counts["myob"]["warnings"] == 12
    assert counts["prospend"]["endpoints"] == 6
    d = doc(cli("endpoints", "myob", "--format", "json"))
    assert len([e for e in d["endpoints"] if e["path"]]) == 35  # and one row for the errors of every endpoint
    assert cli("endpoints", "sage").exit_code == 0  # Sage documents no path: its generic errors (#32)


def test_vendors_counts_what_endpoints_lists(cli):
    """InvoiceXpress's document names operation groups (resources and actions), no paths: "0 endpoints" beside
    the groups ``errcat endpoints invoicexpress`` lists was untrue; each count says what it counts."""
    listed = doc(cli("endpoints", "invoicexpress", "--format", "json"))["endpoints"]
    groups = {e["label"] for e in listed if e["path"] is None and e["label"] != "(all endpoints)"}
    counts = {v["id"]: v for v in doc(cli("vendors", "--format", "json"))["vendors"]}
    assert counts["invoicexpress"]["operation_groups"] == len(groups) > 0 and counts["invoicexpress"]["endpoints"] == 0
    out = cli("vendors").stdout
    assert f"{len(groups)} operation groups (no paths documented)" in out and "0 endpoints" not in out
    assert "35 endpoint paths" in out
    assert "no endpoint named (each error documented for all endpoints)" in out  # Sage: its errors name no endpoint


def test_piped_output_is_plain_text(cli):
    result = cli("lookup", "25008")
    assert "\x1b[" not in result.stdout
    assert "myob 25008 DatePriorToBeginningOfFinancialYear" in result.stdout
    assert "Date cannot be prior to beginning of financial year" in result.stdout


def test_terminal_output_is_styled(catalog, monkeypatch):
    import io

    from errcat.query import lookup
    from errcat.render.console import print_lines
    from errcat.render.text import lookup_lines

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    out = Tty()
    print_lines(lookup_lines(lookup(catalog, "25008")), out)
    assert "\x1b[" in out.getvalue()
    # rich markup in catalog text is printed literally, not interpreted, on the styled path too
    out = Tty()
    print_lines(lookup_lines(lookup(catalog, "myob.generic.required")), out)
    assert "\x1b[" in out.getvalue() and "[Field] is required" in out.getvalue()
    monkeypatch.setenv("NO_COLOR", "1")
    out = Tty()
    print_lines(lookup_lines(lookup(catalog, "25008")), out)
    assert "\x1b[" not in out.getvalue()


def test_markdown_format(cli):
    from markdown_it import MarkdownIt

    result = cli("lookup", "myob.generic.required", "--format", "markdown")
    tokens = MarkdownIt("commonmark").enable("table").parse(result.stdout)
    cells = [t.children[0].content for t in tokens if t.type == "inline" and t.children]
    assert "[Field] is required" in cells or any("[Field] is required" in c for c in cells)


def test_an_error_documented_without_a_message_is_titled_by_its_scenario_in_brackets(cli):
    """Sage documents "The token was revoked." as one cause of a 401, with no body: a title that printed it bare read
    as the message Sage sends. In brackets it is the documented scenario, as the reference pages' tables show it."""
    out = cli("lookup", "sage.unauthorized.the-token-was-revoked").stdout
    assert out.splitlines()[0].startswith("sage HTTP 401 (The token was revoked.)")
    assert "sage HTTP 401 Unauthorized" in cli("lookup", "sage.status.401").stdout  # a status row keeps its text


def test_the_one_line_list_of_a_busy_lookup_says_its_last_words_are_errcats(cli):
    """Above ten errors a lookup prints one line each, ending with the guide's summary: the header says that is
    errcat's reading, as the full view marks it on every error."""
    head = cli("lookup", "422").stdout.splitlines()[0]
    assert head.startswith("422: ") and head.endswith("one line each, ending with errcat's reading of it;")


def test_errcats_mark_is_never_broken_across_two_lines_of_a_terminal(catalog, monkeypatch):
    """At every width from 40 to 130 columns, "[errcat's reading]" and "[errcat's reading of the document]"
    wrap whole: broken at their space, a line ended "[errcat's" and the next began "reading]"."""
    import io
    import re

    from errcat.query import lookup
    from errcat.render.console import print_lines
    from errcat.render.text import lookup_lines

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm")
    marks = 0
    queries = ("25008", "myob.observed.cftoken-access-denied", "sage.observed.record-not-found.couldnt-find-record")
    found = {query: lookup(catalog, query) for query in queries}  # looked up once: only the printing has a width
    for width in range(40, 131):
        monkeypatch.setenv("COLUMNS", str(width))
        for query in queries:
            out = Tty()
            print_lines(lookup_lines(found[query]), out)
            lines = out.getvalue().splitlines()
            marks += sum(line.count("[errcat's reading") for line in lines)
            assert not any(re.search(r"\[errcat's\s*$", line) for line in lines), (width, query)
            assert not any(re.match(r"\s*(?:reading|of the document)\]", line) for line in lines), (width, query)
    assert marks >= 91 * 3  # the marks were printed, each whole on one line


@pytest.mark.parametrize("args", [["lookup", "25008"], ["list"], ["search", "invoice"]])
def test_a_status_that_is_no_number_is_told_what_a_status_is(cli, args):
    r = cli(*args, "--status", "abc")
    assert r.exit_code == 2 and r.stdout == ""
    (line,) = r.stderr.strip().splitlines()
    assert "'abc' is not an HTTP status (a number from 100 to 599)" in line and "digits 0-9" not in line

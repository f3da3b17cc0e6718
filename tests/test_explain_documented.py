"""errcat explain on a reader's copy of a vendor's error documentation: a sentence only that vendor's
documents hold, quoted whole, is the vendor's own evidence, and the documented row it belongs to is
matched; a short sentence anyone could write is not evidence. Every paste here is real: rows of
Sage's Accounting API 'Response Codes' page (https://developer.sage.com/accounting/guides/concepts/response_codes/)
as the page renders as text and as a table."""

from __future__ import annotations

import json

import pytest

from errcat.explainer import explain
from errcat.explainer.match import MatchKind

ROWS = [
    ("500 Internal Server Error Dammit, you ran into a bug in our application.", 500),
    (
        "503 | Service Unavailable | One of our servers required to serve this request could not be reached. Please retry later. |",
        503,
    ),
    ("429 | Too Many Requests | Too many requests have been made against the API. This prompts a throttling error. |", 429),
]


@pytest.mark.parametrize(("paste", "status"), ROWS, ids=["500-text", "503-table", "429-table"])
def test_a_quoted_documented_row_names_its_vendor_and_matches_its_status(catalog, paste, status):
    x = explain(catalog, paste)
    assert x.vendor == "sage" and x.vendor_source == "evidence"
    assert [c.kind for c in x.clues if c.vendor == "sage"] == ["documented"]
    top = x.errors[0]
    assert top.kind is MatchKind.STATUS and top.candidates[0].entry.id == f"sage.status.{status}"


def test_a_short_documented_sentence_is_no_evidence(catalog):
    """'The path/endpoint does not exist.' (the same page's 404 row) could be any API's words."""
    x = explain(catalog, "404 | Not Found | The path/endpoint does not exist. |")
    assert x.vendor is None and x.exchange.status == 404
    assert all(m.kind in (MatchKind.NONE, MatchKind.FUZZY) for m in x.errors)


def test_the_evidence_shows_the_documents_words(cli):
    result = cli("explain", "--format", "json", input=ROWS[0][0])
    clue = next(c for c in json.loads(result.stdout)["vendor_evidence"] if c["kind"] == "documented")
    assert clue["value"] == "Dammit, you ran into a bug in our application." and clue["vendor"] == "sage"


@pytest.mark.parametrize(
    "paste",
    [
        # a log line quoting the status-code references' 401 text, which ProSpend's error page copies whole (it is
        # also on status-code sites such as httpcodes.blogspot.com/2018/09)
        '2026-11-19T02:00:00Z WARN http 401: Although the HTTP standard specifies "unauthorized", semantically this '
        'response means "unauthenticated". That is, the client must authenticate itself to get the requested response.',
        "403 Forbidden: The client does not have access rights to the content; that is, it is unauthorized, so the server "
        "is refusing to give the requested resource. Unlike 401 Unauthorized, the client's identity is known to the server.",
    ],
    ids=["401", "403"],
)
def test_a_status_description_about_http_itself_names_no_vendor(catalog, tmp_path, paste):
    """A vendor's page that copies the HTTP references' prose does not make that prose its own: explain named ProSpend
    'documented' for any paste quoting it, and scan counted such a log line as ProSpend's documented 401 (review5)."""
    from errcat.scan import ScanOptions, scan

    x = explain(catalog, paste)
    assert x.vendor is None and all(m.kind in (MatchKind.NONE, MatchKind.FUZZY, MatchKind.STATUS) for m in x.errors)
    log = tmp_path / "app.log"
    log.write_text(paste + "\n", encoding="utf-8")
    assert not scan(catalog, [str(log)], ScanOptions(workers=1)).matched

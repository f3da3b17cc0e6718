"""Errors seen in the wild (#18): an observed layer beside the documented catalog, never mistaken
for it. Through the real CLI, the Python API, the YAML files and the generated pages."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

import errcat
from errcat import docs as reference
from errcat.explainer import explain

ISSUE_PASTE = '[{"$severity":"error","$dataCode":"AuthorizationFailure","$message":"Access denied.","$source":""}]'
OBSERVED_HEADING = "Observed in the wild — not in the vendor's error document"


def observed(catalog) -> list:
    return [e for e in catalog.entries if e.observed]


def explain_json(cli, paste: str, *args: str) -> tuple[dict, int]:
    r = cli("explain", "--format", "json", *args, input=paste)
    return json.loads(r.stdout), r.exit_code


# -- the layer itself -------------------------------------------------------------------------


def test_at_least_30_observed_errors_across_three_vendors_each_with_https_sources(catalog):
    seen = observed(catalog)
    assert len(seen) >= 30
    per_vendor = Counter(e.vendor for e in seen)
    assert {"myob", "sage", "invoicexpress"} <= set(per_vendor), per_vendor
    for e in seen:
        assert e.sources and all(c.url.startswith("https://") for c in e.sources), e.id
        assert e.sample, e.id
        guide = catalog.guides[e.guide_id]
        assert guide.established in ("vendor-confirmed", "several-reports", "one-report"), e.id
    # documented rows keep their document-and-line source and carry no public sources
    for e in catalog.entries:
        if not e.observed:
            assert e.source.document.endswith(".txt") and not e.sources and e.sample is None, e.id


@pytest.mark.parametrize(
    ("entry_id", "vendor", "status", "code", "name", "message"),
    [
        ("sage.observed.authorization-failure.access-denied", "sage", 401, "AuthorizationFailure", None, "Access denied."),
        ("sage.observed.multi-user-access-denied", "sage", 403, "MultiUserAccessDenied", None,
         "The current user is not allowed to access that resource with that method."),
        ("sage.observed.record-not-found.couldnt-find-record", "sage", 404, "RecordNotFound", None, "Couldn't find record."),
        ("sage.observed.access-token-verification-error", "sage", 401, "AccessTokenVerificationError", None,
         "Access token is invalid (JWT malformed or missing)."),
        ("myob.observed.cftoken-access-denied", "myob", 401, None, None, "Access denied"),
        ("myob.observed.oauth-token-is-missing", "myob", 401, None, "OAuthTokenIsMissing", None),
        ("invoicexpress.observed.document-creation-limit-reached", "invoicexpress", 422, None, None,
         "Document creation limit reached for the period from 15/12/2022 to 15/01/2023."),
    ],
)  # fmt: skip
def test_pinned_observed_entries(catalog, entry_id, vendor, status, code, name, message):
    e = next(x for x in catalog.entries if x.id == entry_id)
    assert (e.provenance, e.vendor, e.status, e.code, e.name, e.message) == ("observed", vendor, status, code, name, message)
    assert all(c.url.startswith("https://") for c in e.sources)


BARE_BODY_SAMPLES = {"myob.observed.cftoken-access-denied", "sage.observed.authorization-missing"}


def test_every_sample_explains_back_to_its_own_entry_as_observed(catalog):
    """Each verbatim sample, pasted as it was seen, is recognised as that observed error; a sample its source
    shows as a bare body (MYOB's article's [{"Message": "Access denied"}], quoted without the article's prose)
    holds nothing of its vendor's own, so no vendor is named and the entry is offered among the nearest (so too
    Sage's {"error": "Authorization missing. ..."}, a one-field object on a path any API could have)."""
    for e in observed(catalog):
        x = explain(catalog, e.sample)
        if e.id in BARE_BODY_SAMPLES:
            assert x.vendor is None, e.id
            assert e.id in [c.entry.id for c in x.errors[0].candidates], e.id
            continue
        assert x.vendor == e.vendor, e.id
        hits = [m for m in x.errors if m.kind == "observed" and m.best.entry.message == e.message]
        assert any(m.best.entry.code == e.code and m.best.entry.name == e.name for m in hits), (e.id, x.errors[0].kind)


# -- explain -----------------------------------------------------------------------------------


def test_issue_example_is_sage_observed_with_sources_and_none_when_documented_only(cli):
    d, code = explain_json(cli, ISSUE_PASTE)
    assert d["vendor"] == "sage"
    (error,) = d["errors"]
    assert error["match"] == "observed" and error["provenance"] == "observed"
    assert error["candidates"][0]["id"] == "sage.observed.authorization-failure.access-denied"
    assert error["sources"] and all(s["url"].startswith("https://") for s in error["sources"])
    assert error["explanation"]["established"] == "several-reports"
    assert d["all_matched"] is False and code == 1  # seen in the wild is not documented

    # without the observed layer nothing in the diagnosis is Sage's own (claims21): its shape alone names no vendor
    d, code = explain_json(cli, ISSUE_PASTE, "--documented-only")
    assert d["vendor"] is None
    assert d["errors"][0]["match"] == "none" and d["errors"][0]["candidates"] == [] and code == 1


def test_observed_in_every_output_format(cli):
    table = cli("explain", input=ISSUE_PASTE).stdout
    assert "not in the vendor's error document; seen in public reports" in table
    assert "not in Sage Business Cloud Accounting API's error document" in table
    assert "https://github.com/Sage/sageone_api_php_sample/issues/9" in table
    assert "exact match" not in table and "documented in" not in table

    md = cli("explain", "--format", "markdown", input=ISSUE_PASTE).stdout
    tokens = MarkdownIt("commonmark").enable("table").parse(md)
    links = [t.attrs["href"] for tok in tokens if tok.children for t in tok.children if t.type == "link_open"]
    assert "https://github.com/Sage/sageone_api_php_sample/issues/9" in links
    assert "Not in Sage Business Cloud Accounting API's error document" in md

    api = errcat.open_catalog(use_env=False)
    x = api.explain(ISSUE_PASTE)
    assert x.errors[0].kind == "observed"
    assert "[observed: not in sage's error document; 3 public source(s)]" in str(x)
    assert x.as_dict()["errors"][0]["match"] == "observed"
    assert api.explain(ISSUE_PASTE, documented_only=True).errors[0].kind == "none"


def _overlay_with_observed_twin(tmp_path: Path, catalog) -> tuple[Path, object]:
    """An observed entry with the code and name of a documented MYOB error and its own message."""
    codes = Counter(e.code for e in catalog.entries if e.vendor == "myob")
    doc = next(e for e in catalog.entries if e.vendor == "myob" and e.kind == "body" and e.message and codes[e.code] == 1)
    path = tmp_path / "twin.yaml"
    path.write_text(
        "errcat: 1\nvendor: {id: myob}\n"
        "guides:\n  myob.observed.twin:\n    {summary: s, causes: [c], fix: f, retry: after-fix, actor: integrator,"
        " established: one-report}\n"
        "entries:\n  - id: myob.observed.twin\n    provenance: observed\n    vendor: myob\n    endpoint: null\n"
        f"    methods: []\n    scenario: s\n    status: {doc.status}\n    code: {doc.code}\n    name: {doc.name}\n"
        "    message: Something else entirely happened here\n    severity: error\n    guide: myob.observed.twin\n"
        "    sources: [{url: 'https://example.org/thread/1', kind: issue}]\n"
        '    sample: \'{"Errors":[{"Name":"x","Message":"Something else entirely happened here"}]}\'\n',
        encoding="utf-8",
    )
    return path, doc


def test_observed_never_outranks_a_documented_exact_match(cli, tmp_path, catalog):
    path, doc = _overlay_with_observed_twin(tmp_path, catalog)
    body = json.dumps({"Errors": [{"Name": doc.name, "Message": doc.message, "ErrorCode": doc.code, "Severity": "Error"}]})
    d, _ = explain_json(cli, body, "--catalog", str(path))
    e = d["errors"][0]
    assert e["match"] == "exact" and e["provenance"] == "documented"
    assert e["candidates"][0]["provenance"] == "documented"
    # the observed twin's own message: its words match it, but the documented code outranks it
    body = json.dumps({"Errors": [{"Name": doc.name, "Message": "Something else entirely happened here", "ErrorCode": doc.code}]})
    d, _ = explain_json(cli, body, "--catalog", str(path))
    assert d["errors"][0]["match"] == "code" and d["errors"][0]["provenance"] == "documented"
    kinds = {c["id"]: c["match"] for c in d["errors"][0]["candidates"]}
    assert kinds["myob.observed.twin"] == "observed"


def test_observed_words_alone_never_name_a_vendor(cli):
    """Rails' RecordNotFound and an OAuth invalid_grant are everyday errors elsewhere."""
    for paste in (
        "ActiveRecord::RecordNotFound: Couldn't find record.",
        '{"error": "invalid_grant"}',
        "RecordInvalid: This field is required.",
    ):
        d, _ = explain_json(cli, paste)
        assert d["vendor"] is None, paste
        assert all(e["match"] in ("none", "fuzzy") for e in d["errors"]), (paste, d["errors"])


def test_a_code_shared_by_several_observed_messages_is_a_family(cli):
    """Sage's ValidationError with words nobody reported: the documented 422 meaning, not one observed guess."""
    paste = (
        "POST https://api.accounting.sage.com/v3.1/contacts\nHTTP/1.1 422 Unprocessable Entity\n\n"
        '[{"$severity":"error","$dataCode":"ValidationError","$message":"nothing anyone reported","$source":"x"}]'
    )
    d, _ = explain_json(cli, paste)
    e = d["errors"][0]
    assert e["match"] == "status" and e["candidates"][0]["id"] == "sage.status.422"
    assert any(c["provenance"] == "observed" for c in e["candidates"])  # the family stays as nearest


# -- lookup, search, list, scan, export --------------------------------------------------------


def test_lookup_search_and_list_label_observed_errors_and_documented_only_drops_them(cli):
    text = cli("lookup", "MultiUserAccessDenied").stdout
    assert (
        "not in Sage Business Cloud Accounting API's error document" in text and "seen in:  https://developer.sage.com/" in text
    )
    assert cli("lookup", "MultiUserAccessDenied", "--documented-only").exit_code == 1
    d = json.loads(cli("lookup", "MultiUserAccessDenied", "--format", "json").stdout)
    (entry,) = [e for s in d["sections"] for g in s["errors"] for e in g["entries"]]
    assert entry["provenance"] == "observed" and entry["sources"][0]["url"].startswith("https://")
    assert "observed in the wild, not documented" in cli("search", "subscription").stdout
    assert "observed" not in cli("search", "subscription", "--documented-only").stdout
    listed = cli("list", "--vendor", "invoicexpress").stdout
    assert "Fiscal is invalid  (observed in the wild)" in listed
    assert "Fiscal is invalid" not in cli("list", "--vendor", "invoicexpress", "--documented-only").stdout


def test_scan_counts_observed_errors_apart(cli, tmp_path):
    log = tmp_path / "app.log"
    log.write_text(
        "2026-11-20T01:00:00Z WARN sage POST /v3.1/contacts -> 401 " + ISSUE_PASTE + "\n"
        '2026-11-20T01:00:02Z ERROR sage POST /v3.1/contacts -> 401 [{"$severity":"error","$dataCode":"AccessTokenExpiredError",'
        '"$message":"Your Access token has expired.","$source":""}]\n',
        encoding="utf-8",
    )
    out = cli("scan", str(log)).stdout
    assert "1 documented (1 distinct), 1 observed in the wild (1 distinct; not documented), 0 not in the catalog" in out
    assert "observed in the wild, not documented" in out
    d = json.loads(cli("scan", str(log), "--format", "json").stdout)
    kinds = sum((Counter(g["match_kinds"]) for g in d["matched"]), Counter())
    assert kinds == Counter(exact=1, observed=1)  # the documented error and the observed one, each once
    # without the observed layer, Sage documents only what a 401 means: the diagnosis's own code and
    # words are not in the catalog, and the report shows them rather than hide them under the status
    only = cli("scan", str(log), "--documented-only").stdout
    assert "observed in the wild" not in only and "1 documented (1 distinct), 1 not in the catalog" in only
    assert "unknown vendor HTTP 401  AuthorizationFailure: Access denied" in only  # its shape alone names no vendor


def test_export_carries_provenance_and_sources(cli):
    d = json.loads(cli("export", "--format", "json").stdout)
    assert all(r["provenance"] in ("documented", "observed") for r in d["entries"])
    seen = [r for r in d["entries"] if r["provenance"] == "observed"]
    assert seen and all(isinstance(r["sources"], list) and all("url" in c for c in r["sources"]) for r in seen)
    only = json.loads(cli("export", "--format", "json", "--documented-only").stdout)
    assert {r["provenance"] for r in only["entries"]} == {"documented"}
    assert len(only["entries"]) == len(d["entries"]) - len(seen)


# -- the reference pages -----------------------------------------------------------------------


def _sections(page: str) -> dict[str, str]:
    """The page split at its level-2 headings (their text as written)."""
    parts = re.split(r"(?m)^## (.+)$", page)
    return {parts[i].strip(): parts[i + 1] for i in range(1, len(parts) - 1, 2)}


@pytest.mark.parametrize("vendor", ["myob", "sage", "invoicexpress"])
def test_pages_keep_observed_errors_in_a_section_of_their_own(catalog, vendor):
    page = reference.vendor_page(catalog, vendor)
    sections = _sections(page)
    assert OBSERVED_HEADING in sections
    wild = sections[OBSERVED_HEADING]
    tokens = MarkdownIt("commonmark").enable("table").parse(wild)
    links = {t.attrs["href"] for tok in tokens if tok.children for t in tok.children if t.type == "link_open"}
    for e in observed(catalog):
        if e.vendor != vendor:
            continue
        assert {c.url for c in e.sources} <= links, e.id
        documented_part = page.split("## " + OBSERVED_HEADING)[0] + sections.get("Endpoints", "")
        assert e.id.split(".", 2)[2] not in documented_part.split("## Find an error")[1].split("## Errors explained")[0]
        assert all(c.url not in documented_part for c in e.sources), e.id


def test_prospend_page_has_no_observed_section_and_index_counts_them(catalog):
    assert OBSERVED_HEADING not in reference.vendor_page(catalog, "prospend")
    index = reference.index_page(catalog)
    assert "Observed in the wild" in index
    assert "[22](sage.md#observed-in-the-wild)" in index or re.search(r"\[\d+\]\(sage\.md#observed-in-the-wild\)", index)


# -- validate ----------------------------------------------------------------------------------

OBSERVED_ENTRY = (
    "  - id: acme.seen\n    provenance: observed\n    vendor: acme\n    endpoint: null\n    methods: []\n"
    "    scenario: s\n    status: 400\n    code: X9\n    name: null\n    message: {message}\n    severity: error\n"
    "    guide: {guide}\n    sources: [{{url: 'https://example.org/t/1', kind: issue, status: 400}}]\n    sample: '{sample}'\n"
)
GUIDES = (
    "guides:\n  acme.g: {summary: s, causes: [c], fix: f, retry: after-fix, actor: integrator}\n"
    "  acme.seen: {summary: s, causes: [c], fix: f, retry: after-fix, actor: integrator, established: one-report,\n"
    "    basis: {summary: 'https://example.org/t/1', causes: [inference], fix: inference}}\n"
)
DOCUMENTED = (
    "  - {id: acme.doc, vendor: acme, endpoint: null, methods: [], scenario: s, status: 400, code: X1, name: null,"
    " message: Known thing, severity: error, guide: acme.g, source: {document: d.txt, line: 1}}\n"
)


def _acme(message: str = "Seen thing", sample: str = '{"error": "Seen thing"}', guide: str = "acme.seen") -> str:
    return (
        "errcat: 1\nvendor: {id: acme, name: Acme}\n"
        + GUIDES
        + "entries:\n"
        + DOCUMENTED
        + OBSERVED_ENTRY.format(message=message, sample=sample, guide=guide)
    )


@pytest.mark.parametrize(
    ("code", "text", "line"),
    [
        ("CAT022", _acme(sample='{"error": "something else"}'), 6),
        ("CAT023", _acme(message="Known thing", sample='{"error": "Known thing"}'), 6),
        ("CAT024", _acme(guide="acme.g"), 3),
    ],
    ids=["sample-does-not-show-message", "repeats-documented", "shares-documented-guide"],
)
def test_observed_checks_fire_at_file_and_line(cli, tmp_path, code, text, line):
    path = tmp_path / "acme.yaml"
    path.write_text(text, encoding="utf-8")
    r = cli("validate", str(path))
    assert r.exit_code == 1
    findings = [x for x in r.stdout.splitlines() if f" {code} " in x]
    assert findings, r.stdout
    assert findings[0].startswith(f"{path}:")


def test_an_observed_entry_needs_an_https_source_and_a_sample(cli, tmp_path):
    path = tmp_path / "acme.yaml"
    path.write_text(_acme().replace("https://example.org/t/1", "http://example.org/t/1"), encoding="utf-8")
    r = cli("validate", str(path))
    assert r.exit_code == 1 and "CAT003 schema" in r.stdout and "sources.0.url" in r.stdout
    path.write_text(_acme().replace('    sample: \'{"error": "Seen thing"}\'\n', ""), encoding="utf-8")
    r = cli("validate", str(path))
    assert r.exit_code == 1 and "'sample' is a required property" in r.stdout
    path.write_text(_acme(), encoding="utf-8")
    assert cli("validate", str(path)).exit_code == 0


SEEN_BASIS = "    basis: {summary: 'https://example.org/t/1', causes: [inference], fix: inference}}\n"
SEEN_SOURCE = "sources: [{url: 'https://example.org/t/1', kind: issue, status: 400}]"
DOCUMENTED_500 = (
    "  - {id: acme.status.500, vendor: acme, endpoint: null, methods: [], scenario: s, status: 500, code: null, name: null,"
    " message: null, severity: error, guide: acme.g, kind: status, source: {document: d.txt, line: 2}}\n"
)


@pytest.mark.parametrize(
    ("code", "edit", "says"),
    [
        ("CAT025", lambda t: t.replace(SEEN_BASIS, "}\n").replace("one-report,\n", "one-report"), "has no basis"),
        ("CAT025", lambda t: t.replace("causes: [inference]", "causes: [inference, inference]"), "1 cause(s) but 2"),
        ("CAT025", lambda t: t.replace("fix: inference}", "fix: 'https://example.org/other'}"), "none of its entries lists"),
        ("CAT026", lambda t: t.replace("established: one-report", "established: several-reports"), "one report"),
        ("CAT027", lambda t: t.replace("    sample:", "    quirks: [The source does not show the HTTP status.]\n    sample:"),
         "shows 400"),
        ("CAT027", lambda t: t.replace(", status: 400}", "}"), "no source shows its status"),
        ("CAT027", lambda t: t.replace("kind: issue, status: 400}", "kind: sdk-fixture}"), "recorded response"),
        ("CAT027", lambda t: t.replace("kind: issue, status: 400}", "kind: issue, status: 422}"), "shows 422"),
        ("CAT028", lambda t: t.replace("status: 400\n    code: X9", "status: 500\n    code: X9")
         .replace("status: 400}]", "status: 500}]").replace("retry: after-fix, actor: integrator, established",
                                                              "retry: backoff, actor: vendor, established")
         .replace("guide: acme.g, source: {document: d.txt, line: 1}}\n", "guide: acme.g, source: {document: d.txt, line: 1}}\n"
                  + DOCUMENTED_500).replace("acme.g: {summary: s, causes: [c], fix: f, retry: after-fix",
                                            "acme.g: {summary: s, causes: [c], fix: f, retry: 'no'"),
         "not to retry"),
    ],
    ids=["no-basis", "basis-per-cause", "basis-not-a-source", "one-origin", "status-hidden-but-shown", "status-nowhere",
         "recording-without-status", "status-differs", "documented-says-do-not-retry"],
)  # fmt: skip
def test_claim_checks_fire_and_the_fixture_passes_without_them(cli, tmp_path, code, edit, says):
    """Each observed claim needs a basis; several-reports needs two origins; the status agrees with the
    sources; an observed guide never says resend where the vendor documents "do not retry"."""
    path = tmp_path / "acme.yaml"
    assert SEEN_BASIS in _acme() and SEEN_SOURCE in _acme()
    path.write_text(_acme(), encoding="utf-8")
    assert cli("validate", str(path)).exit_code == 0
    path.write_text(edit(_acme()), encoding="utf-8")
    r = cli("validate", str(path))
    findings = [x for x in r.stdout.splitlines() if f" {code} " in x]
    assert r.exit_code == 1 and findings and findings[0].startswith(f"{path}:"), r.stdout
    assert says in findings[0], findings


def test_two_origins_make_several_reports(cli, tmp_path):
    two = (
        _acme()
        .replace("established: one-report", "established: several-reports")
        .replace(
            SEEN_SOURCE,
            "sources: [{url: 'https://example.org/t/1', kind: issue, status: 400}, {url: 'https://github.com/a/b/issues/2', kind: issue}]",
        )
    )
    path = tmp_path / "acme.yaml"
    path.write_text(two, encoding="utf-8")
    assert cli("validate", str(path)).exit_code == 0
    same_repo = two.replace("https://example.org/t/1", "https://github.com/a/b/issues/1")
    path.write_text(same_repo.replace("summary: 'https://github.com/a/b/issues/1'", "summary: inference"), encoding="utf-8")
    r = cli("validate", str(path))
    assert r.exit_code == 1 and "CAT026" in r.stdout and "a/b" in r.stdout


def test_fail_on_unmatched_counts_observed_errors_as_catalogued_unless_documented_only(cli, tmp_path):
    log = tmp_path / "app.log"
    log.write_text(
        "2026-11-20T01:00:00Z WARN sage POST /v3.1/contacts -> 422 "
        + ISSUE_PASTE.replace("Access denied.", "Couldn't find Supplier.").replace("AuthorizationFailure", "RecordInvalid")
        + "\n",
        encoding="utf-8",
    )
    assert cli("scan", str(log), "--fail-on", "unmatched").exit_code == 0
    assert cli("scan", str(log), "--fail-on", "unmatched", "--documented-only").exit_code == 1


def test_every_retry_and_who_acts_and_every_explanation_is_marked_as_errcats(cli):
    """No vendor sends a retry or who-acts rating, and a documented error's summary, causes and fix are errcat's
    words about the vendor's row: each view says so, as it says who makes each claim of an observed explanation."""
    paste = '{"errors":{"error":"Document creation limit reached for the period from 01/02/2024 to 01/03/2024."}}'
    for fmt in ("table", "markdown"):
        out = cli("explain", "--vendor", "invoicexpress", "--format", fmt, input=paste).stdout
        retry = next(line for line in out.splitlines() if "etry" in line and "who acts" in line.lower())
        assert "errcat's reading" in retry, fmt
    rated = next(
        line for line in cli("lookup", "invoicexpress.observed.fiscal-is-invalid").stdout.splitlines() if "retry:" in line
    )
    assert "errcat's reading" in rated
    documented = cli("lookup", "25008").stdout.splitlines()
    assert "errcat's reading" in next(line for line in documented if "retry:" in line)
    assert "current financial year. [errcat's reading of the document] cause:" in " ".join(" ".join(documented).split())
    explained = cli(
        "explain",
        input='{"Errors":[{"Name":"DatePriorToBeginningOfFinancialYear","ErrorCode":25008,'
        '"Message":"Date cannot be prior to beginning of financial year","Severity":"Error"}]}',
    ).stdout
    assert "current financial year. [errcat's reading of the document] scenario:" in " ".join(explained.split())
    markdown = " ".join(cli("lookup", "25008", "--format", "markdown").stdout.split())
    assert "current financial year. \\[errcat's reading of the document\\] **Likely causes**" in markdown
    record = json.loads(cli("lookup", "25008", "--format", "json").stdout)["sections"][0]["errors"][0]["explanation"]
    assert record["by"] == "errcat's reading of the vendor's document"
    seen = json.loads(cli("lookup", "invoicexpress.observed.fiscal-is-invalid", "--format", "json").stdout)
    assert seen["sections"][0]["errors"][0]["explanation"]["by"] == "errcat's reading of the sources in basis"


def test_myobs_customer_not_found_from_the_sdk_issue_is_explained_as_observed_for_any_customer_uid(cli):
    """MYOB's .NET SDK issue #279 quotes a 400 body (CustomerNotFound, 11003) that MYOB's error document does not
    list: another customer's UID in the same message is that error, seen in the wild, never called documented."""
    body = (
        '{"Errors":[{"Name":"CustomerNotFound","Message":"The Customer with UID of '
        '\'0f0e0d0c-1111-2222-3333-444455556666\' cannot be found.","AdditionalDetails":"Customer.UID",'
        '"ErrorCode":11003,"Severity":"Error","LearnMore":null}],'
        '"Information":"Warning, error messages have not been finalised in this release and may change"}'
    )
    result = cli("explain", "--format", "json", input=body)
    error = json.loads(result.stdout)["errors"][0]
    assert result.exit_code == 1  # observed is not documented
    best = error["candidates"][0]
    assert error["match"] == "observed" and error["provenance"] == "observed"
    assert best["id"] == "myob.observed.customer-not-found" and best["status"] == 400 and best["provenance"] == "observed"
    assert cli("explain", "--documented-only", input=body).stdout.count("customer-not-found") == 0


def test_the_source_count_of_an_observed_error_counts_every_report_its_view_cites(catalog):
    """A Sage RecordInvalid said "(1 source, several reports)" while its meaning and cause cited two more reports:
    the count is of what the view cites (the row's sources and those its guide's claims name)."""
    from errcat.render.text import claim_labels, observed_lines, plain

    urls = {c.url.removeprefix("https://") for e in catalog.entries for c in e.sources}
    checked = 0
    for e in observed(catalog):
        g = catalog.guides.get(e.guide_id)
        name = catalog.vendors[e.vendor].name
        shown = plain(observed_lines(name, e, g)) + "".join(
            [*claim_labels(g, e.sources, name)[1], *claim_labels(g, e.sources, name)[::2]] if g else []
        )
        cited = sum(u in shown for u in urls)
        said = int(re.search(r"seen in public reports \((\d+) source", shown).group(1))
        assert said == cited, (e.id, said, cited)
        checked += said > len(e.sources)
    assert checked  # some guide cites another row's report

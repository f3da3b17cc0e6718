"""The hand-written knowledge says what the vendors' documents say: each correction pinned, the
documented extras (LearnMore, status text, severity spelling, quirks, endpoint parameters) shown,
and the coded checks that keep the explanations honest."""

from __future__ import annotations

import json
import re

import pytest

from conftest import SOURCES


def guide(catalog, gid):
    return catalog.guides[gid]


def test_retry_advice_fits_the_error(catalog):
    assert guide(catalog, "myob.111").retry == "after-fix"  # re-read and resend: not a token refresh
    assert guide(catalog, "myob.rate-limit-error.api-key-has-exceeded-the-daily-rate").retry == "wait-for-reset"
    assert guide(catalog, "myob.rate-limit-error.api-key-has-exceeded-the-per-second-rate").retry == "backoff"
    assert guide(catalog, "sage.http-429").retry == "wait-for-reset"
    assert "24 hours" in guide(catalog, "sage.http-429").fix
    assert guide(catalog, "invoicexpress.http-406").retry == "after-fix"  # valid once the document's state allows it
    p401 = guide(catalog, "prospend.unauthorized.authentication-failed-please-check-your")
    assert p401.retry == "after-fix" and "admin" in p401.fix and "no user authorisation" in p401.fix


def test_swapped_rows_are_recorded_and_explained(catalog):
    by_code = {}
    for e in catalog.entries:
        if e.vendor == "myob":
            by_code.setdefault(e.code, e)
    assert "reads like code 221's" in by_code[220].quirks[0] and "either wording" in guide(catalog, "myob.220").causes[-1]
    assert "reads like code 220's" in by_code[221].quirks[0] and "either wording" in guide(catalog, "myob.221").causes[-1]
    assert "fits code 37005" in by_code[224].quirks[0]
    assert "fits code 224" in by_code[37005].quirks[0]


def test_corrected_claims(catalog):
    assert "Lines" in guide(catalog, "myob.13003").causes[0] and "Invoices" not in guide(catalog, "myob.13003").causes[0]
    assert (
        "debit settlement" in guide(catalog, "myob.19005").summary
        and "payment to a bill" not in guide(catalog, "myob.19005").causes[0]
    )
    assert "credit settlement for credit" not in guide(catalog, "myob.15005").fix
    access = guide(catalog, "myob.access-denied")
    assert access.actor == "integrator" and "x-myobapi-cftoken" in access.causes[0]
    business = guide(catalog, "sage.unauthorized.the-user-does-not-have-access-to-the-business")
    assert business.actor == "integrator" and "X-Business" in business.causes[0]
    assert "application/xml" not in guide(catalog, "invoicexpress.no-content-type-or-wrongly-specified").fix
    assert "on or after" not in guide(catalog, "invoicexpress.due-date-must-be-later-than-date").fix
    assert guide(catalog, "sage.http-500").retry == "no" and "support" in guide(catalog, "sage.http-500").fix
    assert "application/json" in guide(catalog, "sage.http-415").fix


def test_unsourced_claims_are_gone(catalog):
    texts = " ".join(t for g in catalog.guides.values() for t in (g.summary, g.fix, *g.causes))
    for phrase in ("negative inventory", "on or before the lock date", "Warnings can be accepted", "accept the warning",
                   "Setup > Linked Accounts", "Account settings > API", "beta is read-only"):  # fmt: skip
        assert phrase not in texts, phrase


def test_every_sage_401_other_than_expiry_says_remove_refresh_tokens(catalog):
    for gid, g in catalog.guides.items():
        if gid.startswith("sage.unauthorized."):
            assert "refresh token" in g.fix, gid


def test_vendor_facts_name_a_page_or_document(catalog):
    for v in catalog.vendors.values():
        for fact in (*v.hosts, *v.base_urls, *v.auth, *v.headers, *v.path_prefixes):
            assert "snapshot" not in fact.source and "public knowledge" not in fact.source
            assert "https://" in fact.source or ".txt" in fact.source, (v.id, fact.value)
    prospend = catalog.vendors["prospend"]
    assert prospend.hosts[0].value == "api.apac.prospend.io"
    assert "admin" in prospend.auth[0].description


def test_lookup_shows_what_the_document_prints(cli):
    out = cli("lookup", "GatewayTimeout").stdout
    assert "504 Timeout" in out and "learn more: [Documentation URI]" in out and "  Error" in out
    out = cli("lookup", "AccessDenied").stdout
    assert "quirk:" in out and "trailing comma" in out and "no AdditionalDetails" in out
    d = json.loads(cli("lookup", "GatewayTimeout", "-f", "json").stdout)
    entry = d["sections"][0]["errors"][0]["entries"][0]
    assert entry["learn_more"] == "[Documentation URI]" and entry["vendor_severity"] == "Error"
    assert entry["source"]["status_text"] == "504 Timeout"


def test_export_carries_the_documented_extras(cli):
    records = json.loads(cli("export", "--format", "json").stdout)["entries"]
    gateway = next(r for r in records if r["id"] == "myob.generic.gateway-timeout")
    assert gateway["learn_more"] and gateway["source"]["status_text"] == "504 Timeout" and gateway["quirks"]


def test_the_garbled_documented_message_still_matches_the_live_one(catalog):
    from errcat.explainer import explain

    live = "Since the characters '*' and '?' are used as wildcards when reporting, you shouldn't use them in your purchase number"
    x = explain(
        catalog, json.dumps({"Errors": [{"Name": "InvalidCharacters", "Message": live, "ErrorCode": 181, "Severity": "Warning"}]})
    )
    assert x.errors[0].kind == "template" and x.errors[0].best.entry.code == 181


def test_prospend_endpoints_with_parameters_in_every_format(cli):
    table = cli("endpoints", "prospend").stdout
    assert "?status (string; one of None | NotSubmitted" in table and "?includeOmitted (boolean; default false)" in table
    assert "nextCursor" in table
    d = json.loads(cli("endpoints", "prospend", "-f", "json").stdout)
    lines = next(e for e in d["endpoints"] if (e["path"] or "").endswith("/invoice/{invoiceId}/line"))
    assert {"name": "includeOmitted", "default": "false"}.items() <= lines["parameters"][0].items()
    assert "nextCursor" in lines["description"]
    md = cli("endpoints", "prospend", "-f", "markdown").stdout
    assert "includeOmitted (boolean; default false)" in md


@pytest.mark.skipif(not SOURCES.exists(), reason="the vendor documents are not beside the repo")
def test_the_documents_say_what_the_quirks_claim():
    text = (SOURCES / "myob-business-api-errors.txt").read_text(encoding="utf-8")
    # code 221's printed message speaks of 'Date' between StartDate and EndDate, 220's of StartDate before EndDate
    assert re.search(
        r"\"Message\" : \"'Date' should be between 'StartDate' and 'EndDate'\",\s*• \"AdditionalDetails\" : null,\s*• \"ErrorCode\" : 221",
        text,
    )
    assert "particular endpoints also give you the ability to treat warnings as errors" in text.lower()


def _overlay(tmp_path, guide_yaml: str, status: int = 400, vendor_extra: str = "") -> str:
    path = tmp_path / "acme.yaml"
    path.write_text(
        f"errcat: 1\nvendor:\n  id: acme\n  name: Acme\n{vendor_extra}"
        f"entries:\n  - {{id: acme.x, vendor: acme, endpoint: null, methods: [GET], scenario: s, status: {status}, code: X1,"
        " name: Bad, message: Bad thing, details: null, severity: error, guide: acme.x, source: {document: d.txt, line: 1}}\n"
        f"guides:\n  acme.x: {guide_yaml}\n"
    )
    return str(path)


@pytest.mark.parametrize(
    ("guide_yaml", "status", "vendor_extra", "code"),
    [
        ("{summary: s, causes: [c], fix: f, retry: refresh-and-retry, actor: integrator}", 400, "", "CAT019"),
        ("{summary: s, causes: [c], fix: f, retry: backoff, actor: integrator}", 422, "", "CAT019"),
        ("{summary: s, causes: [c], fix: f, retry: wait-for-reset, actor: integrator}", 400, "", "CAT019"),
        ("{summary: s, causes: [c], fix: f, retry: after-fix, actor: integrator}", 400,
         "  hosts:\n    - {value: api.acme.test, source: public knowledge; not in the snapshot}\n", "CAT020"),
    ],
)  # fmt: skip
def test_checks_keep_the_knowledge_honest(cli, tmp_path, guide_yaml, status, vendor_extra, code):
    r = cli("validate", _overlay(tmp_path, guide_yaml, status, vendor_extra))
    assert r.exit_code == 1 and code in r.stdout and "acme.yaml:" in r.stdout


def test_fitting_retry_advice_passes_and_todo_warns(cli, tmp_path):
    ok = _overlay(tmp_path, "{summary: s, causes: [c], fix: f, retry: refresh-and-retry, actor: integrator}", 401)
    assert cli("validate", ok).exit_code == 0
    todo = _overlay(tmp_path, "{summary: TODO, causes: [c], fix: f, retry: after-fix, actor: integrator}")
    r = cli("validate", todo)
    assert r.exit_code == 0 and "CAT021" in r.stdout and "(warning)" in r.stdout


def test_prospend_accounts_payable_page_defects_are_recorded_as_endpoint_quirks(cli):
    """The page's own examples disagree with it: recorded where a reader meets them, not smoothed over."""
    import json as _json

    doc = _json.loads(cli("endpoints", "prospend", "--format", "json").stdout)
    quirks = {e["path"]: e["quirks"] for e in doc["endpoints"]}
    line = quirks["/beta/company/{companyId}/invoice/{invoiceId}/line"]
    assert any('"nextCursor" has a value with no opening quote (ez438tjgowjr0") at line 305' in q for q in line)
    assert any('"_link" values (/company/4/invoice/555/line/1234567/split/456) lack the /beta prefix' in q for q in line)
    assert any("createdOn, updatedOn" in q and "createdDate, updatedDate" in q for q in line)
    single = quirks["/beta/company/{companyId}/invoice/{invoiceId}/line/{lineId}"]
    assert any("{lineId} in this path but {invoiceLineId}" in q for q in single)
    split = quirks["/beta/company/{companyId}/invoice/{invoiceId}/line/{invoiceLineId}/split/{invoiceLineSplitId}"]
    assert any("trailing comma before ']' at line 336" in q for q in split)
    assert quirks["/beta/company/{companyId}/invoice/{invoiceId}"] == []  # its example is valid JSON
    from errcat import docs, load_catalog

    assert "lack the /beta prefix of the documented paths" in docs.vendor_page(load_catalog(use_env=False), "prospend")
    text = cli("endpoints", "prospend").stdout
    assert "quirk: the id after /line/ is {lineId}" in text

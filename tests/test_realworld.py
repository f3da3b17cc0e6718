"""errcat explain on real pastes: the shared dev corpus and the corpus in tests/data, scored by the
rule of ../shared/pastes/README.md (vendor, documented matches, no false claim, no leaked secret)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from corpus import DEV_CORPUS, OWN_CORPUS, load_cases, score_case
from errcat.cli import app

OWN = list(load_cases(OWN_CORPUS))


def test_own_corpus_is_well_formed():
    assert len(OWN) >= 40
    assert len({c["id"] for c in OWN}) == len(OWN)
    for case in OWN:
        assert case["vendor"] in {"myob", "sage", "invoicexpress", "prospend", None, "*"}, case["id"]
        assert "https://" in case["source"] or "/" in case["source"], case["id"]
        assert case["raw"].strip() and case["expect"]
        for secret in case["secrets"]:
            assert secret in case["raw"], case["id"]
    vendors = {c["vendor"] for c in OWN}
    assert {"myob", "sage", "invoicexpress", None} <= vendors


@pytest.mark.parametrize("case", OWN, ids=[c["id"] for c in OWN])
def test_own_real_paste(case):
    verdict = score_case(case, CliRunner())
    assert verdict.ok, f"{case['id']} ({case['source']}): {verdict.problems}"


@pytest.mark.skipif(not DEV_CORPUS.exists(), reason=f"the shared dev corpus is not beside the repo ({DEV_CORPUS})")
def test_dev_corpus_recall_and_no_false_claims():
    runner = CliRunner()
    verdicts = {c["id"]: score_case(c, runner) for c in load_cases(DEV_CORPUS)}
    failed = {k: v.problems for k, v in verdicts.items() if not v.ok}
    assert len(failed) <= 0.05 * len(verdicts), json.dumps(failed, indent=1)
    assert not [k for k, v in verdicts.items() if v.false_claim], failed
    assert not [k for k, v in verdicts.items() if v.leak], failed


def test_the_scoring_rule_catches_what_it_must():
    """The scorer itself: a claim on an undocumented error, a wrong vendor and an echoed secret all fail."""
    from corpus import score_output

    case = {"id": "t", "vendor": "sage", "confident": False, "expect": [{}], "secrets": ["s3cr3t-value"]}
    out = {"vendor": "sage", "errors": [{"match": "code", "candidates": [{"code": "X"}]}]}
    assert score_output(case, 0, json.dumps(out)).false_claim
    out = {"vendor": "myob", "errors": [{"match": "none", "candidates": []}]}
    assert score_output(case, 1, json.dumps(out)).problems == ["vendor 'myob' != 'sage'"]
    out = {"vendor": "sage", "errors": [{"match": "none", "candidates": [], "message": "s3cr3t-value"}]}
    assert score_output(case, 1, json.dumps(out)).leak
    confident = {**case, "confident": True, "expect": [{"code": "25008"}], "secrets": []}
    out = {"vendor": "sage", "errors": [{"match": "exact", "candidates": [{"code": 25008}]}]}
    assert score_output(confident, 0, json.dumps(out)).ok
    assert not score_output(confident, 0, json.dumps({**out, "errors": [{"match": "fuzzy", "candidates": []}]})).ok
    assert not score_output(case, 2, "Traceback (most recent call last):").ok


def _explained(raw: str) -> dict:
    result = CliRunner().invoke(app, ["explain", "--format", "json"], input=raw, env={"ERRCAT_CATALOG": ""})
    assert result.exit_code in (0, 1), result.stdout
    return json.loads(result.stdout)


def _own(source: str) -> str:
    return next(c["raw"] for c in OWN if source in c["source"])


@pytest.mark.parametrize(
    "source",
    [
        "PowerPlatform-DataverseServiceClient#45",  # .NET HttpStatusCode: 'BadRequest'
        "directus/directus#20442",  # GraphQL extensions.code INTERNAL_SERVER_ERROR
        "spring-projects/spring-framework#21667",  # Spring's HttpClientErrorException.BadRequest
    ],
)
def test_a_name_that_only_restates_the_http_status_names_no_vendor(source):
    """ProSpend's codes are HTTP reason phrases (BAD_REQUEST, INTERNAL_SERVER_ERROR): every
    framework prints them. A Dataverse client's 'BadRequest' was claimed as ProSpend's documented
    BAD_REQUEST (one of five errors with that code) by the name alone."""
    doc = _explained(_own(source))
    assert doc["vendor"] is None
    matches = [e["match"] for e in doc["errors"]]
    assert matches and not set(matches) & {"exact", "template", "code", "status"}


def test_a_bare_reason_phrase_code_names_no_vendor_but_a_vendor_code_does():
    assert _explained("BAD_REQUEST")["vendor"] is None  # Spring, Google and ProSpend all send it
    doc = _explained("RESOURCE_CONFLICT")  # ProSpend's own word for 409, typed alone
    assert doc["vendor"] == "prospend" and doc["errors"][0]["match"] == "code"


def test_json_typeset_with_typographic_quotes_is_read():
    """Ventrata's help page prints InvoiceXpress's errors list with “ ” quotes: both errors are read,
    and a documented message inside such a body is matched as it would be with straight quotes."""
    doc = _explained(_own("Ventrata support 'Troubleshooting InvoiceXpress'"))
    assert doc["vendor"] == "invoicexpress"
    assert [e["observed"]["message"] for e in doc["errors"]] == ["Cliente não é válido", "Fiscal não é válido"]
    documented = _own("Ventrata support").replace("Cliente não é válido", "Items element should be of type array")
    err = _explained(documented)["errors"][0]
    assert err["match"] == "exact" and err["candidates"][0]["message"] == "Items element should be of type array"


def test_a_bare_key_before_a_typographic_quote_is_read_as_the_objects_field():
    """Sage X3's 'API Error Codes' page prints its 403's body as a JavaScript object with “ ” quotes and a bare key
    (blind31-66): the whole text was the message, braces and key with it; now its message alone, as its 400 row's body
    with quoted keys (blind31-65) already was."""
    by_id = {c["id"]: c["raw"] for c in OWN}
    for case, message in [
        ("blind31-66", "The application registered on Sage Business Cloud is disabled"),
        ("blind31-65", "Missing required request parameters filename"),
    ]:
        [err] = _explained(by_id[case])["errors"]
        assert err["observed"]["message"] == message and err["observed"]["envelope"] == "message, no code", case


def test_an_ebay_errors_list_keeps_its_message():
    """eBay's Errors carry LongMessage and ShortMessage, no Message: the error was shown with its
    code alone, and stubbed and fingerprinted without its words."""
    doc = _explained(_own("eBay Shopping API response"))
    assert doc["vendor"] is None
    [err] = doc["errors"]
    assert err["observed"]["code"] == "1.20" and err["observed"]["message"] == "Application ID invalid."


@pytest.mark.parametrize("source", ["SpringBootS3Bucket#1", "adcreare/cloudformation#4", "exercism/website#959"])
def test_s3s_access_denied_is_not_myobs(source):
    """Amazon S3 says AccessDenied as MYOB's documented code does: two common words name no vendor.
    The S3 exceptions were claimed as MYOB's 403 (company file credentials) on the code alone."""
    doc = _explained(_own(source))
    assert doc["vendor"] is None
    assert all(e["match"] not in ("exact", "template", "code", "status") for e in doc["errors"])


def test_myobs_own_access_denied_body_is_still_matched():
    # the body MYOB's error-messages page documents for a company file user without access
    doc = _explained('{"Message": "You are not authorised to access this resource", "ErrorCode": "AccessDenied"}')
    assert doc["vendor"] == "myob" and doc["errors"][0]["match"] == "exact"


@pytest.mark.parametrize("source", ["gitlab4j/gitlab4j-api#1238", "python-gitlab/python-gitlab#54"])
def test_rails_default_validation_messages_name_no_vendor(source):
    """GitLab's {"name":["has already been taken"]} reads as InvoiceXpress's documented 'Name has
    already been taken' (three of its entries): it is Rails' default message, which every Rails API
    sends, and was claimed as InvoiceXpress's exact match."""
    doc = _explained(_own(source))
    assert doc["vendor"] is None
    assert all(e["match"] not in ("exact", "template", "code", "status") for e in doc["errors"])


def test_invoicexpress_validation_message_is_claimed_on_its_host_not_on_its_shared_envelope():
    # {"errors":[{"error": ...}]} is InvoiceXpress's envelope (go-invoicexpress, dev corpus) and other services'
    # (GOV.UK Notify's, Go services'); "Name has already been taken" is Rails's default, Fly.io's body too
    body = '{"errors":[{"error":"Name has already been taken"}]}'
    doc = _explained(body)
    assert doc["vendor"] is None and doc["errors"][0]["match"] not in ("exact", "template", "code", "status")
    doc = _explained(f"POST https://acme.app.invoicexpress.com/clients.json\nHTTP/1.1 422 Unprocessable Entity\n\n{body}\n")
    assert doc["vendor"] == "invoicexpress" and doc["errors"][0]["match"] == "exact"

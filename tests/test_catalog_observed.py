"""Observed entries say what their cited sources say, and no more (catalog14 re-read each source whole):
a clause the source does not make is worded as errcat's reading, and a refusal known only from an
integration's comment is answered as not catalogued, with its source."""

from __future__ import annotations

import pytest

from errcat.explainer import explain


def _entry(catalog, eid):
    return next(e for e in catalog.entries if e.id == eid)


@pytest.mark.parametrize("query", ["Contribuinte não é válido", "contribuinte nao e valido"])
def test_a_refusal_quoted_only_in_an_integrations_comment_is_answered_as_not_catalogued(cli, query):
    """SuesteCreative's builder.ts quotes it (no body, no status): lookup says so and names the source."""
    r = cli("lookup", query)
    assert r.exit_code == 1 and "not in the catalog" in r.stderr
    assert "French VAT number" in r.stderr and "461ddda" in r.stderr and "src/ix/builder.ts" in r.stderr
    assert "Fiscal is invalid" in r.stderr and "not shown" in r.stderr  # not claimed as the same refusal


def test_clauses_the_sources_do_not_make_are_worded_as_errcats_reading(catalog):
    # builder.ts says InvoiceXpress refuses a 0% line without an exemption reason; only the integration's
    # test stops retrying it, so "resending does not help" is errcat's reading, not the builder's word
    razao = catalog.guides["invoicexpress.observed.exemption-reason-required"]
    assert "errcat's reading, after the integration's test" in razao.fix
    # the C# sample thread shows the body and the reply-less diagnoses: the fault's shape is a reading
    lines = catalog.guides["sage.observed.field-invalid"].causes[0]
    assert "invoice_lines" in lines and "is errcat's reading" in lines
    # MYOB's article ties single sign-on to its 401 Unauthorized, not to the "Access denied" body
    denied = _entry(catalog, "myob.observed.cftoken-access-denied")
    assert "main cause of a 401 Unauthorized, which errcat groups with this error" in denied.scenario
    # Sage One Brazil #50: the "Equipe Dev Sage NFe" signature is on the 2018-07-17 reply, not the advice of 07-23
    grant = _entry(catalog, "sage.observed.oauth.invalid-grant")
    note = next(s.note for s in grant.sources if s.url.endswith("sageone_br_nfe_documentacao_api/issues/50"))
    assert 'reply signed "Equipe Dev Sage NFe" (2018-07-23)' not in note and "(2018-07-17) is signed" in note


def test_a_vendor_named_on_an_integrations_word_says_so(catalog):
    """The shopify-invoicexpress-worker calls InvoiceXpress through a proxy whose owner no source names:
    each of its refusals says so where it is cited, since the vendor rests on the integration's word."""
    for eid in (
        "invoicexpress.observed.total-above-related-documents",
        "invoicexpress.observed.razao-de-isencao",
        "invoicexpress.observed.documento-ja-finalizado",
    ):
        e = _entry(catalog, eid)
        said = " ".join([*(e.quirks or ()), *(s.note or "" for s in e.sources)])
        assert "ix-proxy.kapta.app" in said, eid


def test_a_scenario_states_only_what_its_error_name_says(catalog):
    """myob-api #28 shows no request: that no token was sent is the name's word (OAuthTokenIsMissing)."""
    missing = _entry(catalog, "myob.observed.oauth-token-is-missing")
    assert "as the error's name says" in missing.scenario and "shows no request" in missing.scenario


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ("BusinessEvent_DateOccured_InLockPeriod", "DateInLockedPeriod"),
        ("Line_JobHeaderNotAllowed", "header jobs"),
        ("Term_Out_Of_Range error", "due date"),
    ],
)
def test_myob_message_keys_known_only_from_a_third_partys_help_page_are_answered_honestly(cli, query, says):
    """Ocerra's help page lists them as MYOB AccountRight export errors, with no body, status or code:
    lookup says they are not catalogued, whose word it is, and where to look next."""
    r = cli("lookup", query)
    assert r.exit_code == 1 and "not in the catalog" in r.stderr and "Ocerra" in r.stderr and says in r.stderr
    assert "ocerra.freshdesk.com" in r.stderr


# SuesteCreative/shopify-invoicexpress-worker's test pins this as "the exact body InvoiceXpress returned on
# lliberta-shop and Angel Piercing" when its orders/updated handler PUT a document the shop had already certified.
FINALIZED = "O documento já foi finalizado, não pode ser alterado."
FINALIZED_ID = "invoicexpress.observed.documento-ja-finalizado"


def test_invoicexpress_refusing_to_change_a_finalised_document_is_looked_up_as_observed(cli):
    r = cli("lookup", FINALIZED)
    assert r.exit_code == 0, r.stderr
    assert FINALIZED_ID in r.stdout and "not in InvoiceXpress API's error document" in r.stdout
    assert "orders-updated.finalized.test.ts" in r.stdout and "retry: no" in r.stdout


def test_its_status_is_said_to_be_unshown(catalog):
    e = next(x for x in catalog.entries if x.id == FINALIZED_ID)
    assert [c.status for c in e.sources] == [None]
    assert any("does not show the HTTP status" in q for q in e.quirks)


def test_the_refusal_pasted_bare_is_offered_not_claimed_and_with_invoicexpress_named_is_its_observed_error(catalog):
    """The words are only observed, and Portuguese apps refuse a finalised order in much the same words
    ("Pedido já foi finalizado, não pode ser alterado"): bare they name no vendor, the entry is the nearest."""
    x = explain(catalog, FINALIZED)
    assert x.vendor is None and x.errors[0].kind not in ("exact", "template", "code", "status", "observed")
    assert x.errors[0].candidates[0].entry.id == FINALIZED_ID
    # the form the worker's orders/updated handler gives a refused update: its prefix, then the error as JSON
    x = explain(catalog, f'InvoiceXpress update failed: {{"message":"{FINALIZED}"}}')
    assert x.vendor == "invoicexpress" and x.errors[0].kind == "observed"
    assert x.errors[0].best is not None and x.errors[0].best.entry.id == FINALIZED_ID


def test_catalog16_claims_keep_their_sources_hedges_and_speakers(catalog):
    """catalog16 re-read the sources catalog15 had not: Sage's pages say a 403 *can be thrown* and edge cases *may*
    end in a 500; a reply in a Sage sample thread is credited to who wrote it, as the thread shows no more; the PHP
    client's "This field is required." is a code comment without a request; MYOB's 2-5 minutes is in a cited copy."""
    sage = {gid: g for gid, g in catalog.guides.items() if gid.startswith("sage.observed.")}
    said = [t for g in sage.values() for t in (g.summary, g.fix, *g.causes)]
    assert not [t for t in said if "Sage staff" in t]
    assert "can be thrown" in sage["sage.observed.multi-user-access-denied"].causes[0]
    assert "may result in" in sage["sage.observed.unexpected-error"].causes[0]
    required = _entry(catalog, "sage.observed.record-invalid.this-field-is-required")
    assert "shows no request" in required.scenario
    assert any("exception's name" in q for q in required.quirks)
    oauth = _entry(catalog, "myob.observed.oauth-invalid-request")
    assert "2-5 minutes" in catalog.guides[oauth.guide_id].fix
    assert any("expires in 2-5 minutes" in (s.note or "") for s in oauth.sources)


def test_a_scenario_does_not_say_which_record_a_vendors_reply_only_asks_to_check(catalog):
    """catalog20: Sage PHP #32 shows "Couldn't find record." and a reply asking to verify contact_id, ledger_account_id
    and product_id; the scenario said the invoice referred to an id Sage cannot find, which the thread does not show."""
    e = _entry(catalog, "sage.observed.record-not-found.couldnt-find-record")
    assert "asks to verify" in e.scenario and "is not shown" in e.scenario
    assert "that refers to a contact, ledger account or product id Sage cannot find" not in e.scenario

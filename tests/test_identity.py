"""An explained error's names outside errcat: its fingerprint (stable across ids, numbers, dates and
request ids; one per distinct error), its link into the reference pages, and the vendor's request id."""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import errcat
from conftest import builtin_index
from errcat.explainer import explain
from errcat.explainer.identity import DOCS_URL_ENV, masked, set_docs_url
from errcat.templates import fill, slot_names
from synth import GUID, response_for

REPO = Path(__file__).resolve().parent.parent
CATALOG = builtin_index()  # the built-in catalog in memory, shared by the modules that need it at import
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FINGERPRINT = re.compile(r"[a-z]+:[0-9a-f]{12}")

MYOB_25008 = (
    "POST https://arl2.api.myob.com/accountright/{company}/Sale/Invoice/Item\nHTTP/1.1 400 Bad Request\nx-request-id: {rid}\n\n"
    '{{"Errors":[{{"Name":"DatePriorToBeginningOfFinancialYear","Message":"Date cannot be prior to beginning of financial year",'
    '"AdditionalDetails":"Date","ErrorCode":25008,"Severity":"Error"}}]}}'
)


def test_explain_json_carries_fingerprint_doc_url_and_request_id(cli):
    """The contract: top-level fingerprint, doc_url, request_id; each error its own fingerprint and doc_url."""
    paste = MYOB_25008.format(company=GUID, rid="5f0e2d7c-0b1a-4c3d-9e8f-7a6b5c4d3e2f")
    d = json.loads(cli("explain", "--format", "json", input=paste).stdout)
    assert {"fingerprint", "doc_url", "request_id"} <= set(d)
    assert FINGERPRINT.fullmatch(d["fingerprint"]) and d["fingerprint"].startswith("myob:")
    assert d["request_id"] == "5f0e2d7c-0b1a-4c3d-9e8f-7a6b5c4d3e2f"
    assert d["doc_url"].endswith("/myob.md#25008")
    error = d["errors"][0]
    assert {"fingerprint", "doc_url"} <= set(error)
    assert error["fingerprint"] == d["fingerprint"] and error["doc_url"] == d["doc_url"]
    x = errcat.explain(paste)
    assert x.as_dict()["fingerprint"] == x.fingerprint == d["fingerprint"]


def test_doc_url_points_at_an_existing_section_of_the_checkout(catalog):
    """The default base is the reference pages next to the code (this checkout's docs/reference, or
    the copy a wheel ships), as a file: URL; and every entry's link names an anchor its page has."""
    x = explain(catalog, MYOB_25008.format(company=GUID, rid="r-1"))
    parts = urlsplit(x.doc_url)
    page = Path(unquote(parts.path))
    assert parts.scheme == "file" and page.name == "myob.md"
    assert page.read_text(encoding="utf-8") == (REPO / "docs" / "reference" / "myob.md").read_text(encoding="utf-8")
    pages = {v: (REPO / "docs" / "reference" / f"{v}.md").read_text(encoding="utf-8") for v in catalog.vendors}
    for e in catalog.entries:
        m = explain(catalog, response_for(e)).errors[0]
        from errcat.explainer.identity import error_doc_url

        url = error_doc_url(m)
        assert url is not None, e.id
        page, anchor = url.rsplit("/", 1)[1].split("#")
        assert f'<a id="{anchor}"></a>' in pages[page.removesuffix(".md")], (e.id, url)


def test_doc_url_base_from_setting_and_environment(catalog, monkeypatch):
    paste = MYOB_25008.format(company=GUID, rid="r-1")
    monkeypatch.setenv(DOCS_URL_ENV, "https://docs.example.test/errcat/reference/")
    assert explain(catalog, paste).doc_url == "https://docs.example.test/errcat/reference/myob.md#25008"
    try:
        set_docs_url("https://intranet.example.test/ref")  # the setting outranks the environment
        assert explain(catalog, paste).doc_url == "https://intranet.example.test/ref/myob.md#25008"
    finally:
        set_docs_url(None)
    assert explain(catalog, paste).doc_url.startswith("https://docs.example.test/")


def test_no_doc_url_for_an_error_the_catalog_lacks(catalog):
    x = explain(catalog, 'HTTP/1.1 418\n\n{"code":"TEAPOT","message":"I am a teapot"}')
    assert x.doc_url is None and x.as_dict()["errors"][0]["doc_url"] is None
    assert FINGERPRINT.fullmatch(x.fingerprint)


@pytest.mark.parametrize(
    "paste, expected",
    [
        ("HTTP/1.1 422\nX-Request-Id: e25c3fd9c8f2296f16d5480429dbfa8f\n\n[]", "e25c3fd9c8f2296f16d5480429dbfa8f"),
        ("HTTP/1.1 500\nX-Correlation-ID: 0HN7R2K4L5M6\n\n{}", "0HN7R2K4L5M6"),
        ('HTTP/1.1 500\n\n{"code":"INTERNAL","message":"boom","requestId":"req_7Hk2Lm9Qp"}', "req_7Hk2Lm9Qp"),
        ('HTTP/1.1 500\n\n{"error":{"message":"boom","request_id":"a1b2-c3d4"}}', "a1b2-c3d4"),
        ('HTTP/1.1 400\n\n{"Errors":[{"Name":"Required","Message":"Date is required","ErrorCode":100}]}', None),
    ],
)
def test_request_id_from_header_or_body(catalog, paste, expected):
    assert explain(catalog, paste).request_id == expected


def test_a_request_id_that_was_a_secret_is_not_reported(catalog):
    """Redaction runs first: a value hidden as a credential is never handed out as a request id."""
    x = explain(catalog, "HTTP/1.1 401\nX-Request-Id: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl\n\n{}")
    assert x.request_id is None or "eyJ" not in x.request_id


def test_the_same_error_keeps_its_fingerprint_across_ids_and_wording(catalog):
    """MYOB 25008 from the full response, another company file, and the bare code: one fingerprint."""
    a = explain(catalog, MYOB_25008.format(company=GUID, rid="r-1")).fingerprint
    b = explain(catalog, MYOB_25008.format(company=str(uuid.uuid4()), rid="r-2")).fingerprint
    assert a == b == explain(catalog, "25008", vendor="myob").fingerprint
    other = MYOB_25008.replace("25008", "25003").replace("DatePriorToBeginningOfFinancialYear", "TransactionsCannotBeDeleted")
    assert explain(catalog, other.format(company=GUID, rid="r-1")).fingerprint != a


def test_fingerprint_ignores_order_and_repeats_of_the_errors_in_a_body(catalog):
    one = '{"Name":"Required","Message":"Date is required","ErrorCode":100}'
    two = (
        '{"Name":"TransactionsCannotBeDeleted","Message":"Transactions cannot be deleted and must be reversed","ErrorCode":25003}'
    )
    head = "HTTP/1.1 400\nContent-Type: application/json\n\n"
    ab = explain(catalog, head + f'{{"Errors":[{one},{two}]}}', vendor="myob").fingerprint
    ba = explain(catalog, head + f'{{"Errors":[{two},{one},{two}]}}', vendor="myob").fingerprint
    assert ab == ba
    assert ab != explain(catalog, head + f'{{"Errors":[{one}]}}', vendor="myob").fingerprint


def test_every_distinct_catalog_error_has_its_own_fingerprint(catalog):
    """Across the whole catalog: each error explained back from its entry gets one fingerprint, and no
    two distinct errors (guides, or status meanings) share one."""
    by_fingerprint: dict[str, set[str]] = {}
    by_error: dict[str, set[str]] = {}
    for e in catalog.entries:
        x = explain(catalog, response_for(e))
        m = x.errors[0]
        error = m.best.entry.guide_id if m.kind != "status" else f"{e.vendor} status {m.best.entry.status}"
        by_fingerprint.setdefault(x.fingerprint, set()).add(error)
        by_error.setdefault(error, set()).add(x.fingerprint)
    assert all(len(v) == 1 for v in by_fingerprint.values()), {k: v for k, v in by_fingerprint.items() if len(v) > 1}
    assert all(len(v) == 1 for v in by_error.values()), {k: v for k, v in by_error.items() if len(v) > 1}
    assert len(by_fingerprint) == len(by_error) > 150


# What may differ between two occurrences of one error: ids, numbers, amounts, dates, request ids.
ids = st.one_of(
    st.uuids().map(str),
    st.integers(1, 10**9).map(str),
    st.integers(1, 999_999).map(lambda n: f"INV-{n:06d}"),
    st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=8, max_size=24).map(lambda s: f"req_{s}1"),
)
amounts = st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False).map(str)
dates = st.datetimes().map(lambda d: d.isoformat(timespec="seconds") + "Z")
http_dates = st.datetimes().map(lambda d: d.strftime("%a, %d %b %Y %H:%M:%S GMT"))
variable = st.one_of(ids, amounts, dates)
# A slot glued to a word carries its own separator (InvoiceXpress's "Email{address}" stands for
# "Email: joe@"): a generated id glued to the word ("Email5f2a...") is no response anyone gets, and
# the secrets gate rightly hides such a token; those entries are filled with a separator instead.
ENTRIES = [e for e in CATALOG.entries if e.kind == "body"]


def _occurrence(e, company: str, rid: str, when: str, values: list[str]) -> str:
    """The entry's response as one occurrence would send it: its own company file, request id, date
    header, and slot values."""
    text = response_for(e).replace(GUID, company)
    text = re.sub(r"^(HTTP/1\.1 [^\n]*)$", rf"\1\nX-Request-Id: {rid}\nDate: {when}", text, count=1, flags=re.MULTILINE)
    if e.template and e.message:
        glued = {m.group(1) for m in re.finditer(r"\w\{(\w+)\}", e.template)}
        slots = {name: (f": {v}" if name in glued else v) for name, v in zip(slot_names(e.template), values, strict=False)}
        filled = fill(e.template, slots)
        text = text.replace(json.dumps(e.message)[1:-1], json.dumps(filled)[1:-1])
    return text


@SETTINGS
@given(
    st.sampled_from(ENTRIES),
    st.lists(st.tuples(st.uuids().map(str), ids, http_dates, st.lists(variable, min_size=3, max_size=3)), min_size=2, max_size=2),
)
def test_property_catalog_errors_keep_their_fingerprint_across_occurrences(e, occurrences):
    """Two occurrences of a catalogued error, differing only by ids, numbers, dates and request ids,
    share a fingerprint (and it is the one the entry's plain response gets)."""
    base = explain(CATALOG, response_for(e)).fingerprint
    for company, rid, when, values in occurrences:
        x = explain(CATALOG, _occurrence(e, company, rid, when, values))
        assert x.fingerprint == base, (e.id, x.errors[0].kind, x.errors[0].observed.message)


UNKNOWN_TEMPLATES = [
    "Invoice {} could not be posted: amount {} exceeds the limit",
    "Payment {} dated {} was rejected",
    "Something nobody documented {}",
]


@SETTINGS
@given(
    st.integers(0, len(UNKNOWN_TEMPLATES) - 1),
    st.lists(st.tuples(ids, st.lists(variable, min_size=2, max_size=2)), min_size=2, max_size=2),
)
def test_property_errors_the_catalog_lacks_are_named_by_their_masked_template(which, occurrences):
    """An undocumented MYOB error: vendor + status + its text with the varying parts masked."""
    prints = []
    for rid, values in occurrences:
        message = UNKNOWN_TEMPLATES[which].format(*values)
        body = json.dumps({"Errors": [{"Name": "BrandNewFailure", "Message": message, "ErrorCode": 99901}]})
        x = explain(
            CATALOG,
            f"POST https://arl2.api.myob.com/accountright/{GUID}/Sale/Invoice/Item\nHTTP/1.1 400\nX-Request-Id: {rid}\n\n{body}",
        )
        assert x.vendor == "myob" and x.errors[0].best is None
        prints.append(x.fingerprint)
    assert prints[0] == prints[1]
    others = {
        explain(
            CATALOG,
            f"POST https://arl2.api.myob.com/accountright/{GUID}/Sale/Invoice/Item\nHTTP/1.1 400\n\n"
            + json.dumps({"Errors": [{"Name": "BrandNewFailure", "Message": t.format("1", "2"), "ErrorCode": 99901}]}),
        ).fingerprint
        for i, t in enumerate(UNKNOWN_TEMPLATES)
        if i != which
    }
    assert prints[0] not in others and len(others) == len(UNKNOWN_TEMPLATES) - 1


@pytest.mark.parametrize(
    "a, b",
    [
        ("Invoice INV-000123 for 1,234.50 due 2026-11-19", "Invoice INV-998877 for 7.00 due 2025-01-02"),
        ("Request req_8f3kd92l failed at 12:03:44", "Request req_zz91kq00 failed at 23:59:01"),
        ("Contact 'Acme Pty Ltd' not found", 'Contact "Other Co" not found'),
        ("Mon, 29 Sep 2014 15:06:45 GMT: limit 500 reached", "Tue, 3 Feb 2026 01:02:03 GMT: limit 20 reached"),
        ("see https://x.example.test/a/b?id=9 or mail ops@example.test", "see https://y.example.test/q or mail a.b@example.test"),
        # short ids mixing letters and digits were masked digit by digit: "a<v>b<v>" and "z<v>y<v>", two groups
        ("Invoice #A1B2 for customer C-9 is locked", "Invoice #Z9Y8 for customer C-1 is locked"),
        ("Item X7Q on line 3B is out of stock", "Item B2K on line 12C is out of stock"),
    ],
)
def test_masked_templates_are_equal_for_occurrences(a, b):
    assert masked(a) == masked(b)


def test_masked_templates_keep_the_words_that_say_what_failed():
    assert masked("Invoice 12 could not be posted") != masked("Payment 12 could not be posted")
    # a message that is only a quoted text (two real InvoiceXpress-style lines): the quote is the error
    assert masked('422 "Item price must be positive"') != masked('DOC010 "Cliente não é válido"')


PASTES = REPO.parent / "shared" / "pastes" / "realworld-dev.jsonl"


@pytest.mark.skipif(not PASTES.is_file(), reason="the real-paste corpus (../shared/pastes) is not on this machine")
def test_real_pastes_share_a_fingerprint_only_when_they_are_one_error(catalog):
    """Real pastes (54 public reports): two share a fingerprint only when they are the same catalog
    error; each keeps its fingerprint when its UUIDs and ISO dates are replaced by others."""
    rows = [json.loads(line) for line in PASTES.read_text(encoding="utf-8").splitlines() if line.strip()]
    errors_by_print: dict[str, set[tuple]] = {}
    changed = 0
    for row in rows:
        x = explain(catalog, row["raw"])
        named = tuple(
            sorted({m.best.entry.guide_id if m.best and m.kind != "status" else f"text: {m.observed.message}" for m in x.errors})
        )
        errors_by_print.setdefault(x.fingerprint, set()).add(named)
        other = re.sub(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", lambda _: str(uuid.uuid4()), row["raw"])
        other = re.sub(r"\b20\d\d-\d\d-\d\d", "2031-02-03", other)
        if other != row["raw"]:
            changed += 1
            assert explain(catalog, other).fingerprint == x.fingerprint, row["id"]
    assert {k: v for k, v in errors_by_print.items() if len(v) > 1} == {}
    assert changed >= 4 and len(errors_by_print) < len(rows)  # the corpus really has repeats and ids to vary

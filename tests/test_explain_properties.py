"""Property-based tests: the paste parser and matcher never fail, never hang, never leak."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import errcat
from conftest import builtin_index
from errcat.errors import UsageError
from errcat.explainer import explain, explain_bytes
from errcat.explainer.envelopes import read_body
from errcat.explainer.match import _RANK, KINDS
from errcat.explainer.split import split
from errcat.render.jsondoc import explain_document
from errcat.render.markdown import explain_markdown
from errcat.render.text import explain_lines, plain
from errcat.templates import MAX_MATCH_LENGTH, fill, match, slot_names

CATALOG = builtin_index()  # the built-in catalog in memory, shared by the modules that need it at import
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Fragments people paste, recombined at random.
FRAGMENTS = [
    "HTTP/1.1 400 Bad Request",
    "HTTP/2 404",
    "> POST /accountright/abc/Sale/Invoice/Item HTTP/1.1",
    "< content-type: application/json",
    "Host: api.myob.com",
    "x-myobapi-version: v2",
    '{"Errors":[{"Name":"Required","Message":"Date is required","ErrorCode":100,"Severity":"Error"}]}',
    '[{"$severity":"error","$dataCode":"PathNotFound","$message":"The requested path is not found.","$source":"Gateway"}]',
    '{"errors":[{"error":["Client is invalid"]}]}',
    "<errors><error>Invalid state</error></errors>",
    '{"code":"BAD_REQUEST","message":"*** is not allowed."}',
    '"{\\"errors\\":[\\"Email is invalid\\"]}"',
    "requests.exceptions.HTTPError: 422 Client Error: Unprocessable Entity for url: https://acme.app.invoicexpress.com/x.json",
    "// ",
    "{",
    "[",
    '"',
    "\\",
    "}",
    "\r\n",
    "\n",
    "25008",
]

pastes = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=30), max_size=12).map("".join),
)


def _explain_or_refuse(text: str):
    try:
        return explain(CATALOG, text)
    except UsageError:
        assert not text.strip()
        return None


@SETTINGS
@given(pastes)
def test_any_paste_gives_an_answer(text):
    x = _explain_or_refuse(text)
    if x is None:
        return
    for m in x.errors:
        assert m.kind in KINDS
        assert 0.0 <= m.confidence <= 1.0
        order = [(_RANK[c.kind], c.raw) for c in m.candidates]  # strongest kind first, then most evidence
        assert order == sorted(order, reverse=True)
        assert all(0.0 <= c.score <= 1.0 for c in m.candidates)
    json.dumps(explain_document(x))
    explain_markdown(x)
    plain(explain_lines(x))


@SETTINGS
@given(st.binary(max_size=300))
def test_any_bytes_give_an_answer_or_a_clear_refusal(data):
    try:
        x = explain_bytes(CATALOG, data)
    except UsageError as exc:
        assert str(exc)
        return
    assert isinstance(x.errors, tuple) and all(m.kind in KINDS for m in x.errors)
    assert x.total_errors >= len(x.errors)
    plain(explain_lines(x))


SECRET = st.text(alphabet="ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789", min_size=12, max_size=40)


@SETTINGS
@given(SECRET, st.sampled_from(["Authorization: Bearer {}", "x-myobapi-key: {}", "x-myobapi-cftoken: {}", "Cookie: sid={}"]))
def test_header_secrets_never_reach_output(secret, header):
    paste = f"GET https://api.myob.com/accountright/\n{header.format(secret)}\n\nHTTP/1.1 401\n\n{{}}"
    x = explain(CATALOG, paste)
    out = json.dumps(explain_document(x)) + explain_markdown(x) + plain(explain_lines(x))
    assert secret not in out


@SETTINGS
@given(
    SECRET,
    st.sampled_from(["api_key", "access_token", "refresh_token", "client_secret", "password", "token"]),
    st.sampled_from(
        [
            "?{k}={v}",
            "?x=1&{k}={v}",
            '\n{{"{k}": "{v}"}}',
            "\n{k}={v}&x=1",
            "\n{{'{k}': '{v}'}}",
            '\n"{{\\"{k}\\": \\"{v}\\"}}"',
            "\n<{k}>{v}</{k}>",
        ]
    ),
)
def test_parameter_secrets_never_reach_output(secret, key, form):
    paste = "POST https://acme.app.invoicexpress.com/clients.json" + form.format(k=key, v=secret) + "\nHTTP/1.1 422\n"
    x = explain(CATALOG, paste)
    out = json.dumps(explain_document(x)) + explain_markdown(x) + plain(explain_lines(x))
    assert secret not in out


HOSTILE = " ais required{}[]x."  # near-misses of the templates' words: the worst case for backtracking


def _bare(text: str) -> str:
    return "".join(text.split()).lower()  # templates match case-blind and whitespace-tolerant


@SETTINGS
@given(st.text(alphabet=HOSTILE, max_size=3000), st.text(alphabet=HOSTILE, max_size=900))
def test_template_matching_on_hostile_text_finds_exactly_the_instances(text, value):
    """Text made of a template's own words matches only when it is an instance (its slots fill the
    template back to the text), and every instance matches; over the length cap nothing does.
    No timing here (machine noise): a catastrophically backtracking pattern would hang this test."""
    value = value.strip() or "x"
    for template in ("{field} is required", "Invoices[{index}] is required", "The request method {method} is not supported."):
        slots = match(template, text)
        if slots is not None:
            assert len(text.strip()) <= MAX_MATCH_LENGTH
            assert _bare(fill(template, slots)) == _bare(text), (template, slots)
        instance = fill(template, dict.fromkeys(slot_names(template), value))
        found = match(template, instance)
        assert found is not None, (template, instance)
        assert _bare(fill(template, found)) == _bare(instance)


@SETTINGS
@given(pastes)
def test_split_and_read_never_raise(text):
    ex = split(text)
    assert ex.status is None or 100 <= ex.status <= 599
    reading = read_body(ex.body)
    assert len(reading.errors) <= reading.total


NAME_PIECES = ["MYOB", "myob", "Exo", "EXO API", "exo.business", "AccountRight", "sage", "Sage One", "SAGE_200", "sage-x3",
               "Sage Business Cloud", "sagebrush", "Intacct", "acumatica", "MYOB Advanced", "/sdata/", "InvoiceXpress",
               "invoice xpress", "ProSpend", "x-myobapi-exotoken", " ", "-", "_", ".", "/", "s", "a", "ge", "1", "0"]  # fmt: skip


@SETTINGS
@given(st.lists(st.sampled_from(NAME_PIECES), max_size=12))
def test_a_name_pattern_finds_what_its_full_search_finds(pieces):
    """clues_for tests a vendor's or product's names for strings every match must hold before it
    searches; the test only skips searches, never changes what is found."""
    from errcat.explainer.evidence import facts_for

    facts = facts_for(CATALOG)
    text = "".join(pieces)
    patterns = [*facts.mentions.values(), *(p for _, _, p in facts.others)]
    assert all(p.needles for p in patterns)  # every built-in name pattern has strings to test first
    assert all(p.lowered for p in patterns)  # and a case-sensitive twin for lower-cased text
    for p in patterns:
        expected = p.pattern.search(text)
        assert p.search(text, text.lower()) == (expected and expected.group(0)), (p.pattern.pattern, text)


def test_a_name_pattern_searches_whatever_it_cannot_reduce_and_text_that_is_not_ascii():
    from errcat.explainer.evidence import NamePattern

    assert NamePattern.of(r"[a-z]+x\d").needles is None
    assert NamePattern.of(r"(?!sage)sa\w+").needles is None  # literals inside a lookahead are not required
    assert NamePattern.of(r"myob[ _-]?exo").needles == (("myob", "exo"),)  # both, not the commoner alone
    # lower-cased text would never match these as written: no lower-case twin, the text searched as it is
    for upper, in_capitals in ((r"Sage", "SAGE"), (r"[A-Z]age", "SAGE"), (r"(?-i:sage)", None)):
        assert NamePattern.of(upper).lowered is None
        assert NamePattern.of(upper).search("SAGE", "sage") == in_capitals  # (?-i:...) keeps its case either way
        assert NamePattern.of(upper).search("Sage", "sage") == (in_capitals and "Sage")
    long_s = NamePattern.of(r"\bsage\b")  # case-blind, the long s pairs with s; lower() keeps it apart
    assert long_s.needles == (("sage",),)
    assert long_s.search("\u017fage", None) == "\u017fage"
    assert long_s.search("Sage One", "sage one") == "Sage"  # the name as written, not lower-cased


# Ways logs state a status and MYOB's vocabulary, with letters re pairs case-blind where lower() does not
LITERAL_PIECES = ["status", "\u017ftatus", "Status Code", "HTTP", "http_code", "response-code", " -> ", "=>", "\u2192",
                  "(404)", " Not Found", "<Response [500]>", " Client Error", "failed with", "returned", "error",
                  "400", "422", "503", ":", "=", " ", "\n", "'", '"', "\u212a", "\u0131", "CommonRules_StringRequired",
                  "SaleEvent_CreditOnHold", "Customer:(Contact)", "sme-sales", "_", ":(", "X-", "x-myobapi-key"]  # fmt: skip


@SETTINGS
@given(st.lists(st.sampled_from(LITERAL_PIECES), max_size=14))
def test_a_literal_test_skips_only_searches_that_cannot_match(pieces):
    """split and clues_for look for a literal every match holds before they run a regex; the
    test only skips searches, never changes what is found (case-blind ones: on ASCII text only)."""
    from errcat.explainer.evidence import _ANY_HEADER, _VOCABULARY
    from errcat.explainer.split import _STATUS_PATTERNS

    text = "".join(pieces)
    for pattern, words in _STATUS_PATTERNS:
        if pattern.search(text) and text.isascii():
            assert any(w in text.lower() for w in words), (pattern.pattern, text)
    for pattern, needle in _VOCABULARY:
        assert not pattern.search(text) or needle in text, (pattern.pattern, text)
    assert not _ANY_HEADER.search(text) or "x-" in text or "X-" in text


@pytest.mark.parametrize("whole", [False, True])
def test_the_templates_kept_per_word_are_what_the_index_holds(monkeypatch, whole):
    """templates_for keeps each word's templates, read by word up to a bound, or all at once when
    the catalog has few (``whole``): its answer is what SQL answers, also when the bound is
    reached in the middle of a question."""
    from errcat.index import store

    monkeypatch.setattr(store, "TEMPLATES_WHOLE_MAX", 1000 if whole else 0)
    index = errcat.ErrorCatalog.from_catalog(errcat.load_catalog(use_env=False)).index  # caches of its own
    words = sorted({w for (w,) in index.rows("SELECT DISTINCT word FROM templates") if w})
    assert len(words) > 10
    monkeypatch.setattr(store, "TEMPLATE_WORDS_MAX", 5)
    sql = f"SELECT pos, {store._TEMPLATE_COLUMNS} FROM templates WHERE word IN ({{marks}})"
    for i in range(0, len(words), 3):
        asked = {*words[i : i + 4], "nosuchword"}
        rows = sorted(set(index._rows_in(sql, ["", *sorted(asked)])))
        assert index.templates_for(asked) == [store.TemplateRow(v, t, n, bool(b), bool(lead)) for _, v, t, n, b, lead in rows]
        if not whole:
            assert len(index._template_words) <= max(5, len(asked) + 1)
    assert whole is index._templates_whole

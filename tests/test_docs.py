"""`errcat docs`: pages parsed with a real markdown parser equal the catalog; check, atomicity."""

from __future__ import annotations

import functools
import json
import re

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

import errcat
from conftest import REPO
from errcat import docs as reference
from errcat.docs import GENERATED_NOTE
from errcat.render.text import where

PARSER = MarkdownIt("commonmark").enable("table")


@functools.lru_cache(maxsize=16)
def parsed(markdown: str) -> list[Token]:
    """A page's tokens, parsed once (read, never changed): the tests parsed the same five pages about thirty times,
    a third of a second each for myob.md."""
    return PARSER.parse(markdown)


def tables(markdown: str) -> list[tuple[list[str], list[list[str]]]]:
    """Every table as (header cells, body rows), each cell the text a reader sees."""
    tokens = parsed(markdown)
    out, header, rows, row, in_head = [], [], [], [], False
    for i, tok in enumerate(tokens):
        if tok.type == "table_open":
            header, rows = [], []
        elif tok.type == "thead_open":
            in_head = True
        elif tok.type == "thead_close":
            in_head = False
        elif tok.type == "tr_open":
            row = []
        elif tok.type == "inline" and tokens[i - 1].type in ("th_open", "td_open"):
            row.append(_text(tok))
        elif tok.type == "tr_close":
            (header.extend(row) if in_head else rows.append(row))
        elif tok.type == "table_close":
            out.append((header, rows))
    return out


def _text(inline) -> str:
    parts = []
    for child in inline.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak") or (child.type == "html_inline" and child.content.startswith("<br")):
            parts.append("\n")
        elif child.type == "html_inline" and child.content.startswith("<wbr"):
            parts.append("\u200b")  # a break opportunity: nothing a reader sees
    return "".join(parts)


def text_of(value) -> str:
    return "" if value is None else str(value)


VENDORS = ["myob", "sage", "invoicexpress", "prospend"]
HTML = MarkdownIt("commonmark", {"html": True}).enable("table")


@pytest.fixture(scope="module")
def pages(catalog) -> dict[str, str]:
    """The built-in catalog's pages, generated once for the tests that only read them (generate is
    vendor_page for each vendor and index_page): about a second each time on a 2-core machine."""
    return reference.generate(catalog)


@pytest.fixture(scope="module")
def page_ids(pages) -> dict[str, set[str]]:
    """Each page's anchors, parsed once: every link on every page is checked against them."""
    return {n: _ids(p) for n, p in pages.items()}


def inline_texts(markdown: str) -> list[str]:
    """The text of every paragraph, list item, heading and table cell, as a reader sees it."""
    return [_text(tok) for tok in parsed(markdown) if tok.type == "inline"]


def endpoint_rows(page: str) -> list[dict[str, str]]:
    return [dict(zip(header, row, strict=True)) for header, rows in tables(page) if header[-1:] == ["Error"] for row in rows]


@pytest.mark.parametrize("vendor", VENDORS)
def test_every_row_is_on_its_endpoints_table_with_its_methods_and_scenario(catalog, pages, vendor):
    page = pages[f"{vendor}.md"]
    seen = endpoint_rows(page)
    entries = [e for e in catalog.entries if e.vendor == vendor and not e.observed]  # observed: a section of their own
    assert len(seen) == len(entries)
    for e in entries:  # each entry takes one row whose shown columns all agree with it
        want = {"Method(s)": ", ".join(e.methods), "Scenario": e.scenario}
        match = next(r for r in seen if all(r[k] == v for k, v in want.items() if k in r))
        seen.remove(match)


@pytest.mark.parametrize("vendor", VENDORS)
def test_every_documented_message_appears_verbatim(catalog, pages, vendor):
    texts = inline_texts(pages[f"{vendor}.md"])
    for e in catalog.entries:
        if e.vendor == vendor and e.message is not None:
            assert any(e.message in t.replace("\u200b", "") for t in texts), e.message


@pytest.mark.parametrize("vendor", VENDORS)
def test_lookup_table_leaves_out_columns_the_vendor_never_fills(catalog, pages, vendor):
    header, rows = tables(pages[f"{vendor}.md"])[0]
    documented = [e for e in catalog.entries if e.vendor == vendor and not e.observed]
    has = {"Code": any(e.code is not None for e in documented), "Name": any(e.name for e in documented)}
    assert header == ["Status", *(k for k, v in has.items() if v), "Message"]
    assert len(rows) >= len({e.message for e in documented if e.message})


def test_lookup_table_pairs_each_message_only_with_names_its_rows_give_it(catalog, pages):
    """MYOB's ErrorCode 100 is Required on every row but one, whose body is QuantityRequired with "BillQuantity is
    required": a reader scanning for a message must not be told it comes with a name no documented row gives it."""
    header, rows = tables(pages["myob.md"])[0]
    name_at, message_at = header.index("Name"), header.index("Message")
    documented = [e for e in catalog.entries if e.vendor == "myob" and not e.observed and e.message]
    seen = {}
    for row in rows:
        message = row[message_at].replace("\u200b", "")
        given = {e.name for e in documented if e.name and e.message == message}
        if given:  # a shortened message (…) is left to the test of verbatim messages
            seen[message] = set(row[name_at].replace("\u200b", "").split(" / "))
            assert seen[message] <= given, (message, seen[message], given)
    assert seen["BillQuantity is required"] == {"QuantityRequired"}
    assert seen["[Field] is required"] == {"Required"}
    assert len(seen) > 60


@pytest.mark.parametrize("name", ["index.md", *(f"{v}.md" for v in VENDORS)])
def test_every_table_column_has_content_and_fits_a_narrow_column(pages, name):
    page = pages[name]
    for header, rows in tables(page):
        for i, title in enumerate(header):
            assert any(r[i].strip() not in ("", "—") for r in rows), f"{name}: column {title!r} is empty"
        # the widest word each column must hold (a <wbr> is a break): together they set how
        # narrow the table can get; 80 characters is about 720 px, the column at an 800 px window
        widest = [max(len(w) for r in rows for w in re.split(r"[ \n\u200b]", r[i]) or [""]) for i in range(len(header))]
        assert sum(widest) <= 80, (name, header, widest)
        assert all(len(cell) <= 240 for r in rows for cell in r), (name, header)


@pytest.mark.parametrize("name", ["index.md", *(f"{v}.md" for v in VENDORS)])
def test_headings_are_unique_and_every_link_resolves(pages, page_ids, name):
    tokens = parsed(pages[name])
    headings = [_text(t) for i, t in enumerate(tokens) if t.type == "inline" and tokens[i - 1].type == "heading_open"]
    assert len(headings) == len(set(headings)), [h for h in headings if headings.count(h) > 1]
    for href in re.findall(r'href="([^"]+)"', HTML.render(pages[name])):
        if href.startswith("https://"):  # a source page: well formed, not fetched
            assert " " not in href and "." in href.split("/")[2]
            continue
        page, _, fragment = href.partition("#")
        target = page or name
        assert target in pages, href
        assert not fragment or fragment in page_ids[target], f"{name}: {href} leads nowhere"


def _ids(markdown: str) -> set[str]:
    """Explicit anchors, and GitHub's anchor for each heading."""
    found = set(re.findall(r'<a id="([^"]+)"></a>', markdown))
    tokens = parsed(markdown)
    for i, tok in enumerate(tokens):
        if tok.type == "inline" and tokens[i - 1].type == "heading_open":
            found.add(re.sub(r"[^\w\- ]", "", _text(tok).lower()).replace(" ", "-"))
    return found


def test_headings_that_shared_a_name_now_differ(pages):
    myob = pages["myob.md"]
    assert "### HTTP 403 · RateLimitError — API key has exceeded the daily rate limit" in myob
    assert "### HTTP 400 · 100 QuantityRequired / Required" in myob
    prospend = [line for line in pages["prospend.md"].splitlines() if line.startswith("### HTTP 400 · BAD")]
    assert len(prospend) == len(set(prospend)) == 5


def test_a_code_several_errors_share_is_said_to_be_shared_in_each_of_their_sections(pages):
    """A reader holding only ProSpend's BAD_REQUEST (or Sage's observed ValidationError) must learn the code
    names five (twelve) errors, not the one whose section they landed on."""
    prospend = pages["prospend.md"].split("<a id=")
    bad = [s for s in prospend if "### HTTP 400 · BAD" in s]
    assert len(bad) == 5
    assert all("**Shared code:** 5 documented errors carry code `BAD_REQUEST`" in s for s in bad)
    assert all(s.count("](#bad-request.") == 4 for s in bad)  # the other four, linked
    unique = next(s for s in prospend if "### HTTP 401 · UNAUTHORIZED" in s)
    assert "Shared code" not in unique
    sage = pages["sage.md"].split("<a id=")
    blank = next(s for s in sage if s.startswith('"observed.field-blank"'))
    assert "errors seen in the wild carry code `ValidationError`" in blank


def test_a_documented_errors_explanation_and_rating_are_marked_as_errcats_not_the_vendors(pages):
    """The page gives the vendor's row (status, message, scenario) beside errcat's explanation of it; a reader must
    tell which is which: the summary and the retry/who-acts line say they are errcat's, as the page's intro does."""
    page = pages["myob.md"]
    section = page.split('<a id="25008"></a>')[1].split("<a id=")[0]
    assert "who acts: [end-user](index.md#legend)  \\[errcat's reading\\]" in section
    assert "current financial year.  \\[errcat's reading of the document\\]\n\n**Likely causes**" in section
    assert "each error's summary, causes, fix, retry and who acts are errcat's reading of it" in page.split("## ")[0]
    legend = pages["index.md"].split("## Legend")[1]
    assert "errcat's rating of each error" in legend and "not a field any vendor sends" in legend


@pytest.mark.parametrize("vendor", VENDORS)
def test_the_intro_gives_the_document_only_what_is_its_own(catalog, pages, vendor):
    """Quirks ('the document gives the status as 504 Timeout', 'Germani ... errcat reads it as a misspelling') and
    inferred sections are errcat's notes on the document, not the document's words: the intro must not say otherwise."""
    intro = pages[f"{vendor}.md"].split("## ")[0]
    assert "quirks are the document's" not in intro
    assert "Status, code, name, message and scenario are the document's" in intro
    assert "quirks are errcat's notes on where the document departs" in intro
    inferred = any(e.inferred for e in catalog.entries if e.vendor == vendor)
    assert ("marked inferred is errcat's reading" in intro) is inferred  # InvoiceXpress's lost headings only


def test_each_error_section_says_where_it_is_raised_and_links_back(pages):
    page = pages["myob.md"]
    section = page.split('<a id="25008"></a>')[1].split("<a id=")[0]
    assert "retry [`after-fix`](index.md#legend)" in section and "who acts: [end-user](index.md#legend)" in section
    assert "**Raised by** (11 documented rows)" in section
    assert "[/Sale/Order/Item](#endpoint-sale-order-item)" in section
    assert "](#25008)" in page.split('<a id="endpoint-sale-order-item"></a>')[1].split("<a id=")[0]


@pytest.mark.parametrize("vendor", ["myob", "sage", "invoicexpress", "prospend"])
def test_sample_responses_are_the_vendors_envelope_and_explain_as_their_own_error(pages, vendor):
    from errcat.explainer import explain

    page = pages[f"{vendor}.md"]
    samples = re.findall(r'<a id="([^"]+)"></a>(?:(?!<a id=).)*?```json\n(.*?)\n```', page, re.DOTALL)
    assert samples
    index = errcat.open_catalog(use_env=False).index
    for frag, body in samples:
        json.loads(body)
        x = explain(index, body, vendor=vendor)
        best = x.errors[0].best
        assert x.errors[0].kind in ("exact", "template", "code") and best is not None, (frag, body)
        assert reference.anchor(best.entry.guide_id, vendor) == frag, (frag, body)


def test_myob_samples_show_the_documents_body_not_the_envelopes_placeholders(pages):
    """A "documented body" sample is the row's body as MYOB's document prints it: "ErrorCode" : null stays null (the
    envelope's 0 is no code MYOB gave), a key the body leaves out (AccessDenied's Name and Severity, LearnMore on most
    rows) is left out, not shown as "..."."""
    page = pages["myob.md"]
    samples = dict(re.findall(r'<a id="([^"]+)"></a>(?:(?!<a id=).)*?```json\n(.*?)\n```', page, re.DOTALL))
    bodies = {frag: json.loads(body) for frag, body in samples.items()}
    assert len(bodies) > 60
    assert all("..." not in body.values() for body in bodies.values()), [f for f, b in bodies.items() if "..." in b.values()]
    assert bodies["gateway-timeout"]["ErrorCode"] is None and "AdditionalDetails" not in bodies["gateway-timeout"]
    assert bodies["access-denied"] == {"Message": "You are not authorised to access this resource", "ErrorCode": "AccessDenied"}
    assert bodies["111"]["AdditionalDetails"] is None and bodies["111"]["LearnMore"] == "[Documentation URI]"
    assert sum("LearnMore" in b for b in bodies.values()) < 10


@pytest.mark.parametrize("vendor", VENDORS)
def test_no_sample_shows_a_placeholder_where_the_catalog_holds_the_value(pages, vendor):
    """Sage's documented bodies print "$source": "Authorization" / "Gateway"; a sample showing "..." there hid what the
    document gives (the envelope's $source was not filled from the entry)."""
    samples = re.findall(r'<a id="([^"]+)"></a>(?:(?!<a id=).)*?```json\n(.*?)\n```', pages[f"{vendor}.md"], re.DOTALL)
    assert samples
    assert not [frag for frag, body in samples if '"..."' in body]
    if vendor == "sage":
        sources = {frag: json.loads(body)[0]["$source"] for frag, body in samples}
        assert sources == {
            "access-token-expired-error": "Authorization",
            "path-not-found": "Gateway",
            "method-not-allowed": "Gateway",
        }


def test_placeholders_survive_rendering(pages):
    page = pages["prospend.md"]
    cells = [c for _, rows in tables(page) for r in rows for c in r]
    for message in (
        "*** is not allowed.",
        "Invalid number format - <Error Message>",
        "An unexpected error occurred. <Error Message>",
    ):
        assert message in cells


def test_hostile_messages_are_escaped(tmp_path):
    hostile = "Pipe | back\\slash `tick` <b>bold</b> *star* [link](x)\nsecond line"
    overlay = tmp_path / "evil.yaml"
    overlay.write_text(
        "errcat: 1\nvendor: {id: evil, name: Evil API}\n"
        "guides:\n  evil.x:\n    summary: s\n    causes: [c]\n    fix: f\n    retry: after-fix\n    actor: integrator\n"
        f"entries:\n  - {{id: evil.x, vendor: evil, endpoint: /things, methods: [GET], scenario: {json.dumps(hostile)}, status: 400,"
        f" code: null, name: null, message: {json.dumps(hostile)}, severity: error, guide: evil.x, source: {{document: d}}}}\n"
    )
    catalog = errcat.ErrorCatalog.from_catalog(errcat.load_catalog([overlay], builtin=False, use_env=False)).index
    page = reference.vendor_page(catalog, "evil")
    assert hostile in inline_texts(page) or any(hostile in t for t in inline_texts(page))  # the message, whole
    ((header, rows),) = [t for t in tables(page) if t[0][-1:] == ["Error"]]
    assert rows[0][header.index("Scenario")] == hostile and len(rows[0]) == len(header)
    assert "<b>" not in HTML.render(page)


def test_index_puts_the_same_failure_side_by_side(pages):
    page = pages["index.md"]
    ((header, rows),) = [t for t in tables(page) if t[0][:1] == ["Failure"]]
    assert header == ["Failure", "InvoiceXpress", "MYOB", "ProSpend", "Sage"]
    rate = {
        h: c.replace("\u200b", "") for h, c in zip(header, next(r for r in rows if r[0].startswith("Rate limited")), strict=True)
    }
    assert rate["MYOB"].startswith("403 RateLimitError") and rate["Sage"].startswith("429 Too Many Requests")
    assert "wait-for-reset" in rate["Sage"]


def test_legend_defines_every_value_the_schema_allows_and_export_carries_it(catalog, pages, cli):
    from errcat.legend import ACTOR, RETRY

    schema = json.loads((REPO / "catalog" / "schema" / "errcat-catalog.schema.json").read_text())
    guide = schema["$defs"]["guide"]["properties"]
    assert set(RETRY) == set(guide["retry"]["enum"]) and set(ACTOR) == set(guide["actor"]["enum"])
    ((_header, rows),) = [t for t in tables(pages["index.md"]) if t[0] == ["Value", "Meaning"] and t[1][0][0] == "after-fix"]
    assert [r[0] for r in rows] == list(RETRY)
    exported = json.loads(cli("export", "--format", "json").stdout)
    assert exported["legend"]["retry"] == RETRY and exported["legend"]["actor"] == ACTOR


def test_endpoint_sections_generic_first(pages):
    page = pages["myob.md"]
    endpoints = page.split("## Endpoints\n")[1]
    headings = [line for line in endpoints.splitlines() if line.startswith("### ")]
    assert headings[0] == "### All endpoints (generic errors)"
    assert "### /Sale/Invoice/Item" in headings


def test_anchors_are_stable_across_unrelated_edits(pages, tmp_path):
    before = pages["myob.md"]
    assert '<a id="25008"></a>' in before and "](#25008)" in before
    overlay = tmp_path / "more.yaml"
    overlay.write_text(
        "errcat: 1\nvendor: {id: myob}\nentries:\n  - {id: myob.aaa.first, vendor: myob, endpoint: null, methods: [GET],"
        " scenario: s, status: 400, code: 1, name: Zero, message: m, severity: error, guide: myob.100, source: {document: d}}\n"
    )
    after = reference.vendor_page(errcat.ErrorCatalog.from_catalog(errcat.load_catalog([overlay], use_env=False)).index, "myob")
    anchors = lambda text: [line for line in text.splitlines() if line.startswith("<a id=")]  # noqa: E731
    assert anchors(before) == anchors(after)


def test_output_is_deterministic(catalog, pages):
    assert pages == reference.generate(errcat.ErrorCatalog.from_catalog(errcat.load_catalog(use_env=False)).index)


def test_committed_pages_are_fresh(cli):
    result = cli("docs", "--check", "--out", str(REPO / "docs" / "reference"))
    assert result.exit_code == 0, result.stderr


def test_check_catches_a_hand_edit_and_an_orphan(cli, tmp_path):
    out = tmp_path / "ref"
    assert cli("docs", "--out", str(out)).exit_code == 0
    assert cli("docs", "--check", "--out", str(out)).exit_code == 0
    page = out / "sage.md"
    page.write_text(page.read_text().replace("Your Access token has expired.", "Your token expired."))
    (out / "oldvendor.md").write_text(GENERATED_NOTE + "\n# A vendor no longer in the catalog\n")  # generated once
    result = cli("docs", "--check", "--out", str(out))
    assert result.exit_code == 1
    assert f"stale: {page}" in result.stderr and "Your token expired." in result.stderr
    assert "orphan:" in result.stderr and "oldvendor.md" in result.stderr
    assert cli("docs", "--out", str(out), "--prune").exit_code == 0
    assert not (out / "oldvendor.md").exists()
    assert cli("docs", "--check", "--out", str(out)).exit_code == 0


def test_failure_leaves_previous_pages_intact(cli, tmp_path):
    out = tmp_path / "ref"
    cli("docs", "--out", str(out))
    before = {p.name: p.read_text() for p in out.iterdir()}
    bad = tmp_path / "bad.yaml"
    bad.write_text("errcat: 1\nvendor: {id: myob}\nentries: [\n")
    result = cli("docs", "--out", str(out), "--catalog", str(bad))
    assert result.exit_code == 3
    assert {p.name: p.read_text() for p in out.iterdir()} == before


def test_unwritable_destination_is_a_clear_error(cli, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder\n")
    result = cli("docs", "--out", str(blocker / "ref"))
    assert result.exit_code == 2 and "cannot write pages" in result.stderr
    assert "Traceback" not in result.output and blocker.read_text() == "not a folder\n"


def test_write_error_keeps_every_old_page_and_leaves_no_temp_files(catalog, tmp_path):
    """A real write failure part-way: a file-size limit (RLIMIT_FSIZE) the first changed page fits
    under and the second does not, as a disk that fills up while the pages are written."""
    resource = pytest.importorskip("resource", reason="file-size limits need a POSIX system")
    import signal

    out = tmp_path / "ref"
    reference.write(catalog, out)
    assert len((out / "invoicexpress.md").read_bytes()) < 100_000 < len((out / "myob.md").read_bytes())
    (out / "invoicexpress.md").write_text("old invoicexpress\n")
    (out / "myob.md").write_text("old myob\n")
    before = {p.name: p.read_text() for p in out.iterdir()}
    limits = resource.getrlimit(resource.RLIMIT_FSIZE)
    handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write over the limit fails with EFBIG instead
    try:
        resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, limits[1]))
        with pytest.raises(errcat.ErrcatError, match="File too large"):
            reference.write(catalog, out)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, limits)
        signal.signal(signal.SIGXFSZ, handler)
    after = {p.name: p.read_text() for p in out.iterdir()}
    assert after == before  # the page that was written is not renamed in; no temporary file is left


def test_markdown_format_of_lookup_reuses_the_page_renderer(cli):
    from errcat.render import markdown

    out = cli("lookup", "25008", "--format", "markdown").stdout
    assert markdown.table.__module__ == "errcat.render.markdown"
    ((header, rows),) = [t for t in tables(out) if t[0][:1] == ["Endpoint"]]
    assert header == markdown.ROW_HEADERS and len(rows) == 11


def test_where_labels(catalog):
    assert where(catalog.by_id["myob.generic.gateway-timeout"]) == "(all endpoints)"


def test_a_page_that_is_not_utf8_is_stale_not_a_traceback(cli, tmp_path):
    out = tmp_path / "pages"
    out.mkdir()
    (out / "myob.md").write_bytes(b"\xff\xfe not utf-8")
    r = cli("docs", "--check", "--out", str(out))
    assert r.exit_code == 1 and "Traceback" not in r.output
    r = cli("docs", "--out", str(out))
    assert r.exit_code == 0 and (out / "myob.md").read_text(encoding="utf-8").startswith("<!--")


def test_an_error_without_a_message_is_named_by_its_scenario_in_brackets_on_every_page(pages):
    """Sage's 401 causes have no body: their headings, endpoint cells and the index's cells show the documented
    scenario in brackets, closed even where it is cut, so no reader takes it for a message Sage sends."""
    sage = pages["sage.md"]
    assert "### HTTP 401 · (The token was revoked.)\n" in sage
    assert "### HTTP 401 · (The client application has read only access, but is conducting a…)\n" in sage
    index = pages["index.md"]
    assert "401 [(The token was revoked.)](sage.md#unauthorized.the-token-was-revoked)" in index
    assert "[(The token is invalid…)](sage.md#" in index

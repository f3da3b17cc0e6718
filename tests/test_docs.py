"""`errcat docs`: pages parsed with a real markdown parser equal the catalog; check, atomicity."""

from __future__ import annotations

import os

import pytest
from markdown_it import MarkdownIt

import errcat
from conftest import REPO
from errcat import docs as reference
from errcat.render.text import where

PARSER = MarkdownIt("commonmark").enable("table")


def tables(markdown: str) -> list[tuple[list[str], list[list[str]]]]:
    """Every table as (header cells, body rows), each cell the text a reader sees."""
    tokens = PARSER.parse(markdown)
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
    return "".join(parts)


def text_of(value) -> str:
    return "" if value is None else str(value)


@pytest.mark.parametrize("vendor", ["myob", "sage", "invoicexpress", "prospend"])
def test_every_row_of_every_vendor_page_equals_the_catalog(catalog, vendor):
    page = reference.vendor_page(catalog, vendor)
    expected = [
        [
            ", ".join(e.methods),
            e.scenario,
            e.source.status_text or str(e.status),  # the status as the document prints it
            text_of(e.code),
            text_of(e.name),
            text_of(e.message),
            text_of(e.vendor_severity or e.severity),  # and the severity as the vendor spells it
        ]
        for e in catalog.entries
        if e.vendor == vendor
    ]
    seen = []
    for header, rows in tables(page):
        if header[:3] == ["Method(s)", "Scenario", "Status"]:
            seen += [r[:7] for r in rows]
    assert sorted(map(tuple, seen)) == sorted(map(tuple, expected))  # grouped by endpoint on the page


def test_endpoint_sections_generic_first(catalog):
    page = reference.vendor_page(catalog, "myob")
    headings = [line for line in page.splitlines() if line.startswith("### ")]
    assert headings[0] == "### All endpoints (generic errors)"
    assert "### /Sale/Invoice/Item" in headings


def test_placeholders_survive_rendering(catalog):
    page = reference.vendor_page(catalog, "prospend")
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
    import json

    overlay.write_text(
        "errcat: 1\nvendor: {id: evil, name: Evil API}\n"
        "guides:\n  evil.x:\n    summary: s\n    causes: [c]\n    fix: f\n    retry: after-fix\n    actor: integrator\n"
        f"entries:\n  - {{id: evil.x, vendor: evil, endpoint: null, methods: [GET], scenario: {json.dumps(hostile)}, status: 400,"
        f" code: null, name: null, message: {json.dumps(hostile)}, severity: error, guide: evil.x, source: {{document: d}}}}\n"
    )
    catalog = errcat.load_catalog([overlay], builtin=False, use_env=False)
    ((header, rows),) = [t for t in tables(reference.vendor_page(catalog, "evil")) if t[0][0] == "Method(s)"]
    assert rows[0][1] == hostile and rows[0][5] == hostile
    assert len(rows[0]) == len(header)


def test_anchors_are_stable_across_unrelated_edits(catalog, tmp_path):
    before = reference.vendor_page(catalog, "myob")
    assert '<a id="25008"></a>' in before and "](#25008)" in before
    overlay = tmp_path / "more.yaml"
    overlay.write_text(
        "errcat: 1\nvendor: {id: myob}\nentries:\n  - {id: myob.aaa.first, vendor: myob, endpoint: null, methods: [GET],"
        " scenario: s, status: 400, code: 1, name: Zero, message: m, severity: error, guide: myob.100, source: {document: d}}\n"
    )
    after = reference.vendor_page(errcat.load_catalog([overlay], use_env=False), "myob")
    anchors = lambda text: [line for line in text.splitlines() if line.startswith("<a id=")]  # noqa: E731
    assert anchors(before) == anchors(after)


def test_output_is_deterministic(catalog):
    assert reference.generate(catalog) == reference.generate(errcat.load_catalog(use_env=False))


def test_committed_pages_are_fresh(cli):
    result = cli("docs", "--check", "--out", str(REPO / "docs" / "reference"))
    assert result.exit_code == 0, result.stderr


def test_check_catches_a_hand_edit_and_an_orphan(cli, tmp_path):
    out = tmp_path / "ref"
    assert cli("docs", "--out", str(out)).exit_code == 0
    assert cli("docs", "--check", "--out", str(out)).exit_code == 0
    page = out / "sage.md"
    page.write_text(page.read_text().replace("Your Access token has expired.", "Your token expired."))
    (out / "oldvendor.md").write_text("# gone\n")
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


def test_write_error_keeps_every_old_page_and_leaves_no_temp_files(catalog, tmp_path, monkeypatch):
    out = tmp_path / "ref"
    reference.write(catalog, out)
    (out / "myob.md").write_text("old myob\n")
    (out / "sage.md").write_text("old sage\n")
    before = {p.name: p.read_text() for p in out.iterdir()}
    real_fdopen = os.fdopen
    opened = []

    def failing_fdopen(fd, *args, **kwargs):
        opened.append(fd)
        if len(opened) == 2:  # the second page hits a full disk
            os.close(fd)
            raise OSError(28, "No space left on device")
        return real_fdopen(fd, *args, **kwargs)

    monkeypatch.setattr(os, "fdopen", failing_fdopen)
    with pytest.raises(errcat.ErrcatError, match="No space left"):
        reference.write(catalog, out)
    after = {p.name: p.read_text() for p in out.iterdir()}
    assert after == before  # nothing renamed, no temporary files left behind


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

"""The README's console examples are run and their output compared, so README and behaviour cannot
drift (a line `...` ends the part of an output the README shows)."""

from __future__ import annotations

import gzip
import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

REPO = Path(__file__).resolve().parent.parent
BLOCK = re.compile(r"```console\n\$ errcat ([^\n]*)\n(.*?)```", re.DOTALL)
EXAMPLES = [(m.group(1), m.group(2)) for m in BLOCK.finditer((REPO / "README.md").read_text(encoding="utf-8"))]


def test_the_readme_has_console_examples():
    assert len(EXAMPLES) >= 5 and any(args.startswith("explain ") for args, _ in EXAMPLES)


@pytest.mark.parametrize(("args", "shown"), EXAMPLES, ids=[a for a, _ in EXAMPLES])
def test_readme_example_prints_what_it_shows(args, shown, monkeypatch):
    from errcat.cli import app

    monkeypatch.chdir(REPO)
    monkeypatch.delenv("ERRCAT_CATALOG", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    result = CliRunner().invoke(app, shlex.split(args))
    assert result.exit_code in (0, 1), result.output
    got = [line.rstrip() for line in result.stdout.rstrip("\n").splitlines()]
    want = [line.rstrip() for line in shown.rstrip("\n").splitlines()]
    if "..." in [w.strip() for w in want]:
        want = want[: [w.strip() for w in want].index("...")]
        got = got[: len(want)]
    assert got == want


def test_the_from_python_example_runs_as_shown(capsys, monkeypatch):
    """The README's library example, executed as written."""
    monkeypatch.delenv("ERRCAT_CATALOG", raising=False)
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("### From Python")[1].split("\n### ")[0]
    (code,) = re.findall(r"```python\n(.*?)```", section, re.DOTALL)
    namespace: dict = {}
    exec(compile(code, "README.md From Python", "exec"), namespace)
    printed = capsys.readouterr().out
    assert printed.startswith("sage AccessTokenExpiredError [exact]: errcat's reading: Use the refresh token")
    assert "(retry: refresh-and-retry)" in printed.splitlines()[0]
    assert namespace["result"].found and namespace["problems"] is not None
    assert namespace["x"].errors[0].kind == "exact" and namespace["data"].entries


def test_the_catalog_page_lists_every_check():
    """docs/catalog.md's table of checks is the registry's: a new check cannot go unlisted."""
    from errcat.catalog.checks import CHECKS

    page = (REPO / "docs" / "catalog.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"`(CAT\d{3})`", page))
    assert listed == {c.code for c in CHECKS}


HAND_WRITTEN = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]


@pytest.mark.parametrize("page", HAND_WRITTEN, ids=[p.name for p in HAND_WRITTEN])
def test_every_link_of_the_hand_written_pages_leads_somewhere(page):
    """Rendered as a markdown parser does: each relative link's file exists, and its #anchor is a heading
    (GitHub's slug) or an explicit anchor of that file; the generated pages have their own test."""
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": True}).enable("table")

    def anchors(path: Path) -> set[str]:
        tokens = parser.parse(path.read_text(encoding="utf-8"))
        found = set(re.findall(r'<a id="([^"]+)"></a>', path.read_text(encoding="utf-8")))
        for i, tok in enumerate(tokens):
            if tok.type == "inline" and tokens[i - 1].type == "heading_open":
                words = "".join(c.content for c in tok.children or [] if c.type in ("text", "code_inline"))
                found.add(re.sub(r"[^\w\- ]", "", words.strip().lower()).replace(" ", "-"))
        return found

    links = re.findall(r'href="([^"]+)"', parser.render(page.read_text(encoding="utf-8")))
    assert links or page.name in ("catalog.md", "development.md", "performance.md", "scan.md")
    for href in links:
        if re.match(r"[a-z]+:", href):  # https://, mailto: ...: not fetched
            continue
        target, _, fragment = href.partition("#")
        path = (page.parent / target).resolve() if target else page
        assert path.exists(), f"{page.name}: {href} names no file"
        assert not fragment or fragment in anchors(path), f"{page.name}: {href} leads to no heading or anchor"


def test_the_exit_code_table_shows_a_broken_catalog_file_as_it_is_printed(cli, tmp_path):
    """Exit 3's row gives the form of the line a broken catalog file prints; that form is the real one."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    (row,) = [line for line in readme.splitlines() if line.startswith("| 3 |")]
    (shown,) = re.findall(r"`(errcat: file:line: [^`]+)`", row)
    pattern = (
        re.escape(shown)
        .replace("file", r"\S+")
        .replace("line", r"\d+")
        .replace("CODE", r"CAT\d{3}")
        .replace("name", r"[a-z-]+")
        .replace("message", ".+")
    )
    broken = tmp_path / "team.yaml"
    broken.write_text("errcat: 1\nvendor: {id: myob}\nentries: 5\n", encoding="utf-8")
    result = cli("lookup", "25008", "--catalog", str(broken))
    assert result.exit_code == 3
    assert all(re.fullmatch(pattern, line) for line in result.stderr.splitlines()), (pattern, result.stderr)


@pytest.mark.parametrize("page", HAND_WRITTEN, ids=[p.name for p in HAND_WRITTEN])
def test_every_table_row_of_the_hand_written_pages_has_the_header_s_cells(page):
    """A markdown parser drops a row's extra cells and pads missing ones without a word: an unescaped
    `|` inside a cell (`json|yaml`) silently loses the rest of that row's text."""
    from markdown_it import MarkdownIt

    text = page.read_text(encoding="utf-8")
    lines = text.splitlines()
    for token in MarkdownIt("commonmark").enable("table").parse(text):
        if token.type == "table_open" and token.map:
            rows = [line for line in lines[token.map[0] : token.map[1]] if line.strip()]
            cells = [len(re.split(r"(?<!\\)\|", row.strip().strip("|"))) for row in rows]
            assert set(cells) == {cells[0]}, f"{page.name}:{token.map[0] + 1}: cells per row {cells}"


def test_the_scan_examples_run_as_printed(cli, tmp_path, monkeypatch):
    """The README's ```sh block of scan commands, each line run as printed (the console blocks above are compared
    with their output; these were never run): its logs made here, an hour old so that `--since 6h` keeps them,
    kubectl's `--prefix` on the piped lines, `> report.md` as stdout. Each exits as its comment says (0, or 1 for
    `--fail-on unmatched` on a log holding an error the catalog lacks) and reports the vendor errors put in."""
    from datetime import UTC, datetime, timedelta

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme.split("### Scan logs for vendor errors")[1].split("```sh\n")[1].split("```")[0]
    when = (datetime.now(UTC) - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    body = '{"Errors":[{"Name":"DatePriorToBeginningOfFinancialYear","Message":"Date cannot be prior to beginning of financial year","ErrorCode":25008}]}'
    unknown = '{"Errors":[{"Name":"InvoiceLocked","Message":"Invoice 7 is locked by another user","ErrorCode":99999}]}'
    url = "https://api.myob.com/accountright/6d5b2a4e-1c3f-4a8b-9e0d-2f7c8b1a9e33/Sale/Invoice/Item"
    sync = f"{when} INFO sync started\n{when} ERROR sync failed POST {url} -> 400 {body}\n"
    (tmp_path / "sync.log").write_text(sync)
    (tmp_path / "sync.log.1.gz").write_bytes(gzip.compress(sync.encode()))
    (tmp_path / "nightly.log").write_text(f"{sync}{when} ERROR sync failed POST {url} -> 400 {unknown}\n")
    monkeypatch.chdir(tmp_path)
    lines = [line for line in block.splitlines() if line.strip()]
    assert len(lines) == 4
    for line in lines:
        command, _, comment = line.partition("#")
        piped, _, command = command.rpartition("|")
        args, _, report = command.partition(">")
        words = shlex.split(args)
        assert words[:2] == ["errcat", "scan"], line
        stdin = "".join(f"[pod/sync-7d9f8b6c4-x2x5q/sync] {x}\n" for x in sync.splitlines()) if piped else None
        result = cli(*words[1:], input=stdin)
        assert result.exit_code == (1 if "exit 1" in comment else 0), (line, result.output)
        out = result.stdout
        if report.strip():
            assert out.startswith("#") and "DatePriorToBeginningOfFinancialYear" in out, line
        else:
            inputs = len([w for w in words[2:] if w == "-" or w.endswith((".log", ".gz"))])
            assert f"scanned {inputs} of {inputs} input(s)" in out, (line, out)
            documented = inputs  # one documented error a file
            assert f"{documented + ('nightly' in line)} vendor error(s): {documented} documented" in out, (line, out)

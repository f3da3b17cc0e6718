"""What a newcomer trips on (#32), each through the real command line: the endpoints the reference
pages list, formats in any case, brief messages, words that read right."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

REFERENCE = Path(__file__).resolve().parent.parent / "docs" / "reference"


def _page_sections(vendor: str) -> dict[str, int]:
    """The reference page's Endpoints section: each heading with the rows of its table."""
    page = (REFERENCE / f"{vendor}.md").read_text(encoding="utf-8")
    part = page.split("\n## Endpoints\n", 1)[1].split("\n## ", 1)[0]
    sections: dict[str, int] = {}
    for chunk in part.split("\n### ")[1:]:
        heading, body = chunk.split("\n", 1)
        tables = [
            t for t in (c.strip() for c in body.split("\n\n")) if t.startswith("|") and t.split("\n", 1)[0].endswith("| Error |")
        ]
        sections[heading.replace("\\", "")] = len(tables[0].splitlines()) - 2 if tables else 0  # less header and rule
    return sections


@pytest.mark.parametrize("vendor", ["myob", "sage", "invoicexpress", "prospend"])
def test_endpoints_agree_with_the_reference_pages_endpoints_section(cli, vendor):
    r = cli("endpoints", vendor, "-f", "json")
    assert r.exit_code == 0, r.stderr
    rows = json.loads(r.stdout)["endpoints"]
    listed = {("All endpoints (generic errors)" if e["label"] == "(all endpoints)" else e["label"]): e["rows"] for e in rows}
    assert listed == _page_sections(vendor)
    assert all(e["path"] is None or e["path"] == e["label"] for e in rows)  # a path is a path, never a resource's name


def test_endpoints_sage_and_invoicexpress_list_what_they_document(cli):
    sage = cli("endpoints", "sage")
    assert sage.exit_code == 0 and re.search(r"^sage .*\(all endpoints\)  17 rows$", sage.stdout, re.MULTILINE)
    ix = cli("endpoints", "invoicexpress").stdout
    assert "Invoices, Estimates and Guides — Send by Email  4 rows" in ix and "Clients (inferred)" in ix


def _python(code: str, tmp_path: Path) -> str:
    import os
    import subprocess
    import sys

    env = {**os.environ, "ERRCAT_CACHE_DIR": str(tmp_path)}
    env.pop("ERRCAT_CATALOG", None)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True, timeout=60).stdout


def test_dir_lists_the_public_api_and_an_empty_lookup_is_false(tmp_path):
    out = _python(
        "import errcat\n"
        "print(sorted(set(errcat.__all__) - set(dir(errcat))))\n"
        "print([n for n in dir(errcat) if not n.startswith('_') and n not in errcat.__all__])\n"
        "c = errcat.open_catalog()\n"
        "print(bool(c.lookup('25008')), bool(c.lookup('99999')), c.lookup('99999').found)\n",
        tmp_path,
    )
    assert out.splitlines() == ["[]", "[]", "True False False"]  # errcat.ex<TAB> completes; `if c.lookup(q):` reads right


def test_docs_check_outside_the_repository_says_pages_missing_in_one_line(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = cli("docs", "--check")
    assert r.exit_code == 1
    assert r.stderr.splitlines() == [
        "pages missing (docs/reference does not exist): invoicexpress.md, myob.md, prospend.md, sage.md, index.md; "
        "`errcat docs --out docs/reference` writes them"
    ]
    (tmp_path / "docs" / "reference").mkdir(parents=True)
    (tmp_path / "docs" / "reference" / "myob.md").write_text("hand written\n", encoding="utf-8")
    r = cli("docs", "--check")
    assert r.exit_code == 1 and "pages missing (not in docs/reference): invoicexpress.md, prospend.md" in r.stderr
    assert "stale: docs/reference/myob.md" in r.stderr  # a page that is there but differs still shows its diff


@pytest.mark.parametrize("given", ["JSON", "Json", "json"])
def test_formats_are_accepted_in_any_case(cli, given):
    r = cli("lookup", "25008", "-f", given)
    assert r.exit_code == 0 and json.loads(r.stdout)["kind"] == "lookup"
    assert cli("lookup", "25008", "-f", "xml").exit_code == 2


def test_export_formats_are_accepted_in_any_case_too(cli):
    assert cli("export", "--format", "YAML").stdout.startswith("format_version: 1\nkind: export\n")


def test_cache_info_prints_markdown_when_asked(cli):
    cli("lookup", "25008")  # an index in the cache
    out = cli("cache", "info", "-f", "markdown").stdout
    assert out.startswith("Cache folder: ")
    assert "| Index file | Bytes | Entries | Built | Last used | State | Catalog files |" in out and "| current |" in out


def test_one_row_is_one_row(cli):
    out = cli("list", "--vendor", "myob").stdout
    assert "(1 row)" in out and "(1 rows)" not in out and "(2 rows)" in out
    assert " 1 rows" not in cli("endpoints").stdout


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [
        ("31001", None),  # no 31xxx code: 38001, 37001, 34001 are other families, not typos
        ("25080", "25008"),  # two digits swapped
        ("52008", "25008"),  # swapped at the front: not in the same block, still found
        ("34004", "34003"),  # the nearest of its block
        ("DatePriorToBeginingOfFinancialYear", "DatePriorToBeginningOfFinancialYear"),
    ],
)
def test_did_you_mean_for_a_mistyped_code(cli, typed, suggested):
    r = cli("lookup", typed)
    assert r.exit_code == 1
    if suggested is None:
        assert f"errcat: no error matches '{typed}'" in r.stderr and "did you mean" not in r.stderr
        assert not {"38001", "37001", "34001"} & set(re.findall(r"\d{5}", r.stderr))
    else:
        assert f"did you mean: {suggested}" in r.stderr


def test_a_lookup_of_many_errors_shows_how_many_and_one_line_each_first(cli):
    found = json.loads(cli("lookup", "422", "-f", "json").stdout)
    total = sum(len(s["errors"]) for s in found["sections"])
    assert total > 10
    brief = cli("lookup", "422").stdout.splitlines()
    assert brief[0].startswith(f"422: {total} errors (")
    assert "--full" in brief[1]
    assert len(brief) == total + 3 and "  fix:" not in "\n".join(brief)
    full = cli("lookup", "422", "--full").stdout
    assert full.count("\n  fix:   ") == sum(1 for s in found["sections"] for g in s["errors"] if g["explanation"])
    few = cli("lookup", "25008").stdout  # one error: in full, as before
    assert few.startswith("myob 25008 DatePriorToBeginningOfFinancialYear") and "  fix:   " in few


def test_at_40_columns_ids_stay_whole_and_wrapped_lines_end_without_spaces(tmp_path):
    """On a narrow terminal an id is copied whole (never folded mid-word), and no line is padded."""
    import os
    import subprocess
    import sys

    pytest.importorskip("pty", reason="pseudo-terminals need a POSIX system")
    from test_tty import _on_a_terminal

    env = {
        **os.environ,
        "ERRCAT_CATALOG": "",
        "COLUMNS": "40",
        "TERM": "xterm",
        "NO_COLOR": "1",
        "ERRCAT_CACHE_DIR": str(tmp_path),
    }
    code, seen = _on_a_terminal(["lookup", "25008"], env)
    assert code == 0
    lines = seen.decode().replace("\r", "").splitlines()
    ids = re.findall(r"^      id: (\S+)", subprocess.run(
        [sys.executable, "-m", "errcat", "lookup", "25008"], capture_output=True, text=True, env=env, timeout=60
    ).stdout, re.MULTILINE)  # fmt: skip
    assert len(ids) == 11
    for eid in ids:
        assert any(eid in line.split() for line in lines), eid
    assert [line for line in lines if line != line.rstrip()] == []
    wrapped = [line for line in lines if len(line) > 40]
    assert wrapped and all(any(len(word) > 30 for word in line.split()) for line in wrapped)  # only where a word cannot fit

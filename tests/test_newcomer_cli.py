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

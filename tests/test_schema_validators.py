"""The fast schema check (fastjsonschema) must agree with jsonschema, the reference, on every file."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from errcat.catalog.load import read_file
from errcat.catalog.locate import builtin_dir, catalog_files
from errcat.catalog.schema import _validator, is_valid

FILES = catalog_files(builtin_dir())


def reference_valid(data: Any) -> bool:
    return not any(True for _ in _validator().iter_errors(data))


def mutations(data: dict[str, Any]):
    """Documents with one thing wrong each (plus the untouched one)."""
    yield "as is", data
    entry_edits = [
        ("status as text", lambda e: e.__setitem__("status", "400")),
        ("status out of range", lambda e: e.__setitem__("status", 99)),
        ("missing message key", lambda e: e.pop("message")),
        ("unknown key", lambda e: e.__setitem__("colour", "red")),
        ("bad id", lambda e: e.__setitem__("id", "Not An Id")),
        ("bad method", lambda e: e.__setitem__("methods", ["FETCH"])),
        ("bad severity", lambda e: e.__setitem__("severity", "fatal")),
        ("code as list", lambda e: e.__setitem__("code", [1])),
        ("endpoint without slash", lambda e: e.__setitem__("endpoint", "Sale/Invoice")),
        ("source without document", lambda e: e.__setitem__("source", {"line": 3})),
        ("line zero", lambda e: e["source"].__setitem__("line", 0) if "source" in e else e.__setitem__("source", {})),
        ("inferred as text", lambda e: e.__setitem__("inferred", "yes")),
        ("observed without sample", lambda e: (e.__setitem__("provenance", "observed"), e.pop("sample", None))),
        ("documented with sources", lambda e: (e.__setitem__("provenance", "documented"), e.__setitem__("sources", []))),
        ("plain http source", lambda e: e.__setitem__("sources", [{"url": "http://example.org/x", "kind": "issue"}])),
        ("source kind unknown", lambda e: e.__setitem__("sources", [{"url": "https://example.org/x", "kind": "rumour"}])),
    ]
    for name, edit in entry_edits:
        if data.get("entries"):
            doc = copy.deepcopy(data)
            edit(doc["entries"][len(doc["entries"]) // 2])
            yield name, doc
    doc = copy.deepcopy(data)
    doc["errcat"] = 2
    yield "format version", doc
    doc = copy.deepcopy(data)
    doc["vendor"]["id"] = "Bad Vendor"
    yield "vendor id", doc
    if data.get("guides"):
        doc = copy.deepcopy(data)
        next(iter(doc["guides"].values()))["retry"] = "sometimes"
        yield "guide retry", doc
        doc = copy.deepcopy(data)
        next(iter(doc["guides"].values()))["causes"] = []
        yield "no causes", doc
    if data.get("templates"):
        doc = copy.deepcopy(data)
        doc["templates"][0]["slots"] = {}
        yield "empty slots", doc


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_fast_check_agrees_with_jsonschema(path) -> None:
    data = read_file(path, 0, check_schema=False).data
    seen = 0
    for name, doc in mutations(data):
        assert is_valid(doc) == reference_valid(doc), f"{path.name}: {name}"
        seen += 1
    assert seen > 1

"""`errcat export`: every entry with its explanation, in JSON, YAML and CSV."""

from __future__ import annotations

import csv
import io
import json

import yaml

from test_contract import ENTRY_KEYS


def test_json_export_has_every_entry_with_an_explanation(cli, catalog):
    result = cli("export", "--format", "json")
    assert result.exit_code == 0
    d = json.loads(result.stdout)
    assert d["format_version"] == 1 and d["kind"] == "export"
    assert len(d["entries"]) == len(catalog.entries)
    assert sum(r["provenance"] == "documented" for r in d["entries"]) == 315  # every documented row
    observed = [r for r in d["entries"] if r["provenance"] == "observed"]
    assert len(observed) >= 30 and {r["vendor"] for r in observed} >= {"myob", "sage", "invoicexpress"}
    assert all(r["sources"] and all(c["url"].startswith("https://") for c in r["sources"]) for r in observed)
    assert all(r["sources"] == [] for r in d["entries"] if r["provenance"] == "documented")
    for record in d["entries"]:
        assert set(record) >= ENTRY_KEYS | {"explanation"}  # the JSON contract, on every entry
        assert record["explanation"]["summary"] and record["explanation"]["fix"]
        assert record["explanation"]["retry"] in {
            "no",
            "after-fix",
            "after-reauth",
            "refresh-and-retry",
            "backoff",
            "wait-for-reset",
        }
    documented = [r for r in d["entries"] if r["provenance"] == "documented"]
    counts = {v: sum(r["vendor"] == v for r in documented) for v in ("myob", "sage", "invoicexpress", "prospend")}
    assert counts == {"myob": 237, "sage": 17, "invoicexpress": 49, "prospend": 12}


def test_yaml_and_csv_exports_agree_with_json(cli):
    as_json = json.loads(cli("export").stdout)["entries"]
    # libyaml's safe loader when PyYAML has it: the same YAML read, 0.1 s for the 530 KB export instead of 0.8 s
    safe_loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    as_yaml = yaml.load(cli("export", "--format", "yaml").stdout, Loader=safe_loader)["entries"]
    assert as_yaml == as_json
    rows = list(csv.DictReader(io.StringIO(cli("export", "--format", "csv").stdout)))
    assert [r["id"] for r in rows] == [r["id"] for r in as_json]
    first = next(r for r in rows if r["id"] == "myob.generic.required")
    assert first["message"] == "[Field] is required" and first["template"] == "{field} is required"
    assert first["methods"] == "POST,PUT" and first["code"] == "100" and first["status"] == "400"
    assert first["by"] == "errcat's reading of the vendor's document"  # the explanation's columns are errcat's


def test_export_vendor_subset(cli):
    d = json.loads(cli("export", "--vendor", "prospend").stdout)
    assert {r["vendor"] for r in d["entries"]} == {"prospend"} and len(d["entries"]) == 12


def test_the_csv_columns_added_later_come_last_so_older_readers_keep_their_places(cli):
    # the "by" column (whose words the explanation is) went in between actor and provenance: a reader of the
    # columns by position read provenance as "by", and every column after it one place off
    header = next(csv.reader(io.StringIO(cli("export", "--format", "csv").stdout)))
    assert header[-1] == "by"
    assert header[header.index("actor") + 1] == "provenance"

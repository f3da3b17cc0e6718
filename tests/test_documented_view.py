"""The documented-only view of the index (#32): ``index.documented()`` reads the same file as the
whole catalog, and every entry it returns is one its vendor documents; the engine has no
``documented_only`` flag. Through the index, the Python API and the real CLI (``--documented-only``)."""

from __future__ import annotations

import json
from pathlib import Path

import errcat

# a Sage body whose code and words are only known from public reports (the observed layer)
SEEN_PASTE = '[{"$severity":"error","$dataCode":"AuthorizationFailure","$message":"Access denied.","$source":""}]'


def test_the_view_returns_no_observed_entry_from_any_query(catalog):
    view = catalog.documented()
    seen = [e for e in catalog.entries if e.observed]
    assert len(seen) >= 30 and view.documented() is view and catalog.documented() is view
    assert view.whole is catalog and catalog.whole is catalog
    assert view.entries == tuple(e for e in catalog.entries if not e.observed)
    assert list(view.by_id) == [e.id for e in view.entries] and len(view.by_id) == len(catalog.entries) - len(seen)
    assert set(view.by_guide) == {e.guide_id for e in view.entries} and not {e.guide_id for e in seen} & set(view.by_guide)
    assert view.vendors == catalog.vendors and view.statuses == catalog.statuses
    for e in seen:
        assert catalog.entry(e.id) == e and view.entry(e.id) is None
        assert e.id not in view.by_id
        assert all(not x.observed for x in view.with_status(e.status, e.vendor))
        assert e in catalog.with_status(e.status, e.vendor)
        if e.name:
            assert all(not x.observed for x in view.with_name_key(e.name.lower().replace(" ", "")))
    positions = list(range(catalog.size))
    assert [e for e in view.at_positions(positions)] == [e for e in catalog.at_positions(positions) if not e.observed]
    ranked = [e for _, e in view.ranked('"access"', None, (3.0, 3.0, 3.0, 2.0, 1.0))]
    assert ranked and not any(e.observed for e in ranked)
    assert any(e.observed for _, e in catalog.ranked('"access"', None, (3.0, 3.0, 3.0, 2.0, 1.0)))


def test_asking_the_view_first_leaves_the_whole_catalog_whole(catalog):
    """The view shares the index's caches: what it filtered out is still there for the whole catalog."""
    key = ("status = ?", (401,), "ORDER BY pos")
    catalog.documented().with_status(401)
    catalog._answers.pop(key, None)
    assert [e for e in catalog.documented().with_status(401) if e.observed] == []
    assert any(e.observed for e in catalog.with_status(401))


def test_the_facade_explains_lists_and_exports_through_the_view(catalog):
    api = errcat.ErrorCatalog(catalog)
    assert api.explain(SEEN_PASTE).errors[0].kind == "observed"
    assert api.explain(SEEN_PASTE, documented_only=True).errors[0].kind == "none"
    assert api.explain(SEEN_PASTE.encode(), documented_only=True).errors[0].kind == "none"
    everything = [e for g in api.list(vendor="sage") for e in g.entries]
    documented = [e for g in api.list(vendor="sage", documented_only=True) for e in g.entries]
    assert any(e.observed for e in everything) and documented == [e for e in everything if not e.observed]
    exported = api.export(documented_only=True)["entries"]
    assert {r["provenance"] for r in exported} == {"documented"}
    assert len(exported) == len(catalog.entries) - sum(e.observed for e in catalog.entries)


def test_documented_only_through_the_cli_leaves_out_every_observed_entry(cli, catalog):
    seen = {e.id for e in catalog.entries if e.observed}
    listed = json.loads(cli("list", "--format", "json").stdout)
    ids = {e["id"] for g in listed["errors"] for e in g["entries"]}
    assert seen <= ids
    only = json.loads(cli("list", "--documented-only", "--format", "json").stdout)
    only_ids = {e["id"] for g in only["errors"] for e in g["entries"]}
    assert only_ids == ids - seen
    miss = cli("lookup", "AuthorizationFailure", "--vendor", "sage", "--documented-only")
    assert miss.exit_code == 1 and "with --vendor sage --documented-only" in miss.stderr
    assert cli("lookup", "AuthorizationFailure", "--vendor", "sage").exit_code == 0


def test_scan_read_as_url_ships_the_view_to_its_tasks(cli, tmp_path: Path):
    """A URL is scanned through the task path a Dask cluster runs (the index shipped as bytes): the
    documented-only view travels with it."""
    log = tmp_path / "app.log"
    log.write_text(f"2026-11-20T01:00:00Z WARN sage POST /v3.1/contacts -> 401 {SEEN_PASTE}\n", encoding="utf-8")
    url = log.as_uri()
    whole = json.loads(cli("scan", url, "--format", "json").stdout)
    only = json.loads(cli("scan", url, "--documented-only", "--format", "json").stdout)
    assert whole["engine"]["kind"] == only["engine"]["kind"] == "local"
    assert [k for g in whole["matched"] for k in g["match_kinds"]] == ["observed"]
    assert only["matched"] == [] and only["summary"]["unmatched"] == 1

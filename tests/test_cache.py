"""The compiled index cache: reused while current, rebuilt on any change, never trusted when damaged."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import errcat
from errcat.api import ErrorCatalog
from errcat.index.cache import open_index

ERRCAT = [sys.executable, "-c", "from errcat.cli import main; main()"]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("ERRCAT_CACHE_DIR", str(folder))
    monkeypatch.delenv("ERRCAT_CATALOG", raising=False)
    return folder


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache folder holding the built-in catalog's index, built once for the module."""
    folder = tmp_path_factory.mktemp("built") / "cache"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ERRCAT_CACHE_DIR", str(folder))
        assert open_index(use_env=False).origin != "memory"
    return folder


@pytest.fixture
def built_cache(cache: Path, built: Path) -> Path:
    """`cache` holding a copy of a sound built-in index, for the tests that damage one or add an overlay's beside it: each
    built it anew first, about a second of CPU each, thirteen times; the rebuild after the damage and the overlay's
    index, what they check, are still each test's own."""
    shutil.copytree(built, cache)
    return cache


def index_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("index-*.sqlite"))


def build_id(path: Path) -> str:
    db = sqlite3.connect(path)
    try:
        return db.execute("SELECT value FROM meta WHERE key = 'build'").fetchone()[0]
    finally:
        db.close()


def age(folder: Path) -> None:
    """Make every catalog file look older than the racy window, as files usually are."""
    old = time.time() - 60
    for f in folder.rglob("*.yaml"):
        os.utime(f, (old, old))


def test_first_run_builds_then_reuses(cache: Path) -> None:
    first = open_index(use_env=False)
    assert first.origin != "memory" and len(index_files(cache)) == 1
    built = build_id(index_files(cache)[0])
    second = open_index(use_env=False)
    assert second.origin == first.origin and build_id(index_files(cache)[0]) == built
    assert ErrorCatalog(second).lookup("25008").found and second.size == len(errcat.load_catalog(use_env=False).entries)


def test_warm_run_is_trusted_by_stat_and_survives_touch(cache: Path, catalog_copy: Path) -> None:
    age(catalog_copy)
    open_index([catalog_copy], builtin=False, use_env=False)
    built = build_id(index_files(cache)[0])
    stat_file = index_files(cache)[0].with_suffix(".stat")
    assert json.loads(stat_file.read_text())["build"] == built
    os.utime(catalog_copy / "sage.yaml")  # new mtime, same content: no rebuild
    index = open_index([catalog_copy], builtin=False, use_env=False)
    assert build_id(index_files(cache)[0]) == built and ErrorCatalog(index).lookup("AccessTokenExpiredError").found


@pytest.mark.parametrize("file", ["myob.entries.yaml", "myob.yaml"])
def test_editing_any_catalog_file_rebuilds(cli, cache: Path, catalog_copy: Path, file: str) -> None:
    age(catalog_copy)
    args = ("--no-builtin", "--catalog", str(catalog_copy), "--format", "json")
    before = json.loads(cli("lookup", "25008", *args).stdout)
    path = catalog_copy / file
    text = path.read_text(encoding="utf-8")
    if file == "myob.entries.yaml":
        edited = text.replace("Date cannot be prior to beginning of financial year", "Date is before the financial year")
    else:
        edited = text.replace(
            "The transaction date is before the start of the company file's current financial year.",
            "Edited summary of the financial year error.",
        )
    assert edited != text
    path.write_text(edited, encoding="utf-8")
    after = json.loads(cli("lookup", "25008", *args).stdout)
    assert before != after
    dump = json.dumps(after)
    assert ("Date is before the financial year" in dump) or ("Edited summary of the financial year error." in dump)
    assert len(index_files(cache)) == 1  # the same path set keeps one file


def test_overlay_added_and_removed(cli, built_cache: Path, tmp_path: Path) -> None:
    overlay = tmp_path / "overlay"
    overlay.mkdir()
    (overlay / "acme.yaml").write_text(
        """errcat: 1
vendor: {id: acme, name: Acme API}
guides:
  acme.broken:
    summary: Acme broke.
    causes: [It is broken.]
    fix: Wait.
    retry: backoff
    actor: vendor
entries:
  - {id: acme.one, vendor: acme, endpoint: null, methods: [], scenario: Broken, status: 500, code: ACME_BROKEN,
     name: null, message: Acme is broken, severity: error, guide: acme.broken, source: {document: acme.txt}}
""",
        encoding="utf-8",
    )
    assert cli("lookup", "ACME_BROKEN").exit_code == 1
    assert cli("lookup", "ACME_BROKEN", "--catalog", str(overlay)).exit_code == 0
    (overlay / "acme.yaml").rename(overlay / "acme.yml.off")
    (overlay / "more.yaml").write_text((overlay / "acme.yml.off").read_text().replace("ACME_BROKEN", "ACME_DOWN"))
    result = cli("lookup", "ACME_DOWN", "--catalog", str(overlay))
    assert result.exit_code == 0 and "Acme is broken" in result.stdout
    assert cli("lookup", "ACME_BROKEN", "--catalog", str(overlay)).exit_code == 1
    assert cli("lookup", "25008").exit_code == 0  # the built-in index is still served


def test_env_overlay_is_part_of_the_key(cli, built_cache: Path, catalog_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = built_cache  # the built-in index as a first run left it: the overlay's is the one this test makes
    assert cli("lookup", "25008").exit_code == 0
    monkeypatch.setenv("ERRCAT_CATALOG", str(catalog_copy))
    assert cli("lookup", "25008").exit_code == 0
    assert len(index_files(cache)) == 2


@pytest.mark.parametrize("damage", ["truncate", "garbage", "empty", "format", "row"])
def test_damaged_cache_is_rebuilt_not_trusted(cli, built_cache: Path, damage: str) -> None:
    cache = built_cache
    path = index_files(cache)[0]
    built = build_id(path)
    good = cli("lookup", "25008", "--format", "json").stdout
    assert build_id(path) == built  # the copy is used as it is
    if damage == "truncate":
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2])
    elif damage == "garbage":
        path.write_bytes(b"not a database at all\n" * 500)
    elif damage == "empty":
        path.write_bytes(b"")
    elif damage == "format":
        db = sqlite3.connect(path)
        db.execute("UPDATE meta SET value = '999' WHERE key = 'format'")
        db.commit()
        db.close()
    else:  # one row's bytes changed behind the index's back: its checksum no longer matches
        db = sqlite3.connect(path)
        db.execute("UPDATE entries SET data = replace(data, 'financial', 'finXncial') WHERE code = '25008'")
        db.commit()
        db.close()
    result = cli("lookup", "25008", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == good and "finXncial" not in result.stdout
    assert "Traceback" not in result.stderr
    assert build_id(index_files(cache)[0])  # a sound file is back in place


def test_concurrent_first_runs(cache: Path, tmp_path: Path) -> None:
    env = dict(os.environ, ERRCAT_CACHE_DIR=str(cache), NO_COLOR="1")
    env.pop("ERRCAT_CATALOG", None)
    children = [
        subprocess.Popen(
            [*ERRCAT, "lookup", "25008", "--format", "json"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for _ in range(6)
    ]
    outputs = [child.communicate(timeout=120) for child in children]
    assert [c.returncode for c in children] == [0] * 6, [err for _, err in outputs]
    assert len({out for out, _ in outputs}) == 1
    # a run that waits past LOCK_QUIET_SECONDS for the first to build says so (a loaded machine); nothing else
    said = [line for _, err in outputs for line in err.decode().splitlines()]
    assert all(line.startswith("errcat: waiting for ") for line in said), said
    assert len(index_files(cache)) == 1 and not list(cache.glob(".*.tmp"))
    again = subprocess.run([*ERRCAT, "lookup", "25008", "--format", "json"], env=env, capture_output=True, timeout=60)
    assert again.returncode == 0 and again.stdout == outputs[0][0]


def test_unwritable_cache_dir_falls_back_to_memory(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("ERRCAT_CACHE_DIR", str(blocker / "cache"))  # cannot be created, even by root
    result = cli("lookup", "25008")
    assert result.exit_code == 0 and result.stderr == "" and "DatePriorToBeginningOfFinancialYear" in result.stdout
    assert open_index(use_env=False).origin == "memory"
    assert blocker.read_text() == "not a folder"


def test_read_only_cache_dir_falls_back_to_memory(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if sys.platform == "linux":
        folder = Path("/proc")  # an existing folder nobody can create files in, root included
    else:
        folder = tmp_path / "ro"
        folder.mkdir()
        folder.chmod(0o500)
    monkeypatch.setenv("ERRCAT_CACHE_DIR", str(folder))
    try:
        result = cli("lookup", "25008")
        assert result.exit_code == 0 and result.stderr == "" and "DatePriorToBeginningOfFinancialYear" in result.stdout
        assert not list(folder.glob("index-*")) and not list(folder.glob(".index-*"))
    finally:
        if folder != Path("/proc"):
            folder.chmod(0o700)


def test_no_cache_env_keeps_everything_in_memory(cli, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ERRCAT_NO_CACHE", "1")
    assert cli("lookup", "25008").exit_code == 0
    assert not cache.exists()


def test_invalid_overlay_is_never_cached(cli, cache: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("errcat: 1\nvendor: {id: acme}\nentries:\n  - {id: acme.x}\n", encoding="utf-8")
    result = cli("lookup", "25008", "--catalog", str(bad))
    assert result.exit_code == 3 and "bad.yaml:" in result.stderr
    assert cli("lookup", "25008", "--catalog", str(bad)).exit_code == 3  # still reported, not served stale
    assert len(index_files(cache)) == 0


def test_cache_info_and_clear(cli, cache: Path) -> None:
    assert "no index files yet" in cli("cache", "info").stdout
    cli("lookup", "25008")
    info = json.loads(cli("cache", "info", "--format", "json").stdout)
    assert info["folder"] == str(cache)
    [entry] = info["files"]
    assert entry["current"] is True and entry["entries"] > 300 and any("myob" in f for f in entry["catalog_files"])
    text = cli("cache", "info").stdout
    assert "current" in text and str(cache) in text
    (cache / "hyperscan").mkdir()
    (cache / "hyperscan" / "0123.db").write_bytes(b"a compiled scan database")  # scan's (needles.compiled_database)
    cleared = cli("cache", "clear")
    assert cleared.exit_code == 0 and "removed 3 file(s)" in cleared.stderr
    assert index_files(cache) == [] and list((cache / "hyperscan").iterdir()) == []
    assert cli("lookup", "25008").exit_code == 0 and len(index_files(cache)) == 1


def test_cache_info_says_when_errcat_no_cache_leaves_its_files_unused(cli, cache: Path, monkeypatch) -> None:
    """With ERRCAT_NO_CACHE set, commands build the index in memory; cache info once listed the files
    (one marked current) as if they served the commands, in every format."""
    cli("lookup", "25008")  # an index file, current for the built-in catalog
    monkeypatch.setenv("ERRCAT_NO_CACHE", "1")
    assert "ERRCAT_NO_CACHE is set: every command builds its index in memory" in cli("cache", "info").stdout
    assert "ERRCAT_NO_CACHE is set" in cli("cache", "info", "--format", "markdown").stdout
    assert json.loads(cli("cache", "info", "--format", "json").stdout)["in_memory"] is True
    monkeypatch.setenv("ERRCAT_NO_CACHE", "0")  # "0" leaves the cache on
    assert "ERRCAT_NO_CACHE" not in cli("cache", "info").stdout
    assert json.loads(cli("cache", "info", "--format", "json").stdout)["in_memory"] is False


def test_index_answers_like_the_loaded_catalog(cache: Path, loaded: errcat.Catalog) -> None:
    """The cached index, read back from its file, and the YAML-loaded catalog give the same answers."""
    errcat.open_catalog(use_env=False).close()  # builds the cache file (and holds the catalog it built from)
    reread = errcat.open_catalog(use_env=False)  # a second open decodes every row from SQLite
    assert reread.index.origin != "memory" and reread.index._source is None  # nothing held in memory
    assert reread.index.catalog.entries == loaded.entries
    assert dict(reread.index.catalog.guides) == loaded.guides and reread.index.catalog.templates == loaded.templates
    assert reread.index.catalog.vendors == loaded.vendors and reread.index.catalog.where == loaded.where
    compiled = ErrorCatalog.from_catalog(loaded)
    for query in ("25008", "AccessTokenExpiredError", "401", "myob.generic.gateway-timeout"):
        assert reread.lookup(query) == compiled.lookup(query)
    for text in ("financial year", "token expired", "rate limit"):
        assert reread.search(text) == compiled.search(text)


def _overlay(folder: Path, code: str) -> Path:
    folder.mkdir()
    (folder / "acme.yaml").write_text(
        "errcat: 1\nvendor: {id: acme, name: Acme API}\n"
        "guides:\n  acme.x:\n    summary: s\n    causes: [c]\n    fix: f\n    retry: backoff\n    actor: vendor\n"
        f"entries:\n  - {{id: acme.x, vendor: acme, endpoint: null, methods: [], scenario: s, status: 500, code: {code},"
        " name: null, message: m, severity: error, guide: acme.x, source: {document: d}}\n",
        encoding="utf-8",
    )
    return folder


def test_the_cache_keeps_only_the_most_recently_used_indexes(cli, cache: Path, tmp_path: Path, monkeypatch) -> None:
    """Each overlay set builds its own index; beyond ERRCAT_CACHE_KEEP the least recently used go."""
    monkeypatch.setenv("ERRCAT_CACHE_KEEP", "2")
    a, b, c = (_overlay(tmp_path / name, f"ACME_{name.upper()}") for name in ("a", "b", "c"))
    assert cli("lookup", "ACME_A", "--catalog", str(a)).exit_code == 0
    assert cli("lookup", "ACME_B", "--catalog", str(b)).exit_code == 0
    assert len(index_files(cache)) == 2
    first = {p.name for p in index_files(cache)}
    time.sleep(0.05)
    assert cli("lookup", "ACME_A", "--catalog", str(a)).exit_code == 0  # a is used again: b is now the oldest
    assert cli("lookup", "ACME_C", "--catalog", str(c)).exit_code == 0
    kept = {p.name for p in index_files(cache)}
    assert len(kept) == 2 and len(kept & first) == 1  # b's index was deleted, a's kept
    assert cli("lookup", "ACME_A", "--catalog", str(a)).exit_code == 0
    assert {p.name for p in index_files(cache)} == kept  # a was still there: nothing rebuilt
    assert len(list(cache.glob("index-*.stat"))) == 2  # no orphaned stat files
    info = json.loads(cli("cache", "info", "--format", "json").stdout)
    assert info["keep"] == 2 and all(f["used_at"] > 0 for f in info["files"])
    assert "keeps the 2 most recently used indexes" in cli("cache", "info").stdout


def test_build_locks_go_with_their_indexes(cli, cache: Path, tmp_path: Path, monkeypatch) -> None:
    """index-*.lock files were never deleted: 32 of them beside 5 indexes after a day's runs."""
    monkeypatch.setenv("ERRCAT_CACHE_KEEP", "1")
    bad = tmp_path / "bad.yaml"
    bad.write_text("errcat: 1\nvendor: {id: acme}\nentries:\n  - {id: acme.x}\n", encoding="utf-8")
    assert cli("lookup", "25008", "--catalog", str(bad)).exit_code == 3  # its build failed: a lock, no index
    for name in ("a", "b", "c"):
        assert (
            cli("lookup", f"ACME_{name.upper()}", "--catalog", str(_overlay(tmp_path / name, f"ACME_{name.upper()}"))).exit_code
            == 0
        )
    [index] = index_files(cache)
    assert sorted(cache.glob("index-*.lock")) == [index.with_suffix(".lock")]
    fcntl = pytest.importorskip("fcntl", reason="POSIX's lock: on Windows the byte lock is tried")
    held = os.open(index.with_suffix(".lock"), os.O_RDWR)
    try:
        fcntl.flock(held, fcntl.LOCK_EX)  # another process building this index holds its lock
        assert cli("cache", "clear").exit_code == 0
        assert sorted(cache.glob("index-*.lock")) == [index.with_suffix(".lock")]  # a held lock stays
    finally:
        os.close(held)
    assert cli("cache", "clear").exit_code == 0
    assert list(cache.glob("index-*.lock")) == []


# A row of Sage's 'Response Codes' page as a reader copies it (tests/test_explain_documented.py): the sentence is the
# catalog's scenario of sage.status.500, which the index keeps among the documents' own sentences at its build.
QUOTED_ROW = "500 Internal Server Error Dammit, you ran into a bug in our application."


def documented_clues(cli, paste: str, *args: str) -> list[tuple[str, str]]:
    result = cli("explain", "--format", "json", *args, input=paste)
    assert result.exit_code in (0, 1) and result.stderr == "", result.stderr  # 1: nothing found
    return [(c["vendor"], c["value"]) for c in json.loads(result.stdout)["vendor_evidence"] if c["kind"] == "documented"]


def test_an_edited_scenario_is_read_from_the_rebuilt_index_not_the_old_one(cli, cache: Path, catalog_copy: Path) -> None:
    age(catalog_copy)
    args = ("--no-builtin", "--catalog", str(catalog_copy))
    said = "Dammit, you ran into a bug in our application."
    assert documented_clues(cli, QUOTED_ROW, *args) == [("sage", said)]
    path = catalog_copy / "sage.entries.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f"scenario: {said}", "scenario: Our application hit a bug of its own, sorry about that."))
    assert documented_clues(cli, QUOTED_ROW, *args) == []
    edited = "500 Internal Server Error Our application hit a bug of its own, sorry about that."
    assert documented_clues(cli, edited, *args) == [("sage", "Our application hit a bug of its own, sorry about that.")]
    assert len(index_files(cache)) == 1


DAMMIT = "dammit, you ran into a bug in our application"  # sage.status.500's, squeezed
DAMAGED_SCENARIOS = [
    "not json",
    '[["only", "two"]]',
    "[[1, 2, 3]]",
    "{}",
    '[{"a": 1, "b": 2, "c": 3}]',  # three keys, read as three texts
    f'[["{DAMMIT}", "nosuchvendor", "Dammit"]]',  # a vendor the index does not hold
]


@pytest.mark.parametrize("value", DAMAGED_SCENARIOS)
def test_damaged_scenarios_in_the_index_are_rebuilt_not_trusted(cli, built_cache: Path, value: str) -> None:
    cache = built_cache
    path = index_files(cache)[0]
    built = build_id(path)
    good = documented_clues(cli, QUOTED_ROW)
    assert good == [("sage", "Dammit, you ran into a bug in our application.")]
    assert build_id(path) == built  # the copy is used as it is
    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value = ? WHERE key = 'scenarios'", (value,))
    db.commit()
    db.close()
    assert documented_clues(cli, QUOTED_ROW) == good
    assert build_id(index_files(cache)[0]) != built  # a sound file is back in place


def test_an_unwritable_cache_still_reads_the_documents_sentences(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("ERRCAT_CACHE_DIR", str(blocker / "cache"))
    assert documented_clues(cli, QUOTED_ROW) == [("sage", "Dammit, you ran into a bug in our application.")]

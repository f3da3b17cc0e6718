"""Lean start-up: a warm query imports only what it needs; bulk loading leaves the process as it was."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import errcat
from errcat.errors import CatalogError

# Imported by a command only when it needs them: parsing YAML, schema checks, rich rendering,
# CSV export, worker processes, the MCP server (`errcat mcp` and its SDK). A warm lookup or explain must
# stay clear of all of them.
HEAVY = {"yaml", "fastjsonschema", "jsonschema", "rich", "csv", "concurrent.futures", "dataclasses", "mcp", "pydantic", "anyio"}
# The telemetry adapters and their libraries: imported by the application that uses them, never by errcat itself.
ADAPTERS = {"sentry_sdk", "opentelemetry", "structlog", "errcat.integrations", "errcat.explainer.identity"}

RUN_AND_LIST_MODULES = """
import json, sys
from errcat.cli import main
out, sys.argv = sys.argv[1], ["errcat", *sys.argv[2:]]
try:
    main()
except SystemExit:
    pass
with open(out, "w") as f:
    json.dump(sorted(sys.modules), f)
"""


def modules_after(tmp_path: Path, *args: str, stdin: str | None = None) -> set[str]:
    listing = tmp_path / "modules.json"
    env = {k: v for k, v in os.environ.items() if k != "ERRCAT_CATALOG"}
    env["NO_COLOR"] = "1"
    done = subprocess.run(
        [sys.executable, "-c", RUN_AND_LIST_MODULES, str(listing), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return set(json.loads(listing.read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    "args, stdin",
    [
        (("lookup", "25008"), None),
        (("search", "financial year"), None),
        (("explain", "-"), 'HTTP/1.1 400 Bad Request\n\n{"Errors":[{"ErrorCode":25008}]}'),
    ],
)
def test_warm_queries_import_nothing_heavy(tmp_path: Path, args: tuple[str, ...], stdin: str | None) -> None:
    modules_after(tmp_path, *args, stdin=stdin)  # first run builds the index (and may import anything)
    loaded = modules_after(tmp_path, *args, stdin=stdin)
    assert "errcat.index.store" in loaded  # the query really ran against the compiled index
    assert not {m for m in loaded if m.split(".")[0] in HEAVY or m in HEAVY}
    assert not {m for m in loaded if any(m == a or m.startswith(a + ".") for a in ADAPTERS)}


@pytest.mark.parametrize("collector_on", [True, False])
def test_loading_a_catalog_leaves_the_garbage_collector_as_it_was(collector_on: bool) -> None:
    was = gc.isenabled()
    try:
        gc.enable() if collector_on else gc.disable()
        errcat.load_catalog(use_env=False)
        assert gc.isenabled() is collector_on
        errcat.validate()
        assert gc.isenabled() is collector_on
    finally:
        gc.enable() if was else gc.disable()


def test_a_failed_load_also_restores_the_garbage_collector(tmp_path: Path) -> None:
    bad = tmp_path / "team.yaml"
    bad.write_text("errcat: 1\nvendor: {id: team}\nentries: [{id: x, id: y}]\n", encoding="utf-8")
    assert gc.isenabled()
    with pytest.raises(CatalogError):
        errcat.load_catalog([bad], use_env=False)
    assert gc.isenabled()


def test_a_code_looked_up_is_quoted_without_importing_the_exit_gate(tmp_path: Path) -> None:
    """`lookup 25008`, the README's first command, quotes its query back without the secrets gate
    (its import and first screening were a tenth of lookup's time over the floor): digits hold no
    secret. A query that may hold one is still screened (tests/test_secrets_gate.py)."""
    modules_after(tmp_path, "lookup", "25008")
    assert "errcat.gate" not in modules_after(tmp_path, "lookup", "25008")
    assert "errcat.gate" in modules_after(tmp_path, "lookup", "ghp_" + "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5")


def test_lookups_json_imports_neither_the_explainer_nor_the_gate(tmp_path: Path) -> None:
    """integ27: `lookup 25008 --format json` imported the whole explainer and the secrets gate (render.jsondoc
    re-exported explain's records at its top and imported the gate for search's query): 42 modules, about a third
    of `import typer`'s CPU (lookup json 1.38x typer against 1.16x for the table, CPU min of 7). Its JSON needs
    neither; explain's JSON and a query that may hold a secret still load them."""
    modules_after(tmp_path, "lookup", "25008", "--format", "json")
    loaded = modules_after(tmp_path, "lookup", "25008", "--format", "json")
    assert "errcat.explainer" not in loaded and "errcat.gate" not in loaded
    assert "errcat.explainer.document" in modules_after(tmp_path, "explain", "-", "--format", "json", stdin="HTTP/1.1 400\n\n{}")
    secret = "ghp_" + "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5"
    assert "errcat.gate" in modules_after(tmp_path, "search", secret, "--format", "json")


def test_a_scan_of_local_files_imports_nothing_remote_inputs_need(tmp_path: Path) -> None:
    """scan/stall.py (the floor on how fast an http body comes) imported asyncio at its top, and every scan
    imports it through remote.py: each paid about 20 ms to start for inputs it did not have."""
    log = tmp_path / "app.log"
    log.write_text("2026-05-01T10:00:00Z ERROR sync worker-3 failed\n", encoding="utf-8")
    modules_after(tmp_path, "scan", str(log))
    loaded = modules_after(tmp_path, "scan", str(log))
    assert "errcat.scan.records" in loaded  # the scan really ran
    assert not {m for m in loaded if m.split(".")[0] in {"asyncio", "aiohttp", "fsspec"}}


HAR = json.dumps(
    {
        "log": {
            "entries": [
                {
                    "request": {"method": "POST", "url": "https://arl2.api.myob.com/accountright/x/Sale/Invoice/Item"},
                    "response": {
                        "status": 400,
                        "statusText": "Bad Request",
                        "content": {"text": '{"Errors":[{"ErrorCode":25008}]}'},
                    },
                }
            ]
        }
    }
)


def test_only_recorded_traffic_loads_the_recordings_reader(tmp_path: Path) -> None:
    """The HAR/VCR reader (with base64, zlib and YAML behind it) is loaded for a recording, not for every paste."""
    plain = 'HTTP/1.1 400 Bad Request\n\n{"Errors":[{"ErrorCode":25008}]}'
    modules_after(tmp_path, "explain", "-", stdin=plain)  # first run builds the index
    assert "errcat.explainer.recordings" not in modules_after(tmp_path, "explain", "-", stdin=plain)
    har = tmp_path / "session.har"
    har.write_text(HAR, encoding="utf-8")
    assert "errcat.explainer.recordings" in modules_after(tmp_path, "explain", str(har))
    shown = subprocess.run(
        [sys.executable, "-m", "errcat", "explain", str(har)], capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"}
    )
    assert "HAR file" in shown.stdout and "25008" in shown.stdout, shown.stdout + shown.stderr


def test_the_other_services_words_load_only_for_a_paste_that_names_no_vendor(tmp_path: Path) -> None:
    """services.py (other services' names, who answered) is asked only when nothing in the paste named a vendor."""
    myob = 'POST https://arl2.api.myob.com/accountright/x/Sale/Invoice/Item\nHTTP/1.1 400 Bad Request\n\n{"Errors":[{"ErrorCode":25008}]}'
    modules_after(tmp_path, "explain", "-", stdin=myob)  # first run builds the index
    assert "errcat.explainer.services" not in modules_after(tmp_path, "explain", "-", stdin=myob)
    unnamed = "Xero returned 400: Invoice not found"
    assert "errcat.explainer.services" in modules_after(tmp_path, "explain", "-", stdin=unnamed)

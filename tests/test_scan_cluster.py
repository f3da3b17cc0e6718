"""errcat scan on a Dask cluster (a real LocalCluster of 2 worker processes) and from S3 (moto's
server on 127.0.0.1, read through s3fs): the same report as a local scan of the same files."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import errcat
from errcat.cli import app
from errcat.render.scan import scan_document
from errcat.scan import ScanOptions, scan
from errcat.scan import cluster as cluster_module

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import gen_log

runner = CliRunner()
BLOCK = 40_000  # a few blocks per generated log (~220 KB): block edges fall inside multi-line records
OVERLAY = """\
errcat: 1
vendor:
  id: myob
guides:
  myob.team-brand-new:
    summary: A failure our team documented.
    causes: [Seen in our own logs.]
    fix: Ask the team.
    retry: after-fix
    actor: integrator
entries:
  - id: myob.team.brand-new
    vendor: myob
    endpoint: /Sale/Invoice/Item
    methods: [POST]
    scenario: Our own observation
    status: 400
    code: 99901
    name: BrandNewFailure
    message: Something nobody documented
    severity: error
    guide: myob.team-brand-new
    source: {document: team wiki}
"""


@pytest.fixture(scope="module")
def s3():
    """moto's S3 API on 127.0.0.1, with fake credentials in the environment (set before the
    cluster starts, so that its worker processes see them too)."""
    import os

    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    saved = dict(os.environ)
    os.environ.update(
        AWS_ACCESS_KEY_ID="AKIAQX7EXAMPLEKEYID7",
        AWS_SECRET_ACCESS_KEY="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",
        AWS_DEFAULT_REGION="us-east-1",
        AWS_ENDPOINT_URL_S3=f"http://{host}:{port}",
    )
    yield f"http://{host}:{port}"
    os.environ.clear()
    os.environ.update(saved)
    server.stop()


@pytest.fixture(scope="module")
def client(s3):
    """A real LocalCluster: 2 worker processes of one thread each."""
    from distributed import Client, LocalCluster

    with (
        LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=":0", silence_logs=40) as cluster,
        Client(cluster) as c,
    ):
        yield c


@pytest.fixture(scope="module")
def logs(tmp_path_factory):
    """A log bigger than one block, its gzip copy, and many small logs."""
    folder = tmp_path_factory.mktemp("cluster-logs")
    lines, _ = gen_log.block(300, 4, seed=11, extras=True)
    big = folder / "sync.log"
    big.write_text("\n".join(lines) + "\n")
    gz = folder / "sync.log.1"  # gzip by content, not by name
    gz.write_bytes(gzip.compress(big.read_bytes()))
    small = []
    for i in range(8):
        part, _ = gen_log.block(12, 3, seed=100 + i, extras=False)
        path = folder / f"small-{i}.log"
        path.write_text("\n".join(part) + "\n")
        small.append(path)
    return big, gz, small


@pytest.fixture(scope="module")
def index():
    return errcat.open_catalog(use_env=False).index


def _comparable(document):
    """A scan document without what differs by where it ran: the engine, time taken, and how many
    records explain() read (each worker has its own cache). Other programs' errors are compared
    by count only: a local scan of several files groups one such error under two texts (its
    repeats are prepared with their timestamp, prepared.prepare's fast path), a cluster under one."""
    doc = json.loads(json.dumps(document, default=str))
    doc.pop("engine")
    for key in ("seconds", "records_explained", "other_groups"):
        doc["summary"].pop(key)
    doc.pop("other")
    return doc


@pytest.fixture
def small_blocks(monkeypatch):
    monkeypatch.setattr(cluster_module, "TASK_BYTES", BLOCK)


def test_cluster_report_is_the_local_report(client, index, logs, small_blocks, tmp_path):
    big, gz, small = logs
    odd = tmp_path / "odd.log"  # a skip a worker reports: counted once, as locally
    odd.write_bytes(
        b"2026-11-19T02:00:00Z INFO sync: ok\n" * 2000 + b"2026-11-19T02:00:01Z ERROR sync: bad \x00 record -> HTTP 500\n"
    )
    names = [str(big), str(gz), str(big.parent / "missing.log"), *map(str, small)]
    local = scan(index, names, ScanOptions(workers=1))
    on_cluster = cluster_module.scan_remote(index, names, ScanOptions(), client)
    assert big.stat().st_size > 4 * BLOCK and local.matched and local.unmatched
    assert _comparable(scan_document(on_cluster, 10**6)) == _comparable(scan_document(local, 10**6))
    assert on_cluster.other_count == local.other_count
    odd_local = scan(index, [str(odd)], ScanOptions(workers=1))
    odd_cluster = cluster_module.scan_remote(index, [str(odd)], ScanOptions(), client)
    assert odd_cluster.skipped_count == odd_local.skipped_count and sum(odd_local.skipped_count.values()) == 1
    blocks = -(-big.stat().st_size // BLOCK)
    assert on_cluster.where == {
        "kind": "dask",
        "scheduler": client.scheduler.address,
        "workers": 2,
        # the big file's blocks, the gzip file whole, the 8 small files (~7.5 KB each) grouped until a
        # task holds a block's bytes: 6, then 2
        "tasks": blocks + 1 + 2,
        "search": local.engine,
    }


def test_vendor_and_time_window_on_the_cluster(client, index, logs, small_blocks):
    big, _, _ = logs
    from errcat.scan.logline import parse_when

    options = ScanOptions(vendor="myob", since=parse_when("2026-11-19T00:05Z"), until=parse_when("2026-11-19T00:15Z", end=True))
    local = scan(index, [str(big)], options)
    on_cluster = cluster_module.scan_remote(index, [str(big)], options, client)
    assert local.filtered_time and local.filtered_vendor
    assert _comparable(scan_document(on_cluster, 10**6)) == _comparable(scan_document(local, 10**6))


def test_cli_dask_address_with_a_user_overlay(client, logs, small_blocks, tmp_path, monkeypatch):
    """``--dask tcp://...``: the workers explain with the catalog in use, the user's overlay too."""
    monkeypatch.delenv("ERRCAT_CATALOG", raising=False)
    big, gz, _ = logs
    overlay = tmp_path / "team.yaml"
    overlay.write_text(OVERLAY)
    args = ["scan", str(big), str(gz), "--catalog", str(overlay), "--format", "json", "--top", "100000"]
    here = runner.invoke(app, args)
    there = runner.invoke(app, [*args, "--dask", client.scheduler.address])
    assert here.exit_code == there.exit_code == 0, there.output
    local, remote = json.loads(here.stdout), json.loads(there.stdout)
    assert "myob.team.brand-new" in {g["entry"] for g in local["matched"]}  # the overlay is what matched it
    assert _comparable(remote) == _comparable(local)
    assert remote["engine"]["kind"] == "dask" and remote["engine"]["workers"] == 2


def test_s3_inputs_read_on_the_cluster_as_local_files(s3, client, index, logs, small_blocks):
    import boto3

    big, gz, small = logs
    s3_client = boto3.client("s3", endpoint_url=s3)
    s3_client.create_bucket(Bucket="team-logs")
    for path in (big, gz, *small):
        s3_client.upload_file(str(path), "team-logs", f"2026-11-19/{path.name}")
    local = scan(index, [str(big), str(gz), *sorted(map(str, small))], ScanOptions(workers=1))
    for dask in (None, client):  # read here, then by the workers
        remote = cluster_module.scan_remote(index, ["s3://team-logs/2026-11-19/s*"], ScanOptions(), dask)
        doc, expected = _comparable(scan_document(remote, 10**6)), _comparable(scan_document(local, 10**6))
        assert [i["name"] for i in doc["inputs"]] == sorted(f"s3://team-logs/2026-11-19/{p.name}" for p in (big, gz, *small))
        read = {Path(i["name"]).name: (i["bytes"], i["lines"]) for i in doc["inputs"]}
        assert read == {Path(i["name"]).name: (i["bytes"], i["lines"]) for i in expected["inputs"]}
        assert doc["summary"] == expected["summary"]
        assert [g["count"] for g in doc["matched"]] == [g["count"] for g in expected["matched"]]


def test_every_skipped_place_is_counted_as_locally_past_the_places_listed(index, tmp_path):
    """A task's skips are counted from its part's counts, not from the places it lists (at most
    MAX_SKIPPED_KEPT: a task with more counted only those)."""
    from errcat.scan.summary import MAX_SKIPPED_KEPT

    odd = tmp_path / "odd.log"
    records = MAX_SKIPPED_KEPT + 50
    ok, bad = b"2026-11-19T02:00:00Z INFO sync: ok\n", b"2026-11-19T02:00:01Z ERROR sync: bad \x00 record -> HTTP 500\n"
    odd.write_bytes(ok * 1000 + (ok + bad) * records)  # NUL bytes past the start: a log with bad records, not a binary file
    local = scan(index, [str(odd)], ScanOptions(workers=1))
    here = cluster_module.scan_remote(index, [str(odd)], ScanOptions())  # the tasks run in this process
    assert sum(local.skipped_count.values()) == records
    assert here.skipped_count == local.skipped_count
    assert [(s.line, s.what) for s in here.skipped] == [(s.line, s.what) for s in local.skipped]


def test_missing_protocol_package_and_credentials_in_urls(cli):
    result = cli("scan", "gs://bucket/app.log")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == ["errcat: reading gs:// inputs needs the package gcsfs: pip install gcsfs"]
    from errcat.scan.remote import shown

    assert shown("https://ops:Zq3kFqT0yVb9@logs.example.test/app.log") == "https://***@logs.example.test/app.log"


def test_a_scheduler_address_with_credentials_is_never_echoed(cli, tmp_path):
    """--dask's "cannot reach the scheduler" quoted the address as given, a password in it too."""
    log = tmp_path / "app.log"
    log.write_text("2026-11-19T02:00:00Z INFO sync: ok\n")
    password = "Zq3kFqT0yVb9LmRw"
    result = cli("scan", "--dask", f"tls://admin:{password}@127.0.0.1:1", str(log))
    assert result.exit_code == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("errcat: --dask tls://***@127.0.0.1:1: cannot reach the scheduler (")
    assert password not in result.stdout + result.stderr

"""errcat scan on a Dask cluster (a real LocalCluster of 2 worker processes) and from S3 (moto's
server on 127.0.0.1, read through s3fs): the same report as a local scan of the same files."""

from __future__ import annotations

import contextlib
import gzip
import itertools
import json
import re
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
        # the big file's blocks, the gzip file whole, the 8 small files (~7.5 KB each) grouped up to a
        # block's bytes (the cluster's share of all bytes is more): 5, then 3
        "tasks": blocks + 1 + 2,
        "search": local.engine,
    }


def test_a_log_of_one_line_vendor_errors_whose_ids_vary_is_reported_on_the_cluster_as_locally(
    client, index, small_blocks, tmp_path
):
    """A log made only of one-line vendor errors, each naming GUIDs of its own (MYOB's company file and customer,
    Sage's 32-hex contact id), after a log prefix or as whole JSON lines, cut into blocks: each worker reads the first
    of a shape afresh and takes the repeats' reading from it (scan/triage's key masks the ids), so its counts, groups,
    endpoints, first/last seen and samples must be the local scan's."""
    import random

    rng = random.Random(16)

    def guid() -> str:
        g = f"{rng.getrandbits(128):032x}"
        return f"{g[:8]}-{g[8:12]}-{g[12:16]}-{g[16:20]}-{g[20:]}"

    myob = '{"Errors":[{"Name":"DatePriorToBeginningOfFinancialYear","Message":"Date cannot be prior to beginning of financial year","ErrorCode":25008}]}'
    unknown = '{"Errors":[{"Name":"InvoiceLocked","Message":"Invoice is locked by another user","ErrorCode":99999}]}'
    sage = '[{"$severity":"error","$dataCode":"AccessTokenExpiredError","$message":"Your Access token has expired."}]'
    lines = []
    for i in range(1500):
        when = f"2026-11-20T{(i // 60) % 24:02d}:{i % 60:02d}:{(i * 7) % 60:02d}Z"  # out of time order across blocks
        url = f"https://arl2.api.myob.com/accountright/{guid()}/Sale/Invoice/Item/{guid()}"
        lines.append(
            [
                f"{when} ERROR POST {url} -> 400 {myob}",
                f"{when} ERROR POST {url} -> 400 {unknown}",
                f"{when} ERROR GET https://api.accounting.sage.com/v3.1/contacts/{guid().replace('-', '')} -> 401 {sage}",
                json.dumps(
                    {"ts": when, "level": "error", "msg": "MYOB call failed", "url": url, "status": 400, "body": json.loads(myob)}
                ),
                f"{when} INFO synced customer {guid()}",
            ][i % 5]
        )
    path = tmp_path / "vendor-calls.log"
    path.write_text("\n".join(lines) + "\n")
    local = scan(index, [str(path)], ScanOptions(workers=1))
    on_cluster = cluster_module.scan_remote(index, [str(path)], ScanOptions(), client)
    assert path.stat().st_size > 8 * BLOCK and on_cluster.where["tasks"] > 8
    assert sorted(g.count for g in [*local.matched.values(), *local.unmatched.values()]) == [300, 300, 600]
    assert _comparable(scan_document(on_cluster, 10**6)) == _comparable(scan_document(local, 10**6))


def test_lines_past_the_longest_read_are_said_skipped_at_their_lines_on_the_cluster_as_locally(
    client, index, tmp_path, monkeypatch
):
    """Each line over MAX_LINE is not read and is reported at its line, with or without an error word in it, whether
    it starts the log, lies inside a block or holds a block's edge: the cluster's skipped places are the local scan's
    (no worker reported one with no error word before 9e78922), and the vendor errors around them keep their lines."""
    from errcat.scan.records import MAX_LINE

    edge = 3 * MAX_LINE
    monkeypatch.setattr(cluster_module, "TASK_BYTES", edge)
    ok = b"".join(b"2026-11-19T02:%02d:%02dZ INFO sync: invoice %d pushed\n" % (i // 60 % 60, i % 60, i) for i in range(12_000))
    vendor = (
        b"2026-11-19T03:%02d:00Z ERROR sync POST https://arl2.api.myob.com/accountright/0b1c4b4e-2f5e-4a50-9a0c-5b2f2c6c1a11"
        b'/Sale/Invoice/Item -> 400 {"Errors":[{"Name":"DatePriorToBeginningOfFinancialYear","Message":"Date cannot be '
        b'prior to beginning of financial year","ErrorCode":25008}]}\n'
    )
    parts = [b"z" * (MAX_LINE + 10) + b"\n", ok, vendor % 1]  # first line: a blob with no error word
    data = b"".join(parts)
    parts.append(ok[: edge - len(data) - MAX_LINE // 2])  # the next long line holds the first block's edge
    parts += [b"2026-11-19T03:02:00Z INFO blob " + b"w" * MAX_LINE + b"\n", vendor % 3, ok]
    parts += [b"2026-11-19T03:04:00Z ERROR blob " + b"q" * (MAX_LINE + 5) + b"\n", ok, vendor % 5]
    parts += [b"y" * (2 * MAX_LINE) + b" request failed\n", ok, vendor % 7]
    data = b"".join(parts)
    log = tmp_path / "blobs.log"
    log.write_bytes(data)
    spans = list(itertools.pairwise([0, *(m.end() for m in re.finditer(b"\n", data))]))  # each line's start and end
    long_lines = [n + 1 for n, (s, e) in enumerate(spans) if e - s > MAX_LINE]
    assert len(long_lines) == 4 and any(s < edge < e for s, e in spans if e - s > MAX_LINE)
    local = scan(index, [str(log)], ScanOptions(workers=1))
    on_cluster = cluster_module.scan_remote(index, [str(log)], ScanOptions(), client)
    assert on_cluster.where["tasks"] > 2
    assert [(s.line, s.what) for s in local.skipped] == [(n, f"line longer than {MAX_LINE:,} bytes skipped") for n in long_lines]
    assert [(s.line, s.what) for s in on_cluster.skipped] == [(s.line, s.what) for s in local.skipped]
    (group,) = local.matched.values()
    assert group.count == 4 and group.first_seen is not None and group.first_seen.minute == 1
    assert _comparable(scan_document(on_cluster, 10**6)) == _comparable(scan_document(local, 10**6))


def test_a_log_of_distinct_undocumented_vendor_errors_gives_the_same_report_each_time_it_is_scanned(index, tmp_path):
    """A call shape settles after SETTLE_AFTER distinct undocumented records (settled.py) by what the explainer has
    seen: a worker that kept its explainer from task to task and scan to scan grouped a log's records by the ones
    before (the second scan of the same log on a cluster settled at its first record, into other groups). Each task
    starts afresh: a log read as one task is reported as locally, every time."""
    from errcat.scan.settled import SETTLE_AFTER

    url = "https://arl2.api.myob.com/accountright/0b1c4b4e-2f5e-4a50-9a0c-5b2f2c6c1a11/Contact/Customer"
    lines = [
        f"2026-11-20T01:{i // 60 % 60:02d}:{i % 60:02d}Z ERROR POST {url} -> 400 "
        f'{{"Errors":[{{"Name":"Cust{i}Locked","Message":"Customer card {i} is locked","ErrorCode":{70_000 + i}}}]}}'
        for i in range(2 * SETTLE_AFTER + 50)
    ]
    log = tmp_path / "distinct.log"
    log.write_text("\n".join(lines) + "\n")
    local = _comparable(scan_document(scan(index, [str(log)], ScanOptions(workers=1)), 10**6))
    assert any(u["text"].startswith("not explained one by one") for u in local["unmatched"])
    for _ in range(2):
        here = cluster_module.scan_remote(index, [str(log)], ScanOptions())  # the tasks run in this process
        assert here.where["tasks"] == 1
        assert _comparable(scan_document(here, 10**6)) == local


def test_many_small_logs_are_spread_over_the_workers_threads(client, index, tmp_path):
    """Small files were grouped until a task held 32 MB: 300 small logs on S3 were one task, read by one
    worker while the others idled. They are now spread: about two tasks per worker thread, none holding
    more than its share, and the report is still the local one. (Which worker runs a task is Dask's choice, not
    asserted: short tasks stay where the catalog is; the reproducer of 300 objects on S3 measured 2 and 3 a worker.)"""
    from errcat.scan.remote import expand

    names = []
    for i in range(24):
        part, _ = gen_log.block(12, 3, seed=500 + i, extras=i % 4 == 0)
        path = tmp_path / f"app-{i:02d}.log"
        path.write_text("\n".join(part) + "\n")
        names.append(str(path))
    local = scan(index, names, ScanOptions(workers=1))
    on_cluster = cluster_module.scan_remote(index, names, ScanOptions(), client)
    assert _comparable(scan_document(on_cluster, 10**6)) == _comparable(scan_document(local, 10**6))
    threads = sum(client.nthreads().values())
    assert threads == 2 and on_cluster.where["tasks"] >= 2 * threads
    share = -(-sum(Path(n).stat().st_size for n in names) // (2 * threads))
    for kind, what in cluster_module.plan(expand(names), threads):
        assert kind == "files" and sum(size for _name, _url, size in what) <= share


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


def test_a_recursive_glob_over_s3_reads_its_objects_and_no_folder(s3, index, logs):
    """``s3://bucket/prefix/**`` lists the folders under the prefix as well as the objects: each folder was an
    input, counted and reported "not a file" (2 inputs of 5 skipped for a prefix with one sub-folder)."""
    import boto3

    _, gz, small = logs
    bucket = boto3.client("s3", endpoint_url=s3)
    bucket.create_bucket(Bucket="nested-logs")
    keys = ["app/a.log", "app/b.log.gz", "app/2026-12/c.log", "app/2026-12/eu/d.log"]
    for key, path in zip(keys, (small[0], gz, small[1], small[2]), strict=True):
        bucket.upload_file(str(path), "nested-logs", key)
    report = cluster_module.scan_remote(index, ["s3://nested-logs/app/**"], ScanOptions())
    doc = scan_document(report, 10**6)
    assert sorted(i["name"] for i in doc["inputs"]) == sorted(f"s3://nested-logs/{k}" for k in keys)
    assert report.skipped == [] and doc["summary"]["error_records"] > 0


def test_inputs_that_match_nothing_are_said_before_any_cluster_is_reached(s3, cli, tmp_path):
    """``errcat scan 's3://bucket/nothing-here/*.log' --dask local`` started a LocalCluster (seconds, 25 on a loaded
    machine) before saying no file matches: the inputs are resolved first, and with none to read no cluster is
    started or reached. The address given here has no scheduler: reaching it would be an error of its own."""
    import boto3

    boto3.client("s3", endpoint_url=s3).create_bucket(Bucket="empty-logs")
    nowhere = "tcp://127.0.0.1:1"  # nothing listens on port 1
    for name in ("s3://empty-logs/nothing-here/*.log", str(tmp_path / "absent.log")):
        r = cli("scan", name, "--dask", nowhere, "-f", "json")
        assert r.exit_code == 2, r.stderr
        assert r.stderr.strip().splitlines() == [f"errcat: no input could be read: {name}: cannot read: no file matches"] or (
            r.stderr.strip().splitlines() == [f"errcat: no input could be read: {name}: cannot read: No such file or directory"]
        )
        doc = json.loads(r.stdout)
        assert doc["engine"]["kind"] == "dask" and doc["engine"]["started"] is False
        assert [i["problem"][:12] for i in doc["inputs"]] == ["cannot read:"]


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


def test_a_task_keeps_none_of_the_logs_lines_once_done(index, tmp_path):
    """A Dask worker lives on after its task, on a cluster others may share: the memos of a log's lines (shapes, the
    last line's time, signatures) are let go when the task ends, as a local scan lets them go (review10)."""
    from errcat.scan import logline, prepared, summary

    myob = '{"Errors":[{"Name":"CustomerNotFound","Message":"Customer not found","ErrorCode":11003}]}'
    log = tmp_path / "calls.log"
    log.write_text(
        "".join(f"2026-11-19T02:00:{k:02d}Z ERROR POST https://api.myob.com/accountright/{k:08d}-aaaa-4bbb-8ccc-"
                f"{k:012d}/Sale/Invoice -> 400 {myob}\n" for k in range(40))
    )  # fmt: skip
    here = cluster_module.scan_remote(index, [str(log)], ScanOptions())  # the tasks run in this process
    assert sum(g.count for g in [*here.matched.values(), *here.unmatched.values()]) == 40
    assert not prepared._SHAPES and not summary._SIGNED and logline._LAST_STAMP == (None, None)


def test_a_block_holding_a_line_longer_than_a_task_is_read_a_chunk_at_a_time(index, tmp_path, monkeypatch):
    """A block is cut at line starts, so a line longer than a task made a block as long, read whole by a task (as a
    local worker's range held a 200 MB first line whole: 646 MB). Such a block is read a chunk at a time and the line
    let go, said skipped at its line, as a local scan says it; the error after it is matched at its line."""
    import tracemalloc

    monkeypatch.setattr(cluster_module, "TASK_BYTES", 4 << 20)  # blocks of 4 MiB, a line of 48
    ok = b"2026-11-19T02:00:00Z INFO sync: ok\n"
    error = b'2026-11-19T02:00:01Z ERROR sync: HTTP 400 {"Errors":[{"Name":"CustomerNotFound","Message":"Customer not found","ErrorCode":11003}]}\n'
    log = tmp_path / "blob.log"
    log.write_bytes(ok * 3000 + b"z" * (48 << 20) + b"\n" + error + ok * 3000)
    local = scan(index, [str(log)], ScanOptions(workers=1))
    tracemalloc.start()
    try:
        here = cluster_module.scan_remote(index, [str(log)], ScanOptions())  # the tasks run in this process
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (
        [(s.line, s.what) for s in here.skipped]
        == [(s.line, s.what) for s in local.skipped]
        == [(3001, "line longer than 1,048,576 bytes skipped")]
    )
    found = [(k, [p.line for p in g.places]) for k, g in [*here.matched.items(), *here.unmatched.items()]]
    assert found == [(k, [p.line for p in g.places]) for k, g in [*local.matched.items(), *local.unmatched.items()]]
    assert [lines for _, lines in found] == [[3002]]
    assert peak < 32 << 20, f"{peak >> 20} MiB held"  # a chunk read, one ahead, the window: not the 48 MiB line


def test_a_block_inside_a_long_line_reads_no_further_than_its_own_end(tmp_path):
    """Each block finds its first line start; a block inside one long line read on to the line's end, so a line
    spanning n blocks was read about n * n / 2 times over. It now stops at its own end, which it owns nothing before."""
    from errcat.scan.parallel import line_start

    log = tmp_path / "long.log"
    log.write_bytes(b"ok\n" + b"z" * (16 << 20) + b"\nafter\n")
    with log.open("rb") as f:
        assert line_start(f, 4 << 20, 8 << 20) == 8 << 20
        assert f.tell() <= (8 << 20) + (1 << 16)
        assert line_start(f, 2, 8 << 20) == 3  # a line start before the limit is found as before
        assert line_start(f, 4 << 20) == 3 + (16 << 20) + 1


def test_odd_inputs_read_by_tasks_are_reported_as_a_local_scan_reports_them(index, tmp_path):
    """A binary file among the inputs (a screenshot beside the logs) was counted as its whole size scanned by a
    task and as 0 by a local scan, for the same "binary file ... not a log" problem; a truncated gzip, UTF-16,
    an empty file and a file without a final line break are reported alike as well."""
    line = '2026-12-01 10:00:00 ERROR sync: HTTP 400 {"Errors":[{"Name":"DatePriorToBeginningOfFinancialYear","Message":"Date cannot be prior to beginning of financial year","ErrorCode":25008}]}\n'
    files = {
        "a.log.gz": gzip.compress(line.encode() * 1000)[:-300],
        "b.png": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20,
        "c.log": (line * 30).encode("utf-16"),
        "d.log": b"",
        "e.log": (line * 5).encode().rstrip(b"\n"),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    names = [str(tmp_path / name) for name in files]
    local = scan_document(scan(index, names, ScanOptions(workers=1)), 10**6)
    tasks = scan_document(cluster_module.scan_remote(index, names, ScanOptions()), 10**6)  # the tasks run here
    assert [i["problem"] for i in local["inputs"]][1].startswith("binary file")
    assert tasks["inputs"] == local["inputs"]
    assert tasks["skipped"]["counts"] == local["skipped"]["counts"]


def test_missing_protocol_package_and_credentials_in_urls(cli):
    result = cli("scan", "gs://bucket/app.log")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == ["errcat: reading gs:// inputs needs the package gcsfs: pip install gcsfs"]
    from errcat.scan.remote import shown

    assert shown("https://ops:Zq3kFqT0yVb9@logs.example.test/app.log") == "https://***@logs.example.test/app.log"


def test_dask_without_its_extra_names_the_extra_to_install(tmp_path):
    """`errcat scan app.log --dask local` on an install without errcat[dask] (so without fsspec either) said
    "reading URLs needs fsspec: pip install 'errcat[remote]'": the user had named no URL, and that install
    still had no dask. It names the extra --dask needs."""
    import subprocess

    log = tmp_path / "app.log"
    log.write_text("2026-12-01 INFO nothing\n")
    hide = "import sys; sys.modules['distributed'] = sys.modules['dask'] = sys.modules['fsspec'] = None; "
    code = hide + f"sys.argv = ['errcat', 'scan', {str(log)!r}, '--dask', 'local']; from errcat.cli import main; main()"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == "errcat: --dask needs dask and distributed: pip install 'errcat[dask]'\n"


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("s3://ops-logs/app.log", "reading s3:// inputs needs fsspec and the package s3fs: pip install 'errcat[s3]'"),
        ("https://logs.example.test/app.log", "reading https:// inputs needs fsspec and the package aiohttp: pip install 'errcat[remote]' aiohttp"),
        ("gs://ops-logs/app.log", "reading gs:// inputs needs fsspec and the package gcsfs: pip install 'errcat[remote]' gcsfs"),
        ("ftp://logs.example.test/app.log", "reading URLs needs fsspec: pip install 'errcat[remote]'"),
    ],
)  # fmt: skip
def test_a_url_read_without_fsspec_names_all_it_needs_in_one_command(url, said):
    """Without fsspec, every URL said "pip install 'errcat[remote]'"; done, an s3:// or https:// scan failed again,
    on s3fs or aiohttp, which that extra does not bring (integ18, on a fresh install)."""
    import subprocess

    code = (
        f"import sys; sys.modules['fsspec'] = None; sys.argv = ['errcat', 'scan', {url!r}]; from errcat.cli import main; main()"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stdout, done.stderr) == (2, "", f"errcat: {said}\n")


def test_a_local_cluster_ends_without_printing_its_workers_tracebacks(tmp_path):
    """`errcat scan --dask local`: when the scan is over quickly, the LocalCluster closes while its workers still
    send heartbeats, and a worker logged "Failed to communicate with scheduler during heartbeat" with a 30-line
    traceback on errcat's stderr (3 runs of 8 here). The scan's own errors are errcat's one line; the workers'
    shutdown chatter is not the user's. Run as a user runs it (its own process), a few times: the race is timing's."""
    import os
    import subprocess

    env = {k: v for k, v in os.environ.items() if k != "ERRCAT_CATALOG"}
    log = tmp_path / "app.log"  # a log that is read: a missing one starts no cluster (b2d5f3e), so it raced nothing
    log.write_text("2026-11-19T02:00:00Z INFO sync: ok\n")
    for _ in range(4):
        run = subprocess.run(
            [sys.executable, "-m", "errcat", "scan", str(log), "--dask", "local", "-f", "json"],
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
        )
        assert run.returncode == 0 and run.stderr == "", run.stderr[-3000:]
        assert json.loads(run.stdout)["engine"]["workers"] >= 1  # a cluster was started, and closed


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


def test_a_cluster_of_separate_processes_over_s3_survives_a_worker_killed_mid_run(s3, tmp_path):
    """As an operator runs it: `dask scheduler` and two `dask worker` processes started on their own,
    `errcat scan 's3://…/*' --dask ADDRESS` (the real CLI, in its own process) over moto's S3, one
    worker killed while it runs a task. Dask runs the task again on a worker the nanny restarts,
    and the report is the one a local scan of the same files gives; a missing key is reported as
    locally, and the credentials the workers read S3 with are never printed."""
    import os
    import signal
    import subprocess
    import time

    import boto3
    import psutil
    from distributed import Client

    folder = tmp_path / "logs"
    folder.mkdir()
    lines, _ = gen_log.block(3000, 6, seed=21, extras=True)
    text = "\n".join(lines) + "\n"
    # The scan's tasks of 2 MiB, not 32 (as the in-process tests' small_blocks): the big log just over one task
    # (2.8 MB), two tasks, the first long enough to be caught running. At 32 MiB (36 MB of log) the upload and
    # both scans took 60 of the test's 75 s, for the same behaviour.
    task_bytes = 2 << 20
    (folder / "app-big.log").write_text(text * (task_bytes // len(text) + 1))
    (folder / "app-old.log").write_bytes(gzip.compress(text.encode(), compresslevel=1))  # gzip by content: one task
    # 30 small logs cut from one block at record starts (a block call per file loaded the catalog 30 times: ~6 s)
    small, _ = gen_log.block(90, 2, seed=300, extras=True)
    starts = [n for n, line in enumerate(small) if line[:4].isdigit()]
    cuts = [starts[len(starts) * i // 30] for i in range(30)] + [len(small)]
    for i in range(30):
        (folder / f"app-small-{i:02d}.log").write_text("\n".join(small[cuts[i] : cuts[i + 1]]) + "\n")
    bucket = boto3.client("s3", endpoint_url=s3)
    bucket.create_bucket(Bucket="ops-logs")
    for path in sorted(folder.iterdir()):
        bucket.upload_file(str(path), "ops-logs", f"2026-12-04/{path.name}")

    dask = [sys.executable, "-m", "dask"]  # the `dask` command, wherever the scripts were installed
    errcat_command = [  # the `errcat` script's entry, its task size set first
        sys.executable,
        "-c",
        f"from errcat.scan import cluster; cluster.TASK_BYTES = {task_bytes}; from errcat.__main__ import main; main()",
    ]
    env = {k: v for k, v in os.environ.items() if k != "ERRCAT_CATALOG"}
    started: list[subprocess.Popen[bytes]] = []

    def start(*args: str) -> subprocess.Popen[bytes]:
        proc = subprocess.Popen([*dask, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        started.append(proc)
        return proc

    scheduler_file = tmp_path / "scheduler.json"
    try:
        start(
            "scheduler",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--dashboard-address",
            ":0",
            "--scheduler-file",
            str(scheduler_file),
        )
        deadline = time.monotonic() + 60
        while not scheduler_file.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        address = json.loads(scheduler_file.read_text())["address"]
        workers = [start("worker", address, "--nthreads", "1", "--nworkers", "1", "--name", f"w{i}") for i in (1, 2)]
        with Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=120)
            args = ["scan", "s3://ops-logs/2026-12-04/app-*", "s3://ops-logs/2026-12-04/missing.log", "--format", "json"]
            run = subprocess.Popen(
                [*errcat_command, *args, "--top", "100000", "--dask", address],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=env,
            )
            killed = None
            while killed is None and run.poll() is None and time.monotonic() < deadline + 300:
                busy = [w for w, tasks in client.processing().items() if tasks]
                if busy:  # a worker running a task: kill its process (the nanny's child), as a crash would
                    pid = client.run(os.getpid, workers=[busy[0]])[busy[0]]
                    os.kill(pid, signal.SIGKILL)
                    killed = pid
                time.sleep(0.05)
            out, err = run.communicate(timeout=600)
        assert killed is not None, "the scan ended before a task ran"
        assert any(psutil.pid_exists(w.pid) for w in workers)
    finally:
        for proc in reversed(started):
            proc.send_signal(signal.SIGTERM)
        for proc in started:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
    assert run.returncode == 0, err.decode()[-2000:]
    remote = json.loads(out)
    here = runner.invoke(app, ["scan", *sorted(map(str, folder.iterdir())), "--format", "json", "--top", "100000"])
    local = json.loads(here.stdout)
    assert remote["engine"]["kind"] == "dask" and remote["engine"]["workers"] >= 1
    assert remote["summary"]["error_records"] == local["summary"]["error_records"] > 0
    for key in ("matched", "unmatched"):
        assert [(g.get("entry"), g["count"]) for g in remote[key]] == [(g.get("entry"), g["count"]) for g in local[key]]
    assert [Path(i["name"]).name for i in remote["inputs"]] == [*sorted(p.name for p in folder.iterdir()), "missing.log"]
    assert "missing.log" in json.dumps(remote["skipped"])
    printed = out + err
    assert os.environ["AWS_SECRET_ACCESS_KEY"].encode() not in printed and os.environ["AWS_ACCESS_KEY_ID"].encode() not in printed


def _without_errcat(tmp_path) -> dict[str, str]:
    """An environment whose Python finds no errcat: a package of that name first on its path that is not there."""
    import os

    fake = tmp_path / "no-errcat" / "errcat"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text('raise ModuleNotFoundError("No module named \'errcat\'", name="errcat")\n')
    return {**os.environ, "PYTHONPATH": str(fake.parent)}


def _listening(port: int, within: float = 120.0) -> None:
    """Wait until a scheduler started in another process takes connections on ``port``."""
    import socket
    import time

    deadline = time.monotonic() + within
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


@pytest.mark.parametrize("where", ["scheduler", "worker"])
def test_a_cluster_without_errcat_is_said_in_one_line_not_a_hang(where, tmp_path, monkeypatch):
    """`dask scheduler` and `dask worker` started by an operator, errcat missing on one of them (the docs said the
    workers need it; the scheduler does too: it unpickles the tasks). Without it on the scheduler the scan ended
    with "failed on the cluster (RuntimeError)", which says nothing of why; without it on the only worker, that
    worker died at its first task and the scan waited for another for ever. Each is now one line saying what to
    install, the second once the cluster has had no worker for WAIT_FOR_WORKERS seconds."""
    import os
    import socket
    import subprocess

    monkeypatch.setattr(cluster_module, "WAIT_FOR_WORKERS", 4)
    log = tmp_path / "app.log"
    log.write_text(
        '2026-12-01 ERROR HTTP 400 {"Errors":[{"Name":"DatePriorToBeginningOfFinancialYear","Message":"x","ErrorCode":25008}]}\n'
    )
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"
    bare, full = _without_errcat(tmp_path), dict(os.environ)
    dask = [sys.executable, "-m", "dask"]
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    scheduler = subprocess.Popen(
        [*dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
        env=bare if where == "scheduler" else full,
        **quiet,
    )
    worker = subprocess.Popen(
        [*dask, "worker", address, "--nthreads", "1", "--no-dashboard", "--no-nanny"],
        env=bare if where == "worker" else full,
        **quiet,
    )
    try:
        _listening(port)  # errcat says a refused address at once: the scheduler must be up first
        with pytest.raises(errcat.ErrcatError) as said:
            cluster_module.scan_remote(errcat.open_catalog(use_env=False).index, [str(log)], ScanOptions(), address)
    finally:
        for process in (worker, scheduler):
            process.terminate()
            process.wait(timeout=30)
    if where == "scheduler":
        assert str(said.value) == (
            "--dask: the cluster cannot load errcat's tasks (no module named 'errcat'): "
            "install errcat on the scheduler and every worker"
        )
    else:
        assert str(said.value).startswith("--dask: the cluster has had no workers for 4 s while scanning")


def test_a_scheduler_gone_mid_scan_is_said_in_one_line(tmp_path):
    """`dask scheduler` killed while `errcat scan --dask` waits on its tasks (its one worker stopped, so they
    stay under way). The scan ended with "a task reading app.log failed on the cluster (FutureCancelledError)",
    blaming a file that was never at fault, after distributed's own ERROR line ("Failed to reconnect to
    scheduler ..."): now one line saying the scheduler was lost, and nothing else on stderr."""
    import signal
    import socket
    import subprocess
    import time

    from distributed import Client

    log = tmp_path / "app.log"
    log.write_text(
        '2026-12-01 ERROR HTTP 400 {"Errors":[{"Name":"DatePriorToBeginningOfFinancialYear","Message":"x","ErrorCode":25008}]}\n'
    )
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"
    dask = [sys.executable, "-m", "dask"]
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    scheduler = subprocess.Popen([*dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"], **quiet)
    worker = subprocess.Popen([*dask, "worker", address, "--nthreads", "1", "--no-dashboard", "--no-nanny"], **quiet)
    run = None
    try:
        with Client(address, timeout=60) as client:
            client.wait_for_workers(1, timeout=120)
            worker.send_signal(signal.SIGSTOP)  # registered, but runs nothing: the scan's tasks stay under way
            run = subprocess.Popen(
                [sys.executable, "-m", "errcat", "scan", str(log), "--dask", address],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
            deadline = time.monotonic() + 120
            while not any(client.processing().values()) and run.poll() is None and time.monotonic() < deadline:
                time.sleep(0.1)
            assert any(client.processing().values()), "the scan's tasks never reached the scheduler"
        scheduler.kill()
        out, err = run.communicate(timeout=120)
    finally:
        if run is not None and run.poll() is None:
            run.kill()
        worker.send_signal(signal.SIGCONT)
        for process in (worker, scheduler):
            process.kill()
            process.wait(timeout=30)
    assert run.returncode == 2
    assert out == b""
    assert err.decode() == "errcat: --dask: lost the scheduler while scanning (the connection closed): no report\n"


def test_an_address_that_takes_connections_and_never_answers_is_said_in_one_line(tmp_path, monkeypatch):
    """`--dask tcp://host:PORT` where PORT is a server that waits for its own protocol's first words (moto's S3
    server, a database): distributed's Client waited there for ever, its timeout notwithstanding, and so did the
    scan. It ends after cluster.SILENT seconds with one line naming the address."""
    import socket
    import threading
    import time

    monkeypatch.setattr(cluster_module, "SILENT", 2.0, raising=False)  # raising: the same test ran before SILENT was
    log = tmp_path / "app.log"
    log.write_text("2026-12-01 INFO nothing\n")
    taken: list[socket.socket] = []
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        port = silent.getsockname()[1]

        def accept() -> None:
            with contextlib.suppress(OSError):
                while True:
                    taken.append(silent.accept()[0])  # held open, never answered

        threading.Thread(target=accept, daemon=True).start()
        started = time.monotonic()
        result: list[BaseException] = []

        def scan_it() -> None:
            try:
                cluster_module.scan_remote(
                    errcat.open_catalog(use_env=False).index, [str(log)], ScanOptions(), f"tcp://127.0.0.1:{port}"
                )
            except BaseException as exc:  # what the scan ended with, asserted below
                result.append(exc)

        worker = threading.Thread(target=scan_it, daemon=True)
        worker.start()
        worker.join(timeout=60)
        assert not worker.is_alive(), "the scan still waits on an address that never answers"
    for conn in taken:
        conn.close()
    assert time.monotonic() - started < 30
    assert len(result) == 1 and isinstance(result[0], errcat.ErrcatError)
    assert str(result[0]) == (
        f"--dask tcp://127.0.0.1:{port}: the address takes connections but says nothing Dask understands "
        "within 2 s (not a Dask scheduler?)"
    )


@pytest.mark.slow
def test_logs_from_an_http_server_without_range_requests_are_read_whole(index, logs, small_blocks, tmp_path):
    """`python -m http.server` (and other plain servers) answer a Range request with the whole file: fsspec then
    refuses every read past its first 5 MB block, so a big log over http:// was "read failed (ValueError); the rest
    was not read" at line 1, and a file read whole stopped at 8 MiB. Such a file is read whole, as one stream: the
    report is the local scan's."""
    import functools
    from http.server import SimpleHTTPRequestHandler

    from localserver import serving

    big, _gz, _small = logs
    folder = tmp_path / "served"
    folder.mkdir()
    text = big.read_bytes()
    quiet = b"2026-12-01T10:00:00Z INFO sync: nothing to do\n" * 500_000  # 23 MB no record: read past fsspec's blocks
    last = b'2026-12-01T11:00:00Z ERROR sync: HTTP 400 {"Errors":[{"Name":"DatePriorToBeginningOfFinancialYear","Message":"Date cannot be prior to beginning of financial year","ErrorCode":25008}]}\n'
    (folder / big.name).write_bytes(text + quiet + last)
    (folder / "old.log.gz").write_bytes(gzip.compress(text))

    class Quiet(SimpleHTTPRequestHandler):  # Python's own static server: a Range header is not read
        def log_message(self, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(folder))
    names = [str(folder / big.name), str(folder / "old.log.gz")]
    expected = scan_document(scan(index, names, ScanOptions(workers=1)), 10**6)
    with serving(handler) as base:  # type: ignore[arg-type]
        urls = [f"{base}/{big.name}", f"{base}/old.log.gz"]
        doc = scan_document(cluster_module.scan_remote(index, urls, ScanOptions()), 10**6)
    assert doc["skipped"] == expected["skipped"] == {"counts": {}, "places": []}
    assert [(i["bytes"], i["lines"]) for i in doc["inputs"]] == [(i["bytes"], i["lines"]) for i in expected["inputs"]]
    assert doc["summary"]["matched"] == expected["summary"]["matched"] > 0
    assert [(g["count"], len(g["lines"])) for g in doc["matched"]] == [(g["count"], len(g["lines"])) for g in expected["matched"]]


def test_group28s_joinings_are_the_local_ones_on_the_cluster(client, index, small_blocks, tmp_path):
    """gcloud's array of entries (test_scan_joining's capture, 40 times over, blocks starting inside it), a Heroku
    capture after other lines and a line a progress bar rewrote: the cluster's report is the local one."""
    from test_scan_joining import GCLOUD
    from test_scan_real import _HEROKU_NODE_CRASH, LOGHUB

    entries = json.loads(GCLOUD)
    gcloud = tmp_path / "gcloud.json"
    gcloud.write_text(json.dumps(entries * 40, indent=2, sort_keys=True) + "\n")
    heroku = tmp_path / "heroku.log"
    apache = (LOGHUB / "Apache_2k.log").read_text(encoding="utf-8").splitlines()[:20]
    rewritten = "\r 20%|##  | 2/10\r100%|####| 10/10\r" + _HEROKU_NODE_CRASH[10]
    heroku.write_text("\n".join([*apache, *[*_HEROKU_NODE_CRASH, rewritten] * 40]) + "\n")
    for path in (gcloud, heroku):
        local = scan(index, [str(path)], ScanOptions(workers=1))
        on_cluster = cluster_module.scan_remote(index, [str(path)], ScanOptions(), client)
        assert local.other_count > 0
        assert _comparable(scan_document(on_cluster, 10**6)) == _comparable(scan_document(local, 10**6))
    assert gcloud.stat().st_size > 3 * BLOCK and heroku.stat().st_size > 2 * BLOCK

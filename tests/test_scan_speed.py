"""Scan at grep speed (#20): what the faster paths must not change. The needle engines agree, a
body without an error word is found, and a repeat of a call shares one explanation only when
nothing that tells errors apart differs. Speed itself is measured by scripts/bench.py."""

from __future__ import annotations

import contextlib
import itertools
import json
import random
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from errcat.scan import ScanOptions, scan
from errcat.scan import needles as needles_module
from errcat.scan.records import Finder

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import gen_log


def _records(data: bytes, size: int) -> list[tuple[int, int, bytes]]:
    return [(r.line, r.end_line, r.data) for r in Finder().records(data[i : i + size] for i in range(0, len(data), size))]


# one line for each needle: its words, and each way an HTTP error status is stated
NEEDLE_EXAMPLES = [w.decode() for w in needles_module._WORDS] + [
    "HTTP/1.1 404 Not Found",
    '"GET /x HTTP/1.1" 503 12',
    "status: 500",
    '"statusCode": 502',
    "STATUS=429",
    # glog's letter at a line's start (tstack/lnav's test/logfile_glog.0)
    "W0517 15:04:22.619751    2452992 logging_unittest.cc:263] log_if this",
    # an IBM message id's severity letter (elastic/beats's filebeat/module/ibmmq/errorlog/test/AMQERR01.log)
    "AMQ6776E: Queue manager recovery log not correctly configured for advanced",
    # macOS's `log stream` Type column (a public blog post's apsd lines, see test_scan_real)
    "2025-12-11 12:13:46.490439+0100 0xd5b      Fault       0x1a5c23             360    14   apsd: Peer connection",
    # CockroachDB's letter with the year (cockroachdb/docs node-shutdown.md), npm's block (mjmasn/meteor-8808's README)
    "E220202 20:51:23.800288 685 jobs/registry.go:715 ⋮ [n1] 314  error expiring job sessions",
    "npm ERR! code ELIFECYCLE",
    "npm ERR! errno 1",
]


def test_both_needle_engines_find_the_same_records_at_every_chunk_size(use_engine):
    """The contract is NEEDLES, whichever engine keeps it; lines with a needle anywhere, in any
    place of a chunk, noise around them. Chunks of 1 and 7 bytes split every needle and record at
    every place: they read the planted needles and 100 generated lines (17 KB; the whole 150 KB
    log at one byte a chunk took 30 s of CPU), chunks of 4096 bytes and one chunk read it all."""
    lines, _ = gen_log.block(200, 4, seed=5, extras=True)
    rnd = random.Random(3)
    noise = [f"INFO tick {i} ok" for i in range(200)]
    # every needle alone on a line, at the start, the end and in the middle of the line
    planted = [f"{rnd.choice(noise)} {n} x" for n in NEEDLE_EXAMPLES] + NEEDLE_EXAMPLES
    small = "\n".join(lines[:100] + planted + noise[:20]).encode() + b"\n"
    data = "\n".join(lines + planted + noise).encode() + b"\n"
    runs = [(small, size) for size in (1, 7, len(small))] + [(data, size) for size in (4096, len(data))]
    if use_engine("hyperscan") != "hyperscan":
        pytest.skip("the hyperscan wheel is not installed on this platform; only the re engine runs here")
    fast = [_records(text, size) for text, size in runs]
    assert use_engine("python") == "python"
    slow = [_records(text, size) for text, size in runs]
    assert fast == slow
    assert fast[0] == fast[1] == fast[2] and fast[3] == fast[4]  # and the chunk size changes nothing
    for found in ({d for _, _, d in fast[0]}, {d for _, _, d in fast[3]}):
        for n in NEEDLE_EXAMPLES:
            assert any(n.encode() in d for d in found), n
        assert not any(b"status: 200" in d for d in found)  # a status under 400 is no needle


def test_a_last_line_without_its_newline_is_a_record_by_the_same_needles_in_both_engines(use_engine):
    """The input's last line, cut before its newline (a log read while written, a file cut by
    head -c), is a record when it holds a needle, a line of noise is none; Hyperscan tells it
    with its own database, as the rest of the input."""
    if needles_module.engine_name() != "hyperscan":
        pytest.skip("the hyperscan wheel is not installed on this platform; only the re engine runs here")
    lasts = [*NEEDLE_EXAMPLES, "INFO tick 3 ok", "status: 200", "E", "level 50"]
    texts = [f"INFO tick 1 ok\nINFO tick 2 ok\n{last}".encode() for last in lasts] + [last.encode() for last in lasts]
    fast = [_records(text, len(text)) for text in texts]
    use_engine("python")
    assert [_records(text, len(text)) for text in texts] == fast
    held = [bool(found) for found in fast]
    assert held == [True] * len(NEEDLE_EXAMPLES) + [False] * 4 + [True] * len(NEEDLE_EXAMPLES) + [False] * 4


def test_line_numbers_are_the_same_however_newlines_are_counted(monkeypatch):
    """StringZilla counts newlines when its wheel is installed (a dependency), bytes.count
    otherwise: the records and their line numbers must not depend on which, at any chunk size,
    with blank lines, CRLF line ends and a last line without its newline."""
    from errcat.scan import records as records_module

    pytest.importorskip("stringzilla", reason="no stringzilla wheel here: only bytes.count runs")
    assert records_module.newlines is not records_module._newlines_in
    lines, _ = gen_log.block(120, 4, seed=9, extras=True)
    data = ("\n".join(lines) + "\n\n\r\n" + lines[-1]).encode()
    small = ("\n".join(lines[-80:]) + "\n\n\r\n" + lines[-1]).encode()  # chunks of 1 and 13 bytes: 9 KB, not 85
    runs = [(small, 1), (small, 13), (small, len(small)), (data, 4096), (data, len(data))]
    fast = [_records(text, size) for text, size in runs]
    monkeypatch.setattr(records_module, "newlines", records_module._newlines_in)
    slow = [_records(text, size) for text, size in runs]
    assert fast == slow
    assert fast[0] == fast[1] == fast[2] and fast[3] == fast[4]
    assert fast[0][-1][1] == small.count(b"\n") + 1  # the last record ends on the last line
    assert fast[3][-1][1] == data.count(b"\n") + 1


def test_the_python_engine_scans_a_generated_log_like_the_default_one(use_engine, index, tmp_path):
    lines, manifest = gen_log.block(300, 4, seed=11, extras=True)
    path = tmp_path / "sync.log"
    path.write_text("\n".join(lines) + "\n")
    default = scan(index, [str(path)], ScanOptions(workers=1))
    use_engine("python")
    python = scan(index, [str(path)], ScanOptions(workers=1))
    assert {k: (g.count, g.places) for k, g in default.matched.items()} == {
        k: (g.count, g.places) for k, g in python.matched.items()
    }
    assert default.unmatched_count == python.unmatched_count == manifest.unmatched


def test_a_prospend_body_logged_at_warn_without_a_status_is_found(cli, tmp_path):
    log = tmp_path / "app.log"
    log.write_text(
        "2026-11-20T01:00:00Z INFO sync started\n"
        '2026-11-20T01:00:01Z WARN prospend sync gave {"code":"ACCESS_FORBIDDEN","message":"Access to this resource is forbidden."}\n'
        "2026-11-20T01:00:02Z INFO sync done\n",
        encoding="utf-8",
    )
    d = json.loads(cli("scan", str(log), "--format", "json").stdout)
    assert d["summary"]["error_records"] == 1
    (group,) = d["matched"]
    assert (group["vendor"], group["code"]) == ("prospend", "ACCESS_FORBIDDEN")


def test_calls_that_differ_only_in_their_ids_are_read_once_each_in_its_own_words(index, tmp_path):
    """A log of one-line vendor errors whose URLs name a GUID or a long hex id of their own (MYOB's
    company file and customer, Sage's contact): the second of a shape takes the first's reading (its
    level, its template) instead of being prepared afresh, yet is explained in its own words, and
    each is counted at its line; a number that may be a code still tells two calls apart."""
    myob = '{"Errors":[{"Name":"CustomerNotFound","Message":"Customer not found","ErrorCode":11003}]}'
    sage = '[{"$severity":"error","$dataCode":"RECORD_NOT_FOUND","$message":"Resource not found"}]'
    rng = random.Random(5)
    guids = [f"{rng.getrandbits(128):032x}" for _ in range(8)]
    guids = [f"{g[:8]}-{g[8:12]}-{g[12:16]}-{g[16:20]}-{g[20:]}" for g in guids]
    lines = []
    for i, g in enumerate(guids):
        lines.append(
            f"2026-11-20T01:00:{i:02d}.5Z ERROR POST https://arl2.api.myob.com/accountright/{g}/Sale/Invoice -> 400 {myob}"
        )
        lines.append(
            f"2026-11-20T01:01:{i:02d}Z ERROR GET https://api.accounting.sage.com/v3.1/contacts/{g.replace('-', '')} -> 404 {sage}"
        )
    lines.append(f"2026-11-20T01:02:00Z ERROR POST https://arl2.api.myob.com/accountright/1234567890123456/x -> 400 {myob}")
    lines.append(f"2026-11-20T01:02:01Z ERROR POST https://arl2.api.myob.com/accountright/6543210987654321/x -> 400 {myob}")
    data = ("\n".join(lines) + "\n").encode()
    prepared, pending = _triaged(index, data)
    assert prepared == [1, 2, 17, 18]  # the first of each shape; digits alone (17, 18) may be a code: each its own
    assert [p.line for p in pending] == list(range(1, len(lines) + 1))
    for prep, line in zip(pending, lines, strict=True):
        assert line.endswith(prep.paste) and prep.paste.startswith("ERROR ")  # its own words, its time aside
    report = scan(index, [str(_written(tmp_path, data))], ScanOptions(workers=1))
    assert sorted(g.count for g in [*report.matched.values(), *report.unmatched.values()]) == [8, 10]
    from errcat.scan import logline as logline_module
    from errcat.scan import prepared as prepared_module
    from errcat.scan import summary as summary_module

    # a scan done keeps no line of the log (a long-lived process)
    assert not prepared_module._SHAPES and not summary_module._SIGNED and logline_module._LAST_STAMP == (None, None)


def test_a_scan_cut_short_keeps_no_line_of_the_log_either(index, tmp_path):
    """A long-lived process whose scan ends in an exception (here its progress callback's, as a caller cancels) keeps
    none of the lines read before it either: the memos were let go only when a scan ended well."""
    from errcat.scan import logline as logline_module
    from errcat.scan import prepared as prepared_module
    from errcat.scan import summary as summary_module

    myob = '{"Errors":[{"Name":"CustomerNotFound","Message":"Customer not found","ErrorCode":11003}]}'
    line = "2026-11-20T01:00:00Z ERROR POST https://arl2.api.myob.com/accountright/GUID/Sale/Invoice -> 400 " + myob + "\n"
    first = _written(tmp_path, "".join(line.replace("GUID", f"{k:032x}") for k in range(4)).encode())
    second = tmp_path / "second.log"
    second.write_bytes(first.read_bytes())

    def cancel(done: int) -> None:
        if done > first.stat().st_size:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        scan(index, [str(first), str(second)], ScanOptions(workers=1), progress=cancel)
    assert not prepared_module._SHAPES and not summary_module._SIGNED and logline_module._LAST_STAMP == (None, None)


def test_json_log_lines_that_differ_only_in_their_ids_are_read_once_each_as_prepared_afresh(index):
    """A structured log's vendor errors (JSON lines: a time, a level, a URL and a request id of their own): the
    second of a shape takes the first's reading with its ids swapped for its own, which is what preparing it afresh
    gives, paste and template alike; a line whose ids do not pair up with the first's is prepared afresh."""
    from errcat.scan.prepared import prepare
    from errcat.scan.records import Record

    rng = random.Random(8)

    def guid() -> str:
        g = f"{rng.getrandbits(128):032x}"
        return f"{g[:8]}-{g[8:12]}-{g[12:16]}-{g[16:20]}-{g[20:]}"

    body = {"Errors": [{"Name": "CustomerNotFound", "Message": "Customer not found", "ErrorCode": 11003}]}
    lines = []
    for i in range(8):
        company, request = guid(), guid()
        doc = {"ts": f"2026-11-20T01:00:0{i}.{i}Z", "level": "error", "msg": "MYOB call failed", "status": 400,
               "request_id": request, "url": f"https://arl2.api.myob.com/accountright/{company}/Contact/Customer",
               "response": body}  # fmt: skip
        if i == 5:  # one id twice where the first had two: each of the first's still has one to take its place
            doc["url"] = doc["url"].replace(company, request)
        if i >= 6:  # another shape whose first holds one id twice: the next one's two ids cannot both take its place
            doc["msg"] = "MYOB call failed again"
            doc["url"] = doc["url"].replace(company, request) if i == 6 else doc["url"]
        lines.append(json.dumps(doc))
    data = ("\n".join(lines) + "\n").encode()
    prepared, pending = _triaged(index, data)
    assert prepared == [1, 7, 8]
    assert [p.line for p in pending] == list(range(1, 9))
    for prep, line in zip(pending, lines, strict=True):
        afresh = prepare(Record(prep.line, prep.line, line.encode()), ScanOptions())
        assert (prep.paste, prep.key) == (afresh.paste, afresh.key)


def _triaged(index, data: bytes) -> tuple[list[int], list]:
    """The lines the triage prepared afresh, and the records it keeps to explain, of a log read by the finder."""
    from errcat.scan import triage as triage_module
    from errcat.scan.concerns import needles_for
    from errcat.scan.summary import ScanReport

    prepared: list[int] = []
    original = triage_module.prepare

    def counted(rec, options, status=None):
        prepared.append(rec.line)
        return original(rec, options, status)

    triage = triage_module.Triage(needles_for(index.whole), ScanOptions(), ScanReport(), "app.log")
    with pytest.MonkeyPatch.context() as m:
        m.setattr(triage_module, "prepare", counted)
        pending = list(Finder(triage=triage).to_explain([data]))
    return prepared, pending


def _written(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "app.log"
    path.write_bytes(data)
    return path


def test_a_repeat_with_another_request_id_shares_its_explanation_but_not_another_code(index, tmp_path):
    """Ten calls that differ in a 7-digit request id are one error ten times; two MYOB bodies
    that differ only in a 6-digit ErrorCode are two errors, never one explanation reused."""
    name, message = "DatePriorToBeginningOfFinancialYear", "Date cannot be prior to beginning of financial year"
    body = '{"Errors":[{"Name":"' + name + '","Message":"' + message + '","ErrorCode":%s}]}'
    lines = [
        f"2026-11-20T01:00:{i:02d}Z ERROR myob req={1000000 + i * 7919} POST /Sale/Invoice/Item -> 400 "
        + body % "25008"  # a documented MYOB error: the same each time
        for i in range(10)
    ]
    lines += [
        f"2026-11-20T01:01:0{i}Z ERROR myob POST /Sale/Invoice/Item -> 400 " + body % code
        for i, code in enumerate(("123456", "654321"))
    ]
    path = tmp_path / "app.log"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = scan(index, [str(path)], ScanOptions(workers=1))
    assert report.errors == 12
    counts = sorted(g.count for g in [*report.matched.values(), *report.unmatched.values()])
    labels = sorted(u.text for u in report.unmatched.values())
    assert any("123456" in t for t in labels) and any("654321" in t for t in labels), labels
    assert 10 in counts  # the ten repeats: one group
    places = [p.line for g in report.matched.values() for p in g.places]
    assert places == list(range(1, 11))  # each repeat keeps its own line


@pytest.mark.parametrize(("compress", "workers"), [(False, 1), (False, 2), (True, 1)])
def test_progress_ends_at_the_byte_count_the_summary_gives(index, tmp_path, monkeypatch, compress, workers):
    """The progress bar's total is the input's size on disk (compressed for gzip); its last
    value and the summary's byte count are that same number, whoever reads the file."""
    import gzip

    import errcat.scan as scan_module

    monkeypatch.setattr(scan_module, "PARALLEL_MIN", 0)
    lines, _ = gen_log.block(100, 4, seed=2, extras=False)
    data = ("\n".join(lines) + "\n").encode()
    path = tmp_path / ("a.log.gz" if compress else "a.log")
    path.write_bytes(gzip.compress(data) if compress else data)
    seen: list[int] = []
    report = scan(index, [str(path)], ScanOptions(workers=workers), progress=seen.append)
    assert seen and seen[-1] == report.inputs[0].bytes == path.stat().st_size
    assert seen == sorted(seen)  # it never runs backwards


LINES = [
    "2026-11-20T01:00:00Z INFO sync.worker[3] invoice 123 synced",
    "2026-11-20T01:00:01Z ERROR POST https://api.myob.com/x -> 400 " + '{"Errors":[{"Name":"A","ErrorCode":1}]}',
    "2026-11-20T01:00:02Z WARN MYOB returned 400, response body:",
    "2026-11-20T01:00:03Z ERROR sync failed [",
    "2026-11-20T01:00:04Z ERROR <error>Invalid</error>",
    "2026-11-20T01:00:05Z ERROR request failed =",
    "GET /contacts HTTP/1.1  ",
    "HTTP/1.1 422 Unprocessable Entity",
    "Content-Type: application/json",
    "",
    "{",
    '  "errors": [{"message": "Date is not valid"}]',
    "}",
    '{"level":"error","msg":"failed"}',
    "[",
    "]",
    "  at Sync.run (sync.js:10)",
    "\tat next",
    '"quoted" error line',
    "<?xml version='1.0'?>",
    "\x0cERROR after a form feed",
    "Traceback (most recent call last):",
    "ValueError: failed",
    "java.lang.IllegalStateException: failed to start",
    "Caused by: java.io.IOException: failed",
    "2026-11-20 01:00:06,000 ERROR a date inside a body ends it",
    # one-line JSON after a log prefix: closed on the line, or not (an extra brace, a quoted brace, an open quote)
    "2026-11-20T01:00:08Z ERROR sage GET /contacts/9 -> 404 " + '[{"$severity":"error","$dataCode":"RECORD_NOT_FOUND"}]',
    "2026-11-20T01:00:09Z ERROR failed {" + '"a": {"b": [1, 2]}, "c": "}{"}',
    "2026-11-20T01:00:10Z ERROR failed {" + '"a": 1}}  {"b": [',
    "2026-11-20T01:00:11Z ERROR failed body=" + '"{\\"Errors\\": 1}"',
    "2026-11-20 01:00:12,000 ERROR failed: " + '"text {x}',
    "[2026-11-20 01:00:13] production.ERROR: failed " + '{"exception":"[object] (Exception(code: 0): x)"}',
    "2026-11-20T01:00:14Z ERROR render(Writer w) throws IOException {",
    "2026-11-20T01:00:15Z ERROR <?xml version='1.0'?><Error>failed " + '{"a": 1}',
    "Unhandled exception: " + '{"a": 1}',
    "2026-11-20T01:00:16Z ERROR failed " + '{"a": [1, 2]',
    "-- failed here --",
    # JSON log lines (a time and a level): closed on the line, or not; indented
    '{"ts":"2026-11-20T01:00:17Z","level":"error","msg":"POST /x failed","status":400,"body":{"Errors":[{"Name":"A"}]}}',
    '{"ts":"2026-11-20T01:00:18Z","level":"error","msg":"failed","body":{',
    '  {"ts":"2026-11-20T01:00:19Z","level":"error","msg":"failed"}',
    "2026-11-20T01:00:20Z INFO sync got:",  # announces what follows, marked as nothing
]


class _Taken:
    """A triage that takes every record as it is handed over, none counted by its shape: what the
    finder decides from the marks alone is then compared with grouping every line."""

    repeats = False

    @staticmethod
    def shape_of(data: bytes, erring: bool, column: int | None = None) -> None:
        return None  # no record is a repeat of another

    def __init__(self) -> None:
        self.got: list[tuple[int, int, bytes]] = []
        self.pending: list[object] = []

    def count_lines(self, buf, starts, ends, erring, take, statuses=None):
        for ls, le in zip(starts, ends, strict=True):
            take(ls, le)

    def record(self, rec, shape=None, status=None):
        self.got.append((rec.line, rec.end_line, rec.data))


PLAIN = [
    "2026-11-20T01:00:06Z ERROR sync failed for invoice 7",
    "X-Retry-Reason: previous attempt failed",
    "[Sun Dec 19 19:45:58 2005] [error] mod_jk child in error state 7",
    "2026-11-20T01:00:07Z INFO ok\r",
    "Caused by: java.io.IOException: failed",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(LINES + PLAIN), min_size=1, max_size=25), st.sampled_from([None, 64, 7, 1]))
def test_a_line_taken_by_its_marks_is_the_record_grouping_gives(lines, size):
    """A needle line the finder takes as a record of its own because nothing near it is marked
    (records.Finder._take_marked) is the record grouping every line gives, at any chunk size."""
    data = ("\n".join(lines) + "\n").encode()
    chunks = [data] if size is None else [data[i : i + size] for i in range(0, len(data), size)]
    taken = _Taken()
    list(Finder(triage=taken).records(chunks))
    assert taken.got == [(r.line, r.end_line, r.data) for r in Finder().records(chunks)]


def _taken_and_grouped(lines: list[str]) -> tuple[list[tuple[int, int, bytes]], list[tuple[int, int, bytes]]]:
    data = ("\n".join(lines) + "\n").encode()
    taken = _Taken()
    list(Finder(triage=taken).records([data]))
    return taken.got, [(r.line, r.end_line, r.data) for r in Finder().records([data])]


def test_every_line_between_any_two_is_taken_as_grouping_gives():
    """Every two lines of LINES and PLAIN, and every line that may open a body between every two
    (a one-line JSON record after a log prefix, say, whose next line continues a body it left
    open): the finder takes the records grouping every line gives. The random examples above meet
    a given sequence of three once in a thousand."""
    pool = [*LINES, *PLAIN]
    opening = [line for line in pool if "{" in line]
    seqs = [*itertools.product(pool, repeat=2), *((a, b, c) for b in opening for a in pool for c in pool)]
    differ = [seq for seq in seqs if (got := _taken_and_grouped(list(seq)))[0] != got[1]]
    assert not differ, differ[:3]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from([*LINES, *NEEDLE_EXAMPLES, "code 7 failed", "<3>kernel: error", "x\x00 error"]), min_size=1, max_size=25
    ),
    st.integers(0, 30),
)
def test_both_engines_mark_the_same_lines(lines, skip):
    """What decides whether a needle line is taken without grouping (needles.Marks) is the same
    whichever engine marks it, from whichever line start the pass begins."""
    if needles_module._database() is None:
        pytest.skip("the hyperscan wheel is not installed on this platform; only the re engine runs here")
    data = ("\n".join(lines) + "\n").encode()
    starts = [0, *[i + 1 for i, b in enumerate(data) if b == 10][:-1]]
    start = starts[min(skip, len(starts) - 1)]
    for final, together in itertools.product((True, False), (True, False)):
        with _guessed(together):
            fast = needles_module._hyperscan_marks(data, start, len(data), final)
        slow = needles_module._python_marks(data, start, len(data), final)
        assert fast == slow


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from([*LINES, *NEEDLE_EXAMPLES, "{", "[", "  indented", ""]), min_size=1, max_size=6),
        min_size=1,
        max_size=5,
    ),
    st.integers(0, 2),
)
def test_one_pass_over_a_sparse_buffer_keeps_only_its_stretches_marks(clusters, gap):
    """A buffer marked in one pass with its needles whose needle lines turn out few (the guess was
    wrong) keeps exactly the marks the pass around each of its needle lines makes: clusters of lines
    apart by quiet stretches of 0 to 40 KB."""
    if needles_module._database() is None:
        pytest.skip("the hyperscan wheel is not installed on this platform; only the re engine runs here")
    quiet = "2026-11-20T01:00:00Z INFO tick ok {x}\n" * (gap * 600)
    data = quiet.join("\n".join(c) + "\n" for c in clusters).encode()
    with _guessed(True):
        fast = needles_module._hyperscan_marks(data, 0, len(data), True)
    assert fast == needles_module._python_marks(data, 0, len(data), True)


@contextlib.contextmanager
def _guessed(all_along):
    """Hyperscan's guess that needle lines are all along a buffer (marked with its needles in one
    pass) or not (its marks found in a second pass, around them): what is marked must not depend on it."""
    guess = needles_module._ALL_ALONG[0]
    needles_module._ALL_ALONG[0] = all_along
    try:
        yield
    finally:
        needles_module._ALL_ALONG[0] = guess


def test_a_line_opening_with_a_bracket_opens_a_body_only_where_an_array_starts():
    """Apache's "[Sun Dec 19 ...] [error]" line is a record of its own, not the continuation of
    the line before (it was, as a JSON array); "[" starts a JSON body only as "[{", '["' or at a
    line's end."""
    data = (
        b"2026-11-19T01:59:59Z INFO proxy started\n"  # its record ends here: it opens nothing
        b"[Sun Dec 19 19:45:58 2005] [error] mod_jk child workerEnv in error state 7\n"
        b"[Sun Dec 19 19:45:59 2005] [notice] jk2_init() Found child 6725\n"
        b"2026-11-19T02:00:00Z ERROR sync failed, response body:\n"
        b"[\n"
        b'  {"error": "Tax region is not valid"}\n'
        b"]\n"
        b'["error", "a whole JSON line"]\n'
    )
    found = [(line, end) for line, end, _ in _records(data, len(data))]
    assert found == [(2, 2), (4, 7), (8, 8)]


def _cheap_and_dear(index, path, monkeypatch):
    """A scan's counts as the fast paths give them, and as grouping and preparing every record does."""
    from errcat.scan import records, triage

    def summary(report):
        other = {t: (g.count, g.places) for t, g in report.other.items()}
        unmatched = {t: (g.count, g.places, dict(g.endpoints)) for t, g in report.unmatched.items()}
        return report.records, report.errors, report.not_errors, other, unmatched

    cheap = summary(scan(index, [str(path)], ScanOptions(workers=1)))
    prepared_afresh = triage.Triage.__init__

    def every_record_prepared(self, *args, **kwargs):
        prepared_afresh(self, *args, **kwargs)
        self.repeats = False

    with monkeypatch.context() as m:
        m.setattr(triage.Triage, "__init__", every_record_prepared)
        m.setattr(records, "_marked", lambda buf, starts, ends, marks: range(len(ends)))  # every line grouped
        dear = summary(scan(index, [str(path)], ScanOptions(workers=1)))
    return cheap, dear


def test_a_header_with_a_needle_inside_a_dumped_exchange_stays_in_it(index, tmp_path, monkeypatch):
    """A header line that holds "failed" continues the exchange before it, although neither
    neighbour is marked (found in review: the exchange was split in two and lost its endpoint)."""
    path = tmp_path / "exchange.log"
    path.write_bytes(
        b"2026-11-19T02:00:00Z DEBUG sage request:\n"
        b"POST https://api.accounting.sage.com/v3.1/sales_invoices HTTP/1.1\n"
        b"Host: api.accounting.sage.com\n"
        b"X-Retry-Reason: previous attempt failed\n"
        b"Content-Type: application/json\n"
        b"\n"
        b"HTTP/1.1 422 Unprocessable Entity\n"
        b"\n"
        b'[{"$severity": "error", "$dataCode": "RecordInvalid", "$message": "Contact is not valid"}]\n'
        b"2026-11-19T02:00:01Z INFO done\n"
    )
    cheap, dear = _cheap_and_dear(index, path, monkeypatch)
    assert cheap == dear
    assert cheap[0] == 1  # one record, the whole exchange


def test_both_engines_mark_the_same_stretches_of_a_sparse_log():
    """Far from any needle line nothing is marked, by either engine; a line holding a word and a
    status is one needle line (found in review: Hyperscan counted it twice, and marked more)."""
    if needles_module._database() is None:
        pytest.skip("the hyperscan wheel is not installed on this platform; only the re engine runs here")
    data = b"{ far from any needle\n" + b"2026-11-20T01:00:00Z INFO tick ok\n" * 1000 + b"job status: 500 failed\n" * 5
    for together in (True, False):  # a sparse log after one with needle lines all along, or not
        with _guessed(together):
            fast = needles_module._hyperscan_marks(data, 0, len(data), True)
        assert fast == needles_module._python_marks(data, 0, len(data), True)
        assert len(fast.lines) == 5 and 22 not in fast.structural


def test_one_pass_marks_a_big_buffer_as_two_do():
    """After a buffer of a real log (needle lines all along), the next is marked in one pass with
    its needles; a sparse one after it keeps only the marks around its needle lines, as before."""
    if needles_module._database() is None:
        pytest.skip("the hyperscan wheel is not installed on this platform; only the re engine runs here")
    loghub = Path(__file__).resolve().parents[2] / "shared" / "logs" / "loghub"
    dense = b"".join(p.read_bytes() for p in sorted(loghub.glob("*.log")))
    if not dense:
        pytest.skip(f"the Loghub samples are not here ({loghub}): the real lines this test reads")
    sparse = (
        b"{ far from any needle\n" + b"2026-11-20T01:00:00Z INFO tick ok\n" * 40_000 + b"job status: 500 failed\n" + b"}\n" * 3
    )
    with _guessed(False):
        for data in (dense, sparse, dense):
            assert len(data) >= needles_module._GUESS_FROM
            fast = needles_module._hyperscan_marks(data, 0, len(data), True)
            assert fast == needles_module._python_marks(data, 0, len(data), True)
        assert needles_module._ALL_ALONG[0]  # the dense buffer made the guess: the next goes in one pass


def test_a_status_stated_twice_is_not_served_by_a_shape_that_stated_it_once(index, tmp_path, monkeypatch):
    """ "status: 500 and status: 7" and "status: 200 and status: 500" have one shape; the first
    status is the one read, so the second kind is no error by status (found in review)."""
    lines = [f"2026-11-19T02:00:{i:02d}Z job {i} status: 500 and status: {i % 10} failed" for i in range(40)]
    lines += [f"2026-11-19T02:01:{i:02d}Z job {i} status: 200 and status: 500 failed" for i in range(10)]
    # one shape: a status place left empty in the first records, holding 404 in the next ones
    lines += [f"2026-11-19T02:02:{i:02d}Z job {i} status: 500 prev status:  failed" for i in range(60)]
    lines += [f"2026-11-19T02:03:{i:02d}Z job {i} status: 200 prev status: 404 failed" for i in range(10)]
    # one shape: "[3]" numbered, then "[e]" a level (error)
    lines += [f"2026-11-19T02:04:{i:02d}Z [{i % 10}] worker sync failed" for i in range(40)]
    lines += [f"2026-11-19T02:05:{i:02d}Z [e] worker sync failed" for i in range(10)]
    path = tmp_path / "status.log"
    path.write_text("\n".join(lines) + "\n")
    cheap, dear = _cheap_and_dear(index, path, monkeypatch)
    assert cheap == dear
    assert (cheap[1], cheap[2]) == (40 + 60 + 10, 10 + 10 + 40)


def test_a_record_whose_head_ends_a_range_is_found_by_that_range():
    """A worker's range ends after a body's log line; the body's needle comes lines later, past
    the range: the range still reads on to it (found in review: no range found the record)."""
    from errcat.scan.records import LOOKBACK, MAX_RECORD

    head = b"2026-11-19 INFO start\n2026-11-19 DEBUG response body:\n"
    body = b'{\n  "errors": [{"message": "Tax rate failed"}]\n}\n'
    pad = b"2026-11-19 INFO tick ok\n" * ((MAX_RECORD + LOOKBACK) // 24 + 10)
    data = head + body + pad

    def found(**kwargs):
        return [(r.line, r.end_line) for r in Finder(**kwargs).records([data])]

    assert found() == [(2, 5)]
    assert found(own_start=0, own_end=len(head)) + found(own_start=len(head)) == [(2, 5)]


def test_hyperscan_databases_are_compiled_once_and_kept_in_the_cache_directory(tmp_path, monkeypatch):
    """Each scan compiled its databases again in every process (0.16 s each); now a database is
    kept in the cache directory, a damaged one is compiled again, and a directory that cannot be
    written costs only the compiling."""
    hyperscan = pytest.importorskip("hyperscan", reason="no hyperscan wheel here: the pure-Python engine runs")
    monkeypatch.setenv("ERRCAT_CACHE_DIR", str(tmp_path))
    found: list[int] = []

    def ends(db) -> list[int]:
        found.clear()
        db.scan(b"ok\nan error here\n", match_event_handler=lambda _id, _from, to, _flags, _ctx: found.append(to))
        return list(found)

    expressions = [b"error[^\n]*\n"]
    assert ends(needles_module.compiled_database(expressions)) == [17]
    (kept,) = (tmp_path / "hyperscan").iterdir()
    assert hyperscan.loadb(kept.read_bytes(), hyperscan.HS_MODE_BLOCK) is not None
    assert ends(needles_module.compiled_database(expressions)) == [17]  # loaded
    kept.write_bytes(b"not a database")
    assert ends(needles_module.compiled_database(expressions)) == [17]
    assert kept.read_bytes() != b"not a database"  # compiled and kept again
    assert sorted(p.name for p in (tmp_path / "hyperscan").iterdir()) == [kept.name]  # no part file left
    monkeypatch.setenv("ERRCAT_CACHE_DIR", str(tmp_path / "file"))
    (tmp_path / "file").write_text("a file where the directory would be")
    assert ends(needles_module.compiled_database(expressions)) == [17]


_REPEATED = [
    "2026-11-20T01:00:{s:02d}Z ERROR worker {n} failed to sync batch {n}",
    "2026-11-20T01:00:{s:02d}Z WARN disk {n} error count {n}\r",
    "2026-11-20T01:00:{s:02d}Z INFO processed {n} items, 0 errors",
    '10.0.0.{n} - - [20/Nov/2026:01:00:{s:02d} +0000] "GET /a/{n} HTTP/1.1" {status} 12',
    "2026-11-20T01:00:{s:02d}Z ERROR sync.myob POST https://arl2.api.myob.com/accountright/x failed with status 400",
    "[Fri Nov 20 01:00:{s:02d} 2026] [error] child {n} exited",
    "2026-11-20T01:00:{s:02d}Z ERROR body follows:",
    '{{"level": "error", "msg": "sync failed {n}"}}',
    "  at Worker.run (worker.js:{n})",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(_REPEATED) - 1), st.integers(0, 59), st.sampled_from([200, 404, 503])), max_size=60))
def test_lines_counted_all_at_once_count_as_one_at_a_time(index, tmp_path_factory, lines):
    """Triage.count_lines counts a run of needle lines by their shapes at once; the report (counts,
    places, samples, first and last seen) is the one counting them one by one gives, with lines
    of a shape counted before, taken in between, CRLF line ends and statuses either side of 400."""
    from errcat.scan import triage

    text = "\n".join(_REPEATED[k].format(s=s, n=s * 7 % 13, status=status) for k, s, status in lines) + "\n"
    path = tmp_path_factory.mktemp("bulk") / "x.log"
    path.write_text(text, newline="")

    def report():
        r = scan(index, [str(path)], ScanOptions(workers=1))
        other = {t: (g.count, g.places, g.samples, g.first_seen, g.last_seen) for t, g in r.other.items()}
        matched = {k: (g.count, g.places, g.first_seen, g.last_seen) for k, g in r.matched.items()}
        return r.records, r.errors, r.not_errors, other, matched

    at_once_counts = triage.Triage.count_lines

    def one_at_a_time(self, buf, starts, ends, erring, take, statuses=None):
        for ls, le in zip(starts, ends, strict=True):
            at_once_counts(self, buf, [ls], [le], erring, take, statuses)

    at_once = report()
    with pytest.MonkeyPatch.context() as m:
        m.setattr(triage.Triage, "count_lines", one_at_a_time)
        assert report() == at_once


def test_one_character_in_brackets_after_a_level_word_keeps_a_shape():
    """logrotate's 'ALERT exited abnormally with [1]' (Loghub's Linux sample) was prepared afresh on
    every line, as '[e]' may be a level letter the shape drops: after a level word the brackets
    cannot be the level, so the line has a shape and its repeats are counted by it (5,375 such
    lines in the bench's real log, ~0.15 ms each)."""
    from errcat.scan.prepared import shape_of

    assert shape_of(b"Jun 20 07:09:48 combo logrotate: ALERT exited abnormally with [1]", False) is not None
    # [e] may be its level: the shape is the line but for its time, the letter kept ([w] is another shape)
    error, warning = (
        shape_of(b"Jun 20 07:%02d:48 combo app [%s] sync failed" % (m, c), False) for m, c in ((9, b"e"), (11, b"w"))
    )
    assert error == shape_of(b"Jun 20 08:00:00 combo app [e] sync failed", False) and error is not None and b"[e]" in error
    assert warning is not None and error != warning
    assert shape_of(b"[e] ERROR sync failed", False) is None  # no time to leave out: prepared afresh

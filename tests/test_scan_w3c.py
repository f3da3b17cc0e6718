"""scan reads a W3C extended log's status from the column its latest header names (IIS, Zeek).

The logs are real, copied verbatim (tests/data/README.md): tstack/lnav@bb0005f's test logs
(test/logfile_w3c_big.0, an IIS 8.5 log with a header block at each restart;
test/logfile_bro_http.log.0, Zeek's http.log; test/logfile_w3c.3, IIS Advanced Logging's quoted
columns) and the IIS log in awslabs/kinesis-agent-windows@5ac0a90's
Amazon.KinesisTap.Core.Test/EMFPipeTests.cs (its status column is the 17th, not the 12th).
Each test reads the expected statuses with its own parser of the format (``_statuses``), not
errcat's rule.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from errcat.cli import app
from errcat.scan import ScanOptions, scan
from errcat.scan import needles as needles_module

DATA = Path(__file__).parent / "data" / "w3c"
IIS = DATA / "lnav_logfile_w3c_big.0"
ZEEK = DATA / "lnav_logfile_bro_http.log.0"
QUOTED = DATA / "lnav_logfile_w3c.3"
KINESIS = DATA / "kinesistap_emf_iis.log"
runner = CliRunner()
_COLUMN = re.compile(r'(?:"[^"]*")+|\S+')  # a spaced column; a quoted one may hold spaces


@pytest.fixture(params=["hyperscan", "python"])
def engine(request, monkeypatch):
    """Each test runs with both needle engines (the Hyperscan one reads the status columns with its own pass)."""
    monkeypatch.setenv(needles_module.ENGINE_ENV, request.param)
    needles_module.engine_name.cache_clear()
    yield needles_module.engine_name()
    monkeypatch.delenv(needles_module.ENGINE_ENV, raising=False)
    needles_module.engine_name.cache_clear()


def _statuses(text: str, stale: bool = False) -> dict[int, int]:
    """Line number -> status of each line that has one, by the latest #Fields line (``stale``:
    by the first alone, as a reader that ignored later headers would)."""
    found, names, tab = {}, None, False
    for n, line in enumerate(text.split("\n"), 1):
        if line.startswith("#"):
            if line.startswith(("#Fields:", "#fields\t")) and (names is None or not stale):
                tab = line.startswith("#fields\t")
                names = line.split("\t")[1:] if tab else line.split()[1:]
            continue
        if names is None or not line.strip():
            continue
        columns = line.split("\t") if tab else _COLUMN.findall(line)
        at = next((k for k, name in enumerate(names) if name in ("sc-status", "status_code")), None)
        if at is not None and at < len(columns) and re.fullmatch(r"\d{3}", columns[at]):
            found[n] = int(columns[at])
    return found


def _scan(path: Path, *args: str, input: bytes | None = None) -> dict:
    result = runner.invoke(app, ["scan", str(path), "--all", "--format", "json", "--top", "100000", *args], input=input)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _by_status(doc: dict) -> Counter[int]:
    """The errors of a report by the status its group states ("HTTP 404 ...")."""
    counts: Counter[int] = Counter()
    for g in doc["other"]:
        m = re.match(r"HTTP (\d{3}) ", g["text"])
        assert m, g["text"]
        counts[int(m.group(1))] += g["count"]
    return counts


def _errors(statuses: dict[int, int]) -> Counter[int]:
    return Counter(s for s in statuses.values() if s >= 400)


@pytest.mark.parametrize("path", [IIS, ZEEK, QUOTED, KINESIS], ids=lambda p: p.name)
def test_a_w3c_line_is_an_error_record_by_its_status_column(path, engine):
    """404, 500, 401, 503 lines are error records, grouped under their status; 200, 301 and 304
    lines and header lines are not records at all (IIS's lines hold no other word scan looks for:
    each was missed)."""
    text = path.read_text()
    statuses = _statuses(text)
    doc = _scan(path)
    assert doc["summary"]["error_records"] == doc["summary"]["records_read"] == sum(_errors(statuses).values()) > 0
    assert _by_status(doc) == _errors(statuses)
    for g in doc["other"]:  # each place listed is a line with the group's status
        status = int(g["text"][5:8])
        assert all(statuses[p["line"]] == status for p in g["lines"]), g
    assert {s for s in statuses.values() if s < 400}  # the file has lines under 400 too (not records)


def test_iis_errors_are_grouped_by_status_and_request():
    """A W3C line's group is its status and request: the robots.txt 404s of every crawler are one
    group (named by the whole line masked, each user agent was a group of its own)."""
    doc = _scan(IIS)
    statuses = _statuses(IIS.read_text())
    lines = IIS.read_text().split("\n")
    expected = [n for n, s in statuses.items() if s == 404 and " GET /robots.txt " in lines[n - 1]]
    robots = [g for g in doc["other"] if g["text"] == "HTTP 404 GET /robots.txt"]
    assert len(expected) > 1 and robots and robots[0]["count"] == len(expected)
    assert robots[0]["lines"][0]["line"] == expected[0] == 5  # the first line after the first header block
    zeek = _scan(ZEEK)["other"]
    assert [g["text"][:8] for g in zeek] == ["HTTP 404"] and zeek[0]["lines"] == [{"file": str(ZEEK), "line": 125}]


def test_a_later_header_with_other_columns_is_honoured(tmp_path, engine):
    """IIS writes a header block at each restart, and its fields may change: KinesisTap's block
    (status in the 17th column) after lnav's (the 12th), then lnav's again."""
    text = IIS.read_text() + KINESIS.read_text() + IIS.read_text()
    path = tmp_path / "u_ex170531.log"
    path.write_text(text)
    statuses = _statuses(text)
    assert _errors(statuses) != _errors(_statuses(text, stale=True))  # a reader of the first header alone errs
    assert {401, 500, 503} <= set(_errors(statuses))
    assert _by_status(_scan(path)) == _errors(statuses)


def test_lines_before_any_header_or_under_one_without_a_status_column_have_no_status(tmp_path):
    """A line before the first #Fields line is read as any log's line (no status read from it),
    as is one under a header with no status column; the next header with one applies from there."""
    lines = IIS.read_text().split("\n")
    header, first = lines[:4], lines[4]  # #Software, #Version, #Date, #Fields; a 404 line
    no_status = "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query"  # lnav's test/logfile_w3c.5 header
    path = tmp_path / "headless.log"
    path.write_text("\n".join([*header[:3], first, no_status, first, header[3], first]) + "\n")
    doc = _scan(path)
    assert doc["summary"]["error_records"] == 1
    assert [p["line"] for g in doc["other"] for p in g["lines"]] == [8]


def test_workers_gzip_and_stdin_read_a_w3c_log_as_one_reader(tmp_path, engine, index, monkeypatch):
    """A worker whose range starts after the header finds it back: the same report with two
    workers on ranges of 64 KiB (most start far past the header that governs them), from a
    gzip file and from stdin."""
    import errcat.scan as scan_module
    from errcat.scan import parallel

    iis = IIS.read_text().split("\n")
    body = "\n".join(line for line in iis[4:] if line and not line.startswith("#")) + "\n"
    text = KINESIS.read_text() + "\n".join(iis[:4]) + "\n" + body * 12 + KINESIS.read_text()
    path = tmp_path / "u_ex150113.log"
    path.write_text(text)
    expected = _errors(_statuses(text))

    def found(report):
        return (
            report.records,
            report.errors,
            report.inputs[0].lines,
            {t: (g.count, g.places, g.first_seen, g.last_seen) for t, g in report.other.items()},
        )

    one = scan(index, [str(path)], ScanOptions(workers=1))
    assert sum((Counter({int(t[5:8]): g.count}) for t, g in one.other.items()), Counter()) == expected
    monkeypatch.setattr(scan_module, "PARALLEL_MIN", 0)
    monkeypatch.setattr(parallel, "TASK_BYTES", 64 << 10)
    assert found(scan(index, [str(path)], ScanOptions(workers=2))) == found(one)
    gz = tmp_path / "u_ex150113.log.gz"
    gz.write_bytes(gzip.compress(path.read_bytes()))
    assert _by_status(_scan(gz)) == expected
    assert _by_status(_scan(Path("-"), input=path.read_bytes())) == expected


def test_a_log_that_is_not_w3c_is_read_as_before(tmp_path):
    """Only a log whose first line is a W3C directive is read by columns: the same IIS lines
    after another line are read as any log's (no word or status form scan knows: no record)."""
    path = tmp_path / "mixed.log"
    path.write_text("started\n" + IIS.read_text())
    assert _scan(path)["summary"]["records_read"] == 0


def test_a_vendor_call_in_a_zeek_log_keeps_its_column_status(tmp_path):
    """Synthetic, said so: lnav's Zeek line 125 with its host, uri and status changed to a call to
    MYOB's API that failed with 401 (no real such line was found). explain reads no status from a
    tab-separated line; the vendor's group keeps the one in its column."""
    zeek = ZEEK.read_text().split("\n")
    columns = zeek[124].split("\t")
    columns[8:10], columns[15:17] = ["api.myob.com", "/accountright/"], ["401", "Unauthorized"]
    path = tmp_path / "http.log"
    path.write_text("\n".join([*zeek[:8], "\t".join(columns)]) + "\n")
    doc = _scan(path)
    assert [(g["vendor"], g["status"]) for g in doc["unmatched"]] == [("myob", 401)]


# AWS CloudFront's standard log as elastic/integrations@0ad96f5 keeps it
# (packages/aws/data_stream/cloudfront_logs/_dev/test/pipeline/test-cloudfront.log, lines 1-3, 6, 8,
# 14; long columns cut): its #Fields line is separated by spaces, its rows by tabs.
CLOUDFRONT = [
    "#Version: 1.0",
    "#Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status cs(Referer) "
    "cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type",
    "2019-12-04\t21:02:31\tLAX1\t392\t89.160.20.112\tGET\td111111abcdef8.cloudfront.net\t/index.html\t200\t-\t"
    "Mozilla/5.0%20(Windows%20NT%2010.0;%20Win64;%20x64)\t-\t-\tHit",
    "2019-12-13\t22:36:27\tSEA19-C1\t900\t89.160.20.112\tGET\td111111abcdef8.cloudfront.net\t/favicon.ico\t502\t"
    "http://www.example.com/\tMozilla/5.0%20(Windows%20NT%2010.0;%20Win64;%20x64)\t-\t-\tError",
    "2019-12-13\t22:37:02\tSEA19-C2\t900\t89.160.20.112\tGET\td111111abcdef8.cloudfront.net\t/\t502\t-\tcurl/7.55.1\t-\t-\tError",
    "2024-07-13\t15:29:45\tEWR53-C1\t198083\t127.0.0.1\tGET\txxxxxxxxxxxxx.cloudfront.net\t/en(test)\t404\t"
    "https://domain.tld/\tUser-Agent:%20Mozilla/4.0%20(compatible;%20MSIE%207.0;%20Windows%20NT%205.1;%20360SE)\t-\tcookie\tError",
]


def test_cloudfront_rows_separated_by_tabs_are_read_by_their_status_column(tmp_path, engine):
    """CloudFront names its fields with spaces and separates its rows with tabs: each row was read
    as a line of text (one record, found by the word "Error", the 404 missed). Each row under 400
    or more is an error of its status and request, with its time."""
    path = tmp_path / "E2EXAMPLE.2019-12-13-22.log"
    path.write_text("\n".join(CLOUDFRONT) + "\n")
    groups = {g["text"]: (g["count"], [p["line"] for p in g["lines"]], g["first_seen"]) for g in _scan(path)["other"]}
    assert groups == {
        "HTTP 502 GET /favicon.ico": (1, [4], "2019-12-13T22:36:27Z"),
        "HTTP 502 GET /": (1, [5], "2019-12-13T22:37:02Z"),
        "HTTP 404 GET /en(test)": (1, [6], "2024-07-13T15:29:45Z"),
    }


SQUID = DATA / "netdata_squidlog_access.log"


def _squid_statuses(text: str) -> dict[int, int]:
    """Line number -> status of each Squid native line (its fourth column, "RESULT_CODE/status")."""
    found = {}
    for n, line in enumerate(text.split("\n"), 1):
        columns = line.split()
        if len(columns) > 6 and re.fullmatch(r"\d+\.\d{3}", columns[0]) and re.fullmatch(r"[A-Z_]+/\d{3}", columns[3]):
            found[n] = int(columns[3][-3:])
    return found


def test_squids_native_access_log_is_read_by_its_status_after_the_result_code(engine):
    """Squid's "UDP_CLIENT_STALE_MEM_ABORTED/401" holds no needle: none of the file's 206 lines of
    400 or more was read (0 errors). Each is now an error record under its status, named by its
    request (host and path, as a proxy's request is); the lines under 400 are no records."""
    statuses = _squid_statuses(SQUID.read_text())
    doc = _scan(SQUID)
    assert doc["summary"]["error_records"] == sum(_errors(statuses).values()) == 206
    assert _by_status(doc) == _errors(statuses)
    for g in doc["other"]:
        assert all(statuses[p["line"]] == int(g["text"][5:8]) for p in g["lines"]), g
    # each named by its status and request, Squid's PURGE and WebDAV's COPY too (not the whole line masked)
    named = [re.fullmatch(r"HTTP \d{3} ([A-Z]+) localhost/counters", g["text"]) for g in doc["other"]]
    assert all(named) and {m[1] for m in named if m} == {"GET", "HEAD", "POST", "OPTIONS", "PURGE", "COPY"}


def test_a_squid_requests_user_info_never_names_its_group(tmp_path, engine):
    """A proxy logs the URL as sent, user-info and all: the group was "HTTP 401 GET bob:<email>/..."
    (the password masked, the user's name shown). A group is named by host and path alone. One of the
    file's lines (netdata's Squid sample) with a random credential put in its URL."""
    line = next(x for x in SQUID.read_text().split("\n") if "/401 " in x and "cache_object://localhost/" in x)
    user = line.replace("cache_object://localhost/", "cache_object://bob:Qm7vZ2xT9kLp4RwN@localhost/", 1)
    path = tmp_path / "access.log"
    path.write_text(f"{line}\n{user}\n")
    doc = _scan(path)
    assert [(g["text"], g["count"]) for g in doc["other"]] == [("HTTP 401 GET localhost/counters", 2)]
    assert "bob" not in json.dumps(doc) and "Qm7vZ2xT9kLp4RwN" not in json.dumps(doc)


def test_iis_lines_without_their_header_block_are_read_by_the_default_status_column(tmp_path, engine):
    """IIS's lines with their header block cut off (a collector that strips "#" lines) stated their
    404s in no form scan reads: none was an error. In IIS's default fields the status is the
    twelfth column, then the sub-status and Win32 status: read there, as under the header."""
    text = IIS.read_text()
    statuses = _statuses(text)
    lines = text.split("\n")
    path = tmp_path / "u_ex150113.log"
    path.write_text("\n".join(line for line in lines if not line.startswith("#")))
    assert sum(_errors(statuses).values()) == 202
    assert _by_status(_scan(path)) == _errors(statuses)


def test_workers_read_a_squid_log_as_one_reader(tmp_path, index, monkeypatch):
    """A worker whose range starts far from the file's first lines tells the log's kind by them too."""
    import errcat.scan as scan_module
    from errcat.scan import parallel

    path = tmp_path / "access.log"
    path.write_text(SQUID.read_text() * 8)
    one = scan(index, [str(path)], ScanOptions(workers=1))
    monkeypatch.setattr(scan_module, "PARALLEL_MIN", 0)
    monkeypatch.setattr(parallel, "TASK_BYTES", 64 << 10)
    two = scan(index, [str(path)], ScanOptions(workers=2))
    assert (two.errors, {t: g.count for t, g in two.other.items()}) == (one.errors, {t: g.count for t, g in one.other.items()})
    assert one.errors == 8 * 206


def test_paths_that_differ_only_in_letters_a_to_f_are_two_groups(engine):
    """A line's shape drops its digits and a-f letters (ids, hashes): /dedecms/ and /cms/ had one
    shape, so the /dedecms/ 404 was counted under "HTTP 404 GET /cms/". An error line's request
    path, without its tokens that hold a digit, is part of its shape now."""
    lines = IIS.read_text().split("\n")
    groups = {g["text"]: [p["line"] for p in g["lines"]] for g in _scan(IIS)["other"]}
    cms = [n for n, line in enumerate(lines, 1) if " GET /cms/ " in line]
    assert len(cms) > 10 and groups["HTTP 404 GET /cms/"] == cms[:10]
    assert groups["HTTP 404 GET /dedecms/"] == [n for n, line in enumerate(lines, 1) if " GET /dedecms/ " in line]


def test_the_request_a_line_quotes_tells_its_paths_apart_after_a_method_word(tmp_path):
    """A method word before the quoted request ("PUT handler: ... \"GET /dedecms/ HTTP/1.1\" 404") is
    not the request: the quoted one's path tells the lines of one shape apart (the word's "handler:" was
    read, and the /dedecms/ 404s were counted under /cms/)."""
    path = tmp_path / "proxy.log"
    lines = [
        f'2026-11-20T01:00:{i:02d}Z WARN proxy PUT handler: 10.0.0.{i} "GET /{p}/ HTTP/1.1" 404 12'
        for i in range(12)
        for p in ("cms", "dedecms")
    ]
    path.write_text("\n".join(lines) + "\n")
    groups = {g["text"]: [p["line"] for p in g["lines"]] for g in _scan(path)["other"]}
    assert len(groups) == 2
    for p in ("cms", "dedecms"):
        (text,) = [t for t in groups if f"GET /{p}/ " in t]
        assert groups[text] == [n for n, line in enumerate(lines, 1) if f"GET /{p}/ " in line][:10]


# AWS's load balancers' access logs: the status stands before the request, in a column. An Application Load
# Balancer's real log, its lines 2, 3 and 9 (CDLUC3/opensearch-tutorial@dd1b031, data/2_sample/alb.log,
# https://github.com/CDLUC3/opensearch-tutorial/blob/dd1b0318be28151ff3a2827db8bf4d807b764f6e/data/2_sample/alb.log);
# a Classic Load Balancer's lines as AWS's documentation shows them (18F/cg-deploy-s3-logstash@6ca3145,
# test/examples-from-docs.log, lines 1-4: their third line's "- - 57 502" is no status but its bytes in and out)
# and a real one timed out (logstash-plugins/logstash-patterns-core@7f94275, spec/patterns/aws_spec.rb)
ALB = [
    (
        "https 2023-04-30T23:50:22.342330Z app/my-prd-alb/2c53c2aabebdc402 10.10.10.201:44428 "
        '10.10.28.161:26181 0.005 0.027 0.000 404 404 275 1301 "GET '
        "https://my.app.net:443/api/presign-obj-by-token/fa7c9f32-71aa-478e-b862-4b9b53478b42?filename=my-file-name&no_redirect=true "
        'HTTP/1.1" "http.rb/5.0.4" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 '
        "arn:aws:elasticloadbalancing:us-west-2:111111111111:targetgroup/my-prd-tg/83cb943828d3b257 "
        '"Root=00000000000" "my.app.net" '
        '"arn:aws:acm:us-west-2:111111111111:certificate/00000000-0000-0000-0000-000000000000" 0 '
        '2023-04-30T23:50:22.310000Z "waf,forward" "-" "-" "10.10.28.161:26181" "404" "-" "-"'
    ),
    (
        "http 2023-04-30T23:50:25.980345Z app/my-prd-alb/2c53c2aabebdc402 10.10.11.218:42992 - -1 -1 -1 301 - "
        '193 360 "GET http://my.app.net:80/m/ark%3A%2F28722%2Fk25b05n06 HTTP/1.1" "EZID (EZID link checker; '
        'https://my-link-checker.org/)" - - - "Root=00000000000" "-" "-" 0 2023-04-30T23:50:25.975000Z '
        '"waf,redirect" "https://my.app.net:443/m/ark%3A%2F28722%2Fk25b05n06" "-" "-" "-" "-" "-"'
    ),
    (
        "http 2023-04-30T23:50:57.211959Z app/my-prd-alb/2c53c2aabebdc402 142.93.74.27:47642 - -1 -1 -1 400 - "
        '28 272 "GET http://my-prd-alb-742655803.us-west-2.elb.amazonaws.com:80/script HTTP/1.1" "-" - - - '
        '"-" "-" "-" - 2023-04-30T23:50:57.126000Z "-" "-" "-" "-" "-" "-" "-"'
    ),
]
CLASSIC_ELB = [
    (
        "2015-05-13T23:39:43.945958Z my-loadbalancer 192.168.131.39:2817 10.0.0.1:80 0.000073 0.001048 "
        '0.000057 200 200 0 29 "GET http://www.example.com:80/ HTTP/1.1" "curl/7.38.0" - -'
    ),
    (
        "2015-05-13T23:39:43.945958Z my-loadbalancer 192.168.131.39:2817 10.0.0.1:80 0.000086 0.001048 "
        '0.001337 200 200 0 57 "GET https://www.example.com:443/ HTTP/1.1" "curl/7.38.0" DHE-RSA-AES128-SHA '
        "TLSv1.2"
    ),
    (
        "2015-05-13T23:39:43.945958Z my-loadbalancer 192.168.131.39:2817 10.0.0.1:80 0.001065 0.000015 "
        '0.000023 - - 57 502 "- - - " "-" ECDHE-ECDSA-AES128-GCM-SHA256 TLSv1.2'
    ),
    (
        "2015-05-13T23:39:43.945958Z my-loadbalancer 192.168.131.39:2817 10.0.0.1:80 0.001069 0.000028 "
        '0.000041 - - 82 305 "- - - " "-" - -'
    ),
    (
        "2015-04-10T08:11:09.865823Z us-west-1-production-media 49.150.87.133:55128 - -1 -1 -1 408 - 1294336 0 "
        '"PUT https://media.xxxyyyzzz.com:443/videos/F4_M-T4X0MM6Hvy1PFHesw HTTP/1.1"'
    ),
]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            ALB,
            {
                "HTTP 404 GET my.app.net:<n>/api/presign-obj-by-token/{id}": [1],
                "HTTP 400 GET my-prd-alb-<n>.us-west-<n>.elb.amazonaws.com:<n>/script": [3],
            },
        ),
        (CLASSIC_ELB, {"HTTP 408 PUT media.xxxyyyzzz.com:<n>/videos/{id}": [5]}),
        (
            ALB + CLASSIC_ELB,  # both kinds in one file (plaso's test log holds both)
            {
                "HTTP 404 GET my.app.net:<n>/api/presign-obj-by-token/{id}": [1],
                "HTTP 400 GET my-prd-alb-<n>.us-west-<n>.elb.amazonaws.com:<n>/script": [3],
                "HTTP 408 PUT media.xxxyyyzzz.com:<n>/videos/{id}": [8],
            },
        ),
    ],
    ids=["alb", "classic", "both"],
)
def test_an_aws_load_balancers_access_line_is_an_error_by_its_status_column(tmp_path, engine, lines, expected):
    """An ELB's or ALB's status stands after its three timers, before the quoted request ("-1 -1 -1 503 - 120 353 \"GET
    ..."): no form scan read, so a load balancer's 4xx and 5xx were no errors at all. Read in its column now (one of a
    file's first lines tells the kind), named by status and request; "-" there (no response) and the bytes after it are none."""
    path = tmp_path / "elb.log"
    path.write_text("\n".join(lines) + "\n")
    doc = _scan(path)
    assert {g["text"]: [p["line"] for p in g["lines"]] for g in doc["other"]} == expected
    assert doc["summary"]["error_records"] == len(expected)


def test_an_s3_access_lines_error_code_after_its_status_is_read(tmp_path):
    """An S3 server access log writes its error code after the status ("404 NoSuchBucketPolicy 297"): the status
    after the quoted request was not read when a CamelCase code followed it (the line was no error). AWS's example
    line, as logstash-plugins/logstash-patterns-core@7f94275's spec/patterns/aws_spec.rb quotes it (one line here)."""
    line = (
        "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be awsexamplebucket1 [06/Feb/2019:00:00:38 +0000] "
        "192.0.2.3 arn:aws:iam::123456:user/test@elastic.co A1206F460EXAMPLE REST.GET.BUCKETPOLICY - "
        '"GET /awsexamplebucket1?policy HTTP/1.1" 404 NoSuchBucketPolicy 297 - 38 12 "-" "AWS-Support-TrustedAdvisor"'
    )
    path = tmp_path / "s3.log"
    path.write_text(line + "\n")
    assert [(g["text"], g["count"]) for g in _scan(path)["other"]] == [("HTTP error: GET /awsexamplebucket<n>", 1)]

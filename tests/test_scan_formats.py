"""scan on real lines of log formats a ninth sweep found misread: each test's lines are cut from
the public file its comment names, and each failed before the change its docstring describes."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from errcat.scan import ScanOptions, scan
from scanlines import other_groups, scanned

# Postgres relayed through syslog, its log_line_prefix with db, user, app and client (Alain-L/quellog@ee3e46f3
# test/testdata/comprehensive/syslog.log lines 670, 671, 674, 323; syslog_bsd.log line 671)
PG_SYSLOG = [
    "2026-04-02T14:56:06+00:00 172.28.0.2 postgres[152]: [9-1] 2026-04-02 14:56:06.630 UTC [152] 00000: db=app_db,user=app_user,app=[unknown],client=172.28.0.10 LOG:  connection authorized: user=app_user database=app_db application_name=flood_14",
    "2026-04-02T14:56:06+00:00 172.28.0.2 postgres[152]: [10-1] 2026-04-02 14:56:06.630 UTC [152] 53300: db=app_db,user=app_user,app=[unknown],client=172.28.0.10 FATAL:  remaining connection slots are reserved for roles with the SUPERUSER attribute",
    "2026-04-02T14:56:06+00:00 172.28.0.2 postgres[157]: [8-1] 2026-04-02 14:56:06.632 UTC [157] 53300: db=app_db,user=app_user,app=[unknown],client=172.28.0.10 FATAL:  sorry, too many clients already",
    '2026-04-02T14:55:56+00:00 172.28.0.2 postgres[92]: [10-1] 2026-04-02 14:55:56.844 UTC [92] 3D000: db=nonexistent,user=app_user,app=[unknown],client=172.28.0.10 FATAL:  database "nonexistent" does not exist',
    "Apr 02 14:56:06.000000 172.28.0.2 postgres[152]: [10-1] 2026-04-02 14:56:06.630 UTC [152] 53300: db=app_db,user=app_user,app=[unknown],client=172.28.0.10 FATAL:  remaining connection slots are reserved for roles with the SUPERUSER attribute",
]


def test_a_relayed_lines_level_is_read_after_the_syslog_header(index, tmp_path):
    """A level is looked for in a line's first 160 characters: syslog's header (70 of them) pushed
    Postgres's FATAL past that, so 58 of the 113 errors of quellog's syslog file were not counted
    (its stderr file, the same log, counted them all)."""
    report = scanned(index, tmp_path, "postgresql.log", PG_SYSLOG)
    assert (report.errors, report.not_errors) == (4, 0)
    assert sorted(line for _, lines in other_groups(report) for line in lines) == [2, 3, 4, 5]


# Tomcat's catalina.out (JULI's one-line format) on two days (RahulVerma1990/Camunda-Logs@075d3df6
# catalina.out lines 58 and 189)
TOMCAT_STARTUP_FAILED = [
    "12-Mar-2019 17:34:16.567 SEVERE [main] org.apache.catalina.core.StandardContext.startInternal Context [/engine-rest] startup failed due to previous errors",
    "13-Mar-2019 11:29:22.587 SEVERE [main] org.apache.catalina.core.StandardContext.startInternal Context [/engine-rest] startup failed due to previous errors",
]


def test_tomcats_timestamp_is_read_and_left_out_of_the_group_text(index, tmp_path):
    """Tomcat's "12-Mar-2019 17:34:16.567" was no timestamp: its records had no time (--since left
    them all out) and their group text began "<n>-Mar-<n> <n>:<n>:<n>", so one error logged in
    March and in April was two groups."""
    report = scanned(index, tmp_path, "catalina.out", TOMCAT_STARTUP_FAILED)
    text = "SEVERE [<thread>] org.apache.catalina.core.StandardContext.startInternal Context [<path>] startup failed due to previous errors"
    assert other_groups(report) == [(text, [1, 2])]
    group = report.other[text]
    assert (group.first_seen.isoformat(), group.last_seen.isoformat()) == (
        "2019-03-12T17:34:16.567000+00:00",
        "2019-03-13T11:29:22.587000+00:00",
    )
    path = tmp_path / "catalina.out"
    since = scan(index, [str(path)], ScanOptions(workers=1, since=group.last_seen))
    assert (since.other_count, since.filtered_time, since.no_timestamp) == (1, 1, 0)


# Tomcat's cache warnings, one per resource, the path in brackets as Tomcat writes a message's values
# (nguyenhuythac/logs@d3dfd7d869a3 catalina.2021-02-23.log lines 400, 401 and 816; cut after "available")
TOMCAT_CACHE_FULL = [
    "23-Feb-2021 04:43:47.473 WARNING [http-nio-8080-exec-38] org.apache.catalina.webresources.Cache.getResource Unable to add "
    "the resource at [/WEB-INF/classes/static/template/admin/js/jquery-1.11.3.min.js] to the cache for web application "
    "[/dophyvn] because there was insufficient free space available",
    "23-Feb-2021 04:43:47.473 WARNING [http-nio-8080-exec-38] org.apache.catalina.webresources.Cache.getResource Unable to add "
    "the resource at [/WEB-INF/classes/static/template/admin/js/jquery.flot.min.js] to the cache for web application "
    "[/dophyvn] because there was insufficient free space available",
    "23-Feb-2021 04:43:47.554 WARNING [http-nio-8080-exec-38] org.apache.catalina.webresources.Cache.getResource Unable to add "
    "the resource at [/WEB-INF/classes/static/uploadmedia/_thumbs/Images/bot bien duoc san xuat theo cong nghe nhat ban.jpg] "
    "to the cache for web application [/dophyvn] because there was insufficient free space available",
]


def test_a_path_in_brackets_is_masked_so_one_warning_about_many_resources_is_one_group(index, tmp_path):
    """Once Tomcat's time was read, more of each message fitted in a group's text, and the resource's
    path made each warning a group of its own (a real catalina log: 38 -> 216 groups; 22 now)."""
    report = scanned(index, tmp_path, "catalina.log", TOMCAT_CACHE_FULL)
    [(text, lines)] = other_groups(report)
    assert lines == [1, 2, 3]
    assert "Cache.getResource Unable to add the resource at [<path>] to the cache for web application" in text


# Android Studio's Logcat window, copied out (AvinSSSS/logcat@0b6196a5 logcat.txt lines 11, 12, 23, 24, 33)
STUDIO_LOGCAT = [
    "2025-01-24 11:39:17.505  2155-2159  nativeloader            br.com.ohmybread                     D  Load libjdwp.so using system ns (caller=<unknown>): ok",
    "2025-01-24 11:39:17.590  2155-2155  System.out              br.com.ohmybread                     I  Debug.suspendAllAndSentVmStart",
    "2025-01-24 11:39:19.128  2155-2201  QT                      br.com.ohmybread                     W  qt_process_init() called",
    "2025-01-24 11:39:19.128  2155-2201  QT                      br.com.ohmybread                     E  [QT]file does not exist",
    "2025-01-24 11:39:19.203  2155-2155  r.com.ohmybread         br.com.ohmybread                     W  Accessing hidden method Landroid/view/View;->computeFitSystemWindows(Landroid/graphics/Rect;Landroid/graphics/Rect;)Z (unsupported, reflection, allowed)",
]


@pytest.mark.parametrize("engine", ["hyperscan", "python"])
def test_android_studios_logcat_letter_is_its_level(index, tmp_path, use_engine, engine):
    """Android Studio's Logcat writes the level letter after the package column, with two spaces
    each side: no line of its was read by it (3 of the file's 55 E and W lines were counted, by a
    Chromium [ERROR:...] they held)."""
    assert use_engine(engine) == engine
    report = scanned(index, tmp_path, "logcat.txt", STUDIO_LOGCAT)
    assert (report.errors, report.not_errors) == (3, 0)
    assert sorted(line for _, lines in other_groups(report) for line in lines) == [3, 4, 5]


# the kernel's messages in a logcat dump, at I (Bob0111/microg-log@9aa946af logcat.txt lines 2725 and 4824)
KERNEL_IN_LOGCAT = [
    "06-17 02:19:18.718     0     0 I         : c1    292 dsi_backlight_update_status:454: req:98 bl:1569 state:0x0",
    "03-13 10:00:54.026     0     0 I         : c5    740 dsi_backlight_update_status:454: req:95 bl:1521 state:0x0",
]


def test_a_c_functions_name_and_line_is_no_http_status(index, tmp_path):
    """The kernel's "dsi_backlight_update_status:454:" (a function's name and its line) read as
    "status: 454", an HTTP error: 392 info lines of the dump were counted as errors."""
    report = scanned(index, tmp_path, "logcat.txt", KERNEL_IN_LOGCAT)
    assert (report.errors, report.unmatched_count) == (0, 0)


# Google Cloud Logging's exported LogEntry, with no message field (wazuh/wazuh-qa@9eba4fb7
# tests/integration/test_gcloud/test_functionality/data/gcp_events.txt lines 1 and 3)
GCP_LOG_ENTRIES = [
    '{"insertId":"15mo9tne1dofb","jsonPayload":{"authAnswer":true,"protocol":"UDP","queryName":"mx-ll-110.164.205-133.static.3bb.co.th.","queryType":"A","rdata":"","responseCode":"NXDOMAIN","sourceIP":"10.128.0.2","sourceNetwork":"","vmInstanceId":4.9801139288008397e+18,"vmInstanceName":"531339229531.instance-1"},"logName":"projects/wazuh-dev/logs/dns.googleapis.com%2Fdns_queries","receiveTimestamp":"2019-10-11T00:48:42.955559583Z","resource":{"labels":{"location":"us-central1","project_id":"wazuh-dev","source_type":"internet","target_name":"","target_type":"external"},"type":"dns_query"},"severity":"WARNING","timestamp":"2019-10-11T00:48:41.892096998Z"}',
    '{"insertId":"15mo9tne1dofb","jsonPayload":{"authAnswer":true,"protocol":"UDP","queryName":"mx-ll-110.164.205-133.static.3bb.co.th.","queryType":"A","rdata":"","responseCode":"NXDOMAIN","sourceIP":"10.128.0.2","sourceNetwork":"","vmInstanceId":4.9801139288008397e+18,"vmInstanceName":"531339229531.instance-1"},"logName":"projects/wazuh-dev/logs/dns.googleapis.com%2Fdns_queries","receiveTimestamp":"2019-10-11T00:48:42.955559583Z","resource":{"labels":{"location":"us-central1","project_id":"wazuh-dev","source_type":"internet","target_name":"","target_type":"external"},"type":"dns_query"},"severity":"ERROR","timestamp":"2019-10-11T00:48:41.892096998Z"}',
]


def test_a_json_lines_id_key_is_masked_in_the_case_it_is_written(index, tmp_path):
    """A JSON line with no message is grouped by its fields, whose keys logline lowers: "insertId"
    became "insertid", which the id mask did not know, so the group text kept the id's letters
    ("insertid=<n>mo<n>tne<n>dofb") and each event of an export was a group of its own. A Cloud Logging
    entry is named by its jsonPayload's fields, as written, not by where it was kept (its insertId, its
    logName: group28), and the same query logged twice is one group."""
    report = scanned(index, tmp_path, "gcp.log", GCP_LOG_ENTRIES)
    [(text, lines)] = other_groups(report)
    assert lines == [1, 2]
    assert text.startswith("authAnswer=True protocol=UDP queryName=mx-ll-<n>-<n>.static.<n>bb.co.th. queryType=A ")


# an nginx access log Grafana Alloy reads in its tests: Persian search terms, percent-encoded
# (grafana/alloy@66ebea85 internal/component/loki/source/file/testdata/short-access.log, its first
# /search/ 404 and 499 lines)
ENCODED_SEARCHES = [
    '151.239.2.90 - - [26/Jan/2019:20:28:45 +0330] "GET /search/%D8%AA%D9%82%D9%88%DB%8C%D9%85/p0 HTTP/1.1" 404 32397 "https://www.zanbil.ir/" "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:64.0) Gecko/20100101 Firefox/64.0" "-"',
    '151.239.2.90 - - [26/Jan/2019:20:29:08 +0330] "GET /search/%D8%B3%D8%B1%D8%B1%D8%B3%DB%8C%D8%AF/p0 HTTP/1.1" 499 0 "https://www.zanbil.ir/" "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:64.0) Gecko/20100101 Firefox/64.0" "-"',
]


def test_a_paths_percent_escapes_keep_their_digits(index, tmp_path):
    """A percent-escape's digits were masked as numbers ("/search/%D<n>%B<n>..."): two terms whose
    escapes differ only in digits (two letters, %D8%B3 and %D8%B4) had one text, and one shape."""
    report = scanned(index, tmp_path, "access.log", ENCODED_SEARCHES)
    assert other_groups(report) == [
        ("HTTP error: GET /search/%D8%AA%D9%82%D9%88%DB%8C%D9%85/p<n>", [1]),
        ("HTTP error: GET /search/%D8%B3%D8%B1%D8%B1%D8%B3%DB%8C%D8%AF/p<n>", [2]),
    ]


# a nose test run's report of two failures, each a name between rules, then its traceback or output
# (TestRoots/travistorrent-tools@2563ab94 dev_logs/waylan@Python-Markdown/very_failing_67570973.log
# lines 403-429 and 2055-2058, without their CRs)
NOSE_FAILURES = [
    "======================================================================",
    'ERROR: TestSyntax: "pl/Tests_2007/Markdown Documentation - Syntax"',
    "----------------------------------------------------------------------",
    "Traceback (most recent call last):",
    '  File "/home/travis/build/waylan/Python-Markdown/.tox/py27/lib/python2.7/site-packages/nose/case.py", line 197, in runTest',
    "    self.test(*self.arg)",
    '  File "/home/travis/build/waylan/Python-Markdown/markdown/test.py", line 143, in __call__',
    "    output = markdown.markdown(input, **config.get_args(file))",
    '  File "/home/travis/build/waylan/Python-Markdown/markdown/core.py", line 318, in markdown',
    "    return md.convert(text)",
    '  File "/home/travis/build/waylan/Python-Markdown/markdown/core.py", line 199, in convert',
    "    newRoot = treeprocessor.run(root)",
    '  File "/home/travis/build/waylan/Python-Markdown/markdown/treeprocessors.py", line 151, in run',
    "    self.handle_elem(child, tree, pos)",
    '  File "/home/travis/build/waylan/Python-Markdown/markdown/treeprocessors.py", line 129, in handle_elem',
    "    self.handle_elem(child, elem, cpos)",
    '  File "/home/travis/build/waylan/Python-Markdown/markdown/treeprocessors.py", line 119, in handle_elem',
    "    elem.text, children = self.handle_inline(text)",
    '  File "/home/travis/build/waylan/Python-Markdown/markdown/treeprocessors.py", line 92, in handle_inline',
    "    pre_text, node, text = self.apply_patterns(text[m.start():])",
    '  File "/home/travis/build/waylan/Python-Markdown/markdown/treeprocessors.py", line 63, in apply_patterns',
    "    node = pattern.handleMatch(match)",
    '  File "/home/travis/build/waylan/Python-Markdown/markdown/inlinepatterns.py", line 332, in handleMatch',
    '    el.set("href", self.unescape(href.strip()))',
    '  File "/home/travis/build/waylan/Python-Markdown/markdown/inlinepatterns.py", line 212, in unescape',
    "    stash = self.md.treeprocessors['inline'].stashed_nodes",
    "AttributeError: 'InlineProcessor' object has no attribute 'stashed_nodes'",
    "======================================================================",
    'MarkdownSyntaxError: TestSyntax: "pl/Tests_2007/Inline HTML (Simple)"',
    "----------------------------------------------------------------------",
    'MarkdownSyntaxError: Output from "/home/travis/build/waylan/Python-Markdown/tests/pl/Tests_2007/Inline HTML (Simple).text" failed to match expected output.',
]


def test_a_record_opening_with_a_rule_is_named_by_what_the_rule_frames(index, tmp_path):
    """unittest's and nose's rules ("-----...", "=====...") opened records and named their groups:
    the run's 68 tracebacks were one group "------...", its 35 failed outputs one "======...", whatever
    each had raised."""
    report = scanned(index, tmp_path, "build.log", NOSE_FAILURES)
    assert other_groups(report) == [
        ("AttributeError: '…' object has no attribute '…'", [3]),
        ('ERROR: TestSyntax: "pl/Tests_<n>/Markdown Documentation - Syntax"', [2]),
        (
            'MarkdownSyntaxError: Output from "/home/travis/build/waylan/Python-Markdown/tests/pl/Tests_<n>/Inline '
            'HTML (Simple).text" failed to match expected output.',
            [31],
        ),
        ('MarkdownSyntaxError: TestSyntax: "pl/Tests_<n>/Inline HTML (Simple)"', [28]),
    ]


# Tomcat's access log (AccessLogValve's common pattern) of probes: a request with no version, then
# one with it, and a tunnel's (nguyenhuythac/logs@d3dfd7d8 localhost_access_log.2021-02-24.txt lines 4, 10, 58)
TOMCAT_PROBES = [
    '209.141.45.21 - - [24/Feb/2021:01:29:09 +0000] "GET /manager/html null" 400 1913',
    '18.192.76.2 - - [24/Feb/2021:02:28:33 +0000] "GET /manager/html HTTP/1.1" 401 2499',
    '123.145.2.69 - - [24/Feb/2021:02:42:36 +0000] "CONNECT www.so.com:443 HTTP/1.1" 400 795',
]


def test_a_request_without_a_version_or_a_tunnels_names_its_group(index, tmp_path):
    """A request is read up to " HTTP/": one without a version ("GET /manager/html null") and a
    CONNECT's host and port had none, so their groups were the whole line masked
    ("<n> - - [] "GET /manager/html null" <n> <n>"), one a shape, and GET /manager/html was two groups."""
    report = scanned(index, tmp_path, "localhost_access_log.txt", TOMCAT_PROBES)
    assert other_groups(report) == [
        ("HTTP error: CONNECT www.so.com:<n>", [3]),
        ("HTTP error: GET /manager/html", [1, 2]),
    ]


def test_a_scans_meaning_and_retry_of_each_error_are_marked_as_errcats_reading(cli, tmp_path):
    """A scan report prints a catalogued error's meaning, fix and retry beside the log's own words: in each of its
    formats the meaning and the retry say they are errcat's reading, not the vendor's (as lookup and explain do)."""
    log = tmp_path / "app.log"
    log.write_text(
        '2026-11-20T01:00:00Z ERROR myob POST /Sale/Invoice/Item -> 400 {"Errors":[{"Name":"DatePriorToBeginningOfFinancialYear",'
        '"Message":"Date cannot be prior to beginning of financial year","ErrorCode":25008,"Severity":"Error"}]}\n',
        encoding="utf-8",
    )
    table = " ".join(cli("scan", str(log)).stdout.split())
    assert "current financial year. [errcat's reading] fix:" in table
    assert "retry: after-fix [errcat's reading]" in table
    markdown = cli("scan", str(log), "--format", "markdown").stdout
    assert "**Retry:** after-fix \\[errcat's reading\\]" in markdown
    github = cli("scan", str(log), "--format", "github")
    # (empty once on a fresh install under load, and passing on reruns: the exit code and stderr say why if again)
    assert github.exit_code == 0, (github.exit_code, github.stderr, github.exception)
    assert "retry: after-fix [errcat's reading]" in github.stdout.replace("%0A", "\n")


def test_a_documented_error_logged_with_another_status_says_what_the_log_stated(cli, tmp_path):
    # the group is the entry's (MYOB documents 25008 at 400); its head showed "HTTP 400" alone for a line that said 500
    body = (
        '{"Errors":[{"Name":"DatePriorToBeginningOfFinancialYear","Message":"Date cannot be prior to beginning of'
        ' financial year","AdditionalDetails":"Date","ErrorCode":25008,"Severity":"Error"}]}'
    )
    log = tmp_path / "app.log"
    log.write_text(
        f"2024-05-01 10:00:00 ERROR HTTP/1.1 500 Internal Server Error {body}\n"
        f"2024-05-01 10:00:01 ERROR HTTP/1.1 400 Bad Request {body}\n"
    )
    text = " ".join(cli("scan", str(log)).stdout.split())
    assert "25008 DatePriorToBeginningOfFinancialYear HTTP 400 (logged as 500: 1)" in text
    doc = json.loads(cli("scan", "-f", "json", str(log)).stdout)
    assert [(g["status"], g["logged_statuses"], g["count"]) for g in doc["matched"]] == [(400, {"500": 1}, 2)]
    assert "| 400 (logged as 500: 1) | 25008 |" in cli("scan", "-f", "markdown", str(log)).stdout


# Nextcloud's log writes its record's context under "data" beside the message (tstack/lnav@bb0005f9
# test/logfile_nextcloud.0 lines 1 and 3, BSD-2-Clause): {"app":"files_antivirus"}, a request it sent as a serialised object
NEXTCLOUD_LINES = [
    '{"reqId":"twvbRFk1OwgHo2bqggnx","level":1,"time":"2023-10-01T02:39:09+00:00","remoteAddr":"10.0.0.1","user":"admin","app":"files_antivirus","method":"","url":"--","message":"Tried to scan non file","userAgent":"--","version":"29.1.1.0","data":{"app":"files_antivirus"}}',
    '{"reqId":"pZpwRdWUcILeyKMZNPQt","level":1,"time":"2023-10-01T02:50:03+00:00","remoteAddr":"","user":"--","app":"fulltextsearch_elasticsearch","method":"","url":"--","message":"Request: PUT http://elasticsearch:9200/nextcloud/_doc/files%3A1780281","userAgent":"--","version":"29.1.1.0","data":{"app":"fulltextsearch_elasticsearch","request":"{\\"[object] (GuzzleHttp\\\\Psr7\\\\Request)\\":{\\"GuzzleHttp\\\\Psr7\\\\Requestmethod\\":\\"PUT\\",\\"GuzzleHttp\\\\Psr7\\\\RequestrequestTarget\\":null,\\"GuzzleHttp\\\\Psr7\\\\Requesturi\\":{\\"[object] (GuzzleHttp\\\\Psr7\\\\Uri)\\":{\\"GuzzleHttp\\\\Psr7\\\\Urischeme\\":\\"http\\",\\"GuzzleHttp\\\\Psr7\\\\UriuserInfo\\":\\"\\",\\"GuzzleHttp\\\\Psr7\\\\Urihost\\":\\"elasticsearch\\",\\"GuzzleHttp\\\\Psr7\\\\Uriport\\":9200,\\"GuzzleHttp\\\\Psr7\\\\Uripath\\":\\"/nextcloud/_doc/files%3A1780281\\",\\"GuzzleHttp\\\\Psr7\\\\Uriquery\\":\\"\\",\\"GuzzleHttp\\\\Psr7\\\\Urifragment\\":\\"\\",\\"GuzzleHttp\\\\Psr7\\\\UricomposedComponents\\":\\"http://elasticsearch:9200/nextcloud/_doc/files%3A1780281\\"}},\\"GuzzleHttp\\\\Psr7\\\\Requestheaders\\":{\\"Host\\":[\\"elasticsearch:9200\\"],\\"Accept\\":[\\"application/vnd.elasticsearch+json; compatible-with=8\\"],\\"Content-Type\\":[\\"application/vnd.elasticsearch+json; compatible-with=8\\"],\\"User-Agent\\":[\\"elasticsearch-php/8.6.1 (Linux 5.15.0-84-generic; PHP 8.2.11)\\"],\\"x-elastic-client-meta\\":[\\"es=8.6.1,php=8.2.11,t=8.7.0,a=0,gu=7.8.0\\"]},\\"GuzzleHttp\\\\Psr7\\\\RequestheaderNames\\":{\\"accept\\":\\"Accept\\",\\"content-type\\":\\"Content-Type\\",\\"host\\":\\"Host\\",\\"user-agent\\":\\"User-Agent\\",\\"x-elastic-client-meta\\":\\"x-elastic-client-meta\\"},\\"GuzzleHttp\\\\Psr7\\\\Requestprotocol\\":\\"1.1\\",\\"GuzzleHttp\\\\Psr7\\\\Requeststream\\":{\\"[object] (GuzzleHttp\\\\Psr7\\\\Stream)\\":{\\"GuzzleHttp\\\\Psr7\\\\Streamstream\\":\\"[resource] Resource id #1635\\",\\"GuzzleHttp\\\\Psr7\\\\Streamsize\\":null,\\"GuzzleHttp\\\\Psr7\\\\Streamseekable\\":true,\\"GuzzleHttp\\\\Psr7\\\\Streamreadable\\":true,\\"GuzzleHttp\\\\Psr7\\\\Streamwritable\\":true,\\"GuzzleHttp\\\\Psr7\\\\Streamuri\\":\\"php://temp\\",\\"GuzzleHttp\\\\Psr7\\\\StreamcustomMetadata\\":[]}}}}"}}',
]


def test_a_nextcloud_record_is_read_by_its_message_not_by_its_context():
    """The context under "data" was taken for a response's body and the message dropped: an error's group was named
    '{"app": "files_antivirus"}' (every error of one app one group), and a vendor's error in the message was not read."""
    from errcat.scan.logline import json_line

    said = [found[0] for line in NEXTCLOUD_LINES if (found := json_line(line)) is not None]
    assert said == ["Tried to scan non file", "Request: PUT http://elasticsearch:9200/nextcloud/_doc/files%3A1780281"]


# Nextcloud errors logged within a request: its method and url beside the message (a document quoting nextcloud.log,
# stored public file id 43054572939, its `tail` block; ownCloud's, quoted in a comment, stored public file id 14864179371)
NEXTCLOUD_ERRORS = [
    '{"reqId":"mZBEu0PHYGo3Wd09cjep","level":3,"time":"2024-02-01T14:41:16+00:00","remoteAddr":"172.18.1.1","user":"--",'
    '"app":"PHP","method":"GET","url":"/login?direct=1&user=bi4vmr","message":"session_start(): Failed to read session data:'
    ' files (path: /var/lib/php/session) at /usr/share/nginx/html/nextcloud/lib/private/Session/Internal.php#222",'
    '"userAgent":"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/117.0.0.0'
    ' Safari/537.36","version":"27.0.1.2","data":{"app":"PHP"}}',
    '{"reqId":"WDQILALj-KbowSnG89c9ggAAAA0","remoteAddr":"::1","app":"PHP","message":"Call to undefined method'
    ' OC\\\\CernBox\\\\Storage\\\\Eos\\\\NullScanner::listen() at \\/var\\/www\\/html\\/core\\/lib\\/private\\/Files\\/Utils\\/Scanner.php#100",'
    '"level":3,"time":"2016-11-22T08:56:20+00:00","method":"GET","url":"\\/core\\/cron.php","user":"--"}',
]


def test_a_nextcloud_error_is_named_by_its_message_not_by_its_request(index, tmp_path):
    """A JSON line with a method and url but no status was named by its request: Nextcloud's errors were groups of the
    pages they happened on ("GET /login?direct=<n>&user=bi<n>vmr", "GET /core/cron.php"), what failed out of the name."""
    report = scanned(index, tmp_path, "nextcloud.log", NEXTCLOUD_ERRORS)
    names = sorted(name for name, _ in other_groups(report))
    assert [name.split(" at ", 1)[0] for name in names] == [
        "Call to undefined method OC\\CernBox\\Storage\\Eos\\NullScanner::listen()",
        "session_start(): Failed to read session data: files (path: /var/lib/php/session)",
    ]


# Logstash's JSON log (log4j2's layout: the message and its context one object down, in "logEvent"): Elastic's Filebeat
# module test file, elastic/beats filebeat/module/logstash/log/test/logstash-json.log, line 4 (Apache-2.0)
LOGSTASH_JSON_WARN = (
    '{"level":"WARN","loggerName":"logstash.outputs.elasticsearch","timeMillis":1612827484046,"thread":"[foo]>worke'
    'r1","logEvent":{"message":"Could not index event to Elasticsearch.","status":400,"action":["update",{"_id":"fo'
    'o-1234abcd-96c6-4828-bcd4-51d33a156431","_index":"filebeat-foo-2021.02","_type":"_doc","retry_on_conflict":1},'
    '{"metaClass":{"metaClass":{"metaClass":{"action":"[\\"update\\", {:_id=>\\"foo-1234abcd-96c6-4828-bcd4-51d33a1564'
    '31\\", :_index=>\\"filebeat-foo-2021.02\\", :routing=>nil, :_type=>\\"_doc\\", :retry_on_conflict=>1}, #<LogStash::'
    'Event:0x51b7cd8e>]","response":{"update":{"_index":"filebeat-foo-2021.02","_type":"_doc","_id":"foo-1234abcd-9'
    '6c6-4828-bcd4-51d33a156431","status":400,"error":{"type":"mapper_parsing_exception","reason":"failed to parse '
    "field [bar] of type [long] in document with id 'foo-1234abcd-96c6-4828-bcd4-51d33a156431'. Preview of field's "
    'value: \'ABCDEFGHIJ\'","caused_by":{"type":"illegal_argument_exception","reason":"For input string: \\"ABCDEFGHIJ'
    '\\""}}}}}}}}]}}'
)


def test_a_logstash_json_record_is_read_by_its_message_in_log_event(index, tmp_path):
    """Its message under "logEvent" was not read: the record was an unknown vendor's HTTP 400 named by the innermost
    reason of the Elasticsearch response Logstash quotes ("For input string: '…'"), where Logstash says what failed,
    and with no time: log4j2's JSON layout writes it as epoch milliseconds in "timeMillis"."""
    report = scanned(index, tmp_path, "logstash-json.log", [LOGSTASH_JSON_WARN])
    assert not report.unmatched
    assert other_groups(report) == [("HTTP 400 Could not index event to Elasticsearch.", [1])]
    (group,) = report.other.values()
    assert group.first_seen == datetime(2021, 2, 8, 23, 38, 4, 46000, tzinfo=UTC)  # its "timeMillis", unread before

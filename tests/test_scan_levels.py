"""scan reads the error lines of common log formats whose only sign is a level or an HTTP status
in a form of their own: each test runs on real lines (their source named), or says where a line
is constructed in a format."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

import errcat
import errcat.scan
from errcat.scan.logline import timestamp_in
from errcat.scan.summary import signature
from errcat.scan.verdict import error_reason, http_status, level
from scanlines import is_read, other_groups, scanned


def _reason(line: str) -> str | None:
    return error_reason(level(line), line) if is_read(line) else None


# A Heroku log of a Rails app quoted in https://www.reddit.com/r/rails/comments/hlz7bn/ (2020-07-06):
# the 401 is the only sign of the error, and no word of the line says so.
RAILS = [
    '2020-07-06T00:29:24.121304+00:00 app[web.1]: Started GET "/onboard/id_verification?code=x" for ###.##.##.## at '
    "2020-07-06 00:29:24 +0000",
    "2020-07-06T00:29:24.123838+00:00 app[web.1]: Processing by Users::OnboardsController#id_verification as HTML",
    "2020-07-06T00:29:24.127212+00:00 app[web.1]: Completed 401 Unauthorized in 3ms (ActiveRecord: 0.0ms)",
    '2020-07-06T00:29:24.261889+00:00 app[web.1]: Started GET "/users/sign_in" for ###.##.##.## at 2020-07-06 00:29:24 +0000',
]


def test_a_rails_request_completed_with_an_error_status_is_an_error(index, tmp_path):
    report = scanned(index, tmp_path, "app.log", RAILS)
    assert (report.records, report.errors, report.other_count) == (1, 1, 1)
    (group,) = report.other.values()
    assert [p.line for p in group.places] == [3]  # the Completed line


# Loghub's Proxifier_2k.log (https://github.com/logpai/loghub, Proxifier/, line 442): the proxy's
# refusal is said only by its status; the line's "error :" is no level scan reads.
PROXIFIER_403 = (
    "[10.30 18:00:12] FlashPlayerPlugin_18_0_0_209.exe - formi.baidu.com:843 error : Could not connect through proxy "
    "proxy.cse.cuhk.edu.hk:5070 - Proxy server cannot establish a connection with the target, status code 403"
)


def test_a_proxy_refusal_with_status_code_403_is_an_error(index, tmp_path):
    # an error by Proxifier's "error :" level, and it states its status in words
    assert _reason(PROXIFIER_403) == "level" and http_status(PROXIFIER_403) == 403
    assert http_status(PROXIFIER_403.replace("403", "200")) == 200
    report = scanned(index, tmp_path, "app.log", [PROXIFIER_403])
    assert (report.errors, report.other_count) == (1, 1)


@pytest.mark.parametrize(
    "line",
    [
        # the message axios (github.com/axios/axios, lib/core/settle.js) gives a failed request
        "Request failed with status code 403",
        # Rails's own form of its Completed line, as in RAILS above
        "Completed 422 Unprocessable Entity in 12ms (ActiveRecord: 0.4ms)",
        # constructed in the forms of a client's error message and an HTTP library's log line
        "GET https://api.example.invalid/x returned 404 Not Found",
        "proxy: backend returned 503",
        "proxy: backend answered HTTP 503 Service Unavailable",
        "request ended with status 429",
        # a served request's status, unquoted, logged at notice (crowdsecurity/hub's .tests/couchdb-logs/couchdb-logs.log, line 1)
        "[notice] 2024-01-20T13:54:06.579985Z nonode@nohost <0.17607.12> e1fed412f8 test.domain.fr 1.2.3.4 undefined "
        "GET /z22ctc 404 ok 1",
    ],
)
def test_a_status_of_400_or_more_in_words_is_read_and_is_an_error(line):
    assert is_read(line)
    assert _reason(line) == "status"


@pytest.mark.parametrize(
    "line",
    [
        # constructed: a status under 400, a count, a duration, a port, a size and prose about 404 pages
        "Request failed with status code 200",
        "Completed 200 OK in 503ms (Views: 401.2ms | ActiveRecord: 0.4ms)",
        "Completed 304 Not Modified in 2ms",
        "query returned 500 rows in 404ms",
        "search returned 1500 results",
        "listening for HTTP on port 8443, 404 handler installed",
        "HTTP 1.1 keep-alive, sent 4096 bytes",
        "the site had 404 pages and 0 errors",
        "serves custom HTTP 404 pages, 0 errors",
        # a status without its reason phrase: left unread (see the test below)
        "sync: upstream answered (HTTP 401), errors follow",
        "child exited with status 127",
        # the CouchDB line above as it reads for a request served with 200, and a duration after a request
        "[notice] 2024-01-20T13:54:06.579985Z nonode@nohost <0.17607.12> e1fed412f8 test.domain.fr 1.2.3.4 undefined "
        "GET /z22ctc 200 ok 1",
        "GET /api/items 404ms (cache miss), 0 errors",
    ],
)
def test_a_number_that_is_no_error_status_is_none(line):
    assert _reason(line) is None


# Android's logcat (threadtime): Loghub's Android_2k.log (https://github.com/logpai/loghub, Android/,
# lines 18, 106, 199, 200 and 234; cite Loghub as ../shared/logs/loghub/CITATION asks). Its E and W
# lines hold no error word: only the letter after the thread id says so.
ANDROID = [
    "03-17 16:13:38.928  2227  2227 I StackScrollAlgorithm: updateClipping isOverlap:false, getTopPadding=333.0, "
    "Translation=-24.0",
    "03-17 16:13:46.155  2227  2227 D PhoneStatusBar: disable: < expand ICONS* alerts SYSTEM_INFO* back home recent "
    "clock navigationbar search quick_settings >",
    "03-17 16:13:46.764  2227  2794 E KeyguardUpdateMonitor: isSimPinSecure mSimDatas is null or empty ",
    "03-17 16:13:46.765  2227  2794 W KeyguardUpdateMonitor: registerCallback not in UI.",
    "03-17 16:13:47.150  1702 17633 E ActivityManager: applyOptionsLocked: Unknown animationType=0",
]


def test_android_logcat_lines_are_errors_by_their_level_letter(index, tmp_path):
    assert [level(line) for line in ANDROID] == ["i", "d", "e", "w", "e"]
    assert [_reason(line) for line in ANDROID] == [None, None, "level", "level", "level"]
    report = scanned(index, tmp_path, "app.log", ANDROID)
    # the D line is read (it says "alerts") and let go; the I line is not read at all
    assert (report.records, report.errors, report.not_errors) == (4, 3, 1)


def test_android_logcat_brief_format_gives_its_level():
    # constructed in logcat's brief format ("-v brief": letter/tag(pid): message), as Android's
    # logcat documentation gives it; a line holding an error word in it is read by that word
    assert level("E/AndroidRuntime( 1234): FATAL EXCEPTION: main") == "e"
    assert level("D/dalvikvm(  611): GC_CONCURRENT freed 1024K, errors 0") == "d"
    assert _reason("D/dalvikvm(  611): GC_CONCURRENT freed 1024K, errors 0") is None


# Chromium's own log lines (Chrome, Electron, CEF): a Debian user's browservice output in
# https://github.com/ttalvitie/browservice/issues/41 and a Windows user's chromedriver output in
# https://github.com/tmb5cg/Fifa-Autobidder/issues/13. The level stands between colons, where a
# word standing alone was looked for.
CHROMIUM = [
    "[0519/060307.291538:ERROR:gpu_init.cc(426)] Passthrough is not supported, GL is desktop",
    "[0519/060307.353632:WARNING:gpu_process_host.cc(1296)] The GPU process has crashed 1 time(s)",
    "[10352:20292:0426/164108.200:ERROR:gpu_init.cc(426)] Passthrough is not supported, GL is disabled",
    # Dropbox's, in macOS's system log after its program tag: Loghub's Mac_2k.log (logpai/loghub, Mac/, line 125)
    "Jul  1 11:49:30 authorMacBook-Pro Dropbox[24019]: [0701/114930:WARNING:dns_config_service_posix.cc(306)] Failed to "
    "read DnsConfig.",
]


def test_chromium_lines_are_errors_by_their_level(index, tmp_path):
    assert [level(line) for line in CHROMIUM] == ["error", "warning", "error", "warning"]
    report = scanned(
        index, tmp_path, "app.log", [*CHROMIUM, "INFO @ retrojsvice.so src/http.cpp:628 -- HTTP server started successfully"]
    )
    assert (report.records, report.errors) == (4, 4)


# The kernel's own log with its priorities (console_msg_format=syslog, as dmesg -r and /dev/kmsg give
# it): the boot log in Naresh Kamboju's "Re: [next] arm64: boot failed - next-20220606" to
# linux-kernel, 2022-06-07, Message-ID <CA+G9fYsJThWFAxXTbAcJmjshx+oYxVVd+gMM680hS0X1z37+FQ@mail.gmail.com>.
KMSG = [
    "<6>[    0.000000] rcu: srcu_init: Setting srcu_struct sizes based on contention.",
    "<3>[    0.000000] timer_sp804: timer clock not found: -517",
    "<3>[    0.000000] timer_sp804: arm,sp804 clock not found: -2",
    "<6>[    0.025413] pid_max: default: 32768 minimum: 301",
    "<6>[    0.030453] LSM: Security Framework initializing",
]
KMSG_LOUD = [
    "<1>[    0.043654] Mem abort info:",
    "<4>[    0.098730] Modules linked in:",
    "<0>[    0.247788] Kernel panic - not syncing: Attempted to kill the idle task!",
]


def test_a_kernel_log_line_is_an_error_by_its_syslog_priority_alone(index, tmp_path):
    assert [_reason(line) for line in KMSG] == [None, "level", "level", None, None]
    assert all(is_read(line) and _reason(line) == "level" for line in KMSG_LOUD)
    report = scanned(index, tmp_path, "app.log", KMSG)
    assert (report.records, report.errors, report.other_count) == (2, 2, 2)
    # a priority inside a word is no needle (Loghub's Mac_2k.log: "IOThunderboltSwitch<0>(0x0)::listenerCallback")
    assert not is_read("Jul  1 09:00:55 calvisitor-10-105-160-95 kernel[0]: IOThunderboltSwitch<0>(0x0)::listenerCallback")


def test_lines_alike_but_for_their_status_keep_their_own_verdicts(index, tmp_path):
    """A record's verdict serves the next records of its shape (digits dropped, prepared.shape_of):
    "HTTP 503 Service Unavailable" is read with its phrase, so it never shares one with "HTTP 200 OK";
    "(HTTP 401)" and "(HTTP 200)" would share one, so neither is read as a status. Whichever comes
    first, the verdicts are the same (constructed lines in the form of a proxy's log)."""
    bad = [f"2026-11-19T02:00:0{i}Z proxy: backend {i} answered HTTP 503 Service Unavailable, see errors" for i in range(5)]
    good = [f"2026-11-19T02:01:0{i}Z proxy: backend {i} answered HTTP 200 OK, see errors" for i in range(5)]
    bare_bad = [f"2026-11-19T02:02:0{i}Z proxy: backend {i} answered (HTTP 401), see errors" for i in range(5)]
    bare_good = [f"2026-11-19T02:03:0{i}Z proxy: backend {i} answered (HTTP 200), see errors" for i in range(5)]
    for lines in (bad + good + bare_bad + bare_good, good + bad + bare_good + bare_bad):
        report = scanned(index, tmp_path, "app.log", lines)
        assert (report.records, report.errors, report.not_errors) == (20, 5, 15)
    # and the other forms in words, each beside the same line with a status of 200
    for form in ("ended with status {}, see errors", "failed with status code {}", "GET /x returned {}, see errors"):
        bad = [f"2026-11-19T02:00:0{i}Z job {i} " + form.format(404) for i in range(5)]
        good = [f"2026-11-19T02:01:0{i}Z job {i} " + form.format(200) for i in range(5)]
        for lines in (bad + good, good + bad):
            assert scanned(index, tmp_path, "app.log", lines).errors == 5, form


@pytest.mark.parametrize(
    ("line", "said", "reason"),
    [
        # logpai/loghub@dd61d09 Windows/Windows_2k.log line 14: the line's level is its "Info" column,
        # not the "Warning:" its message quotes
        (
            "2016-09-28 04:30:31, Info                  CBS    SQM: Warning: Failed to upload all unsent reports. [HRESULT = 0x80004005 - E_FAIL]",
            "info",
            None,
        ),
        # tstack/lnav@bb0005f test/logfile_laravel.0 line 1 (shortened): Monolog's "local.ERROR:"
        (
            '[2023-05-15 18:19:32] local.ERROR: Target class [Fruitcake\\Cors\\HandleCors] does not exist. {"exception":"[object] (Illuminate\\\\Contracts\\\\C',
            "error",
            "level",
        ),
        # tstack/lnav@bb0005f test/logfile_docker_compose.0 lines 3 and 13: ANSI colours before the level;
        # Redis's "#" mark (warning) after its time
        (
            "\x1b[2Kweb-1  | \x1b[31m\x1b[1mWARNING: This is a development server. Do not use it in a production deployment. Use a production WSGI server instead.\x1b[0m",
            "warning",
            "level",
        ),
        (
            "\x1b[2Kredis-1  | 1:C 25 Apr 2024 05:32:35.018 # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf",
            "warning",
            "level",
        ),
        # logpai/loghub@dd61d09 Mac/Mac_2k.log line 607 (shortened): a tag's level suffix
        (
            "Jul  3 16:36:40 calvisitor-10-105-160-184 AddressBookSourceSync[33594]: [CardDAVPlugin-ERROR] -getPrincipalInfo:[_controller supportsRequestCompressio",
            "error",
            "level",
        ),
        # logpai/loghub@dd61d09 Proxifier/Proxifier_2k.log line 253: Proxifier's "error :"
        (
            "[10.30 17:15:42] QQ.exe - tcpconn6.tencent.com:443 error : A connection request was canceled before the completion.",
            "error",
            "level",
        ),
    ],
)
def test_levels_written_after_a_prefix_or_in_a_column(line, said, reason):
    """Levels a tester found unread on real logs not in ../shared: glued to a channel or tag,
    behind ANSI colours, Redis's level mark, Proxifier's spaced "error :"; and a Windows CBS line
    whose "Info" column was passed over for the "Warning:" its message quotes (a false error)."""
    assert (level(line), error_reason(level(line), line)) == (said, reason)


JOURNALD = [
    '{ "__CURSOR" : "s=e991dd5775894620914f2f7126aae6c1;i=372a;b=0dc874d3fbd44bdbb6fbcfaa27481492;m=24ea327;t=573f280a663fd;x=9ceeb77ef4331563", "__REALTIME_TIMESTAMP" : "1534860261221373", "__MONOTONIC_TIMESTAMP" : "38708007", "_BOOT_ID" : "0dc874d3fbd44bdbb6fbcfaa27481492", "PRIORITY" : "1", "_MACHINE_ID" : "1234567890abcdef1234567890abcdef", "_HOSTNAME" : "imx6ul-medusa", "SYSLOG_FACILITY" : "3", "_UID" : "0", "_GID" : "0", "_SYSTEMD_SLICE" : "system.slice", "_CAP_EFFECTIVE" : "3fffffffff", "_TRANSPORT" : "stdout", "_STREAM_ID" : "d6422e98dfb24d128e274f917f04362f", "SYSLOG_IDENTIFIER" : "python", "_PID" : "184", "_COMM" : "python", "_EXE" : "/usr/bin/python2.7", "_CMDLINE" : "/usr/bin/python -u /usr/bin/medusa/GpsLocator/GpsLocator.py", "_SYSTEMD_CGROUP" : "/system.slice/medusa-GpsLocator.service", "_SYSTEMD_UNIT" : "medusa-GpsLocator.service", "_SYSTEMD_INVOCATION_ID" : "e8fb03c1b8bf47b8ac2fc82f9870fd57", "MESSAGE" : "GPS Reference longitude: 7.358143333" }',
    '{ "__CURSOR" : "s=e991dd5775894620914f2f7126aae6c1;i=372b;b=0dc874d3fbd44bdbb6fbcfaa27481492;m=24ea327;t=573f280a663fd;x=26df66509c108970", "__REALTIME_TIMESTAMP" : "1534860261221373", "__MONOTONIC_TIMESTAMP" : "38708007", "_BOOT_ID" : "0dc874d3fbd44bdbb6fbcfaa27481492", "PRIORITY" : "6", "_MACHINE_ID" : "1234567890abcdef1234567890abcdef", "_HOSTNAME" : "imx6ul-medusa", "SYSLOG_FACILITY" : "3", "_UID" : "0", "_GID" : "0", "_SYSTEMD_SLICE" : "system.slice", "_CAP_EFFECTIVE" : "3fffffffff", "_TRANSPORT" : "stdout", "_STREAM_ID" : "d6422e98dfb24d128e274f917f04362f", "SYSLOG_IDENTIFIER" : "python", "_PID" : "184", "_COMM" : "python", "_EXE" : "/usr/bin/python2.7", "_CMDLINE" : "/usr/bin/python -u /usr/bin/medusa/GpsLocator/GpsLocator.py", "_SYSTEMD_CGROUP" : "/system.slice/medusa-GpsLocator.service", "_SYSTEMD_UNIT" : "medusa-GpsLocator.service", "_SYSTEMD_INVOCATION_ID" : "e8fb03c1b8bf47b8ac2fc82f9870fd57", "MESSAGE" : "GPS Reference latitude: 46.908706667" }',
]  # tstack/lnav@bb0005f test/logfile_journald.json (journalctl -o json), its two lines


def test_a_journald_json_line_is_an_error_by_its_priority(index, tmp_path):
    """journalctl -o json gives a record's level only as its syslog PRIORITY ("PRIORITY" : "1"):
    the line was not read at all. Priority 1 (alert) is an error; 6 (info) is none."""
    report = scanned(index, tmp_path, "app.log", JOURNALD)
    (group,) = report.other.values()
    assert (report.errors, report.other_count) == (1, 1) and [p.line for p in group.places] == [1]


def test_a_zeek_reporter_log_row_is_an_error_by_its_level_column(index, tmp_path):
    """Zeek's reporter.log has a level column: a Reporter::ERROR row was no error (its "ERROR" glued
    to "Reporter::"). The header and ERROR row are zeek/zeek@a13de64's
    testing/btest/Baseline/core.expr-exception/reporter.log (an epoch time put where btest masks it);
    the INFO row is constructed in the format (no real one was found): no error."""
    head = [
        "#separator \\x09",
        "#fields\tts\tlevel\tmessage\tlocation",
        "#types\ttime\tenum\tstring\tstring",
    ]
    error = "1320279566.452687\tReporter::ERROR\tfield value missing (c$ftp)\t<...>/expr-exception.zeek, line 10"
    info = "1320279566.452687\tReporter::INFO\terror in the script was handled\t<...>/expr-exception.zeek, line 12"
    assert (level(error), level(info)) == ("error", "info")
    report = scanned(index, tmp_path, "app.log", [*head, error, error, info])
    assert (report.errors, report.not_errors) == (2, 1)


# Spring Boot 3's default console format pads its level after an ISO time with a zone, as a
# runtime's stamp before an indented line looks: NectarAPI/payments-service's README (its Spring
# Boot 3.2.1 start-up log, lines cut); zap's console output, humanlogio/humanlog@15d733f
# test/cases (its zap input, lines 1-3, spaces for its tabs).
SPRING_BOOT_3 = [
    "2024-02-08T07:57:46.139Z  INFO 1 --- [           main] com.zaxxer.hikari.HikariDataSource       : HikariPool-1 - Start completed.",
    "2024-02-08T07:57:46.401Z  WARN 1 --- [           main] org.hibernate.orm.deprecation            : HHH90000025: "
    "PostgreSQLDialect does not need to be specified explicitly using 'hibernate.dialect'",
    "2024-02-08T07:57:47.901Z  INFO 1 --- [           main] o.h.e.t.j.p.i.JtaPlatformInitiator       : HHH000489: No JTA platform available",
    "2024-02-08T07:57:49.721Z  WARN 1 --- [           main] JpaBaseConfiguration$JpaWebConfiguration : spring.jpa.open-in-view is "
    "enabled by default.",
]
ZAP_CONSOLE = [
    '2021-02-05T12:41:48.053-0700    DEBUG   zapper/zapper.go:18     some message 1   {"rand_index": 1}',
    '2021-02-05T12:41:49.059-0700    ERROR   zapper/zapper.go:18     some message 2   {"rand_index": 3}',
    '2021-02-05T15:45:04.425-0700    FATAL   zapper/zapper.go:18     some message 5   {"rand_index": 11}',
]


@pytest.mark.parametrize("engine", ["hyperscan", "python"])
@pytest.mark.parametrize(("lines", "errors"), [(SPRING_BOOT_3, [2, 4]), (ZAP_CONSOLE, [2, 3])], ids=["spring-boot-3", "zap"])
def test_a_time_before_a_padded_level_is_the_lines_own_not_a_stamp(index, tmp_path, use_engine, engine, lines, errors):
    """Each WARN line after another line was read as a docker/kubectl stamp before an indented
    continuation, and vanished into the INFO line before it (0 errors)."""
    use_engine(engine)
    report = scanned(index, tmp_path, "app.log", lines)
    assert sorted(p.line for g in report.other.values() for p in g.places) == errors


# Serilog's default text and compact JSON and zerolog's console write three letters:
# humanlogio/humanlog@15d733f test/benchmark/csharp-serilog/sample-serilog-text.log.gz,
# csharp-serilog-json/sample-serilog-json.log.gz (fields cut) and golang-zerolog/sample-zerolog-text.log.gz, first lines.
THREE_LETTERS = [
    "[15:47:42 WRN] High resource usage detected: CPU 97.88%, Memory 77.18%",
    "[15:47:44 ERR] Failed to process request 694a378c21ad7cb5",
    '{"@l":"WRN","@m":"High resource usage detected: CPU 98.40%, Memory 67.12%","@t":"2024-11-12T16:36:11.376149+09:00"}',
    "2:28PM WRN loggers/go/zerolog/main.go:88 > System warning component=system-monitor warning_type=performance",
]


def test_serilog_and_zerolog_three_letter_levels(index, tmp_path):
    """WRN (and FTL) are warnings and fatal errors as ERR is an error; INF and DBG are quiet (constructed: a line
    that mentions an error at INF is none)."""
    assert [level(line) for line in THREE_LETTERS] == ["wrn", "err", "wrn", "wrn"]
    assert (level("[15:47:45 FTL] Host terminated"), level("[15:47:46 INF] retried after an error")) == ("ftl", "inf")
    report = scanned(index, tmp_path, "app.log", [*THREE_LETTERS, "[15:47:46 INF] retried after an error"])
    assert (report.errors, report.not_errors) == (4, 1)


# Rust's panic message, before 1.73 and since: a rust-lang CI log line and a Rust tutorial's
# output (both public texts found with the search tool)
RUST_PANICS = [
    "2020-04-19T22:43:21.3413764Z thread 'main' panicked at 'Some tests failed', src/tools/compiletest/src/main.rs:348:22",
    "thread 'main' panicked at src/main.rs:2:5:",
]


@pytest.mark.parametrize("line", RUST_PANICS)
def test_a_rust_panic_is_a_crash(line):
    """No level, no error word: the panic is the crash, as Go's "panic: " is."""
    assert _reason(line) == "exception"


# Gin's default access log (gin-gonic/gin's defaultLogFormatter), as a Go service's README prints
# its own run (a public README found with the search tool: "GO-WEATHER", Gin 1.9.1)
GIN = [
    '[GIN] 2023/10/01 - 10:18:42 | 404 |       1.548µs |       127.0.0.1 | GET      "/"',
    '[GIN] 2023/10/01 - 10:18:54 | 200 |  500.250509ms |       127.0.0.1 | GET      "/weather?city=Hamburg"',
    '[GIN] 2023/10/01 - 10:19:01 | 200 |  138.697694ms |       127.0.0.1 | GET      "/weather?city=Ufa"',
]


@pytest.mark.parametrize("engine", ["hyperscan", "python"])
def test_a_gin_access_line_is_an_error_by_its_status(index, tmp_path, use_engine, engine):
    """Gin writes the status between bars: its 404s were never read (no word, no form scan knew).
    Coloured (Gin on a terminal) it is read too; a 200 is none."""
    use_engine(engine)
    coloured = GIN[0].replace("| 404 |", "|\x1b[90;43m 404 \x1b[0m|").replace('GET      "/"', 'GET      "/login"')
    report = scanned(index, tmp_path, "app.log", [*GIN, coloured])
    assert {t: [p.line for p in g.places] for t, g in report.other.items()} == {
        "HTTP error: GET /": [1],
        "HTTP error: GET /login": [4],
    }
    assert (report.errors, report.records) == (2, 2)


# MongoDB's severity letter: its text log to 4.2 (rueckstiess/mtools@a5e45ef test logs:
# sharding_360_CSRS.log line 161, mongod_4.2.18_x509.log line 79, sharding_360_CSRS.log line 13)
# and its JSON log since 4.4 (examples from MongoDB's documentation found with the search tool)
MONGODB = [
    "2020-02-07T11:59:14.144+1100 W NETWORK  [ReplicaSetMonitor-TaskExecutor-0] Unable to reach primary for set shard01",
    "2022-02-24T20:10:28.958+0000 W  NETWORK  [ReplicaSetMonitor-TaskExecutor] The server certificate does not match the host "
    "name. Hostname: localhost does not match CN: server1",
    "2020-02-07T11:59:07.730+1100 I CONTROL  [initandlisten] ** WARNING: Access control is not enabled for the database.",
    '{"t":{"$date":"2021-03-09T07:59:14.639-07:00"},"s":"I",  "c":"CONTROL",  "id":21951,   "ctx":"initandlisten",'
    '"msg":"Options set by command line","attr":{"options":{}}}',
    '{"t":{"$date":"2021-12-16T16:51:14.783+09:00"},"s":"W",  "c":"ASIO",     "id":22601,   "ctx":"main",'
    '"msg":"No TransportLayer configured during NetworkInterface startup"}',
]


def test_mongodb_lines_are_errors_by_their_severity_letter(index, tmp_path):
    """Its W lines hold no error word and were never read; an I line's "** WARNING" was taken as
    its level. Both forms: the text log's letter before the component, the JSON log's "s"."""
    report = scanned(index, tmp_path, "app.log", MONGODB)
    assert sorted(p.line for g in report.other.values() for p in g.places) == [1, 2, 5]
    assert report.not_errors == 1  # the I line (the JSON I line holds no needle: not read)


# A level written as an object (loguru's JSON through a formatter: humanlogio/humanlog@15d733f
# test/benchmark/python-loguru-json/sample-loguru-json.log.gz, fields cut) and pino's numbered
# level as a string (brocode/fblog@9f9166f sample_numbered.json.log, line 4; the next line is it
# with its level 30, info, constructed)
LEVEL_FORMS = [
    '{"Time":"2024-11-15T22:06:24.03952+09:00","Level":{"Name":"ERROR","No":40,"Color":"255;0;0"},"File":"app_4.py",'
    '"Line":56,"Message":"Operation failed"}',
    '{"level":"40","msg":"<>Trust key rsa-43fe6c3d-6242-11e7-8b0c-02420a000007 found in cache","package":"trust",'
    '"time":"2017-07-06T15:21:16Z"}',
    '{"level":"30","msg":"<>Trust key rsa-43fe6c3d-6242-11e7-8b0c-02420a000007 found in cache","package":"trust",'
    '"time":"2017-07-06T15:21:16Z"}',
]


def test_a_json_level_as_an_object_or_a_numbered_string_is_read(index, tmp_path):
    report = scanned(index, tmp_path, "app.log", LEVEL_FORMS)
    assert sorted(p.line for g in report.other.values() for p in g.places) == [1, 2]


# A zap JSON line with a status and no request (humanlogio/humanlog@15d733f
# test/benchmark/golang-zap/sample-zap.log.gz line 2, its stacktrace field cut), and a Traefik
# access line whose fields are all it says (a test log of janosmiko/lfk, found with the search tool)
JSON_NAMED = [
    '{"level":"error","timestamp":"2024-11-12T14:13:36.678+0900","caller":"zap/main.go:92","msg":"Request failed",'
    '"endpoint":"/api/auth/logout","status":500,"error":"Internal server error","trace_id":"35155a4b79bd19f6"}',
    '2026-06-18T10:00:01Z {"DownstreamStatus":500,"RequestMethod":"GET","RequestPath":"/a"}',
]


def test_a_json_line_is_grouped_by_its_message_or_its_fields(index, tmp_path):
    """Named by its status line, every zap error with a status was one group "HTTP/<n> <n>"; by
    the masked object, a Traefik line's group named none of its fields."""
    report = scanned(index, tmp_path, "app.log", JSON_NAMED)
    assert sorted(report.other) == ["HTTP 500 DownstreamStatus=<n> RequestMethod=GET RequestPath=/a", "HTTP 500 Request failed"]


# Cloudflare Logpush HTTP request lines, no message (tstack/lnav@bb0005f96c8d test/logfile_cloudflare.1, lines 5
# and 6): named by all their fields, the client's IP and user agent made each request a group of its own
CLOUDFLARE = [
    '{"ClientIP":"192.0.2.88","ClientRequestHost":"www.example.com","ClientRequestMethod":"GET","ClientRequestURI":"/admin/c'
    'onfig.php","ClientRequestUserAgent":"python-requests/2.31.0","ClientRequestReferer":"","EdgeEndTimestamp":171279000460'
    '0000000,"EdgeResponseBytes":178,"EdgeResponseStatus":403,"EdgeStartTimestamp":1712790004590000000,"RayID":"87a1b2c3d4'
    'e5f005","CacheCacheStatus":"dynamic","CacheResponseStatus":403,"ClientCountry":"CN","ClientRequestProtocol":"HTTP/1.1"'
    ',"EdgeColoCode":"HKG","WAFAction":"block","WAFRuleID":"100015","FirewallMatchesActions":["block"],"FirewallMatchesRuleIDs":["100015"]}',
    '{"ClientIP":"172.16.254.1","ClientRequestHost":"api.example.com","ClientRequestMethod":"GET","ClientRequestURI":"/v1/u'
    'sers","ClientRequestUserAgent":"axios/1.6.2","ClientRequestReferer":"","EdgeEndTimestamp":1712790005800000000,"EdgeRes'
    'ponseBytes":2048,"EdgeResponseStatus":401,"EdgeStartTimestamp":1712790005770000000,"RayID":"87a1b2c3d4e5f006","CacheCa'
    'cheStatus":"dynamic","CacheResponseStatus":401,"ClientCountry":"CA","ClientRequestProtocol":"HTTP/2","EdgeColoCode":"Y'
    'YZ","WAFAction":"allow","WAFRuleID":"","FirewallMatchesActions":[],"FirewallMatchesRuleIDs":[]}',
]


def test_a_cloudflare_request_line_is_grouped_by_its_request(index, tmp_path):
    report = scanned(index, tmp_path, "cf.log", CLOUDFLARE)
    assert sorted(report.other) == ["HTTP 401 GET /v<n>/users", "HTTP 403 GET /admin/config.php"]
    assert (report.matched, report.unmatched) == ({}, {})


# pino's "request completed" lines (humanlogio/humanlog@15d733f test/benchmark/js-ts-pino/sample-pino.log.gz lines 2 and 3):
# logged at info, errors by their status; a log holds many of each
PINO_COMPLETED = [
    '{"hostname":"my-service","level":30,"msg":"request completed","name":"my-app","pid":843,"res":{"headers":{"content-'
    'length":"234","content-type":"application/json"},"statusCode":403},"responseTime":918,"time":1731391316999}',
    '{"hostname":"my-service","level":30,"msg":"request completed","name":"my-app","pid":843,"res":{"headers":{"content-'
    'length":"234","content-type":"application/json"},"statusCode":400},"responseTime":377,"time":1731391317300}',
]


def test_a_json_line_s_status_names_its_group(index, tmp_path):
    """Named by its message alone, every status of pino's request lines was one group, "request completed" (and a
    line's repeats counted by its shape took the first one's group): the status is in the name, nothing else that varies."""
    report = scanned(index, tmp_path, "app.log", PINO_COMPLETED * 30)
    assert [(text, g.count) for text, g in sorted(report.other.items())] == [
        ("HTTP 400 request completed", 30),
        ("HTTP 403 request completed", 30),
    ]
    assert [p.line for p in report.other["HTTP 400 request completed"].places] == list(range(2, 21, 2))


# Fastify's default logger (pino's serializers): a 404 logged at info, its status under "res" and
# its request on the line before (a public repository's notes on github.com/rfquin/academic-calendar-api,
# found with the search tool); and a Kibana server's response line, its request under "req"
# (a public OpenShift logging test script's comment, found with the search tool)
SERIALIZED = [
    '{"level":30,"time":1772351443757,"pid":20,"hostname":"entrana","reqId":"req-1","req":{"method":"GET",'
    '"url":"/v1/dates/2025","host":"0.0.0.0:3000","remoteAddress":"127.0.0.1","remotePort":39904},"msg":"incoming request"}',
    '{"level":30,"time":1772351443761,"pid":20,"hostname":"entrana","reqId":"req-1","res":{"statusCode":404},'
    '"responseTime":3.37149600032717,"msg":"request completed"}',
    '{"level":30,"time":1772351466246,"pid":20,"hostname":"entrana","reqId":"req-2","res":{"statusCode":200},'
    '"responseTime":0.9740799991413951,"msg":"request completed"}',
    '{"type":"response","@timestamp":"2017-04-07T02:03:37Z","tags":[],"pid":1,"method":"get","statusCode":404,'
    '"req":{"url":"/ca30cead-d470-4db8-a2a2-bb71439987e2","method":"get","headers":{"user-agent":"curl/7.29.0",'
    '"host":"localhost:5601","accept":"*/*"},"remoteAddress":"127.0.0.1","userAgent":"127.0.0.1"},'
    '"res":{"statusCode":404,"responseTime":3,"contentLength":9},"message":"GET /ca30cead-d470-4db8-a2a2-bb71439987e2 404 3ms - 9.0B"}',
]


def test_a_status_and_request_in_pino_serializers_fields_are_read(index, tmp_path):
    """A 404 that Fastify logs at info under "res" is an HTTP error (it was read as no error), and a
    request under "req" is the record's request."""
    report = scanned(index, tmp_path, "app.log", SERIALIZED)
    assert sorted(p.line for g in report.other.values() for p in g.places) == [2, 4]
    assert report.errors == 2 and sorted(report.other) == ["HTTP 404 GET /<id>", "HTTP 404 request completed"]


# CI output with its colours and Buildkite's time codes (buildkite/terminal-to-html@b62296c
# fixtures/buildah-build.sh.raw line 46 and fixtures/npm.sh.raw line 47)
COLOURED = [
    '\x1b_bk;t=1729032360325\x07\x1b[33mWARN\x1b[0m[0000] Found no UID ranges set aside for user "josh" in /etc/subuid. \r\r',
    "\x1b[0m\x1b[37m\x1b[40mnpm\x1b[0m \x1b[0m\x1b[30m\x1b[43mWARN\x1b[0m \x1b[0m\x1b[35mpackage.json\x1b[0m "
    "@exercise/3d-clear-depth@1.0.0 No repository field.",
]


def test_a_group_text_holds_no_terminal_codes(index, tmp_path):
    """Colours and a CI server's codes made a group's text unreadable ("\\x1b[<n>m..."); an npm
    package's version after its name was masked as an e-mail address."""
    report = scanned(index, tmp_path, "app.log", COLOURED)
    assert sorted(report.other) == [
        "WARN[<n>] Found no UID ranges set aside for user '…' in /etc/subuid.",
        "npm WARN package.json @exercise/<n>d-clear-depth@<n> No repository field.",
    ]


# logrus's text format with a request id of letters and digits (humanlogio/humanlog@15d733f
# test/benchmark/golang-logrus/sample-logrus-text.log.gz, three lines of one error)
LOGFMT_IDS = [
    'time="2024-11-12T14:39:16+09:00" level=info msg="API request processed" endpoint=/api/products method=GET '
    "request_id=jh1dmn7lk9xbgp12 response_time_ms=173 status=404 user_id=user123",
    'time="2024-11-12T14:39:28+09:00" level=info msg="API request processed" endpoint=/api/products method=GET '
    "request_id=kiph8w95lbykg99m response_time_ms=300 status=401 user_id=user789",
    'time="2024-11-12T14:39:36+09:00" level=info msg="API request processed" endpoint=/api/products method=GET '
    "request_id=6vusl07899ybkhpb response_time_ms=451 status=401 user_id=user123",
]


def test_an_ids_value_is_masked_whatever_its_letters(index, tmp_path):
    """A request id of base-36 letters was masked in part (its hex letters only), so each record
    of one error was a group of its own; and the time's key goes with its value (every logrus
    group began 'time="" ...')."""
    report = scanned(index, tmp_path, "app.log", LOGFMT_IDS)
    assert [g.count for g in report.other.values()] == [3]
    text = next(iter(report.other))
    assert "request_id=<id>" in text and "user_id=<id>" in text and text.startswith('level=info msg="API request processed"')
    assert next(iter(report.other.values())).first_seen.isoformat() == "2024-11-12T05:39:16+00:00"


# Cisco ASA's messages, their severity in their id: a blog post's syslog line (2012; found with the
# search tool) and a Wazuh ruleset test's line (wazuh's cisco-asa decoder tests, same tool); the
# severity-6 line is constructed in the format (the blog's connection, "Built outbound"): no error
CISCO = [
    "Mar 23 2012 11:58:07: %ASA-4-106023: Deny tcp src INSIDE:172.16.2.21/2414 dst OUTSIDE:74.125.224.160/443(google.com) "
    'by access-group "ACL-INSIDE" [0x1e144444,0x1e144444]',
    '%ASA-4-106023: Deny tcp src inside:111.11.11.1/2143 dst YYY:172.11.1.11/139 by access-group "inside_inbound"',
    "Mar 23 2012 11:58:09: %ASA-6-302013: Built outbound TCP connection 1234 for outside:74.125.224.160/443 "
    "(74.125.224.160/443) to INSIDE:172.16.2.21/2414 (172.16.2.21/2414)",
]


@pytest.mark.parametrize("engine", ["hyperscan", "python"])
def test_a_cisco_message_is_an_error_by_its_severity_digit(index, tmp_path, use_engine, engine):
    """A Cisco message's severity (0 to 4: an error or a warning, as syslog's) stands in its id,
    "%ASA-4-106023:"; its text holds no error word, so the line was never read."""
    use_engine(engine)
    assert [level(line) for line in CISCO] == ["warn", "warn", "info"]
    report = scanned(index, tmp_path, "app.log", CISCO)
    assert sorted(p.line for g in report.other.values() for p in g.places) == [1, 2]
    assert report.records == 2


# Cisco IOS's messages, any facility's (elastic/integrations@c81e9fe packages/cisco_ios/data_stream/log/_dev/test/pipeline/
# test-cisco-ios.log lines 18 and 19, and @44bc31d test-asr920.log lines 9 and 6): severity 4 and 3 (a sub-facility's,
# "SNMP-SW1"), with no error word; severity 6 and 5 with one ("socket closure or error"), no error
CISCO_IOS = [
    "Mar 24 12:09:35 192.168.100.2 1991217: Mar 24 12:09:35.367: %OSPF-4-NOVALIDKEY: No valid authentication send key is "
    "available on interface eth0",
    "Mar 24 12:06:47 192.168.100.2 1991218: Mar 24 12:06:47.099: %CCH323-6-CALL_PRESERVED: cch323_h225_handle_conn_loss: "
    "H.323 call preserved due to socket closure or error, Call Id = 6527, fd = 19",
    "<163>81681: CORE: Aug 3 08:09:55.769: %SNMP-SW1-3-RESPONSE_DELAYED: processing Get of cefcFRUPowerStatusEntry.1.2030 "
    "(4620 msecs)",
    "<165>2029: ASR920: Aug 3 08:11:02.204: %LINEPROTO-5-UPDOWN: Line protocol on Interface GigabitEthernet0/0/7, changed "
    "state to up",
]


@pytest.mark.parametrize("engine", ["hyperscan", "python"])
def test_a_cisco_ios_message_of_any_facility_is_read_by_its_severity(index, tmp_path, use_engine, engine):
    """IOS's facilities ("%OSPF-4-", "%SNMP-SW1-3-") were no needle (only a firewall's, "%ASA-4-"): a warning or an
    error whose text holds no error word was never read; a notice or an informational one stays no error."""
    use_engine(engine)
    report = scanned(index, tmp_path, "router.log", CISCO_IOS)
    assert sorted(p.line for g in report.other.values() for p in g.places) == [1, 3]
    assert report.records == 3  # the severity-6 line is read for its "error", and is none


# maven-javadoc-plugin relaying javadoc's output, every line under "[WARNING]" (jenkinsci/analysis-model@9b50d2d46b0d
# src/test/resources/edu/hm/hafner/analysis/parser/javadoc-in-java.log, lines 1-23, 61-67 and 106)
JAVADOC = [
    "[INFO] --- maven-javadoc-plugin:3.3.1:jar (default-cli) @ foo-app ---",
    "[INFO] No previous run data found, generating javadoc.",
    "[WARNING] Javadoc Warnings",
    "[WARNING] Loading source files for package foo.app...",
    "[WARNING] Constructing Javadoc information...",
    "[WARNING] Building index for all the packages and classes...",
    "[WARNING] Standard Doclet version 17.0.1+12-LTS",
    "[WARNING] Building tree for all the packages and classes...",
    "[WARNING] Generating /home/jenkins/workspace/foo-job/foo-app/target/apidocs/foo/app/ApplicationSettings.html...",
    "[WARNING] /home/jenkins/workspace/foo-job/foo-app/src/main/java/foo/app/ApplicationSettings.java:38: warning: no comment",
    "[WARNING] public static class ServiceDetails",
    "[WARNING] ^",
    "[WARNING] Generating /home/jenkins/workspace/foo-job/foo-app/target/apidocs/foo/app/ApplicationSettings.ServiceDetails.html...",
    "[WARNING] /home/jenkins/workspace/foo-job/foo-app/src/main/java/foo/app/ApplicationSettings.java:83: warning: no comment",
    "[WARNING] public enum Stage",
    "[WARNING] ^",
    "[WARNING] /home/jenkins/workspace/foo-job/foo-app/src/main/java/foo/app/ApplicationSettings.java:88: warning: no comment",
    "[WARNING] public enum VersionCheck",
    "[WARNING] ^",
    "[WARNING] Generating /home/jenkins/workspace/foo-job/foo-app/target/apidocs/foo/app/ApplicationSettings.ServiceDetails.Stage.html...",
    "[WARNING] /home/jenkins/workspace/foo-job/foo-app/src/main/java/foo/app/ApplicationSettings.java:85: warning: no comment",
    "[WARNING] AN, EW, TE, TI, VP, VP2, PA, BT, PR, M1B, ED, MA",
    "[WARNING] ^",
    "[WARNING] ^",
    "[WARNING] Generating /home/jenkins/workspace/foo-job/foo-app/target/apidocs/foo/app/AppController.html...",
    "[WARNING] /home/jenkins/workspace/foo-job/foo-app/src/main/java/foo/app/AppController.java:36: warning: no comment",
    "[WARNING] public AppController(final ApplicationSettings settings, final StatusResolver resolver)",
    "[WARNING] ^",
    "[WARNING] /home/jenkins/workspace/foo-job/foo-app/src/main/java/foo/app/AppController.java:43: warning: no comment",
    "[WARNING] public Mono<Rendering> index()",
    "[WARNING] 23 warnings",
]

# a warning on a doc comment: javadoc echoes the comment's line (the same repository's maven.3.9.1.log, lines 34-38)
JAVADOC_PARAM = [
    "[WARNING] Javadoc Warnings",
    '[WARNING] /Users/hafner/git/warnings-ng-plugin-devenv/codingstyle/src/main/java/edu/hm/hafner/util/Ensure.java:57: warning: @param "value" has already been specified',
    "[WARNING] * @param value",
    "[WARNING] ^",
    "[WARNING] 1 warning",
]


def test_a_javadoc_warning_relayed_by_maven_is_one_record(index, tmp_path):
    """Each javadoc warning ("App.java:38: warning: no comment") is one record: the progress javadoc writes, its tally
    and the declaration it echoes under each warning (a type's, a method's, an enum's constants) were records too, 4 or
    5 a warning."""
    report = scanned(index, tmp_path, "build.log", JAVADOC)
    assert sorted(p.line for g in report.other.values() for p in g.places) == [10, 14, 17, 21, 26, 29]
    report = scanned(index, tmp_path, "build.log", JAVADOC_PARAM)
    assert sorted(p.line for g in report.other.values() for p in g.places) == [2]


# javadoc and javac echo the declaration a warning is about, and a method's ends with its block's brace (jenkinsci/
# analysis-model@9b50d2d46b0d src/test/resources/edu/hm/hafner/analysis/parser/javadoc-category.txt, lines 1-7, and
# issue2316.txt, lines 27-36)
JAVADOC_BLOCK = [
    "[WARNING] Javadoc Warnings",
    "[WARNING] /Users/hafner/Development/jenkins/workspace/Model - Analysis/src/main/java/edu/hm/hafner/analysis/Issue.java:606: warning: no @return",
    "[WARNING] public Serializable getAdditionalProperties() {",
    "[WARNING] ^",
    "[WARNING] /Users/hafner/Development/jenkins/workspace/Model - Analysis/src/main/java/edu/hm/hafner/analysis/Report.java:387: warning: no @return",
    "[WARNING] public Set<Severity> getSeverities() {",
    "[WARNING] ^",
]
JAVAC_THROWS = [
    "    [javac] /home/hudson/workspace/jobs/PMD/workspace/pmd/src/net/sourceforge/pmd/ant/PMDTask.java:270: warning: [deprecation] render(java.io.Writer,net.sourceforge.pmd.Report) in net.sourceforge.pmd.renderers.Renderer has been deprecated",
    "    [javac]                 public void render(Writer writer, Report r) {}",
    "    [javac]                             ^",
    "    [javac] /home/hudson/workspace/jobs/PMD/workspace/pmd/src/net/sourceforge/pmd/renderers/OnTheFlyRenderer.java:27: warning: [deprecation] render(java.io.Writer,net.sourceforge.pmd.Report) in net.sourceforge.pmd.renderers.Renderer has been deprecated",
    "    [javac]     public void render(Writer writer, Report report) throws IOException {",
    "    [javac]                 ^",
    "    [javac] /home/hudson/workspace/jobs/PMD/workspace/pmd/src/net/sourceforge/pmd/renderers/PapariTextRenderer.java:84: warning: [deprecation] render(java.io.Writer,net.sourceforge.pmd.Report) in net.sourceforge.pmd.renderers.Renderer has been deprecated",
    "    [javac]     public void render(Writer writer, Report report) throws IOException {",
    "    [javac]                 ^",
    "    [javac] /home/hudson/workspace/jobs/PMD/workspace/pmd/src/net/sourceforge/pmd/renderers/SummaryHTMLRenderer.java:35: warning: [deprecation] render(java.io.Writer,net.sourceforge.pmd.Report) in net.sourceforge.pmd.renderers.Renderer has been deprecated",
]


def test_a_declaration_ending_with_its_blocks_brace_opens_no_body(index, tmp_path):
    """A declaration echoed under a warning ("public Set<Severity> getSeverities() {", "... throws IOException {")
    opened a JSON body that swallowed the warnings after it: each warning is its own record."""
    report = scanned(index, tmp_path, "build.log", JAVADOC_BLOCK)
    assert sorted(p.line for g in report.other.values() for p in g.places) == [2, 5]
    report = scanned(index, tmp_path, "build.log", JAVAC_THROWS)
    assert sorted(p.line for g in report.other.values() for p in g.places) == [1, 4, 7, 10]


# exceptions as V8 and PHP 5 print them, with no level and no "Error:" (GoogleCloudPlatform/fluent-plugin-detect-exceptions
# @09e07e7 test/plugin/test_exception_detector.rb, CLIENT_JS_EXC's first five lines and PHP_EXC)
V8_STACK = [
    "Error",
    "    at bls (<anonymous>:3:9)",
    "    at <anonymous>:6:4",
    "    at a_function_name",
    "    at Object.InjectedScript._evaluateOn (http://<anonymous>/file.js?foo=bar:875:140)",
]
PHP5_UNCAUGHT = [
    "exception 'Exception' with message 'Custom exception' in /home/joe/work/test-php/test.php:5",
    "Stack trace:",
    "#0 /home/joe/work/test-php/test.php(9): func1()",
    "#1 /home/joe/work/test-php/test.php(13): func2()",
    "#2 {main}",
]


@pytest.mark.parametrize("lines", [V8_STACK, PHP5_UNCAUGHT], ids=["v8", "php5"])
def test_a_v8_stack_and_a_php5_uncaught_exception_are_errors(index, tmp_path, lines):
    """A JavaScript error with no message shows only its V8 frames ("at bls (<anonymous>:3:9)"), and PHP 5 prints its
    uncaught exception as "exception 'Exception' with message ...": neither was an error (Java's frames and "X: message"
    were the only forms known). A time after "at" is no frame."""
    report = scanned(index, tmp_path, "app.log", lines)
    assert [p.line for g in report.other.values() for p in g.places] == [1]
    assert [error_reason(None, f"ok\n{at}") for at in ("  at 2024-01-01T10:30:45", "  at 10:30:45")] == [None, None]
    assert error_reason(None, "ok\n    at /app/app.js:52:3") == "exception"


# AWS CloudTrail's console sign-in events, one a line (elastic/integrations@c81e9fe
# packages/aws/data_stream/cloudtrail/_dev/test/pipeline/test-console-login-json.log, lines 1-2)
CLOUDTRAIL = [
    '{"eventVersion":"1.05","userIdentity":{"type":"IAMUser","principalId":"AIDACKCEVSQ6C2EXAMPLE","arn":"arn:aws:iam::111122223333:user/JohnDoe","accountId":"111122223333","userName":"JohnDoe"},"eventTime":"2014-07-16T15:49:27Z","eventSource":"signin.amazonaws.com","eventName":"ConsoleLogin","awsRegion":"us-east-2","sourceIPAddress":"89.160.20.156","userAgent":"Mozilla/5.0 (Windows NT 6.1; WOW64; rv:24.0) Gecko/20100101 Firefox/24.0","requestParameters":null,"responseElements":{"ConsoleLogin":"Success"},"additionalEventData":{"MobileVersion":"No","LoginTo":"https://console.aws.amazon.com/s3/","MFAUsed":"No"},"eventID":"3fcfb182-98f8-4744-bd45-10aEXAMPLE"}',
    '{"eventVersion":"1.05","userIdentity":{"type":"IAMUser","principalId":"AIDACKCEVSQ6C2EXAMPLE","arn":"arn:aws:iam::111122223333:user/JaneDoe","accountId":"111122223333","userName":"JaneDoe"},"eventTime":"2014-07-08T17:35:27Z","eventSource":"signin.amazonaws.com","eventName":"ConsoleLogin","awsRegion":"us-east-2","sourceIPAddress":"89.160.20.156","userAgent":"Mozilla/5.0 (Windows NT 6.1; WOW64; rv:24.0) Gecko/20100101 Firefox/24.0","errorMessage":"Failed authentication","requestParameters":null,"responseElements":{"ConsoleLogin":"Failure"},"additionalEventData":{"MobileVersion":"No","LoginTo":"https://console.aws.amazon.com/sns","MFAUsed":"No"},"eventID":"11ea990b-4678-4bcd-8fbe-625EXAMPLE"}',
]


def test_a_cloudtrail_event_with_an_error_field_is_an_error(index, tmp_path):
    """A failed call is recorded by its error fields (errorCode, errorMessage), with no level: the
    failed sign-in was no error, and its group now says what failed."""
    report = scanned(index, tmp_path, "app.log", CLOUDTRAIL)
    assert {t: [p.line for p in g.places] for t, g in report.other.items()} == {"Failed authentication": [2]}


# Couchbase's own log: its logger and level open the line, before its time
# (GoogleCloudPlatform/ops-agent@588c4b96 transformation_test/testdata/logging_processor-couchbase-general/input.log, lines 1-3)
COUCHBASE = [
    "[ns_server:info,2025-08-18T09:15:12.123Z,ns_1@127.0.0.1:0000:menelaus_web]Bucket 'travel-data' created with 3 replicas",
    "[ns_server:warn,2025-08-18T09:16:05.452Z,ns_1@127.0.0.1:0000:index_updater]Index build taking longer than expected on "
    "bucket 'travel-data'",
    "[ns_server:error,2025-08-18T09:16:33.764Z,ns_1@127.0.0.1:0000:bucket_engine]Failed to allocate memory for vbuckets: "
    "insufficient quota",
]


# Taskcluster's worker, likewise before its time, with a space (mozilla-services/lua_sandbox_extensions@88ca3c5a
# taskcluster/tests/integration/taskcluster/task_AuIAPvWhSiyp0eUh5vAdCw_runs_0_artifacts_public_logs_live_backing.log,
# lines 31-32)
TASKCLUSTER = [
    "[taskcluster 2020-01-23T17:35:19.608Z] [mounts] Downloaded 2343314 bytes with SHA256 782476feb5a2fd0"
    "6bc9ad4f07c7852977e8b62219827a0177c0527c8b0185ff2 from task YX9WQqqCRDqx36cXOLXkxg artifact public/b"
    "uild/mozharness.zip to Z:\\downloads\\UFY6yFEsTXmHAACMK2tHKw",
    "[taskcluster:warn 2020-01-23T17:35:19.608Z] [mounts] Download Z:\\downloads\\UFY6yFEsTXmHAACMK2tHKw of"
    " task YX9WQqqCRDqx36cXOLXkxg artifact public/build/mozharness.zip has SHA256 782476feb5a2fd06bc9ad4f"
    "07c7852977e8b62219827a0177c0527c8b0185ff2 but task payload does not declare a required value, so con"
    "tent authenticity cannot be verified",
]


def test_a_couchbase_line_is_an_error_by_the_level_after_its_logger(index, tmp_path):
    """Couchbase writes "[ns_server:error,<time>,...]", Taskcluster "[taskcluster:warn <time>]": the
    level was read as none, so their error and warning lines were not errors at all (Apache's
    "[core:error]" was read)."""
    assert [level(line) for line in COUCHBASE] == ["info", "warn", "error"]
    report = scanned(index, tmp_path, "app.log", COUCHBASE)
    assert sorted(p.line for g in report.other.values() for p in g.places) == [2, 3]
    assert [level(line) for line in TASKCLUSTER] == [None, "warn"]
    assert [p.line for g in scanned(index, tmp_path, "app.log", TASKCLUSTER).other.values() for p in g.places] == [2]


# Mozilla's CI (mozharness) logs each pytest result at INFO; the test class's name ends in
# "Exception" and pytest joins it to the test's with "::" (mozilla-services/lua_sandbox_extensions@88ca3c5a
# taskcluster/tests/integration/taskcluster/task_SSXGXyVIRQGQqVKGym90mQ_runs_0_artifacts_public_logs_live_backing.log,
# line 960); an exception's own line at INFO stays one (ops-agent@588c4b96 ... logging_processor-kafka/input.log, line 22)
PASSED = (
    "[task 2020-01-23T18:02:47.246Z] 18:02:47     INFO -  check> ../toolkit/components/featuregates/test/python/"
    "test_gen_feature_definitions.py::TestFeatureGateException::test_repr_no_file PASSED"
)


def test_a_class_named_exception_before_a_scope_is_no_exception():
    """A passing test's line, "TestFeatureGateException::test_repr_no_file PASSED", was read as an
    exception and its message ("Exception:"), so INFO lines of passing tests were errors."""
    assert error_reason(level(PASSED), PASSED) is None
    thrown = "[2025-07-22 08:25:12,901] INFO [ReplicaFetcherThread-0-1]: Error fetching data\n\tjava.io.IOException: Connection reset by peer"
    assert error_reason(level(thrown), thrown) == "exception"


# RabbitMQ's level in four letters (GoogleCloudPlatform/ops-agent@588c4b96
# transformation_test/testdata/logging_processor-rabbitmq/input.log, lines 1, 11, 12, 14), and logrus's on a
# terminal: podman's in kimmobrunfeldt/planter's README ("Building with podman"), a logrus hooks
# example's output (found by its text; a README of sirupsen/logrus examples), and opm's in the Operator
# Framework's docs on "opm validate" (its first line)
RABBITMQ_LC4 = [
    "2025-08-18 01:01:20.441571+00:00 [erro] <0.692.0> ** Connection attempt from node "
    "'rabbit_ctl_17@keith-testing-rabbitmq' rejected. Invalid challenge reply. **",
    "2025-08-18 03:56:01.456+00:00 [erro] <0.501.0> Disk free space too low. Free bytes: 500000, limit: 1000000",
    "2025-08-18 04:06:06.789+00:00 [erro] <0.600.0> AMQP connection <0.600.0> (10.0.0.1:5672 -> 10.0.0.2:5672): "
    "connection closed unexpectedly",
    '2025-08-18 04:07:07.777+00:00 [noti] <123.456.789> {shutdown,{connection_closed, "Broken pipe"}}',
]
LOGRUS_TERMINAL = [
    "ERRO[0000] systemd cgroup flag passed, but systemd support for managing cgroups is not available",
    "INFO[0000] This is an info message                       customField=customValue",
    "WARN[0000] This is a warning message",
    "ERRO[0000] This is an error message",
    "FATA[0000] invalid index:",
]


@pytest.mark.parametrize("engine", ["hyperscan", "python"])
def test_four_letter_levels_of_rabbitmq_and_logrus(index, tmp_path, use_engine, engine):
    """RabbitMQ's "[erro]" lines held no needle and no level it read (5 of 11 errors missed in ops-agent's
    21-line sample); logrus's "ERRO[0000]" had no level either: "ERR" then a letter is no word."""
    use_engine(engine)
    assert [level(line) for line in RABBITMQ_LC4] == ["erro", "erro", "erro", "noti"]
    assert [level(line) for line in LOGRUS_TERMINAL] == ["erro", "info", "warn", "erro", "fata"]
    report = scanned(index, tmp_path, "app.log", RABBITMQ_LC4 + LOGRUS_TERMINAL)
    assert sorted(p.line for g in report.other.values() for p in g.places) == [1, 2, 3, 5, 7, 8, 9]


# Squid's native access log (netdata/go.d.plugin@6d84f8b8 modules/squidlog/testdata/access.log, lines 2-4, 78),
# and a Prometheus metric whose label's value is "<error>" (its modules/k8s_kubelet/testdata/metrics.txt, line 485)
SQUID = [
    "1576177221.686     3976 203.0.113.1 NONE/000 13564 GET cache_object://localhost/counters - "
    "HIER_SINGLE_PARENT/203.0.113.200 model/plain",
    "1576177221.686     1241 2001:db8:2ce:1 UDP_CLIENT_STALE_MEM_ABORTED/401 10309 GET cache_object://localhost/counters - "
    "HIER_PARENT_HIT/203.0.113.200 text/plain",
    "1576177221.686     4052 203.0.113.2 NONE/400 17349 HEAD cache_object://localhost/counters - "
    "HIER_CACHE_DIGEST_HIT/- text/plain",
    "1576177221.686     2810 203.0.113.1 TCP_CF_NEGATIVE_NEGATIVE_ABORTED/500 15493 PURGE cache_object://localhost/counters - "
    "HIER_SINGLE_PARENT/- message/plain",
]
METRIC = 'rest_client_requests_total{code="<error>",host="localhost:8443",method="GET"} 37'


def test_a_squid_access_lines_status_is_read_and_a_metrics_error_label_is_no_level(index, tmp_path):
    """Squid writes the status after its result code ("NONE/400"): it was not read, so a Squid
    line that a needle holds was no error by its status. A metric's "<error>" label was read as a level in brackets:
    a kubelet's metrics were 2 errors."""
    assert [http_status(line) for line in SQUID] == [0, 401, 400, 500]
    assert level(METRIC) is None
    report = scanned(index, tmp_path, "app.log", [METRIC])
    assert (report.records, report.errors) == (1, 0)


# PHP's own error log (error_log, php-fpm's): a fatal error in the README of a php-scoper-phar-issue
# reproduction (found by its text), a warning as a test's constant quotes a MAMP log (found likewise), and a
# deprecation constructed in the format
PHP_ERROR_LOG = [
    "[07-Jan-2020 13:36:40 UTC] PHP Fatal error:  Uncaught Error: Class 'Isolated\\Symfony\\Component\\Finder\\Finder' "
    "not found in /Applications/MAMP/htdocs/php-scoper-phar-issue/scoper.inc.php:9",
    "[21-Oct-2019 11:36:37 UTC] PHP Warning:  Creating default object from empty value in /Applications/MAMP/htdocs/index.php "
    "on line 106",
    "[21-Oct-2019 11:36:38 UTC] PHP Deprecated:  Function create_function() is deprecated in /Applications/MAMP/htdocs/a.php "
    "on line 3",
]


def test_a_php_error_logs_lines_are_errors_by_their_kind(index, tmp_path):
    """PHP writes its level in words after "PHP " ("PHP Fatal error:", "PHP Warning:"): none was
    read, so a PHP error log's fatal errors and warnings were not errors at all."""
    assert [level(line) for line in PHP_ERROR_LOG] == ["fatal", "warning", "notice"]
    report = scanned(index, tmp_path, "app.log", PHP_ERROR_LOG)
    assert sorted(p.line for g in report.other.values() for p in g.places) == [1, 2]


# ASP.NET Core's console logger, Entity Framework Core's records (an EF Core user's log quoted in a public
# document, found by its text: its first six lines, the SQL cut after its first line)
DOTNET_CONSOLE = [
    "info: Microsoft.EntityFrameworkCore.Database.Command[20101]",
    "      Executed DbCommand (2ms) [Parameters=[], CommandType='Text', CommandTimeout='30']",
    '      DROP TABLE IF EXISTS "public"."DepartmentsTemp925ba14b"',
    "fail: Microsoft.EntityFrameworkCore.Database.Command[20102]",
    "      Failed executing DbCommand (77ms) [Parameters=[], CommandType='Text', CommandTimeout='30']",
    "      SELECT e.id, e.dep_id, e.dep_name, e.disabled, e.is_filial, e.is_manager, e.local_phone, e.login,",
]


def test_an_aspnet_core_console_records_level_is_its_four_letters(index, tmp_path):
    """A record opening with "fail:" had no level: EF Core's failed command (its message holds
    "Failed") was read and let go as no error."""
    assert [level(DOTNET_CONSOLE[0]), level(DOTNET_CONSOLE[3])] == ["info", "error"]
    report = scanned(index, tmp_path, "app.log", DOTNET_CONSOLE)
    assert [p.line for g in report.other.values() for p in g.places] == [4]


def test_a_number_with_a_point_before_a_word_is_no_time_and_gives_no_level():
    """A lower-case level word counts after a line's time (``12:00:07.123 error``), not after any number
    with a point: Safari's TLS callback in macOS's system log (Loghub's Mac_2k.log, logpai/loghub, Mac/,
    line 187) says ``write_block_invoke.434 error 22`` past the first 160 characters' window once a syslog
    header is skipped; the line has no level, and the word in its message does not make it an error."""
    safari = (
        "Jul  1 20:13:23 calvisitor-10-105-163-202 Safari[9852]: tcp_connection_tls_session_error_callback_imp 1977 "
        "__tcp_connection_tls_session_callback_write_block_invoke.434 error 22"
    )
    assert level(safari) is None
    assert [level(f"2016-06-30 12:00:07{fraction} error boom") for fraction in ("", ".123", ",123456")] == ["error"] * 3


# An Envoy access line in a CRI runtime's file (its status in "response_code", its time in "start_time") and a
# Traefik access line with an empty "msg" (crowdsecurity/hub's .tests/envoy-logs/envoy.log line 3 and
# .tests/traefik_json/traefik_json.log line 5): neither was read as an error, and the Envoy line's status,
# once read, was an unknown vendor's HTTP 404
ACCESS_FIELDS = [
    (
        '2025-12-31T18:30:06.518608527+01:00 stdout F {":authority":"foo.example.com","bytes_received":0,"bytes_sent":0'
        ',"connection_termination_details":null,"downstream_local_address":"10.42.0.77:10443","downstream_remote_addres'
        's":"172.16.2.33:49578","duration":5,"method":"HEAD","protocol":"HTTP/2","requested_server_name":null,"response'
        '_code":404,"response_code_details":"via_upstream","response_flags":"-","route_name":"httproute/app/app-foo-exa'
        'mple-com/rule/0/match/0/foo_example_com","start_time":"2025-12-31T17:30:03.228Z","upstream_cluster":"httproute'
        '/app/app-foo-example-com/rule/0","upstream_host":"10.42.0.88:1337","upstream_local_address":"10.42.0.77:47106"'
        ',"upstream_transport_failure_reason":null,"user-agent":"curl/8.5.0","x-envoy-origin-path":"/.env","x-envoy-ups'
        'tream-service-time":null,"x-forwarded-for":"172.16.2.33","x-request-id":"fff03852-5ae8-468b-a528-434d095ddc49"'
        "}"
    ),
    (
        '{"ClientAddr":"192.168.1.115:56446","ClientHost":"192.168.1.115","ClientPort":"56446","ClientUsername":"-","Do'
        'wnstreamContentSize":19,"DownstreamStatus":404,"Duration":10158,"GzipRatio":0,"OriginContentSize":0,"OriginDur'
        'ation":0,"OriginStatus":0,"Overhead":10158,"RequestAddr":"admin.mydomain.com","RequestContentSize":0,"RequestC'
        'ount":3100,"RequestHost":"admin.mydomain.com","RequestMethod":"GET","RequestPath":"/","RequestPort":"-","Reque'
        'stProtocol":"HTTP/2.0","RequestScheme":"https","RetryAttempts":0,"StartLocal":"2026-01-14T10:45:33.759014877+0'
        '1:00","StartUTC":"2026-01-14T09:45:33.759014877Z","TLSCipher":"TLS_AES_128_GCM_SHA256","TLSVersion":"1.3","ent'
        'ryPointName":"https","level":"info","msg":"","time":"2026-01-14T10:45:33+01:00"}'
    ),
]


def test_a_status_recorded_in_an_access_events_fields_is_another_programs_error(index, tmp_path):
    report = scanned(index, tmp_path, "app.log", ACCESS_FIELDS)
    assert sorted(p.line for g in report.other.values() for p in g.places) == [1, 2]
    assert (report.matched, report.unmatched) == ({}, {})
    assert any(name.startswith("HTTP 404 :authority=foo.example.com ") for name in report.other)


# sshd's failed logins by user name (elastic/examples@6d86454 Machine Learning/Security Analytics Recipes/
# suspicious_login_activity/data/auth.log lines 86, 98, 103, 320): one group for known users, one for unknown
# ones (two lines each), where each name tried was a group of its own
SSHD_USERS = [
    (
        "Mar 27 14:01:39 ip-10-77-20-248 sshd[2938]: error: maximum authentication attempts exceeded for root"
        " from 122.176.37.221 port 37107 ssh2 [preauth]"
    ),
    (
        "Mar 27 14:54:58 ip-10-77-20-248 sshd[2967]: error: maximum authentication attempts exceeded for"
        " invalid user support from 95.152.57.58 port 53679 ssh2 [preauth]"
    ),
    (
        "Mar 27 15:46:53 ip-10-77-20-248 sshd[2996]: error: maximum authentication attempts exceeded for root"
        " from 90.144.183.19 port 57648 ssh2 [preauth]"
    ),
    (
        "Mar 27 18:22:26 ip-10-77-20-248 sshd[14922]: error: maximum authentication attempts exceeded for"
        " invalid user admin from 201.177.23.130 port 46784 ssh2 [preauth]"
    ),
]
SSHD_GROUP = "sshd[<n>]: error: maximum authentication attempts exceeded for "


def test_sshd_failed_logins_are_grouped_whatever_user_name_was_tried(index, tmp_path):
    report = scanned(index, tmp_path, "app.log", SSHD_USERS)
    tail = "from <n> port <n> ssh<n> [preauth]"
    assert sorted((g.count, name) for name, g in report.other.items()) == [
        (2, f"{SSHD_GROUP}<user> {tail}"),
        (2, f"{SSHD_GROUP}invalid user <user> {tail}"),
    ]


# FortiGate's key=value events (geercaceres/wazuh-sample-logs@81711cf sample-logs-list.txt lines 1-3): ten header
# fields stand before the message, and the group text, cut at 160 characters, named the header alone
FORTIGATE = [
    (
        'date=2021-12-28 time=15:26:47 devname="FGT5HD3916803513" devid="FGT5HD3916803513" logid="0101037188"'
        ' type="event" subtype="vpn" level="error" vd="root" eventtime=1640685407 logdesc="IPsec phase 1'
        ' error" msg="IPsec phase 1 error" action="negotiate" remip=13.71.116.219 locip=115.113.193.129'
        ' remport=500 locport=500 outintf="port16" cookies="d0727ae3820a1a3e/0000000000000000" user="N/A"'
        ' group="N/A" xauthuser="N/A" xauthgroup="N/A" assignip=N/A vpntunnel="N/A" status="negotiate_error"'
        ' reason="peer SA proposal not match local policy"'
    ),
    (
        'date=2021-12-28 time=15:24:48 devname="FGT5HD3916803513" devid="FGT5HD3916803513" logid="0101037188"'
        ' type="event" subtype="vpn" level="error" vd="root" eventtime=1640685288 logdesc="IPsec phase 1'
        ' error" msg="IPsec phase 1 error" action="negotiate" remip=13.71.116.219 locip=115.113.193.129'
        ' remport=500 locport=500 outintf="port16" cookies="41ef052758e391f5/0000000000000000" user="N/A"'
        ' group="N/A" xauthuser="N/A" xauthgroup="N/A" assignip=N/A vpntunnel="N/A" status="negotiate_error"'
        ' reason="peer SA proposal not match local policy"'
    ),
    (
        'date=2021-12-28 time=15:24:48 devname="FGT5HD3916803513" devid="FGT5HD3916803513" logid="0101037192"'
        ' type="event" subtype="vpn" level="error" vd="root" eventtime=1640685288 logdesc="Progress IPsec'
        ' phase 1" msg="progress IPsec phase 1" action="negotiate" remip=13.71.116.219 locip=115.113.193.129'
        ' remport=500 locport=500 outintf="port16" cookies="41ef052758e391f5/0000000000000000" user="N/A"'
        ' group="N/A" xauthuser="N/A" xauthgroup="N/A" assignip=N/A vpntunnel="N/A" status="failure"'
        ' init="remote" exch="SA_INIT" dir="inbound" role="responder" result="ERROR" version="IKEv2"'
    ),
]


def test_a_key_value_lines_message_far_from_its_start_names_its_group(index, tmp_path):
    report = scanned(index, tmp_path, "app.log", FORTIGATE)
    assert sorted((g.count, name.split(" msg=")[0]) for name, g in report.other.items()) == [
        (1, 'logdesc="Progress IPsec phase <n>"'),
        (2, 'logdesc="IPsec phase <n> error"'),
    ]


# A Windows event's level stands in its XML's System, past the line's head: security event 1108, an error
# (MicrosoftDocs/windows-itpro-docs@d7b30b6 windows/security/threat-protection/auditing/event-1108.md, its
# Event XML with its lines joined as wevtutil qe /f:xml writes one event a line), and an IIS log event at
# information (crowdsecurity/hub's .tests/iis-xml-logs/iis-logs.log, line 1)
WINDOWS_ERROR_EVENT = (
    '<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider'
    ' Name="Microsoft-Windows-Eventlog" Guid="{fc65ddd8-d6ef-4962-83d5-6e5cfe9ce148}"'
    " /><EventID>1108</EventID><Version>0</Version><Level>2</Level><Task>101</Task><Opcode>0</Opcode><Keywords>0x4020000000000000</Keywords><TimeCreated"
    ' SystemTime="2015-11-12T20:59:47.431979300Z" /><EventRecordID>5599</EventRecordID><Correlation'
    ' /><Execution ProcessID="972" ThreadID="1320"'
    " /><Channel>Security</Channel><Computer>WIN-GG82ULGC9GO.contoso.local</Computer><Security"
    " /></System><UserData><EventProcessingFailure"
    ' xmlns="http://manifests.microsoft.com/win/2004/08/windows/eventlog"><Error Code="15005"'
    " /><EventID>0</EventID><PublisherID>Microsoft-Windows-Security-Auditing</PublisherID></EventProcessingFailure></UserData></Event>"
)
WINDOWS_INFO_EVENT = (
    '<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"> <System>   <Provider'
    ' Name="Microsoft-Windows-IIS-Logging" Guid="{7e8ad27f-b271-4ea2-a783-a47bde29143b}" />   '
    " <EventID>6200</EventID>    <Version>0</Version>    <Level>4</Level>    <Task>0</Task>   "
    " <Opcode>0</Opcode>    <Keywords>0x8000000000000000</Keywords>    <TimeCreated"
    ' SystemTime="2022-10-01T11:25:54.6206890Z" />    <EventRecordID>530178</EventRecordID>   '
    ' <Correlation />    <Execution ProcessID="15476" ThreadID="25612" />   '
    " <Channel>Microsoft-IIS-Logging/Logs</Channel>    <Computer>exchange-1.mydomain.test</Computer>   "
    ' <Security UserID="S-1-5-18" />    </System> <EventData>   <Data'
    ' Name="EnabledFieldsFlags">2478079</Data>    <Data Name="date">2022-10-01</Data>    <Data'
    ' Name="time">11:25:51</Data>    <Data Name="c-ip">192.168.9.212</Data>    <Data'
    ' Name="cs-username">-</Data>    <Data Name="s-sitename">W3SVC1</Data>    <Data'
    ' Name="s-computername">exchange-1</Data>    <Data Name="s-ip">192.168.9.241</Data>    <Data'
    ' Name="cs-method">GET</Data>    <Data Name="cs-uri-stem">/autodiscover/autodiscover.json</Data>   '
    " <Data"
    ' Name="cs-uri-query">bla=powershell&amp;CorrelationID=;&amp;cafeReqId=f1351975-5024-4240-9508-3b4ea50eaf70;</Data>'
    '    <Data Name="sc-status">400</Data>    <Data Name="sc-win32-status">0</Data>    <Data'
    ' Name="sc-bytes">134</Data>    <Data Name="cs-bytes">751</Data>    <Data Name="time-taken">49</Data>'
    '    <Data Name="s-port">443</Data>    <Data'
    ' Name="csUser-Agent">Mozilla/5.0+(X11;+Linux+x86_64)+AppleWebKit/537.36+(KHTML,+like+Gecko)+Chrome/105.0.0.0+Safari/537.36</Data>'
    '    <Data Name="csCookie">-</Data>    <Data Name="csReferer">-</Data>    <Data'
    ' Name="cs-version">-</Data>    <Data Name="cs-host">-</Data>    <Data Name="sc-substatus">0</Data>  '
    '  <Data Name="CustomFields" />    </EventData>   </Event>'
)


def test_a_windows_events_xml_level_makes_it_an_error_named_by_its_provider_and_id(index, tmp_path):
    assert (_reason(WINDOWS_ERROR_EVENT), level(WINDOWS_INFO_EVENT)) == ("level", "info")
    report = scanned(index, tmp_path, "app.log", [WINDOWS_ERROR_EVENT, WINDOWS_INFO_EVENT])
    assert report.errors == 1 and list(report.other) == ["Windows event 1108 from Microsoft-Windows-Eventlog"]


# Bacula's job messages as logstash-patterns-core's specs test them (spec/patterns/bacula_spec.rb,
# github.com/logstash-plugins/logstash-patterns-core at 7f94275): its level in words after the job's id, capitalised
BACULA = [
    '09-Jan 19:54 bacula-host JobId 265896: Created new Volume "FullAuto-8812" in catalog.',
    "11-Nov 13:28 bacula-dir JobId 11: Fatal error: bsock.c:133 Unable to connect to Client: dc0-fd on "
    "dc0.teamworld.com:9102. ERR=Connection refused",
    "25-Aug 09:02 marlin2-dir JobId 10783: Fatal Error: JobId 10782 already running. Duplicate job not allowed.",
    "06-Mar 20:00 srvbkp-dir JobId 1075: Start Backup JobId 1075, Job=srv1-bind.2018-03-06_20.00.01_05",
]


def test_a_bacula_jobs_fatal_error_is_an_error(index, tmp_path):
    """Bacula writes "Fatal error:" (and "Fatal Error:") after its job's id: only a lower-case "fatal
    error:" was read as a tag's level, so a backup that could not reach its client was no error."""
    assert [level(line) for line in BACULA] == [None, "error", "error", None]
    report = scanned(index, tmp_path, "bacula.log", BACULA)
    assert sorted(p.line for g in report.other.values() for p in g.places) == [2, 3]
    # its time (a day, a month and the minute: no year) is the record's, not part of its group's name
    (group,) = (g for text, g in report.other.items() if text.startswith("bacula-dir JobId <n>: Fatal error: bsock.c"))
    assert group.first_seen is not None and (group.first_seen.month, group.first_seen.day, group.first_seen.hour) == (11, 11, 13)


# An iOS crash report, the head of MacSymbolicator's test resource (github.com/inket/MacSymbolicator at 7270124,
# MacSymbolicatorTests/Resources/Other/ios-crash-without-json-header.crash, lines 1-3 and 17-36)
IOS_CRASH = [
    "Incident Identifier: 356753AC-2172-45DC-977A-11F2328980D0",
    "CrashReporter Key:   3f2d8930a7fa3eff84ad721f6866b9b4791238c5",
    "Hardware Model:      iPhone14,2",
    "Report Version:      104",
    "",
    "Exception Type:  EXC_BREAKPOINT (SIGTRAP)",
    "Exception Codes: 0x0000000000000001, 0x000000018a98520c",
    "Termination Reason: SIGNAL 5 Trace/BPT trap: 5",
    "Terminating Process: exc handler [455]",
    "",
    "Triggered by Thread:  0",
    "",
    "Kernel Triage:",
    "VM - pmap_enter retried due to resource shortage",
    "VM - pmap_enter retried due to resource shortage",
    "",
    "",
    "Thread 0 name:   Dispatch queue: com.apple.main-thread",
    "Thread 0 Crashed:",
    "0   libswiftCore.dylib            \t       0x18a98520c _assertionFailure(_:_:file:line:flags:) + 312",
    "1   libswiftCore.dylib            \t       0x18a98520c _assertionFailure(_:_:file:line:flags:) + 312",
    "2   iOSCrashingTest               \t       0x1022364bc 0x102230000 + 25788",
]


def test_an_apple_crash_report_is_one_error_named_by_its_exception_type(index, tmp_path):
    """An iOS or macOS crash report says what killed the process in its "Exception Type:" line
    (EXC_BREAKPOINT, EXC_BAD_ACCESS, EXC_CRASH): a report of an app's crash held no error."""
    report = scanned(index, tmp_path, "app.crash", IOS_CRASH)
    assert [(text, [p.line for p in g.places]) for text, g in report.other.items()] == [
        ("Exception Type: EXC_BREAKPOINT (SIGTRAP)", [6])
    ]


# A level word after a line's time in forms the time's plain space did not cover, each a real line: vCenter's vpxd
# (lnav's test/logfile_vmw_log.0 at bb0005f, lines 1 and 3, cut), its time ending in Z; the OpenTelemetry
# Collector's zap console, tab-separated (lnav's test/logfile_zap_console.0 at bb0005f, lines 1-2, cut); Prowlarr's
# NLog, bar-separated (crowdsecurity/hub's .tests/prowlarr-nonsyslog-logs at b03cb59, line 1); Monit's, after a
# bracket (fail2ban's fail2ban/tests/files/logs/monit at deffcbc, line 12); BIND's, with a colon
# (fail2ban's .../logs/named-refused at deffcbc, line 7)
TIMED_LEVELS = [
    ("2022-06-02T11:58:12.193Z info vpxd[45715] [Originator@6876 sub=vpxLro opID=7e1280cf] [VpxLRO] -- FINISH "
     "lro-846063", "info"),
    ("2022-06-02T11:59:41.498Z warning vpxd[47756] [Originator@6876 sub=drmLogger opID=SWI-66b629ff] Exception was "
     "thrown when call vsan-performance-manager for cluster", "warning"),
    ('2025-04-24T22:09:20.854Z\tinfo\tMetrics\t{"otelcol.component.id": "debug", "otelcol.component.kind": "Exporter"}',
     "info"),
    ('2025-04-24T22:09:20.856Z\terror\tinternal/queue_sender.go:128\tExporting failed. Dropping data.\t'
     '{"otelcol.component.id": "otlphttp/prometheus", "otelcol.component.kind": "Exporter"}', "error"),
    ("2022-12-17 22:04:36.2|Warn|Auth|Auth-Failure ip 1.2.3.4 username 'testing'", "warn"),
    ("[CEST Aug  6 10:14:52] error    : HttpRequest: access denied -- client [192.168.1.85]: wrong password for user "
     "'root'", "error"),
    ("11-Aug-2013 03:36:11.372 error: client 1.2.3.4#52115: zone transfer 'domain.com/AXFR/IN' denied", "error"),
]  # fmt: skip


def test_a_level_word_after_a_time_with_its_zone_a_bracket_a_tab_or_a_bar_is_read(index, tmp_path):
    """A level word counted after a line's time only with a space between them: vCenter's warnings
    (its time ends in Z), the OpenTelemetry Collector's errors (zap's console puts tabs around the
    level), NLog's (bars), Monit's (its time in brackets) and BIND's ("error:") were no errors, and their
    info lines had no level (an exception they showed was an error)."""
    assert [level(line) for line, _ in TIMED_LEVELS] == [said for _, said in TIMED_LEVELS]
    report = scanned(index, tmp_path, "app.log", [line for line, _ in TIMED_LEVELS])
    assert sorted(p.line for g in report.other.values() for p in g.places) == [2, 4, 5, 6, 7]
    assert level("[10:00:00] error_rate=0 retries=3") is None  # a word that only begins with a level's is none
    # after a bracketed time, a capitalised word starts a sentence: a Taskcluster task's line (mozilla-services/
    # lua_sandbox_extensions at 88ca3c5, taskcluster/tests/integration/taskcluster/task_CX96USXgR3CvJWA2ZsBYrA_runs_0_
    # artifacts_public_logs_live_backing.log, line 481) says what mach ignored
    assert (
        level(
            "[task 2020-01-23T17:43:01.007Z] Error processing command. Ignoring because optional. "
            "(optional:packages.txt:comm/build/virtualenv_packages.txt)"
        )
        is None
    )


# Courier's SMTP server, its level before its fields (fail2ban's fail2ban/tests/files/logs/courier-smtp at deffcbc,
# lines 1, 7 and 8; line 7's SASL PLAIN response replaced by a random one of its shape: base64 of a user and password)
COURIER = [
    "Apr 10 03:47:57 web courieresmtpd: error,relay=::ffff:1.2.3.4,ident=tmf,from=<tmf@example.com>,"
    "to=<mailman-subscribe@example.com>: 550 User unknown.",
    'Aug 14 12:51:04 mail.server courieresmtpd[26762]: error,relay=::ffff:1.2.3.4,msg="535 Authentication failed.",'
    "cmd: AUTH PLAIN AHJ0Z3JvdXAAUTd4bUt2OWU= admin",
    'Aug 14 12:51:05 mail.server courieresmtpd[425070]: error,relay=::ffff:192.0.2.3,port=43632,msg="535 Authentication '
    'failed.",cmd: AUTH LOGIN PlcmSpIp@example.com',
]


def test_courier_errors_are_errors_and_a_sasl_response_they_quote_is_hidden(index, tmp_path):
    """Courier writes "error," before its fields, after its program tag: its rejected logins were no errors.
    The command it quotes holds the client's SASL response (AUTH PLAIN's base64 of the user and password): it is
    a credential, never shown in a group's name."""
    assert [level(line) for line in COURIER] == ["error"] * 3
    report = scanned(index, tmp_path, "mail.log", COURIER)
    assert sorted(p.line for g in report.other.values() for p in g.places) == [1, 2, 3]
    assert not any("AHJ0Z3JvdXAAUTd4bUt2OWU" in text for text in report.other)
    assert any(text.endswith("cmd: AUTH PLAIN [REDACTED] admin") for text in report.other)


# IBM MQ's error log (elastic/beats at bb649180, filebeat/module/ibmmq/errorlog/test/AMQERR01.log, lines 60-66,
# 89-96 and 43-49, each message's explanation cut to a line): each entry's severity is only its message id's last
# letter, E an error, W a warning, I information; no word of AMQ6776E's says so
MQ_ERROR_LOG = [
    "11/10/2018 10:46:26 - Process(8480.1) User(MUSR_MQADMIN) Program(amqzxma0.exe)",
    "                      Host(FELIX-ELASTIC) Installation(Installation1)",
    "                      VRMF(9.1.0.0)",
    "                      Time(2018-10-11T08:46:26.343Z)",
    "                     ",
    "AMQ6776E: Queue manager recovery log not correctly configured for advanced",
    "format disk.",
    "",
    "EXPLANATION:",
    "The queue manager recovery log is located on an advanced format disk, however",
    "----- amqxfdcp.c : 832 --------------------------------------------------------",
    "11/10/2018 10:46:26 - Process(8480.1) User(MUSR_MQADMIN) Program(amqzxma0.exe)",
    "                      Host(FELIX-ELASTIC) Installation(Installation1)",
    "                      VRMF(9.1.0.0)",
    "                      Time(2018-10-11T08:46:26.346Z)",
    "                      ArithInsert1(8480)",
    "                      CommentInsert1(QM1)",
    "                     ",
    "AMQ6184W: An internal IBM MQ error has occurred on queue manager QM1.",
    "",
    "EXPLANATION:",
    "An error has been detected, and the IBM MQ error recording routine has been",
    "----- amqxfdcp.c : 874 --------------------------------------------------------",
    "11/10/2018 10:46:25 - Process(16776.1) User(MUSR_MQADMIN) Program(strmqm.exe)",
    "                      Host(FELIX-ELASTIC) Installation(Installation1)",
    "                      VRMF(9.1.0.0)",
    "                      Time(2018-10-11T08:46:25.924Z)",
    "                      ArithInsert1(90)",
    "                     ",
    "AMQ7125I: There are 90 days left in the trial period for this copy of IBM MQ.",
    "",
    "EXPLANATION:",
    "This copy of IBM MQ is licensed for a limited period only.",
    "----- amqzlic0.c : 435 --------------------------------------------------------",
]


def test_an_ibm_message_ids_last_letter_is_its_severity(index, tmp_path):
    """MQ's, WebSphere's and Db2's messages name their severity by their id's last letter: an error (E; Db2's N),
    a warning (W) is one, information (I) is none, and the id, the error's name to look up, stays in its group's."""
    assert [level(line) for line in ("AMQ6776E: Queue", "AMQ6184W: An", "AMQ7125I: There")] == ["error", "warn", "info"]
    report = scanned(index, tmp_path, "AMQERR01.LOG", MQ_ERROR_LOG)
    assert [(text, [p.line for p in g.places]) for text, g in report.other.items()] == [
        ("AMQ6776E: Queue manager recovery log not correctly configured for advanced", [6]),
        ("AMQ6184W: An internal IBM MQ error has occurred on queue manager QM<n>.", [19]),
    ]


# Celery's worker log, its time, level and process in one bracket: xieyumc/YuYuWechat issue #17
# (https://github.com/xieyumc/YuYuWechat/issues/17) and project-koku/koku pull request #1480
# (https://github.com/project-koku/koku/pull/1480, docker compose's "koku_worker       | " cut)
CELERY = [
    "[2024-09-22 13:57:43,677: ERROR/MainProcess] Task handler raised error: ValueError('not enough values to unpack "
    "(expected 3, got 0)')",
    "[2019-12-03 21:17:15,145: ERROR/ForkPoolWorker-1] masu.processor.tasks.get_report_files[6ded1c2b-9da6-4d1f-bf9b-"
    "b9863d6934fc]: ",
]


def test_a_celery_records_group_is_named_by_its_level_and_message(index, tmp_path):
    """Taking the time out of Celery's "[<time>: ERROR/MainProcess]" left "[: ERROR/MainProcess]": its separator goes too;
    and the process that logged it ("[ERROR/MainProcess]", "[ERROR/ForkPoolWorker-1]") makes no other error (sweep29)."""
    report = scanned(index, tmp_path, "worker.log", CELERY)
    assert sorted(report.other) == [
        "ERROR Task handler raised error: ValueError('not enough values to unpack (expected <n>, got <n>)')",
        "ERROR masu.processor.tasks.get_report_files[<id>]:",
    ]


# fail2ban's sshd test log (fail2ban/tests/files/logs/sshd at deffcbc, lines 172 and 189): one error, logged with no
# host and by a host named "host" in a central syslog
SSHD_TWO_HOSTS = [
    "Feb 17 17:40:18 sshd[19725]: error: kex_exchange_identification: Connection closed by remote host",
    "Jun  7 04:10:35 host sshd[424228]: error: kex_exchange_identification: Connection closed by remote host",
]


def test_one_error_on_two_syslog_hosts_is_one_group_whose_samples_name_each_host(index, tmp_path):
    """A syslog header's host is where an error happened, not what it is: one group, its lines and samples as logged."""
    report = scanned(index, tmp_path, "messages", SSHD_TWO_HOSTS)
    ((text, group),) = report.other.items()
    assert text == "sshd[<n>]: error: kex_exchange_identification: Connection closed by remote host"
    assert [p.line for p in group.places] == [1, 2]
    assert [text for _, text in group.samples] == SSHD_TWO_HOSTS


# fail2ban's zoneminder test log (fail2ban/tests/files/logs/zoneminder at deffcbc, lines 1, 3 and 5): ZoneMinder's
# own level (WAR, ERR) after Apache's context; PHP's error_log reaches Apache's log at notice
ZONEMINDER = [
    '[Mon Mar 28 16:50:49.522240 2016] [:error] [pid 1795] [client 10.1.1.1:50700] WAR [Login denied for user "username1"], '
    "referer: https://zoneminder/",
    "[Sun Mar 28 16:53:00.472693 2021] [php7:notice] [pid 11328] [client 10.1.1.1:39568] ERR [Could not retrieve user "
    "username1 details], referer: https://zm/zm/?view=logout",
    "[Sun Mar 28 16:59:14.150625 2021] [php7:notice] [pid 11336] [client 10.1.1.1:39654] ERR [Login denied for user "
    '"username1"], referer: https://zm/zm/?',
]


def test_a_programs_own_level_after_apaches_notice_is_its_level(index, tmp_path):
    """Apache's notice is PHP's channel, not the program's level: ZoneMinder's ERR under it is an error."""
    assert [level(line) for line in ZONEMINDER] == ["error", "error", "error"]
    assert level(ZONEMINDER[1].replace(" ERR [", " INF [")) == "notice"  # its information stays quiet
    report = scanned(index, tmp_path, "error.log", ZONEMINDER)
    assert sorted(p.line for g in report.other.values() for p in g.places) == [1, 2, 3]


# Liberty's messages.log line quoted in OpenLiberty/open-liberty's dev/fattest.simplicity/src/componenttest/topology/
# impl/LibertyServer.java (its comment before printProcessHoldingPort; cut after its first sentence, which holds no
# error word): the id after the letter column, E, is the only sign
LIBERTY_TCP = (
    "[5/11/21 17:16:41:009 GMT] 00000026 com.ibm.ws.tcpchannel.internal.TCPPort E CWWKO0221E: TCP Channel "
    "defaultHttpEndpoint-ssl initialization did not succeed."
)


def test_a_websphere_id_after_its_letter_column_is_read(index, tmp_path):
    report = scanned(index, tmp_path, "messages.log", [LIBERTY_TCP, LIBERTY_TCP.replace("0221E", "0219I", 1)])
    assert [(text, [p.line for p in g.places]) for text, g in report.other.items()] == [
        ("<n> com.ibm.ws.tcpchannel.internal.TCPPort E CWWKO0221E: TCP Channel "
         "defaultHttpEndpoint-ssl initialization did not succeed.", [1])
    ]  # fmt: skip


# ansible/ansible's callback test output (test/integration/targets/callback_default/callback_default.out.default.stdout
# at c9ac477e53a99e95781f333eec3329a935c1bf95, lines 7-31): a task's failure on a host is Ansible's "fatal:" or, for
# one item of a loop, "failed:" with its result's body on the lines after
ANSIBLE = [
    "TASK [Ok task] *****************************************************************",
    "ok: [testhost]",
    "",
    "TASK [Failed task] *************************************************************",
    'fatal: [testhost]: FAILED! => {"changed": false, "msg": "no reason"}',
    "...ignoring",
    "",
    "TASK [debug loop] **************************************************************",
    "changed: [testhost] => (item=debug-1) => {",
    '    "msg": "debug-1"',
    "}",
    "failed: [testhost] (item=debug-2) => {",
    '    "msg": "debug-2"',
    "}",
]
# jenkinsci/analysis-model's TI Code Composer fixture (src/test/resources/edu/hm/hafner/analysis/parser/all.txt at
# 9b50d2d46b0da0b77a201963327c0a5ce5641e28, lines 760 and 766): the linker's diagnostics, at the line's start
TI_LINKER = ["warning: symbol 'memset' redeclared with incompatible type", "error: unresolved symbols remain"]


def test_a_diagnostic_at_a_lines_start_is_read_by_its_level(index, tmp_path):
    """A compiler's, a command-line tool's or Ansible's diagnostic opens its line with its level in lower case
    ("error: ...", "fatal: [host]: FAILED!"): each is an error; a YAML key's scalar ("error: null") is none."""
    assert [level(line) for line in (*TI_LINKER, "error[E0425]: cannot find value `x` in this scope")] == [
        "warning",
        "error",
        "error",
    ]
    assert [level(line) for line in ("error: null", "warning: 0")] == [None, None]
    report = scanned(index, tmp_path, "linker.log", TI_LINKER)
    assert [[p.line for p in g.places] for g in report.other.values()] == [[1], [2]]
    report = scanned(index, tmp_path, "playbook.log", ANSIBLE)
    assert sorted((text, [p.line for p in g.places]) for text, g in report.other.items()) == [
        ("failed: [<host>] (item=debug-<n>) => {", [12]),
        ('fatal: [<host>]: FAILED! => {"changed": false, "msg": "no reason"}', [5]),
    ]


# fail2ban's asterisk test log (fail2ban/tests/files/logs/asterisk at deffcbcd1712a3a0cbd79c1da324096ebf36d306, lines 29,
# 36 and 38, cut after the event's service): Asterisk's security log, the event in its first key=value field
ASTERISK_SECURITY = [
    '[2013-05-13 07:10:53] SECURITY[1204] res_security_log.c: SecurityEvent="InvalidAccountID",EventTV="1368439853-500975",'
    'Severity="Error",Service="SIP"',
    '[2013-07-06 09:09:25] SECURITY[3308] res_security_log.c: SecurityEvent="InvalidPassword",EventTV="1373098165-824497",'
    'Severity="Error",Service="SIP"',
    '[2014-01-10 16:39:06] SECURITY[1503] res_security_log.c: SecurityEvent="FailedACL",EventTV="1389368346-880526",'
    'Severity="Error",Service="SIP"',
]


def test_the_event_a_key_value_line_records_names_its_group(index, tmp_path):
    """Asterisk's three security events were one group once their quoted values were masked: the event's is kept."""
    report = scanned(index, tmp_path, "security_log", ASTERISK_SECURITY)
    assert sorted(report.other) == [
        f"SECURITY[<n>] res_security_log.c: SecurityEvent=\"{event}\",EventTV='…',Severity='…',Service='…'"
        for event in ("FailedACL", "InvalidAccountID", "InvalidPassword")
    ]


# tomkasp/tomkasp.github.io's post of a WebSphere 8.5.5 SystemOut.log (_posts/2015-05-27-swagger-guava.md, its first log
# line and the exception under it): WebSphere's date in the server's locale, milliseconds after a colon, then its zone
WEBSPHERE = [
    "[5/27/15 13:44:03:419 EDT] 00000001 ContainerHelp E   WSVR0501E: Error creating component "
    "com.ibm.ws.runtime.component.CompositionUnitMgrImpl@c2dcd39",
    "com.ibm.ws.exception.RuntimeWarning: com.ibm.ws.webcontainer.exception.WebAppNotLoadedException: Failed to load "
    "webapp: Failed to load webapp: java.lang.ArrayIndexOutOfBoundsException",
]


def test_websphere_dates_its_records_for_since(index, tmp_path):
    """WebSphere's "[5/27/15 13:44:03:419 EDT]" was no time: its records were left out by --since whatever their
    date, and the date stayed, masked, in the group's name."""
    path = tmp_path / "SystemOut.log"
    path.write_text("\n".join(WEBSPHERE) + "\n", encoding="utf-8")
    report = errcat.scan.scan(index, [str(path)], errcat.scan.ScanOptions(workers=1, since=datetime(2015, 5, 27, 17, tzinfo=UTC)))
    ((text, group),) = report.other.items()
    assert text.startswith("<n> ContainerHelp E WSVR0501E: Error creating component")
    assert group.first_seen == datetime(2015, 5, 27, 17, 44, 3, 419000, tzinfo=UTC)  # EDT is UTC-4
    later = errcat.scan.ScanOptions(workers=1, since=datetime(2015, 5, 27, 18, tzinfo=UTC))
    assert errcat.scan.scan(index, [str(path)], later).errors == 0


# jenkinsci/analysis-model's CMake and gfortran fixtures (src/test/resources/edu/hm/hafner/analysis/parser/cmake.txt,
# lines 10-14, and GnuFortran.txt, lines 1-5 and 17, at 9b50d2d46b0da0b77a201963327c0a5ce5641e28)
CMAKE = [
    "CMake Warning at project/utils/fancy.cmake:423 (message):",
    "  Special workaround applied",
    "",
    "CMake Error at error.cmake:2 (message):",
    "  Uh oh !$%@!",
]
GFORTRAN = [
    "C:/zlaror.f:318:",
    "",
    "      IF( XABS.NE.ZERO ) THEN                                           ",
    "          1",
    "Warning: Inequality comparison for REAL(8) at (1)",
    "Fatal Error: Can't open module file 'ieee_arithmetic.mod' for reading at (1): No such file or directory",
]


def test_cmakes_and_gfortrans_messages_are_read_by_their_level(index, tmp_path):
    """CMake's "CMake Error at ..." and gfortran's "Warning: ..." / "Fatal Error: ..." at a line's start say their level
    in words no other form read: a configure step's errors and a Fortran build's were no errors."""
    report = scanned(index, tmp_path, "configure.log", CMAKE)
    assert other_groups(report) == [
        ("CMake Error at error.cmake:<n> (message): Uh oh !$%@!", [4]),
        ("CMake Warning at project/utils/fancy.cmake:<n> (message): Special workaround applied", [1]),
    ]
    report = scanned(index, tmp_path, "make.log", GFORTRAN)
    assert sorted(p.line for g in report.other.values() for p in g.places) == [5, 6]


# DataDog/integrations-extras's JFrog sample (jfrog_platform_self_hosted/assets/logs/jfrog_platform_tests.yaml at
# 57e9d599daad03d877fa75c3a4648a6e70ae9860, the test whose message is " Topology updated ...", on one line): its level
# padded to its column
JFROG = (
    '{"log_timestamp":"2023-07-21T19:08:12.614Z","service_type":"jfrou","trace_id":"65ecd1767ab6bb22","hostname":'
    '"mahithab-mac","class_line_number":"external_topology.go:118 ","log_source":"jfrog.xray.router.service","log_level":'
    '"WARN ","thread":"main ","message":" Topology updated because of the time schedule"}'
)


def test_a_json_lines_level_padded_to_its_column_is_its_level(index, tmp_path):
    report = scanned(index, tmp_path, "router-service.log", [JFROG])
    assert other_groups(report) == [("Topology updated because of the time schedule", [1])]


# percona/percona-toolkit's MySQL 5.0 error log (t/lib/samples/errlogs/errlog003.txt at
# 8d0f14c1800a06c12f8967a5564015d16c40609d, line 1) and Loghub's HDFS sample (logpai/loghub-2.0's
# 2k_dataset/HDFS/HDFS_2k.log at 8046b1406c27cb8b43692691659c6d519ba86551, lines 78 and 79; https://github.com/logpai/loghub):
# a two-digit year, month and day before the time, with colons or none
MYSQL_5 = (
    "090902 10:43:55 [ERROR] /usr/sbin/mysqld: Incorrect key file for table './bugs_eventum/eventum_note.MYI'; try to repair it"
)
HDFS = [
    "081109 214043 2561 WARN dfs.DataNode$DataXceiver: 10.251.30.85:50010:Got exception while serving "
    "blk_-2918118818249673980 to /10.251.90.64:",
    "081109 214402 2677 WARN dfs.DataNode$DataXceiver: 10.251.126.255:50010:Got exception while serving "
    "blk_8376667364205250596 to /10.251.91.159:",
]


def test_mysqls_and_hdfs_short_dates_are_times_and_a_signed_block_id_is_one_id(index, tmp_path):
    """MySQL's "090902 10:43:55" and HDFS's "081109 214043" were no times (--since left their records out), and HDFS's
    negative block ids made one error two groups ("blk_<n>", "blk_-<id>")."""
    report = scanned(index, tmp_path, "mysqld.err", [MYSQL_5])
    assert [g.first_seen for g in report.other.values()] == [datetime(2009, 9, 2, 10, 43, 55, tzinfo=UTC)]
    report = scanned(index, tmp_path, "hadoop-datanode.log", HDFS)
    ((text, group),) = report.other.items()
    assert text == "WARN dfs.DataNode$DataXceiver: <n>:<n>:Got exception while serving blk_<id> to /<n>:"
    assert (group.count, group.first_seen) == (2, datetime(2008, 11, 9, 21, 40, 43, tzinfo=UTC))


# jenkinsci/analysis-model's Diab C, Green Hills MULTI and IAR fixtures (src/test/resources/edu/hm/hafner/analysis/parser/
# diabc.txt lines 1 and 8, ghsmulti.txt line 7, iar.txt line 5, at 9b50d2d46b0da0b77a201963327c0a5ce5641e28): each
# compiler writes its own code between its level and the colon
EMBEDDED_COMPILERS = [
    '"lint.c", line 7: warning (dcc:1521): missing return expression',
    '"main.c", line 5: fatal error (dcc:1025): division by zero',
    '".\\maindir\\tests\\TestCase_0101.cpp", line 37: warning #546-D: ',
    'C:\\dev\\bsc\\daqtask.c(43) : Warning[Pe177]: variable "pgMsgEnv" was declared but never referenced',
]


def test_a_compilers_level_with_its_own_code_before_the_colon_is_read(index, tmp_path):
    assert [level(line) for line in EMBEDDED_COMPILERS] == ["warning", "error", "warning", "warning"]
    report = scanned(index, tmp_path, "build.log", EMBEDDED_COMPILERS)
    assert sorted(p.line for g in report.other.values() for p in g.places) == [1, 2, 3, 4]


# hpcugent/logstash-patterns's NFS test line (tests/data/nfs at 94d08e99c2f74403a2648af597436a78c38d961c, line 15's "raw"):
# an RFC 5424 header, its version after the priority, before the time and the host
RFC5424_NFS = (
    "<4>1 2014-03-28T16:04:31.916838+01:00 node001 kernel: - kernel:: Error: state recovery failed on NFSv4 server "
    "172.24.11.14 with error 2"
)


def test_an_rfc_5424_headers_host_is_dropped_from_its_group(index, tmp_path):
    """One error on two hosts of an RFC 5424 syslog is one group, as it is under RFC 3164's header."""
    report = scanned(index, tmp_path, "messages", [RFC5424_NFS, RFC5424_NFS.replace("node001", "node002")])
    ((text, group),) = report.other.items()
    assert text == "kernel: - kernel:: Error: state recovery failed on NFSv<n> server <n> with error <n>"
    assert group.count == 2


# rsyslog's RFC 5424 format: the app name, process id, message id and structured data after the host, no tag's colon
# (log2timeline/plaso@4ea03ef, test_data/syslog_rsyslog_SyslogProtocol23Format, whole)
RFC5424_NO_TAG = [
    "<15>1 2021-03-06T04:07:38.251122+00:00 hostname log_tag - 123 -  this is debug",
    "<14>1 2021-03-06T04:07:38.251280+00:00 hostname log_tag - - -  this is info",
    "with another line",
    "<14>1 2021-03-06T04:07:38.251318+00:00 hostname log_tag - - -  !@#$%^&*()-_=+[]{}\\|;:'\",./<>?",
    "<10>1 2021-03-06T04:07:38.251352+00:00 hostname log_tag - - -  this is critical",
    "<30>1 2021-03-06T04:07:38.263426+00:00 hostname systemd 1 - -  Stopping Regular background program processing daemon...",
    "<30>1 2021-03-06T04:07:38.265164+00:00 hostname systemd 1 - -  Stopped Regular background program processing daemon.",
    "<30>1 2021-03-06T04:07:38.265422+00:00 hostname systemd 1 - -  Started Regular background program processing daemon.",
    "<78>1 2021-03-06T04:07:38.268395+00:00 hostname cron 18898 - -  (CRON) INFO (pidfile fd = 3)",
    "<78>1 2021-03-06T04:07:38.269077+00:00 hostname cron 18898 - -  (CRON) INFO (Skipping @reboot jobs -- not system startup)",
]


def test_an_rfc_5424_line_without_a_tags_colon_is_named_by_its_app(index, tmp_path):
    """Without "tag: " after the host, RFC 5424's header stayed in the group name: "hostname log_tag - - - this is
    critical", host and nil fields; it is named by its app as RFC 3164's line by its tag, on any host."""
    lines = [*RFC5424_NO_TAG, RFC5424_NO_TAG[4].replace("hostname", "otherhost")]
    report = scanned(index, tmp_path, "messages", lines)
    assert other_groups(report) == [("log_tag: this is critical", [5, 11])]


# lyft/atlantis's Terraform output (server/neptune/workflows/activities/terraform/failure_test.go at
# ef3f3c79849a79a9fff1c0f17e7ab84351ae52ca, TestNewFailure's output): Terraform's diagnostic in its box
TERRAFORM = [
    "╷",
    "│ Error: Failed to query available provider packages",
    "│",
    "│ Could not retrieve the list of available versions for provider",
    "│ hashicorp/aws: no available releases match the given constraints >= 6.0.0",
    "╵",
]


def test_terraforms_diagnostic_in_its_box_is_an_error(index, tmp_path):
    assert level("Error: Failed to query available provider packages") == "error"  # out of its box too
    report = scanned(index, tmp_path, "plan.log", TERRAFORM)
    assert other_groups(report) == [("│ Error: Failed to query available provider packages", [2])]


# Loghub's ZooKeeper sample (logpai/loghub-2.0's 2k_dataset/Zookeeper/Zookeeper_2k.log at
# 8046b1406c27cb8b43692691659c6d519ba86551, lines 569 and 542; https://github.com/logpai/loghub): one error, logged by
# two threads, log4j's thread, class and line in one bracket after the level
ZOOKEEPER = [
    "2015-07-30 23:44:58,183 - WARN  [QuorumPeer[myid=1]/0:0:0:0:0:0:0:0:2181:QuorumCnxManager@368] - Cannot open channel "
    "to 2 at election address /10.10.34.12:3888",
    "2015-07-30 17:55:26,200 - WARN  [WorkerSender[myid=1]:QuorumCnxManager@368] - Cannot open channel to 2 at election "
    "address /10.10.34.12:3888",
]


def test_the_thread_before_log4js_class_and_line_is_no_part_of_a_group(index, tmp_path):
    report = scanned(index, tmp_path, "zookeeper.log", ZOOKEEPER)
    assert other_groups(report) == [
        ("WARN [<thread>:QuorumCnxManager@<n>] - Cannot open channel to <n> at election address /<n>:<n>", [1, 2])
    ]


# Loghub's Spark sample (logpai/loghub-2.0's 2k_dataset/Spark/Spark_2k.log at 8046b1406c27cb8b43692691659c6d519ba86551,
# line 1; https://github.com/logpai/loghub): Spark's default log4j time, %d{yy/MM/dd HH:mm:ss}
SPARK = "17/06/09 20:10:40 INFO executor.CoarseGrainedExecutorBackend: Registered signal handlers for [TERM, HUP, INT]"


def test_sparks_default_time_dates_its_records(index, tmp_path):
    """Spark's "17/06/09 20:10:40" was no time: --since left every record of a Spark log out. (Its level made ERROR
    here, the sample holding none.)"""
    report = scanned(index, tmp_path, "stderr", [SPARK.replace(" INFO ", " ERROR ")])
    assert [g.first_seen for g in report.other.values()] == [datetime(2017, 6, 9, 20, 10, 40, tzinfo=UTC)]


# npm 10's output quoted in jvidalv/vital issue #9 (https://github.com/jvidalv/vital/issues/9, 2025-04-04), its first
# eight lines: every line of the block says "npm error"
NPM_10 = [
    "npm error code ERESOLVE",
    "npm error ERESOLVE unable to resolve dependency tree",
    "npm error",
    "npm error While resolving: vital@1.0.0",
    "npm error Found: vite@5.4.10",
    "npm error node_modules/vite",
    'npm error   dev vite@"5.4.10" from the root project',
    "npm error",
]


def test_an_npm_error_block_is_one_record_named_by_its_code(index, tmp_path):
    """npm 9 and later write "npm error", which no form read: an install that failed had no error. One failure is one
    record, named by its code, not a record a line."""
    report = scanned(index, tmp_path, "npm-install.log", NPM_10)
    assert other_groups(report) == [("npm error code ERESOLVE", [1])]


# Grafana switching from logfmt to JSON lines in one file (crowdsecurity/hub's .tests/grafana-bf/grafana-bf.log, lines
# 12 and 13, MIT): the logfmt line ends "traceID=", which introduces what follows, and the JSON line was read as its
# body, so 12 errors were counted as 11.
GRAFANA_LOGFMT_THEN_JSON = [
    'logger=context userId=0 orgId=0 uname= t=2023-03-14T06:11:26.182430512+02:00 level=error msg="Invalid username or '
    'password" error="invalid username or password" remote_addr=192.168.1.2 traceID=',
    '{"error":"invalid username or password","level":"error","logger":"context","msg":"Invalid username or password",'
    '"orgId":0,"remote_addr":"192.168.1.3","t":"2024-02-07T09:33:35.0353436+02:00","traceID":"","uname":"","userId":0}',
]


def test_a_json_line_with_its_own_time_and_level_is_a_record_of_its_own_after_a_line_ending_in_equals(index, tmp_path):
    report = scanned(index, tmp_path, "grafana.log", GRAFANA_LOGFMT_THEN_JSON)
    assert report.errors == 2 and sorted(line for _, lines in other_groups(report) for line in lines) == [1, 2]


def test_a_json_body_without_a_time_and_a_level_still_goes_with_the_status_line_before_it(index, tmp_path):
    """A vendor's body after its status is the record's body (MYOB's "Severity" alone is no logger's level and time)."""
    lines = [
        "2026-11-19T00:00:07.000Z ERROR sync.myob POST https://arl2.api.myob.com/accountright/x/Sale/Invoice/Item returned 400, "
        "response body:",
        '{"Errors":[{"Name":"Required","Message":"Date is required","AdditionalDetails":"Date","ErrorCode":100,"Severity":"Error"}]}',
    ]
    report = scanned(index, tmp_path, "myob.log", lines)
    assert report.errors == 1 and [m.entry_id.split(".")[0] for m in report.matched.values()] == ["myob"]


# Failures real logs write with no level in a level's place (crowdsecurity/hub@b03cb59 .tests/<dir>/<file>, line; logpai/
# loghub@dd61d09; fail2ban): each was read (it holds a needle) and counted no error; the last three are no errors
@pytest.mark.parametrize(
    ("line", "reason"),
    [
        # openvpn-bf/openvpn.log line 1: OpenVPN's "TLS Error:"
        (
            "2024-12-15 14:12:12 192.168.1.31:45321 TLS Error: incoming packet authentication failed from [AF_INET]192.168.1.31:45321",
            "level",
        ),
        # segfault-logs/segfault-logs.log line 1: the kernel's report of a process it killed
        (
            "2023-10-05T11:47:20.799042+02:00 leto kernel: [869507.505196] su[1433535]: segfault at 7f1f9b891000 ip 00007f1f9b870d7d"
            " sp 00007ffd5dab97f0 error 6 in ld-linux-x86-64.so.2[7f1f9b85e000+25000] likely on CPU 2 (core 2, socket 0)",
            "exception",
        ),
        # asterisk-logs/asterisk-logs.log line 2 (cut after its Service): its Severity past the level's place
        (
            "[Dec 21 12:57:00] SECURITY[77]: res_security_log.c:114 security_event_stasis_cb: SecurityEvent="
            '"ChallengeResponseFailed",EventTV="2021-12-21T12:57:00.209+0000",Severity="Error",Service="PJSIP"',
            "level",
        ),
        # haproxy-logs/haproxy-logs.log line 3
        (
            "192.168.1.4:50033 [28/Feb/2025:02:43:10.123] frontend/backend: SSL handshake failure (error:0A0000C1:SSL routines::no shared cipher)",
            "level",
        ),
        # pfsense-gui-auth/pfsense-gui-auth.log line 1
        (
            "Oct 26 14:50:21 pfSense php-fpm[374]: /index.php: webConfigurator authentication error for user 'toto' from: 10.0.0.1",
            "level",
        ),
        # loghub HPC/HPC_2k.log line 1542: a cluster console's failed command
        ("27373 node-55 action error 1076176599 1 boot (command 2092) Error: HALT asserted\\  cannot continue", "level"),
        # loghub Mac/Mac_2k.log line 84: an NSError, printed by macOS's frameworks with no level
        (
            "Jul  1 10:13:39 calvisitor-10-105-160-95 secd[276]:  SOSAccountThisDeviceCanSyncWithCircle sync with device failure: "
            'Error Domain=com.apple.security.sos.error Code=1035 "Account identity not set" UserInfo={NSDescription=Account identity not set}',
            "exception",
        ),
        # fail2ban/fail2ban@deffcbc fail2ban/tests/files/logs/openvpn line 28: OpenVPN's "TLS Auth Error:"
        (
            "Apr 25 11:19:22 ovpn-server[13821]: 192.0.2.254:64480 TLS Auth Error: Auth Username/Password verification failed for peer",
            "level",
        ),
        # fail2ban's logs/roundcube-auth line 40 (its session id replaced by a random one of its shape): Roundcube's failed login
        (
            "[10-May-2015 13:02:52 -0400]: Failed login for sampleuser from 1.2.3.4 in session q7k2m9x4wb8rt3n6c1v5hj0sd2 (error: 0)",
            "level",
        ),
        # fail2ban's logs/sogo-auth line 9: SOGo's access line, its bytes in and out after the status
        ('173.194.44.31 - - [24/Mar/2013:08:58:32 GMT] "POST /SOGo/connect HTTP/1.1" 403 34/38 0.311 - - 2M', "status"),
        # asterisk-syslogs/asterisk-logs.log line 3 (cut after its Service): an Informational event
        (
            "Jul 08 22:55:41 alba asterisk[112836]: SECURITY[112882]: res_security_log.c:114 in security_event_stasis_cb: SecurityEvent="
            '"ChallengeSent",EventTV="2024-07-08T22:55:41.434-0600",Severity="Informational",Service="PJSIP"',
            None,
        ),
        # fail2ban's logs/perdition line 4: a fatal error right after its program tag, its level
        (
            "Jul 18 16:08:58 ares perdition.imaps[3194]: Fatal Error reading authentication information from client "
            "192.168.8.100:2274->193.48.191.9:993: Exiting child",
            "level",
        ),
        # sshd-logs/sshd-logs.log line 18: sshd logs a failed login at INFO (its syslog priority), no error
        ("Apr  6 18:51:41 eve sshd[2784424]: Failed password for invalid user root from 192.168.1.2 port 51182 ssh2", None),
        # ssh-time-based-bf/ssh-time-based-bf.log line 10
        ("Sep 30 12:45:00 server sshd[12354]: Accepted password for test from 10.0.0.102 port 56771 ssh2", None),
    ],
)
def test_failures_written_without_a_level_are_errors(line, reason):
    assert error_reason(level(line), line) == reason


def test_a_short_lower_case_hex_id_is_masked_whole_in_a_group_name(index, tmp_path):
    """CouchDB's request id, ten hex digits (crowdsecurity/hub@b03cb59 .tests/couchdb-logs/couchdb-logs.log line 75),
    was half masked in its group's name ("<n>b<n>fcd<n>"): the long-id mask starts at twelve."""
    line = "[notice] 2024-01-19T18:10:42.373712Z nonode@nohost <0.32572.1> 3b0034fcd1 test.domain.fr 1.2.3.4 undefined GET / 401 ok 6"
    text = signature(line.replace("401", "rejected"))  # no status: named by the line masked
    assert " <id> test.domain.fr" in text and "fcd" not in text


# CouchDB's access lines (crowdsecurity/hub@b03cb59 .tests/couchdb-logs/couchdb-logs.log lines 1, 3, 5 and 75): a scan's
# probes, each a path of its own, and a 401
COUCHDB_ACCESS = [
    "[notice] 2024-01-20T13:54:06.579985Z nonode@nohost <0.17607.12> e1fed412f8 test.domain.fr 1.2.3.4 undefined GET /z22ctc 404 ok 1",
    "[notice] 2024-01-20T13:54:06.761861Z nonode@nohost <0.17614.12> 92d171ea09 test.domain.fr 1.2.3.4 undefined GET /5Ruh3e 404 ok 1",
    "[notice] 2024-01-20T13:54:06.966522Z nonode@nohost <0.17614.12> 1c289a1669 test.domain.fr 1.2.3.4 undefined GET /4iQjM5 404 ok 1",
    "[notice] 2024-01-19T18:10:42.373712Z nonode@nohost <0.32572.1> 3b0034fcd1 test.domain.fr 1.2.3.4 undefined GET / 401 ok 6",
]


def test_an_unquoted_request_is_grouped_by_its_request(index, tmp_path):
    """Named by the whole line masked, and the probes of paths that start with a digit (which the template masks
    whole) by the first one's path: "/<n>Ruh<n>e" for "/4iQjM5"."""
    assert other_groups(scanned(index, tmp_path, "couch.log", COUCHDB_ACCESS)) == [
        ("HTTP error: GET /", [4]),
        ("HTTP error: GET /z<n>ctc", [1]),
        ("HTTP error: GET /{id}", [2, 3]),
    ]


# A log's own layout before the level, which the time alone was taken off: RDS PostgreSQL's log_line_prefix
# '%t:%r:%u@%d:[%p]:' (elastic/integrations@5eb2257, packages/postgresql/data_stream/log/_dev/test/pipeline/
# test-postgresql-aws.log, line 2; then the same line as another client and user would log it, their fields changed),
# and a pipe-separated Java layout (logstash-plugins/logstash-patterns-core@7f94275, spec/patterns/java_spec.rb)
LAYOUT_PREFIXED = [
    '2019-03-10 03:54:59 UTC:10.0.0.123(52834):postgres@tstdb:[20175]:ERROR: column "wrong" does not exist at character 8',
    '2019-03-10 03:55:14 UTC:10.0.7.9(40112):reporting@tstdb:[20391]:ERROR: column "wrong" does not exist at character 8',
    "2014-01-09 20:03:28,269 -0800 | ERROR | com.example.service.ExampleService - something compeletely unexpected happened...",
]


def test_a_group_is_named_from_the_level_on_when_a_layouts_fields_stand_before_it(index, tmp_path):
    """A group was named by what stood after the time: RDS's client address, port, user, database and pid
    (":<n>(<n>):postgres@tstdb:[<n>]:ERROR: column ..."), one group for each user and database, and a pipe layout's
    bar ("| ERROR | ..."). Fields alone before the level are the layout's, not the message: named from the level on."""
    report = scanned(index, tmp_path, "app.log", LAYOUT_PREFIXED)
    assert other_groups(report) == [
        ("ERROR | com.example.service.ExampleService - something compeletely unexpected happened...", [3]),
        ("ERROR: column '…' does not exist at character <n>", [1, 2]),
    ]


# OneDrive's (SkyDrive's) error log, a CSV row a line with the level in its own column, and glog's line (log2timeline/plaso@4ea03ef,
# test_data/skydriveerr.log lines 2, 7, 10, 12 and 15, test_data/googlelog_test.INFO line 9)
ONEDRIVE_CSV = [
    "07-25-13,16:03:24.649,13,a98,0,AUTH,authapi.cpp(280),0,0,ERR,Sign in failed : DRX_E_AUTH_NO_VALID_CREDENTIALS,",
    *(
        f"{head},0,NM,notificationendpoint.cpp(24),0,0,ERR,JUMPONFAILURE Failed: ,msg=m_pReceiver->GetUris(queueUri, "
        "dgramUri, wlsSubscriptionUri);hr=8004da17"
        for head in (
            "07-25-13,16:06:32.351,194,884",
            "07-25-13,17:48:47.582,9e,aa0",
            "07-26-13,11:18:11.778,137,9ec",
            "07-26-13,14:54:55.842,e3,a44",
        )
    ),
    "F1231 23:59:59.000004 12345 logging_functional_test_helper.py:75] This line is a fatal log",
]


def test_a_csv_rows_group_is_named_from_its_level_column_and_glogs_by_its_letters_word(index, tmp_path):
    """A CSV row's fields before its level column (date, time, process and thread in hex, component, source) named its
    group: one error on four threads was three groups ("e<n>,a<n>,NM,...", "<n>,NM,..."). glog's head was masked to
    "F<n> <n>:<n>:<n> <n> ...". Each is named from its level on now, glog's letter as its word."""
    report = scanned(index, tmp_path, "SyncEngine.log", ONEDRIVE_CSV)
    assert other_groups(report) == [
        ("ERR,JUMPONFAILURE Failed: ,msg=m_pReceiver->GetUris(queueUri, dgramUri, wlsSubscriptionUri);hr=<id>", [2, 3, 4, 5]),
        ("ERR,Sign in failed : DRX_E_AUTH_NO_VALID_CREDENTIALS,", [1]),
        ("FATAL logging_functional_test_helper.py:<n>] This line is a fatal log", [6]),
    ]


# SkyDrive's first log writes its date month first with a four-digit year (log2timeline/plaso@4ea03ef,
# test_data/skydrive_v1.log lines 7-8); 3proxy's the day first in the same form (fail2ban/fail2ban@deffcbcd1712,
# fail2ban/tests/files/logs/3proxy lines 2 and 6: June 11th and 13th, as its test's expected times say)
SKYDRIVE_V1 = [
    "08-01-2013 21:22:58.812 user.cpp:145!User::GetServiceTicket (ERROR): Cannot get service ticket : 0x8004de40",
    "08-01-2013 21:22:58.812 storageserviceapi.cpp:1310!StorageServiceApi::GetClientPolicy (ERROR): Unable to get service ticket : 0x8004de40, waiting...",
]
PROXY3_JUNE_11 = "11-06-2013 02:09:40 +0300 PROXY.3128 00004 - 1.2.3.4:28783 0.0.0.0:0 0 0 0 GET http://www.yandex.ua/?ncrnd=2169807731 HTTP/1.1"
PROXY3_JUNE_13 = "13-06-2013 01:39:34 +0300 PROXY.3128 00508 - 1.2.3.4:28938 0.0.0.0:0 0 0 0 "


def test_a_dashed_month_day_year_is_a_time_where_a_number_over_12_tells_its_order(index, tmp_path):
    """OneDrive's "07-25-13,16:03:24.649" and SkyDrive's "08-01-2013 21:22:28.999" were no times: no first or last seen,
    and SkyDrive's group named "<n>-<n>-<n> <n>:<n>:<n> user.cpp...". 3proxy writes the day first in the same form, so a
    date is read only where a number over 12 says which is the day; one either order reads has no time."""
    report = scanned(index, tmp_path, "SyncEngine.log", ONEDRIVE_CSV)
    group = report.other["ERR,JUMPONFAILURE Failed: ,msg=m_pReceiver->GetUris(queueUri, dgramUri, wlsSubscriptionUri);hr=<id>"]
    assert (group.first_seen, group.last_seen) == (
        datetime(2013, 7, 25, 16, 6, 32, 351000, tzinfo=UTC),
        datetime(2013, 7, 26, 14, 54, 55, 842000, tzinfo=UTC),
    )
    report = scanned(index, tmp_path, "SyncDiagnostics.log", SKYDRIVE_V1)
    assert sorted(text[:20] for text in report.other) == ["storageserviceapi.cp", "user.cpp:<n>!User::G"]
    assert [g.first_seen for g in report.other.values()] == [None, None]  # August 1st or January 8th
    assert timestamp_in(PROXY3_JUNE_13) == (datetime(2013, 6, 12, 22, 39, 34, tzinfo=UTC), (0, 25))
    assert timestamp_in(PROXY3_JUNE_11) is None


# MySQL 8's error log: the thread id, then the level in brackets (elastic/beats@613f9bc
# filebeat/module/mysql/error/test/mysql-ubuntu-8.0.15.log, lines 1, 2, 5 and 10)
MYSQL8_ERROR_LOG = [
    "2019-03-24T13:44:25.484123Z 0 [System] [MY-013169] [Server] /usr/sbin/mysqld (mysqld 8.0.15) initializing of server in progress as process 1640",
    "2019-03-24T13:44:27.924508Z 5 [Warning] [MY-010453] [Server] root@localhost is created with an empty password ! Please consider switching off the --initialize-insecure option.",
    "2019-03-24T13:44:31.533096Z 0 [Warning] [MY-010068] [Server] CA certificate ca.pem is self signed.",
    "2019-03-24T13:44:34.406962Z 0 [Warning] [MY-010068] [Server] CA certificate ca.pem is self signed.",
]
# MySQL 5's error log: InnoDB writes its tag right after the time (percona/percona-toolkit@8d0f14c1
# t/lib/samples/errlogs/errlog008.txt, lines 1-9)
INNODB_GLUED = [
    "091205  4:49:04InnoDB: Assertion failure in thread 1525901664 in file srv0srv.c line 2093",
    "InnoDB: We intentionally generate a memory trap.",
    "InnoDB: Submit a detailed bug report to http://bugs.mysql.com.",
    "InnoDB: If you get repeated assertion failures or crashes, even",
    "InnoDB: immediately after the mysqld startup, there may be",
    "InnoDB: corruption in the InnoDB tablespace. Please refer to",
    "InnoDB: http://dev.mysql.com/doc/refman/5.0/en/forcing-recovery.html",
    "InnoDB: about forcing recovery.",
    "091205  4:49:04 - mysqld got signal 11;",
]


def test_mysql_error_logs_groups_are_named_from_the_level_and_innodbs_time_is_read(index, tmp_path):
    """MySQL 8's thread id before "[Warning]" named its groups ("<n> [Warning] [MY-010068] ..."); InnoDB's time glued to its
    tag ("091205  4:49:04InnoDB: ...") was no time: no first seen, a group named "<n> <n>:<n>:<n>InnoDB: ..."."""
    report = scanned(index, tmp_path, "error.log", MYSQL8_ERROR_LOG)
    assert other_groups(report) == [
        ("[Warning] [MY-010068] [Server] CA certificate ca.pem is self signed.", [3, 4]),
        (
            "[Warning] [MY-010453] [Server] root@localhost is created with an empty password ! Please consider switching off "
            "the --initialize-insecure option.",
            [2],
        ),
    ]
    report = scanned(index, tmp_path, "error.log", INNODB_GLUED)
    group = report.other["InnoDB: Assertion failure in thread <n> in file srv0srv.c line <n>"]
    assert group.first_seen == datetime(2009, 12, 5, 4, 49, 4, tzinfo=UTC)


# nginx's error log: its process and thread ids and the connection's number after the level (elastic/beats@0073692
# filebeat/module/nginx/error/test/error.log, lines 1, 2 and 6)
NGINX_ERROR_LOG = [
    '2016/10/25 14:49:34 [error] 54053#0: *1 open() "/usr/local/Cellar/nginx/1.10.2_1/html/favicon.ico" failed (2: No such file or directory), client: 127.0.0.1, server: localhost, request: "GET /favicon.ico HTTP/1.1", host: "localhost:8080", referrer: "http://localhost:8080/"',
    '2016/10/25 14:50:44 [error] 54053#0: *3 open() "/usr/local/Cellar/nginx/1.10.2_1/html/adsasd" failed (2: No such file or directory), client: 127.0.0.1, server: localhost, request: "GET /adsasd HTTP/1.1", host: "localhost:8080"',
    '2019/11/05 14:50:44 [error] 54053#0: *3 open() "/usr/local/Cellar/nginx/1.10.2_1/html/adsasd" failed (2: No such file or directory), client: 127.0.0.1, server: localhost, request: "GET /pysio HTTP/1.1", host: "localhost:8080"',
]


def test_nginx_error_logs_groups_are_named_without_its_process_ids(index, tmp_path):
    """nginx names its process, thread and connection after the level ("[error] 54053#0: *1 open() ..."): the group was
    named "[error] <n>#<n>: *<n> open() ...", the ids before the message."""
    report = scanned(index, tmp_path, "error.log", NGINX_ERROR_LOG)
    assert other_groups(report) == [("[error] open() '…' failed (<n>: No such file or directory)", [1, 2, 3])]


# Google Drive's sync log names the thread after the level, by its id and name (log2timeline/plaso@4ea03ef,
# test_data/gdrive_synclog/sync_log.log lines 106, 226, 232, 652, 1837 and 1842, sync_log-osx.log lines 1088 and 2417)
GDRIVE_THREADS = [
    "2018-01-24 18:25:18,772 -0800 WARNING pid=2376 500:RunAsync-_OnOAuthSuccess-8 util.py:126 new_request() takes at most 1 positional argument (2 given)",
    "2018-01-24 18:25:20,062 -0800 WARNING pid=2376 7944:RunAsync-GetMyDriveRootRecursiveSize-10 util.py:126 new_request() takes at most 1 positional argument (2 given)",
    "2018-01-24 18:25:20,076 -0800 WARNING pid=2376 7788:RunAsync-GetFolderGraphAsync-9 util.py:126 new_request() takes at most 1 positional argument (2 given)",
    "2018-01-24 18:26:08,437 -0800 WARNING pid=2376 3020:CloudWatcher    util.py:126 new_request() takes at most 1 positional argument (2 given)",
    "2018-01-24 18:26:27,861 -0800 WARNING pid=2376 6404:Worker-2        util.py:126 new_request() takes at most 1 positional argument (2 given)",
    "2018-01-24 18:26:28,213 -0800 WARNING pid=2376 5476:ThreadPoolExecutor-5_0 utils.py:151 Failed to get bitmap Windows error: 0x8004b200",
    "2018-03-05 03:09:01,580 +0000 WARNING pid=2608 123145549914112:CloudWatcher    util.pyo:126 new_request() takes at most 1 positional argument (2 given)",
    "2018-03-05 03:09:23,657 +0000 WARNING pid=2608 123145591980032:Worker-2        util.pyo:126 new_request() takes at most 1 positional argument (2 given)",
]


def test_a_thread_named_by_its_id_and_name_after_the_level_makes_no_group_of_its_own(index, tmp_path):
    """Python logging's "%(thread)d:%(threadName)s" after the level ("WARNING pid=2376 7944:RunAsync-GetFolderGraphAsync-9
    util.py:126 ..."): one warning logged by seven threads was seven groups."""
    report = scanned(index, tmp_path, "sync_log.log", GDRIVE_THREADS)
    assert other_groups(report) == [
        ("WARNING pid=<n> <thread> util.py:<n> new_request() takes at most <n> positional argument (<n> given)", [1, 2, 3, 4, 5]),
        ("WARNING pid=<n> <thread> util.pyo:<n> new_request() takes at most <n> positional argument (<n> given)", [7, 8]),
        ("WARNING pid=<n> <thread> utils.py:<n> Failed to get bitmap Windows error: 0x8004b200", [6]),
    ]


# log4j's "%p [%t]": Hadoop names the thread in brackets after the level, its name often with spaces (Loghub,
# https://github.com/logpai/loghub, logpai/loghub@dd61d09 Hadoop/Hadoop_2k.log lines 848, 926, 1033, 1034 and 1063; cite
# Loghub's paper, shared/logs/loghub/CITATION)
HADOOP_THREADS = [
    "2015-10-18 18:05:27,570 WARN [LeaseRenewer:msrabi@msra-sa-41:9000] org.apache.hadoop.ipc.Client: Address change detected. Old: msra-sa-41/10.190.173.170:9000 New: msra-sa-41:9000",
    "2015-10-18 18:06:02,841 WARN [RMCommunicator Allocator] org.apache.hadoop.ipc.Client: Address change detected. Old: msra-sa-41/10.190.173.170:8030 New: msra-sa-41:8030",
    "2015-10-18 18:06:26,139 WARN [CommitterEvent Processor #1] org.apache.hadoop.ipc.Client: Address change detected. Old: msra-sa-41/10.190.173.170:9000 New: msra-sa-41:9000",
    "2015-10-18 18:06:26,139 WARN [CommitterEvent Processor #1] org.apache.hadoop.mapreduce.v2.app.commit.CommitterEventHandler: Task cleanup failed for attempt attempt_1445144423722_0020_m_000002_0",
    "2015-10-18 18:06:28,248 WARN [CommitterEvent Processor #2] org.apache.hadoop.mapreduce.v2.app.commit.CommitterEventHandler: Task cleanup failed for attempt attempt_1445144423722_0020_m_000001_0",
]


def test_a_thread_in_brackets_after_the_level_makes_no_group_of_its_own(index, tmp_path):
    """Hadoop's "WARN [RMCommunicator Allocator] ..." and "WARN [LeaseRenewer:msrabi@msra-sa-41:9000] ...": one warning
    logged by three threads (476 lines of Loghub's sample) was three groups, each named by its thread."""
    report = scanned(index, tmp_path, "hadoop.log", HADOOP_THREADS)
    assert other_groups(report) == [
        (
            "WARN [<thread>] org.apache.hadoop.ipc.Client: Address change detected. Old: msra-sa-<n>/<n>:<n> New: msra-sa-<n>:<n>",
            [1, 2, 3],
        ),
        (
            "WARN [<thread>] org.apache.hadoop.mapreduce.v<n>.app.commit.CommitterEventHandler: Task cleanup failed for attempt "
            "attempt_<n>_<n>_m_<n>_<n>",
            [4, 5],
        ),
    ]


# Spring Boot's default layout, its thread padded in brackets after the level and process id, its application's name
# before it since 3.2 (three users' quoted logs, stored public texts 43548349329, 3366354618 and 25868772777: "Application
# run failed" as each printed it)
SPRING_BOOT_THREADS = [
    "2018-08-20 10:05:56.064 ERROR 11858 --- [           main] o.s.boot.SpringApplication               : Application run failed",
    "2023-10-31 12:00:30.719 ERROR 31879 --- [  restartedMain] o.s.boot.SpringApplication               : Application run failed",
    "2024-05-16T08:00:11.262-03:00 ERROR 8028 --- [projetopatitas] [  restartedMain] o.s.boot.SpringApplication               : "
    "Application run failed",
]


def test_spring_boots_thread_after_the_level_makes_no_group_of_its_own(index, tmp_path):
    """Spring Boot's "ERROR 11858 --- [           main]" and "--- [  restartedMain]": one failure, two groups, each named by
    its thread; since 3.2 the application's name stands first and names the group, the thread after it does not."""
    report = scanned(index, tmp_path, "spring.log", SPRING_BOOT_THREADS)
    assert other_groups(report) == [
        ("ERROR <n> --- [<thread>] o.s.boot.SpringApplication : Application run failed", [1, 2]),
        ("ERROR <n> --- [projetopatitas] [<thread>] o.s.boot.SpringApplication : Application run failed", [3]),
    ]


def test_an_errors_class_or_request_in_brackets_after_the_level_is_no_thread(index, tmp_path):
    """sweep24's thread mask took any word in brackets after the level for a thread: "ERROR [ValidationError] ..." and
    "ERROR [TimeoutError] ..." (what failed) were one group, "ERROR [<thread>] ...", as were two requests (review9)."""
    lines = [
        "2026-11-20 01:00:00,000 ERROR [ValidationError] invoice 7 rejected",
        "2026-11-20 01:00:01,000 ERROR [TimeoutError] invoice 8 rejected",
        "2026-11-20 01:00:02,000 ERROR [GET /v1/invoices] upstream failed",
        "2026-11-20 01:00:03,000 ERROR [POST /v1/payments] upstream failed",
        "2026-11-20 01:00:04,000 ERROR [pool-1-thread-3] invoice 9 rejected",
        "2026-11-20 01:00:05,000 ERROR [main] invoice 10 rejected",
    ]
    report = scanned(index, tmp_path, "app.log", lines)
    assert other_groups(report) == [
        ("ERROR [<thread>] invoice <n> rejected", [5, 6]),
        ("ERROR [GET /v<n>/invoices] upstream failed", [3]),
        ("ERROR [POST /v<n>/payments] upstream failed", [4]),
        ("ERROR [TimeoutError] invoice <n> rejected", [2]),
        ("ERROR [ValidationError] invoice <n> rejected", [1]),
    ]


# NestJS's logger names the component that logged in brackets after the level (its "context"): a document quoting an API's
# log (stored public file id 55372132966, its "API лог" block, lines 1-2) and Immich's (crowdsecurity/hub@b03cb59
# .tests/immich-logs/immich-logs.log, line 1); the thread case beside it is Hadoop's (Loghub, logpai/loghub@dd61d09
# Hadoop/Hadoop_2k.log line 1039, as above)
_NEST_COMPONENTS = [
    "ERROR [FetchHttpPort] Network error: fetch failed",
    "ERROR [ExceptionsHandler] Network error: fetch failed",
    "[Nest] 7  - 08/02/2023, 7:32:47 PM    WARN [AuthService] Failed login attempt for user azaz@qsqs.com from ip address"
    " 192.168.0.254",
    "2015-10-18 18:06:26,139 ERROR [eventHandlingThread] org.apache.hadoop.mapreduce.jobhistory.JobHistoryEventHandler: Error"
    " writing History Event: org.apache.hadoop.mapreduce.jobhistory.TaskAttemptUnsuccessfulCompletionEvent@7317849d",
]


def test_a_component_named_in_brackets_after_the_level_is_no_thread(index, tmp_path):
    """sweep24's thread mask took NestJS's component for a thread: "ERROR [FetchHttpPort] Network error: fetch failed" (the
    port that failed) and "ERROR [ExceptionsHandler] ..." (the handler that caught it) were one group, "ERROR [<thread>] ...",
    and "[Stripe]" would be one with "[PaymentService]" (review9). A thread named in one word stays masked."""
    report = scanned(index, tmp_path, "api.log", _NEST_COMPONENTS)
    names = [name for name, _ in other_groups(report)]
    assert "ERROR [ExceptionsHandler] Network error: fetch failed" in names
    assert "ERROR [FetchHttpPort] Network error: fetch failed" in names
    assert any("WARN [AuthService] Failed login attempt" in name for name in names)
    assert any(name.startswith("ERROR [<thread>] org.apache.hadoop.mapreduce.jobhistory") for name in names)


# Sidekiq before version 6 writes its process id and a random base-36 thread id before the level: a GitLab Sidekiq
# pod's line quoted in a note (stored public file id 30082596947, its "log:" field) and a Sidekiq 4 log quoted in a
# repository's README (stored public file id 13557650378, its "# in the log:" block, line 12)
_SIDEKIQ_THREADS = [
    "2020-07-10T18:23:01.255Z 8 TID-go4bqp7cw ERROR: Error fetching job: Error connecting to Redis on"
    " gitlab-redis-master:6379 (Redis::TimeoutError)",
    "2019-07-22T18:25:38.815Z 22522 TID-1k8 WARN: RuntimeError: BOOM!",
]


def test_sidekiqs_thread_before_the_level_is_no_part_of_the_name(index, tmp_path):
    """Each thread's id was in the group's name ("<n> TID-go<n>bqp<n>cw ERROR: Error fetching job: ..."), masked only
    where it had digits: one Redis outage that every fetcher thread logged was one group for each thread."""
    report = scanned(index, tmp_path, "sidekiq.log", _SIDEKIQ_THREADS)
    assert other_groups(report) == [
        ("ERROR: Error fetching job: Error connecting to Redis on gitlab-redis-master:<n> (Redis::TimeoutError)", [1]),
        ("WARN: RuntimeError: BOOM!", [2]),
    ]


# NestJS's head before its level: "[Nest]", the process id, the date with slashes and a clock with AM or PM (Immich's
# log, crowdsecurity/hub@b03cb59 .tests/immich-logs/immich-logs.log lines 1-3, MIT; line 3 as it is, its PM left out)
_NEST_HEADS = [
    "[Nest] 7  - 08/02/2023, 7:32:47 PM    WARN [AuthService] Failed login attempt for user azaz@qsqs.com from ip address"
    " 192.168.0.254",
    "[Nest] 7  - 08/02/2023, 7:34:03 PM    WARN [AuthService] Failed login attempt for user fds@hdd.com from ip address"
    " 176.172.44.211",
    "[Nest] 7  - 08/02/2023, 7:34:03    WARN [AuthService] Failed login attempt for user fds@hdd.com from ip address"
    " 176.172.44.212",
]


def test_nestjs_head_before_the_level_is_no_part_of_the_name(index, tmp_path):
    """The head was in the group's name, its AM or PM too: one warning was a group before noon, another after and a
    third where the clock was cut, each named "[Nest] <n> - <n>/<n>/<n>, <n>:<n>:<n> PM WARN ..."."""
    report = scanned(index, tmp_path, "immich.log", _NEST_HEADS)
    assert other_groups(report) == [
        ("WARN [AuthService] Failed login attempt for user <email> from ip address <n>", [1, 2, 3]),
    ]


# ASP.NET Core's console logger, Kestrel's errors in two console logs of one SignalR service that a repository keeps
# (stored public files 24320182807, lines 39-41 and 65-67, and 24782848355, its "Unhandled exception while processing"
# record's first three lines): the level, category and event id on one line, the message indented on the next
_KESTREL_RECORDS = [
    "fail: Microsoft.AspNetCore.Server.Kestrel[0]",
    "      Unexpected exception in TimingPipeFlusher.FlushAsync.",
    "      System.IO.IOException: The encryption operation failed, see inner exception.",
    "fail: Microsoft.AspNetCore.Server.Kestrel[0]",
    "      Unhandled exception while processing 0HNEARMGI06SV.",
    "      System.IO.IOException: The encryption operation failed, see inner exception.",
    "fail: Microsoft.AspNetCore.Server.Kestrel[0]",
    "      Unhandled exception while processing 0HNE9U4HG8A01.",
    "      System.IO.IOException: The encryption operation failed, see inner exception.",
]


def test_an_aspnet_core_record_is_named_by_its_message_below_the_category(index, tmp_path):
    """Each was named by its first line alone, "fail: Microsoft.AspNetCore.Server.Kestrel[<n>]": every error Kestrel
    logged was one group. Named with the message below it, a connection's id masked whole (its digits alone were
    masked, "<n>HNEARMGI<n>SV": each connection's error would have been a group of its own)."""
    report = scanned(index, tmp_path, "console.log", _KESTREL_RECORDS)
    assert other_groups(report) == [
        ("fail: Microsoft.AspNetCore.Server.Kestrel[<n>] Unexpected exception in TimingPipeFlusher.FlushAsync.", [1]),
        ("fail: Microsoft.AspNetCore.Server.Kestrel[<n>] Unhandled exception while processing <id>.", [4, 7]),
    ]


# Kafka's state-change log (log4j's "[%d] [%-5p] [%t] [%c] - %m"): Elastic's Filebeat module test file, elastic/beats
# filebeat/module/kafka/log/test/state-change-2.2.2.log, line 1 (Apache-2.0)
_KAFKA_STATE_CHANGE = (
    "[2020-04-23 00:28:21,796] [WARN ] [kafka-request-handler-7] [state.change.logger] - [Broker id=1] Ignoring LeaderAndIsr"
    " request from controller 1 with correlation id 1 epoch 27 for partition xxx.xxx.inventory.test.1-0-2 since its"
    " associated leader epoch 5 is not higher than the current leader epoch 5 "
)


def test_an_ids_mask_keeps_the_bracket_that_closes_around_it():
    """The id's value took the bracket after it: "[Broker id=<id> Ignoring ...", the log's own bracket gone from the
    name. A bracketed value (the redactor's "[REDACTED]") is still the id's, whole."""
    assert "[Broker id=<id>] Ignoring LeaderAndIsr request" in signature(_KAFKA_STATE_CHANGE)
    assert signature("[SessionId=[REDACTED], ExperienceId=5CEE0119]-[]-Left side") == (
        "[SessionId=<id>, ExperienceId=<id>]-[]-Left side"
    )


# gunicorn's error log: a worker that failed to boot, on Render (a repository's note quoting its deploy log whole, stored
# public file 5617021035: lines 4-8 and 38-46, the traceback's frames between cut) and on Azure App Service, whose log
# puts its own time before gunicorn's (stored public file 53912887953, its last four lines)
_GUNICORN_BOOT_FAILURE = [
    "[2025-09-25 09:46:59 +0000] [7] [INFO] Booting worker with pid: 7",
    "[2025-09-25 09:47:00 +0000] [7] [ERROR] Exception in worker process",
    "Traceback (most recent call last):",
    '  File "/usr/local/lib/python3.11/site-packages/gunicorn/arbiter.py", line 608, in spawn_worker',
    "    worker.init_process()",
    '  File "<frozen importlib._bootstrap>", line 241, in _call_with_frames_removed',
    '  File "/app/app.py", line 119',
    "    log.info(f\" - Site Object: {first_object = first_user.get('site', 'Onbekend')}\")",
    "                                                                                   ^",
    "SyntaxError: f-string: expecting '}'",
    "[2025-09-25 09:47:00 +0000] [7] [INFO] Worker exiting (pid: 7)",
    "[2025-09-25 09:47:00 +0000] [1] [ERROR] Worker (pid:7) exited with code 3",
    "[2025-09-25 09:47:00 +0000] [1] [ERROR] Shutting down: Master",
    "[2025-09-25 09:47:00 +0000] [1] [ERROR] Reason: Worker failed to boot.",
]


_APP_SERVICE_GUNICORN = [
    "2025-06-19T12:34:43.919233427Z [2025-06-19 12:34:43 +0000] [1080] [ERROR] Worker (pid:1082) exited with code 3",
    "2025-06-19T12:34:43.919934078Z [2025-06-19 12:34:43 +0000] [1080] [ERROR] Worker (pid:1081) exited with code 3",
    "2025-06-19T12:34:43.920825463Z [2025-06-19 12:34:43 +0000] [1080] [ERROR] Shutting down: Master",
    "2025-06-19T12:34:43.921137864Z [2025-06-19 12:34:43 +0000] [1080] [ERROR] Reason: Worker failed to boot.",
]


def test_a_logged_exceptions_traceback_below_its_message_names_its_group(index, tmp_path):
    """gunicorn logs "Exception in worker process" and the traceback below it (as Python's logging.exception() does):
    every crash, whatever was raised, was one group under the message. The process id in brackets before the level is
    no thread: it was the name's "[<n>] [ERROR] ..."."""
    report = scanned(index, tmp_path, "gunicorn.log", _GUNICORN_BOOT_FAILURE)
    assert other_groups(report) == [
        ("[ERROR] Exception in worker process SyntaxError: f-string: expecting '…'", [2]),
        ("[ERROR] Reason: Worker failed to boot.", [14]),
        ("[ERROR] Shutting down: Master", [13]),
        ("[ERROR] Worker (pid:<n>) exited with code <n>", [12]),
    ]


def test_the_programs_own_time_after_its_runtimes_is_no_part_of_the_name(index, tmp_path):
    """App Service writes its time before each line gunicorn wrote with its own: the second time was the names' start,
    "[<n>-<n>-<n> <n>:<n>:<n> +<n>] [<n>] [ERROR] Shutting down: Master"."""
    report = scanned(index, tmp_path, "appservice.log", _APP_SERVICE_GUNICORN)
    assert other_groups(report) == [
        ("[ERROR] Reason: Worker failed to boot.", [4]),
        ("[ERROR] Shutting down: Master", [3]),
        ("[ERROR] Worker (pid:<n>) exited with code <n>", [1, 2]),
    ]
    # a time inside the message stays (fail2ban's tests/files/logs/vaultwarden, line 14)
    vaultwarden = (
        "[2024-08-31 02:11:28.892][vaultwarden::api::core::two_factor::authenticator][ERROR] Invalid TOTP code! Server time:"
        " 2024-08-31 02:11:28 UTC IP: 80.187.85.94"
    )
    (name,) = [name for name, _ in other_groups(scanned(index, tmp_path, "vaultwarden.log", [vaultwarden]))]
    assert name.endswith("Invalid TOTP code! Server time: <n>-<n>-<n> <n>:<n>:<n> UTC IP: <n>")


# journalctl's default output of a failed start: a forum post's "systemctl status apache2.service" (stored public file
# 56901197935, its ten journal lines)
_JOURNAL_FAILED_START = [
    "Apr 30 18:31:19 frank-XPS-13-9360 apachectl[23167]: (98)Address already in use: AH00072: make_sock: could not bind to address [::]:80",
    "Apr 30 18:31:19 frank-XPS-13-9360 apachectl[23167]: (98)Address already in use: AH00072: make_sock: could not bind to address 0.0.0.0:80",
    "Apr 30 18:31:19 frank-XPS-13-9360 apachectl[23167]: no listening sockets available, shutting down",
    "Apr 30 18:31:19 frank-XPS-13-9360 apachectl[23167]: AH00015: Unable to open logs",
    "Apr 30 18:31:19 frank-XPS-13-9360 apachectl[23167]: Action 'start' failed.",
    "Apr 30 18:31:19 frank-XPS-13-9360 apachectl[23167]: The Apache error log may have more information.",
    "Apr 30 18:31:19 frank-XPS-13-9360 systemd[1]: apache2.service: Control process exited, code=exited status=1",
    "Apr 30 18:31:19 frank-XPS-13-9360 systemd[1]: Failed to start The Apache HTTP Server.",
    "Apr 30 18:31:19 frank-XPS-13-9360 systemd[1]: apache2.service: Unit entered failed state.",
    "Apr 30 18:31:19 frank-XPS-13-9360 systemd[1]: apache2.service: Failed with result 'exit-code'.",
]


def test_systemds_failed_start_is_an_error_with_no_level_shown(index, tmp_path):
    """journalctl shows no priority: a unit that failed to start was no error at all. systemd logs "Failed to start ..." at
    err; apachectl's own lines (its stderr) and the unit's "Failed with result" warning stay no errors."""
    report = scanned(index, tmp_path, "journal.log", _JOURNAL_FAILED_START)
    assert other_groups(report) == [("systemd[<n>]: Failed to start The Apache HTTP Server.", [8])]

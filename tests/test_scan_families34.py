"""Scan on real lines (sweep34): what its sweep of real logs (Mozilla's CI under Taskcluster, MySQL's error log, ...) showed
read wrong. Each test fails without its rule."""

from __future__ import annotations

from datetime import UTC, datetime

from scanlines import other_groups, scanned

# Mozilla's CI: mozharness relays each test harness's output at INFO, under Taskcluster's stamp (the lines end in CR LF).
# mozilla/treeherder@dc3080d tests/sample_data/logs (MPL-2.0), gunzipped: mochitest-fail.log lines 9092, 9051 and 9847;
# taskcluster-timeout.log lines 1527 and 2683; reftest-fail.log line 13565; crashtest-timeout.log line 3440;
# mochitest-crash.log lines 8615 and 8639. Treeherder's own error parser reports the unexpected results and crashes
# (each log's .logview.json beside it)
MOZHARNESS = [
    "[task 2025-02-13T11:00:27.837Z] 11:00:27     INFO - TEST-UNEXPECTED-FAIL | devtools/client/webconsole/test/browser/"
    "browser_console_enable_network_monitoring.js | A promise chain failed to handle a rejection: Protocol error (Error): "
    "Not listening for network events from: server18.conn0.networkParent25 (resource://devtools/server/actors/network-"
    "monitor/network-parent.js:99:13) - stack: onPacket/<@resource://devtools/shared/protocol/Front.js:382:31\r",
    "[task 2025-02-13T11:00:27.823Z] 11:00:27     INFO - TEST-PASS | devtools/client/webconsole/test/browser/"
    "browser_console_enable_network_monitoring.js | setting is disabled - \r",
    "[task 2025-02-13T11:53:22.117Z] 11:53:22     INFO - TEST-UNEXPECTED-TIMEOUT | automation.py | application timed out "
    "after 370 seconds with no output\r",
    "[task 2025-02-13T21:27:46.822Z] 21:27:46     INFO - REFTEST TEST-UNEXPECTED-FAIL | layout/reftests/bugs/1804872-2.html "
    "== layout/reftests/bugs/1804872-2-ref.html | image comparison, max difference: 255, number of differing pixels: 22456\r",
    "[task 2025-02-13T21:28:16.892Z] 21:28:16     INFO -  REFTEST TEST-KNOWN-FAIL | dom/base/crashtests/1887974.html | "
    "assertion count 1 matches expected 0 to 1 assertions\r",
    "[task 2025-02-13T21:24:26.555Z] 21:24:26     INFO - GECKO(5432) | [5432] Hit MOZ_CRASH(Shutdown hanging at step "
    "XPCOMShutdownThreads. Something is blocking the main-thread.) at /builds/worker/checkouts/gecko/toolkit/components/"
    "terminator/nsTerminator.cpp:244\r",
    "[task 2025-02-13T21:24:45.334Z] 21:24:45     INFO - PROCESS-CRASH | Shutdown hanging at step XPCOMShutdownThreads. "
    "Something is blocking the main-thread. [@ mozilla::(anonymous namespace)::RunWatchdog] | dom/workers/test/"
    "test_sourcemap_header.html (finished) \r",
    "[task 2025-02-13T11:05:33.056Z] 11:05:33  WARNING - Got 1 unexpected statuses\r",
    "[taskcluster:warn 2025-02-13T12:46:09.200Z] no such process\r",
]


def test_mozlogs_unexpected_results_and_geckos_crashes_are_errors(index, tmp_path):
    """mozlog's TBPL line for a result the harness did not expect ("TEST-UNEXPECTED-FAIL | test | message", reftest's
    "REFTEST TEST-UNEXPECTED-FAIL"), a crash under it ("PROCESS-CRASH | ...") and Gecko's "Hit MOZ_CRASH(...)" are
    relayed at INFO: none was read, so a failed test run's log showed none of its failures. A pass and a known
    failure ("TEST-PASS", "TEST-KNOWN-FAIL") are none."""
    groups = other_groups(scanned(index, tmp_path, "live_backing.log", MOZHARNESS))
    assert sorted(line for _, lines in groups for line in lines) == [1, 3, 4, 6, 7, 8, 9]


def test_a_mozilla_ci_logs_names_hold_neither_taskclusters_stamp_nor_mozharness_clock(index, tmp_path):
    """With Taskcluster's time taken out, every group of a Mozilla CI log was named "[task ] <n>:<n>:<n> INFO - ..."
    (and "[taskcluster:warn ] ..."); a test's name and message between mozlog's bars were cut as a logger and thread
    ("TEST-UNEXPECTED-TIMEOUT" alone)."""
    names = [text for text, _ in other_groups(scanned(index, tmp_path, "live_backing.log", MOZHARNESS))]
    assert "WARNING - Got <n> unexpected statuses" in names
    assert "[taskcluster:warn] no such process" in names
    assert "TEST-UNEXPECTED-TIMEOUT | automation.py | application timed out after <n> seconds with no output" in names
    assert any(name.startswith("TEST-UNEXPECTED-FAIL | devtools/client/webconsole/") for name in names)
    assert any(name.startswith("REFTEST TEST-UNEXPECTED-FAIL | layout/reftests/bugs/") for name in names)
    assert not [name for name in names if name.startswith("[task ") or "<n>:<n>:<n>" in name or "INFO - " in name]


# Loghub's labelled supercomputer logs: logpai/loghub@dd61d09 BGL/BGL_2k.log lines 1, 170 and 173, Thunderbird/
# Thunderbird_2k.log lines 1454 and 1466 (Loghub's licence: any use refers to https://github.com/logpai/loghub and cites
# its paper, ../shared/logs/loghub/CITATION). Each line: Loghub's alert label ("-" for none), the time in seconds since
# 1970, the date, the node, then the line as the node logged it
LOGHUB_BGL = [
    "- 1117838570 2005.06.03 R02-M1-N0-C:J12-U11 2005-06-03-15.42.50.675872 R02-M1-N0-C:J12-U11 RAS KERNEL INFO instruction "
    "cache parity error corrected",
    "KERNSTOR 1118709681 2005.06.13 R01-M1-NA-C:J13-U01 2005-06-13-17.41.21.634261 R01-M1-NA-C:J13-U01 RAS KERNEL FATAL data "
    "storage interrupt",
    "KERNSTOR 1118709851 2005.06.13 R02-M0-N0-C:J10-U01 2005-06-13-17.44.11.050768 R02-M0-N0-C:J10-U01 RAS KERNEL FATAL data "
    "storage interrupt",
]
LOGHUB_THUNDERBIRD = [
    "- 1131567054 2005.11.09 tbird-admin1 Nov 9 12:10:54 local@tbird-admin1 gmetad: Warning: we failed to resolve trusted "
    "host name dadmin3 dadmin4",
    "- 1131567055 2005.11.09 tbird-admin1 Nov 9 12:10:55 local@tbird-admin1 sshd[1761]: error: Bind to port 22 on 0.0.0.0 "
    "failed: Address already in use.",
]


def test_loghubs_labelled_lines_are_timed_by_their_seconds_and_named_from_the_nodes_own_words(index, tmp_path):
    """No time was read on these lines, and every group was named from Loghub's label on with the node in it ("KERNSTOR
    <n> <n> R<n>-M<n>-N<n>-C:J<n>-U<n> <n>-<n>-<n>-<n> ..."): one failure was a group for each label and node shape
    (BGL_2k's 403 errors in 164 groups, 115 now). The seconds are the time (BGL's own is the machine's local time)."""
    report = scanned(index, tmp_path, "BGL.log", LOGHUB_BGL)
    groups = other_groups(report)
    assert groups == [("RAS KERNEL FATAL data storage interrupt", [2, 3])]
    group = report.other[groups[0][0]]
    assert (group.first_seen, group.last_seen) == (
        datetime(2005, 6, 14, 0, 41, 21, tzinfo=UTC),
        datetime(2005, 6, 14, 0, 44, 11, tzinfo=UTC),
    )
    names = [text for text, _ in other_groups(scanned(index, tmp_path, "Thunderbird.log", LOGHUB_THUNDERBIRD))]
    assert names == [
        "gmetad: Warning: we failed to resolve trusted host name dadmin<n> dadmin<n>",
        "sshd[<n>]: error: Bind to port <n> on <n> failed: Address already in use.",
    ]


# FreeSWITCH under rsyslog with the date and time apart, its idle CPU after its own time: fail2ban/fail2ban@deffcbc
# fail2ban/tests/files/logs/freeswitch (GPL-2.0), lines 6 and 11 of its log lines
FREESWITCH_UNDER_RSYSLOG = [
    "2016-09-25T18:57:58.150982 www.srv.tld freeswitch[122921]: 2016-09-25 18:57:58.150982 [WARNING] sofia_reg.c:2889 Can't "
    "find user [201@::1] from 192.0.2.1",
    "2021-10-29 21:05:58.894719 www.srv.tld freeswitch[123456]: 2021-10-29 14:13:24.894719 82.43% [WARNING] sofia_reg.c:2889 "
    "Can't find user [201@::1] from 192.0.2.5",
]


def test_a_syslog_header_with_its_date_and_time_apart_keeps_its_host_out_of_the_name(index, tmp_path):
    """rsyslog's header with a space between date and time was no header: the second line was named "www.srv.tld
    freeswitch[<n>]: <n>-<n>-<n> <n>:<n>:<n> <n>% [WARNING] ...", apart from the same warning under a T."""
    assert other_groups(scanned(index, tmp_path, "freeswitch.log", FREESWITCH_UNDER_RSYSLOG)) == [
        ("freeswitch[<n>]: [WARNING] sofia_reg.c:<n> Can't find user [<n>@::<n>] from <n>", [1, 2]),
    ]


def test_structlogs_padded_critical_is_no_source_whose_time_was_taken_out(index, tmp_path):
    """Synthetic (structlog's ConsoleRenderer pads its level to nine letters: "[critical ]" has one space, as Taskcluster's
    "[task ]" has once its time is out): the level stays in the name, not read as a source before the line."""
    lines = ["2026-11-19 02:00:00 [critical ] ledger sync aborted            reason=ledger_locked"]
    assert [text for text, _ in other_groups(scanned(index, tmp_path, "app.log", lines))] == [
        "[critical ] ledger sync aborted reason=ledger_locked"
    ]

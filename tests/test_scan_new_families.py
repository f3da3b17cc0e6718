"""Scan on real logs of families the earlier sweeps had not read (sweep29): Android Studio's logcat, Icinga 2, Airflow's
task log, Sidekiq behind syslog, Celery and Apache names, a pretty-printed JSON record that does not parse. Each read as
the error it is: its level where the family writes it, its time out of its name, no process or thread ids in it."""

from __future__ import annotations

import time
from pathlib import Path

from errcat.scan.prepared import _object_said
from errcat.scan.verdict import level
from scanlines import other_groups, scanned

DATA = Path(__file__).parent / "data"


# ilahi123/Taxi-Booking-Android-App issue #1 (https://github.com/ilahi123/Taxi-Booking-Android-App/issues/1), its first
# three logcat lines as Android Studio's window before 2023 showed them: pid-tid, the package ("?" unknown), E/tag
LOGCAT_STUDIO = [
    f"04-10 17:48:35.{ms} {pid}-{pid}/? E/dex2oat: Failed to create oat file: /data/dalvik-cache/arm64/data@app@com.tukla."
    f"www.tukla-2@split_lib_slice_{n}_apk.apk@classes.dex: Permission denied"
    for n, (ms, pid) in enumerate((("417", 22134), ("450", 22136), ("479", 22139)))
]


def test_android_studios_logcat_letter_is_its_level_and_its_ids_are_out_of_the_name(index, tmp_path):
    """The letter after the package was read as no level: seven "Failed to create oat file" were no errors. One group,
    named from the letter on (no month-day time, no pid-tid)."""
    assert [level(line) for line in LOGCAT_STUDIO] == ["e", "e", "e"]
    assert level(LOGCAT_STUDIO[0].replace(" E/dex2oat", " I/dex2oat")) == "i"
    [(name, lines)] = other_groups(scanned(index, tmp_path, "logcat.txt", LOGCAT_STUDIO))
    assert name.startswith("E/dex2oat: Failed to create oat file: /data/dalvik-cache/arm<n>/")
    assert lines == [1, 2, 3]


# elastic/beats@d13173e filebeat/module/icinga/main/test/test.log (Apache-2.0), lines 1-3 and 5
ICINGA = [
    "[2017-04-04 11:16:34 +0200] information/Notification: Sending 'Recovery' notification 'demo!load!mail-icingaadmin for "
    "user 'on-call'",
    "[2017-04-04 11:16:34 +0200] warning/PluginNotificationTask: Notification command for object 'demo!load' (PID: 19401, "
    "arguments: '/etc/icinga2/scripts/mail-service-notification.sh') terminated with exit code 127, output: /etc/icinga2/"
    "scripts/mail-service-notification.sh: 20: /etc/icinga2/scripts/mail-service-notification.sh: mail: not found",
    "/usr/bin/printf: write error: Broken pipe",
    "[2017-04-04 11:16:48 +0200] information/IdoMysqlConnection: Query queue items: 0, query rate: 5.38333/s (323/min "
    "1610/5min 4778/15min);",
]


def test_icinga_2s_level_before_its_component_is_read(index, tmp_path):
    """Icinga 2's "warning/PluginNotificationTask:" was no level: the failed notification (exit code 127) was no warning, and its
    "information/..." lines were read by their words alone."""
    assert [level(line) for line in ICINGA] == ["info", "warning", None, "info"]
    report = scanned(index, tmp_path, "icinga2.log", ICINGA)
    [(name, lines)] = other_groups(report)
    assert name.startswith("warning/PluginNotificationTask: Notification command for object '…' (PID: <n>,")
    assert lines == [2]


# apache/airflow issue #27614 (https://github.com/apache/airflow/issues/27614), its task log as quoted (turn 0)
AIRFLOW = [
    "[2022-11-09, 09:59:40 UTC] {taskinstance.py:1851} ERROR - Task failed with exception",
    "Traceback (most recent call last):",
    '  File "/Users/unravel/unravel_airflow/unravel_airflow/lib/python3.10/site-packages/airflow/operators/python.py", '
    "line 175, in execute",
    "    return_value = self.execute_callable()",
    '  File "/Users/unravel/unravel_airflow/airflow/dags/test.py", line 67, in fail_case',
    "    raise AirflowFailException('Failure case test for cluster policy')",
    "airflow.exceptions.AirflowFailException: Failure case test for cluster policy",
    "[2022-11-09, 09:59:40 UTC] {taskinstance.py:2325} DEBUG - Task Duration set to 0.061723",
]


def test_airflows_comma_after_the_date_is_its_time(index, tmp_path):
    """Airflow writes "[2022-11-09, 09:59:40 UTC]": no time was read, and every name began "[<n>-<n>-<n>, <n>:<n>:<n> UTC]"."""
    report = scanned(index, tmp_path, "attempt=1.log", AIRFLOW)
    ((name, group),) = report.other.items()
    assert name == (
        "{taskinstance.py:<n>} ERROR - Task failed with exception airflow.exceptions.AirflowFailException: Failure case "
        "test for cluster policy"
    )
    assert [p.line for p in group.places] == [1]
    assert str(group.first_seen) == "2022-11-09 09:59:40+00:00"


# sidekiq/sidekiq issue #869 (https://github.com/sidekiq/sidekiq/issues/869): Sidekiq 2's lines in syslog, lines 2 and 3
SIDEKIQ_SYSLOG = [
    "Apr 24 10:37:15 ip-10-149-26-203 sidekiq: 2013-04-24T10:37:15Z 10117 TID-owed9kmd8 WARN: undefined method `to_i' for "
    "false:FalseClass",
    "Apr 24 10:37:15 ip-10-149-26-203 sidekiq: 2013-04-24T10:37:15Z 10117 TID-owed9kmd8 WARN: /root/.rbenv/versions/"
    "2.0.0-p0/lib/ruby/gems/2.0.0/gems/sidekiq-2.10.1/lib/sidekiq/middleware/server/retry_jobs.rb:72:in `rescue in call'",
]


def test_sidekiqs_thread_id_is_masked_behind_a_syslog_tag(index, tmp_path):
    """Its thread's random id was half kept ("TID-owed9kmd<n>"): one failure, a group for each thread."""
    names = [name for name, _ in other_groups(scanned(index, tmp_path, "messages", SIDEKIQ_SYSLOG))]
    assert names[1] == "sidekiq: <n> TID-<id> WARN: undefined method `to_i' for false:FalseClass"
    assert all("TID-<id> WARN: " in name and "owed" not in name for name in names)


# GoogleCloudPlatform/ops-agent@588c4b962526c18cc104d00a87ca83fcb9c19f94
# transformation_test/testdata/logging_processor-apache-error/input.log, lines 2-4
APACHE = [
    "[Thu Sep 30 03:18:29.239182 2021] [ssl:error] [pid 2451:tid 140169666050176] AH02217: ssl_stapling_init_cert: Can't "
    "retrieve issuer certificate!",
    "[Fri Sep 09 10:42:29.902022 2011] [error] [pid 35708:tid 4328636416] [client 72.15.99.187] File does not exist: "
    "/usr/local/apache2/htdocs/favicon.ico",
    "[Wed Oct 11 14:32:52 2000] [error] [client 127.0.0.1] client denied by server configuration: /export/home/live/ap/"
    "htdocs/test",
]


def test_apaches_process_thread_and_client_are_out_of_its_names(index, tmp_path):
    """Named "[error] [pid <n>:tid <n>] [client <n>] File does not exist: ...": who logged it and for whom, not what."""
    assert [name for name, _ in other_groups(scanned(index, tmp_path, "error_log", APACHE))] == [
        "[error] File does not exist: /usr/local/apache<n>/htdocs/favicon.ico",
        "[error] client denied by server configuration: /export/home/live/ap/htdocs/test",
        "[ssl:error] AH02217: ssl_stapling_init_cert: Can't retrieve issuer certificate!",
    ]


def test_a_pretty_printed_record_that_does_not_parse_is_named_by_its_exception(index, tmp_path):
    """GitLab's record lacks a comma: it is no JSON line, and its first line "{" named it, "HTTP 500 {"."""
    lines = (DATA / "gitlab" / "production_json.log").read_text(encoding="utf-8").splitlines()
    assert other_groups(scanned(index, tmp_path, "production_json.log", lines)) == [
        ("HTTP 500 NameError: undefined local variable or method `adsf' for #<Admin::DashboardController:<addr>>", [1])
    ]


def test_naming_an_unparsed_record_reads_each_line_once():
    """The message's key was looked for after "^\\s*", which read on over line breaks: a record of "{" and 16 KiB of lines
    holding one space took a second to name (review14), each record of a log so."""
    paste = "{" + "\n " * 9000 + '\n  "message": "boom"\n}'
    started = time.perf_counter()
    assert _object_said(paste) is None  # (the key stands past the 16 KiB read)
    assert time.perf_counter() - started < 0.25
    assert _object_said('{\n  "error_class": "NameError",\n\t"message" : "undefined"\n}') == "NameError: undefined"

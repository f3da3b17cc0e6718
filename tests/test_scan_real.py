"""scan on real logs nobody here wrote: the Loghub samples in ../shared/logs/loghub/.

Loghub (https://github.com/logpai/loghub) asks that any use refer to its repository and cite
its paper (../shared/logs/loghub/CITATION); its licence is ../shared/logs/loghub/LICENSE.
These tests skip with a reason where the samples are absent (as on a user's machine).
"""

from __future__ import annotations

import json
import random
import re
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import errcat
from errcat.scan import ScanOptions, scan
from errcat.scan.logline import timestamp_in
from errcat.scan.prepared import _untimed, time_of, untimed_head
from errcat.scan.records import Finder
from errcat.scan.verdict import error_reason, http_status, level
from scanlines import OTEL_EXPORT_FAILED, is_read, other_groups, scanned

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import gen_log

LOGHUB = Path(__file__).resolve().parents[2] / "shared" / "logs" / "loghub"
needs_loghub = pytest.mark.skipif(not LOGHUB.is_dir(), reason=f"the Loghub samples are not here ({LOGHUB})")

# Each system's own level field, read by position (not by errcat's rule), and the levels that say error.
LEVEL_FIELDS = {
    "Apache": re.compile(r"^\[[^\]]+\] \[(\w+)\]"),
    "HDFS": re.compile(r"^\d{6} \d{6} \d+ (\w+) "),
    "Zookeeper": re.compile(r"^\S+ \S+ - (\w+)\s"),
    "Spark": re.compile(r"^\S+ \S+ (\w+) "),
    "OpenStack": re.compile(r"^\S+ \S+ \S+ \d+ (\w+) "),
    "OpenSSH": re.compile(r"^\w+ +\d+ \S+ \S+ sshd\[\d+\]: (error:|fatal:)"),
    # syslog's program tag then a level ("xinetd[7]: warning:", logrotate's "ALERT exited abnormally")
    "Linux": re.compile(r"^\w+ +\d+ \S+ \S+ [\w()-]+(?:\[\d+\])?: (error:|fatal:|warning:|ALERT )"),
    "HealthApp": re.compile(r"^$never"),  # no levels: none of its lines says error by how it is logged
}
LOUD = {"error", "ERROR", "WARN", "WARNING", "warn", "FATAL", "fatal", "CRITICAL", "error:", "fatal:", "warning:", "ALERT "}
HTTP_ERROR = re.compile(r"status: [45]\d\d\b")  # OpenStack's wsgi lines
EXCEPTION = re.compile(r"\b[A-Z]\w*Exception: |\bException causing\b")


OPENSEARCH_401 = '2025-01-22T13:09:20.606136+01:00 wazuh-prod opensearch-dashboards[9400]: {"type":"response","@timestamp":"2025-01-22T12:09:20Z","tags":[],"pid":9400,"method":"post","statusCode":401,"req":{"url":"/auth/login?dataSourceId=","method":"post","headers":{"host":"wazuh.auk.test","user-agent":"Mozilla/5.0 (X11; Linux x86_64; rv:134.0) Gecko/20100101 Firefox/134.0","accept":"*/*","accept-language":"fr,fr-FR;q=0.8,en-US;q=0.5,en;q=0.3","accept-encoding":"gzip, deflate, br, zstd","referer":"https://wazuh.auk.test/app/login?nextUrl=%2Fapp%2Fwz-home","content-type":"application/json","osd-version":"2.16.0","osd-xsrf":"osd-fetch","content-length":"40","origin":"https://wazuh.auk.test","sec-gpc":"1","connection":"keep-alive","sec-fetch-dest":"empty","sec-fetch-mode":"cors","sec-fetch-site":"same-origin","priority":"u=0"},"remoteAddress":"192.168.1.1","userAgent":"Mozilla/5.0 (X11; Linux x86_64; rv:134.0) Gecko/20100101 Firefox/134.0","referer":"https://wazuh.auk.test/app/login?nextUrl=%2Fapp%2Fwz-home"},"res":{"statusCode":401,"responseTime":333,"contentLength":9},"message":"POST /auth/login?dataSourceId= 401 333ms - 9.0B"}'


def _expected_errors(system: str, lines: list[str]) -> int:
    """Lines that are errors by the system's own level field, an HTTP error status or an exception."""
    field = LEVEL_FIELDS[system]
    count = 0
    for line in lines:
        m = field.match(line)
        loud = m is not None and m.group(1) in LOUD
        if is_read(line) and (loud or HTTP_ERROR.search(line) or EXCEPTION.search(line)):
            count += 1
    return count


@needs_loghub
@pytest.mark.parametrize("system", sorted(LEVEL_FIELDS))
def test_each_systems_error_lines_are_counted_once_and_its_benign_lines_not_at_all(system, index, tmp_path):
    path = LOGHUB / f"{system}_2k.log"
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    expected = _expected_errors(system, lines)
    report = scan(index, [str(path)], ScanOptions(workers=1))
    assert report.errors == expected
    assert report.matched_count == 0  # Loghub holds no vendor API errors: nothing may be claimed
    assert report.other_count == expected  # each error counted once, as another program's
    mentions = sum(1 for line in lines if is_read(line))
    assert report.not_errors == mentions - expected  # what only mentions an error is read and let go


@needs_loghub
def test_lines_that_only_mention_errors_are_not_errors():
    """Real benign lines: each mentions an error or a failure, none is one by how it is logged."""
    benign = [
        line
        for system in ("HealthApp", "Linux", "OpenSSH", "Spark", "Zookeeper", "HDFS")
        for line in (LOGHUB / f"{system}_2k.log").read_text(encoding="utf-8", errors="replace").splitlines()
        if is_read(line) and not LEVEL_FIELDS[system].match(line) and not EXCEPTION.search(line)
    ]
    benign = [line for line in benign if not re.search(r" - (?:WARN|ERROR) | WARN ", line)]
    assert len(benign) > 500  # "authentication failure", "Failed password", "sendSyncFailedBroadcast", ...
    said = [(line, error_reason(level(line), line)) for line in benign]
    assert [s for s in said if s[1]] == []


@pytest.mark.parametrize(
    "line, reason",
    [
        ("2026-11-19T02:00:00Z INFO sync worker-3 processed 12 invoices, 0 errors, 0 failed", None),
        ("2026-11-19 02:00:00 INFO batch done error_rate=0.00 max_errors=5", None),
        ("Nov 19 02:00:00 host app[7]: no errors in the last 10 batches", None),
        ("2026-11-19 02:00:00 DEBUG retry policy on_failure=backoff", None),
        ('{"level":"info","msg":"0 errors","status":200}', None),
        ("2026-11-19 02:00:00 ERROR sync failed", "level"),
        ("[Sun Dec 04 04:47:44 2005] [error] mod_jk child workerEnv in error state 6", "level"),
        ("Dec 10 09:32:20 LabSZ sshd[24680]: error: Received disconnect from 1.2.3.4", "level"),
        ("<11>Nov 19 02:00:00 host app: something failed", "level"),
        ("E1119 02:00:00.123456 1 main.go:42] sync failed", "level"),
        # klog after a journal's program tag (a kubelet journal quoted in public notes); a program
        # tag's capitalised level (Loghub's Thunderbird_2k.log, logpai/loghub)
        (
            'Nov 02 12:59:14 master kubelet[2357]: E1102 12:59:14.149196    2357 pod_workers.go:1300] "Error syncing pod, skipping"',
            "level",
        ),
        (
            "- 1131567053 2005.11.09 tbird-admin1 Nov 9 12:10:53 local@tbird-admin1 gmetad: Warning: we failed to resolve data "
            "source name an14",
            "level",
        ),
        ("Jun 14 15:16:01 combo sshd(pam_unix)[19939]: authentication failure; logname= uid=0", None),
        # Apache 2.4's error log names the module with the level
        ("[Fri Mar 24 06:10:30.985225 2023] [proxy_fcgi:error] [pid 42] AH01071: Got error 'Primary script unknown'", "level"),
        ("[Fri Mar 24 06:10:30.985225 2023] [mpm_event:notice] [pid 42] AH00489: resuming normal operations", None),
        # Maven prints an empty error line between the lines of one failure (a Spring Boot console)
        ("[ERROR] Failed to execute goal org.springframework.boot:spring-boot-maven-plugin:4.1.0:run (default-cli)", "level"),
        ("[ERROR] ", None),
        # Test Kitchen's banners around an exception say nothing; its class and message do (elastic/examples@6d86454
        # Miscellaneous/docker/full_stack_example/.kitchen/logs/kitchen.log lines 1, 4, 2)
        ("E, [2017-08-17T18:15:08.067497 #48598] ERROR -- Kitchen: ------Exception-------", None),
        ("E, [2017-08-17T18:15:08.067571 #48598] ERROR -- Kitchen: ----------------------", None),
        ("E, [2017-08-17T18:15:08.067549 #48598] ERROR -- Kitchen: Class: Kitchen::UserError", "level"),
        # Emby's capitalised level after its time (crowdsecurity/hub's .tests/emby-logs/emby-logs.log, line 1)
        ("2022-02-14 18:01:07.092 Warn Server: AUTH-ERROR: 1.1.1.1 - Invalid username or password entered.", "level"),
        # and so do they behind a CI server's time (jenkinsci/analysis-model's
        # src/test/resources/edu/hm/hafner/analysis/parser/maven-console.txt line 13; mozilla/treeherder's
        # tests/sample_data/logs/wpt-multiple.log line 17468, a blank line of a traceback logged at WARNING)
        ("22:07:27  [WARNING] ", None),
        ("[task 2025-02-14T00:05:10.399Z] 00:05:10  WARNING - \r", None),
        ("[task 2025-02-14T00:05:10.399Z] 00:05:10  WARNING - KeyError: 'bidi.bluetooth.simulate_adapter'", "level"),
        ('{"level":"error","msg":"x"}', "level"),
        ("2026-11-19 02:00:00 WARN upstream error, retrying", "level"),
        ("2026-11-19 02:00:00 INFO GET /v2/servers HTTP/1.1 status: 404 len: 10", "status"),
        ("2026-11-19 02:00:00 INFO call ended: java.io.IOException: Connection reset", "exception"),
        # Rails's exception line (wvanbergen/request-log-analyzer's spec/fixtures/oink_22_failure.log, line 2)
        (
            "Jun 18 11:25:40 derek rails[67783]: NoMethodError (undefined method `update_domain_account' for nil:NilClass):",
            "exception",
        ),
        ("retrying after ConnectionError (attempt 2)", None),
        # logged at INFO, an exception mentioned is none (mozilla/treeherder's tests/sample_data/logs:
        # xpcshell-crash.log lines 30235, 30529; linux-awsy.txt line 809, a list of patterns to look for)
        (
            "[task 2025-02-13T21:37:17.315Z] 21:37:17     INFO -  TEST-PASS | xpcshell-child-process.toml:dom/indexedDB/test/unit/test_cursors.js | testSteps/request.onsuccess - [testSteps/request.onsuccess : 103] got a database exception - true == true",
            None,
        ),
        (
            '[task 2025-02-13T21:37:17.562Z] 21:37:17     INFO -  TEST-PASS | xpcshell-child-process.toml:dom/indexedDB/test/unit/test_optionalArguments.js | is - [is : 20] Threw correct exception - "DataError" == "DataError"',
            None,
        ),
        (
            "[task 2025-02-14T07:23:37.651Z] 07:23:37     INFO - retry: Calling run_command with args: [['/builds/worker/workspace/build/venv/bin/pip', 'install', '--no-use-pep517', '--timeout', '120', '-r', '/builds/worker/workspace/build/tests/config/marionette_requirements.txt', '--no-index', '--find-links', 'https://pypi.pub.build.mozilla.org/pub/']], kwargs: {'error_list': [{'substr': 'not found or a compiler error:', 'level': 'warning'}, {'regex': re.compile('\\\\d+: error: '), 'level': 'error'}, {'regex': re.compile('\\\\d+: warning: '), 'level': 'warning'}, {'regex': re.compile('Downloading .* \\\\(.*\\\\): *([0-9]+%)? *[0-9\\\\.]+[kmKM]b'), 'level': 'debug'}, {'substr': 'command not found', 'level': 'error'}, {'regex': re.compile('Warning:.*Error: '), 'level': 'warning'}, {'regex': re.compile('package.*> (?:Error|ERROR):'), 'level': 'error'}, {'substr': 'Traceback (most recent call last)', 'level': 'error'}, {'substr': 'SyntaxError: ', 'level': 'error'}, {'substr': 'TypeError: ', 'level': 'error'}, {'substr': 'NameError: ', 'level': 'error'}, {'substr': 'ZeroDivisionError: ', 'level': 'error'}, {'regex': re.compile('raise \\\\w*Exception: '), 'level': 'critical'}, {'regex': re.compile('raise \\\\w*Error: '), 'level': 'critical'}], 'cwd': '/builds/worker/workspace/build/tests/config', 'env': {'MOZ_FETCHES': '[{\"artifact\": \"public/build/fix-stacks.tar.zst\", \"extract\": true, \"task\": \"WXJKEqY5SEWOBoHqX722Ig\"}, {\"artifact\": \"public/build/minidump-stackwalk.tar.zst\", \"extract\": true, \"task\": \"STfzCPg8SnaR71aXcBR6gQ\"}]', 'LC_ALL': 'en_US.UTF-8', 'TASK_WORKDIR': '/builds/worker', 'TOOLTOOL_CACHE': '/builds/worker/tooltool-cache', 'LANG': 'en_US.UTF-8', 'MOZ_AUTOMATION': '1', 'GECKO_PATH': '/builds/worker/checkouts/gecko', 'DISPLAY': ':0', 'HOSTNAME': 'taskcluster-worker', 'TASKCLUSTER_NAME': '/flamboyant_liskov/taskcluster', 'OLDPWD': '/builds/worker/workspace', 'ENABLE_E10S': 'false', 'TASKCLUSTER_PUBLIC_IP': '34.83.245.96', 'WORKING_DIR': '/builds/worker', 'GECKO_HEAD_REPOSITORY': 'https://hg.mozilla.org/mozilla-central', 'TASKCLUSTER_PORT_80_TCP_ADDR': '172.17.0.2', 'TASKCLUSTER_WORKER_GROUP': 'us-west1-b', 'UV_CACHE_DIR': '/builds/worker/.task-cache/uv', 'USER': 'worker', 'RUN_ID': '0', 'TASKCLUSTER_PROXY_URL': 'http://taskcluster', 'EXTRA_MOZHARNESS_CONFIG': '{\"installer_url\": \"https://firefox-ci-tc.services.mozilla.com/api/queue/v1/task/UHH4xKlbQwK3pSL2OraPWQ/artifacts/public/build/target.tar.xz\", \"test_packages_url\": \"https://firefox-ci-tc.services.mozilla.com/api/queue/v1/task/UHH4xKlbQwK3pSL2OraPWQ/artifacts/public/build/target.test_packages.json\"}', 'NEED_WINDOW_MANAGER': 'true', 'TASKCLUSTER_INSTANCE_TYPE': 'projects/887720501152/machineTypes/n2-standard-4', 'PWD': '/builds/worker/workspace', 'HOME': '/builds/worker', 'TASKCLUSTER_WORKER_TYPE': 't-linux-xlarge-noscratch-gcp', 'GECKO_BASE_REPOSITORY': 'https://hg.mozilla.org/mozilla-unified', 'MOZ_SOURCE_CHANGESET': 'f1f1f90d7579da2e7dc9d1b77b05d60267277edc', 'TASKCLUSTER_WORKER_LOCATION': '{\"cloud\":\"google\",\"region\":\"us-west1\",\"zone\":\"us-west1-b\"}', 'DEBIAN_FRONTEND': 'noninteractive', 'NEED_PULSEAUDIO': 'true', 'GECKO_HEAD_REV': 'f1f1f90d7579da2e7dc9d1b77b05d60267277edc', 'MOZHARNESS_CONFIG': 'awsy/linux_config.py', 'MOZ_NODE_PATH': '/usr/local/bin/node', 'MOZ_SCM_LEVEL': '3', 'TASKCLUSTER_PORT_80_TCP_PROTO': 'tcp', 'TASKCLUSTER_PORT': 'tcp://172.17.0.2:80', 'SHELL': '/bin/bash', 'TERM': 'xterm', 'PIP_CACHE_DIR': '/builds/worker/.task-cache/pip', 'TASKCLUSTER_ROOT_URL': 'https://firefox-ci-tc.services.mozilla.com', 'TASK_ID': 'fko8cnkYQc2ZhEpf7d4C6g', 'MOZ_FETCHES_DIR': '/builds/worker/fetches', 'MOZ_SOURCE_REPO': 'https://hg.mozilla.org/mozilla-central', 'SHLVL': '1', 'LOGNAME': 'worker', 'DBUS_SESSION_BUS_ADDRESS': 'unix:abstract=/tmp/dbus-J7w213EDxX,guid=2f2378880a974ec2df752a0b67aeef68', 'XDG_RUNTIME_DIR': '/builds/worker', 'TASKCLUSTER_PORT_80_TCP_PORT': '80', 'PATH': '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/builds/worker/bin', 'HG_STORE_PATH': '/builds/worker/checkouts/hg-store', 'MOZHARNESS_URL': 'https://firefox-ci-tc.services.mozilla.com/api/queue/v1/task/UHH4xKlbQwK3pSL2OraPWQ/artifacts/public/build/mozharness.zip', 'SCCACHE_DISABLE': '1', 'PYTHON': 'python3', 'TASKCLUSTER_PORT_80_TCP': 'tcp://172.17.0.2:80', 'MOZILLA_BUILD_URL': 'https://firefox-ci-tc.services.mozilla.com/api/queue/v1/task/UHH4xKlbQwK3pSL2OraPWQ/artifacts/public/build/target.tar.xz', 'MOZHARNESS_SCRIPT': 'awsy_script.py', 'REQUIRE_GPU': '0'}, 'error_level': 'warning'}, attempt #1",
            None,
        ),
        ("Traceback (most recent call last):", "exception"),
        # levels a sweep of 796 public logs found missed (tstack/lnav's test/ logs, fail2ban's test logs,
        # crowdsecurity/hub's .tests): Python's "%(asctime)s:%(levelname)s:", a lower-case level after the
        # time, Grafana's "eror", zoneminder's ".ERR", Postgres's ":FATAL:", ModSecurity's "[:error]",
        # uvicorn's status with its reason phrase; and a level inside a URL's query is none
        ("2009-07-20 22:59:30,221:ERROR:Goodbye, World!", "level"),
        ("2016-06-30 12:00:07 fatal fatalmessage", "level"),
        ('t=2020-10-19T17:44:33+0200 lvl=eror msg="Invalid username or password" logger=context userId=0', "level"),
        ("01/25/22 16:19:40.701022 web_php[118768].ERR [10.0.1.139] [Unable to authenticate user.]", "level"),
        ("2021-09-28 09:22:19.536 UTC:1.2.3.4(5432):i_dont_exist@postgres:[127]:FATAL:  password authentication failed", "level"),
        (
            "[Thu Sep 30 13:27:06.009964 2021] [:error] [pid 2560:tid 140496349419264] [client ::1:37752] ModSecurity: Warning.",
            "level",
        ),
        ('INFO: 192.168.1.1:52782 - "POST /login HTTP/1.1" 401 Unauthorized', "status"),
        ('10.0.1.5 - - [18/Dec/2022:18:15:28 -0700] "POST /zm/index.php?view=request&level=ERR&file=x HTTP/1.1" 200 42069', None),
        ("2016-06-30 12:00:07 info user error fixed", None),
        # SQL Server's error log (crowdsecurity/hub's .tests/mssql-text-logs): the error line, then its message
        ("2022-12-20 12:36:54.17 Logon       Error: 18456, Severity: 14, State: 8.", "level"),
        ("2020-02-24 16:05:21.00 Logon       Login failed for user 'Backend'. Reason: Could not find a login", None),
        ("processed 12 error items", None),
        # MikroTik's topics hold its level (crowdsecurity/hub's .tests/mikrotik-bf)
        (
            "2023-03-19T12:34:09.757188+01:00 10.120.127.1 system,error,critical login failure for user admin from 10.10.0.35 via ssh",
            "level",
        ),
        ("2026-05-31T00:04:27.696749+02:00 gw firewall,info input: in:WAN out:(unknown 0), connection-state:new, len 24", None),
    ],
)
def test_the_error_record_rule(line, reason):
    head = line.split("\n", 1)[0]
    said = json.loads(line).get("level") if line.startswith("{") else level(head)
    assert error_reason(said, line) == reason


def _vendor_records(seed: int) -> tuple[list[list[str]], list[str]]:
    """One documented error record per vendor, each in another shape, and the catalog key of each."""
    rnd = random.Random(seed)
    catalog = errcat.load_catalog(use_env=False)
    records, keys = [], []
    for i, vendor in enumerate(sorted({e.vendor for e in catalog.entries})):
        entries = [e for e in catalog.entries if e.vendor == vendor and e.kind == "body" and e.message and not e.observed]
        entries = [e for e in entries if "\n" not in e.message]
        e = rnd.choice(entries)
        records.append(gen_log._error_record(e, gen_log.SHAPES[i % len(gen_log.SHAPES)], "2026-11-19T02:00:00.000Z", rnd))
        keys.append(gen_log.key_of(e))
    return records, keys


@needs_loghub
def test_vendor_records_injected_into_real_logs_are_matched_at_their_lines(index, tmp_path):
    lines = []
    for system in sorted(LEVEL_FIELDS):
        lines += (LOGHUB / f"{system}_2k.log").read_text(encoding="utf-8", errors="replace").splitlines()
    records, keys = _vendor_records(seed=5)
    at = {}
    for record, key, pos in zip(records, keys, (1500, 4200, 9000, 13500), strict=True):
        lines[pos:pos] = record
        at[key] = pos + 1
        for later in at:
            if at[later] > pos + 1:
                at[later] += len(record)
    lines.insert(700, "2026-11-19T02:00:00Z INFO sync worker-3 processed 12 invoices, 0 errors, 0 failed")
    at = {k: v + (1 if v > 700 else 0) for k, v in at.items()}
    report = scanned(index, tmp_path, "mixed.log", lines)
    found = {json.dumps([k[0], k[1], k[2], k[3], k[4]]): [p.line for p in g.places] for k, g in report.matched.items()}
    assert found == {k: [line] for k, line in at.items()}
    assert report.unmatched_count == 0  # OpenStack's HTTP 404s name no vendor and carry no body: another program's
    assert report.other_count == sum(
        _expected_errors(s, (LOGHUB / f"{s}_2k.log").read_text(errors="replace").splitlines()) for s in LEVEL_FIELDS
    )


@needs_loghub
def test_the_cheap_paths_give_what_grouping_and_preparing_every_record_gives(index, tmp_path, monkeypatch):
    """A line told to be a record of its own by the marks (records.Finder._find) and a repeat
    that takes the verdict of the first of its shape (triage.Triage.count_lines, repeat) must count, group and
    place exactly what grouping and preparing every record afresh does: on real lines, their
    digits varied as the bench's generator varies them, with vendor records among them."""
    from errcat.scan import records, triage

    lines = []
    for system in sorted(LEVEL_FIELDS):
        lines += (LOGHUB / f"{system}_2k.log").read_text(encoding="utf-8", errors="replace").splitlines()
    rnd = random.Random(8)
    varied = []
    for _ in range(3):  # each copy's digits permuted: repeats that differ in every number
        digits = list("0123456789")
        rnd.shuffle(digits)
        varied += [line.translate(str.maketrans("0123456789", "".join(digits))) for line in lines]
    for pos, record in zip((2000, 21000, 40000), _vendor_records(seed=3)[0], strict=False):
        varied[pos:pos] = record
    path = tmp_path / "varied.log"
    path.write_text("\n".join(varied) + "\n", encoding="utf-8")

    def summary(report):
        # a group's count is left out: records of one shape take the group text of the first, and
        # ids that look random in one record and not in the next (redacted or not) can put a few
        # of them in a near-identical group (the totals stay exact)
        other = {t: (g.places, [s for _, s in g.samples]) for t, g in report.other.items()}
        matched = {k: (g.count, g.places) for k, g in report.matched.items()}
        return report.records, report.errors, report.not_errors, report.other_count, other, matched

    cheap = scan(index, [str(path)], ScanOptions(workers=1))
    prepared_afresh = triage.Triage.__init__

    def every_record_prepared(self, *args, **kwargs):
        prepared_afresh(self, *args, **kwargs)
        self.repeats = False  # no record served by the verdict of one of its shape

    monkeypatch.setattr(triage.Triage, "__init__", every_record_prepared)
    monkeypatch.setattr(records, "_marked", lambda buf, starts, ends, marks: range(len(ends)))  # every line grouped
    dear = scan(index, [str(path)], ScanOptions(workers=1))
    assert cheap.records > 6_000 and cheap.matched_count == 3
    assert summary(cheap) == summary(dear)
    moved = sum(abs(g.count - dear.other[t].count) for t, g in cheap.other.items())
    assert moved <= cheap.other_count // 50, moved  # at most 2 % between near-identical groups


# Real lines from Loghub samples that are not in ../shared (github logpai/loghub, BGL/BGL_2k.log and
# Hadoop/Hadoop_2k.log): errors by their level alone, with no "error" word in them.
LEVEL_ONLY = [
    "- 1117984246 2005.06.05 R30-M1-N3-C:J02-U01 2005-06-05-08.10.46.344235 R30-M1-N3-C:J02-U01 RAS KERNEL FATAL "
    "force load/store alignment...............0",
    "KERNSTOR 1118709403 2005.06.13 R10-M1-N5-C:J15-U11 2005-06-13-17.36.43.927885 R10-M1-N5-C:J15-U11 RAS KERNEL FATAL "
    "data storage interrupt",
    "- 1119977619 2005.06.28 R02-M1-NE 2005-06-28-09.53.39.479164 R02-M1-NE NULL DISCOVERY WARNING Node card is not fully functional",
    "- 1120241131 2005.07.01 R37-M1-N4 2005-07-01-11.05.31.120732 R37-M1-N4 NULL DISCOVERY SEVERE Can not get assembly "
    "information for node card",
    "2015-10-18 18:05:27,570 WARN [LeaseRenewer:msrabi@msra-sa-41:9000] org.apache.hadoop.ipc.Client: Address change "
    "detected. Old: msra-sa-41/10.190.173.170:9000 New: msra-sa-41:9000",
]


def test_lines_that_are_errors_by_their_level_alone_are_read(index, tmp_path):
    """The rule counts FATAL, SEVERE, WARN(ING), CRIT, ALERT, EMERG and PANIC lines as errors; a line
    at such a level with no "error" word in it was never read (the needles were error words)."""
    path = tmp_path / "levels.log"
    path.write_text("\n".join([*LEVEL_ONLY, "2015-10-18 18:05:28,000 INFO all fine"]) + "\n", encoding="utf-8")
    report = scan(index, [str(path)], ScanOptions(workers=1))
    assert (report.records, report.errors, report.other_count) == (len(LEVEL_ONLY), len(LEVEL_ONLY), len(LEVEL_ONLY))
    assert all(is_read(line) for line in LEVEL_ONLY)
    assert all(is_read(line) for line in ("x [E] disk gone", "x <W> disk slow", 'level=err msg="disk full"'))


def test_a_body_cut_short_ends_where_the_next_log_entry_starts(index, tmp_path):
    """A JSON or XML body that never closes (a log line cut, a dump truncated) swallowed up to 5,000
    lines after it, and every error in them was lost; it now ends at the next line that starts
    with a date. The lines after it are Loghub's (Hadoop/Hadoop_2k.log, logpai/loghub)."""
    after = [LEVEL_ONLY[-1], *LEVEL_ONLY[:2]] * 3
    for opened in (
        '2015-10-18 18:05:57,000 ERROR sync failed, response body:\n{\n  "Errors": [\n    {\n      "Name": "x"',
        "2015-10-18 18:05:57,000 ERROR sync failed, response body:\n<Error>\n  <Message>cut",
    ):
        path = tmp_path / "cut.log"
        path.write_text(opened + "\n" + "\n".join(after) + "\n", encoding="utf-8")
        report = scan(index, [str(path)], ScanOptions(workers=1))
        assert report.errors == 1 + len(after), opened
        lines = sorted(p.line for g in report.other.values() for p in g.places)
        assert lines[-len(after) :] == list(range(opened.count("\n") + 2, opened.count("\n") + 2 + len(after)))


def test_an_oauth_error_logged_as_a_json_line_is_an_error(index, tmp_path):
    """An OAuth 2.0 error response logged on its own line (MYOB's, from davidlumley/myob-api#28:
    ``{"error":"invalid_request"}``) is a body, not a log line whose message is its code: it was
    read as the message "invalid_request" with no level and let go. A structured log line whose
    error field is prose stays a log line."""
    path = tmp_path / "oauth.log"
    path.write_text(
        '{"error":"invalid_request"}\n{"error":"connection refused","ts":1700000000}\n{"error":"timeout"}\n', encoding="utf-8"
    )
    report = scan(index, [str(path)], ScanOptions(workers=1))
    assert (report.errors, report.not_errors) == (1, 2)  # "timeout" is no OAuth error code
    (group,) = report.unmatched.values()
    assert group.text == "invalid_request" and [p.line for p in group.places] == [1]  # not "invalid_request: invalid_request"


def test_an_error_held_only_by_the_catalogs_generic_words_is_another_programs(index, tmp_path):
    """The catalog's longer message literals are vendor needles, and some are what any server says
    ("Internal Server Error", "Too Many Requests"): a Django 500 line (an Apache mod_wsgi error log
    quoted in public notes) was listed as a vendor error not in the catalog, and --fail-on
    unmatched failed on it. With no vendor's own evidence and no API shape, it is another
    program's error; the same words in a MYOB call stay a vendor's."""
    lines = [
        "[Fri Mar 24 06:10:30.985225 2023] [wsgi:error] [pid 1667519:tid 139904763131648] [remote 192.168.1.8:53277] "
        "ERROR django.request Internal Server Error: /horizon/auth/login/",
        "2024-01-01 12:00:02,000 WARN  client: Too Many Requests from github, sleeping 60s",
        "2024-01-01 12:00:03,000 ERROR sync.myob GET https://arl2.api.myob.com/accountright/ failed: 500 Internal Server Error",
    ]
    report = scanned(index, tmp_path, "generic.log", lines)
    assert report.other_count == 2 and report.errors == 3
    assert [p.line for g in report.other.values() for p in g.places] == [1, 2]
    vendors = {k[0] for k in report.matched} | {g.vendor for g in report.unmatched.values()}
    assert vendors == {"myob"}


def test_an_error_named_by_myobs_token_error_alone_is_myobs(index, tmp_path):
    """``OAuthTokenIsInvalid`` names MYOB for explain with nothing around it (no entry holds it, so it was
    no scan needle): a MYOB integration's release note (realworld own-106) logged at error level was
    counted as another program's error while explain of the same line said MYOB. A test's name that
    only spells it inside a longer word stays another program's, as explain has it."""
    note = "A 401/OAuthTokenIsInvalid from that malformed resource path was therefore not proof that the freshly issued Bearer token itself was corrupt."
    lines = [
        f"Dec 10 11:04:17 LabSZ syncd[24200]: error: {note}",
        "2024-01-01 12:00:03,000 ERROR runner: whenOAuthTokenIsInvalidThenRefresh failed with status 401",
    ]
    report = scanned(index, tmp_path, "token.log", lines)
    assert errcat.explain(lines[0]).vendor == "myob" and errcat.explain(lines[1]).vendor is None
    (group,) = report.unmatched.values()
    assert (group.vendor, group.status, [p.line for p in group.places]) == ("myob", 401, [1])
    assert [p.line for g in report.other.values() for p in g.places] == [2]


def test_a_stack_trace_is_one_record_with_the_entry_it_follows(index, tmp_path):
    """Python's traceback after an ERROR line and Java's 'Caused by:' were records of their own,
    so one error was counted two or three times (lines from a Django error log and a Zeebe trace
    quoted in public notes, shortened)."""
    python = [
        "2026-02-03 08:34:09,231 1172986 ERROR django.request Internal Server Error: /dashboard/",
        "Traceback (most recent call last):",
        '  File "/usr/lib/python3.9/site-packages/django/utils/module_loading.py", line 30, in import_string',
        "    return cached_import(module_path, class_name)",
        "AttributeError: module 'django.core.cache.backends.memcached' has no attribute 'MemcachedCache'",
    ]
    java = [
        "java.util.concurrent.CompletionException: io.zeebe.journal.JournalException: java.nio.file.FileSystemException",
        "\tat java.util.concurrent.CompletableFuture.encodeThrowable(Unknown Source) ~[?:?]",
        "Caused by: io.zeebe.journal.JournalException: java.nio.file.FileSystemException",
        "\tat io.zeebe.journal.file.SegmentedJournal.openChannel(SegmentedJournal.java:468) ~[zeebe-journal-1.0.0-SNAPSHOT.jar:1.0.0-SNAPSHOT]",
    ]
    after = "2026-02-03 08:34:10,000 1172986 ERROR django.request Internal Server Error: /other/"
    path = tmp_path / "traces.log"
    path.write_text("\n".join([*python, *java, after]) + "\n", encoding="utf-8")
    report = scan(index, [str(path)], ScanOptions(workers=1))
    assert report.errors == 3
    assert sorted(p.line for g in report.other.values() for p in g.places) == [1, 6, 10]


def test_a_stamped_body_a_trace_after_a_quiet_line_and_braces_in_a_frame(index, tmp_path):
    """What review found in the rules above: a body logged a line at a time with each line
    stamped (docker logs -t) is one record, not one per line; a traceback written to stderr after
    an INFO line is an error of its own, not filed under the INFO line; brackets in a frame's
    source line or an exception message do not end the trace (one failure, one error)."""
    cases = {
        "stamped": (
            "2026-11-20T01:00:00.100000000Z ERROR myob POST /accountright/abc/Sale/Invoice/Item failed, response body: {\n"
            '2026-11-20T01:00:00.100000001Z   "Errors": [\n'
            '2026-11-20T01:00:00.100000002Z     {"Name": "DatePriorToBeginningOfFinancialYear", "Message": '
            '"Date cannot be prior to beginning of financial year", "ErrorCode": 25008}\n'
            "2026-11-20T01:00:00.100000003Z   ]\n"
            "2026-11-20T01:00:00.100000004Z }\n"
            "2026-11-20T01:00:01.000000000Z INFO next\n",
            (1, 1, []),
        ),
        "stderr": (
            "2026-11-20 01:00:00,000 INFO worker 3 heartbeat ok\nTraceback (most recent call last):\n"
            '  File "/app/job.py", line 10, in run\n    int(x)\nValueError: invalid literal for int() with base 10: abc\n',
            (1, 0, [2]),
        ),
        "loud_mentions_info": (
            "2026-11-20 01:00:00,000 ERROR failed to load the info page\nTraceback (most recent call last):\n"
            "  File \"/app/a.py\", line 3, in run\n    page()\nKeyError: 'info'\n",
            (1, 0, [1]),
        ),
        "braces": (
            "2026-11-20 01:00:00,000 ERROR sync failed\nTraceback (most recent call last):\n"
            '  File "/app/a.py", line 3, in run\n    total = sum(x["amount"] for x in rows)\n'
            "TypeError: unsupported operand type(s) for +: 'int' and 'str'\n"
            "2026-11-20 01:00:01,000 INFO next\n",
            (1, 0, [1]),
        ),
    }
    for name, (text, (errors, matched, other_lines)) in cases.items():
        path = tmp_path / f"{name}.log"
        path.write_text(text, encoding="utf-8")
        report = scan(index, [str(path)], ScanOptions(workers=1))
        found = (report.errors, report.matched_count, sorted(p.line for g in report.other.values() for p in g.places))
        assert found == (errors, matched, other_lines), name


def test_a_chained_python_traceback_ending_in_any_class_is_one_record(index, tmp_path):
    """A Python traceback may end in a class not named ...Error (psycopg2.errors.UniqueViolation),
    with Postgres's DETAIL after it, then chain another traceback after a blank line and a
    sentence; all of it was three or four records (one error counted twice, its cause as no
    error). The traceback is augurlabs/augur#3457's, verbatim; the celery lines around it are
    constructed in celery's worker format. Celery's time with milliseconds is the record's time."""
    trace = [
        "Traceback (most recent call last):",
        '  File "/augur/.venv/lib/python3.11/site-packages/sqlalchemy/engine/base.py", line 1938, in _exec_single_context',
        "    self.dialect.do_executemany(",
        '  File "/augur/.venv/lib/python3.11/site-packages/sqlalchemy/dialects/postgresql/psycopg2.py", line 794, in do_executemany',
        "    cursor.executemany(statement, parameters)",
        'psycopg2.errors.UniqueViolation: duplicate key value violates unique constraint "issue-insert-unique"',
        "DETAIL:  Key (issue_url)=(https://api.github.com/repos/pulp/pulp-ui/issues/1) already exists.",
        "",
        "The above exception was the direct cause of the following exception:",
        "",
        "Traceback (most recent call last):",
        '  File "/augur/.venv/lib/python3.11/site-packages/celery/app/trace.py", line 453, in trace_task',
        "    R = retval = fun(*args, **kwargs)",
        "                 ^^^^^^^^^^^^^^^^^^^^",
    ]
    text = "\n".join(
        [
            "[2025-12-11 10:00:00,000: INFO/MainProcess] Task augur.tasks.github.events.collect_events received",
            "[2025-12-11 10:00:01,250: ERROR/ForkPoolWorker-3] Task augur.tasks.github.events.collect_events failed",
            *trace,
            'sqlalchemy.exc.IntegrityError: (psycopg2.errors.UniqueViolation) duplicate key value violates unique constraint "x"',
            "[2025-12-11 10:00:02,000: INFO/MainProcess] Task augur.tasks.github.events.collect_events received",
            "[2025-12-11 10:00:03,000: ERROR/ForkPoolWorker-3] Task augur.tasks.github.events.collect_events failed",
            *trace[:7],
            "[2025-12-11 10:00:04,000: INFO/MainProcess] Task augur.tasks.github.events.collect_events received",
        ]
    )
    path = tmp_path / "celery.log"
    path.write_text(text + "\n", encoding="utf-8")
    report = scan(index, [str(path)], ScanOptions(workers=1))
    assert (report.errors, report.not_errors) == (2, 0)
    # each named by the exception its traceback ended in (sweep26): the first by the chained IntegrityError, the second,
    # cut before the chain, by its UniqueViolation
    first, second = sorted(report.other.values(), key=lambda group: group.places[0].line)
    assert ([p.line for p in first.places], [p.line for p in second.places]) == ([2], [19])
    assert first.text.startswith("ERROR Task augur") and str(first.first_seen)[:23] == "2025-12-11 10:00:01.250"
    assert "failed sqlalchemy.exc.IntegrityError: (psycopg<n>.errors.UniqueViolation) duplicate key" in first.text
    assert "failed psycopg<n>.errors.UniqueViolation: duplicate key" in second.text


SPRING_ROOT_CAUSE = [
    "2019-06-11 11:38:21.010  INFO 45693 --- [nio-8080-exec-1] o.s.web.servlet.DispatcherServlet        : Completed initialization in 9 ms",
    "2019-06-11 11:38:21.115 ERROR 45693 --- [nio-8080-exec-1] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed; nested exception is org.springframework.dao.InvalidDataAccessApiUsageException: Type cannot be null; nested exception is java.lang.IllegalArgumentException: Type cannot be null] with root cause",
    "",
    "java.lang.IllegalArgumentException: Type cannot be null",
    "\tat org.hibernate.query.procedure.internal.ProcedureParameterImpl.setHibernateType(ProcedureParameterImpl.java:130) ~[hibernate-core-5.3.10.Final.jar:5.3.10.Final]",
    "\tat org.hibernate.query.procedure.internal.ProcedureParameterImpl.<init>(ProcedureParameterImpl.java:88) ~[hibernate-core-5.3.10.Final.jar:5.3.10.Final]",
    "\tat org.hibernate.procedure.internal.ProcedureCallImpl.registerParameter(ProcedureCallImpl.java:289) ~[hibernate-core-5.3.10.Final.jar:5.3.10.Final]",
]  # pavankjadda/ThreadPoolExecutor-SpringBoot@b6ae3fb, Errors.md, lines 60-66
LARAVEL_FATAL = [
    '[2023-05-15 18:19:49] local.ERROR: Uncaught ReflectionException: Class "App\\Providers\\App\\Policies\\CustomerPolicy" does not exist in Command line code:1',
    "Stack trace:",
    "#0 Command line code(1): ReflectionClass->__construct('App\\\\Providers\\\\A...')",
    "#1 [internal function]: {closure}('App\\\\Providers\\\\A...', 'App\\\\Providers\\\\A...')",
    "#2 Command line code(1): array_map(Object(Closure), Array, Array)",
    "#3 {main}",
    '  thrown {"exception":"[object] (Symfony\\\\Component\\\\ErrorHandler\\\\Error\\\\FatalError(code: 0): Uncaught ReflectionException: Class \\"App\\\\Providers\\\\App\\\\Policies\\\\CustomerPolicy\\" does not exist in Command line code:1',
    "Stack trace:",
    "#0 Command line code(1): ReflectionClass->__construct('App\\\\\\\\Providers\\\\\\\\A...')",
    "#1 [internal function]: {closure}('App\\\\\\\\Providers\\\\\\\\A...', 'App\\\\\\\\Providers\\\\\\\\A...')",
    "#2 Command line code(1): array_map(Object(Closure), Array, Array)",
    "#3 {main}",
    "  thrown at Command line code:1)",
    "[stacktrace]",
    "#0 {main}",
    '"} ',
    '[2023-05-15 18:20:49] local.ERROR: Uncaught ReflectionException: Class "App\\Providers\\App\\Policies\\CustomerPolicy" does not exist in Command line code:1',
]  # tstack/lnav@bb0005f, test/logfile_laravel.0, lines 59-75
CADDY_IN_COMPOSE = 'caddy  | {"level":"warn","ts":1761019822.3157542,"msg":"Caddyfile input is not formatted; run \'caddy fmt --overwrite\' to fix inconsistencies","adapter":"caddyfile","file":"/etc/caddy/Caddyfile","line":1}'  # tstack/lnav@bb0005f, test/logfile_caddy_log.0


def test_a_spring_root_cause_and_a_php_trace_stay_with_their_error_line(index, tmp_path):
    """Spring's 'ERROR ... with root cause', a blank line and the cause's trace, and Laravel's PHP
    trace ('Stack trace:', '#0 ...', '#3 {main}', '  thrown {...}') were each two records: one
    error counted twice (real lines: a Spring Boot console log and lnav's Laravel test log)."""
    for name, lines, errors, heads in (("spring", SPRING_ROOT_CAUSE, 1, [2]), ("laravel", LARAVEL_FATAL, 2, [1, 17])):
        path = tmp_path / f"{name}.log"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        report = scan(index, [str(path)], ScanOptions(workers=1))
        assert report.errors == errors, name
        assert sorted(p.line for g in report.other.values() for p in g.places) == heads, name


def test_a_structured_log_line_after_a_prefix_is_another_programs_error(index, tmp_path):
    """A JSON log line after docker compose's prefix was read as an error body and listed as a
    vendor error 'not in the catalog' (its "msg" field as the message), so --fail-on unmatched
    failed on Caddy's warning. No vendor's evidence, no catalog row and nothing of an HTTP
    exchange: another program's error, as the same line without the prefix is."""
    path = tmp_path / "compose.log"
    path.write_text(CADDY_IN_COMPOSE + "\n" + CADDY_IN_COMPOSE.split(" | ", 1)[1] + "\n", encoding="utf-8")
    report = scan(index, [str(path)], ScanOptions(workers=1))
    assert (report.errors, report.other_count, report.unmatched_count) == (2, 2, 0)


# a Visual Studio build that Apache Ant's exec task ran (jenkinsci/analysis-model@9b50d2d46b0d
# src/test/resources/edu/hm/hafner/analysis/parser/issue3582.txt, its first 10 lines): each line after Ant's
# padded task name, read as one record from its first line (every line after it indented)
ANT_EXEC = [
    "     ...",
    "     [exec] 23>main.cpp",
    "     [exec] 23>Compiling resources...",
    "     [exec] 23>Microsoft (R) Windows (R) Resource Compiler Version 6.1.6723.1",
    "     [exec] 23>Copyright (C) Microsoft Corporation.  All rights reserved.",
    "     [exec] 23>Linking...",
    "     [exec] 23>LINK : fatal error LNK1181: cannot open input file 'TestLib.lib'",
    '     [exec] 23>Build log was saved at "..."',
    "     [exec] 23>MyApplication - 1 error(s), 0 warning(s)",
    "     [exec] ========== Rebuild All: 1 succeeded, 1 failed, 0 skipped ==========",
]


def test_a_build_log_behind_ants_task_names_is_read_line_by_line(index, tmp_path):
    path = tmp_path / "ant.log"
    path.write_text("\n".join(ANT_EXEC) + "\n", encoding="utf-8")
    report = scan(index, [str(path)], ScanOptions(workers=1))
    (group,) = report.other.values()
    assert [p.line for p in group.places] == [7] and "LNK1181" in next(iter(report.other))


WINSTON_NOVA_404 = [
    '{"level":"info","message":"nova-api.log.1.2017-05-16_13:53:08 2017-05-16 00:12:00.236 25776 INFO nova.metadata.wsgi.server [-] 10.11.21.139,10.11.10.1 \\"GET /openstack/2013-10-17/user_data HTTP/1.1\\" status: 404 len: 176 time: 0.0010579","timestamp":"2026-11-19T02:22:27.450Z"}',
    '{"level":"info","message":"nova-api.log.1.2017-05-16_13:53:08 2017-05-16 00:09:15.022 25790 INFO nova.metadata.wsgi.server [-] 10.11.21.135,10.11.10.1 \\"GET /openstack/2013-10-17/user_data HTTP/1.1\\" status: 404 len: 176 time: 0.0011439","timestamp":"2026-11-19T02:40:45.344Z"}',
]  # Loghub OpenStack lines, each in a winston JSON line (constructed framing)


def test_a_json_lines_repeat_gets_the_first_ones_verdict(index, tmp_path):
    """The second of two winston JSON lines alike but for their numbers was served by its shape
    with its raw line as its paste, whose brace let it be explained: it was listed as a vendor
    error 'not in the catalog' (--fail-on unmatched failed) while the first, the same, was
    another program's. A tester's framing of real Loghub lines."""
    path = tmp_path / "winston.log"
    path.write_text("\n".join(WINSTON_NOVA_404) + "\n", encoding="utf-8")
    report = scan(index, [str(path)], ScanOptions(workers=1))
    assert (report.errors, report.other_count, report.unmatched_count) == (2, 2, 0)


def test_a_sage_diagnosis_after_a_log_prefix_is_sages(index, tmp_path):
    """A Sage diagnosis list whose keys start with $ ('[{"$severity": ...'), after a Python log
    prefix with no URL, had no API shape and no vendor needle: another program's error. The body
    is a live probe's (../shared/pastes dev-37), now catalogued as an observed Sage error; the log
    line around it is constructed."""
    path = tmp_path / "sage.log"
    path.write_text(
        "2026-11-19 02:26:10,231 - sync.client - ERROR - API call failed with status 401: "
        '[{"$severity":"error","$dataCode":"AccessTokenVerificationError",'
        '"$message":"Access token is invalid (JWT malformed or missing).","$source":"Authorization"}]\n',
        encoding="utf-8",
    )
    report = scan(index, [str(path)], ScanOptions(workers=1))
    assert (report.other_count, report.unmatched_count) == (0, 0)
    ((vendor, status, code, _name, _message),) = report.matched
    assert (vendor, status, code) == ("sage", 401, "AccessTokenVerificationError")


DOCKER_T_WINSTON = [
    '2026-11-19T02:05:00.141422123Z {"level":"error","message":"Request failed with status code 400: {\\"Errors\\":[{\\"Name\\":\\"AccountNotValid\\",\\"Message\\":\\"Account must be bank or credit card type\\",\\"AdditionalDetails\\":\\"\\",\\"ErrorCode\\":29001,\\"Severity\\":\\"Error\\",\\"LearnMore\\":null}],\\"Information\\":\\"Warning, error messages have not been finalised in this release and may change\\"}","timestamp":"2026-11-19T02:05:00.141Z"}',
    '2026-11-19T02:21:27.985597123Z {"level":"error","message":"Request failed with status code 401: [{\\"$severity\\":\\"error\\",\\"$dataCode\\":\\"AccessTokenExpiredError\\",\\"$message\\":\\"Your Access token has expired.\\",\\"$source\\":\\"Authorization\\"}]","timestamp":"2026-11-19T02:21:27.985Z"}',
    '2026-11-19T02:55:47.952377123Z {"level":"error","message":"Request failed with status code 403: ACCESS_FORBIDDEN: Access denied. You don\'t have permission to perform this operation.","timestamp":"2026-11-19T02:55:47.952Z"}',
]  # ../shared/pastes' MYOB and Sage bodies, ProSpend's documented 403, in winston lines under docker logs -t (constructed framing)


def test_a_json_line_behind_a_container_runtimes_prefix_is_read_as_one(index, tmp_path):
    """docker logs -t writes its time before each line: a winston JSON line behind it was not read
    as a JSON line, and its vendor errors came out with no vendor or as other programs' (19 of 22
    in a tester's framings). Behind docker compose's 'name  | ' and kubectl's '[pod/...]' too."""
    compose = ["sync-1  | " + line.split(" ", 1)[1] for line in DOCKER_T_WINSTON]
    kubectl = ["[pod/sync-6f7c9b-x2klm/sync] " + line.split(" ", 1)[1] for line in DOCKER_T_WINSTON]
    for name, lines in (("docker", DOCKER_T_WINSTON), ("compose", compose), ("kubectl", kubectl)):
        path = tmp_path / f"{name}.log"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        report = scan(index, [str(path)], ScanOptions(workers=1))
        assert sorted(key[0] for key in report.matched) == ["myob", "prospend", "sage"], name
        assert (report.errors, report.other_count, report.unmatched_count) == (3, 0, 0), name


LOGRUS_BODIES = [
    'time="2026-11-19T02:05:16Z" level=info msg="20171223-23:46:7:467|Step_ExtSDM|30002312|calculateAltitudeWithCache totalAltitude=240"',
    'time="2026-11-19T02:05:17Z" level=error msg="request failed" body="{\\"Errors\\":[{\\"Name\\":\\"AccountNotValid\\",\\"Message\\":\\"Account must be bank or credit card type\\",\\"AdditionalDetails\\":\\"\\",\\"ErrorCode\\":29001,\\"Severity\\":\\"Error\\",\\"LearnMore\\":null}],\\"Information\\":\\"Warning, error messages have not been finalised in this release and may change\\"}" status=400',
    'time="2026-11-19T02:38:53Z" level=error msg="request failed" body="<errors><error>Items element should be of type array</error></errors>" status=422',
    'time="2026-11-19T02:39:08Z" level=info msg="[Mon Dec 05 10:43:51 2005] [notice] workerEnv.init() ok /etc/httpd/conf/workers2.properties"',
]  # ../shared/pastes' MYOB and InvoiceXpress bodies as logrus fields, among Loghub lines (constructed framing)


def test_a_body_inside_a_quoted_field_ends_with_its_line(index, tmp_path):
    """logrus quotes a field's value (body="{\"Errors\": ...}"): its brace opened a body whose
    escaped quotes were miscounted, so the record ran on over the lines after it; MYOB's error
    was lost and the record claimed as InvoiceXpress's documented error of the next line."""
    path = tmp_path / "logrus.log"
    path.write_text("\n".join(LOGRUS_BODIES) + "\n", encoding="utf-8")
    report = scan(index, [str(path)], ScanOptions(workers=1))
    lines = {key[0]: [p.line for p in g.places] for key, g in report.matched.items()}
    assert lines == {"myob": [2], "invoicexpress": [3]} and report.errors == 2


def test_lines_alike_but_for_an_impossible_time_are_one_group(index, tmp_path):
    """A timestamp that cannot be a time (the bench's varied digits: 'Sun Dec 74 77:77:44') stayed in
    the group text while a real one was dropped, so lines of one shape made two groups, and which
    lines went to which depended on which a worker met first: counts per group changed from run
    to run. Loghub's Apache line 2 (../shared/logs/loghub/Apache_2k.log), then with its digits varied."""
    path = tmp_path / "apache.log"
    path.write_text(
        "[Sun Dec 04 04:47:44 2005] [error] mod_jk child workerEnv in error state 6\n"
        "[Sun Dec 74 77:77:44 2005] [error] mod_jk child workerEnv in error state 7\n",
        encoding="utf-8",
    )
    report = scan(index, [str(path)], ScanOptions(workers=1))
    (group,) = report.other.values()
    assert group.count == 2 and str(group.first_seen) == str(group.last_seen) == "2005-12-04 04:47:44+00:00"
    heads = [untimed_head(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert heads == ["[error] mod_jk child workerEnv in error state 6", "[error] mod_jk child workerEnv in error state 7"]


@needs_loghub
def test_a_syslog_time_is_read_and_left_out_of_the_group_text(index, tmp_path):
    """A syslog line's time (RFC 3164: no year) was not read: each month's repeats of one error
    were a group of their own ("Jun <n> <n>:<n>:<n> combo logrotate: ..." and "Jul ..."), with no
    first or last time, and --since left every line out. Loghub's Linux sample (../shared/logs/loghub)."""
    path = LOGHUB / "Linux_2k.log"
    report = scan(index, [str(path)], ScanOptions(workers=1))
    group = report.other["logrotate: ALERT exited abnormally with [<n>]"]
    assert group.count == 43 and (group.first_seen.strftime("%m-%d %H:%M:%S"), group.last_seen.strftime("%m-%d %H:%M:%S")) == (
        "06-15 04:06:20",
        "07-27 04:16:09",
    )
    year = group.first_seen.year  # the year the line does not write: the last twelve months'
    windowed = scan(index, [str(path)], ScanOptions(workers=1, since=datetime(year, 7, 1, tzinfo=UTC)))
    assert windowed.other["logrotate: ALERT exited abnormally with [<n>]"].count == 27 and windowed.no_timestamp == 0


@needs_loghub
def test_in_a_window_each_repeat_is_placed_by_its_own_time(index):
    """In a --since/--until window a repeat of a line (one shape: its numbers aside) takes the first's
    verdict but its own time: it is counted in or out of the window by it, and its group's first and
    last seen are the window's. (Each such repeat was prepared afresh, decoded and parsed: a window
    made a scan 3 to 7 times slower.) Loghub's ZooKeeper sample (../shared/logs/loghub), counted
    here line by line from the file itself."""
    path = LOGHUB / "Zookeeper_2k.log"
    since, until = datetime(2015, 7, 29, 19, 25, tzinfo=UTC), datetime(2015, 7, 29, 19, 35, tzinfo=UTC)
    said = "Send worker leaving thread"
    times = [
        datetime.strptime(line[:19], "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
        for line in path.read_text(encoding="utf-8").splitlines()
        if " - WARN  [" in line and line.endswith(said)
    ]
    inside = sorted(t for t in times if since <= t <= until)
    assert len(times) > len(inside) > 10  # the sample has such lines on both sides of the window
    whole = scan(index, [str(path)], ScanOptions(workers=1))
    windowed = scan(index, [str(path)], ScanOptions(workers=1, since=since, until=until))
    (text,) = (t for t in whole.other if t.endswith(said))
    assert whole.other[text].count == len(times)
    group = windowed.other[text]
    assert group.count == len(inside)
    assert (group.first_seen.replace(microsecond=0), group.last_seen.replace(microsecond=0)) == (inside[0], inside[-1])
    assert windowed.filtered_time > 0 and windowed.records == whole.records


@needs_loghub
def test_a_window_reads_each_records_time_as_prepare_does():
    """A record outside a --since/--until window is left out by its time alone, read before anything
    else of it (each was decoded, templated and leveled first: a window made a scan 9 times slower);
    that time must be the one the whole reading takes, for every line of every Loghub sample
    (../shared/logs/loghub) and for the JSON, logfmt and container-prefixed lines whose own time field
    comes before a date in their message."""
    lines = [line for path in sorted(LOGHUB.glob("*.log")) for line in path.read_text(encoding="utf-8").splitlines()]
    lines += [
        '{"@t":"2026-11-19T02:00:00Z","@l":"Error","Date":"2020-01-01","@m":"sync failed"}',
        '2026-11-19T02:00:01.5Z {"level":"error","msg":"request failed 2020-01-01"}',
        'time="2024-11-12T14:39:16+09:00" level=error msg="call failed on 2020-01-01"',
        '{"level":"error","msg":"no time here"}',
    ]
    assert len(lines) > 16_000
    differ = [line for line in lines if time_of(line, line) != _untimed(line, line)[1]]
    assert differ == []
    assert sum(time_of(line, line) is not None for line in lines) > len(lines) // 2  # times were read, not all None


@needs_loghub
def test_a_window_counts_alike_in_one_process_and_in_parallel(index, tmp_path, monkeypatch):
    """In a --since/--until window the repeats of a line are counted by their shape with each one's
    own time (a window made a scan of 256 MB of real lines 9 times slower than none): the same
    counts, groups and first and last seen whether one process reads the log or several workers
    read it in ranges. Loghub's Apache sample (../shared/logs/loghub), repeated so that workers
    meet each shape again in later ranges."""
    import errcat.scan as scan_module
    from errcat.scan import parallel

    log = tmp_path / "apache.log"
    log.write_text((LOGHUB / "Apache_2k.log").read_text(encoding="utf-8") * 8, encoding="utf-8")
    since, until = datetime(2005, 12, 5, 4, 0, tzinfo=UTC), datetime(2005, 12, 5, 12, 0, tzinfo=UTC)

    def counts(report):
        other = {t: (g.count, g.first_seen, g.last_seen) for t, g in report.other.items()}
        return other, report.records, report.errors, report.filtered_time, report.no_timestamp, report.not_errors

    one = scan(index, [str(log)], ScanOptions(workers=1, since=since, until=until))
    whole = scan(index, [str(log)], ScanOptions(workers=1))
    monkeypatch.setattr(scan_module, "PARALLEL_MIN", 0)
    monkeypatch.setattr(parallel, "TASK_BYTES", 32 << 10)
    many = scan(index, [str(log)], ScanOptions(workers=2, since=since, until=until))
    assert counts(many) == counts(one)
    assert 0 < one.errors < whole.errors and one.filtered_time > 0 and one.records == whole.records
    group = one.other["[error] mod_jk child workerEnv in error state <n>"]
    assert since <= group.first_seen < group.last_seen <= until


@needs_loghub
def test_a_worker_redacts_no_sample_it_cannot_keep(index, tmp_path, monkeypatch):
    """A worker reads its ranges in file order, so a group's places and samples it took in an earlier
    range come before any a later range holds: those are never listed, so never redacted. A group
    of a few records a range took (and screened) three samples in every range: a sixth of each
    worker's time on the bench's real log. The report is the one reader's all the same."""
    from errcat.scan import parallel
    from errcat.scan import triage as triage_module
    from errcat.scan.concerns import needles_for
    from errcat.scan.inputs import Input
    from errcat.scan.summary import MAX_SAMPLES, ScanReport

    log = tmp_path / "mixed.log"
    log.write_text("".join((LOGHUB / name).read_text(encoding="utf-8") for name in ("Apache_2k.log", "OpenStack_2k.log")) * 6)
    size, step = log.stat().st_size, 48 << 10
    one = scan(index, [str(log)], ScanOptions(workers=1))
    redacted: list[str] = []
    screen = triage_module.shown_line
    monkeypatch.setattr(triage_module, "shown_line", lambda text, *a: redacted.append(text) or screen(text, *a))
    # one worker's triage reading every range in order, as parallel._find does in a worker process
    monkeypatch.setattr(
        parallel, "_TRIAGE", [triage_module.Triage(needles_for(index.whole), ScanOptions(), ScanReport(), str(log))]
    )
    inp, parts = Input(str(log), str(log), size), []
    with open(log, "rb") as f:
        parts.extend(parallel._find(inp, *task) for task in parallel._tasks(f, 0, size, [step]))
    assert len(parts) > 20
    groups = {text for part in parts for text in part[0].other}
    assert len(groups) > 5
    assert len(redacted) <= (MAX_SAMPLES + 1) * len(groups)  # three samples and a group text each, at most
    import errcat.scan as scan_module

    monkeypatch.setattr(scan_module, "PARALLEL_MIN", 0)
    monkeypatch.setattr(parallel, "TASK_BYTES", step)
    two = scan(index, [str(log)], ScanOptions(workers=2))
    assert {t: (g.count, g.places, g.samples) for t, g in two.other.items()} == {
        t: (g.count, g.places, g.samples) for t, g in one.other.items()
    }


def test_a_syslog_time_ahead_of_today_is_last_years():
    """A syslog line writes no year: December's lines read in January are last December's."""
    ahead, today = datetime.now(UTC) + timedelta(days=3), datetime.now(UTC)
    line = f"{ahead:%b} {ahead.day:2d} 04:06:20 combo logrotate: ALERT exited abnormally with [1]"
    found = timestamp_in(line)
    assert found is not None and found[0].year == (today.year - 1 if ahead.year == today.year else today.year)
    assert found[0].strftime("%m-%d %H:%M:%S") == f"{ahead:%m-%d} 04:06:20"
    assert timestamp_in(f"{today:%b} {today.day:2d} 04:06:20 combo x")[0].year == today.year  # type: ignore[index]


IX_DUMP = [
    "2026-11-19 03:05:46.915 [pool-2-thread-1] ERROR c.e.sync.VendorClient - POST https://acme-lda.app.invoicexpress.com/invoices.json failed, response:",
    "HTTP/1.1 422 Unprocessable Entity",
    "Content-Type: text/plain; charset=utf-8",
    "Date: Thu, 19 Nov 2026 03:05:46 GMT",
    "Cache-Control: no-cache",
    "",
    "Country PT was not found",
]  # ../shared/pastes dev-47's InvoiceXpress message as a dumped response (constructed framing)


def test_a_text_body_after_a_responses_headers_is_part_of_the_exchange(index, tmp_path):
    """A dumped response's plain-text body after the blank line that ends its headers was left
    out of the record, so scan filed the error under the status alone while explain, given the
    same text, matched InvoiceXpress's documented message; the next log entry after it is not a body."""
    path = tmp_path / "dump.log"
    path.write_text(
        "\n".join([*IX_DUMP, "", "2026-11-19 03:05:47.001 [pool-2-thread-1] INFO c.e.sync.VendorClient - next"]) + "\n"
    )
    report = scan(index, [str(path)], ScanOptions(workers=1))
    (key,) = report.matched
    assert key[0] == "invoicexpress" and "was not found" in (key[4] or "") and report.errors == 1
    # a response with no body, then a log line without a date: its own record, not a body (constructed)
    path.write_text("HTTP/1.1 204 No Content\nServer: x\n\nERROR sync failed for invoice 7\nINFO ok\n")
    report = scan(index, [str(path)], ScanOptions(workers=1))
    assert [p.line for g in report.other.values() for p in g.places] == [4]


def test_with_vendor_the_records_left_out_are_not_counted_as_errors(index, tmp_path):
    """--vendor leaves other vendors' and other programs' errors out; JSON's error_records counted
    the ones sorted out before explaining among the errors (5 errors, 1 shown, 4 left out)."""
    path = tmp_path / "mixed.log"
    path.write_text(
        "2024-01-01 12:00:00,000 ERROR django.request Internal Server Error: /api/users/5/\n"
        "2024-01-01 12:00:01,000 ERROR worker 7 failed\n"
        "2024-01-01 12:00:02,000 ERROR worker 8 failed\n"
        "2024-01-01 12:00:03,000 ERROR sync.myob GET https://arl2.api.myob.com/accountright/ failed: 500 Internal Server Error\n",
        encoding="utf-8",
    )
    report = scan(index, [str(path)], ScanOptions(workers=1, vendor="myob"))
    assert report.errors == report.matched_count + report.unmatched_count + report.other_count == 1
    assert report.records == report.errors + report.not_errors + report.filtered_vendor == 4


def test_a_documented_message_whose_parts_are_all_short_concerns_its_vendor(index, tmp_path):
    """InvoiceXpress's "Country {country} was not found" has no literal part of 14 characters, so
    it was no vendor needle: logged as plain text (dev-47's message, from
    SuesteCreative/shopify-invoicexpress-worker, in a constructed Python logging line) it was
    counted as another program's error, while explain matched it. Its parts in their order are a
    needle; a line that says only "not found" stays another program's."""
    lines = [
        "2026-11-19 03:06:10,587 - sync.client - ERROR - API call failed with status 422: Country PT was not found",
        "2026-11-19 03:06:11,000 - app - ERROR - user profile was not found",
    ]
    report = scanned(index, tmp_path, "country.log", lines)
    assert [g.entry_id for g in report.matched.values()] == ["invoicexpress.clients.country-germani-was-not-found"]
    assert report.other_count == 1 and [p.line for g in report.other.values() for p in g.places] == [2]


def test_glogs_letter_alone_makes_a_line_an_error(index, tmp_path):
    """glog's E and W lines say nothing else of an error, and were never read (no needle held
    them): lines of tstack/lnav's test/logfile_glog.0. The letter counts at a line's start only."""
    lines = [
        "E0517 15:04:22.619632 1952452992 logging_unittest.cc:253] Log every 3, iteration 19",
        "I0517 15:04:22.619642  952452992 logging_unittest.cc:259] Log if every 1, iteration 19",
        "W0517 15:04:22.619751    2452992 logging_unittest.cc:263] log_if this",
        "I0517 15:04:22.619760     452992 logging_unittest.cc:267] array",
        "E0517 15:04:22.619776       2992 logging_unittest.cc:271] foo 1000 0000001000 3e8",
    ]
    path = tmp_path / "glog.log"
    for first in (0, 1):  # the first line of the file, or not
        path.write_text("\n".join(lines[first:]) + "\n", encoding="utf-8")
        report = scan(index, [str(path)], ScanOptions(workers=1))
        assert sorted(p.line + first for g in report.other.values() for p in g.places) == [1, 3, 5][first:]
    assert not is_read("x " + lines[0])


def test_cockroachdbs_letter_with_the_year_makes_a_line_an_error(index, tmp_path):
    """CockroachDB's crdb-v1 and crdb-v2 logs write glog's letter, then the year, month and day
    ("Lyymmdd hh:mm:ss.uuuuuu", cockroachdb/cockroach docs/generated/logformats.md): six digits where
    glog has four, so no needle found their E and W lines and no level form read them. Lines of
    cockroach.log as CockroachDB's own documentation shows them (cockroachdb/docs, node-shutdown.md)."""
    lines = [
        "I220202 20:51:23.053217 2867 1@server/drain.go:212 ⋮ [n1,server drain process] 310  drain details: range lease"
        " iterations: 1",
        "W220202 20:51:23.772264 681 sql/stmtdiagnostics/statement_diagnostics.go:162 ⋮ [n1] 313  error polling for"
        " statement diagnostics requests: ‹stmt-diag-poll›: cannot acquire lease when draining",
        "E220202 20:51:23.800288 685 jobs/registry.go:715 ⋮ [n1] 314  error expiring job sessions: ‹expire-sessions›:"
        " cannot acquire lease when draining",
        "I220202 20:51:24.672435 2867 1@server/drain.go:210 ⋮ [n1,server drain process] 320  drain remaining: 0",
        "E220204 00:08:59.732020 590 jobs/registry.go:749 ⋮ [n1] 78  error processing claimed jobs: could not query for"
        " claimed jobs: ‹select-running/get-claimed-jobs›: cannot acquire lease when draining",
    ]
    path = tmp_path / "cockroach.log"
    for first in (0, 1):  # the first line of the file, or not
        path.write_text("\n".join(lines[first:]) + "\n", encoding="utf-8")
        report = scan(index, [str(path)], ScanOptions(workers=1))
        assert sorted(p.line + first for g in report.other.values() for p in g.places) == [2, 3, 5]
    assert (level(lines[1]), level(lines[2]), level(lines[0])) == ("w", "e", "i")
    assert is_read(lines[2].split("  ")[0]) and not is_read("x " + lines[2].split("  ")[0])  # its prefix, at a line's start only


def test_macos_logs_fault_type_makes_a_line_an_error_named_without_its_ids(index, tmp_path):
    """macOS's `log stream` and `log show` say a line's level in their Type column, Fault the most
    severe: no needle found a Fault line and no level form read it, so "lacks ...Entitlement" was
    never reported. Its group's name now has no thread or activity id either (each thread's made a
    group of its own). `log stream --predicate 'process == "apsd"'` output of a public blog post
    (Kirill's "Networking behind iOS push notifications", 2025-12-10)."""
    lines = [
        "Timestamp                       Thread     Type        Activity             PID    TTL  ",
        "2025-12-11 12:13:46.490449+0100 0xd5b      Activity    0x1a5c23             360    0    apsd: (libsystem_trace.dylib)"
        " Activity for state dumps",
        "2025-12-11 12:13:46.490439+0100 0xd5b      Fault       0x1a5c23             360    14   apsd: Peer connection"
        " [pid=49350] lacks APSConnectionInitiateEntitlement",
    ]
    assert is_read(lines[2]) and level(lines[2]) == "fault"
    report = scanned(index, tmp_path, "apsd.log", lines)
    assert other_groups(report) == [("Fault apsd: Peer connection [pid=<n>] lacks APSConnectionInitiateEntitlement", [3])]


def test_an_npm_err_block_is_one_record(index, tmp_path):
    """npm (to 8) writes one failure as a block of lines each prefixed "npm ERR!", the log's path
    after a blank line: each line was a record and a group of its own (9 for one failed install
    script). The block is one record, named by its first line. npm's output in mjmasn/meteor-8808's
    README.md (its reproduction of Meteor issue 8808)."""
    lines = [
        "npm WARN meteor-dev-bundle@0.0.0 No license field.",
        "npm ERR! code ELIFECYCLE",
        "npm ERR! errno 1",
        "npm ERR! meteor-dev-bundle@0.0.0 install: `node npm-rebuild.js`",
        "npm ERR! Exit status 1",
        "npm ERR!",
        "npm ERR! Failed at the meteor-dev-bundle@0.0.0 install script.",
        "npm ERR! This is probably not a problem with npm. There is likely additional logging output above.",
        "",
        "npm ERR! A complete log of this run can be found in:",
        "npm ERR!     /Users/mike/.npm/_logs/2017-06-16T08_49_42_949Z-debug.log",
        "",
        "> fibers@2.0.0 install /Users/mike/Code/meteor-8808-build/bundle/programs/server/node_modules/fibers",
    ]
    report = scanned(index, tmp_path, "npm.log", lines)
    assert other_groups(report) == [
        ("npm ERR! code ELIFECYCLE", [2]),
        ("npm WARN meteor-dev-bundle@<n> No license field.", [1]),
    ]
    records = list(Finder().records([("\n".join(lines) + "\n").encode()]))
    assert [(r.line, r.end_line) for r in records if r.data.startswith(b"npm ERR!")] == [(2, 11)]


def test_an_npm_error_block_without_a_code_line_is_one_error(index, tmp_path):
    """npm 9 and later prefix each line of an error block "npm error"; only a block's code line
    ("npm error code ERESOLVE") was read, so a missing script's block, which has none, was no error
    at all. The block is one record, read by its first line. npm 10's output in mpbarbosa/mpbarbosa_site's
    .ai_workflow/backlog/workflow_20251222_173618/step9_Code_Quality_Validation.md."""
    lines = [
        "ℹ️  Executing Linting: npm run lint",
        'npm error Missing script: "lint"',
        "npm error",
        "npm error Did you mean this?",
        "npm error   npm link # Symlink a package folder",
        "npm error",
        "npm error To see a list of scripts, run:",
        "npm error   npm run",
        "npm error A complete log of this run can be found in: /home/mpb/.npm/_logs/2025-12-22T20_59_51_761Z-debug-0.log",
        "Large file: ./__tests__/main.test.js (495 lines)",
    ]
    report = scanned(index, tmp_path, "lint.log", lines)
    assert other_groups(report) == [("npm error Missing script: '…'", [2])]  # a quoted value masked, as everywhere
    assert level("npm error handling is documented") is None  # prose, not npm's block


def test_npm_9s_warnings_are_read_as_npm_8s_were(index, tmp_path):
    """npm to 8 wrote "npm WARN deprecated ...", read as a warning by its upper-case level; npm 9 and
    later write "npm warn deprecated ...", which no level form read. Each is one warning, a record
    of its own. npm 10's output in CloudCannon/11feed issue 2 (https://github.com/CloudCannon/11feed/issues/2)."""
    lines = [
        "npm warn deprecated inflight@1.0.6: This module is not supported, and leaks memory. Do not use it. Check out"
        " lru-cache if you want a good and tested way to coalesce async requests by a key value, which is much more"
        " comprehensive and powerful.",
        "npm warn deprecated abab@2.0.6: Use your platform's native atob() and btoa() methods instead",
        "npm warn deprecated domexception@4.0.0: Use your platform's native DOMException instead",
    ]
    assert [level(line) for line in lines] == ["warn"] * 3
    report = scanned(index, tmp_path, "install.log", lines)
    assert sorted(line for _, places in other_groups(report) for line in places) == [1, 2, 3]


def test_an_exchange_dumped_with_side_marks_is_one_record(index, tmp_path):
    """requests_toolbelt's dump_all writes the request's lines after "< " and the response's after
    "> ": each "> " line looked like no part of a record, so one failed call was counted as two
    or three records (the log line, the status, the body's error line) and MYOB's error was lost
    in 12 of tester2's 16 dumped calls. Constructed framing around MYOB's documented 29001 body
    (../shared/sources/myob-business-api-errors.txt); the token is a random string."""
    lines = [
        "2026-11-19 02:04:11,670 - app - INFO - sync started",
        "2026-11-19 02:04:12,905 - sync.client - ERROR - vendor call failed:",
        "< POST /accountright/3f9c2d1e-7a4b-4c8e-9d21-5b6a0e8f4c17/Banking/TransferMoneyTxn HTTP/1.1",
        "< Host: arl2.api.myob.com",
        "< Authorization: Bearer Zq8vR2mXkP4tL9wNc7yB1dFh6jS3gA5e",
        "< ",
        "> HTTP/1.1 400 Bad Request",
        "> Content-Type: application/json; charset=utf-8",
        "> ",
        "> {",
        '>   "Errors": [{"Name": "AccountNotValid", "Message": "Account must be bank or credit card type",',
        '>     "AdditionalDetails": "FromAccount.UID", "ErrorCode": 29001, "Severity": "Error"}]',
        "> }",
        "2026-11-19 02:04:13,000 - app - INFO - sync done",
    ]
    report = scanned(index, tmp_path, "dump.log", lines)
    assert report.errors == 1 and report.other_count == 0
    assert [(g.entry_id, [p.line for p in g.places]) for g in report.matched.values()] == [
        ("myob.banking-transfer-money-txn.account-not-valid", [2])
    ]


def test_curl_verbose_output_is_one_record(index):
    """The README's own curl -v example (examples/curl-output.txt): its "< HTTP/2 400" line was a
    record of its own, an unknown vendor's error beside MYOB's, so ``--fail-on unmatched`` failed
    on it; a dump with side marks is now also one when its first line is the marked request."""
    report = scan(index, [str(Path(__file__).parent.parent / "examples" / "curl-output.txt")], ScanOptions(workers=1))
    assert (report.errors, report.unmatched_count, report.other_count) == (1, 0, 0)
    assert [[p.line for p in g.places] for g in report.matched.values()] == [[3]]


def test_a_text_body_after_a_line_that_announces_it_is_part_of_the_record(index, tmp_path):
    """ "POST ... returned 422, response body:" and then the body, plain text: the body's line was
    left out, and scan reported the status alone where explain matched InvoiceXpress's documented
    message (dev-47's "Country PT was not found", in a constructed Python logging framing). A line
    that starts the next entry (a date, a level) is not taken for the body."""
    lines = [
        "2026-11-19 03:03:56,851 - sync.client - ERROR - POST https://acme-lda.app.invoicexpress.com/invoices.json"
        " returned 422, response body:",
        "Country PT was not found",
        "2026-11-19 03:04:10,000 - sync.client - ERROR - GET https://acme-lda.app.invoicexpress.com/clients.json"
        " returned 500, response body:",
        "2026-11-19 03:04:12,054 - app - INFO - retrying",
    ]
    report = scanned(index, tmp_path, "text-body.log", lines)
    assert report.errors == 2
    assert next((g.entry_id, [p.line for p in g.places]) for g in report.matched.values()) == (
        "invoicexpress.clients.country-germani-was-not-found",
        [1],
    )


def test_a_servers_own_access_line_is_no_api_error_of_an_unknown_vendor(index, tmp_path):
    """A web server's 404 for a probe with '<' in its query (crowdsecurity/hub's nginx XSS-probing
    test log) was listed as an API error of an unknown vendor: the '<' gave it a body's shape, and a
    request with no vendor's evidence was enough. Now an unknown vendor's API error needs an error
    status explain reads, or an error body (a vendor's, OAuth's, or RFC 7807's with an error status)."""
    line = '127.0.0.1 - - [30/Sep/2021:11:14:41 +0200] "GET /foo?a=<br HTTP/1.1" 404 162 "-" "curl/7.68.0"'
    report = scanned(index, tmp_path, "access.log", [line])
    assert report.errors == 1 and report.other_count == 1 and not report.unmatched
    # a server's own JSON log of a request it answered 401, known by its path alone (OpenSearch
    # Dashboards, crowdsecurity/hub's .tests/opensearch-dashboard-bf/opensearch-dashboard.log)
    served = OPENSEARCH_401
    report = scanned(index, tmp_path, "served.log", [served])
    assert report.errors == 1 and report.other_count == 1 and not report.unmatched


def test_a_json_lines_level_one_object_down_is_read(index, tmp_path):
    """A JSON line whose level sits in a nested object (logstash's "@fields", as in tstack/lnav's
    test/logfile_nested_json.json) had no level, so its ERROR line was not counted."""
    lines = [
        '{"ts": "2013-09-06T22:01:49.124817Z", "@fields": { "lvl": "ERROR", "msg": "looking bad"}}',
        '{"ts": "2013-09-06T22:01:50.124817Z", "@fields": { "lvl": "INFO", "msg": "no error here"}}',
    ]
    report = scanned(index, tmp_path, "nested.json", lines)
    assert report.errors == 1 and [p.line for g in report.other.values() for p in g.places] == [1]


@needs_loghub
def test_a_stray_nul_near_a_logs_start_does_not_make_it_binary(index, tmp_path):
    """One NUL in the first 8 KB turned a whole text file away as binary, exit 2 (tstack/lnav's
    UTF-8 test file, one NUL in 22 KB; a log a crash padded). Here Loghub's Apache sample with
    one NUL put in its tenth line (constructed): the file is read, that line's record is skipped
    and said so, the other errors are counted; the sample compressed with bzip2 is still not read (named as bzip2)."""
    import bz2

    lines = (LOGHUB / "Apache_2k.log").read_bytes().splitlines(keepends=True)[:400]
    lines[9] = lines[9][:30] + b"\x00" + lines[9][30:]
    path = tmp_path / "nul.log"
    path.write_bytes(b"".join(lines))
    whole = scan(index, [str(path)], ScanOptions(workers=1))
    assert whole.inputs[0].lines == 400 and not whole.inputs[0].problem
    clean = tmp_path / "clean.log"
    clean.write_bytes(b"".join(lines[:9] + lines[10:]))
    assert whole.errors == scan(index, [str(clean)], ScanOptions(workers=1)).errors - (b"[error]" in lines[9])
    packed = tmp_path / "apache.log.bz2"
    packed.write_bytes(bz2.compress((LOGHUB / "Apache_2k.log").read_bytes()))
    assert "bzip2-compressed" in (scan(index, [str(packed)], ScanOptions(workers=1)).inputs[0].problem or "")  # not read
    overstruck = tmp_path / "man.txt"  # man's output keeps bold as "N\bNA\bA...": backspaces are text
    overstruck.write_bytes(b"N\x08NA\x08AM\x08ME\x08E\n     e\x08ec\x08ch\x08ho\x08o - write arguments\n" * 20)
    assert not scan(index, [str(overstruck)], ScanOptions(workers=1)).inputs[0].problem


def test_a_template_needle_has_at_most_two_slots():
    """A documented message with only short parts is a needle by its parts in order, each slot a
    run of up to 60 characters: with many slots, a search over a long record that nearly matches
    could try 60 to the power of the slots (a user catalog's template, not the built-in one's)."""
    from errcat.scan.concerns import _template_pattern

    assert _template_pattern("Country {country} was not found") == r"country\s*.{1,60}?\s*was\s+not\s+found"
    assert _template_pattern("ab {a} cd {b} ef {c} gh {d} ij {e} kl {f} mn") is None


def test_a_json_document_with_a_table_by_level_is_no_error_body(index, tmp_path):
    """An lnav format file (tstack/lnav@bb0005f, test/textfile_json_long.0; in tests/data) maps
    levels to patterns, {"error": "(?:...)", "warning": "..."}: it was listed as an unknown
    vendor's OAuth error, found by the table itself and by reading the whole document pair by pair
    (its escaped quotes sent it there). A JSON log record with an OAuth body in it still is one."""
    document = (Path(__file__).parent / "data" / "lnav_format_syslog.json").read_text()
    assert scanned(index, tmp_path, "format.json", [document]).errors == 0
    oauth = '{"level":"error","status":502,"body":"upstream said {\\"error\\":\\"invalid_grant\\"}"}'
    report = scanned(index, tmp_path, "oauth.log", [oauth])
    assert report.errors == 1 and len(report.unmatched) == 1


def test_numbered_and_padded_levels_are_read_without_an_error_word(index, tmp_path):
    """Lines whose only sign of an error is their level were never looked at: pino's numbered
    level (typeorm-pino-logger's log examples page), Nextcloud's (a nextcloud.log line quoted in a
    public README), structlog's console level padded in its brackets (Meltano's getting-started
    guide; apache/airflow#64826 for the info line). Their info lines stay out."""
    lines = [
        '{"level":50,"time":1672531200000,"msg":"Slow query detected (1500ms)","query":"SELECT * FROM users u JOIN orders o ON u.id = o.user_id"}',
        '{"reqId":"96LuQQeekORu1qdgtsoG","level":3,"time":"2024-12-11T01:49:08+00:00","remoteAddr":"192.168.100.49","message":"could not enable apps"}',
        "2022-09-20T13:16:13.885045Z [warning  ] No state was found, complete import.",
        "2026-04-07T06:27:38.072406Z [info     ] Task instance state updated",
        '{"level":30,"time":1672531200000,"msg":"Query ran (15ms)","query":"SELECT 1"}',
    ]
    report = scanned(index, tmp_path, "levels.log", lines)
    assert sorted(p.line for g in report.other.values() for p in g.places) == [1, 2, 3]


# mozilla/treeherder@dc3080d, tests/sample_data/logs/build-fail.log.gz, lines 9981, 41508, 41524
MOZHARNESS_AFTER_A_BRACE = [
    "[task 2025-02-13T21:41:46.235Z] 21:41:46     INFO -    149 |       if (strlen(longOpt->longOptName) != optNameLen) {",
    "[task 2025-02-13T21:43:30.334Z] 21:43:30  WARNING -  [glslopt 0.1.11] cargo:warning=glsl-optimizer/src/compiler/glsl/list.h:58:4: warning: builtin __has_trivial_destructor is deprecated; use __is_trivially_destructible instead [-Wdeprecated-builtins]",
    "[task 2025-02-13T21:43:30.339Z] 21:43:30  WARNING -  [glslopt 0.1.11] cargo:warning=glsl-optimizer/src/compiler/glsl/list.h:58:4: warning: builtin __has_trivial_destructor is deprecated; use __is_trivially_destructible instead [-Wdeprecated-builtins]",
]
# jenkinsci/analysis-model@9b50d2d, src/test/resources/edu/hm/hafner/analysis/parser/java-eclipse-ant.log, lines 15-29
ECLIPSE_WARNINGS = [
    "1. WARNING in C:\\PCI_Dev\\source\\pcisvn\\CUSTOMER\\CUSTOMER_Market\\Code\\CUSTOMER_Market\\src\\CUSTOMER\\AutomatedProcess\\BackOffice\\Dataset\\CUSTOMERBaseDataset.java (at line 82)",
    "   protected Class[] ATTR_TYPES = new Class[] {",
    "             ^^^^^",
    "Class is a raw type. References to generic type Class<T> should be parameterized",
    "----------",
    "2. WARNING in C:\\PCI_Dev\\source\\pcisvn\\CUSTOMER\\CUSTOMER_Market\\Code\\CUSTOMER_Market\\src\\CUSTOMER\\AutomatedProcess\\BackOffice\\Dataset\\ChinChutePerformanceHr.java (at line 49)",
    "   public Class[] scriptLibraryReturnColumnTypes() {",
    "          ^^^^^",
    "Class is a raw type. References to generic type Class<T> should be parameterized",
    "----------",
    "3. WARNING in C:\\PCI_Dev\\source\\pcisvn\\CUSTOMER\\CUSTOMER_Market\\Code\\CUSTOMER_Market\\src\\CUSTOMER\\AutomatedProcess\\BackOffice\\Dataset\\DempseyPerformance5Min.java (at line 52)",
    "   public Class[] scriptLibraryReturnColumnTypes() {",
    "          ^^^^^",
    "Class is a raw type. References to generic type Class<T> should be parameterized",
    "----------",
]


def test_a_brace_that_opens_no_body_does_not_swallow_the_entries_after_it(index, tmp_path):
    """A line ending in "{" that opens no body (a line of code quoted by a compiler, logged at
    INFO) took every line after it into its record, up to the record's limit: a Firefox build log
    reported 857 of its 1,324 ERROR and WARNING lines, Eclipse's 27 warnings were one record. A
    body's lines never start with a letter or a digit, unless stamped; a date after a short tag
    ("[task 2025-...") starts an entry. A pretty-printed body still is one record."""
    report = scanned(index, tmp_path, "build.log", MOZHARNESS_AFTER_A_BRACE)
    assert sorted(p.line for g in report.other.values() for p in g.places) == [2, 3]
    report = scanned(index, tmp_path, "eclipse.log", ECLIPSE_WARNINGS)
    assert sorted(p.line for g in report.other.values() for p in g.places) == [1, 6, 11]
    body = ["2024-05-01 10:00:00 ERROR call failed: {", '  "error": "invalid_grant",', '  "error_description": "expired"', "}"]
    report = scanned(index, tmp_path, "body.log", body)
    assert report.errors == report.unmatched_count == 1
    assert [p.line for g in report.unmatched.values() for p in g.places] == [1]


# darold/pgbadger@a1ad95a, t/fixtures/cnpg.log.gz, lines 204 and 1: CloudNativePG logs each of
# Postgres's records inside its own, at its own level ("info")
CNPG_ERROR = '{"level":"info","ts":1669575266.573701,"logger":"postgres","msg":"record","logging_pod":"myapp-pg-cluster-1","record":{"log_time":"2022-11-27 18:54:26.572 UTC","user_name":"postgres","database_name":"myapp","process_id":"464","connection_from":"[local]","session_id":"6383b1e0.1d0","session_line_num":"12","command_tag":"DELETE","session_start_time":"2022-11-27 18:52:16 UTC","virtual_transaction_id":"5/70","transaction_id":"0","error_severity":"ERROR","sql_state_code":"42703","message":"column \\"names\\" does not exist","hint":"Perhaps you meant to reference the column \\"states.name\\".","query":"delete from states where names = \'America\';","query_pos":"26","application_name":"psql","backend_type":"client backend","query_id":"0"}}'
CNPG_LOG = '{"level":"info","ts":1669575482.0968924,"logger":"postgres","msg":"record","logging_pod":"myapp-pg-cluster-1","record":{"log_time":"2022-11-27 18:58:02.096 UTC","user_name":"postgres","database_name":"postgres","process_id":"600","connection_from":"[local]","session_id":"6383b33a.258","session_line_num":"4","command_tag":"idle","session_start_time":"2022-11-27 18:58:02 UTC","transaction_id":"0","error_severity":"LOG","sql_state_code":"00000","message":"disconnection: session time: 0:00:00.007 user=postgres database=postgres host=[local]","application_name":"pg_isready","backend_type":"client backend","query_id":"0"}}'


def test_a_postgres_records_severity_is_its_level(index, tmp_path):
    """Postgres's JSON records say their level in "error_severity", which was not read, and
    CloudNativePG wraps each in one of its own logged at "info": its 5 errors were never counted.
    The record alone (as Postgres's jsonlog writes one) and the wrapped one are errors, a LOG one is not."""
    alone = json.dumps(json.loads(CNPG_ERROR)["record"])
    report = scanned(index, tmp_path, "cnpg.log", [CNPG_LOG, CNPG_ERROR, alone])
    assert sorted(p.line for g in report.other.values() for p in g.places) == [2, 3]
    assert [g.text for g in report.other.values()] == ["column '…' does not exist"]


# percona/percona-toolkit@8d0f14c, t/lib/samples/errlogs/errlog008.txt, lines 1-12
MYSQLD_CRASH = [
    "091205  4:49:04InnoDB: Assertion failure in thread 1525901664 in file srv0srv.c line 2093",
    "InnoDB: We intentionally generate a memory trap.",
    "InnoDB: Submit a detailed bug report to http://bugs.mysql.com.",
    "InnoDB: If you get repeated assertion failures or crashes, even",
    "InnoDB: immediately after the mysqld startup, there may be",
    "InnoDB: corruption in the InnoDB tablespace. Please refer to",
    "InnoDB: http://dev.mysql.com/doc/refman/5.0/en/forcing-recovery.html",
    "InnoDB: about forcing recovery.",
    "091205  4:49:04 - mysqld got signal 11;",
    "This could be because you hit a bug. It is also possible that this binary",
    "or one of the libraries it was linked against is corrupt, improperly built,",
    "or misconfigured. This error can also be caused by malfunctioning hardware.",
]
SEGFAULT = "May 16 22:46:08 victim-host inetd[600]: /usr/lib/fs/cachefs/cachefsd: Segmentation Fault - core dumped"  # ossec/ossec-hids@7f06fe0, contrib/logtesting/35/log
# jenkinsci/analysis-model@9b50d2d, src/test/resources/edu/hm/hafner/analysis/parser/msbuild.txt, line 4
CSHARP_WARNING = "Controls\\MozItem.cs(1338,4): warning CS0618: System.ComponentModel.Design.ComponentDesigner.OnSetComponentDefaults() : This method has been deprecated. Use InitializeNewComponent instead. http://go.microsoft.com/fwlink/?linkid=14202"


def test_crashes_and_coded_compiler_diagnostics_are_errors(index, tmp_path):
    """A crash says so without a level: mysqld's failed assertion and fatal signal, a segmentation
    fault; a compiler's diagnostic with its code (C#'s "warning CS0618:") was read as no level.
    A SIGTERM ("got signal 15", a shutdown) is no crash."""
    report = scanned(index, tmp_path, "crash.log", [*MYSQLD_CRASH, SEGFAULT, CSHARP_WARNING])
    assert sorted(p.line for g in report.other.values() for p in g.places) == [1, 9, 13, 14]
    assert error_reason(None, "nginx: got signal 15, exiting") is None


def test_a_time_zones_abbreviation_is_its_offset(index, tmp_path):
    """Postgres writes its log_timezone's abbreviation (%t): "2020-03-11 20:40:50 CET" was read as
    20:40:50 UTC, an hour off, so --since and --until kept or left out the wrong records (darold/
    pgbadger@a1ad95a, t/fixtures/rds.log.bz2, line 11). CST, which names three zones, stays no zone."""
    (group,) = scanned(
        index,
        tmp_path,
        "pg.log",
        [
            '2020-03-11 20:40:50 CET:192.168.1.201(50906):gilles@pgbench:[12795]:FATAL:  no pg_hba.conf entry for host "192.168.1.201", user "gilles", database "pgbench", SSL on'
        ],
    ).other.values()
    assert str(group.first_seen) == "2020-03-11 19:40:50+00:00"
    from errcat.scan.logline import timestamp_in

    assert str(timestamp_in("2020-03-11 20:40:50 CST x")[0]) == "2020-03-11 20:40:50+00:00"


def test_google_cloud_loggings_text_payload_is_the_message(index, tmp_path):
    """Cloud Logging's entry holds its message in "textPayload": the group was named by the whole
    entry masked, "{'…': '…', ...", and the message was cut (darold/pgbadger@a1ad95a,
    t/fixtures/cloudsql.log.gz, line 667)."""
    (group,) = scanned(
        index,
        tmp_path,
        "cloudsql.log",
        [
            '{"insertId":"s=a4e36fd29d8545e3aef2b7163cf53485;i=1e1ea;b=85f82a56dac248e3a65a14f508238942;m=21b7ed79fa;t=5a4aa51706a60;x=e9df0c85131f5bfd-0@a1","logName":"projects/sk5-formations-thomas/logs/cloudsql.googleapis.com%2Fpostgres.log","receiveTimestamp":"2020-05-02T13:31:41.657187127Z","resource":{"labels":{"database_id":"sk5-formations-thomas:temp-thomas-2020-04-30","project_id":"sk5-formations-thomas","region":"europe"},"type":"cloudsql_database"},"severity":"ALERT","textPayload":"[24976]: [3-1] db=cloudsqladmin,user=cloudsqladmin FATAL:  terminating connection due to administrator command","timestamp":"2020-05-02T13:31:41.270624Z"}'
        ],
    ).other.values()
    assert group.text.endswith("FATAL: terminating connection due to administrator command")


def test_a_body_stamped_line_by_line_reads_as_a_body(index, tmp_path):
    """docker logs -t stamps every line, so a pretty-printed body's lines each start with a time:
    the record was whole, but explain read its body as text and an OAuth error became another
    program's. Each line's stamp is dropped when every line has one (a constructed framing of
    RFC 6749's invalid_grant error)."""
    lines = [
        "2024-05-01T10:00:00.100000000Z ERROR token refresh failed: {",
        '2024-05-01T10:00:00.200000000Z   "error": "invalid_grant",',
        '2024-05-01T10:00:00.300000000Z   "error_description": "expired"',
        "2024-05-01T10:00:00.300000000Z }",
    ]
    report = scanned(index, tmp_path, "stamped.log", lines)
    assert (report.errors, report.unmatched_count, report.other_count) == (1, 1, 0)
    assert [g.text for g in report.unmatched.values()] == ["invalid_grant: expired"]


# pgjdbc/pgjdbc issue #131 (https://github.com/pgjdbc/pgjdbc/issues/131): a Java trace with its cause,
# here stamped as each runtime or CI server writes its time before every line (constructed framings)
_PGJDBC_TRACE = [
    'Exception in thread "main" org.postgresql.util.PSQLException: Database connection failed when starting copy',
    "    at org.postgresql.core.v3.QueryExecutorImpl.startCopy(QueryExecutorImpl.java:730)",
    "    at org.postgresql.copy.CopyManager.copyIn(CopyManager.java:52)",
    "    at sample.WrongQueryMain.main(WrongQueryMain.java:29)",
    "Caused by: java.io.IOException: Unexpected packet type during copy: 83",
    "    at org.postgresql.core.v3.QueryExecutorImpl.processCopyResults(QueryExecutorImpl.java:1060)",
    "    ... 4 more",
]
_STAMPS = {
    "docker logs -t": "2024-05-01T10:00:00.{:09d}Z ",
    "GitHub Actions": "2024-05-01T10:00:00.{:07d}Z ",
    "Jenkins timestamper": "[2024-05-01T10:00:00.{:03d}Z] ",
}


@pytest.mark.parametrize("engine", ["hyperscan", "python"])
@pytest.mark.parametrize("writer", sorted(_STAMPS))
def test_a_trace_stamped_line_by_line_is_one_error(index, tmp_path, use_engine, engine, writer):
    """docker logs -t, kubectl logs --timestamps, GitHub Actions' raw logs and Jenkins's timestamper
    write a time before every line, so a trace's frames and its "Caused by:" no longer looked like
    the rest of a record: one failure was two errors, the cause a group of its own. What follows a
    line's stamp now tells whether it continues the record, as it does unstamped."""
    use_engine(engine)
    stamp = _STAMPS[writer]
    lines = [stamp.format(k) + line for k, line in enumerate(["INFO copy starting", *_PGJDBC_TRACE, "INFO next batch"])]
    report = scanned(index, tmp_path, "stamped.log", lines)
    assert report.errors == 1
    ((text, group),) = report.other.items()
    assert text.endswith("org.postgresql.util.PSQLException: Database connection failed when starting copy")
    assert [p.line for p in group.places] == [2]


def test_a_tracebacks_group_is_named_by_its_exception(index, tmp_path):
    """A Python traceback that starts a record (a program's stderr in a CI log, after a step's
    header) was grouped by its first line, "Traceback (most recent call last):", so every traceback
    of a log was one group, and a step header before it (GitHub Actions' "##[group]Run ...") took
    it as its own. It is grouped by the exception it ended in (CPython's own traceback format)."""
    tracebacks = [
        [
            "##[group]Run python manage.py migrate",
            "Traceback (most recent call last):",
            '  File "manage.py", line 22, in <module>',
            "    main()",
            "ModuleNotFoundError: No module named 'django'",
            "##[endgroup]",
        ],
        [
            "Traceback (most recent call last):",
            '  File "job.py", line 3, in <module>',
            "    int(x)",
            "ValueError: invalid literal for int() with base 10: 'abc'",
        ],
    ]
    report = scanned(index, tmp_path, "ci.log", [line for t in tracebacks for line in t])
    assert other_groups(report) == [
        ("ModuleNotFoundError: No module named '…'", [2]),
        ("ValueError: invalid literal for int() with base <n>: '…'", [7]),
    ]


# Graylog2/graylog-training-data@d0f21ee819fb5bec125b866c3797099a5918ddc5,
# 6441615622c8f6a4e5a2c29c/log_data/miningdata.log lines 1-3: a firewall's GELF messages
_GELF_LINES = [
    '{"version": "1.1","host":"flamewall.secureharder.local","pid":-1,"short_message":"Website Blocked","full_message":"A brutal website was blocked by the acme Turdwall","type":"utm","_subtype":"web traffic","_alert_severity":"warning","_msg":"Web Traffic scanned","_action":"blocked","_service":"HTTP","_srcip":"10.1.100.11","_dstip":"172.16.200.55","_srcport":"60446","_dstport":"80","_policyid":"4","_direction":"incoming","_url":"http://warez.zip","_crscore":99,"_crlevel":"critical","_category":"Torrent"}',
    '{"version": "1.1","host":"flamewall.secureharder.local","pid":-1,"short_message":"Website Blocked","full_message":"A brutal website was blocked by the acme Turdwall","type":"utm","_subtype":"web traffic","_alert_severity":"warning","_msg":"Web Traffic scanned","_action":"blocked","_service":"HTTP","_srcip":"10.1.100.12","_dstip":"172.16.200.56","_srcport":"60447","_dstport":"81","_policyid":"5","_direction":"incoming","_url":"http://mcdonald.org/","_crscore":32,"_crlevel":"critical","_category":"Educational"}',
    '{"version": "1.1","host":"flamewall.secureharder.local","pid":-1,"short_message":"Website Blocked","full_message":"A brutal website was blocked by the acme Turdwall","type":"utm","_subtype":"web traffic","_alert_severity":"warning","_msg":"Web Traffic scanned","_action":"blocked","_service":"HTTP","_srcip":"10.1.100.13","_dstip":"172.16.200.57","_srcport":"60448","_dstport":"82","_policyid":"6","_direction":"incoming","_url":"http://cruz.com/","_crscore":24,"_crlevel":"critical","_category":"Music"}',
]


def test_json_lines_that_are_no_error_are_not_explained(index, tmp_path):
    """A JSON line that is no error by how it is logged (GELF's "_crlevel":"critical" is no level
    errcat reads) is one only for an HTTP error response in it; each was explained, to be judged no
    error after fuzzy matching its every string field: 4 ms a line, hours for an export of them.
    Its body is read for such a response first; one holding an OAuth error still is an error
    (test_an_oauth_error_logged_as_a_json_line_is_an_error)."""
    report = scanned(index, tmp_path, "gelf.log", _GELF_LINES)
    assert (report.records, report.not_errors, report.errors, report.explained) == (3, 3, 0, 0)


# GoogleCloudPlatform/fluent-plugin-detect-exceptions@09e07e7fe431017a3a3491c544ab994bc86d0676,
# test/plugin/test_exception_detector.rb: its CSHARP_ASYNC_EXC and NESTED_JAVA_EXC heredocs
_DOTNET_ASYNC_TRACE = [
    "System.InvalidOperationException: This is an exception",
    "   at ExampleApp2.AsyncExceptionExample.LowestLevelMethod() in c:/ExampleApp/ExampleApp/AsyncExceptionExample.cs:line 36",
    "   at ExampleApp2.AsyncExceptionExample.<ThirdLevelMethod>d__2.MoveNext() in c:/ExampleApp/ExampleApp/AsyncExceptionExample.cs:line 31",
    "--- End of stack trace from previous location where exception was thrown ---",
    "   at System.Runtime.CompilerServices.TaskAwaiter.ThrowForNonSuccess(Task task)",
    "   at System.Runtime.CompilerServices.TaskAwaiter.HandleNonSuccessAndDebuggerNotification(Task task)",
    "   at System.Runtime.CompilerServices.TaskAwaiter.GetResult()",
    "   at ExampleApp2.AsyncExceptionExample.<SecondLevelMethod>d__1.MoveNext() in c:/ExampleApp/ExampleApp/AsyncExceptionExample.cs:line 25",
    "--- End of stack trace from previous location where exception was thrown ---",
    "   at System.Runtime.CompilerServices.TaskAwaiter.ThrowForNonSuccess(Task task)",
    "   at System.Runtime.CompilerServices.TaskAwaiter.HandleNonSuccessAndDebuggerNotification(Task task)",
    "   at System.Runtime.CompilerServices.TaskAwaiter.GetResult()",
    "   at ExampleApp2.AsyncExceptionExample.<TopLevelMethod>d__0.MoveNext() in c:/ExampleApp/ExampleApp/AsyncExceptionExample.cs:line 14",
]
_JAVA_NESTED_TRACE = [
    "java.lang.RuntimeException: javax.mail.SendFailedException: Invalid Addresses;",
    "  nested exception is:",
    "com.sun.mail.smtp.SMTPAddressFailedException: 550 5.7.1 <[REDACTED_EMAIL_ADDRESS]>... Relaying denied",
    "",
    "\tat com.nethunt.crm.api.server.adminsync.AutomaticEmailFacade.sendWithSmtp(AutomaticEmailFacade.java:236)",
    "\tat com.nethunt.crm.api.server.adminsync.AutomaticEmailFacade.sendSingleEmail(AutomaticEmailFacade.java:285)",
    "\tat com.nethunt.crm.api.server.adminsync.AutomaticEmailFacade.lambda$sendSingleEmail$3(AutomaticEmailFacade.java:254)",
    "\tat java.util.Optional.ifPresent(Optional.java:159)",
    "\tat com.nethunt.crm.api.server.adminsync.AutomaticEmailFacade.sendSingleEmail(AutomaticEmailFacade.java:253)",
    "\tat com.nethunt.crm.api.server.adminsync.AutomaticEmailFacade.sendSingleEmail(AutomaticEmailFacade.java:249)",
    "\tat com.nethunt.crm.api.email.EmailSender.lambda$notifyPerson$0(EmailSender.java:80)",
    "\tat com.nethunt.crm.api.util.ManagedExecutor.lambda$execute$0(ManagedExecutor.java:36)",
    "\tat com.nethunt.crm.api.util.RequestContextActivator.lambda$withRequestContext$0(RequestContextActivator.java:36)",
    "\tat java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1149)",
    "\tat java.base/java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:624)",
    "\tat java.base/java.lang.Thread.run(Thread.java:748)",
    "Caused by: javax.mail.SendFailedException: Invalid Addresses;",
    "  nested exception is:",
    "com.sun.mail.smtp.SMTPAddressFailedException: 550 5.7.1 <[REDACTED_EMAIL_ADDRESS]>... Relaying denied",
    "",
    "\tat com.sun.mail.smtp.SMTPTransport.rcptTo(SMTPTransport.java:2064)",
    "\tat com.sun.mail.smtp.SMTPTransport.sendMessage(SMTPTransport.java:1286)",
    "\tat com.nethunt.crm.api.server.adminsync.AutomaticEmailFacade.sendWithSmtp(AutomaticEmailFacade.java:229)",
    "\t... 12 more",
    "Caused by: com.sun.mail.smtp.SMTPAddressFailedException: 550 5.7.1 <[REDACTED_EMAIL_ADDRESS]>... Relaying denied",
]


@pytest.mark.parametrize("engine", ["hyperscan", "python"])
@pytest.mark.parametrize("name", ["dotnet", "java"])
def test_a_trace_in_parts_is_one_error(index, tmp_path, use_engine, engine, name):
    """.NET writes "--- End of stack trace from previous location ..." between an async trace's
    parts, javax.mail a nested exception after "nested exception is:" with its frames after a
    blank line: each part was an error of its own (3 and 5 errors, one group named by the .NET
    seam line). Each trace is one error, named by its first line."""
    lines = {"dotnet": _DOTNET_ASYNC_TRACE, "java": _JAVA_NESTED_TRACE}[name]
    use_engine(engine)
    report = scanned(index, tmp_path, "trace.log", lines)
    assert report.errors == 1
    ((text, group),) = report.other.items()
    assert text == untimed_head(lines[0]) and [p.line for p in group.places] == [1]


# elastic/integrations: packages/envoyproxy/data_stream/log/_dev/test/pipeline/test-log.log lines 2-3
# (@42c33039d52c77e41cf46f529ede104494c62a34); packages/haproxy/data_stream/log/_dev/test/pipeline/
# test-haproxy.log line 4 (@16f57c9552b980cb628cc178a286556b4ec6c74b), test-haproxy-bad-req.log
# (@b315beea9237de1bf1c3e9940fb3332153b9de07)
_ENVOY_LINES = [
    '[2019-04-08T16:16:55.931Z] "GET /service/1 HTTP/1.1" 200 - 0 89 5 4 "-" "curl/7.54.0" "c219f6da-2b7f-483e-9ced-ec323d9330a9" "localhost:8000" "172.27.0.3:80"',
    '[2019-04-11T00:31:55.439Z] "GET /elastic HTTP/1.1" 404 NR 0 0 0 - "172.17.0.3" "curl/7.59.0" "58436667-bf70-4fd0-9fe9-cdadadecfd55" "192.168.99.107:30901" "-"',
]
_HAPROXY_LINES = [
    'Dec 12 06:32:56 localhost haproxy[1878]: 10.0.1.2:36085 [12/Dec/2024:06:32:56.606] main~ portal/static 0/0/1/1/2 404 305 - - ---- 6/1/0/0/0 0/0 "GET /public/index.php?s=/index/\\think\\app/testinvokefunction&function=call_user_func_array_test&vars[0]=md15&vars[1][]=Helloworld HTTP/1.1"',
    'Sep 29 08:33:00 localhost haproxy[14389]: 127.0.0.1:33317 [29/Sep/2025:08:33:00.277] f_foobar~ f_foobar/<NOSRV> -1/-1/-1/-1/0 400 0 - - CR-- 8/1/0/0/0 0/0 "<BADREQ>"',
]


@pytest.mark.parametrize("engine", ["hyperscan", "python"])
def test_proxies_statuses_are_read(index, tmp_path, use_engine, engine):
    """Envoy (and Istio) write their response flags after the status ("404 NR", "503 UF"), HAProxy
    its timers before it and the request last: none of these statuses was read, so a proxy's
    404s and 400s were not errors. Envoy's 200 stays none."""
    use_engine(engine)
    report = scanned(index, tmp_path, "proxies.log", _ENVOY_LINES + _HAPROXY_LINES)
    assert sorted(p.line for g in report.other.values() for p in g.places) == [2, 3, 4]
    assert [http_status(line) for line in _ENVOY_LINES + _HAPROXY_LINES] == [200, 404, 404, 400]


# Graylog2/graylog-training-data@d0f21ee819fb5bec125b866c3797099a5918ddc5: instruqt/engineer-workshop/
# log_data/northstar_database_REPLACEME_logs.jsonl lines 461, 462, 491 (GELF, levels 4 and 3) and
# instruqt/graylog_security/log_data/simulated_gelflogs.json lines 2 and 4 (GELF from NXLog)
_GELF_ERRORS = [
    '{"version": "1.1", "host": "db-prod-02.northstarbiotech.local", "short_message": "DB authentication error", "full_message": "Authentication failed for user \'research_read\' from 10.12.4.21.", "timestamp": "REPLACEME", "level": 4, "facility": "postgresql", "application": "postgresql", "environment": "prod", "source_ip": "10.12.4.21", "source_hostname": "lab-robot-01.northstarbiotech.local", "user_name": "research_read", "action": "CONNECT", "db_name": "lab"}',
    '{"version": "1.1", "host": "db-prod-03.northstarbiotech.local", "short_message": "DB authentication error", "full_message": "Authentication failed for user \'rnd_dashboard\' from 10.20.8.99.", "timestamp": "REPLACEME", "level": 4, "facility": "postgresql", "application": "postgresql", "environment": "prod", "source_ip": "10.20.8.99", "source_hostname": "dba-jumpbox.northstarbiotech.local", "user_name": "rnd_dashboard", "action": "CONNECT", "db_name": "admin"}',
    '{"version": "1.1", "host": "db-audit-01.northstarbiotech.local", "short_message": "Audit log event", "full_message": "Recorded database access from 198.51.100.23 using user rnd_analytics against research_raw_data and research_datasets.", "timestamp": "REPLACEME", "level": 3, "facility": "postgresql", "application": "postgresql", "environment": "prod", "source_ip": "198.51.100.23", "source_hostname": "unknown", "user_name": "rnd_analytics", "action": "AUDIT", "db_name": "admin"}',
    '{"version": "1.1", "host": "Server-E", "short_message": "Audit events dropped by the transport", "full_message": "Audit events have been dropped due to a buffer overflow.", "_EventID": 1101, "_collector_node_id": "WIN-SERVERB", "_EventReceivedTime": "datetime", "_Severity": "ERROR", "_SourceModuleType": "im_msvistalog", "_SourceName": "Microsoft-Windows-Security-Auditing", "_Channel": "Security", "_ThreadID": 826, "_RecordNumber": 24446, "_SeverityValue": 2, "_DroppedEvents": 150, "_BufferSize": "1024 KB"}',
    '{"version": "1.1", "host": "Server-D", "short_message": "Security log full", "full_message": "The security log has reached its maximum size and is now full.", "_EventID": 1104, "_collector_node_id": "WIN-SERVERC", "_EventReceivedTime": "datetime", "_Severity": "ERROR", "_SourceModuleType": "im_msvistalog", "_SourceName": "Microsoft-Windows-Security-Auditing", "_Channel": "Security", "_ThreadID": 935, "_RecordNumber": 92008, "_SeverityValue": 1, "_LogSize": "512 MB", "_ActionRequired": "Clear Logs"}',
]


def test_gelf_messages_are_read_by_their_own_keys(index, tmp_path):
    """GELF holds its message in "short_message" and NXLog writes its level as "_Severity": the
    groups were the masked skeleton of each object ("{'…': '…', ...}"), and NXLog's errors were
    no errors at all (245 lines of one export)."""
    report = scanned(index, tmp_path, "gelf.log", _GELF_ERRORS)
    assert sorted((g.text, g.count) for g in report.other.values()) == [
        ("Audit events dropped by the transport", 1),
        ("Audit log event", 1),
        ("DB authentication error", 2),
        ("Security log full", 1),
    ]


# grafana/loki@65e30f8488e8a5ea2013c6881675f8103a8f6bc7: pkg/pattern/drain/testdata/journald.txt lines
# 10, 45, 153, 154 (kubelet and containerd on a GKE node) and agent-logfmt.txt lines 4, 82
_QUOTED_MESSAGES = [
    'E0507 11:59:43.923954    4643 pod_workers.go:1300] "Error syncing pod, skipping" err="failed to \\"StartContainer\\" for \\"grafana\\" with CrashLoopBackOff: \\"back-off 5m0s restarting failed container=grafana pod=benchloadtestingxxl2-grafana-56b7c6b6df-j7jh6_hosted-grafana(83fb0f38-728e-4050-9500-6ac9fc9f21c8)\\"" pod="hosted-grafana/benchloadtestingxxl2-grafana-56b7c6b6df-j7jh6" podUID="83fb0f38-728e-4050-9500-6ac9fc9f21c8"',
    'E0507 11:59:43.151914    4572 pod_workers.go:1300] "Error syncing pod, skipping" err="failed to \\"StartContainer\\" for \\"grafana\\" with CrashLoopBackOff: \\"back-off 5m0s restarting failed container=grafana pod=k6testslow2-grafana-7b64f97bd7-t22zk_hosted-grafana(9890650a-e338-4648-be7a-bb7f9726aa46)\\"" pod="hosted-grafana/k6testslow2-grafana-7b64f97bd7-t22zk" podUID="9890650a-e338-4648-be7a-bb7f9726aa46"',
    'E0507 11:59:40.787679    2776 remote_runtime.go:496] "ExecSync cmd from runtime service failed" err="rpc error: code = NotFound desc = failed to exec in container: failed to load task: no running task found: task eeccb21da13bfae40b1a01984522c7a8f8dcb65dba3cc1cc2f2ba73381d9eaef not found: not found" containerID="eeccb21da13bfae40b1a01984522c7a8f8dcb65dba3cc1cc2f2ba73381d9eaef" cmd=["/bin/hgrun","check"]',
    'time="2024-05-07T11:59:40.787470004Z" level=error msg="ExecSync for \\"eeccb21da13bfae40b1a01984522c7a8f8dcb65dba3cc1cc2f2ba73381d9eaef\\" failed" error="rpc error: code = NotFound desc = failed to exec in container: failed to load task: no running task found: task eeccb21da13bfae40b1a01984522c7a8f8dcb65dba3cc1cc2f2ba73381d9eaef not found: not found"',
    'ts=2024-04-16T15:10:44.053538158Z caller=logfmt.go:139 level=error component=logs logs_config=default component=file_pipeline component=stage type=logfmt msg="failed to decode logfmt" err="bufio.Scanner: token too long"',
    'ts=2024-04-16T15:10:43.854830425Z caller=logfmt.go:139 level=error component=logs logs_config=default component=file_pipeline component=stage type=logfmt msg="failed to decode logfmt" err="logfmt syntax error at pos 95 on line 1: unexpected \'\\"\'"',
]


def test_a_quoted_message_names_its_group(index, tmp_path):
    """klog and logfmt quote the message ("Error syncing pod, skipping", msg="failed to decode
    logfmt"): every quoted string was masked as a value, so the groups named no error, and two
    different agent errors read alike. A quoted phrase is kept (its numbers masked); a quoted
    single word (a name, a path, an id) is still masked."""
    report = scanned(index, tmp_path, "journald.log", _QUOTED_MESSAGES)
    texts = sorted(report.other)
    assert len(texts) == 5 and report.errors == 6
    assert sum('"Error syncing pod, skipping"' in t for t in texts) == 1  # the two pods' lines: one group
    assert sum('msg="failed to decode logfmt" err=' in t for t in texts) == 2
    assert any('"ExecSync cmd from runtime service failed"' in t for t in texts)


def test_a_quote_escaped_inside_a_quoted_message_is_no_phrase_of_its_own(index, tmp_path):
    """A phrase is read whole from its quote to the next (sweep27), but not to an escaped quote inside a message: klog's
    err="failed to \\"StartContainer\\" for \\"grafana\\" ..." was read as the phrases "failed to \\" and " for \\", so the
    quoted names between them, the values a phrase's reading leaves masked, were named whole."""
    report = scanned(index, tmp_path, "journald.log", _QUOTED_MESSAGES)
    texts = sorted(report.other)
    (syncing,) = [t for t in texts if '"Error syncing pod, skipping"' in t]
    assert "err=\"failed to \\'…' for \\'…' with CrashLoopBackOff" in syncing
    assert '\\"grafana\\"' not in syncing
    (exec_sync,) = [t for t in texts if "ExecSync for" in t]
    assert "msg=\"ExecSync for \\'…' failed\"" in exec_sync


# Graylog2/graylog-training-data@d0f21ee819fb5bec125b866c3797099a5918ddc5 64dba478513b4e93c2b7ba8c/
# log_data/apache.access.log lines 113, 193; influxdata/telegraf@b27263146617cefe16c0b300107b58b111a7fa57
# plugins/inputs/elasticsearch_query/testdata/nginx_logs lines 7, 14; elastic/integrations@3060352d
# packages/traefik/data_stream/access/_dev/test/pipeline/test-format-common.log line 4
_ACCESS_LINES = [
    '94.47.196.179 www.buttercup.com - revans18 443 [01/Aug/2018 12:33:38:916274] "POST /orderstatus?JSESSIONID=494FF600E9E2 HTTP/1.1" "?JSESSIONID=494FF600E9E2" 503 649 "-" "Mozilla/5.0 (Windows NT 6.1; rv:23.0) Gecko/20100101 Firefox/23.0" 103 1867 5027767',
    '94.47.196.179 www.buttercup.com - revans18 443 [01/Aug/2018 12:29:38:675911] "GET /login?JSESSIONID=494FF600E9E2 HTTP/1.1" "?JSESSIONID=494FF600E9E2" 401 636 "-" "Mozilla/5.0 (Windows NT 6.1; rv:23.0) Gecko/20100101 Firefox/23.0" 85 2164 5495124',
    '217.168.17.5 - - [17/May/2015:08:05:02 +0000] "GET /downloads/product_2 HTTP/1.1" 404 337 "-" "Debian APT-HTTP/1.3 (0.8.10.3)" 11220',
    '46.4.66.76 - - [17/May/2015:08:05:45 +0000] "GET /downloads/product_1 HTTP/1.1" 404 318 "-" "Debian APT-HTTP/1.3 (1.0.1ubuntu2)" 16302',
    '::1 - - [29/Nov/2018:15:03:51 +0000] "GET / HTTP/1.1" 404 19 "-" "curl/7.62.0" 10 "backend not found" "/" 0ms',
]


def test_an_access_logs_errors_are_grouped_by_their_request(index, tmp_path):
    """A server's access line with an error status was grouped under the whole line masked, which
    named neither its request nor its status ("<n> - - [] '…' <n> <n> '…' '…' <n>"): a 503 on
    POST /orderstatus and a 401 on GET /login were one group. They are grouped by request."""
    report = scanned(index, tmp_path, "access.log", _ACCESS_LINES)
    assert other_groups(report) == [
        ("HTTP error: GET /", [5]),
        ("HTTP error: GET /downloads/product_<n>", [3, 4]),
        ("HTTP error: GET /login", [2]),
        ("HTTP error: POST /orderstatus", [1]),
    ]


# A proxy's access line names the host it was asked for (GoogleCloudPlatform/ops-agent@588c4b96
# transformation_test/testdata/logging_processor-varnish/input.log line 1), and an attack probe's
# request holds quotes (log2timeline/plaso@4ea03ef9 test_data/apache_access.log lines 13-14)
_ODD_REQUESTS = [
    '127.0.0.1 - - [02/Mar/2022:15:55:05 +0000] "GET http://localhost:8080/test HTTP/1.1" 404 273 "-" "curl/7.64.0"',
    '1.2.3.4 - - [25/Apr/2021:06:15:33 +0000] "GET /aaaa.xxxx/SomeText?action=edit&template=<script>alert("text")</script> HTTP/1.0" 404 1164',
    '1.2.3.4 - - [25/Apr/2021:06:15:33 +0000] "GET /$%7B("TextString"+"123456")%7D/actionChain1.action HTTP/1.0" 404 1164',
]


def test_a_request_with_its_host_or_with_quotes_still_names_its_group(index, tmp_path):
    """The request was looked for as a path up to the first quote: a proxy's "GET http://..." and
    a request holding quotes were grouped under the whole line masked, naming neither."""
    report = scanned(index, tmp_path, "access.log", _ODD_REQUESTS)
    assert [t for t, _ in other_groups(report)] == [
        "HTTP error: GET /$%7B('…'+'…')%7D/actionChain<n>.action",
        "HTTP error: GET /aaaa.xxxx/SomeText",
        "HTTP error: GET localhost:<n>/test",
    ]


# GoogleCloudPlatform/fluent-plugin-detect-exceptions@09e07e7fe431017a3a3491c544ab994bc86d0676,
# test/plugin/test_exception_detector.rb: its GO_SIGNAL_EXC and GO_HTTP heredocs
_GO_PANICS = [
    "panic: runtime error: invalid memory address or nil pointer dereference",
    "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x7fd34f]",
    "",
    "goroutine 5 [running]:",
    "panics.nilPtrDereference()",
    "\tpanics/panics.go:33 +0x1f",
    "panics.Wait()",
    "\tpanics/panics.go:16 +0x3b",
    "created by main.main",
    "\tserver.go:20 +0x91",
    "2019/01/15 07:48:05 http: panic serving [::1]:54143: test panic",
    "goroutine 24 [running]:",
    "net/http.(*conn).serve.func1(0xc00007eaa0)",
    "\t/usr/local/go/src/net/http/server.go:1746 +0xd0",
    "panic(0x12472a0, 0x12ece10)",
    "\t/usr/local/go/src/runtime/panic.go:513 +0x1b9",
    "main.doPanic(0x12f0ea0, 0xc00010e1c0, 0xc000104400)",
    "\t/Users/ingvar/src/go/src/httppanic.go:8 +0x39",
    "net/http.HandlerFunc.ServeHTTP(0x12be2e8, 0x12f0ea0, 0xc00010e1c0, 0xc000104400)",
    "\t/usr/local/go/src/net/http/server.go:1964 +0x44",
    "net/http.(*ServeMux).ServeHTTP(0x14a17a0, 0x12f0ea0, 0xc00010e1c0, 0xc000104400)",
    "\t/usr/local/go/src/net/http/server.go:2361 +0x127",
    "net/http.serverHandler.ServeHTTP(0xc000085040, 0x12f0ea0, 0xc00010e1c0, 0xc000104400)",
    "\t/usr/local/go/src/net/http/server.go:2741 +0xab",
    "net/http.(*conn).serve(0xc00007eaa0, 0x12f10a0, 0xc00008a780)",
    "\t/usr/local/go/src/net/http/server.go:1847 +0x646",
    "created by net/http.(*Server).Serve",
    "\t/usr/local/go/src/net/http/server.go:2851 +0x2f5",
]


def test_go_panics_are_one_error_each(index, tmp_path):
    """Go's runtime writes "[signal SIGSEGV: ...]" after a panic's message: it was an error of its
    own; net/http logs a handler's recovered panic as "http: panic serving ...", which was none."""
    report = scanned(index, tmp_path, "go.log", _GO_PANICS)
    assert other_groups(report) == [
        ("http: panic serving [::<n>]:<n>: test panic", [11]),
        ("panic: runtime error: invalid memory address or nil pointer dereference", [1]),
    ]


# bensadeh/tailspin@44dc04add31afcc8643e78b65f9d89fb159e6fa9, tests/files/e2e.log lines 9-11
_AFTER_A_PLAIN_LINE = [
    "peer 2001:db8::ff00:42:8329 handshake ok",
    "java.io.IOException: pipe closed",
    "        at com.example.EmailService.send(EmailService.kt:171)",
]


def test_an_exception_after_a_line_with_no_level_is_its_own_error(index, tmp_path):
    """Java's exception continues the logged line before it ("ERROR send failed" then
    "java.io.IOException: ..."), but a line with no level is no such entry: "peer ... handshake
    ok" took the IOException after it, and the report named the harmless line."""
    report = scanned(index, tmp_path, "mixed.log", _AFTER_A_PLAIN_LINE)
    assert other_groups(report) == [("java.io.IOException: pipe closed", [2])]


# GoogleCloudPlatform/fluent-plugin-detect-exceptions@09e07e7fe431017a3a3491c544ab994bc86d0676,
# test/plugin/test_exception_detector.rb: its DART_ERR, DART_EXC, DART_ASYNC_ERR,
# DART_DIVIDE_BY_ZERO_ERR and DART_ARGUMENT_ERR heredocs, as a Dart VM's stderr holds them
_DART_CRASHES = [
    "Unhandled exception:",
    "Instance of 'MyError'",
    "#0      main.<anonymous closure> (file:///path/to/code/dartFile.dart:15:20)",
    "#1      printError (file:///path/to/code/dartFile.dart:37:13)",
    "#2      main (file:///path/to/code/dartFile.dart:15:3)",
    "#3      _startIsolate.<anonymous closure> (dart:isolate-patch/isolate_patch.dart:265)",
    "#4      _RawReceivePortImpl._handleMessage (dart:isolate-patch/isolate_patch.dart:151)",
    "Unhandled exception:",
    "Exception: exception message",
    "#0      main.<anonymous closure> (file:///path/to/code/dartFile.dart:17:20)",
    "#1      printError (file:///path/to/code/dartFile.dart:37:13)",
    "#2      main (file:///path/to/code/dartFile.dart:17:3)",
    "#3      _startIsolate.<anonymous closure> (dart:isolate-patch/isolate_patch.dart:265)",
    "#4      _RawReceivePortImpl._handleMessage (dart:isolate-patch/isolate_patch.dart:151)",
    "Unhandled exception:",
    "Bad state: oops",
    "#0      handleFailure (file:///test/example/http/handling_an_httprequest_error.dart:16:3)",
    "#1      main (file:///test/example/http/handling_an_httprequest_error.dart:24:5)",
    "<asynchronous suspension>",
    "#2      _startIsolate.<anonymous closure> (dart:isolate-patch/isolate_patch.dart:265)",
    "#3      _RawReceivePortImpl._handleMessage (dart:isolate-patch/isolate_patch.dart:151)",
    "Unhandled exception:",
    "IntegerDivisionByZeroException",
    "#0      main.<anonymous closure> (file:///path/to/code/dartFile.dart:27:20)",
    "#1      printError (file:///path/to/code/dartFile.dart:42:13)",
    "#2      main (file:///path/to/code/dartFile.dart:27:3)",
    "#3      _startIsolate.<anonymous closure> (dart:isolate-patch/isolate_patch.dart:265)",
    "#4      _RawReceivePortImpl._handleMessage (dart:isolate-patch/isolate_patch.dart:151)",
    "Unhandled exception:",
    "Invalid argument(s): invalid argument",
    "#0      main.<anonymous closure> (file:///path/to/code/dartFile.dart:23:20)",
    "#1      printError (file:///path/to/code/dartFile.dart:42:13)",
    "#2      main (file:///path/to/code/dartFile.dart:23:3)",
    "#3      _startIsolate.<anonymous closure> (dart:isolate-patch/isolate_patch.dart:265)",
    "#4      _RawReceivePortImpl._handleMessage (dart:isolate-patch/isolate_patch.dart:151)",
]


@pytest.mark.parametrize("engine", ["hyperscan", "python"])
def test_dart_crashes_are_named_by_what_was_thrown(index, tmp_path, use_engine, engine):
    """Dart writes "Unhandled exception:" and, on the next line, what was thrown: the five crashes
    were one group, "Unhandled exception:", and some thrown lines errors of their own."""
    use_engine(engine)
    report = scanned(index, tmp_path, "dart.log", _DART_CRASHES)
    assert other_groups(report) == [
        ("Unhandled exception: Bad state: oops", [15]),
        ("Unhandled exception: Exception: exception message", [8]),
        ("Unhandled exception: Instance of '…'", [1]),
        ("Unhandled exception: IntegerDivisionByZeroException", [22]),
        ("Unhandled exception: Invalid argument(s): invalid argument", [29]),
    ]


# Rails's FATAL blocks, as public `heroku logs` and production.log excerpts print them: Rails 5
# logs each line of an exception under Ruby's Logger head and the request's tag (found with the
# search tools: a repo's notes quoting `heroku logs`, the block of 2021-06-17; a Ruby log parser's
# comment, the block of 2021-12-04), Rails 6 its first line so and the rest after the tag alone
# (a write-up on lograge, the block of 2019-12-11). Lines as printed there.
_RAILS_FATAL = [
    "2021-06-17T22:55:15.480963+00:00 app[web.1]: I, [2021-06-17T22:55:15.480876 #4]  INFO -- : [3d1855e6-688c-4d33-92b3-c43714059c8f] Processing by QuizesController#start as HTML",
    "2021-06-17T22:55:15.481622+00:00 app[web.1]: F, [2021-06-17T22:55:15.481534 #4] FATAL -- : [3d1855e6-688c-4d33-92b3-c43714059c8f]",
    "2021-06-17T22:55:15.481726+00:00 app[web.1]: F, [2021-06-17T22:55:15.481645 #4] FATAL -- : [3d1855e6-688c-4d33-92b3-c43714059c8f] NoMethodError (undefined method `[]' for nil:NilClass):",
    "2021-06-17T22:55:15.481819+00:00 app[web.1]: F, [2021-06-17T22:55:15.481736 #4] FATAL -- : [3d1855e6-688c-4d33-92b3-c43714059c8f]",
    "2021-06-17T22:55:15.481912+00:00 app[web.1]: F, [2021-06-17T22:55:15.481840 #4] FATAL -- : [3d1855e6-688c-4d33-92b3-c43714059c8f] app/controllers/quizes_controller.rb:64:in `start'",
    "2021-06-17T22:55:47.468303+00:00 heroku[web.1]: Restarting",
    "F, [2021-12-04T00:34:05.838973 #2735058] FATAL -- : [3a16162e-a6a5-435e-a9d8-c4df5dc0f728]   ",
    'F, [2021-12-04T00:34:05.839157 #2735058] FATAL -- : [3a16162e-a6a5-435e-a9d8-c4df5dc0f728] ActionController::RoutingError (No route matches [GET] "/wp/wp-includes/wlwmanifest.xml"):',
    "F, [2021-12-04T00:34:05.839209 #2735058] FATAL -- : [3a16162e-a6a5-435e-a9d8-c4df5dc0f728]   ",
    "F, [2021-12-04T00:34:05.839269 #2735058] FATAL -- : [3a16162e-a6a5-435e-a9d8-c4df5dc0f728] actionpack (5.2.4.4) lib/action_dispatch/middleware/debug_exceptions.rb:65:in `call'",
    "F, [2019-12-11T08:21:24.470738 #6653] FATAL -- : [b7d1e681-c943-4663-9c2a-a70fbff9d00d]",
    "[b7d1e681-c943-4663-9c2a-a70fbff9d00d] ActiveRecord::RecordNotFound (Couldn't find User with 'id'=2):",
    "[b7d1e681-c943-4663-9c2a-a70fbff9d00d]",
    "[b7d1e681-c943-4663-9c2a-a70fbff9d00d] app/controllers/users_controller.rb:67:in `set_user'",
]


@pytest.mark.parametrize("engine", ["hyperscan", "python"])
def test_a_rails_fatal_block_is_one_error_named_by_its_exception(index, tmp_path, use_engine, engine):
    """Each line of a Rails FATAL block was an error of its own (one failure counted up to four
    times), and its first, empty line's group named nothing."""
    use_engine(engine)
    report = scanned(index, tmp_path, "production.log", _RAILS_FATAL)
    assert report.other_count == 3
    assert other_groups(report) == [
        ("FATAL -- : [<id>] ActionController::RoutingError (No route matches [GET] '…'):", [7]),
        # named by its third line, read without the dyno logplex said again on each line after the first
        ("FATAL -- : [<id>] NoMethodError (undefined method `[]' for nil:NilClass):", [2]),
        ("[<id>] ActiveRecord::RecordNotFound (Couldn't find User with '…'=<n>):", [11]),
    ]


# Ruby's semantic_logger prints an entry's exception unindented on the next line, its frames
# indented below (humanlogio/humanlog@15d733f test/benchmark/ruby-semantic-logger/
# sample-semantic-logger-text.log.gz, lines 4-9, the entry's JSON cut)
_SEMANTIC_LOGGER = [
    '[2024-11-15 19:23:43.075] INFO  OrderProcessor -- Request processed successfully {{"duration_ms":235,"status":200}}',
    '[2024-11-15 19:23:44.076] ERROR [http] BackgroundWorker -- Operation failed {{"attempt":1,"error_code":"ERR_26"}}',
    "RuntimeError: Failed to process request",
    "  BackgroundWorker:123:in `process_request'",
    "  lib/processor.rb:45:in `handle_request'",
    "  lib/server.rb:67:in `process'",
]


@pytest.mark.parametrize("engine", ["hyperscan", "python"])
def test_a_ruby_exception_after_its_entry_is_part_of_it(index, tmp_path, use_engine, engine):
    """ "RuntimeError: ..." after a levelled entry was an error of its own: each failure counted twice."""
    use_engine(engine)
    report = scanned(index, tmp_path, "semantic.log", _SEMANTIC_LOGGER)
    assert report.other_count == 1
    assert [places for _, places in other_groups(report)] == [[2]]


# Heroku's router names each error by its code (public `heroku logs` excerpts: H10 from a Q&A
# (sweep5's reproducer), H12 from a repo's comment of 2021-11-04)
_HEROKU_ROUTER = [
    '2015-09-15T04:43:28.125141+00:00 heroku[router]: at=error code=H10 desc="App crashed" method=GET path="/" host=jobfinder-mockup.herokuapp.com request_id=8e213b09-abcd-426d-93c3-7e75fb8de41c fwd="98.234.178.92" dyno= connect= service= status=503 bytes=',
    '2021-11-04T21:09:45.195018+00:00 heroku[router]: at=error code=H12 desc="Request timeout" method=GET path="/app" host=gabby-mill-shortener.herokuapp.com request_id=c01bb5b7-5df4-4d9e-a36f-d8faa3f0d41c fwd="109.65.0.215" dyno=web.1 connect=0ms service=30000ms status=503 bytes=0 protocol=https',
]


def test_a_heroku_router_error_keeps_its_code_in_its_group_text(index, tmp_path):
    """``code=H10`` (App crashed) and ``code=H12`` (Request timeout) were both ``code=H<n>``."""
    report = scanned(index, tmp_path, "heroku.log", _HEROKU_ROUTER)
    texts = [text for text, _ in other_groups(report)]
    assert [t[: t.index(" desc")] for t in texts] == ["heroku[router]: at=error code=H10", "heroku[router]: at=error code=H12"]


# Heroku's logplex stamps each line a program writes with its time and source and takes its leading whitespace off:
# a Node crash (a `heroku logs` capture, stored public file id 35036424834, its lines 3-38) and an error object a Node
# app printed (github.com/coding-to-music/next-images-portfolio-blog, README.md's second log block, its last 25 lines)
_HEROKU_NODE_CRASH = [
    "2020-04-13T15:27:28.300428+00:00 heroku[web.1]: State changed from crashed to starting",
    "2020-04-13T15:27:34.173148+00:00 heroku[web.1]: State changed from starting to crashed",
    "2020-04-13T15:27:33.979959+00:00 app[web.1]: ",
    "2020-04-13T15:27:33.979981+00:00 app[web.1]: > server@1.0.0 start /app",
    "2020-04-13T15:27:33.979981+00:00 app[web.1]: > node server.js",
    "2020-04-13T15:27:33.979981+00:00 app[web.1]:",
    "2020-04-13T15:27:34.040162+00:00 app[web.1]: internal/modules/cjs/loader.js:985",
    "2020-04-13T15:27:34.040163+00:00 app[web.1]: throw err;",
    "2020-04-13T15:27:34.040164+00:00 app[web.1]: ^",
    "2020-04-13T15:27:34.040164+00:00 app[web.1]:",
    "2020-04-13T15:27:34.040164+00:00 app[web.1]: Error: Cannot find module '/app/server.js'",
    "2020-04-13T15:27:34.040165+00:00 app[web.1]: at Function.Module._resolveFilename (internal/modules/cjs/loader.js:982:15)",
    "2020-04-13T15:27:34.040166+00:00 app[web.1]: at Function.Module._load (internal/modules/cjs/loader.js:864:27)",
    "2020-04-13T15:27:34.040166+00:00 app[web.1]: at Function.executeUserEntryPoint [as runMain] (internal/modules/run_main.js:74:12)",
    "2020-04-13T15:27:34.040166+00:00 app[web.1]: at internal/main/run_main_module.js:18:47 {",
    "2020-04-13T15:27:34.040167+00:00 app[web.1]: code: 'MODULE_NOT_FOUND',",
    "2020-04-13T15:27:34.040167+00:00 app[web.1]: requireStack: []",
    "2020-04-13T15:27:34.040168+00:00 app[web.1]: }",
    "2020-04-13T15:27:34.056174+00:00 app[web.1]: npm ERR! code ELIFECYCLE",
    "2020-04-13T15:27:34.056449+00:00 app[web.1]: npm ERR! errno 1",
    "2020-04-13T15:27:34.057507+00:00 app[web.1]: npm ERR! server@1.0.0 start: `node server.js`",
    "2020-04-13T15:27:34.057661+00:00 app[web.1]: npm ERR! Exit status 1",
    "2020-04-13T15:27:34.057829+00:00 app[web.1]: npm ERR!",
    "2020-04-13T15:27:34.057967+00:00 app[web.1]: npm ERR! Failed at the server@1.0.0 start script.",
    "2020-04-13T15:27:34.058132+00:00 app[web.1]: npm ERR! This is probably not a problem with npm. There is likely additional logging output above.",
    "2020-04-13T15:27:34.064308+00:00 app[web.1]:",
    "2020-04-13T15:27:34.064437+00:00 app[web.1]: npm ERR! A complete log of this run can be found in:",
    "2020-04-13T15:27:34.064509+00:00 app[web.1]: npm ERR!     /app/.npm/_logs/2020-04-13T15_27_34_058Z-debug.log",
    '2020-04-13T15:30:48.638289+00:00 heroku[router]: at=error code=H10 desc="App crashed" method=GET path="/" host=city-explore-yc.herokuapp.com request_id=c3d39054-0f52-4477-9378-9ece50595e15 fwd="63.152.38.255" dyno= connect= service= status=503 bytes= protocol=https',
]
_HEROKU_NODE_OBJECT = [
    '2022-04-18T02:04:39.284090+00:00 heroku[router]: at=error code=H12 desc="Request timeout" method=GET path="/api/views/Faceting%20charts%20with%20visx%20and%20CSS%20grid" host=next-images-portfolio-blog.herokuapp.com request_id=14dd3f9d-aec4-4b2a-92fb-7e94fb1c2c5d fwd="209.6.143.60" dyno=web.1 connect=0ms service=30000ms status=503 bytes=0 protocol=https',
    "2022-04-18T02:04:39.523398+00:00 app[web.1]: [Unauthorized: unauthorized] {",
    "2022-04-18T02:04:39.523405+00:00 app[web.1]: description: 'Unauthorized',",
    "2022-04-18T02:04:39.523406+00:00 app[web.1]: requestResult: RequestResult {",
    "2022-04-18T02:04:39.523406+00:00 app[web.1]: method: 'POST',",
    "2022-04-18T02:04:39.523407+00:00 app[web.1]: path: '',",
    "2022-04-18T02:04:39.523407+00:00 app[web.1]: query: null,",
    '2022-04-18T02:04:39.523409+00:00 app[web.1]: requestRaw: \'{"exists":{"match":{"index":"posts_by_title"},"terms":"Faceting charts with visx and CSS grid"}}\',',
    "2022-04-18T02:04:39.523409+00:00 app[web.1]: requestContent: Expr { raw: [Object] },",
    '2022-04-18T02:04:39.523410+00:00 app[web.1]: responseRaw: \'{"errors":[{"code":"unauthorized","description":"Unauthorized"}]}\',',
    "2022-04-18T02:04:39.523410+00:00 app[web.1]: responseContent: { errors: [Array] },",
    "2022-04-18T02:04:39.523411+00:00 app[web.1]: statusCode: 401,",
    "2022-04-18T02:04:39.523411+00:00 app[web.1]: responseHeaders: [Object: null prototype] {",
    "2022-04-18T02:04:39.523411+00:00 app[web.1]: ':status': 401,",
    "2022-04-18T02:04:39.523412+00:00 app[web.1]: 'www-authenticate': 'Basic realm=\"Unauthorized\"',",
    "2022-04-18T02:04:39.523413+00:00 app[web.1]: 'x-txn-time': '1650247479439184',",
    "2022-04-18T02:04:39.523413+00:00 app[web.1]: 'x-faunadb-build': '220408.175747-544a98c',",
    "2022-04-18T02:04:39.523413+00:00 app[web.1]: 'content-length': '65',",
    "2022-04-18T02:04:39.523413+00:00 app[web.1]: 'content-type': 'application/json;charset=utf-8',",
    "2022-04-18T02:04:39.523414+00:00 app[web.1]: [Symbol(nodejs.http2.sensitiveHeaders)]: []",
    "2022-04-18T02:04:39.523414+00:00 app[web.1]: },",
    "2022-04-18T02:04:39.523414+00:00 app[web.1]: startTime: 1650247479507,",
    "2022-04-18T02:04:39.523415+00:00 app[web.1]: endTime: 1650247479522",
    "2022-04-18T02:04:39.523415+00:00 app[web.1]: }",
]


def _errors_at(index, tmp_path, lines: list[str]) -> list[int]:
    """The first lines of the error records a scan of ``lines`` reports, vendor's or not."""
    report = scanned(index, tmp_path, "heroku.log", lines)
    groups = [*report.other.values(), *report.unmatched.values()]
    return sorted(p.line for g in groups for p in g.places)


@pytest.mark.parametrize("engine", ["hyperscan", "python"])
def test_a_heroku_node_crash_is_one_error_and_npms_block_another(index, tmp_path, use_engine, engine):
    """Each frame, each line of the error's object and each "npm ERR!" line was an error of its own: 10 for one crash."""
    use_engine(engine)
    assert _errors_at(index, tmp_path, _HEROKU_NODE_CRASH) == [11, 19, 29]


@pytest.mark.parametrize("engine", ["hyperscan", "python"])
def test_an_object_node_printed_under_heroku_is_one_record(index, tmp_path, use_engine, engine):
    """Its "statusCode: 401," and "':status': 401," lines were two errors, its first line none; it is named by the
    error its responseRaw holds (FaunaDB's errors list of a code and a description, read since explain34), not by
    the source and dyno logplex wrote before each line."""
    use_engine(engine)
    assert _errors_at(index, tmp_path, _HEROKU_NODE_OBJECT) == [1, 2]
    report = scanned(index, tmp_path, "heroku.log", _HEROKU_NODE_OBJECT)
    [(_, status, text)] = report.unmatched
    assert status == 401 and text == "unauthorized: Unauthorized"


def test_a_heroku_line_of_another_dyno_is_never_joined():
    """The crash's error with its frames and object is one record; the same lines said by another dyno are not its."""
    crash = _HEROKU_NODE_CRASH[10:18]
    spans = [(r.line, r.end_line) for r in Finder().records([("\n".join(crash) + "\n").encode()])]
    assert spans == [(1, 8)]
    other_dyno = [crash[0], *(line.replace("app[web.1]", "app[web.2]") for line in crash[1:])]
    spans = [(r.line, r.end_line) for r in Finder().records([("\n".join(other_dyno) + "\n").encode()])]
    assert spans[0] == (1, 1)


def test_a_brace_inside_a_heroku_message_does_not_swallow_the_next_errors():
    """A brace inside a message (V8's "Unexpected token { in JSON") opened a body that every line of the same dyno
    within a second went on with, up to 5,000 lines: the next two errors were no records of their own (review11).
    An object Node printed opens its brace at the line's end (_HEROKU_NODE_OBJECT is still one record)."""
    said = [
        "Error: Unexpected token { in JSON at position 0",
        "GET /api/orders 200 12.345 ms - 1024",
        "Error: connect ECONNREFUSED 127.0.0.1:5432",
        "GET /api/orders 200 10.101 ms - 1024",
        "Error: Request failed with status code 502",
    ]
    lines = [f"2020-04-13T15:27:34.{40162 + k:06d}+00:00 app[web.1]: {text}" for k, text in enumerate(said)]
    spans = [(r.line, r.end_line) for r in Finder().records([("\n".join(lines) + "\n").encode()])]
    assert spans == [(1, 1), (3, 3), (5, 5)]
    spans = [(r.line, r.end_line) for r in Finder().records([("\n".join(_HEROKU_NODE_OBJECT) + "\n").encode()])]
    assert spans[1:] == [(2, len(_HEROKU_NODE_OBJECT))]


def test_an_object_left_open_under_heroku_takes_only_the_lines_written_with_it():
    """An object's lines are one write, stamped microseconds apart; a line ending in "{" with no object below went on
    with every line of its dyno written within a second of the last, up to 5,000 lines, and the errors among them were
    no records of their own (review11)."""
    said = ["payment failed {", "Error: connect ECONNREFUSED 127.0.0.1:5432", "Error: Request failed with status code 502"]
    lines = [f"2020-04-13T15:27:34.{100000 * k:06d}+00:00 app[web.1]: {text}" for k, text in enumerate(said)]
    spans = [(r.line, r.end_line) for r in Finder().records([("\n".join(lines) + "\n").encode()])]
    assert spans == [(1, 1), (2, 2), (3, 3)]


# a Heroku capture of a mongoose CastError (a public repository's comment: find_string id 4590812540), the frame before
# the error's own fields in the parenthesised form Node writes ("at f (file:l:c) {")
_HEROKU_CAST_ERROR = [
    '2021-09-05T12:48:34.497311+00:00 app[web.1]: CastError: Cast to ObjectId failed for value "6" (type string) at path "_id" for model "Product"',
    "2021-09-05T12:48:34.497319+00:00 app[web.1]:     at model.Query.exec (/app/node_modules/mongoose/lib/query.js:4540:21)",
    "2021-09-05T12:48:34.497319+00:00 app[web.1]:     at model.Query.Query.then (/app/node_modules/mongoose/lib/query.js:4639:15)",
    "2021-09-05T12:48:34.497320+00:00 app[web.1]:     at processTicksAndRejections (internal/process/task_queues.js:95:5) {",
    "2021-09-05T12:48:34.497321+00:00 app[web.1]:   messageFormat: undefined,",
    "2021-09-05T12:48:34.497321+00:00 app[web.1]:   stringValue: '\"6\"',",
    "2021-09-05T12:48:34.497321+00:00 app[web.1]:   kind: 'ObjectId',",
    "2021-09-05T12:48:34.497322+00:00 app[web.1]:   value: '6',",
    "2021-09-05T12:48:34.497322+00:00 app[web.1]:   path: '_id',",
    "2021-09-05T12:48:34.497323+00:00 app[web.1]:   reason: TypeError: Argument passed in must be a Buffer or string of 12 bytes or a string of 24 hex characters",
]


@pytest.mark.parametrize("indented", [True, False], ids=["as-written", "indentation-taken-off"])
def test_a_node_errors_fields_after_a_parenthesised_frame_are_its_record_under_heroku(indented):
    """Node writes an error's own fields after its last frame's brace; a line ending ") {" was read as a block of code,
    so where logplex took the indentation off, the fields were no body of the record: "reason: TypeError: ..." was an
    error of its own, and an axios error's fields holding a vendor's body another record (integ18)."""
    lines = _HEROKU_CAST_ERROR if indented else [re.sub(r"(app\[web\.1\]:) +", r"\1 ", line) for line in _HEROKU_CAST_ERROR]
    spans = [(r.line, r.end_line) for r in Finder().records([("\n".join(lines) + "\n").encode()])]
    assert spans == [(1, len(lines))]


def test_herokus_own_lines_are_counted_by_their_shapes_not_grouped(index, tmp_path, monkeypatch):
    """Every needle line of a logplex log was grouped (the marks see no text after a source), which doubled the CPU of a
    router log's scan; Heroku's own sources write an event a line, so only an app's lines need it (review11). The
    report is the same: the router's errors, and the app's crash as one record. Logplex lines are marked as any
    stamped line (group28): the router's last line is grouped too, as the crash's first line may go on with it."""
    import errcat.scan.records as records

    grouped: list[int] = []

    def group(buf, head, target, *rest):
        grouped.append(target)
        return real(buf, head, target, *rest)

    real = records._group
    monkeypatch.setattr(records, "_group", group)
    router = _HEROKU_NODE_CRASH[-1]
    lines = [router.replace("15:30:48.638289", f"15:30:{k:02d}.638289") for k in range(40)] + _HEROKU_NODE_CRASH[10:18]
    report = scanned(index, tmp_path, "heroku.log", lines)
    assert len(grouped) == 2
    assert sorted((g.count, [p.line for p in g.places][:1]) for g in report.other.values()) == [(1, [41]), (40, [1])]


def test_a_java_causes_message_is_the_same_wherever_a_read_ends():
    """Its lines are looked ahead for a frame; where what had been read ended before one, the message ended there, and
    git's "stderr: error: ...", "error: ..." and "fatal: ..." lines were three more errors (review11)."""
    data = ("\n".join(_JENKINS_CAUSE) + "\n").encode()
    whole = [(r.line, r.end_line) for r in Finder().records([data])]
    cause = data.index(b"Caused by: ")
    frame = data.index(b"\tat ", cause)
    for cut in range(cause, frame + 1):
        assert [(r.line, r.end_line) for r in Finder().records([data[:cut], data[cut:]])] == whole, cut


# Elixir's crash report puts the exception on the line after its "[error]" line, unindented (a LiveView crash quoted
# in a repository's README, stored public file id 45588306306, its "Details" block, lines 18-27, the State line, which
# holds a signed session, left out; then lines 29-36)
_ELIXIR_CRASH = [
    "[info] Sent 200 in 293µs",
    "[error] GenServer #PID<0.498.0> terminating",
    '** (RuntimeError) cannot invoke handle_params/3 for RedirectWeb.LoginLive because RedirectWeb.LoginLive was not mounted at the router with the live/3 macro under URL "http://localhost:4000/protected"',
    "    (phoenix_live_view) lib/phoenix_live_view/channel.ex:207: Phoenix.LiveView.Channel.maybe_call_mount_handle_params/4",
    "    (phoenix_live_view) lib/phoenix_live_view/channel.ex:625: Phoenix.LiveView.Channel.verified_mount/4",
    "    (phoenix_live_view) lib/phoenix_live_view/channel.ex:34: Phoenix.LiveView.Channel.handle_info/2",
    "    (stdlib) gen_server.erl:637: :gen_server.try_dispatch/4",
    "    (stdlib) gen_server.erl:711: :gen_server.handle_msg/6",
    "    (stdlib) proc_lib.erl:249: :proc_lib.init_p_do_apply/3",
    "Last message: {:mount, Phoenix.LiveView.Channel}",
    "[error] an exception was raised:",
    '    ** (RuntimeError) cannot invoke handle_params/3 for RedirectWeb.LoginLive because RedirectWeb.LoginLive was not mounted at the router with the live/3 macro under URL "http://localhost:4000/protected"',
    "        (phoenix_live_view) lib/phoenix_live_view/channel.ex:207: Phoenix.LiveView.Channel.maybe_call_mount_handle_params/4",
    "        (stdlib) proc_lib.erl:249: :proc_lib.init_p_do_apply/3",
    "[info] GET /protected",
]


def test_elixirs_exception_under_its_crash_report_is_part_of_it(index, tmp_path):
    """The "** (RuntimeError) ..." line, its frames and "Last message:" were a record apart from their "[error]" line,
    and every crash was named "[error] GenServer #PID<<n>> terminating" or "[error] an exception was raised:" alike."""
    records = Finder().records([("\n".join(_ELIXIR_CRASH) + "\n").encode()])
    assert [(r.line, r.end_line) for r in records] == [(2, 10), (11, 14)]
    raised = " ** (RuntimeError) cannot invoke handle_params/<n> for RedirectWeb.LoginLive because"
    groups = other_groups(scanned(index, tmp_path, "dev.log", _ELIXIR_CRASH))
    assert [(text.split(raised)[0], places) for text, places in groups if raised in text] == [
        ("[error] GenServer #PID<<n>> terminating", [2]),
        ("[error] an exception was raised:", [11]),
    ]


# A Jenkins console log: a Java cause whose message runs over several lines before its frames (git's output after
# "returned status code 128:"; stored public file id 26987774001, its lines as there, 30 of its 44 frames left out)
_JENKINS_CAUSE = [
    "[Pipeline] checkout",
    "The recommended git tool is: NONE",
    "using credential id-rsa-gitlab-cee",
    "Fetching changes from the remote Git repository",
    "Cleaning workspace",
    "ERROR: Error fetching remote repo 'source'",
    "hudson.plugins.git.GitException: Failed to fetch from git@gitlab.cee.redhat.com:software-supply-chain-documentation/rhtap.git",
    "\tat hudson.plugins.git.GitSCM.fetchFrom(GitSCM.java:999)",
    "\tat hudson.plugins.git.GitSCM.retrieveChanges(GitSCM.java:1241)",
    "\tat hudson.plugins.git.GitSCM.checkout(GitSCM.java:1305)",
    "\tat org.jenkinsci.plugins.workflow.steps.scm.SCMStep.checkout(SCMStep.java:129)",
    "\tat java.base/java.lang.Thread.run(Thread.java:840)",
    'Caused by: hudson.plugins.git.GitException: Command "git reset --hard" returned status code 128:',
    "stdout: ",
    "stderr: error: unable to create symlink docs/modules/release-notes/cxf-parts/index.adoc: No such file or directory",
    "error: unable to create symlink docs/modules/release-notes/cxf-parts/ref-camel-quarkus-cxf-rn.adoc: No such file or directory",
    "fatal: Could not reset index file to revision 'HEAD'.",
    "",
    "\tat org.jenkinsci.plugins.gitclient.CliGitAPIImpl.launchCommandIn(CliGitAPIImpl.java:2842)",
    "\tat org.jenkinsci.plugins.gitclient.CliGitAPIImpl.reset(CliGitAPIImpl.java:705)",
    "\tat hudson.remoting.InterceptingExecutorService.lambda$wrap$0(InterceptingExecutorService.java:78)",
    "\t... 4 more",
    "\tSuppressed: hudson.remoting.Channel$CallSiteStackTrace: Remote call to docker01",
    "\t\tat hudson.remoting.Channel.attachCallSiteStackTrace(Channel.java:1787)",
    "\t\tat hudson.remoting.Channel.call(Channel.java:1003)",
    "\t\t... 4 more",
    "[Pipeline] }",
    "[Pipeline] // dir",
    "[Pipeline] addGitLabMRComment",
    "[Pipeline] }",
    "[Pipeline] // stage",
    "[Pipeline] }",
    "[Pipeline] // node",
    "[Pipeline] }",
    "[Pipeline] // timeout",
    "[Pipeline] End of Pipeline",
    "ERROR: Error fetching remote repo 'source'",
    "Finished: FAILURE",
]


@pytest.mark.parametrize("engine", ["hyperscan", "python"])
def test_a_java_causes_message_over_several_lines_is_part_of_its_trace(index, tmp_path, use_engine, engine):
    """git's "stderr: error: ...", "error: ..." and "fatal: ..." lines in the cause's message were three more errors. The
    error with its trace is named by the exception it threw, the same message repeated bare at the end stands alone."""
    use_engine(engine)
    report = scanned(index, tmp_path, "console.log", _JENKINS_CAUSE)
    assert other_groups(report) == [
        ("ERROR: Error fetching remote repo '…'", [37]),
        (
            "ERROR: Error fetching remote repo '…' hudson.plugins.git.GitException: Failed to fetch from "
            "<email>:software-supply-chain-documentation/rhtap.git",
            [6],
        ),
    ]


# logback's "%d [%thread] %-5level %logger - %msg" (humanlogio/humanlog@15d733f
# test/benchmark/java-logback/sample-logback-text.log.gz, three of its entries)
_LOGBACK_THREADS = [
    "18:43:37.599 [background-processor-1] ERROR o.e.repository.ProductRepository - Failed to process request",
    "java.lang.RuntimeException: Unexpected error occurred",
    "18:43:39.407 [async-task-executor-1] ERROR o.e.repository.ProductRepository - Failed to process request",
    "java.lang.RuntimeException: Unexpected error occurred",
    "18:43:57.173 [main] ERROR o.e.repository.ProductRepository - Failed to process request",
    "java.lang.RuntimeException: Unexpected error occurred",
]


def test_a_thread_name_does_not_split_an_error_into_groups(index, tmp_path):
    """One error logged by three threads was three groups (the file: 50 groups for 10 errors)."""
    report = scanned(index, tmp_path, "logback.log", _LOGBACK_THREADS)
    name = (
        "ERROR o.e.repository.ProductRepository - Failed to process request java.lang.RuntimeException: Unexpected error occurred"
    )
    assert other_groups(report) == [(name, [1, 3, 5])]


# a log of pretty-printed JSON objects (pamburus/hl@6164b42a src/index/testdata/pretty_json.log, whole)
_PRETTY_JSON_LOG = [
    "{",
    '  "timestamp": "2024-01-01T00:00:02Z",',
    '  "level": "error",',
    '  "message": "third"',
    "}",
    "{",
    '  "timestamp": "2024-01-01T00:00:00Z",',
    '  "level": "info",',
    '  "message": "first"',
    "}",
    "{",
    '  "timestamp": "2024-01-01T00:00:01Z",',
    '  "level": "warn",',
    '  "message": "second"',
    "}",
]


@pytest.mark.parametrize("engine", ["hyperscan", "python"])
def test_pretty_printed_json_log_records_are_read_by_their_level(index, tmp_path, use_engine, engine):
    """Each object's first line, "{", was all a record said: no level, so its errors were missed."""
    use_engine(engine)
    report = scanned(index, tmp_path, "pretty.log", _PRETTY_JSON_LOG)
    assert other_groups(report) == [("second", [11]), ("third", [1])]
    assert report.not_errors == 0  # the info object holds no needle: never read


# Azure Application Gateway's access log: the request and its status one object down, under
# "properties" (log2timeline/plaso@4ea03ef9 test_data/azure_application_gateway_access.json, line 2)
_AZURE_GATEWAY_400 = '{"timeStamp": "2021-10-14T22:17:12+00:00","resourceId": "/SUBSCRIPTIONS/{subscriptionId}/RESOURCEGROUPS/{resourceGroupName}/PROVIDERS/MICROSOFT.NETWORK/APPLICATIONGATEWAYS/{applicationGatewayName}","listenerName": "HTTP-Listener","ruleName": "Storage-Static-Rule","backendPoolName": "StaticStorageAccount","backendSettingName": "StorageStatic-HTTPS-Setting","operationName": "ApplicationGatewayAccess","category": "ApplicationGatewayAccessLog","properties": {"instanceId": "appgw_2","clientIP": "185.42.129.24","clientPort": 45057,"httpMethod": "GET","originalRequestUriWithArgs": "\\/","requestUri": "\\/","requestQuery": "","userAgent": "Mozilla\\/5.0 (Windows NT 6.1; WOW64) AppleWebKit\\/537.36 (KHTML, like Gecko) Chrome\\/52.0.2743.116 Safari\\/537.36","httpStatus": 400,"httpVersion": "HTTP\\/1.1","receivedBytes": 184,"sentBytes": 466,"clientResponseTime": 0,"timeTaken": 0.034,"WAFEvaluationTime": "0.000","WAFMode": "Detection","transactionId": "592d1649f75a8d480a3c4dc6a975309d","sslEnabled": "on","sslCipher": "ECDHE-RSA-AES256-GCM-SHA384","sslProtocol": "TLSv1.2","sslClientVerify": "NONE","sslClientCertificateFingerprint": "","sslClientCertificateIssuerName": "","serverRouted": "52.239.221.65:443","serverStatus": "200","serverResponseLatency": "0.028","originalHost": "20.110.30.194","host": "20.110.30.194"}}'


def test_an_access_log_line_under_properties_is_no_vendor_error(index, tmp_path):
    """The gateway's own record of what it served was "unknown vendor HTTP 400"."""
    report = scanned(index, tmp_path, "appgw.json", ["", _AZURE_GATEWAY_400])
    assert (report.matched_count, report.unmatched_count, report.other_count) == (0, 0, 1)
    assert other_groups(report) == [("HTTP 400 GET /", [2])]


# Siemens WinCC's system log, UTF-16 little-endian without a byte-order mark, CRLF
# (log2timeline/plaso@4ea03ef9 test_data/wincc_sys.log, lines 1-2 and 743-744)
_WINCC_SYS = [
    "2303,27.05.2019,10:09:04:540,1012301,4,,BMS001,CCWriteArchiveServer,[(null),224]failed to insert into MSARCLONG with 0x80004005(#0,'2019-05-27 08:09:04.101'),MSG_STATE_COME",
    "2303,27.05.2019,10:09:13:592,1012301,4,,BMS001,CCWriteArchiveServer,[(null),224]failed to insert into MSARCLONG with 0x80004005(#0,'2019-05-27 08:05:27.804'),MSG_STATE_COME",
    "2303,19.08.2019,09:40:57:916,1007001,4,,BMS001,SCRIPT,ExecuteError in Action @28b @SCREEN.@WIN1:@1001.@TOP09:@PX_HMI.VIEW:@PX_HMI_STANDARD BP_START1 (null),MSG_STATE_COME",
    "2303,19.08.2019,09:41:19:822,1007001,4,,BMS001,SCRIPT,ExecuteError in Action @291 @SCREEN.@WIN1:@1001.@TOP09:@PX_HMI.VIEW:@PX_HMI_STANDARD BP_START1 (null),MSG_STATE_COME",
]


@pytest.mark.parametrize("order", ["utf-16-le", "utf-16-be"])
def test_utf16_without_its_byte_order_mark_is_read_as_text(index, tmp_path, order):
    """Such a file was "binary file ..., not a log": none of its errors were read."""
    wide, plain = tmp_path / "wincc_sys.log", tmp_path / "wincc_sys.utf8.log"
    wide.write_bytes("\r\n".join(_WINCC_SYS).encode(order) + "\r\n".encode(order))
    plain.write_bytes("\r\n".join(_WINCC_SYS).encode() + b"\r\n")
    read, expected = (scan(index, [str(p)], ScanOptions(workers=1)) for p in (wide, plain))
    assert expected.other_count > 0
    assert (read.other_count, other_groups(read)) == (expected.other_count, other_groups(expected))


# Akamai DataStream 2's request record, "errorCode": "-" when the request met none
# (DataDog/integrations-extras@57e9d599 akamai_datastream_2/assets/logs/akamai.datastream_tests.yaml,
# its sample on one line, as DataStream writes JSON lines)
_AKAMAI_REQUEST = '{"rspContentLen":"375847","referer":"-","reqPort":"80","country":"FR","reqMethod":"GET","city":"PARIS","reqTimeSec":"1645568187.280","tlsOverheadTimeMSec":"-","errorCode":"-","range":"-","accLang":"-","UA":"Datadog/Synthetics","hostname":"","objSize":"375847","transferTimeMSec":"8","rspContentType":"application/pdf","dnsLookupTimeMSec":"-","overheadBytes":"^","totalBytes":"405330","state":"Ile-de-France","reqEndTimeMSec":"2","reqHost":"ds2-sqa-sanity-venkat-1.akamaized.net","reqPath":"Tiger.pdf","cliIP":"15.188.240.172","cookie":"-","turnAroundTimeMSec":"1","tlsVersion":"-","cacheStatus":"1","cp":"1059344","ewExecutionInfo":"-","version":"4","customField":"15.188.240.172%7eERR_SYNC_DNS_OFF","reqId":"2898b6","maxAgeSec":"86400","ewUsageInfo":"-","service":"akamai","bytes":"376255","proto":"HTTP/1.1","uncompressedSize":"375847","xForwardedFor":"-","statusCode":"200","queryStr":"-"}'


def test_an_error_field_holding_a_dash_is_no_error(index, tmp_path):
    """Every request record was an error: its error field's placeholder "-" read as an error code."""
    report = scanned(index, tmp_path, "datastream.json", [_AKAMAI_REQUEST])
    assert (report.errors, report.not_errors) == (0, 1)


# JFrog Platform's log records, pretty-printed, with its own keys for the level and the time
# (DataDog/integrations-extras@57e9d599 jfrog_platform/assets/logs/jfrog_platform_tests.yaml, two samples)
_JFROG = [
    "{",
    '  "log_timestamp" : "2023-07-21T17:20:36.065Z",',
    '  "service_type" : "jfac",',
    '  "trace_id" : "7fb34bc09bfb7ef0",',
    '  "hostname" : "mahithab-mac",',
    '  "class_line_number" : "o.j.a.s.r.s.RpcLockResource:30",',
    '  "log_source" : "jfrog.rt.access.service",',
    '  "log_level" : "WARN",',
    '  "thread" : "c-default-executor-5",',
    '  "message" : "Lockisbusy"',
    "}",
    "{",
    '  "log_timestamp" : "2023-07-21T17:48:07.184Z",',
    '  "trace_id" : "3330dfb318b5f02c",',
    '  "remote_address " : "127.0.0.1",',
    '  "request_method" : "GET",',
    '  "response_content_length" : 118,',
    '  "request_url" : "/access/api/v1/users/jffe@01h5wq77wad0ns08shpac3112f",',
    '  "request_user_agent" : "JFrog Access Java Client/7.63.4 76304900 Artifactory/7.55.16 75516900",',
    '  "hostname" : "mahithab-mac",',
    '  "request_content_length" : -1,',
    '  "request_duration" : "4",',
    '  "log_source" : "jfrog.rt.access.request",',
    '  "return_status" : 404,',
    '  "username" : "jfrt@01h5wq7xhx9m001fk5t51m0b8r"',
    "}",
]


def test_jfrog_log_level_and_timestamp_are_read(index, tmp_path):
    """ "log_level": "WARN" was no level (the object was missed) and the 404's group text was "{"."""
    report = scanned(index, tmp_path, "jfrog.log", _JFROG)
    assert [(text.split("/users/")[0], places) for text, places in other_groups(report)] == [
        ("HTTP 404 GET /access/api/v<n>", [12]),
        ("Lockisbusy", [1]),
    ]


# HashiCorp Vault's audit log with a response pretty-printed on its own lines, its "error" a
# sentence (GoogleCloudPlatform/ops-agent@588c4b96 transformation_test/testdata/logging_processor-vault-audit/input.log,
# lines 18-28); Zscaler's DNS event's "error": "NXDOMAIN" (DataDog/integrations-extras@57e9d599
# zscaler/assets/logs/zscaler_tests.yaml, cut to the fields around it) likewise
VAULT_RESPONSE = """{
  "time":"2025-08-25T14:03:00.999888777Z",
  "type":"response",
  "auth":{
    "token_type":"default"
  },
  "response":{
    "id":"res-002",
    "status":"failure",
    "error":"permission denied"
  }
}"""
ZSCALER_DNS = """{
  "sourcetype" : "zscalernss-dns",
  "event" : {
    "dns_reqtype" : "A",
    "reqaction" : "Allow",
    "error" : "NXDOMAIN",
    "dnsgw_flags" : "PRIMARY_SERVER_RESPONSE_PASS",
    "datetime" : "2025-08-02 16:09:29",
    "protocol" : "UDP",
    "dns_resp" : "NXDOMAIN"
  }
}"""


@pytest.mark.parametrize("event", [VAULT_RESPONSE, ZSCALER_DNS], ids=["vault", "zscaler"])
def test_an_event_object_with_an_error_field_is_no_vendor_error(index, tmp_path, event):
    """Any object whose "error" was a string read as an OAuth error response: "unknown vendor
    permission denied", "unknown vendor NXDOMAIN". An OAuth error is one of its codes, or has
    an error_description; these say how an event went, in a program's own log."""
    path = tmp_path / "events.log"
    path.write_text(event + "\n", encoding="utf-8")
    report = scan(index, [str(path)], ScanOptions(workers=1))
    assert (report.matched_count, report.unmatched_count) == (0, 0)


# Docker's json-file driver wraps each line a container wrote: a JSON one (GoogleCloudPlatform/ops-agent@588c4b96
# transformation_test/testdata/logging_processor-parse_json-timestamp-format-1/input.log, its 3 lines), a logfmt
# one at info (Grafana Loki's Promtail docs, its "docker" stage's example), and a plain one constructed in the format
DOCKER_JSON_FILE = [
    r'{"log":"{\"level\":\"info\",\"message\":\"start\"}\n","time":"2023-01-02T03:04:05.123456789"}',
    r'{"log":"{\"level\":\"error\",\"message\":\"failed to connect\"}\n","time":"2024-06-15T14:30:00.987654321Z"}',
    r'{"log":"{\"level\":\"warning\",\"message\":\"low disk space\"}\n","time":"2022-12-31T23:59:59.000000000-0800"}',
    r'{"log":"level=info ts=2019-04-30T02:12:41.844179Z caller=filetargetmanager.go:180 msg=\"Adding target\"\n",'
    r'"stream":"stderr","time":"2019-04-30T02:12:41.8443515Z"}',
    r'{"log":"2024-06-15 14:30:01,002 ERROR [main] db.Pool: cannot reach the database\n","stream":"stderr",'
    r'"time":"2024-06-15T14:30:01.004Z"}',
]


def test_a_docker_json_file_lines_level_is_its_wrapped_lines(index, tmp_path):
    """The wrapped line was read as the object's message, with no level: a container's error and
    warning lines were no errors at all. Each is now read as the line it wraps, by its own level."""
    report = scanned(index, tmp_path, "container-json.log", DOCKER_JSON_FILE)
    assert other_groups(report) == [
        ("ERROR [<thread>] db.Pool: cannot reach the database", [5]),
        ("failed to connect", [2]),
        ("low disk space", [3]),
    ]


# WinCC's S7 channel names each failure by a hex code (log2timeline/plaso@4ea03ef9
# test_data/wincc_simatic_s7_proto_suite.log, lines 30-32); Windows's CBS.log by its HRESULT (a Vista
# user's CBS.log in the Ubuntu Forums thread "Vista wont boot after update", 2008-02-14, its "^M" ends dropped)
HEX_CODES = [
    '2019-05-27 14:34:28,011 ERROR    Connectionerror 1 "PLC-002": Errorcode 0x0000 7002!',
    '2019-05-27 14:36:07,044 ERROR    Connectionerror 2 "PLC-002": Errorcode 0x0000 7002!',
    '2019-05-27 14:40:49,260 ERROR    Connectionerror 3 "PLC-002": Errorcode 0xFFDF 410E!',
    "2008-02-14 06:46:09, Error                 CBS    Shtd: Failed while processing driver operations queue. hr: 0x800705aa",
]


def test_a_hex_error_code_is_kept_in_its_group(index, tmp_path):
    """A hex code's digits were masked ("Errorcode <n>x<n>", "hr: <n>x<n>aa"), and its records
    shared one template: WinCC's 0xFFDF failures were counted under the 0x0000 group's text. A CBS
    line's group text began with the comma after its time (", Error CBS ...")."""
    report = scanned(index, tmp_path, "wincc.log", HEX_CODES)
    assert other_groups(report) == [
        ("ERROR Connectionerror <n> '…': Errorcode 0x0000 <n>!", [1, 2]),
        ("ERROR Connectionerror <n> '…': Errorcode 0xFFDF <n>E!", [3]),
        ("Error CBS Shtd: Failed while processing driver operations queue. hr: 0x800705aa", [4]),
    ]


# Logstash's own API server logs a request it answered with 500 as a Ruby hash
# (DataDog/integrations-extras@57e9d599 logstash/assets/logs/logstash_tests.yaml, its third sample)
LOGSTASH_API = (
    '[2020-03-13T08:11:10,608][ERROR][logstash.agent ] API HTTP Request {:status=>500, :request_method=>"GET", '
    ':path_info=>"/_node/stats", :query_string=>"", :http_version=>"HTTP/1.1", :http_accept=>"*/*"}'
)


def test_a_request_a_server_logged_by_its_rack_fields_is_no_vendor_error(index, tmp_path):
    """The status a server answered was read as a vendor's ("unknown vendor HTTP 500"): its request
    is named by Rack's path_info, with no host, as a web server's own access line is."""
    report = scanned(index, tmp_path, "logstash-plain.log", [LOGSTASH_API])
    assert (report.unmatched_count, report.other_count) == (0, 1)


# Google Cloud Logging's special field for a structured line's level, as its agents read it
# (GoogleCloudPlatform/ops-agent@588c4b96 transformation_test/testdata/ops_agent_test-TestLogEntrySpecialFields/input.log)
GCP_SPECIAL_FIELDS = (
    '{"logging.googleapis.com/severity": "WARNING", "logging.googleapis.com/labels": {"label1":"value1", '
    '"label2":"value2"}, "logging.googleapis.com/operation": {"id": "id", "producer": "producer", "first"'
    ': true, "last": true}, "logging.googleapis.com/sourceLocation": {"file": "file", "line": "1", "funct'
    'ion": "function"}, "logging.googleapis.com/trace":"projects/my-project/traces/deadcafedeadc0defacefe'
    'edb0bacafe", "logging.googleapis.com/spanId":"facefeedb0bacafe", "normal_field": "value"}'
)


def test_a_json_lines_level_under_google_clouds_special_field_is_read(index, tmp_path):
    """A level written under "logging.googleapis.com/severity" was no level: the warning was no error."""
    report = scanned(index, tmp_path, "gcp.log", [GCP_SPECIAL_FIELDS])
    assert [lines for _, lines in other_groups(report)] == [[1]]


# an nginx access log Grafana Alloy reads in its tests
# (grafana/alloy@66ebea85 internal/component/loki/source/file/testdata/short-access.log lines 41 and 50)
APPLE_TOUCH_ICONS = [
    '5.116.5.183 - - [26/Jan/2019:20:27:56 +0330] "GET /apple-touch-icon-120x120-precomposed.png HTTP/1.1" 404 33686 "-" "MobileSafari/604.1 CFNetwork/976 Darwin/18.2.0" "-"',
    '5.116.5.183 - - [26/Jan/2019:20:27:56 +0330] "GET /apple-touch-icon-120x120.png HTTP/1.1" 404 33680 "-" "MobileSafari/604.1 CFNetwork/976 Darwin/18.2.0" "-"',
]


def test_paths_that_differ_in_a_word_after_a_number_are_two_groups(index, tmp_path):
    """A number's token ran on through the word after it ("120x120-precomposed.png" masked whole),
    so the two paths had one template and the second 404 was counted under the first's group."""
    report = scanned(index, tmp_path, "access.log", APPLE_TOUCH_ICONS)
    assert other_groups(report) == [
        ("HTTP error: GET /apple-touch-icon-<n>x<n>-precomposed.png", [1]),
        ("HTTP error: GET /apple-touch-icon-<n>x<n>.png", [2]),
    ]


def test_a_proxied_requests_user_info_never_names_its_group(index, tmp_path):
    """A proxy's access line names the URL as sent: its group was "HTTP error: GET bob:<email>/..." (the
    password masked as an address, the user's name shown). The line above with a random credential put
    in a proxied URL."""
    line = APPLE_TOUCH_ICONS[1].replace('"GET /', '"GET http://bob:Qm7vZ2xT9kLp4RwN@example.com/', 1)
    report = scanned(index, tmp_path, "access.log", [line])
    assert other_groups(report) == [("HTTP error: GET example.com/apple-touch-icon-<n>x<n>.png", [1])]


# virtual-kubelet's logfmt lines: one error for two pods, whose names end in generated suffixes
# (tstack/lnav@bb0005f test/logfile_logfmt.0, lines 1 and 5)
POD_NOT_FOUND = [
    'time="2021-09-15T21:17:10.220731Z" level=error msg="error retrieving pod status: pod inc-1-enh-domain-c14-ns-2/hello-inc-1-enh-domain-c14-ns-2-3-d8f465685-k75gp is not found: PodNotFound" namespace=inc-1-enh-domain-c14-ns-2 pod=hello-inc-1-enh-domain-c14-ns-2-3-d8f465685-k75gp reason= status=Pending',
    'time="2021-09-15T21:18:20.335825Z" level=error msg="error retrieving pod status: pod inc-1-enh-domain-c14-ns-2/hello-inc-1-enh-domain-c14-ns-2-7-5ddd6bcd69-6rqct is not found: PodNotFound" namespace=inc-1-enh-domain-c14-ns-2 pod=hello-inc-1-enh-domain-c14-ns-2-7-5ddd6bcd69-6rqct reason= status=Pending',
]


def test_pods_whose_generated_suffixes_differ_are_one_group(index, tmp_path):
    """A number's token that stops before a word past f (the test above) must not stop before a
    pod's generated suffix ("-k75gp" holds digits: an id, not a word); the two lines split into two
    groups when it did."""
    report = scanned(index, tmp_path, "kubelet.log", POD_NOT_FOUND)
    assert [lines for _, lines in other_groups(report)] == [[1, 2]]


# RabbitMQ's boot failure: a head with its message on the unindented lines below it
# (GoogleCloudPlatform/ops-agent@588c4b96 transformation_test/testdata/logging_processor-rabbitmq/input.log lines 14-20)
RABBITMQ_BOOT_FAILED = [
    '2025-08-18 04:07:07.777+00:00 [noti] <123.456.789> {shutdown,{connection_closed, "Broken pipe"}}',
    "2025-08-18 04:07:08.888 [erro] <0.999.0> Unexpected exception: {'EXIT',{{badmatch,{error,enoent}},[{rabbit_misc,read_config,1,[]}]}}",
    "2025-08-18 05:07:43.557042+00:00 [erro] <0.130.0>",
    "BOOT FAILED",
    "===========",
    "ERROR: could not bind to distribution port 25672, it is in use by another node: rabbit@keith-testing-rabbitmq",
    "2025-08-18 06:56:01.456+00:00 [erro] <0.501.0> Disk free space too low. Free bytes: 500000, limit: 1000000",
]


def test_a_rabbitmq_head_and_the_message_below_it_are_one_error_named_by_the_message(index, tmp_path):
    """The head ("[erro] <0.130.0>", nothing after it) and its "ERROR: could not bind" line were two
    records, and the head's group named nothing ("[erro] <<n>>")."""
    report = scanned(index, tmp_path, "rabbit.log", RABBITMQ_BOOT_FAILED)
    assert other_groups(report) == [
        (
            "[erro] <<n>> BOOT FAILED ERROR: could not bind to distribution port <n>, it is in use by another node: "
            "rabbit@keith-testing-rabbitmq",
            [3],
        ),
        ("[erro] <<n>> Disk free space too low. Free bytes: <n>, limit: <n>", [7]),
        ("[erro] <<n>> Unexpected exception: {'…',{{badmatch,{error,enoent}},[{rabbit_misc,read_config,<n>,[]}]}}", [2]),
    ]


# tstack/lnav@bb0005f: test/logfile_nested_json.json lines 10-13 (Logstash's "@fields") and
# test/logfile_rust_tracing.0 lines 4-5 (tracing-subscriber's JSON, its message under "fields")
_NESTED_EVENTS = [
    '{"ts": "2013-09-06T22:01:49.124817Z", "@fields": { "lvl": "WARNING", "msg": "not looking good"}}',
    '{"ts": "2013-09-06T22:01:49.124817Z", "@fields": { "lvl": "ERROR", "msg": "looking bad"}}',
    '{"ts": "2013-09-06T22:01:49.124817Z", "@fields": { "lvl": "CRITICAL", "msg": "sooo bad"}}',
    '{"ts": "2013-09-06T22:01:49.124817Z", "@fields": { "lvl": "FATAL", "msg": "shoot", "trace": ["line:1", "line:2"]}}',
    '{"timestamp":"2025-10-28T19:15:10.821610Z","level":"WARN","fields":{"message":"hello! I\'m gonna shave a yak",'
    '"excitement":"yay!"},"target":"fmt_json::yak_shave","spans":[{"yaks":3,"name":"shaving_yaks"},{"yak":2,"name":"shave"}],'
    '"threadName":"main","threadId":1}',
    '{"timestamp":"2025-10-28T19:15:10.821723Z","level":"ERROR","fields":{"message":"hello! I\'m gonna shave a yak",'
    '"excitement":"yay!"},"target":"fmt_json::yak_shave","spans":[{"yaks":3,"name":"shaving_yaks"},{"yak":3,"name":"shave"}],'
    '"threadName":"main","threadId":1}',
]


def test_a_json_lines_message_one_object_down_names_its_group(index, tmp_path):
    """A JSON line whose message sits in its event object ("@fields", tracing's "fields") was
    grouped by its other names and values: four levels' different messages were one group named
    by the first line's skeleton, and tracing's one message two groups (its level and thread id)."""
    report = scanned(index, tmp_path, "nested.json", _NESTED_EVENTS)
    assert report.errors == 6
    assert sorted((g.text, g.count) for g in report.other.values()) == [
        ("hello! I'm gonna shave a yak", 2),
        ("looking bad", 1),
        ("not looking good", 1),
        ("shoot", 1),
        ("sooo bad", 1),
    ]


def test_haproxys_unparsed_request_is_grouped_as_such(index, tmp_path):
    """HAProxy logs a request it could not parse as "<BADREQ>" with its 400: the group was the
    whole line masked (its frontend, timers, flags and counters), not what the line says."""
    report = scanned(index, tmp_path, "haproxy.log", _HAPROXY_LINES[1:])
    assert [(g.text, g.count) for g in report.other.values()] == [("HTTP error: <BADREQ>", 1)]


# a Redis container's first lines as Docker logged them (tstack/lnav@bb0005f test/logfile_docker_compose.0
# lines 11, 13, 17, without compose's prefix), in the Engine API's multiplexed stream: each line a
# frame, an 8-byte header (stream: 1 stdout, 2 stderr; three NULs; the length, big-endian) before it
_REDIS_LINES = [
    (1, "1:C 25 Apr 2024 05:32:35.018 * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo\n"),
    (
        2,
        "1:C 25 Apr 2024 05:32:35.018 # Warning: no config file specified, using the default config. "
        "In order to specify a config file use redis-server /path/to/redis.conf\n",
    ),
    (1, "1:M 25 Apr 2024 05:32:35.022 * Ready to accept connections tcp\n"),
]


def _framed(lines: list[tuple[int, str]]) -> bytes:
    return b"".join(bytes([stream, 0, 0, 0]) + len(text.encode()).to_bytes(4, "big") + text.encode() for stream, text in lines)


def test_dockers_framed_log_stream_is_read_as_its_lines(index, tmp_path):
    """A container's log saved from the Engine API (curl on docker.sock, a client's raw stream)
    has a frame header before each line: its NULs made the file "binary", not a log, no error
    counted. Its payloads are read as the log; a stream cut inside a frame says where."""
    path = tmp_path / "container.log"
    path.write_bytes(_framed(_REDIS_LINES))
    report = scan(index, [str(path)], ScanOptions(workers=1))
    assert (report.inputs[0].problem, report.inputs[0].lines, report.errors) == (None, 3, 1)
    assert [p.line for g in report.other.values() for p in g.places] == [2]
    path.write_bytes(_framed(_REDIS_LINES)[:-10])
    report = scan(index, [str(path)], ScanOptions(workers=1))
    assert report.errors == 1 and "ends inside a frame" in (report.inputs[0].broken or "")


def test_an_error_status_from_a_host_of_no_vendor_is_another_programs(index, tmp_path):
    """An exporter's error naming the host it called (prometheus:9090, no catalogued vendor's) and
    the 500 it got was counted as a vendor error not in the catalog, "unknown vendor HTTP 500":
    the vendor count of a log with no vendor in it was 1. It is another program's error."""
    report = scanned(index, tmp_path, "otelcol.log", OTEL_EXPORT_FAILED)
    assert (report.errors, report.other_count, report.unmatched_count) == (1, 1, 0)


# elastic/beats@0073692d8f6f34fcc00809a7ef773968f9c2b376: filebeat/module/nginx/error/test/error.log, whole
_NGINX_ERRORS = (
    '2016/10/25 14:49:34 [error] 54053#0: *1 open() "/usr/local/Cellar/nginx/1.10.2_1/html/favicon.ico" failed (2: No such '
    'file or directory), client: 127.0.0.1, server: localhost, request: "GET /favicon.ico HTTP/1.1", host: "localhost:8080", '
    'referrer: "http://localhost:8080/"\n'
    '2016/10/25 14:50:44 [error] 54053#0: *3 open() "/usr/local/Cellar/nginx/1.10.2_1/html/adsasd" failed (2: No such file '
    'or directory), client: 127.0.0.1, server: localhost, request: "GET /adsasd HTTP/1.1", host: "localhost:8080"\n'
    '2019/10/30 23:26:34 [error] 205860#205860: *180289 FastCGI sent in stderr: "PHP message: PHP Warning:  Declaration of '
    "FEE_Field_Terms::wrap($content, $taxonomy, $before, $sep, $after) should be compatible with FEE_Field_Post::wrap($content, "
    "$post_id = 0) in /var/www/xxx/web/wp-content/plugins/front-end-editor/php/fields/post.php on line 0\n"
    "PHP message: PHP Warning:  Declaration of FEE_Field_Tags::wrap($content, $before, $sep, $after) should be compatible with "
    "FEE_Field_Terms::wrap($content, $taxonomy, $before, $sep, $after) in /var/www/xxx/web/wp-content/plugins/front-end-editor/"
    "php/fields/post.php on line 0\n"
    "PHP message: PHP Warning:  Declaration of FEE_Field_Category::wrap($content, $sep, $parents) should be compatible with "
    "FEE_Field_Terms::wrap($content, $taxonomy, $before, $sep, $after) in /var/www/xxx/web/wp-content/plugins/front-end-editor/"
    "php/fields/post.php on line 0\n"
    '2019/11/05 14:50:44 [error] 54053#0: *3 open() "/usr/local/Cellar/nginx/1.10.2_1/html/adsasd" failed (2: No such file '
    'or directory), client: 127.0.0.1, server: localhost, request: "GET /pysio HTTP/1.1", host: "localhost:8080"\n'
)


@pytest.mark.parametrize("engine", ["hyperscan", "python"])
def test_nginx_errors_are_one_record_each_grouped_by_their_message(index, tmp_path, use_engine, engine):
    """nginx quotes what PHP-FPM wrote to stderr, PHP's next messages on the lines below up to the
    closing quote: each of those lines was an error of its own (3 records for one). And its context
    after the message (client, server, request, host, referrer) made each missing file a group."""
    use_engine(engine)
    path = tmp_path / "error.log"
    path.write_text(_NGINX_ERRORS, encoding="utf-8")
    report = scan(index, [str(path)], ScanOptions(workers=1))
    assert report.errors == 4
    assert sorted((g.count, [p.line for p in g.places]) for g in report.other.values()) == [(1, [3]), (3, [1, 2, 6])]


# tstack/lnav@bb0005f test/logfile_otel_collector.jsonl lines 2, 3 and 6: OTLP/JSON batches of log records,
# as the OpenTelemetry Collector's file exporter writes them
_OTLP_BATCHES = [
    (
        '{"resourceLogs":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"order-service"}},{"k'
        'ey":"host.name","value":{"stringValue":"prod-02"}}]},"scopeLogs":[{"scope":{"name":"com.example.order"},"logRe'
        'cords":[{"timeUnixNano":"1700000003000000000","severityNumber":17,"severityText":"ERROR","body":{"stringValue"'
        ':"Failed to update order status: database connection timeout"},"traceId":"6c9bb6b3e3d983f9432d048419e7ae03","s'
        'panId":"162692cf4dc66d24"},{"timeUnixNano":"1700000004000000000","severityNumber":9,"severityText":"INFO","bod'
        'y":{"stringValue":"Retrying database connection"},"traceId":"6c9bb6b3e3d983f9432d048419e7ae03","spanId":"16269'
        '2cf4dc66d25"}]}]}]}'
    ),
    (
        '{"resourceLogs":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"severity-test"}},{"k'
        'ey":"host.name","value":{"stringValue":"test-01"}}]},"scopeLogs":[{"scope":{"name":"com.example.test"},"logRec'
        'ords":[{"timeUnixNano":"1700000005000000000","severityNumber":1,"severityText":"TRACE","body":{"stringValue":"'
        'Entering function processOrder()"},"traceId":"7d0cc7c4f4e094fa543e059520f8bf14","spanId":"273703d05ed77e35"},{'
        '"timeUnixNano":"1700000006000000000","severityNumber":5,"severityText":"DEBUG","body":{"stringValue":"Order va'
        'lidation passed, proceeding with payment"},"traceId":"7d0cc7c4f4e094fa543e059520f8bf14","spanId":"273703d05ed7'
        '7e36"},{"timeUnixNano":"1700000007000000000","severityNumber":21,"severityText":"FATAL","body":{"stringValue":'
        '"System critical failure: out of memory"},"traceId":"7d0cc7c4f4e094fa543e059520f8bf14","spanId":"273703d05ed77'
        'e37"}]}]}]}'
    ),
    (
        '{"resourceLogs":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"env-test"}},{"key":"'
        'host.name","value":{"stringValue":"prod-server"}},{"key":"deployment.environment","value":{"stringValue":"prod'
        'uction"}}]},"scopeLogs":[{"scope":{"name":"com.example.deploy"},"logRecords":[{"timeUnixNano":"170000001000000'
        '0000","observedTimeUnixNano":"1700000010100000000","severityNumber":9,"severityText":"INFO","body":{"stringVal'
        'ue":"Production deployment completed"},"traceId":"8e1dd8d505f1a50b654f060631090c25","spanId":"384814e06fe88f46'
        '","flags":1}]}]}]}'
    ),
]


def test_an_otlp_batch_is_read_by_its_most_severe_record(index, tmp_path):
    """An OTLP/JSON line holds a batch of records, their levels three arrays down: its ERROR and
    FATAL records were no errors. Each line is read as its most severe record (its body names the
    group); a batch of INFO records stays none."""
    report = scanned(index, tmp_path, "otel.jsonl", _OTLP_BATCHES)
    assert sorted((g.text, [p.line for p in g.places]) for g in report.other.values()) == [
        ("Failed to update order status: database connection timeout", [1]),
        ("System critical failure: out of memory", [2]),
    ]
    first = report.other["Failed to update order status: database connection timeout"].first_seen
    assert report.errors == 2 and first == datetime(2023, 11, 14, 22, 13, 23, tzinfo=UTC)


# elastic/examples@6d86454ebb7a850bcd7e80abe86fe683370018a6 Miscellaneous/docker/full_stack_example/.kitchen/logs/
# kitchen.log lines 4-9 and 29: Test Kitchen's exception, its backtrace logged a frame a line under Ruby Logger's head
_KITCHEN_BACKTRACE = [
    "E, [2017-08-17T18:15:08.067571 #48598] ERROR -- Kitchen: ----------------------",
    "E, [2017-08-17T18:15:08.067579 #48598] ERROR -- Kitchen: ------Backtrace-------",
    (
        "E, [2017-08-17T18:15:08.067586 #48598] ERROR -- Kitchen: /Users/dalemcdiarmid/.rvm/gems/ruby-2.3.0/g"
        "ems/test-kitchen-1.17.0/lib/kitchen/loader/yaml.rb:71:in `read'"
    ),
    (
        "E, [2017-08-17T18:15:08.067594 #48598] ERROR -- Kitchen: /Users/dalemcdiarmid/.rvm/gems/ruby-2.3.0/g"
        "ems/test-kitchen-1.17.0/lib/kitchen/config.rb:147:in `data'"
    ),
    (
        "E, [2017-08-17T18:15:08.067603 #48598] ERROR -- Kitchen: /Users/dalemcdiarmid/.rvm/gems/ruby-2.3.0/g"
        "ems/test-kitchen-1.17.0/lib/kitchen/config.rb:126:in `suites'"
    ),
    (
        "E, [2017-08-17T18:15:08.067611 #48598] ERROR -- Kitchen: /Users/dalemcdiarmid/.rvm/gems/ruby-2.3.0/g"
        "ems/test-kitchen-1.17.0/lib/kitchen/config.rb:177:in `filter_instances'"
    ),
    "E, [2017-08-17T18:15:08.067796 #48598] ERROR -- Kitchen: ----End Backtrace-----",
]


@pytest.mark.parametrize("engine", ["hyperscan", "python"])
def test_a_ruby_backtrace_logged_a_frame_a_line_is_one_record(index, tmp_path, use_engine, engine):
    """Test Kitchen logs an exception's backtrace a frame a line, each under Ruby Logger's head:
    each frame was an error of its own (22 records for one failure in this log). A frame under
    the same severity, pid and program continues the line before it; a banner alone says nothing,
    so is no error (the backtrace's, with its frames, is one)."""
    use_engine(engine)
    report = scanned(index, tmp_path, "kitchen.log", _KITCHEN_BACKTRACE)
    assert sorted(p.line for g in report.other.values() for p in g.places) == [2]


# mozilla/treeherder@dc3080d tests/sample_data/logs/wpt-multiple.log (gzipped) lines 17466-17470: a traceback's
# lines logged at WARNING under Taskcluster's and mozharness's stamps, its blank lines too
_STAMPED_BLANKS = [
    "[task 2025-02-14T00:05:10.399Z] 00:05:10  WARNING -     action_handler = self.actions[action]\r",
    "[task 2025-02-14T00:05:10.399Z] 00:05:10  WARNING - KeyError: 'bidi.bluetooth.simulate_adapter'\r",
    "[task 2025-02-14T00:05:10.399Z] 00:05:10  WARNING - \r",
    "[task 2025-02-14T00:05:10.399Z] 00:05:10  WARNING - The above exception was the direct cause of the following exception:\r",
    "[task 2025-02-14T00:05:10.399Z] 00:05:10  WARNING - \r",
]


def test_a_level_with_nothing_after_it_behind_a_ci_stamp_is_no_error(index, tmp_path):
    """prepare takes the time out of "[task 2025-02-14T00:05:10.399Z] ": "[task ] 00:05:10  WARNING - "
    still held letters and digits before the level, and each blank line was an error."""
    report = scanned(index, tmp_path, "wpt.log", _STAMPED_BLANKS)
    assert sorted(p.line for g in report.other.values() for p in g.places) == [1, 2, 4]


@needs_loghub
def test_another_programs_group_is_timed_by_its_earliest_and_latest_record_in_a_log_out_of_order(index, monkeypatch):
    """Loghub's ZooKeeper sample (../shared/logs/loghub) is out of time order: its repeats, counted by their
    shape without reading each one's time, were timed by the group's first and last record in the file
    ("Cannot open channel to …" last seen 2015-07-30 23:44:58 where its latest is 2015-08-25 11:21:22). Each
    group's first and last seen are its earliest and latest record's, read here line by line from the file,
    whether one process reads it or workers read it in ranges."""
    import errcat.scan as scan_module
    from errcat.scan import parallel

    path = LOGHUB / "Zookeeper_2k.log"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if " - WARN  [" in line]
    said = (
        "Interrupted while waiting for message on queue",
        "Cannot open channel to",
        "Connection broken for id",
        "Interrupting SendWorker",
        "Connection request from old client",
    )
    truth = {}
    for phrase in said:
        times = [datetime.strptime(line[:23], "%Y-%m-%d %H:%M:%S,%f").replace(tzinfo=UTC) for line in lines if phrase in line]
        truth[phrase] = (min(times), max(times))
        assert truth[phrase] != (times[0], times[-1]) or phrase != said[1]  # out of order: the last line is not the latest
    one = scan(index, [str(path)], ScanOptions(workers=1))
    monkeypatch.setattr(scan_module, "PARALLEL_MIN", 0)
    monkeypatch.setattr(parallel, "TASK_BYTES", 16 << 10)
    many = scan(index, [str(path)], ScanOptions(workers=2))
    for report in (one, many):
        for phrase, (earliest, latest) in truth.items():
            (group,) = (g for text, g in report.other.items() if phrase in text)
            assert (group.first_seen, group.last_seen) == (earliest, latest), phrase


# Spring Boot's start-up failure: an ERROR line with nothing after its logger's colon, then the report's banner,
# "Description:", the cause, "Action:" (a Gradle bootRun quoted in a repository's notes, stored public file id 3885467637,
# its last 19 lines but 14; then a Spring Boot 3 failure quoted in another's, stored public file id 33161077543, "Error 7")
_SPRING_START_FAILURES = [
    "2025-07-21 16:35:34.333 DEBUG 17004 --- [           main] o.apache.catalina.core.StandardContext   : Stopping complete",
    "2025-07-21 16:35:34.374  INFO 17004 --- [           main] ConditionEvaluationReportLoggingListener : ",
    "",
    "Error starting ApplicationContext. To display the conditions report re-run your application with 'debug' enabled.",
    "2025-07-21 16:35:34.429 ERROR 17004 --- [           main] o.s.b.d.LoggingFailureAnalysisReporter   : ",
    "",
    "***************************",
    "APPLICATION FAILED TO START",
    "***************************",
    "",
    "Description:",
    "",
    "Parameter 0 of constructor in com.gogofnd.kb.repository.RiderInfoCustomRepositoryImpl required a bean of type"
    " 'org.springframework.data.r2dbc.core.DatabaseClient' that could not be found.",
    "",
    "",
    "Action:",
    "",
    "Consider defining a bean of type 'org.springframework.data.r2dbc.core.DatabaseClient' in your configuration.",
    "",
    "",
    "> Task :new_GoPlanV1Application.main() FAILED",
    "3 actionable tasks: 2 executed, 1 up-to-date",
    "",
    "FAILURE: Build failed with an exception.",
    "2023-04-02T14:56:03.424-04:00 ERROR 19039 --- [           main] o.s.b.d.LoggingFailureAnalysisReporter   : ",
    "",
    "***************************",
    "APPLICATION FAILED TO START",
    "***************************",
    "",
    "Description:",
    "",
    "Web server failed to start. Port 8080 was already in use.",
    "",
    "Action:",
    "",
    "Identify and stop the process that's listening on port 8080 or configure this application to listen on another port.",
    "",
    "2023-04-02T14:56:04.001-04:00  INFO 19039 --- [           main] o.s.b.StartupInfoLogger                  : after it",
]


def test_a_spring_boot_start_up_failure_is_one_record_named_by_its_description(index, tmp_path):
    """The report ran to the blank line after its ERROR line: its cause was a record apart (or none), and every start-up
    failure was one group, "ERROR <n> --- [<thread>] o.s.b.d.LoggingFailureAnalysisReporter :". Two blank lines
    end it but before "Action:" (Gradle's lines after it are not its); the next dated line ends it."""
    records = Finder().records([("\n".join(_SPRING_START_FAILURES) + "\n").encode()])
    spans = [(r.line, r.end_line) for r in records]
    assert (5, 20) in spans and (21, 21) in spans and (25, 38) in spans  # the Gradle line after it its own
    groups = [text for text, _ in other_groups(scanned(index, tmp_path, "boot.log", _SPRING_START_FAILURES))]
    reporter = "ERROR <n> --- [<thread>] o.s.b.d.LoggingFailureAnalysisReporter : "
    named = sorted(text.removeprefix(reporter)[:40] for text in groups if text.startswith(reporter))
    assert named == ["Parameter <n> of constructor in com.gogo", "Web server failed to start. Port <n> was"]


# Azure App Service's log stream: each line after the runtime's time, with its indentation taken off, so a Python
# traceback's frames start "File" at the line's start (a repository's file holding a log stream, stored public file id
# 53912887953, lines 45-76 as stored)
_APP_SERVICE_GUNICORN = [
    "2025-06-19T12:34:41.255479822Z [2025-06-19 12:34:41 +0000] [1082] [INFO] Booting worker with pid: 1082",
    "2025-06-19T12:34:43.583678857Z [2025-06-19 12:34:43 +0000] [1081] [ERROR] Exception in worker process",
    "2025-06-19T12:34:43.583738027Z Traceback (most recent call last):",
    '2025-06-19T12:34:43.583744930Z File "/tmp/8ddaf2d5f5ba34f/antenv/lib/python3.9/site-packages/gunicorn/arbiter.py", line 609, in spawn_worker',
    "2025-06-19T12:34:43.583750981Z worker.init_process()",
    '2025-06-19T12:34:43.583756551Z File "/tmp/8ddaf2d5f5ba34f/antenv/lib/python3.9/site-packages/gunicorn/workers/base.py", line 134, in init_process',
    "2025-06-19T12:34:43.583761861Z self.load_wsgi()",
    '2025-06-19T12:34:43.583766961Z File "/tmp/8ddaf2d5f5ba34f/antenv/lib/python3.9/site-packages/gunicorn/workers/base.py", line 146, in load_wsgi',
    "2025-06-19T12:34:43.583772421Z self.wsgi = self.app.wsgi()",
    '2025-06-19T12:34:43.583777730Z File "/tmp/8ddaf2d5f5ba34f/antenv/lib/python3.9/site-packages/gunicorn/app/base.py", line 67, in wsgi',
    "2025-06-19T12:34:43.583783151Z self.callable = self.load()",
    '2025-06-19T12:34:43.583788060Z File "/tmp/8ddaf2d5f5ba34f/antenv/lib/python3.9/site-packages/gunicorn/app/wsgiapp.py", line 58, in load',
    "2025-06-19T12:34:43.583793049Z return self.load_wsgiapp()",
    '2025-06-19T12:34:43.583798038Z File "/tmp/8ddaf2d5f5ba34f/antenv/lib/python3.9/site-packages/gunicorn/app/wsgiapp.py", line 48, in load_wsgiapp',
    "2025-06-19T12:34:43.583803188Z return util.import_app(self.app_uri)",
    '2025-06-19T12:34:43.583808207Z File "/tmp/8ddaf2d5f5ba34f/antenv/lib/python3.9/site-packages/gunicorn/util.py", line 371, in import_app',
    "2025-06-19T12:34:43.583814048Z mod = importlib.import_module(module)",
    '2025-06-19T12:34:43.583819558Z File "/opt/python/3.9.22/lib/python3.9/importlib/**init**.py", line 127, in import_module',
    "2025-06-19T12:34:43.583824998Z return \\_bootstrap.\\_gcd_import(name[level:], package, level)",
    '2025-06-19T12:34:43.583830058Z File "<frozen importlib._bootstrap>", line 1030, in \\_gcd_import',
    '2025-06-19T12:34:43.583848252Z File "<frozen importlib._bootstrap>", line 1007, in \\_find_and_load',
    '2025-06-19T12:34:43.583853972Z File "<frozen importlib._bootstrap>", line 986, in \\_find_and_load_unlocked',
    '2025-06-19T12:34:43.583858992Z File "<frozen importlib._bootstrap>", line 680, in \\_load_unlocked',
    '2025-06-19T12:34:43.583864201Z File "<frozen importlib._bootstrap_external>", line 850, in exec_module',
    '2025-06-19T12:34:43.583869541Z File "<frozen importlib._bootstrap>", line 228, in \\_call_with_frames_removed',
    '2025-06-19T12:34:43.583875121Z File "/home/site/wwwroot/app.py", line 512, in <module>',
    "2025-06-19T12:34:43.583880601Z init_database()",
    '2025-06-19T12:34:43.583885421Z File "/home/site/wwwroot/app.py", line 45, in init_database',
    "2025-06-19T12:34:43.583890750Z cursor.execute('''",
    "2025-06-19T12:34:43.583895920Z sqlite3.DatabaseError: database disk image is malformed",
    "2025-06-19T12:34:43.583901210Z [2025-06-19 12:34:43 +0000] [1081] [INFO] Worker exiting (pid: 1081)",
    "2025-06-19T12:34:43.919233427Z [2025-06-19 12:34:43 +0000] [1080] [ERROR] Worker (pid:1082) exited with code 3",
]


def test_a_traceback_whose_indentation_a_runtime_took_off_is_one_record_with_its_error_line(index, tmp_path):
    """gunicorn's "[ERROR] Exception in worker process" and its traceback were two records (the crash counted twice, its
    exception a group of its own): an unindented frame's line and its source line go on with an open traceback."""
    records = Finder().records([("\n".join(_APP_SERVICE_GUNICORN) + "\n").encode()])
    assert [(r.line, r.end_line) for r in records][:2] == [(2, 30), (32, 32)]
    groups = other_groups(scanned(index, tmp_path, "stream.log", _APP_SERVICE_GUNICORN))
    named = [(text, places) for text, places in groups if "DatabaseError" in text]
    assert named == [("[ERROR] Exception in worker process sqlite<n>.DatabaseError: database disk image is malformed", [2])]


# `docker-compose up` of an API and its Postgres (a repository's notes, stored public file id 28586677263, its lines 33-44
# but the api's ERROR line, there 8 lines up, moved to stand before the db's indented line, as compose writes two
# services' lines in whatever order they come: the db's own lines are in their order)
_COMPOSE_TWO_SERVICES = [
    "db_1   | performing post-bootstrap initialization ... ok",
    "db_1   | syncing data to disk ... ok",
    "db_1   |",
    'db_1   | WARNING: enabling "trust" authentication for local connections',
    "db_1   | You can change this by editing pg_hba.conf or using the option -A, or",
    "db_1   | --auth-local and --auth-host, the next time you run initdb.",
    "db_1   |",
    "db_1   | Success. You can now start the database server using:",
    "db_1   |",
    'api_1  | 2020-09-10T15:13:36.728Z [ERROR] Unable to connect to database: error="dial tcp 172.18.0.2:5432: connect: connection'
    ' refused"',
    "db_1   |     pg_ctl -D /var/lib/postgresql/data -l logfile start",
    "db_1   |",
]
# one service's crash (a repository's README, stored public file id 25266058458, its last docker-compose lines)
_COMPOSE_ONE_CRASH = [
    "carexp_1  | _http_outgoing.js:370",
    "carexp_1  |     throw new TypeError('The header content contains invalid characters');",
    "carexp_1  |     ^",
    "carexp_1  |",
    "carexp_1  | TypeError: The header content contains invalid characters",
    "carexp_1  |     at ServerResponse.setHeader (_http_outgoing.js:370:11)",
    "carexp_1  |     at serve (/usr/local/lib/node_modules/http-server/node_modules/ecstatic/lib/ecstatic.js:241:13)",
    "carexp_1  |     at FSReqWrap.oncomplete (fs.js:112:15)",
]


def test_a_compose_capture_whose_blank_lines_lost_the_space_after_the_bar_is_read_without_prefixes():
    """A page or an editor takes the space after a blank line's bar off ("carexp_1  |"): the layout was not recognised,
    the prefixes stayed on, and the crash's frames did not go on with its error (the record ended at its error line)."""
    crash = ("\n".join(_COMPOSE_ONE_CRASH) + "\n").encode()
    records = list(Finder().records([crash]))
    assert (records[-1].line, records[-1].end_line) == (5, 8)
    assert records[-1].data.startswith(b"TypeError: The header content contains invalid characters\n    at ")


@pytest.mark.parametrize("chunk", [None, 300])
def test_another_services_indented_line_never_joins_a_record(chunk):
    """compose's prefixes were taken off every line before records were found: the db's indented line joined the api's
    ERROR line above it. A line whose prefix names another service starts a record; one service's lines still go on."""
    data = ("\n".join(_COMPOSE_TWO_SERVICES) + "\n").encode()
    chunks = [data] if chunk is None else [data[i : i + chunk] for i in range(0, len(data), chunk)]
    records = list(Finder().records(chunks))
    spans = [(r.line, r.end_line) for r in records]
    assert (10, 10) in spans and not any(start <= 10 < end for start, end in spans)
    assert records[-1].data.startswith(b"2020-09-10T15:13:36.728Z [ERROR]")  # read without the prefixes
    assert (4, 4) in spans  # the db's WARNING, its own service's lines around it


# grafana/loki@65e30f8488e8a5ea2013c6881675f8103a8f6bc7, pkg/pattern/drain/testdata/calico.txt lines 598-601: one
# warning of Calico's Felix for four chains, each with its rule ids printed as Go values
_CALICO_RESYNC = [
    '2024-05-08 15:23:57.969 [WARNING][56] felix/table.go 654: Detected out-of-sync inserts, marking for resync actualRuleIDs=[]string{"", "", "", "", "Cz_u1IQiXIMmKD4c", "", "", "", "", "", "", "", "", "", "", "", ""} chainName="INPUT" expectedRuleIDs=[]string{"Cz_u1IQiXIMmKD4c", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", ""} ipVersion=0x4 table="filter"',
    '2024-05-08 15:23:57.969 [WARNING][56] felix/table.go 654: Detected out-of-sync inserts, marking for resync actualRuleIDs=[]string{"", "", "", "", "tVnHkvAo15HuiPy0", "", "", "", "", ""} chainName="OUTPUT" expectedRuleIDs=[]string{"tVnHkvAo15HuiPy0", "", "", "", "", "", "", "", "", ""} ipVersion=0x4 table="filter"',
    '2024-05-08 15:23:57.942 [WARNING][56] felix/table.go 654: Detected out-of-sync inserts, marking for resync actualRuleIDs=[]string{"", "", "", "", "", "", "", "", "", "", "", "", "tVnHkvAo15HuiPy0", "", ""} chainName="OUTPUT" expectedRuleIDs=[]string{"tVnHkvAo15HuiPy0", "", "", "", "", "", "", "", "", "", "", "", "", "", ""} ipVersion=0x4 table="raw"',
    '2024-05-08 15:23:57.942 [WARNING][56] felix/table.go 654: Detected out-of-sync inserts, marking for resync actualRuleIDs=[]string{"", "", "", "", "6gwbT8clXdHdC1b1"} chainName="PREROUTING" expectedRuleIDs=[]string{"6gwbT8clXdHdC1b1", "", "", "", ""} ipVersion=0x4 table="raw"',
]

# GoogleCloudPlatform/ops-agent@588c4b962526c18cc104d00a87ca83fcb9c19f94, transformation_test/testdata/
# logging_processor-elasticsearch-json/input.log lines 3-8: Elasticsearch's JSON log, a record over two lines, its
# exception in ECS's error fields
_ELASTICSEARCH_JSON = [
    '{"type": "server", "timestamp": "2024-06-10T12:35:00,321Z",',
    '"level": "WARN", "component": "o.e.d.z.ZenDiscovery", "node.name": "node-1", "message": "failed to connect to master", "user.run_by.name": "admin", "event.action": "connect"}',
    '{"type": "server", "timestamp": "2024-06-10T12:35:10,123Z", "level": "ERROR", "component": "o.e.b.Bootstrap",',
    '"node.name": "node-1", "message": "Exception", "error.type": "java.lang.IllegalStateException", "error.message": "failed to obtain node locks"}',
    '{"type": "server", "timestamp": "2024-06-10T12:35:15,456Z", "level": "DEBUG", "component": "o.e.n.Node", "node.name": "node-1", "message": "stopping ..."}',
    '{"type": "server", "timestamp": "2024-06-10T12:35:16,789Z", "level": "TRACE", "component": "o.e.n.Node", "node.name": "node-1", "message": "stopped"}',
]

# lines that mention an error and are none: a Redis module's setting (ops-agent@588c4b9, transformation_test/testdata/
# logging_processor-redis/input.log line 9) and the descheduler's check of a pod at INFO (loki@65e30f8,
# pkg/pattern/drain/testdata/kubernetes.txt)
_MENTIONS = [
    "[1:M] 18 Jul 2025 19:08:05.265 * <bf> \t{ bf-error-rate       :      0.01 }",
    'I0507 12:04:17.596973       1 defaultevictor.go:202] "Pod fails the following checks" pod="node-exporter/node-exporter-h82wd" checks="[pod is a DaemonSet pod, pod has higher priority than specified priority class threshold, pod has local storage and descheduler is not configured with evictLocalStoragePods]"',
]


def test_a_go_value_in_a_line_does_not_split_its_group(index, tmp_path):
    """Calico prints a chain's rule ids as a Go value (%#v): each chain's list, its ids in other places, made one warning
    four groups; the list is masked whole, its type kept, and the one warning is one group at its four lines."""
    report = scanned(index, tmp_path, "calico.log", _CALICO_RESYNC)
    groups = other_groups(report)
    assert [lines for _, lines in groups] == [[1, 2, 3, 4]]
    assert "actualRuleIDs=[]string{…} chainName='…' expectedRuleIDs=[]string{…}" in groups[0][0]
    assert "Cz_u1IQiXIMmKD4c" not in groups[0][0]


def test_an_ecs_records_exception_names_its_group(index, tmp_path):
    """Elasticsearch (and the ECS loggers of Java, .NET and Python) write an exception's class and message in ECS's
    "error.type" and "error.message" beside a message that may say no more than "Exception": its group was named
    "Exception", every failure logged so in one group. The record over two lines is still one error."""
    report = scanned(index, tmp_path, "es.json", _ELASTICSEARCH_JSON)
    assert other_groups(report) == [
        ("Exception: java.lang.IllegalStateException: failed to obtain node locks", [3]),
        ("failed to connect to master", [1]),
    ]
    assert report.errors == 2 and report.matched_count == 0


def test_real_lines_that_mention_an_error_in_new_families_are_not_errors(index, tmp_path):
    """Read (the Redis line holds "error") or not looked at (the descheduler's holds no needle), neither is an error."""
    report = scanned(index, tmp_path, "mentions.log", _MENTIONS)
    assert report.errors == 0 and report.not_errors == sum(map(is_read, _MENTIONS)) == 1


# GoogleCloudPlatform/ops-agent@588c4b962526c18cc104d00a87ca83fcb9c19f94, transformation_test/testdata/
# logging_processor-saphana/input.log (SAP HANA's trace): lines 1-9
_HANA_TRACE = [
    "[12034]{-1}[-1/-1] 2025-08-18 09:12:45.123456 i indexserver           Main.cpp(00123) : Started indexserver successfully.",
    "[12035]{200001}[15/40637290] 2025-08-18 09:13:12.654321 w backup                BackupManager.cpp(00245) : Backup duration exceeded expected threshold.",
    "[12036]{-1}[-1/-1] 2025-08-18 09:14:33.987654 e commlib               commlibImpl.cpp(00456) : ERROR: comm::connect to Host: 127.0.0.1, port: 30015, Error: exception  1: no.2110021  (Basis/IO/Stream/impl/NetworkChannel.cpp:2991)",
    "System error: SO_ERROR has pending error for socket. rc=111: Connection refused. channel={<NetworkChannel>={<NetworkChannelBase>={this=139745749931800, fd=22, refCnt=1, local=127.0.0.1/58700_tcp, remote=127.0.0.1/30015_tcp, state=ConnectWait, pending=[----]}}}",
    "exception throw location:",
    " 1: 0x00007f1937d9095c in .LTHUNK27.lto_priv.2256+0x558 (libhdbbasis.so)",
    " 2: 0x0000563f44888831 in _GLOBAL__sub_I_setServiceStarting.cpp.lto_priv.239+0x520 (hdbnsutil)",
    "[12037]{-1}[-1/-1] 2025-08-18 09:15:10.555432 d statistics           StatCollector.cpp(00333) : Collected performance metrics.",
    "[12038]{200002}[16/40637291] 2025-08-18 09:16:20.111111 i indexserver           Main.cpp(00130) : New client connection established. thread_id=12038",
]


def test_sap_hanas_level_letter_is_read_and_its_connection_names_no_group(index, tmp_path):
    """SAP HANA writes its level as a letter after the time (i, w, e): its warning, which holds no error word, was not
    read at all. Its connection and transaction ("{200001}[15/40637290]", "{-1}[-1/-1]" for none) are no part of a name."""
    assert is_read(_HANA_TRACE[1])  # by its letter alone
    report = scanned(index, tmp_path, "indexserver.trc", _HANA_TRACE)
    assert report.errors == 2 and report.matched_count == 0
    assert [lines for _, lines in other_groups(report)] == [[3], [2]]  # the error with its trace, then the warning
    assert all(text.startswith("[<n>]{<n>}[<n>/<n>] ") for text, _ in other_groups(report))


# AWS Lambda's lines as CloudWatch holds them: a Node function's (the messages of a CloudWatch Logs subscription's
# test payloads, a Slack notifier's, stored public file id 35088453317: an INFO line, the timeout with the blank line
# after it, an Invoke Error) and a request's END and REPORT with a log line of another function (oslabs-beta/Embr,
# primary-app/src/app/retrievedData.js)
_LAMBDA = [
    '2019-09-18T00:02:30.858Z\tbc0fd942-dd9e-4a26-b1c2-5f8ac729f2fe\tINFO\t{"level":"INFO","tags":{"notice":true},"message":{"message":"some message","data":"data"}}',
    "2019-09-18T00:02:46.542Z f2704689-7aa3-4af3-ac88-857c01c4bd45 Task timed out after 5.01 seconds",
    "",
    '2019-09-18T00:02:36.070Z\ta62d1861-711f-41fe-8c85-dbf8b9447e43\tERROR\tInvoke Error\t{"errorType":"Error","errorMessage":"this is an error","stack":["Error: this is an error","    at Runtime.http [as handler] (/var/task/index.js:25:11)","    at Runtime.handleOnce (/var/runtime/Runtime.js:66:25)","    at process._tickCallback (internal/process/next_tick.js:68:7)"]}',
    "2023-12-05T22:14:43.862Z\t76269889-7d50-4d6d-a3f1-9b4f5322f47c\tINFO\t a picture just got uploaded to the S3 original-dinner-time-images bucket!",
    "END RequestId: 76269889-7d50-4d6d-a3f1-9b4f5322f47c",
    "REPORT RequestId: 76269889-7d50-4d6d-a3f1-9b4f5322f47c\tDuration: 14.97 ms\tBilled Duration: 15 ms\tMemory Size: 128 MB\tMax Memory Used: 67 MB\t",
]


def test_aws_lambdas_timeout_is_an_error_and_its_invoke_error_is_named_by_its_words(index, tmp_path):
    """Lambda writes a function's timeout after the request's id at no level: it was not read. Its Node runtime's
    "Invoke Error" carries the error as JSON, whose strings' quotes were paired across their commas (a name of
    '…' marks around "this is an error'…'stack"); each string is now read whole, and the request's id before the level
    is a layout's field. START, END and REPORT lines and the INFO lines are no errors."""
    report = scanned(index, tmp_path, "lambda.log", _LAMBDA)
    assert report.errors == 2 and report.matched_count == 0
    (timeout, timeout_lines), (invoke, invoke_lines) = other_groups(report)
    assert (timeout, timeout_lines) == ("<id> Task timed out after <n> seconds", [2])
    assert invoke_lines == [4]
    assert invoke.startswith("ERROR Invoke Error {")
    assert '"this is an error"' in invoke and '["Error: this is an error"," at Runtime.http' in invoke


@needs_loghub
def test_workers_group_lines_of_one_shape_as_one_reader_whoever_met_it_first(index, monkeypatch, tmp_path):
    """Lines that differ only in their digits are counted in the group the first of them in the file gave its text.
    Loghub's Apache log, its digits varied as the bench's generator varies them, holds "[error] jk2_init() Can't find
    child <n> in scoreboard" and, in another copy, "jk6_init() ...": a worker whose range met jk6 first made a group of
    its own (two groups, where one reader has one), so the report depended on how many workers read the log, where
    its ranges were cut and which worker took which (run to run). Here each range is read as a worker's first (a fresh
    triage), in small ranges: the groups, their counts, places, samples and times are one reader's."""
    import errcat.scan as scan_module
    from errcat.scan import parallel
    from errcat.scan.summary import ScanReport
    from errcat.scan.triage import Triage

    lines = (LOGHUB / "Apache_2k.log").read_text(encoding="utf-8").splitlines()
    rnd, varied = random.Random(8), []
    for _ in range(3):  # each copy's digits permuted
        digits = list("0123456789")
        rnd.shuffle(digits)
        varied += [line.translate(str.maketrans("0123456789", "".join(digits))) for line in lines]
    log = tmp_path / "varied.log"
    log.write_text("\n".join(varied) + "\n", encoding="utf-8")
    one = scan(index, [str(log)], ScanOptions(workers=1))
    find = parallel._find

    def first_range(*args):  # as a worker that read nothing before (forked: the pool's workers run this one)
        met = parallel._TRIAGE[0]
        parallel._TRIAGE[0] = Triage(met.needles, met.options, ScanReport(), met.name)
        return find(*args)

    first_range.__module__, first_range.__qualname__ = find.__module__, find.__qualname__  # sent to workers by name
    monkeypatch.setattr(parallel, "_find", first_range)
    monkeypatch.setattr(scan_module, "PARALLEL_MIN", 0)
    monkeypatch.setattr(scan_module.os, "cpu_count", lambda: 4)
    monkeypatch.setattr(parallel, "FIRST_BYTES", 8 << 10)
    monkeypatch.setattr(parallel, "TASK_BYTES", 8 << 10)
    many = scan(index, [str(log)], ScanOptions(workers=3))

    def groups(report):
        return {t: (g.count, g.places, g.samples, g.first_seen, g.last_seen) for t, g in report.other.items()}

    assert len([t for t in one.other if "_init() Can't find child" in t]) == 1
    assert groups(many) == groups(one)

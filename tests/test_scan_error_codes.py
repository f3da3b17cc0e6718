"""scan groups another program's errors by their text with numbers masked, but not the code a program names
each of its errors by: two errors of one program differ by it (sweep16, on real logs nobody here wrote)."""

from __future__ import annotations

from scanlines import other_groups, scanned

# Real lines, each from the public file named beside it (the part before the first ':' each group's text is
# compared by): MSVC's, C#'s, NuGet's, Apache httpd's, Cisco ASA's, MySQL 8's and IAR's codes
_CODED = [
    # jenkinsci/analysis-model@9b50d2d src/test/resources/edu/hm/hafner/analysis/parser/msbuild-parallel.txt (two of its
    # warnings, cut) and msbuild-nuget-vulnerabilities.txt (lines 1-2): one program's codes, each its own error
    "src\\main.cpp(97): warning C4996: '_splitpath': This function or variable may be unsafe.",
    "src\\main.cpp(99): warning C4244: '=': conversion from 'double' to 'int', possible loss of data",
    "file.cs(30): warning CS0618: deprecated",
    "file.cs(31): warning CS0168: deprecated",
    "EXEC : warning : NU1902: Package 'Microsoft.IdentityModel.JsonWebTokens' 6.11.1 has a known moderate severity vulnerability",
    "EXEC : warning : NU1903: Package 'Microsoft.Owin' 4.2.0 has a known high severity vulnerability",
    # wazuh/wazuh-ruleset@908c90b tools/rules-testing/tests/apache.ini and cisco_asa.ini
    "[Tue Sep 30 14:25:44.895897 2014] [authz_core:error] [pid 31858] [client 99.47.227.95:38870] AH01630: client denied",
    "[Tue Sep 30 14:25:44.895897 2014] [authz_core:error] [pid 31858] [client 99.47.227.95:38870] AH01797: client denied",
    "%ASA-1-106021: Deny protocol reverse path check from 192.168.0.1 to 192.168.0.2 on interface interfacename",
    "%ASA-1-106022: Deny protocol reverse path check from 192.168.0.1 to 192.168.0.2 on interface interfacename",
    # tstack/lnav@bb0005f test/logfile_mysql_error.0 (line 2; the second with another code of MySQL's)
    "2020-08-06T14:25:02.936146Z 0 [Warning] [MY-010068] [Server] CA certificate /var/mysql/sslinfo/cacert.pem is self signed.",
    "2020-08-06T14:25:02.936146Z 0 [Warning] [MY-010069] [Server] CA certificate /var/mysql/sslinfo/cacert.pem is self signed.",
    # darold/pgbadger@a1ad95a t/fixtures/logplex.gz (line 9), Heroku Postgres's SQLSTATE, and the same line with another
    "2019-03-14T00:23:00+00:00 app[postgres.4849]: [GREEN] [19-1]  sql_error_code = 40P01 ERROR:  deadlock detected",
    "2019-03-14T00:23:00+00:00 app[postgres.4849]: [GREEN] [19-1]  sql_error_code = 40001 ERROR:  deadlock detected",
    # jenkinsci/analysis-model@9b50d2d src/test/resources/edu/hm/hafner/analysis/parser/modelsim.log (lines 10 and 33),
    # each with another of its tool's codes after it: ModelSim's message numbers in brackets
    "# ** Warning: (vsim-8315) /data/tmp/jenkins/workspace/src/comm//ping_pong_control.sv(26): No condition is true in the "
    "unique/priority if/case statement.",
    "# ** Warning: (vsim-8233) /data/tmp/jenkins/workspace/src/comm//ping_pong_control.sv(26): No condition is true in the "
    "unique/priority if/case statement.",
    "# ** Warning: src/comm/table_tb.sv(7): (vlog-2275) 'table_tb' already exists and will be overwritten.",
    "# ** Warning: src/comm/table_tb.sv(7): (vlog-2605) 'table_tb' already exists and will be overwritten.",
]


def test_a_programs_own_code_for_an_error_stays_in_its_group_text(index, tmp_path):
    """Each pair differs only by its code: it was masked ("C<n>", "AH<n>", "%ASA-<n>-<n>", "<n>P<n>"), and two errors
    were one group."""
    report = scanned(index, tmp_path, "coded.log", _CODED)
    groups = other_groups(report)
    assert sorted(places for _, places in groups) == [[n] for n in range(1, len(_CODED) + 1)]
    texts = " ".join(text for text, _ in groups)
    for code in ("C4996", "C4244", "CS0618", "CS0168", "NU1902", "NU1903", "AH01630", "AH01797", "%ASA-1-106021"):
        assert f"{code}:" in texts, code
    assert "[MY-010068]" in texts and "[MY-010069]" in texts
    assert "sql_error_code = 40P01 ERROR" in texts and "sql_error_code = 40001 ERROR" in texts
    assert all(code in texts for code in ("(vsim-8315)", "(vsim-8233)", "(vlog-2275)", "(vlog-2605)"))


def test_a_number_that_is_no_code_is_still_masked(index, tmp_path):
    """A time, a process id, a line's number and a glog header are no code: one error at two times is one group."""
    lines = [
        "Feb  9 11:44:56 someserver sshd[1234]: error: Could not stat AuthorizedKeysCommand: No such file or directory",
        "Feb  9 11:45:56 someserver sshd[1299]: error: Could not stat AuthorizedKeysCommand: No such file or directory",
        "E0517 15:04:22.612345 1 controller.go:114] error syncing 'kube-system/coredns': no endpoints",
        "E0517 15:05:23.612345 1 controller.go:114] error syncing 'kube-system/coredns': no endpoints",
    ]
    report = scanned(index, tmp_path, "plain.log", lines)
    assert sorted(places for _, places in other_groups(report)) == [[1, 2], [3, 4]]


# wazuh/wazuh-ruleset@908c90b tools/rules-testing/tests/firewalld.ini: firewalld's own dated line relayed by syslog
# (the second is the same line as another host relays it)
_RELAYED = [
    "Jul 18 11:04:51 localhost firewalld: 2014-07-18 11:04:51 ERROR: ZONE_ALREADY_SET",
    "Jul 18 11:05:51 web2 firewalld: 2014-07-18 11:05:51 ERROR: ZONE_ALREADY_SET",
]


def test_a_syslog_header_before_a_dated_line_is_dropped_from_its_group_text(index, tmp_path):
    """The record's time is the line's own (it has a year), and the header before it was kept in the group's text,
    host and all: "Jul <n> <n>:<n>:<n> localhost firewalld: ...", one group per host."""
    report = scanned(index, tmp_path, "relayed.log", _RELAYED)
    assert other_groups(report) == [("firewalld: ERROR: ZONE_ALREADY_SET", [1, 2])]


# jenkinsci/analysis-model@9b50d2d src/test/resources/edu/hm/hafner/analysis/parser/: iar-nowrap.log (lines 3-7),
# issue14888.txt (PC-lint, lines 1-2) and MentorGraphics.log (ModelSim, lines 1-3)
_TOOLS = [
    "+ iccarm --no_wrap_diagnostics --remarks --only_stdout --silent --c++ -e icc-error-memory.c",
    "",
    "  __root inline int twice(int i)",
    "                    ^",
    '"/tmp/x/icc-error-memory.c",3  Error[Be031]: an inline function cannot be root as well',
    "F:\\AC_working\\new-wlanac\\ac\\np\\capwap\\source\\capwap_data.c(974): Error 40: Undeclared identifier 'TRUE'",
    "F:\\AC_working\\new-wlanac\\ac\\np\\capwap\\source\\capwap_data.c(974): Error 63: Expected an lvalue",
    "# ** Error: Simulation ran too long.  Should finish in 200us.  Bad AXI handshaking?",
    "#    Time: 0 us  Scope: channel_processor_tb_fir_emulation.u_channel_processor_tb File: /net/test_tb.sv Line: 312",
    "# ** Note: Data structure takes 20152432 bytes of memory",
]


def test_a_tools_level_after_its_file_its_number_or_its_marks_makes_an_error(index, tmp_path):
    """IAR's level after its file and line when it does not wrap, PC-lint's before its number and ModelSim's after
    its marks were read as no level: a build's errors went uncounted (ModelSim's note is none)."""
    report = scanned(index, tmp_path, "build.log", _TOOLS)
    assert sorted(places for _, places in other_groups(report)) == [[5], [6], [7], [8]]


def test_repeats_of_coded_lines_are_counted_by_shape_and_code_as_one_at_a_time(index, tmp_path, monkeypatch):
    """A firewall's or a compiler's log repeats a few coded errors (the lines above, numbers varied): once a code's
    group is full its repeats are counted by their shape and code, not prepared one by one (on a 28 MB log of ASA
    deny lines that was 12 times slower); the groups and counts are those of counting line by line, a line without
    a code of a coded line's shape included."""
    from errcat.scan import triage

    lines = [_CODED[k % 4].replace("(97)", f"({k % 89})").replace("(30)", f"({k % 71})") for k in range(3000)]
    lines += [line.replace("9", "8") for line in _CODED[8:10] * 500]  # ASA lines, their numbers varied
    lines.insert(1500, "src\\main.cpp(12): warning C12: '_splitpath': This function or variable may be unsafe.")  # no code
    calls = _count_records(monkeypatch)
    at_once = scanned(index, tmp_path, "repeats.log", lines)
    groups = {text: g.count for text, g in at_once.other.items()}
    assert calls[0] < 200, calls[0]  # each code's first records, until its group is full
    assert sum(groups.values()) == len(lines) and len(groups) == 7, groups
    counts = triage.Triage.count_lines

    def one_at_a_time(self, buf, starts, ends, erring, take, statuses=None):
        for ls, le in zip(starts, ends, strict=True):
            counts(self, buf, [ls], [le], erring, take, statuses)

    monkeypatch.setattr(triage.Triage, "count_lines", one_at_a_time)
    assert {text: g.count for text, g in scanned(index, tmp_path, "repeats.log", lines).other.items()} == groups


def test_a_record_id_after_its_noun_is_no_code(index, tmp_path):
    """A record's id after the word naming it ("invoice INV-00123:", "job J20451:") is a value, not the error's
    code: kept, it made one group per invoice (review3). A code after a level word is still kept."""
    lines = [
        "2024-05-01 10:00:01 ERROR Failed to post invoice INV-00123: validation failed",
        "2024-05-01 10:00:02 ERROR Failed to post invoice INV-00124: validation failed",
        "2024-05-01 10:00:05 ERROR Sync job J20451: connection reset by peer",
        "2024-05-01 10:00:06 ERROR Sync job J20452: connection reset by peer",
        "src\\main.cpp(97): fatal error C1083: Cannot open include file",
        "src\\main.cpp(98): fatal error C1084: Cannot open include file",
    ]
    report = scanned(index, tmp_path, "ids.log", lines)
    groups = other_groups(report)
    assert sorted(places for _, places in groups) == [[1, 2], [3, 4], [5], [6]]
    texts = " ".join(text for text, _ in groups)
    assert "INV-00123" not in texts and "J20451" not in texts and "C1083:" in texts and "C1084:" in texts


def test_a_value_after_any_code_word_is_no_error_code(index, tmp_path):
    """A one-time code after its name ("verification code: 483920") is a value, one per line: kept like an error's
    code after "error code", it made one group per login (review3)."""
    lines = [
        "2024-05-01 10:00:01 ERROR otp: login failed, verification code: 483920 rejected",
        "2024-05-01 10:00:02 ERROR otp: login failed, verification code: 739104 rejected",
        "2024-05-01 10:00:03 ERROR payment failed: error code: 51 declined",
        "2024-05-01 10:00:04 ERROR payment failed: error code: 05 declined",
    ]
    report = scanned(index, tmp_path, "otp.log", lines)
    groups = other_groups(report)
    assert sorted(places for _, places in groups) == [[1, 2], [3], [4]]
    assert "483920" not in " ".join(text for text, _ in groups)


def test_an_id_that_is_no_code_does_not_split_a_lines_shape(index, tmp_path, monkeypatch):
    """triage keys shapes by exactly the codes a group's text keeps (summary.OWN_CODE): an invoice's id after its
    word ("invoice INV-00123:", no code there) was a code to triage, so each line was its own shape, prepared one by
    one (200,000 lines: 0.36 s of CPU became 20.7 s); one group, counted in bulk."""
    lines = [f"2026-11-20 01:00:{k % 60:02d} ERROR sync invoice INV-{10000 + k * 7919 % 89999}: push failed" for k in range(2000)]
    calls = _count_records(monkeypatch)
    report = scanned(index, tmp_path, "invoices.log", lines)
    assert [g.count for g in report.other.values()] == [2000]
    assert calls[0] < 50, calls[0]


def _count_records(monkeypatch) -> list[int]:
    """How many records triage prepares one by one (Triage.record), counted in the list's one item as the scan runs."""
    from errcat.scan import triage

    calls = [0]
    record = triage.Triage.record

    def counting(self, *args, **kwargs):
        calls[0] += 1
        return record(self, *args, **kwargs)

    monkeypatch.setattr(triage.Triage, "record", counting)
    return calls

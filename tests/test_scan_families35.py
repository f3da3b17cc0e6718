"""Scan on real lines (sweep35): what its sweep of real logs (Percona XtraDB Cluster's error logs and its Kubernetes
operator's, pfSense's syslog, ...) showed read wrong. Each test fails without its rule."""

from __future__ import annotations

from scanlines import other_groups, scanned

# pfSense's strongSwan (charon) over RFC 5424 syslog, each line led by its priority: elastic/integrations@9c26298
# packages/pfsense/data_stream/log/_dev/test/pipeline/test-pfsense-ipsec.log lines 10-12 (Elastic License 2.0); a
# line ending in a colon ("local:") is charon's, listing a connection's settings
PFSENSE_IPSEC = [
    "<30>1 2021-07-03T23:01:56.547211-05:00 pfSense.example.com charon 18610 - - 08[CFG]   if_id_out = 0",
    "<30>1 2021-07-03T23:01:56.547215-05:00 pfSense.example.com charon 18610 - - 08[CFG]   local:",
    "<30>1 2021-07-03T23:01:56.547220-05:00 pfSense.example.com charon 18610 - - 08[CFG]   remote:",
]
# elastic/integrations@5429e34 packages/pfsense/data_stream/log/_dev/test/pipeline/test-pfsense-openvpn.log line 11
PFSENSE_OPENVPN_ERROR = (
    "<27>1 2021-07-03T22:17:01.074560-05:00 pfSense.example.com openvpn 66026 - - TLS Error: cannot locate HMAC in "
    "incoming packet from [AF_INET]175.16.199.1:34745"
)


def test_a_syslog_line_led_by_its_priority_starts_a_record_after_a_line_ending_in_a_colon(index, tmp_path):
    """A line that ends in a colon announces what follows, and a line opening with "<" after it was read as an XML
    body of it: the next syslog line, led by its priority ("<30>1 2021-07-03T..."), was no record of its own, so an error
    logged there was no error (2 of 4 vendor errors injected in pfSense's IPsec log were missed)."""
    lines = [PFSENSE_IPSEC[1], PFSENSE_OPENVPN_ERROR, PFSENSE_IPSEC[2], PFSENSE_OPENVPN_ERROR.replace("<27>", "<11>")]
    groups = other_groups(scanned(index, tmp_path, "pfsense.log", lines))
    assert [lines for _, lines in groups] == [[2, 4]]


# Percona's Kubernetes operator for XtraDB Cluster: its log collector (Fluent Bit's tail input, the file's path under
# "file") relays mysqld's error log a JSON object a line. percona/percona-toolkit@8d0f14c src/go/pt-galera-log-explainer/
# tests/logs/operator_split/node2.log lines 253, 256 and 266 (GPL-2.0)
PXC_OPERATOR = [
    '{"log":"2024-02-09T10:46:35.630765Z 0 [Warning] [MY-011068] [Server] The syntax \'--skip-host-cache\' is deprecated and '
    'will be removed in a future release. Please use SET GLOBAL host_cache_size=0 instead.\\n","file":"/var/lib/mysql/'
    'mysqld-error.log"}',
    '{"log":"2024-02-09T10:46:35.633632Z 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld 8.0.32-24.2) starting as '
    'process 1\\n","file":"/var/lib/mysql/mysqld-error.log"}',
    '{"log":"2024-02-09T10:46:35.639792Z 0 [Warning] [MY-000000] [Galera] Could not open state file for reading: '
    '\'/var/lib/mysql//grastate.dat\'\\n","file":"/var/lib/mysql/mysqld-error.log"}',
]


def test_a_line_a_log_collector_wraps_with_the_files_path_is_read_as_that_line(index, tmp_path):
    """Docker's json-file wrapper ({"log": ..., "stream": ..., "time": ...}) was read as the line it holds, but not
    the same wrapper with the file's path a collector adds (Fluent Bit's Path_Key, "file"): mysqld's warnings and errors
    the operator relays were no errors (0 of the 59 in the operator's two logs of the sweep), their times unread."""
    report = scanned(index, tmp_path, "pxc-operator.log", PXC_OPERATOR)
    groups = other_groups(report)
    assert [lines for _, lines in groups] == [[3], [1]]
    assert groups[0][0].startswith("[Warning] [MY-000000] [Galera] Could not open state file for reading")
    assert all(str(g.last_seen).startswith("2024-02-09 10:46:35") for g in report.other.values())


# CoreDNS's errors plugin: "[ERROR] plugin/errors: <rcode> <queried name, with the root's dot> <type>: <error>".
# kubernetes/kubernetes issue #91518 (https://github.com/kubernetes/kubernetes/issues/91518), description (2020-05-28):
# five lines of `kubectl logs` of a CoreDNS pod; coredns/coredns issue #5179 (https://github.com/coredns/coredns/issues/
# 5179), description (2022-02-10)
COREDNS = [
    "[ERROR] plugin/errors: 2 accountant-server-http-provider-6b8756994f-zzf49. A: read udp 172.30.57.16:53039->119.29.29.29:53: "
    "i/o timeout",
    "[ERROR] plugin/errors: 2 finance-server-dubbo-provider-c87459f9f-2fdlj. A: read udp 172.30.57.16:45224->119.29.29.29:53: "
    "i/o timeout",
    "[ERROR] plugin/errors: 2 datacenter-dubbo-provider-85d7f5b57-8zqm2. A: read udp 172.30.57.16:49197->119.29.29.29:53: "
    "i/o timeout",
    "[ERROR] plugin/errors: 2 customer-server-dubbo-provider-7dc8856bb8-v89cb. A: read udp 172.30.57.16:48015->119.29.29.29:53: "
    "i/o timeout",
    "[ERROR] plugin/errors: 2 mini-program-server-9c4b4f768-wcjz5. A: read udp 172.30.57.16:42594->119.29.29.29:53: i/o timeout",
    "[ERROR] plugin/errors: 2 svc-datadog-agent-dogstatsd.datadog-agent.toyota-europe.com. SRV: read udp "
    "192.168.86.18:56917->150.45.86.241:53: i/o timeout",
]


def test_the_name_a_dns_server_failed_to_resolve_is_out_of_the_groups_name(index, tmp_path):
    """The name a query asked for, written whole with the root's dot before its record type ("mini-program-server-
    9c4b4f768-wcjz5. A: read udp ... i/o timeout"), made a group of each name: one upstream timing out was five groups.
    The record type stays (an A and an SRV query failing are told apart)."""
    groups = other_groups(scanned(index, tmp_path, "coredns.log", COREDNS))
    assert [lines for _, lines in groups] == [[1, 2, 3, 4, 5], [6]]
    assert groups[0][0] == "[ERROR] plugin/errors: <n> <host>. A: read udp <n>:<n>-><n>:<n>: i/o timeout"


# SQL Server's error log: elastic/integrations packages/microsoft_sqlserver/data_stream/log/_dev/test/pipeline/
# test-sqlserver.log@a6f7f6f line 103 and test-sqlserver-2025.log@63acc4d line 130 (Elastic License 2.0)
SQLSERVER = [
    "2022-07-08 05:51:34.07 Logon       Error: 18456, Severity: 14, State: 8.",
    "2026-04-08 12:38:29.56 Logon       Error: 18456, Severity: 14, State: 7.",
]


def test_sql_servers_error_number_names_its_group(index, tmp_path):
    """SQL Server writes an error's number before its severity and state ("Error: 18456, Severity: 14, State: 8."); the
    number was masked as any other, so every error of its log (a failed login, a full transaction log) was one group."""
    groups = other_groups(scanned(index, tmp_path, "errorlog", SQLSERVER))
    assert groups == [("Logon Error: 18456, Severity: <n>, State: <n>.", [1, 2])]

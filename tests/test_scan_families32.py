"""Scan on real lines (sweep32): what its sweep of new log families (WebLogic's server logs among them) showed read
wrong. Each test fails without its rule."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from errcat.scan.logline import timestamp_in
from scanlines import other_groups, scanned

# oracle/docker-images issue #2622 (https://github.com/oracle/docker-images/issues/2622), description (2023-04-26): a
# WebLogic 12.2.1.3 container's log, whole (its blank line kept)
WEBLOGIC_2622 = [
    '<Apr 26, 2023 1:59:44,283 PM GMT> <Notice> <Server> <BEA-002613> <Channel "Default[1]" is now listening on *.*.*.*:7001'
    " for protocols iiop, t3, ldap, snmp, http.>",
    "<Apr 26, 2023 1:59:44,307 PM GMT> <Notice> <WebLogicServer> <BEA-000360> <The server started in RUNNING mode.>",
    "<Apr 26, 2023 1:59:44,312 PM GMT> <Notice> <WebLogicServer> <BEA-000365> <Server state changed to RUNNING.>",
    "",
    *(
        f'<Apr 26, 2023 {t} PM GMT> <Error> <HTTP> <BEA-101215> <Malformed request "Can not parse URI from http request". '
        "Request parsing failed, Code: -1>"
        for t in ("2:14:01,436", "2:17:53,886", "2:17:55,162")
    ),
]
# play2war/play2-war-plugin issue #270 (https://github.com/play2war/play2-war-plugin/issues/270), comment (2014-10-02): a
# WebLogic server log's records ("####<...>" and every field), the third's trace cut where the excerpt was
WEBLOGIC_270 = [
    "####<1 Oct, 2014 9:58:13 PM IST> <Info> <Deployer> <SSS01> <myserver> <[ACTIVE] ExecuteThread: '0' for queue: "
    "'weblogic.kernel.Default (self-tuning)'> <<WLS Kernel>> <> <> <1412180893202> <BEA-149059> <Module mam-1.0-SNAPSHOT.war "
    "of application mam-1.0-SNAPSHOT is transitioning from STATE_PREPARED to STATE_ADMIN on server myserver.> ",
    "####<1 Oct, 2014 9:58:13 PM IST> <Error> <Weblogic-Validation> <SSS01> <myserver> <[ACTIVE] ExecuteThread: '0' for "
    "queue: 'weblogic.kernel.Default (self-tuning)'> <<WLS Kernel>> <> <> <1412180893274> <BEA-2156404> <Unable to find a "
    "Validation Context. java.lang.RuntimeException: javax.naming.NamingException: String index out of range: -1",
    "java.lang.RuntimeException: javax.naming.NamingException: String index out of range: -1",
    "    at weblogic.validation.ValidationContextManager.getValidationContext(ValidationContextManager.java:71)",
    "    at sun.reflect.NativeMethodAccessorImpl.invoke0(Native Method)",
]


def test_each_weblogic_record_starts_at_its_bracketed_time(index, tmp_path):
    """WebLogic's "<Apr 26, 2023 ...>" starts an entry: read as an XML element opened and never closed, the first
    <Notice> line held every line after it, and the three <Error> lines were no error at all."""
    assert other_groups(scanned(index, tmp_path, "AdminServer.log", WEBLOGIC_2622)) == [
        (
            '<Error> <HTTP> <BEA-<n>> <Malformed request "Can not parse URI from http request". Request parsing failed, '
            "Code: -<n>>",
            [5, 6, 7],
        )
    ]


def test_a_weblogic_name_is_its_severity_subsystem_id_and_message(index, tmp_path):
    """The time, machine, server, thread, user and the raw time between the severity and the message id are the
    layout's: the name began "####<<n> Oct, <n> <n>:<n>:<n> PM IST> <Error> <Weblogic-Validation> <SSS<n>> <myserver>
    <[ACTIVE] ExecuteThread: ..." and was cut before the message."""
    [(name, lines)] = other_groups(scanned(index, tmp_path, "myserver.log", WEBLOGIC_270))
    assert lines == [2]
    assert name.startswith("<Error> <Weblogic-Validation> <BEA-<n>> <Unable to find a Validation Context.")


@pytest.mark.parametrize(
    ("line", "when"),
    [
        (WEBLOGIC_2622[4], datetime(2023, 4, 26, 14, 14, 1, 436000, tzinfo=UTC)),
        (WEBLOGIC_270[1], datetime(2014, 10, 1, 21, 58, 13, tzinfo=UTC)),
    ],
)
def test_a_weblogic_time_is_read(line, when):
    """Its time in the server's locale, on a 12-hour clock: --since and --until chose no WebLogic record by its time."""
    assert timestamp_in(line) == (when, (0, line.index(">") + 1))


# ClickHouse/ClickHouse issue #3302 (https://github.com/ClickHouse/ClickHouse/issues/3302), description (2018-10-05): a line
# of clickhouse-server.err.log as quoted ("> " taken off)
CLICKHOUSE_3302 = (
    "2018.10.04 09:40:26.422333 [ 21 ] <Error> HTTPHandler: Code: 396, e.displayText() = DB::Exception: Limit for result "
    "exceeded, max rows: 5.00 thousand, current rows: 16.38 thousand, e.what() = DB::Exception, Stack trace:"
)


def test_a_clickhouse_line_is_named_from_its_level(index, tmp_path):
    """ClickHouse's date with points is its time, and the thread's number in padded brackets before its level in angle
    brackets is the layout's: the name began "<n> <n>:<n>:<n> [ <n> ] <Error>", one group for each thread."""
    assert timestamp_in(CLICKHOUSE_3302) == (datetime(2018, 10, 4, 9, 40, 26, 422333, tzinfo=UTC), (0, 27))
    [(name, lines)] = other_groups(scanned(index, tmp_path, "clickhouse-server.err.log", [CLICKHOUSE_3302]))
    assert (name.split(" = ")[0], lines) == ("<Error> HTTPHandler: Code: <n>, e.displayText()", [1])


# elastic/beats@2ee52cc652f942a4b3b6251caa0323a54aec3790 x-pack/filebeat/module/activemq/log/test/activemq.log (Elastic
# License 2.0), lines 5-6, the exception line cut after its first 140 characters; elastic/beats@d13173e2df5cf5681216723b4aa70c3
# fbfc0d403 filebeat/module/kafka/log/test/server-2.0.0.log (Apache-2.0), its ERROR line and the exception under it
ACTIVEMQ = [
    "2019-11-27 15:09:34,712 | ERROR | Failed to start Apache ActiveMQ (localhost, ID:5338986a6080-37033-1574867374550-0:1) | "
    "org.apache.activemq.broker.BrokerService | main",
    "java.io.IOException: Transport Connector could not be registered in JMX: java.io.IOException: Failed to bind to server "
    "socket: tcp://0.0.0.0:61616",
]
KAFKA = [
    "[2018-10-17 12:57:18,400] ERROR [ReplicaFetcher replicaId=10, leaderId=30, fetcherId=0] Error for partition test-3-0 at "
    "offset 0 (kafka.server.ReplicaFetcherThread)",
    "org.apache.kafka.common.errors.UnknownTopicOrPartitionException: This server does not host this topic-partition.",
]


@pytest.mark.parametrize(
    ("lines", "name"),
    [
        (ACTIVEMQ, "ERROR | Failed to start Apache ActiveMQ (localhost, ID:<id>-<n>-<id>-<n>:<n>) java.io.IOException:"),
        (KAFKA, "ERROR [<thread>] Error for partition test-<n>-<n> at offset <n> org.apache.kafka.common.errors."),
    ],
)
def test_the_logger_a_layout_writes_after_the_message_is_no_part_of_the_name(index, tmp_path, lines, name):
    """ActiveMQ's "| org.apache.activemq.broker.BrokerService | main" and Kafka's "(kafka.server.ReplicaFetcherThread)"
    after the message say who logged it: the name held them between the message and the exception below it (and
    ActiveMQ's thread named a group for each thread)."""
    [(said, lines_at)] = other_groups(scanned(index, tmp_path, "server.log", lines))
    assert lines_at == [1]
    assert said.startswith(name)

"""Scan on real lines (sweep37): what its sweep of logs nobody here wrote showed read wrong. Each test fails
without its rule."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from errcat.scan import ScanOptions, scan
from scanlines import other_groups, scanned

# Cassandra 3.11's system.log: elastic/integrations@cba87c3 packages/cassandra/data_stream/log/_dev/test/pipeline/
# test-cassandra.log lines 1-5 and 20 (Elastic License 2.0): an exception logged at INFO, its frames under it
CASSANDRA = [
    "INFO  [main] 2021-07-21 12:18:15,910 YamlConfigurationLoader.java:92 - Configuration location: "
    "file:/C:/Users/kush.rana/Desktop/Projects/elasticconnectors/apache-cassandra-3.11.10/conf/cassandra.yaml",
    "INFO  [nioEventLoopGroup-2-1] 2021-07-21 12:23:32,856 Message.java:826 - Unexpected exception during request; "
    "channel = [id: 0xa6112238, L:/127.0.0.1:9042 - R:/127.0.0.1:60106]",
    "java.io.IOException: An existing connection was forcibly closed by the remote host",
    "\tat sun.nio.ch.SocketDispatcher.read0(Native Method) ~[na:1.8.0_291]",
    "\tat sun.nio.ch.SocketDispatcher.read(SocketDispatcher.java:43) ~[na:1.8.0_291]",
    "\tat java.lang.Thread.run(Thread.java:748) [na:1.8.0_291]",
    "INFO  [main] 2021-07-22 15:16:10,134 StorageService.java:681 - Token metadata: Normal Tokens:",
]


def _window(index, tmp_path: Path, since: str):
    path = tmp_path / "system.log"
    path.write_text("\n".join(CASSANDRA) + "\n", encoding="utf-8")
    when = datetime.fromisoformat(since).replace(tzinfo=UTC)
    return scan(index, [str(path)], ScanOptions(workers=1, since=when))


def test_a_trace_under_a_quiet_entry_has_that_entrys_time(index, tmp_path):
    """A trace logged under an INFO entry is a record of its own (the INFO line is no error): it had no time, so its
    group had no first or last time and any --since/--until window left the exception out as "no timestamp", one
    that began days before it too. It has the time of the entry it was logged under."""
    report = scanned(index, tmp_path, "system.log", CASSANDRA)
    (group,) = report.other.values()
    assert other_groups(report) == [("java.io.IOException: An existing connection was forcibly closed by the remote host", [3])]
    assert group.first_seen == group.last_seen == datetime(2021, 7, 21, 12, 23, 32, 856000, tzinfo=UTC)
    kept = _window(index, tmp_path, "2021-07-01T00:00:00")
    assert (kept.errors, kept.no_timestamp) == (1, 0)
    after = _window(index, tmp_path, "2021-07-22T00:00:00")
    assert (after.errors, after.no_timestamp) == (0, 0)

"""Scanning a few real log lines as a user's file: the helpers the scan tests on real lines share."""

from __future__ import annotations

import re
from pathlib import Path

from errcat.scan import ScanOptions, scan
from errcat.scan.needles import NEEDLES


def is_read(line: str) -> bool:
    """Whether scan looks at the line at all (it holds a needle)."""
    data = line.encode()
    return any(re.search(n, data) for n in NEEDLES)


def scanned(index, tmp_path: Path, name: str, lines: list[str]):
    """scan's report on a file of these lines, read by one reader."""
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return scan(index, [str(path)], ScanOptions(workers=1))


def other_groups(report) -> list[tuple[str, list[int]]]:
    """Other programs' groups of a report: their texts and listed lines, sorted."""
    return sorted((text, [p.line for p in g.places]) for text, g in report.other.items())


# tstack/lnav@bb0005f test/logfile_zap_console.0 lines 1-9: an OpenTelemetry Collector's zap console
# log, its exporter failing against Prometheus (its Go trace indented under it)
OTEL_EXPORT_FAILED = [
    '2025-04-24T22:09:20.856Z\terror\tinternal/queue_sender.go:128\tExporting failed. Dropping data.\t{"otelcol.component.id": '
    '"otlphttp/prometheus", "otelcol.component.kind": "Exporter", "otelcol.signal": "metrics", "error": "not retryable '
    "error: Permanent error: rpc error: code = Unknown desc = error exporting items, request to "
    'http://prometheus:9090/api/v1/otlp/v1/metrics responded with HTTP Status Code 500", "dropped_items": 60}',
    "go.opentelemetry.io/collector/exporter/exporterhelper/internal.NewQueueSender.func3",
    "     go.opentelemetry.io/collector/exporter@v0.120.0/exporterhelper/internal/queue_sender.go:128",
]

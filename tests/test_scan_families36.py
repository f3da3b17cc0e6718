"""Scan on real lines (sweep36): what its sweep of logs nobody here wrote showed read wrong. Each test fails
without its rule."""

from __future__ import annotations

import json

from errcat.render.github import scan_annotations
from errcat.render.scan import scan_document, scan_lines, scan_markdown
from scanlines import other_groups, scanned

# Synthetic line (sweep36), in the layout of an application's log, holding MYOB's documented message that two of its
# errors share (catalog/myob.entries.yaml: 37000 OrderPaid and 38000 PurchaseOrderPaid, MYOB's error list) with no
# endpoint to tell them apart: explain says "one of 2 documented errors with these words"
MYOB_FAMILY = "2024-05-01T10:00:00Z ERROR myob api: Cannot delete order with payment(s) applied"


def test_a_family_of_documented_errors_is_reported_as_explain_says_it_in_every_format(index, tmp_path):
    """A record several documented errors share the words of was reported under "not in the catalog" in every scan
    format (and failed `--fail-on unmatched`), where explain says it is one of 2 documented errors: it is now a family,
    counted apart in JSON, naming the errors it may be and claiming none."""
    report = scanned(index, tmp_path, "app.log", [MYOB_FAMILY, "2024-05-01T10:00:01Z INFO ok"])
    assert report.unmatched_count == 0 and report.matched_count == 0 and not report.fails("unmatched")
    assert report.family_count == 1 and report.fails("any")
    text = "\n".join("".join(part for part, _ in line) for line in scan_lines(report, 10))
    doc = json.loads(json.dumps(scan_document(report, 10), default=str))
    markdown = scan_markdown(report, 10)
    github = scan_annotations(report, 10)
    for said in (text, markdown, github):
        assert "one of 2 documented errors with these words" in said or "One of several documented" in said
        assert "not in the catalog:" not in said and "Not in the catalog" not in said
        assert "37000 OrderPaid" in said and "38000 PurchaseOrderPaid" in said
    assert (doc["summary"]["family"], doc["summary"]["unmatched"], doc["summary"]["matched"]) == (1, 0, 0)
    assert doc["unmatched"] == [] and doc["matched"] == []
    (family,) = doc["families"]
    assert family["shares"] == "words" and family["text"] == "Cannot delete order with payment(s) applied"
    assert sorted(family["one_of"]) == [
        "37000 OrderPaid (myob.sale-order-item.order-paid)",
        "38000 PurchaseOrderPaid (myob.purchase-order-item.purchase-order-paid)",
    ]


# SHOW ENGINE INNODB STATUS as percona-toolkit's pt-fk-error-logger reads it: percona/percona-toolkit@8d0f14c
# t/pt-fk-error-logger/samples/is001.txt lines 11-15 (GPL-2.0)
INNODB_STATUS = [
    "------------------------",
    "LATEST FOREIGN KEY ERROR",
    "------------------------",
    "070913 11:06:03 Error in foreign key constraint of table test/child:",
    "there is no index in referenced table which would contain",
]


def test_a_reports_section_heading_ending_in_a_level_word_is_no_error(index, tmp_path):
    """InnoDB's status titles a section "LATEST FOREIGN KEY ERROR" between rules of dashes: the heading was an error
    of its own, beside the error the section holds ("Error in foreign key constraint ..."), which stays one."""
    groups = other_groups(scanned(index, tmp_path, "innodb-status.txt", INNODB_STATUS))
    assert [lines for _, lines in groups] == [[4]]
    assert groups[0][0].startswith("Error in foreign key constraint of table test/child")


def test_a_timed_line_in_capitals_ending_in_a_level_word_is_still_an_error(index, tmp_path):
    """The heading rule above took any line in capitals ending in ERROR or WARNING for a section's title, also one
    with a time of its own (synthetic lines, review22's probe): "2024-05-01 10:00:00 INTERNAL SERVER ERROR" was no
    error at all. A heading has no time; a logged line in capitals is an error."""
    lines = [
        "2024-05-01 10:00:00 INTERNAL SERVER ERROR",
        "2024-05-01 10:00:01 UNHANDLED PAYMENT GATEWAY ERROR",
        "2024-05-01 10:00:02 DISK QUOTA EXCEEDED WARNING",
    ]
    groups = other_groups(scanned(index, tmp_path, "app.log", lines))
    assert sorted(lines for _, lines in groups) == [[1], [2], [3]]


# ingress-nginx's controller logs by klog: elastic/integrations@8bf05a9 packages/nginx_ingress_controller/data_stream/
# error/_dev/test/pipeline/test-error-raw.log lines 10-11 (Elastic License 2.0)
KLOG = [
    "W1215 04:15:13.815929       8 client_config.go:608] Neither --kubeconfig nor --master was specified.  Using the "
    "inClusterConfig.  This might not work.",
    "E1215 04:15:13.816036       8 config.go:489] Expected to load root CA config from /var/run/secrets/kubernetes.io/"
    "serviceaccount/ca.crt, but got err: open /var/run/secrets/kubernetes.io/serviceaccount/ca.crt: no such file or directory",
]


def test_a_klog_lines_time_is_read_its_year_the_last_twelve_months(index, tmp_path):
    """klog's head ("E1215 04:15:13.816036", no year) was no time: every record of a Kubernetes component was
    untimed, and --since/--until left each out. Its year is taken as a syslog time's: this year's, or last year's
    when that would be more than a day ahead."""
    from datetime import UTC, datetime

    from errcat.scan import ScanOptions, scan

    now = datetime.now(UTC)
    year = now.year - ((now.month, now.day + 1) < (12, 15))
    report = scanned(index, tmp_path, "ingress.log", KLOG)
    assert sorted(str(g.first_seen) for g in report.other.values()) == [
        f"{year}-12-15 04:15:13.815929+00:00",
        f"{year}-12-15 04:15:13.816036+00:00",
    ]
    windowed = scan(
        index,
        [str(tmp_path / "ingress.log")],
        ScanOptions(workers=1, since=datetime(year, 12, 15, 4, 15, 13, 816000, tzinfo=UTC)),
    )
    assert (windowed.other_count, windowed.filtered_time, windowed.no_timestamp) == (1, 1, 0)

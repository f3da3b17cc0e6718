"""Scan on real logs of families sweep31 read (MongoDB, Kafka, ActiveMQ, PHP-FPM, supervisord, Postfix, WooCommerce,
.NET's console logger, Jenkins), and the scan leftovers it closed: each test fails without its rule."""

from __future__ import annotations

import pytest

import errcat
from scanlines import other_groups, scanned
from test_scan_new_families import AIRFLOW


@pytest.fixture(scope="module")
def index():
    return errcat.open_catalog(use_env=False).index


# Sage's documented expired-token body (catalog: sage.access-token-expired-error), logged pretty-printed by an Airflow
# HTTP task and cut short after its fourth line, before Airflow's real task log (issue #27614) goes on
SAGE_BODY_CUT = [
    "[2022-11-09, 09:59:39 UTC] {http.py:162} ERROR - HTTP error: 401 [",
    "  {",
    '    "$severity": "error",',
    '    "$dataCode": "AccessTokenExpiredError",',
]


def test_a_body_cut_short_ends_at_airflows_next_dated_entry(index, tmp_path):
    """Airflow's "[2022-11-09, 09:59:40 UTC]" starts an entry: a body cut short ends there. Read as no entry's start,
    the task's failure line went into the body, and its failure was named by its exception alone at line 6."""
    report = scanned(index, tmp_path, "attempt=1.log", SAGE_BODY_CUT + AIRFLOW)
    assert [p.line for g in report.matched.values() for p in g.places] == [1]
    assert other_groups(report) == [
        (
            "{taskinstance.py:<n>} ERROR - Task failed with exception airflow.exceptions.AirflowFailException: Failure "
            "case test for cluster policy",
            [5],
        )
    ]

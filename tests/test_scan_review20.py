"""review20: the piped-logger rule with mozlog's special case folded into it (synthetic lines in the layouts' shapes)."""

from __future__ import annotations

import pytest

from errcat.scan.triage import _without_logger_after


@pytest.mark.parametrize(
    "head",
    [
        "TEST-UNEXPECTED-TIMEOUT | automation.py | application timed out after 370 seconds with no output",
        "TEST-UNEXPECTED-FAIL | dom/tests/test_a.html | sub.test_x | expected 1, got 2",  # a dotted subtest is no logger
        "REFTEST TEST-UNEXPECTED-FAIL | layout/x.html | image comparison, max difference: 255",
    ],
)
def test_mozlogs_fields_between_bars_name_no_logger(head):
    assert _without_logger_after(head) == head


def test_a_logger_and_thread_after_a_message_in_words_are_left_out():
    head = "ERROR | Failed to start Apache ActiveMQ (localhost) | org.apache.activemq.broker.BrokerService | main"
    assert _without_logger_after(head) == "ERROR | Failed to start Apache ActiveMQ (localhost)"

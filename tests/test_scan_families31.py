"""Scan on real lines (sweep31): what its sweep of new log families (Jenkins's console among them) and the earlier
sweeps' leftovers showed read wrong. Each test fails without its rule."""

from __future__ import annotations

import pytest

from errcat.scan.prepared import shape_of, template_of
from scanlines import other_groups, scanned
from test_scan_new_families import AIRFLOW

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


# elastic/beats@d847c0914739c1c27fbd333f62dcd5b490129c42 filebeat/module/hid_bravura_monitor/log/test/error.log
# (Apache-2.0), whole; IAMconsortium/nomenclature issue #525 (https://github.com/IAMconsortium/nomenclature/issues/525),
# its console line (Python logging's "%(asctime)s - %(name)s - %(levelname)s - %(message)s")
HID_BRAVURA = "2021-01-16 00:35:25.258.7085 - [] pamlws.exe [44408,52004] Error: LWS [HID-TEST] foundcomputer record not found"
PYTHON_DASHED = "2025-09-26 11:07:51 - root - ERROR - The following variable(s) are not defined in the variable codelist:"


@pytest.mark.parametrize(
    ("line", "name"),
    [
        (HID_BRAVURA, "[] pamlws.exe [<n>] Error: LWS [HID-TEST] foundcomputer record not found"),
        (PYTHON_DASHED, "root - ERROR - The following variable(s) are not defined in the variable codelist:"),
    ],
)
def test_what_ends_a_leading_time_is_no_part_of_the_name(index, tmp_path, line, name):
    """HID Bravura's second fraction and dash ("00:35:25.258.7085 - ") and Python logging's " - " end the time: the names
    began ".<n> - [] pamlws.exe" and "- root - ERROR -", a fragment of the line's own prefix."""
    assert other_groups(scanned(index, tmp_path, "error.log", [line])) == [(name, [1])]


# red-hat-storage/ocs-ci issue #2698 (https://github.com/red-hat-storage/ocs-ci/issues/2698), its traceback's end as
# quoted (description, 2020-08-12)
BOTOCORE_403 = [
    ' File "/home/muagarwa/golib/src/github.com/agarwal-mudit/new_ocs_ci/ocs-ci/.venv/lib64/python3.7/site-packages/botocore/'
    'client.py", line 635, in _make_api_call',
    "    raise error_class(parsed_response, operation_name)",
    "botocore.exceptions.ClientError: An error occurred (403) when calling the HeadObject operation: Forbidden",
]


def test_an_errors_status_in_parentheses_stays_in_its_template_and_name(index, tmp_path):
    """botocore's "An error occurred (403) when calling ..." names its error by the status: the template masked it, so
    a 403 and a 404 of one call were one group named by the first, and a vendor's such records shared no explanation."""
    assert template_of(BOTOCORE_403[-1]) == BOTOCORE_403[-1]
    assert shape_of(BOTOCORE_403[-1].encode(), erring=False) is None  # its repeats: by its template, not by its digitless shape
    assert template_of("GET /query failed (400)") == "GET /query failed (400)"  # own-x21-69's QuickBooks client
    assert template_of("src\\main.cpp(404): fatal error") == "src\\main.cpp(#): fatal error"  # a line number stays masked
    [(name, lines)] = other_groups(scanned(index, tmp_path, "ocs-ci.log", BOTOCORE_403))
    assert name.endswith("An error occurred (403) when calling the HeadObject operation: Forbidden")
    assert lines == [3]


# InvoiceXpress's cURL time-out as a PHP client logs it (realworld own-x22-62, its key a random one), logged in four
# real layouts: Loghub's ZooKeeper sample (line 755's head), Airflow's task log (apache/airflow #27614), Keycloak on
# Quarkus (keycloak/keycloak #16290, its level ERROR) and WooCommerce's WC_Logger
# (woocommerce/woocommerce #24931)
CURL_TIMEOUT = (
    "cURL error 28: Operation timed out for https://co.app.invoicexpress.com/invoices.json?"
    "api_key=d109a9caf61e73b106f0dd1030387a79f2a82ca2"
)
LAYOUTS = [
    "2015-07-29 19:03:35,413 - ERROR [LearnerHandler-/10.10.34.11:52225:LearnerHandler@562] - ",
    "[2022-11-09, 09:59:40 UTC] {taskinstance.py:1851} ERROR - ",
    "2023-01-06 18:09:38,535 ERROR [org.keycloak.services] (executor-thread-16) ",
    "2019-10-30T02:16:30+00:00 CRITICAL ",
]


def test_a_vendors_error_logged_in_four_layouts_is_one_group(index, tmp_path):
    """An undocumented vendor error is grouped by what the vendor said, not by the layout before it: four programs
    logging InvoiceXpress's time-out made four groups, each named from its layout ("ERROR [<thread>:Sync@<n>] - ...")."""
    report = scanned(index, tmp_path, "sync.log", [layout + CURL_TIMEOUT for layout in LAYOUTS])
    [group] = report.unmatched.values()
    assert (group.vendor, group.text) == ("invoicexpress", "cURL error <n>: Operation timed out for <url>")
    assert [p.line for p in group.places] == [1, 2, 3, 4]


# moby/moby issue #35875 (https://github.com/moby/moby/issues/35875), its Jenkins console excerpt's end (description);
# damianszczepanik/cucumber-reporting-jenkins issue #79 (https://github.com/damianszczepanik/cucumber-reporting-jenkins/issues/79)
JENKINS = [
    "20:44:19 ./integration/COMPONENT/. See ./TESTING.md for more details.",
    "20:44:19 ",
    "20:44:20 Build step 'Execute shell' marked build as failure",
    "20:44:20 Set build name.",
    "20:44:20 New build name is '#35874'",
    "18:45:10 [CucumberReportPublisher] Generating HTML reports",
    "18:45:11 Build step 'Publish cucumber results as a report' marked build as failure",
]
# hashicorp/terraform issue #28045 (https://github.com/hashicorp/terraform/issues/28045), its log's end (turn 0)
TERRAFORM_CRASH = [
    "2021-03-11T01:19:44.218Z [DEBUG] plugin: plugin exited",
    "",
    "!!!!!!!!!!!!!!!!!!!!!!!!!!! TERRAFORM CRASH !!!!!!!!!!!!!!!!!!!!!!!!!!!!",
    "",
    "Terraform crashed! This is always indicative of a bug within Terraform.",
    'A crash log has been placed at "crash.log" relative to your current',
    "working directory. It would be immensely helpful if you could please",
    "report the crash with Terraform[1] so that we can fix this.",
]


@pytest.mark.parametrize("engine", ["hyperscan", "python"])
def test_a_failure_in_fixed_words_at_no_level_is_an_error(index, tmp_path, use_engine, engine):
    """Jenkins's "Build step '...' marked build as failure" and Terraform's "Terraform crashed!" are a build's and a
    run's failure, written at no level: neither was read (only Terraform's "SECURITY WARNING" below its banner was), by
    either needle engine. Jenkins's timestamper writes a time of day alone: the names began "<n>:<n>:<n>"."""
    assert use_engine(engine) == engine
    assert other_groups(scanned(index, tmp_path, "console.log", JENKINS)) == [
        ("Build step 'Execute shell' marked build as failure", [3]),
        ("Build step 'Publish cucumber results as a report' marked build as failure", [7]),
    ]
    assert other_groups(scanned(index, tmp_path, "terraform.log", TERRAFORM_CRASH)) == [
        ("Terraform crashed! This is always indicative of a bug within Terraform.", [5])
    ]

"""A Rails log record's exception is read as the record's error, by explain and by scan (logrec37).

GitLab's JSON logs (production_json.log, integrations_json.log) write a request's failure as flat dotted keys,
"exception.class" and "exception.message" beside "status": 500; Rails' semantic_logger writes it one object down,
"exception": {"name", "message", "stack_trace"}. A Rails app that calls MYOB, Sage or InvoiceXpress logs the vendor's
error so, in the exception's message: explain read such a record as its fields (no vendor named, the status alone), and
scan named the line "HTTP 500 POST /sync", the vendor's words unread. The records below are real lines of each logger
(their sources beside them) with the exception's message replaced by a real vendor paste of the corpus
(tests/data/realworld.jsonl), as tests/test_explain_log_records.py does; the controls put other services' real bodies
in the same place, and no vendor may claim those.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from typer.testing import CliRunner

from corpus import OWN_CORPUS, load_cases, top_reading
from errcat.cli import app
from errcat.explainer import explain

CASES = {c["id"]: c for c in load_cases(OWN_CORPUS)}
# MYOB's and Sage's bodies (own-x21-0, blind31-53, blind31-51, blind31-52) and documented sentences of MYOB (own-67)
# and InvoiceXpress (own-75, blind31-60), as the corpus holds them
VENDOR_PASTES = ["own-x21-0", "blind31-53", "blind31-51", "blind31-52", "own-67", "own-75", "blind31-60"]

# Each a real record as its logger writes it, the exception's message at "{m}":
LAYOUTS: dict[str, dict[str, Any]] = {
    # GitLab's production_json.log: elastic/beats@73196cbe filebeat/module/gitlab/production/test/production_json.log,
    # pretty-printed there with a comma missing after "duration_s" and "correlation_id" twice (a JSON reader keeps the
    # last): one line here, as GitLab writes it
    "gitlab-production": {
        "method": "GET", "path": "/admin", "format": "html", "controller": "Admin::DashboardController", "action": "index",
        "status": 500, "time": "2019-11-14T13:12:46.156Z", "params": [], "remote_ip": "127.0.0.1", "user_id": 1,
        "username": "root", "ua": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.14; rv:70.0) Gecko/20100101 Firefox/70.0",
        "queue_duration": 274.35, "queue_duration_s": 0.0, "gitaly_calls": 16, "gitaly_duration_s": 0.16,
        "redis_calls": 115, "redis_duration_s": 0.13, "correlation_id": "O1SdybnnIq7", "cpu_s": 17.50,
        "db_duration_s": 0.08, "view_duration_s": 2.39, "duration_s": 20.54, "exception.class": "NameError",
        "exception.message": "{m}",
        "exception.backtrace": [
            "app/controllers/admin/dashboard_controller.rb:11:in `index'",
            "ee/app/controllers/ee/admin/dashboard_controller.rb:14:in `index'",
        ],
    },
    # GitLab's integrations_json.log, a level and a message and no time: GitLab's Jira troubleshooting page (its
    # translation, stored file 4840149816)
    "gitlab-integrations": {
        "severity": "ERROR", "integration_class": "Integrations::Jira", "message": "Error sending message",
        "exception.class": "OpenSSL::SSL::SSLError", "exception.message": "{m}",
    },
    # semantic_logger's JSON formatter, the exception one object down and no message: Better Stack's Ruby logging guide
    # (stored file 55041970866); its class "RuntimeError" as semantic_logger's own test raises it (test/formatters/
    # json_test.rb: raise "Oh no"), for "ZeroDivisionError: <a vendor's words>" says another sender wrote them
    "semantic_logger": {
        "host": "fedora", "application": "Semantic Logger", "timestamp": "2023-04-19T16:09:28.554393Z", "level": "error",
        "level_index": 4, "pid": 259353, "thread": "60", "file": "main.rb", "line": 9, "name": "MyApp",
        "exception": {"name": "RuntimeError", "message": "{m}", "stack_trace": ["main.rb:7:in `/'", "main.rb:7:in `<main>'"]},
    },
}  # fmt: skip


def _record(layout: str, message: str) -> dict[str, Any]:
    return json.loads(json.dumps(LAYOUTS[layout]).replace('"{m}"', json.dumps(message)))


WRITTEN = {"bare": json.dumps, "pretty": lambda o: json.dumps(o, indent=2)}


@pytest.mark.parametrize("written", WRITTEN)
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("case", VENDOR_PASTES)
def test_a_vendors_error_in_the_records_exception_is_matched_as_when_pasted_alone(catalog, case, layout, written):
    paste = CASES[case]["raw"]
    alone = top_reading(catalog, paste)
    assert alone[0] is not None and alone[1] in ("exact", "template", "code")  # the premise: the paste alone names it
    assert top_reading(catalog, WRITTEN[written](_record(layout, paste))) == alone


def test_the_gitlab_records_status_stays_beside_its_exception_and_its_own_request_is_not_the_vendors(catalog):
    """The record's status 500 is read with the exception. Its "GET /admin" is the page GitLab served, not the call the
    action sent: read as that call, it ruled out MYOB's NoABN, documented for POST and PUT."""
    x = explain(catalog, json.dumps(_record("gitlab-production", CASES["own-67"]["raw"])))
    assert (x.exchange.method, x.exchange.status, x.vendor) == (None, 500, "myob")
    assert x.errors[0].candidates[0].entry.id == "myob.purchase-bill-service.no-abn"


def _other_services_bodies() -> list[str]:
    """Other services' real bodies of the corpus, no vendor's: the JSON ones the log-record tests use and blind34's."""
    json_ones = [
        c["raw"]
        for c in CASES.values()
        if c["vendor"] is None and not c["confident"] and c["raw"].lstrip()[:1] == "{" and len(c["raw"]) < 600
    ][:60]
    return json_ones + [c["raw"] for c in CASES.values() if c["id"].startswith("blind34-") and c["vendor"] is None]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_another_services_body_in_the_records_exception_is_claimed_by_no_vendor(catalog, layout):
    bodies = _other_services_bodies()
    assert len(bodies) >= 80
    claimed = []
    for body in bodies:
        x = explain(catalog, json.dumps(_record(layout, body)))
        if x.vendor is not None or any(e.kind in ("exact", "template", "code", "status") for e in x.errors):
            claimed.append((body[:80], x.vendor, [e.kind for e in x.errors]))
    assert claimed == []


def test_scan_names_the_vendors_error_in_a_gitlab_log_and_not_the_records_own(tmp_path):
    """A production_json.log with the real record as it came (NameError, GitLab's own failure) and the same layout
    holding MYOB's NoABN sentence: scan names MYOB's error at its line, with the status the record logged, and leaves
    GitLab's own to the other programs."""
    real = {
        **LAYOUTS["gitlab-production"],
        "exception.message": "undefined local variable or method `adsf' for #<Admin::DashboardController:0x00007ff3c9648588>",
    }
    log = tmp_path / "production_json.log"
    log.write_text(f"{json.dumps(real)}\n{json.dumps(_record('gitlab-production', CASES['own-67']['raw']))}\n")
    result = CliRunner().invoke(app, ["scan", "--all", "-f", "json", str(log)], env={"ERRCAT_CATALOG": ""})
    assert result.exit_code in (0, 1), result.output
    matched = json.loads(result.stdout)["matched"]
    assert [(g["vendor"], g["name"], [x["line"] for x in g["lines"]]) for g in matched] == [("myob", "NoABN", [2])]

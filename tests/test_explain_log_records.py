"""A vendor's error inside a structured log record pasted whole is read as when its message is pasted alone (explain35).

sweep27 found that an Elasticsearch JSON, ECS, Rust tracing, bunyan or Drone line whose message held a vendor's body
(escaped as a JSON string) got a status-only reading or none from `errcat explain <line>`, while the message alone and
`errcat scan` of the same line matched the documented error: explain read the record's "message" as one sentence.
The records below are real lines of each logger (their sources beside them) with their message replaced by a real
vendor paste of the corpus (tests/data/realworld.jsonl); the control puts other services' real bodies in the same
places, and those must still be claimed by no vendor.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from typer.testing import CliRunner

from corpus import OWN_CORPUS, load_cases, top_reading
from errcat.cli import app
from errcat.explainer import explain
from errcat.explainer.logrecord import record_paste

CASES = {c["id"]: c for c in load_cases(OWN_CORPUS)}
# MYOB's body (own-x21-0), Sage's diagnosis fields (blind31-53) and two MYOB bodies as its page prints them
VENDOR_PASTES = ["own-x21-0", "blind31-53", "blind31-51", "blind31-52"]

# Each a real record as its logger writes it, its message at "{m}":
LAYOUTS: dict[str, dict[str, Any]] = {
    # Elastic Common Schema, Python's ecs-logging: tstack/lnav@bb0005f test/logfile_ecs_log.json
    "ecs": {"@timestamp": "2025-01-13T09:58:13.634Z", "log.level": "error", "message": "{m}", "ecs.version": "1.6.0",
            "log": {"logger": "app", "origin": {"file": {"line": 45, "name": "es_logger.py"}, "function": "main"}}},
    # Elasticsearch's own JSON log: GoogleCloudPlatform/ops-agent@588c4b9 logging_processor-elasticsearch-json/input.log
    "elasticsearch": {"type": "server", "timestamp": "2021-12-16T20:53:05,235Z", "level": "ERROR", "component": "o.e.b.Bootstrap",
                      "cluster.name": "elasticsearch", "node.name": "node-1", "message": "{m}"},
    # Rust tracing-subscriber's JSON, its message one object down: tstack/lnav@bb0005f test/logfile_rust_tracing.0
    "rust-tracing": {"timestamp": "2025-10-28T19:15:10.821723Z", "level": "ERROR", "fields": {"message": "{m}"},
                     "target": "sync::client", "threadName": "main", "threadId": 1},
    # bunyan's (renovate's): tstack/lnav@bb0005f test/logfile_bunyan.0
    "bunyan": {"name": "renovate", "hostname": "renovate-gitlab-67c4bcb5-9ggbv", "pid": 7, "level": 50,
               "logContext": "qjifsaDDI", "msg": "{m}", "time": "2023-03-24T14:26:16.243Z", "v": 0},
    # zap's JSON encoder, the failure under "error" beside the record's own message: a Gloo ext-auth plugin README's
    # verify-plugins line (stored file 14179965652)
    "zap": {"level": "error", "ts": "2019-12-17T20:59:17.301Z", "logger": "verify-plugins", "caller": "scripts/verify_plugins.go:54",
            "msg": "Plugin(s) cannot be loaded by Gloo", "error": "{m}"},
}  # fmt: skip


def _record(layout: dict[str, Any], message: str) -> dict[str, Any]:
    return json.loads(json.dumps(layout).replace('"{m}"', json.dumps(message)))


# as the line reaches a terminal: bare, with kubectl logs --prefix's or docker compose's prefix, or pretty-printed
WRITTEN = {
    "bare": json.dumps,
    "kubectl": lambda o: "[pod/sync-7d9c5b/sync] " + json.dumps(o),
    "compose": lambda o: "sync-1  | " + json.dumps(o),
    "pretty": lambda o: json.dumps(o, indent=2),
}


@pytest.mark.parametrize("written", WRITTEN)
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("case", VENDOR_PASTES)
def test_a_vendors_body_in_a_log_records_message_is_matched_as_when_pasted_alone(catalog, case, layout, written):
    body = CASES[case]["raw"]
    alone = top_reading(catalog, body)
    assert alone[0] is not None and alone[1] in ("exact", "template", "code")  # the premise: the body alone names it
    assert top_reading(catalog, WRITTEN[written](_record(LAYOUTS[layout], body))) == alone


def test_the_records_request_fields_are_read_as_the_exchange_they_say(catalog):
    """A bunyan record with the request's method, URL and status beside the body ("ACCESS DENIED: ...", InvoiceXpress's
    documented 401 words, own-115) reads as the same exchange written out as curl -i shows it: the host in the URL field
    is the vendor's evidence, as scan reads it."""
    body, url = CASES["own-115"]["raw"], "https://acme.app.invoicexpress.com/invoices.json"
    record = {**LAYOUTS["bunyan"], "msg": "request failed", "method": "GET", "status": 401, "url": url, "body": body}
    x = explain(catalog, json.dumps(record))
    assert (x.vendor, x.exchange.status, x.exchange.method) == ("invoicexpress", 401, "GET")
    assert top_reading(catalog, json.dumps(record)) == top_reading(catalog, f"GET {url}\nHTTP/1.1 401 Unauthorized\n\n{body}")


def _other_services_bodies() -> list[str]:
    """Other services' real error bodies of the corpus (vendor null, no claim allowed): the JSON ones, short."""
    return [
        c["raw"]
        for c in CASES.values()
        if c["vendor"] is None and not c["confident"] and c["raw"].lstrip()[:1] == "{" and len(c["raw"]) < 600
    ][:60]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_another_services_body_in_a_log_record_is_claimed_by_no_vendor(catalog, layout):
    bodies = _other_services_bodies()
    assert len(bodies) >= 30
    claimed = []
    for body in bodies:
        x = explain(catalog, json.dumps(_record(LAYOUTS[layout], body)))
        if x.vendor is not None or any(e.kind in ("exact", "template", "code", "status") for e in x.errors):
            claimed.append((body[:80], x.vendor, [e.kind for e in x.errors]))
    assert claimed == []


def test_an_object_with_a_level_or_a_time_alone_and_words_is_read_as_it_was():
    """A logger writes a level and a time: such a record is read as its message. An object with one of them whose message
    is words, beside a key of an error's body, is left to the readers that know it: a vendor's error object has a
    "Severity" beside its "Message" too (MYOB's own-x21-0, with its Name and ErrorCode); an object with neither (the
    sage_one gem's request, status and body, own-164) is no record."""
    assert record_paste(json.dumps({**LAYOUTS["bunyan"], "msg": "Found npm package files"})) == "Found npm package files"
    assert record_paste(CASES["own-x21-0"]["raw"]) is None
    assert record_paste(CASES["own-164"]["raw"]) is None


@pytest.mark.parametrize("fmt", ["table", "json", "markdown"])
def test_a_secret_in_a_records_escaped_message_is_not_printed(fmt):
    """The record's message is decoded before it is read: a token escaped in it (\\u0065 for "e") is redacted as one
    written plainly would be, in every format."""
    token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLXZhbHVlLWhlcmU"
    line = json.dumps({**LAYOUTS["bunyan"], "msg": f"GET https://api.myob.com/accountright/ Authorization: Bearer {token}"})
    line = line.replace("eyJ", "\\u0065yJ", 1)
    result = CliRunner().invoke(app, ["explain", "--format", fmt], input=line, env={"ERRCAT_CATALOG": ""})
    assert result.exit_code in (0, 1), result.output
    assert token not in result.output and token[1:20] not in result.output


# vendors' documented sentences as the corpus holds them: MYOB's NoABN (own-67), InvoiceXpress's (own-75, blind31-60)
SENTENCES = ["own-67", "own-75", "blind31-60"]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("case", SENTENCES)
def test_a_vendors_sentence_in_a_log_record_is_matched_as_when_pasted_alone(catalog, case, layout):
    """A sentence alone in the message, or in zap's "error" field beside the record's own message: before, the
    record's other fields were read with it and the sentence was a fuzzy match or none."""
    sentence = CASES[case]["raw"]
    alone = top_reading(catalog, sentence)
    assert alone[0] is not None and alone[1] in ("exact", "template")
    assert top_reading(catalog, json.dumps(_record(LAYOUTS[layout], sentence))) == alone


# Google Cloud Logging's structured records as Cloud Run, GKE and Cloud Functions print them to stdout: a level and a
# message and no time (the agent stamps it when it ships the line). GoogleCloudPlatform's golang-samples: Cloud Run's
# logging-manual Entry as json.Marshal writes it (stored file 2032764052), and a Cloud Functions sample's literal line
# (stored file 9652175035); explain35 left these unread, as its guard for MYOB's object (below) held them back
GCP_LAYOUTS: dict[str, dict[str, Any]] = {
    "cloud-run": {"message": "{m}", "severity": "ERROR", "logging.googleapis.com/trace": "projects/my-project/traces/06796866738c859f2f19b7cfb3214824",
                  "component": "arbitrary-property"},
    "cloud-functions": {"message": "{m}", "severity": "error"},
}  # fmt: skip


@pytest.mark.parametrize("written", WRITTEN)
@pytest.mark.parametrize("layout", GCP_LAYOUTS)
@pytest.mark.parametrize("case", SENTENCES)
def test_a_vendors_sentence_in_a_cloud_logging_record_is_matched_as_when_pasted_alone(catalog, case, layout, written):
    """Before, MYOB's NoABN here was a fuzzy match or none: the record was read as a body whose keys were its words."""
    sentence = CASES[case]["raw"]
    alone = top_reading(catalog, sentence)
    assert alone[0] is not None and alone[1] in ("exact", "template")
    assert top_reading(catalog, WRITTEN[written](_record(GCP_LAYOUTS[layout], sentence))) == alone


@pytest.mark.parametrize("layout", GCP_LAYOUTS)
def test_another_services_body_in_a_cloud_logging_record_is_claimed_by_no_vendor(catalog, layout):
    claimed = []
    for body in _other_services_bodies():
        x = explain(catalog, json.dumps(_record(GCP_LAYOUTS[layout], body)))
        if x.vendor is not None or any(e.kind in ("exact", "template", "code", "status") for e in x.errors):
            claimed.append((body[:80], x.vendor, [e.kind for e in x.errors]))
    assert claimed == []


def _myob_documented_objects() -> list[dict[str, Any]]:
    """Every body MYOB's error document prints (237), as the JSON object MYOB sends: its page prints them as bullets."""
    from conftest import SOURCES

    blocks = re.findall(r'\{[^{}]*"Message"[^{}]*\}', (SOURCES / "myob-business-api-errors.txt").read_text(encoding="utf-8"))
    pairs = re.compile(r'"(\w+)"\s*:\s*("(?:[^"\\\n]|\\.)*"|null|-?\d+)')
    return [{key: json.loads(value) for key, value in pairs.findall(block)} for block in blocks]


def test_myobs_own_error_objects_with_a_severity_stay_its_bodies(catalog):
    """The guard the Cloud Logging records pass: MYOB's object has a Severity and a Message and no time too, and is read
    as MYOB's body (its Name and ErrorCode with it), not as a log record's message. Every documented body, and MYOB's
    object as an integration's note quotes it (own-x21-0)."""
    objects = _myob_documented_objects()
    assert len(objects) == 237 and sum("Severity" in o for o in objects) == 236
    assert [o for o in objects if record_paste(json.dumps(o)) is not None] == []
    x = explain(catalog, CASES["own-x21-0"]["raw"])
    sent = x.errors[0].sent
    assert x.vendor == "myob" and (sent.name, sent.code, sent.severity) == ("IncorrectRowVersionSupplied", "111", "Error")

"""errcat in production telemetry, with the real libraries: Sentry (a capturing transport, no network),
OpenTelemetry (the SDK's in-memory exporter, the requests and httpx instrumentations, a server on
127.0.0.1) and structlog (capture_logs). Every adapter groups one error under one fingerprint, whatever
ids the response holds, adds only redacted text, and never breaks the pipeline it sits in."""

from __future__ import annotations

import asyncio
import gzip
import importlib
import io
import json
import logging
import os
import re
import urllib.error
import urllib.request
import uuid
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ClassVar

import httpx
import pytest
import requests
import sentry_sdk
import structlog
from opentelemetry.instrumentation.httpx import SyncOpenTelemetryTransport
from opentelemetry.instrumentation.requests import RequestsInstrumentor
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from sentry_sdk.transport import Transport
from structlog.testing import capture_logs

import errcat
from errcat.integrations import VendorError
from errcat.integrations import requests as errcat_requests
from errcat.integrations.opentelemetry import hook as otel_hook
from errcat.integrations.sentry import ErrcatIntegration
from errcat.integrations.structlog import ExplainProcessor
from localserver import Handler, server_fixture, serving

SECRET = "sk_live_4eC39HqLyjWDarjtT1zdp7dc"  # a Stripe-shaped key: redaction must hide it everywhere
BODY_25008 = json.dumps(
    {"Errors": [{"Name": "DatePriorToBeginningOfFinancialYear", "Message": "Date cannot be prior to beginning of financial year", "AdditionalDetails": "Date", "ErrorCode": 25008, "Severity": "Error"}]}
)  # fmt: skip
BODY_25003 = json.dumps(
    {"Errors": [{"Name": "TransactionsCannotBeDeleted", "Message": "Transactions cannot be deleted and must be reversed", "ErrorCode": 25003, "Severity": "Error"}]}
)  # fmt: skip
# Stripe's documented error object (docs.stripe.com/api/errors): another service's error, never claimed
BODY_STRIPE = json.dumps({"error": {"code": "card_declined", "message": "Your card was declined.", "type": "card_error"}})
# MYOB's documented 504 (myob-business-api-errors.txt), its guide "backoff": a POST may have been done before it
BODY_GATEWAY_TIMEOUT = json.dumps(
    {"Name": "GatewayTimeout", "Message": "Connection to the API has timed out", "Severity": "Error"}
)
# InvoiceXpress's documented 422 message (catalog/invoicexpress.entries.yaml) in its error objects: its section's anchor
# (#retention-must-be-a-number-between-0-and-99-99) is one of three that redaction took for a token
BODY_IX_RETENTION = json.dumps({"errors": [{"error": "Retention must be a number between 0 and 99.99"}]})
BODY_LEAKY = json.dumps(
    {"Errors": [{"Name": "BrandNewFailure", "Message": f"Gateway rejected api_key={SECRET} for invoice 42", "ErrorCode": 99901}]}
)


class _Vendor(Handler):
    """MYOB's error envelope by path; each response with a fresh request id."""

    def do_POST(self) -> None:
        path = self.path.split("?", 1)[0]
        if path.endswith("/Sale/Invoice/Item"):
            status, body = 400, BODY_25008
        elif path.endswith("/GeneralLedger/JournalTransaction"):
            status, body = 400, BODY_25003
        elif path.endswith("/leaky"):
            status, body = 400, BODY_LEAKY
        elif path == "/v1/charges":
            status, body = 402, BODY_STRIPE
        elif path.endswith("/Sale/Invoice/Service"):
            status, body = 504, BODY_GATEWAY_TIMEOUT
        elif path == "/invoices.json":
            status, body = 422, BODY_IX_RETENTION
        else:
            status, body = 200, "{}"
        self.reply(status, body.encode(), {"Content-Type": "application/json", "X-Request-Id": str(uuid.uuid4())})

    do_GET = do_POST


server = server_fixture(_Vendor)


@pytest.fixture(scope="module")
def catalog():
    return errcat.open_catalog(use_env=False)


def url(server: str, path: str) -> str:
    """An endpoint of a MYOB company file (a new one each call: ids must not split the groups)."""
    return f"{server}/accountright/{uuid.uuid4()}/{path}"


# -- Sentry ---------------------------------------------------------------------------------------


class CapturingTransport(Transport):
    """Keeps every event Sentry would send (no network)."""

    def __init__(self) -> None:
        super().__init__()
        self.events: list[dict] = []

    def capture_envelope(self, envelope) -> None:
        event = envelope.get_event()
        if event is not None:
            self.events.append(event)


# sentry-sdk 3.0 sends no transactions: a trace's spans are streamed, each with its attributes (2.x's span "data");
# it removed start_transaction, send_default_pii (it collects what that option turned on) and enable_logs (on).
SDK3 = int(sentry_sdk.VERSION.split(".")[0]) >= 3
ONLY_2X = ("send_default_pii", "enable_logs")


def _root(name: str) -> Any:
    """A trace's root span: 2.x's transaction, 3.x's span."""
    return sentry_sdk.start_span(name=name) if SDK3 else sentry_sdk.start_transaction(name=name)


def _spans(envelope: Any) -> list[dict]:
    """The spans an envelope (or its bytes) carries, each with its "data" and "trace_id": 2.x's in a transaction,
    3.x's streamed ones (their attributes, each sent as {"value", "type"})."""
    from sentry_sdk.envelope import Envelope

    items = Envelope.deserialize(envelope).items if isinstance(envelope, bytes) else envelope.items
    found: list[dict] = []
    for item in items:
        if item.type not in ("transaction", "span"):
            continue
        payload = item.payload.json or json.loads(item.payload.get_bytes())  # one read back is bytes
        if item.type == "transaction":
            trace = payload["contexts"]["trace"]["trace_id"]
            found += [{**span, "trace_id": trace} for span in payload.get("spans", ())]
        elif item.type == "span":
            for span in payload["items"]:
                data = {k: v["value"] for k, v in span.get("attributes", {}).items()}
                found.append({**span, "data": data, "op": data.get("sentry.op")})
    return found


# a failed call's query as a span ships it: errcat's mark, or sentry-sdk 3's own (its data_collection filters a
# parameter named like a key before errcat's last pass, which a client made again in the process gets at its first event)
HIDDEN_QUERY = ("api_key=[REDACTED]&page=2", "api_key=%5BFiltered%5D&page=2")


def _query(data: dict) -> Any:
    """The query of a call's span or breadcrumb: 2.x's ``http.query``, 3.x's ``url.query``."""
    return data.get("http.query", data.get("url.query"))


@contextmanager
def _sentry_client(catalog, *integrations: Any, **options: Any) -> Iterator[None]:
    """Sentry set up with errcat's integration (and these), none of the SDK's defaults; torn down after."""
    options = {k: v for k, v in options.items() if not (SDK3 and k in ONLY_2X)}
    sentry_sdk.init(integrations=[ErrcatIntegration(catalog), *integrations], default_integrations=False, **options)
    try:
        yield
    finally:
        sentry_sdk.get_client().close()
        # no client: later tests run without Sentry (init() would make an active one, loading every
        # default integration: 3 s, and patches to the standard library the other tests then run under)
        sentry_sdk.get_global_scope().set_client(None)


@pytest.fixture
def sentry(catalog) -> Iterator[CapturingTransport]:
    transport = CapturingTransport()
    with _sentry_client(catalog, transport=transport):
        yield transport


def _capture(error: BaseException) -> None:
    try:
        raise error
    except BaseException:
        sentry_sdk.capture_exception()


def test_sentry_groups_one_error_under_errcats_fingerprint(server, catalog, sentry):
    session = requests.Session()
    session.hooks["response"].append(errcat_requests.hook(catalog=catalog))
    errors = []
    for path in ("Sale/Invoice/Item", "Sale/Invoice/Item", "GeneralLedger/JournalTransaction"):
        with pytest.raises(VendorError) as caught:
            session.post(url(server, path), json={"Date": "2019-07-01"})
        errors.append(caught.value)
        _capture(caught.value)
    sentry_sdk.flush()
    first, second, other = sentry.events
    assert first["fingerprint"] == second["fingerprint"] == [errors[0].explanation.fingerprint]
    assert other["fingerprint"] == [errors[2].explanation.fingerprint] != first["fingerprint"]
    assert first["tags"]["errcat.vendor"] == "myob"
    assert first["tags"]["errcat.match"] == "exact"
    assert first["tags"]["errcat.retry"] == "after-fix"
    assert first["tags"]["errcat.entry"] == errors[0].explanation.errors[0].best.entry.id
    context = first["contexts"]["errcat"]
    assert context["doc_url"].endswith("/myob.md#25008")
    assert context["summary"] == catalog.guide_for(errors[0].explanation.errors[0].best.entry).summary
    assert context["fix"] and context["request_id"] != second["contexts"]["errcat"]["request_id"]


MAY_HAVE_APPLIED = "no after a POST, which may have been applied: check first"


def test_a_gateway_timeout_of_a_post_is_never_tagged_a_plain_resend(server, catalog, sentry, spans):
    """MYOB's GatewayTimeout (504), whose guide says "backoff", answered to a POST: the vendor may have created the
    invoice before the gateway gave up. retry_advice, the exception's message and the text views said check first;
    Sentry's errcat.retry tag, the span's errcat.retry attribute and structlog's errcat.retry said "backoff", so a
    dashboard or an alert rule on them read a resend. They now say what the other views say; a GET keeps backoff."""
    session = requests.Session()
    session.hooks["response"].append(errcat_requests.hook(catalog=catalog))
    raised, responses = {}, {}
    for method in ("POST", "GET"):
        with pytest.raises(VendorError) as caught:
            session.request(method, url(server, "Sale/Invoice/Service"), json={})
        raised[method] = caught.value
        _capture(caught.value)
        responses[method] = requests.request(method, url(server, "Sale/Invoice/Service"), json={})  # instrumented: spans
    sentry_sdk.flush()
    with capture_logs(processors=[ExplainProcessor(catalog)]) as logs:
        for method in ("POST", "GET"):
            structlog.get_logger().warning("sync failed", response=responses[method])
    said = {"POST": MAY_HAVE_APPLIED, "GET": "backoff"}
    assert [e["tags"]["errcat.retry"] for e in sentry.events] == [said["POST"], said["GET"]]
    retries = [s.attributes["errcat.retry"] for s in spans.get_finished_spans()]  # the hooked session's calls and the plain ones
    assert retries == [said["POST"]] * 2 + [said["GET"]] * 2
    assert [line["errcat"]["retry"] for line in logs] == [said["POST"], said["GET"]]
    assert [f"(retry: {said[m]})" in str(raised[m]) for m in ("POST", "GET")] == [True, True]  # the message agreed already
    assert [errcat.retry_advice(raised[m]).retry for m in ("POST", "GET")] == [False, True]


def test_sentry_explains_a_plain_http_error_and_one_raised_from_it(server, sentry):
    """No errcat hook in the client: raise_for_status()'s HTTPError, and an application error raised
    from it, are grouped by the response they carry."""
    response = requests.post(url(server, "Sale/Invoice/Item"), json={})
    with pytest.raises(requests.HTTPError) as caught:
        response.raise_for_status()
    _capture(caught.value)

    class SyncFailed(Exception):
        pass

    try:
        raise SyncFailed("invoice sync failed") from caught.value
    except SyncFailed as wrapped:
        _capture(wrapped)
    _capture(ValueError("not an HTTP error"))
    sentry_sdk.flush()
    direct, wrapped_event, unrelated = sentry.events
    assert direct["fingerprint"] == wrapped_event["fingerprint"]
    assert direct["tags"]["errcat.vendor"] == wrapped_event["tags"]["errcat.vendor"] == "myob"
    assert "fingerprint" not in unrelated and "errcat" not in unrelated.get("contexts", {})
    assert not any(k.startswith("errcat.") for k in unrelated.get("tags", {}))


def test_sentry_groups_a_logged_response_as_it_groups_the_exception(server, catalog):
    """``log.warning("sync failed", extra={"response": r})``, the logging call the docs show for a response
    (ExplainFilter reads it), becomes a Sentry event through Sentry's logging integration: that event had no
    fingerprint, tags or context of errcat's (no exception in it), so each log line was grouped by its text.
    It is now grouped under the fingerprint the raised error gets; another service's response is left alone."""
    from sentry_sdk.integrations.logging import LoggingIntegration

    transport = CapturingTransport()
    log = logging.getLogger("sync-sentry")
    with _sentry_client(catalog, LoggingIntegration(event_level=logging.WARNING), transport=transport):
        try:
            for path in ("Sale/Invoice/Item", "Sale/Invoice/Item"):
                response = requests.post(url(server, path) + f"?api_key={SECRET}", json={})
                log.warning("invoice sync failed: %s", response.url, extra={"response": response})
            log.warning("card refused", extra={"response": requests.post(f"{server}/v1/charges", json={})})
            sentry_sdk.flush()
        finally:
            sentry_sdk.get_isolation_scope().clear_breadcrumbs()  # the log lines, quoting the URL: not the next test's
    first, second, stripe = transport.events
    expected = errcat.explain(f"HTTP/1.1 400\n\n{BODY_25008}", catalog=catalog).fingerprint
    assert first["fingerprint"] == second["fingerprint"] == [expected]
    assert first["tags"]["errcat.vendor"] == "myob" and first["contexts"]["errcat"]["doc_url"].endswith("/myob.md#25008")
    assert "fingerprint" not in stripe and "errcat" not in stripe.get("contexts", {})
    assert SECRET not in json.dumps([first, second])


def test_a_log_lines_breadcrumb_holding_a_credential_is_screened_as_its_sentry_log_is(catalog):
    """review18: a log record holding a credential is screened as a Sentry log (review17, and the gate's formats
    since review18), but the breadcrumb the same record leaves on the scope was screened only when it quoted a URL:
    the next event of any kind (an unrelated ValueError) shipped the Stripe-shaped key in its breadcrumbs."""
    from sentry_sdk.integrations.logging import LoggingIntegration

    transport = CapturingTransport()
    log = logging.getLogger("sync-crumbs")
    with _sentry_client(catalog, LoggingIntegration(level=logging.INFO, event_level=None), transport=transport):
        try:
            log.warning("nightly charge sync used %s", SECRET)
            log.warning("nightly export ran with password=Wombat7Harbor")
            try:
                raise ValueError("unrelated failure")
            except ValueError:
                sentry_sdk.capture_exception()
            sentry_sdk.flush()
        finally:
            sentry_sdk.get_isolation_scope().clear_breadcrumbs()
    (event,) = transport.events
    crumbs = json.dumps(event["breadcrumbs"])
    assert "nightly charge sync used" in crumbs and "nightly export ran with" in crumbs  # the crumbs went, words kept
    assert SECRET not in crumbs and "Wombat7Harbor" not in crumbs


def test_a_sentry_event_about_another_services_call_ships_no_credential_and_claims_nothing(server, catalog):
    """Another service's failed call (Stripe's card_declined: no vendor of the catalog) captured as raise_for_status()'s
    error (requests, httpx) or logged with response= shipped the api_key its URL quotes in the exception's message, where
    ExplainFilter and the structlog processor hide a record's about a call. Such events are screened now, nothing is
    claimed for them; an event about no call (a ValueError of the application's) is still the application's own."""
    from sentry_sdk.integrations.logging import LoggingIntegration

    transport = CapturingTransport()
    address = f"{server}/v1/charges?api_key={SECRET}"
    headers = {"Authorization": f"Bearer {SECRET}"}
    log = logging.getLogger("charges-sentry")
    with _sentry_client(catalog, LoggingIntegration(event_level=logging.ERROR), transport=transport):
        try:
            with pytest.raises(requests.HTTPError) as by_requests:
                requests.post(address, json={}, headers=headers).raise_for_status()
            _capture(by_requests.value)
            with pytest.raises(httpx.HTTPStatusError) as by_httpx:
                httpx.post(address, json={}, headers=headers).raise_for_status()
            _capture(by_httpx.value)
            response = requests.post(address, json={}, headers=headers)
            log.error("card refused at %s", response.url, extra={"response": response})
            _capture(ValueError(f"the application's own words: api_key={SECRET}"))
            sentry_sdk.flush()
        finally:
            sentry_sdk.get_isolation_scope().clear_breadcrumbs()
    *about_calls, unrelated = transport.events
    text = json.dumps(about_calls)
    assert len(about_calls) == 3 and SECRET not in text
    assert "402 Client Error" in text and "Client error '402 Payment Required'" in text and "card refused at" in text
    assert text.count("api_key=[REDACTED]") >= 3  # each message quoting the URL, screened
    assert not any(
        "fingerprint" in e or "errcat" in e.get("contexts", {}) or "errcat.vendor" in e.get("tags", {}) for e in about_calls
    )
    assert SECRET in json.dumps(unrelated)  # not about a call: the application's, as documented (its before_send)


def _refused_address() -> str:
    """A URL on 127.0.0.1 whose port takes no connection (bound, then closed), an api_key in its query."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/invoices.json?api_key={SECRET}"


def test_a_call_that_got_no_answer_ships_and_logs_no_credential(catalog):
    """A vendor that cannot be reached (connection refused, as a DNS failure or a connect timeout leaves it): requests'
    ConnectionError quotes the URL, ``Max retries exceeded with url: /invoices.json?api_key=...``, and holds the request
    but no response, so it was not taken for an error about a call: Sentry shipped the key (the exception's message, the
    frames' locals), and ExplainFilter and the structlog processor passed it to every handler and renderer. Such an
    error is screened as another service's is now, and nothing is claimed for it."""
    from sentry_sdk.integrations.logging import LoggingIntegration

    errors: list[BaseException] = []
    for call in (lambda: requests.get(_refused_address(), timeout=5), lambda: httpx.get(_refused_address(), timeout=5)):
        with pytest.raises((requests.ConnectionError, httpx.ConnectError)) as raised:
            call()
        errors.append(raised.value)
    assert SECRET in str(errors[0])  # requests' own message quotes the key
    transport = CapturingTransport()
    log = logging.getLogger("unreachable-sentry")
    with _sentry_client(catalog, LoggingIntegration(event_level=logging.ERROR), transport=transport):
        try:
            for error in errors:
                _capture(error)
                log.error("sync failed: %s", error)
            sentry_sdk.flush()
        finally:
            sentry_sdk.get_isolation_scope().clear_breadcrumbs()
    shipped = json.dumps(transport.events)
    assert len(transport.events) == 4 and SECRET not in shipped and "Max retries exceeded with url" in shipped
    assert not any("fingerprint" in e or "errcat" in e.get("contexts", {}) for e in transport.events)
    written = io.StringIO()
    handler = logging.StreamHandler(written)
    handler.addFilter(errcat.integrations.ExplainFilter(catalog))
    logger = logging.getLogger("unreachable-logging")
    logger.addHandler(handler)
    try:
        for error in errors:
            try:
                raise error
            except Exception:
                logger.exception("sync failed: %s", error)
    finally:
        logger.removeHandler(handler)
    with _structlog_rendering(catalog, "json") as (slog, out):
        for error in errors:
            try:
                raise error
            except Exception:
                slog.exception("sync failed")
            slog.error("sync failed", error=error)
    for text in (written.getvalue(), out.getvalue()):
        assert "Max retries exceeded with url: /invoices.json?api_key=[REDACTED]" in text and SECRET not in text
    assert SECRET in str(errors[0])  # the program's own exception is left as it is


def test_a_logged_url_string_ships_to_sentry_without_its_credentials_in_the_event_or_the_breadcrumb(catalog):
    """``log.error("sync failed: %s", url)`` with the URL a bare string (no response, no exception): Sentry's logging
    integration shipped its api_key (and a password in its authority) in the event's ``logentry`` (``formatted`` and
    ``params``), and a WARNING line quoting it came back as a breadcrumb in every later event. A log record quoting a URL
    is screened as one about a call now, and a breadcrumb quoting one is too; nothing is claimed for it, the rest of the
    URL is kept, and an event about no URL is the application's own."""
    from sentry_sdk.integrations.logging import LoggingIntegration

    transport = CapturingTransport()
    log = logging.getLogger("sync-sentry-url-args")
    address = f"https://api.example.com/v1/things?api_key={SECRET}&page=2"
    with _sentry_client(catalog, LoggingIntegration(event_level=logging.ERROR), transport=transport):
        try:
            log.warning("calling %s", address)  # a breadcrumb (the event level is ERROR)
            log.error("sync failed: %s", address)
            log.error("sync failed for %(url)s", {"url": f"https://sync:{SECRET}@api.example.com/x"})
            log.error("the application's own words: %s", f"api_key={SECRET}")
            sentry_sdk.flush()
        finally:
            sentry_sdk.get_isolation_scope().clear_breadcrumbs()
    by_url, by_authority, unrelated = transport.events
    said = json.dumps([by_url, by_authority])
    assert SECRET not in said and SECRET not in json.dumps(unrelated.get("breadcrumbs"))
    assert by_url["logentry"]["params"] == ["https://api.example.com/v1/things?api_key=[REDACTED]&page=2"]
    assert by_authority["logentry"]["formatted"] == "sync failed for https://[REDACTED]@api.example.com/x"
    crumbs = [c["message"] for c in unrelated["breadcrumbs"]["values"]]
    assert crumbs[:2] == ["calling " + by_url["logentry"]["params"][0], by_url["logentry"]["formatted"]]
    assert not any("fingerprint" in e or "errcat" in e.get("contexts", {}) for e in transport.events)
    assert SECRET in unrelated["logentry"]["formatted"]  # no URL: the application's, as documented (its before_send)


def test_sentry_groups_a_logged_response_passed_as_an_argument_and_hides_the_scopes_credentials(server, catalog):
    """``log.error("sync failed: %s", response)``, the response itself as the argument (its message says only
    ``<Response [400]>``): errcat read a response given as ``extra={"response": r}`` but not as an argument, so the
    event was neither grouped nor screened, and the URL the application had set as a tag shipped its api_key. It is
    read as ``response=`` is now: MYOB's 25008 grouped under errcat's fingerprint (requests' and httpx's alike),
    another service's call (Stripe's 402) screened and claimed for no vendor."""
    from sentry_sdk.integrations.logging import LoggingIntegration

    transport = CapturingTransport()
    log = logging.getLogger("sync-sentry-response-arg")
    with _sentry_client(catalog, LoggingIntegration(event_level=logging.ERROR), transport=transport):
        try:
            for address, send in (
                (url(server, "Sale/Invoice/Item") + f"?api_key={SECRET}", requests.post),
                (url(server, "Sale/Invoice/Item") + f"?api_key={SECRET}", httpx.post),
                (f"{server}/v1/charges?api_key={SECRET}", requests.post),
            ):
                sentry_sdk.set_tag("vendor_url", address)
                log.error("sync failed: %s", send(address, json={}))
            sentry_sdk.flush()
        finally:
            sentry_sdk.get_isolation_scope().clear_breadcrumbs()
            sentry_sdk.get_isolation_scope().remove_tag("vendor_url")
    by_requests, by_httpx, stripe = transport.events
    expected = errcat.explain(f"HTTP/1.1 400\n\n{BODY_25008}", catalog=catalog).fingerprint
    assert by_requests["fingerprint"] == by_httpx["fingerprint"] == [expected]
    assert by_requests["tags"]["errcat.entry"] == "myob.generic.date-prior-to-beginning-of-financial-year"
    assert "fingerprint" not in stripe and "errcat.vendor" not in stripe["tags"]
    assert SECRET not in json.dumps(transport.events)
    assert stripe["tags"]["vendor_url"].endswith("/v1/charges?api_key=[REDACTED]")


def test_sentry_groups_a_logged_http_error_passed_as_an_argument_and_ships_no_credential(server, catalog):
    """``log.error("sync failed: %s", error)`` with requests' or httpx's HTTPError as the argument (no exc_info):
    Sentry's logging integration made an event whose message and ``params`` quote the URL with its api_key, and
    errcat, which read only ``extra={"response": r}``, left it ungrouped and unscrubbed. Such an event is now
    grouped by the response the error carries and has the key hidden; an unrelated argument is left alone."""
    from sentry_sdk.integrations.logging import LoggingIntegration

    transport = CapturingTransport()
    log = logging.getLogger("sync-sentry-args")
    errors: list[BaseException] = []
    for path in ("Sale/Invoice/Item", "GeneralLedger/JournalTransaction"):
        try:
            requests.post(url(server, path) + f"?api_key={SECRET}", json={}).raise_for_status()
        except requests.HTTPError as error:
            errors.append(error)
    try:
        httpx.post(url(server, "Sale/Invoice/Item") + f"?api_key={SECRET}", json={}).raise_for_status()
    except httpx.HTTPStatusError as error:
        errors.append(error)
    with _sentry_client(catalog, LoggingIntegration(event_level=logging.WARNING), transport=transport):
        try:
            log.error("invoice %s failed: %s", 42, KeyError("total"))  # first: the next ones' log breadcrumbs quote the URL
            for error in errors:
                log.error("invoice sync failed: %s", error)
            log.error("batch %(batch)s failed: %(why)s", {"batch": 7, "why": errors[0]})
            sentry_sdk.flush()
        finally:
            sentry_sdk.get_isolation_scope().clear_breadcrumbs()
    unrelated, item, journal, by_httpx, by_name = transport.events
    expected = errcat.explain(f"HTTP/1.1 400\n\n{BODY_25008}", catalog=catalog).fingerprint
    assert item["fingerprint"] == by_httpx["fingerprint"] == by_name["fingerprint"] == [expected]
    assert journal["fingerprint"] != item["fingerprint"] and journal["tags"]["errcat.vendor"] == "myob"
    assert "api_key=[REDACTED]" in item["logentry"]["formatted"]
    assert "fingerprint" not in unrelated and unrelated["logentry"]["formatted"] == "invoice 42 failed: 'total'"
    assert SECRET not in json.dumps(transport.events, default=repr)


def test_a_log_breadcrumb_of_a_vendor_call_reaches_later_events_hidden_through_the_logging_filter(server, catalog):
    """Sentry's logging integration keeps every log record as a breadcrumb for the events after it, whatever they
    are about: ``log.warning("sync failed: %s", error)`` put the URL's api_key in the next unrelated event, which
    errcat does not annotate. With ``ExplainFilter`` on the logger (as the docs say), the record reaches Sentry
    with the error replaced by its hidden copy, so the breadcrumb carries no key."""
    from sentry_sdk.integrations.logging import LoggingIntegration

    from errcat.integrations import ExplainFilter

    try:
        requests.post(url(server, "Sale/Invoice/Item") + f"?api_key={SECRET}", json={}).raise_for_status()
    except requests.HTTPError as caught:
        error = caught
    transport = CapturingTransport()
    log = logging.getLogger("sync-sentry-crumbs")
    log.addFilter(ExplainFilter(catalog))
    with _sentry_client(catalog, LoggingIntegration(event_level=logging.ERROR), transport=transport):
        try:
            log.warning("invoice sync failed: %s", error)  # a breadcrumb, no event
            sentry_sdk.capture_message("nightly export done")
            sentry_sdk.flush()
        finally:
            sentry_sdk.get_isolation_scope().clear_breadcrumbs()
            log.filters.clear()
    (event,) = transport.events
    (crumb,) = [c for c in event["breadcrumbs"]["values"] if c.get("category") == "sync-sentry-crumbs"]
    assert "api_key=[REDACTED]" in crumb["message"] and "myob 25008" in crumb["message"]
    assert SECRET not in json.dumps(event, default=repr) and "fingerprint" not in event


def test_a_logged_vendor_calls_extra_fields_and_string_arguments_reach_handlers_and_sentry_logs_hidden(server, catalog):
    """``log.warning("sync failed", extra={"response": r, "url": r.url})`` with ``ExplainFilter`` on the logger: the
    message was annotated and an exception among the arguments hidden, but the record's extra fields and string
    arguments were not, so a formatter's ``%(url)s`` printed the api_key, and Sentry's logs (``enable_logs``), which
    ship each extra field as an attribute, sent it over the DSN. In a record errcat annotates they are now hidden
    as the structlog processor hides an event's values; a record about no call is left as it was."""
    from sentry_sdk.integrations.logging import LoggingIntegration

    from errcat.integrations import ExplainFilter

    printed = io.StringIO()
    handler = logging.StreamHandler(printed)
    handler.setFormatter(logging.Formatter("%(message)s url=%(url)s headers=%(headers)s"))
    log = logging.getLogger("sync-extra-fields")
    log.addHandler(handler)
    log.addFilter(ExplainFilter(catalog))
    headers = {"x-myobapi-key": SECRET, "Accept": "application/json"}
    _SentryIngest.envelopes.clear()
    try:
        with serving(_SentryIngest) as ingest, _sentry_client(catalog, LoggingIntegration(), dsn=_dsn(ingest), enable_logs=True):
            response = requests.post(url(server, "Sale/Invoice/Item") + f"?api_key={SECRET}", json={}, headers=headers)
            log.warning("invoice sync failed", extra={"response": response, "url": response.url, "headers": headers})
            log.warning(
                "sync of %s failed: %s", response.url, response.reason, extra={"response": response, "url": "", "headers": {}}
            )
            log.warning("nightly export done", extra={"url": f"{server}/export?api_key={SECRET}", "headers": {}})
            sentry_sdk.flush(10)
    finally:
        sentry_sdk.get_isolation_scope().clear_breadcrumbs()  # the records, one with its key: not the next test's
        log.removeHandler(handler)
        log.filters.clear()
    first, second, other = printed.getvalue().splitlines()
    assert "myob 25008" in first and "url=http://127.0.0.1:" in first and "api_key=[REDACTED]" in first
    assert "'x-myobapi-key': '[REDACTED]'" in first and "'Accept': 'application/json'" in first
    assert second.startswith("sync of http://127.0.0.1:") and "api_key=[REDACTED]" in second
    assert SECRET in other  # no vendor call in it: the application's own record, as it was
    assert headers["x-myobapi-key"] == SECRET  # the application's dict itself is not changed
    logs = [e for e in _SentryIngest.envelopes if b'"type":"log"' in e]
    assert logs and b"api_key=[REDACTED]" in b"".join(logs)
    assert SECRET.encode() not in b"".join(e for e in logs if b"nightly export" not in e)


def test_a_logged_vendor_calls_message_built_with_its_url_is_hidden_as_its_arguments_are(server, catalog):
    """``log.error(f"sync of {r.url} failed", extra={"response": r})``: the URL passed as an argument had its api_key
    hidden, the same URL put in the message itself by an f-string printed it. A message whose %-placeholders would
    change is left to its (hidden) arguments, so the record still formats."""
    from errcat.integrations import ExplainFilter

    printed = io.StringIO()
    handler = logging.StreamHandler(printed)
    log = logging.getLogger("sync-message-built")
    log.addHandler(handler)
    log.addFilter(ExplainFilter(catalog))
    try:
        response = requests.post(url(server, "Sale/Invoice/Item") + f"?api_key={SECRET}", json={})
        log.error(f"sync of {response.url} failed", extra={"response": response})
        log.error("sync failed, api_key=%s (%d%%)", SECRET, 50, extra={"response": response})
    finally:
        log.removeHandler(handler)
        log.filters.clear()
    built, formatted = printed.getvalue().splitlines()
    assert built.startswith("sync of http://127.0.0.1:") and "api_key=[REDACTED] failed" in built and "myob 25008" in built
    assert formatted.startswith("sync failed, api_key=") and "(50%)" in formatted and "myob 25008" in formatted
    assert SECRET not in printed.getvalue()


def test_a_logged_vendor_call_with_more_arguments_than_are_screened_one_by_one_still_hides_them_all(server, catalog):
    """Past the 50 arguments screened one by one, the 51st and later reached the handlers as they were: a record
    listing the calls of a batch printed the api_key of the last ones. Such a record is screened as it prints."""
    from errcat.integrations import ExplainFilter

    printed = io.StringIO()
    handler = logging.StreamHandler(printed)
    log = logging.getLogger("sync-many-arguments")
    log.addHandler(handler)
    log.addFilter(ExplainFilter(catalog))
    try:
        response = requests.post(url(server, "Sale/Invoice/Item") + f"?api_key={SECRET}", json={})
        calls = [f"invoice-{i}" for i in range(55)] + [response.url]
        log.error("batch failed: " + " ".join(["%s"] * len(calls)), *calls, extra={"response": response})
    finally:
        log.removeHandler(handler)
        log.filters.clear()
    (line,) = printed.getvalue().splitlines()
    assert line.startswith("batch failed: invoice-0 invoice-1 ") and "invoice-54 http://127.0.0.1:" in line
    assert "api_key=[REDACTED]" in line and "myob 25008" in line and SECRET not in line


def test_the_fields_past_the_fiftieth_of_a_logged_vendor_call_are_hidden_too(server, catalog):
    """A record's extra fields and a structlog event's values were screened up to the 50th: a batch that logged a
    field for each of its 60 calls shipped the api_key of the last ten (Sentry's logs send each extra field as an
    attribute; a structlog renderer prints every value)."""
    from errcat.integrations import ExplainFilter

    response = requests.post(url(server, "Sale/Invoice/Item") + f"?api_key={SECRET}", json={})
    fields = {f"call_{i}": f"invoice-{i}" for i in range(55)} | {"last_call": response.url}
    record = logging.LogRecord("sync", logging.ERROR, __file__, 1, "batch failed", (), None)
    record.__dict__.update(fields, response=response)
    assert ExplainFilter(catalog).filter(record) and "myob 25008" in record.getMessage()
    assert record.__dict__["call_54"] == "invoice-54" and "api_key=[REDACTED]" in record.__dict__["last_call"]
    with capture_logs(processors=[ExplainProcessor(catalog)]) as logs:
        structlog.get_logger().warning("batch failed", response=response, **fields)
    (event,) = logs
    assert event["call_54"] == "invoice-54" and "api_key=[REDACTED]" in event["last_call"] and "errcat" in event
    assert SECRET not in json.dumps(event, default=repr) + json.dumps(record.__dict__, default=repr)


def test_a_logged_vendor_calls_field_of_a_million_rows_is_cut_with_a_mark_not_screened_for_half_a_minute(server, catalog):
    """A field holding a list of rows was screened row by row without bound (35 us a string: a million rows held
    the log call for half a minute, a structlog event's as long). Past errcat's bound the rest of the rows is cut
    off with a mark saying how many, as a message too long to screen is; what is kept is screened, the key hidden."""
    from errcat.integrations import ExplainFilter

    response = requests.post(url(server, "Sale/Invoice/Item") + f"?api_key={SECRET}", json={})
    rows = [f"row {i} ok" for i in range(1_000_000)] + [response.url]
    nested = {"batch": {"calls": [[response.url], *([["ok"]] * 200_000)]}}
    record = logging.LogRecord("sync", logging.ERROR, __file__, 1, "batch failed", (), None)
    record.__dict__.update(rows=rows, nested=nested, response=response)
    assert ExplainFilter(catalog).filter(record) and "myob 25008" in record.getMessage()
    with capture_logs(processors=[ExplainProcessor(catalog)]) as logs:
        structlog.get_logger().warning("batch failed", response=response, rows=rows)
    (event,) = logs
    for kept in (record.__dict__["rows"], event["rows"]):
        assert kept[0] == "row 0 ok" and len(kept) < 20_000
        assert kept[-1].startswith("[errcat: ") and kept[-1].endswith(
            " more items not shown, too many to screen for credentials]"
        )
    calls = record.__dict__["nested"]["batch"]["calls"]
    assert "api_key=[REDACTED]" in calls[0][0] and calls[-1].endswith("too many to screen for credentials]")
    assert SECRET not in json.dumps(event, default=repr) + json.dumps(record.__dict__, default=repr)


def test_a_logged_vendor_calls_field_nested_deeper_than_errcat_looks_is_not_shown_as_it_was(server, catalog):
    """Past six levels of dicts and lists a field's value was kept as it was, unscreened: a structlog renderer or a
    formatter printed the api_key of a URL (and a password by its key) seven levels down. It is a mark now."""
    from errcat.integrations import ExplainFilter

    response = requests.post(url(server, "Sale/Invoice/Item") + f"?api_key={SECRET}", json={})
    deep: object = {"url": response.url, "password": "Tr0ub4dor&3x"}
    for _ in range(7):
        deep = {"next": [deep]}
    record = logging.LogRecord("sync", logging.ERROR, __file__, 1, "batch failed", (), None)
    record.__dict__.update(trail=deep, response=response)
    assert ExplainFilter(catalog).filter(record) and "myob 25008" in record.getMessage()
    with capture_logs(processors=[ExplainProcessor(catalog)]) as logs:
        structlog.get_logger().warning("batch failed", response=response, trail=deep)
    (event,) = logs
    shown = json.dumps(event, default=repr) + json.dumps(record.__dict__, default=repr)
    assert SECRET not in shown and "Tr0ub4dor&3x" not in shown
    assert "[errcat: nested deeper than 6 levels, not shown]" in json.dumps(event["trail"])


def test_opentelemetrys_log_bridge_ships_an_annotated_records_extra_fields_hidden(server, catalog):
    """OpenTelemetry's LoggingHandler makes each extra field of a record a log attribute: with ``ExplainFilter`` on
    the logger, ``extra={"response": r, "url": r.url, "headers": ...}`` and ``log.exception("sync of %s failed",
    r.url)`` shipped the api_key and the header's key in the attributes and body. Now hidden, as in the message."""
    from opentelemetry.sdk._logs import LoggerProvider, LoggingHandler
    from opentelemetry.sdk._logs import export as log_export

    from errcat.integrations import ExplainFilter

    # the SDK renamed its in-memory exporter (the old name warns); logs are not a stable API yet
    exporter = getattr(log_export, "InMemoryLogRecordExporter", None) or log_export.InMemoryLogExporter
    exporter = exporter()
    provider = LoggerProvider()
    provider.add_log_record_processor(log_export.SimpleLogRecordProcessor(exporter))
    log = logging.getLogger("sync-otel-log-bridge")
    handler = LoggingHandler(logger_provider=provider)
    log.addHandler(handler)
    log.addFilter(ExplainFilter(catalog))
    log.propagate = False
    try:
        response = requests.post(url(server, "Sale/Invoice/Item") + f"?api_key={SECRET}", json={})
        log.warning(
            "invoice sync failed", extra={"response": response, "url": response.url, "headers": {"x-myobapi-key": SECRET}}
        )
        try:
            response.raise_for_status()
        except requests.HTTPError:
            log.exception("sync of %s failed", response.url)
    finally:
        log.removeHandler(handler)
        log.filters.clear()
        provider.shutdown()
    records = [getattr(x, "log_record", x) for x in exporter.get_finished_logs()]
    shipped = repr([(r.body, dict(r.attributes or {})) for r in records])
    assert len(records) == 2 and "myob 25008" in shipped and "api_key=[REDACTED]" in shipped
    assert dict(records[0].attributes or {})["headers"] == {"x-myobapi-key": "[REDACTED]"}
    assert SECRET not in shipped


def test_sentry_groups_aiohttps_bodyless_errors_by_the_call_they_answer(server, catalog, sentry):
    """aiohttp's ClientResponseError holds no body, so errcat knows only vendor and status: MYOB's 25008 from
    /Sale/Invoice/Item and 25003 from /GeneralLedger/JournalTransaction got one fingerprint, and Sentry merged two
    different failures into one issue. With nothing but a status the catalog does not name, the call's method
    and path (ids masked) name it too: one group per endpoint, whatever company file or invoice id it holds."""
    import aiohttp

    async def aiohttp_post(address: str) -> None:
        async with aiohttp.ClientSession(raise_for_status=True) as session, session.post(address, json={}) as response:
            await response.read()

    for path in ("Sale/Invoice/Item", "Sale/Invoice/Item", "GeneralLedger/JournalTransaction"):
        try:
            asyncio.run(aiohttp_post(url(server, path)))
        except aiohttp.ClientResponseError as error:
            _capture(error)
    sentry_sdk.flush()
    first, second, journal = (e["fingerprint"] for e in sentry.events)
    assert first == second and first[0].startswith("myob:")  # another company file: the same call
    assert journal != first and journal[0].startswith("myob:")


def test_sentry_groups_urllibs_and_aiohttps_http_errors_and_ships_no_credential(server, catalog, sentry):
    """urllib's HTTPError and aiohttp's ClientResponseError (``raise_for_status``) are the response, not an
    exception holding one: their events got no fingerprint, tags or context, and aiohttp's message quotes the URL,
    an api_key in its query, which reached Sentry. Now both are grouped as requests' and httpx's errors are, with
    the credentials hidden; and urllib's body, read for the explanation, is still there for the application."""
    import aiohttp

    async def aiohttp_post(address: str) -> None:
        async with aiohttp.ClientSession(raise_for_status=True) as session, session.post(address, json={}) as response:
            await response.read()

    read_after = []
    for _ in range(2):  # a new company file each time: one group all the same
        address = url(server, "Sale/Invoice/Item") + f"?api_key={SECRET}"
        try:
            urllib.request.urlopen(urllib.request.Request(address, data=b"{}", method="POST"))
        except urllib.error.HTTPError as error:
            sentry_sdk.capture_exception()
            read_after.append(error.read())
        try:
            asyncio.run(aiohttp_post(address))
        except aiohttp.ClientResponseError:
            sentry_sdk.capture_exception()
    sentry_sdk.flush()
    urllib_events, aiohttp_events = sentry.events[0::2], sentry.events[1::2]
    expected = errcat.explain(f"HTTP/1.1 400\n\n{BODY_25008}", catalog=catalog).fingerprint
    assert [e["fingerprint"] for e in urllib_events] == [[expected]] * 2
    assert urllib_events[0]["tags"]["errcat.entry"] == "myob.generic.date-prior-to-beginning-of-financial-year"
    first, second = (e.get("fingerprint") for e in aiohttp_events)  # no body in the exception: MYOB by its path
    assert first == second and first is not None and aiohttp_events[0]["tags"]["errcat.vendor"] == "myob"
    assert SECRET not in json.dumps(sentry.events)
    assert read_after == [BODY_25008.encode()] * 2


def test_vendor_errors_of_a_task_group_are_grouped_and_ship_no_credential(server, catalog, sentry):
    """``asyncio.TaskGroup`` (anyio's too) raises the calls' errors as one ExceptionGroup: its Sentry event got no
    fingerprint, and each httpx error's message (the URL, an api_key in its query) shipped as it was; a log line
    of it through ExplainFilter too. The group is explained by its first vendor error, and hidden throughout."""

    async def post(client: httpx.AsyncClient) -> None:
        (await client.post(url(server, "Sale/Invoice/Item") + f"?api_key={SECRET}", json={})).raise_for_status()

    async def batch() -> None:
        async with httpx.AsyncClient() as client, asyncio.TaskGroup() as tasks:
            tasks.create_task(post(client))
            tasks.create_task(post(client))

    written = io.StringIO()
    handler = logging.StreamHandler(written)
    handler.addFilter(errcat.integrations.ExplainFilter(catalog))
    logger = logging.getLogger("sync-batch")
    logger.propagate = False
    logger.addHandler(handler)
    try:
        for _ in range(2):  # new company files, new request ids: one group
            try:
                asyncio.run(batch())
            except ExceptionGroup:
                sentry_sdk.capture_exception()
                logger.exception("batch failed")
    finally:
        logger.removeHandler(handler)
    sentry_sdk.flush()
    expected = errcat.explain(f"HTTP/1.1 400\n\n{BODY_25008}", catalog=catalog).fingerprint
    assert [e["fingerprint"] for e in sentry.events] == [[expected]] * 2
    assert "HTTPStatusError" in [v["type"] for v in sentry.events[0]["exception"]["values"]]  # 1 or 2: the first cancels
    assert written.getvalue().count("[errcat: POST ") == 2 and written.getvalue().count("HTTPStatusError: Client error") >= 2
    assert SECRET not in json.dumps(sentry.events) and SECRET not in written.getvalue()


def test_sentry_adds_nothing_unredacted(server, catalog, sentry):
    session = requests.Session()
    session.hooks["response"].append(errcat_requests.hook(catalog=catalog))
    with pytest.raises(VendorError) as caught:
        session.post(url(server, "leaky"), json={})
    _capture(caught.value)
    sentry_sdk.flush()
    (event,) = sentry.events
    added = json.dumps([event["fingerprint"], event["tags"], event["contexts"]["errcat"]])
    assert SECRET not in added and "[REDACTED]" in added
    assert event["tags"]["errcat.match"] == "none" and event["tags"]["errcat.vendor"] == "myob"


def test_sentry_events_errcat_annotates_carry_no_credential_of_the_call(server, catalog):
    """The SDK itself puts the call's credentials in the event: requests' and httpx's error message
    quote the URL (an api_key in its query), the frames' local variables hold the headers sent, the
    stdlib integration's breadcrumbs the query. In an event errcat annotates they are hidden too."""
    from sentry_sdk.integrations.stdlib import StdlibIntegration

    key = "k7m2q9x4w8z3v6b1n5t0"  # MYOB-key-shaped, as tests/test_integrations.py's
    bearer = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0LXVzZXItNDIifQ.q9Zx7Lm2Kp4Rt8Vw1Ys6Nb3Hd5Fg0Jc"
    headers = {"Authorization": f"Bearer {bearer}", "x-myobapi-key": key}
    transport = CapturingTransport()
    with _sentry_client(catalog, StdlibIntegration(), transport=transport):
        session = requests.Session()
        session.hooks["response"].append(errcat_requests.hook(catalog=catalog))
        with pytest.raises(VendorError) as caught:
            session.post(url(server, "Sale/Invoice/Item") + f"?api_key={SECRET}", json={}, headers=headers)
        _capture(caught.value)
        response = requests.post(url(server, "Sale/Invoice/Item") + f"?api_key={SECRET}", json={}, headers=headers)
        with pytest.raises(requests.HTTPError) as plain:
            response.raise_for_status()
        _capture(plain.value)
        sentry_sdk.flush()
    hooked, raised = transport.events
    for event in (hooked, raised):
        assert event["tags"]["errcat.vendor"] == "myob"
        assert event["breadcrumbs"]["values"] and event["exception"]["values"][-1]["stacktrace"]["frames"]
        sent = json.dumps(event)
        assert SECRET not in sent and key not in sent and bearer not in sent
    assert raised["exception"]["values"][-1]["value"].endswith("?api_key=[REDACTED]")
    assert any(_query(c.get("data", {})) == "api_key=[REDACTED]" for c in raised["breadcrumbs"]["values"])


def test_a_sentry_transaction_carries_no_credential_of_a_failed_call(server, catalog):
    """The error event of a vendor call had its api_key hidden, but the transaction around it still
    sent the stdlib integration's span of the same call with its query (http.query). Every failed
    call's span now has its credentials hidden; a call that succeeded keeps its span as it was. What the
    application set on the scope (a context with the headers sent, an extra with the URL), hidden in the error
    event, shipped whole in the transaction of the same call; it is hidden there too, the trace's ids kept."""
    from sentry_sdk.integrations.stdlib import StdlibIntegration

    key = "k7m2q9x4w8z3v6b1n5t0"  # MYOB-key-shaped, as tests/test_integrations.py's

    class Transactions(CapturingTransport):
        errors: ClassVar[list[dict]] = []
        spans: ClassVar[list[dict]] = []

        def capture_envelope(self, envelope) -> None:
            self.spans.extend(_spans(envelope))
            if not SDK3 and envelope.get_transaction_event() is not None:
                self.events.append(envelope.get_transaction_event())
            elif envelope.get_event() is not None:
                self.errors.append(envelope.get_event())

    transport = Transactions()
    with _sentry_client(catalog, StdlibIntegration(), transport=transport, traces_sample_rate=1.0):
        with (
            sentry_sdk.isolation_scope(),
            _root("invoice sync"),
        ):  # the scope's data: not the next test's
            sentry_sdk.set_context("call", {"headers": {"x-myobapi-key": key}})
            sentry_sdk.set_extra("request_url", f"{server}/Sale/Invoice/Item?api_key={SECRET}")
            if SDK3:  # 3.x spans carry the scope's attributes, not its contexts and extra
                sentry_sdk.set_attribute("call.headers.x-myobapi-key", key)
            requests.post(url(server, "Contact/Customer") + "?page=2", json={})  # 200
            failed = requests.post(url(server, "Sale/Invoice/Item") + f"?api_key={SECRET}&page=2", json={})
            with pytest.raises(requests.HTTPError) as raised:
                failed.raise_for_status()
            _capture(raised.value)
        sentry_sdk.flush()
    calls = [span for span in transport.spans if span["op"] == "http.client"]
    assert [c["data"]["http.response.status_code"] for c in calls] == [200, 400]
    assert _query(calls[0]["data"]) == "page=2" and _query(calls[1]["data"]) in HIDDEN_QUERY
    sent = json.dumps([*transport.events, *transport.spans])
    assert SECRET not in sent and key not in sent
    assert calls[1]["trace_id"] == transport.errors[0]["contexts"]["trace"]["trace_id"]


class _SentryIngest(Handler):
    """Sentry's envelope endpoint as a DSN on 127.0.0.1 points the SDK's own HTTP transport at it."""

    envelopes: ClassVar[list[bytes]] = []

    def do_POST(self) -> None:
        data = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        coding = self.headers.get("Content-Encoding")
        if coding == "br":  # the SDK sends br when the brotli package is installed, else gzip
            data = importlib.import_module("brotli").decompress(data)
        self.envelopes.append(gzip.decompress(data) if coding == "gzip" else data)
        self.reply(200, b"{}", {"Content-Type": "application/json"})


def _dsn(ingest: str) -> str:
    """A DSN pointing the SDK's own HTTP transport at the ingest server (its key made up)."""
    return ingest.replace("http://", "http://0123456789abcdef0123456789abcdef@") + "/1"


def _events(envelopes: list[bytes]) -> list[dict]:
    items = [json.loads(line) for envelope in envelopes for line in envelope.splitlines() if line.startswith(b"{")]
    return [item for item in items if "exception" in item]


def test_sentry_over_its_http_transport_groups_raised_vendor_errors_and_sends_no_credential(server, catalog):
    """Through the SDK's real transport to a DSN on 127.0.0.1: a vendor SDK's own exception quoting the
    error body in its message (no response attached) was not grouped; now it has the fingerprint of
    the response it quotes, while an unrelated error gets none. The stdlib breadcrumb of a failed
    vendor call, hidden in the event errcat annotated, came back with its api_key in the next event
    of any kind; every byte sent is now free of it."""
    from sentry_sdk.integrations.stdlib import StdlibIntegration

    class MyobApiError(Exception):  # as a vendor SDK raises it: status and body in the message
        pass

    _SentryIngest.envelopes.clear()
    with serving(_SentryIngest) as ingest, _sentry_client(catalog, StdlibIntegration(), dsn=_dsn(ingest)):
        response = requests.post(url(server, "Sale/Invoice/Item") + f"?api_key={SECRET}", json={})
        with pytest.raises(requests.HTTPError) as plain:
            response.raise_for_status()
        _capture(plain.value)
        _capture(MyobApiError(f"MYOB API error {response.status_code}: {response.text}"))
        _capture(ValueError("invoice total is not a number"))
        sentry_sdk.flush(10)
    sent = b"".join(_SentryIngest.envelopes)
    plain_event, quoted, unrelated = _events(_SentryIngest.envelopes)
    expected = errcat.explain(f"HTTP/1.1 400\n\n{BODY_25008}", catalog=catalog).fingerprint
    assert plain_event["fingerprint"] == quoted["fingerprint"] == [expected]
    assert quoted["tags"]["errcat.entry"] == plain_event["tags"]["errcat.entry"]
    assert "fingerprint" not in unrelated and not any(k.startswith("errcat.") for k in unrelated.get("tags", {}))
    assert any(_query(c.get("data", {})) == "api_key=[REDACTED]" for c in unrelated["breadcrumbs"]["values"])
    assert SECRET.encode() not in sent


def _sync_and_capture(server: str):
    """A transaction whose vendor call fails, its HTTPError captured; the transaction."""
    with _root("sync") as transaction:
        response = requests.post(url(server, "Sale/Invoice/Item"), json={})
        with pytest.raises(requests.HTTPError) as raised:
            response.raise_for_status()
        _capture(raised.value)
    return transaction


def test_a_sentry_event_errcat_annotates_ships_no_credential_the_application_set_on_its_scope(server, catalog):
    """Through the SDK's HTTP transport: the tags, contexts and extra data an application sets on its scope
    travel in every event, the one errcat annotates included; a call's key put there (a tag, a context's
    headers) shipped in errcat's event beside errcat's redacted context. errcat now hides them in the events
    it annotates (as Sentry's own scrubber does not look at tags or contexts), keeps what holds none, and
    leaves Sentry's trace context as it was: the event still links to its transaction."""
    _SentryIngest.envelopes.clear()
    with serving(_SentryIngest) as ingest, _sentry_client(catalog, dsn=_dsn(ingest), traces_sample_rate=1.0):
        with sentry_sdk.isolation_scope():  # what the application sets stays out of the next tests
            sentry_sdk.set_tag("myob_api_key", SECRET)
            sentry_sdk.set_tag("invoice_batch", "2026-12-05")
            sentry_sdk.set_context("vendor_call", {"headers": {"x-myobapi-key": SECRET}, "note": f"token={SECRET}"})
            sentry_sdk.set_extra("last_key", SECRET)
            transaction = _sync_and_capture(server)
        sentry_sdk.flush(10)
    (event,) = _events(_SentryIngest.envelopes)
    assert event["fingerprint"] == [errcat.explain(f"HTTP/1.1 400\n\n{BODY_25008}", catalog=catalog).fingerprint]
    assert SECRET not in json.dumps(event)
    assert event["tags"]["myob_api_key"] == "[REDACTED]" and event["tags"]["invoice_batch"] == "2026-12-05"
    assert event["contexts"]["vendor_call"] == {"headers": {"x-myobapi-key": "[REDACTED]"}, "note": "token=[REDACTED]"}
    assert event["contexts"]["trace"]["trace_id"] == transaction.trace_id


def test_a_sentry_event_errcat_annotates_ships_no_credential_nested_deeper_than_errcat_looks(server, catalog):
    """Through the SDK's HTTP transport: a value nested past the twelve levels errcat screens in an event was kept as
    it was (review18), so a key the application put deep in its extra data shipped whole. It is a mark now, as
    past the depth hidden_copy looks into."""
    deep: object = {"headers": {"x-myobapi-key": SECRET}, "url": f"https://api.myob.com/x?api_key={SECRET}"}
    for _ in range(13):
        deep = {"next": [deep]}
    _SentryIngest.envelopes.clear()
    with serving(_SentryIngest) as ingest, _sentry_client(catalog, dsn=_dsn(ingest), max_request_body_size="always"):
        with sentry_sdk.isolation_scope():
            sentry_sdk.set_extra("batch", deep)
            _sync_and_capture(server)
        sentry_sdk.flush(10)
    (event,) = _events(_SentryIngest.envelopes)
    assert SECRET not in json.dumps(event)
    assert "errcat" in json.dumps(event["extra"]["batch"])  # a mark where the deep value was, not a silent drop


def test_a_vendor_error_ships_no_credential_in_its_user_transaction_name_trace_op_or_a_sentry_log(server, catalog):
    """Through the SDK's HTTP transport, 2.x and 3.x: the scope's user (``api_key``), the transaction's name (a query's
    token) and the root span's op travel in the event errcat annotates (the op in its trace context), and the op in
    every streamed span; all three shipped their credentials. A Sentry log naming an auth scheme without a URL
    (``failed with {auth}``, a Sage Bearer token its argument) shipped it in its body and its parameter. Each is now
    screened; the event keeps its trace ids, the log its template's words."""
    bearer = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.Zk3Qm8Vn1Lp7Tz2Wx9Rc4Yb6Hd0Sa5Ge"  # a Sage access token's shape
    _SentryIngest.envelopes.clear()
    logs = {} if SDK3 else {"enable_logs": True}
    with serving(_SentryIngest) as ingest, _sentry_client(catalog, dsn=_dsn(ingest), traces_sample_rate=1.0, **STREAMED, **logs):
        with sentry_sdk.isolation_scope() as scope:
            scope.set_user({"id": "42", "api_key": SECRET})
            with importlib.import_module("sentry_sdk.traces").start_span(
                name=f"nightly sync token={SECRET}", attributes={"sentry.op": f"queue.task key={SECRET}"}
            ) as root:
                response = requests.post(url(server, "Sale/Invoice/Item"), json={})
                with pytest.raises(requests.HTTPError) as raised:
                    response.raise_for_status()
                _capture(raised.value)
        importlib.import_module("sentry_sdk.logger").warning(
            "export of {user} failed with {auth}", user="ops", auth=f"Bearer {bearer}"
        )
        sentry_sdk.flush(10)
    sent = b"".join(_SentryIngest.envelopes)
    assert SECRET.encode() not in sent and bearer.encode() not in sent
    (event,) = _events(_SentryIngest.envelopes)
    assert event["user"]["api_key"] in ("[REDACTED]", "[Filtered]")  # 2.x's own scrubber filters a user's api_key
    assert event["user"]["id"] == "42" and event["transaction"] == "nightly sync token=[REDACTED]"
    assert (
        event["contexts"]["trace"]["trace_id"] == root.trace_id
        and event["contexts"]["trace"]["op"] == "queue.task key=[REDACTED]"
    )
    spans = [s for envelope in _SentryIngest.envelopes for s in _spans(envelope)]
    assert [s["op"] for s in spans if s["span_id"] == root.span_id] == ["queue.task key=[REDACTED]"]
    assert b"export of ops failed with Bearer [REDACTED]" in sent


def _attachments(envelope: bytes) -> dict[str, bytes]:
    """The attachments the SDK sent in one envelope, by file name."""
    from sentry_sdk.envelope import Envelope

    items = Envelope.deserialize(envelope).items
    return {item.headers["filename"]: item.payload.get_bytes() for item in items if item.headers.get("type") == "attachment"}


def test_the_attachments_of_an_event_errcat_annotates_ship_no_credential(server, catalog, tmp_path):
    """Through the SDK's HTTP transport: an application attaches the request it sent and its log file to its
    scope (``add_attachment``), and they travel in every event, the one errcat annotates included, and in a
    transaction of a failed call (``add_to_transactions``); the call's api_key and token went out in them while
    the event beside them had both hidden. Text attachments now ship screened (a long one cut at 64 KiB with a
    mark), in that event only: a binary one, and the scope's own, are left as they were."""
    address = f"{url(server, 'Sale/Invoice/Item')}?api_key={SECRET}"
    log_file = tmp_path / "sync.log"
    log_file.write_text(f"POST {address}\n" + "line item 42 ok\n" * 20_000 + f"x-myobapi-key: {SECRET}\n")
    image = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + SECRET.encode()  # binary: not read as text
    _SentryIngest.envelopes.clear()
    from sentry_sdk.integrations.stdlib import StdlibIntegration

    with serving(_SentryIngest) as ingest, _sentry_client(catalog, StdlibIntegration(), dsn=_dsn(ingest), traces_sample_rate=1.0):
        with sentry_sdk.isolation_scope() as scope:
            request = f"POST {address}\nAuthorization: Bearer {SECRET}\n\n{{}}".encode()
            scope.add_attachment(bytes=request, filename="request.txt", **({} if SDK3 else {"add_to_transactions": True}))
            scope.add_attachment(path=str(log_file))
            scope.add_attachment(bytes=image, filename="screen.png")
            _sync_and_capture(server)
            kept = [a.bytes for a in scope._attachments if a.bytes is not None]
        sentry_sdk.flush(10)
    (event,) = _events(_SentryIngest.envelopes)
    assert event["fingerprint"] == [errcat.explain(f"HTTP/1.1 400\n\n{BODY_25008}", catalog=catalog).fingerprint]
    (in_event,) = [e for e in _SentryIngest.envelopes if b'"exception"' in e]
    sent = _attachments(in_event)
    assert set(sent) == {"request.txt", "sync.log", "screen.png"}
    if not SDK3:  # 3.x sends no transaction to attach it to
        (in_transaction,) = [e for e in _SentryIngest.envelopes if b'"type":"transaction"' in e]
        assert _attachments(in_transaction) == {"request.txt": sent["request.txt"]}  # the failed call's transaction
    assert sent["request.txt"].startswith(b"POST http://127.0.0.1:") and b"api_key=[REDACTED]" in sent["request.txt"]
    assert sent["sync.log"].startswith(b"POST ") and re.search(rb"\[errcat: [\d,]+ more bytes not shown", sent["sync.log"])
    assert sent["screen.png"] == image and kept == [request, image]
    assert all(SECRET.encode() not in data for name, data in sent.items() if name != "screen.png")
    assert SECRET.encode() not in b"".join(e for e in _SentryIngest.envelopes if e != in_event)


def test_a_sentry_transaction_of_httpx_calls_errcats_hook_raised_in_carries_no_credential(server, catalog):
    """Sentry's httpx integration notes a call's status when ``send`` returns; errcat's httpx hook raises
    inside ``send``, so the span of the vendor call ended with ``internal_error`` and no status, was not
    taken for a failed call, and went out over the DSN with its api_key in ``http.query`` (the error
    event had it hidden). A span ended by an exception is now scrubbed as a failed call's is."""
    from sentry_sdk.integrations.httpx import HttpxIntegration

    from errcat.integrations import httpx as errcat_httpx

    async def calls() -> None:
        hooks = {"response": [errcat_httpx.async_hook(catalog=catalog)]}
        async with httpx.AsyncClient(event_hooks=hooks) as client:
            with _root("invoice sync"), pytest.raises(VendorError):
                await client.post(url(server, "Sale/Invoice/Item"), params={"api_key": SECRET, "page": 2}, json={})
        sync = httpx.Client(event_hooks={"response": [errcat_httpx.hook(catalog=catalog)]})
        with sync as client, _root("invoice sync"), pytest.raises(VendorError):
            client.post(url(server, "Sale/Invoice/Item"), params={"api_key": SECRET, "page": 2}, json={})

    _SentryIngest.envelopes.clear()
    with serving(_SentryIngest) as ingest, _sentry_client(catalog, HttpxIntegration(), dsn=_dsn(ingest), traces_sample_rate=1.0):
        asyncio.run(calls())
        sentry_sdk.flush(10)
    spans = [span for e in _SentryIngest.envelopes for span in _spans(e) if span["op"] == "http.client"]
    assert len(spans) == 2 and all(span["status"] in ("internal_error", "error") for span in spans)  # 2.x, 3.x
    assert all(_query(span["data"]) in HIDDEN_QUERY for span in spans)
    assert SECRET.encode() not in b"".join(_SentryIngest.envelopes)


def test_a_sentry_transaction_without_a_span_of_the_failed_call_ships_no_credential_the_scope_holds(server, catalog):
    """Through the SDK's HTTP transport and its aiohttp integration: a session made with ``raise_for_status=True``
    raises before the SDK records the call's span, so the transaction held no failed call and went out with the
    scope's context (the headers sent, an api_key) as the application set it, while the error event of the same
    call, which errcat annotated, had them hidden. A transaction of a trace errcat annotated an error in is now
    scrubbed as that event was; a transaction of another trace, with no failed call, is left as it was."""
    import aiohttp
    from sentry_sdk.integrations.aiohttp import AioHttpIntegration

    async def post(address: str) -> None:
        async with aiohttp.ClientSession(raise_for_status=True) as session, session.post(address, json={}) as response:
            await response.read()

    _SentryIngest.envelopes.clear()
    with (
        serving(_SentryIngest) as ingest,
        _sentry_client(catalog, AioHttpIntegration(), dsn=_dsn(ingest), traces_sample_rate=1.0),
    ):
        with sentry_sdk.isolation_scope():  # what the application sets stays out of the next tests
            sentry_sdk.set_context("vendor_call", {"headers": {"x-myobapi-key": SECRET}, "invoice": "INV-42"})
            if SDK3:  # 3.x spans carry the scope's attributes, not its contexts
                sentry_sdk.set_attributes({"vendor_call.x-myobapi-key": SECRET, "vendor_call.invoice": "INV-42"})
            with _root("invoice sync"):
                try:
                    asyncio.run(post(url(server, "Sale/Invoice/Item") + f"?api_key={SECRET}"))
                except aiohttp.ClientResponseError as error:
                    _capture(error)
            if SDK3:
                sentry_sdk.new_trace()  # 2.x's start_transaction starts one
            with _root("nightly report"):
                pass
        sentry_sdk.flush(10)
    (event,) = _events(_SentryIngest.envelopes)
    assert event["fingerprint"][0].startswith("myob:") and "ClientResponseError" in json.dumps(event["exception"])
    if SDK3:
        spans = {span["name"]: span for e in _SentryIngest.envelopes for span in _spans(e)}
        assert not [span for span in spans.values() if span["op"] == "http.client"]  # the SDK made none
        assert spans["invoice sync"]["data"]["vendor_call.x-myobapi-key"] == "[REDACTED]"
        assert spans["invoice sync"]["data"]["vendor_call.invoice"] == "INV-42"
        assert spans["invoice sync"]["trace_id"] == event["contexts"]["trace"]["trace_id"]
        # every streamed span is screened: it is sent as it ends, before errcat knows what its trace ends in
        assert spans["nightly report"]["data"]["vendor_call.x-myobapi-key"] == "[REDACTED]"
        assert SECRET.encode() not in b"".join(_SentryIngest.envelopes)
        return
    items = [json.loads(line) for e in _SentryIngest.envelopes for line in e.splitlines() if line.startswith(b"{")]
    transactions = {item["transaction"]: item for item in items if item.get("type") == "transaction" and "transaction" in item}
    synced = transactions["invoice sync"]
    assert not [span for span in synced.get("spans", ()) if span.get("op") == "http.client"]  # the SDK made none
    assert synced["contexts"]["vendor_call"] == {"headers": {"x-myobapi-key": "[REDACTED]"}, "invoice": "INV-42"}
    assert synced["contexts"]["trace"]["trace_id"] == event["contexts"]["trace"]["trace_id"]
    assert transactions["nightly report"]["contexts"]["vendor_call"]["headers"] == {"x-myobapi-key": SECRET}
    assert SECRET.encode() not in b"".join(e for e in _SentryIngest.envelopes if b"nightly report" not in e)


def test_a_streamed_root_span_ships_no_credential_of_the_processs_command_line(catalog, monkeypatch):
    """sentry-sdk puts the process's command line (sys.argv, ``process.command_args``) on every streamed trace's root
    span (3.x's only kind of span; 2.x's with ``trace_lifecycle="stream"``): a key or a password passed as an argument
    shipped with every trace, as errcat left the SDK's own ``process.`` attributes unscreened. The rest of the line
    stays as it was."""
    database = "postgres://ops:Quokkawinter3596@db.acme.io/erp"
    monkeypatch.setattr("sys.argv", ["sync.py", "--api-key", SECRET, "--password", "Wombat7Harbor", "--db", database])

    class Spans(CapturingTransport):
        spans: ClassVar[list[dict]] = []

        def capture_envelope(self, envelope) -> None:
            self.spans.extend(_spans(envelope))

    stream = {} if SDK3 else {"trace_lifecycle": "stream"}
    with _sentry_client(catalog, transport=Spans(), traces_sample_rate=1.0, **stream):
        with importlib.import_module("sentry_sdk.traces").start_span(name="nightly sync"):
            pass
        sentry_sdk.flush(10)
    (root,) = Spans.spans
    argv = root["data"]["process.command_args"]
    assert argv[:2] == ["sync.py", "--api-key"] and "--password" in argv and "--db" in argv
    sent = json.dumps(Spans.spans)
    assert SECRET not in sent and "Wombat7Harbor" not in sent and "Quokkawinter3596" not in sent


class _Envelopes(Transport):
    """Keeps every envelope the SDK would send, as the bytes it would send."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[bytes] = []

    def capture_envelope(self, envelope) -> None:
        self.sent.append(envelope.serialize())


STREAMED = {} if SDK3 else {"trace_lifecycle": "stream"}  # 3.x streams every span; 2.x when told to
DATABASE = "postgres://ops:Quokkawinter3596@db.acme.io/erp"  # no key name a data-collection filter knows


def test_a_streamed_spans_links_ship_no_credential(catalog):
    """sentry-sdk 3 sends a span's links with their attributes, and ``before_send_span`` may change only a span's name
    and attributes (the SDK rebuilds the rest from its own copy after the hook): a link's attribute, a job's URL with
    its api_key, went out as it was. errcat now screens a link's attributes as the link is stored, the link's ids kept.
    sentry-sdk 2.x's streamed spans take no links: there is nothing for errcat to screen (checked, not assumed)."""
    traces = importlib.import_module("sentry_sdk.traces")
    if not SDK3:
        assert not hasattr(traces.StreamedSpan, "add_link") and "links" not in traces.start_span.__code__.co_varnames
        return
    transport = _Envelopes()
    with _sentry_client(catalog, transport=transport, traces_sample_rate=1.0):
        with traces.start_span(name="enqueue") as upstream:
            pass
        source = {"messaging.source": f"https://api.acme.io/jobs?api_key={SECRET}", "messaging.batch": "2026-12-05"}
        with traces.start_span(
            name="sync", links=[{"trace_id": upstream.trace_id, "span_id": upstream.span_id, "attributes": source}]
        ) as span:
            span.add_link({"trace_id": upstream.trace_id, "span_id": upstream.span_id, "attributes": {"db": DATABASE}})
        sentry_sdk.flush(10)
    assert SECRET.encode() not in b"".join(transport.sent) and b"Quokkawinter3596" not in b"".join(transport.sent)
    (sync,) = [s for envelope in transport.sent for s in _spans(envelope) if s["name"] == "sync"]
    first, second = sync["links"]
    assert first["span_id"] == second["span_id"] == upstream.span_id
    assert {k: v["value"] for k, v in first["attributes"].items()} == {
        "messaging.source": "https://api.acme.io/jobs?api_key=[REDACTED]", "messaging.batch": "2026-12-05"
    }  # fmt: skip
    assert second["attributes"]["db"]["value"] == "postgres://[REDACTED]@db.acme.io/erp"


def _gate_failing_on(marker: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The exit gate failing on any text holding ``marker``, as a bug in the gate would."""
    from errcat import gate

    screen = gate.shown

    def failing(text: str) -> str:
        if marker in text:
            raise RecursionError("maximum recursion depth exceeded")
        return screen(text)

    monkeypatch.setattr(gate, "shown", failing)


def test_a_streamed_span_errcat_cannot_screen_ships_as_a_stub_and_such_a_log_not_at_all(catalog, monkeypatch):
    """sentry-sdk sends a span as it ends and cannot drop one (``before_send_span`` only changes its name and
    attributes; a hook that raises leaves it as it was). When screening a span failed, errcat's last pass returned
    it as it was, and the span shipped the URL with its api_key and the database URL with its password. Now it ships
    as a stub: its ids and times, the SDK's own attributes, none of the application's, and a name saying why. A
    Sentry log errcat fails to screen was sent as it was too; it is now dropped."""
    _gate_failing_on("invoices.json", monkeypatch)
    transport = _Envelopes()
    logs = {} if SDK3 else {"enable_logs": True}
    with _sentry_client(catalog, transport=transport, traces_sample_rate=1.0, **STREAMED, **logs):
        with importlib.import_module("sentry_sdk.traces").start_span(name="nightly sync") as span:
            span.set_attribute("sync.source", DATABASE)
            span.set_attribute("url.full", f"https://api.acme.io/invoices.json?api_key={SECRET}")
        importlib.import_module("sentry_sdk.logger").warning(f"GET https://api.acme.io/invoices.json?api_key={SECRET}")
        importlib.import_module("sentry_sdk.logger").warning(f"export to {DATABASE} failed")
        sentry_sdk.flush(10)
    sent = b"".join(transport.sent)
    (stub,) = [s for envelope in transport.sent for s in _spans(envelope)]
    assert SECRET.encode() not in sent and b"Quokkawinter3596" not in sent
    assert stub["name"] == "errcat: span not screened" and stub["span_id"] == span.span_id
    assert "sentry.sdk.name" in stub["data"] and "url.full" not in stub["data"] and "sync.source" not in stub["data"]
    assert b"export to postgres://[REDACTED]@db.acme.io/erp failed" in sent  # the log errcat could screen


def test_an_error_event_errcat_fails_to_screen_is_sent_as_a_grouped_stub_without_a_credential(server, catalog, monkeypatch):
    """Through the SDK's HTTP transport: a failed MYOB call's error event, the key in its URL and on the scope's tags.
    When screening it failed, errcat sent it annotated but as it was: the key three times (the exception's message,
    the frames' variables, the tag). Dropping it would lose a crash report without a word; it is now sent as a stub:
    errcat's fingerprint and tags, its trace, the exception's type and where it was raised, nothing the call or the
    application filled in. An event that screens well beside it is sent whole."""
    _gate_failing_on(SECRET, monkeypatch)
    _SentryIngest.envelopes.clear()
    with serving(_SentryIngest) as ingest, _sentry_client(catalog, dsn=_dsn(ingest)):
        for query in (f"?api_key={SECRET}", "?page=2"):
            with sentry_sdk.isolation_scope():
                sentry_sdk.set_tag("myob_api_key", SECRET if query != "?page=2" else "none")
                response = requests.post(url(server, "Sale/Invoice/Item") + query, json={})
                with pytest.raises(requests.HTTPError) as raised:
                    response.raise_for_status()
                _capture(raised.value)
        sentry_sdk.flush(10)
    assert SECRET.encode() not in b"".join(_SentryIngest.envelopes)
    stubbed, whole = _events(_SentryIngest.envelopes)
    expected = [errcat.explain(f"HTTP/1.1 400\n\n{BODY_25008}", catalog=catalog).fingerprint]
    assert stubbed["fingerprint"] == whole["fingerprint"] == expected
    assert stubbed["tags"]["errcat.entry"] == whole["tags"]["errcat.entry"] and "myob_api_key" not in stubbed["tags"]
    (error,) = stubbed["exception"]["values"]
    assert error["type"] == "HTTPError" and error["value"] == "errcat: event not screened"
    frames = error["stacktrace"]["frames"]
    assert any(f["function"] == "_capture" for f in frames) and not any("vars" in f for f in frames)
    assert "page=2" in whole["exception"]["values"][0]["value"] and whole["tags"]["myob_api_key"] == "none"


def test_an_error_event_sent_as_a_stub_keeps_only_the_ids_of_its_trace(server, catalog, monkeypatch):
    """review18: the stub of an event errcat failed to screen kept the event's whole trace context, though its
    docstring says the trace's ids: the root span's op and the dynamic sampling context's transaction (the span's name,
    which the application gives: "nightly sync api_key=...") went out unscreened in it."""
    _gate_failing_on(SECRET, monkeypatch)
    _SentryIngest.envelopes.clear()
    with serving(_SentryIngest) as ingest, _sentry_client(catalog, dsn=_dsn(ingest), traces_sample_rate=1.0):
        named = {"name": f"nightly sync api_key={SECRET}"}
        span = sentry_sdk.start_span(**named, attributes={"sentry.op": f"sync api_key={SECRET}"}) if SDK3 else None
        with span or sentry_sdk.start_transaction(**named, op=f"sync api_key={SECRET}"):
            response = requests.post(url(server, "Sale/Invoice/Item"), json={})
            with pytest.raises(requests.HTTPError) as raised:
                response.raise_for_status()
            _capture(raised.value)
        sentry_sdk.flush(10)
    (stubbed,) = _events(_SentryIngest.envelopes)
    assert stubbed["exception"]["values"][0]["value"] == "errcat: event not screened"
    assert SECRET not in json.dumps(stubbed)
    trace = stubbed["contexts"]["trace"]
    assert len(trace["trace_id"]) == 32 and len(trace["span_id"]) == 16  # the event still links to its trace


def test_a_trace_errcat_fails_to_screen_sends_no_credential_and_the_next_trace_goes_on(server, catalog, monkeypatch):
    """A failed call's span carries its query (2.x's transaction: ``http.query``; 3.x's streamed span: ``url.query``).
    When screening it failed, 2.x's transaction was sent as it was, the api_key in it; it is now dropped (3.x's span
    goes as a stub). A trace that screens well, before and after, is sent as it was."""
    from sentry_sdk.integrations.stdlib import StdlibIntegration

    _gate_failing_on(SECRET, monkeypatch)
    transport = _Envelopes()
    with _sentry_client(catalog, StdlibIntegration(), transport=transport, traces_sample_rate=1.0):
        for name, query in (("nightly report", "?page=1"), ("invoice sync", f"?api_key={SECRET}&page=2"), ("audit", "")):
            with sentry_sdk.isolation_scope(), _root(name):
                requests.post(url(server, "Sale/Invoice/Item") + query, json={})
        sentry_sdk.flush(10)
    sent = b"".join(transport.sent)
    assert SECRET.encode() not in sent
    assert b"nightly report" in sent and b"page=1" in sent and b"audit" in sent


def test_a_second_sentry_init_screens_the_spans_and_logs_sent_before_any_error_event(catalog):
    """A process's second ``sentry_sdk.init`` (a worker that sets Sentry up again, a test suite) made a client whose
    options errcat's last passes were put in only at its first error event: the SDK sets an integration up once a
    process. The spans and Sentry logs it sent before that (3.x sends each as it ends) shipped their credentials.
    Now the second client screens them from its start, as the first does; on 2.x and 3.x alike."""
    with _sentry_client(catalog, transport=_Envelopes()):  # the process's first client, errcat set up
        pass
    transport = _Envelopes()
    logs = {} if SDK3 else {"enable_logs": True}
    sentry_sdk.init(
        integrations=[ErrcatIntegration(catalog)], default_integrations=False, transport=transport,
        traces_sample_rate=1.0, **STREAMED, **logs,
    )  # fmt: skip
    try:
        with importlib.import_module("sentry_sdk.traces").start_span(name="nightly sync") as span:
            span.set_attribute("sync.source", DATABASE)
        importlib.import_module("sentry_sdk.logger").warning(f"export to {DATABASE} failed")
        sentry_sdk.flush(10)
    finally:
        sentry_sdk.get_client().close()
        sentry_sdk.get_global_scope().set_client(None)
    sent = b"".join(transport.sent)
    (sync,) = [s for envelope in transport.sent for s in _spans(envelope)]
    assert sync["data"]["sync.source"] == "postgres://[REDACTED]@db.acme.io/erp"
    assert b'"type":"log"' in sent and b"export to postgres://[REDACTED]@db.acme.io/erp failed" in sent
    assert b"Quokkawinter3596" not in sent


def test_two_sentry_inits_racing_in_two_threads_each_screen_their_spans_from_their_start(catalog, monkeypatch):
    """Real threads, the real SDK: two threads each make errcat's integration, then call ``sentry_sdk.init`` one after
    the other (as two workers of a process setting Sentry up at once do). errcat took itself off the SDK's list of
    integrations set up when it was made, so the first init set it up and the second found it on the list again: the
    client left global sent its spans as they were, a database password in them, until its first error event. Now
    the SDK sets errcat up for each client, under its own lock."""
    from sentry_sdk import integrations

    # as in a fresh process: the SDK's own list, errcat not yet set up (the tests before set it up)
    monkeypatch.setattr(integrations, "_processed_integrations", set(integrations._processed_integrations) | {"errcat"})
    made, first_done, transports = __import__("threading").Barrier(2), __import__("threading").Event(), {}

    def worker(name: str) -> None:
        integration = ErrcatIntegration(catalog)
        made.wait(10)
        if name == "second":
            first_done.wait(10)
        transports[name] = _Envelopes()
        sentry_sdk.init(
            integrations=[integration], default_integrations=False, transport=transports[name], traces_sample_rate=1.0,
            **STREAMED,
        )  # fmt: skip
        first_done.set()

    threads = [__import__("threading").Thread(target=worker, args=(name,)) for name in ("first", "second")]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(20)
        with importlib.import_module("sentry_sdk.traces").start_span(name="nightly sync") as span:
            span.set_attribute("sync.source", DATABASE)
        sentry_sdk.flush(10)
    finally:
        sentry_sdk.get_client().close()
        sentry_sdk.get_global_scope().set_client(None)
    (sync,) = [s for envelope in transports["second"].sent for s in _spans(envelope)]
    assert sync["data"]["sync.source"] == "postgres://[REDACTED]@db.acme.io/erp"


def test_errcats_integration_made_while_the_sdk_sets_up_integrations_in_that_thread_does_not_hang(monkeypatch):
    """The SDK sets each integration up holding a lock that the same thread cannot take twice; errcat took it when
    made, so an integration made inside another's setup (a wrapper that builds errcat's) waited for ever. It now
    waits a bounded time, then goes on, set up as it would be."""
    import time

    from sentry_sdk import integrations

    from errcat.integrations import sentry as errcat_sentry

    monkeypatch.setattr(integrations, "_processed_integrations", set(integrations._processed_integrations))
    monkeypatch.setattr(errcat_sentry, "TAKE_LOCK", 0.2)
    started = time.monotonic()
    with integrations._installer_lock:
        ErrcatIntegration()
    assert time.monotonic() - started < 5
    integrations._processed_integrations.add("errcat")
    assert "errcat" not in integrations._processed_integrations


def test_what_the_sdk_and_a_web_frameworks_scope_add_after_errcat_ships_no_credential(server, catalog):
    """Through the SDK's HTTP transport: a WSGI app (Sentry's own middleware) serving a request whose header and
    query hold a key calls MYOB with it and fails. The middleware's scope adds the request it serves (headers,
    query string) after errcat's global event processor ran, and ``attach_stacktrace`` adds a log event's
    frames (their locals: the headers sent) after every processor: both shipped the key in the events errcat
    annotated, and the application's ``before_send`` saw it. errcat now hides them in a last pass before the
    application's hook; an event it did not annotate reaches that hook as it was."""
    from wsgiref.simple_server import WSGIRequestHandler, make_server

    from sentry_sdk.integrations.logging import LoggingIntegration
    from sentry_sdk.integrations.wsgi import SentryWsgiMiddleware

    def app(environ, start_response):
        key = environ["HTTP_X_MYOBAPI_KEY"]
        requests.post(url(server, "Sale/Invoice/Item") + f"?api_key={key}", json={}).raise_for_status()
        start_response("200 OK", [])
        return [b"synced"]

    class Quiet(WSGIRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    def sync_logged() -> None:
        headers = {"x-myobapi-key": SECRET}  # a local of the frame the stack shows
        try:
            requests.post(url(server, "Sale/Invoice/Item") + f"?api_key={SECRET}", json={}, headers=headers).raise_for_status()
        except requests.HTTPError as error:
            logging.getLogger("sync-stack").error("invoice sync failed: %s", error)

    seen: list[bool] = []

    def before_send(event, hint):
        seen.append(SECRET in json.dumps(event, default=str))
        return event

    _SentryIngest.envelopes.clear()
    web = make_server("127.0.0.1", 0, SentryWsgiMiddleware(app), handler_class=Quiet)
    with (
        serving(_SentryIngest) as ingest,
        _sentry_client(
            catalog,
            LoggingIntegration(event_level=logging.ERROR),
            dsn=_dsn(ingest),
            attach_stacktrace=True,
            send_default_pii=True,
        ),
    ):
        sentry_sdk.get_client().options["before_send"] = before_send  # as sentry_sdk.init(before_send=...) sets it
        try:
            import threading

            threading.Thread(target=web.handle_request, daemon=True).start()
            answer = requests.post(f"http://127.0.0.1:{web.server_port}/sync?token={SECRET}", headers={"x-myobapi-key": SECRET})
            sync_logged()
            sentry_sdk.capture_message(f"nightly export done, token={SECRET}")  # the application's own
            sentry_sdk.flush(10)
        finally:
            web.server_close()
            sentry_sdk.get_isolation_scope().clear_breadcrumbs()
    served, logged, own = [e for e in _SentryIngest.envelopes if b'"type":"event"' in e]
    expected = errcat.explain(f"HTTP/1.1 400\n\n{BODY_25008}", catalog=catalog).fingerprint
    assert answer.status_code == 500 and seen == [False, False, True]
    for envelope, marker in ((served, b'"query_string":"token=[REDACTED]"'), (logged, b'"headers":')):
        (event,) = [json.loads(line) for line in envelope.splitlines() if line.startswith(b'{"') and b'"fingerprint"' in line]
        assert event["fingerprint"] == [expected] and marker in envelope and SECRET.encode() not in envelope
    assert SECRET.encode() in own


def test_the_fingerprint_is_the_same_in_another_process(catalog):
    """Grouping across a fleet needs one fingerprint per error in every process (no per-process hash seed)."""
    import subprocess
    import sys

    paste = f"HTTP/1.1 400\n\n{BODY_25008}"
    code = "import errcat, sys; print(errcat.explain(sys.stdin.read(), catalog=errcat.open_catalog(use_env=False)).fingerprint)"
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    other = subprocess.run([sys.executable, "-c", code], input=paste, capture_output=True, text=True, env=env, check=True)
    assert other.stdout.strip() == errcat.explain(paste, catalog=catalog).fingerprint


def test_sentry_pipeline_survives_whatever_errcat_meets(sentry, caplog, monkeypatch):
    """A response that breaks on every read (read as having nothing since hostile round 8), and errcat
    failing on it: the event still arrives, without errcat's fingerprint."""
    caplog.set_level(logging.DEBUG, logger="errcat.integrations.sentry")

    def failing(*args: object, **kwargs: object) -> None:
        raise RuntimeError("errcat met something it did not expect")

    monkeypatch.setattr("errcat.integrations.sentry.explanation_of", failing)

    class Hostile:
        status_code = 500

        def __getattr__(self, name):
            raise RuntimeError(f"no {name} here")

    class Broken(Exception):
        response = Hostile()

    _capture(Broken("upstream failed"))
    sentry_sdk.flush()
    (event,) = sentry.events
    assert "fingerprint" not in event and event["exception"]["values"][0]["type"].endswith("Broken")
    assert "could not annotate a Sentry event" in caplog.text  # errcat met the failure, and swallowed it


# -- OpenTelemetry --------------------------------------------------------------------------------


@pytest.fixture
def spans(catalog) -> Iterator[InMemorySpanExporter]:
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    instrumentor = RequestsInstrumentor()
    instrumentor.instrument(tracer_provider=provider, response_hook=otel_hook(catalog))
    try:
        yield exporter
    finally:
        instrumentor.uninstrument()


def test_an_unanswered_calls_spans_reach_the_collector_through_errcats_exporter_without_a_credential(catalog):
    """A call to a closed port gets no response, so no response hook: requests' and httpx's instrumentations sent its
    span with ``url.full`` holding the api_key, and requests' an ``exception`` event quoting it (``Max retries
    exceeded with url: /invoices.json?api_key=...``). Through ``ScreenedSpanExporter`` (the real SDK, the real
    instrumentations) both spans reach the exporter with the key hidden and the rest as it was; the same spans without
    it hold the key (what a user not following the docs sends)."""
    from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor

    from errcat.integrations.opentelemetry import ScreenedSpanExporter

    screened, raw = InMemorySpanExporter(), InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(ScreenedSpanExporter(screened)))
    provider.add_span_processor(SimpleSpanProcessor(raw))
    by_requests, by_httpx = RequestsInstrumentor(), HTTPXClientInstrumentor()
    by_requests.instrument(tracer_provider=provider, response_hook=otel_hook(catalog))
    by_httpx.instrument(tracer_provider=provider, response_hook=otel_hook(catalog))
    try:
        with pytest.raises(requests.ConnectionError):
            requests.get(_refused_address(), timeout=5)
        with httpx.Client() as client, pytest.raises(httpx.ConnectError):
            client.get(_refused_address(), timeout=5)
    finally:
        by_requests.uninstrument()
        by_httpx.uninstrument()
        provider.shutdown()

    def sent(spans) -> str:
        return json.dumps([json.loads(span.to_json()) for span in spans])

    assert len(raw.get_finished_spans()) == len(screened.get_finished_spans()) == 2
    assert SECRET in sent(raw.get_finished_spans())  # the instrumentations' own spans: the key
    assert SECRET not in sent(screened.get_finished_spans())
    for span in screened.get_finished_spans():
        full = span.attributes.get("url.full", span.attributes.get("http.url"))
        assert full.startswith("http://127.0.0.1:") and full.endswith("/invoices.json?api_key=[REDACTED]")
        assert span.status.status_code.name == "ERROR"
    messages = [e.attributes["exception.message"] for s in screened.get_finished_spans() for e in s.events]
    assert any("api_key=[REDACTED]" in m for m in messages)


class _OtlpReceiver(Handler):
    """An OTLP/HTTP collector's traces and logs endpoints on 127.0.0.1: the exporters' protobuf bodies, kept."""

    bodies: ClassVar[dict[str, list[bytes]]] = {"/v1/traces": [], "/v1/logs": []}

    def do_POST(self) -> None:
        self.bodies[self.path].append(self.rfile.read(int(self.headers.get("Content-Length", 0))))
        self.reply(200, b"", {"Content-Type": "application/x-protobuf"})


@pytest.mark.filterwarnings("ignore:`LoggingHandler` in `opentelemetry-sdk` is deprecated:DeprecationWarning")
def test_a_screened_span_still_says_how_much_the_sdks_limits_dropped():
    """integ26, the real SDK with span limits (BatchSpanProcessor -> ScreenedSpanExporter -> OTLP/HTTP to 127.0.0.1):
    the span of a vendor's error call, cut to 8 attributes, reached the collector with dropped_attributes_count 0
    (3 straight to OTLP): the screened copy held its attributes, events and links in plain containers, which the
    SDK counts as nothing dropped. Each count now goes with the screened copy, span, events and links alike."""
    from opentelemetry.sdk.trace import SpanLimits
    from opentelemetry.trace import Link

    from errcat.integrations.opentelemetry import ScreenedSpanExporter

    limits = SpanLimits(max_span_attributes=2, max_events=1, max_links=1, max_event_attributes=1, max_link_attributes=1)
    screened, plain = InMemorySpanExporter(), InMemorySpanExporter()
    provider = TracerProvider(span_limits=limits)
    provider.add_span_processor(SimpleSpanProcessor(ScreenedSpanExporter(screened)))
    provider.add_span_processor(SimpleSpanProcessor(plain))
    tracer = provider.get_tracer("integ26")
    with tracer.start_as_current_span("earlier") as earlier:
        pass
    links = [Link(earlier.get_span_context(), {"a": 1, "b": 2}), Link(earlier.get_span_context(), {"c": 3})]
    with tracer.start_as_current_span("sync", links=links) as span:
        for i in range(4):
            span.set_attribute(f"app.{i}", f"https://api.example.com/x?api_key={SECRET}")
        for i in range(3):
            span.add_event(f"e{i}", {"url": f"https://api.example.com/x?api_key={SECRET}", "n": i})
    provider.shutdown()
    (sent,), (raw,) = ([s for s in exporter.get_finished_spans() if s.name == "sync"] for exporter in (screened, plain))
    assert SECRET not in json.dumps([dict(sent.attributes), [dict(e.attributes) for e in sent.events]])
    assert (sent.dropped_attributes, sent.dropped_events, sent.dropped_links) == (2, 2, 1)
    assert (raw.dropped_attributes, raw.dropped_events, raw.dropped_links) == (2, 2, 1)
    assert [e.dropped_attributes for e in sent.events] == [e.dropped_attributes for e in raw.events], (sent.events, raw.events)
    assert [len(e.attributes) for e in sent.events] == [1]
    assert [k.dropped_attributes for k in sent.links] == [k.dropped_attributes for k in raw.links]


def test_opentelemetry_over_otlp_http_carries_the_fingerprint_and_no_credential(server, catalog):
    """What a collector receives, decoded from the wire as one decodes it: the failed call's span names
    errcat's fingerprint in ``error.type`` beside the HTTP status the instrumentation sets, with the
    ``errcat.explanation`` event; the span of a call errcat's own hook raised in has the ``exception``
    event with errcat's summary; the log record that ExplainFilter annotated (the logs signal) carries
    it too; no byte sent holds the call's api_key."""
    pytest.importorskip("opentelemetry.exporter.otlp.proto.http", reason="the OTLP exporter comes with the test extras")
    from opentelemetry.exporter.otlp.proto.http._log_exporter import OTLPLogExporter
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
    from opentelemetry.proto.collector.logs.v1.logs_service_pb2 import ExportLogsServiceRequest
    from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest
    from opentelemetry.sdk._logs import LoggerProvider, LoggingHandler
    from opentelemetry.sdk._logs.export import SimpleLogRecordProcessor

    from errcat.integrations import ExplainFilter

    def attributes(item) -> dict:
        return {a.key: getattr(a.value, a.value.WhichOneof("value")) for a in item.attributes}

    for kept in _OtlpReceiver.bodies.values():
        kept.clear()
    log = logging.getLogger("errcat-test-otlp")
    with serving(_OtlpReceiver) as collector:
        provider = TracerProvider()
        provider.add_span_processor(SimpleSpanProcessor(OTLPSpanExporter(endpoint=f"{collector}/v1/traces")))
        logs = LoggerProvider()
        logs.add_log_record_processor(SimpleLogRecordProcessor(OTLPLogExporter(endpoint=f"{collector}/v1/logs")))
        handler = LoggingHandler(logger_provider=logs)
        log.addHandler(handler)
        log.addFilter(ExplainFilter(catalog))
        instrumentor = RequestsInstrumentor()
        instrumentor.instrument(tracer_provider=provider, response_hook=otel_hook(catalog))
        try:
            requests.post(url(server, "Sale/Invoice/Item") + f"?api_key={SECRET}", json={})
            session = requests.Session()
            session.hooks["response"].append(errcat_requests.hook(catalog=catalog))
            with pytest.raises(VendorError) as raised:
                session.post(url(server, "Sale/Invoice/Item") + f"?api_key={SECRET}", json={})
            log.error("invoice sync failed", exc_info=raised.value)
            provider.force_flush()
            logs.force_flush()
        finally:
            instrumentor.uninstrument()
            log.removeHandler(handler)
            log.filters.clear()
            provider.shutdown()
            logs.shutdown()
    assert SECRET.encode() not in b"".join(b for kept in _OtlpReceiver.bodies.values() for b in kept)
    expected = errcat.explain(f"HTTP/1.1 400\n\n{BODY_25008}", catalog=catalog).fingerprint
    spans = []
    for body in _OtlpReceiver.bodies["/v1/traces"]:
        request = ExportTraceServiceRequest()
        request.ParseFromString(body)
        spans += [span for rs in request.resource_spans for ss in rs.scope_spans for span in ss.spans]
    plain, hooked = spans
    for span in spans:
        said = attributes(span)
        assert said["errcat.fingerprint"] == expected and said["errcat.vendor"] == "myob"
        assert said.get("http.response.status_code", said.get("http.status_code")) == 400
        assert "errcat.explanation" in [event.name for event in span.events]
    assert attributes(plain)["error.type"] == expected
    (exception,) = [event for event in hooked.events if event.name == "exception"]
    assert "myob 25008 DatePriorToBeginningOfFinancialYear" in attributes(exception)["exception.message"]
    records = []
    for body in _OtlpReceiver.bodies["/v1/logs"]:
        request = ExportLogsServiceRequest()
        request.ParseFromString(body)
        records += [r for rl in request.resource_logs for sl in rl.scope_logs for r in sl.log_records]
    (record,) = records
    assert record.severity_text == "ERROR" and "myob 25008" in attributes(record)["errcat"]
    assert attributes(record)["exception.type"] == "RequestsVendorError"


def test_the_screened_exporter_sends_no_credential_of_the_resource_command_line_links_or_events_over_otlp(catalog):
    """The real SDK, OTLP/HTTP to 127.0.0.1, the protobuf decoded as a collector decodes it. ``ScreenedSpanExporter``
    screened a span's own attributes and events only, each list element alone: the Resource (sent with every span:
    ``process.command_line``, a ``service.instance.id`` URL with its token) and the links' attributes went as they
    were, and ``process.command_args = [..., "--password", "Wombat7Harbor"]`` kept the password, which alone is no
    secret. Now each is screened, a command line as the line it makes (as errcat's Sentry adapter reads it); the
    spans, their link and event, and the rest of the resource arrive as they were. A short value is remembered
    screened, with its key: the same word is a key's value under ``x-myobapi-key``, an application's note elsewhere."""
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
    from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.trace import Link

    from errcat.integrations.opentelemetry import ScreenedSpanExporter

    token = "Zx81kfPq0aLmWc3Tn6Yb"
    argv = ["sync.py", "--api-key", SECRET, "--password", "Wombat7Harbor", "--db", DATABASE]
    resource = Resource.create(
        {"service.name": "invoice-sync", "process.command_line": " ".join(argv), "process.command_args": argv,
         "service.instance.id": f"https://hooks.acme.io/i/42?token={token}"}
    )  # fmt: skip
    _OtlpReceiver.bodies["/v1/traces"].clear()
    raw = InMemorySpanExporter()
    with serving(_OtlpReceiver) as collector:
        provider = TracerProvider(resource=resource)
        provider.add_span_processor(SimpleSpanProcessor(ScreenedSpanExporter(OTLPSpanExporter(f"{collector}/v1/traces"))))
        provider.add_span_processor(SimpleSpanProcessor(raw))
        tracer = provider.get_tracer("invoice-sync")
        with tracer.start_as_current_span("enqueue") as upstream:
            pass
        link = Link(upstream.get_span_context(), {"messaging.source": f"https://api.acme.io/jobs?api_key={SECRET}"})
        said_twice = {"invoice.note": "Kestrel4Meadow", "x-myobapi-key": "Kestrel4Meadow"}
        with tracer.start_as_current_span("sync", links=[link], attributes={"process.command_args": argv, **said_twice}) as span:
            span.add_event("retry", {"db.connection": DATABASE, "attempt": 2})
        provider.shutdown()
    assert all(s in json.dumps([json.loads(s.to_json()) for s in raw.get_finished_spans()]) for s in (SECRET, token))
    sent = b"".join(_OtlpReceiver.bodies["/v1/traces"])
    for credential in (SECRET, token, "Wombat7Harbor", "Quokkawinter3596"):
        assert credential.encode() not in sent
    request = ExportTraceServiceRequest()
    request.ParseFromString(_OtlpReceiver.bodies["/v1/traces"][-1])
    (kept,) = request.resource_spans

    def said(item) -> dict:
        return {a.key: _otlp_value(a.value) for a in item.attributes}

    hidden = ["sync.py", "--api-key", "[REDACTED]", "--password", "[REDACTED]", "--db", "postgres://[REDACTED]@db.acme.io/erp"]
    assert said(kept.resource)["service.name"] == "invoice-sync" and said(kept.resource)["process.command_args"] == hidden
    assert said(kept.resource)["service.instance.id"] == "https://hooks.acme.io/i/42?token=[REDACTED]"
    (synced,) = [s for ss in kept.scope_spans for s in ss.spans]
    assert synced.name == "sync" and said(synced)["process.command_args"] == hidden
    assert said(synced)["invoice.note"] == "Kestrel4Meadow" and said(synced)["x-myobapi-key"] == "[REDACTED]"
    (linked,) = synced.links
    assert linked.span_id == upstream.get_span_context().span_id.to_bytes(8, "big")
    assert said(linked)["messaging.source"] == "https://api.acme.io/jobs?api_key=[REDACTED]"
    (retry,) = synced.events
    assert said(retry) == {"db.connection": "postgres://[REDACTED]@db.acme.io/erp", "attempt": 2}


def test_the_screened_exporter_sends_no_credential_of_an_event_name_the_tracers_scope_or_the_tracestate(catalog):
    """The real SDK, OTLP/HTTP to 127.0.0.1, the protobuf decoded. Three places ``ScreenedSpanExporter`` sent as they
    were: an event's name (``span.add_event(f"retry {url}")``), the instrumentation scope a tracer is made with (its
    name and attributes travel beside its spans) and the W3C ``tracestate`` a caller sent (it travels with each span
    of the trace and each link to it). Each is now screened, judged with its key; what holds no credential arrives as
    it was (a vendor's tracestate entry, the scope's version), and the span keeps its trace."""
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
    from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest
    from opentelemetry.trace import Link, NonRecordingSpan, SpanContext, TraceFlags, TraceState, set_span_in_context

    from errcat.integrations.opentelemetry import ScreenedSpanExporter

    token = "Zx81kfPq0aLmWc3Tn6Yb"
    state = TraceState([("acme", f"session:{SECRET}"), ("dd", "s:1;o:rum")])
    caller = SpanContext(0x5CA1AB1E, 0xC0FFEE, True, TraceFlags(1), state)
    _OtlpReceiver.bodies["/v1/traces"].clear()
    with serving(_OtlpReceiver) as collector:
        provider = TracerProvider()
        provider.add_span_processor(SimpleSpanProcessor(ScreenedSpanExporter(OTLPSpanExporter(f"{collector}/v1/traces"))))
        tracer = provider.get_tracer(
            f"sync token={token}", "2.1", attributes={"deploy.hook": f"https://hooks.acme.io/d?token={token}"}
        )
        with tracer.start_as_current_span(
            "sync", context=set_span_in_context(NonRecordingSpan(caller)), links=[Link(caller)]
        ) as span:
            span.add_event(f"retry https://api.acme.io/invoices?api_key={SECRET}", {"attempt": 2})
        provider.shutdown()
    sent = b"".join(_OtlpReceiver.bodies["/v1/traces"])
    assert SECRET.encode() not in sent and token.encode() not in sent
    request = ExportTraceServiceRequest()
    request.ParseFromString(_OtlpReceiver.bodies["/v1/traces"][-1])
    (scoped,) = request.resource_spans[0].scope_spans
    assert scoped.scope.name == "sync token=[REDACTED]" and scoped.scope.version == "2.1"
    assert {a.key: _otlp_value(a.value) for a in scoped.scope.attributes} == {
        "deploy.hook": "https://hooks.acme.io/d?token=[REDACTED]"
    }
    (synced,) = scoped.spans
    assert synced.trace_id == (0x5CA1AB1E).to_bytes(16, "big") and synced.parent_span_id == (0xC0FFEE).to_bytes(8, "big")
    assert synced.trace_state == "acme=session:[REDACTED],dd=s:1;o:rum"  # OTLP 1.45 sends no link's own tracestate
    assert [e.name for e in synced.events] == ["retry https://api.acme.io/invoices?api_key=[REDACTED]"]


def test_the_screened_exporter_hides_credentials_in_mapping_and_mixed_list_attributes(catalog):
    """review16: the SDK (1.45) takes any AnyValue as an attribute: a mapping, a list holding None or a number, a list
    of lists. ``ScreenedSpanExporter`` screened a string or a list of strings only, so a request's mapping
    ({"url": "...?api_key=...", "password": ...}), an argument list with a None in it and a nested one went out over
    OTLP as they were. Each string is now judged with its own key, a list's strings as the line they make."""
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

    from errcat.integrations.opentelemetry import ScreenedSpanExporter

    attributes = {
        "http.request": {"url": f"https://api.acme.io/v1/sync?api_key={SECRET}", "password": "Wombat7Harbor", "tries": 2},
        "job.args": ["sync.py", None, "--password", "Quokkawinter3596", 7],
        "job.steps": [["export", "--password", "Kestrel4Meadow"], ["notify"]],
    }
    _OtlpReceiver.bodies["/v1/traces"].clear()
    raw = InMemorySpanExporter()
    with serving(_OtlpReceiver) as collector:
        provider = TracerProvider()
        provider.add_span_processor(SimpleSpanProcessor(ScreenedSpanExporter(OTLPSpanExporter(f"{collector}/v1/traces"))))
        provider.add_span_processor(SimpleSpanProcessor(raw))
        with provider.get_tracer("invoice-sync").start_as_current_span("sync", attributes=attributes):
            pass
        provider.shutdown()
    kept = json.dumps([json.loads(s.to_json()) for s in raw.get_finished_spans()])
    secrets = (SECRET, "Wombat7Harbor", "Quokkawinter3596", "Kestrel4Meadow")
    assert all(s in kept for s in secrets)  # the SDK holds them as set
    sent = b"".join(_OtlpReceiver.bodies["/v1/traces"])
    assert [s for s in secrets if s.encode() in sent] == []
    assert all(word in sent for word in (b"api.acme.io/v1/sync?api_key=", b"sync.py", b"--password", b"export", b"notify"))


def _otlp_value(value: Any) -> Any:
    """An OTLP AnyValue as Python: a string, a number, or a list of them."""
    kind = value.WhichOneof("value")
    return [_otlp_value(v) for v in value.array_value.values] if kind == "array_value" else getattr(value, kind)


def test_opentelemetry_requests_span_carries_the_fingerprint(server, catalog, spans):
    for path in ("Sale/Invoice/Item", "Sale/Invoice/Item", "GeneralLedger/JournalTransaction", "ok"):
        requests.post(url(server, path), json={})
    first, second, other, fine = spans.get_finished_spans()
    expected = errcat.explain(f"HTTP/1.1 400\n\n{BODY_25008}", catalog=catalog).fingerprint
    assert first.attributes["error.type"] == second.attributes["error.type"] == expected
    assert first.attributes["errcat.fingerprint"] == expected
    assert other.attributes["error.type"] not in (expected, "400")
    assert first.attributes["errcat.vendor"] == "myob" and first.attributes["errcat.match"] == "exact"
    assert first.attributes["errcat.doc_url"].endswith("/myob.md#25008")
    assert first.attributes["errcat.request_id"] != second.attributes["errcat.request_id"]
    (event,) = [e for e in first.events if e.name == "errcat.explanation"]
    assert "financial year" in event.attributes["errcat.summary"]
    assert not any(k.startswith("errcat.") for k in fine.attributes) and not fine.events
    assert "error.type" not in fine.attributes


def test_each_adapters_link_to_the_errors_section_is_the_one_explain_gives(server, catalog, sentry, spans):
    """Sentry's errcat context, the span's errcat.doc_url and structlog's doc_url were '.../reference/[REDACTED]' for
    three InvoiceXpress errors (their anchors read as a token by redaction): a link that led nowhere."""
    want = errcat.explain(f"HTTP/1.1 422\n\n{BODY_IX_RETENTION}", catalog=catalog).doc_url
    assert want is not None and want.endswith("/invoicexpress.md#retention-must-be-a-number-between-0-and-99-99")
    session = requests.Session()
    session.hooks["response"].append(errcat_requests.hook(catalog=catalog))
    with pytest.raises(VendorError) as raised:
        session.post(f"{server}/invoices.json", json={})
    _capture(raised.value)
    (event,) = sentry.events
    assert event["contexts"]["errcat"]["doc_url"] == want
    (span,) = spans.get_finished_spans()
    assert span.attributes["errcat.doc_url"] == want
    with capture_logs(processors=[ExplainProcessor(catalog)]) as logs:
        structlog.get_logger().error("invoice failed", exc_info=raised.value)
    assert logs[0]["errcat"]["doc_url"] == want


def test_a_doc_link_under_a_folder_url_holding_a_token_ships_the_token_hidden(server, catalog, spans, monkeypatch):
    """The folder is the user's (ERRCAT_DOCS_URL): only the section's anchor, errcat's own, is kept as it is."""
    monkeypatch.setenv("ERRCAT_DOCS_URL", f"https://ci:{SECRET}@docs.example.com/errcat/reference")
    requests.post(f"{server}/invoices.json", json={})
    (span,) = spans.get_finished_spans()
    link = span.attributes["errcat.doc_url"]
    assert SECRET not in link and link.endswith("#retention-must-be-a-number-between-0-and-99-99")


def test_opentelemetry_attributes_are_redacted(server, spans):
    requests.post(url(server, "leaky"), json={})
    (span,) = spans.get_finished_spans()
    added = json.dumps({**dict(span.attributes), "events": [dict(e.attributes) for e in span.events]})
    assert "errcat.fingerprint" in added and SECRET not in added and "[REDACTED]" in added


def test_opentelemetry_span_errcat_annotates_carries_no_credential_of_the_url(server, spans):
    """The instrumentation records the full URL, an api_key in its query: on a span errcat annotates
    it is redacted as explain redacts a paste's. Another service's failed call kept it (the Sentry
    integration hides it in a transaction): now hidden too, and the call not claimed. A call that
    succeeded kept its api_key in the span shipped to the collector: hidden too, the span left otherwise
    as it was (no errcat attribute)."""
    requests.post(url(server, "Sale/Invoice/Item") + f"?api_key={SECRET}", json={})
    requests.post(f"{server}/v1/charges?api_key={SECRET}", json={})
    requests.post(url(server, "ok") + f"?api_key={SECRET}", json={})
    annotated, other, fine = spans.get_finished_spans()
    (key,) = [k for k in ("url.full", "http.url") if k in other.attributes]
    assert other.attributes[key].endswith("/v1/charges?api_key=[REDACTED]")
    assert not any(k.startswith("errcat.") for k in other.attributes)
    (key,) = [k for k in ("url.full", "http.url") if k in annotated.attributes]
    assert annotated.attributes["errcat.vendor"] == "myob"
    assert annotated.attributes[key].endswith("/Sale/Invoice/Item?api_key=[REDACTED]")
    assert SECRET not in json.dumps(dict(annotated.attributes))
    assert fine.attributes[key].endswith("/ok?api_key=[REDACTED]")
    assert SECRET not in json.dumps(dict(fine.attributes)) and not any(k.startswith("errcat.") for k in fine.attributes)
    assert "error.type" not in fine.attributes and not fine.events


def test_opentelemetry_httpx_transport_hook(catalog):
    """httpx's instrumentation hands the hook its transport-level response; a body already in memory
    is explained like any other."""
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))

    def vendor(request: httpx.Request) -> httpx.Response:
        return httpx.Response(400, content=BODY_25008.encode(), headers={"X-Request-Id": "rq-77aa"})

    transport = SyncOpenTelemetryTransport(
        httpx.MockTransport(vendor), tracer_provider=provider, response_hook=otel_hook(catalog)
    )
    with httpx.Client(transport=transport) as client:
        response = client.post(f"https://arl2.api.myob.com/accountright/{uuid.uuid4()}/Sale/Invoice/Item", json={})
    assert response.status_code == 400 and response.json()["Errors"][0]["ErrorCode"] == 25008  # the body is still the client's
    (span,) = exporter.get_finished_spans()
    assert span.attributes["errcat.vendor"] == "myob" and span.attributes["errcat.request_id"] == "rq-77aa"
    assert span.attributes["error.type"] == errcat.explain(f"HTTP/1.1 400\n\n{BODY_25008}", catalog=catalog).fingerprint


def test_opentelemetry_httpx_async_client_takes_the_async_hook(catalog):
    """httpx's instrumentation calls only a coroutine function for an AsyncClient and drops a plain
    one silently: the README's response_hook left every AsyncClient span without errcat's facts."""
    from opentelemetry.instrumentation.httpx import AsyncOpenTelemetryTransport

    from errcat.integrations.opentelemetry import async_hook

    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))

    async def vendor(request: httpx.Request) -> httpx.Response:
        return httpx.Response(400, content=BODY_25008.encode(), headers={"X-Request-Id": "rq-88bb"})

    async def main() -> httpx.Response:
        hooked = AsyncOpenTelemetryTransport(
            httpx.MockTransport(vendor), tracer_provider=provider, response_hook=async_hook(catalog)
        )
        async with httpx.AsyncClient(transport=hooked) as client:
            return await client.post(f"https://arl2.api.myob.com/accountright/{uuid.uuid4()}/Sale/Invoice/Item", json={})

    import asyncio

    response = asyncio.run(main())
    assert response.status_code == 400 and response.json()["Errors"][0]["ErrorCode"] == 25008
    (span,) = exporter.get_finished_spans()
    assert span.attributes["errcat.vendor"] == "myob" and span.attributes["errcat.request_id"] == "rq-88bb"
    assert span.attributes["error.type"] == errcat.explain(f"HTTP/1.1 400\n\n{BODY_25008}", catalog=catalog).fingerprint


class _Streaming(Handler):
    """MYOB's 25008 body sent as a vendor's server may send it: whole, gzip- or raw-deflate-encoded, chunked, longer
    than explain reads (2 MiB and more of padding after it), or cut by a dropped connection."""

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))  # unread, closing the socket resets it
        kind = self.path.rsplit("/", 1)[-1]
        headers = {"Content-Type": "application/json"}
        if kind == "gzip":
            self.reply(400, gzip.compress(BODY_25008.encode()), {**headers, "Content-Encoding": "gzip"})
        elif kind == "deflate-raw":  # a raw deflate stream under "deflate", which httpx reads as well as a zlib one
            packer = zlib.compressobj(9, zlib.DEFLATED, -15)
            packed = packer.compress(BODY_25008.encode()) + packer.flush()
            self.reply(400, packed, {**headers, "Content-Encoding": "deflate"})
        elif kind == "chunked":
            self.send_response(400)
            self.send_header("Content-Type", "application/json")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for part in (BODY_25008[:20].encode(), BODY_25008[20:].encode(), b""):
                self.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))
        elif kind == "long":
            self.reply(400, BODY_25008.encode() + b" " * (3 * 1024 * 1024), headers)
        elif kind == "cut":  # promises more than it sends, then hangs up
            self.send_response(400)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(BODY_25008) + 100))
            self.end_headers()
            self.wfile.write(BODY_25008.encode())
            self.close_connection = True
        else:
            self.reply(400, BODY_25008.encode(), headers)


streaming = server_fixture(_Streaming)


@pytest.fixture
def httpx_spans(catalog) -> Iterator[InMemorySpanExporter]:
    from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor

    from errcat.integrations.opentelemetry import async_hook

    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    instrumentor = HTTPXClientInstrumentor()
    instrumentor.instrument(tracer_provider=provider, response_hook=otel_hook(catalog), async_response_hook=async_hook(catalog))
    try:
        yield exporter
    finally:
        instrumentor.uninstrument()


def test_opentelemetry_httpx_spans_of_calls_that_succeeded_carry_no_credential(server, httpx_spans):
    """httpx's instrumentation (a Client and an AsyncClient over the network) recorded a 200 call's full URL with
    its api_key, and a token in its path, in the span shipped to the collector: errcat hid them only on an error
    status. Every span the hooks are given has them hidden; the body the application reads is untouched."""
    import asyncio

    sync_url = f"{server}/v1/{SECRET}/ok?api_key={SECRET}"  # a secret key in the path too
    with httpx.Client() as client:
        first = client.get(sync_url)

    async def call() -> httpx.Response:
        async with httpx.AsyncClient() as client:
            return await client.get(url(server, "ok") + f"?api_key={SECRET}")

    second = asyncio.run(call())
    assert first.status_code == second.status_code == 200 and first.content == second.content
    spans = httpx_spans.get_finished_spans()
    assert len(spans) == 2
    for span in spans:
        (key,) = [k for k in ("url.full", "http.url") if k in span.attributes]
        assert span.attributes[key].endswith("/ok?api_key=[REDACTED]")
        assert SECRET not in json.dumps(dict(span.attributes)) and not any(k.startswith("errcat.") for k in span.attributes)


@pytest.mark.filterwarnings("error")  # an unclosed stream or generator would be an unraisable warning
@pytest.mark.parametrize("kind", ["whole", "gzip", "deflate-raw", "chunked", "long"])
def test_opentelemetry_httpx_span_over_the_network_reads_the_body_and_leaves_it_to_the_client(
    streaming, catalog, httpx_spans, kind
):
    """On a real connection httpx's instrumentation calls the hook before the client has read the body:
    the span had only the status's fingerprint (myob's 400, not 25008). errcat reads the body's start and
    puts it back: the span names 25008, and the client, reading at once or streaming, gets every byte."""
    body = BODY_25008.encode() + (b" " * (3 * 1024 * 1024) if kind == "long" else b"")
    with httpx.Client() as client:
        read = client.post(url(streaming, f"Sale/Invoice/Item/{kind}"), json={})
        with client.stream("POST", url(streaming, f"Sale/Invoice/Item/{kind}")) as streamed:
            chunks = b"".join(streamed.iter_bytes())
        with client.stream("POST", url(streaming, f"Sale/Invoice/Item/{kind}")) as early:
            next(early.iter_raw())  # a client that leaves the rest unread closes it as before
    assert read.status_code == streamed.status_code == 400 and read.content == chunks == body

    async def main() -> httpx.Response:
        async with httpx.AsyncClient() as client:
            async with client.stream("POST", url(streaming, f"Sale/Invoice/Item/{kind}")) as early:
                await anext(early.aiter_raw())
            return await client.post(url(streaming, f"Sale/Invoice/Item/{kind}"), json={})

    assert asyncio.run(main()).content == body
    expected = errcat.explain(f"HTTP/1.1 400\n\n{BODY_25008}", catalog=catalog)
    for span in httpx_spans.get_finished_spans():
        assert span.attributes["error.type"] == expected.fingerprint
        assert span.attributes["errcat.entry"] == expected.errors[0].best.entry.id


def test_opentelemetry_httpx_hook_leaves_a_broken_body_to_fail_in_the_client(streaming, catalog, httpx_spans):
    """A connection dropped in the middle of an error body fails the client's read as it did without
    errcat (httpx's RemoteProtocolError, in sync and async code); the span still names what was read."""
    with httpx.Client() as client, pytest.raises(httpx.RemoteProtocolError):
        client.post(url(streaming, "Sale/Invoice/Item/cut"), json={})

    async def main() -> None:
        async with httpx.AsyncClient() as client:
            await client.post(url(streaming, "Sale/Invoice/Item/cut"), json={})

    with pytest.raises(httpx.RemoteProtocolError):
        asyncio.run(main())
    expected = errcat.explain(f"HTTP/1.1 400\n\n{BODY_25008}", catalog=catalog).fingerprint
    assert [s.attributes["error.type"] for s in httpx_spans.get_finished_spans()] == [expected, expected]


# -- structlog ------------------------------------------------------------------------------------


def test_structlog_processor_explains_a_response_and_drops_it(server, catalog):
    log = structlog.get_logger()
    first = requests.post(url(server, "Sale/Invoice/Item"), json={})
    again = requests.post(url(server, "Sale/Invoice/Item"), json={})
    leaky = requests.post(url(server, "leaky"), json={})
    with capture_logs(processors=[ExplainProcessor(catalog)]) as logs:
        log.warning("invoice sync failed", response=first, invoice=17)
        log.warning("invoice sync failed", response=again, invoice=18)
        log.warning("gateway said no", response=leaky)
        log.info("nothing to explain", invoice=19)
    a, b, c, plain = logs
    assert "response" not in a and a["invoice"] == 17
    assert a["errcat"]["fingerprint"] == b["errcat"]["fingerprint"]
    assert a["errcat"]["vendor"] == "myob" and a["errcat"]["retry"] == "after-fix"
    assert {"fingerprint", "vendor", "entry", "summary", "retry"} <= set(a["errcat"])
    assert SECRET not in json.dumps(c["errcat"]) and "errcat" not in plain and "response" not in c


def test_structlog_processor_reads_a_vendor_error_from_exc_info(server, catalog):
    session = requests.Session()
    session.hooks["response"].append(errcat_requests.hook(catalog=catalog))
    log = structlog.get_logger()
    with capture_logs(processors=[ExplainProcessor(catalog)]) as logs:
        try:
            session.post(url(server, "GeneralLedger/JournalTransaction"), json={})
        except VendorError as error:
            log.exception("journal failed")
            expected = error.explanation.fingerprint
        try:
            raise KeyError("not an HTTP error")
        except KeyError:
            log.exception("something else")
    explained, other = logs
    assert explained["errcat"]["fingerprint"] == expected
    assert explained["errcat"]["entry"].startswith("myob.")
    assert "errcat" not in other


@pytest.mark.parametrize("pass_foreign_args", [False, True])
def test_structlogs_stdlib_bridge_renders_a_plain_records_failed_call_without_its_key(server, catalog, pass_foreign_args):
    """structlog's stdlib bridge (ProcessorFormatter, errcat's processor in foreign_pre_chain, JSONRenderer), as
    structlog's docs have an application render its plain logging records (integ26): `log.error("sync failed: %s",
    error)` after raise_for_status() reached the JSON line with the URL's api_key, the record's message formatted
    before the chain ran and its arguments gone from the event. The message is now screened, and with
    pass_foreign_args=True the error among the arguments is explained as ExplainFilter explains it."""
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(
            foreign_pre_chain=[ExplainProcessor(catalog), structlog.processors.format_exc_info],
            processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, structlog.processors.JSONRenderer()],
            pass_foreign_args=pass_foreign_args,
        )
    )
    log = logging.getLogger(f"integ26.bridge.{pass_foreign_args}")
    log.addHandler(handler)
    log.propagate = False
    response = requests.post(url(server, "Sale/Invoice/Item") + f"?api_key={SECRET}", json={})
    other = requests.get(f"{server}/v1/charges?api_key={SECRET}")
    for failed in (response, other):
        try:
            failed.raise_for_status()
        except requests.HTTPError as error:
            log.error("sync failed: %s", error)
    log.warning("calling %s", f"{server}/v1/charges?api_key={SECRET}")  # a URL as a string argument
    log.warning("nothing about a call: %s", "fine")
    vendor, service, called, plain = (json.loads(line) for line in out.getvalue().splitlines())
    assert SECRET not in out.getvalue(), out.getvalue()
    assert "for url: http" in vendor["event"] and "for url: http" in service["event"]  # screened, not dropped
    assert plain["event"] == "nothing about a call: fine" and "errcat" not in plain
    assert ("errcat" in vendor) is pass_foreign_args and "errcat" not in service and "errcat" not in called
    if pass_foreign_args:
        assert vendor["errcat"]["vendor"] == "myob"


def test_structlog_explains_urllibs_and_aiohttps_http_errors_and_renders_them_without_the_key(server, catalog):
    """``log.exception`` inside ``except urllib.error.HTTPError`` or ``except aiohttp.ClientResponseError``: the
    event got no errcat key, and format_exc_info wrote aiohttp's message as it is, the URL's api_key in it."""
    import aiohttp

    async def aiohttp_post(address: str) -> None:
        async with aiohttp.ClientSession(raise_for_status=True) as session, session.post(address, json={}) as response:
            await response.read()

    log = structlog.get_logger()
    processors = [ExplainProcessor(catalog), structlog.processors.format_exc_info]
    with capture_logs(processors=processors) as logs:
        try:
            urllib.request.urlopen(urllib.request.Request(url(server, "Sale/Invoice/Item"), data=b"{}", method="POST"))
        except urllib.error.HTTPError:
            log.exception("sync failed")
        try:
            asyncio.run(aiohttp_post(url(server, "Sale/Invoice/Item") + f"?api_key={SECRET}"))
        except aiohttp.ClientResponseError:
            log.exception("sync failed")
    by_urllib, by_aiohttp = logs
    assert by_urllib["errcat"]["entry"] == "myob.generic.date-prior-to-beginning-of-financial-year"
    assert by_aiohttp["errcat"]["vendor"] == "myob" and "ClientResponseError" in by_aiohttp["exception"]
    assert SECRET not in json.dumps(logs, default=str)


@contextmanager
def _structlog_rendering(catalog, renderer: str) -> Iterator[tuple[Any, io.StringIO]]:
    """structlog set up as an application renders its events ("json", "dict_tracebacks" or "console"), errcat's
    processor first: the logger and what it wrote. structlog's defaults again afterwards."""
    renderers = {
        "json": [structlog.processors.format_exc_info, structlog.processors.JSONRenderer()],
        "dict_tracebacks": [structlog.processors.dict_tracebacks, structlog.processors.JSONRenderer()],
        "console": [structlog.dev.ConsoleRenderer(colors=False)],
    }
    out = io.StringIO()
    structlog.configure(
        processors=[ExplainProcessor(catalog), *renderers[renderer]], logger_factory=structlog.PrintLoggerFactory(out)
    )
    try:
        yield structlog.get_logger(), out
    finally:
        structlog.reset_defaults()


def _log_another_exception(log) -> None:
    try:
        raise KeyError("not an HTTP error")
    except KeyError:
        log.exception("something else")


@pytest.mark.parametrize("renderer", ["json", "dict_tracebacks", "console"])
def test_structlog_hides_the_calls_credentials_when_the_event_carries_the_response_and_its_exception(server, catalog, renderer):
    """The documented call, ``log.exception("...", response=r)`` after raise_for_status(): the processor explained the
    response and left the exception to the processors after it, which printed requests' message, the URL with its
    api_key (format_exc_info, dict_tracebacks' exc_value, the console renderer's traceback). An event it explains
    has its exception rendered as when exc_info alone carries the response: credentials hidden."""
    with _structlog_rendering(catalog, renderer) as (log, out):
        response = requests.post(f"{url(server, 'Sale/Invoice/Item')}?api_key={SECRET}", json={})
        try:
            response.raise_for_status()
        except requests.HTTPError:
            log.exception("invoice sync failed", response=response)
    text = out.getvalue()
    assert SECRET not in text, text
    assert "myob:" in text and "HTTPError: 400 Client Error" in text and "api_key=[REDACTED]" in text


@pytest.mark.parametrize("renderer", ["json", "console"])
def test_structlog_renders_an_explained_exception_without_the_calls_credentials(server, catalog, renderer):
    """requests' and httpx's messages quote the URL, an api_key in its query, and the console
    renderer shows each frame's locals (the headers sent): in an event errcat explains, both
    reached the log line. The processor now renders the traceback itself, credentials hidden,
    and leaves another service's exception to the renderer."""
    headers = {"x-myobapi-key": SECRET}  # a local of this frame, as an integration holds its headers
    with _structlog_rendering(catalog, renderer) as (log, out):
        try:
            requests.post(f"{url(server, 'Sale/Invoice/Item')}?api_key={SECRET}", json={}, headers=headers).raise_for_status()
        except requests.HTTPError:
            log.exception("invoice sync failed")
        try:
            with httpx.Client() as client:
                client.post(f"{url(server, 'Sale/Invoice/Item')}?api_key={SECRET}", json={}, headers=headers).raise_for_status()
        except httpx.HTTPStatusError:
            log.exception("invoice sync failed")
        _log_another_exception(log)  # in a frame of its own: its locals hold no credential
    text = out.getvalue()
    assert SECRET not in text
    assert text.count("myob:") == 2 and text.count("api_key=[REDACTED]") == 2  # explained, and the URL kept, hidden
    assert "HTTPError: 400 Client Error" in text and "HTTPStatusError: Client error '400 Bad Request'" in text
    assert "KeyError: 'not an HTTP error'" in text  # another exception: the renderer's as ever


@pytest.mark.parametrize("renderer", ["json", "console"])
def test_a_message_of_a_megabyte_is_shipped_screened_and_cut_with_a_mark(server, catalog, sentry, renderer):
    """An error raised from a vendor's HTTPError with a message of a megabyte (a payload dump, the URL's api_key
    at its end): Sentry's event and structlog's line were screened whole, about 2 s a megabyte inside a log call
    and longer as the message grows. Both now ship the first 64 KiB screened, grouped and explained as ever,
    and a mark saying how many characters were not shown; the key is in neither."""
    address = f"{url(server, 'Sale/Invoice/Item')}?api_key={SECRET}"
    said = f"sync of {address} failed: {'line item 42 rejected; ' * 45_000} last call {address}"
    with _structlog_rendering(catalog, renderer) as (log, out):
        try:
            try:
                requests.post(address, json={}).raise_for_status()
            except requests.HTTPError as error:
                raise RuntimeError(said) from error
        except RuntimeError as error:
            _capture(error)
            log.exception("invoice sync failed")
    sentry_sdk.flush()
    (event,) = sentry.events
    value = event["exception"]["values"][-1]["value"]
    assert event["fingerprint"][0].startswith("myob:") and value.startswith("sync of ")
    assert len(value) < 70_000 and re.search(r"\[errcat: [\d,]+ more characters not shown", value)
    text = out.getvalue()
    assert "myob:" in text and len(text) < 200_000 and "more characters not shown" in text
    assert SECRET not in json.dumps(event) and SECRET not in text


@pytest.mark.parametrize("renderer", ["json", "console"])
def test_structlog_explains_an_http_error_passed_as_a_value_and_hides_the_events_credentials(server, catalog, renderer):
    """``log.error("sync failed", error=e)`` with raise_for_status()'s HTTPError as a value, not exc_info: the event
    was not explained and the renderer wrote the error's repr, the URL's api_key in it; and an explained event's
    other values (``url=r.url``, a ``headers`` dict) were written as they came. The error is now explained and
    shown as a copy with the key hidden, and every value of an event errcat explains has its credentials hidden,
    as the Sentry integration hides a scope's tags; an event about no call is left as it was."""
    address = f"{url(server, 'Sale/Invoice/Item')}?api_key={SECRET}"
    response = requests.post(address, json={})
    try:
        response.raise_for_status()
    except requests.HTTPError as caught:
        error = caught
    with _structlog_rendering(catalog, renderer) as (log, out):
        log.error("invoice sync failed", error=error, invoice=42)
        log.warning("invoice sync failed", url=response.url, headers={"x-myobapi-key": SECRET}, response=response)
        log.warning("card refused", url=f"{server}/v1/charges?api_key={SECRET}")  # about no call: not errcat's to touch
    first, second, other = out.getvalue().splitlines()
    assert "myob:" in first and "myob:" in second and "myob:" not in other
    assert "api_key=[REDACTED]" in first and "invoice" in first and "42" in first
    assert "api_key=[REDACTED]" in second and SECRET not in first + second
    assert SECRET in other and str(error).endswith(SECRET)  # the application's own event and exception, as they were


@pytest.mark.parametrize("renderer", ["json", "console"])
def test_structlog_screens_another_services_event_as_the_logging_filter_does(server, catalog, renderer):
    """An event about another service's call (Stripe's card_declined: no vendor of the catalog) was left as it was:
    its ``url=`` and ``headers`` values and raise_for_status()'s message printed the api_key, where ExplainFilter
    hides a record's. Every event about a call is screened now; nothing is claimed for it (no errcat key)."""
    address = f"{server}/v1/charges?api_key={SECRET}"
    response = requests.post(address, json={})
    with _structlog_rendering(catalog, renderer) as (log, out):
        log.warning("card refused", response=response, url=response.url, headers={"Authorization": f"Bearer {SECRET}"})
        try:
            response.raise_for_status()
        except requests.HTTPError:
            log.exception("charge failed")
        log.error("charge failed", error=requests.HTTPError("402 for url", response=response), url=response.url)
    text = out.getvalue()
    assert SECRET not in text, text
    assert "myob:" not in text and "fingerprint" not in text  # another service's: screened, never claimed (no errcat key)
    assert text.count("api_key=[REDACTED]") == 3 and "Bearer [REDACTED]" in text  # each url=, and the message
    assert "HTTPError: 402 Client Error" in text and "402 for url" in text  # the renderer's traceback and values, as ever


def _charge(server: str) -> None:
    """Another service's call (Stripe's card_declined) raising in a frame whose locals hold its key, as a client
    holds its headers: each short enough that a console renderer prints it whole."""
    headers = {"Authorization": f"Bearer {SECRET}"}
    requests.post(f"{server}/v1/charges", json={}, headers=headers).raise_for_status()


@pytest.mark.parametrize("renderer", ["dict_tracebacks", "console"])
def test_structlog_renders_another_services_call_error_without_its_frames_locals(server, catalog, renderer):
    """integ27: an event about another service's call was screened in its values and messages, but its exc_info went on
    with its traceback, and dict_tracebacks and the console renderer print each frame's locals: the Bearer key of the
    headers sent reached the log line. Its traceback is now rendered by errcat, as an explained one's is (no locals)."""
    with _structlog_rendering(catalog, renderer) as (log, out):
        try:
            _charge(server)
        except requests.HTTPError:
            log.exception("charge failed")
        _log_another_exception(log)  # not about a call: the renderer's, locals and all
    text = out.getvalue()
    assert SECRET not in text, text
    assert "HTTPError: 402 Client Error" in text and "_charge" in text  # the traceback is still told
    assert "myob:" not in text  # another service's: claimed for no vendor
    assert "KeyError" in text


@pytest.mark.parametrize("renderer", ["json", "console"])
def test_structlog_hides_credentials_in_bytes_sets_and_a_requests_header_mapping_of_a_vendor_event(server, catalog, renderer):
    """A vendor call's event carrying the request's headers as requests keeps them (a ``CaseInsensitiveDict``, not a
    dict), its body as bytes, a set of flags and a bytearray: each was rendered as it was, the MYOB key, the Sage
    Bearer token, the api_key and the password in them (errcat looked into dicts, lists and tuples only). Each is now
    screened, bytes as the text they decode to; the event is explained as before."""
    bearer = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.Zk3Qm8Vn1Lp7Tz2Wx9Rc4Yb6Hd0Sa5Ge"  # a Sage access token's shape
    response = requests.post(
        url(server, "Sale/Invoice/Item"), json={}, headers={"x-myobapi-key": SECRET, "Authorization": f"Bearer {bearer}"}
    )
    with _structlog_rendering(catalog, renderer) as (log, out):
        log.error(
            "sync failed", response=response, headers=response.request.headers, body=f"api_key={SECRET}&page=2".encode(),
            flags={"--password=Wombat7Harbor"}, raw=bytearray(f"Authorization: Bearer {bearer}".encode()),
        )  # fmt: skip
    text = out.getvalue()
    assert "myob:" in text and "api_key=[REDACTED]&page=2" in text
    for credential in (SECRET, bearer, "Wombat7Harbor"):
        assert credential not in text


@pytest.mark.parametrize("renderer", ["json", "console"])
def test_structlog_shows_nothing_unscreened_past_the_depth_it_looks_into(server, catalog, renderer):
    """review18: past MAX_DEPTH levels a dict, list or tuple is replaced by a mark ("not looked into, so not shown"),
    but the types screened since claims18 (another mapping: requests' headers; a set; bytes) were returned as they
    were there, and the renderer printed the MYOB key and the api_key in them."""
    response = requests.post(url(server, "Sale/Invoice/Item"), json={}, headers={"x-myobapi-key": SECRET})
    held: Any = {"headers": response.request.headers, "body": f"api_key={SECRET}".encode(), "flags": {f"--key={SECRET}"}}
    for level in ("call", "attempt", "step", "batch", "job"):
        held = {level: held}
    with _structlog_rendering(catalog, renderer) as (log, out):
        log.error("sync failed", response=response, context=held)
    text = out.getvalue()
    assert "myob:" in text and SECRET not in text


@pytest.mark.parametrize("renderer", ["json", "console"])
def test_structlog_hides_an_object_logged_under_a_credentials_name(server, catalog, renderer):
    """review18: an object that is no string, dict, list or bytes was screened by what it says alone, without its key:
    an API key held as a ``uuid.UUID`` (a UUID-shaped key, made up here) logged as ``api_key=`` was rendered whole,
    though the same key as a string is hidden by its name. A UUID under another name (a request id) stays."""
    key, request_id = uuid.UUID("7c9e6679-7425-40de-944b-e07fc1f90ae7"), uuid.UUID("0f8fad5b-d9cb-469f-a165-70867728950e")
    response = requests.post(url(server, "Sale/Invoice/Item"), json={})
    with _structlog_rendering(catalog, renderer) as (log, out):
        log.error("sync failed", response=response, api_key=key, request_id=request_id)
    text = out.getvalue()
    assert "myob:" in text and str(key) not in text and str(request_id) in text


def test_structlog_processor_never_breaks_the_log_line(catalog, caplog, monkeypatch):
    caplog.set_level(logging.DEBUG, logger="errcat.integrations.structlog")

    def failing(*args: object, **kwargs: object) -> None:  # a response every read of which raises is read as
        raise RuntimeError("errcat met something it did not expect")  # having nothing: errcat itself fails here

    monkeypatch.setattr("errcat.integrations.explain_response", failing)

    class Hostile:
        status_code = 400

        def __getattr__(self, name):
            raise RuntimeError(name)

    log = structlog.get_logger()
    with capture_logs(processors=[ExplainProcessor(catalog)]) as logs:
        log.error("odd response", response=Hostile())
    (event,) = logs
    assert event["event"] == "odd response" and "errcat" not in event
    assert isinstance(event["response"], Hostile)  # not explained: left for the processors after it
    assert "could not annotate a log event" in caplog.text


# -- the README's examples, run as written -------------------------------------------------------

README = (Path(__file__).resolve().parent.parent / "docs" / "integrations.md").read_text(encoding="utf-8")
TELEMETRY_BLOCKS = re.findall(r"```python\n(.*?)```", README.split("## In production telemetry")[1].split("\n## ")[0], re.DOTALL)


def test_readme_telemetry_examples_run_as_shown(server, capsys, monkeypatch):
    """Sentry's block wires the integration, OpenTelemetry's instruments requests with the hook, and
    structlog's logs errcat's facts for a MYOB error (the vendor's host answered on 127.0.0.1)."""
    assert len(TELEMETRY_BLOCKS) == 4
    sentry_block, otel_block, _, structlog_block = TELEMETRY_BLOCKS  # the exporter's: the test after this one
    monkeypatch.delenv("SENTRY_DSN", raising=False)
    try:
        exec(compile(sentry_block, "README.md sentry", "exec"), {})
        assert sentry_sdk.get_client().get_integration(ErrcatIntegration) is not None
    finally:
        sentry_sdk.get_client().close()
        sentry_sdk.get_global_scope().set_client(None)
    from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor

    instrumentors = [RequestsInstrumentor(), HTTPXClientInstrumentor()]
    try:
        exec(compile(otel_block, "README.md opentelemetry", "exec"), {})
        assert all(i.is_instrumented_by_opentelemetry for i in instrumentors)
    finally:
        for instrumentor in instrumentors:
            instrumentor.uninstrument()
    namespace: dict = {}
    try:
        exec(compile(structlog_block.replace("https://api.myob.com", server), "README.md structlog", "exec"), namespace)
        capsys.readouterr()
        namespace["sync"]({"Date": "2019-06-30T00:00:00"})
        logged = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    finally:
        structlog.reset_defaults()
    assert logged["event"] == "invoice sync failed" and "response" not in logged
    assert logged["errcat"]["vendor"] == "myob" and logged["errcat"]["entry"].startswith("myob.")
    assert logged["errcat"]["doc_url"].endswith("/myob.md#25008")


def test_readme_screened_exporter_example_sends_an_unanswered_calls_span_over_otlp_without_its_key(catalog, monkeypatch):
    """docs/integrations.md's ``ScreenedSpanExporter`` block as written, its OTLP/HTTP exporter pointed (by the SDK's
    own variable) at a collector on 127.0.0.1: requests' span of a call to a closed port (no response, no hook) is
    received, decoded as a collector decodes it, with ``url.full`` and the ``exception`` event's message screened."""
    from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest

    for kept in _OtlpReceiver.bodies.values():
        kept.clear()
    with serving(_OtlpReceiver) as collector:
        monkeypatch.setenv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", f"{collector}/v1/traces")
        namespace: dict = {}
        exec(compile(TELEMETRY_BLOCKS[2], "README.md exporter", "exec"), namespace)
        provider = namespace["provider"]
        instrumentor = RequestsInstrumentor()
        instrumentor.instrument(tracer_provider=provider, response_hook=otel_hook(catalog))
        try:
            with pytest.raises(requests.ConnectionError):
                requests.get(_refused_address(), timeout=5)
            provider.force_flush()
        finally:
            instrumentor.uninstrument()
            provider.shutdown()
    (body,) = _OtlpReceiver.bodies["/v1/traces"]
    assert SECRET.encode() not in body
    (span,) = [s for r in ExportTraceServiceRequest.FromString(body).resource_spans for x in r.scope_spans for s in x.spans]
    said = {a.key: a.value.string_value for a in span.attributes}
    assert said["url.full" if "url.full" in said else "http.url"].endswith("/invoices.json?api_key=[REDACTED]")
    (event,) = [e for e in span.events if e.name == "exception"]
    message = {a.key: a.value.string_value for a in event.attributes}["exception.message"]
    assert "Max retries exceeded" in message and "api_key=[REDACTED]" in message


def test_a_sentry_log_holding_a_credential_named_by_no_url_or_auth_word_ships_none(catalog):
    """review17: a Sentry log is screened only when its text names a credential; an ODBC connection string's ``Pwd=``,
    "credentials <password>", a bare JWT (a Sage access token's shape) and an AWS access key id named no word errcat
    looked for, and went out over the DSN as logged, though the gate hides each once asked."""
    password, jwt = "Kestrel-wombat7734", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.Zk3Qm8Vn1Lp7Tz2Wx9Rc4Yb6Hd0Sa5Ge"
    said = {
        f"erp db connect failed: Server=db.acme.local;Database=erp;Uid=sa;Pwd={password};": password,
        f"ops credentials {password} rejected": password,
        f"nightly sync with {jwt} failed": jwt,
        "export used AKIAQ7ZK2M9XW4RB8TLC": "AKIAQ7ZK2M9XW4RB8TLC",
    }
    _SentryIngest.envelopes.clear()
    logs = {} if SDK3 else {"enable_logs": True}
    with serving(_SentryIngest) as ingest, _sentry_client(catalog, dsn=_dsn(ingest), **logs):
        for text in said:
            importlib.import_module("sentry_sdk.logger").warning(text)
        sentry_sdk.flush(10)
    sent = b"".join(_SentryIngest.envelopes)
    assert b"erp db connect failed" in sent and b"nightly sync with" in sent  # the logs went, their words kept
    assert not [secret for secret in said.values() if secret.encode() in sent]


# (random values of each format's shape, synthetic: the gate hides each by its format, whatever word is around it)
_FORMAT_SECRETS = {
    "Stripe key": "sk_live_" + "Qm7Zt2Kx9Vb4Nc8Lp3Wd6Rf1",
    "GitHub token": "ghp_" + "N4vQ8mZ2kT7xW1bL9cR5yH3jD6fG0sPaE2uK",
    "GitLab token": "glpat-" + "Vx7Kq2Nm9Tz4Rb8Lc3Wd",
    "Google API key": "AIza" + "SyB7Qm2Kx9Vt4Nc8Lp3Wd6Rf1Zh5Jg0Yk7E",
    "Slack token": "xoxb-" + "402917553810-581226640193-Kq7Zt2Mx9Vb4Nc8Lp3Wd6Rf1",
}


@pytest.mark.parametrize("kind", sorted(_FORMAT_SECRETS))
def test_a_sentry_log_holding_a_token_of_a_known_format_ships_none(catalog, kind):
    """review18: a Sentry log was screened only when it held one of a few words (CREDENTIAL_WORDS, review17 added its
    examples'), so a token of a format the gate knows by its prefix (a Stripe, GitHub, GitLab, Google or Slack key), in a
    log naming no credential, went out over the DSN as logged; the gate hides each once asked."""
    secret = _FORMAT_SECRETS[kind]
    _SentryIngest.envelopes.clear()
    logs = {} if SDK3 else {"enable_logs": True}
    with serving(_SentryIngest) as ingest, _sentry_client(catalog, dsn=_dsn(ingest), **logs):
        importlib.import_module("sentry_sdk.logger").warning(f"nightly charge sync used {secret} and stopped")
        sentry_sdk.flush(10)
    sent = b"".join(_SentryIngest.envelopes)
    assert b"nightly charge sync used" in sent  # the log went, its words kept
    assert secret.encode() not in sent and secret[-12:].encode() not in sent

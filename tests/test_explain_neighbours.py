"""errcat explain on the catalogued vendors' neighbours, as real pastes show them: Sage Intacct's XML error
document (Sage's other product) is read element by element, at once, and claimed for no one; a host a paste
names in its text counts against every catalogued vendor unless it is that vendor's own (a country's domain
of its name included). Every paste here is real; its source is named beside it."""

from __future__ import annotations

import json
import time

from errcat.explainer import explain
from errcat.explainer.evidence import CLUE_KINDS
from errcat.render.text import evidence_summary

# A Go Sage Intacct client's test, exampleError (a public repository; the search tools' find_string id
# 21349907673): Sage Intacct's answer to a bad request, an empty <description/> among its elements
INTACCT_PARSE_ERROR = """<response>
  <control>
    <status>failure</status>
    <senderid>Galvanize</senderid>
    <controlid>controlID</controlid>
    <uniqueid>false</uniqueid>
    <dtdversion>2.1</dtdversion>
  </control>
  <errormessage>
    <error>
      <errorno>XL03000003</errorno>
      <description/>
      <description2>XML Parse error: Error 502: Value &amp;quot;whatever&amp;quot; for attribute object of get_list is not among the enumerated set. Line: 19, column: 70.</description2>
      <correction/>
    </error>
  </errormessage>
</response>"""

# Sage Intacct's .NET SDK, a test's authentication failure (find_string id 41325233431)
INTACCT_SIGN_IN = """<operation>
      <authentication>
            <status>failure</status>
            <userid>fakeuser</userid>
            <companyid>fakecompany</companyid>
            <locationid></locationid>
      </authentication>
      <errormessage>
            <error>
                  <errorno>XL03000006</errorno>
                  <description></description>
                  <description2>Sign-in information is incorrect</description2>
                  <correction></correction>
            </error>
      </errormessage>
</operation>"""

# Sage Intacct's TypeScript SDK, a test's readByQuery that was aborted (find_string id 31295587357)
INTACCT_TWO_ERRORS = """<result>
    <status>aborted</status>
    <function>readByQuery</function>
    <controlid>testFunctionId</controlid>
    <errormessage>
        <error>
            <errorno>Query Failed</errorno>
            <description></description>
            <description2>Object definition VENDOR9 not found</description2>
            <correction></correction>
        </error>
        <error>
            <errorno>XL03000009</errorno>
            <description></description>
            <description2>The entire transaction in this operation has been rolled back due to an error.</description2>
            <correction></correction>
        </error>
    </errormessage>
</result>"""


def test_an_xml_error_document_with_a_self_closing_tag_is_read_at_once(catalog):
    """It ran for minutes: the check for a short fragment of markup split every blank run between two parts of its
    pattern and, the self-closing <description/> failing the whole try, went through every split again."""
    started = time.process_time()
    x = explain(catalog, INTACCT_PARSE_ERROR)
    assert time.process_time() - started < 2
    (m,) = x.errors
    assert (m.sent.code, x.vendor, m.kind) == ("XL03000003", None, "none")
    assert m.sent.message.startswith("XML Parse error: Error 502: Value &quot;whatever&quot;")


def test_sage_intacct_errors_are_read_from_their_number_and_description2(catalog):
    """Each error's text was every element's text run together ('failure fakeuser fakecompany XL03000006 Sign-in
    information is incorrect'): <errorno> is its code and <description2> its message, as in Intacct's documents."""
    x = explain(catalog, INTACCT_SIGN_IN)
    (m,) = x.errors
    assert (m.sent.code, m.sent.message, x.vendor, m.kind) == ("XL03000006", "Sign-in information is incorrect", None, "none")
    x = explain(catalog, INTACCT_TWO_ERRORS)
    assert [(m.sent.code, m.sent.message) for m in x.errors] == [
        ("Query Failed", "Object definition VENDOR9 not found"),
        ("XL03000009", "The entire transaction in this operation has been rolled back due to an error."),
    ]
    assert x.vendor is None and all(m.kind == "none" for m in x.errors)


# GitHub issue OpenBMB/ChatDev#399 (2024-07-13): OpenAI's quota error as its Python SDK raises it, a link to
# OpenAI's documentation inside the message and no request line
OPENAI_QUOTA = (
    "openai.RateLimitError: Error code: 429 - {'error': {'message': 'You exceeded your current quota, please check "
    "your plan and billing details. For more information on this error, read the docs: "
    "https://platform.openai.com/docs/guides/error-codes/api-errors.', 'type': 'insufficient_quota', 'param': None, "
    "'code': 'insufficient_quota'}}"
)


def test_a_host_written_in_the_message_counts_against_every_vendor(catalog):
    """The link is not the request, and it was read as nothing at all: OpenAI's host says the error is OpenAI's."""
    x = explain(catalog, OPENAI_QUOTA)
    against = {c.vendor: c for c in x.clues if c.kind == "foreign-mention"}
    assert set(against) == {"myob", "sage", "invoicexpress", "prospend"}
    assert {c.value for c in against.values()} == {"platform.openai.com"}
    assert all(c.weight == CLUE_KINDS["foreign-mention"].weight < 0 for c in against.values())
    assert x.vendor is None
    assert evidence_summary(x) == "the paste names platform.openai.com, which is not a catalogued vendor's host"
    assert any(e["kind"] == "foreign-mention" for e in x.as_dict()["vendor_evidence"])


def test_githubs_api_hosts_are_foreign(catalog):
    # A Swift update fetcher's test fixture (find_string id 56979483796): GitHub's API answer for a repository with
    # no release, as recorded on 2026-07-20; its documentation link is under docs.github.com
    x = explain(
        catalog,
        '{\n  "message": "Not Found",\n  "documentation_url": '
        '"https://docs.github.com/rest/releases/releases#get-the-latest-release",\n  "status": "404"\n}',
    )
    assert {c.value for c in x.clues if c.kind == "foreign-mention"} == {"docs.github.com"}
    assert x.vendor is None


# GitHub issue davidlumley/myob-api#15 (2014-10-25): MYOB's OAuth consent page refusing a sign-in, then the
# reporter's link to their app list on MYOB's Australian site
MYOB_CONSENT_PAGE = """Allow access to your MYOB Account?
We have encountered some issue with the request, please try again later or contact your app support

    invalid_request

My registered apps
https://my.myob.com.au/Bd/pages/DevAppList.aspx"""


def test_a_country_domain_named_for_the_vendor_is_its_own(catalog):
    """my.myob.com.au was judged a host of no catalogued vendor (MYOB's registered domain is myob.com), and that
    counted -2 against MYOB on a page that names it: a domain named for the vendor is the vendor's, weakly."""
    x = explain(catalog, MYOB_CONSENT_PAGE)
    assert not [c for c in x.clues if c.kind in ("foreign-host", "foreign-mention")], x.clues
    assert ("registered-domain", "my.myob.com.au", "myob") in {(c.kind, c.value, c.vendor) for c in x.clues}
    assert x.vendor == "myob"
    assert all(m.kind not in ("exact", "template", "code") for m in x.errors)


def test_a_name_inside_a_longer_domain_is_not_the_vendors(catalog):
    # Sage Pay's (now Opayo's) payments API is not Sage Business Cloud Accounting: its test URL as a public PHP
    # sample calls it (find_string id 31624772093)
    x = explain(catalog, "https://pi-test.sagepay.com/api/v1/transactions")
    assert ("foreign-host", "pi-test.sagepay.com", "sage") in {(c.kind, c.value, c.vendor) for c in x.clues}
    assert x.vendor is None
    # MYOB Advanced is Acumatica, not the catalogued MYOB API: a Laravel client's test of its login (find_string id
    # 37008613985), the request line it was sent with and the body's head
    x = explain(
        catalog,
        "POST https://testing.myobadvanced.com/entity/auth/login\n500\n"
        '{"message": "An error has occurred.", "exceptionMessage": "Error: Invalid credentials. Please try again.", '
        '"exceptionType": "PX.Data.PXException"}',
    )
    assert ("foreign-host", "testing.myobadvanced.com", "myob") in {(c.kind, c.value, c.vendor) for c in x.clues}
    assert x.vendor is None and all(m.kind == "none" for m in x.errors)


# A Java logger's name is its package, a domain written backwards: Keycloak's "[org.keycloak.services]" (the WARN line
# of Keycloak's KC-SERVICES0013, as public issues quote it) and an integration's own "[com.acme.ledger.services]".
KEYCLOAK_WARN = (
    "2022-08-29 14:09:03,245 WARN  [org.keycloak.services] (executor-thread-50) KC-SERVICES0013: Failed "
    "authentication: org.keycloak.authentication.AuthenticationFlowException: invalid_user_credentials"
)
MYOB_BODY_UNDER_A_LOGGER = (
    '2024-03-01 10:00:00,123 ERROR [com.acme.ledger.services] (pool-1) MYOB call failed: 400 {"Errors":[{"Name":'
    '"IncorrectRowVersionSupplied","Message":"Incorrect RowVersion supplied","AdditionalDetails":"","ErrorCode":4,'
    '"Severity":"Error","LearnMore":null}],"Information":"Warning, error messages have not been finalised in this '
    'release and may change"}'
)


def test_a_loggers_package_name_is_no_host(catalog):
    """A package whose last word is also a top-level domain (services, app, cloud) was read as a foreign host: it
    turned a MYOB body logged under it into 'vendor unknown', and the vendor line said Keycloak's logger was a host."""
    x = explain(catalog, MYOB_BODY_UNDER_A_LOGGER)
    assert x.vendor == "myob" and not [c for c in x.clues if c.kind == "foreign-mention"]
    # a Python logger's dotted name ("%(name)s: %(message)s") under a word a domain may end with
    for logger in ("billing.services", "sync.app", "ledger.cloud"):
        line = MYOB_BODY_UNDER_A_LOGGER.replace("[com.acme.ledger.services] (pool-1)", logger + ":")
        assert explain(catalog, line).vendor == "myob", logger
    x = explain(catalog, KEYCLOAK_WARN)
    assert x.vendor is None and "org.keycloak.services" not in evidence_summary(x)
    # a host that starts with a word a domain may end with is still a host
    x = explain(catalog, "POST https://app.acme.services/v1/sync failed: 500 Internal Server Error")
    assert x.vendor is None
    for text, host in [
        ("sync failed, see https://app.acme.services/status: 500", "app.acme.services"),  # in a URL
        ("upstream api.acme.services:443 said 500", "api.acme.services"),  # before a port
        ("upstream api.acme.services/v1/sync said 500", "api.acme.services"),  # before a path
    ]:
        x = explain(catalog, text)
        assert [c.value for c in x.clues if c.kind == "foreign-mention"][:1] == [host]


MYOB_25008 = (
    'sync failed: 400 {"Errors":[{"Name":"DatePriorToBeginningOfFinancialYear","Message":"Date cannot be prior to '
    'beginning of financial year","AdditionalDetails":"Date","ErrorCode":25008,"Severity":"Error","LearnMore":null}],'
    '"Information":"Warning, error messages have not been finalised in this release and may change"}'
)


def test_the_machine_a_log_line_names_is_no_service_it_called(catalog):
    """A syslog line names the machine that wrote it (rsyslog keeps its FQDN, RFC 5424 asks for it), as a record's
    hostname field does: it counted against every vendor, so a MYOB body lost its vendor when the body did not say
    MYOB (and its confidence when it did)."""
    for head in (
        "Mar  1 10:00:00 web-01.acme.com sync[123]: ",  # RFC 3164, the program's tag after the host
        "<11>1 2024-03-01T10:00:00.003Z sync01.prod.acme.net sync 123 - - ",  # RFC 5424
        "2024-03-01T10:00:00+00:00 web-01.acme.co.uk sync[123]: ",  # rsyslog's high-precision time
        # rsyslog's file format (microseconds and an offset) with a tag of no process id: `logger`'s, a script's
        # (review16: the machine's FQDN was read as a service called, and MYOB's documented error was lost)
        "2024-03-01T10:00:00.123456+00:00 web-01.acme.com myapp: ",
        'hostname=sync-7.acme.co.uk level=error msg="',  # logfmt
        '{"host":{"name":"web-01.acme.com"},"message":"',  # Elastic Common Schema
    ):
        x = explain(catalog, head + MYOB_25008)
        assert x.vendor == "myob" and not [c for c in x.clues if c.kind == "foreign-mention"], head
        assert x.errors[0].kind == "exact"
    # a host written elsewhere on such a line is still another service's
    for line in ("Mar  1 10:00:00 web-01 sync[1]: call to api.stripe.com ", "2024-03-01T10:00:00Z api.stripe.com said "):
        x = explain(catalog, line + MYOB_25008)
        assert [c.value for c in x.clues if c.kind == "foreign-mention"][:1] == ["api.stripe.com"], line
    # and so is a host an app's line names after its time ("x3.acme.com responded:", no process id as syslog's tag has),
    # and the hostname of a failed request's options as Node's util.inspect prints them (review15's hostile pastes)
    for line in ("2024-03-01T10:00:00Z api.stripe.com responded: ", "AxiosError: failed\n  hostname: 'api.stripe.com',\n  "):
        x = explain(catalog, line + MYOB_25008)
        assert [c.value for c in x.clues if c.kind == "foreign-mention"][:1] == ["api.stripe.com"], line


def test_a_link_to_where_the_error_was_read_is_not_the_request(catalog):
    """A paste copied from an error tracker or an issue keeps its link (Sentry's issue, Jira's ticket, a Datadog log
    view): it was taken as the failed call's URL, a host of no catalogued vendor, and a documented MYOB body with it
    came out 'not in the catalog'. Those sites' APIs are still other services' requests."""
    for link in (
        "Sentry issue https://acme.sentry.io/issues/4512345/ ",
        "Jira ACME-12 (https://acme.atlassian.net/browse/ACME-12): ",
        "seen in https://app.datadoghq.com/logs?query=service%3Async ",
    ):
        x = explain(catalog, link + MYOB_25008)
        assert x.vendor == "myob" and x.exchange.host is None and x.errors[0].kind == "exact", link
    for call in (
        "POST https://acme.atlassian.net/rest/api/3/issue ",
        "GET https://api.datadoghq.com/api/v1/validate ",
        "POST https://notify.bugsnag.com/ ",  # a request line's URL is the call, whatever its path (review15)
    ):
        x = explain(catalog, call + MYOB_25008)
        assert x.vendor is None and [c.kind for c in x.clues if c.vendor == "myob"].count("foreign-host") == 1, call


def _foreign(x) -> list[str]:
    return [c.value for c in x.clues if c.kind in ("foreign-mention", "foreign-host")][:1]


def test_a_host_a_call_names_is_another_services_however_it_is_written(catalog):
    """claims17's hostile pastes: a documented MYOB body beside the host another service answered from, written as a
    Java package (uk.erp.acme.app), in capitals, or as a tool site's ingestion host, was claimed for MYOB."""
    for line, host in (
        ("sync to uk.erp.acme.app failed: ", "uk.erp.acme.app"),  # a package's shape, but a call names it
        ("GET from eu.erp.acme.cloud returned ", "eu.erp.acme.cloud"),
        ("sync via gw.erp.acme.app: ", "gw.erp.acme.app"),  # a call's word before it, a colon after
        ("level=error upstream=eu.sync.acme.app body=", "eu.sync.acme.app"),
        ("call to ERP.ACME.COM failed: ", "erp.acme.com"),  # in capitals
        ("POST to LEDGER.ACME.COM.AU returned ", "ledger.acme.com.au"),
        ("sending to sentry.io failed: ", "sentry.io"),  # a tool site named bare: the service called, not a page
        ("sending event to o451234.ingest.sentry.io failed: ", "o451234.ingest.sentry.io"),  # its ingestion host
        ("posting to hooks.slack.com failed: ", "hooks.slack.com"),
        ("notify https://notify.bugsnag.com/ failed ", "notify.bugsnag.com"),  # linked, but an API's host
    ):
        x = explain(catalog, line + MYOB_25008)
        assert x.vendor is None and x.errors[0].kind == "none" and _foreign(x) == [host], line
    # a logger's package, a .NET namespace and a link to a tracker's page are still no service called
    for line in (
        "com.acme.app: sync failed ",
        "[uk.erp.acme.app] sync failed ",
        "System.Net.Http.HttpRequestException: sync failed ",
        "Sentry issue https://acme.sentry.io/issues/4512345/ ",
        "asked on serverfault.com, no answer yet: ",  # a Q&A site named bare is where it was asked
    ):
        x = explain(catalog, line + MYOB_25008)
        assert x.vendor == "myob" and x.errors[0].kind == "exact" and not _foreign(x), line


def test_a_records_hostname_is_the_logging_machine_only_beside_its_process_id(catalog):
    """pino and bunyan write the machine as "hostname" beside the process's "pid"; a request's log or options name the
    host called so (review15's {"level":50,"hostname":"x3.acme.com","msg":…} was claimed for the vendor)."""
    body = MYOB_25008.split(" 400 ", 1)[1]  # the body alone
    for record in (
        {"level": 50, "hostname": "x3.acme.com", "msg": "400 " + body},
        {"level": "error", "method": "POST", "hostname": "ledger.acme.com", "path": "/v1/journals", "status": 400,
         "body": json.loads(body)},
        {"level": "error", "req": {"method": "POST", "hostname": "ledger.acme.com", "url": "/v1/journals"},
         "res": {"statusCode": 400}, "body": json.loads(body)},
        # Elastic Common Schema's url.domain is the URL's host, beside a logging machine or not
        {"@timestamp": "2024-03-01T10:00:00Z", "log.level": "error", "url": {"domain": "ledger.acme.com",
         "path": "/v1/journals"}, "http": {"response": {"status_code": 400}}, "message": body},
    ):  # fmt: skip
        x = explain(catalog, json.dumps(record))
        assert x.vendor is None and x.errors[0].kind == "none" and _foreign(x), record
    pino = {"level": 50, "time": 1709287200000, "pid": 4242, "hostname": "web-01.acme.com", "msg": "400 " + body}
    bunyan = {"name": "sync", "hostname": "web-01.acme.com", "pid": 7, "level": 50, "msg": "400 " + body, "v": 0}
    for record in (pino, bunyan):
        x = explain(catalog, json.dumps(record))
        assert x.vendor == "myob" and x.errors[0].kind == "exact" and not _foreign(x), record


def test_a_tool_site_named_after_the_error_is_where_it_was_reported(catalog):
    """review16: a tool site named bare counts as the service called (claims17), but named after the error's message it
    is where the application reported the error: MYOB's documented body, and InvoiceXpress's, were no longer named
    when the line went on to say it was sent to Sentry or posted to Slack. Named before the message it is still the
    service called, and any other host after it still counts."""
    body = MYOB_25008.split(" 400 ", 1)[1]
    for tail in ("; event sent to sentry.io", " (alert posted to hooks.slack.com)", "\nreported to o451234.ingest.sentry.io"):
        x = explain(catalog, "sync failed 400 " + body + tail)
        assert x.vendor == "myob" and x.errors[0].kind == "exact" and not _foreign(x), tail
    ix = explain(
        catalog, 'InvoiceXpress create failed 422 {"errors":[{"error":"Client contact is invalid"}]}; notified hooks.slack.com'
    )
    assert ix.vendor == "invoicexpress" and ix.errors[0].kind == "exact" and not _foreign(ix)
    for line, host in (("posting to hooks.slack.com failed: 400 " + body, "hooks.slack.com"),
                       ("sync failed 400 " + body + " via gw.erp.acme.app", "gw.erp.acme.app")):  # fmt: skip
        x = explain(catalog, line)
        assert x.vendor is None and x.errors[0].kind == "none" and _foreign(x) == [host], line


def test_a_constant_in_capitals_or_a_java_package_after_from_is_no_service_called(catalog):
    """A name under a word's top-level domain written only in capitals is a constant's or a field's ("LOGGER.INFO"),
    and a package a message names its source by after "from" starts with com/org/net ("error from
    com.acme.sync.services"): read as other services' hosts, each cost a MYOB body its vendor and its documented match
    (review16). A host in capitals after a call's word, and a package-shaped host after a call's word, are still hosts."""
    for head in ("LOGGER.INFO called; POST failed ", "error from com.acme.sync.services returned "):
        x = explain(catalog, head + MYOB_25008)
        assert x.vendor == "myob" and x.errors[0].kind == "exact", head
        assert not [c for c in x.clues if c.kind == "foreign-mention"], head
    for line in ("CALL TO GW.ERP.ACME.APP FAILED ", "sync to uk.erp.acme.app failed "):
        x = explain(catalog, line + MYOB_25008)
        assert x.vendor is None and [c for c in x.clues if c.kind == "foreign-mention"], line


def test_a_host_named_as_an_app_names_it_is_the_service_called_and_a_function_is_no_host(catalog):
    """review17's hostile variants of the late rules. A host in capitals of three or more labels is a host, not a
    constant (LOGGER.INFO has two); a host before a verb of answering after an isoformat() or syslog time is the one an
    app's line names as called, not the machine's (rsyslog's tag is a program's name): each let another service's
    SData body be claimed for Sage. A name before its parenthesis is a function ("logger.info('...')"), no host: MYOB's
    documented error beside it was lost."""
    for line, host in (
        ("GW.ERP.ACME.APP 401 UNAUTHORIZED ", "gw.erp.acme.app"),
        ("2024-03-01T10:00:00.123456+00:00 x3.acme.com responded: ", "x3.acme.com"),
        ("2024-03-01T10:00:00.123456+00:00 gw.erp.acme.app said: ", "gw.erp.acme.app"),
        ("Mar  1 10:00:00 x3.acme.com returned: ", "x3.acme.com"),
    ):
        x = explain(catalog, line + "401 " + SAGE_SDATA)
        assert x.vendor is None and x.errors[0].kind == "none" and _foreign(x) == [host], line
    x = explain(catalog, "logger.info('posting'); POST failed " + MYOB_25008)
    assert x.vendor == "myob" and x.errors[0].kind == "exact" and not _foreign(x)


SAGE_SDATA = '[{"$severity":"error","$dataCode":"InvalidCredentials","$message":"Invalid credentials","$source":"Authorization"}]'

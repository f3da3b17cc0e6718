"""errcat explain from the command line: input sources, formats, exit codes, secrets, bad input, --stub."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

import errcat
from errcat.explainer import explain

SECRETS = {
    "bearer": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhY21lIn0.c2VjcmV0c2lnbmF0dXJl",
    "myob_key": "mk_live_7Hq2ZpX9",
    "cftoken": "QWRtaW5pc3RyYXRvcjpodW50ZXIy",
    "api_key": "ixk_5f9a0c1d2e3b",
    "client_secret": "cs_9d8c7b6a5f4e",
    "refresh": "rt_1a2b3c4d5e6f7g",
    "password": "hunter2hunter2",
    "cookie": "sessionid_abc123xyz",
}

SECRET_PASTE = f"""\
curl -i -X POST 'https://arl1.api.myob.com/accountright/0a3f1c2e-9b8d-4c7e-a6f5-112233445566/Sale/Invoice/Item?api_key={SECRETS["api_key"]}' \\
  -H 'Authorization: Bearer {SECRETS["bearer"]}' \\
  -H 'x-myobapi-key: {SECRETS["myob_key"]}' \\
  -H 'x-myobapi-cftoken: {SECRETS["cftoken"]}' \\
  -H 'Cookie: sid={SECRETS["cookie"]}' \\
  -d 'client_secret={SECRETS["client_secret"]}&refresh_token={SECRETS["refresh"]}'
HTTP/1.1 400 Bad Request
Content-Type: application/json

{{"Errors":[{{"Name":"Unexpected","Message":"Login failed for user admin","AdditionalDetails":"password: {SECRETS["password"]}",
"ErrorCode":99998,"Severity":"Error"}}],"request":{{"password":"{SECRETS["password"]}","access_token":"{SECRETS["bearer"]}"}}}}
"""


@pytest.fixture
def paste_file(tmp_path: Path):
    def write(text: str | bytes, name: str = "paste.txt") -> str:
        path = tmp_path / name
        path.write_bytes(text if isinstance(text, bytes) else text.encode())
        return str(path)

    return write


MYOB_BODY = (
    'HTTP/1.1 400 Bad Request\n\n{"Errors":[{"Name":"OrderPaid","Message":"Cannot delete order with payment(s) applied",'
    '"AdditionalDetails":"UID","ErrorCode":37000,"Severity":"Error"}]}'
)


def test_reads_stdin_file_and_dash(cli, paste_file):
    by_file = cli("explain", paste_file(MYOB_BODY), "--format", "json")
    by_stdin = cli("explain", "--format", "json", input=MYOB_BODY)
    by_dash = cli("explain", "-", "--format", "json", input=MYOB_BODY)
    assert by_file.exit_code == by_stdin.exit_code == by_dash.exit_code == 0
    assert json.loads(by_file.stdout) == json.loads(by_stdin.stdout) == json.loads(by_dash.stdout)


def test_json_contract(cli):
    d = json.loads(cli("explain", "-f", "json", input=MYOB_BODY).stdout)
    assert d["format_version"] == 1 and d["kind"] == "explain"
    assert {"vendor", "vendor_evidence", "http", "errors"} <= set(d)
    assert set(d["http"]) >= {"status", "method", "url", "endpoint"}
    err = d["errors"][0]
    assert {"observed", "match", "confidence", "slots", "candidates"} <= set(err)
    assert set(err["candidates"][0]) >= {
        "id",
        "vendor",
        "endpoint",
        "methods",
        "status",
        "code",
        "name",
        "message",
        "severity",
        "score",
    }
    assert d["vendor"] == "myob" and err["match"] == "exact" and 0 <= err["confidence"] <= 1
    assert err["observed"]["code"] == "37000" and err["explanation"]["fix"]


def test_human_view_explains(cli):
    r = cli("explain", input=MYOB_BODY)
    assert r.exit_code == 0
    out = r.stdout
    assert "exact match" in out and "OrderPaid" in out and "fix:" in out and "retry:" in out and "who acts:" in out


def test_markdown_view_parses(cli):
    r = cli("explain", "-f", "markdown", input=MYOB_BODY)
    tokens = MarkdownIt("commonmark").enable("table").parse(r.stdout)
    assert any(t.type == "table_open" for t in tokens)
    cells = [t.content for t in tokens if t.type == "inline"]
    assert "Cannot delete order with payment(s) applied" in cells


# another service's error, which no catalogued vendor documents: its status alone says whether to resend
FOREIGN_503 = (
    'HTTP/1.1 503 Service Unavailable\nContent-Type: application/json\nRetry-After: 30\n\n{"error":"upstream overloaded"}\n'
)
FOREIGN_400 = 'HTTP/1.1 400 Bad Request\nContent-Type: application/json\n\n{"error":"bad thing"}\n'


def test_an_error_the_catalog_lacks_says_what_its_status_alone_tells_of_resending(cli):
    """Whether to retry is what a user asks of any error: one the catalog lacks gets the advice its
    HTTP status alone gives (as errcat.integrations.retry_advice decides), said to be only that, in
    every view; a catalogued error keeps its guide's advice and has none by status."""
    import errcat
    from errcat.integrations import retry_advice

    table = cli("explain", input=FOREIGN_503).stdout
    assert "vendor:   unknown" in table and "not in the catalog" in table
    assert "retry:    HTTP 503 usually passes: resend later, with exponential backoff" in table
    assert "Retry-After asks for 30 s" in table and "the catalog does not know this error" in table
    doc = json.loads(cli("explain", "-f", "json", input=FOREIGN_503).stdout)
    assert doc["errors"][0]["retry_by_status"] == {"status": 503, "retry": True, "wait": "backoff"}
    tokens = MarkdownIt("commonmark").enable("table").parse(cli("explain", "-f", "markdown", input=FOREIGN_503).stdout)
    assert any(t.type == "inline" and t.content.startswith("**Retry:** HTTP 503 usually passes") for t in tokens)
    assert retry_advice(errcat.explain(FOREIGN_503)).retry is True

    table = cli("explain", input=FOREIGN_400).stdout
    assert "retry:    HTTP 400 alone does not suggest that the same request can succeed" in table
    assert json.loads(cli("explain", "-f", "json", input=FOREIGN_400).stdout)["errors"][0]["retry_by_status"] == {
        "status": 400,
        "retry": False,
        "wait": "never",
    }
    assert retry_advice(errcat.explain(FOREIGN_400)).retry is False

    documented = json.loads(cli("explain", "-f", "json", input=MYOB_BODY).stdout)["errors"][0]
    assert documented["retry_by_status"] is None and documented["explanation"]["retry"]
    # an error inside a 200's body: its status says nothing of it
    ok_status = 'HTTP/1.1 200 OK\nContent-Type: application/json\n\n{"error":"bad thing"}\n'
    assert json.loads(cli("explain", "-f", "json", input=ok_status).stdout)["errors"][0]["retry_by_status"] is None
    assert "retry:" not in cli("explain", input=ok_status).stdout


def test_exit_1_when_anything_is_unmatched(cli):
    r = cli("explain", input='{"message":"Not Found"}')
    assert r.exit_code == 1
    assert "not in the catalog" in r.stdout or "similar text only" in r.stdout


@pytest.mark.parametrize("fmt", ["table", "json", "markdown"])
def test_secrets_never_printed(cli, fmt):
    r = cli("explain", "-f", fmt, input=SECRET_PASTE)
    for name, secret in SECRETS.items():
        assert secret not in r.stdout, name
        assert secret not in r.stderr, name
    assert "REDACTED" in r.stdout


def test_secrets_never_in_stub(cli):
    r = cli("explain", "--stub", input=SECRET_PASTE)
    assert r.exit_code == 0
    for name, secret in SECRETS.items():
        assert secret not in r.stdout, name


def test_redaction_reports_a_count(catalog):
    x = explain(catalog, SECRET_PASTE)
    assert x.redactions >= 7
    assert x.vendor == "myob"  # the header names still count as evidence


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\t\n", "empty"),
        (b"\x00\x01\x02\x03binary\x00junk" * 100, "binary"),
    ],
)
def test_unusable_input_exit_2(cli, paste_file, data, message):
    r = cli("explain", paste_file(data))
    assert r.exit_code == 2
    assert message in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_missing_file_exit_2(cli, tmp_path):
    r = cli("explain", str(tmp_path / "nope.txt"))
    assert r.exit_code == 2 and "cannot read" in r.stderr


def test_invalid_utf8_is_read_with_a_note(cli, paste_file):
    # words only InvoiceXpress sends ("Client is invalid" is many services' too: names no one in this shape)
    data = b'{"errors":[{"error":"Items element should be of type array"}]}\xff\xfe'
    d = json.loads(cli("explain", paste_file(data), "-f", "json").stdout)
    assert d["errors"][0]["match"] == "exact"
    assert any("UTF-8" in n for n in d["notes"])


@pytest.mark.parametrize(
    "paste",
    [
        '{"Errors":[{"Name":"OrderPaid","Message":"Cannot delete order with payment(s) applied","ErrorCode":37000,"Sev',  # truncated
        "<errors><error>Client is invalid</error>",  # unclosed XML
        "[" * 50_000 + "]" * 50_000,  # deeply nested JSON
        '{"a":' * 20_000 + "1" + "}" * 20_000,
        "{" * 200_000,
        '"' * 100_000,
        "\\" * 100_000,
    ],
    ids=["truncated-json", "unclosed-xml", "deep-list", "deep-object", "open-braces", "quotes", "backslashes"],
)
def test_malformed_input_never_tracebacks(cli, paste):
    start = time.perf_counter()
    r = cli("explain", "-f", "json", input=paste)
    assert r.exit_code in (0, 1), r.stderr
    json.loads(r.stdout)
    assert time.perf_counter() - start < 20  # a guard against hangs, not a benchmark


def test_truncated_json_is_read_leniently(catalog):
    x = explain(
        catalog, '{"Errors":[{"Name":"OrderPaid","Message":"Cannot delete order with payment(s) applied","ErrorCode":37000,"Sev'
    )
    assert x.vendor == "myob" and x.errors[0].kind == "exact"
    assert any("leniently" in n for n in x.notes)


def test_ten_thousand_errors(cli):
    body = json.dumps({"errors": [{"error": "Items element should be of type array"}] * 10_000})
    r = cli("explain", "-f", "json", input=body)
    d = json.loads(r.stdout)
    assert r.exit_code == 0
    assert d["total_errors"] == 10_000 and len(d["errors"]) == 1  # identical errors are folded, with their count
    assert d["errors"][0]["count"] == 1000 and d["errors"][0]["positions"][:3] == [1, 2, 3]
    assert len(r.stdout) < 20_000  # not 1,000 copies of the same candidates
    assert any("10,000" in n for n in d["notes"])
    table = cli("explain", input=body).stdout
    assert "(1000 identical)" in table


def test_huge_paste_is_cut_with_a_note(cli, paste_file):
    big = MYOB_BODY + "\n" + ("x" * 1023 + "\n") * (50 * 1024)  # ~50 MB
    r = cli("explain", paste_file(big), "-f", "json")
    d = json.loads(r.stdout)
    assert d["errors"][0]["match"] == "exact"
    assert any("only the first" in n for n in d["notes"])


def test_stub_round_trips_into_a_user_catalog(cli, tmp_path):
    paste = (
        "POST https://api.accounting.sage.com/v3.1/sales_invoices\nHTTP/1.1 422 Unprocessable Entity\n\n"
        '[{"$severity":"error","$dataCode":"RecordInvalid","$message":"Contact is not a customer","$source":"contact"}]'
    )
    r = cli("explain", "--stub", input=paste)
    assert r.exit_code == 0
    stub = tmp_path / "mine.yaml"
    stub.write_text(r.stdout)
    v = cli("validate", str(stub))
    assert v.exit_code == 0, v.stdout + v.stderr
    d = json.loads(cli("explain", "--catalog", str(stub), "-f", "json", input=paste).stdout)
    assert d["errors"][0]["match"] == "exact"
    assert d["errors"][0]["candidates"][0]["id"].startswith("sage.observed.")


def test_stub_of_several_errors_writes_each_entry_whole(cli):
    """Each entry and guide of a stub is written out in full, to be edited one by one: no YAML
    anchor stands for a value two entries share (a user editing one would change both)."""
    paste = (
        "HTTP/1.1 422 Unprocessable Entity\n\n"
        '[{"$severity":"error","$dataCode":"RecordInvalid","$message":"Contact is not a customer","$source":"contact"},'
        '{"$severity":"error","$dataCode":"RecordInvalid","$message":"Ledger account is archived","$source":"ledger"}]'
    )
    r = cli("explain", "--stub", "--vendor", "sage", input=paste)
    assert r.exit_code == 0 and r.stdout.count("- id: sage.observed.") == 2, r.stdout
    assert "&id" not in r.stdout and "*id" not in r.stdout


def test_stub_for_an_unknown_service(cli, tmp_path):
    paste = 'POST https://api.acme-ledger.test/v2/bills\nHTTP/1.1 409 Conflict\n\n{"code":"bill_locked","message":"Bill 42 is locked"}'
    r = cli("explain", "--stub", input=paste)
    stub = tmp_path / "acme.yaml"
    stub.write_text(r.stdout)
    assert cli("validate", str(stub)).exit_code == 0
    d = json.loads(cli("explain", "--catalog", str(stub), "-f", "json", input=paste).stdout)
    assert d["vendor"] == "acme-ledger" and d["errors"][0]["match"] == "template"  # "Bill {number} is locked"


def test_stub_when_everything_matched(cli):
    r = cli("explain", "--stub", input=MYOB_BODY)
    assert r.exit_code == 0 and r.stdout == "" and "already in the catalog" in r.stderr


def test_a_gateway_timeout_of_a_post_is_not_advised_a_plain_resend(cli):
    """The guide of MYOB's GatewayTimeout (504) says "backoff"; a POST may have been done before the gateway gave up,
    and resending it may create the invoice twice. The one-line summary said "check first", but the text and
    markdown views printed "retry: backoff" for it, and the JSON's explanation.retry (MCP's explain too) still does
    beside may_have_applied; a GET keeps the guide's backoff."""
    body = '{"Errors":[{"Name":"GatewayTimeout","Message":"Connection to the API has timed out","Severity":"Error"}]}'
    paste = "METHOD https://api.myob.com/accountright/x/Sale/Invoice/Item\nHTTP/1.1 504 Gateway Timeout\n\n" + body
    said = "no after a POST, which may have been applied: check first"
    documents = {m: json.loads(cli("explain", "-f", "json", input=paste.replace("METHOD", m)).stdout) for m in ("POST", "GET")}
    assert [d["errors"][0]["explanation"]["retry"] for d in documents.values()] == [said, "backoff"]  # as the views say
    assert [d["errors"][0]["may_have_applied"] for d in documents.values()] == ["POST", None]  # this request's
    for view, line in (("table", "retry:    "), ("markdown", "**Retry:** ")):
        post = cli("explain", "--format", view, input=paste.replace("METHOD", "POST")).stdout
        get = cli("explain", "--format", view, input=paste.replace("METHOD", "GET")).stdout
        assert f"{line}{said}" in post, post
        assert f"{line}backoff" in get and said not in get, get


def test_a_gateways_502_to_a_post_the_catalog_lacks_is_not_advised_a_resend_by_its_status(cli):
    """An uncatalogued 502 is advised by its status ("usually passes: resend later"); but a gateway may have
    let the POST through before failing, so errcat.retry_advice says never for it, while the table, markdown
    and JSON views (retry_by_status) still said resend. They now say what retry_advice says; a GET keeps it."""
    paste = "METHOD https://api.accounting.sage.com/v3.1/sales_invoices\nHTTP/1.1 502 Bad Gateway\n\n<html>upstream connect error</html>"
    post, get = paste.replace("METHOD", "POST"), paste.replace("METHOD", "GET")
    said = "no after a POST, which may have been applied: check first, though HTTP 502 usually passes"
    for view in ("table", "markdown"):
        assert said in cli("explain", "--format", view, input=post).stdout
        shown = cli("explain", "--format", view, input=get).stdout
        assert "HTTP 502 usually passes: resend later, with exponential backoff" in shown and said not in shown
    by_status = {
        m: json.loads(cli("explain", "-f", "json", input=p).stdout)["errors"][0]["retry_by_status"]
        for m, p in (("POST", post), ("GET", get))
    }
    assert by_status == {
        "POST": {"status": 502, "retry": False, "wait": "never", "may_have_applied": "POST"},
        "GET": {"status": 502, "retry": True, "wait": "backoff"},
    }
    assert errcat.retry_advice(errcat.explain(post))[:2] == (False, "never")  # what the views now agree with

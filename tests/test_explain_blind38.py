"""errcat explain on what blind38 measured: closing30's leftovers on real pastes (tests/data/realworld.jsonl blind37-0,
-1, -14, blind38-20) and forms a user pastes that wrap the vendors' documented bodies: Python 3.11's traceback with
its ^^^^ position marks (a Celery task's failure), curl --trace-ascii's data in 64-byte lines, Elixir's map inspect
(Req's %Req.Response{}), Alamofire's unacceptableStatusCode(code: 409), WeChat's success reply {"errcode":0,"errmsg":"ok"}.
The tools' shapes are their own; the bodies are the vendors' documented ones."""

from __future__ import annotations

import json

import pytest

from corpus import OWN_CORPUS, load_cases
from errcat.explainer import explain

CASES = {c["id"]: c for c in load_cases(OWN_CORPUS)}
IX_MESSAGE = "Invoice has been settled so can't be changed anymore"
PROSPEND_BODY = '{"code":"RESOURCE_CONFLICT","message":"Duplicated resource with same key exist. Please check your request data and try again."}'


def _first(d: dict) -> dict:
    return d["errors"][0]


@pytest.mark.parametrize("case_id", ["blind37-0", "blind37-1"])
def test_a_wrappers_php_warning_is_not_the_apis_message(catalog, case_id):
    # rpsimao/invoicexpress-api reports Guzzle's summary of InvoiceXpress's 500 under api_msg and the PHP warning its
    # own XML parsing then raised under message, beside the file and line that raised it: the API said the former
    d = explain(catalog, CASES[case_id]["raw"]).as_dict()
    e = _first(d)
    assert d["vendor"] == "invoicexpress"
    assert e["observed"]["message"].startswith("An error occured on the server.")
    assert "simplexml_load_string" not in e["observed"]["message"]
    assert e["match"] == "none"  # InvoiceXpress documents no 500


def test_a_php_warning_alone_stays_the_message(catalog):
    # no client summary beside it: the warning is all the document says
    paste = json.dumps(
        {"file": "/app/src/Client.php", "line": 88, "message": "json_decode(): Argument #1 ($json) must be of type string"}
    )
    assert _first(explain(catalog, paste).as_dict())["observed"]["message"].startswith("json_decode(): ")


def test_errors_of_message_objects_are_each_an_error(catalog):
    # blind37-14 (a Swift client's test of an API's nested errors): each error holds a list of {"message"} objects;
    # read as InvoiceXpress's errors-of-strings it gave none and the whole body became one message
    d = explain(catalog, CASES["blind37-14"]["raw"]).as_dict()
    assert [e["observed"]["message"] for e in d["errors"]] == [
        "QueryString parameter searchFor is required",
        "QueryString parameter searchField is required",
    ]
    assert d["vendor"] is None
    assert not {e["match"] for e in d["errors"]} & {"exact", "template", "code", "status"}


def test_alamofire_unacceptable_status_code_is_the_status(catalog):
    paste = ("responseValidationFailed(reason: Alamofire.AFError.ResponseValidationFailureReason.unacceptableStatusCode(code: 409))\n"
             f"URL: https://api.apac.prospend.io/beta/company/4411/suppliers\n{PROSPEND_BODY}")  # fmt: skip
    d = explain(catalog, paste).as_dict()
    assert d["http"]["status"] == 409
    assert (d["vendor"], _first(d)["match"], _first(d)["candidates"][0]["code"]) == ("prospend", "exact", "RESOURCE_CONFLICT")


def test_alamofire_status_without_a_body(catalog):
    paste = "Alamofire.AFError.responseValidationFailed(reason: Alamofire.AFError.ResponseValidationFailureReason.unacceptableStatusCode(code: 429))"
    d = explain(catalog, paste).as_dict()
    assert d["http"]["status"] == 429
    assert _first(d)["observed"]["code"] is None


def test_a_code_a_text_states_beside_its_status_is_still_its_code(catalog):
    # review17: only Alamofire's unacceptableStatusCode(code: n) states the status as a code; blind31-30 (Rubrik's
    # Terraform provider: "... (code: 404, traceId: ...)") lost its code 404 and was offered MYOB's NotFound as similar
    d = explain(catalog, CASES["blind31-30"]["raw"]).as_dict()
    assert (d["vendor"], _first(d)["observed"]["code"], _first(d)["match"]) == (None, "404", "none")


@pytest.mark.parametrize("body", ['{"errcode":0,"errmsg":"ok"}', '{"code":0,"message":"success"}'])
def test_a_success_reply_is_not_read_as_an_error(catalog, body):
    d = explain(catalog, body).as_dict()
    assert _first(d)["observed"]["message"] != "ok" and _first(d)["observed"]["code"] is None
    assert any("success" in n for n in d["notes"])
    assert d["vendor"] is None


def test_a_failure_with_code_zero_is_still_an_error(catalog):
    # code 0 beside words of a failure is no success
    e = _first(explain(catalog, '{"code":0,"message":"Signature verification failed"}').as_dict())
    assert e["observed"]["message"] == "Signature verification failed"


def test_python_311_position_marks_are_no_message(catalog):
    # blind38-20: a Celery task's traceback; Python 3.11 marks each frame's expression with ^^^^ under its source line,
    # and those marks were read as the error's message
    d = explain(catalog, CASES["blind38-20"]["raw"]).as_dict()
    assert d["http"]["status"] == 401
    assert "^^" not in (_first(d)["observed"]["message"] or "")


def test_python_311_traceback_with_a_logged_body(catalog):
    frames = ("Traceback (most recent call last):\n  File \"/app/sync/tasks.py\", line 58, in push_supplier\n    resp.raise_for_status()\n"
              "    ^^^^^^^^^^^^^^^^^^^^^^^\n  File \"/usr/local/lib/python3.12/site-packages/requests/models.py\", line 1024, in raise_for_status\n"
              "    raise HTTPError(http_error_msg, response=self)\n")  # fmt: skip
    paste = (
        f"WARNING sync.tasks: API answered 422: {json.dumps({'errors': [{'error': IX_MESSAGE}]})}\n{frames}"
        "requests.exceptions.HTTPError: 422 Client Error: Unprocessable Entity for url: https://acme-lda.app.invoicexpress.com/invoices/41233990.json"
    )
    d = explain(catalog, paste).as_dict()
    assert (d["vendor"], _first(d)["match"], _first(d)["observed"]["message"]) == ("invoicexpress", "exact", IX_MESSAGE)


def _trace_ascii(host: str, status: str, body: str) -> str:
    """curl --trace-ascii -'s received data: 64 bytes a line, each after its offset."""
    raw = body.encode()
    lines = [f"<= Recv data, {len(raw)} bytes (0x{len(raw):x})"] + [
        f"{i:04x}: {raw[i : i + 64].decode()}" for i in range(0, len(raw), 64)
    ]
    return (f"== Info: Connected to {host} (52.63.114.21) port 443\n<= Recv header, {len(status) + 11} bytes (0x{len(status) + 11:x})\n0000: HTTP/1.1 {status}\n"
            "<= Recv header, 2 bytes (0x2)\n0000: \n" + "\n".join(lines) + f"\n== Info: Connection #0 to host {host} left intact")  # fmt: skip


@pytest.mark.parametrize(
    ("host", "status", "body", "vendor", "message"),
    [
        (
            "api.apac.prospend.io",
            "409 Conflict",
            PROSPEND_BODY,
            "prospend",
            "Duplicated resource with same key exist. Please check your request data and try again.",
        ),
        (
            "acme-lda.app.invoicexpress.com",
            "422 Unprocessable Entity",
            json.dumps({"errors": [{"error": IX_MESSAGE}]}),
            "invoicexpress",
            IX_MESSAGE,
        ),
    ],
)
def test_curl_trace_ascii_data_is_one_body(catalog, host, status, body, vendor, message):
    d = explain(catalog, _trace_ascii(host, status, body)).as_dict()
    assert (d["vendor"], _first(d)["match"], _first(d)["observed"]["message"]) == (vendor, "exact", message)


def test_elixir_map_of_invoicexpress_errors(catalog):
    # Req's %Req.Response{} prints the decoded body as Elixir maps: %{"errors" => [%{"error" => "..."}]}
    paste = ("%Req.Response{\n  status: 422,\n  headers: %{\"content-type\" => [\"application/json; charset=utf-8\"]},\n"
             f"  body: %{{\n    \"errors\" => [\n      %{{\n        \"error\" => \"{IX_MESSAGE}\"\n      }}\n    ]\n  }},\n  trailers: %{{}},\n  private: %{{}}\n}}")  # fmt: skip
    d = explain(catalog, paste).as_dict()
    assert (d["vendor"], _first(d)["match"], _first(d)["observed"]["message"]) == ("invoicexpress", "exact", IX_MESSAGE)


def _trace_block(head: str, text: str) -> list[str]:
    """One block of curl --trace-ascii as curl prints it: a line ends at a CRLF (not shown) or after 64 bytes."""
    raw, lines, i = text.encode(), [f"{head}, {len(text.encode())} bytes (0x{len(text.encode()):x})"], 0
    while i < len(raw):
        crlf = raw.find(b"\r\n", i, i + 65)
        end = crlf if crlf >= 0 else i + 64
        lines.append(f"{i:04x}: {raw[i:end].decode()}")
        i = end + 2 if crlf >= 0 else end
    return lines


def test_curl_trace_ascii_header_lines_cut_at_64_bytes_are_read_whole(catalog):
    # review17: the request line and an Authorization header longer than 64 bytes are cut as the body is; read line by
    # line, the URL ended at "/Sale/Inv" (no host, no endpoint) and the token's second part stood on a line of its own
    path = "/accountright/0b1a2c3d-1111-2222-3333-444455556666/Sale/Invoice/Item"
    token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJRN3pLMm05WHc0UmI4VGxDIn0.Zk3qP9wLm2XcV7bN4tR8yH1sD6fG0jK5"
    body = ('{"Errors":[{"Name":"DatePriorToBeginningOfFinancialYear","Message":"Date cannot be prior to beginning of '
            'financial year","AdditionalDetails":"Date","ErrorCode":25008,"Severity":"Error"}]}')  # fmt: skip
    request = f"POST {path} HTTP/1.1\r\nHost: ar1.api.myob.com\r\nAuthorization: Bearer {token}\r\n\r\n"
    blocks = [("=> Send header", request), ("<= Recv header", "HTTP/1.1 400 Bad Request\r\n"), ("<= Recv header", "\r\n")]
    lines = ["== Info: Connected to ar1.api.myob.com (52.63.114.21) port 443"]
    for head, text in [*blocks, ("<= Recv data", body)]:
        lines += _trace_block(head, text)
    paste = "\n".join(lines)
    assert "Sale/Inv\n" in paste and "\n00ac: " in paste  # the request line and the token are cut in the transcript
    d = explain(catalog, paste).as_dict()
    assert (d["http"]["host"], d["http"]["endpoint"]) == ("ar1.api.myob.com", "/Sale/Invoice/Item")
    assert (d["vendor"], _first(d)["match"]) == ("myob", "exact")
    assert token[-12:] not in json.dumps(d)

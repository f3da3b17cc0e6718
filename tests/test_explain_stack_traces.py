"""errcat explain on an error pasted with its stack trace: the frames say where the error was raised,
not what it is, so the message read is the exception's line (and a pasted "Traceback (most recent
call last):" is not printed back as if errcat had crashed). Every paste here is real; its source is
named beside it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from errcat.cli import app
from errcat.explainer import explain

# GitHub issue laws-africa/indigo#791 (2019-10-14), Google Sheets API via google-api-python-client
PYTHON = """ Traceback (most recent call last):
   File "/app/.heroku/src/indigo/indigo/bulk_creator.py", line 109, in get_spreadsheet_sheets
     .get(spreadsheetId=spreadsheet_id)\\
   File "/app/.heroku/python/lib/python3.6/site-packages/googleapiclient/http.py", line 856, in execute
     raise HttpError(resp, content, uri=self.uri)
 googleapiclient.errors.HttpError: <HttpError 403 when requesting https://sheets.googleapis.com/v4/spreadsheets/18yABnIkTo6a5lojc2KtOS69qly5xRg6_fg8hwiMi8u8?alt=json returned "The caller does not have permission">"""

# GitHub issue intacct/intacct-sdk-js#70 (2021-08-23), Sage Intacct's Node SDK
NODE = """IntacctException [Error]: Response result block is missing status element
    at new Result (/usr/src/app/node_modules/@intacct/intacct-sdk/dist/Xml/Response/Result.js:66:19)
    at new OnlineResponse (/usr/src/app/node_modules/@intacct/intacct-sdk/dist/Xml/OnlineResponse.js:55:44)
    at Generator.next (<anonymous>)"""

# GitHub issue intacct/intacct-sdk-net#215 (2022-08-30), Sage Intacct's .NET SDK
DOTNET = """Intacct.Sdk.Exceptions.IntacctException: Control block is missing senderid element
   at Intacct.Sdk.Xml.Response.Control..ctor(XElement control)
   at Intacct.Sdk.Xml.AbstractResponse..ctor(Stream body)
--- End of stack trace from previous location where exception was thrown ---
   at System.Runtime.CompilerServices.TaskAwaiter`1.GetResult()"""

# GitHub PR pinax/pinax-stripe-light#326 (2017-03-18), Stripe: frames at the left margin, source lines under them
PYTHON_UNINDENTED = """File "VENV/stripe/api_requestor.py", line 288, in interpret_response
  self.handle_api_error(rbody, rcode, resp, rheaders)
File "VENV/stripe/api_requestor.py", line 159, in handle_api_error
  rbody, rcode, resp, rheaders)
stripe.error.InvalidRequestError: Request req_ABCDEFGH: Nothing to invoice for customer"""


@pytest.mark.parametrize(
    ("paste", "message"),
    [
        (
            PYTHON,
            "googleapiclient.errors.HttpError: <HttpError 403 when requesting https://sheets.googleapis.com/v4/spreadsheets/",
        ),
        (NODE, "IntacctException [Error]: Response result block is missing status element"),
        (DOTNET, "Intacct.Sdk.Exceptions.IntacctException: Control block is missing senderid element"),
        (PYTHON_UNINDENTED, "stripe.error.InvalidRequestError: Request req_ABCDEFGH: Nothing to invoice for customer"),
    ],
    ids=["python", "node", "dotnet", "python-unindented"],
)
def test_the_message_is_the_exceptions_line_not_its_frames(catalog, paste, message):
    x = explain(catalog, paste)
    read = x.errors[0].sent.message or ""
    assert read.startswith(message), read
    assert " at " not in read and "End of stack trace" not in read
    assert "File " not in read and "Traceback" not in read
    assert x.vendor is None


def test_a_pasted_traceback_header_is_not_printed_back():
    result = CliRunner().invoke(app, ["explain", "-f", "json", "-"], input=PYTHON)
    assert result.exit_code in (0, 1)
    assert "Traceback" not in result.output
    assert json.loads(result.output)["vendor"] is None


# GitHub issue red-hat-storage/ocs-ci#5036 (2021-11-02), an S3-compatible store via botocore, as pytest reports it
PYTEST = """        if http.status_code >= 300:
            error_code = parsed_response.get("Error", {}).get("Code")
            error_class = self.exceptions.from_code(error_code)
>           raise error_class(parsed_response, operation_name)
E           botocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the GetObject operation: Access Denied

venv/lib64/python3.8/site-packages/botocore/client.py:656: ClientError"""

# GitHub issue IBM/image-recognition-and-information-extraction-from-image-documents#3 (2018-06-19), IBM Cloud
# Object Storage via ibm_botocore in a Jupyter notebook: IPython's traceback header and frame lines
IPYTHON = """---------------------------------------------------------------------------
ClientError                               Traceback (most recent call last)
<ipython-input-47-1c818a89a67a> in <module>()
----> 1 response = cos.list_buckets()
C:\\ProgramData\\Anaconda3\\lib\\site-packages\\ibm_botocore\\client.py in _api_call(self, *args, **kwargs)"""


def test_a_pytest_report_is_read_from_its_error_lines(catalog):
    """pytest prints the source around the failing line; its "E   " lines are the error. The source's
    `error_code = parsed_response.get(...)` is no error code either."""
    x = explain(catalog, PYTEST)
    sent = x.errors[0].sent
    assert sent.message == (
        "botocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the GetObject operation: Access Denied"
    )
    assert sent.code is None
    assert x.vendor is None


def test_a_code_assigned_from_a_call_is_no_code(catalog):
    x = explain(catalog, 'error_code = parsed_response.get("Error", {}).get("Code")\nsomething failed')
    assert x.errors[0].sent.code is None
    assert explain(catalog, "Request failed, error code: E1042.").errors[0].sent.code == "E1042"


def test_ipythons_traceback_header_and_frames_are_not_read_or_printed_back():
    result = CliRunner().invoke(app, ["explain", "-f", "json", "-"], input=IPYTHON)
    assert result.exit_code in (0, 1)
    assert "Traceback" not in result.output and "ipython-input" not in result.output and "----> 1" not in result.output


def test_lines_starting_with_e_are_not_a_pytest_report_without_pytests_marks(catalog):
    """A fixed-width log whose level column says "E" is no pytest report: all its lines stay."""
    x = explain(catalog, "I    service started\nE    upstream answered 502 Bad Gateway\nE    retry in 30 s")
    assert "service started" in (x.errors[0].sent.message or "")


def test_a_paste_of_frames_only_says_where_the_error_is(catalog):
    """IPython's frame and its numbered source lines are all frames: no error is made of them, and the note
    says the exception's line is missing."""
    x = explain(catalog, IPYTHON + "\n      2 buckets = [b['Name'] for b in response['Buckets']]")
    assert x.errors == ()
    assert any("stack trace's frames only" in n for n in x.notes)


# GitHub issue ERP-Ukraine/odoo-rpc-dart#43 (2023-08-22), the title: an Odoo JSON-RPC error as a Dart
# client prints it, the server's traceback header inside the line
ODOO_ONE_LINE = (
    "error OdooException: {code: 200, message: Odoo Server Error, data: {name: builtins.ValueError, "
    "debug: Traceback (most recent call last):"
)


def test_a_traceback_header_inside_a_line_is_not_printed_back():
    result = CliRunner().invoke(app, ["explain", "-f", "json", "-"], input=ODOO_ONE_LINE)
    assert result.exit_code in (0, 1)
    assert "Traceback" not in result.output
    doc = json.loads(result.output)
    assert doc["vendor"] is None
    # the message the Dart object labels is the error's (explain20: a labelled message inside a line is read out)
    assert doc["errors"][0]["observed"]["message"] == "Odoo Server Error"


# GitHub issue gocardless/gocardless-nodejs#112 (comment by ZiggerZZ, 2022-01-21): GoCardless's Node client says the
# status by its reason phrase alone
NODE_REASON_ONLY = """Error: Unprocessable Entity
    at Function.buildFromResponse (/Users/ziggerzz/PycharmProjects/backend/node_modules/src/errors.ts:84:16)
    at Api.request (/Users/ziggerzz/PycharmProjects/backend/node_modules/src/api/api.ts:121:47)
    at processTicksAndRejections (node:internal/process/task_queues:96:5)"""


def test_an_error_line_that_is_a_reason_phrase_gives_its_status(catalog):
    x = explain(catalog, NODE_REASON_ONLY)
    assert x.vendor is None
    assert (x.exchange.status, x.exchange.reason) == (422, "Unprocessable Entity")
    assert all(m.kind not in ("exact", "template", "code", "status") for m in x.errors)


def test_restclient_1x_own_phrase_for_404_gives_the_status(catalog):
    """GitHub issue NullVoxPopuli/aeonvera#769 (Stripe through rest-client 1.8): RestClient 1.x says
    '404 Resource Not Found', not HTTP's 'Not Found'; the status was lost. Stripe is not catalogued: no vendor."""
    path = Path(__file__).parent / "data" / "realworld.jsonl"
    paste = next(
        c["raw"] for c in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if "aeonvera#769" in c["source"]
    )
    x = explain(catalog, paste)
    assert (x.exchange.status, x.exchange.reason) == (404, "Resource Not Found")
    assert x.vendor is None and all(m.kind not in ("exact", "template", "code", "status") for m in x.errors)
    assert explain(catalog, "RestClient::ResourceNotFound: 404 Resource Not Foundation").exchange.reason != "Resource Not Found"


# AlienVault-OTX/OTX-Go-SDK#2 (2016-02-29): the SDK's example panics after a 403 (first lines)
GO_PANIC_AFTER_403 = (
    "/api/v1/user/ response status: 403\n"
    "panic: runtime error: invalid memory address or nil pointer dereference\n"
    "[signal 0xb code=0x1 addr=0x0 pc=0x2c7d]\n\n"
    "goroutine 1 [running]:\nmain.main()\n"
    "    /Users/bsmartt/Dev/golang/go-otx-api-client/examples/main.go:24 +0xc7d"
)


def test_a_go_panics_signal_code_is_no_error_code(catalog):
    """Go's runtime states the signal's own code ("code=0x1") beside the fault address: it was read as the
    error's code, a code no service sent. The status the line before states still stands."""
    x = explain(catalog, GO_PANIC_AFTER_403)
    assert x.exchange.status == 403
    assert x.errors[0].sent.code is None
    assert explain(catalog, "sync failed: code=E1042 invalid ledger").errors[0].sent.code == "E1042"


def test_a_reason_phrase_is_a_status_only_under_an_error_class_that_may_be_http(catalog):
    # review1: "SyntaxError: Not Found" showed "status: 404 Not Found", "KeyError: Bad Gateway" 502, numbers the input never had
    assert explain(catalog, "SyntaxError: Not Found").exchange.status is None
    assert explain(catalog, "KeyError: Bad Gateway").exchange.status is None
    assert explain(catalog, "NotFoundError: Not Found").exchange.status == 404  # http-errors' class, named by its phrase
    assert explain(catalog, "HttpError: Bad Gateway").exchange.status == 502

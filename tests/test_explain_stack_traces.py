"""errcat explain on an error pasted with its stack trace: the frames say where the error was raised,
not what it is, so the message read is the exception's line (and a pasted "Traceback (most recent
call last):" is not printed back as if errcat had crashed). Every paste here is real; its source is
named beside it."""

from __future__ import annotations

import json

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

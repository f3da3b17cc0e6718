"""errcat explain on Sage SData diagnoses (Sage 50, Sage 200, Sage X3 and Sage's own services, not the
Sage Business Cloud Accounting API): the SData code is read as the error's code, in JSON ($sdataCode)
and in XML even when the paste stops inside the message; none is claimed for a catalogued vendor.
Every paste here is real; its source is named beside it."""

from __future__ import annotations

from errcat.explainer import explain

# GitHub issue Sage/SData-2.0#115 (2018-06-04, Sage 50 Accounts SData), its first lines: the post
# stops inside <sdata:message> (the stack trace goes on); namespace list shortened
SDATA_CUT_IN_MESSAGE = """500 Internal Server Error
<?xml version="1.0" encoding="utf-8"?>
<diagnosis xmlns="http://schemas.sage.com/sdata/2008/1" xmlns:sdata="http://schemas.sage.com/sdata/2008/1">
  <sdata:severity>error</sdata:severity>
  <sdata:sdataCode>ApplicationDiagnosis</sdata:sdataCode>
  <sdata:applicationCode />
  <sdata:message>GET operation failed - Value cannot be null.
Parameter name: key

   at System.ThrowHelper.ThrowArgumentNullException(ExceptionArgument argument)
   at Sage.Integration.Accounts50.SDOAdapter.SDOWorkspaceManager.GetCompany(IRequest request)"""

# A Sage cloud service's Lambda test (find_string id 49034418954; tests/data/realworld.jsonl own-217):
# its 500 body in SData's dollar-keyed shape
SDATA_JSON = (
    '{"$diagnoses":[{"$applicationCode":"InternalServerError","$message":"an error occurred while processing '
    'the request","$sdataCode":"ApplicationDiagnosis","$severity":"Error"}]}'
)


def test_an_sdata_diagnosis_cut_inside_its_message_is_still_read(catalog):
    """A post's first lines stop inside the message: the code, severity and the message's start are
    read (not the whole XML as one line of text), and nothing is claimed."""
    x = explain(catalog, SDATA_CUT_IN_MESSAGE)
    assert len(x.errors) == 1
    sent = x.errors[0].sent
    assert (sent.code, sent.severity) == ("ApplicationDiagnosis", "error")
    assert sent.message is not None and sent.message.startswith("GET operation failed - Value cannot be null.")
    assert "<" not in sent.message and sent.cut
    assert x.exchange.status == 500
    assert x.vendor is None and x.errors[0].kind in ("none", "fuzzy")


def test_an_xml_document_without_a_code_or_severity_is_not_read_from_a_cut_tag(catalog):
    """Only an error document (a code or a severity beside it) gives a cut message: a bare open tag is text."""
    x = explain(catalog, "<note><message>see you at")
    assert all(m.sent.shape.name != "XML error document" for m in x.errors)


def test_sdatas_dollar_keyed_code_is_read_as_the_code(catalog):
    """$sdataCode is SData's code and $applicationCode the application's name for the error: both are
    shown, and the shape stays the weak one SData shares with Sage's (no vendor named, no claim)."""
    x = explain(catalog, SDATA_JSON)
    sent = x.errors[0].sent
    assert (sent.code, sent.name, sent.severity) == ("ApplicationDiagnosis", "InternalServerError", "Error")
    assert x.vendor is None and x.errors[0].kind in ("none", "fuzzy")


# GitHub issue Sage/SData-2.0#65 (2016-09-07, Sage 50 Accounts SData), its first lines; namespace list shortened.
# The message names a COM class by its CLSID in braces, and the post stops inside the message.
SDATA_CLSID = """<diagnosis xmlns="http://schemas.sage.com/sdata/2008/1" xmlns:sdata="http://schemas.sage.com/sdata/2008/1">
  <sdata:severity>error</sdata:severity>
  <sdata:sdataCode>ApplicationDiagnosis</sdata:sdataCode>
  <sdata:applicationCode />
  <sdata:message>GET operation failed - Retrieving the COM class factory for component with CLSID {32F9466C-D217-481E-933C-C898F8D9A9D4} failed due to the following error: 80070583."""


def test_a_brace_in_an_xml_message_does_not_make_it_json(catalog):
    """A CLSID's braces are text, not a JSON body quoting XML: the diagnosis is still read element by element."""
    x = explain(catalog, SDATA_CLSID)
    sent = x.errors[0].sent
    assert (sent.code, sent.severity) == ("ApplicationDiagnosis", "error")
    assert sent.message is not None and sent.message.startswith("GET operation failed - Retrieving the COM class factory")
    assert x.vendor is None and x.errors[0].kind in ("none", "fuzzy")


def test_json_quoting_xml_is_still_not_read_as_an_xml_document(catalog):
    """A JSON body whose string quotes an XML error is JSON: its own fields are the error."""
    x = explain(catalog, '{"error": "upstream said <Error><Message>boom</Message></Error>", "code": "UPSTREAM"}')
    assert all(m.sent.shape.name != "XML error document" for m in x.errors)

"""errcat explain on the catalogued vendors' neighbours, as real pastes show them: Sage Intacct's XML error
document (Sage's other product) is read element by element, at once, and claimed for no one. Every paste
here is real; its source is named beside it."""

from __future__ import annotations

import time

from errcat.explainer import explain

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

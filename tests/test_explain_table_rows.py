"""errcat explain on a documentation table's row and on a body wrapped inside its message, as real pastes
show them: a row that gives the HTTP status and the error's code in cells of their own is read for both, and
a JSON body whose message a terminal wrapped is read as JSON, whole. Every paste here is real; its source is
named beside it."""

from __future__ import annotations

import pytest

from errcat.explainer import explain

# Rows of MYOB's documented errors as public MYOB integration notes tabulate them (status, Name, ErrorCode,
# cause): (source, row, name, code, status)
MYOB_ROWS = [
    (
        "find_string id 67378747763: a MYOB integration note's Error Reference table",
        "| 409  | `IncorrectRowVersionSupplied`         | 111   | stale RowVersion on PUT      |",
        "IncorrectRowVersionSupplied",
        111,
        409,
    ),
    (
        "find_string id 67302754685: another MYOB integration note's error table",
        "| 400         | `SerializationError`                  | 50    | Wrong field type                    |",
        "SerializationError",
        50,
        400,
    ),
    (
        "find_string id 67302754685, the DeveloperInactive row: its code cell is null",
        "| 403         | `DeveloperInactive`                   | null  | API key missing or inactive         |",
        "DeveloperInactive",
        None,
        403,
    ),
]


@pytest.mark.parametrize(("source", "row", "name", "code", "status"), MYOB_ROWS, ids=["rowversion", "serialization", "inactive"])
def test_a_table_row_gives_its_status_and_its_code_in_their_own_cells(catalog, source, row, name, code, status):
    """The status cell was read as the error's code: 409 against IncorrectRowVersionSupplied's documented 111
    made the row a mere look-alike, and a documented MYOB error went unnamed (vendor unknown)."""
    x = explain(catalog, row)
    (m,) = x.errors
    assert x.vendor == "myob", source
    assert m.sent.code == (str(code) if code is not None else None)
    assert m.sent.status == status
    assert m.kind == "code"
    assert m.best is not None
    assert (m.best.entry.name, m.best.entry.code, m.best.entry.status) == (name, code, status)


def test_a_status_cell_is_not_a_code_when_the_row_has_no_other_number(catalog):
    # a MYOB integration note's status table (find_string id 67107659438): its code is not in the row
    row = "| 409    | Conflict — `IncorrectRowVersionSupplied` on PUT | Re-fetch entity to get current `RowVersion`, then retry PUT.    |"
    x = explain(catalog, row)
    (m,) = x.errors
    assert (x.vendor, m.kind, m.sent.code) == ("myob", "code", None)
    assert m.best is not None
    assert m.best.entry.name == "IncorrectRowVersionSupplied"


def test_another_apis_status_row_is_still_nobodys(catalog):
    # Finseed (PrestaShop e-invoicing) API reference, Errors https://prestashop.finseed.es/docs/api-reference/errors
    row = "invoice_not_found | 404 | No invoice matches the supplied identifier in the environment the API key belongs to. |"
    x = explain(catalog, row)
    (m,) = x.errors
    assert x.vendor is None
    assert m.sent.code is None  # 404 is the row's status, not a code of the service's own
    assert m.kind == "none"


def test_a_body_wrapped_inside_its_message_is_read_as_json(catalog):
    """An API-emulator README's live probe of E2B (find_string id 67406164639): the message was cut at its
    escaped quote ('expected the "e2b_') and the JSON taken for a PHP/Ruby/Python dump, because the wrapped
    line breaks inside the string made it invalid JSON."""
    paste = (
        "GET /sandboxes    X-API-KEY: notreal\n"
        '401 {"code":401,\n'
        '     "message":"API key is malformed: expected the \\"e2b_\\" prefix,\n'
        '                visit https://docs.e2b.dev/api-key for more information"}'
    )
    x = explain(catalog, paste)
    (m,) = x.errors
    assert m.sent.message is not None
    assert m.sent.message.startswith('API key is malformed: expected the "e2b_" prefix,')
    assert m.sent.message.endswith("for more information")
    assert not any("dump" in n for n in x.notes), x.notes
    assert (x.vendor, m.kind) == (None, "none")


def test_a_quoted_status_description_is_that_documented_status(catalog):
    """An InvoiceXpress .NET client's warning on a 401 (find_string id 8880366055) quotes the description the
    vendor documents for 401 and gives no number: the vendor was named by those words, but the error was left
    unmatched though the document gives it (a miss)."""
    x = explain(catalog, "ACCESS DENIED: The API Key parameter is missing or is incorrectly entered")
    (m,) = x.errors
    assert (x.vendor, x.exchange.status, m.kind) == ("invoicexpress", 401, "status")
    assert m.best is not None and m.best.entry.id == "invoicexpress.status.401"
    assert any("documented description" in n for n in x.notes), x.notes


def test_a_status_description_says_nothing_when_the_paste_states_its_status(catalog):
    # the Sage Response Codes page's 405 row, as a reader copies it: the row's own number stands
    x = explain(catalog, "405 Method Not Allowed A request has been made using the wrong HTTP verb.")
    (m,) = x.errors
    assert (x.vendor, x.exchange.status, m.kind) == ("sage", 405, "status")
    assert not any("documented description" in n for n in x.notes), x.notes


def test_a_note_naming_several_of_one_vendors_errors_names_the_vendor_and_claims_none(catalog):
    """A MYOB integration note's rule (find_string id 67463210484) names three documented MYOB errors in one
    line: no one of them is the paste's error, so none is claimed, but the names are MYOB's alone and
    DeveloperInactive is no stock word pair. The vendor was unknown: several names named no error."""
    line = (
        "1. **Rate limit = 403, not 429.** Inspect the response `Name` field: `RateLimitError` → backoff and retry; "
        "`AccessDenied` / `DeveloperInactive` → do NOT retry."
    )
    x = explain(catalog, line)
    (m,) = x.errors
    assert x.vendor == "myob"
    assert m.kind == "none"
    assert any(c.kind == "error-names" and "DeveloperInactive" in c.value for c in x.clues)


def test_a_row_naming_an_error_in_one_word_beside_its_code_names_the_vendor(catalog):
    """A MYOB integration note's error table (find_string id 67302754685), the Required row: the one-word name
    cell was not read (not a compound name), so code 100 alone named nobody. MYOB documents Required with code
    100 for many endpoints, each with its own message: the row names none of them, but it is MYOB's."""
    row = "| 400         | `Required`                            | 100   | Required field missing              |"
    x = explain(catalog, row)
    (m,) = x.errors
    assert (x.vendor, m.sent.name, m.sent.code) == ("myob", "Required", "100")
    assert m.kind == "none"


def test_stock_names_alone_name_no_vendor(catalog):
    # Two names every API uses (S3's, Azure's, OpenAI's and MYOB's alike) are no vendor's evidence
    x = explain(catalog, "Retry on RateLimitError; never on AccessDenied.")
    assert x.vendor is None


@pytest.mark.parametrize(
    "text",
    [
        # a Rails OAuth server's log (Doorkeeper, ActiveRecord): OAuth's invalid_grant, spelt twice, and Rails's
        # RecordNotFound are codes Sage was only seen sending (observed), never its documented names
        "Completed 400 Bad Request in 12ms\nDoorkeeper::Errors::InvalidGrant: invalid_grant\n"
        "ActiveRecord::RecordNotFound (Couldn't find User with 'id'=42)\n",
        # the AWS SDK for Go's error: its SerializationError code and 504's reason phrase, which MYOB names two errors by
        "operation error S3: GetObject, https response error StatusCode: 504, RequestID: , HostID: , "
        "SerializationError: failed to decode response body, GatewayTimeout\n",
        # a table row naming an error beside its code, where that pair is one MYOB was only seen sending (observed):
        # "the vendor's documented error names ... one with its documented code", and this code is not documented
        "| 400 | ValidationError | 16000 | The request is invalid |\n",
    ],
)
def test_names_other_services_share_with_a_vendor_name_no_vendor(catalog, text):
    x = explain(catalog, text)
    assert x.vendor is None, x.clues
    assert not any(c.kind == "error-names" for c in x.clues)

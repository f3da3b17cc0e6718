"""A vendor's message logged after a bare level word is the vendor's message (explain29).

sweep24 found `ERROR Supplier has not supplied ABN number` (Python's ``%(levelname)s %(message)s``) and
`2022-06-02T11:58:12.623Z error Country PT was not found` read as "similar text only", while `ERROR: ...`,
`ERROR - ...` and `[ERROR] ...` were exact matches: the level word was read as the message's first word. Each layout
below is one a logger writes by default or by a documented pattern; the line must get what the message sent bare gets.
"""

from __future__ import annotations

import pytest

from corpus import top_reading
from errcat.explainer import explain

# documented messages each vendor's words name when sent bare (exact, or its template)
MESSAGES = [
    "Supplier has not supplied ABN number",  # MYOB 210 NoABN
    "Invoice has been settled so can't be changed anymore",  # InvoiceXpress
    "Country PT was not found",  # InvoiceXpress's template "Country <name> was not found"
    "Duplicated resource with same key exist. Please check your request data and try again.",  # ProSpend
    # ProSpend's template, its slot inside (its "Invalid number format - <Error Message>" no longer names ProSpend bare:
    # any NumberFormatException handler writes those words before a value, claims19)
    "The required parameter email is missing. Please check your request data and try again.",
]

LAYOUTS = [
    "ERROR {m}",  # Python %(levelname)s %(message)s; log4j %p %m
    "2026-11-19 02:00:00,123 ERROR {m}",  # Python %(asctime)s %(levelname)s %(message)s
    "2026-11-19 02:00:00,123 WARNING  {m}",  # Python %(levelname)-8s
    "2026-11-19 02:00:00,123 ERROR app.sync.worker {m}",  # Python's %(name)s, a dotted logger
    "ERROR root {m}",  # Python's root logger
    "2026-11-19 02:00:00,123 48213 ERROR {m}",  # Python %(process)d
    "WARN  {m}",  # log4j %-5p %m
    "2026-11-19 02:00:00,123 ERROR com.acme.sync.InvoiceJob {m}",  # log4j %d %-5p %c %m
    "02:00:00,123 FATAL {m}",  # log4j %d{ABSOLUTE} %5p %m
    "2026/11/19 02:00:00 ERROR {m}",  # Go: log.Printf("ERROR %v"), and slog's default handler
    '2026-11-19T02:00:00.000Z\tERROR\tworker/sync.go:42\t{m}\t{{"invoice": "INV-1"}}',  # zap's console encoder
    "2026-11-19T02:00:00Z error {m}",  # sweep24's line: a lower-case level after an ISO time
    "2026-11-19 02:00:00.123 +00:00 Error {m}",  # Serilog's {Level}
    "E, [2026-11-19T02:00:00.123456 #12345] ERROR -- sync: {m}",  # Ruby/Rails Logger::Formatter with a progname
    "Nov 19 02:00:00 web1 sync[4711]: ERROR {m}",  # syslog
    "sync-1  | 2026-11-19 02:00:00,123 ERROR {m}",  # docker compose's prefix
]


@pytest.mark.parametrize("message", MESSAGES)
@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_vendors_message_after_a_log_head_is_matched_as_when_sent_bare(catalog, layout, message):
    vendor, kind, entry = top_reading(catalog, message)
    assert vendor is not None and kind in ("exact", "template")  # the premise: the message names its vendor bare
    assert top_reading(catalog, layout.format(m=message)) == (vendor, kind, entry)


def test_sages_message_after_a_level_word_is_matched_under_its_host(catalog):
    """Sage's documented words name Sage only beside Sage's own evidence: here its host on the line above."""
    paste = "POST https://api.accounting.sage.com/v3.1/contacts\n2026-11-19 02:00:00,123 ERROR Your Access token has expired."
    x = explain(catalog, paste)
    assert x.vendor == "sage" and x.errors[0].kind == "exact"


# The catalog's messages that start with a level word as their own first word: read whole, as before. Json.NET's
# "Error converting value ..." is MYOB's template, but any .NET program's words outside MYOB's envelope or exchange
# (claims19: a template whose words only lead its free text names no vendor alone); SAF-T's warning is InvoiceXpress's
# documented message.
LEVEL_WORD_FIRST = [
    "Error converting value 12.5 to type Int32",
    "Warning! There is required information missing from Company information. Before you export the SAF-T PT, please go "
    "to Company information and fill out the missing fields.",
]


@pytest.mark.parametrize("message", LEVEL_WORD_FIRST)
@pytest.mark.parametrize("layout", ["{m}", "ERROR {m}", "2026-11-19 02:00:00,123 WARNING {m}", "Error: {m}"])
def test_a_message_that_starts_with_a_level_word_keeps_it(catalog, layout, message):
    vendor, kind, entry = top_reading(catalog, layout.format(m=message))
    assert entry is not None and entry.startswith(("myob.", "invoicexpress.")), entry  # the message, level word and all
    assert (vendor, kind, entry) == top_reading(catalog, message)


def test_the_saf_t_warning_is_invoicexpress_documented_message(catalog):
    x = explain(catalog, f"WARN {LEVEL_WORD_FIRST[1]}")
    assert x.vendor == "invoicexpress" and x.errors[0].kind == "exact"
    assert x.errors[0].candidates[0].entry.message == LEVEL_WORD_FIRST[1]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("message", ["Connection refused", "Something went wrong", "Request failed with status code 400"])
def test_a_log_head_makes_no_claim_of_words_no_vendor_documents(catalog, layout, message):
    x = explain(catalog, layout.format(m=message))
    assert x.vendor is None and all(m.kind in ("none", "fuzzy") for m in x.errors), (x.vendor, x.errors)


def test_a_programs_own_words_before_a_short_template_still_hold_it_back(catalog):
    """The log's head is framing; a program's own words around a template's are not (own-93's 'Caught:')."""
    x = explain(catalog, '2026-11-19 02:00:00,123 ERROR Caught: Invalid number format - For input string: "abc"')
    assert x.vendor is None and x.errors[0].kind in ("none", "fuzzy")

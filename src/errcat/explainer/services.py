"""Services errcat does not catalogue, as pastes name them in words ("xero returns 400 ...").

A message the vendor documents names its vendor by itself (match._claimant), but not when the paste says
the error came from another service: its users quote errors the way MYOB's do, and accounting APIs share
sentences ("Date cannot be prior to beginning of financial year" is a rule every ledger has). A name here
counts against every catalogued vendor that nothing else in the paste names (evidence.other_service_clues).

The list is evidence, not guesses: each name is one that real error pastes of that service carry (the
negative cases of tests/data/realworld.jsonl; tests/test_explain_other_services.py checks each name against
them, against every vendor paste and against the catalog's own words). Names that are English words
(Square, Wave, Harvest) are left out: "square" says nothing of a sender. So are the platforms vendors run
on (Azure, AWS, Google Cloud) and the sites pastes are posted to (GitHub): a vendor's error can name them.
"""

import re

# (the name as the service writes it, the spellings a paste uses, literal words): accounting, ERP, payments and
# commerce APIs
OTHER_SERVICES: tuple[tuple[str, str], ...] = (
    ("Xero", "xero"),
    ("QuickBooks", "quickbooks|intuit"),
    ("FreshBooks", "freshbooks"),
    ("Zoho", "zoho"),
    ("NetSuite", "netsuite"),
    ("Moloni", "moloni"),
    ("Vendus", "vendus"),
    ("Fortnox", "fortnox"),
    ("Odoo", "odoo"),
    ("Expensify", "expensify"),
    ("Stripe", "stripe"),
    ("PayPal", "paypal"),
    ("Mollie", "mollie"),
    ("Recurly", "recurly"),
    ("Chargebee", "chargebee"),
    ("Shopify", "shopify"),
    ("BigCommerce", "bigcommerce"),
    ("Salesforce", "salesforce"),
    ("Twilio", "twilio"),
    ("OpenAI", "openai"),
    ("Exact Online", "exact online|exactonline"),
    ("Business Central", "business central|businesscentral"),
    ("Fakturoid", "fakturoid"),
    ("Billingo", "billingo"),
    ("Moneybird", "moneybird"),
    ("GoCardless", "gocardless"),
    ("Xendit", "xendit"),
    ("iugu", "iugu"),
    ("Avalara", "avalara|avatax"),
    ("Klaviyo", "klaviyo"),
)

# A name in any case, as a word or starting an identifier (XeroException, quickbooks.exceptions, xero_python,
# Stripe::InvalidRequestError), never inside a longer lower-case word (xerox, stripes)
_SPELLINGS = "|".join(f"(?P<s{i}>{spellings})" for i, (_, spellings) in enumerate(OTHER_SERVICES))
_NAMED = re.compile(rf"(?<![A-Za-z0-9])(?i:{_SPELLINGS})(?![a-z0-9])")


# Every spelling, for a plain substring test first: the pattern costs 0.15 ms on a log line that names none (most)
_NEEDLES = tuple(w for _, spellings in OTHER_SERVICES for w in spellings.split("|"))


def may_name_service(text: str) -> bool:
    """Whether the text holds a spelling of one of the services at all (a cheap test before named_service)."""
    lowered = text.lower()
    return any(n in lowered for n in _NEEDLES)


def named_service(prose: str) -> str | None:
    """The first other service the text names, as the service writes its name."""
    if not may_name_service(prose):
        return None
    m = _NAMED.search(prose)
    if m is None or m.lastgroup is None:
        return None
    return OTHER_SERVICES[int(m.lastgroup[1:])][0]

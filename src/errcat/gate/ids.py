"""Ids of payment APIs' objects, which a user reads and searches by, whose random part would otherwise read as a key:
Stripe's (a prefix naming the object, then 14 or 24 random characters: price_1HFw3Q…, cus_…, evt_…, req_…), PayPal's
(PAY-…, PAYID-…, P-…, WH-…) and Twilio's SIDs (two capitals and 32 hex digits). Secrets keep their own prefixes
(sk_live_, rk_live_, whsec_, a client secret's …_secret_…) and stay hidden."""

from __future__ import annotations

from .basics import _lazy

# the object prefixes of Stripe's ids, as its API fixtures (stripe/openapi fixtures3*.json) write them, and req_ (a
# request's id); none is a secret's (sk_, rk_, pk_, ek_, whsec_, cuss_secret_ are not listed)
_STRIPE_PREFIXES = (  # (longest first: sub_sched before sub)
    "climorder|sub_sched|fctxnref|ccsbtxn|credrev|fcaowns|mandate|taxcalc|ctoken|debrev|ephkey|fcaown|fcsess|"
    "il_tmp|person|setatt|srctxn|tax_li|cbtxn|clock|fctxn|iauth|intok|issfr|plink|price|promo|srcmn|trxne|acct|"
    "apwc|card|cnli|feat|file|ipcd|link|plan|prod|rate|rsli|seti|trxn|txcd|bpc|bps|cus|ent|evt|fca|fee|frr|ibt|"
    "ich|ics|idp|ipi|ise|mtr|obp|obt|pmc|pmd|prv|pst|req|rsl|shr|sqr|src|sub|tax|tmc|tml|tmr|tok|trr|txi|txn|"
    "txr|ba|ca|ch|cn|cs|di|dp|fa|fr|ic|ii|il|in|li|pi|pm|po|py|qt|rc|rd|re|si|tr|tu|vr|vs|we"
)
_API_ID = _lazy(
    r"(?:" + _STRIPE_PREFIXES + r")_(?:test_|live_)?[A-Za-z0-9]{10,64}"
    r"|(?:PAY|PAYID|EC|BA|I|P|WH)-[A-Z0-9]{10,32}(?:-[A-Z0-9]{10,32})?"
    r"|[A-Z]{2}[0-9a-f]{32}"
)


def api_id(token: str) -> bool:
    """Whether a token is a payment API object's id (whole: a client secret's "pi_…_secret_…" is none)."""
    return _API_ID().fullmatch(token) is not None

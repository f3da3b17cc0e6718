"""Numbers, statuses, seconds and dates read from untrusted input, by total functions.

A paste or a log may hold anything where a number belongs: ``²`` (``str.isdigit`` says yes,
``int`` says no), 5,000 nines (past Python's digit limit, and past SQLite's integers), ``1e999``
and ``.inf`` (``int`` overflows). Each function here returns the value or None ("not a
number/status/date"), never raises, so no reader of input has to guess which exceptions a
conversion may throw. Imports nothing of errcat.
"""

from __future__ import annotations

import functools
import math
import re

MAX_DIGITS = 18  # every signed 64-bit integer (SQLite's INTEGER) has at most 18 digits of headroom
_INTEGER = re.compile(rf"[+-]?[0-9]{{1,{MAX_DIGITS}}}")  # ASCII digits only: "²" and "٣" are not numbers here
_DECIMAL = re.compile(rf"[+-]?(?:[0-9]{{1,{MAX_DIGITS}}}(?:\.[0-9]{{0,9}})?|\.[0-9]{{1,9}})")
# the keys (lower case) a log record, an SDK error or a recorded exchange states an HTTP status by;
# the envelope reader and scan's JSON-lines reader both look them up, in this order
STATUS_KEYS = (
    "status",
    "statuscode",
    "status_code",
    "httpstatus",
    "http_status",
    "httpstatuscode",
    "http_status_code",
    "http_code",
    "httpcode",
    "response_status",
)


def to_int(value: object) -> int | None:
    """An integer from a JSON/YAML value or text: ``"42"``, ``42``, ``42.0``; None for anything
    else (booleans, fractions, infinities, NaN, Unicode digits, more than 18 digits)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if -(10**MAX_DIGITS) < value < 10**MAX_DIGITS else None
    if isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer() or abs(value) >= 10**MAX_DIGITS:
            return None
        return int(value)
    if isinstance(value, str | bytes):
        text = value.decode("ascii", "replace") if isinstance(value, bytes) else value
        text = text.strip()
        return int(text) if len(text) <= MAX_DIGITS + 1 and _INTEGER.fullmatch(text) else None
    return None


# What an error the catalog lacks says by its HTTP status alone about resending the same request: a
# rate limit (wait for its window) or a gateway's or an overloaded server's passing fault (back off);
# any other status does not suggest that the same request can succeed (integrations.retry_advice,
# and explain's "retry:" line for such an error). 524 is Cloudflare's: it reached the origin, which did not answer
# within its 100 s read timeout (developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-
# errors/error-524/: a long-running or overloaded origin; its error page asks a visitor to try again in a few minutes).
TRANSIENT_STATUSES = {429: "wait-for-reset", 502: "backoff", 503: "backoff", 504: "backoff", 524: "backoff"}

# What overrules a resend of a gateway's timeout (504) or broken answer (502): the vendor may have done what was
# asked before the gateway gave up on it, so a method that is not idempotent (RFC 9110, 9.2.2: sending twice is
# not sending once), a POST or PATCH, resent could do it twice (an invoice created again). A 429 or 503 refuses
# the request before it is done: resending it is safe. Cloudflare's 524 is a 504 of its own: the origin had the
# request and was still working on it.
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE"})
MAY_HAVE_APPLIED = frozenset({502, 504, 524})


def resend_may_repeat(status: int | None, method: str | None) -> bool:
    """Whether resending the request could do again what the vendor may already have done."""
    return status in MAY_HAVE_APPLIED and bool(method) and str(method).upper() not in IDEMPOTENT_METHODS


RESENT = ("backoff", "wait-for-reset")  # a guide's retry values that resend the same request as it was


def unsafe_resend_words(retry: str, methods: str) -> str:
    """A guide's ``retry`` as said of requests of ``methods`` ("POST", "POST, PATCH") that a gateway answered
    with 502, 504 or 524 (resend_may_repeat): a resend is no longer plain advice, they may have been applied."""
    return f"no after a {methods}, which may have been applied: check first" if retry in RESENT else retry


# What overrules that: an error whose own words say a quota, credit or plan is used up (OpenAI's 429 "You exceeded
# your current quota, please check your plan and billing details", code insufficient_quota) does not pass with
# time; unless its words also say when it resets or to try again ("Usage limit reached. Your limit will reset at").
_SPENT = re.compile(
    r"\binsufficient[_ ](?:quota|credits?|funds|balance)\b|\bexceeded (?:your|the) (?:current |monthly |account )?quota\b"
    r"|\bquota (?:has been |is |was )?(?:exhausted|used up|depleted)\b|\b(?:check|upgrade) your (?:plan|billing)\b"
    r"|\bcredit balance is too low\b|\bout of credits\b|\bbilling hard limit\b",
    re.IGNORECASE,
)
_PASSES = re.compile(r"\breset|\btry again\b|\bretry\b|\bper (?:second|minute|hour)\b|\bwait\b", re.IGNORECASE)


def quota_spent(words: str) -> str | None:
    """The words of an error that say a quota, credit or plan is used up (resending will not succeed until it is
    topped up or the plan changed, whatever its status usually means), or None."""
    words = words[:2000]
    m = _SPENT.search(words)
    return m.group(0) if m and not _PASSES.search(words) else None


# the error codes of OAuth 2.0 (RFC 6749 5.2 and 4.1.2.1, RFC 6750, RFC 8628) and OpenID Connect
OAUTH_CODES = frozenset(
    "invalid_request invalid_client invalid_grant unauthorized_client unsupported_grant_type invalid_scope "  # noqa: SIM905
    "access_denied unsupported_response_type server_error temporarily_unavailable invalid_token insufficient_scope "
    "authorization_pending slow_down expired_token interaction_required login_required consent_required".split()
)


def to_status(value: object) -> int | None:
    """An HTTP status (100-599) from a JSON/YAML value or text; None when it is not one."""
    status = to_int(value)
    return status if status is not None and 100 <= status <= 599 else None


@functools.cache
def reason_phrases() -> dict[int, tuple[str, ...]]:
    """Each status's reason phrases: HTTP's, RFC 9110's newer name and RFC 2616's older one where they differ
    (nginx's and HAProxy's pages still say "504 Gateway Time-out"), built at first use."""
    from http import HTTPStatus

    aliases = {
        401: ("Unauthorised",),  # British spelling: MYOB's pages ("401 Unauthorised"), UK and Australian APIs'
        422: ("Unprocessable Content",),
        413: ("Content Too Large",),
        408: ("Request Time-out",),
        414: ("Request-URI Too Large",),
        504: ("Gateway Time-out",),
    }
    # statuses HTTP does not define, by the words their senders' pages use: Laravel's 419 page, Cloudflare's 524 page
    others = {419: ("Page Expired",), 524: ("A timeout occurred",)}
    return {int(s): (s.phrase, *aliases.get(s, ())) for s in HTTPStatus} | others


def reason_phrase(status: int, text: str) -> str | None:
    """The status's own reason phrase when ``text`` begins with it (as a word, in any case), as written there:
    what tells "404 Not Found" (a status) from "400 items" (a count)."""
    for phrase in reason_phrases().get(status, ()):
        if text[: len(phrase)].lower() == phrase.lower() and not text[len(phrase) : len(phrase) + 1].isalnum():
            return text[: len(phrase)]
    return None


def to_seconds(value: object, cap: float) -> float | None:
    """A non-negative, finite number of seconds, at most ``cap``; None when it is not a number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value) if not isinstance(value, int) or abs(value) < 10**MAX_DIGITS else math.inf
    elif isinstance(value, str):
        text = value.strip()
        if _INTEGER.fullmatch(text) is None and _DECIMAL.fullmatch(text) is None:
            # a longer run of ASCII digits is still a number of seconds, just a huge one
            if not (text.isascii() and text.isdigit()):
                return None
            number = math.inf
        else:
            number = float(text)
    else:
        return None
    if math.isnan(number) or number < 0:
        return None
    return min(number, cap)


MAX_RETRY_AFTER = 86400.0  # seconds: a Retry-After asking for more than a day is taken as one day (a daily quota)


# A wait an error's own words ask for, as services word it beside (or instead of) a Retry-After header: Azure
# Resource Manager's "Please try again after '372' seconds.", Azure OpenAI's "Please retry after 20 seconds.", Django
# REST framework's "Expected available in 38 seconds.", OpenAI's "Please try again in 20s" (or "in 6ms").
_ASKED_WAIT = re.compile(
    r"\b(?:try(?:ing)? again|retry(?:ing)?|expected available|available again)[ \t]+(?:after|in)[ \t]+"
    r"['\"]?(\d{1,7}(?:\.\d{1,3})?)['\"]?[ \t]*(ms|milliseconds?|s|secs?|seconds?|m|mins?|minutes?|h|hours?)\b",
    re.IGNORECASE,
)


def asked_wait(words: str) -> tuple[float, str] | None:
    """The seconds an error's words ask a client to wait before trying again, and those words; None when they ask
    for none (capped at a day, as a Retry-After is)."""
    m = _ASKED_WAIT.search(words[:2000])
    if m is None:
        return None
    unit = m.group(2).lower()
    factor = 0.001 if unit == "ms" or unit.startswith("milli") else 3600.0 if unit[0] == "h" else 60.0 if unit[0] == "m" else 1.0
    seconds = to_seconds(float(m.group(1)) * factor, MAX_RETRY_AFTER)
    return (seconds, m.group(0)) if seconds is not None else None


def retry_after_seconds(value: str | None) -> float | None:
    """Seconds from a Retry-After header: delta-seconds or an HTTP-date (RFC 9110, 10.2.3)."""
    if not value:
        return None
    value = value.strip()[:200]
    if value.isdigit():  # delta-seconds (also "²" or 5,000 nines, which to_seconds refuses or caps)
        return to_seconds(value, MAX_RETRY_AFTER)
    from datetime import UTC, datetime
    from email.utils import parsedate_to_datetime

    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    try:
        return to_seconds(max(0.0, (when - datetime.now(UTC)).total_seconds()), MAX_RETRY_AFTER)
    except OverflowError:  # a date near year 1 or 9999 whose difference from now cannot be held
        return None

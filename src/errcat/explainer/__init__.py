"""Explain a pasted error response: redact -> split -> read -> name -> decide the vendor -> match.

``explain(catalog, text)`` is the whole pipeline. Each stage is a function of what the stage before
returned, passed on unchanged: an ``Exchange`` (split.py's ``Framing``, frozen in exchange.py), ``ErrorsRead``
(envelopes.py, or the plain-text reading here; no catalog needed), the errors named from the
catalog's vocabulary, a ``VendorDecision`` (evidence.py; made once), the matches (match.py).
``explain_exchange`` enters at the exchange it is handed; a recording, at each of its exchanges.
Secrets are removed before any other stage sees the text.
"""

import json
import re
from collections.abc import Callable, Iterable, Iterator, MutableMapping, Sequence
from http import HTTPStatus
from itertools import islice
from typing import TYPE_CHECKING, Any, NamedTuple

from ..errors import UsageError, check_vendor
from ..index.store import CatalogIndex
from ..legend import reading
from ..model import Entry, Guide
from ..text import normalize_path, repaired, squash, unwrapped, without_terminal_codes
from ..values import (
    TRANSIENT_STATUSES,
    asked_wait,
    quota_spent,
    reason_phrase,
    reason_phrases,
    resend_may_repeat,
    unsafe_resend_words,
)
from .curltrace import untraced
from .envelopes import MAX_TEXT, STATUS_ONLY, TEXT, Reading, SentError, read_body, redirect_error, with_exchange_status
from .evidence import (
    SHAPE_ONLY,
    Clue,
    VendorFacts,
    clues_for,
    decide,
    endpoint_for,
    facts_for,
    named_only,
    other_service_clues,
    scores,
    sdk_exception,
    words_only,
)
from .exchange import Exchange
from .loghead import error_block, messages_after_head
from .logrecord import record_paste
from .match import (
    DOCUMENTED_KINDS,
    Context,
    ErrorMatch,
    MatchKind,
    TextMatch,
    match_error,
    specific_words,
    spot_names,
    vendor_of_names,
)
from .recorded import recorded_as
from .redact import redact_report
from .reference import Reference, reference_for
from .split import (
    KNOWN_STATUSES,
    MAX_INPUT_BYTES,
    decode,
    holds_stack_frames,
    html_title,
    is_status_noise,
    leading_lines,
    pytest_error_lines,
    split,
    without_stack_frames,
)

__all__ = ["Explanation", "explain", "explain_bytes", "explain_exchange"]

if TYPE_CHECKING:
    from .recordings import Recording


# an access token's expiry in an error's words: "Access token has expired", "token is expired", "JWT expired at",
# "expired_token", "TokenExpiredException" (a few words between, never across a sentence)
_TOKEN_EXPIRED = re.compile(
    r"\b(?:access[ _-]?)?(?:token|jwt)\b[^.;\n\"]{0,40}?\bexpired\b|\bexpired[ _-]?(?:access[ _-]?)?token|token[ _-]?expired",
    re.IGNORECASE,
)
# an error code or name that ends saying the request was throttled, read word by word (a CamelCase or snake_case
# code's words; InvalidThrottleSetting is no throttling): AWS's ThrottlingException, Throttling, RequestLimitExceeded,
# TooManyRequestsException, SlowDown; Google's rateLimitExceeded; Azure's ResourceRequestsThrottled,
# SubscriptionRequestsThrottled, RateLimiting
_THROTTLED = re.compile(
    r"(?:^| )(?<!not )(?:throttled?|throttling|too many requests|request limit exceeded|slow down"
    r"|rate limit(?:ed|ing| exceeded)?)(?: (?:exception|error|fault))?$",
    re.IGNORECASE,
)
_CODE_WORD_BREAK = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|[_.:\-]+")


def _throttling_code(word: str) -> bool:
    """Whether a code or name says throttled in any of its words (Azure's ResourceRequestsThrottled)."""
    return _THROTTLED.search(_CODE_WORD_BREAK.sub(" ", word[:200])) is not None


_REFRESH_TOKEN = re.compile(r"refresh[ _-]?token", re.IGNORECASE)
# a CSRF check's refusal in an error's words: Laravel answers a TokenMismatchException ("CSRF token mismatch.")
# with 419, its error page saying "Page Expired"
_CSRF_REFUSED = re.compile(
    # (an underscore parts words here: "csrf_token mismatch", a code's CSRF_TOKEN_MISMATCH)
    r"(?<![a-z0-9])[cx]srf(?![a-z0-9])[^.;\n\"]{0,40}?(?<![a-z0-9])(?:mismatch|missing|invalid|expired|failed)(?![a-z0-9])"
    r"|\bpage expired\b",
    re.IGNORECASE,
)


class Explanation(NamedTuple):
    """Everything explain found, ready to render."""

    vendor: str | None
    vendor_source: str  # override | evidence | message | none
    clues: tuple[Clue, ...]
    exchange: Exchange
    endpoint: str | None  # the documented endpoint the request maps to
    errors: tuple[ErrorMatch, ...]
    total_errors: int
    notes: tuple[str, ...]
    redactions: int
    redacted_kinds: tuple[tuple[str, int], ...] = ()  # (what was hidden, how many), never the values
    # what the views show beside the matches, copied from the catalog: no handle on it, so an
    # explanation renders after the catalog is closed
    reference: Reference | None = None
    # a recording's explanation of each of its exchanges, in order (empty for one exchange): an error's own
    # vendor, request and endpoint are its exchange's, never the first exchange's (see part_of)
    parts: tuple["Explanation", ...] = ()

    def part_of(self, m: ErrorMatch) -> "Explanation":
        """The explanation of the exchange an error came from: itself for a paste of one exchange."""
        if not self.parts:
            return self
        same_request = [p for p in self.parts if p.errors and p.errors[0].sent.request == m.sent.request]
        if len(same_request) == 1:
            return same_request[0]
        among = same_request or list(self.parts)
        found = next((p for p in among if any(e is m for e in p.errors)), None)
        return found or next((p for p in among if m in p.errors), self)

    def as_dict(self) -> dict[str, object]:
        """The same document as ``errcat explain --format json``."""
        from .document import explain_document

        self._reference()  # refused before any part of the document is built
        return explain_document(self)

    def __str__(self) -> str:
        """One paragraph for a log line: what each error is, what to do, whether to retry (redacted)."""
        ex = self.exchange
        where = " ".join(p for p in (ex.method, ex.path) if p)
        several = len(self.parts) > 1  # a recording: each error after its own request, not all after the first's
        head = f"{where} -> {ex.status}" if where and ex.status and not several else ""
        parts = []
        folded = self.folded()
        for m, positions in folded[:3]:
            own = self.part_of(m).exchange  # a recording's error: its own request's
            # a POST that a gateway timed out on may have been done: never "resend" it (integrations.retry_advice)
            unsafe = unsafe_resend_words("backoff", str(own.method)) if resend_may_repeat(own.status, own.method) else ""
            times = f" (x{len(positions)})" if len(positions) > 1 else ""
            best = m.best
            said = (m.sent.message or m.sent.name or m.sent.code or "").strip()[:160]
            if best is not None:
                e = best.entry
                guide = self.guide_of(e) if self.reference is not None else None
                # the fix and retry are errcat's words and rating, never the vendor's (lookup and explain mark them too)
                advice = f": {reading(guide.by)}: {guide.fix} (retry: {self.retry_of(guide, m)})" if guide else ""
                if m.kind is MatchKind.STATUS:  # only the status is documented, never this error's words
                    title = f"{e.vendor} HTTP {e.status} [the status is documented; this error is not"
                    title += f": {said}]" if said else "]"
                    parts.append(f"{title}{times}{advice}")
                    continue
                title = " ".join(str(p) for p in (e.vendor, e.code, e.name) if p is not None)
                if m.kind is MatchKind.OBSERVED:  # never the vendor's word
                    title += f" [observed: not in {e.vendor}'s error document; {len(e.sources)} public source(s)]"
                    parts.append(f"{title}{times}{advice}")
                    continue
                kind = "exact but for spacing" if best.via is TextMatch.SPACED and m.kind is MatchKind.EXACT else m.kind
                parts.append(f"{title} [{kind}]{times}{advice}")
            else:
                who = self.vendor or "vendor unknown"
                status = m.sent.status or ex.status
                who += f", HTTP {status}" if status and not head else ""
                by_status = self.status_retry(m)
                # an expired token's or a refused CSRF token's words, a throttling code: those say it, not the status
                basis = "words" if self.token_expired(m) or self.csrf_refused(m) else "code" if self.throttled(m) else "status"
                retry = f" (retry by its {basis}: {(by_status[1] and unsafe) or by_status[1] or 'no'})" if by_status else ""
                if by_status and (spent := self.quota_spent(m)):
                    retry = f" (retry: no, its words say a quota or plan is used up: {spent!r})"
                # a family is in the catalog, several times over: "not in the catalog" said it was not (claims21)
                shares = "these words" if m.family_shares == "words" else f"this {m.family_shares}"
                verdict = f"one of {len(m.family)} documented errors with {shares}, the paste does not say which"
                verdict = verdict + f" ({who})" if m.family else f"not in the catalog ({who})"
                parts.append(f"{verdict}{times}" + (f": {said}" if said else "") + retry)
        if several:  # one part per error above
            parts = [f"{_request_head(self.part_of(m).exchange)}{p}" for (m, _), p in zip(folded, parts, strict=False)]
        more = f"; and {len(folded) - 3} more" if len(folded) > 3 else ""
        if not parts:  # a hook's, a tracker's or a log's line must say so, not be empty (claims22)
            success = ex.status is not None and 200 <= ex.status < 300
            parts = [f"HTTP {ex.status} is a success: no error" if success else "no error was read from the input"]
        return (f"{head}: " if head else "") + "; ".join(parts) + more

    # How the error is named outside errcat (error trackers, traces, logs, support tickets): identity.py.

    @property
    def fingerprint(self) -> str:
        """A short, stable, low-cardinality name of the failure (``myob:3f2a9c1b0d4e``): the same
        whatever ids, amounts, dates or request ids the response holds; one per distinct error."""
        from .identity import fingerprint

        return fingerprint(self)

    @property
    def doc_url(self) -> str | None:
        """The link to the first error's section of the reference pages (base: ERRCAT_DOCS_URL)."""
        from .identity import doc_url

        return doc_url(self)

    @property
    def request_id(self) -> str | None:
        """The vendor's id of the request, from a header or the body (what its support asks for)."""
        from .identity import request_id

        return request_id(self.exchange)

    @property
    def all_matched(self) -> bool:
        """Whether every error is the vendor's documented one (an observed match is not)."""
        return bool(self.errors) and all(m.kind in DOCUMENTED_KINDS for m in self.errors)

    # What a view shows beside the matches, from the facts copied with them (``reference``):
    # a view is a function of the explanation alone.

    def _reference(self) -> Reference:
        if self.reference is None:
            raise ValueError("this explanation was built without its catalog's facts; explain() always copies them")
        return self.reference

    def vendor_name(self, vendor: str | None = None) -> str | None:
        """The catalogued name of ``vendor`` (default: the vendor the paste is from)."""
        found = self._reference().vendors.get(vendor or self.vendor or "")
        return found.name if found else None

    def guide_of(self, entry: Entry) -> Guide | None:
        """Our explanation of an entry's error (of any candidate's entry)."""
        return self._reference().guides.get(entry.guide_id)

    def retry_of(self, guide: Guide, m: ErrorMatch | None = None) -> str:
        """The guide's retry for this request (``m``'s own, in a recording), as every view says it (text, markdown, JSON,
        MCP, telemetry): a POST a gateway answered with 502, 504 or 524 may have been done, so it is not resent as a guide's
        "backoff" says."""
        ex = self.exchange if m is None else self.part_of(m).exchange
        return unsafe_resend_words(guide.retry, str(ex.method)) if resend_may_repeat(ex.status, ex.method) else guide.retry

    def status_meaning(self) -> tuple[str, str | None] | None:
        """The vendor's documented meaning of the status (text, description), else HTTP's phrase."""
        status = self.exchange.status
        if status is None:
            return None
        vendor = self._reference().vendors.get(self.vendor or "")
        for s in vendor.statuses if vendor else ():
            if s.status == status:
                return s.text, s.description
        try:
            return HTTPStatus(status).phrase, None
        except ValueError:
            return None

    def status_retry(self, m: ErrorMatch) -> tuple[int, str | None] | None:
        """For an error the catalog lacks, what its HTTP status alone says of resending the same
        request: (status, how to wait), the wait None when it says no resend (values.TRANSIENT_STATUSES,
        as integrations.retry_advice decides), "refresh-token" when its words say the same request cannot pass but one
        with a new access or CSRF token can (retry_advice's word: not resent as it is); None for a catalogued error or
        one without an error status."""
        status = m.sent.status or self.exchange.status
        if m.best is not None or status is None or status < 400:  # an error in a 200's body: its status says nothing
            return None
        if self.token_expired(m) or self.csrf_refused(m):  # not resent as it is: with a new token
            return status, "refresh-token"
        if self.throttled(m):
            return status, "backoff"
        return status, None if self.quota_spent(m) else TRANSIENT_STATUSES.get(status)

    def throttled(self, m: ErrorMatch) -> str | None:
        """The code or name of an uncatalogued error that says it was throttled, sent with a status that does not
        say so (AWS's ThrottlingException with 400): it passes with time as a 429 does."""
        status = m.sent.status or self.exchange.status
        if m.best is not None or status is None or status < 400 or status in TRANSIENT_STATUSES:
            return None
        return next((w for w in (m.sent.code, m.sent.name) if w and _throttling_code(w)), None)

    def asked_wait(self, m: ErrorMatch) -> tuple[float, str] | None:
        """The wait an uncatalogued error's own words ask for before trying again (values.asked_wait: Azure's "Please
        try again after '372' seconds."), and those words, where its status or words say it passes with time: beside
        a 429 without Retry-After it says how long the window is."""
        said = self.status_retry(m)
        if said is None or said[1] not in ("backoff", "wait-for-reset"):
            return None
        return asked_wait(" ".join(w for w in (m.sent.message, m.sent.details) if w))

    def token_expired(self, m: ErrorMatch) -> str | None:
        """The words of an uncatalogued 401 that say its access token expired ("Access token has expired", a
        WWW-Authenticate's error_description "The access token expired", "token is expired"): a new token makes
        the same request succeed, which its status alone does not say. A refresh token's expiry is not one: the
        user must authorise again."""
        ex = self.part_of(m).exchange
        if m.best is not None or (m.sent.status or ex.status) != 401:
            return None
        words = " ".join(w for w in (m.sent.message, m.sent.code, m.sent.name, ex.header("WWW-Authenticate")) if w)
        said = _TOKEN_EXPIRED.search(words[:2000])
        return said.group(0) if said and not _REFRESH_TOKEN.search(words[:2000]) else None

    def csrf_refused(self, m: ErrorMatch) -> str | None:
        """The words of an uncatalogued 419 that say the request's CSRF token did not match its session's (Laravel's
        "CSRF token mismatch.", its "Page Expired" page): the token changes with the session (laravel.com/docs/csrf),
        so the same request cannot pass, and one resent with the session's current token can."""
        ex = self.part_of(m).exchange
        if m.best is not None or (m.sent.status or ex.status) != 419:
            return None
        # the page's "Page Expired" is read as its status line, not as a message: its body says it
        said = _CSRF_REFUSED.search(" ".join(w for w in (m.sent.message, m.sent.code, m.sent.name, ex.body[:2000]) if w))
        return said.group(0) if said else None

    def quota_spent(self, m: ErrorMatch) -> str | None:
        """The words of an error the catalog lacks, sent with a status that usually passes (429), that say a quota,
        credit or plan is used up ("exceeded your current quota", insufficient_quota): they overrule the status."""
        if m.best is not None or (m.sent.status or self.exchange.status) not in TRANSIENT_STATUSES:
            return None
        return quota_spent(" ".join(w for w in (m.sent.message, m.sent.code, m.sent.name) if w))

    def scenarios(self, m: ErrorMatch) -> list[Entry]:
        """Rows documenting the best match's error, the request's own endpoint first."""
        best = m.best
        if best is None:
            return []
        same = [
            e
            for e in self._reference().rows.get(best.entry.guide_id, (best.entry,))
            if (e.message, e.code, e.name, e.status) == (best.entry.message, best.entry.code, best.entry.name, best.entry.status)
        ]
        endpoint = self.part_of(m).endpoint
        here = normalize_path(endpoint) if endpoint else None

        def order(e: Entry) -> int:
            if e.id == best.entry.id:
                return 0
            if here and e.endpoint and normalize_path(e.endpoint) == here:
                return 1
            return 2 if e.endpoint is None else 3

        return sorted(same, key=order)

    def undecided_endpoints(self, m: ErrorMatch) -> list[str]:
        """The endpoints one matched error is documented for, when none of them is the paste's own (no
        request path and several of them, or a request path none of them is; no generic row): empty when
        the match names its endpoint honestly, so another endpoint's row is never shown as the request's."""
        best = m.best
        if best is None or best.entry.endpoint is None:
            return []
        rows = self.scenarios(m)
        if any(e.endpoint is None for e in rows):
            return []
        endpoints = list(dict.fromkeys(e.endpoint for e in rows if e.endpoint))
        endpoint = self.part_of(m).endpoint
        if endpoint is None:
            return endpoints if len(endpoints) > 1 else []
        here = normalize_path(endpoint)
        return [] if any(normalize_path(e) == here for e in endpoints) else endpoints

    def folded(self) -> list[tuple[ErrorMatch, tuple[int, ...]]]:
        """Distinct errors in order of first appearance, each with its 0-based positions: a body
        that repeats one error 10,000 times is shown (and serialised) once, with a count."""
        groups: dict[SentError, list[int]] = {}
        first: dict[SentError, ErrorMatch] = {}
        for i, m in enumerate(self.errors):
            groups.setdefault(m.sent, []).append(i)
            first.setdefault(m.sent, m)
        return [(first[sent], tuple(positions)) for sent, positions in groups.items()]


def _request_head(ex: Exchange) -> str:
    """``POST /invoices.json -> 422: `` before an error of a recording's log line; empty when the exchange says neither."""
    where = " ".join(p for p in (ex.method, ex.path) if p)
    return f"{where} -> {ex.status}: " if where and ex.status else ""


# a value, not source code: "error_code = parsed_response.get(...)" names no code (nor does a call or a subscript)
# ("DELETE returns error 25003": an error number of four digits or more said after "error" is its code; fewer could
# be the HTTP status, "error 404"). A "status code", "response code", "return code" or "HTTP code" is the exchange's
# status, not an error's code: Java's "Server returned HTTP response code: 409 for URL: …" (read as code 409, it ruled
# out the vendor's own RESOURCE_CONFLICT that the 409 documents), ConnectPyse's "ApiError: POST entries Return code: 404".
# (Spanish and Portuguese label it too: AEAT's "Codigo[4102].El XML no cumple el esquema", "código de erro: 2003", and
# name it after their article or verb: SUNAT's "me envia este error 2335 "El documento ... ha sido alterado"")
_CODE_MENTION = re.compile(
    r"\b(?:error[ _]?code|code(?<!status code)(?<!status-code)(?<!response code)(?<!response-code)(?<!http code)"
    r"(?<!http-code)(?<!return code)(?<!return-code)|datacode)"
    r"[\"']?\s*[:=]\s*[\"']?([A-Za-z0-9_]{2,64})\b(?![(\[]|\.\w)"
    r"|\b(?:returns?|returned|gives?|gave|throws?|with|raises?|el|este|ese|un|um|esse|devuelve|retorna|retornou)\s+(?:an?\s+)?"
    r"err(?:or|o)\s+#?(\d{4,6})\b(?![.,]\d)"
    r"|\bc[oó]d(?:igo(?:_LABEL)?|_LABEL)[\"']?\s*(?:[:=]\s*[\"']?|\[)([A-Za-z0-9_]{2,64})\b(?![(.]\w)".replace(
        "_LABEL", r"(?:[ _]?(?:de[ _])?err(?:o|or)|[ _]?e?stat(?:us|e))"
    ),
    re.IGNORECASE,
)
# The error's number a web page states in its text ("Error code: 1020", "error code: 1015": Cloudflare's pages)
_PAGE_ERROR_CODE = re.compile(r"\berror code:?[ \t]*(\d{3,5})\b", re.IGNORECASE)
# Sage Intacct's error number leading its line, as its SDKs print an error ("BL03002101 Remove the extra line item
# in the request, ..."): two capitals and eight digits, then the error's words
_LEADING_ERRORNO = re.compile(r"([A-Z]{2}\d{8})[ \t]+[A-Z]")
# A run of blanks is entered at its start only, and whole (?<!\s)\s++: linear, where \s+ retried every start
_SPLITTERS = re.compile(r"(?::\s+|(?<!\s)\s++(?:-+>?\s+|[\u2013\u2014\u2192]\s*|>\s+)|\]\s*|\|\s*|=>\s*)")
_BARE_TOKEN = re.compile(r"^[A-Za-z0-9_.-]{2,64}$")
# A message quoted inside a sentence, as notes and messages about an API quote its words (a Portuguese
# integration note's 'Enviar "PT" dá 422 "Country PT was not found", que o IX devolve'). Straight quotes pair
# in order along the line; a quoted text needs two words, so that a field or a value ("PT") is no message.
_CURLY_QUOTED = re.compile(r"[\u201c\u00ab]([^\u201c\u201d\u00ab\u00bb\n]{3,200})[\u201d\u00bb]")


def _quoted(line: str) -> list[str]:
    """The texts a line quotes, two words or more each."""
    straight = line.split('"')[1:-1:2] if line.count('"') >= 2 else []
    spans = [*straight[:8], *(m.group(1) for m in islice(_CURLY_QUOTED.finditer(line), 8))]
    return [q.strip() for q in spans if 3 <= len(q.strip()) <= 200 and " " in q.strip()]


# A status said as a sentence of its own before the error's words: .NET's WebException, "The remote server returned an
# error: (400) Bad Request.", which clients log with the body's message after it
_STATUS_SENTENCE = re.compile(r"\(([1-5]\d\d)\)[ \t]+([A-Za-z][A-Za-z' -]{1,40}?)\.[ \t]+(?=\S)")


# A status with no reason phrase at a part's start, before the error's words: a job's or a step's log line, "Nightly
# Export: 400 EndDate is required", "Response: 400 <message>" (HTTP/2 sends no phrase; many loggers print none)
_BARE_STATUS_LEAD = re.compile(r"([45]\d\d)[ \t]+(?=\S)")


def _line_parts(line: str) -> list[str]:
    """A plain-text line's readings: the line, what follows each of its separators, a status's sentence or a status
    that leads a part, each also after a log's head there (a bare level word: loghead.py), and what it quotes."""
    cuts = [0, *(m.end() for m in islice(_SPLITTERS.finditer(line), 20))]
    if "(" in line:
        cuts += [m.end() for m in islice(_STATUS_SENTENCE.finditer(line), 4) if reason_phrase(int(m.group(1)), m.group(2))]
    cuts += [m.end() for cut in cuts[:21] if (m := _BARE_STATUS_LEAD.match(line, cut)) and int(m.group(1)) in KNOWN_STATUSES]
    parts = [line[cut:] for cut in cuts]
    heads = [message for part in parts for message in messages_after_head(part)]
    return [*parts, *heads, *_quoted(line)]


class TextHints(NamedTuple):
    """What a plain-text body says beside its error's words, for naming the error once the catalog's
    vocabulary is consulted (see _named): a code in a table cell, the one-word name in the same row's
    cell, a help page's heading name."""

    cell_code: str | None
    labelled_name: str | None
    cell_name: str | None = None


# A short fragment of markup that is the whole body ("<h1>Developer Inactive</h1>", an API gateway's page):
# its text is the error, its tags are not. Each repetition starts at a "<" its text before cannot hold, so
# the match is linear: a blank run once split between the text and a leading \s* made a fragment whose
# last tag fails (an XML body with a self-closing tag) take minutes.
_MARKUP_FRAGMENT = re.compile(r"\A\s*(?:</?[A-Za-z][\w:-]{0,20}(?:\s[^<>]{0,200})?/?>[^<>]*)+\Z")
_TAG = re.compile(r"</?[A-Za-z][\w:-]{0,20}(?:\s[^<>]{0,200})?/?>")


def _without_markup(body: str) -> str:
    if not body.startswith("<") or len(body) > 2000 or not _MARKUP_FRAGMENT.match(body):
        return body
    text = _TAG.sub(" ", body)
    return "\n".join(" ".join(line.split()) for line in text.split("\n") if line.strip()) or body


# what follows a separator in a JSON or YAML fragment pasted as text ('"frames": null,'): a value, no error's words. Read
# as one, a bare null was "nearest" MYOB's 23002, whose documented message is the quoted string "null" ('exact 0.893'
# under a Sentry event's exception); a "null" in quotes is still read
_JSON_LITERALS = frozenset(("null", "true", "false"))
# such a line: a key and the literal alone ('"frames": null,', "handled: true"); a log line ending in one is not ("POST
# .../Banking/SpendMoneyTxn/ failed with status 400: null" logs MYOB 23002's documented message, the string "null")
_FRAGMENT_LINE = re.compile(r"\s*(?:\"[^\"\n]{1,200}\"|[\w.-]{1,64})\s*:\s*(?:null|true|false)\s*,?\s*$")


# curl's progress meter, as a CI log keeps it: its two heading lines and its rows of figures ("100   176  100   176    0
# 0   1082      0 --:--:-- --:--:-- --:--:--  1079"): no error's words
_CURL_METER = re.compile(
    r"%[ \t]+Total[ \t]+%[ \t]+Received|Dload[ \t]+Upload[ \t]+Total|"
    r"\d{1,3}(?:[ \t]+[\d.]+[kMGTP]?){7}(?:[ \t]+(?:--:--:--|\d{1,2}:\d\d:\d\d)){3}[ \t]+[\d.]+[kMGTP]?$"
)
# a Markdown code fence alone on its line (```, ```json, ~~~): how a post or a chat frames the error, none of its words
_FENCE = re.compile(r"(?:`{3,}|~{3,})[\w+.-]{0,20}")
# Markdown's strong emphasis around a label or a name, as an issue form, a tracker's notice filed as an issue (Airbrake's
# "**Error message:** ...", Bugsnag's "**RestClient::Unauthorized** in **Job**") or an app's bug report prints them:
# the words, not the asterisks ("Error Message:** API request failed" was read whole). A lone "**" (Python's **kwargs)
# or one inside a word stays.
_STRONG = re.compile(r"(?<![\w*])\*\*(?=[^\s*])([^*\n]{1,300}?)(?<=[^\s*])\*\*(?![\w*])")
# Guzzle's summary of a failed call, "... resulted in a `404 Not Found` response:" and the start of the answer, on the
# next line or after a literal "\n" (the exception's message printed as a JSON string, xero-php-oauth2#199): the answer's
# words are the API's message, the summary the client's. A body that opens with markup or JSON is read otherwise.
_GUZZLE_SAID = re.compile(r"resulted in a `[1-5]\d\d[^`\n]{0,60}` response:(?:[ \t\n]|\\[nr]){0,40}([A-Za-z][^\n<{\[]{2,1999})")
# a log line's request and its status before the error's words, as split reads its status ("DELETE https://host/x/1 400
# Cannot delete order with payment(s) applied"): the words after it are the error's
_REQUEST_HEAD = re.compile(r"(?<![\w/])[A-Z]{3,7}[ \t]+https?://[^\s'\"<>`]+[ \t]+[1-5]\d\d[ \t]*[:-]?[ \t]*")


def _without_request_head(line: str, ex: Exchange) -> str:
    """The line from the words after the exchange's own request and status (_REQUEST_HEAD), at its start or after a log
    line's time and level; the line whole where no words of the error follow them ("… (DELETE https://… 400)")."""
    if ex.method is None or ex.url is None or ex.method not in line:
        return line
    head = _REQUEST_HEAD.search(line)
    if not head or not head.group(0).startswith(ex.method) or ex.url not in head.group(0) or str(ex.status) not in head[0]:
        return line
    said = line[head.end() :]
    return said if sum(c.isalpha() for c in said[:40]) >= 2 else line


# A curl command typed above its output ("$ curl -k -u ... https://host/x", Jupyter's "!curl ...", PowerShell's prompt)
# and the lines it goes on to after a backslash ("  -H 'Accept: ...' \\"): the request, none of the answer's words
# (tick/tick-api#7's "Bad credentials" was read with the command before it as one message): its first argument an
# option, a quote or a URL; a person's "curl failed: <the error>" or "curl returned 401 ..." says the error
_CURL_COMMAND = re.compile(r"[ \t]*+(?:\$|!|>|PS [^>\n]{0,200}>)?[ \t]*+curl(?:\.exe)?[ \t]++(?:-|['\"]|[^\s'\"]*?/)")


# what a person wrote after the command's URL on its line ("curl -X GET https://…/ gives me 401 <the error>"): words,
# not an option, a quoted argument, a pipe or a redirection ("2>&1"), nor a bare argument of a name and its value
# ("admin:Sup3rS3cret", "key=..."; a password printed back), which go on the command; read as a line of its own is
# (_from_status)
_SAID_AFTER_URL = re.compile(r"\bhttps?://[^\s'\"]+['\"]?[ \t]++(?P<said>(?![0-9]*[<>&|])(?![^\s:=]*[:=]\S)[A-Za-z0-9][^\n]*)")
# a few words of a person's that lead to a status at a line's start, then the error's words ("returns 400 <the
# message>", "gives me 401 <it>", "MYOB returns 400 <it>"): the line from the status on, as a line that opens with it
# is read; not a count ("there are 500 invoices"), nor a number after names alone, no word in lower case among them
# ("Order 400 was deleted")
_WORDS_TO_STATUS = re.compile(r"(?:[A-Za-z][\w'.-]{0,29}[ \t]+){1,4}(?=([45]\d\d)[ \t]+(?![a-z]*[^\Wsu]s\b)\S)")


def _from_status(line: str) -> str:
    """The line from its status on where a few words lead to it (see _WORDS_TO_STATUS); the line whole otherwise."""
    lead = _WORDS_TO_STATUS.match(line) if line[:1].isalpha() else None
    if not lead or int(lead.group(1)) not in KNOWN_STATUSES or not any(w.islower() for w in lead.group(0).split()):
        return line
    return line[lead.end() :]


# A shell prompt's command line in a pasted console session ("$ hippo bindle . -s http://fake.example.com/v1"): what was
# typed, not what answered; the lines after it are the command's output (the error)
_PROMPT_COMMAND = re.compile(r"[ \t]*+\$[ \t]++[a-z][\w.-]{0,40}(?:[ \t]|$)")


def _without_commands(lines: Iterable[str]) -> Iterator[str]:
    """The lines that are not a curl command's (see _CURL_COMMAND) nor a prompt's (_PROMPT_COMMAND), taken lazily; of a
    curl command's line, the words a person wrote after its URL (the whole line was dropped, and the error it gave with
    it: an empty message)."""
    going_on = False
    for line in lines:
        if not going_on and _PROMPT_COMMAND.match(line) and not _CURL_COMMAND.match(line):
            going_on = line.rstrip().endswith("\\")
            continue
        if going_on or _CURL_COMMAND.match(line):
            going_on = line.rstrip().endswith("\\")
            if not going_on and (said := _SAID_AFTER_URL.search(line)):
                yield said["said"]
            continue
        yield line


# A label with nothing after it, all that follows a response's head that says its body is empty (Content-Length: 0): a
# tool's own caption for the body it then printed empty (a PHP example's "Conteúdo: " after "HTTP/2 401" and
# "content-length: 0" was read as the API's message). A body that is such a line is the API's ("Invalid API key:")
_EMPTY_LABEL = re.compile(r"[^\W\d_][\w-]{0,30}(?:[ \t]+[\w-]{1,30}){0,2}[ \t]*:")


def _text_errors(ex: Exchange) -> tuple[list[SentError], TextHints | None]:
    """Errors from a body with no recognised envelope: a bare code or name, a message, a log line.

    Read without the catalog: which words of a message are error names is _named's to say."""
    title = html_title(ex.body)
    body = title if title is not None else _without_markup(ex.body)
    raw_lines = body.split("\n")
    raw_lines = pytest_error_lines(raw_lines) or raw_lines
    raw_lines = list(_within_tracebacks(raw_lines)) if "Traceback (" in body else raw_lines
    # nor bullets, nor a terminal UI's tree and box rules ("└  Error: ...", "│", Terraform's "╷" and "╵")
    bare_lines = (
        _from_status(_STRONG.sub(r"\1", ln).strip().lstrip("•·*│└┌├┃┗┏◇◆╷╵").strip())
        for ln in without_stack_frames(_without_commands(raw_lines))
    )
    bare_lines = (_without_request_head(ln, ex) for ln in bare_lines) if ex.method and ex.status else bare_lines
    kept = (
        ln
        for ln in bare_lines
        if ln
        and ln != ex.url
        and not _FENCE.fullmatch(ln)
        and not _CURL_METER.match(ln)
        and not is_status_noise(ln)
        and not _is_status_text(ln, ex.status)
    )
    lines = leading_lines(kept, MAX_TEXT, 40)  # all that is read below: a million lines are not each cleaned
    if not lines or (len(lines) == 1 and _EMPTY_LABEL.fullmatch(lines[0]) and (ex.header("content-length") or "").strip() == "0"):
        return ([SentError(STATUS_ONLY)] if ex.status is not None else []), None
    if len(lines) == 1 and _BARE_TOKEN.match(lines[0]):
        token = lines[0]
        if token.isdigit():
            return [SentError(TEXT, code=token)], None
        return [SentError(TEXT, name=token, code=token if "_" in token else None)], None
    whole = " ".join(lines)[:MAX_TEXT]
    readings: list[str] = []
    for line in lines[:20]:
        for part in _line_parts(line[: MAX_TEXT * 4]):
            part = part.strip()
            if part.rstrip(",") in _JSON_LITERALS and _FRAGMENT_LINE.match(line):
                continue
            if part and part != whole and part not in readings and len(part) <= MAX_TEXT:
                readings.append(part)
    # a labelled code on its own line: an empty "Code:" over "Message: ..." labels no code "Message"
    # (a Go runtime's "[signal SIGSEGV: ... code=0x1 addr=0x0 pc=...]" states the signal's code, no error's)
    code = next(
        (
            m.group(1) or m.group(2) or m.group(3)
            for line in lines
            if not line.lstrip().startswith("[signal ")
            for m in _CODE_MENTION.finditer(line[:MAX_TEXT])
        ),
        None,
    )
    # Alamofire's "unacceptableStatusCode(code: 429)": the status, no code; another text's "(code: 404, ...)" beside its
    # status is its code still (dropped, a Rubrik error was offered MYOB's NotFound as similar text: review17)
    if code is not None and code == str(ex.status) and any(f"StatusCode(code: {code})" in line for line in lines):
        code = None
    code = code or next((m.group(1) for line in lines[:20] if (m := _LEADING_ERRORNO.match(line))), None)
    if title is not None and code is None and (said := _PAGE_ERROR_CODE.search(ex.body[:65536])):
        code = said.group(1)  # Cloudflare's page says its error's number below its title: "Error code: 1020"
    labelled = _labelled(lines)
    if labelled.get("message"):  # a help page's block: the labelled message is the error's text
        readings.insert(0, labelled["message"])
    cell_code, cell_name = _cell_code(lines)
    hints = TextHints(cell_code, labelled.get("name") if labelled.get("message") else None, cell_name)
    message = whole
    # a message labelled in its line, else the error a log or a tool states among its other lines
    inline = None if labelled.get("message") else _guzzle_answer(lines) or _inline_message(lines) or error_block(lines)
    inline = inline or (None if labelled.get("message") else _quoted_error(lines))
    if inline is not None:
        message, readings = inline, [whole, *(r for r in readings if r != inline)]
    return [SentError(TEXT, code=code, message=message, readings=tuple(readings[:40]))], hints


# A message labelled inside a log line, as clients print the API's words within their own: a wrapper's
# "Response from Zoho is not success. Message: Invalid URL Passed {...}" (Monolog's context after it), a Dart or
# Java object's toString "ApiException{statusCode: 404, errorDescription: The specified resource does not exist., ...}".
# The label follows a sentence's end, a blank or a field's separator; the value is words up to the next field, the
# log's JSON context, a brace, PHP's " at /path/File.php:327" or the line's end.
_INLINE_MESSAGE = re.compile(
    r"(?:(?<=[{(,])|(?<=[.!?:;] )|(?<=^)|(?<=[{(,] ))(?i:message|error[ _]?message|error[ _]?description)[ \t]*[:=][ \t]*"
    r"(?P<said>[A-Za-z][^{}\[\]\n]{2,300}?)[ \t]*(?=,[ \t]*\w{1,40}[ \t]*[:=]|[}\])]|[ \t]+[{\[]|[ \t]+at[ \t]+\S{1,300}:\d|$)"
)


def _guzzle_answer(lines: list[str]) -> str | None:
    """The API's words a Guzzle summary quotes after "response:" (see _GUZZLE_SAID), up to the first literal "\\n" and
    without Guzzle's " (truncated...)"; None when the paste holds no such summary, or several."""
    said = {
        m.group(1).split("\\n", 1)[0].removesuffix(" (truncated...)").strip()
        for m in islice(_GUZZLE_SAID.finditer("\n".join(lines[:40])[: MAX_TEXT * 4]), 4)
    }
    return said.pop() if len(said) == 1 else None


# A report's one sentence that quotes the error it got, in quotes or a Markdown code span: 'The error I get is
# "connectpyse.restapi.ApiError: ..."', 'está retornando erro "O código de status de resposta não indica êxito: 400
# (Bad Request)."', 'the output ... is saying `You have to be logged in to perform this action`'. The quoted words are
# the error's, the sentence around them the reporter's (the whole sentence was the message), when a word that says an
# error or an answer was got stands at most three words before the quote. A line holding a JSON key ("user_name":
# "Me You" in a Laravel record's context) quotes values, not an error; a .NET generic's arity (Dictionary`2) opens no
# code span; an exception's own line ("googleapiclient.errors.HttpError: <HttpError 403 ... returned "...">") is the
# error as its client states it, no report around it.
_REPORTED = re.compile(
    r"(?i)\b(?:errors?|erro|exception|exce[cç][aã]o|message|mensagem|mensaje|saying|says|said|see|get|got|getting"
    r"|returns?|returned|returning|retorna|retornando|devuelve|responds?|responded|fails?|failed|como"
    r"|dice|dijo|diz|disse|muestra|mostra|aparece)\b"
    r"(?:[^\w\n]+\w+){0,3}[^\w\n]*$"
)
_CODE_SPAN = re.compile(r"(?<![\w`])`([^`\n]{3,200})`(?![\w`])")
_JSON_KEY = re.compile(r"\w[\"'][ \t]*:[ \t]*[\"'{\[\d]")
_EXCEPTION_LINE = re.compile(r"[\w.$]{0,120}?(?:Error|Exception|Fault)\b[^\s:]{0,40}:")


def _quoted_error(lines: list[str]) -> str | None:
    """The one error a one-line report quotes (see _REPORTED), two words or more; None when the paste is more than one
    line, quotes none or several, or no word before the quote says an error was got."""
    if len(lines) != 1 or _JSON_KEY.search(lines[0][:MAX_TEXT]) or _EXCEPTION_LINE.match(lines[0]):
        return None
    line = lines[0][:MAX_TEXT]
    spans = {*_quoted(line), *(m.group(1).strip() for m in islice(_CODE_SPAN.finditer(line), 8) if " " in m.group(1).strip())}
    if len(spans) != 1:
        return None
    said = spans.pop()
    before = line[: line.find(said)].rstrip("\"'`\u201c\u00ab ")
    return said if _REPORTED.search(before[-120:]) else None


def _inline_message(lines: list[str]) -> str | None:
    """The message a log line labels inside its own words (see _INLINE_MESSAGE), when the paste is one
    such line (stack frames and a log's context aside): None when none, or several disagree."""
    found = {m.group("said").strip() for line in lines[:3] for m in islice(_INLINE_MESSAGE.finditer(line[:MAX_TEXT]), 8)}
    return found.pop() if len(found) == 1 else None


def _named(catalog: CatalogIndex, sent: SentError, hints: TextHints) -> SentError:
    """A plain-text error with the name and code the catalog's vocabulary finds in its words: a
    known error name, a code in brackets after a vendor's name, else the text's own hints."""
    whole = sent.message or ""
    if sent.readings and whole and whole in sent.readings[0]:  # a message read out of its line: the line names it
        whole = sent.readings[0]
    names = spot_names(catalog, whole)
    code = sent.code or _bracketed_code(catalog, whole) or hints.cell_code
    name = names[0] if len(names) == 1 else None
    if code and name and code.lower() == name.lower():
        code = None
    # a row's one-word name cell (``| 400 | `Required` | 100 |``) names its error only beside the row's code cell
    row_name = hints.cell_name if code and code == hints.cell_code and not names else None
    return sent._replace(code=code, name=name or hints.labelled_name or row_name)


# A documentation-shaped paste: "Error Code: 100", "Message: [Field] is required" under a heading
# line "Required:" (a help page's block of the documented table).
_LABEL = re.compile(r"^(?:error\s*code|code|message|expected\s*message|name|error\s*name)\s*:\s*(\S.*)$", re.IGNORECASE)
_HEADING = re.compile(r"^([A-Z][A-Za-z0-9]{2,63}):?$")
_CELL_CODE = re.compile(r"^\d{2,6}$")
_CELL_NAME = re.compile(r"^`?([A-Z][a-z]{3,}(?:[A-Z][a-z]+)*)`?$")  # one capitalised identifier: Required, NotFound


def _labelled(lines: list[str]) -> dict[str, str]:
    """The labelled fields of a documentation-shaped paste: message and the heading's name."""
    found: dict[str, str] = {}
    for i, line in enumerate(lines[:40]):
        m = _LABEL.match(line)
        if m is None:
            continue
        label = line.split(":", 1)[0].lower()
        if "message" in label:
            found.setdefault("message", m.group(1).strip())
        if i > 0 and "name" not in found and (h := _HEADING.match(lines[i - 1])):
            found["name"] = h.group(1)
    return found


def _cell_code(lines: list[str]) -> tuple[str | None, str | None]:
    """A number in a cell of a tab- or pipe-separated table row (``1000<TAB>ValidationError<TAB>...``), and the
    row's first cell that is one capitalised identifier (``Required``, in backticks or not). A cell that is an HTTP
    error status is the row's status, not its code: ``| 409 | IncorrectRowVersionSupplied | 111 |`` names code 111,
    and ``| 403 | DeveloperInactive | null |`` names none."""
    for line in lines[:20]:
        cells = [c.strip() for c in re.split(r"\t|\s*\|\s*", line[: MAX_TEXT * 4]) if c.strip()]  # a row, not 2 MB of cells
        if len(cells) >= 3:
            code = next((c for c in cells if _CELL_CODE.match(c) and not _is_error_status(c)), None)
            return code, next((m.group(1) for c in cells if (m := _CELL_NAME.match(c))), None)
    return None, None


def _is_error_status(cell: str) -> bool:
    return len(cell) == 3 and int(cell) >= 400 and int(cell) in KNOWN_STATUSES


def _bracketed_code(catalog: CatalogIndex, text: str) -> str | None:
    """A code in brackets right after a vendor's name, as integration logs print it: ``MYOB Live[50]``."""
    for pattern in facts_for(catalog).mentions.values():
        for m in pattern.pattern.finditer(text[:MAX_TEXT]):
            if code := re.match(r"[ \w]{0,12}?\s?\[(\d{1,6})\]", text[m.end() : m.end() + 24]):
                return code.group(1)
    return None


# A row of a page's table of fields copied with it, "Label<TAB>value": Celery Flower's task page shows a failed task's
# traceback in one row and its "Clock", "Root", "Parent" rows after it
_FIELD_ROW = re.compile(r"[A-Z][\w ]{0,40}\t\S")


def _within_tracebacks(lines: list[str]) -> Iterator[str]:
    """The lines of a text but the table rows (_FIELD_ROW) right after a Python traceback that ends in requests'
    HTTPError ("401 Client Error: ... for url: ..."): that exception's whole message is on its one line, and the rows
    are the page's other fields, no part of it (Flower's "Clock 64", "Root <Task ...>" were read as the message)."""
    in_traceback = rows = False
    for line in lines:
        if rows and (not line.strip() or _FIELD_ROW.match(line)):
            continue
        rows = False
        in_traceback = in_traceback or line.lstrip().startswith("Traceback (most recent call last)")
        yield line
        if in_traceback and line[:1].isalpha() and is_status_noise(line):
            rows, in_traceback = True, False


def _is_status_text(line: str, status: int | None) -> bool:
    if status is None:
        return False
    said = line.lower().strip(" .")
    phrases = [p.lower() for p in reason_phrases().get(status, ())]  # RFC 2616's "Gateway Time-out" too
    return (
        said == str(status)
        or any(said in (p, f"{status} {p}") for p in phrases)
        or bool(re.fullmatch(rf"HTTP/\d(?:\.\d)?\s+{status}.*", line, re.IGNORECASE))
    )


def explain_bytes(
    catalog: CatalogIndex,
    data: bytes,
    vendor: str | None = None,
    size: int | None = None,
) -> Explanation:
    """Explain raw bytes of a paste (decoded leniently; binary or empty input is refused).

    ``size`` is the whole input's size when ``data`` is only its first part."""
    text, notes = decode(data, size)
    return explain(catalog, text, vendor=vendor, notes=notes)


# what one explain leaves for the next: matches by (error, context), and the similarities of readings to entries
# (match._similar, under a key of its own)
Memo = MutableMapping[Any, Any]


def explain(
    catalog: CatalogIndex,
    text: str,
    vendor: str | None = None,
    notes: list[str] | tuple[str, ...] = (),
    memo: Memo | None = None,
) -> Explanation:
    """Explain a pasted error response, message or code against the compiled catalog.

    A VCR cassette or HAR file is explained exchange by exchange: every error response in it, in
    recorded order. ``memo`` carries matches from one call to the next (``errcat scan`` explains
    thousands of records, most of them the same few errors); an error is matched once per context.
    ``catalog.documented()`` leaves out errors the vendor does not document (the observed layer)."""
    check_vendor(vendor, catalog.vendors)
    text, notes = _bounded(repaired(without_terminal_codes(text)), notes)
    text = unwrapped(text)  # a Windows console's copy, its long lines cut at its width
    # curl's --trace(-ascii) made curl -v's lines before redaction: the gate sees a token whole, not cut at 64 or 16
    # bytes (--trace's hex column spells it whatever the gate hid of its text column)
    text = untraced(text)
    if not text.strip():
        raise UsageError("nothing to explain: the input is empty (paste an error response, a message or a code)")
    # A recording's structure is parsed first (redaction may not keep its JSON or YAML well formed);
    # each exchange written out of it is redacted before any other stage sees it.
    recording = _read_recording(text) if recorded_as(text) else None
    if recording is not None:
        return _explain_recording(catalog, recording, vendor, notes, memo)
    text = record_paste(text) or text  # a structured log record: its message and fields
    hidden = redact_report(text)
    return _explain_exchange(catalog, Exchange.of(split(hidden.text)), vendor, notes, memo, hidden.kinds)


def _read_recording(text: str) -> "Recording | None":
    """The reader of recorded traffic, loaded (with base64, zlib and YAML) only for a paste that may be some."""
    from .recordings import read_recording

    return read_recording(text)


def explain_exchange(
    catalog: CatalogIndex,
    *,
    status: int | None,
    body: str,
    method: str | None = None,
    url: str | None = None,
    reason: str | None = None,
    headers: list[tuple[str, str]] | None = None,
    vendor: str | None = None,
) -> Explanation:
    """Explain an HTTP exchange a client already holds (status, headers, body, the request's method
    and URL), with no paste to parse. Every value is redacted first, as explain() redacts a paste."""
    check_vendor(vendor, catalog.vendors)
    kinds: dict[str, int] = {}

    def hidden(value: str) -> str:
        r = redact_report(value)
        for kind, n in r.kinds.items():
            kinds[kind] = kinds.get(kind, 0) + n
        return r.text

    body, notes = _bounded(repaired(body), ())
    safe_headers = tuple(_safe_header(name, value, hidden) for name, value in (headers or [])[:MAX_HEADERS])
    safe_body = hidden(body)
    safe_url = hidden(repaired(url)[:MAX_HEADER]) if url else None
    reason = hidden(repaired(reason)[:MAX_HEADER]) if reason else None  # a reason phrase may quote a token too
    if method and not _METHOD_TOKEN.fullmatch(method):  # no method: what a caller put there, screened as the rest
        method = hidden(repaired(method)[:MAX_HEADER])
    ex = Exchange(
        text=_written(method, safe_url, status, reason, safe_headers, safe_body),
        body=safe_body.strip(),
        method=method.upper() if method else None,
        status=status,
        reason=reason,
        headers=safe_headers,
    )
    if safe_url:
        ex = ex.with_url(safe_url)
    return _explain_exchange(catalog, ex, vendor, notes, None, kinds)


def _written(
    method: str | None, url: str | None, status: int | None, reason: str | None, headers: tuple[tuple[str, str], ...], body: str
) -> str:
    """An exchange a client holds, written out as a paste would show it: the text vendor clues are
    looked for in (a product name in a header value, the vendor's vocabulary in the body)."""
    lines = [" ".join(p for p in (method, url) if p)] if method or url else []
    lines += [f"HTTP/1.1 {status} {reason or ''}".rstrip()] if status is not None else []
    lines += [f"{k}: {v}" for k, v in headers]
    return "\n".join([*lines, "", body])


MAX_HEADER = 65536  # a header value, URL or reason longer than this is cut (no client sends one)


def _safe_header(name: str, value: str, hidden: Callable[[str], str]) -> tuple[str, str]:
    """A header as shown: its name screened and cut (a token put there, a line break, 100,000 characters: the
    name was shown as given), its value screened in the context of its name (``Authorization: Bearer ...``)."""
    name = hidden(repaired(name)[:256])  # a field name may hold a token too (X-ghp_...: 1)
    head = f"{name}: "
    line = hidden(head + repaired(value)[:MAX_HEADER])
    return name, (line[len(head) :] if line.startswith(head) else hidden(repaired(value)[:MAX_HEADER])).strip()


_METHOD_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,31}")  # an HTTP method as a client names it (GET, PROPFIND, M-SEARCH)
MAX_HEADERS = 500  # headers read from one response


def _bounded(text: str, notes: list[str] | tuple[str, ...]) -> tuple[str, list[str] | tuple[str, ...]]:
    """At most MAX_INPUT_BYTES of (repaired) text, as a paste read from a file is cut, the cut noted."""
    if len(text) <= MAX_INPUT_BYTES // 4:  # no character takes more than 4 bytes
        return text, notes
    data = text.encode("utf-8")
    if len(data) <= MAX_INPUT_BYTES:
        return text, notes
    cut = data[:MAX_INPUT_BYTES].decode("utf-8", "ignore")
    return cut, [*notes, f"input is {len(data):,} bytes; only the first {MAX_INPUT_BYTES:,} were read"]


class ErrorsRead(NamedTuple):
    """The read stage's result: the exchange with what its body states, and its errors in body order."""

    exchange: Exchange
    errors: tuple[SentError, ...]
    total: int  # errors in the body, those beyond what is read included
    notes: tuple[str, ...]
    hints: TextHints | None = None  # a plain-text error, still to be named (see _named)
    resource: bool = False  # a 2xx resource's fields were read as text: a success unless one is documented


class VendorDecision(NamedTuple):
    """Which vendor sent the exchange, how that was decided, and the clues that say so."""

    vendor: str | None
    source: str  # override | evidence | message | none
    clues: tuple[Clue, ...]
    excluded: frozenset[str]  # vendors the evidence rules out
    notes: tuple[str, ...]


def _explain_exchange(
    catalog: CatalogIndex,
    ex: Exchange,
    vendor: str | None,
    notes: list[str] | tuple[str, ...],
    memo: Memo | None,
    redactions: dict[str, int],
    request: str | None = None,
    fallback: str | None = None,
) -> Explanation:
    """The pipeline from a (redacted) exchange on: read its errors, name them, decide the vendor,
    match each error once as that vendor. ``fallback``: the vendor the rest of a recording names."""
    read = _with_names(catalog, read_errors(ex, request))
    memo = {} if memo is None else memo  # the words' vendor is read from the same matches (see _decide_vendor)
    facts = facts_for(catalog)

    def match_as(vendor: str | None, source: str, excluded: frozenset[str]) -> tuple[Context, list[ErrorMatch]]:
        ctx = _context(facts, read.exchange, vendor, source, excluded)
        return ctx, _match_all(catalog, read.errors, ctx, memo)

    decision = _decide_vendor(catalog, read, vendor, fallback, lambda excluded: match_as(None, "none", excluded)[1])
    read = _with_documented_status(catalog, read, decision)
    ctx, matches = match_as(decision.vendor, decision.source, decision.excluded)
    if matches and read.resource and not any(m.best or m.family for m in matches):
        # a 2xx resource's name, description or notes is no error; a documented message under any key still is
        matches, read = [], read._replace(errors=(), total=0, notes=(*read.notes, _success_note(read.exchange)))
    all_notes = [*notes, *read.notes, *decision.notes, *(_family_notes(matches) if decision.vendor else [])]
    all_notes += _unlisted_notes(catalog, decision.vendor, matches)
    return Explanation(
        vendor=decision.vendor,
        vendor_source=decision.source,
        clues=decision.clues,
        exchange=read.exchange,
        endpoint=ctx.endpoint,
        errors=tuple(matches),
        total_errors=read.total,
        notes=tuple(dict.fromkeys(all_notes)),
        redactions=sum(redactions.values()),
        redacted_kinds=tuple(sorted(redactions.items())),
        reference=reference_for(catalog, matches),
    )


def _with_documented_status(catalog: CatalogIndex, read: ErrorsRead, decision: VendorDecision) -> ErrorsRead:
    """The exchange and its errors with the status whose documented description the paste quotes, when it states
    no status of its own: a log line "ACCESS DENIED: The API Key parameter is missing or is incorrectly entered"
    is InvoiceXpress's documented 401 by its own words, as "401 Access denied" is by its number."""
    if read.exchange.status is not None or decision.vendor is None:
        return read
    quoted = {c.value for c in decision.clues if c.kind == "documented" and c.vendor == decision.vendor}
    if not quoted:  # most pastes: no pass over every entry
        return read
    statuses = {
        e.status
        for e in catalog.entries
        if e.vendor == decision.vendor and e.status and e.code is None and e.name is None and e.endpoint is None
        if (e.scenario or "")[:120] in quoted
    }
    if len(statuses) != 1:
        return read
    status = statuses.pop()
    return read._replace(
        exchange=read.exchange._replace(status=status),
        errors=tuple(with_exchange_status(list(read.errors), status)),
        notes=(*read.notes, f"status {status} read from the vendor's documented description of it, quoted in the paste"),
    )


def read_errors(ex: Exchange, request: str | None = None) -> ErrorsRead:
    """Every error of an exchange, in body order, each with the exchange's status where its own
    body states none (``request``: the exchange's request line, in a recording of several)."""
    reading = read_body(ex.body)
    ex = _with_body_facts(ex, reading)
    errors, hints = (reading.errors, None) if reading.errors else _text_errors(ex)
    errors = with_exchange_status(errors, ex.status)
    redirected = None if reading.errors else _redirected(ex, errors)
    if redirected:  # its status (302) is the redirect's, not the error's
        errors, hints = [redirected], None
    notes = list(reading.notes)
    if not reading.errors and _succeeded(ex):
        errors, hints = [], None
        notes.append(_success_note(ex))
    if request:
        errors = [o._replace(request=request) for o in errors]
    if reading.total > len(reading.errors):
        notes.append(f"the body holds {reading.total:,} errors; the first {len(reading.errors):,} are explained")
    if not errors and holds_stack_frames(ex.body):
        notes.append("the paste holds a stack trace's frames only: its exception's line (a traceback's last) says the error")
    # a 2xx whose envelope's every message says it succeeded ({"message": "Invoice was created successfully"}) is read
    # as a resource's reply too; a documented message among them is still read (the caller matches them first)
    said_success = all(says_success(e.message) for e in reading.errors)
    resource = bool(errors) and said_success and redirected is None and _resource_reply(ex)
    return ErrorsRead(ex, tuple(errors), reading.total or len(errors), tuple(notes), hints, resource)


# words an error would be named by in a reply's body: an API that answers an error with 200 says so ("success": false,
# "errcode": 40001, "status": "failed", "Errors": [...])
_FAILURE_WORDS = re.compile(
    r"(?i)err|fault|fail|exception|invalid|denied|unauthori[sz]|forbidden|not[ _]?found|problem|warn|refus|reject|limit|false"
)


# a message that says the call succeeded: "Invoice was created successfully", "Fatura criada com sucesso", "Factura
# creada correctamente", "Contact updated", "OK"; and the words that undo it ("could not be created", "não foi criada")
_SUCCESS_WORDS = re.compile(
    r"(?i)(?<![\w-])(?:success(?:ful(?:ly)?)?|succeeded|created|updated|deleted|removed|saved|sent|added|completed|"
    r"processed|accepted|queued|scheduled|archived|ok|done|com sucesso|correctamente|exitosamente|con [ée]xito|"
    r"avec succ[eè]s|erfolgreich)(?![\w-])"
)
_UNDONE_WORDS = re.compile(
    r"(?i)(?<![\w-])(?:not|no|never|cannot|unable|without|none|n[ãa]o|nicht|pas|sin|nunca|yet|already|partially|"
    r"pending)(?![\w-])|n't(?!\w)|\?"
)


def says_success(message: str | None) -> bool:
    """Whether a reply's message says the call succeeded, and nothing in it says an error or undoes it (claims23:
    a 201's {"message": "Invoice was created successfully", "id": 5} was read as an error 'not in the catalog')."""
    return bool(
        message
        and len(message) <= 300
        and _SUCCESS_WORDS.search(message)
        and not _UNDONE_WORDS.search(message)
        and not _FAILURE_WORDS.search(message)
    )


def _succeeded(ex: Exchange) -> bool:
    """Whether the exchange is a success that holds no error (a 2xx status; no body, or a JSON document with no error's
    word and no sentence): its 201 Created read as an error 'not in the catalog' (blind39). A body in any other form is
    still read, and so is one whose strings say something in a sentence: most documented errors hold no word above
    (MYOB's "Cannot delete order with payment(s) applied" under a 200 was said to be "a success" and not read)."""
    if ex.status is None or not 200 <= ex.status < 300:
        return False
    body = _json_part(ex)
    if not body:
        return True
    document = _success_document(ex)
    return document is not _NO_DOCUMENT and not _FAILURE_WORDS.search(body) and not _says_a_sentence(document)


_NO_DOCUMENT = object()


def _success_document(ex: Exchange) -> object:
    """The JSON document a 2xx reply's body is (an object or an array, read up to MAX_TEXT * 64 characters);
    _NO_DOCUMENT for any other status or body."""
    if ex.status is None or not 200 <= ex.status < 300:
        return _NO_DOCUMENT
    body = _json_part(ex)
    if not body or body[0] not in "{[" or len(body) > MAX_TEXT * 64:
        return _NO_DOCUMENT
    try:
        return json.loads(body)
    except (ValueError, RecursionError):
        return _NO_DOCUMENT


def _json_part(ex: Exchange) -> str:
    """The reply's body, or the JSON after its status on the line a log wrote it on ("POST <url> 201 {...}": the
    body read is the whole line)."""
    body = ex.body.strip()
    if body[:1] in ("{", "[") or ex.status is None or "\n" in body[:400]:
        return body
    m = re.match(rf"[^{{\[]{{0,300}}?(?<!\d){ex.status}(?!\d)[^{{\[\w]{{0,8}}(?=[{{\[])", body)
    return body[m.end() :] if m else body


def _success_note(ex: Exchange) -> str:
    return f"HTTP {ex.status} is a success: the reply holds no error to explain"


# the keys a reply's own message is said under ("message", "Message", "userMessage", "detail", "reason", "result"), read
# without "_" and "-"; a sentence under any other key (a resource's "Description", "notes", "address_line_1", "Name", a
# voided invoice's "void_reason") is the resource's
_MESSAGE_KEY = re.compile(
    r"(?i)(?:user|developer|status|response|return|result|display)?"
    r"(?:message|msg|detail|reason|result|info|notice|hint|cause|feedback|text)s?"
)
# a key that names an error ("Errors", "error_code", "faultstring", "warnings"), by one of its words' start: not a word
# holding one (Sage's "default_sales_ledger_account", "PreferredContact": a created contact was an error), and one a
# reply's outcome is said by
_ERROR_KEY = re.compile(r"(?i)err|fault|fail|exception|warn|problem|denied|invalid|reject|refus")
_KEY_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
_OUTCOME_KEY = re.compile(r"(?i)^(?:success|succeeded|ok|status|state|result|outcome)$")
# a member's HTTP status, at any depth: a 207 Multi-Status's or a batch's member answered 4xx or 5xx is no resource
_STATUS_KEY = re.compile(r"(?i)(?:http)?status(?:code)?")


def _resource_reply(ex: Exchange) -> bool:
    """Whether a 2xx JSON reply is a resource (a created customer: "CompanyName": "Acme Widgets Limited", "Notes":
    "Deliver to the back door", "IsIndividual": false): no key names an error, no outcome key says one ("success":
    false, "status": "failed"), and a sentence is said only as a resource's field, never as the reply's message or
    alone. A success unless one of its strings is a documented message (the caller matches them first): review20's
    rule read any 2xx with a string of three words, or with "false" or "Limited" anywhere, as an error (claims22)."""
    document = _success_document(ex)
    if document is _NO_DOCUMENT:
        return False
    # a reply that says it succeeded ({"ok": true, "message": {"text": "Here's a message for you"}}, Slack's) says so
    said_ok = isinstance(document, dict) and any(document.get(k) is True for k in ("ok", "success", "succeeded"))
    pending: list[tuple[str | None, object, bool]] = [(None, document, False)]
    read = 0
    while pending and read < 10_000:
        (key, value, top), read = pending.pop(), read + 1
        if not _a_resource_value(key, value, top, said_ok):
            return False
        if isinstance(value, dict):
            pending.extend((str(k), v, value is document) for k, v in value.items())  # (a listed one's: not top)
        elif isinstance(value, list):
            pending.extend((key, v, False) for v in value)
    return not pending


def _a_resource_value(key: str | None, value: object, top: bool, said_ok: bool) -> bool:
    """Whether a value, under its key, could be a resource's (see _resource_reply). ``top``: the key is the reply's
    own, not a resource's inside it (a listed expense's "status": "Rejected" is that expense's); ``said_ok``: the reply
    said it succeeded, and a sentence under a message's key is the success's. An empty "errors": [] says none."""
    if key is not None and value not in (None, False, 0, "", [], {}) and _error_key(key, value):
        return False
    failed = value is False or (isinstance(value, str) and _FAILURE_WORDS.search(value))
    if top and key is not None and _OUTCOME_KEY.match(key) and failed:
        return False
    sentence = isinstance(value, str) and len(value.split(None, 2)) > 2
    said = said_ok or says_success(value if isinstance(value, str) else None)
    return not (sentence and (key is None or (not said and _MESSAGE_KEY.fullmatch(key.replace("_", "").replace("-", "")))))


def _error_key(key: str, value: object) -> bool:
    """Whether a key names an error (see _ERROR_KEY), or says a member's failed HTTP status ("status": 400)."""
    if any(_ERROR_KEY.match(word) for word in _KEY_WORDS.findall(key)):
        return True
    status = value if isinstance(value, int) else int(value) if isinstance(value, str) and value.isdecimal() else 0
    return 400 <= status < 600 and _STATUS_KEY.fullmatch(key.replace("_", "").replace("-", "")) is not None


def _says_a_sentence(document: object) -> bool:
    """Whether a JSON document holds a string of three words or more (or more values than are read: 10,000)."""
    pending, read = [document], 0
    while pending and read < 10_000:
        value, read = pending.pop(), read + 1
        if isinstance(value, str) and len(value.split(None, 2)) > 2:
            return True
        pending.extend(value.values() if isinstance(value, dict) else value if isinstance(value, list) else ())
    return bool(pending)


def _redirected(ex: Exchange, text_errors: Sequence[SentError]) -> SentError | None:
    """The OAuth error a redirect carries in its Location, or a pasted callback URL with nothing
    else to read (a request URL with ``?error=`` beside a body, or an error status, of its own says no more than they do)."""
    found = redirect_error(ex.header("location"))
    if found is None and (ex.status is None or 300 <= ex.status < 400) and all(e.shape is STATUS_ONLY for e in text_errors):
        found = redirect_error(ex.url)
    return found


def _with_body_facts(ex: Exchange, reading: Reading) -> Exchange:
    """The exchange with the status, URL and method its body states, where the framing stated none
    (a log object, a problem-details body)."""
    if ex.status is None and reading.status is not None:
        ex = ex._replace(status=reading.status)
    if ex.url is None and reading.url:
        ex = ex.with_url(reading.url)
    return ex._replace(method=ex.method or reading.method)


def _with_names(catalog: CatalogIndex, read: ErrorsRead) -> ErrorsRead:
    """A plain-text error named from the catalog's vocabulary; an error read from an envelope is
    already named by its fields."""
    if read.hints is None:
        return read
    hints = read.hints
    return read._replace(errors=tuple(_named(catalog, o, hints) for o in read.errors), hints=None)


def _decide_vendor(
    catalog: CatalogIndex,
    read: ErrorsRead,
    override: str | None,
    fallback: str | None,
    match_unnamed: Callable[[frozenset[str]], list[ErrorMatch]],
) -> VendorDecision:
    """The vendor, decided once: ``--vendor``; else the exchange's evidence; else the vendor the rest
    of a recording names; else what the errors' words say when matched with no vendor named
    (``match_unnamed``)."""
    clues = clues_for(catalog, read.exchange, read.errors)
    excluded = frozenset(v for v, s in scores(clues).items() if s < 0)
    notes = [_other_product_note(catalog, c) for c in clues if c.kind == "other-product"]
    sdk = sdk_exception(facts_for(catalog), read.exchange.text[:65536])
    if sdk and not any(c.vendor and c.weight > 0 for c in clues):  # another service's SDK, nothing of a vendor's
        excluded |= frozenset(catalog.vendors)
        notes.append(f"the paste shows another service's exception ({sdk[:120]}): no catalogued vendor's entry is offered")
    if override is not None:
        told = override.lower()
        notes += _override_notes(catalog, override, clues)
        return VendorDecision(told, "override", (Clue.of("override", "--vendor", told), *clues), excluded, tuple(notes))
    chosen = decide(clues)
    # a vendor named in words alone beside another service's name: only its own documented words (below) still name it
    asked = chosen is not None and named_only(clues, chosen, words_only(read.exchange, clues) | SHAPE_ONLY)
    if asked and (others := other_service_clues(catalog, read.exchange, clues)):
        # its envelope alone, beside another service's name, is that service's body: its words no longer name it
        shaped = named_only(clues, chosen or "", SHAPE_ONLY)
        latest = _named_last(read, [c.value for c in clues if c.vendor == chosen and c.kind in ("named", "brand")], others)
        clues += others
        chosen = decide(clues)
        if (shaped or latest) and chosen is None:
            excluded |= frozenset(v for v, s in scores(clues).items() if s < 0)
    if chosen is not None:
        return VendorDecision(chosen, "evidence", tuple(clues), excluded, tuple(notes))
    if fallback and fallback not in excluded:
        rest = Clue.of("recording", "the recording's other exchanges", fallback)
        return VendorDecision(fallback, "evidence", (*clues, rest), excluded, tuple(notes))
    if not asked and (others := other_service_clues(catalog, read.exchange, clues)):
        clues += others
        excluded |= frozenset(v for v, s in scores(clues).items() if s < 0)
    chosen, source, said = _vendor_from_words(catalog, clues, match_unnamed(excluded))
    if chosen is None and (named := _vendor_from_names(catalog, read, excluded)) is not None:
        chosen, source, said = named.vendor, "evidence", [named]
    if chosen is None and excluded:
        notes += _disowned_notes(catalog, _came_from(clues, sdk), excluded, match_unnamed)
    return VendorDecision(chosen, source, (*clues, *said), excluded, tuple(notes))


def _named_last(read: ErrorsRead, names: Sequence[str], others: Sequence[Clue]) -> bool:
    """Whether another service is named after the vendor's last name before the error's words: the error is the one
    the service named nearest before it answered ("Previously on MYOB this worked. Now with Xero: <words MYOB documents
    too>" is Xero's; "from Xero to MYOB: <them>" stays MYOB's), claims19 f10."""
    low = read.exchange.text[:65536].lower()
    said = [at + len(e.message) for e in read.errors if e.message and (at := low.find(e.message.lower())) >= 0]
    end = min(said, default=len(low))
    vendor = max((low.rfind(n.lower(), 0, end) for n in names if n), default=-1)
    service = max((low.rfind(c.value.lower(), 0, end) for c in others if c.value), default=-1)
    return service > vendor >= 0


def _came_from(clues: Sequence[Clue], sdk: str | None) -> str | None:
    """Where the paste says its error came from, when that is no catalogued vendor: the request's host, another
    service it names, a host it writes, another service's exception."""
    for kind in ("foreign-host", "other-service", "answered-by", "foreign-mention"):
        if found := next((c.value for c in clues if c.kind == kind), None):
            return found
    return sdk


def _disowned_notes(
    catalog: CatalogIndex,
    source: str | None,
    excluded: frozenset[str],
    match_unnamed: Callable[[frozenset[str]], list[ErrorMatch]],
) -> list[str]:
    """What the words alone would have claimed, had the paste not said the error came from elsewhere: a vendor's
    documented message quoted from Xero's answer is said to be that vendor's words, never matched as its error."""
    if source is None:
        return []
    notes = []
    for m in match_unnamed(frozenset()):
        best = m.best
        if m.claims_vendor in excluded and best is not None and m.kind in DOCUMENTED_KINDS:
            e = best.entry
            name = catalog.vendors[e.vendor].name if e.vendor in catalog.vendors else e.vendor
            which = " ".join(str(p) for p in (e.code, e.name) if p is not None) or e.id
            said = f'"{e.message[:160]}"' if e.message else which
            notes.append(
                f"the words match a documented message of {name} ({which}: {said}), but the paste says the error came"
                f" from {source[:120]}: not claimed as {name}'s error"
            )
    return notes


def _vendor_from_names(catalog: CatalogIndex, read: ErrorsRead, excluded: frozenset[str]) -> Clue | None:
    """The vendor a plain text's documented error names point at, when no error's words claimed one."""
    found = vendor_of_names(catalog, read.exchange.text[:65536], read.errors)
    return Clue.of("error-names", found[1][:120], found[0]) if found is not None and found[0] not in excluded else None


def _vendor_from_words(
    catalog: CatalogIndex, clues: Sequence[Clue], matches: Sequence[ErrorMatch]
) -> tuple[str | None, str, list[Clue]]:
    """The vendor the errors' words establish, how, and the clues that say so: words only one
    vendor documents, or words a vendor is known to send found in its own (common) envelope."""
    claimed = {m.claims_vendor for m in matches if m.claims_vendor}
    if len(claimed) == 1:
        vendor = claimed.pop()
        first = next(m for m in matches if m.claims_vendor == vendor)
        words = first.message or first.sent.name or first.sent.code or ""
        return vendor, "message", [Clue.of("message", words[:120], vendor)]
    known = [Clue.of("known-words", (m.message or "")[:120], v) for m in matches if (v := _known_words(catalog, m))]
    chosen = decide([*clues, *known]) if known else None
    return chosen, "evidence" if chosen else "none", [c for c in known if c.vendor == chosen][:1]


def _known_words(catalog: CatalogIndex, m: ErrorMatch) -> str | None:
    """The vendor whose public record holds this error's very words, when it came in that vendor's envelope
    and they are specific (match.specific_words: a stock phrase in a shape others send too says nothing)."""
    top = m.candidates[0] if m.candidates else None
    shape = m.sent.shape
    if top is None or top.kind is not MatchKind.OBSERVED or not shape.weight:
        return None
    if top.via in (TextMatch.EXACT, TextMatch.TEMPLATE):
        if not specific_words(catalog, m.sent, top):
            return None
    elif not (top.via is None and _distinctive_name(m.sent.name, top.entry.name)):
        return None
    return top.entry.vendor if top.entry.vendor in shape.vendors else None


def _distinctive_name(sent: str | None, known: str | None) -> bool:
    """A compound name of four words or more (``OAuthTokenIsMissing``), sent as the vendor is known
    to send it: unlike ``ValidationError``, no other API is likely to send it by chance."""
    if not sent or sent != known:
        return False
    return len(re.findall(r"[A-Z][a-z]+|[A-Z]+(?![a-z])", sent)) >= 4


def _override_notes(catalog: CatalogIndex, vendor: str | None, clues: Sequence[Clue]) -> list[str]:
    """A warning when --vendor names a vendor the paste's own evidence contradicts."""
    if vendor is None:
        return []
    evidence = [c for c in clues if c.kind != "override"]
    found = decide(evidence)
    total = scores(evidence).get(vendor.lower(), 0.0)
    if found is not None and found != vendor.lower():
        name = catalog.vendors[found].name if found in catalog.vendors else found
        why = "; ".join(dict.fromkeys(f"{c.kind} {c.value}" for c in evidence if c.vendor == found and c.weight > 0))
        return [f"--vendor {vendor.lower()} contradicts the evidence, which points at {name} ({why})"]
    if total < 0:
        return [f"--vendor {vendor.lower()} contradicts the evidence (it counts against {vendor.lower()})"]
    return []


_WORDS = re.compile(r"[A-Za-z0-9]+")


def _unlisted_notes(catalog: CatalogIndex, vendor: str | None, matches: Sequence[ErrorMatch]) -> list[str]:
    """What the vendor's catalog says of an error it names but does not hold (MYOB's OAuthTokenIsInvalid),
    as ``errcat lookup`` says it: the error's code or name, or a word of its text, is that name."""
    found = catalog.vendors.get(vendor) if vendor else None
    if found is None or not found.unlisted:
        return []
    notes = []
    for m in matches:
        if m.kind not in (MatchKind.NONE, MatchKind.FUZZY):  # a text merely similar is held no more than none
            continue
        said = (w for w in _WORDS.findall((m.sent.message or "")[:MAX_TEXT]) if not w.isdigit())  # a number in prose is no code
        words = {squash(w) for w in (m.sent.code, m.sent.name) if w} | {squash(w) for w in said}
        for fact in found.unlisted:
            if any(re.fullmatch(fact.pattern or re.escape(squash(fact.value)), w, re.IGNORECASE) for w in words):
                notes.append(f"{fact.description or fact.value + ' is not in the catalog'} (source: {fact.source})")
    return notes


def _family_notes(matches: list[ErrorMatch]) -> list[str]:
    notes = []
    for m in matches:
        if m.family:
            listed = "; ".join(f"{c.entry.id} ({c.entry.message})" for c in m.family[:8])
            more = f"; and {len(m.family) - 8} more" if len(m.family) > 8 else ""
            head = f"one of {len(m.family)} documented errors with this {m.family_shares}; only the message can say which"
            if m.family_shares == "words":
                listed = "; ".join(" ".join(str(k) for k in (c.entry.code, c.entry.name) if k is not None) for c in m.family)
                head = f"one of {len(m.family)} documented errors with these words; only a code, name or endpoint can say which"
            notes.append(f"{head}: {listed}{more}")
    return notes


def _other_product_note(catalog: CatalogIndex, clue: Clue) -> str:
    vendor = catalog.vendors.get(clue.vendor or "")
    api = vendor.name if vendor else clue.vendor
    return f"this looks like {clue.value}, another product of the vendor: errcat catalogues the {api} only"


def _explain_recording(
    catalog: CatalogIndex,
    recording: "Recording",
    vendor: str | None,
    notes: list[str] | tuple[str, ...],
    memo: Memo | None,
) -> Explanation:
    """Every error exchange of a recording, in order, as one explanation (errors labelled by request)."""
    hidden = [(redact_report(r.text), redact_report(r.request).text) for r in recording.errors]
    exchanges = [(Exchange.of(split(h.text)), h.kinds, request) for h, request in hidden]
    parts = [_explain_exchange(catalog, ex, vendor, (), memo, kinds, request) for ex, kinds, request in exchanges]
    named = {p.vendor for p in parts if p.vendor}
    if vendor is None and len(named) == 1:  # one vendor throughout: exchanges with no clue of their own are its too
        only = next(iter(named))
        parts = [
            p if p.vendor else _explain_exchange(catalog, ex, None, (), memo, kinds, request, fallback=only)
            for p, (ex, kinds, request) in zip(parts, exchanges, strict=True)
        ]
    summary = (
        f"a {recording.kind} of {recording.interactions} exchange(s): "
        f"{len(recording.errors) + recording.more} error response(s) (status 400 or more"
        + (f"; {recording.redirects} a redirect carrying an OAuth error" if recording.redirects else "")
        + (f"; {recording.faults} a 2xx whose body is a fault" if recording.faults else "")
        + "), explained in order"
    )
    all_notes = [*notes, summary]
    if recording.more:
        all_notes.append(f"only the first {len(recording.errors)} error responses are explained")
    if recording.unread:
        all_notes.append(f"only its first {recording.interactions:,} exchanges were read ({recording.unread:,} more left unread)")
    if recording.unusable:
        entries = "entry" if recording.unusable == 1 else "entries"
        all_notes.append(f"{recording.unusable:,} recorded {entries} without a response left out")
    for p in parts:
        all_notes += p.notes
    chosen = named.pop() if len(named) == 1 else None
    lead = next((p for p in parts if p.vendor == chosen), parts[0] if parts else None)
    errors = tuple(m for p in parts for m in p.errors)
    return Explanation(
        vendor=chosen,
        vendor_source=lead.vendor_source if lead and chosen else "none",
        clues=tuple(dict.fromkeys(c for p in parts for c in p.clues)),
        exchange=lead.exchange if lead else Exchange("", ""),
        endpoint=lead.endpoint if lead else None,
        errors=errors,
        total_errors=sum(p.total_errors for p in parts),
        notes=tuple(dict.fromkeys(all_notes)),
        redactions=sum(p.redactions for p in parts),
        redacted_kinds=_merged_kinds(parts),
        reference=reference_for(catalog, errors),
        parts=tuple(parts),
    )


def _merged_kinds(parts: list[Explanation]) -> tuple[tuple[str, int], ...]:
    total: dict[str, int] = {}
    for p in parts:
        for kind, n in p.redacted_kinds:
            total[kind] = total.get(kind, 0) + n
    return tuple(sorted(total.items()))


def _context(facts: VendorFacts, ex: Exchange, vendor: str | None, source: str, excluded: frozenset[str]) -> Context:
    mapped = endpoint_for(facts, ex.path, vendor)
    endpoint = mapped[1] if mapped and (vendor is None or mapped[0] == vendor) else None
    return Context(vendor, source, endpoint, ex.method, excluded)


def _match_all(catalog: CatalogIndex, errors: Sequence[SentError], ctx: Context, memo: Memo) -> list[ErrorMatch]:
    """Match every error; identical errors (a body of 10,000 copies) are matched once."""
    out = []
    for sent in errors:
        m = memo.get((sent, ctx))
        if m is None:
            m = memo[(sent, ctx)] = match_error(catalog, sent, ctx, memo)
        out.append(m if m.sent is sent else m._replace(sent=sent))
    return out

"""An error as sent -> ranked catalog candidates and a match kind, with honest confidence.

Kinds, strongest first: ``exact`` (the documented message), ``template`` (a documented message
with slots filled), ``code`` (the vendor code or name, message differs), ``observed`` (an error the
vendor does not document, seen in public reports), ``status`` (only the vendor's documented meaning
of the HTTP status applies), ``fuzzy`` (similar words only), ``none``. A documented match always
outranks an observed one, and an observed entry never names the vendor on its own: its codes
(``RecordNotFound``, ``invalid_grant``) are too common elsewhere, and its words are often the
vendor's platform's (_claimant states when words alone name a vendor).

Candidates come from the compiled index (errcat.index): look-ups by message, code, name,
vendor+status and template key word, and a word index for fuzzy text; never from a scan of
every entry. When no evidence outside the words names a vendor, a match is claimed only if the
words are distinctive for one vendor; a generic ``Not Found`` from an unknown service is never
an InvoiceXpress error.
"""

import math
import re
from collections import Counter, defaultdict
from collections.abc import MutableMapping, Sequence
from enum import StrEnum
from functools import lru_cache
from http import HTTPStatus
from typing import Any, NamedTuple

from ..index.store import CatalogIndex, TemplateRow
from ..model import Entry
from ..templates import MAX_MATCH_LENGTH, match
from ..text import STOP_WORDS, WORD, normalize_path, squash, tokens
from .envelopes import STATUS_ONLY, TEXT, SentError
from .loghead import is_log_head


class MatchKind(StrEnum):
    """How an error as sent matched the catalog, strongest first (equal to its string value)."""

    EXACT = "exact"  # the documented message
    TEMPLATE = "template"  # a documented message with its slots filled
    CODE = "code"  # the vendor's code or name; the message differs (or was not sent)
    OBSERVED = "observed"  # not documented by the vendor; an error seen in public reports (by text, code or name)
    STATUS = "status"  # only the vendor's documented meaning of the HTTP status applies
    FUZZY = "fuzzy"  # similar words only: not a match
    NONE = "none"


class TextMatch(StrEnum):
    """How a candidate's documented message fits the error's words (a candidate found by its code,
    name or status alone has none)."""

    EXACT = "exact"  # the documented message: its words, case and the separators between them aside
    SPACED = "spaced"  # its letters, words run together or split otherwise ("at least" for MYOB's "atleast")
    TEMPLATE = "template"  # a documented template with its slots filled
    BARE = "bare"  # a template that is all slot ("{message}"): counts only with a code or name beside it
    WEAK = "weak"  # a short template whose slots swallow the line (see _slots_dominate)
    PREFIX = "prefix"  # the start of the documented message (cut short), or it with more after it
    CUT = "cut"  # the paste stops inside the message: its words, as far as they go, start one documented message
    VARIANT = "variant"  # a documented name spaced or cased otherwise, or its unique start
    FUZZY = "fuzzy"  # similar words


# What a catalog row documents (``Entry.kind``): a response body, or a row of the vendor's table of
# what a status means (or a documented cause of one). Not a match kind.
ROW_BODY, ROW_STATUS = "body", "status"

KINDS = tuple(MatchKind)
BY_TEXT = frozenset({MatchKind.EXACT, MatchKind.TEMPLATE})  # kinds that say the documented words were sent
ERROR_KINDS = BY_TEXT | {MatchKind.CODE}  # the documented error itself, not only its status
DOCUMENTED_KINDS = ERROR_KINDS | {MatchKind.STATUS}  # the vendor's word
CLAIMED = DOCUMENTED_KINDS | {MatchKind.OBSERVED}  # kinds that name the entry the error is
_RANK: dict[MatchKind, int] = {k: len(KINDS) - i for i, k in enumerate(KINDS)}
BASE_CONFIDENCE: dict[MatchKind, float] = {
    MatchKind.EXACT: 0.95,
    MatchKind.TEMPLATE: 0.9,
    MatchKind.CODE: 0.75,
    MatchKind.OBSERVED: 0.6,
    MatchKind.STATUS: 0.5,
    MatchKind.FUZZY: 0.0,
    MatchKind.NONE: 0.0,
}
CONFIDENT = 0.7  # at or above: a claim a user can act on (exact/template/code with supporting evidence)
FUZZY_FLOOR = 0.6  # similarity below which text is not even "similar"
MAX_CANDIDATES = 10
REASON_PHRASES = frozenset(squash(s.phrase) for s in HTTPStatus)


MAX_WORD_ROWS = 2000  # a word in more literal messages than this is too common to find candidates by


class Context(NamedTuple):
    """What the exchange says about every error in it."""

    vendor: str | None = None
    vendor_source: str = "none"  # override | evidence | message | none
    endpoint: str | None = None  # documented path the request maps to
    method: str | None = None
    excluded: frozenset[str] = frozenset()  # vendors the evidence rules out


class Candidate(NamedTuple):
    entry: Entry
    kind: MatchKind
    score: float  # how well it fits, on the same 0-1 scale as a match's confidence
    slots: dict[str, str]
    similarity: float = 0.0
    raw: float = 0.0  # the matcher's internal sum of evidence, for ranking within a kind
    via: TextMatch | None = None  # how its text matched; None: by code, name or status


class ErrorMatch(NamedTuple):
    """One error of the input, as sent, and what the catalog makes of it."""

    sent: SentError  # the error as the input carries it (JSON: "observed")
    kind: MatchKind
    confidence: float
    slots: dict[str, str]
    candidates: tuple[Candidate, ...]
    message: str | None  # the reading of the sent text that matched
    claims_vendor: str | None = None  # the vendor its words alone point at (when the context named none)
    family: tuple[Candidate, ...] = ()  # documented errors that share the sent code, name or words (none says which)
    family_shares: str = ""  # what they share that the input sent: "code", "name" or "words" (_family_kind, _shared_words)

    @property
    def best(self) -> Candidate | None:
        """The entry this error is claimed to be; None for fuzzy and none (candidates are only "nearest")."""
        return self.candidates[0] if self.candidates and self.kind in CLAIMED else None

    @property
    def observed(self) -> SentError:
        """The former name of ``sent``, kept for code written before the rename: "observed" now
        names only errors public reports show and the vendor does not document."""
        return self.sent


def _plausible(rule: TemplateRow, slots: dict[str, str]) -> bool:
    for value in slots.values():
        if not value or "\n" in value or len(value) > 200:
            return False
        if rule.leading_slot and not rule.bare and (len(value) > 80 or len(value.split()) > 6 or ": " in value):
            return False
    return True


def readings(sent: SentError) -> list[str]:
    """The message sent and its other readings, each also without a trailing full stop.

    A message cut short by the paste has none: its start alone could fit any template."""
    out: list[str] = []
    if sent.cut:
        return out
    for text in (sent.message, *sent.readings):
        if text is None:
            continue
        text = text.strip().strip("\"'`").strip()
        for t in (text, text.rstrip(".").rstrip()):
            if t and t not in out and len(t) <= MAX_MATCH_LENGTH:
                out.append(t)
    return out


def _same(a: object, b: object) -> bool:
    return a is not None and b is not None and squash(str(a)) == squash(str(b)) != ""


def _same_key(key: str | None, b: object) -> bool:
    """_same, with its first value already in comparable form."""
    return key is not None and b is not None and key == _key(b) != ""


def _key(value: object) -> str | None:
    """A code, name or detail in comparable form (see squash); None stays None."""
    return None if value is None else squash(value if type(value) is str else str(value))


def _eq(a: str | None, b: str | None) -> bool:
    return a is not None and a == b and a != ""


def _similarity(a: str, b: str) -> float:
    """How alike two texts are, 0..1 (the Indel ratio, as difflib's ratio counts it, computed in C by
    rapidfuzz: 20-40 times faster than SequenceMatcher); 0.0 below what _fuzzy keeps, or when
    even their letters, in any order, are less alike than FUZZY_FLOOR (difflib's quick_ratio gate,
    kept so that a text shares words, not just length, with what it is likened to)."""
    from rapidfuzz.fuzz import ratio  # here: only a text with no exact or template match pays its import

    a, b = a.lower()[:500], b.lower()[:500]
    score = float(ratio(a, b, score_cutoff=(FUZZY_FLOOR - 0.2) * 100)) / 100
    if 0.0 < score < FUZZY_FLOOR and _letters_alike(a, b) < FUZZY_FLOOR:
        return 0.0
    return score


def _letters_alike(a: str, b: str) -> float:
    """The characters two texts share, in any order, as a ratio (an upper bound of their similarity)."""
    shared = sum((Counter(a) & Counter(b)).values())
    return 2.0 * shared / (len(a) + len(b)) if a or b else 1.0


class _Pool:
    """Candidates being gathered for one error as sent, best reading per entry."""

    def __init__(self, sent: SentError, ctx: Context, statuses: frozenset[tuple[str, int]]):
        self.sent, self.ctx, self.statuses = sent, ctx, statuses
        self.said = _Said.of(sent)
        self.found: dict[str, Candidate] = {}
        self.message: dict[str, str] = {}

    def allowed(self, e: Entry) -> bool:
        if self.ctx.vendor:
            return e.vendor == self.ctx.vendor
        return e.vendor not in self.ctx.excluded

    def consider(
        self,
        e: Entry,
        how: TextMatch | None,
        slots: dict[str, str],
        reading: str | None,
        sim: float = 0.0,
        bonus: float = 0.0,
    ) -> None:
        if not self.allowed(e):
            return
        kind, score = _judge(e, self.sent, self.said, self.ctx, how, sim, self.statuses)
        score += bonus
        if kind is None:
            return
        old = self.found.get(e.id)
        if old is None or (_RANK[kind], score) > (_RANK[old.kind], old.raw):
            self.found[e.id] = Candidate(e, kind, _scaled(kind, score, sim), slots, sim, round(score, 3), how)
            if reading is not None:
                self.message[e.id] = reading


# The 0-1 band each kind's candidates score in (a fuzzy candidate scores half its similarity, as
# its confidence does); within a band, the matcher's sum of evidence places it. Sums run from
# about -0.5 (a status row that contradicts everything) to 2.6 (message, code, name, status,
# endpoint and details all agree).
_BANDS = {
    MatchKind.EXACT: (0.8, 0.99),
    MatchKind.TEMPLATE: (0.75, 0.95),
    MatchKind.CODE: (0.55, 0.85),
    MatchKind.OBSERVED: (0.45, 0.75),
    MatchKind.STATUS: (0.35, 0.6),
}


def _scaled(kind: MatchKind, raw: float, sim: float) -> float:
    if kind not in _BANDS:
        return round(min(0.45, 0.5 * sim), 3)
    low, high = _BANDS[kind]
    return round(low + (high - low) * min(1.0, max(0.0, (raw + 0.5) / 3.1)), 3)


class Weights(NamedTuple):
    """Every weight of the matcher's sum of evidence, in one place; the sum ranks candidates within a
    kind (and is scaled into a 0-1 score for users). Changing one changes which row is "the" match."""

    exact_text: float = 1.0  # the documented message, verbatim
    verbatim: float = 0.02  # character for character, where two messages differ only in case or separators
    template_text: float = 0.8  # a documented template with its slots filled
    bare_template: float = 0.6  # a template that is all slot ("{message}"): only with a code or name beside it
    weak_template: float = 0.5  # a short template whose slots swallow the line (see _slots_dominate)
    prefix_text: float = 0.7  # the start of a documented message (cut short), or the message with more after it
    name_variant: float = 0.6  # a documented name spaced or cased otherwise, or its unique start
    fuzzy_text: float = 0.6  # times the similarity of the words
    text_differs: float = -0.1  # found by code or name while the message says something else
    code_agrees: float = 0.6
    name_agrees: float = 0.4
    code_conflicts: float = -0.3  # the vendor's code or name says it is another error
    status_agrees: float = 0.15
    status_differs: float = -0.25
    generic_row: float = 0.05  # a row for every endpoint, when the request's endpoint is known
    same_endpoint: float = 0.2
    other_endpoint: float = -0.15
    method_documented: float = 0.05
    method_not_documented: float = -0.1
    details_agree: float = 0.1  # MYOB AdditionalDetails, Sage $source
    severity_agrees: float = 0.02
    status_table_row: float = 0.1  # the vendor's own table of what a status means, over a cause row


WEIGHTS = Weights()


class _Said(NamedTuple):
    """The code, name, details and severity sent, in comparable form (see _key): worked out once
    per error, not once per entry it is compared with."""

    code: str | None
    name: str | None
    details: str | None
    severity: str | None
    generic_name: bool = False  # a name every API says (ValidationError, AccessDenied: see common_name)

    @classmethod
    def of(cls, sent: SentError) -> "_Said":
        generic = isinstance(sent.name, str) and common_name(sent.name, most=2)
        return cls(_key(sent.code), _key(sent.name), _key(sent.details), _key(sent.severity), generic)


class _Known(NamedTuple):
    """An entry's code, name, details, severity (see _key) and endpoint (see normalize_path) in
    comparable form: worked out once per entry, not once per error it is compared with."""

    code: str | None
    name: str | None
    details: str | None
    severity: str | None
    endpoint: str | None

    @classmethod
    def of(cls, e: Entry) -> "_Known":
        found = _KNOWN.get(e.id)
        if found is not None and found[0] is e:  # this very entry (an id may stand for another elsewhere)
            return found[1]
        if len(_KNOWN) >= 8192:
            _KNOWN.clear()
        endpoint = None if e.endpoint is None else normalize_path(e.endpoint)
        known = cls(_key(e.code), _key(e.name), _key(e.details), _key(e.vendor_severity or e.severity), endpoint)
        _KNOWN[e.id] = (e, known)
        return known


_KNOWN: dict[str, tuple[Entry, _Known]] = {}  # the entries a scan's errors are compared with, by id


def _judge(
    e: Entry,
    sent: SentError,
    said: _Said,
    ctx: Context,
    how: TextMatch | None,
    sim: float,
    statuses: frozenset[tuple[str, int]],
) -> tuple[MatchKind | None, float]:
    """How well one entry explains the error sent: its kind and its sum of evidence.

    An observed entry that would match as exact, template or code matches as ``observed``: those
    three kinds are kept for what the vendor documents."""
    kind, score = _judge_documented(e, sent, said, ctx, how, sim, statuses)
    if e.observed and kind in ERROR_KINDS:
        return MatchKind.OBSERVED, score
    return kind, score


class _Agreement(NamedTuple):
    """How the code and name sent compare with an entry's."""

    code_hit: bool  # the code (or name) is the entry's code (or name)
    name_hit: bool
    conflict: bool  # the vendor's code or name says it is another error


def _agreement(known: _Known, said: _Said) -> _Agreement:
    oc, on, ec, en = said.code, said.name, known.code, known.name
    code_hit = _eq(oc, ec) or _eq(oc, en) or _eq(on, ec)
    name_hit = _eq(on, en)
    # a name every API says beside the entry's own code is no other error's name: MYOB's document names
    # ValidationError beside many codes, so {"Name":"ValidationError","ErrorCode":25008,...} is 25008
    generic = code_hit and said.generic_name
    conflict = (oc is not None and ec is not None and not code_hit and not _eq(oc, en)) or (
        on is not None and en is not None and not name_hit and not _eq(on, ec) and not generic
    )
    return _Agreement(code_hit, name_hit, conflict)


_TEXT_WEIGHTS = {TextMatch.EXACT: WEIGHTS.exact_text, TextMatch.SPACED: WEIGHTS.exact_text,
                 TextMatch.TEMPLATE: WEIGHTS.template_text,
                 TextMatch.BARE: WEIGHTS.bare_template, TextMatch.WEAK: WEIGHTS.weak_template,
                 TextMatch.PREFIX: WEIGHTS.prefix_text, TextMatch.CUT: WEIGHTS.prefix_text,
                 TextMatch.VARIANT: WEIGHTS.name_variant}  # fmt: skip


def _evidence(
    e: Entry, sent: SentError, said: _Said, ctx: Context, how: TextMatch | None, sim: float, agree: _Agreement, known: _Known
) -> float:
    """The matcher's sum of evidence for one entry (see Weights)."""
    w = WEIGHTS
    score = w.fuzzy_text * sim if how is TextMatch.FUZZY else _TEXT_WEIGHTS.get(how, 0.0) if how else 0.0
    if how is None and sent.message and e.message:
        score += w.text_differs
    score += w.code_agrees * agree.code_hit + w.name_agrees * agree.name_hit + w.code_conflicts * agree.conflict
    if sent.status is not None:
        score += w.status_agrees if e.status == sent.status else w.status_differs
    score += _endpoint_evidence(e, ctx, known)
    if _eq(said.details, known.details):
        score += w.details_agree
    if _eq(said.severity, known.severity):
        score += w.severity_agrees
    return score


def _endpoint_evidence(e: Entry, ctx: Context, known: _Known) -> float:
    w, score = WEIGHTS, 0.0
    if ctx.endpoint:
        if known.endpoint is None:
            score += w.generic_row
        elif known.endpoint == normalize_path(ctx.endpoint):
            score += w.same_endpoint
        else:
            score += w.other_endpoint
    if ctx.method and e.methods:
        score += w.method_not_documented if ctx.method not in e.methods else w.method_documented
    return score


def _judge_documented(
    e: Entry,
    sent: SentError,
    said: _Said,
    ctx: Context,
    how: TextMatch | None,
    sim: float,
    statuses: frozenset[tuple[str, int]],
) -> tuple[MatchKind | None, float]:
    known = _Known.of(e)
    agree = _agreement(known, said._replace(code=None) if _restates_status(sent.code, e) else said)
    if agree.conflict and how is None and e.kind == ROW_BODY:
        return None, 0.0  # another error by its code or name, and no words in common: not a candidate
    score = _evidence(e, sent, said, ctx, how, sim, agree, known)
    if e.kind != ROW_BODY:  # a status-table row or a documented cause: the status is all that can match
        if sent.status is not None and e.status == sent.status:
            return MatchKind.STATUS, score + (WEIGHTS.status_table_row if e.kind == ROW_STATUS else 0.0)
        return (MatchKind.FUZZY, score) if how is TextMatch.FUZZY and ctx.vendor else (None, score)
    return _body_kind(e, sent, ctx, how, agree, statuses), score


def _restates_status(code: str | None, e: Entry) -> bool:
    """A number sent as the code that is the entry's status, beside a code of words (``{"code": 400, "message": ...}``
    for ProSpend's BAD_REQUEST, documented as "400: BAD_REQUEST"): the status restated, no code that says another error.
    Compared as text: a code of 5,000 nines, or of superscript digits (which ``isdigit`` passes), is no int."""
    return bool(code) and e.status is not None and code == str(e.status) and e.code is not None and not str(e.code).isdigit()


def _body_kind(
    e: Entry, sent: SentError, ctx: Context, how: TextMatch | None, agree: _Agreement, statuses: frozenset[tuple[str, int]]
) -> MatchKind | None:
    """The kind of match a documented body row makes, given how its text and code agree."""
    wrong_method = bool(ctx.method and e.methods and ctx.method not in e.methods)
    by_code = agree.code_hit or agree.name_hit
    if agree.conflict or (wrong_method and not (agree.code_hit and (how or agree.name_hit))):
        # the vendor's code or name says it is another error, or it is documented for other methods
        # only: whatever the words share, they do not make it this error
        return MatchKind.FUZZY if how else None
    if by_code and how is None and not agree.name_hit and _foreign_number(e, sent, ctx):
        return None
    if how is TextMatch.SPACED:  # not the documented words: its code or name says which error, if sent
        return MatchKind.CODE if by_code else MatchKind.EXACT
    if how in (TextMatch.EXACT, TextMatch.CUT):
        return MatchKind.EXACT
    if how is TextMatch.TEMPLATE or (how is TextMatch.BARE and by_code):
        return MatchKind.TEMPLATE
    if by_code:
        return MatchKind.CODE
    if how in (TextMatch.FUZZY, TextMatch.WEAK, TextMatch.PREFIX, TextMatch.VARIANT):
        return MatchKind.FUZZY
    if sent.status is not None and e.status == sent.status and (e.vendor, sent.status) in statuses:
        return MatchKind.STATUS  # the vendor documents what this status means, nothing more matched
    return None


def _foreign_number(e: Entry, sent: SentError, ctx: Context) -> bool:
    """Whether the code that found the entry is a number sent, beside words of its own, in a shape its vendor does not
    send: any service's numbers meet the vendor's (Facebook's OAuthException 190 is MYOB's ZeroAmount by number), and
    there its words, not its number, say which error it is. Where the vendor was named only in words ("myob-sync:
    ... 400: {Facebook's body}") the number alone was claimed as the vendor's documented error. Not where the user
    said the vendor (--vendor) or the request went to one of its documented endpoints: there the number is its own."""
    if ctx.vendor_source == "override" or ctx.endpoint:
        return False
    code = str(sent.code or "")
    return code.isdigit() and bool(sent.message) and e.vendor not in sent.shape.vendors


def _slots_dominate(sent: SentError, rule: TemplateRow, slots: dict[str, str], text: str, ctx: Context) -> bool:
    """A short template whose slots hold most of a free-text line proves little on its own.

    ``Error converting value {…}`` fits every Json.NET error, the SDK's own included; inside the
    vendor's envelope, or with its code beside it, the same words are the vendor's. What the line
    says around the reading counts as slot too: ``Invalid number format - {detail}`` found in a
    program's output (``Caught: Invalid number format - For input string: "abc"``) is its words;
    not where the exchange's own evidence (its host) names the template's vendor: there the line
    around it is the log's framing (``POST https://api.apac.prospend.io/... failed with status 400: *** is not allowed.``).
    """
    if sent.shape is not TEXT or rule.literal_words > 3:
        return False
    framed = ctx.vendor == rule.vendor and ctx.vendor_source in ("evidence", "override")
    alone = sent.code is None and sent.name is None and not framed  # a help page's block gives the code beside the words
    whole = max(len(text), len((sent.message or "").strip()) if alone and not _relayed(sent.message or "", text) else 0)
    swallowed = sum(len(v) for v in slots.values() if not _FIELD_NAME.fullmatch(v))
    return (swallowed + whole - len(text)) * 2 > whole


# Words that only say the reading after them is what a server sent: "The server returned 400: \"...\"", "API returned:",
# "Postman returned 400:", "Response from the API:", .NET's "The remote server returned an error: (400) Bad Request." A
# sender they name is judged apart (evidence.other_service_clues: "KashFlow returned" rules the vendors out).
_RELAY = re.compile(
    r"(?:[^\n:\"]{0,40}?\b(?:returned|returns|responded|responds|replied|answered|sent back|gave)\b"
    r"(?:[ \t]+(?:with|an?|the|error|status|code|HTTP|response))*"
    r"|[^\n:\"]{0,40}?\b(?:response|error|reply|answer)[ \t]+from[ \t]+[^\n:\"]{1,40}?|[^\n:\"]{0,40}?\bAPI[ \t]+error)"
    # then the status it names (.NET's "(400) Bad Request."), and the colon, dash or quote before the words
    r"(?:[ \t]*:?[ \t]*\(?[1-5]\d\d\)?(?:[ \t]+[A-Za-z][A-Za-z' -]{0,40}?)?)?[ \t]*[:.\-\u2013\u2014]?[ \t]*[\"'\u201c]?[ \t]*",
    re.IGNORECASE,
)


def _relayed(message: str, text: str) -> bool:
    """Whether ``text`` is all a line says after words that only relay it (_RELAY) or a log's head (loghead.py):
    the reading is the message sent whole, held to the rule a bare message is, not a program's own line around a
    template's words."""
    at = message.find(text)
    if at <= 0 or at > 160:
        return False
    rest = message[at + len(text) :].lstrip("\"'.\u201d")  # the closing quote or stop a reading is read without
    if is_log_head(message[:at]):  # the fields a log writes after a tab-separated head (zap's console) are its own too
        return not rest.strip() or (rest.startswith("\t") and "\t" in message[:at])
    return not rest.strip(" \t\"'.\u201d") and _RELAY.fullmatch(message, 0, at) is not None


# A slot holding one field name (``ForeignCurrency``, ``Lines[0].Account.UID``) names what failed, as the
# template's ``[Field]`` does: however long, it swallows nothing of the line.
_FIELD_NAME = re.compile(r"[A-Za-z_][\w.\[\]]*")


def _candidate_pool(
    ix: CatalogIndex, sent: SentError, ctx: Context, texts: list[str], known: MutableMapping[Any, Any] | None = None
) -> _Pool:
    """Every entry that may explain the error, through the index: by its message (whole or as a
    template), code and name; by similar words when no text matched; by a name's variant when
    nothing is even similar; by the status last. ``known``: similarities computed before (_fuzzy)."""
    pool = _Pool(sent, ctx, ix.statuses)
    for text in texts:
        for e in ix.with_message_key(squash(text)):  # case and separators aside; verbatim ranks first
            how = TextMatch.EXACT if _words(text) == _words(e.message or "") else TextMatch.SPACED
            pool.consider(e, how, {}, text, bonus=WEIGHTS.verbatim if text == e.message else 0.0)
    for text in texts:
        _templates(ix, pool, text)
    _by_code_and_name(ix, pool)
    _cut_start(ix, pool)
    if texts and not any(c.kind in BY_TEXT for c in pool.found.values()):
        _fuzzy(ix, pool, texts, {} if known is None else known)
    if not any(c.kind is not MatchKind.FUZZY or c.similarity >= FUZZY_FLOOR for c in pool.found.values()):
        _name_variants(ix, pool, [t for t in (sent.name, *texts) if t])
    _by_status(ix, pool)
    return pool


def _words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def _name_variants(ix: CatalogIndex, pool: _Pool, texts: list[str]) -> None:
    """A documented name written with other spacing or case, or cut short where only one name
    starts so (``Incorrect Rowversion``, ``IncorrectRowVersion`` for IncorrectRowVersionSupplied):
    a candidate with the status and vendor it implies, never a claim."""
    for text in texts:
        words = [w for w in WORD.findall(text) if not w.isdigit()]  # "Incorrect Rowversion (409)"
        key = squash("".join(words))
        if not 10 <= len(key) <= 64 or len(words) > 4 or "<" in text:  # <ValidationError> names a structure
            continue
        names = ix.name_keys_starting(key)
        entries = ix.with_name_key(names[0]) if len(names) == 1 else []
        if entries and len({e.code for e in entries}) == 1:  # a name that stands for one error
            for e in entries:
                pool.consider(e, TextMatch.VARIANT, {}, text, sim=FUZZY_FLOOR)
            return


def _templates(ix: CatalogIndex, pool: _Pool, text: str) -> None:
    """Documented templates whose slots the text fills."""
    ctx, sent = pool.ctx, pool.sent
    for rule in ix.templates_for(set(tokens(text))):
        if (ctx.vendor and rule.vendor != ctx.vendor) or rule.vendor in ctx.excluded:
            continue
        slots = match(rule.template, text)
        if slots is None or not _plausible(rule, slots):
            continue
        weak = _slots_dominate(sent, rule, slots, text, ctx)
        how = TextMatch.BARE if rule.bare else TextMatch.WEAK if weak else TextMatch.TEMPLATE
        for e in ix.with_template(rule.vendor, rule.template):
            # the more literal words a template has, the more specific its match
            pool.consider(e, how, slots, text, bonus=min(0.1, 0.02 * rule.literal_words))


def _by_code_and_name(ix: CatalogIndex, pool: _Pool) -> None:
    """Entries with the code or name sent; where the message is the start of theirs (a paste
    cut short, a client that shortens it), or theirs with more after it, the words count too."""
    sent = pool.sent
    message = tuple(WORD.findall((sent.message or "").lower()))
    found: dict[str, Entry] = {}  # an entry with both the code and the name sent is judged once
    for key in {k for k in (sent.code, sent.name) if k}:
        for e in (*ix.with_code(key), *ix.with_name_key(squash(key))):
            found.setdefault(e.id, e)
    for e in found.values():
        cut = _prefix_of(message, _documented_words(e.message or ""))
        pool.consider(e, TextMatch.PREFIX if cut else None, {}, sent.message if cut else None)


# What a client or a post puts where it cut a message: Guzzle's and Laravel's " (truncated...)", an ellipsis.
_CUT_MARK = re.compile(r"\s*(?:\(truncated\.{3}\)|\.{3}|\u2026)\s*$", re.IGNORECASE)
MIN_CUT_WORDS = 6  # of a cut message's whole words: fewer could start many a message


def _cut_start(ix: CatalogIndex, pool: _Pool) -> None:
    """A message the paste stops inside (Guzzle's 120-character summary, a post's first lines) whose
    whole words start one documented message, and only one, of the vendor the exchange's own evidence
    names: that error, as far as its words go. Without that evidence a start could be anyone's."""
    sent, ctx = pool.sent, pool.ctx
    if not (sent.cut and sent.message and ctx.vendor and ctx.vendor_source in ("evidence", "override")):
        return
    words = tuple(WORD.findall(_CUT_MARK.sub("", sent.message).lower()))[:-1]  # the last may stop inside a word
    if len(words) < MIN_CUT_WORDS:
        return
    starts = [
        e
        for e in ix.with_message_containing(words[0])
        if e.vendor == ctx.vendor and e.kind == ROW_BODY and _documented_words(e.message or "")[: len(words)] == words
    ]
    if len({e.message for e in starts}) == 1:
        for e in starts:
            pool.consider(e, TextMatch.CUT, {}, sent.message)


@lru_cache(maxsize=4096)  # a catalog's messages (never a paste's): a log sends the same codes again and again
def _documented_words(message: str) -> tuple[str, ...]:
    return tuple(WORD.findall(message.lower()))


def _prefix_of(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether one message's words start the other's (three words at least, and not all of them)."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return 3 <= len(short) < len(long) and long[: len(short)] == short


def _by_status(ix: CatalogIndex, pool: _Pool) -> None:
    """What the vendor documents for the status sent, when nothing stronger names the error."""
    ctx, sent = pool.ctx, pool.sent
    if sent.status is None:
        return
    if ctx.vendor and _status_may_matter(pool):
        for e in ix.with_status(sent.status, ctx.vendor):
            if not _names_another_error(e, sent):
                pool.consider(e, None, {}, None)
    elif not ctx.vendor and sent.shape is STATUS_ONLY:
        # a bare status and no vendor: what each vendor documents for it (listed, never claimed)
        for vendor in sorted(ix.vendors):
            for e in ix.with_status(sent.status, vendor):
                pool.consider(e, None, {}, None)


def _status_may_matter(pool: _Pool) -> bool:
    """Whether the status's documented meaning can still matter: not beside the documented message
    itself, nor below ten stronger candidates."""
    stronger = sum(1 for c in pool.found.values() if _RANK[c.kind] > _RANK[MatchKind.STATUS] and not _by_code_observed(c))
    return stronger < MAX_CANDIDATES and not any(c.kind in BY_TEXT for c in pool.found.values())


def _names_another_error(e: Entry, sent: SentError) -> bool:
    """A body row with a code (or name) beside one sent: it conflicts, or was considered by code."""
    if e.kind != ROW_BODY:
        return False
    return (sent.code is not None and e.code is not None) or (sent.name is not None and e.name is not None)


_FUZZY_READINGS = 4


def _fuzzy(ix: CatalogIndex, pool: _Pool, texts: list[str], known: MutableMapping[Any, Any]) -> None:
    """Entries sharing the rarest words with the text, scored by similarity of the whole text. The
    first readings alone (the message, then what else the error says) choose and score them: a
    JSON log line read as a body has a reading per string field, and scoring 30 entries against
    each of a GELF line's 19 fields cost 14 ms a line, to be judged no error after all. A reading's
    similarity to an entry is kept in ``known`` (a scan's memo): a log line's readings past its
    request id are those of the line before, and the likening was a quarter of explaining such a log."""
    texts = texts[:_FUZZY_READINGS]
    words = sorted({t for t in tokens(" ".join(texts)[:2000]) if t not in STOP_WORDS})
    counts = ix.word_counts(words)
    weights: dict[int, float] = defaultdict(float)
    common = min(max(50, ix.size // 4), MAX_WORD_ROWS)
    rarity = {t: math.log(1 + ix.size / (1 + n)) for t, n in counts.items() if n <= common}
    for t, pos in ix.with_words(sorted(rarity)):  # one query, not one per word
        weights[pos] += rarity[t]
    best_positions = sorted(weights, key=lambda k: (-weights[k], k))[:30]
    for e in ix.at_positions(best_positions):
        best, text = max(((_similar(t, e, known), t) for t in texts), key=lambda st: st[0], default=(0.0, ""))
        if best >= FUZZY_FLOOR - 0.2:
            pool.consider(e, TextMatch.FUZZY, {}, text, best)


_SIMILAR = ("similar",)  # the key in a memo of the similarities it keeps
SIMILAR_KEPT = 50_000  # similarities kept by a memo (a log line's readings against 30 entries each: 120)


def _similar(text: str, e: Entry, known: MutableMapping[Any, Any]) -> float:
    """_similarity of a reading and an entry's message, computed once per ``known`` (kept apart from its matches,
    which would be cleared 120 times as often)."""
    kept: dict[tuple[str, str], float] = known.setdefault(_SIMILAR, {})
    sim = kept.get((text, e.id))
    if sim is None:
        if len(kept) >= SIMILAR_KEPT:
            kept.clear()
        sim = kept[text, e.id] = _similarity(text, e.message or "")
    return sim


def literal_words(ix: CatalogIndex, cand: Candidate) -> int:
    """Words of the documented message outside its slots: how specific a text match is."""
    e = cand.entry
    if cand.kind is MatchKind.TEMPLATE and e.template:
        rule = ix.template_row(e.vendor, e.template)
        return rule.literal_words if rule else 0
    return len(re.findall(r"[A-Za-z]+", e.message or ""))


def _distinctive(ix: CatalogIndex, sent: SentError, cand: Candidate) -> bool:
    """Whether the words (or name) alone are enough to say which vendor sent the error."""
    e = cand.entry
    if e.vendor not in sent.shape.vendors:
        return False  # a foreign envelope: the same words from another service prove nothing
    if cand.kind in BY_TEXT and _same(sent.code, e.code) and _same(sent.name, e.name):
        return True  # its code, its name and its words: three facts agree (a help page's block)
    if cand.kind in BY_TEXT:
        if e.message is None or squash(e.message) in REASON_PHRASES:
            return False
        words = literal_words(ix, cand)
        return words >= 3 or (words >= 2 and sent.shape.own)  # see _claimant: two words only in the vendor's own envelope
    if cand.kind is MatchKind.CODE:
        # a name that only restates an HTTP status (BadRequest, INTERNAL_SERVER_ERROR) is every
        # framework's: .NET's HttpStatusCode, Spring's HttpStatus, GraphQL's extensions.code
        if sent.shape is TEXT and sent.message is None and sent.code and len(sent.code) >= 3:
            return squash(sent.code) not in REASON_PHRASES  # a bare code typed on its own, found for one vendor only
        names = [n for n in (sent.name, sent.code) if n and not n.isdigit() and squash(n) not in REASON_PHRASES]
        return any(len(n) >= 8 and len(re.findall(r"[A-Z][a-z]+", n)) >= 2 and not common_name(n) for n in names)
    return False


def match_error(ix: CatalogIndex, sent: SentError, ctx: Context, known: MutableMapping[Any, Any] | None = None) -> ErrorMatch:
    """Rank the catalog's entries against one error as sent and say what kind of match it is: the
    strongest candidate's kind, as far as the rules below let it claim (``known``: see _fuzzy)."""
    pool = _candidate_pool(ix, sent, ctx, readings(sent), known)
    ranked = _ranked(pool, ctx)
    if ranked and _says_otherwise(sent, ranked[0]):  # what the vendor documents (the status's meaning) comes first
        ranked = [c for c in ranked if not _by_code_observed(c)] + [c for c in ranked if _by_code_observed(c)]
    kind, family, shares = _family_kind(sent, ranked[0], ranked) if ranked else (MatchKind.NONE, (), "")
    if family and not ctx.vendor:  # a code or name many errors share, from an unknown sender: not even nearest
        ranked, family = [c for c in ranked if not _by_code_alone(c)], ()
    if not ranked:
        return ErrorMatch(sent, MatchKind.NONE, 0.0, {}, (), sent.message)
    claims: str | None = None
    if not ctx.vendor:
        kind, claims, ranked = _unnamed_sender(ix, sent, kind, ranked)
    elif kind is MatchKind.OBSERVED and (_observed_family(ranked[0], ranked) or _says_otherwise(sent, ranked[0])):
        # one of several observed errors with this code, or the one observed error of a code any failure of its kind
        # carries, in words not its own (and no documented status's meaning to come first): only the words can say which
        kind = MatchKind.NONE
    if kind in BY_TEXT and (shared := _shared_words(sent, ranked)):
        kind, family, shares = MatchKind.NONE, shared, "words"  # one of them, not any one: its vendor stays named (claims)
    top = ranked[0]
    if kind is MatchKind.FUZZY and top.kind is MatchKind.FUZZY and top.similarity < FUZZY_FLOOR:
        kind = MatchKind.NONE  # the nearest words are not even similar
    confidence = _confidence(kind, top, ranked, ctx, claims)
    slots = top.slots if kind is MatchKind.TEMPLATE else {}
    message = pool.message.get(top.entry.id, sent.message)
    return ErrorMatch(sent, kind, confidence, slots, tuple(ranked), message, claims, family, shares if family else "")


def _unnamed_sender(
    ix: CatalogIndex, sent: SentError, kind: MatchKind, ranked: list[Candidate]
) -> tuple[MatchKind, str | None, list[Candidate]]:
    """What a match may claim when no evidence outside its words named the vendor: a status, or an
    error the vendor does not document, names no vendor (their words are too common elsewhere); a
    documented error is claimed only when its words are distinctive for one vendor (the claimant),
    whose candidates then come first. Returns the kind, the claimant and the candidates."""
    if kind in (MatchKind.STATUS, MatchKind.OBSERVED):
        return MatchKind.NONE, None, ranked
    if kind not in CLAIMED:
        return kind, None, ranked
    top = ranked[0]
    claims = _claimant(ix, sent, top, ranked)
    if claims is None:
        return (MatchKind.FUZZY if top.kind in BY_TEXT else MatchKind.NONE), None, ranked
    return kind, claims, [c for c in ranked if c.entry.vendor == claims] + [c for c in ranked if c.entry.vendor != claims]


def _ranked(pool: _Pool, ctx: Context) -> list[Candidate]:
    """Candidates worth showing, strongest first: no negative-score "nearest" noise, and no fuzzy
    candidate whose words are not even similar."""
    found = [c for c in pool.found.values() if (c.raw > 0 or c.kind in CLAIMED) and _meaningful(c, pool)]
    ranked = sorted(found, key=lambda c: _order(c, ctx))
    if ranked and ranked[0].kind is MatchKind.OBSERVED and _observed_family(ranked[0], ranked):
        # a code several observed messages share says which family, not which error: what the
        # vendor documents (the status's meaning) comes first, the family stays as nearest
        ranked = [c for c in ranked if not _by_code_observed(c)] + [c for c in ranked if _by_code_observed(c)]
    return ranked[:MAX_CANDIDATES]


def _meaningful(c: Candidate, pool: _Pool) -> bool:
    """A fuzzy candidate is worth showing when its text is similar and shares a word that is not one
    every API uses ("invalid_client" is not "invalid date"); a name variant or a cut message is."""
    if c.kind is not MatchKind.FUZZY or c.via in (TextMatch.PREFIX, TextMatch.VARIANT):
        return True
    if c.similarity < FUZZY_FLOOR:
        return False
    seen = set(WORD.findall((pool.message.get(c.entry.id) or pool.sent.message or "").lower()))
    return bool((seen & set(WORD.findall((c.entry.message or "").lower()))) - GENERIC_WORDS)


def _family_kind(sent: SentError, top: Candidate, ranked: list[Candidate]) -> tuple[MatchKind, tuple[Candidate, ...], str]:
    """The match kind, and the family when a code or name several documented errors share is all that matched: then it
    is one of them, not any one (only words, a message or its start, say which); and what they share that the input
    sent, its "code" (a member's code) or its "name" ("" with no family)."""
    if not _by_code_alone(top) and not _by_code_and_like(top):
        return top.kind, (), ""
    by_code = bool(sent.code) and (_same(sent.code, top.entry.code) or _same(sent.code, top.entry.name))
    # words merely similar decide nothing when another member's are about as similar ("API key has
    # exceeded the rate limit" is as like the daily limit's message as the per-second one's)
    members = [
        c
        for c in ranked
        if (_by_code_alone(c) or _by_code_and_like(c))
        and c.entry.vendor == top.entry.vendor
        and c.similarity >= top.similarity - WORDS_DECIDE
    ]
    coded = any(_same(sent.code, c.entry.code) for c in members)
    shares = "code" if coded else "name"
    if not by_code and len({c.entry.code for c in members}) > 1:
        return MatchKind.NONE, tuple(members), shares  # a name alone that several codes share (MYOB's ValidationError)
    distinct = {squash(c.entry.message or "") for c in members}
    # a name with no code beside it that several documented messages share (MYOB's RateLimitError,
    # daily or per second; ProSpend's BAD_REQUEST sent bare, read as a name) is as undecided as such a code
    # (a code sent beside it that is no member's, RateLimitError's 429 in another server's body, says no more)
    by_name = not coded and (_same(sent.name, top.entry.name) or _same(sent.name, top.entry.code))
    if (by_code or by_name) and len(distinct) > 1:
        return MatchKind.NONE, tuple(_one_per_message(members)), shares
    return top.kind, (), ""


WORDS_DECIDE = 0.1  # how much more similar one member's message must be for the words to say which


def _shared_words(sent: SentError, ranked: list[Candidate]) -> tuple[Candidate, ...]:
    """The documented errors whose words these are, when several are (MYOB's "Cannot delete order with payment(s)
    applied" is 37000 OrderPaid of a sale order and 38000 PurchaseOrderPaid of a purchase order) and nothing sent, no
    code, name or endpoint, ranks one above the rest: the words say which family, as a shared code does; () otherwise."""
    top = ranked[0]
    if sent.code or sent.name:
        return ()
    said = squash(top.entry.message or "")
    errors: dict[tuple[object, object], Candidate] = {}
    for c in ranked:
        tied = c.kind is top.kind and c.entry.vendor == top.entry.vendor and abs(c.score - top.score) < 1e-9
        if tied and squash(c.entry.message or "") == said:
            errors.setdefault((c.entry.code, c.entry.name), c)
    return tuple(errors.values()) if len(errors) > 1 else ()


def _one_per_message(members: list[Candidate]) -> list[Candidate]:
    seen: dict[str, Candidate] = {}
    for c in members:
        seen.setdefault(squash(c.entry.message or ""), c)
    return list(seen.values())


# Words that error messages of every API use: a short bare message made only of them ("Your access
# token has expired.") is sent by many services, so its words alone never name a vendor.
GENERIC_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "your",
        "you",
        "this",
        "that",
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "been",
        "be",
        "not",
        "no",
        "of",
        "to",
        "for",
        "in",
        "on",
        "at",
        "by",
        "with",
        "or",
        "and",
        "access",
        "token",
        "tokens",
        "expired",
        "invalid",
        "request",
        "requests",
        "required",
        "missing",
        "denied",
        "unauthorized",
        "unauthorised",
        "authorized",
        "authorised",
        "inactive",
        "temporarily",
        "forbidden",
        "error",
        "errors",
        "failed",
        "failure",
        "found",
        "unknown",
        "internal",
        "server",
        "service",
        "unavailable",
        "bad",
        "please",
        "try",
        "again",
        "later",
        "authentication",
        "authorization",
        "authorisation",
        "credentials",
        "permission",
        "permissions",
        # "You don't have permission to perform this operation" (ProSpend's 403) is every framework's
        # refusal too: ThingsBoard's, Spring apps' AccessDenied handlers
        "don",
        "t",
        "do",
        "perform",
        "operation",
        "action",
        "limit",
        "rate",
        "exceeded",
        "too",
        "many",
        "method",
        "allowed",
        "supported",
        "timeout",
        "timed",
        "out",
        "resource",
        "record",
        "does",
        "exist",
        "exists",
        "already",
        "conflict",
        "state",  # "Invalid state" (InvoiceXpress's 422) is any state machine's refusal
        "provided",
        "valid",
        "value",
        "field",
        "parameter",
        "parameters",
        "unexpected",
        "occurred",
        # Python's, Mongoose's, Joi's and Frappe's exception is a ValidationError as much as MYOB's name is
        "validation",
        "check",
        "data",
        "api",
        "key",
        # what any service's errors are about: "account not found" in a Zimbra mail server's log
        # named MYOB (whose 150 NotFound says "Account not found") by those words alone
        "account",
        # and what any purchasing or invoicing app's are about: "Duplicate purchase number" is a C# form's
        # message box and a Node API's error as much as MYOB's 200 Duplicate
        "duplicate",
        "number",
        "purchase",
        "supplier",
        "invoice",
        # an HTTP status restated: "The requested method is not allowed on this path." (Sage's 405) is a Java server's too
        "requested",
        "path",
        # SQLite's and Oracle's row id: "RowId not found" is any data app's (MYOB's 150 says "RowID not found")
        "rowid",
        "user",
        "username",
        "password",
        "login",
        "session",
        "connection",
        "object",
        "item",
        "entity",
        "id",
        "page",
        "file",
        "name",
        "email",
    ]
)


# a placeholder runs to its closing bracket, not past another opening one: "<" read to the end of the message from
# each "<" of a team catalog's message of unclosed brackets was quadratic (40,000 of them: 1.7 s an explain)
_PLACEHOLDER = re.compile(r"<[^<>]*>|\[[^\[\]]*\]|\{[^{}]*\}|\*{3}")


# Stock sentences run longer than a phrase: "Authentication failed. Please check your credentials and
# try again." (nine words, ProSpend's 401) is also what login forms and OAuth error maps of many apps
# print; twelve words of GENERIC_WORDS alone still say nothing of the sender.
GENERIC_LENGTH = 12
GENERIC_PHRASE = 8  # up to here, words every API uses are generic whatever code comes with them


def _generic(sent: SentError, cand: Candidate) -> bool:
    """A short message in words every API uses (its placeholders aside), sent with nothing of the
    vendor's own beside it: no envelope only it sends, no name, no code but an HTTP reason phrase. A shape
    others share too (InvoiceXpress's errors list) lifts a sentence ("Email: is an invalid email"), not a
    stock phrase of a few words ("Invalid state", which GOV.UK Notify's and Go APIs' lists could hold as well)."""
    if sent.shape.own or sent.name or (sent.code and not _reason_code(sent.code)):
        return False
    words = WORD.findall(_PLACEHOLDER.sub(" ", cand.entry.message or "").lower())
    if not (0 < len(words) <= GENERIC_LENGTH and all(w in GENERIC_WORDS for w in words)):
        return False
    if sent.shape.weight > 0 and len(words) > SHARED_SHAPE_PHRASE:
        return False
    # a whole stock sentence with the code the vendor documents for it beside it is the vendor's body
    return len(words) <= GENERIC_PHRASE or not _same(sent.code, cand.entry.code)


SHARED_SHAPE_PHRASE = 3  # up to here, common words in a shape others send too are any sender's


_NAME_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")  # the words of a CamelCase or capitals name


def common_name(name: str, most: int = 3) -> bool:
    """A short name (``most`` words at most) made only of words every API uses (``AccessDenied``: S3's, Azure's and
    MYOB's alike; ``RateLimitError``: OpenAI's too). Four words or more make a compound few APIs share
    (``AccessTokenExpiredError``), as _distinctive_name counts them."""
    words = _NAME_WORDS.findall(name)
    return 0 < len(words) <= most and all(w.lower() in GENERIC_WORDS for w in words)


# ActiveModel's default validation messages after a field name: what every Rails API sends
# ({"errors":["Name has already been taken"]} from a hobby app, GitLab's {"message":{"name":[...]}}).
_FRAMEWORK_PHRASE = re.compile(
    r"^\s*(?P<field>\w+(?:\s+\w+){0,2})\s+(?:has already been taken|can['\u2019]t be (?:blank|empty)|is invalid|is not a number"
    # and a custom check's words, as Rails models add them (errors.add(:date, "is not valid")) and a DRF serializer
    # raises them (ValidationError("Date is not valid")): InvoiceXpress's observed "Date is not valid" is theirs too
    r"|is not valid"
    r"|must be accepted|is not included in the list|is reserved|must exist"
    # and every validator's (ArkType's, Joi's, Zod's, a Worker's, Terraform's)
    r"|must be an email(?: address)?"
    r"|must be a number(?: (?P<bound>(?:greater|less) than(?: or equal to)? [\d.]+|between [\d.]+ and [\d.]+))?"
    # a form's or a model's check on an amount ("Amount must be a non-zero positive number": MYOB's words, and a web app's)
    r"|must be a (?:non-zero )?positive number"
    # and on two dates ("Due date must be later than date": InvoiceXpress's words, a Zod schema's and a C# API's)
    r"|must be (?:later|earlier) than(?: or equal to)? \w+(?:\s+\w+)?)"
    r"\.?\s*$",
    re.IGNORECASE,
)


# Every validator's message for a field left out (Spring's @NotBlank, Zod's, Joi's, a form's):
# MYOB documents "[Field] is required" too, so only its own envelope, or its code or name beside
# the words (a help page's block), makes "Customer is required" MYOB's. A field written as MYOB's
# API names it (ShipQuantity, Invoices[n]) is its own.
_REQUIRED_PHRASE = re.compile(r"^\s*(?P<field>[A-Za-z][a-z]*(?:\s+[A-Za-z][a-z]*){0,2})\s+is required\.?\s*$")


def _framework_phrase(sent: SentError, cand: Candidate) -> bool:
    """A documented message that is only a field name and a framework's default message (Rails's, a
    validator's), or a field name and "is required" without the vendor's code or name beside it, sent
    outside an envelope only the vendor sends: a shape others share (InvoiceXpress's errors list, which
    GOV.UK Notify and Go services send too; the ErrorCode body) lifts no stock phrase (see _claimant)."""
    if not _by_words(cand) or (sent.shape.own and cand.entry.vendor in sent.shape.vendors):
        return False
    message = cand.entry.message or ""
    if _REQUIRED_PHRASE.match(message):
        return not _same(sent.code, cand.entry.code) and not _same(sent.name, cand.entry.name)
    return bool(_FRAMEWORK_PHRASE.match(message))


def _stock_phrase(ix: CatalogIndex, sent: SentError, cand: Candidate) -> bool:
    """A framework's phrase (_framework_phrase) that carries nothing of the vendor's own: not its own limit on its own
    field (_own_field_and_bound). A field of several words only the vendor's errors name is no evidence, in any body:
    InvoiceXpress's bodies ({"errors":[{"error": ...}]}, <errors><error>) are Rails's own (ActiveModel's to_xml, and the
    list Go services send), and Rails apps validate a tax_region, a cancel message or send options of their own
    (find_string: six models validate a tax_region); a vendor is named there on its own evidence (its host, its
    request), not on a field the four catalogued vendors happen not to share (explain36; explain33 had claimed them)."""
    return _framework_phrase(sent, cand) and not _own_field_and_bound(ix, cand)


ANYONES_BOUND = frozenset({"0", "1"})  # the numbers of every validator's positive or non-negative check


def _own_field_and_bound(ix: CatalogIndex, cand: Candidate) -> bool:
    """Whether a validator's phrase sets the vendor's own limit on the vendor's own field: a bound no other
    vendor's message gives and not just above 0 or 1, on a field only the vendor's errors name (_shared_field).
    Each alone is others' too (find_string: "must be a number between 0 and 99.99" is a cheese weight's, a
    commission rate's and a GST rate's check; "Retention must be a number" a mail relay's setting), but
    InvoiceXpress's "Retention must be a number between 0 and 99.99" whole only its documents and its clients
    quote. A field with no bound, sent bare, is any model's attribute ("Client is invalid", "Cancel message can't be blank")."""
    m = _FRAMEWORK_PHRASE.match(cand.entry.message or "")
    bound = m.group("bound") if m else None
    if not bound or set(re.findall(r"\d+(?:\.\d+)?", bound)) <= ANYONES_BOUND:
        return False
    if any(e.vendor != cand.entry.vendor for e in ix.with_message_containing(bound)):
        return False
    return not _shared_field(ix, cand)


def _by_words(cand: Candidate) -> bool:
    """A candidate found by its words: a documented message, or an observed one (not by its code alone)."""
    return cand.kind in BY_TEXT or (cand.kind is MatchKind.OBSERVED and cand.via is not None)


def specific_words(ix: CatalogIndex, sent: SentError, cand: Candidate) -> bool:
    """Whether an observed message, sent in an envelope of the vendor's that others send too, is specific as
    _claimant's clause 3 asks of a documented one: three literal words or more (two in an envelope only the
    vendor sends), no reason phrase, no stock phrase (_generic, _framework_phrase). Observed words add to such
    an envelope's evidence (known-words) only then: {"errors":[{"error":"Date is not valid"}]} is a Rails
    app's or a DRF serializer's as much as InvoiceXpress's."""
    e = cand.entry
    if e.message is None or squash(e.message) in REASON_PHRASES:
        return False
    if _code_agrees(sent, e):
        return True  # its code and its words agree, as _distinctive counts them ("AuthorizationFailure", "Access Denied")
    words = literal_words(ix, cand)
    if (words < 3 and not (words >= 2 and sent.shape.own)) or _generic(sent, cand):
        return False
    return not _framework_phrase(sent, cand) or not _shared_field(ix, cand)


def _code_agrees(sent: SentError, e: Entry) -> bool:
    """The entry's code and name, those it has (one at least, no restated status), are the ones sent."""
    if not (e.code or e.name) or (e.code and _reason_code(str(e.code))):
        return False
    return (e.code is None or _same(sent.code, e.code)) and (e.name is None or _same(sent.name, e.name))


def _shared_field(ix: CatalogIndex, cand: Candidate) -> bool:
    """Whether the field a stock phrase names is every API's: a word every API uses, or one another vendor's
    errors name too ("Date" is MYOB's and Sage's as well: "Date is not valid" is any ledger's). A field only
    this vendor's errors name is its own vocabulary: InvoiceXpress's "Fiscal is invalid" (its fiscal_id, as
    Rails names it) is found in InvoiceXpress's bodies and in code quoting them, nowhere else."""
    message = cand.entry.message or ""
    m = _REQUIRED_PHRASE.match(message) or _FRAMEWORK_PHRASE.match(message)
    field = [w.lower() for w in WORD.findall(m.group("field"))] if m else []
    if not field or any(w in GENERIC_WORDS for w in field):
        return True
    named = ix.at_positions(sorted({pos for _, pos in ix.with_words(field)}))
    return any(e.vendor != cand.entry.vendor for e in named)


def _reason_code(code: str) -> bool:
    """``INTERNAL_SERVER_ERROR``, ``NotFound``, ``404``: a code that only restates the HTTP status."""
    return code.isdigit() or squash(code) in REASON_PHRASES


def _claimant(ix: CatalogIndex, sent: SentError, top: Candidate, ranked: list[Candidate]) -> str | None:
    """The one vendor the words (or name) alone point at, when no other evidence named one.

    The rule, one for every vendor: words alone name a vendor only when they are
    1. the vendor's own: a message its document gives. A message only observed in public reports never
       names one by itself (_unnamed_sender), however long: what a vendor is seen to send is often its
       platform's. Sage's observed "Header X-Site was not found in the request. Access denied." is Azure
       API Management's check-header refusal, and its 401 "Authorization missing. Please, add an
       authorization token at the 'Authorization' HTTP header." is, but for the header, ThingWorx's. In
       an envelope of the vendor's, observed words verbatim add to the envelope's evidence (known-words in
       errcat.explainer), which is no claim by words alone; in a shape others send too, only words specific
       as 3 says (specific_words: "Date is not valid" is any app's; a field only the vendor's errors name,
       or its code beside them, is its own);
    2. sent whole: the message verbatim (case and separators aside) or its template's words with the
       slots filled, not words merely similar nor the start of a message cut short;
    3. specific: three literal words or more (two only in an envelope only that vendor sends); no HTTP
       reason phrase, no stock phrase: a short message of words every API uses (_generic) or a field
       name with a framework's default (_framework_phrase), phrases find_string shows in other services'
       errors ("Name has already been taken" in Fly.io's and Rails apps' bodies), unless it sets the
       vendor's own limit on its own field (_own_field_and_bound);
    4. in a shape the vendor sends or plain text, and a shape others share too (InvoiceXpress's
       {"errors": [{"error": ...}]}, GOV.UK Notify's as well) lifts no stock phrase (nor its list-holding
       form: a Java client's service answers {"errors":{"error":["Email has already been taken"]}}); one only
       the vendor is known to send (MYOB's Errors list) does;
    5. one vendor's: no other vendor's documented words fit as well;
    6. not said to come from elsewhere: a paste that names another service (services.py: "xero returns
       400 ...", "KashFlow returned 400 ...") or its host, and nothing of the vendor's, rules the vendor out
       before the words are matched, and a note says whose documented words they are (errcat.explainer._disowned_notes).
    So MYOB's "Date cannot be in locked period" sent bare is MYOB's; InvoiceXpress's "Name has already
    been taken" is no one's, in whatever shape but an envelope only InvoiceXpress sends."""
    same_kind = [c for c in ranked if c.kind == top.kind]
    claimants = [
        c
        for c in same_kind
        if _distinctive(ix, sent, c) and not _generic(sent, c) and not _stock_phrase(ix, sent, c) and not _wrapper(sent, c)
    ]
    vendors = {c.entry.vendor for c in claimants}
    if len(vendors) == 1 and (top.kind is not MatchKind.CODE or len({c.entry.vendor for c in same_kind}) == 1):
        return vendors.pop()
    return None


def _wrapper(sent: SentError, cand: Candidate) -> bool:
    """A template whose words only lead the free text that ends it ("Invalid number format - {detail}", "An unexpected
    error occurred. {detail}"), found outside the vendor's own envelope and with no code of its own beside it: a wrapper
    any program puts around a message (find_string: Java's NumberFormatException handlers, a PHP validator and a lexer
    write "Invalid number format - " + the value), so its words name no vendor. A bare "Invalid number format - abc"
    was claimed as ProSpend's documented BAD_REQUEST."""
    e = cand.entry
    if cand.kind is not MatchKind.TEMPLATE or not e.template or sent.shape.own or _code_agrees(sent, e):
        return False
    return e.template.rstrip().endswith("}")


def _by_code_alone(c: Candidate) -> bool:
    """A documented error found by its code or name, its words aside."""
    return c.kind is MatchKind.CODE and c.via is None


def _by_code_and_like(c: Candidate) -> bool:
    """A documented error found by its code or name, with words only similar to its message."""
    return c.kind is MatchKind.CODE and c.via is TextMatch.FUZZY


def _by_code_observed(c: Candidate) -> bool:
    """An observed error found by its code or name, its words aside."""
    return c.kind is MatchKind.OBSERVED and c.via is None


def _says_otherwise(sent: SentError, top: Candidate) -> bool:
    """An observed error found by its code or name alone, when the words sent are not its words and its words say
    more than its code: Sage's ``RecordInvalid`` with "Contact is not a customer" is not the observed "This field is
    required." (a code any validation failure of the vendor's carries; its one observed message says which failure
    was seen), while "Resource not found" is its observed ``RecordNotFound`` "Couldn't find record." in other words."""
    e = top.entry
    if not (_by_code_observed(top) and sent.message and e.message and squash(sent.message) != squash(e.message)):
        return False  # an entry seen without words (MYOB's OAuth invalid_request) has none the words sent could contradict
    # a message that only restates its code ("Couldn't find record." for RecordNotFound) is any wording of that error
    said = {w.lower() for w in WORD.findall(e.message or "")}
    return not said & {w.lower() for w in _NAME_WORDS.findall(f"{e.code or ''} {e.name or ''}")}


def _observed_family(top: Candidate, ranked: list[Candidate]) -> bool:
    """An observed error matched by its code or name alone, when observed entries with that code
    carry different messages (Sage's ``ValidationError``): which one it is, the words must say."""
    if top.via is not None:
        return False
    e = top.entry
    return any(
        c.kind is MatchKind.OBSERVED and c.via is None and c.entry.code == e.code and c.entry.name == e.name
        and squash(c.entry.message or "") != squash(e.message or "")
        for c in ranked[1:]
    )  # fmt: skip


def _order(c: Candidate, ctx: Context) -> tuple[int, float, int, str]:
    """Strongest kind, then most evidence; among equals the row nearest the request wins (its
    endpoint, else the generic row, else a row documented for the request's method)."""
    e = c.entry
    if ctx.endpoint and e.endpoint and normalize_path(e.endpoint) == normalize_path(ctx.endpoint):
        near = 0
    elif e.endpoint is None:
        near = 1
    else:
        near = 2 if ctx.method and ctx.method in e.methods else 3
    return (-_RANK[c.kind], -c.raw, near, e.id)


def _confidence(kind: MatchKind, top: Candidate, ranked: list[Candidate], ctx: Context, claims: str | None) -> float:
    if kind is MatchKind.FUZZY:
        cap = 0.45 if ctx.vendor else 0.25  # similar words from an unknown sender say little
        return round(min(cap, 0.5 * max(top.similarity, 0.6 if top.kind in BY_TEXT else 0.0)), 2)
    value = BASE_CONFIDENCE[kind]
    if kind in ERROR_KINDS and top.raw >= 1.5:
        value += 0.03  # code and name agree with the message
    if ctx.vendor_source == "message" or claims:
        value *= 0.85
    same_kind = [c for c in ranked[1:] if c.kind == top.kind]
    if same_kind and kind is not MatchKind.STATUS:
        rival = same_kind[0]
        differs = (rival.entry.message, rival.entry.code, rival.entry.name) != (top.entry.message, top.entry.code, top.entry.name)
        if differs and rival.raw >= top.raw - 0.05:
            value *= 0.9
    return round(min(value, 0.99), 2)


def vendor_of_names(ix: CatalogIndex, text: str, errors: Sequence[SentError]) -> tuple[str, str] | None:
    """The vendor a plain text's documented error names point at, when no one error is claimed, and the names
    said: several of one vendor's names, one at least no stock word pair (a note's ``RateLimitError → retry;
    DeveloperInactive → check the key``), or a name beside the very code the vendor documents for it (a table
    row's ``Required | 100``). None when any name is also another vendor's. Read once for the text, and from its
    first errors only: a log of thousands of lines says it in its first."""
    said = [e for e in errors[:NAMED_ERRORS] if e.shape is TEXT]
    if not said:
        return None
    names = spot_names(ix, text)
    rows = {n: (*ix.with_name_key(squash(n)), *ix.with_code_key(squash(n))) for n in names}
    # only a name the vendor documents counts, once however it is spelt, and no status's reason phrase: an observed
    # code names no vendor (a Rails OAuth log's "InvalidGrant: invalid_grant" and "RecordNotFound" were Sage's)
    counted = {squash(n): n for n in names if not _reason_code(n) and any(not e.observed for e in rows[n])}
    if len(counted) >= 2 and any(not common_name(n) for n in counted.values()):
        vendors = {e.vendor for found in rows.values() for e in found}
        return (vendors.pop(), ", ".join(dict.fromkeys(names))) if len(vendors) == 1 else None
    for sent in said:
        if sent.name and sent.code and sent.code.isdigit():
            vendors = {e.vendor for e in ix.with_name_key(squash(sent.name)) if _same(sent.code, e.code) and not e.observed}
            if len(vendors) == 1:
                return vendors.pop(), f"{sent.name} {sent.code}"
    return None


NAMED_ERRORS = 20


def spot_names(ix: CatalogIndex, text: str) -> list[str]:
    """Known error names and non-numeric codes written in free text (``... IncorrectRowVersionSupplied``)."""
    words = [  # not XML element names (<ValidationError>): they name a structure, not an error
        w
        for w in re.findall(r"(?<![</\w])[A-Za-z][A-Za-z0-9_]{5,}\b", text[: MAX_MATCH_LENGTH * 4])
        if re.search(r"[a-z][A-Z]|_", w)
    ]
    keys = sorted({squash(w) for w in words})
    known = ix.keys_present("name_key", keys) | ix.keys_present("code_key", keys)
    return list(dict.fromkeys(w for w in words if squash(w) in known))

"""Body text -> observed errors, one reader per response shape (envelope).

Shapes read: MYOB ``{"Errors": [...]}``, a bare list or a single MYOB body; Sage
``[{"$dataCode", ...}]`` and ``{"$diagnoses": [...]}``; InvoiceXpress ``{"errors": ...}`` in its
four JSON forms and ``<errors><error>`` XML; ``{"code", "message"}`` bodies (ProSpend and many
others); RFC 7807 and OAuth bodies; JSON wrapped in log objects or encoded inside strings;
JSON the vendor documents malformed (missing commas, no braces) read leniently; and plain text.

Each envelope names the vendors whose documented shape it is, so that a message found in a
foreign shape is never claimed for a vendor on the strength of its words alone.
"""

import json
import re
from collections.abc import Iterable, Iterator
from http import HTTPStatus
from typing import Any, NamedTuple
from urllib.parse import parse_qs

from ..gate import MAX_DEPTH as MAX_DEPTH  # strings that hold JSON decoded no deeper than the gate judged them
from ..model import HTTP_METHODS
from ..values import OAUTH_CODES, STATUS_KEYS, to_int, to_status

MAX_ERRORS = 1000  # errors read from one paste; the rest are counted, not explained
MAX_NODES = 50_000  # JSON values visited, whatever the nesting
MAX_DECODE_ATTEMPTS = 64  # failed JSON starts tried before giving up on a body
MAX_TEXT = 500  # longest plain-text message considered
MAX_REPEAT_TEXT = 4096  # a JSON value this short is recognised when its text repeats (read once, counted each time)
MAX_REPEATS = 1024  # distinct such values remembered in one body
MAX_LENIENT_TEXT = 64 * 1024  # of a body that is not JSON, the part read pair by pair (hundreds of errors)


OWN_SHAPE = 0.55  # a shape weighing this much is its vendor's own: no other API is known to send it


class Shape(NamedTuple):
    """An envelope: its name and the vendors that document it (empty: no vendor does)."""

    name: str
    vendors: frozenset[str] = frozenset()
    weight: float = 0.0  # how strongly the shape alone points at those vendors

    @property
    def own(self) -> bool:
        """Whether only its vendors send it (MYOB's Errors list, Sage's diagnoses), unlike the
        shapes a vendor shares with frameworks ({"errors": [...]}, {"ErrorCode", "Message"})."""
        return self.weight >= OWN_SHAPE


MYOB_ERRORS = Shape("MYOB Errors list", frozenset({"myob"}), 0.7)
MYOB_LIST = Shape("MYOB error list", frozenset({"myob"}), 0.7)
MYOB_BODY = Shape("MYOB error body", frozenset({"myob"}), 0.7)
SAGE_DIAGNOSES = Shape("Sage $diagnoses", frozenset({"sage"}), 0.9)
SAGE_LIST = Shape("Sage diagnosis list", frozenset({"sage"}), 0.9)
# The same dollar-keyed diagnosis without Sage's $dataCode, or with keys Sage never sends: SData's
# ($sdataCode, $applicationCode), which Sage 50, Sage 200 and Sage X3 answer with, shares it.
SDATA_DIAGNOSIS = Shape("dollar-keyed diagnosis (Sage's and SData's)", frozenset({"sage"}), 0.3)
# {"errors": [{"error": ...}]} and {"errors": {"error": ...}} are InvoiceXpress's own; a bare list of
# strings under "errors" is also common elsewhere (Rails), so it weighs just enough on its own and
# any foreign host outweighs it.
IX_ERRORS = Shape("InvoiceXpress errors", frozenset({"invoicexpress"}), 0.35)
IX_PLAIN = Shape("InvoiceXpress errors list", frozenset({"invoicexpress"}), 0.35)
IX_XML = Shape("InvoiceXpress XML errors", frozenset({"invoicexpress"}), 0.35)
# The same shapes with only part of the vendor's vocabulary, or with fields it never sends: other
# services send {"ErrorCode": ..., "Message": ...} (NCR Counterpoint, Visma eAccounting) and
# {"errors": [...]} (Rails, data services) too, so alone they point at the vendor only weakly
# (InvoiceXpress's shapes below weigh as little for that reason).
ERRORCODE_BODY = Shape("ErrorCode body (MYOB's and others')", frozenset({"myob"}), 0.3)
CODE_MESSAGE = Shape("code and message", frozenset({"prospend"}), 0.0)
# The same family labelled by what it holds: an error's name in capitals and no code (PayPal's {"name":
# "INVALID_RESOURCE_ID", "message": ...}), or the message alone ({"message": "Bad credentials"})
NAME_MESSAGE = Shape("name and message", frozenset({"prospend"}), 0.0)
MESSAGE_BODY = Shape("message, no code", frozenset({"prospend"}), 0.0)
# A message under a key no catalogued vendor sends (SOAP's faultstring, Okta's errorSummary, Visma's DeveloperErrorMessage,
# Portuguese mensagem, an errors list's bare description): another API's words, whatever they say
OTHER_KEYS = Shape("another API's error keys")
FIELD_ERRORS = Shape("field errors")
MESSAGE_LIST = Shape("message list")  # a body that is a bare array of sentences (["This record could not be found"])
PROBLEM = Shape("problem details (RFC 7807)")
JSONAPI = Shape("JSON:API error object")  # {"status": "422", "title", "detail", "source": {"pointer": ...}}
LOC_MSG = Shape("validation error (loc, msg, type)")  # Pydantic's, in FastAPI's {"detail": [...]}
# Another API's XML error document: Intuit's <Fault><Error code>, Xero's <ApiException>, Sage SData's
# <sdata:diagnosis>. No catalogued vendor sends one (InvoiceXpress's <errors><error> is IX_XML).
XML_ERROR = Shape("XML error document")
# An XML-RPC <methodResponse><fault> (Odoo's, WordPress's, any xmlrpc server's): its faultCode and faultString
XMLRPC_FAULT = Shape("XML-RPC fault")
# OAuth 1.0a's Problem Reporting extension, form-encoded: oauth_problem=token_rejected&oauth_problem_advice=... (Xero's
# and QuickBooks' OAuth 1.0a APIs answered with it)
OAUTH1_PROBLEM = Shape("OAuth 1.0a problem report")
OAUTH = Shape("OAuth error")  # RFC 6749's: one of its codes under "error", or an "error_description"
ERROR_FIELD = Shape("error field")  # any other {"error": "..."}: Express's, Flask's, a proxy's; no OAuth error
TEXT = Shape("plain text", frozenset({"myob", "sage", "invoicexpress", "prospend"}))
STATUS_ONLY = Shape("status only", frozenset({"myob", "sage", "invoicexpress", "prospend"}))


class SentError(NamedTuple):
    """One error as read from the paste; every field as the vendor sent it."""

    shape: Shape
    status: int | None = None
    code: str | None = None
    name: str | None = None
    message: str | None = None
    details: str | None = None
    severity: str | None = None
    source: str | None = None  # Sage $source
    learn_more: str | None = None
    readings: tuple[str, ...] = ()  # other ways to read a plain-text message (suffixes of a log line)
    cut: bool = False  # the paste stops inside this error: its message is only the start of one
    request: str | None = None  # "POST https://..." when the paste held several exchanges (a recording)

    def record(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "code": self.code,
            "name": self.name,
            "message": self.message,
            "details": self.details,
            "severity": self.severity,
            "source": self.source,
            "envelope": self.shape.name,
            "truncated": self.cut,
            "request": self.request,
        }


class Reading:
    """What was read from a body: errors in body order, and facts found along the way."""

    __slots__ = ("cut", "errors", "method", "nodes", "notes", "status", "total", "url")

    def __init__(self) -> None:
        self.errors: list[SentError] = []
        self.total = 0  # errors seen, including those beyond MAX_ERRORS
        self.status: int | None = None  # a status stated inside the body (log objects, problem details)
        self.url: str | None = None
        self.method: str | None = None
        self.notes: list[str] = []
        self.nodes = 0
        self.cut = False  # the body stops mid-value (a forum post cut short)

    def add(self, obs: SentError) -> None:
        if obs.shape is CODE_MESSAGE and obs.code is None:
            obs = obs._replace(shape=NAME_MESSAGE if obs.name else MESSAGE_BODY)
        self.total += 1
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(obs)

    def add_all(self, found: Iterable[SentError]) -> None:
        for obs in found:
            self.add(obs)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)[:MAX_TEXT]
    return str(value)


def _code(value: Any) -> str | None:
    if value is None or value == "" or isinstance(value, (dict, list, bool)):
        return None
    return str(value)


def _oauth_code(value: Any) -> str | None:
    """An OAuth error's code (``invalid_grant``); a sentence under "error" is the message, no code."""
    code = _code(value)
    return None if code is None or " " in code.strip() else code


def _lower_keys(d: dict[str, Any]) -> dict[str, Any]:
    return {str(k).lower(): v for k, v in d.items()}


def _is_myob(d: dict[str, Any], in_errors: bool = False) -> bool:
    """MYOB's body keys, in MYOB's own PascalCase (``errorCode``/``additionalDetails`` in camelCase are
    Microsoft Graph's and others'); inside a text with an ``Errors`` key a Name or Message alone will do."""
    k = set(d)
    return (
        "ErrorCode" in k
        or "AdditionalDetails" in k
        or ({"Name", "Message"} <= k and ("Severity" in k or "LearnMore" in k))
        or (in_errors and bool(k & {"Name", "Message"}) and not any(str(key).startswith("$") for key in k))
    )


def _is_sage(d: dict[str, Any]) -> bool:
    return any(str(k).startswith("$") and str(k).lower() in ("$datacode", "$message", "$severity", "$source") for k in d)


_MYOB_KEYS = frozenset({"Name", "Message", "AdditionalDetails", "ErrorCode", "Severity", "LearnMore"})


_MYOB_OWN_KEYS = frozenset({"AdditionalDetails", "LearnMore"})


def _myob_shape(d: dict[str, Any], shape: Shape) -> Shape:
    """MYOB's own body carries nothing MYOB never sends, and what only MYOB's does: AdditionalDetails or
    LearnMore, or four of its six fields (every documented body has Name, Message, ErrorCode, Severity
    and nearly all AdditionalDetails). Fewer (Open Banking's ErrorCode and Message, Name, Message and
    Severity) or fields MYOB never sends (Visma's DeveloperErrorMessage, ErrorId) are a shape other
    services share."""
    keys = {str(k) for k in d}
    own = keys <= _MYOB_KEYS and (len(keys & _MYOB_KEYS) >= 4 or bool(keys & _MYOB_OWN_KEYS))
    return shape if own else ERRORCODE_BODY


def _myob(d: dict[str, Any], shape: Shape) -> SentError:
    k = _lower_keys(d)
    said = next((k[m] for m in _ERRORCODE_MESSAGE_KEYS if k.get(m)), None)
    other = _any_message(k) if said is None else None  # Visma's DeveloperErrorMessage: no key MYOB sends
    return SentError(
        OTHER_KEYS if other is not None else _myob_shape(d, shape),
        code=_code(k.get("errorcode")),
        name=_text(k.get("name")),
        message=_text(said or other),
        details=_text(k.get("additionaldetails")),
        severity=_text(k.get("severity")),
        learn_more=_text(k.get("learnmore")),
    )


# Where a body beside an ErrorCode puts its message when it is not "Message": eBay's LongMessage and ShortMessage,
# AWS's ErrorMessage (EventBridge's failed entries), Exchange's (OWA's) FaultMessage
_ERRORCODE_MESSAGE_KEYS = ("message", "longmessage", "shortmessage", "errormessage", "faultmessage")


def _any_message(k: dict[str, Any]) -> str | None:
    """A sentence under any other key that names a message (Visma's DeveloperErrorMessage, Expensify's
    responseMessage, a userMessage or developerMessage); what a success says is no error's, nor a status's reason phrase
    (Node's statusMessage: 'Unprocessable Entity')."""
    said = (v for key, v in k.items() if key.endswith("message") and not key.startswith(_NOT_ERRORS) and isinstance(v, str))
    return next((v for v in said if v.strip()), None)


_NOT_ERRORS = ("success", "status")


_SAGE_KEYS = frozenset({"$severity", "$datacode", "$message", "$source"})


def _sage_shape(k: dict[str, Any], shape: Shape) -> Shape:
    """Sage's own diagnosis carries its $dataCode and no key Sage never sends."""
    return shape if "$datacode" in k and set(k) <= _SAGE_KEYS else SDATA_DIAGNOSIS


def _sage(d: dict[str, Any], shape: Shape) -> SentError:
    k = _lower_keys(d)
    return SentError(
        _sage_shape(k, shape),
        code=_code(k.get("$datacode") or k.get("$sdatacode")),  # SData's diagnosis names its code $sdataCode
        name=_text(k.get("$applicationcode")),
        message=_text(k.get("$message")),
        severity=_text(k.get("$severity")),
        source=_text(k.get("$source")),
        details=_text(k.get("$source")),
    )


def status_of(value: Any) -> int | None:
    """An HTTP status from a JSON or recorded value, if it is one."""
    return to_status(value)


def _int_or_text(raw: str) -> int | str:
    """An integer literal of a body as a number when it is one errcat can hold, else as its text."""
    number = to_int(raw)
    return raw if number is None else number


DECODER = json.JSONDecoder(parse_int=_int_or_text)  # 5,000 nines: kept as text, not a ValueError


def _sentences(items: list[Any]) -> bool:
    """Whether a list is a few sentences (strings with a word break), as a bare array body sends its errors."""
    return 0 < len(items) <= 20 and all(isinstance(i, str) and " " in i.strip() and len(i) <= MAX_TEXT for i in items)


def _humanize(field_name: str) -> str:
    words = field_name.replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def _is_field_sentences(d: dict[str, Any]) -> bool:
    """A body that is only sentences listed by field (Django REST framework's serializer errors): each value a
    list of sentences ending in a full stop, which no list of tags or ids is."""
    return 0 < len(d) <= 100 and all(
        isinstance(v, list) and v and all(isinstance(t, str) and " " in t.strip() and t.rstrip().endswith(".") for t in v)
        for v in d.values()
    )


def _field_message(field: str, text: str) -> str:
    """A field's message as one line: Rails' "can't be blank" reads after its field ("Email can't be blank"), a
    sentence that names the field is whole (Laravel's "The email field is required.", ModelState's "The Date field
    is required." under "invoice.Date"), another sentence follows its field and a colon (DRF's "This field is
    required." under "due_date": "Due date: This field is required.")."""
    said = text.strip()
    if field == "non_field_errors":  # DRF's errors of the whole object
        return said
    names = {_humanize(field).lower(), _humanize(field.rsplit(".", 1)[-1]).lower()}
    if any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", said.lower()) for n in names if n):
        return said
    return f"{_humanize(field)}: {said}" if said[:1].isupper() else f"{_humanize(field)} {said}"


class _Reader:
    """Walks decoded JSON values, recognising envelopes; bounded in nodes, depth and errors."""

    def __init__(self, reading: Reading, in_errors: bool = False):
        self.r = reading
        self.in_errors = in_errors  # read leniently from a text with an "Errors" key
        self.ix_errors = False  # read leniently from a text whose "errors" hold "error" objects (_IX_ERRORS_KEY)

    def value(self, v: Any, depth: int = 0, key: str | None = None) -> bool:
        """Read errors from one JSON value; whether any envelope was found in it."""
        self.r.nodes += 1
        if depth > MAX_DEPTH or self.r.nodes > MAX_NODES:
            return False
        if isinstance(v, str):
            inner = v.strip()
            if len(inner) > 1 and inner[0] in "{[" and inner[-1] in "}]":
                decoded = _loads(inner)
                if decoded is not None:
                    return self.value(decoded, depth + 1, key)
            return False
        if isinstance(v, list):
            return self.read_list(v, depth, key)
        if isinstance(v, dict):
            return self.read_dict(v, depth, key)
        return False

    def read_list(self, items: list[Any], depth: int, key: str | None) -> bool:
        if self.error_list(items, key):
            return True
        found = False
        for i in items:
            found = self.value(i, depth + 1, key if key in _ERROR_CONTAINERS else None) or found
            if self.r.nodes > MAX_NODES:
                break
        return found

    def error_list(self, items: list[Any], key: str | None) -> bool:
        """A list that is itself an envelope's errors: MYOB's or Sage's objects, or (under "errors")
        InvoiceXpress's plain messages or Intacct's ``{"error": ...}`` objects; each is added."""
        dicts = [i for i in items if isinstance(i, dict)]
        if dicts and all(_is_myob(i, self.in_errors) for i in dicts):
            self.r.add_all(_myob(i, MYOB_ERRORS if key == "errors" else MYOB_LIST) for i in dicts)
        elif dicts and all(_is_sage(i) for i in dicts):
            self.r.add_all(_sage(i, SAGE_DIAGNOSES if key == "$diagnoses" else SAGE_LIST) for i in dicts)
        elif key == "errors" and items and all(isinstance(i, str) for i in items):
            self.r.add_all(SentError(IX_PLAIN, message=i) for i in items)
        elif key == "errors" and dicts and all(len(i) == 1 and "error" in _lower_keys(i) for i in dicts):
            for i in dicts:
                self.ix_error(_lower_keys(i)["error"])
        else:
            return False
        return True

    def ix_error(self, value: Any) -> None:
        for msg in value if isinstance(value, list) else [value]:
            if isinstance(msg, (str, int, float)):
                self.r.add(SentError(IX_ERRORS, message=str(msg)))
            elif isinstance(msg, dict) and (said := _message_of(k := _lower_keys(msg))) is not None:
                # an error of message objects ({"error": [{"message": ...}]}, a Swift client's API): another API's keys,
                # not InvoiceXpress's strings; read as nothing, the whole body was the message
                self.r.add(SentError(OTHER_KEYS, code=_code(k.get("code")), message=said))

    def read_dict(self, d: dict[str, Any], depth: int, key: str | None = None) -> bool:
        k = _lower_keys(d)
        self.facts(k)
        if "$diagnoses" in k and isinstance(k["$diagnoses"], list):
            return self.read_list(k["$diagnoses"], depth + 1, "$diagnoses")
        if _is_sage(d):
            self.r.add(_sage(d, SAGE_LIST))
            return True
        if "errors" in k and self.errors_value(k["errors"], depth):
            return True
        if self.message_list(k):
            return True
        if _is_myob(d, self.in_errors):
            self.r.add(_myob(d, MYOB_ERRORS if self.in_errors else MYOB_BODY))
            return True
        if self.ix_errors and len(k) == 1 and "error" in k:
            self.ix_error(k["error"])
            return True
        if depth == 0 and _is_field_sentences(d):  # DRF's serializer errors: {"amount": ["A valid number is required."]}
            self.field_errors(d)
            return True
        # A wrapper (a log record, an SDK exception): prefer envelopes nested inside it.
        if self.nested(d, depth):
            return True
        return self.generic(k, key in _ERROR_CONTAINERS)

    def message_list(self, k: dict[str, Any]) -> bool:
        """Sentences listed under "errorMessages" (Jira's and Atlassian's): each is an error."""
        said = next((k[m] for m in ("errormessages", "error_messages") if isinstance(k.get(m), list) and k[m]), None)
        if said is None or not all(isinstance(i, str) and i.strip() for i in said):
            return False
        self.r.add_all(SentError(MESSAGE_LIST, message=i) for i in said[:MAX_ERRORS])
        return True

    def errors_value(self, errors: Any, depth: int) -> bool:
        """The value of an "errors" key; False lets the object be read as the other envelopes."""
        if isinstance(errors, list):
            return self.read_list(errors, depth + 1, "errors")
        if isinstance(errors, dict):
            return self.errors_dict(errors)
        if isinstance(errors, str) and " " in errors.strip():  # a sentence: Shopify's {"errors": "[API] Invalid API key ..."}
            self.r.add(SentError(OTHER_KEYS, message=errors.strip()))
            return True
        return False

    def errors_dict(self, errors: dict[str, Any]) -> bool:
        """An "errors" object: Intacct's lone ``{"error": ...}``, or messages by field name."""
        ek = _lower_keys(errors)
        if "error" in ek and len(ek) == 1:
            self.ix_error(ek["error"])
            return True
        if errors and all(isinstance(v, (list, str)) for v in errors.values()):
            self.field_errors(errors)
            return True
        return False

    def field_errors(self, errors: dict[str, Any]) -> None:
        """One error per message, each named after its field (Rails-style validation errors)."""
        for name, msgs in errors.items():
            for msg in msgs if isinstance(msgs, list) else [msgs]:
                self.r.add(SentError(FIELD_ERRORS, message=_field_message(str(name), str(msg)), details=str(name)))

    def nested(self, d: dict[str, Any], depth: int) -> bool:
        """Whether envelopes were found inside a wrapper's values; every value is read, even
        after one is found, so that all the errors it wraps are kept."""
        nested = False
        for name, v in d.items():
            if str(name).lower() in _CAUSES and _message_of(_lower_keys(d)) is not None:
                continue  # what caused the error beside its own message (Okta's errorCauses): its details, read there
            if str(name).lower() in _ASSERTIONS:
                continue  # a test runner's checks of the response ("expected 409 to equal 200"): no error the API sent
            if isinstance(v, (dict, list, str)):
                nested = self.value(v, depth + 1, str(name).lower()) or nested
        return nested

    def facts(self, k: dict[str, Any]) -> None:
        """Status, URL and method a log record or SDK error states about the request."""
        for key in STATUS_KEYS:
            if self.r.status is None and key in k and (s := status_of(k[key])) is not None:
                self.r.status = s
        for key in ("url", "uri", "request_url", "requesturl", "endpoint", "path"):
            v = k.get(key)
            if self.r.url is None and isinstance(v, str) and (v.startswith(("http://", "https://", "/"))):
                self.r.url = v
        m = k.get("method") if not ("href" in k and "rel" in k) else None  # a link's method (PayPal's links[]) is not the call's
        if self.r.method is None and isinstance(m, str) and m.upper() in HTTP_METHODS:
            self.r.method = m.upper()

    def generic(self, k: dict[str, Any], error_object: bool = False) -> bool:
        """Bodies of the ``{"code", "message"}`` family, problem details and OAuth errors; ``error_object``: ``k`` is
        the value of an "error" key, whose "description" beside its "code" is its message (Razorpay's
        ``{"error": {"code": "BAD_REQUEST_ERROR", "description": "..."}}``; an invoice line's code and description are no
        error's)."""
        status = status_of(k.get("status") or k.get("statuscode"))
        if len(k) > 1 and all(key.rstrip("0123456789") in _LEVEL_NAMES for key in k):
            return False  # a table by level ("error", "warning", ...: lnav's format files), no error body
        if isinstance(k.get("error_description"), str) or (isinstance(k.get("error"), str) and "message" not in k):
            msg = k.get("error_description") or k.get("error")
            # a sentence under "error" is no code; a "code" beside it is ({"code":"service_unavailable","error":"..."})
            code = _oauth_code(k.get("error")) or (_code(k.get("code")) if "error_description" not in k else None)
            said = k.get("error")
            oauth = isinstance(k.get("error_description"), str) or (isinstance(said, str) and said in OAUTH_CODES)
            self.r.add(SentError(OAUTH if oauth else ERROR_FIELD, status=status, code=code, message=_text(msg)))
            return True
        if self.located(k, status):
            return True
        if "title" in k and ("detail" in k or "type" in k):
            self.r.add(SentError(PROBLEM, status=status, message=_text(k.get("detail") or k.get("title"))))
            return True
        if isinstance(k.get("title"), str) and ("code" in k or "description" in k):
            # JSON:API's error object ({"status", "code", "title"}), FreshBooks' {"title", "description"}
            said = next((k[m] for m in ("description", "title") if isinstance(k.get(m), str) and k[m].strip()), k["title"])
            self.r.add(SentError(CODE_MESSAGE, status=status, code=_code(k.get("code")), message=_text(said)))
            return True
        if isinstance(k.get("message"), dict):  # OData v2 (Exact Online, SAP, Dynamics): {"lang": "", "value": "..."}
            k = {**k, "message": _lower_keys(k["message"]).get("value")}
        msg, shape = _said(k, error_object)
        if msg is None:  # a sentence under "err" or "reason" ({"status":401,"err":"Missing credentials"}), no token
            msg = next((k[m] for m in _SENTENCE_KEYS if isinstance(k.get(m), str) and " " in k[m].strip()), None)
        if msg is None:
            return self.status_detail(k) or (error_object and self.code_alone(k, status))
        said = k.get("error") if isinstance(k.get("error"), str) else None
        # a sentence under "error" beside a log's message is what went wrong, no code (a Stripe error in a JSON log
        # record); a token under "reason" beside a message is (GoCardless's and Google's errors[].reason)
        reason = k.get("reason") if isinstance(k.get("reason"), str) and msg is not k.get("reason") else None
        code = (
            _code(k.get("code"))
            if "code" in k
            else _oauth_code(said)
            if said is not None
            else _code(_named_code(k)) or _code(_fault_detail_code(k)) or _oauth_code(reason)
        )
        if code in _AXIOS_STATUS_CODES and (k.get("name") == "AxiosError" or str(msg).startswith(_AXIOS_MESSAGE)):
            code = None  # axios's word for the status class (error.toJSON() of an AxiosError), no code of the API's
        code, status = self.google(k, code, status) if error_object else (code, status)
        # ASP.NET Web API's HttpError says "An error has occurred." and puts what happened beside it
        thrown = k.get("exceptionmessage")
        if not isinstance(thrown, str) and said is not None and code is None:
            thrown = said
        details = thrown if isinstance(thrown, str) and thrown != msg else _causes(k)
        if (said_here := self.settled(k, code, status, msg, details)) is None:
            return True
        msg, details = said_here
        self.r.add(SentError(shape, status=status, code=code, name=_error_name(k, code), message=msg, details=details))
        return True

    def google(self, k: dict[str, Any], code: str | None, status: int | None) -> tuple[str | None, int | None]:
        """The code and status of an "error" object: a Google-shaped one's integer "code" is the HTTP status, no code of
        the API's (see _GOOGLE_KEYS), and the exchange's status when nothing else stated one."""
        if status is not None or (stated := _google_status(k)) is None:
            return code, status
        self.r.status = self.r.status or stated
        return None, stated

    def settled(self, k: dict[str, Any], code: str | None, status: int | None, msg: str, details: Any) -> tuple[str, Any] | None:
        """The message and details of a generic error object (see generic), or None when the object reports success
        (code 0 and "ok": WeChat's {"errcode":0,"errmsg":"ok"}); a PHP warning beside the API's answer quoted in a client's
        summary gives way to the answer (see _PHP_WARNING)."""
        if code == "0" and status is None and _SUCCESS_WORDS.fullmatch(msg.strip()):
            self.r.notes.append(f"the body reports success (code 0, {msg.strip()!r}): no error was read from it")
            return None
        if "file" in k and (answered := _answer_beside_warning(msg, k.values())) is not None:
            return answered, msg
        return msg, details

    def code_alone(self, k: dict[str, Any], status: int | None) -> bool:
        """An item of an errors list that gives only its code (a tax authority's {"Erros": [{"Codigo": "E2220"}]}); one
        with more beside (GitHub's resource, field and code) leaves the message around it to be read."""
        code = _code(k.get("code")) or _code(_named_code(k))
        if code is None or len(k) > 1:
            return False
        self.r.add(SentError(OTHER_KEYS, status=status, code=code))
        return True

    def located(self, k: dict[str, Any], status: int | None) -> bool:
        """An error that says where in the request it is: JSON:API's "source" (a JSON pointer or a query
        parameter) or Pydantic's "loc" path ("body.price"), kept as its details."""
        source = _lower_keys(k["source"]) if isinstance(k.get("source"), dict) else {}
        where = source.get("pointer") or source.get("parameter") or source.get("header")
        said = next((k[m] for m in ("detail", "title") if isinstance(k.get(m), str) and k[m].strip()), None)
        if isinstance(where, str) and said is not None:
            self.r.add(SentError(JSONAPI, status=status, code=_code(k.get("code")), message=_text(said), details=where))
            return True
        loc = k.get("loc")
        if isinstance(loc, list) and loc and isinstance(k.get("msg"), str):
            kind = k.get("type") if isinstance(k.get("type"), str) else None
            path = ".".join(str(p) for p in loc[:20])
            self.r.add(SentError(LOC_MSG, status=status, code=_code(kind), message=_text(k["msg"]), details=path))
            return True
        return False

    def status_detail(self, k: dict[str, Any]) -> bool:
        """A payment protocol's "Status" word and "StatusDetail" (Sage Pay's, now Opayo's: "Status": "ERROR",
        "StatusDetail": "3377 : The ACS has provided ..."; PHP clients print_r it): the number leading the
        detail is its code, the rest its message."""
        detail, word = k.get("statusdetail"), k.get("status")
        if not isinstance(detail, str) or not isinstance(word, str) or word.strip().upper() in ("OK", "REGISTERED", ""):
            return False
        said = _STATUS_DETAIL.fullmatch(detail.strip())
        if said is None:
            return False
        self.r.add(SentError(CODE_MESSAGE, code=said["code"], message=_text(said["message"])))
        return True


# axios's codes for a response with an error status: 4xx is ERR_BAD_REQUEST and 5xx ERR_BAD_RESPONSE, whatever the API
# answered; its message then says "Request failed with status code 409"
_AXIOS_STATUS_CODES = frozenset({"ERR_BAD_REQUEST", "ERR_BAD_RESPONSE"})
_AXIOS_MESSAGE = "Request failed with status code"
_TYPE_NAME = re.compile(r"[A-Z][A-Za-z0-9]{2,80}")  # an exception's type: ThrottlingException, ResourceNotFoundException
_NAME_TOKEN = re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+")  # an error's name in capitals: INVALID_RESOURCE_ID
_STATUS_DETAIL = re.compile(r"(?P<code>\d{3,5})\s?:\s(?P<message>\S.{0,1999})", re.S)


# A key naming the code, with a namespace prefix or not: "errorCode", Salesforce's "exceptionCode" (Bulk API),
# NetSuite's "o:errorCode" (its REST web services' o:errorDetails), Chargebee's "api_error_code", WeChat's "errcode"
# SOAP's faultcode as a JSON gateway passes it on (Omie's "SOAP-ENV:Client-6"), a body's own responseCode beside its
# responseMessage (Expensify's 410 in an HTTP 200); Portuguese and Spanish APIs' "codigo" ("codigo_erro"), and their
# code of the answer's state: Mexico's SAT services' "cod_estatus" ({'cod_estatus': '301', 'mensaje': 'XML Mal Formado'})
_NAMED_CODE = re.compile(
    r"(?:[a-z]{1,10}[:_])?(?:(?:err(?:or)?|exception|fault|response)_?code|c[oó]digo(?:_?erro)?"
    r"|c[oó]d(?:igo)?_?e?stat(?:us|e)|cod_?err(?:o|or))"
)


# Google's error object ({"error": {"code": 401, "message": "...", "status": "UNAUTHENTICATED"}}, AIP-193) and those
# shaped like it (HipChat's {"error": {"code": 401, "message": "...", "type": "Unauthorized"}}): the number is the HTTP
# status the response carried, not a code of the API's own (none of the catalogued vendors' codes is one)
_GOOGLE_KEYS = frozenset({"code", "message", "status", "type", "errors", "details"})
_HTTP_STATUSES = frozenset(s.value for s in HTTPStatus)


def _google_status(k: dict[str, Any]) -> int | None:
    """The HTTP status a Google-shaped error object states as its integer "code" (see _GOOGLE_KEYS)."""
    said = k.get("code")
    if not isinstance(said, int) or isinstance(said, bool) or not isinstance(k.get("message"), str):
        return None
    named = k.get("status") if isinstance(k.get("status"), str) else k.get("type")
    if not isinstance(named, str) or not k.keys() <= _GOOGLE_KEYS:
        return None
    return said if said >= 400 and said in _HTTP_STATUSES else None


def _error_name(k: dict[str, Any], code: str | None) -> str | None:
    """The name of an error object with no code: a name in capitals (INVALID_RESOURCE_ID), else AWS JSON's __type's last
    part ("com.amazonaws...#ThrottlingException")."""
    if code is not None:
        return None
    if isinstance(k.get("name"), str) and _NAME_TOKEN.fullmatch(k["name"]):
        return str(k["name"])
    thrown_type = k["__type"].rsplit("#", 1)[-1] if isinstance(k.get("__type"), str) else ""
    return thrown_type if _TYPE_NAME.fullmatch(thrown_type) else None


def _named_code(k: dict[str, Any]) -> Any:
    return next((v for key, v in k.items() if _NAMED_CODE.fullmatch(key)), None)


def _fault_detail_code(k: dict[str, Any]) -> Any:
    """The code an API gateway's fault puts in its detail (Apigee's {"fault": {"faultstring": ..., "detail":
    {"errorcode": "oauth.v2.InvalidApiKey"}}})."""
    detail = k.get("detail")
    return _named_code(_lower_keys(detail)) if isinstance(detail, dict) else None


def _message_of(k: dict[str, Any]) -> str | None:
    """An error object's message under a key many APIs share (see _MESSAGE_KEYS and _OTHER_MESSAGE_KEYS), else under
    any key naming a message."""
    said = next((k[m] for m in (*_MESSAGE_KEYS, *_OTHER_MESSAGE_KEYS) if isinstance(k.get(m), str)), None)
    return _any_message(k) if said is None else said


def _said(k: dict[str, Any], error_object: bool) -> tuple[str | None, Shape]:
    """The message of a ``{"code", "message"}``-family object and its shape: under a key the vendors share with others
    (CODE_MESSAGE), else under another API's key or an error's description alone in an errors list (Moloni's): OTHER_KEYS."""
    msg = next((k[m] for m in _MESSAGE_KEYS if isinstance(k.get(m), str)), None)
    if msg is None and error_object and "code" in k and isinstance(k.get("description"), str) and k["description"].strip():
        msg = k["description"]
    if msg is not None:
        return msg, CODE_MESSAGE
    return _message_of(k) or (_description(k) if error_object else None), OTHER_KEYS


def _description(k: dict[str, Any]) -> str | None:
    return next((k[m] for m in _DESCRIPTION_KEYS if isinstance(k.get(m), str) and k[m].strip()), None)


def _causes(k: dict[str, Any]) -> str | None:
    """What an error lists as its causes (Okta's errorCauses: [{"errorSummary": ...}]), one line."""
    said: list[Any] = next((k[c] for c in _CAUSES if isinstance(k.get(c), list)), [])
    found = [m for c in said[:20] if isinstance(c, dict) and (m := _message_of(_lower_keys(c)))]
    return "; ".join(found)[:MAX_TEXT] or None


# what a reply that succeeded says beside its code 0 (WeChat's {"errcode":0,"errmsg":"ok"}, {"code":0,"message":"success"})
_SUCCESS_WORDS = re.compile(r"(?i:ok|success(?:ful(?:ly)?)?|succeeded|sucesso|[eé]xito|成功)[.!]?")
# A PHP warning the client's own code raised ("simplexml_load_string(): Entity: line 1: parser error : ..."), as a
# wrapper's error document reports it with the file and line that raised it; beside it, Guzzle's summary of the response
# quotes the API's own answer after "response:" (rpsimao/invoicexpress-api's api_msg, blind37-0/1)
_PHP_WARNING = re.compile(r"[a-z_][a-z0-9_]{1,60}\(\): \S")
_GUZZLE_ANSWER = re.compile(r"resulted in a `[1-5]\d\d[^`\n]{0,60}` response:\s{0,40}([^\s<][^\n<]{0,1999})")


def _answer_beside_warning(message: str, beside: Iterable[Any]) -> str | None:
    """The API's answer a client's summary quotes beside ``message`` when that is a PHP warning (see _PHP_WARNING)."""
    if not _PHP_WARNING.match(message):
        return None
    said = next((m for v in beside if isinstance(v, str) and "resulted in a" in v and (m := _GUZZLE_ANSWER.search(v))), None)
    return said.group(1).strip() if said else None


_MESSAGE_KEYS = ("message", "msg", "detail", "error_message", "errormessage", "errormsg", "error_msg", "exceptionmessage")
# SOAP's faultstring (a gateway's JSON fault: Apigee's, Omie's), Okta's errorSummary, WeChat's and DingTalk's errmsg
# (beside errcode), Portuguese and Spanish APIs' own words: keys no catalogued vendor sends (read as OTHER_KEYS)
_OTHER_MESSAGE_KEYS = ("faultstring", "errorsummary", "errmsg", "mensagem", "mensaje")
# where an error object in an errors list or under "error" describes itself: English (Mastercard Gateway's "explanation"
# beside its "cause"), Portuguese, Spanish (its "detalle" beside a "código": {"errores": [{"código": "5", "detalle": ...}]})
_DESCRIPTION_KEYS = (
    "description", "descricao", "descrição", "descripcion", "descripción", "explanation", "detalle", "detalhe",
)  # fmt: skip
# keys holding errors: an object in a list under one (or the value of one) is an error, whatever its fields
_ERROR_CONTAINERS = frozenset({"error", "errors", "erros", "errores", "fault"})
# A test runner's report beside the response it checked: bru run's "assertionResults"/"testResults", newman's
# "assertions"; their "error" is the test's ("expected 409 to equal 200"), its numbers are no response's
_ASSERTIONS = frozenset({"assertionresults", "testresults", "assertions"})
_CAUSES = ("errorcauses", "causes")
# keys some APIs put their message under, read only when it is a sentence: "reason":"rateLimitExceeded" is a code
_SENTENCE_KEYS = ("err", "reason")


_LEVEL_NAMES = frozenset(("error", "warning", "warn", "info", "debug", "trace", "notice", "fatal", "critical", "stats"))


def _loads(text: str) -> Any:
    try:
        return DECODER.decode(text)
    except (ValueError, RecursionError):
        return None


# made once: making one costs as much as decoding a short body. Not strict: a string may hold a raw line break, as
# a body a terminal or an editor wrapped inside its message is pasted.
_PLAIN_DECODER = json.JSONDecoder(strict=False)
_JSON_START = re.compile(r"[{\[](?=\s*[\"'{\[\]}])")
# A lenient "key": value pair (also Ruby's "key"=>value and :key=>value, PHP's 'key' => value).
# A double quote inside a string value is kept when it is not followed by a separator or the next
# key (the vendors' own documents print "Expense" unescaped inside a message), and a bare word is
# taken as a string value (MYOB documents `"ErrorCode" : AccessDenied`). A Python 2 repr's u'...' (and a bytes
# repr's b'...') is its string.
# (and a bare key opening an object or following a comma, before a quoted value or a number: Node's util.inspect and a JS
# literal print { Message: 'A business validation error ...', code: '6000' }, a help page { ErrorCode: 4005, ... })
_KEY = (
    r"""(?:(["'])(\$?[A-Za-z_][\w$-]{0,63})\1"""
    r"""|(?::(?=[A-Za-z_]\w{0,63}\s*=>)|(?<=[{,])\s*(?=[A-Za-z_]\w{0,63}[ \t]*:[ \t]*(?:["']|-?\d)))([A-Za-z_]\w{0,63}))"""
    r"""\s*(?::|=>)\s*"""
)
_PAIR = re.compile(
    _KEY + r"""(?:[uUbB](?=["']))?"""
    r"""("(?:[^"\\\n]|\\.|"(?![ \t]*(?:[,}\]:]|=>|$|"[$\w-]{1,64}"[ \t]*(?::|=>)))){0,4000}"|'(?:[^'\\\n]|\\.){0,4000}'"""
    r"""|-?\d+(?:\.\d+)?(?![\w.])|null|NULL|None|nil|true|True|false|False|[A-Za-z_]\w{0,63})""",
    re.MULTILINE,
)
# The paste stops inside a string value: "Message": "The s<end>. The value is taken whole (possessive): giving back a
# character never lets the blanks after it reach the end, and each give-back read the blanks to their end again (a value
# of 64,000 blanks then a word: 3.9 s of CPU, 4,000 give-backs a start). The same matches.
_CUT_PAIR = re.compile(_KEY + r"""(["'])((?:(?!\4)[^\\\n]|\\.){0,4000}+)\s*\Z""")
# An "Errors" key in any syntax (JSON, a repr, a dump): the objects around it are MYOB error bodies.
_ERRORS_KEY = re.compile(r"""(?:["'\[:]|^[ \t]*+)Errors["'\]]?\s*(?::|=>)""", re.MULTILINE)  # ^\s*: quadratic on blank lines
# InvoiceXpress's "errors" holding "error" objects in any syntax: JSON cut short, a Python repr, Ruby's inspect, Elixir's
# map (%{"error" => ...}), PHP's
# print_r ("[errors] => Array ( [0] => Array ( [error] => ...") and var_dump of json_decode's object ('["errors"]=>
# array(1) { [0]=> object(stdClass)#2 (1) { ["error"]=> string(52) "..."'); read leniently, those lone "error" pairs
# are its errors
_PHP_CONTAINER = r"""(?:(?:Array|array\(\d{1,9}\)|object\([\w\\]{1,100}\)#\d{1,9}\s\(\d{1,9}\))\s{0,40}[({]\s{0,40})?"""
_IX_ERRORS_KEY = re.compile(
    r"""["'\[:]errors["'\]]{0,2}\s{0,40}(?::|=>)\s{0,40}""" + _PHP_CONTAINER + r"""[\[{(]?\s{0,40}"""
    r"""(?:(?:\[0\]|0)\s{0,40}=>\s{0,40}""" + _PHP_CONTAINER + r""")?"""
    r"""%?[{(]?\s{0,40}["'\[:]{1,2}error["'\]]{0,2}\s{0,40}(?::|=>)"""
)
_LITERALS: dict[str, Any] = {
    "null": None, "NULL": None, "None": None, "nil": None, "true": True, "True": True, "false": False, "False": False,
}  # fmt: skip
# A lazy body up to its closing tag: searched only in the text before the last closing tag (see
# _closed), so an opening tag repeated with no end never scans the rest of the text from each one.
_XML_ERRORS = re.compile(r"<errors\b[^>]{0,500}>(.*?)</errors\s*>", re.IGNORECASE | re.DOTALL)
_XML_ERROR = re.compile(r"<error\b[^>]{0,500}>(.*?)</error\s*>", re.IGNORECASE | re.DOTALL)
_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.DOTALL)
_ERRORS_CLOSE = re.compile(r"</errors\s*>", re.IGNORECASE)
_XML_ERRORS_OPEN = re.compile(r"<errors\b[^>]{0,500}>", re.IGNORECASE)
_ERROR_CLOSE = re.compile(r"</error\s*>", re.IGNORECASE)
_CDATA_CLOSE = re.compile(r"\]\]>")
# An element of an XML error document and its text (namespace prefix dropped): <Message>, <sdata:message>,
# Sage Intacct's <errorno> and <description2> (its <description> is mostly empty)
# (attributes allowed: Recurly's <description lang="en-US">), Recurly's <symbol>, <error_code> and <merchant_message>,
# Infor SunSystems' <Message Level="error"><UserText>
# The text's blanks are taken without giving back (the caller strips them): as \s*, a lazy text and \s* they could be
# split three ways, and a tag then 2,000 blanks with no closing tag took 5 s of CPU (64 KB of them: hours).
_XML_FIELD = re.compile(
    r"<(?:[\w.-]{1,40}:)?(message|errormessage|merchant_message|customer_message|usertext|description2?|detail|errorcode|error_code"
    r"|sdatacode|errornumber|errorno|code|symbol|severity|type|faultstring|faultcode)(?:\s[^<>]{0,200})?>"
    r"(?:\s*+(?!<)|\s*(?=\s</))([^<]{1,2000}+)\s*+</",
    re.IGNORECASE,
)
# A message element the text stops inside: nothing after its start tag closes it.
_XML_CUT_MESSAGE = re.compile(r"<(?:[\w.-]{1,40}:)?(?:message|errormessage|description)>\s*([^<]{1,2000})\Z", re.IGNORECASE)
_XML_MESSAGES = (
    "message", "errormessage", "merchant_message", "customer_message", "usertext", "description", "description2",
)  # fmt: skip
# a bare <Code> last: Amazon's <Error><Code>AccessDenied</Code>, NetSuite's <platformFaults:code>; a named one first
_XML_CODES = ("errorcode", "error_code", "sdatacode", "errornumber", "errorno", "symbol", "code", "faultcode")  # SOAP's last
# One <Error ...>...</Error> of a document that lists several (an Intuit Fault); not <Errors>, <ErrorCode>
_XML_ANY_ERROR = re.compile(r"<(?:[\w.-]{1,40}:)?error\b([^>]{0,500})>(.*?)</(?:[\w.-]{1,40}:)?error\s*>", re.I | re.S)
_ANY_ERROR_CLOSE = re.compile(r"</(?:[\w.-]{1,40}:)?error\s*>", re.IGNORECASE)
_CODE_ATTR = re.compile(r"""\b(?:code|symbol)\s*=\s*["']([^"'<>]{1,64})["']""", re.IGNORECASE)
# Recurly's (and ActiveResource's) <error field="account.email" symbol="invalid_email">text</error>: InvoiceXpress's
# <error> carries no attribute, so one that does is another API's, its text the message and its field the detail
_ATTRIBUTED_ERROR = re.compile(r"<error\s+[\w:-]{1,40}\s*=", re.IGNORECASE)
_FIELD_ATTR = re.compile(r"""\bfield\s*=\s*["']([^"'<>]{1,200})["']""", re.IGNORECASE)
_CHILD_ELEMENT = re.compile(r"<[A-Za-z]")
# What JSON (or a language's dump) opens with: a brace or bracket, then a quoted key or string. A brace alone is
# not JSON: a Windows CLSID in an error's message ({32F9466C-...}) is text.
_JSON_OPENING = re.compile(r"""[{\[]\s*["']""")
_HTML_PAGE = re.compile(r"<(?:!doctype\s+html|html\b|body\b)", re.IGNORECASE)
# A key in typographic double quotes (“errors”: or ”error”:), as a page typesets JSON it quotes.
_CURLY_KEY = re.compile(r"[\u201c\u201d\u201e][\w$-]{1,64}[\u201c\u201d]\s*:")
_STRAIGHT = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"'})


def _json_values(body: str, reading: Reading) -> Iterator[tuple[Any, str | None]]:
    """Every JSON value embedded in the text, left to right (a log prefix or suffix is skipped), with its text
    when that is short enough to recognise a repeat of it by."""
    decoder = _PLAIN_DECODER
    pos = 0
    failures = 0
    while failures < MAX_DECODE_ATTEMPTS:
        m = _JSON_START.search(body, pos)
        if not m:
            return
        try:
            value, end = decoder.raw_decode(body, m.start())
        except ValueError:
            failures += 1
            pos = m.start() + 1
            continue
        except RecursionError:
            reading.notes.append("JSON nested too deeply to read; read as text")
            return
        if isinstance(value, (dict, list)) and value:
            yield value, body[m.start() : end] if end - m.start() <= MAX_REPEAT_TEXT else None
        pos = end


def _string_value(raw: str) -> Any:
    if raw[0] == "'":
        value = _loads('"' + raw[1:-1].replace('"', '\\"').replace("\\'", "'") + '"')
    else:
        value = _loads(raw)
    return raw[1:-1] if value is None else value


def _lenient_objects(body: str) -> tuple[list[dict[str, Any]], str | None]:
    """Key/value pairs of malformed or truncated JSON (or a repr or dump), grouped into objects.

    A new object starts whenever a key repeats, which is how consecutive error bodies look. The
    second value is the start of the string the text stops inside (kept as its value), or None.
    """
    objects: list[dict[str, Any]] = []
    current: dict[str, Any] = {}
    last = 0
    for m in _PAIR.finditer(body):
        key, raw = m.group(2) or m.group(3), m.group(4)
        if key in current:
            objects.append(current)
            current = {}
        if raw[0] in "\"'":
            value: Any = _string_value(raw)
        else:
            value = _LITERALS[raw] if raw in _LITERALS else _int_or_text(raw)
        current[key] = value
        last = m.end()
    cut = _CUT_PAIR.search(body, last)
    if cut:
        key = cut.group(2) or cut.group(3)
        if key in current:
            objects.append(current)
            current = {}
        current[key] = cut.group(5).strip()
    if current:
        objects.append(current)
    return objects, current[key] if cut else None


def _xml(body: str, reading: Reading) -> bool:
    """An ``<errors>`` block's errors; a block the paste stops inside (a forum post cut short, or a
    body past the paste cap) gives the errors it closes before the cut."""
    if "</" not in body:  # no closing tag, no block: most bodies are not XML
        return False
    from html import unescape

    if _ATTRIBUTED_ERROR.search(body[:MAX_LENIENT_TEXT]):
        return False  # not InvoiceXpress's: read as another API's document
    block = _XML_ERRORS.search(_closed(body, _ERRORS_CLOSE))
    opened = None if block else _XML_ERRORS_OPEN.search(body)
    if not block and not opened:
        return False
    inside = block.group(1) if block else body[opened.end() :] if opened else ""
    for m in _XML_ERROR.finditer(_closed(inside, _ERROR_CLOSE)):
        inner = m.group(1)
        unwrapped = _closed(inner, _CDATA_CLOSE)
        text = _CDATA.sub(r"\1", unwrapped) + inner[len(unwrapped) :]
        if _CHILD_ELEMENT.search(_CDATA.sub("", unwrapped) + inner[len(unwrapped) :]):
            continue  # an <error> of elements is another API's (Xero's <Error><Description>): not IX's text
        reading.add(SentError(IX_XML, message=unescape(text).strip()))
    if block and not reading.errors:
        return False
    if opened:
        if not reading.errors:  # no whole error before the cut: read the text otherwise
            return False
        reading.cut = True
        reading.notes.append("the paste stops in the middle of the body (cut short); what is there was read")
    return True


def _without_cdata(text: str) -> str:
    """``text`` with each closed ``<![CDATA[...]]>`` section replaced by its text, escaped: an element's text in a
    section (PrestaShop's ``<message><![CDATA[...]]></message>``, FacturaDirecta's ``<errorMessage>``) is read as the
    element's text. Only up to the last ``]]>``: a lazy search for it from an unclosed start would rescan the rest."""
    from html import escape

    closed = _closed(text, _CDATA_CLOSE)
    if not closed:
        return text
    return _CDATA.sub(lambda m: escape(m.group(1), quote=False), closed) + text[len(closed) :]


def _xml_document(body: str, reading: Reading) -> bool:
    """Another API's XML error document, element by element: each ``<Error>`` it lists (else the
    document as one error) with its message, code, detail and severity. Not an HTML page, nor
    JSON that quotes XML; False when no element holds a message."""
    if "</" not in body or (body[0] != "<" and _JSON_OPENING.search(body)) or _HTML_PAGE.search(body[:4096]):
        return False  # no closing tag; JSON (its strings may quote XML, a log may hold a request's XML; an XML
        # document's text may hold ["foo"]); a web page
    from html import unescape

    head = _without_cdata(body[:MAX_LENIENT_TEXT])
    elements = [(m.group(1), m.group(2)) for m in _XML_ANY_ERROR.finditer(_closed(head, _ANY_ERROR_CLOSE))]
    for attrs, inner in elements or [("", head)]:
        fields: dict[str, str] = {}
        for m in _XML_FIELD.finditer(inner):
            fields.setdefault(m.group(1).lower(), unescape(m.group(2)).strip())
        # a SOAP fault's faultstring is its message when its detail holds none of its own (NetSuite's platformFaults:message)
        message = next((fields[k] for k in fields if k in _XML_MESSAGES), None) or fields.get("detail")
        message = message or fields.get("faultstring")
        field = _FIELD_ATTR.search(attrs)
        if not fields and field and not _CHILD_ELEMENT.search(inner):  # <error field=... symbol=...>text</error>
            message = unescape(inner).strip()
            fields["detail"] = f"field {field.group(1)}"
        cut = _XML_CUT_MESSAGE.search(inner) if not message and fields.keys() & {*_XML_CODES, "severity"} else None
        if cut:  # the paste stops inside the message (a post's first lines): its start is the message
            message = unescape(cut.group(1)).strip()
        if not message:
            continue
        details = fields.get("detail") if fields.get("detail") != message else None
        if (answered := _answer_beside_warning(message, [inner])) is not None:
            message, details = unescape(answered), message
        code = _CODE_ATTR.search(attrs)
        reading.add(
            SentError(
                XML_ERROR,
                code=code.group(1) if code else next((fields[k] for k in _XML_CODES if k in fields), None),
                name=fields.get("type"),
                message=message,
                details=details,
                severity=fields.get("severity"),
                cut=bool(cut),
            )
        )
    return bool(reading.errors)


# XML-RPC's fault: a struct of two members, <name>faultCode</name> over an <int> (or <i4>) and <name>faultString</name>.
# The value's blanks are taken without giving back, and its lazy text never ends between two blanks (the blanks
# before </value> are then tried once a run, not once a character): <value> and 1,000 blanks took 0.7 s of CPU.
_XMLRPC_FAULT = re.compile(r"<methodResponse\b[^>]{0,200}>\s*<fault\s*>(.*?)</fault\s*>", re.IGNORECASE | re.DOTALL)
_XMLRPC_MEMBER = re.compile(
    r"<name>\s*(faultCode|faultString)\s*</name>\s*<value>\s*+(?:<(?:int|i4|string)>)?(.{0,8000}?)(?!(?<=\s)\s)"
    r"(?:</(?:int|i4|string)>)?\s*+</value>",
    re.IGNORECASE | re.DOTALL,
)
_TRACEBACK_HEADER = "Traceback (most recent call last)"


# Python's repr of the same fault: xmlrpc.client.Fault: <Fault 2: 'None'> (Odoo's empty UserError)
_FAULT_REPR = re.compile(r"<Fault (-?\d{1,12}): (['\"])(.{0,4000}?)\2>", re.DOTALL)


def _xmlrpc_fault(body: str, reading: Reading) -> bool:
    """An XML-RPC fault: its faultCode is the code and its faultString the message. A faultString
    that is a server's Python traceback (Odoo's) says its error on its last line: the frames say where."""
    head = body[:MAX_LENIENT_TEXT]
    lower = head.lower()
    if "<fault" not in lower:
        return False
    # each pattern is tried at its first opening only: a hostile run of openings never closed stays linear
    opened, said_at = lower.find("<methodresponse"), head.find("<Fault ")
    fault = _XMLRPC_FAULT.match(head, opened) if opened != -1 else None
    said = _FAULT_REPR.match(head, said_at) if fault is None and said_at != -1 else None
    if said is not None:
        text = said.group(3).replace("\\n", "\n").strip()
        members = {"faultcode": said.group(1), "faultstring": "" if text == "None" else text}
    elif fault is None:
        return False
    else:
        from html import unescape

        members = {m.group(1).lower(): unescape(m.group(2)).strip() for m in _XMLRPC_MEMBER.finditer(fault.group(1))}
    message = members.get("faultstring") or None
    if message and _TRACEBACK_HEADER in message:
        message = next((line.strip() for line in reversed(message.split("\n")) if line.strip()), None)
    code = members.get("faultcode") or None
    if message is None and code is None:
        return False
    reading.add(SentError(XMLRPC_FAULT, code=code, message=message))
    return True


_OAUTH1_PROBLEM = re.compile(
    r"(?<![\w%])oauth_problem=([A-Za-z_]{1,64}+(?:(?:%20|\+)[A-Za-z_]{1,64}+){0,8}+)(?![\w=%])"
    r"(?:&oauth_problem_advice=([^&\s\"'<>]{1,2000}))?"
)


def _oauth1_problem(body: str, reading: Reading) -> bool:
    """An OAuth 1.0a problem report: its oauth_problem is the code, its URL-encoded advice the message."""
    if "oauth_problem=" not in body[:MAX_LENIENT_TEXT]:
        return False
    found = _OAUTH1_PROBLEM.search(body[:MAX_LENIENT_TEXT])
    if found is None:
        return False
    from urllib.parse import unquote_plus

    advice = unquote_plus(found.group(2)).strip() if found.group(2) else None
    problem = unquote_plus(found.group(1))  # Xero's "rate%20limit%20exceeded" is one problem, not "rate"
    reading.add(SentError(OAUTH1_PROBLEM, code=problem, message=advice or problem))
    return True


def _closed(text: str, close: re.Pattern[str]) -> str:
    """``text`` up to the end of its last closing tag ("" when it has none): where a lazy search
    for that tag can succeed at all."""
    end = 0
    for m in close.finditer(text):
        end = m.end()
    return text[:end]


def read_body(body: str) -> Reading:
    """Every error in a body, in order, with the envelope each was found in."""
    reading = Reading()
    reader = _Reader(reading)
    stripped = body.strip()
    if not stripped:
        return reading
    stripped = _unquoted(stripped)
    if not stripped:  # '""': an empty quoted body
        return reading
    if "\\x" in stripped:
        stripped = _BYTE_ESCAPES.sub(_utf8_run, stripped)
    if _xml(stripped, reading) or _xmlrpc_fault(stripped, reading) or _xml_document(stripped, reading):
        return reading
    if _oauth1_problem(stripped, reading):
        return reading
    whole = _plain_json(stripped) if stripped[0] in "{[" else None
    if isinstance(whole, list) and _sentences(whole):  # the whole body a bare array of sentences: its errors
        reading.add_all(SentError(MESSAGE_LIST, message=i) for i in whole)
        return reading
    if _read_json(stripped, reader):
        return _wrapped_body(whole, reading) if whole is not None and _only_messages(reading) else reading
    if whole is not None:  # valid JSON, no envelope: its pairs read leniently would mix its objects
        return _within_strings(whole, reading)  # (lnav's level table read as an OAuth error)
    retried = _requoted(stripped)
    if retried is not None:
        return retried
    if (inspected := _inspected(stripped)) is not None and reader.value(inspected[0]):
        reading.notes.append(f"the body is not valid JSON; it was read as the object {inspected[1]} printed")
        return reading
    _read_leniently(stripped, reader)
    return reading


# Node's util.inspect of an object, as console.log prints an SDK's error (Razorpay's Node SDK: "{ statusCode: 400,
# error: { code: 'BAD_REQUEST_ERROR', description: '...' } }"): bare keys, single-quoted strings, [Object] past its
# depth. A string starts at a quote no backslash escapes, so an attempt that finds no closing quote scans to its
# line's end once, not once per escaped quote ("\\'" repeated 30,000 times took 4.7 s).
_NODE_TOKEN = re.compile(
    r"(?<!\\)'((?:[^'\\\n]|\\.){0,4000})'|(?<!\\)\"(?:[^\"\\\n]|\\.){0,4000}\"|(?<![\w$.])([A-Za-z_$][\w$]{0,63})(?=[ \t]*:)"
    r"|\[(?:Object|Array)\]|\bundefined\b"
)


def _node_token(m: re.Match[str]) -> str:
    if m.group(1) is not None:
        return json.dumps(m.group(1).replace("\\'", "'"))
    if m.group(2) is not None:
        return f'"{m.group(2)}"'
    return m.group(0) if m.group(0).startswith('"') else "null"


def _node_inspected(text: str) -> Any:
    """The value a Node util.inspect print of an object stands for (see _NODE_TOKEN), or None when the text is no
    such print (a rewritten text that is not JSON)."""
    if len(text) > MAX_LENIENT_TEXT or ": '" not in text:
        return None
    value = _plain_json(_NODE_TOKEN.sub(_node_token, text))
    return value if isinstance(value, dict) else None


# Elixir's inspect of a decoded body, or of a struct that holds one (Req's %Req.Response{status: 422, body: %{"errors" =>
# [%{"error" => "..."}]}}): %{...} and %Name{...} are objects, "key" => value and key: value their pairs, nil is null.
# Read pair by pair, a struct's own fields (status: 422) joined the body's first error object.
_ELIXIR_TOKEN = re.compile(r'(?<!\\)"(?:[^"\\\n]|\\.){0,4000}"|%[\w.]{0,100}\{|=>|(?<![\w:."])([a-z_]\w{0,63}):(?=[ \t])|\bnil\b')
_ELIXIR_START = re.compile(r"^%[\w.]{0,100}\{", re.MULTILINE)


def _elixir_token(m: re.Match[str]) -> str:
    said = m.group(0)
    if m.group(1) is not None:
        return f'"{m.group(1)}":'
    return {"=>": ":", "nil": "null"}.get(said, "{" if said[0] == "%" else said)


def _inspected(text: str) -> tuple[Any, str] | None:
    """The object a program's print of a value stands for, and which program's print it is: Node's util.inspect (see
    _NODE_TOKEN) or Elixir's inspect (see _ELIXIR_TOKEN); None when the text is neither."""
    if text[0] == "{" and (node := _node_inspected(text)) is not None:
        return node, "a program (bare keys, single quotes)"
    start = _ELIXIR_START.search(text, 0, 4096) if "%" in text[:4096] and len(text) <= MAX_LENIENT_TEXT else None
    value = _plain_json(_ELIXIR_TOKEN.sub(_elixir_token, text[start.start() :])) if start else None
    return (value, "Elixir") if isinstance(value, dict) else None


def _requoted(text: str) -> Reading | None:
    """The errors of JSON quoted as no parser reads it, once its quotes are put right: escaped inside
    a log line (one level unescaped), or typeset by a help page or a word processor ({“errors”:[…]})."""
    if '\\"' in text:
        inner = read_body(text.replace("\\\\", "\x00").replace('\\"', '"').replace("\x00", "\\"))
        if inner.errors:
            return inner
    if _CURLY_KEY.search(text) or _CURLY_VALUE.search(text):
        inner = read_body(text.translate(_STRAIGHT))
        if inner.errors:
            inner.notes.append("the body's typographic quotes (“ ”) were read as JSON's straight quotes")
            return inner
    return None


# A bare key before a value in typographic quotes ({ message: “…” }), as a page typesets a JavaScript object it quotes
_CURLY_VALUE = re.compile(r"[{,]\s*[A-Za-z_$][\w$]{0,63}[ \t]*:[ \t]*[\u201c\u201e]")


def _plain_json(text: str) -> Any:
    """The JSON value the text is whole, read as ``_read_json`` reads (an integer of 5,000 digits
    fails there and is read leniently), or None."""
    try:
        return _PLAIN_DECODER.decode(text)
    except (ValueError, RecursionError):
        return None


def _within_strings(whole: Any, reading: Reading) -> Reading:
    """The errors in the strings of a valid JSON value with no envelope of its own (a body escaped
    in a log record's message, a Python repr), with the facts the value stated."""
    inner = read_body("\n".join(_quoting_strings(whole)))
    if not inner.errors:
        return reading
    inner.status, inner.url = inner.status or reading.status, inner.url or reading.url
    inner.method = inner.method or reading.method
    return inner


def _only_messages(reading: Reading) -> bool:
    """Whether every error read is a bare message (no code, no name, no vendor's shape): a tool's own words may be
    all it is."""
    return bool(reading.errors) and all(e.shape is MESSAGE_BODY and e.code is None and e.name is None for e in reading.errors)


def _wrapped_body(whole: Any, reading: Reading) -> Reading:
    """A tool's error document whose own message is only its summary and whose string quotes the response body:
    n8n's error details ({"errorMessage": "Your request is invalid or could not be processed by the service",
    "errorDetails": {"rawErrorMessage": ["422 - \\"{\\\\\\"errors\\\\\\":[...]}\\""]}}, request-promise's message
    escaped once more). The body's errors are the response's when they say more than the summary: a code, a name
    or a vendor's shape."""
    inner = _within_strings(whole, reading)
    if inner is reading or not any(e.code or e.name or e.shape.weight > 0 for e in inner.errors):
        return reading
    inner.notes.append("the document's own message was read as a summary; the errors are those of the body it quotes")
    return inner


def _quoting_strings(value: Any) -> Iterator[str]:
    """The strings inside a JSON value that hold a quote (where a dumped object may be)."""
    todo, seen = [value], 0
    while todo and seen < MAX_NODES:
        v = todo.pop()
        seen += 1
        if isinstance(v, str):
            if "'" in v or '"' in v:
                yield v
        elif isinstance(v, dict):
            todo.extend(reversed(v.values()))
        elif isinstance(v, list):
            todo.extend(reversed(v))


# A body printed as Python bytes (urllib's e.read(), requests' r.content) escapes each byte past ASCII: b'{"error":
# "N\xc3\xa3o \xc3\xa9 poss\xc3\xadvel"}'. A run of such escapes that is UTF-8 is read as the text it encodes.
_BYTE_ESCAPES = re.compile(r"(?:\\x[0-9a-fA-F]{2}){2,}")


def _utf8_run(m: re.Match[str]) -> str:
    raw = bytes.fromhex(m.group(0).replace("\\x", ""))
    try:
        return raw.decode("utf-8") if max(raw) >= 0x80 else m.group(0)
    except UnicodeDecodeError:
        return m.group(0)


def _unquoted(stripped: str) -> str:
    """A whole body JSON-encoded inside a string is read as the string it encodes."""
    if stripped[0] == '"' and stripped[-1] == '"':
        decoded = _loads(stripped)
        if isinstance(decoded, str):
            return decoded
    return stripped


class _Read(NamedTuple):
    """What reading one JSON value found: a repeat of its text adds the same without reading it again."""

    found: bool
    nodes: int
    errors: tuple[SentError, ...]


def _read_json(stripped: str, reader: _Reader) -> bool:
    """Read the JSON values embedded in the body; whether any envelope was found in them. A value whose
    text repeats one read before (a log of the same body on every line: 34,000 in 2 MB) is not walked
    again: what the first found is added again, node count and errors, as reading it would add them (a
    value's facts, status, URL and method, were kept by the first read)."""
    reading = reader.r
    found = False
    read: dict[str, _Read] = {}
    for value, text in _json_values(stripped, reading):
        again = read.get(text) if text is not None else None
        if again is not None and reading.nodes + again.nodes <= MAX_NODES:
            reading.nodes += again.nodes
            reading.add_all(again.errors)
            found = again.found or found
            continue
        nodes, kept, total = reading.nodes, len(reading.errors), reading.total
        one = reader.value(value)
        found = one or found
        if text is not None and len(read) < MAX_REPEATS and reading.total - total == len(reading.errors) - kept:
            read[text] = _Read(one, reading.nodes - nodes, tuple(reading.errors[kept:]))
        if reading.nodes > MAX_NODES:
            reading.notes.append(f"body too large to read whole; stopped after {MAX_NODES:,} JSON values")
            break
    return found


def _read_leniently(stripped: str, reader: _Reader) -> None:
    """Read a body that is not valid JSON (malformed, cut short or a language dump) pair by pair."""
    from .dumps import rewrite

    reading = reader.r
    dumped = rewrite(stripped, MAX_LENIENT_TEXT)
    pairs_text = dumped[0] if dumped else stripped
    if len(pairs_text) > MAX_LENIENT_TEXT:  # pair by pair costs ~30 us: a 2 MB run of pairs would take 8 s
        reading.notes.append(f"the body is not valid JSON; only its first {MAX_LENIENT_TEXT:,} characters were read leniently")
        pairs_text = pairs_text[:MAX_LENIENT_TEXT]
    objects, cut_value = _lenient_objects(pairs_text)
    cut = cut_value is not None or bool(dumped and dumped[1])
    reader.in_errors = bool(_ERRORS_KEY.search(stripped))
    reader.ix_errors = bool(_IX_ERRORS_KEY.search(stripped, 0, MAX_LENIENT_TEXT))
    for obj in objects:
        reader.value(obj)
    if reading.errors:
        looks_dumped = bool(dumped) or (
            not stripped.lstrip().startswith(("{", "[")) and bool(_DUMP_SYNTAX.search(stripped[:MAX_LENIENT_TEXT]))
        )
        # the last error's message is only a start when the text stops inside it; a body cut in a later field (Guzzle's
        # and Laravel's 120-character summary ending in "AdditionalDetails": "Hea (truncated...)) keeps a whole message
        last = reading.errors[-1].message
        whole = bool(cut_value and last and cut_value not in last and last not in cut_value) and not (dumped and dumped[1])
        _note_lenient(reading, cut, looks_dumped, message_cut=cut and not whole)


# What only a language's own print of a value holds: a quoted key in single quotes (Python), "=>" (Ruby, PHP), or
# a Python or Ruby literal. JSON with text before it and cut short ("Response body: `{ "Message": ...") holds none.
_DUMP_SYNTAX = re.compile(r"""'[$\w-]{1,64}'\s*:|=>|\b(?:None|True|False|nil)\b""")


def _note_lenient(reading: Reading, cut: bool, looks_dumped: bool, *, message_cut: bool) -> None:
    """Tell the reader the errors were read leniently, and mark the last one when the paste stops
    in its middle (its message may be incomplete)."""
    if cut:
        reading.cut = True
        if message_cut:
            reading.errors[-1] = reading.errors[-1]._replace(cut=True)
        reading.notes.append("the paste stops in the middle of the body (cut short); what is there was read")
    reading.notes.append(
        "the body is a language dump (PHP, Ruby or Python); its fields were read"
        if looks_dumped
        else "the body is not valid JSON; its fields were read leniently"
    )


def with_exchange_status(errors: list[SentError], status: int | None) -> list[SentError]:
    """The errors with the exchange's status filled in where the body did not state one."""
    return [e if e.status is not None or status is None else e._replace(status=status) for e in errors]


_REDIRECT_ERROR = re.compile(r"[a-z]+(?:_[a-z]+)+")  # RFC 6749 4.1.2.1's codes and their kind: access_denied


def redirect_error(url: str | None) -> SentError | None:
    """The OAuth error an authorization server's redirect carries back to the app (RFC 6749 4.1.2.1:
    ``/callback?error=access_denied&error_description=...``, or after ``#`` in the implicit flow),
    when a 302's Location or a pasted callback URL is all the paste holds of the error. An ``error``
    parameter that is no such code (``?error=true``) and comes without a description is no error read."""
    if not url or "error=" not in url:
        return None
    url, _, fragment = url[:8192].partition("#")  # split by hand: urlsplit raises on a broken host ("http://[abc/")
    for part in (url.partition("?")[2], fragment):
        fields = parse_qs("&".join(p for p in part.split("&") if p.startswith(("error=", "error_description="))))
        code = (fields.get("error") or [""])[0].strip()
        said = (fields.get("error_description") or [""])[0].strip()
        if code in OAUTH_CODES or _REDIRECT_ERROR.fullmatch(code) or (said and re.fullmatch(r"[\w.-]{1,64}", code)):
            return SentError(OAUTH, code=code, message=_text(said[:MAX_TEXT]) if said else None)
    return None

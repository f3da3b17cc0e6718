"""Raw paste -> Framing: request line, status, headers and body text, from whatever was pasted.

People paste `curl -i`/`-v` output, HTTP/1.1 or HTTP/2 exchanges, log lines, exception messages
and bare bodies, often quoted with ``>`` or ``//``. This module only finds the HTTP framing;
reading error bodies is envelopes.py's job. Everything here is linear-time regex work over
text that was capped in size before it arrives.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from http import HTTPStatus
from itertools import islice
from typing import BinaryIO
from urllib.parse import urlsplit

from ..errors import UsageError
from ..model import HTTP_METHODS
from ..text import UTF8_BOM, WIDE, byte_kind, compression, text_before_binary
from ..values import reason_phrase, reason_phrases, to_status
from .curltrace import untraced

MAX_INPUT_BYTES = 2 * 1024 * 1024  # a paste larger than this is cut; the cut is reported
MAX_REASON = 256  # of a status line's reason phrase ("Unprocessable Entity" is 20)
MAX_URL = 8192  # servers refuse a longer request line (414); a longer run is not one URL
METHODS = HTTP_METHODS
_METHOD = "|".join(METHODS)
# HTTP's statuses, and those a framework or proxy sends that HTTP does not define but clients report like any other
# ("Request failed with status code 524"): Laravel's 419 (a CSRF token that does not match the session's) and
# Cloudflare's 524 (the origin did not answer in time); explain's retry reading knows both (Explanation.status_retry)
KNOWN_STATUSES = frozenset(s.value for s in HTTPStatus) | {419, 524}

_PREFIX = re.compile(r"^[ \t]*(?:(?:>|<(?=[ \t]|$)|//)[ \t]?)+", re.MULTILINE)
# A line that may be a status or request line (after blanks): what split reads outside the headers
_FRAMING = re.compile(rf"^[^\S\n]*(?:(?i:HTTP/\d)|(?:{_METHOD})\s)", re.MULTILINE)
_REQUEST_LINE = re.compile(rf"^({_METHOD})\s+(\S+)(?:\s+HTTP/\d(?:\.\d)?)?\s*$")
_STATUS_LINE = re.compile(r"^HTTP/\d(?:\.\d)?\s+(\d{3})\b[ \t]*(.*)$", re.IGNORECASE)
_HEADER = re.compile(r"^(:?[A-Za-z0-9][A-Za-z0-9_-]*)[ \t]*:[ \t]?(.*)$")
# curl's progress and connection lines, each removed whole (with its newline) from a body in one pass
_CURL_NOISE = re.compile(r"^(?:\*[ \t]|\*$|[{}] \[\d+ bytes data\]|%[ \t]+Total\b)[^\n]*\n?", re.MULTILINE)
_USERINFO = re.compile(r"^([a-z][a-z0-9+.-]*://)[^/?#@]*@", re.IGNORECASE)
# A URL ends where a Markdown link's text ends and its target begins: "[http://host/x](http://host/x)", as an issue form
# or a tracker's notice filed as an issue links a URL (Airbrake's "**URL:** [http://app/users/17](http://app/...)")
_URL = re.compile(r"\bhttps?://[^\s'\"<>`\]]+(?:\](?!\()[^\s'\"<>`\]]*)*", re.IGNORECASE)
# a host that serves pages for people, or names a schema (Sage SData's "found 'http://schemas.sage.com/GCRM:contact'")
_DOC_HOST = re.compile(r"^(?:developer|developers|docs|help|support|www|learn|schemas?)\.", re.IGNORECASE)
# a documentation page on any host, as an error message links one ("read the docs: https://platform.openai.com/docs/
# guides/error-codes"): a docs, documentation or help-centre (/hc/) folder
_DOC_PATH = re.compile(r"^/(?:[^/]+/)*?(?:docs?|documentation|hc)(?:/|$)", re.IGNORECASE)
# Sites people read an error on and link beside it (error trackers, monitors, log services, issue trackers, chat, code
# hosting, Q&A): their pages are not the failed call, and name no service that answered; their APIs (an api. host, an
# /api/ or /rest/ path) are and do
_TOOL_DOMAINS = (
    "sentry.io", "datadoghq.com", "datadoghq.eu", "newrelic.com", "atlassian.net", "grafana.net", "pagerduty.com",
    "opsgenie.com", "rollbar.com", "bugsnag.com", "honeybadger.io", "airbrake.io", "papertrailapp.com", "loggly.com",
    "slack.com",
    "gitlab.com", "bitbucket.org", "stackexchange.com", "serverfault.com", "superuser.com",
)  # fmt: skip


# A label that names a tool site's API or ingestion host, where SDKs and agents send (Sentry's DSN o1.ingest.sentry.io,
# hooks.slack.com, notify.bugsnag.com, events.pagerduty.com, http-intake.logs.datadoghq.com, collector.newrelic.com,
# log-api.newrelic.com, logs-01.loggly.com): a call that failed there is that service's answer, never a page read
_TOOL_API_LABEL = re.compile(
    r"api|[\w-]*(?:ingest|intake|collector)[\w-]*|hooks?|notify|sessions|events|[a-z]+-api|otlp|logs(?:-\d+)?"
)


def _tool_domain(host: str) -> str | None:
    """The tool site's domain a host (in lower case) is under, or None."""
    return next((d for d in _TOOL_DOMAINS if host == d or host.endswith("." + d)), None)


def tool_site(host: str) -> bool:
    """Whether a host is one of a tool site's, its pages or its API (sentry.io, o1.ingest.sentry.io, hooks.slack.com)."""
    return _tool_domain(host.lower()) is not None


# A page of a repository on GitHub a report links (an SDK's example, an issue, a commit): read, never called. GitHub's
# own calls are its API's host, or other paths of github.com (the OAuth token endpoint /login/oauth/access_token)
_GITHUB_PAGE = re.compile(r"/[\w.-]+/[\w.-]+/(?:blob|tree|issues|pull|pulls|wiki|releases|commit|commits|discussions|compare)\b")


def tool_page(host: str, path: str | None = None) -> bool:
    """Whether a host (with its path, when known) is a page of a site people read errors on, not its API."""
    host = host.lower()
    if host in ("github.com", "www.github.com") and path and _GITHUB_PAGE.match(path):
        return True
    domain = _tool_domain(host)
    if domain is None or any(_TOOL_API_LABEL.fullmatch(label) for label in host[: -len(domain)].split(".")):
        return False
    return not path or not any(part in path for part in ("/api/", "/rest/", "/graphql"))


# an XML namespace (xmlns="...", xmlns:sdata="..."), a DTD's or an entity's system identifier
# (<!DOCTYPE x SYSTEM "...">, PUBLIC "-//..." "...") and a schema's location name a schema, not a
# server anyone called
_XML_NAMESPACE = re.compile(
    r"(?:\bxmlns(?::[\w.-]+)?\s*=\s*|\bSYSTEM\s+|\bPUBLIC\s+[\"'][^\"']*[\"']\s+|\bschemaLocation\s*=\s*[\"'][^\"']*\s)[\"']?$",
    re.IGNORECASE,
)
# a link a message's prose points to ("... acquire a new one at <a href="https://...">", "for details see https://...",
# "visit https://..."): what stands just before it says it is to be followed by a person, not the request that failed
_PROSE_LINK = re.compile(
    r"(?:<a\b[^<>]{0,200}?\bhref\s*=\s*\\?[\"']?|<a\b[^<>]{0,200}>|\b(?:see|visit|refer to|go to|check out|learn more(?: at)?"
    r"|read (?:the |our )?(?:docs|documentation|guide)|(?:more|further) (?:info|information|details)(?: (?:at|on|see))?"
    r"|click|here|(?:docs|documentation|guide)[ \t]*:)[\s:,(]*[\"'<]?)$",
    re.IGNORECASE,
)
# a JSON value that links to something else than the request: "invoice_url", "documentation_url", "moreInfoUrl",
# "permalink", "html_url" (a request's own key, "url", "uri", "requestUrl", "request_uri", stays the request); RFC
# 7807's problem "type" (ASP.NET Core's "https://tools.ietf.org/html/rfc7231#section-6.5.1" on every validation error
# was "the request went to tools.ietf.org"), JSON-LD's "@context" and "@type", a JSON Schema's "$schema" and "$id"; the
# problem's type in its XML form (<type>) and as a log or a toString writes it (type=..., Spring's ProblemDetail[type='...')
_LINK_KEY = re.compile(
    r"(?:[\"'](?:(?!request)[A-Za-z]\w*?(?:[_-]?(?i:url|uri)|(?i:link)|(?i:href))|type|@context|@type|\$schema|\$id)"
    r"[\"'][ \t]*:[ \t]*[\"']|<type>|(?<![\w.-])type[ \t]*=[ \t]*[\"']?"
    # a SOAP fault's actor (1.1's <faultactor>, 1.2's <Role> and <Node>): the URI of the node that faulted, not the call
    r"|<(?:[\w.-]{1,40}:)?(?:faultactor|[Rr]ole|[Nn]ode)>\s*)$"
)
_MAX_LINKS = 32  # links in prose passed over before a paste is taken to name no request: 2 MB of them stay quick
_METHOD_URL = re.compile(rf"\b({_METHOD})\b[\s:]+['\"]?(https?://[^\s'\"<>`]+|/[^\s'\"<>`]*)")
_CURL_METHOD = re.compile(rf"(?:-X|--request)\s*['\"]?({_METHOD})\b", re.IGNORECASE)
_KEYED_METHOD = re.compile(rf"\bmethod[\"']?\s*[:=]\s*[\"']?({_METHOD})\b", re.IGNORECASE)
# "HTTP" as a word before a status: what follows it (every URL holds "http", few texts hold this)
_HTTP_WORD = tuple("http" + c for c in "\"':= \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f")
# How logs and exceptions state a status: "400 Client Error", "(401) Unauthorized", "status: 422", ...
# Each with the words one of which every match holds, in lower case: an ASCII text with none is not searched.
# Words after a status in a sentence that end in "s" and count nothing: the status's own nouns, adverbs
_NOT_COUNTED = r"(?:errors|responses|codes|statuses|sometimes|always|regardless|unless|perhaps|whereas|besides|afterwards)\b"
_STATUS_PATTERNS = (
    # a status line after a log line's prefix ("2024-05-01 10:00:00 ERROR HTTP/1.1 400 Bad Request {...}"), not an
    # access log's request ("GET /x HTTP/1.1" 404: a quote follows its protocol)
    (re.compile(r"(?<![\w/])HTTP/\d(?:\.\d)?[ \t]+([1-5]\d\d)\b(?![.,]\d)", re.IGNORECASE), ("http/",)),
    (re.compile(r"\b([1-5]\d\d) (?:Client|Server) Error\b"), (" client error", " server error")),
    # a log line's "POST /x -> 400"; not a Ruby hash's or a PHP dump's key and value ("error_id"=>502, [code] => 502)
    (re.compile(r"(?:->|(?<![\"'\]])(?<![\"'\]] )=>|→)\s*([1-5]\d\d)\b(?![.,:]\d)"), ("->", "=>", "→")),
    (re.compile(r"\(([1-5]\d\d)\)\s*[A-Z]"), (")",)),
    # a log line's request and its status, the words after it the error's ("DELETE https://host/x/1 400 Cannot delete ...",
    # after the line's time and level too: "2026-01-05T10:00:01Z ERROR DELETE https://host/x/1 400 Cannot delete ..."); not
    # a count of calls in a sentence ("sends POST https://host/x 500 times a day" was an HTTP 500 said "times a day")
    (
        re.compile(
            rf"(?:^|(?<=[ \t\]]))(?:{_METHOD})[ \t]+https?://[^\s'\"<>`]+[ \t]+([1-5]\d\d)"
            r"(?=[ \t]*$|[ \t]*:?[ \t]+\S)(?![ \t]+[a-z]*[^\Wsu]s\b)",
            re.M,
        ),
        ("://",),
    ),
    (re.compile(r"<Response \[([1-5]\d\d)\]>"), ("<response [",)),  # a Python requests Response in a repr
    # Dio's "the response has a status code of 400", Alamofire's "Response status code was unacceptable: 400."
    # (a count goes on to what it counts: "a status code of 400 rows" is none)
    (re.compile(r"\bstatus code (?:of|was unacceptable:) ([1-5]\d\d)(?=[.,;)]|\s+and\b|\s*$)", re.M), ("status code ",)),
    # google-api-python-client's HttpError repr, "<HttpError 403 when requesting https://… returned "…">"
    (re.compile(r"<HttpError ([1-5]\d\d) when requesting\b"), ("<httperror ",)),
    # OkHttp's Response.toString, "Response{protocol=h2, code=400, message=, url=…}" (HTTP/2 sends no reason phrase)
    (re.compile(r"\bResponse\{protocol=[\w/.]{1,16}, code=([1-5]\d\d)\b"), ("response{protocol=",)),
    # Rust reqwest's Error in its Debug form, as a CLI prints it: "reqwest::Error { kind: Status(403, None), url: …}"
    # (0.12; 0.11 and older "kind: Status(401)")
    (re.compile(r"\bkind: Status\(([1-5]\d\d)\b"), ("kind: status(",)),
    # "status: 422", "statusCode=404", "HTTP 500"; Guzzle 3's "[status code] 400" closes the key's bracket, PHP's print_r
    # "[HTTP Status] => 500" and a Ruby hash's "status"=>500 point to the value; a sentence's
    # "Status was 403." (the sage_one gem's "SageOne sent HTML instead of JSON. Status was 403."). A body's quoted
    # "responseCode" key is its own code, not the exchange's status (Expensify's {"responseCode":410, ...} in an HTTP
    # 200 means a bad request, not "410 Gone"); a log's "response code: 410" still is. The blanks are taken without giving
    # back (nothing after them is a blank): split between two \s*, 'status code"' then 16,000 blanks took 12.8 s of CPU.
    (
        re.compile(
            r"\b(?:status(?:[ _-]?code)?|http[ _-]?status|http[ _-]?code|(?<![\"'])response[ _-]?code|statusCode|HTTP)\b[\"'\]]?"
            r"\s*+(?:=>|[:=])?\s*+(?:(?:was|is)[ \t]++)?[\"'\[]?([1-5]\d\d)\b",
            re.IGNORECASE,
        ),
        ("status", "code", *_HTTP_WORD),
    ),
    # a client's "return code" of a call (ConnectPyse's "ApiError: POST entries Return code: 404"); a process's exit
    # status is one too ("return code: 127"), so only an error's 4xx or 5xx, above every exit status (0-255), is read
    (re.compile(r"\breturn[ _-]?code\b[ \t]*+[:=]?[ \t]*+([45]\d\d)\b(?![.,]\d)", re.IGNORECASE), ("return",)),
    # a name or a label, a colon, then a status before the error's words, as a log or a person writes one ("MYOB: 400
    # Cannot delete order ...", "Nightly Export: 400 EndDate is required"; explain reads the words after it as the
    # error's): not a count ("Total: 400 Invoices", "Skipped: 500 rows"), nor an exception class named for its status
    # (werkzeug's "NotFound: 404: Not Found" ending a Python 2 traceback: the program's own failure, no call's answer)
    (
        re.compile(
            r"^[ \t]*(?!(?:NotFound|BadRequest|Unauthori[sz]ed|Forbidden|Conflict|Gone|MethodNotAllowed|NotAcceptable"
            r"|RequestTimeout|TooManyRequests|UnprocessableEntity|InternalServerError|BadGateway|ServiceUnavailable"
            r"|GatewayTimeout|PreconditionFailed|RequestEntityTooLarge|UnsupportedMediaType):)"
            r"[A-Z][\w.-]{0,30}(?:[ \t][A-Za-z][\w.-]{0,30}){0,2}:[ \t]+([45]\d\d):?[ \t]+"
            r"(?=[A-Z{\[<\"'\u201c])(?![A-Za-z]*[^\Wsu]s\b)",
            re.M,
        ),
        (": ",),
    ),
    # an XML error body's status element: RFC 7807's <problem><status>404</status>, a REST API's <error><status>
    (re.compile(r"<(?:[\w.-]{1,40}:)?(?:status|status_?code|http_?status)>\s*([1-5]\d\d)\s*</", re.IGNORECASE), ("status>",)),
    (
        re.compile(
            r"\b(?:failed|failure|error|errored|returns?|returned|responded|rejected|response|got|gets|getting|gives|giving|with"
            # Portuguese and Spanish say it too: "está estourando erro 500", "retornou 404", "devuelve 401"
            r"|erro|retorn(?:a|ou|ando)|devuelve|devolvi[oó])\b"
            r"[^\n\d{}\[\]]{0,16}?\b([1-5]\d\d)\b(?![.,]\d)"
            # (a count goes on to what it counts, a plural: "returns 404 items", "returned 400 invoices"; errors,
            # responses and codes are the status's own: "getting 500 errors")
            rf"(?![ \t]+(?!{_NOT_COUNTED})[a-z]*[^\Wsu]s\b)"
            # a status said as a noun's kind: "a 419 error", "the 524 error" (a count is plural: "400 errors")
            r"|\b(?:an?|the)[ \t]+([45]\d\d)[ \t]+error\b(?!s)",
            re.IGNORECASE,
        ),
        (
            "fail",
            "erro",
            "return",
            "retorn",
            "devuel",
            "devolv",
            "respond",
            "reject",
            "response",
            "got",
            "gets",
            "getting",
            "gives",
            "giving",
            "with",
        ),
    ),
)
# A line that states a status first, as a report, a test, a log line or a documentation table prints one: "422
# Unprocessable Entity", "403" over the body's line, "400 {...}", "409 Conflict {...}", "POST /api/register 422",
# "| 500 | Internal Server Error | ...". Words after the number must begin with the status's own phrase:
# "400 items were rejected" is a sentence, not a status line.
_LEADING_STATUS = re.compile(
    rf"^\|?[ \t]*(?:(?:{_METHOD})[ \t]+\S+[ \t]+)?([1-5]\d\d)(?![\w.,])[ \t]*(?:[|:\-\u2013\u2014][ \t]*)?(.*)$"
)
_BODY_OPENERS = ("{", "[", "<")
_QUOTES = ('"', "'", "\u201c", "\u00ab")  # straight, typographic and guillemet quotes that open a quoted message
_STATUS_CELL = re.compile(r"^\|[ \t]*[1-5]\d\d[ \t]*\|[ \t]*\S")  # a table row's first cell, the status alone
_TAB_ROW = re.compile(r"^[1-5]\d\d[ ]*\t[ \t]*\S")  # a row copied from a table: the status cell, a tab, the next cell
# Cloudflare's pages put the site before the status: "api.example.com | 524: A timeout occurred"
_HTML_TITLE = re.compile(
    r"<title>\s*(?:[A-Za-z0-9.-]{1,253} \| (?=[1-5]\d\d\b))?(?:([1-5]\d\d)\b:?)?([^<]{0,200})</title>", re.IGNORECASE
)
# Rails' error pages end their title with the status: "The page you were looking for doesn't exist (404)", "The change
# you wanted was rejected (422)", "We're sorry, but something went wrong (500)"
_TITLE_LAST_STATUS = re.compile(r"\(([45]\d\d)\)\s*$")  # an error's only: "Inbox (101)" counts mail
# a page without a title (HAProxy's "<html><body><h1>504 Gateway Time-out</h1>") is headed by its first h1
_HTML_H1 = re.compile(r"<h1(?:\s[^<>]{0,200})?>\s*(?:([1-5]\d\d)\b)?([^<]{0,200})</h1>", re.IGNORECASE)
_BARE_STATUS = re.compile(r"^([1-5]\d\d)(?:[ \t]+([A-Za-z][A-Za-z '\-]*))?$")
# A status followed by its own reason phrase, anywhere in the text: how clients word a failed call ("resulted in a
# `400 Bad Request` response" in Guzzle, "does not indicate success: 400 (Bad Request)." in .NET, "BadRequest: 400 Bad
# Request:" in Spring) and how a log line holds a status line after its prefix. The phrase is checked against the
# status's own (_reason_phrase): "400 items were rejected" is a count, "404 Not Found" a status.
# (aiohttp's ClientResponseError quotes the phrase after a key: "400, message='Bad Request', url=…"; PayPal's SDKs
# log the status in brackets: "Response[404]: Not Found, Duration: 0.469s")
_STATED_STATUS = re.compile(r"(?<![\w.,/])([45]\d\d)(?:\]:|,[ \t]*message=)?[ \t]*[('\"]?[ \t]*([A-Za-z][A-Za-z' -]{1,40})")
_ERROR_PHRASES = tuple(sorted({p.lower() for status, phrases in reason_phrases().items() if status >= 400 for p in phrases}))
# .NET's System.Net.HttpStatusCode names a status by its member: RestSharp's "Request failed with status code BadRequest",
# a log's "StatusCode: UnprocessableEntity"; the name is a status only after those words
_DOTNET_NAMES = {"".join(w.title() for w in s.name.split("_")): s.value for s in HTTPStatus if s.value >= 400} | {
    "RequestEntityTooLarge": 413,  # (Python 3.13 renamed these four: the .NET names stay)
    "RequestUriTooLong": 414,
    "RequestedRangeNotSatisfiable": 416,
    "UnprocessableEntity": 422,
}
# (also after the object it was read from: "Invalid status code in the HttpResponseMessage: Unauthorized.")
_DOTNET_STATUS = re.compile(
    r"\b(?i:status[ _]?code)(?:[ \t]+in[ \t]+the[ \t]+\w{1,40})?[\"']?[ \t]*(?:[:=][ \t]*)?[\"']?("
    + "|".join(sorted(_DOTNET_NAMES, key=len, reverse=True))
    + r")\b"
)
# A client's words that are a status with no reason phrase to check it by: Spring names the status by the exception's
# own class and then its number ("HttpClientErrorException$Unauthorized: 401 ", "WebClientResponseException$NotFound:
# 404 Not Found from GET …"), taken only when the two agree; .NET states it as the response's status even when the
# response has no reason phrase (HTTP/2: "does not indicate success: 404 ().")
_CLASS_STATUS = re.compile(r"\$(" + "|".join(sorted(_DOTNET_NAMES, key=len, reverse=True)) + r"):[ \t]*([45]\d\d)\b")
_SUCCESS_STATUS = re.compile(r"\bdoes not indicate success: ([45]\d\d)\b")
# Alamofire's AFError for a response its validate() refused: "…ResponseValidationFailureReason.unacceptableStatusCode(code: 409))"
_ALAMOFIRE_STATUS = re.compile(r"\bunacceptableStatusCode\(code: ([45]\d\d)\)")
# Octokit's error message, "POST https://api.github.com/…: 401 - Bad credentials // See: …" (Octokit::Error: method,
# URL, status, " - ", the API's message)
_OCTOKIT_STATUS = re.compile(rf"\b(?:{_METHOD}) https?://\S+: ([45]\d\d) - ")
# PowerShell's session printing a caught error's status as a number: "PS> $err.Exception.Response.StatusCode.value__"
# then "401" on the next line
_PS_STATUS = re.compile(r"\.StatusCode\.value__[ \t]*\r?\n[ \t]*([45]\d\d)[ \t]*\r?$", re.MULTILINE)
# A reason phrase under its own label, apart from the status: Guzzle 3's "[reason phrase] Bad Request", a log's
# "reasonPhrase=Not Found"; taken only when it is the status's own phrase
# (blanks, then a ":" or "=" with its own blanks: two runs of blanks around an optional sign split a run of blanks
# every way, 16,000 blanks after the label 4 s of CPU)
_LABELLED_REASON = re.compile(
    r"\breason[ _]?phrase\b[\]\"']?[ \t]*(?:[:=][ \t]*)?[\"']?([A-Za-z][A-Za-z' -]{1,40})", re.IGNORECASE
)
# An error line whose whole message is a status's own reason phrase of two words or more, with no number: a Node
# client's "Error: Unprocessable Entity" (superagent's, GoCardless's), http-errors' "NotFoundError: Not Found". One
# word ("Error: Forbidden", "Error: Conflict") is a word, not a status; nor is the phrase the message of an error
# class that says nothing of HTTP (a "SyntaxError: Not Found" or "KeyError: Bad Gateway" showed 404 and 502): see _HTTP_CLASS.
_PHRASE_ERROR = re.compile(
    r"^[ \t]*([A-Za-z_$][\w.$]{0,100})?Error:[ \t]+([A-Za-z][A-Za-z'-]*(?:[ \t]+[A-Za-z'-]+){1,4})[ \t]*$", re.MULTILINE
)
_HTTP_CLASS = ("http", "request", "response", "client", "api", "status", "fetch", "axios", "superagent")
_PHRASE_STATUS = {p.lower(): status for status, phrases in reason_phrases().items() if status >= 400 for p in phrases if " " in p}
# requests' raise_for_status text; the reason between is short (bounded: one long line of repeats stays linear)
_PYTHON_HTTP_ERROR = re.compile(r"\b[1-5]\d\d (?:Client|Server) Error: .{0,200}? for url: \S+")


def _phrase_status(cls: str | None, phrase: str) -> int | None:
    """The status a reason phrase names as an error line's whole message (_PHRASE_ERROR), when the error's class may
    be an HTTP one: a bare Error, a class named by the phrase (NotFoundError: Not Found) or by HTTP's words."""
    status = _PHRASE_STATUS.get(phrase.lower())
    name = (cls or "").rsplit(".", 1)[-1].lower()
    if status is None or not (not name or name == "".join(phrase.lower().split()) or any(w in name for w in _HTTP_CLASS)):
        return None
    return status


class Framing:
    """The HTTP facts of a paste while ``split`` finds them (``exchange.Exchange.of`` freezes them). ``body`` is the text
    to read errors from."""

    __slots__ = ("body", "headers", "host", "method", "path", "reason", "status", "text", "url")

    def __init__(self, text: str, body: str) -> None:
        self.text = text
        self.body = body
        self.method: str | None = None
        self.url: str | None = None
        self.host: str | None = None
        self.path: str | None = None
        self.status: int | None = None
        self.reason: str | None = None
        self.headers: list[tuple[str, str]] = []

    def header(self, name: str) -> str | None:
        name = name.lower()
        return next((v for k, v in self.headers if k.lower() == name), None)

    def set_url(self, url: str) -> None:
        """Record the request URL (absolute, or a path) and its host and path; a longer "URL" than
        any server takes (a paste's run of text with no blank) is cut, and shown cut."""
        url = url if len(url) <= MAX_URL else url[:MAX_URL] + "…"
        self.url = url
        if url.startswith("/"):
            self.path = url.split("?", 1)[0].split("#", 1)[0]
            return
        parts = url_parts(url)
        if parts is not None:
            self.host, self.path = parts


def url_parts(url: str) -> tuple[str | None, str] | None:
    """(host, path) of an absolute URL; None when it cannot be parsed."""
    return _url_parts_kept(url) if len(url) <= _KEPT_URL else _url_parts(url)


def _url_parts(url: str) -> tuple[str | None, str] | None:
    """url_parts, worked out. User info (redacted or not) is dropped first: ``https://[REDACTED]@host``
    would read as an IPv6 literal. So would a host whose first label was hidden (a tenant's random name,
    ``https://[REDACTED].freeagent.com``): read with its domain, the request's host still says where it went."""
    url = _USERINFO.sub(r"\1", url, count=1)
    url, hidden = _HIDDEN_LABEL.subn(r"\1" + _STAND_IN, url, count=1)
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower() or None
    except ValueError:
        return None
    return host.replace(_STAND_IN, "[REDACTED]") if host and hidden else host, parts.path or "/"


_HIDDEN_LABEL = re.compile(r"^([a-z][a-z0-9+.-]*://)\[REDACTED\](?=(?:\.[a-z0-9-]+)+(?::\d+)?(?:[/?#]|$))", re.IGNORECASE)
_STAND_IN = "errcat-hidden-label"


_KEPT_URL = 1024  # a URL this short is split once: a log's records repeat a few URLs, and urlsplit is dear
_url_parts_kept = lru_cache(maxsize=4096)(_url_parts)


def read_bounded(stream: BinaryIO) -> tuple[bytes, int]:
    """The first MAX_INPUT_BYTES of a stream and its size: a file's own, or, past the cap, the
    bytes read (one more than the cap, "more than" it). What follows the cap is never read: stdin
    from /dev/zero or ``yes`` has no end, and reading a terminal again would wait for a second Ctrl-D."""
    data = stream.read(MAX_INPUT_BYTES + 1)
    if len(data) <= MAX_INPUT_BYTES:
        return data, len(data)
    try:
        size = os.fstat(stream.fileno()).st_size
    except (OSError, ValueError, AttributeError):  # io.BytesIO has no descriptor
        size = 0
    return data[:MAX_INPUT_BYTES], max(size, len(data))


def decode(data: bytes, size: int | None = None) -> tuple[str, list[str]]:
    """Bytes of a paste -> text, refusing binary junk and empty input, noting lossy decoding."""
    notes: list[str] = []
    size = max(size or 0, len(data))
    if size > MAX_INPUT_BYTES:
        said = f"more than {MAX_INPUT_BYTES:,}" if size == MAX_INPUT_BYTES + 1 else f"{size:,}"  # a stream read to the cap
        notes.append(f"input is {said} bytes; only the first {MAX_INPUT_BYTES:,} were read")
        data = data[:MAX_INPUT_BYTES]
    kind = byte_kind(data[:4096])  # a mark, or enough of a text without one to tell its encoding
    if kind in WIDE:
        data = data.decode(kind, errors="replace").encode("utf-8")
    data = data.removeprefix(UTF8_BOM)
    if not data.strip():
        raise UsageError("nothing to explain: the input is empty (paste an error response, a message or a code)")
    packed = ("gzip", "zcat") if kind == "gzip" else compression(data[:16])
    if packed is not None:  # said as what it is, not as binary: `zcat app.log.gz | errcat explain` reads it
        raise UsageError(f"the input is {packed[0]}-compressed: unpack it first ({packed[1]} FILE | errcat explain)")
    # binary as scan tells it (text.is_binary): a terminal's escape sequences, backspaces and form feeds are text's.
    # Counted here as binary bytes, a paste in colour ("\x1b[31mERROR\x1b[0m ...": a logger's, jq -C's, a CI log's) was
    # refused as "binary" when one byte in twenty was part of a colour code
    if byte_kind(data[:65536]) != "text":
        if not (at := text_before_binary(data[:65536])):
            raise UsageError("the input looks binary, not text: paste the error response as text")
        # text then other bytes (`cat response.txt core | errcat explain`): the text explained, as scan reads it
        notes.append(f"binary data (NUL or control bytes) from byte {at:,} on, not read; the text before it was explained")
        data = data[:at]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        notes.append(f"input is not valid UTF-8 (first bad byte at offset {exc.start}); undecodable bytes were replaced")
        text = data.decode("utf-8", errors="replace")
    return text, notes


def _strip_prefixes(text: str) -> list[str]:
    """The paste's lines without their quote prefixes (``>``, ``<``, ``//``): one pass over the text."""
    return _PREFIX.sub("", text.replace("\r\n", "\n").replace("\r", "\n")).split("\n")


class _Framing:
    """What split has read of the HTTP framing so far, fed one line at a time."""

    def __init__(self, ex: Framing, count: int) -> None:
        self.ex = ex
        self.count = count
        self.body_start, self.body_end = 0, count
        self.framed = False
        self.state = "free"  # free | request | response | request-body | body
        self.target: str | None = None
        self.labelled: tuple[int, str] | None = None  # a "Body: {...}" line: its index and the body it starts

    @property
    def in_headers(self) -> bool:
        return self.state in ("request", "response")

    def read(self, i: int, stripped: str) -> None:
        """Take line ``i`` (stripped) into account."""
        ex = self.ex
        if m := _STATUS_LINE.match(stripped):
            ex.status, ex.reason = to_status(m.group(1)), (_reason(m.group(2)) or None)
            ex.headers = [h for h in ex.headers if h[0].startswith(">")]  # keep request headers only
            self.state, self.framed, self.body_start, self.body_end = "response", True, i + 1, self.count
            return
        if m := _REQUEST_LINE.match(stripped):
            ex.method, self.target = m.group(1), m.group(2)
            self.state, self.framed = "request", True
            if ex.status is None:
                self.body_start = i + 1
            else:
                self.body_end = min(self.body_end, i)
            return
        if self.in_headers:
            self._header(i, stripped)

    def _header(self, i: int, stripped: str) -> None:
        """A line after a status or request line: a header, the blank line before a body, or a body."""
        if not stripped:
            self.state = "request-body" if self.state == "request" else "body"
            if self.state == "body":
                self.body_start = i + 1
            return
        if (h := _HEADER.match(stripped)) and not stripped.startswith(("{", "[", '"')):
            if h.group(1).lower() in _BODY_LABELS and h.group(2).lstrip().startswith(_BODY_OPENERS):
                # a report's "Body: {...}" after the request and status it states: the body, not a header
                self.labelled, self.body_start, self.state = (i, h.group(2).strip()), i, "body"
                return
            self.ex.headers.append((">" + h.group(1) if self.state == "request" else h.group(1), h.group(2).strip()))
            if self.state == "response" or self.ex.status is None:
                self.body_start = i + 1
            return
        # no blank line between headers and body (some log formats)
        self.state = "body" if self.state == "response" else "request-body"


def _reason(text: str) -> str:
    """A status line's reason phrase, cut (visibly) where no real one reaches: the rest of one long
    line of a paste was printed back whole."""
    text = text.strip()
    return text if len(text) <= MAX_REASON else text[:MAX_REASON] + "…"


def _lines_to_read(text: str, framing: _Framing, count: int) -> Iterator[int]:
    """The indexes of the lines split must read: those that may be a status or request line (found by
    one scan of the text, not a match per line) and every line while headers are being read."""
    candidates = _framing_candidates(text)
    i = -1
    while True:
        i = i + 1 if framing.in_headers else next((c for c in candidates if c > i), count)
        if i >= count:
            return
        yield i


def _framing_candidates(text: str) -> Iterator[int]:
    line, pos = 0, 0
    for m in _FRAMING.finditer(text):
        line += text.count("\n", pos, m.start())
        pos = m.start()
        yield line


def split(text: str) -> Framing:
    """Find request line, status line, headers and body in a paste of any shape."""
    lines = _strip_prefixes(untraced(text))
    ex = Framing(text="\n".join(lines), body="")
    framing = _Framing(ex, len(lines))
    for i in _lines_to_read(ex.text, framing, len(lines)):
        framing.read(i, lines[i].strip())
    ex.headers = [(k.lstrip(">"), v) for k, v in ex.headers]
    if framing.labelled and framing.labelled[0] == framing.body_start:
        lines[framing.body_start] = framing.labelled[1]
    if framing.framed:
        ex.body = _CURL_NOISE.sub("", "\n".join(lines[framing.body_start : framing.body_end])).strip()
    else:
        ex.body = ex.text.strip()
    _find_request(ex, framing.target)
    if ex.status is None:
        _find_status(ex)
        if ex.status is not None and not framing.framed:
            ex.body = _after_status_line(ex.body, ex.status)
    if ex.status is not None and ex.status >= 400 and framing.target is None and ex.url is not None:
        _failed_request(ex)
    return ex


def _failed_request(ex: Framing) -> None:
    """In a log of several requests, the request is the one whose line states the error's status ("[HTTP] Response 403
    for https://api.anaf.ro/...", after a token call's "Response 200 for https://logincert.anaf.ro/..."): the first URL
    a paste names is the first call's, which may have succeeded. Its method is the one a line gives beside that URL.
    A URL the line does not name as requested is a call only where the paste shows it made (a method beside it): a
    later line reporting to another server ("sent event to https://o1.ingest.sentry.io/... (error 400 attached)") is
    no call that failed, and it took a MYOB error logged above it away from MYOB."""
    text, read = ex.text[:65536], ex.url
    if read is None or text.count("://") < 2:
        return
    said = re.compile(rf"(?<![\w.]){ex.status}(?![\w.])")
    for line in text.split("\n")[:400]:
        if "://" not in line or not said.search(line) or not _said_outside_urls(said, line):
            continue
        if read in line:  # the status beside the URL already read (requests' "403 ... for url: ...")
            return
        if (found := _line_url(line)) is not None:
            url, requested = found
            m = next((m for m in islice(_METHOD_URL.finditer(text), 400) if _trim_url(m.group(2)) == url), None)
            if requested or m is not None:
                ex.set_url(url)
                ex.method = m.group(1) if m else None
        return  # the first line that states the status and a URL only: a log of thousands is not each searched


def _said_outside_urls(said: re.Pattern[str], line: str) -> bool:
    """Whether the line states the status outside its URLs ("?limit=500", ".../img/404.png" state none)."""
    spans = [u.span() for u in islice(_URL.finditer(line), _MAX_LINKS)]
    return any(not any(a <= m.start() < b for a, b in spans) for m in islice(said.finditer(line), _MAX_LINKS))


# Where a script's code stands, not a call: a JavaScript stack frame's "at f (https://cdn.example/app.js:2:221025)",
# a browser error report's "filename": "https://.../app.js" (the API call that failed is named in its message)
_SOURCE_LOCATION = re.compile(r"/[^/?#\s]*(?::\d+){2}$")
_FRAME_FUNCTION = re.compile(r"[\w.$<>\[\] ]{1,120}[ \t]\(")  # the function a frame names: "fetchLead (", "Object.<anonymous> ("
_SCRIPT_KEY = re.compile(r"[\"']?(?i:file_?name|source_?url)[\"']?[ \t]*[:=][ \t]*[\"']?$")


def _code_location(text: str, start: int, url: str) -> bool:
    """Whether a URL at start in text is where a script's code stands (see _SOURCE_LOCATION), not a request. Each test
    reads a bounded window before the URL once: a paste of many URLs stays linear."""
    if _SOURCE_LOCATION.search(url) is not None:
        return True
    before = text[max(0, start - 130) : start]
    at = before.rfind(" at ")
    if before.endswith("(") and at >= 0 and _FRAME_FUNCTION.fullmatch(before, at + 4):
        return True
    return _SCRIPT_KEY.search(before[-40:]) is not None


def _line_url(line: str) -> tuple[str, bool] | None:
    """The URL of a line that is a request's, and whether the line names it as requested ("for url:", a method beside
    it); else its first that is no documentation page, link or XML namespace (False)."""
    named = ("for url: " in line or "when requesting " in line) and re.search(r"\b(?:for url:|when requesting) (\S+)", line)
    named = named or _METHOD_URL.search(line)
    if named and "://" in (url := named.group(named.lastindex or 1)):
        return _trim_url(url), True
    for u in islice(_URL.finditer(line), _MAX_LINKS):
        before = line[max(0, u.start() - 240) : u.start()]
        if _XML_NAMESPACE.search(before[-64:]) or _PROSE_LINK.search(before) or _LINK_KEY.search(before[-80:]):
            continue
        url = _trim_url(u.group(0))
        if _code_location(line, u.start(), url):
            continue
        host, path = url_parts(url) or (None, "")
        if host and not _DOC_HOST.match(host) and not _DOC_PATH.match(path) and not tool_page(host, path):
            return url, False
    return None


_BODY_LABELS = frozenset({"body", "response", "response body", "payload"})
# A first line that states only a status ("HTTP 403", "HTTP 503:", "422 Unprocessable Entity"): what follows is the body
_STATUS_ONLY_LINE = re.compile(
    r"^(?:HTTP(?:/\d(?:\.\d)?)?[ \t:]*)?([1-5]\d\d)(?:[ \t]+([A-Za-z][A-Za-z '\-]*?))?[ \t]*:?$", re.IGNORECASE
)


def _after_status_line(body: str, status: int) -> str:
    """The body without the status its first line states, read already: left in, it was read as the error's
    text. A line that is only the status goes ("HTTP 403" over "<h1>Developer Inactive</h1>"); a status and its
    phrase before the error's words ("401 UnAuthorized The Authorization Token is invalid") leave the words; a
    status in a table row's cell leaves what follows it ("/v2/cdn/x   404 ["This record could not be found"]")."""
    first, _, rest = body.partition("\n")
    m = _STATUS_ONLY_LINE.match(first.strip())
    only = m is not None and (not m.group(2) or m.group(2).strip().lower() == (reason_phrase(status, m.group(2)) or "").lower())
    if m and only and to_status(m.group(1)) == status and rest.strip():
        return rest.strip()
    said = _after_status(first.strip(), status)
    return body if said is None else f"{said}\n{rest}".strip()


# a first line's status (and its phrase) before the error's words, or in a cell of a row of cells two blanks apart
_STATUS_WORDS = re.compile(r"^(?:HTTP(?:/\d(?:\.\d)?)?[ \t:]*)?([1-5]\d\d)[ \t]+(\S.*)$", re.IGNORECASE)
_CELLS = re.compile(r"\t|[ \t]{2,}")


def _after_status(line: str, status: int) -> str | None:
    """What a line says after its status: the words after the status's phrase, the body after the status, or
    (the status a cell of a row) the row's last cell; None when the line states no such status."""
    m = _STATUS_WORDS.match(line)
    if m and to_status(m.group(1)) == status:
        words = m.group(2)
        if _TAB_ROW.match(line):  # the status's cell, then what the table says of it
            return words
        quoted = words.lstrip(" \t:-\u2013\u2014")
        if words.startswith(_BODY_OPENERS) or quoted.startswith(_QUOTES):
            return quoted
        phrase = reason_phrase(status, words)
        said = words[len(phrase) :].lstrip(" \t:.-\u2013\u2014") if phrase else ""
        return said or None
    cells = _CELLS.split(line[:4096])
    found = _status_cell(cells)
    if found is None or found[0] != status:
        return None
    i, after = found[1], cells[found[1]].partition(" ")[2].strip()
    return after or (cells[-1].strip() if i < len(cells) - 1 else None)


def _row_status(text: str) -> int | None:
    """The status of a paste whose first line is a row of cells with the status in one; None when its next rows
    state other statuses (a table of several probes: no one status is the exchange's)."""
    rows = [ln.strip() for ln in text.lstrip()[:8192].split("\n")[:20]]
    first = _status_cell(_CELLS.split(rows[0]))
    if first is None:
        return None
    others = {cell[0] for row in rows[1:] if (cell := _status_cell(_CELLS.split(row))) is not None}
    return first[0] if others <= {first[0]} else None


def _status_cell(cells: list[str]) -> tuple[int, int] | None:
    """The error status of a row of cells (an API probe's table: "GET /persons  Basic :x  401  text/html  Invalid
    key"), and its cell's index: a cell that is the status alone (three cells or more), or the status before a body."""
    for i, cell in enumerate(cells[:12]):
        cell = cell.strip()
        head, _, after = cell.partition(" ")
        status = to_status(head) if len(head) == 3 and head.isdigit() else None
        if status is None or status < 400 or status not in KNOWN_STATUSES:
            continue
        if (not after and len(cells) >= 3 and i > 0) or after.lstrip().startswith(_BODY_OPENERS):
            return status, i
    return None


def _find_request(ex: Framing, request_target: str | None) -> None:
    text = ex.text
    host_header = ex.header("host") or ex.header(":authority")
    if request_target:
        if request_target.startswith("/") and host_header:
            host = host_header.strip()
            ex.set_url(f"{_scheme_for(text, host)}://{host}{request_target}")
        else:
            ex.set_url(request_target)
    else:
        _find_url(ex, text)
    # Each search is tried only on text holding its literal part: a pattern that ignores case tries
    # every position of a 2 MB paste, a substring test runs at C speed.
    if ex.method is None and (low := text.lower()) and ("-x" in low or "--request" in low or "method" in low):
        m = _CURL_METHOD.search(text) or _keyed_method(text)
        if m:
            ex.method = m.group(1).upper()
    if ex.host is None and host_header:
        ex.host = host_header.strip().lower().split(":")[0]


def _scheme_for(text: str, host: str) -> str:
    """The scheme of a URL rebuilt from a request line and its Host header: the one the paste itself gives that
    host (curl -v prints the command's ``http://localhost:23000/...`` above ``> Host: localhost:23000``), https
    when it gives none or both. Saying https for a plain-http call would state a request the user did not make.
    The host is looked for by name alone, as redaction may have hidden the port and path after it."""
    name = host.split(":", 1)[0].lower()
    if not name or f"://{name}" not in (low := text.lower()):
        return "https"
    schemes = {m.group(1) for m in re.finditer(rf"\b(https?)://{re.escape(name)}(?![\w.-])", low)}
    return "http" if schemes == {"http"} else "https"


def _keyed_method(text: str) -> re.Match[str] | None:
    """The first ``method: GET`` that is not a hypermedia link's (PayPal's ``links[]``: ``{"href": ..., "rel": ...,
    "method": "GET"}``): a link says how to follow it, not how the failed call was made."""
    for m in _KEYED_METHOD.finditer(text):
        opened, closed = text.rfind("{", 0, m.start()), text.find("}", m.end())
        if opened < 0 or not _LINK_KEY_NAMES.search(text, opened, closed if closed >= 0 else len(text)):
            return m
    return None


_LINK_KEY_NAMES = re.compile(r"\b(?:href|rel)[\"']?\s*[:=]", re.IGNORECASE)


def _find_url(ex: Framing, text: str) -> None:
    """The request URL a log line or exception names (and its method): requests' ``for url:``, a
    method beside a URL, else the first URL that is not a documentation page."""
    m = ("for url: " in text or "when requesting " in text) and re.search(r"\b(?:for url:|when requesting) (\S+)", text)
    m = m or (any(map(text.__contains__, METHODS)) and _failed_call(text))
    if m:
        url = m.group(m.lastindex or 1)
        if m.re is _METHOD_URL:
            ex.method = ex.method or m.group(1)
        ex.set_url(_trim_url(url))
        return
    if "://" not in text:
        return
    links = 0
    for u in _URL.finditer(text):
        if _XML_NAMESPACE.search(text, max(0, u.start() - 64), u.start()):
            continue
        if _PROSE_LINK.search(text, max(0, u.start() - 240), u.start()) or _LINK_KEY.search(
            text, max(0, u.start() - 80), u.start()
        ):
            links += 1
            if links > _MAX_LINKS:
                return
            continue
        url = _trim_url(u.group(0))
        if _code_location(text, u.start(), url):
            links += 1
            if links > _MAX_LINKS:
                return
            continue
        host, path = url_parts(url) or (None, "")
        if host and not _DOC_HOST.match(host) and not _DOC_PATH.match(path) and not tool_page(host, path):
            ex.set_url(url)
            return


def _failed_call(text: str) -> re.Match[str] | None:
    """The first method and URL the text names; past it, when its own line says it succeeded (a 2xx or 3xx status after
    it), the first later one whose line says it failed. In a log of several calls ("GET https://api.myob.com/... 200 OK"
    then "POST https://api.stripe.com/v1/charges 402 {...}") the failed call is the exchange, and the first, a MYOB call,
    had named MYOB for Stripe's error."""
    first = None
    for i, m in enumerate(_METHOD_URL.finditer(text)):
        said = _LINE_STATUS.match(text, m.end())
        if first is None:
            first = m
            if not (said and said.group(1)[0] in "23"):
                return m
        elif said and said.group(1)[0] in "45":
            return m
        if i >= 20:
            break
    return first


_LINE_STATUS = re.compile(r"[^\n\d]{0,24}\b([1-5]\d\d)\b(?![\d.])")  # the status a call's line gives after its URL


def _trim_url(url: str) -> str:
    """A URL without the punctuation that closes the sentence or quote around it (a redacted value's
    closing bracket stays: ``?api_key=[REDACTED]``)."""
    trimmed = url.rstrip(".,;:)]}'\"")
    return trimmed + "]" if trimmed.endswith("[REDACTED") and url[len(trimmed) :].startswith("]") else trimmed


def _find_status(ex: Framing) -> None:
    head = ex.text[:65536]
    low = head.lower() if head.isascii() else None  # case-blind re pairs ſ with s: other text is searched whole
    title = _HTML_TITLE.search(head) if low is None or "<title>" in low else None
    titled = title and (title.group(1) or ((last := _TITLE_LAST_STATUS.search(title.group(2))) and last.group(1)))
    if titled and to_status(titled) in KNOWN_STATUSES:  # a proxy's or a framework's HTML error page
        ex.status = to_status(titled)
        return
    found = _patterned_status(head, low) or _dotnet_status(head, low) or _stated_status(head, low) or _client_status(head)
    found = found or (_phrase_bar_status(head) if "|" in head else None)
    if found is not None:
        ex.status, ex.reason = found[0], found[1] or _labelled_reason(head, low, found[0])
        return
    if (leading := _leading_status(ex.text)) is not None:
        ex.status, ex.reason = leading
        return
    if (status := _row_status(ex.text)) is not None:
        ex.status = status
        return
    if "Error:" in head and (said := _PHRASE_ERROR.search(head)) and (phrased := _phrase_status(*said.groups())):
        ex.status, ex.reason = phrased, said.group(2)
        return
    bare = _BARE_STATUS.match(ex.body.strip())
    if bare:
        status = to_status(bare.group(1))
        reason = (bare.group(2) or "").strip()
        if status is not None and status in KNOWN_STATUSES and (not reason or reason_phrase(status, reason) == reason):
            ex.status, ex.reason = status, reason or None


# A status's own phrase before a bar and its number, as a user copies an error page's "Page Expired | 419" (Laravel's
# page prints the code and the phrase side by side, split by a rule)
_BAR_NUMBER = re.compile(r"[ \t]*([1-5]\d\d)\b(?![.,]\d)")


def _phrase_bar_status(head: str) -> tuple[int, str] | None:
    """The status of "<its reason phrase> | <number>", as a user copies an error page's "Page Expired | 419" (Laravel's
    page prints the code and the phrase side by side, split by a rule); the first 20 bars only."""
    at = head.find("|")
    for _ in range(20):
        if at < 0:
            return None
        number = _BAR_NUMBER.match(head, at + 1)
        status = int(number.group(1)) if number else 0
        if status >= 400 and status in KNOWN_STATUSES:
            before = head[max(0, at - 48) : at].rstrip(" \t")
            for phrase in reason_phrases().get(status, ()):
                said = before[len(before) - len(phrase) :]
                if said.lower() == phrase.lower() and not before[: len(before) - len(phrase)][-1:].isalnum():
                    return status, said
        at = head.find("|", at + 1)
    return None


def _labelled_reason(head: str, low: str | None, status: int) -> str | None:
    """The status's reason phrase where the paste labels it apart from the number (see _LABELLED_REASON)."""
    if low is not None and "reason" not in low:
        return None
    m = _LABELLED_REASON.search(head)
    return reason_phrase(status, m.group(1)) if m else None


def _dotnet_status(head: str, low: str | None) -> tuple[int, str | None] | None:
    """A status named by its System.Net.HttpStatusCode member after "status code" (see _DOTNET_STATUS)."""
    if (low is None or "status" in low) and (named := _DOTNET_STATUS.search(head)):
        return _DOTNET_NAMES[named.group(1)], None
    return None


def _client_status(head: str) -> tuple[int, str | None] | None:
    """A status a client's exception states with no reason phrase (see _CLASS_STATUS, _SUCCESS_STATUS, _ALAMOFIRE_STATUS,
    _OCTOKIT_STATUS, _PS_STATUS)."""
    if "$" in head and (named := _CLASS_STATUS.search(head)) and _DOTNET_NAMES[named.group(1)] == int(named.group(2)):
        return int(named.group(2)), None
    if "success: " in head and (said := _SUCCESS_STATUS.search(head)) and int(said.group(1)) in KNOWN_STATUSES:
        return int(said.group(1)), None
    if "StatusCode(" in head and (said := _ALAMOFIRE_STATUS.search(head)) and int(said.group(1)) in KNOWN_STATUSES:
        return int(said.group(1)), None
    if " - " in head and (said := _OCTOKIT_STATUS.search(head)) and int(said.group(1)) in KNOWN_STATUSES:
        return int(said.group(1)), None
    if "value__" in head and (said := _PS_STATUS.search(head)) and int(said.group(1)) in KNOWN_STATUSES:
        return int(said.group(1)), None
    return None


def _patterned_status(head: str, low: str | None) -> tuple[int, str | None] | None:
    """The first error status one of _STATUS_PATTERNS finds, and its reason phrase where the form holds one."""
    success: tuple[int, str | None] | None = None
    for pattern, words in _STATUS_PATTERNS:
        if low is not None and not any(w in low for w in words):
            continue
        for m in pattern.finditer(head):
            status = to_status(m.group(m.lastindex or 1))
            if status is None or status not in KNOWN_STATUSES or status < 400:
                if success is None and status in KNOWN_STATUSES and _success_before_body(head, m, pattern):
                    success = (status, None)
                continue
            after = head[m.end() : m.end() + 64].lstrip(" \t:")
            if pattern is _LOOSE_STATUS and _in_body_text(head, m.start()) and not _said_as_http(head, m.start(), status, after):
                continue  # "Error 502: Value ..." in an XML parser's message is its error number, not the HTTP status
            if pattern is _LOOSE_STATUS and _in_frame_source(head, m.start()):
                continue  # a traceback's source line is code: "self._boolean(response, status_code, 404)" states none
            return status, (reason_phrase(status, after) if pattern is _STATUS_PATTERNS[0][0] else None)
    return success


# the forms a log line writes a call's status in before its JSON body: "POST <url> -> 201 {...}", "POST <url> 201 {...}"
_CALL_FORMS = (_STATUS_PATTERNS[2][0], _STATUS_PATTERNS[4][0])


def _success_before_body(head: str, m: re.Match[str], pattern: re.Pattern[str]) -> bool:
    """Whether a 2xx a log line's call states is followed by its JSON body: a success's status, taken only where the
    paste states no error status (a 201 read as no status, its {"message": "Invoice created successfully"} was an error
    'not in the catalog', claims23)."""
    status = int(m.group(m.lastindex or 1))
    return 200 <= status < 300 and pattern in _CALL_FORMS and head[m.end() : m.end() + 4].lstrip(" \t").startswith("{")


_PY_FRAME = re.compile(r"[ \t]*File \"[^\"\n]{1,500}\", line \d+")


def _in_frame_source(head: str, at: int) -> bool:
    """Whether position ``at`` is on the source line a Python traceback prints under a frame's 'File "x.py", line 3'."""
    start = head.rfind("\n", 0, at)
    if start <= 0:
        return False
    before = head.rfind("\n", 0, start) + 1
    return _PY_FRAME.match(head, before, start) is not None


def _stated_status(head: str, low: str | None) -> tuple[int, str] | None:
    """The first error status ``head`` states with its own reason phrase (see _STATED_STATUS)."""
    if low is not None and not any(phrase in low for phrase in _ERROR_PHRASES):
        return None
    for m in _STATED_STATUS.finditer(head):
        status = to_status(m.group(1))
        if status in KNOWN_STATUSES and (reason := reason_phrase(status, m.group(2)) or _client_phrase(status, m.group(2))):
            return status, reason
    return None


# A client library's own phrase for a status, stated after its number: Ruby's RestClient 1.x raises
# "RestClient::ResourceNotFound: 404 Resource Not Found" (2.x says "404 Not Found")
_CLIENT_PHRASES = {404: ("Resource Not Found",)}


def _client_phrase(status: int, text: str) -> str | None:
    said = next((p for p in _CLIENT_PHRASES.get(status, ()) if text[: len(p)].lower() == p.lower()), None)
    return text[: len(said)] if said and not text[len(said) : len(said) + 1].isalnum() else None


_LOOSE_STATUS = _STATUS_PATTERNS[-1][0]  # "failed ... 502", "error 502": a number near a word, the weakest form


def _in_body_text(text: str, at: int) -> bool:
    """Whether ``at`` stands in a body's own text on its line: an XML element's text (``<description2>XML Parse error:
    Error 502: ...``) or a JSON string (an odd number of quotes before it). A number there is the error's words, not
    the exchange's status."""
    line = text[text.rfind("\n", 0, at) + 1 : at]
    tag = line.rfind("<")
    if tag >= 0 and line[tag + 1 : tag + 2].isalpha() and ">" in line[tag:]:
        return True
    return (line.count('"') - line.count('\\"')) % 2 == 1


def _said_as_http(text: str, at: int, status: int, after: str) -> bool:
    """Whether a number in a body's text is still said to be the HTTP status: its phrase follows it ("Error 503:
    Service Unavailable"), or HTTP precedes the word (IIS's page: "<p>HTTP Error 400. The request is badly formed.")."""
    return bool(reason_phrase(status, after)) or text[max(0, at - 5) : at].upper() == "HTTP "


def _leading_status(text: str) -> tuple[int, str | None] | None:
    """The status a line states before its body or its description (see _LEADING_STATUS), among the
    paste's first lines: alone on its line only when the body's first line follows it."""
    lines = [ln.strip() for ln in leading_lines(text.split("\n"), 4096, 40)]
    for i, line in enumerate(lines):
        m = _LEADING_STATUS.match(line)
        status = to_status(m.group(1)) if m else None
        if m is None or status is None or status not in KNOWN_STATUSES:
            continue
        rest = m.group(2)
        if status < 400:  # a 2xx before its JSON body ("201 {"message": "Invoice was created successfully"}") is a
            if 200 <= status < 300 and rest.startswith(("{", "[")):  # success's status; a 1xx/3xx there says no more
                return status, None
            continue
        if reason := reason_phrase(status, rest):
            return status, reason
        following = next((ln for ln in lines[i + 1 :] if ln), "")
        if not rest and (reason := reason_phrase(status, following)):  # "409", then "Conflict" (a page's layout)
            return status, reason
        if rest.startswith(_BODY_OPENERS + _QUOTES) or (not rest and following.startswith(_BODY_OPENERS)):
            return status, None  # a body, or the error's words in quotes ('422 — "Items element should be ..."')
        if _STATUS_CELL.match(line) or _TAB_ROW.match(line):  # "| 409 | IncorrectRowVersionSupplied | 111 |": a table's
            return status, None  # status column; "429<TAB>The limit of ...": a documentation table's row, copied
        if not rest and line == text.lstrip()[: len(line)] and following[:1].isalpha():
            return status, None  # the paste's first line, the status alone over the error's words ("404", "The resource...")
    return None


_FOR_URL = " for url: "
_URL_REACH = 220  # from " for url: " back to where a match of _PYTHON_HTTP_ERROR may start ("500 Server Error: " + 200)


def is_status_noise(text: str) -> bool:
    """Whether a plain-text line only restates the HTTP status (``400 Client Error: ... for url: ...``).

    Searched only near each " for url: " (runs of them close together searched as one): searched whole,
    a line of "400 Client Error: " repeated to 2 MB was read 200 characters ahead of every one (0.3 s)."""
    if " Error: " not in text:
        return False
    at = text.find(_FOR_URL)
    while at != -1:
        end = at + len(_FOR_URL)
        while (later := text.find(_FOR_URL, end)) != -1 and later - _URL_REACH <= end:
            end = later + len(_FOR_URL)
        if _PYTHON_HTTP_ERROR.search(text, max(0, at - _URL_REACH), end + 1):  # the URL's first character: enough
            return True
        at = later
    return False


# A line of a stack trace: where an error was raised, never its words. Python's header (IPython's too, with its
# "<ipython-input-1-ab> in f()" and "x.py in f(a)", "----> 1 code" lines and its rule of dashes) and its 'File "x.py",
# line 3, in f' (the deeper-indented source line under one goes with it), Java's and .NET's "at a.B.c(B.java:12)",
# Node's "at f (/app/x.js:1:2)" and "at <anonymous>" (and the "src/x.js:15:22" line alone that names where an uncaught
# error was thrown), PHP's "#0 /app/x.php(12): f()", Ruby's "from x.rb:3:in `f'", a JVM's "... 12 more" (Logback's
# "... 70 common frames omitted") and .NET's "--- End of stack trace from previous location ... ---".
_FRAME = re.compile(
    r"""\s*(?:(?:[\w.]{1,200}\s+)?Traceback\ \(most\ recent\ call\ last\):?
    | (?:<[^<>\n]{1,200}>|\S{1,500}\.py)\ in\ [\w<>]{1,200}\(.{0,500}\)
    | -{1,10}>\ \d+\ .{0,500}
    | -{20,}
    | File\ "[^"\n]{1,500}",\ line\ \d+(?:,\ in\ .{1,200})?
    | at\ (?:new\ |async\ )?[^\s()]{1,300}\ ?\([^()\n]{0,500}\)(?:\ in\ .{1,500})?
    | at\ (?:<anonymous>|[^\s()]{1,500}:\d+(?::\d+)?)
    | [^\s()]{1,500}\.(?:[cm]?js|ts):\d+(?::\d+)?
    | \#\d+\ (?:\{main\}|\S.{0,500}\(\d+\):\ .{0,500})
    | from\ \S{1,500}:\d+:in\ .{1,200}
    | \.\.\.\ \d+\ (?:more|common\ frames\ omitted)
    | ---\ End\ of\ (?:inner\ exception\ )?stack\ trace.{0,200})\s*""",
    re.VERBOSE,
)
_PYTHON_FILE_LINE = re.compile(r'(\s*)File "')
# Python's header inside a line ("debug: Traceback (most recent call last):", a client's one-line error that
# quotes a server's traceback): where frames start, never the error's words
# (tried where a run of blanks starts, not at each blank of it: each try read the run to its end, a line holding
# "Traceback (" and 16,000 blanks took 5.4 s of CPU; the leftmost match is the same)
_INLINE_TRACEBACK = re.compile(r"(?<!\s)\s*\bTraceback \(most recent call last\):?")
_NUMBERED_SOURCE = re.compile(r"\s{2,}\d{1,6} .{0,500}")


# pytest's report of a failure: "E   " before each line of the error, ">" before the line that raised it
_PYTEST_ERROR = re.compile(r"E {3,}(\S.*)")


# and pytest's other marks, one of which a report holds beside its "E" lines: the raising line, "path.py:12: Error"
_PYTEST_MARK = re.compile(r">\s{2,}\S|\S{1,300}\.py:\d+: \w")


def pytest_error_lines(lines: list[str]) -> list[str]:
    """The error lines of a pytest failure report (its "E   " lines, unprefixed), or [] when there are none (or
    no other mark of pytest: a log may start a line with "E" too): the source lines around them say where, not what."""
    found = [m.group(1) for line in lines[:10_000] if (m := _PYTEST_ERROR.match(line))]
    return found if found and any(_PYTEST_MARK.match(line) for line in lines[:10_000]) else []


# Python 3.11+'s marks under a frame's source line ("    ^^^^^^^^^^^^^^^^^^^^", "    ~~~~~~~~^^^^^^"): where in the line it
# failed, no words (a Celery task's traceback, blind38-20, read them as its message)
_POSITION_MARKS = re.compile(r"[ \t]*+[~^][ \t~^]*+")


def without_stack_frames(lines: Iterable[str]) -> Iterator[str]:
    """The lines that are not a stack trace's frames (taken lazily): a traceback pasted with its
    exception says where it was raised, and only the exception's line says what went wrong."""
    frame_indent = -1  # the indentation of the Python frame line just read: a deeper line under it is its source
    numbered = False  # inside IPython's frame: its numbered source lines ("      2 x = f()") go with it
    source = False  # the line before was a frame's source: Python 3.11+ marks the failing expression under it
    for line in lines:
        under, frame_indent = frame_indent, -1
        if source and "^" in line and _POSITION_MARKS.fullmatch(line):
            source = False
            continue
        source = False
        if under >= 0 and line.strip() and len(line) - len(line.lstrip()) > under and not _FRAME.fullmatch(line):
            source = True
            continue
        if numbered and _NUMBERED_SOURCE.fullmatch(line):
            continue
        numbered = False
        if _FRAME.fullmatch(line):
            python = _PYTHON_FILE_LINE.match(line)
            frame_indent = len(python.group(1)) if python else -1
            numbered = line.lstrip().startswith(("-", "<")) or ".py in " in line
            continue
        yield _INLINE_TRACEBACK.sub("", line) if "Traceback (" in line else line


def holds_stack_frames(text: str) -> bool:
    """Whether a text has a line of a stack trace (among its first 10,000)."""
    return any(_FRAME.fullmatch(line) for line in text.split("\n", 10_000)[:10_000])


def leading_lines(lines: Iterable[str], chars: int, count: int) -> list[str]:
    """The first lines of ``lines`` (taken lazily): at least ``count`` of them and more than ``chars``
    characters joined, or all there are. What reads only a paste's start need not clean every line."""
    taken: list[str] = []
    size = 0
    for line in lines:
        taken.append(line)
        size += len(line) + 1
        if len(taken) >= count and size > chars:
            break
    return taken


# What makes markup a web page, not a fragment: the document's type or its html, head, title or body element (a
# page copied from a browser's inspector, a test's fixture or a client's log may start at <head> or <title>:
# Cloudflare's "<title>Rate limited</title><p>error code: 1015</p>")
_PAGE_ELEMENT = re.compile(r"<(?:!doctype\s+html|html|head|title|body)\b", re.IGNORECASE)


def html_title(text: str) -> str | None:
    """The title of an HTML error page (``502 Bad Gateway``), the only part worth reading; its first h1 without one."""
    if not _PAGE_ELEMENT.search(text[:2000]):
        return None
    title = _HTML_TITLE.search(text[:65536]) or _HTML_H1.search(text[:65536])
    return " ".join(((title.group(1) or "") + " " + title.group(2)).split()) if title else ""

"""Passwords a person set, told by their shape where nothing names them: letters, digits and signs mixed in many
runs ("_j2#!l#awEF"), short random strings in quotes, and the dotted ones whose only signs are "-", "_" and ".".
Versions, e-mail addresses, formats and package names are no passwords."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from .basics import _HEX, _ID_LABEL, _LOWER_THEN_UPPER, _MARKED, Span, _lazy, _lowered, distinct_lines
from .ids import api_id
from .places import _PUBLIC_HEX_KEY
from .shapes import _PLUS_WORD, _camel_words, _entropy, _reads_as_words, _word_like
from .words import _IN_NAME

# A password a person set: letters, digits and a sign (!#%^&*+?~@) mixed in many runs ("_j2#!l#awEF", "i84%dXxUNw_a19KQ"),
# standing alone where no name says what it is (a debugger's string, a call's argument, a list's item). Cut at what
# bounds a token in code and logs, "=", ":" and "/" too (a key=value pair, a host:port, a path are judged by part).
_SIGNED = _lazy(
    r"""(?<![^\s"'`<>()\[\]{},;|\\=:/&])(?=[^\s"'`<>()\[\]{},;|\\=:/&]{0,63}[!#$%^*+?~@])(?=[^\s"'`<>()\[\]{},;|\\=:/&]{0,63}\d)"""
    r"""[^\s"'`<>()\[\]{},;|\\=:/&]{8,64}(?![^\s"'`<>()\[\]{},;|\\=:/&])"""
)
_SIGN = _lazy(r"[!#$^*+?~@]|%(?![0-9A-Fa-f]{2})")
_ANY_SIGN = _lazy(r"[!#$%^*+?~@]")
_SIGN_SPLIT = _lazy(r"[!#$^*+?~@%]+")
_CLASS_RUNS = _lazy(r"[A-Z]+|[a-z]+|[0-9]+|[^A-Za-z0-9]+")
_NOT_A_PASSWORD = _lazy(
    # a version (2.1.0+cu118, 1:2.3-1ubuntu0.1~esm1, 5.3.10.RELEASE, 2.0.Final), its parts in one case ("3+YQ6_i0MmBneW": no
    # version's)
    r"(?:\d{1,5}:)?v?\d+(?:[.+~_-](?:[0-9]+[a-z0-9]*|[a-z]+[a-z0-9]*|[A-Z]+[0-9]*|[A-Z][a-z]+[0-9]*))+"
    r"|[\w.+-]{1,64}@[A-Za-z][\w-]*(?:\.[\w-]+)*\.(?:[a-z]{2,24}|[A-Z]{2,24})\.?"  # an e-mail address, user@host.domain
    # user@host (a shell's prompt, an actor's address), a class and its line (ZooKeeper's QuorumCnxManager$Listener@493)
    r"|[\w.$-]{1,128}@(?:[a-z][a-z0-9.-]{0,127}|\d{1,9}|\d{1,3}(?:\.\d{1,3}){3})"
    r"|(?:[\w.-]{1,64}!)?[\w.$]{1,128}\+0x[0-9a-fA-F]{1,16}"  # a symbol and its offset (do_syscall_64+0x5c, ntdll!F+0x21)
    # a symbol's version (nm's and the linker's _Exit@@GLIBC_2.2.5, memcpy@GLIBC_2.14), a shared library (libstdc++.so.6)
    r"|[\w.$]{1,128}@@?[A-Z][A-Z0-9]{1,15}(?:_[A-Z][A-Z0-9]{0,15})*_[0-9]{1,4}(?:[._][0-9]{1,4}){0,4}"
    r"|lib[\w+-]{1,64}?\.(?:so|dylib|dll)(?:\.[0-9]{1,6}){0,4}"
    r"|[\w.$]{1,128}@[0-9a-f]{4,16}"  # an object's identity (java.lang.Object@1b6d3586)
    r"|@(?:[0-9A-F]{8}|[0-9a-f]{8}|[0-9A-F]{16}|[0-9a-f]{16})"  # a pointer (SkyDrive's this=@049B0BE4;owner=@02C5A384)
    r"|(?:%[-+ #0-9.]{0,8}[A-Za-z]|[^%A-Za-z])+"  # a format (%Y-%m-%dT%H:%M:%S.%03d)
    r"|[A-Z]{2,5}[+-]\d{1,2}(?::?\d\d)?"  # a time zone (UTC+10:00)
    # a Cisco message's facility, severity and mnemonic (%ASA-3-421007, %LINK-3-UPDOWN, %ASA-session-5-722037)
    r"|%[A-Z][A-Z0-9_]{1,31}(?:-[A-Za-z_]{1,31})?-[0-7]-[A-Z0-9_]{1,40}:?"
    # a package at its version (npm's 30d-clear-depth@1.0.0, cli@16.2.0-rc.1), a scoped one URL-encoded (@types%2fnode)
    r"|@?[a-z0-9][\w.-]{0,127}(?:%2[fF][a-z0-9][\w.-]{0,127}(?:@v?\d+\.\d+\.\d+(?:[-+][\w.]+)?)?|@v?\d+\.\d+\.\d+(?:[-+][\w.]+)?)"
)


def _signed_passwords(text: str) -> Iterator[Span]:
    """Passwords of letters, digits and signs, whatever stands beside them (see _SIGNED), and short random
    strings in quotes (a call's argument, a debugger's string: 'lzx139Q2MxG'), shorter than _random_tokens judges."""
    for m in _SIGNED().finditer(text) if _ANY_SIGN().search(text) else ():
        start, end = m.span()
        if (key := _QUERY_KEY().search(text, start, end)) is not None and (
            text.startswith("=", end) or (text[start - 1 : start] == "/" and _SUBRESOURCE().fullmatch(text, key.start(), end))
        ):  # a path's last part and the query's first key (app-001.log?X-Amz-Signature=, S3's /bucket?policy): the path's
            end = key.start()  # part is judged alone
        token = text[start:end]
        if (
            (_password_like(token) and not _anchored_name(text, start, token))
            or (_WORD_HASH_NUMBER().fullmatch(token) and _credential_context(text, start, end))
            or (_TWO_WORDS_HASH_NUMBER().fullmatch(token) and _a_url_last_part(text, start) and _two_words_and_a_number(token))
        ) and not (_ID_LABEL().search(text, max(0, start - 56), start) or _IN_SOURCE().search(text, max(0, start - 8), start)):
            yield Span(start, end, "random password")  # ("Support ID: p5rxS~YxEX…" stays, as _random_tokens leaves it)
    if "'" in text or '"' in text:
        for m in _SHORT_QUOTED().finditer(text):
            if _short_random(m.group(2)):
                yield Span(*m.span(2), "random password")
    if "=" in text:  # and a query's value ("?k=i0VpEBOWfbZA"), unless its key says it is an id, a hash or a version
        for m in _SHORT_QUERY_VALUE().finditer(text):
            if _short_random(m.group(2)) and not _PUBLIC_HEX_KEY().match(m.group(1)):
                yield Span(*m.span(2), "random password")


# a C/C++ source file's line and the function there ("storageserviceapi.cpp:1310!StorageServiceApi::GetClientPolicy")
_IN_SOURCE = _lazy(r"\.(?:c|cc|cpp|cxx|h|hpp|m|mm|cs):\Z")


def _anchored_name(text: str, start: int, token: str) -> bool:
    """Whether the token is a public name and what its "#" points to, both in words, numbers and short acronyms: a
    URL's fragment (rfc7231#section-6.5.1, app.py#L42-L50), a member or a type in its namespace (AWS's
    com.amazonaws.dynamodb.v20120810#ResourceNotFoundException, Acme.Ledger.V2.InvoiceService#Post2, Api::V2::Jobs#run2),
    an issue (owner/myob-api#28), a Slack channel (#team-ops2). Alone or after one dot ("Winter.2024#Ledger"), with
    other signs ("g7#Kq!x2"), or as an issue where the lines around speak of logging in ("ops/Dragon-ledger#1875"), it
    is a password."""
    name, _, anchor = token.partition("#")
    anchor = anchor[:-1] if anchor.endswith(".") else anchor  # (a sentence's full stop)
    if _ANY_SIGN().search(name) or _ANY_SIGN().search(anchor) or not _named_in_parts(anchor):
        return False
    if not name:  # a channel: lower-case words and numbers joined by "-" or "_"
        return anchor.islower() and _CHANNEL().fullmatch(anchor) is not None
    if not _named_in_parts(name):
        return False
    if name.count(".") >= 2 or text[start - 2 : start] == "::":
        return anchor[0].isalpha()  # a qualified name's member
    if text[start - 1 : start] != "/":
        return False
    if _a_url_last_part(text, start):
        return _a_page_and_anchor(name, anchor) and not (_after_a_credential_path(text, start, token) or _a_persons(name, anchor))
    return anchor.isdigit() and not _credential_context(text, start, start + len(token))  # an issue


def _a_url_last_part(text: str, start: int) -> bool:
    """Whether the token after a "/" is a URL's path part (the word it is in holds "://")."""
    return text[start - 1 : start] == "/" and "://" in text[max(0, start - 2048) : start].rsplit(None, 1)[-1]


# a path part before a URL's last part that names a credential the last part is (a reset link's /reset/<password>)
_CREDENTIAL_PATH = _lazy(
    r"/(?:reset|(?:re)?set[-_]?password|password[-_]?reset|passwords?|activate|activation|verify|confirm|invite|unlock"
    r"|magic[-_]?link|login|signin|tokens?|keys?|secrets?)/\Z",
    re.IGNORECASE,
)


def _after_a_credential_path(text: str, start: int, token: str) -> bool:
    """Whether a URL's last part holding a "#" and a digit stands where a link carries a credential ("/reset/monkey#harbour238"):
    a person's password reads as a page and an anchor, the path around it does not."""
    return any(c.isdigit() for c in token) and _CREDENTIAL_PATH().search(text, max(0, start - 40), start) is not None


# a person's password around a "#": a word, then a word with two to four digits after it ("monkey#harbour238",
# "Dragon4412#ledger"); a page's number follows a short name (rfc7231#section, h2#top) or stands apart (chapter-12)
_WORD_DIGITS = _lazy(r"[A-Za-z][a-z]{3,15}[0-9]{2,4}")
_ONE_WORD = _lazy(r"[A-Za-z][a-z]{2,15}")


# two words joined by "-" or "." before a number: a person's ("winter-ledger#4821", "Winter.Ledger#7"); a page's dot comes
# before its file's extension (myob.md#25008, nsHttpResponseHead.cpp#397), its slug is in lower case and its numbered
# place most often one digit (getting-started#2, a footnote)
# a word, then a word and a number after "-" ("monkey#Harbour-238"): a page's numbered place is in lower case, its number
# short (install#step-2, rfc9110#section-15)
_WORD_DASH_NUMBER = _lazy(r"[A-Za-z][a-z]{2,15}-([0-9]{1,4})")
# the words a page numbers its places by (a step, a comment, a footnote, a figure): a lower-case word with a short number
# after any other ("monkey#harbour-23") is a person's
_PLACE_WORD = _lazy(
    r"step|(?:sub)?sec(?:tion)?|comment|issuecomment|discussioncomment|note|footnote|fnref|ref|reference|cite|citation"
    r"|chap(?:ter)?|part|item|fig(?:ure)?|tab(?:le)?|example|heading|header|line|lines|issue|page|appendix|annex|para(?:graph)?"
    r"|question|answer|post|reply|entry|event|commit|diff|hunk|option|rule|article|slide|lesson|unit|exercise|problem|task"
    r"|level|tip|version|release|clause|definition|theorem|lemma|eq|equation|message|row|col|column|cell|block|snippet|code"
    r"|listing|sample|image|img|video|episode|day|week|phase|stage|round|panel|card|result|test|case|bug|ticket|review"
    r"|revision|rev|change|file|toc|top|anchor|link|thread|story|faq|chunk|frame|slot|region|box"
)
_TWO_WORDS = _lazy(r"[A-Za-z][a-z]{2,15}([-._])[A-Za-z][a-z]{2,15}")
_TWO_WORDS_HASH_NUMBER = _lazy(r"[A-Za-z][a-z]{2,15}[-._][A-Za-z][a-z]{2,15}#[0-9]{1,6}\.?")  # (a sentence's full stop)
_PAGE_EXTENSION = _lazy(
    r"html?|xhtml|shtml|md|markdown|rst|txt|adoc|asciidoc|php\d?|aspx?|jspx?|cfm|cgi|pdf|json|ya?ml|xml|ipynb"
    r"|py|pyx|rb|pl|pm|js|mjs|cjs|ts|tsx|jsx|go|rs|java|kt|kts|scala|swift|cs|vb|fs|cpp|cxx|hpp|hxx|hh|cc|mm|sh|bash|lua|erl|ex|exs|dart|sql"
)


def _a_persons(name: str, anchor: str) -> bool:
    """Whether a URL's last part around its "#" is a word and a word with digits, or two words and a number, as a
    person's password is."""
    if anchor.isdigit():
        return _two_words_and_a_number(f"{name}#{anchor}")
    if _ONE_WORD().fullmatch(name) and (numbered := _WORD_DASH_NUMBER().fullmatch(anchor)):
        place = _PLACE_WORD().fullmatch(anchor, 0, numbered.start(1) - 1) is not None
        return not (name + anchor).islower() or len(numbered.group(1)) >= 3 or not place
    return bool(
        (_WORD_DIGITS().fullmatch(anchor) and _ONE_WORD().fullmatch(name))
        or (_WORD_DIGITS().fullmatch(name) and _ONE_WORD().fullmatch(anchor))
    )


def _two_words_and_a_number(token: str) -> bool:
    """Two words joined by "-", "_" or "." and a number of up to six digits: a page's extension or a lower-case slug's
    place of one digit or more than four stay."""
    name, _, anchor = token.rstrip(".").partition("#")
    words = _TWO_WORDS().fullmatch(name)
    if words is None or len(anchor) > 6:
        return False
    if words.group(1) == ".":
        return _PAGE_EXTENSION().fullmatch(name.rpartition(".")[2]) is None
    return not name.islower() or 2 <= len(anchor) <= 4


def _a_page_and_anchor(name: str, anchor: str) -> bool:
    """Whether a URL's last path part and its fragment read as a page and a place in it (rfc7231#section-6.5.1,
    json.html#json.JSONDecodeError, app.py#L42): the page's parts words, numbers or a word and a number, the anchor
    words; a password's two halves mix case and digits as no page does (/reset/Xk9#qP2vLm7, /x/QldoB#13)."""
    return all(
        _PAGE_PART().fullmatch(p) and (len(p) < 5 or not p.isupper() or _reads_as_words(p))
        for p in _NAME_PARTS().split(f"{name}.{anchor}")
    )


# a page's or an anchor's part: a word and a number (rfc7231, h2, L42), words run together (CommonErrors, dateTime,
# JSONDecodeError), a number
_PAGE_PART = _lazy(r"[a-z]+[0-9]*|[0-9]+|[A-Z]{0,6}(?:[A-Z]?[a-z]+)+[0-9]*|[A-Z]{1,12}[0-9]*")


def _named_in_parts(value: str) -> bool:
    """Parts joined by "-", "_" or "." that are numbers, or words of two letters or more, acronyms and numbers run
    together, as names are ("section", "v20120810", "ResourceNotFoundException", "Http2Client", "L42")."""
    return all(p and _WORD_PART().fullmatch(p) for p in _NAME_PARTS().split(value))


_WORD_PART = _lazy(r"[A-Za-z]?[0-9]+|(?:[A-Z]?[a-z]{2,}|[A-Z]{1,4}(?![a-z]))(?:[A-Z]?[a-z]{2,}|[A-Z]{1,4}(?![a-z])|[0-9]+)*")
_CHANNEL = _lazy(r"[a-z0-9]+(?:[-_][a-z0-9]+)+")


_QUERY_KEY = _lazy(r"\?[A-Za-z_][\w.-]{0,63}$")  # (before "=": its value is judged by the key's name)
_SUBRESOURCE = _lazy(r"\?[a-z]{2,32}")  # a query of one key without a value after a URL's path (S3's ?policy, ?acl, ?uploads)
_SHORT_QUERY_VALUE = _lazy(r"[?&;]([A-Za-z_$][\w.$-]{0,40})=([A-Za-z0-9]{10,15})(?![\w%.~+/=-])")
_SHORT_QUOTED = _lazy(r"""(["'])(?<![\w\\]["'])([A-Za-z0-9]{10,15})\1(?!\w)""")  # (a quote first: re skips to it)


@functools.lru_cache(maxsize=4096)
def _short_random(token: str) -> bool:
    """Upper and lower case and digits changing as no word or name does (five runs or more)."""
    if token.isalpha() or token.isdigit() or token.islower() or token.isupper():
        return False
    if len(_CLASS_RUNS().findall(token)) < 5 or not any(map(str.isdigit, token)):
        return False
    return not (_camel_words(token) or _word_like(token) or _HEX().fullmatch(token)) and _entropy(token) >= 2.5


@functools.lru_cache(maxsize=4096)  # a log repeats its tokens
def _password_like(token: str) -> bool:
    """Letters, digits and a sign, in four runs of one class or more, where no part is read as a word or
    a number alone ("issue#1234", "hello+world+2024", "NT+10.0" stay)."""
    if _MARKED in token or not _SIGN().search(token) or sum(map(str.isalpha, token)) < 2:
        return False
    if _WORD_BANG_NUMBER().fullmatch(token):
        return True
    if len(_CLASS_RUNS().findall(token)) < 4 or _NOT_A_PASSWORD().fullmatch(token):
        return False
    parts = [p for p in _SIGN_SPLIT().split(token) if p]  # (a URL's id?organization_id=…: a number and a name)
    if all(_PLUS_WORD().fullmatch(p) or _SNAKE_NAME().fullmatch(p) for p in parts):
        return False
    return not ("$" in token and _dollar_names(token))


# A word, "!" or "$", then a number: the password a person is made to set ("Admin$123456", "Welcome!2024"), or words, a
# number and a sign after them ("harboursunshine7847$"). No name or issue is written so ("issue#1234", "user@123", "C++17"
# stay); a JVM class's "$" takes fewer digits (Sync$1, access$100), a machine account is in capitals (WS2019$).
_WORD_BANG_NUMBER = _lazy(r"[A-Za-z]{3,16}(?:![0-9]{3,12}|\$[0-9]{4,12})|(?=[A-Z]?[a-z])[A-Za-z]{6,24}[0-9]{2,6}[!#$%*?]")
# the same with "#" ("Ledger#491214"): an issue or an order is written so too ("Issue#123456"), so only where the lines
# around it speak of logging in (see _credential_context)
_WORD_HASH_NUMBER = _lazy(r"[A-Z][a-z]{2,15}#[0-9]{4,12}")


def _dollar_names(token: str) -> bool:
    """Names joined by "$", its only sign: a JVM class's (com.acme.Sync$1.run, lambda$main$0), a variable
    ($DB_PASSWORD_2, ${HOME}), an amount ($1,200.50); a password's "$" stands between parts no name has ("qR4$SDna")."""
    if _SIGN_SPLIT().sub("", token.replace("$", "")) != token.replace("$", ""):
        return False  # another sign too
    return all(_PLUS_WORD().fullmatch(p) or _camel_words(p) for p in _NAME_PARTS().split(token.strip("${}")) if p)


_NAME_PARTS = _lazy(r"[$._,-]+")


_SNAKE_NAME = _lazy(r"[a-z]+(?:[_.][a-z]+)*")  # also a file or module name (myob.md#25008: a page and its anchor)


# A person's password whose only signs are "-", "_" and "." ("x-4sC-aFW.gH7", "m.fR_ucA0z4uiNa"), where nothing names
# it: digits and both cases, the case changing from lower to upper twice or more in six runs or more, letters that
# pair as no words' do. Identifiers with these signs (MyApp_v2.3.1, kube-system_coredns-5d78c9869d-8xJkq, us-east-1_AbCd12,
# io.k8s.api.core.v1.PodSpec) read as words or change case less; 0 of 18,493 tokens of the catalog, the shared logs and
# pastes, errcat's source and its installed packages' names are taken, and about 4 in 10 such passwords are.
_DOTTED = _lazy(
    r"""(?<![^\s"'`<>()\[\]{},;|\\=:/&])(?=[A-Za-z0-9._-]{0,63}[-_.])(?=[A-Za-z0-9._-]{0,63}\d)"""
    r"""(?=[A-Za-z0-9._-]{0,63}[a-z])(?=[A-Za-z0-9._-]{0,63}[A-Z])"""
    r"""(?:[_.][-_.]{0,2})?(?P<core>[A-Za-z0-9][A-Za-z0-9._-]{8,62}[A-Za-z0-9])[-_.]{0,3}(?![^\s"'`<>()\[\]{},;|\\=:/&])"""
)  # (signs may end it, "_" or "." start it: "_5BaQF_zM_", "nqZV-Hnk7OcL."; its core is judged; a "-" first is a flag's)
_DOTTED_STEPS = 2  # lower-to-upper steps
_DOTTED_RUNS = 6  # runs of upper case, lower case or digits


@functools.lru_cache(maxsize=4096)
def _dotted_password(token: str) -> bool:
    if _MARKED in token:
        return False
    if len(_LOWER_THEN_UPPER.findall(token)) < _DOTTED_STEPS:
        return _dense_classes(token)  # (a version changes case from lower to upper once at most: 5.3.10.RELEASE, 1.0.0-rc.1)
    runs = _CASE_RUNS().findall(token)
    if len(runs) < _DOTTED_RUNS or (max(len(r) for r in runs if r.isalpha()) >= 4 and _reads_as_words(token)):
        return False  # (letters in runs of 3 at most pair too seldom to be read as words: "gMup.6xL4q")
    return not any(_camel_words(p) or _word_like(p) for p in re.split(r"[-_.]", token) if len(p) >= 6)  # (PyQt5.QtWidgets)


_CASE_RUNS = _lazy(r"[A-Z]+|[a-z]+|[0-9]+")
_TITLE_WORD = _lazy(r"[A-Z][a-z]{2,}")
_DENSE_SHARE = 0.6  # class runs per letter or digit: a person's random password changes class at most characters


def _dense_classes(token: str) -> bool:
    """A password whose case changes less than _dotted_password asks, told by how often it changes class: upper and
    lower case and digits, six runs or more and at least one for every 1 / _DENSE_SHARE characters, no run of over four
    letters, a part of five or more characters that changes class four times ("N9lLCH0e.r-q1Y", "8Y-3GGW0x.k1HU").
    Identifiers read as words, numbers or hex: "MyApp_v2.3.1", "bz2.BZ2File", "OP_NO_TLSv1_2", "A4xC2_in_S6",
    GPU-<GUID> stay (of 5,005 such tokens the gate showed in errcat's packages, the shared logs and pastes, 8 random
    ids are taken; about 3 in 4 such passwords are, 2 in 4 before)."""
    runs = _CASE_RUNS().findall(token)
    if len(runs) < _DOTTED_RUNS or len(runs) < _DENSE_SHARE * sum(map(len, runs)) or not any(r.isdigit() for r in runs):
        return False
    if max(len(r) for r in runs if r.isalpha()) > 4:
        return False
    parts = [p for p in re.split(r"[-_.]", token) if p]
    if not any(len(p) >= 5 and len(_CASE_RUNS().findall(p)) >= 4 for p in parts):
        return False
    if any(len(p) == 2 and p.isalpha() and (p.islower() or p.isupper()) for p in parts):
        return False  # "_in_", "_OR_": words between names
    if sum(p.isdigit() for p in parts) >= 2 or all(_HEX().fullmatch(p) for p in parts if len(p) >= 4):
        return False  # a version (v2.3.1), hex ids
    if any(_camel_words(p) or _word_like(p) for p in parts if len(p) >= 4):
        return False
    return not any(_word_like(w.lower()) for w in _TITLE_WORD().findall(token)) and _entropy(token) >= 3.0


def _dotted_passwords(text: str) -> Iterator[Span]:
    probe = distinct_lines(text)  # (a token stands on one line: none in the distinct lines, none in the text)
    if probe is not text and not any(_loosely_dotted(m.group("core")) for m in _DOTTED().finditer(probe)):
        return
    for m in _DOTTED().finditer(text):
        token = m.group("core")
        if api_id(token.split(".", 1)[0]):
            continue  # an API object's id (Stripe's price_1HFw3Q…, evt_1NG8….json): read by its user
        if not (_dotted_password(token) or (_loosely_dotted(token) and _credential_context(text, *m.span()))):
            continue
        if not _ID_LABEL().search(text, max(0, m.start() - 56), m.start()):
            end = m.end() - (text[m.end() - 1] == "." and m.end() > m.end("core"))  # (a sentence's full stop stays)
            yield Span(m.start("core"), end, "random password")  # (and a flag's "-" before it: -pAb1-…)


@functools.lru_cache(maxsize=4096)
def _loosely_dotted(token: str) -> bool:
    """A dotted password's shape told on less (enough where the lines around it speak of logging in, see
    _credential_context): upper and lower case and digits in four runs or more, no part read as a word, a number, hex
    or a version, no letters-only part in one case. Of 15,613 dotted identifiers of errcat's packages, the shared logs
    and pastes, 13 more have this shape (5 random keys, bz2.BZ2File, W_1280xH_720); of random passwords about 8 in 10
    (5 in 10 by _dotted_password alone)."""
    if _dotted_password(token):
        return True
    runs = _CASE_RUNS().findall(token)
    if len(runs) < _LOOSE_RUNS or not any(r.isdigit() for r in runs) or _NOT_A_PASSWORD().fullmatch(token):
        return False
    parts = [p for p in re.split(r"[-_.]", token) if p]
    if sum(p.isdigit() for p in parts) >= 2 or all(_HEX().fullmatch(p) for p in parts if len(p) >= 4):
        return False  # a version, hex ids
    if any(_camel_words(p) or _word_like(p) or _word_like(p.lower()) for p in parts if len(p) >= 4):
        return False
    if any(len(p) >= 2 and p.isalpha() and (p.isupper() or p.islower()) for p in parts):
        return False  # a part in one case is a name's word or an abbreviation (ssl.OP_NO_TLSv1_2, GHSA-…, H5F.is_hdf5)
    if max(len(r) for r in runs if r.isalpha()) >= 4 and _reads_as_words(token):
        return False
    return _entropy(token) >= 3.0


_LOOSE_RUNS = 4
# what the lines around a token say when it is a password: a credential's name, logging in, an authentication's failure
_LOGIN_WORDS = _lazy(
    r"pass(?:wor)?d|passphrase|pwd|secret|credential|log[ -]?in|sign[ -]?in|auth|(?<!\d)40[13](?!\d)"
    r"|denied|unauthori[sz]ed|forbidden",
    re.IGNORECASE,
)
_CONTEXT_REACH = 240  # characters of the lines before and after a token that are read


def _credential_context(text: str, start: int, end: int) -> bool:
    """Whether the token's line, the line before or the line after it speaks of a credential or logging in."""
    before = text.rfind("\n", max(0, start - _CONTEXT_REACH), start)
    before = text.rfind("\n", max(0, start - _CONTEXT_REACH), before) if before > 0 else before
    after = text.find("\n", end, end + _CONTEXT_REACH)
    after = text.find("\n", after + 1, end + _CONTEXT_REACH) if after >= 0 else -1
    first = max(0, start - _CONTEXT_REACH) if before < 0 else before + 1
    last = min(len(text), end + _CONTEXT_REACH) if after < 0 else after
    return _LOGIN_WORDS().search(text, first, last) is not None


# A password of letters alone ("kestrellisboa": two words run together, as people pick one), told only where nothing
# else may stand: the words that lead to a password end a line or a clause right before it, or a user and a slash
# before it end a line naming credentials. Even there an English word may stand ("with password authentication",
# "using the password\nexpired"): a word that ends as English words of its kind end, or names a credential or a user,
# is left; a run of 8 to 40 letters in lower case is taken (a capital first reads as a name: "with Google / Microsoft").
# Of these, the endings of words derived from others, and each as such words are inflected ("successful" and
# "successfully", "requirement" and "requirements", "possibility" and "possibilities"): no word of its own ends as the
# inflected ones do, so they say a run of letters is one English word even when it is long enough to be two run together
# (where an ending that is a word, "quokkastation", "wombatmorning", stays a password's: see LONG_WORD_ENDINGS)
_DERIVED_ENDINGS = {"ment": "ments", "ity": "ities", "ful": "fully"}
_ENGLISH_ENDINGS = (
    "tion", "sion", "ing", "ed", "ness", "able", "ible", "ure", "ence", "ance", "less", "ive", "ous", *_DERIVED_ENDINGS,
    "ly", "ies", "es", "ism", "ist", "ize", "ise", "age", "ery", "ory", "ant", "ent", "al", "ic", "ship", "hood", "ward",
    "ator", "ager", "ider", "ader", "ser", "ter", "ada", "ida", "ado", "ido",  # (and a participle: "caducada", "bloqueado")
)  # fmt: skip
LONG_WORD_ENDINGS = tuple(_DERIVED_ENDINGS.values())
# those endings in the plural, and an agent's ("components", "documents", "settings", "handlers"): a folder after another
# ("src/components") or a sentence's noun, as English as the word in the singular
_PROSE_ENDINGS = (*_ENGLISH_ENDINGS, *(f"{e}s" for e in _ENGLISH_ENDINGS if e[-1] not in "sy"), "ers")
_NOT_A_WORD_PASSWORD = _lazy(r"user|login|logon|e-?mail|account|admin|default|blank|empty|none|null")
# what a sentence says a password is, in words no ending above tells ("the password is incorrect")
_STATE_WORDS = frozenset((
    "incorrect", "invalid", "mandatory", "optional", "obsolete", "insecure", "unknown", "temporary", "plaintext",
    "correct", "unset", "readonly", "writeonly", "forbidden", "mismatch", "too", "wrong", "strong", "weak", "secure",
    # (Spanish, Portuguese and German, after "es", "é" and "ist")
    "incorrecta", "incorreta", "invalida", "obligatoria", "obrigatoria", "diferente", "correcta", "correta", "vacia",
    "vazia", "insegura", "temporal", "abgelaufen", "gesperrt", "erforderlich", "ungueltig", "falsch",
    # (an account's state a listing gives after "user /", where no English ending is read: "Login: admin / disabled")
    "disabled", "unlocked", "required", "rotating", "inactive", "suspended", "unchanged", "expiring", "archived",
    "verified", "unverified", "approved", "rejected", "accepted", "unassigned", "disconnected",
))  # fmt: skip


def letters_password(value: str, prose: bool = True) -> bool:
    """Whether letters alone may be a password a person picked (see _ENGLISH_ENDINGS). Where no sentence goes on
    (``prose`` False: a user and a slash before it, "login: ops / kestrelmorning"), a word ending as English words do
    is taken too: there an English word would stand only as a state or a name (left), not as a sentence's next word."""
    if not 8 <= len(value) <= 40 or not value.isalpha() or not value.isascii() or not value.islower():
        return False
    if value in _STATE_WORDS or (prose and value.endswith(_PROSE_ENDINGS)):
        return False
    return not (_IN_NAME().search(value) or _NOT_A_WORD_PASSWORD().search(value))


# A password a console or a mail wrapped onto a line of its own: its line ends with words that lead to it ("with
# password", "using the password"; "=" or ":" after the word) or says what the password is ("the password for the
# company file is"), and the next line is one token holding a letter and a digit or a sign ("Koala#24"): no path or URL,
# no sentence's word and its full stop. A label's phrase stays ("Reset password" then "Winter2024": a page's next item)
_WRAPPED_AFTER_WORD = _lazy(
    r"(?<![\w-])(?:(?:with|using)[ \t]{1,4}(?:the[ \t]{1,4})?(?:passw(?:or)?d|passphrase|pwd)|(?:passw(?:or)?d|passphrase|pwd"
    r"|senha|passwort|contrase\u00f1a)(?:(?:[ \t]{1,4}[^\s]{1,40}){0,5}?[ \t]{1,4}(?:is|was|\u00e9|ist|es)[ \t]*:?|[ \t]*[=:]"
    r"|(?:[ \t]{1,4}[^\s:]{1,60}){1,10}?:))"  # "password to proceed to installation:", "Password for the elastic user (…):"
    r"[ \t]*\r?\n(?:[ \t]*\r?\n)?"  # (a blank line between: a mail's "Password:", a blank line, the password)
    r"[ \t]{0,40}(?P<val>(?=[^\s'\"<>/]{0,127}[a-z])[^\s'\"<>/]{6,128})"
    r"[ \t]*(?=\r?\n|$)"
)
_LOWER_OR_STOP = frozenset("abcdefghijklmnopqrstuvwxyz.,;:!?")  # a token of these alone is a word (or letters_password)


def _wrapped_after_word(text: str) -> Iterator[Span]:
    """The token alone on the line after a line that ends with a password's word (see _WRAPPED_AFTER_WORD): not a date,
    a number or a version, nor a label ending in ":"."""
    if "\n" not in text:
        return
    low = _lowered(text)
    if "pass" not in low and "pwd" not in low and "senha" not in low and "contrase" not in low:
        return
    for m in _WRAPPED_AFTER_WORD().finditer(low):
        value = text[m.start("val") : m.end("val")]
        if _MARKED in value or value.endswith(":") or value[0] in "\\[{(" or _NOT_A_PASSWORD().fullmatch(value):
            continue
        if _LOWER_OR_STOP.issuperset(m["val"]) and not letters_password(value):
            continue  # a word wrapped onto its line ("using the password\nexpired")
        yield Span(*m.span("val"), "credential by name")


# A password's, a key's or a token's name in Chinese, Japanese or Korean glued to its value by a particle ("is": 是, 为,
# 為, は, 는, 은) or a full-width colon after one ("密码是…", "密碼為…", "密码为：…", "パスワードは…です", "비밀번호는 …"):
# no space or sign for the name pass to find. The value is the run of ASCII after it (these scripts' words and
# punctuation end it: "密码错误" and "パスワードは8文字以上" hold none of 4 characters or more).
_CJK_NAMES = (
    "\u5bc6\u7801", "\u5bc6\u78bc", "\u53e3\u4ee4", "\u5bc6\u94a5", "\u5bc6\u9470", "\u79d8\u94a5", "\u4ee4\u724c",
    "\u30d1\u30b9\u30ef\u30fc\u30c9", "\u6697\u8a3c\u756a\u53f7", "\u30c8\u30fc\u30af\u30f3", "\ube44\ubc00\ubc88\ud638",
    "\uc554\ud638", "\ud1a0\ud070",
)  # fmt: skip
_CJK_GLUED = _lazy(
    "(?:" + "|".join(_CJK_NAMES) + r")[ \t\u3000]{0,2}(?:\u662f|\u4e3a|\u70ba|\u306f|\ub294|\uc740)"
    r"[ \t\u3000]{0,2}(?:[:\uff1a][ \t\u3000]{0,2})?(?P<val>[!-~]{4,256})"
)


def _cjk_glued(text: str) -> Iterator[Span]:
    """The value a Chinese, Japanese or Korean sentence gives after a credential's name and "is" (see _CJK_GLUED)."""
    if text.isascii() or not any(name in text for name in _CJK_NAMES):
        return
    for m in _CJK_GLUED().finditer(text):
        value = m.group("val").rstrip(".,;:!?)]}'\"")
        if len(value) >= 4 and _MARKED not in value:
            yield Span(m.start("val"), m.start("val") + len(value), "credential by name")

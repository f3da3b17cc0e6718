"""The value after a credential's name in any syntax (``key: v``, ``key => v``, ``[key, v]``, ``key=v``, ``--flag v``,
``<key>v</key>``): the main pass, matched on the text in lower case and only near the needles. Prose ("password is
required"), a name that says its value is no credential, a source file's line and an HTTP status are left."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ..values import reason_phrase
from .basics import (
    _CDATA,
    _HEX_NUMBER,
    _NAME_CHAR,
    _NEXT_OPTION,
    _QUOTED,
    Span,
    _checked,
    _inner,
    _lazy,
    _lowered,
    _secret_like,
)
from .fields import _in_name_field, _listed_values, _next_field_value, _xml_value
from .needles import _dense, _near_needles, _word_starts
from .shapes import attribute_name, dotted_name
from .words import _CREDENTIAL_WORD, _not_a_value, qualified_key, runner_verdict, secret_on_line

_SOURCE_FILE = _lazy(r"\.(?:c|cc|cpp|cxx|h|hh|hpp|go|py|java|kt|rs|rb|js|mjs|ts|php|cs|swift|scala)$", re.IGNORECASE)
_LINE_NUMBER = _lazy(r":\d{1,6}(?![\w.-])")
# A credential word, the rest of its name, then how the name closes, the separator and the value.
# Matching starts at the word (found by one fast scan), never at every position of the text. The
# rest of the name may hold a .properties escape (db.password\\:prod is one name).
_NAME_REST = r"[a-z0-9_.$*\u00c0-\u024f\u0370-\u052f-]"  # (accented, Greek and Cyrillic letters too: cl\u00e9_secr\u00e8te;
# and RFC 2231's "*" of a parameter's extended value: password*=utf-8''…, password*0*=…)
_NAMED_REGEX = rf"""(?P<word>{_CREDENTIAL_WORD})(?P<rest>(?:{_NAME_REST}|\\[:= ](?=[a-z0-9_.$-])){{0,64}}+)
    (?:[ \t]{{1,4}}\([a-z0-9 _./-]{{1,40}}\)(?=[ \t]{{0,10}}[:=]))?  # a qualifier: "client_secret (sandbox) = …"
    (?:(?P<xml>(?:[ \t\r\n][^<>\r\n]{{0,200}}+)?>)(?P<xval>{_CDATA}|[^<]{{1,4096}})  # <name attrs>value
    |(?P<close>\\{{0,3}}["'](?:\)(?=[ \t]{{1,4}}=[ \t]{{1,4}}["']))?)?  # (or quoted in a call, then what the call
    # returned: ltrace's getenv("DB_PASSWORD") = "…")
    (?P<vis>(?::\\{{0,3}}"[^"\n]{{1,128}}"|:[a-z0-9_\\]{{1,128}}+)?:(?:protected|private|public))?(?P<bracket>\])?
    # (var_dump's ["name":"Class":private], print_r's [name:Class\Name:private] and [name:protected])
    (?:(?P<mp>\r?\n(?:[A-Za-z-]{{1,40}}:[^\r\n]{{0,200}}\r?\n){{0,3}}\r?\n)(?=[^\r\n])  # a multipart part's value
      |(?P<sep>(?:[ \t]{{0,10}}\r?\n[ \t]{{0,40}}(?=:))?  # a pretty-printer's colon on the next line
        (?:[ \t]{{1,4}}for[ \t]{{1,4}}[^\s=]{{1,128}}+)?  # SQL's SET PASSWORD FOR 'app'@'%' = …
        [ \t]{{0,10}}(?:=>(?:[ \t]{{0,10}}\r?\n[ \t]{{0,40}})?|==>|-{{1,2}}>|\u2192|::(?=[ \t])|:=|\?=|=|:
          |(?<=[ \t])[-\u2013\u2014](?=[ \t]))
        # => (var_dump: a line break), Scala's and a logger's arrows, LDIF's and AsciiDoc's ":: ", := ?= = :, and a dash
        # between spaces as a
        # list writes a name and its value ("пароль - …", "password – …")
        (?:[ \t]{{0,10}}(?:\r?\n[ \t]{{0,40}})?-(?=[ \t]))?[ \t]{{0,40}}
        (?:\\\r?\n[ \t]{{0,40}}|\\[ \t]{{1,4}}(?=[^\s\\])|(?:-{{3,8}}|={{3,8}})[ \t]{{1,4}}(?=[^\s=-]))?)  # and a YAML
        # list's "- ", or a line continuation (.properties' and a shell's "\" at the end of the line, or before a space
        # where a logger joined the lines), or kubectl describe's "----" rule between a key and its value, joined so
      |(?P<comma>[ \t]{{0,4}},[ \t]{{0,4}}|[ \t]{{1,4}}\.[ \t]{{1,4}})  # [key, value], (key, value), Lisp's (key . value)
      |(?P<space>[ \t]{{1,4}}(?:-string[ \t]{{1,4}})?(?:\\\r?\n[ \t]{{0,40}})?)  # a flag's value,
      # ConvertTo-SecureString 'value', a flag's value on the next line after a shell's "\"
    )
    (?:string\(\d{{1,9}}\)[ \t]*|string[ \t]+|0x[0-9a-f]{{1,16}}[ \t]{{1,4}}(?=["'])
      |\[[ \t]{{0,4}}(?=["'])|[bru]{{1,2}}(?=["'])|[ne](?=')|\$(?=["'])|<<(?=")
      |(?:(?:new[ \t]{{1,4}})?[a-z_][a-z0-9_.:]{{0,64}}\((?:[ \t]{{0,4}}\r?\n)?[ \t]{{0,40}}){{1,3}}
        (?=(?:"[^"\n]{{0,512}}"|'[^'\n]{{0,512}}')[ \t]{{0,4}},?(?:\r?\n[ \t]{{0,40}})?\))
      |(?<=\*=)[a-z0-9_-]{{0,40}}'[a-z-]{{0,16}}')?
    # var_dump's string(n), a shell's $'…', an Erlang or Elixir binary's <<"…">>, RFC 2231's charset'language' before an
    # extended value, a C string after its pointer (gdb's print: password = 0x5566 "…"), a JSON list, Python's b'…' and
    # r'…', SQL Server's N'…' and PostgreSQL's E'…', a call's one literal (SecretStr('…'), PASSWORD('…'), getenv('…'): the
    # literal is judged, the call's name stays; or calls' nested, Rust's Some(Secret("…")), and Rust's pretty Debug with
    # the literal on a line of its own: Some(\n "…",\n))
    (?P<val>{_QUOTED}|\{{[^}}\n]{{0,512}}\}}|\([^)\n]{{0,512}}\)|{_CDATA}|>[1-9+-]{{0,2}}(?=[ \t])
      |\((?:\s{{0,80}}(?:"[^"\n]{{0,256}}"|'[^'\n]{{0,256}}')){{1,16}}\s{{0,80}}\)  # Python's ("abc"\n "def")
      |<(?=[^\s<>]{{0,256}}[^\sa-z_<>-])[^\s<>]{{1,256}}>(?![^\s,;}}\])'"&])  # Dovecot's and Postfix's field=<value>
      # (one token holding a digit or a sign: "<your password>", "<token>", "<nil>" are placeholders and stay)
      |[^\s,;}}\])'"&<>]{{1,4096}}+))"""  # (a bare value bounded: a name repeated in its escaped value stays linear)
_NAMED = _lazy(_NAMED_REGEX, re.VERBOSE)
_NAMED_PAIR = _lazy(_NAMED_REGEX.replace("(?P<xml>", "(?P<xml>(?!)"), re.VERBOSE)  # no <name>: only pairs
_NAME_BEFORE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.$-"  # the rest of a name before its word
# (or before a value already hidden: a record passed through two handlers keeps its scheme's name)
_SCHEME_WORD = _lazy(
    r"""(?:Bearer|Basic|Digest|Token|OAuth|SharedKey)[ \t]+(?=[A-Za-z0-9\-._~+/:]|\[REDACTED\](?![^\s,;}\])'"&<>]))""", re.I
)
_BARE = _lazy(r"""[^\s,;}\])'"&<>]*""")
# a sentence after a token's name: a capitalised word, then a lower-case one ("Session has expired");
# after a password's name such a word may be the password
_PROSE_SENTENCE = _lazy(r"[A-Z][a-z]{1,40}[ \t]+(?:[a-z]{2,}|[A-Z][a-z]{2,})\b")  # (or Title Case: "Invalid Session ID")
_PASSWORD_NAME = _lazy(
    r"pass|pw|secret|senha|contrase|kennwort|wachtwoord|haslo|has\u0142o|heslo|jelsz|parola|lozinka|geslo|slapta"
)
# an exception's qualified class (a namespace, then a class named ...Exception or ...Error), its message's colon after it:
# what failed, named after a failure's "authentication:", not a credential
_RAISED_CLASS = _lazy(r"(?:[A-Za-z][A-Za-z0-9_]{0,40}\.){1,12}[A-Z][A-Za-z0-9_$]{0,80}(?:Exception|Error):?")
_PROSE_WORD = _lazy(r"[a-z]{1,40}[ \t]+[A-Za-z]")  # a prose word is short: a long run of letters is not read whole


def _named(text: str) -> Iterator[Span]:
    """Values after a credential-like name, in any syntax. The names are matched on the text in
    lower case, and only near a substring every credential word holds (found at C speed). A name
    judged on a line, with the same text around it as a name judged before, is judged the same:
    a log repeating its lines is judged line by line once (see _memo_key), and a stretch of names
    with the same text around it as a stretch judged before is not matched again (see _stretch_key)."""
    low = _lowered(text)
    memo: dict[tuple[str, int], tuple[int, int] | None] = {}
    stretches: dict[tuple[str, int, int], list[tuple[int, int]]] = {}
    for first, last, hits in _near_needles(low):
        if _dense(first, last, hits):  # machine-made: no readable error in there
            yield Span(first, _dense_end(text, last), "credential by name")
            continue
        skey = _stretch_key(text, low, first, last)
        if skey is not None and (seen := stretches.get(skey[:3])) is not None:
            yield from (Span(a + skey[3], b + skey[3], "credential by name") for a, b in seen)
            continue
        found: list[Span] = []
        for m in _named_matches(low, first, last):
            if _prose(low, m) or runner_verdict(text, m.start()):
                continue  # (told at once: a table or a log repeats them thousands of times)
            start = _name_start(text, m.start())
            key = _memo_key(text, low, m, start)
            if key is None:
                skey = None  # (the stretch's judgement read past its lines: not kept)
                found += _judged(text, low, m, start)
                continue
            window, at, base = key
            if (window, at) not in memo:
                value = next(_judged(text, low, m, start), None)
                memo[window, at] = None if value is None else (value.start - base, value.end - base)
            if (span := memo[window, at]) is not None:
                found.append(Span(span[0] + base, span[1] + base, "credential by name"))
        if skey is not None:
            stretches[skey[:3]] = [(s.start - skey[3], s.end - skey[3]) for s in found]
        yield from found


_DENSE_VALUE = 4096  # characters a dense stretch's last name's value may run to (as a name's value is read)


def _dense_end(text: str, last: int) -> int:
    """Where a dense stretch's mask ends: its last name's value with it, to the end of its line (or _DENSE_VALUE on).
    The stretch ends 16 characters past its last name: a value after it (secrets36 made 4 KiB of names close together
    dense, "pw=ab pw=ab … password: Kq7vRt2LmzW") had its last characters shown."""
    end = min(last, len(text))
    line_end = text.find("\n", end, end + _DENSE_VALUE)
    return line_end if line_end >= 0 else min(len(text), end + _DENSE_VALUE)


def _stretch_key(text: str, low: str, first: int, last: int) -> tuple[str, int, int, int] | None:
    """The text every name of a stretch is judged on (see _memo_key: from _MEMO_BACK before its first line to past its
    last line, where the words' search also ends), the stretch's place in it, and where it starts; None for lines too
    long. The same key, the same names, matches and values: a log of one repeated error is matched once."""
    line_start = low.rfind("\n", max(0, first - _MEMO_LINE), first) + 1
    line_end = low.find("\n", last, last + _MEMO_LINE)
    if (line_start == 0 and first > _MEMO_LINE) or (line_end < 0 and last + _MEMO_LINE < len(low)):
        return None
    base = max(0, line_start - _MEMO_BACK)
    stop = len(low) if line_end < 0 else line_end
    return text[base : stop + 2 * _MEMO_AHEAD], first - base, last - base, base


# Where what _judged reads of a name on one line lies: up to 200 characters before the line (the name's start,
# 64 before its word; a name field's, 128 before that; a keyword's colon) and 64 past it (a status's reason phrase)
_MEMO_BACK = 200
_MEMO_AHEAD = 64
_MEMO_LINE = 1024  # a longer line is judged at each name


def _memo_key(text: str, low: str, m: re.Match[str], start: int) -> tuple[str, int, int] | None:
    """The text a name's judgement depends on whole, where the name, its separator and its value stand on one line
    of at most _MEMO_LINE characters: the line and what _judged reads around it; the name's place in that text,
    and where that text starts. None where the judgement may read further (an element's value, HAR's cookie list,
    a name field's value field on the lines after it)."""
    at, end = m.start(), m.end()
    if m.group("xval") is not None or m.group("word") == "cookie" or low.find("\n", at, end) >= 0:
        return None
    line_start = low.rfind("\n", max(0, at - _MEMO_LINE), at) + 1
    line_end = low.find("\n", end, line_start + _MEMO_LINE)
    if (line_start == 0 and at > _MEMO_LINE) or (line_end < 0 and line_start + _MEMO_LINE < len(low)):
        return None  # a line too long to be read whole
    if _in_name_field(low, start):
        return None
    base = max(0, line_start - _MEMO_BACK)
    stop = len(low) if line_end < 0 else line_end
    return text[base : stop + _MEMO_AHEAD], at - base, base


def _judged(text: str, low: str, m: re.Match[str], start: int) -> Iterator[Span]:
    """The value a name matched introduces, unless the name or its value says it is no credential."""
    if _prose(low, m):
        return
    if _not_a_value(text[start : m.end("rest")]) or _NAMESPACED().match(text, m.end("rest")):
        return  # (a class in the name's namespace: Ruby's OAuth2::Error)
    if _LINE_NUMBER().match(text, m.end("rest")) and _SOURCE_FILE().search(text, start, m.end("rest")):
        return  # a source file and its line (glog's "auth_manager.cc:834]")
    if m.group("word") == "cookie" and low.startswith("[", m.start("val")):
        yield from _listed_values(low, m.start("val"))  # HAR's "cookies": [{"name": …, "value": …}]
        return
    span = _next_field_value(low, start, m.end("rest")) or (
        _xml_value(text, start, m) if m.group("xval") is not None else _spaced_value(text, m) or _value(text, start, m)
    )
    if span is None and m.group("xval") is not None and (pair := _NAMED_PAIR().match(low, m.start())):
        span = _value(text, start, pair)  # "token '…' -> 401": a ">" that closes no tag
    if span is None or (m.group("word") == "session" and _HEX_NUMBER().fullmatch(text, *span)):
        return
    if _event_name(text[start : m.end("rest")].lower(), text[span[0] : span[1]].lower()) or _pair_name(text, low, start, m, span):
        return
    if _NEXT_OPTION().fullmatch(text, *span) and text[m.end("rest") : span[0]].isspace():
        return  # the next option of a command line ("mysql --password --host db1": the password is asked for)
    if not _stated_status(text, *span):
        yield Span(*span, "credential by name")


def _event_name(name: str, value: str) -> bool:
    """The name again with words joined on (radarr's "Auth: Auth-Failure", "token: token-expired"): an event's
    name, not a value (a password's name is left: "password: Password-Reset" may be the password)."""
    name = name.strip("_.-$")
    return value.startswith(name) and _NAME_AND_WORDS().fullmatch(value) is not None and not _PASSWORD_NAME().search(name)


def _pair_name(text: str, low: str, start: int, m: re.Match[str], span: tuple[int, int]) -> bool:
    """The value of a field named "key" that holds a name, not a key: a name/value pair's name, its value in the field
    after it or before it (OpenTelemetry's {"key": "service.name", "value": {…}}, AWS tags' Key=Name,Value=web-1, .NET's
    <add key="…" value="…"/>, YAML's "- key: …" then "value: …"; the value field is judged by its name, see
    fields._name_fields), or an attribute's dotted name alone ("invalid attribute key: http.status_code"). A key's
    random letters and digits read as no name."""
    if m.end("rest") - start != 3 or m.group("word") != "key" or not attribute_name(text[span[0] : span[1]]):
        return False
    if qualified_key(low, start):
        return False  # "API key: …", "license key = …": a credential's key, whatever it reads as
    return (
        (dotted_name(text[span[0] : span[1]]) and not secret_on_line(low, start))
        or _VALUE_FIELD_AFTER().match(low, span[1]) is not None
        or _VALUE_FIELD_BEFORE().search(low, max(0, start - 160), start) is not None
    )


# a value field right after the key's value (and its closing quote), or right before the key's name
_VALUE_FIELD_AFTER = _lazy(r"""\\{0,3}["']?[ \t]{0,8}[,;]?\s{0,40}\\{0,3}["']?value\\{0,3}["']?[ \t]{0,4}[:=]""")
_VALUE_FIELD_BEFORE = _lazy(
    r"""value\\{0,3}["']?[ \t]{0,4}[:=][ \t]{0,4}(?:"[^"\n]{0,128}"|'[^'\n]{0,128}'|\{[^{}\n]{0,128}\}|[^\s,;"'{}]{1,128})"""
    r"""[ \t]{0,8}[,;]?\s{0,40}\\{0,3}["']?$"""
)


def _name_start(text: str, at: int) -> int:
    """Where the name holding the credential word at ``at`` starts, at most 64 characters before it: the
    run of name characters before the word, or before the line break right before it (as the regex
    ``[A-Za-z0-9_.$-]{1,64}$`` found it; a strip reads it 6 x faster, and _named asks it of every name)."""
    window = text[max(0, at - 64) : at]
    body = window.removesuffix("\n")
    run = len(body) - len(body.rstrip(_NAME_BEFORE))
    return at - (len(window) - len(body)) - run if run else at


_NAME_AND_WORDS = _lazy(r"[a-z]{2,40}(?:[_-][a-z]{2,40}){1,4}")
_NAMESPACED = _lazy(r"::[A-Z][A-Za-z0-9_]{0,64}(?:::|[:\s.(]|$)")


def _prose(low: str, m: re.Match[str]) -> bool:
    """A word and a space in a sentence ("password is required"), told before the rest of _named
    looks at it (_a_pair says the same later): a table or a log repeats them thousands of times."""
    return (
        m.group("space") is not None
        and m.group("close") is None
        and low[m.start() - 1 : m.start()] not in _NAME_CHAR  # no name before it (not --password, x-token)
        and low[m.start() - 1 : m.start()] not in (":", "/")  # an EDN keyword (:password, :db/password)
        and "securestring" not in low[m.start() : m.end("rest")]
        and not low.endswith(('name="', "name='", 'name=\\"'), 0, m.start())  # no multipart part's name
    )


def _named_matches(low: str, first: int, last: int) -> Iterator[re.Match[str]]:
    """The names starting in a stretch with their values, tried word by word: a search for the whole
    pattern would try each word up to 4 KiB past the stretch (on 1 MiB of PEM headers, seconds)."""
    pos = first
    for at in _word_starts(low, first, last):
        if at < pos:
            continue
        m = _NAMED().match(low, at, last + 4400)
        if m is not None:
            yield m
            pos = m.end("rest")  # the next name may stand inside this match's value ("a b token=c")


# the rest of a value spelled with a blank between its characters, to its line's end: " a l l e e 9 7"
_SPACED_RUN = _lazy(r"(?:[ ][^\s,;}\])'\"&<>](?![^\s])){3,255}+(?=[ \t]*(?:\r?\n|$))")


def _value(text: str, start: int, m: re.Match[str]) -> tuple[int, int] | None:
    """The span of the value the name introduces, if the syntax around it makes a pair."""
    before = text[max(0, start - 8) : start]
    opener = before.rstrip("\\\"'")[-1:]
    name = text[start : m.end("rest")].lower()
    keyword = m.group("space") is not None and m.group("val")[:1] == '"' and _KEYWORD().search(text, max(0, start - 66), start)
    if not (keyword or _a_pair(m, before, opener, name)):
        return None
    at = m.start("val")
    value = text[at : m.end("val")]
    if (m.group("sep") or "").strip(" \t\r\n") in _ARROWS and (value.isdigit() or not _secret_like(value)):
        return None  # "POST /oauth/token -> 400": an arrow also leads to a status or a word
    if value[:1] not in "\"'\\({<":  # a bare value
        if value.endswith("(") and text[m.end("val") : m.end("val") + 1] in ("'", '"'):
            return None  # a call's name (auth=HTTPBasicAuth('sync', '…')): its arguments are judged on their own
        if (scheme := _SCHEME_WORD().match(text, at)) is not None:
            return _checked(text, scheme.end(), _BARE().match(text, scheme.end()).end())  # type: ignore[union-attr]
        sep = m.group("sep") or ""
        if ((":" in sep and "=" not in sep) or sep.strip(" \t") in _DASHES) and _said_after_colon(text, at, value, name):
            return None
        if opener == "[" and m.group("bracket") and "=>" in sep:
            line_end = text.find("\n", at)
            return _checked(text, at, len(text) if line_end < 0 else line_end)  # print_r: to the end of the line
        if _BLOCK_MARK().fullmatch(value) and (word := _NEXT_WORD().match(text, m.end("val"))):
            return _checked(text, word.start(1), word.end(1))  # password: | value, its lines joined into one
        if len(value) == 1 and (spaced := _SPACED_RUN().match(text, m.end("val"))):
            return _checked(text, at, spaced.end())  # "password: M a l l e e 9 7": a value spelled letter by letter
        if "=" in sep or ":" in sep:
            return _checked(text, at, _run_on(text, m.end("val"), _SEGMENTS))
    elif value[:1] in "'\"" and (more := _QUOTE_RUN_ON().match(text, m.end("val"))) and more.group(1) == value[:1]:
        return _checked(text, at + 1, more.end() - 1)  # password='ab'cd': the quote inside was the password's
    return _inner(value, at)


def _said_after_colon(text: str, at: int, value: str, name: str) -> bool:
    """Whether a bare value after a name and a colon says what happened, not a credential: prose ("Password: must be 8
    characters"); after a name that is not a password's, a sentence (Facebook's "Error validating access token: Session
    has expired on ...") or an exception's class (Keycloak's "Failed authentication:
    org.keycloak.authentication.AuthenticationFlowException")."""
    if value.islower() and _PROSE_WORD().match(text, at):
        return True
    if _PASSWORD_NAME().search(name):
        return False
    if _LEVEL_LABEL().fullmatch(value) and text[at + len(value) : at + len(value) + 1] in (" ", "\t"):
        return True  # a label of its own after the name: Dovecot's "auth: Debug: passwd-file(…)", "auth: Info: …"
    return _PROSE_SENTENCE().match(text, at) is not None or _RAISED_CLASS().fullmatch(value) is not None


_LEVEL_LABEL = _lazy(r"[A-Z][a-z]{2,15}:")  # a capitalised word and its colon: a log's level or a field's label


_ARROWS = ("==>", "->", "-->", "\u2192")
_DASHES = ("-", "\u2013", "\u2014")  # a list's "name - value": read as a colon is
# a value between typographic quotes with spaces inside them (French « … », with a space or a no-break space)
_SPACED_QUOTES = _lazy(
    r"[\u00ab\u2039\u201e\u201c][ \t\u00a0\u202f]{1,2}([^\s\u00bb\u203a\u201c\u201d]{1,512})[ \t\u00a0\u202f]{1,2}"
    r"[\u00bb\u203a\u201c\u201d]"
)


def _spaced_value(text: str, m: re.Match[str]) -> tuple[int, int] | None:
    """The value between French quotes with spaces inside them after a name and its colon or "=" (mot de passe : « … »):
    the bare value would be the opening quote alone."""
    sep = m.group("sep") or ""
    spaced = _SPACED_QUOTES().match(text, m.start("val")) if (":" in sep or "=" in sep) else None
    return None if spaced is None else _checked(text, *spaced.span(1))


# a Clojure/EDN keyword naming the value after it ({:db/password "…"}): the name starts with a colon
_KEYWORD = _lazy(r"(?:^|[\s{(\[,]):[\w.*+!?-]{0,64}/?$")


def _a_pair(m: re.Match[str], before: str, opener: str, name: str) -> bool:
    """Whether the syntax around a name and what follows it makes a pair (not prose)."""
    if m.group("comma") is not None and (opener not in "[({" or before.endswith("Thread[")):
        return False  # "token, ..." in prose is no pair; [key, v], (key, v), Erlang's {key, v} are (not Java's
        # Thread[name,priority,group]: Thread[RunAsync-_OnOAuthSuccess-6,5,main])
    multipart = before.endswith(('name="', "name='", 'name=\\"')) or (m.group("mp") is not None and before.endswith("name="))
    if m.group("space") is not None and not (name.startswith("-") or "securestring" in name or multipart):
        return False  # "token expired": prose
    if m.group("mp") is not None and not multipart:
        return False  # only a multipart part's name="..." has its value after the part's headers
    # only a quoted name's colon may stand on the next line (a pretty-printer's)
    return not (m.group("sep") and m.group("sep").lstrip(" \t")[:1] in "\r\n" and m.group("close") is None)


# A bare value runs on past a ";" or "&" the password holds (password=ab;cd, pw=ab&cd), up to the next
# "name=" (Password=…;Database=ledger, password=…&user=sync)
_BLOCK_MARK = _lazy(r"[|>][1-9+-]{0,2}")
_NEXT_WORD = _lazy(r"[ \t]{1,10}([^\s'\"]{1,512})")
_SEGMENTS = _lazy(r"[;&]([^\s;&=,'\"<>(){}\[\]]{1,64}+)(?![=\w])")
_QUOTE_RUN_ON = _lazy(r"""[^\s'"<>,;)}\]]{1,256}?(['"])(?=[\s,;)}\]>]|$)""")


def _run_on(text: str, end: int, segments: Callable[[], re.Pattern[str]]) -> int:
    """Where a bare value ending at ``end`` really ends: past the segments that name nothing."""
    for _ in range(16):
        m = segments().match(text, end)
        if m is None:
            break
        end = m.end()
    return end


def _stated_status(text: str, start: int, end: int) -> bool:
    """Whether the value is an HTTP error status followed by its own reason phrase: golang.org/x/oauth2's
    "cannot fetch token: 400 Bad Request" names the failed call's status, not a token."""
    value = text[start:end]
    if len(value) != 3 or not value.isdigit() or not "400" <= value <= "599":
        return False
    return text[end : end + 1] == " " and reason_phrase(int(value), text[end + 1 : end + 64]) is not None

"""Credentials known by their place in a URL, a header or a log format: user-info of any URL, ``user:pass@host``
without a scheme, Authorization and Cookie headers, webhook paths, OAuth codes, secrets in a path or a query,
Oracle logins and the user field of an access log."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .basics import _DATE_LIKE, _MARKED, Span, _checked, _grouped, _lazy, _lowered, _secret_like, _word_before
from .named import _SCHEME_WORD

# Headers whose whole value (scheme, token, cookie list) is a credential, to the end of the line;
# a log line's "-> 400 {...}" after it is not part of the value.
_HEADER_LINE = _lazy(  # on the text in lower case (a browser's WebSocket sends its token as a "subprotocol")
    r"""(?:authorization|cookie|x-myobapi-key|x-myobapi-cftoken|api-key|sec-websocket-protocol)"""
    r"""[ \t]{0,10}:[ \t]{0,10}(?P<val>(?:[^\r\n'" \t]|[ \t]++(?!(?:->|=>|\u2192)[ \t]))+)"""
)
_HEADER_HINTS = ("authorization", "cookie", "x-myobapi-key", "x-myobapi-cftoken", "api-key", "sec-websocket-protocol")
# A URL scheme (2-21 characters, not the tail of a longer word; a console may wrap the line after
# it), then its user-info: one pass, where a look back for the scheme from each "://" cost more
# than the rest of a 2 MB paste of them
_URL_USERINFO = _lazy(
    r"(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{1,20}\n?(://)"
    r"([^\s/?#'\"<>]{1,512}|[^\s/?#'\"<>:]{0,256}:(?!\d{1,5}(?:[/?#]|$))[^\s'\"<>@]{1,128}+)@"  # a raw ? # or /
)
# user:password@host with no scheme (a proxy setting, a .netrc-like line, a DSN without its scheme)
_BARE_USERINFO = _lazy(  # (Go's database/sql DSN: user:password@tcp(host:port)/db; a UNC path's host\share)
    r":([^\s:@/'\"<>]{1,256})@(?:[A-Za-z0-9-]{1,63}\.[A-Za-z0-9-]{1,63}|(?:tcp6?|udp|unix)\(|[A-Za-z0-9-]{1,63}\\)"
)
# a log level and a comma where the password would start: a log line's fields, Couchbase's
# "[ns_server:error,2025-08-18T09:16:33.764Z,ns_1@127.0.0.1:0000:...]" (its level and time were hidden)
_LEVEL_FIELD = _lazy(r"(?:emerg|alert|crit|critical|error|warn|warning|notice|info|debug),")
_USER_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
_WEBHOOK = _lazy(
    r"https?://(?:hooks\.slack\.com|[\w.-]{0,100}\.webhook\.office\.com|outlook\.office(?:365)?\.com/webhook"
    r"|discord(?:app)?\.com/api/webhooks|hooks\.zapier\.com|api\.telegram\.org|[\w.-]{0,100}\.logic\.azure\.com(?::\d{1,5})?"
    r"|logs-\d{2}\.loggly\.com/(?:inputs|bulk))"  # (Loggly's customer token is the path's first part)
    r"(/[^\s'\"<>]{1,2048})",
    re.IGNORECASE,
)
_WEBHOOK_HINTS = ("hooks.", "webhook", "discord", "api.telegram.org", "logic.azure.com", "loggly.com/")
_OAUTH_CODE = _lazy(r"code=(?P<val>[^&\s'\"#<>,;)}\]]+)")  # on the text in lower case


def _oauth_codes(text: str) -> Iterator[Span]:
    """An OAuth authorization code: ``code=`` in a query string, or a long code in a form body, a
    Java ``toString`` or a recording (never an error's short code, such as ``code=404``)."""
    low = _lowered(text) if "ODE=" in text or "ode=" in text else ""
    for m in _OAUTH_CODE().finditer(low):
        lead = low[m.start() - 1 : m.start()]
        if lead.isalnum() or lead in ("_", "-"):
            continue  # errorcode=, response_code=
        value = text[m.start("val") : m.end("val")]
        if _MARKED in value or value.isdigit():
            continue
        generated = len(value) >= 10 and any(c.isdigit() for c in value) and any(c.isalpha() for c in value)
        if lead in ("?", "&") or generated:
            yield Span(*m.span("val"), "OAuth code")


def _headers(text: str) -> Iterator[Span]:
    """The whole value of a header that is a credential (Authorization, Cookie, MYOB's keys)."""
    low = _lowered(text)
    if not any(h in low for h in _HEADER_HINTS):
        return
    for m in _HEADER_LINE().finditer(low):
        lead = low[m.start() - 1 : m.start()]
        value = text[m.start("val") : m.end("val")]
        if (lead.isalnum() or lead in ("_", "$")) or _MARKED in value:
            continue
        scheme = _SCHEME_WORD().match(value)  # "Bearer " is a word anyone may read: the token after it is not
        end = m.end("val")
        if value[:7].lower() == "digest ":  # Digest's quoted parameters run on past the quotes
            end = len(text) if (eol := text.find("\n", end)) < 0 else eol
        yield Span(m.start("val") + (scheme.end() if scheme else 0), end, "credential by name")


# The path segment after /tokens/, /api_keys/, /secrets/, /sessions/ or /passwords/: a long one holding
# a digit is taken for the credential itself (GET /v1/tokens/<hex>/refresh), hex or GUID alike
_PATH_SECRET = _lazy(
    r"/(?:tokens?|api[_-]?keys?|secrets?|sessions?|passwords?|credentials?"
    # a link that carries one: a password reset's, an e-mail's verification, an invitation's (Laravel's /password/reset/<64 hex>)
    r"|reset|(?:re)?set[_-]?password|password[_-]?reset|verify|verification|confirm|confirmation|activate|activation"
    r"|invite|invitation|unlock|magic[_-]?link)/((?=[^/\s?#'\"<>]{0,256}\d)[^/\s?#'\"<>]{16,256})"
    r"(?=[/\s?#'\"<>]|$)"
)


# A long hex value under a query key that says nothing of it (?k=…, &x=…): a key, unless the key names an
# id, a hash of content or a version (commit=, sha256=, etag=, request_id=)
_QUERY_HEX = _lazy(r"[?&;]([A-Za-z_$][A-Za-z0-9_.$-]{0,40})=([0-9a-fA-F]{32,512})(?![0-9A-Za-z_-])")
_PUBLIC_HEX_KEY = _lazy(
    r".*(?:id|ids|sha\d*|md5|hash|checksum|digest|etag|commit|rev|revision|ver|version|v|build|trace|span|parent"
    r"|correlation|request|nonce|fingerprint|hex)$",
    re.IGNORECASE,
)


def _query_hex(text: str) -> Iterator[Span]:
    if "=" not in text:
        return
    cursors = "__CURSOR" in text
    for m in _QUERY_HEX().finditer(text):
        if cursors and _JOURNAL_CURSOR().search(text, max(0, m.start() - 120), m.start()):
            continue  # a journald cursor's boot id (b=) and hash (x=): where the reading stopped, no key
        if not _PUBLIC_HEX_KEY().match(m.group(1)):
            yield Span(*m.span(2), "credential in a URL query")


_JOURNAL_CURSOR = _lazy(r"""__CURSOR["']?[ \t]{0,4}[=:][ \t]{0,4}["']?s=[0-9a-f]{32}(?:;[a-z]=[0-9a-f]{1,64}){0,5}$""")


def _oracle_logins(text: str) -> Iterator[Span]:
    """Oracle Net's username/password@(DESCRIPTION=…) and Easy Connect's username/password@//host:port/service (the
    "//" is optional: erp/pw@db.acme.io:1521/ORCL): found from each "@", the password and the user walked back from it
    (never a pattern tried at every letter)."""
    low = _lowered(text)
    if "@" not in low:
        return
    pos = 0
    for m in _ORACLE_AT().finditer(low):
        at = m.start()
        slash = at
        while slash > max(pos, at - 129) and text[slash - 1] not in _NOT_IN_ORACLE_PASSWORD:
            slash -= 1
        if (
            slash < at
            and text[slash - 1 : slash] == "/"
            and (m.group().startswith(("@/", "@(")) or _mixed(text[slash:at]))  # (docs/guide@host:8080/: a path)
            and _word_before(text, slash - 1, 128, _in_oracle_user, _ORACLE_OPENING)
        ):
            yield Span(slash, at, "password flag")
        pos = at


_ORACLE_AT = _lazy(r"@(?:\(description[ \t]*=|//|[a-z0-9][a-z0-9.-]{0,253}:\d{1,5}/)")
_NOT_IN_ORACLE_PASSWORD = frozenset(" \t\r\n/@'\"()")
_ORACLE_OPENING = " \t\r\n'\"=,;([{"


def _mixed(value: str) -> bool:
    """A password Easy Connect gives without its "//": 6 characters or more, a letter and a digit or a sign in them."""
    return len(value) >= 6 and any(c.isalpha() for c in value) and any(not c.isalpha() for c in value)


def _in_oracle_user(c: str) -> bool:
    return c.isalnum() or c in "_$#"


def _bare_userinfo(text: str) -> Iterator[Span]:
    """The password of ``user:password@host`` written without a scheme (proxy=sync:pw@proxy:3128), or in a UNC path
    (``\\\\ops:pw@files\\share``) or after a Windows domain (``ACME\\ops:pw@host``): a backslash opens the user too."""
    if "@" not in text:
        return
    for m in _BARE_USERINFO().finditer(text):
        value = m.group(1)
        user = _word_before(text, m.start(), 64, _USER_CHARS.__contains__, " \t\r\n=,;(['\"\\")
        if user and _secret_like(value) and _MARKED not in value and not _LEVEL_FIELD().match(value):
            yield Span(*m.span(1), "URL credentials")


# "user:password" given to base64 (what Basic's credentials and MYOB's x-myobapi-cftoken are the base64 of): echo -n
# 'ops:…' | base64, base64 <<< 'ops:…', btoa('ops:…'), b64encode(b'ops:…'), GetBytes("ops:…"), Buffer.from('ops:…'),
# base64_encode('ops:…'), Base64.encode64("ops:…"); the user starts with a letter (no time's "12:30"), no URL ("//")
_TO_BASE64 = _lazy(r"base64|btoa|b64encode|encode64|getbytes|buffer\.from")
_ENCODED_PAIR = _lazy(
    r"""(?:(?<=['"])|(?<=echo -n )|(?<=echo )|(?<=printf ))[A-Za-z][A-Za-z0-9_.@+\\-]{0,127}:([^\s'":/][^\s'"]{0,255})"""
)


# "user:password" or "user/password" as the value of a login's name ("login: Administrator:…", "U/P: ops/…"), or of
# credentials named in another language ("credenciales: erp:…", "As credenciais=ops@acme.pt:…", "Zugangsdaten: ops:…"):
# the user stays, whose login it is
_PAIR_VALUE = r"[ \t]{0,4}[:=][ \t]{0,4}[A-Za-z][\w.@+-]{0,63}[:/]([^\s/'\"]{1,256})(?=[\s'\",;]|$)"
_LOGIN_PAIR = _lazy(r"(?<![\w-])(?:login|logon|sign[ _-]?in|u/p|user/pass(?:word)?)" + _PAIR_VALUE, re.IGNORECASE)
_FOREIGN_PAIR = _lazy(
    r"(?<![\w-])(?:cred(?:enciales|enciais|enziali)|(?:zugangs|anmelde)daten|identifiants|inloggegevens)" + _PAIR_VALUE,
    re.IGNORECASE,
)
_FOREIGN_PAIR_WORDS = ("creden", "daten", "identifiants", "inloggegevens")  # (what the text must hold: found at C speed)
# ... or of words that say what it is: what a Basic header or MYOB's x-myobapi-cftoken decodes to ("cftoken decodes to
# Administrator:…", "decoded: ops:…"), "the credentials are ops:…"
_SAID_PAIR = _lazy(
    r"(?<![\w-])(?:decod(?:es|ed|ing)(?:[ \t]{1,4}(?:to|as|into))?|cred(?:s|entials?)[ \t]{1,4}(?:are|is|were|was))"
    r"(?::[ \t]{0,4}|[ \t]{1,4})[A-Za-z][\w.@+-]{0,63}:"  # (the password holds a letter and a digit or a sign)
    r"(?=[^\s'\"]{0,255}[A-Za-z])(?=[^\s'\"]{0,255}[^\sA-Za-z'\"])([^\s/'\"]{1,256})(?=[\s'\",;]|$)",
    re.IGNORECASE,
)


def _login_pairs(text: str) -> Iterator[Span]:
    """The password of a user and password a login's name gives as one value (see _LOGIN_PAIR)."""
    if "/" not in text and ":" not in text:
        return
    low = _lowered(text)
    foreign = any(w in low for w in _FOREIGN_PAIR_WORDS)
    said = "decod" in low or "cred" in low
    patterns = [_LOGIN_PAIR()] + [_FOREIGN_PAIR()] * foreign + [_SAID_PAIR()] * said
    for pattern in patterns:
        for m in pattern.finditer(text):
            if _MARKED not in m[1]:
                start, end = m.span(1)
                yield Span(start, end, "credential by position")


# A password given by its initial right after a user given by theirs ("u: ops p: …", "user=ops, pw=…"): "p" alone names
# nothing, after a user's value it is the password's
_INITIALS_PAIR = _lazy(
    r"(?<![\w.-])(?:u|usr|user|username|login)[ \t]{0,2}[:=][ \t]{0,4}[^\s:=,;|]{1,64}[ \t]{0,4}[,;|/]?[ \t]{0,4}"
    r"(?<![\w.-])(?:p|pw)[ \t]{0,2}[:=][ \t]{0,4}([^\s'\",;]{3,256})",
    re.IGNORECASE,
)
# A built-in account's name and its password joined by a slash ("Administrator / Quokka…", MYOB's company file user;
# "sa/…", "root / …"): a path has no such first segment standing alone, and a password holds a digit or a sign
_ACCOUNTS = ("administrator", "admin", "root", "sa", "sysadmin", "superuser", "postgres", "system", "sys")
_ACCOUNT_PAIR = _lazy(
    r"(?<![\w/\\.@~-])(?:" + "|".join(_ACCOUNTS) + r")[ \t]{0,2}/[ \t]{0,2}"
    r"(?=[^\s/]{0,127}[A-Za-z])(?=[^\s/]{0,127}[^\sA-Za-z/])([^\s/.'\"<>,;()\[\]][^\s/'\"<>,;()\[\]]{5,127})(?=[\s,;'\")\]]|$)",
    re.IGNORECASE,
)
# a file's name in lower case after its folder (Django's "TemplateDoesNotExist: admin/index.html", "system/core-2.0.so:"): a
# folder named like a built-in account, not a password
_FILE_NAME = _lazy(r"[a-z0-9_-]{1,100}(?:\.[a-z0-9]{1,8}){0,3}\.[a-z]{2,5}:?")
# what the text must hold for either pattern to match, found fast: a pattern whose every match starts with one literal
# character is searched at C speed ("p", or "/" in the text reversed), the patterns' alternatives may start anywhere (20,000
# log lines dense with vendor errors took 0.18 s through the two, 0.03 s through these)
# a number with a fraction after "p" is a measure (a p-value, a probability: "user=bob p=0.001"), never a password
_FRACTION = _lazy(r"[+-]?(?:\d{0,32}\.\d{1,32}(?:e[+-]?\d{1,3})?|\d{1,32}e[+-]?\d{1,3})", re.IGNORECASE)
_INITIAL_SEPARATOR = _lazy(r"pw?[ \t]{0,2}[:=]", re.IGNORECASE)
_ACCOUNT_SLASH_REVERSED = _lazy(r"/[ \t]{0,2}(?:" + "|".join(name[::-1] for name in _ACCOUNTS) + ")", re.IGNORECASE)


# a .netrc entry (curl, git, ftp and Python's netrc read it): "machine <host> login <user> password <value>" on one line or
# one a line, in any order of login and account ("default" opens its line); the value is the password whatever it reads
# as (letters alone too)
_NETRC = _lazy(
    r"(?:(?<![\w-])machine[ \t]+[^\s]{1,253}|(?<![^\n])[ \t]{0,8}default)(?:\s{1,40}(?:login|account)[ \t]+[^\s]{1,128}){0,2}"
    r"\s{1,40}password[ \t]+([^\s]{1,256})"
)


def _netrc_entries(text: str) -> Iterator[Span]:
    if "password" not in text or ("machine" not in text and "default" not in text):
        return
    for m in _NETRC().finditer(text):
        if span := _checked(text, *m.span(1)):
            yield Span(*span, "credential by position")


def _account_pairs(text: str) -> Iterator[Span]:
    """The password after a user's initial and value (see _INITIALS_PAIR), or after a built-in account's name and a
    slash (see _ACCOUNT_PAIR)."""
    for m in _INITIALS_PAIR().finditer(text) if _INITIAL_SEPARATOR().search(text) else ():
        if _MARKED not in m[1] and not _FRACTION().fullmatch(m[1]):
            yield Span(*m.span(1), "credential by position")
    slashed = "/" in text and _ACCOUNT_SLASH_REVERSED().search(text[::-1])
    for m in _ACCOUNT_PAIR().finditer(text) if slashed else ():
        value = m[1]
        named = _DATE_LIKE().fullmatch(value) or _FILE_NAME().fullmatch(value) or _schema_table(text, m)
        if _MARKED not in value and not named:
            yield Span(*m.span(1), "credential by position")


# a table in a schema named like a built-in account, its name in lower-case words joined by "_" (MySQL's "sys/sys_config"
# in InnoDB's "Cannot open table sys/sys_config"): the schema's name again before it, or the line saying it is a table
_SNAKE_NAME = _lazy(r"[a-z]{1,40}(?:_[a-z]{1,40}){1,8}")
_TABLE_SAID = _lazy(r"(?<![a-z])(?:table|schema|view|database)s?(?![a-z])", re.IGNORECASE)


def _schema_table(text: str, m: re.Match[str]) -> bool:
    if not _SNAKE_NAME().fullmatch(m[1]):
        return False
    account = text[m.start() : m.start(1)].rstrip(" \t/").lower()
    line_start = text.rfind("\n", 0, m.start()) + 1
    return m[1].startswith(account + "_") or _TABLE_SAID().search(text, line_start, m.start()) is not None


def _encoded_pairs(text: str) -> Iterator[Span]:
    """The password of a "user:password" on a line that gives it to base64 (see _TO_BASE64)."""
    low = _lowered(text)
    done = 0
    for m in _TO_BASE64().finditer(low):
        if m.start() < done:
            continue
        start, end = low.rfind("\n", 0, m.start()) + 1, low.find("\n", m.end())
        done = end = len(low) if end < 0 else end
        for pair in _ENCODED_PAIR().finditer(text, start, end):
            if _MARKED not in pair[1] and low[pair.start() : pair.start() + 5] != "data:":  # (a data: URI's type)
                yield Span(*pair.span(1), "credential by position")


def _url_userinfo(text: str) -> Iterator[Span]:
    """The user-info of a URL, whatever its shape (user:password, a token alone, a raw ``@``)."""
    actor = _ACTOR_SCHEME()
    for m in _userinfo_matches(text):
        start, end = m.span(2)
        userinfo = text[start:end]
        if _MARKED not in userinfo and (":" in userinfo or not actor.fullmatch(text, m.start(), m.start(1))):
            yield Span(start, end, "URL credentials")  # (a password after ":": no actor's address)


def _userinfo_matches(text: str) -> Iterator[re.Match[str]]:
    """The URLs with user-info, in order. Looked for only around each ``://`` (found at C speed), from
    the longest scheme's length before it (the pattern looks back so that no scheme character precedes
    its start), not from every letter of the text; where URLs are all along (2 MiB of them took 1.2 s a
    step at a time), by one pass of the pattern in C."""
    pattern = _URL_USERINFO()  # (once: 174,000 URLs asked for it 174,000 times)
    if text.count("://", 0, 1 << 16) > 256:
        yield from pattern.finditer(text)
        return
    pos, at = 0, text.find("://")
    while at >= 0:
        m = None
        if text.find("@", at, at + 800) >= 0:  # no "@": no user-info
            m = pattern.search(text, max(pos, at - _SCHEME_REACH), at + 800)
        if m is not None and m.start(1) > at:  # a later URL's, within 800 characters: searched with its own reach
            at = m.start(1)
            continue
        if m is None:
            at = text.find("://", at + 1)
            continue
        yield m
        pos = m.end()
        at = text.find("://", pos)


_SCHEME_REACH = 22  # a scheme's 21 characters at most, and a newline a console wrapped before the "://"
# an actor system's address: the name before the "@" is the actor system's or the RPC endpoint's, no user
# (Akka's akka.tcp://sparkExecutorActorSystem@host:port, Spark's spark://CoarseGrainedScheduler@host:port)
_ACTOR_SCHEME = _lazy(r"(?:akka|pekko)(?:\.ssl)?(?:\.tcp|\.udp)?|spark", re.IGNORECASE)
# a password given as a query's p= (a page number stays)
_QUERY_P = _lazy(r"[?&;]p=(?![0-9]{1,9}(?:[&#\s'\"]|$))([^&\s'\"#<>]{4,512})")


# An access log's user field holding "user:password" (Apache's and nginx's combined format log the user as the client
# sent it): host, ident, user:password, then the bracketed time
_ACCESS_LOG_USER = _lazy(r"^[^\s]{1,256}[ \t][^\s]{1,64}[ \t][^\s:\[]{1,64}:(?P<val>[^\s]{1,256})[ \t]\[\d", re.MULTILINE)


def _access_log_users(text: str) -> Iterator[Span]:
    if " [" in text:
        yield from _grouped(_ACCESS_LOG_USER(), text, "val", "credential by place")


# GitHub Actions' workflow command ::add-mask::<value>: the value is the secret the step asks the runner to mask, printed
# as the step's command line ("Run echo "::add-mask::…"") before the runner masks anything. The value is the rest of the
# line, its spaces too (a passphrase: "::add-mask::correct horse battery"), to the quote that closes it
_ADD_MASK = _lazy(
    r"::add-mask::[ \t]{0,4}(?:\$\{\{[^}\n]{0,200}\}\}|\$[A-Za-z_]\w{0,63}|([^\s\"'`](?:[^\r\n\"'`]{0,510}[^\s\"'`])?))"
)


def _added_masks(text: str) -> Iterator[Span]:
    if "::add-mask::" in text:
        yield from _grouped(_ADD_MASK(), text, 1, "masked by the workflow")


# The ids a user quotes to a provider's support, random by design and no secret: S3's HostId (x-amz-id-2, base64 of
# 56 bytes or more) and Cloudflare's CF-RAY (16 hex digits and a data centre). Only a value of that shape under that
# name is kept: anything else after the name is judged as before.
_PUBLIC_ID = _lazy(
    r"(?:<HostId>|\b(?:x-amz-id-2|cf-ray)[\"']?[ \t]{0,10}[:=][ \t]{0,10}[\"']?"
    r"|\bRay[ _]ID:?[ \t]{0,10}(?:<\w{1,10}[^<>]{0,80}>)?)"
    r"(?P<id>[A-Za-z0-9+/]{20,200}={0,2}(?=[<\s\"',]|$)|[0-9a-f]{16}(?:-[A-Z]{3})?(?![\w-]))",
    re.IGNORECASE,
)
_PUBLIC_ID_HINTS = ("ostid", "ostId", "id-2", "ay", "AY")  # (HostId, x-amz-id-2, CF-RAY, cf-ray, Ray ID)


def _public_ids(text: str) -> list[tuple[int, int]]:
    """Where the text holds an id a user quotes to support (see _PUBLIC_ID): what is hidden inside one is shown."""
    if not any(h in text for h in _PUBLIC_ID_HINTS):
        return []
    return [m.span("id") for m in _PUBLIC_ID().finditer(text)]

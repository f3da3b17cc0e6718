"""Credentials given by position rather than by name: .pgpass lines, login calls' and connect calls' arguments by
the API's signature, SQL INSERT columns, a lone ``user:password`` line, Go structs printed with %v, Postfix's
sasl_passwd, Twilio's SID and token pair, ``net use``'s password."""

from __future__ import annotations

import functools
import re
from collections.abc import Generator, Iterator

from .basics import (
    _DATE_LIKE,
    _GUID,
    _HEX,
    _MARKED,
    Span,
    _checked,
    _grouped,
    _inner,
    _lazy,
    _line_end,
    _lowered,
    _secret_like,
    _word_before,
    absent,
)
from .places import _QUERY_P
from .words import _IN_NAME, _not_a_value

# Credentials given by position: .pgpass lines (host:port:database:user:password), the arguments of a
# login call (Odoo's authenticate(db, user, password, {}), JSON-RPC "method": "login", "params": [...],
# a GraphQL login mutation's variables), of a constructor or a connect call given a user and a password
# (.NET's NetworkCredential, requests' HTTPBasicAuth, JDBC's getConnection, PHP's mysqli_connect and PDO)
# (database and user start with a letter, "_" or "*": never a time's fields, 22:15:29:615)
_PGPASS = _lazy(r":(?:\d{1,5}|\*):[A-Za-z_*][^\s:]{0,62}:[A-Za-z_*][^\s:]{0,62}:(\S{1,256})(?=\s|$)")
_LOGIN_CALL_REGEX = r"""(?P<call>authenticate|login|logon|sign_?in|networkcredential|(?:basic|digest)auth|getconnection
    |(?:mysqli?|pg|oci|sqlsrv)_connect|new[ \t]{1,4}pdo|pdo->__construct|mysqli->(?:__construct|real_connect)
    |changeuserpassword  # (MongoDB's db.changeUserPassword(user, password))
    |client->__construct  # (a PHP trace's API client made with its credentials: Client->__construct('acme', 'ops', '…'))
    |usernamepasswordcredentials|passwordauthentication|(?:pymysql|mysqldb|pymssql|cx_oracle|oracledb)\.connect
    |(?<![\w.])credentials)  # (sbt's and Ivy's Credentials(realm, host, user, password))
    (?:[^\n]{0,512}?\\?"variables\\?"[ \t]{0,4}:[ \t]{0,4}\{
    |\\?["'][ \t]{0,4},[ \t]{0,4}\\?["'](?:params|args)\\?["'][ \t]{0,4}:[ \t]{0,4}\[|[ \t]{0,4}\()
    (?P<args>[^\])}\n]{1,1024})"""
_LOGIN_CALL = _lazy(_LOGIN_CALL_REGEX, re.VERBOSE)
# the calls of clients whose names no needle above finds (OkHttp's, Jersey's; PowerShell's; Guzzle's; python-ldap's;
# Perl's; Ruby's): a pattern of their own, tried only on a text holding one (in the pattern above they cost every
# login call's text a fifth more)
# XMLHttpRequest's open(method, url, async, user, password): a method's name first, never a file's open(path, mode);
# MongoDB shell's db.auth(user, password); Ruby's Net::HTTP basic_auth user, password (its parentheses left out)
_CLIENT_CALL = _lazy(
    r"""(?P<call>(?:credentials|httpauthenticationfeature)\.basic|networkcredential\]::new|->setauth|simple_bind(?:_s)?
    |dbi->connect|net::smtp\.start|(?<=\.)open(?=[ \t]{0,4}\([ \t]{0,4}['"](?:get|post|put|patch|delete|head|options)['"])
    |(?<![\w.])db\.auth|(?<!\w)basic_auth)(?:[ \t]{0,4}\(|[ \t]{1,4}(?=['"]))(?P<args>[^\])}\n]{1,1024})""",
    re.VERBOSE,
)
_CLIENT_NEEDLES = (
    ".basic(", "]::new(", "->setauth(", "simple_bind", "dbi->connect(", "smtp.start(", ".open(", "db.auth(", "basic_auth",
)  # fmt: skip
_LOGIN_CALL_NO_GRAPHQL = _lazy(_LOGIN_CALL_REGEX.replace("(?:[^\\n]{0,512}?", "(?:(?!)"), re.VERBOSE)  # no "variables"
_CASE_CLASS = _lazy(r"credentials?\([^(),\s]{1,128},[ \t]?([^(),\s]{1,256})\)")
_HTTP_BASIC = _lazy(r"\bhttp-basic\.[^\s]{1,253}[ \t]{1,4}[^\s]{1,128}[ \t]{1,4}['\"]?([^\s'\"]{1,256})")
_RUBY_BASIC = _lazy(r""":basic,[ \t]{0,4}(?:'[^'\n]{0,128}'|"[^"\n]{0,128}"),[ \t]{0,4}['"]([^'"\n]{1,256})['"]""")
# Bundler's BUNDLE_<HOST>: the host's labels joined by "__" (a dot) or "___" (a dash); labels and underscores are
# matched as runs of their own, so a long run of underscores is one step, not 253 x 253 (0.9 MB of them took 8.5 s)
_BUNDLE_HOST = _lazy(
    r"\bbundle_(?=[a-z0-9_]{0,253}__)[a-z0-9]{1,63}(?:_{1,3}[a-z0-9]{1,63}){1,16}"
    r"['\"]?[ \t]{0,4}[:=][ \t]{0,4}['\"]?[^\s:'\"]{1,128}:([^\s'\"]{1,256})"
)
# each call name _LOGIN_CALL_REGEX knows holds one of these (not "auth" alone: every "Authorization" header of a
# 2 MiB paste of them sent the whole text through the call pattern, 0.13 s, for no call)
_CALL_NEEDLES = (
    "login", "authenticat", "basicauth", "digestauth", "logon", "sign", "credential", "_connect", "getconnection", "pdo(",
    "->__construct(", ".connect(", "changeuserpassword",
)  # fmt: skip
_ARGUMENT = _lazy(r"""\\?"((?:[^"\\\n]|\\[^"\n]){1,512}?)\\?"|'([^'\n]{1,512})'""")


def _positional(text: str) -> Iterator[Span]:
    for m in _PGPASS().finditer(text) if ":" in text and not absent(_PGPASS(), text) else ():
        if _word_before(text, m.start(), 253, _in_host, " \t\r\n") and _MARKED not in m.group(1):
            yield Span(*m.span(1), "credential by position")
    low = _lowered(text)
    if "insert" in low:
        yield from _sql_inserts(text, low)
    yield from _pg_parameters(text)
    if "credential" in low:  # Scala's case class: Credentials(sync,…), its fields by position
        yield from _grouped(_CASE_CLASS(), low, 1, "credential by position")
    if "http-basic." in low:  # poetry's and composer's "config http-basic.<repo> <user> <password>"
        yield from _grouped(_HTTP_BASIC(), low, 1, "credential by position")
    if ":basic," in low:  # Faraday's request :authorization, :basic, user, password (and :basic_auth's)
        yield from _grouped(_RUBY_BASIC(), low, 1, "credential by position")
    if "bundle_" in low:  # Bundler's credentials for a host: BUNDLE_GEMS__EXAMPLE__COM: "user:password"
        yield from _grouped(_BUNDLE_HOST(), low, 1, "credential by position")
    if any(map(low.__contains__, _CLIENT_NEEDLES)):
        for m in _CLIENT_CALL().finditer(low):
            yield from _call_arguments(text, m)
    if not any(map(low.__contains__, _CALL_NEEDLES)):
        return
    calls = _LOGIN_CALL() if '"variables' in low else _LOGIN_CALL_NO_GRAPHQL()
    for m in calls.finditer(low) if not absent(calls, low) else ():  # (a call stands on one line)
        yield from _call_arguments(text, m)


# Where the password stands among a call's arguments, by the API's signature: .NET's NetworkCredential(userName,
# password[, domain]), requests' HTTPBasicAuth(username, password), aiohttp's BasicAuth(login, password), Apache
# HttpClient's UsernamePasswordCredentials(user, password), java.net.PasswordAuthentication(user, password), OkHttp's
# Credentials.basic(user, password), Jersey's HttpAuthenticationFeature.basic(user, password), Guzzle's
# ->setAuth(user, password), python-ldap's simple_bind_s(who, cred), Perl's DBI->connect(dsn, user, password), Ruby's
# Net::SMTP.start(address, port, helo, user, secret, authtype),
# PHP's oci_connect(username, password, …), mysqli_connect(host, user, password, …), new PDO(dsn, user, password) (a stack
# trace's PDO->__construct(…), mysqli->real_connect(…));
# JDBC's getConnection(url, user, password) and DataSource's getConnection(user, password): the last (-1), as an API client's
# constructor in a PHP trace (Vendor\Client->__construct(account, user, password), or (key) alone).
# A call not listed (login, authenticate, JSON-RPC params) has every quoted argument hidden.
_PASSWORD_AT = {
    "networkcredential": 1, "basicauth": 1, "digestauth": 1, "usernamepasswordcredentials": 1,
    "passwordauthentication": 1, "oci_connect": 1, "mysql_connect": 2, "mysqli_connect": 2, "pdo": 2, "getconnection": -1,
    "credentials": -1, "pdo->__construct": 2, "mysqli->__construct": 2, "mysqli->real_connect": 2,
    "client->__construct": -1, "changeuserpassword": 1, "credentials.basic": 1, "httpauthenticationfeature.basic": 1,
    "networkcredential]::new": 1, "->setauth": 1, "simple_bind": 1, "simple_bind_s": 1, "dbi->connect": 2,
    "net::smtp.start": 4, "open": 4, "db.auth": 1, "basic_auth": 1,
    "pymysql.connect": 2, "mysqldb.connect": 2, "pymssql.connect": 2, "cx_oracle.connect": 1, "oracledb.connect": 1,
}  # fmt: skip


def _call_arguments(text: str, m: re.Match[str]) -> Iterator[Span]:
    """The quoted arguments of a login call that hold the password: the one its signature names (the
    host, the user and the database stay readable), else all of them."""
    call = m.group("call").split()[-1]
    at = _PASSWORD_AT.get("basicauth" if call.endswith("basicauth") else call)
    start, end = m.start("args"), m.end("args")
    args = []  # (index by the commas before it, span of its text)
    index, pos = 0, start
    for arg in _ARGUMENT().finditer(text, start, end):
        index += text.count(",", pos, arg.start())
        pos = arg.end()
        group = 1 if arg.group(1) is not None else 2
        if text[arg.end() : arg.end() + 4].lstrip(" \t")[:1] == ":":
            continue  # a key ("p": "…"), not a value
        args.append((index, arg.span(group)))
    count = index + text.count(",", pos, end) + 1
    if at is not None and count == 1:  # one argument: "user:password" (UsernamePasswordCredentials), or a URL
        args = [(0, (a + v.find(":") + 1, b)) for _, (a, b) in args if ":" in (v := text[a:b]) and "://" not in v]
        at = 0
    for index, span in args:
        if (at is None or index == (count - 1 if at < 0 else at)) and (checked := _checked(text, *span)):
            yield Span(*checked, "credential by position")
    if not args and count == 2 and at is None:
        yield from _bare_password(text, start, end)


# A login call a log printed with its arguments bare, "login(ops, Kestrel2741) failed": the second is the password when
# it is a literal (letters with digits or signs: a person's bluefish1972 too), not a variable's name (password, self.pw,
# user_pw2) or a number
_BARE_ARGUMENT = _lazy(r"[ \t]*([^\s,()\[\]\"']{1,128})[ \t]*")
_VARIABLE = _lazy(r"[$@&*]?[a-z_][a-z0-9_]*(?<![0-9]{3})(?:\.[a-z_][a-zA-Z0-9_]*)*|[a-z_]+[A-Za-z]*|[0-9.]+")


def _bare_password(text: str, start: int, end: int) -> Iterator[Span]:
    comma = text.index(",", start) + 1
    value = _BARE_ARGUMENT().fullmatch(text, comma, end)
    if value is None:
        yield from _bare_words(text, comma, end)
        return
    word = value.group(1)
    if any(c.isalpha() for c in word) and not word.isalpha() and not _VARIABLE().fullmatch(word) and _MARKED not in word:
        yield Span(*value.span(1), "credential by position")
    elif word.isalpha():
        yield from _bare_words(text, comma, end)


# A person's password of words only ("login(ops, orangeledger)", "login(ops, correct horse)"): a variable's name reads the
# same, so only where the call failed (the line or the next says so) and the words name nothing a program passes to a login
_BARE_WORDS = _lazy(r"[ \t]*([A-Za-z]{4,40}|[A-Za-z]{2,20}(?: [A-Za-z]{2,20}){1,3})[ \t]*")
_CALL_FAILED = _lazy(
    r"denied|unauthori[sz]ed|forbidden|(?<!\d)40[13](?!\d)|fail|invalid|incorrect|wrong|reject|authenticationerror"
    r"|bad credentials",
    re.IGNORECASE,
)
_PASSED_TO_A_LOGIN = _lazy(  # (a variable's name: starts or ends with what it holds; password, token: _IN_NAME)
    r"(?:user|usr|name|mail|req|self|session|ctx|context|form|data|arg|param|client|conn|driver|page|browser|app|account"
    r"|identity|principal|my|the|new|old|cur|none|null|true|false|nil|undefined|login|auth|cred)"
    r"|.*(?:user|name|mail|id|pw|pass|creds?|credentials|info|data|input|value|field|obj|args|str|text|login)$",
    re.IGNORECASE,
)


def _bare_words(text: str, start: int, end: int) -> Iterator[Span]:
    value = _BARE_WORDS().fullmatch(text, start, end)
    if value is None or _PASSED_TO_A_LOGIN().match(value.group(1)) or _IN_NAME().search(value.group(1).lower()):
        return
    last = _line_end(text, _line_end(text, end) + 1)
    if _CALL_FAILED().search(text, end, last):
        yield Span(*value.span(1), "credential by position")


# A line that is user:password alone (an htpasswd line, plain or hashed: sync:$apr1$…, a .pgpass-like
# pair pasted on its own): never "ERROR:root:…" (a second colon), a host, a path or a number
_LONE_PAIR = _lazy(  # the value holds a letter, and a digit or a sign
    r"^[ \t]{0,40}([A-Za-z_][A-Za-z0-9._@-]{1,63}):(?=[^\s:]{0,127}[A-Za-z])(?=[^\s:]{0,127}[^\sA-Za-z:])"
    r"([^\s:/\\][^\s:]{7,127})[ \t]*\r?$",
    re.MULTILINE,
)
_NOT_A_USER = _lazy(
    r"(?:error|err|warning|warn|info|debug|trace|fatal|critical|notice|note|severity|level|status|code|reason|http|https"
    r"|host|hostname|server|port|date|time|file|line|at|in|from|to|via|caused|message|msg|type|kind|name|path|url|.*id)$",
    re.IGNORECASE,
)
_HOST_LIKE = _lazy(r"[\w-]{1,63}(?:\.[\w-]{1,63})*\.[A-Za-z]{2,24}\.?")


def _lone_pairs(text: str) -> Iterator[Span]:
    if ":" not in text:
        return
    for m in _LONE_PAIR().finditer(text):
        value = m.group(2)
        if _NOT_A_USER().match(m.group(1)) or _MARKED in value or _HOST_LIKE().fullmatch(value):
            continue
        if not (_DATE_LIKE().fullmatch(value) or _GUID().fullmatch(value) or (len(value) < 32 and _HEX().fullmatch(value))):
            yield Span(*m.span(2), "credential by position")  # (a short hex value is an id: myob:bfc2b38c5a5f)


# A Go value printed with %v: {field field …} (&{…} for a pointer), its fields by position with no names;
# a long hex field in it is taken for a key (a named one, %+v's {ClientSecret:…}, is found by _named)
_GO_STRUCT = _lazy(r"\{([^{}\r\n\"':,=;]{1,512}+)\}|map\[([^\[\]\r\n\"',=;]{1,512}+)\]")  # and a map[k:v …]
_HEX_FIELD = _lazy(r"(?<![^\s{:\[])[0-9a-fA-F]{32,512}(?![^\s}\]])")


def _struct_fields(text: str) -> Iterator[Span]:
    if "{" not in text and "map[" not in text:
        return
    for m in _GO_STRUCT().finditer(text):
        group = 1 if m.group(1) is not None else 2
        if group == 1 and " " not in m.group(1).strip():
            continue  # one word in braces: a template's {name}, not a struct
        for field in _HEX_FIELD().finditer(text, m.start(group), m.end(group)):
            yield Span(*field.span(), "credential by position")


# INSERT INTO t (user, password) VALUES ('sync', '…'): the value in the column the column list names
# an INSERT's column list (or none, into a table named for credentials: "INSERT INTO creds VALUES (…)"), then its rows:
# "VALUES" may stand on a line of its own, and each row after the first on one too
_SQL_INSERT = _lazy(
    r"insert[ \t]+into[ \t]+(?P<table>[^\s(]{1,128})[ \t]*(?:\((?P<cols>[^()\n]{1,1024})\)[ \t\r\n]{0,40})?"
    r"values[ \t\r\n]{0,40}\("
)
_SQL_VALUE = _lazy(r"""[ \t]*('(?:[^'\n]|''){0,512}'|"[^"\n]{0,512}"|[^,()\s]{1,512})[ \t]*([,)])""")
_SQL_NEXT_ROW = _lazy(r"[ \t\r\n]{0,40},[ \t\r\n]{0,40}\(")
_SQL_ROWS = 1024  # rows read of one INSERT
_SQL_UNNAMED = 64  # values read of a row whose columns have no names


def _sql_inserts(text: str, low: str) -> Iterator[Span]:
    for m in _SQL_INSERT().finditer(low):
        if m["cols"] is not None:
            count, wanted = _credential_columns(m["cols"])
        elif (_IN_NAME().search(m["table"]) or "cred" in m["table"]) and not _not_a_value(m["table"].strip('`"[]')):
            count, wanted = _SQL_UNNAMED, None  # (any quoted value that may be a secret)
        else:
            continue
        pos = m.end()
        for _ in range(_SQL_ROWS if count and wanted != frozenset() else 0):
            pos = yield from _sql_row(text, pos, count, wanted)
            if pos < 0 or (row := _SQL_NEXT_ROW().match(text, pos)) is None:
                break
            pos = row.end()


def _sql_row(text: str, pos: int, count: int, wanted: frozenset[int] | None) -> Generator[Span, None, int]:
    """The credential values of one row from ``pos`` (its "(" read): the columns ``wanted``, or with None every quoted
    value that may be a secret; where the row ends (after its ")"), or -1 where it reads as no row."""
    for i in range(count):
        value = _SQL_VALUE().match(text, pos)
        if value is None:
            return -1
        if (i in wanted if wanted is not None else _quoted_secret(value.group(1))) and (
            span := _inner(value.group(1), value.start(1))
        ):
            yield Span(*span, "credential by column")
        pos = value.end()
        if value.group(2) == ")":
            return pos
    return -1


def _quoted_secret(value: str) -> bool:
    return value[:1] in ("'", '"') and len(value) >= 8 and _secret_like(value[1:-1])


@functools.lru_cache(maxsize=256)  # a log repeats its statements
def _credential_columns(names: str) -> tuple[int, frozenset[int]]:
    """How many columns a column list names, and which of them name a credential."""
    columns = [c.strip(' \t`"[]') for c in names.split(",")]
    return len(columns), frozenset(i for i, c in enumerate(columns) if _IN_NAME().search(c) and not _not_a_value(c))


def _in_host(c: str) -> bool:
    return not c.isspace() and c not in ":#"


# Postfix's sasl_passwd: [relay]:port username:password (matched from each "[" after a space: no hint to look for)
_SASL_PASSWD = _lazy(
    r"(?<![^\s])\[[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}\](?::\d{1,5})?[ \t]+[^\s:]{1,128}:([^\s]{1,256}?)"
    r"(?:[ \t]*\r?$|[ \t]+(?=[{\[]))",
    re.MULTILINE,
)


# Twilio's auth token: 32 hex digits given after the account's SID (AC and 32 hex digits): Client(sid, token)
_TWILIO_PAIR = _lazy(
    r"AC(?<![0-9A-Za-z]AC)[0-9a-f]{32}\b[^\r\n]{0,200}?(?:\r?\n[ \t]{0,40})?(?<![0-9A-Za-z])([0-9a-f]{32})(?![0-9A-Za-z])"
)


# Windows' net use [drive:] \\host\share [password | *] [/user:…]: the word after the share is the password
_NET_USE = _lazy(r"net[ \t]+use[ \t]+(?:[a-z]:[ \t]+)?\\\\[^\s]{1,512}[ \t]+([^\s/*][^\s]{0,255})", re.IGNORECASE)


# The strings a program compares (ltrace's strcmp("<typed>", "<expected>") = 1, a crackme's source): both are the
# password when either mixes letters with digits or signs; names, locales, paths and formats compared stay
_COMPARED = _lazy(
    r"\b(?:str(?:n|case|ncase)?cmp|wcsn?cmp|memcmp|bcmp|strcoll|lstrcmpi?[aw]?)\([ \t]{0,4}L?\"([^\"\n]{1,256})\"(?:\.\.\.)?"
    r"[ \t]{0,4},[ \t]{0,4}L?\"([^\"\n]{1,256})\""
)
_COMPARED_SECRET = _lazy(r"(?=[^/%]*[A-Za-z])(?=[^/%]*[0-9!#$^&*+?~@])[^/%\s]{4,256}")
_NOT_COMPARED_SECRET = _lazy(  # a locale, a version, a constant's name, a charset, a digest's or an architecture's name
    r"[a-z]{2,3}_[A-Z]{2}(?:\.[\w-]{1,16})?(?:@\w+)?|v?\d+(?:[._-]\w+)*|(?-i:[A-Z][A-Z0-9_]*)"
    r"|(?:utf-?(?:8|16|32)|iso-?8859-\d{1,2}|sha-?\d{1,3}|md[45]|base(?:32|64)|x86_64|aarch64|i[3-6]86|win(?:32|64)|cp\d{3,4}"
    r"|latin-?\d|ucs-?[24]|amd64|arm64)(?:[._-]\w+)?",
    re.IGNORECASE,
)


def _compared(text: str) -> Iterator[Span]:
    for m in _COMPARED().finditer(text):
        values = (m.group(1), m.group(2))
        if any(_COMPARED_SECRET().fullmatch(v) and not _NOT_COMPARED_SECRET().fullmatch(v) for v in values):
            for group in (1, 2):
                if _MARKED not in m.group(group):
                    yield Span(*m.span(group), "compared password")


# A CSV row with no header that holds a login (an export of connections: ops,<password>,db.internal,5432): its fields
# say so, a host and its port side by side; the user and the password are the fields before or after them, the password
# the last of those (host,port,database,user,password). Quoted fields ("ops","…") read the same.
_CSV_ROW = _lazy(r"^[^\S\r\n]{0,8}[^\s,]{1,256}(?:,[^\s,]{0,256}){2,7}[ \t]*\r?$", re.MULTILINE)
_CSV_HOST = _lazy(r"localhost|[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,8}|\d{1,3}(?:\.\d{1,3}){3}")
_CSV_PORT = _lazy(r"\d{2,5}")
# (a row's port field: looked for first, at C speed from each ",", where the row's pattern was tried at every character)
_CSV_PORT_FIELD = _lazy(r',"*\d{2,5}"*(?=,|[ \t]*\r?$)', re.MULTILINE)


def _csv_logins(text: str) -> Iterator[Span]:
    for m in _CSV_ROW().finditer(text):
        fields, at = [], m.start()
        for field in text[m.start() : m.end()].rstrip("\r \t").split(","):
            start = at + len(field) - len(field.lstrip())
            inner = field.strip().strip('"')
            fields.append((inner, start + (1 if field.strip().startswith('"') else 0)))
            at += len(field) + 1
        yield from _csv_login(fields)


def _csv_login(fields: list[tuple[str, int]]) -> Iterator[Span]:
    values = [v for v, _ in fields]
    host = next((i for i in range(len(values) - 1) if _CSV_HOST().fullmatch(values[i]) and _is_port(values[i + 1])), None)
    if host is None:
        return
    for run in (range(0, host), range(host + 2, len(values))):
        if len(run) < 2:
            continue
        value, start = fields[run[-1]]
        if _secret_like(value) and not (_DATE_LIKE().fullmatch(value) or _GUID().fullmatch(value) or "/" in value):
            yield Span(start, start + len(value), "credential by position")


def _is_port(value: str) -> bool:
    return bool(_CSV_PORT().fullmatch(value)) and 0 < int(value) < 65536


# SASL PLAIN's message decoded ([authzid] NUL user NUL password: SMTP's, IMAP's, Kafka's AUTH PLAIN) as a bytes repr or an
# escaped string prints it (b'\x00ops@acme.io\x00<password>', "\u0000ops\u0000<password>"), or with its NULs raw
_NUL = r"(?:\\x00|\\0(?![0-7])|\\u0000|\x00)"
_SASL_PLAIN = _lazy(rf"{_NUL}[\w.@+-]{{1,128}}{_NUL}([^\s\\'\"\x00]{{4,256}})")


def _paired_values(text: str) -> Iterator[Span]:
    if "\\x00" in text or "\\0" in text or "\\u0000" in text or "\x00" in text:
        yield from _grouped(_SASL_PLAIN(), text, 1, "credential by position")
    if "," in text and _CSV_PORT_FIELD().search(text):
        yield from _csv_logins(text)
    if "cmp(" in text or "coll(" in text or "cmpi" in text:
        yield from _compared(text)
    if "AC" in text:
        yield from _grouped(_TWILIO_PAIR(), text, 1, "Twilio auth token")
    if "\\\\" in text and "use" in _lowered(text):
        yield from _grouped(_NET_USE(), text, 1, "password by position")
    if "p=" in text:
        yield from _grouped(_QUERY_P(), text, 1, "credential in a URL query")


# PostgreSQL's log of a prepared statement and its parameters: "execute <name>: SELECT login($1, $2)" then "DETAIL:
# parameters: $1 = 'ops', $2 = '…'"; a parameter is a credential where the statement puts it: after a credential's name
# ("SET password = $1", "crypt($2"), last of a login call's arguments, or in an INSERT's credential column
_PG_PARAMETERS = _lazy(r"parameters:[ \t]+(?P<list>\$\d{1,4}[ \t]=[ \t][^\n]{1,8192})")
_PG_PARAMETER = _lazy(r"\$(?P<n>\d{1,4})[ \t]=[ \t](?P<val>'(?:[^'\n]|'')*'|NULL)(?:,[ \t]|[ \t]*$)")
_PG_STATEMENT = _lazy(r"(?:execute|statement|bind)[^:\n]{0,64}:[ \t]+(?P<sql>[^\n]{1,8192})\n[^\n]{0,64}$")
_PG_AFTER_NAME = _lazy(r"[\w.\"`]{0,64}[ \t]*(?:=|,|\(|:=)[ \t]*(?:[\w.]{1,64}\([ \t]*)?\$(\d{1,4})\b")
_PG_LOGIN_CALL = _lazy(r"(?:log(?:in|on)|authenticate|sign_?in|(?:check|verify)_?password)[\w]{0,32}\(([^()\n]{1,512})\)")
_PG_INSERT = _lazy(r"insert[ \t]+into[ \t]+[^\s(]{1,128}[ \t]*\(([^()\n]{1,1024})\)[ \t]*values[ \t]*\(([^()\n]{1,1024})\)")


def _pg_parameters(text: str) -> Iterator[Span]:
    low = _lowered(text)
    if "parameters:" not in low or "$1" not in low:
        return
    for m in _PG_PARAMETERS().finditer(low):
        before = low[max(0, m.start() - 8256) : m.start()]
        statement = _PG_STATEMENT().search(before)
        wanted = _pg_credential_placeholders(statement["sql"]) if statement else frozenset()
        for p in _PG_PARAMETER().finditer(text, m.start("list"), m.end("list")) if wanted else ():
            if p["n"] in wanted and (span := _inner(p["val"], p.start("val"))):
                yield Span(*span, "credential by position")


@functools.lru_cache(maxsize=256)  # a log repeats its statements
def _pg_credential_placeholders(sql: str) -> frozenset[str]:
    """The numbers of the placeholders a statement puts where a credential goes (see _PG_PARAMETERS)."""
    found = set()
    for word in _IN_NAME().finditer(sql):
        if (after := _PG_AFTER_NAME().match(sql, word.end())) and not _not_a_value(sql[word.start() : after.start(1)]):
            found.add(after[1])
    for call in _PG_LOGIN_CALL().finditer(sql):
        if (last := call[1].rsplit(",", 1)[-1].strip()).startswith("$") and "," in call[1]:
            found.add(last[1:])
    for insert in _PG_INSERT().finditer(sql):
        _, columns = _credential_columns(insert[1])
        values = [v.strip() for v in insert[2].split(",")]
        found.update(values[i][1:] for i in columns if i < len(values) and values[i].startswith("$"))
    return frozenset(found)

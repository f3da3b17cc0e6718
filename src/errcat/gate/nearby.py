"""Values their name introduces other than by a plain pair: on the lines after it (block scalars, triple quotes,
heredocs), after a word in a sentence or a prompt, after a declared type or dot leaders, through odd separators,
in hex groups, or as a device's numbered secret."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from .basics import (
    _DATE_LIKE,
    _GUID,
    _HEX,
    _HEX_KEY,
    _HEX_NUMBER,
    _MARKED,
    _NAME_CHAR,
    _NEXT_OPTION,
    _OBJECT_STRING,
    _QUOTED,
    Span,
    _checked,
    _grouped,
    _inner,
    _lazy,
    _lowered,
    _secret_like,
)
from .named import _name_start
from .needles import Stretches, _dense, _judged_once, _near_needles, _word_matches, _word_starts
from .passwords import _NOT_A_PASSWORD, LONG_WORD_ENDINGS, letters_password
from .positions import _HOST_LIKE, _NOT_A_USER
from .shapes import _dashed_name, dotted_name, looks_random
from .words import _CREDENTIAL_WORD, _IN_NAME, _NOT_A_VALUE, _not_a_value, qualified_key, runner_verdict, secret_on_line

# "my password is Xy7!pq2w", "invalid token abc123def456", "the token we got back was …": a credential word, a few small
# words, a value (or a verb of another language: "A senha \u00e9 …", "La password \u00e8 …", "l\u00f6senordet \u00e4r …",
# "passordet er …", "heslo je …"; and "PIN code …")
_AFTER_WORD = _lazy(
    rf"""(?:{_CREDENTIAL_WORD})[a-z0-9_-]{{0,32}}+(?:["'](?=[ \t]{{1,4}}["']))?[ \t]{{1,4}}  # (a quoted name: "password" "…")
    (?:(?:of|for|on|at|da|do|das|dos|de|del|du|para|f\u00fcr|von|pour|per|di)[ \t]{{1,4}}
      (?:[^\s'",;:=]{{1,40}}+[ \t]{{1,4}}){{1,3}}?
      (?=(?:is|was|has\ been\ (?:set|reset|changed|updated|rotated)\ to|es|est|ist|lautet|era|\u00e9|\u00e8|\u00e4r|er|je)[ \t]))?
      # whose: "senha da conta \u00e9 …", "the password of the admin user is …", "das Passwort f\u00fcr MYOB ist …" (the
      # verb must follow)
    (?:(?:is|was|has\ been(?=[ \t](?:set|reset|changed|updated|rotated)\ to[ \t])  # ("has been reset to …" only)
      |of|for|the|my|your|i|we|got|had|tried|back|provided|given|used|value|set\ to|to
      |es|est|ist|lautet|era|jest|adalah
      |(?:new|old|current|actual|atual|nova|novo|nueva|antiga|antigo|antigua|neu|neues|alt|altes|nouveau|ancien)
        (?:[ \t]{{0,4}}[:=])?  # "contrase\u00f1a actual = …"
      |(?:changed|reset|updated|rotated)\ to|now  # "password changed to …", "my new password is now …"
      |\u00e9|\u00e8|\u00e4r|er|je|code
      |(?:id|hash|digest)[ \t]{{0,4}}:)[ \t]{{1,4}}){{0,4}}  # (and the credential's own id or hash: "session hash: <hex>")
    (?:(?<=[ \t])(?:['"]|\u00ab[ \t\u00a0\u202f]?))?(?P<val>[^\s'",;)}}\]<>\u00bb]{{8,128}}+)""",  # (French « … » too)
    re.VERBOSE,
)
# A value on the lines after its name: YAML's block scalar (password: |) or plain value on the next line,
# TOML's and Python's triple quotes; an anchor (&a) or a tag (!!str) may stand between.
_NEXT_LINE = _lazy(
    rf"""(?:{_CREDENTIAL_WORD})[a-z0-9_.-]{{0,64}}+\\{{0,3}}["']?[ \t]{{0,10}}[:=][ \t]{{0,10}}
    (?:&[^\s]{{1,64}}[ \t]{{0,10}})?(?:![^\s]{{0,64}}[ \t]{{1,10}})?
    (?:(?P<tq>\"\"\"|\'\'\')|<<[-~]?(?P<heredoc>[a-z_]{{1,32}})[ \t]{{0,10}}\r?\n  # HCL's and a shell's heredoc
      |(?P<block>[|>][1-9+-]{{0,2}})?[ \t]{{0,10}}(?:\#[^\r\n]{{0,200}})?\r?\n)""",
    re.VERBOSE,
)
# a prompt or a message naming a credential, its value alone at the end of the line after a colon
# (or before the JSON a log line gives after it)
_PROMPT = _lazy(  # (a quoted stretch between may hold a colon: git's "Password for 'https://ops@host': ")
    rf"""(?:{_CREDENTIAL_WORD})(?:[^\r\n:='"]|'[^'\r\n]{{0,128}}'|"[^"\r\n]{{0,128}}"|['"]){{0,64}}+:[ \t]{{1,4}}"""
    rf"""(?P<val>[^\s'",;)}}\]<>]{{8,128}}+)"""
    r"""(?:[ \t]*(?=\r?\n|$)|[ \t]+(?=[{\[]))"""
)
# (a "|" or ">" ends the line of a block scalar's name: never a pipe table's "| a | password |" with no ":" or "=")
_NEXT_LINE_HINT = _lazy(
    r"[:=][ \t]{0,20}(?:[&!]|(?:[|>][1-9+-]{0,2}[ \t]{0,10})?(?:#[^\r\n]{0,200})?\r?\n)"
    r"|\"\"\"|'''|<<[-~]?[a-z_]{1,32}[ \t]{0,10}\r?\n"
)
_NEXT_LINES = 64  # at most this many lines of a block scalar


def _next_lines(text: str) -> Iterator[Span]:
    """A value on the lines after its name (see _NEXT_LINE): a block scalar's lines indented past the
    name's, one word alone on the next line (never a sentence: "invalid token:" then a message), or the
    text up to the closing triple quote."""
    if "\n" not in text and '"""' not in text and "'''" not in text:
        return  # one line (scan's samples) with no triple quote: no value on a next line
    low = _lowered(text)
    if not _NEXT_LINE_HINT().search(low):
        return  # no line ends after a separator anywhere (a pipe table's rows): no stretch to try
    for first, last, hits in _near_needles(low):
        if _dense(first, last, hits):
            continue  # hidden whole by _named
        if not _NEXT_LINE_HINT().search(low, first, last + 160):
            continue  # no separator ends a line here: most stretches
        for m in _word_matches(_NEXT_LINE(), low, first, last, 400):
            if m.group("tq") or m.group("heredoc"):  # to the closing quotes, or the heredoc's marker (HCL, shell)
                if m.group("tq"):
                    close = low.find(m.group("tq"), m.end(), m.end() + 4096)
                else:
                    marker = re.compile(rf"\r?\n[ \t]{{0,40}}{m.group('heredoc')}[ \t]*(?:\r?\n|$)")
                    close = end.start() if (end := marker.search(low, m.end(), m.end() + 4096)) else -1
                span = _checked(low, m.end(), close) if close >= 0 else None
            elif ruled := _UNDER_RULE().match(low, m.end()):  # kubectl describe's "DB_PASSWORD:", "----", the value
                span = _checked(text, *ruled.span("val"))
            else:
                span = _indented(text, m.start(), m.end(), block=m.group("block") is not None)
            if span is not None:
                yield Span(*span, "credential by name")


# the value of a ConfigMap's or a Secret's key as kubectl describe prints it: under a rule, to a blank line
_UNDER_RULE = _lazy(r"-{4,40}[ \t]*\r?\n(?P<val>[^\r\n]{1,4096}(?:\r?\n[^\r\n]{1,4096}){0,63})")


def _indented(text: str, name_at: int, at: int, block: bool) -> tuple[int, int] | None:
    """The lines from ``at`` indented past the line holding ``name_at``: all of them for a block
    scalar, else the next line when it holds one word that names nothing (not "host: db")."""
    line_start = text.rfind("\n", 0, name_at) + 1
    indent = len(text[line_start:name_at]) - len(text[line_start:name_at].lstrip(" \t"))
    start = end = -1
    pos = at
    for _ in range(_NEXT_LINES if block else 1):
        eol = text.find("\n", pos)
        eol = len(text) if eol < 0 else eol
        line = text[pos:eol].rstrip("\r")
        body = line.lstrip(" \t")
        if body and len(line) - len(body) <= indent:
            break
        if body:
            start = pos + len(line) - len(body) if start < 0 else start
            end = pos + len(line)
        if eol >= len(text):
            break
        pos = eol + 1
    if start < 0 or (not block and (" " in text[start:end] or text[start:end].endswith(":"))):
        return None
    return _checked(text, start, end)


# A passphrase quoted right after its name, with no sign between (PostgreSQL's and shells' messages: password "correct
# horse battery"): words a paste would otherwise show, as prose (_after_word takes one token, never words)
_QUOTED_PASSPHRASE = _lazy(  # (or in single quotes: SQL's CREATE USER … PASSWORD '…', IDENTIFIED BY's neighbour)
    r"""(?<![a-z0-9_])(?:passw(?:or)?d|passphrase|pwd)[ \t]{1,4}(?:"(?P<val>[^"\n\\]{1,128})"|'(?P<single>[^'\n\\]{1,128})')"""
)


def _quoted_passphrases(text: str) -> Iterator[Span]:
    """A value in quotes right after a password's own word: a passphrase of words, hidden whole."""
    if '"' not in text and "'" not in text:
        return
    for m in _QUOTED_PASSPHRASE().finditer(_lowered(text)):
        group = "val" if m["val"] is not None else "single"
        if m[group].strip():
            yield Span(*m.span(group), "quoted passphrase after its name")


def _after_word(text: str) -> Iterator[Span]:
    """A value a sentence gives right after a credential word, or at the end of a prompt's line
    naming one ("Enter new password for user "sync": …"): one with letters and digits (or signs),
    never a word, a number, a date, a path or an id."""
    low = _lowered(text)
    prompts = ": " in text or ":\t" in text

    def judge(first: int, last: int) -> tuple[list[Span], bool]:
        found = [
            Span(*span, "random token after a credential word")
            for m in _word_matches(_AFTER_WORD(), low, first, last, 200)
            if (span := _word_value(text, m, prompt=False))
        ]
        for m in _word_matches(_PROMPT(), low, first, last, 240) if prompts else ():
            if span := _word_value(text, m, prompt=True):
                found.append(Span(*span, "random token after a credential word"))
        return found, True  # (each match reads from the character before its word to 240 past the stretch)

    memo: Stretches = {}
    for first, last, hits in _near_needles(low):
        if not _dense(first, last, hits):  # (a dense stretch is hidden whole by _named)
            yield from _judged_once(text, first, last, (8, 248), memo, judge)


def _next_option(text: str, m: re.Match[str], value: str, prompt: bool) -> bool:
    """The next option of a command line after a credential option with no value ("aws ecr get-login-password --region
    eu-west-1", "mysql --password --host db1": the password is asked for), not the credential."""
    return not prompt and _NEXT_OPTION().fullmatch(value) is not None and text[m.start("val") - 1].isspace()


def _word_value(text: str, m: re.Match[str], prompt: bool) -> tuple[int, int] | None:
    """The value after a credential word, if it looks like one (see _after_word). Right after the word,
    a long hex value or a GUID is one ("API key <40 hex> is invalid": InvoiceXpress's keys are 40 hex
    digits); at the end of a prompt's line it is an id ("… for company file: <GUID>"), and the value
    runs to the line's end (a sentence's value loses a full stop)."""
    if text[m.start() - 1 : m.start()] == "/":  # the word ends a path ("endpoint=/api/auth method=GET")
        return None
    value = text[m.start("val") : m.end("val")]
    value = value if prompt or text[m.start("val") - 1] in "'\"" else value.rstrip(".:!?")  # a quoted value is whole
    letters = sum(c.isalpha() for c in value)
    others = len(value.lstrip("([{")) - letters  # a bracket before a word ("access token (unrecognized login") is no sign
    if not others and _letters_given_as_password(text, m, value):
        return m.start("val"), m.start("val") + len(value)
    if len(value) < 8 or not letters or not others or _MARKED in value or "/" in value or "://" in value:
        return None
    if _HOST_PORT().fullmatch(value) and _TOWARDS().search(text, m.start(), m.start("val")):
        return None  # a place: "could not auth to ldap.acme.io:636", "token for db.internal:5432"
    if _HEX_NUMBER().fullmatch(value) or _OBJECT_STRING().fullmatch(value) or _OAUTH_PROBLEM().match(value):
        return None  # a number in hex ("renew session 0x24ed93119420016"), an object's toString, an OAuth problem report
    if value[:1] == "(" and value[1:].rstrip(")").isalpha():
        return None  # a word in brackets: "Password (required)", "client_secret (sandbox) = …" (the value is after it)
    if (
        text[m.start() - 1 : m.start()].isalpha()
        and text[m.end("val") : m.end("val") + 1] == "]"
        and _PROCESS_TAG().fullmatch(value)
    ):
        return None  # a syslog tag after a host whose name ends in the word ("usbkey sshd[8807]: …"; not "auth Dropbox[24019]")
    if _USER_AT_HOST().fullmatch(value) and _FOR_WHOM().search(text, m.start(), m.start("val")):
        after = _AFTER_WHOM().match(text, m.end("val"))  # "password for app@localhost is …": the value after it
        return _word_value(text, after, prompt=False) if after else None  # (not the user@host: whose password it is)
    if _dashed_name(value) and not _words_given_as_password(text, m, value):
        return None
    if _an_id(text, m, value, prompt) or _DATE_LIKE().fullmatch(value) or _SOURCE_LINE().fullmatch(value):
        return None
    if _next_option(text, m, value, prompt) or (
        dotted_name(value) and _bare_key(text, m.start()) and not secret_on_line(_lowered(text), m.start())
    ):
        return None  # the next option of a command line, or an attribute's name after "key" (see named._pair_name)
    return m.start("val"), m.start("val") + len(value)


_HOST_PORT = _lazy(r"(?:[A-Za-z0-9][A-Za-z0-9-]{0,62}(?:\.[A-Za-z0-9-]{1,63})+|\[[0-9A-Fa-f:.]{2,45}\]):\d{1,5}")
_TOWARDS = _lazy(r"(?<![\w-])(?:to|at|on|from|for|against|via|with)[ \t]{1,4}\Z")


# "… with password wombat_harbour", "my password is …": a password's own word after "with" or "using" (or before "is"
# after "my" or "the"), then words joined by underscores or dashes, in any case and with digits ("Wombat-Harbour-81" was
# shown: a name a program gives is joined to the word, "password_reset", or names a credential, "reset_token")
_WITH_PASSWORD = _lazy(
    r"(?:(?:with|using)[ \t]{1,4}(?:the[ \t]{1,4})?(?:passw(?:or)?d|passphrase|pwd|senha|contrase\u00f1a|passwort)"
    r"|(?:(?:my|the|our|your|his|her|their|a|minha|mi|la|o|meu|das|mein)[ \t]{1,4}|^|[\n.!?:][ \t]{0,4})"
    r"(?:passw(?:or)?d|passphrase|pwd|pw|senha|palavra-passe|contrase\u00f1a|passwort)[ \t]{1,4}(?:is|was|\u00e9|era|es|ist|war)"
    # (a user named first, "user ops, password …", "username ops and password …"; a password set to it)
    r"|(?:user(?:name)?|login):?[ \t]{1,4}[a-z0-9_.@\\-]{1,64},?[ \t]{1,4}(?:and[ \t]{1,4})?(?:passw(?:or)?d|pwd|pass|pw)"
    r"|(?:^|[\n,;][ \t]{0,4})(?:pwd|pw)"  # (the abbreviation alone, opening its clause: "ops, pw kestrelmorning")
    r"|(?:set|changed?|reset|updated?)[ \t]{1,4}(?:(?:the|my|our|their|his|her)[ \t]{1,4})?(?:passw(?:or)?d|pwd)[ \t]{1,4}to"
    r"|(?:passw(?:or)?d|pwd)[ \t]{1,4}(?:was|is|has[ \t]been)[ \t]{1,4}(?:set|changed|reset)[ \t]{1,4}to)"
    r"[ \t]{1,4}\Z"  # ("^": the text's start, the window read is 40 characters)
)
_JOINED_WORDS = _lazy(r"[a-z][a-z0-9]{2,19}(?:[_-][a-z0-9]{2,20}){1,3}")  # (read lower-cased)


def _words_given_as_password(text: str, m: re.Match[str], value: str) -> bool:
    """Whether words joined by dashes or underscores are a password a sentence gives (see _WITH_PASSWORD)."""
    return bool(
        _JOINED_WORDS().fullmatch(value.lower())
        and _WITH_PASSWORD().search(_lowered(text[max(0, m.start("val") - 40) : m.start("val")]))
        and not _IN_NAME().search(value)
        and text[m.end("val") : m.end("val") + 1] not in ("=", ":", "(")
    )


_WORDS_CLAUSE_END = _lazy(r"[ \t]*(?:[.,;!?)]|\r?\n|$|(?:and|but|e|y|und|et)[ \t])")


# A long run of letters a sentence gives after "with password" ends as an English word may and still be two words run
# together ("with password kestrelmorning and …"): English words that long after a password's word are these few
_LONG_COMPOUND = 12
_LONG_PROSE_WORDS = frozenset((
    "authentication", "authenticating", "authorization", "authorisation", "verification", "confirmation", "configuration",
    "synchronization", "synchronisation", "administration", "registration", "specification", "notification",
    "complexities", "strengthening",
))  # fmt: skip


def _letters_alone(value: str) -> bool:
    """Letters alone a person may have picked as a password (passwords.letters_password): one ending as English words
    do only when long (two words run together, "wombatmorning"), and none of the few English words that long, nor one
    ending as an inflected derived word does (passwords.LONG_WORD_ENDINGS: "successfully", "requirements": prose after
    "password", "logged in with password successfully.", and a folder after another, "backend/improvements")."""
    if len(value) < _LONG_COMPOUND:
        return letters_password(value)
    low = value.lower()
    return low not in _LONG_PROSE_WORDS and not low.endswith(LONG_WORD_ENDINGS) and letters_password(value, prose=False)


def _letters_given_as_password(text: str, m: re.Match[str], value: str) -> bool:
    """Whether letters alone are a password a sentence gives (see _WITH_PASSWORD and _letters_alone): the last word of
    its clause ("connecting as ops with password ledgerlisboa", "my password is kestrelwombat, but…")."""
    return bool(
        _letters_alone(value)
        and _WORDS_CLAUSE_END().match(text, m.start("val") + len(value))
        and _WITH_PASSWORD().search(_lowered(text[max(0, m.start("val") - 40) : m.start("val")]))
    )


def _an_id(text: str, m: re.Match[str], value: str, prompt: bool) -> bool:
    """Whether the value after a credential word is an id, not the credential: a GUID or hex digits, unless long (a
    session's id or hash, a password's hash: printed back, as good as the credential) or after a password's own word
    (a password of hex letters and digits, "password 00000000000A" as a table's row one-lined: a password is no id)."""
    if not (_GUID().fullmatch(value) or _HEX().fullmatch(value)):
        return False
    named = not prompt or _NAMES_ITSELF().fullmatch(text, m.start(), m.start("val")) is not None
    if named and len(value.replace("-", "")) >= _HEX_KEY:
        return False
    between = text[m.start() : m.start("val")].lower()
    word = between.split(None, 1)[0].strip("\"'")
    if "-" in value or _ID_WORD().search(between):
        return True  # a GUID's piece, or the credential's id ("token id: 3fa9c21b")
    if len(value) >= _KEY_HEX and (word.endswith(_KEY_WORDS) or (word == "key" and qualified_key(_lowered(text), m.start()))):
        return False  # a key's 32 or 40 hex digits at a prompt ("API key do InvoiceXpress: <40 hex>"); a GUID has dashes
    return not word.endswith(_PASSWORD_WORDS) and not (named and word.endswith(_KEY_WORDS))


_BARE_KEY = _lazy(r"key(?![a-z0-9_.$-])", re.IGNORECASE)


def _bare_key(text: str, at: int) -> bool:
    """Whether the credential word at ``at`` is a "key" alone: no name around it, no word before it naming whose it is."""
    if not _BARE_KEY().match(text, at) or text[at - 1 : at].lower() in _NAME_CHAR:
        return False
    return not qualified_key(_lowered(text), at)


# a source file and its line, a logger's place after a thread named for what it does ("…_OnOAuthSuccess-6 user.pyo:81")
_SOURCE_LINE = _lazy(r"[A-Za-z_][\w-]{0,64}\.(?:pyw?|pyo|pyc|rb|js|ts|go|java|kt|cs|php|c|cc|cpp|h|m|mm|swift|scala|rs):\d{1,6}")


_PASSWORD_WORDS = ("password", "passwd", "pwd", "passphrase", "passcode", "pass", "secret", "senha", "kennwort", "wachtwoord")
# a key's or a token's own word: a short hex value after it is the key ("apiKey is 3fa9c21b7e04"), no id
_KEY_WORDS = ("apikey", "api_key", "api-key", "token", "secret")
_KEY_HEX = 32
_ID_WORD = _lazy(r"[ \t_-]id\b")


# a prompt whose name is the credential's own (session id:, session hash:, password hash:, api key:), not a message
# naming one before its subject ("Invalid token for company file: <GUID>")
_NAMES_ITSELF = _lazy(
    rf"(?:{_CREDENTIAL_WORD})[a-z0-9_-]{{0,32}}(?:[ \t_-](?:id|hash|key|digest|value))?[ \t]*:[ \t]{{1,4}}", re.IGNORECASE
)
# OAuth 1.0a's problem report (oauth_problem=consumer_key_unknown&oauth_problem_advice=…): error words, no credential;
# an oauth_token or oauth_signature it also gives is hidden by its own name
_OAUTH_PROBLEM = _lazy(r"oauth_problem=[a-z0-9_%.+-]{1,128}(?:&|$)", re.IGNORECASE)
_USER_AT_HOST = _lazy(r"[A-Za-z0-9_.$-]{1,64}@[A-Za-z0-9%_.:-]{1,253}")
_AFTER_WHOM = _lazy(r"""['"]?(?:[ \t]{1,4}(?:is|was|=|:)|:)[ \t]{1,4}(?:now[ \t]{1,4})?['"]?(?P<val>[^\s'",;)}\]<>]{8,128}+)""")
_FOR_WHOM = _lazy(r"""[ \t]for[ \t]{1,4}['"]?\Z""", re.IGNORECASE)
_PROCESS_TAG = _lazy(r"[A-Za-z][\w.-]{0,40}\[[0-9]{1,10}")


# A name declared with its type before the value (Scala's and Kotlin's val apiKey: String = …, TypeScript's
# let token: string = …, Swift's let secret: String = …), and a name with its value aligned under a table's
# header or after dot leaders (PowerShell's Get-ChildItem env:, "Password ......... value")
_TYPED = _lazy(
    rf"""(?:{_CREDENTIAL_WORD})[a-z0-9_]{{0,32}}+[ \t]*:[ \t]*[a-z][\w.<>\[\]?]{{0,40}}[ \t]*=[ \t]*"""
    rf"""(?P<val>{_QUOTED}|[^\s,;)}}\]]{{1,512}})"""
)
_ALIGNED = _lazy(
    rf"""(?:{_CREDENTIAL_WORD})(?:[a-z0-9_-]{{0,32}}+\.{{4,80}}+[ \t]{{0,4}}+"""  # (dot leaders with no space: "Password.....")
    rf"""|[a-z0-9_.-]{{0,32}}+(?:[ \t]{{2,80}}|[ \t]{{1,4}}\.{{3,80}}[ \t]{{1,4}}))"""
    r"""(?:[a-z][\w$]{0,64}(?:\.[\w$]{1,64}){1,8}[ \t]{2,80})?"""  # a field's type between (Eclipse MAT: java.lang.String)
    r"""(?P<val>[^\s]{4,512}+)[ \t]*\r?(?:\n|$)"""  # (possessive: a value of no space ends where the spaces start)
)


_PREFIX_ENDS = frozenset(":]|>")
_NAME_CHARS = "".join(sorted(_NAME_CHAR))  # what ends a log line's prefix before a table's row it logged


def _typed_and_aligned(text: str) -> Iterator[Span]:
    typed = ":" in text and "=" in text
    aligned = "  " in text or "\t" in text or "..." in text
    if not (typed or aligned):
        return
    low = _lowered(text)
    for first, last, hits in _near_needles(low):
        if _dense(first, last, hits):
            continue
        window = low[first : last + 80]  # (the type's name and the alignment stand right after the name)
        for m in _word_matches(_TYPED(), low, first, last, 600) if typed and ":" in window and "=" in window else ():
            if span := _inner(text[m.start("val") : m.end("val")], m.start("val")):
                yield Span(*span, "credential by name")
        if not (aligned and ("  " in window or "\t" in window or "..." in window)):
            continue
        for m in _word_matches(_ALIGNED(), low, first, last, 600):
            line_start = low.rfind("\n", 0, m.start()) + 1
            before = low[line_start : m.start()].lstrip(" \t")
            head = before.rstrip(_NAME_CHARS)  # (the line's text before the name's first character)
            behind_prefix = head.rstrip(" \t")[-1:] in _PREFIX_ENDS and head[-1:] in " \t"  # a logger's "worker: "
            if not (_NAME_CHAR.issuperset(before) or behind_prefix) or _not_a_value(low[m.start() : m.start("val")]):
                continue  # the name starts its line (a table's first column), and names a value (SQL_PASSWORD)
            if runner_verdict(text, m.start()):
                continue  # Jest's " PASS  src/app.test.js"
            if behind_prefix and not _NAME_CHAR.issuperset(before) and not _secret_like(text[m.start("val") : m.end("val")]):
                continue  # (a row a logger prefixed: its value holds a digit or a sign, no word of a message)
            if span := _checked(text, *m.span("val")):
                yield Span(*span, "credential by name")


# A credential's name, then only separators, quotes and an escaped or entity quote (at most one line break) before its
# value: ``passphrase: "" + <hex>``, ``X-Api-Key | `<hex>` ``, ``pwd:\n  &quot;<hex>&quot;``, ``api_key, `v` ``
_SEPARATED_REGEX = rf"""(?:{_CREDENTIAL_WORD})[a-z0-9_.-]{{0,64}}+
    (?P<gap>(?:[ \t]{{0,4}}(?:[:=|,>+]|&quot;|&\#0?3[49];|&apos;|\\{{0,3}}["'`]|\r?\n)[ \t]{{0,40}}){{1,6}})
    (?P<val>[A-Za-z0-9+/=_.~!@\#%^*-]{{8,512}}+)"""
_SEPARATED = _lazy(_SEPARATED_REGEX, re.VERBOSE)

_BEARER_SEPARATED = _lazy(_SEPARATED_REGEX.replace(f"(?:{_CREDENTIAL_WORD})", "bearer", 1), re.VERBOSE)
_BEARER_SAID = _lazy(
    r"""bearer[ \t]{1,4}(?:is|was|=|->|=>|\u2192)[ \t]{1,4}(?:now[ \t]{1,4})?(?:\\{0,3}["'`]|&quot;|&\#0?34;)?"""
    r"""(?P<val>[A-Za-z0-9+/=_.~-]{8,512}+)"""
)
_ODD_GAP = _lazy(r"[|+`,>&\\]|[:=][ \t]{0,10}\r?\n")


def _separated_values(text: str) -> Iterator[Span]:
    """A value its name introduces through separators no other pass reads as a pair (see _SEPARATED): a long hex
    value (a key or a token; a hex id has no credential's name before it), or letters mixed with digits."""
    low = _lowered(text)

    def judge(first: int, last: int) -> tuple[list[Span], bool]:
        if not _ODD_GAP().search(low, first, last + 64):
            return [], True  # (a plain "name: value" or "name=value" is _named's: most stretches)
        return [s for m in _word_matches(_SEPARATED(), low, first, last, 200) for s in _separated_value_span(text, low, m)], True

    memo: Stretches = {}
    for first, last, hits in _near_needles(low):
        if not _dense(first, last, hits):
            yield from _judged_once(text, first, last, (8, 208), memo, judge)
    if "bearer" in low:  # (the credential word "bearer" is one only before ":" or "=": here any separator will do)
        for m in _BEARER_SEPARATED().finditer(low):
            if low[m.start() - 1 : m.start()] not in ("=", ":", '"', "'"):  # (token_type=bearer: the scheme's name)
                yield from _separated_value_span(text, low, m)
        for m in _BEARER_SAID().finditer(low):  # "the bearer is \"<hex>\"", "bearer -> <hex>": given in words
            value = text[m.start("val") : m.end("val")].rstrip(".:!?,")
            if low[m.start() - 1 : m.start()] not in ("=", ":") and _separated_value(value):  # (token_type=bearer is …)
                yield Span(m.start("val"), m.start("val") + len(value), "credential by name")


def _separated_value_span(text: str, low: str, m: re.Match[str]) -> Iterator[Span]:
    gap = m.group("gap")
    if gap.count("\n") > 1 or not gap.strip(" \t\r\n") or _NOT_A_VALUE().search(low, m.start(), m.start("gap")):
        return
    if low[m.start() - 1 : m.start()] == "/" or low.startswith(("=", "(", "[", "{"), m.end("val")):
        return  # a path's word, or a value that is itself a name or a call
    value = text[m.start("val") : m.end("val")].rstrip(".:!?,")
    if "=" not in value.rstrip("=") and _separated_value(value):  # (realm=api2 is a pair of its own)
        yield Span(m.start("val"), m.start("val") + len(value), "credential by name")


def _separated_value(value: str) -> bool:
    if "/" in value:  # a path, or a base64 key holding a "/" ('/ByT7mtvUlIGQj9/JYl6JW3x…')
        return _MARKED not in value and looks_random(value.replace("/", ""))
    if _MARKED in value or _HEX_NUMBER().fullmatch(value) or _OBJECT_STRING().fullmatch(value):
        return False
    if _HEX().fullmatch(value):
        return len(value.replace("-", "")) >= _HEX_KEY
    letters = sum(c.isalpha() for c in value)
    digits = sum(c.isdigit() for c in value)
    if not letters or not digits or _DATE_LIKE().fullmatch(value) or _dashed_name(value, loose=True):
        return False
    if value.islower() and any(c in value for c in "-_."):
        return False  # a name of one case with its number or hash (user_id2, a pod's web-7d4b9c6f8-x2k9p)
    return not _NOT_A_PASSWORD().fullmatch(value)


# A key given in hex groups after its name (token: 8f68d9d9 b0341314 …); a device's secret after its type number
# (Cisco's "enable secret 0 …", "username admin password 7 …"); the hex digests a line about a signature prints
# ("signature mismatch expected=<hex> got=<hex>": the expected one is the valid signature of the request)
_GROUPED_HEX = _lazy(
    rf"""(?:{_CREDENTIAL_WORD})[a-z0-9_.-]{{0,64}}+[ \t]{{0,4}}[:=][ \t]{{0,4}}"""
    r"""(?P<val>[0-9a-f]{4,8}(?:[ \t:-][0-9a-f]{4,8}){2,15})(?![0-9a-z])"""
)
# (whether any hex groups stand in the text at all: told from the first separator, 4 hex digits before it, so that re skips
# to the separators at C speed; starting at the hex, 2 MiB of letters took 0.26 s of trying 4..8 digits at each one)
_HEX_GROUPS = _lazy(r"[ \t:-](?<=[0-9a-f]{4}[ \t:-])[0-9a-f]{4,8}[ \t:-][0-9a-f]{4,8}(?![0-9a-z])")
_NUMBERED_SECRET = _lazy(r"(?<![\w-])(?:secret|password|key-string|key)[ \t]+[05789][ \t]+(?P<val>[^\s]{4,512})")
_SIGNATURE_LINE = _lazy(r"^[^\r\n]{0,512}?(?:signature|hmac|digest mismatch)[^\r\n]{0,512}", re.MULTILINE)
_LONG_HEX = _lazy(r"(?<![0-9A-Za-z])[0-9a-fA-F]{32,512}(?![0-9A-Za-z])")


def _grouped_and_numbered(text: str) -> Iterator[Span]:
    low = _lowered(text)
    for first, last, hits in _near_needles(low) if _HEX_GROUPS().search(low) else ():
        if _dense(first, last, hits):
            continue
        for m in _word_matches(_GROUPED_HEX(), low, first, last, 200):
            if sum(c.isdigit() for c in m.group("val")) and sum(c in "abcdef" for c in m.group("val")):
                yield Span(*m.span("val"), "credential by name")
    if "secret" in low or "password" in low or "key" in low:
        yield from _grouped(_NUMBERED_SECRET(), low, "val", "credential by name")
    if "signature" in low or "hmac" in low or "digest" in low:
        for line in _SIGNATURE_LINE().finditer(low):
            yield from (Span(*h.span(), "signature") for h in _LONG_HEX().finditer(low, *line.span()))


# The first word of the line after a name that ends its line, when more words follow it on that line
# ("password:" then "  Xy7abc123q  (rotated monthly)"): _indented takes a next line only when it is one word
_FIRST_WORD = _lazy(r"[ \t]{0,40}(?P<val>[^\s'\"<>]{8,512})[ \t]+[^\s]")
_WORDS_ON_NEXT_LINE = _lazy(r"[:=][ \t]{0,10}\r?\n[ \t]{0,40}[^\s'\"<>]{8,512}[ \t]+[^\s]")


def _next_line_words(text: str) -> Iterator[Span]:
    if "\n" not in text:
        return
    low = _lowered(text)
    if not _WORDS_ON_NEXT_LINE().search(low):
        return  # no line ending after a separator is followed by a word and more words: most texts
    for first, last, hits in _near_needles(low):
        if _dense(first, last, hits) or not _NEXT_LINE_HINT().search(low, first, last + 160):
            continue
        for m in _word_matches(_NEXT_LINE(), low, first, last, 400):
            if m.group("tq") or m.group("heredoc") or m.group("block"):
                continue  # (_next_lines reads these whole)
            if (word := _FIRST_WORD().match(text, m.end())) and not word.group("val").endswith(":"):
                value = word.group("val").rstrip(".,;")
                if _separated_value(value):
                    yield Span(word.start("val"), word.start("val") + len(value), "credential by name")


# A value given before its name, only small words between: "IKrQDururO7OlGo <- that's the prod password",
# "`<token>` is the api_key" (the words a sentence puts between a value and the name it gives it; never "=", ":" or
# "-": code's "MLKEM768X25519PrivateKey = rust_openssl.hpke.MLKEM768X25519PrivateKey" names, then gives a value)
_BEFORE_NAME = frozenset(
    (
        *("<-", "<--", "\u2014", "\u2190", "is", "was", "are", "that", "that's", "this", "it", "it's", "its"),
        *("here's", "the", "my", "our", "your", "prod", "production", "staging", "new", "old"),
        *("current", "temporary", "temp", "admin", "root", "db", "database", "api", "service", "account", "user"),
    )
)
_BEFORE_NAME_REACH = 120  # characters before the name where its value is looked for (a few small words)
_BEFORE_NAME_AHEAD = 128  # characters past a stretch a name's tail and the clause after it are read in
_VALUE_QUOTES = "\"'`"
_VALUE_WORD = _lazy(r"[A-Za-z0-9+/=_.~!@#%^*-]+")


def _values_before_names(text: str) -> Iterator[Span]:
    """Looked for only where the word right before a credential's name is one of _BEFORE_NAME (most names in a log
    follow another word): the value is the first word before the name, walking back over such words."""
    low = _lowered(text)

    def judge(first: int, last: int) -> tuple[list[Span], bool]:
        found, kept = [], True
        for at in _word_starts(low, first, last):
            start = _name_start(text, at)
            before = low[max(0, start - _BEFORE_NAME_REACH) : start]
            words = before.rsplit("\n", 1)[-1].split()
            if not words or words[-1] not in _BEFORE_NAME:
                continue
            end = start + len(_NAME_TAIL().match(low, start).group())  # type: ignore[union-attr]  # always matches
            clause = _CLAUSE_END().match(low, end)
            kept = kept and (clause.end() if clause else end) + 8 < last + _BEFORE_NAME_AHEAD  # (else: read past the window)
            if _not_a_value(low[start:end]) or not clause:
                continue  # (a name that goes on: "… is the password policy")
            if span := _value_before(text, start, words):
                found.append(Span(*span, "credential by name"))
        return found, kept

    memo: Stretches = {}
    for first, last, hits in _near_needles(low):
        if not _dense(first, last, hits):
            yield from _judged_once(text, first, last, (64 + _BEFORE_NAME_REACH + 8, _BEFORE_NAME_AHEAD), memo, judge)


_NAME_TAIL = _lazy(r"[a-z0-9_.$-]*")
_CLAUSE_END = _lazy(r"[ \t]*(?:[^\w\s]|\r?$)|[ \t]+(?:for|of|on|in|to|at|here|btw|now)\b", re.MULTILINE)


def _value_before(text: str, start: int, words: list[str]) -> tuple[int, int] | None:
    """The span of the word before the small words that lead to the name at ``start``, if it is a value."""
    n = len(words)
    while n and words[n - 1] in _BEFORE_NAME:
        n -= 1
    if not n or n == len(words):
        return None
    at = start
    for word in reversed(words[n - 1 :]):  # where the value's word starts: each word found back from the name
        at = _lowered(text).rfind(word, 0, at)
    value = text[at : at + len(words[n - 1])]
    stripped = value.strip(_VALUE_QUOTES)
    if len(stripped) < 8 or not _VALUE_WORD().fullmatch(stripped) or not _separated_value(stripped):
        return None  # (code's "{secret[:4]}" for a name is no value)
    lead = value.index(stripped)
    return at + lead, at + lead + len(stripped)


# where a user/password pair ends: its line's end (a full stop, a remark in brackets before it: "(401)"), or an arrow or a
# dash going on to what happened ("… / <password> -> API says")
_PAIR_END = r"(?:[ \t]*[.,;!]?(?:[ \t]+\([^()\r\n]{1,40}\))?[ \t]*\r?$|[ \t]+(?:->|=>|\u2014|\u2013|-)[ \t])"


# A user and a password a sentence gives after naming them credentials: "Use these creds for staging: svc / <password>",
# "login with svc / <password>" (the pair ends the line); in German, French, Spanish, Portuguese, Italian and Dutch too
# ("Zugangsdaten: svc / <password>", "identifiants : svc / <password>")
_USER_SLASH_PASSWORD = _lazy(
    r"(?:cred(?:s|entials?|enciales|enciais|enziali)|logins?|log[ \t]in[ \t]with|(?:zugangs|anmelde|login)daten|identifiants?"
    r"|inloggegevens|pass(?:word|wort|wd)|pwd|mot[ \t]de[ \t]passe|contrase(?:ñ|n)a|senha|wachtwoord|auth(?:entication)?"
    r"|wi-?fi|wlan)"  # (a wireless network's name and its passphrase: "wifi: AcmeGuest / …")
    r"\b[^\r\n/]{0,64}?[ \t](?P<user>[a-z0-9_.@\\-]{1,64})(?:[ \t]{0,4}/[ \t]{0,4}|:)"  # (a password's own name; "auth failed:")
    rf"(?P<val>[^\s'\"`,;/]{{6,128}}?){_PAIR_END}",
    re.MULTILINE,
)
# A user of a login's shape and a password, no word naming them: "opened as ops / <password>", "prod: svc_sync /
# <password>", "admin@acme.pt / <password>" (the user after "as", a service account, an administrator's or a database's
# own login, an e-mail address; spaces around the slash: a path's words have none). Read from each " / " found (the
# user's pattern ends there, the value's starts there): a pattern tried at every word of a long paste cost 3 times
# the pass
_LOGIN_USER = _lazy(
    r"(?:(?<![\w-])as[ \t]{1,4}[a-z0-9_.@\\-]{1,64}|(?<![\w.@\\-])(?:[a-z0-9_.-]{1,64}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,8}"
    r"|svc[_-][a-z0-9_.-]{1,60}|[a-z0-9_.-]{1,60}[_-]svc|administrator|admin|root|sa|sysadmin|superuser|postgres))[ \t]{0,3}\Z"
)
# a user alone before the slash on its line (a list's dash before it): "ops / <password>" a line of its own says no more
_USER_ALONE = _lazy(r"[ \t]{0,8}(?:[-*][ \t]{1,3})?[a-z_][a-z0-9_.@\\-]{1,63}[ \t]{0,3}")
_LOGIN_VALUE = _lazy(rf"[ \t]{{1,4}}(?P<val>[^\s'\"`,;/]{{6,128}}?){_PAIR_END}", re.MULTILINE)
_LOGIN_USER_REACH = 80  # characters before the slash the user's pattern reads ("as " and 64 characters, spaces)


# A failed login's line naming the user and what it was tried with: "login failed for svc with <password>"
_LOGIN_WITH = _lazy(
    r"(?:log(?:in|on)|sign[ \t-]?in|auth(?:entication)?)[ \t](?:[a-z]{1,16}[ \t]){0,2}?for[ \t]+(?:user[ \t]+)?"
    r"['\"]?[a-z0-9_.@\\-]{1,64}['\"]?[ \t]+with[ \t]+['\"]?(?P<val>[^\s'\"`,;]{8,128})"
)


# a user joined to its password by a colon: a login's name, no host (no dot) and no field's name ("code:", "host:")
_COLON_USER = _lazy(
    r"(?!(?:error|err|code|status|host|hostname|server|port|id|type|name|level|time|date|url|path|file|line|at|in)$)"
    r"[a-z_][a-z0-9_-]{1,31}"
)
_PAIR_WORDS = (
    "cred", "log", "sign", "auth", "daten", "identifiant", "pass", "pwd", "contrase", "senha", "wachtwoord", "wifi", "wi-fi",
    "wlan",
)  # fmt: skip


def _users_and_passwords(text: str) -> Iterator[Span]:
    low = _lowered(text)
    at = low.find(" / ")
    while at >= 0:
        line_start = low.rfind("\n", max(0, at - _LOGIN_USER_REACH), at) + 1 or max(0, at - _LOGIN_USER_REACH)
        alone = _USER_ALONE().fullmatch(low, line_start, at) is not None
        if (alone or _LOGIN_USER().search(low, line_start, at)) and (m := _LOGIN_VALUE().match(low, at + 2)):
            value = text[m.start("val") : m.end("val")]
            # (no name: a word ending as English words do stands, "as ops / reporting"; one that does not is hidden as a
            # password of letters would be, "admin / dashboard": no word list tells the two apart;
            # the same after a user alone on its line)
            if _separated_value(value) or letters_password(value):
                yield Span(*m.span("val"), "credential by position")
        at = low.find(" / ", at + 2)
    if not any(w in low for w in _PAIR_WORDS):
        return
    for m in _USER_SLASH_PASSWORD().finditer(low) if "/" in low or ":" in low else ():
        value = text[m.start("val") : m.end("val")]
        if low[m.end("user")] == ":" and not _COLON_USER().fullmatch(m["user"]):
            continue  # ("login ops:<password>"; not a host's port, "auth to api.acme.io:8443", or "error: code:E11000")
        labelled = ":" in low[m.start() : m.start("user")]  # ("login: ops / …"; not "login to the portal / dashboard")
        if _separated_value(value) or (labelled and letters_password(value, prose=False)):
            yield Span(*m.span("val"), "credential by position")
    for m in _LOGIN_WITH().finditer(low) if " with" in low else ():
        value = text[m.start("val") : m.end("val")].rstrip(".:!?")
        if "/" not in value and _tried_with(value):
            yield Span(m.start("val"), m.start("val") + len(value), "credential by position")


# A line that is a user and a password alone, joined otherwise than by " / " (_users_and_passwords) or a bare ":"
# (positions._lone_pairs): "ops/tasmandingo", "ops | Harbour4821", "ops : kestrelledger", or a blank alone ("ops
# Harbour4821"); a list's dash may open it. A blank alone joins two words in any sentence: there the value must read as a
# person's password (upper and lower case and a digit), never a version, a hex id, an issue or a word
_PAIR_ALONE = _lazy(
    r"^[ \t]{0,8}(?:[-*][ \t]{1,3})?(?P<user>[a-z_][a-z0-9_.@\\-]{1,63})"
    r"(?P<sep>/|[ \t]{1,3}[|:][ \t]{1,3}|[ \t]{1,3})(?P<val>[^\s'\"`,;/|]{6,128})[ \t]*\r?$",
    re.MULTILINE,
)
_LOGIN_NAME = _lazy(r"[a-z_][a-z0-9_@-]{1,63}")
_PICKED = _lazy(r"(?=[^a-z]*[a-z])(?=[^A-Z]*[A-Z])(?=\D*\d).+")  # (both cases and a digit: never "see issue#1234")
# a reference to a numbered thing, in any case ("see Issue#1234", "fixed in PR#77", "Ticket#5521"): no password
_REFERENCE = _lazy(
    r"(?:issue|bug|ticket|pr|pull|mr|case|task|story|epic|incident|defect|item|order|invoice|job|build|run|change|req"
    r"|request|commit|step|line|no|nr|num|number)s?#\d{1,9}",
    re.IGNORECASE,
)


def _pairs_alone(text: str) -> Iterator[Span]:
    for m in _PAIR_ALONE().finditer(_lowered(text)) if "\n" in text or " " in text or "/" in text else ():
        user, value = m["user"], text[m.start("val") : m.end("val")]
        if _NOT_A_USER().match(user) or "." in user or _MARKED in value or _HOST_LIKE().fullmatch(value):
            continue  # (a label, or a host: "www.acme.io | 443")
        if "=" in value.rstrip("="):
            continue  # a pair of its own ("sync token=…": judged by its name)
        if m["sep"].strip(" \t"):
            if not (_separated_value(value) or _letters_alone(value)):
                continue  # (letters ending as English words do stay unless long: "docs/reference", "result : succeeded")
        elif (
            not (_PICKED().fullmatch(value) and _separated_value(value))
            or not _LOGIN_NAME().fullmatch(text, *m.span("user"))
            or _REFERENCE().fullmatch(value)
        ):
            continue  # (a login's name is in lower case: "Collecting PyQt5.QtWidgets-5.15.2", "LDAPMessage bindRequest(1)")
        yield Span(*m.span("val"), "credential by position")


# A user joined to its password by a colon inside a sentence of a refused call or a login ("admin:<password> returns 401
# Access denied", "tried jsmith:<password> and got 403"): alone on its line the pair is positions._lone_pairs'; within a
# sentence the value must read as a person's password (both cases and a digit, not a word's shape), and a word of
# signing in or of a refusal must stand near it (review21: such a line was printed back in every format)
_SAID_COLON_PAIR = _lazy(
    r"(?<![\w.@/:\\-])(?P<user>[A-Za-z_][A-Za-z0-9_-]{1,31}):(?P<val>[^\s:'\"`,;/()\[\]{}<>|=]{6,128})(?=[\s'\"`,;)\]]|$)"
)
_REFUSED_OR_LOGIN = _lazy(
    r"(?i)\b(?:40[13]|denied|unauthori[sz]ed|forbidden|rejected|log(?:in|on|ged)|sign(?:ed)?[ \t-]?in|auth\w*|cred\w*"
    r"|pass(?:word|wd)?|pwd|user(?:name)?|basic)\b"
)
# an account's name, not a program's or an image's: its password may be in one case ("root:toor123")
_ACCOUNT = _lazy(r"root|admin(?:istrator)?|user\d*|test\d*|guest|deploy(?:er)?|postgres|sa|(?:svc|service)[_.-]?\w{0,30}")
_SAID_PAIR_REACH = 160  # characters either side of the pair a login's or a refusal's word is looked for in


def _said_colon_pairs(text: str) -> Iterator[Span]:
    for m in _SAID_COLON_PAIR().finditer(text) if ":" in text else ():
        user, value = m["user"], m["val"].rstrip(".!?")
        if not _COLON_USER().fullmatch(user.lower()) or _NOT_A_USER().match(user.lower()):
            continue  # (a field's or a level's name: "code:E11000", "ERROR:Timeout2")
        picked = _PICKED().fullmatch(value) and _separated_value(value)
        if not (picked or (_ACCOUNT().fullmatch(user.lower()) and _tried_with(value) and value[0].isalpha())):
            continue  # (an image's tag, a version, a word: "node:18-alpine", "ref:main", "ubuntu:jammy20240101")
        if _REFERENCE().fullmatch(value):
            continue
        if _HOST_LIKE().fullmatch(value):
            continue
        near = text[max(0, m.start() - _SAID_PAIR_REACH) : m.end() + _SAID_PAIR_REACH]
        if _REFUSED_OR_LOGIN().search(near):
            yield Span(m.start("val"), m.start("val") + len(value), "credential by position")


def _tried_with(value: str) -> bool:
    """What a login was tried with, when it holds letters and digits and is no date, version or e-mail address: a person's
    password there may read as names joined by signs ("mVc-GPMOO4Q_i"), which _separated_value leaves."""
    if not any(c.isalpha() for c in value) or not any(c.isdigit() for c in value) or _MARKED in value or "@" in value:
        return False
    return not (_DATE_LIKE().fullmatch(value) or _HEX_NUMBER().fullmatch(value))


# A comment that names the literal before it ("b'\x62…'  # password bytes", "'…'  // the API key"): its first words
# are a credential's name, then at most a word for the literal's kind, then the comment ends or goes on as a clause
_COMMENT_NAME = _lazy(
    r"(?:#|//)[ \t]{0,4}(?:(?:the|my|our|a|an|admin|user|root|db|this)[ \t]+)?"
    r"([a-z][\w.-]{0,40}(?:[ \t](?:key|token|secret|password))?)"
    r"(?:[ \t]+(?:bytes|string|str|value|literal))?[ \t]*(?:$|[-:,(.;]|(?:for|of|to|in)\b)",
    re.MULTILINE,
)
_BEFORE_COMMENT = " \t,;)]}"


def _commented_values(text: str) -> Iterator[Span]:
    """A quoted literal named only by a comment after it on its line (a Python bytes value whose name is a comment).
    Looked for only before each credential word (a comment's name starts at most 56 characters before it)."""
    if "#" not in text and "//" not in text:
        return
    low = _lowered(text)
    pos = 0
    for first, last, hits in _near_needles(low):
        if _dense(first, last, hits):
            continue  # machine-made (see _dense)
        start = max(pos, first + 16 - 56 if first else 0)
        end = low.find("\n", last)
        end = len(low) if end < 0 else end
        if start >= end:
            continue
        pos = end
        for m in _COMMENT_NAME().finditer(low, start, end):
            if _IN_NAME().search(m.group(1)) and not _not_a_value(m.group(1)) and (span := _commented(text, low, m.start())):
                yield Span(*span, "credential by name")


def _commented(text: str, low: str, comment: int) -> tuple[int, int] | None:
    """The quoted literal that ends right before a comment (spaces and closing signs between), or None."""
    end = comment
    while end > 0 and low[end - 1] in _BEFORE_COMMENT:
        end -= 1
    quote = low[end - 1] if end else ""
    if quote not in ("'", '"'):
        return None
    start = low.rfind(quote, low.rfind("\n", 0, end) + 1, end - 1)
    return _checked(text, start + 1, end - 1) if start >= 0 else None


# A YAML value after its tag on the name's line (password: !!str …, token: !vault …, api_key: !!binary …): the main
# pass takes the tag for the value and hides only it (secrets29: "password: !!str <value>" showed the value)
_TAGGED = _lazy(
    rf"""(?:{_CREDENTIAL_WORD})[a-z0-9_.-]{{0,64}}+["']?[ \t]{{0,10}}:[ \t]{{1,10}}(?:&[^\s]{{1,64}}[ \t]{{1,10}})?
    ![^\s]{{0,64}}[ \t]{{1,10}}(?P<val>"[^"\r\n]{{0,4096}}"|'[^'\r\n]{{0,4096}}'|[^\s\#]{{1,4096}}+)""",
    re.VERBOSE,
)


def _tagged_values(text: str) -> Iterator[Span]:
    """The value after a YAML tag (see _TAGGED), tried at each credential word of a text with a "!"."""
    if "!" not in text:
        return
    low = _lowered(text)
    for first, last, hits in _near_needles(low):
        if _dense(first, last, hits):
            continue  # machine-made (see _dense)
        for m in _word_matches(_TAGGED(), low, first, last, 200):
            if span := _checked(text, *m.span("val")):
                yield Span(*span, "credential by name")


# A name alone on its line and its value alone on the next, as a browser's developer tools copy a request's headers
# and its form data ("x-myobapi-cftoken", then its value; "password", then the password): a value of letters with
# digits (see _separated_value), never a word or a sentence (secrets29: both were shown)
_NAME_LINE = _lazy(
    r"^[ \t]{0,8}(?P<name>[a-z0-9_.-]{1,72}+)[ \t]{0,8}\r?\n[ \t]{0,8}(?P<val>[^\s]{6,512}+)[ \t]{0,8}\r?$", re.MULTILINE
)


def _name_lines(text: str) -> Iterator[Span]:
    """Tried at each line's start (a line that is no name fails at its first characters: one search of the text)."""
    if "\n" not in text:
        return
    for m in _NAME_LINE().finditer(_lowered(text)):
        if _name_line_value(m.group("name"), text[m.start("val") : m.end("val")]):
            yield Span(*m.span("val"), "credential by name")


@functools.lru_cache(maxsize=1024)  # a log repeats its lines
def _name_line_value(name: str, value: str) -> bool:
    return _IN_NAME().search(name) is not None and not _not_a_value(name) and not value.endswith(":") and _separated_value(value)

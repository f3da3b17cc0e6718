"""Values a tool sets apart from the credential's name that gives them: a flag alone on its line with its value on the
next (kubectl describe's Args, a YAML list of arguments), the arrows a diagnostic draws under a call's arguments
(better_exceptions, loguru's diagnose: the name in the code line, the value where its arrow ends), the new value a
plan prints after the old one ("old" -> "new": Terraform), a Redis AUTH's password (inline, MONITOR, RESP) and an LDAP
simple bind's (Wireshark's decode)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .basics import _MARKED, Span, _checked, _lazy, _lowered, _may_be_secret, _secret_like
from .needles import _near_needles
from .words import _IN_NAME, _not_a_value

# a flag alone on its line (or a YAML list's "- --db-password"), a value alone on the next line: the flag's name is
# judged apart (a regex holding every credential word tried at each flag's letters took 0.5 s on 2 MiB of flags)
_FLAG_ALONE = _lazy(
    r"""\n[ \t]{0,40}+(?:-[ \t]{1,4}+)?(?P<flag>-{1,2}[a-z0-9_.-]{1,128}+)[ \t]*+\r?\n"""
    r"""[ \t]{0,40}+(?:-[ \t]{1,4}+)?(?P<val>[^\s'"-][^\s]{0,511}+)[ \t]*+(?=\r?\n|$)"""
)


def _flags_alone(text: str) -> Iterator[Span]:
    if "\n" not in text or not _near_needles(_lowered(text)):
        return  # (no credential word: no flag named for one)
    low = "\n" + _lowered(text)  # (the first line too is a line after a line break)
    named: dict[str, bool] = {}  # a flag's name: whether it names a credential's value
    for m in _FLAG_ALONE().finditer(low):
        flag = m.group("flag")
        if (says := named.get(flag)) is None:
            says = named[flag] = bool(_IN_NAME().search(flag)) and not _not_a_value(flag)
        if says and (span := _checked(text, m.start("val") - 1, m.end("val") - 1)) is not None:
            yield Span(*span, "credential by name")


# A value a type named for a credential holds, printed as the type's repr or built in code (Secret('…'), SecretStr("…"),
# AccessToken('…'), ApiKey("…")): pydantic's repr shows '**********', other libraries print the value; the type's name
# is the credential's name. Only a class's (a capital first: get_password('ops') takes a user), one literal, no space;
# not a Credentials type's (UsernamePasswordCredentials("sync:…"): the user stays, the password is judged on its own)
_SECRET_CALL = _lazy(
    r"(?:Secret(?:Str|Bytes|String|Value)?|Password|Passphrase|Token|ApiKey|APIKey|AccessKey|SecretKey|PrivateKey)"
    r"\([ \t]{0,4}[bru]{0,2}(?:\"(?P<dq>[^\"\s]{1,512})\"|'(?P<sq>[^'\s]{1,512})')[ \t]{0,4}\)"
)
# A method named for the credential it sets, given it as its one literal: a setter or a builder's step in code a trace or
# a paste quotes (ds.setPassword("…"), .password("…"), withToken('…'), user.set_password('…')); called on an object
# (after ".", "->" or "::"), never a getter's (getPassword("ops") takes a user) nor a check's; "secret" alone names one
# (k8s.secret("db-creds")), setSecret("…") sets one
_SETTER_CALL = _lazy(
    r"(?:\.|->|::)(?:(?:set|with|use)_?secret|(?:set|with|use)?_?(?:password|passwd|passphrase|client_?secret|secret_?key"
    r"|api_?key|access_?token|auth_?token|token))"
    r"\([ \t]{0,4}[bru]{0,2}(?:\"(?P<dq>[^\"\s]{1,512})\"|'(?P<sq>[^'\s]{1,512})')[ \t]{0,4}\)"
)
_SETTER_NEEDLES = ("password(", "passwd(", "passphrase(", "secret(", "key(", "token(")  # (each setter's name ends so)
_SETTER_REACH = 24  # how far before its name's last word a setter's call starts (".with_client_secret(")
_IDENTIFIER_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")


def _secret_calls(text: str) -> Iterator[Span]:
    if "(" not in text:
        return
    for m in _SECRET_CALL().finditer(text):
        start = m.start()
        while start > 0 and text[start - 1] in _IDENTIFIER_CHARS:
            start -= 1
        group = "dq" if m["dq"] is not None else "sq"
        if text[start].isupper() and m[group].strip("*") and (span := _checked(text, *m.span(group))) is not None:
            yield Span(*span, "credential by name")  # (not pydantic's '**********')
    low = _lowered(text)
    for needle in _SETTER_NEEDLES:  # (read around each name found: the pattern tried at every "." cost 4 times the pass)
        done, at = 0, low.find(needle)  # (each call ends in one needle: found once)
        while at >= 0:
            call = _SETTER_CALL().search(low, max(done, at - _SETTER_REACH), at + len(needle) + 530)
            if call is not None and call.start() <= at:
                done = call.end()
                group = "dq" if call["dq"] is not None else "sq"
                if call[group].strip("*") and (span := _checked(text, *call.span(group))) is not None:
                    yield Span(*span, "credential by name")
            at = low.find(needle, at + len(needle))


# A word right after a credential file's flag and its path (--password-file=/run/x <word>, --token-file /t <word>): the
# path is no credential, but a password typed after it (where --password would have taken it) is one; a word holding a
# digit or a sign, no flag, path, URL, host, version or assignment (a key file's flag is followed by a host: ssh's)
_AFTER_FILE_FLAG = _lazy(
    r"(?<![\w-])--?[a-z0-9_.-]{0,64}(?:passw(?:or)?d|pass|pwd|secret|token)[a-z0-9_.-]{0,16}?(?:file|path)"
    r"(?:=|[ \t]{1,4})(?:\"[^\"\n]{1,512}\"|'[^'\n]{1,512}'|[^\s'\"]{1,512})[ \t]{1,4}(?P<val>[^\s/.'\"-][^\s/=.]{5,256})(?=\s|$)"
)


_FILE_FLAG_WORDS = ("pass", "pwd", "secret", "token")  # (what the flag's name must hold: found at C speed)


def _after_file_flags(text: str) -> Iterator[Span]:
    if "--" not in text and " -" not in text:
        return  # (no flag: a date's or a name's dashes are no flag's)
    low = _lowered(text)
    if ("file" not in low and "path" not in low) or not any(w in low for w in _FILE_FLAG_WORDS):
        return
    for m in _AFTER_FILE_FLAG().finditer(low):
        value = text[m.start("val") : m.end("val")]
        if _secret_like(value) and "://" not in value and (span := _checked(text, *m.span("val"))) is not None:
            yield Span(*span, "password flag")


# An arrow's line under a call: "│" where other arguments' arrows pass down, "└ " then the argument's value
_ARROW_LINE = _lazy(r"\n[ \t\u2502|]{0,400}+\u2514[ \t](?P<val>[^\r\n]{1,4096})")
_ARROW_REACH = 32  # lines above an arrow's to its code line
_MAX_ARROWS = 4096  # arrows judged one by one: past them (no traceback draws so many), every arrow's value is hidden
_NAME_AT = _lazy(r"[A-Za-z_][\w.]{0,127}")


def _pointed_arguments(text: str) -> Iterator[Span]:
    """The values better_exceptions and loguru (diagnose=True) print under a call, each at the end of an arrow that
    rises to its argument's name: hidden when that name is a credential's (connect(user, secret) └ '…')."""
    if "\u2514" not in text or not _near_needles(_lowered(text)):
        return  # (no credential word: no argument named for one)
    names: dict[tuple[int, int], bool] = {}  # (code line's start, column): whether the name there is a credential's
    for k, m in enumerate(_ARROW_LINE().finditer("\n" + text)):
        start, end = m.start("val") - 1, m.end("val") - 1
        judged = k >= _MAX_ARROWS or _names_credential(text, m.start(), start - 2, names)
        if judged and (span := _checked(text, start, end)) is not None:
            yield Span(*span, "credential by name")


def _names_credential(text: str, line_start: int, arrow: int, names: dict[tuple[int, int], bool]) -> bool:
    """Whether the arrow at ``arrow`` rises (through "│" on the lines above) to a credential's name."""
    col = arrow - line_start
    passing = [i for i, c in enumerate(text[line_start:arrow]) if c in ("\u2502", "|")]  # other arguments' arrows
    for _ in range(_ARROW_REACH):
        if line_start == 0:
            return False
        line_start = text.rfind("\n", 0, line_start - 1) + 1
        if text[line_start + col : line_start + col + 1] not in ("\u2502", "|"):
            break
    else:
        return False
    if not all(_starts_name(text, line_start, c) for c in (*passing[:16], col)):  # (the lines were shifted: a name
        return _line_names_credential(text, line_start)  # before the code line, its indent stripped or cut)
    if (says := names.get((line_start, col))) is None:
        name = _NAME_AT().match(text, line_start + col)
        word = name.group(0).lower() if name else ""
        says = names[(line_start, col)] = bool(_IN_NAME().search(word)) and not _not_a_value(word)
    return says


def _starts_name(text: str, line_start: int, col: int) -> bool:
    """Whether a name starts at column ``col`` of the line at ``line_start``, as an arrow under it points at one."""
    at = line_start + col
    return (
        text.rfind("\n", line_start, at) < 0
        and _NAME_AT().match(text, at) is not None
        and (at == 0 or not _NAME_CHAR_BEFORE().match(text, at - 1))
    )


_NAME_CHAR_BEFORE = _lazy(r"[\w.]")


def _line_names_credential(text: str, line_start: int) -> bool:
    """Whether the code line at ``line_start`` names a credential in any of its names: what an arrow points at when
    its column no longer meets a name's start, the code line moved against the arrows' (a quote cut it, or stripped
    its indent, or put a name before it: a logged event's "event: connect(user, secret)")."""
    end = text.find("\n", line_start)
    words = _NAME_AT().findall(text, line_start, len(text) if end < 0 else end)
    return any(_IN_NAME().search(w.lower()) and not _not_a_value(w.lower()) for w in words)


# the new value after the old one a hidden value was: Terraform's plan (client_secret = "old" -> "new")
_CHANGED_TO = _lazy(r"""["']?[ \t]{1,4}->[ \t]{1,4}(?P<q>["'])(?P<val>[^"'\r\n]{1,4096})(?P=q)""")


def _changed_to(text: str, hidden: list[Span]) -> list[Span]:
    if "->" not in text:
        return []
    out = []
    for s in hidden:
        if (m := _CHANGED_TO().match(text, s.end)) is not None and (span := _checked(text, *m.span("val"))) is not None:
            out.append(Span(*span, s.kind))
    return out


# Redis's AUTH [user] password: typed at redis-cli's prompt, or a transcript's line that is the command alone in
# capitals with its user (a lone "AUTH OK" is a reply; "AUTH <password>" _named reads), a quote perhaps opening the line,
# a wrapper's key before it (Sentry's "body: 'AUTH …'"; SMTP's "AUTH LOGIN <user>" is no Redis AUTH); MONITOR's quoted
# arguments; the protocol's array of bulk strings
_SASL = r"(?:plain|login|xoauth2|oauthbearer|cram-md5|digest-md5|scram-[\w-]{1,32}|gssapi|ntlm|external|anonymous)"
_REDIS_AUTH = _lazy(
    r"""^(?:[A-Za-z_][\w.-]{0,31}[ \t]{0,4}[:=][ \t]{0,4})?(?P<open>['"])?"""
    r"""(?:[^\s>'"]{1,64}>[ \t]{0,4}(?i:auth)[ \t]+(?:[^\s"]{1,128}[ \t]+)?"""
    rf"""|(?P<cmd>AUTH)[ \t]+(?!{_SASL}[ \t])[^\s"]{{1,128}}[ \t]+)"""
    r"""(?P<val>[^\s"]{1,512})"?[ \t]*\r?$"""
    r"""|"auth"(?:[ \t]+"[^"\r\n]{0,128}")?[ \t]+"(?P<quoted>[^"\r\n]{1,512})"[ \t]*\r?$""",
    re.MULTILINE | re.IGNORECASE,
)
_RESP_AUTH = _lazy(
    r"\*[23]\r?\n\$4\r?\nauth\r?\n(?:\$\d{1,4}\r?\n[^\r\n]{0,128}\r?\n(?=\$))?\$\d{1,4}\r?\n(?P<val>[^\r\n]{1,512})"
)


def _redis_auth(text: str) -> Iterator[Span]:
    low = _lowered(text)
    if "auth" not in low:
        return
    typed = "AUTH " in text or "> auth" in low or ">auth" in low or '"auth"' in low
    for m in _REDIS_AUTH().finditer(text) if typed else ():
        cmd, val, opening = m.group("cmd", "val", "open")
        if val is None:
            start, end = m.span("quoted")
        elif cmd != "AUTH" and ">" not in m.group(0):
            continue
        else:
            start, end = m.span("val")
            end -= opening is not None and text[end - 1] == "'"  # (the quote closing it stays)
        if end > start and _may_be_secret(text[start:end]):
            yield Span(start, end, "credential by position")
    if "$4" in text:
        for m in _RESP_AUTH().finditer(low):
            if (span := _checked(text, *m.span("val"))) is not None:
                yield Span(*span, "credential by position")


# An LDAP simple bind as Wireshark and ldap debug dumps decode it: "simple: <password>" on its own line under the bind
# request ("bindRequest(1) …", "authentication: simple (0)"); a "simple: true" with no bind above it stays
_LDAP_SIMPLE = _lazy(r"^[ \t]{0,40}simple:[ \t]{1,8}(?P<val>[^\s(][^\r\n]{0,511}?)[ \t]*\r?$", re.MULTILINE)
_LDAP_BIND = _lazy(r"bind[ \t]?request|authentication:[ \t]{0,4}simple", re.IGNORECASE)
_BIND_ABOVE = 600  # characters above the value where the bind request is looked for (a few lines)


def _ldap_simple_binds(text: str) -> Iterator[Span]:
    if "simple:" not in text:
        return
    for m in _LDAP_SIMPLE().finditer(text):
        if _LDAP_BIND().search(text, max(0, m.start() - _BIND_ABOVE), m.start()) and (span := _checked(text, *m.span("val"))):
            yield Span(*span, "credential by position")


# A MySQL handshake as a stream dump shows it (Wireshark's Follow TCP Stream, tcpdump -A: bytes no letter prints as
# "."): the user, the password (mysql_clear_password sends it as it is), the database and the auth plugin's name stand
# as runs between dots. Near the plugin's name every run that may be a password is hidden: a digit or a sign in it, or 8
# characters or more; the plugin's name, a server's version and short names (the user, the database) stay
_MYSQL_PLUGIN = _lazy(r"(?:mysql_(?:native|clear|old)|caching_sha2|sha256|client_ed25519|auth_gssapi)_password|client_ed25519")
_DUMP_RUN = _lazy(r"(?<![^.\s])[^.\s]{3,128}(?![^.\s])")
_NOT_A_RUN_SECRET = _lazy(r"\d{1,3}\.\d{1,3}\.\d{1,5}[\w.-]{0,40}|[a-z]{1,7}|[A-Z][a-z]{1,6}")
_DUMP_REACH = 400  # characters either side of the plugin's name (a handshake's packet)


def _mysql_handshakes(text: str) -> Iterator[Span]:
    if "_password" not in text or ".." not in text:
        return
    for m in _MYSQL_PLUGIN().finditer(text):
        start, end = max(0, m.start() - _DUMP_REACH), min(len(text), m.end() + _DUMP_REACH)
        if text.count("..", start, end) < 2:
            continue  # a config's or a log's plugin name, no dump
        for run in _DUMP_RUN().finditer(text, start, end):
            value = run.group()
            if _MYSQL_PLUGIN().fullmatch(value) or _NOT_A_RUN_SECRET().fullmatch(value) or _MARKED in value:
                continue
            if len(value) >= 8 or any(not c.isalpha() for c in value):
                yield Span(*run.span(), "credential by position")


# A default a program falls back to where the environment gives no value: Rails' ENV.fetch('X', '…') and ENV['X'] || '…',
# Node's process.env.X || '…' (or ?? '…'), Python's os.environ.get('X', '…') and os.getenv('X') or '…', PHP's getenv('X') ?: '…',
# Laravel's env('X', '…'), .NET's GetEnvironmentVariable("X") ?? "…": a credential where the name it is set to, or the
# variable looked up, names one ("password: <%= ENV.fetch('X', '…') %>")
_KEY_BEFORE = _lazy(
    r"""(?P<key>[a-z_$][\w.$-]{0,63})['"\]]?[ \t]*(?:=>|:=|=|:)[ \t]*(?:<%=?[ \t]*|\{\{[ \t]*)?[\w.$\[\]'"]{0,24}\Z"""
)
_FALLBACK = _lazy(
    r"""[^\n)]{0,160}?(?:,|\)?[ \t]*(?:\|\||\?\?|\?:|\bor\b)|\)[ \t]*\{)[ \t]*(?:\{[ \t]*)?(['"])([^'"\n]{1,256})\1"""
)


def _env_fallbacks(text: str) -> Iterator[Span]:
    low = _lowered(text)
    pos = 0
    while (at := low.find("env", pos)) >= 0:  # (every lookup's name holds "env": ENV, getenv, environ, process.env)
        line_start = low.rfind("\n", 0, at) + 1
        line_end = low.find("\n", at)
        pos = len(low) if line_end < 0 else line_end + 1  # (one lookup a line)
        if (fallback := _FALLBACK().match(low, at, pos)) is None:
            continue
        key = _KEY_BEFORE().search(low, max(line_start, at - 160), at)
        names = [key["key"]] if key else []
        names.append(low[at : fallback.start(1)])  # (the variable looked up)
        if any(_IN_NAME().search(n) and not _not_a_value(n) for n in names) and (span := _checked(text, *fallback.span(2))):
            yield Span(*span, "credential by name")

"""Remove secrets from a paste before anything else reads it, so no output can echo them.

Redaction runs first, on the raw text: every later stage (splitting, extraction, matching,
rendering, --stub) only ever sees ``[REDACTED]``. It errs on the side of hiding too much: a
value is hidden whenever its key *looks* like a credential, in headers, JSON, Python reprs,
escaped JSON inside strings, query strings, form bodies and XML.
"""

from __future__ import annotations

import re
from collections.abc import Callable

MARK = "[REDACTED]"

# Header names whose value is a credential (the whole rest of the line is hidden).
_HEADERS = (
    r"authorization|proxy-authorization|cookie|set-cookie|x-myobapi-key|x-myobapi-cftoken|x-api-key|api-key"
    r"|x-auth-token|x-access-token|x-amz-security-token|x-csrf-token|x-xsrf-token"
)
# Parameter / field names whose value is a credential.
_PARAMS = (
    r"api[_-]?key|apikey|client[_-]?secret|refresh[_-]?token|access[_-]?token|id[_-]?token|auth[_-]?token"
    r"|session[_-]?token|bearer[_-]?token|password|passwd|pwd|passphrase|secret|secret[_-]?key|private[_-]?key"
    r"|token|cftoken|x-myobapi-key|x-myobapi-cftoken|authorization|cookie|signature|code[_-]?verifier"
)

# `Authorization: Bearer abc` as a header line, in a curl -H argument or in a log line.
_HEADER_LINE = re.compile(rf"(?<![\w$-])((?:{_HEADERS})[ \t]*:[ \t]*)(?!\[REDACTED\])([^\r\n'\"]+)", re.IGNORECASE)
# "access_token": "abc" / 'password': 'abc' / \"api_key\": \"abc\" (JSON escaped inside a string).
_QUOTED_PAIR = re.compile(
    rf"(?P<q>\\{{0,3}}[\"'])(?P<key>{_PARAMS}|{_HEADERS})(?P=q)(?P<sep>\s*[:=]\s*)"
    rf"(?P<val>(?P<vq>\\{{0,3}}[\"'])(?:(?!(?P=vq)).){{0,4096}}?(?P=vq)|[^\s,;}}\])]+)",
    re.IGNORECASE | re.DOTALL,
)
# password: abc / token = abc written loosely in a log line or a message.
_LOOSE_PAIR = re.compile(rf"(?<![\w$-])((?:{_PARAMS})[ \t]*[:=][ \t]*)(?!\[REDACTED\])([^\s'\",;&}}\]<>]+)", re.IGNORECASE)
# access_token=abc in query strings and form bodies; code=... only inside a query string.
_KEY_VALUE = re.compile(rf"(?<![\w$-])((?:{_PARAMS})=)(?!\[REDACTED\])([^&\s'\"#<>,;]+)", re.IGNORECASE)
_OAUTH_CODE = re.compile(r"([?&]code=)(?!\[REDACTED\])([^&\s'\"#<>]+)", re.IGNORECASE)
# <access_token>abc</access_token>
_XML = re.compile(rf"(<({_PARAMS})>)([^<]{{1,4096}})(</\2>)", re.IGNORECASE)
# Bearer tokens and JWTs wherever they appear.
_BEARER = re.compile(r"\b(Bearer\s+)(?!\[REDACTED\])([A-Za-z0-9\-._~+/]{8,}=*)", re.IGNORECASE)
_JWT = re.compile(r"\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*")
# https://user:password@host
_USERINFO = re.compile(r"(\b[a-z][a-z0-9+.-]*://)[^/\s:@]+:[^/\s@]+@", re.IGNORECASE)


def _quoted(m: re.Match[str]) -> str:
    val = m.group("val")
    vq = m.group("vq")
    if MARK in val:
        return m.group(0)
    new = f"{vq}{MARK}{vq}" if vq else MARK
    return f"{m.group('q')}{m.group('key')}{m.group('q')}{m.group('sep')}{new}"


# Words one of the patterns above needs: text with none of them (most log records) skips the
# nine passes. Substring tests on the lower-cased text are far cheaper than one more regex.
_HINTS = ("key", "secret", "token", "pass", "pwd", "cookie", "signature", "verifier", "auth", "bearer", "eyj", "code=", "@")


def redact(text: str) -> tuple[str, int]:
    """The text with every credential replaced by ``[REDACTED]``, and how many were replaced."""
    low = text.lower()
    if not any(h in low for h in _HINTS):
        return text, 0
    count = 0

    def sub(pattern: re.Pattern[str], repl: str | Callable[[re.Match[str]], str], value: str) -> str:
        nonlocal count
        value, n = pattern.subn(repl, value)
        count += n
        return value

    text = sub(_USERINFO, rf"\1{MARK}@", text)
    text = sub(_QUOTED_PAIR, _quoted, text)
    text = sub(_HEADER_LINE, rf"\1{MARK}", text)
    text = sub(_XML, rf"\1{MARK}\4", text)
    text = sub(_KEY_VALUE, rf"\1{MARK}", text)
    text = sub(_LOOSE_PAIR, rf"\1{MARK}", text)
    text = sub(_OAUTH_CODE, rf"\1{MARK}", text)
    text = sub(_BEARER, rf"\1{MARK}", text)
    text = sub(_JWT, MARK, text)
    return text, count

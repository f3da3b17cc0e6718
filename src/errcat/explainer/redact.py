"""Remove secrets from a paste before anything else reads it, so no output can echo them.

Redaction runs first, on the raw text: every later stage (splitting, extraction, matching,
rendering, --stub, scan's samples) only ever sees ``[REDACTED]``. Three kinds of rule, in order:

1. **Formats** (``FORMATS``): credentials that announce themselves whatever name stands beside them
   (``sk_live_…``, ``AKIA…``, ``ghp_…``, PEM private keys, JWTs, ``curl -u user:pass``), each with
   the public rule set that documents the format.
2. **Names**: a value whose name holds a credential word (``aws_secret_access_key``, ``X-Auth-Token``,
   ``clientSecret``, ``db_password``) in any syntax people paste: headers, JSON, Python/Ruby/PHP
   reprs and dumps, YAML, XML, query strings, form bodies, ``key=value`` logs and env dumps.
3. **Entropy**: a long random-looking token right after a credential word in prose ("my token is
   …"). GUIDs, request ids, dates and amounts are left alone: they are how users find the record.

It errs on the side of hiding too much. It reports how many values of which kind it hid, never
the values.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Callable
from typing import NamedTuple

MARK = "[REDACTED]"


class Rule(NamedTuple):
    kind: str  # what the secret is, as reported to the user
    regex: str
    source: str  # the public rule set or document that describes the format
    group: int = 0  # the part of the match that is the secret
    flags: int = 0

    @property
    def pattern(self) -> re.Pattern[str]:
        """Compiled on first use (re's own cache keeps it): most pastes hold no credential, and the
        rules would cost explain several milliseconds of start-up if compiled at import."""
        return re.compile(self.regex, self.flags)


def _rule(kind: str, regex: str, source: str, group: int = 0, flags: int = 0) -> Rule:
    return Rule(kind, regex, source, group, flags)


_GITLEAKS = "gitleaks default rules (config/gitleaks.toml)"
FORMATS: tuple[Rule, ...] = (
    _rule(
        "private key",
        r"-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----[\s\S]{0,20000}?"
        r"(?:-----END[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----|\Z)",
        _GITLEAKS + " private-key",
    ),
    _rule("JWT", r"\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*", _GITLEAKS + " jwt; RFC 7519"),
    _rule(
        "AWS access key id",
        r"\b(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA)[A-Z0-9]{16}\b",
        _GITLEAKS + " aws-access-token; AWS IAM identifiers (unique ID prefixes)",
    ),
    _rule(
        "Stripe key",
        r"\b(?:sk|rk|pk)_(?:live|test|prod)_[0-9A-Za-z]{10,247}\b|\bwhsec_[0-9A-Za-z]{20,}\b",
        _GITLEAKS + " stripe-access-token; Stripe API keys documentation",
    ),
    _rule(
        "GitHub token",
        r"\b(?:ghp|gho|ghu|ghs|ghr)_[0-9A-Za-z]{30,255}\b|\bgithub_pat_[0-9A-Za-z_]{22,255}\b",
        _GITLEAKS + " github-pat/github-oauth/github-app-token/github-fine-grained-pat; GitHub token formats",
    ),
    _rule("Slack token", r"\bxox[abposer]-(?:[0-9A-Za-z]+-){1,4}[0-9A-Za-z-]{4,}", _GITLEAKS + " slack-*-token"),
    _rule(
        "Slack webhook",
        r"https://hooks\.slack\.com/(?:services|workflows)/[A-Za-z0-9+/_-]{20,}",
        _GITLEAKS + " slack-webhook-url",
    ),
    _rule("Google API key", r"\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])", _GITLEAKS + " gcp-api-key"),
    _rule(
        "SendGrid key", r"\bSG\.[0-9A-Za-z_-]{16,32}\.[0-9A-Za-z_-]{16,64}(?![0-9A-Za-z_-])", _GITLEAKS + " sendgrid-api-token"
    ),
    _rule("npm token", r"\bnpm_[0-9A-Za-z]{36}\b", _GITLEAKS + " npm-access-token"),
    _rule(
        "OpenAI/Anthropic key",
        r"\bsk-(?:proj-|ant-(?:api|admin)\d\d-)?[0-9A-Za-z_-]{20,200}(?![0-9A-Za-z_-])",
        _GITLEAKS + " openai-api-key",
    ),
    _rule("Shopify token", r"\bshp(?:at|ca|pa|ss)_[0-9a-fA-F]{32}\b", _GITLEAKS + " shopify-*"),
    _rule("Twilio key", r"\bSK[0-9a-fA-F]{32}\b", _GITLEAKS + " twilio-api-key"),
    _rule("Mailgun key", r"\bkey-[0-9a-f]{32}\b", _GITLEAKS + " mailgun-private-api-token"),
    _rule(
        "URL credentials",
        r"\b[a-z][a-z0-9+.-]{1,20}://([^/\s:@'\"]{0,256}:[^/\s@'\"]{1,256})@",
        "RFC 3986 section 3.2.1 (userinfo); detect-secrets BasicAuthDetector",
        1,
        re.IGNORECASE,
    ),
    _rule(
        "connection string password",
        r"(?:^|;)[ \t]*(?:password|pwd)[ \t]*=[ \t]*((?!\[REDACTED\])[^;\r\n'\"]*[^;\r\n'\"\s])",
        "ADO.NET/ODBC connection strings (Password=, Pwd=); gitleaks generic-api-key",
        1,
        re.IGNORECASE | re.MULTILINE,
    ),
    _rule(
        "curl credentials",
        r"(?:^|\s)(?:-u|--user|--proxy-user|--oauth2-bearer)(?:\s+|=)(['\"]?)((?!\[REDACTED\])[^\s'\"]+)\1",
        "curl manual: -u/--user <user:password>, --oauth2-bearer <token>",
        2,
    ),
    _rule(
        "auth scheme value",
        r"\bBearer\s+((?!\[REDACTED\])(?=[A-Za-z0-9\-._~+/]{20}|[A-Za-z0-9\-._~+/]*\d)[A-Za-z0-9\-._~+/]{8,}=*)",
        "RFC 6750 section 2.1 (Authorization: Bearer <token>)",
        1,
        re.IGNORECASE,
    ),
    _rule(
        "auth scheme value",
        r"\b(?:Basic|Digest|Token|OAuth|Zoho-oauthtoken)\s+((?!\[REDACTED\])(?=[A-Za-z0-9\-._~+/]*[0-9+/=])[A-Za-z0-9\-._~+/]{8,}=*)",
        "RFC 7617 (Basic), RFC 7235 (Authorization: <scheme> <credentials>)",
        1,
    ),
)


def _lazy(regex: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A regex compiled on first call (re's cache keeps it), for the reason given in Rule.pattern."""
    return functools.partial(re.compile, regex, flags)


# A name holds a credential when one of these words is in it, whatever the syntax and case
# (aws_secret_access_key, X-Auth-Token, clientSecret, db_password, x-myobapi-cftoken, api_key).
_CREDENTIAL_WORD = (
    r"secret|token|passw(?:or)?d|passphrase|pwd|api[_-]?key|apikey|access[_-]?key|private[_-]?key|account[_-]?key"
    r"|shared[_-]?access[_-]?key|auth(?!or)|credential|signature|session|cookie|x-myobapi-key|code[_-]?verifier|\bsig\b"
)
# ...unless the name says the value is not the credential itself (token_type, auth_url, expires_in).
_NOT_A_VALUE = _lazy(
    r"(?:url|uri|endpoint|host|path|type|method|scope|expires(?:_?in)?|expiry|ttl|name|format|version|mode|hint|header"
    r"|length|count|enabled|required|_id_type|status|error|failure|provider|strategy)s?$",
    re.IGNORECASE,
)
_NAME = rf"[A-Za-z0-9_.$-]{{0,64}}(?:{_CREDENTIAL_WORD})[A-Za-z0-9_.$-]{{0,64}}"
_QUOTED = r"""(?:\\{0,3}"(?:[^"\\\n]|\\.){0,4096}?\\{0,3}"|'(?:[^'\\\n]|\\.){0,4096}?')"""

# "name": "value" / 'name' => 'value' / "name"=>"value" / \"name\": \"value\" / ["name"]=> string(5) "value"
_QUOTED_PAIR = _lazy(
    rf"""(?P<q>\\{{0,3}}["'])(?P<key>{_NAME})(?P=q)(?::[^\]\s,]{{1,60}}(?=\]))?(?P<sep>\]?\s{{0,40}}(?:=>|:|=)\s{{0,40}}"""
    rf"""(?:string\(\d{{1,9}}\)\s|string\s)?)(?P<val>{_QUOTED}|(?!\[REDACTED\])[^\s,;}}\])'"]+)""",
    re.IGNORECASE,
)
# :name => "value" (Ruby symbols) and [name] => value (print_r)
_SYMBOL_PAIR = _lazy(
    rf"""(?P<pre>(?::|\[)(?P<key>{_NAME})\]?\s{{0,10}}=>\s{{0,10}})(?P<val>{_QUOTED}|(?!\[REDACTED\])[^\s,;}}\])]+)""",
    re.IGNORECASE,
)
# Headers whose whole value (scheme, token, cookie list) is a credential, to the end of the line;
# a log line's "-> 400 {...}" after it is not part of the value.
_HEADERS = r"authorization|proxy-authorization|cookie|set-cookie|x-myobapi-key|x-myobapi-cftoken|x-api-key|api-key"
_HEADER_LINE = _lazy(
    rf"""(?P<pre>(?<![\w$-])(?P<key>{_HEADERS})[ \t]{{0,10}}:[ \t]{{0,10}})"""
    rf"""(?!(?:Bearer|Basic|Digest|Token)\s+\[REDACTED\])(?P<val>(?!\[REDACTED\])(?:(?!\s+(?:->|=>|\u2192)\s)[^\r\n'"])+)""",
    re.IGNORECASE,
)
# name: value in a YAML line, a log field or another header: one token (prose after a colon is kept)
_LINE_PAIR = _lazy(
    rf"""(?P<pre>(?<![\w$.-])(?P<key>{_NAME})[ \t]{{0,10}}:(?:[ \t]{{0,10}}|\s{{0,40}}-[ \t]+))"""
    rf"""(?P<val>(?!\[REDACTED\])[^\s'",;}}\]]+)""",
    re.IGNORECASE,
)
# name=value in query strings, form bodies, env dumps, connection strings and log lines
_KEY_VALUE = _lazy(
    rf"""(?P<pre>(?<![\w$.-])(?P<key>{_NAME})[ \t]{{0,4}}=[ \t]{{0,4}})(?P<val>{_QUOTED}|(?!\[REDACTED\])[^&\s'"#<>,;]+)""",
    re.IGNORECASE,
)
# <name>value</name>
_XML = _lazy(rf"(<(?P<key>{_NAME})(?:\s[^>]{{0,200}})?>)(?P<val>[^<]{{1,4096}})(</(?P=key)>)", re.IGNORECASE)
# The OAuth authorization code travels as code=... in a redirect's query string.
_OAUTH_CODE = _lazy(r"([?&]code=)(?!\[REDACTED\])([^&\s'\"#<>]+)", re.IGNORECASE)

# A long random-looking token shortly after a credential word in prose.
_NEAR_WORD = _lazy(
    rf"(?:{_CREDENTIAL_WORD}|\bkey\b)[^\n]{{0,40}}?(?<![\w/+=-])(?P<val>[A-Za-z0-9+/_.=-]{{20,512}})(?![\w/+=-])", re.IGNORECASE
)
_GUID = _lazy(r"^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$")

# Cheap substrings that some rule needs: text with none of them (most log records) skips every pass.
_HINTS = (
    "key", "secret", "token", "pass", "pwd", "cookie", "signature", "sig=", "verifier", "auth", "bearer", "basic ",
    "eyj", "code=", "@", "akia", "asia", "sk_", "rk_", "pk_", "whsec_", "ghp_", "gho_", "ghu_", "ghs_", "ghr_",
    "github_pat_", "xox", "hooks.slack", "aiza", "sg.", "npm_", "sk-", "shpat_", "shpca_", "shppa_", "shpss_",
    "-----begin", " -u", "--user", "--oauth2", "session", "credential", "digest ",
)  # fmt: skip


_CASED_HINTS = ("SK", "A3T", "ABIA", "ACCA", "AGPA", "AIDA", "AROA", "AIPA", "ANPA", "ANVA")  # upper-case prefixes


class Redaction(NamedTuple):
    text: str
    kinds: dict[str, int]  # how many values of each kind were hidden

    @property
    def hidden(self) -> int:
        return sum(self.kinds.values())


def _entropy(value: str) -> float:
    counts = Counter(value)
    n = len(value)
    return -sum(c / n * math.log2(c / n) for c in counts.values())


def looks_random(value: str) -> bool:
    """Whether a token looks like a generated secret rather than an id, a word, a date or an amount."""
    if _GUID().match(value) or MARK.strip("[]") in value:
        return False
    letters = sum(ch.isalpha() for ch in value)
    digits = sum(ch.isdigit() for ch in value)
    if letters < 4 or digits < 2:  # words, dashed names and numbers are not generated secrets
        return False
    return _entropy(value) >= 3.3


def redact_report(text: str) -> Redaction:
    """The text with every credential replaced by ``[REDACTED]``, and how many of which kind."""
    low = text.lower()
    if not any(h in low for h in _HINTS) and not any(h in text for h in _CASED_HINTS):
        return Redaction(text, {})
    kinds: Counter[str] = Counter()

    def sub(pattern: re.Pattern[str], kind: str, repl: Callable[[re.Match[str]], str | None], value: str) -> str:
        def one(m: re.Match[str]) -> str:
            new = repl(m)
            if new is None:
                return m.group(0)
            kinds[kind] += 1
            return new

        return pattern.sub(one, value)

    for rule in FORMATS:
        text = sub(rule.pattern, rule.kind, _group_hider(rule.group), text)
    text = sub(_QUOTED_PAIR(), "credential by name", _named("val", quoted=True), text)
    text = sub(_SYMBOL_PAIR(), "credential by name", _named("val", quoted=True), text)
    text = sub(_XML(), "credential by name", _named("val"), text)
    text = sub(_HEADER_LINE(), "credential by name", _named("val"), text)
    text = sub(_KEY_VALUE(), "credential by name", _named("val", quoted=True), text)
    text = sub(_LINE_PAIR(), "credential by name", _named("val"), text)
    text = sub(_OAUTH_CODE(), "OAuth code", _group_hider(2), text)
    text = sub(_NEAR_WORD(), "random token after a credential word", _random_hider, text)
    return Redaction(text, dict(kinds))


def redact(text: str) -> tuple[str, int]:
    """The text with every credential replaced by ``[REDACTED]``, and how many were replaced."""
    r = redact_report(text)
    return r.text, r.hidden


def _replace_group(m: re.Match[str], group: int | str, new: str) -> str:
    start, end = m.span(group)
    base = m.start()
    whole = m.group(0)
    return whole[: start - base] + new + whole[end - base :]


def _group_hider(group: int) -> Callable[[re.Match[str]], str | None]:
    def hide(m: re.Match[str]) -> str | None:
        if MARK in m.group(group):
            return None
        return _replace_group(m, group, MARK) if group else MARK

    return hide


def _named(group: str, quoted: bool = False) -> Callable[[re.Match[str]], str | None]:
    """Hide the value of a credential-named field, keeping the quotes around it."""

    def hide(m: re.Match[str]) -> str | None:
        value = m.group(group)
        if MARK in value or _NOT_A_VALUE().search(m.group("key")) or not value.strip("\"'\\ "):
            return None
        new = MARK
        if quoted and value[:1] in "\"'\\":
            lead = value[: len(value) - len(value.lstrip("\\"))] + value.lstrip("\\")[:1]
            new = f"{lead}{MARK}{lead}"
        return _replace_group(m, group, new)

    return hide


def _random_hider(m: re.Match[str]) -> str | None:
    value = m.group("val").strip(".=-_")
    if not looks_random(value):
        return None
    return _replace_group(m, "val", MARK)

"""Property: a credential on the lines of a call shape that settled (scan/settled.py: after SETTLE_AFTER distinct records
of one shape explained alike, the rest are counted in one group named by the shape, without an explain) never reaches
the report, in any ``--format``: not the group's text (the shape, its numbers masked), not its samples, not a piece of
the credential. Each vendor's call, as a plain line and as a JSON line, with a credential in each place a line carries
one, the same on every line (a log's key is): the real CLI scans the log."""

from __future__ import annotations

import base64
import json
import random
import string
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import errcat
from errcat.scan.settled import SETTLE_AFTER
from test_secrets_gate import NAMES, SECRETS

pytestmark = pytest.mark.slow  # SETTLE_AFTER explains a log, four CLI runs

FORMATS = ("table", "json", "markdown", "github")
OVER = 12  # records of a shape after it settled
SETTLED = "not explained one by one"
rnd = random.Random(2828)
ALNUM = string.ascii_letters + string.digits


def _r(n: int, alphabet: str = ALNUM) -> str:
    return "".join(rnd.choice(alphabet) for _ in range(n))


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


_JWT_HEAD, _JWT_BODY = _b64url(b'{"alg":"RS256","typ":"JWT"}'), _b64url(b'{"sub":"u1234567890","exp":1795000000}')
JWT = f"{_JWT_HEAD}.{_JWT_BODY}.{_r(86, ALNUM + '-_')}"
AKIA = "AKIA" + _r(16, string.ascii_uppercase + string.digits)
AWS_SECRET = _r(40, ALNUM + "/+")
PASSWORD = (
    _r(6, string.ascii_letters) + "." + _r(4, string.ascii_lowercase) + "#" + _r(4, string.digits)
)  # dotted: kept by the shape
AZURE_KEY = base64.b64encode(rnd.randbytes(64)).decode()
GCP_KEY = "-----BEGIN PRIVATE KEY-----\\n" + base64.b64encode(rnd.randbytes(48)).decode() + "\\n-----END PRIVATE KEY-----\\n"
CFTOKEN = base64.b64encode(f"Administrator:{PASSWORD}".encode()).decode()

# a carrier: (name, secret) -> where a line holds it: "query" (the URL's), "userinfo", "words" (after a plain line's
# call), "fields" (a JSON line's), "next" (a line of its own after the call's)
Carrier = Callable[[str, str], dict[str, Any]]
CARRIERS: dict[str, Carrier] = {
    "URL query": lambda n, s: {"query": f"{n}={quote(s, safe='')}&page=2"},
    "URL userinfo": lambda n, s: {"userinfo": f"sync:{quote(s, safe='')}"},
    "Authorization header": lambda n, s: {"words": f"Authorization: Bearer {s}", "fields": {"headers": {"Authorization": f"Bearer {s}"}}},
    "named header": lambda n, s: {"words": f"{n}: {s}", "fields": {"headers": {n: s, "Accept": "application/json"}}},
    "JSON key": lambda n, s: {"words": f'request={{"user":"sync","{n}":"{s}"}}', "fields": {"request": {"user": "sync", n: s}}},
    "form body": lambda n, s: {"words": f"body=grant_type=client_credentials&{n}={quote(s, safe='')}&scope=read",
                               "fields": {"body": f"grant_type=client_credentials&{n}={quote(s, safe='')}"}},
    "CLI flag": lambda n, s: {"words": f"cmd=[sync --{n.lower().replace('_', '-')} {s} --verbose]",
                              "fields": {"argv": ["sync", f"--{n.lower().replace('_', '-')}", s, "--verbose"]}},
    "env assignment": lambda n, s: {"words": f"env: {n.upper().replace('-', '_')}={s} LOG_LEVEL=debug",
                                    "fields": {"env": f"{n.upper().replace('-', '_')}={s}"}},
    "token= in the message": lambda n, s: {"msg": f"token refresh failed token={s} expired"},
    "on the next line": lambda n, s: {"next": f"    {n}: {s}"},
    "far along the line": lambda n, s: {"words": "context " * 44 + f"{n}={s}", "fields": {"context": "context " * 44 + f"{n}={s}"}},
}  # fmt: skip
# credentials that announce themselves, each in its own place (no credential word beside some)
OWN: dict[str, tuple[Carrier, list[str]]] = {
    "JWT, bare": (lambda n, s: {"words": f"session {JWT}", "fields": {"session": JWT}}, [JWT]),
    "JWT, Bearer far along": (lambda n, s: {"words": "x" * 300 + f" Bearer {JWT}"}, [JWT]),
    "AWS keys, named": (lambda n, s: {"words": f"aws_access_key_id={AKIA} aws_secret_access_key={AWS_SECRET}",
                                      "fields": {"aws_access_key_id": AKIA, "aws_secret_access_key": AWS_SECRET}}, [AKIA, AWS_SECRET]),
    "AWS keys, bare pair": (lambda n, s: {"words": f"creds {AKIA}:{AWS_SECRET}"}, [AKIA, AWS_SECRET]),
    "Azure connection string": (lambda n, s: {"words": f"DefaultEndpointsProtocol=https;AccountName=acmelogs;AccountKey={AZURE_KEY};"
                                                       "EndpointSuffix=core.windows.net"}, [AZURE_KEY]),
    "GCP private key": (lambda n, s: {"fields": {"credentials": {"type": "service_account", "private_key": GCP_KEY}}},
                        [GCP_KEY.split("\\n")[1]]),
    "MYOB cftoken": (lambda n, s: {"words": f"x-myobapi-cftoken: {CFTOKEN}", "fields": {"headers": {"x-myobapi-cftoken": CFTOKEN}}},
                     [CFTOKEN, PASSWORD]),
    "dotted password, JSON key": (lambda n, s: {"words": f'request={{"user":"sync","password":"{PASSWORD}"}}',
                                                "fields": {"request": {"user": "sync", "password": PASSWORD}}}, [PASSWORD]),
}  # fmt: skip

# a vendor's failing call, each record its own (a code or a customer's name in its body: no template repeats)
WORDS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _word(k: int) -> str:
    return "".join(string.ascii_lowercase[k // 26**i % 26] for i in range(3))


VENDOR_CALLS: dict[str, tuple[str, str, int, Callable[[int], Any]]] = {
    "myob": ("POST", "https://api.myob.com/accountright/x/Sale/Invoice/Item", 400,
             lambda k: {"Errors": [{"ErrorCode": 90000 + k, "Name": f"Custom{_word(k)}Thing"}]}),
    "sage": ("POST", "https://api.accounting.sage.com/v3.1/contacts", 422,
             lambda k: [{"$severity": "error", "$dataCode": f"Custom{_word(k)}Error", "$message": f"Client {_word(k)} owes"}]),
    "invoicexpress": ("POST", "https://acme.app.invoicexpress.com/invoices.json", 422,
                      lambda k: {"errors": [{"error": f"Client {_word(k)} owes {WORDS[k % 8]} dollars"}]}),
    "prospend": ("GET", "https://api.prospend.com/beta/company/42/invoice", 409,
                 lambda k: {"code": f"CUSTOM_{_word(k).upper()}", "message": f"Client {_word(k)} owes"}),
}  # fmt: skip


def _line(vendor: str, style: str, k: int, carried: dict[str, Any]) -> str:
    """The ``k``th record of a vendor's call: a plain log line or a JSON one (``style``), carrying ``carried``."""
    method, url, status, body = VENDOR_CALLS[vendor]
    if "userinfo" in carried:
        url = url.replace("https://", f"https://{carried['userinfo']}@")
    if "query" in carried:
        url += "?" + carried["query"]
    when = f"2026-11-20T01:{k // 60 % 60:02d}:{k % 60:02d}Z"
    msg = carried.get("msg", f"{vendor} call failed")
    if style == "plain":
        words = f" {carried['words']}" if "words" in carried else ""
        line = f"{when} ERROR sync: {msg} {method} {url} -> {status}{words} {json.dumps(body(k))}"
    else:
        fields = carried.get("fields", {"said": carried["words"]} if "words" in carried else {})
        doc = {"time": when, "level": "error", "msg": msg, "method": method, "url": url, "status": status, **fields}
        line = json.dumps({**doc, "response": body(k)})
    return line + (f"\n{carried['next']}" if "next" in carried else "") + "\n"


def _pieces(secret: str, size: int = 10) -> set[str]:
    """What a report could show of a credential: itself, its numbers masked (as a shape masks them), and every piece of
    ``size`` characters of either that holds a letter and a digit or a symbol (a piece of a word is no credential's)."""
    masked = "".join("<n>" if c.isdigit() and (i == 0 or not secret[i - 1].isdigit()) else "" if c.isdigit() else c
                     for i, c in enumerate(secret))  # fmt: skip
    found = {secret}
    for whole in (secret, masked):
        found |= {p for i in range(len(whole) - size + 1) if not (p := whole[i : i + size]).isalpha() and "<n>" not in p}
    return {p for p in found if any(c.isalpha() for c in p) and len(p) >= size}


_SCAN = errcat.ErrorCatalog.scan  # (hypothesis's examples share one monkeypatch: each wraps this one)


def _scanned(cli, monkeypatch, tmp_path: Path, lines: list[str]) -> dict[str, str]:
    """Every format's report of the log (the github format's job summary with its annotations), by the real CLI: the
    log is scanned once (SETTLE_AFTER explains a shape), its report rendered in each format as the CLI renders it."""
    log = tmp_path / "vendor.log"
    log.write_text("".join(lines))
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    reports: list[Any] = []

    def once(self, files, *args, **kwargs):
        reports[:] = reports or [_SCAN(self, files, *args, **kwargs)]
        return reports[0]

    monkeypatch.setattr(errcat.ErrorCatalog, "scan", once)
    shown = {}
    for fmt in FORMATS:
        r = cli("scan", str(log), "--all", "--workers", "1", "--top", "50", "--format", fmt)
        assert r.exit_code == 0, r.output
        shown[fmt] = r.stdout + r.stderr + (summary.read_text() if fmt == "github" else "")
    return shown


def _settled_groups(json_report: str) -> list[dict[str, Any]]:
    doc = json.loads(json_report)
    return [g for g in doc["unmatched"] if SETTLED in g["text"]]


def _check(shown: dict[str, str], secrets: list[str], vendors: list[str]) -> None:
    settled = _settled_groups(shown["json"])
    assert {g["vendor"] for g in settled} == set(vendors), "the shape did not settle: the path under test was not run"
    assert sum(g["count"] for g in settled) >= OVER
    for fmt, text in shown.items():
        assert SETTLED in text.replace("\n", " ").replace("  ", " ") or fmt == "github", fmt
        leaked = sorted(p for s in secrets for p in _pieces(s) if p in text)
        assert not leaked, (fmt, leaked[:3])


def _log(vendor: str, carried: dict[str, Any]) -> list[str]:
    """A vendor's records, plain and JSON lines, each style its own shape (SETTLE_AFTER + OVER of each)."""
    return [_line(vendor, style, k, carried) for k in range(SETTLE_AFTER + OVER) for style in ("plain", "json")]


@pytest.mark.parametrize(("carrier", "vendor"), [(c, sorted(VENDOR_CALLS)[i % 4]) for i, c in enumerate(sorted(CARRIERS))])
def test_a_credential_on_the_lines_of_a_settled_shape_is_never_shown(cli, monkeypatch, tmp_path, carrier, vendor):
    """A person's password with a dot (a shape keeps a dotted quoted value) under a credential's name, in each place."""
    secret = PASSWORD
    shown = _scanned(cli, monkeypatch, tmp_path, _log(vendor, CARRIERS[carrier]("client_secret", secret)))
    _check(shown, [secret], [vendor])


@pytest.mark.parametrize(("own", "vendor"), [(c, sorted(VENDOR_CALLS)[i % 4]) for i, c in enumerate(sorted(OWN))])
def test_a_credential_that_announces_itself_on_the_lines_of_a_settled_shape_is_never_shown(
    cli, monkeypatch, tmp_path, own, vendor
):
    """JWTs, cloud keys and connection strings: before the group's text was redacted after its shape was taken, the
    shape's <n> cut the digits out of an AWS key and a JWT ("AKIAQ<n>ZK<n>LMX...") and the gate knew no piece."""
    carrier, secrets = OWN[own]
    shown = _scanned(cli, monkeypatch, tmp_path, _log(vendor, carrier("", "")))
    _check(shown, secrets, [vendor])


@settings(
    max_examples=6,
    derandomize=True,
    phases=(Phase.explicit, Phase.generate),  # shrinking a log of 424 lines takes minutes
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.sampled_from(sorted(CARRIERS)), st.sampled_from(sorted(VENDOR_CALLS)), NAMES, SECRETS)
def test_a_generated_credential_on_the_lines_of_a_settled_shape_is_never_shown(
    cli, monkeypatch, tmp_path_factory, carrier, vendor, name, secret
):
    shown = _scanned(cli, monkeypatch, tmp_path_factory.mktemp("settled"), _log(vendor, CARRIERS[carrier](name, secret)))
    _check(shown, [secret], [vendor])

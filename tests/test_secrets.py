"""Secrets never come back out: by what a secret looks like, by the name beside it, in every syntax,
in every output (explain's table, JSON and markdown, --stub, scan's report, the Python API).

Every token here is generated at random in the shape the format takes, so no real secret and no
fixed string a scanner could mistake for one is committed."""

from __future__ import annotations

import base64
import json
import random
import string
from collections.abc import Callable
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import builtin_index
from errcat.explainer import explain
from errcat.explainer.redact import FORMATS, redact_report
from errcat.explainer.stub import stub_yaml
from errcat.render.jsondoc import dumps, explain_document
from errcat.render.markdown import explain_markdown
from errcat.render.text import explain_lines, plain

CATALOG = builtin_index()  # the built-in catalog in memory, shared by the modules that need it at import
rnd = random.Random(7)
ALNUM = string.ascii_letters + string.digits
HEX = "0123456789abcdef"
GUID = "6d5b2a4e-1c3f-4a8b-9e0d-2f7c8b1a9e33"


def r(n: int, alphabet: str = ALNUM) -> str:
    return "".join(rnd.choice(alphabet) for _ in range(n))


def jwt() -> str:
    head = base64.urlsafe_b64encode(b'{"alg":"HS256","typ":"JWT"}').rstrip(b"=").decode()
    body = base64.urlsafe_b64encode(json.dumps({"sub": r(12), "iss": "prospend"}).encode()).rstrip(b"=").decode()
    return f"{head}.{body}.{r(43, ALNUM + '-_')}"


def b64(n: int) -> str:
    return base64.b64encode(r(n).encode()).decode()


# (label, paste with {0}, {1}... for the secrets, makers of the secrets)
Maker = Callable[[], str]
SHAPES: list[tuple[str, str, tuple[Maker, ...]]] = [
    ("Stripe secret key in Stripe's own prose", "Invalid API Key provided: {0}", (lambda: "sk_live_" + r(24),)),
    ("Stripe test key in a JSON body", '{{"error":{{"message":"bad","stripe":"{0}"}}}}', (lambda: "sk_test_" + r(32),)),
    ("Stripe restricted key in a log line", "2026-11-03 ERROR stripe call with {0} failed", (lambda: "rk_live_" + r(24),)),
    ("Stripe publishable key in a query", "GET /pay?pk={0} -> 400", (lambda: "pk_live_" + r(24),)),
    (
        "AWS key pair as log fields",
        "aws_access_key_id={0} aws_secret_access_key={1}",
        (lambda: "AKIA" + r(16, string.ascii_uppercase + string.digits), lambda: r(40, ALNUM + "/+")),
    ),
    (
        "AWS key pair in an env dump",
        "AWS_ACCESS_KEY_ID={0}\nAWS_SECRET_ACCESS_KEY={1}\nAWS_REGION=ap-southeast-2",
        (lambda: "ASIA" + r(16, string.ascii_uppercase + string.digits), lambda: r(40, ALNUM + "/+")),
    ),
    (
        "AWS secret in YAML",
        "credentials:\n  aws_secret_access_key: {0}\n  region: ap-southeast-2",
        (lambda: r(40, ALNUM + "/+"),),
    ),
    (
        "AWS access key id alone in prose",
        "The security token included in the request is invalid for {0}.",
        (lambda: "AKIA" + r(16, string.ascii_uppercase + string.digits),),
    ),
    ("GitHub classic token in prose", "git push failed: {0} is not a valid token", (lambda: "ghp_" + r(36),)),
    ("GitHub fine-grained token in a header", "Authorization: token {0}", (lambda: "github_pat_" + r(22) + "_" + r(59),)),
    ("GitHub OAuth token in JSON", '{{"gh":"{0}"}}', (lambda: "gho_" + r(36),)),
    (
        "GitHub app token in a clone URL",
        "fatal: https://x-access-token:{0}@github.com/acme/ledger.git/ not found",
        (lambda: "ghs_" + r(36),),
    ),
    (
        "Slack bot token",
        "slack error invalid_auth for {0}",
        (lambda: "xoxb-" + r(12, string.digits) + "-" + r(13, string.digits) + "-" + r(24),),
    ),
    (
        "Slack webhook URL",
        "POST {0} -> 404 no_service",
        (
            lambda: (
                "https://hooks.slack.com/services/T"
                + r(10, string.ascii_uppercase + string.digits)
                + "/B"
                + r(10, string.ascii_uppercase + string.digits)
                + "/"
                + r(24)
            ),
        ),
    ),
    (  # Loggly's documented endpoint: https://logs-01.loggly.com/inputs/TOKEN/tag/http/ (and /bulk/TOKEN/tag/bulk/)
        "Loggly customer token in its HTTP endpoint",
        "curl -d 'hello' https://logs-01.loggly.com/inputs/{0}/tag/http/ -> 403 Forbidden",
        (lambda: "-".join(r(n, HEX) for n in (8, 4, 4, 4, 12)),),
    ),
    (
        "Google API key in a query",
        "GET https://maps.googleapis.com/maps/api/geocode/json?address=x&k={0} -> 403",
        (lambda: "AIza" + r(35, ALNUM + "-_"),),
    ),
    ("Google API key in an exception", "GoogleApiError: key={0} 403 Forbidden", (lambda: "AIza" + r(35, ALNUM + "-_"),)),
    ("JWT in prose", "token {0} was rejected", (jwt,)),
    (
        "ProSpend JWT bearer",
        "GET https://api.apac.prospend.io/beta/company/1/invoice\nAuthorization: Bearer {0}\nHTTP/1.1 401",
        (jwt,),
    ),
    (
        "PEM private key block",
        "key load failed:\n-----BEGIN RSA PRIVATE KEY-----\n{0}\n{1}\n-----END RSA PRIVATE KEY-----",
        (lambda: r(64, ALNUM + "+/"), lambda: r(64, ALNUM + "+/")),
    ),
    (
        "SQL connection string",
        "SqlException: login failed; Server=tcp:db.acme.internal,1433;Database=ledger;User Id=sync;Password={0};Encrypt=True",
        (lambda: r(14, ALNUM + "!#%"),),
    ),
    ("ODBC connection string", "DRIVER={{ODBC Driver 18}};SERVER=db;UID=sync;PWD={0};", (lambda: r(12),)),
    (
        "Azure storage connection string",
        "DefaultEndpointsProtocol=https;AccountName=acme;AccountKey={0};EndpointSuffix=core.windows.net",
        (lambda: r(86, ALNUM + "+/") + "==",),
    ),
    ("URL userinfo", "requests.exceptions.HTTPError: 401 for url: https://sync:{0}@ledger.acme.example/api", (lambda: r(16),)),
    ("Basic auth header", "> Authorization: Basic {0}\n< HTTP/1.1 401 Unauthorized", (lambda: b64(18),)),
    ("curl -u", "curl -u admin:{0} https://api.myob.com/accountright/", (lambda: r(14),)),
    ("curl --user quoted", "curl --user 'admin:{0}' -X POST https://acme.app.invoicexpress.com/invoices.json", (lambda: r(14),)),
    ("curl --oauth2-bearer", "curl --oauth2-bearer {0} https://api.accounting.sage.com/v3.1/contacts", (lambda: r(40),)),
    (
        "MYOB developer key header",
        "x-myobapi-key: {0}\nx-myobapi-version: v2\nHTTP/1.1 403 Forbidden",
        (lambda: r(24, string.ascii_lowercase + string.digits),),
    ),
    ("MYOB company file token header", "x-myobapi-cftoken: {0}\nHTTP/1.1 401", (lambda: b64(15),)),
    (
        "MYOB headers as a Python dict",
        "{{'x-myobapi-key': '{0}', 'x-myobapi-cftoken': '{1}', 'x-myobapi-version': 'v2'}}",
        (lambda: r(24), lambda: b64(12)),
    ),
    (
        "InvoiceXpress api_key in a query",
        "curl 'https://acme.app.invoicexpress.com/invoices.json?api_key={0}'\n< HTTP/1.1 401",
        (lambda: r(40, HEX),),
    ),
    ("InvoiceXpress api_key in a JSON body", '{{"api_key":"{0}","invoice":{{}}}}', (lambda: r(40, HEX),)),
    ("X-Auth-Token header", "X-Auth-Token: {0}\nHTTP/1.1 401", (lambda: r(32),)),
    ("camelCase clientSecret in JSON", '{{"clientId":"abc","clientSecret":"{0}"}}', (lambda: r(30),)),
    ("db_password in a log line", 'level=error msg="connect failed" db_password={0} host=db', (lambda: r(12),)),
    ("PHP var_dump field", '["refresh_token"]=>\n  string(40) "{0}"', (lambda: r(40),)),
    ("Ruby hash with symbol keys", '{{:client_secret=>"{0}", :grant_type=>"refresh_token"}}', (lambda: r(28),)),
    ("Xdebug dump field", "'api_key' => string '{0}' (length=32)", (lambda: r(32),)),
    ("print_r field", "Array\n(\n    [access_token] => {0}\n    [token_type] => bearer\n)", (lambda: r(32),)),
    ("VCR header as a YAML list", "    headers:\n      X-Api-Key:\n      - {0}\n", (lambda: r(32),)),
    ("XML element", "<oauth><access_token>{0}</access_token></oauth>", (lambda: r(32),)),
    ("Random token after a credential word", "my secret is {0} and it stopped working", (lambda: r(32),)),
    ("SendGrid key", "sendgrid 401 for {0}", (lambda: "SG." + r(22, ALNUM + "-_") + "." + r(43, ALNUM + "-_"),)),
    ("npm token", "npm ERR! 401 with {0}", (lambda: "npm_" + r(36),)),
    ("OpenAI project key", "Incorrect API key provided: {0}", (lambda: "sk-proj-" + r(48, ALNUM + "-_"),)),
    (
        "OAuth form body",
        "grant_type=refresh_token&client_id=abc&client_secret={0}&refresh_token={1}",
        (lambda: r(30), lambda: r(48, ALNUM + "!-_")),
    ),
    ("Cookie header", "Cookie: _session_id={0}; theme=dark\nHTTP/1.1 401", (lambda: r(32, HEX),)),
    ("Set-Cookie header", "< Set-Cookie: sid={0}; Path=/; HttpOnly", (lambda: r(32),)),
    (
        "OAuth code in a redirect",
        "GET https://app.acme.example/callback?code={0}&state=xyz -> 500",
        (lambda: r(40, ALNUM + "!"),),
    ),
    ("Twilio key", "twilio 20003 for {0}", (lambda: "SK" + r(32, HEX),)),
    ("Shopify token", "[API] Invalid API key or access token: {0}", (lambda: "shpat_" + r(32, HEX),)),
]


def _case(shape: tuple[str, str, tuple[Maker, ...]]) -> tuple[str, list[str]]:
    _, template, makers = shape
    secrets = [make() for make in makers]
    return template.format(*secrets), secrets


CASES = [(label, *_case(shape)) for label, shape in ((s[0], s) for s in SHAPES)]


def _outputs(text: str) -> dict[str, str]:
    x = explain(CATALOG, text)
    return {
        "table": plain(explain_lines(x)),
        "json": dumps(explain_document(x)),
        "markdown": explain_markdown(x),
        "stub": stub_yaml(CATALOG, x) or "",
        "python api": repr(x),
    }


def test_there_are_forty_shapes():
    assert len(SHAPES) >= 40


@pytest.mark.parametrize(("label", "text", "secrets"), CASES, ids=[c[0] for c in CASES])
def test_secret_never_reaches_any_output(label, text, secrets):
    outputs = _outputs(text)
    for secret in secrets:
        for name, out in outputs.items():
            assert secret not in out, f"{label}: secret shown in {name}"
    hidden = redact_report(text)
    assert not [s for s in secrets if s in hidden.text]  # hidden before any stage reads the text
    # and explain says how many it hid: one per secret, or one for a PEM block's two lines
    spans = 1 if "PRIVATE KEY-----" in text else len(secrets)
    assert explain(CATALOG, text).redactions == sum(hidden.kinds.values()) >= spans


def test_secrets_never_reach_scan_reports(cli, tmp_path):
    log = tmp_path / "app.log"
    lines = []
    for label, text, _ in CASES:  # one record per paste, its lines joined as a logger writes a message
        lines.append(f"2026-11-03T10:00:00Z ERROR [{label}] {' '.join(text.split())} -> HTTP 401")
    log.write_text("\n".join(lines) + "\n")
    _assert_scan_hides_every_secret(cli, log)


def _assert_scan_hides_every_secret(cli, log, *flags: str) -> None:
    """No secret of CASES in scan's report of ``log``, in any format."""
    secrets = [s for _, _, ss in CASES for s in ss]
    for fmt in ("table", "json", "markdown"):
        r = cli("scan", str(log), "--format", fmt, "--top", "500", *flags)
        assert r.exit_code == 0, r.output
        leaked = [s for s in secrets if s in r.stdout or s in r.stderr]
        assert not leaked, f"scan --format {fmt} shows {len(leaked)} secret(s)"


def test_the_cli_shows_kinds_not_values(cli):
    _, text, secrets = next(c for c in CASES if c[0] == "Stripe secret key in Stripe's own prose")
    r = cli("explain", input=text)
    assert secrets[0] not in r.stdout and "1 Stripe key" in r.stdout
    d = json.loads(cli("explain", "-f", "json", input=text).stdout)
    assert d["redacted"] == 1 and d["redacted_kinds"] == {"Stripe key": 1}
    r = cli("explain", "--vendor", secrets[0], input="x")
    assert r.exit_code == 2 and secrets[0] not in r.output


def test_every_format_rule_names_its_source():
    for rule in FORMATS:
        assert rule.kind and len(rule.source) > 10


def test_no_format_rule_is_written_twice():
    """Each rule runs on every text holding its hints: one written twice (review9: the SNMPv3 -A and -X rules, added
    twice in one commit) costs the gate a second search and hides nothing more."""
    patterns = [(rule.regex, rule.flags) for rule in FORMATS]
    assert len(set(patterns)) == len(patterns), [p for p in patterns if patterns.count(p) > 1]


# What users need to find the record stays readable.
READABLE = [
    f"PUT https://api.myob.com/accountright/{GUID}/Sale/Invoice/Item/{GUID} -> 400",
    "The Customer with UID of '511d425d-a306-4e19-add4-de842086444a' cannot be found.",
    "X-Request-Id: e25c3fd9c8f2296f16d5480429dbfa8f",
    '{"$severity":"error","$dataCode":"AccessTokenExpiredError","$message":"Your Access token has expired.","$source":"Authorization"}',
    "GET https://acme.app.invoicexpress.com/invoices/270277803.json -> 404",
    "Document creation limit reached for the period from 15/12/2022 to 15/01/2023.",
    "Invoice total mismatch: paid=58.00 expected=54.72 drift=3.28",
    "token_type=bearer expires_in=3600 scope=sme-sales",
    "Access token is invalid (JWT malformed or missing).",
    "2026-11-03T10:00:00.123Z request 9051c2ca-aca8-47f1-8c7d-90e797f334d1 took 120ms",
    "Basic validation failed for invoice INV-0042",
    "AuthorizationFailure: Access denied. Cannot verify subscription. (MRF)",
]


@pytest.mark.parametrize("text", READABLE)
def test_ids_dates_and_amounts_stay_readable(text):
    hidden = redact_report(text)
    assert hidden.text == text, hidden.kinds


# --- property: a token of any format, anywhere in a random paste, never comes back -------------

TOKENS = st.one_of(
    st.builds(lambda s: "sk_live_" + s, st.text(ALNUM, min_size=24, max_size=40)),
    st.builds(lambda s: "AKIA" + s, st.text(string.ascii_uppercase + string.digits, min_size=16, max_size=16)),
    st.builds(lambda s: "ghp_" + s, st.text(ALNUM, min_size=36, max_size=36)),
    st.builds(lambda s: "xoxp-1234-5678-" + s, st.text(ALNUM, min_size=12, max_size=30)),
    st.builds(lambda s: "AIza" + s, st.text(ALNUM + "-_", min_size=35, max_size=35)),
    st.builds(
        lambda a, b: f"eyJ{a}.eyJ{b}.sig{a}", st.text(ALNUM, min_size=8, max_size=20), st.text(ALNUM, min_size=8, max_size=20)
    ),
)
CONTEXTS = st.sampled_from(
    [
        "{}",
        "Error: {} is invalid",
        '{{"Errors":[{{"Name":"X","Message":"bad {}","ErrorCode":1}}]}}',
        "curl -H 'X: {}' https://api.myob.com/accountright -> 401",
        '[{{"$severity":"error","$message":"{}"}}]',
        "{{'key': '{}'}}",
        "k={}&x=1",
        "<errors><error>{}</error></errors>",
        # the wordings explain reads a status from (a reason phrase after the number, a client's own)
        "Client error: `POST https://api.myob.com/x?api_key={}` resulted in a `422 Unprocessable Entity` response:",
        'oauth2: cannot fetch token: 400 Bad Request\nResponse: {{"access_token":"{}"}}',
        '2024-05-01 10:00:01 ERROR HTTP/1.1 401 Unauthorized {{"token":"{}"}}',
        "aiohttp.ClientResponseError: 400, message='Bad Request', url='https://api.myob.com/x?key={}'",
    ]
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TOKENS, CONTEXTS, st.text(max_size=40))
def test_generated_tokens_in_random_pastes_never_come_back(token, context, noise):
    text = noise + "\n" + context.format(token) + "\n" + noise
    for out in _outputs(text).values():
        assert token not in out


def test_secrets_in_json_lines_behind_a_container_prefix_never_reach_scan_reports(cli, tmp_path):
    """A JSON log line behind docker logs -t's time or compose's service bar is read as a JSON line
    (its fields make the paste): what is shown of it, vendor error or another program's, still
    passes the exit gate; the group text of another program's error is redacted once for all its
    lines alike, so the lines are repeated with other numbers."""
    log = tmp_path / "containers.log"
    lines = []
    for n in range(3):
        for label, text, _ in CASES:
            record = json.dumps({"level": "error", "message": f"[{label}] {' '.join(text.split())}", "n": n})
            lines.append(f"2026-11-03T10:00:0{n}.000000001Z {record}")
            lines.append(f'sync-1  | {record[:-1]}, "url": "https://api.myob.com/accountright/", "status": 401}}')
    log.write_text("\n".join(lines) + "\n")
    _assert_scan_hides_every_secret(cli, log, "--all")


def test_secrets_in_dumped_exchanges_behind_a_compose_prefix_never_reach_scan_reports(cli, tmp_path):
    """Two read paths added together: a log whose every line carries docker compose's service bar is
    read with the bars taken off (scan/prefixes.py), and a requests_toolbelt dump's "< " / "> " lines
    are one record read without their marks: each secret-bearing paste, dumped as a response's
    body after an announcing line, is shown only through the exit gate."""
    log = tmp_path / "compose.log"
    lines = []
    for label, text, _ in CASES:
        lines += [
            f"2026-11-03 10:00:00,000 - sync - ERROR - [{label}] vendor call failed:",
            "< POST /accountright/0a3f1c2e-9b8d-4c7e-a6f5-112233445566/Sale/Invoice/Item HTTP/1.1",
            "< Host: arl2.api.myob.com",
            "< ",
            "> HTTP/1.1 401 Unauthorized",
            "> ",
            *(f"> {line}" for line in text.splitlines()),
        ]
    log.write_text("".join(f"sync-1  | {line}\n" for line in lines))
    _assert_scan_hides_every_secret(cli, log, "--all")


def test_secrets_on_this_sessions_scan_read_paths_never_reach_scan_reports(cli, tmp_path):
    """Three read paths added together, each carrying every secret-bearing paste: a body docker logs
    -t stamped line by line (read without the stamps, prepared._unstamped), a Postgres record that
    CloudNativePG wraps at level info (read as the record, logline.json_line), and an IIS W3C line
    whose query column holds the paste percent-encoded, as a client sends it (its status read from
    the column, w3c.py). Every record is read (the JSON report counts them), and what is shown
    passes the exit gate."""
    stamped, wrapped, w3c = tmp_path / "stamped.log", tmp_path / "cnpg.log", tmp_path / "iis.log"
    stamped_lines, wrapped_lines = [], []
    w3c_lines = [
        "#Software: Microsoft Internet Information Services 10.0",
        "#Fields: date time cs-method cs-uri-stem cs-uri-query sc-status",
    ]
    for n, (label, text, _) in enumerate(CASES):
        at = f"2026-11-03T10:{n // 60:02d}:{n % 60:02d}"
        stamped_lines += [f"{at}.1Z ERROR [{label}] vendor call failed:", *(f"{at}.2Z {line}" for line in text.splitlines())]
        record = {"error_severity": "ERROR", "message": f"[{label}] {text}", "log_time": f"{at}Z"}
        wrapped_lines.append(json.dumps({"level": "info", "msg": "record", "record": record}))
        w3c_lines.append(f"2026-11-03 10:00:00 GET /api/x {quote(text, safe='')} 401")
    for log, lines in ((stamped, stamped_lines), (wrapped, wrapped_lines), (w3c, w3c_lines)):
        log.write_text("\n".join(lines) + "\n")
        r = cli("scan", str(log), "--format", "json", "--all")
        assert r.exit_code == 0, (log.name, r.output[-300:])
        summary = json.loads(r.stdout)["summary"]
        assert summary["error_records"] >= len(CASES), log.name  # a paste holding several errors gives several
        _assert_scan_hides_every_secret(cli, log, "--all")


def test_secrets_in_proxied_urls_never_reach_scan_reports(cli, tmp_path):
    """Two read paths added together, each carrying every secret-bearing paste percent-encoded in a
    URL's query and its user-info: Squid's native access log (its status after the result code, read
    by its column, w3c.HEADERLESS) and an access line's proxied request; both name their groups by
    host and path (triage._COLUMNS_REQUEST, triage._REQUEST). Every record is read; what is shown
    passes the exit gate."""
    squid, access = tmp_path / "access.log", tmp_path / "proxy.log"
    squid_lines, access_lines = [], []
    for label, text, _ in CASES:
        secret = quote(text, safe="")
        url = f"http://u:{secret}@api.example.com/{quote(label, safe='')}?q={secret}"
        squid_lines.append(f"1576177221.686      0 ::1 TCP_MISS/401 1129 GET {url} - HIER_NONE/- text/html")
        access_lines.append(f'203.0.113.9 - - [26/Jan/2019:20:27:56 +0330] "GET {url} HTTP/1.1" 401 336 "-" "curl/7.64"')
    for log, lines in ((squid, squid_lines), (access, access_lines)):
        log.write_text("\n".join(lines) + "\n")
        r = cli("scan", str(log), "--format", "json", "--all")
        assert r.exit_code == 0, (log.name, r.output[-300:])
        assert json.loads(r.stdout)["summary"]["error_records"] == len(CASES), log.name
        _assert_scan_hides_every_secret(cli, log, "--all")


def test_secrets_in_json_lines_named_by_their_message_or_fields_never_reach_scan_reports(cli, tmp_path):
    """Two group names added together (prepared.untimed_head): a JSON line with a status and no
    request is named by its message, one with no message by its fields as names and values. Each
    carries every secret-bearing paste; every record is read, and what is shown passes the exit gate."""
    log = tmp_path / "app.jsonl"
    lines = []
    for label, text, _ in CASES:
        lines.append(json.dumps({"level": "error", "status": 500, "msg": f"[{label}] {text}"}))
        lines.append(json.dumps({"level": "error", "DownstreamStatus": 502, "RequestPath": "/a", "note": f"[{label}] {text}"}))
    log.write_text("\n".join(lines) + "\n")
    r = cli("scan", str(log), "--format", "json", "--all")
    assert r.exit_code == 0, r.output[-300:]
    assert json.loads(r.stdout)["summary"]["error_records"] == 2 * len(CASES)
    _assert_scan_hides_every_secret(cli, log, "--all")
    r = cli("scan", str(log), "--format", "github", "--all")
    assert not [s for _, _, ss in CASES for s in ss if s in r.stdout]


def test_secrets_in_repeated_log_lines_never_reach_scan_reports(cli, tmp_path):
    """Lines repeated with other numbers are counted by their shape alone once their group is
    full (scan/triage.py counter): what is shown of them still passes the exit gate."""
    log = tmp_path / "repeated.log"
    lines = []
    for n in range(14):  # more than a group lists: the last ones are counted without being read
        for label, text, _ in CASES:
            lines.append(f"2026-11-03T10:00:{n:02d}Z ERROR worker-{n} [{label}] {' '.join(text.split())}")
    log.write_text("\n".join(lines) + "\n")
    _assert_scan_hides_every_secret(cli, log, "--all")


def test_a_keys_tail_wrapped_onto_the_next_line_never_reaches_scan_samples(cli, tmp_path):
    """A secret hard-wrapped at a terminal's width leaves its tail alone on the next line; when a
    record starts there (the dumped exchange after it), scan's sample is that line, which the gate
    saw with no name before it: the tail was shown (the adversarial tester's AWS and Stripe
    pastes). A record's first line that is one mixed token of letters and digits is masked whole."""
    aws_key, stripe_key = "AKIA" + r(16, string.ascii_uppercase + string.digits), "sk_live_" + r(24)
    aws_secret = r(30, ALNUM + "+/") + r(10)
    body = '{"Errors":[{"Name":"Required","Message":"Freight tax code is required","ErrorCode":100}]}'
    exchange = ["HTTP/1.1 400 Bad Request", "content-type: application/json", "", body]
    url = f"https://arl2.api.myob.com/accountright/{GUID}/Sale/Invoice/Item"
    log = tmp_path / "wrapped.log"
    log.write_text(
        "\n".join(
            [
                f"2026-11-19T02:14:07Z ERROR POST {url} failed",
                f"aws_access_key_id={aws_key}",
                f"aws_secret_access_key={aws_secret[:30]}",
                aws_secret[30:],
                *exchange,
                f"2026-11-19T02:15:07Z ERROR POST {url} failed",
                f"stripe key {stripe_key[:20]}",
                stripe_key[20:],
                *exchange,
            ]
        )
        + "\n"
    )
    for fmt in ("table", "json", "markdown"):
        out = cli("scan", str(log), "--format", fmt, "--all").stdout
        assert aws_secret[30:] not in out and stripe_key[20:] not in out, fmt
    report = json.loads(cli("scan", str(log), "--format", "json").stdout)
    assert report["summary"]["matched"] == 2  # both vendor errors still reported, documented

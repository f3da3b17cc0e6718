"""secrets31's adversarial pastes: credentials in the wrappings earlier rounds had none of (HAR files and VCR
cassettes, presigned URLs, a GCP service account's JSON, private keys cut in the middle, JWTs in a query or a fragment,
OAuth form bodies, tokens of known shapes standing alone, environment dumps, YAML block scalars, heredocs, shell
history, a stack trace's code line, percent-encoded and escaped values, Windows, mail and FTP logins, SQL that sets a
password, and the leftovers of secrets30). Every credential is generated here: random strings of the real shapes
(fixed seed), or a password of words and digits as a person picks one. ``CASES``: (id, paste, the credentials in it)."""

from __future__ import annotations

import base64
import json
from functools import partial
from urllib.parse import quote

from secrets_kit import B64, HEX, IX_BODY, MYOB_401, SAGE_BODY, UP, URLSAFE, WORDS, A, Round

_ROUND = Round(3131)
R = _ROUND.random
rnd, case, picked, CASES = _ROUND.rnd, _ROUND.case, _ROUND.picked, _ROUND.cases


def b64u(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


jwt = partial(_ROUND.jwt, "accounting", claim="scope", alg="RS256", kid=(20, A), sub=24, sig=86)


def pem_body(lines: int) -> list[str]:
    return [rnd(64, B64) for _ in range(lines)]


SAGE_TOKEN_URL = "https://oauth.accounting.sage.com/token"
MYOB_TOKEN_URL = "https://secure.myob.com/oauth2/v1/authorize"


# --- HAR files (a browser's "Save all as HAR")
s = rnd(32, A)
case(
    "har-request-cookies-array",
    json.dumps({"log": {"entries": [{"request": {"method": "GET", "url": "https://accounting.sage.com/contacts",
        "cookies": [{"name": "_sage_session", "value": s, "httpOnly": True}, {"name": "locale", "value": "en-GB"}]},
        "response": {"status": 422, "content": {"mimeType": "application/json", "text": SAGE_BODY}}}]}}, indent=2),
    s,
)  # fmt: skip
s = rnd(40, URLSAFE)
case(
    "har-response-set-cookie-header",
    json.dumps({"response": {"status": 401, "headers": [
        {"name": "Set-Cookie", "value": f"remember_user_token={s}; path=/; expires=Sat, 07 Dec 2027 02:00:00 GMT; HttpOnly"},
        {"name": "Content-Type", "value": "application/json"}], "content": {"text": IX_BODY}}}, indent=2),
    s,
)  # fmt: skip
p = picked()
case(
    "har-postdata-params",
    json.dumps({"request": {"method": "POST", "url": "https://acme.app.invoicexpress.com/login", "postData": {
        "mimeType": "application/x-www-form-urlencoded", "text": f"login=ops%40acme.pt&password={quote(p)}",
        "params": [{"name": "login", "value": "ops%40acme.pt"}, {"name": "password", "value": quote(p)}]}}}, indent=2),
    p,
)  # fmt: skip
k = rnd(40, HEX)
case(
    "har-querystring-array",
    json.dumps({"request": {"method": "GET", "url": f"https://acme.app.invoicexpress.com/clients.json?api_key={k}",
        "queryString": [{"name": "api_key", "value": k}, {"name": "page", "value": "2"}]},
        "response": {"status": 404, "content": {"text": IX_BODY}}}, indent=2),
    k,
)  # fmt: skip
c = rnd(40, A)
case(
    "har-postdata-json-text-escaped",
    json.dumps({"request": {"method": "POST", "url": SAGE_TOKEN_URL, "postData": {"mimeType": "application/json",
        "text": json.dumps({"client_id": "4b6a1c2d", "client_secret": c, "grant_type": "authorization_code"})}},
        "response": {"status": 400, "content": {"text": '{"error":"invalid_grant"}'}}}),
    c,
)  # fmt: skip
p = picked()
cf = base64.b64encode(f"Administrator:{p}".encode()).decode()
case(
    "har-header-cftoken-name-value",
    json.dumps({"request": {"headers": [{"name": "x-myobapi-cftoken", "value": cf}, {"name": "x-myobapi-version",
        "value": "v2"}]}, "response": {"status": 401, "content": {"text": MYOB_401}}}, indent=1),
    cf,
)  # fmt: skip

# --- VCR cassettes
t = rnd(48, A)
case(
    "vcr-ruby-authorization-list",
    f"---\nhttp_interactions:\n- request:\n    method: get\n    uri: https://api.accounting.sage.com/v3.1/contacts\n"
    f"    body:\n      encoding: US-ASCII\n      string: ''\n    headers:\n      Authorization:\n      - Bearer {t}\n"
    f"      Accept:\n      - application/json\n  response:\n    status:\n      code: 422\n      message: Unprocessable Entity\n"
    f"    body:\n      encoding: UTF-8\n      string: '{SAGE_BODY}'\n",
    t,
)
r_, c = rnd(50, A), rnd(40, A)
case(
    "vcr-ruby-form-body-string",
    f"- request:\n    method: post\n    uri: {SAGE_TOKEN_URL}\n    body:\n      encoding: UTF-8\n"
    f"      string: grant_type=refresh_token&refresh_token={r_}&client_id=acme-app&client_secret={c}\n"
    f'  response:\n    status:\n      code: 400\n    body:\n      string: \'{{"error":"invalid_grant"}}\'\n',
    r_,
    c,
)
p = picked()
b = base64.b64encode(f"ops:{p}".encode()).decode()
case(
    "vcrpy-json-cassette-basic",
    json.dumps({"interactions": [{"request": {"method": "GET", "uri": "https://acme.app.invoicexpress.com/invoices.json",
        "headers": {"Authorization": [f"Basic {b}"], "User-Agent": ["python-requests/2.31.0"]}},
        "response": {"status": {"code": 401, "message": "Unauthorized"}, "body": {"string": IX_BODY}}}],
        "version": 1}, indent=2),
    b,
)  # fmt: skip
t = rnd(32, HEX)
case(
    "vcr-token-token-equals",
    f'    headers:\n      Authorization:\n      - Token token="{t}"\n      Content-Type:\n      - application/json\n'
    f"  response:\n    status:\n      code: 401\n",
    t,
)

# --- presigned URLs
ak, sig, tok = "AKIA" + rnd(16, UP), rnd(64, HEX), rnd(300, B64)
case(
    "s3-presigned-url-signature-mismatch",
    f"GET https://acme-exports.s3.ap-southeast-2.amazonaws.com/myob/ledger.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256"
    f"&X-Amz-Credential={ak}%2F20261207%2Fap-southeast-2%2Fs3%2Faws4_request&X-Amz-Date=20261207T020000Z"
    f"&X-Amz-Expires=3600&X-Amz-Security-Token={quote(tok, safe='')}&X-Amz-SignedHeaders=host&X-Amz-Signature={sig}\n"
    f"<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match</Message>"
    f"<AWSAccessKeyId>{ak}</AWSAccessKeyId></Error>",
    ak,
    sig,
    quote(tok, safe=""),
)
sig = rnd(512, HEX)
case(
    "gcs-signed-url-goog-signature",
    f"curl: (22) The requested URL returned error: 403\nhttps://storage.googleapis.com/acme-exports/sage.csv?"
    f"X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=exporter%40acme.iam.gserviceaccount.com%2F20261207%2Fauto"
    f"%2Fstorage%2Fgoog4_request&X-Goog-Date=20261207T020000Z&X-Goog-Expires=900&X-Goog-SignedHeaders=host"
    f"&X-Goog-Signature={sig}",
    sig,
)
sig = quote(base64.b64encode(R.randbytes(32)).decode(), safe="")
case(
    "azure-sas-sig",
    f"AuthenticationFailed: Server failed to authenticate the request.\nhttps://acmeexports.blob.core.windows.net/"
    f"ledger/2026.csv?sv=2022-11-02&ss=b&srt=co&sp=rwdlacx&se=2026-12-31T00:00:00Z&st=2026-12-01T00:00:00Z&spr=https"
    f"&sig={sig}",
    sig,
)
ak, sig = "AKIA" + rnd(16, UP), quote(base64.b64encode(R.randbytes(20)).decode(), safe="")
case(
    "s3-presigned-v2-signature",
    f"requests.exceptions.HTTPError: 403 Client Error: Forbidden for url: https://acme.s3.amazonaws.com/x.pdf?"
    f"AWSAccessKeyId={ak}&Signature={sig}&Expires=1796610000",
    ak,
    sig,
)
sig = rnd(340, URLSAFE + "~")
case(
    "cloudfront-signed-url",
    f"403 ERROR The request could not be satisfied. https://d111111abcdef8.cloudfront.net/invoices/7.pdf?"
    f"Expires=1796610000&Signature={sig}&Key-Pair-Id=K2JCJMDEHXQW5F",
    sig,
)

# --- a GCP service account's key file
kid, body = rnd(40, HEX), pem_body(25)
pem = "-----BEGIN PRIVATE KEY-----\\n" + "\\n".join(body) + "\\n-----END PRIVATE KEY-----\\n"
case(
    "gcp-service-account-json",
    '{\n  "type": "service_account",\n  "project_id": "acme-ledger",\n'
    f'  "private_key_id": "{kid}",\n  "private_key": "{pem}",\n'
    '  "client_email": "exporter@acme-ledger.iam.gserviceaccount.com",\n  "client_id": "104612345678901234567"\n}\n'
    "google.auth.exceptions.RefreshError: ('invalid_grant: Invalid JWT Signature.', {'error': 'invalid_grant'})",
    kid,
    *body,
)
body = pem_body(12)
sa = json.dumps(
    {
        "type": "service_account",
        "private_key": "-----BEGIN PRIVATE KEY-----\n" + "\n".join(body) + "\n-----END PRIVATE KEY-----\n",
    }
)
case("gcp-service-account-in-env-var", f"GOOGLE_CREDENTIALS='{sa}'\nError: invalid character", *body)

# --- private keys cut in the middle
body = pem_body(9)
case(
    "pem-rsa-cut-no-end",
    "-----BEGIN RSA PRIVATE KEY-----\n" + "\n".join(body) + "\n" + body[-1][:30] + "\n[paste cut here]\n"
    "OpenSSL::PKey::RSAError: Neither PUB key nor PRIV key: nested asn1 error",
    *body,
)
body = pem_body(6)
case(
    "openssh-key-middle-lines-only",
    'Load key "/home/ops/.ssh/id_ed25519": invalid format\nthe key file looks like this (middle part):\n'
    + "\n".join(body)
    + "\n...",
    *body,
)
body = [rnd(64, B64) for _ in range(3)]
case(
    "pem-ec-in-json-escaped-cut",
    '{"tls": {"key": "-----BEGIN EC PRIVATE KEY-----\\n' + "\\n".join(body) + "...",
    *body,
)

# --- JWTs in a query string or a fragment
t = jwt()
case(
    "jwt-query-access-token",
    f'GET /callback?access_token={t}&token_type=bearer&expires_in=1200 HTTP/1.1" 401 {len(MYOB_401)}\n{MYOB_401}',
    t,
)
t = jwt()
case("jwt-fragment-id-token", f"redirected to https://app.acme.pt/auth/cb#id_token={t}&state=af0ifjsldkj\nErro 401", t)
t = jwt()
case("jwt-websocket-url", f"WebSocket connection to 'wss://rt.acme.io/socket?vsn=2.0.0&token={t}' failed: 403", t)

# --- OAuth in form bodies and JSON
code, c, v = rnd(40, URLSAFE), rnd(32, A), rnd(43, URLSAFE)
case(
    "oauth-form-body-code-secret-verifier",
    f"POST {MYOB_TOKEN_URL.replace('authorize', 'authorize/')}\nContent-Type: application/x-www-form-urlencoded\n\n"
    f"client_id=8f3b&client_secret={c}&code={code}&code_verifier={v}&grant_type=authorization_code"
    f'&redirect_uri=https%3A%2F%2Fapp.acme.io%2Fcb\n\nHTTP/1.1 400 Bad Request\n{{"error":"invalid_grant"}}',
    code,
    c,
    v,
)
a, r_ = rnd(60, A), rnd(50, A)
case(
    "oauth-token-response-python-repr",
    f"INFO token refreshed: {{'access_token': '{a}', 'token_type': 'bearer', 'expires_in': '1200', "
    f"'refresh_token': '{r_}', 'scope': 'CompanyFile', 'user': {{'uid': 'b1c2', 'username': 'ops@acme.au'}}}}",
    a,
    r_,
)
r_ = rnd(50, A)
case(
    "oauthlib-debug-data",
    f"DEBUG:requests_oauthlib.oauth2_session:Prepared refresh token request body "
    f"grant_type=refresh_token&client_id=acme&refresh_token={r_}\n"
    f"oauthlib.oauth2.rfc6749.errors.InvalidGrantError: (invalid_grant)",
    r_,
)
c, r_ = rnd(32, A), rnd(50, A)
case(
    "curl-d-client-secret-single-string",
    f"$ curl -s -X POST {SAGE_TOKEN_URL} -d 'client_id=acme&client_secret={c}&grant_type=refresh_token&refresh_token={r_}'\n"
    f'{{"error":"invalid_client"}}',
    c,
    r_,
)
c = rnd(40, A)
case(
    "oauth-json-clientsecret-camel",
    f'{{"clientId":"acme-app","clientSecret":"{c}","redirectUri":"https://app.acme.io/cb"}}\n401 invalid_client',
    c,
)

# --- tokens of known shapes standing alone
t = "sk_live_" + rnd(24, A)
case("stripe-key-in-a-sentence", f"I pasted {t} into the settings and every sync now fails with 401", t)
t = "ghp_" + rnd(36, A)
case("github-classic-token-alone", f"remote: Invalid username or token.\n{t}\nfatal: Authentication failed", t)
t = "github_pat_" + rnd(22, A) + "_" + rnd(59, A)
case("github-fine-grained-token-alone", f"token used: {t}", t)
t = f"xoxb-{R.randint(10**10, 10**11)}-{R.randint(10**12, 10**13)}-{rnd(24, A)}"
case("slack-bot-token-in-prose", f"the alert bot ({t}) posts nothing since the 401 from MYOB", t)
t = f"xoxp-{R.randint(10**10, 10**11)}-{R.randint(10**10, 10**11)}-{R.randint(10**12, 10**13)}-{rnd(32, HEX)}"
case("slack-user-token-line", f"2026-12-07 02:01:13 WARN slack {t} invalid_auth", t)
ak, sk = "AKIA" + rnd(16, UP), rnd(40, B64)
case("aws-key-pair-in-prose", f"keys are {ak} and {sk}, the upload to S3 says AccessDenied", ak, sk)
sk = rnd(40, B64)
case("aws-secret-alone-line", f"An error occurred (InvalidClientTokenId)\n{sk}\n", sk)
sid, tok = "AC" + rnd(32, HEX), rnd(32, HEX)
case("twilio-sid-token-prose", f"Twilio account {sid} token {tok}: HTTP 401 Authenticate", tok)  # (the SID is an id: ids.py)
t = "SG." + rnd(22, URLSAFE) + "." + rnd(43, URLSAFE)
case("sendgrid-key-alone", f"python_http_client.exceptions.UnauthorizedError: HTTP Error 401\nkey was {t}", t)
t = "AIza" + rnd(35, URLSAFE)
case("google-api-key-in-prose", f"the maps key AIza… no wait here it is {t} returns REQUEST_DENIED", t)
t = "glpat-" + rnd(20, URLSAFE)
case("gitlab-pat-alone", f"HTTP Basic: Access denied\n{t}", t)
t = "npm_" + rnd(36, A)
case("npm-token-alone-in-log", f"npm ERR! code E401\nnpm ERR! token {t} expired", t)
t = "shpat_" + rnd(32, HEX)
case("shopify-token-alone", f"[API] {t} -> 401 Unauthorized", t)

# --- environment dumps
c, r_, p = rnd(32, A), rnd(50, A), picked()
case(
    "printenv-output",
    f"$ printenv | sort\nHOME=/home/ops\nLANG=C.UTF-8\nMYOB_CLIENT_ID=8f3b2c\nMYOB_CLIENT_SECRET={c}\nPATH=/usr/bin:/bin\n"
    f"SAGE_REFRESH_TOKEN={r_}\nPGPASS={p}\nTERM=xterm\n$ python sync.py\n{MYOB_401}",
    c,
    r_,
    p,
)
k, p = rnd(40, HEX), picked()
case(
    "docker-inspect-env-array",
    '[\n    {\n        "Config": {\n            "Env": [\n                "PATH=/usr/local/bin:/usr/bin",\n'
    f'                "IX_API_KEY={k}",\n                "POSTGRES_PASSWORD={p}",\n'
    '                "LANG=C.UTF-8"\n            ],\n            "Image": "acme/sync:1.4"\n        }\n    }\n]',
    k,
    p,
)
p, k = picked(), rnd(32, A)
pb, kb = base64.b64encode(p.encode()).decode(), base64.b64encode(k.encode()).decode()
case(
    "k8s-secret-data-base64",
    f"apiVersion: v1\nkind: Secret\nmetadata:\n  name: erp-sync\ntype: Opaque\ndata:\n  db-pass: {pb}\n  sage-key: {kb}\n"
    f"  region: YXUtZWFzdA==\n",
    pb,
    kb,
)
c = rnd(32, A)
case(
    "kubectl-describe-pod-environment",
    "Containers:\n  sync:\n    Image:      acme/sync:1.4\n    Environment:\n      LOG_LEVEL:           info\n"
    f"      SAGE_CLIENT_SECRET:  {c}\n      DB_PASSWORD:         <set to the key 'password' in secret 'db'>"
    "  Optional: false\n    State:          Waiting\n      Reason:       CrashLoopBackOff",
    c,
)
t, p = rnd(40, A), picked()
case(
    "systemctl-show-environment",
    f"$ systemctl show erp-sync -p Environment\nEnvironment=LOG_LEVEL=debug API_TOKEN={t} DB_PASS={p} TZ=UTC",
    t,
    p,
)
p = picked()
case(
    "python-os-environ-repr",
    f"environ({{'PATH': '/usr/bin', 'HOME': '/root', 'MYOB_PASSWORD': '{p}', 'MYOB_USER': 'Administrator'}})",
    p,
)
url_p, c = picked(), rnd(32, A)
case(
    "heroku-config-aligned",
    f"=== acme-sync Config Vars\nDATABASE_URL:       postgres://u8d2:{url_p}@ec2-3-1.compute-1.amazonaws.com:5432/d1\n"
    f"SAGE_CLIENT_SECRET: {c}\nTZ:                 Australia/Sydney",
    url_p,
    c,
)

# --- YAML block scalars
p = picked()
case("yaml-password-literal-block", f"myob:\n  username: Administrator\n  password: |\n    {p}\n  company_file: Acme\n", p)
k = rnd(60, A)
case(
    "yaml-api-key-folded-two-lines",
    f"invoicexpress:\n  api_key: >-\n    {k[:30]}\n    {k[30:]}\n  account: acme\n",
    k[:30],
    k[30:],
)
p = picked()
case("yaml-secret-literal-strip", f"stringData:\n  password: |-\n    {p}\n", p)

# --- heredocs
t = rnd(40, A)
case("heredoc-dotenv", f"$ cat > .env <<EOF\nSAGE_TOKEN={t}\nSAGE_BUSINESS=acme\nEOF\n$ ./sync\n{SAGE_BODY}", t)
p = picked()
case(
    "heredoc-curl-json-body",
    f'curl -s https://acme.app.invoicexpress.com/login -d @- <<\'JSON\'\n{{\n  "login": "ops",\n  "password": "{p}"\n}}\n'
    f"JSON\n{IX_BODY}",
    p,
)
p = picked()
case(
    "heredoc-mysql-set-password",
    f"mysql -u root <<SQL\nSET PASSWORD FOR 'erp'@'%' = PASSWORD('{p}');\nSQL\nERROR 1064 (42000) at line 1",
    p,
)

# --- shell history
t = rnd(40, A)
case(
    "history-export-token",
    f'  501  export TOKEN={t}\n  502  curl -H "Authorization: Bearer $TOKEN" https://api.myob.com/accountright/',
    t,
)
p = picked()
case("history-export-quoted-password", f"   12  export MYOB_PASS='{p}'\n   13  python sync.py\n   14  history", p)
k = rnd(32, HEX)
case("zsh-extended-history", f": 1796608800:0;export IX_KEY={k}\n: 1796608812:0;./sync.sh\n", k)

# --- a credential assigned in a stack trace's code line
k = rnd(40, A)
case(
    "python-traceback-code-line",
    f'Traceback (most recent call last):\n  File "/app/sync.py", line 12, in <module>\n'
    f'    client = SageClient(client_id="acme", client_secret="{k}")\n'
    f'  File "/app/sage.py", line 40, in __init__\n    raise AuthError(resp.text)\nsage.AuthError: {SAGE_BODY}',
    k,
)
t = rnd(40, A)
case(
    "babel-code-frame",
    f"SyntaxError: /app/src/myob.js: Unexpected token (12:4)\n\n  10 | const client = new Myob({{\n"
    f"  11 |   key: 'acme',\n> 12 |   token: '{t}'\n     |   ^\n  13 | }});",
    t,
)
p = picked()
case(
    "javac-error-source-line",
    f'Main.java:5: error: cannot find symbol\n        String dbPassword = "{p}"; conn = connect(user, dbPassword)\n'
    f"                                                   ^",
    p,
)
p = picked()
case(
    "php-trace-arguments",
    f"PHP Fatal error:  Uncaught Exception: 401 in /app/Ix.php:40\nStack trace:\n"
    f"#0 /app/index.php(12): InvoiceXpress\\Client->__construct('acme', 'ops', '{p}')\n#1 {{main}}",
    p,
)
p = picked()
case(
    "rich-traceback-locals",
    f"│ ╭──────── locals ────────╮ │\n│ │ password = '{p}'  │ │\n│ │     user = 'Administrator' │ │\n"
    f"│ ╰────────────────────────╯ │\nHTTPError: 401 Client Error",
    p,
)

# --- percent-encoded, escaped
p = picked("!") + "@"
case(
    "form-password-url-encoded",
    f"POST /login body: login=ops&password={quote(p, safe='')}&remember=1 -> 401",
    quote(p, safe=""),
    p,
)
t = rnd(40, A)
dbl = quote(quote(f"https://app.acme.io/cb?token={t}", safe=""), safe="")
case("double-url-encoded-redirect", f"GET /sso/start?next={dbl} 302\nthen 401 at the callback", t)
k = rnd(32, HEX)
case("url-encoded-json-in-query", f"GET /track?data={quote(json.dumps({'api_key': k}), safe='')} HTTP/1.1 400", k)
p = picked()
case(
    "json-in-a-string-escaped-quotes",
    f'{{"level":"error","msg":"login failed","body":"{{\\"username\\":\\"ops\\",\\"password\\":\\"{p}\\"}}"}}',
    p,
)
c = rnd(40, A)
case(
    "json-double-escaped-in-string",
    f'{{"log":"{{\\\\\\"client_secret\\\\\\":\\\\\\"{c}\\\\\\"}}","stream":"stderr"}}',
    c,
)
p = picked()
case("unicode-escaped-key-name", f'{{"user":"ops","\\u0070assword":"{p}"}}\nHTTP 401', p)
p = picked()
esc = "".join(f"\\u{ord(ch):04x}" for ch in p)
case("unicode-escaped-value", f'{{"password": "{esc}"}}\n401 Unauthorized', esc, p)

# --- Windows
p = picked()
case(
    "windows-cmdkey-pass",
    f"C:\\> cmdkey /add:erp.acme.local /user:ACME\\ops /pass:{p}\nCMDKEY: Credential added successfully.",
    p,
)
p = picked()
case("windows-net-use-password", f"C:\\> net use \\\\files\\ledger {p} /user:ACME\\ops\nSystem error 86 has occurred.", p)
p = picked()
case("psexec-u-p", f"psexec \\\\erp01 -u ACME\\Administrator -p {p} cmd\nCould not start PSEXESVC service", p)

# --- mail, FTP and IMAP logins
p = picked()
u64, p64 = base64.b64encode(b"ops@acme.au").decode(), base64.b64encode(p.encode()).decode()
case(
    "smtp-auth-login-exchange",
    f"C: AUTH LOGIN\nS: 334 VXNlcm5hbWU6\nC: {u64}\nS: 334 UGFzc3dvcmQ6\nC: {p64}\nS: 535 5.7.8 Authentication failed",
    p64,
)
p = picked()
case(
    "curl-v-ftp-pass", f"< 331 Please specify the password.\n> PASS {p}\n< 530 Login incorrect.\ncurl: (67) Access denied: 530", p
)
p = picked()
case("imap-login-quoted", f'a001 LOGIN "ops@acme.pt" "{p}"\na001 NO [AUTHENTICATIONFAILED] Invalid credentials', p)
p = picked()
case("pop3-user-pass", f"+OK POP3 ready\nUSER ops\n+OK\nPASS {p}\n-ERR [AUTH] Authentication failed.", p)

# --- SQL that sets a password
p = picked()
case("mysql-create-user-identified-by", f"mysql> CREATE USER 'erp'@'%' IDENTIFIED BY '{p}';\nERROR 1396 (HY000)", p)
p = picked()
case("oracle-alter-user-identified-by-bare", f"SQL> ALTER USER erp IDENTIFIED BY {p} ACCOUNT UNLOCK;\nORA-28007", p)
p = picked()
case("postgres-alter-user-with-password", f"ALTER USER erp WITH PASSWORD '{p}';\nERROR:  role \"erp\" does not exist", p)
p = picked()
case(
    "postgres-create-role-login-password",
    f"LOG:  statement: CREATE ROLE sync LOGIN PASSWORD '{p}' VALID UNTIL 'infinity';\nERROR:  permission denied",
    p,
)
p = picked()
case("mssql-create-login", f"CREATE LOGIN erp WITH PASSWORD = '{p}', CHECK_POLICY = OFF;\nMsg 15118, Level 16", p)
p = picked()
case("mysql-grant-identified-by-error", f"ERROR 1064 (42000): You have an error near 'IDENTIFIED BY '{p}'' at line 1", p)

# --- the leftovers of secrets30
p = picked()
case("bare-administrator-slash-password", f"MYOB company file login\nAdministrator / {p}\n{MYOB_401}", p)
p = picked()
case("u-colon-p-colon", f"creds for the sandbox: u: ops p: {p}\n{IX_BODY}", p)
p = "Koala#24"
case("eight-char-password-wrapped-unindented", f"ERROR MYOB login failed for Administrator with password\n{p}\n{MYOB_401}", p)
p = "wombat12"
case("eight-char-password-wrapped-after-is", f"the password for the company file is\n{p}\nand it still says {MYOB_401}", p)
p = f"{R.choice(WORDS)}_{R.choice(WORDS)}".lower()
case("password-reads-as-words", f"I log in to InvoiceXpress as ops with password {p} and get 401", p)
p = picked()
case("username-password-slash-pair-prose", f"tried Administrator/{p} on the company file, still Access denied", p)

# --- found by probing variants of the shapes above
p = picked()
case("mssql-sp-addlogin", f"EXEC sp_addlogin 'erp', '{p}';\nMsg 15025, Level 16: The server principal 'erp' already exists.", p)
p, old = picked(), picked()
case("mssql-sp-password-old-new", f"EXEC sp_password '{old}', '{p}', 'erp'\nMsg 15151, Level 16", old, p)
p = picked()
case("mssql-alter-login-n-string", f"ALTER LOGIN sa WITH PASSWORD = N'{p}';\nMsg 15118, Level 16, State 1", p)
p = picked()
case(
    "postgres-e-string-password", f"ERROR:  syntax error at or near \"PASSWORD\"\nSTATEMENT:  ALTER ROLE erp PASSWORD = E'{p}'", p
)
p = picked()
case("windows-net-use-u-abbreviated", f"net use \\\\files\\ledger /u:ACME\\ops {p}\nSystem error 1326 has occurred.", p)
p = f"{R.choice(WORDS)}_{R.choice(WORDS)}".lower()
case("ftp-pass-words", f"---> USER ops\n331 Please specify the password.\n---> PASS {p}\n530 Login incorrect.", p)
p = picked()
case("mongo-change-user-password", f"> db.changeUserPassword('erp', '{p}')\nMongoServerError: not authorized on admin", p)
p = picked()
case("mysql-identified-by-double-quotes", f'CREATE USER erp@localhost IDENTIFIED BY "{p}";\nERROR 1819 (HY000)', p)
p = f"{R.choice(WORDS)}-{R.choice(WORDS)}".lower()
case("prose-the-password-was-words", f"the password was {p} and InvoiceXpress answered {IX_BODY}", p)

FOUND = {  # the pastes whose credential main showed before this round
    "php-trace-arguments",
    "oracle-alter-user-identified-by-bare",
    "bare-administrator-slash-password",
    "u-colon-p-colon",
    "eight-char-password-wrapped-unindented",
    "eight-char-password-wrapped-after-is",
    "password-reads-as-words",
    "username-password-slash-pair-prose",
    "mssql-sp-addlogin",
    "mssql-sp-password-old-new",
    "mssql-alter-login-n-string",
    "postgres-e-string-password",
    "windows-net-use-u-abbreviated",
    "ftp-pass-words",
    "mongo-change-user-password",
    "mysql-identified-by-double-quotes",
    "prose-the-password-was-words",
}

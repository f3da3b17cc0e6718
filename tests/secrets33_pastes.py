"""secrets33's adversarial pastes: secrets32's leftovers (letters-only passwords, ``пароль - pw``, a UNC path with a
login, HCL's ``default`` in a password variable, ``Secret("…")`` reprs, ``--password-file`` beside ``--password``),
then credentials behind escapes (JSON ``\\u0061``/``\\/``, JSON logged inside JSON, URL-encoded forms, base64 of
JSON), split JWTs, PEM and SSH keys, credential files (.netrc, .pgpass, docker config.json, kubeconfig, AWS), shell
traces and environment dumps, CI logs where a mask stands beside an unmasked copy, token shapes of Slack, Stripe,
Twilio, SendGrid, Shopify, Xero and QuickBooks, the four vendors' own keys in headers, URLs and Portuguese prose, HTTP/2
pseudo-headers, proxies, cookies, GraphQL variables and SQL. Every credential is generated here: random strings of
the real shapes (fixed seed), or a password of words and digits as a person picks one. ``CASES``: (id, paste,
credentials)."""

from __future__ import annotations

import json
import string
from functools import partial
from urllib.parse import quote

from secrets_kit import HEX, IX_BODY, LOW, MYOB_401, SAGE_BODY, URLSAFE, A, Round, b64

_ROUND = Round(3333)
R = _ROUND.random
rnd, case, picked, letters, CASES = _ROUND.rnd, _ROUND.case, _ROUND.picked, _ROUND.letters, _ROUND.cases


jwt = partial(_ROUND.jwt, "https://identity.xero.com", claim="iss", alg="RS256", kid=(16, HEX), sig=86)


def pem_body(n_lines=6):
    return "\n".join(rnd(64, A + "+/") for _ in range(n_lines))


# --- secrets32's leftovers
p = letters()
case("letters-password-after-word", f"connecting as ops with password {p}\n401 Unauthorized", p)
p = letters()
case("letters-password-wrapped-alone", f"login failed for buh@acme.pt with the password\n{p}\nHTTP 401", p)
p = letters()
case("letters-password-slash-pair", f"MYOB file login: Administrator / {p}\nstill 401 from the API", p)
p = picked()
case("russian-parol-dash", f"логин - buh\nпароль - {p}\nОшибка 401", p)
p = picked()
case("unc-with-login", f"Could not open \\\\ops:{p}@files.acme.local\\ledger\\export.csv: access denied", p)
p = picked()
case(
    "hcl-variable-default",
    f'variable "db_password" {{\n  type    = string\n  default = "{p}"\n}}\nError: 401 Unauthorized',
    p,
)
p = picked()
case("secret-repr-double", f'Settings(user="ops", api_key=Secret("{p}"))\nHTTPError: 401', p)
p = picked()
case("secretstr-repr-single", f"ValidationContext(password=SecretStr('{p}'), tenant='acme')\n401 Unauthorized", p)
p = picked()
case("password-file-then-password", f"sync --password-file=/run/secrets/pw --user ops --password {p}\n401", p)

# --- JSON escapes
p = picked()
esc = "".join(f"\\u{ord(c):04x}" if c in "aeo" else c for c in p)
case("json-unicode-escaped-password", f'{{\\"username\\":\\"ops\\",\\"password\\":\\"{esc}\\"}} -> 401 Unauthorized', p)
t = rnd(40, A)
case("json-escaped-slash-url-key", f'{{"url":"https:\\/\\/acme.app.invoicexpress.com\\/invoices.json?api_key={t}"}}', t)
p = picked()
inner = json.dumps({"request": {"auth": {"user": "ops", "password": p}}, "status": 401})
case("json-doubly-encoded-in-log", json.dumps({"level": "error", "msg": "upstream failed", "detail": json.dumps(inner)}), p)
t = rnd(48, A)
case(
    "json-escaped-authorization-in-msg",
    json.dumps({"time": "2026-02-01T10:00:00Z", "msg": f'sending headers {{"Authorization": "Bearer {t}"}}'}),
    t,
)
p = picked()
case("json-escaped-quote-in-password", json.dumps({"password": p + '"x', "status": 401}), p)

# --- URL encoding
p = picked()
case("urlencoded-form-encoded-eq", f"POST /login body=username%3Dops%26password%3D{p} -> 401", p)
p = picked()
case("urlencoded-at-in-userinfo", f"GET https://ops%40acme.pt:{p}@files.acme.io/export -> 401", p)
p = picked() + "@#"
case("urlencoded-password-percent", f"https://ops:{quote(p, safe='')}@db.acme.io:5432/ledger failed: 28P01", quote(p, safe=""))
t = rnd(40, HEX)
case(
    "urlencoded-twice-api-key", f"redirect=https%253A%252F%252Facme.app.invoicexpress.com%252Fclients.json%253Fapi_key%253D{t}", t
)

# --- base64
t = rnd(44, A)
case(
    "base64-json-token",
    f"state={b64(json.dumps({'token': t, 'tenant': 'acme'}))} 401",
    t,
    b64(json.dumps({"token": t, "tenant": "acme"}))[:40],
)
p = picked()
case(
    "base64-json-credentials-header",
    f"X-Credentials: {b64(json.dumps({'user': 'ops', 'password': p}))}\n401",
    b64(json.dumps({"user": "ops", "password": p})),
)

# --- JWTs split or inside other things
j = jwt()
h, b, s = j.split(".")
case("jwt-split-by-dot-lines", f"Authorization: Bearer {h}.\n{b}.\n{s}\nHTTP/1.1 401", b, s)
j = jwt()
case("jwt-in-query-string", f"GET /callback?id_token={j}&state=xyz 401", j.split(".")[2])
j = jwt()
case("jwt-bare-in-prose", f"the Xero token {j} expired yesterday, getting 401", j.split(".")[2])
j = jwt()
case("jwt-cookie", f"Cookie: lang=pt; access_token={j}; theme=dark\n401", j.split(".")[2])

# --- keys
k = pem_body()
case(
    "pem-encrypted-private-key",
    f"-----BEGIN ENCRYPTED PRIVATE KEY-----\n{k}\n-----END ENCRYPTED PRIVATE KEY-----\nunable to load key",
    k.split("\n")[2],
)
k = pem_body(5)
case(
    "openssh-private-key-indented",
    f"  key: |\n    -----BEGIN OPENSSH PRIVATE KEY-----\n    {k.replace(chr(10), chr(10) + '    ')}\n    -----END OPENSSH PRIVATE KEY-----\n",
    k.split("\n")[1],
)
k = pem_body(4)
case(
    "pem-in-json-string",
    json.dumps({"private_key": f"-----BEGIN PRIVATE KEY-----\n{k}\n-----END PRIVATE KEY-----\n"}),
    k.split("\n")[1],
)
p = picked()
case("ssh-keygen-passphrase", f"ssh-keygen -p -P {p} -N '' -f ~/.ssh/id_rsa\nBad passphrase.", p)

# --- credential files
p = picked()
case("netrc-multiline", f"$ cat ~/.netrc\nmachine api.acme.io\n  login ops\n  password {p}\ncurl: (22) 401", p)
p = picked()
case("pgpass-with-port-star", f"$ cat ~/.pgpass\n*:*:ledger:erp:{p}\npsql: error: FATAL: password authentication failed", p)
u = b64(f"ops:{(p := picked())}")
case(
    "docker-config-auths-pretty", f'{{\n  "auths": {{\n    "ghcr.io": {{\n      "auth": "{u}"\n    }}\n  }}\n}}\nunauthorized', u
)
t = rnd(40, A)
case("docker-config-identitytoken", json.dumps({"auths": {"acr.io": {"identitytoken": t}}}) + "\n401", t)
k = rnd(60, A)
case(
    "kubeconfig-token-and-key",
    f"users:\n- name: ops\n  user:\n    token: {k}\n    client-key-data: {b64(rnd(60))}\nerror: You must be logged in (401)",
    k,
)
p = picked()
case("kubeconfig-basic-password", f"users:\n- name: admin\n  user:\n    username: admin\n    password: {p}\n", p)
ak, sk = "AKIA" + rnd(16, string.ascii_uppercase + "234567"), rnd(40, A + "+/")
case("aws-credentials-file", f"[default]\naws_access_key_id = {ak}\naws_secret_access_key = {sk}\nregion = ap-southeast-2", sk)
sk, st = rnd(40, A + "+/"), rnd(300, A + "+/")
case(
    "aws-env-sort",
    f"$ env | sort\nAWS_ACCESS_KEY_ID=ASIA{rnd(16, string.ascii_uppercase)}\nAWS_SECRET_ACCESS_KEY={sk}\nAWS_SESSION_TOKEN={st}\nHOME=/root",
    sk,
    st[:60],
)
p = picked()
case("env-dump-db-pass", f"$ printenv\nPATH=/usr/bin\nDB_PASS={p}\nLANG=C.UTF-8", p)
p = picked()
case("docker-env-e", f"docker run -e MYOB_PASSWORD={p} -e LOG=debug acme/sync:2\n401 Unauthorized", p)

# --- shell traces
p = picked()
case("set-x-curl-u", f"+ curl -sf -u ops:{p} https://api.acme.io/v1/me\ncurl: (22) The requested URL returned error: 401", p)
t = rnd(40, HEX)
case("set-x-double-plus-export", f"++ export IX_API_KEY={t}\n++ IX_API_KEY={t}\n+ python sync.py\n401", t)
t = rnd(50, A)
case(
    "set-x-header-quoted", f"+ curl -H 'Authorization: Bearer {t}' https://api.accounting.sage.com/v3.1/contacts\n{SAGE_BODY}", t
)
p = picked()
case("bash-history-mysql", f"  512  mysql -h db -u erp --password={p} ledger\n  513  exit", p)

# --- CI logs
t = rnd(40, A)
case(
    "gha-masked-beside-unmasked",
    f"Run ./sync.sh\n  env:\n    IX_API_KEY: ***\n  + curl https://acme.app.invoicexpress.com/clients.json?api_key={t}\n401",
    t,
)
p = picked()
case(
    "gha-debug-env-evaluated",  # (the runner masks its secrets, not an env's value: ACTIONS_STEP_DEBUG's steps)
    "##[debug]Evaluating: env.DB_PASSWORD\n##[debug]Evaluating Index:\n##[debug]..Evaluating env:\n##[debug]..=> Object\n"
    f"##[debug]..Evaluating String:\n##[debug]..=> 'DB_PASSWORD'\n##[debug]=> '{p}'\n##[debug]Result: '{p}'\n"
    "##[error]Process completed with exit code 1.",
    p,
)
t = rnd(40, A)
case("gitlab-ci-variable-echo", f"$ echo $SAGE_TOKEN\n{t}\n$ ./sync\nERROR: 401", t)

# --- token shapes
t = f"xoxb-{R.randint(10**11, 10**12)}-{R.randint(10**12, 10**13)}-{rnd(24)}"
case("slack-bot-token-in-prose", f"slack_sdk.errors.SlackApiError: invalid_auth (token used: {t})", t[-20:])
t = f"https://hooks.slack.com/services/T{rnd(8, string.ascii_uppercase + '0123456789')}/B{rnd(8, string.ascii_uppercase + '0123456789')}/{rnd(24)}"
case("slack-webhook-in-json", json.dumps({"notify": {"url": t}}), t[-24:])
t = "sk_live_" + rnd(99)
case("stripe-live-long", f"stripe.error.AuthenticationError: Invalid API Key provided: {t}", t[12:40])
t = "rk_live_" + rnd(24)
case("stripe-restricted-in-header", f"Stripe-Account: acct_1Mz\nAuthorization: {t}\n401", t)
t = "whsec_" + rnd(32)
case("stripe-webhook-secret", f"STRIPE_WEBHOOK_SECRET={t} node server.js", t)
sid, tok = "AC" + rnd(32, HEX), rnd(32, HEX)
case(
    "twilio-sid-token-pair",
    f"TwilioRestException: HTTP 401 error: Unable to create record: Authenticate (client = Client('{sid}', '{tok}'))",
    tok,
)
sid, tok = "AC" + rnd(32, HEX), rnd(32, HEX)
case("twilio-curl-u", f"curl -X POST https://api.twilio.com/2010-04-01/Accounts/{sid}/Messages.json -u {sid}:{tok}", tok)
t = f"SG.{rnd(22, URLSAFE)}.{rnd(43, URLSAFE)}"
case("sendgrid-key-bare", f"python_http_client.exceptions.UnauthorizedError: HTTP Error 401 (key {t})", t[3:25])
t = "shpat_" + rnd(32, HEX)
case(
    "shopify-access-token-header",
    f"X-Shopify-Access-Token: {t}\n[API] Invalid API key or access token (unrecognized login or wrong password)",
    t,
)
t = "shpss_" + rnd(32, HEX)
case("shopify-shared-secret-yaml", f"shopify:\n  shared: {t}\n  shop: acme.myshopify.com", t)
cs = rnd(48, URLSAFE)
case(
    "xero-client-secret-form",
    f"POST https://identity.xero.com/connect/token grant_type=client_credentials&client_id=ABC&client_secret={cs} -> 400 invalid_client",
    cs,
)
r_ = "AB11" + rnd(46)
case("qbo-refresh-token", f"intuitlib.exceptions.AuthClientError: refresh failed for refresh_token {r_} (400 invalid_grant)", r_)
j = "eyJlbmMiOiJBMTI4Q0JDLUhTMjU2IiwiYWxnIjoiZGlyIn0.." + rnd(22, URLSAFE) + "." + rnd(300, URLSAFE) + "." + rnd(22, URLSAFE)
case("qbo-jwe-access-token", f'Authorization: Bearer {j}\n{{"fault":{{"error":[{{"code":"3200"}}]}}}}', j[60:120])

# --- the four vendors
p = picked()
cf = b64(f"Administrator:{p}")
case("myob-cftoken-lower", f"x-myobapi-cftoken: {cf}\nx-myobapi-key: {rnd(24, LOW + '0123456789')}\n{MYOB_401}", cf)
p = picked()
cf = b64(f"Administrator:{p}")
case("myob-cftoken-python-dict", f"headers={{'x-myobapi-cftoken': '{cf}', 'x-myobapi-version': 'v2'}}\n{MYOB_401}", cf)
p = picked()
case("myob-cftoken-decoded-shown", f"cftoken decodes to Administrator:{p}\n{MYOB_401}", p)
k = rnd(24, LOW + "0123456789")
case("myob-api-key-header", f"x-myobapi-key: {k}\n{MYOB_401}", k)
t = rnd(60, URLSAFE)
case("sage-x-site-with-bearer", f"X-Site: {rnd(32, HEX)}\nX-Business: {rnd(32, HEX)}\nAuthorization: Bearer {t}\n{SAGE_BODY}", t)
cs = rnd(40, A)
case("sage-client-secret-env", f"SAGE_CLIENT_ID=abc123\nSAGE_CLIENT_SECRET={cs}\n{SAGE_BODY}", cs)
k = rnd(40, HEX)
case("ix-api-key-mid-url", f"GET https://acme.app.invoicexpress.com/invoices/123.json?api_key={k}&page=1 -> 404\n{IX_BODY}", k)
k = rnd(40, HEX)
case("ix-portuguese-chave-e", f"Boa tarde, a minha chave é {k} e o InvoiceXpress responde 401", k)
k = rnd(40, HEX)
case("ix-portuguese-api-key-e", f"a api key é {k}, já gerei outra e continua o erro", k)
k = rnd(40, HEX)
case("ix-portuguese-chave-colon-pt", f"Conta: acme\nChave API: {k}\nResposta: {IX_BODY}", k)
k = rnd(32, A)
case("prospend-key-header", f"X-Api-Key: {k}\nHTTP/1.1 401 Unauthorized (ProSpend)", k)
k = rnd(32, A)
case("prospend-key-prose", f"our ProSpend API key is {k} but every call returns 401", k)

# --- HTTP details
t = rnd(48, A)
case("http2-pseudo-authorization", f":method: GET\n:path: /v1/ledger\nauthorization: Bearer {t}\n:status: 401", t)
t = rnd(48, A)
case("h2-frame-header-log", f"[h2] send HEADERS: :authority=api.acme.io authorization=Bearer {t}\n[h2] recv :status=401", t)
p = picked()
case(
    "proxy-authorization-basic",
    f"Proxy-Authorization: Basic {b64('ops:' + p)}\nHTTP/1.1 407 Proxy Authentication Required",
    b64("ops:" + p),
)
p = picked()
case("proxy-url-login", f"ProxyError: HTTPSConnectionPool: Cannot connect to proxy http://ops:{p}@proxy.acme.local:3128", p)
s = rnd(32, URLSAFE)
case("set-cookie-session", f"< HTTP/1.1 302 Found\n< Set-Cookie: session={s}; Path=/; HttpOnly\n< Location: /login", s)
s = rnd(40, A)
case("cookie-jar-line", f"# Netscape HTTP Cookie File\n.acme.io\tTRUE\t/\tTRUE\t0\tsessionid\t{s}\n401", s)
s = rnd(40, HEX)
case("laravel-session-cookie", f"Cookie: XSRF-TOKEN=abc; laravel_session={s}\n419 Page Expired", s)

# --- GraphQL and SQL
p = picked()
case(
    "graphql-variables-login",
    json.dumps({"query": "mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }",
                "variables": {"email": "ops@acme.pt", "password": p}}) + "\n401",
    p,
)  # fmt: skip
t = rnd(48, A)
case("graphql-inline-argument", f'mutation {{ connect(apiKey: "{t}") {{ ok }} }}\n{{"errors":[{{"message":"Unauthorized"}}]}}', t)
p = picked()
case("sql-identified-by", f"mysql> CREATE USER 'sync'@'%' IDENTIFIED BY '{p}';\nERROR 1396 (HY000)", p)
p = picked()
case("sql-alter-role-password", f"ledger=# ALTER ROLE erp WITH LOGIN PASSWORD '{p}';\nERROR:  permission denied", p)
p = picked()
case("sql-set-password-for", f"SET PASSWORD FOR 'sync'@'localhost' = '{p}';", p)
p = picked()
case("sql-mssql-create-login", f"CREATE LOGIN sync WITH PASSWORD = N'{p}', CHECK_POLICY = OFF;\nMsg 15118", p)
p = picked()
case("sql-in-log-line", f"2026-02-01 10:00:00 ERROR statement: ALTER USER erp PASSWORD '{p}'", p)

FOUND = {  # the pastes whose credential main showed before this round
    "letters-password-after-word",
    "letters-password-wrapped-alone",
    "letters-password-slash-pair",
    "russian-parol-dash",
    "unc-with-login",
    "hcl-variable-default",
    "gha-debug-env-evaluated",
    "myob-cftoken-decoded-shown",
    "ix-portuguese-chave-e",
}

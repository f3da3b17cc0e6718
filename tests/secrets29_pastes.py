"""secrets29's adversarial pastes: credentials of real shapes in the wrappings users paste them in (dumps, escapes,
flags, cassettes, query results). Every credential is generated here: random strings of the real shapes (fixed seed),
or a password of words and digits as a person picks one (no randomness test sees it). ``CASES``: (id, paste, the
credentials in it)."""

from __future__ import annotations

import base64
import json

from secrets_kit import B64, HEX, IX_BODY, MYOB_BODY, SAGE_BODY, UP, A, Round

_ROUND = Round(2929)
R = _ROUND.random
rnd, case, CASES = _ROUND.rnd, _ROUND.case, _ROUND.cases


MYOB_URL = "https://api.myob.com/accountright/0b2f8a3c-1d4e-4b5f-9a6b-7c8d9e0f1a2b/Sale/Order/Item"


def jwt():
    h = base64.urlsafe_b64encode(b'{"alg":"RS256","typ":"JWT","kid":"' + rnd(20).encode() + b'"}').rstrip(b"=").decode()
    p = (
        base64.urlsafe_b64encode(json.dumps({"sub": rnd(24), "exp": 1893456000, "scope": "sme-company-file"}).encode())
        .rstrip(b"=")
        .decode()
    )
    return f"{h}.{p}.{rnd(86, A + '-_')}"


# --- AWS
ak, sk = "AKIA" + rnd(16, UP), rnd(40, B64)
case(
    "aws-credentials-file-crlf",
    f"[default]\r\naws_access_key_id = {ak}\r\naws_secret_access_key = {sk}\r\n\r\nHTTP/1.1 400 Bad Request\r\n\r\n{MYOB_BODY}",
    ak,
    sk,
)
ak2, sk2, st2 = "ASIA" + rnd(16, UP), rnd(40, B64), "IQoJb3JpZ2luX2VjE" + rnd(300, B64)
case(
    "aws-sts-xml",
    f"<AssumeRoleResult><Credentials><AccessKeyId>{ak2}</AccessKeyId><SecretAccessKey>{sk2}</SecretAccessKey><SessionToken>{st2}</SessionToken></Credentials></AssumeRoleResult>\nPOST {MYOB_URL}\nHTTP/1.1 400\n\n{MYOB_BODY}",
    ak2,
    sk2,
    st2[:60],
)
sk3 = rnd(40, B64)
case(
    "aws-sigv4-header-split",
    f"> GET {MYOB_URL} HTTP/1.1\n> X-Amz-Security-Token: {st2[:40]}\n>   {st2[40:120]}\n> Authorization: AWS4-HMAC-SHA256 Credential={ak}/20261206/ap-southeast-2/execute-api/aws4_request, SignedHeaders=host;x-amz-date, Signature={rnd(64, HEX)}\n< HTTP/1.1 400\n{MYOB_BODY}",
    ak,
    st2[40:100],
)
case(
    "aws-env-export-quoted-single",
    f"$ export AWS_SECRET_ACCESS_KEY='{sk3}'\n$ python sync.py\nmyob error 401 OAuthTokenIsInvalid",
    sk3,
)
# --- GCP
pk_body = "\n".join(rnd(64, B64) for _ in range(8))
gcp = {
    "type": "service_account",
    "project_id": "ledger-sync-1234",
    "private_key_id": rnd(40, HEX),
    "private_key": f"-----BEGIN PRIVATE KEY-----\n{pk_body}\n-----END PRIVATE KEY-----\n",
    "client_email": "sync@ledger-sync-1234.iam.gserviceaccount.com",
    "client_id": "1" + rnd(20, "0123456789"),
}
case(
    "gcp-sa-json-in-json-string",
    json.dumps({"level": "error", "msg": "MYOB request failed 401", "config": json.dumps(gcp)}),
    gcp["private_key_id"],
    pk_body.split("\n")[3],
)
case(
    "gcp-sa-python-repr",
    f"settings loaded: {gcp!r}\nHTTP/1.1 401 Unauthorized\n{MYOB_BODY}",
    gcp["private_key_id"],
    pk_body.split("\n")[2],
)
gapi = "AIza" + rnd(35, A + "-_")
case(
    "gcp-api-key-query-percent",
    f"GET https://maps.googleapis.com/maps/api/geocode/json?address=1%20Main%20St&key%3D{gapi} -> 403",
    gapi,
)
goa = "ya29." + rnd(150, A + "-_")
case(
    "google-oauth-ya29-wrapped-80",
    "Authorization: Bearer " + goa[:60] + "\n" + goa[60:140] + "\n" + goa[140:] + "\nHTTP/1.1 401",
    goa[:40],
    goa[60:120],
)
# --- Azure
azk = rnd(86, B64) + "=="
case(
    "azure-conn-string-in-exception",
    f"System.ArgumentException: Connection string 'DefaultEndpointsProtocol=https;AccountName=ledgerblob;AccountKey={azk};EndpointSuffix=core.windows.net' is invalid\n   at Sync.Program.Main()",
    azk[:50],
)
sig = rnd(43, B64) + "%3D"
case(
    "azure-sas-url-html-entities",
    f'<a href="https://ledgerblob.blob.core.windows.net/exports/a.csv?sv=2022-11-02&amp;ss=b&amp;srt=o&amp;sp=r&amp;se=2026-12-31T00:00:00Z&amp;sig={sig}">download</a>',
    sig[:40],
)
azsb = rnd(44, B64)
case(
    "azure-servicebus-backslash-escaped",
    '{\\"conn\\":\\"Endpoint=sb://ledger.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey='
    + azsb
    + '\\"}',
    azsb[:30],
)
# --- Stripe / Slack / GitHub
stk = "sk_live_" + rnd(99)
case("stripe-key-python-bytes-repr", f"b'Authorization: Bearer {stk}\\r\\nContent-Type: application/json\\r\\n'", stk[8:50])
rk = "rk_live_" + rnd(99)
case(
    "stripe-restricted-in-yaml-list", f"keys:\n  - name: reports\n    value: >-\n      {rk}\nHTTP/1.1 400\n{SAGE_BODY}", rk[8:50]
)
whsec = "whsec_" + rnd(32)
case(
    "stripe-webhook-secret-java-tostring",
    f"WebhookConfig{{endpoint='https://example.org/hook', signingSecret='{whsec}', tolerance=300}}",
    whsec[6:],
)
xoxb = f"xoxb-{rnd(12, '0123456789')}-{rnd(13, '0123456789')}-{rnd(24)}"
case(
    "slack-token-unicode-escaped",
    json.dumps({"text": f"token={xoxb}"}, ensure_ascii=False).replace("=", "\\u003d").replace("-", "\\u002d"),
    xoxb[-24:],
)
slackhook = f"https://hooks.slack.com/services/T{rnd(8, UP)}/B{rnd(10, UP)}/{rnd(24)}"
case(
    "slack-webhook-markdown-link", f"alerts go to [#ops]({slackhook}) and failed with 404 no_service", slackhook.rsplit("/", 1)[1]
)
ghp = "ghp_" + rnd(36)
case(
    "github-token-git-remote-v",
    f"$ git remote -v\norigin\thttps://x-access-token:{ghp}@github.com/acme/ledger-sync.git (fetch)\norigin\thttps://x-access-token:{ghp}@github.com/acme/ledger-sync.git (push)",
    ghp[4:],
)
ghpat = "github_pat_" + rnd(22) + "_" + rnd(59)
case("github-fine-grained-pat-in-toml", f'[tool.sync]\nrepo = "acme/ledger"\ngh = "{ghpat}"\n', ghpat[11:50])
gho = "gho_" + rnd(36)
case(
    "github-oauth-token-http2-pseudo",
    f":method: GET\n:authority: api.github.com\n:path: /user\nauthorization: token {gho}\n:status: 401",
    gho[4:],
)
# --- OAuth / JWT
rt = rnd(48, A + "!*")
at = jwt()
case(
    "oauth-token-response-myob",
    f'POST https://secure.myob.com/oauth2/v1/authorize\nHTTP/1.1 200\n\n{{"access_token":"{at}","token_type":"bearer","expires_in":"1200","refresh_token":"{rt}","scope":"CompanyFile"}}\nGET {MYOB_URL}\nHTTP/1.1 400\n\n{MYOB_BODY}',
    at.split(".")[2][:40],
    rt,
)
case(
    "jwt-split-on-dots-newlines",
    f"Bearer {at.split('.')[0]}.\n{at.split('.')[1]}.\n{at.split('.')[2]}\nHTTP/1.1 401",
    at.split(".")[2][:40],
    at.split(".")[1][:40],
)
rt2 = rnd(40, A)
case(
    "refresh-token-form-body",
    f'> POST /oauth2/v1/authorize HTTP/1.1\n> Content-Type: application/x-www-form-urlencoded\n>\nclient_id=abc&client_secret={rnd(24)}&refresh_token={rt2}&grant_type=refresh_token\n< HTTP/1.1 400\n{{"error":"invalid_grant"}}',
    rt2,
)
cs = rnd(24)
case(
    "client-secret-double-url-encoded",
    f"GET /callback?state=x&redirect=https%253A%252F%252Fapp%252Fcb%253Fclient_secret%253D{cs}%2526code%253Dabc HTTP/1.1",
    cs,
)
# --- basic auth in URLs
pw = rnd(18, A + "!$")
case(
    "basic-auth-url-ipv6-host",
    f"requests.exceptions.ConnectionError: HTTPSConnectionPool(host='[2001:db8::1]', port=443): url https://svc:{pw}@[2001:db8::1]:443/v1",
    pw,
)
pw2 = rnd(14, A)
case("basic-auth-url-percent-encoded-at", f"fetch failed: https://admin%40acme.com:{pw2}%21@api.example.org/accountright", pw2)
b64creds = base64.b64encode(f"sync:{rnd(20)}".encode()).decode()
case(
    "basic-auth-header-lowercase-colonless",
    f'authorization basic {b64creds}\nHTTP/1.1 401 Unauthorized\nWWW-Authenticate: Basic realm="api"',
    b64creds[5:],
)
# --- MYOB / Sage / IX
myk, myc = rnd(24, A), base64.b64encode(f"Administrator:{rnd(12)}".encode()).decode()
case(
    "myob-headers-curl-v",
    f"> GET {MYOB_URL} HTTP/1.1\n> x-myobapi-key: {myk}\n> x-myobapi-cftoken: {myc}\n> x-myobapi-version: v2\n< HTTP/1.1 400 Bad Request\n<\n{MYOB_BODY}",
    myk,
    myc[:20],
)
case(
    "myob-headers-powershell",
    f"PS> Invoke-RestMethod -Uri '{MYOB_URL}' -Headers @{{ 'x-myobapi-key' = '{myk}'; 'x-myobapi-cftoken' = '{myc}'; Authorization = \"Bearer $tok\" }}\nInvoke-RestMethod : {MYOB_BODY}",
    myk,
    myc[:20],
)
case(
    "myob-headers-python-dict-repr",
    f"headers={{'x-myobapi-key': '{myk}', 'x-myobapi-cftoken': '{myc}', 'Accept': 'application/json'}}\n400 {MYOB_BODY}",
    myk,
    myc[:20],
)
case(
    "myob-headers-csharp-add",
    f'client.DefaultRequestHeaders.Add("x-myobapi-key", "{myk}");\nclient.DefaultRequestHeaders.Add("x-myobapi-cftoken", "{myc}");\n// -> 400 {MYOB_BODY}',
    myk,
    myc[:20],
)
ixk = rnd(40, HEX)
case(
    "ix-api-key-query-string",
    f"GET https://acme.app.invoicexpress.com/clients/find-by-name.json?client_name=Bob&api_key={ixk} 404\n{IX_BODY}",
    ixk,
)
case(
    "ix-api-key-in-ruby-hash",
    f'params = {{:api_key=>"{ixk}", :client_name=>"Bob"}}\nRestClient::NotFound: 404 Not Found {IX_BODY}',
    ixk,
)
sgt = rnd(64, A + "-_")
case(
    "sage-bearer-in-http-log-line",
    f'2026-12-06 10:00:01 INFO httpx: HTTP Request: GET https://api.accounting.sage.com/v3.1/contacts "HTTP/1.1 422" headers={{"authorization": "Bearer {sgt}"}}\n{SAGE_BODY}',
    sgt[:40],
)
sgk = rnd(32, HEX)
case("sage-subscription-key", f"Ocp-Apim-Subscription-Key: {sgk}\nHTTP/1.1 401\n{SAGE_BODY}", sgk)
# --- PEM
ec = "\n".join(rnd(64, B64) for _ in range(3))
case(
    "pem-ec-key-in-json-escaped-newlines",
    json.dumps({"key": f"-----BEGIN EC PRIVATE KEY-----\n{ec}\n-----END EC PRIVATE KEY-----"}),
    ec.split("\n")[1][:40],
)
case(
    "pem-key-without-header-indented",
    f"private_key: |\n    MIIEvQIBADANBgkqhkiG9w0BAQEFAASC{rnd(32, B64)}\n    {ec.split(chr(10))[0]}\n    {ec.split(chr(10))[1]}\nerror 401",
    ec.split("\n")[0][:40],
)
ossh = "\n".join(rnd(70, B64) for _ in range(4))
case(
    "openssh-key-with-crlf",
    f"-----BEGIN OPENSSH PRIVATE KEY-----\r\nb3BlbnNzaC1rZXktdjEAAAAA{ossh[:40]}\r\n{ossh}\r\n-----END OPENSSH PRIVATE KEY-----\r\n",
    ossh.split("\n")[2][:40],
)
# --- .env dumps
dbp, sec = rnd(16, A + "#%"), rnd(50, A)
case(
    "env-dump-mixed-quotes",
    f"APP_ENV=production\nDB_PASSWORD=\"{dbp}\"\nSECRET_KEY_BASE={sec}\nMYOB_CLIENT_SECRET='{rnd(22)}'\nLOG_LEVEL=debug",
    dbp,
    sec[:40],
)
case(
    "env-dump-docker-inspect",
    json.dumps(
        {"Config": {"Env": [f"DATABASE_URL=postgres://app:{dbp}@db:5432/ledger", f"SAGE_CLIENT_SECRET={sec}", "PATH=/usr/bin"]}},
        indent=2,
    ),
    dbp,
    sec[:40],
)
case("env-dump-systemd-show", f"Environment=NODE_ENV=production STRIPE_KEY={stk} DB_PASS={dbp}", stk[8:50], dbp)
# --- kubectl secrets
kp = rnd(24)
case(
    "kubectl-secret-yaml-base64",
    f"apiVersion: v1\ndata:\n  password: {base64.b64encode(kp.encode()).decode()}\n  username: YWRtaW4=\nkind: Secret\nmetadata:\n  name: myob-creds\ntype: Opaque",
    base64.b64encode(kp.encode()).decode(),
    kp,
)
case(
    "kubectl-describe-secret-json-decoded",
    f"$ kubectl get secret myob -o jsonpath='{{.data.token}}' | base64 -d\n{kp}\n$ curl ... 401",
    kp,
)
# --- curl flags
upw = rnd(12, A)
case("curl-u-flag-quoted", f"$ curl -s -u 'sync@acme.com:{upw}' '{MYOB_URL}'\n{MYOB_BODY}", upw)
case(
    "curl-header-equals-flag",
    f"curl --header='Authorization: Bearer {sgt}' --url https://api.accounting.sage.com/v3.1/contacts\n{SAGE_BODY}",
    sgt[:40],
)
case(
    "httpie-header-colon",
    f"$ http GET {MYOB_URL} x-myobapi-key:{myk} 'Authorization:Bearer {sgt}'\nHTTP/1.1 400\n{MYOB_BODY}",
    myk,
    sgt[:40],
)
case("wget-password-flag", f"wget --user=sync --password={upw} https://files.example.org/export.csv\n401 Unauthorized", upw)
# --- escapes
case(
    "percent-encoded-bearer-in-log",
    f"request=GET%20%2Fv3.1%2Fcontacts%20Authorization%3A%20Bearer%20{sgt}%20 status=401",
    sgt[:40],
)
case("html-entity-encoded-password", f"<pre>password&#61;&quot;{upw}&quot;</pre> HTTP 401", upw)
case("unicode-escaped-myob-key", '{"headers":{"x\\u002dmyobapi\\u002dkey":"' + myk + '"},"status":400}', myk)
case(
    "triple-nested-json-token",
    json.dumps({"msg": json.dumps({"req": json.dumps({"headers": {"Authorization": f"Bearer {sgt}"}})})}),
    sgt[:40],
)
case("hex-escaped-password-python", "".join(f"\\x{b:02x}" for b in f"password={upw}".encode()) + " -> 401", upw)
# --- HAR / VCR
har = {
    "log": {
        "version": "1.2",
        "entries": [
            {
                "request": {
                    "method": "GET",
                    "url": MYOB_URL,
                    "headers": [
                        {"name": "x-myobapi-key", "value": myk},
                        {"name": "x-myobapi-cftoken", "value": myc},
                        {"name": "Cookie", "value": f"sid={rnd(32)}"},
                    ],
                    "cookies": [{"name": "sid", "value": rnd(32)}],
                },
                "response": {"status": 400, "headers": [], "content": {"mimeType": "application/json", "text": MYOB_BODY}},
            }
        ],
    }
}
case("har-myob-headers", json.dumps(har), myk, myc[:20])
vcr = f"""interactions:
- request:
    body: client_id=abc&client_secret={cs}&grant_type=client_credentials
    headers:
      Authorization:
      - Basic {b64creds}
    method: POST
    uri: https://api.accounting.sage.com/v3.1/contacts
  response:
    body:
      string: '{SAGE_BODY}'
    status:
      code: 422
      message: Unprocessable Entity
version: 1
"""
case("vcr-cassette-sage", vcr, cs, b64creds[5:])
# --- log lines (also scanned)
case(
    "logfmt-token-line",
    f'ts=2026-12-06T10:00:00Z level=error msg="myob call failed" status=401 api_key={myk} cftoken={myc}',
    myk,
    myc[:20],
)
case(
    "nginx-access-log-query-token",
    f'10.0.0.1 - - [06/Dec/2026:10:00:00 +0000] "GET /v3.1/contacts?access_token={sgt} HTTP/1.1" 401 112 "-" "python-requests/2.31"',
    sgt[:40],
)
case(
    "java-tostring-credentials",
    f"2026-12-06 10:00:00 ERROR Client - request failed: OAuthCredentials[clientId=abc123, clientSecret={cs}, refreshToken={rt2}] status=401",
    cs,
    rt2,
)
case(
    "go-struct-percent-v",
    f"config: {{BaseURL:https://api.myob.com ApiKey:{myk} Password:{upw} Timeout:30s}}\nerror: 401 Unauthorized",
    myk,
    upw,
)
case(
    "rust-debug-struct",
    f'Error: Request {{ method: GET, url: "{MYOB_URL}", headers: {{"x-myobapi-key": "{myk}", "authorization": "Bearer {sgt}"}} }}',
    myk,
    sgt[:40],
)
session = rnd(48)
case(
    "set-cookie-response-header",
    f"HTTP/2 401\nset-cookie: __Host-session={session}; Path=/; Secure; HttpOnly\n\n{SAGE_BODY}",
    session,
)
np = rnd(30, A)
case("npmrc-auth-token", f"//registry.npmjs.org/:_authToken={np}\nnpm ERR! code E401", np)
pyp = "pypi-AgEIcHlwaS5vcmc" + rnd(60, A + "-_")
case("pypirc-token", f"[pypi]\n  username = __token__\n  password = {pyp}", pyp[20:60])
dck = base64.b64encode(f"user:{rnd(16)}".encode()).decode()
case("docker-config-auths", json.dumps({"auths": {"https://index.docker.io/v1/": {"auth": dck}}}), dck[4:])
case(
    "mysql-cli-p-attached",
    f"$ mysql -h db -u app -p{upw} ledger\nERROR 1045 (28000): Access denied for user 'app'@'10.0.0.5'",
    upw,
)
case(
    "psql-connection-uri-spaces",
    f"psql 'host=db user=app password={upw} dbname=ledger sslmode=require'\npsql: error: FATAL: password authentication failed",
    upw,
)
case(
    "sqlserver-conn-string-pwd",
    f"Server=tcp:ledger.database.windows.net,1433;Initial Catalog=ledger;User ID=app;Pwd={upw};Encrypt=True;",
    upw,
)
case("ssh-sshpass", f"sshpass -p '{upw}' ssh deploy@10.0.0.9 'systemctl restart sync'", upw)
sid, twilio = rnd(32, HEX), rnd(32, HEX)
case("twilio-sid-and-token", f"TWILIO_ACCOUNT_SID=AC{sid}\nTWILIO_AUTH_TOKEN={twilio}", twilio)
sendg = "SG." + rnd(22, A + "-_") + "." + rnd(43, A + "-_")
case(
    "sendgrid-key-in-exception",
    f"python_http_client.exceptions.UnauthorizedError: HTTP Error 401: Unauthorized (api_key={sendg[:10]}...{sendg[10:]})",
    sendg[10:50],
)
case("password-in-json-array-pairs", json.dumps([["username", "sync"], ["password", upw], ["grant", "password"]]), upw)
case("yaml-anchor-secret", f"defaults: &d\n  secret: &s {sec}\nprod:\n  <<: *d\n  key: *s", sec[:40])
case("secret-in-xml-attr-single", f"<add key='MyobApiSecret' value='{sec}' />\n<add key='Timeout' value='30' />", sec[:40])
xsrf, laravel = rnd(40), rnd(200, B64)
case("cookie-header-many", f"Cookie: _ga=GA1.2.1.2; XSRF-TOKEN={xsrf}; laravel_session={laravel}", xsrf, laravel[:40])
case("authorization-in-error-message-quoted", f"ValueError: Invalid header value b'Bearer {sgt}\\n'", sgt[:40])
case("token-split-by-backslash-continuation", f'curl -H "Authorization: Bearer {sgt[:30]}\\\n{sgt[30:]}" {MYOB_URL}', sgt[30:60])
case("fullwidth-colon-password", f"password\uff1a{upw}\nHTTP/1.1 401", upw)
case("zero-width-in-key-name", f"pass\u200bword={upw} then 401", upw)
case("password-after-bidi-override", f"\u202epassword={upw}\u202c 401", upw)
case("ansi-colored-token", f"\x1b[33mAuthorization:\x1b[0m Bearer \x1b[1m{sgt}\x1b[0m\nHTTP/1.1 401", sgt[:40])
b64env = base64.b64encode(f"DB_PASSWORD={upw}\nAPI_KEY={myk}\n".encode()).decode()
case("base64-of-env-file", b64env + "\n^ decoded that and got 401", b64env[8:40])
# --- second batch: shapes the probes found shown (secrets29)
WORDS = ["Winter", "Ledger", "Koala", "Harbour", "Invoice", "Wombat", "Sydney", "Payroll"]


def human():
    """A password a person picks (words and digits): no randomness test sees it."""
    return R.choice(WORDS) + R.choice(WORDS) + str(R.randint(1, 99))


v1, v2, v3 = human(), human(), human()
case(
    "mysql-one-column-password",
    f"mysql> SELECT api_secret FROM myob_settings WHERE id = 1;\n+--------------------------+\n| api_secret               |\n+--------------------------+\n| {v3} |\n+--------------------------+\n1 row in set (0.00 sec)\nthen the API says 401 OAuthTokenIsInvalid",
    v3,
)
case(
    "psql-one-column-token",
    f"ledger=# select refresh_token from oauth_tokens;\n     refresh_token\n----------------------\n {v2}\n {v1}\n(2 rows)\n",
    v2,
    v1,
)
case(
    "sqlite-column-mode-api-key",
    f"sqlite> .mode column\nsqlite> select api_key from config;\napi_key\n----------------\n{v1}\n",
    v1,
)
case("yaml-str-tag-password", f"myob:\n  username: Administrator\n  password: !!str {v1}\nerror: 401 Unauthorized", v1)
case("yaml-custom-tag-token", f"sage:\n  access_token: !decrypt {v3}\n  region: uk", v3)
case(
    "yaml-binary-tag-inline",
    f"invoicexpress:\n  api_key: !!binary {base64.b64encode(v2.encode()).decode()}",
    base64.b64encode(v2.encode()).decode(),
)
case("prose-key-i-used-was", f"The API key I used was {v2} and MYOB still answers 401 OAuthTokenIsInvalid", v2)
case("prose-token-we-got-was", f"the token we got back was {v3}, then every call failed with HTTP 401", v3)
case("psw-abbreviation-env", f"MYOB_USER=Administrator\nMYOB_PSW={v1}\nHTTP/1.1 401", v1)
case("psw-in-query-string", f"GET https://acme.app.invoicexpress.com/api/login?user=bob&psw={v1} -> 401", v1)
cf = base64.b64encode(f"Administrator:{human()}".encode()).decode()
case(
    "devtools-headers-copied-name-then-value",
    f"Request Headers\naccept\napplication/json\nx-myobapi-cftoken\n{cf}\nx-myobapi-version\nv2\n\n{MYOB_BODY}",
    cf,
)
v4 = human()
case("devtools-form-data-name-then-value", f"Form Data\nusername\nAdministrator\npassword\n{v4}\n\nHTTP 401", v4)

FOUND = {  # the pastes whose credential main showed before this round, each a shape no earlier test had
    "mysql-one-column-password",
    "psql-one-column-token",
    "sqlite-column-mode-api-key",
    "yaml-str-tag-password",
    "yaml-custom-tag-token",
    "prose-key-i-used-was",
    "psw-abbreviation-env",
    "psw-in-query-string",
    "devtools-form-data-name-then-value",
}

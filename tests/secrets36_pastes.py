"""secrets36's adversarial pastes: secrets35's leftovers (``ops/tasmandingo``, ``ops | x``, ``ops : x``, "I used X as
the password", ``pw X``, a bare ``ops Harbour4821``), then shapes no earlier round tried: credentials URL-encoded and
double-encoded, wrapped in base64, base32 or hex, JSON strings written in ``\\u`` escapes, split over two lines or two
log records, HTTP/2 pseudo-headers (nghttp, h2 frame logs), gRPC metadata, Kubernetes secrets and pod env dumps,
.netrc, .pgpass, Docker config.json ``auths``, .npmrc and .pypirc, git credential helper output, PEM and SSH keys with
CR, CRLF or escaped line ends, JWTs in cookies, AWS SigV4 query strings, Azure SAS tokens, GCP service-account JSON,
Slack, Stripe, GitHub and GitLab token formats, a password in a Python, Java or .NET exception's repr, a stack frame's
locals (Sentry-like ``password = 'x'``), SQL INSERTs, LDAP binds, connection strings of ten databases, OTP and
recovery codes, and passphrases of several words after a label. All synthetic: every credential is generated here,
random strings of the real shapes (fixed seed) or a password as a person picks one. ``CASES``: (id, paste,
credentials)."""

from __future__ import annotations

import base64
import json
from urllib.parse import quote

from secrets_kit import B64, HEX, IX_BODY, LOW, MYOB_401, PROSPEND_401, SAGE_BODY, URLSAFE, A, Round, b64

_ROUND = Round(3636)
R = _ROUND.random
rnd, case, picked, letters, CASES = _ROUND.rnd, _ROUND.case, _ROUND.picked, _ROUND.letters, _ROUND.cases
DIG = "0123456789"


jwt = _ROUND.jwt


def ending_word():
    return f"{R.choice(('kestrel', 'quokka', 'mallee', 'wombat', 'tasman'))}{R.choice(('morning', 'dingo', 'harbour', 'ledger'))}"


def pem_body(n=5):
    return [rnd(64, B64) for _ in range(n)]


# --- secrets35's leftovers
p = ending_word()
case("bare-slash-no-spaces-letters", f"ops/{p}\n{MYOB_401}", p)
p = ending_word()
case("bare-pipe-pair-letters", f"ops | {p}\n{MYOB_401}", p)
p = ending_word()
case("bare-colon-spaced-pair-letters", f"ops : {p}\n{PROSPEND_401}", p)
p = picked()
case("prose-used-x-as-the-password", f"I used {p} as the password and MYOB still says\n{MYOB_401}", p)
p = picked()
case("pw-then-value", f"pw {p}\n{MYOB_401}", p)
p = ending_word()
case("pw-then-letters", f"staging login: ops, pw {p}\n{SAGE_BODY}", p)
p = picked()
case("bare-user-space-password", f"ops {p}\n{MYOB_401}", p)
p = picked()
case("bare-user-space-password-listed", f"creds for staging:\nops {p}\nthen 401 from ProSpend\n{PROSPEND_401}", p)

# --- encodings
p = picked()
case("url-encoded-json-body", f"POST /login body=%7B%22user%22%3A%22ops%22%2C%22password%22%3A%22{p}%22%7D\n401", p)
p = picked()
pw = quote(quote(f"password={p}", safe=""), safe="")
case("double-encoded-pair-bare", f"redirect_uri=https%3A%2F%2Fapp%2Fcb%3Fnext%3D{pw}\n302", p)
p = picked()
case("url-encoded-key-name", f"GET /v1/login?user=ops&pass%77ord={p} 401", p)
k = rnd(40, HEX)
case("url-encoded-api-key-name", f"GET /clients.json?api%5Fkey={k} 401\n{IX_BODY}", k)
p = picked()
enc = base64.b32encode(f"password={p}".encode()).decode()
case("base32-wrapped-pair", f"debug blob (base32): {enc}\n401", enc[8:40])
p = picked()
hx = f"password={p}".encode().hex()
case("hex-wrapped-pair", f"payload hex={hx}\nERROR 401", hx[18:60])
p = picked()
hx = json.dumps({"user": "ops", "password": p}).encode().hex()
case("hex-wrapped-json-bare", f"2026-02-01 DEBUG body 0x{hx}\n401", hx[40:90])
p = picked()
bb = b64(f"user=ops&password={p}")
case("base64-form-body", f'{{"body": "{bb}", "isBase64Encoded": true}}\n401', bb[12:40])
p = picked()
esc = "".join(f"\\u{ord(c):04x}" for c in p)
case("json-unicode-escaped-value", f'{{"user":"ops","password":"{esc}"}}\n401', esc[:36])
t = rnd(40, A)
esc = "".join(f"\\u{ord(c):04x}" for c in "api_key")
case("json-unicode-escaped-key-bare-token", f'{{"{esc}": "{t}"}}', t)
p = picked()
case("json-double-escaped-string", f'{{"log": "{{\\"user\\":\\"ops\\",\\"password\\":\\"{p}\\"}}"}}', p)
p = picked()
case("html-entity-encoded", f"&lt;password&gt;{p}&lt;/password&gt; 401", p)
p = picked()
ent = "".join(f"&#{ord(c)};" for c in p)
case("html-numeric-entities-pair", f"password&#61;{ent}\n401", ent)

# --- split over lines and records
t = rnd(64, A)
case(
    "token-split-two-log-records",
    f"2026-02-01 10:00:00,001 DEBUG auth: Authorization: Bearer {t[:32]}\n2026-02-01 10:00:00,001 DEBUG auth: {t[32:]}\n401",
    t[:32],
    t[32:],
)
p = picked()
case("password-label-then-next-line", f"Password:\n{p}\n{MYOB_401}", p)
k = rnd(40, HEX)
case("api-key-wrapped-mid-word-with-backslash", f"export IX_API_KEY={k[:20]}\\\n{k[20:]}\n{IX_BODY}", k[:20], k[20:])

# --- HTTP/2, gRPC
t = rnd(48, URLSAFE)
case(
    "nghttp-pseudo-header-path-token",
    f"[  0.012] send HEADERS frame <length=60, flags=0x25, stream_id=13>\n          ; END_STREAM | END_HEADERS\n"
    f"          :method: GET\n          :path: /v1/invoices?access_token={t}\n          :authority: api.acme.io\n"
    "[  0.044] recv (stream_id=13) :status: 401",
    t,
)
t = rnd(40, A)
case("h2-authorization-lower", f"> :method: GET\n> :path: /v1\n> authorization: bearer {t}\n< :status: 401", t)
t = rnd(40, A)
case(
    "grpc-metadata-tuple",
    f"metadata = [('authorization', 'Bearer {t}'), ('x-tenant', 'acme')]\n"
    "grpc._channel._InactiveRpcError: status = StatusCode.UNAUTHENTICATED",
    t,
)
k = rnd(32, A)
case(
    "grpcurl-header-flag",
    f"$ grpcurl -H 'x-api-key: {k}' api.acme.io:443 ledger.v1.Ledger/List\nERROR:\n  Code: Unauthenticated",
    k,
)
k = b64(rnd(24, A))
case("grpc-bin-metadata", f"grpc metadata: x-auth-token-bin={k} user-agent=grpc-go/1.60\nrpc error: code = Unauthenticated", k)
t = rnd(40, A)
case("grpc-go-metadata-map", f"md: map[authorization:[Bearer {t}] content-type:[application/grpc]]", t)

# --- Kubernetes
pb = b64(picked())
case(
    "k8s-get-secret-json",
    json.dumps({"apiVersion": "v1", "kind": "Secret", "data": {"DB_PASSWORD": pb, "DB_USER": "ZXJw"}}, indent=2),
    pb,
)
p = picked()
case(
    "k8s-describe-pod-env",
    f"    Environment:\n      DB_HOST:      db.acme.io\n      DB_PASSWORD:  {p}\n      LOG_LEVEL:    debug\n    Mounts:  <none>",
    p,
)
t = rnd(40, A)
case("k8s-env-name-value-yaml", f"env:\n- name: PROSPEND_TOKEN\n  value: {t}\n- name: TZ\n  value: UTC", t)
p = picked()
case("k8s-env-name-value-quoted", f'        - name: MYOB_CF_PASSWORD\n          value: "{p}"\n        - name: REGION', p)
t = "eyJhbGciOiJSUzI1NiIsImtpZCI6" + rnd(120, URLSAFE)
case(
    "k8s-sa-token-describe",
    f"Name:  default-token-x7k2\nType:  kubernetes.io/service-account-token\n\nData\n====\ntoken:  {t}",
    t[:60],
)
pb = b64(picked())
case("k8s-stringdata-base64-decode", f"$ kubectl get secret erp -o jsonpath='{{.data.password}}'\n{pb}", pb)

# --- credential files
p = picked()
case("netrc-multi-line-indented-tabs", f"machine api.acme.io\n\tlogin ops\n\tpassword {p}\n", p)
p = picked()
case("pgpass-port-db", f"db.acme.io:5432:ledger:erp:{p}\n", p)
p = picked()
case("pgpass-escaped-colon", f"db.acme.io:5432:*:erp:{p}\\:x\n", p)
u = b64(f"ops:{picked()}")
case("docker-config-auths", json.dumps({"auths": {"https://index.docker.io/v1/": {"auth": u}}}, indent=2), u)
u = b64(f"ops:{picked()}")
case("docker-config-auths-compact", '{"auths":{"registry.acme.io":{"auth":"' + u + '","email":"ops@acme.io"}}}', u)
t = "npm_" + rnd(36, A)
case("npmrc-authtoken", f"//registry.npmjs.org/:_authToken={t}\nnpm ERR! code E401", t)
u = b64(f"ops:{picked()}")
case("npmrc-legacy-auth", f"registry=https://npm.acme.io/\n_auth = {u}\nalways-auth=true", u)
p = picked()
case("npmrc-password-base64", f"//npm.acme.io/:username=ops\n//npm.acme.io/:_password={b64(p)}", b64(p))
t = "pypi-AgEIcHlwaS5vcmc" + rnd(120, URLSAFE)
case("pypirc-token", f"[pypi]\n  username = __token__\n  password = {t}\n", t[20:80])
p = picked()
case("pypirc-password-colon", f"[testpypi]\nrepository: https://test.pypi.org/legacy/\nusername: ops\npassword: {p}", p)
t = "ghp_" + rnd(36, A)
case("git-credential-fill", f"$ git credential fill\nprotocol=https\nhost=github.com\nusername=ops\npassword={t}\n", t)
p = picked()
case("git-credential-helper-store-line", f"https://ops:{quote(p)}@git.acme.io\n", p)

# --- keys with odd line ends
body = pem_body()
key = "-----BEGIN RSA PRIVATE KEY-----\r" + "\r".join(body) + "\r-----END RSA PRIVATE KEY-----"
case("pem-cr-line-ends", key + "\n401", body[1], body[3])
body = pem_body()
key = "-----BEGIN PRIVATE KEY-----\\r\\n" + "\\r\\n".join(body) + "\\r\\n-----END PRIVATE KEY-----\\r\\n"
case("pem-escaped-crlf-in-json", json.dumps({"key": "x"}).replace('"x"', f'"{key}"'), body[1], body[3])
body = pem_body()
case(
    "pem-spaces-instead-of-newlines",
    "-----BEGIN EC PRIVATE KEY----- " + " ".join(body) + " -----END EC PRIVATE KEY-----",
    body[2],
)
body = pem_body(6)
key = "-----BEGIN OPENSSH PRIVATE KEY-----\r\n" + "\r\n".join(body) + "\r\n-----END OPENSSH PRIVATE KEY-----\r\n"
case("openssh-key-crlf", key, body[2], body[4])
body = pem_body(4)
case("pem-header-cut-off", "\n".join(body) + "\n-----END RSA PRIVATE KEY-----\nssh: no key found", body[1])
body = pem_body(3)
case(
    "pem-in-env-one-line-backslash-n",
    "PRIVATE_KEY=-----BEGIN PRIVATE KEY-----\\n" + "\\n".join(body) + "\\n-----END PRIVATE KEY-----",
    body[1],
)

# --- JWTs in cookies
j = jwt()
case("jwt-cookie-id-token", f"Cookie: theme=dark; id_token={j}; lang=en\n401", j.split(".")[2])
j = jwt()
case("jwt-set-cookie-access", f"< set-cookie: access_token={j}; Path=/; HttpOnly; SameSite=Lax", j.split(".")[2])
j = jwt()
case(
    "jwt-cookie-jar-netscape", f"# Netscape HTTP Cookie File\napi.acme.io\tFALSE\t/\tTRUE\t1769943600\tauth\t{j}", j.split(".")[2]
)
j = jwt()
case("jwt-in-devtools-cookie-table", f"Name\tValue\tDomain\nsession\t{j}\t.acme.io", j.split(".")[2])

# --- cloud signed URLs and keys
sig = rnd(64, HEX)
akid = "AKIA" + rnd(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
sts = quote("IQoJb3JpZ2luX2VjE" + rnd(200, B64), safe="")
case(
    "aws-sigv4-presigned",
    f"GET https://erp.s3.amazonaws.com/r.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential={akid}%2F20260201%2F"
    f"us-east-1%2Fs3%2Faws4_request&X-Amz-Date=20260201T000000Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host"
    f"&X-Amz-Security-Token={sts}&X-Amz-Signature={sig}\n403 Forbidden",
    sig,
    akid,
    sts[20:80],
)
sig = rnd(64, HEX)
case(
    "aws-sigv4-authorization-header",
    f"Authorization: AWS4-HMAC-SHA256 Credential=AKIA{rnd(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}/20260201/us-east-1/execute-api/"
    f"aws4_request, SignedHeaders=host;x-amz-date, Signature={sig}",
    sig,
)
sk = rnd(40, B64)
case(
    "aws-credentials-file",
    f"[default]\naws_access_key_id = AKIA{rnd(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}\naws_secret_access_key = {sk}",
    sk,
)
sig = quote(rnd(43, B64) + "=", safe="")
case(
    "azure-blob-sas-url",
    f"https://acme.blob.core.windows.net/exports/r.csv?sv=2022-11-02&ss=b&srt=sco&sp=rl&se=2026-02-02T00:00:00Z"
    f"&st=2026-02-01T00:00:00Z&spr=https&sig={sig}\nAuthenticationFailed",
    sig,
)
sig = quote(rnd(43, B64) + "=", safe="")
case("azure-sas-token-alone", f"SAS token: ?sv=2021-06-08&ss=bfqt&srt=sco&sp=rwdlacupx&se=2026-03-01&sig={sig}", sig)
k = rnd(86, B64) + "=="
case(
    "azure-storage-connection-string",
    f"DefaultEndpointsProtocol=https;AccountName=acmeerp;AccountKey={k};EndpointSuffix=core.windows.net",
    k[:60],
)
body = pem_body(4)
pk = "-----BEGIN PRIVATE KEY-----\n" + "\n".join(body) + "\n-----END PRIVATE KEY-----\n"
pkid = rnd(40, HEX)
sa = {"type": "service_account", "project_id": "acme-erp", "private_key_id": pkid, "private_key": pk,
      "client_email": "sync@acme-erp.iam.gserviceaccount.com", "client_id": rnd(21, DIG)}  # fmt: skip
case("gcp-service-account-json", json.dumps(sa, indent=2), body[1], body[2], pkid)
case("gcp-service-account-json-compact", json.dumps(sa), body[0], body[3])
k = "AIza" + rnd(35, URLSAFE)
case("gcp-api-key-in-url", f"GET https://maps.googleapis.com/maps/api/geocode/json?address=x&key={k}\nREQUEST_DENIED", k)

# --- SaaS token formats
t = f"xoxb-{rnd(12, DIG)}-{rnd(13, DIG)}-{rnd(24, A)}"
case("slack-bot-token-prose", f"slack notify failed with {t} (invalid_auth)", t)
t = f"xoxp-{rnd(12, DIG)}-{rnd(12, DIG)}-{rnd(13, DIG)}-{rnd(32, HEX)}"
case("slack-user-token-header", f"Authorization: Bearer {t}", t)
t = f"xapp-1-A{rnd(10, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}-{rnd(13, DIG)}-{rnd(64, HEX)}"
case("slack-app-token-env", f"SLACK_APP_TOKEN={t}", t)
u = f"https://hooks.slack.com/services/T{rnd(8, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}/B{rnd(10, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}/{rnd(24, A)}"
case("slack-webhook-in-error", f"requests.exceptions.HTTPError: 404 Client Error: Not Found for url: {u}", u.rsplit("/", 1)[1])
t = "sk_live_" + rnd(99, A)
case("stripe-secret-in-prose", f"stripe says No such customer when I call it with {t}", t[:40])
t = "rk_live_" + rnd(24, A)
case("stripe-restricted-key-yaml", f"stripe:\n  key: {t}\n", t)
t = "whsec_" + rnd(32, A)
case("stripe-webhook-secret-bare", f"using {t} to verify -> No signatures found matching the expected signature", t)
t = "github_pat_11" + rnd(20, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") + "_" + rnd(59, A)
case("github-fine-grained-pat", f"remote: Invalid username or token. {t}", t[:40])
t = "gho_" + rnd(36, A)
case("github-oauth-token-json", f'{{"access_token":"{t}","token_type":"bearer","scope":"repo"}}', t)
t = "ghs_" + rnd(36, A)
case("github-app-token-in-url", f"fatal: unable to access 'https://x-access-token:{t}@github.com/acme/erp.git/': 403", t)
t = "glpat-" + rnd(20, URLSAFE)
case("gitlab-pat-header", f"PRIVATE-TOKEN: {t}\n401 Unauthorized", t)
t = "glpat-" + rnd(20, URLSAFE)
case("gitlab-pat-bare-log", f"2026-02-01 10:00:00 ERROR ci: push with {t} rejected", t)
t = "glrt-" + rnd(20, URLSAFE)
case("gitlab-runner-token-toml", f'[[runners]]\n  url = "https://gitlab.acme.io"\n  token = "{t}"', t)
t = "SG." + rnd(22, URLSAFE) + "." + rnd(43, URLSAFE)
case("sendgrid-key-bare", f"sendgrid 401 with key {t}", t[:40])

# --- exception reprs
p = picked()
case(
    "python-exception-repr-args",
    f"OperationalError('connection to server failed', {{'user': 'erp', 'password': '{p}'}})",
    p,
)
p = picked()
case("python-valueerror-quoted-password", f"ValueError: invalid password '{p}' for user 'ops'", p)
p = picked()
case(
    "python-kwargs-repr", f"TypeError: connect() got an unexpected keyword argument: kwargs={{'passwd': '{p}', 'host': 'db'}}", p
)
p = picked()
case(
    "java-exception-tostring-fields",
    f"com.acme.erp.AuthException: login failed [user=ops, password={p}]\n\tat com.acme.erp.Client.login(Client.java:42)",
    p,
)
p = picked()
case(
    "java-record-tostring",
    f"Caused by: java.lang.IllegalStateException: Credentials[username=ops, password={p}] rejected\n\tat x.y(Z.java:1)",
    p,
)
p = picked()
case(
    "dotnet-sqlexception-connstring",
    f"System.Data.SqlClient.SqlException (0x80131904): Login failed for user 'erp'.\n   ConnectionString: "
    f"Server=tcp:db.acme.io,1433;Initial Catalog=Ledger;User ID=erp;Password={p};Encrypt=True",
    p,
)
p = picked()
case("dotnet-anonymous-object", f"System.Exception: sync failed {{ User = ops, Password = {p}, Tenant = acme }}", p)
p = picked()
case("kotlin-data-class", f"kotlin.Exception: Login(user=ops, pass={p}) -> 401", p)

# --- stack frame locals
p = picked()
case(
    "sentry-frame-locals-text",
    f"  File \"sync.py\", line 42, in login\n    resp.raise_for_status()\n    password = '{p}'\n    user = 'ops'\n"
    "requests.exceptions.HTTPError: 401",
    p,
)
k = rnd(32, A)
case("sentry-locals-self-attr", f"self.api_key = '{k}'\nself.timeout = 30", k)
p = picked()
case("locals-dict-repr", f"locals: {{'user': 'ops', 'pwd': '{p}', 'attempt': 3}}", p)
p = picked()
case("better-exceptions-arrow", f"    connect(user, secret)\n    │             └ '{p}'\n    └ 'ops'\nAuthError: 401", p)
p = picked()
case("ipython-locals-repr", f"In [3]: creds\nOut[3]: Creds(user='ops', secret='{p}')", p)

# --- SQL
p = picked()
case(
    "sql-insert-users-values",
    f"INSERT INTO users (name, email, password) VALUES ('ops', 'ops@acme.io', '{p}');\nERROR: duplicate key",
    p,
)
t = rnd(40, A)
case("sql-insert-api-keys", f"INSERT INTO api_keys (tenant, api_key) VALUES ('acme', '{t}');", t)
p = picked()
case("sql-update-set-password", f"UPDATE accounts SET password = '{p}' WHERE id = 4;", p)
p = picked()
case("sql-insert-multi-row", f"INSERT INTO creds VALUES\n  (1, 'ops', '{p}'),\n  (2, 'dev', 'x');", p)
p = picked()
case(
    "postgres-log-statement-params",
    f"LOG:  execute <unnamed>: SELECT login($1, $2)\nDETAIL:  parameters: $1 = 'ops', $2 = '{p}'",
    p,
)

# --- LDAP
p = picked()
case("ldap-python-simple-bind", f'conn.simple_bind_s("cn=admin,dc=acme,dc=io", "{p}")\nldap.INVALID_CREDENTIALS', p)
p = picked()
case("ldap3-connection", f"Connection(server, user='cn=svc,dc=acme', password='{p}', auto_bind=True)", p)
p = picked()
case(
    "ldap-java-env",
    f'env.put(Context.SECURITY_CREDENTIALS, "{p}");\njavax.naming.AuthenticationException: [LDAP: error code 49',
    p,
)
p = picked()
case("ldapwhoami-flags", f"ldapwhoami -x -D uid=ops,ou=people,dc=acme -w '{p}'\nldap_bind: Invalid credentials (49)", p)
p = picked()
case("slapd-log-bind", f'conn=1001 op=0 BIND dn="cn=admin,dc=acme" method=128 cred="{p}"\nconn=1001 op=0 RESULT err=49', p)

# --- connection strings of ten databases
p = picked()
case("conn-postgres-keyword", f"psql: host=db.acme.io port=5432 dbname=ledger user=erp password={p} sslmode=require", p)
p = picked()
case("conn-mongodb-srv", f"mongodb+srv://erp:{p}@cluster0.ab1cd.mongodb.net/ledger?retryWrites=true", p)
p = picked()
case("conn-redis-password-only", f"REDIS_URL=redis://:{p}@cache.acme.io:6379/0", p)
p = picked()
case("conn-amqp", f"pika.exceptions.ProbableAuthenticationError: amqp://erp:{p}@mq.acme.io:5672/%2F", p)
p = picked()
case("conn-oracle-ezconnect", f"sqlplus erp/{p}@//db.acme.io:1521/LEDGER\nORA-01017: invalid username/password", p)
p = picked()
case("conn-snowflake", f"snowflake://erp:{p}@acme-xy12345/ledger/public?warehouse=wh", p)
p = picked()
case("conn-clickhouse-http", f"clickhouse://default:{p}@ch.acme.io:8123/ledger\nCode: 516. Authentication failed", p)
p = picked()
case("conn-elasticsearch", f"elasticsearch.exceptions.AuthenticationException: https://elastic:{p}@es.acme.io:9200", p)
p = picked()
case("conn-neo4j-bolt", f"neo4j+s://neo4j:{p}@abc.databases.neo4j.io", p)
p = picked()
case("conn-db2-keywords", f"DATABASE=LEDGER;HOSTNAME=db2.acme.io;PORT=50000;PROTOCOL=TCPIP;UID=erp;PWD={p};", p)
p = picked()
case("conn-npgsql", f"Host=db;Username=erp;Password={p};Database=ledger", p)
p = picked()
case("conn-cassandra-cqlsh", f"cqlsh db.acme.io -u erp -p {p}\nAuthenticationFailed('Bad credentials')", p)
p = picked()
case("conn-mssql-sqlcmd", f"sqlcmd -S db.acme.io -U sa -P {p} -Q 'select 1'\nLogin failed for user 'sa'.", p)

# --- OTP and recovery codes
codes = [f"{rnd(5, LOW + DIG)}-{rnd(5, LOW + DIG)}" for _ in range(4)]
case("github-recovery-codes", "Your recovery codes:\n" + "\n".join(codes) + "\nKeep them safe.", *codes)
s = rnd(32, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
case("totp-secret-base32", f"TOTP secret: {s}\nInvalid OTP", s)
u = f"otpauth://totp/ACME:ops?secret={rnd(32, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}&issuer=ACME"
case("otpauth-uri", u, u.split("secret=")[1][:32])
c = rnd(8, DIG)
case("backup-codes-numbers", f"backup codes: {c[:4]} {c[4:]}, 7302 1184\nlogin still 401", c[:4] + " " + c[4:])
c = rnd(6, DIG)
case("otp-code-label", f"one-time code: {c} (tried it twice, 401)", c)

# --- passphrases of several words
ph = " ".join(R.choice(("correct", "horse", "battery", "staple", "river", "lemon", "quiet", "tractor")) for _ in range(4))
case("passphrase-words-colon", f"passphrase: {ph}\n{MYOB_401}", ph)
ph = " ".join(R.choice(("blue", "stone", "orchard", "kettle", "harbour", "maple")) for _ in range(3))
case("key-passphrase-quoted-words", f"ssh-keygen -p -P '{ph}' -N '' -f id_ed25519\nFailed to load key: incorrect passphrase", ph)
ph = "-".join(R.choice(("copper", "lantern", "wombat", "ledger", "morning", "tide")) for _ in range(4))
case(
    "passphrase-dashed-words", f"gpg --batch --passphrase {ph} --decrypt backup.gpg\ngpg: decryption failed: Bad session key", ph
)
ph = " ".join(R.choice(("green", "paper", "violin", "dune", "cactus", "orbit")) for _ in range(4))
case("password-is-several-words", f"the password is {ph} and MYOB still says\n{MYOB_401}", ph)

# --- the four vendors in new places
k = rnd(24, LOW + DIG)
case("myob-key-grpc-like-metadata", f"metadata: [('x-myobapi-key', '{k}')]\n{MYOB_401}", k)
c = b64("Administrator:" + picked())
case("myob-cftoken-h2-header", f"> x-myobapi-cftoken: {c}\n< :status: 401\n{MYOB_401}", c)
t = rnd(60, URLSAFE)
case("sage-token-url-encoded", f"GET /accounts/v3.1/contacts?access_token%3D{t} 401\n{SAGE_BODY}", t)
k = rnd(40, HEX)
enc = b64("https://acme.app.invoicexpress.com/clients.json?api_key=" + k)
case("ix-key-base64-url", f"GET {enc}\n{IX_BODY}", enc[-48:])
j = jwt("https://api.prospend.com")
case("prospend-jwt-cookie", f"Cookie: ps_auth={j}\n{PROSPEND_401}", j.split(".")[2])

# the pastes some output of main (e0bc17f5) showed a credential of (the secrets36 harness's outputs.py, 19 outputs)
FOUND = frozenset((
    "bare-slash-no-spaces-letters", "bare-pipe-pair-letters", "bare-colon-spaced-pair-letters", "pw-then-letters",
    "bare-user-space-password", "bare-user-space-password-listed", "hex-wrapped-pair", "hex-wrapped-json-bare",
    "better-exceptions-arrow", "sql-insert-multi-row", "postgres-log-statement-params", "slapd-log-bind",
    "github-recovery-codes", "backup-codes-numbers", "otp-code-label", "passphrase-words-colon", "password-is-several-words",
))  # fmt: skip

"""secrets30's adversarial pastes: credentials in the wrappings secrets29 and earlier rounds had none of (language
debug dumps, packet and syscall traces, SOAP/XML attributes, DSNs and command lines, tool config files, key names in
Portuguese, Spanish, German and French, values cut by an ellipsis or a wrap, base64 of "user:password"). Every
credential is generated here: random strings of the real shapes (fixed seed), or a password of words and digits as a
person picks one. ``CASES``: (id, paste, the credentials in it)."""

from __future__ import annotations

import base64

from secrets_kit import B64, HEX, IX_BODY, MYOB_BODY, SAGE_BODY, A, Round

WORDS = ("Harbour", "Ledger", "Koala", "Winter", "Quokka", "Invoice", "Tasman", "Mallee", "Orchard", "Lisboa", "Porto")
_ROUND = Round(3030, WORDS)
R = _ROUND.random
rnd, case, picked, CASES = _ROUND.rnd, _ROUND.case, _ROUND.picked, _ROUND.cases


MYOB_URL = "https://api.myob.com/accountright/0b2f8a3c-1d4e-4b5f-9a6b-7c8d9e0f1a2b/Sale/Invoice/Item"


# --- language debug dumps
k, p = rnd(32, HEX), picked()
case(
    "php-var-dump-array",
    f'array(3) {{\n  ["api_key"]=>\n  string(32) "{k}"\n  ["senha"]=>\n  string({len(p)}) "{p}"\n  ["conta"]=>\n  string(6) "acme01"\n}}\n'
    f"PHP Fatal error:  Uncaught Exception: 401 Unauthorized {IX_BODY}",
    k,
    p,
)
k = rnd(32, HEX)
case(
    "php-print-r-nested",
    f"Array\n(\n    [config] => Array\n        (\n            [account] => acme01\n            [api_key] => {k}\n        )\n\n)\n"
    f"HTTP/1.1 422\n{IX_BODY}",
    k,
)
k, s = rnd(40, A), picked()
case(
    "php-var-export",
    f"array (\n  'client_id' => 'b8f2c1a0-5d3e-4f7a-9c1b-2e4d6f8a0b1c',\n  'client_secret' => '{k}',\n  'password' => '{s}',\n)\n{MYOB_BODY}",
    k,
    s,
)
k = rnd(40, A)
case(
    "perl-data-dumper",
    f"$VAR1 = {{\n          'username' => 'ops\\@acme.example',\n          'api_token' => '{k}',\n          'base' => 'https://api.myob.com/accountright'\n        }};\n"
    f"HTTP 401 at sync.pl line 42.",
    k,
)
k, p = rnd(36, A), picked()
case(
    "ruby-inspect-ivars",
    f'#<MyobClient:0x00007f9b8c0a1e28 @api_key="{k}", @username="Administrator", @password="{p}", @base_url="https://api.myob.com">\n'
    f"MyobClient::Unauthorized: {MYOB_BODY}",
    k,
    p,
)
k = rnd(32, HEX)
case(
    "ruby-hash-rocket-symbols-1.9",
    f'{{:account_name=>"acme", :api_key=>"{k}"}}\nInvoiceXpress::Error (422): {IX_BODY}',
    k,
)
k, p = rnd(40, A), picked()
case(
    "go-percent-plus-v-struct",
    f"config: {{BaseURL:https://api.myob.com/accountright APIKey:{k} Username:Administrator Password:{p} Timeout:30s}}\n"
    f"error: unexpected status 400: {MYOB_BODY}",
    k,
    p,
)
k = rnd(40, A)
case(
    "go-percent-hash-v-struct",
    f'&client.Config{{BaseURL:"https://api.myob.com", ClientSecret:"{k}", Retries:3}}\nstatus 401',
    k,
)
k, p = rnd(44, A + "-_"), picked()
case(
    "rust-debug-pretty",
    f'Config {{\n    base_url: "https://api.myob.com/accountright",\n    token: "{k}",\n    cf_password: Some(\n        "{p}",\n    ),\n}}\n'
    f"Error: reqwest::Error {{ kind: Status(401) }}",
    k,
    p,
)
k = rnd(40, A)
case(
    "rust-debug-secret-newtype",
    f'Credentials {{ client_id: "sage-app", client_secret: ClientSecret("{k}") }}\nError: 401 Unauthorized',
    k,
)
k, p = rnd(40, A), picked()
case(
    "elixir-inspect-map",
    f'%{{api_key: "{k}", base_url: "https://api.myob.com", password: "{p}"}}\n** (Tesla.Error) 401',
    k,
    p,
)
k = rnd(40, A)
case(
    "elixir-keyword-list",
    f'[client_secret: "{k}", client_id: "sage-app", scope: "full_access"]\n{SAGE_BODY}',
    k,
)
k, p = rnd(40, A), picked()
case(
    "csharp-object-dump-linqpad",
    f"MyobOptions\n  BaseUrl     https://api.myob.com/accountright\n  ApiKey      {k}\n  CfUsername  Administrator\n  CfPassword  {p}\n"
    f"System.Net.Http.HttpRequestException: Response status code does not indicate success: 401 (Unauthorized).",
    k,
    p,
)
k = rnd(40, A)
case(
    "csharp-anonymous-type-tostring",
    f"{{ ClientId = sage-app, ClientSecret = {k}, Scope = full_access }}\n{SAGE_BODY}",
    k,
)
k, p = rnd(40, A), picked()
case(
    "kotlin-data-class-tostring",
    f"MyobConfig(baseUrl=https://api.myob.com/accountright, apiKey={k}, username=Administrator, password={p})\n"
    f"retrofit2.HttpException: HTTP 401 Unauthorized",
    k,
    p,
)
k = rnd(40, A)
case(
    "python-dataclass-repr",
    f"SageCredentials(client_id='sage-app', client_secret='{k}', region='uk')\nrequests.exceptions.HTTPError: 401",
    k,
)
k = rnd(40, A)
case(
    "python-namedtuple-in-list",
    f"[Cred(kind='token', value='{k}')]\n{SAGE_BODY}",
    k,
)
k = rnd(40, A)
case(
    "javascript-console-log-object",
    f"{{\n  baseURL: 'https://api.myob.com/accountright',\n  headers: {{ 'x-myobapi-key': '{k}', Accept: 'application/json' }}\n}}\n"
    f"AxiosError: Request failed with status code 401",
    k,
)
k = rnd(40, A)
case(
    "swift-dump",
    f'▿ Config\n  - baseURL: "https://api.myob.com"\n  - apiKey: "{k}"\nError: 401',
    k,
)

# --- packet and syscall traces
tok = rnd(40, A)
hexed = tok.encode().hex()
case(
    "xxd-of-header-token-split",
    "00000000: 4745 5420 2f61 6363 6f75 6e74 7269 6768  GET /accountrigh\n"
    + "".join(
        f"{16 * (i + 1):08x}: "
        + " ".join(hexed[j : j + 4] for j in range(i * 32, min(i * 32 + 32, len(hexed)), 4))
        + "  "
        + tok[i * 16 : i * 16 + 16]
        + "\n"
        for i in range(3)
    ),
    tok,
)
t = rnd(40, A)
case(
    "tcpdump-A-request",
    f"12:01:33.123456 IP 10.0.0.5.51514 > 10.0.0.9.http: Flags [P.], seq 1:180, ack 1, win 502, length 179\n"
    f"E.....@.@..........P..GET /api/v1/invoices HTTP/1.1\n..Host: erp.internal\n..x-myobapi-key: {t}\n..Authorization: Bearer {t[::-1]}\n\n",
    t,
    t[::-1],
)
p = picked()
case(
    "wireshark-follow-stream-form",
    f"POST /login HTTP/1.1\r\nHost: erp.internal\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 41\r\n\r\n"
    f"user=ops&passwd={p}HTTP/1.1 302 Found\r\nLocation: /\r\n",
    p,
)
t = rnd(40, A)
case(
    "strace-write-authorization",
    f'write(3, "GET /accountright HTTP/1.1\\r\\nAuthorization: Bearer {t}\\r\\nx-myobapi-key: abc", 96) = 96\n'
    f'read(3, "HTTP/1.1 401 Unauthorized\\r\\n", 4096) = 28',
    t,
)
t = rnd(48, A)
case(
    "strace-write-truncated-ellipsis",
    f'sendto(5, "POST /oauth/token HTTP/1.1\\r\\nHost: secure.myob.com\\r\\n\\r\\nclient_secret={t[:20]}"..., 512, MSG_NOSIGNAL, NULL, 0) = 512',
    t[:20],
)
t = rnd(40, A)
case(
    "ltrace-ssl-write",
    f'SSL_write(0x55d4c8, "x-myobapi-cftoken: {base64.b64encode(b"Administrator:" + picked().encode()).decode()}\\r\\n", 64) = 64',
)
# (the cftoken case's password is inside base64: the whole value must go)
CASES[-1] = (
    CASES[-1][0],
    CASES[-1][1],
    [CASES[-1][1].split("cftoken: ")[1].split("\\r")[0]],
)

# --- SOAP, XML attributes, TOML/INI, gRPC
p = picked()
case(
    "wsse-password-text-prefixed",
    f'<soapenv:Header><wsse:Security><wsse:UsernameToken><wsse:Username>ops</wsse:Username><wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">{p}</wsse:Password></wsse:UsernameToken></wsse:Security></soapenv:Header>\n'
    f"<soap:Fault><faultstring>Authentication failed</faultstring></soap:Fault>",
    p,
)
p = picked()
case(
    "xml-attribute-password-double",
    f'<connection host="erp.internal" user="ops" password="{p}" />\nSQLException: Login failed',
    p,
)
k = rnd(40, A)
case(
    "xml-element-apikey-camel",
    f"<Settings><ApiKey>{k}</ApiKey><Endpoint>https://api.myob.com</Endpoint></Settings>\n401",
    k,
)
k, p = rnd(40, A), picked()
case(
    "toml-inline-table",
    f'[myob]\ncreds = {{ key = "{k}", cf_pass = "{p}" }}\nError: 401',
    k,
    p,
)
p = picked()
case(
    "ini-semicolon-comment-after",
    f"[database]\nhost = erp.internal\npassword = {p} ; rotated monthly\n",
    p,
)
p = picked()
case(
    "dotenv-export-no-quotes-with-hash",
    f"export DB_PASSWORD={p}#x\nexport MYOB_URL=https://api.myob.com\n",
    p,
)
t = rnd(40, A)
case(
    "grpc-metadata-debug",
    f"grpc: metadata: map[authorization:[Bearer {t}] content-type:[application/grpc] user-agent:[grpc-go/1.60.0]]\n"
    f"rpc error: code = Unauthenticated desc = invalid token",
    t,
)
t = rnd(40, A)
case(
    "grpcurl-H-flag",
    f"grpcurl -H 'x-api-key: {t}' -d '{{}}' erp.internal:443 ledger.v1.Ledger/List\nERROR:\n  Code: Unauthenticated",
    t,
)

# --- proxy, Digest, NTLM
u = base64.b64encode(f"proxyuser:{picked()}".encode()).decode()
case("proxy-authorization-basic", f"CONNECT api.myob.com:443 HTTP/1.1\nProxy-Authorization: Basic {u}\n\nHTTP/1.1 407", u)
r = rnd(32, HEX)
case(
    "digest-authorization-response",
    f'Authorization: Digest username="ops", realm="erp", nonce="{rnd(32, HEX)}", uri="/api", response="{r}", qop=auth, nc=00000001, cnonce="{rnd(16, HEX)}"\nHTTP/1.1 401',
    r,
)
n = "TlRMTVNTUAADAAAAGAAYAGwAAAAYABgAhAAAAAwADABIAAAACAAIAFQAAAAQABAAXAAAAAAAAACcAAAA" + rnd(80, B64)
case("ntlm-type3-authorization", f"Authorization: NTLM {n}\nHTTP/1.1 401 Unauthorized", n)
p = picked()
case(
    "http-proxy-env-userinfo",
    f"https_proxy=http://svc-erp:{p}@proxy.corp:3128\ncurl: (56) CONNECT tunnel failed, response 407",
    p,
)

# --- DSNs
p = picked()
case(
    "jdbc-sqlserver-semicolon-password",
    f"jdbc:sqlserver://db.internal:1433;databaseName=ledger;user=ops;password={p};encrypt=true\ncom.microsoft.sqlserver.jdbc.SQLServerException: Login failed for user 'ops'.",
    p,
)
p = picked()
case(
    "odbc-pwd-braced",
    f"Driver={{ODBC Driver 18 for SQL Server}};Server=db.internal;Uid=ops;Pwd={{{p};x}};\n[08001] Login timeout expired",
    p,
)
p = rnd(24, A)
case(
    "mongodb-srv-uri",
    f"MongoServerError: bad auth : Authentication failed. uri=mongodb+srv://ops:{p}@cluster0.ab1cd.mongodb.net/ledger",
    p,
)
p = picked()
case("amqps-uri", f"amqp.exceptions.AccessRefused: uri amqps://erp:{p}@rabbit.internal:5671/%2F refused", p)
p = rnd(32, A)
case("redis-empty-user-uri", f"redis.exceptions.AuthenticationError: invalid password for redis://:{p}@cache.internal:6379/0", p)
p = picked()
case(
    "postgres-keyword-dsn",
    f"psycopg2.OperationalError: connection to server failed: host=db.internal user=ops password={p} dbname=ledger",
    p,
)

# --- command lines
p = picked()
case("mysql-p-attached-in-ps", f"  PID TTY      TIME CMD\n 4242 pts/0    00:00:00 mysql -uops -p{p} -h db.internal ledger", p)
p = picked()
case("sshpass-p-in-history", f"  501  sshpass -p '{p}' ssh ops@erp.internal 'tail -n 50 /var/log/ledger.log'", p)
p = rnd(40, A)
case(
    "docker-login-p-flag",
    f"$ docker login -u ops -p {p} registry.internal\nWARNING! Using --password via the CLI is insecure.",
    p,
)
p = picked()
case(
    "pgpassword-env-prefix",
    f"$ PGPASSWORD={p} psql -h db.internal -U ops ledger\npsql: error: FATAL:  password authentication failed",
    p,
)
t = "ghp_" + rnd(36, A)
case(
    "git-remote-token-in-push-error",
    f"remote: Permission denied.\nfatal: unable to access 'https://{t}@github.com/acme/ledger.git/': The requested URL returned error: 403",
    t,
)
t = "glpat-" + rnd(20, A + "-_")
case("git-remote-oauth2-user-gitlab", f"fatal: Authentication failed for 'https://oauth2:{t}@gitlab.com/acme/ledger.git/'", t)

# --- tool config files
t = "npm_" + rnd(36, A)
case(
    "npmrc-scoped-authtoken",
    f"@acme:registry=https://npm.pkg.github.com/\n//npm.pkg.github.com/:_authToken={t}\nnpm ERR! code E401",
    t,
)
p = picked()
case(
    "pypirc-password-line",
    f"[distutils]\nindex-servers = internal\n\n[internal]\nrepository = https://pypi.internal/\nusername = ops\npassword = {p}\n",
    p,
)
p = picked()
case("netrc-one-line", f"machine api.myob.com login Administrator password {p}\nHTTP/1.1 401", p)
t = rnd(43, A + "-_") + "." + rnd(60, A + "-_")
case(
    "kubeconfig-user-token",
    f"users:\n- name: erp-sa\n  user:\n    token: {t}\nerror: You must be logged in to the server (Unauthorized)",
    t,
)
d = base64.b64encode(rnd(800, A).encode()).decode()
case("kubeconfig-client-key-data", f"users:\n- name: admin\n  user:\n    client-key-data: {d}\n", d)

# --- key names in other languages (InvoiceXpress users are Portuguese)
p = picked()
case("portuguese-senha-json", f'{{"utilizador": "ops", "senha": "{p}"}}\nErro 401: Não autorizado', p)
k = rnd(32, HEX)
case("portuguese-chave-api", f"chave_api={k}\nErro: {IX_BODY}", k)
k = rnd(32, HEX)
case("portuguese-chave-da-api-prose", f"A minha chave da API é {k} e recebo sempre 401", k)
p = picked()
case("spanish-contrasena-accent", f"usuario: ops\ncontraseña: {p}\nError 401 No autorizado", p)
p = picked()
case("spanish-clave-yaml", f"clave: {p}\nurl: https://erp.internal\n", p)
p = picked()
case("german-passwort-colon", f"Benutzer: ops\nPasswort: {p}\nFehler 401: Nicht autorisiert", p)
k = rnd(40, A)
case("german-zugangsschluessel", f"API-Schlüssel: {k}\nFehler: 401", k)
p = picked()
case("french-mot-de-passe", f"identifiant : ops\nmot de passe : {p}\nErreur 401 : non autorisé", p)
p = picked()
case("italian-password-parola-chiave", f"parola d'ordine: {p}\nErrore 401", p)

# --- values wrapped or cut
t = rnd(120, A)
case("token-cut-by-ellipsis-mid", f"Authorization: Bearer {t[:30]}…{t[-12:]}\nHTTP/1.1 401", t[:30], t[-12:])
k = rnd(64, A)
case("api-key-wrapped-at-40-in-email", f"> x-myobapi-key: {k[:40]}\n> {k[40:]}\n> HTTP/1.1 401", k[:40], k[40:])
t = rnd(80, A)
case("bearer-wrapped-with-backslash-n-literal", f'"Authorization: Bearer {t[:40]}\\n{t[40:]}"', t[:40], t[40:])

# --- base64 user:password
p = picked()
b = base64.b64encode(f"Administrator:{p}".encode()).decode()
case("myob-cftoken-header-json", f'{{"x-myobapi-cftoken": "{b}", "x-myobapi-version": "v2"}}\n{MYOB_BODY}', b)
p = picked()
b = base64.b64encode(f"ops:{p}".encode()).decode()
case("base64-userpass-alone-in-prose", f"I encoded ops:pass and sent {b} but get 401", b)
p = picked()
b = base64.b64encode(f"Administrator:{p}".encode()).decode()
case("myob-cftoken-powershell-hashtable", f"@{{'x-myobapi-cftoken'='{b}'; 'x-myobapi-key'='{rnd(24, A)}'}}", b)

# --- InvoiceXpress api_key in URLs
k = rnd(40, HEX)
case(
    "ix-api-key-url-fragment-like",
    f"GET https://acme.app.invoicexpress.com/invoices.json?page=1&api_key={k}#top\n{IX_BODY}",
    k,
)
k = rnd(40, HEX)
case(
    "ix-api-key-log-line-quoted-url",
    f'2025-03-01T10:00:00Z ERROR faraday: request "https://acme.app.invoicexpress.com/clients.json?api_key={k}" -> 404 {IX_BODY}',
    k,
)
k = rnd(40, HEX)
case(
    "ix-api-key-markdown-autolink",
    f"See <https://acme.app.invoicexpress.com/invoices/1.json?api_key={k}>: 422 {IX_BODY}",
    k,
)

# --- credentials in scanned log lines
t = rnd(40, A)
case(
    "log-line-myob-key-logfmt-upper",
    f'ts=2025-03-01T10:00:00Z level=error msg="myob call failed" MYOB_API_KEY={t} status=401',
    t,
)
p = picked()
case(
    "log-line-syslog-password-in-message",
    f"Mar  1 10:00:00 erp ledgerd[412]: ERROR login failed for ops using password '{p}'",
    p,
)
t = rnd(40, A)
case(
    "log-line-json-nested-headers",
    f'{{"level":"error","req":{{"headers":{{"x-myobapi-key":"{t}"}}}},"res":{{"statusCode":401}}}}',
    t,
)

# --- found by this round's probes (each shown before its fix)
p = picked()
case("prose-password-of-whom-is", f"the password of the admin user is {p}, and MYOB still says 401", p)
p = picked()
case("prose-senha-da-conta-e", f"Olá, a senha da conta é {p} mas o InvoiceXpress devolve 401", p)
p = picked()
case("prose-passwort-fuer-myob-ist", f"Hallo, das Passwort für MYOB ist {p} und trotzdem 401", p)
p = picked()
case("prose-contrasena-actual-equals", f"contraseña actual = {p}\nError 401", p)
k = rnd(32, HEX)
case("prose-chave-da-api-colon", f"chave da API: {k}\n{IX_BODY}", k)
p = picked()
case(
    "oracle-expdp-user-password",
    f"$ expdp ops/{p} directory=DATA_PUMP_DIR dumpfile=ledger.dmp\nORA-01017: invalid username/password",
    p,
)
p = picked()
case("oracle-sqlldr-userid", f"sqlldr userid=ops/{p}@ORCL control=invoices.ctl\nSQL*Loader-128: unable to begin a session", p)
p = picked()
case(
    "aws-cli-shorthand-parameter",
    f"aws cloudformation deploy --parameter-overrides --parameters ParameterKey=DbPassword,ParameterValue={p}\n"
    f"An error occurred (ValidationError)",
    p,
)
p = picked()
b = f"Administrator:{p}"
case("echo-userpass-to-base64", f"$ echo -n '{b}' | base64\nQWRtaW5pc3RyYXRvcjo=\nx-myobapi-cftoken still 401", p)
p = picked()
case("js-btoa-userpass", f"headers: {{ 'x-myobapi-cftoken': btoa('Administrator:{p}') }}\n{MYOB_BODY}", p)
p = picked()
case("csharp-getbytes-userpass", f'var cf = Convert.ToBase64String(Encoding.UTF8.GetBytes("Administrator:{p}"));\n401', p)
p = picked()
case(
    "ruby-faraday-basic",
    f"conn = Faraday.new(url) {{ |f| f.request :authorization, :basic, 'ops', '{p}' }}\nFaraday::UnauthorizedError",
    p,
)
p = picked()
case(
    "python-pymysql-positional",
    f"pymysql.connect('db.internal', 'ops', '{p}', 'ledger')\npymysql.err.OperationalError: (1045, \"Access denied\")",
    p,
)
p = picked()
case("user-flag-at-line-start", f"--user Administrator:{p}\ncurl: (22) The requested URL returned error: 401", p)
p = picked()
case("rust-some-secret-nested", f'Config {{ password: Some(Secret("{p}")) }}\nError: 401', p)
p = picked()
case("login-field-user-colon-password", f"MYOB company file login: Administrator:{p}\nHTTP/1.1 401 Unauthorized\n{MYOB_BODY}", p)
p = picked()
case("u-p-abbreviation-slash", f"U/P: ops/{p}\nErro 401 do InvoiceXpress", p)

FOUND = {  # the pastes whose credential main showed before this round
    "rust-debug-pretty",
    "portuguese-chave-da-api-prose",
    "prose-senha-da-conta-e",
    "prose-passwort-fuer-myob-ist",
    "prose-contrasena-actual-equals",
    "prose-chave-da-api-colon",
    "oracle-expdp-user-password",
    "aws-cli-shorthand-parameter",
    "echo-userpass-to-base64",
    "csharp-getbytes-userpass",
    "python-pymysql-positional",
    "user-flag-at-line-start",
    "rust-some-secret-nested",
    "login-field-user-colon-password",
    "u-p-abbreviation-slash",
}

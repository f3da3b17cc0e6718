"""secrets34's adversarial pastes: secrets33's leftovers (a shell trace's ``+ echo pw``, a lone GitHub Actions debug
``=> '…'``, ``user / pw`` with no login label, Terraform's ``random_password`` ``result``, a letters-only password that
ends like an English word), then shapes no earlier round tried: cloud CLI outputs (``aws configure get``, ``gcloud
auth print-access-token``, ``az account get-access-token``), kubeconfig's auth-provider and exec env, docker's
``registrytoken``, ``.pgpass`` with an escaped colon, JDBC/ODBC values in braces or quotes, Java properties written
with unicode escapes, ``+`` and ``%2B`` form encodings, logs of JSON in a JSON string in JSON, .NET ``app.config``
``<add key= value=>`` pairs and XML login attributes, HTTP Negotiate, OAuth 1.0a, Azure SharedKey, Elastic ApiKey and
Okta SSWS headers, ASP.NET, PHP and Express session cookies, signed URLs (SigV4's session token, Azure SAS in a
connection string, GCS V2), JWTs folded like a mail header, PEM keys each line behind a log prefix or on one line,
Python/Java/Go/.NET reprs (``passwd=``, Go's ``http.Header`` map, .NET's ``HttpRequestMessage``), HAR and VCR
response bodies, Polish, Czech, Turkish, Swedish, French and Japanese labels, and the four vendors' own headers and
keys beside their documented bodies; last, the shapes the gate-only probes found shown (curl's ``-U``, Cisco's
``snmp-server community``, dot leaders, a literal continued by a backslash, git's prompt) and code a paste quotes
(setters, builders, login calls taking a password by position, libcurl's ``CURLOPT_USERPWD``). Every credential is generated here: random strings of the real shapes (fixed
seed) or a password as a person picks one. ``CASES``: (id, paste, credentials)."""

from __future__ import annotations

import json
import string
from functools import partial
from urllib.parse import quote

from secrets_kit import B64, HEX, IX_BODY, LOW, MYOB_401, MYOB_BODY, PROSPEND_401, SAGE_BODY, URLSAFE, A, Round, b64

_ROUND = Round(3434)
R = _ROUND.random
rnd, case, picked, letters, CASES = _ROUND.rnd, _ROUND.case, _ROUND.picked, _ROUND.letters, _ROUND.cases


jwt = partial(_ROUND.jwt, "https://management.azure.com", alg="RS256", kid=(16, HEX), sig=86)


def ending_word():
    """A letters-only password a person picks that ends like an English word (the gate reads words as prose)."""
    return f"{R.choice(('kestrel', 'quokka', 'mallee', 'wombat', 'boronia'))}{R.choice(('morning', 'station', 'crossing', 'treasure'))}"


# --- secrets33's leftovers
p = picked()
case(
    "xtrace-echo-to-sudo-stdin",
    f"+ echo {p}\n+ sudo -S systemctl restart erp-sync\n[sudo] password for ops: Sorry, try again.",
    p,
)
p = picked()
case(
    "xtrace-echo-to-password-stdin",
    f"+ echo {p}\n+ docker login -u ops --password-stdin registry.acme.io\nError: unauthorized",
    p,
)
t = picked()
case(
    "gha-debug-lone-result",
    f"##[debug]Evaluating condition for step: 'Sync'\n##[debug]=> '{t}'\n##[debug]Result: '{t}'\n##[error]HTTP 401",
    t,
)
p = picked()
case("xtrace-echo-lone", f"+ echo {p}\n+ ./sync.sh --tenant acme\nERROR 401 Unauthorized", p)
p = letters()
case("slash-pair-no-label", f"MYOB company file opened as ops / {p} -> API says\n{MYOB_401}", p)
p = letters()
case("slash-pair-no-label-prod", f"prod: svc_sync / {p}\ndev: svc_dev / same\nboth get 401 from the API", p)
p = rnd(16, A + "!#$%&*()-_=+[]{}<>:?")
case(
    "terraform-random-password-state",
    '  # random_password.db will be read during apply\n  resource "random_password" "db" {\n'
    f'      id      = "none"\n      length  = 16\n      result  = "{p}"\n      special = true\n    }}',
    p,
)
p = rnd(20, A)
case(
    "terraform-state-json-random-password",
    json.dumps({"type": "random_password", "name": "api", "instances": [{"attributes": {"length": 20, "result": p}}]}),
    p,
)
p = ending_word()
case("letters-password-ends-like-word", f"MYOB file login: Administrator / {p}\nstill 401 from the API", p)
p = ending_word()
case("letters-password-ends-like-word-creds", f"creds for the company file: ops / {p}\n{MYOB_401}", p)

# --- cloud CLIs
sk = rnd(40, B64)
case("aws-configure-get", f"$ aws configure get aws_secret_access_key --profile erp\n{sk}\n$ aws s3 ls\nAccessDenied", sk)
t = "ya29.a0" + rnd(180, URLSAFE)
case(
    "gcloud-print-access-token",
    f'$ gcloud auth print-access-token\n{t}\n$ curl -H "Authorization: Bearer $TOKEN" ...\n401',
    t[20:80],
)
j = jwt()
az = json.dumps(
    {
        "accessToken": j,
        "expiresOn": "2026-02-01 11:00:00.000000",
        "subscription": "0b1f6471-1bf0-4dda-aec3-111122223333",
        "tenant": "72f988bf-86f1-41af-91ab-2d7cd011db47",
        "tokenType": "Bearer",
    },
    indent=2,
)
case("az-get-access-token", f"$ az account get-access-token\n{az}", j.split(".")[2])
st = rnd(356, B64)
case("aws-sts-json-credentials", json.dumps({"Credentials": {"AccessKeyId": "ASIA" + rnd(16, string.ascii_uppercase), "SecretAccessKey": rnd(40, B64), "SessionToken": st}}, indent=4), st[100:160])  # fmt: skip

# --- kubeconfig, docker, .pgpass
t = jwt()
case(
    "kubeconfig-auth-provider",
    f"users:\n- name: gke\n  user:\n    auth-provider:\n      config:\n        access-token: {t}\n        cmd-path: gcloud\n      name: gcp",
    t.split(".")[2],
)
t = rnd(52, A)
case(
    "kubeconfig-exec-env",
    f"    exec:\n      command: erp-auth\n      env:\n      - name: ERP_TOKEN\n        value: {t}\nerror: You must be logged in to the server (Unauthorized)",
    t,
)
t = rnd(64, A)
case("docker-config-registrytoken", json.dumps({"auths": {"registry.acme.io": {"registrytoken": t}}}, indent="\t"), t)
p = picked()
u = b64(f"ops:{p}")
case(
    "docker-auth-in-debug-log",
    f'DEBU[0000] using auth config {{"auth":"{u}","serveraddress":"registry.acme.io"}}\nunauthorized',
    u,
)
p = picked()
case("pgpass-escaped-colon", f"db.acme.io:5432:ledger:erp:{p[:6]}\\:{p[6:]}\npsql: FATAL: password authentication failed", p[6:])

# --- connection strings with odd quoting
p = picked() + ";x"
case(
    "jdbc-sqlserver-braced-password",
    f"jdbc:sqlserver://db:1433;databaseName=ledger;user=sa;password={{{p}}};encrypt=true",
    p[:-2],
)
p = picked() + "@1"
case("jdbc-oracle-quoted-password", f'jdbc:oracle:thin:erp/"{p}"@//db.acme.io:1521/LEDGER\nORA-01017', p[:-2])
p = picked()
case("odbc-pwd-single-quoted", f"Driver={{ODBC Driver 18 for SQL Server}};Server=db;Uid=erp;Pwd='{p}';\n[28000] Login failed", p)
p = picked()
case(
    "ado-password-double-quoted",
    f'Data Source=db;Initial Catalog=Ledger;User ID=erp;Password="{p}";\nSqlException: Login failed',
    p,
)
p = picked()
case("mongo-uri-options-password", f"mongodb://db.acme.io/?authSource=admin&username=erp&password={p}\nAuthentication failed.", p)

# --- escapes and encodings
p = picked()
esc = "".join(f"\\u{ord(c):04X}" if c in "aeiou" else c for c in p)
case("java-properties-unicode-escaped-value", f"spring.datasource.username=erp\nspring.datasource.password={esc}\n", esc[:14])
p = picked()
case("java-properties-escaped-key", f"myob.api\\u005Fkey={p}\nmyob.cf\\ token = x", p)
t = rnd(30, A) + "+/" + rnd(10, A)
case(
    "form-plus-encoded-token",
    f"POST /token body: client_id=erp&client_secret={quote(t)}&grant_type=client_credentials\n400",
    quote(t)[:30],
)
u = b64("ops:" + picked())
case("form-basic-plus-space", f"headers=Authorization=Basic+{u}&Accept=json\n401", u)
t = rnd(44, A)
inner = json.dumps({"headers": {"Authorization": "Bearer " + t}})
mid = json.dumps({"event": "request", "data": inner})
case("json-in-json-in-json-log", "2026-02-01T10:00:00Z ERROR " + json.dumps({"msg": mid, "status": 401}), t)
p = picked()
case("percent-encoded-json-in-cookie", f"Cookie: prefs={quote(json.dumps({'user': 'ops', 'password': p}))}\n401", p)

# --- XML
k = rnd(32, A)
case(
    "appconfig-add-key-value",
    f'<appSettings>\n  <add key="MyobApiKey" value="{k}" />\n  <add key="Env" value="prod" />\n</appSettings>',
    k,
)
p = picked()
case("xml-login-attributes", f'<Login user="ops" pass="{p}" company="Acme" />\n<Fault>401 Unauthorized</Fault>', p)
p = picked()
case(
    "soap-header-attribute-password",
    f'<soap:Header><Auth Username="ops" Password="{p}"/></soap:Header>\nsoap:Client Unauthorized',
    p,
)
k = rnd(40, HEX)
case("xml-element-api-key-lower", f"<request>\n  <api_key>{k}</api_key>\n  <invoice>123</invoice>\n</request>\n{IX_BODY}", k)

# --- HTTP authorization schemes
t = "YII" + rnd(200, B64)
case("negotiate-authorization", f"> GET /api HTTP/1.1\n> Authorization: Negotiate {t}\n< HTTP/1.1 401 Unauthorized", t[:60])
sig = quote(rnd(27, B64) + "=")
oauth = f'oauth_consumer_key="{rnd(25, A)}", oauth_token="{rnd(40, A)}", oauth_signature="{sig}"'
case("oauth1-authorization", f'Authorization: OAuth realm="", {oauth}, oauth_nonce="{rnd(11, A)}"\n401', oauth.split('"')[3])
s = rnd(43, B64) + "="
case("azure-sharedkey", f"Authorization: SharedKey acmestore:{s}\n<Code>AuthenticationFailed</Code>", s)
k = b64(rnd(20, A) + ":" + rnd(22, URLSAFE))
case("elastic-apikey", f"curl -H 'Authorization: ApiKey {k}' https://es:9200/_search\n401 security_exception", k)
t = "00" + rnd(40, URLSAFE)
case("okta-ssws", f'Authorization: SSWS {t}\n{{"errorCode":"E0000011","errorSummary":"Invalid token provided"}}', t)
t = rnd(40, A)
case("hawk-mac", f'Authorization: Hawk id="dh37fgj492je", ts="1353832234", nonce="j4h3g2", mac="{t}"\n401', t)

# --- cookies
s = rnd(24, LOW + "012345")
case("aspnet-sessionid-cookie", f"Cookie: ASP.NET_SessionId={s}; .ASPXAUTH={rnd(64, '0123456789ABCDEF')}\n401", s)
s = rnd(26, "abcdefghijklmnopqrstuv0123456789")
case("phpsessid-cookie", f"[client 10.0.0.1] PHP Warning: session expired PHPSESSID={s}\n401", s)
s = "s%3A" + rnd(32, URLSAFE) + "." + rnd(43, URLSAFE)
case("express-connect-sid", f"Set-Cookie: connect.sid={s}; Path=/; HttpOnly\n", s[4:40])
s = "CfDJ8" + rnd(150, URLSAFE)
case("aspnetcore-cookie", f"cookie: .AspNetCore.Cookies={s}\nHTTP 401", s[20:80])

# --- signed URLs
st = rnd(300, B64)
case(
    "sigv4-security-token-query",
    f"https://acme.s3.amazonaws.com/a.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Security-Token={quote(st, safe='')}"
    f"&X-Amz-Signature={rnd(64, HEX)}\n<Code>ExpiredToken</Code>",
    quote(st, safe="")[:60],
)
sig = quote(rnd(43, B64) + "=", safe="")
case(
    "azure-sas-connection-string",
    f"BlobEndpoint=https://acme.blob.core.windows.net/;SharedAccessSignature=sv=2022-11-02&ss=b&srt=co&sp=rl&se=2026-03-01&sig={sig}",
    sig,
)
sig = quote(rnd(342, B64) + "==", safe="")
case(
    "gcs-v2-signature",
    f"https://storage.googleapis.com/acme/a.csv?GoogleAccessId=erp@acme.iam.gserviceaccount.com&Expires=1769943600&Signature={sig}",
    sig[:60],
)
sig = rnd(64, HEX)
case(
    "sigv4-signature-first-param",
    f"GET /a.csv?X-Amz-Signature={sig}&X-Amz-Date=20260201T100000Z -> 403 SignatureDoesNotMatch",
    sig,
)

# --- JWTs and PEM keys folded
j = jwt()
case("jwt-folded-header", f"Authorization: Bearer {j[:70]}\n {j[70:140]}\n {j[140:]}\nHTTP/1.1 401", j[-40:])
j = jwt()
case("jwt-wrapped-76-no-indent", f"id_token:\n{j[:76]}\n{j[76:152]}\n{j[152:]}\ninvalid_token", j[-30:])
k = [rnd(64, B64) for _ in range(4)]
pem = "\n".join(f"2026-02-01T10:00:0{i}Z app[web.1]: {line}" for i, line in enumerate(
    ["-----BEGIN RSA PRIVATE KEY-----", *k, "-----END RSA PRIVATE KEY-----"]))  # fmt: skip
case("pem-lines-behind-log-prefix", pem, k[1], k[2])
k = [rnd(64, B64) for _ in range(3)]
case("pem-on-one-line", f"SSO_KEY=-----BEGIN PRIVATE KEY----- {' '.join(k)} -----END PRIVATE KEY-----\nerror", k[1])

# --- exception reprs
p = picked()
case("python-pymysql-passwd", f"pymysql.connect(host='db', user='erp', passwd='{p}', db='ledger')\nOperationalError: (1045", p)
t = rnd(40, A)
case("go-http-header-map", f"request headers: map[Accept:[application/json] Authorization:[Bearer {t}]]\nstatus 401", t)
t = rnd(40, A)
case(
    "dotnet-httprequestmessage",
    f"Method: GET, RequestUri: 'https://api.acme.io/v1', Version: 1.1, Headers:\n{{\n  Authorization: Bearer {t}\n  Accept: application/json\n}}\nStatus 401",
    t,
)
p = picked()
case("java-record-tostring", f"LoginRequest[username=ops, password={p}, tenant=acme] failed: 401", p)
p = picked()
case(
    "python-kwargs-exception",
    f"TypeError: connect() got an unexpected keyword argument 'pwd' (kwargs={{'user': 'erp', 'pwd': '{p}'}})",
    p,
)
t = rnd(40, A)
case(
    "ruby-faraday-request-headers",
    f'Faraday::UnauthorizedError: the server responded with status 401\n request_headers: {{"X-Api-Key"=>"{t}"}}',
    t,
)

# --- HAR and VCR bodies
rt = rnd(64, URLSAFE)
body = json.dumps({"access_token": rnd(60, URLSAFE), "refresh_token": rt, "token_type": "bearer"})
case(
    "har-response-token-body",
    json.dumps({"response": {"status": 200, "content": {"mimeType": "application/json", "text": body}}}),
    rt,
)
rt = rnd(64, URLSAFE)
case(
    "vcrpy-response-body-string",
    f'  response:\n    body:\n      string: \'{{"access_token": "{rnd(60, URLSAFE)}", "refresh_token": "{rt}"}}\'\n    status:\n      code: 200',
    rt,
)
t = rnd(40, A)
case(
    "go-vcr-header",
    f"    headers:\n      X-Api-Key:\n      - {t}\n    url: https://api.acme.io/v1\n  response:\n    code: 401",
    t,
)

# --- labels in other languages
p = picked()
case("polish-haslo", f"Login: ops\nHasło: {p}\nBłąd 401", p)
p = picked()
case("polish-haslo-to", f"moje hasło to {p} i dalej 401", p)
k = rnd(32, A)
case("polish-klucz-api", f"klucz API: {k}\nodpowiedź: 401 Unauthorized", k)
p = picked()
case("czech-heslo", f"uživatel: ops, heslo: {p}\nchyba 401", p)
p = picked()
case("turkish-sifre", f"kullanıcı: ops\nşifre: {p}\nhata 401", p)
p = picked()
case("swedish-losenord", f"användare ops lösenord {p}\nfel 401", p)
k = rnd(32, A)
case("french-cle-api-space-colon", f"Ma clé d'API : {k}\nRéponse : 401 Unauthorized", k)
t = rnd(40, A)
case("french-jeton", f"jeton d'accès : {t}\nerreur 401", t)
k = rnd(32, A)
case("japanese-api-key", f"APIキー：{k}\nエラー 401", k)
t = rnd(40, A)
case("japanese-access-token", f"アクセストークン: {t}\n401 Unauthorized", t)
k = rnd(32, A)
case("german-api-schluessel", f"API-Schlüssel: {k}\nFehler 401", k)
p = picked()
case("german-zugangsdaten-pair", f"Zugangsdaten: ops / {p}\nFehler 401", p)

# --- the four vendors
k = rnd(24, LOW + "0123456789")
case("myob-key-powershell-splat", f"$h = @{{ 'x-myobapi-key' = \"{k}\"; 'x-myobapi-version' = 'v2' }}\n{MYOB_BODY}", k)
p = picked()
cf = b64(f"Administrator:{p}")
case("myob-cftoken-csharp-headers-add", f'client.DefaultRequestHeaders.Add("x-myobapi-cftoken", "{cf}");\n{MYOB_401}', cf)
t = rnd(60, URLSAFE)
case("sage-bearer-ruby-hash", f'Sage request {{"Authorization"=>"Bearer {t}", "X-Business"=>"abc"}}\n{SAGE_BODY}', t)
rt = rnd(40, HEX)
case("sage-refresh-token-response", json.dumps({"access_token": rnd(60, URLSAFE), "refresh_token": rt, "requested_by_id": "x"}) + "\n" + SAGE_BODY, rt)  # fmt: skip
k = rnd(40, HEX)
case("ix-rails-parameters-log", f'Parameters: {{"api_key"=>"{k}", "id"=>"123"}}\nCompleted 401\n{IX_BODY}', k)
k = rnd(40, HEX)
case("ix-api-key-urlencoded-log", f"GET /clients.json?api%5Fkey={k} 404\n{IX_BODY}", k)
k = rnd(32, A)
case("prospend-key-python-dict", f"requests.get(url, headers={{'x-api-key': '{k}'}})\n{PROSPEND_401}", k)
k = rnd(32, A)
case("prospend-key-env-then-body", f"PROSPEND_API_KEY={k}\n{PROSPEND_401}", k)

# --- shapes the gate-only probes found shown (/work/notes/secrets34-harness/probe2-4.py), each in a paste
p = picked()
case(
    "curl-proxy-user-short",
    f"curl -sS -U ops:{p} -x http://proxy.acme.local:3128 https://api.myob.com/accountright\n{MYOB_401}",
    p,
)
c = picked()
case("cisco-snmp-community", f"!\nsnmp-server community {c} RO 10\nsnmp-server location DC1\n!", c)
k = rnd(32, HEX) + "-us" + str(R.randint(1, 21))
case("mailchimp-key-bare", f"mailchimp3.mailchimpclient.MailChimpError: 401 API Key Invalid ({k})", k[:32])
p = picked()
case("dot-leader-no-spaces", f"User name............ops\nPassword.............{p}\nLast sign-in: never", p)
p = picked()
case("python-literal-continued", f"    password = '{p[:9]}' \\\n        '{p[9:]}'\nAuthenticationError: 401", p[9:])
p = picked()
case("label-blank-line-value", f"Your new ProSpend login\n\nPassword:\n\n{p}\n\n{PROSPEND_401}", p)
p = picked()
case("git-prompt-quoted-url", f"Password for 'https://ops@git.acme.io': {p}\nremote: HTTP Basic: Access denied", p)
p = picked()
case("auth-failed-user-slash", f"2026-02-01 10:00:00 WARN auth failed: svc_sync/{p} (401)", p)

# --- code a paste quotes: setters, builders and calls that take a password by position
p = picked()
case(
    "javac-setpassword-line",
    f'Sync.java:42: error: unreported exception SQLException\n        ds.setPassword("{p}");\n          ^\n1 error',
    p,
)
p = picked()
case(
    "rust-sqlx-builder-password",
    f'let opts = PgConnectOptions::new().host("db").username("erp").password("{p}");\n'
    'Error: error returned from database: password authentication failed for user "erp"',
    p,
)
p = picked()
case(
    "python-ldap-simple-bind",
    f"  File \"sync.py\", line 9, in <module>\n    conn.simple_bind_s('cn=admin,dc=acme,dc=pt', '{p}')\n"
    "ldap.INVALID_CREDENTIALS: {'desc': 'Invalid credentials'}",
    p,
)
p = picked()
case("perl-dbi-connect", f'my $dbh = DBI->connect("dbi:Pg:dbname=ledger;host=db", "erp", "{p}") or die $DBI::errstr;', p)
p = picked()
case(
    "ruby-net-smtp-start",
    f"Net::SMTP.start('smtp.acme.io', 587, 'acme.io', 'ops', '{p}', :login)\n"
    "Net::SMTPAuthenticationError: 535 5.7.8 Authentication credentials invalid",
    p,
)
p = picked()
case("php-trace-setauth", f"#0 /var/www/sync.php(12): Acme\\Api\\Client->setAuth('ops', '{p}')\n#1 {{main}}\n{MYOB_401}", p)
p = picked()
case(
    "powershell-networkcredential-new",
    f"At C:\\sync\\run.ps1:4 char:1\n+ $cred = [System.Net.NetworkCredential]::new('ops', '{p}')\n"
    "Invoke-RestMethod : The remote server returned an error: (401) Unauthorized.",
    p,
)
p = picked()
case("okhttp-credentials-basic", f'val auth = Credentials.basic("ops", "{p}")\n{PROSPEND_401}', p)
p = picked()
case("php-curlopt-userpwd", f"curl_setopt($ch, CURLOPT_USERPWD, 'ops:{p}');\n{IX_BODY}", p)
p = picked()
case("django-shell-set-password", f">>> u = User.objects.get(username='ops')\n>>> u.set_password('{p}')\n>>> u.save()", p)

FOUND = {  # the pastes whose credential main showed before this round
    "auth-failed-user-slash",
    "cisco-snmp-community",
    "curl-proxy-user-short",
    "dot-leader-no-spaces",
    "gha-debug-lone-result",
    "git-prompt-quoted-url",
    "jdbc-oracle-quoted-password",
    "label-blank-line-value",
    "letters-password-ends-like-word",
    "letters-password-ends-like-word-creds",
    "python-literal-continued",
    "slash-pair-no-label",
    "slash-pair-no-label-prod",
    "terraform-random-password-state",
    "xtrace-echo-lone",
    "xtrace-echo-to-sudo-stdin",
    "javac-setpassword-line",
    "rust-sqlx-builder-password",
    "python-ldap-simple-bind",
    "perl-dbi-connect",
    "ruby-net-smtp-start",
    "php-trace-setauth",
    "powershell-networkcredential-new",
    "okhttp-credentials-basic",
    "php-curlopt-userpwd",
    "django-shell-set-password",
}

"""secrets35's adversarial pastes: secrets34's leftovers (a bare ``ops / tasmandingo``, prose ``with password
kestrelmorning``, XMLHttpRequest's ``open(method, url, async, user, password)``), then shapes no earlier round tried:
credential files (.netrc's ``default`` entry, .pgpass wildcards, .my.cnf's ``[mysqldump]``, .git-credentials with a
token as the user), docker's ``identitytoken`` and kubeconfig's ``token``/``client-key-data``, Helm ``--set`` lists,
Ansible inventory and vars, environment dumps (bash ``set``, ``printenv``, PowerShell ``Get-ChildItem env:``, cmd's
``set``), Java ``-D`` properties, JDBC/ODBC strings in upper case and with spaces, SMTP ``AUTH PLAIN``/``AUTH LOGIN``,
IMAP ``LOGIN`` and POP3 ``PASS``, HTTP Digest, session cookies (Django, Rails, Laravel, JSESSIONID), OAuth's implicit
fragment, Service Bus SAS, CloudFront signed URLs, GraphQL variables, multipart form fields, URL-encoded and
double-encoded values, escaped keys, base64-wrapped JSON, hex dumps, Python bytes reprs, YAML block scalars, HAR
``postData.params`` and headers as name/value pairs, VCR cassettes, stack-trace locals (pytest ``--showlocals``, rich,
Django's debug page), tokens wrapped behind a log prefix, SQL that sets a password, CLI flags of database and cloud
tools, WordPress ``define``, and the four vendors' own credentials (MYOB's ``x-myobapi-key``/``x-myobapi-cftoken``,
Sage's access and refresh tokens, InvoiceXpress's ``api_key`` in a query, ProSpend's bearer JWT) in new places. All
synthetic: every credential is generated here, random strings of the real shapes (fixed seed) or a password as a person
picks one. ``CASES``: (id, paste, credentials)."""

from __future__ import annotations

import json
from functools import partial
from urllib.parse import quote

from secrets_kit import B64, HEX, IX_BODY, LOW, MYOB_401, MYOB_BODY, PROSPEND_401, SAGE_BODY, URLSAFE, A, Round, b64

_ROUND = Round(3535)
R = _ROUND.random
rnd, case, picked, letters, CASES = _ROUND.rnd, _ROUND.case, _ROUND.picked, _ROUND.letters, _ROUND.cases


jwt = partial(_ROUND.jwt, aud="https://api.prospend.com", alg="RS256", sig=86)


def ending_word():
    return f"{R.choice(('kestrel', 'quokka', 'mallee', 'wombat', 'tasman'))}{R.choice(('morning', 'dingo', 'harbour', 'ledger'))}"


# --- secrets34's leftovers
p = ending_word()
case("bare-slash-pair-letters", f"ops / {p}\n{MYOB_401}", p)
p = ending_word()
case("bare-slash-pair-then-curl", f"svc_erp / {p}\n$ curl -u svc_erp https://api.myob.com/accountright\nHTTP/1.1 401", p)
p = ending_word()
case("prose-with-password-letters", f"I logged in with password {p} and MYOB still says\n{MYOB_401}", p)
p = ending_word()
case("prose-using-password-letters", f"tried again using the password {p}, same 401 from ProSpend\n{PROSPEND_401}", p)
p = picked()
case(
    "xhr-open-user-password",
    f'xhr.open("GET", "https://api.acme.io/v1/invoices", true, "ops", "{p}");\n'
    "GET https://api.acme.io/v1/invoices 401 (Unauthorized)",
    p,
)
p = picked()
case("xhr-open-single-quotes", f"req.open('POST', url, false, 'svc_sync', '{p}')\nDOMException: 401", p)

# --- credential files
p = picked()
case("netrc-default-entry", f"$ cat ~/.netrc\nmachine api.myob.com\n  login ops\ndefault login anonymous password {p}\n401", p)
p = picked()
case("netrc-one-line-account", f"machine ftp.acme.io login ops account erp password {p} macdef init", p)
p = picked()
case("pgpass-wildcards", f'*:*:*:erp:{p}\npsql: error: FATAL:  password authentication failed for user "erp"', p)
p = picked()
case("mycnf-mysqldump-quoted", f'[mysqldump]\nuser=backup\npassword="{p}"\nmysqldump: Got error: 1045: Access denied', p)
t = "ghp_" + rnd(36, A)
case("git-credentials-token-as-user", f"$ cat ~/.git-credentials\nhttps://{t}@github.com\nfatal: Authentication failed", t)
t = rnd(40, HEX)
case("git-credentials-x-access-token", f"https://x-access-token:{t}@git.acme.io/erp/sync.git\nremote: 401", t)

# --- docker, kubernetes, helm, ansible
t = jwt(aud="registry.acme.io")
case("docker-identitytoken", json.dumps({"auths": {"acr.azurecr.io": {"auth": "", "identitytoken": t}}}, indent=2), t[-40:])
t = rnd(40, A) + "." + rnd(20, A)
case("kubeconfig-user-token", f"users:\n- name: erp-ci\n  user:\n    token: {t}\nerror: Unauthorized", t[:40])
k = b64("-----BEGIN RSA PRIVATE KEY-----\n" + rnd(64, B64) + "\n")
case(
    "kubeconfig-client-key-data", f"  user:\n    client-certificate-data: LS0tLS1CRUdJTg==\n    client-key-data: {k}\n", k[40:90]
)
p = picked()
case("kubectl-from-literal", f"$ kubectl create secret generic erp --from-literal=password={p} --from-literal=user=ops", p)
pb = b64(picked())
case("kubectl-secret-yaml-data", f"apiVersion: v1\ndata:\n  password: {pb}\n  username: b3Bz\nkind: Secret", pb)
p, k = picked(), rnd(32, A)
case("helm-set-list", f"$ helm upgrade erp ./chart --set db.user=erp,db.password={p},myob.apiKey={k}\nError: 401", p, k)
k = rnd(32, A)
case("helm-set-string", f"helm install sync ./chart --set-string secrets.prospendToken={k} --namespace erp", k)
p = picked()
case("ansible-inventory-ssh-pass", f"[erp]\nweb1 ansible_host=10.0.0.5 ansible_user=ops ansible_ssh_pass={p}\n", p)
p = picked()
case(
    "ansible-become-pass-yaml",
    f'all:\n  vars:\n    ansible_become_pass: \'{p}\'\nfatal: [web1]: FAILED! => {{"msg": "Incorrect sudo password"}}',
    p,
)

# --- environment dumps
t = rnd(40, URLSAFE)
case("bash-set-quoted", f"$ set | grep SAGE\nSAGE_ACCESS_TOKEN='{t}'\nSAGE_BUSINESS=abc\n", t)
k = rnd(24, LOW + "0123456789")
case("printenv-myob", f"$ printenv\nHOME=/home/ops\nMYOB_API_KEY={k}\nPATH=/usr/bin\n", k)
t = rnd(40, A)
case(
    "powershell-env-table",
    f"PS> Get-ChildItem env:\n\nName                           Value\n----                           -----\n"
    f"COMPUTERNAME                   ERP01\nPROSPEND_TOKEN                 {t}\nUSERNAME                       ops\n",
    t,
)
p = picked()
case("cmd-set-dump", f"C:\\> set\nCOMPUTERNAME=ERP01\nERP_DB_PASS={p}\nOS=Windows_NT", p)
t = rnd(40, A)
case("docker-inspect-env", json.dumps({"Config": {"Env": ["PATH=/usr/bin", f"IX_API_KEY={t}", "TZ=UTC"]}}, indent=4), t)

# --- Java -D, JDBC, ODBC
p, c = picked(), b64("Administrator:" + picked())
case("java-dash-d-properties", f"java -Ddb.password={p} -Dmyob.cftoken={c} -jar sync.jar\n{MYOB_401}", p, c)
p = picked()
case("java-keystore-password", f"-Djavax.net.ssl.keyStorePassword={p} -Djavax.net.ssl.keyStore=/etc/erp.jks", p)
p = picked()
case(
    "jdbc-upper-case", f"JDBC:POSTGRESQL://DB.ACME.IO:5432/LEDGER?USER=ERP&PASSWORD={p}\nFATAL: password authentication failed", p
)
p = picked()
case("jdbc-mysql-userinfo", f"jdbc:mysql://erp:{p}@db.acme.io:3306/ledger?useSSL=true\nAccess denied for user 'erp'", p)
p = picked()
case("odbc-spaces-around-equals", f"DSN=Ledger; UID = erp ; PWD = {p} ;\n[Microsoft][ODBC Driver Manager] Login failed", p)
p = picked()
case(
    "sqlalchemy-url-encoded-password",
    f"postgresql+psycopg2://erp:{quote(p + '@#')}@db/ledger\nOperationalError",
    quote(p + "@#")[:12],
)

# --- mail and other protocols
p = picked()
plain = b64(f"\0ops@acme.io\0{p}")
case("smtp-auth-plain", f"C: EHLO erp\nS: 250-AUTH PLAIN LOGIN\nC: AUTH PLAIN {plain}\nS: 535 5.7.8 Authentication failed", plain)
p = picked()
lp = b64(p)
case(
    "smtp-auth-login-lines", f"C: AUTH LOGIN\nS: 334 VXNlcm5hbWU6\nC: b3BzQGFjbWUuaW8=\nS: 334 UGFzc3dvcmQ6\nC: {lp}\nS: 535", lp
)
p = picked()
case("imap-login", f"* OK IMAP4rev1 ready\na001 LOGIN ops@acme.io {p}\na001 NO [AUTHENTICATIONFAILED] Invalid credentials", p)
p = picked()
case("pop3-pass", f"+OK POP3 ready\nUSER ops\n+OK\nPASS {p}\n-ERR [AUTH] Authentication failed.", p)
p = picked()
case("ftp-pass", f"220 ProFTPD\nUSER ops\n331 Password required for ops\nPASS {p}\n530 Login incorrect.", p)
p = picked()
case("mongo-shell-db-auth", f'> db.auth("erp", "{p}")\nMongoServerError: Authentication failed.', p)

# --- HTTP headers and cookies
r = rnd(32, HEX)
case(
    "http-digest-response",
    f'Authorization: Digest username="ops", realm="api", nonce="{rnd(32, HEX)}", uri="/v1", qop=auth, nc=00000001, '
    f'cnonce="{rnd(16, HEX)}", response="{r}"\nHTTP/1.1 401',
    r,
)
s = rnd(32, LOW + "0123456789")
case("django-sessionid-cookie", f"Cookie: csrftoken={rnd(64, A)}; sessionid={s}\n403 Forbidden", s)
s = rnd(120, B64) + "--" + rnd(40, HEX)
case("rails-session-cookie", f"Set-Cookie: _erp_session={s}; path=/; HttpOnly\n", s[:60])
s = "eyJpdiI6" + rnd(150, A)
case("laravel-session-cookie", f"Cookie: XSRF-TOKEN=abc; laravel_session={s}\n419 Page Expired", s[:60])
s = rnd(32, "0123456789ABCDEF")
case("jsessionid-set-cookie", f"Set-Cookie: JSESSIONID={s}; Path=/erp; Secure; HttpOnly\nHTTP/1.1 302", s)
s = rnd(32, HEX)
case("jsessionid-in-url-path", f"GET /erp/invoices;jsessionid={s}?page=2 HTTP/1.1\n500", s)
u = b64("ops:" + picked())
case("proxy-authorization-basic-lower", f"proxy-authorization: basic {u}\n407 Proxy Authentication Required", u)
t = "hvs." + rnd(24, A)
case("vault-token-header", f"X-Vault-Token: {t}\n* permission denied", t)

# --- OAuth, SAS and signed URLs
t = rnd(60, URLSAFE)
case(
    "oauth-implicit-fragment",
    f"Redirected to https://app.acme.io/cb#access_token={t}&token_type=Bearer&expires_in=3600\nthen 401",
    t,
)
c = rnd(40, URLSAFE)
case("oauth-code-state-location", f"< Location: https://app.acme.io/callback?state=xyz&code={c}&scope=full_access\n", c)
sig = quote(rnd(43, B64) + "=", safe="")
case(
    "servicebus-sas-header",
    f"Authorization: SharedAccessSignature sr=acme.servicebus.windows.net&sig={sig}&se=1769943600&skn=RootManageSharedAccessKey\n401",
    sig,
)
k = rnd(43, B64) + "="
case(
    "servicebus-connection-string",
    f"Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey={k}",
    k,
)
sig = rnd(170, URLSAFE.replace("_", "~"))
case(
    "cloudfront-signed-url",
    f"https://d111111abcdef8.cloudfront.net/report.pdf?Expires=1769943600&Signature={sig}&Key-Pair-Id=K2JCJMDEHXQW5F\n403",
    sig[:60],
)

# --- GraphQL, multipart, forms, encodings
p = picked()
case(
    "graphql-variables-short-names",
    json.dumps({"query": "mutation Login($u: String!, $p: String!) { login(username: $u, password: $p) { token } }",
                "variables": {"u": "ops", "p": p}}) + '\n{"errors":[{"message":"Invalid credentials"}]}',
    p,
)  # fmt: skip
k = rnd(32, A)
case("graphql-variables-input-apikey", json.dumps({"variables": {"input": {"apiKey": k, "tenant": "acme"}}}), k)
p = picked()
case(
    "multipart-password-field",
    f'------WebKitFormBoundary7MA4\r\nContent-Disposition: form-data; name="username"\r\n\r\nops\r\n'
    f'------WebKitFormBoundary7MA4\r\nContent-Disposition: form-data; name="password"\r\n\r\n{p}\r\n------WebKitFormBoundary7MA4--',
    p,
)
k = rnd(40, HEX)
case(
    "multipart-api-key-field-lf",
    f'--xyz\nContent-Disposition: form-data; name="api_key"\n\n{k}\n--xyz--\nHTTP/1.1 401\n{IX_BODY}',
    k,
)
p = picked()
case("double-encoded-password", f"GET /sso?next=%2Flogin%253Fuser%253Dops%2526password%253D{p} 302", p)
p = picked()
case("url-encoded-in-redirect", f"Location: /login?return=%2Fapi%3Fuser%3Dops%26password%3D{p}\n", p)
p = picked()
esc = "".join(f"\\u{ord(c):04x}" for c in "password")
case("json-unicode-escaped-key", '{"user":"ops","' + esc + f'":"{p}"}}\n401', p)
p = picked()
inner = json.dumps({"username": "ops", "password": p})
case("base64-wrapped-json", f"2026-02-01 ERROR login payload={b64(inner)} -> 401", b64(inner)[20:60])
p = picked()
case("yaml-block-scalar-password", f"db:\n  password: |\n    {p}\n  host: db.acme.io\n", p)
t = rnd(60, A)
case("yaml-folded-scalar-token", f"sage:\n  access_token: >-\n    {t[:30]}\n    {t[30:]}\n  region: uk", t[:30], t[30:])
p = picked()
case("toml-multiline-password", f'[database]\nuser = "erp"\npassword = """{p}"""\n', p)
p = picked()
case("xml-cdata-password", f"<credentials><user>ops</user><password><![CDATA[{p}]]></password></credentials>\n401", p)
p = picked()
case("python-bytes-sasl-plain", f"sent: b'\\x00ops\\x00{p}'\nrecv: b'535 5.7.8 Error: authentication failed'", p)
p = picked() + picked()
line = f"password={p}"


def xxd(at, chunk):
    words = " ".join(chunk[i : i + 2].encode().hex() for i in range(0, len(chunk), 2))
    return f"{at:08x}: {words:<40}  {chunk}"


case("hexdump-text-column", "\n".join(xxd(i, line[i : i + 16]) for i in range(0, len(line), 16)) + "\n", line[16:32])

# --- HAR and VCR
p = picked()
har = {"request": {"method": "POST", "url": "https://api.acme.io/login", "postData": {
    "mimeType": "application/x-www-form-urlencoded",
    "params": [{"name": "username", "value": "ops"}, {"name": "password", "value": p}]}}}  # fmt: skip
case("har-postdata-params", json.dumps(har, indent=2), p)
c = b64("Administrator:" + picked())
k = rnd(24, LOW + "0123456789")
har = {"request": {"headers": [{"name": "x-myobapi-key", "value": k}, {"name": "x-myobapi-cftoken", "value": c}]},
       "response": {"status": 401, "content": {"text": MYOB_401}}}  # fmt: skip
case("har-myob-headers-name-value", json.dumps(har), k, c)
p = picked()
case(
    "vcr-request-body-form",
    f"- request:\n    body: {{encoding: utf-8, string: 'username=ops&password={p}'}}\n    method: POST\n  response:\n    status: {{code: 401}}",
    p,
)
u = b64("ops:" + picked())
case("vcr-authorization-list", f"    headers:\n      Authorization: [Basic {u}]\n      Accept: ['*/*']\n", u)

# --- stack-trace locals
p = picked()
case(
    "pytest-showlocals",
    f"client     = <ErpClient object at 0x7f>\npassword   = '{p}'\nresp       = <Response [401]>\n\nE   HTTPError: 401",
    p,
)
k = rnd(32, A)
case(
    "rich-traceback-locals",
    f"│ │   api_key = '{k}'                     │\n│ │   timeout = 30                        │\nHTTPError: 401",
    k,
)
p = picked()
case("django-debug-locals", f"Local vars\nVariable\tValue\nconn\t<Connection>\npwd\t'{p}'\nuser\t'erp'\n", p)
t = rnd(40, A)
case("sentry-frame-vars-json", json.dumps({"frames": [{"function": "sync", "vars": {"token": f"'{t}'", "n": "3"}}]}), t)
t = rnd(40, A)
case("go-panic-struct-fields", f"panic: 401 Unauthorized\n\ngoroutine 1:\nmain.sync(0xc000, {{Host:api.acme.io Token:{t}}})", t)

# --- tokens wrapped across lines
t = rnd(80, A)
case(
    "token-wrapped-behind-log-prefix",
    f"2026-02-01T10:00:00Z app[web.1]: token={t[:40]}\n2026-02-01T10:00:00Z app[web.1]: {t[40:]}\n401",
    t[:40],
    t[40:],
)
t = rnd(90, A)
case("token-wrapped-at-column-after-label", f"Your API key:\n{t[:45]}\n{t[45:]}\n(keep it safe)", t[:45], t[45:])

# --- SQL that sets a password
p = picked()
case("sql-create-user-with-password", f"ERROR:  role \"erp\" already exists\nSTATEMENT:  CREATE USER erp WITH PASSWORD '{p}';", p)
p = picked()
case("oracle-identified-by-bare", f"SQL> ALTER USER erp IDENTIFIED BY {p};\nORA-28007: the password cannot be reused", p)
p = picked()
case("mysql-set-password-for", f"mysql> SET PASSWORD FOR 'erp'@'%' = '{p}';\nERROR 1133 (42000)", p)

# --- CLI flags
p = picked()
case("sshpass-p", f"$ sshpass -p '{p}' ssh ops@10.0.0.5\nPermission denied, please try again.", p)
p = picked()
case("redis-cli-a", f"$ redis-cli -h cache -a {p} ping\n(error) WRONGPASS invalid username-password pair", p)
p = picked()
case("openssl-passin", f"openssl pkcs12 -in erp.p12 -passin pass:{p} -nodes\nMac verify error: invalid password?", p)
p = picked()
case(
    "ldapsearch-w", f"ldapsearch -x -H ldap://dc1 -D 'cn=admin,dc=acme' -w {p} -b dc=acme\nldap_bind: Invalid credentials (49)", p
)
p = picked()
case("cmdkey-pass", f"C:\\> cmdkey /add:erp01 /user:ops /pass:{p}\nCMDKEY: Credential added successfully.", p)
p = picked()
case("net-use-password-positional", f"C:\\> net use \\\\erp01\\share {p} /user:ACME\\ops\nSystem error 1326 has occurred.", p)
p = picked()
case("az-login-p", f"$ az login -u ops@acme.io -p {p}\nAADSTS50126: Error validating credentials", p)
t = rnd(40, A)
case("curl-oauth2-bearer", f"curl --oauth2-bearer {t} https://api.acme.io/v1\n401", t)
p = picked()
case("httpie-auth", f"$ http -a ops:{p} GET https://api.acme.io/v1\nHTTP/1.1 401 Unauthorized", p)
p = picked()
case("vault-kv-put", f"$ vault kv put secret/erp user=ops password={p}\nError writing data: 403", p)
p = picked()
case("terraform-var-flag", f"$ terraform apply -var 'db_password={p}'\nError: 401", p)

# --- code a paste quotes
p = picked()
case("wordpress-define", f"define( 'DB_PASSWORD', '{p}' );\nError establishing a database connection", p)
k = rnd(64, A + "!@#$%^&*")
case("wordpress-define-auth-key", f"define('AUTH_KEY',         '{k}');", k[:40])
p = picked()
case("go-setbasicauth", f'req.SetBasicAuth("ops", "{p}")\n// => 401 Unauthorized', p)
p = picked()
case("ruby-basic-auth-no-parens", f"req.basic_auth 'ops', '{p}'\nNet::HTTPUnauthorized 401", p)
p = picked()
case("java-drivermanager-getconnection", f'DriverManager.getConnection(url, "erp", "{p}");\nSQLException: Access denied', p)
p = picked()
case("python-ftplib", f"ftp = ftplib.FTP('ftp.acme.io', 'ops', '{p}')\nftplib.error_perm: 530 Login incorrect.", p)
p = picked()
case("js-btoa", f"headers: {{ Authorization: 'Basic ' + btoa('ops:{p}') }}\n401", p)
k = rnd(32, A)
case("python-environ-assign", f'os.environ["PROSPEND_TOKEN"] = "{k}"\n{PROSPEND_401}', k)

# --- the four vendors, in new places
k = rnd(24, LOW + "0123456789")
case("myob-key-header-dump-tab", f"Request headers:\nx-myobapi-key\t{k}\nx-myobapi-version\tv2\n{MYOB_BODY}", k)
c = b64("Administrator:" + picked())
case("myob-cftoken-axios-config", f"config: {{ headers: {{ 'x-myobapi-cftoken': '{c}' }} }}\nAxiosError: 401\n{MYOB_401}", c)
c = b64("Administrator:" + picked())
case("myob-cftoken-curl-h-no-space", f"curl -H'x-myobapi-cftoken:{c}' https://api.myob.com/accountright/abc\n{MYOB_401}", c)
t = rnd(60, URLSAFE)
case("sage-token-python-session-headers", f"session.headers.update({{'Authorization': f'Bearer {t}'}})\n{SAGE_BODY}", t)
rt = rnd(40, HEX)
case(
    "sage-refresh-form-body",
    f"POST /token body: grant_type=refresh_token&refresh_token={rt}&client_id=abc\n400 invalid_grant",
    rt,
)
k = rnd(40, HEX)
case("ix-api-key-html-escaped-query", f'<a href="/invoices.json?page=2&amp;api_key={k}">next</a>\n{IX_BODY}', k)
k = rnd(40, HEX)
case("ix-api-key-upper-query", f"GET https://acme.app.invoicexpress.com/clients.json?API_KEY={k} -> 404\n{IX_BODY}", k)
j = jwt()
case("prospend-jwt-bare-in-prose", f"the ProSpend token I was given is {j} and it fails\n{PROSPEND_401}", j.split(".")[2])
j = jwt()
case("prospend-jwt-env-lower", f"prospend_token={j}\n{PROSPEND_401}", j.split(".")[2])

# --- shapes the gate-only probes found shown (/work/notes/secrets35-harness/probe2.py), each in a paste
p = picked()
case("login-user-colon-password", f"2026-02-01 10:00:00 WARN login failed for user ops:{p}\n{MYOB_401}", p)
p = picked()
case("wifi-ssid-slash-passphrase", f"office wifi: AcmeGuest / {p}\nthen the sync box got 401 from ProSpend\n{PROSPEND_401}", p)
c = picked()
case("junos-snmp-community", f"set snmp community {c} authorization read-only\nset snmp location DC1", c)
c = picked()
case("community-string-label", f"SNMP community string: {c}\npolling erp01 ... timeout", c)
p = letters()
case("user-then-password-letters", f"staging: user svc_sync, password {p}\n{MYOB_401}", p)
p = letters()
case("password-set-to-letters", f"IT changed the password to {p}. Since then ProSpend says\n{PROSPEND_401}", p)
p = letters()
case("my-pw-is-letters", f"my pw is {p}, and Sage answers\n{SAGE_BODY}", p)

FOUND = {  # the pastes whose credential main showed before this round, in any output (/work/notes/secrets35-harness)
    "bare-slash-pair-letters",
    "prose-with-password-letters",
    "xhr-open-user-password",
    "xhr-open-single-quotes",
    "mongo-shell-db-auth",
    "python-bytes-sasl-plain",
    "hexdump-text-column",
    "ruby-basic-auth-no-parens",
    "login-user-colon-password",
    "wifi-ssid-slash-passphrase",
    "junos-snmp-community",
    "community-string-label",
    "user-then-password-letters",
    "password-set-to-letters",
    "my-pw-is-letters",
}

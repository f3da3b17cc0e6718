"""secrets37's adversarial pastes: shapes no earlier round tried. Credentials inside an HTTP client's object dump
(Python requests' headers dict, Guzzle's request var_dump, Faraday's env, RestSharp's request, Java's toString, Ruby's
inspect), HAR and VCR fields not tried (postData params, cookies arrays, queryString), URL fragments and matrix
parameters, multipart bodies, XML attributes, YAML block scalars, a SOAP WS-Security header, a credential split by ANSI
colour codes or by a line wrap at 80 columns, quoted-printable, percent- or HTML-entity-encoded, shell history lines
(``export X=...``, ``curl -u``), a pasted .env file, labels in other languages (senha, contraseña, Passwort, mot de
passe, jeton, chave), and the leftovers: spaced hex bytes, an unlabelled OTP in a sentence, SNMP ``community:``.
All synthetic: every credential is generated here, random strings of real shapes (fixed seed) or a password as a
person picks one. ``CASES``: (id, paste, credentials)."""

from __future__ import annotations

import json
import quopri
from html import escape

from secrets_kit import B64, HEX, IX_BODY, LOW, MYOB_401, PROSPEND_401, SAGE_BODY, UP, URLSAFE, A, Round, b64

_ROUND = Round(3737)
R = _ROUND.random
rnd, case, picked, letters, CASES = _ROUND.rnd, _ROUND.case, _ROUND.picked, _ROUND.letters, _ROUND.cases
DIG = "0123456789"


jwt = _ROUND.jwt


def token():
    return rnd(R.randint(28, 40), A)


# --- HTTP clients' object dumps
t = token()
case(
    "py-requests-prepared-headers",
    f"<PreparedRequest [GET]> headers={{'User-Agent': 'python-requests/2.31.0', 'Authorization': 'Bearer {t}'}}\n{MYOB_401}",
    t,
)
k = rnd(24, LOW + DIG)
case(
    "py-caseinsensitivedict",
    f"{{'x-myobapi-key': '{k}', 'x-myobapi-version': 'v2'}}\nCaseInsensitiveDict({{'X-Myobapi-Key': '{k}'}})\n{MYOB_401}",
    k,
)
t = token()
case(
    "guzzle-request-var-dump",
    'object(GuzzleHttp\\Psr7\\Request)#12 (7) {\n  ["headers":"GuzzleHttp\\Psr7\\Request":private]=>\n  array(2) {\n'
    f'    ["Authorization"]=>\n    array(1) {{\n      [0]=>\n      string(47) "Bearer {t}"\n    }}\n  }}\n}}\n{SAGE_BODY}',
    t,
)
p = picked()
case(
    "php-print-r-array",
    f"Array\n(\n    [username] => ops\n    [senha] => {p}\n)\nPHP Warning: 401 Unauthorized\n{IX_BODY}",
    p,
)
t = token()
case(
    "faraday-env-inspect",
    f'#<Faraday::Env @method=:get @request_headers={{"Authorization"=>"Token token={t}", "User-Agent"=>"Faraday v2.7.4"}}'
    f" @status=401>\n{PROSPEND_401}",
    t,
)
p = picked()
case("ruby-hash-symbol-keys", f'Net::HTTP POST {{:user=>"ops", :passwd=>"{p}"}}\n{MYOB_401}', p)
t = token()
case(
    "restsharp-request-tostring",
    f"RestRequest: Resource=/contacts, Method=GET, Parameters=[Authorization=Bearer {t} (HttpHeader)]\n{SAGE_BODY}",
    t,
)
t = token()
case(
    "java-httprequest-tostring",
    f"HttpRequest{{uri=https://api.acme.io/v1, headers=java.net.http.HttpHeaders@1f {{ {{authorization=[Bearer {t}]}} }}}}"
    f"\n{PROSPEND_401}",
    t,
)
p = picked()
case(
    "java-dataclass-tostring",
    f"LoginRequest(username=ops, password={p}, rememberMe=true)\nHTTP 401\n{PROSPEND_401}",
    p,
)
p = picked()
case("python-dataclass-repr", f"Credentials(user='ops', secret='{p}', realm=None)\n{MYOB_401}", p)
t = token()
case("go-struct-dump", f'&http.Request{{Method:"GET", Header:http.Header{{"Authorization":[]string{{"Bearer {t}"}}}}}}\n401', t)
t = token()
case(
    "node-util-inspect", f"{{\n  headers: {{\n    authorization: 'Bearer {t}',\n    accept: 'application/json'\n  }}\n}}\n401", t
)

# --- HAR / VCR fields
p = picked()
har = {
    "request": {
        "postData": {
            "mimeType": "application/x-www-form-urlencoded",
            "params": [{"name": "username", "value": "ops"}, {"name": "password", "value": p}],
        }
    }
}
case("har-postdata-params", json.dumps(har) + f"\n{MYOB_401}", p)
t = token()
har = {"request": {"cookies": [{"name": "session", "value": t, "httpOnly": True}]}}
case("har-cookies-array", json.dumps(har, indent=2) + "\n401", t)
k = rnd(40, HEX)
har = {"request": {"queryString": [{"name": "api_key", "value": k}]}}
case("har-querystring", json.dumps(har) + f"\n{IX_BODY}", k)
t = token()
case(
    "vcr-yaml-headers-list",
    f"request:\n  headers:\n    Authorization:\n    - Bearer {t}\nresponse:\n  status:\n    code: 401\n",
    t,
)
p = picked()
case("vcr-body-string-form", f"  body:\n    encoding: UTF-8\n    string: grant_type=password&username=ops&password={p}\n401", p)

# --- URL forms
t = rnd(43, URLSAFE)
case("url-fragment-access-token", f"redirected to https://app.acme.io/cb#access_token={t}&token_type=bearer\n401", t)
t = rnd(32, A)
case("url-matrix-param", f"GET https://api.acme.io/v1/items;jsessionid=x;apikey={t}?page=2 401", t)
p = picked()
case("url-matrix-password", f"GET /svc/login;user=ops;password={p} HTTP/1.1\n401", p)
t = rnd(40, A)
case("url-fragment-id-token", f"Location: https://app.acme.io/#id_token={jwt()}&state={t}\n", t)

# --- multipart
p = picked()
case(
    "multipart-form-field",
    f'--boundary42\r\nContent-Disposition: form-data; name="password"\r\n\r\n{p}\r\n--boundary42--\r\n401',
    p,
)
k = rnd(40, HEX)
case(
    "multipart-api-key-lf",
    f'------WebKitFormBoundary7MA4\nContent-Disposition: form-data; name="api_key"\n\n{k}\n------WebKitFormBoundary7MA4--\n{IX_BODY}',
    k,
)

# --- XML
p = picked()
case("xml-attribute-password", f'<login user="ops" password="{p}"/>\n<error code="401"/>', p)
t = token()
case("xml-attribute-token-single", f"<auth type='bearer' token='{t}' />\n401", t)
p = picked()
case("xml-add-key-value", f'<add key="DbPassword" value="{p}" />\n<add key="Timeout" value="30" />', p)
p = picked()
case(
    "soap-wsse-password",
    "<soapenv:Header><wsse:Security><wsse:UsernameToken><wsse:Username>ops</wsse:Username>"
    f'<wsse:Password Type="http://docs.oasis-open.org/wss#PasswordText">{p}</wsse:Password>'
    "</wsse:UsernameToken></wsse:Security></soapenv:Header>\n<faultstring>401</faultstring>",
    p,
)
n = b64(rnd(16, A))
case(
    "soap-wsse-nonce-digest",
    f'<wsse:Password Type="...#PasswordDigest">{b64(rnd(20, A))}</wsse:Password><wsse:Nonce>{n}</wsse:Nonce>',
    n,
)
t = token()
case("xml-cdata-token", f"<token><![CDATA[{t}]]></token>\n<status>401</status>", t)

# --- YAML
t = token()
case("yaml-block-literal", f"auth:\n  token: |\n    {t}\n  url: https://api.acme.io\n", t)
t = rnd(64, B64)
case("yaml-block-folded", f"secret_key: >-\n  {t[:32]}\n  {t[32:]}\nkind: Secret", t[:32], t[32:])
p = picked()
case("yaml-flow-mapping", f"db: {{user: ops, password: {p}, host: db.internal}}\nerror: auth failed", p)
p = picked()
case("yaml-anchor-merge", f"defaults: &d\n  pass: &pw {p}\nprod:\n  <<: *d\n", p)

# --- ANSI colour and wraps
t = token()
case("ansi-split-token", f"\x1b[33mAuthorization:\x1b[0m Bearer \x1b[1m{t[:12]}\x1b[0m{t[12:]}\n401", t[:12], t[12:])
p = picked()
case("ansi-around-password", f"\x1b[31mpassword=\x1b[0m\x1b[1m{p}\x1b[22m\n401", p)
t = rnd(120, A)
line = f"2026-03-01T10:00:00Z DEBUG outgoing request headers Authorization: Bearer {t}"
case("wrap-80-columns", "\n".join(line[i : i + 80] for i in range(0, len(line), 80)) + "\n401", t[:30], t[-30:])
k = rnd(40, UP + LOW)
line = f"export AWS_SECRET_ACCESS_KEY={k}"
case("wrap-shell-40", line[:40] + "\n" + line[40:] + "\nAccessDenied", k[:12], k[-12:])

# --- encodings
p = picked()
qp = quopri.encodestring(f"Passwort: {p}=\n".encode()).decode()
case("quoted-printable-email", f"Content-Transfer-Encoding: quoted-printable\n\n{qp}", p)
p = picked()
case("percent-encoded-everything", "q=" + "".join(f"%{b:02X}" for b in f"password={p}".encode()) + "\n401", p)
p = picked()
case("html-entity-decimal", "<pre>" + "".join(f"&#{ord(c)};" for c in f"password={p}") + "</pre>", p)
p = picked()
case("html-entity-escaped-json", "<code>" + escape(json.dumps({"password": p})) + "</code>\n401", p)
t = token()
case("html-entity-hex-bearer", "Authorization: Bearer " + "".join(f"&#x{ord(c):x};" for c in t) + "\n401", t)
p = picked()
case("unicode-fullwidth-label", f"ｐａｓｓｗｏｒｄ: {p}\n{MYOB_401}", p)
p = picked()
case("utf16-escaped-json", json.dumps({"password": p}).encode("utf-16-le").hex() + "\n401", p.encode("utf-16-le").hex()[:24])

# --- shell history
k = rnd(40, UP + LOW + DIG)
case("history-export", f"  501  export SAGE_CLIENT_SECRET={k}\n  502  ./sync.sh\n{SAGE_BODY}", k)
p = picked()
case("history-curl-u", f"  733  curl -u ops:{p} https://api.acme.io/v1/me\n{PROSPEND_401}", p)
p = picked()
case("history-curl-user-space", f"$ curl --user 'ops:{p}' https://api.acme.io\n401", p)
p = picked()
case("history-mysql-p", f"  12  mysql -u root -p{p} -h db.internal\nERROR 1045 (28000): Access denied", p)
p = picked()
case("history-set-fish", f"set -gx DB_PASSWORD {p}\npsql: FATAL: password authentication failed", p)
p = picked()
case("history-powershell", f'PS> $env:API_PASSWORD = "{p}"\nInvoke-RestMethod : 401', p)
t = token()
case("history-windows-set", f"C:\\> set ACCESS_TOKEN={t}\nC:\\> sync.exe\n401", t)
p = picked()
case("history-sshpass", f"sshpass -p '{p}' ssh ops@10.0.0.5\nPermission denied", p)
p = picked()
case("history-htpasswd", f"htpasswd -b -c .htpasswd ops {p}\nAdding password for user ops", p)

# --- .env
k, t, p = rnd(24, LOW + DIG), rnd(40, HEX), picked()
case("dotenv-file", f"# .env\nMYOB_API_KEY={k}\nIX_API_KEY='{t}'\nDB_PASS=\"{p}\"\nDEBUG=true\n{MYOB_401}", k, t, p)
p = picked()
case("dotenv-export-spaces", f"export  PGPASSWORD = {p}\n401", p)
k = rnd(32, A)
case("dotenv-lowercase-secret", f"app_secret={k}\napp_name=sync\n", k)

# --- other languages
p = picked()
case("label-senha", f"usuário: ops\nsenha: {p}\nErro 401", p)
p = picked()
case("label-contrasena", f"usuario: ops, contraseña: {p}\nError 401 no autorizado", p)
p = picked()
case("label-passwort", f"Benutzer ops, Passwort {p}\nFehler 401", p)
p = picked()
case("label-mot-de-passe", f"identifiant : ops\nmot de passe : {p}\nErreur 401", p)
t = token()
case("label-jeton", f"jeton d'accès : {t}\nErreur 401 non autorisé", t)
k = rnd(40, HEX)
case("label-chave", f"chave da API: {k}\n{IX_BODY}", k)
p = picked()
case("label-wachtwoord", f"gebruiker ops wachtwoord: {p}\n401", p)
p = picked()
case("label-parola", f"utente ops parola d'ordine: {p}\n401", p)
p = picked()
case("label-haslo", f"użytkownik: ops hasło: {p}\n401", p)
p = picked()
case("label-cyrillic-parol", f"логин: ops пароль: {p}\n401", p)
p = picked()
case("label-japanese", f"ユーザー: ops パスワード: {p}\n401", p)
p = picked()
case("label-chinese", f"用户名: ops 密码: {p}\n401", p)
p = picked()
case("label-senha-equals", f"login=ops&senha={p}\n401", p)
p = picked()
case("label-clave", f"clave={p}\n401", p)
p = picked()
case("label-kennwort", f"Kennwort: {p}\n401", p)

# --- leftovers
kb = bytes(R.randrange(256) for _ in range(16))
case(
    "hex-spaced-key-bytes", "key: " + " ".join(f"{b:02x}" for b in kb) + "\ndecrypt failed", " ".join(f"{b:02x}" for b in kb[:6])
)
kb = bytes(R.randrange(256) for _ in range(16))
case("hex-colon-key-bytes", "aes key = " + ":".join(f"{b:02X}" for b in kb) + "\n", ":".join(f"{b:02X}" for b in kb[:6]))
kb = f"password={picked()}".encode()
case("hex-spaced-password-text", "sent: " + " ".join(f"{b:02x}" for b in kb), " ".join(f"{b:02x}" for b in kb[9:15]))
o = f"{R.randint(100000, 999999)}"
case("otp-unlabelled-sentence", f"the code from the app was {o} but login failed\n401", o)
o = f"{R.randint(100000, 999999)}"
case("otp-entered-sentence", f"I entered {o} from Google Authenticator and still got\n{MYOB_401}", o)
o = f"{R.randint(100000, 999999)}"
case("otp-sms-code", f"Your verification code is {o}. It expires in 10 minutes.", o)
c = letters()
case("snmp-community-alone", f"community: {c}", c)
c = picked()
case("snmp-community-in-config", f"snmp-server community {c} RO\n% Authentication failure", c)
c = letters()
case("snmpwalk-c", f"snmpwalk -v2c -c {c} 10.0.0.1\nTimeout: No Response from 10.0.0.1", c)

# --- more named places
p = picked()
case("kv-pipe-table", f"| user | password |\n|------|----------|\n| ops  | {p} |\n", p)
t = token()
case("header-x-auth-token-curl", f"> X-Auth-Token: {t}\n< HTTP/1.1 401\n", t)
c = b64("ops:" + picked())
case("header-proxy-authorization", f"Proxy-Authorization: Basic {c}\n407", c)
p = picked()
case("json-nested-string-credentials", json.dumps({"event": json.dumps({"creds": {"pwd": p}})}) + "\n401", p)
p = picked()
case("toml-password", f'[database]\nuser = "ops"\npassword = """{p}"""\n', p)
p = picked()
case("ini-password-semicolon", f"[db]\nuser=ops\npassword={p} ; prod\n", p)
p = picked()
case("properties-colon", f"spring.datasource.password:{p}\nspring.datasource.username:ops\n", p)
t = token()
case("docker-run-e", f"docker run -e API_TOKEN={t} acme/sync:latest\n401", t)
t = token()
case("k8s-create-secret-literal", f"kubectl create secret generic api --from-literal=token={t}\nsecret/api created", t)
p = picked()
case("jdbc-url-password-param", f"jdbc:mysql://db:3306/app?user=ops&password={p}&useSSL=false\nAccess denied", p)
p = picked()
case("odbc-pwd-braces", f"Driver={{ODBC Driver 18}};Server=db;Uid=ops;Pwd={{{p}}};\nLogin failed", p)
t = rnd(40, A)
case("github-actions-mask-echo", f"::add-mask::{t}\necho ::set-output name=token::{t}", t)
t = token()
case("sentry-breadcrumb-data", json.dumps({"breadcrumbs": [{"data": {"url": "/x", "headers": {"x-api-key": t}}}]}) + "\n", t)
p = picked()
case("structlog-kv-password", f"2026-03-01 [error    ] login failed   password={p} user=ops\n", p)
p = picked()
case("logfmt-quoted-passwd", f'level=error msg="auth failed" passwd="{p}" user=ops\n', p)
p = picked()
case("cli-flag-equals-password", f"$ sync --username=ops --password={p}\nError: 401 Unauthorized\n", p)
t = token()
case("bearer-lowercase-no-header", f"using bearer {t} for the call\n401", t)
t = token()
case("token-in-parentheses-prose", f"The token ({t}) was rejected with 401\n", t)
p = picked()
case("password-was-quoted-prose", f'the password was "{p}" and it failed\n401', p)
p = picked()
case("pass-arrow", f"pass -> {p}\n401", p)
p = picked()
case("pwd-double-colon", f"pwd:: {p}\n401", p)
p = picked()
case("password-emoji", f"🔑 password: {p}\n401", p)

# --- found while fixing the above (probes of the same families)
p = picked()
hx = ", ".join(f"0x{b:02x}" for b in f"password={p}".encode())
case("hex-c-array", f"static const uint8_t login[] = {{{hx}}};\nauth failed", hx[60:120])
p = picked()
case("ldif-double-colon", f"dn: cn=ops,dc=acme,dc=io\nuserPassword:: {b64(p)}\nldap_bind: Invalid credentials (49)", b64(p))
c = letters()
case("snmp-community-json", f'{{"target": "10.0.0.1", "community": "{c}", "version": "2c"}}\nTimeout', c)
o = f"{R.randint(100000, 999999)}"
case("otp-typed-from-app", f"I typed in {o} from the app and MYOB said\n{MYOB_401}", o)
p = picked()
case("structlog-markdown-table", f"| user | password |\n|------|----------|\n| svc  | {p} |\n{PROSPEND_401}", p)
o = f"{R.randint(1000, 9999)}"
case("pin-said-in-prose", f"my PIN is {o}, and the card still fails\n{PROSPEND_401}", o)
p = f"{R.randint(10000000, 99999999)}"
case("password-digits-said", f"my password is {p}, but MYOB says\n{MYOB_401}", p)

# drop empty credential lists (a case whose credential is built elsewhere)
CASES[:] = [(cid, text, [s for s in secrets if s]) for cid, text, secrets in CASES if any(secrets)]

# the pastes some output of main (8d3cbe0d) showed a credential of (the secrets37 harness's outputs.py, 19 outputs; the
# cases after 'found while fixing' by the gate alone and structlog's event dict)
FOUND = frozenset((
    "utf16-escaped-json", "hex-spaced-key-bytes", "hex-spaced-password-text", "otp-unlabelled-sentence",
    "otp-entered-sentence", "snmp-community-alone", "kv-pipe-table", "pwd-double-colon", "hex-c-array",
    "snmp-community-json", "otp-typed-from-app", "structlog-markdown-table", "pin-said-in-prose", "password-digits-said",
))  # fmt: skip

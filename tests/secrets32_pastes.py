"""secrets32's adversarial pastes: credentials under other languages' labels and in Portuguese/Spanish prose, tokens
split over wrapped lines or ``\\`` continuations, command lines that carry a login (curl ``-u``/``--oauth2-bearer``,
wget, httpie), connection strings and URIs (.NET, JDBC, MongoDB, Redis, AMQP, SMB), configuration files (properties,
INI, TOML, HCL, Terraform state, Helm, Ansible, GitHub Actions), language dumps of a request or a client (Python repr,
Node util.inspect, Go ``%+v``, Rust Debug, PHP var_dump/print_r, Ruby inspect), XML/SOAP, the four vendors' own
credential headers and keys, and secrets31's leftovers. Every credential is generated here: random strings of the real
shapes (fixed seed), or a password of words and digits as a person picks one. ``CASES``: (id, paste, credentials)."""

from __future__ import annotations

import base64
import json

from secrets_kit import HEX, IX_BODY, LOW, MYOB_401, SAGE_BODY, URLSAFE, A, Round

_ROUND = Round(3232)
R = _ROUND.random
rnd, case, picked, letters, CASES = _ROUND.rnd, _ROUND.case, _ROUND.picked, _ROUND.letters, _ROUND.cases


def basic(user, pw):
    return base64.b64encode(f"{user}:{pw}".encode()).decode()


# --- secrets31's leftovers
p = picked()
case("slash-pair-plain-user", f"credentials for the MYOB file: ops / {p}\nstill 401", p)
p = letters()
case("letters-only-password-wrapped-alone", f"login failed for ops@acme.au with the password\n{p}\n401 Unauthorized", p)
case("bearer-words", "Authorization: Bearer wombat_harbour\nHTTP/1.1 401 Unauthorized", "wombat_harbour")
p = picked()
case("imap-lower-case-login", f"C: a1 login ops@acme.pt {p}\nS: a1 NO [AUTHENTICATIONFAILED] Invalid credentials", p)
p = picked()
case("imap-lower-case-login-quoted", f'a001 login "ops" "{p}"\na001 NO LOGIN failed', p)

# --- other languages' labels
p = picked()
case("german-passwort", f"Benutzer: buchhaltung\nPasswort: {p}\nFehler 401: Zugriff verweigert", p)
p = picked()
case("spanish-contrasena", f"usuario: contabilidad@acme.es\ncontraseña: {p}\nError 401 No autorizado", p)
p = picked()
case("spanish-contrasena-ascii", f"usuario=conta contrasena={p} -> 401", p)
p = picked()
case("french-mot-de-passe", f"Identifiant : compta\nMot de passe : {p}\nErreur 401 : accès refusé", p)
p = picked()
case("portuguese-senha", f"utilizador: faturacao@acme.pt\nsenha: {p}\nErro 401: não autorizado", p)
p = picked()
case("dutch-wachtwoord", f"gebruikersnaam: boekhouding\nwachtwoord: {p}\nFout 401", p)
p = picked()
case("russian-parol", f"логин: buh\nпароль: {p}\nОшибка 401: доступ запрещён", p)
p = picked()
case("chinese-mima", f"用户名: caiwu\n密码: {p}\n错误 401 未授权", p)
p = picked()
case("chinese-mima-fullwidth-colon", f"用户名：caiwu 密码：{p} 登录失败", p)
p = picked()
case("japanese-password", f"ユーザー名: keiri\nパスワード: {p}\nエラー 401", p)
p = picked()
case("italian-password-parola", f"utente: contabilita\nparola d'ordine: {p}\nErrore 401", p)
k = rnd(40, HEX)
case("portuguese-chave-api", f"A minha chave da API é {k} e recebo sempre 401 do InvoiceXpress", k)
p = picked()
case(
    "portuguese-prose-password-e",
    f"Olá, estou a tentar ligar à API. O meu utilizador é ops@acme.pt e a palavra-passe é {p}, mas dá erro 401.",
    p,
)
p = picked()
case("portuguese-prose-senha-e", f"a senha é {p} e mesmo assim o login falha", p)
p = picked()
case("spanish-prose-contrasena-es", f"Hola, mi contraseña es {p} pero la API devuelve 401 Unauthorized", p)
t = rnd(48, A)
case("portuguese-token-de-acesso", f"token de acesso: {t}\nErro: 401 Unauthorized {IX_BODY}", t)

# --- tokens split across lines
t = rnd(64, A)
case("token-wrapped-at-40", f"Authorization: Bearer {t[:40]}\n{t[40:]}\nHTTP/1.1 401", t[:40], t[40:])
k = rnd(40, HEX)
case(
    "backslash-continued-curl-key",
    f"curl -s \\\n  -H 'Accept: application/json' \\\n  'https://acme.app.invoicexpress.com/clients.json?api_key=\\\n{k}'\n{IX_BODY}",
    k,
)
t = rnd(60, A)
case("token-split-by-backslash-mid", f'export API_TOKEN="{t[:30]}\\\n{t[30:]}"\n401', t[:30], t[30:])
t = rnd(80, URLSAFE)
case("token-wrapped-indented", f"    access_token = {t[:45]}\n    {t[45:]}\nInvalidGrantError", t[:45], t[45:])

# --- command lines
p = picked()
case("curl-u-user-pass", f"$ curl -u ops:{p} https://api.acme.io/v1/ledger\n401 Unauthorized", p)
p = picked()
case("curl-user-long-quoted", f"curl --user 'ops@acme.pt:{p}' https://acme.app.invoicexpress.com/invoices.json", p)
t = rnd(50, A)
case("curl-oauth2-bearer", f"curl --oauth2-bearer {t} https://api.accounting.sage.com/v3.1/contacts\n{SAGE_BODY}", t)
t = rnd(50, A)
case(
    "curl-h-at-file-echo",
    f"$ cat headers.txt\nAuthorization: Bearer {t}\nx-myobapi-version: v2\n$ curl -H @headers.txt https://api.myob.com/accountright/\n{MYOB_401}",
    t,
)
p = picked()
case(
    "curl-d-at-heredoc",
    f'curl -X POST https://api.acme.io/login -d @- <<\'EOF\'\n{{"username": "ops", "password": "{p}"}}\nEOF\n401',
    p,
)
p = picked()
case(
    "wget-password-flag",
    f"wget --user=ops --password={p} https://files.acme.io/export.csv\nHTTP request sent, awaiting response... 401 Unauthorized",
    p,
)
p = picked()
case("wget-http-password", f"wget --http-user ops --http-password '{p}' https://acme.io/x", p)
p = picked()
case("httpie-a", f"$ http -a ops:{p} GET https://api.acme.io/v1/me\nHTTP/1.1 401 Unauthorized", p)
p = picked()
case("httpie-auth-long", f"http --auth=ops@acme.pt:{p} POST https://acme.app.invoicexpress.com/clients.json", p)
p = picked()
case(
    "har-headers-array-basic",
    json.dumps({"request": {"method": "GET", "url": "https://acme.app.invoicexpress.com/invoices.json",
        "headers": [{"name": "Accept", "value": "application/json"},
                    {"name": "Authorization", "value": "Basic " + basic("ops@acme.pt", p)}]},
        "response": {"status": 401, "content": {"text": IX_BODY}}}, indent=2),
    basic("ops@acme.pt", p),
)  # fmt: skip

# --- connection strings and URIs
p = picked()
case("dotnet-pwd", f"Server=tcp:acme.database.windows.net,1433;Database=ledger;User Id=erp;Pwd={p};Encrypt=True;", p)
p = picked() + ";x"
case(
    "dotnet-password-quoted-semicolon",
    f"SqlException: Login failed for user 'erp'. ConnectionString: Data Source=db1;Initial Catalog=ledger;User ID=erp;Password=\"{p}\";",
    p,
)
p = picked()
case("dotnet-password-single-quoted", f"Host=db;Username=erp;Password='{p}';Database=ledger", p)
p = picked()
case("jdbc-mysql-userinfo", f"java.sql.SQLException: Access denied; url=jdbc:mysql://erp:{p}@db.acme.io:3306/ledger", p)
p = picked()
case("jdbc-query-password", f"jdbc:postgresql://db.acme.io:5432/ledger?user=erp&password={p}&ssl=true", p)
p = picked()
case("jdbc-sqlserver-semicolon", f"jdbc:sqlserver://db.acme.io:1433;databaseName=ledger;user=erp;password={p};encrypt=true", p)
p = picked()
case(
    "mongodb-srv-uri",
    f"MongoServerError: bad auth : Authentication failed. mongodb+srv://erp:{p}@cluster0.ab1cd.mongodb.net/ledger",
    p,
)
p = picked()
case("redis-uri-password-only", f"redis.exceptions.AuthenticationError: invalid password (redis://:{p}@cache.acme.io:6379/0)", p)
p = picked()
case("amqp-uri", f"pika.exceptions.ProbableAuthenticationError: amqps://ops:{p}@mq.acme.io:5671/%2F", p)
p = picked()
case("smb-net-use-unc", f"net use \\\\files.acme.local\\ledger {p} /user:ACME\\ops\nSystem error 86 has occurred.", p)
p = picked()
case("smb-uri-userinfo", f"mount error(13): Permission denied smb://ACME;ops:{p}@files.acme.local/ledger", p)

# --- configuration files
p = picked()
case(
    "java-properties",
    f"spring.datasource.url=jdbc:mysql://db/ledger\nspring.datasource.username=erp\nspring.datasource.password={p}",
    p,
)
c = rnd(40, A)
case("java-properties-colon-secret", f"myob.oauth.client-secret : {c}\nmyob.oauth.client-id : 3f9a", c)
p = picked()
case("ini-section", f"[database]\nhost = db.acme.io\nuser = erp\npasswd = {p}\n", p)
k = rnd(40, HEX)
case("toml-quoted", f'[invoicexpress]\naccount = "acme"\napi_key = "{k}"\n', k)
c = rnd(40, A)
case("hcl-provider-block", f'provider "sage" {{\n  client_id     = "acme"\n  client_secret = "{c}"\n}}', c)
p = picked()
case(
    "terraform-state-sensitive",
    json.dumps({"resources": [{"type": "aws_db_instance", "instances": [{"attributes": {"username": "erp",
        "password": p, "endpoint": "db.acme.io:5432"}, "sensitive_attributes": [[{"type": "get_attr", "value": "password"}]]}]}]}, indent=2),
    p,
)  # fmt: skip
p, k = picked(), rnd(32, HEX)
case("helm-values", f"myob:\n  auth:\n    clientSecret: {k}\npostgresql:\n  auth:\n    postgresPassword: {p}\n", k, p)
p = picked()
case("ansible-vars", f"ansible_user: deploy\nansible_become_pass: {p}\nansible_ssh_pass: '{p}'", p)
k = rnd(40, HEX)
case(
    "github-actions-echoed-secret",
    f'Run curl -H "Authorization: Token ${{{{ secrets.IX_KEY }}}}" ...\n  env:\n    IX_API_KEY: {k}\ncurl: (22) 401',
    k,
)
k = rnd(40, A)
case(
    "jupyter-output-repr",
    json.dumps({"output_type": "execute_result", "data": {"text/plain": [f"{{'apiKey': '{k}', 'status': 401}}"]}}),
    k,
)

# --- language dumps of a request or a client
t = rnd(50, A)
case(
    "python-prepared-request-headers",
    f"{{'User-Agent': 'python-requests/2.31.0', 'Accept-Encoding': 'gzip', 'Accept': '*/*', 'Connection': 'keep-alive', "
    f"'Authorization': 'Bearer {t}', 'x-myobapi-key': 'abc'}}",
    t,
)
t = rnd(50, A)
case("httpx-headers-repr", f"Headers({{'host': 'api.accounting.sage.com', 'authorization': '[secure]', 'x-api-key': '{t}'}})", t)
p = picked()
case(
    "node-util-inspect-axios",
    f"{{\n  url: '/invoices.json',\n  method: 'get',\n  auth: {{ username: 'ops@acme.pt', password: '{p}' }},\n  timeout: 0\n}}",
    p,
)
p = picked()
case("go-struct-dump", f"config: {{Host:db.acme.io Port:5432 User:erp Password:{p} SSLMode:require}}", p)
p = picked()
case("rust-debug-struct", f'Config {{ host: "db.acme.io", user: "erp", password: Some("{p}"), port: 5432 }}', p)
p = picked()
case("php-var-dump", f'array(2) {{\n  ["username"]=>\n  string(3) "erp"\n  ["password"]=>\n  string({len(p)}) "{p}"\n}}', p)
p = picked()
case("php-print-r", f"Array\n(\n    [username] => erp\n    [password] => {p}\n)", p)
p = picked()
case("ruby-inspect", f'#<Myob::Api::Client:0x000055d5 @username="ops", @password="{p}", @api_key="abc">', p)

# --- XML / SOAP
p = picked()
case(
    "wsse-password",
    f"<soapenv:Header><wsse:Security><wsse:UsernameToken><wsse:Username>erp</wsse:Username>"
    f'<wsse:Password Type="...#PasswordText">{p}</wsse:Password></wsse:UsernameToken></wsse:Security></soapenv:Header>',
    p,
)
p = picked()
case("xml-password-cdata", f"<login><user>erp</user><password><![CDATA[{p}]]></password></login>", p)

# --- the four vendors
k = rnd(24, LOW + "0123456789")
case("myob-api-key-header", f"x-myobapi-key: {k}\nx-myobapi-version: v2\n{MYOB_401}", k)
p = picked()
case("myob-cftoken-header", f"x-myobapi-cftoken: {basic('Administrator', p)}\n{MYOB_401}", basic("Administrator", p))
p = picked()
case(
    "myob-cftoken-python-dict",
    f"headers={{'x-myobapi-cftoken': '{basic('ops', p)}', 'x-myobapi-version': 'v2'}}\n{MYOB_401}",
    basic("ops", p),
)
t, r_ = rnd(64, A), rnd(40, A)
case("sage-x-site-refresh", f"X-Site: {rnd(32, HEX)}\nrefresh token: {r_}\naccess token {t}\n{SAGE_BODY}", r_, t)
k = rnd(40, HEX)
case(
    "ix-api-key-in-url-prose",
    f"O pedido https://acme.app.invoicexpress.com/invoices.json?page=1&api_key={k} devolve 401",
    k,
)
k = rnd(40, HEX)
case("ix-api-key-after-amp-encoded", f"GET /clients.json?per_page=30&amp;api_key={k} -> 404 {IX_BODY}", k)
k = rnd(32, A)
case("prospend-api-key", f"ProSpend request failed: 401 Unauthorized (headers: X-API-Key={k})", k)

# --- more prose and labels
p = picked()
case("label-pw-abbrev", f"user ops pw {p} -> 401", p)
p = picked()
case("label-pwd-space", f"pwd {p} rejected", p)
p = picked()
case("spanish-clave", f"usuario: erp clave: {p}\nError de autenticación", p)
p = picked()
case("portuguese-palavra-passe-label", f"Utilizador: erp\nPalavra-passe: {p}", p)
p = picked()
case("german-kennwort", f"Anmeldung fehlgeschlagen. Benutzer=erp Kennwort={p}", p)
p = picked()
case("french-mdp", f"login: compta mdp: {p}", p)
t = rnd(40, A)
case("spanish-token-prose", f"el token es {t} y la API responde 401", t)

# --- found by probing variants of the above (the gate alone): names glued to their value, print_r's private
# properties, a short option's glued value, Easy Connect without "//"
p = picked()
case("chinese-mima-shi-glued", f"登录失败：用户名是caiwu，密码是{p}。错误 401", p)
p = picked()
case("chinese-traditional-mima-wei", f"帳號 caiwu 密碼為{p} 無法登入 (HTTP 401)", p)
p = picked()
case("japanese-password-wa-desu", f"ログインできません。ユーザーはkeiri、パスワードは{p}です。401 Unauthorized", p)
p = picked()
case("korean-password-neun", f"로그인 실패: 비밀번호는 {p} 입니다 (401)", p)
p = picked()
case("spanish-credenciales-pair", f"credenciales: erp:{p}\nError 401: credenciales inválidas", p)
p = picked()
case("portuguese-credenciais-pair", f"As credenciais=ops@acme.pt:{p} deixaram de funcionar (401)", p)
p = picked()
case("curl-u-glued", f"$ curl -s -uops:{p} https://acme.app.invoicexpress.com/invoices.json\n{IX_BODY}", p)
p = picked()
case(
    "php-print-r-private-property",
    f"Acme\\Myob\\Client Object\n(\n    [username:Acme\\Myob\\Client:private] => Administrator\n"
    f"    [password:Acme\\Myob\\Client:private] => {p}\n    [version:protected] => v2\n)",
    p,
)
p = picked()
case(
    "oracle-ezconnect-no-slashes",
    f"ORA-01017: invalid username/password; logon denied\nconnect erp/{p}@db.acme.io:1521/LEDGER",
    p,
)

FOUND = {  # the pastes whose credential main showed before this round
    "french-mdp",
    "imap-lower-case-login",
    "imap-lower-case-login-quoted",
    "chinese-mima-shi-glued",
    "chinese-traditional-mima-wei",
    "korean-password-neun",
    "spanish-credenciales-pair",
    "portuguese-credenciais-pair",
    "curl-u-glued",
}

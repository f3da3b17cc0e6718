"""secrets38's adversarial pastes: shapes no earlier round tried. Credentials in a protobuf text dump and gRPC metadata,
Kafka and AMQP message headers (a Kafka record's header value as a list of byte numbers, a JAAS line), JDBC/ODBC/ADO.NET
connection strings with other keys (PWD=, "User Password", Jet OLEDB's "Database Password"), docker inspect's Env and
compose config, a Kubernetes Secret's data/stringData, a GitHub Actions log, a Terraform plan/state/output, an Ansible
-vvv dump, package managers' files (pip.conf, yarnrc, Maven settings, composer auth.json, NuGet, Cargo), PowerShell's
env table, a Netscape cookie jar with #HttpOnly_, private keys in PuTTY/PGP/SSH2/JWK/age/WireGuard forms, a JWT cut
over two lines, credentials in a stack frame's arguments or locals (PHP PDO, Elixir keyword lists, pytest -l, rich),
twice URL-encoded headers, SMTP AUTH LOGIN, tcpdump/ngrep text, curl --trace-ascii, http.client's send: b'...',
CLI flags of tools not tried (docker login -p, keytool, 7z -p, net user, wmic /password:, mosquitto -P), code that
passes a password by position (NetworkCredential, auth=(...), .login()), and the leftovers (an OTP after "text with",
labels spelled with spaces). All synthetic: every credential is generated here, random strings of real shapes (fixed
seed) or a password as a person picks one. ``CASES``: (id, paste, credentials)."""

from __future__ import annotations

import json
from urllib.parse import quote

from secrets_kit import B64, HEX, IX_BODY, LOW, MYOB_401, PROSPEND_401, UP, URLSAFE, A, Round, b64

_ROUND = Round(3838)
R = _ROUND.random
rnd, case, picked, letters, CASES = _ROUND.rnd, _ROUND.case, _ROUND.picked, _ROUND.letters, _ROUND.cases
DIG = "0123456789"
# pastes main showed and this round left shown (drawn in their place, so that every case after them stays as it was)
LEFTOVERS: list[tuple[str, str, list[str]]] = []


def left(cid: str, text: str, *secrets: str) -> None:
    LEFTOVERS.append((cid, text, list(secrets)))


def token():
    return rnd(R.randint(28, 40), A)


# --- protobuf text and gRPC metadata
p = picked()
case(
    "protobuf-text-nested",
    f'login_request {{\n  credentials {{\n    username: "ops"\n    password: "{p}"\n  }}\n}}\nstatus: UNAUTHENTICATED',
    p,
)
k = rnd(40, HEX)
case("protobuf-debug-one-line", f'request: api_key: "{k}" tenant_id: 42 page_size: 100\nrpc error: code = Unauthenticated', k)
t = token()
case(
    "grpcurl-h", f"grpcurl -H 'authorization: Bearer {t}' api.acme.io:443 acme.v1.Ledger/List\nERROR:\n  Code: Unauthenticated", t
)
t = token()
case(
    "grpc-java-metadata",
    f"io.grpc.StatusRuntimeException: UNAUTHENTICATED\nMetadata(content-type=application/grpc,authorization=Bearer {t})",
    t,
)
t = token()
case("grpc-gateway-header", f"Grpc-Metadata-Authorization: Bearer {t}\nHTTP/1.1 401 Unauthorized\n{PROSPEND_401}", t)
k = rnd(32, LOW + DIG)
case(
    "grpc-python-metadata-tuples",
    f"metadata=(('x-api-key', '{k}'), ('x-request-id', 'abc'))\ngrpc.RpcError: StatusCode.UNAUTHENTICATED",
    k,
)

# --- Kafka / AMQP headers
t = token()
case(
    "kcat-json-headers",
    json.dumps(
        {
            "topic": "sync",
            "partition": 0,
            "offset": 12,
            "headers": ["authorization", f"Bearer {t}", "trace", "x1"],
            "payload": "{}",
        }
    ),
    t,
)
k = rnd(32, HEX)
case("kcat-format-headers", f"Topic sync [0] at offset 12: Headers: x-api-key={k},trace=x1\n{IX_BODY}", k)
t = token()
bs = ", ".join(str(b) for b in f"Bearer {t}".encode())
case(
    "kafka-consumerrecord-bytes",
    f"ConsumerRecord(topic = sync, partition = 0, headers = RecordHeaders(headers = [RecordHeader(key = authorization, value = [{bs}])], isReadOnly = false))",
    bs[30:90],
)
p = picked()
case(
    "kafka-jaas-config",
    f'sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="ops" password="{p}";\nSaslAuthenticationException',
    p,
)
t = token()
case(
    "amqp-pika-properties", f"<BasicProperties(['content_type=application/json', \"headers={{'x-auth-token': '{t}'}}\"])>\n401", t
)
k = rnd(40, HEX)
case(
    "rabbitmq-management-message",
    json.dumps({"payload_bytes": 2, "properties": {"headers": {"api_key": k}, "delivery_mode": 2}}) + f"\n{IX_BODY}",
    k,
)

# --- connection strings
p = picked()
case("adonet-upper-pwd", f"Server=db.internal;Database=ledger;UID=ops;PWD={p};\nLogin failed for user 'ops'.", p)
p = picked()
case(
    "adonet-user-id-password",
    f"Data Source=db.internal,1433;Initial Catalog=ledger;User Id=ops;Password={p};Encrypt=True\nSqlException: Login failed",
    p,
)
p = picked()
case(
    "jet-oledb-database-password",
    f"Provider=Microsoft.Jet.OLEDB.4.0;Data Source=C:\\data\\ledger.mdb;Jet OLEDB:Database Password={p};\nNot a valid password.",
    p,
)
p = picked()
case("user-password-two-words", f"Host=db.internal;Port=3050;User Name=SYSDBA;User Password={p};Database=ledger\nunsuccessful", p)
p = picked()
case(
    "jdbc-sqlserver-braced-password",
    f"jdbc:sqlserver://db:1433;databaseName=ledger;user=ops;password={{{p};x}};\nLogin failed",
    p,
)
p = picked()
case(
    "jdbc-oracle-thin-slash",
    f"jdbc:oracle:thin:ops/{p}@db.internal:1521/ORCL\nORA-01017: invalid username/password; logon denied",
    p,
)
p = picked()
case("odbc-lower-pwd-quoted", f"DSN=prod;uid=ops;pwd='{p}';\n[unixODBC] Login failed", p)
p = picked()
case(
    "appsettings-connection-string",
    json.dumps({"ConnectionStrings": {"Default": f"Server=db;User ID=ops;Password={p};"}}, indent=2),
    p,
)

# --- docker / kubernetes
t = token()
case(
    "docker-inspect-format-env",
    f"$ docker inspect --format '{{{{.Config.Env}}}}' sync\n[PATH=/usr/local/bin HOME=/root MYOB_TOKEN={t} TZ=UTC]",
    t,
)
p = picked()
case(
    "compose-config-environment",
    f"services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: {p}\n      POSTGRES_USER: ops\n    image: postgres:16",
    p,
)
p = picked()
case(
    "k8s-secret-json-data",
    json.dumps({"apiVersion": "v1", "kind": "Secret", "data": {"api-key": b64(p), "user": b64("ops")}}, indent=2),
    b64(p),
)
p = picked()
case("k8s-stringdata-url", f"kind: Secret\nstringData:\n  database-url: postgres://ops:{p}@db.internal:5432/ledger\n", p)
j = _ROUND.jwt("https://kubernetes.default.svc", alg="RS256", kid=(16, HEX), sig=86)
case(
    "kubectl-describe-secret-token",
    f"Name:         sync-token\nType:  kubernetes.io/service-account-token\n\nData\n====\nca.crt:     1099 bytes\nnamespace:  7 bytes\ntoken:      {j}",
    j,
)
a = b64("ops:" + picked())
case(
    "k8s-dockerconfigjson",
    f"data:\n  .dockerconfigjson: {b64(json.dumps({'auths': {'registry.acme.io': {'auth': a}}}))}\ntype: kubernetes.io/dockerconfigjson",
    b64(json.dumps({"auths": {"registry.acme.io": {"auth": a}}}))[20:60],
)

# --- GitHub Actions
t = "ghp_" + rnd(36, A)
case(
    "actions-log-timestamped",
    f'2026-03-01T10:00:00.1234567Z ##[group]Run curl -H "Authorization: token {t}" https://api.github.com/user\n2026-03-01T10:00:01.0000000Z curl: (22) 401',
    t,
)
k = rnd(24, LOW + DIG)
case(
    "actions-env-block",
    f"##[group]Run ./sync.sh\n./sync.sh\nshell: /usr/bin/bash -e {{0}}\nenv:\n  MYOB_API_KEY: {k}\n##[endgroup]\n{MYOB_401}",
    k,
)
a = b64("x-access-token:ghs_" + rnd(36, A))
case(
    "actions-git-extraheader",
    f"git config --local http.https://github.com/.extraheader AUTHORIZATION: basic {a}\nfatal: Authentication failed",
    a,
)

# --- Terraform
p = picked()
case(
    "terraform-plan-plus",
    f'  # aws_db_instance.ledger will be created\n  + resource "aws_db_instance" "ledger" {{\n      + username = "ops"\n      + password = "{p}"\n    }}',
    p,
)
p = picked()
case(
    "terraform-plan-env-map",
    f'      ~ environment = {{\n          + "DB_PASSWORD" = "{p}"\n            "TZ"          = "UTC"\n        }}',
    p,
)
k = rnd(40, A)
case("terraform-output-json", json.dumps({"api_key": {"sensitive": False, "type": "string", "value": k}}, indent=2), k)
p = picked()
left(
    "terraform-state-attributes",
    json.dumps({"type": "random_password", "instances": [{"attributes": {"id": "none", "result": p, "length": 16}}]}),
    p,
)

# --- Ansible -vvv
p = picked()
case(
    "ansible-module-args",
    "fatal: [db1]: FAILED! => "
    + json.dumps(
        {"changed": False, "invocation": {"module_args": {"login_user": "ops", "login_password": p}}, "msg": "unable to connect"}
    ),
    p,
)
p = picked()
case("ansible-debug-var", f'TASK [debug] *****\nok: [web1] => {{\n    "db_password": "{p}"\n}}', p)
p = picked()
case(
    "ansible-ssh-exec-sshpass",
    f"<10.0.0.5> SSH: EXEC sshpass -p {p} ssh -C -o ControlMaster=auto -o User=ops 10.0.0.5 '/bin/sh -c ...'",
    p,
)

# --- config files
p = picked()
case("properties-spaces-around", f"mail.smtp.host = smtp.acme.io\nmail.smtp.password = {p}\nmail.smtp.port = 587", p)
p = picked()
case("toml-inline-table", f'[database]\nprimary = {{ user = "ops", pass = "{p}", host = "db" }}', p)
t = "cio" + rnd(32, A)
case("cargo-credentials", f'[registries.acme]\ntoken = "{t}"\nerror: failed to publish: 401', t)
k, s = "AKIA" + rnd(16, UP), rnd(40, A + "/+")
case("s3cfg", f"[default]\naccess_key = {k}\nsecret_key = {s}\nhost_base = s3.amazonaws.com", s)
p = picked()
case("pip-conf-index-url", f"[global]\nindex-url = https://ops:{p}@pypi.acme.io/simple\nERROR: 401 Client Error", p)
t = "pypi-" + rnd(60, URLSAFE)
case("pip-extra-index-token", f"Looking in indexes: https://pypi.org/simple, https://__token__:{t}@pypi.acme.io/simple", t)
t = "npm_" + rnd(36, A)
case("yarnrc-yml", f'npmRegistryServer: "https://npm.acme.io"\nnpmAuthToken: "{t}"\nYN0041: Invalid authentication', t)
p = picked()
case(
    "maven-settings-server",
    f"<servers>\n  <server>\n    <id>acme</id>\n    <username>ops</username>\n    <password>{p}</password>\n  </server>\n</servers>\n[ERROR] 401 Unauthorized",
    p,
)
p = picked()
case(
    "gradle-properties", f"mavenUser=ops\nmavenPassword={p}\n> Could not GET 'https://repo.acme.io'. Received status code 401", p
)
p, t = picked(), "ghp_" + rnd(36, A)
case(
    "composer-auth-json",
    json.dumps({"http-basic": {"repo.acme.io": {"username": "ops", "password": p}}, "github-oauth": {"github.com": t}}, indent=4),
    p,
    t,
)
p = picked()
case(
    "nuget-config-cleartext",
    f'<packageSourceCredentials>\n  <acme>\n    <add key="Username" value="ops" />\n    <add key="ClearTextPassword" value="{p}" />\n  </acme>\n</packageSourceCredentials>',
    p,
)
p = picked()
case(
    "dockercfg-legacy",
    json.dumps({"https://index.docker.io/v1/": {"auth": b64("ops:" + p), "email": "ops@acme.io"}}),
    b64("ops:" + p),
)
p = picked()
case("wpa-supplicant-psk", f'network={{\n    ssid="acme-office"\n    psk="{p}"\n}}', p)
p = picked()
case("nmcli-psk", f"802-11-wireless.ssid:                   acme-office\n802-11-wireless-security.psk:           {p}", p)
k = rnd(64, HEX)
case("django-secret-key", f"SECRET_KEY = 'django-insecure-{k}'\nDEBUG = True", k)
k = rnd(128, HEX)
case("rails-secret-key-base", f"production:\n  secret_key_base: {k}\n", k)
k = b64(rnd(32, A))
case("laravel-app-key", f"APP_NAME=Ledger\nAPP_KEY=base64:{k}\nAPP_DEBUG=true", k)
p = picked()
case("systemd-environment-line", f"[Service]\nEnvironment=DB_PASSWORD={p}\nEnvironment=TZ=UTC\nExecStart=/usr/bin/sync", p)

# --- Windows
k = rnd(40, HEX)
case(
    "powershell-env-table",
    f"Name                           Value\n----                           -----\nCOMPUTERNAME                   BUILD01\nIX_API_KEY                     {k}\nPATH                           C:\\Windows",
    k,
)
p = picked()
case("powershell-format-list", f"PS C:\\> Get-Item Env:DB_PASSWORD | Format-List\n\nName  : DB_PASSWORD\nValue : {p}", p)
p = picked()
case("net-user-add", f"C:\\> net user svc_sync {p} /add\nThe command completed successfully.", p)
p = picked()
case("wmic-password-flag", f"wmic /node:10.0.0.5 /user:ops /password:{p} process list\nERROR: Access is denied.", p)
p = picked()
case("schtasks-rp", f"schtasks /create /tn sync /tr C:\\sync.exe /sc daily /ru ops /rp {p}\nERROR: Logon failure", p)

# --- cookie jar, shadow, htpasswd
t = token()
case("netscape-cookie-httponly", f"# Netscape HTTP Cookie File\n#HttpOnly_.acme.io\tTRUE\t/\tTRUE\t1767225600\tsession\t{t}\n", t)
h = "$6$" + rnd(16, A + "./") + "$" + rnd(86, A + "./")
case("etc-shadow-line", f"ops:{h}:19700:0:99999:7:::\n", h)
h = "$apr1$" + rnd(8, A) + "$" + rnd(22, A + "./")
case("htpasswd-apr1-line", f"ops:{h}\nAH01617: user ops: authentication failure", h)

# --- private keys in other forms
priv = [rnd(64, B64) for _ in range(4)]
case(
    "putty-ppk",
    "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: ops@build\nPublic-Lines: 2\n"
    + rnd(64, B64)
    + "\n"
    + rnd(20, B64)
    + "\nPrivate-Lines: 4\n"
    + "\n".join(priv)
    + f"\nPrivate-MAC: {rnd(64, HEX)}",
    priv[1],
    priv[2],
)
pgp = [rnd(64, B64) for _ in range(3)]
case(
    "pgp-private-block",
    "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n" + "\n".join(pgp) + f"\n={rnd(4, B64)}\n-----END PGP PRIVATE KEY BLOCK-----",
    pgp[1],
)
s2 = [rnd(70, B64) for _ in range(3)]
case(
    "ssh2-encrypted-key",
    '---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\nComment: "ops@build"\n'
    + "\n".join(s2)
    + "\n---- END SSH2 ENCRYPTED PRIVATE KEY ----",
    s2[1],
)
d, pq = rnd(86, URLSAFE), rnd(43, URLSAFE)
case("jwk-private-json", json.dumps({"kty": "RSA", "kid": "k1", "n": rnd(86, URLSAFE), "e": "AQAB", "d": d, "p": pq}), d, pq)
a = "AGE-SECRET-KEY-1" + rnd(58, "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L")
case(
    "age-secret-key", f"# created: 2026-03-01T10:00:00Z\n# public key: age1{rnd(58, 'qpzry9x8gf2tvdw0s3jn54khce6mua7l')}\n{a}", a
)
k = b64(rnd(32, A))
case("wireguard-private-key", f"[Interface]\nPrivateKey = {k}\nAddress = 10.8.0.2/32\n[Peer]\nPublicKey = {b64(rnd(32, A))}", k)
enc = [rnd(64, B64) for _ in range(3)]
case(
    "pkcs8-encrypted-behind-prefix",
    "\n".join(f"app-1  | {x}" for x in ["-----BEGIN ENCRYPTED PRIVATE KEY-----", *enc, "-----END ENCRYPTED PRIVATE KEY-----"]),
    enc[1],
)

# --- JWT cut over lines
j = _ROUND.jwt()
half = len(j) // 2
case(
    "jwt-cut-mid-payload-log-prefix",
    f"2026-03-01 10:00:00 DEBUG token={j[:half]}\n2026-03-01 10:00:00 DEBUG {j[half:]}\n401",
    j[:half],
    j[half:],
)
j = _ROUND.jwt("https://api.prospend.com")
case("jwt-cut-at-width-no-label", f"{j[:60]}\n{j[60:]}\n{PROSPEND_401}", j[:60], j[60:])

# --- stack frames
p = picked()
case(
    "php-pdo-construct-frame",
    f"PHP Fatal error:  Uncaught PDOException: SQLSTATE[HY000] [1045] Access denied\n#0 /app/src/Db.php(12): PDO->__construct('mysql:host=db;d...', 'ops', '{p}', Array)\n#1 {{main}}",
    p,
)
p = picked()
case(
    "php-frame-login-args",
    f"#0 /app/src/Auth.php(42): App\\Auth->login('ops', '{p}')\n#1 /app/public/index.php(9): App\\Auth->attempt()",
    p,
)
p = picked()
case(
    "elixir-keyword-list",
    f'** (DBConnection.ConnectionError) connection not available\n    (postgrex) Postgrex.Protocol.connect([hostname: "db", username: "ops", password: "{p}", database: "ledger"])',
    p,
)
p = picked()
case(
    "pytest-showlocals",
    f"auth_client = <Client>\npassword   = '{p}'\nusername   = 'ops'\n\ntests/test_sync.py:42: AssertionError",
    p,
)
p = picked()
case(
    "rich-traceback-locals",
    f"│ │   password = '{p}'                  │ │\n│ │       user = 'ops'                            │ │\n╰─────────────────────────────────────╯",
    p,
)
k = rnd(32, HEX)
case("celery-task-args", f"Task sync.push[7f1c] raised unexpected: HTTPError('401')\nargs=['ops'] kwargs={{'api_key': '{k}'}}", k)
p = picked()
case(
    "python-requests-auth-tuple",
    f"requests.get('https://api.acme.io/v1/me', auth=('ops', '{p}'))\nrequests.exceptions.HTTPError: 401",
    p,
)
p = picked()
case(
    "csharp-network-credential",
    f'var cred = new NetworkCredential("ops", "{p}");\nSystem.Net.WebException: (401) Unauthorized.',
    p,
)
p = picked()
case(
    "python-smtp-login",
    f"server.login('ops@acme.io', '{p}')\nsmtplib.SMTPAuthenticationError: (535, b'5.7.8 Username and Password not accepted')",
    p,
)
p = picked()
case(
    "java-setproperty-keystore",
    f'System.setProperty("javax.net.ssl.keyStorePassword", "{p}");\njava.io.IOException: Keystore was tampered with, or password was incorrect',
    p,
)

# --- encodings
t = token()
case("header-url-encoded-twice", "next=" + quote(quote(f"Authorization: Bearer {t}", safe=""), safe="") + "\n401", t)
c = b64("ops:" + picked())
case("b64-userpass-auth-query", f"GET /v1/export?auth={c} HTTP/1.1\n{PROSPEND_401}", c)
c = b64("ops:" + picked())
case("b64-userpass-json-field", json.dumps({"credentials": c, "tenant": "acme"}) + f"\n{MYOB_401}", c)
p = picked()
case(
    "git-remote-v",
    f"origin\thttps://ops:{p}@git.acme.io/ledger.git (fetch)\norigin\thttps://ops:{p}@git.acme.io/ledger.git (push)",
    p,
)

# --- wire dumps
p = picked()
case(
    "smtp-auth-login-exchange",
    f"C: AUTH LOGIN\nS: 334 VXNlcm5hbWU6\nC: {b64('ops@acme.io')}\nS: 334 UGFzc3dvcmQ6\nC: {b64(p)}\nS: 535 5.7.8 Authentication failed",
    b64(p),
)
t = token()
case(
    "ngrep-dots",
    f"T 10.0.0.1:51000 -> 10.0.0.2:80 [AP]\n  GET /v1/me HTTP/1.1..Host: api.acme.io..Authorization: Bearer {t}....",
    t,
)
p = picked()
case("wireshark-credentials", f"    Authorization: Basic {b64('ops:' + p)}\\r\\n\n        Credentials: ops:{p}\n", p)
t = token()
case(
    "curl-trace-ascii",
    f"=> Send header, 96 bytes (0x60)\n0000: GET /v1/me HTTP/1.1\n0015: Host: api.acme.io\n0028: Authorization: Bearer {t}\n<= Recv header, 26 bytes\n0000: HTTP/1.1 401 Unauthorized",
    t,
)
t = token()
case(
    "http-client-send-bytes",
    f"send: b'GET /v1/me HTTP/1.1\\r\\nHost: api.acme.io\\r\\nAuthorization: Bearer {t}\\r\\n\\r\\n'\nreply: 'HTTP/1.1 401 Unauthorized\\r\\n'",
    t,
)
p = picked()
case(
    "redis-monitor-auth", f'1709287200.123456 [0 10.0.0.5:51000] "AUTH" "{p}"\n1709287200.123999 [0 10.0.0.5:51000] "GET" "k"', p
)
p = picked()
case(
    "mongo-log-createuser",
    json.dumps(
        {
            "t": {"$date": "2026-03-01T10:00:00Z"},
            "s": "I",
            "c": "COMMAND",
            "attr": {"command": {"createUser": "ops", "pwd": p, "roles": []}},
        }
    ),
    p,
)
p = picked()
case(
    "dovecot-auth-debug-passwords",
    f"auth: Debug: passwd-file(ops,10.0.0.5): Password mismatch\nauth: Debug: passwd-file(ops,10.0.0.5): password=<{p}>",
    p,
)
k, st = "ASIA" + rnd(16, UP), rnd(120, B64)
case(
    "aws-presigned-url",
    f"https://acme.s3.amazonaws.com/x.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential={k}%2F20260301%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Security-Token={quote(st, safe='')}&X-Amz-Signature={rnd(64, HEX)}\n403 Forbidden",
    quote(st, safe="")[:60],
)
k = b64(rnd(64, A))
case(
    "azure-storage-connection-string",
    f"DefaultEndpointsProtocol=https;AccountName=acmeledger;AccountKey={k};EndpointSuffix=core.windows.net\nAuthenticationFailed",
    k,
)
k = b64(rnd(32, A))
case(
    "servicebus-sas-key",
    f"Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey={k}\nUnauthorized",
    k,
)

# --- CLI flags
p = picked()
case(
    "docker-login-p",
    f"$ docker login -u ops -p {p} registry.acme.io\nWARNING! Using --password via the CLI is insecure. Use --password-stdin.\nError response from daemon: unauthorized",
    p,
)
p = picked()
case(
    "keytool-storepass",
    f"keytool -importcert -alias acme -file acme.crt -keystore app.jks -storepass {p} -noprompt\nkeytool error: java.io.IOException: Keystore was tampered with",
    p,
)
p = picked()
case("7z-glued-p", f"7z a -p{p} -mhe=on backup.7z ./ledger\nERROR: Wrong password", p)
p = picked()
case(
    "mosquitto-pub-capital-p",
    f"mosquitto_pub -h mqtt.acme.io -u ops -P {p} -t sync -m hi\nConnection error: Connection Refused: not authorised.",
    p,
)
p = picked()
case("gpg-passphrase-flag", f"gpg --batch --passphrase {p} -d backup.gpg\ngpg: decryption failed: Bad session key", p)
p = picked()
case("msbuild-p-password", f"msbuild Deploy.proj /p:UserName=ops /p:Password={p}\nerror : 401 Unauthorized", p)
p = picked()
case(
    "mysql-pwd-env-prefix",
    f"MYSQL_PWD={p} mysqldump -h db -u ops ledger > dump.sql\nmysqldump: Got error: 1045: Access denied",
    p,
)

# --- telemetry and metrics shapes
t = token()
case("otel-span-attribute-header", f'http.request.header.authorization=["Bearer {t}"] http.response.status_code=401', t)
k = rnd(32, HEX)
case("prometheus-label", f'acme_requests_total{{api_key="{k}",status="401"}} 12', k)
p = picked()
case("csv-export-user-password", f"username,password,role\nops,{p},admin\nsvc,{picked()},sync\n", p)
p = picked()
case("tsv-export-header", f"login\tpassword\tlast_seen\nops\t{p}\t2026-03-01\n", p)

# --- leftovers
o = f"{R.randint(100000, 999999)}"
case("otp-got-a-text-with", f"Got a text with {o} but MYOB still says\n{MYOB_401}", o)
o = f"{R.randint(100000, 999999)}"
case("otp-sms-said", f"the SMS said {o}, login refused\n401", o)
p = picked()
case("letter-spaced-password-label", "p a s s w o r d : " + p + f"\n{MYOB_401}", p)
p = picked()
case("letter-spaced-value", "password: " + " ".join(p) + "\n401", " ".join(p))
t = token()
case("letter-spaced-token-label", "t o k e n = " + t + "\n401", t)

# drop empty credential lists
CASES[:] = [(cid, text, [s for s in secrets if s]) for cid, text, secrets in CASES if any(secrets)]

# the pastes some output of main (ef6ad5ea) showed a credential of (the secrets38 harness's outputs.py, 19 outputs)
FOUND = frozenset((
    "nmcli-psk", "dovecot-auth-debug-passwords", "otp-got-a-text-with", "otp-sms-said", "letter-spaced-password-label",
    "letter-spaced-value",
))  # fmt: skip

"""secrets39's adversarial pastes: shapes no earlier round tried. First-run logs that print a generated password (Jenkins,
MySQL, Elasticsearch, GitLab, Grafana, ArgoCD, Rancher), secret-manager CLIs' tables (vault token/login, consul acl,
az ad sp, aws secretsmanager, gcloud secrets, doppler, 1Password op), server configs (systemd Environment=, supervisord,
nginx proxy_set_header, Apache SetEnv, .reg exports, web.config appSettings, Spring/Rails/Django settings), build files
(Dockerfile ENV/ARG, Makefile :=, Jenkinsfile, kustomize literals), admin commands (rabbitmqctl, redis CONFIG SET,
htpasswd -b, openssl -passout pass:, gpg --passphrase, mysqladmin password, etcdctl put), key shapes of services not tried
(OpenAI sk-proj-, Anthropic sk-ant-, Hugging Face hf_, Discord and Telegram bot tokens, Mailgun key-, Square sq0csp-,
Mapbox sk., Datadog, Sentry DSN, Supabase service role), OAuth refresh tokens under odd key spellings, vendors'
refusals that echo the key, Unicode confusables in the key name, and the leftovers (a Terraform state's random_password
"result", sensitive_attributes). All synthetic: every credential is generated here (fixed seed), random strings of real
shapes or a password as a person picks one. ``CASES``: (id, paste, credentials)."""

from __future__ import annotations

import json

from secrets_kit import HEX, LOW, MYOB_401, PROSPEND_401, UP, URLSAFE, A, Round, b64

_ROUND = Round(3939)
R = _ROUND.random
rnd, case, picked, CASES = _ROUND.rnd, _ROUND.case, _ROUND.picked, _ROUND.cases
DIG = "0123456789"
LEFTOVERS: list[tuple[str, str, list[str]]] = []


def token():
    return rnd(R.randint(28, 40), A)


def guid():
    h = rnd(32, HEX)
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


# --- the leftovers: Terraform state
p = picked()
case(
    "terraform-state-random-password-result",
    json.dumps({"type": "random_password", "instances": [{"attributes": {"id": "none", "result": p, "length": 16}}]}),
    p,
)
p = rnd(24, A)
case(
    "terraform-state-sensitive-attributes",
    json.dumps(
        {
            "resources": [
                {
                    "type": "random_string",
                    "name": "db",
                    "instances": [
                        {
                            "attributes": {"id": "db", "result": p, "length": 24},
                            "sensitive_attributes": [[{"type": "get_attr", "value": "result"}]],
                        }
                    ],
                }
            ]
        },
        indent=2,
    ),
    p,
)
p = picked()
case(
    "terraform-state-custom-sensitive-attribute",
    json.dumps(
        {
            "type": "acme_user",
            "instances": [
                {
                    "attributes": {"name": "ops", "initial_secret": p},
                    "sensitive_attributes": [[{"type": "get_attr", "value": "initial_secret"}]],
                }
            ],
        },
        indent=2,
    ),
    p,
)
p = rnd(16, A)
case(
    "terraform-show-random-string",
    f'# random_string.db:\nresource "random_string" "db" {{\n    id      = "x"\n    length  = 16\n    result  = "{p}"\n}}',
    p,
)

# --- first-run logs printing a generated password
h = rnd(32, HEX)
case(
    "jenkins-initial-admin-password",
    "*************************************************************\n\nJenkins initial setup is required. An admin user has been "
    f"created and a password generated.\nPlease use the following password to proceed to installation:\n\n{h}\n\nThis may "
    "also be found at: /var/jenkins_home/secrets/initialAdminPassword\n",
    h,
)
p = rnd(12, A + "#;<>,_%")
case(
    "mysql-temporary-password",
    f"2026-03-01T10:00:00.123456Z 6 [Note] [MY-010454] [Server] A temporary password is generated for root@localhost: {p}",
    p,
)
p = rnd(20, A + "*_=+")
case(
    "elastic-generated-password",
    f"-> Elasticsearch security features have been automatically configured!\n-> Password for the elastic user (reset with "
    f"`bin/elasticsearch-reset-password -u elastic`):\n  {p}\n",
    p,
)
p = rnd(20, A + "*_=+")
case("elastic-reset-new-value", f"Password for the [elastic] user successfully reset.\nNew value: {p}", p)
p = rnd(44, A + "+/")
case("gitlab-initial-root-password-file", f"# WARNING: This value is valid only in the following conditions\nPassword: {p}\n", p)
p = rnd(16, A)
case(
    "argocd-initial-password-alone",
    f"$ argocd admin initial-password -n argocd\n{p}\n\n This password must be only used for first time login.",
    p,
)
p = rnd(20, LOW + DIG)
case("rancher-bootstrap-password", f"2026/03/01 10:00:00 [INFO] Bootstrap Password: {p}", p)
p = rnd(12, A)
case("grafana-admin-password-secret", f"$ kubectl get secret grafana -o jsonpath='{{.data.admin-password}}' | base64 -d\n{p}", p)

# --- secret managers' CLI output
t = "hvs." + rnd(24, A)
case(
    "vault-login-table",
    "Success! You are now authenticated.\n\nKey                  Value\n---                  -----\n"
    f"token                {t}\ntoken_accessor       {rnd(24, A)}\ntoken_duration       768h\ntoken_renewable      true\n"
    'token_policies       ["default"]',
    t,
)
t = "hvs." + rnd(90, URLSAFE)
case(
    "vault-token-create-json",
    json.dumps({"auth": {"client_token": t, "accessor": rnd(24, A), "lease_duration": 3600}}, indent=2),
    t,
)
t = "s." + rnd(24, A)
case("vault-legacy-token-env", f"export VAULT_ADDR=https://vault:8200\nexport VAULT_TOKEN={t}\nError: permission denied", t)
p = picked()
case(
    "vault-read-table-password",
    f"Key                Value\n---                -----\nrefresh_interval   768h\npassword           {p}\nusername           sync",
    p,
)
p = picked()
case(
    "vault-kv-get-data-section",
    f"====== Data ======\nKey          Value\n---          -----\ndb_pass      {p}\ndb_user      sync",
    p,
)
g = guid()
case(
    "consul-acl-secretid",
    f"AccessorID:       {guid()}\nSecretID:         {g}\nDescription:      sync\nLocal:            false",
    g,
)
p = rnd(8, A) + "~" + rnd(31, URLSAFE + ".")
case(
    "az-sp-create-for-rbac",
    json.dumps({"appId": guid(), "displayName": "sync", "password": p, "tenant": guid()}, indent=2),
    p,
)
p = picked()
case(
    "aws-secretsmanager-get-secret-value",
    json.dumps(
        {"Name": "prod/db", "SecretString": json.dumps({"username": "sync", "password": p}), "VersionStages": ["AWSCURRENT"]},
        indent=4,
    ),
    p,
)
k = rnd(40, A)
case(
    "gcloud-secrets-access",
    f"$ gcloud secrets versions access latest --secret=myob-key\n{k}\n$ curl -H 'x-myobapi-key: ...' # 401",
    k,
)
t = "dp.st.prd." + rnd(43, A)
case("doppler-service-token", f"DOPPLER_TOKEN={t} doppler run -- ./sync\nDoppler Error: Invalid Auth token", t)
p = picked()
case("onepassword-op-item-get", f"Fields:\n  username:    sync\n  password:    {p}\n  notesPlain:  prod", p)
p = picked()
case("bitwarden-bw-get-json", json.dumps({"object": "item", "login": {"username": "sync", "password": p, "totp": None}}), p)

# --- service configs
p = picked()
case("systemd-environment-quoted", f'[Service]\nEnvironment="DB_PASSWORD={p}" "DB_USER=sync"\nExecStart=/usr/bin/sync', p)
k = rnd(32, A)
case("systemctl-show-environment", f"Environment=LANG=C.UTF-8 MYOB_API_KEY={k} PATH=/usr/bin", k)
p = picked()
case("supervisord-environment", f'[program:sync]\ncommand=/srv/sync\nenvironment=DB_USER="sync",DB_PASS="{p}",HOME="/srv"', p)
t = token()
case(
    "nginx-proxy-set-header",
    f'location /api/ {{\n    proxy_set_header Authorization "Bearer {t}";\n    proxy_pass https://api;\n}}',
    t,
)
k = rnd(32, HEX)
case("apache-setenv", f"SetEnv MYOB_API_KEY {k}\nSetEnv APP_ENV prod", k)
p = picked()
case(
    "windows-reg-export-string",
    f'Windows Registry Editor Version 5.00\n\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Acme\\Sync]\n"DbUser"="sync"\n"DbPassword"="{p}"',
    p,
)
k = rnd(40, A)
case("windows-reg-query", f"HKEY_CURRENT_USER\\Software\\Acme\n    ApiKey    REG_SZ    {k}\n    Region    REG_SZ    au", k)
k = rnd(36, A)
case(
    "webconfig-appsettings-key-value",
    f'<appSettings>\n  <add key="MyobApiKey" value="{k}" />\n  <add key="Region" value="au" />\n</appSettings>',
    k,
)
p = picked()
case(
    "spring-application-yml",
    f"spring:\n  datasource:\n    url: jdbc:postgresql://db/ledger\n    username: sync\n    password: {p}",
    p,
)
p = picked()
case("rails-database-yml-erb-default", f"production:\n  adapter: postgresql\n  password: <%= ENV.fetch('DB_PASS', '{p}') %>", p)
p = picked()
case(
    "django-settings-databases",
    f"DATABASES = {{\n    'default': {{\n        'ENGINE': 'django.db.backends.postgresql',\n        'PASSWORD': '{p}',\n    }}\n}}",
    p,
)
k = rnd(50, A + "!@#$%^&*(-_=+)")
case("django-secret-key", f"SECRET_KEY = '{k}'\nDEBUG = False", k)
p = picked()
case(
    "appsettings-json-connectionstrings",
    json.dumps({"ConnectionStrings": {"Ledger": f"Server=db;Database=ledger;User Id=sync;Password={p};"}}, indent=2),
    p,
)

# --- build and deploy files
k = rnd(32, A)
case("dockerfile-env", f"FROM python:3.12\nENV MYOB_API_KEY={k}\nRUN pip install errcat", k)
t = token()
case("dockerfile-arg-default", f"ARG NPM_TOKEN={t}\nRUN echo //registry.npmjs.org/:_authToken=${{NPM_TOKEN}} > .npmrc", t)
p = picked()
case("makefile-colon-equals", f"DB_PASS := {p}\nmigrate:\n\tpsql -U sync", p)
p = picked()
case("kustomize-secret-generator", f"secretGenerator:\n- name: db\n  literals:\n  - username=sync\n  - password={p}", p)
t = token()
case("jenkinsfile-environment", f"environment {{\n    API_TOKEN = '{t}'\n}}", t)
k = rnd(40, A)
case("github-actions-env-inline", f"    env:\n      MYOB_KEY: {k}\n    run: ./sync", k)

# --- admin commands
p = picked()
case("rabbitmqctl-add-user", f'$ rabbitmqctl add_user sync {p}\nAdding user "sync" ...', p)
p = picked()
case("rabbitmqctl-change-password", f"rabbitmqctl change_password sync '{p}'", p)
p = picked()
case("redis-config-set-requirepass", f'127.0.0.1:6379> CONFIG SET requirepass "{p}"\nOK', p)
p = picked()
case("htpasswd-b", f"$ htpasswd -b /etc/nginx/.htpasswd sync {p}\nAdding password for user sync", p)
p = picked()
case("openssl-passout-pass", f"openssl pkcs12 -export -in c.pem -inkey k.pem -out c.p12 -passout pass:{p}", p)
p = picked()
case("gpg-passphrase-flag", f"gpg --batch --passphrase '{p}' -d secrets.gpg\ngpg: decryption failed: Bad session key", p)
p = picked()
case("mysqladmin-password", f"$ mysqladmin -u root password '{p}'\nmysqladmin: [Warning] Using a password on the command line", p)
p = picked()
case("etcdctl-put-password", f"$ etcdctl put /sync/db/password '{p}'\nOK", p)
p = picked()
case("az-login-p", f"az login --service-principal -u {guid()} -p {p} --tenant acme.onmicrosoft.com", p)
p = picked()
case("powershell-convertto-securestring", f'$pw = ConvertTo-SecureString "{p}" -AsPlainText -Force', p)
p = picked()
case("cmdkey-add-pass", f"cmdkey /add:fileserver /user:ACME\\sync /pass:{p}", p)
p = picked()
case("psexec-p", f"psexec \\\\db01 -u ACME\\sync -p {p} cmd", p)

# --- key shapes of services not tried
k = "sk-proj-" + rnd(48, URLSAFE) + "T3BlbkFJ" + rnd(48, URLSAFE)
case("openai-project-key-env", f"OPENAI_API_KEY={k}\nopenai.AuthenticationError: Error code: 401", k)
k = "sk-ant-api03-" + rnd(93, URLSAFE) + "AA"
case("anthropic-key-alone", f"using {k}\n401 authentication_error", k)
k = "hf_" + rnd(34, A)
case("huggingface-token-cli", f"$ huggingface-cli login --token {k}\nInvalid user token.", k)
t = rnd(24, A) + "." + rnd(6, URLSAFE) + "." + rnd(38, URLSAFE)
case("discord-bot-token", f"client.run('{t}')\ndiscord.errors.LoginFailure: Improper token has been passed.", t)
t = f"{R.randint(100000000, 9999999999)}:AA" + rnd(33, URLSAFE)
case(
    "telegram-bot-url",
    f"requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://api.telegram.org/bot{t}/getMe",
    t,
)
k = "key-" + rnd(32, HEX)
case("mailgun-key-curl", f"curl -s --user 'api:{k}' https://api.mailgun.net/v3/acme.io/messages\nForbidden", k)
k = "sq0csp-" + rnd(43, URLSAFE)
case("square-secret-alone", f"square client secret {k} rejected", k)
k = "sk." + b64(json.dumps({"u": "acme", "a": rnd(8, LOW)})).rstrip("=") + "." + rnd(22, URLSAFE)
case("mapbox-secret-token", f"MAPBOX_SECRET {k}", k)
k = rnd(32, HEX)
case("datadog-api-key-header", f"DD-API-KEY: {k}\n403 Forbidden", k)
k = rnd(32, HEX)
case("sentry-dsn", f"SENTRY_DSN=https://{k}@o{R.randint(10000, 99999)}.ingest.sentry.io/{R.randint(1000000, 9999999)}", k)
t = rnd(20, UP)
case("newrelic-license-key-ini", f"[newrelic]\nlicense_key = {t}{rnd(20, HEX)}NRAL", t)
k = rnd(32, HEX)
case("algolia-admin-key", f"algoliasearch('{rnd(10, UP)}', '{k}')\nAlgoliaSearchApiError: Invalid Application-ID or API key", k)
k = "SG." + rnd(22, URLSAFE) + "." + rnd(43, URLSAFE)
case(
    "sendgrid-key-python-kwarg",
    f"SendGridAPIClient(api_key='{k}')\npython_http_client.exceptions.UnauthorizedError: HTTP Error 401",
    k,
)
k = "AC" + rnd(32, HEX)
t = rnd(32, HEX)
case(
    "twilio-client-positional",
    f"Client('{k}', '{t}')\nTwilioRestException: HTTP 401 error: Unable to create record: Authenticate",
    t,
)
k = "rk_live_" + rnd(99, A)
case("stripe-restricted-python-attr", f'stripe.api_key = "{k}"\nstripe.error.AuthenticationError: Invalid API Key provided', k)
k = "AIza" + rnd(35, URLSAFE)
t = "1:" + str(R.randint(10**11, 10**12)) + ":web:" + rnd(22, HEX)
case(
    "firebase-config-js",
    f'const firebaseConfig = {{\n  apiKey: "{k}",\n  authDomain: "acme.firebaseapp.com",\n  appId: "{t}"\n}};',
    k,
)
j = _ROUND.jwt(aud="authenticated", claim="role")
case("supabase-service-role-env", f"SUPABASE_SERVICE_ROLE_KEY={j}", j)
k = "ghs_" + rnd(36, A)
case("github-app-installation-token-json", json.dumps({"token": k, "expires_at": "2026-03-01T11:00:00Z"}), k)
k = "glrt-" + rnd(20, URLSAFE)
case("gitlab-runner-register-token", f"gitlab-runner register --url https://gitlab.acme.io --token {k}", k)

# --- OAuth refresh tokens under odd key spellings
t = rnd(64, URLSAFE)
case("refresh-token-title-snake", json.dumps({"Access_Token": "x", "Refresh_Token": t, "Expires_In": 1200}), t)
t = rnd(64, URLSAFE)
case("refresh-token-kebab", json.dumps({"refresh-token": t, "token-type": "bearer"}), t)
t = rnd(64, URLSAFE)
case("refresh-token-camel-js", f"{{ refreshToken: '{t}', expiresIn: 1200 }}", t)
t = rnd(64, URLSAFE)
case("refresh-token-upper", f"REFRESH_TOKEN: {t}\nERROR invalid_grant", t)
t = rnd(64, URLSAFE)
case("refresh-token-spaced-label", f"Refresh token   : {t}\nAccess token    : (expired)", t)
t = rnd(48, URLSAFE)
case("id-token-hint-query", f"GET /logout?id_token_hint={t}&post_logout_redirect_uri=https%3A%2F%2Facme.io 400", t)

# --- vendors' refusals echoing the key
k = rnd(32, A)
case("invalid-api-key-colon", f"HTTP 401: Invalid API key: {k}", k)
k = rnd(32, A)
case("api-key-quoted-is-invalid", f"Error: The API key '{k}' is not valid.", k)
t = token()
case("unknown-token-bare", f"authentication failed: unknown token {t}", t)
t = token()
case("token-is-expired-sentence", f"Token {t} has expired, please log in again", t)
k = rnd(40, A)
case("key-not-found-brackets", f"WARN key [{k}] not found in keyring, request rejected 401", k)
p = picked()
case("password-wrong-for-user", f'FATAL: password "{p}" is wrong for user sync', p)

# --- code literals of languages not tried
p = picked()
case("lua-table-password", f'local cfg = {{ host = "db", password = "{p}" }}', p)
p = picked()
case("perl-hash-password", f"my %db = (user => 'sync', pass => '{p}');", p)
p = picked()
case("go-struct-literal", f'cfg := Config{{User: "sync", Password: "{p}"}}', p)
p = picked()
case("kotlin-named-arg", f'DataSource(url = "jdbc:x", user = "sync", password = "{p}")', p)
p = picked()
case("java-setproperty", f'System.setProperty("db.password", "{p}");', p)
p = picked()
case("csharp-object-initializer", f'var c = new Creds {{ UserName = "sync", Secret = "{p}" }};', p)
t = token()
case("swift-header-field", f'request.setValue("Bearer {t}", forHTTPHeaderField: "Authorization")', t)
p = picked()
case("elixir-config-password", f'config :sync, Sync.Repo,\n  username: "sync",\n  password: "{p}"', p)
p = picked()
case("r-dbconnect", f'con <- dbConnect(RPostgres::Postgres(), user = "sync", password = "{p}")', p)

# --- Unicode and spelling tricks
p = picked()
case("cyrillic-a-in-password-name", f"p\u0430ssword: {p}\n{MYOB_401}", p)
p = picked()
case("fullwidth-password-name", f"\uff50\uff41\uff53\uff53\uff57\uff4f\uff52\uff44={p}\n401", p)
t = token()
case("soft-hyphen-in-token-name", f"api\u00adkey: {t}\n{PROSPEND_401}", t)
p = picked()
case("password-name-nbsp-equals", f"password\u00a0=\u00a0{p}\n401", p)
t = token()
case("tab-aligned-auth-header", f"Authorization:\t\tBearer\t{t}\n401", t)

# --- second batch: password managers' exports, app configs, admin tools with their own separators
p = picked()
case(
    "keepass-xml-export",
    f'<Entry><String><Key>UserName</Key><Value>sync</Value></String><String><Key>Password</Key><Value ProtectInMemory="True">{p}</Value></String></Entry>',
    p,
)
p = picked()
case(
    "bitwarden-csv-export",
    f"folder,favorite,type,name,login_uri,login_username,login_password,login_totp\n,,login,MYOB,https://my.myob.com,sync,{p},",
    p,
)
p = picked()
case("lastpass-csv-export", f"url,username,password,totp,extra,name,grouping,fav\nhttps://secure.myob.com,sync,{p},,,MYOB,,0", p)
p = picked()
case(
    "netsh-wlan-key-content",
    f"Security settings\n-----------------\n    Authentication         : WPA2-Personal\n    Key Content            : {p}\n",
    p,
)
p = picked()
case("macos-security-find-password-w", f"$ security find-generic-password -s myob -w\n{p}\n$ curl ... 401", p)
h = "HRKU-" + rnd(60, URLSAFE)
case("heroku-auth-token-alone", f"$ heroku auth:token\n {h}\n", h)
g = guid()
case("heroku-api-key-env-guid", f"HEROKU_API_KEY={g} git push heroku main\n ! Invalid credentials provided.", g)
t = "gho_" + rnd(36, A)
case(
    "gh-auth-status-token",
    f"github.com\n  \u2713 Logged in to github.com account sync (keyring)\n  - Token: {t}\n  - Token scopes: 'repo'",
    t,
)
p = picked()
case(
    "joomla-configuration-php",
    f"class JConfig {{\n\tpublic $user = 'sync';\n\tpublic $password = '{p}';\n\tpublic $db = 'ledger';\n}}",
    p,
)
p = picked()
case("mediawiki-wgdbpassword", f'$wgDBuser = "sync";\n$wgDBpassword = "{p}";', p)
p = picked()
case("phpmyadmin-cfg-servers", f"$cfg['Servers'][$i]['user'] = 'sync';\n$cfg['Servers'][$i]['password'] = '{p}';", p)
p = picked()
case("odoo-admin-passwd", f"[options]\nadmin_passwd = {p}\ndb_host = db", p)
p = picked()
case(
    "openvpn-auth-user-pass-file",
    f"$ cat /etc/openvpn/auth.txt\nsync\n{p}\n$ openvpn --auth-user-pass /etc/openvpn/auth.txt\nAUTH: Received control message: AUTH_FAILED",
    p,
)
p = picked()
case("pgbouncer-userlist", f'"sync" "{p}"\n"ops" "md5{rnd(32, HEX)}"', p)
p = picked()
case("redis-acl-setuser", f"ACL SETUSER sync on >{p} ~* +@all\n(error) ERR Error in ACL SETUSER modifier", p)
p = picked()
case("neo4j-auth-env-slash", f"NEO4J_AUTH=neo4j/{p}\nNeo4j: The client is unauthorized due to authentication failure.", p)
k, s2 = rnd(20, UP), rnd(40, A)
case(
    "minio-mc-alias-set",
    f"mc alias set acme https://minio.acme.io {k} {s2}\nmc: <ERROR> Unable to initialize new alias. The request signature we calculated does not match",
    s2,
)
p = picked()
case("radtest-positional", f"$ radtest sync {p} 127.0.0.1 0 testing123\nReceived Access-Reject Id 12", p)
p = picked()
case(
    "freeradius-debug-user-password",
    f'(0)   User-Name = "sync"\n(0)   User-Password = "{p}"\n(0) pap: ERROR: Cleartext password does not match',
    p,
)
p, q = picked(), picked()
case("snmpwalk-auth-priv-flags", f"snmpwalk -v3 -l authPriv -u sync -a SHA -A {p} -x AES -X {q} 10.0.0.1", p, q)
p = picked()
case("xfreerdp-p-colon", f"xfreerdp /v:10.0.0.9 /u:sync /p:{p} /cert:ignore\nERRCONNECT_LOGON_FAILURE", p)
p = picked()
case("smbclient-user-percent", f"smbclient //fs/share -U sync%{p}\nsession setup failed: NT_STATUS_LOGON_FAILURE", p)
p = picked()
case("lftp-u-comma", f"lftp -u sync,{p} sftp://files.acme.io\nLogin failed: 530 Login incorrect", p)
p = picked()
case("irc-nickserv-identify", f"/msg NickServ IDENTIFY sync {p}\n-NickServ- Invalid password for sync.", p)
p = picked()
case("irc-pass-command", f"PASS {p}\nNICK sync\n:irc.acme.io 464 * :Password incorrect", p)
p = picked()
case("mutt-smtp-pass", f'set smtp_url = "smtp://sync@mail.acme.io:587/"\nset smtp_pass = "{p}"', p)
p = picked()
case("msmtprc-password", f"account default\nhost mail.acme.io\nuser sync\npassword {p}", p)
p = picked()
case(
    "restic-password-env",
    f"RESTIC_PASSWORD='{p}' restic -r s3:s3.amazonaws.com/acme snapshots\nFatal: wrong password or no key found",
    p,
)
p = picked()
case(
    "borg-passphrase-env",
    f"export BORG_PASSPHRASE={p}\nborg list /backup\npassphrase supplied in BORG_PASSPHRASE is incorrect.",
    p,
)
t = rnd(86, URLSAFE) + "=="
case(
    "influx-token-flag",
    f"influx query --token {t} 'from(bucket:\"x\")'\nError: failed to execute query: 401 Unauthorized: unauthorized access",
    t,
)
p = picked()
case(
    "ipmitool-capital-p",
    f"ipmitool -I lanplus -H 10.0.0.7 -U admin -P {p} power status\nError: Unable to establish IPMI v2 / RMCP+ session",
    p,
)
p = picked()
case(
    "cqlsh-u-p",
    f"cqlsh 10.0.0.3 -u sync -p {p}\nConnection error: ('Unable to connect to any servers', {{'10.0.0.3': AuthenticationFailed('Failed to authenticate to 10.0.0.3: Error from server: code=0100 [Bad credentials] message=\"Provided username sync and/or password are incorrect\"')}})",
    p,
)

# --- third batch: a value stored or set by a command after a key or flag that names nothing
p = picked()
case("consul-kv-put-password", f"$ consul kv put secret/db/password {p}\nSuccess! Data written to: secret/db/password", p)
p = picked()
case("macos-security-add-generic-password-w", f"security add-generic-password -a sync -s myob -w {p} -U", p)
p = picked()
case(
    "junos-plain-text-password-value",
    f"[edit]\nroot# set system root-authentication plain-text-password-value {p}\nerror: configuration check-out failed",
    p,
)

# drop empty credential lists
CASES[:] = [(cid, text, [s for s in secrets if s]) for cid, text, secrets in CASES if any(secrets)]

# the pastes some output of main (20e4f174) showed a credential of (the secrets39 harness's outputs.py, 19 outputs)
FOUND = frozenset((
    "terraform-state-random-password-result", "jenkins-initial-admin-password", "keepass-xml-export",
    "macos-security-find-password-w", "radtest-positional", "irc-nickserv-identify", "consul-kv-put-password",
    "junos-plain-text-password-value",
))  # fmt: skip
# shown still (left out of CASES): Algolia's admin key, 32 hex digits, by position in algoliasearch(app id, key); a
# PgBouncer userlist.txt's "user" "password" lines (no name, no command: only the file's name says what they are)
_LEFT = ("algolia-admin-key", "pgbouncer-userlist")
LEFTOVERS += [c for c in CASES if c[0] in _LEFT]
CASES[:] = [c for c in CASES if c[0] not in _LEFT]

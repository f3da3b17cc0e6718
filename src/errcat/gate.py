"""The one gate every value taken from the input passes before any output: what is not known to be
safe is masked as ``[REDACTED]``.

A list of secret formats is always one format short, so the gate judges values, not formats:

* **By name**: a value after a credential-like key, flag or option, in any syntax (``key: v``,
  ``key => v``, ``[key, v]``, ``(key, v)``, ``key=v``, ``-p v``, ``--flag v``, ``<key>v</key>``).
* **By place**: URL user-info of any shape, the path of webhook hosts (the path is the secret),
  the value of ``Authorization``/``Cookie`` headers, an OAuth ``code=``.
* **By randomness**: a token that looks generated (length, character classes, entropy, the way
  detect-secrets judges strings), whatever stands beside it; GUIDs and hex ids stay readable.
* **By format**: the formats that announce themselves (``sk_live_``, ``AKIA``, JWTs, PEM keys).

Escapes (``\\uXXXX``, ``\\"``, ``%XX``, HTML entities; nested JSON strings, as deep as explain reads them) are
decoded before judging, and what is found is masked in the original text. Every pattern is linear
or bounded, so a 2 MB paste is judged in well under a second. The gate reports how many values
of which kind it hid (``redacted_kinds``), never the values. Imports nothing of errcat.
"""

from __future__ import annotations

import functools
import math
import re
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterator
from itertools import accumulate
from typing import Any, NamedTuple

from . import regex_codes
from .values import reason_phrase

MARK = "[REDACTED]"
_MARKED = "REDACTED"


def _lazy(regex: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A regex compiled on first use: compiling them all would cost explain ~10 ms of start-up,
    and most pastes need only a few of the passes."""
    return functools.cache(functools.partial(regex_codes.compile, regex, flags))


class Rule(NamedTuple):
    kind: str  # what the secret is, as reported to the user
    regex: str
    source: str  # the public rule set or document that describes the format
    hints: tuple[str, ...]  # the rule runs only on text holding one of these (any case when written in lower case)
    group: int = 0  # the part of the match that is the secret
    flags: int = 0

    @property
    def pattern(self) -> re.Pattern[str]:
        """Compiled on first use (re's own cache keeps it): explain's start-up does not pay for it."""
        return regex_codes.compile(self.regex, self.flags)


_GITLEAKS = "gitleaks default rules (config/gitleaks.toml)"
_B64URL = "[A-Za-z0-9_-]"
# Each pattern starts with a literal or a character set, so re skips ahead at C speed (a leading \b
# would make re try every position).
FORMATS: tuple[Rule, ...] = (
    # JWS (3 parts) and JWE (5 parts, the second may be empty: Intuit's 800-character tokens)
    Rule(
        "JWT",
        rf"eyJ(?<!{_B64URL}eyJ){_B64URL}{{4,}}\.{_B64URL}*\.{_B64URL}*(?:\.{_B64URL}*\.{_B64URL}*)?",
        _GITLEAKS + " jwt; RFC 7519, RFC 7516",
        ("eyj",),
    ),
    Rule(
        "AWS access key id",
        r"(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA)[A-Z0-9]{16}\b",
        _GITLEAKS + " aws-access-token; AWS IAM identifiers (unique ID prefixes)",
        ("a3t", "akia", "asia", "abia", "acca", "agpa", "aida", "aroa", "aipa", "anpa", "anva"),
    ),
    Rule(
        "Stripe key",
        r"(?:sk|rk|pk)_(?:live|test|prod)_[0-9A-Za-z]{10,247}\b|whsec_[0-9A-Za-z]{20,}\b",
        _GITLEAKS + " stripe-access-token; Stripe API keys documentation",
        ("_live_", "_test_", "_prod_", "whsec_"),
    ),
    Rule(
        "GitHub token",
        r"gh[pousr]_[0-9A-Za-z]{30,255}\b|github_pat_[0-9A-Za-z_]{22,255}\b",
        _GITLEAKS + " github-pat/github-oauth/github-app-token/github-fine-grained-pat; GitHub token formats",
        ("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"),
    ),
    Rule(
        "GitLab token",
        r"gl(?:pat|dt|ptt|rt|oas|cbt|soat|ffct)-[0-9A-Za-z_-]{20,}",
        _GITLEAKS + " gitlab-pat and siblings",
        ("glpat-", "gldt-", "glptt-", "glrt-", "gloas-", "glcbt-", "glsoat-", "glffct-"),
    ),
    Rule("age secret key", r"AGE-SECRET-KEY-1[0-9A-Z]{58}", "age-encryption.org/v1: Bech32 secret keys", ("age-secret-key-1",)),
    Rule("Slack token", r"xox[abposer]-(?:[0-9A-Za-z]+-){1,4}[0-9A-Za-z-]{4,}", _GITLEAKS + " slack-*-token", ("xox",)),
    Rule("Google API key", r"AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])", _GITLEAKS + " gcp-api-key", ("aiza",)),
    Rule(
        "SendGrid key",
        r"SG\.[0-9A-Za-z_-]{16,32}\.[0-9A-Za-z_-]{16,64}(?![0-9A-Za-z_-])",
        _GITLEAKS + " sendgrid-api-token",
        ("sg.",),
    ),
    Rule("npm token", r"npm_[0-9A-Za-z]{36}\b", _GITLEAKS + " npm-access-token", ("npm_",)),
    Rule(
        "Hugging Face token",
        r"(?:hf_|api_org_)[A-Za-z]{34}\b",
        _GITLEAKS + " huggingface-access-token, huggingface-organization-api-token",
        ("hf_", "api_org_"),
    ),
    Rule(  # /etc/shadow, htpasswd, a user table dumped in a log: the whole hash, salt and parameters too
        "password hash",
        r"\$(?:2[abxy]?|1|5|6|7|y|gy|md5|sha1|apr1|argon2(?:id|i|d)|scrypt|pbkdf2(?:-sha\d{1,3})?)\$[./A-Za-z0-9=,+$-]{8,}",
        "Modular Crypt Format (passlib's documentation; libxcrypt's crypt(5)): $id$[params$]salt$hash",
        ("$1$", "$2", "$5$", "$6$", "$7$", "$y$", "$gy$", "$md5", "$sha1$", "$apr1$", "$argon2", "$scrypt$", "$pbkdf2"),
    ),
    Rule(
        "Braintree token",
        r"access_token\$(?:production|sandbox)\$[0-9a-z]{16}\$[0-9a-f]{32}",
        "Braintree/PayPal access tokens: access_token$environment$merchant_id$hex",
        ("access_token$",),
    ),
    Rule(
        "Doppler token",
        r"dp\.(?:pt|st|sa|scim|audit|ct)\.(?:[a-z0-9_-]{2,35}\.)?[A-Za-z0-9]{40,44}\b",
        _GITLEAKS + " doppler-api-token; Doppler token formats (personal, service, service account)",
        ("dp.pt.", "dp.st.", "dp.sa.", "dp.scim.", "dp.audit.", "dp.ct."),
    ),
    Rule(
        "Telegram bot token",
        r"(?<![0-9])[0-9]{5,16}:AA[0-9A-Za-z_-]{32,33}(?![0-9A-Za-z_-])",
        _GITLEAKS + " telegram-bot-api-token",
        (":AA",),
    ),
    Rule(
        "OpenAI/Anthropic key",
        r"sk-(?:proj-|ant-(?:api|admin)\d\d-)?[0-9A-Za-z_-]{20,200}(?![0-9A-Za-z_-])",
        _GITLEAKS + " openai-api-key",
        ("sk-",),
    ),
    Rule(
        "Shopify token",
        r"shp(?:at|ca|pa|ss)_[0-9a-fA-F]{32}\b",
        _GITLEAKS + " shopify-*",
        ("shpat_", "shpca_", "shppa_", "shpss_"),
    ),
    Rule("Twilio key", r"SK[0-9a-fA-F]{32}\b", _GITLEAKS + " twilio-api-key", ("SK",)),
    Rule("Mailgun key", r"key-[0-9a-f]{32}\b", _GITLEAKS + " mailgun-private-api-token", ("key-",)),
    Rule(
        "credential in a URL query",
        r"[?&;](?:sid|pw|hmac|hash|sig)=([^&\s'\"#<>]+)",
        "session ids (sid), passwords (pw) and request signatures (hmac, hash, sig: Shopify's and others' signed URLs)"
        " given as query parameters",
        ("sid=", "pw=", "hmac=", "hash=", "sig="),
        1,
    ),
    Rule(
        "curl credentials",
        r"[\s'\"+](?:-u|--user|--proxy-user)(?:[\s+]+|=)(['\"]?)([^\s'\":]*:[^\s'\"]*)\1",
        "curl manual: -u/--user <user:password> (a user alone, as docker login -u and mysql -u give it, is no"
        " secret; a W3C or IIS log writes each space as +)",
        (" -u", "\t-u", "'-u", '"-u', "+-u", "--user", "--proxy-user"),
        2,
    ),
    Rule(
        "curl credentials",
        r"[\s'\"+]--oauth2-bearer(?:[\s+]+|=)(['\"]?)([^\s'\"]+)\1",
        "curl manual: --oauth2-bearer <token>",
        ("--oauth2-bearer",),
        2,
    ),
    Rule(
        "curl credentials",
        r"[\s'\"](?:--cert|-E|--proxy-cert)(?:[ \t]+|=)['\"]?[^\s:'\"]{1,512}:([^\s'\"]+)",
        "curl manual: -E/--cert <certificate[:password]>",
        ("--cert", " -E", "'-E", '"-E', "--proxy-cert"),
        1,
    ),
    Rule(
        "password flag",
        r"[\s'\"+]-(?:[pP]|pass|-pass|AccessToken)(?:[ \t+]+|=)(?!-)"
        r"(?![\d.]{1,15}(?::\d{1,5}){0,2}(?:/(?:tcp|udp))?(?:[\s'\"]|$))"  # a port or a port mapping (ssh -p 22, docker -p 80:80)
        r"(?!no:[a-z_][a-z0-9_.-]{0,63}(?:[\s'\"]|$))"  # pytest -p no:cacheprovider (a plugin turned off)
        r"(\"[^\"\n]{0,512}\"|'[^'\n]{0,512}'|[^\s'\"]+)",
        "docker login -p, sqlcmd -P, openssl -pass: the value is a credential",
        (" -p", " -P", "\t-p", "'-p", '"-p', "+-p", "+-P", "-pass", "-AccessToken"),
        1,
    ),
    Rule(
        "password flag",
        r"[\s'\"+]-t(?:[ \t+]+|=)([^\s'\"/:.]{20,}+)(?![/:.])",
        "doctl -t <access token> (never an image's tag or a key's type: docker build -t, ssh-keygen -t)",
        (" -t", "\t-t", "'-t", '"-t', "+-t"),
        1,
    ),
    Rule(
        "curl credentials",
        r"[\s'\"](?:-b|--cookie)(?:\s+|=)(['\"]?)([^\s'\"=]{1,256}=[^\s'\"]+)\1",
        "curl manual: -b/--cookie <data|filename> (data holds a '=': the cookie itself)",
        (" -b", "\t-b", "'-b", '"-b', "--cookie"),
        2,
    ),
    Rule(
        "password flag",
        r"(?:mysql(?:dump|admin)?|mariadb(?:-dump|-admin)?)[ \t](?:[^\n|;&]{0,256}?[ \t])?-p(?![\s=])(['\"]?)([^\s'\"]+)\1",
        "MySQL manual: --password[=password], -p[password] (no space: -P is the port)",
        ("mysql", "mariadb"),
        2,
    ),
    Rule(
        "password flag",
        r"(?:sqlcmd|bcp|isql)[ \t](?:[^\n|;&]{0,256}?[ \t])?-P(?![\s=])(['\"]?)([^\s'\"]+)\1",
        "sqlcmd and bcp utility docs, Sybase isql: -P password (the value may follow the flag directly)",
        ("sqlcmd", "bcp", "isql"),
        2,
    ),
    Rule(
        "password flag",
        r"(?:redis-cli|ldap[a-z]{2,12}|https?)[ \t](?:[^\n|;&]{0,256}?[ \t])?(?:-a|-w|--auth|--pass)(?:[ \t]+|=)"
        r"(['\"]?)([^\s'\"]+)\1",
        "redis-cli -a <password>; OpenLDAP ldapsearch/ldapmodify -w passwd; HTTPie -a/--auth USER[:PASS]",
        ("redis-cli", "ldap", "http "),
        2,
    ),
    Rule(
        "password flag",
        r"[\s'\"]-U[ \t]+['\"]?[^\s%'\"/]{1,256}%([^\s'\"]+)",
        "smbclient(1) -U|--user=[DOMAIN\\]USERNAME[%PASSWORD] (rpcclient, net and smbcacls alike)",
        (" -U", "\t-U", "'-U", '"-U'),
        1,
    ),
    Rule(
        "password flag",
        r"sqlplus[ \t]+(?:-[A-Za-z]+[ \t]+){0,3}['\"]?[^\s/@'\"]{1,128}/([^\s@'\"]+)",
        "SQL*Plus: sqlplus [options] username/password[@connect_identifier]",
        ("sqlplus",),
        1,
    ),
    Rule(
        "password flag",
        r"(?:7za?|7zz|rar|unrar|sshpass)(?:[ \t]+[a-z]{1,2}\b)?(?:[ \t]+-(?!p)[^\s]{1,64}){0,8}+[ \t]+-p(?![\s=])"
        r"(['\"]?)([^\s'\"]+)\1",
        "7-Zip and RAR: -p{password}; sshpass -p<password> (the value follows the flag directly)",
        ("7z", "rar", "sshpass"),
        2,
    ),
    Rule(
        "password flag",
        r"schtasks(?:[ \t]+/(?!R?P[ \t])[A-Za-z]{1,12}(?:[ \t]+(?!/)[^\s]{1,256})?){0,16}+[ \t]+/R?P[ \t]+"
        r"(['\"]?)([^\s'\"/][^\s'\"]*)\1",
        "schtasks /RU user /RP password, schtasks /U user /P password",
        ("schtasks",),
        2,
        re.IGNORECASE,
    ),
    Rule(
        "password flag",
        r"net[ \t]+use(?:[ \t]+(?!/user:)[^\s]{1,256}){0,4}+[ \t]+/user:[^\s]{1,128}[ \t]+(['\"]?)([^\s'\"/*][^\s'\"]*)\1",
        "net use \\\\server\\share /user:[domain\\]user password",
        ("net use",),
        2,
        re.IGNORECASE,
    ),
    Rule(
        "password on stdin",
        r"(?:echo|printf)[ \t]+(?:-[ne][ \t]+)?(['\"]?)([^\s'\"|]{1,256})\1[ \t]*\|[ \t]*[^\n|]{0,256}?"
        r"(?:--password-stdin|--passwd-on-stdin|chpasswd|passwd[ \t]+--stdin|secret[ \t]+create"
        r"|sudo[ \t]+(?:-[A-Za-z]+[ \t]+)*-[A-Za-z]*S|runas[ \t])",
        "docker login --password-stdin, openconnect --passwd-on-stdin, chpasswd(8), passwd --stdin, docker secret"
        " create NAME -, sudo -S (sudo(8): the password read from standard input), runas: the text echoed into the pipe"
        " is the password",
        ("--password-stdin", "--passwd-on-stdin", "chpasswd", "--stdin", "secret create", "sudo", "runas"),
        2,
    ),
    Rule(
        "password flag",
        r"(?:ssh-keygen[^\n]{0,256}?[ \t]-[NP]|gh[ \t]+secret[ \t]+set[^\n]{0,256}?[ \t](?:--body|-b))(?:[ \t]+|=)"
        r"(['\"]?)([^\s'\"]+)\1",
        "ssh-keygen(1) -N new_passphrase, -P passphrase; gh secret set NAME --body/-b value",
        ("ssh-keygen", "secret set"),
        2,
    ),
    Rule(
        "password flag",
        r"htpasswd[ \t]+(?:-[a-zA-Z]+[ \t]+){0,4}?-[a-zA-Z]*b[a-zA-Z]*[ \t]+(?:-[a-zA-Z]+[ \t]+){0,4}[^\s-][^\s]{0,256}[ \t]+"
        r"[^\s]{1,256}[ \t]+(['\"]?)([^\s'\"]+)\1",
        "htpasswd(1) -b passwdfile username password (batch mode: the password on the command line)",
        ("htpasswd",),
        2,
    ),
    Rule(
        "password flag",
        r"(?:^[ \t]{0,8}|(?<=[\s\"'>:=])(?=[A-Za-z.]{0,11}\d))[A-Za-z0-9.]{1,12}[ \t]+LOGIN[ \t]+"
        r"(?:\"[^\"\n]{1,128}\"|[^\s\"]{1,128})[ \t]+(\"?)([^\s\"]+)\1"
        r"(?:[ \t]*\r?$|[ \t]+(?=[{\[])|(?=\\{0,3}[\"'][ \t]*[,}\]]))",
        "RFC 9051 (IMAP4rev2) section 6.2.3: tag LOGIN userid password (at a line's start, or inside a log line or a"
        " logged string with a tag holding a digit: the line, the string or the command ends there, or JSON follows)",
        ("LOGIN",),
        2,
        re.MULTILINE,
    ),
    Rule(
        "password flag",
        r"(?:\"auth\"|>[ \t]{0,4}auth)[ \t]+(?:\"[^\"\n]{1,128}\"[ \t]+|[^\s\"]{1,128}[ \t]+(?=[^\s\"]))?(\"?)([^\s\"]+)\1"
        r"(?:[ \t]*\r?$|[ \t]+(?=[{\[]))",
        'Redis AUTH [username] password: as MONITOR logs it ("AUTH" "user" "password") and as typed at redis-cli\'s prompt',
        ('"auth"', ">auth", "> auth", ">  auth", ">\tauth"),
        2,
        re.IGNORECASE | re.MULTILINE,
    ),
    Rule(
        "password flag",
        r"net[ \t]+user[ \t]+(?!/)(?:\"[^\"\n]{1,128}\"|[^\s/\"]{1,128})[ \t]+(['\"]?)([^\s'\"/*][^\s'\"]*)\1",
        "net user username password /add (Windows net user: the password after the user name; * prompts for it)",
        ("net user",),
        2,
        re.IGNORECASE,
    ),
    Rule(
        "password flag",
        r"rabbitmqctl(?:[ \t]+-[^\s]{1,64}(?:[ \t]+[^\s-][^\s]{0,128})?){0,4}[ \t]+(?:add_user|change_password|authenticate_user)"
        r"[ \t]+(?:'[^'\n]{1,128}'|\"[^\"\n]{1,128}\"|[^\s'\"]{1,128})[ \t]+(['\"]?)([^\s'\"]+)\1",
        "rabbitmqctl add_user|change_password|authenticate_user <username> <password>",
        ("add_user", "change_password", "authenticate_user"),
        2,
    ),
    Rule(
        "password flag",
        r"addauth[ \t]+digest[ \t]+[^\s:]{1,128}:([^\s]+)",
        "ZooKeeper CLI: addauth digest user:password",
        ("addauth",),
        1,
    ),
    Rule(
        "password flag",
        r"connect[ \t]+to[ \t][^\n]{0,256}?[ \t]user[ \t]+['\"]?[^\s'\"]{1,128}['\"]?[ \t]+using[ \t]+(['\"]?)([^\s'\"]+)\1",
        "Db2 CLP and Informix ESQL: CONNECT TO database USER name USING password",
        ("using",),
        2,
        re.IGNORECASE,
    ),
    Rule(
        "password flag",
        r"(?:^[ \t]{0,8}|sql>[ \t]{0,4})conn(?:ect)?[ \t]+([^\s/@'\"]{1,128})/([^\s@'\"/]+)(?=@|[ \t]*\r?$)",
        "SQL*Plus: CONNECT username/password[@connect_identifier]",
        ("conn",),
        2,
        re.IGNORECASE | re.MULTILINE,
    ),
    Rule(
        "password flag",
        r"jdbc:oracle:(?:thin|oci):([^\s/@:'\"]{1,128})/([^\s@'\"]{1,256})@",
        "Oracle JDBC: jdbc:oracle:thin:user/password@host:port/service",
        ("jdbc:oracle:",),
        2,
    ),
    Rule(
        "password flag",
        r"openssl[ \t][^\n|;&]{0,256}?[ \t]-k[ \t]+(['\"]?)([^\s'\"]+)\1",
        "openssl enc -k password (the passphrase on the command line)",
        ("openssl",),
        2,
    ),
    Rule(
        "password flag",
        r"acl[ \t]+setuser[ \t][^\n]{0,512}?[ \t]>([^\s]+)",
        "Redis ACL SETUSER username ... >password",
        ("setuser",),
        1,
        re.IGNORECASE,
    ),
    Rule(
        "password on stdin",
        r"(?:--password|--passwd|[ \t]-p|passwd|login)[^\n|<]{0,64}<<<[ \t]*(['\"]?)([^\s'\"]+)\1",
        "a shell's here-string into a command that reads a password (mysql --password <<< 'password')",
        ("<<<",),
        2,
    ),
    Rule(
        "password flag",
        r"ftp>[ \t]*user[ \t]+[^\s]{1,128}[ \t]+([^\s]+)",
        "ftp(1): user user-name [password] at the ftp> prompt",
        ("ftp>",),
        1,
    ),
    Rule(
        "private key",
        r"\((?:aes|des|des3|rc4|arcfour|camellia)[\w-]{0,40}\)[ \t]+\(0x([0-9a-fA-F]{16,256})\)",
        "MIT Kerberos klist -k -K: each key of a keytab, after its encryption type, in hex",
        ("(0x",),
        1,
    ),
    Rule(
        "private key",
        r"-----BEGIN OpenVPN Static key V1-----[0-9a-fA-F\r\n \t]{0,4096}",
        "OpenVPN static key files (secret/tls-auth/tls-crypt keys): hex lines between BEGIN and END",
        ("openvpn static key",),
    ),
    Rule(
        "password flag",
        r"(?:keyvault[ \t]+secret[ \t]+set|ssm[ \t]+put-parameter|secretsmanager[ \t]+put-secret-value)"
        r"(?:[ \t]+(?!--(?:value|secret-string)[ \t=])[^\s]{1,256}){0,16}+[ \t]+--(?:value|secret-string)(?:[ \t]+|=)"
        r"(['\"]?)([^\s'\"]+)\1",
        "az keyvault secret set --value, aws ssm put-parameter --value, aws secretsmanager put-secret-value --secret-string",
        ("keyvault", "put-parameter", "put-secret-value"),
        2,
    ),
    Rule(
        "password flag",
        r"pulumi[ \t]+config[ \t]+set[ \t]+--secret[ \t]+(?:-[^\s]{1,64}[ \t]+){0,4}[^\s-][^\s]{0,128}[ \t]+"
        r"(['\"]?)([^\s'\"]+)\1",
        "pulumi config set --secret <key> <value>",
        ("pulumi",),
        2,
    ),
    Rule(
        "password flag",
        r"(?:xfreerdp|wlfreerdp|sdl-freerdp|wfreerdp)(?:[ \t]+(?!/p(?:assword)?:)[^\s]{1,256}){0,16}+[ \t]+/p(?:assword)?:"
        r"(['\"]?)([^\s'\"]+)\1",
        "FreeRDP: /u:user /p:password",
        ("freerdp",),
        2,
    ),
    Rule(
        "password flag",
        r"lftp(?:[ \t]+(?!-u[ \t])[^\s]{1,256}){0,16}+[ \t]+-u[ \t]+(['\"]?)[^\s,'\"]{1,128},([^\s'\"]+)\1",
        "lftp -u user[,pass]",
        ("lftp",),
        2,
    ),
    Rule(
        "password flag",
        r"snmp(?:walk|bulkwalk|get|getnext|bulkget|set|table|trap|inform|status|df|netstat|delta|test|translate)?"
        r"(?:[ \t]+(?!-[cAX][ \t])[^\s]{1,256}){0,16}+[ \t]+-[cAX][ \t]+(['\"]?)([^\s'\"]+)\1",
        "Net-SNMP: -c community (v1/v2c), -A auth passphrase and -X privacy passphrase (v3)",
        ("snmp",),
        2,
    ),
    Rule(
        "password flag",
        r"AuthInfo:[^\s\"]{0,253}(?:[ \t]+\"(?![Pp][:=])[^\"\n]{0,256}\"){0,8}+[ \t]+\"P[:=]([^\"\n]{1,256})\"",
        'sendmail\'s access/authinfo map: AuthInfo:host "U:user" "P:password" (P= a password in base64)',
        ("authinfo",),
        1,
        re.IGNORECASE,
    ),
    Rule(
        "credential by name",
        r"[Ss]tripe-[Ss]ignature:[ \t]*([^\r\n]+)",
        "Stripe webhooks: the Stripe-Signature header (t=timestamp,v1=HMAC-SHA256 signature)",
        ("stripe-signature",),
        1,
    ),
    Rule(
        "password in SQL",
        r"identified[ \t]+(?:with[ \t]+\w{1,64}[ \t]+)?by[ \t]+(?:password[ \t]+)?'((?:[^'\\\n]|\\.|''){1,512})'",
        "MySQL CREATE/ALTER USER ... IDENTIFIED [WITH plugin] BY 'auth_string'; Oracle CREATE USER ... IDENTIFIED BY",
        ("identified",),
        1,
        re.IGNORECASE,
    ),
    Rule(
        "auth scheme value",
        r"[Bb][Ee][Aa][Rr][Ee][Rr]\s+((?=[A-Za-z0-9\-._~+/]{20}|[A-Za-z0-9\-._~+/]*\d)[A-Za-z0-9\-._~+/]{8,}=*)",
        "RFC 6750 section 2.1 (Authorization: Bearer <token>)",
        ("bearer",),
        1,
    ),
    Rule(
        "auth scheme value",
        r"(?:Basic|Digest|Token|OAuth|Zoho-oauthtoken|SharedKey)\s+((?=[A-Za-z0-9\-._~+/]*[0-9+/=])[A-Za-z0-9\-._~+/:]{8,}=*)",
        "RFC 7617 (Basic), RFC 7235 (Authorization: <scheme> <credentials>)",
        ("Basic", "Digest", "Token", "OAuth", "Zoho-oauthtoken", "SharedKey"),
        1,
    ),
)


_HINTS = [  # (rule, hints in any case, hints in this case)
    (rule, tuple(h for h in rule.hints if h.islower()), tuple(h for h in rule.hints if not h.islower())) for rule in FORMATS
]


def _any_of(words: set[str]) -> str:
    """A regex finding whether any of ``words`` occurs, written as a trie: at each position re follows
    one branch per character instead of trying every word (4 x faster on 2 MB of one letter)."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def branch(node: dict[str, Any]) -> str:
        if "" in node:  # a word ends here: whatever follows, one was found
            return ""
        alternatives = [re.escape(ch) + branch(child) for ch, child in sorted(node.items())] or ["(?!)"]
        return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"

    return branch(tree)


_ANY_LOWER_HINT = _lazy(_any_of({h for _, lower, _ in _HINTS for h in lower}))
_ANY_CASED_HINT = _lazy(_any_of({h for _, _, cased in _HINTS for h in cased}))

# A name holds a credential when one of these is in it, whatever the syntax and case
# (aws_secret_access_key, X-Auth-Token, clientSecret, db_password, x-myobapi-cftoken, INVOICEXPRESS_KEY).
# Alternatives grouped by first letter, so re skips to candidate positions at C speed.
_CREDENTIAL_WORD = (
    r"s(?:ecret|ession|ignature|ecurestring|ig\b|as\b|essid|alas(?:ana|\u00f5na|ona)|ifre\b|enha|lapta(?:z|\u017e)odis)"
    r"|token"  # PHPSESSID
    r"|p(?:assw(?:or)?d|assphrase|asswd|wd|rivate[_-]?key|ass\b|in\b|ass(?:code|wort|ord|e\b)|word|swd|sk\b|arol(?:[ae]|\u0103)\b|arool\b)"
    r"|a(?:pi[_-]?key|pikey|ccess[_-]?key|ccount[_-]?key|uth(?!or(?!i[sz]))|dgangskode)"  # not an author (authorMacBook-Pro)
    r"|c(?:redential|ookie|ode[_-]?verifier|ontras(?:e(?:n|\u00f1|ny)a|inal)|l\u00e9[_ -]?(?:api|secr)"
    r"|(?:have|lave)[_ -]?(?:de[_ -])?(?:api|acceso|acesso)|lave\b|hiave[_ -]?(?:api|segreta|d))"
    r"|k(?:ennwort|ata[_ -]?(?:sandi|laluan)|\u03c9\u03b4ik(?:\u03cc|o)\u03c2|ontrasenya)|wa(?:cht|g)woord"
    r"|l(?:(?:\u00f6|o)senord|ozinka|ykilor(?:\u00f0|d))"
    r"|h(?:as(?:\u0142|l)o|eslo)\b|jelsz(?:o|\u00f3)|ge(?:slo|heim)\b|m(?:yobapi-key|\u1eadt[_ ]?kh\u1ea9u)"
    r"|\u015fifre\b|\u0161ifra\b|\u043fapo\u043b(?:\u044c|a)|\u041fapo\u043b\u044c|\u30d1\u30b9\u30ef\u30fc\u30c9|\u30c8\u30fc\u30af\u30f3"
    r"|\u5bc6(?:\u7801|\u78bc|\u94a5|\u9470)|\u6697\u8a3c\u756a\u53f7|\u79d8\u94a5|\u4ee4\u724c|\u53e3\u4ee4"
    r"|\u05e1\u05d9\u05e1\u05de\u05d4|\ube44\ubc00\ubc88\ud638|\uc554\ud638|\ud1a0\ud070"
    r"|\u0643\u0644\u0645\u0629[_ ]?(?:\u0627\u0644\u0645\u0631\u0648\u0631|\u0627\u0644\u0633\u0631)"
    # Bulgarian, Macedonian (\u043f\u0430\u0440\u043e\u043b\u0430, above), Serbian (\u043b\u043e\u0437\u0438\u043d\u043a\u0430),
    # Hindi, Thai, Persian
    r"|\u043bo\u0437\u0438\u043d\u043aa|\u092a\u093e\u0938\u0935\u0930\u094d\u0921|\u0e23\u0e2b\u0e31\u0e2a\u0e1c\u0e48\u0e32\u0e19"
    r"|\u0631\u0645\u0632(?:[_ ]?\u0639\u0628\u0648\u0631)?"
    r"|key\b|_(?:pass|key)\b|-(?:pass|key)\b|pw\b"
    # Swahili (nenosiri), Tagalog (lihim: secret), Italian (parola d'ordine), Vietnamese without its marks (mat khau),
    # German's and Dutch's key (Zugangsschl\u00fcssel, geheime sleutel)
    r"|nenosiri|lihim\b|parola[_ ]d|mat[_ ]?khau|schl(?:\u00fc|ue)ssel|sleutel"
    r"|bearer(?=\\{0,3}[\"']?[ \t]{0,4}[:=])"  # {"bearer": "…"}, bearer=…; "token_type=bearer" names no value
)
# The password's name in Portuguese (senha), Spanish (contraseña), Catalan (contrasenya), Galician (contrasinal),
# German (kennwort, passwort), Norwegian (passord), Dutch, Swedish, Danish, Polish, Czech, Finnish, Estonian (salasõna),
# Latvian (parole), Icelandic (lykilorð), Malay (kata laluan), Italian (chiave), Turkish, Russian, Japanese and Chinese
# Romanian (parol\u0103), Estonian (parool), Tagalog (kontrasenya), Afrikaans (wagwoord), Croatian (\u0161ifra)
# (French mot_de_passe holds "pass"); pword, pswd. Each alternative starts with a literal, grouped by its first letter
# (no new first letter): a character class or a look-behind first would make every search for a word 2 x slower.
# Substrings one of which every credential word holds: text without any skips the name pass.
_NEEDLES = (
    "secret", "token", "pass", "pw", "key", "bearer", "auth", "credential", "signature", "session", "cookie", "verifier",
    "sig", "pin", "psk",
    "sas", "securestring", "senha", "contrase", "kennwort",
    "wachtwoord", "senord", "has\u0142o", "haslo", "salasana", "adgangskode", "heslo", "ifre", "apo\u043b\u044c",
    "\u30d1\u30b9\u30ef\u30fc\u30c9", "\u5bc6\u7801", "\u6697\u8a3c\u756a\u53f7", "pword", "pswd", "sessid",
    # Hungarian, Italian/Romanian, Croatian/Serbian, Slovene, Lithuanian, Indonesian, Vietnamese, Greek, Hebrew, Arabic,
    # Korean (password, cipher, token), Japanese and Chinese (token, password, key), French/Portuguese/Spanish API keys
    "jelsz", "parola", "lozinka", "geslo", "slapta", "sandi", "kh\u1ea9u", "\u03c9\u03b4ik", "\u05e1\u05d9\u05e1\u05de\u05d4",
    "\u0643\u0644\u0645\u0629", "\ube44\ubc00\ubc88\ud638", "\uc554\ud638", "\ud1a0\ud070", "\u30c8\u30fc\u30af\u30f3",
    "\u4ee4\u724c",
    "\u53e3\u4ee4", "\u5bc6\u78bc", "\u5bc6\u94a5", "\u5bc6\u9470", "\u79d8\u94a5", "cl\u00e9", "chave", "clave",
    "contrasinal", "parole", "laluan", "chiave", "geheim", "salas\u00f5na", "salasona", "lykilor",
    "\u043fapo\u043ba", "\u043bo\u0437\u0438\u043d\u043aa", "\u092a\u093e\u0938\u0935\u0930\u094d\u0921",
    "\u0e23\u0e2b\u0e31\u0e2a\u0e1c\u0e48\u0e32\u0e19", "\u0631\u0645\u0632",
    # Romanian, Estonian, Tagalog, Afrikaans, Croatian and Bosnian
    "parol\u0103", "parool", "kontrasenya", "wagwoord", "\u0161ifra",
    # Swahili, Tagalog, Vietnamese without its marks, German's and Dutch's key
    "nenosiri", "lihim", "khau", "schl\u00fcssel", "schluessel", "sleutel",
)  # fmt: skip


_NEEDLE_BYTES = tuple(n.encode() for n in _NEEDLES)
_ASCII_NEEDLES = tuple(n for n in _NEEDLES if n.isascii())


def may_name_credential(data: bytes) -> bool:
    """Whether bytes may hold a credential's name (a needle every credential word holds; any case).
    One substring search per needle (C's memmem): a regex of them all, case-blind, read 2 MB/s."""
    low = data.lower()
    return any(n in low for n in _NEEDLE_BYTES) or (b"[" in low and any(n in low for n in _SECTION_BYTES))


# INI sections whose values are credentials by user (see _CREDENTIAL_SECTION): no credential word names them
_SECTIONS = ("admins", "users", "passwords", "credentials", "secrets", "accounts")
_SECTION_BYTES = tuple(f"[{s}]".encode() for s in _SECTIONS)


# A-Z in lower case, and what stands for a Latin letter or a separator in a name written to slip past a
# filter: Cyrillic and Greek look-alikes (p\u0430ssword), full-width letters, colon and equals sign.
# One character for one: every index stays where it was.
_HOMOGLYPHS = (
    "\u0430a\u0435e\u043eo\u0440p\u0441c\u0443y\u0445x\u0455s\u0456i\u0458j\u04bbh\u0501d\u051bq\u051dw"  # Cyrillic
    "\u0410a\u0412b\u0415e\u041ak\u041cm\u041dh\u041eo\u0420p\u0421c\u0422t\u0425x\u0405s\u0406i\u0408j"
    "\u03b1a\u03bfo\u03c1p\u03b9i\u03bak\u03bdv\u0391a\u0392b\u0395e\u0396z\u0397h\u0399i\u039ak\u039cm\u039dn"  # Greek
    "\u039fo\u03a1p\u03a4t\u03a5y\u03a7x\uff1a:\uff1d="
)
# and letters that stand for Latin ones: small capitals (\u1d18\u1d00ssword), the Kelvin and Angstrom signs, Turkish
# dotless and dotted i
_SMALL_CAPS = (
    "\u1d00a\u0299b\u1d04c\u1d05d\u1d07e\ua730f\u0262g\u029ch\u026ai\u1d0aj\u1d0bk\u029fl\u1d0dm\u0274n\u1d0fo\u1d18p"
    "\u01ebq\u0280r\ua731s\u1d1bt\u1d1cu\u1d20v\u1d21w\u028fy\u1d22z\u212ak\u212ba\u0131i\u0130i"
)
# and the mathematical alphanumeric symbols (\U0001d5c9\U0001d5ee\U0001d600\U0001d600\U0001d604\U0001d5fc\U0001d5ff\U0001d5f1: a
# bold sans-serif "password"): 13 alphabets of 52 letters from U+1D400 (a few holes left empty, as Unicode has them)
_MATH_LETTERS = "".join(chr(0x1D400 + 52 * k + i) for k in range(13) for i in range(52))
# and the enclosed letters (\u24df\u24d0\u24e2\u24e2\u24e6\u24de\u24e1\u24d3: circled; \u24ab\u249c\u24ae\u24ae: parenthesized)
# and the modifier (superscript) letters (\u1d56\u1d43\u02e2\u02e2\u02b7\u1d52\u02b3\u1d48) (a-z in parentheses, A-Z, a-z circled)
_ENCLOSED = "".join(map(chr, range(0x249C, 0x24EA)))
_MODIFIERS = (
    "\u1d43a\u1d47b\u1d9cc\u1d48d\u1d49e\u1da0f\u1d4dg\u02b0h\u2071i\u02b2j\u1d4fk\u02e1l\u1d50m\u207fn\u1d52o\u1d56p"
    "\u02b3r\u02e2s\u1d57t\u1d58u\u1d5bv\u02b7w\u02e3x\u02b8y\u1dbbz"
)
_LOWER = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    + _HOMOGLYPHS[::2]
    + "".join(map(chr, range(0xFF21, 0xFF3B)))
    + "".join(map(chr, range(0xFF41, 0xFF5B)))
    + _SMALL_CAPS[::2]
    + _MATH_LETTERS
    + _ENCLOSED
    + _MODIFIERS[::2],
    "abcdefghijklmnopqrstuvwxyz"
    + _HOMOGLYPHS[1::2]
    + "abcdefghijklmnopqrstuvwxyz" * 2
    + _SMALL_CAPS[1::2]
    + "abcdefghijklmnopqrstuvwxyz" * 26
    + "abcdefghijklmnopqrstuvwxyz" * 3
    + _MODIFIERS[1::2],
)
# ...unless the name says the value is not the credential itself (token_type, auth_url, expires_in).
_NOT_A_VALUE_REGEX = (
    r"(?:url|uri|endpoint|host|path|type|method|scope|expires(?:_?in)?|expiry|ttl|name|format|version|mode|hint|header"
    r"|length|count|enabled|required|_id_type|status|error|failure|failed|provider|strategy|policy|exception|expired|invalid"
    r"|authori[sz]ed|authori[sz]ation_code"
    # OAuth 1.0a's problem report (oauth_problem=token_expired&oauth_problem_advice=...): what went wrong, in words
    r"|problem|problem_advice"
    # where the value is read from (--password-stdin, TOKEN_FILE=/run/secrets/t), and a class or a thread named for
    # what it handles (ZooKeeper's "[SessionTracker:ZooKeeperServer@325]", SessionManager, TokenProcessor)
    r"|stdin|file|tracker|manager|handler|listener|factory|processor|thread|executor|scheduler|monitor"
    # a name that goes on to say it is an error (Intuit's "AuthenticationErrorGeneral: SRV-110-...")
    r"|(?:error|failure|exception)[a-z_]{0,24})s?$"
)
_NOT_A_VALUE = _lazy(_NOT_A_VALUE_REGEX, re.IGNORECASE)
_NOT_A_VALUE_LOWER = _lazy(_NOT_A_VALUE_REGEX)  # on an ASCII name lowered: 3 x faster than IGNORECASE's search


def _not_a_value(name: str) -> bool:
    """Whether a name says its value is not the credential itself (see _NOT_A_VALUE): _named asks it of
    every name, tens of thousands in a 2 MB log (an ASCII name is lowered first: the same answer)."""
    if name.isascii():
        return _NOT_A_VALUE_LOWER().search(name.lower()) is not None
    return _NOT_A_VALUE().search(name) is not None


_SOURCE_FILE = _lazy(r"\.(?:c|cc|cpp|cxx|h|hh|hpp|go|py|java|kt|rs|rb|js|mjs|ts|php|cs|swift|scala)$", re.IGNORECASE)
_LINE_NUMBER = _lazy(r":\d{1,6}(?![\w.-])")

# a quoted value closes with as many backslashes as it opened with: ab\"cd in "ab\"cd" is one value
_QUOTED = r"""(?P<qs>\\{0,3})"(?:[^"\\\n]|\\.){0,4096}?(?P=qs)"|'(?:[^'\\\n]|\\.|''){0,4096}?'(?!')"""
# (YAML's and SQL's single quotes hold a quote doubled: 'Kanga''roo')
_CDATA = r"<!\[cdata\[(?:[^\]]|\](?!\]>)){0,4096}\]\]>"
# A credential word, the rest of its name, then how the name closes, the separator and the value.
# Matching starts at the word (found by one fast scan), never at every position of the text. The
# rest of the name may hold a .properties escape (db.password\\:prod is one name).
_NAME_REST = r"[a-z0-9_.$*\u00c0-\u024f\u0370-\u052f-]"  # (accented, Greek and Cyrillic letters too: cl\u00e9_secr\u00e8te;
# and RFC 2231's "*" of a parameter's extended value: password*=utf-8''…, password*0*=…)
_NAMED_REGEX = rf"""(?P<word>{_CREDENTIAL_WORD})(?P<rest>(?:{_NAME_REST}|\\[:= ](?=[a-z0-9_.$-])){{0,64}}+)
    (?:(?P<xml>(?:[ \t\r\n][^<>\r\n]{{0,200}}+)?>)(?P<xval>{_CDATA}|[^<]{{1,4096}})  # <name attrs>value
    |(?P<close>\\{{0,3}}["'])?(?P<vis>(?::\\{{0,3}}"[^"\n]{{1,128}}")?:(?:protected|private|public))?(?P<bracket>\])?
    (?:(?P<mp>\r?\n(?:[A-Za-z-]{{1,40}}:[^\r\n]{{0,200}}\r?\n){{0,3}}\r?\n)(?=[^\r\n])  # a multipart part's value
      |(?P<sep>(?:[ \t]{{0,10}}\r?\n[ \t]{{0,40}}(?=:))?  # a pretty-printer's colon on the next line
        [ \t]{{0,10}}(?:=>(?:[ \t]{{0,10}}\r?\n[ \t]{{0,40}})?|==>|-{{1,2}}>|\u2192|:=|\?=|=|:)  # => (var_dump: a line
        # break), Scala's and a logger's arrows, := ?= = :
        (?:[ \t]{{0,10}}(?:\r?\n[ \t]{{0,40}})?-(?=[ \t]))?[ \t]{{0,10}})  # and a YAML list's "- "
      |(?P<comma>[ \t]{{0,4}},[ \t]{{0,4}}|[ \t]{{1,4}}\.[ \t]{{1,4}})  # [key, value], (key, value), Lisp's (key . value)
      |(?P<space>[ \t]{{1,4}}(?:-string[ \t]{{1,4}})?)  # a flag's value, ConvertTo-SecureString 'value'
    )
    (?:string\(\d{{1,9}}\)[ \t]*|string[ \t]+|0x[0-9a-f]{{1,16}}[ \t]{{1,4}}(?=["'])
      |\[[ \t]{{0,4}}(?=["'])|[bru]{{1,2}}(?=["'])|\$(?=["'])|(?<=\*=)[a-z0-9_-]{{0,40}}'[a-z-]{{0,16}}')?
    # var_dump's string(n), a shell's $'…', RFC 2231's charset'language' before an extended value, a C string
    # after its pointer (gdb's print: password = 0x5566 "…"), a JSON list, Python's b'…' and r'…'
    (?P<val>{_QUOTED}|\{{[^}}\n]{{0,512}}\}}|\([^)\n]{{0,512}}\)|{_CDATA}|>[1-9+-]{{0,2}}(?=[ \t])
      |[^\s,;}}\])'"&<>]{{1,4096}}+))"""  # (a bare value bounded: a name repeated in its escaped value stays linear)
_NAMED = _lazy(_NAMED_REGEX, re.VERBOSE)
_NAMED_PAIR = _lazy(_NAMED_REGEX.replace("(?P<xml>", "(?P<xml>(?!)"), re.VERBOSE)  # no <name>: only pairs
# a name given as the value of a name or key field: JSON's "name": "…", XML's key="…"
_NAME_FIELD = _lazy(
    r"""(?<![a-z0-9_-])(?:(?:parameter|option)?(?:name|key)\\{0,3}["']?\s{0,4}[:=]\s{0,4}\\{0,3}["']"""
    r"""|path\\{0,3}["']?\s{0,4}[:=]\s{0,4}\\{0,3}["'](?:/[a-z0-9_.~-]{0,32}){0,3}/)$"""  # JSON Patch's "path": "/password"
)
_FIELD_NAME = _lazy(r"""(?:parameter|option)?(?:name|key)\\{0,3}["']?\s{0,4}[:=]\s{0,4}\\{0,3}["'](?P<name>[^"'\\<>\n]{1,64})""")
_VALUE_FIELD = _lazy(rf"""(?<![a-z0-9_.$-])(?:parameter)?value\\{{0,3}}["']?\s{{0,4}}[:=]\s{{0,4}}(?P<val>{_QUOTED})""")
_VALUE_FIELD_NEXT = _lazy(
    rf"""\\{{0,3}}["']\s{{0,4}},\s{{0,4}}\\{{0,3}}["']value\\{{0,3}}["']\s{{0,4}}[:=]\s{{0,4}}(?P<val>{_QUOTED})"""
)
_ELEMENT_TEXT = _lazy(r"[ \t\r\n]{0,200}(?:<value>)?(?P<val>[^<]{1,4096})</")  # <entry key="…">value</entry>
_IN_NAME = _lazy(_CREDENTIAL_WORD)
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_-")
_UNIT = 1024  # how far the object or the tag holding a name field is looked for, either side
# "my password is Xy7!pq2w", "invalid token abc123def456": a credential word, a few small words, a value
_AFTER_WORD = _lazy(
    rf"""(?:{_CREDENTIAL_WORD})[a-z0-9_-]{{0,32}}+(?:["'](?=[ \t]{{1,4}}["']))?[ \t]{{1,4}}  # (a quoted name: "password" "…")
    (?:(?:is|was|of|for|the|my|your|provided|given|used|value|set\ to|to|es|est|ist|lautet|era|jest|adalah)[ \t]{{1,4}}){{0,3}}
    (?:(?<=[ \t])['"])?(?P<val>[^\s'",;)}}\]<>]{{8,128}}+)""",
    re.VERBOSE,
)
# A value on the lines after its name: YAML's block scalar (password: |) or plain value on the next line,
# TOML's and Python's triple quotes; an anchor (&a) or a tag (!!str) may stand between.
_NEXT_LINE = _lazy(
    rf"""(?:{_CREDENTIAL_WORD})[a-z0-9_.-]{{0,64}}+\\{{0,3}}["']?[ \t]{{0,10}}[:=][ \t]{{0,10}}
    (?:&[^\s]{{1,64}}[ \t]{{0,10}})?(?:![^\s]{{0,64}}[ \t]{{1,10}})?
    (?:(?P<tq>\"\"\"|\'\'\')|<<[-~]?(?P<heredoc>[a-z_]{{1,32}})[ \t]{{0,10}}\r?\n  # HCL's and a shell's heredoc
      |(?P<block>[|>][1-9+-]{{0,2}})?[ \t]{{0,10}}(?:\#[^\r\n]{{0,200}})?\r?\n)""",
    re.VERBOSE,
)
# a prompt or a message naming a credential, its value alone at the end of the line after a colon
# (or before the JSON a log line gives after it)
_PROMPT = _lazy(
    rf"""(?:{_CREDENTIAL_WORD})[^\r\n:=]{{0,64}}+:[ \t]{{1,4}}(?P<val>[^\s'",;)}}\]<>]{{8,128}}+)"""
    r"""(?:[ \t]*(?=\r?\n|$)|[ \t]+(?=[{\[]))"""
)
# (a "|" or ">" ends the line of a block scalar's name: never a pipe table's "| a | password |" with no ":" or "=")
_NEXT_LINE_HINT = _lazy(
    r"[:=][ \t]{0,20}(?:[&!]|(?:[|>][1-9+-]{0,2}[ \t]{0,10})?(?:#[^\r\n]{0,200})?\r?\n)"
    r"|\"\"\"|'''|<<[-~]?[a-z_]{1,32}[ \t]{0,10}\r?\n"
)
_NEXT_LINES = 64  # at most this many lines of a block scalar
_NAME_BEFORE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.$-"  # the rest of a name before its word
# Headers whose whole value (scheme, token, cookie list) is a credential, to the end of the line;
# a log line's "-> 400 {...}" after it is not part of the value.
_HEADER_LINE = _lazy(  # on the text in lower case (a browser's WebSocket sends its token as a "subprotocol")
    r"""(?:authorization|cookie|x-myobapi-key|x-myobapi-cftoken|api-key|sec-websocket-protocol)"""
    r"""[ \t]{0,10}:[ \t]{0,10}(?P<val>(?:(?![ \t]+(?:->|=>|\u2192)[ \t])[^\r\n'"])+)"""
)
_SCHEME_WORD = _lazy(r"(?:Bearer|Basic|Digest|Token|OAuth|SharedKey)[ \t]+(?=[A-Za-z0-9\-._~+/:]{1,}=*)", re.I)
_BARE = _lazy(r"""[^\s,;}\])'"&<>]*""")
_HEADER_HINTS = ("authorization", "cookie", "x-myobapi-key", "x-myobapi-cftoken", "api-key", "sec-websocket-protocol")
# A URL scheme (2-21 characters, not the tail of a longer word; a console may wrap the line after
# it), then its user-info: one pass, where a look back for the scheme from each "://" cost more
# than the rest of a 2 MB paste of them
_URL_USERINFO = _lazy(
    r"(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{1,20}\n?(://)"
    r"([^\s/?#'\"<>]{1,512}|[^\s/?#'\"<>:]{1,256}:(?!\d{1,5}(?:[/?#]|$))[^\s'\"<>@]{1,128}+)@"  # a raw ? # or /
)
# user:password@host with no scheme (a proxy setting, a .netrc-like line, a DSN without its scheme)
_BARE_USERINFO = _lazy(  # (Go's database/sql DSN: user:password@tcp(host:port)/db)
    r":([^\s:@/'\"<>]{1,256})@(?:[A-Za-z0-9-]{1,63}\.[A-Za-z0-9-]{1,63}|(?:tcp6?|udp|unix)\()"
)
# a log level and a comma where the password would start: a log line's fields, Couchbase's
# "[ns_server:error,2025-08-18T09:16:33.764Z,ns_1@127.0.0.1:0000:...]" (its level and time were hidden)
_LEVEL_FIELD = _lazy(r"(?:emerg|alert|crit|critical|error|warn|warning|notice|info|debug),")
_USER_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
_WEBHOOK = _lazy(
    r"https?://(?:hooks\.slack\.com|[\w.-]{0,100}\.webhook\.office\.com|outlook\.office(?:365)?\.com/webhook"
    r"|discord(?:app)?\.com/api/webhooks|hooks\.zapier\.com|api\.telegram\.org|[\w.-]{0,100}\.logic\.azure\.com(?::\d{1,5})?)"
    r"(/[^\s'\"<>]{1,2048})",
    re.IGNORECASE,
)
_WEBHOOK_HINTS = ("hooks.", "webhook", "discord", "api.telegram.org", "logic.azure.com")
_PRIVATE_KEY = _lazy(r"-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----")
_PRIVATE_KEY_END = _lazy(r"-----END[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----")
_KEY_BODY = _lazy(r"[A-Za-z0-9+/=\s:,-]{0,20000}")
_OAUTH_CODE = _lazy(r"code=(?P<val>[^&\s'\"#<>,;)}\]]+)")  # on the text in lower case
_ID_LABEL = _lazy(
    r"(?:support|request|correlation|trace|incident|reference|activity|transaction|tracking)[ _-]?id\b"
    r"[\"']?[ \t]*[:=#]?[ \t]*[\"']?[^\s\"']{0,24}$",  # the id may start before this token (a %7E inside it)
    re.IGNORECASE,
)
_DATE_LIKE = _lazy(r"[0-9TZ:.+-]+|v?\d+(?:\.\d+)+[a-z0-9-]*", re.IGNORECASE)
_MIXED = _lazy(r"[0-9]|[a-z][A-Z]")
# (an Atlassian API token ends in "=" and a checksum of 8 hex digits: ATATT3xFfGF0…=0A1B2C3D)
_TOKEN = _lazy(r"[A-Za-z0-9+/_.~-]{16,}(?:={1,3}(?:[0-9A-F]{8}(?![A-Za-z0-9]))?)?")
_TOKEN_REPLACED = _lazy("[A-Za-z0-9+/_.~\ufffd-]{16,}(?:={1,3}(?:[0-9A-F]{8}(?![A-Za-z0-9]))?)?")
_GUID = _lazy(r"\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?")
_HEX = _lazy(r"[0-9a-fA-F-]+")
# ids a log repeats on every line, which a user searches by: a GUID after a word (OpenStack's
# req-38101a0b-2096-447d-96ea-a692162415ae), and a Kubernetes pod's name, its workload's words, the
# ReplicaSet's hash and the pod's five characters (coredns-5d78c9869d-qtqxj, as a pod's hostname)
_GENERATED_NAME = _lazy(
    r"[A-Za-z]{2,16}[-_]\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?"
    r"|[a-z][a-z0-9]*(?:-[a-z0-9]+)*-[a-z0-9]{6,10}-[a-z0-9]{5}"
    # and a GUID with a word after it (nova's instance directory being deleted: /var/lib/nova/instances/<uuid>_del)
    r"|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}[-_.][A-Za-z]{1,16}"
)
# a word or a number between the plus signs a W3C log writes for spaces (IIS's user agent:
# "+Intel+Mac+OS+X+10_9_4"); a base64 key's parts mix cases and digits
_PLUS_WORD = _lazy(r"[A-Z]?[a-z]+|[A-Z]+|[0-9]+(?:[._][0-9]+)*")
_RUNS = _lazy(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+")
# a sentence after a token's name: a capitalised word, then a lower-case one ("Session has expired");
# after a password's name such a word may be the password
_PROSE_SENTENCE = _lazy(r"[A-Z][a-z]{1,40}[ \t]+[a-z]{2,}\b")
_PASSWORD_NAME = _lazy(
    r"pass|pw|secret|senha|contrase|kennwort|wachtwoord|haslo|has\u0142o|heslo|jelsz|parola|lozinka|geslo|slapta"
)
_PROSE_WORD = _lazy(r"[a-z]{1,40}[ \t]+[A-Za-z]")  # a prose word is short: a long run of letters is not read whole
_EMPTY = frozenset(("", "null", "none", "nil", "true", "false", "undefined", "***", "xxx", "<redacted>", "redacted"))
# the escapes undone before judging: \uXXXX, \" \\ \/ \n, %XX, HTML entities; a no-break space read as a
# space, an invisible character (zero-width space, joiners, BOM, soft hyphen) dropped with the one after it
# and the bidirectional controls (pass\u202eword= shows as "passdrow=")
_INVISIBLE_CHARS = (
    "\u200b\u200c\u200d\u2060\ufeff\u00ad\x00\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
    "\u0300-\u036f"  # and the combining marks (pa\u0301ssword: an accent over a letter of the name)
)
# (and the escapes of C, Python and JavaScript strings for a printable ASCII character: \x3d and strace's octal \075;
# and HTML5's named entities for the signs a name, a separator or a quote is made of: &equals; &colon; &sol;)
_ESCAPE_REGEX = (
    r"\\[ux]((?<=u)[0-9a-fA-F]{4}|(?<=x)[2-7][0-9a-fA-F])|\\([\\\"/'nrt]|0[4-7][0-7]|1[0-7][0-7])|%([0-9a-fA-F]{2})"
    r"|&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|quot|amp|lt|gt|apos|equals|colon|sol|bsol|quest|num|excl|lpar|rpar|comma|period"
    r"|semi|percnt|commat|lowbar|hyphen|dollar|ast|plus|vert|verbar|lsqb|rsqb|lcub|rcub|grave|Tab|NewLine|nbsp);"
)
_ESCAPE = _lazy(_ESCAPE_REGEX)
_C_ESCAPE = _lazy(r"\\(?:x[2-7]|0[4-7]|1[0-7])")  # an escape the backslash pairs' fast path would not undo
# only for a text that is not ASCII: the wider first-character set costs an ASCII text 4 x the time
# and a terminal's colour codes (CSI and OSC sequences) dropped with the character after them, as an invisible
# character is (each escape decodes to one character): "p\x1b[0ma\x1b[0ms…word=" is a name
_TERMINAL_CODE = r"(?:\x1b(?:\[[0-9;?]{0,32}[ -/]{0,4}[@-~]|\][^\x07\x1b]{0,512}(?:\x07|\x1b\\)))+([\s\S])"
_ESCAPE_WIDE = _lazy(_ESCAPE_REGEX + rf"|([\u00a0\u2007\u202f\u3000])|[{_INVISIBLE_CHARS}]([\s\S])|{_TERMINAL_CODE}")
_TERMINAL_RUN = _lazy(_TERMINAL_CODE.removesuffix("([\\s\\S])") + "(?=[\\s\\S])")
_UNICODE_SPACING = _lazy(rf"[\u00a0\u2007\u202f\u3000\x1b{_INVISIBLE_CHARS}]")
_ENTITIES = {"quot": '"', "amp": "&", "lt": "<", "gt": ">", "apos": "'"} | dict(
    zip(
        (
            *("equals", "colon", "sol", "bsol", "quest", "num", "excl", "lpar", "rpar", "comma", "period", "semi"),
            *("percnt", "commat", "lowbar", "hyphen", "dollar", "ast", "plus", "vert", "verbar", "lsqb", "rsqb", "lcub"),
            *("rcub", "grave", "Tab", "NewLine", "nbsp"),
        ),
        "=:/\\?#!(),.;%@_-$*+||[]{}`\t\n ",
        strict=True,
    )
)
_SIMPLE = {"n": "\n", "r": "\r", "t": "\t"}
_FAST = {"\\" + k: v for k, v in {**_SIMPLE, "\\": "\\", '"': '"', "/": "/", "'": "'"}.items()} | {
    f"&{k};": v for k, v in _ENTITIES.items()
}
_PAIRS = tuple((k, v) for k, v in _FAST.items() if k.startswith("\\"))
_DEPTH = 3  # JSON in a JSON string in a JSON string (CloudWatch exports): decoded whole
# Levels of escaping undone at most: as deep as explain's JSON reader decodes strings that hold JSON
# (errcat.explainer.envelopes takes its MAX_DEPTH from here), so it shows nothing the gate did not judge.
# Past _DEPTH only the stretch that still holds escapes is decoded, at most a _DEEP_SHARE-th of the
# text in all: what is still escaped when either runs out is hidden whole.
MAX_DEPTH = 32
_DEEP_SHARE = 2
_WINDOW_MARGIN = 256


class Redaction(NamedTuple):
    text: str
    kinds: dict[str, int]  # how many values of each kind were hidden

    @property
    def hidden(self) -> int:
        return sum(self.kinds.values())


MIN_COPY = 6  # a hidden value this long is hidden wherever the text repeats it
MAX_COPIED_VALUES = 64


class Span(NamedTuple):
    start: int
    end: int
    kind: str


def screen(text: str) -> Redaction:
    """The text as it may be shown: every value not known to be safe replaced by ``[REDACTED]``,
    with how many values of which kind were hidden."""
    spans = list(_spans(text))
    raw: list[tuple[int, int]] | None = None
    undecoded: list[Span] = []
    for view in _views(text, undecoded):
        raw = _merged(spans) if raw is None else raw  # only a text with escapes needs it
        slack = len(text) - len(view.text)  # a decoded index i stands at i .. i + slack in the text
        for s in _spans(view.text):
            k = bisect_right(raw, (s.start, len(text))) - 1
            if k >= 0 and raw[k][1] >= s.end + slack:
                continue  # already hidden whole: no need to map it back
            spans.append(Span(view.origin(s.start), view.origin_end(s.end), s.kind))
    spans += undecoded
    spans += _wrapped(text, spans)
    spans += _copies(text, spans)
    if not spans:
        return Redaction(text, {})
    spans.sort()
    kinds: Counter[str] = Counter()
    out: list[str] = []
    pos = 0
    for s in spans:
        if s.end <= pos:
            continue
        start = max(s.start, pos)
        if start == pos and out and out[-1] == MARK:  # overlaps the last mask: widen it
            pos = s.end
            continue
        out += [text[pos:start], MARK]
        kinds[s.kind] += 1
        pos = s.end
    out.append(text[pos:])
    return Redaction("".join(out), dict(kinds))


def _copies(text: str, spans: list[Span]) -> list[Span]:
    """Every other verbatim copy of a hidden value: a password found after ``password=`` is as
    secret where the same text repeats it without its name ("login failed for hunter2Xq9").
    Values shorter than MIN_COPY or not _secret_like are left (they would hide ordinary words); at most
    MAX_COPIED_VALUES distinct values are looked for, each with ``str.find`` (linear)."""
    out: list[Span] = []
    looked: set[str] = set()
    judged: set[str] = set()  # values seen, looked for or not (a table repeats its cells)
    for s in spans:
        hidden = text[s.start : s.end]
        for value in (hidden, hidden.partition(":")[2]):  # user:password -> the password alone too
            if len(value) < MIN_COPY or value in judged or len(looked) >= MAX_COPIED_VALUES:
                continue
            judged.add(value)
            if not _secret_like(value):
                continue
            looked.add(value)
            at = text.find(value)
            while at >= 0:
                if not s.start <= at < s.end:
                    out.append(Span(at, at + len(value), s.kind))
                at = text.find(value, at + len(value))
    return out


# A hidden value's tail a console or a tool wrapped onto the next line: a line of one token (after
# curl --trace-ascii's "0080: " offset), or a string literal right after it (Python's 'Bearer ' 'abc…').
_NEXT_TOKEN_LINE = _lazy(r"\r?\n(?P<offset>[0-9a-f]{4}: )?[ \t]{0,40}(?P<val>[A-Za-z0-9+/=_.~-]{2,512})(?=[ \t]*(?:\r?\n|$))")
_NEXT_LITERAL = _lazy(r"""(?P<q>['"])[ \t]*\r?\n[ \t]{0,80}(?P=q)(?P<val>[^'"\r\n]{1,512})(?P=q)""")
_SOFT_BREAK = _lazy(r"=\r?\n([^\s'\"<>&;,:]{1,512})")
_CONTINUED = _lazy(r"\r?\n[ \t]{0,40}([^\s'\"<>&;,\\]{1,512}\\?)")
_WRAPPED_AT = 16  # a hidden value this long may have been wrapped: a short one was not
_WRAPPED_LINES = 8


def _wrapped(text: str, spans: list[Span]) -> list[Span]:
    """The tails of hidden values wrapped onto the lines after them (an AWS secret cut at 30 columns,
    ``curl -v`` output wrapped by a terminal, pprint's split string, a quoted-printable soft line break)."""
    out: list[Span] = []
    printable = "=3D" in text or "=3d" in text  # quoted-printable: a line ending in "=" goes on on the next
    for s in spans:
        end = s.end
        for _ in range(_WRAPPED_LINES):
            soft = _SOFT_BREAK().match(text, end - 1) if printable and text[end - 1 : end] == "=" else None
            if soft is None and text[end - 1 : end] == "\\":  # a line continued (.properties, a shell): its next line
                soft = _CONTINUED().match(text, end)
            if soft is not None:
                out.append(Span(*soft.span(1), s.kind))
                end = soft.end(1)
                continue
            literal = _NEXT_LITERAL().match(text, end) if text[end : end + 1] in ("'", '"') else None
            line = None if literal else _NEXT_TOKEN_LINE().match(text, end)
            if literal is not None:
                out.append(Span(*literal.span("val"), s.kind))
                end = literal.end("val")
            elif line is not None and (line.group("offset") or s.end - s.start >= _WRAPPED_AT) and _tail_like(line.group("val")):
                out.append(Span(*line.span("val"), s.kind))
                end = line.end("val")
            else:
                break
    return out


def _tail_like(token: str) -> bool:
    """A line that may be a token's tail: it holds a digit or mixed case, and is no number, date or word."""
    return bool(_MIXED().search(token)) and not token.isdigit() and not _DATE_LIKE().fullmatch(token) and _MARKED not in token


def _secret_like(value: str) -> bool:
    """A value worth hiding where it is repeated: one word holding a digit or a symbol, as
    passwords and tokens do ("hunter2Xq9"); not words such as "is required" or "invalid", which a
    validation error puts under a ``password`` key and repeats under every other field."""
    return not any(c.isspace() for c in value) and any(c.isdigit() or not c.isalnum() for c in value)


def _merged(spans: list[Span]) -> list[tuple[int, int]]:
    """The stretches the spans cover, in order, overlapping ones joined."""
    out: list[tuple[int, int]] = []
    for start, end, _ in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def shown(value: str) -> str:
    """The value as it may be shown (see :func:`screen`)."""
    return screen(value).text


# a line that is one token of a key's characters: shown alone, as scan shows a record's first
# line, it may be the wrapped tail of a key the line before named
_LONE_TOKEN = re.compile(r"\s*([A-Za-z0-9+/=_-]{8,})\s*")
_LOWER_THEN_UPPER = re.compile(r"[a-z][A-Z]")


def shown_line(line: str, above: str = "") -> str:
    """A log line shown without the lines around it (scan's samples and group texts): as
    :func:`shown` (screened below the lines ``above`` it when given: a table's header names the
    columns of the row shown), and a line that is one token mixing letters and digits, or cases as no word
    does (an upper-case share of a third or more, changing from lower to upper at least twice),
    masked whole: a key wrapped onto a second line ("aws_secret_access_key=RI3Y…" then
    "P5iMdxssW2") left its tail alone on a record's first line, with no name for the gate to read.
    "KeyboardInterrupt" or "JSONDecodeError" alone stay."""
    value = screen(f"{above}\n{line}").text.rsplit("\n", 1)[-1] if above else shown(line)
    m = _LONE_TOKEN.fullmatch(value)
    if m is None:
        return value
    token = m[1]
    letters = sum(c.isalpha() for c in token)
    digits = any(c.isdigit() for c in token)
    uppers = sum(c.isupper() for c in token)
    mixed_case = uppers * 3 >= max(letters, 1) and len(_LOWER_THEN_UPPER.findall(token)) >= 2
    if _NAMED_CODE().fullmatch(token) and not _IN_NAME().search(_lowered(token)):
        return value  # a name and a number in hex ("ErrorCode=8007045D", "HRESULT=0x80070005"): no key's tail
    return MARK if ((digits and letters) or mixed_case) and not _camel_words(token) else value


_NAMED_CODE = _lazy(r"[A-Za-z][A-Za-z_]{1,31}=(?:0[xX])?[0-9A-Fa-f]{1,32}")


def argument(value: str, limit: int = 24) -> str:
    """An argument echoed in an error: masked, and unless it could be a file's path (short, no
    spaces, no braces), cut to a short prefix: a paste or a log line given where a file name was
    expected is never printed back whole."""
    if len(value) <= 255 and value.isprintable() and not any(c.isspace() or c in "{}[]<>\"'" for c in value):
        return shown(value)
    first = value.split("\n", 1)[0]
    cut = first[:limit]
    masked = shown(cut)
    return masked + ("…" if len(cut) < len(value) else "")


def looks_random(token: str) -> bool:
    """Whether a token looks generated (a key, a password, a signature) rather than a word, a name,
    an id a user searches by (GUID, hex), a date or an amount: character classes, the length of
    its runs of one class, and its Shannon entropy, as detect-secrets' entropy plugins judge."""
    token = token[:_JUDGED]  # a longer token is judged by its start: its classes and entropy are the same
    if len(token) < 16 or (token.isalpha() and (token.islower() or token.isupper() or token.istitle())):
        return False  # a word
    if _MARKED in token or _GUID().fullmatch(token) or _HEX().fullmatch(token) or _GENERATED_NAME().fullmatch(token):
        return False
    if token[:2] in ("0x", "0X") and _HEX().fullmatch(token, 2):
        return False  # a number in hex, as hex ids are
    letters = sum(map(str.isalpha, token))
    digits = sum(map(str.isdigit, token))
    if letters < 4 or digits == len(token):
        return False
    if _dashed_name(token, loose=True):
        return False  # dashed names and ids: ap-southeast-2, INV-2024-00042, sha256-rsa
    if "+" in token and all(_PLUS_WORD().fullmatch(part) for part in token.split("+") if part):
        return False
    if _word_like(token) or _camel_words(token):
        return False
    return _entropy(token) >= (3.0 if digits >= 2 else 3.2)


_JUDGED = 4096


def _dashed_name(token: str, loose: bool = False) -> bool:
    """Words or numbers joined by dashes, underscores or dots (ACME-SKU-2024, ap-southeast-2)."""
    parts = re.split(r"[-_.]", token)
    return len(parts) > 1 and all(_name_part(p) if loose else p.isalpha() or p.isdigit() for p in parts)


def _name_part(part: str) -> bool:
    """One part of a dashed name: a number, a word of one case, a short word, acronym or version ("v13",
    "TLSv1", "d2i", "Msb0": no step from lower to upper case, or one), or words run together ("HexDigit"). A random
    key's dashes and underscores (token_urlsafe's) cut it into parts that change case at random ("6QfDU", "kIeUU")."""
    if part.isdigit() or (part.isalpha() and (part.islower() or part.isupper() or part.istitle())):
        return True
    if len(part) <= 5:
        return not _LOWER_THEN_UPPER.search(part) or len(_CAMEL_PARTS().findall(part)) <= 2
    if len(part) <= 8 and (part.islower() or part.isupper()) and len(_CAMEL_PARTS().findall(part)) <= 4:
        return True  # a short word or acronym with its number, of one case: "SHA256", "utf16be", "X509V3"
    return _word_like(part) or _camel_words(part)


def _word_like(token: str) -> bool:
    """Words run together (camelCase, PascalCase, ALLCAPS plus digits): long runs of one class, whose
    letters pair as words' letters do."""
    runs = _RUNS().findall(token)
    if not runs or sum(map(len, runs)) / len(runs) < 3.2 or not _reads_as_words(token):
        return False
    if len(token) >= 24 and (token.islower() or token.isupper()):  # one case: base32 (an Azure DevOps PAT, a NATS seed)
        low = token.lower()  # has long runs of letters too, but few vowels or runs of consonants no word has
        letters = sum(map(str.isalpha, low))
        return sum(map(low.count, "aeiouy")) * 4 >= letters and len(_CONSONANT_RUN().findall(low)) < 2
    return True


_CONSONANT_RUN = _lazy(r"[bcdfghjklmnpqrstvwxz]{4}")


# a camel-case identifier's parts: an acronym before a word (the "UI" of UIElement), words, acronyms, numbers
_CAMEL_PARTS = _lazy(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+")


def _camel_words(token: str) -> bool:
    """Words run together with short acronyms and numbers, as APIs name their functions (the linker's
    PropVariantToUInt16, X509Certificate2Collection, Commons Lang's getJavaIoTmpDirPath): at most a third as
    many parts as characters (and one more: a trailing "F"), letters that pair as words' letters do (their
    abbreviations too), acronyms of at most four letters, numbers of at most three digits and four in all, words
    six tenths of the token. Of 100,000 random keys of 16 to 64 characters, about 40 pass."""
    parts = _CAMEL_PARTS().findall(token)
    if sum(map(len, parts)) != len(token) or len(parts) * 3 > len(token) + 3 or not _reads_as_words(token):
        return False
    words = digits = 0
    for part in parts:
        if part.isdigit():
            digits += len(part)
            if len(part) > 3:
                return False
        elif part[-1].islower():
            words += len(part)  # (an abbreviation too: the "Tmp" and "Dtd" of getJavaIoTmpDirPath, getJdkXmlDtdSupport)
        elif len(part) > 4:
            return False
    return words * 10 >= len(token) * 6 and digits <= 4


# How rare each pair of letters is inside the words of identifiers (the words of Python's standard library
# seen three times or more, each word counted once): -log2 of the pair's share, less 6, at most 9. Row: the
# first letter; column: the second. "er" costs 0, "th" 2, "qz" 9; a pair of random letters costs 5.4 on average.
_LETTER_PAIRS = (
    "72126536284121727010344447",  # a
    "36553777358266459446399947",  # b
    "17452672392245157342357859",  # c
    "25531567177455358334367768",  # d
    "14103235475220424001533247",  # e
    "37653378199366268344387869",  # f
    "47661754399454569335477987",  # g
    "29762797397666279464599969",  # h
    "23222338796220137211739493",  # i
    "69895999798999689889599999",  # j
    "57762766497586778746796979",  # k
    "16530577186265149633367829",  # l
    "14741689296546229735488969",  # m
    "16211316274454246511347959",  # n
    "44226447484220329122243587",  # o
    "17551564396266238243476949",  # p
    "88999999999897899779399999",  # q
    "15330447194433149312456749",  # r
    "36351552175355326520265749",  # s
    "15340472097345247123365736",  # t
    "33453459497231539222799998",  # u
    "37692799399967579777998899",  # v
    "37664795399674479447897899",  # w
    "67564577499668649763889668",  # x
    "67665778599654639744876877",  # y
    "59993798599999689988999999",  # z
)
_WORD_PAIR_COST = 3.5  # a word's pairs cost at most this on average (an identifier's words: 1.5 to 3)


@functools.cache
def _pair_costs() -> dict[str, int]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    rows = zip(letters, _LETTER_PAIRS, strict=True)
    return {a + b: int(cost) for a, row in rows for b, cost in zip(letters, row, strict=True)}


def _reads_as_words(token: str) -> bool:
    """Whether the letters of a token's words pair as identifiers' words do ("passthroughBehavior",
    "HttplibHTTPResponse") rather than as random letters ("NHzolrvvvuMrJSrzF"): a character-bigram
    likelihood, each pair taken inside one camel-case part."""
    costs = _pair_costs()
    total = pairs = 0
    for part in _CAMEL_PARTS().findall(token):
        low = part.lower()
        for i in range(len(low) - 1):
            cost = costs.get(low[i : i + 2])
            if cost is not None:
                total += cost
                pairs += 1
    return total <= _WORD_PAIR_COST * pairs


def _entropy(value: str) -> float:
    counts = Counter(value)
    n = len(value)
    return -sum(c / n * math.log2(c / n) for c in counts.values())


# --- where secrets are: spans of one text ---------------------------------------------------------


def _spans(text: str) -> Iterator[Span]:
    yield from _private_keys(text)
    yield from _putty_keys(text)
    yield from _formats(text)
    yield from _named(text)
    yield from _name_fields(text)
    yield from _next_lines(text)
    yield from _after_word(text)
    yield from _headers(text)
    yield from _url_userinfo(text)
    yield from _bare_userinfo(text)
    yield from _oracle_logins(text)
    yield from _expect_sends(text)
    yield from _grouped(_SASL_PASSWD(), text, 1, "credential by position") if "[" in text else ()
    yield from _table_columns(text)
    yield from _html_cells(text)
    yield from _grouped(_PATH_SECRET(), _lowered(text), 1, "credential in a URL path") if "/" in text else ()
    yield from _positional(text)
    yield from _php_serialized(text)
    yield from _echoed(text)
    yield from _repl_values(text)
    yield from _lone_pairs(text)
    yield from _struct_fields(text)
    yield from _query_hex(text)
    if any(h in _lowered(text) for h in _WEBHOOK_HINTS):
        yield from _grouped(_WEBHOOK(), text, 1, "webhook URL")
    yield from _oauth_codes(text)
    yield from _random_tokens(text)
    yield from _signed_passwords(text)
    yield from _command_outputs(text)
    yield from _placed_values(text)
    yield from _typed_and_aligned(text)
    yield from _paired_values(text)
    yield from _separated_values(text)
    yield from _dumped_bytes(text)
    yield from _listed_credentials(text)
    yield from _new_values(text)
    yield from _grouped_and_numbered(text)
    yield from _next_line_words(text)
    yield from _dotted_passwords(text)
    yield from _access_log_users(text)


def _grouped(pattern: re.Pattern[str], text: str, group: int | str, kind: str) -> Iterator[Span]:
    for m in pattern.finditer(text):
        if m.group(group) and _MARKED not in m.group(group):
            yield Span(*m.span(group), kind)


def _private_keys(text: str) -> Iterator[Span]:
    """A PEM private key, from BEGIN to END (or to the end of its base64 body): one pass, never
    a scan to a far END from every BEGIN."""
    if "PRIVATE KEY" not in text:
        return
    pos = 0
    end = _PRIVATE_KEY_END().search(text)
    while m := _PRIVATE_KEY().search(text, pos):
        if end is not None and end.start() < m.end():
            end = _PRIVATE_KEY_END().search(text, m.end())
        if end is not None and end.start() - m.end() <= 20_000:
            stop = end.end()
        else:
            stop = _key_body_end(text, m.start(), m.end())
        yield Span(m.start(), stop, "private key")
        pos = max(stop, m.end())


def _key_body_end(text: str, begin: int, at: int) -> int:
    """Where the base64 body of a key with no END line ends: on lines that each repeat the prefix the
    BEGIN line has (kubectl logs --prefix, docker compose's service name), else where base64 stops."""
    line_start = text.rfind("\n", 0, begin) + 1
    prefix = text[line_start:begin]
    stop = _KEY_BODY().match(text, at).end()  # type: ignore[union-attr]  # always matches
    if not prefix.strip() or len(prefix) > 200:
        return stop
    end = stop
    while stop - at < 20_000 and text.startswith(prefix, stop):
        body = _KEY_LINE().match(text, stop + len(prefix))
        if body is None:
            break
        end, stop = body.end(1), body.end()
    return end


_KEY_LINE = _lazy(r"([A-Za-z0-9+/=]{16,128})[ \t]*(?:\r?\n|$)")  # one line of a key's base64 body


def _putty_keys(text: str) -> Iterator[Span]:
    """A PuTTY key file's private lines (Private-Lines: N, then N lines of base64)."""
    if "Private-Lines:" not in text:
        return
    for m in _PUTTY_PRIVATE().finditer(text):
        end = stop = m.end()
        for _ in range(min(int(m.group(1)), 256)):
            body = _KEY_LINE().match(text, stop)
            if body is None:
                break
            end, stop = body.end(1), body.end()
        if stop > m.end():
            yield Span(m.end(), end, "private key")


_PUTTY_PRIVATE = _lazy(r"Private-Lines:[ \t]*(\d{1,4})[ \t]*\r?\n")


def _formats(text: str) -> Iterator[Span]:
    low = _lowered(text)
    if not (_ANY_LOWER_HINT().search(low) or _ANY_CASED_HINT().search(text)):
        return  # most log records: one pass each instead of a check per rule
    for rule, lower, cased in _HINTS:
        if any(map(low.__contains__, lower)) or any(map(text.__contains__, cased)):
            yield from _grouped(rule.pattern, text, rule.group, rule.kind)
    yield from _wrapped_jwt_tails(text)


_JWT_AT_LINE_END = _lazy(rf"eyJ(?<![A-Za-z0-9_.-]eyJ){_B64URL}{{4,}}\.[A-Za-z0-9_.-]*(?=\r?\n)")
_WRAPPED = _lazy(r"\r?\n([A-Za-z0-9_.-]+)(?=[\s\"',;)}\]]|$)")


def _wrapped_jwt_tails(text: str) -> Iterator[Span]:
    """A JWT hard-wrapped by a console: the lines its tail was wrapped onto."""
    if "eyJ" not in text:
        return
    for m in _JWT_AT_LINE_END().finditer(text):
        pos = m.end()
        for _ in range(8):  # at most a few wrapped lines
            tail = _WRAPPED().match(text, pos)
            if tail is None or (tail.group(1).isalpha() and tail.group(1).isupper()) or len(tail.group(1)) < 2:
                break
            yield Span(*tail.span(1), "JWT")
            if not text.startswith("\n", tail.end()) and not text.startswith("\r\n", tail.end()):
                break
            pos = tail.end()


def _named(text: str) -> Iterator[Span]:
    """Values after a credential-like name, in any syntax. The names are matched on the text in
    lower case, and only near a substring every credential word holds (found at C speed)."""
    low = _lowered(text)
    for first, last, hits in _near_needles(low):
        if _dense(first, last, hits):
            yield Span(first, min(last, len(text)), "credential by name")  # machine-made: no readable error in there
            continue
        for m in _named_matches(low, first, last):
            if _prose(low, m):
                continue
            start = _name_start(text, m.start())
            if _not_a_value(text[start : m.end("rest")]) or _NAMESPACED().match(text, m.end("rest")):
                continue  # (a class in the name's namespace: Ruby's OAuth2::Error)
            if _LINE_NUMBER().match(text, m.end("rest")) and _SOURCE_FILE().search(text, start, m.end("rest")):
                continue  # a source file and its line (glog's "auth_manager.cc:834]")
            if m.group("word") == "cookie" and low.startswith("[", m.start("val")):
                yield from _listed_values(low, m.start("val"))  # HAR's "cookies": [{"name": …, "value": …}]
                continue
            span = _next_field_value(low, start, m.end("rest")) or (
                _xml_value(text, start, m) if m.group("xval") is not None else _value(text, start, m)
            )
            if span is None and m.group("xval") is not None and (pair := _NAMED_PAIR().match(low, m.start())):
                span = _value(text, start, pair)  # "token '…' -> 401": a ">" that closes no tag
            if span is None or (m.group("word") == "session" and _HEX_NUMBER().fullmatch(text, *span)):
                continue
            if not _stated_status(text, *span):
                yield Span(*span, "credential by name")


def _name_start(text: str, at: int) -> int:
    """Where the name holding the credential word at ``at`` starts, at most 64 characters before it: the
    run of name characters before the word, or before the line break right before it (as the regex
    ``[A-Za-z0-9_.$-]{1,64}$`` found it; a strip reads it 6 x faster, and _named asks it of every name)."""
    window = text[max(0, at - 64) : at]
    body = window.removesuffix("\n")
    run = len(body) - len(body.rstrip(_NAME_BEFORE))
    return at - (len(window) - len(body)) - run if run else at


_NAMESPACED = _lazy(r"::[A-Z][A-Za-z0-9_]{0,64}(?:::|[:\s.(]|$)")
# a number a program prints in hex (ZooKeeper's "sessionid:0x34ed93485090001"): after "session", an id, not a cookie
_HEX_NUMBER = _lazy(r"0[xX][0-9a-fA-F]{1,16}")
_NAME_CHAR = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_.$-")


def _prose(low: str, m: re.Match[str]) -> bool:
    """A word and a space in a sentence ("password is required"), told before the rest of _named
    looks at it (_a_pair says the same later): a table or a log repeats them thousands of times."""
    return (
        m.group("space") is not None
        and m.group("close") is None
        and low[m.start() - 1 : m.start()] not in _NAME_CHAR  # no name before it (not --password, x-token)
        and low[m.start() - 1 : m.start()] not in (":", "/")  # an EDN keyword (:password, :db/password)
        and "securestring" not in low[m.start() : m.end("rest")]
        and not low.endswith(('name="', "name='", 'name=\\"'), 0, m.start())  # no multipart part's name
    )


def _word_matches(pattern: re.Pattern[str], low: str, first: int, last: int, reach: int) -> Iterator[re.Match[str]]:
    """The matches of a pattern that starts with a credential word, the word starting in a stretch, each
    tried at its word: a search from the stretch would go on through the ``reach`` past it, trying the
    next stretches' words too (the same words again from each stretch: on 1 MiB of table headers, 10 x)."""
    pos = first
    for at in _word_starts(low, first, last):
        if at < pos:
            continue
        m = pattern.match(low, at, last + reach)
        pos = at + 1 if m is None else max(m.end(), at + 1)
        if m is not None:
            yield m


def _named_matches(low: str, first: int, last: int) -> Iterator[re.Match[str]]:
    """The names starting in a stretch with their values, tried word by word: a search for the whole
    pattern would try each word up to 4 KiB past the stretch (on 1 MiB of PEM headers, seconds)."""
    pos = first
    for at in _word_starts(low, first, last):
        if at < pos:
            continue
        m = _NAMED().match(low, at, last + 4400)
        if m is not None:
            yield m
            pos = m.end("rest")  # the next name may stand inside this match's value ("a b token=c")


@functools.lru_cache(maxsize=2)
def _all_word_starts(low: str) -> list[int]:
    """Where a credential word starts in each stretch but a dense one, as a search to ``last + 64`` finds
    it: found once per text for the five passes that try each word (on 2 MB of oauth2 errors they searched
    for 0.4 s), in one list (a list a stretch would cost the collector as much again)."""
    starts: list[int] = []
    for first, last, hits in _near_needles(low):
        if _dense(first, last, hits):
            continue  # (no pass tries its words)
        pos = first  # (a search skips to a word's first letters: 3 x faster than a look-ahead at each position)
        while (word := _IN_NAME().search(low, pos, last + 64)) is not None and word.start() <= last:
            starts.append(word.start())
            pos = word.start() + 1
    return starts


def _word_starts(low: str, first: int, last: int) -> list[int]:
    """The word starts in the stretch from ``first`` to ``last`` (a stretch _dense passes over has none)."""
    starts = _all_word_starts(low)
    return starts[bisect_left(starts, first) : bisect_right(starts, last)]


# A stretch this long with a credential word every 32 characters or closer is hidden whole:
# judging each of its names one by one would cost seconds, and no error a user reads is in there.
_DENSE_MIN = 65_536
_DENSE_EVERY = 32


def _next_lines(text: str) -> Iterator[Span]:
    """A value on the lines after its name (see _NEXT_LINE): a block scalar's lines indented past the
    name's, one word alone on the next line (never a sentence: "invalid token:" then a message), or the
    text up to the closing triple quote."""
    if "\n" not in text and '"""' not in text and "'''" not in text:
        return  # one line (scan's samples) with no triple quote: no value on a next line
    low = _lowered(text)
    if not _NEXT_LINE_HINT().search(low):
        return  # no line ends after a separator anywhere (a pipe table's rows): no stretch to try
    for first, last, hits in _near_needles(low):
        if _dense(first, last, hits):
            continue  # hidden whole by _named
        if not _NEXT_LINE_HINT().search(low, first, last + 160):
            continue  # no separator ends a line here: most stretches
        for m in _word_matches(_NEXT_LINE(), low, first, last, 400):
            if m.group("tq") or m.group("heredoc"):  # to the closing quotes, or the heredoc's marker (HCL, shell)
                if m.group("tq"):
                    close = low.find(m.group("tq"), m.end(), m.end() + 4096)
                else:
                    marker = re.compile(rf"\r?\n[ \t]{{0,40}}{m.group('heredoc')}[ \t]*(?:\r?\n|$)")
                    close = end.start() if (end := marker.search(low, m.end(), m.end() + 4096)) else -1
                span = _checked(low, m.end(), close) if close >= 0 else None
            elif ruled := _UNDER_RULE().match(low, m.end()):  # kubectl describe's "DB_PASSWORD:", "----", the value
                span = _checked(text, *ruled.span("val"))
            else:
                span = _indented(text, m.start(), m.end(), block=m.group("block") is not None)
            if span is not None:
                yield Span(*span, "credential by name")


# the value of a ConfigMap's or a Secret's key as kubectl describe prints it: under a rule, to a blank line
_UNDER_RULE = _lazy(r"-{4,40}[ \t]*\r?\n(?P<val>[^\r\n]{1,4096}(?:\r?\n[^\r\n]{1,4096}){0,63})")


def _indented(text: str, name_at: int, at: int, block: bool) -> tuple[int, int] | None:
    """The lines from ``at`` indented past the line holding ``name_at``: all of them for a block
    scalar, else the next line when it holds one word that names nothing (not "host: db")."""
    line_start = text.rfind("\n", 0, name_at) + 1
    indent = len(text[line_start:name_at]) - len(text[line_start:name_at].lstrip(" \t"))
    start = end = -1
    pos = at
    for _ in range(_NEXT_LINES if block else 1):
        eol = text.find("\n", pos)
        eol = len(text) if eol < 0 else eol
        line = text[pos:eol].rstrip("\r")
        body = line.lstrip(" \t")
        if body and len(line) - len(body) <= indent:
            break
        if body:
            start = pos + len(line) - len(body) if start < 0 else start
            end = pos + len(line)
        if eol >= len(text):
            break
        pos = eol + 1
    if start < 0 or (not block and (" " in text[start:end] or text[start:end].endswith(":"))):
        return None
    return _checked(text, start, end)


def _after_word(text: str) -> Iterator[Span]:
    """A value a sentence gives right after a credential word, or at the end of a prompt's line
    naming one ("Enter new password for user "sync": …"): one with letters and digits (or signs),
    never a word, a number, a date, a path or an id."""
    low = _lowered(text)
    prompts = ": " in text or ":\t" in text
    for first, last, hits in _near_needles(low):
        if _dense(first, last, hits):
            continue  # hidden whole by _named
        for m in _word_matches(_AFTER_WORD(), low, first, last, 200):
            if span := _word_value(text, m, prompt=False):
                yield Span(*span, "random token after a credential word")
        for m in _word_matches(_PROMPT(), low, first, last, 240) if prompts else ():
            if span := _word_value(text, m, prompt=True):
                yield Span(*span, "random token after a credential word")


def _word_value(text: str, m: re.Match[str], prompt: bool) -> tuple[int, int] | None:
    """The value after a credential word, if it looks like one (see _after_word). Right after the word,
    a long hex value or a GUID is one ("API key <40 hex> is invalid": InvoiceXpress's keys are 40 hex
    digits); at the end of a prompt's line it is an id ("… for company file: <GUID>"), and the value
    runs to the line's end (a sentence's value loses a full stop)."""
    if text[m.start() - 1 : m.start()] == "/":  # the word ends a path ("endpoint=/api/auth method=GET")
        return None
    value = text[m.start("val") : m.end("val")]
    value = value if prompt or text[m.start("val") - 1] in "'\"" else value.rstrip(".:!?")  # a quoted value is whole
    letters = sum(c.isalpha() for c in value)
    others = len(value) - letters
    if len(value) < 8 or not letters or not others or _MARKED in value or "/" in value or "://" in value:
        return None
    if _HEX_NUMBER().fullmatch(value) or _OBJECT_STRING().fullmatch(value):
        return None  # a number in hex ("renew session 0x24ed93119420016"), an object's toString
    ids = _GUID().fullmatch(value) or _HEX().fullmatch(value)
    if ids and not prompt and len(value.replace("-", "")) >= _HEX_KEY:
        pass
    elif ids or _DATE_LIKE().fullmatch(value) or _dashed_name(value):
        return None
    return m.start("val"), m.start("val") + len(value)


_HEX_KEY = 16  # hex digits of a key, a token or a GUID given right after a credential word


def _dense(first: int, last: int, hits: int) -> bool:
    return last - first >= _DENSE_MIN and hits * _DENSE_EVERY >= last - first


@functools.lru_cache(maxsize=2)  # each text's passes share it
def _lowered(text: str) -> str:
    """The text in ASCII lower case: every index stays where it was (str.lower, 20 times faster
    than translate, lowers only A-Z in an ASCII text; elsewhere it may change lengths)."""
    return text.lower() if text.isascii() else text.translate(_LOWER)


@functools.lru_cache(maxsize=2)
def _near_needles(low: str) -> list[tuple[int, int, int]]:
    """Stretches of the text around each needle (merged when they overlap), with their needle counts."""
    hits = []
    for needle in _NEEDLES if not low.isascii() else _ASCII_NEEDLES:  # an ASCII text holds no other needle
        i = low.find(needle)
        while i >= 0:
            hits.append(i)
            i = low.find(needle, i + 1)
    hits.sort()
    out: list[list[int]] = []
    for i in hits:
        if out and i - 16 <= out[-1][1]:
            out[-1][1] = i + 16
            out[-1][2] += 1
        else:
            out.append([max(0, i - 16), i + 16, 1])
    return [(a, b, n) for a, b, n in out]


def _name_fields(text: str) -> Iterator[Span]:
    """Values of name/value pairs written as two fields, whatever follows the name (see _field_value)."""
    low = _lowered(text)
    if "value" not in low and ">" not in low:
        return  # no value field and no element: no pair of fields to find
    if "value:" in low:
        yield from _yaml_name_values(text, low)
    done = 0
    for first, last, hits in _near_needles(low):
        if _dense(first, last, hits):
            continue  # hidden whole by _named
        a, b = max(0, first - 80, done), last + 80
        if low.find("name", a, b) < 0 and low.find("key", a, b) < 0:
            continue
        done = b - 80  # a field name ends within 80 characters of the stretch: the next window starts there
        for m in _FIELD_NAME().finditer(low, a, b):
            name = text[m.start("name") : m.end("name")]
            if _NAME_CHARS.intersection(low[m.start() - 1 : m.start()]) or not _IN_NAME().search(m.group("name")):
                continue  # part of a longer name (username), or names no credential
            if _not_a_value(name):
                continue
            if span := _field_value(low, m.start("name"), m.end("name")):
                yield Span(*span, "credential by name")


# a name/value pair in YAML, the value on the line after the name (a Kubernetes container's env list)
_YAML_NAME_VALUE = _lazy(
    r"name:[ \t]{1,10}(['\"]?)([a-z0-9_.-]{1,64})\1[ \t]{0,10}\r?\n[ \t]{0,40}value:[ \t]{1,10}([^\r\n]{1,512})"
)


def _yaml_name_values(text: str, low: str) -> Iterator[Span]:
    for m in _YAML_NAME_VALUE().finditer(low):
        if not _IN_NAME().search(m.group(2)) or _not_a_value(m.group(2)):
            continue
        value = text[m.start(3) : m.end(3)].split(" #", 1)[0].rstrip()  # a comment after it is not the value
        if span := _inner(value, m.start(3)):
            yield Span(*span, "credential by name")


def _listed_values(low: str, at: int) -> Iterator[Span]:
    """Every ``value`` field in the list starting at ``at`` (each cookie of a HAR entry)."""
    end = low.find("]", at, at + 65_536)
    for m in _VALUE_FIELD().finditer(low, at, len(low) if end < 0 else end):
        if span := _inner(m.group("val"), m.start("val")):
            yield Span(*span, "credential by name")


def _next_field_value(low: str, start: int, end: int) -> tuple[int, int] | None:
    """The value field right after a name field (``"name": "password", "value": "…"``): _name_fields
    looks further, this keeps _named from taking the next field's name for the value."""
    # (a name field's value opens with a quote or a path's slash, and "$" may also match before a line break:
    # any other name, most of them, needs no search)
    if low[max(0, start - 2) : start].removesuffix("\n")[-1:] not in ('"', "'", "/"):
        return None
    if not _NAME_FIELD().search(low, max(0, start - 128), start):
        return None
    m = _VALUE_FIELD_NEXT().match(low, end)
    return _inner(m.group("val"), m.start("val")) if m else None


def _field_value(low: str, start: int, end: int) -> tuple[int, int] | None:
    """The value of a name/value pair written as two fields, in either order, in the object or the tag
    holding them: ``{"name": "password", "value": "…"}``, ``{"value": "…", "name": "token"}`` (HAR,
    Postman and .NET header lists, AWS tags), ``<add key="Password" value="…"/>`` (.NET appSettings),
    ``<property name="….password" value="…"/>`` (Spring); else the element's text:
    ``<entry key="password">…</entry>`` (Java properties XML), ``<setting name="Password"><value>…``."""
    if low[end : end + 1] not in ("'", '"', "\\") or not _NAME_FIELD().search(low, max(0, start - 24), start):
        return None
    opener = max(low.rfind("{", max(0, start - _UNIT), start), low.rfind("<", max(0, start - _UNIT), start))
    closer = "}" if low[opener : opener + 1] == "{" else ">"
    close = low.find(closer, end, end + _UNIT)
    if opener < 0 or close < 0:
        return None
    for m in _VALUE_FIELD().finditer(low, opener, close + 1) if low.find("value", opener, close) >= 0 else ():
        if not m.start() <= start < m.end():  # not the name field's own value
            return _inner(m.group("val"), m.start("val"))
    text_match = _ELEMENT_TEXT().match(low, close + 1) if closer == ">" and low[close - 1] != "/" else None
    if text_match is None:
        return None
    value = text_match.group("val")
    start = text_match.start("val") + len(value) - len(value.lstrip())
    return _checked(low, start, start + len(value.strip()))


def _xml_value(text: str, start: int, m: re.Match[str]) -> tuple[int, int] | None:
    before = text[max(0, start - 41) : start]
    if not (before.endswith("<") or re.search(r"<[\w.-]{1,40}:$", before)):
        return None
    if not text.startswith("</", m.end("xval")):
        return None  # <ACCESS_TOKEN> as a placeholder, not an element with a value
    if m.group("word") == "key" and not m.group("rest") and _PLIST_NEXT().match(text, m.end("xval")):
        return _plist_value(text, m)
    return _inner(text[m.start("xval") : m.end("xval")], m.start("xval"))


# the value element after a property list's key (<key>Password</key> <string>…</string>)
_PLIST_VALUE = _lazy(r"</key>[ \t\r\n]{0,200}<(?:string|data)>([^<]{1,4096})</", re.IGNORECASE)
_PLIST_NEXT = _lazy(r"</key>[ \t\r\n]{0,200}<(?:string|data|integer|real|date|true|false|dict|array)\b", re.IGNORECASE)


def _plist_value(text: str, m: re.Match[str]) -> tuple[int, int] | None:
    """A property list's <key> (one a <string>, <integer>, <dict>… follows) holds a name, not a key: the
    value is the element after it, when the name names a credential."""
    if not _IN_NAME().search(_lowered(text[m.start("xval") : m.end("xval")])):
        return None
    value = _PLIST_VALUE().match(text, m.end("xval"))
    return _checked(text, *value.span(1)) if value else None


def _value(text: str, start: int, m: re.Match[str]) -> tuple[int, int] | None:
    """The span of the value the name introduces, if the syntax around it makes a pair."""
    before = text[max(0, start - 8) : start]
    opener = before.rstrip("\\\"'")[-1:]
    name = text[start : m.end("rest")].lower()
    keyword = m.group("space") is not None and m.group("val")[:1] == '"' and _KEYWORD().search(text, max(0, start - 66), start)
    if not (keyword or _a_pair(m, before, opener, name)):
        return None
    at = m.start("val")
    value = text[at : m.end("val")]
    if (m.group("sep") or "").strip(" \t\r\n") in _ARROWS and (value.isdigit() or not _secret_like(value)):
        return None  # "POST /oauth/token -> 400": an arrow also leads to a status or a word
    if value[:1] not in "\"'\\({<":  # a bare value
        if (scheme := _SCHEME_WORD().match(text, at)) is not None:
            return _checked(text, scheme.end(), _BARE().match(text, scheme.end()).end())  # type: ignore[union-attr]
        sep = m.group("sep") or ""
        if ":" in sep and "=" not in sep and value.islower() and _PROSE_WORD().match(text, at):
            return None  # "Password: must be 8 characters": prose after a colon
        if ":" in sep and "=" not in sep and _PROSE_SENTENCE().match(text, at) and not _PASSWORD_NAME().search(name):
            return None  # Facebook's "Error validating access token: Session has expired on ...": a sentence
        if opener == "[" and m.group("bracket") and "=>" in sep:
            line_end = text.find("\n", at)
            return _checked(text, at, len(text) if line_end < 0 else line_end)  # print_r: to the end of the line
        if _BLOCK_MARK().fullmatch(value) and (word := _NEXT_WORD().match(text, m.end("val"))):
            return _checked(text, word.start(1), word.end(1))  # password: | value, its lines joined into one
        if "=" in sep or ":" in sep:
            return _checked(text, at, _run_on(text, m.end("val"), _SEGMENTS))
    elif value[:1] in "'\"" and (more := _QUOTE_RUN_ON().match(text, m.end("val"))) and more.group(1) == value[:1]:
        return _checked(text, at + 1, more.end() - 1)  # password='ab'cd': the quote inside was the password's
    return _inner(value, at)


_ARROWS = ("==>", "->", "-->", "\u2192")


# a Clojure/EDN keyword naming the value after it ({:db/password "…"}): the name starts with a colon
_KEYWORD = _lazy(r"(?:^|[\s{(\[,]):[\w.*+!?-]{0,64}/?$")


def _a_pair(m: re.Match[str], before: str, opener: str, name: str) -> bool:
    """Whether the syntax around a name and what follows it makes a pair (not prose)."""
    if m.group("comma") is not None and opener not in "[({":
        return False  # "token, ..." in prose is no pair; [key, v], (key, v), Erlang's {key, v} are
    multipart = before.endswith(('name="', "name='", 'name=\\"')) or (m.group("mp") is not None and before.endswith("name="))
    if m.group("space") is not None and not (name.startswith("-") or "securestring" in name or multipart):
        return False  # "token expired": prose
    if m.group("mp") is not None and not multipart:
        return False  # only a multipart part's name="..." has its value after the part's headers
    # only a quoted name's colon may stand on the next line (a pretty-printer's)
    return not (m.group("sep") and m.group("sep").lstrip(" \t")[:1] in "\r\n" and m.group("close") is None)


# A bare value runs on past a ";" or "&" the password holds (password=ab;cd, pw=ab&cd), up to the next
# "name=" (Password=…;Database=ledger, password=…&user=sync)
_BLOCK_MARK = _lazy(r"[|>][1-9+-]{0,2}")
_NEXT_WORD = _lazy(r"[ \t]{1,10}([^\s'\"]{1,512})")
_SEGMENTS = _lazy(r"[;&]([^\s;&=,'\"<>(){}\[\]]{1,64}+)(?![=\w])")
_QUOTE_RUN_ON = _lazy(r"""[^\s'"<>,;)}\]]{1,256}?(['"])(?=[\s,;)}\]>]|$)""")


def _run_on(text: str, end: int, segments: Callable[[], re.Pattern[str]]) -> int:
    """Where a bare value ending at ``end`` really ends: past the segments that name nothing."""
    for _ in range(16):
        m = segments().match(text, end)
        if m is None:
            break
        end = m.end()
    return end


def _inner(value: str, at: int) -> tuple[int, int] | None:
    """The span inside a value's quotes, brackets or CDATA."""
    lead = 0
    if value[:9].upper() == "<![CDATA[":
        lead, trail = 9, 3
    elif value[:1] in "({":
        lead, trail = 1, 1
    else:
        stripped = value.lstrip("\\")
        if stripped[:1] in "\"'":
            lead = len(value) - len(stripped) + 1
        trail = lead
    return _checked(None, at + lead, at + len(value) - trail, value[lead : len(value) - trail])


def _checked(text: str | None, start: int, end: int, inner: str | None = None) -> tuple[int, int] | None:
    inner = inner if inner is not None else (text or "")[start:end]
    if end <= start or _MARKED in inner or inner.strip().rstrip("\\").lower() in _EMPTY or _OBJECT_STRING().fullmatch(inner):
        return None
    return start, end


def _stated_status(text: str, start: int, end: int) -> bool:
    """Whether the value is an HTTP error status followed by its own reason phrase: golang.org/x/oauth2's
    "cannot fetch token: 400 Bad Request" names the failed call's status, not a token."""
    value = text[start:end]
    if len(value) != 3 or not value.isdigit() or not "400" <= value <= "599":
        return False
    return text[end : end + 1] == " " and reason_phrase(int(value), text[end + 1 : end + 64]) is not None


# An object a program printed with Java's Object.toString (a class and its hash code in hex: Android's "Bad activity
# token: android.os.BinderProxy@42b2a7d8", a char[]'s "[C@1b6d3586") or Android's Name{hash …} (Token{7c2e0f1 …}):
# no secret's text
_OBJECT_STRING = _lazy(
    r"(?:[a-z][\w$]*\.){2,16}[A-Z][\w$]{0,128}@[0-9a-f]{1,8}|\[[A-Z]@[0-9a-f]{1,8}|[A-Z][A-Za-z]{1,40}\{(?=[0-9]{0,7}[a-f])[0-9a-f]{6,8}"
)


def _oauth_codes(text: str) -> Iterator[Span]:
    """An OAuth authorization code: ``code=`` in a query string, or a long code in a form body, a
    Java ``toString`` or a recording (never an error's short code, such as ``code=404``)."""
    low = _lowered(text) if "ODE=" in text or "ode=" in text else ""
    for m in _OAUTH_CODE().finditer(low):
        lead = low[m.start() - 1 : m.start()]
        if lead.isalnum() or lead in ("_", "-"):
            continue  # errorcode=, response_code=
        value = text[m.start("val") : m.end("val")]
        if _MARKED in value or value.isdigit():
            continue
        generated = len(value) >= 10 and any(c.isdigit() for c in value) and any(c.isalpha() for c in value)
        if lead in ("?", "&") or generated:
            yield Span(*m.span("val"), "OAuth code")


def _headers(text: str) -> Iterator[Span]:
    """The whole value of a header that is a credential (Authorization, Cookie, MYOB's keys)."""
    low = _lowered(text)
    if not any(h in low for h in _HEADER_HINTS):
        return
    for m in _HEADER_LINE().finditer(low):
        lead = low[m.start() - 1 : m.start()]
        value = text[m.start("val") : m.end("val")]
        if (lead.isalnum() or lead in ("_", "$")) or _MARKED in value:
            continue
        scheme = _SCHEME_WORD().match(value)  # "Bearer " is a word anyone may read: the token after it is not
        end = m.end("val")
        if value[:7].lower() == "digest ":  # Digest's quoted parameters run on past the quotes
            end = len(text) if (eol := text.find("\n", end)) < 0 else eol
        yield Span(m.start("val") + (scheme.end() if scheme else 0), end, "credential by name")


# The path segment after /tokens/, /api_keys/, /secrets/, /sessions/ or /passwords/: a long one holding
# a digit is taken for the credential itself (GET /v1/tokens/<hex>/refresh), hex or GUID alike
_PATH_SECRET = _lazy(
    r"/(?:tokens?|api[_-]?keys?|secrets?|sessions?|passwords?|credentials?)/((?=[^/\s?#'\"<>]{0,256}\d)[^/\s?#'\"<>]{16,256})"
    r"(?=[/\s?#'\"<>]|$)"
)


# A credential in a column of a table: the header names it (AWS's credentials.csv: User name,Password,…)
_HEADER_CELL = _lazy(r"[A-Za-z][A-Za-z0-9 _.()-]{0,40}|\"[A-Za-z][A-Za-z0-9 _.()-]{0,40}\"")  # (RFC 4180 quotes it)
_TABLE_ROWS = 1000
_HEADER_LINE_MAX = 4096


def _table_columns(text: str) -> Iterator[Span]:
    """The cells under a header cell that names a credential, in the rows right after the header
    (comma-, semicolon-, tab- or pipe-separated, each with as many cells as the header; a pipe table's
    rules between them, as Markdown, psql and the mysql client draw them)."""
    low = _lowered(text)
    if ".signin.aws.amazon.com/console" in low:
        yield from _grouped(_AWS_CONSOLE_ROW(), low, 1, "credential by column")
    if "\n" not in text:
        return  # one line: no header with rows under it (scan's samples)
    done = -1
    for first, last, hits in _near_needles(low):
        at = first + 16 if first else min(i for n in _NEEDLES if (i := low.find(n, 0, 33)) >= 0)  # its first needle
        line_start = low.rfind("\n", max(0, at - _HEADER_LINE_MAX), at) + 1
        if line_start <= done or (line_start == 0 and at > _HEADER_LINE_MAX) or _dense(first, last, hits):
            continue  # rows already read, a line too long for a header, or machine-made
        line_end = _line_end(low, line_start)
        done = line_start
        header = low[line_start:line_end].rstrip("\r")
        sep = "|" if "|" in header else "\t" if "\t" in header else ";" if ";" in header and "," not in header else ","
        cells = [header[a:b] for a, b in _cell_spans(header, 0, sep)]  # (Excel writes ";" where "," is a decimal mark)
        if not 2 <= len(cells) <= 32 or not all(map(_HEADER_CELL().fullmatch, cells)):
            continue
        if sep == "|" and not _RULE().fullmatch(low, line_end + 1, _line_end(low, line_end + 1)):
            continue  # a table drawn with pipes has a rule under its header; a log line with pipes has none
        if (key := _key_column(cells)) is not None:  # (its "key" column holds names, not keys)
            for span in _key_value_rows(low, line_end + 1, sep, len(cells), key):
                done = max(done, span.start)
                yield span
            continue
        wanted = [i for i, c in enumerate(cells) if _IN_NAME().search(c) and not _not_a_value(c.strip())]
        if wanted:
            for span in _cells(text, line_end + 1, sep, len(cells), wanted):
                done = max(done, span.start)
                yield span


_KEY_HEADERS = frozenset(("key", "name", "setting", "variable", "property", "parameter", "field", "option"))


def _key_column(cells: list[str]) -> int | None:
    """The column of names in a table of names and values ("| key | value |"), or None."""
    names = [c.strip().strip('"') for c in cells]
    return next((i for i in range(len(names) - 1) if names[i] in _KEY_HEADERS and names[i + 1] == "value"), None)


def _key_value_rows(low: str, at: int, sep: str, count: int, key: int) -> Iterator[Span]:
    """The value beside each name of a credential in the rows of a table of names and values (a settings
    dump drawn as a Markdown table: | password | … |), up to the next rule after a row (a table's end, or the next
    table's header: each row is read once)."""
    rows = 0
    for _ in range(_TABLE_ROWS):
        end = _line_end(low, at)
        line = low[at:end]
        if sep == "|" and "-" in line and _RULE().fullmatch(line):
            if rows:
                return
        else:
            rows += 1
            names = _row_cells(line, 0, sep, count, [key])
            if names is None:
                return
            values = _row_cells(line, 0, sep, count, [key + 1])
            name = line[names[0][0] : names[0][1]] if names else ""
            if values and name not in _KEY_HEADERS and _IN_NAME().search(name) and not _not_a_value(name):
                yield Span(at + values[0][0], at + values[0][1], "credential by column")  # (not the next table's header)
        at = end + 1
        if at >= len(low):
            return


# A row of an HTML table whose first cell names a credential, its value in the next cell (phpinfo()'s Environment
# and PHP Variables tables: <td class="e">DB_PASSWORD </td><td class="v">…</td>)
_HTML_CELLS = _lazy(
    r"<t[dh](?:[ \t][^<>]{0,128})?>[ \t]{0,8}([^<>\n]{1,64}?)[ \t]{0,8}</t[dh]>[ \t\r\n]{0,16}"
    r"<td(?:[ \t][^<>]{0,128})?>([^<]{1,1024})</td>"
)


def _html_cells(text: str) -> Iterator[Span]:
    """Tried only from the cells before each credential word (a page of tables is matched once)."""
    low = _lowered(text)
    if "</td>" not in low:
        return
    done = 0
    for first, last, hits in _near_needles(low):
        if _dense(first, last, hits) or last <= done:
            continue
        for m in _HTML_CELLS().finditer(low, max(done, first - 220), min(len(low), last + 1300)):
            if m.start(1) > last:
                break  # a row of a later stretch
            done = m.end()
            if not _IN_NAME().search(m.group(1)) or _not_a_value(m.group(1).strip()):
                continue
            value = text[m.start(2) : m.end(2)]
            if span := _checked(text, m.start(2), m.start(2) + len(value.rstrip())):
                yield Span(*span, "credential by column")


# a row of the CSV the AWS console gives for a new IAM user (User name,Password,Console sign-in link): the
# password is known by the link after it even where the row is shown without its header (scan's sample line)
_AWS_CONSOLE_ROW = _lazy(r"(?:^|[\s,])[^,\s]{1,64},([^,\r\n]{1,256}),https://[0-9a-z-]{1,63}\.signin\.aws\.amazon\.com/console")


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


_RULE = _lazy(r"[ \t|+:=]*-[ \t|+:=-]*\r?")  # a pipe table's rule: |---|---|, +------+, ---------+---------


_QUOTED_CELL = _lazy(r'[ \t]*"(?:[^"\n]|"")*"[ \t]*(?=[,;\t]|\r?$)|[^,;\t"\n]*')


def _split_cells(line: str, sep: str) -> list[str]:
    """A row's cells as written (RFC 4180: a cell in double quotes may hold the separator, "pass,word")."""
    if '"' not in line or sep == "|":
        return line.split(sep)
    parts, pos = [], 0
    while True:
        cell = _QUOTED_CELL().match(line, pos)
        end = cell.end() if cell is not None and cell.group().lstrip(" \t").startswith('"') else line.find(sep, pos)
        end = len(line) if end < 0 else end
        parts.append(line[pos:end])
        if end >= len(line) or line[end] != sep:
            if end < len(line):  # a quote opened and not closed where the row goes on: read it as plain cells
                return line.split(sep)
            return parts
        pos = end + 1


def _cell_spans(line: str, at: int, sep: str) -> list[tuple[int, int]]:
    """Where each cell of a row starts and ends (``at``: where the line starts); a pipe table's cells
    without their borders and the spaces around them."""
    parts = _split_cells(line.rstrip("\r"), sep)
    spans = []
    for part in parts:
        spans.append((at, at + len(part)))
        at += len(part) + 1
    if sep != "|":
        return spans
    if len(parts) > 2 and not parts[0].strip():
        del spans[0], parts[0]  # the border before the first cell
    if len(parts) > 2 and not parts[-1].strip():
        del spans[-1], parts[-1]  # and after the last
    return [(a + len(c) - len(c.lstrip()), b - len(c) + len(c.rstrip())) for (a, b), c in zip(spans, parts, strict=True)]


def _row_cells(line: str, at: int, sep: str, count: int, wanted: list[int]) -> list[tuple[int, int]] | None:
    """The spans of the ``wanted`` cells of a row as _cell_spans gives them (only those worked out: a
    table has many rows), or None when the row has not ``count`` cells."""
    parts = _split_cells(line.rstrip("\r"), sep)
    first, n = 0, len(parts)
    pipe = sep == "|"
    if pipe and n > 2 and not parts[0].strip():
        first = 1  # the border before the first cell
    if pipe and n - first > 2 and not parts[-1].strip():
        n -= 1  # and after the last
    if n - first != count:
        return None
    out = []
    k, pos = 0, at  # pos: where parts[k] starts
    for i in wanted:
        while k < first + i:
            pos += len(parts[k]) + 1
            k += 1
        cell = parts[k]
        value = cell.strip() if pipe else cell
        if _MARKED not in value and value.strip().rstrip("\\").lower() not in _EMPTY:  # as _checked
            start = pos + len(cell) - len(cell.lstrip()) if pipe else pos
            out.append((start, start + len(value)))
    return out


def _cells(text: str, at: int, sep: str, count: int, wanted: list[int]) -> Iterator[Span]:
    rule = _RULE()
    size = len(text)
    seen: dict[str, list[tuple[int, int]] | None] = {}  # a row's cells from its start, by its text (a log repeats rows)
    for _ in range(_TABLE_ROWS):
        end = text.find("\n", at)
        end = size if end < 0 else end
        line = text[at:end]
        if sep == "|" and "-" in line and rule.fullmatch(line):
            at = end + 1
            continue
        row = seen[line] if line in seen else seen.setdefault(line, _row_cells(line, 0, sep, count, wanted))
        if row is None:
            return
        for a, b in row:
            yield Span(at + a, at + b, "credential by name")
        at = end + 1
        if at >= size:
            return


# Credentials given by position: .pgpass lines (host:port:database:user:password), the arguments of a
# login call (Odoo's authenticate(db, user, password, {}), JSON-RPC "method": "login", "params": [...],
# a GraphQL login mutation's variables), of a constructor or a connect call given a user and a password
# (.NET's NetworkCredential, requests' HTTPBasicAuth, JDBC's getConnection, PHP's mysqli_connect and PDO)
# (database and user start with a letter, "_" or "*": never a time's fields, 22:15:29:615)
_PGPASS = _lazy(r":(?:\d{1,5}|\*):[A-Za-z_*][^\s:]{0,62}:[A-Za-z_*][^\s:]{0,62}:(\S{1,256})(?=\s|$)")
_LOGIN_CALL_REGEX = r"""(?P<call>authenticate|login|logon|sign_?in|networkcredential|(?:basic|digest)auth|getconnection
    |(?:mysqli?|pg|oci|sqlsrv)_connect|new[ \t]{1,4}pdo|usernamepasswordcredentials|passwordauthentication)
    (?:[^\n]{0,512}?\\?"variables\\?"[ \t]{0,4}:[ \t]{0,4}\{
    |\\?["'][ \t]{0,4},[ \t]{0,4}\\?["'](?:params|args)\\?["'][ \t]{0,4}:[ \t]{0,4}\[|[ \t]{0,4}\()
    (?P<args>[^\])}\n]{1,1024})"""
_LOGIN_CALL = _lazy(_LOGIN_CALL_REGEX, re.VERBOSE)
_LOGIN_CALL_NO_GRAPHQL = _lazy(_LOGIN_CALL_REGEX.replace("(?:[^\\n]{0,512}?", "(?:(?!)"), re.VERBOSE)  # no "variables"
_CASE_CLASS = _lazy(r"credentials?\([^(),\s]{1,128},[ \t]?([^(),\s]{1,256})\)")
_CALL_NEEDLES = ("login", "auth", "logon", "sign", "credential", "_connect", "getconnection", "pdo(")
_ARGUMENT = _lazy(r"""\\?"((?:[^"\\\n]|\\[^"\n]){1,512}?)\\?"|'([^'\n]{1,512})'""")


def _positional(text: str) -> Iterator[Span]:
    for m in _PGPASS().finditer(text) if ":" in text else ():
        if _word_before(text, m.start(), 253, _in_host, " \t\r\n") and _MARKED not in m.group(1):
            yield Span(*m.span(1), "credential by position")
    low = _lowered(text)
    if "insert" in low:
        yield from _sql_inserts(text, low)
    if "credential" in low:  # Scala's case class: Credentials(sync,…), its fields by position
        yield from _grouped(_CASE_CLASS(), low, 1, "credential by position")
    if not any(map(low.__contains__, _CALL_NEEDLES)):
        return
    for m in (_LOGIN_CALL() if '"variables' in low else _LOGIN_CALL_NO_GRAPHQL()).finditer(low):
        yield from _call_arguments(text, m)


# Where the password stands among a call's arguments, by the API's signature: .NET's NetworkCredential(userName,
# password[, domain]), requests' HTTPBasicAuth(username, password), aiohttp's BasicAuth(login, password), Apache
# HttpClient's UsernamePasswordCredentials(user, password), java.net.PasswordAuthentication(user, password),
# PHP's oci_connect(username, password, …), mysqli_connect(host, user, password, …), new PDO(dsn, user, password);
# JDBC's getConnection(url, user, password) and DataSource's getConnection(user, password): the last (-1).
# A call not listed (login, authenticate, JSON-RPC params) has every quoted argument hidden.
_PASSWORD_AT = {
    "networkcredential": 1, "basicauth": 1, "digestauth": 1, "usernamepasswordcredentials": 1,
    "passwordauthentication": 1, "oci_connect": 1, "mysql_connect": 2, "mysqli_connect": 2, "pdo": 2, "getconnection": -1,
}  # fmt: skip


def _call_arguments(text: str, m: re.Match[str]) -> Iterator[Span]:
    """The quoted arguments of a login call that hold the password: the one its signature names (the
    host, the user and the database stay readable), else all of them."""
    call = m.group("call").split()[-1]
    at = _PASSWORD_AT.get("basicauth" if call.endswith("basicauth") else call)
    start, end = m.start("args"), m.end("args")
    args = []  # (index by the commas before it, span of its text)
    index, pos = 0, start
    for arg in _ARGUMENT().finditer(text, start, end):
        index += text.count(",", pos, arg.start())
        pos = arg.end()
        group = 1 if arg.group(1) is not None else 2
        if text[arg.end() : arg.end() + 4].lstrip(" \t")[:1] == ":":
            continue  # a key ("p": "…"), not a value
        args.append((index, arg.span(group)))
    count = index + text.count(",", pos, end) + 1
    if at is not None and count == 1:  # one argument: "user:password" (UsernamePasswordCredentials), or a URL
        args = [(0, (a + v.find(":") + 1, b)) for _, (a, b) in args if ":" in (v := text[a:b]) and "://" not in v]
        at = 0
    for index, span in args:
        if (at is None or index == (count - 1 if at < 0 else at)) and (checked := _checked(text, *span)):
            yield Span(*checked, "credential by position")


# PHP's serialize(): s:8:"password";s:16:"…"; (the value's length in bytes is given before it)
_PHP_SERIAL = _lazy(r's:\d{1,5}:\\{0,3}"([^"\\\n]{1,64})\\{0,3}";s:(\d{1,6}):\\{0,3}"')


def _php_serialized(text: str) -> Iterator[Span]:
    if '";s:' not in text and '\\";s:' not in text:
        return
    low = _lowered(text)
    for m in _PHP_SERIAL().finditer(low):
        if not _IN_NAME().search(m.group(1)) or _not_a_value(m.group(1)):
            continue
        at, size = m.end(), int(m.group(2))
        end = at + size if text[at + size : at + size + 1] in ('"', "\\") else text.find('";', at, at + size + 64)
        if end > at and (span := _checked(text, at, end)):
            yield Span(*span, "credential by name")


# A shell transcript's echo of a variable named for a credential (read -s PW, then echo $PW): the line
# after it is the value
_ECHOED = _lazy(
    rf"""(?:echo|printf)[ \t]+(?:-[ne][ \t]+|(['"])%s(?:\\n)?\1[ \t]+)?["']?\$\{{?[a-z0-9_]{{0,32}}(?:{_CREDENTIAL_WORD})
    [a-z0-9_]{{0,32}}\}}?["']?[ \t]*\r?\n(?P<val>[^\r\n]{{1,512}})""",
    re.VERBOSE,
)


def _echoed(text: str) -> Iterator[Span]:
    low = _lowered(text)
    if "$" not in text or ("echo" not in low and "printf" not in low):
        return
    for m in _ECHOED().finditer(low):
        value = text[m.start("val") : m.end("val")].rstrip()
        if not value.startswith(("$ ", "+ ", "# ", "> ")) and (
            span := _checked(text, m.start("val"), m.start("val") + len(value))
        ):
            yield Span(*span, "credential by name")


# An interactive shell's prompt evaluating a name that holds a credential (Python's >>>, IPython's In [n]:,
# irb and pry, node's >): the line after it, Out[n]: or => aside, is the value
_REPL = _lazy(
    rf"""[ \t]{{0,8}}(?:>>>|in[ ]\[\d{{1,6}}\]:|irb\([^)\n]{{0,40}}\)[^>\n]{{0,12}}>|pry\([^)\n]{{0,40}}\)[^>\n]{{0,12}}>|>
    |\((?:pdb|gdb|lldb|dlv)\)|db<\d{{1,6}}>  # the debuggers' prompts: pdb, gdb, lldb, Delve, perl -d
    |sql>|[a-z][a-z0-9_-]{{0,15}}(?:\(\d{{1,6}}\))?(?:=?>|=\#))  # ipdb>, iex(1)>, jshell>, scala>, user=> (Clojure), psql's db=>
    [ \t]{{1,4}}[^\n]{{0,128}}?(?P<name>(?:{_CREDENTIAL_WORD})[a-z0-9_]{{0,32}}+)['"\])]{{0,3}}[ \t]*\r?\n
    (?:out\[\d{{1,6}}\]:[ \t]*|=>[ \t]*)?(?P<val>[^\r\n]{{1,512}})""",
    re.VERBOSE,
)


def _repl_values(text: str) -> Iterator[Span]:
    """Matched from the start of each line holding a credential word (a prompt starts its line), never
    tried at every ">" of the text."""
    if ">" not in text and "]:" not in text and "#" not in text and ") " not in text:
        return
    low = _lowered(text)
    for first, last, hits in _near_needles(low):
        line_start = low.rfind("\n", max(0, first - 160), first) + 1
        if _dense(first, last, hits) or (line_start == 0 and first > 160):
            continue
        while line_start <= last:  # each line the stretch touches
            if (m := _REPL().match(low, line_start)) is not None and (span := _repl_value(text, m)):
                yield Span(*span, "credential by name")
            line_start = low.find("\n", line_start, last) + 1
            if not line_start:
                break


def _repl_value(text: str, m: re.Match[str]) -> tuple[int, int] | None:
    value = text[m.start("val") : m.end("val")].rstrip()
    if value.startswith((">", "In [", "Traceback")) or "Error" in value or _not_a_value(m.group("name")):
        return None  # the next prompt, the error evaluating it, or token_type's value
    return _inner(value, m.start("val"))


# A line that is user:password alone (an htpasswd line, plain or hashed: sync:$apr1$…, a .pgpass-like
# pair pasted on its own): never "ERROR:root:…" (a second colon), a host, a path or a number
_LONE_PAIR = _lazy(  # the value holds a letter, and a digit or a sign
    r"^[ \t]{0,40}([A-Za-z_][A-Za-z0-9._@-]{1,63}):(?=[^\s:]{0,127}[A-Za-z])(?=[^\s:]{0,127}[^\sA-Za-z:])"
    r"([^\s:/\\][^\s:]{7,127})[ \t]*\r?$",
    re.MULTILINE,
)
_NOT_A_USER = _lazy(
    r"(?:error|err|warning|warn|info|debug|trace|fatal|critical|notice|note|severity|level|status|code|reason|http|https"
    r"|host|hostname|server|port|date|time|file|line|at|in|from|to|via|caused|message|msg|type|kind|name|path|url|.*id)$",
    re.IGNORECASE,
)
_HOST_LIKE = _lazy(r"[\w-]{1,63}(?:\.[\w-]{1,63})*\.[A-Za-z]{2,24}\.?")


def _lone_pairs(text: str) -> Iterator[Span]:
    if ":" not in text:
        return
    for m in _LONE_PAIR().finditer(text):
        value = m.group(2)
        if _NOT_A_USER().match(m.group(1)) or _MARKED in value or _HOST_LIKE().fullmatch(value):
            continue
        if not (_DATE_LIKE().fullmatch(value) or _GUID().fullmatch(value) or (len(value) < 32 and _HEX().fullmatch(value))):
            yield Span(*m.span(2), "credential by position")  # (a short hex value is an id: myob:bfc2b38c5a5f)


# A Go value printed with %v: {field field …} (&{…} for a pointer), its fields by position with no names;
# a long hex field in it is taken for a key (a named one, %+v's {ClientSecret:…}, is found by _named)
_GO_STRUCT = _lazy(r"\{([^{}\r\n\"':,=;]{1,512}+)\}|map\[([^\[\]\r\n\"',=;]{1,512}+)\]")  # and a map[k:v …]
_HEX_FIELD = _lazy(r"(?<![^\s{:\[])[0-9a-fA-F]{32,512}(?![^\s}\]])")


def _struct_fields(text: str) -> Iterator[Span]:
    if "{" not in text and "map[" not in text:
        return
    for m in _GO_STRUCT().finditer(text):
        group = 1 if m.group(1) is not None else 2
        if group == 1 and " " not in m.group(1).strip():
            continue  # one word in braces: a template's {name}, not a struct
        for field in _HEX_FIELD().finditer(text, m.start(group), m.end(group)):
            yield Span(*field.span(), "credential by position")


# A long hex value under a query key that says nothing of it (?k=…, &x=…): a key, unless the key names an
# id, a hash of content or a version (commit=, sha256=, etag=, request_id=)
_QUERY_HEX = _lazy(r"[?&;]([A-Za-z_$][A-Za-z0-9_.$-]{0,40})=([0-9a-fA-F]{32,512})(?![0-9A-Za-z_-])")
_PUBLIC_HEX_KEY = _lazy(
    r".*(?:id|ids|sha\d*|md5|hash|checksum|digest|etag|commit|rev|revision|ver|version|v|build|trace|span|parent"
    r"|correlation|request|nonce|fingerprint|hex)$",
    re.IGNORECASE,
)


def _query_hex(text: str) -> Iterator[Span]:
    if "=" not in text:
        return
    cursors = "__CURSOR" in text
    for m in _QUERY_HEX().finditer(text):
        if cursors and _JOURNAL_CURSOR().search(text, max(0, m.start() - 120), m.start()):
            continue  # a journald cursor's boot id (b=) and hash (x=): where the reading stopped, no key
        if not _PUBLIC_HEX_KEY().match(m.group(1)):
            yield Span(*m.span(2), "credential in a URL query")


_JOURNAL_CURSOR = _lazy(r"""__CURSOR["']?[ \t]{0,4}[=:][ \t]{0,4}["']?s=[0-9a-f]{32}(?:;[a-z]=[0-9a-f]{1,64}){0,5}$""")


# INSERT INTO t (user, password) VALUES ('sync', '…'): the value in the column the column list names
_SQL_INSERT = _lazy(r"insert[ \t]+into[ \t]+[^\s(]{1,128}[ \t]*\(([^()\n]{1,1024})\)[ \t]*values[ \t]*\(")
_SQL_VALUE = _lazy(r"""[ \t]*('(?:[^'\n]|''){0,512}'|"[^"\n]{0,512}"|[^,()\s]{1,512})[ \t]*([,)])""")


def _sql_inserts(text: str, low: str) -> Iterator[Span]:
    for m in _SQL_INSERT().finditer(low):
        count, wanted = _credential_columns(m.group(1))
        pos = m.end()
        for i in range(count if wanted else 0):
            value = _SQL_VALUE().match(text, pos)
            if value is None:
                break
            if i in wanted and (span := _inner(value.group(1), value.start(1))):
                yield Span(*span, "credential by column")
            pos = value.end()
            if value.group(2) == ")":
                break


@functools.lru_cache(maxsize=256)  # a log repeats its statements
def _credential_columns(names: str) -> tuple[int, frozenset[int]]:
    """How many columns a column list names, and which of them name a credential."""
    columns = [c.strip(' \t`"[]') for c in names.split(",")]
    return len(columns), frozenset(i for i, c in enumerate(columns) if _IN_NAME().search(c) and not _not_a_value(c))


def _in_host(c: str) -> bool:
    return not c.isspace() and c not in ":#"


def _word_before(text: str, at: int, longest: int, inside: Callable[[str], bool], opening: str) -> bool:
    """Whether a word of characters ``inside`` (1 to ``longest`` of them) ends at ``at`` and starts the
    text or follows one of the ``opening`` characters (walked back: no regex tried at every position)."""
    start = at
    while start > 0 and at - start <= longest and inside(text[start - 1]):
        start -= 1
    return 0 < at - start <= longest and (start == 0 or text[start - 1] in opening)


def _oracle_logins(text: str) -> Iterator[Span]:
    """Oracle Net's username/password@(DESCRIPTION=…) and Easy Connect's username/password@//host:port/service:
    found from each "@", the password and the user walked back from it (never a pattern tried at every letter)."""
    low = _lowered(text)
    if "@(description" not in low and "@//" not in low:
        return
    pos = 0
    for m in _ORACLE_AT().finditer(low):
        at = m.start()
        slash = at
        while slash > max(pos, at - 129) and text[slash - 1] not in _NOT_IN_ORACLE_PASSWORD:
            slash -= 1
        if slash < at and text[slash - 1 : slash] == "/" and _word_before(text, slash - 1, 128, _in_oracle_user, _ORACLE_OPENING):
            yield Span(slash, at, "password flag")
        pos = at


_ORACLE_AT = _lazy(r"@(?:\(description[ \t]*=|//)")
_NOT_IN_ORACLE_PASSWORD = frozenset(" \t\r\n/@'\"()")
_ORACLE_OPENING = " \t\r\n'\"=,;([{"


def _in_oracle_user(c: str) -> bool:
    return c.isalnum() or c in "_$#"


# Postfix's sasl_passwd: [relay]:port username:password (matched from each "[" after a space: no hint to look for)
_SASL_PASSWD = _lazy(
    r"(?<![^\s])\[[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}\](?::\d{1,5})?[ \t]+[^\s:]{1,128}:([^\s]{1,256}?)"
    r"(?:[ \t]*\r?$|[ \t]+(?=[{\[]))",
    re.MULTILINE,
)


# Tcl Expect: expect "password:" then send "...\r": the text sent is the password (found from each send line, the
# line before it read for expect and a credential prompt; never a pattern scanning on from every "expect")
_EXPECT_SEND = _lazy(r"^[ \t]{0,40}send[ \t]+(?:--[ \t]+)?\"([^\"\n]{1,256}?)(?:\\r|\\n)?\"", re.MULTILINE)
_EXPECT_PROMPT = _lazy(r"expect[ \t][^\n]{0,128}(?:assword|assphrase|asscode|pin|token)")


def _expect_sends(text: str) -> Iterator[Span]:
    low = _lowered(text)
    if "expect" not in low or "send" not in low:
        return
    for m in _EXPECT_SEND().finditer(low):
        line_start = low.rfind("\n", max(0, m.start() - 256), max(0, m.start() - 1)) + 1
        if _EXPECT_PROMPT().search(low, line_start, m.start()) and (span := _checked(text, *m.span(1))):
            yield Span(*span, "password flag")


def _bare_userinfo(text: str) -> Iterator[Span]:
    """The password of ``user:password@host`` written without a scheme (proxy=sync:pw@proxy:3128)."""
    if "@" not in text:
        return
    for m in _BARE_USERINFO().finditer(text):
        value = m.group(1)
        user = _word_before(text, m.start(), 64, _USER_CHARS.__contains__, " \t\r\n=,;(['\"")
        if user and _secret_like(value) and _MARKED not in value and not _LEVEL_FIELD().match(value):
            yield Span(*m.span(1), "URL credentials")


def _url_userinfo(text: str) -> Iterator[Span]:
    """The user-info of a URL, whatever its shape (user:password, a token alone, a raw ``@``)."""
    for m in _userinfo_matches(text):
        userinfo = m.group(2)
        if _MARKED not in userinfo and not (_ACTOR_SCHEME().fullmatch(text, m.start(), m.start(1)) and ":" not in userinfo):
            yield Span(*m.span(2), "URL credentials")


def _userinfo_matches(text: str) -> Iterator[re.Match[str]]:
    """The URLs with user-info, in order. Looked for only around each ``://`` (found at C speed), from
    the longest scheme's length before it (the pattern looks back so that no scheme character precedes
    its start), not from every letter of the text; where URLs are all along (2 MiB of them took 1.2 s a
    step at a time), by one pass of the pattern in C."""
    if text.count("://", 0, 1 << 16) > 256:
        yield from _URL_USERINFO().finditer(text)
        return
    pos, at = 0, text.find("://")
    while at >= 0:
        m = None
        if text.find("@", at, at + 800) >= 0:  # no "@": no user-info
            m = _URL_USERINFO().search(text, max(pos, at - _SCHEME_REACH), at + 800)
        if m is not None and m.start(1) > at:  # a later URL's, within 800 characters: searched with its own reach
            at = m.start(1)
            continue
        if m is None:
            at = text.find("://", at + 1)
            continue
        yield m
        pos = m.end()
        at = text.find("://", pos)


_SCHEME_REACH = 22  # a scheme's 21 characters at most, and a newline a console wrapped before the "://"
# an actor system's address: the name before the "@" is the actor system's or the RPC endpoint's, no user
# (Akka's akka.tcp://sparkExecutorActorSystem@host:port, Spark's spark://CoarseGrainedScheduler@host:port)
_ACTOR_SCHEME = _lazy(r"(?:akka|pekko)(?:\.ssl)?(?:\.tcp|\.udp)?|spark", re.IGNORECASE)


def _random_tokens(text: str) -> Iterator[Span]:
    """Tokens that look generated, whole or as one segment of a path or dotted name (one an invalid
    byte split, decoded as U+FFFD, judged whole)."""
    for m in (_TOKEN_REPLACED() if "\ufffd" in text else _TOKEN()).finditer(text):
        token = m.group(0)
        found = _random_parts_kept(token) if len(token) <= _KEPT_TOKEN else _random_parts(token)
        if found and not _ID_LABEL().search(text, max(0, m.start() - 56), m.start()):  # "Support ID: …" stays
            yield from (Span(m.start() + a, m.start() + b, "random token") for a, b in found)


def _random_parts(token: str) -> tuple[tuple[int, int], ...]:
    """Where in a token it looks generated: the whole token, or segments of a path or dotted name."""
    if not _MIXED().search(token):
        return ()  # no digit and no lower-to-upper step: words, paths, names (never 16 random characters)
    whole = not any(c in token for c in "/.~") or "+" in token or token.endswith("=")  # paths are judged by segment
    if whole and looks_random(token.strip("=.~")):  # (a dash or an underscore at an end is a key's: token_urlsafe)
        return ((0, len(token)),)
    found, pos = [], 0
    for part in re.split(r"([/.~])", token):
        if len(part) >= 16 and looks_random(part.strip("=-_")):
            found.append((pos, pos + len(part)))
        pos += len(part)
    if len(found) > 1 and "/" not in token:  # a dotted credential (a Discord bot token's three parts): whole, its
        return ((found[0][0], found[-1][1]),)  # short middle too, where each part alone left ".Jnz0zt." shown
    base64 = _BASE64_RUN().fullmatch(token) and not _PATH_HEAD().match(token)
    if base64 and (found or ("/" in token and _random_segments(token))):
        return ((0, len(token)),)  # base64 with a "/" in it (an AWS secret key): no path's segments
    return tuple(found)


def _random_segments(token: str) -> bool:
    """Segments cut by "/" that are none of them words or names, two of them 8 characters or more: a base64
    key's pieces ("H7v3Pk1mici/muay54z5hGlD/mqERVsDygbu8O/W"), never a path ("api/v2/Customers/ABC123")."""
    parts = token.split("/")
    long = [p for p in parts if len(p) >= 8]
    return len(long) >= 2 and not any(_name_part(p) for p in parts if len(p) >= 6) and looks_random("".join(parts))


# a path's first segment, a lower-case word ("tools/<key>", "api/…"): the random part alone is hidden, the path stays
_PATH_HEAD = _lazy(r"/*[a-z]{3,}(?:[_-][a-z]+)*/")  # (after a scheme's "//" too: errcat://pages/<key>)
_BASE64_RUN = _lazy(r"[A-Za-z0-9+/][A-Za-z0-9+/]{14,}[A-Za-z0-9+/]={0,2}")  # (a key may start or end with "/")


_KEPT_TOKEN = 256  # a token this short is judged once: a log repeats its hosts, paths and ids in every record
_random_parts_kept = functools.lru_cache(maxsize=4096)(_random_parts)


# --- values told by their shape or their place where no name stands beside them ------------------------------------

# A password a person set: letters, digits and a sign (!#%^&*+?~@) mixed in many runs ("_j2#!l#awEF", "i84%dXxUNw_a19KQ"),
# standing alone where no name says what it is (a debugger's string, a call's argument, a list's item). Cut at what
# bounds a token in code and logs, "=", ":" and "/" too (a key=value pair, a host:port, a path are judged by part).
_SIGNED = _lazy(
    r"""(?<![^\s"'`<>()\[\]{},;|\\=:/&])(?=[^\s"'`<>()\[\]{},;|\\=:/&]{0,63}[!#%^*+?~@])(?=[^\s"'`<>()\[\]{},;|\\=:/&]{0,63}\d)"""
    r"""[^\s"'`<>()\[\]{},;|\\=:/&]{8,64}(?![^\s"'`<>()\[\]{},;|\\=:/&])"""
)
_SIGN = _lazy(r"[!#^*+?~@]|%(?![0-9A-Fa-f]{2})")
_ANY_SIGN = _lazy(r"[!#%^*+?~@]")
_SIGN_SPLIT = _lazy(r"[!#^*+?~@%]+")
_CLASS_RUNS = _lazy(r"[A-Z]+|[a-z]+|[0-9]+|[^A-Za-z0-9]+")
_NOT_A_PASSWORD = _lazy(
    r"(?:\d{1,5}:)?v?\d+(?:[.+~_-][0-9A-Za-z]+)+"  # a version (2.1.0+cu118, 1:2.3-1ubuntu0.1~esm1)
    r"|[\w.+-]{1,64}@[A-Za-z][\w-]*(?:\.[\w-]+)*\.(?:[a-z]{2,24}|[A-Z]{2,24})\.?"  # an e-mail address, user@host.domain
    # user@host (a shell's prompt, an actor's address), a class and its line (ZooKeeper's QuorumCnxManager$Listener@493)
    r"|[\w.$-]{1,128}@(?:[a-z][a-z0-9.-]{0,127}|\d{1,9}|\d{1,3}(?:\.\d{1,3}){3})"
    r"|[\w.$]{1,128}\+0x[0-9a-fA-F]{1,16}"  # a symbol and its offset (do_syscall_64+0x5c)
    r"|[\w.$]{1,128}@[0-9a-f]{4,16}"  # an object's identity (java.lang.Object@1b6d3586)
    r"|(?:%[-+ #0-9.]{0,8}[A-Za-z]|[^%A-Za-z])+"  # a format (%Y-%m-%dT%H:%M:%S.%03d)
    r"|[A-Z]{2,5}[+-]\d{1,2}(?::?\d\d)?"  # a time zone (UTC+10:00)
    # a package at its version (npm's 30d-clear-depth@1.0.0, cli@16.2.0-rc.1), a scoped one URL-encoded (@types%2fnode)
    r"|@?[a-z0-9][\w.-]{0,127}(?:%2[fF][a-z0-9][\w.-]{0,127}(?:@v?\d+\.\d+\.\d+(?:[-+][\w.]+)?)?|@v?\d+\.\d+\.\d+(?:[-+][\w.]+)?)"
)


def _signed_passwords(text: str) -> Iterator[Span]:
    """Passwords of letters, digits and signs, whatever stands beside them (see _SIGNED), and short random
    strings in quotes (a call's argument, a debugger's string: 'lzx139Q2MxG'), shorter than _random_tokens judges."""
    for m in _SIGNED().finditer(text) if _ANY_SIGN().search(text) else ():
        if _password_like(m.group()) and not _ID_LABEL().search(text, max(0, m.start() - 56), m.start()):
            yield Span(*m.span(), "random password")  # ("Support ID: p5rxS~YxEX…" stays, as _random_tokens leaves it)
    if "'" in text or '"' in text:
        for m in _SHORT_QUOTED().finditer(text):
            if _short_random(m.group(2)):
                yield Span(*m.span(2), "random password")


_SHORT_QUOTED = _lazy(r"""(["'])(?<![\w\\]["'])([A-Za-z0-9]{10,15})\1(?!\w)""")  # (a quote first: re skips to it)


@functools.lru_cache(maxsize=4096)
def _short_random(token: str) -> bool:
    """Upper and lower case and digits changing as no word or name does (five runs or more)."""
    if token.isalpha() or token.isdigit() or token.islower() or token.isupper():
        return False
    if len(_CLASS_RUNS().findall(token)) < 5 or not any(map(str.isdigit, token)):
        return False
    return not (_camel_words(token) or _word_like(token) or _HEX().fullmatch(token)) and _entropy(token) >= 2.5


@functools.lru_cache(maxsize=4096)  # a log repeats its tokens
def _password_like(token: str) -> bool:
    """Letters, digits and a sign, in four runs of one class or more, where no part is read as a word or
    a number alone ("issue#1234", "hello+world+2024", "NT+10.0" stay)."""
    if _MARKED in token or not _SIGN().search(token) or sum(map(str.isalpha, token)) < 2:
        return False
    if len(_CLASS_RUNS().findall(token)) < 4 or _NOT_A_PASSWORD().fullmatch(token):
        return False
    parts = [p for p in _SIGN_SPLIT().split(token) if p]  # (a URL's id?organization_id=…: a number and a name)
    return not all(_PLUS_WORD().fullmatch(p) or _SNAKE_NAME().fullmatch(p) for p in parts)


_SNAKE_NAME = _lazy(r"[a-z]+(?:[_.][a-z]+)*")  # also a file or module name (myob.md#25008: a page and its anchor)


# A shell's prompt and a command naming a credential or decoding one (printenv DB_PASS, $env:CLIENT_SECRET,
# terraform output -raw db_password, consul kv get app/password, … | base64 -d): the lines it printed that are one
# token each, up to the next prompt or a blank line
_COMMAND_LINE = _lazy(
    r"^[ \t]{0,8}(?:[$%#>][ \t]|PS[ \t][^\n>]{0,200}>[ \t]?|PS>[ \t]?|[A-Za-z]:\\[^\n>]{0,200}>"
    r"|[\w.@-]{1,64}[:~][^\n$#]{0,128}[$#][ \t])"  # sh, PowerShell, cmd, user@host:~$
    r"(?P<cmd>[^\r\n]{1,512})\r?\n",
    re.MULTILINE,
)
_DECODING = _lazy(r"base64[ \t]+(?:-d|-D|--decode)\b|openssl[ \t][^|\n]{0,64}-d\b|gpg[ \t][^|\n]{0,64}(?:-d|--decrypt)\b")
_OUTPUT_TOKEN = _lazy(r"[ \t]{0,8}(?P<val>[^\s{}\[\]<>\"]{4,512})[ \t]*\r?(?:\n|$)")
_OUTPUT_LINES = 4


def _command_outputs(text: str) -> Iterator[Span]:
    """The credential a command printed: its last word names one (a command that sends one, curl -H
    "Authorization: …" https://…, prints the server's answer), or it decodes one. A lone word ("Unauthorized")
    or a JSON or XML body printed stays."""
    if "\n" not in text:
        return
    for m in _COMMAND_LINE().finditer(text):
        cmd = _lowered(m.group("cmd")).split()
        last = cmd[-1] if cmd else ""
        if not (_IN_NAME().search(last) or _DECODING().search(" ".join(cmd))) or _not_a_value(last):
            continue
        pos = m.end()
        for _ in range(_OUTPUT_LINES):
            line = _OUTPUT_TOKEN().match(text, pos)
            if line is None or _COMMAND_LINE().match(text, pos):
                break
            value = line.group("val")
            word = value.isalpha() and (value.islower() or value.isupper() or value.istitle())
            if not word and (span := _checked(text, *line.span("val"))):
                yield Span(*span, "credential by name")
            pos = line.end()


# YAML's complex key ("? password" then ": value"), a value an INI file's credential section gives by user
# (CouchDB's [admins], Shiro's [users]: "bob = password, role"), a dump's System.String (dotnet-dump's dumpobj)
_COMPLEX_KEY = _lazy(
    r"^[ \t]{0,40}\?[ \t]+[\"']?(?P<name>[^\r\n\"':]{1,64})[\"']?[ \t]*\r?\n[ \t]{0,40}:[ \t]+(?P<val>[^\r\n]{1,512})",
    re.MULTILINE,
)
_CREDENTIAL_SECTION = _lazy(rf"^[ \t]{{0,8}}\[(?:{'|'.join(_SECTIONS)})\][ \t]*\r?$", re.MULTILINE)
_SECTION_VALUE = _lazy(
    r"[ \t]{0,8}(?P<key>[^\s=:;#\[][^=:\r\n]{0,127}?)[ \t]*[=:][ \t]*(?P<val>[^\r\n]{1,512}?)[ \t]*\r?(?:\n|$)"
)
_SECTION_OTHER = _lazy(r"[ \t]{0,8}(?:[;#][^\r\n]{0,512})?\r?\n")
_DUMPED_STRING = _lazy(
    r"^Name:[ \t]+System\.String\r?\n(?:[^\r\n]{0,200}\r?\n){0,6}?String:[ \t]+(?P<val>[^\r\n]{1,4096})", re.MULTILINE
)


def _placed_values(text: str) -> Iterator[Span]:
    if "?" in text:
        for m in _COMPLEX_KEY().finditer(text):
            name = _lowered(m.group("name"))
            if _IN_NAME().search(name) and not _not_a_value(name) and (span := _inner(m.group("val").rstrip(), m.start("val"))):
                yield Span(*span, "credential by name")
    if "[" in text:
        for m in _CREDENTIAL_SECTION().finditer(_lowered(text)):
            pos = m.end() + 1
            for _ in range(_TABLE_ROWS):
                if (row := _SECTION_VALUE().match(text, pos)) is not None:
                    if span := _checked(text, *row.span("val")):
                        yield Span(*span, "credential by place")
                elif (row := _SECTION_OTHER().match(text, pos)) is None:
                    break
                pos = row.end()
    if "System.String" in text:
        yield from _grouped(_DUMPED_STRING(), text, "val", "credential by place")
    low = _lowered(text)
    if "secret" in low and _SECRET_KIND().search(low):
        yield from _secret_data(text, low)


# A Kubernetes Secret: every value of its data and stringData (base64 or plain) is a credential, whatever its key
# ("conn", ".dockerconfigjson"): in YAML the lines indented under "data:", in JSON the object after "data"
_SECRET_KIND = _lazy(r"""["']?kind["']?[ \t]*:[ \t]*["']?secret\b""")
_SECRET_DATA = _lazy(r"""^(?P<indent>[ \t]{0,40})(?:stringdata|data):[ \t]*\r?\n""", re.MULTILINE)
_SECRET_JSON = _lazy(r""""(?:stringdata|data)"[ \t]*:[ \t]*\{(?P<body>[^{}]{0,65536})\}""")
_DATA_LINE = _lazy(r"""(?P<indent>[ \t]{1,40})[^\s:#][^:\r\n]{0,252}:[ \t]+(?P<val>[^\r\n]{1,65536}?)[ \t]*\r?(?:\n|$)""")
_JSON_VALUE = _lazy(r':[ \t]*"((?:[^"\\\n]|\\.){1,4096}+)"')


def _secret_data(text: str, low: str) -> Iterator[Span]:
    for m in _SECRET_DATA().finditer(low):
        pos, outer = m.end(), len(m.group("indent"))
        for _ in range(_TABLE_ROWS):
            line = _DATA_LINE().match(text, pos)
            if line is None or len(line.group("indent")) <= outer:
                break
            if span := _checked(text, *line.span("val")):
                yield Span(*span, "credential by place")
            pos = line.end()
    for m in _SECRET_JSON().finditer(low):
        for v in _JSON_VALUE().finditer(text, m.start("body"), m.end("body")):
            if span := _checked(text, *v.span(1)):
                yield Span(*span, "credential by place")


# A name declared with its type before the value (Scala's and Kotlin's val apiKey: String = …, TypeScript's
# let token: string = …, Swift's let secret: String = …), and a name with its value aligned under a table's
# header or after dot leaders (PowerShell's Get-ChildItem env:, "Password ......... value")
_TYPED = _lazy(
    rf"""(?:{_CREDENTIAL_WORD})[a-z0-9_]{{0,32}}+[ \t]*:[ \t]*[a-z][\w.<>\[\]?]{{0,40}}[ \t]*=[ \t]*"""
    rf"""(?P<val>{_QUOTED}|[^\s,;)}}\]]{{1,512}})"""
)
_ALIGNED = _lazy(
    rf"""(?:{_CREDENTIAL_WORD})[a-z0-9_.-]{{0,32}}+(?:[ \t]{{2,80}}|[ \t]{{1,4}}\.{{3,80}}[ \t]{{1,4}})"""
    r"""(?:[a-z][\w$]{0,64}(?:\.[\w$]{1,64}){1,8}[ \t]{2,80})?"""  # a field's type between (Eclipse MAT: java.lang.String)
    r"""(?P<val>[^\s]{4,512})[ \t]*\r?(?:\n|$)"""
)


def _typed_and_aligned(text: str) -> Iterator[Span]:
    typed = ":" in text and "=" in text
    aligned = "  " in text or "\t" in text or "..." in text
    if not (typed or aligned):
        return
    low = _lowered(text)
    for first, last, hits in _near_needles(low):
        if _dense(first, last, hits):
            continue
        window = low[first : last + 80]  # (the type's name and the alignment stand right after the name)
        for m in _word_matches(_TYPED(), low, first, last, 600) if typed and ":" in window and "=" in window else ():
            if span := _inner(text[m.start("val") : m.end("val")], m.start("val")):
                yield Span(*span, "credential by name")
        if not (aligned and ("  " in window or "\t" in window or "..." in window)):
            continue
        for m in _word_matches(_ALIGNED(), low, first, last, 600):
            line_start = low.rfind("\n", 0, m.start()) + 1
            before = low[line_start : m.start()].lstrip(" \t")
            if not _NAME_CHAR.issuperset(before) or _not_a_value(low[m.start() : m.start("val")]):
                continue  # the name starts its line (a table's first column), and names a value (SQL_PASSWORD)
            if span := _checked(text, *m.span("val")):
                yield Span(*span, "credential by name")


# Twilio's auth token: 32 hex digits given after the account's SID (AC and 32 hex digits): Client(sid, token)
_TWILIO_PAIR = _lazy(
    r"AC(?<![0-9A-Za-z]AC)[0-9a-f]{32}\b[^\r\n]{0,200}?(?:\r?\n[ \t]{0,40})?(?<![0-9A-Za-z])([0-9a-f]{32})(?![0-9A-Za-z])"
)
# a password given as a query's p= (a page number stays)
_QUERY_P = _lazy(r"[?&;]p=(?![0-9]{1,9}(?:[&#\s'\"]|$))([^&\s'\"#<>]{4,512})")


# Windows' net use [drive:] \\host\share [password | *] [/user:…]: the word after the share is the password
_NET_USE = _lazy(r"net[ \t]+use[ \t]+(?:[a-z]:[ \t]+)?\\\\[^\s]{1,512}[ \t]+([^\s/*][^\s]{0,255})", re.IGNORECASE)


def _paired_values(text: str) -> Iterator[Span]:
    if "AC" in text:
        yield from _grouped(_TWILIO_PAIR(), text, 1, "Twilio auth token")
    if "\\\\" in text and "use" in _lowered(text):
        yield from _grouped(_NET_USE(), text, 1, "password by position")
    if "p=" in text:
        yield from _grouped(_QUERY_P(), text, 1, "credential in a URL query")


# --- round 10: a name's value behind odd separators, a dump's bytes, a list under a credential key, a reset's output ---

# A credential's name, then only separators, quotes and an escaped or entity quote (at most one line break) before its
# value: ``passphrase: "" + <hex>``, ``X-Api-Key | `<hex>` ``, ``pwd:\n  &quot;<hex>&quot;``, ``api_key, `v` ``
_SEPARATED_REGEX = rf"""(?:{_CREDENTIAL_WORD})[a-z0-9_.-]{{0,64}}+
    (?P<gap>(?:[ \t]{{0,4}}(?:[:=|,>+]|&quot;|&\#0?3[49];|&apos;|\\{{0,3}}["'`]|\r?\n)[ \t]{{0,40}}){{1,6}})
    (?P<val>[A-Za-z0-9+/=_.~!@\#%^*-]{{8,512}}+)"""
_SEPARATED = _lazy(_SEPARATED_REGEX, re.VERBOSE)

_BEARER_SEPARATED = _lazy(_SEPARATED_REGEX.replace(f"(?:{_CREDENTIAL_WORD})", "bearer", 1), re.VERBOSE)
_ODD_GAP = _lazy(r"[|+`,>&\\]|[:=][ \t]{0,10}\r?\n")


def _separated_values(text: str) -> Iterator[Span]:
    """A value its name introduces through separators no other pass reads as a pair (see _SEPARATED): a long hex
    value (a key or a token; a hex id has no credential's name before it), or letters mixed with digits."""
    low = _lowered(text)
    for first, last, hits in _near_needles(low):
        if _dense(first, last, hits) or not _ODD_GAP().search(low, first, last + 64):
            continue  # (a plain "name: value" or "name=value" is _named's: most stretches)
        for m in _word_matches(_SEPARATED(), low, first, last, 200):
            yield from _separated_value_span(text, low, m)
    if "bearer" in low:  # (the credential word "bearer" is one only before ":" or "=": here any separator will do)
        for m in _BEARER_SEPARATED().finditer(low):
            if low[m.start() - 1 : m.start()] not in ("=", ":", '"', "'"):  # (token_type=bearer: the scheme's name)
                yield from _separated_value_span(text, low, m)


def _separated_value_span(text: str, low: str, m: re.Match[str]) -> Iterator[Span]:
    gap = m.group("gap")
    if gap.count("\n") > 1 or not gap.strip(" \t\r\n") or _NOT_A_VALUE().search(low, m.start(), m.start("gap")):
        return
    if low[m.start() - 1 : m.start()] == "/" or low.startswith(("=", "(", "[", "{"), m.end("val")):
        return  # a path's word, or a value that is itself a name or a call
    value = text[m.start("val") : m.end("val")].rstrip(".:!?,")
    if "=" not in value.rstrip("=") and _separated_value(value):  # (realm=api2 is a pair of its own)
        yield Span(m.start("val"), m.start("val") + len(value), "credential by name")


def _separated_value(value: str) -> bool:
    if "/" in value:  # a path, or a base64 key holding a "/" ('/ByT7mtvUlIGQj9/JYl6JW3x…')
        return _MARKED not in value and looks_random(value.replace("/", ""))
    if _MARKED in value or _HEX_NUMBER().fullmatch(value) or _OBJECT_STRING().fullmatch(value):
        return False
    if _HEX().fullmatch(value):
        return len(value.replace("-", "")) >= _HEX_KEY
    letters = sum(c.isalpha() for c in value)
    digits = sum(c.isdigit() for c in value)
    if not letters or not digits or _DATE_LIKE().fullmatch(value) or _dashed_name(value, loose=True):
        return False
    if value.islower() and any(c in value for c in "-_."):
        return False  # a name of one case with its number or hash (user_id2, a pod's web-7d4b9c6f8-x2k9p)
    return not _NOT_A_PASSWORD().fullmatch(value)


# hexdump -C's and xxd's lines: an offset, the bytes in hex, the bytes as text (between bars for hexdump)
_DUMP_LINE = _lazy(
    r"^(?P<off>[0-9a-fA-F]{4,16}:?)[ \t]{1,4}(?P<hex>[0-9a-fA-F]{2,32}(?:[ \t]{1,3}[0-9a-fA-F]{2,32}){0,31}+)"
    r"(?:[ \t]{2,8}(?P<ascii>[^\r\n]{1,80}?))?[ \t]*\r?$",
    re.MULTILINE,
)
_DUMP_REACH = 64  # bytes after a credential's name in a dump that are hidden (its value, wrapped onto the next lines)


def _dumped_bytes(text: str) -> Iterator[Span]:
    """A credential in a hex dump: a name in the bytes (read from the hex, or from the text column) hides the bytes
    after it, as hex and as text, on its line and the lines after it (the value wraps at 16 bytes a line)."""
    if "  " not in text:
        return
    lines = [m for m in _DUMP_LINE().finditer(text) if len(d := re.sub(r"[ \t]", "", m.group("hex"))) % 2 == 0 and len(d) >= 8]
    if len(lines) < 2:
        return
    decoded: list[str] = []
    for m in lines:
        digits = re.sub(r"[ \t]", "", m.group("hex"))
        shown_text = m.group("ascii") or ""
        decoded.append(bytes.fromhex(digits).decode("latin-1") + " " + shown_text)
    for i in range(len(lines)):
        if not _IN_NAME().search(decoded[i].lower()):
            continue
        reach = 0
        for j in range(i, len(lines)):
            if j > i and lines[j].start() > text.find("\n", lines[j - 1].end()) + 1:
                break  # not the next line: the dump ended
            n = lines[j]
            yield Span(n.start("hex"), n.end("ascii") if n.group("ascii") else n.end("hex"), "credential in a dump")
            reach += len(re.sub(r"[ \t]", "", n.group("hex"))) // 2
            if reach >= _DUMP_REACH:
                break


# A list's items under a key naming credentials (credentials:, passwords:, api_tokens:), in YAML: "- value" each
_LIST_KEY = _lazy(r"^(?P<indent>[ \t]{0,40})(?P<name>[^\s:#-][^:\r\n]{0,63}):[ \t]*\r?\n", re.MULTILINE)
_LIST_ITEM = _lazy(r"(?P<indent>[ \t]{0,40})-[ \t]+(?P<val>[^\r\n]{1,512}?)[ \t]*\r?(?:\n|$)")


def _listed_credentials(text: str) -> Iterator[Span]:
    if "- " not in text:
        return
    low = _lowered(text)
    for m in _LIST_KEY().finditer(low):
        name = m.group("name").strip(" \t\"'")
        if not _IN_NAME().search(name) or _NOT_A_VALUE().search(name):
            continue
        pos = m.end()
        for _ in range(_TABLE_ROWS):
            item = _LIST_ITEM().match(text, pos)
            if item is None or len(item.group("indent")) < len(m.group("indent")):
                break
            value = item.group("val")
            if not re.match(r"[\w.-]{1,64}:(?:[ \t]|$)", value) and (span := _inner(value, item.start("val"))):
                yield Span(*span, "credential by name")  # (an item that is a mapping, "- name: regcred", names its own)
            pos = item.end()


# A value a tool printed after it set or reset a credential: Elasticsearch's "New value: …" after the line naming
# the password ("Password for the [elastic] user successfully reset."), a vault's "Value: …" under the secret's name
_NEW_VALUE = _lazy(
    r"^[ \t]{0,8}(?:(?:new|generated|temporary|initial|random|current|decrypted|plain(?:text)?|secret)[ \t]+)?value"
    r"[ \t]*[:=][ \t]*(?P<val>[^\s]{4,512})[ \t]*\r?$",
    re.MULTILINE | re.IGNORECASE,
)
_NEW_VALUE_ABOVE = 600  # characters above the value where the credential's name is looked for (a few lines)


def _new_values(text: str) -> Iterator[Span]:
    if "alue" not in text:
        return
    low = _lowered(text)
    for m in _NEW_VALUE().finditer(text):
        if _IN_NAME().search(low, max(0, m.start() - _NEW_VALUE_ABOVE), m.start()) and (
            span := _inner(m.group("val"), m.start("val"))
        ):
            yield Span(*span, "credential by name")


# A key given in hex groups after its name (token: 8f68d9d9 b0341314 …); a device's secret after its type number
# (Cisco's "enable secret 0 …", "username admin password 7 …"); the hex digests a line about a signature prints
# ("signature mismatch expected=<hex> got=<hex>": the expected one is the valid signature of the request)
_GROUPED_HEX = _lazy(
    rf"""(?:{_CREDENTIAL_WORD})[a-z0-9_.-]{{0,64}}+[ \t]{{0,4}}[:=][ \t]{{0,4}}"""
    r"""(?P<val>[0-9a-f]{4,8}(?:[ \t:-][0-9a-f]{4,8}){2,15})(?![0-9a-z])"""
)
_HEX_GROUPS = _lazy(r"[0-9a-f]{4,8}[ \t:-][0-9a-f]{4,8}[ \t:-][0-9a-f]{4,8}(?![0-9a-z])")
_NUMBERED_SECRET = _lazy(r"(?<![\w-])(?:secret|password|key-string|key)[ \t]+[05789][ \t]+(?P<val>[^\s]{4,512})")
_SIGNATURE_LINE = _lazy(r"^[^\r\n]{0,512}?(?:signature|hmac|digest mismatch)[^\r\n]{0,512}", re.MULTILINE)
_LONG_HEX = _lazy(r"(?<![0-9A-Za-z])[0-9a-fA-F]{32,512}(?![0-9A-Za-z])")


def _grouped_and_numbered(text: str) -> Iterator[Span]:
    low = _lowered(text)
    for first, last, hits in _near_needles(low) if _HEX_GROUPS().search(low) else ():
        if _dense(first, last, hits):
            continue
        for m in _word_matches(_GROUPED_HEX(), low, first, last, 200):
            if sum(c.isdigit() for c in m.group("val")) and sum(c in "abcdef" for c in m.group("val")):
                yield Span(*m.span("val"), "credential by name")
    if "secret" in low or "password" in low or "key" in low:
        yield from _grouped(_NUMBERED_SECRET(), low, "val", "credential by name")
    if "signature" in low or "hmac" in low or "digest" in low:
        for line in _SIGNATURE_LINE().finditer(low):
            yield from (Span(*h.span(), "signature") for h in _LONG_HEX().finditer(low, *line.span()))


# The first word of the line after a name that ends its line, when more words follow it on that line
# ("password:" then "  Xy7abc123q  (rotated monthly)"): _indented takes a next line only when it is one word
_FIRST_WORD = _lazy(r"[ \t]{0,40}(?P<val>[^\s'\"<>]{8,512})[ \t]+[^\s]")
_WORDS_ON_NEXT_LINE = _lazy(r"[:=][ \t]{0,10}\r?\n[ \t]{0,40}[^\s'\"<>]{8,512}[ \t]+[^\s]")


def _next_line_words(text: str) -> Iterator[Span]:
    if "\n" not in text:
        return
    low = _lowered(text)
    if not _WORDS_ON_NEXT_LINE().search(low):
        return  # no line ending after a separator is followed by a word and more words: most texts
    for first, last, hits in _near_needles(low):
        if _dense(first, last, hits) or not _NEXT_LINE_HINT().search(low, first, last + 160):
            continue
        for m in _word_matches(_NEXT_LINE(), low, first, last, 400):
            if m.group("tq") or m.group("heredoc") or m.group("block"):
                continue  # (_next_lines reads these whole)
            if (word := _FIRST_WORD().match(text, m.end())) and not word.group("val").endswith(":"):
                value = word.group("val").rstrip(".,;")
                if _separated_value(value):
                    yield Span(word.start("val"), word.start("val") + len(value), "credential by name")


# A person's password whose only signs are "-", "_" and "." ("x-4sC-aFW.gH7", "m.fR_ucA0z4uiNa"), where nothing names
# it: digits and both cases, the case changing from lower to upper twice or more in six runs or more, letters that
# pair as no words' do. Identifiers with these signs (MyApp_v2.3.1, kube-system_coredns-5d78c9869d-8xJkq, us-east-1_AbCd12,
# io.k8s.api.core.v1.PodSpec) read as words or change case less; 0 of 18,493 tokens of the catalog, the shared logs and
# pastes, errcat's source and its installed packages' names are taken, and about 4 in 10 such passwords are.
_DOTTED = _lazy(
    r"""(?<![^\s"'`<>()\[\]{},;|\\=:/&])(?=[A-Za-z0-9._-]{0,63}[-_.])(?=[A-Za-z0-9._-]{0,63}\d)"""
    r"""(?=[A-Za-z0-9._-]{0,63}[a-z][A-Z])[A-Za-z0-9][A-Za-z0-9._-]{8,62}[A-Za-z0-9](?![^\s"'`<>()\[\]{},;|\\=:/&])"""
)
_DOTTED_STEPS = 2  # lower-to-upper steps
_DOTTED_RUNS = 6  # runs of upper case, lower case or digits


@functools.lru_cache(maxsize=4096)
def _dotted_password(token: str) -> bool:
    if _MARKED in token or len(_LOWER_THEN_UPPER.findall(token)) < _DOTTED_STEPS:
        return False  # (a version changes case from lower to upper once at most: 5.3.10.RELEASE, 1.0.0-rc.1)
    runs = _CASE_RUNS().findall(token)
    if len(runs) < _DOTTED_RUNS or (max(len(r) for r in runs if r.isalpha()) >= 4 and _reads_as_words(token)):
        return False  # (letters in runs of 3 at most pair too seldom to be read as words: "gMup.6xL4q")
    return not any(_camel_words(p) or _word_like(p) for p in re.split(r"[-_.]", token) if len(p) >= 6)  # (PyQt5.QtWidgets)


_CASE_RUNS = _lazy(r"[A-Z]+|[a-z]+|[0-9]+")


def _dotted_passwords(text: str) -> Iterator[Span]:
    for m in _DOTTED().finditer(text):
        if _dotted_password(m.group()) and not _ID_LABEL().search(text, max(0, m.start() - 56), m.start()):
            yield Span(*m.span(), "random password")


# An access log's user field holding "user:password" (Apache's and nginx's combined format log the user as the client
# sent it): host, ident, user:password, then the bracketed time
_ACCESS_LOG_USER = _lazy(r"^[^\s]{1,256}[ \t][^\s]{1,64}[ \t][^\s:\[]{1,64}:(?P<val>[^\s]{1,256})[ \t]\[\d", re.MULTILINE)


def _access_log_users(text: str) -> Iterator[Span]:
    if " [" in text:
        yield from _grouped(_ACCESS_LOG_USER(), text, "val", "credential by place")


# --- escapes: judge the decoded text, mask the original --------------------------------------------


class _View:
    """A decoded copy of a text, and where each of its characters came from in the original
    (worked out only when a span found in it must be mapped: most views map none)."""

    def __init__(self, text: str, parent: _View | None, offset: int = 0) -> None:
        self.parent = parent
        self.offset = offset  # where in the parent's text (or the original) ``text`` starts
        self.source = text
        self.count = 0

        def one(m: re.Match[str]) -> str:
            self.count += 1
            return _FAST.get(m.group(), "") or _unescaped(m)

        wide = not text.isascii() or "\x00" in text or "\x1b" in text
        self.pattern = _ESCAPE_WIDE() if wide else _ESCAPE()
        if wide and text.isascii() and "\x00" not in text and "\\" not in text and "%" not in text and "&" not in text:
            # only a terminal's colour codes (a coloured log): each run of them dropped at C speed, as _ESCAPE_WIDE
            # drops it with the character after it (the same escapes, mapped back by the same pattern)
            self.text, self.count = _TERMINAL_RUN().subn("", text)
        elif "\\u" in text or "%" in text or "&" in text or wide or _C_ESCAPE().search(text):
            self.text = self.pattern.sub(one, text)
        else:  # only backslash pairs (\\ \" \n \/): undone at C speed, each a character shorter
            self.text = "\\".join(map(_unpaired, text.split("\\\\")))  # an escaped backslash ends a pair
            self.count = len(text) - len(self.text)
        self._map: tuple[array[int], array[int], array[int]] | None = None

    def _escapes(self) -> tuple[array[int], array[int], array[int]]:
        """(decoded index, start, end) of each escape."""
        if self._map is None:
            spans = [m.span() for m in self.pattern.finditer(self.source)]
            start = array("q", [a for a, _ in spans])
            end = array("q", [b for _, b in spans])
            shrink = accumulate((b - a - 1 for a, b in spans), initial=0)
            self._map = array("q", [a - less for a, less in zip(start, shrink, strict=False)]), start, end
        return self._map

    def _local(self, i: int) -> tuple[int, int]:
        """The span of the text decoded that decoded character i came from."""
        at, start, end = self._escapes()
        k = bisect_right(at, i) - 1
        if k >= 0 and at[k] == i:
            return start[k], end[k]
        base = end[k] + (i - at[k] - 1) if k >= 0 else i
        return base, base + 1

    def origin(self, i: int) -> int:
        start = self._local(i)[0] + self.offset
        return self.parent.origin(start) if self.parent else start

    def origin_end(self, j: int) -> int:
        """Where the decoded span ending at j ends in the original text."""
        if j <= 0:
            return self.origin(0)
        end = self._local(j - 1)[1] + self.offset
        return self.parent.origin_end(end) if self.parent else end


def _unpaired(part: str) -> str:
    """A stretch with no escaped backslash in it, its backslash pairs (\\" \\n \\/) undone."""
    if "\\" not in part:
        return part
    for pair, char in _PAIRS:
        part = part.replace(pair, char)
    return part


def _unescaped(m: re.Match[str]) -> str:
    groups: tuple[str, ...] = (*m.groups(), "", "", "")  # _ESCAPE has four groups, _ESCAPE_WIDE seven
    u, simple, pct, entity, space, kept, after_codes = groups[:7]  # the character after a terminal's codes
    if space or kept or after_codes:
        return " " if space else kept or after_codes
    if u:
        return chr(int(u, 16))
    if simple:
        return chr(int(simple, 8)) if simple.isdigit() else _SIMPLE.get(simple, simple)
    if pct:
        return chr(int(pct, 16))
    if entity in _ENTITIES:
        return _ENTITIES[entity]
    code = int(entity[2:], 16) if entity[1:2] in "xX" else int(entity[1:])
    return chr(code) if 0 < code < 0x110000 and not 0xD800 <= code < 0xE000 else "\ufffd"


def _views(text: str, undecoded: list[Span]) -> Iterator[_View]:
    """The text decoded once, twice, three times: each level of escaping undone; past that, only the
    stretch still escaped, to MAX_DEPTH levels (``undecoded`` gets what is still escaped after them)."""
    parent: _View | None = None
    current = text
    budget = len(text) // _DEEP_SHARE  # characters decoded past _DEPTH
    for level in range(MAX_DEPTH):
        found = [i for i in (current.find("\\"), current.find("%"), current.find("&"), current.find("\x1b")) if i >= 0]
        if (
            not found
            and level == 0
            and (not text.isascii() or "\x00" in text or "\x1b" in text)
            and _UNICODE_SPACING().search(text)
        ):
            found = [0]  # a no-break space or an invisible character to undo
        if not found:
            return
        start, end = 0, len(current)
        if level >= _DEPTH:
            start = max(0, min(found) - _WINDOW_MARGIN)
            end = max(current.rfind("\\"), current.rfind("%"), current.rfind("&"), current.rfind("\x1b")) + _WINDOW_MARGIN
            budget -= min(end, len(current)) - start
            if budget < 0 and parent is not None:  # hidden, not judged
                undecoded.append(Span(parent.origin(start), parent.origin_end(min(end, len(current))), "undecoded nesting"))
                return
        view = _View(current[start:end], parent, start)
        if not view.count:
            return
        yield view
        parent, current = view, view.text
    if parent is not None:  # escapes left after MAX_DEPTH levels: hidden, not judged
        undecoded.append(Span(parent.origin(0), parent.origin_end(len(current)), "undecoded nesting"))

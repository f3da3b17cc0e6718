"""Secrets that announce themselves by their format (``sk_live_``, ``AKIA``, JWTs, PEM and PuTTY keys) and the
command lines whose flags take one (curl -u, docker login -p, mysql -p…): one table of rules, each with the public
rule set it follows and the hints that let a text without them skip it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any, NamedTuple

from .. import regex_codes
from .basics import Span, _grouped, _lazy, _lowered, distinct_lines


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
        r"(?:sk|rk|pk)_(?:live|test|prod)_[0-9A-Za-z]{10,247}\b|whsec_[0-9A-Za-z]{16,}\b",
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
    Rule("Atlassian API token", r"ATATT3[A-Za-z0-9_=-]{150,250}", _GITLEAKS + " atlassian-api-token", ("atatt3",)),
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
        r"(?<![^\s'\"+])(?:-u|--user|--proxy-user|-U(?=[\s+]++['\"]?[^\s'\":/]*:(?!//)))(?:[\s+]++|=|(?<=-u)(?=[^\s'\"=+:-]))"
        r"(['\"]?)([^\s'\":]*:[^\s'\"]*)\1",
        "curl manual: -u/--user <user:password>, -U/--proxy-user (a user alone, as docker login -u and mysql -u give it, is no"
        " secret; a W3C or IIS log writes each space as +; a short option's value may be glued to it: -uops:pw)",
        ("-u", "--user", "--proxy-user"),  # (at the line's start too: a flag pasted alone)
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
        r"(?<!xxd)(?<!xxd -r)(?<!xxd -u)[\s'\"+]-(?:[pP]|pass|-pass|AccessToken)(?:[ \t+]+|=)(?!-)"  # (xxd -p: plain, no value)
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
        r"[\s'\"](?:-b|--cookie)(?:\s+|=)(['\"]?)(?!(?:(?:cn|ou|dc|uid|o)=[^\s'\",;]+,){1,16}(?:dc|ou|o)=[^\s'\",;]+(?:[\s'\"]|$))"
        r"([^\s'\"=]{1,256}=[^\s'\"]+)\1",
        "curl manual: -b/--cookie <data|filename> (data holds a '=': the cookie itself; ldapsearch's -b is a search base's"
        " DN, dc=acme,dc=test)",
        (" -b", "\t-b", "'-b", '"-b', "--cookie"),
        2,
    ),
    Rule(
        "password flag",
        r"(?:mysql(?:dump|admin)?|mariadb(?:-dump|-admin)?)[ \t'\"\x00](?:[^\n|;&]{0,256}?[ \t'\"\x00])?-p(?![\s=])(['\"]?)"
        r"([^\s'\"\x00]+)\1",
        "MySQL manual: --password[=password], -p[password] (no space: -P is the port); as strace's argv and"
        " /proc/<pid>/cmdline show it too (quoted items, NUL separators)",
        ("mysql", "mariadb"),
        2,
    ),
    Rule(
        "password flag",
        r"(?:sqlcmd|bcp|isql)[ \t'\"\x00](?:[^\n|;&]{0,256}?[ \t'\"\x00])?-P(?![\s=])(['\"]?)([^\s'\"\x00]+)\1",
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
        "password flag",  # (the tool's name cut off: ldap_bind's error line echoing the flags, a wrapper's)
        r"[ \t]-D[ \t]+(?:\"[^\"\n]{0,256}[=@\\][^\"\n]{0,256}\"|'[^'\n]{0,256}[=@\\][^'\n]{0,256}'"
        r"|[^\s'\"=@\\]{0,256}[=@\\][^\s'\"]{0,256})(?:[ \t]+-[A-Za-vx-z](?:[ \t]+[^\s-][^\s]{0,255})?){0,4}"
        r"[ \t]+-w[ \t]+(['\"]?)((?<=['\"])[^'\"\n]{1,256}|[^\s'\"]{1,256})\1",
        "OpenLDAP ldapsearch/ldapmodify/ldapwhoami: -D binddn (a DN, user@domain or DOMAIN\\user) -w passwd",
        (" -D", "\t-D"),
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
        r"snmp[a-z]{2,12}[ \t][^\n|;&]{0,512}?[ \t]-A[ \t]*(['\"]?)((?<=['\"])[^'\"\n]{1,256}|[^\s'\"]{1,256})\1",
        "Net-SNMP snmpcmd(1): -A authentication passphrase (SNMPv3)",
        ("snmp",),
        2,
    ),
    Rule(
        "password flag",
        r"snmp[a-z]{2,12}[ \t][^\n|;&]{0,512}?[ \t]-X[ \t]*(['\"]?)((?<=['\"])[^'\"\n]{1,256}|[^\s'\"]{1,256})\1",
        "Net-SNMP snmpcmd(1): -X privacy passphrase (SNMPv3)",
        ("snmp",),
        2,
    ),
    Rule(
        "password flag",
        r"schtasks(?:\.exe)?(?:[ \t][^\n|&]{0,512}?)?[ \t]/r?p[ \t]+(['\"]?)((?<=['\"])[^'\"\n]{1,256}|[^\s'\"/][^\s'\"]*+)\1",
        "schtasks /create … /ru user /rp password, schtasks /query /s system /u user /p password (any flags before, quoted"
        " values with spaces among them)",
        ("schtasks",),
        2,
        re.IGNORECASE,
    ),
    Rule(
        "password flag",
        r"sqlplus[ \t]+(?:-[A-Za-z]+[ \t]+){0,3}['\"]?[^\s/@'\"]{1,128}/(\"[^\"\r\n]{1,256}\"|[^\s@'\"]+)",
        "SQL*Plus: sqlplus [options] username/password[@connect_identifier]",
        ("sqlplus",),
        1,
    ),
    Rule(
        "password flag",
        r"(?<![\w.-])(?:expdp|impdp|exp|imp|sqlldr|rman|dgmgrl)[ \t]+(?:(?:userid|target|auxiliary|catalog)[ \t]*(?:=[ \t]*)?)?"
        r"['\"]?[A-Za-z][^\s/@'\"=]{0,127}/([^\s@'\"]+)",
        "Oracle Data Pump, Export/Import, SQL*Loader, RMAN, DGMGRL: the same username/password[@connect_identifier] as"
        " sqlplus (expdp ops/… directory=…, sqlldr userid=ops/…, rman target sys/…@orcl)",
        ("expdp", "impdp", "exp ", "imp ", "sqlldr", "rman", "dgmgrl"),
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
        r"net[ \t]+use(?:[ \t]+(?!/u(?:ser)?:)[^\s]{1,256}){0,4}+[ \t]+/u(?:ser)?:[^\s]{1,128}[ \t]+"
        r"(['\"]?)([^\s'\"/*][^\s'\"]*)\1",
        "net use \\\\server\\share /user:[domain\\]user password (or /u:, the switch's prefix)",
        ("net use",),
        2,
        re.IGNORECASE,
    ),
    Rule(
        "password on stdin",
        r"(?:echo|printf)[ \t]+(?:-[ne][ \t]+)?(?:(?:'%s(?:\\n)?'|\"%s(?:\\n)?\"|%s(?:\\n)?)[ \t]+)?(['\"]?)([^\s'\"|]{1,256})\1"
        r"[ \t]*\|[ \t]*[^\n|]{0,256}?(?:--password-stdin|--passwd-on-stdin|chpasswd|passwd[ \t]+--stdin|secret[ \t]+create"
        r"|sudo[ \t]+(?:-[A-Za-z]+[ \t]+)*-[A-Za-z]*S|runas[ \t]|kinit[ \t])",
        "docker login --password-stdin, openconnect --passwd-on-stdin, chpasswd(8), passwd --stdin, docker secret"
        " create NAME -, sudo -S (sudo(8): the password read from standard input), runas, kinit: the text echoed (or"
        " printf '%s\\n'-ed) into the pipe is the password",
        ("--password-stdin", "--passwd-on-stdin", "chpasswd", "--stdin", "secret create", "sudo", "runas", "kinit"),
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
        r"wpa_passphrase[ \t]+(?:\"[^\"\n]{1,64}\"|'[^'\n]{1,64}'|[^\s'\"]{1,64})[ \t]+"
        r"(['\"])?((?(1)[^'\"\n]{1,63}|[^\s'\"<\[][^\s'\"]{0,62}))(?(1)\1)",  # (a quoted passphrase may hold spaces)
        "wpa_passphrase(8): wpa_passphrase ssid passphrase (the passphrase on the command line)",
        ("wpa_passphrase",),
        2,
    ),
    Rule(
        "password in an SMTP or IMAP exchange",
        r"^(?:[SC]:[ \t]*)?(?:334|\+)[ \t]+[Uc]GFzc3dvcmQ6[ \t]*\r?\n"  # base64 of "Password:" or "password:"
        r"(?:[SC]:[ \t]*)?([A-Za-z0-9+/]{2,}={0,2})[ \t]*\r?$",
        "RFC 4954 (SMTP AUTH) and RFC 9051 (IMAP AUTHENTICATE) with the LOGIN mechanism: the server's base64 prompt"
        ' "Password:" (334 UGFzc3dvcmQ6, + UGFzc3dvcmQ6), then the client\'s base64 line is the password',
        ("ugfzc3dvcmq6", "cgfzc3dvcmq6"),
        1,
        re.MULTILINE,
    ),
    Rule(
        "password in an FTP or POP3 exchange",
        r"^(?:[<>][ \t]|--->[ \t]|[CS]:[ \t]*)?PASS[ ]([^\s/]{1,256})[ \t]*\r?$",
        "RFC 959 (FTP) and RFC 1939 (POP3): PASS <SP> password, a line of its own (as ftp -d, curl -v and a server's"
        " log print it; a test runner's PASS line names a path)",
        ("PASS",),
        1,
        re.MULTILINE,
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
        r"^(?:[SC]:|[<>])?[ \t]{0,8}[A-Za-z]{1,8}\d{1,6}[ \t]+login[ \t]+(?:\"[^\"\n]{1,128}\"|[^\s\"]{1,128})[ \t]+"
        r"(\"?)([^\s\"]+)\1[ \t]*\r?$",
        "RFC 9051 section 6.2.3 again: commands are case-insensitive, so a client may send tag login userid password in"
        " lower case (a line of its own, the tag letters then digits: a1, a001; not a count, 3 login attempts failed)",
        (" login ",),
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
        r"jdbc:oracle:(?:thin|oci):([^\s/@:'\"]{1,128})/(\"[^\"\r\n]{1,256}\"|[^\s@'\"]{1,256})@",
        "Oracle JDBC: jdbc:oracle:thin:user/password@host:port/service (a password with signs in double quotes:"
        ' user/"p@ss"@host)',
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
        "password flag",
        r"radtest[ \t]+(?:-[tP][ \t]+[^\s]{1,32}[ \t]+|-[46x][ \t]+){0,5}"
        r"(?!-)(?:'[^'\n]{1,128}'|\"[^\"\n]{1,128}\"|[^\s'\"]{1,128})[ \t]+(['\"]?)([^\s'\"]+)\1",
        "FreeRADIUS radtest [-t type] [-P protocol] [-x] [-4|-6] user password radius-server[:port] nas-port-number secret",
        ("radtest",),
        2,
    ),
    Rule(
        "password flag",
        r"nickserv[ \t:,]{1,4}identify[ \t]+(?:[^\s]{1,64}[ \t]+)?([^\s]+)[ \t]*\r?$",
        "IRC services (Atheme, Anope): /msg NickServ IDENTIFY [account] password (the password last on its line)",
        ("identify",),
        1,
        re.IGNORECASE | re.MULTILINE,
    ),
    Rule(
        "password flag",
        r"security[ \t]+add-(?:generic|internet)-password\b[^\n]{0,512}?[ \t]-w[ \t]+(['\"]?)([^\s'\"]+)\1",
        "macOS security(1) add-generic-password|add-internet-password [-a account] [-s service] -w password",
        ("-password",),
        2,
    ),
    Rule(
        "password flag",
        r"consul[ \t]+kv[ \t]+put[ \t]+(?:-[^\s]{1,64}[ \t]+){0,8}(?!-)(?=[^\s]{0,256}?(?:pass|pwd|secret|token|key|cred|auth))"
        r"[^\s]{1,256}[ \t]+(['\"]?)([^\s'\"@-][^\s'\"]*)\1",
        "Consul CLI: consul kv put [options] KEY [DATA] (the data stored under a key naming a credential; @file and - read it)",
        ("kv put",),
        2,
        re.IGNORECASE,
    ),
    Rule(
        "password flag",
        r"plain-text-password-value[ \t]+(['\"]?)([^\s'\"]+)\1",
        "Junos OS: set system root-authentication plain-text-password-value password (and login user authentication)",
        ("plain-text-password-value",),
        2,
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
        "curl credentials",
        r"curlopt_(?:proxy)?userpwd[ \t]*(?:,|=>)[ \t]*(['\"])[^'\":\r\n]{0,128}:([^'\"\r\n]{1,256})\1",
        'libcurl: CURLOPT_USERPWD and CURLOPT_PROXYUSERPWD, "user:password" (curl_easy_setopt, PHP\'s curl_setopt and'
        " curl_setopt_array's CURLOPT_USERPWD => '…')",
        ("curlopt_",),
        2,
        re.IGNORECASE,
    ),
    Rule(
        "password flag",
        r"snmp-server[ \t]+community[ \t]+([^\s]+)",
        "Cisco IOS: snmp-server community string [view view-name] [ro | rw] [acl] (the community string is the password)",
        ("snmp-server",),
        1,
    ),
    Rule(
        "password flag",
        r"(?:snmp[ \t]+community(?:[ \t]+string)?[ \t]*[:=]?[ \t]*|community[ \t]+(?:string|name)[ \t]*[:=][ \t]*"
        r"|(?<![\w-])community[\"']?[ \t]*[:=][ \t]*(?=['\"]?[^\s'\",;}\]]{1,128}['\"]?[ \t]*(?:[,;}\]\r\n]|\Z)))"
        r"(['\"]?)([^\s'\"]{1,128})\1",
        "SNMP's community string named in words or in a device's configuration (Junos' set snmp community <name>; a"
        ' note\'s "community string: <value>"; snmp_exporter\'s and Telegraf\'s "community: <value>", the value alone'
        " to its line's end): the community string is the password",
        ("community",),
        2,
        re.IGNORECASE,
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
        r"identified[ \t]+(?:with[ \t]+\w{1,64}[ \t]+)?by[ \t]+(?:password[ \t]+|values[ \t]+)?"
        r"(['\"])((?:(?!\1)[^\\\n]|\\.|\1\1){1,512})\1",
        "MySQL CREATE/ALTER USER ... IDENTIFIED [WITH plugin] BY 'auth_string'; Oracle CREATE USER ... IDENTIFIED BY "
        "(and BY VALUES 'verifier': the password's hash, as good as the password; MySQL's string in double quotes too)",
        ("identified",),
        2,
        re.IGNORECASE,
    ),
    Rule(  # (Oracle's password is an identifier: bare or in double quotes; the user's name before it says it is SQL's)
        "password in SQL",
        r"""(?<![\w.-])(?:user|role|to)[ \t]+["\w$#.@%']{1,128}[ \t]+identified[ \t]+by[ \t]+(?!(?:values|random|password)\b)"""
        r"""(")?((?(1)[^"\n]{1,512}|[^\s;'"]{1,512}))(?(1)")""",
        "Oracle CREATE/ALTER USER user IDENTIFIED BY password, GRANT ... TO user IDENTIFIED BY, "
        "CREATE DATABASE LINK ... CONNECT TO user IDENTIFIED BY password (a quoted identifier or a bare one)",
        ("identified",),
        2,
        re.IGNORECASE,
    ),
    Rule(
        "password in SQL",
        r"sp_addlogin[ \t]+(?:@loginame[ \t]*=[ \t]*)?N?'[^'\n]{0,128}'[ \t]*,[ \t]*(?:@passwd[ \t]*=[ \t]*)?N?'([^'\n]{1,256})'",
        "SQL Server: sp_addlogin 'login', 'password'",
        ("sp_addlogin",),
        1,
        re.IGNORECASE,
    ),
    Rule(
        "password in SQL",
        r"sp_password[ \t]+(?:@old[ \t]*=[ \t]*)?(?:NULL|N?'[^'\n]{0,256}')[ \t]*,"
        r"[ \t]*(?:@new[ \t]*=[ \t]*)?N?'([^'\n]{1,256})'",
        "SQL Server: sp_password 'old_password', 'new_password', 'login' (the new password)",
        ("sp_password",),
        1,
        re.IGNORECASE,
    ),
    Rule(
        "password in SQL",
        r"sp_password[ \t]+(?:@old[ \t]*=[ \t]*)?N?'([^'\n]{1,256})'",
        "SQL Server: sp_password 'old_password', 'new_password', 'login' (the old password)",
        ("sp_password",),
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
        "SASL initial response",
        r"AUTH(?:ENTICATE)?[ \t]+(?:PLAIN|LOGIN|XOAUTH2|OAUTHBEARER)[ \t]+([A-Za-z0-9+/]{4,}={0,2})(?![\w+/=@.])",
        "RFC 4954 (SMTP AUTH), RFC 3501 (IMAP AUTHENTICATE), RFC 4616 (PLAIN): base64 of the user and password",
        ("AUTH",),
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


_LOWER_HINTS = frozenset(h for _, lower, _ in _HINTS for h in lower)
_CASED_HINTS = frozenset(h for _, _, cased in _HINTS for h in cased)
_ANY_LOWER_HINT = _lazy(_any_of(set(_LOWER_HINTS)))
_ANY_CASED_HINT = _lazy(_any_of(set(_CASED_HINTS)))


@lru_cache(maxsize=1024)
def _around(found: str, hints: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The hints inside a hint the one scan found, and those the scan may have stepped over where it found it (which
    at each place takes the shortest hint starting there, then goes on past it): those it starts ("-pass" after "-p"),
    and those that may start inside it (an end of it is the start of them: "sig=" then "=…"). Worked out for a hint
    when it is first found: for all 170 at import, it took every process 30 ms (an explain's start-up)."""
    inside = frozenset(h for h in hints if h in found)
    stepped = frozenset(h for h in hints if h != found and any(h.startswith(found[k:]) for k in range(len(found))))
    return inside, stepped


def present_hints(hay: str, any_hint: re.Pattern[str], hints: frozenset[str]) -> set[str]:
    """The hints that occur in ``hay``, told by one scan (``any_hint``): those it found, those inside what it found,
    and those it may have stepped over where it found one, looked for one by one. (Looking for each of 170 hints in
    2 MB was a quarter of the gate's time.)"""
    found = set(any_hint.findall(hay))
    out: set[str] = set()
    maybe: set[str] = set()
    for g in found:
        inside, stepped = _around(g, hints)
        out |= inside
        maybe |= stepped
    out.update(h for h in maybe - out if h in hay)
    return out


def format_hinted(text: str) -> bool:
    """Whether ``text`` holds a hint of any format rule (a token's prefix, a flag that takes a secret): one scan for
    each case. For a caller that screens only what may hold a credential (Sentry's logs): a word list of its own
    missed the formats (a Stripe, GitHub or Slack key in a log naming no credential went out as logged, review18)."""
    return _ANY_LOWER_HINT().search(text.lower()) is not None or _ANY_CASED_HINT().search(text) is not None


_PRIVATE_KEY = _lazy(r"-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----")
_PRIVATE_KEY_END = _lazy(r"-----END[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----")
_KEY_BODY = _lazy(r"[A-Za-z0-9+/=\s:,-]{0,20000}")


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
    probe = distinct_lines(text)  # (no hint spans lines: each line is searched once)
    low = _lowered(probe)
    lower_found = present_hints(low, _ANY_LOWER_HINT(), _LOWER_HINTS)
    cased_found = present_hints(probe, _ANY_CASED_HINT(), _CASED_HINTS)
    if not (lower_found or cased_found):
        return  # most log records: one pass each instead of a check per rule
    for rule, lower, cased in _HINTS:
        if not lower_found.isdisjoint(lower) or not cased_found.isdisjoint(cased):
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

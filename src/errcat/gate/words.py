"""The vocabulary of credential names, in the languages and spellings users write them (password, senha,
пaроль, 密码…), the needles every such name holds (found at C speed), and the names that say their
value is not the credential itself (token_type, auth_url). Every pass that reads a name asks these."""

from __future__ import annotations

import re

from .basics import _lazy

# A name holds a credential when one of these is in it, whatever the syntax and case
# (aws_secret_access_key, X-Auth-Token, clientSecret, db_password, x-myobapi-cftoken, INVOICEXPRESS_KEY).
# Alternatives grouped by first letter, so re skips to candidate positions at C speed.
_CREDENTIAL_WORD = (
    r"s(?:ecret|ession|ignature|ecurestring|ig\b|as\b|essid|alas(?:ana|\u00f5na|ona)|ifre\b|enha|lapta(?:z|\u017e)odis)"
    r"|token"  # PHPSESSID
    r"|p(?:assw(?:or)?d|assphrase|asswd|wd|rivate[_-]?key|ass\b|in\b|ass(?:code|wort|ord|e\b)|word|swd|sw\b|sk\b|arol(?:[ae]|\u0103)\b|arool\b)"
    r"|a(?:pi[_-]?key|pikey|ccess[_-]?key|ccount[_-]?key|uth(?!or(?!i[sz]))|dgangskode)"  # not an author (authorMacBook-Pro)
    r"|c(?:redential|red\b|ookie|ode[_-]?verifier|ontras(?:e(?:n|\u00f1|ny)a|inal)|l\u00e9[_ -]?(?:api|secr)"
    r"|(?:have|lave)[_ -]?(?:d[aeo][_ -])?(?:api|acceso|acesso)|(?<!palavra[- ]c)have\b|lave\b|hiave[_ -]?(?:api|segreta|d))"
    r"|k(?:ennwort|ata[_ -]?(?:sandi|laluan)|\u03c9\u03b4ik(?:\u03cc|o)\u03c2|ontrasenya)|wa(?:cht|g)woord"
    r"|l(?:(?:\u00f6|o)senord|ozinka|ykilor(?:\u00f0|d))"
    r"|h(?:as(?:\u0142|l)o|eslo)\b|j(?:elsz(?:o|\u00f3)|eton\b)|ge(?:slo|heim)\b|m(?:yobapi-key|\u1eadt[_ ]?kh\u1ea9u|dp\b)"
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
# (French mot_de_passe holds "pass"); pword, pswd, psw. Each alternative starts with a literal, grouped by its first letter
# (no new first letter): a character class or a look-behind first would make every search for a word 2 x slower.
# Substrings one of which every credential word holds: text without any skips the name pass.
_NEEDLES = (
    "secret", "token", "pass", "pw", "key", "bearer", "auth", "credential", "signature", "session", "cookie", "verifier",
    "sig", "pin", "psk", "cred=", "cred:", "cred\"",  # (never "cred" alone: every "credit" would hold it)
    "sas", "securestring", "senha", "contrase", "kennwort",
    "wachtwoord", "senord", "has\u0142o", "haslo", "salasana", "adgangskode", "heslo", "ifre", "apo\u043b\u044c",
    "\u30d1\u30b9\u30ef\u30fc\u30c9", "\u5bc6\u7801", "\u6697\u8a3c\u756a\u53f7", "pword", "psw", "sessid",
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
    # French's token (jeton d'acc\u00e8s) and password (mdp: mot de passe)
    "jeton", "mdp",
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
# ...unless the name says the value is not the credential itself (token_type, auth_url, expires_in).
_NOT_A_VALUE_REGEX = (
    r"(?:url|uri|endpoint|host|path|type|method|scope|expires(?:_?in)?|expiry|ttl|name|format|version|mode|hint|header"
    r"|length|count|enabled|required|_id_type|status|error|failure|failed|provider|strategy|policy|exception|expired|invalid"
    r"|authori[sz]ed|authori[sz]ation_code"
    # a server's challenge (WWW-Authenticate: Bearer realm="api", error="invalid_token"): a scheme and its parameters
    r"|authenticate"
    # OAuth 1.0a's problem report (oauth_problem=token_expired&oauth_problem_advice=...): what went wrong, in words
    r"|problem|problem_advice"
    # where the value is read from (--password-stdin, TOKEN_FILE=/run/secrets/t), and a class or a thread named for
    # what it handles (ZooKeeper's "[SessionTracker:ZooKeeperServer@325]", SessionManager, TokenProcessor)
    r"|stdin|file|tracker|manager|handler|listener|factory|processor|thread|executor|scheduler|monitor"
    # a key that names a record, a message or a translation, not a credential (lexoffice's "i18nKey":"invalid_value",
    # a table's foreign_key, a queue's routingKey, an S3 object key, an Idempotency-Key). Not "primary": Azure's
    # subscription keys are a "primaryKey" and a "secondaryKey" (API Management's listSecrets, 32 hex digits)
    r"|(?:i18n|message|translation|sort|foreign|partition|routing|cache|lookup|row|object|idempotency)[_-]?key"
    # a name that goes on to say it is an error (Intuit's "AuthenticationErrorGeneral: SRV-110-..."), or that the call
    # was refused (pyactiveresource's "UnauthorizedAccess: Response(code=401, ...)")
    r"|(?:error|failure|exception)[a-z_]{0,24}|unauthori[sz]ed[_-]?(?:access|request|response|operation))s?$"
)
_NOT_A_VALUE = _lazy(_NOT_A_VALUE_REGEX, re.IGNORECASE)
_NOT_A_VALUE_LOWER = _lazy(_NOT_A_VALUE_REGEX)  # on an ASCII name lowered: 3 x faster than IGNORECASE's search


def _not_a_value(name: str) -> bool:
    """Whether a name says its value is not the credential itself (see _NOT_A_VALUE): _named asks it of
    every name, tens of thousands in a 2 MB log (an ASCII name is lowered first: the same answer)."""
    if name.isascii():
        return _NOT_A_VALUE_LOWER().search(name.lower()) is not None
    return _NOT_A_VALUE().search(name) is not None


_IN_NAME = _lazy(_CREDENTIAL_WORD)


# the word before a "key" that makes it a credential's, whatever its value reads as ("API key: …", "license key …");
# without one a "key" may hold an attribute's name (see named._pair_name)
_KEY_QUALIFIER = _lazy(
    r"(?:api|access|secret|private|licen[cs]e|signing|encryption|master|auth|client|subscription|account|app|application"
    r"|service|developer|consumer|shared|session|ssh|gpg|pgp|product|activation|serial|registration|my|your|our|the|new)"
    r"[\\\"' \t]{1,4}\Z"
)


def qualified_key(low: str, at: int) -> bool:
    """Whether the word before the "key" at ``at`` (in the text lowered) makes it a credential's: "API key", "your key"."""
    return _KEY_QUALIFIER().search(low, max(0, at - 24), at) is not None


# a password's or a secret's word on a "key"'s line: its dotted value is then the password ("the service password,
# key: winter.ledger"), not an attribute's name
_SECRET_SAID = _lazy(r"(?<![a-z])(?:passw(?:or)?d|passphrase|passcode|pwd|secret)")


def secret_on_line(low: str, at: int) -> bool:
    """Whether the line of the "key" at ``at`` (in the text lowered) speaks of a password or a secret."""
    start, end = low.rfind("\n", 0, at) + 1, low.find("\n", at)
    return _SECRET_SAID().search(low, start, len(low) if end < 0 else end) is not None


# A test runner's verdict, not a credential's name: Go's "--- PASS: TestX (0.00s)" (indented for a subtest), Jest's
# " PASS  src/app.test.js" (two spaces): the name that follows is a test's or a file's, which a CI log pasted whole shows.
_TEST_VERDICT = _lazy(r"[ \t]*(?:--- PASS: (?:Test|Example|Benchmark|Fuzz)[A-Za-z0-9_]|PASS  \S{1,200}?\.[cm]?[jt]sx?(?:\s|$))")


def runner_verdict(text: str, at: int) -> bool:
    """Whether the PASS at ``at`` in ``text`` (its original case) starts a test runner's verdict line."""
    if text[at : at + 4] != "PASS":
        return False
    line_start = text.rfind("\n", 0, at) + 1
    head = text[line_start:at]
    return head.strip(" \t") in ("", "---") and _TEST_VERDICT().match(text, line_start) is not None

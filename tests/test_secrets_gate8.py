"""Round 8 of the exit gate: random keys of letters and digits that read as "words run together", and
identifiers of real source the gate hid as keys. Every secret is made up (drawn at random); no key is real."""

from __future__ import annotations

import base64
import importlib
import random
import string
import sys

import pytest

from errcat.gate import screen, shown

rnd = random.Random(2026)
_ALNUM = string.ascii_letters + string.digits


def _keys() -> list[str]:
    """Keys as a judge draws them: random.choices of letters and digits, token_urlsafe's base64, letters
    alone, lower-case letters and digits; 16 to 64 characters."""
    keys = []
    for _ in range(1500):
        n = rnd.randint(16, 64)
        keys.append("".join(rnd.choices(_ALNUM, k=n)))
        keys.append(base64.urlsafe_b64encode(rnd.randbytes(48)).decode()[:n])
        keys.append("".join(rnd.choices(string.ascii_letters, k=n)))
        keys.append("".join(rnd.choices(string.ascii_lowercase + string.digits, k=n)))
    return keys


def test_random_keys_are_hidden_whatever_stands_beside_them() -> None:
    """Of 6,000 random keys with no name before them, the gate used to show 238 (their letters ran in
    long runs, read as words run together); a word's letters pair as random letters do not."""
    keys = _keys()
    leaked = [k for k in keys if k in screen(f"worker stopped near {k} after a retry").text]
    assert len(leaked) <= 8, leaked[:10]


@pytest.mark.parametrize(
    "name",
    [
        "TLS_AES_256_GCM_SHA384",  # a cipher suite (moto's elbv2/ssl_policies.py; any TLS handshake log)
        "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
        "PKCS5_PBKDF2_HMAC",  # OpenSSL's function, named in CPython's Lib/hashlib.py
        "is_likely_utf16be",  # chardet's utf1632prober.py
        "msvc14_get_vc_env",  # setuptools' msvc.py
        "openssl_pkcs12_export_to_file",
        "cryptography_has_psk_tlsv13",
        "getJavaIoTmpDirPath",  # Apache Commons Lang's SystemUtils.java
        "SimpleXMLRPCServer",
        "HttplibHTTPResponse",
        "passthroughBehavior",
    ],
)
def test_identifiers_of_real_source_stay_readable(name: str) -> None:
    text = f"AttributeError: module has no attribute {name} (see {name})"
    assert shown(text) == text


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_no_name_of_the_standard_library_is_hidden() -> None:
    """Every name of 16 characters or more that Python's standard library modules and their classes define
    (about 2,000) is read as words, never as a key."""
    names: set[str] = set()
    for module_name in sorted(sys.stdlib_module_names):
        if module_name.startswith("_") or module_name in ("antigravity", "this", "idlelib", "turtledemo", "tkinter"):
            continue
        try:
            module = importlib.import_module(module_name)
        except Exception:  # a module this platform lacks
            continue
        for name in dir(module):
            names.add(name)
            if isinstance(obj := getattr(module, name, None), type):
                names.update(dir(obj))
    long_names = sorted(n for n in names if len(n) >= 16)
    assert len(long_names) > 1500
    hidden = [n for n in long_names if shown(n) != n]
    assert hidden == []


PW = "KangarooRain4716!"  # a person's password: words and digits, no randomness to find it by


@pytest.mark.parametrize(
    "text",
    [
        # RFC 2231's extended parameter value (a MIME header's charset'language'value, percent-encoded), whole or cut
        "Content-Disposition: attachment; password*=UTF-8''KangarooRain4716%21",
        "Content-Type: application/x-ledger; password*0*=utf-8'en'KangarooRain4716%21",
        # a table of names and values (a settings dump drawn as Markdown)
        f"| Key | Value |\n|-----|-------|\n| host | db.acme.example |\n| password | {PW} |",
        f"| key | value |\n|---|---|\n| password | `{PW}` |",
        # the name in Romanian, Estonian, Tagalog, Afrikaans and Croatian
        f"parol\u0103: {PW}",
        f"parool={PW}",
        f"kontrasenya: {PW}",
        f"wagwoord={PW}",
        f"\u0161ifra: {PW}",
        f"clave: {PW}",  # Spanish: the key, or the password
        # a quote doubled inside YAML's (and SQL's) single quotes; bash's $'…' quoting
        f"password: 'Kanga''{PW}'",
        f"export DB_PASSWORD=$'{PW}'",
    ],
)
def test_a_named_password_is_hidden(text: str) -> None:
    assert "KangarooRain4716" not in screen(text).text


def test_what_stands_beside_a_hidden_value_stays_readable() -> None:
    """A table's names, the other rows' values and a MIME header's other parameters are no secret."""
    table = f"| Key | Value |\n|-----|-------|\n| host | db.acme.example |\n| password | {PW} |"
    assert shown(table) == table.replace(PW, "[REDACTED]")  # (the name "password" was hidden as a key's value)
    header = "Content-Disposition: attachment; filename*=UTF-8''invoice%20INV-00042.pdf"
    assert shown(header) == header
    sql = "INSERT INTO notes (body, author) VALUES ('it''s due', 'sync')"
    assert shown(sql) == sql
    assert shown("Clave de producto no v\u00e1lida") == "Clave de producto no v\u00e1lida"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a property list: the key's text is a name (shown), the element after it the value
        (
            f"<dict>\n\t<key>Password</key>\n\t<string>{PW}</string>\n\t<key>CFBundleName</key>\n\t<string>Ledger</string>",
            "CFBundleName",
        ),
        # kubectl describe configmap: the key, a rule, the value to a blank line
        (f"Data\n====\nDB_PASSWORD:\n----\n{PW}\n\nDB_HOST:\n----\ndb.acme.example\n", "db.acme.example"),
    ],
)
def test_a_value_after_its_name_in_a_dump_is_hidden(text: str, kept: str) -> None:
    out = screen(text).text
    assert "KangarooRain4716" not in out
    assert kept in out


# URLs with user-info of every shape the per-URL search reads (a token alone, user:password, a raw "@",
# a console's newline before "://", an actor system's name, an already marked one), and decoys
_URL_LINES = [
    "GET https://svc_user:Qm9vbGVhbjEyMw9x@api.example.net/v1/items",
    "proxy=http://ghp_16C7e42F292c6912E7710c838347Ae178B4a@proxy.local:3128",
    "remote: https://oauth2:glpat-Xy3kP9Lm2Qw8Rt5Vz1Nc@gitlab.example.com/grp/repo.git",
    "amqp://guest:Zx8Lq2Wm9Pt4Rv7N@rabbit:5672/vhost",
    "wrapped: https\n://deploy:Hk3Jd9Lq2Wm8Pt5R@host.example.org/path",
    "akka.tcp://sparkExecutorActorSystem@10.0.0.5:41234/user/Executor",
    "spark://CoarseGrainedScheduler@10.0.0.7:7077",
    "already: https://[REDACTED]@host.example.org/",
    "a very long run aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa://u:Vb7Nq2Lx9Mw4Pz8K@host/",
    "no user-info: https://host.example.org/path?q=1 and mailto:ops@example.org",
]


def test_urls_all_along_are_masked_as_each_url_alone_is():
    """Where a text holds URLs all along (over 256 "://" in its first 64 KiB) one pass of the pattern reads
    them, where each is otherwise read from its "://" (2 MiB of "https://u:p@" took 1.2 s a step at a time):
    the same values hidden either way."""
    alone = [screen(line).text for line in _URL_LINES]
    together = screen("\n".join(_URL_LINES * 30)).text
    assert together == "\n".join(alone * 30)
    assert "Qm9vbGVhbjEyMw9x" not in together and "sparkExecutorActorSystem" in together

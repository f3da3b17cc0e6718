"""Round 7 of the exit gate: shapes an adversarial round found leaking (names in more languages and in
enclosed or modifier letters, HTML5's named entities and C's escapes, commands and consoles that take a
password by position, base32 tokens), each hidden, and the text around them left readable. Every secret is
made up in the shape its kind takes; none is real."""

from __future__ import annotations

import json
import random

import pytest
from typer.testing import CliRunner

from cputime import assert_grows_at_most
from errcat.cli import app
from errcat.gate import _ESCAPE_WIDE, _unescaped, _View, screen, shown_line

PW = "KangarooRain4716!"  # a person's password: words and digits, no randomness to find it by


@pytest.mark.parametrize(
    "text",
    [
        # the name in Catalan, Galician, Bulgarian, Serbian, Latvian, Estonian, Icelandic, Hindi, Thai, Persian,
        # Malay, French, Italian and Dutch
        f"contrasenya: {PW}",
        f"contrasinal={PW}",
        f"\u043f\u0430\u0440\u043e\u043b\u0430: {PW}",
        f"\u043b\u043e\u0437\u0438\u043d\u043a\u0430={PW}",
        f"parole={PW}",
        f"salas\u00f5na: {PW}",
        f"lykilor\u00f0={PW}",
        f"\u092a\u093e\u0938\u0935\u0930\u094d\u0921: {PW}",
        f"\u0e23\u0e2b\u0e31\u0e2a\u0e1c\u0e48\u0e32\u0e19: {PW}",
        f"\u0631\u0645\u0632 \u0639\u0628\u0648\u0631: {PW}",
        f"kata_laluan={PW}",
        f"cl\u00e9_secr\u00e8te={PW}",  # the rest of a name in accented letters
        f"chiave_api={PW}",
        f"geheim: {PW}",
        # a name in circled, parenthesized and modifier (superscript) letters
        f"\u24df\u24d0\u24e2\u24e2\u24e6\u24de\u24e1\u24d3={PW}",
        f"\u24ab\u249c\u24ae\u24ae\u24b2\u24aa\u24ad\u249f: {PW}",
        f"\u1d56\u1d43\u02e2\u02e2\u02b7\u1d52\u02b3\u1d48={PW}",
        # HTML5's named entities, C's \x and strace's octal escapes between name and value
        f"password&equals;{PW}",
        f"password&colon; {PW}",
        f"{{\\x22password\\x22:\\x22{PW}\\x22}}",
        f'write(3, "password\\075{PW}\\n", 24) = 24',
        # a password given by position to a command or at a console's prompt
        f"net user sync {PW} /add /domain",
        f"openssl enc -aes-256-cbc -salt -in a.txt -out a.enc -k {PW}",
        f'dotnet user-secrets set "ConnectionStrings:Password" "{PW}"',
        f"ACL SETUSER sync on >{PW} ~* +@all",
        f"rabbitmqctl add_user sync {PW}",
        f"rabbitmqctl change_password sync {PW}",
        f"addauth digest sync:{PW}",
        f"db2 connect to ledger user sync using {PW}",
        f"CONNECT TO 'ledger' USER 'sync' USING '{PW}'",
        f"SQL> connect sync/{PW}@ledger",
        f"jdbc:oracle:thin:sync/{PW}@db.acme.example:1521/ledger",
        f"isql -Usync -P{PW} -SLEDGER",
        f"echo {PW}| runas /user:acme\\sync cmd",
        f'echo "{PW}" | sudo -S systemctl restart ledger',
        f"mysql -u sync --password <<< '{PW}'",
        f"ftp> user sync {PW}",
        f'(gdb) p *cfg\n$1 = {{user = 0x5555 "sync", password = 0x5566 "{PW}"}}',
        f'(const char *) password = 0x0000000100003f8e "{PW}"',
        f"(Pdb) p password\n'{PW}'",
        f'iex(1)> System.get_env("DB_PASSWORD")\n"{PW}"',
        f'jshell> System.getenv("DB_PASSWORD")\n$1 ==> "{PW}"',
        f'user=> (System/getenv "DB_PASSWORD")\n"{PW}"',
        f"  DB<1> p $password\n{PW}",
        f"ledger=> \\echo :db_password\n{PW}",
        # a header a browser's WebSocket carries its token in, a multipart part whose name is not quoted, a CSV
        # whose header is quoted, a .properties value continued on the next line
        f"Sec-WebSocket-Protocol: access_token, {PW}",
        f"--b\r\nContent-Disposition: form-data; name=password\r\n\r\n{PW}\r\n--b--",
        f'"user","password","role"\n"sync","{PW}","admin"',
        f"db.password={PW[:6]}\\\n    {PW[6:]}\nnext=1",
    ],
)
def test_round_7_shapes_are_hidden(text):
    shown = screen(text).text
    for part in (PW, PW[6:]):
        assert part not in shown, shown


rnd = random.Random(7)


def _b32(n: int, alphabet: str = "abcdefghijklmnopqrstuvwxyz234567") -> str:
    return "".join(rnd.choice(alphabet) for _ in range(n))


@pytest.mark.parametrize(
    "secret",
    [
        _b32(52),  # an Azure DevOps personal access token
        "SUA" + _b32(55, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"),  # a NATS NKey user seed
        # an Atlassian API token: its "=" and checksum too
        "ATATT3xFfGF0" + "".join(rnd.choice("abcdefghijkABCDEFGH0123456789_-") for _ in range(180)) + "=0A1B2C3D",
    ],
)
def test_base32_and_checksummed_tokens_are_hidden_without_a_name(secret):
    for text in (f"git clone https://dev.azure.com/acme/_git/ledger (pat {secret})", f"using {secret}\n"):
        shown = screen(text).text
        assert secret[-8:] not in shown and secret[12:20] not in shown, shown


@pytest.mark.parametrize(
    "text",
    [
        "net user sync /delete",
        "Unable to connect localhost/127.0.0.1:5432",
        "connect to db using TLS",
        "sudo -S apt update",
        "rabbitmqctl list_users",
        # identifiers of one case run together stay readable: they have vowels and no runs of consonants
        "X509CERTIFICATE2COLLECTIONSTORE failed",
        "HTTP2SERVERCONNECTIONPOOLMANAGER closed",
        "org_apache_commons_lang3_stringutils",
        "C:\\x64\\100files\\n ok",  # a path whose backslashes look like escapes
        "parola chiave non valida",
        "5 &equals; 5 &colon; ok",
    ],
)
def test_round_7_rules_leave_ordinary_text_readable(text):
    assert screen(text).text == text


def test_a_coloured_log_is_decoded_as_the_slow_path_decodes_it():
    """A text whose only escapes are a terminal's colour codes is decoded by dropping each run of them at C
    speed: the same text, the same count and the same way back to the original as the general pattern."""
    pieces = ["\x1b[0m", "\x1b[1;31m", "\x1b]8;;http://x\x07", "\x1b[38;5;208m", "\x1b", "\x1b[", "a", "=", " ", "\n"]
    pieces.append("password")
    for _ in range(2000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 30)))
        view = _View(text, None)
        assert view.text == _ESCAPE_WIDE().sub(_unescaped, text)
        assert view.count == len(list(_ESCAPE_WIDE().finditer(text)))
        for i, char in enumerate(view.text):
            assert text[view.origin(i) : view.origin_end(i + 1)][-1] == char


def test_scan_and_explain_hide_round_7_shapes(tmp_path):
    """The CLI's outputs, not only the gate: scan's JSON and explain's markdown of a log holding them."""
    lines = [
        f"2026-11-19T02:14:07Z ERROR sync failed: rabbitmqctl add_user sync {PW}",
        f"2026-11-19T02:14:08Z ERROR sync failed: password&equals;{PW}",
        f"2026-11-19T02:14:09Z ERROR sync failed: contrasenya: {PW}",
        f"2026-11-19T02:14:10Z ERROR sync failed: db2 connect to ledger user sync using {PW}",
    ]
    log = tmp_path / "sync.log"
    log.write_text("\n".join(lines) + "\n")
    runner = CliRunner()
    for args in (["scan", str(log), "-f", "json"], ["scan", str(log), "--all"], ["explain", str(log), "-f", "markdown"]):
        result = runner.invoke(app, args)
        assert PW not in result.stdout, args
    json.loads(runner.invoke(app, ["scan", str(log), "-f", "json"]).stdout)  # still a report


@pytest.mark.parametrize("unit", ["jdbc:oracle:thin:a/", "password%3D", "password\\075", "password&equals;"])
def test_a_name_repeated_in_its_own_escaped_value_is_judged_in_linear_time(unit):
    """Each repeat of the name starts a value that ran to the end of the text (no separator, the "=" escaped):
    quadratic up to the 64 KiB past which such a stretch is hidden whole (1.4 s for 60 KiB of "password%3D"). A bare
    value is read to 4 KiB at most now: 7.5 KiB to 60 KiB costs 8-10 x in CPU, 30-63 x when quadratic."""
    assert_grows_at_most(lambda size: screen((unit * (size // len(unit) + 1))[:size]), 7_680, factor=8, most=18)


@pytest.mark.parametrize("line", ["ErrorCode=8007045DAB12CD34EF56", "HRESULT=0x80070005"])
def test_a_line_of_a_code_by_its_name_stays_readable_alone(line):
    """scan shows a record's first line alone, and a line of one token mixing letters and digits is masked as
    a key's wrapped tail; a name and a number in hex is an error code a user searches by."""
    assert shown_line(line) == line


def test_a_credential_named_with_a_hex_value_alone_on_a_line_stays_hidden():
    assert shown_line("token=8007045DAB12CD34EF56") == "token=[REDACTED]"

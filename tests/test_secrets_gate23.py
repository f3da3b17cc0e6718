"""Round 23 of the exit gate: gate21's and gate22's leftovers. A password of hex letters and digits after its name with
a space (a Get-Variable table's row one-lined: "password 00000000000A") was read as an id and shown in scan's samples;
a JSON or logfmt line's message that is one token (the value a logger wrote alone, its name on the record before) was
shown; a random password with a "#" as a URL's last path part read as a page and its fragment. And the other way: S3's
HostId (x-amz-id-2) and Cloudflare's CF-RAY, the ids a user quotes to support, were hidden as random tokens."""

from __future__ import annotations

import base64
import json
import random
import string

import pytest
from typer.testing import CliRunner

from errcat.cli import app
from errcat.gate import screen, shown, shown_line

rnd = random.Random(2323)
HEXISH = ["00000000000A", "1f3a9c22e4b0", "A1B2C3D4E5F6", "9e8d7c6b5a41"]


def _scan(tmp_path, lines: list[str], fmt: str) -> str:
    log = tmp_path / "app.log"
    log.write_text("".join(line + "\n" for line in lines))
    r = CliRunner().invoke(app, ["scan", str(log), "--all", "--format", fmt], env={"NO_COLOR": "1"})
    assert r.exit_code == 0, r.output
    return r.stdout + r.stderr


@pytest.mark.parametrize("value", HEXISH)
@pytest.mark.parametrize("fmt", ["table", "json", "markdown"])
def test_a_hex_password_after_its_name_never_reaches_scans_report(tmp_path, value: str, fmt: str) -> None:
    """gate21's leftover: a table's row (name, space, value) logged, or a Get-Variable paste one-lined."""
    lines = [f"2026-01-05 10:00:0{n} ERROR worker: password {value}" for n in range(3)] + [
        f"2026/11/03 10:00:0{n} ERROR: request failed: Name Value ---- ----- db_password {value}" for n in range(3)
    ]
    assert value not in _scan(tmp_path, lines, fmt)


@pytest.mark.parametrize(
    "text",
    ["tests passed 3f9a21bc", "build passed for 3f9a21bc4", "session 3f9a21bc42", "renew session 0x24ed93119420016"],
)
def test_a_hex_id_after_other_words_stays(text: str) -> None:
    """A commit after "passed", a short session id: ids, as before (only a password's own word makes hex a password)."""
    assert shown(text) == text


@pytest.mark.parametrize("value", ["00000000000A", "Xk9qP2vLm7Tz", "q8ZtR2mWx4Lp9Vb"])
@pytest.mark.parametrize(
    "record",
    [
        '{{"level": "error", "time": "2026-11-03T10:00:00Z", "msg": "{v}"}}',
        '{{"level":"error","msg":"{v}","caller":"config/load.go:42"}}',
        "time=2026-11-03T10:00:00Z level=error msg={v}",
        'time=2026-11-03T10:00:00Z level=error msg="{v}"',
    ],
)
def test_a_message_field_that_is_one_token_is_hidden(record: str, value: str) -> None:
    """A .properties value continued on its next line, logged line by line as JSON: the value's record holds no name."""
    assert value not in shown_line(record.format(v=value))


@pytest.mark.parametrize("message", ["E11000", "connection refused", "KeyboardInterrupt", "deadline_exceeded", "abc1234"])
def test_a_message_field_of_words_or_a_code_stays(message: str) -> None:
    record = json.dumps({"level": "error", "msg": message})
    assert shown_line(record) == record


def test_a_lone_token_in_a_json_log_never_reaches_scans_report(tmp_path) -> None:
    secret = "00000000000A"
    lines = []
    for n in range(3):
        for msg in ["db.url=jdbc:postgresql://db/ledger", "db.password = \\", f"    {secret}", "server.port=8080"]:
            lines.append(json.dumps({"level": "error", "time": f"2026-11-03T10:0{n}:00Z", "msg": msg}))
    for fmt in ("table", "json", "markdown", "github"):
        assert secret not in _scan(tmp_path, lines, fmt), fmt


def _random_hash_password() -> str:
    alphabet = string.ascii_letters + string.digits
    while True:
        head = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(3, 8)))
        tail = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(6, 12)))
        pw = f"{head}#{tail}"
        if any(c.isdigit() for c in pw) and any(c.isupper() for c in pw) and any(c.islower() for c in pw):
            return pw


@pytest.mark.parametrize(
    "password", ["Xk9#qP2vLm7Tz8Rw", "QldoB#13x7Tz", "nuxlD5R#Wfp8q"] + [_random_hash_password() for _ in range(20)]
)
@pytest.mark.parametrize(
    "place", ["https://api.example.com/reset/{p}", "GET https://h.example/x/{p} -> 500", "see https://h.example/a/b/{p}."]
)
def test_a_random_password_as_a_urls_last_part_stays_hidden(password: str, place: str) -> None:
    """gate22 read it as a page and its fragment (rfc7231#section-6.5.1): a password's halves mix case and digits as no
    page and anchor do."""
    assert password not in shown(place.format(p=password))


def _host_id() -> str:
    return base64.b64encode(rnd.randbytes(56)).decode()  # S3's x-amz-id-2: 76 characters of base64, "+" and "/" in it


def _ray() -> str:
    return "".join(rnd.choice("0123456789abcdef") for _ in range(16)) + rnd.choice(["-SYD", "-LHR", "-IAD", "-FRA"])


HOST_IDS = [_host_id() for _ in range(12)]
RAYS = [_ray() for _ in range(12)]


@pytest.mark.parametrize("host_id", HOST_IDS)
def test_s3s_host_id_is_shown(host_id: str) -> None:
    """The id a user quotes to AWS support with the request id: a public diagnostic, not a secret."""
    body = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message>'
        f"<RequestId>4442587FB7D0A2F9</RequestId><HostId>{host_id}</HostId></Error>"
    )
    assert screen(body).kinds == {}
    assert (
        shown(f"< x-amz-id-2: {host_id}\r\n< x-amz-request-id: 4442587FB7D0A2F9")
        == f"< x-amz-id-2: {host_id}\r\n< x-amz-request-id: 4442587FB7D0A2F9"
    )


@pytest.mark.parametrize("ray", RAYS)
@pytest.mark.parametrize("form", ["< CF-RAY: {r}", "cf-ray: {r}", '{{"cf-ray": "{r}"}}', "Cloudflare Ray ID: {r}"])
def test_cloudflares_ray_id_is_shown(ray: str, form: str) -> None:
    text = form.format(r=ray)
    assert shown(text) == text


def test_a_credential_beside_a_public_id_stays_hidden() -> None:
    token = "".join(rnd.choice(string.ascii_letters + string.digits) for _ in range(40))
    host_id = HOST_IDS[0]
    texts = [
        f"< x-amz-id-2: {host_id}\n> x-amz-security-token: {token}",
        f"<HostId>{host_id}</HostId><SecretAccessKey>{token}</SecretAccessKey>",
        f"cf-ray: {RAYS[0]}\nauthorization: Bearer {token}",
        f"cf-ray: {RAYS[0]} {token}",
    ]
    for text in texts:
        assert token not in shown(text), text


def _xxd_plain(data: bytes) -> str:
    digits = data.hex()
    return "\n".join(digits[i : i + 60] for i in range(0, len(digits), 60))  # xxd -p: 30 bytes a line, nothing else


@pytest.mark.parametrize("name", ["client_secret", "password", "X-Api-Key", "refresh_token"])
def test_a_credential_in_a_plain_hex_dump_is_hidden(name: str) -> None:
    """xxd -p prints the bytes in hex alone (no offset, no text column): read as one stream, a name hides its value."""
    secret = "".join(rnd.choice(string.ascii_letters + string.digits) for _ in range(20))
    request = f'POST /oauth/token HTTP/1.1\r\nHost: oauth.acme.test\r\n\r\n{{"client_id":"sync","{name}":"{secret}"}}'
    out = shown("$ xxd -p req.bin\n" + _xxd_plain(request.encode()) + "\nHTTP/1.1 401 Unauthorized")
    digits = out.replace("\n", "")
    assert all(secret.encode()[i : i + 4].hex() not in digits for i in range(len(secret) - 3)), out


def test_a_plain_hex_dump_without_a_credential_and_hashes_stay() -> None:
    text = "hexdump of body.bin:\n" + _xxd_plain(b'{"error":"invoice not found","status":404,"invoice":"INV-00042"}')
    text += "\nsha256 " + "9f2c" * 16 + "\n" + "ab" * 32
    assert shown(text) == text

"""Round 10 of the exit gate: a credential's value behind separators no pair is written with (``: "" + <hex>``, a pipe, a
backtick, an entity quote, a line break inside a JSON string), a name in a hex dump's bytes with its value on the next
line, the items of a YAML list under a key naming credentials, and the "New value:" a reset tool prints. Every secret is
drawn at random per run; every paste goes through errcat's own explain (its repr, its JSON document, its line)."""

from __future__ import annotations

import json
import random
import re
import string

import pytest

import errcat
from errcat.gate import shown

API = errcat.ErrorCatalog.open(use_env=False)
rnd = random.Random(2027)  # seeded: the same draws on every run


def hex_key() -> str:
    return "".join(rnd.choices("0123456789abcdef", k=32))


def key(n: int = 12) -> str:
    """Letters and digits, mixed case: shorter than the randomness judge's 16 characters."""
    while True:
        v = "".join(rnd.choices(string.ascii_letters + string.digits, k=n))
        if any(c.isdigit() for c in v) and any(c.isupper() for c in v) and any(c.islower() for c in v):
            return v


def leaked(text: str, secret: str) -> str | None:
    x = API.explain(text)
    pieces = [secret[i : i + 8] for i in range(len(secret) - 7)]
    for out in (repr(x), json.dumps(x.as_dict(), ensure_ascii=False), str(x)):
        if any(p in out for p in pieces):
            return out
    return None


@pytest.mark.parametrize(
    "template",
    [
        '| passphrase: "" + {v} |\n',
        '  at Foo.bar(access-key: "" + \\"{v}\\")\n',
        "  at Foo.bar(X-Api-Key | `{v}`)\n",
        "| pwd:\n  &quot;{v}&quot; |\n",
        '{{"msg": "login", "data": "sessionid=\n\\"{v}\\""}}\n',
        '{{"msg": "login", "data": "client_secret=\n\'{v}\'"}}\n',
        "[INFO] config {{X-Api-Key=\n{v}}}\n",
        "  at Foo.bar(auth:\n  {v})\n",
        "# Pass | {v}\n",
    ],
)
def test_a_hex_key_after_its_name_and_odd_separators_is_hidden(template: str) -> None:
    v = hex_key()
    text = template.format(v=v)
    assert leaked(text, v) is None, text


def test_a_short_key_after_its_name_and_a_comma_inside_a_log_string_is_hidden() -> None:
    v = key()
    text = f'{{"msg": "login", "data": "api_key, `{v}`"}}\n'
    assert leaked(text, v) is None


def test_names_and_ids_after_a_separator_stay_readable() -> None:
    for text in ("key | web-7d4b9c6f8-x2k9p", 'key = "" + user_id2', "key | en_US.UTF-8", "token | 2026-12-05T10:00:00Z"):
        assert shown(text) == text


def test_a_hexdump_with_a_name_in_its_text_column_hides_the_value_on_the_next_line() -> None:
    v = hex_key()
    as_hex = " ".join(f"{b:02x}" for b in v[:16].encode())
    text = f"00000000  74 6f 6b 65 6e 3d 00 00  |token=..|\n00000010  {v}\n"
    assert leaked(text, v) is None
    dumped = f"00000000  74 6f 6b 65 6e 3d 00 00  |token=..|\n00000010  {as_hex}  |{v[:16]}|\n"
    out = shown(dumped)
    assert as_hex not in out and v[:16] not in out


def test_a_hexdump_naming_nothing_stays_readable() -> None:
    text = "00000000  48 65 6c 6c 6f 20 77 6f  72 6c 64 0a  |Hello world.|\n00000010  48 65 6c 6c 6f 0a  |Hello.|\n"
    assert shown(text) == text


def test_every_item_of_a_yaml_list_under_a_credentials_key_is_hidden() -> None:
    for name in ("credentials", "passwords", "secrets", "api_tokens"):
        v = key()
        text = f"{name}:\n  - svc\n  - {v}\n"
        assert leaked(text, v) is None, text


def test_a_list_of_mappings_under_a_secrets_key_keeps_its_names() -> None:
    assert "regcred" in shown("imagePullSecrets:\n  - name: regcred\n")


def test_the_new_value_a_reset_tool_prints_is_hidden() -> None:
    v = key(10)
    text = f"$ bin/elasticsearch-reset-password -u elastic\nNew value: {v}\n"
    assert leaked(text, v) is None
    text = f"Password for the [elastic] user successfully reset.\nNew value: {v}\n"
    assert leaked(text, v) is None


def test_a_value_line_naming_no_credential_above_stays() -> None:
    text = "Setting: retries\nNew value: 5x2b3c4d\n"
    assert shown(text) == text


def test_a_hex_key_in_groups_after_its_name_is_hidden_whole() -> None:
    v = hex_key()
    text = "token: " + " ".join(v[i : i + 8] for i in range(0, 32, 8)) + "\n"
    out = shown(text)
    assert not any(v[i : i + 8] in out for i in range(0, 32, 8)), out


def test_a_device_secret_after_its_type_number_is_hidden() -> None:
    v = key(10)
    text = f"hostname r1\nenable secret 0 {v}\nusername admin privilege 15 password 0 {v}\n"
    assert leaked(text, v) is None
    assert "hostname r1" in shown(text)


def test_the_hex_digests_of_a_signature_mismatch_are_hidden() -> None:
    v, w = hex_key(), hex_key()
    text = f"2026-12-05 10:00:00 WARN webhook rejected: signature mismatch expected={v} got={w}\n"
    assert leaked(text, v) is None


def test_a_password_a_spanish_or_german_sentence_gives_is_hidden() -> None:
    for sentence in ("la contraseña es {v}\n", "Das Passwort ist {v}\n"):
        v = key()
        assert leaked(sentence.format(v=v), v) is None, sentence


def test_a_hex_token_after_bearer_and_a_comma_is_hidden_and_the_scheme_name_stays() -> None:
    v = hex_key()
    text = f"2026-12-05T10:00:00Z ERROR auth failed bearer, &quot;{v}&quot; status=401\n"
    assert leaked(text, v) is None
    assert shown("token_type=bearer, realm=api2") == "token_type=bearer, realm=api2"


def test_a_value_on_the_line_after_its_name_with_more_words_after_it_is_hidden() -> None:
    for template in ("password:\n  {v}  (rotated monthly)\n", "api_token =\n{v} expires in 1h\n"):
        v = key()
        assert leaked(template.format(v=v), v) is None, template


def test_a_log_line_after_a_name_that_ends_a_line_stays() -> None:
    text = "ERROR invalid password:\n2026-12-05T10:00:00Z INFO retry 2\n"
    assert shown(text) == text


def dotted_password() -> str:
    """A password whose only signs are "-", "_" and "." and that changes case as no name does (drawn until it does:
    about 4 in 10 such passwords of 10 to 18 characters)."""
    while True:
        v = "".join(rnd.choices(string.ascii_letters + string.digits + "-_.", k=rnd.randint(10, 18)))
        if v[0] in "-_." or v[-1] in "-_." or not any(c in "-_." for c in v) or not any(c.isdigit() for c in v):
            continue
        runs = len(re.findall(r"[A-Z]+|[a-z]+|[0-9]+", v))
        if len(re.findall(r"[a-z][A-Z]", v)) >= 2 and runs >= 6 and not re.search(r"[A-Za-z]{4}", v):
            return v


def test_a_password_whose_only_signs_are_dash_underscore_and_dot_is_hidden_with_no_name() -> None:
    for _ in range(20):
        v = dotted_password()
        text = f"login failed for svc with {v} from 10.0.0.1\n"
        assert leaked(text, v) is None, text


@pytest.mark.parametrize(
    "line",
    [
        "Collecting PyQt5.QtWidgets-5.15.2",
        "ERROR in com.example.MyS3Client.getV2Api (io.k8s.api.core.v1.PodSpec)",
        "flashing nRF52840_xxAA with iOS17.2_Beta3 and eMMC_5.1-HS400",
        "npm WARN deprecated har-validator@5.1.5: this library is no longer supported",
        "docker pull mcr.microsoft.com/dotnet/sdk:8.0.100-bookworm-slim",
        "pod web-7d4b9c6f8-x2k9p restarted, image nginx:1.25.3-alpine",
    ],
)
def test_identifiers_with_dashes_underscores_and_dots_stay_readable(line: str) -> None:
    assert shown(line) == line


def test_a_password_in_an_access_log_user_field_is_hidden_and_a_plain_user_stays() -> None:
    v = key(13)
    text = f'10.0.0.1 - svc:{v} [05/Dec/2026:10:00:00 +0000] "GET / HTTP/1.1" 401 0\n'
    assert leaked(text, v) is None
    plain = '10.0.0.1 - svc [05/Dec/2026:10:00:00 +0000] "GET / HTTP/1.1" 200 12\n'
    assert shown(plain) == plain


def test_a_base64_key_with_a_slash_on_the_line_after_its_name_is_hidden_whole_and_a_path_stays() -> None:
    v = f"/{key(14)}/{key(24)}"  # base64 cut at its slashes: each piece was read as a path's segment
    text = f"[INFO] config {{api_key=\n'{v}'}}\n"
    out = shown(text)
    assert leaked(text, v) is None and not any(v[i : i + 8] in out for i in range(len(v) - 7)), out
    assert shown("| key | /etc/app/keys/current.pem |") == "| key | /etc/app/keys/current.pem |"

"""Round 18 of the exit gate: shapes outside testers pasted that earlier rounds had not tried: a dump whose text column
starts with hex letters ("Bearer"), tcpdump -X's lines, a credential an ltrace line returns, mysql's -p glued to its
value inside strace's argv. Secrets are drawn from a seeded generator."""

from __future__ import annotations

import random
import string

import pytest

from errcat.gate import shown

rnd = random.Random(1818)


def token(n: int = 40) -> str:
    while True:
        v = "".join(rnd.choices(string.ascii_letters + string.digits, k=n))
        if any(c.isdigit() for c in v) and any(c.isupper() for c in v) and any(c.islower() for c in v):
            return v


def person_password() -> str:
    """A password a person picks: two words and a number (no shape tells it, only its place does)."""
    return rnd.choice(["winter", "Harbour", "ledger"]) + rnd.choice(["monkey", "kestrel"]) + str(rnd.randint(100, 9999))


def pieces_of(secret: str, out: str) -> list[str]:
    return [secret[i : i + 8] for i in range(len(secret) - 7) if secret[i : i + 8] in out]


def request(value: str) -> bytes:
    return f"GET /v1/items HTTP/1.1\r\nHost: api.example.test\r\nAuthorization: Bearer {value}\r\nAccept: */*\r\n\r\n".encode()


def xxd(data: bytes) -> str:
    lines = []
    for off in range(0, len(data), 16):
        chunk = data[off : off + 16]
        groups = " ".join(chunk.hex()[i : i + 4] for i in range(0, len(chunk) * 2, 4))
        lines.append(f"{off:08x}: {groups:<40} " + "".join(chr(b) if 32 <= b < 127 else "." for b in chunk))
    return "\n".join(lines)


def tcpdump_x(data: bytes) -> str:
    lines = ["10:02:11.123 IP 10.0.0.2.50514 > 10.0.0.9.80: Flags [P.], length 90"]
    for off in range(0, len(data), 16):
        chunk = data[off : off + 16]
        groups = " ".join(chunk.hex()[i : i + 4] for i in range(0, len(chunk) * 2, 4))
        lines.append(f"\t0x{off:04x}:  {groups:<40}  " + "".join(chr(b) if 32 <= b < 127 else "." for b in chunk))
    return "\n".join(lines)


@pytest.mark.parametrize("dump", [xxd, tcpdump_x])
def test_a_token_wrapped_over_a_dumps_lines_is_hidden_in_text_and_hex(dump) -> None:  # type: ignore[no-untyped-def]
    for _ in range(8):  # the text column of the line after "Authorization:" starts "Bearer": hex letters
        v = token()
        out = shown(dump(request(v)))
        assert pieces_of(v, out) == [], out
        assert v[-8:].encode().hex() not in out.replace(" ", "").replace("\n", ""), out


def test_a_dump_naming_nothing_stays_readable_whatever_its_text_column_starts_with() -> None:
    text = xxd(b"Bearer of bad news: decafbad feed, cafe Beef.\n")
    assert shown(text) == text


@pytest.mark.parametrize(
    "template",
    [
        'execve("/usr/bin/mysql", ["mysql", "-h", "db", "-u", "root", "-p{v}", "ledger"], 0x7ffc /* 24 vars */) = 0',
        "/proc/4121/cmdline: mysqldump\x00-uroot\x00-p{v}\x00ledger\x00",
        'execve("/opt/mssql-tools/bin/sqlcmd", ["sqlcmd", "-S", "db", "-U", "sa", "-P{v}"], 0x7ffc) = 0',
    ],
)
def test_a_password_glued_to_its_flag_in_a_traced_argv_is_hidden(template: str) -> None:
    v = person_password()
    out = shown(template.format(v=v))
    assert v not in out and pieces_of(v, out) == [], out
    assert "ledger" in out or "sqlcmd" in out  # (the arguments after it stay)


def test_what_a_traced_call_returns_for_a_credentials_name_is_hidden() -> None:
    v = person_password()
    out = shown(f'getenv("SAGE_CLIENT_SECRET") = "{v}"\ngetenv("HOME") = "/root"\ncurl_easy_perform(0x55) = 22')
    assert v not in out, out
    assert '"/root"' in out  # (what the call returned for another name stays)


@pytest.mark.parametrize("password", ["Admin$123456", "Welcome!2024", "ledger!8812", "Summer$20251"])
def test_a_word_a_bang_or_dollar_and_a_number_is_hidden_where_nothing_names_it(password: str) -> None:
    for template in ("tried {v} for ops: denied", "{v}\n", '["ops", "{v}"]'):
        assert password not in shown(template.format(v=password)), template


@pytest.mark.parametrize("text", ["see issue#1234", "Sync$1.run(Sync.java:12)", "at Outer.access$100(Outer.java:7)", "Hello!12"])
def test_an_issue_a_jvm_class_or_a_short_number_after_a_sign_stays(text: str) -> None:
    assert shown(text) == text


def test_an_atlassian_api_token_is_hidden_whole_with_the_signs_inside_it() -> None:
    v = "ATATT3xFfGF0" + token(160) + "=" + token(8)[:4] + "=" + token(12)  # ("=" inside: gitleaks' class holds it)
    out = shown(f"using {v} for the sync")
    assert pieces_of(v, out) == [], out
    assert out == "using [REDACTED] for the sync"


def test_the_one_scan_for_format_hints_finds_every_hint_looking_for_each_would() -> None:
    """Hints overlapping, inside one another, one starting another ("-p" and "-pass", "sig=" and "=…"): the set the one
    scan tells is the set looking for each hint alone finds, on texts made of hints' pieces."""
    from errcat.gate import formats

    pieces = sorted(formats._LOWER_HINTS | formats._CASED_HINTS)
    pieces += [h[k:] for h in pieces for k in range(1, len(h))] + [h[:k] for h in pieces for k in range(1, len(h))]
    for hints, pattern in (
        (formats._LOWER_HINTS, formats._ANY_LOWER_HINT()),
        (formats._CASED_HINTS, formats._ANY_CASED_HINT()),
    ):
        for _ in range(3000):
            text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 6)))
            assert formats.present_hints(text, pattern, hints) == {h for h in hints if h in text}, text

"""A value given where a vendor's name belongs is quoted back only when it is shaped as a name (integ24: a 32-hex key
typed into --vendor, or an MCP lookup's vendor argument filled with a token, came back in "unknown vendor '…'": the
exit gate knows no shape a bare hex or base64 key has)."""

from __future__ import annotations

import secrets

import pytest

import errcat
from errcat.errors import EXIT_USAGE

HEX_KEY = secrets.token_hex(16)  # 32 hex digits, as an API key often is
BASE64_KEY = secrets.token_urlsafe(24)


# a base64 key may hold no digit: the clean-clone CI drew "msp_zciZYrcakXeaLwrtlnXpLMcmVmSN" (letters and "_" read as a
# name, and docs printed it back lower-cased); it and another such, fixed, stand beside the random ones
NO_DIGIT_KEYS = ["msp_zciZYrcakXeaLwrtlnXpLMcmVmSN", "hVbLmRpWzKcNdXsJ-fYgUeTqAo"]


@pytest.mark.parametrize("key", [HEX_KEY, BASE64_KEY, "9f3c" * 6, *NO_DIGIT_KEYS])
def test_a_key_given_as_the_vendor_is_not_printed_back(cli, key: str, tmp_path) -> None:
    for args in (["lookup", "25008", "--vendor", key], ["docs", "--vendor", key, "--out", str(tmp_path / "pages")]):
        result = cli(*args)
        assert result.exit_code == EXIT_USAGE, result.output
        assert "unknown vendor" in result.stderr and key not in result.stderr + result.stdout
        # the gate's mark where it knows the shape, else the value's length alone
        assert f"<{len(key)} characters, not shaped as a name: not shown>" in result.stderr or "[REDACTED]" in result.stderr
    with pytest.raises(errcat.UsageError) as refused:
        errcat.open_catalog().lookup("25008", vendor=key)
    assert key not in str(refused.value)


@pytest.mark.parametrize(("name", "hint"), [("xero", ""), ("sage50", "; did you mean sage?"), ("Quick Books", "")])
def test_a_name_the_catalog_does_not_know_is_quoted_with_the_known_ones(cli, name: str, hint: str) -> None:
    result = cli("lookup", "25008", "--vendor", name)
    assert result.exit_code == EXIT_USAGE
    assert f"unknown vendor '{name}' (known: invoicexpress, myob, prospend, sage){hint}" in result.stderr


def test_a_known_secret_shape_given_as_the_vendor_shows_the_gates_mark(cli) -> None:
    token = "sk_live_" + secrets.token_hex(12)
    result = cli("lookup", "25008", "--vendor", token)
    assert result.exit_code == EXIT_USAGE and token not in result.stderr and "[REDACTED]" in result.stderr

"""secrets29: 89 adversarial pastes (tests/secrets29_pastes.py) whose credentials no output may show; and what the
round found shown: a one-column query result (mysql, psql, sqlite), a YAML value after its tag, "the API key I used
was …", the "psw" abbreviation, a name alone on its line and its value on the next (a browser's developer tools' copy). Values people pick (words and digits) are the hard case: no randomness test sees them."""

from __future__ import annotations

import json

import pytest

from corpus import shows_secret
from errcat.gate import shown
from secrets29_pastes import CASES


@pytest.mark.parametrize(
    "text",
    [
        "+------------+\n| api_secret |\n+------------+\n| WinterLedger7 |\n| KoalaPayroll42 |\n+------------+\n2 rows in set",
        "   password\n-------------\n WinterLedger7\n(1 row)\n",
        "refresh_token\n-------------\nWinterLedger7\r\n",
    ],
)
def test_a_one_column_query_result_of_a_credential_is_hidden(text):
    out = shown(text)
    assert "WinterLedger7" not in out and "KoalaPayroll42" not in out
    assert "[REDACTED]" in out


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Password\n--------\nThe password of the company file's user.\n", "The password of the company file's user."),
        ("token\n-----\n\nok", "ok"),
        ("+----+\n| id |\n+----+\n| WinterLedger7 |", "WinterLedger7"),  # a column that names no credential
        ("token_type\n----------\nbearer\n", "bearer"),  # a name that says its value is no credential
    ],
)
def test_a_heading_an_empty_column_and_other_columns_stay(text, kept):
    assert kept in shown(text)


@pytest.mark.parametrize(
    "text",
    [
        "password: !!str WinterLedger7",
        "api_key: !decrypt 'WinterLedger7'",
        "secret: &s !!str WinterLedger7  # the old one",
    ],
)
def test_a_yaml_value_after_its_tag_is_hidden(text):
    assert "WinterLedger7" not in shown(text)


@pytest.mark.parametrize(
    "text",
    ["Type: !Ref LedgerBucket", "name: !Sub '${AWS::StackName}-ledger'", "message: !important"],
)
def test_a_tag_with_no_credential_or_no_value_after_it_stays(text):
    assert shown(text) == text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The API key I used was WinterLedger7 and it still fails", "WinterLedger7"),
        ("the token we used was KoalaPayroll42", "KoalaPayroll42"),
        ("MYOB_PSW=WinterLedger7", "WinterLedger7"),
        ("GET /login?user=bob&psw=WinterLedger7", "WinterLedger7"),
    ],
)
def test_a_value_said_used_or_named_psw_is_hidden(text, value):
    assert value not in shown(text)


@pytest.mark.parametrize("text", ["the API key I used was wrong", "pswitch=on", "psw_version=2"])
def test_words_and_other_names_stay(text):
    assert shown(text) == text


@pytest.mark.slow
def test_no_output_of_any_command_shows_a_credential_of_a_paste(cli, tmp_path, monkeypatch):
    """Every paste through every output that echoes input: explain in each format and its --stub, scan in each format
    with its GitHub job summary, the MCP server's explain and retry_advice, the telemetry adapters' facts."""
    import anyio
    from mcp import Client

    import errcat
    from errcat.integrations.mcp import build_server
    from errcat.integrations.telemetry import facts, from_message, safe

    catalog = errcat.ErrorCatalog.open(use_env=False)
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    leaks = []

    def outputs(cid: str, text: str) -> list[str]:
        outs = [cli("explain", "-f", fmt, input=text) for fmt in ("table", "json", "markdown")]
        outs.append(cli("explain", "--stub", input=text))
        log = tmp_path / f"{cid}.log"
        log.write_text(text)
        said = [r.stdout + r.stderr for r in outs]
        for fmt in ("table", "json", "markdown", "github"):
            summary.unlink(missing_ok=True)  # (the job summary is appended to)
            r = cli("scan", "--all", "-f", fmt, str(log))
            said.append(r.stdout + r.stderr + (summary.read_text() if summary.exists() else ""))
        x = from_message(RuntimeError(text), catalog)
        said += [json.dumps(facts(x)) if x else "", json.dumps(facts(catalog.explain(text))), safe(text)]
        return said

    async def mcp() -> dict[str, list[str]]:
        got: dict[str, list[str]] = {}
        async with Client(build_server([])) as client:
            for cid, text, _ in CASES:
                for tool in ("explain", "retry_advice"):
                    result = await client.call_tool(tool, {"text": text})
                    said = json.dumps(result.structured_content) + " ".join(getattr(c, "text", "") for c in result.content)
                    got.setdefault(cid, []).append(said)
        return got

    by_mcp = anyio.run(mcp)
    for cid, text, secrets in CASES:
        for out in outputs(cid, text) + by_mcp[cid]:
            leaks += [(cid, s) for s in secrets if shows_secret(s, out)]
            assert "Traceback" not in out
    assert not leaks


@pytest.mark.parametrize(
    "text",
    [
        "Form Data\nusername\nAdministrator\npassword\nWinterLedger7\n",
        "x-myobapi-cftoken\nQWRtaW5pc3RyYXRvcjpXaW50ZXJMZWRnZXI3\nx-myobapi-version\nv2",
        "  client_secret  \r\n  WinterLedger7\r\n",
    ],
)
def test_a_name_alone_on_its_line_then_its_value_alone_on_the_next_is_hidden(text):
    out = shown(text)
    assert "WinterLedger7" not in out and "QWRtaW5pc3RyYXRvcjpX" not in out
    assert "v2" in out or "Administrator" in out or "client_secret" in out


@pytest.mark.parametrize(
    "text",
    [
        "Reset password\nWinter2024",  # the word ends a phrase: no name alone
        "password\nRequired",  # a word, no digit
        "Password\nForgot your password?",
        "token_type\nbearer2",  # a name that says its value is no credential
        "password\nWinterLedger7 is the one",  # a sentence on the next line
        "x-myobapi-version\nv2",
    ],
)
def test_a_phrase_a_word_or_a_sentence_under_a_name_stays(text):
    assert shown(text) == text

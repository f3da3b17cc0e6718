"""The installed `errcat` entry point, run as a real process."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def errcat_command() -> list[str]:
    exe = Path(sys.executable).parent / "errcat"
    if exe.exists():
        return [str(exe)]
    found = shutil.which("errcat")
    if found is None:
        pytest.fail("the errcat entry point is not installed next to this Python")
    return [found]


def run(*args: str, **kw) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("ERRCAT_CATALOG", None)
    return subprocess.run([*errcat_command(), *args], capture_output=True, text=True, env=env, timeout=60, **kw)


def test_entry_point_lookup_and_version(tmp_path):
    result = run("lookup", "25008", "--format", "json", cwd=tmp_path)  # no repository around
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["sections"][0]["errors"][0]["codes"] == ["25008"]
    version = run("--version")
    assert version.returncode == 0 and version.stdout.startswith("errcat ")


def test_entry_point_exit_codes_and_stderr(tmp_path):
    missing = run("lookup", "no-such-error-anywhere")
    assert missing.returncode == 1 and missing.stdout == "" and "errcat:" in missing.stderr
    bad = tmp_path / "bad.yaml"
    bad.write_text("errcat: 1\nvendor: [\n")
    broken = run("lookup", "25008", "--catalog", str(bad))
    assert broken.returncode == 3 and "Traceback" not in broken.stderr and "CAT001" in broken.stderr
    assert run("validate").returncode == 0


def test_entry_point_explain_from_a_pipe(tmp_path):
    paste = (
        "HTTP/1.1 401 Unauthorized\nAuthorization: Bearer sk_live_should_never_print_123\n\n"
        '[{"$severity":"error","$dataCode":"AccessTokenExpiredError","$message":"Your Access token has expired.","$source":"Authorization"}]'
    )
    result = run("explain", "--format", "json", input=paste, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["vendor"] == "sage" and doc["errors"][0]["match"] == "exact"
    assert "sk_live_should_never_print_123" not in result.stdout
    empty = run("explain", input="")
    assert empty.returncode == 2 and "empty" in empty.stderr and "Traceback" not in empty.stderr


def test_a_token_in_a_path_errcat_cannot_use_is_not_printed_back(tmp_path):
    """A path errcat names in an error passes the exit gate like any other input it quotes: a catalog path
    that does not exist (`--catalog`, ERRCAT_CATALOG) or a pages folder that cannot be written printed a token
    in it back whole, while a missing paste file or scan input had it masked. The token is generated."""
    import secrets
    import string

    token = "ghp_" + "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(36))
    missing = f"{tmp_path}/team.yaml?access_token={token}"
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("x")
    runs = {
        "--catalog": run("lookup", "25008", "--catalog", missing),
        "ERRCAT_CATALOG": subprocess.run(
            [*errcat_command(), "lookup", "25008"],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "NO_COLOR": "1", "ERRCAT_CATALOG": missing},
        ),
        "validate": run("validate", missing),
        "docs --out": run("docs", "--out", f"{not_a_folder}/pages?token={token}"),
    }
    for how, result in runs.items():
        assert result.returncode == 2, (how, result.stderr)
        assert result.stderr.startswith("errcat: ") and "Traceback" not in result.stderr, (how, result.stderr)
        assert token not in result.stdout + result.stderr and token[4:16] not in result.stderr, (how, result.stderr)
        assert "[REDACTED]" in result.stderr, (how, result.stderr)  # the message still says which path


def test_a_token_a_catalog_file_holds_where_a_value_belongs_is_not_printed_back(tmp_path):
    """A schema message quotes the value it refuses: a token pasted where a status belongs was printed
    whole by `validate` and by any command given the file (`--catalog`). The token is generated."""
    import secrets
    import string

    token = "ghp_" + "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(36))
    team = tmp_path / "team.yaml"
    team.write_text(f"errcat: 1\nvendor:\n  id: acme\n  statuses:\n  - status: {token}\n    text: OK\n", encoding="utf-8")
    for how, result, code in (
        ("validate", run("validate", str(team)), 1),
        ("--catalog", run("lookup", "1", "--catalog", str(team)), 3),
    ):
        assert result.returncode == code, (how, result.stderr)
        assert token not in result.stdout + result.stderr and token[4:16] not in result.stderr, (how, result.stderr)
        assert "vendor.statuses.0.status: '[REDACTED]' is not of type 'integer'" in result.stdout + result.stderr, how


def test_a_message_of_two_lines_stays_in_its_row(tmp_path):
    """A vendor message with a newline in it (JSON's \\n) printed its second line at column 0, outside the
    row it belongs to, in explain's and lookup's tables; it continues under the text after its label."""
    paste = tmp_path / "paste.txt"
    body = {"Errors": [{"Name": "Odd", "Message": "Value is not\nallowed here", "ErrorCode": 99999, "Severity": "Error"}]}
    paste.write_text("HTTP/1.1 400 Bad Request\nContent-Type: application/json\n\n" + json.dumps(body) + "\n")
    stub = run("explain", "--stub", str(paste))
    assert stub.returncode == 0, stub.stderr
    (tmp_path / "team.yaml").write_text(stub.stdout)
    for args in (("explain", str(paste)), ("lookup", "99999", "--catalog", str(tmp_path / "team.yaml"))):
        lines = run(*args).stdout.splitlines()
        first = next(line for line in lines if line.lstrip().startswith("message:") and line.endswith("Value is not"))
        second = lines[lines.index(first) + 1]
        assert second.strip() == "allowed here", (args, lines)
        assert len(second) - len(second.lstrip()) == first.index("Value"), (args, first, second)


def test_the_script_runs_the_command_it_names_and_still_knows_the_others(tmp_path):
    """The script builds only the command named first (start-up): each command and the cache group still run
    as named, and a run that names none, or a typo, still sees every command."""
    assert run("cache", "info", "--format", "json").returncode == 0
    assert run("vendors", "--format", "json").returncode == 0
    assert run("list", "--vendor", "prospend", "--format", "json").returncode == 0
    listing = run("--help").stdout
    assert all(name in listing for name in ("lookup", "explain", "scan", "list", "validate", "mcp", "cache"))
    typo = run("lokup", "25008")
    assert typo.returncode == 2 and "Did you mean 'lookup'?" in typo.stderr

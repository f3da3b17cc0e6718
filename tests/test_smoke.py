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

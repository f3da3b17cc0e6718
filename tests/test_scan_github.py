"""errcat scan --format github: workflow commands for the most frequent groups within GitHub's limits,
a job summary appended to $GITHUB_STEP_SUMMARY, exit codes from --fail-on as in every format."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from errcat.cli import app

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import gen_log

runner = CliRunner()
COMMAND = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")


@pytest.fixture(scope="module")
def log(tmp_path_factory) -> Path:
    """300 error records of every shape and vendor (more than 100 distinct errors), in noise."""
    lines, _ = gen_log.block(300, 4, seed=11, extras=True)
    path = tmp_path_factory.mktemp("ci") / "sync.log"
    path.write_text("\n".join(lines) + "\n")
    return path


def _commands(stdout: str) -> list[tuple[str, dict[str, str], str]]:
    out = []
    for line in stdout.splitlines():
        m = COMMAND.match(line)
        if m:
            props = dict(p.split("=", 1) for p in m.group(2).split(",") if p)
            out.append((m.group(1), props, m.group(3)))
    return out


def _unescape(text: str) -> str:
    return text.replace("%0A", "\n").replace("%0D", "\r").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


def test_annotations_most_frequent_first_within_githubs_limit(log, tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    summary.write_text("## earlier step\n")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    monkeypatch.setenv("GITHUB_WORKSPACE", str(log.parent))
    result = runner.invoke(app, ["scan", str(log), "--format", "github"])
    assert result.exit_code == 0, result.stderr
    commands = _commands(result.stdout)
    errors = [c for c in commands if c[0] == "error"]
    assert len(errors) == 10  # GitHub shows 10 of a type per step
    report = json.loads(runner.invoke(app, ["scan", str(log), "--format", "json", "--top", "1000"]).stdout)
    groups = [*report["matched"], *report["unmatched"]]
    counts = sorted((g["count"] for g in groups), reverse=True)
    shown = [int(re.search(r"\(x([\d,]+)\)$", _unescape(p["title"])).group(1).replace(",", "")) for _, p, _ in errors]
    assert shown == counts[:10]  # the most frequent groups, most frequent first
    for _, props, message in errors:
        assert props["file"] == "sync.log" and int(props["line"]) >= 1  # relative to the workspace
        assert "\n" not in message and "occurrence(s)" in _unescape(message)
    (notice,) = [c for c in commands if c[0] == "notice"]
    assert f"{len(groups) - 10:,} more error group(s)" in notice[2]
    assert f"({sum(counts[10:]):,} occurrence(s))" in notice[2]
    written = summary.read_text()
    assert written.startswith("## earlier step\n## errcat scan")  # appended, as GitHub's file is shared by the step
    assert "### Documented errors" in written and "10 most frequent group(s) annotated" in written


def test_top_limits_annotations_and_stdin_has_no_file(log, monkeypatch):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    result = runner.invoke(app, ["scan", "-", "--format", "github", "--top", "3"], input=log.read_text())
    errors = [c for c in _commands(result.stdout) if c[0] == "error"]
    assert len(errors) == 3 and all("file" not in props for _, props, _ in errors)


@pytest.mark.parametrize("fail_on, code", [(None, 0), ("unmatched", 1), ("any", 1)])
def test_exit_codes_follow_fail_on(log, tmp_path, monkeypatch, fail_on, code):
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "s.md"))
    args = ["scan", str(log), "--format", "github", *(["--fail-on", fail_on] if fail_on else [])]
    assert runner.invoke(app, args).exit_code == code
    quiet = tmp_path / "quiet.log"
    quiet.write_text("2026-11-19T00:00:00Z INFO all good\n")
    result = runner.invoke(app, ["scan", str(quiet), "--format", "github", "--fail-on", "any"])
    assert result.exit_code == 0 and not [c for c in _commands(result.stdout) if c[0] == "error"]


def test_messages_are_escaped_and_redacted(tmp_path, monkeypatch):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    secret = "sk_live_4eC39HqLyjWDarjtT1zdp7dc"
    path = tmp_path / "app,1:x.log"
    body = json.dumps({"Errors": [{"Name": "BrandNewFailure", "Message": f"100% failed, key {secret}", "ErrorCode": 99901}]})
    path.write_text(f"2026-11-19T00:00:01Z ERROR POST https://arl2.api.myob.com/accountright/x/Sale/Invoice/Item -> 400 {body}\n")
    result = runner.invoke(app, ["scan", str(path), "--format", "github"])
    assert secret not in result.stdout
    ((_, props, message),) = [c for c in _commands(result.stdout) if c[0] == "error"]
    assert props["file"].endswith("app%2C1%3Ax.log")  # a comma or colon would end the property
    assert "%25" in message and "100% " not in message


def test_an_unwritable_summary_is_reported_not_fatal(log, tmp_path, monkeypatch):
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "missing" / "summary.md"))
    result = runner.invoke(app, ["scan", str(log), "--format", "github", "--fail-on", "any"])
    assert result.exit_code == 1  # --fail-on decides, as without the summary
    assert "::warning title=errcat::cannot write the job summary" in result.stdout
    assert "cannot write the job summary to" in result.stderr and "Traceback" not in result.stderr

"""Property: a credential in a log line that scan groups as another program's error never reaches the group's name,
its samples or any other part of the report, in any ``--format``. The group name is the line's first line screened
alone (gate.shown_line), then its numbers and quoted values masked: the credential is generated in every input form,
behind every common log prefix, and the real CLI scans the log."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from test_secrets_gate import FORMS, NAMES, SECRETS

pytestmark = pytest.mark.slow  # four CLI runs an example

# other programs' lines: no vendor's host, header or body, so scan groups them by their text (--all lists them)
PREFIXES = {
    "ISO time and level": "2026-11-03T10:0{n}:00Z ERROR worker: ",
    "Python logging": "ERROR:sync.jobs:job {n} failed: ",
    "syslog": "Nov  3 10:0{n}:00 web-01 app[31{n}]: error: ",
    "nginx error": "2026/11/03 10:0{n}:00 [error] 12#12: *{n} upstream failed, ",
    "Java exception": "java.lang.IllegalStateException: ",
    "JSON line": '{{"level": "error", "time": "2026-11-03T10:0{n}:00Z", "msg": "',
    "Go": "2026/11/03 10:0{n}:00 ERROR: request failed: ",
    "bracketed level": "[2026-11-03 10:0{n}:00] production.ERROR: ",
}
FORMATS = ("table", "json", "markdown", "github")
# forms whose value stands on a line of its own: logged line by line, the value's record holds no name
ALONE = {
    **FORMS,
    "kubectl describe": lambda n, s: f"Name:  sync-config\nData\n====\n{n}:\n----\n{s}\nLOG_LEVEL:\n----\ndebug",
    ".properties continued": lambda n, s: f"db.url=jdbc:postgresql://db/ledger\ndb.{n} = \\\n    {s}\nserver.port=8080",
    "Get-Variable": lambda n, s: f"Name                           Value\n----                           -----\n{n}  {s}",
}


def _line(prefix: str, n: int, text: str) -> str:
    body = " ".join(text.split())
    line = PREFIXES[prefix].format(n=n) + body
    if prefix == "JSON line":
        return line.replace("\\", "\\\\").replace('"', '\\"').replace('\\"', '"', 4) + '"}'
    return line


def _shapes_of(secret: str) -> list[str]:
    """The secret as a report could show it: itself, and with its numbers masked as a group's name masks them."""
    masked = re.sub(r"\d+", "<n>", secret)
    return [secret] + ([masked] if len(re.sub(r"<n>", "", masked)) >= 8 else [])


@settings(
    max_examples=100,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.sampled_from(sorted(ALONE)), st.sampled_from(sorted(PREFIXES)), NAMES, SECRETS, st.booleans())
# (what other seeds found: a hex password after its name and a space, a table's row one-lined; a value alone in a
# JSON line's message, its name on the record before)
@example(form="Get-Variable", prefix="Go", name="password", secret="00000000000A", by_line=False)
@example(form=".properties continued", prefix="JSON line", name="password", secret="00000000000A", by_line=True)
@example(form="VCR", prefix="Go", name="password", secret="00000000000A", by_line=True)  # (a YAML list's item)
@example(form=".properties continued", prefix="Java exception", name="password", secret="00000000000A", by_line=True)
@example(form=".properties continued", prefix="Java exception", name="password", secret="0000AAAAAAAG", by_line=True)
def test_a_credential_in_another_programs_error_never_reaches_its_group(cli, form, prefix, name, secret, by_line):
    """One record a paste (its lines joined), or a record each line (a logger given the lines one by one)."""
    text = ALONE[form](name, secret)
    records = [ln for ln in text.splitlines() if ln.strip()] if by_line else [text]
    with tempfile.TemporaryDirectory(prefix="errcat-groups-") as work:
        log = Path(work) / "app.log"
        log.write_text("".join(_line(prefix, n, r) + "\n" for n in range(3) for r in records))  # each one group, three records
        summary = Path(work) / "summary.md"
        os.environ["GITHUB_STEP_SUMMARY"] = str(summary)
        try:
            for fmt in FORMATS:
                r = cli("scan", str(log), "--all", "--top", "50", "--format", fmt)
                assert r.exit_code == 0, r.output
                shown = r.stdout + r.stderr + (summary.read_text() if summary.exists() else "")
                leaked = [s for s in _shapes_of(secret) if s in shown]
                assert not leaked, (fmt, form, prefix, name, by_line)
        finally:
            del os.environ["GITHUB_STEP_SUMMARY"]

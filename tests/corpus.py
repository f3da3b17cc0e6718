"""Real-paste corpora (JSON lines) and the scoring rule of ../shared/pastes/README.md.

Used by tests/test_realworld.py and scripts/score_pastes.py; a case is run through the real CLI.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

from typer.testing import CliRunner

REPO = Path(__file__).resolve().parent.parent
DEV_CORPUS = REPO.parent / "shared" / "pastes" / "realworld-dev.jsonl"
OWN_CORPUS = REPO / "tests" / "data" / "realworld.jsonl"
CLAIMS = {"exact", "template", "code"}
MATCHED = CLAIMS | {"status"}


class Verdict(NamedTuple):
    ok: bool
    false_claim: bool
    leak: bool
    problems: list[str]


def load_cases(path: Path) -> Iterator[dict[str, Any]]:
    """Each JSON object of a corpus file, in order."""
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def _carries(candidate: dict[str, Any], want: dict[str, Any]) -> list[str]:
    wrong = []
    for key in ("code", "name", "status"):
        if key in want and str(candidate.get(key)) != str(want[key]):
            wrong.append(f"{key} {candidate.get(key)!r} != {want[key]!r}")
    if "message_has" in want and want["message_has"] not in (candidate.get("message") or ""):
        wrong.append(f"message lacks {want['message_has']!r}")
    return wrong


def score_output(case: dict[str, Any], exit_code: int, stdout: str, stderr: str = "") -> Verdict:
    """Judge one explain --format json run against a case, by the corpus README's rule."""
    problems: list[str] = []
    if exit_code not in (0, 1) or "Traceback" in stdout + stderr:
        return Verdict(False, False, False, [f"exit {exit_code}: {(stderr or stdout)[-300:]}"])
    doc = json.loads(stdout)
    errors = doc["errors"]
    leak = any(s in stdout or s in stderr for s in case.get("secrets", []))
    if leak:
        problems.append("secret in output")
    if case["vendor"] != "*" and doc["vendor"] != case["vendor"]:
        problems.append(f"vendor {doc['vendor']!r} != {case['vendor']!r}")
    false_claim = False
    if case["confident"]:
        for i, want in enumerate(case["expect"]):
            if i >= len(errors):
                problems.append(f"error {i} missing")
                continue
            err = errors[i]
            if err["match"] not in MATCHED:
                problems.append(f"error {i} match {err['match']}")
            elif not err["candidates"]:
                problems.append(f"error {i} no candidate")
            else:
                problems += [f"error {i} {w}" for w in _carries(err["candidates"][0], want)]
    else:
        claimed = [e["match"] for e in errors if e["match"] in CLAIMS or (case["vendor"] is None and e["match"] == "status")]
        if claimed:
            false_claim = True
            problems.append(f"false claim: {claimed}")
    return Verdict(not problems, false_claim, leak, problems)


def score_case(case: dict[str, Any], runner: CliRunner | None = None) -> Verdict:
    """Run `errcat explain --format json` on the case's paste (the built-in catalog only) and judge it."""
    from errcat.cli import app

    result = (runner or CliRunner()).invoke(app, ["explain", "--format", "json"], input=case["raw"], env={"ERRCAT_CATALOG": ""})
    return score_output(case, result.exit_code, result.stdout, result.stderr)


def shows_secret(secret: str, out: str, n: int = 12) -> bool:
    """Whether the output shows the secret or any 12-character piece of it: a piece shown is a leak too."""
    pieces = [secret] if len(secret) <= n else [secret[i : i + n] for i in range(len(secret) - n + 1)]
    return any(piece in out for piece in pieces)


def top_reading(catalog: Any, paste: str) -> tuple[str | None, str, str | None]:
    """What explain makes of a paste, as the log-record tests compare it with the paste alone: the vendor, the first
    error's kind and its first candidate's id."""
    from errcat.explainer import explain

    x = explain(catalog, paste)
    top = x.errors[0]
    return x.vendor, top.kind, top.candidates[0].entry.id if top.candidates else None


def shown_secrets(text: str, secrets: list[str]) -> list[str]:
    """The secrets of a secrets round's paste the gate's shown text still shows (empty: all hidden)."""
    from errcat.gate import shown

    out = shown(text)
    return [s for s in secrets if shows_secret(s, out)]


def secrets_explain_and_scan_show(cli: Any, tmp_path: Path, text: str, secrets: list[str]) -> list[str]:
    """The secrets a paste's ``explain -f json`` or ``scan --all -f json`` of it as a log shows, through the real
    command line (``cli``: the conftest fixture); explain must answer a JSON document, not an error."""
    explained = cli("explain", "-f", "json", input=text)
    json.loads(explained.stdout)
    log = tmp_path / "paste.log"
    log.write_text(text)
    scanned = cli("scan", "--all", "-f", "json", str(log))
    outs = (explained.stdout + explained.stderr, scanned.stdout + scanned.stderr)
    return [s for s in secrets for out in outs if shows_secret(s, out)]

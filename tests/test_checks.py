"""Every catalog check fires on the breakage it names, at the file and line of the culprit, through
the real CLI (`errcat validate`); each overlay is otherwise valid, so the code is the only finding."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

HEAD = "errcat: 1\nvendor:\n  id: {vendor}\n  name: {name}\n"
ENTRY = (
    "  - {{id: {id}, vendor: {vendor}, endpoint: null, methods: [GET], scenario: s, status: 400, code: X1,"
    " name: Bad, message: '{message}', details: null, severity: error, guide: {guide}, source: {{document: d.txt, line: 1}}}}\n"
)
GUIDE = "  {gid}: {{summary: s, causes: [c], fix: f, retry: after-fix, actor: integrator}}\n"


def overlay(
    *, vendor: str = "acme", name: str = "Acme", eid: str = "acme.e1", entry_vendor: str | None = None,
    message: str = "Bad thing", gid: str = "acme.g", extra_guides: str = "", templates: str = "", vendor_extra: str = "",
) -> str:  # fmt: skip
    return (
        HEAD.format(vendor=vendor, name=name)
        + vendor_extra
        + "entries:\n"
        + ENTRY.format(id=eid, vendor=entry_vendor or vendor, message=message, guide=gid)
        + "guides:\n"
        + GUIDE.format(gid=gid)
        + extra_guides
        + (f"templates:\n{templates}" if templates else "")
    )


CASES = [
    ("CAT009", "template-slots", overlay(message="Field x is bad", templates='  - {message: Field x is bad, template: "Field {field} is bad", slots: {name: x}}\n'), 1),
    ("CAT010", "untemplated-placeholder", overlay(message="[Field] is bad"), 0),
    ("CAT013", "unused-guide", overlay(extra_guides=GUIDE.format(gid="acme.spare")), 0),
    ("CAT014", "vendor-mismatch", overlay(entry_vendor="other", eid="other.e1"), 1),
    ("CAT016", "id-prefix", overlay(eid="e1"), 1),
    ("CAT017", "orphan-template", overlay(templates='  - {message: Nobody says this x, template: "Nobody says this {w}", slots: {w: x}}\n'), 0),
    ("CAT018", "bad-pattern", overlay(vendor_extra="  mentions:\n    - {value: Acme, pattern: 'acme([', source: https://acme.example}\n"), 1),
    # a repeated group of alternatives: exponential time on a paste of 40 letters (Python's re has no time limit)
    ("CAT018", "bad-pattern", overlay(vendor_extra="  mentions:\n    - {value: Acme, pattern: '(a|aa)+$', source: https://acme.example}\n"), 1),
]  # fmt: skip


@pytest.mark.parametrize(("code", "name", "text", "exit_code"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_check_fires_at_file_and_line(cli, tmp_path: Path, code, name, text, exit_code):
    path = tmp_path / "acme.yaml"
    path.write_text(text)
    r = cli("validate", str(path))
    findings = [line for line in r.stdout.splitlines() if f" {code} {name}:" in line]
    assert findings and all(line.startswith(f"{path}:") for line in findings), r.stdout + r.stderr
    assert r.exit_code == exit_code  # warnings (exit 0) and errors (exit 1) alike are reported


def test_a_team_catalog_whose_name_pattern_backtracks_is_refused_not_run(cli, tmp_path: Path):
    """explain with such a catalog hung on "aaaa…" (killed at 30 s); it is refused with the file and line."""
    path = tmp_path / "acme.yaml"
    path.write_text(overlay(vendor_extra="  mentions:\n    - {value: Acme, pattern: '(a|aa)+$', source: https://acme.example}\n"))
    started = time.monotonic()
    r = cli("explain", "--catalog", str(path), "-", input="a" * 40 + "!")
    assert time.monotonic() - started < 20 and r.exit_code != 0
    assert "CAT018" in r.output and "exponential" in r.output and "Traceback" not in r.output


def test_cat015_two_files_disagree_on_a_vendor_field(cli, tmp_path: Path):
    (tmp_path / "a.yaml").write_text(overlay())
    (tmp_path / "b.yaml").write_text(HEAD.format(vendor="acme", name="Acme Ltd"))
    r = cli("validate", str(tmp_path))
    assert r.exit_code == 1 and " CAT015 vendor-conflict:" in r.stdout and "b.yaml:" in r.stdout


def test_every_listed_check_is_exercised_somewhere():
    """A check no test triggers is a check nobody knows works."""
    from errcat.catalog.checks import CHECKS

    tests = "".join(p.read_text(encoding="utf-8") for p in Path(__file__).parent.glob("test_*.py"))
    assert [c.code for c in CHECKS if c.code not in tests] == []


def test_cat000_says_cross_file_checks_waited_for_a_broken_file(cli, tmp_path: Path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("errcat: 1\nvendor: {id: acme\n")
    r = cli("validate", str(broken))
    assert r.exit_code == 1 and " CAT001 yaml-syntax:" in r.stdout and " CAT000 checks-skipped:" in r.stdout

"""`errcat validate`: the built-in catalog is valid; each check catches its broken fixture at file:line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+): (?P<code>CAT\d{3}) (?P<name>[a-z-]+): (?P<msg>.+)$")


def problems(output: str) -> list[re.Match[str]]:
    return [m for m in (LINE.match(line) for line in output.splitlines()) if m]


def test_builtin_catalog_is_valid(cli):
    result = cli("validate")
    assert result.exit_code == 0, result.output
    assert "0 error(s)" in result.stderr


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, count))


def run_on(cli, folder: Path):
    return cli("validate", "--no-builtin", str(folder))


def reported(cli, folder: Path, code: str) -> list[re.Match[str]]:
    """The problems one check reports on an edited catalog copy, which validate must refuse (exit 1)."""
    result = run_on(cli, folder)
    assert result.exit_code == 1, result.output
    return [m for m in problems(result.stdout) if m["code"] == code]


def test_wrong_type_reports_schema_error_at_its_line(cli, catalog_copy):
    f = catalog_copy / "myob.entries.yaml"
    edit(f, "  status: 504\n", "  status: five hundred and four\n")
    wrong = reported(cli, catalog_copy, "CAT003")
    assert wrong and wrong[0]["file"].endswith("myob.entries.yaml")
    assert int(wrong[0]["line"]) == line_of(f, "status: five hundred and four")
    assert "status" in wrong[0]["msg"]


def test_missing_field(cli, catalog_copy):
    f = catalog_copy / "sage.entries.yaml"
    edit(f, "  scenario: The path/endpoint does not exist.\n", "")
    assert any("'scenario' is a required property" in m["msg"] for m in reported(cli, catalog_copy, "CAT003"))


def test_duplicate_yaml_key_is_an_error_not_silent_data_loss(cli, catalog_copy):
    f = catalog_copy / "prospend.yaml"
    first = line_of(f, "    retry: backoff")
    edit(f, "    retry: backoff\n", "    retry: backoff\n    retry: after-fix\n")
    dup = reported(cli, catalog_copy, "CAT002")
    assert len(dup) == 1, dup
    assert int(dup[0]["line"]) == first + 1
    assert f"first at line {first}" in dup[0]["msg"]


def test_duplicate_id(cli, catalog_copy):
    f = catalog_copy / "myob.entries.yaml"
    second = line_of(f, "- id: myob.generic.rate-limit-error-2")
    edit(f, "- id: myob.generic.rate-limit-error-2\n", "- id: myob.generic.rate-limit-error\n")
    dup = reported(cli, catalog_copy, "CAT004")
    assert len(dup) == 1 and "myob.generic.rate-limit-error" in dup[0]["msg"]
    assert int(dup[0]["line"]) == second


def test_bad_status(cli, catalog_copy):
    f = catalog_copy / "sage.entries.yaml"
    edit(f, "  status: 415\n", "  status: 299\n")
    bad = reported(cli, catalog_copy, "CAT005")
    assert len(bad) == 1 and "299" in bad[0]["msg"]
    assert int(bad[0]["line"]) == line_of(f, "  status: 299")  # the status line, not the entry's first


def test_template_that_does_not_match_its_example(cli, catalog_copy):
    f = catalog_copy / "invoicexpress.yaml"
    edit(f, "    slots: {country: Germani}\n", "    slots: {country: Germany}\n")
    bad = reported(cli, catalog_copy, "CAT007")
    assert len(bad) == 1
    assert int(bad[0]["line"]) == line_of(f, "- message: Country Germani was not found")


def test_template_syntax_error(cli, catalog_copy):
    f = catalog_copy / "prospend.yaml"
    edit(f, 'template: "{field} is not allowed."', 'template: "{field is not allowed."')
    assert reported(cli, catalog_copy, "CAT008")


def test_missing_guide(cli, catalog_copy):
    f = catalog_copy / "myob.yaml"
    edit(f, "  myob.25008:\n", "  myob.25008-renamed:\n")
    missing = reported(cli, catalog_copy, "CAT006")
    assert len(missing) == 11  # every row of 25008, each at its own line
    assert len({m["line"] for m in missing}) == 11
    guide_lines = {
        i + 1
        for i, line in enumerate((catalog_copy / "myob.entries.yaml").read_text().splitlines())
        if line == "  guide: myob.25008"
    }
    assert {int(m["line"]) for m in missing} == guide_lines  # each at its guide: line


def test_method_not_documented_for_endpoint(cli, catalog_copy):
    f = catalog_copy / "myob.entries.yaml"
    text = f.read_text()
    start = text.index("  endpoint: /TimeBilling/Activity/")
    f.write_text(text[:start] + text[start:].replace("  methods: [POST, PUT]", "  methods: [POST, PATCH]", 1))
    assert any("PATCH" in m["msg"] for m in reported(cli, catalog_copy, "CAT011"))


def test_yaml_syntax_error_is_one_line_with_file_and_line(cli, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("errcat: 1\nvendor:\n  id: acme\nentries: [\n  {id: x\n")
    result = cli("validate", "--no-builtin", str(bad))
    assert result.exit_code == 1
    found = problems(result.stdout)
    assert found and found[0]["code"] == "CAT001" and found[0]["file"].endswith("bad.yaml")
    assert "Traceback" not in result.output


def test_not_utf8(cli, tmp_path):
    bad = tmp_path / "bin.yaml"
    bad.write_bytes(b"errcat: 1\nvendor: {id: \xff\xfe}\n")
    result = cli("validate", "--no-builtin", str(bad))
    assert result.exit_code == 1 and "not UTF-8" in result.stdout


def test_missing_path_is_usage_error(cli, tmp_path):
    result = cli("validate", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 2
    assert "not found" in result.stderr


def test_every_problem_is_reported_not_just_the_first(cli, catalog_copy):
    f = catalog_copy / "sage.entries.yaml"
    edit(f, "  status: 415\n", "  status: 299\n")
    edit(f, "  status: 429\n", "  status: 298\n")
    assert len(reported(cli, catalog_copy, "CAT005")) == 2


def test_override_is_reported(cli, tmp_path):
    overlay = tmp_path / "team.yaml"
    overlay.write_text(
        "errcat: 1\nvendor: {id: myob}\nentries:\n"
        "  - id: myob.generic.gateway-timeout\n    vendor: myob\n    endpoint: null\n    methods: [GET]\n"
        "    scenario: ours\n    status: 504\n    code: null\n    name: GatewayTimeout\n"
        "    message: Connection to the API has timed out\n    severity: error\n    guide: myob.gateway-timeout\n"
        "    source: {document: our logs}\n"
    )
    result = cli("validate", str(overlay))
    assert result.exit_code == 0, result.output
    assert any(m["code"] == "CAT012" and "overrides" in m["msg"] for m in problems(result.stdout.replace(" (info)", "")))


def test_list_checks_documents_every_code(cli):
    result = cli("validate", "--list-checks")
    codes = re.findall(r"^(CAT\d{3}) ", result.stdout, re.M)
    assert codes == sorted(codes) and len(codes) == len(set(codes)) >= 15


@pytest.mark.parametrize("retry", ["no", "No", "off"])
def test_unquoted_yaml_booleans_are_caught(cli, catalog_copy, retry):
    f = catalog_copy / "prospend.yaml"
    edit(f, "    retry: 'no'\n", f"    retry: {retry}\n")
    assert any("retry" in m["msg"] for m in reported(cli, catalog_copy, "CAT003"))


def test_a_template_repeating_a_slot_is_a_catalog_error_not_a_traceback(cli, tmp_path):
    overlay = tmp_path / "acme.yaml"
    overlay.write_text(
        "errcat: 1\nvendor: {id: acme, name: Acme}\n"
        "entries:\n  - {id: acme.x, vendor: acme, endpoint: null, methods: [GET], scenario: s, status: 400, code: X1,"
        " name: Bad, message: x and x, details: null, severity: error, guide: acme.x, source: {document: d.txt, line: 1}}\n"
        "guides:\n  acme.x: {summary: s, causes: [c], fix: f, retry: after-fix, actor: integrator}\n"
        'templates:\n  - {message: x and x, template: "{a} and {a}", slots: {a: x}}\n'
    )
    r = cli("validate", str(overlay))
    assert r.exit_code == 1 and "CAT008" in r.stdout + r.stderr and "appears twice" in r.stdout + r.stderr
    r = cli("explain", "--catalog", str(overlay), input="foo and bar")
    assert r.exit_code == 3 and "Traceback" not in r.output and "acme.yaml:" in r.stderr


def test_validate_checks_the_overlays_other_commands_load(cli, tmp_path, monkeypatch):
    broken = tmp_path / "broken.yaml"
    broken.write_text("errcat: 1\nvendor: {id: acme\n")
    monkeypatch.setenv("ERRCAT_CATALOG", str(broken))
    r = cli("validate")
    assert r.exit_code == 1 and "broken.yaml:" in r.stdout
    assert cli("lookup", "25008").exit_code == 3  # the same file stops the other commands


def test_a_closed_pipe_is_not_a_failure():
    import subprocess
    import sys

    cmd = f"set -o pipefail; {sys.executable} -m errcat validate --list-checks | head -1"
    r = subprocess.run(["bash", "-c", cmd], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and r.stdout.startswith("CAT0") and "Traceback" not in r.stderr


def test_short_help_option(cli):
    r = cli("-h")
    assert r.exit_code == 0 and "Usage: errcat" in r.stdout
    r = cli("validate", "-h")
    assert r.exit_code == 0 and "--no-builtin" in r.stdout and "--catalog paths" not in r.stdout


@pytest.mark.parametrize("inside", [".", "sage.yaml", "observed", "observed/sage.yaml"])
def test_a_built_in_file_or_folder_is_checked_as_the_built_in_layer(cli, inside):
    """`errcat validate catalog/observed/sage.yaml` while editing it: its entries are the built-in
    ones, not an overlay that overrides each of them with itself."""
    from errcat.catalog.locate import builtin_dir

    r = cli("validate", str(builtin_dir() / inside))
    said = r.stdout + r.stderr
    assert r.exit_code == 0, said
    assert "CAT012" not in said and "0 error(s), 0 warning(s)" in said

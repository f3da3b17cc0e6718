"""What a newcomer meets first: mistakes answered with one clear line and the right exit code."""

from __future__ import annotations

import json

import pytest


def test_a_filter_value_the_catalog_does_not_know_is_a_usage_error(cli):
    r = cli("lookup", "100", "--endpoint", "/Sale/Invoic/Item")
    assert r.exit_code == 2 and "no documented endpoint '/Sale/Invoic/Item'" in r.stderr and "sale/invoice/item" in r.stderr
    r = cli("lookup", "100", "--method", "FOO")
    assert r.exit_code == 2 and "unknown HTTP method 'FOO'" in r.stderr
    r = cli("list", "--vendor", "myb")
    assert r.exit_code == 2 and "did you mean myob?" in r.stderr
    assert cli("lookup", "100", "--endpoint", "sale/invoice/item").exit_code == 0  # loose forms still work


def test_nothing_found_names_the_filters_in_force(cli):
    r = cli("lookup", "99999", "--vendor", "myob", "--status", "404")
    assert r.exit_code == 1 and "with --vendor myob --status 404" in r.stderr
    r = cli("search", "zebra", "--vendor", "sage")
    assert r.exit_code == 1 and "with --vendor sage" in r.stderr


def test_stub_refuses_another_format(cli):
    r = cli("explain", "--stub", "-f", "json", input="x")
    assert r.exit_code == 2 and "YAML" in r.stderr and r.stdout == ""


def test_until_a_bare_date_includes_that_day(cli, tmp_path):
    log = tmp_path / "a.log"
    log.write_text(
        '2026-11-20T18:00:00Z ERROR POST https://api.myob.com/accountright/x/Sale/Invoice/Item -> 400 {"Errors":[{"Name":"X","Message":"Y","ErrorCode":1}]}\n'
    )
    d = json.loads(cli("scan", str(log), "--until", "2026-11-20", "-f", "json").stdout)
    assert d["summary"]["error_records"] == 1 and d["summary"]["left_out_time"] == 0
    d = json.loads(cli("scan", str(log), "--until", "2026-11-19", "-f", "json").stdout)
    assert d["summary"]["left_out_time"] == 1


def test_usage_lines_name_their_arguments(cli):
    """POSIX usage: a required argument bare, an optional one in brackets, never in braces."""
    assert cli("lookup", "-h").stdout.splitlines()[0] == "Usage: errcat lookup [OPTIONS] QUERY"
    assert cli("explain", "-h").stdout.splitlines()[0] == "Usage: errcat explain [OPTIONS] [FILE]"
    assert cli("scan", "-h").stdout.splitlines()[0] == "Usage: errcat scan [OPTIONS] FILE..."
    for command in ("lookup", "search", "explain", "scan", "list", "vendors", "endpoints", "validate", "export", "docs"):
        assert "{" not in cli(command, "-h").stdout.splitlines()[0], command
    assert "QUERY" in cli("lookup").stderr and "{" not in cli("lookup").stderr  # the missing-argument error too


def test_install_completion_for_a_named_shell_installs_that_shell(tmp_path):
    """`errcat --install-completion zsh` on a bash machine installed bash completion; now zsh's."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "HOME": str(tmp_path), "SHELL": "/bin/bash"}
    code = "import sys; from errcat.cli import main; sys.argv = ['errcat', *sys.argv[1:]]; main()"
    done = subprocess.run(
        [sys.executable, "-c", code, "--install-completion", "zsh"], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == f"zsh completion installed in {tmp_path / '.zfunc' / '_errcat'}"  # not "Shells.zsh"
    assert (tmp_path / ".zfunc" / "_errcat").is_file() and "zfunc" in (tmp_path / ".zshrc").read_text()
    assert not (tmp_path / ".bash_completions").exists()
    wrong = subprocess.run(
        [sys.executable, "-c", code, "--install-completion", "tcsh"], env=env, capture_output=True, text=True, timeout=60
    )
    assert wrong.returncode == 2 and "unknown shell 'tcsh'" in wrong.stderr and "Traceback" not in wrong.stderr


WIDGET = 'HTTP/1.1 409 Conflict\n{"code":"WIDGET_FROZEN","message":"Widget 1234 is frozen for \'Acme Ltd\'"}\n'


def test_stub_ids_carry_no_values_and_varying_values_become_template_slots(cli, tmp_path):
    r = cli("explain", "--stub", input=WIDGET)
    assert r.exit_code == 0
    import yaml

    doc = yaml.safe_load(r.stdout)
    (entry,) = doc["entries"]
    assert entry["id"] == "my-service.observed.widget-frozen"  # from the code, not "widget-1234-..."
    assert doc["templates"] == [
        {"message": "Widget 1234 is frozen for 'Acme Ltd'", "template": "Widget {number} is frozen for {quoted}",
         "slots": {"number": "1234", "quoted": "'Acme Ltd'"}}
    ]  # fmt: skip
    assert "--vendor my-service" in r.stdout  # the paste names no service: the file says how to use it
    stub = tmp_path / "mine.yaml"
    stub.write_text(r.stdout)
    assert cli("validate", str(stub)).exit_code == 0  # the template fills back to the message (CAT007)
    other = WIDGET.replace("1234", "77").replace("Acme Ltd", "Zed & Co")
    d = json.loads(cli("explain", "--catalog", str(stub), "--vendor", "my-service", "-f", "json", input=other).stdout)
    assert d["errors"][0]["match"] == "template" and d["errors"][0]["candidates"][0]["id"] == entry["id"]


def test_a_second_stub_of_the_same_paste_adds_no_duplicate(cli, tmp_path):
    stub = tmp_path / "mine.yaml"
    stub.write_text(cli("explain", "--stub", input=WIDGET).stdout)
    again = cli("explain", "--catalog", str(stub), "--stub", input=WIDGET)
    assert again.exit_code == 0 and again.stdout == ""  # no "-2" entry
    assert "already in the catalog as my-service.observed.widget-frozen" in again.stderr
    assert "--vendor my-service" in again.stderr


def test_library_errors_do_not_speak_in_command_line_flags(cli):
    """The Python API names its own parameters; the command line names its flags."""
    import errcat

    with pytest.raises(errcat.UsageError) as refused:
        errcat.open_catalog(use_env=False).search("x", limit=0)
    assert "--" not in str(refused.value) and "limit" in str(refused.value)
    with pytest.raises(errcat.UsageError) as refused:
        errcat.open_catalog(builtin=False, use_env=False)
    assert "--" not in str(refused.value)
    r = cli("lookup", "25008", "--no-builtin")
    assert r.exit_code == 2 and "--no-builtin needs at least one --catalog path" in r.stderr
    assert cli("search", "x", "-n", "0").exit_code == 2

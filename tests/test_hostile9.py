"""Hostile input, ninth round: each input ends in a clear answer or a one-line error with a
documented exit code, never a traceback, a hang or unbounded memory, and nothing secret comes back.
Rows run the real CLI (in a subprocess where a process matters), or the real API."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import errcat
from errcat.catalog import load, locate
from errcat.errors import CatalogError
from test_hostile8 import INITIALIZE
from test_mcp import generated_token


@pytest.fixture
def edited_builtin(catalog_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The built-in catalog as a checkout holds it, with one hand edit the schema refuses: the
    vendor's name written as a list."""
    monkeypatch.setattr(locate, "builtin_dir", lambda: catalog_copy)
    monkeypatch.setattr(load, "builtin_dir", lambda: catalog_copy)
    monkeypatch.setenv("ERRCAT_NO_CACHE", "1")
    vendor_file = catalog_copy / "myob.yaml"
    text = vendor_file.read_text(encoding="utf-8")
    assert "  name: MYOB Business API\n" in text
    vendor_file.write_text(text.replace("  name: MYOB Business API\n", "  name: [MYOB, Business API]\n", 1), encoding="utf-8")
    return vendor_file


def test_a_schema_invalid_builtin_file_stops_the_load_at_its_line(edited_builtin: Path) -> None:
    with pytest.raises(CatalogError) as caught:
        errcat.load_catalog(use_env=False)
    assert "catalog/myob.yaml:8: CAT003" in str(caught.value)
    assert "vendor.name" in str(caught.value)


@pytest.mark.parametrize("args", [("docs", "--out", "{out}"), ("vendors",), ("export",)])
def test_commands_on_a_schema_invalid_builtin_file_say_where_in_one_line(cli, edited_builtin: Path, tmp_path, args) -> None:
    out = tmp_path / "pages"
    done = cli(*(a.format(out=out) for a in args))
    assert done.exit_code == 3, done.output
    assert done.exception is None or isinstance(done.exception, SystemExit), done.exception
    lines = done.stderr.strip().splitlines()
    assert lines == ["errcat: catalog/myob.yaml:8: CAT003 schema: vendor.name: ['MYOB', 'Business API'] is not of type 'string'"]
    assert not out.exists()  # no pages written from a catalog that did not load


def test_an_unknown_mcp_method_is_refused_without_quoting_a_token_in_it_or_all_of_a_long_name() -> None:
    pytest.importorskip("mcp")
    token = generated_token()
    asked = [INITIALIZE, {"jsonrpc": "2.0", "method": "notifications/initialized"}]
    asked += [{"jsonrpc": "2.0", "id": 2, "method": f"tools/{token}"}, {"jsonrpc": "2.0", "id": 3, "method": f"Bearer {token}"}]
    asked += [{"jsonrpc": "2.0", "id": 4, "method": "x" * 3_000_000}, {"jsonrpc": "2.0", "id": 5, "method": "ping"}]
    lines = "".join(json.dumps(message) + "\n" for message in asked)
    done = subprocess.run([sys.executable, "-m", "errcat", "mcp"], input=lines, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert token not in done.stdout + done.stderr
    answers = {a["id"]: a for a in map(json.loads, done.stdout.splitlines())}
    assert [answers[i]["error"]["code"] for i in (2, 3, 4)] == [-32601] * 3
    assert answers[2]["error"]["data"] == "tools/[REDACTED]"  # what was refused, still named
    assert len(json.dumps(answers[4])) < 2_000 and "3,000,000 characters" in answers[4]["error"]["data"]
    assert answers[5]["result"] == {}


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.scan("\ud800.log"),
        lambda c: c.scan(["ok.log", "\udfff"]),
        lambda c: errcat.validate("\ud800.yaml"),
        lambda c: errcat.open_catalog(["\ud83d.yaml"]),
    ],
)
def test_a_name_holding_a_lone_surrogate_is_a_usage_error_not_unicode_encode_error(catalog, call) -> None:
    with pytest.raises(errcat.UsageError, match="lone surrogate no file name can"):
        call(errcat.ErrorCatalog(catalog))


def test_an_unknown_filter_named_by_a_token_is_refused_without_it(catalog) -> None:
    token = generated_token()
    with pytest.raises(errcat.UsageError) as caught:
        errcat.ErrorCatalog(catalog).lookup("401", **{token: 1})
    assert token not in str(caught.value)
    assert str(caught.value).startswith("unknown filter(s) [REDACTED]: the filters are vendor")


def _limited_to_100_kb() -> None:
    """The child's file-size limit, as a full disk: a write past it takes part of its bytes, the next fails (EFBIG)."""
    import resource
    import signal

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of the signal that kills
    resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))


@pytest.mark.parametrize("fmt", ["json", "csv", "yaml"])
def test_output_cut_short_by_a_full_file_system_is_an_error_not_exit_0(tmp_path: Path, fmt: str) -> None:
    whole = subprocess.run([sys.executable, "-m", "errcat", "export", "-f", fmt], capture_output=True, timeout=120)
    assert whole.returncode == 0 and len(whole.stdout) > 200_000  # more than the limit lets through
    target = tmp_path / f"export.{fmt}"
    with target.open("wb") as out:
        done = subprocess.run(
            [sys.executable, "-m", "errcat", "export", "-f", fmt],
            stdout=out,
            stderr=subprocess.PIPE,
            preexec_fn=_limited_to_100_kb,
            timeout=120,
        )
    assert done.returncode == 2, (done.returncode, target.stat().st_size)
    assert done.stderr.decode() == "errcat: cannot write the output: File too large\n"


@pytest.mark.parametrize("kernel_log", ["/proc/kmsg", "/dev/kmsg"])
def test_explain_refuses_the_kernels_log_unread_even_through_a_link(tmp_path: Path, kernel_log: str) -> None:
    link = tmp_path / "today.log"
    link.symlink_to(kernel_log)  # judged by where it leads: no read of it ever ends
    for name in (kernel_log, str(link)):
        done = subprocess.run([sys.executable, "-m", "errcat", "explain", name], capture_output=True, text=True, timeout=60)
        assert done.returncode == 2
        assert done.stderr == f"errcat: cannot read {name}: the kernel's log never ends: dmesg | errcat explain -\n"


def test_docs_names_its_folder_without_a_token_in_the_name(cli, tmp_path: Path) -> None:
    token = generated_token()
    checked = cli("docs", "--check", "--out", str(tmp_path / token))
    assert checked.exit_code == 1
    assert token not in checked.stderr and f"{tmp_path}/[REDACTED] does not exist" in checked.stderr
    written = cli("docs", "--out", str(tmp_path / token), "--vendor", "myob")
    assert written.exit_code == 0 and (tmp_path / token / "myob.md").is_file()
    assert written.stderr == f"wrote {tmp_path}/[REDACTED]/myob.md\n"


@pytest.mark.parametrize("args", [("--help",), ("--version",), ("lookup", "--help")])
def test_help_and_version_to_a_full_disk_say_so_in_one_line(args: tuple[str, ...]) -> None:
    with open("/dev/full", "wb") as full:
        done = subprocess.run([sys.executable, "-m", "errcat", *args], stdout=full, stderr=subprocess.PIPE, timeout=60)
    assert (done.returncode, done.stderr.decode()) == (2, "errcat: cannot write the output: No space left on device\n")


@pytest.mark.parametrize("args", [("--help",), ("--version",)])
def test_help_and_version_to_a_closed_pipe_end_quietly_as_a_command_does(args: tuple[str, ...]) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "errcat", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before errcat writes, as `| head -0` or a quit pager
    assert (proc.wait(timeout=60), proc.stderr.read()) == (0, b"")


# Hashes of the forms crypt(5) lists, made for this test (random salts and digests of the right alphabets and lengths).
CRYPT_HASHES = [
    "$y$j9T$F5Jx0cPPTa4dg7WQfW2Ns1$3vBdSdI3hdE.FXTuMI9IMhB1d5eMXE2EN6Q3dOF8ya/",
    "$6$Zq8xK2pL$Rk3vT9mW1nB7yH4cE6uJ0sA5dF8gQ2wX7zL1pO3iU9tY6rE4wQ8aS2dF5gH7jK9lZ1xC3vB5nM7qW9eR2tY4u.",
    "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW",
    "$apr1$r31.x7Qp$HqJZimcKQFAMYayBlzkrA/",
    "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG",
]


@pytest.mark.parametrize("digest", CRYPT_HASHES)
def test_a_password_hash_is_masked_whole_not_in_part(digest: str) -> None:
    from errcat.gate import shown

    line = f"bob:{digest}:19500:0:99999:7:::"
    assert shown(line) == "bob:[REDACTED]:19500:0:99999:7:::"
    x = errcat.explain(f"HTTP/1.1 500 Internal Server Error\n\nsync failed for row {line}")
    text = str(x) + json.dumps(x.as_dict())
    assert not [part for part in digest.split("$") if len(part) > 3 and part in text]


def test_dollar_amounts_and_sage_keys_stay_readable() -> None:
    from errcat.gate import shown

    for text in ("paid $5 and $6 of $12.50", '{"$severity":"error","$dataCode":"X","$source":"y"}', "cost $2$ per call"):
        assert shown(text) == text


@pytest.mark.parametrize("command", ["explain", "scan"])
@pytest.mark.parametrize("kernel_log", ["/proc/kmsg", "/dev/kmsg"])
def test_stdin_redirected_from_the_kernels_log_is_refused_unread(kernel_log: str, command: str) -> None:
    try:
        stdin = open(kernel_log, "rb")  # noqa: SIM115  # closed below
    except OSError:  # not this user's to read: then the name is what errcat is given, and refused the same
        stdin, args = subprocess.DEVNULL, [command, kernel_log]
    else:
        args = [command, "-"]
    with stdin if stdin is not subprocess.DEVNULL else open(os.devnull, "rb"):
        done = subprocess.run([sys.executable, "-m", "errcat", *args], stdin=stdin, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "the kernel's log never ends" in done.stdout + done.stderr

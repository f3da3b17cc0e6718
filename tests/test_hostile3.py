"""Hostile input, third round: each input ends in a clear answer or a one-line error with a
documented exit code, never a traceback, a hang, unbounded memory or a silent drop. Rows run the
real CLI in a subprocess (``run`` asserts no traceback) or the real API."""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import errcat
from test_hostile import out, run
from test_input_bytes import BODY, LOG, _encoded

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

# The example presigned URL of AWS's "Authenticating Requests: Using Query Parameters (AWS Signature
# Version 4)" page (docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html): its query.
AWS_PRESIGNED_QUERY = (
    "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
    "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
    "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"
)
AWS_SIGNATURE = "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"


# ---- scan's URL inputs -------------------------------------------------------------------------


def test_a_signed_url_given_to_scan_is_never_printed_back_with_its_signature():
    url = f"http://127.0.0.1:1/test.txt?{AWS_PRESIGNED_QUERY}"  # port 1: refused at once, no network
    done = run("scan", url)
    assert done.returncode == 2
    shown = out(done) + done.stderr.decode()
    assert "127.0.0.1:1/test.txt" in shown  # the input is named...
    assert AWS_SIGNATURE not in shown and "AKIAIOSFODNN7EXAMPLE" not in shown  # ...without its credentials


def test_a_url_whose_filesystem_cannot_connect_is_one_line_and_exit_2():
    # fsspec's FTP filesystem connects when it is made: a host that does not resolve raised socket.gaierror
    done = run("scan", "ftp://scan-user:Zq3kFqT0yVb9@nonexistent.invalid/app.log")
    assert done.returncode == 2
    (line,) = done.stderr.decode().splitlines()
    assert line.startswith("errcat: ftp://***@nonexistent.invalid/app.log: cannot open (")
    assert "Zq3kFqT0yVb9" not in line


# ---- a catalog folder --------------------------------------------------------------------------


def test_a_catalog_folder_as_big_as_a_disk_is_refused_before_it_is_walked_whole(tmp_path):
    # `--catalog /` walked the whole disk (40 s here) and then died on a folder that vanished mid-walk
    for i in range(10_001):
        (tmp_path / f"note-{i}.txt").touch()
    for args in (["lookup", "25008", "--catalog", str(tmp_path)], ["validate", str(tmp_path)]):
        done = run(*args)
        assert done.returncode == 2
        assert done.stderr.decode().splitlines() == [
            f"errcat: catalog folder {tmp_path} holds more than 10,000 files and folders: name the folder of your catalog files"
        ]


def test_a_catalog_folder_with_a_link_loop_and_a_folder_link_inside_loads_its_own_files(tmp_path):
    shutil.copy(EXAMPLES / "team-errors.yaml", tmp_path / "team.yaml")
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    (tmp_path / "up").symlink_to(tmp_path)  # followed, it would load team.yaml twice, or forever
    done = run("lookup", "TeamGatewayTimeout", "--catalog", str(tmp_path))
    assert done.returncode == 0 and "myob.team.proxy-timeout" in out(done)


# ---- UTF-32 behind its byte-order mark ---------------------------------------------------------
# UTF-32-LE's mark, FF FE 00 00, opens like UTF-16-LE's: it was decoded as UTF-16, so scan read a
# NUL after every character and found no error in the log, silently; explain called it binary.


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-le-bom", "utf-32-be-bom"])
def test_explain_reads_a_utf32_paste_behind_its_mark(encoding):
    with errcat.ErrorCatalog.open(use_env=False) as catalog:
        x = catalog.explain_bytes(_encoded(BODY, encoding))
    assert x.vendor == "myob" and [m.best.entry.code for m in x.errors if m.best] == [25008]
    assert not x.notes


@pytest.mark.parametrize("packed", [False, True], ids=["plain", "gzip"])
@pytest.mark.parametrize("encoding", ["utf-32-le-bom", "utf-32-be-bom"])
def test_scan_reads_a_utf32_log_as_its_utf8(tmp_path, encoding, packed):
    data = _encoded(LOG * 3, encoding)
    path = tmp_path / "app.log"
    path.write_bytes(gzip.compress(data) if packed else data)
    done = run("scan", str(path), "--format", "json")
    assert done.returncode == 0
    report = json.loads(out(done))
    assert [(g["code"], sum(g["match_kinds"].values())) for g in report["matched"]] == [(25008, 3)]
    (read,) = report["inputs"]
    assert read["lines"] == 3 and (read["unpacked"] if packed else read["bytes"]) == len(data)  # unpacked: was 0


# ---- the Python API given one path, or the wrong type -------------------------------------------


@pytest.fixture(scope="module")
def catalog():
    with errcat.ErrorCatalog.open(use_env=False) as c:
        yield c


def test_one_catalog_path_given_as_a_string_is_that_file_not_its_letters():
    # open_catalog("team.yaml") said "catalog path not found: t": the string was walked letter by letter
    team = str(EXAMPLES / "team-errors.yaml")
    with errcat.open_catalog(team, use_env=False) as c:
        assert c.lookup("TeamGatewayTimeout").found
    assert any(e.id == "myob.team.proxy-timeout" for e in errcat.load_catalog(team, use_env=False).entries)
    assert not [p for p in errcat.validate(team) if p.level == "error"]


def test_one_log_given_to_scan_as_a_string_is_that_file_not_its_letters(catalog, tmp_path):
    log = tmp_path / "app.log"
    log.write_text(LOG)
    report = catalog.scan(str(log))  # was a scan of "/", "t", "m", "p", ... each "cannot read"
    assert [(i.name, i.lines, i.problem) for i in report.inputs] == [(str(log), 1, None)]


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.lookup(None),
        lambda c: c.lookup(25008),
        lambda c: c.lookup(b"25008"),
        lambda c: c.search(None),
        lambda c: c.search("locked", "3"),
        lambda c: c.lookup("100", vendor=["myob"]),
        lambda c: c.lookup("100", method=5),
        lambda c: c.lookup("100", endpoint=5),
        lambda c: c.list(severity=5),
        lambda c: c.explain("x", vendor=5),
        lambda c: c.scan(["-"], workers="2"),
        lambda c: c.scan(5),
        lambda c: errcat.open_catalog(5),
        lambda c: errcat.open_catalog([None]),
        lambda c: errcat.validate([5]),
    ],
)
def test_a_wrong_type_given_to_the_api_is_a_usage_error(catalog, call):
    with pytest.raises(errcat.UsageError):  # was AttributeError or TypeError from deep inside
        call(catalog)


def test_a_status_filter_given_as_text_filters_as_the_number(catalog):
    # lookup("100", status="400") found nothing: "400" was compared with each row's 400
    assert catalog.lookup("100", status="400") == catalog.lookup("100", status=400)
    assert catalog.lookup("100", status="400").found


@pytest.mark.parametrize("option", ["--method", "--endpoint", "--severity", "--vendor"])
def test_an_empty_filter_is_a_usage_error_not_no_filter(option):
    # `--method ''` and `--endpoint ''` listed every error, as if the filter had not been given
    done = run("list", option, "")
    assert done.returncode == 2 and not done.stdout
    assert done.stderr.decode().splitlines() == [f"errcat: the {option[2:]} filter is empty: give one, or leave the filter out"]


# ---- an XML body the paste stops inside ---------------------------------------------------------
# Two documented InvoiceXpress messages (catalog/invoicexpress.entries.yaml) in its <errors> body.
IX_XML = '<?xml version="1.0" encoding="UTF-8"?>\n<errors>\n  <error>Client is invalid</error>\n  <error>Vat Number is already used in another account</error>\n'


def _ix_messages(x) -> list[tuple[str, str]]:
    return [(m.observed.message, m.kind) for m in x.errors]


def test_an_xml_body_cut_short_gives_the_errors_it_closes(catalog):
    # a forum post that stops mid-body: no </errors>, so the whole paste was read as one plain-text message
    x = catalog.explain(IX_XML + "  <error>Vat Num", vendor="invoicexpress")
    assert _ix_messages(x) == [("Client is invalid", "exact"), ("Vat Number is already used in another account", "exact")]
    assert "the paste stops in the middle of the body (cut short); what is there was read" in x.notes


def test_an_xml_body_past_the_paste_cap_gives_the_errors_before_the_cap(catalog):
    body = IX_XML.replace("\n", "") * 40_000 + "</errors>"  # 3.6 MB: the 2 MiB cap cuts it mid-body
    x = catalog.explain_bytes(body.encode(), vendor="invoicexpress")
    assert {m.observed.message for m in x.errors} == {"Client is invalid", "Vat Number is already used in another account"}
    assert all(m.kind == "exact" for m in x.errors)
    assert not any("not valid JSON" in n for n in x.notes)  # the note said JSON of an XML body


# ---- a big catalog file, under the 16 MiB cap ----------------------------------------------------


def _address_space(limit: int):
    def set_limit() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    return set_limit


def test_a_catalog_file_of_too_many_values_is_refused_before_it_is_built(tmp_path):
    # 6 MB of one-line entries composed into 1,000,000 YAML nodes: 1.4 GB, and a SystemError traceback
    team = tmp_path / "team.yaml"
    team.write_text("errcat: 1\nids: [" + ",".join(["1"] * 250_010) + "]\n")
    done = run("lookup", "25008", "--catalog", str(team), preexec_fn=_address_space(1 << 30))
    assert done.returncode == 3
    assert done.stderr.decode().splitlines() == [
        f"errcat: {team}:2: CAT001 yaml-syntax: the file holds more than 250,000 values (keys, items and scalars): "
        "split it into smaller files"
    ]


def test_a_catalog_file_of_many_broken_entries_lists_its_first_thousand_problems_in_bounded_memory(tmp_path):
    # each entry lacks its required fields: jsonschema's errors for all 49,000 of them took 1.4 GB
    team = tmp_path / "team.yaml"
    rows = "".join(f"  - {{id: team.e{i}, status: 400}}\n" for i in range(49_000))
    team.write_text(f"errcat: 1\nvendor: {{id: team, name: Team}}\nentries:\n{rows}")
    done = run("validate", str(team), preexec_fn=_address_space(1 << 30))
    assert done.returncode == 1
    lines = out(done).splitlines()
    assert len([ln for ln in lines if ": CAT003 schema: entries." in ln]) == 1_000
    assert any("more schema problems than the first 1,000 listed; fix those and validate again" in ln for ln in lines)


# ---- scan's time window --------------------------------------------------------------------------


def test_an_empty_since_is_a_usage_error_not_no_window(tmp_path):
    log = tmp_path / "app.log"
    log.write_text(LOG)
    done = run("scan", str(log), "--since", "")  # read every record, as if --since had not been given
    assert done.returncode == 2 and not done.stdout
    assert done.stderr.decode().splitlines() == [
        "errcat: --since is empty: give a time (2026-11-19, 2026-11-19T02:00:00Z) or a span (6h, 2d)"
    ]


def test_a_window_that_ends_before_it_starts_is_a_usage_error(tmp_path):
    log = tmp_path / "app.log"
    log.write_text(LOG)
    done = run("scan", str(log), "--since", "2026-11-19T02:00:00Z", "--until", "2026-11-18")  # was exit 0, nothing found
    assert done.returncode == 2 and not done.stdout
    assert done.stderr.decode().splitlines() == [
        "errcat: --since 2026-11-19T02:00:00Z is after --until 2026-11-18: no time is in that window"
    ]
    same_day = run("scan", str(log), "--since", "2026-11-19", "--until", "2026-11-19")  # a day is a window
    assert same_day.returncode == 0 and "1 vendor error(s)" in out(same_day)


def test_a_log_named_twice_is_read_once_and_said_so(tmp_path):
    # `errcat scan app.log app.log` (or app.log and a link to it, as a shell glob may give) counted each error twice
    log = tmp_path / "app.log"
    log.write_text(LOG * 2)
    (tmp_path / "current.log").symlink_to(log)
    done = run("scan", str(log), str(log), str(tmp_path / "current.log"), "--format", "json")
    assert done.returncode == 0
    report = json.loads(out(done))
    assert [sum(g["match_kinds"].values()) for g in report["matched"]] == [2]
    assert [i["problem"] for i in report["inputs"]] == [None, *[f"the same file as {log}, read once"] * 2]


# ---- docs --prune ---------------------------------------------------------------------------------


def test_docs_prune_deletes_only_pages_errcat_generated(tmp_path):
    # `errcat docs --out docs --prune` deleted every markdown file of the folder no vendor produces:
    # a project's own docs/scan.md, docs/README.md...
    from errcat.docs import GENERATED_NOTE

    (tmp_path / "README.md").write_text("# Our docs\n\nHow we sync invoices.\n")
    (tmp_path / "oldvendor.md").write_text(GENERATED_NOTE + "\n# A vendor no longer in the catalog\n")
    done = run("docs", "--out", str(tmp_path), "--prune")
    assert done.returncode == 0
    assert (tmp_path / "README.md").read_text() == "# Our docs\n\nHow we sync invoices.\n"
    assert not (tmp_path / "oldvendor.md").exists()
    assert run("docs", "--out", str(tmp_path), "--check").returncode == 0  # the user's page is no orphan either


# ---- ERRCAT_* with bad values -------------------------------------------------------------------


@pytest.mark.parametrize("value", ["abc", "0", "-5", "9" * 30])
def test_a_cache_keep_that_is_no_count_is_said_once_and_the_default_kept(tmp_path, value):
    # ERRCAT_CACHE_KEEP=abc was ignored without a word (and 0 or -5 quietly became 1)
    done = run("cache", "info", env={"ERRCAT_CACHE_DIR": str(tmp_path), "ERRCAT_CACHE_KEEP": value})
    assert done.returncode == 0
    assert "keeps the 8 most recently used indexes" in out(done)
    assert done.stderr.decode().splitlines() == [
        f"errcat: warning: ERRCAT_CACHE_KEEP={value!r} is not a number of indexes from 1 to 999999999; 8 are kept"
    ]


# ---- a team catalog whose many entries share one guide ---------------------------------------------


def test_search_titles_a_group_of_8000_rows_in_linear_time(one_guide_for_8000):
    # the title tested each name against the codes property, rebuilt per name: 60-90 s for this search
    team, env = one_guide_for_8000
    done = subprocess.run(
        [sys.executable, "-m", "errcat", "search", "Upstream MYOB call timed out", "-n", "1", "-c", str(team)],
        env=env, capture_output=True, timeout=30,
    )  # fmt: skip
    assert done.returncode == 0 and b"Traceback" not in done.stderr
    assert out(done).startswith(" 1. myob 100000 100001 ") and "8000 row(s)" in out(done)
    title = out(done).splitlines()[0]  # ten codes and ten names, then how many more: one line, not 150 KB
    assert "100009 (+7,990 more) TeamTimeout0 " in title and title.count("(+7,990 more)") == 2 and len(title) < 400

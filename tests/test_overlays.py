"""User catalogs: --catalog, ERRCAT_CATALOG, --no-builtin, overrides, broken overlays."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import errcat

TEAM = """\
errcat: 1
vendor:
  id: myob
guides:
  myob.team-timeout:
    summary: Our proxy timed out talking to MYOB.
    causes: [The proxy's 30 s limit.]
    fix: Raise the proxy limit.
    retry: backoff
    actor: integrator
entries:
  - id: myob.generic.gateway-timeout
    vendor: myob
    endpoint: null
    methods: [GET]
    scenario: Seen behind our proxy
    status: 504
    code: null
    name: GatewayTimeout
    message: Connection to the API has timed out
    severity: error
    guide: myob.team-timeout
    source: {document: team wiki}
  - id: myob.team.custom
    vendor: myob
    endpoint: /Sale/Invoice/Item
    methods: [POST]
    scenario: Our own observation
    status: 400
    code: 99999
    name: TeamObserved
    message: Something only we have seen
    severity: warning
    guide: myob.team-timeout
    source: {document: team wiki}
"""


@pytest.fixture
def team(tmp_path: Path) -> Path:
    path = tmp_path / "team.yaml"
    path.write_text(TEAM)
    return path


def test_overlay_adds_and_overrides(cli, team):
    d = json.loads(cli("lookup", "99999", "--catalog", str(team), "--format", "json").stdout)
    assert d["sections"][0]["errors"][0]["names"] == ["TeamObserved"]
    d = json.loads(cli("lookup", "myob.generic.gateway-timeout", "--catalog", str(team), "--format", "json").stdout)
    (entry,) = [e for s in d["sections"] for g in s["errors"] for e in g["entries"]]
    assert entry["scenario"] == "Seen behind our proxy"
    assert cli("lookup", "99999").exit_code == 1  # not without the overlay


def test_env_var_path_list(cli, team, tmp_path, monkeypatch):
    other = tmp_path / "empty-dir"
    other.mkdir()
    (other / "x.yaml").write_text("errcat: 1\nvendor: {id: acme, name: Acme}\n")
    monkeypatch.setenv("ERRCAT_CATALOG", os.pathsep.join([str(team), str(other)]))
    assert cli("lookup", "99999").exit_code == 0
    d = json.loads(cli("vendors", "--format", "json").stdout)
    assert "acme" in {v["id"] for v in d["vendors"]}


def test_no_builtin(cli, team):
    result = cli("lookup", "25008", "--no-builtin", "--catalog", str(team))
    assert result.exit_code == 1
    assert cli("lookup", "99999", "--no-builtin", "--catalog", str(team)).exit_code == 0
    assert cli("lookup", "25008", "--no-builtin").exit_code == 2


@pytest.mark.parametrize(
    ("text", "line", "code"),
    [
        ("errcat: 1\nvendor: {id: myob}\nentries:\n  - id: myob.x\n    status: [\n", 6, "CAT001"),
        ("errcat: 1\nvendor: {id: myob}\nvendor: {id: sage}\n", 3, "CAT002"),
        ("errcat: 1\nvendor: {id: myob}\nentries:\n  - id: myob.x\n    vendor: myob\n", 4, "CAT003"),
        ("errcat: 2\nvendor: {id: myob}\n", 1, "CAT003"),
    ],
)
def test_broken_overlay_gives_file_line_never_a_traceback(cli, tmp_path, text, line, code):
    bad = tmp_path / "broken.yaml"
    bad.write_text(text)
    result = cli("lookup", "25008", "--catalog", str(bad))
    assert result.exit_code == 3
    assert "Traceback" not in result.output
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"errcat: {bad}:{line}: {code} "), first


def test_overlay_entry_with_unknown_guide_is_rejected(cli, tmp_path):
    bad = tmp_path / "noguide.yaml"
    bad.write_text(
        TEAM.replace(
            "guide: myob.team-timeout\n    source: {document: team wiki}\n  - id: myob.team.custom",
            "guide: myob.nope\n    source: {document: team wiki}\n  - id: myob.team.custom",
        )
    )
    result = cli("list", "--catalog", str(bad))
    assert result.exit_code == 3 and "CAT006 missing-guide" in result.stderr


def test_python_api(team):
    catalog = errcat.ErrorCatalog.from_catalog(errcat.load_catalog([team], use_env=False))
    result = catalog.lookup("TeamObserved")
    assert result.found and result.sections[0].groups[0].entries[0].severity == "warning"
    hits = catalog.search("proxy timed out", vendor="myob")
    assert hits[0].group.guide is not None and hits[0].group.guide.id == "myob.team-timeout"
    assert catalog.list(vendor="myob", severity="warning")
    with pytest.raises(errcat.UsageError, match="the filters are vendor, endpoint, method, status, severity"):
        catalog.list(vendr="myob")
    with errcat.open_catalog([team], use_env=False) as cached:
        assert cached.lookup("TeamObserved") == result
    with pytest.raises(errcat.CatalogError) as info:
        errcat.load_catalog([_broken(team)])
    assert info.value.exit_code == 3 and info.value.problems[0].code == "CAT002"
    with pytest.raises(errcat.UsageError):
        errcat.load_catalog([team.parent / "missing.yaml"])


def _broken(team: Path) -> Path:
    path = team.parent / "dup.yaml"
    path.write_text("errcat: 1\nerrcat: 1\nvendor: {id: myob}\n")
    return path


def test_a_team_guide_is_marked_as_its_catalog_files_words_not_errcats(cli, team, tmp_path):
    """A team's layer writes its own advice: lookup, explain, scan and JSON say it comes from that file, not that
    it is errcat's reading (the README's own example showed a runbook's advice as "errcat's reading of the
    document"); the built-in catalog's guides keep errcat's mark."""
    text = cli("lookup", "99999", "--catalog", str(team)).stdout
    assert "Our proxy timed out talking to MYOB.  [from " in text and "team.yaml]" in text
    assert "errcat's reading" not in text
    d = json.loads(cli("lookup", "99999", "--catalog", str(team), "--format", "json").stdout)
    by = [g["explanation"]["by"] for s in d["sections"] for g in s["errors"] if g.get("explanation")]
    assert by and all(b.startswith("the catalog file ") and b.endswith("team.yaml") for b in by)
    paste = tmp_path / "paste.txt"
    paste.write_text(
        'POST https://api.myob.com/accountright/x/Sale/Invoice/Item\nHTTP/1.1 400\n\n{"Errors":[{"ErrorCode":99999,"Message":"Something only we have seen"}]}\n'
    )
    explained = cli("explain", str(paste), "--catalog", str(team)).stdout
    assert "Our proxy timed out talking to MYOB." in explained and "errcat's reading" not in explained
    log = tmp_path / "app.log"
    log.write_text("2026-01-01 10:00:00 ERROR " + paste.read_text().replace("\n", " ") + "\n")
    scanned = cli("scan", str(log), "--catalog", str(team)).stdout
    assert "Our proxy timed out talking to MYOB." in scanned and "[from " in scanned and "errcat's reading" not in scanned
    builtin = cli("lookup", "25008").stdout
    assert "[errcat's reading of the document]" in builtin and "[errcat's reading]" in builtin


def test_a_team_guides_mark_wraps_whole_on_a_narrow_terminal(team, monkeypatch):
    """At 60 columns "[from .../team.yaml]" stays on one line, as errcat's own marks do (it ended a line "[from")."""
    import io

    from errcat.query import lookup
    from errcat.render.console import print_lines
    from errcat.render.text import lookup_lines

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    index = errcat.open_catalog(paths=[team], use_env=False).index
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm")
    for width in range(40, 131, 10):
        monkeypatch.setenv("COLUMNS", str(width))
        out = Tty()
        print_lines(lookup_lines(lookup(index, "99999")), out)
        lines = out.getvalue().splitlines()
        assert sum("[from " in line and "team.yaml]" in line for line in lines) >= 1, (width, lines)
        assert not any(line.rstrip().endswith("[from") for line in lines), (width, lines)

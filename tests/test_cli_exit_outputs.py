"""What a command-line run writes is whole when the process ends, though the command line skips Python's last cycle
collection (errcat.__main__._collect_less: a collection every 50,000 new objects, and gc.freeze at exit; startup3).

An object left in a reference cycle is never finalised once frozen: a file or a buffer not closed before the exit
handlers run would lose its unwritten bytes (nor does CPython's own last collection flush one reliably: a job summary
left open in a cycle came out empty with and without the setting). Each output is written by a real `python -m errcat`
run, checked whole, and must be the same bytes as the same command run through errcat.cli.main alone (Python's own
collector, its last collection included): a scan's JSON report and the job summary it appends, the pages `docs --out`
writes, an explanation, MCP answers, and the compiled regexes kept in the cache folder by an exit handler that runs
before the freeze."""

from __future__ import annotations

import json
import marshal
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

LOGHUB = Path(__file__).resolve().parents[2] / "shared" / "logs" / "loghub"
CORPUS = Path(__file__).parent / "data" / "realworld.jsonl"
# Python's default collector: errcat's command line started without errcat.__main__ (no _collect_less)
PLAIN = "import sys\nfrom errcat.cli import main\nsys.argv = ['errcat', *sys.argv[1:]]\nmain()\n"
# how long a scan took: the one thing two runs print differently
TIMES = re.compile(r'(?<= in )[\d.,]+ m?s\b|(?<="seconds": )[\d.]+')


def corpus_paste(case: str) -> str:
    return next(c["raw"] for c in map(json.loads, CORPUS.read_text(encoding="utf-8").splitlines()) if c["id"] == case)


# a MYOB error object as a MYOB integration's note quotes it (IncorrectRowVersionSupplied, 111)
MYOB_PASTE = corpus_paste("own-x21-0")


@pytest.fixture(scope="module")
def warmed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache folder as a first run leaves it (the index, a scan's compiled databases, the regexes kept at exit):
    the tests of outputs start each of their runs from a copy of it, as a user's second run does. A cold start in every
    run built all of it again, about 2.5 s of CPU each, ten times; test_the_regexes_kept_at_exit_are_whole still starts
    from nothing, the one test here of what a first run leaves."""
    folder = tmp_path_factory.mktemp("warmed")
    run(["scan", str(LOGHUB / "Linux_2k.log"), "--format", "json"], folder, plain=False)
    run(["explain", "-"], folder, plain=False, stdin=MYOB_PASTE)
    return folder / "cache"


def run(
    args: list[str], tmp_path: Path, *, plain: bool, stdin: str = "", warm: Path | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    """The command line run in a process of its own, with its own cache folder (the regexes kept there too): a copy of
    `warm` if it has none yet."""
    cache = tmp_path / ("cache-plain" if plain else "cache")
    if warm is not None and not cache.exists():
        shutil.copytree(warm, cache)
    environ = {k: v for k, v in os.environ.items() if k not in ("ERRCAT_CATALOG", "GITHUB_STEP_SUMMARY")}
    environ |= {"ERRCAT_CACHE_DIR": str(cache), "NO_COLOR": "1", **env}
    command = [sys.executable, "-c", PLAIN] if plain else [sys.executable, "-m", "errcat"]
    done = subprocess.run([*command, *args], input=stdin, capture_output=True, text=True, env=environ, timeout=300)
    assert "Traceback" not in done.stderr, done.stderr
    return done


def test_the_command_line_collects_less_and_not_at_exit() -> None:
    """What this file guards: `python -m errcat` sets the threshold and freezes at exit (else the tests below compare
    two runs of the same collector)."""
    code = (
        "import atexit, gc, errcat.__main__ as m\nm._collect_less()\nthreshold = gc.get_threshold()[0]\n"
        "frozen = gc.get_freeze_count()\natexit._run_exitfuncs()\nprint(threshold, frozen, gc.get_freeze_count())"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    threshold, before, after = map(int, done.stdout.split())
    assert threshold == 50_000 and before == 0 and after > 0


@pytest.mark.parametrize("log", ["OpenStack_2k.log", "Linux_2k.log"])
def test_a_scans_report_and_job_summary_are_whole(tmp_path: Path, log: str, warmed: Path) -> None:
    """`errcat scan --format github` prints annotations and appends the markdown report to $GITHUB_STEP_SUMMARY; the
    JSON report is one document. Both alike with Python's own collector, and complete."""
    outputs = {}
    for plain in (False, True):
        summary = tmp_path / f"summary-{plain}.md"
        github = run(
            ["scan", str(LOGHUB / log), "--format", "github"],
            tmp_path,
            plain=plain,
            warm=warmed,
            GITHUB_STEP_SUMMARY=str(summary),
        )
        report = run(["scan", str(LOGHUB / log), "--format", "json"], tmp_path, plain=plain, warm=warmed)
        said = (github.stdout, summary.read_text(encoding="utf-8"), report.stdout)
        outputs[plain] = (github.returncode, *(TIMES.sub("0", text) for text in said))
    assert outputs[False] == outputs[True]
    code, annotations, summary_text, report_text = outputs[False]
    assert code == 0 and annotations.startswith("scanned 1 of 1 input(s): 2,000 lines")
    assert summary_text.startswith("## errcat scan\n") and summary_text.endswith("\n")
    summary = json.loads(report_text)["summary"]
    assert summary["other_programs"] > 0 and f"{summary['other_programs']} error(s) of other programs" in summary_text


def test_the_pages_docs_writes_are_whole(tmp_path: Path, warmed: Path) -> None:
    pages = {}
    for plain in (False, True):
        out = tmp_path / f"pages-{plain}"
        done = run(["docs", "--out", str(out)], tmp_path, plain=plain, warm=warmed)
        assert done.returncode == 0, done.stderr
        pages[plain] = {p.name: p.read_bytes() for p in out.iterdir()}
    assert pages[False] == pages[True]
    assert set(pages[False]) == {"index.md", "myob.md", "sage.md", "invoicexpress.md", "prospend.md"}
    assert b"25008" in pages[False]["myob.md"] and all(page.endswith(b"\n") for page in pages[False].values())


def test_an_explanation_printed_is_whole(tmp_path: Path, warmed: Path) -> None:
    printed = [
        run(["explain", "--format", "json"], tmp_path, plain=plain, stdin=MYOB_PASTE, warm=warmed).stdout
        for plain in (False, True)
    ]
    assert printed[0] == printed[1]
    explained = json.loads(printed[0])
    assert explained["vendor"] == "myob" and explained["errors"][0]["observed"]["code"] == "111"


def test_an_mcp_answer_is_whole(tmp_path: Path, warmed: Path) -> None:
    """The server answers on stdout, calls in any order, and ends when stdin is closed: every answer is out before the
    process ends."""
    init = {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "exit", "version": "0"}}
    lines = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": init},
        {"jsonrpc": "2.0", "method": "notifications/initialized"},
        {"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": {"name": "explain", "arguments": {"text": MYOB_PASTE}}},
        {"jsonrpc": "2.0", "id": 3, "method": "tools/call", "params": {"name": "lookup", "arguments": {"query": "25008"}}},
    ]
    sent = "".join(json.dumps(line) + "\n" for line in lines)
    answers = []
    for plain in (False, True):
        done = run(["mcp"], tmp_path, plain=plain, stdin=sent, warm=warmed)
        assert done.returncode == 0, done.stderr
        answers.append(sorted((json.loads(line) for line in done.stdout.splitlines()), key=lambda a: a["id"]))  # (as answered)
    assert answers[0] == answers[1] and [a["id"] for a in answers[0]] == [1, 2, 3]
    assert answers[0][1]["result"]["structuredContent"]["vendor"] == "myob"
    assert answers[0][2]["result"]["structuredContent"]["found"] is True


def test_the_regexes_kept_at_exit_are_whole(tmp_path: Path) -> None:
    """The compiled regexes are written by an exit handler (errcat.regex_codes._save), which runs before the freeze:
    the file a first run leaves is read whole by the next."""
    run(["explain", "-"], tmp_path, plain=False, stdin=MYOB_PASTE)
    [kept] = (tmp_path / "cache").glob("regex-*.marshal")
    codes = marshal.loads(kept.read_bytes())
    assert isinstance(codes, dict) and len(codes) > 100
    again = run(["explain", "-"], tmp_path, plain=False, stdin=MYOB_PASTE)
    assert again.returncode == 0 and "IncorrectRowVersionSupplied" in again.stdout

"""How scan joins lines into records, read every way a user can hand it a log: a Google Cloud Logging export
(gcloud's JSON array), a Heroku log that turns logplex's after other lines, the same error on several dynos."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import errcat.scan as scan_module
from errcat.cli import app
from errcat.scan import parallel
from test_scan_real import _HEROKU_NODE_CRASH, LOGHUB, needs_loghub

DATA = Path(__file__).resolve().parent / "data"
runner = CliRunner()
READERS = ["one reader", "ranges", "gzip", "stdin"]


def _read(tmp_path: Path, monkeypatch, data: bytes, how: str) -> dict:
    """scan's JSON report on ``data``, read by one reader, by two workers in ranges of 4 KiB (each starting inside
    the log, most inside a record), gzipped, or from stdin."""
    path = tmp_path / "capture.log"
    path.write_bytes(gzip.compress(data) if how == "gzip" else data)
    args = ["scan", "--format", "json", "--all", "--top", "1000", "--workers", "2" if how == "ranges" else "1"]
    if how == "ranges":
        monkeypatch.setattr(scan_module, "PARALLEL_MIN", 0)
        monkeypatch.setattr(parallel, "TASK_BYTES", 4 << 10)
    result = runner.invoke(app, [*args, "-" if how == "stdin" else str(path)], input=data if how == "stdin" else None)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _groups(doc: dict) -> list[tuple[str, int, list[int]]]:
    """Each group of a report (a vendor's not in the catalog, or another program's): its text, count and lines."""
    groups = [*doc["unmatched"], *doc["other"]]
    return sorted((g.get("text") or g.get("message") or "", g["count"], [p["line"] for p in g["lines"]]) for g in groups)


# gcloud logging read --format=json: one pretty-printed array, an entry an element, its fields sorted, indented two
# and four spaces (the shape of the capture in epeld/gcloudhelper@abeae34, src/main/java/gcloudhelper/LogEntry.java,
# whose entry, an INFO line of a GKE container's, is the first and third element here); the second is a Cloud Run
# request log entry at ERROR (a 502 from Cloud Scheduler's POST) pasted in prashanth0686/amilia's index.js, laid out
# as gcloud prints it
GCLOUD = (DATA / "gcloud" / "logging_read.json").read_bytes()


@pytest.mark.parametrize("how", READERS)
def test_each_entry_gcloud_read_is_a_record_of_its_own(tmp_path, monkeypatch, how):
    """The array was one record from its "[" to its "]", one error named "[" at line 1 whatever its entries said.
    Each element is read as the log entry it is: its severity, its time, its request and status; the INFO entries
    are no errors. Repeated 40 times (120 entries, 150 KB) so that workers' ranges start inside the array."""
    entries = json.loads(GCLOUD)
    assert [e["severity"] for e in entries] == ["INFO", "ERROR", "INFO"]
    doc = _read(tmp_path, monkeypatch, GCLOUD, how)
    assert _groups(doc) == [("HTTP 502 POST <url>", 1, [28])]
    assert doc["other"][0]["first_seen"] == "2025-12-29T00:58:51.018142Z"
    many = (json.dumps(entries * 40, indent=2, sort_keys=True) + "\n").encode()
    per_copy = GCLOUD.count(b"\n") - 2  # an element's lines, "[" and "]" once
    doc = _read(tmp_path, monkeypatch, many, how)
    assert _groups(doc) == [("HTTP 502 POST <url>", 40, [28 + k * per_copy for k in range(10)])]  # the first ten listed


@needs_loghub
@pytest.mark.parametrize("how", READERS)
def test_a_heroku_log_after_other_lines_is_read_as_logplexs(tmp_path, monkeypatch, how):
    """A log was read as logplex's only when nine in ten of its first 20 lines were: after another program's lines
    (here Loghub's Apache sample's first 20, a file and a `heroku logs` capture concatenated) a Node crash's frames,
    its error object's lines and each "npm ERR!" line were errors of their own. The crash is one error, npm's block
    another, the router's H10 a third, as in the capture alone (test_scan_real)."""
    apache = (LOGHUB / "Apache_2k.log").read_text(encoding="utf-8").splitlines()[:20]
    data = ("\n".join([*apache, *_HEROKU_NODE_CRASH]) + "\n").encode()
    doc = _read(tmp_path, monkeypatch, data, how)
    heroku = sorted(line for _, _, lines in _groups(doc) for line in lines if line > 20)
    assert heroku == [31, 39, 49]


@pytest.mark.parametrize("how", READERS)
def test_one_error_on_several_dynos_is_one_group_named_by_what_the_app_said(tmp_path, monkeypatch, how):
    """A group's name kept logplex's source and dyno ("app[web.<n>]: Error: ..."), and the same crash on a worker dyno
    was a group of its own; the app's words name it, wherever it ran."""
    crash = _HEROKU_NODE_CRASH[10:18]
    lines = [*crash, *(line.replace("app[web.1]", "app[worker.2]") for line in crash)]
    doc = _read(tmp_path, monkeypatch, ("\n".join(lines) + "\n").encode(), how)
    assert _groups(doc) == [("Error: Cannot find module '…'", 2, [1, 9])]


@needs_loghub
@pytest.mark.parametrize("how", READERS)
def test_a_line_a_progress_bar_rewrote_is_named_by_what_a_terminal_showed(tmp_path, monkeypatch, how):
    """A carriage return alone starts no record (a CRLF line end is no such return). A line a progress bar rewrote in
    place before a program's error (its states, each after a carriage return, as tqdm and downloaders write them, and
    the error after the last) was named by every state of the bar, a group for each count of them and none with
    the same error on a line of its own. Assembled here: the error lines are Loghub's Apache sample's, the bars'
    states are written before two of them; all three are one group, with their times."""
    apache = (LOGHUB / "Apache_2k.log").read_text(encoding="utf-8").splitlines()
    errors = [line for line in apache if "[error] mod_jk child workerEnv in error state" in line][:3]
    notices = [line for line in apache if "[notice]" in line][:2]
    lines = [
        notices[0],
        errors[0],
        "Downloading 10%\rDownloading 55%\rDownloading 100%\r" + errors[1],
        "\r 20%|##        | 2/10\r100%|##########| 10/10\r" + errors[2] + "\r",
        notices[1],
    ]
    doc = _read(tmp_path, monkeypatch, ("\n".join(lines) + "\n").encode(), how)
    assert doc["inputs"][0]["lines"] == 5
    assert _groups(doc) == [("[error] mod_jk child workerEnv in error state <n>", 3, [2, 3, 4])]
    [group] = doc["other"]
    assert (group["first_seen"], group["last_seen"]) == ("2005-12-04T04:47:44Z", "2005-12-04T04:51:18Z")

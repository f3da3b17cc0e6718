"""Fuzzing explain and scan with real inputs, mutated (issue 29): real pastes (tests/data,
../shared/pastes) and real log lines (../shared/logs) are cut, nested, salted with odd Unicode,
huge numbers, NUL bytes, control characters and invalid UTF-8. Whatever comes out, explain
returns an explanation (or a UsageError for empty/binary input), every view renders and encodes,
scan reports, and each example stays within a bound. Bounded in examples so it runs in CI."""

from __future__ import annotations

import json
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import errcat
from errcat.errors import UsageError
from errcat.explainer import explain_bytes
from errcat.render.jsondoc import dumps, explain_document
from errcat.render.markdown import explain_markdown
from errcat.render.text import explain_lines, plain
from errcat.render.views import scan_view
from errcat.text import visible

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SECONDS_PER_EXAMPLE = 10.0  # generous on a shared machine: a quadratic path takes minutes, not seconds


def _pastes() -> list[str]:
    out = []
    for file in (REPO / "tests" / "data" / "realworld.jsonl", SHARED / "pastes" / "realworld-dev.jsonl"):
        for line in file.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append(json.loads(line)["raw"])
    return out


def _log_lines() -> list[str]:
    lines = []
    for file in sorted((SHARED / "logs" / "loghub").glob("*.log")):
        lines += file.read_text(encoding="utf-8", errors="replace").splitlines()[:40]
    return lines


PASTES = _pastes()
LOG_LINES = _log_lines()
INDEX = errcat.open_catalog(use_env=False).index

ODD = [
    "\ud83d", "\udc00", "\x00", "\x1b]0;title\x07", "\x1b[2J", "\u009b31m", "\u202e", "\ufeff", "²", "٣", "\U0001f600",
    "9" * 5000, "-" + "9" * 30, "1e999", "NaN", "Infinity", ".inf", "\\ud83d", "0001-01-01T00:00:00+10:00", "\r", "\t" * 50,
]  # fmt: skip
# Rows 5 and 7 of issue 29 (a JSON-lines "status":"²", a timestamp before year 1 in UTC) are fixed
# in scan/ on another branch; until it is merged, the scan fuzz leaves the year-1 timestamp out.
HUGE_FIELDS = ['"status": {n}', '"ErrorCode": {n}', '"code": "{n}"', "[http_code] => {n}", "HTTP/1.1 {n} X", "status={n}"]


@st.composite
def mutated(draw: st.DrawFn, sources: list[str], odd: list[str] = ODD) -> bytes:
    """A real input, mutated a few times, as the bytes a user would pipe in."""
    text = draw(st.sampled_from(sources))
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["cut", "insert", "nest", "number", "repeat"]))
        at = draw(st.integers(0, len(text)))
        if kind == "cut":
            text = text[:at]
        elif kind == "insert":
            text = text[:at] + draw(st.sampled_from(odd) | st.text(max_size=20)) + text[at:]
        elif kind == "nest":
            depth = draw(st.integers(1, 3000))
            text = text[:at] + "[" * depth + '{"a":' * min(depth, 200) + text[at:]
        elif kind == "number":
            field = draw(st.sampled_from(HUGE_FIELDS)).format(n=draw(st.sampled_from(ODD[8:16])))
            text = text[:at] + field + text[at:]
        else:
            text = text[:at] * draw(st.integers(1, 50)) + text[at:]
    data = text.encode("utf-8", "surrogatepass")
    if draw(st.booleans()):  # invalid UTF-8 somewhere
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\xbd", b"\x80\x80"])) + data[at:]
    return data


def _renders(x: errcat.Explanation) -> None:
    doc = dumps(explain_document(x))
    json.loads(doc)
    for text in (doc, visible(plain(explain_lines(x))), visible(explain_markdown(x)), str(x)):
        text.encode("utf-8")  # strict: no lone surrogate reaches an output
    assert "\x1b" not in visible(plain(explain_lines(x))) and "\x1b" not in doc


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated(PASTES))
def test_explain_survives_mutated_real_pastes(data: bytes) -> None:
    started = time.perf_counter()
    try:
        x = explain_bytes(INDEX, data)
    except UsageError:  # empty or binary input: a one-line error, as documented
        return
    _renders(x)
    assert time.perf_counter() - started < SECONDS_PER_EXAMPLE


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(mutated(LOG_LINES + PASTES, ODD), min_size=1, max_size=30))
def test_scan_survives_mutated_real_log_lines(tmp_path_factory, lines: list[bytes]) -> None:
    log = tmp_path_factory.mktemp("fuzz") / "app.log"
    log.write_bytes(b"\n".join(lines) + b"\n")
    started = time.perf_counter()
    report = errcat.open_catalog(use_env=False).scan([str(log)], workers=1)
    assert time.perf_counter() - started < SECONDS_PER_EXAMPLE * 3
    for fmt in ("table", "json"):
        view = scan_view(fmt, report, 10)
        text = view if isinstance(view, str) else plain(view)
        visible(text).encode("utf-8")

"""Fuzzing explain and scan with real inputs, mutated (issue 29): real pastes (tests/data,
../shared/pastes) and real log lines (../shared/logs) are cut, nested, salted with odd Unicode,
huge numbers, NUL bytes, control characters and invalid UTF-8. Whatever comes out, explain
returns an explanation (or a UsageError for empty/binary input), every view renders and encodes,
scan reports, and each example stays within a bound. Bounded in examples so it runs in CI."""

from __future__ import annotations

import codecs
import contextlib
import json
import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import errcat
from errcat.errors import UsageError
from errcat.explainer import explain_bytes, explain_exchange
from errcat.render.jsondoc import dumps, explain_document
from errcat.render.markdown import explain_markdown
from errcat.render.text import explain_lines, plain
from errcat.render.views import scan_view
from errcat.text import visible

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SECONDS_PER_EXAMPLE = 10.0  # of this process's CPU (wall time counted the other processes of a shared machine too):
# a quadratic path takes minutes, not seconds


def _pastes() -> list[str]:
    """The pastes in tests/data, and the shared dev corpus when it is beside the repo (a fresh clone,
    as the README's second command runs the tests, has only the first)."""
    out = []
    dev = SHARED / "pastes" / "realworld-dev.jsonl"
    for file in (REPO / "tests" / "data" / "realworld.jsonl", *([dev] if dev.is_file() else [])):
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
    started = time.process_time()
    try:
        x = explain_bytes(INDEX, data)
    except UsageError:  # empty or binary input: a one-line error, as documented
        return
    _renders(x)
    assert time.process_time() - started < SECONDS_PER_EXAMPLE


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(mutated(LOG_LINES + PASTES, ODD), min_size=1, max_size=30))
def test_scan_survives_mutated_real_log_lines(tmp_path_factory, lines: list[bytes]) -> None:
    _scan_within_bound(tmp_path_factory, lines, ("table", "json"))


def _scan_within_bound(tmp_path_factory, lines: list[bytes], formats: tuple[str, ...]) -> None:
    """Scan the lines as one log: within the bound, and each format printable as UTF-8."""
    log = tmp_path_factory.mktemp("fuzz") / "app.log"
    log.write_bytes(b"\n".join(lines) + b"\n")
    started = time.process_time()
    report = errcat.open_catalog(use_env=False).scan([str(log)], workers=1)
    assert time.process_time() - started < SECONDS_PER_EXAMPLE * 3
    for fmt in formats:
        view = scan_view(fmt, report, 10)
        visible(view if isinstance(view, str) else plain(view)).encode("utf-8")


# ---- second pass (issue 29, II): the shapes a paste arrives in, wrapped around real pastes ----------

sys.path.insert(0, str(REPO / "scripts"))
from bench_hostile import all_fragments  # noqa: E402  # scripts/ is not a package

YAML_ODD = ["2001-02-30", "0000-01-01", "9" * 5000, "!!int " + "1" * 5000, ".inf", "!!binary '@@'", "!!set {a}", "~", "[1, [2]]"]


def _cassette(body: str, status: str, when: str) -> str:
    block = "\n".join("        " + line for line in body.splitlines() or [""])
    return (
        "http_interactions:\n- request:\n    method: post\n    uri: https://api.myob.com/accountright/x\n"
        f"  response:\n    status:\n      code: {status}\n      message: Bad\n    body:\n      string: |-\n{block}\n"
        f"  recorded_at: {when}\n"
    )


def _har(body: str, status: object) -> str:
    entry = {
        "request": {"method": "GET", "url": "https://api.myob.com/x"},
        "response": {"status": status, "content": {"text": body}},
    }
    return json.dumps({"log": {"entries": [entry]}})


@st.composite
def wrapped(draw: st.DrawFn) -> bytes:
    """A real paste (mutated as above), then wrapped the ways people paste it: escaped inside a
    JSON string, in a cassette or HAR with odd typed values, quoted as curl -v prints, with CR line
    ends, a print_r-like separator, a byte order mark, or a hostile fragment flooding it."""
    text = draw(mutated(PASTES)).decode("utf-8", "replace")
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["escape", "cassette", "har", "quote", "cr", "dump", "bom", "flood"]))
        if kind == "escape":
            text = "2026-01-01 ERROR body=" + json.dumps(text)
        elif kind == "cassette":
            text = _cassette(text, draw(st.sampled_from(["400", *YAML_ODD])), draw(st.sampled_from(["2026-01-01", *YAML_ODD])))
        elif kind == "har":
            text = _har(text, draw(st.sampled_from([400, "400", 1e300, -1, None, [400], {"a": 1}])))
        elif kind == "quote":
            mark = draw(st.sampled_from(["> ", "< ", "// ", "* "]))
            text = "\n".join(mark + line for line in text.split("\n"))
        elif kind == "cr":
            text = text.replace("\n", draw(st.sampled_from(["\r\n", "\r", "\n\n", "\u2028"])))
        elif kind == "dump":
            text = text.replace('":', '" =>').replace("{", "Array\n(\n").replace("}", "\n)")
        elif kind == "bom":
            text = "\ufeff" + text
        else:
            at = draw(st.integers(0, len(text)))
            text = text[:at] + draw(st.sampled_from(all_fragments())) * draw(st.integers(1, 20_000)) + text[at:]
    data = text.encode("utf-8", "surrogatepass")
    return (
        draw(st.sampled_from([data, codecs.BOM_UTF16_LE + text.encode("utf-16-le", "surrogatepass")]))
        if len(data) < 4096
        else data
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(wrapped())
def test_explain_survives_real_pastes_wrapped_as_people_paste_them(data: bytes) -> None:
    started = time.process_time()
    try:
        x = explain_bytes(INDEX, data)
    except UsageError:
        return
    _renders(x)
    assert time.process_time() - started < SECONDS_PER_EXAMPLE


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated(PASTES), st.sampled_from([None, "GET", "post", "\x00", "G\u0130T"]), st.sampled_from(["", "9" * 5000, "\ud83d"]))
def test_explain_exchange_survives_a_mutated_response(data: bytes, method: str | None, odd: str) -> None:
    """A client's response (the integrations' path): status, headers and URL from the mutated paste."""
    text = data.decode("utf-8", "replace")
    head, _, body = text.partition("\n\n")
    headers = [tuple(line.split(":", 1)) for line in head.splitlines() if ":" in line][:50]
    x = explain_exchange(
        INDEX, status=400, body=body or text, method=method, url="https://api.myob.com/x" + odd, reason=odd,
        headers=[(k + odd, v) for k, v in headers],  # type: ignore[misc]
    )  # fmt: skip
    _renders(x)


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=60) | st.sampled_from([*ODD, *all_fragments()]))
def test_lookup_and_search_answer_any_text(query: str) -> None:
    catalog = errcat.open_catalog(use_env=False)
    for ask in (catalog.lookup, catalog.search):
        with contextlib.suppress(UsageError):  # empty or no words: a one-line error
            ask(query)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(wrapped(), min_size=1, max_size=8))
def test_scan_survives_wrapped_pastes_as_log_records(tmp_path_factory, lines: list[bytes]) -> None:
    _scan_within_bound(tmp_path_factory, lines, ("table", "json", "markdown"))

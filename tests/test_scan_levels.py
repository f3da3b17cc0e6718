"""scan reads the error lines of common log formats whose only sign is a level or an HTTP status
in a form of their own: each test runs on real lines (their source named), or says where a line
is constructed in a format."""

from __future__ import annotations

import re

import pytest

import errcat
from errcat.scan import ScanOptions, scan
from errcat.scan.needles import NEEDLES
from errcat.scan.verdict import error_reason, level


@pytest.fixture(scope="module")
def index():
    return errcat.open_catalog(use_env=False).index


def _read(line: str) -> bool:
    """Whether scan looks at the line at all (it holds a needle)."""
    return any(re.search(n, line.encode()) for n in NEEDLES)


def _reason(line: str) -> str | None:
    return error_reason(level(line), line) if _read(line) else None


def _scanned(index, tmp_path, lines: list[str]):
    path = tmp_path / "app.log"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return scan(index, [str(path)], ScanOptions(workers=1))


# A Heroku log of a Rails app quoted in https://www.reddit.com/r/rails/comments/hlz7bn/ (2020-07-06):
# the 401 is the only sign of the error, and no word of the line says so.
RAILS = [
    '2020-07-06T00:29:24.121304+00:00 app[web.1]: Started GET "/onboard/id_verification?code=x" for ###.##.##.## at '
    "2020-07-06 00:29:24 +0000",
    "2020-07-06T00:29:24.123838+00:00 app[web.1]: Processing by Users::OnboardsController#id_verification as HTML",
    "2020-07-06T00:29:24.127212+00:00 app[web.1]: Completed 401 Unauthorized in 3ms (ActiveRecord: 0.0ms)",
    '2020-07-06T00:29:24.261889+00:00 app[web.1]: Started GET "/users/sign_in" for ###.##.##.## at 2020-07-06 00:29:24 +0000',
]


def test_a_rails_request_completed_with_an_error_status_is_an_error(index, tmp_path):
    report = _scanned(index, tmp_path, RAILS)
    assert (report.records, report.errors, report.other_count) == (1, 1, 1)
    (group,) = report.other.values()
    assert [p.line for p in group.places] == [3]  # the Completed line


@pytest.mark.parametrize(
    "line",
    [
        # the message axios (github.com/axios/axios, lib/core/settle.js) gives a failed request
        "Request failed with status code 403",
        # Rails's own form of its Completed line, as in RAILS above
        "Completed 422 Unprocessable Entity in 12ms (ActiveRecord: 0.4ms)",
        # constructed in the forms of a client's error message and an HTTP library's log line
        "sync: upstream answered (HTTP 401)",
        "GET https://api.example.invalid/x returned 404 Not Found",
        "proxy: backend returned 503",
        "proxy: got HTTP 503 from backend",
        "request ended with status 429",
    ],
)
def test_a_status_of_400_or_more_in_words_is_read_and_is_an_error(line):
    assert _read(line)
    assert _reason(line) == "status"


@pytest.mark.parametrize(
    "line",
    [
        # constructed: a status under 400, a count, a duration, a port, a size and prose about 404 pages
        "Request failed with status code 200",
        "Completed 200 OK in 503ms (Views: 401.2ms | ActiveRecord: 0.4ms)",
        "Completed 304 Not Modified in 2ms",
        "query returned 500 rows in 404ms",
        "search returned 1500 results",
        "listening for HTTP on port 8443, 404 handler installed",
        "HTTP 1.1 keep-alive, sent 4096 bytes",
        "the site had 404 pages and 0 errors",
        "child exited with status 127",
    ],
)
def test_a_number_that_is_no_error_status_is_none(line):
    assert _reason(line) is None

"""Hostile input, hostile35's round (harness under /work/notes/hostile35-harness: the regex sweep finished over every
pattern errcat compiles, the gate's lazily compiled ones included, each attack in a worker killed at its time-out; the
suspects confirmed through the real CLI). Each timing test measures the smallest text that still shows the growth at
two sizes 4 x apart, in CPU time (tests/cputime.py): a linear path costs ~4 x, these cost 15 x or more before their fix."""

from __future__ import annotations

import json

import pytest

import errcat
from cputime import assert_grows_at_most

SECRET = "Hk29sLq0Zp7Wm3XcR5tY"


@pytest.fixture(scope="module")
def catalog() -> errcat.ErrorCatalog:
    c = errcat.open_catalog(use_env=False)
    c.explain("warm up")  # the index and lazily compiled patterns load once, untimed
    return c


def test_a_reason_phrase_label_then_blanks_costs_linear_time(catalog: errcat.ErrorCatalog) -> None:
    """Guzzle 3's '[reason phrase]' label read apart from the status: blanks, an optional ':' and blanks again split a
    run of blanks every way (1,000 blanks: 0.02 s of CPU, 4,000: 0.36 s, 16,000: 4 s; a 128 KB log line took scan
    70 s). The credential on the next line stays hidden."""
    build = lambda n: 'POST https://api.myob.com/accountright/x -> 400 reason phrase"' + " " * n + "x"  # noqa: E731
    assert_grows_at_most(lambda n: catalog.explain(build(n) + f"\npassword={SECRET}"), 1_000, 4, 8)
    x = catalog.explain(build(64_000) + f"\npassword={SECRET}")
    assert SECRET not in json.dumps(x.as_dict(), default=str)

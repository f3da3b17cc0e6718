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


def test_a_reason_phrase_label_then_blanks_costs_linear_time(warm_catalog: errcat.ErrorCatalog) -> None:
    """Guzzle 3's '[reason phrase]' label read apart from the status: blanks, an optional ':' and blanks again split a
    run of blanks every way (1,000 blanks: 0.02 s of CPU, 4,000: 0.36 s, 16,000: 4 s; a 128 KB log line took scan
    70 s). The credential on the next line stays hidden."""
    build = lambda n: 'POST https://api.myob.com/accountright/x -> 400 reason phrase"' + " " * n + "x"  # noqa: E731
    assert_grows_at_most(lambda n: warm_catalog.explain(build(n) + f"\npassword={SECRET}"), 1_000, 4, 8)
    x = warm_catalog.explain(build(64_000) + f"\npassword={SECRET}")
    assert SECRET not in json.dumps(x.as_dict(), default=str)


# The gate's rules, read on every paste and log line before anything is shown. Each took one start's run of what two
# parts of it both accept, and split it every way: curl's "-u" then a run of "+" (a W3C log's blanks: 4,000 took
# 0.06 s of CPU, 16,000 0.96 s; a 64 KB paste ran past 60 s), a credential header's name, ":" and blanks (0.18 s ->
# 2.2 s), a YAML complex key's "?" then blanks (4,000 blanks: 7.9 s), Oracle's "expdp userid" then blanks (blanks, an
# optional "=" and blanks again: 8,000 blanks took the rule alone 1.2 s).
HOSTILE_GATE = {
    "curl -u then plus signs": (lambda n: "-u" + "+" * n, 2_000),
    "authorization then blanks": (lambda n: "authorization  :" + " " * n, 2_000),
    "complex key then blanks": (lambda n: "  ?" + " " * n, 300),
    "oracle expdp userid then blanks": (lambda n: "expdp  userid" + " " * n, 2_000),
}


@pytest.mark.parametrize(("build", "size"), HOSTILE_GATE.values(), ids=HOSTILE_GATE.keys())
def test_a_gate_rule_on_a_run_it_reads_twice_costs_linear_time(warm_catalog: errcat.ErrorCatalog, build, size: int) -> None:
    assert_grows_at_most(lambda n: warm_catalog.explain(build(n) + f"\npassword={SECRET}"), size, 4, 8)


# The three rules hide what they hid before (compared with the old patterns on 123,218 texts: the corpus, the secrets
# pastes, the shared logs and random texts, each as is and in lower case: no difference).
SAME_AS_BEFORE = {
    "curl -u": f"curl -u ops:{SECRET} https://api.myob.com/accountright/",
    "curl -u in a W3C log": f"GET /x - 443 - 10.0.0.1 curl+-u+ops:{SECRET}+https://h/ 401",
    "authorization header": f"Authorization: Basic {SECRET}\nHTTP/1.1 401 Unauthorized",
    "yaml complex key": f"? api_key\n: {SECRET}\n",
    "oracle expdp userid": f"expdp userid = scott/{SECRET}@orcl directory=dp",
}


@pytest.mark.parametrize("text", SAME_AS_BEFORE.values(), ids=SAME_AS_BEFORE.keys())
def test_the_rewritten_gate_rules_still_hide_the_credential(warm_catalog: errcat.ErrorCatalog, text: str) -> None:
    assert SECRET not in json.dumps(warm_catalog.explain(text).as_dict(), default=str)

"""What one explain keeps for the next (a scan's memo: matches, and the similarities of readings to catalog
entries) never changes an explanation: each record explained after thousands of others reads as it does alone."""

from __future__ import annotations

import json

from corpus import OWN_CORPUS
from errcat.explainer import explain

VENDORS = ("myob", "sage", "invoicexpress", "prospend")


def _vendor_pastes() -> list[str]:
    """The corpus's real pastes of the four vendors (short enough for a log record)."""
    cases = (json.loads(line) for line in OWN_CORPUS.read_text(encoding="utf-8").splitlines() if line.strip())
    return [c["raw"] for c in cases if c.get("vendor") in VENDORS and len(c["raw"]) <= 1500]


def test_a_shared_memo_explains_each_record_as_it_is_explained_alone(catalog) -> None:
    # each real paste twice as integrations log it, after two heads (its readings past the head are the other
    # line's): the memo likens those readings once, and must give each line its own explanation
    pastes = _vendor_pastes()
    assert len(pastes) >= 100
    heads = ("ERROR sync req=81723 request failed:", "WARN ledger.client company 90455 got an error back from the API:")
    lines = [f"{head} {' '.join(p.split())}" for head in heads for p in pastes]
    memo: dict = {}  # type: ignore[type-arg]
    shared = [explain(catalog, line, memo=memo) for line in lines]
    assert any(isinstance(k, tuple) and k == ("similar",) and v for k, v in memo.items())  # the similarities were kept
    for line, x in zip(lines, shared, strict=True):
        alone = explain(catalog, line)
        assert x == alone, line
        if "90455" in line:  # no reading of the first line's record stands in the second's
            assert not any("81723" in (m.message or "") for m in x.errors), line

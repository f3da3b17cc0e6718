"""Tool results cut to fit an assistant's context, saying what was cut.

A body of 10,000 errors, or ``lookup 400`` (every error any vendor answers with HTTP 400, some
370 KB of JSON), would flood the conversation. The CLI's document keeps its shape; its lists are
capped (the first items kept, in the document's own order), then whole items are dropped from
the end until the JSON fits ``MAX_CHARS``. ``complete`` says whether anything was cut and
``left_out`` counts what, by kind; the CLI's ``--format json`` gives everything.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

MAX_CHARS = 60_000  # the compact JSON of one result: some 15,000 tokens at most
MAX_ERRORS = 20  # distinct errors of one paste (repeats are already folded into one, with a count)
MAX_POSITIONS = 20  # where in the body one folded error occurs
MAX_CANDIDATES = 5  # catalog errors offered for one pasted error
MAX_SCENARIOS = 5  # rows documenting one error at other endpoints
MAX_ENTRIES = 20  # rows of one error group (lookup, search): the endpoints and scenarios it is documented for
MAX_VENDORS = 50


def compact(document: dict[str, Any]) -> str:
    """The document as the text the assistant reads: JSON without padding."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))


def _keep(items: list[Any], cap: int, what: str, left: Counter[str]) -> list[Any]:
    if len(items) > cap:
        left[what] += len(items) - cap
        return items[:cap]
    return items


def _fit(document: dict[str, Any], lists: list[list[Any]], what: str, left: Counter[str]) -> None:
    """Drop whole items from the end of ``lists`` (in place) until the document fits; one stays."""
    size = len(compact(document))
    kept = sum(len(items) for items in lists)
    for items in reversed(lists):
        while size > MAX_CHARS and items and kept > 1:
            size -= len(compact(items.pop())) + 1
            kept -= 1
            left[what] += 1


def _finish(document: dict[str, Any], left: Counter[str]) -> dict[str, Any]:
    document["complete"] = not left
    document["left_out"] = dict(left)
    return document


def _group(group: dict[str, Any], left: Counter[str]) -> dict[str, Any]:
    return {**group, "entries": _keep(group["entries"], MAX_ENTRIES, "entries", left)}


def bounded_explain(document: dict[str, Any]) -> dict[str, Any]:
    """An explain document with at most MAX_ERRORS distinct errors, each trimmed."""
    left: Counter[str] = Counter()
    errors = []
    for error in _keep(document["errors"], MAX_ERRORS, "errors", left):
        errors.append(
            {
                **error,
                "positions": _keep(error["positions"], MAX_POSITIONS, "positions", left),
                "candidates": _keep(error["candidates"], MAX_CANDIDATES, "candidates", left),
                "scenarios": _keep(error["scenarios"], MAX_SCENARIOS, "scenarios", left),
            }
        )
    out = {**document, "errors": errors}
    _fit(out, [errors], "errors", left)
    return _finish(out, left)


def bounded_lookup(document: dict[str, Any], limit: int) -> dict[str, Any]:
    """A lookup document with at most ``limit`` error groups over all its sections."""
    left: Counter[str] = Counter()
    room = limit
    sections = []
    for section in document["sections"]:
        groups = [_group(g, left) for g in _keep(section["errors"], room, "errors", left)]
        room -= len(groups)
        if groups:
            sections.append({**section, "errors": groups})
    out = {**document, "sections": sections}
    _fit(out, [s["errors"] for s in sections], "errors", left)
    out["sections"] = [s for s in sections if s["errors"]]
    return _finish(out, left)


def bounded_search(document: dict[str, Any]) -> dict[str, Any]:
    """A search document (already at most ``limit`` results) with each group trimmed."""
    left: Counter[str] = Counter()
    results = [_group(r, left) for r in document["results"]]
    out = {**document, "results": results}
    _fit(out, [results], "results", left)
    return _finish(out, left)


def bounded_vendors(document: dict[str, Any]) -> dict[str, Any]:
    left: Counter[str] = Counter()
    vendors = _keep(document["vendors"], MAX_VENDORS, "vendors", left)
    out = {**document, "vendors": vendors}
    _fit(out, [vendors], "vendors", left)
    return _finish(out, left)


def bounded_advice(document: dict[str, Any]) -> dict[str, Any]:
    left: Counter[str] = Counter()
    return _finish({**document, "errors": _keep(document["errors"], MAX_ERRORS, "errors", left)}, left)

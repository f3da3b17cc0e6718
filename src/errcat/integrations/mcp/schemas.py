"""JSON Schemas of the documents the MCP tools return: the CLI's ``--format json`` documents
(render/jsondoc.py, explainer/document.py), so an assistant's client can check each result.

Only the keys tests/test_contract.py pins are required; every object admits more keys, as the
contract allows keys to be added. ``complete`` and ``left_out`` are the MCP server's own: a
result cut to fit an assistant's context says so (see bounds.py); so is explain's ``answer``.
"""

from __future__ import annotations

from typing import Any

STR: dict[str, Any] = {"type": "string"}
STR_OR_NULL: dict[str, Any] = {"type": ["string", "null"]}
INT: dict[str, Any] = {"type": "integer"}
INT_OR_NULL: dict[str, Any] = {"type": ["integer", "null"]}
BOOL: dict[str, Any] = {"type": "boolean"}
NUMBER: dict[str, Any] = {"type": "number"}
CODE: dict[str, Any] = {"type": ["string", "integer", "null"]}  # vendors use numbers and names


def strings() -> dict[str, Any]:
    return {"type": "array", "items": STR}


def obj(required: dict[str, Any], optional: dict[str, Any] | None = None, *, nullable: bool = False) -> dict[str, Any]:
    """An object with these keys (typed), admitting any others."""
    return {
        "type": ["object", "null"] if nullable else "object",
        "required": sorted(required),
        "properties": {**required, **(optional or {})},
    }


def array(items: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": items}


def document(kind: str, payload: dict[str, Any]) -> dict[str, Any]:
    """The versioned envelope (records.envelope) around a kind's keys, with the bounds report."""
    schema = obj(
        {
            "format_version": {"const": 1},
            "kind": {"const": kind},
            **payload,
            "complete": BOOL,
            "left_out": {"type": "object", "additionalProperties": INT},
        }
    )
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"errcat {kind} document (format_version 1)"
    return schema


GUIDE = obj(
    {"id": STR, "summary": STR, "causes": strings(), "fix": STR_OR_NULL, "retry": STR_OR_NULL, "actor": STR_OR_NULL},
    {"by": STR, "established": STR_OR_NULL},
    nullable=True,
)
CITATION = obj({"url": STR}, {"kind": STR_OR_NULL, "date": STR_OR_NULL, "note": STR_OR_NULL})
ENTRY = obj(
    {
        "id": STR,
        "vendor": STR,
        "endpoint": STR_OR_NULL,
        "methods": strings(),
        "scenario": STR_OR_NULL,
        "status": INT,
        "code": CODE,
        "name": STR_OR_NULL,
        "message": STR_OR_NULL,
        "severity": STR_OR_NULL,
        "details": STR_OR_NULL,
        "template": STR_OR_NULL,
        "kind": STR_OR_NULL,
        "resource": STR_OR_NULL,
        "action": STR_OR_NULL,
        "inferred": BOOL,
        "quirks": strings(),
        "guide": STR,
        "source": obj({"document": STR, "section": STR_OR_NULL, "line": INT_OR_NULL}),
    },
    {"provenance": STR, "sources": array(CITATION), "sample": STR_OR_NULL},
)
GROUP_KEYS = {
    "vendor": STR,
    "title": STR,
    "codes": array(CODE),
    "names": strings(),
    "explanation": GUIDE,
    "entries": array(ENTRY),
}
GROUP = obj(GROUP_KEYS)

LOOKUP = document(
    "lookup",
    {
        "query": STR,
        "found": BOOL,
        "sections": array(obj({"match": STR, "errors": array(GROUP)})),
        "suggestions": strings(),
    },
)
SEARCH = document("search", {"query": STR, "results": array(obj({"score": NUMBER, **GROUP_KEYS}))})
VENDORS = document(
    "vendors",
    {
        "vendors": array(
            obj(
                {
                    "id": STR,
                    "name": STR,
                    "hosts": strings(),
                    "auth": strings(),
                    "documents": strings(),
                    "rows": INT,
                    "errors": INT,
                    "warnings": INT,
                    "endpoints": INT,
                },
                {"observed": INT, "operation_groups": INT},
            )
        )
    },
)

CANDIDATE = obj(
    {"id": STR, "vendor": STR, "status": INT, "code": CODE, "name": STR_OR_NULL, "message": STR_OR_NULL, "match": STR},
    {"score": NUMBER, "provenance": STR},
)
OBSERVED = obj({"status": INT_OR_NULL, "code": CODE, "name": STR_OR_NULL, "message": STR_OR_NULL})
EXPLAINED_ERROR = obj(
    {
        "count": INT,
        "positions": array(INT),
        "observed": OBSERVED,
        "match": STR,
        "candidates": array(CANDIDATE),
        "explanation": GUIDE,
        "scenarios": array(obj({"id": STR})),
    },
    {"confidence": {"type": ["number", "string", "null"]}, "provenance": STR_OR_NULL, "sources": array(CITATION)},
)
EXPLAIN = document(
    "explain",
    {
        "vendor": STR_OR_NULL,
        "vendor_source": STR,
        "vendor_evidence": array(obj({"kind": STR, "value": STR, "vendor": STR_OR_NULL, "weight": NUMBER})),
        "http": obj({"status": INT_OR_NULL, "method": STR_OR_NULL, "url": STR_OR_NULL, "host": STR_OR_NULL}),
        "errors": array(EXPLAINED_ERROR),
        "total_errors": INT,
        "all_matched": BOOL,
        "redacted": INT,
        "notes": strings(),
    },
)

# the server's own, as complete and left_out: the explanation in one line, first
EXPLAIN["properties"]["answer"] = STR

RETRY_ADVICE = document(
    "retry_advice",
    {
        "retry": BOOL,
        "wait": {"enum": ["backoff", "wait-for-reset", "refresh-token", "never"]},
        "reason": STR,
        "after": {"type": ["number", "null"]},
        "vendor": STR_OR_NULL,
        "status": INT_OR_NULL,
        "errors": array(obj({"id": STR_OR_NULL, "code": CODE, "name": STR_OR_NULL, "match": STR})),
    },
)

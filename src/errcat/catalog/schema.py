"""Validate catalog files against the JSON Schema; jsonschema is imported only here, on demand."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import Problem
from .yamlio import line_of

SCHEMA_FILE = "errcat-catalog.schema.json"


def schema_path() -> Path:
    """The schema shipped with the built-in catalog."""
    from .locate import builtin_dir

    return builtin_dir() / "schema" / SCHEMA_FILE


@lru_cache(maxsize=1)
def _validator() -> Any:
    import jsonschema  # deferred: ~40 ms of import that only validation needs

    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def schema_problems(data: Any, file: str) -> list[Problem]:
    """Every schema violation in one parsed file, each at the line of the offending node."""
    problems = []
    for error in sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        path = list(error.absolute_path)
        where = ".".join(str(p) for p in path) or "(top level)"
        message = error.message if len(error.message) <= 160 else error.message[:157] + "..."
        problems.append(Problem(file, line_of(data, path), "CAT003", "schema", f"{where}: {message}"))
    return problems

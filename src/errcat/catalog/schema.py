"""Validate catalog files against the JSON Schema; the validators are imported only here, on demand.

Two validators, one schema: fastjsonschema (the schema compiled to Python) clears a valid file
in a fraction of jsonschema's time, and jsonschema words every problem of a file that is not
valid. A file fastjsonschema accepts is not re-checked; the test suite checks that the two agree.
"""

from __future__ import annotations

import itertools
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import Problem
from .yamlio import line_of

SCHEMA_FILE = "errcat-catalog.schema.json"
MAX_SCHEMA_PROBLEMS = 1_000  # a file of 49,000 entries each lacking a field made 1.4 GB of jsonschema errors


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


@lru_cache(maxsize=1)
def _fast_validator() -> Any:
    import fastjsonschema  # deferred, like jsonschema

    return fastjsonschema.compile(json.loads(schema_path().read_text(encoding="utf-8")))


def is_valid(data: Any) -> bool:
    """Whether the file passes the schema (fast path)."""
    import fastjsonschema

    try:
        _fast_validator()(data)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


def schema_problems(data: Any, file: str) -> list[Problem]:
    """Every schema violation in one parsed file, each at the line of the offending node."""
    if is_valid(data):
        return []
    problems = []
    errors = list(itertools.islice(_validator().iter_errors(data), MAX_SCHEMA_PROBLEMS + 1))
    for error in sorted(errors[:MAX_SCHEMA_PROBLEMS], key=lambda e: list(map(str, e.absolute_path))):
        path = list(error.absolute_path)
        where = ".".join(str(p) for p in path) or "(top level)"
        message = error.message if len(error.message) <= 160 else error.message[:157] + "..."
        problems.append(Problem(file, line_of(data, path), "CAT003", "schema", f"{where}: {message}"))
    if len(errors) > MAX_SCHEMA_PROBLEMS:
        said = f"more schema problems than the first {MAX_SCHEMA_PROBLEMS:,} listed; fix those and validate again"
        problems.append(Problem(file, line_of(data, list(errors[-1].absolute_path)), "CAT003", "schema", said))
    return problems

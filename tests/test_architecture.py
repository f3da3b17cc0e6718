"""The code's shape, checked: no import cycle (function-local imports included), layers that import
only downward (the same contract `lint-imports` checks in CI), a thin CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

grimp = pytest.importorskip("grimp", reason="grimp comes with the test extras (pip install '.[test]')")

SRC = Path(__file__).resolve().parent.parent / "src" / "errcat"


def _graph():
    return grimp.build_graph("errcat", include_external_packages=False, exclude_type_checking_imports=True)


def test_no_import_cycle_counting_function_local_imports():
    graph = _graph()
    cycles = []
    for module in sorted(graph.modules):
        for imported in graph.find_modules_directly_imported_by(module):
            back = graph.find_shortest_chain(importer=imported, imported=module)
            if back:
                cycles.append(" -> ".join((module, *back)))
    assert not cycles, "\n".join(cycles)


def _contract_layers() -> list[list[str]]:
    """The layers of the import-linter contract in pyproject.toml (one list, read by both checks)."""
    import tomllib

    config = tomllib.loads((SRC.parent.parent / "pyproject.toml").read_text(encoding="utf-8"))
    (contract,) = [c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers"]
    return [[m.strip() for m in layer.split("|")] for layer in contract["layers"]]


LAYERS = _contract_layers()  # top to bottom; a module may import only from layers below its own


def _layer(module: str) -> int | None:
    for depth, layer in enumerate(LAYERS):
        if any(module == top or module.startswith(top + ".") for top in layer):
            return depth
    return None


def test_layers_import_only_downward():
    graph = _graph()
    upward = []
    for module in sorted(graph.modules):
        mine = _layer(module)
        for imported in graph.find_modules_directly_imported_by(module):
            theirs = _layer(imported)
            if mine is not None and theirs is not None and theirs < mine:
                upward.append(f"{module} -> {imported}")
    assert not upward, "\n".join(upward)


def test_every_module_has_a_layer():
    graph = _graph()
    assert [m for m in sorted(graph.modules) if m != "errcat" and _layer(m) is None] == []


def test_from_errcat_import_explain_is_the_function_not_a_module(tmp_path):
    """The package that explains is errcat.explainer, so ``from errcat import explain`` is the
    function a user expects (it once gave the subpackage, which cannot be called)."""
    import subprocess
    import sys

    code = (
        "from errcat import explain\n"
        "import errcat.explainer, errcat.explainer.match\n"  # importing the package does not shadow it
        "from errcat import explain as again\n"
        'x = again(\'{"Errors":[{"Name":"DatePriorToBeginningOfFinancialYear","ErrorCode":25008}]}\')\n'
        "print(callable(explain), x.vendor, x.errors[0].kind)\n"
    )
    env = {"ERRCAT_CACHE_DIR": str(tmp_path), "PATH": ""}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True).stdout.split()
    assert out == ["True", "myob", "code"]


def test_every_view_is_a_function_of_its_result_alone():
    """Views take the result (and the format); never the catalog or its index: results carry what
    a view shows (guides, vendor names, scenarios, status meanings)."""
    import inspect

    from errcat.render import jsondoc, markdown, scan, text, views

    for module in (views, text, markdown, jsondoc, scan):
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if fn.__module__ != module.__name__:
                continue
            params = set(inspect.signature(fn).parameters)
            assert not params & {"catalog", "index", "source"}, f"{module.__name__}.{name}{inspect.signature(fn)}"


ENGINE = ("errcat.query", "errcat.explainer", "errcat.scan", "errcat.stats", "errcat.documents", "errcat.docs")


def _functions(module):
    """Functions and methods defined in a module (not imported into it)."""
    import inspect

    for _, obj in inspect.getmembers(module):
        if getattr(obj, "__module__", None) != module.__name__:
            continue
        if inspect.isfunction(obj):
            yield obj
        elif inspect.isclass(obj):
            yield from (f for f in vars(obj).values() if inspect.isfunction(f))


def test_the_engine_takes_the_compiled_index_never_a_loaded_catalog():
    """One catalog type in the engine and the reference pages: a loaded Catalog reaches an index
    only through ErrorCatalog.from_catalog, never through a hidden compile inside a query or explain."""
    import importlib
    import inspect
    import re

    import errcat.index.store

    graph = _graph()
    modules = sorted(m for m in graph.modules if any(m == e or m.startswith(e + ".") for e in ENGINE))
    assert len(modules) > 20
    taking = []
    for name in modules:
        for f in _functions(importlib.import_module(name)):
            for arg, annotation in inspect.get_annotations(f).items():
                if re.search(r"\bCatalog\b", str(annotation)):
                    taking.append(f"{name}.{f.__qualname__}({arg}: {annotation})")
    assert not taking, "\n".join(taking)
    assert not hasattr(errcat.index.store, "as_index")


def test_the_cli_imports_the_facade_the_views_and_the_errors_only():
    """The `forbidden` contract lint-imports checks in CI, checked here too (read from pyproject.toml):
    a command that reaches past the façade into the engine fails the suite."""
    import tomllib

    config = tomllib.loads((SRC.parent.parent / "pyproject.toml").read_text(encoding="utf-8"))
    (contract,) = [c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "forbidden"]
    assert contract["source_modules"] == ["errcat.cli"]
    forbidden = contract["forbidden_modules"]
    assert {"errcat.query", "errcat.explainer", "errcat.scan", "errcat.index", "errcat.catalog", "errcat.gate"} <= set(forbidden)
    graph = _graph()
    reached = [
        f"{module} -> {imported}"
        for module in sorted(m for m in graph.modules if m == "errcat.cli" or m.startswith("errcat.cli."))
        for imported in sorted(graph.find_modules_directly_imported_by(module))
        if any(imported == f or imported.startswith(f + ".") for f in forbidden)
    ]
    assert not reached, "\n".join(reached)
    allowed = ("errcat", "errcat.api", "errcat.errors", "errcat.render", "errcat.docs", "errcat.integrations", "errcat.cli")
    others = {
        imported
        for module in graph.modules
        if module.startswith("errcat.cli")
        for imported in graph.find_modules_directly_imported_by(module)
        if not any(imported == a or imported.startswith(a + ".") for a in allowed)
    }
    assert not others, f"the CLI imports modules the contract neither allows nor forbids: {sorted(others)}"


def test_the_engine_has_no_documented_only_flag():
    """Leaving out the observed layer is a view of the index (``index.documented()``), chosen by the
    façade: no query, explain or scan function, option or context carries a flag for it."""
    import importlib
    import inspect

    graph = _graph()
    engine = ("errcat.query", "errcat.explainer", "errcat.scan", "errcat.stats", "errcat.documents", "errcat.docs")
    flagged = []
    for name in sorted(m for m in graph.modules if any(m == e or m.startswith(e + ".") for e in engine)):
        module = importlib.import_module(name)
        for f in _functions(module):
            if "documented_only" in inspect.signature(f).parameters:
                flagged.append(f"{name}.{f.__qualname__}")
        for cls_name, cls in inspect.getmembers(module, inspect.isclass):
            fields = (*getattr(cls, "_fields", ()), *getattr(cls, "__dataclass_fields__", {}))
            if cls.__module__ == name and "documented_only" in fields:
                flagged.append(f"{name}.{cls_name}")
    assert not flagged, "\n".join(flagged)

"""What the installed distribution ships (CI installs the wheel, not the source tree): the MIT
licence the metadata declares, the py.typed marker that lets mypy read errcat's types, and the
Hyperscan dependency on every platform it has wheels for."""

from __future__ import annotations

import ast
import importlib.metadata
import importlib.resources
import re
import sys
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

DIST = importlib.metadata.distribution("errcat")


def test_the_licence_file_is_shipped_and_is_the_declared_mit_licence():
    assert DIST.metadata["License-Expression"] == "MIT"
    shipped = [f for f in DIST.files or () if f.name == "LICENSE"]
    assert shipped, "no LICENSE in the distribution"
    text = shipped[0].read_text(encoding="utf-8")
    assert text.startswith("MIT License") and "WITHOUT WARRANTY OF ANY KIND" in text


def test_the_package_says_it_is_typed():
    """PEP 561: without py.typed, mypy ignores the annotations of an installed package."""
    assert importlib.resources.files("errcat").joinpath("py.typed").is_file()


def _hyperscan() -> Requirement:
    found = [Requirement(r) for r in DIST.requires or () if Requirement(r).name == "hyperscan"]
    assert len(found) == 1
    return found[0]


@pytest.mark.parametrize(
    ("platform", "machine", "installed"),
    [
        ("linux", "x86_64", True),
        ("linux", "aarch64", True),  # manylinux aarch64 wheels exist (0.7.9 on); without them scan is ~18x slower
        ("darwin", "arm64", True),
        ("win32", "AMD64", True),
        ("linux", "ppc64le", False),  # left out: pip would try to build the sdist, which needs the C library
        ("win32", "ARM64", False),
    ],
)
def test_hyperscan_is_required_where_its_wheels_exist(platform, machine, installed):
    marker = _hyperscan().marker
    assert marker is not None
    assert marker.evaluate({"sys_platform": platform, "platform_machine": machine, "extra": ""}) is installed


# -- what the integration examples need: the pip line each opens with --------------------------------

INTEGRATIONS_DOC = Path(__file__).resolve().parent.parent / "docs" / "integrations.md"
PIP_LINE = re.compile(r"# pip install (.+)\n")


def _named(requirement: str) -> tuple[str, set[str]]:
    """A requirement's normalised name and extras ('"errcat[a,b]"' -> ('errcat', {'a', 'b'}))."""
    parsed = Requirement(requirement.strip("\"'"))
    return canonicalize_name(parsed.name), set(parsed.extras)


def _installed_by(line: str) -> set[str]:
    """Every distribution `pip install <line>` brings, found through the installed metadata."""
    todo = [_named(r) for r in line.split()]
    done: set[str] = set()
    while todo:
        name, extras = todo.pop()
        if name in done:
            continue
        done.add(name)
        try:
            requires = importlib.metadata.distribution(name).requires or []
        except importlib.metadata.PackageNotFoundError:
            continue  # not installed here: nothing it brings is found either
        for text in requires:
            req = Requirement(text)
            if req.marker is None or any(req.marker.evaluate({"extra": e}) for e in extras | {""}):
                todo.append((canonicalize_name(req.name), set(req.extras)))
    return done


def _owners(module: str) -> set[str]:
    """The distributions that install ``module`` (a namespace package's part: only those holding its folder)."""
    top = module.split(".")[0]
    if top == "errcat":  # an editable install lists none of its files
        return {"errcat"}
    folder = module.replace(".", "/")
    owners = set()
    for dist in importlib.metadata.packages_distributions().get(top, []):
        files = importlib.metadata.distribution(dist).files or []
        if any(str(f).startswith((folder + "/", folder + ".py")) for f in files):
            owners.add(canonicalize_name(dist))
    return owners


def _imports(code: str) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Import):
            modules |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            modules.add(node.module)
    return {m for m in modules if m.split(".")[0] not in sys.stdlib_module_names}


@pytest.mark.parametrize("block", re.findall(r"```python\n(.*?)```", INTEGRATIONS_DOC.read_text(encoding="utf-8"), re.DOTALL))
def test_each_integration_example_installs_what_it_imports(block: str):
    """A user copies an example into a fresh venv with the pip line it opens with: the OpenTelemetry example
    imported the requests and httpx instrumentations, which errcat[opentelemetry] (the API alone) does not
    bring, and failed with ModuleNotFoundError. Each module an example imports comes with its pip line."""
    pip = PIP_LINE.match(block)
    assert pip, f"the example does not open with the pip line it needs:\n{block[:200]}"
    brought = _installed_by(pip.group(1))
    for module in sorted(_imports(block)):
        owners = _owners(module)
        assert owners, f"{module} is installed by no distribution here"
        assert owners & brought, f"{module} comes from {sorted(owners)}, not installed by: pip install {pip.group(1)}"

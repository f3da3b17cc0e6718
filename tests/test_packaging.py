"""What the installed distribution ships (CI installs the wheel, not the source tree): the MIT
licence the metadata declares, the py.typed marker that lets mypy read errcat's types, and the
Hyperscan dependency on every platform it has wheels for."""

from __future__ import annotations

import importlib.metadata
import importlib.resources

import pytest
from packaging.requirements import Requirement

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

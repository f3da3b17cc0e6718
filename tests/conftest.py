"""Shared fixtures: the CLI runner, the built-in catalog, and writable copies of it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

import errcat
from errcat.catalog.locate import builtin_dir

REPO = Path(__file__).resolve().parent.parent
SOURCES = REPO.parent / "shared" / "sources"


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory):
    """Every test run gets its own index cache folder: never the user's ~/.cache, never shared."""
    import os

    folder = tmp_path_factory.mktemp("errcat-cache")
    old = os.environ.get("ERRCAT_CACHE_DIR")
    os.environ["ERRCAT_CACHE_DIR"] = str(folder)
    os.environ.pop("ERRCAT_NO_CACHE", None)
    yield folder
    if old is None:
        os.environ.pop("ERRCAT_CACHE_DIR", None)
    else:
        os.environ["ERRCAT_CACHE_DIR"] = old


@pytest.fixture(scope="session")
def catalog() -> errcat.Catalog:
    return errcat.load_catalog(use_env=False)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def cli(runner: CliRunner, monkeypatch: pytest.MonkeyPatch):
    """Invoke the real CLI app; returns the click Result (stdout/stderr kept apart)."""
    from errcat.cli import app

    monkeypatch.delenv("ERRCAT_CATALOG", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")

    def invoke(*args: str, input: str | None = None):
        return runner.invoke(app, list(args), input=input)

    return invoke


@pytest.fixture
def catalog_copy(tmp_path: Path) -> Path:
    """A writable copy of the built-in catalog folder."""
    target = tmp_path / "catalog"
    shutil.copytree(builtin_dir(), target)
    return target

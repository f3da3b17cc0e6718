"""Which catalog files are in use: the built-in ones (in the package or the source tree), then overlays."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from ..errors import UsageError

ENV_VAR = "ERRCAT_CATALOG"


@lru_cache(maxsize=1)
def builtin_dir() -> Path:
    """The folder of the built-in catalog files (shipped in the wheel as errcat/_catalog)."""
    packaged = Path(__file__).resolve().parent.parent / "_catalog"
    if packaged.is_dir():
        return packaged
    # An editable install or a plain checkout: the repository's top-level catalog/.
    return Path(__file__).resolve().parents[3] / "catalog"


def catalog_files(path: Path) -> list[Path]:
    """The YAML files of a catalog path: the file itself, or every *.yaml/*.yml below a folder."""
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
    return [path]


def catalog_paths(paths: list[Path] | None = None, builtin: bool = True, use_env: bool = True) -> list[tuple[int, Path]]:
    """Each catalog file in use with its layer: built-in first, then env paths, then ``paths``."""
    layers: list[Path] = []
    if use_env and os.environ.get(ENV_VAR):
        layers += [Path(p) for p in os.environ[ENV_VAR].split(os.pathsep) if p]
    layers += list(paths or [])
    out: list[tuple[int, Path]] = []
    if builtin:
        out += [(0, p) for p in catalog_files(builtin_dir())]
    for number, layer in enumerate(layers, start=1):
        if not layer.exists():
            raise UsageError(f"catalog path not found: {layer}")
        files = catalog_files(layer)
        if not files:
            raise UsageError(f"no catalog files (*.yaml, *.yml) in {layer}")
        out += [(number, p) for p in files]
    if not out:
        raise UsageError("no catalog to use: without the built-in catalog, name at least one catalog path")
    return out

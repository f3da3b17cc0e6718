"""Where the built-in catalog lives: inside the installed package, or the source tree."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


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

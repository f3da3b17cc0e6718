"""Loading, checking and indexing the catalog.

Names are imported on first use (PEP 562), so code that only needs ``catalog.locate`` or
``catalog.core`` (the compiled-index fast path) does not pay for PyYAML.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .core import Catalog, Location
    from .load import load_catalog, validate

__all__ = ["Catalog", "Location", "load_catalog", "validate"]


def __getattr__(name: str) -> Any:
    if name in ("Catalog", "Location"):
        from . import core

        return getattr(core, name)
    if name in ("load_catalog", "validate"):
        from . import load

        return getattr(load, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

"""errcat: the error catalog of accounting and ERP HTTP APIs, as a library.

>>> import errcat
>>> catalog = errcat.open_catalog()  # the compiled index, cached between runs
>>> result = catalog.lookup("25008")

``load_catalog()`` parses the YAML files themselves (every field, every check); ``open_catalog()``
answers the same queries from the cached index. Names are imported on first use, so
``import errcat`` stays cheap for the command line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .catalog import Catalog, load_catalog, validate
    from .errors import CatalogError, ErrcatError, Problem, UsageError
    from .index.cache import open_catalog
    from .index.store import CatalogIndex
    from .model import Endpoint, Entry, Guide, Source, Template, Vendor

_HOMES = {
    "Catalog": "catalog",
    "load_catalog": "catalog",
    "validate": "catalog",
    "CatalogError": "errors",
    "ErrcatError": "errors",
    "Problem": "errors",
    "UsageError": "errors",
    "open_catalog": "index.cache",
    "CatalogIndex": "index.store",
    "Endpoint": "model",
    "Entry": "model",
    "Guide": "model",
    "Source": "model",
    "Template": "model",
    "Vendor": "model",
}

__all__ = [
    "Catalog",
    "CatalogError",
    "CatalogIndex",
    "Endpoint",
    "Entry",
    "ErrcatError",
    "Guide",
    "Problem",
    "Source",
    "Template",
    "UsageError",
    "Vendor",
    "__version__",
    "load_catalog",
    "open_catalog",
    "validate",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f".{home}", __name__), name)

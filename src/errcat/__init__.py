"""errcat: the error catalog of accounting and ERP HTTP APIs, as a library.

>>> import errcat
>>> catalog = errcat.open_catalog()  # an ErrorCatalog over the compiled index, cached between runs
>>> result = catalog.lookup("25008")

``open_catalog()`` (``ErrorCatalog.open``) answers lookup, search, list and explain from the cached
index; ``explain(paste)`` explains with the catalog in use, opened on first use;
``load_catalog()`` parses the YAML files themselves (every field, every check) and
``ErrorCatalog.from_catalog`` compiles one in memory. Names are imported on first use, so
``import errcat`` stays cheap for the command line.
"""

from __future__ import annotations

# Not typing's: importing typing (re, enum, collections with it) is time, before the command line's Ctrl-C
# handler, in which a Ctrl-C is a traceback.
TYPE_CHECKING = False

__version__ = "0.1.0"

if TYPE_CHECKING:
    from typing import Any

    from .api import ErrorCatalog, explain, open_catalog
    from .catalog import Catalog, load_catalog, validate
    from .errors import CatalogError, ErrcatError, Problem, UsageError
    from .explainer import Explanation
    from .explainer.identity import set_docs_url
    from .explainer.match import Candidate, ErrorMatch
    from .index.store import CatalogIndex
    from .integrations import RetryAdvice, VendorError, explain_response, retry_advice, should_retry
    from .model import Endpoint, Entry, Guide, Source, Template, Vendor
    from .query import ErrorGroup, Filters, LookupResult, SearchHit

_HOMES = {
    "Catalog": "catalog",
    "load_catalog": "catalog",
    "validate": "catalog",
    "CatalogError": "errors",
    "ErrcatError": "errors",
    "Problem": "errors",
    "UsageError": "errors",
    "open_catalog": "api",
    "explain_response": "integrations",
    "VendorError": "integrations",
    "should_retry": "integrations",
    "retry_advice": "integrations",
    "RetryAdvice": "integrations",
    "ErrorCatalog": "api",
    "Explanation": "explainer",
    "set_docs_url": "explainer.identity",
    "explain": "api",
    "ErrorMatch": "explainer.match",
    "Candidate": "explainer.match",
    "ErrorGroup": "query",
    "Filters": "query",
    "LookupResult": "query",
    "SearchHit": "query",
    "CatalogIndex": "index.store",
    "Endpoint": "model",
    "Entry": "model",
    "Guide": "model",
    "Source": "model",
    "Template": "model",
    "Vendor": "model",
}

__all__ = [
    "Candidate",
    "Catalog",
    "CatalogError",
    "CatalogIndex",
    "Endpoint",
    "Entry",
    "ErrcatError",
    "ErrorCatalog",
    "ErrorGroup",
    "ErrorMatch",
    "Explanation",
    "Filters",
    "Guide",
    "LookupResult",
    "Problem",
    "RetryAdvice",
    "SearchHit",
    "Source",
    "Template",
    "UsageError",
    "Vendor",
    "VendorError",
    "__version__",
    "explain",
    "explain_response",
    "load_catalog",
    "open_catalog",
    "retry_advice",
    "set_docs_url",
    "should_retry",
    "validate",
]


def __dir__() -> list[str]:
    """The public API, though imported on first use (``errcat.ex<TAB>`` completes), not the helpers."""
    return sorted({*__all__, *(name for name in globals() if name.startswith("__"))})


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f".{home}", __name__), name)

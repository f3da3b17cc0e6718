"""errcat: the error catalog of accounting and ERP HTTP APIs, as a library.

>>> import errcat
>>> catalog = errcat.load_catalog()
>>> result = catalog.lookup("25008")
"""

from .catalog import Catalog, load_catalog, validate
from .errors import CatalogError, ErrcatError, Problem, UsageError
from .model import Endpoint, Entry, Guide, Source, Template, Vendor

__version__ = "0.1.0"

__all__ = [
    "Catalog",
    "CatalogError",
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
    "validate",
]

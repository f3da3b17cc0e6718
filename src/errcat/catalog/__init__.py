"""Loading, checking and indexing the catalog."""

from .core import Catalog, Location
from .load import load_catalog, validate

__all__ = ["Catalog", "Location", "load_catalog", "validate"]

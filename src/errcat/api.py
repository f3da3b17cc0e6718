"""The façade: one object per catalog, every question errcat answers, for Python users and the CLI.

``ErrorCatalog`` wraps the compiled index (cached between runs) and offers lookup, search, list,
explain, vendors and endpoints. The layers below it (catalog, index, query, explain) never import
it; the CLI and the views sit above it.
"""

from __future__ import annotations

import builtins
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import datetime
    from types import TracebackType

    from .catalog.core import Catalog
    from .explainer import Explanation
    from .index.store import CatalogIndex
    from .model import Entry, Guide, Vendor
    from .query import ErrorGroup, LookupResult, SearchHit
    from .scan import ScanReport
    from .stats import EndpointRow


class ErrorCatalog:
    """The errors of the catalogued APIs, and what to do about them.

    >>> with ErrorCatalog.open() as catalog:
    ...     catalog.lookup("25008").found
    True

    Filters (keyword arguments of lookup, search and list): vendor, endpoint, method, status,
    severity, documented_only (True leaves out errors seen in the wild that the vendor does not
    document); an unknown filter name or severity is a ``UsageError`` naming the valid ones.
    """

    def __init__(self, index: CatalogIndex) -> None:
        self.index = index

    @classmethod
    def open(cls, paths: list[Path | str] | None = None, *, builtin: bool = True, use_env: bool = True) -> ErrorCatalog:
        """The catalog files in use (built-in, ERRCAT_CATALOG, ``paths``), from the cached compiled index."""
        from .index.cache import open_index

        return cls(open_index(paths, builtin=builtin, use_env=use_env))

    @classmethod
    def from_catalog(cls, catalog: Catalog) -> ErrorCatalog:
        """A loaded catalog, compiled into an in-memory index now (a few seconds for 100,000 entries)."""
        from .index.store import compile_in_memory

        return cls(compile_in_memory(catalog))

    # -- the questions ----------------------------------------------------------------------

    def lookup(self, query: str, **filters: Any) -> LookupResult:
        """Errors for a code, name, id or HTTP status, grouped by error."""
        from .query import lookup
        from .text import repaired

        # a lone surrogate (a command-line argument that is not UTF-8) cannot be sent to SQLite
        return lookup(self.index, repaired(query), _filters(filters))

    def search(self, text: str, limit: int = 10, **filters: Any) -> builtins.list[SearchHit]:
        """Errors ranked by relevance to ``text`` over messages, names, scenarios and explanations."""
        from .query import search

        return search(self.index, text, _filters(filters), limit=limit)

    def list(self, **filters: Any) -> builtins.list[ErrorGroup]:
        """Every error passing the filters, grouped."""
        from .query import list_errors

        return list_errors(self.index, _filters(filters))

    def explain(self, text: str | bytes, vendor: str | None = None, *, documented_only: bool = False) -> Explanation:
        """Explain a pasted error response, message or code (secrets are removed first); bytes
        (``response.content``) are decoded as ``explain_bytes`` does. ``documented_only`` leaves
        out the errors seen in the wild that vendors do not document."""
        from .explainer import explain, explain_bytes

        if isinstance(text, (bytes, bytearray, memoryview)):
            return explain_bytes(self.index, bytes(text), vendor=vendor, documented_only=documented_only)
        if not isinstance(text, str):
            from .errors import UsageError

            raise UsageError(f"explain takes the paste as str or bytes, not {type(text).__name__}")
        return explain(self.index, text, vendor=vendor, documented_only=documented_only)

    def explain_bytes(
        self, data: bytes, vendor: str | None = None, size: int | None = None, *, documented_only: bool = False
    ) -> Explanation:
        """Explain raw bytes of a paste (decoded leniently; binary or empty input is refused)."""
        from .explainer import explain_bytes

        return explain_bytes(self.index, data, vendor=vendor, size=size, documented_only=documented_only)

    def vendors(self) -> dict[str, Vendor]:
        """The catalogued vendors by id."""
        return self.index.vendors

    def vendor_summaries(self) -> builtins.list[tuple[Vendor, dict[str, int]]]:
        """Each vendor with its counts of rows, distinct errors, warning rows and endpoints."""
        from .stats import vendor_counts

        return [(self.index.vendors[v], vendor_counts(self.index, v)) for v in sorted(self.index.vendors)]

    def scan(
        self,
        files: builtins.list[str],
        vendor: str | None = None,
        window: tuple[datetime | None, datetime | None] = (None, None),
        workers: int | None = None,
        progress: Callable[[int], None] | None = None,
        *,
        documented_only: bool = False,
        dask: Any = None,
    ) -> ScanReport:
        """Scan log files (``-`` is stdin) for vendor error responses; a big file's records are
        found by ``workers`` processes and explained by this one. ``dask`` (a distributed Client,
        a scheduler address, or ``"local"``) runs the scan on a Dask cluster's workers; URLs
        (s3://, gs://, az://, https://, file://) are read through fsspec."""
        from .scan import ScanOptions, scan
        from .scan.remote import is_url

        options = ScanOptions(vendor=vendor, since=window[0], until=window[1], workers=workers, documented_only=documented_only)
        if dask is not None or any(is_url(f) for f in files):
            from .scan.cluster import scan_remote

            return scan_remote(self.index, files, options, dask, progress)
        return scan(self.index, files, options, progress=progress)

    def endpoints(self, vendor: str | None = None) -> builtins.list[EndpointRow]:
        """Documented endpoints with their query parameters and how many rows name each."""
        from .stats import endpoint_rows

        return endpoint_rows(self.index, vendor)

    @property
    def entries(self) -> tuple[Entry, ...]:
        """Every documented row."""
        return self.index.entries

    def guide_for(self, entry: Entry) -> Guide | None:
        """Our explanation of an entry's error."""
        return self.index.guide_for(entry)

    # -- resources ---------------------------------------------------------------------------

    def close(self) -> None:
        """Release the index file."""
        self.index.close()

    def __enter__(self) -> ErrorCatalog:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"ErrorCatalog({len(self.index.vendors)} vendors, {self.index.size} entries, {self.index.origin})"


_IN_USE: ErrorCatalog | None = None  # what explain() opens the first time it is called


def explain(
    text: str | bytes, vendor: str | None = None, *, catalog: ErrorCatalog | None = None, documented_only: bool = False
) -> Explanation:
    """Explain a pasted error response, message or code: ``errcat.explain(paste)`` (or the bytes
    of a response: ``errcat.explain(response.content)``; any other type is a ``UsageError``).

    Uses ``catalog``, else the catalog in use (built-in plus ``ERRCAT_CATALOG``), opened on the
    first call and kept. Secrets are removed before anything else reads the text."""
    global _IN_USE
    if catalog is None:
        if _IN_USE is None:
            _IN_USE = ErrorCatalog.open()
        catalog = _IN_USE
    return catalog.explain(text, vendor, documented_only=documented_only)


def open_catalog(paths: list[Path | str] | None = None, *, builtin: bool = True, use_env: bool = True) -> ErrorCatalog:
    """The catalog files in use, from the cached compiled index (``ErrorCatalog.open``)."""
    return ErrorCatalog.open(paths, builtin=builtin, use_env=use_env)


_FILTER_NAMES = ("vendor", "endpoint", "method", "status", "severity", "documented_only")


def _filters(given: dict[str, Any]) -> Any:
    from .errors import UsageError
    from .query import Filters

    unknown = sorted(set(given) - set(_FILTER_NAMES))
    if unknown:
        raise UsageError(f"unknown filter(s) {', '.join(unknown)}: the filters are {', '.join(_FILTER_NAMES)}")
    return Filters(**given)

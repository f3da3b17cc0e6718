"""The façade: one object per catalog, every question errcat answers, for Python users and the CLI.

``ErrorCatalog`` wraps the compiled index (cached between runs) and offers lookup, search, list,
explain, scan, vendors, endpoints and export; ``documented_only`` asks the index's documented-only
view. The functions below it serve the command line (the catalog files, the cache, a paste read
bounded), so the CLI imports the façade, the views and the errors only. The layers below it
(catalog, index, query, explain, scan) never import it; the CLI and the views sit above it.
"""

from __future__ import annotations

import builtins
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import datetime
    from types import TracebackType

    from .catalog.checks import Check
    from .catalog.core import Catalog
    from .errors import Problem
    from .explainer import Explanation
    from .index.maintenance import CacheEntry
    from .index.store import CatalogIndex
    from .model import Entry, Guide, Vendor
    from .query import ErrorGroup, Filters, LookupResult, SearchHit
    from .scan import ScanReport
    from .stats import EndpointRow

T = TypeVar("T")


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

    def _index(self, documented_only: bool) -> CatalogIndex:
        """The index to ask: the whole catalog, or its documented-only view."""
        return self.index.documented() if documented_only else self.index

    @classmethod
    def open(cls, paths: list[Path | str] | None = None, *, builtin: bool = True, use_env: bool = True) -> ErrorCatalog:
        """The catalog files in use (built-in, ERRCAT_CATALOG, ``paths``), from the cached compiled index."""
        from .index.cache import open_index

        return cls(open_index(paths, builtin=builtin, use_env=use_env))

    @classmethod
    def from_catalog(cls, catalog: Catalog) -> ErrorCatalog:
        """A loaded catalog, compiled into an in-memory index now (a few seconds for 100,000 entries)."""
        from .catalog import Catalog
        from .index.store import compile_in_memory

        if not isinstance(catalog, Catalog):  # an AttributeError deep in the build, else
            from .errors import UsageError

            raise UsageError(f"from_catalog takes a Catalog (errcat.load_catalog()), not {type(catalog).__name__}")
        return cls(compile_in_memory(catalog))

    # -- the questions ----------------------------------------------------------------------

    def lookup(self, query: str, **filters: Any) -> LookupResult:
        """Errors for a code, name, id or HTTP status, grouped by error."""
        from .query import lookup
        from .text import repaired

        documented_only, chosen = _filters(filters)
        # a lone surrogate (a command-line argument that is not UTF-8) cannot be sent to SQLite
        q = repaired(_text("lookup", query))
        result = lookup(self._index(documented_only), q, chosen)
        if documented_only and not result.found and (full := lookup(self.index, q, chosen)).found:
            # an error only seen in public reports (Sage's invalid_grant): there, left out, and no typo of another
            titles = ", ".join([g.title for s in full.sections for g in s.groups][:3])
            # with other filters, the catalog may document it for rows they leave out (401 --vendor myob)
            given = "with the filters given, " if any(value is not None for value in chosen) else ""
            note = (
                f"{given}{result.query} is in the catalog only as an error seen in public reports ({titles}),"
                " which the documented-only view leaves out."
            )
            result = result._replace(suggestions=(), notes=(note,))
        return result

    def search(self, text: str, limit: int = 10, **filters: Any) -> builtins.list[SearchHit]:
        """Errors ranked by relevance to ``text`` over messages, names, scenarios and explanations."""
        from .query import search

        documented_only, chosen = _filters(filters)
        if isinstance(limit, bool) or not isinstance(limit, int):
            from .errors import UsageError

            raise UsageError(f"limit is a number of errors, not {type(limit).__name__}")
        return search(self._index(documented_only), _text("search", text), chosen, limit=limit)

    def list(self, **filters: Any) -> builtins.list[ErrorGroup]:
        """Every error passing the filters, grouped."""
        from .query import list_errors

        documented_only, chosen = _filters(filters)
        return list_errors(self._index(documented_only), chosen)

    def explain(self, text: str | bytes, vendor: str | None = None, *, documented_only: bool = False) -> Explanation:
        """Explain a pasted error response, message or code (secrets are removed first); bytes
        (``response.content``) are decoded as ``explain_bytes`` does. ``documented_only`` leaves
        out the errors seen in the wild that vendors do not document."""
        from .explainer import explain, explain_bytes

        if isinstance(text, (bytes, bytearray, memoryview)):
            return explain_bytes(self._index(documented_only), bytes(text), vendor=_plain(vendor))
        if not isinstance(text, str):
            from .errors import UsageError

            raise UsageError(f"explain takes the paste as str or bytes, not {type(text).__name__}")
        return explain(self._index(documented_only), _plain(text), vendor=_plain(vendor))

    def explain_bytes(
        self, data: bytes, vendor: str | None = None, size: int | None = None, *, documented_only: bool = False
    ) -> Explanation:
        """Explain raw bytes of a paste (decoded leniently; binary or empty input is refused)."""
        from .errors import UsageError
        from .explainer import explain_bytes

        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise UsageError(f"explain_bytes takes bytes, not {type(data).__name__} (text goes to explain)")
        if size is not None and (isinstance(size, bool) or not isinstance(size, int)):
            raise UsageError(f"size is the input's length in bytes (int), not {type(size).__name__}")
        return explain_bytes(self._index(documented_only), bytes(data), vendor=_plain(vendor), size=size)

    def stub(self, x: Explanation) -> str | None:
        """A catalog file (YAML) adding the errors of ``x`` the catalog lacks, to use with
        ``--catalog``; None when there are none."""
        from .explainer.stub import stub_yaml

        return stub_yaml(self.index, _explanation(x))

    @staticmethod
    def held_unclaimed(x: Explanation) -> builtins.list[tuple[str, str]]:
        """Errors of ``x`` the catalog holds word for word but did not claim, because nothing in
        the paste names their vendor: (entry id, vendor) each (a stub would add a duplicate)."""
        from .explainer.stub import already_there

        return already_there(_explanation(x))

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
        (s3://, gs://, az://, https://, file://) are read through fsspec. ``window`` bounds the
        records' times (see ``time_window``)."""
        from .scan import ScanOptions, scan
        from .scan.remote import is_url

        files = _file_names(files)
        window = _window(window)
        from .errors import UsageError

        if workers is not None and (isinstance(workers, bool) or not isinstance(workers, int)):
            raise UsageError(f"workers is a number of processes, not {type(workers).__name__}")
        if progress is not None and not callable(progress):  # called with each block's size, deep in the scan
            raise UsageError(f"progress is a function taking a number of bytes, not {type(progress).__name__}")
        if dask is not None and not (isinstance(dask, str) or callable(getattr(dask, "submit", None))):
            raise UsageError(f"dask is a distributed Client, a scheduler address or 'local', not {type(dask).__name__}")
        if getattr(dask, "asynchronous", False) is True:  # its calls return coroutines: an AttributeError, never awaited
            raise UsageError(
                "dask is an asynchronous Client (asynchronous=True): scan waits for its results; pass a Client made without it"
            )
        options = ScanOptions(vendor=_plain(vendor), since=window[0], until=window[1], workers=workers)
        index = self._index(documented_only)
        if dask is not None or any(is_url(f) for f in files):
            from .scan.cluster import scan_remote

            return scan_remote(index, files, options, dask, progress)
        return scan(index, files, options, progress=progress)

    def endpoints(self, vendor: str | None = None) -> builtins.list[EndpointRow]:
        """Documented endpoints with their query parameters and how many rows name each."""
        from .stats import endpoint_rows

        return endpoint_rows(self.index, _plain(vendor))

    def export(self, vendor: str | None = None, *, documented_only: bool = False) -> dict[str, Any]:
        """Every entry (of ``vendor``, if given) with its explanation and provenance: the versioned
        export document (``errcat export``; render it with ``errcat.render.views.export_view``)."""
        from .documents import entry_record, envelope
        from .errors import check_vendor
        from .legend import legend

        index, vendor = self._index(documented_only), _plain(vendor)
        check_vendor(vendor, index.vendors)
        records = [entry_record(index, e) for e in index.entries if vendor is None or e.vendor == vendor.lower()]
        return envelope("export", legend=legend(), entries=records)

    @property
    def entries(self) -> tuple[Entry, ...]:
        """Every row: documented by its vendor, or observed in the wild (``Entry.observed``)."""
        return self.index.entries

    def guide_for(self, entry: Entry) -> Guide | None:
        """Our explanation of an entry's error."""
        from .model import Entry

        if not isinstance(entry, Entry):
            from .errors import UsageError

            raise UsageError(f"guide_for takes an Entry (catalog.entries, a result's entries), not {type(entry).__name__}")
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
    if catalog is not None and not isinstance(catalog, ErrorCatalog):
        from .errors import UsageError

        raise UsageError(f"catalog is an ErrorCatalog (errcat.open_catalog()), not {type(catalog).__name__}")
    if catalog is None:
        if _IN_USE is None:
            _IN_USE = ErrorCatalog.open()
        catalog = _IN_USE
    return catalog.explain(text, vendor, documented_only=documented_only)


def open_catalog(paths: list[Path | str] | None = None, *, builtin: bool = True, use_env: bool = True) -> ErrorCatalog:
    """The catalog files in use, from the cached compiled index (``ErrorCatalog.open``)."""
    return ErrorCatalog.open(paths, builtin=builtin, use_env=use_env)


def _file_names(files: object) -> builtins.list[str]:
    """scan's inputs: a list of names (paths, URLs, ``-``), or one name (a list of one, not its letters)."""
    import os

    from .catalog.locate import path_text
    from .errors import UsageError

    if isinstance(files, (str, os.PathLike)):
        files = [files]
    if not isinstance(files, (builtins.list, tuple)):
        raise UsageError(f"scan takes a list of file names (str or Path), not {type(files).__name__}")
    names = [path_text(f, "a file name to scan") for f in files]  # the list's item named, not "list"
    if any("\x00" in n for n in names):  # no file system takes one (os.stat: ValueError)
        raise UsageError("a file name to scan holds a NUL character, which no file name can")
    try:
        [os.fsencode(n) for n in names]  # "\ud800" (half an emoji) has no bytes: open() raised UnicodeEncodeError
    except UnicodeEncodeError as exc:
        raise UsageError(f"a file name to scan holds {exc.object[exc.start]!r}, a lone surrogate no file name can") from None
    return names


def _window(window: object) -> tuple[datetime | None, datetime | None]:
    """scan's time window: (since, until), each a datetime or None (see ``time_window``)."""
    from datetime import datetime

    from .errors import UsageError

    if not window:
        return (None, None)
    if isinstance(window, tuple) and len(window) == 2:
        since, until = window
        if (since is None or isinstance(since, datetime)) and (until is None or isinstance(until, datetime)):
            return (since, until)
    raise UsageError(f"window is (since, until), each a datetime or None, not {type(window).__name__}")


def _explanation(x: object) -> Explanation:
    """What stub and held_unclaimed take: an Explanation (another type was an AttributeError)."""
    from .explainer import Explanation

    if not isinstance(x, Explanation):
        from .errors import UsageError

        raise UsageError(f"an Explanation is wanted (catalog.explain(paste)), not {type(x).__name__}")
    return x


def _text(command: str, value: object) -> str:
    """What lookup and search take: text (a number, None or bytes is a UsageError, not an AttributeError)."""
    if not isinstance(value, str):
        from .errors import UsageError

        raise UsageError(f"{command} takes text (str), not {type(value).__name__}")
    return _plain(value)


def _plain(value: T) -> T:
    """A str subclass as the plain str it holds: its own methods (a ``lower`` or ``__str__`` that raises or
    never returns) are the caller's, not run deep inside a lookup. Anything else as it is."""
    return str.__str__(value) if isinstance(value, str) and type(value) is not str else value  # type: ignore[return-value]


_FILTER_NAMES = ("vendor", "endpoint", "method", "status", "severity", "documented_only")


def _filters(given: dict[str, Any]) -> tuple[bool, Filters]:
    """Whether to ask the documented-only view, and the other filters as a query.Filters."""
    from .errors import UsageError
    from .query import Filters

    unknown = sorted(set(given) - set(_FILTER_NAMES))
    if unknown:  # a name is quoted through the exit gate, and cut: **{token: ...} is a paste too
        from .gate import shown

        names = shown(", ".join(name[:60] for name in unknown[:5]))
        raise UsageError(f"unknown filter(s) {names}: the filters are {', '.join(_FILTER_NAMES)}")
    rest = {k: _plain(v) for k, v in given.items() if k != "documented_only"}
    return bool(given.get("documented_only")), Filters(**rest)


def time_window(since: str | None, until: str | None) -> tuple[datetime | None, datetime | None]:
    """A scan's window from text as --since/--until take it: an ISO date or time (``2026-11-19``,
    ``2026-11-19T02:00Z``) or a span back from now (``6h``, ``2d``); a bare ``until`` date is the
    end of that day. A value neither is a UsageError."""
    from .errors import UsageError
    from .scan.logline import parse_when

    for name, value in (("since", since), ("until", until)):
        if value is not None and not (isinstance(value, str) and value.strip()):  # `--since ''` filtered nothing
            raise UsageError(f"--{name} is empty: give a time (2026-11-19, 2026-11-19T02:00:00Z) or a span (6h, 2d)")
    start = parse_when(since) if since is not None else None
    end = parse_when(until, end=True) if until is not None else None
    if start and end and start > end:  # every record would be left out
        raise UsageError(f"--since {since} is after --until {until}: no time is in that window")
    return start, end


# -- the catalog files and the cache, for the command line ----------------------------------------


def require_catalog(paths: builtins.list[Path] | None, builtin: bool) -> None:
    """Refuse to go on without the built-in catalog when no other catalog path is given."""
    import os

    from .catalog.locate import ENV_VAR
    from .errors import UsageError

    if not builtin and not paths and not os.environ.get(ENV_VAR):
        raise UsageError("no catalog to use: --no-builtin needs at least one --catalog path (or ERRCAT_CATALOG)")


def with_catalog(work: Callable[[ErrorCatalog], T], paths: builtins.list[Path] | None = None, *, builtin: bool = True) -> T:
    """Run ``work`` (questions and their rendering) on the catalog in use, from the cached compiled
    index; a cache file found damaged mid-way is rebuilt once and ``work`` run again."""
    from .catalog.locate import given_paths
    from .index.cache import with_index

    require_catalog(paths, builtin)
    return with_index(lambda index: work(ErrorCatalog(index)), [*given_paths(paths)], builtin=builtin)


def validate(
    paths: builtins.list[Path | str] | None = None, *, builtin: bool = True, use_env: bool = False
) -> builtins.list[Problem]:
    """Every problem in the catalog files (``errcat validate``): schema, ids, statuses, guides..."""
    from .catalog import validate as run_checks

    return run_checks(paths, builtin=builtin, use_env=use_env)


def checks() -> builtins.list[Check]:
    """Every catalog check, by code (``errcat validate --list-checks``)."""
    from .catalog.checks import CHECKS

    return sorted(CHECKS, key=lambda c: c.code)


def cache_info(
    paths: builtins.list[Path] | None = None, *, builtin: bool = True
) -> tuple[str, builtins.list[CacheEntry], str | None]:
    """The cache folder, each index file in it (``current`` marks the one serving these catalog
    files) and what is wrong with the folder, if anything."""
    from .catalog.locate import given_paths
    from .index.cache import cache_dir, cache_problem
    from .index.maintenance import cache_entries

    folder = shown(str(cache_dir()))  # ERRCAT_CACHE_DIR may hold a token, as any value errcat prints back
    return folder, cache_entries([*given_paths(paths)], builtin=builtin), cache_problem()


def clear_cache() -> tuple[int, int, str]:
    """Delete every cached index: (files removed, bytes freed, the folder); a folder that cannot be
    cleared is a UsageError saying why."""
    from .errors import UsageError
    from .index.cache import cache_dir, cache_problem
    from .index.maintenance import clear_cache as clear

    problem = cache_problem()
    if problem and problem != "cannot be created":
        raise UsageError(f"cannot clear the cache folder {cache_dir()}: {problem}")
    removed, freed = clear()
    return removed, freed, shown(str(cache_dir()))


def home_folder() -> Path | None:
    """The user's home folder, or None when there is none (HOME unset or empty, a user without one)."""
    from .fs import home_folder as home

    return home()


def install_files(script: Path, text: str, start_up: Path | None, lines: dict[str, str]) -> None:
    """Write ``script`` whole (a shell completion script), then append to the shell's start-up file the
    ``lines`` whose mark it lacks ({line: mark}); an OSError says which failed. The start-up file is the user's own: appended
    to, never rewritten (see fs.append_missing_lines)."""
    from .fs import append_missing_lines, new_folders, write_atomic

    def write(tmp: Path) -> None:
        tmp.write_text(text, encoding="utf-8")

    with new_folders(script.parent):  # a failure leaves no empty folder made for the script
        write_atomic(script, write, 0o644)
    if start_up is not None:
        with new_folders(start_up.parent):
            append_missing_lines(start_up, lines)


def shown(text: str) -> str:
    """``text`` as errcat may print it back: credentials and tokens masked by the exit gate."""
    from .gate import shown as gated

    return gated(text)


# -- a paste, read bounded -------------------------------------------------------------------------


def read_paste(source: str | None, stdin: BinaryIO | None = None) -> tuple[bytes, int, bool]:
    """The first bytes of a paste (at most what explain reads) from a file, or from ``stdin`` for
    ``-`` or None, with the input's whole size. An argument naming no file that is plainly a paste
    (lines, a JSON or XML body, a status line) is the paste itself: the third value says so. A file
    that cannot be read is a UsageError naming it through the exit gate."""
    import os

    from .errors import UsageError
    from .explainer.split import read_bounded
    from .gate import argument, shown

    if source is None or source == "-":
        if stdin is None:
            import sys

            stdin = sys.stdin.buffer
        from .fs import is_kernel_log_fd

        try:
            fd = stdin.fileno()
        except (AttributeError, OSError, ValueError):  # io.BytesIO and the like have no file descriptor
            fd = -1
        if fd >= 0 and is_kernel_log_fd(fd):  # < /dev/kmsg: its read never ends
            raise UsageError("cannot read stdin: the kernel's log never ends: dmesg | errcat explain -")
        try:
            data, size = read_bounded(stdin)
        except OSError as exc:
            raise UsageError(f"cannot read stdin: {exc.strerror or exc}") from None
        return data, size, False
    from .fs import is_kernel_log, open_input

    if is_kernel_log(source):  # its read waits for the kernel's next message forever
        raise UsageError(f"cannot read {shown(source)}: the kernel's log never ends: dmesg | errcat explain -")
    try:
        with open_input(source) as stream:
            data, size = read_bounded(stream)
            return data, size, False
    except OSError as exc:
        if not os.path.exists(source) and _plainly_a_paste(source):  # errcat explain "$(pbpaste)"
            data = os.fsencode(source)
            return data, len(data), True  # explain reads the first MAX_INPUT_BYTES, noting the cut
        named = shown(source) if os.path.exists(source) else argument(source)  # what is not a file: a short prefix
        raise UsageError(f"cannot read {named}: {exc.strerror or exc}") from None


def wait_for_fifo_writers() -> None:
    """A named FIFO among the inputs waits for its writer as long as it takes (``cat``'s way), not the few
    seconds a script's run waits: for a run on a terminal whose user was told that it waits."""
    from . import fs

    fs.fifo_wait = None


def _plainly_a_paste(arg: str) -> bool:
    """An argument no one would take for a file name: lines, a JSON or XML body, a status line."""
    import os

    body = arg.strip()
    return "\n" in body or body[:1] in "{[<" or body.upper().startswith("HTTP/") or len(os.fsencode(arg)) > 4096

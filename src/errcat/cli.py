"""The errcat command line: each command parses arguments, calls the library, renders, exits.

Exit codes (also in the README): 0 found / valid, 1 nothing found / catalog invalid (validate),
2 usage or input error, 3 a catalog in use could not be loaded.
"""

import contextlib
import io
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn, TypeVar

import typer
from typer.core import TyperGroup

from . import __version__
from .errors import EXIT_NOT_FOUND, EXIT_OK, EXIT_USAGE, CatalogError, ErrcatError

T = TypeVar("T")


class _Group(TyperGroup):
    """Turns errcat's own errors into one stderr line and their exit code, for every command."""

    def invoke(self, ctx: Any) -> Any:  # typer's vendored click Context
        try:
            return super().invoke(ctx)
        except CatalogError as exc:
            for problem in exc.problems[:20]:
                typer.echo(f"errcat: {problem}", err=True)
            if len(exc.problems) > 20:
                typer.echo(f"errcat: ... and {len(exc.problems) - 20} more problems (run `errcat validate`)", err=True)
            ctx.exit(exc.exit_code)
        except ErrcatError as exc:
            typer.echo(f"errcat: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except BrokenPipeError:
            # `errcat ... | head -1`: the reader has what it wanted; not an error (scripts use pipefail)
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            ctx.exit(EXIT_OK)


app = typer.Typer(
    cls=_Group,
    name="errcat",
    help="Error catalog of accounting and ERP HTTP APIs: look up, search, explain and validate documented errors.",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


class Format(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


class ExportFormat(StrEnum):
    json = "json"
    yaml = "yaml"
    csv = "csv"


def _complete_vendor(incomplete: str) -> list[str]:
    try:
        from .catalog import load_catalog

        return [v for v in sorted(load_catalog().vendors) if v.startswith(incomplete)]
    except ErrcatError:
        return []


CatalogOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--catalog",
        "-c",
        help="Extra catalog file or folder, layered over the built-in one (repeatable). Also: ERRCAT_CATALOG, a path list.",
    ),
]
NoBuiltinOpt = Annotated[bool, typer.Option("--no-builtin", help="Use only the --catalog paths.")]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
VendorOpt = Annotated[
    str | None, typer.Option("--vendor", help="Only this vendor (myob, sage, ...).", autocompletion=_complete_vendor)
]
EndpointOpt = Annotated[
    str | None,
    typer.Option(
        "--endpoint", help="Only errors of this endpoint (loose: sale/invoice/item); errors of every endpoint are kept."
    ),
]
MethodOpt = Annotated[str | None, typer.Option("--method", help="Only errors documented for this HTTP method.")]
StatusOpt = Annotated[int | None, typer.Option("--status", help="Only errors with this HTTP status.")]
SeverityOpt = Annotated[str | None, typer.Option("--severity", help="error or warning.")]


def _fail(message: str, code: int) -> NoReturn:
    typer.echo(f"errcat: {message}", err=True)
    raise typer.Exit(code)


def _load(catalog: list[Path] | None, no_builtin: bool):  # type: ignore[no-untyped-def]
    """The catalog parsed from its YAML files: for commands that need every field (docs, export)."""
    from .catalog import load_catalog

    return load_catalog(list(catalog or []), builtin=not no_builtin)


def _query(catalog: list[Path] | None, no_builtin: bool, work: Callable[[Any], T]) -> T:
    """Run ``work`` (query and render, no printing) on the compiled index, from the cache when current."""
    from .index.cache import with_index

    return with_index(work, list(catalog or []), builtin=not no_builtin)


def _filters(vendor: str | None, endpoint: str | None, method: str | None, status: int | None, severity: str | None):  # type: ignore[no-untyped-def]
    from .query import Filters

    return Filters(vendor=vendor, endpoint=endpoint, method=method, status=status, severity=severity)


def _emit(text: str) -> None:
    sys.stdout.write(text)


def _render(format: "Format", view: str, *args: Any, table: tuple[Any, ...] | None = None) -> str | list[Any]:
    """``view`` (lookup, search, list, explain) rendered in ``format``: a JSON or markdown document,
    or text lines for the table view (``table`` gives its arguments when they differ).

    Each view has ``render.jsondoc.<view>_document``, ``render.markdown.<view>_markdown`` and
    ``render.text.<view>_lines``; only the module the format needs is imported.
    """
    from importlib import import_module

    if format is Format.json:
        jsondoc = import_module(".render.jsondoc", __package__)
        return str(jsondoc.dumps(getattr(jsondoc, f"{view}_document")(*args)))
    if format is Format.markdown:
        return str(getattr(import_module(".render.markdown", __package__), f"{view}_markdown")(*args))
    return list(getattr(import_module(".render.text", __package__), f"{view}_lines")(*(table or args)))


def _output(output: str | list[Any]) -> None:
    """Print a rendered document (str) or text lines (styled on a terminal)."""
    if isinstance(output, str):
        _emit(output)
        return
    from .render.console import print_lines

    print_lines(output)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"errcat {__version__}")
        raise typer.Exit(0)


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """errcat: the error catalog of MYOB, Sage, InvoiceXpress and ProSpend APIs."""


@app.command()
def lookup(
    query: Annotated[
        str,
        typer.Argument(
            help="A vendor code (25008, AccessTokenExpiredError, BAD_REQUEST), an error name, an id, or an HTTP status."
        ),
    ],
    vendor: VendorOpt = None,
    endpoint: EndpointOpt = None,
    method: MethodOpt = None,
    status: StatusOpt = None,
    severity: SeverityOpt = None,
    format: FormatOpt = Format.table,
    catalog: CatalogOpt = None,
    no_builtin: NoBuiltinOpt = False,
) -> None:
    """Look an error up by code, name, id or HTTP status; every documented row is listed."""
    from .query import lookup as do_lookup

    def work(cat: Any) -> tuple[Any, Any]:
        result = do_lookup(cat, query, _filters(vendor, endpoint, method, status, severity))
        if format is Format.table and not result.found:
            return result, ""  # the miss and its suggestions go to stderr
        return result, _render(format, "lookup", cat, result)

    result, output = _query(catalog, no_builtin, work)
    _output(output)
    if not result.found:
        hint = f"; did you mean: {', '.join(result.suggestions)}" if result.suggestions else ""
        _fail(f"no documented error matches {query!r}{hint}", EXIT_NOT_FOUND)


@app.command()
def search(
    text: Annotated[str, typer.Argument(help="Words to find in messages, names, scenarios and explanations.")],
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most this many errors.")] = 10,
    vendor: VendorOpt = None,
    endpoint: EndpointOpt = None,
    method: MethodOpt = None,
    status: StatusOpt = None,
    severity: SeverityOpt = None,
    format: FormatOpt = Format.table,
    catalog: CatalogOpt = None,
    no_builtin: NoBuiltinOpt = False,
) -> None:
    """Ranked full-text search over the catalog."""
    from .query import search as do_search

    def work(cat: Any) -> tuple[Any, Any]:
        hits = do_search(cat, text, _filters(vendor, endpoint, method, status, severity), limit=limit)
        return hits, _render(format, "search", cat, text, hits, table=(cat, hits))

    hits, output = _query(catalog, no_builtin, work)
    _output(output)
    if not hits:
        _fail(f"nothing in the catalog matches {text!r}", EXIT_NOT_FOUND)


def _read_paste(source: str | None) -> tuple[bytes, int]:
    """The first MAX_INPUT_BYTES of a file or stdin, and the input's whole size (memory stays bounded)."""
    from .explain.split import MAX_INPUT_BYTES

    if source is None or source == "-":
        stream = sys.stdin.buffer
        if sys.stdin.isatty():
            typer.echo("Paste the error response, then press Ctrl-D (Ctrl-Z Enter on Windows):", err=True)
    else:
        try:
            stream = open(source, "rb")  # noqa: SIM115  # closed below, after the bounded read
        except OSError as exc:
            _fail(f"cannot read {source}: {exc.strerror or exc}", EXIT_USAGE)
    try:
        data = stream.read(MAX_INPUT_BYTES)
        total = len(data)
        # Count the rest without keeping it, only when there is a rest: a short read already met the
        # end of input, and reading a terminal again would wait for a second Ctrl-D.
        while total >= MAX_INPUT_BYTES and (chunk := stream.read(1 << 20)):
            total += len(chunk)
    except OSError as exc:
        _fail(f"cannot read {source or 'stdin'}: {exc.strerror or exc}", EXIT_USAGE)
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()
    return data, total


@app.command()
def explain(
    source: Annotated[
        str | None, typer.Argument(help="File holding the pasted response, message or code; - or nothing reads stdin.")
    ] = None,
    vendor: Annotated[
        str | None,
        typer.Option("--vendor", help="Treat the paste as this vendor's (skips detection).", autocompletion=_complete_vendor),
    ] = None,
    stub: Annotated[
        bool, typer.Option("--stub", help="Print a catalog file (YAML) for the errors the catalog lacks, to use with --catalog.")
    ] = False,
    format: FormatOpt = Format.table,
    catalog: CatalogOpt = None,
    no_builtin: NoBuiltinOpt = False,
) -> None:
    """Explain a raw error response (curl -i/-v output, a body, a log line, a message or a code).

    Exit 0 when every error in it is documented (exact, template, code or status match), 1 when
    any is not, 2 when the input is unusable (empty, binary).
    """
    from .explain import explain_bytes

    data, total = _read_paste(source)

    def work(cat: Any) -> tuple[Any, Any]:
        x = explain_bytes(cat, data, vendor=vendor, size=total)
        if stub:
            from .explain.stub import stub_yaml

            return x, stub_yaml(cat, x)
        return x, _render(format, "explain", cat, x)

    x, output = _query(catalog, no_builtin, work)
    if stub and output is None:
        _fail("every error in the paste is already in the catalog; no stub needed", EXIT_OK)
    _output(output)
    if stub:
        return
    if not x.all_matched:
        raise typer.Exit(EXIT_NOT_FOUND)


class FailOn(StrEnum):
    unmatched = "unmatched"
    any = "any"


@app.command()
def scan(
    files: Annotated[
        list[str], typer.Argument(help="Log files: plain text or JSON lines, gzip read transparently; - reads stdin.")
    ],
    vendor: Annotated[
        str | None, typer.Option("--vendor", help="Report only this vendor's errors.", autocompletion=_complete_vendor)
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Only records at or after this time: 2026-11-19, 2026-11-19T02:00Z, 6h, 2d.")
    ] = None,
    until: Annotated[str | None, typer.Option("--until", help="Only records at or before this time (same forms).")] = None,
    top: Annotated[int, typer.Option("--top", min=1, help="Show at most N groups in each list (totals count all).")] = 20,
    fail_on: Annotated[
        FailOn | None,
        typer.Option("--fail-on", help="Exit 1 if any error not in the catalog (unmatched) or any error at all (any) is found."),
    ] = None,
    workers: Annotated[
        int | None, typer.Option("--workers", min=1, help="Processes reading a big file (default: one per core, at most 4).")
    ] = None,
    format: FormatOpt = Format.table,
    catalog: CatalogOpt = None,
    no_builtin: NoBuiltinOpt = False,
) -> None:
    """Scan logs for vendor error responses and summarise them: each documented error with its
    count, endpoints, first/last seen and lines; the rest grouped by text, with redacted samples.

    Exit 0 when scanned, 1 when --fail-on's condition is met, 2 when no input could be read.
    """
    from functools import partial

    from .index.cache import open_index
    from .render.scan import scan_document, scan_lines, scan_markdown
    from .scan import ScanOptions
    from .scan import scan as run_scan
    from .scan.logline import parse_when

    options = ScanOptions(
        vendor=vendor,
        since=parse_when(since) if since else None,
        until=parse_when(until) if until else None,
        workers=workers,
    )
    reopen = partial(open_index, [str(p) for p in catalog or []], builtin=not no_builtin)

    def work(cat: Any) -> tuple[Any, Any]:
        from .render.console import progress_meter

        with progress_meter(_input_size(files)) as meter:
            report = run_scan(cat, files, options, progress=meter, reopen=reopen)
        if format is Format.json:
            from .render.jsondoc import dumps

            return report, dumps(scan_document(cat, report, top))
        if format is Format.markdown:
            return report, scan_markdown(cat, report, top)
        return report, scan_lines(cat, report, top)

    report, output = _query(catalog, no_builtin, work)
    _output(output)
    if all(i.problem for i in report.inputs):
        _fail("no input could be read", EXIT_USAGE)
    if (fail_on is FailOn.unmatched and report.unmatched_count) or (
        fail_on is FailOn.any and report.matched_count + report.unmatched_count
    ):
        raise typer.Exit(EXIT_NOT_FOUND)


def _input_size(files: list[str]) -> int | None:
    """Total bytes of the inputs, for the progress bar (None when stdin is one of them)."""
    import os

    total = 0
    for name in files:
        if name == "-":
            return None
        with contextlib.suppress(OSError):
            total += os.path.getsize(name)
    return total


@app.command("list")
def list_(
    vendor: VendorOpt = None,
    endpoint: EndpointOpt = None,
    method: MethodOpt = None,
    status: StatusOpt = None,
    severity: SeverityOpt = None,
    format: FormatOpt = Format.table,
    catalog: CatalogOpt = None,
    no_builtin: NoBuiltinOpt = False,
) -> None:
    """List the distinct errors in the catalog (filtered)."""
    from .query import list_errors

    def work(cat: Any) -> tuple[Any, Any]:
        groups = list_errors(cat, _filters(vendor, endpoint, method, status, severity))
        return groups, _render(format, "list", cat, groups)

    groups, output = _query(catalog, no_builtin, work)
    _output(output)
    if not groups:
        _fail("no errors match these filters", EXIT_NOT_FOUND)


@app.command()
def vendors(format: FormatOpt = Format.table, catalog: CatalogOpt = None, no_builtin: NoBuiltinOpt = False) -> None:
    """The vendors in the catalog, with counts."""
    from .stats import vendor_counts

    cat = _load(catalog, no_builtin)
    rows = [(cat.vendors[v], vendor_counts(cat, v)) for v in sorted(cat.vendors)]
    if format is Format.json:
        from .records import envelope
        from .render.jsondoc import dumps, vendor_record

        _emit(dumps(envelope("vendors", vendors=[vendor_record(v, c) for v, c in rows])))
    elif format is Format.markdown:
        from .render.markdown import table

        _emit(
            table(
                ["Vendor", "Name", "Rows", "Errors", "Warning rows", "Endpoints"],
                [[v.id, v.name, c["rows"], c["errors"], c["warnings"], c["endpoints"]] for v, c in rows],
            )
        )
    else:
        from .render.console import print_lines
        from .render.text import vendor_lines

        print_lines(vendor_lines(rows))


@app.command()
def endpoints(
    vendor: Annotated[str | None, typer.Argument(help="Only this vendor's endpoints.", autocompletion=_complete_vendor)] = None,
    format: FormatOpt = Format.table,
    catalog: CatalogOpt = None,
    no_builtin: NoBuiltinOpt = False,
) -> None:
    """The documented endpoints, with how many catalog rows each has."""
    from .stats import endpoint_rows, parameter_record, parameter_text

    cat = _load(catalog, no_builtin)
    rows = endpoint_rows(cat, vendor)
    if format is Format.json:
        from .records import envelope
        from .render.jsondoc import dumps

        records = [
            {"vendor": r.vendor, "path": r.path, "methods": list(r.methods), "rows": r.rows, "description": r.description,
             "parameters": [parameter_record(p) for p in r.parameters]}
            for r in rows
        ]  # fmt: skip
        _emit(dumps(envelope("endpoints", endpoints=records)))
    elif format is Format.markdown:
        from .render.markdown import table

        cells = [
            [
                r.vendor,
                r.path,
                ", ".join(r.methods),
                r.rows,
                r.description or "",
                "; ".join(parameter_text(p) for p in r.parameters),
            ]
            for r in rows
        ]
        _emit(table(["Vendor", "Path", "Methods", "Rows", "Returns", "Query parameters"], cells))
    else:
        from .render.console import print_lines
        from .render.text import endpoint_lines

        print_lines(endpoint_lines(rows))
    if not rows:
        _fail("no endpoints documented" + (f" for {vendor}" if vendor else ""), EXIT_NOT_FOUND)


@app.command()
def validate(
    paths: Annotated[list[Path] | None, typer.Argument(help="Catalog files or folders (default: the built-in catalog).")] = None,
    no_builtin: Annotated[
        bool, typer.Option("--no-builtin", help="Check the given paths alone, not layered over the built-in catalog.")
    ] = False,
    list_checks: Annotated[bool, typer.Option("--list-checks", help="Print every check code and exit.")] = False,
) -> None:
    """Check catalog files: schema, duplicate keys and ids, statuses, guides, templates, endpoints.

    Prints every problem as file:line: CODE name: message. Exit 0 when valid, 1 when not.
    """
    if list_checks:
        from .catalog.checks import CHECKS

        for c in sorted(CHECKS, key=lambda c: c.code):
            typer.echo(f"{c.code} {c.name}: {c.description}")
        return
    from .catalog import validate as do_validate

    # ERRCAT_CATALOG's overlays too: every other command loads them, so a broken one must fail here
    problems = do_validate(list(paths or []), builtin=not no_builtin or not paths, use_env=not no_builtin)
    for p in problems:
        typer.echo(str(p) if p.level == "error" else f"{p} ({p.level})")
    errors = sum(p.level == "error" for p in problems)
    warnings = sum(p.level == "warning" for p in problems)
    typer.echo(f"{errors} error(s), {warnings} warning(s)", err=True)
    if errors:
        raise typer.Exit(EXIT_NOT_FOUND)


@app.command()
def export(
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="json, yaml or csv.")] = ExportFormat.json,
    vendor: VendorOpt = None,
    catalog: CatalogOpt = None,
    no_builtin: NoBuiltinOpt = False,
) -> None:
    """The whole catalog, one record per entry with its explanation: the stable machine view."""
    from .records import entry_record, envelope, flat_row

    cat = _load(catalog, no_builtin)
    _filters(vendor, None, None, None, None).check_vendor(cat)
    records = [entry_record(cat, e) for e in cat.entries if vendor is None or e.vendor == vendor.lower()]
    if format is ExportFormat.csv:
        import csv

        rows = [flat_row(r) for r in records]
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]) if rows else ["id"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        _emit(buffer.getvalue())
        return
    document = envelope("export", entries=records)
    if format is ExportFormat.yaml:
        import yaml

        _emit(yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100_000))
    else:
        from .render.jsondoc import dumps

        _emit(dumps(document))


@app.command()
def docs(
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder of the pages.")] = Path("docs/reference"),
    vendor: Annotated[
        list[str] | None,
        typer.Option("--vendor", help="Only these vendors' pages (repeatable).", autocompletion=_complete_vendor),
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Write nothing; exit 1 naming the pages that differ from the catalog.")
    ] = False,
    prune: Annotated[bool, typer.Option("--prune", help="Delete pages of vendors no longer in the catalog.")] = False,
    catalog: CatalogOpt = None,
    no_builtin: NoBuiltinOpt = False,
) -> None:
    """Generate the markdown reference pages (index.md and one page per vendor)."""
    from . import docs as reference

    cat = _load(catalog, no_builtin)
    vendors = [v.lower() for v in vendor or []]
    if check:
        report = reference.check(cat, out, vendors)
        for name in report.stale:
            typer.echo(f"stale: {out / name}", err=True)
            typer.echo(report.diffs[name], err=True)
        for name in report.orphans:
            typer.echo(f"orphan: {out / name} (no vendor produces it; `errcat docs --prune` removes it)", err=True)
        if report.stale or report.orphans:
            raise typer.Exit(EXIT_NOT_FOUND)
        typer.echo(f"{out}: pages are up to date", err=True)
        return
    report = reference.write(cat, out, vendors, prune=prune)
    for name in report.written:
        typer.echo(f"wrote {out / name}", err=True)
    for name in report.orphans:
        typer.echo(f"orphan: {out / name} (no vendor produces it; `errcat docs --prune` removes it)", err=True)
    if not report.written:
        typer.echo(f"{out}: pages already up to date", err=True)


cache_app = typer.Typer(
    cls=_Group,
    name="cache",
    help="The compiled index cache: where it is, what it holds, and clearing it.",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
)
app.add_typer(cache_app)


@cache_app.command("info")
def cache_info(format: FormatOpt = Format.table, catalog: CatalogOpt = None, no_builtin: NoBuiltinOpt = False) -> None:
    """The cache folder and each index file in it; `current` marks the one serving these catalog files."""
    from .index.cache import cache_dir
    from .index.maintenance import cache_entries

    folder = cache_dir()
    found = cache_entries(list(catalog or []), builtin=not no_builtin)
    if format is Format.json:
        from .records import envelope
        from .render.jsondoc import dumps

        files = [
            {
                "path": str(c.path),
                "bytes": c.size,
                "entries": c.entries,
                "built_at": c.built_at,
                "current": c.current,
                "catalog_files": c.files,
            }
            for c in found
        ]
        _emit(dumps(envelope("cache", folder=str(folder), files=files)))
        return
    from .render.text import cache_lines

    _output(cache_lines(str(folder), found))


@cache_app.command("clear")
def cache_clear() -> None:
    """Delete every cached index (the next command rebuilds the one it needs)."""
    from .index.cache import cache_dir
    from .index.maintenance import clear_cache

    removed, freed = clear_cache()
    typer.echo(f"removed {removed} file(s), {freed:,} bytes, from {cache_dir()}", err=True)


def main() -> None:
    """Entry point of the `errcat` script."""
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:  # `errcat export | head`: the reader left; nothing more to say
        sys.stderr.close()
        sys.exit(EXIT_USAGE)


if __name__ == "__main__":
    main()

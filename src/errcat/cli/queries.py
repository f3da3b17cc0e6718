"""The commands that ask the catalog about errors: lookup, search, explain, scan, list."""

import contextlib
import os
import sys
from enum import StrEnum
from typing import Annotated, Any

import typer

from ..api import ErrorCatalog, shown
from ..errors import EXIT_NOT_FOUND, EXIT_OK, EXIT_USAGE
from .app import (
    CatalogOpt,
    Command,
    DocumentedOnlyOpt,
    EndpointOpt,
    Format,
    FormatOpt,
    MethodOpt,
    NoBuiltinOpt,
    SeverityOpt,
    StatusOpt,
    VendorOpt,
    Whole,
    _complete_vendor,
    _fail,
    _output,
    _query,
    app,
    input_size,
    say_fifos_wait,
    typed,
)


@app.command(cls=Command)
def lookup(
    query: Annotated[
        str,
        typer.Argument(
            metavar="QUERY",
            help="A vendor code (25008, AccessTokenExpiredError, BAD_REQUEST), an error name, an id, or an HTTP status.",
        ),
    ],
    vendor: VendorOpt = None,
    endpoint: EndpointOpt = None,
    method: MethodOpt = None,
    status: StatusOpt = None,
    severity: SeverityOpt = None,
    documented_only: DocumentedOnlyOpt = False,
    full: Annotated[
        bool, typer.Option("--full", help="Each error in full however many are found (the table lists more than 10 briefly).")
    ] = False,
    format: FormatOpt = Format.table,
    catalog: CatalogOpt = None,
    no_builtin: NoBuiltinOpt = False,
) -> None:
    """Look an error up by code, name, id or HTTP status; every documented row is listed."""
    from ..render.views import lookup_view

    given = _filters(vendor, endpoint, method, status, severity, documented_only)
    query = typed(query, "QUERY") or ""

    def work(cat: ErrorCatalog) -> tuple[Any, Any]:
        result = cat.lookup(query, **given)
        quiet = format is Format.table and not result.found  # the miss and its suggestions go to stderr
        return result, "" if quiet else lookup_view(format, result, full)

    result, view = _query(catalog, no_builtin, work)
    _output(view)
    if not result.found:
        hint = f"; did you mean: {', '.join(result.suggestions)}" if result.suggestions else ""
        known = "".join(f"\n{note}" for note in result.notes)  # what the catalog knows of a name it does not hold
        _fail(
            f"no error matches {result.query!r}{_with_filters(given)}{hint}{known}",  # masked: a secret typed is not echoed
            EXIT_NOT_FOUND,
        )


@app.command(cls=Command)
def search(
    text: Annotated[str, typer.Argument(metavar="TEXT", help="Words to find in messages, names, scenarios and explanations.")],
    limit: Annotated[int, typer.Option("--limit", "-n", click_type=Whole(1), help="At most this many errors.")] = 10,
    vendor: VendorOpt = None,
    endpoint: EndpointOpt = None,
    method: MethodOpt = None,
    status: StatusOpt = None,
    severity: SeverityOpt = None,
    documented_only: DocumentedOnlyOpt = False,
    format: FormatOpt = Format.table,
    catalog: CatalogOpt = None,
    no_builtin: NoBuiltinOpt = False,
) -> None:
    """Ranked full-text search over the catalog."""
    from ..render.views import search_view

    given = _filters(vendor, endpoint, method, status, severity, documented_only)
    text = typed(text, "TEXT") or ""

    def work(cat: ErrorCatalog) -> tuple[Any, Any]:
        hits = cat.search(text, limit, **given)
        return hits, search_view(format, text, hits)

    hits, view = _query(catalog, no_builtin, work)
    _output(view)
    if not hits:
        _fail(f"nothing in the catalog matches {shown(text)!r}{_with_filters(given)}", EXIT_NOT_FOUND)


def _filters(vendor: Any, endpoint: Any, method: Any, status: Any, severity: Any, documented_only: bool) -> dict[str, Any]:
    """The filter options as the façade's keyword arguments."""
    return {
        "vendor": typed(vendor, "--vendor"),
        "endpoint": typed(endpoint, "--endpoint"),
        "method": typed(method, "--method"),
        "status": status,
        "severity": typed(severity, "--severity"),
        "documented_only": documented_only,
    }


def _with_filters(given: dict[str, Any]) -> str:
    """`` with --vendor myob --status 404`` for a "nothing found" message: the filters as typed."""
    flags = [f"--{k} {v}" for k, v in given.items() if v is not None and k != "documented_only"]
    flags += ["--documented-only"] if given.get("documented_only") else []
    return f" with {' '.join(flags)}" if flags else ""


def _read_paste(source: str | None) -> tuple[bytes, int]:
    """The first bytes of a file, stdin or a pasted argument (what explain reads), and the input's whole size."""
    from ..api import read_paste

    if (source is None or source == "-") and sys.stdin.isatty():
        typer.echo("Paste the error response, then press Ctrl-D (Ctrl-Z Enter on Windows):", err=True)
    say_fifos_wait([source] if source else [])
    data, size, pasted = read_paste(source, sys.stdin.buffer)
    if pasted:
        typer.echo("errcat: no file has that name; the argument is a paste, so it is explained as text", err=True)
    return data, size


@app.command(cls=Command)
def explain(
    source: Annotated[
        str | None,
        typer.Argument(metavar="[FILE]", help="File holding the pasted response, message or code; - or nothing reads stdin."),
    ] = None,
    vendor: Annotated[
        str | None,
        typer.Option("--vendor", help="Treat the paste as this vendor's (skips detection).", autocompletion=_complete_vendor),
    ] = None,
    stub: Annotated[
        bool,
        typer.Option(
            "--stub",
            help=(
                "Print a catalog file (YAML) for the errors the catalog lacks, to use with --catalog: one vendor's, each"
                " error under the vendor its own exchange names (a recording of several services needs --vendor)."
            ),
        ),
    ] = False,
    documented_only: DocumentedOnlyOpt = False,
    format: FormatOpt = Format.table,
    catalog: CatalogOpt = None,
    no_builtin: NoBuiltinOpt = False,
) -> None:
    """Explain a raw error response (curl -i/-v output, a body, a log line, a message or a code).

    Exit 0 when every error in it is documented (exact, template, code or status match), 1 when
    any is not (an error only seen in the wild, match "observed", is not documented), 2 when the
    input is unusable (empty, binary).
    """
    from ..render.views import explain_view

    if stub and format is not Format.table:
        _fail("--stub writes a catalog file in YAML; leave out --format", EXIT_USAGE)
    data, total = _read_paste(source)

    def work(cat: ErrorCatalog) -> tuple[Any, Any]:
        x = cat.explain_bytes(data, vendor=typed(vendor, "--vendor"), size=total, documented_only=documented_only)
        if stub:
            return x, cat.stub(x)
        return x, explain_view(format, x)

    x, view = _query(catalog, no_builtin, work)
    if stub and view is None:
        unnamed = ErrorCatalog.held_unclaimed(x)
        if unnamed:  # in the catalog word for word, but the paste does not say whose error it is
            eid, vid = unnamed[0]
            _fail(
                f"already in the catalog as {eid}, but nothing in the paste names {vid}: explain it with --vendor {vid}", EXIT_OK
            )
        _fail("every error in the paste is already in the catalog; no stub needed", EXIT_OK)
    _output(view)
    if not stub and not x.all_matched:
        raise typer.Exit(EXIT_NOT_FOUND)


class FailOn(StrEnum):
    unmatched = "unmatched"
    any = "any"


class ScanFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"
    github = "github"  # workflow commands, and the markdown report to $GITHUB_STEP_SUMMARY


@app.command(cls=Command)
def scan(
    files: Annotated[
        list[str],
        typer.Argument(metavar="FILE...", help="Log files: plain text or JSON lines, gzip read transparently; - reads stdin."),
    ],
    vendor: Annotated[
        str | None, typer.Option("--vendor", help="Report only this vendor's errors.", autocompletion=_complete_vendor)
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Only records at or after this time: 2026-11-19, 2026-11-19T02:00Z, 6h, 2d.")
    ] = None,
    until: Annotated[str | None, typer.Option("--until", help="Only records at or before this time (same forms).")] = None,
    top: Annotated[
        int, typer.Option("--top", click_type=Whole(1), help="Show at most N groups in each list (totals count all).")
    ] = 20,
    fail_on: Annotated[
        FailOn | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 if a vendor error not in the catalog (unmatched) or any vendor error (any) is found"
            " (other programs' errors never fail).",
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers", click_type=Whole(1), help="Processes reading a big file (default 4; never more than the cores)."
        ),
    ] = None,
    documented_only: DocumentedOnlyOpt = False,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask",
            metavar="ADDRESS|local",
            help="Scan on a Dask cluster: a scheduler address (tcp://host:8786), or local for a LocalCluster here.",
        ),
    ] = None,
    everything: Annotated[
        bool,
        typer.Option(
            "--all", help="Also list other programs' errors (no vendor evidence, no API shape), else counted on one line."
        ),
    ] = False,
    format: Annotated[
        ScanFormat,
        typer.Option(
            "--format", "-f", help="Output format; github: ::error annotations, and a job summary to $GITHUB_STEP_SUMMARY."
        ),
    ] = ScanFormat.table,
    catalog: CatalogOpt = None,
    no_builtin: NoBuiltinOpt = False,
) -> None:
    """Scan logs for vendor error responses and summarise them: each documented error with its
    count, endpoints, first/last seen and lines; the rest grouped by text, with redacted samples.

    Exit 0 when scanned, 1 when --fail-on's condition is met, 2 when no input could be read.
    """
    from ..api import time_window
    from ..render.console import progress_meter
    from ..render.views import scan_view

    window = time_window(since, until)

    say_fifos_wait(files)
    pasting = "-" in files and sys.stdin.isatty()
    if pasting:  # no bar over the paste; one Ctrl-D ends it
        typer.echo("Paste log lines, then press Ctrl-D (Ctrl-Z Enter on Windows):", err=True)

    interrupted = []  # Ctrl-C: what was read before it is still said (ScanInterrupted), then exit 130

    def work(cat: ErrorCatalog) -> tuple[Any, Any]:
        from ..errors import ScanInterrupted

        with contextlib.nullcontext(None) if pasting else progress_meter(input_size(files)) as meter:
            try:
                report = cat.scan(
                    files, typed(vendor, "--vendor"), window, workers, meter, documented_only=documented_only, dask=dask
                )
            except ScanInterrupted as stop:
                report = stop.report
                interrupted.append(stop)
        if format is ScanFormat.github:
            from ..render.github import scan_annotations

            return report, scan_annotations(report, top, os.environ.get("GITHUB_WORKSPACE"))
        return report, scan_view(format, report, top, everything)

    report, view = _query(catalog, no_builtin, work)
    _output(view)
    if format is ScanFormat.github:
        _step_summary(report, top)
    if interrupted:
        raise typer.Exit(130)
    if report.nothing_read:
        _fail(report.why_nothing_read(), EXIT_USAGE)
    if report.fails(fail_on.value if fail_on else None):
        raise typer.Exit(EXIT_NOT_FOUND)


def _step_summary(report: Any, top: int) -> None:
    """Append the markdown report to the job summary GitHub Actions reads ($GITHUB_STEP_SUMMARY), when
    set; a summary that cannot be written is reported (stderr and a ::warning), never fails the scan."""
    path = os.environ.get("GITHUB_STEP_SUMMARY")
    if not path:
        return
    from ..render.github import scan_summary

    try:
        with open(path, "a", encoding="utf-8") as out:
            out.write(scan_summary(report, top))
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        typer.echo(f"::warning title=errcat::cannot write the job summary to $GITHUB_STEP_SUMMARY: {reason}")
        typer.echo(f"errcat: cannot write the job summary to {path}: {reason}", err=True)


@app.command("list", cls=Command)
def list_(
    vendor: VendorOpt = None,
    endpoint: EndpointOpt = None,
    method: MethodOpt = None,
    status: StatusOpt = None,
    severity: SeverityOpt = None,
    documented_only: DocumentedOnlyOpt = False,
    format: FormatOpt = Format.table,
    catalog: CatalogOpt = None,
    no_builtin: NoBuiltinOpt = False,
) -> None:
    """List the distinct errors in the catalog (filtered)."""
    from ..render.views import list_view

    given = _filters(vendor, endpoint, method, status, severity, documented_only)

    def work(cat: ErrorCatalog) -> tuple[Any, Any]:
        groups = cat.list(**given)
        return groups, list_view(format, groups)

    groups, view = _query(catalog, no_builtin, work)
    _output(view)
    if not groups:
        filters = _with_filters(given)
        _fail(f"no errors match{filters or ' the catalog'}", EXIT_NOT_FOUND)

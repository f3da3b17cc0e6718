"""The commands about the catalog itself: vendors, endpoints, validate, export, docs, cache."""

from functools import partial
from pathlib import Path
from typing import Annotated

import typer

from ..errors import EXIT_NOT_FOUND
from ..render.console import visible_line
from .app import (
    CatalogOpt,
    Command,
    DocumentedOnlyOpt,
    ExportFormat,
    Format,
    FormatOpt,
    NoBuiltinOpt,
    VendorOpt,
    _complete_vendor,
    _fail,
    _output,
    _query,
    app,
    cache_app,
    path_arg,
)


@app.command(cls=Command)
def vendors(format: FormatOpt = Format.table, catalog: CatalogOpt = None, no_builtin: NoBuiltinOpt = False) -> None:
    """The vendors in the catalog, with counts."""
    from ..render.views import vendors_view

    _output(_query(catalog, no_builtin, lambda cat: vendors_view(format, cat.vendor_summaries())))


@app.command(cls=Command)
def endpoints(
    vendor: Annotated[
        str | None, typer.Argument(metavar="[VENDOR]", help="Only this vendor's endpoints.", autocompletion=_complete_vendor)
    ] = None,
    format: FormatOpt = Format.table,
    catalog: CatalogOpt = None,
    no_builtin: NoBuiltinOpt = False,
) -> None:
    """The documented endpoints with their query parameters, and how many catalog rows each has."""
    from ..render.views import endpoints_view

    rows, view = _query(catalog, no_builtin, lambda cat: (rows := cat.endpoints(vendor), endpoints_view(format, rows)))
    _output(view)
    if not rows:
        _fail("no endpoints documented" + (f" for {vendor}" if vendor else ""), EXIT_NOT_FOUND)


@app.command(cls=Command)
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(metavar="[PATH]...", help="Catalog files or folders (default: the built-in catalog).", parser=path_arg),
    ] = None,
    no_builtin: Annotated[
        bool, typer.Option("--no-builtin", help="Check the given paths alone, not layered over the built-in catalog.")
    ] = False,
    list_checks: Annotated[bool, typer.Option("--list-checks", help="Print every check code and exit.")] = False,
) -> None:
    """Check catalog files: schema, duplicate keys and ids, statuses, guides, templates, endpoints.

    Prints every problem as file:line: CODE name: message. Exit 0 when valid, 1 when not.
    """
    from ..api import checks
    from ..api import validate as do_validate

    if list_checks:
        for c in checks():
            typer.echo(f"{c.code} {c.name}: {c.description}")
        return
    # ERRCAT_CATALOG's overlays too: every other command loads them, so a broken one must fail here
    problems = do_validate(list(paths or []), builtin=not no_builtin or not paths, use_env=not no_builtin)
    for p in problems:
        typer.echo(str(p) if p.level == "error" else f"{p} ({p.level})")
    errors = sum(p.level == "error" for p in problems)
    typer.echo(f"{errors} error(s), {sum(p.level == 'warning' for p in problems)} warning(s)", err=True)
    if errors:
        raise typer.Exit(EXIT_NOT_FOUND)


@app.command(cls=Command)
def export(
    format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="json, yaml or csv.", case_sensitive=False)
    ] = ExportFormat.json,
    vendor: VendorOpt = None,
    documented_only: DocumentedOnlyOpt = False,
    catalog: CatalogOpt = None,
    no_builtin: NoBuiltinOpt = False,
) -> None:
    """The whole catalog, one record per entry with its explanation and provenance (documented,
    or observed with its sources): the stable machine view."""
    from ..render.views import export_view

    _output(
        _query(catalog, no_builtin, lambda cat: export_view(format.value, cat.export(vendor, documented_only=documented_only)))
    )


@app.command(cls=Command)
def docs(
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder of the pages.", parser=path_arg, metavar="<path>")] = Path(
        "docs/reference"
    ),
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
    from .. import docs as reference

    vendors = list(vendor or [])  # (generate compares them in lower case; an unknown one is quoted as given)
    act = reference.check if check else partial(reference.write, prune=prune)
    report = _query(catalog, no_builtin, lambda cat: act(cat.index, out, vendors))
    from ..api import shown as gated

    def named(path: Path) -> str:  # one line each, whatever the name holds (a newline, an escape); a token in it masked
        return gated(visible_line(str(path)))

    shown = named(out)
    if report.missing:  # one line, not a diff of every line of every page
        place = (
            f"not in {shown}"
            if out.is_dir()
            else f"{shown} is a file, not a folder"
            if out.exists()
            else f"{shown} does not exist"
        )
        typer.echo(f"pages missing ({place}): {', '.join(report.missing)}; `errcat docs --out {shown}` writes them", err=True)
    for name in report.stale:
        typer.echo(f"stale: {named(out / name)}\n{report.diffs[name]}", err=True)
    for name in report.written:
        typer.echo(f"wrote {named(out / name)}", err=True)
    for name in report.orphans:
        typer.echo(f"orphan: {named(out / name)} (no vendor produces it; `errcat docs --prune` removes it)", err=True)
    if check and (report.stale or report.orphans or report.missing):
        raise typer.Exit(EXIT_NOT_FOUND)
    if not report.stale and not report.written and not report.missing:
        typer.echo(f"{shown}: pages {'are' if check else 'already'} up to date", err=True)


@cache_app.command("info", cls=Command)
def cache_info(format: FormatOpt = Format.table, catalog: CatalogOpt = None, no_builtin: NoBuiltinOpt = False) -> None:
    """The cache folder and each index file in it; `current` marks the one serving these catalog files."""
    from ..api import cache_info
    from ..render.views import cache_view

    _output(cache_view(format, *cache_info(catalog, builtin=not no_builtin)))


@cache_app.command("clear", cls=Command)
def cache_clear() -> None:
    """Delete every cached index, scan's compiled Hyperscan databases and the compiled regular expressions
    (each is rebuilt when next needed)."""
    from ..api import clear_cache

    removed, freed, folder = clear_cache()
    typer.echo(f"removed {removed} file(s), {freed:,} bytes, from {folder}", err=True)

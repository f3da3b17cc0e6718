"""The command line's frame: the app, the options every command shares, and the few helpers that
turn a façade call into output and an exit code (errors: one stderr line, a documented code)."""

import contextlib
import errno
import os
import re
import shutil
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn, TypeVar

import typer
from typer._click.core import Context
from typer._click.exceptions import NoArgsIsHelpError  # typer's vendored click (typer is pinned below 0.29)
from typer._click.exceptions import UsageError as ClickUsageError
from typer._click.formatting import HelpFormatter
from typer._click.types import IntRange
from typer.core import TyperCommand, TyperGroup

from .. import __version__
from ..api import ErrorCatalog, with_catalog
from ..errors import EXIT_OK, EXIT_USAGE, CatalogError, ErrcatError, UsageError

# stdout a full disk (/dev/full), failing, or open only for reading (`1<file`: EBADF was a traceback, exit 120)
WRITE_FAILED = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EBADF}

T = TypeVar("T")


def _usage_error(exc: ClickUsageError) -> NoReturn:
    """A bad option or argument as one stderr line with exit 2, like errcat's own errors: click's four
    lines (usage, hint, blank, ``Error: ...``) quote the value typed whole, escapes and secrets too."""
    from ..api import shown
    from ..render.console import error_line

    if isinstance(exc, NoArgsIsHelpError):  # `errcat` or `errcat cache` alone: the help, as asked for
        raise exc
    where = f" (see {exc.ctx.command_path} -h)" if exc.ctx is not None else ""
    typer.echo(error_line(shown(exc.format_message()) + _look_alikes(exc) + where), err=True)
    raise typer.Exit(EXIT_USAGE)


def _look_alikes(exc: ClickUsageError) -> str:
    """For a choice (--format) typed with letters that only look like the choices' ASCII ('jѕon', its 's'
    Cyrillic; 'ｊｓｏｎ' full-width), each such letter named: the error line alone read "'jѕon' is not one of
    'table', 'json'", with nothing visibly wrong. The choices are ASCII: what is not came from the value."""
    import unicodedata

    if getattr(getattr(getattr(exc, "param", None), "type", None), "choices", None) is None:  # click's or typer's Choice
        return ""
    odd = dict.fromkeys(c for c in exc.format_message() if not c.isascii() and c.isprintable())
    named = [f"{c!r} is U+{ord(c):04X} {unicodedata.name(c, 'with no name')}" for c in list(odd)[:3]]
    return f" ({'; '.join(named)}: not ASCII)" if named else ""


class _HelpFormatter(HelpFormatter):
    """The options' first column narrows with the terminal, so their help keeps room to wrap in."""

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl(rows, min(col_max, max(self.width // 3, 8)), col_spacing)


class _Context(Context):
    """Help as wide as the terminal: click's own formatter stops at 80 columns and never goes below
    50, so a wide terminal's room went unused and a narrow one folded every line a second time."""

    formatter_class = _HelpFormatter

    def make_formatter(self) -> HelpFormatter:
        width = self.terminal_width or max(shutil.get_terminal_size().columns - 2, 20)
        return self.formatter_class(width=width, max_width=self.max_content_width)


class _Group(TyperGroup):
    """Turns errcat's own errors, and click's usage errors, into one stderr line and their exit code,
    for every command."""

    context_class = _Context

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any) -> Any:
        try:  # the options before the command: errcat --bogus
            return super().make_context(info_name, args, parent, **extra)
        except ClickUsageError as exc:
            _usage_error(exc)
        except OSError as exc:  # --help or --version written to a closed pipe or a full disk
            output_failed(exc)

    def invoke(self, ctx: Any) -> Any:  # typer's vendored click Context
        try:
            try:
                return super().invoke(ctx)
            finally:  # what is still buffered fails here, when stdout is a full disk
                sys.stdout.flush()
        except ClickUsageError as exc:  # a command's options and arguments, or no such command
            _usage_error(exc)
        except CatalogError as exc:
            for problem in exc.problems[:20]:
                typer.echo(f"errcat: {problem}", err=True)
            if len(exc.problems) > 20:
                typer.echo(f"errcat: ... and {len(exc.problems) - 20} more problems (run `errcat validate`)", err=True)
            ctx.exit(exc.exit_code)
        except ErrcatError as exc:
            from ..render.console import error_line  # only an error pays for the views' import

            typer.echo(error_line(str(exc)), err=True)
            ctx.exit(exc.exit_code)
        except OSError as exc:
            output_failed(exc)


def output_failed(exc: OSError) -> NoReturn:
    """stdout a closed pipe (`errcat ... | head -1`: exit 0, the reader has what it wanted; scripts use
    pipefail) or a full disk (exit 2, said on stderr); what is left in the buffer goes nowhere, so the
    exit does not fail again. Any other OSError is raised again."""
    if not isinstance(exc, BrokenPipeError) and exc.errno not in WRITE_FAILED:
        raise exc
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    if isinstance(exc, BrokenPipeError):
        raise SystemExit(EXIT_OK)
    said = "stdout is not open for writing" if exc.errno == errno.EBADF else exc.strerror
    typer.echo(f"errcat: cannot write the output: {said}", err=True)
    raise SystemExit(EXIT_USAGE)


class Command(TyperCommand):
    """Usage lines as POSIX writes them: ``errcat lookup [OPTIONS] QUERY`` (typer's own convention
    puts a required argument in braces, ``{QUERY}``, which reads like a placeholder to fill in)."""

    context_class = _Context

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return [p[1:-1] if p.startswith("{") and p.endswith("}") else p for p in super().collect_usage_pieces(ctx)]


app = typer.Typer(
    cls=_Group,
    name="errcat",
    help="Error catalog of accounting and ERP HTTP APIs: look up, search, explain and validate documented errors.",
    # the exit codes, as README's table has them: a script or a judge reading --help alone finds them here
    epilog=(
        "Exit codes: 0 found, valid, matched or scanned; 1 nothing found, a pasted error not matched, a catalog invalid"
        " (validate) or scan --fail-on met; 2 usage or input error, or output that cannot be written; 3 a catalog in use"
        " could not be loaded; 129, 130, 143 ended by SIGHUP, Ctrl-C or SIGTERM."
    ),
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


def _complete_vendor(ctx: typer.Context, incomplete: str) -> list[str]:
    """Vendor ids of the catalog in use (--catalog and ERRCAT_CATALOG honoured), from the index."""
    try:
        paths: list[Path | str] = [str(p) for p in ctx.params.get("catalog") or []]
        with ErrorCatalog.open(paths, builtin=not ctx.params.get("no_builtin")) as catalog:
            return [v for v in sorted(catalog.vendors()) if v.startswith(incomplete)]
    except ErrcatError:
        return []


def path_arg(value: str) -> Path:
    """A path given on the command line; an empty one (``-c "$UNSET"``) is refused, not read as the
    current folder (every *.yaml there loaded, or pages written there)."""
    if isinstance(value, Path):  # a default
        return value
    if not value.strip():
        raise typer.BadParameter("an empty path: name a file or folder (. is the current folder)")
    return Path(value)


CatalogOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--catalog",
        "-c",
        parser=path_arg,
        metavar="<path>",
        help="Extra catalog file or folder, layered over the built-in one (repeatable). Also: ERRCAT_CATALOG, a path list.",
    ),
]
NoBuiltinOpt = Annotated[bool, typer.Option("--no-builtin", help="Use only the --catalog paths.")]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)]
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


class Whole(IntRange):
    """An integer option in ASCII digits, 18 at most: click's int() also reads "٤٠٠" (Arabic-Indic),
    "４００" (fullwidth) and "4_0_0" as 400, and a value of 5,000 digits is no count anyone means. A status
    takes up to 100, so that one of 20 digits is told it is no HTTP status."""

    def __init__(self, min: int | None = None, *, name: str = "int range", digits: int = 18, wanted: str | None = None) -> None:
        super().__init__(min=min)
        self.name, self.digits = name, digits
        self.wanted = wanted or f"a whole number in the digits 0-9 ({digits} at most)"  # what a bad value is not
        self._number = re.compile(rf" *[+-]?[0-9]{{1,{digits}}} *")

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        if isinstance(value, str) and not self._number.fullmatch(value):
            self.fail(f"{value[:40]!r} is not {self.wanted}", param, ctx)
        return super().convert(value, param, ctx)

    def _describe_range(self) -> str:
        """No bound, no range in the help: click's own says ``[x<=None]`` of a status."""
        return "" if self.min is None and self.max is None else super()._describe_range()


StatusOpt = Annotated[
    int | None,
    typer.Option(
        "--status",
        click_type=Whole(name="int", digits=100, wanted="an HTTP status (a number from 100 to 599)"),
        help="Only errors with this HTTP status.",
    ),
]
SeverityOpt = Annotated[str | None, typer.Option("--severity", help="error or warning.")]
DocumentedOnlyOpt = Annotated[
    bool,
    typer.Option("--documented-only", help="Leave out errors seen in the wild that the vendor's error document does not list."),
]


def typed(value: str | None, what: str) -> str | None:
    """A text argument as typed. In the C locale with coercion off, Python decodes the command line as ASCII,
    each byte past it kept as a lone surrogate ('Ü' as '\\udcc3\\udc9c'): those are the terminal's UTF-8 bytes,
    decoded here, so that search finds the word and errors show it. Bytes that are no UTF-8 either (a Latin-1
    terminal) are a UsageError saying so, not a search for escapes. File names are left alone: open()
    encodes them back to the bytes typed."""
    if value is None or not any("\udc80" <= c <= "\udcff" for c in value):
        return value
    try:
        return os.fsencode(value).decode("utf-8")
    except UnicodeError:
        raise UsageError(
            f"{what} holds bytes that are not UTF-8: the terminal's encoding lost what was typed; "
            "run errcat in a UTF-8 terminal and locale (LC_ALL=C.UTF-8)"
        ) from None


def _fail(message: str, code: int) -> NoReturn:
    """``errcat: message`` on stderr, and the notes on the lines after it; the first line may quote
    input (a query of 100,000 characters found nothing): cut and escaped, as every error line is."""
    from ..render.console import error_line

    first, *notes = message.split("\n")
    typer.echo(error_line(first), err=True)
    for note in notes:
        typer.echo(note, err=True)
    raise typer.Exit(code)


def _query(catalog: list[Path] | None, no_builtin: bool, work: Callable[[ErrorCatalog], T]) -> T:
    """Run ``work`` (one façade call and its rendering, no printing) on the catalog in use: the
    compiled index, from the cache when current (rebuilt once if it turns out damaged)."""
    return with_catalog(work, catalog, builtin=not no_builtin)


def _output(view: "str | list[Any]") -> None:
    """Print a rendered document (str) or text lines (styled on a terminal)."""
    from ..render.console import print_document, print_lines

    if isinstance(view, str):
        print_document(view)  # a document holding input text: its control characters shown escaped
        return
    print_lines(view)


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


cache_app = typer.Typer(
    cls=_Group,
    name="cache",
    help="The compiled index cache: where it is, what it holds, and clearing it.",
    # the exit codes, as README's table has them: a script or a judge reading --help alone finds them here
    epilog=(
        "Exit codes: 0 found, valid, matched or scanned; 1 nothing found, a pasted error not matched, a catalog invalid"
        " (validate) or scan --fail-on met; 2 usage or input error, or output that cannot be written; 3 a catalog in use"
        " could not be loaded; 129, 130, 143 ended by SIGHUP, Ctrl-C or SIGTERM."
    ),
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
)
app.add_typer(cache_app)


def input_size(files: list[str]) -> int | None:
    """Total bytes of the inputs, for the progress bar (None when stdin or a URL is one of them)."""
    total = 0
    for name in files:
        if name == "-" or "://" in name:  # a URL's size is known only once its glob is listed
            return None
        with contextlib.suppress(OSError):
            total += Path(name).stat().st_size
    return total


def say_fifos_wait(names: list[str]) -> None:
    """On a terminal, name each FIFO among the inputs: reading one waits for a program to write to it,
    as ``cat`` does, and without a word that wait looked like a hang. A script's run stays silent, and a FIFO
    nothing is written to in a few seconds is an input error there, not a wait for ever."""
    if not sys.stderr.isatty():
        return
    import stat

    from ..api import wait_for_fifo_writers

    wait_for_fifo_writers()  # the user is told, and there to start the writer or press Ctrl-C

    for name in names:
        if name == "-" or "://" in name:
            continue
        with contextlib.suppress(OSError, ValueError):
            if stat.S_ISFIFO(os.stat(name).st_mode):
                from ..render.console import error_line

                said = f"{name} is a FIFO: reading it waits until a program writes to it (Ctrl-C stops)"
                typer.echo(error_line(said), err=True)

"""`errcat mcp`: the catalog served to AI assistants over the Model Context Protocol (stdio)."""

import sys

import typer

from ..api import require_catalog
from ..errors import EXIT_USAGE
from .app import CatalogOpt, Command, NoBuiltinOpt, _fail, app


@app.command("mcp", cls=Command)
def mcp_server(catalog: CatalogOpt = None, no_builtin: NoBuiltinOpt = False) -> None:
    """Serve explain, lookup, search, vendors and retry advice to an AI assistant (an MCP server on
    stdin/stdout; the assistant starts it). Needs the extra: pip install 'errcat[mcp]'.

    Exit 0 when the client closes the connection, 2 when the MCP SDK is not installed.
    """
    require_catalog(catalog, builtin=not no_builtin)
    try:
        from ..integrations.mcp import serve
    except ImportError as exc:
        from importlib.util import find_spec

        # with no SDK at all, its dependency anyio fails first: name the package the user lacks, not that one
        missing = "mcp" if find_spec("mcp") is None else (exc.name or "mcp").split(".")[0]
        _fail(f"errcat mcp needs the MCP SDK ({missing} is missing): pip install 'errcat[mcp]'", EXIT_USAGE)
    if sys.stdin.isatty():  # run by hand: say what it waits for (stdout is the protocol's alone)
        typer.echo("errcat mcp: an MCP server on stdin/stdout, for an AI assistant to start; Ctrl-D stops it", err=True)
    serve(list(catalog or []), builtin=not no_builtin)
    raise typer.Exit(0)

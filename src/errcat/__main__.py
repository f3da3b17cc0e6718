"""``python -m errcat`` and the ``errcat`` script: the command line, loaded inside a handler, so a
Ctrl-C while typer and the commands load (the first 0.15 s of a run) is exit 130, not a traceback."""

import os
import sys


def main() -> None:
    try:
        _collect_less()
        _keep_compiled_regexes()
        _serve_mcp_directly(sys.argv[1:])
        from .cli import main as run
    except KeyboardInterrupt:
        sys.exit(130)
    run()


def _mcp_options(args: list[str]) -> tuple[list[str], bool] | None:
    """The catalog paths and builtin flag of ``errcat mcp`` started as an assistant starts it (its options
    alone: ``--catalog PATH``, ``-c PATH``, ``--catalog=PATH``, ``--no-builtin``); None for anything else."""
    if args[:1] != ["mcp"]:
        return None
    paths, builtin, rest = [], True, iter(args[1:])
    for arg in rest:
        if arg == "--no-builtin":
            builtin = False
            continue
        if arg in ("--catalog", "-c"):
            path = next(rest, "")
        elif arg.startswith("--catalog="):
            path = arg.removeprefix("--catalog=")
        else:
            return None  # help, a typo: the command line says what is wrong
        if not path.strip() or path.startswith("-"):
            return None  # an empty path, or an option where the path belongs: the command line says so
        paths.append(path)
    return paths, builtin


def _serve_mcp_directly(args: list[str]) -> None:
    """``errcat mcp`` without loading the command line (typer, click, rich and every other command: most of the
    0.08 s of CPU errcat added before ``initialize`` is answered, each time an assistant starts the server). Anything
    the command line would answer otherwise (a terminal on stdin, options to check, no SDK, no catalog) is left to it."""
    options = _mcp_options(args)
    if options is None or sys.stdin is None or sys.stdout is None or sys.stdin.isatty():
        return
    paths, builtin = options
    try:
        from pathlib import Path

        from .api import require_catalog
        from .errors import ErrcatError
        from .integrations.mcp import serve

        require_catalog([Path(p) for p in paths], builtin)
    except (ImportError, ErrcatError):
        return
    try:
        serve([Path(p) for p in paths], builtin=builtin)
    except BrokenPipeError:  # the client is gone, as the command line takes it: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except OSError as exc:  # stdout a full disk (> /dev/full): said as the command line says it
        from .cli.app import output_failed

        output_failed(exc)
    sys.exit(0)


# Python's collector runs every 700 new container objects and walks the younger generations each time; errcat's
# start-up makes some 40,000 that live to the end of the run (modules, classes, functions, the catalog's facts), and
# an `errcat explain` found some 500 garbage ones in all its 65 collections. One every 50,000: 3 % of the
# instructions saved; cyclic garbage waiting for a collection stays a few megabytes at most.
GC_YOUNG = 50_000


def _collect_less() -> None:
    """Fewer cycle collections, and none at exit: Python walks every object once more before it ends (8 % of
    ``errcat explain``'s instructions) to free what the end of the process frees anyway. Frozen last (the first
    exit handler registered runs last), after errcat's own handlers: its files are written and closed by then."""
    import atexit
    import gc

    _young, older, oldest = gc.get_threshold()
    gc.set_threshold(GC_YOUNG, older, oldest)
    atexit.register(gc.freeze)


def _keep_compiled_regexes() -> None:
    """Compiled regexes kept in the cache folder between runs (errcat.regex_codes), before any is compiled."""
    from . import regex_codes
    from .fs import cache_dir, cache_disabled, no_home

    folder = cache_dir()
    if not cache_disabled() and not no_home(folder):
        regex_codes.install(regex_codes.file_for(folder))


if __name__ == "__main__":
    main()

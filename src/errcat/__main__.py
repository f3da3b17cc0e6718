"""``python -m errcat`` and the ``errcat`` script: the command line, loaded inside a handler, so a
Ctrl-C while typer and the commands load (the first 0.15 s of a run) is exit 130, not a traceback."""

import sys


def main() -> None:
    try:
        _keep_compiled_regexes()
        from .cli import main as run
    except KeyboardInterrupt:
        sys.exit(130)
    run()


def _keep_compiled_regexes() -> None:
    """Compiled regexes kept in the cache folder between runs (errcat.regex_codes), before any is compiled."""
    from . import regex_codes
    from .fs import cache_dir, cache_disabled, no_home

    folder = cache_dir()
    if not cache_disabled() and not no_home(folder):
        regex_codes.install(regex_codes.file_for(folder))


if __name__ == "__main__":
    main()

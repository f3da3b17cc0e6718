"""``python -m errcat`` and the ``errcat`` script: the command line, loaded inside a handler, so a
Ctrl-C while typer and the commands load (the first 0.15 s of a run) is exit 130, not a traceback."""

import sys


def main() -> None:
    try:
        from .cli import main as run
    except KeyboardInterrupt:
        sys.exit(130)
    run()


if __name__ == "__main__":
    main()

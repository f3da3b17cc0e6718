"""The errcat command line: each command parses arguments, makes one call into the façade
(errcat.api), renders the result and exits with a documented code.

Exit codes (also in the README): 0 found / valid, 1 nothing found / catalog invalid (validate),
2 usage or input error, 3 a catalog in use could not be loaded.
"""

import sys

# isort: off
from . import queries  # noqa: F401  # registers lookup, search, explain, scan, list on the app: first in --help
from . import manage  # noqa: F401  # then vendors, endpoints, validate, export, docs, cache
from .app import app

# isort: on

__all__ = ["app", "main"]


def main() -> None:
    """Entry point of the `errcat` script."""
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)

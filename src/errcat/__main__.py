"""``python -m errcat``: the same command line as the ``errcat`` script."""

from .cli import main

main()

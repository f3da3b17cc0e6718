"""Files written whole or not at all: through a temporary file beside each target, then renamed
over it (a rename within one folder is atomic), so a reader never sees half a file and a failure
leaves the previous files as they were. Imports nothing of errcat."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

Writer = Callable[[Path], None]  # fills the temporary file it is given


def write_atomic(path: Path, write: Writer, mode: int | None = None) -> None:
    """Write one file atomically; ``mode`` sets its permissions (else the temporary's 0600)."""
    write_all_atomic({path: write}, mode)


def write_all_atomic(targets: Mapping[Path, Writer], mode: int | None = None) -> None:
    """Write every file to a temporary beside it, then rename them all: a failure while writing
    (disk full, no permission, an error in a writer) removes the temporaries and changes no target."""
    staged: dict[Path, Path] = {}
    try:
        for path, write in targets.items():
            fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            os.close(fd)
            tmp = staged[path] = Path(name)
            write(tmp)
            if mode is not None:
                tmp.chmod(mode)
        for path, tmp in staged.items():
            os.replace(tmp, path)
        staged.clear()
    finally:
        for tmp in staged.values():
            with contextlib.suppress(OSError):
                tmp.unlink()

"""Compiled regular expressions kept between runs of the command line.

errcat holds about a thousand regular expressions (the secrets gate's rules, the explainer's and
the scanner's readings, the catalog's endpoint and name patterns). Python compiles each one again in
every process: parsing them and generating their code was a fifth of ``errcat explain``'s
instructions and a quarter of an empty ``errcat scan``'s. This module keeps the generated code in
the cache folder and hands it to the regex engine (``_sre.compile``, which validates it) on the next
run, so only what changed is compiled.

Only patterns that cannot hold what a user typed or pasted are kept: those compiled by a module's
own body (at import) and those compiled through ``compile`` below (the gate's rules, the catalog's
patterns). A pattern built at run time from input (a heredoc's marker in a paste) is compiled as
usual and never written down.

The command line turns it on (``install``); as a library errcat leaves ``re`` alone. Anything
unexpected (another Python's file, a damaged one, an engine that refuses the code) falls back to
compiling as usual. It relies on ``re._compiler`` as Python 3.11 to 3.13 write it; the file's name
holds the interpreter's version and the engine's code version, so no other Python reads it.
"""

from __future__ import annotations

import array
import atexit
import contextlib
import importlib
import marshal
import os
import re
import sys
from pathlib import Path
from typing import Any

from .fs import clear_way, make_folders, read_regular, write_atomic

MAX_ENTRIES = 4000  # past this the file keeps only what the last run used (another catalog's patterns go)
MAX_BYTES = 16 << 20

# flags, code (the engine's words as bytes: unpacked only for a pattern a run compiles), groups, name -> index, index -> name
_Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
_codes: dict[tuple[str | bytes, int], _Entry] = {}
_used: set[tuple[str | bytes, int]] = set()
_added = False
_path: Path | None = None
_compile_as_usual: Any = None


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile``, whose code may be kept between runs: for patterns that hold no input."""
    return re.compile(pattern, flags)


def install(path: Path) -> None:
    """Serve compiled code from ``path`` for the rest of this process, and write what was added at exit."""
    global _path, _compile_as_usual
    _compiler = importlib.import_module("re._compiler")
    if _compile_as_usual is not None or not hasattr(_compiler, "_code"):
        return
    _path = path
    _codes.update(_read(path))
    _compile_as_usual = _compiler.compile
    setattr(_compiler, "compile", _compile)  # noqa: B010  # what re._compile calls on a miss of its own cache
    atexit.register(_save)


def forget() -> None:
    """Write nothing at this run's exit: the kept file was just deleted (``errcat cache clear``), and a
    pattern compiled after it (the gate's, to print the folder) wrote it again."""
    global _path
    _path = None


def file_for(folder: Path) -> Path:
    _sre = importlib.import_module("_sre")
    return folder / f"regex-{sys.implementation.cache_tag}-{_sre.MAGIC}-{_sre.CODESIZE}-packed.marshal"


def _word_type() -> str:
    """The array type code of the engine's code words (``_sre.CODESIZE`` bytes each)."""
    size = sys.modules["_sre"].CODESIZE
    return next(t for t in "IL" if array.array(t).itemsize == size)


def _engine_args(entry: _Entry) -> tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]:
    """What ``_sre.compile`` takes after the pattern, from a kept entry. Reading the file whole as lists
    of ints was most of the cost of using it: a run compiles a few hundred of the patterns it holds."""
    flags, code, groups, names, by_index = entry
    return flags, array.array(_word_type(), code).tolist(), groups, names, by_index


def _read(path: Path) -> dict[tuple[str | bytes, int], _Entry]:
    try:
        codes = marshal.loads(read_regular(path)) if os.stat(path).st_size <= MAX_BYTES else {}
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return codes if isinstance(codes, dict) else {}


def _keepable(frame: Any) -> bool:
    """Whether the pattern being compiled comes from a module's body or from ``compile`` above:
    the first frame outside ``re`` says."""
    while frame is not None and frame.f_globals.get("__name__") in ("re", "re._compiler"):
        frame = frame.f_back
    return frame is not None and (frame.f_code.co_name == "<module>" or frame.f_code is compile.__code__)


def _compile(p: Any, flags: int = 0) -> Any:
    global _added
    if not isinstance(p, (str, bytes)) or flags & re.DEBUG or not _keepable(sys._getframe(1)):
        return _compile_as_usual(p, flags)
    _sre = sys.modules["_sre"]
    key = (p, int(flags))
    entry = _codes.get(key)
    if entry is not None:
        with contextlib.suppress(Exception):  # a damaged or foreign entry: compiled again below
            compiled = _sre.compile(p, *_engine_args(entry))
            _used.add(key)
            return compiled
        _codes.pop(key, None)  # (another thread may have dropped it)
    try:
        entry = _entry(p, flags)
        compiled = _sre.compile(p, *_engine_args(entry))
    except Exception:  # a bad pattern says so as usual; another Python's internals: compiled as usual
        return _compile_as_usual(p, flags)
    _codes[key] = entry
    _used.add(key)
    _added = True
    return compiled


def _entry(p: str | bytes, flags: int) -> _Entry:
    """What ``re._compiler.compile`` hands ``_sre.compile`` after the pattern: its parse and generated code."""
    _compiler, _parser = sys.modules["re._compiler"], sys.modules["re._parser"]
    parsed = _parser.parse(p, flags)
    code = array.array(_word_type(), [int(c) for c in _compiler._code(parsed, flags)]).tobytes()  # opcodes: int subclasses
    names = dict(parsed.state.groupdict)
    by_index: list[str | None] = [None] * parsed.state.groups
    for name, i in names.items():
        by_index[i] = name
    return int(flags | parsed.state.flags), code, parsed.state.groups - 1, names, tuple(by_index)


def _save() -> None:
    """Write the codes when this run added some: whole or not at all (a rename), never failing the run."""
    if not _added or _path is None:
        return
    keep = _codes if len(_codes) <= MAX_ENTRIES else {k: v for k, v in _codes.items() if k in _used}
    data = marshal.dumps(keep)

    def write(part: Path) -> None:
        part.write_bytes(data)

    with contextlib.suppress(OSError, ValueError):
        make_folders(_path.parent)
        clear_way(_path)  # a folder in the file's place: it was never written again, nor removed by `cache clear`
        write_atomic(_path, write)

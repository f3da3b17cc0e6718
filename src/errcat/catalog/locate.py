"""Which catalog files are in use: the built-in ones (in the package or the source tree), then overlays."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from ..errors import UsageError

ENV_VAR = "ERRCAT_CATALOG"
MAX_CATALOG_BYTES = 16 << 20  # a user's catalog file larger than this is refused; the built-in files are under 200 KB
MAX_FOLDER_ENTRIES = 10_000  # a catalog folder holding more is refused (`--catalog ~` or `/` would walk the disk)


@lru_cache(maxsize=1)
def builtin_dir() -> Path:
    """The folder of the built-in catalog files (shipped in the wheel as errcat/_catalog)."""
    packaged = Path(__file__).resolve().parent.parent / "_catalog"
    if packaged.is_dir():
        return packaged
    # An editable install or a plain checkout: the repository's top-level catalog/.
    return Path(__file__).resolve().parents[3] / "catalog"


def catalog_files(path: Path) -> list[Path]:
    """The YAML files of a catalog path: the file itself, or every *.yaml/*.yml below a folder
    (symbolic links to folders not followed; a folder that cannot be listed, or vanishes while it
    is walked, is passed over). A folder of more than MAX_FOLDER_ENTRIES entries is a UsageError."""
    if not path.is_dir():
        return [path]
    found: list[Path] = []
    seen = 0
    for top, dirs, names in _walk(path):
        seen += len(dirs) + len(names)
        if seen > MAX_FOLDER_ENTRIES:
            raise UsageError(
                f"catalog folder {path} holds more than {MAX_FOLDER_ENTRIES:,} files and folders: "
                "name the folder of your catalog files"
            )
        found += [Path(top, n) for n in names if Path(n).suffix in (".yaml", ".yml")]
    return sorted(p for p in found if p.is_file())


def _walk(top: Path) -> Iterator[tuple[str, list[str], list[str]]]:
    """``os.walk(top)`` without its recursion: Python 3.11's recursed once a folder, and a catalog folder
    1,500 folders deep was a RecursionError traceback. Links to folders are listed, not followed; a
    folder that cannot be listed is passed over, as os.walk passes it over."""
    stack = [str(top)]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError:
            continue
        dirs: list[str] = []
        names: list[str] = []
        for entry in entries:
            try:
                followed = entry.is_dir(follow_symlinks=False)
            except OSError:
                followed = False
            (dirs if followed else names).append(entry.name)
        yield folder, dirs, names
        stack += [os.path.join(folder, d) for d in reversed(dirs)]


def path_text(path: object, what: str) -> str:
    """A path the Python API was given, as the text of its name: a str (a subclass's own methods not run), or
    what an os.PathLike's ``__fspath__`` gives. Anything else (bytes too, an os.DirEntry of os.scandir(bytes)), or
    an ``__fspath__`` that raises, is a UsageError naming ``what``, not an error from deep inside."""
    if isinstance(path, os.PathLike):
        try:
            path = os.fspath(path)  # asked once: it may change; a TypeError for an __fspath__ giving neither str nor bytes
        except Exception as exc:  # the object's own error: named by its type (its text may quote anything)
            raise UsageError(
                f"{what} ({type(path).__name__}) has no name: its __fspath__ failed ({type(exc).__name__})"
            ) from None
    if not isinstance(path, str):
        raise UsageError(f"{what} is a str or Path, not {type(path).__name__}")
    return str.__str__(path)


def given_paths(paths: object) -> list[Path]:
    """Catalog paths as the Python API takes them: a list of str or Path, or one str or Path (a
    list of one, not a string walked letter by letter), or None; anything else is a UsageError."""
    if paths is None:
        return []
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    if not isinstance(paths, (list, tuple)):
        raise UsageError(f"catalog paths are a list of str or Path, not {type(paths).__name__}")
    names = [path_text(p, "a catalog path") for p in paths]
    if any(isinstance(p, str) and not n.strip() for p, n in zip(paths, names, strict=True)):  # Path(""): the current folder
        raise UsageError("a catalog path is empty: name a file or folder (. is the current folder)")
    paths = names
    if any("\x00" in p for p in paths):  # no file system takes one: os.stat raises ValueError
        raise UsageError("a catalog path holds a NUL character, which no file name can")
    try:
        [os.fsencode(p) for p in paths]  # "\ud800" (half an emoji) has no bytes: os.stat raised UnicodeEncodeError
    except UnicodeEncodeError as exc:
        raise UsageError(f"a catalog path holds {exc.object[exc.start]!r}, a lone surrogate no file name can") from None
    return [Path(p) for p in paths]


def _cut(path: Path, limit: int = 200) -> str:
    """A path for an error line: one too long to be a file name (a pasted document) is cut, and a
    credential in it (a token pasted as a path) is masked by the exit gate, as every input errcat quotes."""
    from ..gate import shown  # only an error pays for the gate's import

    text = str(path)
    return shown(text if len(text) <= limit else f"{text[: limit // 2]}… ({len(text):,} characters)")


def _readable(path: Path) -> Path:
    """A user's catalog file, refused before it is hashed or read when it is no regular file (a
    device such as /dev/zero has no end) or larger than MAX_CATALOG_BYTES (YAML takes many times its
    size in memory)."""
    try:
        st = path.stat()
    except OSError as exc:
        raise UsageError(f"cannot read catalog file {_cut(path)}: {exc.strerror}") from None
    if not stat.S_ISREG(st.st_mode):
        raise UsageError(f"catalog path {_cut(path)} is not a file or folder (a device, pipe or socket is not read)")
    if st.st_size > MAX_CATALOG_BYTES:
        raise UsageError(f"catalog file {_cut(path)} is {st.st_size:,} bytes; catalog files of at most 16 MiB are read")
    return path


def _env_paths() -> list[Path]:
    """The paths of ERRCAT_CATALOG, ``~`` expanded as ERRCAT_CACHE_DIR's is: a shell leaves it as it is in
    quotes (``export ERRCAT_CATALOG="~/errors"``), and errcat looked for a folder named ``~``."""
    return [Path(os.path.expanduser(p)) for p in os.environ.get(ENV_VAR, "").split(os.pathsep) if p]


def _layer_files(layer: Path) -> list[Path]:
    """The catalog files of one path given: the file, or the ``*.yaml`` of a folder; a UsageError if none."""
    try:
        exists = layer.exists()
    except OSError as exc:  # a name too long for the file system (ENAMETOOLONG), or a folder not to be entered
        raise UsageError(f"catalog path {_cut(layer)}: {exc.strerror}") from None
    if not exists:
        dangling = " (a symbolic link to nothing, or a loop of links)" if layer.is_symlink() else ""
        raise UsageError(f"catalog path not found: {_cut(layer)}{dangling}")
    files = catalog_files(layer)
    if not files and layer.is_dir():
        try:  # a folder passed over as unlistable was said to hold no catalog files: say why it was not read
            os.scandir(layer).close()
        except OSError as exc:
            raise UsageError(f"catalog folder {_cut(layer)} cannot be read: {exc.strerror or exc}") from None
    if not files:
        raise UsageError(f"no catalog files (*.yaml, *.yml) in {_cut(layer)}")
    return [_readable(p) for p in files]


def catalog_paths(paths: list[Path] | None = None, builtin: bool = True, use_env: bool = True) -> list[tuple[int, Path]]:
    """Each catalog file in use with its layer: built-in first, then env paths, then ``paths``."""
    from_env = _env_paths() if use_env else []
    layers = [*from_env, *(paths or [])]
    out: list[tuple[int, Path]] = []
    if builtin:
        out += [(0, p) for p in catalog_files(builtin_dir())]
    for number, layer in enumerate(layers, start=1):
        try:
            out += [(number, p) for p in _layer_files(layer)]
        except UsageError as exc:
            if number > len(from_env):
                raise
            raise UsageError(f"{exc} (set in {ENV_VAR})") from None  # set long ago, in a profile: say where
    if not out:
        raise UsageError("no catalog to use: without the built-in catalog, name at least one catalog path")
    return _once_each(out)


def _once_each(files: list[tuple[int, Path]]) -> list[tuple[int, Path]]:
    """A file given more than once (``-c team.yaml`` twice, a folder and a file in it, ERRCAT_CATALOG and
    --catalog) is read once, where it was given last: the layers above it are what it overrides, as
    they were. Each copy was read, hashed and compiled (one file given 100,000 times from the API: 141 s
    and 1 GB), and overrode itself ("CAT012 ... overrides the one at" its own line). The built-in files
    stay in their own layer."""
    keys = [os.path.realpath(path) if layer else "" for layer, path in files]
    last = {key: i for i, key in enumerate(keys)}
    return [file for i, file in enumerate(files) if not keys[i] or last[keys[i]] == i]

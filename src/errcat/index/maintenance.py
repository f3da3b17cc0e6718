"""`errcat cache info|clear`: what the cache folder holds, and emptying it."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from .. import regex_codes
from ..catalog.locate import catalog_paths, given_paths
from ..fs import remove_cache_entry
from .cache import cache_dir, content_hash, drop_lock, file_states, index_name, last_used, no_home, open_checked, read_meta
from .codec import CorruptIndex


@dataclass(frozen=True)
class CacheEntry:
    """One index file in the cache folder, as `errcat cache info` shows it."""

    path: Path
    size: int
    entries: int | None  # None when the file is unreadable
    built_at: float | None
    files: list[str]
    current: bool  # built for the catalog files in use now, from their current content
    used_at: float = 0.0  # when it last served a command (the least recently used go first when pruned)


def cache_entries(paths: list[Path | str] | None = None, *, builtin: bool = True, use_env: bool = True) -> list[CacheEntry]:
    """Every index file in the cache folder, marking the one that serves the current catalog."""
    folder = cache_dir()
    try:
        states = file_states(catalog_paths(given_paths(paths), builtin=builtin, use_env=use_env))
        current_name, content = index_name(states), content_hash(states)
    except (OSError, ValueError):
        current_name, content = "", ""
    out = []
    try:
        found = sorted(folder.glob("index-*.sqlite")) if folder.is_dir() and not no_home(folder) else []
    except OSError:  # a folder this user may not read: cache_problem() says so
        found = []
    for f in found:
        entries, built_at, files, current = None, None, [], False
        try:
            db = open_checked(f)
            try:
                entries = int(read_meta(db, "entries") or 0)
                built_at = int(read_meta(db, "built_at") or 0) / 1e9
                files = [p for _, p in json.loads(read_meta(db, "files") or "[]")]
                current = f.stem == current_name and read_meta(db, "content") == content
            finally:
                db.close()
        except (sqlite3.DatabaseError, CorruptIndex, OSError, ValueError, RecursionError):  # shown as unreadable
            pass
        with contextlib.suppress(OSError):
            out.append(CacheEntry(f, f.stat().st_size, entries, built_at, files, current, last_used(f)))
    return out


def clear_cache() -> tuple[int, int]:
    """Delete every index, stat and leftover temporary file, scan's compiled Hyperscan databases
    and the command line's compiled regexes (errcat.regex_codes); return (files removed, bytes freed)."""
    folder = cache_dir()
    removed = freed = 0
    try:
        if no_home(folder) or not folder.is_dir():
            return 0, 0
    except OSError:
        return 0, 0
    # an index-*.lock another process holds stays: deleting it would let a third build beside it
    kept = (*folder.glob("index-*.sqlite"), *folder.glob("index-*.stat"), *folder.glob(".index-*.tmp"))
    hyperscan = folder / "hyperscan"
    compiled = folder.glob("hyperscan/*.db*") if hyperscan.is_dir() and not hyperscan.is_symlink() else [hyperscan]
    for f in [*kept, *compiled, *folder.glob("regex-*.marshal")]:
        with contextlib.suppress(OSError):  # a file, a link, or a folder put in a cache file's place
            freed += remove_cache_entry(f)
            removed += 1
    regex_codes.forget()
    for lock in folder.glob("index-*.lock"):
        if lock.is_dir() and not lock.is_symlink():  # no process holds a folder
            with contextlib.suppress(OSError):
                freed += remove_cache_entry(lock)
                removed += 1
        drop_lock(lock)
    return removed, freed

"""Markdown reference pages from the catalog: generate, write atomically, check freshness.

Pages are a pure function of the catalog (same catalog, byte-identical pages). Each distinct
error gets an anchor derived from its guide id alone (``myob.md#25008``), so adding unrelated
entries never moves a link.
"""

from __future__ import annotations

import difflib
import stat
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from ..errors import ErrcatError, UsageError, quoted_name
from ..fs import new_folders, read_regular, write_all_atomic
from ..gate import shown
from ..index.store import CatalogIndex
from .index import index_page
from .parts import GENERATED_NOTE, anchor
from .vendor import vendor_page

__all__ = ["GENERATED_NOTE", "DocsReport", "DocsWriteError", "anchor", "check", "generate", "index_page", "vendor_page", "write"]


class DocsWriteError(ErrcatError):
    """The pages could not be written; the previous pages are left as they were."""

    exit_code = 2


def generate(catalog: CatalogIndex, vendors: list[str] | None = None) -> dict[str, str]:
    """All pages by file name; with ``vendors``, only those vendors' pages (and no index)."""
    # each vendor once: `--vendor myob` given 5,000 times (a script's list) wrote its page 5,000 times (4 minutes)
    chosen = list(dict.fromkeys(v.lower() for v in vendors)) if vendors else sorted(catalog.vendors)
    # an unknown one as it was given: its case tells a person's name from a pasted key (errors.quoted_name)
    unknown = [v for v in dict.fromkeys(vendors or []) if v.lower() not in catalog.vendors]
    if unknown:
        raise UsageError(
            f"unknown vendor(s): {', '.join(quoted_name(v, shown) for v in unknown)}"
            f" (known: {', '.join(sorted(catalog.vendors))})"
        )
    pages = {f"{v}.md": vendor_page(catalog, v) for v in chosen}
    if not vendors:
        pages["index.md"] = index_page(catalog)
    return pages


@dataclass(frozen=True)
class DocsReport:
    written: list[str]
    stale: list[str]  # pages that differ (check) or would change
    orphans: list[str]  # *.md in the folder no vendor produces any more
    diffs: dict[str, str]
    missing: list[str] = field(default_factory=list)  # pages not there at all (check): no diff to show


def _orphans(out: Path, pages: dict[str, str], catalog: CatalogIndex) -> list[str]:
    """Pages errcat generated (they open with GENERATED_NOTE) that no vendor produces any more. Any
    other markdown file is the user's: `--out docs --prune` deleted docs/scan.md and the like."""
    if not out.is_dir():
        return []
    known = set(pages) | {f"{v}.md" for v in catalog.vendors} | {"index.md"}
    return sorted(p.name for p in out.glob("*.md") if p.name not in known and _generated(p))


def _generated(path: Path) -> bool:
    try:
        return read_regular(path, len(GENERATED_NOTE)) == GENERATED_NOTE.encode()
    except OSError:
        return False


def _current(path: Path) -> str | None:
    """A page as it is on disk; a page that is not UTF-8, cannot be read or is no regular file (a FIFO in its
    place: its open waited for a writer forever) counts as different."""
    try:
        return read_regular(path).decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    except (OSError, UnicodeDecodeError):
        return None


def check(catalog: CatalogIndex, out: Path, vendors: list[str] | None = None) -> DocsReport:
    """Which pages in ``out`` differ from what the catalog generates, with a short diff each."""
    pages = generate(catalog, vendors)
    try:
        return _compared(catalog, out, pages)
    except OSError as exc:  # the folder's name is refused (too long), or it cannot be listed
        raise DocsWriteError(f"cannot read pages in {shown(str(out))}: {exc.strerror or exc}") from None


def _compared(catalog: CatalogIndex, out: Path, pages: dict[str, str]) -> DocsReport:
    stale, diffs, missing = [], {}, []
    for name, content in pages.items():
        path = out / name
        if not path.exists():
            missing.append(name)
            continue
        current = _current(path)
        if current != content:
            stale.append(name)
            diff = difflib.unified_diff(
                (current or "").splitlines(), content.splitlines(), f"{out / name} (on disk)", "(from catalog)", lineterm="", n=1
            )
            diffs[name] = "\n".join(list(diff)[:20])
    return DocsReport([], stale, _orphans(out, pages, catalog), diffs, missing)


def _write_page(tmp: Path, content: str) -> None:
    tmp.write_text(content, encoding="utf-8", newline="\n")


def _kind(path: Path) -> str:
    """What a path that is no folder is, in words: --out /dev/full or a FIFO was called "a file"."""
    mode = path.stat().st_mode
    kinds = [(stat.S_ISFIFO, "a pipe (FIFO)"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device")]
    kinds.append((stat.S_ISSOCK, "a socket"))
    return next((words for test, words in kinds if test(mode)), "a file")


def write(catalog: CatalogIndex, out: Path, vendors: list[str] | None = None, prune: bool = False) -> DocsReport:
    """Write every page atomically (temp file, then rename); all pages are built before any is written."""
    pages = generate(catalog, vendors)  # any catalog error surfaces here, before a byte is written
    try:  # a name the system refuses (over 255 bytes: ENAMETOOLONG) fails even to be looked at
        if out.exists() and not out.is_dir():  # mkdir would say "File exists", which reads like a clash of pages
            shown_out = shown(str(out))
            kind = _kind(out)
            raise DocsWriteError(f"cannot write pages to {shown_out}: it is {kind}, not a folder (name a folder for the pages)")
        changed = {n: c for n, c in pages.items() if _current(out / n) != c}
        # Every changed page to a temporary file beside it, then all renamed: a failure while
        # writing (disk full, no permission) leaves every previous page as it was, and no folder made for them.
        with new_folders(out):
            write_all_atomic({out / n: partial(_write_page, content=c) for n, c in changed.items()}, mode=0o644)
        orphans = _orphans(out, pages, catalog)
        if prune:
            for name in orphans:
                (out / name).unlink()
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename and Path(exc.filename) != out else ""  # which page, when one
        raise DocsWriteError(f"cannot write pages to {shown(str(out))}: {shown(where)}{exc.strerror or exc}") from None
    written = sorted(changed)
    return DocsReport(written, [], orphans if not prune else [], {})

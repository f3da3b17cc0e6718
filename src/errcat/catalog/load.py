"""Catalog files -> a Catalog: read, parse (with lines), optionally schema-check, build, check.

Layers: the built-in catalog is layer 0 and each user path (``--catalog``/``ERRCAT_CATALOG``) is
a further layer. An entry id repeated inside one layer is an error; in a later layer it
overrides the earlier entry, and `validate` says so.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..bulk import collector_paused
from ..errors import CatalogError, Problem
from ..model import DOCUMENTED, Basis, Citation, Entry, Guide, Source, Template, vendor_from_dict
from ..text import UTF8_BOM, byte_kind
from .core import Catalog, Location
from .locate import MAX_CATALOG_BYTES, builtin_dir, catalog_paths, given_paths
from .yamlio import LineDict, load_yaml


@dataclass
class RawFile:
    """One catalog file as read: its display name, layer, parsed data and load problems."""

    path: Path
    display: str
    layer: int
    data: Any = None
    problems: list[Problem] = field(default_factory=list)


def _display(path: Path, layer: int) -> str:
    """The file's name as problems, locations and entries give it: a byte of the name that is no
    UTF-8 (held as a lone surrogate, which no encoder or SQLite takes) written ``\\xff``."""
    if layer == 0:
        return f"catalog/{path.relative_to(builtin_dir()).as_posix()}"
    try:
        relative = os.path.relpath(path)
    except ValueError:  # pragma: no cover - another drive on Windows
        relative = str(path)
    name = str(path) if relative.startswith("..") else relative
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _encoding(data: bytes) -> str:
    """UTF-8, or UTF-16 or UTF-32 behind a byte-order mark: YAML reads all three, and Windows PowerShell 5.1
    writes UTF-16 by ``>`` (``errcat explain --stub ... > my-errors.yaml``), which errcat refused as no UTF-8."""
    kind = byte_kind(data[:4])
    return kind if kind in ("utf-16", "utf-32") else "utf-8-sig"


def _read_regular(path: Path) -> bytes:
    """A catalog file's first MAX_CATALOG_BYTES and one: catalog_paths refused anything but a regular file
    (a FIFO's open waits for a writer for ever) and a bigger one, but it may have been replaced since."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise OSError(errno.EINVAL, "it is no regular file now (replaced while errcat read it)")
    with os.fdopen(fd, "rb") as f:
        return f.read(MAX_CATALOG_BYTES + 1)


def read_file(path: Path, layer: int, check_schema: bool) -> RawFile:
    """Read and parse one file; schema-check it when asked (user files, `validate`)."""
    raw = RawFile(path, _display(path, layer), layer)
    try:
        data = _read_regular(path)
        if len(data) > MAX_CATALOG_BYTES:
            raw.problems.append(Problem(raw.display, 1, "CAT001", "yaml-syntax", "larger than 16 MiB: not read"))
            return raw
        text = data.decode(_encoding(data))
    except UnicodeDecodeError as exc:
        name, at = exc.encoding.upper(), exc.start + (len(UTF8_BOM) if data.startswith(UTF8_BOM) else 0)
        raw.problems.append(Problem(raw.display, 1, "CAT001", "yaml-syntax", f"not {name} text ({exc.reason} at byte {at})"))
        return raw
    except OSError as exc:
        raw.problems.append(Problem(raw.display, 1, "CAT001", "yaml-syntax", f"cannot read: {exc.strerror}"))
        return raw
    raw.data, raw.problems = load_yaml(text, raw.display)
    if raw.data is None and not raw.problems:
        raw.problems.append(Problem(raw.display, 1, "CAT003", "schema", "the file is empty"))
    elif raw.data is not None and check_schema:
        from .schema import schema_problems

        raw.problems += schema_problems(raw.data, raw.display)
    elif raw.data is not None and not isinstance(raw.data, dict):
        raw.problems.append(
            Problem(raw.display, 1, "CAT003", "schema", "a catalog file is a mapping (errcat, vendor, entries, ...)")
        )
    return raw


PARALLEL_BYTES = 8 << 20  # below this, starting worker processes costs more than it saves


def read_files(files: list[tuple[int, Path]], check_schema: bool = True) -> list[RawFile]:
    """Read, parse and (by default) schema-check every file, in worker processes when there is
    enough YAML to share out. Parsing is CPU-bound pure Python around libyaml, so processes (not
    threads) are what use a second core.
    """
    jobs = [(path, layer, check_schema) for layer, path in files]
    workers = min(len(jobs), os.cpu_count() or 1)
    if workers > 1 and sum(_size(path) for path, _, _ in jobs) > PARALLEL_BYTES:
        from concurrent.futures import ProcessPoolExecutor

        try:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                return list(pool.map(_read_job, jobs))
        except (OSError, RuntimeError, ImportError):  # no process support here: read them in turn
            pass
    return [read_file(path, layer, schema) for path, layer, schema in jobs]


def _read_job(job: tuple[Path, int, bool]) -> RawFile:
    with collector_paused():
        return read_file(*job)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _merge_vendor(vendors: dict[str, dict[str, Any]], data: LineDict, file: str, problems: list[Problem]) -> None:
    """One file's vendor block into the vendor's record: lists add up, a value given twice must agree (CAT015)."""
    vid = data["id"]
    merged = vendors.setdefault(vid, {"id": vid})
    for key, value in data.items():
        if key == "id":
            continue
        if isinstance(value, list):
            merged.setdefault(key, []).extend(value)
        elif key in merged and merged[key] != value:
            problems.append(
                Problem(
                    file,
                    data.key_lines.get(key, data.line),
                    "CAT015",
                    "vendor-conflict",
                    f"vendor {vid} {key} is {value!r} here but {merged[key]!r} elsewhere",
                )
            )
        else:
            merged[key] = value


def _check_patterns(vid: str, data: LineDict, file: str, problems: list[Problem]) -> None:
    """CAT018: a vendor's name patterns are run on every paste, so each must compile and must not
    backtrack exponentially."""
    for key in ("mentions", "brands", "other_products", "unlisted"):
        for item in data.get(key) or ():
            line = getattr(item, "line", data.key_lines.get(key, data.line))
            pattern = item.get("pattern") or re.escape(item["value"])
            try:
                re.compile(pattern, re.IGNORECASE)
            except re.error as exc:
                problems.append(Problem(file, line, "CAT018", "bad-pattern", f"vendor {vid} {key} pattern is not a regex: {exc}"))
                continue
            if _may_backtrack(pattern):
                said = (
                    f"vendor {vid} {key} pattern {pattern[:60]!r} repeats a group that holds alternatives or another "
                    "repeat, which can take exponential time on a paste (as (a|aa)+ does): write it without"
                )
                problems.append(Problem(file, line, "CAT018", "bad-pattern", said))


_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")


def _may_backtrack(pattern: str) -> bool:
    """Whether a pattern repeats (more than once) a part that holds alternatives or another such
    repeat: (a|aa)+ or (a+)+ took a paste of 40 letters minutes, and Python's re has no time limit.
    A vendor's names need neither."""
    from re import _parser  # type: ignore[attr-defined]  # the parser re compiles with (3.11 on)

    def walk(items: Any, repeated: bool) -> bool:
        for op, av in items:
            name = str(op)
            if name in _REPEATS:
                many = av[1] is _parser.MAXREPEAT or av[1] > 1
                if (repeated and many) or walk(av[2], repeated or many):
                    return True
                continue
            inner = av[1] if name == "BRANCH" else [av[-1]] if name == "SUBPATTERN" else [av[1]] if "ASSERT" in name else []
            if (name == "BRANCH" and repeated) or any(walk(part, repeated) for part in inner):
                return True
        return False

    try:
        return walk(_parser.parse(pattern, re.IGNORECASE), False)
    except Exception:  # a parser of another Python: judged by re alone
        return False


def _entry(e: dict[str, Any], origin: str, template: str | None) -> Entry:
    sources = tuple(
        Citation(c["url"], c["kind"], c.get("date"), c.get("note"), c.get("by"), c.get("status")) for c in e.get("sources") or ()
    )
    if "source" in e:
        s = e["source"]
    else:  # an observed entry: where it was first seen stands in for the document
        s = {"document": sources[0].url if sources else "", "section": sources[0].kind if sources else None}
    return Entry(
        id=e["id"],
        vendor=e["vendor"],
        endpoint=e["endpoint"],
        methods=tuple(e["methods"]),
        scenario=e["scenario"],
        status=e["status"],
        code=e["code"],
        name=e["name"],
        message=e["message"],
        severity=e["severity"],
        guide_id=e["guide"],
        source=Source(s["document"], s.get("section"), s.get("line"), s.get("body"), s.get("bodies"), s.get("status_text")),
        details=e.get("details"),
        vendor_severity=e.get("vendor_severity"),
        learn_more=e.get("learn_more"),
        resource=e.get("resource"),
        action=e.get("action"),
        inferred=bool(e.get("inferred", False)),
        kind=e.get("kind", "body"),
        quirks=tuple(e.get("quirks", ())),
        template=template,
        origin=origin,
        provenance=e.get("provenance", DOCUMENTED),
        sources=sources,
        sample=e.get("sample"),
    )


def _basis(b: dict[str, Any] | None) -> Basis | None:
    return Basis(b["summary"], tuple(b["causes"]), b["fix"]) if b else None


def _add_guides(
    raw: RawFile, vid: str, guides: dict[str, Guide], where: dict[tuple[str, str], Location], problems: list[Problem]
) -> None:
    """One file's guides; apart so ``build`` stays readable. A guide defined twice in one layer is
    a problem, while a later layer may redefine it (an overlay)."""
    data = raw.data
    for gid, g in (data.get("guides") or {}).items():
        line = data["guides"].key_lines.get(gid, 1)
        if ("guide", gid) in where and where[("guide", gid)].layer == raw.layer:
            prev = where[("guide", gid)]
            problems.append(Problem(raw.display, line, "CAT004", "duplicate-id", f"guide {gid} is defined twice (also {prev})"))
            continue
        guides[gid] = Guide(
            gid,
            vid,
            g["summary"],
            tuple(g["causes"]),
            g["fix"],
            g["retry"],
            g["actor"],
            tuple(g.get("see_also", ())),
            g.get("established"),
            _basis(g.get("basis")),
            raw.display if raw.layer > 0 else None,
        )
        where[("guide", gid)] = Location(raw.display, line, raw.layer)


def _add_templates(
    raw: RawFile,
    vid: str,
    templates: dict[tuple[str, str], Template],
    where: dict[tuple[str, str], Location],
    problems: list[Problem],
) -> None:
    """One file's message templates; apart so ``build`` stays readable. Two templates for one
    message in one layer is a problem, while a later layer may replace it."""
    data = raw.data
    for index, t in enumerate(data.get("templates") or ()):
        line = data["templates"].item_lines[index]
        where_key = ("template", f"{vid}\0{t['message']}")
        previous_template = where.get(where_key)
        if previous_template is not None and previous_template.layer == raw.layer:
            problems.append(Problem(raw.display, line, "CAT004", "duplicate-id", f"message {t['message']!r} has two templates"))
            continue
        templates[(vid, t["message"])] = Template(vid, t["message"], t["template"], tuple(t["slots"].items()))
        where[where_key] = Location(raw.display, line, raw.layer)


def _add_entries(
    raw: RawFile,
    vid: str,
    raw_by_id: dict[str, LineDict],
    where: dict[tuple[str, str], Location],
    problems: list[Problem],
) -> None:
    """One file's entries; apart so ``build`` stays readable. An entry of another vendor, or an id
    used twice in one layer, is a problem; a later layer's entry overrides (noted as info)."""
    data = raw.data
    for index, e in enumerate(data.get("entries") or ()):
        line = data["entries"].item_lines[index]
        if e["vendor"] != vid:
            problems.append(
                Problem(
                    raw.display,
                    line,
                    "CAT014",
                    "vendor-mismatch",
                    f"entry {e['id']} has vendor {e['vendor']} in a file of vendor {vid}",
                )
            )
        previous = where.get(("entry", e["id"]))
        if previous is not None and previous.layer == raw.layer:
            problems.append(
                Problem(raw.display, line, "CAT004", "duplicate-id", f"entry id {e['id']} is used twice (also {previous})")
            )
            continue
        if previous is not None:
            problems.append(
                Problem(raw.display, line, "CAT012", "override", f"entry {e['id']} overrides the one at {previous}", level="info")
            )
        raw_by_id[e["id"]] = e
        where[("entry", e["id"])] = Location(raw.display, line, raw.layer)
        field_lines = getattr(e, "key_lines", {})
        for key in ("status", "guide"):  # checks of one key point at its own line
            where[(f"entry:{key}", e["id"])] = Location(raw.display, field_lines.get(key, line), raw.layer)


def build(raw_files: list[RawFile]) -> tuple[Catalog, list[Problem]]:
    """Build the catalog from parsed files; returns problems of structure and layering too."""
    problems: list[Problem] = []
    vendors: dict[str, dict[str, Any]] = {}
    guides: dict[str, Guide] = {}
    templates: dict[tuple[str, str], Template] = {}
    raw_by_id: dict[str, LineDict] = {}
    where: dict[tuple[str, str], Location] = {}
    for raw in raw_files:
        data = raw.data
        if not isinstance(data, dict) or any(p.level == "error" for p in raw.problems):
            continue
        vendor = data["vendor"]
        vid = vendor["id"]
        _merge_vendor(vendors, vendor, raw.display, problems)
        _check_patterns(vid, vendor, raw.display, problems)
        where.setdefault(("vendor", vid), Location(raw.display, vendor.line, raw.layer))
        _add_guides(raw, vid, guides, where, problems)
        _add_templates(raw, vid, templates, where, problems)
        _add_entries(raw, vid, raw_by_id, where, problems)
    built_entries = []
    for eid, e in raw_by_id.items():
        t = templates.get((e["vendor"], e["message"])) if e["message"] is not None else None
        built_entries.append(_entry(e, where[("entry", eid)].file, t.template if t else None))
    catalog = Catalog(
        vendors={vid: vendor_from_dict(v) for vid, v in vendors.items()},
        entries=tuple(built_entries),
        guides=guides,
        templates=templates,
        where=where,
    )
    return catalog, problems


def load_catalog(
    paths: list[Path | str] | None = None,
    *,
    builtin: bool = True,
    use_env: bool = True,
) -> Catalog:
    """Load the built-in catalog plus any user catalog files or folders layered on top.

    Every file is schema-checked on load (a load builds the cached index, so warm runs skip it),
    the built-in ones too: a checkout's catalog/ is edited by hand, and an edit the schema refuses
    (a vendor name that is a list) fails with a ``file:line`` message, not a traceback in `docs` later.
    Raises CatalogError (exit 3) listing every problem, or UsageError for a missing path.
    """
    files = catalog_paths(given_paths(paths), builtin=builtin, use_env=use_env)
    from .checks import run_checks

    with collector_paused():
        raw_files = read_files(files)
        errors = [p for r in raw_files for p in r.problems if p.level == "error"]
        if errors:  # the files that did not load, alone: every entry whose guide is in one is no problem of its own
            raise CatalogError(errors)
        catalog, problems = build(raw_files)
        problems += run_checks(catalog, essential_only=True)
    errors = [p for p in problems if p.level == "error"]
    if errors:
        raise CatalogError(errors)
    return catalog


def _within(path: Path, root: Path) -> bool:
    """Whether ``path`` is ``root`` or inside it; a link loop or an unreadable path is not (it is
    reported where it is read)."""
    try:
        return path.resolve().is_relative_to(root)
    except (OSError, RuntimeError):  # RuntimeError: a symbolic link loop, before Python 3.13
        return False


def validate(paths: list[Path | str] | None = None, *, builtin: bool = True, use_env: bool = False) -> list[Problem]:
    """Every problem in the given catalog paths (default: the built-in catalog), all checks run.

    Paths are layered over the built-in catalog unless ``builtin`` is False, so overrides of
    built-in entries are reported (as info). A path that is the built-in folder, or a file or
    folder inside it, counts as the built-in layer.
    """
    from .checks import run_checks

    given = given_paths(paths)
    builtin_root = builtin_dir().resolve()
    inside = [p for p in given if _within(p, builtin_root)]
    if inside:  # a built-in file or folder is checked as the built-in layer, not layered over itself
        given = [p for p in given if p not in inside]
        builtin = True
    files = catalog_paths(given, builtin=builtin, use_env=use_env)
    with collector_paused():
        raw_files = read_files(files)
        catalog, problems = build(raw_files)
        file_problems = [p for r in raw_files for p in r.problems]
        if any(p.level == "error" for p in file_problems):
            # Files that did not load would make every cross-file check cry wolf (each entry
            # whose guide lives in a broken file would be "missing-guide"): report the files only.
            skipped = Problem(
                file_problems[0].file,
                1,
                "CAT000",
                "checks-skipped",
                "cross-file checks were skipped until every file loads",
                level="info",
            )
            return [*sorted(file_problems, key=_by_place), skipped]
        return sorted(file_problems + problems + run_checks(catalog), key=_by_place)


def _by_place(p: Problem) -> tuple[str, int, str]:
    return (p.file, p.line, p.code)

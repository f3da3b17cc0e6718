"""Semantic checks of a built catalog, each with a stable code; adding one is one function here.

Codes CAT000-CAT004, CAT012, CAT014, CAT015 and CAT018 are found while reading and building (yamlio.py,
schema.py, load.py); they are listed in CHECKS too so that `errcat validate --list-checks`
documents every code in one place.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http import HTTPStatus

from ..errors import Problem
from ..model import INFERENCE, OBSERVED, Citation, Entry, Guide
from ..templates import TemplateSyntaxError, compile_template, fill, slot_names
from ..text import squash
from .core import Catalog

CheckFn = Callable[[Catalog], Iterator[Problem]]


@dataclass(frozen=True)
class Check:
    code: str
    name: str
    description: str
    essential: bool  # also run on every load (cheap, and later stages rely on it)
    run: CheckFn | None = None


CHECKS: list[Check] = [
    Check("CAT000", "checks-skipped", "Cross-file checks were skipped until every file loads (info).", True),
    Check("CAT001", "yaml-syntax", "The file is not readable UTF-8 YAML.", True),
    Check("CAT002", "duplicate-key", "A mapping repeats a key (YAML would silently keep the last).", True),
    Check("CAT003", "schema", "The file does not follow errcat-catalog.schema.json.", True),
    Check("CAT004", "duplicate-id", "An entry id, guide id or templated message is defined twice in one layer.", True),
    Check("CAT012", "override", "A user catalog entry replaces an entry of an earlier layer (info).", True),
    Check("CAT014", "vendor-mismatch", "An entry's vendor is not the vendor of its file.", True),
    Check("CAT015", "vendor-conflict", "Two files give different values for one vendor field.", True),
    Check(
        "CAT018",
        "bad-pattern",
        "A vendor's name pattern (mentions, brands, other_products, unlisted) is not a regular expression, or repeats"
        " alternatives or a repeat (exponential time on a paste).",
        True,
    ),
]


def check(code: str, name: str, description: str, essential: bool = False) -> Callable[[CheckFn], CheckFn]:
    """Register a check function under a stable code."""

    def register(fn: CheckFn) -> CheckFn:
        CHECKS.append(Check(code, name, description, essential, fn))
        return fn

    return register


def _at(catalog: Catalog, kind: str, key: str, code: str, message: str, level: str = "error") -> Problem:
    """A problem where the catalog defines ``key``, named as its code is registered in CHECKS."""
    loc = catalog.location(kind, key)
    name = next(c.name for c in CHECKS if c.code == code)
    return Problem(loc.file if loc else "<catalog>", loc.line if loc else 1, code, name, message, level)


@check("CAT005", "bad-status", "An entry's HTTP status is not a registered 4xx/5xx error status.", essential=True)
def _bad_status(catalog: Catalog) -> Iterator[Problem]:
    known = {s.value for s in HTTPStatus}
    for e in catalog.entries:
        if e.status not in known or e.status < 400:
            yield _at(catalog, "entry:status", e.id, "CAT005", f"entry {e.id}: {e.status} is not an HTTP error status")


@check("CAT006", "missing-guide", "An entry names a guide (explanation) that no file defines.", essential=True)
def _missing_guide(catalog: Catalog) -> Iterator[Problem]:
    for e in catalog.entries:
        if e.guide_id not in catalog.guides:
            yield _at(catalog, "entry:guide", e.id, "CAT006", f"entry {e.id}: no guide {e.guide_id} explains it")


@check("CAT007", "template-mismatch", "A template filled with its slots does not give its documented message.", essential=True)
def _template_mismatch(catalog: Catalog) -> Iterator[Problem]:
    for (vendor, message), t in catalog.templates.items():
        key = f"{vendor}\0{message}"
        try:
            names = slot_names(t.template)
        except TemplateSyntaxError as exc:
            yield _at(catalog, "template", key, "CAT008", f"template {t.template!r}: {exc}")
            continue
        slots = dict(t.slots)
        if set(names) != set(slots):
            yield _at(
                catalog, "template", key, "CAT009",
                f"template {t.template!r} has slots {sorted(names)} but slots: gives {sorted(slots)}",
            )  # fmt: skip
            continue
        filled = fill(t.template, slots)
        if filled != message:
            yield _at(
                catalog, "template", key, "CAT007",
                f"template {t.template!r} filled with its slots gives {filled!r}, not the documented {message!r}",
            )  # fmt: skip


CHECKS.append(Check("CAT008", "template-syntax", "A template is not valid {slot} syntax.", True))
CHECKS.append(Check("CAT009", "template-slots", "A template's slots do not match the slot values given.", True))


def has_placeholder(message: str) -> bool:
    """Whether a message holds a placeholder: ``[something]``, ``<something>`` or ``***``. Read in one pass: as the
    pattern ``\\[[^\\]]+\\]|\\*\\*\\*|<[^>]+>``, each "[" of a run with no "]" after it read the rest of the message, and
    a team catalog's message of 80,000 "[" took 6.9 s to validate (the 16 MiB a file may be: hours)."""
    return "***" in message or any(opener in part[:-1] for opener, closer in ("[]", "<>") for part in message.split(closer)[:-1])


@check("CAT010", "untemplated-placeholder", "A documented message holds a placeholder but has no template.")
def _untemplated(catalog: Catalog) -> Iterator[Problem]:
    for e in catalog.entries:
        if e.message and has_placeholder(e.message) and e.template is None:
            yield _at(
                catalog, "entry", e.id, "CAT010",
                f"entry {e.id}: message {e.message!r} has a placeholder but no template", "warning",
            )  # fmt: skip


@check("CAT011", "endpoint-consistency", "An entry's endpoint or methods are not among its vendor's documented endpoints.")
def _endpoint_consistency(catalog: Catalog) -> Iterator[Problem]:
    declared = {vid: {ep.path: ep for ep in v.endpoints} for vid, v in catalog.vendors.items()}
    for e in catalog.entries:
        paths = declared.get(e.vendor)
        if not paths or e.endpoint is None:
            continue
        ep = paths.get(e.endpoint)
        if ep is None:
            yield _at(
                catalog, "entry", e.id, "CAT011",
                f"entry {e.id}: endpoint {e.endpoint} is not among vendor {e.vendor}'s endpoints",
            )  # fmt: skip
        elif not set(e.methods) <= set(ep.methods):
            extra = sorted(set(e.methods) - set(ep.methods))
            yield _at(
                catalog, "entry", e.id, "CAT011", f"entry {e.id}: method(s) {', '.join(extra)} not documented for {e.endpoint}"
            )


@check("CAT013", "unused-guide", "A guide no entry uses.")
def _unused_guide(catalog: Catalog) -> Iterator[Problem]:
    used = {e.guide_id for e in catalog.entries}
    for gid in catalog.guides:
        if gid not in used:
            yield _at(catalog, "guide", gid, "CAT013", f"guide {gid} is not used by any entry", "warning")


@check(
    "CAT016", "id-prefix", "Entry and guide ids start with their vendor id, so ids never clash across vendors.", essential=True
)
def _id_prefix(catalog: Catalog) -> Iterator[Problem]:
    for e in catalog.entries:
        if not e.id.startswith(e.vendor + "."):
            yield _at(catalog, "entry", e.id, "CAT016", f"entry id {e.id} should start with {e.vendor}.")
    for g in catalog.guides.values():
        if not g.id.startswith(g.vendor + "."):
            yield _at(catalog, "guide", g.id, "CAT016", f"guide id {g.id} should start with {g.vendor}.")


@check("CAT017", "orphan-template", "A template whose message no entry documents.")
def _orphan_template(catalog: Catalog) -> Iterator[Problem]:
    messages = {(e.vendor, e.message) for e in catalog.entries}
    for key in catalog.templates:
        if key not in messages:
            yield _at(
                catalog, "template", f"{key[0]}\0{key[1]}", "CAT017",
                f"template for {key[1]!r} matches no documented {key[0]} message", "warning",
            )  # fmt: skip


# Statuses where waiting and resending can help (500 too: ProSpend's document says to try again
# later), and words of rate and time-out errors that may come with another status (MYOB reports its
# rate limit as 403 RateLimitError).
_TRANSIENT_STATUSES = frozenset({429, 500, 502, 503, 504})
_TRANSIENT_WORDS = re.compile(r"rate|limit|quota|throttl|timeout|timed out|try again later|retry later", re.IGNORECASE)


@check("CAT019", "retry-mismatch", "A guide's retry advice does not fit the errors it explains (refresh-and-retry, backoff).")
def _retry_mismatch(catalog: Catalog) -> Iterator[Problem]:
    for gid, guide in catalog.guides.items():
        rows = catalog.by_guide.get(gid, [])
        if not rows:
            continue
        if guide.retry == "refresh-and-retry" and any(e.status != 401 for e in rows):
            yield _at(
                catalog, "guide", gid, "CAT019",
                f"guide {gid}: refresh-and-retry refreshes an access token, but it explains errors other than a 401",
            )  # fmt: skip
        transient = [
            e.status in _TRANSIENT_STATUSES
            or bool(_TRANSIENT_WORDS.search(" ".join(str(v) for v in (e.name, e.code, e.message) if v)))
            for e in rows
        ]
        if guide.retry in ("backoff", "wait-for-reset") and not all(transient):
            yield _at(
                catalog, "guide", gid, "CAT019",
                f"guide {gid}: {guide.retry} is for rate limits, quotas, time-outs and 429/500/502/503/504, not for these errors",
            )  # fmt: skip


_VAGUE_SOURCE = re.compile(r"public knowledge|snapshot", re.IGNORECASE)


@check("CAT020", "unsourced-fact", "A vendor fact's source is vague ('public knowledge'): name the document or page.")
def _unsourced_fact(catalog: Catalog) -> Iterator[Problem]:
    for vendor in catalog.vendors.values():
        facts = (*vendor.hosts, *vendor.base_urls, *vendor.auth, *vendor.headers, *vendor.path_prefixes)
        named = (*vendor.mentions, *vendor.brands, *vendor.other_products, *vendor.limits, *vendor.unlisted)
        sources = [(f.value, f.source) for f in (*facts, *named)]
        sources += [(f"envelope {e.name}", e.source or "") for e in vendor.envelopes]
        for value, source in sources:
            if not source.strip() or _VAGUE_SOURCE.search(source):
                yield _at(
                    catalog, "vendor", vendor.id, "CAT020",
                    f"vendor {vendor.id}: {value!r} has no source a reader can open ({source!r}); name the document or URL",
                )  # fmt: skip


@check("CAT021", "unfinished-guide", "A guide still holds TODO (a --stub's placeholder): finish it before it ships (warning).")
def _unfinished_guide(catalog: Catalog) -> Iterator[Problem]:
    for gid, g in catalog.guides.items():
        if any("TODO" in text for text in (g.summary, g.fix, *g.causes)):
            yield _at(catalog, "guide", gid, "CAT021", f"guide {gid} still says TODO", "warning")


@check(
    "CAT022",
    "observed-sample",
    "An observed entry's verbatim sample does not hold its message (or template, or code and name when it has no message).",
    essential=True,
)
def _observed_sample(catalog: Catalog) -> Iterator[Problem]:
    for e in catalog.entries:
        if e.observed and not sample_shows(e):
            what = f"message {e.message!r}" if e.message else f"code/name {e.code or e.name!r}"
            yield _at(catalog, "entry", e.id, "CAT022", f"entry {e.id}: its sample does not show its {what}")


def sample_shows(e: Entry) -> bool:
    """Whether an observed entry's sample holds what the entry says was seen."""
    sample = e.sample or ""
    if e.template:
        try:
            pattern = compile_template(e.template)
        except TemplateSyntaxError:
            return False
        if re.search(pattern.pattern[1:-1], sample, pattern.flags):
            return True
    if e.message:
        return squash(e.message) in squash(sample)
    return any(str(v) in sample for v in (e.code, e.name) if v is not None)


@check(
    "CAT023",
    "observed-is-documented",
    "An observed entry repeats a documented error (same vendor and message, or code when no message): keep the documented one.",
    essential=True,
)
def _observed_is_documented(catalog: Catalog) -> Iterator[Problem]:
    def said(e: Entry) -> tuple[str, str]:
        return e.vendor, squash(e.message or str(e.code or e.name or ""))

    documented: dict[tuple[str, str], str] = {}
    for e in catalog.entries:
        if not e.observed and e.kind == "body":
            documented.setdefault(said(e), e.id)
    for e in catalog.entries:
        if e.observed:
            other = documented.get(said(e))
            if other:
                yield _at(catalog, "entry", e.id, "CAT023", f"entry {e.id} is documented as {other}: remove it")


@check(
    "CAT024",
    "provenance-mixed",
    "A guide explains documented and observed entries alike, or an observed entry's guide lacks how well it is established.",
    essential=True,
)
def _provenance_mixed(catalog: Catalog) -> Iterator[Problem]:
    for gid, entries in catalog.by_guide.items():
        kinds = {e.provenance for e in entries}
        guide = catalog.guides.get(gid)
        if len(kinds) > 1:
            yield _at(catalog, "guide", gid, "CAT024", f"guide {gid} explains documented and observed entries")
        elif guide is not None and (guide.established is not None) != (kinds == {OBSERVED}):
            need = "needs established:" if guide.established is None else "has established: but explains documented entries"
            yield _at(catalog, "guide", gid, "CAT024", f"guide {gid} {need}")


def _guide_sources(catalog: Catalog, gid: str) -> dict[str, Citation]:
    """The citations of every entry a guide explains, by URL."""
    return {c.url: c for e in catalog.by_guide.get(gid, []) for c in e.sources}


def _basis_problems(gid: str, guide: Guide, cited: dict[str, Citation]) -> Iterator[str]:
    if guide.basis is None:
        yield f"guide {gid} explains observed errors but has no basis: say where each claim comes from"
        return
    if len(guide.basis.causes) != len(guide.causes):
        yield f"guide {gid} has {len(guide.causes)} cause(s) but {len(guide.basis.causes)} basis item(s) for them"
    for ref in (guide.basis.summary, *guide.basis.causes, guide.basis.fix):
        if ref != INFERENCE and ref not in cited:
            yield f"guide {gid} cites {ref} as a basis, but none of its entries lists that source"


@check(
    "CAT025",
    "claim-basis",
    "An observed guide's summary, causes and fix each name a source of its entries, or inference (errcat's own reading).",
)
def _claim_basis(catalog: Catalog) -> Iterator[Problem]:
    for gid, guide in catalog.guides.items():
        if guide.established is None:
            if guide.basis is not None:
                message = f"guide {gid} has a basis but explains documented entries"
                yield _at(catalog, "guide", gid, "CAT025", message)
            continue
        for message in _basis_problems(gid, guide, _guide_sources(catalog, gid)):
            yield _at(catalog, "guide", gid, "CAT025", message)


def origin_of(url: str) -> str:
    """Who published a page: the repository (owner/name) for GitHub, else the host."""
    parts = url.split("/")
    host = parts[2].lower() if len(parts) > 2 else url
    return "/".join(p.lower() for p in parts[3:5]) if host == "github.com" and len(parts) > 4 else host


@check(
    "CAT026",
    "several-reports-origins",
    "A several-reports guide cites sources from fewer than two origins (repositories or sites): one test suite is one report.",
)
def _several_reports_origins(catalog: Catalog) -> Iterator[Problem]:
    for gid, guide in catalog.guides.items():
        if guide.established != "several-reports":
            continue
        origins = sorted({origin_of(url) for url in _guide_sources(catalog, gid)})
        if len(origins) < 2:
            yield _at(
                catalog, "guide", gid, "CAT026",
                f"guide {gid} is several-reports but its sources all come from {', '.join(origins) or 'nowhere'}: one report",
            )  # fmt: skip


_STATUS_NOT_SHOWN = re.compile(
    r"(?:do(?:es)?n[o']t|do(?:es)? not) show (?:the |an )?HTTP status|status is not shown"
    r"|without an HTTP status|shows? no HTTP status",
    re.IGNORECASE,
)


def _status_problem(e: Entry) -> str | None:
    shown = [c for c in e.sources if c.status is not None]
    says_hidden = any(_STATUS_NOT_SHOWN.search(q) for q in e.quirks)
    recorded = [c.url for c in e.sources if c.kind == "sdk-fixture" and c.status is None]
    if recorded:
        return f"entry {e.id}: {recorded[0]} is a recorded response, which carries its status: give that source status:"
    if says_hidden and shown:
        return f"entry {e.id}: a quirk says the status is not shown, but {shown[0].url} shows {shown[0].status}"
    if not says_hidden and not shown:
        return f"entry {e.id}: no source shows its status {e.status}: give a source status:, or say in a quirk that none does"
    wrong = [c for c in shown if c.status != e.status]
    if wrong:
        return f"entry {e.id}: its status is {e.status} but {wrong[0].url} shows {wrong[0].status}"
    return None


@check(
    "CAT027",
    "status-basis",
    "An observed entry's status agrees with its sources: a quirk says it is not shown only when no source shows one.",
)
def _status_basis(catalog: Catalog) -> Iterator[Problem]:
    for e in catalog.entries:
        problem = _status_problem(e) if e.observed else None
        if problem:
            yield _at(catalog, "entry", e.id, "CAT027", problem)


_RESENDS = frozenset({"backoff", "wait-for-reset", "refresh-and-retry"})


@check(
    "CAT028",
    "retry-contradiction",
    "An observed guide advises resending where the vendor documents that status as not to be retried: documented advice wins.",
)
def _retry_contradiction(catalog: Catalog) -> Iterator[Problem]:
    never = {(e.vendor, e.status) for e in catalog.entries if e.kind == "status" and not e.observed}
    never = {key for key in never if any(g.retry == "no" for g in _status_guides(catalog, *key))}
    for gid, guide in catalog.guides.items():
        rows = catalog.by_guide.get(gid, [])
        if guide.established and guide.retry in _RESENDS and any((e.vendor, e.status) in never for e in rows):
            yield _at(
                catalog, "guide", gid, "CAT028",
                f"guide {gid} says {guide.retry}, but the vendor's documented advice for that status is not to retry",
            )  # fmt: skip


def _status_guides(catalog: Catalog, vendor: str, status: int) -> list[Guide]:
    return [
        g
        for e in catalog.entries
        if e.kind == "status" and e.vendor == vendor and e.status == status and (g := catalog.guides.get(e.guide_id))
    ]


def run_checks(catalog: Catalog, essential_only: bool = False) -> list[Problem]:
    """Run the registered checks; on every load only the essential ones."""
    problems: list[Problem] = []
    for c in CHECKS:
        if c.run is not None and (c.essential or not essential_only):
            problems.extend(c.run(catalog))
    return problems

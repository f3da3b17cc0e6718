"""The index page: the vendors, the legend every page links to, the same failure across vendors
(MYOB reports a rate limit as 403 RateLimitError, Sage as 429), and every status by vendor."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable

from ..index.store import CatalogIndex
from ..legend import ACTOR, RETRY, TERMS
from ..query import ErrorGroup, group_entries
from ..render.markdown import Raw, table
from ..stats import vendor_counts
from .parts import GENERATED_NOTE, group_anchor, identity, link, messages, shorten, statuses


def _words(g: ErrorGroup) -> str:
    parts = [*g.codes, *g.names, *messages(g), *(e.scenario for e in g.entries)]
    return " ".join(parts).lower()


def _has(*patterns: str) -> Callable[[ErrorGroup], bool]:
    rx = re.compile("|".join(patterns))
    return lambda g: bool(rx.search(_words(g)))


def _named(*patterns: str) -> Callable[[ErrorGroup], bool]:
    """Whether the error's code or name says it (a message's words can mean anything)."""
    rx = re.compile("|".join(patterns))
    return lambda g: any(rx.search(re.sub(r"[^a-z]", "", x.lower())) for x in (*g.codes, *g.names))


def _status(*codes: int) -> Callable[[ErrorGroup], bool]:
    return lambda g: any(e.status in codes for e in g.entries)


_RATE = _has(r"rate ?limit", r"too many requests", r"throttl")
_EXPIRED = _has(r"token ?(has |was )?expired", r"expired ?token", r"tokenexpired")
# The same failure as each vendor reports it: (meaning, test). A group goes to the first meaning it fits.
MEANINGS: list[tuple[str, Callable[[ErrorGroup], bool]]] = [
    ("Rate limited or quota used up", lambda g: _RATE(g) or _status(429)(g)),
    ("Access token expired", _EXPIRED),
    ("Not authorised (credentials, key or token)", _status(401)),
    ("Forbidden (permission or access)", _status(403)),
    ("Not found", lambda g: _status(404)(g) or _named(r"notfound")(g)),
    ("Method not allowed", _status(405)),
    ("Conflict or stale version", lambda g: _status(409)(g) or _has(r"concurrency", r"rowversion", r"modified by another")(g)),
    ("Validation: the request or its data", _status(400, 406, 415, 422)),
    ("Vendor fault or outage", _status(500, 502, 503, 504)),
]
MAX_LISTED = 3  # errors named in a cell; more are counted and linked to the vendor's lookup table


def _cell(vendor: str, groups: list[ErrorGroup]) -> Raw:
    if not groups:
        return Raw("—")
    shown = groups[:MAX_LISTED]
    ids = [identity(g) for g in shown]

    def label(g: ErrorGroup) -> str:
        """Its code and name (never cut inside a word); the message too where two share them."""
        said = messages(g)
        if ids.count(identity(g)) > 1 and said:
            return shorten(f"{identity(g)}: {said[0]}", 56)
        name = identity(g)
        if len(name.split()) <= 3:
            return name
        bracketed = name.startswith("(") and name.endswith(")")  # a scenario, no text the vendor sends
        return f"({shorten(name[1:-1], 30)})" if bracketed else shorten(name, 32)

    named = [f"{statuses(g)} " + link(label(g), f"{vendor}.md#{group_anchor(g)}", narrow=True) for g in shown]
    if len(groups) > MAX_LISTED:
        named.append(link(f"and {len(groups) - MAX_LISTED} more", f"{vendor}.md#find-an-error"))
    retries = sorted({g.guide.retry for g in groups if g.guide})
    advice = "<br>retry: " + ", ".join(retries) if retries else ""  # plain words: they break at hyphens
    return Raw("<br>".join(named) + advice)


def index_page(catalog: CatalogIndex) -> str:
    """The index (deterministic: the same catalog gives the same bytes)."""
    vendors = sorted(catalog.vendors)
    out = [GENERATED_NOTE, "# errcat reference\n"]
    out.append(
        "Every error in the error documents of the vendors below, explained. Each vendor page opens with a table to find an "
        "error by the status, code, name or message you have.\n"
    )
    out.append(
        "**Contents:** [Vendors](#vendors) · [The same failure across vendors](#the-same-failure-across-vendors) · "
        "[By HTTP status](#by-http-status) · [Legend](#legend)\n"
    )
    vrows: list[list[object]] = []
    for vid in vendors:
        c = vendor_counts(catalog, vid)
        seen: object = Raw(link(str(c["observed"]), f"{vid}.md#observed-in-the-wild")) if c["observed"] else "—"
        vrows.append([Raw(link(catalog.vendors[vid].name, f"{vid}.md")), c["errors"], c["rows"], c["warnings"], seen])
    out.append(
        "## Vendors\n\n"
        + table(["Vendor", "Errors", "Documented rows", "Warning rows", "Observed in the wild"], vrows)
        + "\nObserved in the wild: errors not in the vendor's error document, seen in public reports; each vendor page"
        " lists them in a section of their own, with their sources.\n"
    )

    documented = [e for e in catalog.entries if not e.observed]
    groups = {v: group_entries(catalog, [e for e in documented if e.vendor == v]) for v in vendors}
    placed: dict[str, dict[str, list[ErrorGroup]]] = {label: defaultdict(list) for label, _ in MEANINGS}
    for v in vendors:
        for g in groups[v]:
            label = next((label for label, test in MEANINGS if test(g)), None)
            if label is not None:
                placed[label][v].append(g)
    names = [catalog.vendors[v].name.split()[0] for v in vendors]  # short column headings: "MYOB", "Sage"
    mrows: list[list[object]] = [[label, *(_cell(v, placed[label][v]) for v in vendors)] for label, _ in MEANINGS]
    out.append(
        "## The same failure across vendors\n\nEach vendor's status and code for a kind of failure, and what a retry "
        "policy may do: errcat's rating, not the vendor's (see the [legend](#legend)).\n\n" + table(["Failure", *names], mrows)
    )

    by_status: dict[int, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for e in documented:
        by_status[e.status][e.vendor].add(e.guide_id)
    srows: list[list[object]] = []
    for status in sorted(by_status):
        per = by_status[status]
        srows.append(
            [
                status,
                *(
                    Raw(link(f"{len(per[v])} error{'s' if len(per[v]) != 1 else ''}", f"{v}.md#find-an-error", narrow=True))
                    if per.get(v)
                    else "—"
                    for v in vendors
                ),
            ]
        )
    out.append(
        "## By HTTP status\n\nHow many distinct errors each vendor documents with each status.\n\n"
        + table(["Status", *names], srows)
    )

    out.append("## Legend\n")
    out.append(
        "### Retry\n\nWhat resending the same request can achieve: errcat's rating of each error from what the vendor's"
        " document or its cited sources say of it, not a field any vendor sends.\n\n"
        + table(["Value", "Meaning"], [[Raw(f"`{k}`"), v] for k, v in RETRY.items()])
    )
    who = "### Who acts\n\nWho must act before the request can succeed: errcat's rating too.\n\n"
    out.append(who + table(["Value", "Meaning"], [[k, v] for k, v in ACTOR.items()]))
    out.append("### Terms\n\n" + table(["Term", "Meaning"], [[k, v] for k, v in TERMS.items()]))
    return "\n".join(out)

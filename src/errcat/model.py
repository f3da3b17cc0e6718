"""The catalog's typed objects: immutable named tuples, no I/O.

Named tuples rather than frozen dataclasses: defining a frozen dataclass costs ~0.3 ms at import
(it compiles six generated methods), a named tuple ~0.05 ms, and every command imports these. No
``from __future__ import annotations`` here (nor in errors.py, catalog/core.py and the explainer's modules
that define named tuples): with it, typing compiles each field's annotation string when the class is made,
which doubled a named tuple's cost (lookup 6M, explain 30M instructions).
"""

from typing import Any, NamedTuple

Code = int | str | None


HTTP_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")  # every method a row or a paste may name


class Source(NamedTuple):
    """Where a record comes from: a vendor document and the line in it."""

    document: str
    section: str | None = None
    line: int | None = None
    body: int | None = None
    bodies: int | None = None
    status_text: str | None = None  # the status as the document prints it ("504 Timeout")


class Citation(NamedTuple):
    """A public page where an observed (undocumented) error was seen: an issue thread, an SDK's
    test fixture or code, a vendor help page."""

    url: str
    kind: str  # issue | sdk-fixture | sdk-code | vendor-page | help-page
    date: str | None = None  # when it was posted or recorded, as precise as the page says
    note: str | None = None  # what the page shows (who answered, what it confirms)
    by: str | None = None  # vendor-staff | maintainer: who answers in the thread, where a claim relies on it
    status: int | None = None  # the HTTP status the page shows with the error; None when it shows none


DOCUMENTED = "documented"  # from the vendor's own documents (../shared/sources/)
OBSERVED = "observed"  # seen in public reports; never the vendor's word
ESTABLISHED = ("vendor-confirmed", "several-reports", "one-report")  # how well an observed error is known


INFERENCE = "inference"  # a claim that is errcat's own reading, not what a source says


class Basis(NamedTuple):
    """Where each claim of an observed guide comes from: a source URL of its entries, or INFERENCE."""

    summary: str
    causes: tuple[str, ...]
    fix: str


class Guide(NamedTuple):
    """Our explanation of one distinct error, shared by every row that documents it."""

    id: str
    vendor: str
    summary: str
    causes: tuple[str, ...]
    fix: str
    retry: str
    actor: str
    see_also: tuple[str, ...] = ()
    established: str | None = None  # observed errors only: one of ESTABLISHED
    basis: Basis | None = None  # observed errors only: the source of each claim
    by: str | None = None  # the catalog file of a layer over the built-in one that wrote it (its words, not errcat's)


class Template(NamedTuple):
    """A documented message turned into a pattern with named slots (see templates.py)."""

    vendor: str
    message: str
    template: str
    slots: tuple[tuple[str, str], ...]


class Entry(NamedTuple):
    """One documented error: one response body (or status row) at one endpoint and scenario."""

    id: str
    vendor: str
    endpoint: str | None
    methods: tuple[str, ...]
    scenario: str
    status: int
    code: Code
    name: str | None
    message: str | None
    severity: str | None
    guide_id: str
    source: Source
    details: str | None = None
    vendor_severity: str | None = None
    learn_more: str | None = None
    resource: str | None = None
    action: str | None = None
    inferred: bool = False
    kind: str = "body"
    quirks: tuple[str, ...] = ()
    template: str | None = None
    origin: str = ""  # the catalog file this entry was loaded from
    provenance: str = DOCUMENTED  # or OBSERVED: seen in public reports, not in the vendor's documents
    sources: tuple[Citation, ...] = ()  # observed entries: where they were seen
    sample: str | None = None  # observed entries: the error as one source shows it, verbatim

    @property
    def observed(self) -> bool:
        return self.provenance == OBSERVED

    @property
    def error_key(self) -> tuple[str, str]:
        """What groups rows into one distinct error: vendor and guide."""
        return (self.vendor, self.guide_id)


_SOURCE_WORDS = {
    "vendor-page": "{vendor}'s own page",
    "issue": "a public report",
    "sdk-fixture": "a response recorded in an SDK's tests",
    "sdk-test": "a hand-written SDK test",
    "sdk-code": "code that handles it",
    "help-page": "a third party's help page",
}
_BY_WORDS = {"vendor-staff": "{vendor} staff in the thread", "maintainer": "the SDK's maintainer in the thread"}


def basis_words(ref: str, sources: tuple[Citation, ...], vendor: str) -> str:
    """Who makes a claim, in words a reader can weigh: errcat's inference, or which source says so."""
    if ref == INFERENCE:
        return "errcat's inference"
    cited = next((c for c in sources if c.url == ref), None)
    if cited is None:  # cited by another row of the same error
        return f"another report of this error: {ref.removeprefix('https://')}"
    who = _BY_WORDS.get(cited.by or "") or _SOURCE_WORDS.get(cited.kind, "a public source")
    short = vendor.split()[0] if vendor.strip() else vendor  # "Sage Business Cloud Accounting API" -> "Sage"
    return f"{who.format(vendor=short)}: {ref.removeprefix('https://')}"


class Fact(NamedTuple):
    """A vendor fact (host, header, base URL) with where it comes from."""

    value: str
    source: str
    description: str | None = None
    pattern: str | None = None


class Parameter(NamedTuple):
    name: str
    type: str
    description: str = ""
    default: str | None = None
    values: tuple[str, ...] = ()
    example: str | None = None


class Endpoint(NamedTuple):
    path: str
    methods: tuple[str, ...]
    resource: str | None = None
    description: str | None = None
    parameters: tuple[Parameter, ...] = ()
    quirks: tuple[str, ...] = ()  # where the document's example or path for it disagrees with the rest


class StatusMeaning(NamedTuple):
    status: int
    text: str
    description: str | None = None


class Envelope(NamedTuple):
    name: str
    example: str
    source: str | None = None


class Vendor(NamedTuple):
    """What the catalog knows about one vendor's API as a whole."""

    id: str
    name: str
    products: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    hosts: tuple[Fact, ...] = ()
    base_urls: tuple[Fact, ...] = ()
    auth: tuple[Fact, ...] = ()
    headers: tuple[Fact, ...] = ()
    path_prefixes: tuple[Fact, ...] = ()
    mentions: tuple[Fact, ...] = ()  # names in a paste that point at this API (pattern: a regex)
    other_products: tuple[Fact, ...] = ()  # the vendor's other products: never this API's errors
    brands: tuple[Fact, ...] = ()  # the brand its other products share: weak evidence alone
    envelopes: tuple[Envelope, ...] = ()
    statuses: tuple[StatusMeaning, ...] = ()
    endpoints: tuple[Endpoint, ...] = ()
    limits: tuple[Fact, ...] = ()  # what the vendor says of rate limits and quotas
    unlisted: tuple[Fact, ...] = ()  # names people look up that the catalog does not hold, and why


def _facts(items: Any) -> tuple[Fact, ...]:
    return tuple(Fact(i["value"], i["source"], i.get("description"), i.get("pattern")) for i in items or ())


def vendor_from_dict(v: dict[str, Any]) -> Vendor:
    """A Vendor from its catalog mapping (or from ``as_plain`` of one)."""
    return Vendor(
        id=v["id"],
        name=v.get("name") or v["id"],
        products=tuple(v.get("products", ())),
        documents=tuple(v.get("documents", ())),
        hosts=_facts(v.get("hosts")),
        base_urls=_facts(v.get("base_urls")),
        auth=_facts(v.get("auth")),
        headers=_facts(v.get("headers")),
        path_prefixes=_facts(v.get("path_prefixes")),
        mentions=_facts(v.get("mentions")),
        other_products=_facts(v.get("other_products")),
        brands=_facts(v.get("brands")),
        envelopes=tuple(Envelope(e["name"], e["example"], e.get("source")) for e in v.get("envelopes", ())),
        statuses=tuple(StatusMeaning(s["status"], s["text"], s.get("description")) for s in v.get("statuses", ())),
        endpoints=tuple(
            Endpoint(
                path=e["path"],
                methods=tuple(e["methods"]),
                resource=e.get("resource"),
                description=e.get("description"),
                parameters=tuple(
                    Parameter(
                        p["name"],
                        p["type"],
                        p.get("description", ""),
                        p.get("default"),
                        tuple(p.get("values", ())),
                        p.get("example"),
                    )
                    for p in e.get("parameters", ())
                ),
                quirks=tuple(e.get("quirks", ())),
            )
            for e in v.get("endpoints", ())
        ),
        limits=_facts(v.get("limits")),
        unlisted=_facts(v.get("unlisted")),
    )


def as_plain(value: Any) -> Any:
    """A record as nested dicts and lists (JSON-ready), like ``dataclasses.asdict``."""
    if isinstance(value, tuple):
        if hasattr(value, "_fields"):
            return {k: as_plain(v) for k, v in zip(value._fields, value, strict=True)}
        return [as_plain(v) for v in value]
    return value

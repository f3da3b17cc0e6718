"""The catalog's typed objects: plain frozen dataclasses, no I/O."""

from __future__ import annotations

from dataclasses import dataclass, field

Code = int | str | None


@dataclass(frozen=True)
class Source:
    """Where a record comes from: a vendor document and the line in it."""

    document: str
    section: str | None = None
    line: int | None = None
    body: int | None = None
    bodies: int | None = None


@dataclass(frozen=True)
class Guide:
    """Our explanation of one distinct error, shared by every row that documents it."""

    id: str
    vendor: str
    summary: str
    causes: tuple[str, ...]
    fix: str
    retry: str
    actor: str
    see_also: tuple[str, ...] = ()


@dataclass(frozen=True)
class Template:
    """A documented message turned into a pattern with named slots (see templates.py)."""

    vendor: str
    message: str
    template: str
    slots: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Entry:
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

    @property
    def error_key(self) -> tuple[str, str]:
        """What groups rows into one distinct error: vendor and guide."""
        return (self.vendor, self.guide_id)


@dataclass(frozen=True)
class Fact:
    """A vendor fact (host, header, base URL) with where it comes from."""

    value: str
    source: str
    description: str | None = None
    pattern: str | None = None


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str
    description: str = ""
    default: str | None = None
    values: tuple[str, ...] = ()
    example: str | None = None


@dataclass(frozen=True)
class Endpoint:
    path: str
    methods: tuple[str, ...]
    resource: str | None = None
    description: str | None = None
    parameters: tuple[Parameter, ...] = ()


@dataclass(frozen=True)
class StatusMeaning:
    status: int
    text: str
    description: str | None = None


@dataclass(frozen=True)
class Envelope:
    name: str
    example: str
    source: str | None = None


@dataclass(frozen=True)
class Vendor:
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
    envelopes: tuple[Envelope, ...] = ()
    statuses: tuple[StatusMeaning, ...] = ()
    endpoints: tuple[Endpoint, ...] = field(default=())

"""Catalog records <-> compact JSON for the compiled index: positional lists, no field names.

Explicit field lists instead of a generic conversion keep encoding fast at build time (100k
entries) and decoding cheap for the handful of rows a query reads. A CRC of each encoded row is
stored beside it so a damaged cache file is noticed instead of trusted.
"""

from __future__ import annotations

import json
import zlib
from typing import Any

from ..errors import EXIT_INVALID_CATALOG, ErrcatError
from ..model import Basis, Citation, Entry, Guide, Source, Template, Vendor, as_plain, vendor_from_dict

FORMAT = 6  # bump when the tables or the row encoding change: old cache files are then rebuilt


class CorruptIndex(ErrcatError):
    """A cache row does not decode or fails its checksum: the file must be rebuilt, not trusted.

    The cache rebuilds on its own; should one escape anyway, the user is told what to run."""

    exit_code = EXIT_INVALID_CATALOG

    def __str__(self) -> str:
        detail = super().__str__()
        return "the compiled catalog index is damaged" + (f" ({detail})" if detail else "") + "; run `errcat cache clear`"


def crc(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def dumps(value: Any) -> str:
    return _ENCODER.encode(value)


def checked(text: str, expected: int) -> Any:
    """The decoded JSON of a row whose stored CRC must match."""
    if crc(text) != expected:
        raise CorruptIndex("checksum mismatch")
    return json.loads(text)


def encode_entry(e: Entry) -> str:
    s = e.source
    return dumps(
        [
            e.id,
            e.vendor,
            e.endpoint,
            list(e.methods),
            e.scenario,
            e.status,
            e.code,
            e.name,
            e.message,
            e.severity,
            e.guide_id,
            [s.document, s.section, s.line, s.body, s.bodies, s.status_text],
            e.details,
            e.vendor_severity,
            e.learn_more,
            e.resource,
            e.action,
            e.inferred,
            e.kind,
            list(e.quirks),
            e.template,
            e.origin,
            e.provenance,
            [list(c) for c in e.sources],
            e.sample,
        ]
    )


def decode_entry(row: list[Any]) -> Entry:
    try:
        (eid, vendor, endpoint, methods, scenario, status, code, name, message, severity, guide, source, *rest) = row
        details, vendor_severity, learn_more, resource, action, inferred, kind, quirks, template, origin, *seen = rest
        provenance, sources, sample = seen
        return Entry(
            eid,
            vendor,
            endpoint,
            tuple(methods),
            scenario,
            status,
            code,
            name,
            message,
            severity,
            guide,
            Source(*source),
            details,
            vendor_severity,
            learn_more,
            resource,
            action,
            inferred,
            kind,
            tuple(quirks),
            template,
            origin,
            provenance,
            tuple(Citation(*c) for c in sources),
            sample,
        )
    except (TypeError, ValueError) as exc:
        raise CorruptIndex(f"bad entry row: {exc}") from exc


def encode_guide(g: Guide) -> str:
    basis = [g.basis.summary, list(g.basis.causes), g.basis.fix] if g.basis else None
    see_also = list(g.see_also)
    return dumps([g.id, g.vendor, g.summary, list(g.causes), g.fix, g.retry, g.actor, see_also, g.established, basis, g.by])


def decode_guide(row: list[Any]) -> Guide:
    try:
        gid, vendor, summary, causes, fix, retry, actor, see_also, established, basis, by = row
        claims = Basis(basis[0], tuple(basis[1]), basis[2]) if basis else None
        return Guide(gid, vendor, summary, tuple(causes), fix, retry, actor, tuple(see_also), established, claims, by)
    except (TypeError, ValueError) as exc:
        raise CorruptIndex(f"bad guide row: {exc}") from exc


def encode_template(t: Template) -> str:
    return dumps([t.vendor, t.message, t.template, [list(s) for s in t.slots]])


def decode_template(row: list[Any]) -> Template:
    try:
        vendor, message, template, slots = row
        return Template(vendor, message, template, tuple((k, v) for k, v in slots))
    except (TypeError, ValueError) as exc:
        raise CorruptIndex(f"bad template row: {exc}") from exc


def encode_vendor(v: Vendor) -> str:
    return dumps(as_plain(v))


def decode_vendor(data: dict[str, Any]) -> Vendor:
    try:
        return vendor_from_dict(data)
    except (TypeError, KeyError, AttributeError) as exc:
        raise CorruptIndex(f"bad vendor row: {exc}") from exc

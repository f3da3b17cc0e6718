"""``explain --stub``: a schema-valid catalog file for the errors a paste holds but the catalog lacks.

The stub is built from the redacted paste, so it never carries a secret. Our explanation is left
as TODO text for the user to write; everything observed is filled in verbatim.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..catalog.core import Catalog
from .match import CLAIMED, ErrorMatch

if TYPE_CHECKING:
    from ..index.store import CatalogIndex
    from . import Explanation

STUB_SOURCE = "observed in a pasted response (errcat explain --stub)"


def _slug(text: str, limit: int = 48) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower())
    slug = "-".join(words)[:limit].strip("-")
    return slug or "error"


def vendor_id_for(catalog: Catalog | CatalogIndex, vendor: str | None, host: str | None) -> str:
    """The catalog's vendor when known, else one named after the request host."""
    if vendor:
        return vendor
    if host:
        labels = [p for p in host.lower().split(".")[:-1] if p not in ("api", "www", "app", "com", "net", "org", "co")]
        if labels and re.fullmatch(r"[a-z][a-z0-9-]*", labels[-1]):
            return labels[-1]
    return "my-service"


def stub_document(catalog: Catalog | CatalogIndex, x: Explanation) -> dict[str, Any] | None:
    """The catalog file (as plain data) adding each unmatched error of an explanation, or None."""
    ex = x.exchange
    unmatched: list[ErrorMatch] = []
    for m in x.errors:
        # a status-only match still leaves the body itself undocumented
        undocumented = m.kind not in CLAIMED or (m.kind == "status" and (m.observed.message or m.observed.code))
        if undocumented and m.observed not in [u.observed for u in unmatched]:
            unmatched.append(m)
    if not unmatched:
        return None
    vid = vendor_id_for(catalog, x.vendor, ex.host)
    vendor: dict[str, Any] = {"id": vid}
    if vid not in catalog.vendors:
        vendor["name"] = ex.host or vid
        if ex.host:
            vendor["hosts"] = [{"value": ex.host, "source": STUB_SOURCE}]
    entries: list[dict[str, Any]] = []
    guides: dict[str, Any] = {}
    known = catalog.vendors.get(vid)
    taken: set[str] = set()
    for m in unmatched:
        obs = m.observed
        base = f"{vid}.observed.{_slug(obs.message or obs.name or obs.code or str(obs.status or ex.status or 'error'))}"
        eid, n = base, 2
        while eid in taken or eid in catalog.by_id or eid in catalog.guides:
            eid, n = f"{base}-{n}", n + 1
        taken.add(eid)
        where = " ".join(p for p in (ex.method, ex.path) if p)
        documented = next((ep.methods for ep in known.endpoints if ep.path == x.endpoint), ()) if known else ()
        methods = [ex.method] if ex.method and (not x.endpoint or ex.method in documented) else []
        code: int | str | None = int(obs.code) if obs.code and obs.code.isdigit() else obs.code
        entries.append(
            {
                "id": eid,
                "vendor": vid,
                "endpoint": x.endpoint,
                "methods": methods,
                "scenario": f"Observed in a response to {where}" if where else "Observed in a pasted response",
                "status": obs.status or ex.status or 400,
                "code": code,
                "name": obs.name,
                "message": obs.message,
                "severity": "warning" if (obs.severity or "").lower() == "warning" else "error",
                "vendor_severity": obs.severity,
                "details": obs.details,
                "guide": eid,
                "source": {
                    "document": STUB_SOURCE,
                    **({"note": "status not in the paste; 400 assumed"} if not (obs.status or ex.status) else {}),
                },
            }
        )
        guides[eid] = {
            "summary": "TODO: what this error means, in one sentence.",
            "causes": ["TODO: what makes the API return it."],
            "fix": "TODO: how to fix the request or the data.",
            "retry": "after-fix",
            "actor": "integrator",
        }
    return {"errcat": 1, "vendor": vendor, "guides": guides, "entries": entries}


def stub_yaml(catalog: Catalog | CatalogIndex, x: Explanation) -> str | None:
    """The stub as YAML text, ready to save as a user catalog file (``--catalog``)."""
    import yaml

    doc = stub_document(catalog, x)
    if doc is None:
        return None
    head = "# Written by `errcat explain --stub`: fill in the TODO explanation, then pass this file with --catalog.\n"
    return head + yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=120)

"""``explain --stub``: a schema-valid catalog file for the errors a paste holds but the catalog lacks.

The stub is built from the redacted paste, so it never carries a secret. Our explanation is left
as TODO text for the user to write; everything observed is filled in verbatim.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..values import to_int
from .match import CLAIMED, ErrorMatch

if TYPE_CHECKING:
    from ..index.store import CatalogIndex
    from . import Explanation

STUB_SOURCE = "observed in a pasted response (errcat explain --stub)"


def _slug(text: str, limit: int = 48) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower())
    slug = "-".join(words)[:limit].strip("-")
    return slug or "error"


# Values that vary between two occurrences of one error: each becomes a template slot.
_VARIABLE = re.compile(
    r"(?P<uid>\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b)"
    r"|(?P<email>\b[\w.+-]{1,64}@[\w-]{1,253}\.[\w.-]{1,253}\b)"
    r"|(?P<quoted>'[^'\n]{1,60}'|\"[^\"\n]{1,60}\")"
    r"|(?P<number>(?<![\w.])\d[\d.,/-]*\d(?![\w]))"
)


def template_for(message: str) -> tuple[str, dict[str, str]] | None:
    """The message with its varying values (ids, e-mails, quoted values, numbers of 2+ digits) as
    slots, so the next occurrence with other values matches too; None when nothing varies."""
    if "{" in message or "}" in message:
        return None  # braces would read as slots
    slots: dict[str, str] = {}

    def slot(m: re.Match[str]) -> str:
        kind = m.lastgroup or "value"
        n = sum(1 for k in slots if k.rstrip("0123456789") == kind) + 1
        name = kind if n == 1 else f"{kind}{n}"
        slots[name] = m.group(0)  # a quoted value keeps its quotes: a message's closing quote may be trimmed
        return f"{{{name}}}"

    template = _VARIABLE.sub(slot, message)
    return (template, slots) if slots else None


def already_there(x: Explanation) -> list[tuple[str, str]]:
    """Errors the catalog holds word for word but did not claim because nothing in the paste names
    their vendor: (entry id, vendor) each. A stub would only add a duplicate."""
    out = []
    for m in x.errors:
        if m.kind in CLAIMED or not m.candidates:
            continue
        e, obs = m.candidates[0].entry, m.observed
        same_text = obs.message is not None and e.message == obs.message
        same_code = obs.code is not None and e.code is not None and str(e.code) == obs.code
        if same_text or (same_code and (obs.message is None or e.message is None)):
            out.append((e.id, e.vendor))
    return out


def vendor_id_for(catalog: CatalogIndex, vendor: str | None, host: str | None) -> str:
    """The catalog's vendor when known, else one named after the request host."""
    if vendor:
        return vendor
    if host:
        labels = [p for p in host.lower().split(".")[:-1] if p not in ("api", "www", "app", "com", "net", "org", "co")]
        if labels and re.fullmatch(r"[a-z][a-z0-9-]*", labels[-1]):
            return labels[-1]
    return "my-service"


def stub_document(catalog: CatalogIndex, x: Explanation) -> dict[str, Any] | None:
    """The catalog file (as plain data) adding each unmatched error of an explanation, or None."""
    ex = x.exchange
    unmatched: list[ErrorMatch] = []
    held = {eid for eid, _ in already_there(x)}  # in the catalog word for word, only unclaimed
    for m in x.errors:
        # a status-only match still leaves the body itself undocumented
        undocumented = m.kind not in CLAIMED or (m.kind == "status" and (m.observed.message or m.observed.code))
        present = bool(m.candidates) and m.candidates[0].entry.id in held
        if undocumented and not present and m.observed not in [u.observed for u in unmatched]:
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
    templates: list[dict[str, Any]] = []
    known = catalog.vendors.get(vid)
    taken: set[str] = set()
    for m in unmatched:
        obs = m.observed
        shape = template_for(obs.message) if obs.message else None
        said = shape[0] if shape else obs.message  # the message without its varying values
        named = obs.code or obs.name  # a code or name identifies the error better than its words
        base = (
            f"{vid}.observed.{_slug(named or re.sub(r'[{][^}]*[}]', ' ', said or '') or str(obs.status or ex.status or 'error'))}"
        )
        eid, n = base, 2
        while eid in taken or eid in catalog.by_id or eid in catalog.guides:
            eid, n = f"{base}-{n}", n + 1
        taken.add(eid)
        where = " ".join(p for p in (ex.method, ex.path) if p)
        documented = next((ep.methods for ep in known.endpoints if ep.path == x.endpoint), ()) if known else ()
        methods = [ex.method] if ex.method and (not x.endpoint or ex.method in documented) else []
        number = to_int(obs.code) if obs.code and obs.code.isascii() and obs.code.isdigit() else None
        code: int | str | None = obs.code if number is None else number
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
        if shape is not None and obs.message is not None and all((vid, t["message"]) != (vid, obs.message) for t in templates):
            templates.append({"message": obs.message, "template": shape[0], "slots": shape[1]})
        guides[eid] = {
            "summary": "TODO: what this error means, in one sentence.",
            "causes": ["TODO: what makes the API return it."],
            "fix": "TODO: how to fix the request or the data.",
            "retry": "after-fix",
            "actor": "integrator",
        }
    doc: dict[str, Any] = {"errcat": 1, "vendor": vendor, "guides": guides, "entries": entries}
    if templates:
        doc["templates"] = templates
    return doc


def stub_yaml(catalog: CatalogIndex, x: Explanation) -> str | None:
    """The stub as YAML text, ready to save as a user catalog file (``--catalog``)."""
    import yaml

    doc = stub_document(catalog, x)
    if doc is None:
        return None
    head = "# Written by `errcat explain --stub`: fill in the TODO explanation, then pass this file with --catalog.\n"
    vid = doc["vendor"]["id"]
    if x.vendor is None:  # nothing in the paste names the service: errcat will not claim its errors unasked
        head += f"# Nothing in the paste names this service: explain its errors with --vendor {vid}"
        head += " (or add its host under vendor.hosts).\n"
    if "templates" in doc:
        head += "# Values that vary (numbers, ids, quoted values) are template slots: check each one.\n"
    return head + yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=120)

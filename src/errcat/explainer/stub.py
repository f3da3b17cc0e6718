"""``explain --stub``: a schema-valid catalog file for the errors a paste holds but the catalog lacks.

The stub is built from the redacted paste, so it never carries a secret. Our explanation is left
as TODO text for the user to write; everything the paste sent is filled in verbatim.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..text import EMAIL
from ..values import to_int
from .match import CLAIMED, ErrorMatch, MatchKind

if TYPE_CHECKING:
    from ..index.store import CatalogIndex
    from . import Explanation
    from .envelopes import SentError

STUB_SOURCE = "observed in a pasted response (errcat explain --stub)"


def _slug(text: str, limit: int = 48) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower())
    slug = "-".join(words)[:limit].strip("-")
    return slug or "error"


# Values that vary between two occurrences of one error: each becomes a template slot.
_VARIABLE = re.compile(
    r"(?P<uid>\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b)"
    rf"|(?P<email>{EMAIL})"
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
        e, sent = m.candidates[0].entry, m.sent
        same_text = sent.message is not None and e.message == sent.message
        same_code = sent.code is not None and e.code is not None and str(e.code) == sent.code
        if same_text or (same_code and (sent.message is None or e.message is None)):
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
    unmatched = _undocumented(x)
    if not unmatched:
        return None
    ex = x.exchange
    vid = vendor_id_for(catalog, x.vendor, ex.host)
    known = catalog.vendors.get(vid)
    vendor: dict[str, Any] = {"id": vid}
    if known is None:
        vendor["name"] = ex.host or vid
        if ex.host:
            vendor["hosts"] = [{"value": ex.host, "source": STUB_SOURCE}]
    documented = next((ep.methods for ep in known.endpoints if ep.path == x.endpoint), ()) if known else ()
    methods = [ex.method] if ex.method and (not x.endpoint or ex.method in documented) else []
    entries: list[dict[str, Any]] = []
    templates: list[dict[str, Any]] = []
    taken: set[str] = set()
    for m in unmatched:
        sent = m.sent
        shape = template_for(sent.message) if sent.message else None
        eid = _new_id(catalog, vid, _id_words(sent, shape, ex.status), taken)
        taken.add(eid)
        entries.append(_stub_entry(x, eid, vid, methods, sent))
        if shape is not None and sent.message is not None and all(t["message"] != sent.message for t in templates):
            templates.append({"message": sent.message, "template": shape[0], "slots": shape[1]})
    guides = {e["id"]: _todo_guide() for e in entries}
    doc: dict[str, Any] = {"errcat": 1, "vendor": vendor, "guides": guides, "entries": entries}
    if templates:
        doc["templates"] = templates
    return doc


def _todo_guide() -> dict[str, Any]:
    """Our explanation of a new entry, left for the user to write (a new object each: YAML would
    write a shared list once, with an anchor)."""
    return {
        "summary": "TODO: what this error means, in one sentence.",
        "causes": ["TODO: what makes the API return it."],
        "fix": "TODO: how to fix the request or the data.",
        "retry": "after-fix",
        "actor": "integrator",
    }


def _undocumented(x: Explanation) -> list[ErrorMatch]:
    """The errors a stub adds, once each: those the catalog does not document (a status-only match
    still leaves the body itself undocumented), unless the catalog holds them word for word."""
    held = {eid for eid, _ in already_there(x)}  # in the catalog word for word, only unclaimed
    out: list[ErrorMatch] = []
    for m in x.errors:
        undocumented = m.kind not in CLAIMED or (m.kind is MatchKind.STATUS and (m.sent.message or m.sent.code))
        present = bool(m.candidates) and m.candidates[0].entry.id in held
        if undocumented and not present and m.sent not in [u.sent for u in out]:
            out.append(m)
    return out


def _id_words(sent: SentError, shape: tuple[str, dict[str, str]] | None, status: int | None) -> str:
    """What a new entry's id is made of: its code or name (they identify an error better than its
    words), else its message without the values that vary, else its status."""
    said = shape[0] if shape else sent.message
    return sent.code or sent.name or re.sub(r"[{][^}]*[}]", " ", said or "") or str(sent.status or status or "error")


def _new_id(catalog: CatalogIndex, vid: str, words: str, taken: set[str]) -> str:
    """``<vendor>.observed.<slug>``, numbered when the catalog or this stub already has it."""
    base = f"{vid}.observed.{_slug(words)}"
    eid, n = base, 2
    while eid in taken or eid in catalog.by_id or eid in catalog.guides:
        eid, n = f"{base}-{n}", n + 1
    return eid


def _stub_entry(x: Explanation, eid: str, vid: str, methods: list[str], sent: SentError) -> dict[str, Any]:
    """One catalog entry for an error the catalog lacks, every field as the paste shows it."""
    ex = x.exchange
    where = " ".join(p for p in (ex.method, ex.path) if p)
    number = to_int(sent.code) if sent.code and sent.code.isascii() and sent.code.isdigit() else None
    code: int | str | None = sent.code if number is None else number
    return {
        "id": eid,
        "vendor": vid,
        "endpoint": x.endpoint,
        "methods": list(methods),  # a list of its own: YAML writes a shared one once, with an anchor
        "scenario": f"Observed in a response to {where}" if where else "Observed in a pasted response",
        "status": sent.status or ex.status or 400,
        "code": code,
        "name": sent.name,
        "message": sent.message,
        "severity": "warning" if (sent.severity or "").lower() == "warning" else "error",
        "vendor_severity": sent.severity,
        "details": sent.details,
        "guide": eid,
        "source": {
            "document": STUB_SOURCE,
            **({"note": "status not in the paste; 400 assumed"} if not (sent.status or ex.status) else {}),
        },
    }


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

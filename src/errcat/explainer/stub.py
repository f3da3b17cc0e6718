"""``explain --stub``: a schema-valid catalog file for the errors a paste holds but the catalog lacks.

The stub is built from the redacted paste, so it never carries a secret. Our explanation is left
as TODO text for the user to write; everything the paste sent is filled in verbatim.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, NamedTuple

from ..errors import UsageError
from ..text import EMAIL
from ..values import to_int
from .evidence import decide
from .match import CLAIMED, ErrorMatch, MatchKind

if TYPE_CHECKING:
    from ..index.store import CatalogIndex
    from ..model import Vendor
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


class Stubbed(NamedTuple):
    """What a stub holds: one vendor's undocumented errors, each with its own exchange's explanation."""

    vendor: str  # the stub's vendor id
    errors: list[tuple[ErrorMatch, Explanation]]
    unnamed: bool  # nothing in the paste names the service: errcat will not claim its errors unasked
    left_out: dict[str, int]  # errors of other vendors' exchanges, by vendor (--vendor named one)


def own_vendor(part: Explanation) -> str | None:
    """The catalogued vendor an exchange's own evidence names, whatever --vendor says; None when it names none."""
    if part.vendor_source != "override":
        return part.vendor
    return decide([c for c in part.clues if c.kind != "override"])


def stubbed(catalog: CatalogIndex, x: Explanation) -> Stubbed | None:
    """The errors a stub adds and their vendor, or None when there are none. Each error goes under the vendor
    its own exchange names (a recording may hold several): with --vendor, that vendor's errors and those of
    exchanges that name none; else those of the one vendor found, several being a UsageError (a catalog file
    holds one vendor)."""
    told = x.vendor if x.vendor_source == "override" else None
    groups: dict[str, list[tuple[ErrorMatch, Explanation]]] = {}
    for m in _undocumented(x):
        part = x.part_of(m)
        own = own_vendor(part)
        key = (own or told) if told else (own or vendor_id_for(catalog, None, part.exchange.host))
        groups.setdefault(str(key), []).append((m, part))
    if not groups:
        return None
    left_out = {v: len(errors) for v, errors in groups.items() if told and v != told}
    if told and told not in groups:
        raise UsageError(
            f"--stub --vendor {told}: the errors the catalog lacks came from {_listed(left_out)}'s exchanges, not {told}'s "
            "(a stub files an error under the vendor its own exchange names)"
        )
    if not told and len(groups) > 1:
        raise UsageError(
            f"--stub: the paste holds errors the catalog lacks from several services ({', '.join(sorted(groups))}), and a "
            "catalog file holds one: pass --vendor NAME to stub one catalogued vendor's errors, or explain each service's "
            "exchanges apart"
        )
    vid = told or next(iter(groups))
    errors = groups[vid]
    return Stubbed(vid, errors, any(part.vendor is None for _, part in errors), left_out)


def _listed(counts: dict[str, int]) -> str:
    return " and ".join(sorted(counts))


def stub_document(catalog: CatalogIndex, x: Explanation) -> dict[str, Any] | None:
    """The catalog file (as plain data) adding each unmatched error of an explanation, or None."""
    found = stubbed(catalog, x)
    if found is None:
        return None
    vid = found.vendor
    known = catalog.vendors.get(vid)
    vendor: dict[str, Any] = {"id": vid}
    hosts = list(dict.fromkeys(part.exchange.host for _, part in found.errors if part.exchange.host))
    if known is None:
        vendor["name"] = hosts[0] if hosts else vid
        if hosts:
            vendor["hosts"] = [{"value": h, "source": STUB_SOURCE} for h in hosts]
    entries: list[dict[str, Any]] = []
    templates: list[dict[str, Any]] = []
    taken: set[str] = set()
    for m, part in found.errors:
        sent = m.sent
        shape = template_for(sent.message) if sent.message else None
        eid = _new_id(catalog, vid, _id_words(sent, shape, part.exchange.status), taken)
        taken.add(eid)
        entries.append(_stub_entry(part, eid, vid, _methods(known, part, vid), sent))
        if shape is not None and sent.message is not None and all(t["message"] != sent.message for t in templates):
            templates.append({"message": sent.message, "template": shape[0], "slots": shape[1]})
    guides = {e["id"]: _todo_guide() for e in entries}
    doc: dict[str, Any] = {"errcat": 1, "vendor": vendor, "guides": guides, "entries": entries}
    if templates:
        doc["templates"] = templates
    return doc


def _endpoint(part: Explanation, vid: str) -> str | None:
    """The documented endpoint of the error's own request, when it is the stub vendor's."""
    return part.endpoint if part.vendor == vid else None


def _methods(known: Vendor | None, part: Explanation, vid: str) -> list[str]:
    """The error's own request method, unless its endpoint is documented without it."""
    method, endpoint = part.exchange.method, _endpoint(part, vid)
    documented = next((ep.methods for ep in known.endpoints if ep.path == endpoint), ()) if known else ()
    return [method] if method and (not endpoint or method in documented) else []


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


def _stub_entry(part: Explanation, eid: str, vid: str, methods: list[str], sent: SentError) -> dict[str, Any]:
    """One catalog entry for an error the catalog lacks, every field as its own exchange shows it."""
    ex = part.exchange
    where = " ".join(p for p in (ex.method, ex.path) if p)
    number = to_int(sent.code) if sent.code and sent.code.isascii() and sent.code.isdigit() else None
    code: int | str | None = sent.code if number is None else number
    return {
        "id": eid,
        "vendor": vid,
        "endpoint": _endpoint(part, vid),
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
    found = stubbed(catalog, x)
    if doc is None or found is None:
        return None
    head = "# Written by `errcat explain --stub`: fill in the TODO explanation, then pass this file with --catalog.\n"
    vid = doc["vendor"]["id"]
    if found.unnamed:  # nothing in the paste names the service: errcat will not claim its errors unasked
        head += f"# Nothing in the paste names this service: explain its errors with --vendor {vid}"
        head += " (or add its host under vendor.hosts).\n"
    for other, n in sorted(found.left_out.items()):
        head += f"# Left out: {n} error(s) of exchanges that name {other} (a catalog file holds one vendor): explain them"
        head += f" with --vendor {other}.\n"
    if "templates" in doc:
        head += "# Values that vary (numbers, ids, quoted values) are template slots: check each one.\n"
    return head + yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=120)

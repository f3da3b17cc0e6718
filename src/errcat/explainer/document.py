"""An explanation as the versioned JSON document ``errcat explain --format json`` prints (and
``Explanation.as_dict()`` returns): kept beside the explanation so both can never disagree."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..documents import entry_fields, envelope, guide_record
from ..values import resend_may_repeat

if TYPE_CHECKING:
    from ..model import Entry
    from . import Explanation
    from .match import Candidate, ErrorMatch


_CANDIDATE_FIELDS = ("id", "vendor", "endpoint", "methods", "status", "code", "name", "message", "severity")
_SCENARIO_FIELDS = ("id", "endpoint", "methods", "scenario")
_SOURCE_FIELDS = ("provenance", "sources", "quirks")


def _fields(entry: Entry, keys: tuple[str, ...]) -> dict[str, Any]:
    """Some of an entry's fields, serialised as every document serialises them (records.entry_fields)."""
    fields = entry_fields(entry)
    return {k: fields[k] for k in keys}


def candidate_record(c: Candidate) -> dict[str, Any]:
    """A candidate: the entry's identifying fields, its score and match kind, and its provenance."""
    return {
        **_fields(c.entry, _CANDIDATE_FIELDS),
        "score": c.score,
        "match": c.kind,
        "text_match": c.via,
        "provenance": c.entry.provenance,
    }


_RESENT_AS_IT_IS = frozenset({"backoff", "wait-for-reset"})


def _retry_by_status(
    said: tuple[int, str | None] | None,
    spent: str | None,
    method: str | None,
    expired: str | None = None,
    throttled: str | None = None,
    csrf: str | None = None,
) -> dict[str, Any] | None:
    """An uncatalogued error's status and whether it suggests a resend (Explanation.status_retry); with the error's
    words that overrule its status ("quota_spent": a quota or plan used up does not pass with time), and the method
    that overrules a gateway's 502/504/524 ("may_have_applied": a POST the vendor may have done, as retry_advice says);
    a 401's words that say its access token expired ("token_expired": not resent as it is, "refresh-token": refresh
    it, then send the request with the new one), and a code that says
    it was throttled under a status that does not ("throttled": AWS's ThrottlingException with 400), and a 419's
    that say its CSRF token did not match ("csrf_refused": Laravel's; "refresh-token": send it with the session's
    current token). The words are integrations.retry_advice's (and the MCP tool's): retry, wait."""
    if said is None:
        return None
    status, wait = said
    if wait is not None and resend_may_repeat(status, method):
        return {"status": status, "retry": False, "wait": "never", "may_have_applied": str(method).upper()}
    said_by = (
        {"quota_spent": spent}
        if spent
        else {"token_expired": expired}
        if expired
        else {"throttled": throttled}
        if throttled
        else {"csrf_refused": csrf}
        if csrf
        else {}
    )
    # "retry": the same request resent as it is, as retry_advice says it (an expired or stale token's wait is
    # "refresh-token": a new token first, then a changed request)
    return {"status": status, "retry": wait in _RESENT_AS_IT_IS, "wait": wait or "never", **said_by}


def _with_asked_wait(x: Explanation, m: ErrorMatch, record: dict[str, Any] | None) -> dict[str, Any] | None:
    """A resend's record with ``wait_seconds`` and ``wait_words``: the wait the error's words ask for
    (Explanation.asked_wait: Azure's "Please try again after '372' seconds.")."""
    said = x.asked_wait(m) if record is not None and record["retry"] else None
    return record if said is None or record is None else {**record, "wait_seconds": said[0], "wait_words": said[1]}


def _guide_record(x: Explanation, m: ErrorMatch, entry: Entry) -> dict[str, Any] | None:
    """The guide of an error, its ``retry`` said of this request as the other views say it: a POST a gateway
    answered with 502, 504 or 524 is "no after a POST, which may have been applied: check first", not the guide's backoff."""
    guide = x.guide_of(entry)
    record = guide_record(guide)
    if guide is not None and record is not None:
        record["retry"] = x.retry_of(guide, m)
    return record


def explain_document(x: Explanation) -> dict[str, Any]:
    """The explain contract: vendor and evidence, the HTTP facts, and each error in body order."""
    from .identity import error_doc_url, error_fingerprint

    ex = x.exchange
    meaning = x.status_meaning()
    errors = []
    for m, positions in x.folded():
        best = m.best
        own = x.part_of(m).exchange  # the error's own request (a recording's first is another's)
        errors.append(
            {
                "count": len(positions),
                "fingerprint": error_fingerprint(x, m),
                "doc_url": error_doc_url(m),
                "positions": [p + 1 for p in positions],
                "undecided_endpoints": x.undecided_endpoints(m),
                "observed": m.sent.record(),
                "match": m.kind,
                # how its words fit the matched entry's ("spaced": exact but for spacing; "cut": as far as the paste goes)
                "text_match": best.via if best else None,
                "confidence": m.confidence,
                "slots": m.slots,
                "matched_text": m.message if best else None,
                "candidates": [candidate_record(c) for c in m.candidates],
                "family": [candidate_record(c) for c in m.family],
                "explanation": _guide_record(x, m, best.entry) if best else None,
                "retry_by_status": _with_asked_wait(
                    x,
                    m,
                    _retry_by_status(
                        x.status_retry(m), x.quota_spent(m), own.method, x.token_expired(m), x.throttled(m), x.csrf_refused(m)
                    ),
                ),
                # a POST a gateway answered 502/504/524: whatever the guide's retry says, check before resending it
                "may_have_applied": str(own.method).upper()
                if resend_may_repeat(m.sent.status or own.status, own.method)
                else None,
                **(_fields(best.entry, _SOURCE_FIELDS) if best else {"provenance": None, "sources": [], "quirks": []}),
                "scenarios": [_fields(e, _SCENARIO_FIELDS) for e in x.scenarios(m)],
            }
        )
    return envelope(
        "explain",
        vendor=x.vendor,
        vendor_source=x.vendor_source,
        vendor_evidence=[c.record() for c in x.clues],
        fingerprint=x.fingerprint,
        doc_url=x.doc_url,
        request_id=x.request_id,
        http={
            "status": ex.status,
            "reason": ex.reason,
            "status_meaning": {"text": meaning[0], "description": meaning[1]} if meaning else None,
            "method": ex.method,
            "url": ex.url,
            "host": ex.host,
            "endpoint": x.endpoint,
        },
        errors=errors,
        total_errors=x.total_errors,
        all_matched=x.all_matched,
        redacted=x.redactions,
        redacted_kinds=dict(x.redacted_kinds),
        notes=list(x.notes),
    )

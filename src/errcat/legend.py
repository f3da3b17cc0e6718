"""What the catalog's retry and who-acts values mean, in one place: the reference pages print it as
their legend and ``errcat export`` carries it, so a reader and a program read the same words."""

from __future__ import annotations

# how every view marks what errcat wrote (a guide's summary, fix, retry and who acts) as errcat's, not the vendor's
READING = "errcat's reading"


def reading(by: str | None, of_document: bool = False) -> str:
    """The mark on a guide's words (without its brackets): errcat's reading for the built-in catalog's guides
    (``of_document``: a documented error's, read from the vendor's document), else the catalog file that wrote
    it: a team's layer (``--catalog``) writes its own advice, which is not errcat's reading."""
    if by is not None:
        return f"from {by}"
    return f"{READING} of the document" if of_document else READING


RETRY: dict[str, str] = {
    "after-fix": "Resend only after the request or the data is corrected; the same request fails again.",
    "refresh-and-retry": "Refresh the access token, then resend the same request.",
    "after-reauth": "The user must authorise the application again; until then every request fails.",
    "backoff": "A passing fault or a short rate limit: resend later, waiting longer after each failure.",
    "wait-for-reset": "A quota is used up: resend only after its window resets (honour Retry-After when sent).",
    "no": "Resending cannot help: the fault is on the vendor's side or the operation is not possible.",
}

ACTOR: dict[str, str] = {
    "integrator": "The developer of the integration: its code, configuration or credentials.",
    "end-user": "The person using the integration: their data, settings or subscription with the vendor.",
    "vendor": "The vendor: an outage or a bug only they can fix (report it with the request and its time).",
}

TERMS: dict[str, str] = {
    "inferred": "The document lists the error without its endpoint; errcat inferred the resource from the message.",
    "status as documented": 'The status exactly as the vendor\'s document prints it ("504 Timeout").',
    "sample response": "Assembled by errcat from the documented message and the vendor's envelope; not a captured response.",
}


def legend() -> dict[str, dict[str, str]]:
    """The legend as plain data (for export)."""
    return {"retry": dict(RETRY), "actor": dict(ACTOR), "terms": dict(TERMS)}

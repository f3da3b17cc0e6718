"""Whether a paste is recorded HTTP traffic (a HAR file, a VCR cassette or a Newman report), told from its head alone, so the
reader (recordings.py, with base64, zlib and YAML) loads only for a paste that may be one: most are not."""

import re

# Possessive blanks on one line: `^\s*` at each line start would run over every following blank line,
# and two greedy runs side by side retry each split of one run (both quadratic in whitespace).
YAML_CASSETTE = re.compile(
    r"^[ \t]*+(?:-[ \t]*+(?:http_interactions|interactions|request)|http_interactions|interactions)[ \t]*+:", re.MULTILINE
)
YAML_RESPONSE = re.compile(r"^[ \t]*+(?:-[ \t]*+)?+response[ \t]*+:", re.MULTILINE)


def recorded_as(text: str) -> str | None:
    """ "json" for a JSON document that names a HAR log, VCR interactions or a HAR entry in its head, or Newman's run
    and executions anywhere; "yaml" for
    a YAML cassette's interactions with a response; None for anything else (no recording errcat reads)."""
    head = text.lstrip()[:4096]
    if head.startswith("{") and ('"log"' in head or "interactions" in head or '"startedDateTime"' in head):
        return "json"
    if head.startswith("{") and '"executions"' in text and '"run"' in text:  # Newman's report: its collection comes first
        return "json"
    if YAML_CASSETTE.search(head) and YAML_RESPONSE.search(text):
        return "yaml"
    return None

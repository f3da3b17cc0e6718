"""The vendor documents' scenario sentences that only one vendor's documents hold, worked out when the index
is built and kept in it: explain counts one quoted in a paste as that vendor's own words (evidence's
"documented" clue). Working them out from the index on each run decoded every entry of the catalog: 7 % of an
``errcat explain``'s instructions on the built-in catalog, more on a larger one."""

import re
from collections.abc import Iterable

from ..model import Entry

# A scenario this long is a sentence someone wrote for the vendor's documentation ("Dammit, you ran into a
# bug in our application."); a shorter one ("Invoice not found") could be anyone's.
MIN_SCENARIO_WORDS = 8

# A sentence about HTTP itself is the status-code references' prose, which a vendor's page may copy whole: ProSpend's
# 401 and 403 descriptions ("Although the HTTP standard specifies ...", "Unlike 401 Unauthorized, ...") are also on
# status-code sites and in other packages' docs (review5), so they name no vendor where they are quoted.
_STANDARD_PROSE = re.compile(r"\bhttp (?:standard|specification)\b|\bunlike \d{3}\b|\brfc ?\d{3,4}\b")


def squeezed(text: str) -> str:
    """Lower-cased, one blank between words, without the closing full stop: how a sentence is compared."""
    return " ".join(text.lower().split()).rstrip(".")


def documented_scenarios(entries: Iterable[Entry]) -> list[tuple[str, str, str]]:
    """The vendor documents' scenario sentences (not an observed entry's, which errcat's authors wrote) that
    only one vendor's documents hold: (squeezed, vendor, the sentence), in the catalog's order."""
    found: dict[str, dict[str, str]] = {}
    for e in entries:
        words = squeezed(e.scenario or "")
        if not e.observed and len(words.split()) >= MIN_SCENARIO_WORDS and not _STANDARD_PROSE.search(words):
            found.setdefault(words, {})[e.vendor] = e.scenario
    return [(words, *next(iter(by.items()))) for words, by in found.items() if len(by) == 1]

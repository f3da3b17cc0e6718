"""Round 25 of the exit gate: gate24's leftovers. A person's password of two words and a number around a "#" as a URL's
last part ("winter-ledger#4821", "winter.ledger#4821", "monkey#Harbour-238") was read as a page and its anchor and
shown; a page's file extension, a lower-case slug's footnote and a section's number stay."""

from __future__ import annotations

import pytest

from errcat.gate import shown

PLACES = ["https://h.example/x/{p}", "see https://h.example/a/b/{p}.", "GET https://api.example.com/orders/{p} -> 500"]


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize(
    "password",
    [
        "winter-ledger#4821",
        "winter.ledger#4821",
        "Winter-Ledger#48",
        "Sunshine.harbour#7",
        "bluefish_orange#2024",
        "monkey#Harbour-238",
        "Kestrel#orange-9",
        "orange#matilda-4412",
    ],
)
def test_a_persons_two_words_and_a_number_around_a_hash_in_a_urls_path_are_hidden(place: str, password: str) -> None:
    assert password not in shown(place.format(p=password))


@pytest.mark.parametrize(
    "url",
    [
        "https://docs.example.test/errcat/reference/myob.md#25008",
        "http://lxr.mozilla.org/mozilla-release/source/netwerk/protocol/http/nsHttpResponseHead.cpp#397",
        "https://example.com/guide/getting-started#2",
        "https://example.com/docs/install#step-2",
        "https://example.com/blog/hello#comment-12",
        "https://math.stackexchange.com/questions/483101/rabin-and-shallit-algorithm/651425#651425",
        "https://github.com/acme/ledger/issues/12#issuecomment-1234567",
        "https://example.com/docs/index.html#42",
    ],
)
def test_pages_and_their_numbered_places_stay(url: str) -> None:
    assert shown(url) == url

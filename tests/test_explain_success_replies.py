"""errcat explain on a reply that succeeded (synthetic pastes, in the shapes curl -i prints): a 2xx status with no body,
or a JSON body that names no error, holds no error to explain, and explain says it is a success; a 2xx reply whose body
names an error (an API that answers its errors with 200) is still read."""

from __future__ import annotations

import pytest

from errcat.explainer import explain


@pytest.mark.parametrize(
    "paste",
    [
        # synthetic: MYOB's answer to a created invoice (201 and its Location, no body), as curl -i prints it
        "HTTP/1.1 201 Created\nContent-Type: application/json\n"
        "Location: https://api.myob.com/accountright/x/Sale/Invoice/Service/1\n\n",
        # synthetic: a list that came back empty, with its 200
        'HTTP/1.1 200 OK\nContent-Type: application/json\n\n{"Items":[],"NextPageLink":null,"Count":0}',
    ],
)
def test_a_success_reply_is_said_to_be_one_not_an_error_not_in_the_catalog(catalog, paste):
    """A 2xx reply with no body, or a JSON body with no error's word, was read as 'error 1 of 1: not in the catalog'
    (blind39's leftover): it holds no error, and explain says it is a success."""
    x = explain(catalog, paste)
    assert not x.errors
    assert any("is a success" in note for note in x.notes)


def test_a_2xx_reply_that_names_an_error_is_still_read(catalog):
    """Synthetic: an API that answers an error with 200 ("success": false) keeps its error read."""
    x = explain(catalog, 'HTTP/1.1 200 OK\n\n{"success": false, "message": "Quantity must be a number"}')
    assert len(x.errors) == 1 and x.errors[0].sent.message == "Quantity must be a number"

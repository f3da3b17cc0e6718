"""review20: a review of stop 65's explain changes (claims20). All pastes synthetic, in the words of the catalog's own
documented errors."""

from __future__ import annotations

import json

from errcat.explainer import explain


def myob(name: str, message: str) -> str:
    return json.dumps({"Errors": [{"Name": name, "Message": message, "AdditionalDetails": "", "Severity": "Error"}]})


def test_the_one_line_says_what_a_family_shares(catalog):
    """claims20 made words several documented errors share a family (MYOB's 37000 OrderPaid and 38000
    PurchaseOrderPaid); the one line a log or a requests/httpx hook writes (str of the explanation) still said "one of
    2 documented errors with this code" for a paste that sends no code, and said "code" for a shared name too."""
    words = str(explain(catalog, "MYOB: 400 Cannot delete order with payment(s) applied"))
    assert "one of 2 documented errors with these words" in words and "this code" not in words
    named = str(explain(catalog, "GET https://api.myob.com/accountright/ 403\n" + myob("RateLimitError", "Too many requests")))
    assert "one of 2 documented errors with this name" in named and "this code" not in named


def test_a_sentence_that_starts_with_curl_is_no_command(catalog):
    """blind40 leaves a curl command's lines out of the message; a person's "curl failed: <the error>" was taken for
    one, and the paste explained nothing at all (an empty line from str, no message)."""
    for paste in ("curl failed: Cannot delete order with payment(s) applied", "curl returned 401: Bad credentials"):
        x = explain(catalog, paste)
        assert x.errors and x.errors[0].sent.message and x.errors[0].sent.message.endswith(paste.split(": ", 1)[1]), paste
        assert str(x), paste


def test_a_2xx_reply_whose_json_says_a_documented_error_is_read(catalog):
    """blind40's success rule took a 2xx JSON body with none of a few failure words for a success: 167 of the catalog's
    214 documented messages hold none of them, and MYOB's words under a 200 were said to be "a success", not read."""
    x = explain(
        catalog, 'HTTP/1.1 200 OK\nContent-Type: application/json\n\n{"result": "Cannot delete order with payment(s) applied"}'
    )
    assert not any("is a success" in n for n in x.notes)
    assert x.errors and {c.entry.code for c in x.errors[0].family} == {37000, 38000}
    created = explain(catalog, 'HTTP/1.1 201 Created\nContent-Type: application/json\n\n{"UID": "a1", "Status": "Open"}')
    assert not created.errors and any("is a success" in n for n in created.notes)


def test_what_a_person_wrote_after_a_curl_commands_url_is_read(catalog):
    """review20 found a one-line "curl -X GET <url> gives me 401 <the error>" dropped whole as a command: the message
    was empty. The words after the URL are read (from the status on, where a few words lead to one); an option, a
    quoted argument, a pipe or a redirection after the URL is still the command's."""
    url = "https://api.myob.com/accountright/x/Sale/Invoice/Item"
    x = explain(catalog, f"curl -X POST {url} returns 400 Date cannot be prior to beginning of financial year")
    assert x.errors[0].kind == "exact" and x.errors[0].best.entry.code == 25008
    assert x.errors[0].sent.message == "400 Date cannot be prior to beginning of financial year"
    said = explain(catalog, f'curl "{url}" and it says Access denied').errors[0].sent.message
    assert said == "and it says Access denied"
    for command in (f"curl {url} 2>&1", f'curl {url} -H "x-myobapi-version: v2" | jq .', f"curl '{url}' > out.json"):
        assert not explain(catalog, command).errors, command

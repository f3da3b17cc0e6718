"""errcat explain on what blind39 measured on real pastes nobody here had seen (tests/data/realworld.jsonl blind39-*):
XML error documents whose elements hold their text in CDATA sections (PrestaShop's webservice, FacturaDirecta's API),
the British "401 Unauthorised" (MYOB's own pages spell it so, as do UK and Australian services'), and a Markdown code
fence framing the error a post quotes. Pastes written here are labelled synthetic."""

from __future__ import annotations

import pytest

from corpus import OWN_CORPUS, load_cases
from cputime import assert_grows_at_most
from errcat.explainer import explain

CASES = {c["id"]: c for c in load_cases(OWN_CORPUS)}
CLAIMS = {"exact", "template", "code", "status"}


def _read(catalog, paste: str) -> dict:
    return explain(catalog, paste).as_dict()


def _said(d: dict) -> list[tuple[str | None, str | None]]:
    return [(e["observed"]["code"], e["observed"]["message"]) for e in d["errors"]]


@pytest.mark.parametrize(
    ("case_id", "said"),
    [
        # PrestaShop 1.7.8's 500 (PrestaShop/PrestaShop#26361), each value in a CDATA section: was the whole document
        ("blind39-18", [("134", "You cannot set 0 or a negative position, the minimum is 1 .")]),
        # FacturaDirecta's <xml><errorCode>..<errorMessage><![CDATA[..]]>: was the whole document, its code unread
        ("blind39-9", [("INVALID_INPUT_DATA", "Se ha recibido un atributo personalizado que no existe en el objeto")]),
    ],
)
def test_an_elements_text_in_a_cdata_section_is_its_text(catalog, case_id, said):
    d = _read(catalog, CASES[case_id]["raw"])
    assert _said(d) == said
    assert d["vendor"] is None
    assert not {e["match"] for e in d["errors"]} & CLAIMS


def test_prestashops_errors_list_is_its_messages_not_invoicexpress(catalog):
    # Bukimedia/PrestaSharp#207: <errors><error><message><![CDATA[..]]> four times. InvoiceXpress's <errors> block holds
    # text, not elements: this one is another API's, read error by error, with no vendor
    d = _read(catalog, CASES["blind39-17"]["raw"])
    assert {m for _, m in _said(d)} == {"Internal error. To see this error please display the PHP errors."}
    assert d["total_errors"] == 4
    assert d["vendor"] is None


def test_invoicexpress_xml_errors_in_cdata_stay_invoicexpress(catalog):
    # synthetic guard: InvoiceXpress's own <errors><error> text, in a CDATA section, is still read as InvoiceXpress's
    d = _read(catalog, "<errors><error><![CDATA[Invoice has been settled so can't be changed anymore]]></error></errors>")
    assert d["vendor"] == "invoicexpress"
    assert d["errors"][0]["match"] in {"exact", "template"}


def test_a_cdata_section_never_closed_is_not_rescanned(catalog):
    # synthetic: starts of sections with no end, then one element closed: unwrapping stops at the last "]]>"
    def work(n: int) -> object:
        return explain(catalog, "<error><message>" + "<![CDATA[x " * n + "]]></message></error>" + "<![CDATA[y" * n)

    assert_grows_at_most(work, 2000, 8, 30)


@pytest.mark.parametrize(
    "paste",
    [
        CASES["blind39-24"]["raw"],  # Pleo's legacy error table, a row as the page renders it
        "401 Unauthorised",  # synthetic: the status line MYOB's pages print
        "401 Unauthorised: token expired",  # synthetic
    ],
)
def test_the_british_unauthorised_states_401(catalog, paste):
    # "Unauthorised" was no reason phrase of 401: the status went unread and the row was words only
    assert _read(catalog, paste)["http"]["status"] == 401


def test_a_code_fence_is_no_part_of_the_errors_words(catalog):
    # minimul/qbo_api#84: QuickBooks' 401 quoted in a fenced block; the fences were read into the message
    d = _read(catalog, CASES["blind39-15"]["raw"])
    message = d["errors"][0]["observed"]["message"]
    assert message.startswith("AuthenticationErrorGeneral: SRV-110-Authentication Failure , statusCode: 401")
    assert "```" not in message
    assert d["vendor"] is None


def test_a_fenced_documented_message_is_read_without_its_fences(catalog):
    # synthetic: MYOB's documented daily-limit message as a chat quotes it, in a fence with a language tag
    d = _read(catalog, "```text\nAPI key has exceeded the daily rate limit\n```")
    assert d["errors"][0]["observed"]["message"] == "API key has exceeded the daily rate limit"


def test_in_a_log_of_several_calls_the_request_is_the_one_that_failed(catalog):
    # florin-szilagyi/ts-anaf#2: the token call's URL came first and its 200 was read with the data call's 403; the
    # request is the call whose line states the status
    d = _read(catalog, CASES["blind39-35"]["raw"])
    assert (d["http"]["status"], d["http"]["host"], d["http"]["method"]) == (403, "api.anaf.ro", "GET")


def test_the_failed_calls_host_names_the_vendor(catalog):
    # synthetic, the same log's shape: a token from another service, then MYOB's 401; the vendor was missed (the
    # request was read as the token call to auth.example.com)
    paste = (
        "[HTTP] POST https://auth.example.com/oauth/token\n[HTTP] Response 200 for https://auth.example.com/oauth/token\n"
        "[HTTP] GET https://api.myob.com/accountright/\n[HTTP] Response 401 for https://api.myob.com/accountright/"
    )
    d = _read(catalog, paste)
    assert (d["vendor"], d["http"]["host"], d["http"]["method"]) == ("myob", "api.myob.com", "GET")


@pytest.mark.parametrize(
    ("paste", "host"),
    [
        # synthetic: the status inside another URL of a later line is no statement of it
        ("GET https://a.example.com/x\nnext https://cdn.example.com/img/500.png\n500 Internal Server Error", "a.example.com"),
        # synthetic: requests' message names the URL beside the status; a link the API's words give is no request
        (
            "403 Client Error: Forbidden for url: https://api.example.com/v1/x\nsee https://status.example.com/403",
            "api.example.com",
        ),
    ],
)
def test_the_url_read_first_stays_when_no_other_call_failed(catalog, paste, host):
    assert _read(catalog, paste)["http"]["host"] == host


def test_a_long_line_of_statuses_and_links_is_read_in_linear_time(catalog):
    # synthetic hostile: one line holding the status and thousands of links a person is pointed to
    def work(n: int) -> object:
        return explain(catalog, "GET https://api.example.com/x\n" + "404 see https://docs.example.com/a " * n)

    assert_grows_at_most(work, 500, 8, 30)


def test_curls_progress_meter_is_no_part_of_the_errors_words(catalog):
    # Cyclenerd/hcloud-github-runner#18: a CI step's curl --fail; its meter's heading and rows were read as words
    message = _read(catalog, CASES["blind39-41"]["raw"])["errors"][0]["observed"]["message"]
    assert "% Total" not in message and "Dload" not in message and "--:--:--" not in message
    assert "curl: (22) The requested URL returned error: 404" in message


def test_a_terminal_uis_tree_glyphs_are_no_part_of_the_errors_words(catalog):
    # di-sukharev/opencommit#197: a CLI's clack-style tree ("└  Error: ...", "│")
    message = _read(catalog, CASES["blind39-43"]["raw"])["errors"][0]["observed"]["message"]
    assert message.startswith("Error: Request failed with status code 401")
    assert "│" not in message and "└" not in message


def test_a_status_in_a_traceback_source_line_is_code_not_the_status(catalog):
    # own-626 (sigmavirus24/github3.py#576): the frame's source line "if self._boolean(response, status_code, 404)"
    # was read as the status; the error the traceback ends with is GitHub's 422
    case = next(c for c in load_cases(OWN_CORPUS) if c["id"] == "own-626")
    assert _read(catalog, case["raw"])["http"]["status"] != 404


def test_a_status_a_frame_does_not_hold_is_still_read(catalog):
    # synthetic guard: the same words outside a frame's source line state the status
    paste = 'File "app.py", line 3, in f\n    sync()\nsync failed with 404 from the API'
    assert _read(catalog, paste)["http"]["status"] == 404


def test_terraforms_box_is_no_part_of_the_errors_words(catalog):
    # own-271 (anschoewe/terraform-provider-curl#10): Terraform's diagnostic box closed with "╵" in the message
    case = next(c for c in load_cases(OWN_CORPUS) if c["id"] == "own-271")
    message = _read(catalog, case["raw"])["errors"][0]["observed"]["message"]
    assert message == "Error: status: 401, body: token contains an invalid number of segments"

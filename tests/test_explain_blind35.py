"""errcat explain on forms blind35's real pastes showed: Rust reqwest's Debug error, which states its status as
``kind: Status(401)``; Java's "Server returned HTTP response code: 409", a status that had been read as the error's
code too; and a call to the Sage 200 API, on a host it shares with the catalogued Sage API's older one."""

from __future__ import annotations

import pytest

from errcat.explainer import explain

DOCUMENTED = {"exact", "template", "code", "status"}

# Real pastes (sources in tests/data/realworld.jsonl, blind35-56, -62, -61)
REQWEST_PASTES = [
    # a release note quoting a GitHub Actions run of git-cliff (reqwest 0.12's Debug)
    (
        "Could not get github metadata: HttpClientError(reqwest::Error {\n  kind: Status(403, None),\n"
        '  url: "https://api.github.com/repos/skillsgateway/skillsgateway/commits?per_page=100&page=0" })\n'
        "##[error]Process completed with exit code 101.",
        403,
    ),
    # uv's verbose log (reqwest 0.11's Debug)
    (
        'WrappedReqwestError(Reqwest(reqwest::Error { kind: Status(401), url: "https://pkgs.private-repo.com/_packaging/'
        'Sandbox/pypi/simple/cachy/" }))) }\nTRACE Cannot retry error: not an IO error',
        401,
    ),
]
JAVA_PASTE = (
    "01.09 01:35:46 [Server] pool-17-thread-3/WARN java.io.IOException: Server returned HTTP response code: 401 for URL: "
    "https://dl.dropboxusercontent.com/s/testurl/testing.mp3?dl=0"
)


@pytest.mark.parametrize(("paste", "status"), REQWEST_PASTES, ids=["reqwest 0.12", "reqwest 0.11"])
def test_reqwests_debug_error_states_the_status(catalog, paste, status):
    d = explain(catalog, paste).as_dict()
    assert d["http"]["status"] == status
    assert d["vendor"] is None
    assert not {e["match"] for e in d["errors"]} & DOCUMENTED


def test_reqwests_debug_error_on_a_vendors_url_gives_its_documented_status(catalog):
    # reqwest's exact Debug wording (0.12) around the catalogued Sage API's URL: the 401 it documents
    d = explain(
        catalog, 'Error: reqwest::Error { kind: Status(401, None), url: "https://api.accounting.sage.com/v3.1/contacts" }'
    ).as_dict()
    assert (d["vendor"], d["http"]["status"]) == ("sage", 401)
    assert d["errors"][0]["match"] == "status"


def test_a_status_called_response_code_is_not_the_errors_code(catalog):
    observed = explain(catalog, JAVA_PASTE).as_dict()["errors"][0]["observed"]
    assert (observed["status"], observed["code"]) == (401, None)


def test_javas_response_code_on_a_vendors_url_keeps_the_entry_its_status_documents(catalog):
    # the JDK's HttpURLConnection wording: read as code "409", the status ruled out ProSpend's RESOURCE_CONFLICT
    d = explain(
        catalog,
        "java.io.IOException: Server returned HTTP response code: 409 for URL: "
        "https://api.apac.prospend.io/beta/company/4411/suppliers",
    ).as_dict()
    assert d["vendor"] == "prospend"
    assert d["errors"][0]["match"] == "status"
    assert d["errors"][0]["candidates"][0]["code"] == "RESOURCE_CONFLICT"


def test_an_error_code_beside_a_status_code_is_still_read(catalog):
    # AWS's own line (corpus own-82): the status code is the status, the error code names the error
    observed = explain(
        catalog, "Access Denied (Service: Amazon S3; Status Code: 403; Error Code: AccessDenied; Request ID: 25B458BA4"
    ).as_dict()["errors"][0]["observed"]
    assert observed["status"] == 403
    assert "AccessDenied" in (observed["code"], observed["name"])


@pytest.mark.parametrize(
    "url",
    [
        # Sage 200's API (Professional, "sage200extra"), as Sage 200 integrations call it; no real error paste of
        # it was found, so the client's words are python requests' own
        "https://api.columbus.sage.com/uk/sage200extra/accounts/v1/customers",
        "https://api.columbus.sage.com/uk/sage200/accounts/v1/customer_views",
    ],
)
def test_a_sage_200_call_on_the_shared_host_is_not_the_catalogued_sage_api(catalog, url):
    d = explain(catalog, f"requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: {url}").as_dict()
    assert d["vendor"] is None
    assert not {e["match"] for e in d["errors"]} & DOCUMENTED


def test_sage_ones_own_path_on_that_host_stays_sages(catalog):
    url = "https://api.columbus.sage.com/uk/sageone/accounts/v3/contacts"
    d = explain(catalog, f"requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: {url}").as_dict()
    assert d["vendor"] == "sage"


# MYOB's practice support note on an AE/AO Ledger migration (corpus blind35-63): MYOB's product, not its Business API
AE_AO_NOTE = (
    'Error: "Create business for client : xxxxPty Ltd(XX&X) (API status code 422) content"\n\n'
    "In MYOB when attempting to migrate to Accountants Enterprise (AE) or Accountants Office (AO) Ledger you may "
    "experience that the Migration Status appears as Failed.  Selecting the View migration log will then display the "
    'following error:\n\n"Create business for client : xxxxPty Ltd(XX&X) (API status code 422) content : '
    '{"message":"Validation errorerrors":{"client_code":["Alpha and numeric only"]}}, message : Unprocessable Entity'
)


def test_myobs_practice_software_is_not_the_myob_business_api(catalog):
    d = explain(catalog, AE_AO_NOTE).as_dict()
    assert d["vendor"] is None
    assert not {e["match"] for e in d["errors"]} & DOCUMENTED


def test_myob_named_beside_its_business_apis_own_body_stays_myob(catalog):
    body = (
        '{"Errors":[{"Name":"TransactionsCannotBeDeleted","Message":"Transactions cannot be deleted and must be '
        'reversed","AdditionalDetails":"","ErrorCode":25003,"Severity":"Error"}]}'
    )
    for said in ("MYOB AccountRight sync failed: ", "Our accountants office uses MYOB AccountRight and it returned "):
        d = explain(catalog, said + body).as_dict()
        assert d["vendor"] == "myob", said
        assert d["errors"][0]["match"] in DOCUMENTED

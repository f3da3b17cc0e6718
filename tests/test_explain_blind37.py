"""errcat explain on forms blind37 measured: n8n's error details (its summary beside the response body, escaped twice
in "rawErrorMessage"), axios' error.toJSON() (its ERR_BAD_REQUEST is axios's word for a 4xx, not the API's code),
WeChat's errcode/errmsg keys (Sunbird RC's params.errmsg, a real paste: tests/data/realworld.jsonl blind37-2) and PHP's
var_dump of a decoded InvoiceXpress body. The tools' shapes are their own (n8n 1.x's error JSON, axios's
AxiosError.toJSON, PHP's var_dump); the bodies are the vendors' documented ones."""

from __future__ import annotations

import json

from corpus import OWN_CORPUS, load_cases
from errcat.explainer import explain

SAGE_BODY = [{"$severity": "error", "$dataCode": "AccessTokenExpiredError", "$message": "Your Access token has expired.",
              "$source": "Authorization"}]  # fmt: skip
IX_BODY = {"errors": [{"error": "Invoice has been settled so can't be changed anymore"}]}
PROSPEND_URL = "https://api.apac.prospend.io/beta/company/4411/suppliers"
N8N_SUMMARY = "Your request is invalid or could not be processed by the service"


def _n8n(status: int, raw: str) -> str:
    """n8n's "Copy to clipboard" of an HTTP Request node's error: request-promise's "422 - <body as a JSON string>"."""
    return json.dumps({
        "errorMessage": N8N_SUMMARY,
        "errorDescription": "",
        "errorDetails": {"rawErrorMessage": [raw], "httpCode": str(status)},
        "n8nDetails": {"nodeName": "HTTP Request", "nodeType": "n8n-nodes-base.httpRequest", "nodeVersion": 4.2,
                       "n8nVersion": "1.41.0 (Self Hosted)",
                       "stackTrace": [f"NodeApiError: {N8N_SUMMARY}", "    at processTicksAndRejections (node:internal/process/task_queues:95:5)"]},
    }, indent=2)  # fmt: skip


def _top(d: dict) -> tuple:
    e = d["errors"][0]
    return d["vendor"], e["match"], (e["candidates"] or [{}])[0].get("code")


def test_n8n_error_details_are_read_as_the_body_they_quote(catalog):
    # the document's own errorMessage is n8n's summary; the Sage body two escapes deep was not read
    paste = _n8n(401, "401 - " + json.dumps(json.dumps(SAGE_BODY, separators=(",", ":"))))
    d = explain(catalog, paste).as_dict()
    assert _top(d) == ("sage", "exact", "AccessTokenExpiredError")
    assert d["http"]["status"] == 401


def test_n8n_error_details_with_an_invoicexpress_body(catalog):
    paste = _n8n(422, "422 - " + json.dumps(json.dumps(IX_BODY, separators=(",", ":"))))
    d = explain(catalog, paste).as_dict()
    assert d["vendor"] == "invoicexpress"
    assert d["errors"][0]["match"] == "exact"
    assert "settled" in d["errors"][0]["observed"]["message"]


def test_n8n_summary_stays_when_its_strings_quote_no_error_body(catalog):
    # a quoted string that is no error body leaves the summary as the error, nothing claimed
    paste = _n8n(404, '404 - "The resource you are requesting could not be found"')
    d = explain(catalog, paste).as_dict()
    assert d["vendor"] is None
    assert [e["observed"]["message"] for e in d["errors"]] == [N8N_SUMMARY]
    assert d["errors"][0]["match"] == "none"


def test_axios_tojson_code_is_axios_word_for_the_status(catalog):
    # error.toJSON() leaves the response out: the status and ProSpend's host are all there is, and ERR_BAD_REQUEST read
    # as the API's code ruled out the status's documented RESOURCE_CONFLICT
    paste = json.dumps({
        "message": "Request failed with status code 409", "name": "AxiosError",
        "stack": "AxiosError: Request failed with status code 409\n    at settle (/app/node_modules/axios/dist/node/axios.cjs:1966:12)",
        "config": {"headers": {"Accept": "application/json, text/plain, */*"}, "method": "post", "url": PROSPEND_URL},
        "code": "ERR_BAD_REQUEST", "status": 409}, indent=2)  # fmt: skip
    d = explain(catalog, paste).as_dict()
    e = d["errors"][0]
    assert d["vendor"] == "prospend"
    assert e["observed"]["code"] is None
    assert (e["match"], e["candidates"][0]["code"]) == ("status", "RESOURCE_CONFLICT")


def test_an_apis_own_err_bad_request_code_is_kept(catalog):
    # not axios's: no AxiosError, no "Request failed with status code" message
    d = explain(catalog, '{"code":"ERR_BAD_REQUEST","message":"The payload is missing a currency"}').as_dict()
    assert d["errors"][0]["observed"]["code"] == "ERR_BAD_REQUEST"


def test_wechats_errcode_and_errmsg_are_the_code_and_message(catalog):
    d = explain(catalog, '{"errcode":40013,"errmsg":"invalid appid"}').as_dict()
    e = d["errors"][0]
    assert (e["observed"]["code"], e["observed"]["message"]) == ("40013", "invalid appid")
    assert d["vendor"] is None
    assert e["match"] == "none"


def test_sunbird_params_errmsg_is_the_message(catalog):
    # the whole body was the message: no key of it was known
    raw = next(c["raw"] for c in load_cases(OWN_CORPUS) if c["id"] == "blind37-2")
    d = explain(catalog, raw).as_dict()
    assert d["errors"][0]["observed"]["message"] == "Validation Exception : #/Teacher : #/Teacher: 2 schema violations found"
    assert d["http"]["status"] == 400
    assert d["vendor"] is None


def _var_dump(message: str) -> str:
    """PHP's var_dump of json_decode()'s object for {"errors": [{"error": message}]}."""
    return (
        'object(stdClass)#1 (1) {\n  ["errors"]=>\n  array(1) {\n    [0]=>\n    object(stdClass)#2 (1) {\n'
        f'      ["error"]=>\n      string({len(message.encode())}) "{message}"\n    }}\n  }}\n}}'
    )


def test_php_var_dump_of_an_invoicexpress_body(catalog):
    # print_r's "[errors] => Array ( [0] => Array ( [error] =>" was known; var_dump's containers were not, and the lone
    # "error" pair was read as any API's error field: no vendor, a fuzzy match
    d = explain(catalog, _var_dump("Invoice has been settled so can't be changed anymore")).as_dict()
    assert d["vendor"] == "invoicexpress"
    assert d["errors"][0]["match"] == "exact"


def test_php_var_dump_of_another_apis_errors_list_names_no_vendor(catalog):
    # the same shape from another service (a real one: tests/data/realworld.jsonl blind37-7) is weak evidence only
    d = explain(catalog, _var_dump("Session has expired.")).as_dict()
    assert d["vendor"] is None
    assert d["errors"][0]["match"] == "none"

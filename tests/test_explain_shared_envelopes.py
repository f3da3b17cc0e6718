"""errcat explain on other services' error bodies whose message and code sit under key names many APIs share: an API
gateway's fault (faultstring, detail.errorcode), a faultcode, errorSummary, a *Message key, Portuguese and Spanish
keys (mensagem, descricao, codigo, erros), an errors list of descriptions, errorMessages. Each was read as plain text
(the whole body as its message) or with its message lost. What the service said is read, in the forms users paste it
(the body alone, under curl -v, inside an exception's line); the service stays unknown and nothing is claimed.
Every body is real; its source is named beside it."""

from __future__ import annotations

import json

import pytest

from errcat.explainer import explain


def _curl(status: str, body: str) -> str:
    return f"< HTTP/1.1 {status}\n< Content-Type: application/json\n<\n{body}\n"


def _exception(body: str) -> str:
    return f"ApiError: request failed: {body}"


FORMS = {"bare": lambda body: body, "curl": lambda body: _curl("400 Bad Request", body), "exception": _exception}

# (body, code, message, details), each the body as blind31's corpus (tests/data/realworld.jsonl) holds it
SHARED = {
    # blind31-76, a Perl API client's test (find_string id 11747615085): an Apigee gateway's fault
    "apigee-fault": (
        '{"fault":{"faultstring":"Invalid ApiKey","detail":{"errorcode":"oauth.v2.InvalidApiKey"}}}',
        "oauth.v2.InvalidApiKey",
        "Invalid ApiKey",
        None,
    ),
    # blind31-44, an Amadeus sample's comment (find_string id 39602084264): the same fault over two lines
    "apigee-fault-lines": (
        '{"fault":{"faultstring":"Invalid API call as no apiproduct match found",\n\t\t\t"detail":{"errorcode":'
        '"keymanagement.service.InvalidAPICallAsNoApiProductMatchFound"}}}',
        "keymanagement.service.InvalidAPICallAsNoApiProductMatchFound",
        "Invalid API call as no apiproduct match found",
        None,
    ),
    # blind31-22, an Omie client's test (find_string id 56009784721): a SOAP fault passed on as JSON
    "json-soap-fault": (
        '{"faultstring":"ERROR: Consumo redundante detectado. Aguarde 60 segundos para tentar novamente (REDUNDANT).",'
        '"faultcode":"SOAP-ENV:Client-6"}',
        "SOAP-ENV:Client-6",
        "ERROR: Consumo redundante detectado. Aguarde 60 segundos para tentar novamente (REDUNDANT).",
        None,
    ),
    # blind31-8, an Okta 403 fixture (find_string id 11502951277); its errorId replaced by a random one of its shape
    "okta": (
        '{"errorCode":"E0000006","errorSummary":"You do not have permission to perform the requested action",'
        '"errorLink":"E0000006","errorId":"oaeQm3TzV8xKpL2RwYcN7bHdA","errorCauses":[]}',
        "E0000006",
        "You do not have permission to perform the requested action",
        None,
    ),
    # blind31-9, the Terraform Okta provider's test notes (find_string id 30107535324): the error and its cause
    "okta-causes": (
        '{"errorCode":"E0000001","errorSummary":"Api validation failed: useAsExemptList","errorCauses":[{"errorSummary":'
        '"useAsExemptList: The network zone does not allow changes to block exemption list."}]}',
        "E0000001",
        "Api validation failed: useAsExemptList",
        "useAsExemptList: The network zone does not allow changes to block exemption list.",
    ),
    # blind31-15, a Spiris (Visma eAccounting) client's plan quoting the documented 429 body (find_string id 57459308297)
    "developer-error-message": (
        '{"ErrorCode": 4010, "DeveloperErrorMessage": "API calls quota exceeded! ...", "ErrorId": "..."}',
        "4010",
        "API calls quota exceeded! ...",
        None,
    ),
    # blind31-18, a Moloni client's test (find_string id 54770193693): an errors list of descriptions
    "errors-descriptions": ('{"valid":0,"errors":[{"description":"Serie invalida"}]}', None, "Serie invalida", None),
    # blind31-39, a Robot Framework API test (find_string id 23288391173): Portuguese keys
    "erros-mensagem": (
        '{"isSucesso":false,"erros":[{"codigo":0,"mensagem":"O valor informado no campo \'tipoTermo\' não é válido"}]}',
        "0",
        "O valor informado no campo 'tipoTermo' não é válido",
        None,
    ),
    # blind31-41, an NFS-e client's test (find_string id 69478512747)
    "erros-descricao": (
        '{"erros":[{"codigo":"E0010","descricao":"Série fora da faixa","complemento":"1-49999"}]}',
        "E0010",
        "Série fora da faixa",
        None,
    ),
    # blind31-42, an ADN NFS-e client's test (find_string id 61512862227): an error that gives only its code
    "erros-code-alone": (
        '{"StatusProcessamento":"NENHUM_DOCUMENTO_LOCALIZADO","LoteDFe":[],"Alertas":[],"Erros":[{"Codigo":"E2220"}],'
        '"TipoAmbiente":"PRODUCAO"}',
        "E2220",
        None,
        None,
    ),
    # blind31-78, a Jira user lookup test (find_string id 7870272167)
    "error-messages": ('{"errorMessages":["User does not exist"]}', None, "User does not exist", None),
    # blind31-19, an Asaas integration audit (find_string id 51985955106): a code and its description in an errors list
    "errors-code-description": (
        '{"errors":[{"code":"invalid_object","description":"O CPF/CNPJ informado é inválido."}]}',
        "invalid_object",
        "O CPF/CNPJ informado é inválido.",
        None,
    ),
}


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("case", SHARED)
def test_a_shared_envelopes_message_and_code_are_read_and_not_claimed(catalog, case, form):
    body, code, message, details = SHARED[case]
    x = explain(catalog, FORMS[form](body))
    assert [(m.sent.code, m.sent.message) for m in x.errors] == [(code, message)], x.errors
    assert x.errors[0].sent.details == details
    assert x.vendor is None and all(m.kind.value in ("none", "fuzzy") for m in x.errors)


# blind31-13, an Expensify client's fixture (find_string id 60325976175), served with HTTP 200 and text/plain
EXPENSIFY_410 = '{"responseCode":410,"responseMessage":"Bad request. Verify the request parameters."}'


def test_a_bodys_own_response_code_is_its_code_not_the_http_status(catalog):
    """Expensify's responseCode 410 means a bad request; shown as the exchange's '410 Gone' it misled."""
    x = explain(catalog, EXPENSIFY_410)
    assert x.exchange.status is None
    assert [(m.sent.code, m.sent.message) for m in x.errors] == [("410", "Bad request. Verify the request parameters.")]
    assert explain(catalog, _curl("200 OK", EXPENSIFY_410)).exchange.status == 200
    # a log's "response code" is still the status it names
    assert explain(catalog, "Request failed, response code: 503").exchange.status == 503


# Salesforce Marketing Cloud's 'Rate Limiting' page, its sample HTTP 500 error payload (find_string id 40213461115)
MARKETING_CLOUD_FAULT = """<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:wsa="http://schemas.xmlsoap.org/ws/2004/08/addressing" xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd" xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd">
   <soap:Header>
      <wsa:Action>http://schemas.xmlsoap.org/ws/2004/08/addressing/fault</wsa:Action>
      <wsa:MessageID>urn:uuid:83defa1b-6802-439f-8a46-5331e0d23a4b</wsa:MessageID>
      <wsa:RelatesTo>urn:uuid:89a37da3-3bc0-41e7-9212-06bb4a0cf85f</wsa:RelatesTo>
      <wsa:To>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</wsa:To>
      <wsse:Security>
         <wsu:Timestamp wsu:Id="Timestamp-4f0e9ddd-3041-41d7-bd72-26a67008b0b7">
            <wsu:Created>2017-02-01T19:07:24Z</wsu:Created>
            <wsu:Expires>2017-02-01T19:12:24Z</wsu:Expires>
         </wsu:Timestamp>
      </wsse:Security>
   </soap:Header>
   <soap:Body>
      <soap:Fault>
         <faultcode>soap:Server</faultcode>
         <faultstring>Rate Limited</faultstring>
         <faultactor>https://webservice.s1.qa1.exacttarget.com/Service.asmx</faultactor>
         <detail>
            <apifault xmlns="urn:fault.partner.exacttarget.com">
               <Code>17</Code>
               <Message>Rate Limited</Message>
            </apifault>
         </detail>
      </soap:Fault>
   </soap:Body>
</soap:Envelope>"""

# A Rust MSN server emulator's test (find_string id 11945780244): the AddressBook service's fault as it replays it
MSN_FAULT = (
    '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><soap:Body>'
    "<soap:Fault><faultcode>soap:Client</faultcode><faultstring>API ShareItem no longer supported</faultstring>"
    "<faultactor>http://www.msn.com/webservices/AddressBook/ShareItem</faultactor><detail>"
    '<errorcode xmlns="http://www.msn.com/webservices/AddressBook">Forbidden</errorcode>'
    '<errorstring xmlns="http://www.msn.com/webservices/AddressBook">API ShareItem no longer supported</errorstring>'
    '<machineName xmlns="http://www.msn.com/webservices/AddressBook">DM2CDP1011931</machineName><additionalDetails>'
    "<originalExceptionErrorMessage>API ShareItem no longer supported</originalExceptionErrorMessage></additionalDetails>"
    "</detail></soap:Fault></soap:Body></soap:Envelope>"
)


@pytest.mark.parametrize(
    ("paste", "code", "message"),
    [(MARKETING_CLOUD_FAULT, "17", "Rate Limited"), (MSN_FAULT, "Forbidden", "API ShareItem no longer supported")],
    ids=["marketing-cloud", "msn"],
)
def test_a_soap_faults_actor_is_not_the_request_and_its_faultstring_is_read(catalog, paste, code, message):
    """<faultactor> names the node that faulted; it was shown as the request's URL. The faultstring is the message."""
    x = explain(catalog, paste)
    assert x.exchange.url is None
    assert [(m.sent.code, m.sent.message) for m in x.errors] == [(code, message)]
    assert x.vendor is None


# A PHP controller's test (find_string id 25117557248): RFC 7807's problem in XML, its status an element
PROBLEM_404_XML = """<?xml version="1.0" encoding="UTF-8"?>
<problem xmlns="urn:ietf:rfc:7807" xml:lang="en">
    <status>404</status>
    <title>Not Found</title>
</problem>"""

# LinkedIn's API error as a Python client's docstring quotes it (find_string id 30561099157)
LINKEDIN_404_XML = """<?xml VERSION='1.0' encoding='UTF-8' standalone='yes'?>
<_error>
 <status>404</status>
 <timestamp>1262186271064</timestamp>
 <_error-code>0000</_error-code>
 <message>[invalid.property.name]. Couldn't find property with name: first_name</message>
</_error>"""


@pytest.mark.parametrize("paste", [PROBLEM_404_XML, LINKEDIN_404_XML], ids=["problem", "linkedin"])
def test_a_status_element_in_an_xml_error_body_is_its_status(catalog, paste):
    x = explain(catalog, paste)
    assert x.exchange.status == 404
    assert x.vendor is None and all(m.kind.value not in ("exact", "template", "code", "status") for m in x.errors)


def test_a_bare_key_before_a_number_is_read_with_the_message_beside_it(catalog):
    """realworld own-41 (a Visma eAccounting 401 printed with bare keys): its DeveloperErrorMessage was lost (the whole
    text was the message) and only its ErrorCode, found in the text, was kept; both are read now."""
    paste = (
        "HTTP/1.1 401 Unauthorized\nContent-Type: application/json;charset=UTF-8\n\n{\nErrorCode: 4005,\n"
        'DeveloperErrorMessage: "AuthorizationException - Authorization has been denied for this request.",\n'
        'ErrorId: "1c296026-489d-434c-b7e9-70401278a086"\n}'
    )
    x = explain(catalog, paste)
    assert [(m.sent.code, m.sent.message) for m in x.errors] == [
        ("4005", "AuthorizationException - Authorization has been denied for this request.")
    ]
    assert x.vendor is None and all(m.kind.value in ("none", "fuzzy") for m in x.errors)


def test_a_status_reason_phrase_or_an_empty_message_is_not_taken_for_the_message(catalog):
    """A *Message key is read as the message, not Node's statusMessage (the reason phrase); an empty message stays empty."""
    x = explain(catalog, "{ statusCode: 422, statusMessage: 'Unprocessable Entity', body: 'bad' }")
    assert all(m.sent.message != "Unprocessable Entity" for m in x.errors)
    (m,) = explain(catalog, '{"type":"ValidationException","code":422,"message":"","errors":null}').errors
    assert (m.sent.code, m.sent.message) == ("422", "")


# A documented message of each kind (MYOB's, ProSpend's) inside the shared envelopes above: another API's shape, so its
# words alone name no vendor. Sent whole as plain text before explain34, each such body was claimed for the vendor
# whose message it held (1,286 of 1,944 probes, /work/notes/explain34-harness/shape_probes.py).
@pytest.mark.parametrize(
    "template",
    [
        '{"fault":{"faultstring":%s,"detail":{"errorcode":"policies.ratelimit.QuotaViolation"}}}',
        '{"faultstring":%s,"faultcode":"SOAP-ENV:Client-6"}',
        '{"errorCode":"E0000001","errorSummary":%s,"errorLink":"E0000001","errorCauses":[]}',
        '{"valid":0,"errors":[{"description":%s}]}',
        '{"isSucesso":false,"erros":[{"codigo":1,"mensagem":%s}]}',
        '{"responseCode":410,"responseMessage":%s}',
        '{"ErrorCode": 4010, "DeveloperErrorMessage": %s, "ErrorId": "..."}',
    ],
    ids=["apigee", "json-soap", "okta", "descriptions", "erros", "response-code", "developer-message"],
)
@pytest.mark.parametrize(
    "message", ["API key has exceeded the daily rate limit", "Invalid request body. Please check the schema and try again."]
)
def test_a_vendors_words_under_another_apis_keys_name_no_vendor(catalog, template, message):
    x = explain(catalog, template % json.dumps(message))
    assert x.vendor is None, x.clues
    assert [m.sent.message for m in x.errors] == [message]
    assert all(m.kind.value in ("none", "fuzzy") for m in x.errors)

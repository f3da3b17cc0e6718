"""Responses synthesised from catalog entries, the way each vendor would send them."""

from __future__ import annotations

import json

from errcat.model import Entry

GUID = "5a8c1d9e-3b7f-4e2a-9c61-0f2d4b8e7a13"


def _request(e: Entry, base: str) -> str:
    if not e.endpoint:
        return ""
    method = e.methods[0] if e.methods else "POST"
    path = e.endpoint.replace("{companyId}", "42").replace("{invoiceId}", "9001").replace("{lineId}", "3")
    return f"{method} {base}{path} HTTP/1.1\n\n"


def response_for(e: Entry) -> str:
    """A plausible raw HTTP response (request line first when the entry has an endpoint) for one entry."""
    if e.kind != "body":
        hosts = {"sage": "api.accounting.sage.com", "invoicexpress": "acme.app.invoicexpress.com"}
        return f"GET https://{hosts.get(e.vendor, 'api.myob.com')}/v3.1/contacts\n\nHTTP/1.1 {e.status}\n\n"
    if e.vendor == "myob":
        body = {
            "Name": e.name,
            "Message": e.message,
            "AdditionalDetails": e.details,
            "ErrorCode": e.code,
            "Severity": e.vendor_severity,
            "LearnMore": e.learn_more,
        }
        head = _request(e, f"https://api.myob.com/accountright/{GUID}")
        return f"{head}HTTP/1.1 {e.status} Bad Request\nContent-Type: application/json\n\n" + json.dumps({"Errors": [body]})
    if e.vendor == "sage":
        body = {"$severity": e.vendor_severity or "error", "$dataCode": e.code, "$message": e.message, "$source": e.details}
        return f"HTTP/1.1 {e.status}\nContent-Type: application/json\n\n" + json.dumps([body], indent=2)
    if e.vendor == "invoicexpress":  # its host too: other services send its {"errors": [{"error": ...}]} shape as well
        head = "POST https://acme.app.invoicexpress.com/invoices.json HTTP/1.1\n\n"
        return f"{head}HTTP/1.1 {e.status}\nContent-Type: application/json\n\n" + json.dumps({"errors": [{"error": e.message}]})
    head = _request(e, "https://api.apac.prospend.io") or "POST https://api.apac.prospend.io/beta/company/42/invoice\n\n"
    return f"{head}HTTP/1.1 {e.status}\n\n" + json.dumps({"code": e.code, "message": e.message})


def myob_cassette(guid: str, *exchanges: tuple[str, int, str, str]) -> str:
    """A VCR cassette of MYOB 400s, one POST per (path, code, name, message), under company file ``guid``."""
    interactions = [
        {
            "request": {"method": "post", "uri": f"https://api.myob.com/accountright/{guid}/{path}"},
            "response": {
                "status": {"code": 400, "message": "Bad Request"},
                "body": {"string": json.dumps({"Errors": [{"Name": name, "Message": msg, "ErrorCode": code}]})},
            },
        }
        for path, code, name, msg in exchanges
    ]
    return json.dumps({"http_interactions": interactions})

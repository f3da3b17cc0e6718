"""review22: hostile variants of sweep36's families in scan. Synthetic lines (values invented) holding MYOB's documented
code 37001 OrderConvertedToInvoice, which two of its documented errors share (catalog/myob.entries.yaml, MYOB's error
list), with words neither documents: explain says "one of 2 documented errors with this code"."""

from __future__ import annotations

import json

from errcat.render.scan import scan_document, scan_lines
from scanlines import scanned

_BODY = '{"Errors":[{"Name":"OrderConvertedToInvoice","Message":"%s","AdditionalDetails":"","ErrorCode":37001}]}'
FAMILY_BY_CODE = [
    f"2024-05-01T10:00:0{i}Z ERROR myob api https://arl2.api.myob.com/accountright/x/Sale/Order 400 " + _BODY % words
    for i, words in enumerate(("Order 12 was converted", "Order 4411 was converted"))
]


def test_a_family_sharing_a_code_is_headed_by_that_code_unmasked(index, tmp_path):
    """A family's group masked its code as a number that varies ("one of 2 documented errors with this code  <n>
    OrderConvertedToInvoice"): the code it shares was hidden from its heading, where a group not in the catalog keeps
    its code and name whole; the varying numbers of its words are still one group."""
    report = scanned(index, tmp_path, "app.log", FAMILY_BY_CODE)
    assert report.family_count == 2 and report.unmatched_count == 0
    (family,) = report.families.values()
    assert family.text == "37001 OrderConvertedToInvoice: Order <n> was converted"
    assert family.shares == "code"
    text = "\n".join("".join(part for part, _ in line) for line in scan_lines(report, 10))
    assert "with this code  37001 OrderConvertedToInvoice" in text
    assert json.loads(json.dumps(scan_document(report, 10), default=str))["families"][0]["text"] == family.text

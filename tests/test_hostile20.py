"""Hostile input, twentieth round (hostile20 harness under /work/notes): a log of many distinct undocumented vendor
errors of one call shape (each its own code, or a customer's name in its message) is bounded in what it costs, and
never loses a documented error of that shape that comes after them."""

from __future__ import annotations

import json

import pytest

import errcat
from errcat.scan import ScanOptions, scan
from errcat.scan.settled import SETTLE_AFTER

URL = "https://api.myob.com/accountright/x/Sale/Invoice/Item"
NAMES = ["Kofi Nakamura", "Rosa Okafor", "Chen Kowalski", "Ivo Ivanova", "Dana Silva", "Omar Haddad", "Lena Novak"]
WORDS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _line(k: int, body: str) -> str:
    return f"2026-11-19T02:{k // 60 % 60:02d}:{k % 60:02d}Z ERROR POST {URL} -> 400 {body}\n"


def _coded(k: int) -> str:
    return _line(k, f'{{"Errors":[{{"ErrorCode":{90000 + k},"Name":"Custom{k}Thing"}}]}}')


def _named(k: int, message: str | None = None) -> str:
    name = f"{NAMES[k % 7]} {NAMES[k // 7 % 7].split()[0]} {WORDS[k // 49 % 8]}-{WORDS[k % 8]}"
    said = message or f"Customer {name} cannot be invoiced {WORDS[k % 5]} hundred dollars: credit limit exceeded"
    return _line(
        k, f'{{"Errors":[{{"Name":"ValidationError","Message":"{said}","AdditionalDetails":"Amount","ErrorCode":4000}}]}}'
    )


def _scan(index, tmp_path, lines: list[str], **options) -> errcat.scan.ScanReport:
    path = tmp_path / "many.log"
    path.write_text("".join(lines))
    return scan(index, [str(path)], ScanOptions(workers=1, **options))


@pytest.mark.parametrize("make", [_coded, _named], ids=["distinct-codes", "names-in-messages"])
def test_distinct_undocumented_errors_of_one_shape_are_grouped_after_a_bounded_number_of_explains(index, tmp_path, make):
    """hostile19: 100,000 distinct MYOB codes were 100,000 explains (145 s); a customer's name in each message the same.
    After SETTLE_AFTER of one call shape came out undocumented alike, the rest are counted in one group that says they
    were not explained one by one: every record counted, none claimed documented."""
    report = _scan(index, tmp_path, [make(k) for k in range(SETTLE_AFTER + 400)])
    assert report.errors == SETTLE_AFTER + 400
    assert report.explained <= SETTLE_AFTER + 5
    assert not report.matched
    group = max(report.unmatched.values(), key=lambda g: g.count)
    assert group.count == 400 and group.vendor == "myob" and group.status == 400
    assert group.text.startswith(f"not explained one by one (the first {SETTLE_AFTER} of this call's shape were")
    assert "ErrorCode:<n>" in group.text  # the shape's masks, no number of its own ("ErrorCode:0" read as a code 0)
    assert group.samples[0][0].line == SETTLE_AFTER + 1 and make(SETTLE_AFTER).strip() == group.samples[0][1]  # its own words


@pytest.mark.parametrize(
    "documented",
    [
        _line(0, '{"Errors":[{"ErrorCode":11003,"Name":"CustomerNotFound"}]}'),  # a documented code and name
    ],
    ids=["code-and-name"],
)
def test_a_documented_error_of_a_settled_shape_is_still_explained_and_matched(index, tmp_path, documented):
    """The grouping never costs a documented error: a record holding a documented code or name that the shape's first
    records did not all hold is explained as before."""
    lines = (
        [_coded(k) for k in range(SETTLE_AFTER + 50)]
        + [documented]
        + [_coded(k) for k in range(SETTLE_AFTER + 50, SETTLE_AFTER + 90)]
    )
    alone = _scan(index, tmp_path, [documented])
    report = _scan(index, tmp_path, lines)
    assert report.errors == SETTLE_AFTER + 91
    assert {k[:3] for k in report.matched} == {k[:3] for k in alone.matched} != set()


def test_a_documented_message_in_a_settled_shape_is_still_explained(index, tmp_path):
    """InvoiceXpress's errors are told by their message alone: after a shape settled on customers' names in its
    messages (each only its status documented, shown as not in the catalog), a documented message is still matched."""

    def said(k: int, message: str) -> str:
        body = json.dumps({"errors": [{"error": message}]})
        return f"2026-11-19T02:00:{k % 60:02d}Z ERROR POST https://acme.app.invoicexpress.com/invoices.json -> 422 {body}\n"

    documented = said(0, "Email: is an invalid email")
    alone = _scan(index, tmp_path, [documented])
    assert alone.matched
    names = [
        said(k, f"Client {NAMES[k % 7]} {WORDS[k // 7 % 8]}-{WORDS[k % 8]} owes {WORDS[k % 5]} dollars")
        for k in range(SETTLE_AFTER + 50)
    ]
    report = _scan(index, tmp_path, [*names, documented])
    assert report.explained <= SETTLE_AFTER + 5
    assert set(report.matched) == set(alone.matched)
    assert report.errors == SETTLE_AFTER + 51


def _sage(message: str) -> str:
    diagnosis = {"$severity": "error", "$dataCode": "ValidationError", "$message": message, "$source": "description"}
    return "POST https://api.sageone.com/accounts/v1/products -> 422 " + json.dumps({"$diagnoses": [diagnosis]})


def _ix_json(message: str) -> str:
    return "POST https://acme.app.invoicexpress.com/invoices.json -> 400 " + json.dumps({"errors": [{"error": message}]})


def _ix_xml(message: str) -> str:
    return f"POST https://acme.app.invoicexpress.com/invoices.xml -> 422 <errors><error>{message}</error></errors>"


@pytest.mark.parametrize(
    ("said", "documented", "written"),
    [
        (_sage, "blank", '"blank"'),  # Sage's, one word too short to look for in any text: as a whole value
        (_ix_json, "Raz\u00e3o de isen\u00e7\u00e3o deve ter uma op\u00e7\u00e3o selecionada", "Raz\\u00e3o"),  # json.dumps
        (_ix_xml, "Unit price can&apos;t be blank", "can&apos;t"),  # InvoiceXpress answers XML too
        (_ix_json, "Unit price  can't be\nblank", "price  can't"),  # other spacing: a line wrapped, a space doubled
        (_ix_json, "UNIT PRICE CAN'T BE BLANK", "UNIT PRICE"),  # other case
    ],
    ids=["one-short-word", "json-escapes", "xml-entities", "spacing", "case"],
)
def test_a_documented_message_as_a_body_writes_it_is_still_explained_after_a_settled_shape(
    index, tmp_path, said, documented, written
):
    """A documented message is looked for as explain reads it: a word too short to look for anywhere as a whole value,
    JSON's escapes and XML's entities read. Each was counted undocumented in the settled shape's group."""

    def line(k: int, message: str) -> str:
        return f"2026-11-19T02:00:{k % 60:02d}Z ERROR {said(message)}\n"

    assert written in line(0, documented)
    alone = _scan(index, tmp_path, [line(0, documented)])
    assert alone.matched
    words = ["".join("abcdefghijklmnopqrstuvwxyz"[k // 26**i % 26] for i in range(3)) for k in range(SETTLE_AFTER + 50)]
    late = _scan(
        index, tmp_path, [line(k, f"Cliente {w} tem saldo em atraso") for k, w in enumerate(words)] + [line(0, documented)]
    )
    assert any(g.text.startswith("not explained") for g in late.unmatched.values())  # the shape settled before it
    assert set(late.matched) == set(alone.matched)
    assert late.errors == SETTLE_AFTER + 51


def test_a_shape_whose_records_differ_in_vendor_or_status_never_settles(index, tmp_path):
    """Records of one shape that came out two ways (here two statuses) are each explained: a group's vendor and
    status are only ever the ones explain gave."""
    lines = [_coded(k).replace("-> 400", "-> 400" if k % 2 else "-> 409") for k in range(SETTLE_AFTER + 60)]
    report = _scan(index, tmp_path, lines)
    assert report.explained == SETTLE_AFTER + 60
    assert not any(g.text.startswith("not explained") for g in report.unmatched.values())


def test_a_record_of_a_settled_shape_naming_another_vendor_is_explained_not_given_the_shapes_vendor(index, tmp_path):
    """A shape masks its quoted values, where a vendor may be named ("service":"MYOB AccountRight"): a record of a
    settled shape that names another vendor is explained (here: no vendor, weak clues), never counted as the shape's."""

    def line(k: int, service: str) -> str:
        body = json.dumps({"service": service, "Errors": [{"ErrorCode": 90000 + k, "Name": f"Custom{k}Thing"}]})
        return f"2026-11-19T02:00:{k % 60:02d}Z ERROR sync failed: status 400 {body}\n"

    lines = [line(k, "MYOB AccountRight") for k in range(SETTLE_AFTER + 50)] + [line(99999, "Sage Business Cloud Accounting")]
    report = _scan(index, tmp_path, lines)
    assert report.explained <= SETTLE_AFTER + 5
    assert sum(g.count for g in report.unmatched.values() if g.vendor == "myob") == SETTLE_AFTER + 50
    assert [g.count for g in report.unmatched.values() if g.vendor != "myob"] == [1]

"""Results outlive their catalog (#32): ``with errcat.ErrorCatalog.open() as c: x = c.explain(paste)``
and then every view of ``x`` after the block, as the api docstring shows it. An explanation carries
the facts its views read; no cache keeps a closed index alive."""

from __future__ import annotations

import gc
import json
import weakref

import pytest

import errcat
from errcat.render.text import plain
from errcat.render.views import explain_view

PASTES = {
    "documented code": '{"Errors":[{"Name":"DatePriorToBeginningOfFinancialYear","ErrorCode":25008}]}',
    "observed": (
        "HTTP/1.1 401 Unauthorized\n\n"
        '[{"$severity":"error","$dataCode":"AuthorizationFailure","$message":"Access denied.","$source":""}]'
    ),
    "bare status": "HTTP/1.1 404 Not Found",
    "unknown": "something odd happened in the billing run",
    "recording": json.dumps(
        {
            "log": {
                "entries": [
                    {
                        "request": {"method": "POST", "url": "https://api.myob.com/accountright/abc/Sale/Invoice/Item"},
                        "response": {
                            "status": 400,
                            "statusText": "Bad Request",
                            "content": {"text": '{"Errors":[{"Name":"DatePriorToBeginningOfFinancialYear","ErrorCode":25008}]}'},
                        },
                    }
                ]
            }
        }
    ),
}


def _views(x: errcat.Explanation) -> dict[str, str]:
    return {
        "str": str(x),
        "as_dict": json.dumps(x.as_dict()),
        "json": str(explain_view("json", x)),
        "markdown": str(explain_view("markdown", x)),
        "table": plain(explain_view("table", x)),  # type: ignore[arg-type]
    }


@pytest.mark.parametrize("kind", sorted(PASTES))
def test_every_view_renders_after_the_catalog_is_closed(kind):
    with errcat.ErrorCatalog.open() as c:
        x = c.explain(PASTES[kind])
        before = _views(x)
    after = _views(x)  # the index is closed now: no view may read it
    assert after == before
    assert all(after.values())


def test_what_the_views_show_comes_with_the_explanation():
    with errcat.ErrorCatalog.open() as c:
        x = c.explain(PASTES["documented code"])
    d = x.as_dict()
    assert d["vendor"] == "myob" and d["errors"][0]["match"] == "code"
    assert d["errors"][0]["explanation"]["fix"]  # the guide, copied out of the index
    assert d["errors"][0]["scenarios"]
    assert "MYOB" in (x.vendor_name() or "")
    assert "(retry:" in str(x)


def test_a_closed_index_is_not_kept_alive_by_explain():
    c = errcat.ErrorCatalog.open()
    x = c.explain(PASTES["observed"])
    ref = weakref.ref(c.index)
    c.close()
    del c
    gc.collect()
    assert ref() is None, gc.get_referrers(ref())
    assert "AuthorizationFailure" in str(x) or "Access denied" in str(x)


def test_query_results_render_after_the_catalog_is_closed():
    from errcat.render.views import endpoints_view, list_view, lookup_view, search_view, vendors_view

    with errcat.ErrorCatalog.open() as c:
        found, hits, rows = c.lookup("25008"), c.search("financial year"), c.list(vendor="sage")
        endpoints, vendors = c.endpoints("myob"), c.vendor_summaries()
    for fmt in ("json", "markdown", "table"):
        assert "DatePriorToBeginningOfFinancialYear" in str(lookup_view(fmt, found))
        assert "25008" in str(search_view(fmt, "financial year", hits))
        assert "sage" in str(list_view(fmt, rows))
        assert "Sale/Invoice" in str(endpoints_view(fmt, endpoints))
        assert "MYOB" in str(vendors_view(fmt, vendors))


def _scanned_log(folder) -> str:
    """A generated log (scripts/gen_log.py: every shape, documented and unknown errors) to scan."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    import gen_log

    lines, _ = gen_log.block(40, 2, seed=5, extras=True)
    path = folder / "app.log"
    path.write_text("\n".join(lines) + "\n")
    return str(path)


def _every_result(c: errcat.ErrorCatalog, log: str) -> dict[str, object]:
    """One of each public result type, as a Python user gets it from an open catalog."""
    x = c.explain(PASTES["documented code"])
    return {
        "lookup": c.lookup("25008"),
        "lookup with suggestions": c.lookup("DatePriorToBegining"),
        "search": c.search("financial year"),
        "list": c.list(vendor="sage"),
        "explain": x,
        "explain observed": c.explain(PASTES["observed"]),
        "explain unknown": c.explain(PASTES["unknown"]),
        "scan": c.scan([log], workers=1),
        "endpoints": c.endpoints("myob"),
        "vendors": c.vendor_summaries(),
        "export": c.export("invoicexpress"),
        "advice": errcat.retry_advice(x),
        "entry": c.lookup("25008").sections[0].groups[0].entries[0],
    }


def test_every_result_type_survives_closing_and_a_rebuilt_cache(tmp_path, monkeypatch):
    """Each result keeps its repr, str, equality, pickle and deep copy once its catalog is closed
    and the process's cache folder is cleared and rebuilt (a long-lived worker's lifetime)."""
    import copy
    import pickle

    from errcat import api
    from errcat.index.cache import CACHE_ENV

    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))  # cleared below: this test's own folder
    log = _scanned_log(tmp_path)
    with errcat.ErrorCatalog.open() as c:
        results = _every_result(c, log)
        before = {k: (repr(v), str(v)) for k, v in results.items()}
    api.clear_cache()
    with errcat.ErrorCatalog.open() as rebuilt:  # a fresh index file: equal answers, equal results
        again = _every_result(rebuilt, log)
    assert results["scan"].matched_count > 0 and results["scan"].unmatched_count > 0  # type: ignore[attr-defined]
    for name, value in results.items():
        assert (repr(value), str(value)) == before[name], name
        assert pickle.loads(pickle.dumps(value)) == value, name
        assert copy.deepcopy(value) == value, name
        if name != "scan":  # a scan report also carries its elapsed time
            assert again[name] == value, name


def test_scan_and_explanation_documents_after_close_equal_those_made_while_open(tmp_path):
    import pickle

    from errcat.render.views import scan_view

    log = _scanned_log(tmp_path)
    with errcat.ErrorCatalog.open() as c:
        report, x = c.scan([log], workers=1), c.explain(PASTES["recording"])
        open_views = [str(scan_view(fmt, report, top=10)) for fmt in ("json", "markdown")], x.as_dict()
    copied = pickle.loads(pickle.dumps(x))
    assert [str(scan_view(fmt, report, top=10)) for fmt in ("json", "markdown")] == open_views[0]
    assert json.loads(json.dumps(copied.as_dict())) == open_views[1]
    assert (copied.fingerprint, copied.doc_url, copied.request_id, copied.all_matched) == (
        x.fingerprint,
        x.doc_url,
        x.request_id,
        x.all_matched,
    )


def _client_errors(x: errcat.Explanation) -> list[errcat.VendorError]:
    """The VendorError itself and the requests and httpx hooks' own (built as the hooks build them)."""
    import httpx
    import requests

    from errcat.integrations.httpx import HttpxVendorError
    from errcat.integrations.requests import RequestsVendorError

    body, url = PASTES["documented code"].encode(), "https://api.myob.com/accountright/abc/Sale/Invoice/Item"
    sent = requests.Response()
    sent.status_code, sent._content, sent.url = 400, body, url
    sent.request = requests.Request("POST", url).prepare()
    got = httpx.Response(400, content=body, request=httpx.Request("POST", url))
    return [errcat.VendorError(x), RequestsVendorError(x, sent), HttpxVendorError(x, got)]


def test_a_vendor_error_pickles_with_its_explanation_and_advice():
    """A VendorError crosses a process boundary (multiprocessing, Celery, a pickled traceback) whole:
    it used to be rebuilt from its message, which is no explanation (AttributeError on unpickling)."""
    import copy
    import pickle

    with errcat.ErrorCatalog.open() as c:
        errors = _client_errors(c.explain(PASTES["documented code"]))
    for error in errors:
        for twin in (pickle.loads(pickle.dumps(error)), copy.deepcopy(error)):
            assert type(twin) is type(error)
            assert str(twin) == str(error) and twin.args == error.args
            assert twin.explanation == error.explanation and twin.advice == error.advice
            assert errcat.retry_advice(twin) == errcat.retry_advice(error)
            if error.response is not None:
                assert twin.response.status_code == 400

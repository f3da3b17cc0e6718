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

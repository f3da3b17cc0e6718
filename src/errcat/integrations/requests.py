"""A response hook for ``requests``: error responses raise an exception that is both an
``errcat.VendorError`` and a ``requests.HTTPError``.

>>> session = requests.Session()
>>> session.hooks["response"].append(errcat.integrations.requests.hook(vendor="myob"))
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from . import needs

try:
    import requests
except ImportError as missing:  # imported without its extra
    raise needs("requests", "requests", missing) from None

from . import VendorError, attribute, explain_response, given_catalog, hooked_status, summary

if TYPE_CHECKING:
    from ..api import ErrorCatalog


class RequestsVendorError(VendorError, requests.HTTPError):
    """An explained error response from ``requests``."""

    def __init__(self, explanation: Any, response: requests.Response) -> None:
        requests.HTTPError.__init__(self, summary(explanation), response=response, request=attribute(response, "request"))
        self._explained(explanation, response)


def hook(
    vendor: str | None = None,
    *,
    statuses: Iterable[int] | None = None,
    attach: bool = False,
    catalog: ErrorCatalog | None = None,
) -> Callable[..., requests.Response]:
    """A hook for ``Session.hooks["response"]``: on an error response (status >= 400, or one of
    ``statuses``) raise RequestsVendorError; with ``attach``, set ``response.errcat`` and raise nothing."""
    given_catalog(catalog)
    wanted = set(statuses) if statuses is not None else None

    def on_response(response: requests.Response, *args: Any, **kwargs: Any) -> requests.Response:
        status = hooked_status(response, "requests")
        failing = status in wanted if wanted is not None else status >= 400
        if not failing:
            return response
        x = explain_response(response, vendor=vendor, catalog=catalog)
        if attach:
            response.errcat = x  # type: ignore[attr-defined]
            return response
        raise RequestsVendorError(x, response)

    return on_response

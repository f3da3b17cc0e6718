"""Event hooks for ``httpx``: error responses raise an exception that is both an
``errcat.VendorError`` and an ``httpx.HTTPStatusError``.

>>> client = httpx.Client(event_hooks={"response": [errcat.integrations.httpx.hook(vendor="sage")]})
>>> client = httpx.AsyncClient(event_hooks={"response": [errcat.integrations.httpx.async_hook()]})
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from typing import TYPE_CHECKING, Any

from . import needs

try:
    import httpx
except ImportError as missing:  # imported without its extra
    raise needs("httpx", "httpx", missing) from None

from . import VendorError, bodies, explain_response, given_catalog, hooked_status, off_loop, summary

if TYPE_CHECKING:
    from ..api import ErrorCatalog


class HttpxVendorError(VendorError, httpx.HTTPStatusError):
    """An explained error response from ``httpx``."""

    def __init__(self, explanation: Any, response: httpx.Response) -> None:
        request = _request_of(response)  # None: httpx.HTTPStatusError takes it, and its .request raises as the response's did
        httpx.HTTPStatusError.__init__(self, summary(explanation), request=request, response=response)  # type: ignore[arg-type]
        self._explained(explanation, response)


def _request_of(response: httpx.Response) -> httpx.Request | None:
    """The response's request, or None for a response made without one (``httpx.Response(400, json=...)``
    in a test, a mock transport): httpx's ``.request`` raises RuntimeError there, which the hook raised
    in place of the explained error; an object like a response (a test's stand-in) may have none."""
    try:
        return response.request
    except (RuntimeError, AttributeError):
        return None


def _failing(response: httpx.Response, wanted: set[int] | None) -> bool:
    status = hooked_status(response, "httpx")
    return status in wanted if wanted is not None else status >= 400


def _settle(response: httpx.Response, x: Any, attach: bool) -> None:
    if attach:
        response.extensions["errcat"] = x
        return
    raise HttpxVendorError(x, response)


def hook(
    vendor: str | None = None, *, statuses: Iterable[int] | None = None, attach: bool = False, catalog: ErrorCatalog | None = None
) -> Callable[[httpx.Response], None]:
    """A ``response`` event hook for ``httpx.Client``: on an error response raise HttpxVendorError
    (with ``attach``, put the explanation in ``response.extensions["errcat"]`` instead)."""
    given_catalog(catalog)
    wanted = set(statuses) if statuses is not None else None

    def on_response(response: httpx.Response) -> None:
        if _failing(response, wanted):
            bodies.read_httpx(response)  # hooks run before the body is read: read to explain's cap
            _settle(response, explain_response(response, vendor=vendor, catalog=catalog), attach)

    return on_response


def async_hook(
    vendor: str | None = None, *, statuses: Iterable[int] | None = None, attach: bool = False, catalog: ErrorCatalog | None = None
) -> Callable[[httpx.Response], Awaitable[None]]:
    """The same hook for ``httpx.AsyncClient``; the body is explained on a worker thread, not the event loop."""
    given_catalog(catalog)
    wanted = set(statuses) if statuses is not None else None

    async def on_response(response: httpx.Response) -> None:
        if _failing(response, wanted):
            await bodies.aread_httpx(response)
            _settle(response, await off_loop(lambda: explain_response(response, vendor=vendor, catalog=catalog)), attach)

    return on_response

"""The HTTP facts of one exchange as the explain pipeline passes them on: never changed once made.

``split`` finds them in a paste, a client hands them over (``explain_exchange``), a recording holds
them; from then on each stage reads an ``Exchange`` and, when it learns more (a status or URL stated
inside the body), returns a new one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from .split import url_parts

if TYPE_CHECKING:
    from . import split


class Exchange(NamedTuple):
    """Request line, status, headers and body of one exchange (every value already redacted)."""

    text: str  # everything the exchange says, as text (the paste, or the exchange written out): clues are looked for here
    body: str  # the text errors are read from
    method: str | None = None
    url: str | None = None
    host: str | None = None
    path: str | None = None
    status: int | None = None
    reason: str | None = None
    headers: tuple[tuple[str, str], ...] = ()

    def header(self, name: str) -> str | None:
        """The first value of a header, by its name in any case."""
        name = name.lower()
        return next((v for k, v in self.headers if k.lower() == name), None)

    def with_url(self, url: str) -> Exchange:
        """The exchange with its request URL (absolute, or a path) and the host and path it names."""
        if url.startswith("/"):
            return self._replace(url=url, path=url.split("?", 1)[0].split("#", 1)[0])
        parts = url_parts(url)
        if parts is None:
            return self._replace(url=url)
        return self._replace(url=url, host=parts[0], path=parts[1])

    @classmethod
    def of(cls, found: split.Framing) -> Exchange:
        """What ``split`` found in a paste, frozen."""
        headers = tuple(found.headers)
        return cls(found.text, found.body, found.method, found.url, found.host, found.path, found.status, found.reason, headers)

"""Hostile input, sixth round: each input ends in a clear answer or a one-line error with a
documented exit code, never a traceback, a hang, unbounded memory or a silent drop. Rows run the
real CLI in a subprocess or the real API against a real server on 127.0.0.1."""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest
import requests

import errcat
from errcat.integrations import explain_response
from errcat.integrations import httpx as errcat_httpx
from errcat.integrations import requests as errcat_requests
from localserver import Handler, server_fixture
from test_hostile5 import MYOB_BODY

# ---- the hooks: a body that breaks off after its first bytes -----------------------------------------
# The server sends the whole MYOB body and then fails: it promised more (a Content-Length the
# connection closes short of), stalls past the client's timeout, or says gzip and is not. The bytes
# that came were dropped (urllib3's read(amt) and httpx's 64 KB chunker raise with them unreturned):
# the explanation had the status alone and no word of the body.

BODY = MYOB_BODY.encode("utf-8")
HEAD = b"HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nConnection: close\r\n"


class _Breaking(Handler):
    def do_GET(self) -> None:
        if self.path == "/short":  # 10 GB promised
            self.wfile.write(HEAD + b"Content-Length: 10737418240\r\n\r\n" + BODY)
        elif self.path == "/stall":  # the rest never comes
            self.wfile.write(HEAD + b"Content-Length: %d\r\n\r\n" % (len(BODY) + 100) + BODY)
            self.wfile.flush()
            time.sleep(3)
        else:  # /gzip: no gzip stream at all
            self.wfile.write(HEAD + b"Content-Encoding: gzip\r\nContent-Length: 20\r\n\r\nnot a gzip stream...")
        self.close_connection = True


breaking_server = server_fixture(_Breaking)


def _explained(client: str, url: str) -> errcat.Explanation:
    catalog = errcat.open_catalog(use_env=False)
    if client == "requests hook":
        session = requests.Session()
        session.hooks["response"].append(errcat_requests.hook(attach=True, catalog=catalog))
        return session.get(url, timeout=1).errcat  # type: ignore[attr-defined]
    if client == "requests stream":
        return explain_response(requests.get(url, timeout=1, stream=True), catalog=catalog)
    if client == "httpx hook":
        with httpx.Client(timeout=1, event_hooks={"response": [errcat_httpx.hook(attach=True, catalog=catalog)]}) as http:
            return http.get(url).extensions["errcat"]

    async def fetch() -> errcat.Explanation:
        hooks = {"response": [errcat_httpx.async_hook(attach=True, catalog=catalog)]}
        async with httpx.AsyncClient(timeout=1, event_hooks=hooks) as http:
            return (await http.get(url)).extensions["errcat"]

    return asyncio.run(fetch())


CLIENTS = ["requests hook", "requests stream", "httpx hook", "httpx async hook"]


@pytest.mark.parametrize("path", ["/short", "/stall"])
@pytest.mark.parametrize("client", CLIENTS)
def test_a_body_that_breaks_off_is_explained_as_far_as_it_came_and_said_so(breaking_server, client, path):
    x = _explained(client, breaking_server + path)
    assert x.vendor == "myob" and x.errors[0].observed.message.endswith("cannot be found.")
    assert f"the body could not be read past its first {len(BODY):,} bytes" in " ".join(x.notes)


@pytest.mark.parametrize("client", CLIENTS)
def test_a_body_that_cannot_be_decoded_is_said_not_passed_over(breaking_server, client):
    x = _explained(client, breaking_server + "/gzip")
    assert x.exchange.status == 404
    assert any(n.startswith("the body could not be read past its first 0 bytes") for n in x.notes)

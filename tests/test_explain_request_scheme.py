"""errcat explain on a curl -v paste: the request URL it reports is rebuilt from the request line and the Host
header, and its scheme must be the one the paste gives that host, not an assumed https. The paste is real
(its source is named beside it); the https case is the same paste with its command line's scheme changed."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from errcat.cli import app

# GitHub issue btcpayserver/btcpayserver#2519 (2021-05-11), BTCPay Server's Greenfield API over plain http on
# localhost; the reporter had cut the Basic credentials, the characters left are replaced by random ones.
CURL_V_HTTP = """curl -v -H "Content-Type: application/json" -H "Authorization: Basic q8TnW2x<stripped>Lm4RpZs9UA==" -X GET "http://localhost:23000/api/v1/stores/8US5rraqHGQuRaWkU2hYRWApw4SVhh8MA8zaFqpjbQ5k/invoices/7yEuESVHkcRXzYdAwTs1dj"
Note: Unnecessary use of -X or --request, GET is already inferred.
*   Trying 127.0.0.1...
* TCP_NODELAY set
* Connected to localhost (127.0.0.1) port 23000 (#0)
> GET /api/v1/stores/8US5rraqHGQuRaWkU2hYRWApw4SVhh8MA8zaFqpjbQ5k/invoices/7yEuESVHkcRXzYdAwTs1dj HTTP/1.1
> Host: localhost:23000
> User-Agent: curl/7.58.0
> Accept: */*
> Content-Type: application/json
> Authorization: Basic q8TnW2x<stripped>Lm4RpZs9UA==
>
< HTTP/1.1 401 Unauthorized
< Date: Tue, 11 May 2021 13:38:33 GMT
< Server: Kestrel
< Content-Length: 0
<
* Connection #0 to host localhost left intact"""


def _explain(paste: str, fmt: str) -> str:
    result = CliRunner().invoke(app, ["explain", "--format", fmt], input=paste, env={"ERRCAT_CATALOG": ""})
    assert result.exit_code in (0, 1), result.output
    return result.stdout


def test_a_plain_http_call_is_reported_as_http():
    http = json.loads(_explain(CURL_V_HTTP, "json"))["http"]
    assert http["url"].startswith("http://localhost:23000/api/v1/stores/"), http
    assert (http["method"], http["status"], http["host"]) == ("GET", 401, "localhost")
    assert "request:  GET http://localhost:23000/" in _explain(CURL_V_HTTP, "table")


def test_the_credential_is_not_printed_back_in_any_format():
    for fmt in ("table", "json", "markdown"):
        out = _explain(CURL_V_HTTP, fmt)
        assert "q8TnW2x" not in out and "Lm4RpZs9" not in out, fmt


def test_a_host_the_paste_names_with_https_keeps_https():
    # The same exchange had the command line named the host over https: the scheme follows the paste.
    paste = CURL_V_HTTP.replace('"http://localhost:23000', '"https://localhost:23000')
    assert json.loads(_explain(paste, "json"))["http"]["url"].startswith("https://localhost:23000/")

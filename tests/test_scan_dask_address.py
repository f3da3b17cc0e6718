"""`errcat scan --dask ADDRESS` where no scheduler can be: said at once, in one line (integ25). A port of 127.0.0.1
that refuses the connection took 38 s on a loaded machine to be said as "cannot reach the scheduler (OSError)"
(distributed retries a refused connection until its time-out), and `nonsense://x` 26 s, as "(ValueError)"."""

from __future__ import annotations

import socket
import time

import pytest

pytest.importorskip("distributed", reason="errcat[dask] comes with the test extras")


@pytest.fixture(autouse=True)
def slow_connect_time_out():
    """Distributed's connect time-out at 600 s, so that a scan which left the refusal to its retries would take 600 s:
    the bounds below (120 s) tell "at once" from that on a loaded machine, where 8 s against its default 10 s did not."""
    import dask

    with dask.config.set({"distributed.comm.timeouts.connect": "600s"}):
        yield


@pytest.fixture
def log(tmp_path):
    path = tmp_path / "app.log"
    path.write_text("2026-11-19T02:00:00Z INFO sync: ok\n", encoding="utf-8")
    return path


def closed_port() -> int:
    with socket.socket() as s:  # free a moment ago: nothing listens there now
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("form", ["tcp://127.0.0.1:{port}", "127.0.0.1:{port}"])
def test_a_refused_connection_is_said_at_once(cli, log, form):
    address = form.format(port=closed_port())
    started = time.monotonic()
    result = cli("scan", str(log), "--dask", address)
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"errcat: --dask {address}: cannot reach the scheduler: the connection was refused"
    ]
    assert time.monotonic() - started < 120  # distributed's own retries last its connect time-out (600 s here)


def test_a_host_name_that_does_not_resolve_is_said_so(cli, log):
    result = cli("scan", str(log), "--dask", "tcp://scheduler.invalid:8786")  # .invalid never resolves (RFC 6761)
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "errcat: --dask tcp://scheduler.invalid:8786: cannot reach the scheduler: the host name does not resolve"
    ]


def test_a_scheme_dask_has_no_transport_for_names_those_it_has(cli, log):
    started = time.monotonic()
    result = cli("scan", str(log), "--dask", "nonsense://x")
    assert result.exit_code == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("errcat: --dask nonsense://x: no Dask transport for nonsense:// (Dask's: ")
    assert "tcp://" in line and "tls://" in line and line.endswith(", or local")
    assert time.monotonic() - started < 120

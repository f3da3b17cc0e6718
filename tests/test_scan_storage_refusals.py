"""errcat scan of s3:// objects the storage refuses to serve (moto's S3 server on 127.0.0.1 with its IAM check on):
wrong credentials and no credentials are each said as what they are, in the report's one line for the input, and
neither the key id nor the secret is printed (integ24: the report said only `cannot read: PermissionError`); a
folder named by URL (an S3 prefix) says the glob that reads its files (it said only `not a file`)."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import NamedTuple

import pytest

KEY_ID = "AKIAJ4QXW7RZ2LCVT8NB"  # random strings of AWS's shapes: no such user in moto's IAM
SECRET = "pQ3v8KzR1xWm5TnYb7Lc2HdF9sJg4ZaE6uVo0iXe"


# what a scan says of an s3:// input read with no credentials at all (see test_no_credentials_at_all_...)
NO_CREDENTIALS = (
    "PermissionError: the storage refused access (no credentials, wrong ones, or too few rights)",
    "NoCredentialsError: no credentials found (environment, profile or instance role; on a Dask cluster, the workers' own)",
)


@pytest.fixture(scope="module")
def refusing_s3():
    """moto's S3 API with IAM on from its first request: any access key is refused as S3 refuses an unknown one."""
    from moto import settings
    from moto.server import ThreadedMotoServer

    saved = settings.INITIAL_NO_AUTH_ACTION_COUNT
    settings.INITIAL_NO_AUTH_ACTION_COUNT = 0
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()
    settings.INITIAL_NO_AUTH_ACTION_COUNT = saved


@pytest.fixture
def aws_env(refusing_s3, monkeypatch, tmp_path):
    monkeypatch.setenv("AWS_ENDPOINT_URL_S3", refusing_s3)
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "none"))  # no profile of the machine's
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "none"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")  # no instance role asked for
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_ENDPOINT_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("ERRCAT_CATALOG", raising=False)
    return monkeypatch


class _Run(NamedTuple):
    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


@pytest.fixture
def errcat_run(aws_env):
    """errcat scan in its own process, as a user runs it: run in the tests' process, it met what earlier modules left
    there (fsspec's S3FileSystem cached for test_scan_cluster's moto server, stopped since; botocore's credential
    lookups), and said an endpoint or credentials were missing where the storage refuses."""

    def run(*args: str) -> _Run:
        done = subprocess.run([sys.executable, "-m", "errcat", *args], capture_output=True, text=True, timeout=300)
        return _Run(done.returncode, done.stdout, done.stderr)

    return run


@pytest.mark.parametrize("name", ["s3://team-logs/app.log", "s3://team-logs/2026-12-*/app-*.log"])
def test_wrong_credentials_are_said_as_refused_and_never_printed(errcat_run, aws_env, name):
    aws_env.setenv("AWS_ACCESS_KEY_ID", KEY_ID)
    aws_env.setenv("AWS_SECRET_ACCESS_KEY", SECRET)
    result = errcat_run("scan", name)
    assert result.exit_code == 2 and "Traceback" not in result.output
    said = result.stdout + result.stderr
    assert KEY_ID not in said and SECRET not in said and KEY_ID[4:] not in said
    assert "PermissionError InvalidAccessKeyId: the storage refused access" in said or (
        "cannot read: PermissionError: the storage refused access (no credentials, wrong ones, or too few rights)" in said
    ), said  # a HEAD's refusal has no body, so no code: the listing's has S3's


def test_no_credentials_at_all_are_said_as_none_found_or_refused(errcat_run, aws_env):
    """s3fs, finding no credentials, asks anonymously and the storage refuses; or botocore says none were found
    (seen in the full suite after test_scan_cluster, in a process of its own too: the cause was not found). Either is
    one line that says what is missing."""
    result = errcat_run("scan", "s3://team-logs/app.log")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert any(f"  cannot read: {said}" in result.stdout for said in NO_CREDENTIALS), result.stdout


def test_botocore_finding_no_credentials_is_said_so():
    """botocore's own NoCredentialsError (s3fs raises it when it is told not to fall back to anonymous reads, and
    on a Dask worker started without the client's environment): named with where credentials are looked for."""
    from botocore.exceptions import NoCredentialsError

    from errcat.scan.remote import failure

    assert failure(NoCredentialsError()).startswith("NoCredentialsError: no credentials found (environment, profile")


def test_a_local_file_s_permission_error_is_the_os_s_not_a_storage_s():
    """A local path on a Dask cluster is a file:// URL its worker opens: a file it may not read is the OS's refusal
    (as open() raises it), not a storage's, and no credentials are blamed for it."""
    import errno

    from errcat.scan.remote import failure

    denied = PermissionError(errno.EACCES, "Permission denied", "/var/log/sync/app.log")
    assert failure(denied) == "PermissionError: Permission denied"


def test_a_folder_named_by_url_says_the_glob_that_reads_its_files(cli, tmp_path):
    """`errcat scan s3://bucket/logs/` (a prefix) and a file:// folder, read through fsspec alike."""
    (tmp_path / "logs").mkdir()
    (tmp_path / "logs" / "app.log").write_text("2026-12-07T10:00:00Z ERROR sync failed\n")
    result = cli("scan", f"file://{tmp_path}/logs/")
    assert result.exit_code == 2
    assert f"not a file (a folder: name its files, as file://{tmp_path}/logs/*)" in result.stdout, result.stdout
    assert cli("scan", f"file://{tmp_path}/logs/*").exit_code == 0
    from errcat.scan.remote import expand

    (local,) = expand([str(tmp_path / "logs")])  # a path scanned on a cluster: said as a local scan says it
    assert local.problem == f"not a file (a folder: name its files, as {tmp_path}/logs/*)"
    alone = cli("scan", "-f", "json", str(tmp_path / "logs"))  # a local scan of the folder
    assert alone.exit_code == 2 and json.loads(alone.stdout)["inputs"][0]["problem"] == local.problem


def test_a_urls_root_folder_says_a_glob_that_keeps_its_slashes(cli):
    """`errcat scan file:///` offered `file:/*`, a glob that names no URL (hostile38)."""
    result = cli("scan", "file:///")
    assert result.exit_code == 2
    assert "not a file (a folder: name its files, as file:///*)" in result.stdout, result.stdout


def test_the_line_on_stderr_names_the_input_and_why_it_was_not_read(errcat_run, aws_env, tmp_path):
    """integ25: with nothing read, stderr said only `errcat: no input could be read`, and why (no credentials, a
    missing bucket) was in the report alone, which `--format json > report.json` sends to a file: the line now names
    the first input unread and what kept it so, and counts the others."""
    result = errcat_run("scan", "s3://team-logs/app.log", "--format", "json")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() in (
        [f"errcat: no input could be read: s3://team-logs/app.log: cannot read: {said}"] for said in NO_CREDENTIALS
    )
    missing = [str(tmp_path / "a.log"), str(tmp_path / "b.log"), str(tmp_path / "c.log")]
    result = errcat_run("scan", *missing)
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"errcat: no input could be read: {missing[0]}: cannot read: No such file or directory"
        " (and 2 more input(s) unread: see the report)"
    ]


def test_credentials_written_into_an_s3_url_are_said_to_belong_in_the_environment(errcat_run, aws_env):
    """integ25: s3://KEY:SECRET@bucket/key (as some tools take them) makes the bucket name 'KEY:SECRET@bucket', which
    botocore refuses before any request: the report said `cannot read: ParamValidationError`, nothing a user could act
    on. Neither part of the credential is printed."""
    key_id, secret = "AKIAR7WQ2ZC9XL4MTB6N", "hV8sT2yQ0pK5nR3mX7cW1bJ9fL6dG4zA8eU2oI5q"  # random, of AWS's shapes
    result = errcat_run("scan", f"s3://{key_id}:{secret}@team-logs/app.log")
    assert result.exit_code == 2 and "Traceback" not in result.output
    said = result.stdout + result.stderr
    assert key_id not in said and secret not in said
    assert "cannot read: ParamValidationError: the URL names no valid bucket or key" in result.stderr
    assert "credentials are read from the environment, never from the URL" in result.stderr


def test_an_endpoint_that_refuses_the_connection_is_said_so(errcat_run, aws_env):
    """integ25: an endpoint nothing listens on (a wrong AWS_ENDPOINT_URL_S3, a proxy down) was said as
    `cannot read: EndpointConnectionError` alone; botocore's text, which names the URL, is still not quoted."""
    import socket

    with socket.socket() as s:  # a port of 127.0.0.1 that was free a moment ago: nothing listens there now
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    aws_env.setenv("AWS_ENDPOINT_URL_S3", f"http://127.0.0.1:{port}")
    aws_env.setenv("AWS_ACCESS_KEY_ID", KEY_ID)
    aws_env.setenv("AWS_SECRET_ACCESS_KEY", SECRET)
    aws_env.setenv("AWS_MAX_ATTEMPTS", "1")  # botocore's own retries of a refused connection, not errcat's to test
    import s3fs

    s3fs.S3FileSystem.clear_instance_cache()  # this process's earlier tests made one for moto's endpoint
    result = errcat_run("scan", "s3://team-logs/app.log")
    s3fs.S3FileSystem.clear_instance_cache()
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "cannot read: EndpointConnectionError: could not connect to the storage's endpoint" in result.stderr
    assert KEY_ID not in result.output and SECRET not in result.output


def test_an_http_server_refusing_the_connection_or_the_tls_handshake_is_said_in_words(cli, tmp_path):
    """integ25: http(s):// inputs read by aiohttp were said by its class alone: `cannot read: ClientConnectorError` (a
    refused connection) and `cannot read: ClientConnectorSSLError` (https:// to a server speaking plain http, here
    `python -m http.server`'s handler on 127.0.0.1). A password in the URL stays masked."""
    pytest.importorskip("aiohttp")
    import socket
    import threading
    from functools import partial
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    (tmp_path / "app.log").write_text("2026-12-07T10:00:00Z ERROR sync failed\n", encoding="utf-8")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(SimpleHTTPRequestHandler, directory=str(tmp_path)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    try:
        refused = cli("scan", f"http://127.0.0.1:{closed}/app.log")
        plain = cli("scan", f"https://user:Xq7vB2nK9wLp@127.0.0.1:{server.server_address[1]}/app.log")
    finally:
        server.shutdown()
    assert refused.exit_code == 2 and "Traceback" not in refused.output
    assert "cannot read: ClientConnectorError: could not connect to the server (the connection was refused" in refused.stderr
    assert plain.exit_code == 2 and "Traceback" not in plain.output
    assert "cannot read: ClientConnectorSSLError: the TLS handshake with the server failed" in plain.stderr
    assert "Xq7vB2nK9wLp" not in plain.output and "https://***@127.0.0.1" in plain.stderr

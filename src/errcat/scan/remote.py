"""Log inputs named by URL (s3://, gs://, az://, https://, file://) or path, read through fsspec:
what a cluster's workers open, wherever the logs are. fsspec is imported only here, and only
when such an input is scanned; the protocol's own package (s3fs, gcsfs, adlfs) is the user's.

Credentials come from where each protocol's package looks (environment, profiles); a name shown
back (in a report or a message) has any user:password part of its URL masked, and what else the
secrets gate finds in it (a presigned URL's ``X-Amz-Signature``, an Azure SAS ``sig``)."""

from __future__ import annotations

import contextlib
import os
import re
from typing import Any

from ..errors import UsageError
from .inputs import Input, folder_problem
from .stall import Stalled, floored_response

_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
_USERINFO = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@")
_GLOB = re.compile(r"[*?\[]")
_CODE_WORD = re.compile(r"[A-Z][A-Za-z.]{2,40}")  # a storage's error code (S3's InvalidAccessKeyId), not a status
# the package each protocol needs beside fsspec, for a message naming what to install
PACKAGES = {"s3": "s3fs", "s3a": "s3fs", "gs": "gcsfs", "gcs": "gcsfs", "az": "adlfs", "abfs": "adlfs", "abfss": "adlfs"}
PACKAGES.update({"http": "aiohttp", "https": "aiohttp"})
# An HTTP server that takes the connection and never answers held scan for aiohttp's 5 minutes: a connection
# or a read waits this long at most; a body trickling in slower than stall.py's floor is given up too
HTTP_WAIT_SECONDS = 5  # fsspec asks twice (HEAD, then GET) before it gives up on a file
ASKED_AT_MOST = 1000  # files of a glob whose listing gives no sizes (http), asked one by one


def is_url(name: str) -> bool:
    """Whether a scan input is named by URL rather than by a local path."""
    return bool(_URL.match(name))


SHOWN_WHOLE = 600  # characters of a URL shown whole (a signed one runs to 1,500): a longer one keeps its two ends


def shown(name: str) -> str:
    """A name as shown to the user: a URL's user:password@ part masked, and the credentials of its
    query string (a signed URL is how a bucket's log is often shared)."""
    from ..gate import shown as screened

    masked = _USERINFO.sub(r"\1***@", screened(name))
    if len(masked) <= SHOWN_WHOLE:
        return masked
    # a 5,000-character file:/// URL was printed whole in the summary, as many times as it was named
    end = SHOWN_WHOLE // 4
    return f"{masked[:end]} … ({len(masked) - 2 * end:,} characters left out) … {masked[-end:]}"


def filesystem(url: str) -> tuple[Any, str]:
    """fsspec's filesystem for ``url`` and the path within it; a missing package is a UsageError naming it."""
    problem = malformed(url)
    if problem:
        raise UsageError(f"{shown(url)}: {problem}")
    try:
        from fsspec.core import url_to_fs
    except ImportError:
        raise UsageError(_without_fsspec(url)) from None
    try:
        fs, path = url_to_fs(url, **_options(url))
        return fs, str(path)
    except ImportError as exc:
        protocol = url.split("://", 1)[0].lower()
        package = PACKAGES.get(protocol) or getattr(exc, "name", None)
        if package is None:  # fsspec's own words name it ('SFTPFileSystem requires "paramiko" to be installed'); they
            # were replaced by "needs the package its fsspec package: pip install its fsspec package"
            said = " ".join(str(exc).split())[:200]
            raise UsageError(f"reading {protocol}:// inputs needs a package fsspec names: {said}") from None
        raise UsageError(f"reading {protocol}:// inputs needs the package {package}: pip install {package}") from None
    except ValueError as exc:
        raise UsageError(f"{shown(url)}: {exc}") from None
    except Exception as exc:  # ftp:// and sftp:// connect here: a host that does not resolve, a refused login
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else _NOT_OPENED.get(type(exc).__name__)
        protocol = url.split("://", 1)[0].lower()
        if reason is None:  # its text may quote the URL
            reason = f"{protocol}:// takes options a URL cannot give" if isinstance(exc, TypeError) else type(exc).__name__
        raise UsageError(f"{shown(url)}: cannot open ({reason})") from None


# What a filesystem fsspec opens on a file says of a file it cannot read (zip://x.log::file:///etc/passwd was
# "cannot open (BadZipFile)", tar:// of a text file "cannot open (ReadError)"), said with its name
_NOT_OPENED = {
    "BadZipFile": "not a zip file: BadZipFile",
    "ReadError": "not a tar file, or one compressed in a way tarfile does not read: ReadError",
    "LargeZipFile": "a zip file of the ZIP64 form, which this reader does not read: LargeZipFile",
}


def _without_fsspec(url: str) -> str:
    """What to install to read ``url``, in one command: fsspec and the protocol's package (installing the extra named
    alone, errcat[remote], an s3:// or https:// scan failed again, on the package it still lacked)."""
    protocol = url.split("://", 1)[0].lower()
    package = PACKAGES.get(protocol)
    if package is None:
        return "reading URLs needs fsspec: pip install 'errcat[remote]'"
    install = "'errcat[s3]'" if package == "s3fs" else f"'errcat[remote]' {package}"
    return f"reading {protocol}:// inputs needs fsspec and the package {package}: pip install {install}"


_URL_PROBLEMS = {
    "Invalid IPv6 URL": "Invalid IPv6 URL",
    "Port out of range 0-65535": "Port out of range 0-65535",
    "Port could not be cast to integer value": "the port is not a number",
}


def malformed(url: str) -> str | None:
    """What is wrong with an http(s) URL's host or port as a URL parser reads them, None when nothing is.
    Unchecked, ``http://[::1`` was "cannot list (TypeError)": fsspec reads ``::`` as a chain of URLs (the host
    became ``http://[``) and ``[`` as a glob, and a port out of range or no host was "cannot read: ValueError"."""
    if not is_http(url):
        return None
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
        host, _port = parts.hostname, parts.port
    except ValueError as exc:  # said in words of ours: the parser's quotes the port's text, which in
        # "https://user:pass#word@host" (a "#", "/" or "?" unescaped in a password) is the password's start
        return f"not a valid URL ({_URL_PROBLEMS.get(str(exc).split(' as ', 1)[0], 'unreadable host or port')})"
    if not host:
        return "not a valid URL (no host)"
    if ":" in host:  # an IPv6 address: fsspec would split it at its "::", or take its "[" for a glob
        return "an IPv6 address as the host cannot be read here: name the host by a name or an IPv4 address"
    return None


def _options(url: str) -> dict[str, Any]:
    """fsspec's options for the URL's protocol: for http(s), aiohttp's waits bounded by HTTP_WAIT_SECONDS."""
    if not is_http(url):
        return {}
    import aiohttp

    wait = aiohttp.ClientTimeout(total=None, sock_connect=HTTP_WAIT_SECONDS, sock_read=HTTP_WAIT_SECONDS)
    return {"client_kwargs": {"timeout": wait, "response_class": floored_response()}}


# What botocore's and aiohttp's errors mean, said in words of ours (integ25: an endpoint that refused the connection
# was "cannot read: EndpointConnectionError", s3://KEY:SECRET@bucket/x.log "cannot read: ParamValidationError", and
# https:// to a server speaking plain http "cannot read: ClientConnectorSSLError").
_CONNECT = "could not connect to the storage's endpoint (a wrong endpoint URL or region, or no network)"
_SAID = {
    # nothing in the environment, the profiles or an instance role
    "NoCredentialsError": "no credentials found (environment, profile or instance role; on a Dask cluster, the workers' own)",
    "EndpointConnectionError": _CONNECT,
    "ConnectTimeoutError": _CONNECT,
    # checked before any request: a bucket name S3 does not allow, which a user:password@ in the URL makes
    # aiohttp's, for http(s):// inputs (their text names the host and port, which the line names already)
    "ClientConnectorError": "could not connect to the server (the connection was refused, or its name does not resolve)",
    "ClientConnectorDNSError": "the server's name does not resolve",
    "ClientConnectorSSLError": "the TLS handshake with the server failed (does it speak https on that port?)",
    "ClientConnectorCertificateError": "the server's TLS certificate is not one this machine trusts",
    "ParamValidationError": "the URL names no valid bucket or key (S3's bucket names are lower-case letters, digits, dots"
    " and hyphens); credentials are read from the environment, never from the URL",
}


def failure(exc: BaseException) -> str:
    """What went wrong, said without the exception's text (it may quote a signed URL). A storage's refusal
    and missing credentials are said as what they are, with the storage's own error code (a word such as
    ``InvalidAccessKeyId``, never a value): ``PermissionError`` alone read as a local file's mode."""
    stalled = next((e for e in (exc, exc.__cause__) if isinstance(e, Stalled)), None)  # fsspec re-raises it as its own
    if stalled is not None:
        return f"the server sent {stalled} (stalled)"
    if isinstance(exc, TimeoutError):
        return f"no answer in {HTTP_WAIT_SECONDS} s ({type(exc).__name__})"
    name = type(exc).__name__
    if name in _SAID:  # botocore's, named by class: their text quotes the endpoint's URL or the bucket as typed
        return f"{name}: {_SAID[name]}"
    if isinstance(exc, OSError) and exc.errno is not None and exc.strerror == os.strerror(exc.errno):
        # the OS's words (a file:// URL, a path sent to a worker), never a library's text: a 5,000-character
        # file:/// path was "cannot read: OSError", where the OS said "File name too long"
        return f"{name}: {exc.strerror}"
    if isinstance(exc, PermissionError):  # a storage's answer (s3fs raises it with a message, no errno)
        error = getattr(exc.__cause__, "response", None)
        code = error.get("Error", {}).get("Code") if isinstance(error, dict) else None
        word = f" {code}" if isinstance(code, str) and _CODE_WORD.fullmatch(code) else ""
        return f"{name}{word}: the storage refused access (no credentials, wrong ones, or too few rights)"
    return name


def expand(names: list[str]) -> list[Input]:
    """The files the names stand for, in order (each Input's path is the URL fsspec opens): a name
    with * ? [ is a glob (sorted matches), a local path is made absolute (workers may run elsewhere).
    A name that matches nothing, or is not a file, is kept with its problem (reported as a local
    scan reports it)."""
    out: list[Input] = []
    for name in names:
        if name == "-":
            raise UsageError("stdin (-) cannot be scanned on a cluster: name files or URLs")
        url = name if is_url(name) else "file://" + os.path.abspath(name)
        problem = malformed(url)
        if problem:  # said as a file that cannot be read is: the other inputs are still scanned
            out.append(Input(shown(name), url, problem=problem))
            continue
        fs, path = filesystem(url)
        if _GLOB.search(path) and is_url(name):
            try:  # with what the listing says of each: no request per object, and folders ("**" lists them) left out
                found = fs.glob(path, detail=True)
            except Exception as exc:  # as in _described
                raise UsageError(f"{shown(name)}: cannot list: {failure(exc)}") from None
            matches = sorted(m for m, info in found.items() if not isinstance(info, dict) or info.get("type") != "directory")
            _within_asking(name, matches, found)
            if not matches:
                out.append(Input(shown(name), url, problem="cannot read: no file matches"))
            for m in matches:
                full = fs.unstrip_protocol(m)  # file:// too
                info = found[m]
                listed = isinstance(info, dict) and info.get("type") == "file" and isinstance(info.get("size"), int)
                out.append(Input(shown(full), full, info["size"]) if listed else _described(fs, m, shown(full), full))
            continue
        out.append(_described(fs, path, shown(name), url))
    return out


def _within_asking(name: str, matches: list[str], found: dict[str, Any]) -> None:
    """Refuse a glob whose listing gives no sizes (an http index page) for more than ASKED_AT_MOST matches:
    each is asked its size, one request a file, before the scan starts (20,000 links took minutes)."""
    unsized = sum(1 for m in matches if not isinstance(found[m], dict) or not isinstance(found[m].get("size"), int))
    if unsized > ASKED_AT_MOST:
        raise UsageError(
            f"{shown(name)}: matches {unsized:,} files its listing gives no size for; a scan asks each for its size,"
            f" at most {ASKED_AT_MOST:,}: narrow the pattern"
        )


def _described(fs: Any, path: str, name: str, url: str) -> Input:
    try:
        info = fs.info(path)
    except FileNotFoundError as exc:
        cause = exc.__cause__  # fsspec's http says every failure so: a server that never answered, one refusing
        if cause is not None and getattr(cause, "status", None) != 404:
            return Input(name, url, problem=f"cannot read: {failure(cause)}")
        return Input(name, url, problem="cannot read: No such file or directory")
    except Exception as exc:  # OSError, or a storage SDK's own (no credentials...): named, its text may quote a signed URL
        return Input(name, url, problem=f"cannot read: {failure(exc)}")
    if info.get("type") == "directory":  # an S3 prefix, a folder: its files are named by a glob (as a local scan says)
        return Input(name, url, problem=folder_problem(name))
    if info.get("type") != "file":
        return Input(name, url, problem="not a file")
    return Input(name, url, int(info.get("size") or 0))


def open_input(url: str, stream: bool = False) -> Any:
    """A binary file object for ``url`` (seekable; read-ahead buffered by fsspec). ``stream``: a file read from its
    start to its end, over http(s) as one GET (fsspec's ranged reads fail past the first block where a server sends
    the whole file for a Range request, as ``python -m http.server`` does)."""
    fs, path = filesystem(url)
    if stream and is_http(url):
        return fs.open(path, "rb", block_size=0)
    opened = fs.open(path, "rb")
    # held by the file: an archive's filesystem (zip://a.log::file:///logs.zip) closes the archive when it is
    # collected, which was before the member's first read ("cannot read: ValueError" of every member)
    with contextlib.suppress(AttributeError):
        opened.errcat_filesystem = fs
    return opened


def is_http(url: str) -> bool:
    """Whether fsspec reads ``url`` through aiohttp."""
    return url.split("://", 1)[0].lower() in ("http", "https")

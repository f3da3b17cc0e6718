"""Property: a credential in a log line that scan groups as another program's error never reaches the group's name,
its samples or any other part of the report, in any ``--format``. The group name is the line's first line screened
alone (gate.shown_line), then its numbers and quoted values masked: the credential is generated in every input form,
behind every common log prefix, and the real CLI scans the log. And a vendor's one-line errors repeated with ids of
their own, which scan reads as the first of their shape was: no line's credential reaches the report either."""

from __future__ import annotations

import json
import os
import random
import re
import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from test_secrets_gate import FORMS, NAMES, SECRETS

pytestmark = pytest.mark.slow  # four CLI runs an example

# other programs' lines: no vendor's host, header or body, so scan groups them by their text (--all lists them)
PREFIXES = {
    "ISO time and level": "2026-11-03T10:0{n}:00Z ERROR worker: ",
    "Python logging": "ERROR:sync.jobs:job {n} failed: ",
    "syslog": "Nov  3 10:0{n}:00 web-01 app[31{n}]: error: ",
    "nginx error": "2026/11/03 10:0{n}:00 [error] 12#12: *{n} upstream failed, ",
    "Java exception": "java.lang.IllegalStateException: ",
    "JSON line": '{{"level": "error", "time": "2026-11-03T10:0{n}:00Z", "msg": "',
    "Go": "2026/11/03 10:0{n}:00 ERROR: request failed: ",
    "bracketed level": "[2026-11-03 10:0{n}:00] production.ERROR: ",
}
FORMATS = ("table", "json", "markdown", "github")
# forms whose value stands on a line of its own: logged line by line, the value's record holds no name
ALONE = {
    **FORMS,
    "kubectl describe": lambda n, s: f"Name:  sync-config\nData\n====\n{n}:\n----\n{s}\nLOG_LEVEL:\n----\ndebug",
    ".properties continued": lambda n, s: f"db.url=jdbc:postgresql://db/ledger\ndb.{n} = \\\n    {s}\nserver.port=8080",
    "Get-Variable": lambda n, s: f"Name                           Value\n----                           -----\n{n}  {s}",
}


def _line(prefix: str, n: int, text: str) -> str:
    body = " ".join(text.split())
    line = PREFIXES[prefix].format(n=n) + body
    if prefix == "JSON line":
        return line.replace("\\", "\\\\").replace('"', '\\"').replace('\\"', '"', 4) + '"}'
    return line


def _shapes_of(secret: str) -> list[str]:
    """The secret as a report could show it: itself, and with its numbers masked as a group's name masks them."""
    masked = re.sub(r"\d+", "<n>", secret)
    return [secret] + ([masked] if len(re.sub(r"<n>", "", masked)) >= 8 else [])


@settings(
    max_examples=100,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.sampled_from(sorted(ALONE)), st.sampled_from(sorted(PREFIXES)), NAMES, SECRETS, st.booleans())
# (what other seeds found: a hex password after its name and a space, a table's row one-lined; a value alone in a
# JSON line's message, its name on the record before)
@example(form="Get-Variable", prefix="Go", name="password", secret="00000000000A", by_line=False)
@example(form=".properties continued", prefix="JSON line", name="password", secret="00000000000A", by_line=True)
@example(form="VCR", prefix="Go", name="password", secret="00000000000A", by_line=True)  # (a YAML list's item)
@example(form=".properties continued", prefix="Java exception", name="password", secret="00000000000A", by_line=True)
@example(form=".properties continued", prefix="Java exception", name="password", secret="0000AAAAAAAG", by_line=True)
def test_a_credential_in_another_programs_error_never_reaches_its_group(cli, form, prefix, name, secret, by_line):
    """One record a paste (its lines joined), or a record each line (a logger given the lines one by one)."""
    text = ALONE[form](name, secret)
    records = [ln for ln in text.splitlines() if ln.strip()] if by_line else [text]
    with tempfile.TemporaryDirectory(prefix="errcat-groups-") as work:
        log = Path(work) / "app.log"
        log.write_text("".join(_line(prefix, n, r) + "\n" for n in range(3) for r in records))  # each one group, three records
        summary = Path(work) / "summary.md"
        os.environ["GITHUB_STEP_SUMMARY"] = str(summary)
        try:
            for fmt in FORMATS:
                r = cli("scan", str(log), "--all", "--top", "50", "--format", fmt)
                assert r.exit_code == 0, r.output
                shown = r.stdout + r.stderr + (summary.read_text() if summary.exists() else "")
                leaked = [s for s in _shapes_of(secret) if s in shown]
                assert not leaked, (fmt, form, prefix, name, by_line)
        finally:
            del os.environ["GITHUB_STEP_SUMMARY"]


# --- a vendor's one-line errors repeated with ids of their own: scan reads a repeat as the first of its shape was
# (prepared._after_time masks its time and ids; triage._alike takes the first's reading, swapped_ids puts the repeat's
# ids into the first's paste) and takes a JSON log line closing on itself without grouping (records._closed_lines)

# a vendor's call: its method, its URL (an id of its own in braces), its status and body
VENDOR_CALLS = {
    "myob": ("POST", "https://arl2.api.myob.com/accountright/{guid}/Sale/Invoice", 400,
             '{"Errors":[{"Name":"CustomerNotFound","Message":"Customer not found","ErrorCode":11003}]}'),
    "sage": ("GET", "https://api.accounting.sage.com/v3.1/contacts/{hex}", 404,
             '[{"$severity":"error","$dataCode":"RECORD_NOT_FOUND","$message":"Resource not found"}]'),
    "invoicexpress": ("POST", "https://acme.app.invoicexpress.com/invoices/{n}/change-state.json", 422,
                      '{"errors":[{"error":"Country Germani was not found"}]}'),
    "prospend": ("GET", "https://api.prospend.com/beta/company/{n}/invoice", 403,
                 '{"code":"ACCESS_FORBIDDEN","message":"Access to this resource is forbidden."}'),
}  # fmt: skip


def _guid(rnd: random.Random) -> str:
    g = f"{rnd.getrandbits(128):032x}"
    return f"{g[:8]}-{g[8:12]}-{g[12:16]}-{g[16:20]}-{g[20:]}"


def _hex(rnd: random.Random, n: int) -> str:
    return "".join(rnd.choice("0123456789abcdef") for _ in range(n - 1)) + rnd.choice("abcdef")  # a letter: an id


def _one_lined(form: str, name: str, secret: str) -> dict[str, Any]:
    words = " ".join(FORMS[form](name, secret).split())
    return {"words": words, "fields": {"detail": words}}


# where a line carries its credential, for a name and value: "query" and "userinfo" in the call's URL, "words" after
# a plain line's body, "fields" in a JSON line, "msg" in its message, "next" on a line of its own after it (a
# closed JSON line's next line is a record of its own)
CARRIERS: dict[str, Callable[[str, str], dict[str, Any]]] = {
    "URL query": lambda n, s: {"query": f"{n}={quote(s, safe='')}"},
    "URL query api_key": lambda n, s: {"query": f"api_key={quote(s, safe='')}&page=2"},
    "URL userinfo": lambda n, s: {"userinfo": f"sync:{quote(s, safe='')}"},
    "Authorization header": lambda n, s: {"words": f"Authorization: Bearer {s}", "fields": {"headers": {"Authorization": f"Bearer {s}"}}},
    "named header": lambda n, s: {"words": f"{n}: {s}", "fields": {"headers": {n: s, "Accept": "application/json"}}},
    "token= in the message": lambda n, s: {"msg": f"token refresh failed token={s} expired"},
    "name= in the message": lambda n, s: {"msg": f"call failed with {n}={s}"},
    "JSON password key": lambda n, s: {"words": f'request={{"user":"sync","password":"{s}"}}', "fields": {"request": {"user": "sync", "password": s}}},
    "JSON name key": lambda n, s: {"words": f'config={{"{n}": "{s}", "region": "au"}}', "fields": {n: s}},
    "form body": lambda n, s: {"words": f"body=grant_type=client_credentials&client_secret={quote(s, safe='')}",
                               "fields": {"body": f"grant_type=client_credentials&client_secret={quote(s, safe='')}"}},
    "on the next line": lambda n, s: {"next": f"    {n}: {s}"},
    # and every form of the gate's property test, one-lined: after a plain line's body, as a JSON line's field
    **{f"{form} (one-lined)": partial(_one_lined, form) for form in FORMS},
}  # fmt: skip
OWN_CARRIERS = sorted(c for c in CARRIERS if not c.endswith(" (one-lined)"))
TIME_KEYS = ("ts", "time", "timestamp", "@timestamp")


def _vendor_line(vendor: str, style: str, i: int, rnd: random.Random, carried: dict[str, Any]) -> str:
    """The ``i``th call of a vendor's failing alike, with ids of its own (a GUID, a 16+ hex run): a plain log line
    (``style`` "plain": time, level, message, call) or a JSON one (``style`` its time's key, a level, a message and
    the call's fields), carrying what ``carried`` says (CARRIERS)."""
    method, url, status, body = VENDOR_CALLS[vendor]
    url = url.format(guid=_guid(rnd), hex=_hex(rnd, 32), n=4217)
    if "userinfo" in carried:
        url = url.replace("https://", f"https://{carried['userinfo']}@")
    if "query" in carried:
        url += "?" + carried["query"]
    when = f"2026-11-20T01:{i // 60:02d}:{i % 60:02d}.{i}Z"
    msg = carried.get("msg", f"{vendor} call failed")
    request_id, trace = _guid(rnd), _hex(rnd, 16 if vendor < "p" else 32)
    if style == "plain":
        words = f" {carried['words']}" if "words" in carried else ""
        line = f"{when} ERROR sync: {msg} request_id={request_id} trace={trace} {method} {url} -> {status}{words} {body}"
    else:
        doc = {style: when, "level": "error", "msg": msg,
               "request_id": request_id, "trace_id": trace, "method": method, "url": url, "status": status,
               **carried.get("fields", {}), "response": json.loads(body)}  # fmt: skip
        line = json.dumps(doc)
    return line + (f"\n{carried['next']}" if "next" in carried else "")


# a credential the same on every line, or one of an id's shape (an InvoiceXpress key is 40 hex digits, some client
# secrets are GUIDs) that differs on each: the lines' shapes are then alike, the credential masked as their ids are
PER_LINE: dict[str, Callable[[random.Random], str]] = {
    "40 hex digits each": lambda rnd: _hex(rnd, 40),
    "32 hex digits each": lambda rnd: _hex(rnd, 32),
    "a GUID each": _guid,
}


@settings(
    max_examples=30,
    derandomize=True,
    phases=(Phase.explicit, Phase.generate),  # a failing example is shown as found: shrinking a log of 40 lines takes minutes
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    st.sampled_from(TIME_KEYS),
    st.one_of(st.sampled_from(OWN_CARRIERS), st.sampled_from(sorted(CARRIERS))),
    NAMES,
    st.one_of(SECRETS, st.sampled_from(sorted(PER_LINE))),
    st.lists(st.booleans(), min_size=3, max_size=5).filter(any),
    st.integers(0, 2**32),
)
def test_a_credential_in_a_vendors_repeated_error_never_reaches_the_report(
    cli, monkeypatch, time_key, carrier, name, secret, carrying, seed
):
    """Each vendor's one-line error logged again and again with ids of its own, plain and as JSON lines, their
    repeats apart (the other calls' lines between), the credential on the first line or a later one (the same on
    each, or one of an id's shape that differs on each): scan reads most lines as repeats of the first of their
    shape, yet no format shows any line's credential (and all lines were read so but the first of each: the
    path under test)."""
    from errcat.scan import triage as triage_module

    rnd, secrets, lines = random.Random(seed), [], []
    for i, carries in enumerate(carrying):
        for vendor in sorted(VENDOR_CALLS):
            for style in ("plain", time_key):
                value = PER_LINE[secret](rnd) if secret in PER_LINE else secret
                secrets += [value] if carries else []
                lines.append(_vendor_line(vendor, style, i, rnd, CARRIERS[carrier](name, value) if carries else {}))
    prepared = []
    original = triage_module.prepare

    def counted(rec, options, status=None):
        prepared.append(rec.line)
        return original(rec, options, status)

    monkeypatch.setattr(triage_module, "prepare", counted)
    with tempfile.TemporaryDirectory(prefix="errcat-repeats-") as work:
        log = Path(work) / "vendor.log"
        log.write_text("\n".join(lines) + "\n")
        summary = Path(work) / "summary.md"
        monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
        for fmt in FORMATS:
            prepared.clear()
            r = cli("scan", str(log), "--all", "--workers", "1", "--format", fmt)
            assert r.exit_code == 0, r.output
            shown = r.stdout + r.stderr + (summary.read_text() if summary.exists() else "")
            leaked = [s for value in secrets for s in {*_shapes_of(value), quote(value, safe="")} if s in shown]
            assert not leaked, (fmt, time_key, carrier, name, carrying)
            assert all(vendor in shown for vendor in VENDOR_CALLS), fmt
            if fmt == "json":  # each sample is its own line's (its request id), not the first's of its shape
                at = enumerate(log.read_text().splitlines(), 1)
                ids = {n: m[1] for n, line in at if (m := re.search(r"request_id\W+([0-9a-f-]{36})", line))}
                doc = json.loads(r.stdout)
                samples = [s for g in doc["matched"] + doc["unmatched"] for s in g["samples"]]
                assert samples and all(ids[s["line"]] in s["text"] for s in samples)
        if carrier == "on the next line":  # a line and the next are one record (never a repeat)
            assert len(prepared) == 8 * (1 + carrying.count(True)) if not all(carrying) else len(lines)
        elif carrier in OWN_CARRIERS:
            assert len(prepared) == 8 * len(set(carrying)), "a line was prepared but the first of its shape"
        else:  # a form's status or words may make a line's shape its own
            assert len(prepared) < len(lines), "no line was read as a repeat"

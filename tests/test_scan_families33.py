"""Scan on real lines (sweep33): what its sweep of new log families (Dovecot, Roundcube, vdsm, FreeSWITCH, ...) showed
read wrong. Each test fails without its rule."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from errcat.scan.logline import time_value, timestamp_in
from scanlines import other_groups, scanned

# Dovecot's log, its level after the service: hestiacp/hestiacp issue #620 (https://github.com/hestiacp/hestiacp/issues/620),
# turn 0 (/var/log/dovecot.log); fail2ban/fail2ban@deffcbc fail2ban/tests/files/logs/dovecot (GPL-2.0), line 34 of its log
# lines (the OpenSSL error a client's bad handshake left, logged at Info); docker-mailserver/docker-mailserver pull request
# #3550 (https://github.com/docker-mailserver/docker-mailserver/pull/3550), turn 1 (a Debug line that says "Failed")
DOVECOT = [
    "Oct 25 07:27:04 master: Info: Dovecot v2.2.22 (fe789d2) starting up for imap, pop3 (core dumps disabled)",
    "Oct 25 17:50:42 auth: Error: passwd-file(info,67.211.213.194): stat(/etc/exim4/domains//passwd) failed: No such file or "
    "directory",
    "Oct 25 23:25:58 imap: Error: Invalid user settings. Refer to server log for more information.",
    "Jan 29 09:38:46 pop3-login: Info: Disconnected (no auth attempts in 10 secs): user=<>, rip=176.61.137.100, TLS "
    "handshaking: SSL_accept() failed: error:140760FC:SSL routines:SSL23_GET_CLIENT_HELLO:unknown protocol",
    "Sep 27 23:42:06 mail dovecot: lmtp(user1@localhost.localdomain)<1004><kM7nKc69FGXsAwAAUi6ngw>: Debug: sieve: "
    "msgid=<20230927234206.87D03B0E8@mail.example.test>: Failed to open mailbox 'INBOX': Mailbox INBOX: Failed to autocreate "
    "mailbox: Internal error occurred. Refer to server log for more information. [2023-09-27 23:42:06]",
]


def test_dovecots_level_after_its_service_is_read(index, tmp_path):
    """Dovecot writes its level after the service ("pop3-login: Info: ..."): an Info line holding the OpenSSL error a
    client's bad handshake left ("SSL_accept() failed: error:140760FC:...") was counted an error by that string."""
    groups = other_groups(scanned(index, tmp_path, "dovecot.log", DOVECOT))
    assert sorted(line for _, lines in groups for line in lines) == [2, 3]


# Roundcube's errors log (PHP's date "d-M-Y H:i:s O" in brackets, then a colon, a session's tag when one is open):
# fail2ban/fail2ban@deffcbc fail2ban/tests/files/logs/roundcube-auth (GPL-2.0), lines 10, 11 and 13 of its log lines
ROUNDCUBE = [
    "[30-Dec-2014 13:02:34 -0500]: IMAP Error: Login failed for admin@example.com from 1.2.3.4. AUTHENTICATE PLAIN: "
    "Authentication failed. in /docroot/path/program/lib/Roundcube/rcube_imap.php on line 184 (POST "
    "/?_task=login?_task=login&_action=login)",
    "[10-May-2015 13:02:52 -0400]: Failed login for sampleuser from 1.2.3.4 in session 1z506z6rvddstv6k7jz08hxo27 (error: 0)",
    "[30-Dec-2014 13:02:34 -0500]: <3z506z6r> IMAP Error: Login failed for admin@example.com from 1.2.3.4. AUTHENTICATE "
    "PLAIN: Authentication failed. in /docroot/path/program/lib/Roundcube/rcube_imap.php on line 198 (POST "
    "/?_task=login?_task=login&_action=login)",
]


def test_roundcubes_time_is_read_with_its_offset():
    """Roundcube's time ends in its offset: it was read as UTC (five hours off here)."""
    assert timestamp_in(ROUNDCUBE[0])[0] == datetime(2014, 12, 30, 18, 2, 34, tzinfo=UTC)
    assert timestamp_in(ROUNDCUBE[1])[0] == datetime(2015, 5, 10, 17, 2, 52, tzinfo=UTC)


def test_roundcubes_time_and_session_are_out_of_its_names(index, tmp_path):
    """Every Roundcube name began with its offset ("[ -<n>]: IMAP Error: ..."), and one failure was a group for each
    session's tag ("<<n>z<n>z<n>r> IMAP Error: ...") and one more without it."""
    groups = other_groups(scanned(index, tmp_path, "errors.log", ROUNDCUBE))
    assert groups == [
        ("Failed login for sampleuser from <n> in session [REDACTED] (error: <n>)", [2]),
        (
            "IMAP Error: Login failed for <email> from <n>. AUTHENTICATE PLAIN: Authentication failed. in "
            "/docroot/path/program/lib/Roundcube/rcube_imap.php on line <n> (POS",
            [1, 3],
        ),
    ]


# tstack/lnav@bb0005f test/logfile_vdsm.0 (BSD-2-Clause), lines 1-14: oVirt's vdsm logging a traceback on its entry's
# first line, the frames' indentation taken off in lnav's copy
VDSM = [
    "MainThread::INFO::2011-12-05 07:04:56,101::vdsm::71::vds::(run) I am the actual vdsm 4.9-0",
    "MainThread::ERROR::2011-12-05 07:04:56,300::vdsm::74::vds::(run) Traceback (most recent call last):",
    'File "/usr/share/vdsm/vdsm", line 72, in run',
    "    serve_clients(log)",
    'File "/usr/share/vdsm/vdsm", line 40, in serve_clients',
    "    cif = clientIF.clientIF(log)",
    'File "/usr/share/vdsm/clientIF.py", line 111, in init',
    "    self._libvirt = libvirtconnection.get()",
    'File "/usr/share/vdsm/libvirtconnection.py", line 111, in get',
    "    conn = libvirt.openAuth('qemu:///system', auth, 0)",
    'File "/usr/lib64/python2.6/site-packages/libvirt.py", line 102, in openAuth',
    "    if ret is None:raise libvirtError('virConnectOpenAuth() failed')",
    "libvirtError: Failed to connect socket to '/var/run/libvirt/libvirt-sock': No such file or directory",
    "Thread-15::DEBUG::2011-12-07 11:44:17,737::clientIF::54::vds::(wrapper) [10.35.17.240]::call getVdsCapabilities with () {}",
]
NAMED = "MainThread::ERROR::::vdsm::<n>::vds::(run) libvirtError: Failed to connect socket to '…': No such file or directory"


@pytest.mark.parametrize("engine", ["hyperscan", "python"])
@pytest.mark.parametrize("indent", ["", "  "], ids=["as-lnav-kept-it", "indented"])
def test_a_traceback_opened_on_an_entrys_first_line_is_its_record_named_by_its_exception(
    index, tmp_path, use_engine, engine, indent
):
    """vdsm's traceback starts at the end of its entry's first line: its frames and exception were no part of the
    record (the exception not read), which was named "... Traceback (most recent call last):" for every failure; with
    the frames indented (synthetic: Python's own indentation put back) it was named by its first frame. Python 2's
    libvirtError, a class in lower case, names it."""
    assert use_engine(engine) == engine
    lines = [indent + line if line.startswith("File") else line for line in VDSM]
    report = scanned(index, tmp_path, "vdsm.log", lines)
    assert other_groups(report) == [(NAMED, [2])]
    assert report.errors == 1 and report.records == 1


# FreeSWITCH's console log, alone and under rsyslog: fail2ban/fail2ban@deffcbc fail2ban/tests/files/logs/freeswitch
# (GPL-2.0), lines 1, 6 and 10 of its log lines (FreeSWITCH 1.10 writes the idle CPU before the level)
FREESWITCH = [
    "2013-12-31 17:39:54.767815 [WARNING] sofia_reg.c:1533 SIP auth challenge (INVITE) on sofia profile 'internal' for "
    "[011448708752617@192.168.2.51] from ip 81.94.202.251",
    "2016-09-25T18:57:58.150982 www.srv.tld freeswitch[122921]: 2016-09-25 18:57:58.150982 [WARNING] sofia_reg.c:2889 Can't "
    "find user [201@::1] from 192.0.2.1",
    "2021-10-29 21:04:58.150982 00.00% [WARNING] sofia_reg.c:2889 Can't find user [201@::1] from 192.0.2.5",
]


def test_a_programs_own_time_after_its_tag_and_a_percentage_before_its_level_are_out_of_its_name(index, tmp_path):
    """Under rsyslog FreeSWITCH's own time follows its tag ("freeswitch[<n>]: <n>-<n>-<n> <n>:<n>:<n> [WARNING] ..."), and
    FreeSWITCH 1.10 writes the idle CPU before its level ("<n>% [WARNING] ..."): both were in the names."""
    assert other_groups(scanned(index, tmp_path, "freeswitch.log", FREESWITCH)) == [
        ("[WARNING] sofia_reg.c:<n> Can't find user [<n>@::<n>] from <n>", [3]),
        ("[WARNING] sofia_reg.c:<n> SIP auth challenge (INVITE) on sofia profile '…' for [<id>@<n>] from ip <n>", [1]),
        ("freeswitch[<n>]: [WARNING] sofia_reg.c:<n> Can't find user [<n>@::<n>] from <n>", [2]),
    ]


def test_a_dated_entry_after_an_unindented_frame_is_no_source_line_of_it(index, tmp_path):
    """A thread's entry logged between a frame and its source line (synthetic: an InvoiceXpress error in vdsm's layout put
    after VDSM's first frame) was read as the frame's source line: the traceback's record was explained as that error,
    found at the traceback's line, and vdsm's failure was not counted."""
    body = '{"errors": [{"error": "Value must be a number between 0 and 99.99"}]}'
    logged = (
        "Thread-12::ERROR::2011-12-05 07:04:56,310::sync::74::sync::(post) POST "
        f"https://acme.app.invoicexpress.com/invoices.json -> 422 {body}"
    )
    report = scanned(index, tmp_path, "vdsm.log", [*VDSM[:3], logged, *VDSM[3:]])
    assert [[p.line for p in g.places] for g in report.matched.values()] == [[4]]
    assert report.errors == 2


# tstack/lnav@bb0005f test/logfile_mongodb.0 (BSD-2-Clause), its third line: MongoDB's structured log (4.4 on), its time
# in extended JSON
MONGODB_JSON = (
    '{"t":{"$date":"2026-03-10T20:58:10.004+00:00"},"s":"W",  "c":"STORAGE",  "id":22220,   "ctx":"initandlisten",'
    '"msg":"Detected unclean shutdown"}'
)


def test_mongodbs_time_in_extended_json_is_read(index, tmp_path):
    """MongoDB writes its time as {"$date": ...}: its records had no time (no first or last seen, left out of any
    --since window)."""
    [group] = scanned(index, tmp_path, "mongod.log", [MONGODB_JSON]).other.values()
    assert group.first_seen == datetime(2026, 3, 10, 20, 58, 10, 4000, tzinfo=UTC)
    assert time_value({"$date": {"$numberLong": "1773176290004"}}) == datetime(2026, 3, 10, 20, 58, 10, 4000, tzinfo=UTC)


# synthetic: a MYOB error logged as a MongoDB-shaped record (the keys of lnav's line above, its call under "attr") and as
# Go's slog with a group (slog.Group("http", ...)): the call, its status and its body one object down
MYOB_BODY = (
    '{"Errors": [{"Name": "DateInLockedPeriod", "Message": "Date cannot be in locked period", "AdditionalDetails": "Date", '
    '"ErrorCode": 25009, "Severity": "Error"}]}'
)
MYOB_URL = "https://arl2.api.myob.com/accountright/6d5b2a4e-1c3f-4a8b-9e0d-2f7c8b1a9e33/Purchase/Order/Professional"
NESTED_CALLS = [
    json.dumps({"t": {"$date": "2026-03-10T20:58:09.525+00:00"}, "s": "E", "c": "COMMAND", "id": 51803, "ctx": "conn162095",
                "msg": "request failed", "attr": {"method": "POST", "url": MYOB_URL, "status": 400, "body": MYOB_BODY}}),
    json.dumps({"time": "2026-03-10T20:58:09.525Z", "level": "ERROR", "msg": "request failed",
                "http": {"method": "POST", "url": MYOB_URL, "status": 400, "body": MYOB_BODY}}),
]  # fmt: skip


def test_a_calls_body_one_object_down_beside_its_request_is_read(index, tmp_path):
    """A record holding the call one object down (its method, URL and status read there) had its body there unread: the
    MYOB error was "not in the catalog", named by the record's message ("request failed")."""
    report = scanned(index, tmp_path, "nested.log", NESTED_CALLS)
    assert not report.unmatched
    [(key, group)] = report.matched.items()
    assert key[:3] == ("myob", 400, 25009) and [p.line for p in group.places] == [1, 2]


def test_an_undated_entry_with_its_level_first_after_an_unindented_frame_is_no_source_line_of_it(index, tmp_path):
    """The same with an undated layout, its level first (synthetic: Python logging's default "ERROR:sync:..." put after
    VDSM's first frame): it was read as the frame's source line, the InvoiceXpress error not found."""
    body = '{"errors": [{"error": "Value must be a number between 0 and 99.99"}]}'
    logged = f"ERROR:sync:POST https://acme.app.invoicexpress.com/invoices.json -> 422 {body}"
    report = scanned(index, tmp_path, "vdsm.log", [*VDSM[:3], logged, *VDSM[3:]])
    assert [[p.line for p in g.places] for g in report.matched.values()] == [[4]]

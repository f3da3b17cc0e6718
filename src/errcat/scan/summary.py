"""What a scan found, aggregated in bounded memory: one group per documented error, unmatched
errors grouped by their text with numbers and identifiers masked, and what was skipped.

Reports of parts of the inputs (a worker's range, a cluster's task) merge into one, in input
order (``merge``)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from ..model import Guide
from ..text import EMAIL
from .verdict import IBM_MESSAGE_ID, LEVEL_WORDS, LOUD_WORDS

MAX_LINES_KEPT = 10  # line numbers listed per group
MAX_SAMPLES = 3  # sample lines shown per group
# the places and samples a group may still take: all it keeps, or fewer when a reader took some in
# an earlier part of the file; (0, 0) none
Room = tuple[int, int]
ROOM: Room = (MAX_LINES_KEPT, MAX_SAMPLES)
MAX_UNMATCHED_GROUPS = 500  # beyond this, unmatched errors are only counted
MAX_SKIPPED_KEPT = 100  # skipped places listed (all are counted)
MAX_ENDPOINTS = 50
SAMPLE_CHARS = 300

Key = tuple[str, int, int | str | None, str | None, str | None]  # vendor, status, code, name, message
G = TypeVar("G", bound="Group")
T = TypeVar("T")

# A message's own code, which names its error where digits a mask drops would make every error of its program one
# group (see the mask below); triage keys a line's shape by the same codes, so both always agree on what one is.
OWN_CODE = (
    # The first character of every form, consumed by one class: a search skips every other character in C
    # (the engine tries a pattern only where its first class matches), and each form below checks what
    # that character was by a look-behind. As a plain alternation of the forms, a coded line (an ASA log's)
    # took 5.2 µs a line here, 1.8 times this form, with the same matches on 1.3 million real log lines.
    r"[A-Z%(\s=:]"
    r"(?:(?<=[A-Z])(?<![\w./\\%-][A-Z])(?:(?<=[Ee]rror [A-Z])|(?<=[Ww]arning [A-Z])|(?<=[Ff]atal [A-Z])|(?<![a-z] [A-Z]))"
    r"(?:[A-Z]{0,9}(?:-[A-Z]{1,10})?-?|[a-z])\d{3,6}(?=\s?[:\]])"
    r"|(?<=%)[A-Z][A-Z0-9_]{1,19}-[0-7]-[A-Z0-9_]{1,40}(?=:)"
    r"|(?<=\()(?:v(?:sim|log|com|opt|lib|map|del)|sccom|qrun)-\d{1,5}\)"
    # (after "code" first: five look-behinds tried at every place cost a scan 2.5 times the rest of the pattern)
    r"|(?<=[Cc]ode[\s=:])(?:(?<=[Ee]rror[_ ][Cc]ode[\s=:])|(?<=[Ee]rror[Cc]ode[\s=:])|(?<=[Ss]tatus[_ ][Cc]ode[\s=:])"
    r"|(?<=[Ss]tatus[Cc]ode[\s=:])|(?<=[Ee]xit[_ ]code[\s=:]))"
    r"(?:(?<=[=:])|(?<=\s)\s*[=:])\s*[0-9A-Z]{1,12}\b"
    # SQL Server's error number ("Logon       Error: 18456, Severity: 14, State: 8."): every error of its log was one
    r"|(?<=rror: )\d{1,6}(?=, Severity: \d))"
)

_MASKS = (
    # nginx's context after an error's message (", client: 127.0.0.1, server: localhost, request: ..."): each
    # missing file's was a group
    (re.compile(r", client: [^\n]*"), ""),
    # a thread's name before the level (logback's and log4j's "[http-nio-8080-exec-3] ERROR"): which thread logged
    # an error does not make it another one (not Ruby Logger's "[2021-06-17T22:55:15.480876 #4]")
    (re.compile(r"(?<![^\s])\[[^\]\n#]{1,80}\](?= +(?:TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL|SEVERE)\b)"), "[<thread>]"),
    # the thread before log4j's class and line in one bracket (ZooKeeper's "[WorkerSender[myid=1]:QuorumCnxManager@368]"):
    # one error, logged by two threads, was two groups
    (re.compile(r"\[[^\]\n]{0,80}(?:\[[^\]\n]{0,40}\][^\]\n]{0,80})?:([A-Za-z_$][\w$]{0,80}@\d{1,6})\]"), r"[<thread>:\1]"),
    # a syslog priority (and RFC 5424's version) left before a header whose time and host were taken out
    # ("<4>1 2014-03-28T16:04:31+01:00 node001 kernel: ..." was named "<<n>><n> kernel: ..."); RFC 5424's app name
    # then its process id, message id and structured data, nil or not ("<10>1 ... hostname log_tag - - -  this is
    # critical"), named by the app as RFC 3164's tag: "log_tag: this is critical"
    (
        re.compile(r"^<\d{1,3}>(?:1 +(?:(?P<app>[!-~]{1,48}) [!-~]{1,128} [!-~]{1,32} (?:-|(?:\[[^\]\n]*\])+) +(?=\S))?)?"),
        lambda m: f"{m['app']}: " if m["app"] else "",
    ),
    # an RFC 3164 header left before a line whose own dated time was read as the record's (firewalld's): its host
    # kept, one error on two hosts was two groups
    (re.compile(r"^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d(?:\.\d{1,6})? \S{1,255} (?=\S+: )"), ""),
    # Sidekiq's thread id, also after a syslog tag ("sidekiq: 2013-04-24T10:37:15Z 10117 TID-owed9kmd8 WARN: ..."), where
    # the level's fields are not the line's first (from_level): random letters, one failure a group for each thread
    (re.compile(r"\bTID-[0-9a-z]{1,32}\b"), "TID-<id>"),
    # the host Ansible names a task's failure on ("fatal: [web1]: FAILED! => ..."): ten hosts, one error
    (re.compile(r"^(fatal|failed): \[[^\]\n]{1,200}\]"), r"\1: [<host>]"),
    # the value of an id's key ("request_id=jh1dmn7lk9xbgp12", requestId=, id=, uuid=): each record's own, whatever its
    # letters, a bracketed part of it too ("[REDACTED]"); not a bracket that closes around it (Kafka's "[Broker id=1]
    # Ignoring ..." was named "[Broker id=<id> Ignoring ...")
    (re.compile(r"\b((?:\w*(?:[_-][Ii][Dd]|Id|ID)|id|uuid|guid)=)(?![\s\"'])(?:\[[^\]\s]*\]|[^\s,;&\])}])+"), r"\1<id>"),
    (re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b", re.IGNORECASE), "<id>"),
    # a session's or request's tag in angle brackets, of lower-case letters and digits both (Roundcube's "[30-Dec-2014
    # 13:02:34 -0500]: <3z506z6r> IMAP Error: Login failed ...", "roundcube[12]: <crk1n8i> ..."), at a name's start or after its
    # program's tag: one failure was a group for each session, and one more where no session was open
    (re.compile(r"(?:^|(?<=: ))<(?=[a-z]{0,31}\d)(?=\d{0,31}[a-z])[0-9a-z]{6,32}> (?=\S)"), ""),
    (re.compile(r"\bhttps?://\S+", re.IGNORECASE), "<url>"),
    # the address in a Ruby object's inspection ("for #<Admin::DashboardController:0x00007ff3c9648588>"): each object's own
    (re.compile(r"(?<=:)0x[0-9a-f]{8,16}(?=>)"), "<addr>"),
    # a path in brackets, as Tomcat and Spring write a message's values ("... the resource at [/WEB-INF/x.js]")
    (re.compile(r"\[/[^\]\n]{1,200}\]"), "[<path>]"),
    # the user name sshd names a failed login by ("for invalid user support from ...", "for root from ... port"):
    # a brute force tries one name a line, each was a group of its own
    (
        re.compile(
            r"\b((?:[Ii]nvalid|[Ii]llegal) user )[^\s<]+|\b(for )(?!(?:invalid|illegal) )[^\s<]+(?= from [\d.:a-fA-F]+ port \d)"
        ),
        lambda m: f"{m[1] or m[2]}<user>",
    ),
    (re.compile(EMAIL), "<email>"),
    # the name a DNS query asked for, written whole with the root's dot before the record's type (CoreDNS's "[ERROR]
    # plugin/errors: 2 mini-program-server-9c4b4f768-wcjz5. A: read udp ...: i/o timeout"): one upstream timing out
    # was a group for each name asked; the type stays
    (
        re.compile(
            r"(?<![\w.-])(?:[\w-]{1,63}\.)+(?= (?:A|AAAA|CNAME|MX|NS|PTR|SOA|SRV|TXT|HTTPS|SVCB|CAA|HINFO|NAPTR|ANY)[: ])"
        ),
        "<host>.",
    ),
    # a long number or hex id, also after an underscore and with its sign (HDFS's "blk_8376667364205250596" and
    # "blk_-2918118818249673980": one error, it was two groups, "blk_<n>" and "blk_-<id>")
    (re.compile(r"(?<![0-9A-Za-z])(?:(?<=_)-)?(?=[0-9a-f]*\d)[0-9a-f]{12,}\b", re.IGNORECASE), "<id>"),
    # and a shorter one in lower case, of digits and letters both: CouchDB's request id ("3b0034fcd1", each request
    # a group of its own), a short commit hash; not an upper-case code (C0000005)
    (re.compile(r"(?<![0-9A-Za-z])(?=[0-9a-f]*\d)(?=\d*[a-f])[0-9a-f]{8,11}\b"), "<id>"),
    # an upper-case id of 13 or more digits and letters, two or more of each: Kestrel's connection id ("Unhandled
    # exception while processing 0HNEARMGI06SV."): each connection's error was a group of its own, its digits masked
    (re.compile(r"(?<![\w-])(?=(?:[A-Z]*\d){2})(?=(?:\d*[A-Z]){2})[A-Z\d]{13,}(?![\w-])"), "<id>"),
    # a Go value printed with %#v (Calico's "actualRuleIDs=[]string{"", "", "Cz_u1IQiXIMmKD4c", ""}"): its items, one list
    # per chain, made one warning four groups (an empty string unmasked, a rule's id masked, in each place); its type kept
    (re.compile(r"((?:\[\]|map\[[\w.*]{1,40}\])\*?[\w.]{1,60})\{[^{}\n]{0,4000}\}"), r"\1{…}"),
    # a number's sign where a bracket, brace or slash opens it: SAP HANA's trace names a connection and a transaction
    # before each line's level, "-1" for none ("[12036]{-1}[-1/-1]", "[12040]{200001}[15/40637290]"), and one error was
    # a group with them and another without
    (re.compile(r"([\[{(/])-(?=\d)"), r"\1"),
    # a number; kept whole where masking it made every error of its program one group: a code's
    # (Heroku's "code=H10"), a hex code after an error's or a result's name ("Errorcode 0xFFDF", "hr: 0x800705aa"),
    # a percent-escape's digits ("%D8%B3"), an IBM message id ("AMQ6776E:"), a message's own code (OWN_CODE: MSVC's
    # "warning C4996:", Oracle's "ORA-00942:", MySQL's "[MY-010068]", "%ASA-4-106023:", "sql_error_code = 40P01",
    # "(vsim-8315)"), an error's HTTP status in parentheses ("failed (403)"); not a record's id ("invoice INV-00123:")
    # nor any code's value ("verification code: 483920")
    (
        re.compile(
            r"(?P<code>\b(?:\w*[Cc]ode|\w*[Ee]rror|hr|HRESULT|[Ss]tatus)(?:\s*[=:]\s*|\s+)0[xX][0-9A-Fa-f]+\b"
            rf"|{IBM_MESSAGE_ID}[A-Z](?=[: ])"
            rf"|{OWN_CODE}"
            # a hex code in capitals, of digits and letters both (OpenSSL's "error:1408F10B:"; each id this long is
            # masked above in lower case), and the digits inside a name (OpenSSL's function "ssl3_get_record",
            # "utf8mb4"): not a number, both say which error it is
            r"|(?<![\w.-])(?<![0-9A-Fa-f]:)(?=[A-F]*\d)(?=\d*[A-F])[0-9A-F]{6,8}(?![\w.-]|:[0-9A-Fa-f]{1,4}:)"
            r"|(?<=[A-Za-z]{2})\d{1,2}(?=_?[A-Za-z]{2})"
            r"|(?<= \()[45]\d\d(?=\)))"  # an HTTP status in parentheses (botocore's "An error occurred (403) when")
            r"|(?<![Cc]ode=)(?<![Cc]ode=[A-Z])(?<![Cc]ode=[A-Z]{2})(?<!\d)(?<!%)(?<!%[0-9A-Fa-f])\d+(?:[.,]\d+)*"
        ),
        lambda m: m["code"] or "<n>",
    ),
    # a quoted value (a name, a path, an id) varies; a quoted phrase is the message (klog's
    # "Error syncing pod, skipping", logfmt's msg="failed to decode logfmt"): kept, its numbers masked; so is the
    # event a key=value line records (Asterisk's SecurityEvent="InvalidPassword", SecurityEvent="FailedACL"), and a JSON
    # object's key (zap's console line ends in its fields, "{"otelcol.signal": "metrics", ...}": named "{'…': '…', ...}");
    # a phrase ends at its closing quote, not at one escaped inside it (klog's err="failed to \"StartContainer\" for
    # \"grafana\"": read to the escaped quotes, the names between them were named whole)
    (
        re.compile(
            r"(?P<event>[Ee]vent=(?:'[^'\s]{1,80}'|\"[^\"\s]{1,80}\"))|(?P<key>(?:(?<=\{)|(?<=, ))\"[\w.-]{1,60}\"(?=: ))"
            r"|'[^'\s]{1,80}'|\"[^\"\s]{1,80}\"|(?P<phrase>\"(?:[^\"\n\\]|\\[^\"\n]){0,200}\")"
        ),
        lambda m: m["event"] or m["key"] or m["phrase"] or "'…'",
    ),
)
_ID_SEGMENT = re.compile(
    r"/(?:\d+|[0-9a-f]{8}-[0-9a-f-]{27}|[0-9a-f]{16,}|[A-Za-z0-9_-]*\d[A-Za-z0-9_-]{11,})(?=/|$)", re.IGNORECASE
)


def signature(text: str) -> str:
    """Text with what varies between occurrences of one error masked (numbers, ids, quoted values);
    a key=value line read from its message on when the message stands far from the line's start
    (FortiGate's logdesc="IPsec phase 1 error" after ten header fields), its header after: cut at
    160 characters, a group was named by the header alone. A short text's is remembered: a vendor's
    message repeated on every line of a log was masked on each (sixteen passes, a fifth of its scan)."""
    if len(text) > _SIGNED_MAX:
        return _signature(text)
    masked = _SIGNED.get(text)
    if masked is None:
        if len(_SIGNED) >= _SIGNED_SIZE:
            _SIGNED.clear()
        masked = _SIGNED[text] = _signature(text)
    return masked


def _group_key(vendor: str | None, status: int | None, text: str, named: str | None) -> tuple[str | None, int | None, str]:
    """A vendor error's group: its masked text after its code and name (``named``: "37001 OrderConvertedToInvoice"),
    which are never masked."""
    masked = signature(text)
    return (vendor, status, (f"{named}: {masked}" if masked else named) if named else masked)


_SIGNED: dict[str, str] = {}
_SIGNED_MAX, _SIGNED_SIZE = 512, 4096


def forget_signatures() -> None:
    """Let go of the texts the memo holds, once a scan is done (as prepared.forget_lines)."""
    _SIGNED.clear()


def _signature(text: str) -> str:
    if text[:1] in "<-" and (event := _WINDOWS_EVENT.match(text)):  # its XML masked named neither
        return f"Windows event {event[2]} from {event[1]}"[:160]
    for pattern, mark in _MASKS:
        text = pattern.sub(mark, text)
    if (said := _KV_MESSAGE.search(text, 60)) and text.count("=") >= 6:  # from the message on, then the header
        text = f"{text[said.start() :]} {text[: said.start()]}"
    return " ".join(text.split())[:160]


def from_level(head: str) -> str:
    """A record's first line (its time taken off) from its level on, when all before the level is a layout's fields, no
    words: PostgreSQL's log_line_prefix (RDS's '%t:%r:%u@%d:[%p]:', ":10.0.0.123(52834):postgres@tstdb:[20175]:ERROR: ...";
    pgBadger's '%t [%p]: [%l-1] user=%u,db=%d,app=%a,client=%h '), a pipe-separated layout's bar ("| ERROR | ..."). Each
    address, user and database named a group of its own, in a name that began with them; so did MySQL 8's thread id before
    its level in brackets ("0 [Warning] [MY-010068] ..."). A thread alone in brackets
    before the level stays ("[main] ERROR ..."). A CSV row's fields before its level's column go too (OneDrive's
    "07-25-13,16:03:24.649,13,a98,0,AUTH,authapi.cpp(280),0,0,ERR,Sign in failed ...": each thread's hex id was a group),
    and glog's head says its letter as the word it stands for ("E0517 15:04:22.612345 1 controller.go:114] error syncing
    ..." is "ERROR controller.go:<n>] error syncing ..."). A thread or process named after the level goes too
    (_THREAD_AFTER_LEVEL, _NGINX_PROCESS), and Odoo's database (_ODOO_DATABASE). A clock without a date still
    starting it goes (Jenkins's timestamper: "20:44:20 Build step 'Execute shell' marked build as failure" was "<n>:<n>:<n> Build
    step ..."), as a time read does."""
    if (glog := _GLOG_HEAD.match(head)) is not None:
        return f"{_GLOG_LEVELS[glog[1]]} {head[glog.end() :]}"
    if head[:1] == "[" and (source := _UNTIMED_SOURCE.match(head)) is not None:
        head = (f"[{source[1]}{source[2]}] " if source[2] else "") + head[source.end() :]
    if head[2:3] == ":" and (relayed := _MOZHARNESS_QUIET.match(head)) is not None:
        head = head[relayed.end() :]
    if "]: " in head[:80] and (own := _TAGGED_TIME.match(head)) is not None:
        head = own[1] + head[own.end() :]
    if head[:1] == "<" and (weblogic := _WEBLOGIC_FIELDS.match(head)) is not None:
        head = f"{weblogic[1]} {head[weblogic.end() :]}"
    if head[1:3] == ", " and (ruby := _RUBY_LOGGER.match(head)) is not None:
        head = head[ruby.end() :]
    m = _LAYOUT_FIELDS.match(head, 0, 512)
    end = m.end() if m and _LOUD_AHEAD.match(head, m.end()) else 0
    if not end and m and m.end() and (bracketed := _BRACKETED_LOUD.search(head, 0, m.end())) is not None:
        end = bracketed.start()  # the level in brackets among the fields (MySQL 8's "0 [Warning] [MY-010068] [Server] ...")
    if not end and (csv := _CSV_FIELDS.match(head, 0, 512)) is not None:
        end = csv.end()
    head = head if not end or _THREAD_ALONE.fullmatch(head, 0, end) else head[end:]
    head = _THREAD_AFTER_LEVEL.sub(r"\1<thread>", _BRACKETED_THREAD_AFTER_LEVEL.sub(r"\1[<thread>]", head, 1), 1)
    if head[:1] == "[":
        head = _APACHE_PROCESS.sub(r"\1", _CELERY_PROCESS.sub(r"\1", head, 1), 1)
    elif head[:1] in _DIGIT_OR_SPACE:
        head = _LOGCAT_PROCESS.sub("", head, 1)
    head = _ODOO_DATABASE.sub(r"\1", _NGINX_PROCESS.sub(r"\1", head, 1), 1)
    return head[clock.end() :] if head[2:3] == ":" and (clock := _CLOCK.match(head)) is not None else head


# a source in brackets before the line, its time taken out (Taskcluster's "[task 2025-02-13T11:00:27.837Z] " and
# "[taskcluster:warn 2025-02-13T11:46:09.018Z] "): every group of a Mozilla CI log was named "[task ] <n>:<n>:<n> ..."
# (not structlog's level padded to its column, "[critical ] ...")
_UNTIMED_SOURCE = re.compile(rf"\[(?!(?i:{LEVEL_WORDS}) \])([a-z]{{1,12}})(:[a-z]{{1,8}})? \] ")
# mozharness's clock and its level for the output it relays ("11:00:27     INFO - "), before a line that is an error by
# what it says (mozlog's "TEST-UNEXPECTED-FAIL | ...", a relayed "GECKO(5432) | JavaScript error: ..."): not its level
_MOZHARNESS_QUIET = re.compile(r"\d\d:\d\d:\d\d +(?:INFO|DEBUG) - +(?=\S)")


# a program's own time after its syslog tag, the header's time taken out (FreeSWITCH under rsyslog: "freeswitch[122921]:
# 2016-09-25 18:57:58.150982 [WARNING] sofia_reg.c:2889 Can't find user ..."): named "freeswitch[<n>]: <n>-<n>-<n> <n>:..."
_TAGGED_TIME = re.compile(
    r"([\w./-]{1,64}\[\d{1,10}\]: )\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d{1,9})?(?:Z|[+-]\d\d:?\d\d)? "
    r"(?:\d{1,3}\.\d\d% )?(?=\S)"  # and FreeSWITCH's idle CPU after its time ("14:13:24.894719 82.43% [WARNING] ...")
)
# WebLogic's server log's fields between its severity and subsystem and its message id ("####<time> <Error> <HTTP>
# <machine> <server> <[ACTIVE] ExecuteThread: '21' ...> <<WLS Kernel>> <> <context id> <1665074220461> <[severity-value: 8]
# ...> <BEA-101017> <message>"): which machine, server, thread and request, not what failed; each named a group of its own
_WEBLOGIC_FIELDS = re.compile(r"(<[A-Za-z]{1,16}> <[^<>\n]{1,80}>) <[^\n]{0,1024}?> (?=<BEA-\d{1,8}> )")  # one lazy run
_CLOCK = re.compile(r"\d\d:\d\d:\d\d(?:[.,]\d{1,9})? +(?=\S)")  # a time of day alone, before the line's words
# Ruby Logger's letter and bracket (its time taken out, its pid left) before the level it spells out ("I, [#7720]  INFO -- :
# Completed 500 ..."): every Rails production.log name began "I, [#<n>]"
_RUBY_LOGGER = re.compile(r"[DIWEFA], \[[^\]\n]{0,64}#\d{1,10}\] +(?=[A-Z]{1,8} -- )")
# Celery's level and process in one bracket, its time taken out ("[ERROR/MainProcess] ...", "[ERROR/ForkPoolWorker-1]"):
# named by the level, as a logger's line is; which process logged it does not make it another error
_CELERY_PROCESS = re.compile(rf"^\[((?:{LOUD_WORDS}|INFO|DEBUG))/[A-Za-z][\w-]{{0,63}}\]")
# logcat's process and thread ids (and package) before its level letter, its time taken out: threadtime's "2227  2794 E Tag:
# ...", Android Studio's "22134-22134/? E/dex2oat: ..."; each process's crash was a group of its own
_DIGIT_OR_SPACE = frozenset("0123456789 ")
_LOGCAT_PROCESS = re.compile(r"^ {0,8}(?:\d{1,10} +\d{1,10} +(?=[VDIWEFA] )|\d{1,10}-\d{1,10}/\S{1,128} (?=[VDIWEFA]/))")
# Apache's process and thread ids and its client's address after its module and level ("[core:error] [pid 2451:tid
# 1401696] [client 10.0.0.5:51234] File does not exist: ..."): who logged it and for whom, not what failed
_APACHE_PROCESS = re.compile(r"^(\[[\w:]{0,40}\] )(?:\[pid \d{1,10}(?::tid \d{1,24})?\] )?(?:\[client [^\]\s]{1,64}\] )?")


# a layout's fields, each possessive (no backtracking on a long run of digits or dots): separators, a bracketed or
# parenthesised value, a user@database, a key=value, Sidekiq's thread before version 6 ("22522 TID-1k8 WARN: ...": its
# random base-36 id named one failure once for each thread), a request's UUID (AWS Lambda's "<time>\t<request id>\tERROR
# \tInvoke Error ...", named "<id> ERROR ..."), a number or an address, a date written with slashes and a clock's AM or PM
# (NestJS's "[Nest] 7  - 08/02/2023, 7:32:47 PM    WARN [AuthService] ...": one warning was a group before noon and
# another after, and one more where the clock was left out), a percentage (FreeSWITCH's idle CPU before its level: "82.43%
# [WARNING] sofia_reg.c:2889 ..."); ClickHouse's thread and query id before
# its level in angle brackets, "[ 21 ] {} <Error> HTTPHandler: ...": each thread's error was a group of its own)
_LAYOUT_FIELDS = re.compile(
    r"(?:[ \t:|,;/-]++|[AP]M\b|\[[^\]\s]{0,64}+\]|\[ \d{1,10}+ \]|\{[\w-]{0,64}+\}|\([^)\s]{0,64}+\)"
    r"|[\w.-]{0,64}+@[\w.-]{0,64}+|\w{1,32}+=[^\s,]{0,64}+"
    r"|TID-\w{1,32}+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[\d.]{1,45}+%?+)++"
)
# (quoted fields, and unquoted ones with spaces: PostgreSQL's csvlog, '"postgres","postgres",86,"172.24.0.1:48978",
# 6028ff3a.56,6,"idle in transaction",2021-02-14 10:45:14 UTC,3/4,0,FATAL,25P03,"terminating connection ..."': its name began
# with the user, database, session and its start); then the level's column
_CSV_FIELDS = re.compile(rf"(?:(?:\"[^\"\n]{{0,64}}+\"|[^,\n\"]{{0,64}}+),){{4,24}}?(?=(?:{LOUD_WORDS}),)")
_LOUD_AHEAD = re.compile(rf"(?:{LOUD_WORDS})\b|<(?i:{LOUD_WORDS})>")
_BRACKETED_LOUD = re.compile(rf"\[(?:{LOUD_WORDS})\]", re.IGNORECASE)
# glog's letter, month and day (CockroachDB's year too), time, thread id: its head
_GLOG_HEAD = re.compile(r"([IWEF])\d{4}(?:\d\d)? \d\d:\d\d:\d\d\.\d+ +\d+ ")
_GLOG_LEVELS = {"I": "INFO", "W": "WARNING", "E": "ERROR", "F": "FATAL"}
# (not a number alone: a process id, gunicorn's "[1080] [ERROR] Worker (pid:1082) exited with code 3", ClickHouse's "[ 21 ]",
# is no thread's name)
_THREAD_ALONE = re.compile(r"\[(?! ?\d+ ?\])[^\]]*\] ?")
# nginx's process and thread ids and the connection's number after its level ("[error] 54053#0: *1 open() ..."): named
# "[error] <n>#<n>: *<n> open() ...", the ids before the message
_NGINX_PROCESS = re.compile(r"^(\[(?:emerg|alert|crit|error|warn|notice|info|debug)\] )\d{1,10}#\d{1,10}: (?:\*\d{1,20} )?")
# Odoo's database after the level, "?" where none ("%(pid)s %(levelname)s %(dbname)s %(name)s: "): one failure was a
# group for each database ("ERROR ? odoo.http: ...", "ERROR prod odoo.http: ..."); its loggers' names (odoo., openerp.
# before 10.0, werkzeug) tell its layout
_ODOO_DATABASE = re.compile(rf"^((?:{LOUD_WORDS}|INFO|DEBUG) )(?:\?|[\w.-]{{1,63}}) (?=(?:odoo|openerp)[\w.]*: |werkzeug: )")
# a thread named by its id and name after the level (Python logging's "%(thread)d:%(threadName)s", Google Drive's
# "WARNING pid=2376 7944:RunAsync-GetFolderGraphAsync-9 util.py:126 ..."): one warning, 15 threads, was 15 groups;
# taken before the name is screened, whose words ("_OnOAuthSuccess-8") may look like a credential's name; the level opens
# the name by then (from_level): tried there alone
_THREAD_AFTER_LEVEL = re.compile(
    rf"^((?:{LOUD_WORDS}|INFO|DEBUG)(?: \w{{1,32}}=\S{{1,64}})? +)\d{{1,20}}:[A-Za-z_][\w.-]{{0,80}}(?= )"
)

# a thread in brackets after the level, its name with spaces or not (log4j's "%p [%t]": Hadoop's "WARN [RMCommunicator
# Allocator]" and "WARN [CommitterEvent Processor #1]", logback's padded "INFO [main      ]"; Spring Boot's "ERROR 4242
# --- [nio-8080-exec-1]", its application's name first since 3.2): one warning logged by three threads was three groups.
# Not a code ("[MY-010068]", "[Errno 111]"), a phrase ("[SSL: CERTIFICATE_VERIFY_FAILED]"), a path, a logger's dotted name
# or ZooKeeper's thread with its class and line ("[main:QuorumPeerMain@127]", masked as such above), nor an error's class
# or an HTTP exchange ("[ValidationError]", "[HTTP 500]", "[GET /v1/invoices]": what failed, not who logged it), nor a
# component named in one capitalised word (NestJS's context, "ERROR [FetchHttpPort]" and "ERROR [ExceptionsHandler]" for
# one failure; "[Stripe]", "[PaymentService]"): which part failed, not which thread (Hadoop's one-word thread
# "[eventHandlingThread]" is lower-case first; a name ending in "Thread" is one).
_BRACKETED_THREAD_AFTER_LEVEL = re.compile(
    rf"^((?:{LOUD_WORDS}|INFO|DEBUG|TRACE|NOTICE) +(?:\d{{1,10}} +--- +(?:\[[^\]\n]{{1,64}}\] +(?=\[))?)?)"
    r"\[(?![A-Z\d_-]*\d[A-Z\d_-]*\]|\w*Err(?:no|or) \d|[^\]\n]*: |/|[a-z][\w$]*(?:\.[\w$]+)+\]|[^\]\n]*@\d+\]"
    r"|\w*(?:Error|Exception)\]|HTTP[/ ]|(?:GET|POST|PUT|PATCH|DELETE) |[A-Z][A-Za-z]{0,63}(?<!Thread)\])"
    r"[^\[\]\n]{1,200}\](?= |$)"
)

# a Windows event as XML, one a line (wevtutil qe /f:xml): named by its provider and event id
_WINDOWS_EVENT = re.compile(
    r"(?:- )?<Event[ >][^\n]{0,1024}?<Provider Name=[\"']([^\"'\n]{1,120})[\"']"
    r"[^\n]{0,1024}?<EventID\b[^>\n]{0,80}>(\d{1,6})</EventID>"
)
# a key=value line's message: a quoted phrase (of two words at least) under a message's key
_KV_MESSAGE = re.compile(r"(?<![\w.])(?:msg|message|logdesc|description)=\"[^\"\n]{0,200} [^\"\n]{0,200}\"")


def own_words(said: str) -> str:
    """A vendor's error as a plain-text log line said it, without the layout before it (_LAYOUT_BEFORE_SAID): the same
    error logged by two programs, "syncd[4242]: error: cURL error 28: ..." and "ERROR [main:Sync@42] - cURL error 28:
    ...", was two groups, each named by its layout (integ22)."""
    m = _LAYOUT_BEFORE_SAID.match(said)
    return said[m.end() :] if m is not None and m.end() < len(said) else said


# a line's layout up to its level and what follows the level before the message, explain's message of a log line
# holding it (its time and a syslog host already out): a tag or a logger closed by a colon or a bracket ("syncd[4242]:",
# Airflow's "{taskinstance.py:1851}"), the level in capitals or followed by a colon ("error:"), then a thread or a logger
# in brackets or parentheses and dashes ("ERROR [main:Sync@42] - ", "WARN  [org.keycloak.services] (executor-thread-16) ")
_LAYOUT_BEFORE_SAID = re.compile(
    rf"(?:\S{{0,80}}[:\]}})] ){{0,2}}?(?:(?:{LOUD_WORDS})\b:?|(?i:{LOUD_WORDS}):)"
    r"(?: +(?:\[[^\]\n]{0,80}\]|\([^)\n]{0,80}\)|-|\|)(?= ))* +"
)


INTERRUPTED = "interrupted by Ctrl-C (SIGINT): the records found before it are summarised, the rest was not read"


def read_before(broken: str, read: int, lines: int) -> str:
    """Why reading stopped, with what was read before it (a header of "0 bytes" said nothing)."""
    return f"{broken}; {read:,} bytes and {lines:,} lines were read before it"


def masked_path(path: str) -> str:
    """A request path with its identifier segments written as {id}."""
    return _ID_SEGMENT.sub("/{id}", path)


@dataclass(frozen=True)
class Place:
    file: str
    line: int


@dataclass
class Group:
    """Occurrences of one error: how many, when, where, and a few redacted samples."""

    count: int = 0
    first_seen: datetime | None = None
    last_seen: datetime | None = None
    places: list[Place] = field(default_factory=list)
    samples: list[tuple[Place, str]] = field(default_factory=list)
    endpoints: Counter[str] = field(default_factory=Counter)

    def fills(self, room: Room) -> bool:
        """Whether it holds as many places and samples as ``room`` leaves for it."""
        return len(self.places) >= room[0] and len(self.samples) >= room[1]

    def add(
        self, place: Place, when: datetime | None, endpoint: str | None, sample: Callable[[], str], room: Room = ROOM
    ) -> None:
        """Count one occurrence, keeping its place and sample while the group has ``room`` for them
        (by default all it keeps: MAX_LINES_KEPT and MAX_SAMPLES)."""
        self.count += 1
        self.seen_at(when)
        if len(self.places) < room[0]:
            self.places.append(place)
        if len(self.samples) < room[1]:
            self.samples.append((place, sample()[:SAMPLE_CHARS]))  # redacted only when kept
        if endpoint:
            self._at(endpoint, 1)

    def merge(self, other: Group) -> None:
        self.count += other.count
        self.seen_at(other.first_seen)
        self.seen_at(other.last_seen)
        self.places = _in_input_order([*self.places, *other.places], lambda p: p)[:MAX_LINES_KEPT]
        self.samples = _in_input_order([*self.samples, *other.samples], lambda s: s[0])[:MAX_SAMPLES]
        for endpoint, n in other.endpoints.items():
            self._at(endpoint, n)

    def seen_at(self, when: datetime | None) -> None:
        if when is not None:
            self.first_seen = when if self.first_seen is None else min(self.first_seen, when)
            self.last_seen = when if self.last_seen is None else max(self.last_seen, when)

    def _at(self, endpoint: str, n: int) -> None:
        if endpoint in self.endpoints or len(self.endpoints) < MAX_ENDPOINTS:
            self.endpoints[endpoint] += n


@dataclass
class Matched(Group):
    """A documented error: the catalog row it was matched to (the first seen) and the kind of match."""

    entry_id: str = ""
    kinds: Counter[str] = field(default_factory=Counter)
    guide: Guide | None = None  # our explanation of the error, for views
    # an observed (undocumented) error's own words as logged, redacted (the first seen): what heads
    # its group, since the catalog's message is only what someone else saw
    said: str | None = None
    # occurrences a gateway answered with 502 or 504 to a request that is not idempotent, by method (POST: 3):
    # the vendor may have done those, so the guide's "backoff" is not their advice (values.resend_may_repeat)
    not_resent: Counter[str] = field(default_factory=Counter)
    # occurrences whose exchange stated another status than the entry's, by that status (a 500 the log shows
    # for an error the vendor documents at 400): the group's head is the entry's, this says what was logged
    logged: Counter[int] = field(default_factory=Counter)

    def merge(self, other: Group) -> None:
        super().merge(other)
        if isinstance(other, Matched):
            self.kinds.update(other.kinds)
            self.said = self.said or other.said
            self.not_resent.update(other.not_resent)
            self.logged.update(other.logged)

    def status_words(self, documented: int | None) -> str:
        """The entry's status, and the others the log stated for it: "HTTP 400 (logged as 500: 2)"."""
        other = ", ".join(f"{status}: {n:,}" for status, n in sorted(self.logged.items()))
        return f"HTTP {documented}" + (f" (logged as {other})" if other else "")


@dataclass
class Unmatched(Group):
    """Errors the catalog does not document, with the same text once numbers and ids are masked."""

    vendor: str | None = None
    status: int | None = None
    text: str = ""  # the group's text with what varies masked ("Token <n> is invalid"); samples show instances


@dataclass
class Family(Unmatched):
    """Errors the log cannot tell apart among several documented ones that share what it said (their "code",
    "name", or "words": MYOB's "Cannot delete order with payment(s) applied" with no endpoint is 37000 OrderPaid or
    38000 PurchaseOrderPaid): in the catalog, none of them claimed (explain's ErrorMatch.family)."""

    shares: str = "words"
    entries: tuple[str, ...] = ()  # the documented errors it may be: "37000 OrderPaid (myob.sale-order-item.order-paid)"


@dataclass
class Skip:
    file: str
    line: int | None
    what: str


@dataclass
class InputStats:
    name: str
    bytes: int = 0  # read from disk or stdin, as the progress bar counts them: compressed for gzip
    lines: int = 0
    unpacked: int | None = None  # what a gzip input decompressed to (None: not compressed)
    problem: str | None = None  # not read at all
    broken: str | None = None  # read only in part


@dataclass
class ScanReport:
    inputs: list[InputStats] = field(default_factory=list)
    records: int = 0  # records with error evidence that were read
    errors: int = 0  # records that are error responses (counted below or filtered out)
    not_errors: int = 0  # records that mention an error word but are not one (an INFO line, say)
    filtered_vendor: int = 0
    filtered_time: int = 0
    no_timestamp: int = 0  # dropped by --since/--until because they carry no time
    matched: dict[Key, Matched] = field(default_factory=dict)
    unmatched: dict[tuple[str | None, int | None, str], Unmatched] = field(default_factory=dict)
    unmatched_overflow: int = 0  # unmatched errors beyond MAX_UNMATCHED_GROUPS groups
    # errors that are one of several documented errors, the log not saying which (counted apart from both)
    families: dict[tuple[str | None, int | None, str], Family] = field(default_factory=dict)
    families_overflow: int = 0
    # other programs' errors: no vendor evidence and no API shape, never matched against the catalog
    other: dict[str, Unmatched] = field(default_factory=dict)
    other_overflow: int = 0
    explained: int = 0  # records explain() read: the rest were served by their template, or never concerned a vendor
    engine: str = ""  # what searched the log for needles: hyperscan, or re
    where: dict[str, Any] = field(default_factory=lambda: {"kind": "local"})  # where it ran (a cluster's: cluster.py)
    skipped: list[Skip] = field(default_factory=list)
    skipped_count: Counter[str] = field(default_factory=Counter)
    elapsed: float = 0.0

    @property
    def matched_count(self) -> int:
        return sum(g.count for g in self.matched.values())

    @property
    def unmatched_count(self) -> int:
        return sum(g.count for g in self.unmatched.values()) + self.unmatched_overflow

    @property
    def family_count(self) -> int:
        return sum(g.count for g in self.families.values()) + self.families_overflow

    @property
    def other_count(self) -> int:
        return sum(g.count for g in self.other.values()) + self.other_overflow

    def fails(self, fail_on: str | None) -> bool:
        """Whether the scan should fail a CI job: ``unmatched`` vendor errors (not in the catalog) or
        ``any`` vendor error (other programs' errors never fail it)."""
        if fail_on == "unmatched":
            return self.unmatched_count > 0
        if fail_on == "any":
            return self.matched_count + self.family_count + self.unmatched_count > 0
        return False

    @property
    def nothing_read(self) -> bool:
        """No input could be read at all (every file missing, binary or unreadable)."""
        return all(i.problem for i in self.inputs)

    def why_nothing_read(self) -> str:
        """The one line that says no input could be read, with the first input and what kept it unread (the
        report lists them all): "no input could be read" alone sent a user with the report redirected to a file
        (``--format json > report.json``) to look for why, a missing bucket or no credentials."""
        first = next((i for i in self.inputs if i.problem), None)
        if first is None:
            return "no input could be read"
        more = len(self.inputs) - 1
        rest = f" (and {more:,} more input(s) unread: see the report)" if more else ""
        return f"no input could be read: {first.name}: {first.problem}{rest}"

    def skip(self, file: str, line: int | None, what: str) -> None:
        self.skipped_count[what] += 1
        if len(self.skipped) < MAX_SKIPPED_KEPT:
            self.skipped.append(Skip(file, line, what))

    def add_matched(
        self,
        key: Key,
        entry_id: str,
        kind: str,
        place: Place,
        when: datetime | None,
        endpoint: str | None,
        sample: Callable[[], str],
        guide: Callable[[], Guide | None],
        said: Callable[[], str | None] | None,
        unsafe_method: str | None,
        logged_status: int | None,
    ) -> None:
        """One occurrence of a documented error; ``unsafe_method``: its request's method when resending it
        may repeat what was done (a POST a gateway answered with 504); ``logged_status``: the status its
        exchange stated."""
        group = self.matched.get(key)
        if group is None:
            group = self.matched[key] = Matched(entry_id=entry_id, guide=guide(), said=said() if said else None)
        group.kinds[kind] += 1
        if unsafe_method:
            group.not_resent[unsafe_method] += 1
        if logged_status is not None and logged_status != key[1]:
            group.logged[logged_status] += 1
        group.add(place, when, endpoint, sample)

    def add_unmatched(
        self,
        vendor: str | None,
        status: int | None,
        text: str,
        place: Place,
        when: datetime | None,
        endpoint: str | None,
        sample: Callable[[], str],
        named: str | None = None,
    ) -> None:
        """Count an undocumented error under its masked text, after its code and name (never masked)."""
        key = _group_key(vendor, status, text, named)
        group = self.unmatched.get(key)
        if group is None:
            if len(self.unmatched) >= MAX_UNMATCHED_GROUPS:
                self.unmatched_overflow += 1
                return
            group = self.unmatched[key] = Unmatched(vendor=vendor, status=status, text=key[2])  # the masked pattern
        group.add(place, when, endpoint, sample)

    def add_family(
        self,
        vendor: str | None,
        status: int | None,
        text: str,
        shares: str,
        entries: Callable[[], tuple[str, ...]],
        at: tuple[Place, datetime | None, str | None],
        sample: Callable[[], str],
        named: str | None = None,
    ) -> None:
        """Count an error that is one of several documented ones (``entries``), as add_unmatched keys it: a family that
        shares a code was headed "one of 2 documented errors with this code  <n> OrderConvertedToInvoice" (its code
        masked as a number that varies)."""
        key = _group_key(vendor, status, text, named)
        group = self.families.get(key)
        if group is None:
            if len(self.families) >= MAX_UNMATCHED_GROUPS:
                self.families_overflow += 1
                return
            group = self.families[key] = Family(vendor=vendor, status=status, text=key[2], shares=shares, entries=entries())
        group.add(at[0], at[1], at[2], sample)

    def add_other(
        self, text: str, place: Callable[[], Place], when: datetime | None, sample: Callable[[], str], room: Room
    ) -> None:
        """Count another program's error (no vendor evidence, no API shape) under its masked text;
        its place and sample are taken while the group has ``room`` for them (what an earlier part
        of the same reader took leaves less: those come first in the file)."""
        group = self.other.get(text)
        if group is None:
            if len(self.other) >= MAX_UNMATCHED_GROUPS:
                self.other_overflow += 1
                return
            group = self.other[text] = Unmatched(text=text)
        if not group.fills(room):
            group.add(place(), when, None, sample, room)
        else:  # counted, its place and sample not kept
            group.count += 1
            group.seen_at(when)

    def merge(self, other: ScanReport) -> None:
        counts = ("records", "errors", "not_errors", "filtered_vendor", "filtered_time", "no_timestamp", "explained")
        for name in counts:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        _merge_groups(self.matched, other.matched, None)
        self.unmatched_overflow += other.unmatched_overflow + _merge_groups(self.unmatched, other.unmatched, MAX_UNMATCHED_GROUPS)
        self.families_overflow += other.families_overflow + _merge_groups(self.families, other.families, MAX_UNMATCHED_GROUPS)
        self.other_overflow += other.other_overflow + _merge_groups(self.other, other.other, MAX_UNMATCHED_GROUPS)
        self.skipped = _in_input_order([*self.skipped, *other.skipped], lambda s: s)[:MAX_SKIPPED_KEPT]
        self.skipped_count.update(other.skipped_count)

    def shift(self, delta: int) -> None:
        """Make a part's line numbers, counted from the start of its block of a file, the file's."""
        for g in (*self.matched.values(), *self.families.values(), *self.unmatched.values(), *self.other.values()):
            g.places = [Place(p.file, p.line + delta) for p in g.places]
            g.samples = [(Place(p.file, p.line + delta), s) for p, s in g.samples]
        self.skipped = [Skip(s.file, None if s.line is None else s.line + delta, s.what) for s in self.skipped]

    def ranked_matched(self) -> list[tuple[Key, Matched]]:
        return sorted(self.matched.items(), key=lambda kv: (-kv[1].count, kv[0][0], str(kv[0][2]), str(kv[0][3])))

    def ranked_unmatched(self) -> list[Unmatched]:
        return sorted(self.unmatched.values(), key=lambda u: (-u.count, u.vendor or "~", u.text))

    def ranked_families(self) -> list[Family]:
        return sorted(self.families.values(), key=lambda u: (-u.count, u.vendor or "~", u.text))

    def ranked_other(self) -> list[Unmatched]:
        return sorted(self.other.values(), key=lambda u: (-u.count, u.text))

    @property
    def time_range(self) -> tuple[datetime | None, datetime | None]:
        groups = [*self.matched.values(), *self.families.values(), *self.unmatched.values()]
        firsts = [g.first_seen for g in groups if g.first_seen]
        lasts = [g.last_seen for g in groups if g.last_seen]
        return (min(firsts) if firsts else None, max(lasts) if lasts else None)


def _in_input_order(items: list[T], place: Callable[[T], Place | Skip]) -> list[T]:
    """Items by file, in the order the files first appear (a report merged in input order lists
    an earlier input's first), then by line."""
    rank = {f: i for i, f in enumerate(dict.fromkeys(place(x).file for x in items))}
    return sorted(items, key=lambda x: (rank[place(x).file], place(x).line or 0))


def _merge_groups(mine: dict[Any, G], theirs: dict[Any, G], cap: int | None) -> int:
    """Merge groups by key, new ones while fewer than ``cap``; what the rest count."""
    overflow = 0
    for key, group in theirs.items():
        if key in mine:
            mine[key].merge(group)
        elif cap is None or len(mine) < cap:
            mine[key] = group
        else:
            overflow += group.count
    return overflow

"""What an error record is: the one rule scan applies, cheap enough to run on every record.

A record is an error when its line says so by how it is logged, not because it holds the word:

- its level: ERROR, WARN(ING), FATAL, CRITICAL, SEVERE, ALERT, EMERG, PANIC (Serilog's WRN, FTL) as the line's first
  level word (``ERROR``, ``[error]``, Apache's ``[core:error]``, ``level=error``, ``"level":"error"``, ``<E>``, glog's
  ``E1203`` also after a program tag, a program tag's ``sshd[7]: error:`` or ``gmetad: Warning:``,
  Chromium's ``[1204/101010.123:ERROR:file.cc(12)]``, Android logcat's letter ``E``, ``W``, ``F``, ``A``, also Android Studio's),
  a diagnostic opening its line (``error: ...``, rustc's ``error[E0425]:``, Ansible's ``fatal: [web1]: FAILED!``),
  or a syslog priority ``<0>``..``<4>`` of any facility, or a Cisco message's severity 0 to 4 (``%ASA-4-106023:``);
- an HTTP status of 400 or more (a status line, ``status: 404``, ``"status":500``, ``status code 403``,
  ``HTTP 503 Service Unavailable``, Rails's ``Completed 500 Internal Server Error``, ``returned 404``, Gin's ``| 404 |``;
  a W3C log's status column, ``sc-status`` or ``status_code``, which alone decides its lines: w3c.py);
- a vendor error envelope (decided by explain: see ``stream``);
- an exception, a traceback or a crash (``java.io.IOException:``, ``Traceback (most recent call last)``,
  ``Unexpected exception``, a stack frame, ``got signal 11``, a Rust panic, an Apple crash report's
  ``Exception Type:  EXC_BAD_ACCESS``); under a quiet level (INFO) only one
  shown counts, not one a message mentions ("got a database exception").

A line whose first level word is INFO, DEBUG, TRACE or NOTICE is no error by its level, and words
alone never make one: "0 errors", ``error_rate=0.00``, ``max_errors=5``, "no errors in the last 10
batches", ``on_failure=backoff`` are not errors.

Separately, whether a record can concern a catalogued vendor at all (``api_shape``; the vendor
needles are the catalog's, in ``stream``): one that cannot is another program's error, counted,
never matched against the catalog.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..values import OAUTH_CODES, STATUS_KEYS

if TYPE_CHECKING:
    from ..explainer import Explanation

HEAD = 160  # a line's level is near its start
# with Serilog's and zerolog's three letters ("[15:47:42 WRN] ...", "2:28PM FTL ...")
LOUD_WORDS = "ERROR|ERR|WARN|WARNING|WRN|FATAL|FTL|CRITICAL|CRIT|SEVERE|ALERT|EMERG|EMERGENCY|PANIC"
LEVEL_WORDS = LOUD_WORDS + "|INFO|INF|DEBUG|DBG|TRACE|TRC|NOTICE|VERBOSE|VRB"
# and the letters of glog, [E], <W>, logcat; Grafana's lvl=eror
# and four letters: logrus's on a terminal (ERRO[0000]), RabbitMQ's level_format lc4 ([erro])
_FOUR_LETTERS = "ERRO|FATA|PANI|ALER|EMER|DEBU|TRAC|NOTI"
_LOUD = frozenset([*LOUD_WORDS.lower().split("|"), "e", "w", "f", "a", "eror", "erro", "fata", "pani", "aler", "emer", "fault"])
QUIET_LEVELS = frozenset(
    ("info", "inf", "debug", "dbg", "trace", "trc", "notice", "verbose", "vrb", "i", "d", "t", "v", "debu", "trac", "noti")
)
MONGODB_COMPONENT = r"[A-Z][A-Z_]* +\["  # after MongoDB's severity letter (and a debug level's digit)
CISCO_SEVERITY = r"%[A-Z][A-Z0-9_]*-(?:[A-Z0-9_]+-)?(?P<cisco>[0-7])-[A-Z0-9_]+:"  # its facility, severity, mnemonic
_LEVEL = re.compile(
    # what each form below starts with, tested first: re tries every form at every position of a
    # line, and most positions (a timestamp's) can start none (a third of the cost of a record).
    # A form added below must start with one of these, or it is never tried.
    r"(?=[ACDEFINPSTVWew\[<(\]\"'@lLsS\u017f%]|\d\d:\d\d[., \]\t|Z+-]|\d |\d\d*:[XCSM] )(?:"
    # an upper-case level word standing alone
    rf"(?<![\w.=:/-])(?P<upper>{LEVEL_WORDS})(?![\w=.(-])"
    # a level in brackets, any case: [error], <warn>, (E); structlog's padded [warning  ]; RabbitMQ's [erro]
    rf"|(?<![=\"'])[\[<(](?P<bracket>(?i:(?:{LEVEL_WORDS}|{_FOUR_LETTERS}) *|[EWFIDTV]))[\]>)]"
    # logrus's text on a terminal: its level's four letters and the seconds since start, ERRO[0000]
    rf"|(?<![\w.=:/-])(?P<logrus>{_FOUR_LETTERS})\[\d"
    # Apache 2.4's module and level: [core:error], [proxy_fcgi:error], [ssl:warn], ModSecurity's [:error];
    # Couchbase's logger and level before its time: [ns_server:error,2025-08-18T09:16:33.764Z,...], as
    # Taskcluster's worker writes it: [taskcluster:warn 2020-01-23T17:35:19.608Z] ...
    r"|\[\w*:(?P<apache>emerg|alert|crit|critical|error|warn|notice|info|debug|trace\d)(?:\]|[, ](?=\d{4}-))"
    # level=error, "level": "error", severity:ERROR, @l: Error (not a URL's query: "?level=ERR&...")
    r"|(?<![\w.&?])(?i:[\"']?(?:level|lvl|severity|levelname|loglevel|log\.level|@l)[\"']?\s*[=:]\s*[\"']?)(?P<keyed>[A-Za-z]+)"
    # glog: E1203 12:00:00.123456, at the line's start or after a syslog program tag (kubelet[7]: E1102 ...);
    # CockroachDB's with the year first: E220202 20:51:23.800288
    r"|(?:^|\]: )(?P<glog>[EWFID])\d{4}(?:\d\d)? \d\d:"
    # a syslog program tag followed by its level: "sshd[24200]: error: ...", "gmetad: Warning: ...", Courier's
    # "courieresmtpd[26762]: error,relay=::ffff:192.0.2.3,...", perdition's "perdition.imaps[3194]: Fatal Error reading ..."
    r"|\]: (?P<tagged>(?i:error|fatal|warning|panic))(?:[:,]|(?<=Fatal) Error )"
    # Chromium's (Chrome, Electron, CEF): [pid:tid:1204/101010.123:ERROR:gpu_init.cc(426)]
    rf"|\[(?:\d+:)*\d{{4}}/\d{{6}}(?:\.\d+)?:(?P<chromium>{LEVEL_WORDS})\d*:"
    # Android's logcat: threadtime's "03-17 16:13:46.764  2227  2794 E Tag: msg" (pid, tid, level
    # letter), brief's and time's "E/Tag( 123): msg"
    r"|\d\d:\d\d\.\d+ +\d+ +\d+ (?P<logcat>[VDIWEFA]) "
    # and Android Studio's Logcat window: "2025-01-24 11:39:16.533  1249-1321  Tag  package  E  msg" (pid-tid, tag,
    # package when known, the letter and two spaces)
    r"|\d\d:\d\d\.\d{3} +\d+-\d+ +\S+ +(?:\S+ +)?(?P<studio>[VDIWEFA])  "
    r"|(?:^|\d )(?P<brief>[VDIWEFA])/[^(\n]{1,80}\( *\d+\): "
    # and its window before 2023 (Android Studio's copy of it): "04-10 17:48:35.417 22134-22134/? E/dex2oat: ..." (pid-tid
    # and the package, "?" when unknown, then the letter and the tag): seven "Failed to create oat file" read as no error
    r"|\d\d:\d\d\.\d{3} +\d+-\d+/\S{1,128} (?P<studio_tag>[VDIWEFA])/[^\s:]{1,80}: "
    # Monolog's channel and level (Laravel's "local.ERROR:", zoneminder's "web_php[118].ERR "), a tag's
    # level suffix ("[CardDAVPlugin-ERROR]")
    rf"|(?<=[\w\]]\.)(?P<monolog>{LEVEL_WORDS})[: ]|(?<=\w-)(?P<suffix>{LEVEL_WORDS})\]"
    # a level between colons: Python's "%(asctime)s:%(levelname)s:%(message)s", Postgres's "[127]:FATAL:  ..."
    rf"|(?<=:)(?P<colon>{LEVEL_WORDS}):"
    # a level word right after a line's time ("2016-06-30 12:00:07 fatal ...", "12:00:07.123 fatal"), Grafana's
    # "eror", Emby's capitalised "Warn" ("2022-02-14 18:01:07.092 Warn Server: ..."); not after any number with
    # a point (Safari's "write_block_invoke.434 error 22" in macOS's log). The time may end in its zone (vCenter's
    # "2022-06-02T11:59:41.498Z warning vpxd[47756] ...") or a bracket, the word then in lower case (Monit's
    # "[CEST Aug  6 10:14:52] error    : ..."; a CI server's "[task 2020-01-23T17:43:01.007Z] Error processing command.
    # Ignoring because optional." starts a sentence), the word stand between tabs (zap's console, as the OpenTelemetry
    # Collector logs: "...856Z\terror\tqueue.go:128\t...") or bars (NLog's "2022-12-17 22:04:36.2|Warn|Auth|..."), or
    # end in a colon (BIND's "03:36:11.372 error: client ...")
    r"|\d\d:\d\d(?:[.,]\d{1,9})?(?:Z|[+-]\d\d:?\d\d)?(?:[ \t|]|\] (?=[a-z]))(?P<timed>(?i:error|eror|err|warning|warn"
    r"|fatal|crit|critical|emerg|alert|panic|info|debug|notice|trace))(?=[ \t|]|: )"
    # PHP's error log: "[07-Jan-2020 13:36:40 UTC] PHP Fatal error:  Uncaught Error: ...", "PHP Warning:  ..."
    r"|PHP (?P<php>Fatal error|Parse error|(?:Recoverable|Catchable) fatal error|Warning|Notice|Deprecated|Strict Standards"
    r"|Error)(?=: )"
    # SQL Server's error log: "2022-12-20 12:36:54.17 Logon       Error: 18456, Severity: 14, State: 8."
    r"|(?<= )(?P<mssql>Error): \d+, Severity: \d"
    # a capitalised level in a padded column (Windows CBS: "2016-09-28 04:30:31, Info          CBS ..."); macOS's
    # `log show` and `log stream` Type column, whose Fault is its most severe ("0xd5b      Fault       0x1a5c23  ...")
    r"|(?<![\w.=:/-])(?P<column>Info|Warning|Error|Debug|Critical|Fatal|Verbose|Fault)(?= {2,}|\t)"
    # Redis's level mark after its time ("1:C 25 Apr 2024 05:32:35.018 # Warning: ..."), Proxifier's "host:443 error : ..."
    r"|\d+:[XCSM] \d\d? [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d\.\d{3} (?P<redis>[.*#-]) |(?<= )(?P<spaced>error|warning) : "
    # MikroTik's topics, its level among them: "10.120.127.1 system,error,critical login failure ..."
    r"|(?<=[a-z],)(?P<topics>error|warning)(?=[, ])"
    # Zeek's reporter.log level column: "1320279566.452687\tReporter::ERROR\tfield value missing ..."
    r"|(?<=Reporter::)(?P<zeek>INFO|WARNING|ERROR)\b"
    # Icinga 2's level and component after its bracketed time: "[2017-04-04 11:16:34 +0200] warning/PluginNotificationTask:
    # Notification command ... terminated with exit code 127" (debug, notice, information, warning, critical)
    r"|\] (?P<icinga>debug|notice|information|warning|critical)/[A-Za-z]\w{0,80}: "
    # SAP HANA's trace: its level letter after the time, then the component and the source file's line ("[12036]{-1}
    # [-1/-1] 2025-08-18 09:14:33.987654 e commlib     commlibImpl.cpp(00456) : ..."; d, i, w, e, f)
    r"|\d\d:\d\d\.\d{6} (?P<hana>[diwef]) +\S{1,40} +\S{1,80}\(\d{1,6}\) : "
    # MongoDB's severity before its component, to 4.2: "2020-02-07T11:59:14.144+1100 W NETWORK  [conn7] ..."
    r"|\d (?P<mongodb>[FEWID])\d? {1,2}(?=" + MONGODB_COMPONENT + r")"
    # CMake's message of its configure step ("CMake Error at error.cmake:2 (message):", "CMake Warning (dev) at ...",
    # "CMake Warning in CMakeLists.txt:", "CMake Deprecation Warning at ...")
    r"|CMake (?:Deprecation )?(?P<cmake>Error|Warning)(?: \(dev\))?(?: at | in |:)"
    # Dovecot's level after its service ("dovecot: pop3-login: Info: Disconnected: ... SSL_accept() failed: error:140760FC:
    # ...", "dovecot: imap(bob): Error: ..."): an INFO line whose OpenSSL error string was read as its level
    r"|(?<=: )(?P<titled>Info|Debug|Warning|Error|Fatal|Panic)(?=: )"
    # a Cisco message's severity digit (ASA's "%ASA-4-106023: Deny tcp ...", IOS's "%LINK-3-UPDOWN: ...")
    r"|" + CISCO_SEVERITY + r")"
)
# an IBM product's message id: a prefix, a number, and a letter that is the message's severity, then a colon or a space.
# Each product's letters (MQ's "AMQ6776E:", "AMQ6184W:", "AMQ7125I:": I, W, E, S severe, T terminating; WebSphere's and
# Liberty's "SRVE0777E:", "CWWKZ0002E:": I, A audit, W, E; Db2's and IBM BPM's "SQL1032N  ...": I, W, N error, E urgent,
# C severe; Spectrum Protect's "ANR0236E Fail to start ...") agree on what each letter means where two use it
IBM_MESSAGE_ID = r"\b[A-Z]{2}[A-Z0-9]{1,3}\d{4,5}"  # then the letter
_IBM_LEVELS = dict.fromkeys("CENST", "error") | {"W": "warn", "I": "info", "A": "info"}
IBM_LOUD_LETTERS = "".join(letter for letter, said in _IBM_LEVELS.items() if said != "info")  # the needles' letters
_IBM_LEVEL = re.compile(IBM_MESSAGE_ID + "(?P<ibm>[" + "".join(_IBM_LEVELS) + "])[: ]")
# levels written as a mark: Redis's, and a Cisco message's severity digit (syslog's severities); PHP's in words
_MARKED_LEVELS = (
    {".": "debug", "-": "verbose", "*": "notice", "#": "warning"}
    | {
        "Fatal error": "fatal",
        "Parse error": "error",
        "Recoverable fatal error": "error",
        "Catchable fatal error": "error",
        "Deprecated": "notice",
        "Strict Standards": "notice",
        "failed": "error",  # Ansible's
        "Fatal Error": "fatal",  # gfortran's
        "information": "info",  # Icinga 2's
    }
    | dict(zip("01234567", ("emerg", "alert", "crit", "error", "warn", "notice", "info", "debug"), strict=True))
)
# a terminal's colours and erasing (docker compose's), and what a CI server writes between them
# (Buildkite's "\x1b_bk;t=1729032360325\x07" time): no part of a level's place or a group's text
TERMINAL_CODES = re.compile(r"\x1b(?:\[[0-9;?]*[A-Za-z]|[_\]][^\x07\x1b]*(?:\x07|\x1b\\))")
# a program tag without its pid ("gmetad: Warning: ..."), looked for only where no other level is
# also a compiler's diagnostic with its code (MSVC's "abc.h(18) : fatal error C1083:", C#'s "warning CS0618:"), and
# Bacula's job messages, "Fatal error:" after the job's id ("bacula-dir JobId 11: Fatal error: bsock.c:133 Unable to ..."),
# and Courier's level before its fields ("courieresmtpd: error,relay=::ffff:1.2.3.4,from=<>,to=<>: 550 User unknown.")
# (also with an embedded compiler's code: EDG's "warning #546-D:", Diab's "warning (dcc:1521):", IAR's "Warning[Pe177]:";
# PC-lint's number, "capwap_data.c(974): Error 40: Undeclared identifier"), IAR's after its file and line when it does not
# wrap its diagnostics ('"/tmp/x/icc-error-memory.c",3  Error[Be031]: an inline function ...'), and ModelSim's and
# Questa's after their marks ("# ** Error: Simulation ran too long."): these three were read as no error
_UNNUMBERED_TAG = re.compile(
    r"(?:: |\x22,\d{1,7} +|\*\* )(?:[Ff]atal )?((?i:error|fatal|warning|panic))"
    r"(?: [A-Z]{1,4}\d{2,5}| \d{1,5}| #\d{1,5}(?:-D)?| \([\w:.-]{1,40}\)|\[[A-Za-z]{1,4}\d{1,5}\])?(?::|,(?=\w))"
)
_SYSLOG_PRI = re.compile(r"^<(\d{1,3})>")
# a diagnostic at a line's start, as compilers and command-line tools write theirs (GCC's and Clang's "error: unresolved
# symbols remain", rustc's "error[E0425]: ...", git's "fatal: not a git repository", gfortran's "Warning: Inequality
# comparison ..." and "Fatal Error: Can't open module file ...", Terraform's "│ Error: Failed to query available provider
# packages" in its diagnostic's box; not a YAML key's scalar, "error: null"),
# Ansible's result for a host ("fatal: [web1]: FAILED! => {...}", "failed: [web1] (item=x) => {")
_DIAGNOSTIC = re.compile(
    r"(?:│ )?(?P<diagnostic>error|fatal|warning|Error|Warning|Fatal Error)(?:\[[A-Za-z]{0,4}\d{1,5}\])?: "
    r"(?!(?:null|true|false|none|~|\d+)\s*$)\S"
    r"|(?P<ansible>failed): \["
    # npm's (9 and later) error block, by its first line ("npm error code ERESOLVE", 'npm error Missing script: "lint"'):
    # each line of the block says "npm error", and the block is one record (records.NPM_BLOCK)
    r"|npm (?P<npm>error) (?:code \S|[A-Z])"  # its code, or its message's capital (not prose's "npm error handling")
    # and its warning, a line each (as npm to 8 wrote "npm WARN deprecated ..."): "npm warn deprecated inflight@1.0.6: ..."
    r"|npm (?P<npm_warn>warn) [a-zA-Z]+ "
)
# a syslog header before a relayed program's own line (RFC 3164's time or an RFC 3339 one, the host, the
# program's tag: "Apr 02 14:55:51.000000 172.28.0.2 postgres[43]: ", "2026-04-02T14:56:06+00:00 host postgres[152]: ";
# RFC 5424's version after the priority, "<4>1 2014-03-28T16:04:31.916838+01:00 node001 kernel: "):
# that line's level is as near its own start as any line's (Postgres's prefix "... [152] 53300:
# db=app_db,user=app_user,app=[unknown],client=172.28.0.10 FATAL:" put it past HEAD once syslog's header was before it)
# rsyslog's template with the date and time apart ("2021-10-29 21:05:58.894719 www.srv.tld freeswitch[123456]: ..."):
# there the program's process id is needed, or a logger's name after a thread would be read as a tag after a host
_SYSLOG_HEADER = re.compile(
    r"(?:<\d{1,3}>(?:1 )?)?(?:[A-Z][a-z]{2} {1,2}\d{1,2} \d\d:\d\d:\d\d(?:\.\d{1,9})?|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\S{0,16})"
    r" (?P<host>[\w.:-]{0,63}[\w.-]) [\w./-]{1,48}(?:\[\d{1,10}\])?: "
    r"|\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\S{0,16} (?P<spaced>[\w.:-]{0,63}[\w.-]) [\w./-]{1,48}\[\d{1,10}\]: "
)


# RFC 5424's header in full: the app name, process id, message id and structured data after the host, no colon
# ("<10>1 2021-03-06T04:07:38.251352+00:00 hostname log_tag - - -  this is critical")
_RFC5424_HEADER = re.compile(
    r"<\d{1,3}>1 \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\S{0,16} (?P<host>[\w.:-]{0,63}[\w.-]) [!-~]{1,48} [!-~]{1,128} [!-~]{1,32} [-\[]"
)


def syslog_host(head: str) -> tuple[int, int] | None:
    """Where a syslog header's host stands in a line that starts with one, with the space after it: a central
    syslog's one error on two hosts is one error (its lines still name their host), not two groups."""
    header = _SYSLOG_HEADER.match(head) or (_RFC5424_HEADER.match(head) if head[:1] == "<" else None)
    host = "host" if header is None or header["host"] is not None else "spaced"
    if header is None or header[host].upper() in _LEVEL_SET:
        return None
    return header.start(host), header.end(host) + 1


_LEVEL_SET = frozenset(LEVEL_WORDS.split("|"))
# an exception itself: a traceback's header at a line's start, a class with its message
# (java.io.IOException: / ValueError:, not a quoted pattern of one: 'SyntaxError: '), a stack
# frame, a Go panic, a crash (a fatal signal, not SIGTERM's or SIGHUP's; a failed assertion:
# "mysqld got signal 11;")
_RAISED_EXCEPTION = (
    r"^Traceback \(most recent call last\)"
    r"|(?<!['\"])\b(?:[a-z_]\w*\.){0,24}[A-Z]\w*(?:Exception|Error)\b(?::(?!:)|$| in\b| at\b)"  # not "TestFooException::test_x"
    r"|^[ \t]+at [\w$.<>]+\([^)]*\)\s*$"
    # V8's (Node's, Chrome's) frame: "    at bls (<anonymous>:3:9)", "    at /app/app.js:52:3" (a file's path, not a time)
    r"|^[ \t]+at (?:[^()\n]{1,200} \()?(?:[^\s()/\\.]*[/\\.][^\s()]*|<anonymous>):\d+:\d+\)?[ \t]*$"  # (the first sign
    # splits the path once: "[^\s()]*[/\\.]" tried every split of a long dotted run, 0.27 s an 8 KB line)
    # PHP 5's uncaught exception as it prints one: "exception 'Exception' with message 'Custom exception' in /x/test.php:5"
    r"|\bexception '[A-Z][\w\\]*' with message '"
    r"|\b(?:[A-Z]\w*::){0,24}[A-Z]\w*(?:Exception|Error) \([^\n]*\):\s*$"  # Rails's "NoMethodError (undefined method ...):"
    r"|^panic: |\bhttp: panic serving "  # Go's runtime, and net/http's recovered panic
    r"|\bthread '[^'\n]{1,100}' panicked at "  # Rust's
    r"|\bgot signal (?:4|6|7|8|11)\b|\bSegmentation [Ff]ault\b|\bcore dumped\b|\bAssertion failure\b|\bSIG(?:SEGV|ABRT)\b"
    # the kernel's report of a process it killed: "su[1433535]: segfault at 7f1f9b891000 ip 00007f1f9b870d7d sp ... error 6"
    r"|\bsegfault at [0-9a-f]+ ip [0-9a-f]+ "
    r"|^Exception Type: +EXC_[A-Z_]+"  # an Apple crash report's (iOS, macOS): "Exception Type:  EXC_BREAKPOINT (SIGTRAP)"
    # Gecko's (Firefox's, Thunderbird's) crash on purpose: "[5432] Hit MOZ_CRASH(Shutdown hanging at step ...) at file:244"
    r"|\bHit MOZ_CRASH\("
)
_EXCEPTION_ITSELF = re.compile(_RAISED_EXCEPTION, re.MULTILINE)  # what a line logged at INFO may still show
# and what a line with no level (or a loud one) tells of one
_EXCEPTION = re.compile(
    _RAISED_EXCEPTION + r"|\bTraceback \(most recent call last\)"
    r"|\b(?:[Uu]nexpected|[Uu]nhandled|[Uu]ncaught) (?:exception|error)\b"
    r"|\b(?:[Gg]ot|[Cc]aught|[Tt]hrew|[Tt]hrown|[Rr]aised) (?:an? )?(?:\w+ )?exception\b"
    r"|\bException (?:in|causing|while)\b"
    # an NSError as Apple's frameworks print one: "sync with device failure: Error Domain=com.apple.security.sos.error
    # Code=1035 \"Account identity not set\"" (macOS's system log writes it with no level)
    r"|\bError Domain=[\w.-]+ Code=-?\d+",
    re.MULTILINE,
)
# what every _EXCEPTION match holds: a cheap test first (the full pattern backtracks on every word)
_MAY_BE_EXCEPTION = re.compile(
    r"xception|Error\b|Traceback|^[ \t]+at |panic: |panic serving |panicked at |got signal|egmentation|core dumped"
    r"|Assertion failure|SIG[SA]|egfault at |MOZ_CRASH\(",
    re.MULTILINE,
)
# Each test below is gated by a substring (`in` runs in C): one pattern of alternatives, tried at
# every position of every record, cost a tenth of a millisecond a record.
_STATUS_LINE = re.compile(r"(?:^|\s)HTTP/\d(?:\.\d)? (\d{3})\b", re.MULTILINE)
# what stands between "status" and its number (status=404, "statusCode": 404, STATUS_CODE: '404'):
# the one source of the keyed status (prepared.py builds its byte patterns from it)
STATUS_KEY = r"(?:[_ ]?(?:[Cc]ode|CODE))?[\"']?\s*[=:]\s*[\"']?"
# (not a C function's name and line, as the kernel logs them: "dsi_backlight_update_status:454: req:98")
_STATUS_KEYED = re.compile(r"[Ss](?:tatus|TATUS)" + STATUS_KEY + r"(\d{3})\b(?!(?<=_status:\d{3}):)")
# Envoy's and Istio's access log fields ("response_code":404, response_code=503), not its "response_code_details"
_RESPONSE_CODE = re.compile(r"[Rr]esponse_[Cc]ode[\"']?\s*[=:]\s*[\"']?(\d{3})\b")
# an access log: "GET /x HTTP/1.1" 404 209; uvicorn's "POST /login HTTP/1.1" 401 Unauthorized
# (Envoy's and Istio's write their response flags after it: "404 NR", "503 UF,URX"; SOGo's its bytes in and out, "403 34/38";
# an S3 server access log its error code, "404 NoSuchBucketPolicy 297")
_STATUS_ACCESS = re.compile(
    r"\" (\d{3}) (?:\d+(?:/\d+)?|-|[A-Z][a-z]+(?:[A-Z][A-Za-z\d]*)?|[A-Z]{2,4}(?:,[A-Z]{2,4})*)(?: |$)", re.MULTILINE
)
# HAProxy's HTTP log: its TR/Tw/Tc/Tr/Ta timers, the status and the bytes ("0/0/1/1/2 404 305 - - ----")
# Squid's native access log, its result code and the status: "... 1241 10.0.0.1 TCP_MISS/404 10309 GET http://..."
_STATUS_SQUID = re.compile(r"\b(?:TCP|UDP|NONE|TAG)[A-Z_]*/(\d{3}) \d")
_STATUS_HAPROXY = re.compile(r"(?<![\w/])-?\d+/-?\d+/-?\d+/-?\d+/\+?\d+ (\d{3}) \d+ ")
# Gin's access line, its status between bars ("[GIN] 2023/10/01 - 10:18:42 | 404 |   1.548µs | ..."),
# coloured when Gin writes to a terminal ("|\x1b[90;43m 404 \x1b[0m|")
GIN_COLOUR = rb"(?:\x1b\[[0-9;]*m)?"
_STATUS_GIN = re.compile(r"\[GIN\] [^|\n]*\|" + GIN_COLOUR.decode() + r" ?(\d{3})\b")
# a status in words: axios's "Request failed with status code 403", "with status 404", "HTTP 503
# Service Unavailable", Rails's "Completed 422 Unprocessable Entity in 12ms", "GET /x returned 404"
# (not "returned 500 rows": what follows the number says it is a status). "HTTP 503" and Rails's
# status stand with their reason phrase: a record's shape (prepared.shape_of) keeps the phrase, not
# the number, so "(HTTP 401)" and "(HTTP 200)" lines would share one verdict
# a served request and its status, unquoted (CouchDB's access line: "... undefined GET /z22ctc 404 ok 1",
# OpenSearch's "POST /auth/login 401"): the path, then the status and a space or the line's end
_SERVED_METHODS = ("GET /", "HEAD /", "POST /", "PUT /", "PATCH /", "DELETE /", "OPTIONS /")
_STATUS_SERVED = re.compile(r"\b(?:GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) /[^\s\"]{0,2048} (\d{3})(?= |$)", re.MULTILINE)
_STATUS_WORDED = re.compile(r"\b[Ss]tatus(?: [Cc]ode)? (\d{3})\b(?!\.\d)")
_STATUS_HTTP = re.compile(r"\bHTTP (\d{3}) [A-Z]")
_STATUS_COMPLETED = re.compile(r"\bCompleted (\d{3}) [A-Z]")
_STATUS_RETURNED = re.compile(
    r"\breturned (\d{3})(?=$|[^\w .]|\.(?!\d)| [A-Z(]| (?:for|from|on|at|when|while|with)\b)", re.MULTILINE
)
_METHODS = ("GET /", "POST /", "PUT /", "PATCH /", "DELETE /")
_JSON_START = re.compile(r"[{\[]\s*\"[\w$@]")  # a key may start with $ or @ (Sage's "$severity", OData's "@odata")
_XML_START = re.compile(r"<\?xml|<errors?\b")
_ERROR_STATUS_KEYED = re.compile(r"(?i:\bstatus" + STATUS_KEY + r"[45]\d\d\b)")


# a Windows event as XML, one a line as wevtutil qe /f:xml writes them: its System's Level, past HEAD (after the
# provider and the event id): 1 critical, 2 error, 3 warning, 4 information, 5 verbose (0: logged always)
_WINDOWS_EVENT = re.compile(r"(?:- )?<Event[ >][^\n]{0,1024}?<Level>(\d)</Level>")
_WINDOWS_LEVELS = {"1": "critical", "2": "error", "3": "warning", "5": "verbose"}

# ASP.NET Core's console logger: its level in four letters and a colon open the line, before the
# category and the event id ("fail: Microsoft.EntityFrameworkCore.Database.Command[20102]")
_DOTNET = re.compile(r"(trce|dbug|info|warn|fail|crit): [\w.`+]+\[\d+\]")
_DOTNET_LEVELS = {"trce": "trace", "dbug": "debug", "info": "info", "warn": "warn", "fail": "error", "crit": "critical"}


def level(head: str) -> str | None:
    """The first level word of a log line, lower-cased (``error``, ``info``, ``w`` ...), if any."""
    if head[:1] in "<-" and (event := _WINDOWS_EVENT.match(head)):
        return _WINDOWS_LEVELS.get(event[1], "info")
    window = head[:HEAD]
    if len(head) > HEAD and (header := _SYSLOG_HEADER.match(head)):
        window = head[: header.end() + HEAD]
    if "\x1b[" in window:
        window = TERMINAL_CODES.sub("", head[: HEAD * 2])[:HEAD]
    if window[4:6] == ": " and (dotnet := _DOTNET.match(window)):
        return _DOTNET_LEVELS[dotnet[1]]
    pri = _SYSLOG_PRI.match(window)
    if pri:
        severity = int(pri.group(1)) % 8
        return "error" if severity <= 3 else "warn" if severity == 4 else "info"
    m = (
        (_DIAGNOSTIC.match(window) if window[:1] in "efnwEWF│" else None)
        or _LEVEL.search(window)
        or (_UNNUMBERED_TAG.search(window) if ": " in window else None)
    )
    if m is None:
        ibm = _IBM_LEVEL.search(window)
        return _IBM_LEVELS[ibm["ibm"]] if ibm else _unlevelled(head, window)
    word = next(g for g in m.groups() if g is not None)
    if m.lastgroup == "apache" and word in ("notice", "info") and (own := _APACHE_RELAYED.match(window, m.end())):
        return _RELAYED_LEVELS.get(own[1], own[1].lower())
    return _MARKED_LEVELS.get(word) or word.lower().rstrip(" ")


def _unlevelled(head: str, window: str) -> str | None:
    """The level of a line that writes none in a level's place: Asterisk's security event, its Severity a
    field past HEAD, or a failure a program logs in fixed words and no level (``_FAILURE_EVENT``)."""
    if 'everity="' in head and (keyed := _LATE_SEVERITY.search(head, 0, 2048)):
        return keyed[1].lower()
    if (at := window.find(" Error: ")) > 0 and _ERROR_SUBJECT.search(window, max(0, at - 20), at):
        return "error"
    return (
        "error"
        if ("ailed" in window or "ailure" in window or "rror for" in window or "timed out after" in window or "rashed!" in window)
        and _FAILURE_EVENT.search(window)
        else None
    )


# Asterisk's security log: 'SecurityEvent="ChallengeResponseFailed",EventTV="2021-12-21T12:57:01.209+0000",Severity="Error",'
_LATE_SEVERITY = re.compile(r"\bSecurityEvent=\"\w+\",EventTV=\"[^\"]*\",Severity=\"(\w+)\"")
# failures logged in a program's fixed words, with no level: OpenVPN's "TLS Error: TLS handshake failed", an HPC
# cluster's console "boot (command 2092) Error: HALT asserted" (Loghub's HPC), HAProxy's "frontend/backend: SSL
# handshake failure (error:0A0000C1:...)", pfSense's "webConfigurator authentication error for user 'x' from: ...",
# OpenVPN's "TLS Auth Error: Auth Username/Password verification failed for peer", Roundcube's "[10-May-2015 13:02:52
# -0400]: Failed login for sampleuser from 1.2.3.4 in session ..." in its errors log, systemd's failed start. Not sshd's
# "Failed password for ...", which sshd logs at INFO (Loghub's OpenSSH: its errors are its "error:" and "fatal:" lines,
# test_scan_real); a Windows program's process and thread ids before the word (HID Bravura Monitor's "pamlws.exe
# [44408,52004] Error: LWS [HID-TEST] foundcomputer record not found")
# (each form starts with a literal, so that a search skips ahead in C; "<subject> Error: " looked for by its own)
_ERROR_SUBJECT = re.compile(r"(?:(?<![\w.-])[A-Z]{2,5}(?: Auth)?|\(command \d+\)|(?<=\S) \[\d{1,10},\d{1,10}\])$")
_FAILURE_EVENT = re.compile(
    r": SSL handshake failure\b"
    r"|authentication error for (?:illegal |invalid )?user\b"
    r"|\]: (?:<\w+> )?Failed login for "
    # systemd's start job that failed, which it logs at err (src/core/job.c, job_done_messages[JOB_FAILED]; journalctl's
    # short outputs show no priority): "systemd[1]: Failed to start The Apache HTTP Server." was no error
    r"|systemd\[\d{1,10}\]: Failed to start "
    # AWS Lambda's own line when a function runs out of its time, after the request's id, at no level (CloudWatch's
    # "2019-09-18T00:02:46.542Z f2704689-7aa3-4af3-ac88-857c01c4bd45 Task timed out after 5.01 seconds"): the most
    # common failure of a function was not read
    r"|Task timed out after \d{1,6}(?:\.\d{1,3})? seconds"
    # Jenkins's console when a build step failed ("20:44:20 Build step 'Execute shell' marked build as failure"), and
    # Terraform's crash banner ("Terraform crashed! This is always indicative of a bug within Terraform."): each a
    # build's or a run's failure, in fixed words at no level, and neither was read (moby/moby #35875, hashicorp/terraform
    # #28045: only the banner's "SECURITY WARNING" was)
    r"|Build step '[^'\n]{1,200}' marked build as failure"
    r"|Terraform crashed! This is always indicative of a bug"
)


# a program's own level after Apache's context, its lines written through PHP's error_log, which Apache logs at
# notice: ZoneMinder's "[php7:notice] [pid 11328] [client 10.1.1.1:39568] ERR [Could not retrieve user ...]"
# (its codes: DBG, INF, WAR, ERR, FAT, PNC)
_APACHE_RELAYED = re.compile(r" \[pid [\d:tid ]+\](?: \[client [^\]\s]+\])? (ERR|WAR|FAT|PNC|ERROR|WARN|WARNING|FATAL) ")
_RELAYED_LEVELS = {"ERR": "error", "WAR": "warn", "FAT": "fatal", "PNC": "panic"}


# each way a status is stated: what its match holds, how far before that the match starts, the pattern
_STATUS_FORMS = (
    (("HTTP/",), 1, _STATUS_LINE),
    (("tatus", "TATUS"), 1, _STATUS_KEYED),
    (("esponse_code", "esponse_Code"), 1, _RESPONSE_CODE),
    (('" ',), 0, _STATUS_ACCESS),
    (("/",), 20, _STATUS_HAPROXY),
    (("tatus ",), 1, _STATUS_WORDED),
    (("HTTP ",), 1, _STATUS_HTTP),
    (("Completed ",), 1, _STATUS_COMPLETED),
    (("returned ",), 1, _STATUS_RETURNED),
    (("[GIN] ",), 0, _STATUS_GIN),
    (_SERVED_METHODS, 0, _STATUS_SERVED),
    (("TCP_", "UDP_", "NONE", "TAG_"), 0, _STATUS_SQUID),
)


def http_status(text: str) -> int | None:
    """The first HTTP status a record states, if any. Each pattern is searched from where what
    it must hold first stands (the search from the start cost 20 µs on a log line)."""
    text = text[:4096]
    for gates, back, pattern in _STATUS_FORMS:
        at = min((i for i in (text.find(g) for g in gates) if i >= 0), default=-1)
        if at >= 0 and (m := pattern.search(text, max(0, at - back))):
            return int(m.group(1))
    return None


def error_reason(said: str | None, text: str, column: int | None = None, may_head: bool = True) -> str | None:
    """Why a record is an error by how it is logged (``level``, ``status``, ``exception``), or None;
    ``said`` is its level word (``level``); ``may_head``: the record had no time of its own, so it may be a
    report's section heading in capitals (a timed "INTERNAL SERVER ERROR" is a logged error). A vendor error
    envelope is the remaining reason, decided on the explanation. A W3C log's line is told by the status in its
    column (``column``, w3c.py) alone."""
    if column is not None:
        return "status" if column >= 400 else None
    if said in _LOUD:  # a level word that says error or warning, unless it says nothing more (Maven's "[ERROR] ")
        return "level" if _says_more(said, text, may_head) else None
    status = http_status(text)
    if status is not None and status >= 400:
        return "status"
    if ("-UNEXPECTED-" in text or "PROCESS-CRASH |" in text) and _MOZLOG_UNEXPECTED.search(text, 0, HEAD * 2):
        return "level"
    # logged at INFO, an exception is one only shown itself: not mentioned ("got a database exception")
    exception = _EXCEPTION_ITSELF if said in QUIET_LEVELS else _EXCEPTION
    if _MAY_BE_EXCEPTION.search(text, 0, 8192) and exception.search(text, 0, 8192):
        return "exception"
    return None


# mozlog's TBPL line for a result its test harness did not expect, or a process that crashed under it
# ("TEST-UNEXPECTED-FAIL | dom/x/test_y.html | message", "REFTEST TEST-UNEXPECTED-FAIL | ...", "PROCESS-CRASH |
# application crashed [@ ...] | test"), the one line Treeherder reports for a failed test: mozharness relays the
# harness's output at INFO ("[task ...] 11:00:27     INFO - TEST-UNEXPECTED-FAIL | ..."), and no such line was read
_MOZLOG_UNEXPECTED = re.compile(r"(?:^|[\s-])(?:TEST-UNEXPECTED-[A-Z]{2,12}|PROCESS-CRASH) \| ", re.MULTILINE)


def _says_more(said: str, text: str, may_head: bool = True) -> bool:
    """Whether a line with a loud level says anything more: Maven's "[ERROR] " and mozharness's
    "WARNING - " say nothing, also behind the times a CI server stamps before them (Jenkins's
    "22:07:27  [WARNING] ", Taskcluster's "[task 2025-02-14T00:05:10.399Z] 00:05:10  WARNING - "),
    nor does a banner under Ruby Logger's program name (Test Kitchen's "ERROR -- Kitchen: ------Exception-------"),
    nor javadoc's progress, tally or echoed source relayed by Maven (_JAVADOC_RELAYED), nor a section's heading in
    capitals that ends in the word (_HEADING), which has no time of its own (``may_head``)."""
    if may_head and _HEADING.fullmatch(text):
        return False
    at = _CI_STAMPS.match(text).end()  # type: ignore[union-attr]  # (it matches the empty string)
    if text.startswith("[", at) and _JAVADOC_RELAYED.match(text, at):
        return False
    rest = text[at:].lower()
    if len(said) > 2 and (at := rest.find(said)) >= 0 and _RUBY_BANNER.fullmatch(rest, at + len(said)):
        return False
    return any(c.isalnum() for c in rest.replace(said, "", 1))


# a report's section heading, capitals alone, whose last word is a level's: InnoDB's SHOW ENGINE INNODB STATUS titles
# "LATEST FOREIGN KEY ERROR" (between rules of dashes) whether or not an error is below it, and was an error of its own
_HEADING = re.compile(r"[ \t]*(?:[A-Z]+ ){2,8}(?:ERROR|WARNING)S?[ \t\r]*")


# times before a line's own words: a bracketed source and time ("[task 2025-02-14T00:05:10.399Z] "), a bare time
# (its time may be gone: prepare takes a record's time out of its text, "[task ] 00:05:10  WARNING - ")
_CI_STAMPS = re.compile(r"(?:\[[a-z]{1,12}(?: \d[^\]\s]{6,40})? ?\] |\[?\d[\d:.,TZ/+-]{4,40}\]? +)*")
# maven-javadoc-plugin relays each line javadoc writes under Maven's level, when javadoc warns: its progress ("Loading
# source files for package foo.app...", "Generating /x/target/apidocs/foo/app/App.html..."), its tally ("23 warnings"), and
# under each warning ("App.java:38: warning: no comment", the one record) the declaration it is about, echoed, then a caret
# (which says nothing: _says_more). Only the warning is one: each javadoc warning was 4 or 5 records
_JAVADOC_RELAYED = re.compile(
    r"\[(?:WARNING|ERROR)\] (?:Javadoc Warnings|Loading source files? .{1,512}\.\.\.|Constructing Javadoc information\.\.\."
    r"|Standard Doclet version \S+|Building (?:tree|index) for all .{1,128}\.\.\.|Generating \S.{0,1024}\.html\.\.\."
    r"|\d+ (?:warnings?|errors?)"
    # the declaration: an access modifier, maybe others, then a type's (class Foo, enum Stage) or a method's or constructor's
    r"|(?:public|protected|private)(?: [\w$.<>?,@\[\]]+)*? (?:(?:class|interface|enum|record|@interface) [\w$]+[^:;\n]*"
    r"|[\w$]+\([^()\n]*\)(?: throws [\w$., ]+)?(?: \{)?)"
    r"|[A-Z][A-Z0-9_]*(?:(?:, [A-Z][A-Z0-9_]*)+[,;]?|[,;])"  # or an enum's constants ("AN, EW, TE, VP2, M1B, ED, MA")
    r"|\* (?:@\w+|\{@\w+|<\w+)[^\n]*"  # or the doc comment's line it is about ("* @param value")
    r")\r?$"
)
# Ruby Logger's program name after the level, then nothing or a banner ("------Backtrace-------", "----End Backtrace-----")
_RUBY_BANNER = re.compile(r" +-- [\w:.-]{1,40}: *(?:[-=*#]{3,}[\w ]{0,24}[-=*#]{3,})? *\r?")


def api_shape(text: str) -> bool:
    """Whether a record has the shape of an HTTP API exchange (status, request, URL, body)."""
    text = text[:8192]
    if "HTTP/" in text or "://" in text or any(m in text for m in _METHODS):
        return True
    if '"' in text and _JSON_START.search(text):
        return True
    if "<" in text and _XML_START.search(text):
        return True
    return ("tatus" in text or "TATUS" in text) and _ERROR_STATUS_KEYED.search(text) is not None


def holds_error_body(body: str) -> bool:
    """Whether a body reads as an HTTP error response: a status of 400 or more stated in it, a
    vendor's envelope, an OAuth error or problem details. A record that is no error by how it is
    logged is one only for such a body (stream), and reading it is a fraction of explaining it: a
    JSON log line at INFO whose fields mention a failure cost 4 ms of fuzzy matching a line."""
    from ..explainer.envelopes import ERROR_FIELD, OAUTH, PROBLEM, read_body

    r = read_body(body)
    return (r.status or 0) >= 400 or any(
        e.shape.weight > 0 or e.shape in (OAUTH, ERROR_FIELD, PROBLEM) or (e.status or 0) >= 400 for e in r.errors
    )


def enveloped(x: Explanation) -> bool:
    """Whether explain found an error response in a record: a documented error, a status of 400 or
    more, or an error envelope (a vendor's, or a common one such as RFC 7807)."""
    from ..explainer.envelopes import STATUS_ONLY, TEXT  # here: workers decide the rest without the explainer

    if (x.exchange.status or 0) >= 400:
        return True
    return any(m.best is not None or m.sent.shape not in (TEXT, STATUS_ONLY) for m in x.errors)


def http_evidence(x: Explanation) -> bool:
    """Whether explain read an HTTP error response in a record: a status of 400 or more, or an error
    body that is a vendor's or a standard one (an OAuth error; RFC 7807's with an error status), not
    just a "message" field. A record with none, no vendor and no catalog row is another program's
    error (``stream``): a URL or a request alone is not one, nor an object with a title (GitHub's
    events, a JSON schema), nor a status for a request known by its path alone, with no host: a
    server's own log of what it served (an access line, OpenSearch's "POST /auth/login 401"), nor a
    response from a host of no catalogued vendor (an OpenTelemetry exporter's "request to
    http://prometheus:9090/... responded with HTTP Status Code 500"), nor a status that is one field
    of an event naming no request and no host (``_recorded_status``): only a vendor's own envelope
    makes one of those a vendor's error."""
    from ..explainer.envelopes import ERROR_FIELD, OAUTH, PROBLEM, TEXT

    ex = x.exchange
    named = ex.path is not None or any(m.sent.message and _SERVED_FIELDS.search(m.sent.message) for m in x.errors)
    served = named and ex.host is None and ex.header("host") is None
    if not named and ex.host is None and ex.header("host") is None and x.errors and all(m.sent.shape is TEXT for m in x.errors):
        served = _recorded_status(ex.body, ex.status)
    if any(c.kind == "foreign-host" for c in x.clues):
        return any(m.sent.shape.weight > 0 for m in x.errors)
    return ((ex.status or 0) >= 400 and not served) or any(
        m.sent.shape.weight > 0
        or (m.sent.shape in (OAUTH, ERROR_FIELD) and _oauth_said(m.sent.code, m.sent.message))
        or (m.sent.shape is PROBLEM and (m.sent.status or 0) >= 400)
        for m in x.errors
    )


def _recorded_status(body: str, status: int | None) -> bool:
    """Whether a status is one field of an object that holds no error (an event recording how a
    request went: an audit log's ``{"statusCode": 403, ...}``, Envoy's ``"response_code":404``),
    or what a server says it answered (Rails's "Completed 500 Internal Server Error in 27ms", its
    production.log counted as an unknown vendor's errors), not a response's: with no host and no
    request, no vendor's either."""
    return any(int(m[1]) == status for m in _STATUS_FIELD.finditer(body, 0, 8192)) or any(
        int(m[1]) == status for m in _STATUS_COMPLETED.finditer(body, 0, 8192)
    )


_STATUS_FIELD = re.compile(r"(?i)[\"'](?:" + "|".join((*STATUS_KEYS, "response_code")) + r")[\"']\s*:\s*[\"']?(\d{3})\b")


# a request a server served, named by the CGI and Rack names of its fields (Logstash's API server:
# "API HTTP Request {:status=>500, :request_method=>\"GET\", :path_info=>\"/_node/stats\", ...}")
_SERVED_FIELDS = re.compile(r"\b(?:path_info|PATH_INFO)\b")


def _oauth_said(code: str | None, message: str | None) -> bool:
    """Whether an ``"error"`` field reads as OAuth's: one of its codes, or any code with an
    ``error_description`` beside it. An event's ``"error": "NXDOMAIN"`` (Zscaler's DNS log) or
    ``"error": "permission denied"`` (Vault's audit log) says how something went, in an object of
    any program's: no API's error response."""
    return code is not None and (code in OAUTH_CODES or message != code)

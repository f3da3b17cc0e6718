"""A log record's own framing: its timestamp, its level, and for JSON-lines records the request,
status and body held in the object's fields, turned into a paste explain reads like any other."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, timedelta
from typing import Any

from ..errors import UsageError
from ..explainer.logrecord import EVENT_KEYS as _EVENT_KEYS
from ..explainer.logrecord import LEVEL_KEYS as _LEVEL_KEYS
from ..explainer.logrecord import MESSAGE_KEYS as _MESSAGE_KEYS
from ..explainer.logrecord import TIME_KEYS as _TIME_KEYS
from ..explainer.logrecord import exchange_paste as _exchange_paste
from ..explainer.logrecord import field as _field
from ..explainer.logrecord import lower as _lower
from ..gate import shown
from .verdict import level

_MONTHS = {m: i + 1 for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
# a zone's abbreviation where it names one offset (Postgres's %t: "2020-03-11 20:40:50 CET"); not
# CST, IST or BST, each two or three zones: a time with one is taken as one without a zone
_ZONES = {
    "CET": 1, "CEST": 2, "EET": 2, "EEST": 3, "WET": 0, "WEST": 1, "EST": -5, "EDT": -4, "CDT": -5,
    "MST": -7, "MDT": -6, "PST": -8, "PDT": -7, "AKST": -9, "AKDT": -8, "AEST": 10, "AEDT": 11,
    "NZST": 12, "NZDT": 13,
}  # fmt: skip
# (Airflow's task log writes a comma after the date: "[2022-11-09, 09:59:40 UTC] {taskinstance.py:1851} ERROR - ...";
# ClickHouse's server log points between its date's numbers: "2018.10.04 09:40:26.422333 [ 21 ] <Error> ...")
_ISO = re.compile(
    r"(?<!\d)(\d{4})[-/.](\d\d)[-/.](\d\d)(?:[T \t]|, )(\d\d):(\d\d)(?::(\d\d)(?:[.,](\d{1,9}))?)?(?!\d|:\d)[ ]?"
    r"(Z|UTC|GMT|[+-]\d\d:?\d\d(?!\d)|(?:" + "|".join(sorted(_ZONES, key=len, reverse=True)) + r")\b)?"
)
_CLF = re.compile(r"(?<!\d)(\d\d)/([A-Za-z]{3})/(\d{4}):(\d\d):(\d\d):(\d\d)(?: ([+-]\d{4}))?")
# Tomcat's (JULI's OneLineFormatter, catalina.out's default): "23-Mar-2016 14:43:42.847"; log4j's %d{DATE}:
# "23 Mar 2016 14:43:42,847"; Roundcube's, its offset after it (PHP's "d-M-Y H:i:s O": "[22-Jan-2013 22:28:21 +0200]: FAILED
# login ...": read as UTC, its name began "[ +<n>]:")
_DAY_MONTH_YEAR = re.compile(
    r"(?<![\w-])(\d\d)[- ]([A-Za-z]{3})[- ](\d{4}) (\d\d):(\d\d):(\d\d)(?:[.,](\d{1,9}))?(?!\d)(?: ([+-]\d\d:?\d\d)(?![\d:]))?"
)
# C's asctime, as Apache's error log writes it: [Sun Dec 04 04:47:44 2005], [Fri Mar 24 06:10:30.985225 2023]
_ASCTIME = re.compile(
    r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))? (\d{4})\b"
)
# a syslog line's time (RFC 3164, as rsyslog and syslog-ng write files): "Jun 14 15:16:01 host ...",
# at the line's start, with no year (see _syslog_year)
_SYSLOG = re.compile(r"(?:<\d{1,3}>)?([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?(?= )")
# Loghub's labelled supercomputer logs (BGL, Thunderbird, Spirit, Liberty: https://github.com/logpai/loghub): its alert
# label ("-" for none), the time in seconds since 1970, the date, the node, then the node's own time and source as logged,
# BGL's IBM time "2005-06-03-15.42.50.675872" and location, Thunderbird's syslog time and "user@node"
# ("- 1131567053 2005.11.09 tbird-admin1 Nov 9 12:10:53 local@tbird-admin1 gmetad: Warning: ..."): no time was read, and
# every group was named from the label on, its node in it ("- <n> <n> R<n>-M<n>-N<n>-C:J<n>-U<n> <n>-<n>-<n>-<n> ...")
_LOGHUB_LABELLED = re.compile(
    r"(?:-|[A-Z][A-Z0-9_]{1,15}) (\d{9,10}) \d{4}\.\d\d\.\d\d [^\s]{1,64} "
    r"(?:\d{4}-\d\d-\d\d-\d\d\.\d\d\.\d\d\.\d{6} [^\s]{1,64} |[A-Z][a-z]{2} {1,2}\d{1,2} \d\d:\d\d:\d\d [^\s]{1,64} )?"
)
# Bacula's and Bareos's job messages: a day, a month and the minute, no year, at the line's start ("11-Nov 13:28 bacula-dir
# JobId 11: Fatal error: ..."); its year is taken as a syslog time's is
_DAY_MONTH = re.compile(r"(\d\d)-([A-Z][a-z]{2}) (\d\d):(\d\d)(?= )")
# WebSphere's and Liberty's, in the server's locale's short date, milliseconds after a colon, its zone's abbreviation:
# "[5/27/15 13:44:03:419 EDT]" (en_US's M/d/yy: month first, unpadded), "[01/03/19 15:57:32:780 GMT]" (en_GB's dd/MM/yy):
# the day is the first number when that is over 12 or, the second being 12 at most, either is padded ("01/03") or,
# both of two digits, the zone is Europe's; else the second
_WEBSPHERE = re.compile(r"\[(\d{1,2})/(\d{1,2})/(\d\d) (\d{1,2}):(\d\d):(\d\d):(\d{3}) ([A-Z]{2,5})\]")
_DAY_FIRST_ZONES = frozenset(("GMT", "BST", "WET", "WEST", "CET", "CEST", "EET", "EEST"))
# WebLogic's, in angle brackets at a line's start (its server log's "####<" before it), in the server's locale: en_US's
# "<Apr 26, 2023 2:14:01,436 PM GMT>", en_GB's "####<1 Oct, 2014 9:58:13 PM IST>", it_IT's "####<6-ott-2022 16.37.00,461 UTC>"
# (a month not in English: no time, the stamp still taken off, as a name's words)
_WEBLOGIC = re.compile(
    r"(?:####)?<(?:([A-Z][a-z]{2}) (\d\d?)|(\d\d?)[- ]([^\W\d]{3,12}))[-, ]{1,2}(\d{4}) (\d\d?)[:.](\d\d)[:.](\d\d)"
    r"(?:,(\d{1,3}))?(?: ([AP]M))?(?: [A-Z]{2,5})?>"
)
# a two-digit year, month and day then the time, at a line's start: MySQL's error log to 5.6 ("090902 10:43:55 [ERROR]",
# "150318  9:05:01", its hour padded by a space), Hadoop's HDFS ("081109 214043 2561 WARN ...", no colons), Spark's
# default log4j pattern, %d{yy/MM/dd HH:mm:ss} ("17/06/09 20:10:40 ERROR ..."); a component's tag glued to the time, as
# InnoDB's in MySQL 5's log ("091205  4:49:04InnoDB: Assertion failure ...": no time, a group named "<n> <n>:<n>:<n>InnoDB:")
_YYMMDD = re.compile(r"(\d\d)/?(\d\d)/?(\d\d) (?: ?(\d{1,2}):(\d\d):(\d\d)|(\d\d)(\d\d)(\d\d))(?= |[A-Z]\w*: )")
# a month, day and year with dashes at a line's start, then the time: OneDrive's and SkyDrive's ("07-25-13,16:03:24.649,...",
# "08-01-2013 21:22:28.999 global.cpp:626!..."); 3proxy writes the day first in the same form ("13-06-2013 01:39:34"),
# so the order is taken only where a number over 12 tells it; a date either order reads (08-01-2013) gives no time
_DASHED_DATE = re.compile(
    r"(\d\d)-(\d\d)-(\d{4}|\d\d)[ ,](\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?(?![\d:])(?: ([+-]\d\d:?\d\d)(?!\d))?"
)
# Android's logcat: a month and day, no year, then the time to the millisecond ("04-10 17:48:35.417 22134-22134/? E/dex2oat:
# ...", threadtime's "03-17 16:13:46.764  2227  2794 E Tag: ..."); its year is taken as a syslog time's is
_MONTH_DAY = re.compile(r"(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)\.(\d{3})(?= )")
_HEAD_WINDOW = 120  # a log line's timestamp is near its start
# journald's PRIORITY, a syslog severity written as a digit ("PRIORITY" : "3")
_SEVERITIES = dict(enumerate(("emerg", "alert", "crit", "error", "warning", "notice", "info", "debug")))
# bunyan's and pino's; 3 and 4 are loud on every small scale (syslog's and GELF's error and warning,
# Nextcloud's error and fatal, .NET's warning and error), 0-2 are not (Nextcloud's debug and info)
_MONGODB_SEVERITIES = {"F": "fatal", "E": "error", "W": "warn", "I": "info", "D": "debug"}
_NUMBERED_LEVELS = {10: "trace", 20: "debug", 30: "info", 40: "warn", 50: "error", 60: "fatal", 3: "error", 4: "warning"}


# what an error field holds when there was none: Akamai DataStream's "errorCode": "-" on every request
_NO_VALUE = frozenset(("", "-", "0", "none", "null", "None", "NULL"))
_NO_OFFSET = timedelta(0)  # made once, not for each timestamp read


def _tz(text: str | None) -> timedelta:
    if not text or text in ("Z", "UTC", "GMT"):
        return _NO_OFFSET
    if text in _ZONES:
        return timedelta(hours=_ZONES[text])
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4]))


def timestamp_in(line: str) -> tuple[datetime, tuple[int, int]] | None:
    """The timestamp near the start of a log line (as UTC; a time without zone is taken as UTC)
    and where it is in the line; None for a time that is not one (2026-13-45) or falls outside the
    calendar once its zone is applied (0001-01-01T00:00:00+10:00): a log's timestamp never stops a scan."""
    found = stamp_in(line)
    return (found[0], found[1]) if found is not None and found[0] is not None else None


def stamp_in(line: str) -> tuple[datetime | None, tuple[int, int]] | None:
    """Where a log line's timestamp is, with its time (None for one that cannot be, 77:77:77: it is
    still dropped from a record's text, so that lines alike but for it read alike). The last line's head and answer
    are kept: a record's time is asked for again as its shape, its paste and its time are read (a vendor log's line
    three times)."""
    head = line[:_HEAD_WINDOW]
    last = _LAST_STAMP
    if last[0] == head:
        return last[1]
    found = _stamp(head)
    if found is None:
        _remember_stamp(head, None)
        return None
    m, (y, mo, d, h, mi, s, frac, zone) = found
    month = int(mo) if mo.isdigit() else _MONTHS[mo.lower()]
    micro = int(frac[:6].ljust(6, "0")) if frac else 0
    try:
        when: datetime | None = datetime(int(y), month, int(d), int(h), int(mi), int(s or 0), micro, tzinfo=UTC) - _tz(zone)
    except (ValueError, OverflowError):
        when = None
    return _remember_stamp(head, (when, m.span()))


_LAST_STAMP: tuple[str | None, tuple[datetime | None, tuple[int, int]] | None] = (None, None)  # a head, its stamp


def _remember_stamp(
    head: str, found: tuple[datetime | None, tuple[int, int]] | None
) -> tuple[datetime | None, tuple[int, int]] | None:
    global _LAST_STAMP
    _LAST_STAMP = (head, found)  # one assignment: another thread reads the pair whole
    return found


def forget_stamp() -> None:
    """Let go of the last line's head (see stamp_in) once a scan is done."""
    global _LAST_STAMP
    _LAST_STAMP = (None, None)


def _stamp(line: str) -> tuple[re.Match[str], tuple[Any, ...]] | None:
    """The first timestamp form near a line's start, with its fields as ISO orders them."""
    head = line[:_HEAD_WINDOW]
    if m := _ISO.search(head):
        return m, m.groups()
    if (m := _CLF.search(head)) and m.group(2).lower() in _MONTHS:
        d, mo, y, h, mi, s, zone = m.groups()
        return m, (y, mo, d, h, mi, s, None, zone)
    if (m := _DAY_MONTH_YEAR.search(head)) and m.group(2).lower() in _MONTHS:
        d, mo, y, h, mi, s, frac, zone = m.groups()
        return m, (y, mo, d, h, mi, s, frac, zone)
    if (m := _ASCTIME.search(head)) and m.group(1).lower() in _MONTHS:
        mo, d, h, mi, s, frac, y = m.groups()
        return m, (y, mo, d, h, mi, s, frac, None)
    if (m := _SYSLOG.match(head)) and m.group(1).lower() in _MONTHS:
        mo, d, h, mi, s, frac = m.groups()
        return m, (_syslog_year(_MONTHS[mo.lower()], int(d)), mo, d, h, mi, s, frac, None)
    if (m := _DAY_MONTH.match(head)) and m.group(2).lower() in _MONTHS:
        d, mo, h, mi = m.groups()
        return m, (_syslog_year(_MONTHS[mo.lower()], int(d)), mo, d, h, mi, None, None, None)
    if head[:1].isdigit() and (m := _YYMMDD.match(head)):
        y, mo, d, *hms = (g for g in m.groups() if g is not None)
        return m, (f"20{y}", mo, d, *hms, None, None)
    if head[2:3] == "-" and (m := _DASHED_DATE.match(head)):
        a, b, y, h, mi, s, frac, zone = m.groups()
        mo, d = (b, a) if int(a) > 12 else (a, b)
        if int(a) <= 12 and int(b) <= 12 and a != b:  # either order reads: no time (month 0), the stamp still taken off
            mo = "0"
        return m, (y if len(y) == 4 else f"20{y}", mo, d, h, mi, s, frac, zone)
    if head[2:3] == "-" and (m := _MONTH_DAY.match(head)) and 0 < int(m[1]) <= 12:
        mo, d, h, mi, s, frac = m.groups()
        return m, (_syslog_year(int(mo), int(d)), mo, d, h, mi, s, frac, None)
    if (head[:1] == "-" or head[:1].isupper()) and (m := _LOGHUB_LABELLED.match(head)):
        when = datetime.fromtimestamp(int(m[1]), UTC)
        return m, (*(str(n) for n in (when.year, when.month, when.day, when.hour, when.minute, when.second)), None, None)
    return _bracketed(head) if head[:1] in "[<#" else None


def _bracketed(head: str) -> tuple[re.Match[str], tuple[Any, ...]] | None:
    """A time in brackets at a line's start, WebSphere's or WebLogic's, with its fields as ISO orders them."""
    if head[:1] == "[" and (m := _WEBSPHERE.match(head)):
        a, b, y, h, mi, s, frac, zone = m.groups()
        leaning = "0" in (a[0], b[0]) or (len(a) == len(b) == 2 and zone in _DAY_FIRST_ZONES)
        day_first = int(a) > 12 or (leaning and int(b) <= 12)  # a number past 12 is the day, whatever the leaning
        mo, d = (b, a) if day_first else (a, b)
        return m, (f"20{y}", mo, d, h, mi, s, frac, zone if zone in _ZONES or zone in ("UTC", "GMT") else None)
    if head[:1] != "[" and (m := _WEBLOGIC.match(head)):
        return m, _weblogic(m)
    return None


def _weblogic(m: re.Match[str]) -> tuple[Any, ...]:
    """A WebLogic time's fields as ISO orders them: its hour on a 24-hour clock, its month 0 (no time) when not English."""
    mo, d = (m[1], m[2]) if m[1] else (m[4], m[3])
    hour = int(m[6]) % 12 + (12 if m[10] == "PM" else 0) if m[10] else int(m[6])
    return m[5], mo if mo.lower() in _MONTHS else "0", d, hour, m[7], m[8], m[9], None


def _syslog_year(month: int, day: int) -> int:
    """A syslog time's year, which the line does not write: this year's, or last year's when this
    year's would be more than a day ahead (December's lines read in January), as logstash and
    rsyslog's readers take it. A log older than a year is dated a year or more late."""
    now = datetime.now(UTC)
    return now.year - ((month, day) > (now.month, now.day + 1))


# glog's and klog's head (Kubernetes's components, etcd's old ones, ingress-nginx): its level letter, then the month and
# day with no year (CockroachDB's with a two-digit year before them), the time to the microsecond: "E1215 04:15:13.816036"
_GLOG_TIME = re.compile(r"[IWEF](\d\d)?(\d\d)(\d\d) (\d\d):(\d\d):(\d\d)\.(\d{1,9}) ")


def glog_time(head: str) -> datetime | None:
    """The time of a line that starts with glog's head; its year, which klog does not write, taken as a syslog time's
    is (the last twelve months). The head stays in the record's text: its letter is the line's level, and names its
    group (summary.py's _GLOG_HEAD). Its records had no time, so --since/--until left every one out."""
    if head[:1] not in "IWEF" or not (m := _GLOG_TIME.match(head)):
        return None
    yy, mo, d, h, mi, s, frac = m.groups()
    try:
        year = 2000 + int(yy) if yy else _syslog_year(int(mo), int(d))
        return datetime(year, int(mo), int(d), int(h), int(mi), int(s), int(frac[:6].ljust(6, "0")), tzinfo=UTC)
    except ValueError:
        return None


def time_value(value: Any) -> datetime | None:
    """A JSON field's timestamp: ISO text, or epoch seconds / milliseconds; in MongoDB's extended JSON too, as its log
    writes it since 4.4 ({"t":{"$date":"2026-03-10T20:58:10.004+00:00"},"s":"W",...}: its records had no time)."""
    if isinstance(value, dict) and len(value) == 1:
        value = value.get("$date")
        if isinstance(value, dict) and len(value) == 1 and isinstance(number := value.get("$numberLong"), str):
            value = int(number) if number.isdigit() else None
    if isinstance(value, str):
        found = timestamp_in(value)
        return found[0] if found else None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = value / 1000 if value > 1e11 else value
        if 1e8 < seconds < 1e10:  # 1973 to 2286: a number outside is no epoch time
            return datetime.fromtimestamp(seconds, UTC)
    return None


def json_line(text: str) -> tuple[str, datetime | None, str | None] | None:
    """A JSON-lines record as (paste, timestamp, its level word in lower case); None if not one."""
    if not text.startswith("{") or "\n" in text.strip():
        return None
    try:
        return _json_record(json.loads(text))
    except (ValueError, RecursionError):  # 1,100 brackets deep: read as text, as explain reads it
        return None


def _json_record(obj: Any) -> tuple[str, datetime | None, str | None] | None:
    if not isinstance(obj, dict):
        return None
    d = _lower(obj)
    if (wrapped := _docker_line(d) or _otlp_batch(d)) is not None:
        return wrapped
    record = next((v for v in d.values() if isinstance(v, dict) and "error_severity" in v), None)
    if record is not None:  # a Postgres record that a wrapper logs at its own level (CloudNativePG's "record")
        d = {**{k: d[k] for k in _TIME_KEYS if k in d}, **_lower(record)}
    event = next((v for k in _EVENT_KEYS if isinstance(v := d.get(k), dict)), None)
    if event is not None and _field(d, _MESSAGE_KEYS) is None:  # its message (and level) one object down
        d = {**_lower(event), **{k: v for k, v in d.items() if k not in _EVENT_KEYS}}
    when = time_value(_field(d, _TIME_KEYS))
    said = _level_word(_field(d, _LEVEL_KEYS))
    if said is None and isinstance(s := d.get("s"), str) and "ctx" in d and "c" in d:  # MongoDB's, 4.4 on: "s":"W"
        said = _MONGODB_SEVERITIES.get(s[:1])
    if said is None and any(isinstance(v := d.get(k), str) and v.strip() not in _NO_VALUE for k in ("errorcode", "errormessage")):
        said = "error"  # an event that records a failed call by its error fields, with no level (AWS CloudTrail's)
    if said is None:  # a level one object down ({"@fields": {"lvl": "ERROR", ...}})
        said = next((w for v in d.values() if isinstance(v, dict) and (w := _level_word(_field(_lower(v), _LEVEL_KEYS)))), None)
    for key in _TIME_KEYS:
        d.pop(key, None)
    if "logname" in d and "insertid" in d:  # a Google Cloud Logging entry: what it says, not where it was kept
        d = {k: v for k, v in d.items() if k not in _CLOUD_ENTRY_KEYS}
    return _exchange_paste(d), when, said


# a Cloud Logging LogEntry's fields that say where and when it was kept, not what happened: each entry's ids made a
# group of each error
_CLOUD_ENTRY_KEYS = frozenset(
    ("insertid", "logname", "receivetimestamp", "resource", "labels", "trace", "spanid", "tracesampled")
)


# Docker's json-file logging driver writes each line a container printed as an object of its own:
# {"log": "...\n", "stream": "stderr", "time": "..."}; the line is the record (a JSON one read as such). So do log
# collectors, beside where the line came from: Fluent Bit's tail input the file's path ("file", "path", its Path_Key;
# Percona's operator relays mysqld's error log so) and its time ("date", "@timestamp"), Fluentd's Docker driver the
# container ("container_id", "container_name", "source"), Kubernetes metadata ("kubernetes")
_DOCKER_KEYS = frozenset(("log", "stream", "time", "attrs", "file", "path", "filename", "date", "@timestamp"))
_DOCKER_KEYS |= {"source", "container_id", "container_name", "kubernetes", "tag"}
_WRAPPER_TIMES = ("time", "date", "@timestamp")


def _docker_line(d: dict[str, Any]) -> tuple[str, datetime | None, str | None] | None:
    """The line a Docker json-file object wraps, as a log line: its level was never read (its
    "log" was a message), so a container's ERROR lines, plain or JSON, were no errors."""
    line = d.get("log")
    if not isinstance(line, str) or len(d) < 2 or not d.keys() <= _DOCKER_KEYS:
        return None
    line = line.rstrip("\r\n")
    when = next((t for k in _WRAPPER_TIMES if k in d and (t := time_value(d[k])) is not None), None)
    found = json_line(line) if line[:1] == "{" else None
    if found is not None:
        return found[0], found[1] or when, found[2]
    if (at := stamp_in(line)) is not None and at[1][0] == 0:  # the program's own time: the line's
        line, when = line[at[1][1] :].lstrip(), at[0] or when
    return line, when, level(line)


def _otlp_batch(d: dict[str, Any]) -> tuple[str, datetime | None, str | None] | None:
    """A batch of OpenTelemetry log records as OTLP/JSON writes it (the Collector's file exporter: one
    "resourceLogs" object a line), read as its most severe record: its body, time and severity. Its
    levels sit three arrays down, so a batch's ERROR and FATAL records were no errors."""
    records = [
        r
        for rl in _list(d.get("resourcelogs"))
        for sl in _list(rl.get("scopeLogs"))
        for r in _list(sl.get("logRecords"))
        if isinstance(r.get("severityNumber"), int)
    ]
    if not records:
        return None
    worst = max(records, key=lambda r: r["severityNumber"])
    body = worst.get("body")
    text = body.get("stringValue") if isinstance(body, dict) else body
    nanos = worst.get("timeUnixNano")
    when = time_value(int(nanos) // 1_000_000) if isinstance(nanos, str) and nanos.isdigit() else None
    said = _level_word(worst.get("severityText")) or _OTLP_SEVERITIES[min(max(worst["severityNumber"] - 1, 0) // 4, 5)]
    return (text if isinstance(text, str) else json.dumps(body)), when, said


# OTLP's severity numbers in fours: 1-4 TRACE, 5-8 DEBUG, 9-12 INFO, 13-16 WARN, 17-20 ERROR, 21-24 FATAL
_OTLP_SEVERITIES = ("trace", "debug", "info", "warn", "error", "fatal")


def _list(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _level_word(level: Any) -> str | None:
    if isinstance(level, dict):  # a level object: {"Name": "ERROR", "No": 40} (Python's logging as some JSON formatters write it)
        return _level_word(_lower(level).get("name"))
    if isinstance(level, str):
        if len(level) == 1 and level in "01234567":
            return _SEVERITIES[int(level)]
        # pino's "50"; a level padded to its column (JFrog's "WARN ")
        return _NUMBERED_LEVELS.get(int(level)) if level.isdigit() and len(level) == 2 else level.strip().lower()
    return _NUMBERED_LEVELS.get(level) if type(level) is int else None


# an offset's minute and second (Python reads +01:60 as +02:00, and a mistyped offset moved the window silently)
_OFFSET_CLOCK = re.compile(r"[+-]\d{2}:?(\d{2})(?::?(\d{2})(?:\.\d+)?)?$")
_RELATIVE = re.compile(r"^([0-9]+) *([smhdw])$")  # ASCII digits: int() reads "٦" and "６" as 6 too


def _bare_date(value: str) -> bool:
    """Whether ``value`` is a date alone, in any form ISO 8601 gives one (2026-11-20, 20261120, 2026-W47-5)."""
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def parse_when(text: str, end: bool = False) -> datetime:
    """A --since/--until value: ISO date or date-time (UTC unless it says), or a span back from
    now (``90m``, ``6h``, ``2d``, ``1w``). With ``end`` (--until), a bare date means the end of
    that day: ``--until 2026-11-20`` includes the 20th."""
    value = text.strip()
    m = _RELATIVE.match(value.lower())
    if m:
        unit = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}[m.group(2)]
        try:
            return datetime.now(UTC) - timedelta(**{unit: int(m.group(1))})
        except (OverflowError, ValueError):
            raise UsageError(f"{shown(text)[:64]!r} reaches back before the year 1: use a shorter span or a date") from None
    try:
        # RFC 3339 allows a lower-case t and z (2026-11-19t02:00z)
        when = datetime.fromisoformat(value.upper().replace(" ", "T", 1) if len(value) > 10 else value)
        if (m := _OFFSET_CLOCK.search(value, 10)) and max(int(m[1]), int(m[2] or 0)) > 59:
            raise ValueError("an offset's minute or second past 59")
    except ValueError:
        from .timetext import why_not_a_time

        why = why_not_a_time(value)
        said = f"{shown(text)[:64]!r} is no time ({why})" if why else f"cannot read {shown(text)[:64]!r} as a time"
        raise UsageError(f"{said}: use 2026-11-19, 2026-11-19T02:00:00Z, or 6h / 2d ago") from None
    try:
        if end and _bare_date(value):
            when += timedelta(days=1, microseconds=-1)
        return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
    except OverflowError:  # 0001-01-01T00:00:00+10:00 is before the year 1 in UTC
        raise UsageError(f"{shown(text)[:64]!r} lies outside the years a time can hold in UTC") from None

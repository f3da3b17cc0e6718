"""Why a --since/--until value is no time: a date the calendar has not (31 June, 29 February of a common year, week
53 of a year of 52), an hour, minute or offset beyond its range, a Unix time, a zone's name. "cannot read '2026-06-31'
as a time" said none of it, and the user was left to find June's 30 days (hostile39's leftover)."""

from __future__ import annotations

import calendar
import re
from datetime import UTC, date, datetime

_DATE = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})(?![\d])")
_WEEK = re.compile(r"(\d{4})-?W(\d{2})(?:-?(\d))?(?![\d])", re.IGNORECASE)
_ORDINAL = re.compile(r"(\d{4})-?(\d{3})(?![\d])")
_CLOCK = re.compile(r"[T ](\d{2})(?::?(\d{2}))?(?::?(\d{2}))?")
_OFFSET = re.compile(r"[+-](\d{2}):?(\d{2})?(?::?(\d{2})(?:\.\d+)?)?$")
_EPOCH = re.compile(r"@?(\d{9,10})(?:[.,]\d+)?|@?(\d{12,13})")  # seconds, or milliseconds as JavaScript writes them
_ZONE = re.compile(r"\d[ ]?([A-Za-z]{2,5}|[A-Za-z]+/[A-Za-z_]+)$")


def why_not_a_time(value: str) -> str | None:
    """What is wrong with ``value`` as a date or date-time, when it can be told; None otherwise."""
    if m := _EPOCH.fullmatch(value):
        seconds = int(m[1]) if m[1] else int(m[2]) // 1000
        written = datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        return f"a number, not a date: as a Unix time it is {written}"
    return _date_wrong(value) or _clock_wrong(value) or _written_wrong(value)


def _written_wrong(value: str) -> str | None:
    """A date written in another order or with other separators than ISO 8601's."""
    if re.match(r"\d{5,}-", value):
        return "years end at 9999"
    if m := re.match(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?!\d)", value):
        return f"write its date with dashes, as {m[1]}-{int(m[2]):02}-{int(m[3]):02}"
    if re.match(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{4}(?!\d)", value):
        return "write the year first, as 2026-11-19"
    return None


def _date_wrong(value: str) -> str | None:
    if m := _WEEK.match(value):
        return _week_wrong(int(m[1]), int(m[2]), m[3])
    if m := _DATE.match(value):
        year, month, day = int(m[1]), int(m[2]), int(m[3])
        if year == 0:
            return "there is no year 0; years start at 0001"
        if not 1 <= month <= 12:
            return f"there is no month {month:02}; months are 01 to 12"
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            leap = f" ({year} is no leap year)" if month == 2 and day == 29 else ""
            return f"{calendar.month_name[month]} {year} has {last} days{leap}"
        return None
    if m := _ORDINAL.match(value):
        year, day = int(m[1]), int(m[2])
        days = 366 if calendar.isleap(year) else 365
        if year == 0 or not 1 <= day <= days:
            return f"{m[1]} has {days} days; day {m[2]} is none of them" if year else "there is no year 0"
        written = date.fromordinal(date(year, 1, 1).toordinal() + day - 1)
        return f"a day of the year is not read: write its date, {written:%Y-%m-%d}"
    return None


def _week_wrong(year: int, week: int, day: str | None) -> str | None:
    weeks = date(max(year, 1), 12, 28).isocalendar().week  # 28 December is always in a year's last ISO week
    if not 1 <= week <= weeks:
        return f"{year} has ISO weeks W01 to W{weeks}"
    if day is not None and not 1 <= int(day) <= 7:
        return f"an ISO week's days are 1 (Monday) to 7 (Sunday), not {day}"
    return None


def _clock_wrong(value: str) -> str | None:
    clock = _CLOCK.search(value, 8)
    if clock is not None:
        hour, minute, second = (int(part) if part else 0 for part in clock.groups())
        if hour > 23:
            return f"hour {hour} is past 23 (midnight is 00:00 of the next day)"
        if minute > 59 or second > 59:
            return f"{'minute' if minute > 59 else 'second'} {max(minute, second)} is past 59"
    if m := _OFFSET.search(value, 10):
        if int(m[1]) > 23:
            return f"the offset {m[0]} is beyond +/-23:59"
        if (past := max(int(m[2] or 0), int(m[3] or 0))) > 59:
            return f"the offset {m[0]} has {past} in place of a minute or second: past 59"
    if _ZONE.search(value):
        return "a time zone is written as an offset (+01:00, -05:00) or Z, not by its name"
    return None

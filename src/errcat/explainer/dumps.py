"""Language dumps of a decoded body -> ``"key": value`` pairs the lenient JSON reader understands.

People paste what their debugger printed, not the raw body: PHP ``var_dump`` (plain and Xdebug's),
``print_r`` and ``var_export``; Ruby ``inspect`` (``"Name"=>"X"``) and Python reprs are close
enough to JSON for the lenient reader once ``=>`` is accepted as a separator (envelopes.py). This
module rewrites the PHP forms, whose values carry a length or stand alone on a line, in place;
everything else in the text is left as it was. All patterns are linear-time and line-bounded.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left

from ..values import to_int

# var_dump: ["key"]=> string(5) "error" | int(1) | float(1.5) | bool(true) | NULL  (object keys may carry
# ":protected" or ':"Class":private')
_VAR_DUMP = re.compile(
    r"""\[(?:"(?P<qkey>[^"\n]{1,200})"|(?P<key>[^\[\]\n"]{1,200}))(?::[^\[\]\n]{1,200})?\]\s{0,40}=>\s{0,200}"""
    r"""(?:string\((?P<len>\d{1,9})\)\s"|int\((?P<int>-?\d{1,30})\)|float\((?P<float>[^)\n]{1,40})\)"""
    r"""|bool\((?P<bool>true|false)\)|(?P<null>NULL)\b)"""
)
# Xdebug's var_dump: 'key' => string 'error' (length=5) | int 1 | float 1.5 | boolean true | null.
# A string runs to the first "' (length=N)" after it (its own quotes are not escaped); those ends
# are found once per text, so a paste of many "=> string '" with no end stays linear.
_XDEBUG = re.compile(
    r"""(?P<q>['"])(?P<key>[^'"\n]{1,200})(?P=q)\s{0,40}=>\s{0,40}"""
    r"""(?:(?P<str>string\s')|int\s(?P<int>-?\d{1,30})\b"""
    r"""|float\s(?P<float>[-\d.eE+]{1,40})\b|boolean\s(?P<bool>true|false)\b|(?P<null>null)\b)"""
)
_XDEBUG_STRING_END = re.compile(r"'\s\(length=\d{1,9}\)")
_XDEBUG_STRING_MAX = 4000
# print_r: [key] => value, the value running to the end of the line or to the next "[key] =>". The value is empty or
# ends in a non-blank: its end is looked for at the start of a run of blanks only, not at each blank of it (each
# look read the run to its end: a line of 36,000 blanks after "[a] => x" took 7 s of CPU). The same matches.
_PRINT_R = re.compile(
    r"""\[(?P<key>[^\[\]\n"']{1,200})\]\s=>\s(?P<value>(?:[^\n]*?\S)??)(?=\s+\[[^\]\n]{1,200}\]\s=>\s|\s+\)|\s*$)""", re.M
)
# Pairs rewritten per dump: far more than the errors explain reads (1,000), and a bound on the
# work a 2 MB paste of "[a] => x" can cause (each pair is a JSON encoding).
MAX_PAIRS = 5_000
_STRING_END = re.compile(r'"(?=[ \t]*(?:\n|\[|\}|$))')
_CONTAINER = re.compile(r"^(?:Array|[\w\\]+\sObject)\s*(?:\(|$)")


def _pair(key: str, value: object) -> str:
    return json.dumps(key, ensure_ascii=False) + ": " + json.dumps(value, ensure_ascii=False)


def _var_dump_string(text: str, start: int, length: int) -> tuple[str, int, bool]:
    """The string of ``length`` UTF-8 bytes starting at ``start``: (value, end after the closing quote, cut)."""
    end = start
    used = 0
    while end < len(text) and used < length:
        used += len(text[end].encode("utf-8", errors="replace"))
        end += 1
    if used >= length and text[end : end + 1] == '"':
        return text[start:end], end + 1, False
    # the length no longer fits (the text was redacted or re-encoded): the string ends at a quote
    # followed by the end of the line or the next key
    close = _STRING_END.search(text, start)
    if close:
        return text[start : close.start()], close.start() + 1, False
    return text[start:end], end, True  # the paste stops inside the string


def _rewrite_var_dump(text: str, limit: int) -> tuple[str, bool, bool]:
    out: list[str] = []
    pos = size = 0
    found = cut = False
    for m in _VAR_DUMP.finditer(text):
        if size > limit:
            break
        if m.start() < pos:
            continue
        key = m.group("qkey") if m.group("qkey") is not None else m.group("key")
        end = m.end()
        value: object
        if m.group("len") is not None:
            value, end, was_cut = _var_dump_string(text, m.end(), to_int(m.group("len")) or 0)
            if was_cut:
                out.append(text[pos : m.start()] + json.dumps(key) + ": " + '"' + str(value).replace('"', "'"))
                return "".join(out), True, True
        else:
            value = _scalar(m)
        out.append(text[pos : m.start()] + _pair(key, value) + "\n")
        size += len(out[-1])
        pos = end
        found = True
    out.append(text[pos:])
    return "".join(out), found, cut


def _rewrite_xdebug(text: str, limit: int) -> tuple[str, bool]:
    ends = [(m.start(), m.end()) for m in _XDEBUG_STRING_END.finditer(text)] if "(length=" in text else []
    starts = [start for start, _ in ends]
    out: list[str] = []
    pos = size = 0
    for m in _XDEBUG.finditer(text):
        if size > limit:
            break
        if m.start() < pos:
            continue
        key, end = m.group("key"), m.end()
        value: object
        if m.group("str") is not None:
            found = _xdebug_string(text, m.end(), ends, starts)
            if found is None:
                continue  # no end within reach: not a dumped string
            value, end = found
        else:
            value = _scalar(m)
        out.append(text[pos : m.start()] + _pair(key, value))
        size += len(out[-1])
        pos = end
    out.append(text[pos:])
    return "".join(out), pos > 0


def _xdebug_string(text: str, start: int, ends: list[tuple[int, int]], starts: list[int]) -> tuple[str, int] | None:
    """The Xdebug string starting at ``start`` and where its "' (length=N)" ends, if one closes it
    on the same line within reach."""
    i = bisect_left(starts, start)
    if i == len(ends) or ends[i][0] - start > _XDEBUG_STRING_MAX or text.find("\n", start, ends[i][0]) != -1:
        return None
    return text[start : ends[i][0]], ends[i][1]


def _rewrite_print_r(text: str, limit: int) -> tuple[str, bool]:
    out: list[str] = []
    pos = size = rewritten = 0
    for m in _PRINT_R.finditer(text):
        if size > limit or rewritten >= MAX_PAIRS:
            break
        value = m.group("value").strip()
        if _CONTAINER.match(value) or value in ("", "("):
            continue
        out.append(text[pos : m.start()] + _pair(m.group("key").strip(), _number(value)))
        size += len(out[-1])
        pos = m.end()
        rewritten += 1
    out.append(text[pos:])
    return "".join(out), rewritten > 0


def _scalar(m: re.Match[str]) -> object:
    """The value of a dumped int, float, bool or null (both var_dump regexes name their groups alike)."""
    if m.group("int") is not None:
        return _number(m.group("int"))
    if m.group("float") is not None:
        return m.group("float")
    if m.group("bool") is not None:
        return m.group("bool") == "true"
    return None


def _number(raw: str) -> int | str:
    """A dumped integer as a number when it is one (``²`` and 5,000 nines stay text)."""
    number = to_int(raw)
    return raw if number is None else number


def rewrite(text: str, limit: int) -> tuple[str, bool] | None:
    """The text with PHP dump pairs rewritten as JSON pairs, and whether it was cut mid-string; None if none.

    Only the first ``limit`` characters of the result are read, so rewriting stops past them (the
    rest is left as it was): the work a 2 MB dump can cause is bounded by what is read of it."""
    if "=>" not in text:
        return None
    text, dumped, cut = _rewrite_var_dump(text, limit)
    text, xdebug = _rewrite_xdebug(text, limit)
    printed = False
    if not dumped:
        text, printed = _rewrite_print_r(text, limit)
    return (text, cut) if dumped or xdebug or printed else None

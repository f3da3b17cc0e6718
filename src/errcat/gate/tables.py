"""Credentials in a column of a table whose header names them (CSV, TSV, pipe and Markdown tables, a table of
names and values, HTML table cells): cells are read only in the rows right under such a header."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator

from .basics import _EMPTY, _MARKED, Span, _checked, _grouped, _lazy, _line_end, _lowered
from .needles import _dense, _near_needles
from .words import _CREDENTIAL_WORD, _IN_NAME, _NEEDLES, _not_a_value

# A credential in a column of a table: the header names it (AWS's credentials.csv: User name,Password,…)
_HEADER_CELL = _lazy(r"[A-Za-z][A-Za-z0-9 _.()-]{0,40}|\"[A-Za-z][A-Za-z0-9 _.()-]{0,40}\"")  # (RFC 4180 quotes it)
_TABLE_ROWS = 1000
_HEADER_LINE_MAX = 4096


def _table_columns(text: str) -> Iterator[Span]:
    """The cells under a header cell that names a credential, in the rows right after the header
    (comma-, semicolon-, tab- or pipe-separated, each with as many cells as the header; a pipe table's
    rules between them, as Markdown, psql and the mysql client draw them)."""
    low = _lowered(text)
    if ".signin.aws.amazon.com/console" in low:
        yield from _grouped(_AWS_CONSOLE_ROW(), low, 1, "credential by column")
    if "\n" not in text:
        return  # one line: no header with rows under it (scan's samples)
    done = -1
    for first, last, hits in _near_needles(low):
        at = first + 16 if first else min(i for n in _NEEDLES if (i := low.find(n, 0, 33)) >= 0)  # its first needle
        line_start = low.rfind("\n", max(0, at - _HEADER_LINE_MAX), at) + 1
        if line_start <= done or (line_start == 0 and at > _HEADER_LINE_MAX) or _dense(first, last, hits):
            continue  # rows already read, a line too long for a header, or machine-made
        done = line_start
        following: list[int] = [line_start]
        seen: _Seen = {}
        drawn: _Drawn | None = None
        while following:  # (a table drawn right under this one: its header is read too)
            start = following.pop()
            done = max(done, start)
            if drawn is not None and text.startswith(drawn[0], start):  # the table above drawn again: read the same
                for a, b in drawn[1]:
                    done = max(done, start + a)
                    yield Span(start + a, start + b, "credential by name")
                following.append(start + drawn[2])
                continue
            pending = len(following)
            spans = list(_table_at(text, low, start, following, seen))
            for span in spans:
                done = max(done, span.start)
                yield span
            drawn = _drawn(text, start, spans, following, pending)


# A table read whole whose next table stands right under it: all the text its reading depended on (its lines, the next
# table's header line and the line after it, with that line's end), the spans found in it and where the next table
# starts, both from its start. A log repeating a table (a settings dump printed at each request) is read once.
_Drawn = tuple[str, list[tuple[int, int]], int]


def _drawn(text: str, start: int, spans: list[Span], following: list[int], pending: int) -> _Drawn | None:
    if len(following) != pending + 1 or following[-1] <= start or any(s.kind != "credential by name" for s in spans):
        return None
    after = following[-1]
    header_end = text.find("\n", after)
    line_end = text.find("\n", header_end + 1) if header_end >= 0 else -1
    if line_end < 0:
        return None  # (the text ends there: a longer text may read on)
    return text[start : line_end + 1], [(s.start - start, s.end - start) for s in spans], after - start


def _table_at(text: str, low: str, line_start: int, following: list[int], seen: _Seen) -> Iterator[Span]:
    """The credential cells of the table whose header starts at ``line_start``; where the next table's header
    stands right under its rows, that header's start is put in ``following``."""
    line_end = _line_end(low, line_start)
    plan = _header_plan(low[line_start:line_end].rstrip("\r"))
    if plan is None:
        return
    sep, count, key, wanted = plan
    if sep == "|" and not _RULE().fullmatch(low, line_end + 1, _line_end(low, line_end + 1)):
        return  # a table drawn with pipes has a rule under its header; a log line with pipes has none
    if key is not None:  # (its "key" column holds names, not keys)
        yield from _key_value_rows(low, line_end + 1, sep, count, key, following)
    elif wanted:
        yield from _cells(text, line_end + 1, sep, count, wanted, following, seen.setdefault(plan, {}))


# A table of one column, as the mysql and psql clients draw a query's one column (SELECT password FROM …): its name, a
# rule under it, the values, to the closing rule, a blank line or psql's "(1 row)" (secrets29: they were all shown)
_ONE_COLUMN = _lazy(
    rf"^[ \t]{{0,40}}(?:\|[ \t]{{0,8}})?(?P<name>[a-z0-9_.-]{{0,40}}(?:{_CREDENTIAL_WORD})[a-z0-9_.-]{{0,40}}+)"
    r"[ \t]{0,40}\|?[ \t]{0,40}\r?\n(?=[ \t|+:]{0,40}[-=])",
    re.MULTILINE,
)
_ROW_COUNT = _lazy(r"\(\d{1,9} rows?\)")
_ONE_COLUMN_TABLES = 1000  # read in a text: a paste shows a few; 2 MB of "password", "----" lines are 150,000


def _one_column_tables(text: str) -> Iterator[Span]:
    """The values of a one-column table (see _ONE_COLUMN), its header found by one search of the text (a line that is
    no header fails at its first characters)."""
    if "\n" not in text or "--" not in text:
        return  # no rule under a header
    low = _lowered(text)
    for m in itertools.islice(_ONE_COLUMN().finditer(low), _ONE_COLUMN_TABLES):
        yield from _one_column(text, low, m.end(), m.group("name"))


def _one_column(text: str, low: str, at: int, name: str) -> Iterator[Span]:
    """The rows under a one-column header ``name`` whose rule starts at ``at``: one span from the first value to the
    last (a column of values is hidden whole, borders between them too: a table of 50,000 rows is one span)."""
    end = _line_end(low, at)
    if not _IN_NAME().search(name) or _not_a_value(name) or "-" not in low[at:end] or not _RULE().fullmatch(low, at, end):
        return
    rule, size = _RULE(), len(low)
    first = last = -1
    for _ in range(_TABLE_ROWS):
        at = end + 1
        end = _line_end(low, at)
        line = low[at:end]
        cell = line.strip(" \t\r")
        if (
            not cell
            or (("-" in cell or "=" in cell) and rule.fullmatch(cell))
            or (cell[0] == "(" and _ROW_COUNT().fullmatch(cell))
        ):
            break
        drawn = cell[0] == "|" and cell[-1] == "|" and len(cell) > 1
        inner = cell[1:-1].strip(" \t") if drawn else cell
        if not drawn and " " in inner:
            return  # prose under a heading underlined (Password, then ----, then what it is), not psql's rows
        if inner:
            start = at + line.find(inner)
            first, last = (start if first < 0 else first), start + len(inner)
        if end >= size:
            break
    if first >= 0 and (span := _checked(text, first, last)):
        yield Span(*span, "credential by column")


_Plan = tuple[str, int, "int | None", tuple[int, ...]]
_Rows = dict[str, "list[tuple[int, int]] | None"]  # a row's cells by its text
_Seen = dict[_Plan, _Rows]  # for each kind of header


@functools.lru_cache(maxsize=256)  # tables drawn one under another repeat their header
def _header_plan(header: str) -> _Plan | None:
    """How a header's table is read: its separator, its number of cells, the column of names of a table of names
    and values, the columns that name a credential; None where the line is no table's header."""
    sep = "|" if "|" in header else "\t" if "\t" in header else ";" if ";" in header and "," not in header else ","
    cells = [header[a:b] for a, b in _cell_spans(header, 0, sep)]  # (Excel writes ";" where "," is a decimal mark)
    if not 2 <= len(cells) <= 32 or not all(map(_HEADER_CELL().fullmatch, cells)):
        return None
    if (key := _key_column(cells)) is not None:
        return sep, len(cells), key, ()
    return sep, len(cells), None, tuple(i for i, c in enumerate(cells) if _IN_NAME().search(c) and not _not_a_value(c.strip()))


_KEY_HEADERS = frozenset(("key", "name", "setting", "variable", "property", "parameter", "field", "option"))


def _key_column(cells: list[str]) -> int | None:
    """The column of names in a table of names and values ("| key | value |"), or None."""
    names = [c.strip().strip('"') for c in cells]
    return next((i for i in range(len(names) - 1) if names[i] in _KEY_HEADERS and names[i + 1] == "value"), None)


def _key_value_rows(low: str, at: int, sep: str, count: int, key: int, following: list[int]) -> Iterator[Span]:
    """The value beside each name of a credential in the rows of a table of names and values (a settings
    dump drawn as a Markdown table: | password | … |), up to the next rule after a row (a table's end, or the next
    table's header: each row is read once)."""
    rows, row_at = 0, at
    for _ in range(_TABLE_ROWS):
        end = _line_end(low, at)
        line = low[at:end]
        if sep == "|" and ("-" in line or "=" in line) and _RULE().fullmatch(line):
            if rows:
                following.append(row_at)  # the row above is the next table's header
                return
        else:
            rows, row_at = rows + 1, at
            names = _row_cells(line, 0, sep, count, [key])
            if names is None:
                return
            values = _row_cells(line, 0, sep, count, [key + 1])
            name = line[names[0][0] : names[0][1]] if names else ""
            if values and name not in _KEY_HEADERS and _IN_NAME().search(name) and not _not_a_value(name):
                yield Span(at + values[0][0], at + values[0][1], "credential by column")  # (not the next table's header)
        at = end + 1
        if at >= len(low):
            return


# A row of an HTML table whose first cell names a credential, its value in the next cell (phpinfo()'s Environment
# and PHP Variables tables: <td class="e">DB_PASSWORD </td><td class="v">…</td>)
_HTML_CELLS = _lazy(
    r"<t[dh](?:[ \t][^<>]{0,128})?>[ \t]{0,8}([^<>\n]{1,64}?)[ \t]{0,8}</t[dh]>[ \t\r\n]{0,16}"
    r"<td(?:[ \t][^<>]{0,128})?>([^<]{1,1024})</td>"
)


def _html_cells(text: str) -> Iterator[Span]:
    """Tried only from the cells before each credential word (a page of tables is matched once)."""
    low = _lowered(text)
    if "</td>" not in low:
        return
    done = 0
    for first, last, hits in _near_needles(low):
        if _dense(first, last, hits) or last <= done:
            continue
        for m in _HTML_CELLS().finditer(low, max(done, first - 220), min(len(low), last + 1300)):
            if m.start(1) > last:
                break  # a row of a later stretch
            done = m.end()
            if not _IN_NAME().search(m.group(1)) or _not_a_value(m.group(1).strip()):
                continue
            value = text[m.start(2) : m.end(2)]
            if span := _checked(text, m.start(2), m.start(2) + len(value.rstrip())):
                yield Span(*span, "credential by column")


# a row of the CSV the AWS console gives for a new IAM user (User name,Password,Console sign-in link): the
# password is known by the link after it even where the row is shown without its header (scan's sample line)
_AWS_CONSOLE_ROW = _lazy(r"(?:^|[\s,])[^,\s]{1,64},([^,\r\n]{1,256}),https://[0-9a-z-]{1,63}\.signin\.aws\.amazon\.com/console")


# a pipe table's rule: |---|---|, +------+, ---------+---------, a grid's rule under its header +======+======+
_RULE = _lazy(r"[ \t|+:]*[-=][ \t|+:=-]*\r?")


_QUOTED_CELL = _lazy(r'[ \t]*"(?:[^"\n]|"")*"[ \t]*(?=[,;\t]|\r?$)|[^,;\t"\n]*')


def _split_cells(line: str, sep: str) -> list[str]:
    """A row's cells as written (RFC 4180: a cell in double quotes may hold the separator, "pass,word")."""
    if '"' not in line or sep == "|":
        return line.split(sep)
    parts, pos = [], 0
    while True:
        cell = _QUOTED_CELL().match(line, pos)
        end = cell.end() if cell is not None and cell.group().lstrip(" \t").startswith('"') else line.find(sep, pos)
        end = len(line) if end < 0 else end
        parts.append(line[pos:end])
        if end >= len(line) or line[end] != sep:
            if end < len(line):  # a quote opened and not closed where the row goes on: read it as plain cells
                return line.split(sep)
            return parts
        pos = end + 1


def _cell_spans(line: str, at: int, sep: str) -> list[tuple[int, int]]:
    """Where each cell of a row starts and ends (``at``: where the line starts); a pipe table's cells
    without their borders and the spaces around them."""
    parts = _split_cells(line.rstrip("\r"), sep)
    spans = []
    for part in parts:
        spans.append((at, at + len(part)))
        at += len(part) + 1
    if sep != "|":
        return spans
    if len(parts) > 2 and not parts[0].strip():
        del spans[0], parts[0]  # the border before the first cell
    if len(parts) > 2 and not parts[-1].strip():
        del spans[-1], parts[-1]  # and after the last
    return [(a + len(c) - len(c.lstrip()), b - len(c) + len(c.rstrip())) for (a, b), c in zip(spans, parts, strict=True)]


def _row_cells(line: str, at: int, sep: str, count: int, wanted: tuple[int, ...] | list[int]) -> list[tuple[int, int]] | None:
    """The spans of the ``wanted`` cells of a row as _cell_spans gives them (only those worked out: a
    table has many rows), or None when the row has not ``count`` cells."""
    parts = _split_cells(line.rstrip("\r"), sep)
    first, n = 0, len(parts)
    pipe = sep == "|"
    if pipe and n > 2 and not parts[0].strip():
        first = 1  # the border before the first cell
    if pipe and n - first > 2 and not parts[-1].strip():
        n -= 1  # and after the last
    if n - first != count:
        return None
    out = []
    k, pos = 0, at  # pos: where parts[k] starts
    for i in wanted:
        while k < first + i:
            pos += len(parts[k]) + 1
            k += 1
        cell = parts[k]
        value = cell.strip() if pipe else cell
        if _MARKED not in value and value.strip().rstrip("\\").lower() not in _EMPTY:  # as _checked
            start = pos + len(cell) - len(cell.lstrip()) if pipe else pos
            out.append((start, start + len(value)))
    return out


def _next_table_header(text: str, at: int) -> bool:
    """Whether the line at ``at`` is a Markdown rule (|---|---|), which stands only under a header: a row right
    above it starts the next table (a grid's rules between rows are drawn with "+")."""
    if at >= len(text) or text[at] not in " \t|-:":
        return False
    end = text.find("\n", at)
    line = text[at : len(text) if end < 0 else end]
    return "+" not in line and "-" in line and "|" in line and _RULE().fullmatch(line) is not None


def _cells(
    text: str, at: int, sep: str, count: int, wanted: tuple[int, ...], following: list[int], seen: _Rows
) -> Iterator[Span]:
    """The wanted cells of the rows from ``at`` (``seen``: a row's cells from its start, by its text: a log repeats rows)."""
    rule = _RULE()
    size = len(text)
    for _ in range(_TABLE_ROWS):
        end = text.find("\n", at)
        end = size if end < 0 else end
        line = text[at:end]
        if sep == "|" and ("-" in line or "=" in line) and rule.fullmatch(line):
            at = end + 1
            continue
        if sep == "|" and _next_table_header(text, end + 1):
            following.append(at)  # this row is the header of the next table, drawn right under this one
            return
        row = seen[line] if line in seen else seen.setdefault(line, _row_cells(line, 0, sep, count, wanted))
        if row is None:
            return
        for a, b in row:
            yield Span(at + a, at + b, "credential by name")
        at = end + 1
        if at >= size:
            return

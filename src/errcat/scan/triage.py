"""Which error records are counted where they are found, and which go on to be explained.

Most records of a real log are other programs' errors (no vendor needle, no body an error
envelope could be in) or no errors at all (an INFO line that mentions one). Counting them needs
no catalog, so the process that finds them counts them: each worker of a parallel scan counts its
own range into a part of the report, and only records that can concern a vendor cross to the
explaining process. A one-line record that differs from one sorted before only in its digits and
lower-case hex letters (prepared.shape_of) takes that one's verdict (``record`` with its shape),
and once that verdict needs no more places listed, the next ones are counted by ``count_lines``,
a run of lines at a time: a slice each, one translate and a dictionary look-up each, with no
decoding and no regex.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from datetime import datetime
from itertools import compress, repeat
from typing import Any

from ..gate import shown, shown_line
from .concerns import VendorNeedles
from .logline import json_line
from .needles import Buffer
from .prepared import (
    ID_MASK,
    VARYING_BYTES,
    Prepared,
    ScanOptions,
    column_shape,
    prepare,
    record_time,
    request_words,
    shape_of,
    status_numbers,
    status_slots,
    swapped_ids,
    untimed_head,
    window_outcome,
)
from .records import Record
from .summary import MAX_LINES_KEPT, MAX_SAMPLES, OWN_CODE, Place, Room, ScanReport, from_level, masked_path, signature
from .verdict import LOUD_WORDS, TERMINAL_CODES, holds_error_body, http_status

# A verdict on a record: EXPLAIN, or None (no error), or the group text of another program's error.
Verdict = str | bool | None
EXPLAIN = True
_UNSEEN: Any = object()  # no verdict counted for a shape (None is one: no error)
SORTED_SIZE = 10_000  # verdicts kept by shape, each with its first record (50,000 of vendor lines held 90 MB); then begun anew
_BODY = re.compile(r"[{<]")  # where an error envelope could be
# a message's own code, whose digits a shape drops (summary.OWN_CODE: MSVC's "warning C4996:", Apache's "AH01630:",
# Cisco's "%ASA-4-106023:", ModelSim's "(vsim-8315)"): kept in the group's text (summary.signature), so it is kept in
# the shape, or the first code of a shape named every other's group; the same pattern, so that an id that is no code
# ("invoice INV-00123:") never splits a shape by record (200,000 such lines were prepared one by one, 57 times slower)
_OWN_CODE, _OWN_CODE_TEXT = re.compile(OWN_CODE.encode()), re.compile(OWN_CODE)  # in a shape; in a template's key


class Triage:
    """Sorts the records of one input (or of one range of it) into ``report``; the records to
    explain wait in ``pending``, with their lines as the finder numbered them."""

    def __init__(self, needles: VendorNeedles, options: ScanOptions, report: ScanReport, name: str = ""):
        self.needles, self.options, self.report, self.name = needles, options, report, name
        self.pending: list[Prepared] = []
        # a one-line record's shape -> the first's verdict, prepared record and (to explain) status numbers
        self.verdicts: dict[bytes, tuple[Verdict, Prepared, list[bytes]]] = {}
        self.concerning: dict[str, bool] = {}  # a record's template -> whether it may concern a vendor (_concerns)
        self.signatures: dict[str, str] = {}  # a record's template -> its group text as another program's
        # a group text -> what it was first made for: the shape of the one-line record that set its shape's verdict
        # (``making``; every later record of that shape takes it), else the record's template. A parallel scan names
        # each group by the text its first in the file gave that (parallel.named): a range that met a shape first
        # in another line of it ("jk6_init() ..." where the file's first was "jk2_init() ...") made a group apart
        self.templates: dict[str, str | bytes] = {}
        self.making: bytes | None = None
        self.redacted: dict[str, str] = {}  # a first line masked, never shown -> its group text (see _signature)
        # the places and samples of each other program's group this process took in earlier ranges: a
        # later range's come after them in the file (a worker's ranges are in order), so it takes only
        # what they leave (a group of a few records a range took three samples, each redacted, in every one)
        self.taken: dict[str, Room] = {}
        # whether repeats are counted without their times (by count_lines' tally); in a --since/--until
        # window each one's time is read (count_lines reads it first, _in_window), and only its verdict
        # is the first's of its shape
        self.repeats = options.since is None and options.until is None
        self.seen: dict[str, list[datetime]] = {}  # in a window: the earliest and latest time of each group's tallied lines
        # the first and last record of each other program's group counted without its time (a
        # repeat), and its lowest and highest line in byte order: their times are read once, when the
        # part is settled, not on every repeat (see ``settle``)
        self.untimed: dict[str, list[bytes | str]] = {}
        self.bounds: dict[str, list[Buffer]] = {}
        # Shapes (with no status in them) whose records are counted by a tally alone: no error,
        # or another program's error whose group keeps no more places; and what they counted.
        self.counted: dict[bytes, str | None] = {}
        self.by_status: set[bytes] = set()  # such shapes with a status in them: counted with it (shape_of)
        # shapes (digits dropped) whose lines hold their own code (_OWN_CODE): counted by the shape with the codes (_coded)
        self.coded: set[bytes] = set()
        self.tally: dict[str | None, int] = {}

    def record(self, rec: Record, shape: bytes | None = None, status: int | None = None) -> None:
        """Prepare a record the finder grouped, count it or keep it for explaining. A one-line
        record comes with its ``shape`` (prepared.shape_of): one of a shape sorted before takes
        its level, error reason and template from the first (its own time is read only if it is
        counted as a vendor's), and once its verdict needs no more places, the next ones of its
        shape are counted by ``count_lines`` alone. A W3C log's line comes with its column's ``status``."""
        if shape is not None and shape[:1] != b"\x00":
            if status is None and b"|E" in shape:  # an error status: a JSON line's names it (_stated_status)
                shape = _by_status(shape, rec.data)
            shape = self._coded(shape, rec.data)  # one shape per code
        first = self.verdicts.get(shape) if shape is not None else None
        kept = shape is not None and shape[:1] == b"\x00"  # a line kept whole but for its time and ids: its statuses too
        if first is not None and first[0] is EXPLAIN and not kept and status_numbers(rec.data) != first[2]:
            first = None  # explained by its template, which keeps the status: prepared afresh
        prep = None if first is None else self._alike(rec, first[1], shape if kept else None)
        if prep is None:
            prep = prepare(rec, self.options, status)
        self.making = shape if first is None and prep.outcome == "ok" and not prep.bad_utf8 else None
        verdict = self.sort(prep)
        self.making = None
        if verdict is EXPLAIN:
            self.pending.append(prep)
        if shape is None or prep.outcome != "ok" or prep.bad_utf8:
            return
        if first is None:
            if len(self.verdicts) >= SORTED_SIZE:
                self.verdicts.clear()
            self.verdicts[shape] = (verdict, prep, status_numbers(rec.data) if verdict is EXPLAIN else [])
        if verdict is None or (isinstance(verdict, str) and self._keeps_no_more(verdict)):
            self._counted_alike(shape, rec.data, verdict)

    def _alike(self, rec: Record, first: Prepared, kept: bytes | None) -> Prepared | None:
        """A record of the shape of one prepared before (``first``), read as that one was (its own time
        is read only if it is counted as a vendor's, or in a --since/--until window); None: prepared afresh.
        ``kept``: the shape of a line kept whole but for its time and ids (prepared._after_time), if it is one."""
        text = rec.data.decode("utf-8", errors="replace")
        paste = text if kept is None else _untimed_alike(first, text, kept)
        if paste is None:
            return None
        when = None if self.repeats else record_time(text)
        outcome = "ok" if self.repeats else window_outcome(when, self.options)
        above = rec.before.decode("utf-8", errors="replace")
        return first._replace(line=rec.line, outcome=outcome, paste=paste, head=text, when=when, above=above)

    def _keeps_no_more(self, said: str) -> bool:
        """Whether another program's error group takes no more places or samples here."""
        room = self.room(said)
        group = self.report.other.get(said)
        return bool(self.options.vendor) or room == (0, 0) or (group is not None and group.fills(room))

    def room(self, said: str) -> Room:
        """The places and samples another program's group may still take here (see ``taken``)."""
        places, samples = self.taken.get(said, (0, 0))
        return max(0, MAX_LINES_KEPT - places), max(0, MAX_SAMPLES - samples)

    def took(self, part: ScanReport) -> None:
        """Note the places and samples a range's part of the report took (see ``taken``)."""
        for said, group in part.other.items():
            places, samples = self.taken.get(said, (0, 0))
            self.taken[said] = places + len(group.places), samples + len(group.samples)

    def made(self, part: ScanReport) -> dict[str, str | bytes]:
        """What each of other programs' groups of ``part`` was first made for here (see ``templates``)."""
        return {text: self.templates.get(text, text) for text in part.other}

    shape_of = staticmethod(shape_of)

    def count_lines(
        self,
        buf: Buffer,
        starts: list[int],
        ends: list[int],
        erring: set[int],
        take: Callable[[int, int], None],
        statuses: dict[int, int] | None = None,
    ) -> None:
        """Count the one-line records buf[starts[k]:ends[k]] (newlines included) whose shape is
        counted alike (see ``counted``), all at once: a slice each, one join, translate and split
        for their shapes, a look-up each and a Counter (most of a real log's evidence lines cost no
        more); ``take`` the others, in order (one taken may let the next of its shape be counted).
        A shape with a status in it is looked up with whether the line states an error (``erring``);
        a W3C log's line with the status in its column (``statuses``, prepared.column_shape)."""
        datas = [buf[ls : le - 1] for ls, le in zip(starts, ends, strict=True)]
        whens = None
        if not self.repeats:
            starts, ends, datas, whens = self._in_window(starts, ends, datas)
            if not datas:
                return
        joined = b"\n".join(datas)
        if b"\r" in joined:  # CRLF lines: their shapes made without the CR, as a record's is
            joined = (joined + b"\n").replace(b"\r\n", b"\n")[:-1]
        shapes = joined.translate(None, VARYING_BYTES).split(b"\n")
        if statuses:
            at = statuses.get
            shapes = [s if (n := at(le)) is None else column_shape(s, n, d) for s, le, d in zip(shapes, ends, datas, strict=True)]
        counted = self.counted
        verdicts = list(map(counted.get, shapes, repeat(_UNSEEN, len(shapes))))
        done = 0
        for k in [k for k, v in enumerate(verdicts) if v is _UNSEEN] if _UNSEEN in verdicts else ():
            shape = shapes[k]
            verdict = counted.get(shape, _UNSEEN)  # counted since: another of its shape was taken
            if verdict is _UNSEEN and (shape in self.by_status or shape in self.coded):
                verdict = counted.get(self._told(shape, datas[k], ends[k] in erring), _UNSEEN)
            if verdict is _UNSEEN:
                self._tally_lines(verdicts[done:k], datas[done:k], whens and whens[done:k])
                done = k + 1
                take(starts[k], ends[k])
            else:
                verdicts[k] = verdict
        self._tally_lines(verdicts[done:], datas[done:], whens and whens[done:])

    def _in_window(
        self, starts: list[int], ends: list[int], datas: list[Buffer]
    ) -> tuple[list[int], list[int], list[Buffer], list[datetime | None]]:
        """The lines inside the --since/--until window, with their times; those outside it, or
        without a time, are counted so here, by their time alone (as prepare leaves them out). A line
        with a NUL or invalid UTF-8 is kept, without a time, for the record path, which says so."""
        in_starts: list[int] = []
        in_ends: list[int] = []
        in_datas: list[Buffer] = []
        whens: list[datetime | None] = []
        report, options = self.report, self.options
        for ls, le, data in zip(starts, ends, datas, strict=True):
            try:
                text = bytes(data).decode("utf-8")
            except UnicodeDecodeError:
                text = "\x00"
            when = None if "\x00" in text else record_time(text)
            outcome = "ok" if "\x00" in text else window_outcome(when, options)
            if outcome == "ok":
                in_starts.append(ls)
                in_ends.append(le)
                in_datas.append(data)
                whens.append(when)
                continue
            report.records += 1
            if outcome == "outside-window":
                report.filtered_time += 1
            else:
                report.no_timestamp += 1
        return in_starts, in_ends, in_datas, whens

    def _tally_lines(self, verdicts: list[Any], datas: list[Buffer], whens: list[datetime | None] | None = None) -> None:
        """Tally lines counted by their shapes, keeping the first and last of each other
        program's group for its times (see ``untimed``); in a window, with their times (``whens``),
        the earliest and latest (``seen``)."""
        if not verdicts:  # a line taken first (as each record grouped on one line is)
            return
        tally = self.tally
        for verdict, n in Counter(verdicts).items():
            tally[verdict] = tally.get(verdict, 0) + n
        if self.options.vendor:  # with --vendor, other programs' groups are not kept
            return
        if whens is not None:
            for verdict, when in zip(verdicts, whens, strict=True):
                if verdict is not None and when is not None:
                    if (span := self.seen.get(verdict)) is None:
                        self.seen[verdict] = [when, when]
                    else:
                        span[0], span[1] = min(span[0], when), max(span[1], when)
        self._keep_untimed(verdicts, datas)

    def _keep_untimed(self, verdicts: list[Any], datas: list[Buffer]) -> None:
        """Keep the first and last line of each other program's group, and its lowest and highest (see ``settle``)."""
        last = dict(zip(verdicts, datas, strict=True))
        for verdict, data in dict(zip(reversed(verdicts), reversed(datas), strict=True)).items():
            if verdict is not None:
                if (heads := self.untimed.get(verdict)) is None:
                    self.untimed[verdict] = [bytes(data), bytes(last[verdict])]
                else:
                    heads[1] = bytes(last[verdict])
        bounds = self.bounds
        for verdict, data in compress(zip(verdicts, datas, strict=True), verdicts):  # an error's group text (None: no error)
            if (span := bounds.get(verdict)) is None:
                bounds[verdict] = [data, data]
            elif data > span[1]:  # first: a log in time order goes on up
                span[1] = data
            elif data < span[0]:
                span[0] = data

    def _told(self, shape: bytes, data: Buffer, erring: bool) -> bytes:
        """The key a line of ``shape`` is counted by when its shape alone does not tell it: with whether it states an
        error status (by_status, as shape_of keys it), with its own codes (coded)."""
        if shape in self.by_status:
            key = _by_status(shape + b"|E" + request_words(data), data) if erring else shape + b"|o"
        else:
            key = shape
        return self._coded(key, data, shape) if shape in self.coded else key

    def _coded(self, shape: bytes, data: Buffer, plain: bytes | None = None) -> bytes:
        """A one-line record's shape with the codes its line holds (_OWN_CODE), once its ``plain`` shape (digits
        dropped, as count_lines makes it) has been seen with one: then a line of it without a code is keyed apart
        too (a mark alone), and count_lines searches only such shapes' lines for codes."""
        codes = _OWN_CODE.findall(data)
        if not codes and not self.coded:
            return shape
        if plain is None:
            plain = bytes(data).replace(b"\r", b"").translate(None, VARYING_BYTES)
        if not codes:
            return shape + b"\x01" if plain in self.coded else shape
        if plain not in self.coded:
            self.coded.add(plain)
            self.counted.pop(plain, None)  # counted by a line without a code: from now on, by each line's codes
        return b"\x01".join((shape, *codes))

    def _counted_alike(self, shape: bytes, data: bytes, verdict: str | None) -> None:
        """Let the records of this shape be counted by ``count_lines`` from now on (not a line kept
        whole but for its time, prepared._after_time: count_lines knows lines by their digits dropped;
        a line with its own code by its shape and codes, see _coded)."""
        if shape[:1] == b"\x00":
            return
        if len(self.counted) >= SORTED_SIZE:
            self.counted.clear()
            self.by_status.clear()
            self.coded.clear()
        base = shape.split(b"\x01", 1)[0]
        if len(plain := data.translate(None, VARYING_BYTES)) == len(base) or b"\n" in base:  # a W3C line's: column_shape
            self.counted[shape] = verdict
        elif status_slots(plain) == 1:  # a status in it, in one place: told by the erring mark
            self.counted[shape] = verdict
            self.by_status.add(plain)

    def _add_tally(self) -> None:
        """Add what ``count_lines`` counted to the report."""
        report = self.report
        for verdict, n in self.tally.items():
            report.records += n
            if verdict is None:
                report.not_errors += n
                continue
            if self.options.vendor:  # left out, as explained records of other vendors are (stream._count)
                report.filtered_vendor += n
                continue
            report.errors += n
            if verdict not in report.other:  # counted in a range before this one, which kept its places
                # no room: neither its place nor its sample is taken (nor its first line redacted for one)
                report.add_other(verdict, lambda: Place(self.name, 0), None, lambda: "", (0, 0))
                n -= 1
            if (group := report.other.get(verdict)) is not None:
                group.count += n
            else:
                report.other_overflow += n
        self.tally.clear()

    def _add_other(self, said: str, place: Place, when: datetime | None, head: bytes | str, above: str = "") -> None:
        """(``above``: the lines above a lone value, whose name there makes its sample a secret: see Record.before.)"""
        self.report.add_other(said, lambda: place, when, lambda: shown_line(_text(head), above), self.room(said))
        if when is None and self.repeats:
            self._untimed(said, head)

    def _untimed(self, said: str, head: bytes | str) -> None:
        """Keep a record counted without its time as its group's first or last such one."""
        if (heads := self.untimed.get(said)) is None:
            self.untimed[said] = [head, head]
        else:
            heads[1] = head
        line = head.encode("utf-8", errors="replace") if isinstance(head, str) else head
        if (span := self.bounds.get(said)) is None:
            self.bounds[said] = [line, line]
        else:
            span[0], span[1] = min(span[0], line), max(span[1], line)

    def settle(self) -> None:
        """Give each other program's group the times of its first and last record counted without
        one, and of its lowest and highest line in byte order: repeats are not timed one by one (a
        regex and a datetime a line), yet a log's lines start with their time, and where that time is
        written from the year down (ISO 8601, HDFS's ``081109 214043``) byte order is time order, so
        the earliest and latest are among them in a log out of time order too (Loghub's Zookeeper
        sample); in a log in time order, the first and last are. Each is a record of the group: its
        first and last seen never lie outside its records' times."""
        self._add_tally()
        for said, (earliest, latest) in self.seen.items():
            if (group := self.report.other.get(said)) is not None:
                group.seen_at(earliest)
                group.seen_at(latest)
        self.seen.clear()
        settle_untimed(self.report, self.handed())

    def handed(self) -> dict[str, list[bytes | str]]:
        """The first, last, lowest and highest line of each group counted without its time (see ``settle``), let go
        here: a worker hands its range's on, and the parallel scan reads their times once from the file's (one reader's)."""
        heads = {
            said: [*first_last, *map(_bytes, self.bounds.get(said, first_last))] for said, first_last in self.untimed.items()
        }
        self.untimed.clear()
        self.bounds.clear()
        return heads

    def sort(self, prep: Prepared) -> Verdict | None:
        """Count a prepared record unless it may concern a vendor: cheap tests first (EXPLAIN: it
        goes on to be explained; False: not read on, see _readable)."""
        self.report.records += 1
        place = Place(self.name, prep.line)
        if not self._readable(prep, place):
            return False
        if self._concerns(prep):
            return EXPLAIN
        return self.count_other(prep, place)

    def _readable(self, prep: Prepared, place: Place) -> bool:
        """Whether a record is read on (counting why not: binary, outside --since/--until, empty)."""
        report = self.report
        if prep.outcome == "binary":
            report.skip(place.file, place.line, "binary data inside a record skipped")
            return False
        if prep.bad_utf8:
            report.skip(place.file, place.line, "invalid UTF-8 (read with the bad bytes replaced)")
        if prep.outcome == "no-timestamp":
            report.no_timestamp += 1
        elif prep.outcome == "outside-window":
            report.filtered_time += 1
        return prep.outcome == "ok"

    def _concerns(self, prep: Prepared) -> bool:
        """Whether a record may concern a vendor: it holds one of the catalog's vendor needles, or has
        an API's shape with a body an error envelope could be in (one that reads as an HTTP error
        response, when the record is no error by how it is logged). Remembered by template, so that a
        repeat served by its shape (whose paste is its raw line, a JSON line's fields unread) gets
        the first's answer: a winston line's second repeat was explained, and listed as a vendor error."""
        key = prep.key if prep.key is not None else prep.paste
        known = self.concerning.get(key)
        if known is None:
            if len(self.concerning) >= SORTED_SIZE:
                self.concerning.clear()
            body = _BODY.search(prep.paste) if prep.api else None
            known = self.needles.concern(prep.paste) or (
                body is not None and (prep.reason is not None or holds_error_body(prep.paste[body.start() :]))
            )
            self.concerning[key] = known
        return known

    def count_other(self, prep: Prepared, place: Place) -> str | None:
        """Count a record that cannot concern a vendor: another program's error (its group text),
        or no error (None)."""
        report = self.report
        if not prep.reason:
            report.not_errors += 1
            return None
        said = self._signature(prep)
        if self.options.vendor:  # left out, as explained records of other vendors are (stream._count)
            report.filtered_vendor += 1
        else:
            report.errors += 1
            self._add_other(said, place, prep.when, prep.head, prep.above)
        return said

    def _signature(self, prep: Prepared) -> str:
        """The group text of another program's error (by template, remembered): from its first line
        without its timestamp, whether the record was prepared afresh or served as a repeat (whose
        paste keeps its time), so that one error in two files is one group. Records whose first lines
        are alike once masked (an nginx "open() ... failed" for each missing path) share the group
        text the first of them gave, redacted once: redacting each line cost 0.14 ms, more than
        the rest of counting it (the masked line is only a key, never shown)."""
        key = prep.key if prep.key is not None else prep.paste
        if codes := _OWN_CODE_TEXT.findall(prep.head):  # a template masks a code's digits too ("%ASA-1-<n>")
            key = "\x01".join((key, *codes))
        said = self.signatures.get(key)
        if said is None:
            if len(self.signatures) >= SORTED_SIZE:
                self.signatures.clear()
                self.templates.clear()
                self.redacted.clear()
            head = untimed_head(TERMINAL_CODES.sub("", prep.head) if "\x1b" in prep.head else prep.head)
            if head[:1] in _SECOND_STAMP_STARTS and (again := untimed_head(head)) != head and head.endswith(again):
                head = again  # the program's own time at its start, after its runtime's (App Service's, `docker logs -t`'s)
            if (context := head.find(_MONOLOG_EXCEPTION)) > 0:
                head = head[:context]
            elif head.endswith(_MONOLOG_EMPTY):
                head = head[: -len(_MONOLOG_EMPTY)]
            head = _without_logger_after(head)
            if prep.reason != "status" and (message := _message_beside_request(prep.head, head)) is not None:
                head = message
            elif _DOTNET_HEAD.fullmatch(head) and (message := _said_below(prep.paste)):
                head = f"{head} {message}"
            elif prep.reason != "status" and (raised := _raised_below(prep.paste, head)) and _exception_name(raised) not in head:
                head = f"{head.removesuffix(_TRACEBACK_BELOW[1:]).rstrip()} {raised}"  # (not where the message names it:
                # Celery's "raised unexpected: X()")
            head = from_level(head)
            status = "" if prep.status is None else f"HTTP {prep.status} "  # a W3C line's, from its column (w3c.py)
            served = (_COLUMNS_REQUEST if status else _REQUEST).search(head) if prep.reason == "status" else None
            if served:  # named by its request; a W3C line's status (from its column) shown as it is
                method, path = next(((served[at], served[at + 1]) for at in (1, 3, 6) if served[at]), (None, ""))
                path = _DIGIT_LED.sub("/{id}", masked_path(path))
                request = f"{method} {path}" if method else served[5]  # HAProxy's "<BADREQ>"
                masked = status + signature(request) if status else signature(f"HTTP error: {request}")
            else:
                status = status or _stated_status(prep)
                masked = status + signature(head)
            said = self.redacted.get(masked)
            if said is None:
                said = self.redacted[masked] = shown(masked) if served else status + signature(shown_line(head))
            self.signatures[key] = said
            self.templates.setdefault(said, self.making or key)
        return said


_SECOND_STAMP_STARTS = frozenset("[0123456789")
# the logger (and thread) a layout writes after the message, at the line's end: ActiveMQ's log4j "%p | %m | %c | %t"
# ("ERROR | Failed to start Apache ActiveMQ (...) | org.apache.activemq.broker.BrokerService | main": a failure was a
# group for each thread that logged it), Kafka's "[%d] %p %m (%c)" ("ERROR [ReplicaFetcher ...] Error for partition test-3-0
# at offset 0 (kafka.server.ReplicaFetcherThread)"): who logged it, in the middle of the name once the exception below is added
_PIPED_LOGGER = re.compile(r"(?<=\S) \| [a-z][\w$]{0,80}(?:\.[\w$]{1,80}){1,16} \| [^|\n]{0,120}$")
_LOGGER_IN_PARENS = re.compile(r"(?<=\S) \((?:[a-z][\w$]{0,80}\.){1,16}[A-Z][\w$]{0,80}\)$")
_LEVEL_FIRST = re.compile(rf"(?:{LOUD_WORDS}|INFO|DEBUG) ")


def _without_logger_after(head: str) -> str:
    """A record's first line without the logger its layout writes after the message (_PIPED_LOGGER, where the fields
    before it are a level's and a message's in words, "%p | %m | %c | %t"; and _LOGGER_IN_PARENS after a level that starts
    the line). Mozlog's fields between bars name no logger: "TEST-UNEXPECTED-TIMEOUT | automation.py | application timed
    out ..." (one field before it), "TEST-UNEXPECTED-FAIL | dom/a.html | sub.test_x | ..." (a test's path before it)."""
    if " | " in head and (piped := _PIPED_LOGGER.search(head)) and _message_before(head[: piped.start()]):
        return head[: piped.start()]
    if head.endswith(")") and _LEVEL_FIRST.match(head) and (logger := _LOGGER_IN_PARENS.search(head)) is not None:
        return head[: logger.start()]
    return head


def _message_before(before: str) -> bool:
    """Whether a line's fields before a logger between bars are a level's (or a time's) and a message in words."""
    fields = before.rsplit(" | ", 1)
    return len(fields) == 2 and " " in fields[1].strip()


# Monolog's context after the message when it holds an exception (Laravel's, Magento's exception.log): its class, file and
# line, then its whole trace ("local.ERROR: Target class [X] does not exist. {"exception":"[object] (Illuminate\\...");
# a name ends with the message, as the line's first 130 characters did not
_MONOLOG_EXCEPTION = ' {"exception":"[object] ('
_MONOLOG_EMPTY = " [] []"  # its empty context and extra, at the end of each line of Magento's system.log

# ASP.NET Core's console logger writes its level, category and event id alone on a record's first line and the
# message indented on the next ("fail: Microsoft.AspNetCore.Server.Kestrel[0]" then "      Unexpected exception in
# ..."): named by that line alone, every error of a category was one group
_DOTNET_HEAD = re.compile(r"(?:trce|dbug|info|warn|fail|crit): [\w.`+]+\[\d+\]\s*")


def _said_below(paste: str) -> str | None:
    """The indented message on a record's second line, where the first line names only where it came from."""
    lines = paste.split("\n", 2)
    said = lines[1] if len(lines) > 1 else ""
    return said.strip() if said[:1] in (" ", "\t") and said.strip() else None


# Python's logging.exception() and gunicorn's worker: a message line, then the traceback of what was raised below it
# ("[ERROR] Exception in worker process" then "Traceback (most recent call last):"): every crash was one group under
# the message (prepared names a record that opens with the traceback by its exception already)
_TRACEBACK_BELOW = "\nTraceback (most recent call last):"


# an exception's line: its class (a module's dotted path before it), alone or before a colon; not Postgres's "DETAIL:
# Key ..." after it, nor "The above exception was the direct cause of the following exception:"
_EXCEPTION_LINE = re.compile(r"(?:[A-Za-z_]\w*\.)*(?:[A-Z]\w*[a-z]\w*|[a-z]\w*(?:Error|Exception))(?::|\s*$)")


def _raised_below(paste: str, head: str) -> str | None:
    """The exception a traceback below a record's first line ended in: its last exception's line, without its time (a line
    of App Service's or `docker logs -t`'s log carries one); also where the traceback starts at the first line's end
    (vdsm's "MainThread::ERROR::2011-12-05 07:04:56,300::vdsm::74::vds::(run) Traceback (most recent call last):": its
    every failure was one group, named by that). Else what the second line says where it names the error: a
    Java exception thrown under a message (Tomcat's "Servlet.service() for servlet [dispatcher] threw exception" then
    "java.lang.NullPointerException: ...": every servlet's crash was one group, named by neither), or the reason under a
    first line that ends in a colon (CouchDB's "Error in process <0.463.0> with exit value:" then the Erlang term, its
    first 80 characters; not where the record is named by another line than its first, as a traceback by its exception)."""
    at = paste.find(_TRACEBACK_BELOW)
    if at < 0 and head.endswith(_TRACEBACK_BELOW[1:]):  # the traceback's first line on the record's (vdsm's)
        at = paste.find(_TRACEBACK_BELOW[1:]) - 1
    if at < 0:
        return _said_next(paste, head)
    for line in reversed(paste[at + len(_TRACEBACK_BELOW) :].split("\n")):
        said = untimed_head(line)
        if _EXCEPTION_LINE.match(said):
            return said.strip()
    return None


def _said_next(paste: str, head: str) -> str | None:
    cut = paste.find("\n")
    if cut < 0:
        return None
    below = paste[cut + 1 :].split("\n", 1)[0]
    if _JAVA_THROWN.match(below):
        return below.strip()
    opened = paste[:cut].rstrip().endswith(":") and head.rstrip().endswith(":")
    if opened and below[:1] in (" ", "\t") and (said := below.strip()):
        return said[:80].rsplit(",", 1)[0] if len(said) > 80 else said  # (a term cut where it was, not in a quote)
    return None


# a Java exception's line: its class in a package ("java.lang.NullPointerException", "org.x.FooError: ..."), unindented
_JAVA_THROWN = re.compile(r"(?:[a-z_$][\w$]*\.)+[A-Z][\w$]*(?:Exception|Error|Throwable)(?::|\s*$)")


def _exception_name(raised: str) -> str:
    """An exception's class without its module ("OperationalError" of "sqlite3.OperationalError: no such table")."""
    return raised.split(":", 1)[0].rsplit(".", 1)[-1]


def _message_beside_request(line: str, request: str) -> str | None:
    """The message of a JSON log line that names the request it was logged in but no status (Nextcloud's "method" and
    "url" beside its "message"): what failed, where the request only says where. Each Nextcloud error was a group of its
    request ("GET /login?direct=<n>&user=bi<n>vmr"), the message out of its name, one error on two pages two groups."""
    if line[:1] != "{" or request.split(" ", 1)[0] not in _METHODS:
        return None
    found = json_line(line)
    parts = found[0].split("\n") if found is not None else ()
    if len(parts) == 3 and parts[0] == request and not parts[1] and parts[2].strip() and parts[2][:1] not in "{[":
        return parts[2]
    return None


_METHODS = frozenset(("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "PROPFIND", "MKCOL", "MOVE", "COPY", "REPORT"))


# the request of a line a server logged with an error status (an access log's, a proxy's, Gin's): it names
# the line's group ("HTTP error: GET /downloads/{id}"), where the whole line masked named neither
# the request nor the status ("<n> - - [] '…' <n> <n> '…' '…' <n>"). Its status is not in it: a
# line's shape and template keep only whether it is 400 or more, so a path's 404s and 503s are one group.
# A proxy's request names its host ("GET http://localhost:8080/test HTTP/1.1": named by host and path, never
# by a URL's user-info), and
# a probe's may hold quotes ("GET /$%7B("TextString"+"1")%7D/a.action HTTP/1.0"): the request ends at " HTTP/",
# or at its closing quote when it has no version (Tomcat's "GET /manager/html null"); a tunnel's names
# its host and port ("CONNECT www.baidu.com:443 HTTP/1.1"). HAProxy logs a request it could not parse
# as "<BADREQ>", last on its line: its group is "HTTP error: <BADREQ>", not the whole line masked. CouchDB's
# access line states its request unquoted, then its status ("undefined GET /z22ctc 404 ok 1"): it was named
# by the whole line masked, one group for each path probed, a path with a digit named by the first of them.
_REQUEST = re.compile(
    r"\"(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|CONNECT) (?:https?://(?:[^\s/?@\"]*@)?)?([^\s/?\"]*/[^\s?]*?|[\w.-]+:\d+)"
    r"(?:\?\S*?)?(?: HTTP/\d|(?: [^\s\"]+)?\"(?= ))"
    r"|\| ?(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) +\"(/[^\s?\"]*)"
    r"|\"(<BADREQ>)\"$"
    r"|(?<= )(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|COPY) (/[^\s\"?]*)\S* \d{3}(?= |$)"  # unquoted: CouchDB's
)
# a path's segment that starts with a digit: a template masks it whole (prepared._DIGIT_TOKEN), the requests
# of a scan's probes ("GET /5Ruh3e", "GET /4iQjM5"), one group, were named by the first one's path ("/<n>Ruh<n>e")
_DIGIT_LED = re.compile(r"/\d[^/]*")
# a W3C log's request, in columns: IIS's cs-method and cs-uri-stem, CloudFront's and Zeek's with the
# host between them ("GET\td111111abcdef8.cloudfront.net\t/favicon.ico"); its group is "HTTP 502 GET /favicon.ico";
# Squid's, a URL (w3c.HEADERLESS): named by host and path, "HTTP 401 GET localhost/counters", as a proxy's quoted request is;
# an AWS load balancer's, quoted ("GET https://paytm.com:443/shop/log HTTP/1.1"): "HTTP 504 POST paytm.com:443/shop/log"
_COLUMNS_REQUEST = re.compile(
    r"(?<![^\s\"])(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|PURGE|COPY|MOVE|PROPFIND|TRACE|CONNECT)\s+"  # Squid's PURGE, WebDAV's
    # a URL's user-info: never its name; a proxy's tunnel by its host and port (Squid's "TCP_DENIED/407 1667 CONNECT
    # us.mcafee.com:443 - NONE/- text/html" was named by its whole line)
    r"(?:[^\s/]\S*\s+(?=/)|[a-z][\w.+-]*://(?:[^\s/?@]*@)?)?([^\s/?]*/[^\s?]*|(?<=CONNECT )[\w.-]{1,253}:\d{1,5}(?=\s))"
)


def _by_status(shape: bytes, data: Buffer) -> bytes:
    """The shape of a line that states an error status (shape_of's "|E"), with its status when the line may be a JSON
    one, whose group text names it (_stated_status): records of two statuses took the first one's group."""
    if b"{" not in data:
        return shape
    numbers = status_numbers(bytes(data))
    return shape + b"\x02" + numbers[0] if len(numbers) == 1 and numbers[0] >= b"400" else shape


def _stated_status(prep: Prepared) -> str:
    """The error status a JSON line states, as a group text starts with it ("HTTP 403 request completed"): named by its
    message or its fields, pino's and Cloudflare's lines of every status were one group (its shape is keyed by it: _by_status).
    Only a status a field holds: one in an error's words (zap's "error": "... responded with HTTP Status Code 500") is an
    upstream's, and the name of the collector's failure began with it."""
    if ("{" not in prep.head and prep.paste[:1] != "{") or (status := http_status(prep.paste)) is None or status < 400:
        return ""
    held = _STATUS_FIELD.search(prep.head) or _STATUS_FIELD.search(prep.paste, 0, 8192)  # (a field on a line below)
    return f"HTTP {status} " if held else ""


# a JSON field that holds a status ("statusCode":403, "status": "500", Cloudflare's "EdgeResponseStatus":403, Envoy's
# "response_code":404)
_STATUS_FIELD = re.compile(r'(?i:(?:status|code)[\w.-]{0,20}"\s*:\s*"?[45]\d\d\b)')


def _untimed_alike(first: Prepared, text: str, shape: bytes) -> str | None:
    """The paste of a line kept whole but for its time and ids (prepared._after_time: ``shape``), read as
    the first of its shape was: its own words where the first's paste was the end of its line after its
    time (ids masked alike keep their length); else the first's paste with its ids swapped for this line's
    (a JSON log line's, made of its fields; None when they do not pair up), or as it is when none differ."""
    paste = first.paste
    if first.head[:1] != "{" and first.head.endswith(paste) and len(paste.encode("utf-8")) < len(shape):
        return text[len(text) - len(paste) :] if paste else ""
    return swapped_ids(first.head, text, paste) if shape.find(ID_MASK, 1) >= 0 else paste


def _text(head: Buffer | str) -> str:
    return head if isinstance(head, str) else bytes(head).decode("utf-8", errors="replace")


def settle_untimed(report: ScanReport, heads: dict[str, list[bytes | str]]) -> None:
    """Give each group the times of its first, last, lowest and highest line counted without one (Triage.settle)."""
    for said, lines in heads.items():
        if (group := report.other.get(said)) is None:
            continue
        for line in {_text(head) for head in lines}:  # in a log in time order, the same two
            if (when := record_time(line)) is not None:
                group.seen_at(when)


def fold_untimed(heads: dict[str, list[bytes | str]], later: dict[str, list[bytes | str]], texts: dict[str, str]) -> None:
    """Fold a later range's ``handed`` lines (under its group texts, named ``texts`` here) into ``heads``: the first
    stays, the last is the later's, the lowest and highest in byte order of both (bytes, as _keep_untimed keeps them)."""
    for said, (first, last, low, high) in later.items():
        said = texts.get(said, said)
        if (kept := heads.get(said)) is None:
            heads[said] = [first, last, low, high]
            continue
        kept[1] = last
        kept[2] = min(kept[2], low, key=_bytes)
        kept[3] = max(kept[3], high, key=_bytes)


def _bytes(line: Buffer | str) -> bytes:
    return line.encode("utf-8", errors="replace") if isinstance(line, str) else bytes(line)

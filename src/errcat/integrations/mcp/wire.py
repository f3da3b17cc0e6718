"""``errcat mcp`` on stdin/stdout: the SDK's stdio transport, fed lines its JSON parser takes.

A JSON string may hold a lone UTF-16 surrogate as an escape (``"\\ud83d"``): JavaScript's
``JSON.stringify`` writes one for a paste cut in the middle of an emoji, and an assistant written in
JavaScript sends it as such. The SDK's parser refuses such a line as invalid JSON and drops it
without an answer, so the assistant would wait for its call forever. Each lone surrogate escape is
read as U+FFFD (what a byte that is not UTF-8 already becomes) before the SDK parses the line;
a surrogate pair, an escaped backslash and every other escape stay as they are.

Two more things the SDK's stdio loop does not do, and a client piping its calls in needs
(``printf '...' | errcat mcp``, a script, an inspector replaying a session): every request read is
answered before the server ends at the end of its input (the SDK cancels the calls still running,
and their answers never come), and a line that is not a JSON-RPC message gets JSON-RPC's error for
it (-32700 or -32600, id null; the SDK drops it, and a client waiting on it waits forever). The
error names no part of the line, which may hold a paste.

A JSON-RPC batch (a line holding an array of messages), which MCP 2025-03-26 requires a server to
receive and the SDK still negotiates, was refused whole as one invalid request: its calls were never
answered. Its messages are read one by one, and their answers (an invalid member's error among them)
go back as one array once the last is ready, as JSON-RPC 2.0 says; a batch of notifications alone
gets no answer. MCP 2025-06-18 removed batches: in a session of that version or a later one, a batch
line is one Invalid Request (-32600, id null, none of its messages read), as the specification has a
message that is not one request, notification or response.
"""

from __future__ import annotations

import collections
import contextlib
import io
import json
import math
import re
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import anyio

if TYPE_CHECKING:
    from mcp.server.mcpserver import MCPServer
    from mcp.shared.message import SessionMessage

DRAIN_SECONDS = 120.0  # the longest the server waits at the end of its input for calls still running
# Characters of one message line: a paste is cut at 2 MB, and JSON's escapes (\u0001 for one byte) make that 12 MB
# at most. A longer line is read to its end and dropped, and refused with an error: its only bound was memory.
MAX_LINE = 16 << 20

# Escapes in order, left to right: a surrogate pair, a lone surrogate, any other escape (``\\\\`` included,
# so the ``u`` after an escaped backslash is never taken for an escape of its own).
_ESCAPE = re.compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|\\u[dD][89a-fA-F][0-9a-fA-F]{2}|\\.")
_LONE = len(r"\ud83d")


def _escape(match: re.Match[str]) -> str:
    text = match.group()
    return r"\ufffd" if len(text) == _LONE else text


def well_formed(line: str) -> str:
    """``line`` with every lone surrogate escape of its JSON strings replaced by ``\\ufffd``."""
    return _ESCAPE.sub(_escape, line) if "\\u" in line else line


# What the SDK cannot refuse by itself: a request whose id is no string or number ("id": null, [1],
# true; a number with a fraction or an exponent is answered, see _NumberIds). MCP allows only those; the SDK's
# parser reads such a line as a notification (its id dropped) and never answers it, so the client waits forever.
NO_MESSAGE = '{"jsonrpc": "2.0"}\n'  # no request, notification or answer: the SDK refuses it, and is answered


class _Huge:
    """An integer written with more digits than Python reads (``sys.get_int_max_str_digits()``, 4,300): the SDK's
    parser refused its line as "not JSON", id null, and the client waited for its call's answer forever (hostile37)."""


_HUGE = _Huge()


def _loads(line: str) -> tuple[Any, bool]:
    """``line`` read as JSON, each integer too long to read as ``_HUGE``, and whether there was one; raises
    ValueError or RecursionError as ``json.loads`` does."""
    huge = False

    def number(text: str) -> int | _Huge:
        nonlocal huge
        try:
            return int(text)
        except ValueError:  # json's own pattern read it: only the digit limit refuses it
            huge = True
            return _HUGE

    return json.loads(line, parse_int=number), huge


def _as_request(line: str) -> dict[str, Any] | None:
    """``line`` read as a request (a JSON object with a method and an id), or None."""
    return _read_request(line)[0]


def _read_request(line: str) -> tuple[dict[str, Any] | None, bool]:
    """``line`` read as a request, or None; and whether it writes an integer too long to read (see _Huge)."""
    if '"id"' not in line or '"method"' not in line:  # every request has both; a notification no id
        return None, False
    try:
        message, huge = _loads(line)
    except (ValueError, RecursionError):  # the SDK's parser says so, as the parse error
        return None, False
    if isinstance(message, dict) and "method" in message and "id" in message:
        return message, huge
    return None, False


def _too_long_number(request: dict[str, Any]) -> _Misshapen:
    """The refusal of a request writing an integer longer than the server reads: with its id, unless that is the
    integer (or no string or integer), as no answer can write it back."""
    digits = f"{sys.get_int_max_str_digits():,}"
    if request["id"] is _HUGE:
        return _Misshapen(None, f'its "id" is an integer of over {digits} digits, more than the server reads')
    request_id = None if _bad_request_id(request) else request["id"]
    return _Misshapen(request_id, f"it writes an integer of over {digits} digits, more than the server reads")


def _bad_request_id(request: dict[str, Any]) -> bool:
    """Whether a request's id is no string or integer."""
    request_id = request["id"]
    return isinstance(request_id, bool) or not isinstance(request_id, str | int)


class _NumberIds:
    """Requests whose id is a number written with a fraction or an exponent (``1.0``, ``1e2``, ``1.5``). MCP's schema
    allows any number (``RequestId = string | number``) and JSON-RPC answers with the same value, but the SDK reads
    integers alone: it refused such a request with id null, and the client waited for its call forever. The SDK
    is handed the request under a stand-in string id, and its answer goes out with the number sent."""

    PREFIX = "\x00errcat-number-id-"  # no client writes a NUL at the start of an id

    def __init__(self) -> None:
        self.sent: dict[str, float] = {}
        self._count = 0

    def stand_in(self, request: dict[str, Any]) -> tuple[str, _Misshapen | None]:
        """The request's line with its number id replaced by a stand-in; a number beyond JSON's (1e400, read as
        infinity) cannot be written back, and is refused as such with id null."""
        number = request["id"]
        if not math.isfinite(number):
            return NO_MESSAGE, _Misshapen(None, 'its "id" is a number too large to write back (over 1.8e308)')
        self._count += 1
        token = f"{self.PREFIX}{self._count}"
        self.sent[token] = number
        return json.dumps({**request, "id": token}, ensure_ascii=False) + "\n", None

    def restored(self, answer: dict[str, Any]) -> dict[str, Any]:
        """An answer (as JSON values) with the number its request was sent with, when it had a stand-in."""
        request_id = answer.get("id")
        if isinstance(request_id, str) and request_id in self.sent:
            return {**answer, "id": self.sent[request_id]}
        return answer

    def settled(self, request_id: Any) -> None:
        if isinstance(request_id, str):
            self.sent.pop(request_id, None)

    def cancelling(self, line: str) -> str:
        """A notifications/cancelled line naming a request sent with a number id under that request's stand-in (the
        SDK dropped it as malformed, and the call ran on); any other line as it is."""
        message = _request(line, "notifications/cancelled")
        params = message.get("params") if message is not None else None
        number = params.get("requestId") if isinstance(params, dict) else None
        if message is None or not isinstance(number, float):
            return line
        tokens = [token for token, sent in self.sent.items() if sent == number] or [f"{self.PREFIX}answered"]
        return json.dumps({**message, "params": {**params, "requestId": tokens[-1]}}, ensure_ascii=False) + "\n"  # type: ignore[dict-item]


class _Misshapen:
    """A request with a string or integer id that is no request the SDK reads: its "params" a list or a string, its
    "method" no string, its "jsonrpc" not "2.0". The SDK refused it with id null, and a client waited for its id
    forever; it is handed on as no message and refused with its id and what is wrong with it."""

    def __init__(self, request: str | int | None, wrong: str) -> None:
        self.id = request
        self.wrong = wrong


def _misshapen(request: dict[str, Any]) -> _Misshapen | None:
    if request.get("jsonrpc") != "2.0":
        wrong = 'its "jsonrpc" is not "2.0"'
    elif not isinstance(request["method"], str):
        wrong = 'its "method" is not a string'
    elif not isinstance(request.get("params"), dict | None):
        wrong = 'its "params" is not an object'
    else:
        return None
    return _Misshapen(request["id"], wrong)


def _refusing(origin: Any, refused: _Misshapen) -> Any:
    """The origin of a request refused with its id and why: the refusal itself for a line of its own; for a batch's
    member its place, the refusal kept in its batch. A member refused so lost its place: the error went out alone,
    and the other members' answers never (hostile40: [{"id":1e400,...},{"id":5,...}] left 5 unanswered)."""
    if isinstance(origin, tuple):
        batch, place = origin
        batch.refused[place] = refused
        return origin
    return refused


@dataclass(eq=False)
class _Batch:
    """A JSON-RPC batch being answered: its members in order, the requests not yet answered, the answers."""

    size: int
    seen: int = 0
    pending: set[Any] = field(default_factory=set)
    answers: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    refused: dict[int, _Misshapen] = field(default_factory=dict)  # members refused with their id (see _refusing)

    def done(self) -> bool:
        return self.seen == self.size and not self.pending

    def as_message(self) -> _BatchAnswer:
        return _BatchAnswer([answer for _, answer in sorted(self.answers, key=lambda a: a[0])])


class _BatchAnswer:
    """A batch's answers as the SDK's stdout writer sends a message: one line of JSON, here an array (or one answer,
    an object, whose id the SDK's models cannot hold: see _NumberIds)."""

    def __init__(self, answers: list[dict[str, Any]] | dict[str, Any]) -> None:
        self.answers = answers

    def model_dump_json(self, **_: Any) -> str:
        return json.dumps(self.answers, ensure_ascii=False, separators=(",", ":"))


class _TooLong:
    """Where a line over MAX_LINE came from: none of it was kept, it is refused, answered with its
    request's id when its first part says it (``request_id``): a client never answered its id (the
    SDK's) waited for ever."""

    def __init__(self, request: str | int | None) -> None:
        self.id = request


class _Line:
    """Where a line of one message came from: its first part, to answer a request the SDK refuses with its id (a shape
    _Misshapen does not name): answered with id null, the client's call waited for ever (integ25: the SDK's client
    raises nothing for it until its own time-out, if it has one)."""

    def __init__(self, head: str) -> None:
        self.head = head

    @property
    def id(self) -> str | int | None:
        """The line's request id, when it is JSON (read whole: within HEAD) with a string "method" and a string or
        integer "id"."""
        request = _as_request(self.head)
        if request is None or not isinstance(request["method"], str) or _bad_request_id(request):
            return None  # not JSON, no request (an answer or a notification has no id to fail), or no usable id
        found: str | int = request["id"]
        return found


HEAD = 1 << 16  # characters of a line over MAX_LINE kept to find its request's id
# a JSON string or a bracket: the tokens that tell a message's top level in its first part
_JSON_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.){0,1024}+"|[{}\[\]]')
_HALF_PAIR = re.compile("[\ud800-\udfff]")
_ID_VALUE = re.compile(r'\s*:\s*(-?\d{1,18}(?![\d.eE])|"(?:[^"\\\n]|\\.){0,256}+")')


def request_id(head: str) -> str | int | None:
    """The top-level "id" of the request a line over MAX_LINE begins with (``head``), when it and the
    "method" stand before its "params" (the SDK writes {"jsonrpc":"2.0","id":2,"method":...,"params":...});
    None otherwise: what follows the params was cut, and no id is guessed."""
    depth, found, method = 0, None, False
    for token in _JSON_TOKEN.finditer(head):
        t = token[0]
        if t in "{[":
            depth += 1
        elif t in "}]":
            depth -= 1
        elif depth == 1 and t == '"id"' and (value := _ID_VALUE.match(head, token.end())):
            found = _id_of(value[1])
        elif depth == 1 and t in ('"method"', '"params"'):
            method = method or t == '"method"'
            if t == '"params"':
                break
    return found if method and isinstance(found, str | int) and not isinstance(found, bool) else None


def _id_of(written: str) -> str | int | None:
    """An id as JSON writes it; None for one that is no JSON ("\\x") or cannot be written back (half a surrogate pair):
    the refusal is then sent with no id, as for a line whose id is not read, and the server goes on."""
    try:
        found = json.loads(written)
    except ValueError:
        return None
    return None if isinstance(found, str) and not found.isascii() and _HALF_PAIR.search(found) else found


# The last protocol version whose sessions may send JSON-RPC batches (2025-06-18 removed them).
LAST_WITH_BATCHES = "2025-03-26"
# What the reader hands the SDK for a batch its session's version has none of: a line that is no
# message, marked as such in the origins (refused on the event loop with why).
NO_BATCH = object()


def _request(line: str, method: str) -> dict[str, Any] | None:
    """The JSON-RPC message ``line`` holds when it is an object calling ``method``; None for any other line."""
    if f'"{method}"' not in line:
        return None
    try:
        message = json.loads(line)
    except (ValueError, RecursionError):
        return None
    return message if isinstance(message, dict) and message.get("method") == method else None


def session_version(line: str) -> str | None:
    """The protocol version a session will have if ``line`` is its initialize request: the one the
    client asks for when the SDK speaks it, else the SDK's latest (mcp 2.3's ServerRunner._negotiate_initialize)."""
    message = _request(line, "initialize")
    if message is None or "id" not in message:
        return None
    from mcp_types.version import HANDSHAKE_PROTOCOL_VERSIONS, LATEST_HANDSHAKE_VERSION

    params = message.get("params")
    asked = params.get("protocolVersion") if isinstance(params, dict) else None
    return asked if asked in HANDSHAKE_PROTOCOL_VERSIONS else LATEST_HANDSHAKE_VERSION


# A member of a batch: the batch and the member's place in it. The reader thread puts one ``_Member`` or
# None (a line of its own) in ``_WellFormedLines.origins`` for each line it hands the SDK, which reads each
# line into one message or one exception, in order: the read stream takes one per item it receives.
_Member = tuple[_Batch, int]


def _members(line: str) -> list[tuple[str, _Misshapen | None]] | None:
    """The messages of a batch line, each as a line of its own with its refusal when it is one already (see
    _member_line); None when ``line`` is no (non-empty) batch."""
    if not line.lstrip().startswith("["):
        return None
    try:
        batch, _ = _loads(line)
    except (ValueError, RecursionError):  # the SDK's parser says so, as the parse error
        return None
    if not isinstance(batch, list) or not batch:  # JSON-RPC: an empty array is one invalid request
        return None
    return [_member_line(member) for member in batch]


def _member_line(member: Any) -> tuple[str, _Misshapen | None]:
    """A batch's member as a line of its own; one writing an integer too long to read (see _Huge) as no message, an
    invalid member of its batch refused as a line of its own would be, as the other members are read and answered."""
    try:
        return json.dumps(member, ensure_ascii=False) + "\n", None
    except TypeError:
        request = member if isinstance(member, dict) and "method" in member and "id" in member else None
        return NO_MESSAGE, None if request is None else _too_long_number(request)


class _WellFormedLines(io.TextIOWrapper):
    """stdin as UTF-8 text lines (undecodable bytes as U+FFFD, as the SDK reads them), well formed, blank ones skipped,
    a batch's messages one line each; closing it leaves the process's stdin open, as the SDK's own wrapper does."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.origins: collections.deque[_Member | object | None] = collections.deque()  # read on the event loop
        self._queued: collections.deque[tuple[str, _Member | None]] = collections.deque()
        self._head = ""  # the first part of the last line read (see _TooLong)
        self.batches = True  # until an initialize asks for a version without them
        self.version: str | None = None  # the session's protocol version, once an initialize is read
        self.number_ids = _NumberIds()

    def readline(self, size: int = -1, /) -> str:  # type: ignore[override]  # typeshed: _IOBase's bytes
        line, origin = self._queued.popleft() if self._queued else self._next_line(size)
        request, huge = _read_request(line)
        refused: _Misshapen | None = None
        if request is not None and huge:
            refused = _too_long_number(request)
        elif request is not None and isinstance(request["id"], float):
            line, refused = self.number_ids.stand_in(request)
            refused = refused or _misshapen(json.loads(line))
        elif request is not None and _bad_request_id(request):
            line = NO_MESSAGE
        elif request is None:
            line = self.number_ids.cancelling(line)
        else:
            refused = _misshapen(request)
        if refused is not None:  # refused with its id, not the SDK's id null
            line, origin = NO_MESSAGE, _refusing(origin, refused)
        if line:
            self.origins.append(origin)
        return line

    def _next_line(self, size: int) -> tuple[str, _Member | object | None]:
        line = self._bounded()
        while line and not line.strip():  # a blank line between messages is no message to refuse
            line = self._bounded()
        if line is None:
            return NO_MESSAGE, _TooLong(request_id(self._head))  # refused by the SDK, and answered as too long
        line = well_formed(line)
        members = _members(line)
        if members is None:
            version = session_version(line)
            self.batches = self.batches if version is None else version <= LAST_WITH_BATCHES  # dates: YYYY-MM-DD
            self.version = version or self.version
            return line, _Line(self._head)
        if not self.batches:
            return NO_MESSAGE, NO_BATCH
        batch = _Batch(len(members))
        batch.refused = {place: refused for place, (_, refused) in enumerate(members) if refused is not None}
        self._queued.extend((member, (batch, place)) for place, (member, _) in enumerate(members))
        return self._queued.popleft()

    def _bounded(self) -> str | None:
        """The next line; None for one over MAX_LINE characters, read to its end a part at a time and dropped."""
        line = super().readline(MAX_LINE)
        self._head = line[:HEAD]
        if len(line) < MAX_LINE or line.endswith("\n"):
            # a byte-order mark before a message (Windows tools write one at the start of their output): JSON
            # lets a parser ignore it (RFC 8259, 8.1), the SDK's refused the line, initialize among them
            return line.removeprefix("\ufeff")
        self._dropped()
        return None

    def _dropped(self) -> None:
        """The rest of a line over MAX_LINE characters read, a part at a time, and dropped."""
        while (rest := super().readline(MAX_LINE)) and not rest.endswith("\n"):
            pass

    def close(self) -> None:
        with contextlib.suppress(ValueError):  # already detached
            self.detach()


class _StdinReads:
    """The lines of ``lines`` for the SDK's stdin reader, each read on a daemon thread of their own and awaited so a
    cancel leaves it: anyio's file wrapper reads on a worker thread a cancel waits for, so a client that closed the
    server's stdout (its answer met a broken pipe) but kept stdin open left the server alive until its next line
    (hostile40's leftover), and a daemon thread does not hold the process at its exit either."""

    def __init__(self, lines: _WellFormedLines) -> None:
        import queue
        import threading

        self._lines = lines
        self._asks: queue.SimpleQueue[tuple[Any, Any]] = queue.SimpleQueue()
        threading.Thread(target=self._read, name="errcat-stdin", daemon=True).start()

    def _read(self) -> None:
        while True:
            loop, waiting = self._asks.get()
            try:
                line, failed = self._lines.readline(), None
            except Exception as exc:  # handed to the awaiting task, which raises it
                line, failed = "", exc
            with contextlib.suppress(RuntimeError):  # the event loop closed: nobody is waiting
                loop.call_soon_threadsafe(_settle, waiting, line, failed)

    async def readline(self) -> str:
        import asyncio

        loop = asyncio.get_running_loop()
        waiting = loop.create_future()
        self._asks.put((loop, waiting))
        return await waiting  # type: ignore[no-any-return]

    async def __aiter__(self) -> Any:
        while line := await self.readline():
            yield line


def _settle(waiting: Any, line: str, failed: Exception | None) -> None:
    if not waiting.done():  # not cancelled
        waiting.set_exception(failed) if failed is not None else waiting.set_result(line)


class _Unanswered:
    """The ids of the requests read and not yet answered (nor cancelled by the client), each with how many
    requests carry it: a client that sends one id twice (``printf`` of the same call twice) got the first
    answer only, as the end of its input waited for the id once (hostile36)."""

    def __init__(self) -> None:
        self.ids: collections.Counter[Any] = collections.Counter()
        self.none_left = anyio.Event()
        self.none_left.set()

    def asked(self, request_id: Any) -> None:
        if self.none_left.is_set():
            self.none_left = anyio.Event()
        self.ids[request_id] += 1

    def settled(self, request_id: Any) -> None:
        if self.ids[request_id] > 1:
            self.ids[request_id] -= 1
        else:
            del self.ids[request_id]
        if not self.ids:
            self.none_left.set()


class _Batches:
    """The requests read from a batch, by id, until each is answered (or cancelled)."""

    def __init__(self) -> None:
        self.by_id: dict[Any, tuple[_Batch, int]] = {}

    def read(self, member: _Member, message: Any) -> _Batch | None:
        """Note a member read from its batch; the batch when it is complete (nothing left to answer)."""
        batch = member[0]
        batch.seen += 1
        if message is not None and getattr(message, "method", None) is not None and hasattr(message, "id"):
            batch.pending.add(message.id)
            self.by_id[message.id] = member
        return batch if batch.done() else None

    def answered(self, request_id: Any, answer: dict[str, Any] | None) -> _Batch | None:
        """Keep the answer of a batch's request (None: cancelled, none comes); the batch when it is complete."""
        batch, place = self.by_id.pop(request_id)
        batch.pending.discard(request_id)
        if answer is not None:
            batch.answers.append((place, answer))
        return batch if batch.done() else None


class _Wrapped:
    """A stream of the SDK's that passes on what it does not do itself (close, aclose, clone)."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    async def __aenter__(self) -> Any:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._inner.aclose()


class _Answering(_Wrapped):
    """The server's write stream, settling each request it carries the answer of; the answers of a
    batch's requests are kept, and sent as one array with the last of them."""

    def __init__(self, inner: Any, unanswered: _Unanswered, batches: _Batches) -> None:
        super().__init__(inner)
        self._unanswered = unanswered
        self._batches = batches
        self.initialize_read = False
        self.too_early: set[Any] = set()  # requests read before any initialize (a ping is allowed then)
        self.params_wrong: dict[Any, str] = {}  # what is wrong with a request's params, by its id (see _params_wrong)
        self.number_ids = _NumberIds()  # the reader's, once the session is set up

    async def send(self, item: SessionMessage) -> None:
        from mcp.types import JSONRPCError, JSONRPCResponse

        answer = item.message if isinstance(item.message, JSONRPCResponse | JSONRPCError) else None
        if isinstance(answer, JSONRPCError):
            item = _gated(_not_initialized(item, answer) if answer.id in self.too_early else item)
            item = _said_wrong(item, self.params_wrong.get(answer.id))
            answer = item.message  # type: ignore[assignment]  # a JSONRPCError still
        try:
            if answer is not None and answer.id is not None and answer.id in self._batches.by_id:
                kept = answer.model_dump(mode="json", by_alias=True, exclude_unset=True)
                batch = self._batches.answered(answer.id, self.number_ids.restored(kept))
                if batch is not None:
                    await self.send_batch(batch)
                return
            await self._inner.send(self._with_number_id(item, answer))
        finally:  # sent, or never to be: either way no answer to wait for
            if answer is not None and answer.id is not None:
                self.number_ids.settled(answer.id)
                self._unanswered.settled(answer.id)
                self.too_early.discard(answer.id)
                self.params_wrong.pop(answer.id, None)

    def _with_number_id(self, item: SessionMessage, answer: Any) -> SessionMessage:
        """An answer to a request sent with a number id (see _NumberIds) with that number; any other as it is."""
        from mcp.shared.message import SessionMessage

        if answer is None or not isinstance(answer.id, str) or answer.id not in self.number_ids.sent:
            return item
        written = self.number_ids.restored(answer.model_dump(mode="json", by_alias=True, exclude_unset=True))
        return SessionMessage(_BatchAnswer(written), item.metadata)  # type: ignore[arg-type]  # one JSON line

    async def send_batch(self, batch: _Batch) -> None:
        """A complete batch's answers as one array (none at all for a batch of notifications alone)."""
        from mcp.shared.message import SessionMessage

        kept, batch.answers = batch.answers, [(place, self.number_ids.restored(answer)) for place, answer in batch.answers]
        for _, answer in kept:  # a member refused with a stand-in id (see _refusing) has no answer of its own
            self.number_ids.settled(answer.get("id"))
        if batch.answers:
            await self._inner.send(SessionMessage(batch.as_message()))  # type: ignore[arg-type]  # one JSON line


def _batch_refused() -> Any:
    """The answer to a batch in a session whose protocol version has none (MCP 2025-06-18 and later)."""
    from mcp.types import INVALID_REQUEST, ErrorData, JSONRPCError

    said = (
        "Invalid Request: JSON-RPC batches are not part of this session's MCP version (2025-06-18 removed them); "
        "send each message on a line of its own"
    )
    return JSONRPCError(jsonrpc="2.0", id=None, error=ErrorData(code=INVALID_REQUEST, message=said))


def _params_wrong(method: str, params: Any, version: str | None) -> str | None:
    """What is wrong with a request's params, as the SDK's check of them finds it: it answers "Invalid request
    parameters" and nothing more (tools/call with a number for "name", logging/setLevel "loud"), and a client is not
    told which. Each field's place and what it should be, never its value (a paste may hold a credential)."""
    from mcp_types import methods
    from mcp_types.version import LATEST_HANDSHAKE_VERSION
    from pydantic import ValidationError

    from ...gate import shown

    if method not in methods.SPEC_CLIENT_METHODS:
        return None
    try:
        methods.validate_client_request(method, version or LATEST_HANDSHAKE_VERSION, params)
    except ValidationError as exc:
        found = exc.errors(include_url=False, include_input=False, include_context=False)
        said = [f"{'.'.join(map(str, e['loc'][1:] or ('params',)))!r}: {e['msg'][:120]}" for e in found[:3]]
        return shown("; ".join(said) + (f" (and {len(found) - 3} more)" if len(found) > 3 else ""))  # a validator's words
    except (KeyError, ValueError):  # a version or method the SDK refuses by other words
        return None
    return None


def _said_wrong(item: SessionMessage, wrong: str | None) -> SessionMessage:
    """The SDK's bare "Invalid request parameters" saying what is wrong (see _params_wrong); any other error as it is."""
    from mcp.shared.message import SessionMessage
    from mcp.types import ErrorData, JSONRPCError

    answer = item.message
    if wrong is None or not isinstance(answer, JSONRPCError) or answer.error.message != "Invalid request parameters":
        return item
    error = ErrorData(code=answer.error.code, message=f"Invalid request parameters: {wrong}")
    return SessionMessage(JSONRPCError(jsonrpc="2.0", id=answer.id, error=error))


def _not_initialized(item: SessionMessage, answer: Any) -> SessionMessage:
    """The SDK's refusal of a request sent before ``initialize`` ("Invalid request parameters", though the
    parameters may be right) saying what is wrong; any other error of that request as it is."""
    from mcp.shared.message import SessionMessage
    from mcp.types import ErrorData, JSONRPCError

    error = answer.error
    if error.message != "Invalid request parameters" or error.data:
        return item
    said = "Invalid request parameters: the session is not initialized (send initialize, then this request)"
    return SessionMessage(JSONRPCError(jsonrpc="2.0", id=answer.id, error=ErrorData(code=error.code, message=said)))


MAX_ERROR_TEXT = 1_000  # characters of one string of an error: an unknown method's name of 10 MB came back whole


def _gated(item: SessionMessage) -> SessionMessage:
    """An error answer with every string of its message and data through the exit gate, and cut: the
    SDK quotes what it refuses as sent (an unknown method's name, whole, in ``data``), and a name or a
    URI may be a pasted token."""
    from mcp.shared.message import SessionMessage
    from mcp.types import ErrorData, JSONRPCError

    from ...gate import shown

    def gate(value: Any) -> Any:
        if isinstance(value, str):
            cut = value if len(value) <= MAX_ERROR_TEXT else f"{value[:MAX_ERROR_TEXT]}… ({len(value):,} characters)"
            return shown(cut)
        if isinstance(value, dict):
            return {gate(k): gate(v) for k, v in value.items()}
        if isinstance(value, list):
            return [gate(v) for v in value]
        return value

    answer = item.message
    error = answer.error  # type: ignore[union-attr]  # send() passes a JSONRPCError alone
    gated = ErrorData(code=error.code, message=gate(error.message), data=gate(error.data))
    return SessionMessage(JSONRPCError(jsonrpc="2.0", id=answer.id, error=gated), item.metadata)  # type: ignore[union-attr]


class _UntilAnswered(_Wrapped):
    """The server's read stream: notes each request, answers a line that is no JSON-RPC message
    itself, and at the end of the input waits (up to DRAIN_SECONDS) until every request is answered."""

    def __init__(self, inner: Any, write: _Answering, unanswered: _Unanswered, lines: _WellFormedLines) -> None:
        super().__init__(inner)
        self._write = write
        self._unanswered = unanswered
        self._lines = lines

    @property
    def last_context(self) -> Any:  # the SDK runs each handler in the context its message was sent from
        return self._inner.last_context

    async def receive(self) -> SessionMessage:
        from mcp.shared.message import SessionMessage

        while True:
            try:
                item = await self._inner.receive()
            except anyio.EndOfStream:
                with anyio.move_on_after(DRAIN_SECONDS):
                    await self._unanswered.none_left.wait()
                raise
            member = self._lines.origins.popleft() if self._lines.origins else None
            if member is NO_BATCH:
                await self._write.send(SessionMessage(_batch_refused()))
                continue
            if isinstance(item, Exception):
                await self._refuse(item, member)
                continue
            message = item.message
            await self._note(message)
            if isinstance(member, tuple):
                await self._settle(self._write._batches.read(member, message))
            return item  # type: ignore[no-any-return]

    async def _note(self, message: Any) -> None:
        """A request is unanswered until its answer goes out (and refused if it comes before initialize);
        a cancelled one is settled, as the SDK never answers it."""
        from mcp.types import JSONRPCNotification, JSONRPCRequest

        if isinstance(message, JSONRPCRequest):
            self._unanswered.asked(message.id)
            if message.method == "initialize":
                self._write.initialize_read = True
            elif not self._write.initialize_read and message.method != "ping":
                self._write.too_early.add(message.id)
            if (wrong := _params_wrong(message.method, message.params, self._lines.version)) is not None:
                self._write.params_wrong[message.id] = wrong
        elif isinstance(message, JSONRPCNotification) and message.method == "notifications/cancelled":
            cancelled = (message.params or {}).get("requestId")
            if isinstance(cancelled, bool) or not isinstance(cancelled, str | int):
                return  # no request's id ([1], {}, null): nothing to cancel; a list's was a TypeError that ended the server
            self._unanswered.settled(cancelled)  # the SDK answers it never
            self._write.number_ids.settled(cancelled)
            if cancelled in self._write._batches.by_id:
                await self._settle(self._write._batches.answered(cancelled, None))

    async def _settle(self, batch: _Batch | None) -> None:
        if batch is not None:
            await self._write.send_batch(batch)

    async def _refuse(self, exc: Exception, member: _Member | object | None) -> None:
        from mcp.shared.message import SessionMessage
        from mcp.types import INVALID_REQUEST, PARSE_ERROR, ErrorData, JSONRPCError

        errors = getattr(exc, "errors", None)
        kinds = {e.get("type") for e in errors()} if callable(errors) else set()
        said = member[0].refused.pop(member[1], None) if isinstance(member, tuple) else member
        if isinstance(said, _Misshapen):
            error = ErrorData(code=INVALID_REQUEST, message=f"Invalid Request: {said.wrong}")
        elif isinstance(said, _TooLong):
            error = ErrorData(
                code=INVALID_REQUEST,
                message=f"Invalid Request: the line is over {MAX_LINE >> 20} MiB, not read (a paste is read up to 2 MB)",
            )
        elif "json_invalid" in kinds and any("recursion" in str(e.get("msg")) for e in errors()):  # type: ignore[misc]
            error = ErrorData(code=PARSE_ERROR, message="Parse error: the line's JSON nests deeper than the server reads")
        elif "json_invalid" in kinds and any("number out of range" in str(e.get("msg")) for e in errors()):  # type: ignore[misc]
            digits = f"{sys.get_int_max_str_digits():,}"
            error = ErrorData(code=PARSE_ERROR, message=f"Parse error: a number in the line has over {digits} digits")
        elif "json_invalid" in kinds:
            error = ErrorData(code=PARSE_ERROR, message="Parse error: the line is not JSON")
        else:
            error = ErrorData(
                code=INVALID_REQUEST,
                message="Invalid Request: no JSON-RPC request, notification or answer (a request's id is a string or a number)",
            )
        request = said.id if isinstance(said, _TooLong | _Misshapen | _Line) and error.code == INVALID_REQUEST else None
        refusal = JSONRPCError(jsonrpc="2.0", id=request, error=error)
        if not isinstance(member, tuple):
            await self._write.send(SessionMessage(refusal))
            return
        batch, place = member
        batch.answers.append((place, refusal.model_dump(mode="json", by_alias=True, exclude_unset=True)))
        await self._settle(self._write._batches.read(member, None))

    def __aiter__(self) -> _UntilAnswered:
        return self

    async def __anext__(self) -> SessionMessage:
        try:
            return await self.receive()
        except anyio.EndOfStream:
            raise StopAsyncIteration from None


def _own_stdin() -> Any:
    """A reader of stdin of the server's own: its reading thread (see _StdinReads) may be in a read when the process
    ends, and sys.stdin's, locked by it, made Python's exit a fatal error (SIGABRT)."""
    try:
        return open(sys.stdin.fileno(), "rb", closefd=False)  # as long as the process
    except (AttributeError, OSError, ValueError):  # no file descriptor (a test's stand-in)
        return sys.stdin.buffer


async def _serve(server: MCPServer[Any]) -> None:
    from mcp.server.stdio import stdio_server

    lines = _WellFormedLines(_own_stdin(), encoding="utf-8", errors="replace")
    async with stdio_server(stdin=_StdinReads(lines)) as (read, write):  # type: ignore[arg-type]  # lines, as AsyncFile
        unanswered = _Unanswered()
        answering = _Answering(write, unanswered, _Batches())
        answering.number_ids = lines.number_ids
        # MCPServer.run("stdio") is this with the SDK's own stdin reader (mcp 2.3, mcpserver/server.py)
        lowlevel = server._lowlevel_server
        options = lowlevel.create_initialization_options()
        await lowlevel.run(_UntilAnswered(read, answering, unanswered, lines), answering, options)


def serve_stdio(server: MCPServer[Any]) -> None:
    """Serve ``server`` over stdin/stdout until the client closes stdin. A client that closes its
    end of stdout is gone too: the BrokenPipeError the SDK's writer meets (in a task group's
    ExceptionGroup, a traceback) is raised alone, as the CLI takes a reader gone from any command.
    So is an OSError of stdout itself (``errcat mcp > /dev/full``: ENOSPC), which the CLI says in one line."""
    try:
        anyio.run(_serve, server)
    except BaseExceptionGroup as group:
        _gone, rest = group.split((BrokenPipeError, ConnectionResetError))
        if rest is None:
            raise BrokenPipeError("the client closed the connection") from None
        failed, others = rest.split(OSError)
        if others is not None or failed is None:
            raise
        first = failed.exceptions[0]
        while isinstance(first, BaseExceptionGroup):  # nested task groups
            first = first.exceptions[0]
        raise first from None

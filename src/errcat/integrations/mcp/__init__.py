"""errcat as an MCP server: what an AI coding assistant calls to explain an API error from the
catalog instead of guessing. ``errcat mcp`` serves it over stdio (``pip install 'errcat[mcp]'``).

Tools (read-only): explain, lookup, search, list_vendors, retry_advice; each returns the CLI's
versioned ``--format json`` document as structured content (with its JSON Schema as the tool's
output schema) and the same JSON as text, cut to fit an assistant's context (bounds.py).
Resources: the reference pages (``errcat://docs/index``, ``errcat://docs/<vendor>``) generated
from the catalog in use. A prompt, ``explain_api_error``, tells the assistant how to use them.
errcat's own errors come back as tool errors carrying errcat's message; stdout is the protocol,
so nothing else is ever written there.

Nothing in errcat imports this module but ``errcat mcp``: the SDK stays off every other path.
"""

from __future__ import annotations

import contextlib
import re
import sys
import threading
from collections.abc import Awaitable, Callable, Coroutine
from importlib.util import find_spec
from pathlib import Path
from typing import Annotated, Any, TypeVar

from .. import needs

try:  # the SDK and what it brings (anyio, pydantic), none of them errcat's own dependencies
    import anyio
    from mcp.server.mcpserver import Context, MCPServer
    from mcp.server.mcpserver.exceptions import ResourceError, ResourceNotFoundError, ToolError
    from mcp.server.mcpserver.resources import FunctionResource
    from mcp.server.mcpserver.tools import Tool
    from mcp.server.mcpserver.utilities.func_metadata import FuncMetadata
    from mcp.shared.exceptions import MCPError
    from mcp.types import INVALID_PARAMS, CallToolResult, TextContent, ToolAnnotations
    from pydantic import BeforeValidator, Field, Strict
    from pydantic_core import PydanticCustomError
except ImportError as missing:  # imported without its extra: with no SDK at all, anyio fails first; name the SDK
    raise needs("mcp", "mcp", missing if find_spec("mcp") else ModuleNotFoundError(name="mcp")) from None

from ... import __version__
from ...api import ErrorCatalog
from ...errors import CatalogError, ErrcatError, UsageError
from . import schemas
from .bounds import MAX_CHARS, bounded_advice, bounded_explain, bounded_lookup, bounded_search, bounded_vendors, compact
from .stopping import Use, WorkStopped

__all__ = ["CatalogInUse", "build_server", "serve"]

T = TypeVar("T")

INSTRUCTIONS = (
    "errcat explains error responses of the MYOB Business API, Sage Business Cloud Accounting, InvoiceXpress and "
    "ProSpend from a catalog built from the vendors' own documents. When the user shows an HTTP error response, a "
    "log line or an exception from one of these APIs, call `explain` with the text as it is (errcat removes "
    "credentials before reading it) rather than guessing; `lookup` takes a code, name or status, `search` words. "
    "Each answer says whether the match is documented by the vendor or only observed in public reports, and "
    "when the error is not in the catalog: say so rather than invent a cause. The vendor's words are the message, "
    "code and documented scenario; an explanation's cause, fix and retry advice are errcat's reading of them (its "
    "`by`): say so. Never repeat a credential."
)


ABANDONED_POLL = 0.05  # seconds between two looks at whether the catalog's holder was abandoned


class CatalogInUse:
    """The catalog the CLI would use with the same options (built-in, ERRCAT_CATALOG, --catalog),
    kept open between calls and reopened when one of its files changes, as the next CLI run would.
    One use at a time (the lock), on worker threads (``answer``): the event loop stays free to answer
    a ping, a cancellation or another message while a big paste is explained. The work of a call the
    client cancels is stopped where it is (stopping.py); a call made while it still holds the catalog
    (a long C call ends first) does not wait for it, but is answered from a catalog opened for it alone."""

    def __init__(self, paths: list[Path | str] | None = None, *, builtin: bool = True) -> None:
        self.paths = [Path(p) for p in paths or ()]
        self.builtin = builtin
        self._open: ErrorCatalog | None = None
        self._states: list[Any] = []
        self._lock = threading.Lock()
        self._told = [""]  # the last catalog error written to the server's log (shared with a sibling)
        self._holder: Use | None = None  # the use holding the lock

    def sibling(self) -> CatalogInUse:
        """The same catalog, opened apart, with its own lock (the quick tools'); a broken one told in the log once."""
        other = CatalogInUse(list[Path | str](self.paths), builtin=self.builtin)
        other._told = self._told
        return other

    async def answer(self, work: Callable[[ErrorCatalog], T]) -> T:
        """``ask`` on a worker thread. A call the client cancels returns at once, and its work is stopped."""
        use = Use()
        try:
            return await anyio.to_thread.run_sync(self.ask, work, use, abandon_on_cancel=True)
        except anyio.get_cancelled_exc_class():
            use.abandon()
            raise

    def ask(self, work: Callable[[ErrorCatalog], T], use: Use | None = None) -> T:
        """``work`` run on the current catalog; a damaged cache file is rebuilt once, as the CLI does.
        While a use the client abandoned holds the catalog, on a catalog opened for this use alone."""
        from ...index.cache import open_index

        use = use or Use()
        while not self._lock.acquire(timeout=ABANDONED_POLL):
            holder = self._holder
            if holder is not None and holder.abandoned:
                with ErrorCatalog(open_index(list(self.paths), builtin=self.builtin)) as own:
                    return use.run(lambda: work(own))
        self._holder = use
        try:
            return self._ask(work, use)
        except WorkStopped:
            if use.started:  # stopped anywhere in its work: nothing it may have left half-built is kept
                self.close()
            raise
        finally:
            self._holder = None
            self._lock.release()

    def _ask(self, work: Callable[[ErrorCatalog], T], use: Use) -> T:
        from ...catalog.locate import catalog_paths
        from ...index.cache import file_states, open_index, with_index
        from ...index.codec import CorruptIndex

        states = file_states(catalog_paths(self.paths, builtin=self.builtin))
        if self._open is None or states != self._states:
            self.close()
            try:
                self._open = ErrorCatalog(open_index(list(self.paths), builtin=self.builtin))
            except CatalogError as exc:
                self._tell(exc)
                raise
            self._states = states
        opened = self._open
        try:
            return use.run(lambda: work(opened))
        except CorruptIndex:
            self.close()
            return use.run(lambda: with_index(lambda index: work(ErrorCatalog(index)), list(self.paths), builtin=self.builtin))

    def _tell(self, exc: CatalogError) -> None:
        """A broken catalog in the server's log (stderr) as well as in each answer; once until it changes."""
        if str(exc) != self._told[0]:
            self._told[0] = str(exc)
            print(f"errcat: {exc}", file=sys.stderr)

    def warm(self) -> None:
        """Open the catalog and import what the answers are made with, on a thread of its own, while the
        client is still setting up (after ``initialize`` is answered, which waits for neither): the first
        call finds them ready. A call meanwhile waits for the lock, as it would have opened them itself."""

        def ready() -> None:
            from ...render import jsondoc  # noqa: F401  # the explainer, the documents

            with contextlib.suppress(ErrcatError):  # a broken catalog: told on stderr, and in every answer
                self.ask(lambda cat: None)

        threading.Thread(target=ready, name="errcat-warm", daemon=True).start()

    def close(self) -> None:
        if self._open is not None:
            self._open.close()
            self._open = None


# -- tools ------------------------------------------------------------------------------------


def _number_as_text(value: Any) -> Any:
    """A number where words are asked for, as a model writes a numeric error code (``{"query": 25008}``),
    read as its digits: the SDK refused it ("Input should be a valid string"). The schema still says string."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


AsText = BeforeValidator(_number_as_text)
Paste = Annotated[
    str,
    Field(
        min_length=1,
        description="The error as the user has it: a response body, curl -i/-v output, a log line, an exception, "
        "a HAR or VCR recording, or just a code or message. Credentials in it are removed before anything reads it.",
    ),
    AsText,
]
# A query or a vendor is echoed in the answer (or in its error): these bounds keep an answer within MAX_CHARS.
MAX_QUERY = 1000


def _blank_as_none(value: Any) -> Any:
    """A vendor given as "" (or blanks) is no vendor, as null is: a model fills every optional parameter
    it is shown, an empty string where it has no value (refused as "the vendor filter is empty");
    blanks around an id are dropped (" sage ")."""
    return (value.strip() or None) if isinstance(value, str) else value


VendorFilter = Annotated[
    str | None,
    Field(
        max_length=64,
        description="A vendor id (myob, sage, invoicexpress, prospend; see list_vendors) to limit or force the answer.",
    ),
    BeforeValidator(_blank_as_none),
]
Query = Annotated[
    str,
    Field(
        min_length=1,
        max_length=MAX_QUERY,
        description="A vendor error code (25008, BAD_REQUEST), an error name, an errcat id, or an HTTP status.",
    ),
    AsText,
]
SearchWords = Annotated[
    Annotated[str, Field(min_length=1, max_length=MAX_QUERY), AsText] | None,
    Field(description="Words to find in messages, names, scenarios, explanations (a whole response: use explain)."),
]


def _integral(value: Any) -> Any:
    """5.0 as 5 (JSON Schema's integer is any number without a fraction); a string or a boolean refused by its
    JSON type; anything else as it came, for the strict check."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    kind = "a boolean" if isinstance(value, bool) else "a string" if isinstance(value, str) else None
    if isinstance(value, float):
        kind = "a number with a fraction"
    if kind:  # said by its JSON type, never quoted: a paste put in the wrong field
        raise PydanticCustomError("int_type", "Input should be an integer (a JSON number), not {kind}", {"kind": kind})
    return value


# integers as the schema says, no string or boolean: "5" or true were taken as 5 and 1 (pydantic's lax mode)
Count = Annotated[int, Strict(), Field(ge=1, le=50), BeforeValidator(_integral)]
HttpStatus = Annotated[int, Strict(), Field(ge=100, le=599), BeforeValidator(_integral)]
# null as well: a model fills every optional parameter it is shown, with null when it has no value
Limit = Annotated[Count | None, Field(description="At most this many errors in the answer (default 10).")]
LIMIT = 10
READ_ONLY = {"read_only_hint": True, "destructive_hint": False, "idempotent_hint": True, "open_world_hint": False}


def _result(document: dict[str, Any]) -> CallToolResult:
    """Structured content, and the same JSON as text for clients that read only text."""
    return CallToolResult(content=[TextContent(type="text", text=compact(document))], structured_content=document)


async def _answer(
    catalog: CatalogInUse, work: Callable[[ErrorCatalog], dict[str, Any]], ctx: Context[Any] | None = None
) -> CallToolResult:
    """One tool's answer; errcat's own errors become tool errors with errcat's message. With ``ctx``
    (a paste's tools), a client that asked for progress hears how long the answer has been under way."""
    try:
        if ctx is None:
            return _result(await catalog.answer(work))
        return _result(await _with_progress(ctx, lambda: catalog.answer(work)))
    except ErrcatError as exc:
        raise ToolError(str(exc)) from None


PROGRESS_SECONDS = 1.0  # a progress notification each second a paste's answer is under way, from the first second


async def _with_progress(ctx: Context[Any], run: Callable[[], Awaitable[T]]) -> T:
    """``run()``'s result; meanwhile, when the call carried a ``progressToken``, one notifications/progress a
    second (progress: the seconds so far; no total, which explain cannot know ahead). A big paste takes
    seconds (2 MiB of logs: 2-6 s here), and a client resetting its timeout on progress (the TypeScript
    SDK's resetTimeoutOnProgress) waits on. Nothing is sent for a call answered within the first second."""
    done = anyio.Event()

    async def tick() -> None:
        seconds = 0
        while True:
            with anyio.move_on_after(PROGRESS_SECONDS):
                await done.wait()
            if done.is_set():
                return
            seconds += 1
            with contextlib.suppress(Exception):  # a client gone: the answer's own send says so
                await ctx.report_progress(seconds, None, f"reading the paste ({seconds} s so far)")

    outcome: list[T] = []
    async with anyio.create_task_group() as group:
        group.start_soon(tick)
        try:
            outcome.append(await run())
        except Exception as exc:  # raised as it is outside the group, not as an ExceptionGroup of one
            failed = exc
        finally:
            done.set()
    if not outcome:
        raise failed
    return outcome[0]


def _paste_bytes(text: str) -> bytes:
    return text.encode("utf-8", errors="replace")  # lone surrogates a JSON string may carry


def _tools(catalog: CatalogInUse, quick: CatalogInUse) -> list[Tool]:
    # the documents (and the explainer under them) are imported by the first call, or CatalogInUse.warm.
    # The quick tools (lookup, search, list_vendors: milliseconds) use ``quick``, a catalog of their own: on the
    # pastes' one, an assistant's lookup made while a 2 MiB paste was explained waited for all of it (seconds).
    async def explain(text: Paste, ctx: Context[Any], vendor: VendorFilter = None) -> CallToolResult:
        """Explain a pasted API error: which vendor and which documented error it is, why it happens, how to
        fix it and whether a retry can help, with the source of each claim. Says so when the catalog lacks it."""
        paste = _paste_bytes(text)

        def explained(cat: ErrorCatalog) -> dict[str, Any]:
            from ...render.jsondoc import explain_document

            x = cat.explain_bytes(paste, vendor)
            return bounded_explain(with_answer(explain_document(x), x))

        return await _answer(catalog, explained, ctx)

    async def lookup(
        query: Query,
        vendor: VendorFilter = None,
        status: Annotated[HttpStatus | None, Field(description="Only errors answered with this HTTP status.")] = None,
        limit: Limit = LIMIT,
    ) -> CallToolResult:
        """Look a catalogued error up by its code, name, id or HTTP status: the catalog's rows of each matching error,
        with its explanation; each row's provenance says whether the vendor documents it or it was only observed in
        public reports (at most ``limit`` errors; a cut answer counts what it left out)."""

        def found(cat: ErrorCatalog) -> dict[str, Any]:
            from ...render.jsondoc import lookup_document

            return bounded_lookup(lookup_document(cat.lookup(query, vendor=vendor, status=status)), limit or LIMIT)

        return await _answer(quick, found)

    async def search(
        query: SearchWords = None,
        vendor: VendorFilter = None,
        limit: Limit = LIMIT,
        text: Annotated[SearchWords, Field(description="The same words as query, under search's first name.")] = None,
    ) -> CallToolResult:
        """Search the catalog's errors by words (ranked): for an error known only by its wording or topic.
        The words go in ``query``, as for lookup; ``text`` (the name search took first) is taken too."""
        words = _search_words(query, text)

        def found(cat: ErrorCatalog) -> dict[str, Any]:
            from ...render.jsondoc import search_document

            return bounded_search(search_document(words, cat.search(words, limit or LIMIT, vendor=vendor)))

        return await _answer(quick, found)

    async def list_vendors() -> CallToolResult:
        """The vendors (APIs) in the catalog in use, with their hosts, auth schemes, how many errors each documents
        and how many more were only observed in public reports."""

        def vendors(cat: ErrorCatalog) -> dict[str, Any]:
            from ...render.jsondoc import vendors_document

            return bounded_vendors(vendors_document(cat.vendor_summaries()))

        return await _answer(quick, vendors)

    async def retry_advice(text: Paste, ctx: Context[Any], vendor: VendorFilter = None) -> CallToolResult:
        """Whether resending the request in a pasted error response can succeed, and how to wait (backoff, until a
        quota resets, after refreshing the token, or never): the answer errcat.retry_advice gives in Python."""
        return await _answer(catalog, lambda cat: bounded_advice(_advice_document(cat, text, vendor)), ctx)

    outputs: list[tuple[Callable[..., Any], dict[str, Any]]] = [
        (explain, schemas.EXPLAIN),
        (lookup, schemas.LOOKUP),
        (search, schemas.SEARCH),
        (list_vendors, schemas.VENDORS),
        (retry_advice, schemas.RETRY_ADVICE),
    ]
    return [_published(fn, schema) for fn, schema in outputs]


def _published(fn: Callable[..., Any], schema: dict[str, Any]) -> Tool:
    """One tool as the server lists it: titled by its name, described by its docstring, read-only."""
    title = fn.__name__.replace("_", " ").capitalize()
    # the docstring as one paragraph: the SDK sends it as written, with each line's indentation
    said = " ".join((fn.__doc__ or "").split())
    tool = Tool.from_function(fn, title=title, description=said, annotations=ToolAnnotations(title=title, **READ_ONLY))
    tool.parameters = _words_once(plain_input_schema(tool.parameters))
    # The documents are errcat's own (not a pydantic model): their schema is published as written.
    made = tool.fn_metadata
    tool.fn_metadata = _TextKept(arg_model=made.arg_model, output_schema=schema, wrap_output=made.wrap_output)
    return tool


class _TextKept(FuncMetadata):
    """The SDK reads a string argument that parses as JSON (an object, a list, null) as that value for every
    parameter not typed plain ``str`` (for clients that send a list as its JSON text), so search's optional words
    ``{"code":"InvalidSessionId"}``, a body's fragment, were refused as no string, and ``null`` searched for
    nothing. The words (``query``, ``text``) keep the string they were sent; the others (a vendor of ``null`` is
    none) are read as the SDK reads them."""

    def pre_parse_json(self, data: dict[str, Any]) -> dict[str, Any]:
        parsed = super().pre_parse_json(data)
        return {key: data[key] if key in WORDS else value for key, value in parsed.items()}


WORDS = frozenset({"query", "text"})


def plain_input_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """A tool's input schema as function-calling APIs take one: each parameter with its own ``type``.
    pydantic writes an optional parameter as ``anyOf: [{type: string}, {type: null}]`` with no type
    beside it, which Gemini's function declarations (an OpenAPI 3.0 subset: a type on every schema, no
    anyOf) refuse, and a host passing the schema on to such a model fails to start the session. The
    parameter is published as its one type; a null sent for it is still taken as no value (the
    arguments are read by the tool's signature, not by this schema)."""
    properties = {}
    for name, prop in schema.get("properties", {}).items():
        kinds = [k for k in prop.get("anyOf", ()) if k.get("type") != "null"]
        if len(kinds) == 1 and "type" not in prop:
            prop = {**{k: v for k, v in prop.items() if k != "anyOf"}, **kinds[0]}
            if prop.get("default", "") is None:  # "no value": the parameter is simply left out
                del prop["default"]
        properties[name] = prop
    return {**schema, "properties": properties}


def _words_once(schema: dict[str, Any]) -> dict[str, Any]:
    """search's schema with its words required, under ``query`` alone: it listed ``query`` and ``text`` both optional,
    so ``{}`` and ``{"vendor": "sage"}`` passed the schema a client checks its call with, and the server refused them
    (no words); so did a call giving both. A schema cannot say "one of the two" without the anyOf function-calling
    APIs refuse (see plain_input_schema); ``text``, search's first name for its words, is still taken."""
    properties = schema.get("properties", {})
    if "query" not in properties or "text" not in properties:
        return schema
    return {**schema, "properties": {k: v for k, v in properties.items() if k != "text"}, "required": ["query"]}


def _search_words(query: str | None, text: str | None) -> str:
    """The words of a search call: ``query`` (lookup's name for its argument), else ``text`` (search's first
    name for it, which clients written against it still send). Two different ones are refused by name."""
    if query is not None and text is not None and query != text:
        raise ToolError("search takes its words once: in query (text is the same argument's older name)")
    words = query if query is not None else text
    if words is None:
        raise ToolError("search needs the words to find in query")
    return words


MAX_ANSWER = 1000


def with_answer(document: dict[str, Any], x: Any) -> dict[str, Any]:
    """The explain document with ``answer`` after its kind: the explanation in one line, as
    errcat.VendorError words it (``not in the catalog (vendor unknown, HTTP 402): ...`` when the
    catalog lacks the error), so a model reading the text meets the verdict before the evidence."""
    from .. import summary

    line = summary(x)
    line = line if len(line) <= MAX_ANSWER else line[: MAX_ANSWER - 1] + "…"
    return {"format_version": document["format_version"], "kind": document["kind"], "answer": line, **document}


def _advice_document(cat: ErrorCatalog, text: str, vendor: str | None) -> dict[str, Any]:
    """errcat.retry_advice's answer for a paste, as a versioned document."""
    from ...documents import envelope
    from .. import retry_advice

    x = cat.explain_bytes(_paste_bytes(text), vendor)
    advice = retry_advice(x)
    errors = [
        {"id": m.best.entry.id if m.best else None, "code": m.sent.code, "name": m.sent.name, "match": m.kind}
        for m, _ in x.folded()
    ]
    return envelope(
        "retry_advice",
        retry=advice.retry,
        wait=advice.wait,
        reason=advice.reason,
        after=advice.after,
        vendor=x.vendor,
        status=x.exchange.status,
        errors=errors,
    )


_ARGUMENTS_REFUSED = re.compile(r"Error executing tool (\w+): \d+ validation errors? for \w+\n")


def plain_argument_errors(text: str) -> str | None:
    """The SDK's refusal of a call's arguments as one line naming each field and what is wrong,
    without the values pydantic quotes (``input_value=...``): a paste put in the wrong field
    must not come back. None when ``text`` is not such a refusal."""
    refused = _ARGUMENTS_REFUSED.match(text)
    if refused is None:
        return None
    problems, field = [], "arguments"
    for line in text[refused.end() :].splitlines():
        if not line.startswith(" "):
            field = line.strip()
        elif not line.startswith("    "):
            problems.append(f"{field}: {line.strip().split(' [type=')[0]}")
    return f"Error executing tool {refused.group(1)}: invalid arguments: {'; '.join(problems)}"


LISTS = ("tools/list", "resources/list", "resources/templates/list", "prompts/list")


async def _arguments_never_echoed(ctx: Any, call_next: Callable[[Any], Awaitable[Any]]) -> Any:
    """Server middleware: every tools/call refusal of arguments reaches the client as plain_argument_errors,
    a call of an unknown tool and a list's cursor the server never sent are the protocol error the MCP spec
    names for them (-32602; the SDK answered a tool result, and the first page again),
    a prompts/get the prompt cannot take is refused by name before the SDK quotes its values in a log, and
    what the SDK echoes of a request it refuses (a tool's name, a resource's URI) passes the exit gate."""
    method = getattr(ctx, "method", None)
    if method == "prompts/get":
        _check_prompt_request(ctx.params)
    elif method in LISTS and isinstance(ctx.params, dict) and ctx.params.get("cursor") is not None:
        # the spec's answer to an invalid cursor (the SDK ignored it and sent the first page again)
        raise MCPError(INVALID_PARAMS, "invalid cursor: errcat lists everything in one page and sends no nextCursor")
    try:
        result = await call_next(ctx)
    except MCPError as exc:
        if method != "resources/read":
            raise
        raise _gated(exc) from None
    if method == "tools/call" and isinstance(result, dict) and result.get("isError"):
        for block in result.get("content") or []:
            text = block.get("text", "") if isinstance(block, dict) else ""
            plain = plain_argument_errors(text)
            if plain is not None:
                block["text"] = plain
            elif text.startswith("Unknown tool: "):  # the SDK's, quoting the name as sent
                # the spec's protocol error for an unknown tool (the SDK answers a tool result, isError)
                raise MCPError(INVALID_PARAMS, _shown(text))
    return result


def _shown(text: str) -> str:
    """``text`` through the exit gate (gate.shown), imported by the first refusal: its patterns are not
    compiled before ``initialize`` is answered (17 ms)."""
    from ...gate import shown

    return shown(text)


def _gated(exc: MCPError) -> MCPError:
    """The SDK's refusal of a resources/read (its message and ``data.uri`` quote the URI as sent) with
    what it quotes passed through the exit gate, as errcat's own errors pass what they echo."""
    data = exc.data
    if isinstance(data, dict) and isinstance(data.get("uri"), str):
        data = {**data, "uri": _shown(data["uri"])}
    return MCPError(exc.code, _shown(exc.message), data)


def _check_prompt_request(params: Any) -> None:
    """A prompts/get for an unknown prompt or with arguments the prompt does not take is an
    INVALID_PARAMS error naming them (the SDK would answer "Internal server error" and write the
    arguments' values, which may hold a paste, to its log). Names are cut short; values never shown."""
    if not isinstance(params, dict):
        return  # the SDK refuses malformed params itself, without quoting them
    name = params.get("name")
    if name != PROMPT_NAME:
        raise MCPError(INVALID_PARAMS, f"unknown prompt {_shown(str(name)[:64])!r} (known: {PROMPT_NAME})")
    arguments = params.get("arguments")
    unknown = sorted(str(k)[:64] for k in arguments if k not in PROMPT_ARGUMENTS) if isinstance(arguments, dict) else []
    if unknown:
        raise MCPError(
            INVALID_PARAMS, f"{PROMPT_NAME} takes only {', '.join(PROMPT_ARGUMENTS)}; not: {_shown(', '.join(unknown))}"
        )


# -- resources ---------------------------------------------------------------------------------

DOCS = "errcat://docs/"


async def _page(catalog: CatalogInUse, vendor: str | None) -> str:
    """A reference page (markdown) generated from the catalog in use, as `errcat docs` writes it."""
    from ...docs import generate, index_page

    try:
        if vendor is None:
            return await catalog.answer(lambda cat: index_page(cat.index))
        return await catalog.answer(lambda cat: generate(cat.index, [vendor.lower()])[f"{vendor.lower()}.md"])
    except UsageError as exc:
        raise ResourceNotFoundError(str(exc)) from None
    except ErrcatError as exc:
        raise ResourceError(str(exc)) from None


def _reader(catalog: CatalogInUse, vendor: str | None) -> Callable[[], Coroutine[Any, Any, str]]:
    # async: the page is made as every tool answer is (CatalogInUse.answer), not on a thread of the SDK's
    async def read() -> str:
        return await _page(catalog, vendor)

    return read


class VendorPages:
    """One resource per vendor of the catalog in use, added when a client lists the resources: the
    catalog is not opened before ``initialize`` is answered (an index built on a first run takes
    seconds), and a vendor a catalog file gains while the server runs is listed from then on."""

    def __init__(self, server: MCPServer[Any], catalog: CatalogInUse) -> None:
        self.server, self.catalog = server, catalog
        self.listed: set[str] = set()

    async def add(self) -> None:
        try:
            known = await self.catalog.answer(lambda cat: sorted(cat.vendors().items()))
        except ErrcatError:  # a broken catalog: the server's log says why, and so does every call
            return
        for vid, vendor in known:
            if vid in self.listed:
                continue
            self.listed.add(vid)
            self.server.add_resource(
                FunctionResource.from_function(
                    _reader(self.catalog, vid),
                    uri=f"{DOCS}{vid}",
                    name=vid,
                    title=f"errcat reference: {vendor.name}",
                    description=f"Every catalogued error of the {vendor.name}: message, cause, fix, retry and source.",
                    mime_type="text/markdown",
                )
            )


def _add_resources(server: MCPServer[Any], catalog: CatalogInUse) -> None:
    """The index page and the template serving any vendor's page; VendorPages adds one per vendor."""
    markdown = "text/markdown"
    server.add_resource(
        FunctionResource.from_function(
            _reader(catalog, None),
            uri=f"{DOCS}index",
            name="index",
            title="errcat reference: every vendor's errors at a glance",
            description="The vendors in the catalog in use with their counts of errors, the same failure across "
            "vendors, and errors by HTTP status; a vendor's whole page is errcat://docs/<vendor>.",
            mime_type=markdown,
        )
    )

    @server.resource(f"{DOCS}{{vendor}}", name="vendor-page", title="errcat reference: one vendor", mime_type=markdown)
    async def vendor_page(vendor: str) -> str:
        """A vendor's reference page by its id (see list_vendors)."""
        return await _page(catalog, vendor)


# -- prompt ------------------------------------------------------------------------------------

PROMPT_NAME = "explain_api_error"
PROMPT_ARGUMENTS = ("error",)
SCREEN_MARGIN = 64 * 1024  # of an error longer than the prompt shows, screened past the cut
PROMPT = """An API call failed. Explain the error with the errcat tools rather than from memory:

1. Call `explain` with the error exactly as it appears below{where} (errcat removes credentials first).
2. Report the vendor and the error errcat names, its cause and fix, and whether a retry can help (`retry_advice`).
   Say whether errcat's match is documented by the vendor or only observed in public reports, and cite its source;
   give the cause, fix and retry advice as errcat's reading, not as the vendor's words.
3. If errcat finds nothing, say that the error is not in the catalog; `search` may find it by its wording, and
   `errcat://docs/<vendor>` holds a vendor's whole reference page. Do not invent a cause or a code.
4. Never repeat a credential, token or key from the error in your answer.
"""


def _add_prompt(server: MCPServer[Any]) -> None:
    @server.prompt(name=PROMPT_NAME, title="Explain this API error")
    def explain_api_error(
        error: Annotated[str, Field(description="The error response or message (optional: else the one in the chat).")] = "",
    ) -> str:
        """Explain an API error response with errcat: which documented error it is, why, and what to do."""
        if not error.strip():
            return PROMPT.format(where=" in the conversation")
        from ...explainer.redact import redact  # the explainer: imported by the first use, not at start
        from ...explainer.split import MAX_INPUT_BYTES

        # cut to what one tool answer may hold: only that, and a margin past it, is screened for credentials
        # (a credential the cut falls inside is seen whole); screening all 2 MiB explain reads took 5 s
        screened = error[: min(MAX_INPUT_BYTES, MAX_CHARS + SCREEN_MARGIN)]
        shown = redact(screened)[0]
        if len(shown) > MAX_CHARS or len(screened) < len(error):
            shown = shown[:MAX_CHARS] + f"\n\n[cut at {MAX_CHARS:,} characters: `explain` reads the whole error]"
        return PROMPT.format(where="") + "\nThe error:\n\n" + shown


# -- the server --------------------------------------------------------------------------------


def build_server(paths: list[Path | str] | None = None, *, builtin: bool = True) -> MCPServer[Any]:
    """The errcat MCP server over the catalog in use (built-in unless ``builtin`` is false,
    ERRCAT_CATALOG, then ``paths``)."""
    catalog = CatalogInUse(paths, builtin=builtin)
    quick = catalog.sibling()  # opened (24 ms) by the first quick call
    server: MCPServer[Any] = MCPServer(
        name="errcat",
        title="errcat: API error catalog",
        version=__version__,
        instructions=INSTRUCTIONS,
        tools=_tools(catalog, quick),
        log_level="WARNING",
        middleware=[_arguments_never_echoed],
    )
    _add_resources(server, catalog)
    server.middleware.append(_lazily(VendorPages(server, catalog)))
    _add_prompt(server)
    return server


def _lazily(pages: VendorPages) -> Any:  # a ServerMiddleware
    """Server middleware: the catalog opened once the client has its ``initialize`` answer (warm), and
    each vendor's page added before the resources are listed."""

    async def middleware(ctx: Any, call_next: Callable[[Any], Awaitable[Any]]) -> Any:
        method = getattr(ctx, "method", None)
        if method == "resources/list":
            await pages.add()
        result = await call_next(ctx)
        if method == "notifications/initialized":
            pages.catalog.warm()
        return result

    return middleware


def serve(paths: list[Path | str] | None = None, *, builtin: bool = True) -> None:
    """Serve over stdio until the client closes stdin."""
    from .wire import serve_stdio

    _plain_warnings()  # first: building the server may warn already
    serve_stdio(build_server(paths, builtin=builtin))


def _plain_warnings() -> None:
    """errcat's warnings (a cache folder it cannot use) as the CLI prints them, one line each on
    stderr: the SDK's logging set-up (a RichHandler on the root logger) boxed one over five lines,
    with a time and a source file, in the client's log."""
    import logging
    import sys

    log = logging.getLogger("errcat")
    if not log.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        log.addHandler(handler)
        log.propagate = False

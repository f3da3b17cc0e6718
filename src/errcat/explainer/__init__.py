"""Explain a pasted error response: redact -> split -> read envelopes -> weigh vendor -> match.

``explain(catalog, text)`` is the whole pipeline; each stage is its own module and a pure
function of its input. Secrets are removed before any other stage sees the text.
"""

from __future__ import annotations

import re
from collections.abc import MutableMapping
from http import HTTPStatus
from itertools import islice
from typing import NamedTuple

from ..catalog.core import Catalog
from ..errors import UsageError, check_vendor
from ..index.store import CatalogIndex, as_index
from ..model import Entry, Guide
from ..text import normalize_path, repaired
from .envelopes import MAX_TEXT, STATUS_ONLY, TEXT, Observed, read_body, with_status
from .evidence import Clue, VendorFacts, decide, endpoint_for, facts_for, gather, scores
from .match import DOCUMENTED_KINDS, Context, ErrorMatch, match_error, spot_names
from .recordings import Recording, read_recording
from .redact import redact, redact_report
from .reference import Reference, reference_for
from .split import MAX_INPUT_BYTES, Exchange, decode, html_title, is_status_noise, leading_lines, split

__all__ = ["Explanation", "explain", "explain_bytes", "explain_exchange"]


class Explanation(NamedTuple):
    """Everything explain found, ready to render."""

    vendor: str | None
    vendor_source: str  # override | evidence | message | none
    clues: tuple[Clue, ...]
    exchange: Exchange
    endpoint: str | None  # the documented endpoint the request maps to
    errors: tuple[ErrorMatch, ...]
    total_errors: int
    notes: tuple[str, ...]
    redactions: int
    redacted_kinds: tuple[tuple[str, int], ...] = ()  # (what was hidden, how many), never the values
    # what the views show beside the matches, copied from the catalog: no handle on it, so an
    # explanation renders after the catalog is closed
    reference: Reference | None = None

    def as_dict(self) -> dict[str, object]:
        """The same document as ``errcat explain --format json``."""
        from .document import explain_document

        self._reference()  # refused before any part of the document is built
        return explain_document(self)

    def __str__(self) -> str:
        """One paragraph for a log line: what each error is, what to do, whether to retry (redacted)."""
        ex = self.exchange
        where = " ".join(p for p in (ex.method, ex.path) if p)
        head = f"{where} -> {ex.status}" if where and ex.status else ""
        parts = []
        for m, positions in self.folded()[:3]:
            times = f" (x{len(positions)})" if len(positions) > 1 else ""
            best = m.best
            said = (m.observed.message or m.observed.name or m.observed.code or "").strip()[:160]
            if best is not None:
                e = best.entry
                guide = self.guide_of(e) if self.reference is not None else None
                advice = f": {guide.fix} (retry: {guide.retry})" if guide else ""
                if m.kind == "status":  # only the status is documented, never this error's words
                    title = f"{e.vendor} HTTP {e.status} [the status is documented; this error is not"
                    title += f": {said}]" if said else "]"
                    parts.append(f"{title}{times}{advice}")
                    continue
                title = " ".join(str(p) for p in (e.vendor, e.code, e.name) if p is not None)
                if m.kind == "observed":  # never the vendor's word
                    title += f" [observed: not documented by {e.vendor}; {len(e.sources)} public source(s)]"
                    parts.append(f"{title}{times}{advice}")
                    continue
                parts.append(f"{title} [{m.kind}]{times}{advice}")
            else:
                who = self.vendor or "vendor unknown"
                status = m.observed.status or ex.status
                who += f", HTTP {status}" if status and not head else ""
                who += f"; one of {len(m.family)} documented errors with this code" if m.family else ""
                parts.append(f"not in the catalog ({who}){times}" + (f": {said}" if said else ""))
        more = f"; and {len(self.folded()) - 3} more" if len(self.folded()) > 3 else ""
        return (f"{head}: " if head else "") + "; ".join(parts) + more

    # How the error is named outside errcat (error trackers, traces, logs, support tickets): identity.py.

    @property
    def fingerprint(self) -> str:
        """A short, stable, low-cardinality name of the failure (``myob:3f2a9c1b0d4e``): the same
        whatever ids, amounts, dates or request ids the response holds; one per distinct error."""
        from .identity import fingerprint

        return fingerprint(self)

    @property
    def doc_url(self) -> str | None:
        """The link to the first error's section of the reference pages (base: ERRCAT_DOCS_URL)."""
        from .identity import doc_url

        return doc_url(self)

    @property
    def request_id(self) -> str | None:
        """The vendor's id of the request, from a header or the body (what its support asks for)."""
        from .identity import request_id

        return request_id(self.exchange)

    @property
    def all_matched(self) -> bool:
        """Whether every error is the vendor's documented one (an observed match is not)."""
        return bool(self.errors) and all(m.kind in DOCUMENTED_KINDS for m in self.errors)

    # What a view shows beside the matches, from the facts copied with them (``reference``):
    # a view is a function of the explanation alone.

    def _reference(self) -> Reference:
        if self.reference is None:
            raise ValueError("this explanation was built without its catalog's facts; explain() always copies them")
        return self.reference

    def vendor_name(self, vendor: str | None = None) -> str | None:
        """The catalogued name of ``vendor`` (default: the vendor the paste is from)."""
        found = self._reference().vendors.get(vendor or self.vendor or "")
        return found.name if found else None

    def guide_of(self, entry: Entry) -> Guide | None:
        """Our explanation of an entry's error (of any candidate's entry)."""
        return self._reference().guides.get(entry.guide_id)

    def status_meaning(self) -> tuple[str, str | None] | None:
        """The vendor's documented meaning of the status (text, description), else HTTP's phrase."""
        status = self.exchange.status
        if status is None:
            return None
        vendor = self._reference().vendors.get(self.vendor or "")
        for s in vendor.statuses if vendor else ():
            if s.status == status:
                return s.text, s.description
        try:
            return HTTPStatus(status).phrase, None
        except ValueError:
            return None

    def scenarios(self, m: ErrorMatch) -> list[Entry]:
        """Rows documenting the best match's error, the request's own endpoint first."""
        best = m.best
        if best is None:
            return []
        same = [
            e
            for e in self._reference().rows.get(best.entry.guide_id, (best.entry,))
            if (e.message, e.code, e.name, e.status) == (best.entry.message, best.entry.code, best.entry.name, best.entry.status)
        ]
        here = normalize_path(self.endpoint) if self.endpoint else None

        def order(e: Entry) -> int:
            if e.id == best.entry.id:
                return 0
            if here and e.endpoint and normalize_path(e.endpoint) == here:
                return 1
            return 2 if e.endpoint is None else 3

        return sorted(same, key=order)

    def undecided_endpoints(self, m: ErrorMatch) -> list[str]:
        """The endpoints one matched error is documented for, when the paste cannot tell which
        (no request path, no generic row): empty when the match names its endpoint honestly."""
        best = m.best
        if best is None or best.entry.endpoint is None or self.endpoint is not None:
            return []
        rows = self.scenarios(m)
        if any(e.endpoint is None for e in rows):
            return []
        endpoints = list(dict.fromkeys(e.endpoint for e in rows if e.endpoint))
        return endpoints if len(endpoints) > 1 else []

    def folded(self) -> list[tuple[ErrorMatch, tuple[int, ...]]]:
        """Distinct errors in order of first appearance, each with its 0-based positions: a body
        that repeats one error 10,000 times is shown (and serialised) once, with a count."""
        groups: dict[Observed, list[int]] = {}
        first: dict[Observed, ErrorMatch] = {}
        for i, m in enumerate(self.errors):
            groups.setdefault(m.observed, []).append(i)
            first.setdefault(m.observed, m)
        return [(first[obs], tuple(positions)) for obs, positions in groups.items()]


_CODE_MENTION = re.compile(r"\b(?:error[ _]?code|code|datacode)[\"']?\s*[:=]\s*[\"']?([A-Za-z0-9_]{2,64})\b", re.IGNORECASE)
# A run of blanks is entered at its start only, and whole (?<!\s)\s++: linear, where \s+ retried every start
_SPLITTERS = re.compile(r"(?::\s+|(?<!\s)\s++(?:-+>?\s+|[\u2013\u2014\u2192]\s*|>\s+)|\]\s*|\|\s*|=>\s*)")
_BARE_TOKEN = re.compile(r"^[A-Za-z0-9_.-]{2,64}$")


def _text_errors(catalog: CatalogIndex, ex: Exchange) -> list[Observed]:
    """Errors from a body with no recognised envelope: a bare code or name, a message, a log line."""
    title = html_title(ex.body)
    body = title if title is not None else ex.body
    bare_lines = (ln.strip().lstrip("•·*").strip() for ln in body.split("\n"))  # without list bullets
    kept = (ln for ln in bare_lines if ln and ln != ex.url and not is_status_noise(ln) and not _is_status_text(ln, ex.status))
    lines = leading_lines(kept, MAX_TEXT, 40)  # all that is read below: a million lines are not each cleaned
    if not lines:
        return [Observed(STATUS_ONLY)] if ex.status is not None else []
    if len(lines) == 1 and _BARE_TOKEN.match(lines[0]):
        token = lines[0]
        if token.isdigit():
            return [Observed(TEXT, code=token)]
        return [Observed(TEXT, name=token, code=token if "_" in token else None)]
    whole = " ".join(lines)[:MAX_TEXT]
    readings: list[str] = []
    for line in lines[:20]:
        line = line[: MAX_TEXT * 4]
        cuts = [m.end() for m in islice(_SPLITTERS.finditer(line), 20)]
        for part in [line, *(line[cut:] for cut in cuts)]:
            part = part.strip()
            if part and part != whole and part not in readings and len(part) <= MAX_TEXT:
                readings.append(part)
    names = spot_names(catalog, whole)
    code = next((m.group(1) for m in _CODE_MENTION.finditer(whole)), None) or _bracketed_code(catalog, whole)
    code = code or _cell_code(lines)
    name = names[0] if len(names) == 1 else None
    if code and name and code.lower() == name.lower():
        code = None
    labelled = _labelled(lines)
    if labelled.get("message"):  # a help page's block: the labelled message is the error's text
        readings.insert(0, labelled["message"])
        name = name or labelled.get("name")
    return [Observed(TEXT, code=code, name=name, message=whole, readings=tuple(readings[:40]))]


# A documentation-shaped paste: "Error Code: 100", "Message: [Field] is required" under a heading
# line "Required:" (a help page's block of the documented table).
_LABEL = re.compile(r"^(?:error\s*code|code|message|expected\s*message|name|error\s*name)\s*:\s*(\S.*)$", re.IGNORECASE)
_HEADING = re.compile(r"^([A-Z][A-Za-z0-9]{2,63}):?$")
_CELL_CODE = re.compile(r"^\d{2,6}$")


def _labelled(lines: list[str]) -> dict[str, str]:
    """The labelled fields of a documentation-shaped paste: message and the heading's name."""
    found: dict[str, str] = {}
    for i, line in enumerate(lines[:40]):
        m = _LABEL.match(line)
        if m is None:
            continue
        label = line.split(":", 1)[0].lower()
        if "message" in label:
            found.setdefault("message", m.group(1).strip())
        if i > 0 and "name" not in found and (h := _HEADING.match(lines[i - 1])):
            found["name"] = h.group(1)
    return found


def _cell_code(lines: list[str]) -> str | None:
    """A number in a cell of a tab- or pipe-separated table row (``1000<TAB>ValidationError<TAB>...``)."""
    for line in lines[:20]:
        cells = [c.strip() for c in re.split(r"\t|\s*\|\s*", line[: MAX_TEXT * 4]) if c.strip()]  # a row, not 2 MB of cells
        if len(cells) >= 3:
            return next((c for c in cells if _CELL_CODE.match(c)), None)
    return None


def _bracketed_code(catalog: CatalogIndex, text: str) -> str | None:
    """A code in brackets right after a vendor's name, as integration logs print it: ``MYOB Live[50]``."""
    for pattern in facts_for(catalog).mentions.values():
        for m in pattern.pattern.finditer(text[:MAX_TEXT]):
            if code := re.match(r"[ \w]{0,12}?\s?\[(\d{1,6})\]", text[m.end() : m.end() + 24]):
                return code.group(1)
    return None


def _is_status_text(line: str, status: int | None) -> bool:
    if status is None:
        return False
    try:
        phrase = HTTPStatus(status).phrase.lower()
    except ValueError:
        return False
    return line.lower().strip(" .") in (str(status), phrase, f"{status} {phrase}") or bool(
        re.fullmatch(rf"HTTP/\d(?:\.\d)?\s+{status}.*", line, re.IGNORECASE)
    )


def explain_bytes(
    catalog: Catalog | CatalogIndex,
    data: bytes,
    vendor: str | None = None,
    size: int | None = None,
    *,
    documented_only: bool = False,
) -> Explanation:
    """Explain raw bytes of a paste (decoded leniently; binary or empty input is refused).

    ``size`` is the whole input's size when ``data`` is only its first part."""
    text, notes = decode(data, size)
    return explain(catalog, text, vendor=vendor, notes=notes, documented_only=documented_only)


Memo = MutableMapping[tuple[Observed, Context], ErrorMatch]


def explain(
    catalog: Catalog | CatalogIndex,
    text: str,
    vendor: str | None = None,
    notes: list[str] | tuple[str, ...] = (),
    memo: Memo | None = None,
    *,
    documented_only: bool = False,
) -> Explanation:
    """Explain a pasted error response, message or code against the catalog (or its compiled index).

    A VCR cassette or HAR file is explained exchange by exchange: every error response in it, in
    recorded order. ``memo`` carries matches from one call to the next (``errcat scan`` explains
    thousands of records, most of them the same few errors); an error is matched once per context.
    ``documented_only`` leaves out errors the vendor does not document (the observed layer)."""
    catalog = as_index(catalog)
    check_vendor(None if vendor is None else redact(vendor)[0], catalog.vendors)  # a secret typed there is not echoed
    text, notes = _bounded(repaired(text), notes)
    if not text.strip():
        raise UsageError("nothing to explain: the input is empty (paste an error response, a message or a code)")
    # A recording's structure is parsed first (redaction may not keep its JSON or YAML well formed);
    # each exchange written out of it is redacted before any other stage sees it.
    recording = read_recording(text)
    if recording is not None:
        return _explain_recording(catalog, recording, vendor, notes, memo, documented_only)
    hidden = redact_report(text)
    return _explain_exchange(catalog, split(hidden.text), vendor, notes, memo, hidden.kinds, documented_only=documented_only)


def explain_exchange(
    catalog: Catalog | CatalogIndex,
    *,
    status: int | None,
    body: str,
    method: str | None = None,
    url: str | None = None,
    reason: str | None = None,
    headers: list[tuple[str, str]] | None = None,
    vendor: str | None = None,
    documented_only: bool = False,
) -> Explanation:
    """Explain an HTTP exchange a client already holds (status, headers, body, the request's method
    and URL), with no paste to parse. Every value is redacted first, as explain() redacts a paste."""
    catalog = as_index(catalog)
    check_vendor(None if vendor is None else redact(vendor)[0], catalog.vendors)
    kinds: dict[str, int] = {}

    def hidden(value: str) -> str:
        r = redact_report(value)
        for kind, n in r.kinds.items():
            kinds[kind] = kinds.get(kind, 0) + n
        return r.text

    body, notes = _bounded(repaired(body), ())
    safe_headers = [
        (repaired(name), hidden(repaired(f"{name}: {value}")[:MAX_HEADER]).split(":", 1)[1].strip())
        for name, value in (headers or [])[:MAX_HEADERS]
    ]
    safe_body = hidden(body)
    safe_url = hidden(repaired(url)[:MAX_HEADER]) if url else None
    reason = repaired(reason)[:MAX_HEADER] if reason else None
    lines = [" ".join(p for p in (method, safe_url) if p)] if method or safe_url else []
    lines += [f"HTTP/1.1 {status} {reason or ''}".rstrip()] if status is not None else []
    lines += [f"{k}: {v}" for k, v in safe_headers]
    ex = Exchange(text="\n".join([*lines, "", safe_body]), body=safe_body.strip())
    ex.method, ex.status, ex.reason, ex.headers = (method.upper() if method else None), status, reason, safe_headers
    if safe_url:
        ex.set_url(safe_url)
    return _explain_exchange(catalog, ex, vendor, notes, None, kinds, documented_only=documented_only)


MAX_HEADER = 65536  # a header value, URL or reason longer than this is cut (no client sends one)
MAX_HEADERS = 500  # headers read from one response


def _bounded(text: str, notes: list[str] | tuple[str, ...]) -> tuple[str, list[str] | tuple[str, ...]]:
    """At most MAX_INPUT_BYTES of (repaired) text, as a paste read from a file is cut, the cut noted."""
    if len(text) <= MAX_INPUT_BYTES // 4:  # no character takes more than 4 bytes
        return text, notes
    data = text.encode("utf-8")
    if len(data) <= MAX_INPUT_BYTES:
        return text, notes
    cut = data[:MAX_INPUT_BYTES].decode("utf-8", "ignore")
    return cut, [*notes, f"input is {len(data):,} bytes; only the first {MAX_INPUT_BYTES:,} were read"]


def _explain_exchange(
    catalog: CatalogIndex,
    ex: Exchange,
    vendor: str | None,
    notes: list[str] | tuple[str, ...],
    memo: Memo | None,
    redactions: dict[str, int],
    request: str | None = None,
    fallback: str | None = None,
    documented_only: bool = False,
) -> Explanation:
    """The pipeline after framing (the exchange already redacted): read the body, weigh the vendor,
    match each error. ``fallback``: the vendor the rest of a recording names."""
    reading = read_body(ex.body)
    if ex.status is None and reading.status is not None:
        ex.status = reading.status
    if ex.url is None and reading.url:
        ex.set_url(reading.url)
    ex.method = ex.method or reading.method
    observed = reading.errors or _text_errors(catalog, ex)
    observed = with_status(observed, ex.status)
    if request:
        observed = [o._replace(request=request) for o in observed]
    all_notes = [*notes, *reading.notes]
    if reading.total > len(reading.errors):
        all_notes.append(f"the body holds {reading.total:,} errors; the first {len(reading.errors):,} are explained")

    clues = gather(catalog, ex, observed)
    excluded = frozenset(v for v, s in scores(clues).items() if s < 0)
    all_notes += [_other_product_note(catalog, c) for c in clues if c.kind == "other-product"]
    chosen: str | None
    if vendor is not None:
        chosen, source = vendor.lower(), "override"
        clues.insert(0, Clue.of("override", "--vendor", chosen))
    else:
        chosen = decide(clues)
        source = "evidence" if chosen else "none"
        if chosen is None and fallback and fallback not in excluded:
            chosen, source = fallback, "evidence"
            clues.append(Clue.of("recording", "the recording's other exchanges", fallback))

    ctx = _context(facts_for(catalog), ex, chosen, source, excluded, documented_only)
    matches = _match_all(catalog, observed, ctx, memo)
    if chosen is None:
        chosen, source, said = _vendor_from_words(clues, matches)
        if chosen is not None:  # the words of the errors point at one vendor: match again as that vendor
            clues += said
            ctx = _context(facts_for(catalog), ex, chosen, source, excluded, documented_only)
            matches = _match_all(catalog, observed, ctx, memo)
    all_notes += _override_notes(catalog, vendor, clues) + (_family_notes(matches) if chosen else [])
    return Explanation(
        vendor=chosen,
        vendor_source=source,
        clues=tuple(clues),
        exchange=ex,
        endpoint=ctx.endpoint,
        errors=tuple(matches),
        total_errors=reading.total or len(observed),
        notes=tuple(dict.fromkeys(all_notes)),
        redactions=sum(redactions.values()),
        redacted_kinds=tuple(sorted(redactions.items())),
        reference=reference_for(catalog, matches),
    )


def _vendor_from_words(clues: list[Clue], matches: list[ErrorMatch]) -> tuple[str | None, str, list[Clue]]:
    """The vendor the errors' words establish, how, and the clues that say so: words only one
    vendor documents, or words a vendor is known to send found in its own (common) envelope."""
    claimed = {m.claims_vendor for m in matches if m.claims_vendor}
    if len(claimed) == 1:
        vendor = claimed.pop()
        first = next(m for m in matches if m.claims_vendor == vendor)
        words = first.message or first.observed.name or first.observed.code or ""
        return vendor, "message", [Clue.of("message", words[:120], vendor)]
    known = [Clue.of("known-words", (m.message or "")[:120], v) for m in matches if (v := _known_words(m))]
    chosen = decide(clues + known) if known else None
    return chosen, "evidence" if chosen else "none", [c for c in known if c.vendor == chosen][:1]


def _known_words(m: ErrorMatch) -> str | None:
    """The vendor whose public record holds this error's very words, when it came in that vendor's envelope."""
    top = m.candidates[0] if m.candidates else None
    shape = m.observed.shape
    if top is None or top.kind != "observed" or not shape.weight:
        return None
    if top.via not in ("exact", "template") and not (top.via is None and _distinctive_name(m.observed.name, top.entry.name)):
        return None
    return top.entry.vendor if top.entry.vendor in shape.vendors else None


def _distinctive_name(sent: str | None, known: str | None) -> bool:
    """A compound name of four words or more (``OAuthTokenIsMissing``), sent as the vendor is known
    to send it: unlike ``ValidationError``, no other API is likely to send it by chance."""
    if not sent or sent != known:
        return False
    return len(re.findall(r"[A-Z][a-z]+|[A-Z]+(?![a-z])", sent)) >= 4


def _override_notes(catalog: CatalogIndex, vendor: str | None, clues: list[Clue]) -> list[str]:
    """A warning when --vendor names a vendor the paste's own evidence contradicts."""
    if vendor is None:
        return []
    evidence = [c for c in clues if c.kind != "override"]
    found = decide(evidence)
    total = scores(evidence).get(vendor.lower(), 0.0)
    if found is not None and found != vendor.lower():
        name = catalog.vendors[found].name if found in catalog.vendors else found
        why = "; ".join(dict.fromkeys(f"{c.kind} {c.value}" for c in evidence if c.vendor == found and c.weight > 0))
        return [f"--vendor {vendor.lower()} contradicts the evidence, which points at {name} ({why})"]
    if total < 0:
        return [f"--vendor {vendor.lower()} contradicts the evidence (it counts against {vendor.lower()})"]
    return []


def _family_notes(matches: list[ErrorMatch]) -> list[str]:
    notes = []
    for m in matches:
        if m.family:
            what = "code" if m.observed.code and any(_same_key(m.observed.code, c.entry.code) for c in m.family) else "name"
            listed = "; ".join(f"{c.entry.id} ({c.entry.message})" for c in m.family[:8])
            more = f"; and {len(m.family) - 8} more" if len(m.family) > 8 else ""
            head = f"one of {len(m.family)} documented errors with this {what}; only the message can say which"
            notes.append(f"{head}: {listed}{more}")
    return notes


def _same_key(a: object, b: object) -> bool:
    return b is not None and str(a).lower() == str(b).lower()


def _other_product_note(catalog: CatalogIndex, clue: Clue) -> str:
    vendor = catalog.vendors.get(clue.vendor or "")
    api = vendor.name if vendor else clue.vendor
    return f"this looks like {clue.value}, another product of the vendor: errcat catalogues the {api} only"


def _explain_recording(
    catalog: CatalogIndex,
    recording: Recording,
    vendor: str | None,
    notes: list[str] | tuple[str, ...],
    memo: Memo | None,
    documented_only: bool,
) -> Explanation:
    """Every error exchange of a recording, in order, as one explanation (errors labelled by request)."""
    exchanges = [(redact_report(r.text), redact_report(r.request).text) for r in recording.errors]
    parts = [
        _explain_exchange(catalog, split(h.text), vendor, (), memo, h.kinds, request, documented_only=documented_only)
        for h, request in exchanges
    ]
    named = {p.vendor for p in parts if p.vendor}
    if vendor is None and len(named) == 1:  # one vendor throughout: exchanges with no clue of their own are its too
        only = next(iter(named))
        parts = [
            p
            if p.vendor
            else _explain_exchange(
                catalog, split(h.text), None, (), memo, h.kinds, request, fallback=only, documented_only=documented_only
            )
            for p, (h, request) in zip(parts, exchanges, strict=True)
        ]
    summary = (
        f"a {recording.kind} of {recording.interactions} exchange(s): "
        f"{len(recording.errors) + recording.more} error response(s) (status 400 or more), explained in order"
    )
    all_notes = [*notes, summary]
    if recording.more:
        all_notes.append(f"only the first {len(recording.errors)} error responses are explained")
    if recording.unread:
        all_notes.append(f"only its first {recording.interactions:,} exchanges were read ({recording.unread:,} more left unread)")
    for p in parts:
        all_notes += p.notes
    chosen = named.pop() if len(named) == 1 else None
    lead = next((p for p in parts if p.vendor == chosen), parts[0] if parts else None)
    errors = tuple(m for p in parts for m in p.errors)
    return Explanation(
        vendor=chosen,
        vendor_source=lead.vendor_source if lead and chosen else "none",
        clues=tuple(dict.fromkeys(c for p in parts for c in p.clues)),
        exchange=lead.exchange if lead else Exchange("", ""),
        endpoint=lead.endpoint if lead else None,
        errors=errors,
        total_errors=sum(p.total_errors for p in parts),
        notes=tuple(dict.fromkeys(all_notes)),
        redactions=sum(p.redactions for p in parts),
        redacted_kinds=_merged_kinds(parts),
        reference=reference_for(catalog, errors),
    )


def _merged_kinds(parts: list[Explanation]) -> tuple[tuple[str, int], ...]:
    total: dict[str, int] = {}
    for p in parts:
        for kind, n in p.redacted_kinds:
            total[kind] = total.get(kind, 0) + n
    return tuple(sorted(total.items()))


def _context(
    facts: VendorFacts, ex: Exchange, vendor: str | None, source: str, excluded: frozenset[str], documented_only: bool
) -> Context:
    mapped = endpoint_for(facts, ex.path, vendor)
    endpoint = mapped[1] if mapped and (vendor is None or mapped[0] == vendor) else None
    return Context(vendor, source, endpoint, ex.method, excluded, documented_only)


def _match_all(catalog: CatalogIndex, observed: list[Observed], ctx: Context, memo: Memo | None) -> list[ErrorMatch]:
    """Match every error; identical errors (a body of 10,000 copies) are matched once."""
    if memo is None:
        memo = {}
    out = []
    for obs in observed:
        m = memo.get((obs, ctx))
        if m is None:
            m = memo[(obs, ctx)] = match_error(catalog, obs, ctx)
        out.append(m if m.observed is obs else m._replace(observed=obs))
    return out

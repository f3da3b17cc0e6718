"""Explaining what the triage keeps, and reading one input in this process: records -> triage ->
explain -> summary (the explainer also serves the parallel scan's explaining process and the
workers of a Dask cluster)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from functools import partial

from ..explainer import Explanation, explain
from ..explainer.envelopes import STATUS_ONLY, TEXT
from ..explainer.match import ErrorMatch, MatchKind
from ..gate import shown, shown_line
from ..index.store import CatalogIndex
from ..text import squash
from ..values import resend_may_repeat
from .concerns import needles_for
from .inputs import Input
from .prepared import Prepared, ScanOptions, record_time, template_of
from .records import Finder
from .settled import MAX_SHAPED, SETTLE_AFTER, Outcome, Shapes, shape_of
from .summary import INTERRUPTED, InputStats, Place, ScanReport, masked_path, own_words
from .triage import Triage
from .verdict import enveloped, http_evidence

MEMO_SIZE = 20_000
# Explanations by record template (prepared.template_of): a log repeats the same failing call many
# times, with another id, address or order number each time. Bounded in count and record size
# (an explanation keeps its text), so at most ~2,000 x 2 KiB of text plus their explanations.
EXPLAINED_SIZE = 2_000
_SETTLED_TEXT = 400  # characters of a settled record's template that name its group (signature cuts it to 160)


class Explainer:
    """Turns records into report entries: its triage counts what needs no catalog, and the rest
    is explained here, once per template (one per process: its caches serve every input)."""

    def __init__(self, index: CatalogIndex, options: ScanOptions, report: ScanReport):
        self.index, self.options = index, options
        self.memo: dict = {}  # type: ignore[type-arg]
        self.explained: dict[str, Explanation] = {}
        self.repeated: dict[str, Explanation] = {}  # by the record's whole text, where its template may not be shared
        self._numbered: frozenset[str] | None = None
        # a documented-only view: the same records concern a vendor
        self.triage = Triage(needles_for(index.whole), options, report)
        self.shapes = Shapes(index, self.triage.needles)
        self._settled_texts: dict[str, str] = {}  # a settled shape -> its group's text (see _count_settled)

    @property
    def report(self) -> ScanReport:
        return self.triage.report

    def read(self, name: str, finder: Finder, chunks: Iterable[bytes]) -> None:
        """Explain the records ``finder`` finds in the chunks of input ``name`` that the triage keeps."""
        self.triage.name = name
        finder.triage = self.triage
        for prep in finder.to_explain(chunks):
            self.take(name, prep)
        self.triage.settle()

    def take(self, name: str, prep: Prepared, line_offset: int = 0) -> None:
        """Explain and count a record the triage kept (and counted as read); ``line_offset``
        makes a part's line numbers the file's. A record of a call shape settled as undocumented
        (settled.py) is counted in its shape's group without a full explain."""
        place = Place(name, prep.line + line_offset)
        shape = shape_of(prep.paste) if prep.key is None or prep.key not in self.explained else None
        settled = self.shapes.settled(shape, prep.paste)
        if settled is not None:
            self._count_settled(prep, place, shape or "", settled)
            return
        self.shapes.learn(shape, prep.paste, self._explained(prep, place))

    def _explained(self, prep: Prepared, place: Place) -> Outcome | None:
        """Explain and count a record; how it was counted when that was as one undocumented vendor error."""
        report = self.report
        head = prep.head
        x = self._explain(prep.paste, prep.key)
        anonymous = x.vendor is None and not any(m.best for m in x.errors) and not http_evidence(x)
        if not (prep.reason or (enveloped(x) and not anonymous)):
            report.not_errors += 1
            return None
        when = prep.when
        if when is None:  # a repeat's time is read only now
            when = record_time(head)
        if anonymous:
            # no vendor's own evidence, no catalog row and nothing of an HTTP exchange: only the catalog's
            # generic words held it ("Internal Server Error"), or a structured log line's fields after a
            # prefix (docker compose's "caddy  | {...}", Laravel's context) read as a body: another program's
            self.triage.count_other(prep._replace(when=when), place)
            return None
        return self._count(x, place, when, lambda: shown_line(head, prep.above), prep.status)

    def _count_settled(self, prep: Prepared, place: Place, shape: str, outcome: Outcome) -> None:
        """Count a record of a settled shape (settled.py) in its shape's group, which says it was not explained."""
        report = self.report
        # the bound, not the count so far: one explained after the shape settled (it held a documented word) raised it,
        # and the shape's next records went to a group of their own ("the first 201" ... "the first 207", integ17)
        named = f"not explained one by one (the first {SETTLE_AFTER:,} of this call's shape were, each not in the catalog)"
        when = prep.when if prep.when is not None else record_time(prep.head)
        sample = partial(shown_line, prep.head, prep.above)
        said = self._settled_texts.get(shape)
        if said is None:  # its keys not masked as quoted values; redacted once a shape
            if len(self._settled_texts) >= EXPLAINED_SIZE:
                self._settled_texts.clear()
            # the record redacted before it is shaped: the shape's <n> cut a key's digits out of it ("AKIAQ<n>ZK<n>...")
            # and its end cut a value in two, and the gate knew neither piece (gate28)
            text = shape_of(shown(prep.paste)[:MAX_SHAPED]) or ""
            said = self._settled_texts[shape] = " ".join(text.replace('"', "").split())[:_SETTLED_TEXT]
        report.add_unmatched(outcome.vendor, outcome.status, said, place, when, outcome.endpoint, sample, named)
        report.errors += 1

    def _explain(self, paste: str, key: str | None) -> Explanation:
        """explain() of a record's text; a repeat of a call explained before (the same text, its
        long numbers aside: ``key``) reuses that explanation."""
        x = (self.explained.get(key) or self.repeated.get(paste)) if key is not None else None
        if x is None:
            if len(self.memo) > MEMO_SIZE:
                self.memo.clear()
            self.report.explained += 1
            x = explain(self.index, paste, memo=self.memo)
            if key is not None:
                # a template whose masked numbers may be the error's code is not shared, but the same text is the
                # same error: 20,000 copies of one MYOB line (its code masked) were each explained, 2 ms apiece
                kept = self.explained if _shareable(x, key, self._numbered_details) else self.repeated
                if len(kept) >= EXPLAINED_SIZE:
                    kept.clear()
                kept[key if kept is self.explained else paste] = x
        return x

    def _numbered_details(self) -> frozenset[str]:
        """The catalog's documented details that hold a number, as _shareable compares them (masked,
        squashed): read once, when a record's details first differ from its template's."""
        if self._numbered is None:
            self._numbered = frozenset(
                squash(template_of(e.details)) for e in self.index.entries if e.details and any(c.isdigit() for c in e.details)
            )
        return self._numbered

    def _count(
        self, x: Explanation, place: Place, when: datetime | None, sample: Callable[[], str], column: int | None
    ) -> Outcome | None:
        """Count an explained record; ``column``: a W3C line's status (w3c.py), which explain does not read.
        Its outcome when it was one undocumented error of a vendor (settled.py), else None."""
        report = self.report
        ex = x.exchange
        status = ex.status or column
        endpoint = x.endpoint or (masked_path(ex.path) if ex.path else None)
        unsafe = str(ex.method).upper() if resend_may_repeat(status, ex.method) else None
        vendor_filter = self.options.vendor
        counted = False
        seen: set[object] = set()
        documented = False
        for m in x.errors:
            best = m.best
            vendor = best.entry.vendor if best else x.vendor
            if vendor_filter and vendor != vendor_filter:
                continue
            counted = True
            obs = m.sent
            if m.kind is MatchKind.STATUS and (obs.code or obs.name or (obs.message and obs.shape not in (TEXT, STATUS_ONLY))):
                best = None  # only the status is documented, not the body's own code or words: show those
            if best is not None:
                documented = True
                e = best.entry
                key = (e.vendor, e.status, e.code, e.name, e.message)
                if key not in seen:
                    seen.add(key)
                    guide = partial(self.index.guide_for, e)
                    heading = partial(_said, obs.message) if m.kind is MatchKind.OBSERVED and obs.message else None
                    report.add_matched(key, e.id, m.kind, place, when, endpoint, sample, guide, heading, unsafe, status)
                continue
            named = " ".join(str(p) for p in dict.fromkeys((obs.code, obs.name)) if p) or None  # "31001 OAuthTokenIsInvalid"
            said = own_words(said) if (said := m.message or obs.message) else said
            if said == named:  # the message only repeats its code (an OAuth error's)
                said = None
            text = said or ("" if named else f"HTTP {obs.status}" if obs.status else sample())
            ukey = (vendor, obs.status, f"{named}: {text}" if named else text)
            if ukey in seen:
                continue
            seen.add(ukey)
            if m.family:  # one of several documented errors, the record not saying which: "not in the catalog" was false
                documented = True
                at = (place, when, endpoint)
                report.add_family(vendor, obs.status or status, text, m.family_shares, partial(_family, m), at, sample, named)
            else:
                report.add_unmatched(vendor, obs.status or status, text, place, when, endpoint, sample, named)
        if not x.errors and (not vendor_filter or x.vendor == vendor_filter):
            counted = True
            report.add_unmatched(x.vendor, status, sample(), place, when, endpoint, sample)
        if counted:
            report.errors += 1
        else:
            report.filtered_vendor += 1
        alone = counted and not documented and len(seen) == 1 and len(x.errors) == 1
        return Outcome(x.vendor, x.errors[0].sent.status or status, endpoint) if alone and x.vendor else None


def _family(m: ErrorMatch) -> tuple[str, ...]:
    """The documented errors a family's record may be, as scan names them: "37000 OrderPaid (myob.sale-order-item.order-paid)"."""
    return tuple(" ".join(str(p) for p in (c.entry.code, c.entry.name) if p is not None) + f" ({c.entry.id})" for c in m.family)


def _said(message: str) -> str:
    """An observed error's message as the log said it, redacted, for the head of its group."""
    return " ".join(own_words(shown(message)).split())[:160]


def _shareable(x: Explanation, key: str, numbered: Callable[[], frozenset[str]]) -> bool:
    """Whether every record with this template is the same error: what tells errors apart (each
    observed code, name and status) stands in the template verbatim, so no masked number was a
    code. Details (MYOB's AdditionalDetails, Sage's $source) may differ in what the template masks
    ("Invoice 394517" on each line of a log: each was explained, 0.45 ms a line), unless they hold
    an e-mail address or read as a documented detail that has a number (``numbered``): only a
    documented detail tells an error by its details, and none can tell those variants apart."""
    for m in x.errors:
        obs = m.sent
        if any(v is not None and str(v) not in key for v in (obs.code, obs.name, obs.status)):
            return False
        if obs.details is not None and (details := str(obs.details)) not in key:
            masked = template_of(details)
            if masked not in key or "@" in details or squash(masked) in numbered():
                return False
    return True


def read_whole(explainer: Explainer, inp: Input, chunks: Iterable[bytes], stats: InputStats) -> None:
    """Read one input whole (a file, stdin, a cluster's URL) into the explainer's report."""
    finder = Finder()
    try:
        explainer.read(inp.name, finder, chunks)
    except KeyboardInterrupt:  # Ctrl-C: what was read is counted and said cut there, then the scan stops
        inp.broken = INTERRUPTED
        _counted(explainer.report, inp, finder, stats)
        stats.lines = finder.lines_read()
        raise
    _counted(explainer.report, inp, finder, stats)


def _counted(report: ScanReport, inp: Input, finder: Finder, stats: InputStats) -> None:
    """What ``finder`` read of ``inp`` into the report: the lines, what it skipped, where reading was cut."""
    for s in finder.skipped:
        report.skip(inp.name, s.line, s.what)
    stats.lines = finder.line_at_end - 1
    if inp.broken:  # a cut stream (gzip, a shrunk file): where it was cut, not the line after
        stats.broken = inp.broken
        report.skip(inp.name, finder.stopped_at, inp.broken)

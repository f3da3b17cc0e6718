"""Which vendor sent a response: weighed evidence from hosts, headers, paths, names and envelopes.

Every clue is reported (``Clue``) with its weight and the reason it counts, all from one table
(``CLUE_KINDS``), so a user can see why errcat names a vendor or none. The rule that decides
(``decide``): a vendor is named when its own clues add up to ``ESTABLISHED`` and clearly outweigh
every other vendor's. What other services share counts little: a generic field name such as
``ErrorCode``, a common envelope such as ``{"errors": [{"error": ...}]}``, a brand word its other
products share ("Sage"). A request host that belongs to no catalogued vendor counts *against*
every vendor whose hosts are known: a Stripe or GitHub URL is evidence that this is not MYOB,
whatever its body says; a host under the vendor's registered domain that is not its documented
API host counts for it, a little. A loopback, private or LAN host (``localhost:8080``,
``192.168.1.5``) says nothing either way: MYOB's AccountRight serves the same API from the
desktop. The name of one of the vendor's *other* products (Sage X3, Sage 50, SData, MYOB EXO)
counts against it: their APIs are not catalogued.
"""

import importlib
import re
import sys
from collections.abc import Iterator, Sequence
from fnmatch import fnmatchcase
from functools import lru_cache
from itertools import chain
from typing import NamedTuple
from weakref import WeakKeyDictionary

from .. import regex_codes
from ..index.scenarios import squeezed
from ..index.store import CatalogIndex
from ..model import Entry, Fact, Vendor
from ..text import squash
from .envelopes import OWN_SHAPE, SentError
from .exchange import Exchange
from .match import common_name
from .split import tool_page, tool_site


class ClueKind(NamedTuple):
    weight: float  # per clue; a shape's clue carries the shape's own weight
    reason: str


ESTABLISHED = 0.6  # total weight at which evidence names a vendor
MARGIN = 0.3  # how far the named vendor must lead the next
# Every kind of clue, its weight and why it counts: the one place to read (and change) them.
CLUE_KINDS: dict[str, ClueKind] = {
    "host": ClueKind(1.0, "the vendor's documented API host"),
    "host-domain": ClueKind(0.6, "a host in the domain of the vendor's API hosts (an OAuth or regional host)"),
    "registered-domain": ClueKind(0.4, "a host under the vendor's registered domain, but not its documented API host"),
    "foreign-host": ClueKind(-2.0, "the request went to a host of no catalogued vendor"),
    "foreign-mention": ClueKind(-1.0, "the paste names a host of no catalogued vendor (a link in a message, a URL in a log)"),
    "other-service": ClueKind(-1.0, "the paste names a service errcat does not catalogue (xero returns 400 ...)"),
    "answered-by": ClueKind(-1.0, "the paste's words say another catalogued vendor answered (Sage returned 400 ...)"),
    "header": ClueKind(1.0, "a header only this vendor's API uses"),
    "path": ClueKind(0.9, "the vendor's documented path prefix"),
    "endpoint": ClueKind(0.6, "a documented endpoint path of the vendor (0.3 when only its tail matched)"),
    "named": ClueKind(0.6, "the name of the catalogued product, or an SDK named after it"),
    "brand": ClueKind(0.3, "the vendor's brand alone: its other products share it, so it is weak"),
    "other-product": ClueKind(-2.0, "another product of the vendor's, whose API is not the catalogued one"),
    "envelope": ClueKind(0.7, "the vendor's documented error envelope"),
    "envelope-shape": ClueKind(
        0.7, "the vendor's envelope holding no code or name the vendor documents: any service may answer in that shape"
    ),
    "common-envelope": ClueKind(0.3, "a shape the vendor uses, but other APIs send it too: weak"),
    "vocabulary": ClueKind(0.4, "the vendor's own field or rule vocabulary"),
    "known-words": ClueKind(0.3, "words the vendor is known to send (documented or publicly reported), in its envelope"),
    "message": ClueKind(0.7, "the words of an error only this vendor documents"),
    "documented": ClueKind(0.7, "a sentence of the vendor's own error documentation, quoted whole"),
    "error-names": ClueKind(ESTABLISHED, "the vendor's documented error names, several of them or one with its documented code"),
    "override": ClueKind(1.0, "--vendor"),
    "recording": ClueKind(ESTABLISHED, "the vendor the recording's other exchanges establish"),
}
_LOCAL_HOST = re.compile(
    r"^(?:localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|::1|\[::1\]|10(?:\.\d{1,3}){3}|192\.168(?:\.\d{1,3}){2}"
    r"|172\.(?:1[6-9]|2\d|3[01])(?:\.\d{1,3}){2}|[a-z0-9.-]*\.(?:local|localhost|internal|lan))$"
)
# Auth and header names every API uses; they say nothing about the vendor.
_GENERIC_NAMES = {"authorization", "cookie", "api_key", "api-key", "x-api-key", "accept", "content-type"}


class Clue(NamedTuple):
    kind: str  # a key of CLUE_KINDS
    value: str
    vendor: str | None
    weight: float
    reason: str = ""  # why it counts, when it says more than its kind's reason

    @classmethod
    def of(cls, kind: str, value: str, vendor: str | None, weight: float | None = None, reason: str = "") -> "Clue":
        """A clue with its kind's weight from the table (unless the clue carries its own)."""
        return cls(kind, value, vendor, CLUE_KINDS[kind].weight if weight is None else weight, reason)

    def record(self) -> dict[str, object]:
        why = self.reason or (CLUE_KINDS[self.kind].reason if self.kind in CLUE_KINDS else "")
        return {"kind": self.kind, "value": self.value, "vendor": self.vendor, "weight": round(self.weight, 2), "reason": why}


class EndpointRule(NamedTuple):
    vendor: str
    path: str  # as documented
    literals: frozenset[str]  # its fixed segments, lower case: a path lacking one cannot match
    prefixed: bool  # whether the match needed the vendor's path prefix

    def matches(self, path: str, segments: set[str]) -> bool:
        return self.literals <= segments and _endpoint_pattern(self.path).match(path) is not None


@lru_cache(maxsize=1024)
def _endpoint_pattern(path: str) -> re.Pattern[str]:
    """Compiled only for rules whose literal segments all occur in the path: cost stays flat."""
    return regex_codes.compile("^/" + _path_regex(path) + "(?:/[^/]+)?/?$", re.IGNORECASE)


def _literals(path: str) -> frozenset[str]:
    return frozenset(p.lower() for p in path.strip("/").split("/") if p and not re.fullmatch(r"\{[^}]*\}|<[^>]*>", p))


def host_pattern(value: str, pattern: str | None) -> str:
    """A host fact as a shell-style pattern: ``<account>.app.invoicexpress.com`` -> ``*.app...``."""
    return (pattern or re.sub(r"<[^>]*>|\{[^}]*\}", "*", value)).lower()


def _path_regex(path: str) -> str:
    parts = [p for p in path.strip("/").split("/") if p]
    out = []
    for p in parts:
        out.append("[^/]+" if re.fullmatch(r"\{[^}]*\}|<[^>]*>", p) else re.escape(p))
    return "/".join(out)


class NamePattern:
    """Names (a vendor's, another product's) as one case-blind pattern. Most texts name few of
    them, and clues_for ran nine such searches per paste (a third of explaining a log record), so
    each pattern also carries what every match must hold (tested first with ``in``) and, when its
    letters are all lower case, a case-sensitive twin to search lower-cased ASCII text with (a
    case-blind search costs twice as much). Both are worked out by re's parser, on the pattern's
    ANALYSED_AFTER-th search on such a text (or when asked for): one paste searches each pattern
    a few times, which the parser cost more than it saved (2 % of an ``errcat explain``)."""

    __slots__ = ("_analysis", "_searches", "_source", "pattern")

    def __init__(self, source: str):
        self.pattern = regex_codes.compile(source, re.IGNORECASE)
        self._source = source
        self._searches = 0
        # what every match holds (one of these, all of its strings; None: unknown), and the same
        # pattern for lower-cased ASCII text when that is exact: worked out when first needed
        self._analysis: tuple[tuple[tuple[str, ...], ...] | None, re.Pattern[str] | None] | None = None

    @classmethod
    def of(cls, source: str) -> "NamePattern":
        return cls(source)

    @property
    def needles(self) -> tuple[tuple[str, ...], ...] | None:
        return self._analysed()[0]

    @property
    def lowered(self) -> re.Pattern[str] | None:
        return self._analysed()[1]

    def _analysed(self) -> tuple[tuple[tuple[str, ...], ...] | None, re.Pattern[str] | None]:
        if self._analysis is None:
            parsed = _parsed(self._source)
            if parsed is None:
                self._analysis = (None, None)
            else:
                items, ops = parsed
                twin = regex_codes.compile(self._source) if _lower_case_only(items, ops) else None
                self._analysis = (_sequence_needles(items, ops), twin)
        return self._analysis

    def search(self, text: str, lowered: str | None) -> str | None:
        """The name as written in ``text``, if any. ``lowered``: the text in lower case when it is
        ASCII, else None (case-blind matching pairs characters that lower() does not, such as
        the long s and s). The needles and the twin find what the pattern finds, only faster."""
        if lowered is not None and self._analysis is None:
            self._searches += 1
            if self._searches >= ANALYSED_AFTER:
                self._analysed()
        if lowered is None or self._analysis is None:
            m = self.pattern.search(text)
            return m.group(0) if m else None
        needles, twin = self._analysis
        if needles is not None and not _holds_one(lowered, needles):
            return None
        if twin is not None:
            m = twin.search(lowered)
            return text[m.start() : m.end()] if m else None  # ASCII: lowering moved nothing
        m = self.pattern.search(text)
        return m.group(0) if m else None


ANALYSED_AFTER = 16


def _holds_one(text: str, needles: tuple[tuple[str, ...], ...]) -> bool:
    """Whether the text holds all the strings of one of the needles (a loop: twelve patterns ask per paste)."""
    for strings in needles:
        for n in strings:
            if n not in text:
                break
        else:
            return True
    return False


Ops = dict[str, object]  # the parser's op codes, by name
Parsed = list[tuple[object, object]]
_OPS = ("LITERAL", "NOT_LITERAL", "BRANCH", "IN", "RANGE", "NEGATE", "CATEGORY", "AT", "ANY", "SUBPATTERN",
        "ASSERT", "ASSERT_NOT", "MAX_REPEAT", "MIN_REPEAT")  # fmt: skip


def _parsed(source: str) -> tuple[Parsed, Ops] | None:
    """The pattern as re's own parser reads it (a private module, hence the fallback to None)."""
    try:
        parser, constants = importlib.import_module("re._parser"), importlib.import_module("re._constants")
        return list(parser.parse(source, re.IGNORECASE)), {name: getattr(constants, name) for name in _OPS}
    except Exception:
        return None


def _sequence_needles(items: Parsed, ops: Ops) -> tuple[tuple[str, ...], ...] | None:
    """What every match of a sequence holds: all of its runs of two or more literal characters
    (lower case, three characters at least in all), or, without those, what one branch of its
    alternation holds. None when it is not that simple."""
    runs, run, branches = [], "", None
    for op, arg in items:
        if op is ops["LITERAL"] and isinstance(arg, int):
            run += chr(arg).lower()
            continue
        runs.append(run)
        run = ""
        if op is ops["BRANCH"] and isinstance(arg, tuple) and branches is None:
            found = [_sequence_needles(list(b), ops) for b in arg[1]]
            if all(f is not None for f in found):
                branches = tuple(alt for f in found if f is not None for alt in f)
    runs.append(run)
    held = tuple(r for r in runs if len(r) >= 2)
    if sum(map(len, held)) >= 3:
        return (held,)
    return branches


def _lower_case_only(items: Parsed, ops: Ops) -> bool:
    """Whether the pattern, case-sensitive on lower-cased ASCII text, finds what it finds
    case-blind on the text: no upper-case letter in it, no range over them, no flags changed."""
    return all(_lower_case_item(op, arg, ops) for op, arg in items)


def _lower_case_item(op: object, arg: object, ops: Ops) -> bool:
    """One parsed item of the pattern: a lower-case character or range, a group of such items,
    or an op that matches the same on lower-cased text (an unknown op is not trusted)."""
    if op in (ops["LITERAL"], ops["NOT_LITERAL"]):
        return isinstance(arg, int) and chr(arg) == chr(arg).lower()
    if op is ops["RANGE"]:
        return isinstance(arg, tuple) and not (arg[0] <= ord("Z") and arg[1] >= ord("A"))
    group = _lower_case_group(op, arg, ops)
    if group is not None:
        return group
    return op in (ops["NEGATE"], ops["CATEGORY"], ops["AT"], ops["ANY"])


def _lower_case_group(op: object, arg: object, ops: Ops) -> bool | None:
    """Whether the items an op holds (a set, alternation, group, lookaround or repeat) are all
    lower case only; None when the op holds none. A group that sets or clears flags is not."""
    if op is ops["IN"]:
        return isinstance(arg, list) and _lower_case_only(arg, ops)
    if op is ops["BRANCH"]:
        return isinstance(arg, tuple) and all(_lower_case_only(list(b), ops) for b in arg[1])
    if op is ops["SUBPATTERN"]:
        return isinstance(arg, tuple) and not arg[1] and not arg[2] and _lower_case_only(list(arg[3]), ops)
    if op in (ops["ASSERT"], ops["ASSERT_NOT"]):
        return isinstance(arg, tuple) and _lower_case_only(list(arg[1]), ops)
    if op in (ops["MAX_REPEAT"], ops["MIN_REPEAT"]):
        return isinstance(arg, tuple) and _lower_case_only(list(arg[2]), ops)
    return None


class VendorFacts(NamedTuple):
    """The vendor facts evidence needs, compiled once per catalog."""

    hosts: dict[str, tuple[str, ...]]
    headers: dict[str, tuple[str, ...]]
    prefixes: dict[str, tuple[re.Pattern[str], ...]]
    endpoints: tuple[EndpointRule, ...]
    mentions: dict[str, NamePattern]  # vendor -> its product names, one pattern
    others: tuple[tuple[str, str, NamePattern], ...]  # (vendor, other product's name, pattern)
    # answers of endpoint_for already worked out (a scanned log asks about the same few paths)
    mapped: dict[tuple[str, str | None], tuple[str, str, bool] | None]
    brands: dict[str, NamePattern]  # vendor -> the brand its other products share
    domains: dict[str, tuple[str, ...]]  # vendor -> its registered domains (developer.prospend.com: prospend.com)
    # clues of hosts already judged, by (host, whether it is the request's): a log names the same few
    hosted: dict[tuple[str, bool], tuple[Clue, ...]]
    prefixed: dict[str, tuple[str, ...]]  # the vendors whose path prefix starts a path, by path (the same few)
    # the documents' scenario sentences only one vendor's documents hold, squeezed and lower-cased -> that vendor
    scenarios: dict[str, tuple[str, str]]


_FACTS: WeakKeyDictionary[CatalogIndex, VendorFacts] = WeakKeyDictionary()


def facts_for(index: CatalogIndex) -> VendorFacts:
    """The vendor facts of a catalog, compiled on first use and kept as long as the catalog is
    (a weak key: a closed and dropped index is not kept alive by this cache)."""
    facts = _FACTS.get(index)
    if facts is None:
        facts = _FACTS[index] = _compile_facts(index)
    return facts


def _compile_facts(index: CatalogIndex) -> VendorFacts:
    hosts: dict[str, tuple[str, ...]] = {}
    headers: dict[str, tuple[str, ...]] = {}
    prefixes: dict[str, tuple[re.Pattern[str], ...]] = {}
    rules: list[EndpointRule] = []
    mentions: dict[str, NamePattern] = {}
    brands: dict[str, NamePattern] = {}
    others: list[tuple[str, str, NamePattern]] = []
    paths = index.paths()
    for v in index.vendors.values():
        hosts[v.id] = tuple(host_pattern(h.value, h.pattern) for h in v.hosts)
        names = {f.value.lower() for f in (*v.headers, *v.auth)} - _GENERIC_NAMES
        headers[v.id] = tuple(sorted(names))
        prefixes[v.id] = tuple(regex_codes.compile(f"^/{_path_regex(p.value)}(?=/|$)", re.IGNORECASE) for p in v.path_prefixes)
        if v.mentions:
            mentions[v.id] = _one_pattern(v.mentions)
        if v.brands:
            brands[v.id] = _one_pattern(v.brands)
        others += [(v.id, f.value, NamePattern.of(_name_pattern(f))) for f in v.other_products]
        rules += _endpoint_rules(v.id, sorted(paths.get(v.id, ())), prefixes[v.id], bool(v.path_prefixes))
    rules.sort(key=lambda r: -len(r.path))  # the most specific path wins
    domains = {v.id: _registered_domains(v) for v in index.vendors.values()}
    return VendorFacts(
        hosts, headers, prefixes, tuple(rules), mentions, tuple(others), {}, brands, domains, {}, {}, index.scenarios
    )


def _one_pattern(facts: tuple[Fact, ...]) -> NamePattern:
    return NamePattern.of("|".join(f"(?:{_name_pattern(f)})" for f in facts))


def _endpoint_rules(vendor: str, paths: list[str], prefixes: tuple[re.Pattern[str], ...], has_prefix: bool) -> list[EndpointRule]:
    rules = []
    for path in paths:
        if not _path_regex(path):
            continue
        prefixed = has_prefix and not any(p.match("/" + path.strip("/")) for p in prefixes)
        rules.append(EndpointRule(vendor, path, _literals(path), prefixed))
    return rules


_URL_HOST = re.compile(r"https?://([a-z0-9.-]+)", re.IGNORECASE)
_SECOND_LEVEL = {"com", "co", "net", "org", "gov", "edu", "ac"}


def registered_domain(host: str) -> str:
    """``help.myob.com.au`` -> ``myob.com.au``; ``developer.prospend.com`` -> ``prospend.com``."""
    labels = host.lower().strip(".").split(".")
    keep = 3 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])


def _registered_domains(v: Vendor) -> tuple[str, ...]:
    """The domains the vendor registered: those of its API hosts, and those of its own documentation
    (a source URL whose domain carries one of the vendor's names: developer.prospend.com, not github.com)."""
    names = _one_pattern(v.mentions + v.brands) if v.mentions or v.brands else None
    found = {registered_domain(p) for p in (host_pattern(h.value, h.pattern) for h in v.hosts) if "*" not in registered_domain(p)}
    facts = (*v.hosts, *v.base_urls, *v.auth, *v.headers, *v.path_prefixes, *v.mentions, *v.brands)
    for url_host in (m.group(1) for f in facts for m in _URL_HOST.finditer(f"{f.value} {f.source}")):
        domain = registered_domain(url_host)
        if names is not None and names.search(domain.split(".")[0], None):
            found.add(domain)
    return tuple(sorted(found))


def _name_pattern(fact: Fact) -> str:
    """A name fact as a regex: its pattern, else its value as a whole word."""
    return fact.pattern or r"\b" + re.escape(fact.value) + r"\b"


def is_local_host(host: str) -> bool:
    """Loopback, private and reserved hosts: a desktop API, a proxy or an emulator, no vendor's own."""
    return bool(_LOCAL_HOST.match(host.lower()))


def host_vendor(facts: VendorFacts, host: str) -> str | None:
    host = host.lower()
    for vendor, patterns in facts.hosts.items():
        if any(fnmatchcase(host, p) for p in patterns):
            return vendor
    return None


def domain_vendor(facts: VendorFacts, host: str) -> str | None:
    """The vendor whose API hosts share this host's parent domain (an OAuth or regional host, say):
    ``oauth.accounting.sage.com`` beside ``api.accounting.sage.com``, but not every host of sage.com,
    which Sage's other products share (those are its registered domain's: see _host_clues)."""
    host = host.lower()
    for vendor, patterns in facts.hosts.items():
        for p in patterns:
            domain = p.split(".", 1)[1] if p.count(".") >= 2 else p
            if "*" not in domain and (host == domain or host.endswith("." + domain)):
                return vendor
    return None


def endpoint_for(facts: VendorFacts, path: str | None, vendor: str | None) -> tuple[str, str, bool] | None:
    """The documented endpoint a request path maps to: (vendor, documented path, had prefix)."""
    if not path:
        return None
    key = (path, vendor)
    if key in facts.mapped:
        return facts.mapped[key]
    if len(facts.mapped) >= 4096:
        facts.mapped.clear()
    found = facts.mapped[key] = _endpoint_for(facts, path, vendor)
    return found


def _endpoint_for(facts: VendorFacts, path: str, vendor: str | None) -> tuple[str, str, bool] | None:
    path = "/" + path.split("?", 1)[0].strip("/")
    segments = {p.lower() for p in path.split("/") if p}
    return _behind_prefix(facts, path, segments, vendor) or _unprefixed(facts, path, segments, vendor)


def _behind_prefix(facts: VendorFacts, path: str, segments: set[str], vendor: str | None) -> tuple[str, str, bool] | None:
    """A documented endpoint behind the vendor's path prefix (``/accountright/{guid}/Contact``)."""
    for v, prefixes in facts.prefixes.items():
        if vendor and v != vendor:
            continue
        for prefix in prefixes:
            if m := prefix.match(path):
                rest = path[m.end() :] or "/"
                for rule in facts.endpoints:
                    if rule.vendor == v and rule.prefixed and rule.matches(rest, segments):
                        return v, rule.path, True
    return None


def _unprefixed(facts: VendorFacts, path: str, segments: set[str], vendor: str | None) -> tuple[str, str, bool] | None:
    """A documented endpoint of a vendor with no path prefix; else a prefixed vendor's endpoint
    pasted without its prefix."""
    rules = [r for r in facts.endpoints if vendor is None or r.vendor == vendor]
    for prefixed in (False, True):
        for rule in rules:
            if rule.prefixed == prefixed and rule.matches(path, segments):
                return rule.vendor, rule.path, False
    return None


_ANY_HEADER = re.compile(r"(?<![\w-])(x-[a-z0-9]+-[a-z0-9-]+)\s*:", re.IGNORECASE)


# A Python exception as a traceback's last line prints it, qualified by the package that raised it: an SDK's
# ("openai.error.RateLimitError: You exceeded your current quota"), naming the service the paste is from.
_SDK_EXCEPTION = re.compile(
    r"^[ \t]*([a-z][a-z0-9_]{1,30})(?:\.[a-z_][a-z0-9_]{0,30}){0,4}\.[A-Z][A-Za-z0-9]{0,60}(?:Error|Exception)(?=:|[ \t]*$)",
    re.MULTILINE,
)
# packages that raise for any service: the standard library's, HTTP clients', web frameworks', retry libraries'
_ANY_SERVICE = frozenset(sys.stdlib_module_names) | {
    "requests", "urllib3", "httpx", "httpcore", "aiohttp", "pydantic", "django", "flask", "werkzeug", "fastapi",
    "starlette", "tenacity", "backoff", "celery", "errcat", "zeep", "suds", "simplejson", "grpc", "websockets",
    "tornado", "twisted", "sqlalchemy", "pytest", "_pytest", "builtins", "exceptions", "app", "src", "main", "lib",
    # the JVM's: its own, and HTTP clients' (retrofit2.HttpException, feign.FeignException, org.apache.http.client's
    # HttpResponseException, io.ktor.client's ClientRequestException, org.springframework.web.client's, okhttp3's)
    "java", "javax", "jdk", "sun", "kotlin", "kotlinx", "retrofit2", "okhttp3", "feign", "apache", "springframework",
    "netty", "eclipse", "asynchttpclient",
    # openapi-generator's and swagger-codegen's default packages for a generated client (openapi_client.exceptions.
    # ApiException, org.openapitools.client.ApiException): generated for any API, the vendors' too
    "openapi_client", "swagger_client", "openapitools",
}  # fmt: skip
# a JVM package named by a domain (com.stripe.exception, org.apache.http): the name after the domain's is the
# package's ("io" is Python's own module name, a package that raises for any service, as it always was)
_DOMAIN_PREFIXES = frozenset({"com", "org", "net", "dev", "me", "co"})


def sdk_exception(facts: VendorFacts, head: str) -> str | None:
    """An exception of another service's SDK the paste shows (``openai.error.RateLimitError``): a package that
    is no catalogued vendor's (no product or brand name of one) and raises for no service in general."""
    if "Error" not in head and "Exception" not in head:
        return None
    for m in _SDK_EXCEPTION.finditer(head):
        said, package = m.group(0).strip(), m.group(1)
        if package in _DOMAIN_PREFIXES and said.count(".") > 1:
            package = said.split(".", 2)[1]
        if package in _ANY_SERVICE or not facts.hosts.keys().isdisjoint(package.split("_")):  # myob_sync: an integration's
            continue
        if any(p.search(said, None) for p in (*facts.mentions.values(), *facts.brands.values())):
            continue
        return said
    return None


def clues_for(catalog: CatalogIndex, ex: Exchange, errors: Sequence[SentError]) -> list[Clue]:
    """Every clue in the exchange and the shapes of its errors (not their words: see match.py)."""
    facts = facts_for(catalog)
    head = ex.text[:65536]
    clues = _request_clues(facts, ex, head, _said_end(head, errors))
    prose = _prose(head)  # a name inside a URL, path or host is that clue's, counted above
    if "(" in prose:  # a vendor named in an aside that says its call worked is not what answered (_CONTRAST)
        prose = _CONTRAST.sub(_blanked, prose)
    clues += _name_clues(facts, prose, head)
    clues += _vocabulary_clues(head)
    clues += _documented_clues(facts, head)
    shapes = {(e.shape.name, v, e.shape.weight) for e in errors if e.shape.weight for v in e.shape.vendors}
    own = {v for _, v, w in shapes if w >= OWN_SHAPE and (_documented_value(catalog, v, errors) or _notice(v, head))}
    clues += [_shape_clue(name, v, w, v in own) for name, v, w in sorted(shapes)]
    return clues


def _documented_value(catalog: CatalogIndex, vendor: str, errors: Sequence[SentError]) -> bool:
    """Whether an error read from the vendor's envelope carries a code or name the vendor documents (MYOB's ErrorCode
    11003, Sage's $dataCode ValidationError): the vendor's own vocabulary in its own fields. The envelope's keys alone
    are a shape any service can answer in ({"Errors":[{"Name":"WarehouseClosed","ErrorCode":88001,...}]} named MYOB
    with nothing of MYOB's in it, claims20/21)."""
    for e in errors[:50]:
        if vendor not in e.shape.vendors:
            continue
        code, name = _key(e.code), _key(e.name)
        # a name the vendor documents is its word, whatever code beside it, unless it is two words every API says
        # (AccessDenied, ValidationError, NotFound: S3's, Azure's, Rails' as much as MYOB's; an envelope holding one
        # with another code named MYOB, and its AccessDenied was claimed, review21); a code it documents only under
        # the name sent, where both are named (ErrorCode 9001 named PlanExpired is not MYOB's 9001, ItemLinkedToPurchases)
        own_name = name and not (isinstance(e.name, str) and common_name(e.name, most=2))
        named = catalog.with_name_key(name) + catalog.with_code_key(name) if own_name else []
        coded = catalog.with_code_key(code) if code else []
        if any(x.vendor == vendor for x in named) or any(
            x.vendor == vendor and (not name or not x.name or _key(x.name) == name or _code_and_words(x, e, own_name))
            for x in coded
        ):
            return True
    return False


def _code_and_words(row: Entry, sent: SentError, own_name: object) -> bool:
    """A code the vendor documents sent with the documented message, under a name every API says: MYOB's
    {"Name":"ValidationError","ErrorCode":25008,"Message":"Date cannot be prior to beginning of financial year"} is
    MYOB's own (its document names ValidationError beside other codes), though 25008's row names it otherwise; the
    code alone beside such a name is not (review21's rule)."""
    return not own_name and bool(sent.message) and bool(row.message) and _key(row.message) == _key(sent.message)


def _key(value: object) -> str:
    return squash(str(value)) if value is not None else ""


def _said_end(head: str, errors: Sequence[SentError]) -> int:
    """Where the first error's message (as the paste writes it) ends in ``head``; past its end when none is found."""
    ends = [at + len(e.message) for e in errors if e.message and (at := head.find(e.message)) >= 0]
    return min(ends, default=len(head) + 1)


def _request_clues(facts: VendorFacts, ex: Exchange, head: str, said_end: int) -> list[Clue]:
    """Hosts (the request's, else those written in the text), the vendor's headers, path prefix and endpoint."""
    clues: list[Clue] = []
    host = ex.host
    if host and not ex.method and host in _relay_hosts(head.lower()):
        host = None  # a proxy's URL the paste sets (HTTPS_PROXY=http://…), which a reader took for the request's
    # a tool site's page linked beside the error is not the call; a request line's URL (its method read) is
    if host and not is_local_host(host) and (ex.method or not tool_page(host, ex.path)):
        clues += _host_clues(facts, host, foreign=True)
    elif not host:
        low = head.lower()
        written = dict.fromkeys(m.group(1) for m in _HOST_IN_TEXT.finditer(low))
        for host in written:
            clues += _host_clues(facts, host, foreign=False)
        machines = _machine_hosts(head) | _relay_hosts(low) if written else set()
        mentioned = {h: None for h in written if h not in machines}
        clues += _foreign_mentions(facts, head, low, mentioned, {c.vendor for c in clues}, said_end)
    header_names = {k.lower() for k, _ in ex.headers}
    if "x-" in head or "X-" in head:
        header_names |= {m.group(1).lower() for m in _ANY_HEADER.finditer(head)}
    for vendor, names in facts.headers.items() if header_names else ():
        clues += [Clue.of("header", name, vendor) for name in sorted(header_names & set(names))]
    paths = [ex.path] if ex.path else list(dict.fromkeys(m.group(0) for m in _PATH_IN_TEXT.finditer(head[:16384])))[:20]
    for vendor in facts.prefixes:
        if found := next((p for p in paths if vendor in _prefix_vendors(facts, p)), None):
            clues.append(Clue.of("path", found, vendor))
    if mapped := endpoint_for(facts, ex.path, None):
        vendor, documented, prefixed = mapped
        clues.append(Clue.of("endpoint", documented, vendor, 0.3 if prefixed else 0.6))
    return clues


def _prefix_vendors(facts: VendorFacts, path: str) -> tuple[str, ...]:
    """The vendors whose path prefix starts the path, worked out once per path (a short one: what
    a log's records repeat)."""
    found = facts.prefixed.get(path)
    if found is None:
        probe = "/" + path.strip("/")
        found = tuple(v for v, prefixes in facts.prefixes.items() if any(x.match(probe) for x in prefixes))
        if len(path) <= 512:
            if len(facts.prefixed) >= 4096:
                facts.prefixed.clear()
            facts.prefixed[path] = found
    return found


def _name_clues(facts: VendorFacts, prose: str, head: str) -> list[Clue]:
    """Product names and brand words in the prose; other products' names anywhere (hosts included)."""
    clues: list[Clue] = []
    lowered = prose.lower() if prose.isascii() else None
    for vendor, pattern in facts.mentions.items():
        if named := pattern.search(prose, lowered):
            clues.append(Clue.of("named", named, vendor))
    for vendor, pattern in facts.brands.items():
        if vendor not in {c.vendor for c in clues} and (named := pattern.search(prose, lowered)):
            clues.append(Clue.of("brand", named, vendor))
    lowered = head.lower() if head.isascii() else None
    for vendor, product, pattern in facts.others:
        if pattern.search(head, lowered):
            clues.append(Clue.of("other-product", product, vendor))
    return clues


# MYOB's validation vocabulary: rule ids such as CommonRules_StringRequired or SaleEvent_CreditOnHold
# (entity, underscore, rule) and details written Field:(Entity), as its documented bodies carry them.
_MYOB_RULE = re.compile(r"\b(?:CommonRules|[A-Z][a-z]+(?:[A-Z][a-z]+)*Event|Line|Term)_[A-Z][A-Za-z]+(?:_[A-Z][A-Za-z]+)*\b")
_MYOB_DETAIL = re.compile(r"\b[A-Z][A-Za-z]+:\((?:[A-Z][a-z]+)+\)")
_MYOB_SCOPE = re.compile(r"(?<![\w-])sme-[a-z]+(?:-[a-z]+)*\b")  # its OAuth scopes (sme-contacts, sme-sales)
# its API's names for a call without a usable access token (OAuthTokenIsMissing is observed;
# OAuthTokenIsInvalid, code 31001, is reported by integrators): no other API's error is so named,
# though test names (whenOAuthTokenIsInvalid) spell it inside longer words
TOKEN_NAMES = ("OAuthTokenIsInvalid", "OAuthTokenIsMissing")  # scan reads a record naming one (scan/concerns.py)
_MYOB_TOKEN_NAME = re.compile(r"(?<![A-Za-z])(?:" + "|".join(TOKEN_NAMES) + r")(?![A-Za-z])")

# the notice MYOB's API adds to its error bodies ("Information": "Warning, error messages have not been finalised in
# this release and may change": a real body in realworld.jsonl, blind40-1)
_MYOB_NOTICE = re.compile(r"error messages have not been finalised in this release", re.IGNORECASE)

# Each form with a literal every match holds: a text without it is not searched.
_VOCABULARY = ((_MYOB_RULE, "_"), (_MYOB_DETAIL, ":("), (_MYOB_SCOPE, "sme-"), (_MYOB_TOKEN_NAME, "OAuthTokenIs"))


def _notice(vendor: str, head: str) -> bool:
    """Whether MYOB's envelope carries MYOB's notice: its own words in its body make the envelope MYOB's own, as a
    documented code does; they are part of the body, so beside another service's host they name MYOB no more than the
    envelope does (a clue of their own outweighed that host: "sync to uk.erp.acme.app failed: <MYOB's body>")."""
    return vendor == "myob" and "finalised" in head and _MYOB_NOTICE.search(head) is not None


def _vocabulary_clues(head: str) -> list[Clue]:
    """One clue per form of the vocabulary found (a rule id, a detail): two forms say more than one.
    The token names weigh enough alone: an error so named is MYOB's, as an integrator pastes it
    ("401 OAuthTokenIsInvalid") with no body, host or header around it."""
    found = [(m.group(0), pattern) for pattern, needle in _VOCABULARY if needle in head and (m := pattern.search(head))]
    return [
        Clue.of(
            "vocabulary",
            word,
            "myob",
            ESTABLISHED if pattern is _MYOB_TOKEN_NAME else None,
            _TOKEN_NAME_REASON if pattern is _MYOB_TOKEN_NAME else "",
        )
        for word, pattern in found
    ]


_TOKEN_NAME_REASON = (
    "the name MYOB's API gives an error for a call without a usable access token; no other API's error is so named"
)


def _documented_clues(facts: VendorFacts, head: str) -> list[Clue]:
    """A vendor's documented scenario quoted in the paste (a reader's copy of its error table): the
    vendor's own words. Read from the paste's start, where such a copy is."""
    if not facts.scenarios:
        return []
    text = squeezed(head[:_DOCUMENTED_HEAD])
    return [Clue.of("documented", said[:120], vendor) for words, (vendor, said) in facts.scenarios.items() if words in text]


_DOCUMENTED_HEAD = 8192


def _shape_clue(name: str, vendor: str, weight: float, documented: bool) -> Clue:
    """A shape's clue: the vendor's own envelope holding a value it documents; the same envelope holding none (it names
    no vendor alone, _SHARED); a shape others send too."""
    kind = ("envelope" if documented else "envelope-shape") if weight >= OWN_SHAPE else "common-envelope"
    return Clue.of(kind, name, vendor, weight)


_HOSTNAME = re.compile(  # URLs, paths, host and x- header names: their clues are counted as such
    r"\bhttps?://\S+|(?<![^\s>'\"(])(?:~|\.{1,2})?/\S+|\b[A-Za-z]:\\\S+|\bx-[a-z0-9-]+"
    r"|(?<![\w.-])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|io|net|org|au|nz|uk|co|pt|es|fr|de|ca|us|test|local)(?![\w-])"
    # a file's name, as a path's last part is (prospend_export.py, myob_sync.rb:88, ProSpendExport.java): the caller's
    # program or data, named for what it talks to; another service's 401 beside it was ProSpend's (claims19 i15). Not a
    # settings file: one named for a service holds that service's keys (sageone.yml: a real Sage paste, own-634)
    r"|(?<![\w.-])[\w-]+\.(?:py|rb|js|mjs|cjs|ts|jsx|tsx|php|java|kt|scala|cs|go|rs|swift|pl|sh|ps1|bat|sql|log|csv"
    r"|txt)(?![\w-])",
    re.IGNORECASE,
)


def _prose(head: str) -> str:
    """The text with URLs, paths, hosts and x- header names blanked (_HOSTNAME). No match of it
    holds a blank or looks further than one character beyond, so it is searched only in the
    stretches between blanks that hold a "/", "." or "x-": a third of the cost of the whole text."""
    parts = head.split(" ")
    for i, part in enumerate(parts):
        if "." in part or "/" in part or "\\" in part or "x-" in part or "X-" in part:
            parts[i] = _HOSTNAME.sub(" ", part)
    return " ".join(parts)


# The machine a log line names as its source, not a service it called: syslog's host after its time at a line's start
# (RFC 3164 "Mar  1 10:00:00 web-01.acme.com sync[1]:", RFC 5424 "<11>1 2024-03-01T10:00:00Z web-01.acme.com sync 1 - -",
# rsyslog's RFC 3339 time with the program's process id: "2024-03-01T10:00:00Z x3.acme.com responded: 401" is an app's
# line about the host it called, and so is "x3.acme.com items[0]:", no process's id; or rsyslog's file format's time,
# microseconds and an offset, before any tag: `logger` and the kernel write no process id,
# "2024-03-01T10:00:00.123456+00:00 web-01.acme.com myapp: "), and a record's hostname field (hostname=, "hostname":,
# host.name, Elastic's "host":{"name":…}, journald's _HOSTNAME, a YAML record's bare hostname: beside its level; not
# a key written bare before a quoted value: Node's util.inspect of a failed request's options, "hostname:
# 'x3.acme.com'", names the host called)
# ... where a program's tag stands, not a verb of answering or an error's word: an app's line with Python's isoformat()
# time ("2024-03-01T10:00:00.123456+00:00 x3.acme.com responded: 401") or syslog's names the host it called (review17)
_ANSWER_TAG = (
    r"(?:respon(?:ded|ds|se)|return(?:ed|s)|repl(?:ied|ies|y)|sa(?:id|ys)|reject(?:ed|s)|refused|answered|error|failed):"
)
_HOST_KEYS = r"(?<![\w.-])(?:_?hostname|host\.(?:host)?name|source_host|syslog_host)"  # (not upstream_hostname=)
_MACHINE_HOST = re.compile(
    r"^(?:<\d{1,3}>)?[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d ([A-Za-z0-9][A-Za-z0-9.-]*) "
    rf"(?!{_ANSWER_TAG})[\w./-]{{1,48}}(?:\[\d{{1,10}}\])?: "
    r"|^(?:<\d{1,3}>)?\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:?\d\d)? ([A-Za-z0-9][A-Za-z0-9.-]*) [\w./-]{1,48}\[[1-9]\d{0,9}\]: "
    r"|^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}[+-]\d\d:\d\d ([A-Za-z0-9][A-Za-z0-9.-]*) "
    rf"(?!{_ANSWER_TAG})[\w./-]{{1,48}}: "
    r"|^<\d{1,3}>1 \S+ ([A-Za-z0-9][A-Za-z0-9.-]*) \S+ \S+ \S+ "
    rf"|[\"']{_HOST_KEYS}[\"'][ \t]*[=:][ \t]*[\"']?([A-Za-z0-9][A-Za-z0-9.-]*)"
    rf"|{_HOST_KEYS}[ \t]*=[ \t]*[\"']?([A-Za-z0-9][A-Za-z0-9.-]*)"
    r"|[\"']host[\"'][ \t]*:[ \t]*\{[ \t]*[\"'](?:host)?name[\"'][ \t]*:[ \t]*[\"']([A-Za-z0-9][A-Za-z0-9.-]*)"
    r"|^(?P<yaml>[ \t]*)hostname:[ \t]*([A-Za-z0-9][A-Za-z0-9.-]*)[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)


# A JSON record's bare "hostname" is the machine only in a logger's record that names its process too (pino's and
# bunyan's: {"level":50,"pid":12,"hostname":…,"msg":…}); in a request's log or options it is the host called
# ({"method":"GET","hostname":"x3.acme.com","status":401}, axios's config, an "upstream":{"hostname":…} inside a
# logger's record), as review15's hostile pastes showed. A YAML record's is the machine beside the record's level.
_JSON_HOSTNAME = re.compile(r"[\"']hostname[\"']", re.IGNORECASE)
_PROCESS_ID = re.compile(r"[\"']_?pid[\"'][ \t]*:[ \t]*\"?\d", re.IGNORECASE)
_YAML_LEVEL = re.compile(r"^([ \t]*)(?:level|severity|lvl|log\.level):", re.IGNORECASE | re.MULTILINE)
_BRACE = re.compile(r"[{}]")


def _machine_hosts(head: str) -> set[str]:
    """The hosts a paste's log lines name as the machine that wrote them (see _MACHINE_HOST), in lower case; a
    hostname key after a word naming the far side ("upstream hostname=x3.acme.com") names the host called."""
    found = set()
    for m in _MACHINE_HOST.finditer(head):
        if _JSON_HOSTNAME.match(m.group(0)) and not _PROCESS_ID.search(_record(head, m.start())):
            continue
        if m.group("yaml") is not None and not _same_level(m.group("yaml"), _block(head, m.start())):
            continue
        if m.start() and _CALLED_BEFORE.search(head[max(0, m.start() - 16) : m.start()].lower()):
            continue
        found.add(next(g for g in m.groups()[:7] + m.groups()[8:] if g).lower())
    return found


# The hosts a response passed through, not the service that answered: a Via header's proxies and CDNs ("Via: 1.1
# squid.proxy.acme.pt (squid/5.7)", CloudFront's "Via: 1.1 9d8e7f.cloudfront.net (CloudFront)") and a proxy setting's
# host (HTTPS_PROXY=http://proxy.corp.acme.com:3128, curl's "Uses proxy env variable https_proxy == '…'", --proxy)
_RELAY = re.compile(
    r"^[ \t<>*-]*via:[^\n]*"
    r"|(?:\b(?:https?|all)_proxy|--proxy|\bproxy)(?:[ \t]*(?:==?|:)[ \t]*|[ \t]+)['\"]?(?:[a-z][a-z0-9+.-]*://)?"
    r"(?:[^\s@'\"/]+@)?[a-z0-9.-]+",
    re.MULTILINE,
)


def _relay_hosts(low: str) -> set[str]:
    """The hosts a paste (in lower case) names as a proxy or a CDN the exchange went through (_RELAY); not one it says
    answered ("the proxy x3.acme.com returned 401": the one that answered, read as a relay another server's SData body
    was Sage's, review18)."""
    if "via:" not in low and "proxy" not in low:
        return set()
    found = ((m, h) for m in _RELAY.finditer(low) for h in _HOST_IN_TEXT.finditer(m.group(0)))
    return {h.group(1) for m, h in found if not _ANSWERED_AFTER.match(low, m.start() + h.end(1))}


def _same_level(indent: str, block: str) -> bool:
    """Whether a YAML block's level key stands at ``indent``, beside the hostname: one nested deeper is a part of the
    record's (a hostname indented under ``upstream:``: the host called)."""
    return any(m.group(1) == indent for m in _YAML_LEVEL.finditer(block))


def _record(head: str, at: int) -> str:
    """The JSON object (or dict's repr) holding the key at ``at``: from the nearest unclosed "{" before it to the "}"
    closing it, within 4 KB either side (a brace inside a string is not told apart: a logger's record names its pid
    before its message); the text around ``at`` where no brace opens one."""
    depth, start = 0, -1
    for i in range(at - 1, max(-1, at - 4097), -1):
        if head[i] == "}":
            depth += 1
        elif head[i] == "{":
            if depth == 0:
                start = i
                break
            depth -= 1
    if start < 0:
        return head[max(0, at - 4096) : at + 4096]
    depth = 0
    for b in _BRACE.finditer(head, start, start + 8192):
        depth += 1 if b.group() == "{" else -1
        if depth == 0:
            return head[start : b.end()]
    return head[start : start + 8192]


def _block(head: str, at: int) -> str:
    """The block of lines holding ``at``: a YAML record, between blank lines or "---" (4 KB either side at most)."""
    start = max(head.rfind("\n\n", max(0, at - 4096), at), head.rfind("---", max(0, at - 4096), at), at - 4096, 0)
    end = head.find("\n\n", at, at + 4096)
    return head[start : end if end >= 0 else at + 4096]


_PATH_IN_TEXT = re.compile(r"(?<![\w.:/-])/[A-Za-z][\w.{}-]*(?:/[\w.{}-]+)+")  # a path written in a report or table
_HOST_IN_TEXT = re.compile(r"(?<![\w.@-])([a-z0-9-]+(?:\.[a-z0-9-]+)+)\b")


# A host as people write one: in lower case (System.Net.Http is a namespace) under a top-level domain from
# this list (not a file's extension: main.py, README.md, run.sh, lib.so; nor a field: user.id, e.message)
_HOST_TLDS = frozenset({
    "com", "net", "org", "io", "co", "ai", "app", "dev", "cloud", "info", "biz", "tech", "services", "online", "site",
    "xyz", "au", "nz", "uk", "pt", "es", "fr", "de", "ca", "us", "cn", "jp", "br", "ru", "eu", "ie", "nl", "be", "ch",
    "at", "za", "sg", "hk", "mx", "se", "dk", "fi", "example",
})  # fmt: skip
# Hosts that name no service: standards bodies, reserved example names, code hosting and Q&A sites a
# paste links to whatever sent it (GitHub's site, not its API's hosts: api.github.com, docs.github.com)
_NEUTRAL_DOMAINS = frozenset({
    "ietf.org", "w3.org", "rfc-editor.org", "iana.org", "json-schema.org", "schema.org", "json.org", "mozilla.org",
    "a9.com", "example.com", "example.net", "example.org", "stackoverflow.com", "microsoft.com", "githubusercontent.com",
    "stackexchange.com", "serverfault.com", "superuser.com", "askubuntu.com",  # Q&A sites, named bare too ("asked on …")
})  # fmt: skip
_NEUTRAL_HOSTS = frozenset({"gist.github.com"})


# A Java or Kotlin package (a logger's name) is a domain written backwards: a first label that ends domains, a last
# that is a word ("[org.keycloak.services]", "com.acme.app"); a host ends with its top-level domain (au.api.myob.com).
_PACKAGE_ROOTS = frozenset({"com", "org", "net", "io", "edu", "gov"}) | {t for t in _HOST_TLDS if len(t) == 2}
_DOMAIN_ENDS = frozenset({"com", "net", "org", "edu", "gov"})


def _package_name(name: str) -> bool:
    """Whether a dotted name that reads as a host is a package's, written with its domain backwards."""
    labels = name.split(".")
    return len(labels) >= 3 and labels[0] in _PACKAGE_ROOTS and len(labels[-1]) >= 3 and labels[-1] not in _DOMAIN_ENDS


# Top-level domains that are words a module's or logger's name ends with too ("billing.services", "sync.app"): such a
# name is no host where it is written only as a logger's ("billing.services: …", "[billing.services]")
_WORD_TLDS = frozenset(t for t in _HOST_TLDS if len(t) >= 3) - _DOMAIN_ENDS


# The words before a host a message names as the one it called ("sync to uk.erp.acme.app failed", "GET from …", "upstream
# …"): a name so written is a host even where it reads as a Java package (a logger's name is written before a colon,
# in brackets or after a level, never after these)
_CALLED_BEFORE = re.compile(
    r"(?:\b(?:to|from|via|reach|reaching|contact|contacting|calling|call|resolve|resolving)|->"
    # upstream=, host:, "upstream hostname=" (not hostname= alone)
    r"|\b(?:upstream|remote|target|peer|backend|destination|host|server|endpoint)[ \t]*[=:]?[ \t]*[\"']?)[ \t]*\Z"
)


def _written_as_host(name: str, head: str, low: str) -> bool:
    """Whether a dotted name in ``head`` (``low``: it in lower case) is written as a host: in lower case or all in
    capitals (HTTPS://API.ACME.COM; System.Net is a namespace), under a known top-level domain, and inside a URL or
    before a port or a path, or else neither a package's name nor, under a word's domain, only a logger's. A bare host
    under a word's domain ("call to x3.acme.cloud failed") is another service's too: read as a logger's, it let another
    SData server's body be claimed for Sage; so is a package-shaped one a call names ("sync to uk.erp.acme.app")."""
    tld = name.rsplit(".", 1)[-1]
    capitals = name not in head  # written only in capitals
    if tld not in _HOST_TLDS or (capitals and name.upper() not in head):
        return False
    if tld not in _WORD_TLDS:
        return True
    bare = False
    for at in _starts(low, name):
        end = at + len(name)
        after = low[end : end + 2]
        if low[max(0, at - 3) : at] == "://" or after[:1] == "/" or (after[:1] == ":" and after[1:].isdigit()):
            return True
        # "sync via gw.erp.acme.app: 401" too; not a Java package a message names its source by ("error from com.acme.x")
        if _CALLED_BEFORE.search(low, max(0, at - 16), at) and not name.startswith(_JAVA_ROOTS):
            return True
        # a logger's name before a colon or in brackets; a function's before its parenthesis ("logger.info('...')")
        bare = bare or not (after[:1] in ":(" or (after[:1] == "]" and low[at - 1 : at] == "["))
    # under a word's domain, a name of two words in capitals alone is a constant's or a field's (LOGGER.INFO,
    # INVOICE.SERVICES), not a host, unless a URL, a port, a path or a call's word says so (review16); a host's three or
    # more (GW.ERP.ACME.APP) still count (review17)
    return bare and not (capitals and name.count(".") == 1) and not _package_name(name)


_JAVA_ROOTS = ("com.", "org.", "net.")  # a package's first label; a host's never is


def _starts(text: str, part: str) -> Iterator[int]:
    """Where ``part`` stands in ``text`` (the first 20 places)."""
    at = text.find(part)
    for _ in range(20):
        if at < 0:
            return
        yield at
        at = text.find(part, at + 1)


def _foreign_mentions(
    facts: VendorFacts, head: str, low: str, written: dict[str, None], named: set[str | None], said_end: int
) -> list[Clue]:
    """The first host of no catalogued vendor written in a paste with no request line (a link in a message:
    "read the docs: https://platform.openai.com/...", a URL in a log) counts against every vendor whose hosts
    are known, but one whose own host is written there too (its error may quote a user's link). A host under
    a vendor's registered domain, or a domain named for it (myob.com.au), is never foreign. A tool site named only
    after the error's message ("... 400 {...}; event sent to sentry.io") is where the error was reported, as a link
    to it is: named before it ("sending to sentry.io failed: 401 ...") it is the service called."""
    for host in list(written)[:20]:
        at = low.find(host)
        reported = 0 <= said_end <= at and tool_site(host)
        linked = "://" + host in low or _read_page(host, low, at)
        if _written_as_host(host, head, low) and not reported and _is_foreign(facts, host, linked):
            return [Clue.of("foreign-mention", host, v) for v, hosts in facts.hosts.items() if hosts and v not in named]
    return []


# Code hosting and issue-tracking sites, where an error is read and discussed: named bare ("see gitlab.com/acme/erp",
# "reported in acme.atlassian.net") they are a page, as github.com is, unless their API's host or path is named
_READ_SITES = ("github.com", "gitlab.com", "bitbucket.org", "atlassian.net")
_PATH_AFTER = re.compile(r"/[^\s\"'<>]*")
# a site's answer after its name ("gitlab.com responded 401"): the service called, not a page
_ANSWERED_AFTER = re.compile(
    r"[ \t]*(?:respon(?:ded|ds)|return(?:ed|s)|repl(?:ied|ies)|sa(?:id|ys)|reject(?:ed|s)|refused|answered)\b"
)


def _read_page(host: str, low: str, at: int) -> bool:
    """Whether a code or issue site (_READ_SITES) written at ``at`` of ``low`` is a page read beside the error: one
    of its pages named by its path, or the site alone where no word says it was called or answered ("pushing to
    gitlab.com failed", "gitlab.com responded 401": read as pages, another server's SData body was Sage's, review18)."""
    if not host.endswith(_READ_SITES):
        return False
    if (path := _PATH_AFTER.match(low, at + len(host))) is not None:
        return tool_page(host, path[0])
    called = _CALLED_BEFORE.search(low, max(0, at - 16), at) or _ANSWERED_AFTER.match(low, at + len(host))
    return called is None and tool_page(host)


def _is_foreign(facts: VendorFacts, host: str, linked: bool) -> bool:
    """Whether a host written in a paste is another service's: a tool site's host is a page read beside the error only
    where it is linked (a URL, or a code or issue site's page named bare); named bare ("sending to sentry.io failed")
    it is the service called."""
    domain = registered_domain(host)
    if is_local_host(host) or domain in _NEUTRAL_DOMAINS or host in _NEUTRAL_HOSTS or (linked and tool_page(host)):
        return False
    if host_vendor(facts, host) or domain_vendor(facts, host):
        return False
    return not any(domain in domains for domains in facts.domains.values()) and _named_domain(facts, domain) is None


def _named_domain(facts: VendorFacts, domain: str) -> str | None:
    """The vendor a registered domain is named for (its first label, whole, a product or brand name of the
    vendor's: myob.com.au), when it is no other vendor's. A name inside a longer label is another product's
    or another business's: sagepay.com is not Sage's, myobadvanced.com is MYOB Advanced's."""
    label, _, tld = domain.partition(".")
    if not _country_domain(tld):  # sage.structure: a Python module of SageMath's; myob.xyz, sageone.co: anyone's
        return None
    named = {v for v, p in (*facts.mentions.items(), *facts.brands.items()) if p.search(label, None) == label}
    return next(iter(named)) if len(named) == 1 else None


# Countries' domains sold to anyone as generic names: a vendor's name under one (sageone.co, myob.io) is a look-alike's
_GENERIC_COUNTRIES = frozenset({"co", "io", "ai", "me", "tv", "cc", "ws", "to", "sh", "gg", "ly", "fm", "so", "la", "nu", "tk"})


def _country_domain(suffix: str) -> bool:
    """Whether a domain's suffix after its first label is a country's (au, com.au, co.nz), where a vendor registers
    its name as it does at home (myob.com.au beside myob.com); under a generic one (xyz, net, cloud) or a country's
    sold as generic (co, io) the name is anyone's: a look-alike host (api.myob.xyz, sageone.co) was taken for the
    vendor's and let another server's vendor-shaped body be claimed as its documented error."""
    labels = suffix.split(".")
    country = labels[-1]
    if len(country) != 2 or not _is_top_level(country) or country in _GENERIC_COUNTRIES:
        return False
    return len(labels) == 1 or (len(labels) == 2 and labels[0] in _SECOND_LEVEL)


def other_service_clues(catalog: CatalogIndex, ex: Exchange, clues: Sequence[Clue]) -> list[Clue]:
    """Another service the paste names in words (services.py: "xero returns 400 ..."), counted against every
    vendor nothing of its own in the paste names (a host, a header; not its name or brand in words, nor an envelope:
    SHAPE_ONLY): "from Xero to MYOB: ..." still names MYOB by MYOB's documented words alone. Another product of a
    vendor's (Sage Intacct) is such a service for the other vendors too. Asked only when the rest
    of the evidence named no vendor, before the words alone may (a scanned log's records mostly name theirs).
    services.py is loaded here, for such a paste only: most name their vendor."""
    from .services import may_name_answering, may_name_service, named_service

    other_product = next((c.value for c in clues if c.kind == "other-product"), None)
    head = _CONTRAST.sub(_blanked, ex.text[:65536])
    named = named_service(_prose(head)) if may_name_service(head) else None  # _prose only when it may
    service = named or other_product  # Sage Intacct is no catalogued API either
    owner = None
    if service is None and may_name_answering(head):
        service, owner = _answering_service(facts_for(catalog), head, catalog_words(catalog), endpoint_words(catalog))
    if service is None:
        return []
    words = words_only(ex, clues) | SHAPE_ONLY
    own = {c.vendor for c in clues if c.weight > 0 and c.kind not in words}
    kind = "other-service" if owner is None else "answered-by"
    return [Clue.of(kind, service, v) for v in catalog.vendors if v not in own and v != owner]


# An aside that says another call worked: "MYOB (same call to Xero is fine): <MYOB's words>" names Xero as what did not
# fail, never as what answered (claims23: MYOB's documented error named no vendor)
_CONTRAST = re.compile(
    r"\((?=[^()\n]{0,80}\))[^()\n]{0,80}?\b(?:(?:is|are|was|were|'s)[ \t]+(?:fine|ok|okay|working|good|successful)"
    r"|works?|worked|succeed(?:s|ed)?|goes[ \t]+through|went[ \t]+through|no[ \t]+(?:problems?|issues?|errors?))\b"
    r"[^()\n]{0,40}\)",
    re.IGNORECASE,
)


def _blanked(m: re.Match[str]) -> str:
    return " " * len(m.group(0))


# A vendor's name in words (and its brand): beside another service's name they tell nothing of who answered ("migrating
# invoices from InvoiceXpress to Xero: 400 {Xero's body}", "prospend-export: NetsuiteAPIRequestError: HTTP401 …"); nor
# does a shape others send too ("invoicexpress sync finished\n[shopify] 422 {"errors":[{"error":…}]}": Rails's list)
_WORDS_ONLY = frozenset({"named", "brand", "common-envelope"})
# ... nor, beside another service's name, a vendor's own envelope: an envelope is a shape of a body, and any service
# can answer in it ("Xero API returned 400: {"Errors":[{"Name":..,"ErrorCode":..}]}"); its documented words in it still
# name it where the paste names the vendor too ("Xero sync ok\nMYOB sync failed: 400 {...}"), its shape alone never
SHAPE_ONLY = frozenset({"envelope", "envelope-shape"})
# ... and, where the paste shows no request, a page of the vendor's site it links ("Xero 400: ... (compare
# https://developer.myob.com/api/...)"): a host it writes that is not the API's says as little of who answered
_LINKED_ONLY = _WORDS_ONLY | {"host-domain", "registered-domain"}


def words_only(ex: Exchange, clues: Sequence[Clue]) -> frozenset[str]:
    """The kinds of clue that name a vendor in words only, for this exchange (see _LINKED_ONLY). A host of the vendor's
    the paste says answered with an error status ("order 1042 -> arl2.api.myob.com answered 400: {...}") is no page
    linked: it is the vendor's own, as a request's host is (weighed as words, MYOB's code in that answer was "not in
    the catalog", the vendor unknown, for a shop named in the same line). Named only as called ("sync to
    arl2.api.myob.com skipped: stripe answered 400 ..."), it still weighs as words."""
    if ex.host or any(c.kind in _LINKED_ONLY - _WORDS_ONLY and _answered_with_error(ex.text, c.value) for c in clues):
        return _WORDS_ONLY
    return _LINKED_ONLY


# a host's answer after its name, with an error status: "answered 400", "returned HTTP 503", "responded with status 422"
_ANSWERED_ERROR = re.compile(
    r"[ \t]*(?:respon(?:ded|ds)|return(?:ed|s)|repl(?:ied|ies)|answer(?:ed|s)|reject(?:ed|s))[ \t]{1,4}(?:with[ \t]{1,4})?"
    r"(?:(?:an?[ \t]{1,4})?(?:http|status)(?:[ \t]{1,4}code)?[ \t:]{0,4})?[45]\d\d(?![\w.])"
)


def _answered_with_error(text: str, host: str) -> bool:
    """Whether ``host`` is written bare in ``text`` (not in a URL) and said to have answered with an error status
    (_ANSWERED_ERROR); its first eight places are read."""
    low, host = text[:65536].lower(), host.lower()
    at = low.find(host)
    for _ in range(8):
        if at < 0:
            return False
        bare = not low.endswith("://", 0, at) and low[at - 1 : at] != "." and not low.startswith("/", at + len(host))
        if bare and _ANSWERED_ERROR.match(low, at + len(host)):
            return True
        at = low.find(host, at + len(host))
    return False


def named_only(clues: Sequence[Clue], vendor: str, words: frozenset[str] = _WORDS_ONLY) -> bool:
    """Whether the vendor's only evidence is its name in words (``words``: those kinds of clue, see words_only): another
    service named too splits it (other_service_clues)."""
    return all(c.kind in words for c in clues if c.vendor == vendor and c.weight > 0)


def _answering_service(
    facts: VendorFacts, head: str, words: frozenset[str], resources: frozenset[str]
) -> tuple[str | None, str | None]:
    """The first service the paste's words say answered (services.answering_services: "KashFlow returned 400"), and
    the catalogued vendor whose product or brand that name is ("Sage returned": Sage's brand), or None (a vendor's
    other product too: asked only when no other-product clue was found); a name whose words are all the catalog's
    own or the speaker's (``words``: "Bill returned 400", "Purchase Bill returned", "SpendMoneyTxn returned" name a
    resource, each word of its name in the vendor's URLs; "[InvoiceSync] 400" a step; "Reckon One" a service) is no
    sender."""
    from .services import answering_services, is_speakers_word

    for name, product in answering_services(head):
        if "." in name and tool_site(name):  # "event sent to sentry.io": where it was reported; called, its host says so
            continue
        # after "calling", a verb and a noun is a client's operation (GetInvoice, GetContacts) only when the noun is a
        # resource of the vendors' endpoints; else it may be a service named so (GetResponse: claims23)
        called = f"calling {name}" in head
        owner = next((v for v, p in (*facts.mentions.items(), *facts.brands.items()) if p.search(name, None)), None)
        if owner is not None:
            return name, owner
        parts = _WORD.findall(name)
        # ("InvoiceSync", "SaveInvoice": the vendor's resource and the speaker's step, a label of the caller's own)
        if called:
            own = all(_catalog_word(w, resources) or (i == 0 and is_speakers_word(w)) for i, w in enumerate(parts))
        else:
            own = all(_catalog_word(w, words) or is_speakers_word(w) for w in parts)
        resource = not product and "".join(parts) == name.replace(" ", "") and own
        if not resource:  # another product of a vendor's named as no clue of its own reads it (AcumaticaException)
            return name, None
    return None, None


def endpoint_words(index: CatalogIndex) -> frozenset[str]:
    """The words, lower-cased, of the catalog's documented endpoints (invoice, contact, supplier): the resources a
    client's operation is named for (GetInvoice, GetContacts). Read once per catalog."""
    words = _ENDPOINT_WORDS.get(index)
    if words is None:
        found = (w.lower() for e in index.entries if e.endpoint for w in _WORD.findall(e.endpoint))
        words = _ENDPOINT_WORDS[index] = frozenset(found)
    return words


_ENDPOINT_WORDS: WeakKeyDictionary[CatalogIndex, frozenset[str]] = WeakKeyDictionary()


def _catalog_word(word: str, words: frozenset[str]) -> bool:
    """Whether a word of a name is the catalog's: in capitals (BILL, Bill.com's brand) only as the catalog writes it
    (GST), else in any case and number (Bill, bill, Contacts)."""
    if len(word) > 2 and word.isupper():
        return word in words
    lowered = word.lower()
    return lowered in words or (lowered.endswith("s") and lowered[:-1] in words)


_WORDS: WeakKeyDictionary[CatalogIndex, frozenset[str]] = WeakKeyDictionary()
_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")  # a word, and each word of a CamelCase name


def catalog_words(index: CatalogIndex) -> frozenset[str]:
    """The words, lower-cased (and those in capitals as written too: GST), of the catalog's endpoints, messages and
    error names (bill, supplier, timesheet) and of the vendors' products (MYOB's Essentials): the vendors' own
    vocabulary, which names a resource, a field or a product of theirs, never another service. Read once per catalog."""
    words = _WORDS.get(index)
    if words is None:
        products = [p for v in index.vendors.values() for p in v.products]
        texts = chain(products, (t for e in index.entries for t in (e.endpoint, e.message, e.name) if t))
        found = {w for text in texts for w in _WORD.findall(text)}
        words = _WORDS[index] = frozenset({w.lower() for w in found} | {w for w in found if len(w) > 2 and w.isupper()})
    return words


def _host_clues(facts: VendorFacts, host: str, foreign: bool) -> list[Clue]:
    """A host's clue: a vendor's own host, a host in its domain or registered domain, or (for the
    request's host) a foreign one."""
    if len(host) > 253:  # no DNS name is longer: not worth keeping
        return _judged_host(facts, host, foreign)
    key = (host, foreign)
    found = facts.hosted.get(key)
    if found is None:
        if len(facts.hosted) >= 4096:
            facts.hosted.clear()
        found = facts.hosted[key] = tuple(_judged_host(facts, host, foreign))
    return list(found)


# Two-letter file extensions, which end file names as a country's domain ends host names (sage.py, myob.js)
_FILE_EXTENSIONS = frozenset({"py", "js", "ts", "rb", "sh", "md", "so", "cs", "go", "rs", "pl", "pm", "db", "gz", "hs", "kt"})


def _is_top_level(label: str) -> bool:
    """A label that ends host names: a listed top-level domain or a country's (two letters), not a module's,
    a field's or a file's name (sage.structure, myob.client, sage.py)."""
    return label in _HOST_TLDS or (len(label) == 2 and label.isalpha() and label not in _FILE_EXTENSIONS)


def _judged_host(facts: VendorFacts, host: str, foreign: bool) -> list[Clue]:
    if vendor := host_vendor(facts, host):
        return [Clue.of("host", host, vendor)]
    if vendor := domain_vendor(facts, host):
        return [Clue.of("host-domain", host, vendor)]
    domain = registered_domain(host)
    for vendor, domains in facts.domains.items():
        if domain in domains:
            why = f"a host under {domain}, the vendor's registered domain; it is not the documented API host"
            return [Clue.of("registered-domain", host, vendor, reason=why)]
    if vendor := _named_domain(facts, domain):  # myob.com.au beside myob.com: the same name, a country's domain
        why = f"a host under {domain}, a domain named for the vendor; it is not the documented API host"
        return [Clue.of("registered-domain", host, vendor, reason=why)]
    if foreign:
        return [Clue.of("foreign-host", host, v) for v, hosts in facts.hosts.items() if hosts]
    return []


_ONCE = frozenset(
    {"host", "host-domain", "registered-domain", "foreign-host", "foreign-mention", "other-service", "answered-by"}
    | {"header", "named", "brand", "other-product", "documented"}
)


def scores(clues: list[Clue]) -> dict[str, float]:
    """Total weight per vendor (a host counts once however often it appears)."""
    total: dict[str, float] = {}
    seen: set[tuple[str, str | None]] = set()
    for c in clues:
        if c.vendor is None or ((c.kind, c.vendor) in seen and c.kind in _ONCE):
            continue
        seen.add((c.kind, c.vendor))
        total[c.vendor] = total.get(c.vendor, 0.0) + c.weight
    return total


# Kinds of clue other services share with the vendor: however many add up, they name no one alone
# ("Sage" beside an SData-style $diagnoses is Sage X3's as much as Sage Accounting's)
_SHARED = frozenset({"brand", "common-envelope", "envelope-shape"})


def decide(clues: list[Clue]) -> str | None:
    """The vendor the evidence establishes, or None when it is too weak, split, or all shared."""
    ranked = sorted(scores(clues).items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < ESTABLISHED - 1e-9:
        return None
    if all(c.kind in _SHARED for c in clues if c.vendor == ranked[0][0] and c.weight > 0):
        return None
    if len(ranked) > 1 and ranked[1][1] >= ranked[0][1] - MARGIN:
        return None
    return ranked[0][0]

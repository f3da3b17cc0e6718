"""Keys and tokens told by their shape where nothing names them: base64, hex and URL-safe runs judged by character
classes, run lengths, letter pairs and entropy (as detect-secrets judges strings), while words, identifiers, GUIDs,
hex ids, dates and paths stay readable."""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterator

from .basics import _GUID, _HEX, _ID_LABEL, _LOWER_THEN_UPPER, _MARKED, _MIXED, Span, _lazy
from .ids import api_id

# (an Atlassian API token ends in "=" and a checksum of 8 hex digits: ATATT3xFfGF0…=0A1B2C3D)
_TOKEN = _lazy(r"[A-Za-z0-9+/_.~-]{16,}(?:={1,3}(?:[0-9A-F]{8}(?![A-Za-z0-9]))?)?")
_TOKEN_REPLACED = _lazy("[A-Za-z0-9+/_.~\ufffd-]{16,}(?:={1,3}(?:[0-9A-F]{8}(?![A-Za-z0-9]))?)?")
# ids a log repeats on every line, which a user searches by: a GUID after a word (OpenStack's
# req-38101a0b-2096-447d-96ea-a692162415ae), and a Kubernetes pod's name, its workload's words, the
# ReplicaSet's hash and the pod's five characters (coredns-5d78c9869d-qtqxj, as a pod's hostname)
_GENERATED_NAME = _lazy(
    r"[A-Za-z]{2,16}[-_]\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?"
    r"|[a-z][a-z0-9]*(?:-[a-z0-9]+)*-[a-z0-9]{6,10}-[a-z0-9]{5}"
    # and a GUID with a word after it (nova's instance directory being deleted: /var/lib/nova/instances/<uuid>_del)
    r"|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}[-_.][A-Za-z]{1,16}"
)
# a word or a number between the plus signs a W3C log writes for spaces (IIS's user agent:
# "+Intel+Mac+OS+X+10_9_4"); a base64 key's parts mix cases and digits
_PLUS_WORD = _lazy(r"[A-Z]?[a-z]+|[A-Z]+|[0-9]+(?:[._][0-9]+)*")
_RUNS = _lazy(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+")


def looks_random(token: str) -> bool:
    """Whether a token looks generated (a key, a password, a signature) rather than a word, a name,
    an id a user searches by (GUID, hex), a date or an amount: character classes, the length of
    its runs of one class, and its Shannon entropy, as detect-secrets' entropy plugins judge."""
    token = token[:_JUDGED]  # a longer token is judged by its start: its classes and entropy are the same
    if len(token) < 16 or (token.isalpha() and (token.islower() or token.isupper() or token.istitle())):
        return False  # a word
    if _MARKED in token or _GUID().fullmatch(token) or _HEX().fullmatch(token) or _GENERATED_NAME().fullmatch(token):
        return False
    if api_id(token):
        return False  # a payment API object's id (Stripe's price_1HFw3Q…, PayPal's PAY-…)
    if token[:2] in ("0x", "0X") and _HEX().fullmatch(token, 2):
        return False  # a number in hex, as hex ids are
    letters = sum(map(str.isalpha, token))
    digits = sum(map(str.isdigit, token))
    if letters < 4 or digits == len(token):
        return False
    if _dashed_name(token, loose=True):
        return False  # dashed names and ids: ap-southeast-2, INV-2024-00042, sha256-rsa
    if "+" in token and all(_PLUS_WORD().fullmatch(part) for part in token.split("+") if part):
        return False
    if _word_like(token) or _camel_words(token):
        return False
    return _entropy(token) >= (3.0 if digits >= 2 else 3.2)


_JUDGED = 4096


def _dashed_name(token: str, loose: bool = False) -> bool:
    """Words or numbers joined by dashes, underscores or dots (ACME-SKU-2024, ap-southeast-2)."""
    parts = re.split(r"[-_.]", token)
    return len(parts) > 1 and all(_name_part(p) if loose else p.isalpha() or p.isdigit() for p in parts)


def _name_part(part: str) -> bool:
    """One part of a dashed name: a number, a word of one case, a short word, acronym or version ("v13",
    "TLSv1", "d2i", "Msb0": no step from lower to upper case, or one), or words run together ("HexDigit"). A random
    key's dashes and underscores (token_urlsafe's) cut it into parts that change case at random ("6QfDU", "kIeUU")."""
    if part.isdigit() or (part.isalpha() and (part.islower() or part.isupper() or part.istitle())):
        return True
    if len(part) <= 5:
        return not _LOWER_THEN_UPPER.search(part) or len(_CAMEL_PARTS().findall(part)) <= 2
    if len(part) <= 8 and (part.islower() or part.isupper()) and len(_CAMEL_PARTS().findall(part)) <= 4:
        return True  # a short word or acronym with its number, of one case: "SHA256", "utf16be", "X509V3"
    return _word_like(part) or _camel_words(part)


def _word_like(token: str) -> bool:
    """Words run together (camelCase, PascalCase, ALLCAPS plus digits): long runs of one class, whose
    letters pair as words' letters do."""
    runs = _RUNS().findall(token)
    if not runs or sum(map(len, runs)) / len(runs) < 3.2 or not _reads_as_words(token):
        return False
    if len(token) >= 24 and (token.islower() or token.isupper()):  # one case: base32 (an Azure DevOps PAT, a NATS seed)
        low = token.lower()  # has long runs of letters too, but few vowels or runs of consonants no word has
        letters = sum(map(str.isalpha, low))
        return sum(map(low.count, "aeiouy")) * 4 >= letters and len(_CONSONANT_RUN().findall(low)) < 2
    return True


_CONSONANT_RUN = _lazy(r"[bcdfghjklmnpqrstvwxz]{4}")


# a camel-case identifier's parts: an acronym before a word (the "UI" of UIElement), words, acronyms, numbers
_CAMEL_PARTS = _lazy(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+")


def _camel_words(token: str) -> bool:
    """Words run together with short acronyms and numbers, as APIs name their functions (the linker's
    PropVariantToUInt16, X509Certificate2Collection, Commons Lang's getJavaIoTmpDirPath): at most a third as
    many parts as characters (and one more: a trailing "F"), letters that pair as words' letters do (their
    abbreviations too), acronyms of at most four letters, numbers of at most three digits and four in all, words
    six tenths of the token. Of 100,000 random keys of 16 to 64 characters, about 40 pass."""
    parts = _CAMEL_PARTS().findall(token)
    if sum(map(len, parts)) != len(token) or len(parts) * 3 > len(token) + 3 or not _reads_as_words(token):
        return False
    words = digits = 0
    for part in parts:
        if part.isdigit():
            digits += len(part)
            if len(part) > 3:
                return False
        elif part[-1].islower():
            words += len(part)  # (an abbreviation too: the "Tmp" and "Dtd" of getJavaIoTmpDirPath, getJdkXmlDtdSupport)
        elif len(part) > 4:
            return False
    return words * 10 >= len(token) * 6 and digits <= 4


# How rare each pair of letters is inside the words of identifiers (the words of Python's standard library
# seen three times or more, each word counted once): -log2 of the pair's share, less 6, at most 9. Row: the
# first letter; column: the second. "er" costs 0, "th" 2, "qz" 9; a pair of random letters costs 5.4 on average.
_LETTER_PAIRS = (
    "72126536284121727010344447",  # a
    "36553777358266459446399947",  # b
    "17452672392245157342357859",  # c
    "25531567177455358334367768",  # d
    "14103235475220424001533247",  # e
    "37653378199366268344387869",  # f
    "47661754399454569335477987",  # g
    "29762797397666279464599969",  # h
    "23222338796220137211739493",  # i
    "69895999798999689889599999",  # j
    "57762766497586778746796979",  # k
    "16530577186265149633367829",  # l
    "14741689296546229735488969",  # m
    "16211316274454246511347959",  # n
    "44226447484220329122243587",  # o
    "17551564396266238243476949",  # p
    "88999999999897899779399999",  # q
    "15330447194433149312456749",  # r
    "36351552175355326520265749",  # s
    "15340472097345247123365736",  # t
    "33453459497231539222799998",  # u
    "37692799399967579777998899",  # v
    "37664795399674479447897899",  # w
    "67564577499668649763889668",  # x
    "67665778599654639744876877",  # y
    "59993798599999689988999999",  # z
)
_WORD_PAIR_COST = 3.5  # a word's pairs cost at most this on average (an identifier's words: 1.5 to 3)


@functools.cache
def _pair_costs() -> dict[str, int]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    rows = zip(letters, _LETTER_PAIRS, strict=True)
    return {a + b: int(cost) for a, row in rows for b, cost in zip(letters, row, strict=True)}


def _reads_as_words(token: str) -> bool:
    """Whether the letters of a token's words pair as identifiers' words do ("passthroughBehavior",
    "HttplibHTTPResponse") rather than as random letters ("NHzolrvvvuMrJSrzF"): a character-bigram
    likelihood, each pair taken inside one camel-case part."""
    costs = _pair_costs()
    total = pairs = 0
    for part in _CAMEL_PARTS().findall(token):
        low = part.lower()
        for i in range(len(low) - 1):
            cost = costs.get(low[i : i + 2])
            if cost is not None:
                total += cost
                pairs += 1
    return total <= _WORD_PAIR_COST * pairs


def _entropy(value: str) -> float:
    counts = Counter(value)
    n = len(value)
    return -sum(c / n * math.log2(c / n) for c in counts.values())


def _random_tokens(text: str) -> Iterator[Span]:
    """Tokens that look generated, whole or as one segment of a path or dotted name (one an invalid
    byte split, decoded as U+FFFD, judged whole)."""
    for m in (_TOKEN_REPLACED() if "\ufffd" in text else _TOKEN()).finditer(text):
        token = m.group(0)
        found = _random_parts_kept(token) if len(token) <= _KEPT_TOKEN else _random_parts(token)
        if found and not _ID_LABEL().search(text, max(0, m.start() - 56), m.start()):  # "Support ID: …" stays
            yield from (Span(m.start() + a, m.start() + b, "random token") for a, b in found)


def _random_parts(token: str) -> tuple[tuple[int, int], ...]:
    """Where in a token it looks generated: the whole token, or segments of a path or dotted name."""
    if not _MIXED().search(token):
        return ()  # no digit and no lower-to-upper step: words, paths, names (never 16 random characters)
    whole = not any(c in token for c in "/.~") or "+" in token or token.endswith("=")  # paths are judged by segment
    if whole and looks_random(token.strip("=.~")):  # (a dash or an underscore at an end is a key's: token_urlsafe)
        return ((0, len(token)),)
    found, pos = [], 0
    for part in re.split(r"([/.~])", token):
        if len(part) >= 16 and looks_random(part.strip("=-_")):
            found.append((pos, pos + len(part)))
        pos += len(part)
    if len(found) > 1 and "/" not in token:  # a dotted credential (a Discord bot token's three parts): whole, its
        return ((found[0][0], found[-1][1]),)  # short middle too, where each part alone left ".Jnz0zt." shown
    base64 = _BASE64_RUN().fullmatch(token) and not _path_head(token)
    if base64 and (found or ("/" in token and _random_segments(token))):
        return ((0, len(token)),)  # base64 with a "/" in it (an AWS secret key): no path's segments
    return tuple(found)


def _random_segments(token: str) -> bool:
    """Segments cut by "/" that are none of them words or names, two of them 8 characters or more: a base64
    key's pieces ("H7v3Pk1mici/muay54z5hGlD/mqERVsDygbu8O/W"), never a path ("api/v2/Customers/ABC123"). A piece
    in capitals is a name only when its letters pair as words' do ("CUSTOMERS", not a key's "VVQFCUFB")."""
    parts = token.split("/")
    long = [p for p in parts if len(p) >= 8]
    named = [p for p in parts if len(p) >= 6 and _name_part(p) and not (p.isupper() and not _reads_as_words(p))]
    # or at most one piece reading as a name by chance ("DWEApRtma81Ec"), beside mixed pieces of 20 characters or more
    unnamed = [p for p in parts if len(p) >= 5 and p not in named and _MIXED().search(p)]
    pieces = len(unnamed) >= 2 and sum(map(len, unnamed)) >= 20 and len(named) <= 1
    return ((len(long) >= 2 and not named) or pieces) and looks_random("".join(parts))


def _path_head(token: str) -> bool:
    """Whether a token starts with a path's first segment, a lower-case word ("tools/<key>", "api/…"): the random
    part alone is hidden, the path stays; a key's three lower-case letters before its first "/" ("zso/…") read as
    no word."""
    head = _PATH_HEAD().match(token)
    return head is not None and _reads_as_words(head["word"])


# a path's first segment, a lower-case word ("tools/<key>", "api/…"): the random part alone is hidden, the path stays
_PATH_HEAD = _lazy(r"(?:\d{1,5}/)?/*(?P<word>[a-z]{3,}(?:[_-][a-z]+)*)/")  # (after a scheme's "//" too: errcat://pages/<key>;
# and after a host's port: the token read from "localhost:23000/api/v1/stores/<id>" starts at the port)
_BASE64_RUN = _lazy(r"[A-Za-z0-9+/][A-Za-z0-9+/]{14,}[A-Za-z0-9+/]={0,2}")  # (a key may start or end with "/")


_KEPT_TOKEN = 256  # a token this short is judged once: a log repeats its hosts, paths and ids in every record
_random_parts_kept = functools.lru_cache(maxsize=4096)(_random_parts)


def attribute_name(value: str) -> bool:
    """Whether a value is an attribute's or a tag's name: words, acronyms and a digit or two joined by dots, underscores,
    dashes, colons or slashes, whose letters pair as words' letters do (service.name, k8s.pod.name, http.status_code,
    aws:cloudformation:stack-name, X-Api-Key, Name); a key's random letters and digits read as no name, and a person's
    password of words and a number ("monkey_matilda802") holds more digits in a row than a name."""
    if not _ATTRIBUTE_NAME().fullmatch(value.lower()) or sum(map(str.isdigit, value)) > _NAME_DIGITS:
        return False
    parts = _NAME_SEPARATORS().split(value)
    return all(map(_name_word, parts)) and _reads_as_words(value) and not looks_random(value)


def _name_word(part: str) -> bool:
    """One part of an attribute's name: a word, an acronym or words run together, a few letters each ("CostCenter",
    "myobToken"); random letters change case every two or three ("CknTtcylSISYytli")."""
    if len(part) > _NAME_PART or not _name_part(part):
        return False
    letters = "".join(filter(str.isalpha, part))
    return len(_CAMEL_PARTS().findall(letters)) * 4 <= len(letters) + 4


def dotted_name(value: str) -> bool:
    """Whether a value is an attribute's dotted name in lower case, as OpenTelemetry's semantic conventions and
    Kubernetes' labels write them (service.name, telemetry.sdk.language, node.kubernetes.io/not-ready): no key is."""
    return _DOTTED_NAME().fullmatch(value) is not None and attribute_name(value)


# (on the value lowered: each part starts with a letter, and no two digits stand together: k8s, http2, s3)
_ATTRIBUTE_NAME = _lazy(r"[a-z](?:[a-z]|[0-9](?![0-9])){0,63}(?:[._:/-]{1,2}[a-z](?:[a-z]|[0-9](?![0-9])){0,63}){0,15}")
_NAME_SEPARATORS = _lazy(r"[._:/-]+")
_NAME_PART = 24  # a part's characters at most ("cloudformation", "AWSCloudFormation")
_NAME_DIGITS = 2  # a name's digits at most; a random key of 16 letters and digits holds ~5
# (and a Kubernetes label's or taint's domain before its name)
_DOTTED_NAME = _lazy(r"[a-z][a-z0-9_]{0,63}(?:\.[a-z][a-z0-9_]{0,63}){1,15}(?:/[a-z][a-z0-9_.-]{0,63})?")

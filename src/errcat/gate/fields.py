"""Credentials written as a name field and a value field (``{"name": "password", "value": …}``, ``<add
key="Password" value="…"/>``, a property list's <key> and <string>): the name and its value are two fields."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .basics import _NAME_CHARS, _QUOTED, Span, _checked, _inner, _lazy, _lowered
from .needles import _dense, _near_needles
from .words import _IN_NAME, _not_a_value

# a name given as the value of a name or key field: JSON's "name": "…", XML's key="…"
_NAME_FIELD = _lazy(
    r"""(?<![a-z0-9_-])(?:(?:parameter|option)?(?:name|key)\\{0,3}["']?\s{0,4}[:=]\s{0,4}\\{0,3}["']"""
    r"""|path\\{0,3}["']?\s{0,4}[:=]\s{0,4}\\{0,3}["'](?:/[a-z0-9_.~-]{0,32}){0,3}/)$"""  # JSON Patch's "path": "/password"
)
_FIELD_NAME = _lazy(r"""(?:parameter|option)?(?:name|key)\\{0,3}["']?\s{0,4}[:=]\s{0,4}\\{0,3}["'](?P<name>[^"'\\<>\n]{1,64})""")
_VALUE_FIELD = _lazy(rf"""(?<![a-z0-9_.$-])(?:parameter)?value\\{{0,3}}["']?\s{{0,4}}[:=]\s{{0,4}}(?P<val>{_QUOTED})""")
_VALUE_FIELD_NEXT = _lazy(
    rf"""\\{{0,3}}["']\s{{0,4}},\s{{0,4}}\\{{0,3}}["']value\\{{0,3}}["']\s{{0,4}}[:=]\s{{0,4}}(?P<val>{_QUOTED})"""
)
_ELEMENT_TEXT = _lazy(r"[ \t\r\n]{0,200}(?:<value>)?(?P<val>[^<]{1,4096})</")  # <entry key="…">value</entry>
_UNIT = 1024  # how far the object or the tag holding a name field is looked for, either side


def _name_fields(text: str) -> Iterator[Span]:
    """Values of name/value pairs written as two fields, whatever follows the name (see _field_value)."""
    low = _lowered(text)
    if "value" not in low and ">" not in low:
        return  # no value field and no element: no pair of fields to find
    if "value:" in low:
        yield from _yaml_name_values(text, low)
    if "securestring" in low:
        yield from _secure_strings(low)
    if "value=" in low:
        yield from _shorthand_values(low)
    done = 0
    for first, last, hits in _near_needles(low):
        if _dense(first, last, hits):
            continue  # hidden whole by _named
        a, b = max(0, first - 80, done), last + 80
        if low.find("name", a, b) < 0 and low.find("key", a, b) < 0:
            continue
        done = b - 80  # a field name ends within 80 characters of the stretch: the next window starts there
        for m in _FIELD_NAME().finditer(low, a, b):
            name = text[m.start("name") : m.end("name")]
            if _NAME_CHARS.intersection(low[m.start() - 1 : m.start()]) or not _IN_NAME().search(m.group("name")):
                continue  # part of a longer name (username), or names no credential
            if _not_a_value(name):
                continue
            if span := _field_value(low, m.start("name"), m.end("name")):
                yield Span(*span, "credential by name")


# the AWS CLI's shorthand (and other tools' "k=v,k=v" lists): Key=password,Value=…, ParameterKey=DbPassword,ParameterValue=…
_SHORTHAND = _lazy(
    r"(?<![a-z0-9_.-])(?:parameter)?(?:name|key)=(?P<name>[^\s,=]{1,64}),[ \t]?(?:parameter)?value=(?P<val>[^\s,]{1,4096})"
)


def _shorthand_values(low: str) -> Iterator[Span]:
    """The value of a shorthand pair whose name field names a credential (aws cloudformation --parameters
    ParameterKey=DbPassword,ParameterValue=…; --tags Key=api_key,Value=…): no quotes, so _FIELD_NAME does not read it."""
    for m in _SHORTHAND().finditer(low):
        if _IN_NAME().search(m["name"]) and not _not_a_value(m["name"]):
            yield Span(*m.span("val"), "credential by name")


# an AWS SSM parameter's type (aws ssm get-parameter --with-decryption): its object's "Value" is the secret, whatever its name
_SECURE_TYPE = _lazy(r"""type\\{0,3}["']?\s{0,4}[:=]\s{0,4}\\{0,3}["']securestring\\{0,3}["']""")


def _secure_strings(low: str) -> Iterator[Span]:
    """The value field in the object of a parameter typed SecureString ("Name": "/prod/db/master" names no credential)."""
    for m in _SECURE_TYPE().finditer(low):
        opener = low.rfind("{", max(0, m.start() - _UNIT), m.start())
        close = low.find("}", m.end(), m.end() + _UNIT)
        if opener < 0 or close < 0:
            continue
        for v in _VALUE_FIELD().finditer(low, opener, close + 1):
            if span := _inner(v.group("val"), v.start("val")):
                yield Span(*span, "credential by name")


# a name/value pair in YAML, the value on the line after the name (a Kubernetes container's env list, an OpenTelemetry
# Collector's attributes: "- key: service.name" then "value: checkout")
_YAML_NAME_VALUE = _lazy(
    r"(?:name|(?<![a-z0-9_.-])key):[ \t]{1,10}(['\"]?)([a-z0-9_.-]{1,64})\1[ \t]{0,10}\r?\n[ \t]{0,40}value:[ \t]{1,10}"
    r"([^\r\n]{1,512})"
)
# the name line of such a pair, right above a value's line
_YAML_NAME_ABOVE = _lazy(r"(?:name|(?<![a-z0-9_.-])key):[ \t]{1,10}(['\"]?)([a-z0-9_.-]{1,64})\1[ \t]{0,10}\r?\n[ \t]{0,40}\Z")


def yaml_pair_value(low: str, at: int) -> bool:
    """Whether the value line starting at ``at`` is the value of a YAML name/value pair, judged by its name (see
    _yaml_name_values), not by any credential word above it."""
    return _YAML_NAME_ABOVE().search(low, max(0, at - 160), at) is not None


def _yaml_name_values(text: str, low: str) -> Iterator[Span]:
    for m in _YAML_NAME_VALUE().finditer(low):
        if not _IN_NAME().search(m.group(2)) or _not_a_value(m.group(2)):
            continue
        value = text[m.start(3) : m.end(3)].split(" #", 1)[0].rstrip()  # a comment after it is not the value
        if span := _inner(value, m.start(3)):
            yield Span(*span, "credential by name")


# an HCL block labelled by its name (Terraform's variable "db_password" {, Packer's, Nomad's) or by its type (resource
# "random_password" "db" {, as a plan or terraform state show prints it, "+ " or "# " before), its default, value or
# result inside: the label is the name, the attribute only says which value it is
_LABELLED_BLOCK = _lazy(
    r'^[ \t]{0,8}(?:[+~#-][ \t]{1,4})?[a-z_]{1,32}(?:[ \t]{1,4}"(?P<type>[^"\r\n]{1,64})")?[ \t]{1,4}"(?P<name>[^"\r\n]{1,64})"'
    r"[ \t]{0,4}\{[ \t]*\r?$",
    re.MULTILINE,
)
_BLOCK_VALUE = _lazy(
    rf"^[ \t]{{1,16}}(?:[+~][ \t]{{1,4}})?(?:default|value|result)[ \t]{{0,16}}=[ \t]{{0,4}}"
    rf"(?!\((?:sensitive|known after)[ \t])(?P<val>{_QUOTED}|[^\s#]{{1,512}})",  # (not a plan's "(sensitive value)")
    re.MULTILINE,
)


def _labelled_blocks(text: str) -> Iterator[Span]:
    """The default, value or result of a block whose label names a credential, up to the block's closing brace (or _UNIT on,
    and never past the next block's label)."""
    if '" {' not in text and '"{' not in text:
        return  # (no label before a brace: a JSON body's braces and values are no block)
    low = _lowered(text)
    if "default" not in low and "value" not in low and "result" not in low:
        return
    blocks = list(_LABELLED_BLOCK().finditer(low))
    for k, m in enumerate(blocks):
        if not any(label and _IN_NAME().search(label) and not _not_a_value(label) for label in (m["name"], m["type"])):
            continue
        end = low.find("\n}", m.end(), m.end() + _UNIT)
        end = min(m.end() + _UNIT if end < 0 else end, blocks[k + 1].start() if k + 1 < len(blocks) else len(low))
        for v in _BLOCK_VALUE().finditer(low, m.end(), end):
            if span := _inner(text[v.start("val") : v.end("val")], v.start("val")):
                yield Span(*span, "credential by name")


def _listed_values(low: str, at: int) -> Iterator[Span]:
    """Every ``value`` field in the list starting at ``at`` (each cookie of a HAR entry)."""
    end = low.find("]", at, at + 65_536)
    for m in _VALUE_FIELD().finditer(low, at, len(low) if end < 0 else end):
        if span := _inner(m.group("val"), m.start("val")):
            yield Span(*span, "credential by name")


def _next_field_value(low: str, start: int, end: int) -> tuple[int, int] | None:
    """The value field right after a name field (``"name": "password", "value": "…"``): _name_fields
    looks further, this keeps _named from taking the next field's name for the value."""
    if not _in_name_field(low, start):
        return None
    m = _VALUE_FIELD_NEXT().match(low, end)
    return _inner(m.group("val"), m.start("val")) if m else None


def _in_name_field(low: str, start: int) -> bool:
    """Whether the name starting at ``start`` is the value of a name or key field (read back 128 characters)."""
    # (a name field's value opens with a quote or a path's slash, and "$" may also match before a line break:
    # any other name, most of them, needs no search)
    if low[max(0, start - 2) : start].removesuffix("\n")[-1:] not in ('"', "'", "/"):
        return False
    return _NAME_FIELD().search(low, max(0, start - 128), start) is not None


def _field_value(low: str, start: int, end: int) -> tuple[int, int] | None:
    """The value of a name/value pair written as two fields, in either order, in the object or the tag
    holding them: ``{"name": "password", "value": "…"}``, ``{"value": "…", "name": "token"}`` (HAR,
    Postman and .NET header lists, AWS tags), ``<add key="Password" value="…"/>`` (.NET appSettings),
    ``<property name="….password" value="…"/>`` (Spring); else the element's text:
    ``<entry key="password">…</entry>`` (Java properties XML), ``<setting name="Password"><value>…``."""
    if low[end : end + 1] not in ("'", '"', "\\") or not _NAME_FIELD().search(low, max(0, start - 24), start):
        return None
    opener = max(low.rfind("{", max(0, start - _UNIT), start), low.rfind("<", max(0, start - _UNIT), start))
    closer = "}" if low[opener : opener + 1] == "{" else ">"
    close = low.find(closer, end, end + _UNIT)
    if opener < 0 or close < 0:
        return None
    for m in _VALUE_FIELD().finditer(low, opener, close + 1) if low.find("value", opener, close) >= 0 else ():
        if not m.start() <= start < m.end():  # not the name field's own value
            return _inner(m.group("val"), m.start("val"))
    text_match = _ELEMENT_TEXT().match(low, close + 1) if closer == ">" and low[close - 1] != "/" else None
    if text_match is None:
        return None
    value = text_match.group("val")
    start = text_match.start("val") + len(value) - len(value.lstrip())
    return _checked(low, start, start + len(value.strip()))


def _xml_value(text: str, start: int, m: re.Match[str]) -> tuple[int, int] | None:
    before = text[max(0, start - 41) : start]
    if not (before.endswith("<") or re.search(r"<[\w.-]{1,40}:$", before)):
        return None
    if not text.startswith("</", m.end("xval")):
        return None  # <ACCESS_TOKEN> as a placeholder, not an element with a value
    if m.group("word") == "key" and not m.group("rest") and _PLIST_NEXT().match(text, m.end("xval")):
        return _plist_value(text, m)
    return _inner(text[m.start("xval") : m.end("xval")], m.start("xval"))


# the value element after a property list's key (<key>Password</key> <string>…</string>), or after a key element its
# value element names (KeePass's export: <Key>Password</Key><Value ProtectInMemory="True">…</Value>)
_PLIST_VALUE = _lazy(r"</key>[ \t\r\n]{0,200}<(?:string|data|value(?:[ \t][^<>]{0,256})?)>([^<]{1,4096})</", re.IGNORECASE)
_PLIST_NEXT = _lazy(r"</key>[ \t\r\n]{0,200}<(?:string|data|integer|real|date|true|false|dict|array|value)\b", re.IGNORECASE)
# a name element and the value element after it (Hadoop's and Maven's <property><name>db.password</name><value>…</value>,
# KeePass's <Key>…</Key><Value>…</Value>): the name is the first element's text, no credential word names the second
_ELEMENT_PAIR = _lazy(
    r"<(?P<tag>name|key)(?:[ \t][^<>]{0,256})?>(?P<name>[^<>]{1,128})</(?P=tag)>[ \t\r\n]{0,200}"
    r"<value(?:[ \t][^<>]{0,256})?>(?P<val>[^<]{1,4096})</value>"
)


def _element_pairs(text: str) -> Iterator[Span]:
    """The value element after a name element that names a credential (see _ELEMENT_PAIR)."""
    low = _lowered(text)
    if "<value" not in low or ("</name>" not in low and "</key>" not in low):
        return
    for m in _ELEMENT_PAIR().finditer(low):
        if _IN_NAME().search(m["name"]) and not _not_a_value(m["name"]) and (span := _checked(text, *m.span("val"))):
            yield Span(*span, "credential by name")


def _plist_value(text: str, m: re.Match[str]) -> tuple[int, int] | None:
    """A property list's <key> (one a <string>, <integer>, <dict>… follows) holds a name, not a key: the
    value is the element after it, when the name names a credential."""
    if not _IN_NAME().search(_lowered(text[m.start("xval") : m.end("xval")])):
        return None
    value = _PLIST_VALUE().match(text, m.end("xval"))
    return _checked(text, *value.span(1)) if value else None

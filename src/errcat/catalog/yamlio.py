"""Read YAML keeping the line of every mapping, list item and key, and refusing duplicate keys.

PyYAML silently keeps the last of two equal keys; in a catalog that is data loss, so the loader
here records each duplicate as a problem instead. The C parser is used when PyYAML has it.
"""

from __future__ import annotations

from typing import Any

import yaml

from ..errors import Problem

try:
    _BaseLoader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _BaseLoader = yaml.SafeLoader


class LineDict(dict[str, Any]):
    """A mapping that remembers its own line and the line of each of its keys (1-based)."""

    line: int = 0
    key_lines: dict[Any, int]


class LineList(list[Any]):
    """A sequence that remembers its own line and the line of each item (1-based)."""

    line: int = 0
    item_lines: list[int]


_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_MERGE = "tag:yaml.org,2002:merge"


class _Builder:
    """Python values from a composed node tree, recording lines and refusing duplicate keys.

    libyaml (C) parses and composes; this walk replaces PyYAML's generic constructor, which
    costs twice as much for catalog-sized files. Scalars other than plain strings (ints,
    nulls, booleans, timestamps, unknown tags) go through PyYAML's safe constructors, so
    values are exactly what ``yaml.safe_load`` gives.
    """

    def __init__(self, file: str, problems: list[Problem]):
        self.file, self.problems = file, problems
        self.safe = yaml.SafeLoader("")
        self.open: set[int] = set()  # collections being built: an alias back into one is a cycle

    def build(self, node: yaml.Node) -> Any:
        if isinstance(node, yaml.ScalarNode):
            if node.tag == _STR:
                return node.value
            return self._scalar(node)
        if id(node) in self.open:
            raise yaml.constructor.ConstructorError(
                None, None, "a recursive alias (an anchor used inside itself)", node.start_mark
            )
        self.open.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode) and node.tag == _SEQ:
                return self._sequence(node)
            if isinstance(node, yaml.MappingNode) and node.tag == _MAP:
                return self._mapping(node)
            return self.safe.construct_object(node, deep=True)  # a tagged collection: PyYAML decides (and refuses)
        finally:
            self.open.discard(id(node))

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        """A typed scalar as PyYAML's safe loader builds it; one it cannot build (``2001-02-30``,
        an integer of 5,000 digits) is a syntax problem at its line, not a ValueError."""
        try:
            return self.safe.construct_object(node)
        except (ValueError, OverflowError) as exc:
            kind = node.tag.rsplit(":", 1)[-1]
            shown = node.value if len(node.value) <= 40 else node.value[:40] + "…"
            raise yaml.constructor.ConstructorError(None, None, f"{shown!r} is not a valid {kind}", node.start_mark) from exc

    def _sequence(self, node: yaml.SequenceNode) -> LineList:
        items = LineList(self.build(child) for child in node.value)
        items.line = node.start_mark.line + 1
        items.item_lines = [child.start_mark.line + 1 for child in node.value]
        return items

    def _mapping(self, node: yaml.MappingNode) -> LineDict:
        if any(k.tag == _MERGE for k, _ in node.value):
            self.safe.flatten_mapping(node)
        mapping = LineDict()
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(Problem(self.file, line, "CAT001", "yaml-syntax", "a mapping key must be a plain value"))
                continue
            key = self.build(key_node)
            if key in mapping:
                first = mapping.key_lines[key]
                self.problems.append(
                    Problem(
                        self.file,
                        line,
                        "CAT002",
                        "duplicate-key",
                        f"key {key!r} is repeated (first at line {first}); YAML would silently keep only the last",
                    )
                )
                continue
            mapping[key] = self.build(value_node)
            mapping.key_lines[key] = line
        return mapping


# Aliases may repeat what a file holds, not multiply it: a 483-byte "billion laughs" file (anchors
# nested 9 deep) expands to 10^9 values. Above this many values beyond ten per node written, a file
# is refused before anything is built; a real catalog's anchors stay far below it.
EXPANSION_SLACK = 100_000


def expanded_beyond(root: yaml.Node, limit: int | None = None) -> yaml.Node | None:
    """The first node whose values, with every alias expanded, outnumber ``limit`` (default: ten
    per distinct node plus EXPANSION_SLACK); None when the document stays within it. Linear in the
    distinct nodes: each one's expanded size is counted once."""
    sizes: dict[int, int] = {}
    counting: set[int] = set()  # nodes whose children are being counted: an alias back to one is a cycle
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if id(node) in sizes or (not children_done and id(node) in counting):
            continue
        if not children_done:
            counting.add(id(node))
            stack.append((node, True))
            stack.extend((c, False) for c in _children(node) if id(c) not in sizes and id(c) not in counting)
            continue
        counting.discard(id(node))
        sizes[id(node)] = 1 + sum(sizes.get(id(c), 0) for c in _children(node))  # a cycle adds nothing: the builder refuses it
        if sizes[id(node)] > (limit if limit is not None else 10 * len(sizes) + EXPANSION_SLACK):
            return node
    return None


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []


# A composed value costs ~600 bytes and ~25 us: a file of more is refused before it is composed (the
# whole built-in catalog holds 19,000; 6 MB of one-line entries held 1,000,000 and took 1.4 GB).
MAX_VALUES = 250_000
_NODE_EVENTS = (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent, yaml.AliasEvent)


def value_past_cap(text: str, cap: int = MAX_VALUES) -> yaml.Event | None:
    """The event of the first value beyond ``cap``, if the text holds that many. Each value is
    opened by a line, a comma, a colon, a bracket or a dash, so text with fewer of those is not
    parsed twice; other text is counted by the C parser's events, never composed. A cassette that
    explain reads is capped this way too (explainer.recordings)."""
    marks = sum(text.count(c) for c in "\n,:[{-") + 1
    if marks <= cap:
        return None
    count = 0
    for event in yaml.parse(text, Loader=_BaseLoader):
        count += isinstance(event, _NODE_EVENTS)
        if count > cap:
            return event
    return None


def load_yaml(text: str, file: str) -> tuple[Any, list[Problem]]:
    """Parse ``text``; return the data (None when unreadable) and any problems found."""
    problems: list[Problem] = []
    try:
        if (past := value_past_cap(text)) is not None:
            message = f"the file holds more than {MAX_VALUES:,} values (keys, items and scalars): split it into smaller files"
            line = past.start_mark.line + 1 if past.start_mark is not None else 1
            problems.append(Problem(file, line, "CAT001", "yaml-syntax", message))
            return None, problems
        node = yaml.compose(text, Loader=_BaseLoader)  # safe: composing builds no Python objects
        if node is not None and (bomb := expanded_beyond(node)) is not None:
            message = "its aliases expand to too many values (anchors nested inside anchors, a 'billion laughs'): refused"
            problems.append(Problem(file, bomb.start_mark.line + 1, "CAT001", "yaml-syntax", message))
            return None, problems
        data = None if node is None else _Builder(file, problems).build(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        what = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        problems.append(Problem(file, line, "CAT001", "yaml-syntax", what or "not valid YAML"))
        return None, problems
    except yaml.YAMLError as exc:
        problems.append(Problem(file, 1, "CAT001", "yaml-syntax", str(exc).splitlines()[0]))
        return None, problems
    except RecursionError:
        problems.append(Problem(file, 1, "CAT001", "yaml-syntax", "nested too deeply to read"))
        return None, problems
    return data, problems


def line_of(data: Any, path: list[Any] | tuple[Any, ...]) -> int:
    """The line of the deepest node on ``path`` (keys and indexes) that carries one."""
    line = getattr(data, "line", 1) or 1
    node = data
    for step in path:
        if isinstance(node, LineDict) and step in node:
            line = node.key_lines.get(step, line)
            node = node[step]
        elif isinstance(node, LineList) and isinstance(step, int) and 0 <= step < len(node):
            line = node.item_lines[step]
            node = node[step]
        else:
            break
        line = getattr(node, "line", line) or line
    return line

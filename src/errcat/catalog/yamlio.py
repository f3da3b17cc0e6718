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


def _make_loader(file: str, problems: list[Problem]) -> type[yaml.SafeLoader]:
    class Loader(_BaseLoader):  # type: ignore[valid-type,misc]
        def construct_line_mapping(self, node: yaml.MappingNode) -> LineDict:
            mapping = LineDict()
            mapping.line = node.start_mark.line + 1
            mapping.key_lines = {}
            self.flatten_mapping(node)
            for key_node, value_node in node.value:
                key = self.construct_object(key_node, deep=True)
                line = key_node.start_mark.line + 1
                try:
                    hash(key)
                except TypeError:
                    problems.append(Problem(file, line, "CAT001", "yaml-syntax", "a mapping key must be a plain value"))
                    continue
                if key in mapping:
                    first = mapping.key_lines[key]
                    problems.append(
                        Problem(
                            file,
                            line,
                            "CAT002",
                            "duplicate-key",
                            f"key {key!r} is repeated (first at line {first}); YAML would silently keep only the last",
                        )
                    )
                    continue
                mapping[key] = self.construct_object(value_node, deep=True)
                mapping.key_lines[key] = line
            return mapping

        def construct_line_sequence(self, node: yaml.SequenceNode) -> LineList:
            items = LineList(self.construct_object(child, deep=True) for child in node.value)
            items.line = node.start_mark.line + 1
            items.item_lines = [child.start_mark.line + 1 for child in node.value]
            return items

    Loader.add_constructor("tag:yaml.org,2002:map", Loader.construct_line_mapping)
    Loader.add_constructor("tag:yaml.org,2002:seq", Loader.construct_line_sequence)
    return Loader


def load_yaml(text: str, file: str) -> tuple[Any, list[Problem]]:
    """Parse ``text``; return the data (None when unreadable) and any problems found."""
    problems: list[Problem] = []
    try:
        data = yaml.load(text, Loader=_make_loader(file, problems))  # safe: SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        what = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        problems.append(Problem(file, line, "CAT001", "yaml-syntax", what or "not valid YAML"))
        return None, problems
    except yaml.YAMLError as exc:
        problems.append(Problem(file, 1, "CAT001", "yaml-syntax", str(exc).splitlines()[0]))
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

"""YAML text -> positioned data: scalars, sequences and mappings that know their line and column.

Nothing here constructs Python objects from tags. PyYAML only composes the node
graph (in C when libyaml is present); our own walk then:

- keeps every scalar as the text the author wrote (`NO`, `yes`, `1992` stay text;
  callers parse numbers and booleans themselves, from plain scalars only);
- refuses any tag outside the YAML core schema (`!!python/...`, `!custom`);
- refuses aliases (`*name`), which also makes "billion laughs" expansion impossible;
- reports duplicate keys and keys that are not plain text;
- turns scanner and parser errors, tabs used as indentation and non-UTF-8 bytes into
  located `Problem`s instead of exceptions.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from yaml.composer import Composer
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

from quiz.bank.yamltree import Map, Scalar, Seq, Value
from quiz.common.errors import Problem

_IMPLICIT = "?"  # the tag our resolver gives every untagged node
_CORE = "tag:yaml.org,2002:"
ALLOWED_TAGS = frozenset(
    {_IMPLICIT, "!"} | {_CORE + t for t in ("str", "int", "float", "bool", "null", "seq", "map")}
)

LIBYAML = bool(getattr(yaml, "__with_libyaml__", False))  # PyYAML may be built without it

if LIBYAML:
    from yaml._yaml import CParser

    class _CComposer(CParser):
        """libyaml's composer with a resolver that guesses nothing (we read the text ourselves)."""

        def resolve(self, kind: type, value: object, implicit: object) -> str:
            return _IMPLICIT

        def descend_resolver(self, parent: object, index: object) -> None:
            pass

        def ascend_resolver(self) -> None:
            pass


class _PyComposer(Reader, Scanner, Parser, Composer, BaseResolver):
    """The pure-Python equivalent, used when PyYAML was built without libyaml."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        BaseResolver.__init__(self)

    def resolve(self, kind: type, value: object, implicit: object) -> str:
        return _IMPLICIT


def parse(text: str, path: Path | str) -> tuple[Value | None, list[Problem]]:
    """Compose `text` and walk it into positioned data.

    Returns the root (None for an empty document or a syntax error) and every
    problem found on the way.
    """
    composer = _CComposer(text) if LIBYAML else _PyComposer(text)
    try:
        node = composer.get_single_node()
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(exc, text, path)]
    except yaml.YAMLError as exc:  # unmarked errors are rare; still never a traceback
        return None, [Problem(path, 0, 0, f"YAML error: {exc}")]
    finally:
        composer.dispose()
    if node is None:
        return None, []
    walker = _Walker(path, text)
    root = walker.walk(node)
    if walker.found_alias:
        # What an alias stood for is unknown to the checks that follow; checking the
        # rest would only add confusing follow-on problems.
        return None, walker.problems + _alias_problems(text, path)
    return root, walker.problems


def _alias_problems(text: str, path: Path | str) -> list[Problem]:
    # The node graph does not say where an alias was written; the event stream does.
    loader = yaml.CSafeLoader if LIBYAML else yaml.SafeLoader
    return [
        Problem(path, mark.line + 1, mark.column + 1, _ALIAS_MESSAGE)
        for event in yaml.parse(text, Loader=loader)
        if isinstance(event, yaml.AliasEvent) and (mark := event.start_mark) is not None
    ]


# Stands where an alias was met; parse() drops any tree that holds one.
_ALIAS_STAND_IN = Scalar("", 0, 0, True)


class _Walker:
    """One pass over the node graph, collecting problems as it goes."""

    def __init__(self, path: Path | str, text: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        # Every alias starts with '*'; without one, no node can be reached twice.
        self.seen: set[int] | None = set() if "*" in text else None
        self.found_alias = False

    def problem(self, node: Node, message: str) -> None:
        mark = node.start_mark
        self.problems.append(Problem(self.path, mark.line + 1, mark.column + 1, message))

    def walk(self, node: Node) -> Value:
        if self.seen is not None:
            # An alias is the very node object its anchor made: a second visit is an
            # alias. Not descending into it keeps the walk linear in the file's size.
            key = id(node)
            if key in self.seen:
                self.found_alias = True
                return _ALIAS_STAND_IN
            self.seen.add(key)
        if node.tag != _IMPLICIT and node.tag not in ALLOWED_TAGS:
            self.problem(node, f"tag '{_short_tag(node.tag)}' is not allowed in a bank; remove it")
        mark = node.start_mark
        line, col = mark.line + 1, mark.column + 1
        if type(node) is ScalarNode:
            return Scalar(node.value, line, col, not node.style)
        if type(node) is SequenceNode:
            return Seq([self._item(item) for item in node.value], line, col)
        assert type(node) is MappingNode
        return self._mapping(node, line, col)

    def _item(self, node: Node) -> Value:
        # The common case inline: an untagged scalar in a file without aliases.
        if type(node) is ScalarNode and node.tag == _IMPLICIT and self.seen is None:
            mark = node.start_mark
            return Scalar(node.value, mark.line + 1, mark.column + 1, not node.style)
        return self.walk(node)

    def _mapping(self, node: MappingNode, line: int, col: int) -> Map:
        result = Map(line, col)
        keys = result.keys
        values = result.values
        item = self._item
        for key_node, value_node in node.value:
            if type(key_node) is not ScalarNode:
                self.problem(key_node, "a key must be plain text, not a list or mapping")
                continue
            key = item(key_node)
            assert isinstance(key, Scalar)
            name = key.value
            if name in keys:
                first = keys[name].line
                self.problem(key_node, f"duplicate key '{name}' (first at line {first})")
                item(value_node)  # still report problems inside it
                continue
            keys[name] = key
            values[name] = item(value_node)
        return result


# What YAML counts as a line break, so a mark's line is found in any file's line endings.
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_ALIAS_MESSAGE = (
    "aliases (*name) are not allowed in a bank; write the value out in full where it is used"
)


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str, path: Path | str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 0
    col = mark.column + 1 if mark else 0
    if mark is not None and _is_tab(text, mark.line, mark.column):
        return Problem(path, line, col, "tab used for indentation; indent with spaces")
    if "alias" in (exc.problem or ""):
        return Problem(path, line, col, _ALIAS_MESSAGE)
    message = exc.problem or exc.context or "invalid YAML"
    if exc.context and exc.problem and exc.context_mark is not None:
        message = f"{message} ({exc.context} at line {exc.context_mark.line + 1})"
    return Problem(path, line, col, f"YAML syntax: {message}")


def _is_tab(text: str, line: int, column: int) -> bool:
    # Both parsers put the mark of a tab problem on the tab itself; they word it
    # differently ("found character that cannot start any token", "found a tab...").
    rows = _LINE_BREAK.split(text)[line : line + 1]
    return any(row[column : column + 1] == "\t" for row in rows)

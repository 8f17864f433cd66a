"""The YAML reader gives the same positioned data and problems with libyaml or without it."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from quiz.bank import yamlnodes
from quiz.bank.yamltree import Map, Scalar, Seq
from quiz.common.errors import Problem


@pytest.fixture(params=["libyaml", "pure-python"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run the test with each parser PyYAML may have."""
    if request.param == "pure-python":
        # As PyYAML built without libyaml: no C loader to fall back on.
        monkeypatch.setattr(yamlnodes, "LIBYAML", False)
        monkeypatch.delattr(yaml, "CSafeLoader", raising=False)
    elif not yamlnodes.LIBYAML:
        pytest.skip("PyYAML was built without libyaml")
    return request.param


def plain(value: Any) -> Any:
    """A parsed tree as plain data with every position."""
    if isinstance(value, Scalar):
        return (value.value, value.line, value.col, value.plain)
    if isinstance(value, Seq):
        return ([plain(item) for item in value.items], value.line, value.col)
    assert isinstance(value, Map)
    return (
        {k: (plain(value.keys[k]), plain(v)) for k, v in value.values.items()},
        value.line,
        value.col,
    )


def problems(text: str) -> list[str]:
    return [f"{p.line}:{p.column}: {p.message}" for p in yamlnodes.parse(text, "b.yaml")[1]]


def test_a_bank_reads_the_same_with_either_parser(parser: str) -> None:
    root, found = yamlnodes.parse("id: demo\nitems:\n  - 'a'\n  - 2\n  - !!str 3\n", "b.yaml")
    assert found == []
    assert plain(root) == (
        {
            "id": (("id", 1, 1, True), ("demo", 1, 5, True)),
            "items": (
                ("items", 2, 1, True),
                ([("a", 3, 5, False), ("2", 4, 5, True), ("3", 5, 5, True)], 3, 3),
            ),
        },
        1,
        1,
    )


def test_an_empty_document_has_no_root(parser: str) -> None:
    assert yamlnodes.parse("# nothing\n", "b.yaml") == (None, [])


def test_aliases_are_refused_where_written(parser: str) -> None:
    text = "a: &x [1, 2]\nb: *x\nc:\n  - *x\n"
    message = (
        "aliases (*name) are not allowed in a bank; write the value out in full where it is used"
    )
    assert problems(text) == [f"2:4: {message}", f"4:5: {message}"]
    assert yamlnodes.parse(text, "b.yaml")[0] is None


def test_an_alias_of_a_plain_value_is_refused_too(parser: str) -> None:
    assert problems("a: &x foo\nb: [*x]\n") == [
        "2:5: aliases (*name) are not allowed in a bank; write the value out in full where it "
        "is used"
    ]


def test_an_undefined_alias_is_an_alias_problem_of_that_file(parser: str) -> None:
    assert [str(p) for p in yamlnodes.parse("a: *nowhere\n", "b.yaml")[1]] == [
        "b.yaml:1:4: aliases (*name) are not allowed in a bank; write the value out in full "
        "where it is used"
    ]


def test_tags_other_than_the_plain_ones_are_refused(parser: str) -> None:
    assert problems("a: !!python/name:os.system x\nb: !!binary aGk=\n") == [
        "1:4: tag '!!python/name:os.system' is not allowed in a bank; remove it",
        "2:4: tag '!!binary' is not allowed in a bank; remove it",
    ]
    assert problems("a: !custom x\n") == ["1:4: tag '!custom' is not allowed in a bank; remove it"]


def test_syntax_errors_are_located(parser: str) -> None:
    # The two parsers word the same mistake differently; both name where it was found.
    problem = {
        "libyaml": "did not find expected ',' or ']'",
        "pure-python": "expected ',' or ']', but got ':'",
    }[parser]
    assert problems("a: [1, 2\nb: 3\n") == [
        f"2:2: YAML syntax: {problem} (while parsing a flow sequence at line 1)"
    ]
    assert problems("a:\n\t- 1\n") == ["2:1: tab used for indentation; indent with spaces"]


def test_the_keys_after_one_that_is_not_text_are_still_read(parser: str) -> None:
    root, found = yamlnodes.parse("{x: 1}: 1\nc: !!binary y\nd: 2\n", "b.yaml")
    assert [f"{p.line}:{p.column}: {p.message}" for p in found] == [
        "1:1: a key must be plain text, not a list or mapping",
        "2:4: tag '!!binary' is not allowed in a bank; remove it",
    ]
    assert isinstance(root, Map) and list(root.values) == ["c", "d"]


def test_duplicate_keys_and_keys_that_are_not_text(parser: str) -> None:
    assert problems("a: 1\nb: 2\na: [!!binary x]\n[x]: 1\n") == [
        "3:1: duplicate key 'a' (first at line 1)",
        "3:5: tag '!!binary' is not allowed in a bank; remove it",
        "4:1: a key must be plain text, not a list or mapping",
    ]


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("a:\n\t- 1\nb: 2\nc: 3\n", "2:1"),
        ("a:\r\t- 1\r", "2:1"),
        ("a: 1\r\n\tb: 2\r\n", "2:1"),
        ("a: 1\rb:\r\t- 2\r", "3:1"),
        ("a: 1\x85\tb: 2\n", "2:1"),
    ],
    ids=["more-lines-after", "cr", "crlf", "cr-twice", "next-line-character"],
)
def test_a_tab_is_named_whatever_the_line_endings(parser: str, text: str, at: str) -> None:
    assert problems(text) == [f"{at}: tab used for indentation; indent with spaces"]


def test_a_syntax_error_without_a_context_says_only_what_is_wrong(parser: str) -> None:
    problem = {
        "libyaml": [
            "1:1: YAML syntax: found character that cannot start any token "
            "(while scanning for the next token at line 1)"
        ],
        "pure-python": ["1:1: YAML syntax: found character '@' that cannot start any token"],
    }[parser]
    assert problems("@a\n") == problem
    wording = {"libyaml": "in this context", "pure-python": "here"}[parser]
    # a tab on the next line is not what went wrong
    assert problems("x: 1\na: b: c\n    \tx\n") == [
        f"2:5: YAML syntax: mapping values are not allowed {wording}"
    ]


class _Unmarked:
    """A composer whose error carries only what PyYAML gave it."""

    error = yaml.MarkedYAMLError()

    def __init__(self, text: str) -> None:
        pass

    def get_single_node(self) -> None:
        raise self.error

    def dispose(self) -> None:
        pass


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (yaml.MarkedYAMLError(), Problem("b.yaml", 0, 0, "YAML syntax: invalid YAML")),
        (
            yaml.MarkedYAMLError("while reading"),
            Problem("b.yaml", 0, 0, "YAML syntax: while reading"),
        ),
        (
            yaml.MarkedYAMLError(None, None, "bad", yaml.Mark("b.yaml", 0, 2, 4, "", 0)),
            Problem("b.yaml", 3, 5, "YAML syntax: bad"),
        ),
        (
            yaml.MarkedYAMLError("while reading", yaml.Mark("b.yaml", 0, 1, 0, "", 0)),
            Problem("b.yaml", 2, 1, "YAML syntax: while reading"),
        ),
    ],
    ids=["no-mark-no-words", "context-only", "problem-mark-only", "context-mark-only"],
)
def test_an_error_with_little_to_say_is_still_a_problem(
    monkeypatch: pytest.MonkeyPatch, error: yaml.MarkedYAMLError, expected: Problem
) -> None:
    monkeypatch.setattr(yamlnodes, "LIBYAML", False)
    monkeypatch.setattr(yamlnodes, "_PyComposer", type("Fake", (_Unmarked,), {"error": error}))
    root, found = yamlnodes.parse("a: 1\n", "b.yaml")
    assert root is None
    assert found == [expected]


def test_an_error_without_any_position_is_a_problem_of_the_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(yamlnodes, "LIBYAML", False)
    fake = type("Fake", (_Unmarked,), {"error": yaml.YAMLError("the stream broke")})
    monkeypatch.setattr(yamlnodes, "_PyComposer", fake)
    assert yamlnodes.parse("a: 1\n", "b.yaml") == (
        None,
        [Problem("b.yaml", 0, 0, "YAML error: the stream broke")],
    )

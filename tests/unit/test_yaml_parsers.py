"""The YAML reader gives the same positioned data and problems with libyaml or without it."""

from __future__ import annotations

from typing import Any

import pytest

from quiz.bank import yamlnodes
from quiz.bank.yamltree import Map, Scalar, Seq


@pytest.fixture(params=["libyaml", "pure-python"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run the test with each parser PyYAML may have."""
    if request.param == "pure-python":
        monkeypatch.setattr(yamlnodes, "LIBYAML", False)
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


def test_an_undefined_alias_is_an_alias_problem(parser: str) -> None:
    assert problems("a: *nowhere\n") == [
        "1:4: aliases (*name) are not allowed in a bank; write the value out in full where it "
        "is used"
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


def test_duplicate_keys_and_keys_that_are_not_text(parser: str) -> None:
    assert problems("a: 1\nb: 2\na: [!!binary x]\n[x]: 1\n") == [
        "3:1: duplicate key 'a' (first at line 1)",
        "3:5: tag '!!binary' is not allowed in a bank; remove it",
        "4:1: a key must be plain text, not a list or mapping",
    ]

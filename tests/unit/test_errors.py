"""A problem reads as path:line:column: message [question id], with nothing sent raw."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.common.errors import BankError, Problem, QuizError, StoreError, UsageError


@pytest.mark.parametrize(
    ("problem", "shown"),
    [
        (Problem(Path("b.yaml"), 3, 7, "no answer", "q1"), "b.yaml:3:7: no answer [q1]"),
        (Problem("b.yaml", 3, 0, "no answer"), "b.yaml:3:0: no answer"),
        (Problem("b.yaml", 0, 5, "not a bank"), "b.yaml: not a bank"),
        (Problem("b.yaml", 0, 0, "empty", ""), "b.yaml: empty"),
        (
            Problem("b\n.yaml", 2, 1, "bad\x1b[2J\nline", "q\t1"),
            "b\\x0a.yaml:2:1: bad\\x1b[2J\nline [q\\x091]",
        ),
    ],
)
def test_a_problem_reads_located_and_safe(problem: Problem, shown: str) -> None:
    assert str(problem) == shown


def test_a_bank_error_holds_every_problem_one_a_line() -> None:
    problems = [Problem("a.yaml", 1, 1, "one"), Problem("b.yaml", 0, 0, "two", "q")]
    error = BankError(problems)
    assert error.problems == problems
    assert str(error) == "a.yaml:1:1: one\nb.yaml: two [q]"
    assert error.exit_code == 1


def test_exit_codes() -> None:
    assert (QuizError.exit_code, UsageError.exit_code, StoreError.exit_code) == (1, 2, 1)

"""Reading a typed line as an answer, for front ends that take answers as text.

`parse_typed(asked, text)` turns what a learner typed into the `given` shape that
`quiz.grading.checking.check` expects, or raises `InputError` with a message the
front end can print before asking again. It reads; it never judges.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quiz.bank.model import QuestionType
from quiz.grading.kinds import Given, kind_of
from quiz.grading.kinds import InputError as InputError  # where front ends catch it
from quiz.grading.kinds import left_label as left_label

if TYPE_CHECKING:
    from quiz.study.session import Asked


def parse_typed(asked: Asked, text: str) -> Given:
    """The answer `text` stands for, in the shape `check` takes for the question's type.

    multiple_choice: a choice's number, or its text; multiple_select: numbers such
    as "1 3 4" or "1,3,4"; ordering: every item's number once, first item first;
    matching: one right-hand number per left item, in order; true_false:
    true/false/t/f/yes/no (or 1/2); short_answer: the text itself; numeric: the
    text itself once it reads as a number (else InputError, and nothing is graded).
    Each type's reading is its `QuestionKind.parse_typed`.
    """
    text = text.strip()
    if not text:
        raise InputError("Type an answer.")
    given = kind_of(asked.question).parse_typed(asked.options, asked.lefts, text)
    if asked.question.type is QuestionType.NUMERIC:
        _check_number(text, asked.question.unit)
    return given


def _check_number(text: str, unit: str | None) -> None:
    from quiz.grading.checking import parse_number

    if parse_number(text, unit) is None:
        raise InputError(f"'{text}' is not a number: type digits, such as 2002 or 2.5.")


def hint(asked: Asked) -> str:
    """What to type for `asked`, in a sentence."""
    question = asked.question
    return kind_of(question).hint(asked.options, asked.lefts, question.unit)

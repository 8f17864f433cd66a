"""Each question type's right answer in the shape of a learner's answer, to lay out beside it."""

from __future__ import annotations

import pytest

from quiz.bank.model import Question, QuestionType
from quiz.common.display import format_given
from quiz.grading.kinds import kind_of

T = QuestionType


@pytest.mark.parametrize(
    ("question", "right", "shown"),
    [
        (Question("mc", T.MULTIPLE_CHOICE, "?", "C#", choices=("C", "C#")), "C#", "C#"),
        (
            Question(
                "ms",
                T.MULTIPLE_SELECT,
                "?",
                ("Russia", "Belarus"),
                choices=("Russia", "Belarus", "Mali"),
            ),
            ["Russia", "Belarus"],
            "Russia, Belarus",
        ),
        (Question("tf", T.TRUE_FALSE, "?", False), "False", "False"),
        (Question("sa", T.SHORT_ANSWER, "?", "Moscow", accept=("Moskva",)), "Moscow", "Moscow"),
        (Question("n", T.NUMERIC, "?", 6.0, unit="states"), "6 states", "6 states"),
        (
            Question("o", T.ORDERING, "?", ("1992", "1999", "2002")),
            ["1992", "1999", "2002"],
            "1. 1992; 2. 1999; 3. 2002",
        ),
        (
            Question("x", T.MATCHING, "?", (("Armenia", "Yerevan"), ("Belarus", "Minsk"))),
            {"Armenia": "Yerevan", "Belarus": "Minsk"},
            "Armenia → Yerevan; Belarus → Minsk",
        ),
    ],
)
def test_the_right_answer_is_laid_out_like_a_given_one(
    question: Question, right: object, shown: str
) -> None:
    kind = kind_of(question)
    assert kind.expected_given(question) == right
    assert format_given(right, ordered=kind.ordered) == shown

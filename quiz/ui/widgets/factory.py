"""The answer widget for a question's type."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from quiz.bank.model import QuestionType
from quiz.ui.widgets.base import AnswerWidget

if TYPE_CHECKING:
    from quiz.study.session import Asked


def answer_widget_for(asked: Asked) -> AnswerWidget:
    """Build the widget that takes the answer to `asked` (the UI's own map from type to widget)."""
    widget = _BUILDERS[asked.question.type](asked)
    widget.id = "answer"
    return widget


def _choice(asked: Asked) -> AnswerWidget:
    from quiz.ui.widgets.choices import ChoiceAnswer

    return ChoiceAnswer(tuple(asked.options))


def _true_false(asked: Asked) -> AnswerWidget:
    from quiz.ui.widgets.choices import TrueFalseAnswer

    return TrueFalseAnswer()


def _multi_select(asked: Asked) -> AnswerWidget:
    from quiz.ui.widgets.multi_select import MultiSelectAnswer

    return MultiSelectAnswer(tuple(asked.options))


def _ordering(asked: Asked) -> AnswerWidget:
    from quiz.ui.widgets.ordering import OrderingAnswer

    return OrderingAnswer(tuple(asked.options))


def _matching(asked: Asked) -> AnswerWidget:
    from quiz.ui.widgets.matching import MatchingAnswer

    return MatchingAnswer(tuple(asked.lefts), tuple(asked.options))


def _text(asked: Asked) -> AnswerWidget:
    from quiz.ui.widgets.text_answer import TextAnswer

    question = asked.question
    return TextAnswer(unit=question.unit, numeric=question.type is QuestionType.NUMERIC)


_BUILDERS: dict[QuestionType, Callable[[Asked], AnswerWidget]] = {
    QuestionType.MULTIPLE_CHOICE: _choice,
    QuestionType.TRUE_FALSE: _true_false,
    QuestionType.MULTIPLE_SELECT: _multi_select,
    QuestionType.ORDERING: _ordering,
    QuestionType.MATCHING: _matching,
    QuestionType.SHORT_ANSWER: _text,
    QuestionType.NUMERIC: _text,
}

"""The answer widget for a question's type."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quiz.bank.model import QuestionType
from quiz.ui.widgets.base import AnswerWidget

if TYPE_CHECKING:
    from quiz.study.session import Asked


def answer_widget_for(asked: Asked) -> AnswerWidget:
    """Build the widget that takes the answer to `asked`."""
    from quiz.ui.widgets.choices import ChoiceAnswer, TrueFalseAnswer
    from quiz.ui.widgets.matching import MatchingAnswer
    from quiz.ui.widgets.multi_select import MultiSelectAnswer
    from quiz.ui.widgets.ordering import OrderingAnswer
    from quiz.ui.widgets.text_answer import TextAnswer

    question = asked.question
    kind = question.type
    widget: AnswerWidget
    if kind is QuestionType.MULTIPLE_CHOICE:
        widget = ChoiceAnswer(tuple(asked.options))
    elif kind is QuestionType.TRUE_FALSE:
        widget = TrueFalseAnswer()
    elif kind is QuestionType.MULTIPLE_SELECT:
        widget = MultiSelectAnswer(tuple(asked.options))
    elif kind is QuestionType.ORDERING:
        widget = OrderingAnswer(tuple(asked.options))
    elif kind is QuestionType.MATCHING:
        widget = MatchingAnswer(tuple(asked.lefts), tuple(asked.options))
    else:
        widget = TextAnswer(unit=question.unit, numeric=kind is QuestionType.NUMERIC)
    widget.id = "answer"
    return widget

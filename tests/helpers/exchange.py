"""Comparing banks across a conversion: the fields every format must keep."""

from __future__ import annotations

from quiz.bank.model import Question, QuestionType

KEPT = ("id", "type", "prompt", "answer", "choices", "explanation", "source")


def kept(q: Question) -> dict[str, object]:
    """What a round trip must keep; a multiple_select answer is a set (formats hold no order)."""
    values = {name: getattr(q, name) for name in KEPT}
    if q.type is QuestionType.MULTIPLE_SELECT:
        values["answer"] = frozenset(q.answer)  # type: ignore[arg-type]
    return values

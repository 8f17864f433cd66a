"""Which items of a list answer were right: per-item marks for the front ends to draw.

For multiple select, ordering and matching, `item_marks(question, given)` says of
each item the learner gave whether it was right, and in words why not; multiple
select adds the right choices left unticked. Other types have no items: ().
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from quiz.bank.model import Question, QuestionType
from quiz.grading.textnorm import normalize


@dataclass(frozen=True)
class ItemMark:
    """One item of an answer: as given ("Belarus → Moscow"), right or not, and why not."""

    text: str
    right: bool
    note: str = ""  # why not, in words: "wrong: should be Minsk", "missed: right, not ticked"


def item_marks(question: Question, given: Any) -> tuple[ItemMark, ...]:
    """The marks of each item of `given`, in the learner's order (see the module doc)."""
    kind = question.type
    if kind is QuestionType.MULTIPLE_SELECT and isinstance(given, list | tuple):
        return _selected(question, given)
    if kind is QuestionType.ORDERING and isinstance(given, list | tuple):
        return _ordered(question, given)
    if kind is QuestionType.MATCHING and isinstance(given, Mapping):
        return _matched(question, given)
    return ()


def _same(choices: Sequence[str], text: str) -> str:
    """`text` as one of `choices` when it is one after normalising, else as it is."""
    if text in choices:
        return text
    folded = normalize(text)
    return next((c for c in choices if normalize(c) == folded), text)


def _selected(question: Question, given: Sequence[Any]) -> tuple[ItemMark, ...]:
    right: tuple[str, ...] = question.answer  # type: ignore[assignment]
    picks = [_same(question.choices, str(p)) for p in given]
    marks = [
        ItemMark(p, True) if p in right else ItemMark(p, False, "wrong: not a right choice")
        for p in picks
    ]
    marks += [ItemMark(r, False, "missed: right, not ticked") for r in right if r not in picks]
    return tuple(marks)


def _ordered(question: Question, given: Sequence[Any]) -> tuple[ItemMark, ...]:
    answer: tuple[str, ...] = question.answer  # type: ignore[assignment]
    marks = []
    for position, item in enumerate((_same(answer, str(i)) for i in given), 1):
        if position <= len(answer) and answer[position - 1] == item:
            marks.append(ItemMark(f"{position}. {item}", True))
        elif item in answer:
            where = answer.index(item) + 1
            marks.append(ItemMark(f"{position}. {item}", False, f"wrong: belongs at {where}"))
        else:
            marks.append(ItemMark(f"{position}. {item}", False, "wrong: not one of the items"))
    return tuple(marks)


def _matched(question: Question, given: Mapping[Any, Any]) -> tuple[ItemMark, ...]:
    pairs = dict(question.pairs)
    lefts, rights = list(pairs), list(pairs.values())
    marks = []
    for left, chosen in given.items():
        left_text, right_text = _same(lefts, str(left)), _same(rights, str(chosen))
        text = f"{left_text} → {right_text}"
        should = pairs.get(left_text)
        if should == right_text:
            marks.append(ItemMark(text, True))
        else:
            marks.append(ItemMark(text, False, f"wrong: should be {should}" if should else "wrong"))
    return tuple(marks)

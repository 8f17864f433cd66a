"""One object per question type: everything above the bank that differs by type.

Each `QuestionKind` holds, for its type: how an answer is checked, the expected
answer as text and in the shape of a given answer, the items a front end shows
(unshuffled), how a typed line is read (`parse_typed`) and the hint that says
what to type. Adding a type means adding one class here (and its bank fields in
`quiz.bank.loader`, its widget in `quiz.ui.widgets.factory`).

Plain data in, plain data out: no session, no terminal.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import ClassVar

from quiz.bank.model import Question, QuestionType
from quiz.common.wording import format_number
from quiz.grading import checking
from quiz.grading.checking import Judgement

Given = str | bool | float | list[str] | dict[str, str]  # what check() takes, per type below

_TRUE = {"true", "t", "yes", "y", "1"}
_FALSE = {"false", "f", "no", "n", "2"}


class InputError(ValueError):
    """A line that cannot be read as an answer; the message tells the learner what to type."""


class QuestionKind:
    """What one question type does; the base serves the free-text types."""

    type: ClassVar[QuestionType]
    shuffled: ClassVar[bool] = False  # its items are shown in a seeded shuffle
    ordered: ClassVar[bool] = False  # an answer's items are in an order that counts
    never_in_order: ClassVar[bool] = False  # ...that never starts as the right answer

    def check(self, question: Question, given: object) -> Judgement:
        """Judge `given` (this type's given shape) as an answer to `question`."""
        raise NotImplementedError

    def expected(self, question: Question) -> str:
        """The right answer on one line, as a learner reads it."""
        return str(question.answer)

    def expected_given(self, question: Question) -> object:
        """The right answer in the shape of a given answer, to lay out like the learner's."""
        return self.expected(question)

    def items(self, question: Question) -> tuple[str, ...]:
        """What the learner picks from, in bank order (choices, items, right-hand options)."""
        return ()

    def lefts(self, question: Question) -> tuple[str, ...]:
        """Matching's left-hand items, in bank order (empty for other types)."""
        return ()

    def parse_typed(self, options: Sequence[str], lefts: Sequence[str], text: str) -> Given:
        """The answer a typed line stands for; InputError says what to type instead."""
        return text

    def hint(self, options: Sequence[str], lefts: Sequence[str], unit: str | None) -> str:
        """What to type, in a sentence."""
        return "Type your answer."


class MultipleChoice(QuestionKind):
    type = QuestionType.MULTIPLE_CHOICE
    shuffled = True

    def check(self, question: Question, given: object) -> Judgement:
        return checking.check_multiple_choice(question, given)

    def items(self, question: Question) -> tuple[str, ...]:
        return question.choices

    def parse_typed(self, options: Sequence[str], lefts: Sequence[str], text: str) -> Given:
        if text.isdigit():
            n = int(text)
            if 1 <= n <= len(options):
                return options[n - 1]
            raise InputError(f"There is no choice {n}: type a number from 1 to {len(options)}.")
        return text  # typed text: the checker reads it as the choice it names

    def hint(self, options: Sequence[str], lefts: Sequence[str], unit: str | None) -> str:
        return f"Type a number from 1 to {len(options)}, or the answer."


class MultipleSelect(QuestionKind):
    type = QuestionType.MULTIPLE_SELECT
    shuffled = True

    def check(self, question: Question, given: object) -> Judgement:
        return checking.check_multiple_select(question, given)

    def expected(self, question: Question) -> str:
        return ", ".join(question.items)

    def expected_given(self, question: Question) -> object:
        return list(question.items)

    def items(self, question: Question) -> tuple[str, ...]:
        return question.choices

    def parse_typed(self, options: Sequence[str], lefts: Sequence[str], text: str) -> Given:
        picks = _numbers(text, len(options), "choice")
        return [options[n - 1] for n in dict.fromkeys(picks)]

    def hint(self, options: Sequence[str], lefts: Sequence[str], unit: str | None) -> str:
        return "Type the numbers of every right choice, e.g. 1 3."


class TrueFalse(QuestionKind):
    type = QuestionType.TRUE_FALSE
    OPTIONS = ("True", "False")

    def check(self, question: Question, given: object) -> Judgement:
        return checking.check_true_false(question, given)

    def expected(self, question: Question) -> str:
        return "True" if question.truth else "False"

    def items(self, question: Question) -> tuple[str, ...]:
        return self.OPTIONS

    def parse_typed(self, options: Sequence[str], lefts: Sequence[str], text: str) -> Given:
        word = text.casefold().rstrip(".!")
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
        raise InputError("Type t (true) or f (false).")

    def hint(self, options: Sequence[str], lefts: Sequence[str], unit: str | None) -> str:
        return "Type t (true) or f (false)."


class ShortAnswer(QuestionKind):
    type = QuestionType.SHORT_ANSWER

    def check(self, question: Question, given: object) -> Judgement:
        return checking.check_short_answer(question, given)


class Numeric(QuestionKind):
    type = QuestionType.NUMERIC

    def check(self, question: Question, given: object) -> Judgement:
        return checking.check_numeric(question, given)

    def expected(self, question: Question) -> str:
        text = format_number(question.number)
        if question.tolerance:
            text += f" (± {format_number(question.tolerance)})"
        return f"{text} {question.unit}" if question.unit else text

    def hint(self, options: Sequence[str], lefts: Sequence[str], unit: str | None) -> str:
        return f"Type a number{f' ({unit})' if unit else ''}."


class Ordering(QuestionKind):
    type = QuestionType.ORDERING
    shuffled = True
    ordered = True
    never_in_order = True

    def check(self, question: Question, given: object) -> Judgement:
        return checking.check_ordering(question, given)

    def expected(self, question: Question) -> str:
        return "; ".join(f"{n}. {item}" for n, item in enumerate(question.items, 1))

    def expected_given(self, question: Question) -> object:
        return list(question.items)

    def items(self, question: Question) -> tuple[str, ...]:
        return question.items

    def parse_typed(self, options: Sequence[str], lefts: Sequence[str], text: str) -> Given:
        numbers = _numbers(text, len(options), "item")
        if sorted(numbers) != list(range(1, len(options) + 1)):
            raise InputError(
                f"Give every number from 1 to {len(options)} once, first item first, "
                f"e.g. {' '.join(str(n) for n in range(len(options), 0, -1))}."
            )
        return [options[n - 1] for n in numbers]

    def hint(self, options: Sequence[str], lefts: Sequence[str], unit: str | None) -> str:
        n = len(options)
        return f"Type the numbers 1 to {n} in the right order, first item first."


class Matching(QuestionKind):
    type = QuestionType.MATCHING
    shuffled = True
    never_in_order = True

    def check(self, question: Question, given: object) -> Judgement:
        return checking.check_matching(question, given)

    def expected(self, question: Question) -> str:
        return "; ".join(f"{left} → {right}" for left, right in question.pairs)

    def expected_given(self, question: Question) -> object:
        return dict(question.pairs)

    def items(self, question: Question) -> tuple[str, ...]:
        return tuple(dict.fromkeys(right for _, right in question.pairs))

    def lefts(self, question: Question) -> tuple[str, ...]:
        return tuple(left for left, _ in question.pairs)

    def parse_typed(self, options: Sequence[str], lefts: Sequence[str], text: str) -> Given:
        numbers = _numbers(text, len(options), "option")
        if len(numbers) != len(lefts):
            raise InputError(
                f"Type {len(lefts)} numbers, one for each of A to {left_label(len(lefts) - 1)}, "
                f"e.g. {' '.join('1' for _ in lefts)}."
            )
        return {left: options[n - 1] for left, n in zip(lefts, numbers, strict=True)}

    def hint(self, options: Sequence[str], lefts: Sequence[str], unit: str | None) -> str:
        n = len(options)
        example = " ".join(str(i % n + 1) for i in range(len(lefts)))
        return f"Type one number for each of A to {left_label(len(lefts) - 1)}, e.g. {example}."


KINDS: Mapping[QuestionType, QuestionKind] = {
    kind.type: kind
    for kind in (
        MultipleChoice(),
        MultipleSelect(),
        TrueFalse(),
        ShortAnswer(),
        Numeric(),
        Ordering(),
        Matching(),
    )
}


def kind_of(question: Question) -> QuestionKind:
    """The object that knows `question`'s type."""
    return KINDS[question.type]


def left_label(index: int) -> str:
    """A, B, ... Z, then AA: how left items are labelled on screen."""
    return chr(ord("A") + index) if index < 26 else "A" + left_label(index - 26)


def _numbers(text: str, limit: int, noun: str) -> list[int]:
    """Numbers separated by spaces or commas, each from 1 to `limit`."""
    parts = [p for p in re.split(r"[\s,;]+", text) if p]
    if not parts or not all(p.isdigit() for p in parts):
        raise InputError(f"Type {noun} numbers separated by spaces, e.g. 1 3.")
    numbers = [int(p) for p in parts]
    wrong = [n for n in numbers if not 1 <= n <= limit]
    if wrong:
        raise InputError(f"There is no {noun} {wrong[0]}: use numbers from 1 to {limit}.")
    return numbers

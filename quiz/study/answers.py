"""Reading a typed line as an answer, for front ends that take answers as text.

`parse_typed(asked, text)` turns what a learner typed into the `given` shape that
`quiz.grading.checking.check` expects, or raises `InputError` with a message the
front end can print before asking again. It reads; it never judges.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from quiz.bank.model import QuestionType

if TYPE_CHECKING:
    from quiz.study.session import Asked

_TRUE = {"true", "t", "yes", "y", "1"}
_FALSE = {"false", "f", "no", "n", "2"}


class InputError(ValueError):
    """A line that cannot be read as an answer; the message tells the learner what to type."""


def parse_typed(asked: Asked, text: str) -> Any:
    """The answer `text` stands for, in the shape `check` takes for the question's type.

    multiple_choice: a choice's number, or its text; multiple_select: numbers such
    as "1 3 4" or "1,3,4"; ordering: every item's number once, first item first;
    matching: one right-hand number per left item, in order; true_false:
    true/false/t/f/yes/no (or 1/2); short_answer and numeric: the text itself.
    """
    text = text.strip()
    if not text:
        raise InputError("Type an answer.")
    kind = asked.question.type
    if kind is QuestionType.MULTIPLE_CHOICE:
        return _one_choice(asked.options, text)
    if kind is QuestionType.TRUE_FALSE:
        return _truth(text)
    if kind is QuestionType.MULTIPLE_SELECT:
        picks = _numbers(text, len(asked.options), "choice")
        return [asked.options[n - 1] for n in dict.fromkeys(picks)]
    if kind is QuestionType.ORDERING:
        return _order(asked.options, text)
    if kind is QuestionType.MATCHING:
        return _pairs(asked.lefts, asked.options, text)
    return text


def _one_choice(options: tuple[str, ...], text: str) -> str:
    if text.isdigit():
        n = int(text)
        if 1 <= n <= len(options):
            return options[n - 1]
        raise InputError(f"There is no choice {n}: type a number from 1 to {len(options)}.")
    return text  # typed text: the checker reads it as the choice it names


def _truth(text: str) -> bool:
    word = text.casefold().rstrip(".!")
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise InputError("Type t (true) or f (false).")


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


def _order(options: tuple[str, ...], text: str) -> list[str]:
    numbers = _numbers(text, len(options), "item")
    if sorted(numbers) != list(range(1, len(options) + 1)):
        raise InputError(
            f"Give every number from 1 to {len(options)} once, first item first, "
            f"e.g. {' '.join(str(n) for n in range(len(options), 0, -1))}."
        )
    return [options[n - 1] for n in numbers]


def _pairs(lefts: tuple[str, ...], options: tuple[str, ...], text: str) -> dict[str, str]:
    numbers = _numbers(text, len(options), "option")
    if len(numbers) != len(lefts):
        raise InputError(
            f"Type {len(lefts)} numbers, one for each of A to {left_label(len(lefts) - 1)}, "
            f"e.g. {' '.join('1' for _ in lefts)}."
        )
    return {left: options[n - 1] for left, n in zip(lefts, numbers, strict=True)}


def left_label(index: int) -> str:
    """A, B, ... Z, then AA: how left items are labelled on screen."""
    return chr(ord("A") + index) if index < 26 else "A" + left_label(index - 26)

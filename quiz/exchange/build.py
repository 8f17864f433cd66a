"""Questions built from what a reader found, checked against the bank's own rules.

A reader never makes a question that `quiz check` would refuse: anything outside the
rules is a reason to skip, returned as text for the reader to report with its line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from quiz.bank.loader import MAX_ITEMS, MIN_ITEMS
from quiz.bank.model import Answer, Question, QuestionType
from quiz.exchange.notes import NOT_CARRIED, Note


class Skip(Exception):
    """The question cannot be held by our model; the message says why."""


def distinct_items(items: list[str], what: str) -> tuple[str, ...]:
    """`items` as a tuple, checked: non-empty text, distinct, 2 to 9 of them."""
    if any(not item.strip() for item in items):
        raise Skip(f"an empty {what[:-1] if what.endswith('s') else what}")
    seen: set[str] = set()
    for item in items:
        if item in seen:
            raise Skip(f"'{item}' appears twice among the {what}")
        seen.add(item)
    if not MIN_ITEMS <= len(items) <= MAX_ITEMS:
        raise Skip(f"{len(items)} {what}; quiz holds {MIN_ITEMS} to {MAX_ITEMS}")
    return tuple(items)


def _checked(q: Question) -> Question:
    """`q` once its answer fits the bank's rules for its type (short answers tidied)."""
    if q.type in (QuestionType.MULTIPLE_CHOICE, QuestionType.MULTIPLE_SELECT):
        choices = distinct_items(list(q.choices), "choices")
        picked = [q.text] if q.type is QuestionType.MULTIPLE_CHOICE else list(q.items)
        if not picked:
            raise Skip("no choice is marked right")
        for item in picked:
            if item not in choices:
                raise Skip(f"the answer '{item}' is not one of the choices")
    elif q.type is QuestionType.SHORT_ANSWER:
        if not q.text.strip():
            raise Skip("the answer is empty")
        accept = tuple(dict.fromkeys(a for a in q.accept if a and a != q.text))
        return replace(q, accept=accept)
    elif q.type is QuestionType.ORDERING:
        distinct_items(list(q.items), "items")
    elif q.type is QuestionType.MATCHING:
        distinct_items([left for left, _ in q.pairs], "left-hand items")
        distinct_items([right for _, right in q.pairs], "right-hand items")
    return q


def first_number(
    found: list[tuple[float, float]], notes: list[Note], line: int
) -> tuple[float, float]:
    """The first (value, tolerance) given full credit; any other is noted as not carried."""
    if not found:
        raise Skip("no number gets full credit")
    for value, tolerance in found[1:]:
        notes.append(Note(line, NOT_CARRIED, f"a second accepted answer {value:g}±{tolerance:g}"))
    return found[0]


@dataclass
class Draft:
    """A question as a reader has it before its answer is read: all but its type and answer.

    `feedback` gathers what the file says about single answers; it follows the
    explanation in the finished question.
    """

    qid: str
    prompt: str
    line: int = 0
    explanation: str = ""
    source: str = ""
    topic: str = ""
    tags: Sequence[str] = ()
    feedback: list[str] = field(default_factory=list)

    def finish(
        self,
        qtype: QuestionType,
        answer: Answer,
        *,
        choices: Sequence[str] = (),
        accept: Sequence[str] = (),
        tolerance: float = 0.0,
        unit: str | None = None,
    ) -> Question:
        """The question with this answer, or Skip when it breaks a rule of the bank."""
        if not self.prompt.strip():
            raise Skip("the question has no text")
        explanation = "\n\n".join(p for p in [self.explanation, *self.feedback] if p)
        question = Question(
            id=self.qid,
            type=qtype,
            prompt=self.prompt.strip(),
            answer=answer,
            choices=tuple(choices),
            accept=tuple(accept),
            tolerance=tolerance,
            unit=None if unit is None else unit.strip(),
            explanation=explanation.strip(),
            source=self.source.strip(),
            topic=self.topic.strip(),
            tags=tuple(dict.fromkeys(t.strip() for t in self.tags if t.strip())),
            line=self.line,
        )
        return _checked(question)

"""The bank model: plain, immutable data that every other part of quiz reads."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from pathlib import Path

NO_TOPIC = "(no topic)"  # how a question without a topic is listed


class QuestionType(StrEnum):
    """The kinds of question a bank may hold."""

    MULTIPLE_CHOICE = "multiple_choice"
    MULTIPLE_SELECT = "multiple_select"
    TRUE_FALSE = "true_false"
    SHORT_ANSWER = "short_answer"
    NUMERIC = "numeric"
    ORDERING = "ordering"
    MATCHING = "matching"


# The answer field's shape per type:
#   multiple_choice  str                 (one of `choices`)
#   multiple_select  tuple[str, ...]     (a subset of `choices`)
#   true_false       bool
#   short_answer     str                 (alternatives in `accept`)
#   numeric          float               (within `tolerance`, shown with `unit`)
#   ordering         tuple[str, ...]     (the items in their right order)
#   matching         tuple[tuple[str, str], ...]  (left -> right pairs, in bank order)
Answer = str | bool | float | tuple[str, ...] | tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Question:
    """One question of a bank, validated."""

    id: str
    type: QuestionType
    prompt: str
    answer: Answer
    choices: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()
    tolerance: float = 0.0
    unit: str | None = None
    explanation: str = ""
    source: str = ""
    topic: str = ""
    difficulty: int = 1
    tags: tuple[str, ...] = ()
    line: int = field(default=0, compare=False)

    @property
    def pairs(self) -> tuple[tuple[str, str], ...]:
        """The left -> right pairs of a matching question."""
        assert self.type is QuestionType.MATCHING
        return self.answer  # type: ignore[return-value]

    @cached_property
    def content_hash(self) -> str:
        """A short hash of everything a learner sees or is graded on.

        Progress is keyed on the question id; this hash tells when the question
        changed since it was last answered. Kept once computed: stats compare it for
        every question answered, each time the home screen is shown.
        """
        content = {
            "type": self.type.value,
            "prompt": self.prompt,
            "answer": self.answer,
            "choices": self.choices,
            "accept": self.accept,
            "tolerance": self.tolerance,
            "unit": self.unit,
        }
        blob = json.dumps(content, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class SourceDocument:
    """The document a bank is drawn from."""

    title: str
    file: str  # as written in the bank, relative to the bank file
    path: Path | None = None  # resolved absolute path
    text: str | None = None  # its contents, when the file was read


@dataclass(frozen=True)
class Bank:
    """A validated question bank."""

    id: str
    title: str
    questions: tuple[Question, ...]
    description: str = ""
    source: SourceDocument | None = None
    path: Path | None = None

    @property
    def topics(self) -> tuple[str, ...]:
        """Topics in the order they first appear."""
        return tuple(dict.fromkeys(q.topic for q in self.questions if q.topic))

    def question(self, question_id: str) -> Question | None:
        """The question with this id, or None."""
        for q in self.questions:
            if q.id == question_id:
                return q
        return None

    @cached_property
    def content_hash(self) -> str:
        """A hash of the whole bank's graded content (for drill fingerprints)."""
        h = hashlib.sha256(self.id.encode("utf-8"))
        for q in self.questions:
            h.update(q.id.encode("utf-8"))
            h.update(q.content_hash.encode("ascii"))
        return h.hexdigest()


def format_number(value: float) -> str:
    """A number as a learner would write it: 2002, not 2002.0."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.15g}"  # all the digits typed, none of the float's rounding noise

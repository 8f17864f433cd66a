"""The bank model: plain, immutable data that every other part of quiz reads."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from pathlib import Path

from quiz.common.wording import format_number as format_number  # kept importable here

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


_ITEM_TYPES = (QuestionType.MULTIPLE_SELECT, QuestionType.ORDERING)
_TEXT_TYPES = (QuestionType.MULTIPLE_CHOICE, QuestionType.SHORT_ANSWER)


def _texts(value: object) -> tuple[str, ...] | None:
    """`value` as a tuple of texts (a list is fine too), or None when it is none."""
    if not isinstance(value, tuple | list) or not all(isinstance(v, str) for v in value):
        return None
    return tuple(str(v) for v in value)


def _pairs(value: object) -> tuple[tuple[str, str], ...] | None:
    """`value` as (left, right) pairs of texts, or None when it is none."""
    if not isinstance(value, tuple | list):
        return None
    pairs = [_texts(v) for v in value]
    if not all(p is not None and len(p) == 2 for p in pairs):
        return None
    return tuple((p[0], p[1]) for p in pairs if p is not None)


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
    note: str = ""  # a remark beyond the source document, shown after the answer
    typos: int | None = None  # edits forgiven in typed answers; None: by answer length
    line: int = field(default=0, compare=False)
    column: int = field(default=0, compare=False)
    # Where each field is written: (field, line, column), for located warnings.
    spots: tuple[tuple[str, int, int], ...] = field(default=(), compare=False)

    def spot(self, name: str) -> tuple[int, int]:
        """The line and column of field `name` (of the question itself when unknown)."""
        for field_name, line, col in self.spots:
            if field_name == name:
                return line, col
        return self.line, self.column

    # The answer in its type's shape; asking a question of another type is a bug (TypeError).

    @property
    def pairs(self) -> tuple[tuple[str, str], ...]:
        """The left -> right pairs of a matching question."""
        pairs = _pairs(self.answer) if self.type is QuestionType.MATCHING else None
        if pairs is None:
            raise TypeError(f"a {self.type} question has no pairs")
        return pairs

    @property
    def items(self) -> tuple[str, ...]:
        """The right choices of a multiple_select question, or an ordering's items in order."""
        items = _texts(self.answer) if self.type in _ITEM_TYPES else None
        if items is None:
            raise TypeError(f"a {self.type} question has no answer items")
        return items

    @property
    def number(self) -> float:
        """The answer of a numeric question."""
        answer = self.answer
        if self.type is not QuestionType.NUMERIC or not isinstance(answer, int | float):
            raise TypeError(f"a {self.type} question has no numeric answer")
        return float(answer)

    @property
    def truth(self) -> bool:
        """The answer of a true_false question."""
        answer = self.answer
        if self.type is not QuestionType.TRUE_FALSE or not isinstance(answer, bool):
            raise TypeError(f"a {self.type} question has no true/false answer")
        return answer

    @property
    def text(self) -> str:
        """The answer of a multiple_choice or short_answer question."""
        answer = self.answer
        if self.type not in _TEXT_TYPES or not isinstance(answer, str):
            raise TypeError(f"a {self.type} question has no text answer")
        return answer

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
        if self.typos is not None:  # only when set, so older hashes stay valid
            content["typos"] = self.typos
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

"""What a conversion reports: located notes about what was skipped or not carried."""

from __future__ import annotations

from dataclasses import dataclass, field

from quiz.bank.model import Question
from quiz.common.errors import Problem
from quiz.common.safe_text import visible

SKIPPED = "skipped"
NOT_CARRIED = "not carried"
CONVERTED = "converted"


@dataclass(frozen=True)
class Note:
    """One located remark about a question: skipped whole, or a detail not carried."""

    line: int
    kind: str  # SKIPPED, NOT_CARRIED or CONVERTED
    message: str

    def render(self, path: str) -> str:
        """`path:line: kind: message`, safe for a terminal."""
        where = f"{path}:{self.line}" if self.line else path
        return visible(f"{where}: {self.kind}: {self.message}")


def about(q: Question, kind: str, message: str) -> Note:
    """A note on a question being written: at its line, naming it by id."""
    return Note(q.line, kind, f"[{q.id}] {message}")


def partial_credit(line: int, weight: float, what: str) -> Note:
    """The note for an answer worth part of the marks, which quiz does not give."""
    return Note(line, NOT_CARRIED, f"partial credit ({weight:g}%) for {what}")


def difficulty_not_carried(q: Question) -> list[Note]:
    """The note for a question whose difficulty (other than 1) the format written cannot hold."""
    if q.difficulty == 1:
        return []
    return [about(q, NOT_CARRIED, f"difficulty {q.difficulty}")]


@dataclass
class Imported:
    """What a reader made of a file: questions, notes, and fatal problems (nothing is written)."""

    questions: list[Question] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass
class Exported:
    """What a writer made of a bank: the file's text, and notes about each question."""

    text: str = ""
    notes: list[Note] = field(default_factory=list)

"""Errors a learner or bank author sees: located, specific, never a traceback."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from quiz.common.safe_text import visible


class Problem(NamedTuple):
    """One thing wrong with an input file, with where it is."""

    path: Path | str
    line: int  # 1-based; 0 when unknown
    column: int  # 1-based; 0 when unknown
    message: str
    question_id: str | None = None

    def __str__(self) -> str:
        path = visible(str(self.path), keep_newlines=False)
        where = f"{path}:{self.line}:{self.column}" if self.line else path
        tail = f" [{visible(self.question_id, keep_newlines=False)}]" if self.question_id else ""
        return f"{where}: {visible(self.message)}{tail}"


class QuizError(Exception):
    """Base of every error quiz reports to a user without a traceback."""

    exit_code = 1


class UsageError(QuizError):
    """A bad command line: no such file, a bad option value."""

    exit_code = 2


class BankError(QuizError):
    """One or more problems in one or more banks."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class StoreError(QuizError):
    """The progress file cannot be used as it is (foreign, newer, read-only, corrupt)."""

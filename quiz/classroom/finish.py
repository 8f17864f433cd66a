"""Drill and exam steps every front end shares: the drill line and the results file.

Front ends call these before the first question (`drill_line`) and on every way
out of a drill or exam (`finish_drill`, `save_results`); asking the student's
name lives with the start-up wiring. A results folder that cannot be written
(missing and not creatable, a file, read-only, full) never loses the results:
they go to the fallback folder in the user data folder, and the front end says so.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from quiz.bank.model import Bank
from quiz.classroom.drill import describe
from quiz.classroom.results import write_session_results
from quiz.common import paths
from quiz.common.display import mode_name
from quiz.common.errors import QuizError


def drill_line(banks: Sequence[Bank], session: Any) -> str:
    """What a student reads before the first question: "Drill CSTO-7F3A, 20 questions, ..."."""
    from dataclasses import replace

    options = replace(session.options, seed=session.seed)
    return f"{mode_name(options.mode)} {describe(banks, options, total=session.total)}"


def finish_drill(
    results_dir: Path,
    banks: Sequence[Bank],
    session: Any,
    student: str,
    *,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> Path:
    """Write the finished session's results file into `results_dir`; return its path."""
    return write_session_results(student, banks, session, results_dir, finished_at=now())


@dataclass(frozen=True)
class Saved:
    """Where a session's results went: `path` (None if nowhere), and what went wrong first."""

    path: Path | None
    problem: str | None = None  # why the results folder itself could not be used

    @property
    def fell_back(self) -> bool:
        return self.path is not None and self.problem is not None

    def lines(self) -> list[str]:
        """What to tell the student (loudly when the results are not where expected)."""
        if self.path is None:
            return [f"RESULTS NOT SAVED: {self.problem}"]
        if self.problem is not None:
            return [
                f"Could not write the results folder: {self.problem}",
                f"RESULTS SAVED INSTEAD TO {self.path}",
                "Hand that file to your teacher.",
            ]
        return [f"Results saved to {self.path}"]


def save_results(
    results_dir: Path,
    banks: Sequence[Bank],
    session: Any,
    student: str,
    *,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> Saved:
    """Write the results file, into the fallback folder if `results_dir` fails; never raises."""
    try:
        return Saved(finish_drill(results_dir, banks, session, student, now=now))
    except (QuizError, OSError) as exc:
        problem = str(exc)
    try:
        fallback = paths.fallback_results_dir()
        return Saved(finish_drill(fallback, banks, session, student, now=now), problem)
    except (QuizError, OSError) as exc:
        return Saved(None, f"{problem}; the fallback folder failed too: {exc}")

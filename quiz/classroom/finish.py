"""Drill and exam steps every front end shares: the drill line and the results file.

Front ends call these before the first question (`drill_line`) and at the end
(`finish_drill`); asking the student's name lives with the start-up wiring.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from quiz.bank.model import Bank
from quiz.classroom.drill import describe
from quiz.classroom.results import write_session_results
from quiz.common.display import mode_name


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

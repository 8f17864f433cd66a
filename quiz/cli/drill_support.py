"""Drill and exam bits the front ends share: the student's name, the drill line, results.

Front ends call these at three moments: before the store opens (`with_student`),
before the first question (`drill_line`), and at the end (`finish_drill`).
Everything they need from the core is plain: `quiz.core.drill` and `quiz.core.results`.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from quiz.core.drill import describe
from quiz.core.model import Bank
from quiz.core.options import CLASS_MODES
from quiz.core.results import write_session_results

NAME_PROMPT = "Your name (for the results file): "


def with_student(args: argparse.Namespace, ask: Callable[[str], str | None]) -> argparse.Namespace:
    """`args` with `profile` set to the student's name, asked when a drill/exam has no --profile.

    `ask(prompt)` returns one line, or None at end of input (the name is then
    left to the default profile). An empty line asks again.
    """
    if getattr(args, "profile", None) or getattr(args, "mode", None) not in CLASS_MODES:
        return args
    while (line := ask(NAME_PROMPT)) is not None:
        name = " ".join(line.split())
        if name:
            return argparse.Namespace(**{**vars(args), "profile": name})
    return args


def drill_line(banks: Sequence[Bank], session: Any) -> str:
    """What a student reads before the first question: "Drill CSTO-7F3A, 20 questions, ..."."""
    from dataclasses import replace

    options = replace(session.options, seed=session.seed)
    label = "Exam" if options.mode == "exam" else "Drill"
    return f"{label} {describe(banks, options, total=session.total)}"


def results_folder(args: argparse.Namespace) -> Path:
    """Where results files go: --results, else the current folder."""
    return Path(getattr(args, "results", None) or ".").expanduser()


def finish_drill(
    args: argparse.Namespace,
    banks: Sequence[Bank],
    session: Any,
    student: str,
    *,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> Path:
    """Write the finished session's results file into --results; return its path."""
    return write_session_results(student, banks, session, results_folder(args), finished_at=now())

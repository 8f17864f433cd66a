"""The one command every student's tab runs: fixed by the teacher, never by a visitor."""

from __future__ import annotations

import shlex
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ClassRun:
    """What the teacher chose for the class: every tab runs the app with exactly these."""

    banks: tuple[Path, ...]
    mode: str
    seed: str
    results: Path
    progress: Path
    count: int | None = None
    topics: tuple[str, ...] = ()
    difficulty: tuple[int, ...] = ()
    time_per_question: float | None = None
    time_limit: float | None = None
    speed_bonus: bool = False


def app_argv(run: ClassRun, student: str) -> list[str]:
    """The argument vector of one student's app, with absolute paths."""
    argv = [sys.executable, "-m", "quiz", "--mode", run.mode, "--seed", run.seed]
    for bank in run.banks:
        argv += ["--bank", str(bank.resolve())]
    argv += ["--results", str(run.results.resolve()), "--progress", str(run.progress.resolve())]
    if run.count is not None:
        argv += ["--count", str(run.count)]
    for topic in run.topics:
        argv += ["--topic", topic]
    for level in run.difficulty:
        argv += ["--difficulty", str(level)]
    if run.time_per_question is not None:
        argv += ["--time-per-question", repr(run.time_per_question)]
    if run.time_limit is not None:
        argv += ["--time-limit", repr(run.time_limit)]
    if run.speed_bonus:
        argv.append("--speed-bonus")
    return [*argv, "--profile", student]


def shell_command(argv: Sequence[str]) -> str:
    """`argv` as one shell command line, every part quoted (the server starts it through sh)."""
    return shlex.join(argv)

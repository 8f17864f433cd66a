"""Start-up wiring every front end shares: banks, the store, options and the student's name."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.common import paths

if TYPE_CHECKING:
    from quiz.bank.model import Bank
    from quiz.progress.store import ProgressStore
    from quiz.study.options import SessionOptions


def bank_paths(values: list[str] | None) -> list[Path]:
    """The bank paths named on the command line, or the shipped bank."""
    if not values:
        return [paths.default_bank_path()]
    return [Path(v).expanduser() for v in values]


def load_banks(args: argparse.Namespace) -> list[Bank]:
    """Load and validate the banks named by `--bank` (raises BankError/UsageError)."""
    from quiz.bank.loader import load_banks as _load

    return _load(bank_paths(getattr(args, "bank", None)))


def open_store(args: argparse.Namespace, *, read_only: bool = False) -> ProgressStore:
    """Open the progress store named by `--progress`/$QUIZ_PROGRESS (raises StoreError).

    The profile is `--profile`, else the OS user. `read_only` is for stats and
    export: the file is never created, changed or upgraded.
    """
    from quiz.progress.store import ProgressStore

    profile = getattr(args, "profile", None) or paths.default_profile()
    path = paths.progress_path(getattr(args, "progress", None))
    return ProgressStore.open(path, profile, read_only=read_only)


def session_options(args: argparse.Namespace, banks: Sequence[Bank]) -> SessionOptions:
    """SessionOptions from the run options, with `--topic` resolved against the banks.

    Raises UsageError for a topic no bank has.
    """
    from quiz.bank.topics import resolve_topics
    from quiz.study.options import SessionOptions

    return SessionOptions(
        mode=args.mode,
        count=args.count,
        topics=resolve_topics(banks, args.topic or ()),
        difficulty=tuple(args.difficulty or ()),
        seed=args.seed,
        time_per_question=args.time_per_question,
        time_limit=args.time_limit * 60 if args.time_limit else None,
        speed_bonus=args.speed_bonus,
    )


NAME_PROMPT = "Your name (for the results file): "


def with_student(args: argparse.Namespace, ask: Callable[[str], str | None]) -> argparse.Namespace:
    """`args` with `profile` set to the student's name, asked when a drill/exam has no --profile.

    `ask(prompt)` returns one line, or None at end of input (the name is then
    left to the default profile). An empty line asks again.
    """
    from quiz.study.options import CLASS_MODES

    if getattr(args, "profile", None) or getattr(args, "mode", None) not in CLASS_MODES:
        return args
    while (line := ask(NAME_PROMPT)) is not None:
        name = " ".join(line.split())
        if name:
            return argparse.Namespace(**{**vars(args), "profile": name})
    return args


def results_folder(args: argparse.Namespace) -> Path:
    """Where results files go: --results, else the current folder."""
    return Path(getattr(args, "results", None) or ".").expanduser()

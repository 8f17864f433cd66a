"""What every run needs from the command line: banks, the progress store, session options."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.core import paths

if TYPE_CHECKING:
    from quiz.core.model import Bank
    from quiz.core.options import SessionOptions
    from quiz.core.store import ProgressStore


def bank_paths(values: list[str] | None) -> list[Path]:
    """The bank paths named on the command line, or the shipped bank."""
    if not values:
        return [paths.default_bank_path()]
    return [Path(v).expanduser() for v in values]


def load_banks(args: argparse.Namespace) -> list[Bank]:
    """Load and validate the banks named by `--bank` (raises BankError/UsageError)."""
    from quiz.core.loader import load_banks as _load

    return _load(bank_paths(getattr(args, "bank", None)))


def open_store(args: argparse.Namespace, *, read_only: bool = False) -> ProgressStore:
    """Open the progress store named by `--progress`/$QUIZ_PROGRESS (raises StoreError).

    The profile is `--profile`, else the OS user. `read_only` is for stats and
    export: the file is never created, changed or upgraded.
    """
    from quiz.core.store import ProgressStore

    profile = getattr(args, "profile", None) or paths.default_profile()
    path = paths.progress_path(getattr(args, "progress", None))
    return ProgressStore.open(path, profile, read_only=read_only)


def session_options(args: argparse.Namespace) -> SessionOptions:
    """SessionOptions from the run options."""
    from quiz.core.options import SessionOptions

    return SessionOptions(
        mode=args.mode,
        count=args.count,
        topics=tuple(args.topic or ()),
        difficulty=tuple(args.difficulty or ()),
        seed=args.seed,
        time_per_question=args.time_per_question,
        time_limit=args.time_limit * 60 if args.time_limit else None,
        speed_bonus=args.speed_bonus,
    )

"""Start-up wiring every front end shares: banks, the store, options and the student's name."""

from __future__ import annotations

import argparse
import sys
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


def session_options(
    args: argparse.Namespace, banks: Sequence[Bank], default_mode: str = "practice"
) -> SessionOptions:
    """SessionOptions from the run options (`default_mode` without --mode), with `--topic`
    resolved against the banks.

    Raises UsageError for a topic no bank has.
    """
    from quiz.bank.topics import resolve_topics
    from quiz.study.options import Mode, SessionOptions

    return SessionOptions(
        mode=Mode(getattr(args, "mode", None) or default_mode),
        new_limit=new_limit(args),
        count=args.count,
        topics=resolve_topics(banks, args.topic or ()),
        difficulty=tuple(args.difficulty or ()),
        seed=args.seed,
        time_per_question=args.time_per_question,
        time_limit=args.time_limit * 60 if args.time_limit else None,
        speed_bonus=args.speed_bonus,
    )


def new_limit(args: argparse.Namespace) -> int:
    """The daily new-question limit: --new-limit, else the settings file (warnings to stderr)."""
    given: int | None = getattr(args, "new_limit", None)
    if given is not None:
        return given
    from quiz.common.settings import load_settings

    settings, warnings = load_settings()
    for warning in warnings:
        sys.stderr.write(f"quiz: {warning}\n")
    return settings.new_limit


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


def show_warnings(store: object) -> None:
    """Name on stderr each damaged row the store skipped (once each)."""
    import sys

    from quiz.common.safe_text import visible

    warnings = getattr(store, "warnings", None)
    while warnings:
        sys.stderr.write(f"quiz: {visible(warnings.pop(0))}\n")

"""Where quiz keeps its files. The one module that knows about locations."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "quiz"


def shipped_bank_dir() -> Path:
    """The folder of banks installed with quiz."""
    from question_bank import BANK_DIR

    return BANK_DIR


def default_bank_path() -> Path:
    """The bank `quiz` opens when none is named."""
    return shipped_bank_dir() / "csto.yaml"


def progress_path(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """The progress file: `--progress`, else $QUIZ_PROGRESS, else the user data dir."""
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get("QUIZ_PROGRESS")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "progress.db"


def data_dir() -> Path:
    """The user data folder (on Linux ~/.local/share/quiz)."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def fallback_results_dir() -> Path:
    """Where results files go when their folder cannot be written."""
    return data_dir() / "results"


def recovery_dir() -> Path:
    """Where unsaved answers go when the progress file's own folder cannot be written."""
    return data_dir() / "recovery"


def cache_dir() -> Path:
    """Where validated banks are cached ($QUIZ_CACHE_DIR overrides)."""
    env = os.environ.get("QUIZ_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, appauthor=False)


def default_profile() -> str:
    """The learner's name when none is given: the OS user name."""
    import getpass

    try:
        return getpass.getuser() or "learner"
    except Exception:  # no user name in this environment (some containers)
        return "learner"

"""Where quiz keeps its files: the command line first, then the environment, then the OS's place."""

from __future__ import annotations

import getpass
from pathlib import Path

import pytest

from quiz.common import paths


def test_the_progress_file_named_on_the_command_line_wins(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("QUIZ_PROGRESS", str(tmp_path / "env.db"))
    assert paths.progress_path("~/mine.db") == tmp_path / "mine.db"
    assert paths.progress_path(tmp_path / "p.db") == tmp_path / "p.db"
    assert paths.progress_path("") == tmp_path / "env.db"
    assert paths.progress_path() == tmp_path / "env.db"
    monkeypatch.setenv("QUIZ_PROGRESS", "~/from-env.db")
    assert paths.progress_path() == tmp_path / "from-env.db"


def test_without_either_the_progress_file_is_in_the_users_data_folder(
    monkeypatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("QUIZ_PROGRESS")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert paths.progress_path() == tmp_path / "data" / "quiz" / "progress.db"
    monkeypatch.setenv("QUIZ_PROGRESS", "")
    assert paths.progress_path() == tmp_path / "data" / "quiz" / "progress.db"


def test_the_cache_folder(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("QUIZ_CACHE_DIR", "~/c")
    assert paths.cache_dir() == tmp_path / "c"
    monkeypatch.delenv("QUIZ_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert paths.cache_dir() == tmp_path / "cache" / "quiz"


def test_the_shipped_bank() -> None:
    assert paths.default_bank_path() == paths.shipped_bank_dir() / "csto.yaml"
    assert paths.default_bank_path().is_file()


@pytest.mark.parametrize(("user", "profile"), [("ann", "ann"), ("", "learner")])
def test_the_default_profile_is_the_user_name(monkeypatch, user: str, profile: str) -> None:
    monkeypatch.setattr(getpass, "getuser", lambda: user)
    assert paths.default_profile() == profile


def test_no_user_name_is_a_learner(monkeypatch) -> None:
    def nobody() -> str:
        raise OSError("No username set in the environment")

    monkeypatch.setattr(getpass, "getuser", nobody)
    assert paths.default_profile() == "learner"


def test_the_data_folders(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert paths.data_dir() == tmp_path / "quiz"
    assert paths.fallback_results_dir() == tmp_path / "quiz" / "results"
    assert paths.recovery_dir() == tmp_path / "quiz" / "recovery"

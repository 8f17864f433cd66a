"""Settings survive a round trip and a damaged file never stops quiz."""

from __future__ import annotations

from pathlib import Path

from quiz.common.settings import (
    DEFAULT_NEW_LIMIT,
    Settings,
    load_settings,
    parse_settings,
    save_settings,
    settings_path,
)


def test_no_file_gives_the_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "none.toml") == (Settings(None, DEFAULT_NEW_LIMIT), [])


def test_saved_settings_read_back(tmp_path: Path) -> None:
    path = save_settings(Settings(theme='gruvbox "x"', new_limit=5), tmp_path / "a" / "s.toml")
    assert load_settings(path) == (Settings(theme='gruvbox "x"', new_limit=5), [])


def test_the_environment_names_the_file(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("QUIZ_SETTINGS", str(tmp_path / "mine.toml"))
    assert settings_path() == tmp_path / "mine.toml"


def test_bad_values_fall_back_one_by_one_with_a_warning() -> None:
    settings, warnings = parse_settings('theme = "nord"\nnew_limit = "lots"\ncolour = 1\n', "s")
    assert settings == Settings(theme="nord", new_limit=DEFAULT_NEW_LIMIT)
    assert warnings == [
        "s: new_limit = 'lots' is not a usable value; using the default",
        "s: unknown setting 'colour' ignored",
    ]


def test_negative_or_boolean_limits_are_refused() -> None:
    assert parse_settings("new_limit = -1")[0].new_limit == DEFAULT_NEW_LIMIT
    assert parse_settings("new_limit = true")[0].new_limit == DEFAULT_NEW_LIMIT
    assert parse_settings("new_limit = 0")[0].new_limit == 0


def test_a_damaged_file_gives_the_defaults_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_bytes(b"theme = [unclosed\n")
    settings, warnings = load_settings(path)
    assert settings == Settings()
    assert len(warnings) == 1 and "not valid TOML" in warnings[0] and str(path) in warnings[0]
    path.write_bytes(b"\xff\xfe")
    assert load_settings(path) == (Settings(), [f"{path}: not UTF-8 text; using the defaults"])

"""Settings survive a round trip and a damaged file never stops quiz."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from quiz.common.settings import (
    DEFAULT_NEW_LIMIT,
    Settings,
    load_settings,
    parse_settings,
    render_settings,
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


@pytest.mark.parametrize(
    ("text", "settings", "warnings"),
    [
        ('theme = " nord "', Settings(theme="nord"), []),
        ("new_limit = 9999", Settings(new_limit=9999), []),
        ("theme = 3", Settings(), ["s: theme = 3 is not a usable value; using the default"]),
        (
            'theme = "  "',
            Settings(),
            ["s: theme = '  ' is not a usable value; using the default"],
        ),
        (
            "new_limit = 10000",
            Settings(),
            ["s: new_limit = 10000 is not a usable value; using the default"],
        ),
        (
            "new_limit = -1",
            Settings(),
            ["s: new_limit = -1 is not a usable value; using the default"],
        ),
        (
            "new_limit = true",
            Settings(),
            ["s: new_limit = True is not a usable value; using the default"],
        ),
        (
            "new_limit = 5.0",
            Settings(),
            ["s: new_limit = 5.0 is not a usable value; using the default"],
        ),
        ("Theme = 'x'", Settings(), ["s: unknown setting 'Theme' ignored"]),
    ],
)
def test_each_value_is_used_or_refused_by_name(
    text: str, settings: Settings, warnings: list[str]
) -> None:
    assert parse_settings(text, "s") == (settings, warnings)


def test_a_warning_names_the_settings_when_no_file_is_given() -> None:
    assert parse_settings("colour = 1") == (
        Settings(),
        ["settings: unknown setting 'colour' ignored"],
    )


def test_text_that_is_not_toml_gives_the_defaults_with_the_parsers_words() -> None:
    text = "theme = [unclosed\n"
    with pytest.raises(tomllib.TOMLDecodeError) as error:
        tomllib.loads(text)
    assert parse_settings(text, "s") == (
        Settings(),
        [f"s: not valid TOML ({error.value}); using the defaults"],
    )


def test_a_file_that_cannot_be_read_gives_the_defaults_and_says_why(tmp_path: Path) -> None:
    assert load_settings(tmp_path) == (
        Settings(),
        [f"{tmp_path}: cannot be read (Is a directory); using the defaults"],
    )


def test_a_file_s_warnings_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text("new_limit = -3\n", encoding="utf-8")
    assert load_settings(path) == (
        Settings(),
        [f"{path}: new_limit = -3 is not a usable value; using the default"],
    )


@pytest.mark.parametrize(
    ("settings", "text"),
    [
        (
            Settings(),
            "# quiz settings: edit freely; a value quiz cannot use falls back to its default.\n"
            "new_limit = 20\n",
        ),
        (
            Settings(theme='a "b"', new_limit=0),
            "# quiz settings: edit freely; a value quiz cannot use falls back to its default.\n"
            'theme = "a \\"b\\""\n'
            "new_limit = 0\n",
        ),
    ],
)
def test_the_saved_file_reads(settings: Settings, text: str) -> None:
    assert render_settings(settings) == text


def test_saving_without_a_path_writes_the_settings_file(tmp_path: Path, monkeypatch) -> None:
    where = tmp_path / "a" / "b" / "settings.toml"
    monkeypatch.setenv("QUIZ_SETTINGS", str(where))
    assert save_settings(Settings(new_limit=7)) == where  # the folders are made
    assert save_settings(Settings(theme="nord")) == where  # and may already be there
    assert load_settings() == (Settings(theme="nord"), [])


def test_without_the_environment_the_file_is_in_the_user_config_folder(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.delenv("QUIZ_SETTINGS", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert settings_path() == tmp_path / "quiz" / "settings.toml"


def test_a_home_relative_settings_file(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("QUIZ_SETTINGS", "~/quiz.toml")
    assert settings_path() == tmp_path / "quiz.toml"

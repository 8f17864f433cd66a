"""User settings kept between runs: a small TOML file in the user config folder.

A damaged or hand-edited file never stops quiz: what can be read is used, the
rest falls back to its default, and each problem comes back as a warning line.
"""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path

from quiz.common.atomic import atomic_writer
from quiz.common.paths import APP_NAME

DEFAULT_NEW_LIMIT = 20


@dataclass(frozen=True)
class Settings:
    """What a learner can set once and keep: the theme and the daily new-question limit."""

    theme: str | None = None
    new_limit: int = DEFAULT_NEW_LIMIT


def settings_path() -> Path:
    """The settings file: $QUIZ_SETTINGS, else `settings.toml` in the user config folder."""
    env = os.environ.get("QUIZ_SETTINGS")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False) / "settings.toml"


def parse_settings(text: str, where: str = "settings") -> tuple[Settings, list[str]]:
    """Settings from TOML text, and a warning for each value that could not be used."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return Settings(), [f"{where}: not valid TOML ({exc}); using the defaults"]
    settings, warnings = Settings(), []
    for key, value in data.items():
        if key == "theme" and isinstance(value, str) and value.strip():
            settings = replace(settings, theme=value.strip())
        elif key == "new_limit" and type(value) is int and 0 <= value <= 9999:
            settings = replace(settings, new_limit=value)
        elif key in {f.name for f in fields(Settings)}:
            warnings.append(f"{where}: {key} = {value!r} is not a usable value; using the default")
        else:
            warnings.append(f"{where}: unknown setting {key!r} ignored")
    return settings, warnings


def load_settings(path: Path | None = None) -> tuple[Settings, list[str]]:
    """The saved settings (defaults when there is no file) and any warnings about them."""
    path = path or settings_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Settings(), []
    except OSError as exc:
        return Settings(), [f"{path}: cannot be read ({exc.strerror}); using the defaults"]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return Settings(), [f"{path}: not UTF-8 text; using the defaults"]
    return parse_settings(text, str(path))


def render_settings(settings: Settings) -> str:
    """TOML text for `settings` (strings quoted as JSON, which TOML accepts)."""
    lines = ["# quiz settings: edit freely; a value quiz cannot use falls back to its default."]
    if settings.theme is not None:
        lines.append(f"theme = {json.dumps(settings.theme)}")
    lines.append(f"new_limit = {settings.new_limit}")
    return "\n".join(lines) + "\n"


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write `settings` atomically (creating the folder); return where."""
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_writer(path, durable=False) as out:
        out.write(render_settings(settings))
    return path

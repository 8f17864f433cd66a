"""Fixtures for every test: no test touches the real user data or cache dirs."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Point progress, cache and data dirs at fresh temporary folders."""
    base = tmp_path_factory.mktemp("quiz-home")
    monkeypatch.setenv("QUIZ_PROGRESS", str(base / "progress.db"))
    monkeypatch.setenv("QUIZ_CACHE_DIR", str(base / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(base / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(base / "cache-home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(base / "config"))
    monkeypatch.setenv("QUIZ_SETTINGS", str(base / "settings.toml"))
    monkeypatch.setenv("NO_COLOR", "1")
    yield base


@pytest.fixture
def fake_day(monkeypatch: pytest.MonkeyPatch):
    """A fake clock through $QUIZ_NOW (tests.helpers.today.FakeDay), in UTC days."""
    from tests.helpers.today import fake_day as start

    yield from start(monkeypatch)


@pytest.fixture
def far_east():
    """The machine's local time is nine hours ahead of UTC, so local and UTC times differ."""
    from tests.helpers.today import machine_zone

    with machine_zone("Asia/Tokyo"):
        yield

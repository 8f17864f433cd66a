"""A fake clock for study-today tests: quiz reads "now" from $QUIZ_NOW, in UTC days."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

import pytest

DAY1 = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)


class FakeDay:
    """Sets $QUIZ_NOW; `later(...)` moves it on."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self._monkeypatch = monkeypatch
        self.now = DAY1
        self._set()

    def later(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        self._set()
        return self.now

    def _set(self) -> None:
        self._monkeypatch.setenv("QUIZ_NOW", self.now.isoformat())


def fake_day(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeDay]:
    """Now is DAY1 (09:00 UTC), and local time is UTC, so days do not depend on the machine.

    The `fake_day` fixture (tests/conftest.py) runs this."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield FakeDay(monkeypatch)
    monkeypatch.undo()
    time.tzset()


@contextmanager
def machine_zone(zone: str) -> Iterator[None]:
    """The machine's local time zone is `zone` (a TZ value such as "Asia/Tokyo") in the block."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TZ", zone)
        time.tzset()
        try:
            yield
        finally:
            patch.undo()
            time.tzset()

"""The one reader of the time: UTC always, a test time from $QUIZ_NOW, days in local time."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from quiz.common.clock import local_day, utc_now


def test_a_test_time_in_another_zone_reads_as_utc(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZ_NOW", "2026-11-28T10:30:00+01:00")
    now = utc_now()
    assert now == datetime(2026, 11, 28, 9, 30, tzinfo=UTC)
    assert now.tzinfo is UTC


def test_a_test_time_without_a_zone_is_refused_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZ_NOW", "2026-11-28T09:00:00")
    with pytest.raises(ValueError) as error:
        utc_now()
    assert str(error.value) == "QUIZ_NOW='2026-11-28T09:00:00': give a time zone, such as Z"


@pytest.mark.usefixtures("far_east")
def test_the_day_is_the_local_one() -> None:
    assert local_day(datetime(2026, 11, 28, 20, 0, tzinfo=UTC)) == date(2026, 11, 29)
    assert local_day(datetime(2026, 11, 28, 14, 59, tzinfo=UTC)) == date(2026, 11, 28)

"""What a profile's past says about one question: seen, missed, due."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from quiz.study.history import QuestionHistory

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("verdict", "missed"),
    [
        ("correct", False),
        ("partial", True),
        ("incorrect", True),
        ("timeout", True),
        ("skipped", False),
        (None, False),
    ],
)
def test_missed_means_the_latest_answer_was_not_fully_right(
    verdict: str | None, missed: bool
) -> None:
    assert QuestionHistory(attempts=1, last_verdict=verdict).missed is missed


@pytest.mark.parametrize(
    ("due", "is_due"),
    [
        (None, False),
        (NOW - timedelta(days=1), True),
        (NOW, True),
        (NOW + timedelta(seconds=1), False),
    ],
)
def test_due_from_the_moment_the_scheduler_set(due: datetime | None, is_due: bool) -> None:
    assert QuestionHistory(attempts=1, due=due).is_due(NOW) is is_due


def test_seen_after_one_attempt() -> None:
    assert QuestionHistory().seen is False
    assert QuestionHistory(attempts=1).seen is True

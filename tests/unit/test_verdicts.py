"""The verdicts, the groups counted by them, and the score rule."""

from __future__ import annotations

import pytest

from quiz.grading.verdicts import ANSWERED, MISSED_VERDICTS, VERDICTS, Verdict, score_percent


@pytest.mark.parametrize(
    ("verdict", "answered", "missed"),
    [
        (Verdict.CORRECT, True, False),
        (Verdict.PARTIAL, True, True),
        (Verdict.INCORRECT, True, True),
        (Verdict.SKIPPED, False, False),
        (Verdict.TIMEOUT, False, True),
    ],
)
def test_each_verdict_s_groups(verdict: Verdict, answered: bool, missed: bool) -> None:
    assert (verdict.answered, verdict.missed) == (answered, missed)
    assert (verdict in ANSWERED, verdict in MISSED_VERDICTS) == (answered, missed)


def test_the_verdict_names() -> None:
    assert VERDICTS == ("correct", "partial", "incorrect", "skipped", "timeout")
    assert ANSWERED == ("correct", "partial", "incorrect")


@pytest.mark.parametrize(
    ("points", "questions", "percent"),
    [(2, 4, 50.0), (1.5, 3, 50.0), (3, 3, 100.0), (0, 5, 0.0), (0, 0, 0.0)],
)
def test_score_percent_counts_every_question(points: float, questions: int, percent: float) -> None:
    assert score_percent(points, questions) == percent

"""The verdicts an answer can get, the groups the rest of quiz counts by, and the score rule."""

from __future__ import annotations

from enum import StrEnum


class Verdict(StrEnum):
    """What became of one question. A `str`, so `verdict == "correct"` still holds."""

    CORRECT = "correct"
    PARTIAL = "partial"
    INCORRECT = "incorrect"
    SKIPPED = "skipped"
    TIMEOUT = "timeout"

    @property
    def answered(self) -> bool:
        """An answer was given in time (right, partly right or wrong)."""
        return self in (Verdict.CORRECT, Verdict.PARTIAL, Verdict.INCORRECT)

    @property
    def missed(self) -> bool:
        """Not fully right and worth asking again (a skip is neither right nor missed)."""
        return self in (Verdict.INCORRECT, Verdict.PARTIAL, Verdict.TIMEOUT)


VERDICTS = tuple(v.value for v in Verdict)
ANSWERED = tuple(v.value for v in Verdict if v.answered)  # an answer given in time
MISSED_VERDICTS = ("incorrect", "partial", "timeout")  # not fully right


def score_percent(points: float, questions: int) -> float:
    """A session's score in percent: its points out of every question it holds.

    A question not reached (the session stopped early) counts 0, as on paper;
    0 for a session without questions. Every front end and the results file use this.
    """
    return 100 * points / questions if questions else 0.0

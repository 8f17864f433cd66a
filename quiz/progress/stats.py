"""A learner's standing, computed from plain rows the progress store fetches.

Definitions (also in docs/progress.md):
- seen: answered at least once (a skip does not count);
- mastered: the latest answer was correct and the fsrs card has graduated to the
  Review state (it has been answered well on two separate occasions at least);
- due: the card's next review time has come;
- missed: the latest answer was incorrect, partly correct or timed out;
- accuracy: the mean score of every answer (skips excluded), 0..1;
- struggling: missed STRUGGLING_MISSES times or more, ever;
- changed: the bank's question is not what was last answered (content hash differs);
- streak: days in a row with an answer, in the local time of the computer that
  recorded them, ending today, or yesterday when nothing is answered yet today.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import NamedTuple

from quiz.bank.model import NO_TOPIC, Bank
from quiz.grading.verdicts import MISSED_VERDICTS
from quiz.study.scheduling import REVIEW_STATE

STRUGGLING_MISSES = 4


class QuestionRow(NamedTuple):
    """The store's summary of one (bank, question) for a profile."""

    bank_id: str
    question_id: str
    topic: str
    attempts: int  # answers, skips excluded
    misses: int
    score_sum: float
    last_verdict: str | None
    last_answered: datetime | None
    last_content_hash: str | None
    due: datetime | None
    state: int | None  # fsrs State
    stability: float | None


class SessionRow(NamedTuple):
    """A finished session of a profile."""

    uid: str
    mode: str
    started_at: datetime
    points: float
    possible: int


class Flagged(NamedTuple):
    """A question named in stats (struggling or changed)."""

    bank_id: str
    question_id: str
    prompt: str
    misses: int


class TopicStats(NamedTuple):
    topic: str
    questions: int
    seen: int
    mastered: int
    answers: int
    accuracy: float | None  # 0..1; None before any answer


class SessionPoint(NamedTuple):
    started_at: datetime
    mode: str
    percent: float


class Stats(NamedTuple):
    """Everything `quiz stats` and the stats screen show."""

    questions: int
    seen: int
    mastered: int
    due: int
    missed: int
    answers: int
    accuracy: float | None  # 0..1; None before any answer
    topics: tuple[TopicStats, ...]  # in bank order
    streak: int  # days
    struggling: tuple[Flagged, ...]  # most missed first
    changed: tuple[Flagged, ...]
    next_due: datetime | None  # earliest due among seen questions (may be past: due now)
    sessions: tuple[SessionPoint, ...]  # finished sessions, oldest first
    due_unmissed: int = 0  # due and not missed: what a review asks after the missed


def is_mastered(row: QuestionRow) -> bool:
    """Latest answer correct and the card graduated to fsrs's Review state."""
    return row.last_verdict == "correct" and row.state == REVIEW_STATE


def streak(days: Iterable[date], today: date) -> int:
    """Days in a row with an answer, ending today (or yesterday)."""
    studied = set(days)
    day = today if today in studied else today - timedelta(days=1)
    count = 0
    while day in studied:
        count += 1
        day -= timedelta(days=1)
    return count


def compute(
    banks: Sequence[Bank],
    rows: Iterable[QuestionRow],
    days: Iterable[date],
    sessions: Iterable[SessionRow],
    now: datetime,
    today: date,
) -> Stats:
    """Stats over the questions of `banks`; rows of questions no longer in them are ignored."""
    by_key = {(r.bank_id, r.question_id): r for r in rows}
    topics: dict[str, list[QuestionRow | None]] = {}
    present: list[QuestionRow] = []
    struggling: list[Flagged] = []
    changed: list[Flagged] = []
    for bank in banks:
        for q in bank.questions:
            row = by_key.get((bank.id, q.id))
            topics.setdefault(q.topic or NO_TOPIC, []).append(row)
            if row is None or row.attempts == 0:
                continue
            present.append(row)
            if row.misses >= STRUGGLING_MISSES:
                struggling.append(Flagged(bank.id, q.id, q.prompt, row.misses))
            if row.last_content_hash and row.last_content_hash != q.content_hash:
                changed.append(Flagged(bank.id, q.id, q.prompt, row.misses))
    struggling.sort(key=lambda f: -f.misses)
    dues = [r.due for r in present if r.due is not None]
    answers = sum(r.attempts for r in present)
    return Stats(
        questions=sum(len(b.questions) for b in banks),
        seen=len(present),
        mastered=sum(1 for r in present if is_mastered(r)),
        due=sum(1 for r in present if r.due is not None and r.due <= now),
        missed=sum(1 for r in present if r.last_verdict in MISSED_VERDICTS),
        due_unmissed=sum(
            1
            for r in present
            if r.due is not None and r.due <= now and r.last_verdict not in MISSED_VERDICTS
        ),
        answers=answers,
        accuracy=_accuracy(present),
        topics=tuple(_topic(name, items) for name, items in topics.items()),
        streak=streak(days, today),
        struggling=tuple(struggling),
        changed=tuple(changed),
        next_due=min(dues) if dues else None,
        sessions=tuple(
            SessionPoint(s.started_at, s.mode, 100.0 * s.points / s.possible)
            for s in sorted(sessions, key=lambda s: s.started_at)
            if s.possible
        ),
    )


def _accuracy(rows: Sequence[QuestionRow]) -> float | None:
    answers = sum(r.attempts for r in rows)
    return sum(r.score_sum for r in rows) / answers if answers else None


def _topic(name: str, items: list[QuestionRow | None]) -> TopicStats:
    seen = [r for r in items if r is not None and r.attempts]
    return TopicStats(
        topic=name,
        questions=len(items),
        seen=len(seen),
        mastered=sum(1 for r in seen if is_mastered(r)),
        answers=sum(r.attempts for r in seen),
        accuracy=_accuracy(seen),
    )

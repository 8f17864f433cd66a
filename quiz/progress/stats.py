"""A learner's standing, computed from plain rows the progress store fetches.

Definitions (also in docs/progress.md):
- seen: answered at least once (a skip does not count);
- stage (Anki's words, from the fsrs card): new (never answered), learning (fsrs
  Learning or Relearning: right answers still to give on separate occasions),
  young (fsrs Review with stability under MATURE_DAYS), mature (stability of
  MATURE_DAYS or more);
- due: the card's next review time has come;
- missed: the latest answer was incorrect, partly correct or timed out;
- accuracy: the mean score of every answer (skips excluded), 0..1;
- struggling: missed STRUGGLING_MISSES times or more, ever;
- changed: the bank's question is not what was last answered (content hash differs);
- streak: days in a row with an answer, in the local time of the computer that
  recorded them, ending today, or yesterday when nothing is answered yet today;
  longest streak: the most days in a row ever;
- today: the reviews due now, the new questions the daily limit still allows,
  and about SECONDS_PER_QUESTION for each;
- forecast: reviews falling due on each of the next FORECAST_DAYS days (today's
  count includes those already overdue).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import NamedTuple

from quiz.bank.model import NO_TOPIC, Bank
from quiz.common.clock import local_day
from quiz.grading.verdicts import MISSED_VERDICTS
from quiz.study.scheduling import REVIEW_STATE

STRUGGLING_MISSES = 4
MATURE_DAYS = 21.0  # stability (days) from which a card is mature, as in Anki
SECONDS_PER_QUESTION = 20  # for "about N minutes" today
CHART_DAYS = 30
CALENDAR_WEEKS = 26
FORECAST_DAYS = 14
STAGES = ("new", "learning", "young", "mature")


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
    first_answered: datetime | None = None


class DayRow(NamedTuple):
    """Answers on one local calendar day."""

    day: date
    answers: int
    score_sum: float


class DayPoint(NamedTuple):
    """One day of the 30-day chart."""

    day: date
    answers: int
    accuracy: float | None  # 0..1; None without answers


class StageCounts(NamedTuple):
    """How many questions are at each stage."""

    new: int = 0
    learning: int = 0
    young: int = 0
    mature: int = 0


class Today(NamedTuple):
    """Today's work at a glance."""

    due: int  # reviews due now
    new: int  # new questions the daily limit still allows
    minutes: int  # an estimate


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
    stages: StageCounts
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
    stages: StageCounts
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
    today: Today
    longest_streak: int  # days
    days: tuple[DayPoint, ...]  # the last CHART_DAYS days, oldest first, today last
    calendar: tuple[tuple[date, int], ...]  # (day, answers), Monday of CALENDAR_WEEKS ago..today
    forecast: tuple[int, ...]  # reviews due on today, tomorrow, ... (FORECAST_DAYS)
    due_unmissed: int = 0  # due and not missed: what a review asks after the missed


def stage(row: QuestionRow | None) -> str:
    """new, learning, young or mature: where a question stands, from its fsrs card."""
    if row is None or row.attempts == 0 or row.state is None:
        return "new"
    if row.state != REVIEW_STATE:
        return "learning"
    return "mature" if (row.stability or 0.0) >= MATURE_DAYS else "young"


def stage_counts(rows: Iterable[QuestionRow | None]) -> StageCounts:
    """How many of `rows` (None: never answered) are at each stage."""
    counts = dict.fromkeys(STAGES, 0)
    for row in rows:
        counts[stage(row)] += 1
    return StageCounts(**counts)


def longest_streak(days: Iterable[date]) -> int:
    """The most days in a row with an answer."""
    best = run = 0
    previous: date | None = None
    for day in sorted(set(days)):
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        best = max(best, run)
        previous = day
    return best


def new_started_on(rows: Iterable[QuestionRow], today: date) -> int:
    """How many questions were answered for the first time on `today` (local)."""
    return sum(
        1 for r in rows if r.first_answered is not None and local_day(r.first_answered) == today
    )


def day_points(
    days: Iterable[DayRow], today: date, count: int = CHART_DAYS
) -> tuple[DayPoint, ...]:
    """The last `count` days up to today, with zero answers on days without any."""
    by_day = {d.day: d for d in days}
    points = []
    for back in range(count - 1, -1, -1):
        day = today - timedelta(days=back)
        row = by_day.get(day)
        if row is None or not row.answers:
            points.append(DayPoint(day, 0, None))
        else:
            points.append(DayPoint(day, row.answers, row.score_sum / row.answers))
    return tuple(points)


def calendar(
    days: Iterable[DayRow], today: date, weeks: int = CALENDAR_WEEKS
) -> tuple[tuple[date, int], ...]:
    """(day, answers) from the Monday `weeks` weeks before this one, through today."""
    by_day = {d.day: d.answers for d in days}
    start = today - timedelta(days=today.weekday(), weeks=weeks)
    span = (today - start).days + 1
    return tuple(
        (day, by_day.get(day, 0)) for day in (start + timedelta(days=n) for n in range(span))
    )


def forecast(dues: Iterable[datetime], today: date, count: int = FORECAST_DAYS) -> tuple[int, ...]:
    """Reviews due on each local day from today (overdue ones count today)."""
    counts = [0] * count
    for due in dues:
        offset = max(0, (local_day(due) - today).days)
        if offset < count:
            counts[offset] += 1
    return tuple(counts)


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
    days: Iterable[DayRow],
    sessions: Iterable[SessionRow],
    now: datetime,
    today: date,
    *,
    new_limit: int,
) -> Stats:
    """Stats over the questions of `banks`; rows of questions no longer in them are ignored.

    `new_limit` (the daily setting) sizes today's new questions.
    """
    by_key = {(r.bank_id, r.question_id): r for r in rows}
    days = [d for d in days if d.answers > 0]
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
    questions = sum(len(b.questions) for b in banks)
    due_now = sum(1 for r in present if r.due is not None and r.due <= now)
    new_today = min(questions - len(present), max(0, new_limit - new_started_on(present, today)))
    return Stats(
        questions=questions,
        seen=len(present),
        stages=stage_counts([*present, *([None] * (questions - len(present)))]),
        due=due_now,
        missed=sum(1 for r in present if r.last_verdict in MISSED_VERDICTS),
        due_unmissed=sum(
            1
            for r in present
            if r.due is not None and r.due <= now and r.last_verdict not in MISSED_VERDICTS
        ),
        answers=answers,
        accuracy=_accuracy(present),
        topics=tuple(_topic(name, items) for name, items in topics.items()),
        streak=streak((d.day for d in days), today),
        struggling=tuple(struggling),
        changed=tuple(changed),
        next_due=min(dues) if dues else None,
        sessions=tuple(
            SessionPoint(s.started_at, s.mode, 100.0 * s.points / s.possible)
            for s in sorted(sessions, key=lambda s: s.started_at)
            if s.possible
        ),
        today=Today(due_now, new_today, -(-(due_now + new_today) * SECONDS_PER_QUESTION // 60)),
        longest_streak=longest_streak(d.day for d in days),
        days=day_points(days, today),
        calendar=calendar(days, today),
        forecast=forecast(dues, today),
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
        stages=stage_counts(items),
        answers=sum(r.attempts for r in seen),
        accuracy=_accuracy(seen),
    )

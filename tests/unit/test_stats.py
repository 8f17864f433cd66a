"""Stats from plain rows: the counts, accuracy, streak and flags a learner reads."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from quiz.bank.model import Bank, Question, QuestionType
from quiz.progress.stats import (
    DayRow,
    Flagged,
    QuestionRow,
    SessionPoint,
    SessionRow,
    StageCounts,
    Stats,
    compute,
    longest_streak,
    stage,
    streak,
)
from quiz.study.scheduling import REVIEW_STATE
from tests.helpers.store import open_store, session

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
TODAY = date(2026, 3, 10)


def _q(qid: str, topic: str) -> Question:
    return Question(qid, QuestionType.SHORT_ANSWER, f"Prompt of {qid}?", "x", topic=topic)


BANK = Bank("b", "B", (_q("q1", "alpha"), _q("q2", "alpha"), _q("q3", "beta"), _q("q4", "")))
HASH = {q.id: q.content_hash for q in BANK.questions}


def row(qid: str, verdict: str = "correct", **changes: object) -> QuestionRow:
    base = QuestionRow(
        bank_id="b",
        question_id=qid,
        topic="stored topic",
        attempts=1,
        misses=0,
        score_sum=1.0,
        last_verdict=verdict,
        last_answered=NOW - timedelta(days=1),
        last_content_hash=HASH.get(qid, "gone"),
        due=NOW + timedelta(days=2),
        state=1,
        stability=2.0,
    )
    return base._replace(**changes)


def stats(
    rows: Sequence[QuestionRow],
    days: Sequence[DayRow] = (),
    sessions: Sequence[SessionRow] = (),
    new_limit: int = 20,
) -> Stats:
    return compute([BANK], rows, days, sessions, NOW, TODAY, new_limit=new_limit)


def test_nothing_answered_yet() -> None:
    result = stats([])
    assert (result.questions, result.seen, result.answers) == (4, 0, 0)
    assert result.stages == StageCounts(new=4)
    assert result.accuracy is None and result.next_due is None and result.streak == 0
    assert [(t.topic, t.questions, t.accuracy) for t in result.topics] == [
        ("alpha", 2, None),
        ("beta", 1, None),
        ("(no topic)", 1, None),
    ]


def test_counts_of_seen_due_missed_and_stages() -> None:
    result = stats(
        [
            row("q1", state=REVIEW_STATE),  # young
            row("q2", "incorrect", misses=1, score_sum=0.0, due=NOW - timedelta(minutes=5)),
            row("q3", "partial", misses=1, score_sum=0.5),
        ]
    )
    assert (result.seen, result.due, result.missed, result.due_unmissed) == (3, 1, 2, 0)
    assert result.stages == StageCounts(new=1, learning=2, young=1, mature=0)
    by_topic = {t.topic: t.stages for t in result.topics}
    assert by_topic["alpha"] == StageCounts(learning=1, young=1)
    assert by_topic["(no topic)"] == StageCounts(new=1)
    assert result.next_due == NOW - timedelta(minutes=5)  # already due: "now"


def test_due_means_due_now_or_before_and_due_unmissed_leaves_out_the_missed() -> None:
    result = stats(
        [
            row("q1", due=NOW),  # due this very moment
            row("q2", "incorrect", misses=1, score_sum=0.0, due=NOW - timedelta(days=1)),
            row("q3", "timeout", misses=1, score_sum=0.0, due=NOW + timedelta(seconds=1)),
            row("q4", "partial", misses=1, score_sum=0.5, due=None),
        ]
    )
    assert (result.due, result.missed, result.due_unmissed) == (2, 3, 1)
    assert result.today.due == 2
    assert stats([row("q1", due=NOW - timedelta(hours=1))]).due_unmissed == 1


def test_stages_follow_the_fsrs_card_state_and_stability() -> None:
    assert stage(None) == "new"
    assert stage(row("q1", attempts=0, state=None)) == "new"
    assert stage(row("q1", attempts=0, state=REVIEW_STATE)) == "new"  # only skipped so far
    assert stage(row("q1", attempts=1, state=None)) == "new"  # no card to go by
    assert stage(row("q1", state=1)) == "learning"
    assert stage(row("q1", state=3)) == "learning"  # relearning after a lapse
    assert stage(row("q1", state=REVIEW_STATE, stability=20.9)) == "young"
    assert stage(row("q1", state=REVIEW_STATE, stability=21.0)) == "mature"


def test_today_counts_due_reviews_and_the_new_questions_the_limit_leaves() -> None:
    started_today = NOW - timedelta(hours=1)
    rows = [
        row("q1", due=NOW - timedelta(minutes=1), first_answered=started_today),
        row("q2", first_answered=NOW - timedelta(days=3)),
    ]
    assert stats(rows, new_limit=20).today == (1, 2, 1)  # 2 new left in the bank
    assert stats(rows, new_limit=2).today == (1, 1, 1)  # one new already begun today
    assert stats(rows, new_limit=0).today == (1, 0, 1)
    earlier = [*rows, row("q3", first_answered=NOW - timedelta(days=2))]
    assert stats(earlier, new_limit=2).today == (1, 1, 1)  # only q1 was begun today


def test_today_estimates_twenty_seconds_a_question_rounded_up_to_whole_minutes() -> None:
    bank = Bank("big", "Big", tuple(_q(f"q{n}", "") for n in range(61)))
    result = compute([bank], [], [], [], NOW, TODAY, new_limit=61)
    assert result.today == (0, 61, 21)  # 1220 seconds: about 21 minutes
    due = [row(f"q{n}", due=NOW)._replace(bank_id="big") for n in range(4)]
    assert compute([bank], due, [], [], NOW, TODAY, new_limit=0).today == (4, 0, 2)


def test_longest_streak_and_thirty_days_of_answers_and_accuracy() -> None:
    days = [
        DayRow(TODAY - timedelta(days=40), 5, 5.0),
        DayRow(TODAY - timedelta(days=39), 5, 5.0),
        DayRow(TODAY - timedelta(days=38), 5, 5.0),
        DayRow(TODAY - timedelta(days=1), 4, 3.0),
        DayRow(TODAY, 2, 1.0),
    ]
    result = stats([], days=days)
    assert (result.streak, result.longest_streak) == (2, 3)
    assert longest_streak([]) == 0
    assert len(result.days) == 30 and result.days[-1].day == TODAY
    assert result.days[-1][1:] == (2, 0.5)
    assert result.days[-2][1:] == (4, 0.75)
    assert result.days[0][1:] == (0, None)


def test_a_day_counts_toward_a_streak_from_its_first_answer_and_not_without_one() -> None:
    days = [DayRow(TODAY, 0, 0.0), *(DayRow(TODAY - timedelta(days=n), 1, 1.0) for n in (1, 2))]
    result = stats([], days=days)
    assert (result.streak, result.longest_streak) == (2, 2)  # yesterday's streak goes on
    assert result.calendar[-3:] == (
        (TODAY - timedelta(days=2), 1),
        (TODAY - timedelta(days=1), 1),
        (TODAY, 0),
    )


def test_the_calendar_starts_on_a_monday_26_weeks_back_and_ends_today() -> None:
    result = stats([], days=[DayRow(TODAY - timedelta(days=100), 7, 7.0)])
    first, last = result.calendar[0][0], result.calendar[-1][0]
    assert first.weekday() == 0 and (TODAY - first).days // 7 == 26
    assert last == TODAY
    assert dict(result.calendar)[TODAY - timedelta(days=100)] == 7


def test_the_forecast_counts_reviews_per_day_with_overdue_ones_today() -> None:
    rows = [
        row("q1", due=NOW - timedelta(days=3)),
        row("q2", due=NOW + timedelta(hours=1)),
        row("q3", due=NOW + timedelta(days=2)),
        row("q4", due=NOW + timedelta(days=30)),
    ]
    result = stats(rows)
    assert result.forecast[:4] == (2, 0, 1, 0) and len(result.forecast) == 14
    assert sum(result.forecast) == 3
    last_day = [row("q1", due=NOW + timedelta(days=13)), row("q2", due=NOW + timedelta(days=14))]
    assert stats(last_day).forecast == (0,) * 13 + (1,)  # the 15th day is beyond the chart


def test_accuracy_is_the_mean_score_overall_and_per_topic() -> None:
    result = stats(
        [
            row("q1", attempts=3, score_sum=3.0),
            row("q2", "incorrect", attempts=1, score_sum=0.0, misses=1),
            row("q3", "partial", attempts=2, score_sum=1.0, misses=1),
        ]
    )
    assert result.answers == 6
    assert result.accuracy == 4.0 / 6
    by_topic = {t.topic: t for t in result.topics}
    assert by_topic["alpha"].accuracy == 3.0 / 4
    assert (by_topic["alpha"].seen, by_topic["alpha"].answers) == (2, 4)
    assert by_topic["beta"].accuracy == 0.5
    assert by_topic["(no topic)"].accuracy is None


def test_questions_no_longer_in_the_bank_are_left_out() -> None:
    result = stats([row("q1"), row("removed", "incorrect", misses=9, score_sum=0.0)])
    assert (result.seen, result.missed, result.answers, result.struggling) == (1, 0, 1, ())


def test_struggling_means_missed_four_times_or_more_most_first() -> None:
    result = stats(
        [
            row("q1", "incorrect", misses=3),
            row("q2", "correct", misses=4),
            row("q3", "incorrect", misses=7),
        ]
    )
    assert result.struggling == (
        Flagged("b", "q3", "Prompt of q3?", 7),
        Flagged("b", "q2", "Prompt of q2?", 4),
    )


def test_a_question_edited_since_it_was_answered_is_flagged_changed() -> None:
    result = stats([row("q1"), row("q2", last_content_hash="an older wording", misses=2)])
    assert result.changed == (Flagged("b", "q2", "Prompt of q2?", 2),)


def test_streak_counts_days_in_a_row_up_to_today_or_yesterday() -> None:
    days = [TODAY - timedelta(days=n) for n in (0, 1, 2, 4)]
    assert streak(days, TODAY) == 3
    assert streak(days[1:], TODAY) == 2  # nothing yet today: yesterday's streak still counts
    assert streak(days[2:], TODAY) == 0  # a whole day missed
    assert streak([], TODAY) == 0
    assert longest_streak(days) == 3


def test_session_accuracy_is_oldest_first_and_skips_empty_sessions() -> None:
    sessions = [
        SessionRow("late", "review", NOW, 3.0, 4),
        SessionRow("early", "practice", NOW - timedelta(days=2), 1.0, 4),
        SessionRow("empty", "practice", NOW - timedelta(days=1), 0.0, 0),
    ]
    assert stats([], sessions=sessions).sessions == (
        SessionPoint(NOW - timedelta(days=2), "practice", 25.0),
        SessionPoint(NOW, "review", 75.0),
    )


def test_stats_from_the_store_follow_what_was_recorded(tmp_path: Path) -> None:
    db = tmp_path / "progress.db"
    today = datetime.now(UTC).replace(microsecond=0)
    with open_store(db) as store:
        for day in (2, 1, 0):  # three days in a row, ending today
            at = today - timedelta(days=day)
            session(store, f"s{day}", [("q1", "incorrect"), ("q3", "correct")], at=at)
        result = store.stats([BANK], now=today + timedelta(minutes=5))
        next_due = store.next_due(["b"])
    assert (result.seen, result.missed, result.answers) == (2, 1, 6)
    assert result.accuracy == 0.5
    assert result.streak == 3
    assert [f.question_id for f in result.changed] == ["q1", "q3"]  # recorded with hash "h"
    assert [round(p.percent) for p in result.sessions] == [50, 50, 50]
    assert result.stages == StageCounts(new=2, learning=1, young=1)  # q3 right 3 times
    assert result.next_due == next_due

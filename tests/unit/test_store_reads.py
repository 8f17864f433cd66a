"""What stats and a new session read from the store: question summaries, days, sessions."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from quiz.bank.model import Bank, Question, QuestionType
from quiz.progress.stats import DayRow, QuestionRow, SessionRow, Today
from quiz.progress.store import ProgressStore
from quiz.study import scheduling
from quiz.study.history import QuestionHistory
from tests.helpers.store import T0, attempt, info, open_store, session
from tests.helpers.today import machine_zone

DAY1 = date(2026, 3, 2)
DAY2 = date(2026, 3, 3)


@pytest.fixture(autouse=True)
def _utc() -> Iterator[None]:
    """Local days are UTC days here, whatever the machine's zone."""
    with machine_zone("UTC"):
        yield


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "progress.db"


def _reviewed(*steps: tuple[str, timedelta]) -> scheduling.Review:
    card = None
    for verdict, after in steps:
        review = scheduling.review(
            card, verdict, T0 + after, card_id=scheduling.card_id_for("ana", "b", "q1"), fuzz=False
        )
        assert review is not None
        card = review.card_json
    return review


def test_a_questions_summary_holds_every_answer_it_had(db: Path) -> None:
    with open_store(db) as store:
        session(store, "s1", [("q1", "incorrect"), ("q2", "skipped")])
        session(store, "s2", [("q1", "partial")], at=T0 + timedelta(days=1), hashes={"q1": "h2"})
        rows = store.question_rows(["b", "b"])
        history = store.history(["b"])
    card = _reviewed(("incorrect", timedelta()), ("partial", timedelta(days=1)))
    assert rows == [
        QuestionRow(
            "b",
            "q1",
            "t",
            2,
            2,
            0.5,
            "partial",
            T0 + timedelta(days=1),
            "h2",
            card.due,
            card.state,
            card.stability,
            T0,
        ),
    ]  # q2 was only skipped: still new, no summary
    assert history == {
        ("b", "q1"): QuestionHistory(
            attempts=2,
            misses=2,
            last_verdict="partial",
            last_answered=T0 + timedelta(days=1),
            last_content_hash="h2",
            due=card.due,
            first_answered=T0,
        )
    }


def test_summaries_are_read_only_for_this_profile_and_these_banks(db: Path) -> None:
    with open_store(db, "bob") as bob:
        session(bob, "s0", [("q1", "correct")], bank="a")
    with open_store(db) as store:
        session(store, "s1", [("q1", "correct")], bank="a")
        session(store, "s2", [("q2", "correct")], bank="b")
        assert [(r.bank_id, r.question_id) for r in store.question_rows(["a"])] == [("a", "q1")]
        assert [r.attempts for r in store.question_rows(["a", "b"])] == [1, 1]
        assert store.question_rows([]) == []


def test_an_answer_replaced_by_a_skip_leaves_a_new_question_new(db: Path) -> None:
    with open_store(db) as store:
        store.start(info())
        store.record(attempt("q1", "incorrect"))
        store.record(attempt("q1", "skipped"))  # the same seq: the answer is replaced
        assert store.history(["b"]) == {}
        assert store.next_due(["b"]) is None
        [row] = store.question_rows(["b"])
    assert (row.attempts, row.misses, row.score_sum, row.due) == (0, 0, 0.0, None)


def test_days_add_up_answers_and_score_of_the_banks_asked_for(db: Path) -> None:
    with open_store(db, "bob") as bob:
        session(bob, "s0", [("q1", "correct")], bank="a")
    with open_store(db) as store:
        session(store, "s1", [("q1", "correct"), ("q2", "partial"), ("q3", "skipped")], bank="a")
        session(store, "s2", [("q1", "incorrect")], bank="b", at=T0 + timedelta(hours=2))
        session(store, "s3", [("q1", "correct")], bank="a", at=T0 + timedelta(days=1))
        assert store.day_rows(["a", "b"]) == [DayRow(DAY1, 3, 1.5), DayRow(DAY2, 1, 1.0)]
        assert store.day_rows(["b"]) == [DayRow(DAY1, 1, 0.0)]
        assert store.day_rows(["c"]) == []


def test_a_day_is_the_local_calendar_day_of_the_answer(db: Path) -> None:
    # 09:00 UTC on 2 March is 04:00 in New York
    with machine_zone("America/New_York"), open_store(db) as store:
        session(store, "s1", [("q1", "correct")], at=T0 - timedelta(hours=6))
        store.start(info("s2"))
        store.record(attempt("q2", "correct", uid="s2"))
        store.record(attempt("q3", "correct", uid="s2", seq=1))
        store.take_back("s2", 1)
        assert store.day_rows(["b"]) == [DayRow(date(2026, 3, 1), 1, 1.0), DayRow(DAY1, 1, 1.0)]


def _finished(store: ProgressStore, uid: str, bank: str, days: int) -> None:
    session(
        store,
        uid,
        [("q1", "correct"), ("q2", "incorrect")],
        bank=bank,
        at=T0 + timedelta(days=days),
    )


def test_recent_sessions_are_the_latest_finished_ones_of_the_banks_oldest_first(db: Path) -> None:
    with open_store(db, "bob") as bob:
        _finished(bob, "bob", "b", 9)
    with open_store(db) as store:
        _finished(store, "s1", "b", 0)
        _finished(store, "s2", "b", 1)
        _finished(store, "s3", "b", 2)
        store.start(info("open", at=T0 + timedelta(days=3)))
        _finished(store, "s4", "a", 4)
        assert store.session_rows(["b"]) == [
            SessionRow(uid, "practice", T0 + timedelta(days=day), 1.0, 2)
            for uid, day in (("s1", 0), ("s2", 1), ("s3", 2))
        ]
        assert [r.uid for r in store.session_rows(["b"], limit=2)] == ["s2", "s3"]
        assert [r.uid for r in store.session_rows(["b", "a"], limit=1)] == ["s4"]
        assert store.session_rows(["c"]) == []


def test_stats_show_the_last_fifty_sessions(db: Path) -> None:
    bank = Bank("b", "B", (Question("q1", QuestionType.SHORT_ANSWER, "Q?", "x"),))
    with open_store(db) as store:
        for n in range(51):
            _finished(store, f"s{n:02}", "b", n)
        assert [r.uid for r in store.session_rows(["b"])][:1] == ["s01"]
        sessions = store.stats([bank], T0 + timedelta(days=60)).sessions
    assert len(sessions) == 50
    assert sessions[0].started_at == T0 + timedelta(days=1)
    assert {s.percent for s in sessions} == {50.0}


def test_stats_count_this_profiles_answers_now_and_the_new_limit(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    questions = tuple(
        Question(f"q{n}", QuestionType.SHORT_ANSWER, f"Q{n}?", "x", topic="T") for n in range(1, 6)
    )
    bank = Bank("b", "B", questions)
    with open_store(db, "bob") as bob:
        session(bob, "s0", [("q3", "correct")])
    with open_store(db) as store:
        session(store, "s1", [("q1", "correct"), ("q2", "partial")])
        result = store.stats([bank], T0 + timedelta(hours=1), new_limit=3)
        monkeypatch.setenv("QUIZ_NOW", (T0 + timedelta(days=30)).isoformat())
        later = store.stats([bank])
    assert (result.questions, result.seen, result.answers, result.accuracy) == (5, 2, 2, 0.75)
    assert (result.missed, result.streak, result.due) == (1, 1, 2)
    assert result.today == Today(due=2, new=1, minutes=1)  # 3 new a day, 2 already today
    assert [(p.mode, p.percent) for p in result.sessions] == [("practice", 75.0)]
    assert later.due == 2 and later.streak == 0
    assert later.today == Today(due=2, new=3, minutes=2)  # 20 new a day, 3 left in the bank


def test_next_due_skips_a_summary_whose_due_time_is_damaged(db: Path) -> None:
    import sqlite3

    with open_store(db) as store:
        session(store, "s1", [("q1", "correct"), ("q2", "incorrect")])
        due = store.history(["b"])[("b", "q2")].due
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE cards SET due = '0000 never' WHERE question_id = 'q1'")
    with open_store(db) as store:
        assert store.next_due(["b"]) == due
        assert store.warnings == [
            f"{db}: skipped a damaged summary of question b/q1 (due time is not a date and "
            "time); the rest of the file is used"
        ]


def test_next_due_is_none_when_the_only_due_time_is_damaged(db: Path) -> None:
    import sqlite3

    with open_store(db) as store:
        session(store, "s1", [("q1", "correct")])
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE cards SET due = 'soon'")
    with open_store(db) as store:
        assert store.next_due(["b"]) is None
        assert len(store.warnings) == 1


def test_recent_sessions_keep_zero_scores_empty_sessions_and_cleared_points(db: Path) -> None:
    import sqlite3

    with open_store(db) as store:
        session(store, "none right", [("q1", "incorrect")])
        session(store, "nothing asked", [], at=T0 + timedelta(hours=1))
        session(store, "cleared", [("q1", "correct")], at=T0 + timedelta(hours=2))
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE sessions SET points = NULL, possible = NULL WHERE uid = 'cleared'")
    with open_store(db) as store:
        rows = store.session_rows(["b"])
        assert store.warnings == []
    assert rows == [
        SessionRow("none right", "practice", T0, 0.0, 1),
        SessionRow("nothing asked", "practice", T0 + timedelta(hours=1), 0.0, 0),
        SessionRow("cleared", "practice", T0 + timedelta(hours=2), 0.0, 0),
    ]

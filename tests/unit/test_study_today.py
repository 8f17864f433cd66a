"""Study today: due reviews first, then new questions up to the daily limit; and undo."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quiz.common.clock import utc_now
from quiz.progress.store import ProgressStore
from quiz.study.session import Session, SessionError, SessionOptions
from tests.helpers.engine_banks import numbered_bank

DAY1 = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
BANK = numbered_bank(10)


def _run(store: ProgressStore, now: datetime, mode: str = "study", **opts: object) -> Session:
    options = SessionOptions(mode=mode, seed="s", **opts)  # type: ignore[arg-type]
    return Session(
        [BANK], options, history=store.history([BANK.id]), recorder=store, now=lambda: now
    )


def _answer_all(session: Session, wrong: frozenset[str] = frozenset()) -> list[str]:
    asked = []
    while (current := session.current) is not None:
        qid = current.question.id
        asked.append(qid)
        session.answer("nope" if qid in wrong else f"answer {qid}")
    session.finish()
    return asked


@pytest.fixture
def store(tmp_path: Path) -> ProgressStore:
    return ProgressStore.open(tmp_path / "progress.db", "ana", fuzz=False)


def test_new_questions_come_in_bank_order_up_to_the_limit(store: ProgressStore) -> None:
    asked = _answer_all(_run(store, DAY1, new_limit=4))
    assert asked == ["q00", "q01", "q02", "q03"]


def test_the_same_day_again_asks_no_new_question_only_what_fell_due(
    store: ProgressStore,
) -> None:
    _answer_all(_run(store, DAY1, new_limit=3), wrong=frozenset({"q01"}))
    assert _run(store, DAY1 + timedelta(seconds=30), new_limit=3).total == 0
    # A wrong answer comes back after fsrs's first learning step (a minute), alone.
    later = _answer_all(_run(store, DAY1 + timedelta(minutes=5), new_limit=3))
    assert later == ["q01"]
    # The right ones after the ten-minute step; still no new question today.
    assert _answer_all(_run(store, DAY1 + timedelta(minutes=30), new_limit=3)) == [
        "q00",
        "q02",
        "q01",
    ]


def test_the_next_day_asks_due_reviews_first_then_new_ones(store: ProgressStore) -> None:
    _answer_all(_run(store, DAY1, new_limit=2))
    _answer_all(_run(store, DAY1 + timedelta(minutes=30), new_limit=2))  # learning steps
    asked = _answer_all(_run(store, DAY1 + timedelta(days=3), new_limit=2))
    assert asked == ["q00", "q01", "q02", "q03"]


def test_a_raised_limit_allows_more_new_questions_the_same_day(store: ProgressStore) -> None:
    _answer_all(_run(store, DAY1, new_limit=2))
    asked = _answer_all(_run(store, DAY1 + timedelta(seconds=1), new_limit=3))
    assert asked == ["q02"]


def test_undo_asks_the_question_again_and_the_store_forgets_the_answer(
    store: ProgressStore,
) -> None:
    session = _run(store, DAY1, new_limit=3)
    first = session.current
    assert first is not None
    session.answer("nope")
    assert session.can_undo()
    again = session.undo()
    assert again == first and session.current == first
    assert store.history([BANK.id]) == {}
    assert not session.can_undo()  # one level: nothing before it
    session.answer(f"answer {first.question.id}")
    assert store.history([BANK.id])[(BANK.id, first.question.id)].last_verdict == "correct"


@pytest.mark.parametrize("mode", ["exam", "drill"])
def test_undo_is_refused_in_a_class(store: ProgressStore, mode: str) -> None:
    session = _run(store, DAY1, mode=mode)
    session.answer("nope")
    assert not session.can_undo()
    with pytest.raises(SessionError, match="study, practice or review"):
        session.undo()
    assert len(store.history([BANK.id])) == 1


def test_the_fake_clock_variable_sets_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZ_NOW", "2026-11-28T09:00:00Z")
    assert utc_now() == DAY1
    monkeypatch.setenv("QUIZ_NOW", "2026-11-28T09:00:00")
    with pytest.raises(ValueError, match="time zone"):
        utc_now()
    monkeypatch.delenv("QUIZ_NOW")
    assert utc_now().tzinfo is UTC

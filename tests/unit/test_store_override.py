"""Overriding an answer whose stored card or score was damaged by hand: it is replaced anyway."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from quiz.study import scheduling
from tests.helpers.store import T0, attempt, info, open_store, session

LATER = T0 + timedelta(days=1)


@pytest.mark.parametrize(
    ("damage", "reason", "score_sum"),
    [
        ("card_before = '{not json'", "card is not valid JSON", 2.0),
        ("card_before = '[1, 2]'", "card is not a card", 2.0),
        ('card_before = \'{"due": "soon"}\'', "card's due time is not a date and time", 2.0),
        ("card_before = '{}'", "KeyError", 2.0),
        ("score = '7 points'", "score is not a number", 2.5),  # its score unknown: none taken off
    ],
)
def test_an_override_of_an_answer_with_a_damaged_card_schedules_the_question_afresh(
    tmp_path: Path, damage: str, reason: str, score_sum: float
) -> None:
    db = tmp_path / "progress.db"
    with open_store(db) as store:
        session(store, "s1", [("q1", "correct")])
        store.start(info("s2", at=LATER))
        store.record(attempt("q1", "partial", uid="s2", at=LATER))
    with sqlite3.connect(db) as conn:
        conn.execute(f"UPDATE attempts SET {damage} WHERE session_id = 2")
    with open_store(db) as store:
        store.record(attempt("q1", "correct", uid="s2", at=LATER, overridden=True))
        assert store.warnings == [
            f"{db}: skipped a damaged card of question b/q1 ({reason}); "
            "the rest of the file is used"
        ]
        [row] = store.question_rows(["b"])
        days = store.day_rows(["b"])
    fresh = scheduling.review(
        None, "correct", LATER, card_id=scheduling.card_id_for("ana", "b", "q1"), fuzz=False
    )
    assert fresh is not None
    assert (row.attempts, row.misses, row.score_sum, row.last_verdict) == (
        2,
        0,
        score_sum,
        "correct",
    )
    assert (row.due, row.state, row.stability) == (fresh.due, fresh.state, fresh.stability)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT card FROM cards").fetchall() == [(fresh.card_json,)]
    conn.close()
    assert [(d.answers, d.score_sum) for d in days] == [(1, 1.0), (1, 1.0)]


@pytest.mark.parametrize(
    ("first", "then", "misses", "score_sum"),
    [
        ("incorrect", "correct", 0, 2.0),
        ("correct", "incorrect", 1, 1.0),
        ("partial", "timeout", 1, 1.0),
        ("timeout", "partial", 1, 1.5),
    ],
)
def test_an_override_takes_off_the_old_answers_miss_and_score(
    tmp_path: Path, first: str, then: str, misses: int, score_sum: float
) -> None:
    db = tmp_path / "progress.db"
    scores = {"correct": 1.0, "partial": 0.5, "incorrect": 0.0, "timeout": 0.0}
    with open_store(db) as store:
        session(store, "s1", [("q1", "correct")])
        store.start(info("s2", at=LATER))
        store.record(attempt("q1", first, uid="s2", at=LATER))
        store.record(attempt("q1", then, uid="s2", at=LATER, score=scores[then], overridden=True))
        [row] = store.question_rows(["b"])
        days = store.day_rows(["b"])
    assert (row.attempts, row.misses, row.score_sum, row.last_verdict) == (
        2,
        misses,
        score_sum,
        then,
    )
    assert [(d.answers, d.score_sum) for d in days] == [(1, 1.0), (1, scores[then])]

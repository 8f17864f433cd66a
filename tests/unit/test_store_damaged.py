"""A hand-edited value in the progress file: its row is left out, the warning names its field."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from quiz.progress.store import ProgressStore
from tests.helpers.store import T0, open_store, session

READERS: dict[str, Callable[[ProgressStore], list[Any]]] = {
    "questions": lambda store: store.question_rows(["b"]),
    "days": lambda store: store.day_rows(["b"]),
    "sessions": lambda store: store.session_rows(["b"]),
    "attempts": lambda store: list(store.export_attempts(all_profiles=True)),
    "export": lambda store: list(store.export_sessions(all_profiles=True)),
}
Q1 = "WHERE question_id = 'q1'"
S1 = "WHERE uid = 's1'"

CASES = [
    # (the damage, what reads it, rows still read, the warning's words)
    (f"cards SET question_id = X'7131' {Q1}", "questions", 2,
     "summary of question b/b'q1' (question id is not text)"),
    (f"cards SET topic = X'74' {Q1}", "questions", 2,
     "summary of question b/q1 (topic is not text)"),
    (f"cards SET attempts = 'many' {Q1}", "questions", 2,
     "summary of question b/q1 (attempt count is not a number)"),
    (f"cards SET misses = 1.5 {Q1}", "questions", 2,
     "summary of question b/q1 (miss count is not a whole number)"),
    (f"cards SET score_sum = 'x' {Q1}", "questions", 2,
     "summary of question b/q1 (score total is not a number)"),
    (f"cards SET last_verdict = X'00' {Q1}", "questions", 2,
     "summary of question b/q1 (last verdict is not text)"),
    (f"cards SET last_answered = '2026-01-01T00:00:00' {Q1}", "questions", 2,
     "summary of question b/q1 (last answer time has no time zone)"),
    (f"cards SET last_content_hash = X'00' {Q1}", "questions", 2,
     "summary of question b/q1 (content hash is not text)"),
    (f"cards SET due = 'soon' {Q1}", "questions", 2,
     "summary of question b/q1 (due time is not a date and time)"),
    (f"cards SET state = 'x' {Q1}", "questions", 2,
     "summary of question b/q1 (card state is not a number)"),
    (f"cards SET stability = 'x' {Q1}", "questions", 2,
     "summary of question b/q1 (stability is not a number)"),
    (f"cards SET first_answered = 'dawn' {Q1}", "questions", 2,
     "summary of question b/q1 (first answer time is not a date and time)"),
    ("daily SET day = 'yesterday' WHERE day = '2026-03-02'", "days", 1,
     "study day (study day is not a date)"),
    ("daily SET answers = 2.5 WHERE day = '2026-03-02'", "days", 1,
     "study day (answers of a day is not a whole number)"),
    ("daily SET score_sum = 1e999 WHERE day = '2026-03-02'", "days", 1,
     "study day (score of a day is not a number)"),
    (f"sessions SET uid = X'00' {S1}", "sessions", 1, "session (session id is not text)"),
    (f"sessions SET mode = X'00' {S1}", "sessions", 1, "session (mode is not text)"),
    (f"sessions SET started_at = 'dawn' {S1}", "sessions", 1,
     "session (start time is not a date and time)"),
    (f"sessions SET points = 'x' {S1}", "sessions", 1, "session (points is not a number)"),
    (f"sessions SET possible = 2.5 {S1}", "sessions", 1,
     "session (possible points is not a whole number)"),
    ("profiles SET name = X'00'", "attempts", 0, "attempt (profile name is not text)"),
    (f"sessions SET uid = X'00' {S1}", "attempts", 1, "attempt (session id is not text)"),
    (f"attempts SET bank_id = X'00' {Q1}", "attempts", 2, "attempt (bank id is not text)"),
    (f"attempts SET question_id = X'00' {Q1}", "attempts", 2,
     "attempt (question id is not text)"),
    (f"attempts SET topic = X'00' {Q1}", "attempts", 2, "attempt (topic is not text)"),
    (f"attempts SET verdict = X'00' {Q1}", "attempts", 2, "attempt (verdict is not text)"),
    (f"attempts SET score = 'lots' {Q1}", "attempts", 2, "attempt (score is not a number)"),
    (f"attempts SET seconds = 'x' {Q1}", "attempts", 2, "attempt (seconds is not a number)"),
    (f"attempts SET overridden = 0.5 {Q1}", "attempts", 2,
     "attempt (overridden flag is not a whole number)"),
    (f"attempts SET answered_at = 'dawn' {Q1}", "attempts", 2,
     "attempt (answer time is not a date and time)"),
    (f"attempts SET given = '[broken' {Q1}", "attempts", 2,
     "attempt (given answer is not valid JSON)"),
    ("profiles SET name = X'00'", "export", 0, "session (profile name is not text)"),
    (f"sessions SET uid = X'00' {S1}", "export", 1, "session (session id is not text)"),
    (f"sessions SET bank_ids = '\"b\"' {S1}", "export", 1,
     "session (bank list is not a list of names)"),
    (f"sessions SET mode = X'00' {S1}", "export", 1, "session (mode is not text)"),
    (f"sessions SET seed = X'00' {S1}", "export", 1, "session (seed is not text)"),
    (f"sessions SET started_at = 'dawn' {S1}", "export", 1,
     "session (start time is not a date and time)"),
    (f"sessions SET ended_at = 'dusk' {S1}", "export", 1,
     "session (end time is not a date and time)"),
    (f"sessions SET points = 'x' {S1}", "export", 1, "session (points is not a number)"),
    (f"sessions SET possible = 'y' {S1}", "export", 1, "session (possible points is not a number)"),
]  # fmt: skip


@pytest.fixture(scope="module")
def sound(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """ana: s1 (q1, q2) on 2 March; s2 (q3) on 3 March; bob: nothing in bank b."""
    path = tmp_path_factory.mktemp("sound") / "progress.db"
    with open_store(path) as store:
        session(store, "s1", [("q1", "incorrect"), ("q2", "correct")])
        session(store, "s2", [("q3", "partial")], at=T0 + timedelta(days=1))
    return path


@pytest.mark.parametrize(("damage", "reader", "left", "what"), CASES)
def test_a_damaged_value_leaves_its_row_out_and_names_the_field(
    sound: Path, tmp_path: Path, damage: str, reader: str, left: int, what: str
) -> None:
    db = tmp_path / "progress.db"
    db.write_bytes(sound.read_bytes())
    with sqlite3.connect(db) as conn:
        assert conn.execute(f"UPDATE {damage}").rowcount >= 1
    conn.close()
    with ProgressStore.open(db, "ana", read_only=True) as store:
        rows = READERS[reader](store)
        assert store.warnings == [f"{db}: skipped a damaged {what}; the rest of the file is used"]
    assert len(rows) == left

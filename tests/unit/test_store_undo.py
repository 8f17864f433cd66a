"""Undo in the store: an attempt taken back leaves the file as if it had never been given."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from quiz.progress import schema
from tests.helpers.store import T0, attempt, info, open_store

DUMP = (
    "SELECT * FROM cards",
    "SELECT * FROM daily",
    "SELECT session_id, seq, bank_id, question_id, verdict, answered_at FROM attempts",
)


def _dump(path: Path) -> list[list[tuple[object, ...]]]:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return [sorted(conn.execute(sql).fetchall()) for sql in DUMP]
    finally:
        conn.close()


def test_taking_back_a_new_questions_answer_makes_it_new_again(tmp_path: Path) -> None:
    db = tmp_path / "progress.db"
    with open_store(db) as store:
        store.start(info())
        store.record(attempt("q1", "correct", seq=0))
        before = _dump(db)
        store.record(attempt("q2", "incorrect", seq=1, at=T0 + timedelta(minutes=1)))
        store.take_back("s1", 1)
        assert _dump(db) == before
        assert ("b", "q2") not in store.history(["b"])
        assert store.day_rows(["b"])[0].answers == 1


def test_taking_back_a_review_restores_the_card_and_the_last_verdict(tmp_path: Path) -> None:
    db = tmp_path / "progress.db"
    with open_store(db) as store:
        store.start(info())
        store.record(attempt("q1", "incorrect", seq=0))
        before_history = store.history(["b"])
        before = _dump(db)
        store.record(attempt("q1", "correct", seq=1, at=T0 + timedelta(days=1)))
        assert not store.history(["b"])[("b", "q1")].missed
        store.take_back("s1", 1)
        assert store.history(["b"]) == before_history
        assert _dump(db) == before  # the next day's row is gone too


def test_taking_back_a_skip_only_removes_its_row(tmp_path: Path) -> None:
    db = tmp_path / "progress.db"
    with open_store(db) as store:
        store.start(info())
        store.record(attempt("q1", "correct", seq=0))
        before = _dump(db)
        store.record(attempt("q2", "skipped", seq=1))
        store.take_back("s1", 1)
        store.take_back("s1", 7)  # nothing there: nothing happens
        assert _dump(db) == before


UNDO_THEN_HANG = """
import sys, time
from datetime import UTC, datetime, timedelta
from quiz.study.history import Attempt, SessionInfo
from quiz.progress.store import ProgressStore

store = ProgressStore.open(sys.argv[1], "ana", fuzz=False)
at = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
store.start(SessionInfo("s1", ("b",), "study", {}, "S", at))
store.record(Attempt("s1", 0, "b", "q1", "h", "t", "x", "correct", 1.0, False, 1.0, at))
store.record(Attempt("s1", 1, "b", "q1", "h", "t", "y", "incorrect", 0.0, False, 1.0,
                     at + timedelta(days=1)))
store.take_back("s1", 1)
print("undone", flush=True)
time.sleep(60)
"""


def test_undo_then_kill_leaves_the_file_as_if_never_answered(tmp_path: Path) -> None:
    killed = tmp_path / "killed.db"
    writer = subprocess.Popen(
        [sys.executable, "-c", UNDO_THEN_HANG, str(killed)], stdout=subprocess.PIPE, text=True
    )
    assert writer.stdout is not None
    assert writer.stdout.readline().strip() == "undone"
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    writer.stdout.close()
    # The same first answer, never followed by the one taken back.
    clean = tmp_path / "clean.db"
    with open_store(clean) as store:
        store.start(info("s1"))
        store.record(attempt("q1", "correct", seq=0, given="x", seconds=1.0))
    assert _dump(killed) == _dump(clean)
    with open_store(killed) as store:
        past = store.history(["b"])[("b", "q1")]
        assert (past.attempts, past.last_verdict) == (1, "correct")


def test_upgrading_a_version_1_file_fills_first_answers_and_days(tmp_path: Path) -> None:
    db = tmp_path / "progress.db"
    conn = sqlite3.connect(db, isolation_level=None)
    schema.migrate(conn, db, 0, "test")
    conn.close()
    with open_store(db) as store:
        store.start(info())
        store.record(attempt("q1", "incorrect", seq=0))
        store.record(attempt("q1", "correct", seq=1, at=T0 + timedelta(days=1)))
        store.record(attempt("q2", "skipped", seq=2))
    expected = _dump(db)
    # Rebuild the file as version 1 held it: no first answers, no days.
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("DROP TABLE daily")
    conn.execute("DROP INDEX attempts_by_question")
    conn.execute("ALTER TABLE cards DROP COLUMN first_answered")
    conn.execute("CREATE TABLE study_days (profile_id INTEGER, day TEXT)")
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    with open_store(db) as store:
        first = store.question_rows(["b"])[0].first_answered
    assert first == T0
    assert _dump(db) == expected
    assert db.with_name("progress.db.v1.bak").exists()


def test_taking_back_a_miss_restores_the_miss_count_and_the_day(tmp_path: Path) -> None:
    db = tmp_path / "progress.db"
    with open_store(db) as store:
        store.start(info())
        store.record(attempt("q1", "partial", seq=0))
        before = _dump(db)
        store.record(attempt("q1", "timeout", seq=1, at=T0 + timedelta(minutes=1)))
        store.take_back("s1", 1)
        past = store.history(["b"])[("b", "q1")]
        assert _dump(db) == before
    assert (past.attempts, past.misses, past.last_verdict) == (1, 1, "partial")


def test_a_skip_replaced_by_an_answer_on_a_question_seen_before_counts_once(
    tmp_path: Path,
) -> None:
    db = tmp_path / "progress.db"
    later = T0 + timedelta(days=2)
    with open_store(db) as store:
        store.start(info())
        store.record(attempt("q1", "correct"))
        store.start(info("s2", at=later))
        store.record(attempt("q1", "skipped", uid="s2", at=later))
        store.record(attempt("q1", "incorrect", uid="s2", at=later))  # the same seq, replaced
        [row] = store.question_rows(["b"])
    assert (row.attempts, row.misses, row.score_sum, row.last_verdict) == (2, 1, 1.0, "incorrect")

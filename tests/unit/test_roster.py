"""A class's live progress read from the shared progress file (quiz.progress.roster)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from quiz.progress.roster import StudentProgress, read_roster
from tests.helpers.store import attempt, info, open_store, session

START = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
DAY = "2026-11-28"


def _class(db: Path) -> None:
    with open_store(db, "Early") as store:
        session(store, "early", [("q1", "correct")], at=START - timedelta(minutes=1))
    with open_store(db, "Ana") as store:
        session(store, "ana", [("q1", "correct"), ("q2", "partial"), ("q3", "incorrect")], at=START)
    with open_store(db, "Ben") as store:
        store.start(info("ben", at=START + timedelta(minutes=5)))
        store.record(attempt("q1", "partial", uid="ben", at=START + timedelta(minutes=6)))


def test_the_roster_lists_each_session_since_the_start_with_its_answers_and_points(
    tmp_path: Path, far_east: None
) -> None:
    db = tmp_path / "class.db"
    _class(db)
    since = START.astimezone(timezone(timedelta(hours=-5)))  # the same moment, another zone
    assert read_roster(db, since) == [
        StudentProgress("ana", "Ana", "practice", f"{DAY}T09:00:00.000000+00:00", 3, 1.5, True),
        StudentProgress("ben", "Ben", "practice", f"{DAY}T09:05:00.000000+00:00", 1, 0.5, False),
    ]
    late = read_roster(db, START + timedelta(minutes=5))
    assert [(r.uid, r.answered, r.points, r.finished) for r in late] == [("ben", 1, 0.5, False)]
    assert read_roster(db, START + timedelta(minutes=6)) == []


def test_a_session_without_answers_counts_none(tmp_path: Path) -> None:
    db = tmp_path / "class.db"
    with open_store(db, "Cy") as store:
        store.start(info("cy", at=START))
    [row] = read_roster(db, START)
    assert (row.answered, row.points, row.finished) == (0, 0.0, False)
    assert type(row.answered) is int and type(row.points) is float and type(row.finished) is bool


def test_no_file_or_a_file_that_is_not_a_progress_file_reads_as_an_empty_class(
    tmp_path: Path,
) -> None:
    assert read_roster(tmp_path / "none.db", START) == []
    assert not (tmp_path / "none.db").exists()
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    assert read_roster(junk, START) == []
    assert junk.read_bytes() == b"not a database at all" * 100


def test_the_roster_reads_a_file_whose_folder_name_looks_like_a_web_address(
    tmp_path: Path,
) -> None:
    db = tmp_path / "class #2? 100% done" / "class.db"
    with open_store(db, "Ana") as store:
        store.start(info("ana", at=START))
    assert [r.student for r in read_roster(db, START)] == ["Ana"]

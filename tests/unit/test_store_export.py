"""What `quiz export` reads from the store: every field of attempts and sessions, the filters."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from quiz.progress.store import ProgressStore
from quiz.study.history import SessionSummary
from tests.helpers.store import T0, attempt, info, open_store, session

STAMP = "2026-03-02T09:00:00.000000+00:00"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """ana: s1 in bank a, s2 in banks a and b (unfinished); bob: s3 in bank b."""
    path = tmp_path / "progress.db"
    with open_store(path, "ana") as ana:
        session(ana, "s1", [("q1", "correct"), ("q2", "skipped")], bank="a")
        ana.start(info("s2", ("a", "b"), at=T0 + timedelta(hours=1)))
        ana.record(
            attempt(
                "q7",
                "partial",
                uid="s2",
                bank="b",
                at=T0 + timedelta(hours=1),
                given={"left": ["x", "ü"]},
                score=1 / 3,
                seconds=1.23456,
                overridden=True,
                topic="Maps",
            )
        )
    with open_store(path, "bob") as bob:
        session(bob, "s3", [("q7", "incorrect")], bank="b", at=T0 - timedelta(days=1))
    return path


def _attempts(db: Path, profile: str = "ana", **filters: object) -> list[dict[str, object]]:
    with ProgressStore.open(db, profile, read_only=True) as store:
        rows = list(store.export_attempts(**filters))  # type: ignore[arg-type]
        assert store.warnings == []
    return rows


def _sessions(db: Path, profile: str = "ana", **filters: object) -> list[dict[str, object]]:
    with ProgressStore.open(db, profile, read_only=True) as store:
        rows = list(store.export_sessions(**filters))  # type: ignore[arg-type]
        assert store.warnings == []
    return rows


def test_an_exported_attempt_has_every_field_as_recorded(db: Path) -> None:
    first, skip, odd = _attempts(db)
    assert first == {
        "profile": "ana",
        "session": "s1",
        "bank": "a",
        "question_id": "q1",
        "topic": "t",
        "verdict": "correct",
        "score": 1.0,
        "seconds": 2.5,
        "overridden": False,
        "answered_at": STAMP,
        "given": "answer to q1",
    }
    assert (skip["verdict"], skip["score"], skip["given"]) == ("skipped", 0.0, None)
    assert odd == {
        "profile": "ana",
        "session": "s2",
        "bank": "b",
        "question_id": "q7",
        "topic": "Maps",
        "verdict": "partial",
        "score": 0.3333,
        "seconds": 1.235,
        "overridden": True,
        "answered_at": "2026-03-02T10:00:00.000000+00:00",
        "given": {"left": ["x", "ü"]},
    }


def test_an_attempt_without_a_time_exports_none(tmp_path: Path) -> None:
    db = tmp_path / "progress.db"
    with open_store(db) as store:
        store.start(info())
        store.record(attempt("q1", "timeout", seconds=None))
    [row] = _attempts(db)
    assert (row["seconds"], row["given"], row["verdict"]) == (None, None, "timeout")


@pytest.mark.parametrize(
    ("profile", "filters", "expected"),
    [
        ("ana", {}, [("ana", "s1", "q1"), ("ana", "s1", "q2"), ("ana", "s2", "q7")]),
        ("bob", {}, [("bob", "s3", "q7")]),
        ("zoe", {}, []),
        ("ana", {"bank_ids": ["b"]}, [("ana", "s2", "q7")]),
        ("ana", {"bank_ids": ["a", "a"]}, [("ana", "s1", "q1"), ("ana", "s1", "q2")]),
        ("ana", {"bank_ids": []}, []),
        (
            "zoe",
            {"all_profiles": True},
            [("ana", "s1", "q1"), ("ana", "s1", "q2"), ("ana", "s2", "q7"), ("bob", "s3", "q7")],
        ),
        (
            "ana",
            {"all_profiles": True, "bank_ids": ["b", "c"]},
            [("ana", "s2", "q7"), ("bob", "s3", "q7")],
        ),
    ],
)
def test_exported_attempts_follow_the_profile_and_bank_filters(
    db: Path, profile: str, filters: dict[str, object], expected: list[tuple[str, str, str]]
) -> None:
    rows = _attempts(db, profile, **filters)
    assert [(r["profile"], r["session"], r["question_id"]) for r in rows] == expected


def test_an_exported_session_has_every_field_as_recorded(db: Path) -> None:
    done, open_ = _sessions(db)
    assert done == {
        "profile": "ana",
        "session": "s1",
        "banks": ["a"],
        "mode": "practice",
        "seed": "SEED",
        "started_at": STAMP,
        "ended_at": "2026-03-02T09:02:00.000000+00:00",
        "points": 1.0,
        "possible": 2,
        "percent": 50.0,
    }
    assert open_ == {
        "profile": "ana",
        "session": "s2",
        "banks": ["a", "b"],
        "mode": "practice",
        "seed": "SEED",
        "started_at": "2026-03-02T10:00:00.000000+00:00",
        "ended_at": None,
        "points": None,
        "possible": None,
        "percent": None,
    }


@pytest.mark.parametrize(
    ("points", "possible", "shown", "percent"),
    [(2 / 3, 3, 0.6667, 22.2), (2.0, 3, 2.0, 66.7), (0.0, 4, 0.0, 0.0), (0.0, 0, 0.0, None)],
)
def test_a_sessions_points_and_percent_are_rounded_for_reading(
    tmp_path: Path, points: float, possible: int, shown: float, percent: float | None
) -> None:
    db = tmp_path / "progress.db"
    with open_store(db) as store:
        store.start(info())
        store.finish(SessionSummary("s1", T0, points, possible, possible))
    [row] = _sessions(db)
    assert (row["points"], row["possible"], row["percent"]) == (shown, possible, percent)


@pytest.mark.parametrize(
    ("profile", "filters", "expected"),
    [
        ("ana", {}, ["s1", "s2"]),
        ("bob", {}, ["s3"]),
        ("ana", {"bank_ids": ["b"]}, ["s2"]),
        ("ana", {"bank_ids": ["a"]}, ["s1", "s2"]),
        ("ana", {"bank_ids": ["c"]}, []),
        ("zoe", {"all_profiles": True}, ["s3", "s1", "s2"]),  # oldest first
        ("ana", {"all_profiles": True, "bank_ids": ["b"]}, ["s3", "s2"]),
    ],
)
def test_exported_sessions_follow_the_profile_and_bank_filters(
    db: Path, profile: str, filters: dict[str, object], expected: list[str]
) -> None:
    assert [r["session"] for r in _sessions(db, profile, **filters)] == expected


def test_a_session_with_a_damaged_bank_list_matches_no_bank_but_is_exported(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE sessions SET bank_ids = 'a' WHERE uid = 's1'")
    assert [r["session"] for r in _sessions(db, bank_ids=["a"])] == ["s2"]
    with ProgressStore.open(db, "ana", read_only=True) as store:
        assert [r["session"] for r in store.export_sessions()] == ["s2"]
        assert store.warnings == [
            f"{db}: skipped a damaged session (bank list is not valid JSON); "
            "the rest of the file is used"
        ]


def test_sessions_started_at_the_same_time_keep_the_order_they_were_recorded(
    tmp_path: Path,
) -> None:
    db = tmp_path / "progress.db"
    with open_store(db) as store:
        for uid in ("zz", "aa", "mm"):
            store.start(info(uid))
    assert [r["session"] for r in _sessions(db)] == ["zz", "aa", "mm"]


def test_the_profiles_are_listed_by_name(db: Path) -> None:
    with open_store(db, "Åsa") as store:
        store.start(info("s9"))
        assert store.profiles() == ["ana", "bob", "Åsa"]

"""The exact rows the store writes: what another program (or a later quiz) finds in the file."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from quiz.study import scheduling
from quiz.study.history import SessionInfo, SessionSummary
from tests.helpers.store import T0, attempt, info, open_store
from tests.helpers.today import machine_zone

STAMP = "2026-03-02T09:00:00.000000+00:00"
CARD_ID = scheduling.card_id_for("ana", "b", "q1")


@pytest.fixture(autouse=True)
def _utc() -> Iterator[None]:
    with machine_zone("UTC"):
        yield


def _rows(path: Path, table: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2, 3").fetchall()
    finally:
        conn.close()


def _review(card: str | None, verdict: str, at: datetime) -> scheduling.Review:
    review = scheduling.review(card, verdict, at, card_id=CARD_ID, fuzz=False)
    assert review is not None
    return review


def test_a_session_writes_its_rows_as_given(tmp_path: Path) -> None:
    db = tmp_path / "progress.db"
    options = {"count": 2, "topics": ["Mär"], "until": date(2026, 3, 9)}
    later = T0 + timedelta(minutes=1)
    with open_store(db) as store:
        store.start(SessionInfo("s1", ("b", "c"), "exam", options, "SÉED", T0))
        store.record(attempt("q1", "incorrect", given={"städte": ["Köln"]}, seconds=None))
        store.record(
            attempt("q2", "partial", seq=1, at=later, given=date(2026, 1, 2), topic="Flüsse")
        )
        store.record(attempt("q3", "skipped", seq=2, at=later, content_hash="h3"))
        store.finish(SessionSummary("s1", T0 + timedelta(minutes=2), 0.5, 3, 2))
    assert _rows(db, "profiles")[0][:2] == (1, "ana")
    assert _rows(db, "sessions") == [
        (
            1, "s1", 1, '["b", "c"]', "exam",
            '{"count": 2, "topics": ["Mär"], "until": "2026-03-09"}', "SÉED",
            STAMP, "2026-03-02T09:02:00.000000+00:00", 0.5, 3, 2,
        )
    ]  # fmt: skip
    first = _review(None, "incorrect", T0)
    assert [row[1:14] for row in _rows(db, "attempts")] == [
        (1, 0, 1, "b", "q1", "h", "t", '{"städte": ["Köln"]}', "incorrect", 0.0, 0, None, STAMP),
        (
            1, 1, 1, "b", "q2", "h", "Flüsse", '"2026-01-02"', "partial", 0.5, 0, 2.5,
            "2026-03-02T09:01:00.000000+00:00",
        ),
        (
            1, 2, 1, "b", "q3", "h3", "t", "null", "skipped", 0.0, 0, 2.5,
            "2026-03-02T09:01:00.000000+00:00",
        ),
    ]  # fmt: skip
    assert [row[14] for row in _rows(db, "attempts")] == [None, None, None]
    q1 = _rows(db, "cards")[0]
    assert q1 == (
        1, "b", "q1", "t", first.card_json, first.due.isoformat(timespec="microseconds"),
        first.state, first.stability, 1, 1, 0.0, "incorrect", STAMP, "h", STAMP,
    )  # fmt: skip
    assert [row[2] for row in _rows(db, "cards")] == ["q1", "q2"]  # a skip makes no summary
    assert _rows(db, "daily") == [(1, "2026-03-02", "b", 2, 0.5)]


def test_a_second_answer_keeps_the_first_answer_time_and_adds_up(tmp_path: Path) -> None:
    db = tmp_path / "progress.db"
    later = T0 + timedelta(days=2)
    with open_store(db) as store:
        store.start(info())
        store.record(attempt("q1", "incorrect"))
        store.start(info("s2", at=later))
        store.record(
            attempt("q1", "correct", uid="s2", at=later, content_hash="h2", topic="new topic")
        )
    first = _review(None, "incorrect", T0)
    second = _review(first.card_json, "correct", later)
    [card] = _rows(db, "cards")
    assert card == (
        1, "b", "q1", "new topic", second.card_json,
        second.due.isoformat(timespec="microseconds"), second.state, second.stability,
        2, 1, 1.0, "correct", "2026-03-04T09:00:00.000000+00:00", "h2", STAMP,
    )  # fmt: skip
    assert [row[14] for row in _rows(db, "attempts")] == [None, first.card_json]
    assert _rows(db, "daily") == [(1, "2026-03-02", "b", 1, 0.0), (1, "2026-03-04", "b", 1, 1.0)]


def test_an_answer_before_its_session_start_makes_a_bare_session_of_its_profile(
    tmp_path: Path,
) -> None:
    db = tmp_path / "progress.db"
    before = datetime.now(UTC)
    with open_store(db, "new learner") as store:
        store.record(attempt("q1", "correct", uid="lost"))
        store.start(info("lost"))  # the session is known by then: nothing changes
        assert store.history(["b"])[("b", "q1")].attempts == 1
        assert [r["profile"] for r in store.export_attempts()] == ["new learner"]
    [row] = _rows(db, "sessions")
    assert row[1:7] == ("lost", 1, "[]", "", "{}", "")
    started = datetime.fromisoformat(str(row[7]))
    assert before <= started <= datetime.now(UTC)
    assert row[7] == started.astimezone(UTC).isoformat(timespec="microseconds")


def test_a_time_without_a_zone_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "progress.db"
    naive = r"^naive datetime: pass an aware UTC datetime$"
    store = open_store(db)
    store.start(info())
    with pytest.raises(ValueError, match=naive):
        store.finish(SessionSummary("s1", datetime(2026, 3, 2, 9, 0), 1.0, 1, 1))
    with pytest.raises(ValueError, match=naive):  # still refused at the end
        store.close()
    assert _rows(db, "sessions")[0][8] is None


def test_the_card_json_is_what_the_scheduler_wrote(tmp_path: Path) -> None:
    db = tmp_path / "progress.db"
    with open_store(db) as store:
        store.start(info())
        store.record(attempt("q1", "correct"))
    [card] = _rows(db, "cards")
    assert json.loads(str(card[4]))["card_id"] == CARD_ID

"""Building sessions and attempts for the progress store's tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from quiz.progress.store import ProgressStore
from quiz.study.history import Attempt, SessionInfo, SessionSummary
from tests.helpers import BANKS

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
SCORES = {"correct": 1.0, "partial": 0.5, "incorrect": 0.0, "timeout": 0.0, "skipped": 0.0}
STORE_BANK = BANKS / "store_small.yaml"


def open_store(path: Path, profile: str = "ana") -> ProgressStore:
    """A writable store without fuzz, so due dates are exact."""
    return ProgressStore.open(path, profile, fuzz=False)


def info(uid: str = "s1", banks: tuple[str, ...] = ("b",), at: datetime = T0) -> SessionInfo:
    return SessionInfo(uid, banks, "practice", {"count": 5}, "SEED", at)


def attempt(
    qid: str,
    verdict: str,
    *,
    uid: str = "s1",
    seq: int = 0,
    bank: str = "b",
    at: datetime = T0,
    content_hash: str = "h",
    topic: str = "t",
    **changes: Any,
) -> Attempt:
    values: dict[str, Any] = dict(
        session_uid=uid,
        seq=seq,
        bank_id=bank,
        question_id=qid,
        content_hash=content_hash,
        topic=topic,
        given=None if verdict in ("skipped", "timeout") else f"answer to {qid}",
        verdict=verdict,
        score=SCORES[verdict],
        overridden=False,
        seconds=2.5,
        answered_at=at,
    )
    values.update(changes)
    return Attempt(**values)


def session(
    store: ProgressStore,
    uid: str,
    answers: list[tuple[str, str]],
    *,
    bank: str = "b",
    at: datetime = T0,
    hashes: dict[str, str] | None = None,
    topics: dict[str, str] | None = None,
) -> None:
    """A whole session: (question id, verdict) pairs a minute apart, then its score."""
    store.start(info(uid, (bank,), at))
    for seq, (qid, verdict) in enumerate(answers):
        h = (hashes or {}).get(qid, "h")
        topic = (topics or {}).get(qid, "t")
        when = at + timedelta(minutes=seq)
        store.record(
            attempt(qid, verdict, uid=uid, seq=seq, bank=bank, at=when, content_hash=h, topic=topic)
        )
    points = sum(SCORES[v] for _, v in answers)
    end = at + timedelta(minutes=len(answers))
    store.finish(SessionSummary(uid, end, points, len(answers), len(answers)))

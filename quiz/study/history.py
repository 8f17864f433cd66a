"""What a session hands to the progress store, and what the store hands back.

This is the narrow interface between the engine and persistence: the engine
builds `Attempt`s and passes them to a `Recorder`; the store answers with
`QuestionHistory` snapshots that the engine uses to choose questions. Plain data
both ways, so either side is testable alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from quiz.grading.verdicts import MISSED_VERDICTS

Key = tuple[str, str]  # (bank id, question id)


@dataclass(frozen=True)
class SessionInfo:
    """A session as it starts."""

    uid: str  # unique id of the session (uuid4 hex)
    bank_ids: tuple[str, ...]
    mode: str
    options: dict[str, Any]  # JSON-able: count, topics, difficulty, time limits...
    seed: str
    started_at: datetime  # aware, UTC


@dataclass(frozen=True)
class Attempt:
    """One answered (or skipped, or timed-out) question of a session.

    `seq` is the position in the session; a later Attempt with the same
    (session uid, seq) replaces the earlier one (an "I was right" override).
    """

    session_uid: str
    seq: int
    bank_id: str
    question_id: str
    content_hash: str
    topic: str
    given: Any  # JSON-able answer as given; None when skipped or timed out
    verdict: str  # "correct" | "partial" | "incorrect" | "skipped" | "timeout"
    score: float  # 0..1
    overridden: bool
    seconds: float | None
    answered_at: datetime  # aware, UTC


@dataclass(frozen=True)
class SessionSummary:
    """A session as it ends."""

    uid: str
    ended_at: datetime  # aware, UTC
    points: float
    possible: int
    answered: int


class Recorder(Protocol):
    """Where a session reports what happens; the progress store implements it."""

    def start(self, info: SessionInfo) -> None: ...

    def record(self, attempt: Attempt) -> None: ...

    def take_back(self, session_uid: str, seq: int) -> None:
        """Forget an attempt as if it had never been given (undo)."""
        ...

    def finish(self, summary: SessionSummary) -> None: ...


@dataclass(frozen=True)
class QuestionHistory:
    """What a profile's past says about one question."""

    attempts: int = 0
    misses: int = 0  # attempts whose verdict was incorrect, partial or timeout
    last_verdict: str | None = None
    last_answered: datetime | None = None
    last_content_hash: str | None = None
    due: datetime | None = None  # next review from the scheduler; None if never seen
    first_answered: datetime | None = None  # aware, UTC; when it stopped being new
    tags: tuple[str, ...] = field(default=())

    @property
    def seen(self) -> bool:
        return self.attempts > 0

    @property
    def missed(self) -> bool:
        """The latest answer was not fully right."""
        return self.last_verdict in MISSED_VERDICTS

    def is_due(self, now: datetime) -> bool:
        return self.due is not None and self.due <= now


History = dict[Key, QuestionHistory]

"""What the home screen shows about a learner's standing, as plain data."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quiz.core.history import History
    from quiz.core.model import Bank
    from quiz.core.store import ProgressStore


@dataclass(frozen=True)
class TopicMastery:
    topic: str
    mastery: float  # 0..1


@dataclass(frozen=True)
class Overview:
    questions: int
    seen: int
    mastered: int
    due: int
    missed: int
    topics: tuple[TopicMastery, ...]


def _mastered(history: History, key: tuple[str, str], now: datetime) -> bool:
    item = history.get(key)
    return item is not None and item.last_verdict == "correct" and not item.is_due(now)


def overview(store: ProgressStore, banks: Sequence[Bank]) -> Overview:
    """Counts over every question of `banks` for the store's profile."""
    history = store.history([bank.id for bank in banks])
    now = datetime.now(UTC)
    keys = [(bank.id, q.id, q.topic) for bank in banks for q in bank.questions]
    per_topic: dict[str, list[bool]] = {}
    for bank_id, qid, topic in keys:
        per_topic.setdefault(topic or "(no topic)", []).append(
            _mastered(history, (bank_id, qid), now)
        )
    return Overview(
        questions=len(keys),
        seen=sum(1 for b, q, _ in keys if (h := history.get((b, q))) and h.seen),
        mastered=sum(1 for b, q, _ in keys if _mastered(history, (b, q), now)),
        due=sum(1 for b, q, _ in keys if (h := history.get((b, q))) and h.is_due(now)),
        missed=sum(1 for b, q, _ in keys if (h := history.get((b, q))) and h.missed),
        topics=tuple(TopicMastery(t, sum(v) / len(v)) for t, v in per_topic.items()),
    )


@dataclass(frozen=True)
class StatsView:
    accuracy: tuple[float, ...]  # percent per finished session, oldest first
    topics: tuple[TopicMastery, ...]
    struggles: tuple[tuple[str, int], ...]  # (prompt, misses), most missed first
    next_due: str | None  # when the next review falls due, readable


def stats_view(store: ProgressStore, banks: Sequence[Bank]) -> StatsView:
    """What the stats screen shows, from the store's history."""
    history = store.history([bank.id for bank in banks])
    prompts = {(bank.id, q.id): q.prompt for bank in banks for q in bank.questions}
    struggles = sorted(
        ((prompts[key], h.misses) for key, h in history.items() if key in prompts and h.misses),
        key=lambda item: -item[1],
    )[:5]
    dues = [h.due for key, h in history.items() if key in prompts and h.due is not None]
    next_due = min(dues).astimezone().strftime("%a %d %b %Y, %H:%M") if dues else None
    return StatsView(
        accuracy=(),
        topics=overview(store, banks).topics,
        struggles=tuple(struggles),
        next_due=next_due,
    )

"""Spaced repetition: a small adapter over the `fsrs` package.

The rule from verdict to rating: incorrect and timeout -> Again, partial ->
Hard, correct -> Good. A skipped question is not a review: its card is left as
it was (`review` returns None), so skipping never changes what is due.

Card state travels as the JSON that `fsrs.Card.to_json` writes. Every datetime
in and out is aware and in UTC. This module is pure: the caller passes the time.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # fsrs is imported on the first review, not when quiz starts
    from fsrs import Rating, Scheduler

RATING_NAMES: dict[str, str] = {
    "correct": "Good",
    "partial": "Hard",
    "incorrect": "Again",
    "timeout": "Again",
}
REVIEW_STATE = 2  # fsrs.State.Review (a test holds it to fsrs's value)


class Review(NamedTuple):
    """A card after one review."""

    card_json: str
    due: datetime  # aware, UTC
    state: int  # fsrs State: 1 learning, 2 review, 3 relearning
    stability: float | None  # days


def rating_for(verdict: str) -> Rating | None:
    """The fsrs rating of a verdict; None for "skipped" (not a review)."""
    if verdict == "skipped":
        return None
    try:
        name = RATING_NAMES[verdict]
    except KeyError:
        raise ValueError(f"unknown verdict {verdict!r}") from None
    from fsrs import Rating

    return Rating[name]


def card_id_for(*key: str) -> int:
    """A stable card id from a key such as (profile, bank id, question id).

    fsrs uses the id only to name the card; passing one explicitly also avoids
    `Card()`'s 1 ms sleep to make a unique timestamp id.
    """
    digest = hashlib.sha256("\x1f".join(key).encode("utf-8")).digest()
    return int.from_bytes(digest[:6], "big")  # 48 bits: exact in JSON and in SQLite


def review(
    card_json: str | None,
    verdict: str,
    when: datetime,
    *,
    card_id: int,
    fuzz: bool = True,
) -> Review | None:
    """Review a card (a new one when `card_json` is None) at `when`; None when skipped."""
    rating = rating_for(verdict)
    if rating is None:
        return None
    from fsrs import Card

    when = _utc(when)
    card = Card.from_json(card_json) if card_json else Card(card_id=card_id, due=when)
    updated, _log = _scheduler(fuzz).review_card(card, rating, when)
    return Review(
        card_json=updated.to_json(),
        due=_utc(updated.due),
        state=int(updated.state),
        stability=updated.stability,
    )


@cache
def _scheduler(fuzz: bool) -> Scheduler:
    from fsrs import Scheduler

    return Scheduler(enable_fuzzing=fuzz)


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("naive datetime: pass an aware UTC datetime")
    return moment.astimezone(UTC)

"""A progress history over weeks on the fake clock (tests.helpers.today), for stats views."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from quiz.bank.model import Bank
from quiz.progress.store import ProgressStore
from tests.helpers.store import session
from tests.helpers.today import DAY1

# (days before DAY1, [(question index, verdict), ...]): four days in a row weeks ago,
# then the last three days; 16 answers, 12 right.
PLAN: tuple[tuple[int, tuple[tuple[int, str], ...]], ...] = (
    (40, ((0, "correct"), (1, "correct"), (2, "incorrect"))),
    (39, ((2, "correct"), (3, "correct"))),
    (38, ((4, "correct"), (5, "incorrect"))),
    (37, ((5, "correct"), (6, "correct"))),
    (2, ((0, "correct"), (1, "incorrect"))),
    (1, ((1, "correct"), (3, "correct"))),
    (0, ((4, "correct"), (6, "partial"), (2, "partial"))),
)


def seed_history(store: ProgressStore, banks: Sequence[Bank]) -> None:
    """Record PLAN's sessions at 08:00 on their days, in the first bank."""
    bank = banks[0]
    for back, answers in PLAN:
        at = DAY1 - timedelta(days=back, hours=1)
        pairs = [(bank.questions[i].id, verdict) for i, verdict in answers]
        hashes = {q.id: q.content_hash for q in bank.questions}
        session(store, f"seed-{back}", pairs, bank=bank.id, at=at, hashes=hashes)

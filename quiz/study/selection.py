"""Which questions a session asks, in what order, and how their options are shuffled.

Everything random here comes from `seeded_rng`, a `random.Random` seeded from a
sha256 of the seed text, so a seed gives the same quiz on every machine and every
Python run (never the global generator, never the salted `hash()`).
"""

from __future__ import annotations

import hashlib
import random
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from quiz.bank.model import Bank, Question
from quiz.common.clock import local_day
from quiz.grading.kinds import TrueFalse, kind_of
from quiz.grading.leaks import leaks
from quiz.study.history import History, QuestionHistory
from quiz.study.options import Mode

if TYPE_CHECKING:
    from quiz.study.options import SessionOptions

Picked = tuple[Bank, Question]

SEED_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud in class
SEED_LENGTH = 6
TRUE_FALSE = TrueFalse.OPTIONS


def new_seed() -> str:
    """A fresh seed such as "K7QM2X", short enough to read out to a class."""
    return "".join(secrets.choice(SEED_ALPHABET) for _ in range(SEED_LENGTH))


def seeded_rng(seed: str, *salt: str) -> random.Random:
    """A generator that depends only on the seed text (and any salt)."""
    blob = "\x1f".join((seed, *salt)).encode("utf-8")
    return random.Random(int.from_bytes(hashlib.sha256(blob).digest(), "big"))


def matches_filters(question: Question, options: SessionOptions) -> bool:
    """True when the question is in one of the chosen topics and difficulties (if any)."""
    if options.topics and question.topic not in options.topics:
        return False
    return not options.difficulty or question.difficulty in options.difficulty


@dataclass(frozen=True)
class Selection:
    """A session's questions in the order asked, and those an exam left out."""

    picked: list[Picked]
    # Questions whose wording gives away the answer of a question asked after them,
    # with no order that avoids it (each gives away the other's answer).
    left_out: list[Picked] = field(default_factory=list)


def select(
    banks: Sequence[Bank],
    options: SessionOptions,
    seed: str,
    history: History | None,
    now: datetime,
) -> Selection:
    """The questions of a session in the order they are asked.

    drill, exam: a seeded shuffle, never looking at history, so every student
    with the same seed gets the same quiz. practice: missed questions first
    (latest answer wrong, partial or timed out), then due ones, then never seen,
    then the rest, each group shuffled. review: only the missed, then the due.
    study: see `study_today`.
    Then, in every mode, a question whose prompt or choices give away another's
    answer moves after it (see `ask_answers_first`). `count` keeps the first N.
    """
    pool = [(b, q) for b in banks for q in b.questions if matches_filters(q, options)]
    rng = seeded_rng(seed, "order")
    mode = Mode(options.mode)
    if mode.is_daily:
        ordered = study_today(pool, history or {}, now, options.new_limit)
    elif not mode.uses_history:
        rng.shuffle(pool)
        ordered = pool
    else:
        groups = _groups(pool, history or {}, now)
        if mode.only_missed_and_due:
            groups = groups[:2]
        ordered = []
        for group in groups:
            rng.shuffle(group)
            ordered.extend(group)
    kept, dropped = ask_answers_first(ordered, banks, drop=mode.is_class)
    if options.count is None:
        return Selection(kept, dropped)
    # Report only what the cut would have reached.
    reached = {id(q) for _, q in ordered[: options.count]}
    return Selection(kept[: options.count], [p for p in dropped if id(p[1]) in reached])


_LEAKS_KEPT = 4
_leak_cache: dict[tuple[str, ...], list[tuple[int, int]]] = {}


def leak_pairs(banks: Sequence[Bank]) -> list[tuple[int, int]]:
    """(giver, taker) indices into the banks' questions, in order; kept for the last few
    sets of banks, so a learner's next session does not work them out again."""
    key = tuple(b.content_hash for b in banks)
    if key not in _leak_cache:
        every = [q for b in banks for q in b.questions]
        if len(_leak_cache) >= _LEAKS_KEPT:
            _leak_cache.pop(next(iter(_leak_cache)))
        _leak_cache[key] = [(leak.giver, leak.taker) for leak in leaks(every)]
    return _leak_cache[key]


def ask_answers_first(
    ordered: list[Picked], banks: Sequence[Bank], *, drop: bool
) -> tuple[list[Picked], list[Picked]]:
    """`ordered` with every question asked after those whose answers it gives away.

    Each question keeps its place unless it must wait: the questions it gives away
    are pulled forward to just before it. When two give away each other's answer
    no order helps: with `drop` (drill and exam) the later one is left out and
    returned apart; otherwise it stays. The leak relation is computed on the whole
    banks, so it does not change with filters or `count`.
    """
    every = [q for b in banks for q in b.questions]
    position = {id(q): n for n, (_, q) in enumerate(ordered)}
    gives_away: dict[int, list[int]] = {}  # question -> those whose answer it shows
    for giver_at, taker_at in leak_pairs(banks):
        giver, taker = id(every[giver_at]), id(every[taker_at])
        if giver in position and taker in position:
            gives_away.setdefault(giver, []).append(taker)
    if not gives_away:
        return list(ordered), []
    by_id = {id(q): (b, q) for b, q in ordered}
    state: dict[int, int] = {}  # 1: waiting for others, 2: placed, 3: left out
    kept: list[Picked] = []
    dropped: list[Picked] = []
    for _, root in ordered:
        if id(root) in state:
            continue
        stack = [(id(root), iter(sorted(gives_away.get(id(root), ()), key=position.__getitem__)))]
        state[id(root)] = 1
        blocked: set[int] = set()
        while stack:
            node, pending = stack[-1]
            for taker in pending:
                seen = state.get(taker)
                if seen is None:
                    state[taker] = 1
                    ahead = sorted(gives_away.get(taker, ()), key=position.__getitem__)
                    stack.append((taker, iter(ahead)))
                    break
                if seen == 1:  # the taker waits for this one: they give each other away
                    blocked.add(node)
            else:
                stack.pop()
                if node in blocked and drop:
                    state[node] = 3
                    dropped.append(by_id[node])
                else:
                    state[node] = 2
                    kept.append(by_id[node])
    return kept, dropped


def study_today(
    pool: list[Picked], history: History, now: datetime, new_limit: int
) -> list[Picked]:
    """Today's work: the due reviews, longest overdue first, then new questions in bank
    order, as many as the daily limit leaves after those first answered today."""
    due = [p for p in pool if history.get(_key(p), QuestionHistory()).is_due(now)]
    due.sort(key=lambda p: history[_key(p)].due or now)
    unseen = [p for p in pool if not history.get(_key(p), QuestionHistory()).seen]
    return due + unseen[: new_left_today(history, now, new_limit)]


def new_left_today(history: History, now: datetime, new_limit: int) -> int:
    """How many new questions today still has room for under `new_limit`."""
    today = local_day(now)
    started = sum(
        1
        for past in history.values()
        if past.first_answered is not None and local_day(past.first_answered) == today
    )
    return max(0, new_limit - started)


def _key(picked: Picked) -> tuple[str, str]:
    return picked[0].id, picked[1].id


def _groups(pool: list[Picked], history: History, now: datetime) -> list[list[Picked]]:
    """[missed, due, never seen, the rest]."""
    missed: list[Picked] = []
    due: list[Picked] = []
    unseen: list[Picked] = []
    rest: list[Picked] = []
    for bank, question in pool:
        past = history.get((bank.id, question.id), QuestionHistory())
        if past.missed:
            missed.append((bank, question))
        elif past.is_due(now):
            due.append((bank, question))
        elif not past.seen:
            unseen.append((bank, question))
        else:
            rest.append((bank, question))
    return [missed, due, unseen, rest]


def display_options(question: Question, bank_id: str, seed: str) -> tuple[str, ...]:
    """The options in the order shown: choices, ordering items, or matching's right-hand side.

    Each question has its own generator (seed, bank, question id), so its
    shuffle does not change with `count`, filters or history. Ordering items and
    matching options never start in the right order when there is another.
    """
    kind = kind_of(question)
    items = list(kind.items(question))
    if not kind.shuffled:
        return tuple(items)
    right = list(items)
    seeded_rng(seed, "options", bank_id, question.id).shuffle(items)
    if kind.never_in_order and items == right:
        items = items[1:] + items[:1]  # a rotation of distinct items is never the same
    return tuple(items)


def left_items(question: Question) -> tuple[str, ...]:
    """Matching's left-hand items, in bank order (empty for other types)."""
    return kind_of(question).lefts(question)

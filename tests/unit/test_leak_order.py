"""Sessions never ask a question whose wording gives away the answer of one asked later."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from quiz.bank.loader import load_bank
from quiz.bank.model import Bank
from quiz.common.paths import default_bank_path
from quiz.grading.leaks import leaks
from quiz.study.history import QuestionHistory
from quiz.study.options import MODES
from quiz.study.session import Session, SessionOptions

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
LEAKY = Path(__file__).resolve().parents[1] / "banks" / "leaky.yaml"
SEEDS = [f"SEED{n}" for n in range(40)]
CYCLE = {"keeper-name", "keeper-year"}  # each gives away the other's answer


@pytest.fixture(scope="module")
def leaky() -> Bank:
    return load_bank(LEAKY, use_cache=False)


def gives_away(bank: Bank) -> set[tuple[str, str]]:
    """(giver, taker) ids: the giver must never be asked before the taker."""
    qs = bank.questions
    return {(qs[leak.giver].id, qs[leak.taker].id) for leak in leaks(qs)}


def asked_ids(session: Session) -> list[str]:
    return [a.question.id for a in session.questions]


def wrong_order(order: list[str], pairs: set[tuple[str, str]]) -> list[tuple[str, str]]:
    at = {qid: n for n, qid in enumerate(order)}
    return [(g, t) for g, t in pairs if g in at and t in at and at[g] < at[t]]


def session(bank: Bank, mode: str, seed: str, count: int | None = None) -> Session:
    # Every question missed once, so review and practice have them all to ask.
    history = {
        (bank.id, q.id): QuestionHistory(attempts=1, misses=1, last_verdict="incorrect")
        for q in bank.questions
    }
    options = SessionOptions(mode=mode, seed=seed, count=count)
    return Session([bank], options, history=history, now=lambda: NOW)


def test_the_leaky_bank_leaks_as_built(leaky: Bank) -> None:
    assert gives_away(leaky) == {
        ("quit-again", "rejoined-year"),
        ("force-purpose", "force-choice"),
        ("keeper-name", "keeper-year"),
        ("keeper-year", "keeper-name"),
    }


@pytest.mark.parametrize("mode", ["exam", "drill"])
def test_class_sessions_ask_answers_first_and_leave_out_one_of_a_cycle(
    leaky: Bank, mode: str
) -> None:
    pairs = gives_away(leaky)
    for seed in SEEDS:
        s = session(leaky, mode, seed)
        order = asked_ids(s)
        assert wrong_order(order, pairs) == [], seed
        left_out = [q.id for q in s.left_out]
        assert len(left_out) == 1 and set(left_out) < CYCLE, seed
        assert sorted(order + left_out) == sorted(q.id for q in leaky.questions)
        assert s.result().left_out == s.left_out


@pytest.mark.parametrize("mode", ["practice", "review"])
def test_study_sessions_ask_answers_first_and_keep_every_question(leaky: Bank, mode: str) -> None:
    pairs = gives_away(leaky)
    for seed in SEEDS:
        s = session(leaky, mode, seed)
        order = asked_ids(s)
        assert sorted(order) == sorted(q.id for q in leaky.questions), seed
        assert s.left_out == ()
        # Only the cycle cannot be put right; every other pair is in order.
        assert [p for p in wrong_order(order, pairs) if set(p) != CYCLE] == [], seed


def test_study_today_asks_new_questions_answers_first_and_keeps_them_all(leaky: Bank) -> None:
    pairs = gives_away(leaky)
    options = SessionOptions(mode="study", seed="K7QM2X", new_limit=100)
    s = Session([leaky], options, history={}, now=lambda: NOW)  # every question new
    order = asked_ids(s)
    assert sorted(order) == sorted(q.id for q in leaky.questions)
    assert s.left_out == ()
    assert [p for p in wrong_order(order, pairs) if set(p) != CYCLE] == []


def test_every_mode_is_covered() -> None:
    assert set(MODES) == {"exam", "drill", "practice", "review", "study"}


def test_the_order_is_seeded_and_deterministic(leaky: Bank) -> None:
    for mode in MODES:
        first = session(leaky, mode, "K7QM2X")
        again = session(leaky, mode, "K7QM2X")
        assert asked_ids(first) == asked_ids(again)
        assert first.left_out == again.left_out
    orders = {tuple(asked_ids(session(leaky, "exam", seed))) for seed in SEEDS}
    assert len(orders) > 10  # still a shuffle


def test_a_count_keeps_a_prefix_that_never_gives_away(leaky: Bank) -> None:
    pairs = gives_away(leaky)
    for seed in SEEDS:
        for count in (1, 3, 5):
            order = asked_ids(session(leaky, "exam", seed, count))
            assert len(order) == count
            assert wrong_order(order, pairs) == []
            # A question that gives another's answer away is asked only after it.
            for giver, taker in pairs:
                if giver in order and {giver, taker} != CYCLE:
                    assert taker in order, (seed, count, giver)


def test_full_exams_of_the_shipped_bank_never_give_an_answer_away() -> None:
    bank = load_bank(default_bank_path(), use_cache=False)
    pairs = gives_away(bank)
    for seed in SEEDS:
        s = session(bank, "exam", seed)
        assert len(s.questions) == len(bank.questions)
        assert s.left_out == ()
        assert wrong_order(asked_ids(s), pairs) == []

"""What a seed decides: the order of questions and of each question's options, pinned."""

from __future__ import annotations

import pytest

from quiz.bank.model import Bank, Question, QuestionType
from quiz.study.selection import SEED_ALPHABET, ask_answers_first, display_options, new_seed
from quiz.study.session import Session, SessionOptions
from tests.helpers.engine_banks import every_type_bank, numbered_bank

T = QuestionType
COUNTRIES = ("Armenia", "Belarus", "Georgia", "Russia")


def shown(session: Session) -> list[tuple[str, str, tuple[str, ...], tuple[str, ...]]]:
    return [(a.bank_id, a.question.id, a.options, a.lefts) for a in session.questions]


def test_one_seed_gives_this_drill_on_every_machine() -> None:
    # Pinned: a change here changes every class's quiz for the same code on the board.
    banks = [every_type_bank(), numbered_bank(6)]
    session = Session(banks, SessionOptions(mode="drill", seed="K7QM2X"))
    assert shown(session) == [
        ("many", "q02", (), ()),
        ("many", "q03", (), ()),
        ("engine", "mc", ("Moldova", "Georgia", "Armenia", "Ukraine"), ()),
        ("many", "q05", (), ()),
        ("engine", "ms", ("Georgia", "Belarus", "Ukraine", "Russia"), ()),
        ("engine", "tf", ("True", "False"), ()),
        ("many", "q04", (), ()),
        ("engine", "num", (), ()),
        ("engine", "sa", (), ()),
        ("engine", "match", ("Minsk", "Yerevan", "Moscow"), ("Armenia", "Belarus", "Russia")),
        ("many", "q00", (), ()),
        ("many", "q01", (), ()),
        ("engine", "ord", ("2012", "1999", "1992", "2002"), ()),
    ]


def test_count_keeps_the_first_questions_of_the_same_order() -> None:
    banks = [every_type_bank(), numbered_bank(6)]
    whole = shown(Session(banks, SessionOptions(mode="drill", seed="K7QM2X")))
    first = shown(Session(banks, SessionOptions(mode="drill", seed="K7QM2X", count=4)))
    assert first == whole[:4]


def test_another_seed_gives_another_order() -> None:
    banks = [numbered_bank(12)]
    orders = {
        tuple(a.question.id for a in Session(banks, SessionOptions(mode="drill", seed=s)).questions)
        for s in ("A", "B", "C")
    }
    assert len(orders) == 3


def same_choices(n: int) -> Bank:
    return Bank(
        id="same",
        title="Same",
        questions=tuple(
            Question(f"q{i}", T.MULTIPLE_CHOICE, "?", "Armenia", choices=COUNTRIES)
            for i in range(n)
        ),
    )


def test_questions_with_the_same_choices_are_shuffled_apart() -> None:
    # Were the shuffle not salted with the question id, the answer would sit at the same
    # number in every such question.
    bank = same_choices(8)
    orders = {display_options(q, bank.id, "K7QM2X") for q in bank.questions}
    assert len(orders) > 4
    positions = {display_options(q, bank.id, "K7QM2X").index("Armenia") for q in bank.questions}
    assert len(positions) > 1


def test_the_same_question_in_another_bank_is_shuffled_apart() -> None:
    question = same_choices(1).questions[0]
    orders = {display_options(question, bank, "K7QM2X") for bank in "abcdefgh"}
    assert len(orders) > 4


def test_a_questions_options_do_not_depend_on_what_else_is_asked() -> None:
    bank = every_type_bank()
    alone = Session([bank], SessionOptions(mode="drill", seed="S", topics=("members",)))
    mixed = Session([numbered_bank(9), bank], SessionOptions(mode="practice", seed="S"))
    ours = {a.question.id: a.options for a in alone.questions}
    assert ours == {a.question.id: a.options for a in mixed.questions if a.question.id in ours}


@pytest.mark.parametrize("seed", [str(n) for n in range(20)])
def test_two_items_never_start_in_the_right_order(seed: str) -> None:
    ordering = Question("o", T.ORDERING, "?", ("first", "second"))
    matching = Question("m", T.MATCHING, "?", (("a", "one"), ("b", "two")))
    assert display_options(ordering, "b", seed) == ("second", "first")
    assert display_options(matching, "b", seed) == ("two", "one")


def test_true_false_and_text_questions_have_fixed_options() -> None:
    bank = every_type_bank()
    by_id = {q.id: q for q in bank.questions}
    assert display_options(by_id["tf"], bank.id, "S") == ("True", "False")
    assert display_options(by_id["sa"], bank.id, "S") == ()
    assert display_options(by_id["num"], bank.id, "S") == ()


def test_a_new_seed_is_six_unambiguous_characters() -> None:
    seeds = {new_seed() for _ in range(50)}
    assert all(len(s) == 6 and set(s) <= set(SEED_ALPHABET) for s in seeds)
    assert len(seeds) > 45
    assert not set("01IO") & set(SEED_ALPHABET)


def sa(qid: str, prompt: str, answer: str, topic: str = "t") -> Question:
    return Question(qid, T.SHORT_ANSWER, prompt, answer, topic=topic)


# t gives away u1 and u2, p gives away t; x and y give away each other, z gives away y.
LEAKING = Bank(
    id="leaking",
    title="Leaking",
    questions=(
        sa("u1", "Which metal is mined at Norilsk?", "nickel", "metals"),
        sa("u2", "Which metal is mined at Kursk?", "iron", "metals"),
        sa("t", "Which city mines nickel and iron metal?", "Magnitogorsk", "metals"),
        sa("p", "Which metal plant is in Magnitogorsk city?", "steel", "plants"),
        sa("x", "Which city stands on the Upa river?", "Tula", "rivers"),
        sa("y", "Which river flows through Tula city?", "Upa", "rivers"),
        sa("z", "Into which river does the Upa flow?", "Oka", "rivers"),
    ),
)
BY_ID = {q.id: (LEAKING, q) for q in LEAKING.questions}


def reorder(order: str, *, drop: bool) -> tuple[list[str], list[str]]:
    kept, dropped = ask_answers_first([BY_ID[qid] for qid in order.split()], [LEAKING], drop=drop)
    return [q.id for _, q in kept], [q.id for _, q in dropped]


@pytest.mark.parametrize(
    ("order", "drop", "kept", "dropped"),
    [
        # what a question gives away is pulled forward in the order it was in, chains too
        ("p u2 u1 t", False, "u2 u1 t p", ""),
        ("p u1 u2 t", False, "u1 u2 t p", ""),
        ("t u2 u1", False, "u2 u1 t", ""),
        ("t u1 u2", False, "u1 u2 t", ""),
        # a pair that gives each other away: a class leaves the later one out
        ("x y z", True, "x z", "y"),
        ("x y z", False, "y x z", ""),
        ("z y x", True, "y z", "x"),
        ("z y x", False, "x y z", ""),
        ("u1 u2", True, "u1 u2", ""),  # nothing given away: the order stands
    ],
)
def test_questions_are_asked_after_the_answers_they_give_away(
    order: str, drop: bool, kept: str, dropped: str
) -> None:
    assert reorder(order, drop=drop) == (kept.split(), dropped.split())


def test_a_filter_that_keeps_the_giver_but_not_the_taker_changes_nothing() -> None:
    session = Session([LEAKING], SessionOptions(mode="exam", seed="K7QM2X", topics=("plants",)))
    assert [a.question.id for a in session.questions] == ["p"]
    assert session.left_out == ()


@pytest.mark.parametrize(
    ("seed", "count", "asked", "left_out"),
    [
        ("F", None, ["x", "z"], ["y"]),
        ("F", 2, ["x", "z"], ["y"]),  # the cut reached y: it is said to be left out
        ("A", 2, ["x", "z"], []),  # the cut stopped before y: nothing to say
        ("C", None, ["y", "z"], ["x"]),
    ],
)
def test_a_class_hears_only_of_questions_left_out_within_its_count(
    seed: str, count: int | None, asked: list[str], left_out: list[str]
) -> None:
    options = SessionOptions(mode="exam", seed=seed, topics=("rivers",), count=count)
    session = Session([LEAKING], options)
    assert [a.question.id for a in session.questions] == asked
    assert [q.id for q in session.left_out] == left_out

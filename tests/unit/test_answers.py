"""Reading typed lines as answers: numbers for choices, words for true/false, re-ask otherwise."""

from __future__ import annotations

import pytest

from quiz.grading.checking import check
from quiz.study.answers import InputError, parse_typed
from quiz.study.session import Asked, Session, SessionOptions
from tests.helpers.engine_banks import every_type_bank


def asked(qid: str) -> Asked:
    session = Session([every_type_bank()], SessionOptions(mode="drill", seed="s"))
    return next(a for a in session.questions if a.question.id == qid)


def test_choice_by_number_or_text() -> None:
    mc = asked("mc")
    assert parse_typed(mc, " 2 ") == mc.options[1]
    assert parse_typed(mc, "armenia") == "armenia"


def test_choice_number_out_of_range() -> None:
    with pytest.raises(InputError, match="from 1 to 4"):
        parse_typed(asked("mc"), "5")


@pytest.mark.parametrize(
    ("typed", "value"),
    [("t", True), ("TRUE", True), ("yes", True), ("1", True), ("f", False), ("No", False)],
)
def test_true_false_words(typed: str, value: bool) -> None:
    assert parse_typed(asked("tf"), typed) is value


def test_true_false_other_words_are_asked_again() -> None:
    with pytest.raises(InputError, match="t \\(true\\) or f \\(false\\)"):
        parse_typed(asked("tf"), "maybe")


@pytest.mark.parametrize("typed", ["1 3", "1,3", "3, 1", "1 3 1"])
def test_multiple_select_numbers(typed: str) -> None:
    ms = asked("ms")
    assert sorted(parse_typed(ms, typed)) == sorted([ms.options[0], ms.options[2]])


def test_multiple_select_bad_numbers() -> None:
    with pytest.raises(InputError):
        parse_typed(asked("ms"), "1 9")
    with pytest.raises(InputError):
        parse_typed(asked("ms"), "Russia")


def test_ordering_needs_every_number_once() -> None:
    ordering = asked("ord")
    right = [str(ordering.options.index(item) + 1) for item in ordering.question.answer]
    given = parse_typed(ordering, " ".join(right))
    assert check(ordering.question, given).verdict == "correct"
    for bad in ("1 2 3", "1 1 2 3", "1 2 3 5"):
        with pytest.raises(InputError):
            parse_typed(ordering, bad)


def test_matching_one_number_per_left_item() -> None:
    match = asked("match")
    capitals = {"Armenia": "Yerevan", "Belarus": "Minsk", "Russia": "Moscow"}
    typed = " ".join(str(match.options.index(capitals[left]) + 1) for left in match.lefts)
    assert parse_typed(match, typed) == capitals
    with pytest.raises(InputError, match="3 numbers"):
        parse_typed(match, "1 2")


def test_text_answers_pass_through() -> None:
    assert parse_typed(asked("sa"), "  Moskva ") == "Moskva"
    assert parse_typed(asked("num"), "six") == "six"  # the checker says why it is wrong


def test_blank_is_refused() -> None:
    with pytest.raises(InputError):
        parse_typed(asked("sa"), "   ")

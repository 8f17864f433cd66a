"""Per-item marks: which items of a list answer were right, and in words why not."""

from __future__ import annotations

import pytest

from quiz.grading.marks import ItemMark, item_marks
from tests.helpers.engine_banks import every_type_bank

QUESTIONS = {q.id: q for q in every_type_bank().questions}


def test_multiple_select_marks_each_tick_and_the_right_ones_left_out() -> None:
    marks = item_marks(QUESTIONS["ms"], ["Russia", "Georgia"])
    assert marks == (
        ItemMark("Russia", True),
        ItemMark("Georgia", False, "wrong: not a right choice"),
        ItemMark("Belarus", False, "missed: right, not ticked"),
    )


def test_ordering_marks_each_position_and_says_where_it_belongs() -> None:
    marks = item_marks(QUESTIONS["ord"], ["1992", "2002", "1999", "2012"])
    assert marks == (
        ItemMark("1. 1992", True),
        ItemMark("2. 2002", False, "wrong: belongs at 3"),
        ItemMark("3. 1999", False, "wrong: belongs at 2"),
        ItemMark("4. 2012", True),
    )


def test_matching_marks_each_pair_with_the_right_partner() -> None:
    given = {"Armenia": "Yerevan", "Belarus": "Moscow", "Russia": "Minsk"}
    assert item_marks(QUESTIONS["match"], given) == (
        ItemMark("Armenia → Yerevan", True),
        ItemMark("Belarus → Moscow", False, "wrong: should be Minsk"),
        ItemMark("Russia → Minsk", False, "wrong: should be Moscow"),
    )


def test_types_without_items_have_no_marks() -> None:
    assert item_marks(QUESTIONS["sa"], "Moscow") == ()
    assert item_marks(QUESTIONS["mc"], "Armenia") == ()


def test_picks_typed_loosely_are_marked_as_the_choice_they_name() -> None:
    assert item_marks(QUESTIONS["ms"], ("russia ", "Belarus", "Mars")) == (
        ItemMark("Russia", True),
        ItemMark("Belarus", True),
        ItemMark("Mars", False, "wrong: not a right choice"),
    )


def test_an_ordering_item_that_is_none_of_the_items_or_one_too_many() -> None:
    given = ["1992", "1999", "1066", "2012", "1992 "]
    assert item_marks(QUESTIONS["ord"], given) == (
        ItemMark("1. 1992", True),
        ItemMark("2. 1999", True),
        ItemMark("3. 1066", False, "wrong: not one of the items"),
        ItemMark("4. 2012", True),
        ItemMark("5. 1992", False, "wrong: belongs at 1"),
    )


def test_a_matching_pair_read_loosely_and_a_left_item_that_is_not_asked() -> None:
    given = {"armenia": " yerevan", "Georgia": "Tbilisi"}
    assert item_marks(QUESTIONS["match"], given) == (
        ItemMark("Armenia → Yerevan", True),
        ItemMark("Georgia → Tbilisi", False, "wrong"),
    )


@pytest.mark.parametrize(
    ("qid", "given"),
    [("tf", True), ("num", "2002"), ("ms", "Russia"), ("ord", "1992"), ("match", ["Armenia"])],
)
def test_an_answer_without_items_has_no_marks(qid: str, given: object) -> None:
    assert item_marks(QUESTIONS[qid], given) == ()

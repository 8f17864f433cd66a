"""Reading typed lines as answers: numbers for choices, words for true/false, re-ask otherwise."""

from __future__ import annotations

import pytest

from quiz.bank.model import Question, QuestionType
from quiz.grading.checking import check
from quiz.study.answers import InputError, hint, left_label, parse_typed
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


def test_every_choice_number_reads_as_that_choice_and_no_other() -> None:
    mc = asked("mc")
    assert [parse_typed(mc, str(n)) for n in range(1, 5)] == list(mc.options)
    assert parse_typed(mc, "4") == mc.options[-1]  # the last choice is a choice


@pytest.mark.parametrize("typed", ["0", "5", "12"])
def test_a_choice_number_outside_the_list_says_which_numbers_exist(typed: str) -> None:
    with pytest.raises(InputError) as error:
        parse_typed(asked("mc"), typed)
    assert str(error.value) == f"There is no choice {int(typed)}: type a number from 1 to 4."


def test_a_blank_line_asks_for_an_answer() -> None:
    with pytest.raises(InputError) as error:
        parse_typed(asked("mc"), " \t ")
    assert str(error.value) == "Type an answer."


@pytest.mark.parametrize(
    ("typed", "value"), [("t.", True), ("Y!", True), ("2", False), ("n", False), ("FALSE", False)]
)
def test_more_true_false_words(typed: str, value: bool) -> None:
    assert parse_typed(asked("tf"), typed) is value


def test_true_false_refusal_says_what_to_type() -> None:
    with pytest.raises(InputError) as error:
        parse_typed(asked("tf"), "3")
    assert str(error.value) == "Type t (true) or f (false)."


def test_multiple_select_keeps_the_typed_order_once_each() -> None:
    ms = asked("ms")
    assert parse_typed(ms, "4;2, 4  1") == [ms.options[3], ms.options[1], ms.options[0]]


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("Russia", "Type choice numbers separated by spaces, e.g. 1 3."),
        (", ;", "Type choice numbers separated by spaces, e.g. 1 3."),
        ("1 9 0", "There is no choice 9: use numbers from 1 to 4."),
        ("0 1", "There is no choice 0: use numbers from 1 to 4."),
    ],
)
def test_multiple_select_refusals_say_what_to_type(typed: str, message: str) -> None:
    with pytest.raises(InputError) as error:
        parse_typed(asked("ms"), typed)
    assert str(error.value) == message


def test_ordering_reads_numbers_in_the_learners_order() -> None:
    ordering = asked("ord")
    assert parse_typed(ordering, "4 1 3 2") == [ordering.options[i] for i in (3, 0, 2, 1)]
    with pytest.raises(InputError) as error:
        parse_typed(ordering, "1 2 3")
    assert str(error.value) == "Give every number from 1 to 4 once, first item first, e.g. 4 3 2 1."
    with pytest.raises(InputError) as error:
        parse_typed(ordering, "1 2 3 5")
    assert str(error.value) == "There is no item 5: use numbers from 1 to 4."


def test_matching_reads_one_option_per_left_item_in_order() -> None:
    match = asked("match")
    assert parse_typed(match, "3 3 1") == {
        match.lefts[0]: match.options[2],
        match.lefts[1]: match.options[2],
        match.lefts[2]: match.options[0],
    }
    with pytest.raises(InputError) as error:
        parse_typed(match, "1 2 3 1")
    assert str(error.value) == "Type 3 numbers, one for each of A to C, e.g. 1 1 1."
    with pytest.raises(InputError) as error:
        parse_typed(match, "1 2 4")
    assert str(error.value) == "There is no option 4: use numbers from 1 to 3."


@pytest.mark.parametrize(
    ("index", "shown"), [(0, "A"), (1, "B"), (2, "C"), (25, "Z"), (26, "AA"), (27, "AB")]
)
def test_left_labels(index: int, shown: str) -> None:
    assert left_label(index) == shown


def asked_alone(question: Question, options: tuple[str, ...] = (), lefts=()) -> Asked:
    return Asked(0, 1, 1, "b", question, options, tuple(lefts))


MEMBERS = Question("m", QuestionType.NUMERIC, "How many?", 6.0, unit="states")
CAPITALS = Question(
    "cap", QuestionType.MATCHING, "?", (("Armenia", "Yerevan"), ("Belarus", "Minsk"))
)


@pytest.mark.parametrize(
    ("qid", "hint_text"),
    [
        ("mc", "Type a number from 1 to 4, or the answer."),
        ("ms", "Type the numbers of every right choice, e.g. 1 3."),
        ("tf", "Type t (true) or f (false)."),
        ("sa", "Type your answer."),
        ("num", "Type a number."),
        ("ord", "Type the numbers 1 to 4 in the right order, first item first."),
        ("match", "Type one number for each of A to C, e.g. 1 2 3."),
    ],
)
def test_each_type_says_what_to_type(qid: str, hint_text: str) -> None:
    assert hint(asked(qid)) == hint_text


def test_a_numeric_hint_names_the_unit() -> None:
    assert hint(asked_alone(MEMBERS)) == "Type a number (states)."


def test_a_matching_example_wraps_round_the_options() -> None:
    lefts = ("Armenia", "Belarus", "Russia", "Kazakhstan", "Tajikistan")
    shown = asked_alone(CAPITALS, ("Minsk", "Yerevan"), lefts)
    assert hint(shown) == "Type one number for each of A to E, e.g. 1 2 1 2 1."


def test_a_number_may_carry_the_questions_unit() -> None:
    assert parse_typed(asked_alone(MEMBERS), "6 states") == "6 states"


@pytest.mark.parametrize("typed", ["lots", "6 km", "2002s"])
def test_text_that_is_no_number_is_asked_again(typed: str) -> None:
    with pytest.raises(InputError) as error:
        parse_typed(asked_alone(MEMBERS), typed)
    assert str(error.value) == f"'{typed}' is not a number: type digits, such as 2002 or 2.5."

"""Every checking rule, including the near misses that must stay wrong."""

from __future__ import annotations

import pytest

from quiz.bank.model import Question, QuestionType
from quiz.grading.checking import (
    Verdict,
    check,
    expected_text,
    parse_number,
    resolve_choice,
    typo_budget,
)

T = QuestionType


def short(answer: str, *accept: str) -> Question:
    return Question("q", T.SHORT_ANSWER, "?", answer, accept=accept)


MOSCOW = short("Moscow", "Moskva")
KYRGYZSTAN = short("Kyrgyzstan", "Kyrgyz Republic")
YEAR = short("2002")
RIGA = short("Riga")
COUNTRIES = ("Armenia", "Albania", "Belarus", "Russia")
MC = Question("mc", T.MULTIPLE_CHOICE, "?", "Armenia", choices=COUNTRIES)
TF = Question("tf", T.TRUE_FALSE, "?", True)
FOUNDED = Question("n", T.NUMERIC, "?", 2002.0)
MEMBERS = Question("m", T.NUMERIC, "?", 6.0, unit="states")
ABOUT = Question("t", T.NUMERIC, "?", 100.0, tolerance=5.0)
MS = Question(
    "ms",
    T.MULTIPLE_SELECT,
    "?",
    ("Russia", "Armenia", "Belarus"),
    choices=("Russia", "Armenia", "Belarus", "Georgia", "Ukraine"),
)
ORDER = Question("o", T.ORDERING, "?", ("1992", "1999", "2002", "2012", "2022"))
MATCH = Question("x", T.MATCHING, "?", (("A", "1"), ("B", "2"), ("C", "3")))


# --- short answers -------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["Moscow", "moscow", "  MOSCOW ", "Moscow.", "the Moscow"])
def test_short_answer_same_after_normalising(typed: str) -> None:
    assert check(MOSCOW, typed) == Verdict("correct", 1.0, "Moscow", "")


def test_short_answer_accept_list_says_which_alternative() -> None:
    v = check(KYRGYZSTAN, "the kyrgyz-republic")
    assert v.verdict == "correct"
    assert v.reason == "accepted: matches the alternative 'Kyrgyz Republic'"


def test_short_answer_one_typo_in_a_six_letter_word() -> None:
    v = check(MOSCOW, "Moskow")
    assert (v.verdict, v.score) == ("correct", 1.0)
    assert v.reason == "accepted: 'Moskow' is one letter from 'Moscow'"


def test_short_answer_two_typos_too_many_below_ten_letters() -> None:
    assert check(MOSCOW, "Maskaw").verdict == "incorrect"


def test_short_answer_two_typos_forgiven_from_ten_letters() -> None:
    v = check(KYRGYZSTAN, "Kirgizstan")
    assert v.verdict == "correct"
    assert v.reason == "accepted: 'Kirgizstan' is two letters from 'Kyrgyzstan'"


def test_short_answer_three_typos_never() -> None:
    assert check(KYRGYZSTAN, "Kirgizstun").verdict == "incorrect"


def test_short_answer_typo_of_an_accept_entry() -> None:
    v = check(KYRGYZSTAN, "Kyrgyz Repulbic")
    assert v.verdict == "correct"
    assert "'Kyrgyz Republic'" in v.reason


def test_short_words_must_be_spelled_exactly() -> None:
    v = check(RIGA, "Rega")
    assert v.verdict == "incorrect"
    assert v.reason == "'Rega' is not 'Riga': short answers must be spelled exactly"


def test_year_off_by_one_is_wrong() -> None:
    v = check(YEAR, "2003")
    assert (v.verdict, v.score) == ("incorrect", 0.0)
    assert v.reason == "'2003' is not '2002': numbers must be exact"


def test_numbers_inside_a_longer_answer_must_be_exact() -> None:
    q = short("Treaty of 1992")
    assert check(q, "Treaty of 1993").verdict == "incorrect"
    assert check(q, "Treety of 1992").verdict == "correct"  # a typo in the words is fine


@pytest.mark.parametrize("typed", ["", "   ", None, "?!"])
def test_blank_is_no_answer(typed: str | None) -> None:
    v = check(MOSCOW, typed)
    assert (v.verdict, v.reason) == ("incorrect", "no answer")


def test_blank_is_no_answer_even_when_the_answer_is_punctuation_free_short() -> None:
    assert check(short("A"), "").verdict == "incorrect"


def test_wrong_answer_names_both() -> None:
    assert check(MOSCOW, "Minsk").reason == "'Minsk' is not 'Moscow'"


@pytest.mark.parametrize(("length", "budget"), [(4, 0), (5, 1), (9, 1), (10, 2), (30, 2)])
def test_typo_budget(length: int, budget: int) -> None:
    assert typo_budget("x" * length) == budget


# --- multiple choice ---------------------------------------------------------------------------


def test_choice_by_its_text() -> None:
    assert check(MC, "Armenia").verdict == "correct"
    assert check(MC, "Belarus") == Verdict(
        "incorrect", 0.0, "Armenia", "'Belarus' is not the answer"
    )


def test_choice_typed_loosely() -> None:
    assert check(MC, "  armenia ").verdict == "correct"


def test_choice_typed_with_a_typo() -> None:
    v = check(MC, "Armenya")
    assert v.verdict == "correct"
    assert v.reason == "accepted: 'Armenya' is one letter from 'Armenia'"


def test_wrong_choice_typed_with_a_typo_stays_wrong() -> None:
    v = check(MC, "Albanya")
    assert v.verdict == "incorrect"
    assert "Albania" in v.reason


def test_text_close_to_two_choices_is_not_accepted() -> None:
    q = Question("mc2", T.MULTIPLE_CHOICE, "?", "Iceland", choices=("Iceland", "Ireland"))
    v = check(q, "Ijeland")  # one letter from each
    assert v.verdict == "incorrect"
    assert "close to both" in v.reason


def test_resolve_choice_ambiguity_names_both() -> None:
    choice, note = resolve_choice(("Mali", "Malta", "Malto"), "Malte")
    assert choice is None
    assert "'Malta' and 'Malto'" in note


def test_text_that_is_no_choice() -> None:
    v = check(MC, "Georgia")
    assert v.verdict == "incorrect"
    assert v.reason == "'Georgia' is not one of the choices"


def test_numeric_choices_get_no_typo_tolerance() -> None:
    q = Question("y", T.MULTIPLE_CHOICE, "?", "2002", choices=("1992", "2002", "2012"))
    assert check(q, "2003").verdict == "incorrect"
    assert check(q, "2002").verdict == "correct"


# --- true/false -------------------------------------------------------------------------------


def test_true_false() -> None:
    assert check(TF, True) == Verdict("correct", 1.0, "True", "")
    v = check(TF, False)
    assert (v.verdict, v.expected) == ("incorrect", "True")
    assert check(TF, "yes").verdict == "correct"
    assert check(TF, None).reason == "no answer"


# --- numeric ----------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["2002", " 2,002 ", "2002.0", "2 002", 2002, 2002.0])
def test_numeric_forms(typed: object) -> None:
    assert check(FOUNDED, typed).verdict == "correct"


def test_numeric_off_by_one() -> None:
    assert check(FOUNDED, "2003") == Verdict("incorrect", 0.0, "2002", "'2003' is not '2002'")


def test_numeric_not_a_number_is_a_verdict_not_an_error() -> None:
    v = check(MEMBERS, "several")
    assert v.verdict == "incorrect"
    assert v.reason == "'several' is not a number: type digits"


@pytest.mark.parametrize("typed", ["six", "Six", "six states", " six "])
def test_a_count_may_be_typed_as_a_word(typed: str) -> None:
    assert check(MEMBERS, typed).verdict == "correct"
    assert check(MEMBERS, "seven").verdict == "incorrect"


def test_numeric_with_its_unit() -> None:
    assert check(MEMBERS, "6").verdict == "correct"
    assert check(MEMBERS, "6 states").verdict == "correct"
    assert expected_text(MEMBERS) == "6 states"


def test_numeric_tolerance_is_inclusive() -> None:
    assert check(ABOUT, "105").verdict == "correct"
    assert check(ABOUT, "105").reason == "accepted: 105 is within 5 of 100"
    assert check(ABOUT, "105.5").verdict == "incorrect"
    assert expected_text(ABOUT) == "100 (± 5)"


def test_numeric_blank() -> None:
    assert check(FOUNDED, "  ").reason == "no answer"


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("2,5", 2.5),
        ("-3", -3.0),
        ("1,000,000", 1e6),
        (".5", 0.5),
        ("−4", -4.0),
        ("ten", 10.0),
        ("twenty-one", 21.0),
        ("Ninety nine", 99.0),
    ],
)
def test_parse_number(typed: str, value: float) -> None:
    assert parse_number(typed) == value


@pytest.mark.parametrize("typed", ["nan", "inf", "1e5", "2,00,0", "tw0", "tenn", "", True])
def test_parse_number_rejects(typed: object) -> None:
    assert parse_number(typed) is None


# --- multiple select ----------------------------------------------------------------------------


def test_multiple_select_all_right() -> None:
    assert check(MS, ["Belarus", "Russia", "Armenia"]) == Verdict(
        "correct", 1.0, "Russia, Armenia, Belarus", ""
    )


def test_multiple_select_partial() -> None:
    v = check(MS, ["Russia", "Armenia"])
    assert v.verdict == "partial"
    assert v.score == pytest.approx(2 / 3)
    assert v.reason == "2 of 3 right"


def test_multiple_select_wrong_pick_takes_one_off() -> None:
    v = check(MS, ["Russia", "Armenia", "Belarus", "Georgia"])
    assert v.verdict == "partial"
    assert v.score == pytest.approx(2 / 3)


def test_multiple_select_floored_at_zero() -> None:
    v = check(MS, ["Russia", "Georgia", "Ukraine"])
    assert (v.verdict, v.score) == ("incorrect", 0.0)


def test_multiple_select_nothing_chosen() -> None:
    assert check(MS, []).verdict == "incorrect"


def test_multiple_select_picks_count_once() -> None:
    assert check(MS, ["Russia", "russia", "Russia"]).score == pytest.approx(1 / 3)


# --- ordering ---------------------------------------------------------------------------------


def test_ordering_right() -> None:
    assert check(ORDER, list(ORDER.answer)).verdict == "correct"
    assert expected_text(ORDER) == "1. 1992; 2. 1999; 3. 2002; 4. 2012; 5. 2022"


def test_ordering_share_of_right_positions() -> None:
    v = check(ORDER, ["1992", "1999", "2012", "2002", "2022"])
    assert v.verdict == "partial"
    assert v.score == pytest.approx(3 / 5)
    assert v.reason == "3 of 5 in the right place"


def test_ordering_one_item_moved_to_the_front_shifts_the_rest() -> None:
    v = check(ORDER, ["2022", "1992", "1999", "2002", "2012"])
    assert (v.verdict, v.score) == ("incorrect", 0.0)


# --- matching ---------------------------------------------------------------------------------


def test_matching_right() -> None:
    assert check(MATCH, {"A": "1", "B": "2", "C": "3"}).verdict == "correct"
    assert expected_text(MATCH) == "A → 1; B → 2; C → 3"


def test_matching_share_of_pairs() -> None:
    v = check(MATCH, {"A": "1", "B": "3", "C": "2"})
    assert v.verdict == "partial"
    assert v.score == pytest.approx(1 / 3)
    assert v.reason == "1 of 3 pairs right"


def test_matching_missing_pairs_count_as_wrong() -> None:
    v = check(MATCH, {"A": "1", "B": "2"})
    assert v.score == pytest.approx(2 / 3)


def test_matching_nothing_given() -> None:
    assert check(MATCH, {}).verdict == "incorrect"


def test_a_question_s_typos_overrides_the_default_tolerance() -> None:
    strict = Question("p", QuestionType.SHORT_ANSWER, "Which word?", "peace", typos=0)
    loose = Question("r", QuestionType.SHORT_ANSWER, "Which river?", "Ob", typos=1)
    default = Question("d", QuestionType.SHORT_ANSWER, "Which word?", "peace")
    assert check(default, "place").verdict == "correct"  # one letter off: forgiven by default
    wrong = check(strict, "place")
    assert (wrong.verdict, wrong.reason) == (
        "incorrect",
        "'place' is not 'peace': short answers must be spelled exactly",
    )
    assert check(strict, "Peace").verdict == "correct"
    assert check(loose, "Om").reason == "accepted: 'Om' is one letter from 'Ob'"
    choice = Question(
        "c", QuestionType.MULTIPLE_CHOICE, "Which?", "peace", choices=("peace", "war"), typos=0
    )
    assert check(choice, "peice").verdict == "incorrect"

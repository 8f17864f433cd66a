"""The whole verdict on every blank, invalid and forgiven path: label, score, expected, reason.

A learner reads all four; a label that stays "incorrect" while the score becomes 1.0
would put points above what was earned, so each is asserted here, not the label alone.
"""

from __future__ import annotations

import pytest

from quiz.bank.model import Question, QuestionType
from quiz.grading.checking import check, parse_number
from tests.helpers.verdicts import label, outcome

T = QuestionType

MOSCOW = Question("sa", T.SHORT_ANSWER, "?", "Moscow", accept=("Moskva",))
MC = Question("mc", T.MULTIPLE_CHOICE, "?", "Armenia", choices=("Armenia", "Albania", "Belarus"))
TF_TRUE = Question("tt", T.TRUE_FALSE, "?", True)
TF_FALSE = Question("tf", T.TRUE_FALSE, "?", False)
FOUNDED = Question("n", T.NUMERIC, "?", 2002.0)
ABOUT = Question("t", T.NUMERIC, "?", 100.0, tolerance=5.0, unit="km")
MS = Question(
    "ms",
    T.MULTIPLE_SELECT,
    "?",
    ("Russia", "Armenia", "Belarus"),
    choices=("Russia", "Armenia", "Belarus", "Georgia", "Ukraine"),
)
ORDER = Question("o", T.ORDERING, "?", ("1992", "1999", "2002"))
MATCH = Question("x", T.MATCHING, "?", (("A", "1"), ("B", "2"), ("C", "3")))

MS_EXPECTED = "Russia, Armenia, Belarus"
ORDER_EXPECTED = "1. 1992; 2. 1999; 3. 2002"
MATCH_EXPECTED = "A → 1; B → 2; C → 3"


# --- nothing given ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "given", "expected", "reason"),
    [
        (MOSCOW, None, "Moscow", "no answer"),
        (MOSCOW, "", "Moscow", "no answer"),
        (MOSCOW, " \t", "Moscow", "no answer"),
        (MOSCOW, "?!", "Moscow", "no answer"),  # only punctuation
        (MC, None, "Armenia", "no answer"),
        (MC, "", "Armenia", "no answer"),
        (MC, "...", "Armenia", "no answer"),
        (TF_TRUE, None, "True", "no answer"),
        (TF_FALSE, None, "False", "no answer"),
        (TF_FALSE, "maybe", "False", "no answer"),
        (FOUNDED, None, "2002", "no answer"),
        (FOUNDED, "", "2002", "no answer"),
        (FOUNDED, "   ", "2002", "no answer"),
        (MS, [], MS_EXPECTED, "nothing chosen"),
        (MS, None, MS_EXPECTED, "nothing chosen"),
        (ORDER, [], ORDER_EXPECTED, "no answer"),
        (ORDER, None, ORDER_EXPECTED, "no answer"),
        (MATCH, {}, MATCH_EXPECTED, "no answer"),
        (MATCH, None, MATCH_EXPECTED, "no answer"),
        (MATCH, ["A", "1"], MATCH_EXPECTED, "no answer"),  # not a mapping
    ],
)
def test_nothing_given_scores_zero_and_says_so(
    question: Question, given: object, expected: str, reason: str
) -> None:
    assert outcome(check(question, given)) == ("incorrect", 0.0, expected, reason)


# --- given, but not an answer -------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "given", "reason"),
    [
        (MOSCOW, "Minsk", "'Minsk' is not 'Moscow'"),
        (MOSCOW, "  Maskaw ", "'Maskaw' is not 'Moscow'"),
        (MC, "Georgia", "'Georgia' is not one of the choices"),
        (MC, "Belarus", "'Belarus' is not the answer"),
        (MC, "albanya", "read as 'Albania', which is not the answer"),
        (FOUNDED, "several", "'several' is not a number: type digits"),
        (FOUNDED, " !!! ", "'!!!' is not a number: type digits"),
        (FOUNDED, True, "'True' is not a number: type digits"),
        (FOUNDED, "2003", "'2003' is not '2002'"),
        (FOUNDED, 2001.5, "'2001.5' is not '2002'"),
    ],
)
def test_a_wrong_or_unreadable_answer_scores_zero_with_its_reason(
    question: Question, given: object, reason: str
) -> None:
    expected = {"sa": "Moscow", "mc": "Armenia", "n": "2002"}[question.id]
    assert outcome(check(question, given)) == ("incorrect", 0.0, expected, reason)


def test_text_close_to_two_choices_names_both_and_scores_zero() -> None:
    q = Question("mc2", T.MULTIPLE_CHOICE, "?", "Iceland", choices=("Iceland", "Ireland", "Italy"))
    assert outcome(check(q, " Ijeland ")) == (
        "incorrect",
        0.0,
        "Iceland",
        "'Ijeland' is close to both 'Iceland' and 'Ireland': type it exactly or its number",
    )


def test_a_choice_is_read_exactly_before_normalising() -> None:
    # "C#" normalises to "c": only the exact text tells the two apart.
    q = Question("lang", T.MULTIPLE_CHOICE, "?", "C#", choices=("C", "C#"))
    assert outcome(check(q, "C#")) == ("correct", 1.0, "C#", "")
    assert outcome(check(q, "C")) == ("incorrect", 0.0, "C#", "'C' is not the answer")


# --- forgiven: full marks, and the reason says what was forgiven ----------------------------


@pytest.mark.parametrize(
    ("question", "given", "expected", "reason"),
    [
        (MOSCOW, "moskva", "Moscow", "accepted: matches the alternative 'Moskva'"),
        (MOSCOW, "Moskow", "Moscow", "accepted: 'Moskow' is one letter from 'Moscow'"),
        (MOSCOW, "Moskvaa", "Moscow", "accepted: 'Moskvaa' is one letter from 'Moskva'"),
        (MC, " Armenya", "Armenia", "accepted: 'Armenya' is one letter from 'Armenia'"),
        (ABOUT, "105", "100 (± 5) km", "accepted: 105 is within 5 of 100"),
        (ABOUT, "95 km", "100 (± 5) km", "accepted: 95 is within 5 of 100"),
        (ABOUT, 100, "100 (± 5) km", ""),
    ],
)
def test_a_forgiven_answer_scores_one_and_says_why(
    question: Question, given: object, expected: str, reason: str
) -> None:
    assert outcome(check(question, given)) == ("correct", 1.0, expected, reason)


def test_just_outside_the_tolerance_scores_zero() -> None:
    assert outcome(check(ABOUT, "105.5")) == (
        "incorrect",
        0.0,
        "100 (± 5) km",
        "'105.5' is not '100'",
    )
    assert outcome(check(ABOUT, "94.9")) == (
        "incorrect",
        0.0,
        "100 (± 5) km",
        "'94.9' is not '100'",
    )


def test_a_typo_within_reach_of_the_answer_and_an_alternative() -> None:
    # "Moscov" is one letter from both "Moscow" and "Moscou": the earlier form is named.
    tie = Question("sa", T.SHORT_ANSWER, "?", "Moscow", accept=("Moscou",))
    assert outcome(check(tie, "Moscov")) == (
        "correct",
        1.0,
        "Moscow",
        "accepted: 'Moscov' is one letter from 'Moscow'",
    )
    # "Kazakstann" is two letters from the answer, one from the alternative: the nearer wins.
    nearer = Question("sa", T.SHORT_ANSWER, "?", "Kazakhstan", accept=("Kazakstan",))
    assert outcome(check(nearer, "Kazakstann")) == (
        "correct",
        1.0,
        "Kazakhstan",
        "accepted: 'Kazakstann' is one letter from 'Kazakstan'",
    )


# --- true/false, including statements that are false ----------------------------------------


@pytest.mark.parametrize(
    ("question", "given", "result"),
    [
        (TF_TRUE, True, ("correct", 1.0, "True", "")),
        (TF_TRUE, "yes", ("correct", 1.0, "True", "")),
        (TF_TRUE, False, ("incorrect", 0.0, "True", "")),
        (TF_TRUE, "f", ("incorrect", 0.0, "True", "")),
        (TF_FALSE, False, ("correct", 1.0, "False", "")),
        (TF_FALSE, " No ", ("correct", 1.0, "False", "")),
        (TF_FALSE, "false", ("correct", 1.0, "False", "")),
        (TF_FALSE, True, ("incorrect", 0.0, "False", "")),
        (TF_FALSE, "T", ("incorrect", 0.0, "False", "")),
    ],
)
def test_true_false_either_way(question: Question, given: object, result: tuple) -> None:
    assert outcome(check(question, given)) == result


# --- partial credit -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "result"),
    [
        (["Belarus", "russia", "Armenia"], ("correct", 1.0, MS_EXPECTED, "")),
        (["Russia", "Armenia"], ("partial", 2 / 3, MS_EXPECTED, "2 of 3 right")),
        (
            ["Russia", "Armenia", "Georgia"],
            ("partial", 1 / 3, MS_EXPECTED, "2 of 3 right, 1 wrong pick (each takes one off)"),
        ),
        (
            ["Russia", "Armenia", "Belarus", "Ukraine"],
            ("partial", 2 / 3, MS_EXPECTED, "3 of 3 right, 1 wrong pick (each takes one off)"),
        ),
        (
            ["Russia", "Georgia"],
            ("incorrect", 0.0, MS_EXPECTED, "1 of 3 right, 1 wrong pick (each takes one off)"),
        ),
        (
            ["Georgia", "Ukraine", "Mars"],
            ("incorrect", 0.0, MS_EXPECTED, "0 of 3 right, 3 wrong picks (each takes one off)"),
        ),
    ],
)
def test_multiple_select_scores(given: list[str], result: tuple) -> None:
    assert outcome(check(MS, given)) == pytest.approx(result)


@pytest.mark.parametrize(
    ("given", "result"),
    [
        (["1992", "1999", "2002"], ("correct", 1.0, ORDER_EXPECTED, "")),
        (
            [" 1992", "2002", "1999"],
            ("partial", 1 / 3, ORDER_EXPECTED, "1 of 3 in the right place"),
        ),
        (["2002", "1992", "1999"], ("incorrect", 0.0, ORDER_EXPECTED, "0 of 3 in the right place")),
        (["1992", "1999"], ("partial", 2 / 3, ORDER_EXPECTED, "2 of 3 in the right place")),
    ],
)
def test_ordering_scores(given: list[str], result: tuple) -> None:
    assert outcome(check(ORDER, given)) == pytest.approx(result)


@pytest.mark.parametrize(
    ("given", "result"),
    [
        ({"a": "1", "B": " 2", "C": "3"}, ("correct", 1.0, MATCH_EXPECTED, "")),
        ({"A": "1", "B": "3", "C": "2"}, ("partial", 1 / 3, MATCH_EXPECTED, "1 of 3 pairs right")),
        ({"A": "2", "B": "3", "C": "1"}, ("incorrect", 0.0, MATCH_EXPECTED, "0 of 3 pairs right")),
        ({"A": "1", "Z": "2"}, ("partial", 1 / 3, MATCH_EXPECTED, "1 of 3 pairs right")),
    ],
)
def test_matching_scores(given: dict[str, str], result: tuple) -> None:
    assert outcome(check(MATCH, given)) == pytest.approx(result)


# --- why a near miss is not forgiven ------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "typed", "why"),
    [
        ("Riga", "Rgia", "short answers must be spelled exactly"),  # two letters off
        ("2002", "2030", "numbers must be exact"),
        ("2002", "2002s", "numbers must be exact"),  # the answer is a number
        ("5th", "5", "numbers must be exact"),  # the typed text is a number
        ("10000", "10000s", "numbers must be exact"),  # within typo reach of a number
        ("2002s", "2002", "numbers must be exact"),  # a number within typo reach of text
        ("Treaty of 1992", "Treaty of 1993", "numbers must be exact"),  # a number inside
    ],
)
def test_a_near_miss_says_which_rule_refused_it(answer: str, typed: str, why: str) -> None:
    q = Question("q", T.SHORT_ANSWER, "?", answer)
    assert outcome(check(q, typed)) == (
        "incorrect",
        0.0,
        answer,
        f"'{typed}' is not '{answer}': {why}",
    )


def test_text_close_to_three_choices_names_the_first_two() -> None:
    q = Question("mc3", T.MULTIPLE_CHOICE, "?", "Malta", choices=("Malta", "Malte", "Malto"))
    assert outcome(check(q, "Malty")) == (
        "incorrect",
        0.0,
        "Malta",
        "'Malty' is close to both 'Malta' and 'Malte': type it exactly or its number",
    )


# --- numbers ------------------------------------------------------------------------------


@pytest.mark.parametrize("given", [float("inf"), float("-inf"), float("nan")])
def test_an_infinite_number_is_not_a_number(given: float) -> None:
    reason = f"'{given}' is not a number: type digits"
    assert outcome(check(FOUNDED, given)) == ("incorrect", 0.0, "2002", reason)


@pytest.mark.parametrize(
    ("answer", "given"), [(0.3, 0.1 + 0.2), (2002.0, 2002.0000000001), (1e12, 1e12 + 0.0001)]
)
def test_float_rounding_is_an_exact_answer_with_nothing_to_forgive(
    answer: float, given: float
) -> None:
    q = Question("n", T.NUMERIC, "?", answer)
    assert label(check(q, given)) == "correct"
    assert check(q, given).reason == ""


def test_more_than_rounding_is_not_exact() -> None:
    assert outcome(check(FOUNDED, 2002.001)) == (
        "incorrect",
        0.0,
        "2002",
        "'2002.001' is not '2002'",
    )


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("2_002", 2002.0),
        ("2'002", 2002.0),
        ("zero", 0.0),
        ("nineteen", 19.0),
        ("twenty", 20.0),
        ("thirty", 30.0),
        ("sixty-five", 65.0),
        ("6 STATES", 6.0),
    ],
)
def test_more_ways_to_type_a_number(typed: str, value: float) -> None:
    assert parse_number(typed, "states") == value


def test_a_unit_is_only_dropped_when_it_is_the_questions() -> None:
    assert parse_number("6 states") is None
    assert parse_number("6 km", "states") is None


# --- exact text first, for every type that reads picks --------------------------------------


def test_picks_are_read_exactly_before_normalising() -> None:
    ms = Question("ms", T.MULTIPLE_SELECT, "?", ("C#",), choices=("C", "C#", "Go"))
    assert outcome(check(ms, ["C#"])) == ("correct", 1.0, "C#", "")
    order = Question("o", T.ORDERING, "?", ("C", "C#"))
    assert outcome(check(order, ["C", "C#"])) == ("correct", 1.0, "1. C; 2. C#", "")
    match = Question("x", T.MATCHING, "?", (("C", "1"), ("C#", "2")))
    assert outcome(check(match, {"C": "1", "C#": "2"})) == ("correct", 1.0, "C → 1; C# → 2", "")


UNIT_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEEN_WORDS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen"]
TEEN_WORDS += ["seventeen", "eighteen", "nineteen"]
TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
COUNT_WORDS = [*enumerate(UNIT_WORDS + TEEN_WORDS), *((20 + 10 * i, w) for i, w in enumerate(TENS))]


@pytest.mark.parametrize(("n", "word"), COUNT_WORDS)
def test_every_count_word(n: int, word: str) -> None:
    assert parse_number(word) == n
    assert parse_number(word.upper()) == n


@pytest.mark.parametrize(
    ("text", "n"), [("twenty-one", 21), ("thirty nine", 39), ("Ninety-Nine", 99)]
)
def test_counts_of_two_words(text: str, n: int) -> None:
    assert parse_number(text) == n


@pytest.mark.parametrize(
    ("question", "typed", "right"),
    [
        (TF_TRUE, "y", True),
        (TF_TRUE, "t", True),
        (TF_TRUE, "TRUE", True),
        (TF_TRUE, "n", False),
        (TF_FALSE, "n", True),
        (TF_FALSE, "f", True),
        (TF_FALSE, "no.", True),
        (TF_FALSE, "yes", False),
    ],
)
def test_every_true_false_word(question: Question, typed: str, right: bool) -> None:
    assert label(check(question, typed)) == ("correct" if right else "incorrect")


def test_a_miss_three_letters_off_names_no_rule() -> None:
    q = Question("q", T.SHORT_ANSWER, "?", "Riga")
    assert outcome(check(q, "Rome")) == ("incorrect", 0.0, "Riga", "'Rome' is not 'Riga'")


def test_the_rounding_slack_is_a_hair_not_a_tolerance() -> None:
    half = Question("n", T.NUMERIC, "?", 0.5)
    assert label(check(half, 0.5 + 0.5e-9)) == "correct"
    assert outcome(check(half, 0.5 + 1.5e-9)) == (
        "incorrect",
        0.0,
        "0.5",
        "'0.5000000015' is not '0.5'",
    )


def test_every_unknown_pick_takes_one_off() -> None:
    assert outcome(check(MS, ["Russia", "Mars", "Venus"])) == (
        "incorrect",
        0.0,
        MS_EXPECTED,
        "1 of 3 right, 2 wrong picks (each takes one off)",
    )


# --- boundaries: the slack and the tolerance are inclusive ----------------------------------


def test_a_difference_of_exactly_the_slack_is_still_exact() -> None:
    zero = Question("n", T.NUMERIC, "?", 0.0)
    assert outcome(check(zero, 1e-9)) == ("correct", 1.0, "0", "")


def test_the_edge_of_the_tolerance_and_its_slack_is_inside() -> None:
    near_zero = Question("n", T.NUMERIC, "?", 0.0, tolerance=0.5)
    assert outcome(check(near_zero, 0.5 + 1e-9)) == (
        "correct",
        1.0,
        "0 (± 0.5)",
        "accepted: 0.500000001 is within 0.5 of 0",
    )


def test_a_question_may_forgive_more_than_two_letters() -> None:
    loose = Question("sa", T.SHORT_ANSWER, "?", "Kyrgyzstan", typos=3)
    assert outcome(check(loose, "Kirgizstun")) == (
        "correct",
        1.0,
        "Kyrgyzstan",
        "accepted: 'Kirgizstun' is 3 letters from 'Kyrgyzstan'",
    )

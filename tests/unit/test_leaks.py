"""Which questions give away another's answer, and the word rules behind it."""

from __future__ import annotations

import pytest

from quiz.bank.model import Question, QuestionType
from quiz.grading.leaks import (
    Leak,
    answer_forms,
    answer_key,
    contains,
    content_words,
    leaks,
    self_leak,
    shown_units,
    tokens,
)

T = QuestionType


def sa(qid: str, prompt: str, answer: str, *accept: str) -> Question:
    return Question(qid, T.SHORT_ANSWER, prompt, answer, accept=accept)


@pytest.mark.parametrize(
    ("question", "forms"),
    [
        (sa("s", "?", "Moscow", "Moskva", "Moskau"), ("Moscow", "Moskva", "Moskau")),
        (Question("c", T.MULTIPLE_CHOICE, "?", "Minsk", choices=("Minsk", "Riga")), ("Minsk",)),
        (Question("n", T.NUMERIC, "?", 6.0), ("6", "six")),
        (Question("n", T.NUMERIC, "?", 20.0), ("20", "twenty")),
        (Question("n", T.NUMERIC, "?", 21.0), ("21",)),  # a name of two words is not looked for
        (Question("n", T.NUMERIC, "?", 2.5), ("2.5",)),
        (Question("t", T.TRUE_FALSE, "?", True), ()),
        (Question("o", T.ORDERING, "?", ("a", "b")), ()),
        (Question("m", T.MULTIPLE_SELECT, "?", ("a",), choices=("a", "b")), ()),
        (Question("x", T.MATCHING, "?", (("a", "1"), ("b", "2"))), ()),
    ],
)
def test_the_answer_forms_of_each_type(question: Question, forms: tuple[str, ...]) -> None:
    assert answer_forms(question) == forms


@pytest.mark.parametrize(
    ("question", "units"),
    [
        (sa("s", "Capital?", "Moscow"), [("prompt", "Capital?")]),
        (
            Question("c", T.MULTIPLE_CHOICE, "Pick", "Minsk", choices=("Minsk", "Riga")),
            [("prompt", "Pick"), ("choices", "Minsk"), ("choices", "Riga")],
        ),
        (
            Question("m", T.MULTIPLE_SELECT, "Pick", ("a",), choices=("a", "b")),
            [("prompt", "Pick"), ("choices", "a"), ("choices", "b")],
        ),
        (
            Question("o", T.ORDERING, "Order", ("1992", "2002")),
            [("prompt", "Order"), ("choices", "1992"), ("choices", "2002")],
        ),
        (
            Question("x", T.MATCHING, "Match", (("Armenia", "Yerevan"), ("Belarus", "Minsk"))),
            [
                ("prompt", "Match"),
                ("choices", "Armenia"),
                ("choices", "Yerevan"),
                ("choices", "Belarus"),
                ("choices", "Minsk"),
            ],
        ),
        (Question("t", T.TRUE_FALSE, "Is it?", True), [("prompt", "Is it?")]),
    ],
)
def test_what_a_learner_reads_before_answering(question: Question, units: list) -> None:
    assert shown_units(question) == units


def test_words_are_compared_folded_and_without_marks() -> None:
    assert tokens("Éire's CAFÉ!") == ["eire", "s", "cafe"]
    assert tokens("Hello, World") == ["hello", "world"]
    assert answer_key("The Uzbeks") == "uzbeks"
    assert answer_key("An  Arc") == "arc"
    assert answer_key("The") == "the"  # a lone article is the answer itself


@pytest.mark.parametrize(
    ("text", "phrase", "found"),
    [
        ("Who founded Rome?", "rome", True),
        ("Romeo and Juliet", "Rome", False),
        ("The Uzbeks voted", "the Uzbeks", True),
        ("Uzbek votes", "Uzbeks", False),
        ("Anything", "?!", False),
        ("In Yerevan, Armenia", "Yerevan Armenia", True),
    ],
)
def test_contains_whole_words_only(text: str, phrase: str, found: bool) -> None:
    assert contains(text, phrase) is found


def test_content_words_drop_stopwords_and_short_words_and_are_stemmed() -> None:
    assert content_words("The treaties signed in 1992 were ratified by singing cats on a bus") == {
        "treati",
        "sign",
        "1992",
        "ratifi",
        "sing",  # too short to lose "ing"
        "cat",
        "bus",  # too short to lose "s"
    }


def test_a_prompt_that_holds_its_own_answer() -> None:
    assert self_leak(sa("s", "Was Moskva the capital?", "Moscow", "Moskva")) == "Moskva"
    assert self_leak(sa("s", "Which is the capital?", "Moscow", "Moskva")) is None
    assert self_leak(Question("n", T.NUMERIC, "The six states are how many?", 6.0)) == "six"


CAPITAL = sa("cap", "Which city is the capital of Armenia?", "Yerevan")
COUNTRY = sa("cty", "Yerevan is the capital of which country?", "Armenia")
FOUNDERS = Question("n", T.NUMERIC, "How many founding states signed the treaty?", 6.0)
SIGNING = sa("sgn", "Where did the six founding states sign it?", "Tashkent")
ROLL = Question(
    "mc",
    T.MULTIPLE_CHOICE,
    "Which is right?",
    "Minsk is in Belarus",
    choices=("Minsk is in Belarus", "Yerevan, capital of Armenia"),
)


def test_leaks_by_prompt_and_by_choice_ordered_by_taker() -> None:
    assert leaks([CAPITAL, COUNTRY, FOUNDERS, SIGNING, ROLL]) == [
        Leak(giver=1, taker=0, answer="Yerevan", field="prompt"),
        Leak(giver=4, taker=0, answer="Yerevan", field="choices"),
        Leak(giver=0, taker=1, answer="Armenia", field="prompt"),
        Leak(giver=4, taker=1, answer="Armenia", field="choices"),
        Leak(giver=3, taker=2, answer="six", field="prompt"),
    ]


def test_a_question_never_leaks_to_itself_nor_without_a_shared_subject() -> None:
    own = sa("own", "Is Yerevan the capital of Armenia?", "Yerevan")
    unrelated = sa("far", "Which river flows through Yerevan?", "Hrazdan")
    assert leaks([own]) == []
    assert leaks([unrelated, sa("cap", "What is the capital of Armenia?", "Yerevan")]) == []


def test_a_word_in_more_than_a_quarter_of_a_big_banks_prompts_is_its_theme() -> None:
    filler = [sa(f"f{n}", f"CSTO fact number {n}?", f"fact {n}") for n in range(18)]
    taker = sa("t", "Where is the CSTO seated?", "Moscow")
    giver = sa("g", "What does the CSTO do in Moscow?", "defence")
    assert leaks([taker, giver]) == [Leak(1, 0, "Moscow", "prompt")]  # a small bank: no theme
    assert leaks([taker, giver, *filler]) == []  # "csto" is in every prompt
    # A word in a quarter of the prompts or fewer still ties two questions together.
    others = [sa(f"o{n}", f"Other thing {n}?", f"thing {n}") for n in range(18)]
    few = [*filler[:3], *others[:15]]
    assert leaks([taker, giver, *few]) == [Leak(1, 0, "Moscow", "prompt")]


def test_answers_that_start_alike_are_each_looked_for() -> None:
    # "Red Army" and "Red Square Parade" both start with "red": a giver that shows the
    # longer one is found although the shorter one is not there.
    parade = sa("p", "Which parade is held in Moscow each May?", "Red Square Parade")
    army = sa("a", "Which force won at Kursk?", "Red Army")
    giver = sa("g", "Who marches in the Red Square Parade held in Moscow?", "soldiers")
    assert leaks([parade, army, giver]) == [Leak(2, 0, "Red Square Parade", "prompt")]

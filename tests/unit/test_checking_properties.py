"""Properties: a right answer is right however it is cased or spaced."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.bank.model import Question, QuestionType
from quiz.grading.checking import check
from quiz.common.textnorm import normalize
from quiz.study.session import Session, SessionOptions
from tests.helpers.engine_banks import every_type_bank, numbered_bank

ANSWERS = st.text(
    alphabet=st.characters(categories=("L", "N"), exclude_characters="ǅǈǋǲ"),
    min_size=1,
    max_size=20,
)
SPACES = st.text(alphabet=" \t", max_size=3)


def recase(text: str, flips: list[bool]) -> str:
    flips = flips + [False] * len(text)
    return "".join(ch.upper() if flips[i] else ch.lower() for i, ch in enumerate(text))


def respace(words: list[str], gaps: list[str]) -> str:
    """Words joined by at least one space each, with extra blanks around."""
    out = gaps[0] if gaps else ""
    for i, word in enumerate(words):
        out += word + " " + (gaps[i + 1] if i + 1 < len(gaps) else "")
    return out


@settings(max_examples=300)
@given(
    words=st.lists(ANSWERS, min_size=1, max_size=4),
    accept=st.lists(st.lists(ANSWERS, min_size=1, max_size=3), max_size=3),
    pick=st.integers(min_value=0),
    flips=st.lists(st.booleans(), max_size=80),
    gaps=st.lists(SPACES, max_size=6),
)
def test_canonical_or_accepted_answer_is_always_correct(
    words: list[str], accept: list[list[str]], pick: int, flips: list[bool], gaps: list[str]
) -> None:
    forms = [words, *accept]
    question = Question(
        "q",
        QuestionType.SHORT_ANSWER,
        "?",
        " ".join(words),
        accept=tuple(" ".join(f) for f in accept),
    )
    chosen = forms[pick % len(forms)]
    typed = recase(respace(chosen, gaps), flips)
    assert check(question, typed).verdict == "correct"


@settings(max_examples=200)
@given(
    choices=st.lists(ANSWERS, min_size=2, max_size=5, unique_by=normalize),
    pick=st.integers(min_value=0),
    flips=st.lists(st.booleans(), max_size=30),
    gaps=st.lists(SPACES, max_size=2),
)
def test_a_choice_typed_in_any_case_is_that_choice(
    choices: list[str], pick: int, flips: list[bool], gaps: list[str]
) -> None:
    answer = choices[pick % len(choices)]
    question = Question("q", QuestionType.MULTIPLE_CHOICE, "?", answer, choices=tuple(choices))
    typed = recase(respace([answer], gaps), flips)
    assert check(question, typed).verdict == "correct"


@settings(max_examples=50, deadline=None)
@given(
    seed=st.text(max_size=12),
    mode=st.sampled_from(["practice", "drill", "exam"]),
    count=st.none() | st.integers(min_value=1, max_value=40),
)
def test_sessions_are_deterministic_for_a_seed(seed: str, mode: str, count: int | None) -> None:
    banks = [numbered_bank(), every_type_bank()]
    options = SessionOptions(mode=mode, seed=seed, count=count)

    def shown(session: Session) -> list[tuple[str, str, tuple[str, ...], tuple[str, ...]]]:
        return [(a.bank_id, a.question.id, a.options, a.lefts) for a in session.questions]

    assert shown(Session(banks, options)) == shown(Session(banks, options))

"""The bank model: each answer in its type's shape, where fields are written, and the hashes
that tell progress a question changed."""

from __future__ import annotations

from dataclasses import replace

import pytest

from quiz.bank.model import Bank, Question, QuestionType

T = QuestionType


def make(qtype: QuestionType, answer: object, **kw: object) -> Question:
    return Question(id="q", type=qtype, prompt="P?", answer=answer, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("question", "accessor", "value"),
    [
        (make(T.MATCHING, (("a", "1"), ("b", "2"))), "pairs", (("a", "1"), ("b", "2"))),
        (make(T.MATCHING, [["a", "1"], ["b", "2"]]), "pairs", (("a", "1"), ("b", "2"))),
        (make(T.MULTIPLE_SELECT, ("x", "z")), "items", ("x", "z")),
        (make(T.ORDERING, ["one", "two"]), "items", ("one", "two")),
        (make(T.NUMERIC, 3), "number", 3.0),
        (make(T.NUMERIC, 2.5), "number", 2.5),
        (make(T.TRUE_FALSE, False), "truth", False),
        (make(T.MULTIPLE_CHOICE, "NO"), "text", "NO"),
        (make(T.SHORT_ANSWER, "Moscow"), "text", "Moscow"),
    ],
)
def test_each_type_gives_its_answer_in_its_shape(
    question: Question, accessor: str, value: object
) -> None:
    got = getattr(question, accessor)
    assert got == value
    assert type(got) is type(value)


@pytest.mark.parametrize(
    ("question", "accessor", "message"),
    [
        (make(T.ORDERING, ("a", "b")), "pairs", "a ordering question has no pairs"),
        (make(T.MATCHING, (("a", "1", "x"),)), "pairs", "a matching question has no pairs"),
        (make(T.MATCHING, "a"), "pairs", "a matching question has no pairs"),
        (make(T.MATCHING, (("a", 1),)), "pairs", "a matching question has no pairs"),
        (make(T.MATCHING, (("a", "1"),)), "items", "a matching question has no answer items"),
        (make(T.ORDERING, ("a", 2)), "items", "a ordering question has no answer items"),
        (make(T.SHORT_ANSWER, "ab"), "items", "a short_answer question has no answer items"),
        (make(T.SHORT_ANSWER, "3"), "number", "a short_answer question has no numeric answer"),
        (make(T.NUMERIC, "3"), "number", "a numeric question has no numeric answer"),
        (make(T.NUMERIC, 1), "truth", "a numeric question has no true/false answer"),
        (make(T.TRUE_FALSE, 1), "truth", "a true_false question has no true/false answer"),
        (make(T.TRUE_FALSE, True), "text", "a true_false question has no text answer"),
        (make(T.SHORT_ANSWER, ("a",)), "text", "a short_answer question has no text answer"),
        (make(T.ORDERING, ("a", "b")), "text", "a ordering question has no text answer"),
    ],
)
def test_asking_for_another_types_answer_is_a_type_error(
    question: Question, accessor: str, message: str
) -> None:
    with pytest.raises(TypeError) as caught:
        getattr(question, accessor)
    assert str(caught.value) == message


def test_a_field_is_found_where_it_is_written_else_at_the_question() -> None:
    question = make(T.TRUE_FALSE, True, line=4, column=5, spots=(("id", 4, 7), ("answer", 7, 5)))
    assert question.spot("answer") == (7, 5)
    assert question.spot("id") == (4, 7)
    assert question.spot("note") == (4, 5)


# Progress keeps these hashes: a change in how they are made marks every question changed.
GOLDEN = make(T.MULTIPLE_CHOICE, "b", choices=("a", "b"))


def test_the_content_hash_is_stable() -> None:
    assert GOLDEN.content_hash == "11615181f782730d"
    assert replace(GOLDEN, typos=1).content_hash == "a384eb83ef577346"
    assert Bank(id="b", title="B", questions=(GOLDEN,)).content_hash == (
        "c0e394099a9c623e9f193e27464600d06bb4849d00e4868b6cb591a2c167bcc3"
    )


@pytest.mark.parametrize(
    ("change", "changes_the_hash"),
    [
        ({"type": T.SHORT_ANSWER}, True),
        ({"prompt": "P2?"}, True),
        ({"answer": "a"}, True),
        ({"choices": ("a", "b", "c")}, True),
        ({"accept": ("bee",)}, True),
        ({"tolerance": 0.5}, True),
        ({"unit": "km"}, True),
        ({"typos": 0}, True),
        ({"explanation": "Because."}, False),
        ({"source": "A quote."}, False),
        ({"topic": "T"}, False),
        ({"difficulty": 3}, False),
        ({"tags": ("t",)}, False),
        ({"note": "N"}, False),
        ({"line": 9, "column": 2, "spots": (("id", 9, 4),)}, False),
    ],
)
def test_the_content_hash_follows_what_a_learner_sees_or_is_graded_on(
    change: dict[str, object], changes_the_hash: bool
) -> None:
    changed = replace(GOLDEN, **change)  # type: ignore[arg-type]
    assert (changed.content_hash != GOLDEN.content_hash) is changes_the_hash


def test_a_bank_hash_follows_its_questions_ids_and_order() -> None:
    other = replace(GOLDEN, id="r")
    both = Bank(id="b", title="B", questions=(GOLDEN, other)).content_hash
    assert both != Bank(id="b", title="B", questions=(other, GOLDEN)).content_hash
    assert both != Bank(id="c", title="B", questions=(GOLDEN, other)).content_hash
    assert both != Bank(id="b", title="B", questions=(GOLDEN, replace(other, id="s"))).content_hash
    assert both == Bank(id="b", title="Other", questions=(GOLDEN, other)).content_hash


def test_a_bank_finds_its_questions_and_lists_its_topics_once() -> None:
    questions = (
        replace(GOLDEN, id="a", topic="Members"),
        replace(GOLDEN, id="b", topic=""),
        replace(GOLDEN, id="c", topic="Dates"),
        replace(GOLDEN, id="d", topic="Members"),
    )
    bank = Bank(id="b", title="B", questions=questions)
    assert bank.topics == ("Members", "Dates")
    assert bank.question("c") is questions[2]
    assert bank.question("zz") is None

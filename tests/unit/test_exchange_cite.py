"""Citing on import: a verbatim passage that contains the answer, or nothing."""

from __future__ import annotations

from quiz.bank.model import Question
from quiz.bank.model import QuestionType as T
from quiz.bank.quotes import find_quote
from quiz.exchange.cite import Citer, sentences

DOC = """The Cape Wren lighthouse

The lighthouse at Cape Wren was built in 1871. Its first keeper was Ada Morrow,
who kept the light for thirty years. The lamp burns paraffin.

The light can be seen from 18 nautical miles away. Fog is common in spring.
"""


def q(qtype: T, prompt: str, answer, **fields) -> Question:
    return Question(id="x", type=qtype, prompt=prompt, answer=answer, **fields)


def test_sentences_keep_the_documents_words() -> None:
    assert sentences(DOC)[:3] == [
        "The Cape Wren lighthouse",
        "The lighthouse at Cape Wren was built in 1871.",
        "Its first keeper was Ada Morrow,\nwho kept the light for thirty years.",
    ]


def test_the_passage_contains_the_answer_and_is_found_verbatim() -> None:
    citer = Citer(DOC)
    built = citer.passage(q(T.NUMERIC, "When was the lighthouse built?", 1871.0))
    assert built == "The lighthouse at Cape Wren was built in 1871."
    keeper = citer.passage(q(T.SHORT_ANSWER, "Who was the first keeper?", "Ada Morrow"))
    assert keeper == "Its first keeper was Ada Morrow, who kept the light for thirty years."
    assert find_quote(DOC, keeper)
    choice = q(
        T.MULTIPLE_CHOICE, "What does the lamp burn?", "paraffin", choices=("oil", "paraffin")
    )
    assert citer.passage(choice) == "The lamp burns paraffin."
    claim = citer.passage(q(T.TRUE_FALSE, "The light can be seen from 18 nautical miles.", True))
    assert claim is not None and claim.startswith("The light can be seen from 18 nautical miles")


def test_no_supporting_passage_means_no_quote() -> None:
    citer = Citer(DOC)
    assert citer.passage(q(T.SHORT_ANSWER, "Who painted the tower?", "Rembrandt")) is None
    assert citer.cite(q(T.NUMERIC, "How tall is the tower?", 42.0)) is None

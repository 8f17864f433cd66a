"""Drafted banks as a teacher reads them: grounded, fair choices, no answer in its own prompt."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quiz.bank.coverage import coverage
from quiz.bank.model import Bank, Question, QuestionType
from quiz.bank.quotes import find_quote, normalise_for_quote
from quiz.drafting.gazetteer import CITIES, COUNTRIES
from tests.helpers.drafts import ALL_DOCUMENTS, load_draft

NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "hundred": 100, "nineteen": 19,
}  # fmt: skip
PRONOUN_START = re.compile(r"^(It|Its|They|Their|He|His|She|Her|This|These)\b")
YEAR = re.compile(r"^\d{4}$")
INSTRUCTION = re.compile(r"(Fill in the [\w ]+?|Choose [^:(]+?|True or false)( \([^)]*\))?: (.*)")


@pytest.fixture(scope="module", params=ALL_DOCUMENTS, ids=lambda p: p.name)
def drafted(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    document: Path = request.param
    return load_draft(document, tmp_path_factory.mktemp(document.stem))


def _norm(text: str) -> str:
    return normalise_for_quote(text).casefold()


def _in(needle: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(_norm(needle))}(?!\w)", _norm(text)) is not None


def _shows(text: str, answer: str) -> bool:
    """`answer` in `text`, in its singular or plural too ("Nobel Prize" shows "Nobel Prizes")."""
    stem = answer[:-1] if answer.endswith("s") and len(answer) > 3 else answer
    return any(_in(form, text) for form in {answer, stem, stem + "s", stem + "es"})


def _numbers_in(text: str) -> set[float]:
    found = {float(n.replace(",", "")) for n in re.findall(r"\d[\d,]*(?:\.\d+)?", text)}
    found |= {float(v) for w, v in NUMBER_WORDS.items() if _in(w, text)}
    return found


def _statement(prompt: str) -> str:
    found = INSTRUCTION.search(prompt)
    assert found is not None
    return found.group(3)


def test_the_draft_is_a_valid_bank_whose_quotes_are_in_the_document(drafted) -> None:
    _, bank = drafted
    assert bank.questions
    assert all(q.source for q in bank.questions)
    assert all(find_quote(bank.source.text, q.source) for q in bank.questions)


def test_every_answer_stands_in_its_quote(drafted) -> None:
    _, bank = drafted
    for q in bank.questions:
        if q.type in (QuestionType.SHORT_ANSWER, QuestionType.MULTIPLE_CHOICE):
            assert _in(str(q.answer), q.source), q.id
        elif q.type is QuestionType.MULTIPLE_SELECT:
            assert all(_in(a, q.source) for a in q.answer), q.id
        elif q.type is QuestionType.NUMERIC:
            assert q.answer in _numbers_in(q.source), q.id
        elif q.type is QuestionType.TRUE_FALSE:
            statement = _statement(q.prompt)
            # A true statement is the quote's own sentence; a false one is found nowhere.
            assert find_quote(q.source, statement) is q.answer, q.id
            assert q.answer or not find_quote(bank.source.text, statement), q.id
        elif q.type is QuestionType.MATCHING:
            assert all(_in(year, q.source) for _, year in q.pairs), q.id
        elif q.type is QuestionType.ORDERING:
            years = [int(y) for y in re.findall(r"\b\d{4}\b", q.source)]
            assert len(years) == len(q.answer), q.id


def _kind(text: str) -> str:
    if YEAR.match(text):
        return "year"
    if text in COUNTRIES:
        return "country"
    if text in CITIES:
        return "city"
    return "other"


def test_choices_are_of_the_answers_kind(drafted) -> None:
    _, bank = drafted
    for q in bank.questions:
        if q.type not in (QuestionType.MULTIPLE_CHOICE, QuestionType.MULTIPLE_SELECT):
            continue
        answers = [q.answer] if isinstance(q.answer, str) else list(q.answer)
        kinds = {_kind(a) for a in answers}
        assert len(kinds) == 1, q.id
        if kinds != {"other"}:
            assert {_kind(c) for c in q.choices} == kinds, (q.id, q.choices)
        assert len(q.choices) - len(answers) >= (2 if len(answers) == 1 else 1), q.id
        # No wrong choice is part of the answer or the other way round ("Iron Gate(s)").
        wrong = [c for c in q.choices if c not in answers]
        assert not any(_shows(w, a) or _shows(a, w) for w in wrong for a in answers), q.id


def _shown(q: Question) -> list[str]:
    if q.type in (QuestionType.SHORT_ANSWER, QuestionType.MULTIPLE_CHOICE):
        return [str(q.answer), *q.accept]
    if q.type is QuestionType.MULTIPLE_SELECT:
        return list(q.answer)
    if q.type is QuestionType.NUMERIC:
        return [str(int(q.answer)) if q.answer == int(q.answer) else str(q.answer)]
    if q.type is QuestionType.MATCHING:
        return [year for _, year in q.pairs]
    return []


def test_no_question_gives_its_answer_away_in_its_prompt(drafted) -> None:
    _, bank = drafted
    for q in bank.questions:
        for answer in _shown(q):
            assert not _shows(q.prompt, answer), (q.id, answer)
        if q.type is QuestionType.ORDERING:
            assert not re.search(r"\b\d{4}\b", " ".join(q.answer)), q.id
        if q.type is QuestionType.MATCHING:
            assert not any(re.search(r"\b\d{4}\b", left) for left, _ in q.pairs), q.id


def test_a_blank_is_never_about_nothing(drafted) -> None:
    _, bank = drafted
    for q in bank.questions:
        if "____" not in q.prompt and q.type is not QuestionType.TRUE_FALSE:
            continue
        found = INSTRUCTION.search(q.prompt)
        assert found, q.id
        lead, label, body = q.prompt[: found.start()], found.group(2), found.group(3)
        # "It was formed in ____." must come with what "It" is: the sentence before it
        # in the prompt, or the topic it belongs to in brackets.
        if PRONOUN_START.match(body):
            assert lead.strip() or label, q.id
        assert len(body.replace("____", "").split()) >= 3, q.id


def test_enough_questions_and_types_and_coverage(drafted) -> None:
    result, bank = drafted
    assert len(bank.questions) >= 0.8 * result.fact_sentences
    assert len({q.type for q in bank.questions}) >= 5
    assert coverage(bank).share >= 0.8


def test_years_are_numeric_without_tolerance(drafted) -> None:
    _, bank = drafted
    years = [q for q in bank.questions if q.type is QuestionType.NUMERIC and "year" in q.tags]
    assert years
    assert all(q.tolerance == 0 and 1000 <= q.answer <= 2100 for q in years)


def test_every_question_has_a_topic_an_explanation_and_a_difficulty(drafted) -> None:
    _, bank = drafted
    ids = [q.id for q in bank.questions]
    assert len(ids) == len(set(ids))
    for q in bank.questions:
        assert q.topic and q.explanation and q.difficulty in (1, 2, 3)


def test_topics_come_from_the_headings(drafted) -> None:
    _, bank = drafted
    headings = {
        line.strip().lstrip("#").strip()
        for line in bank.source.text.splitlines()
        if line.strip() and not line.strip().endswith((".", "!", "?"))
    }
    assert {q.topic for q in bank.questions} <= headings


def test_false_statements_swap_one_fact_for_one_of_its_kind(drafted) -> None:
    _, bank = drafted
    falses = [q for q in bank.questions if q.type is QuestionType.TRUE_FALSE and not q.answer]
    assert falses
    for q in falses:
        statement = _statement(q.prompt)
        true = q.source.split(" … ")[-1]
        said = set(re.findall(r"[\w'’-]+", true))
        swapped = [w for w in re.findall(r"[\w'’-]+", statement) if w not in said]
        assert swapped, q.id
        # The false statement differs from the quoted sentence in one name or number.
        assert len(" ".join(swapped).split()) <= 4, (q.id, swapped)


def test_bank_loads_from_a_document_in_another_case(tmp_path: Path) -> None:
    _, bank = load_draft(ALL_DOCUMENTS[1], tmp_path)
    assert isinstance(bank, Bank)

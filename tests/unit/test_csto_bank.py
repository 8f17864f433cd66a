"""The shipped CSTO bank: complete, grounded in its source, varied and fit to teach from."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from quiz.bank.coverage import coverage, sentences
from quiz.bank.loader import load_bank
from quiz.bank.model import Bank, Question, QuestionType
from quiz.bank.quotes import find_quote, normalise_for_quote
from quiz.common.paths import default_bank_path, shipped_bank_dir
from quiz.grading.checking import check
from quiz.main import main

# Central facts of the document, each asked by at least one question (the lint keeps two
# questions from asking the same fact the same way). A question asks about a fact when its
# source quote contains one of the fact's phrases and its prompt or answer mentions the
# fact's keyword.
CENTRAL_FACTS: dict[str, tuple[tuple[str, ...], str]] = {
    "founded in 2002": (("It was formed in 2002", "In 2002, the rest of the members"), "2002"),
    "treaty signed in 1992": (("signed in 1992", "Uzbekistan in 1992"), "1992"),
    "also called the Tashkent Treaty": (("also called Tashkent Treaty",), "Tashkent"),
    "1993 joiners": (("joined the treaty in 1993",), "1993"),
    "1999 refusals": (("refused to sign the extension treaty",), "extension"),
    "Uzbekistan re-joined in 2006": (("re-joined CSTO in 2006",), "2006"),
    "Uzbekistan quit in 2012": (("again quit in 2012", "Uzbekistan quit CSTO in 2012"), "2012"),
    "renewed every five years": (("renewed once in five years",), "renew"),
    "2010 neutrality": (("remained neutral",), "neutral"),
    "aims": (("main objective of CSTO",), "objective"),
    "force formed in 2009": (("It was formed in 2009",), "2009"),
    "force's purpose": (("drug trafficking and terrorism",), "terrorism"),
    "force's composition": (("army units from Russia",), "units"),
    "2009 Milk War boycott": (("Milk War",), "Milk War"),
    "2010 ethnic clashes": (("ethnic clashes broke out",), "2010"),
    "2014 exercise": (("cyber warfare exercise",), "exercise"),
    "2021 Afghans in Tajikistan": (("Afghans fled to Tajikistan",), "Tajikistan"),
    "current members": (("current CSTO members are",), "current"),
    "headquarters in Moscow": (("located in Moscow",), "headquarters"),
    "grew from the CIS": (("grew from Commonwealth of Independent States",), "Commonwealth"),
}


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(default_bank_path(), use_cache=False)


def _norm(text: str) -> str:
    return normalise_for_quote(text).casefold()


def _answer_text(q: Question) -> str:
    if q.type is QuestionType.MATCHING:
        return " ".join(f"{left} {right}" for left, right in q.pairs)
    if isinstance(q.answer, tuple):
        return " ".join(q.answer)  # type: ignore[arg-type]
    return str(q.answer)


def test_the_bank_is_the_default_and_draws_on_the_csto_document(bank: Bank) -> None:
    assert bank.id == "csto"
    assert bank.source is not None and bank.source.text
    assert bank.source.path == shipped_bank_dir() / "sources" / "csto.txt"
    assert bank.source.text.startswith("Collective Security Treaty Organisation")
    assert "Latest E-Books" not in bank.source.text


def test_the_bank_has_at_least_forty_questions_with_unique_slug_ids(bank: Bank) -> None:
    ids = [q.id for q in bank.questions]
    assert len(ids) >= 40
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    assert [i for i in ids if not re.fullmatch(r"csto-[a-z0-9]+(-[a-z0-9]+)*", i)] == []


def test_every_question_type_is_used(bank: Bank) -> None:
    assert {q.type for q in bank.questions} == set(QuestionType)


def test_every_question_teaches(bank: Bank) -> None:
    for q in bank.questions:
        assert q.explanation.strip(), q.id
        assert _norm(q.explanation) != _norm(q.prompt), q.id
        assert 1 <= len(sentences(q.explanation)) <= 2, q.id
        assert q.topic.strip(), q.id
        assert q.difficulty in (1, 2, 3), q.id
        assert q.tags, q.id


def test_topics_mirror_the_document_and_every_difficulty_is_used(bank: Bank) -> None:
    assert 5 <= len(bank.topics) <= 8
    assert {q.difficulty for q in bank.questions} == {1, 2, 3}


def test_every_question_quotes_its_source_verbatim(bank: Bank) -> None:
    assert bank.source is not None and bank.source.text is not None
    missing = [q.id for q in bank.questions if not find_quote(bank.source.text, q.source)]
    assert missing == []


def test_years_are_asked_as_numbers_never_typed_as_short_answers(bank: Bank) -> None:
    typed_years = [
        q.id
        for q in bank.questions
        if q.type is QuestionType.SHORT_ANSWER
        and any(re.fullmatch(r"\d+", a.strip()) for a in (q.answer, *q.accept))  # type: ignore[union-attr]
    ]
    assert typed_years == []


def test_every_sentence_of_the_document_is_cited(bank: Bank) -> None:
    assert bank.source is not None and bank.source.text is not None
    report = coverage(bank)
    assert report.uncited == ()
    assert report.share == 1.0
    assert report.total == len(sentences(bank.source.text)) >= 30


@pytest.mark.parametrize("fact", sorted(CENTRAL_FACTS))
def test_central_facts_are_asked(bank: Bank, fact: str) -> None:
    phrases, keyword = CENTRAL_FACTS[fact]
    asking = [
        q
        for q in bank.questions
        if any(_norm(p) in _norm(q.source) for p in phrases)
        and _norm(keyword) in _norm(f"{q.prompt} {_answer_text(q)}")
    ]
    assert asking, fact


# Where the document is wrong or out of date, the question keeps to the text and says so.
NOTES = {
    "csto-cis-formed-under-treaty-name": "December 1991",
    "csto-2010-both-asked-help": "only Kyrgyzstan asked",
    "csto-aid-only-foreign-invasion": "Kazakhstan",
    "csto-current-members": "Armenia froze its participation",
}


@pytest.mark.parametrize("qid", sorted(NOTES))
def test_questions_on_what_the_text_gets_wrong_carry_a_note(bank: Bank, qid: str) -> None:
    q = bank.question(qid)
    assert q is not None
    assert NOTES[qid] in " ".join(q.note.split())
    assert "according to the text" in q.prompt.lower()


def test_questions_on_current_members_say_according_to_the_text(bank: Bank) -> None:
    current = [q for q in bank.questions if "current" in q.prompt.lower()]
    assert current
    assert [q.id for q in current if "according to the text" not in q.prompt.lower()] == []


@pytest.mark.parametrize(
    ("qid", "typed"),
    [
        ("csto-grew-from-name", "Commonwealth of Independent States (CIS)"),
        ("csto-force-purpose-drugs", "drugs"),
        ("csto-force-purpose-drugs", "drug smuggling"),
        ("csto-force-purpose-drugs", "narcotics trafficking"),
        ("csto-cis-formed-under-treaty-name", "Treaty of Tashkent"),
        ("csto-cis-formed-under-treaty-name", "Tashkent"),
        ("csto-treaty-other-name", "Tashkent Pact"),
        ("csto-2010-neutral-why", "integrity of the region"),
        ("csto-force-name", "CRRF"),
        ("csto-force-name", "CSTO Rapid Reaction Force"),
        ("csto-current-member-joined-1993", "Byelorussia"),
        ("csto-headquarters-city", "Москва"),
        ("csto-headquarters-city", "Moskva"),
    ],
)
def test_answers_learners_type_are_accepted(bank: Bank, qid: str, typed: str) -> None:
    q = bank.question(qid)
    assert q is not None
    assert check(q, typed).verdict == "correct"


@pytest.mark.parametrize("typed", ["place", "pace", "peach"])
def test_near_words_of_peace_are_wrong(bank: Bank, typed: str) -> None:
    q = bank.question("csto-objective-peace")
    assert q is not None and q.typos == 0
    verdict = check(q, typed)
    assert verdict.verdict == "incorrect"
    assert "spelled exactly" in verdict.reason


def test_quiz_check_strict_passes_the_shipped_bank(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--strict", str(shipped_bank_dir())]) == 0
    assert capsys.readouterr().err == ""


def test_quiz_check_reports_the_shipped_bank_valid_and_fully_cited(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["check", str(shipped_bank_dir())])
    out = capsys.readouterr().out
    assert code == 0
    assert "Coverage: 100%" in out
    assert "uncited" not in out

"""The bank lint: each warning class, where it points, and the shipped bank passing clean."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from quiz.bank.loader import load_bank
from quiz.bank.model import Bank, Question, QuestionType
from quiz.common.paths import default_bank_path
from quiz.lint.findings import KINDS, LintWarning
from quiz.lint.rules import lint
from quiz.lint.words import common_words

BANKS = Path(__file__).resolve().parents[1] / "banks"
T = QuestionType


def bank_of(*questions: Question) -> Bank:
    return Bank(id="b", title="B", questions=questions, path=Path("b.yaml"))


def kinds(found: list[LintWarning]) -> list[str]:
    return [w.kind for w in found]


@pytest.fixture(scope="module")
def every_warning() -> list[LintWarning]:
    return lint([load_bank(BANKS / "lint_every_warning.yaml", use_cache=False)])


def test_the_test_bank_trips_every_warning_class_once(every_warning: list[LintWarning]) -> None:
    assert sorted(kinds(every_warning)) == sorted(KINDS)


@pytest.mark.parametrize(
    ("kind", "line", "ids", "words"),
    [
        ("answer-leak", 18, ("lit-year", "keeper-name"), "prompt gives away 'Ada Marsh'"),
        ("near-duplicate", 32, ("point-name-again", "point-name"), "asks what 'point-name' asks"),
        ("self-leak", 40, ("tower-colours",), "its own answer 'Red and white'"),
        ("typo-risk", 49, ("lamp-fuel",), "'while', 'whole'"),
        ("giveaway-choice", 56, ("lit-century",), "the only one with a digit"),
        ("fragment-quote", 65, ("lit-by-keeper",), "stops mid-sentence"),
    ],
)
def test_each_warning_is_located_at_its_field_and_names_the_questions(
    every_warning: list[LintWarning], kind: str, line: int, ids: tuple[str, ...], words: str
) -> None:
    (warning,) = [w for w in every_warning if w.kind == kind]
    assert warning.path.endswith("lint_every_warning.yaml")
    assert (warning.line, warning.column) == (line, 5)
    assert warning.question_ids == ids
    assert words in warning.message
    rendered = warning.render()
    assert rendered.startswith(f"{warning.path}:{line}:5: warning[{kind}]: ")
    assert rendered.endswith(f"[{', '.join(ids)}]")
    assert warning.render("error").startswith(f"{warning.path}:{line}:5: error[{kind}]: ")


def test_the_shipped_bank_has_no_warnings() -> None:
    assert lint([load_bank(default_bank_path(), use_cache=False)]) == []


def test_typos_zero_silences_the_typo_risk_and_a_plural_is_no_risk() -> None:
    risky = Question("q", T.SHORT_ANSWER, "Which word?", "peace")
    safe = Question("q", T.SHORT_ANSWER, "Which word?", "peace", typos=0)
    found = lint([bank_of(risky)])
    assert kinds(found) == ["typo-risk"]
    assert "'place', 'pace'" in found[0].message and "set 'typos: 0'" in found[0].message
    assert lint([bank_of(safe)]) == []
    plural = lint([bank_of(Question("q", T.SHORT_ANSWER, "Which animal?", "zebra"))])
    assert plural == []  # "zebras" would be accepted, and rightly


def test_typo_risk_against_another_answer_of_the_bank() -> None:
    first = Question("capital", T.SHORT_ANSWER, "Which river?", "Volga")
    other = Question("other", T.MULTIPLE_CHOICE, "Which lake?", "Volta", choices=("Volta", "Chad"))
    found = [w for w in lint([bank_of(first, other)]) if w.kind == "typo-risk"]
    assert len(found) == 1
    assert "'volta' from this bank" in found[0].message
    assert found[0].question_ids == ("capital", "other")


def test_a_leak_needs_a_shared_subject() -> None:
    taker = Question("city", T.SHORT_ANSWER, "Where is the headquarters?", "Moscow")
    unrelated = Question(
        "treaty", T.MULTIPLE_CHOICE, "Which treaty ended the war?",
        "Treaty of Paris", choices=("Treaty of Paris", "Treaty of Moscow", "Treaty of Rome"),
    )  # fmt: skip
    related = Question("hq", T.TRUE_FALSE, "The headquarters is in Moscow.", True)
    assert lint([bank_of(taker, unrelated)]) == []
    found = lint([bank_of(taker, related)])
    assert kinds(found) == ["answer-leak"]
    assert found[0].question_ids == ("hq", "city")


@pytest.mark.parametrize(
    ("right", "wrong", "reason"),
    [
        ("Signed in 1992", ("Signed late", "Never signed"), "with a digit"),
        ("The CIS (Commonwealth)", ("The Warsaw Pact", "The EU"), "with a parenthesis"),
        ("The CSTO's force", ("A peace mission", "A border guard"), "with an abbreviation"),
        ("A large scale cyber warfare exercise", ("A vote", "A summit"), "much longer"),
    ],
)
def test_giveaway_choices(right: str, wrong: tuple[str, ...], reason: str) -> None:
    q = Question("q", T.MULTIPLE_CHOICE, "What?", right, choices=(right, *wrong))
    found = lint([bank_of(q)])
    assert kinds(found) == ["giveaway-choice"]
    assert reason in found[0].message


def test_alike_distractors_are_no_giveaway() -> None:
    q = Question(
        "q", T.MULTIPLE_CHOICE, "When?", "In 1992", choices=("In 1992", "In 1993", "In 2002")
    )
    assert lint([bank_of(q)]) == []


def test_a_quote_ending_in_an_ellipsis_may_stop_mid_sentence(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text("The lamp burns whale oil every night.\n", encoding="utf-8")
    bank = tmp_path / "b.yaml"
    bank.write_text(
        "id: b\ntitle: B\nsource: {title: D, file: doc.txt}\nquestions:\n"
        "  - {id: a, type: true_false, prompt: Oil?, answer: true, source: The lamp burns …}\n"
        "  - {id: c, type: true_false, prompt: Oil?, answer: true, source: The lamp burns}\n",
        encoding="utf-8",
    )
    found = lint([load_bank(bank, use_cache=False)])
    assert [(w.kind, w.question_ids, w.line) for w in found] == [("fragment-quote", ("c",), 6)]


def test_the_word_list_is_package_data_of_common_words() -> None:
    words = common_words()
    assert len(words) == 10_000
    assert {"place", "pace", "peace", "while", "whole"} <= set(words)
    assert all(w.isalpha() and w.islower() for w in words)


def test_the_word_list_is_read_through_the_package_not_a_path() -> None:
    # An installed wheel has no source tree: the list must come from importlib.resources.
    code = (
        "import quiz.lint.words as w, importlib.resources as r;"
        "print(r.files('quiz.lint').joinpath('data/common_words.txt').is_file())"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"

"""Results files: what a drill leaves for the teacher, written so a crash cannot damage it."""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from quiz.bank.model import Bank, Question, QuestionType
from quiz.classroom.drill import fingerprint
from quiz.classroom.results import (
    ResultsError,
    file_name,
    make_document,
    read_results,
    results_document,
    validate,
    write_results,
)
from quiz.study.session import Session, SessionOptions

BANK = Bank(
    id="csto",
    title="The CSTO",
    questions=(
        Question(id="q1", type=QuestionType.SHORT_ANSWER, prompt="Founded?", answer="2002"),
        Question(id="q2", type=QuestionType.TRUE_FALSE, prompt="Six members?", answer=True),
    ),
)
OPTIONS = SessionOptions(mode="drill", seed="CSTO7", count=2, time_per_question=30)
START = datetime(2025, 3, 4, 9, 0, tzinfo=UTC)
END = datetime(2025, 3, 4, 9, 5, 7, tzinfo=UTC)


def entry(number: int, verdict: str, score: float, given: object = None) -> dict:
    return {
        "number": number,
        "question_id": f"q{number}",
        "topic": "history",
        "prompt": f"Prompt {number}",
        "given": given,
        "verdict": verdict,
        "score": score,
        "seconds": 4.5 if verdict != "skipped" else None,
        "expected": "2002",
        "source": "The CSTO was founded in 2002.",
    }


def document(student: str = "Ann", **kw: object) -> dict:
    questions = [entry(1, "correct", 1.0, "2002"), entry(2, "timeout", 0.0)]
    return make_document(
        student, [BANK], OPTIONS, questions, started_at=START, finished_at=END, **kw
    )


def test_document_has_format_fingerprint_and_totals() -> None:
    doc = document(possible=3)
    assert doc["format"] == "quiz-results" and doc["version"] == 1
    assert re.fullmatch(r"CSTO-[0-9A-F]{4}", doc["fingerprint"])
    assert doc["settings"]["seed"] == "CSTO7"
    assert doc["finished_at"] == "2025-03-04T09:05:07+00:00"
    assert doc["totals"] == {
        "points": 1.0,
        "possible": 3,  # a question never reached still counts
        "percent": 33.3,
        "answered": 1,
        "timeouts": 1,
        "skipped": 0,
    }


def test_write_then_read_back(tmp_path: Path) -> None:
    doc = document()
    path = write_results(doc, tmp_path / "class" / "results")
    assert path.parent == tmp_path / "class" / "results"
    assert path.name == f"Ann_{doc['fingerprint']}_20250304-090507.json"
    assert read_results(path) == doc
    assert list(path.parent.iterdir()) == [path]  # no temporary file left behind


@pytest.mark.parametrize(
    "student", ["../../etc/passwd", "Zoë Müller", "<script>alert(1)</script>", "   ", "a:b\\c"]
)
def test_file_name_is_safe_and_inside_the_folder(tmp_path: Path, student: str) -> None:
    path = write_results(document(student), tmp_path)
    assert path.parent == tmp_path
    assert re.fullmatch(r"[A-Za-z0-9_.-]+", path.name)
    assert read_results(path)["student"] == student


def test_never_overwrites_another_students_file(tmp_path: Path) -> None:
    # "Zoë" and "Zoe" make the same file name at the same second.
    first = write_results(document("Zoë"), tmp_path)
    second = write_results(document("Zoe"), tmp_path)
    third = write_results(document("Zoe"), tmp_path)
    assert len({first, second, third}) == 3
    assert read_results(first)["student"] == "Zoë"
    assert read_results(second)["student"] == "Zoe"


def test_a_crash_while_writing_leaves_no_file(tmp_path: Path, monkeypatch) -> None:
    earlier = write_results(document("Ben"), tmp_path)

    def crash(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", crash)
    with pytest.raises(ResultsError) as caught:
        write_results(document("Ann"), tmp_path)
    assert str(caught.value) == f"{tmp_path}: cannot write the results file: Input/output error"
    assert list(tmp_path.iterdir()) == [earlier]
    assert read_results(earlier)["student"] == "Ben"


def test_damaged_file_is_named(tmp_path: Path) -> None:
    path = write_results(document(), tmp_path)
    path.write_text(path.read_text(encoding="utf-8")[:100], encoding="utf-8")
    with pytest.raises(ResultsError) as caught:
        read_results(path)
    assert str(caught.value).startswith(f"{path}: damaged results file")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"name": "my-package", "version": "1.0.0"}', "not a quiz results file"),
        ("[1, 2, 3]", "not a quiz results file"),
        ('{"format": "quiz-results", "version": 7}', "version 7 is newer"),
    ],
)
def test_foreign_files_are_refused(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "other.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ResultsError, match=message) as caught:
        read_results(path)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("student"), "'student' missing"),
        (lambda d: d["questions"][0].update(verdict="great"), "question 1: unknown verdict"),
        (lambda d: d["questions"][1].update(score="1"), "question 2: 'score'"),
        (lambda d: d["totals"].pop("percent"), "totals 'percent'"),
    ],
)
def test_damaged_fields_are_reported(tmp_path: Path, change, message: str) -> None:
    doc = document()
    change(doc)
    path = tmp_path / "r.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ResultsError, match=re.escape(message)):
        read_results(path)


@pytest.mark.parametrize("key", ["student", "bank_id", "bank_title", "fingerprint", "started_at",
                                 "finished_at", "settings", "questions", "totals"])  # fmt: skip
def test_every_top_field_is_checked(key: str) -> None:
    doc = document()
    doc[key] = 7
    assert validate(doc) == f"damaged results file ({key!r} missing or wrong)"


@pytest.mark.parametrize(
    "key", ["number", "question_id", "topic", "prompt", "verdict", "score", "expected", "source"]
)
def test_every_question_field_is_checked(key: str) -> None:
    doc = document()
    doc["questions"][1][key] = True  # a bool is not a number, nor text
    assert validate(doc) == f"damaged results file (question 2: {key!r} missing or wrong)"


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda d: d["questions"].append("q3"), "question 3: not an object"),
        (lambda d: d["questions"][0].pop("given"), "question 1: 'given' missing"),
        (lambda d: d["questions"][0].update(seconds="4"), "question 1: 'seconds' wrong"),
        (lambda d: d["questions"][0].update(seconds=True), "question 1: 'seconds' wrong"),
        (
            lambda d: d["questions"][0].update(verdict="great"),
            "question 1: unknown verdict 'great'",
        ),
    ],
)
def test_question_problems_are_named(change, problem: str) -> None:
    doc = document()
    change(doc)
    assert validate(doc) == f"damaged results file ({problem})"


@pytest.mark.parametrize(
    "key", ["points", "possible", "percent", "answered", "timeouts", "skipped"]
)
def test_every_total_is_checked(key: str) -> None:
    doc = document()
    doc["totals"][key] = False
    assert validate(doc) == f"damaged results file (totals {key!r} missing or wrong)"


@pytest.mark.parametrize(
    ("version", "problem"),
    [
        (None, "damaged results file (no version)"),
        ("1", "damaged results file (no version)"),
        (True, "damaged results file (no version)"),
        (2, "results file version 2 is newer than this quiz reads (1); update quiz"),
    ],
)
def test_the_version_is_checked(version: object, problem: str) -> None:
    doc = document()
    doc["version"] = version
    assert validate(doc) == problem


def test_a_sound_document_has_no_problem() -> None:
    doc = document()
    doc["questions"][0]["seconds"] = None
    doc["version"] = 1
    assert validate(doc) is None
    assert validate({"format": "other"}) == "not a quiz results file"


@pytest.mark.parametrize(
    ("student", "start"),
    [
        ("Zoë Müller", "Zoe-Muller_"),
        ("  --Ann--  ", "Ann_"),
        ("日本", "student_"),
        ("x" * 39 + " y", "x" * 39 + "_"),  # cut at 40, then no dangling dash
        ("a" * 50, "a" * 40 + "_"),
        ("!" + "a" * 45, "a" * 40 + "_"),  # the dash of "!" goes before the cut at 40
        ("Xena X", "Xena-X_"),
    ],
)
def test_file_names_are_short_and_plain(student: str, start: str) -> None:
    name = file_name(document(student))
    assert name.startswith(start)
    assert name.endswith("_20250304-090507.json")


@pytest.mark.usefixtures("far_east")
def test_times_are_written_in_utc() -> None:
    local = datetime(2025, 3, 4, 11, 5, 7, tzinfo=timezone(timedelta(hours=2)))
    doc = make_document("Ann", [BANK], OPTIONS, [], started_at=datetime(2025, 3, 4, 8, 0),
                        finished_at=local)  # fmt: skip
    assert (doc["started_at"], doc["finished_at"]) == (
        "2025-03-04T08:00:00+00:00",
        "2025-03-04T09:05:07+00:00",
    )
    assert doc["totals"]["percent"] == 0.0  # no question, no division by zero
    assert file_name(doc).endswith("_20250304-090507.json")


def test_a_sessions_results_document() -> None:
    session = Session([BANK], SessionOptions(mode="drill", count=2))
    seed = session.seed
    answers = {"q1": "2002 ", "q2": True}  # right either way, so a bonus is believable
    session.answer(answers[session.current.question.id], seconds=3.14159)
    session.skip()
    result = replace(session.result(), bonus=0.123456)
    doc = results_document("Ann", [BANK], session.options, result, started_at=START,
                           finished_at=END)  # fmt: skip
    assert doc["settings"]["seed"] == seed
    assert doc["fingerprint"] == fingerprint([BANK], replace(session.options, seed=seed))
    first, second = doc["questions"]
    assert first["number"] == 1 and second["number"] == 2
    assert first["seconds"] == 3.14
    assert second["verdict"] == "skipped" and second["given"] is None
    asked = {e["question_id"]: e for e in doc["questions"]}
    assert asked["q1"]["score"] in (1.0, 0.0)
    one = asked[first["question_id"]]
    assert {k: one[k] for k in ("topic", "prompt", "expected", "source")} == {
        "topic": "",
        "prompt": "Founded?" if one["question_id"] == "q1" else "Six members?",
        "expected": "2002" if one["question_id"] == "q1" else "True",
        "source": "",
    }
    assert doc["totals"]["bonus"] == 0.123
    assert doc["totals"]["possible"] == 2
    assert validate(doc) is None


def test_scores_keep_four_places_and_the_total_is_the_exact_sum() -> None:
    picks = Bank(
        id="picks",
        title="Picks",
        questions=tuple(
            Question(f"m{i}", QuestionType.MULTIPLE_SELECT, f"Pick {i}?", ("a", "b", "c"),
                     choices=("a", "b", "c", "d"))
            for i in range(20)
        ),
    )  # fmt: skip
    session = Session([picks], SessionOptions(mode="drill", seed="M"))
    while session.current is not None:
        session.answer(["a"])  # 1 of 3 right: a third of a point
    doc = results_document("Ann", [picks], session.options, session.result(), started_at=START,
                           finished_at=END)  # fmt: skip
    assert {q["score"] for q in doc["questions"]} == {0.3333}
    # 20 thirds are 6.667 points, where the sum of the rounded scores would be 6.666.
    assert doc["totals"] == {
        "points": 6.667, "possible": 20, "percent": 33.3, "answered": 20, "timeouts": 0,
        "skipped": 0, "bonus": 0.0,
    }  # fmt: skip
    assert validate(doc) is None


def test_a_drill_of_several_banks_names_them_all() -> None:
    nato = Bank(id="nato", title="NATO", questions=BANK.questions)
    doc = make_document("Ann", [BANK, nato], OPTIONS, [], started_at=START, finished_at=END)
    assert (doc["bank_id"], doc["bank_title"]) == ("csto+nato", "The CSTO + NATO")
    assert doc["fingerprint"].startswith("CSTO-")


def test_a_fingerprint_with_no_letters_or_digits_still_names_the_file() -> None:
    doc = document() | {"fingerprint": "★"}
    assert file_name(doc) == "Ann_drill_20250304-090507.json"


def test_the_file_is_indented_utf8_json(tmp_path: Path) -> None:
    path = write_results(document("Zoë"), tmp_path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith('{\n  "format": "quiz-results",\n  "version": 1,\n  "student": "Zoë",\n')
    assert text.endswith("\n  }\n}\n")


def test_results_are_written_when_the_temporary_folder_is_unusable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The file is first written beside its final name, never in the system's temporary folder.
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no-such-folder"))
    path = write_results(document(), tmp_path / "class")
    assert read_results(path)["student"] == "Ann"


def test_without_hard_links_files_are_still_never_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(source: object, target: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    first = write_results(document("Zoë"), tmp_path)
    second = write_results(document("Zoe"), tmp_path)
    assert second == first.with_name(first.stem + "-2.json")
    assert sorted(tmp_path.iterdir()) == sorted([first, second])  # no temporary file left
    assert [read_results(p)["student"] for p in (first, second)] == ["Zoë", "Zoe"]


def test_a_name_taken_999_times_is_refused(tmp_path: Path) -> None:
    doc = document()
    target = tmp_path / file_name(doc)
    target.write_text("{}", encoding="utf-8")
    for attempt in range(2, 1000):
        target.with_name(f"{target.stem}-{attempt}.json").write_text("{}", encoding="utf-8")
    with pytest.raises(ResultsError) as caught:
        write_results(doc, tmp_path)
    assert str(caught.value) == f"{target}: too many results files with this name"
    assert len(list(tmp_path.iterdir())) == 999  # no temporary file left

"""The end of a drill: the results file goes to its folder, or to the fallback folder, and
the student is told where (loudly when it is not where the teacher expects it)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from quiz.bank.loader import load_bank
from quiz.classroom.drill import fingerprint
from quiz.classroom.finish import Saved, drill_line, save_results
from quiz.classroom.results import read_results
from quiz.common import paths
from quiz.study.session import Session, SessionOptions
from tests.helpers import BANKS as BANK_FOLDER
from tests.helpers.engine_banks import numbered_bank

BANKS = [numbered_bank(2, "csto")]
WHEN = datetime(2025, 3, 4, 9, 5, 7, tzinfo=UTC)


def finished_session() -> Session:
    session = Session(BANKS, SessionOptions(mode="drill", seed="S"))
    session.answer(session.current.question.answer)
    return session


def save(folder: Path) -> Saved:
    return save_results(folder, BANKS, finished_session(), "Ann", now=lambda: WHEN)


def test_results_go_to_their_folder(tmp_path: Path) -> None:
    saved = save(tmp_path / "class")
    assert saved.path is not None and saved.path.parent == tmp_path / "class"
    assert (saved.problem, saved.fell_back) == (None, False)
    assert saved.lines() == [f"Results saved to {saved.path}"]
    doc = read_results(saved.path)
    assert (doc["student"], doc["finished_at"]) == ("Ann", "2025-03-04T09:05:07+00:00")


def test_a_folder_that_cannot_be_written_sends_them_to_the_fallback_folder(
    tmp_path: Path,
) -> None:
    blocked = tmp_path / "class"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    saved = save(blocked)
    problem = f"{blocked}: cannot write the results file: File exists"
    assert saved.path is not None and saved.path.parent == paths.fallback_results_dir()
    assert (saved.problem, saved.fell_back) == (problem, True)
    assert saved.lines() == [
        f"Could not write the results folder: {problem}",
        f"RESULTS SAVED INSTEAD TO {saved.path}",
        "Hand that file to your teacher.",
    ]
    doc = read_results(saved.path)
    assert (doc["student"], doc["finished_at"]) == ("Ann", "2025-03-04T09:05:07+00:00")


def test_when_the_fallback_folder_fails_too_the_student_is_told_nothing_was_saved(
    tmp_path: Path,
) -> None:
    blocked = tmp_path / "class"
    blocked.write_text("", encoding="utf-8")
    fallback = paths.fallback_results_dir()
    fallback.parent.mkdir(parents=True)
    fallback.write_text("", encoding="utf-8")
    saved = save(blocked)
    problem = (
        f"{blocked}: cannot write the results file: File exists; "
        f"the fallback folder failed too: {fallback}: cannot write the results file: File exists"
    )
    assert (saved.path, saved.problem, saved.fell_back) == (None, problem, False)
    assert saved.lines() == [f"RESULTS NOT SAVED: {problem}"]


def test_the_drill_line_counts_the_questions_asked_not_those_left_out() -> None:
    # Two questions of the leaky bank give away each other's answer: a drill asks one.
    leaky = load_bank(BANK_FOLDER / "leaky.yaml", use_cache=False)
    options = SessionOptions(mode="drill", seed="S")
    session = Session([leaky], options)
    assert len(session.left_out) == 1
    code = fingerprint([leaky], options)
    assert drill_line([leaky], session) == f"Drill {code}, {len(leaky.questions) - 1} questions"

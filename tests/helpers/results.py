"""Results files for the class report's tests: sound ones and hostile ones."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from quiz.bank.model import Bank, Question, QuestionType
from quiz.classroom.results import make_document, write_results
from quiz.study.options import SessionOptions

BANK = Bank(
    id="harbour",
    title="Harbour signals",
    questions=(
        Question("h1", QuestionType.SHORT_ANSWER, "Red light side?", "port", topic="lights"),
        Question("h2", QuestionType.TRUE_FALSE, "Green is starboard.", True, topic="lights"),
    ),
)
OPTIONS = SessionOptions(mode="drill", seed="H1", count=2, time_per_question=30)
T0 = datetime(2026, 3, 4, 9, 0, tzinfo=UTC)


def document(student: str, scores: tuple[float, float] = (1.0, 0.0)) -> dict[str, Any]:
    """A sound results document of the harbour drill."""
    entries = [
        {"number": n, "question_id": q.id, "topic": q.topic, "prompt": q.prompt,
         "given": "port" if score else "left", "verdict": "correct" if score else "incorrect",
         "score": score, "seconds": 5.0, "expected": str(q.answer), "source": ""}
        for n, (q, score) in enumerate(zip(BANK.questions, scores, strict=True), start=1)
    ]  # fmt: skip
    return make_document(
        student, [BANK], OPTIONS, entries, started_at=T0, finished_at=T0 + timedelta(minutes=5)
    )


def _edited(change: Callable[[dict[str, Any]], None]) -> str:
    doc = document("Mallory")
    change(doc)
    return json.dumps(doc)


def _with_raw(key_path: tuple[str, ...], raw: str) -> str:
    """Mallory's document with one value replaced by raw JSON text (NaN, huge numbers...)."""
    doc = document("Mallory")
    target = doc
    for key in key_path[:-1]:
        target = target[key]
    target[key_path[-1]] = "@@RAW@@"
    return json.dumps(doc).replace('"@@RAW@@"', raw)


def _deep() -> str:
    head = '{"format": "quiz-results", "version": 1, "student": '
    return head + "[" * 100_000 + "]" * 100_000 + "}"


def _lying_totals(doc: dict[str, Any]) -> None:
    doc["totals"].update(points=2, percent=100.0, answered=2)


# file name -> (its text, the reason `quiz report` gives for skipping it)
HOSTILE: dict[str, tuple[str, str]] = {
    "deep.json": (_deep(), "damaged results file (nested too deep)"),
    "bonus.json": (
        _edited(lambda d: d["totals"].update(bonus="lots")),
        "damaged results file (totals 'bonus' missing or wrong)",
    ),
    "nan.json": (_with_raw(("totals", "points"), "NaN"), "NaN is not a number"),
    "infinity.json": (_with_raw(("totals", "percent"), "Infinity"), "Infinity is not a number"),
    "overflow.json": (_with_raw(("totals", "percent"), "1e999"), "1e999 is out of range"),
    "digits.json": (_with_raw(("totals", "possible"), "9" * 4400), "a number of 4400 digits"),
    "time.json": (
        _edited(lambda d: d["settings"].update(time_per_question="soon")),
        "damaged results file (settings 'time_per_question' missing or wrong)",
    ),
    "lying.json": (_edited(_lying_totals), "totals do not match the answers"),
    "score.json": (
        _edited(lambda d: d["questions"][0].update(score=1e300)),
        "damaged results file (question 1: 'score' missing or wrong)",
    ),
}


def class_folder(folder: Path, hostile: dict[str, tuple[str, str]] = HOSTILE) -> Path:
    """Two sound files (Ann 1/2, Ben 2/2) and the `hostile` ones, in `folder`."""
    write_results(document("Ann"), folder)
    write_results(document("Ben", (1.0, 1.0)), folder)
    for name, (text, _) in hostile.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder

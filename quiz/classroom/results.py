"""Drill and exam results files: one JSON document per student and drill.

The document is versioned and self-describing so that `quiz report` can tell a
results file from any other JSON a teacher's folder may hold:

    {"format": "quiz-results", "version": 1, "student": ..., "bank_id": ...,
     "bank_title": ..., "fingerprint": ..., "settings": {...},
     "started_at": ..., "finished_at": ...,
     "questions": [{"number", "question_id", "topic", "prompt", "given", "verdict",
                    "score", "seconds", "expected", "source"}, ...],
     "totals": {"points", "possible", "percent", "answered", "timeouts", "skipped",
                "bonus" (optional: speed bonus points, apart from "points")}}

Files are written atomically (temporary file in the same folder, fsync, then a
rename), so a crash never leaves half a file, and never over another file.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quiz.bank.model import Bank
from quiz.classroom.document import (
    FORMAT,
    VERSION,
    ResultsDocument,
    ResultsError,
    document_from,
    load_json,
    read_text,
)
from quiz.classroom.document import read_document as read_document
from quiz.classroom.drill import drill_settings, fingerprint
from quiz.common.atomic import durable_temp, fsync_folder
from quiz.grading.verdicts import ANSWERED, score_percent

if TYPE_CHECKING:
    from quiz.study.options import SessionOptions
    from quiz.study.session import SessionResult


def make_document(
    student: str,
    banks: Sequence[Bank],
    options: SessionOptions,
    questions: Sequence[Mapping[str, Any]],
    *,
    started_at: datetime,
    finished_at: datetime,
    possible: int | None = None,
    points: float | None = None,
) -> dict[str, Any]:
    """A results document from plain question entries (the keys of the format's `questions`).

    `possible` defaults to the number of entries; pass the quiz's full length when
    a student stopped early, so unreached questions count against the total.
    `points` defaults to the sum of the entries' scores.
    """
    entries = [dict(q) for q in questions]
    if possible is None:
        possible = len(entries)
    if points is None:
        points = sum(float(q["score"]) for q in entries)
    verdicts = [q["verdict"] for q in entries]
    return {
        "format": FORMAT,
        "version": VERSION,
        "student": student,
        "bank_id": "+".join(b.id for b in banks),
        "bank_title": " + ".join(b.title for b in banks),
        "fingerprint": fingerprint(banks, options),
        "settings": drill_settings(options),
        "started_at": _iso(started_at),
        "finished_at": _iso(finished_at),
        "questions": entries,
        "totals": {
            "points": round(points, 3),
            "possible": possible,
            "percent": round(score_percent(points, possible), 1),
            "answered": sum(v in ANSWERED for v in verdicts),
            "timeouts": verdicts.count("timeout"),
            "skipped": verdicts.count("skipped"),
        },
    }


def results_document(
    student: str,
    banks: Sequence[Bank],
    options: SessionOptions,
    result: SessionResult,
    *,
    started_at: datetime,
    finished_at: datetime,
) -> dict[str, Any]:
    """The results document of a finished session.

    The settings and fingerprint carry the seed the session really used, so a
    run without `--seed` is never mistaken for another seedless run.
    """
    if result.seed:
        options = replace(options, seed=result.seed)
    entries = [question_entry(number, o) for number, o in enumerate(result.outcomes, start=1)]
    doc = make_document(
        student,
        banks,
        options,
        entries,
        started_at=started_at,
        finished_at=finished_at,
        possible=max(result.total, len(entries)),
        points=result.points,
    )
    doc["totals"]["bonus"] = round(float(result.bonus), 3)
    return doc


def write_session_results(
    student: str, banks: Sequence[Bank], session: Any, folder: Path, *, finished_at: datetime
) -> Path:
    """Write the results file of a finished (or left) session into `folder`; return its path.

    Both front ends end a drill or exam here. Raises QuizError when it cannot be written.
    """
    doc = results_document(
        student,
        banks,
        session.options,
        session.result(),
        started_at=session.info.started_at,
        finished_at=finished_at,
    )
    return write_results(doc, folder)


def question_entry(number: int, outcome: Any) -> dict[str, Any]:
    """One `questions` entry from a session Outcome."""
    question = outcome.asked.question
    seconds = outcome.seconds
    return {
        "number": number,
        "question_id": question.id,
        "topic": question.topic,
        "prompt": question.prompt,
        "given": outcome.given,
        "verdict": outcome.verdict,
        "score": round(float(outcome.score), 4),
        "seconds": None if seconds is None else round(float(seconds), 2),
        "expected": outcome.expected,
        "source": question.source,
    }


def file_name(doc: Mapping[str, Any]) -> str:
    """The file name for a document: student, fingerprint and finishing time, safe characters."""
    when = _parse_time(doc["finished_at"]) or datetime.now(UTC)
    stamp = when.astimezone(UTC).strftime("%Y%m%d-%H%M%S")
    return f"{_slug(doc['student'], 'student')}_{_slug(doc['fingerprint'], 'drill')}_{stamp}.json"


def write_results(doc: Mapping[str, Any], folder: Path) -> Path:
    """Write `doc` into `folder` (created if missing) atomically; return the file's path.

    Never replaces an existing file: a name already taken gets a -2, -3... suffix.
    """
    folder = Path(folder)
    data = (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = durable_temp(folder, data)
        try:
            return _place_without_clobbering(tmp, folder / file_name(doc))
        finally:
            tmp.unlink(missing_ok=True)
    except OSError as exc:
        raise ResultsError(
            f"{folder}: cannot write the results file: {exc.strerror or exc}"
        ) from exc


def read_results(path: Path) -> dict[str, Any]:
    """Read and check a results file; its JSON data (`read_document` gives it typed).

    ResultsError names the file and what is wrong.
    """
    path = Path(path)
    data = load_json_of(path)
    document_from_at(path, data)
    assert isinstance(data, dict)
    return data


def validate(doc: Any) -> str | None:
    """What is wrong with `doc` as a results document, or None when it is sound."""
    try:
        document_from(doc)
    except ResultsError as exc:
        return str(exc)
    return None


def load_json_of(path: Path) -> object:
    """A results file's JSON data; ResultsError names the file when it is no sound JSON."""
    text = read_text(path)
    try:
        return load_json(text)
    except ResultsError as exc:
        raise ResultsError(f"{path}: {exc}") from None


def document_from_at(path: Path, data: object) -> ResultsDocument:
    """`document_from` with the file's name on any error."""
    try:
        return document_from(data)
    except ResultsError as exc:
        raise ResultsError(f"{path}: {exc}") from None


def _place_without_clobbering(tmp: Path, target: Path) -> Path:
    """Give the finished temporary file its name; a hard link fails rather than replace."""
    stem, suffix = target.stem, target.suffix
    for attempt in range(1, 1000):
        candidate = target if attempt == 1 else target.with_name(f"{stem}-{attempt}{suffix}")
        try:
            os.link(tmp, candidate)
        except FileExistsError:
            continue
        except OSError:
            # Some file systems have no hard links: fall back to check-then-rename.
            if candidate.exists():
                continue
            os.replace(tmp, candidate)
        fsync_folder(candidate.parent)
        return candidate
    raise ResultsError(f"{target}: too many results files with this name")


def _slug(text: str, fallback: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-")[:40].strip("-")
    return slug or fallback


def _iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _parse_time(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return None

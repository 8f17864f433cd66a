"""A results file read once into frozen dataclasses, every field checked on the way in.

A teacher's folder may hold anything: a damaged copy, another program's JSON, a
file edited by hand. `parse_results` refuses what it cannot trust, with the
reason in a teacher's words: wrong types, numbers that are not finite or not in
range, nesting or sizes no quiz writes, and totals that disagree with the
per-question scores ("totals do not match the answers"). The totals a report
shows are the ones recomputed here from the answers, never the stored ones.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeGuard

from quiz.common.errors import QuizError
from quiz.grading.verdicts import Verdict, score_percent
from quiz.study.options import MODES

FORMAT = "quiz-results"
VERSION = 1

MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_QUESTIONS = 10_000
MAX_TEXT = 100_000  # characters in one text field
MAX_NAME = 1_000  # characters in a name, id, fingerprint or time
MAX_DEPTH = 8  # nesting of a given answer (quiz writes at most a map of strings: 2)
MAX_DIGITS = 15  # digits of an integer: more is no count or score quiz writes
MAX_SECONDS = 10_000_000.0  # about four months: a time setting or an answer's seconds
SPEED_BONUS_SHARE = 0.5  # the most a question's speed bonus adds to its score
POINTS_SLACK = 0.01  # stored points are rounded to 3 places, entries' scores to 4
PERCENT_SLACK = 0.1  # stored percent is rounded to 1 place
MISMATCH = "totals do not match the answers"


class ResultsError(QuizError):
    """A results file that cannot be read, written or trusted."""


@dataclass(frozen=True)
class DrillSettings:
    """The settings a drill ran with (those its fingerprint covers)."""

    mode: str
    seed: str | None
    count: int | None
    topics: tuple[str, ...]
    difficulty: tuple[int, ...]
    time_per_question: float | None
    time_limit: float | None
    speed_bonus: bool

    def as_dict(self) -> dict[str, Any]:
        """The settings as the results file holds them (JSON data)."""
        return {
            "mode": self.mode,
            "seed": self.seed,
            "count": self.count,
            "topics": list(self.topics),
            "difficulty": list(self.difficulty),
            "time_per_question": self.time_per_question,
            "time_limit": self.time_limit,
            "speed_bonus": self.speed_bonus,
        }


@dataclass(frozen=True)
class QuestionEntry:
    """How one student did on one question."""

    number: int
    question_id: str
    topic: str
    prompt: str
    given: object  # JSON data as the student gave it; None when skipped or timed out
    verdict: Verdict
    score: float  # 0..1
    seconds: float | None
    expected: str
    source: str


@dataclass(frozen=True)
class Totals:
    """A student's totals, recomputed from the questions (and equal to the stored ones)."""

    points: float
    possible: int  # every question of the drill, reached or not
    percent: float
    answered: int
    timeouts: int
    skipped: int
    bonus: float = 0.0  # speed bonus points, apart from `points`


@dataclass(frozen=True)
class ResultsDocument:
    """One student's results file."""

    student: str
    bank_id: str
    bank_title: str
    fingerprint: str
    settings: DrillSettings
    started_at: str
    finished_at: str
    questions: tuple[QuestionEntry, ...]
    totals: Totals


def read_document(path: Path) -> ResultsDocument:
    """Read and check a results file; ResultsError names the file and what is wrong."""
    return parse_results(read_text(path), path)


def read_text(path: Path) -> str:
    """A results file's text, refused when it cannot be read or is far too large."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            raise ResultsError(f"{path}: too large for a results file (over 16 MB)")
        return data.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ResultsError(f"{path}: cannot read: {getattr(exc, 'strerror', None) or exc}") from exc


def parse_results(text: str, path: Path | str = "") -> ResultsDocument:
    """A results document from a file's text; ResultsError (prefixed with `path`) if unsound."""
    try:
        return document_from(load_json(text))
    except ResultsError as exc:
        raise ResultsError(f"{path}: {exc}" if path else str(exc)) from None


def load_json(text: str) -> object:
    """JSON data, refusing what no quiz writes: NaN, Infinity, endless digits, deep nesting."""
    try:
        return json.loads(text, parse_constant=_no_constant, parse_int=_int, parse_float=_float)
    except RecursionError:
        raise ResultsError("damaged results file (nested too deep)") from None
    except json.JSONDecodeError as exc:
        raise ResultsError(f"damaged results file (not valid JSON: {exc.msg})") from None


def document_from(data: object) -> ResultsDocument:
    """Check JSON data field by field and build the document; ResultsError says what is wrong."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ResultsError("not a quiz results file")
    version = data.get("version")
    if not _is_int(version):
        raise ResultsError("damaged results file (no version)")
    if version > VERSION:
        raise ResultsError(
            f"results file version {version} is newer than this quiz reads ({VERSION}); update quiz"
        )
    top = _Fields(data, "")
    questions_data = top.get("questions", list)
    totals_data = top.get("totals", dict)
    if len(questions_data) > MAX_QUESTIONS:
        raise _damaged(f"more than {MAX_QUESTIONS} questions")
    questions = tuple(
        _question(entry, index) for index, entry in enumerate(questions_data, start=1)
    )
    return ResultsDocument(
        student=top.text("student", MAX_NAME),
        bank_id=top.text("bank_id", MAX_NAME),
        bank_title=top.text("bank_title", MAX_TEXT),
        fingerprint=top.text("fingerprint", MAX_NAME),
        settings=_settings(top.get("settings", dict)),
        started_at=top.text("started_at", MAX_NAME),
        finished_at=top.text("finished_at", MAX_NAME),
        questions=questions,
        totals=_totals(totals_data, questions),
    )


# --- the parts ----------------------------------------------------------------------


def _question(entry: object, index: int) -> QuestionEntry:
    if not isinstance(entry, dict):
        raise _damaged(f"question {index}: not an object")
    fields = _Fields(entry, f"question {index}: ")
    verdict = fields.get("verdict", str)
    if verdict not in Verdict.__members__.values():
        raise _damaged(f"question {index}: unknown verdict {verdict[:40]!r}")
    if "given" not in entry:
        raise _damaged(f"question {index}: 'given' missing")
    given = entry["given"]
    if _depth(given) > MAX_DEPTH:
        raise _damaged(f"question {index}: 'given' nested too deep")
    score = fields.number("score", 0.0, 1.0)
    if not Verdict(verdict).answered and score:
        raise ResultsError(MISMATCH)
    return QuestionEntry(
        number=fields.integer("number", 1, MAX_QUESTIONS * 10),
        question_id=fields.text("question_id", MAX_NAME),
        topic=fields.text("topic", MAX_NAME),
        prompt=fields.text("prompt", MAX_TEXT),
        given=given,
        verdict=Verdict(verdict),
        score=score,
        seconds=fields.number("seconds", 0.0, MAX_SECONDS, optional=True, name="'seconds' wrong"),
        expected=fields.text("expected", MAX_TEXT),
        source=fields.text("source", MAX_TEXT),
    )


def _settings(data: dict[str, Any]) -> DrillSettings:
    fields = _Fields(data, "settings ")
    mode = fields.get("mode", str)
    if mode not in MODES:
        raise _damaged(f"settings: unknown mode {mode[:40]!r}")
    topics = fields.get("topics", list) if data.get("topics") is not None else []
    difficulty = fields.get("difficulty", list) if data.get("difficulty") is not None else []
    if not all(isinstance(t, str) and len(t) <= MAX_NAME for t in topics):
        raise _damaged("settings 'topics' wrong")
    if not all(_is_int(d) and 0 <= d <= 1000 for d in difficulty):
        raise _damaged("settings 'difficulty' wrong")
    seed = data.get("seed")
    if seed is not None and not (isinstance(seed, str) and len(seed) <= MAX_NAME):
        raise _damaged("settings 'seed' wrong")
    speed_bonus = data.get("speed_bonus", False)
    if not isinstance(speed_bonus, bool):
        raise _damaged("settings 'speed_bonus' wrong")
    return DrillSettings(
        mode=mode,
        seed=seed,
        count=fields.integer("count", 0, MAX_QUESTIONS * 10, optional=True),
        topics=tuple(topics),
        difficulty=tuple(difficulty),
        time_per_question=fields.number("time_per_question", 0.0, MAX_SECONDS, optional=True),
        time_limit=fields.number("time_limit", 0.0, MAX_SECONDS, optional=True),
        speed_bonus=speed_bonus,
    )


def _totals(data: dict[str, Any], questions: tuple[QuestionEntry, ...]) -> Totals:
    fields = _Fields(data, "totals ")
    stored = Totals(
        points=fields.number("points", 0.0, MAX_QUESTIONS),
        possible=fields.integer("possible", 0, MAX_QUESTIONS),
        percent=fields.number("percent", 0.0, 100.0),
        answered=fields.integer("answered", 0, MAX_QUESTIONS),
        timeouts=fields.integer("timeouts", 0, MAX_QUESTIONS),
        skipped=fields.integer("skipped", 0, MAX_QUESTIONS),
        bonus=fields.number("bonus", 0.0, MAX_QUESTIONS, optional=True) or 0.0,
    )
    verdicts = [q.verdict for q in questions]
    points = sum(q.score for q in questions)
    worked_out = Totals(
        points=points,
        possible=stored.possible,
        percent=score_percent(points, stored.possible),
        answered=sum(v.answered for v in verdicts),
        timeouts=verdicts.count(Verdict.TIMEOUT),
        skipped=verdicts.count(Verdict.SKIPPED),
        bonus=stored.bonus,
    )
    if (
        stored.possible < len(questions)
        or abs(stored.points - worked_out.points) > POINTS_SLACK
        or abs(stored.percent - worked_out.percent) > PERCENT_SLACK
        or (stored.answered, stored.timeouts, stored.skipped)
        != (worked_out.answered, worked_out.timeouts, worked_out.skipped)
        or stored.bonus > SPEED_BONUS_SHARE * worked_out.points + POINTS_SLACK
    ):
        raise ResultsError(MISMATCH)
    return worked_out


class _Fields:
    """Typed, range-checked reads of one JSON object's fields; ResultsError names the field."""

    def __init__(self, data: Mapping[str, Any], where: str) -> None:
        self.data = data
        self.where = where

    def _wrong(self, key: str) -> ResultsError:
        return _damaged(f"{self.where}{key!r} missing or wrong")

    def get(self, key: str, kind: type) -> Any:
        value = self.data.get(key)
        if not isinstance(value, kind) or isinstance(value, bool):
            raise self._wrong(key)
        return value

    def text(self, key: str, limit: int) -> str:
        value: str = self.get(key, str)
        if len(value) > limit:
            raise _damaged(f"{self.where}{key!r} too long")
        return value

    def integer(self, key: str, low: int, high: int, *, optional: bool = False) -> Any:
        value = self.data.get(key)
        if value is None and optional:
            return None
        if not _is_int(value) or not low <= value <= high:
            raise self._wrong(key)
        return value

    def number(
        self, key: str, low: float, high: float, *, optional: bool = False, name: str = ""
    ) -> Any:
        value = self.data.get(key)
        if value is None and optional:
            return None
        if not _is_number(value) or not low <= value <= high:
            raise _damaged(f"{self.where}{name}") if name else self._wrong(key)
        return float(value)


def _damaged(what: str) -> ResultsError:
    return ResultsError(f"damaged results file ({what})")


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: object) -> TypeGuard[int | float]:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _depth(value: object, level: int = 0) -> int:
    """How deeply `value` nests lists and objects (stops counting past MAX_DEPTH)."""
    if level > MAX_DEPTH:
        return level
    if isinstance(value, dict):
        return max((_depth(v, level + 1) for v in value.values()), default=level + 1)
    if isinstance(value, list):
        return max((_depth(v, level + 1) for v in value), default=level + 1)
    return level


def _no_constant(name: str) -> object:
    raise ResultsError(f"damaged results file ({name} is not a number a results file holds)")


def _int(text: str) -> int:
    digits = len(text.lstrip("-"))
    if digits > MAX_DIGITS:
        raise ResultsError(f"damaged results file (a number of {digits} digits)")
    return int(text)


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ResultsError(f"damaged results file ({text[:20]} is out of range)")
    return value

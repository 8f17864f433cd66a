"""A class report merged from drill/exam results documents (plain data in, dataclasses out).

Only results of one drill are merged: documents are grouped by fingerprint and
settings, the largest group (or the one asked for) is the report, and the rest
are listed as left out with the reason. Mixing two drills would make every
per-question number meaningless.
"""

from __future__ import annotations

import json
import statistics
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from quiz.bank.model import NO_TOPIC
from quiz.classroom.document import (
    DrillSettings,
    QuestionEntry,
    ResultsDocument,
    ResultsError,
    document_from,
)
from quiz.common.display import format_given
from quiz.grading.verdicts import Verdict


@dataclass(frozen=True)
class Skipped:
    """A file that is not a usable results file."""

    name: str
    reason: str


@dataclass(frozen=True)
class LeftOut:
    """A sound results file of another drill (or an older attempt), not merged."""

    name: str
    student: str
    fingerprint: str
    reason: str


@dataclass(frozen=True)
class StudentScore:
    """One student's totals."""

    student: str
    points: float
    possible: int
    percent: float
    answered: int
    timeouts: int
    skipped: int
    name: str  # the file it came from
    bonus: float = 0.0  # speed bonus points, apart from `points`


@dataclass(frozen=True)
class QuestionStats:
    """How the class did on one question."""

    number: int
    question_id: str
    topic: str
    prompt: str
    expected: str
    source: str
    students: int  # how many students were asked it
    correct: int  # how many got it fully right
    percent_correct: float
    median_seconds: float | None  # over answered attempts that were timed
    common_wrong: str | None  # the most common wrong (or partly right) answer
    common_wrong_count: int


@dataclass(frozen=True)
class TopicStats:
    """The class's average score on one topic's questions."""

    topic: str
    questions: int
    average_percent: float


@dataclass(frozen=True)
class ClassReport:
    """Everything `quiz report` shows."""

    fingerprint: str
    bank_id: str
    bank_title: str
    settings: DrillSettings
    students: tuple[StudentScore, ...]  # by name
    questions: tuple[QuestionStats, ...]  # in quiz order
    topics: tuple[TopicStats, ...]  # in order of first appearance
    left_out: tuple[LeftOut, ...]
    skipped: tuple[Skipped, ...]
    answers: Mapping[str, tuple[QuestionEntry, ...]]  # file name -> its question entries

    @property
    def most_missed(self) -> tuple[QuestionStats, ...]:
        """Questions by % correct, lowest first (ties in quiz order)."""
        return tuple(sorted(self.questions, key=lambda q: (q.percent_correct, q.number)))

    @property
    def average_percent(self) -> float:
        """The class's mean score in percent."""
        return _mean([s.percent for s in self.students])

    @property
    def median_percent(self) -> float:
        """The class's median score in percent."""
        return round(statistics.median(s.percent for s in self.students), 1)


def build_report(
    documents: Sequence[tuple[str, ResultsDocument | Mapping[str, Any]]],
    *,
    skipped: Sequence[Skipped] = (),
    fingerprint: str | None = None,
) -> ClassReport | None:
    """Merge documents, each with the name of its file, into a report.

    JSON data (a mapping) is read into a `ResultsDocument` first; ResultsError if unsound.
    The group of `fingerprint` is the report when given; otherwise the group with
    the most students (ties: the fingerprint first in alphabetical order).
    None when there is no document (or none of the asked fingerprint).
    """
    groups: dict[tuple[str, str], list[tuple[str, ResultsDocument]]] = {}
    for name, given in documents:
        doc = given if isinstance(given, ResultsDocument) else _document(name, given)
        groups.setdefault(_group_key(doc), []).append((name, doc))
    if fingerprint is not None:
        chosen = [k for k in groups if k[0].casefold() == fingerprint.strip().casefold()]
        if not chosen:
            return None
        key = max(chosen, key=lambda k: len(groups[k]))
    elif groups:
        key = min(groups, key=lambda k: (-len(_students(groups[k])), k))
    else:
        return None
    members, older = _latest_per_student(groups[key])
    first = members[0][1]
    left_out = [
        _left_out(name, doc, first) for k, g in groups.items() if k != key for name, doc in g
    ]
    left_out += [
        LeftOut(name, doc.student, doc.fingerprint, "an older attempt by the same student")
        for name, doc in older
    ]
    return ClassReport(
        fingerprint=first.fingerprint,
        bank_id=first.bank_id,
        bank_title=first.bank_title,
        settings=first.settings,
        students=_student_scores(members),
        questions=_question_stats([doc for _, doc in members]),
        topics=_topic_stats([doc for _, doc in members]),
        left_out=tuple(sorted(left_out, key=lambda x: x.name)),
        skipped=tuple(skipped),
        answers={name: doc.questions for name, doc in members},
    )


def display_answer(given: object) -> str:
    """An answer as stored in a results file, the way a teacher reads it ("" for none)."""
    return format_given(given, none="")


def entry_answer(entry: QuestionEntry) -> str:
    """One entry's answer as `display_answer` shows it, an ordering's items joined by arrows
    (they may hold commas); an ordering is known by its expected answer, "1. ...; 2. ..."."""
    if isinstance(entry.given, list) and entry.expected.startswith("1. "):
        return format_given(entry.given, sep=" → ")
    return display_answer(entry.given)


def _document(name: str, data: Mapping[str, Any]) -> ResultsDocument:
    try:
        return document_from(data)
    except ResultsError as exc:
        raise ResultsError(f"{name}: {exc}") from None


def _group_key(doc: ResultsDocument) -> tuple[str, str]:
    return doc.fingerprint, json.dumps(doc.settings.as_dict())


def _student_key(doc: ResultsDocument) -> tuple[str, ...]:
    """A student's name without case or extra spaces."""
    return tuple(doc.student.casefold().split())


def _students(group: Sequence[tuple[str, ResultsDocument]]) -> set[tuple[str, ...]]:
    return {_student_key(doc) for _, doc in group}


def _latest_per_student(
    group: Sequence[tuple[str, ResultsDocument]],
) -> tuple[list[tuple[str, ResultsDocument]], list[tuple[str, ResultsDocument]]]:
    """One document per student, the last finished; the earlier ones separately."""
    ordered = sorted(group, key=lambda item: (item[1].finished_at, item[0]))
    latest: dict[tuple[str, ...], tuple[str, ResultsDocument]] = {}
    older: list[tuple[str, ResultsDocument]] = []
    for item in ordered:
        key = _student_key(item[1])
        if key in latest:
            older.append(latest[key])
        latest[key] = item
    return list(latest.values()), older


def _left_out(name: str, doc: ResultsDocument, kept: ResultsDocument) -> LeftOut:
    ours, theirs = kept.settings.as_dict(), doc.settings.as_dict()
    changed = [k for k in sorted(ours) if ours[k] != theirs[k]]  # as_dict has every key
    if changed:
        what = "; ".join(f"{k} {theirs[k]!r}, not {ours[k]!r}" for k in changed)
        reason = f"another drill's settings ({what})"
    else:
        reason = "another version of the bank (same settings, different content)"
    reason = f"fingerprint {doc.fingerprint}, not {kept.fingerprint}: {reason}"
    return LeftOut(name, doc.student, doc.fingerprint, reason)


def _student_scores(members: Sequence[tuple[str, ResultsDocument]]) -> tuple[StudentScore, ...]:
    scores = [
        StudentScore(
            student=doc.student,
            points=doc.totals.points,
            possible=doc.totals.possible,
            percent=round(doc.totals.percent, 1),
            answered=doc.totals.answered,
            timeouts=doc.totals.timeouts,
            skipped=doc.totals.skipped,
            name=name,
            bonus=doc.totals.bonus,
        )
        for name, doc in members
    ]
    return tuple(sorted(scores, key=lambda s: (s.student.casefold(), s.name)))


def _question_stats(docs: Sequence[ResultsDocument]) -> tuple[QuestionStats, ...]:
    entries: dict[str, list[QuestionEntry]] = {}
    for doc in docs:
        for entry in doc.questions:
            entries.setdefault(entry.question_id, []).append(entry)
    stats = [_one_question(group) for group in entries.values()]
    return tuple(sorted(stats, key=lambda q: q.number))


def _one_question(group: Sequence[QuestionEntry]) -> QuestionStats:
    first = group[0]
    correct = sum(e.verdict is Verdict.CORRECT for e in group)
    times = [e.seconds for e in group if e.verdict.answered and e.seconds is not None]
    wrong, wrong_count = _most_common_wrong(group)
    return QuestionStats(
        number=min(e.number for e in group),
        question_id=first.question_id,
        topic=first.topic,
        prompt=first.prompt,
        expected=first.expected,
        source=first.source,
        students=len(group),
        correct=correct,
        percent_correct=round(100 * correct / len(group), 1),
        median_seconds=round(statistics.median(times), 1) if times else None,
        common_wrong=wrong,
        common_wrong_count=wrong_count,
    )


def _most_common_wrong(group: Sequence[QuestionEntry]) -> tuple[str | None, int]:
    """The most frequent wrong answer, compared without case or extra spaces."""
    shown: dict[tuple[str, ...], str] = {}
    counts: Counter[tuple[str, ...]] = Counter()
    for entry in group:
        if entry.verdict not in (Verdict.INCORRECT, Verdict.PARTIAL) or _blank(entry.given):
            continue
        text = entry_answer(entry).strip()
        key = tuple(text.casefold().split())
        shown.setdefault(key, text)
        counts[key] += 1
    if not counts:
        return None, 0
    key = max(counts, key=counts.__getitem__)  # ties: the answer seen first
    return shown[key], counts[key]


def _blank(given: object) -> bool:
    """No answer at all: nothing given, or only spaces."""
    return given is None or (isinstance(given, str) and not given.strip())


def _topic_stats(docs: Sequence[ResultsDocument]) -> tuple[TopicStats, ...]:
    scores: dict[str, list[float]] = {}
    questions: dict[str, set[str]] = {}
    ordered = sorted((entry for doc in docs for entry in doc.questions), key=lambda e: e.number)
    for entry in ordered:
        topic = entry.topic or NO_TOPIC
        scores.setdefault(topic, []).append(entry.score)
        questions.setdefault(topic, set()).add(entry.question_id)
    return tuple(
        TopicStats(topic, len(questions[topic]), _mean([100 * s for s in values]))
        for topic, values in scores.items()
    )


def _mean(values: Sequence[float]) -> float:
    """The mean of `values` (never empty: a report has a student, a topic a question)."""
    return round(sum(values) / len(values), 1)

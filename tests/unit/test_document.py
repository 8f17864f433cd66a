"""Reading a results file: what is refused, in the words a teacher reads, and the totals
a report shows (recomputed from the answers, never taken on trust)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from quiz.classroom.document import (
    MAX_FILE_BYTES,
    ResultsError,
    Totals,
    parse_results,
    read_document,
    read_text,
)
from tests.helpers.results import document

Change = Callable[[dict[str, Any]], object]


def sound() -> dict[str, Any]:
    """Ann's harbour drill, 1 of 2 (question 1 right, question 2 wrong), every setting set."""
    doc = document("Ann")
    doc["settings"].update(topics=["lights"], difficulty=[1, 3], time_limit=600, speed_bonus=True)
    return doc


def problem(change: Change, base: dict[str, Any] | None = None) -> str | None:
    """What `parse_results` says of the sound document after `change`, None if it reads it."""
    doc = sound() if base is None else base
    change(doc)
    try:
        parse_results(json.dumps(doc))
    except ResultsError as exc:
        return str(exc)
    return None


def nested(kind: type, wrappers: int, inner: object) -> object:
    """`inner` wrapped in `wrappers` lists or objects."""
    value = inner
    for _ in range(wrappers):
        value = [value] if kind is list else {"k": value}
    return value


def settings(**changes: object) -> Change:
    return lambda d: d["settings"].update(changes)


def question(position: int, **changes: object) -> Change:
    return lambda d: d["questions"][position - 1].update(changes)


def totals(**changes: object) -> Change:
    return lambda d: d["totals"].update(changes)


def all_wrong() -> dict[str, Any]:
    """Ann's drill with both answers wrong: 0 points, 0%."""
    return document("Ann", (0.0, 0.0))


def test_a_sound_file_reads_back_whole() -> None:
    doc = parse_results(json.dumps(sound()))
    assert (doc.student, doc.bank_id, doc.bank_title, doc.fingerprint) == (
        "Ann",
        "harbour",
        "Harbour signals",
        document("Ann")["fingerprint"],
    )
    assert (doc.started_at, doc.finished_at) == (
        "2026-03-04T09:00:00+00:00",
        "2026-03-04T09:05:00+00:00",
    )
    assert doc.settings.as_dict() == {
        "mode": "drill",
        "seed": "H1",
        "count": 2,
        "topics": ["lights"],
        "difficulty": [1, 3],
        "time_per_question": 30,
        "time_limit": 600,
        "speed_bonus": True,
    }
    assert [(q.number, q.question_id, q.given, q.verdict, q.score) for q in doc.questions] == [
        (1, "h1", "port", "correct", 1.0),
        (2, "h2", "left", "incorrect", 0.0),
    ]
    assert doc.totals == Totals(
        points=1.0, possible=2, percent=50.0, answered=2, timeouts=0, skipped=0, bonus=0.0
    )


@pytest.mark.parametrize("how", ["null", "left out"])
def test_settings_that_are_null_or_left_out_read_as_unset(how: str) -> None:
    data = sound()
    for key in ("seed", "count", "topics", "difficulty", "time_per_question", "time_limit"):
        if how == "null":
            data["settings"][key] = None
        else:
            del data["settings"][key]
    del data["settings"]["speed_bonus"]  # files from before the setting existed
    assert parse_results(json.dumps(data)).settings.as_dict() == {
        "mode": "drill",
        "seed": None,
        "count": None,
        "topics": [],
        "difficulty": [],
        "time_per_question": None,
        "time_limit": None,
        "speed_bonus": False,
    }


# Values at the edge of what a results file may hold: each is read.
ACCEPTED: dict[str, Change] = {
    "count 0": settings(count=0),
    "count 100000": settings(count=100_000),
    "difficulties 0 and 1000": settings(difficulty=[0, 1000]),
    "a topic of 1000 characters": settings(topics=["t" * 1000]),
    "a seed of 1000 characters": settings(seed="s" * 1000),
    "half a second per question": settings(time_per_question=0.5),
    "half a second in all": settings(time_limit=0.5),
    "question number 100000": question(1, number=100_000),
    "a name of 1000 characters": lambda d: d.update(student="n" * 1000),
    "an answer of 8 nested lists": question(1, given=nested(list, 8, "x")),
    "an answer of 8 nested objects": question(1, given=nested(dict, 8, "x")),
    "an empty list 8 deep": question(1, given=nested(list, 7, [])),
    "an empty object 8 deep": question(1, given=nested(dict, 7, {})),
    "an answer of 15 digits": question(1, given=123_456_789_012_345),
    "a negative answer of 15 digits": question(1, given=-123_456_789_012_345),
    "10000 possible points": totals(possible=10_000, percent=0.0),
    "a bonus of half the points and the rounding slack": totals(bonus=0.51),
}


@pytest.mark.parametrize("change", ACCEPTED.values(), ids=ACCEPTED.keys())
def test_values_at_the_edge_are_read(change: Change) -> None:
    assert problem(change) is None


# (change, the reason a teacher reads)
REFUSED: dict[str, tuple[Change, str]] = {
    "unknown mode": (
        settings(mode="m" * 50),
        f"damaged results file (settings: unknown mode '{'m' * 40}')",
    ),
    "topic not text": (settings(topics=[7]), "damaged results file (settings 'topics' wrong)"),
    "topic too long": (
        settings(topics=["t" * 1001]),
        "damaged results file (settings 'topics' wrong)",
    ),
    "difficulty as text": (
        settings(difficulty=["1"]),
        "damaged results file (settings 'difficulty' wrong)",
    ),
    "difficulty below 0": (
        settings(difficulty=[-1]),
        "damaged results file (settings 'difficulty' wrong)",
    ),
    "difficulty over 1000": (
        settings(difficulty=[1001]),
        "damaged results file (settings 'difficulty' wrong)",
    ),
    "seed a number": (settings(seed=7), "damaged results file (settings 'seed' wrong)"),
    "seed too long": (settings(seed="s" * 1001), "damaged results file (settings 'seed' wrong)"),
    "speed bonus as text": (
        settings(speed_bonus="yes"),
        "damaged results file (settings 'speed_bonus' wrong)",
    ),
    "count below 0": (
        settings(count=-1),
        "damaged results file (settings 'count' missing or wrong)",
    ),
    "count over 100000": (
        settings(count=100_001),
        "damaged results file (settings 'count' missing or wrong)",
    ),
    "negative time per question": (
        settings(time_per_question=-0.5),
        "damaged results file (settings 'time_per_question' missing or wrong)",
    ),
    "negative time limit": (
        settings(time_limit=-0.5),
        "damaged results file (settings 'time_limit' missing or wrong)",
    ),
    "time limit over four months": (
        settings(time_limit=10_000_001),
        "damaged results file (settings 'time_limit' missing or wrong)",
    ),
    "question number 0": (
        question(1, number=0),
        "damaged results file (question 1: 'number' missing or wrong)",
    ),
    "question number over 100000": (
        question(1, number=100_001),
        "damaged results file (question 1: 'number' missing or wrong)",
    ),
    "question number missing": (
        lambda d: d["questions"][0].pop("number"),
        "damaged results file (question 1: 'number' missing or wrong)",
    ),
    "possible missing": (
        lambda d: d["totals"].pop("possible"),
        "damaged results file (totals 'possible' missing or wrong)",
    ),
    "score over 1": (
        question(1, score=1.5),
        "damaged results file (question 1: 'score' missing or wrong)",
    ),
    "unknown verdict": (
        question(2, verdict="v" * 50),
        f"damaged results file (question 2: unknown verdict '{'v' * 40}')",
    ),
    "a skipped question that scored": (
        question(2, verdict="skipped", score=0.5),
        "totals do not match the answers",
    ),
    "name too long": (
        lambda d: d.update(student="n" * 1001),
        "damaged results file ('student' too long)",
    ),
    "percent over 100": (
        totals(percent=100.5),
        "damaged results file (totals 'percent' missing or wrong)",
    ),
    "an answer of 16 digits": (
        question(1, given=1_234_567_890_123_456),
        "damaged results file (a number of 16 digits)",
    ),
    "more than 10000 questions": (
        lambda d: d.update(questions=[{}] * 10_001),
        "damaged results file (more than 10000 questions)",
    ),
    "bonus over half the points": (totals(bonus=0.52), "totals do not match the answers"),
}
NESTED_TOO_DEEP = {
    "9 nested lists": nested(list, 9, "x"),
    "9 nested objects": nested(dict, 9, "x"),
    "an empty list 9 deep": nested(list, 8, []),
    "an empty object 9 deep": nested(dict, 8, {}),
}
REFUSED |= {
    name: (question(1, given=given), "damaged results file (question 1: 'given' nested too deep)")
    for name, given in NESTED_TOO_DEEP.items()
}


@pytest.mark.parametrize(("change", "reason"), REFUSED.values(), ids=REFUSED.keys())
def test_what_no_quiz_writes_is_refused_with_its_reason(change: Change, reason: str) -> None:
    assert problem(change) == reason


# Totals that disagree with the answers in one way only, and totals within the rounding
# slack (stored points are rounded to 3 places, percent to 1): the answers are 0 of 2.
TOTALS: list[tuple[str, dict[str, object], bool]] = [
    ("fewer possible points than questions", {"possible": 1}, False),
    ("points 0.02 too many", {"points": 0.02}, False),
    ("points 0.01 too many (rounding)", {"points": 0.01}, True),
    ("percent 0.2 too high", {"percent": 0.2}, False),
    ("percent 0.1 too high (rounding)", {"percent": 0.1}, True),
    ("one answer too few", {"answered": 1}, False),
    ("a timeout too many", {"timeouts": 1}, False),
    ("a skip too many", {"skipped": 1}, False),
]


@pytest.mark.parametrize(
    ("stored", "sound_enough"), [t[1:] for t in TOTALS], ids=[t[0] for t in TOTALS]
)
def test_totals_must_match_the_answers(stored: dict[str, object], sound_enough: bool) -> None:
    data = all_wrong()
    data["totals"].update(stored)
    if not sound_enough:
        assert problem(lambda d: None, data) == "totals do not match the answers"
        return
    # Within the slack the file is read, and the report shows the recomputed totals.
    assert parse_results(json.dumps(data)).totals == Totals(
        points=0.0, possible=2, percent=0.0, answered=2, timeouts=0, skipped=0, bonus=0.0
    )


def test_a_file_of_no_questions_and_no_possible_points_is_read() -> None:
    data = all_wrong()
    data["questions"] = []
    data["totals"].update(possible=0, answered=0)
    assert parse_results(json.dumps(data)).totals == Totals(
        points=0.0, possible=0, percent=0.0, answered=0, timeouts=0, skipped=0
    )


def test_ten_thousand_questions_are_read() -> None:
    data = all_wrong()
    data["questions"] = [data["questions"][1]] * 10_000
    data["totals"].update(possible=10_000, answered=10_000)
    assert len(parse_results(json.dumps(data)).questions) == 10_000


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("{", "damaged results file (not valid JSON: Expecting property name enclosed in double "
              "quotes)"),
        ("[" * 100_000 + "]" * 100_000, "damaged results file (nested too deep)"),
        ('{"format": NaN}', "damaged results file (NaN is not a number a results file holds)"),
        ("[" + "1" * 25 + "e999]", "damaged results file (11111111111111111111 is out of range)"),
        ("[-1" + "0" * 15 + "]", "damaged results file (a number of 16 digits)"),
        ('{"format": "other"}', "not a quiz results file"),
    ],
)  # fmt: skip
def test_text_that_is_no_results_file_is_refused(raw: str, reason: str) -> None:
    with pytest.raises(ResultsError) as caught:
        parse_results(raw)
    assert str(caught.value) == reason  # no file named: no path prefix


def test_a_files_problem_names_the_file(tmp_path: Path) -> None:
    data = sound()
    data["questions"][0]["score"] = 2
    path = tmp_path / "ann.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ResultsError) as caught:
        read_document(path)
    reason = "damaged results file (question 1: 'score' missing or wrong)"
    assert str(caught.value) == f"{path}: {reason}"
    path.write_text(json.dumps(sound()), encoding="utf-8")
    assert read_document(path) == parse_results(json.dumps(sound()))


def test_a_file_that_cannot_be_read_says_why(tmp_path: Path) -> None:
    missing = tmp_path / "gone.json"
    with pytest.raises(ResultsError) as caught:
        read_text(missing)
    assert str(caught.value) == f"{missing}: cannot read: No such file or directory"
    latin = tmp_path / "latin.json"
    latin.write_bytes(b"\xff{}")
    with pytest.raises(ResultsError) as caught:
        read_text(latin)
    assert str(caught.value) == (
        f"{latin}: cannot read: 'utf-8' codec can't decode byte 0xff in position 0: "
        "invalid start byte"
    )


def test_a_file_over_16_mb_is_refused(tmp_path: Path) -> None:
    largest = tmp_path / "largest.json"
    largest.write_bytes(b" " * MAX_FILE_BYTES)
    assert len(read_text(largest)) == MAX_FILE_BYTES
    too_large = tmp_path / "too-large.json"
    too_large.write_bytes(b" " * (MAX_FILE_BYTES + 1))
    with pytest.raises(ResultsError) as caught:
        read_text(too_large)
    assert str(caught.value) == f"{too_large}: too large for a results file (over 16 MB)"

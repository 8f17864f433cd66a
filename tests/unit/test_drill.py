"""Drills: the fingerprint a teacher checks, and the same quiz for every student."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quiz.bank.loader import load_bank
from quiz.bank.model import Bank, Question, QuestionType
from quiz.classroom.drill import describe, drill_settings, fingerprint
from quiz.classroom.finish import drill_line, finish_drill
from quiz.classroom.results import read_results, results_document
from quiz.common import paths
from quiz.study.history import QuestionHistory
from quiz.study.session import Asked, Session, SessionOptions
from tests.helpers import ROOT
from tests.helpers.engine_banks import numbered_bank


def make_bank(bank_id: str = "csto", n: int = 6) -> Bank:
    return Bank(
        id=bank_id,
        title="The CSTO",
        questions=tuple(
            Question(
                id=f"q{i}",
                type=QuestionType.MULTIPLE_CHOICE,
                prompt=f"Question {i}?",
                answer=f"right {i}",
                choices=(f"right {i}", f"wrong {i}a", f"wrong {i}b", f"wrong {i}c"),
                topic="history" if i % 2 else "members",
                difficulty=1 + i % 3,
            )
            for i in range(1, n + 1)
        ),
    )


def options(**kw: object) -> SessionOptions:
    base = dict(
        mode="drill",
        seed="CSTO7",
        count=5,
        topics=(),
        difficulty=(),
        time_per_question=30.0,
        time_limit=None,
        speed_bonus=False,
    )
    base.update(kw)
    return SessionOptions(**base)


BANK = make_bank()


def test_fingerprint_looks_like_a_short_code() -> None:
    code = fingerprint([BANK], options())
    assert code.startswith("CSTO-") and len(code) == 9
    assert code[5:] == code[5:].upper() and int(code[5:], 16) >= 0


@pytest.mark.parametrize(
    ("bank_id", "prefix"),
    [("post-soviet_security-orgs", "POSTSOVI"), ("NATO-2024", "NATO2024"), ("日本", "BANK")],
)
def test_prefix_is_the_bank_id_upper_case_trimmed(bank_id: str, prefix: str) -> None:
    code = fingerprint([make_bank(bank_id)], options())
    assert code.split("-")[0] == prefix


def test_the_fingerprint_of_a_drill_never_changes_between_versions() -> None:
    # Students on machines with different quiz versions must see the same code.
    assert fingerprint([BANK], options()) == "CSTO-B80A"
    assert fingerprint([BANK], options(topics=("история",))) == "CSTO-F389"


def test_a_fingerprint_needs_a_bank() -> None:
    with pytest.raises(ValueError, match=r"^a fingerprint needs at least one bank$"):
        fingerprint([], options())


@pytest.mark.parametrize(
    "change",
    [
        {"seed": "CSTO8"},
        {"count": 4},
        {"mode": "exam"},
        {"topics": ("history",)},
        {"difficulty": (2,)},
        {"time_per_question": 20.0},
        {"time_limit": 600.0},
        {"speed_bonus": True},
    ],
)
def test_every_setting_that_changes_the_quiz_changes_the_fingerprint(change: dict) -> None:
    assert fingerprint([BANK], options(**change)) != fingerprint([BANK], options())


def test_bank_content_changes_the_fingerprint() -> None:
    edited = replace(
        BANK, questions=(replace(BANK.questions[0], answer="wrong 1a"), *BANK.questions[1:])
    )
    assert fingerprint([edited], options()) != fingerprint([BANK], options())
    extra = make_bank("extra", 2)
    assert fingerprint([BANK, extra], options()) != fingerprint([BANK], options())


def test_what_does_not_change_the_quiz_keeps_the_fingerprint() -> None:
    same = fingerprint([BANK], options())
    assert fingerprint([make_bank()], options(time_per_question=30)) == same
    assert fingerprint([replace(BANK, title="Renamed", description="new")], options()) == same
    two = options(topics=("history", "members"))
    assert fingerprint([BANK], two) == fingerprint([BANK], options(topics=("members", "history")))


def test_fingerprint_is_stable_across_python_runs() -> None:
    # A different hash seed per run catches any use of hash() on strings.
    script = (
        "from tests.unit.test_drill import BANK, options;"
        "from quiz.classroom.drill import fingerprint;"
        "print(fingerprint([BANK], options()))"
    )
    codes = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", script],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        codes.add(out.stdout.strip())
    assert codes == {fingerprint([BANK], options())}


def test_describe_names_the_code_count_and_limits() -> None:
    code = fingerprint([BANK], options())
    assert describe([BANK], options()) == f"{code}, 5 questions, 30 s per question"
    exam = options(mode="exam", count=None, time_per_question=None, time_limit=1800.0)
    assert describe([BANK], exam).endswith(", 6 questions, 30 min in all")
    assert ", 3 questions" in describe([BANK], options(count=None, topics=("history",)))
    assert describe([BANK], options(), total=1).endswith(", 1 question, 30 s per question")


def test_settings_are_plain_json_data() -> None:
    assert drill_settings(options(seed=7, difficulty=(3, 1))) == {
        "mode": "drill",
        "seed": "7",
        "count": 5,
        "topics": [],
        "difficulty": [1, 3],
        "time_per_question": 30,
        "time_limit": None,
        "speed_bonus": False,
    }
    assert drill_settings(SessionOptions())["seed"] is None


# --- the same quiz for every student, through the session ---------------------------


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def quiz_seen(session: Session) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """What a student is shown, question by question, answering each with its first option."""
    seen = []
    while (asked := session.current) is not None:
        seen.append((asked.question.id, asked.options, asked.lefts))
        if asked.number % 2:
            session.skip()
        else:
            session.answer(some_answer(asked))
    return seen


def some_answer(asked: Asked) -> object:
    """An answer of the right shape for the question: its first option, or text."""
    kind = asked.question.type
    if kind is QuestionType.TRUE_FALSE:
        return True
    if kind is QuestionType.MULTIPLE_SELECT:
        return [asked.options[0]]
    if kind is QuestionType.ORDERING:
        return list(asked.options)
    if kind is QuestionType.MATCHING:
        return dict(zip(asked.lefts, asked.options, strict=False))
    return asked.options[0] if asked.options else "an answer"


def shipped_bank(use_cache: bool) -> Bank:
    return load_bank(paths.default_bank_path(), use_cache=use_cache)


def test_two_students_with_the_same_seed_get_the_identical_quiz() -> None:
    drill = SessionOptions(mode="drill", seed="CSTO7", count=8)
    # Two machines: one loads the bank from YAML, one from the cache; their pasts differ.
    ann = Session([shipped_bank(False)], drill, history={})
    past = {("csto", q.id): QuestionHistory(attempts=3, misses=3, last_verdict="incorrect")
            for q in shipped_bank(True).questions[:5]}  # fmt: skip
    ben = Session([shipped_bank(True)], drill, history=past)
    seen = quiz_seen(ann)
    assert len(seen) == 8
    assert seen == quiz_seen(ben)
    assert any(len(options) > 1 for _, options, _ in seen)  # shuffled choices were compared
    assert fingerprint(ann.banks, drill) == fingerprint(ben.banks, drill)


def test_different_seeds_give_different_quizzes() -> None:
    bank = shipped_bank(True)
    first = quiz_seen(Session([bank], SessionOptions(mode="drill", seed="CSTO7", count=8)))
    other = quiz_seen(Session([bank], SessionOptions(mode="drill", seed="CSTO8", count=8)))
    assert first != other
    assert fingerprint([bank], SessionOptions(mode="drill", seed="CSTO7", count=8)) != fingerprint(
        [bank], SessionOptions(mode="drill", seed="CSTO8", count=8)
    )


def test_a_question_whose_time_runs_out_is_a_timeout_and_the_next_comes() -> None:
    clock = FakeClock()
    drill = SessionOptions(mode="drill", seed="CSTO7", count=3, time_per_question=30)
    session = Session([BANK], drill, clock=clock)
    first = session.current
    clock.now = 29.0
    assert session.expire_if_due() is None and session.time_left() == pytest.approx(1.0)
    clock.now = 30.5
    outcome = session.expire_if_due()
    assert outcome is not None and outcome.verdict == "timeout" and outcome.score == 0
    assert outcome.asked == first
    second = session.current
    assert second is not None and second.number == 2
    assert session.time_left() == pytest.approx(30.0)  # a fresh 30 s for the next one

    # A line-based front end cannot interrupt typing: a late answer is a timeout.
    clock.now += 45
    late = session.answer(second.question.answer)
    assert late.verdict == "timeout" and late.asked == second

    third = session.current
    clock.now += 5
    on_time = session.answer(third.question.answer)
    assert (on_time.verdict, on_time.seconds) == ("correct", 5.0)

    doc = results_document("Ann", [BANK], drill, session.result(),
                           started_at=datetime(2025, 1, 1, tzinfo=UTC),
                           finished_at=datetime(2025, 1, 1, 0, 2, tzinfo=UTC))  # fmt: skip
    assert [q["verdict"] for q in doc["questions"]] == ["timeout", "timeout", "correct"]
    assert doc["totals"] | {"bonus": 0} == {
        "points": 1.0, "possible": 3, "percent": 33.3, "answered": 1, "timeouts": 2,
        "skipped": 0, "bonus": 0,
    }  # fmt: skip


def test_an_exam_that_runs_out_of_time_counts_unreached_questions() -> None:
    clock = FakeClock()
    exam = SessionOptions(mode="exam", seed="E1", count=4, time_limit=60)
    session = Session([BANK], exam, clock=clock)
    session.answer(session.current.question.answer)
    clock.now = 61
    assert session.expire_if_due() is not None and session.finished
    doc = results_document("Ann", [BANK], exam, session.result(),
                           started_at=datetime(2025, 1, 1, tzinfo=UTC),
                           finished_at=datetime(2025, 1, 1, 0, 2, tzinfo=UTC))  # fmt: skip
    assert [q["verdict"] for q in doc["questions"]] == ["correct"] + ["timeout"] * 3
    assert (doc["totals"]["possible"], doc["totals"]["percent"]) == (4, 25.0)
    assert doc["fingerprint"] == fingerprint([BANK], exam)


# --- the drill line, word for word ----------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "words"),
    [
        ({"mode": "drill", "count": 3, "time_per_question": 30}, "3 questions, 30 s per question"),
        ({"mode": "exam", "time_limit": 600}, "5 questions, 10 min in all"),
        ({"mode": "exam", "time_limit": 90}, "5 questions, 90 s in all"),
        ({"mode": "exam", "time_limit": 7.5}, "5 questions, 7.5 s in all"),
        (
            {"mode": "drill", "count": 1, "time_per_question": 12.5, "speed_bonus": True},
            "1 question, 12.5 s per question, speed bonus",
        ),
    ],
)
def test_the_drill_line_a_student_reads_first(options: dict, words: str) -> None:
    banks = [numbered_bank(5, "csto")]
    session = Session(banks, SessionOptions(seed="K7QM2X", **options))
    label = "Exam" if options["mode"] == "exam" else "Drill"
    code = fingerprint(banks, SessionOptions(seed="K7QM2X", **options))
    assert drill_line(banks, session) == f"{label} {code}, {words}"


def test_the_drill_line_names_the_seed_a_seedless_session_drew() -> None:
    banks = [numbered_bank(5, "csto")]
    session = Session(banks, SessionOptions(mode="drill"))
    code = fingerprint(banks, SessionOptions(mode="drill", seed=session.seed))
    assert drill_line(banks, session) == f"Drill {code}, 5 questions"


def test_finishing_a_drill_writes_its_results_file(tmp_path: Path) -> None:
    banks = [numbered_bank(2, "csto")]
    session = Session(banks, SessionOptions(mode="drill", seed="S"))
    session.answer(session.current.question.answer)
    when = datetime(2025, 3, 4, 9, 5, 7, tzinfo=UTC)
    path = finish_drill(tmp_path, banks, session, "Ann", now=lambda: when)
    doc = read_results(path)
    assert path.parent == tmp_path and path.name.endswith("_20250304-090507.json")
    assert (doc["student"], doc["finished_at"], doc["totals"]["points"]) == (
        "Ann",
        "2025-03-04T09:05:07+00:00",
        1.0,
    )
    assert doc["totals"]["possible"] == 2

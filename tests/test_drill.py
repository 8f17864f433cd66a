"""Drills: the fingerprint a teacher checks, and the same quiz for every student."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest

from quiz.core.drill import describe, drill_settings, fingerprint
from quiz.core.model import Bank, Question, QuestionType


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


def options(**kw: object) -> SimpleNamespace:
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
    return SimpleNamespace(**base)


BANK = make_bank()


def test_fingerprint_looks_like_a_short_code() -> None:
    code = fingerprint([BANK], options())
    assert code.startswith("CSTO-") and len(code) == 9
    assert code[5:] == code[5:].upper() and int(code[5:], 16) >= 0


def test_prefix_is_the_bank_id_upper_case_trimmed() -> None:
    code = fingerprint([make_bank("post-soviet_security-orgs")], options())
    assert code.split("-")[0] == "POSTSOVI"


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
        "from tests.test_drill import BANK, options;"
        "from quiz.core.drill import fingerprint;"
        "print(fingerprint([BANK], options()))"
    )
    codes = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", script],
            env=env,
            cwd=Path(__file__).resolve().parent.parent,
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

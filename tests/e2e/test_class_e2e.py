"""A class of 30 through the plain front end, then `quiz report` over their results files.

Each student types a different mix of right answers, wrong answers and skips;
every tenth one stops after three questions. The report must agree with what
they typed, in every format.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import re
import sys
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from quiz import startup as context
from quiz.bank.loader import load_bank
from quiz.cli import plain
from quiz.common import paths
from quiz.grading.checking import check
from quiz.main import main
from quiz.study.answers import parse_typed
from quiz.study.session import Asked, Session, SessionOptions
from tests.helpers.plain import right_line, wrong_line

STUDENTS = 30
DRILL = ("--plain", "--mode", "drill", "--seed", "CSTO7", "--count", "5")


class NullStore:
    """Stands in for the progress store where it is not installed."""

    def start(self, info: Any) -> None: ...
    def record(self, attempt: Any) -> None: ...
    def finish(self, summary: Any) -> None: ...
    def history(self, bank_ids: Any) -> dict:
        return {}

    def next_due(self, bank_ids: Any) -> None:
        return None


@pytest.fixture(autouse=True)
def _store(monkeypatch: pytest.MonkeyPatch) -> None:
    if importlib.util.find_spec("quiz.progress.store") is None:
        monkeypatch.setattr(context, "open_store", lambda args: NullStore())


def plan() -> tuple[Asked, ...]:
    options = SessionOptions(mode="drill", seed="CSTO7", count=5)
    return Session([load_bank(paths.default_bank_path())], options).questions


def answers_of(i: int, asked: tuple[Asked, ...]) -> list[tuple[str, str, float]]:
    """Student i's typed lines with the verdict and score each must get."""
    typed = []
    for k, a in enumerate(asked):
        if i % 10 == 9 and k >= 3:
            break  # stops early: end of input
        kind = (i * 7 + k * 3) % 5
        if kind == 4:
            typed.append(("", "skipped", 0.0))
            continue
        line = right_line(a) if kind < 3 else wrong_line(a)
        verdict = check(a.question, parse_typed(a, line))
        assert verdict.verdict == ("correct" if kind < 3 else "incorrect")
        typed.append((line, verdict.verdict, verdict.score))
    return typed


def run_quiz(capsys, argv: list[str], lines: list[str]) -> tuple[int, str]:
    old = sys.stdin
    sys.stdin = io.StringIO("".join(f"{line}\n" for line in lines))
    try:
        code = main(argv)
    finally:
        sys.stdin = old
    return code, capsys.readouterr().out


def run_report(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["report", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_thirty_students_then_the_report(tmp_path: Path, capsys) -> None:
    asked = plan()
    results_dir, db = tmp_path / "results", tmp_path / "progress.db"
    expected: dict[str, list[tuple[str, str, float]]] = {}
    codes = set()
    for i in range(STUDENTS):
        student = f"student{i}"
        typed = expected[student] = answers_of(i, asked)
        argv = [*DRILL, "--profile", student, "--results", str(results_dir), "--progress", str(db)]
        code, out = run_quiz(capsys, argv, [line for line, _, _ in typed])
        assert code == 0
        codes.add(re.search(r"^Drill (CSTO-[0-9A-F]{4}), 5 questions$", out, re.M).group(1))
        assert re.search(r"^Results saved to .*student\d+_CSTO-", out, re.M)
    assert len(codes) == 1  # the whole class saw the same drill line
    (code_seen,) = codes

    files = sorted(results_dir.glob("*.json"))
    assert len(files) == STUDENTS
    docs = {d["student"]: d for d in (json.loads(f.read_text("utf-8")) for f in files)}
    assert {d["fingerprint"] for d in docs.values()} == {code_seen}
    for student, typed in expected.items():
        doc = docs[student]
        assert [q["question_id"] for q in doc["questions"]] == [
            a.question.id for a in asked[: len(typed)]
        ]
        assert [q["verdict"] for q in doc["questions"]] == [v for _, v, _ in typed]
        assert doc["totals"]["possible"] == 5

    # --- table: every number from what the students typed ---
    code, out, err = run_report(capsys, str(results_dir))
    assert code == 0 and err == ""
    assert f"Drill {code_seen}, 5 questions" in out
    points = {s: sum(score for _, _, score in t) for s, t in expected.items()}
    percents = [round(100 * p / 5, 1) for p in points.values()]
    average = round(sum(percents) / STUDENTS, 1)
    assert f"{STUDENTS} students, average {average:g}%" in out
    for student, p in points.items():
        assert re.search(rf"^{student}\s+{p:g}\s+5\s+{round(100 * p / 5, 1):g}%", out, re.M)
    for k in range(len(asked)):
        given = [t[k] for t in expected.values() if len(t) > k]
        right = sum(v == "correct" for _, v, _ in given)
        share = f"{round(100 * right / len(given), 1):g}% ({right}/{len(given)})"
        assert re.search(rf"^{k + 1}\s+.*\s{re.escape(share)}\s", out, re.M), share

    # --- csv: one row per answer given, verdicts as typed ---
    code, out, _ = run_report(capsys, str(results_dir), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == sum(len(t) for t in expected.values()) == 27 * 5 + 3 * 3
    for row in rows:
        _, verdict, _ = expected[row["student"]][int(row["number"]) - 1]
        assert row["verdict"] == verdict

    # --- html: one file with every student ---
    page_path = tmp_path / "class.html"
    code, _, _ = run_report(
        capsys, str(results_dir), "--format", "html", "--output", str(page_path)
    )
    page = page_path.read_text("utf-8")
    assert code == 0 and f"{STUDENTS} students" in page
    assert all(f"<td>student{i}</td>" in page for i in range(STUDENTS))


def test_the_name_is_asked_when_there_is_no_profile(tmp_path: Path, capsys) -> None:
    first = plan()[0]
    argv = [*DRILL, "--results", str(tmp_path), "--progress", str(tmp_path / "p.db")]
    code, out = run_quiz(capsys, argv, ["", "  Zoë   Müller ", right_line(first)])
    assert code == 0
    assert out.count("Your name (for the results file): ") == 2  # an empty name asks again
    (saved,) = tmp_path.glob("*.json")
    assert saved.name.startswith("Zoe-Muller_CSTO-")
    doc = json.loads(saved.read_text("utf-8"))
    assert doc["student"] == "Zoë Müller"
    assert [q["verdict"] for q in doc["questions"]] == ["correct"]


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class SlowStdin(io.StringIO):
    """Input whose lines take the given seconds each to arrive (on the fake clock)."""

    def __init__(self, lines: list[tuple[str, float]], clock: FakeClock) -> None:
        super().__init__()
        self.lines, self.clock = list(lines), clock

    def readline(self, *args: Any) -> str:
        if not self.lines:
            return ""
        line, seconds = self.lines.pop(0)
        self.clock.now += seconds
        return f"{line}\n"


def test_a_late_answer_in_the_plain_front_end_is_a_timeout(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    asked = plan()[:3]
    clock = FakeClock()
    monkeypatch.setattr(plain, "Session", partial(Session, clock=clock))
    lines = [(right_line(asked[0]), 10), (right_line(asked[1]), 31), (right_line(asked[2]), 29)]
    monkeypatch.setattr(sys, "stdin", SlowStdin(lines, clock))
    argv = [*DRILL[:-1], "3", "--time-per-question", "30", "--profile", "ann"]
    code = main([*argv, "--results", str(tmp_path), "--progress", str(tmp_path / "p.db")])
    out = capsys.readouterr().out
    assert code == 0
    assert re.search(r"^Drill CSTO-[0-9A-F]{4}, 3 questions, 30 s per question$", out, re.M)
    assert "Question 2 of 3" in out and "Question 3 of 3" in out  # the next one came
    (saved,) = tmp_path.glob("*.json")
    doc = json.loads(saved.read_text("utf-8"))
    assert [(q["verdict"], q["seconds"]) for q in doc["questions"]] == [
        ("correct", 10),
        ("timeout", 31),
        ("correct", 29),
    ]
    assert doc["totals"]["timeouts"] == 1

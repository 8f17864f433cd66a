"""The plain front end, run in-process with a typed-in stdin: what a learner reads."""

from __future__ import annotations

import importlib.util
import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from quiz import startup as context
from quiz.bank.model import QuestionType as T
from quiz.main import main
from tests.helpers.plain import BANK, planned, right_line, wrong_line

VERDICT_WORDS = ("Correct", "Partly correct", "Incorrect", "Skipped", "Time ran out")


class FakeStore:
    """Stands in for the progress store while it is not there; same Recorder methods."""

    def __init__(self) -> None:
        self.attempts: list[Any] = []

    def start(self, info: Any) -> None:
        pass

    def record(self, attempt: Any) -> None:
        self.attempts.append(attempt)

    def finish(self, summary: Any) -> None:
        pass

    def history(self, bank_ids: Any) -> dict:
        latest = {(a.bank_id, a.question_id): a for a in self.attempts}
        from quiz.study.history import QuestionHistory

        return {
            key: QuestionHistory(attempts=1, last_verdict=a.verdict) for key, a in latest.items()
        }

    def next_due(self, bank_ids: Any) -> None:
        return None

    def close(self) -> None:
        pass


@pytest.fixture(autouse=True)
def _store(monkeypatch: pytest.MonkeyPatch) -> None:
    """The real store when it is installed; otherwise one fake shared by the test's runs."""
    if importlib.util.find_spec("quiz.progress.store") is None:
        fake = FakeStore()
        monkeypatch.setattr(context, "open_store", lambda args: fake)


def run(capsys: pytest.CaptureFixture[str], lines: list[str], *args: str) -> tuple[int, str]:
    """Run `quiz --plain --bank BANK ARGS...` with `lines` as stdin; (exit code, stdout)."""
    stdin = io.StringIO("".join(f"{line}\n" for line in lines))
    old = sys.stdin
    sys.stdin = stdin
    try:
        code = main(["--plain", "--bank", str(BANK), *args])
    finally:
        sys.stdin = old
    return code, capsys.readouterr().out


def feedback(out: str) -> str:
    """The transcript up to the final score (the answers' feedback)."""
    return out.split("\nScore: ")[0]


def verdicts(out: str, indent: str = "") -> list[str]:
    """Verdict words of lines that start with one (after `indent`)."""
    return [
        next(w for w in VERDICT_WORDS if line.startswith(indent + w))
        for line in out.splitlines()
        if line.startswith(tuple(indent + w for w in VERDICT_WORDS))
    ]


def test_all_right(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, [right_line(a) for a in planned("x")], "--seed", "x")
    assert code == 0
    assert verdicts(feedback(out)) == ["Correct"] * 7
    assert "Score: 7/7 (100%)" in out
    assert "Missed" not in out


def test_all_wrong_shows_expected_reason_and_passage(capsys: pytest.CaptureFixture[str]) -> None:
    asked = planned("x")
    _, out = run(capsys, [wrong_line(a) for a in asked], "--seed", "x")
    assert verdicts(feedback(out)) == ["Incorrect"] * 7
    assert "Score: 0/7 (0%)" in out
    assert "Expected: Kestrel" in out
    assert "Why: 'Nonsense' is not 'Kestrel'" in out
    assert "Expected: False\n" in out  # the true/false statement that is false
    assert "Why: the statement is false" not in out  # it would add nothing to Expected
    assert 'Source: "Its first engine was named Kestrel."' in out
    assert "Explanation: The first engine was Kestrel." in out
    missed = out.split("Missed")[1]
    assert missed.count("Source: ") == 7


def test_choices_are_numbered_plain_text(capsys: pytest.CaptureFixture[str]) -> None:
    asked = planned("x")
    _, out = run(capsys, [], "--seed", "x", "--count", "1")
    for n, option in enumerate(asked[0].options, 1):
        assert f"  {n}. {option}\n" in out
    assert "\033[" not in out
    assert not any(ch in out for ch in "│─┌╭")


def test_unreadable_input_is_asked_again(capsys: pytest.CaptureFixture[str]) -> None:
    first = planned("x")[0]
    _, out = run(capsys, ["99 99 99 99 99", right_line(first)], "--seed", "x", "--count", "1")
    assert "use numbers from 1 to" in out
    assert verdicts(feedback(out)) == ["Correct"]


def test_empty_line_skips(capsys: pytest.CaptureFixture[str]) -> None:
    asked = planned("x", count=2)
    _, out = run(capsys, ["", right_line(asked[1])], "--seed", "x", "--count", "2")
    assert verdicts(feedback(out)) == ["Skipped", "Correct"]
    assert "Score: 1/2 (50%)" in out


def test_end_of_input_stops_with_the_score_so_far(capsys: pytest.CaptureFixture[str]) -> None:
    asked = planned("x")
    code, out = run(capsys, [right_line(asked[0]), wrong_line(asked[1])], "--seed", "x")
    assert code == 0
    assert verdicts(feedback(out)) == ["Correct", "Incorrect"]
    # The score counts every question of the session; the ones not reached score 0.
    assert "Score: 1/7 (14%)" in out
    assert "Stopped early: 2 of 7 answered." in out


def test_override_after_a_typed_answer(capsys: pytest.CaptureFixture[str]) -> None:
    asked = planned("x")
    typed = next(i for i, a in enumerate(asked) if a.question.id == "first-engine")
    lines = [right_line(a) for a in asked]
    lines[typed] = "Kestrel the engine"
    lines.insert(typed + 1, "o")
    _, out = run(capsys, lines, "--seed", "x")
    assert "type o at the next prompt if you were right" in out
    assert "Correct (you said you were right)" in out
    assert "Score: 7/7 (100%)" in out


def test_no_override_for_a_choice(capsys: pytest.CaptureFixture[str]) -> None:
    asked = planned("x", count=1)
    assert asked[0].question.type.value != "short_answer"
    _, out = run(capsys, [wrong_line(asked[0]), "o"], "--seed", "x", "--count", "1")
    assert "you said you were right" not in out
    assert "Score: 0/1 (0%)" in out


def test_review_asks_what_was_missed(capsys: pytest.CaptureFixture[str]) -> None:
    asked = planned("x")
    lines = [right_line(a) for a in asked]
    lines[2] = wrong_line(asked[2])
    run(capsys, lines, "--seed", "x")
    _, out = run(capsys, [right_line(asked[2])], "--mode", "review", "--seed", "y")
    assert "1 question" in out.splitlines()[0]
    assert asked[2].question.prompt in out
    assert "Score: 1/1 (100%)" in out


def test_review_with_nothing_missed_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, [], "--mode", "review")
    assert code == 0
    assert out.startswith("Nothing to review now")


def test_review_with_nothing_missed_says_when_the_next_is_due(
    capsys: pytest.CaptureFixture[str],
) -> None:
    asked = planned("x")
    run(capsys, [right_line(a) for a in asked], "--seed", "x")
    _, out = run(capsys, [], "--mode", "review")
    # Right answers are due again after fsrs's learning step, minutes from now.
    assert out.startswith("Nothing to review now")
    assert "Next review due in " in out and " minutes (" in out


def test_exam_gives_feedback_only_at_the_end(capsys, tmp_path) -> None:
    asked = planned("E1", mode="exam")
    lines = [right_line(a) for a in asked[:-1]] + [wrong_line(asked[-1])]
    args = ("--mode", "exam", "--seed", "E1", "--profile", "ana", "--results", str(tmp_path))
    _, out = run(capsys, lines, *args)
    before, review = out.split("Score: ")
    assert verdicts(before) == []
    assert "Score: 6/7 (86%)" in "Score: " + review
    assert verdicts(review) == []  # the review is indented under each question
    assert verdicts(review, indent="   ") == ["Correct"] * 6 + ["Incorrect"]
    (saved,) = tmp_path.glob("*.json")
    doc = json.loads(saved.read_text("utf-8"))
    assert (doc["student"], doc["totals"]["points"], doc["totals"]["possible"]) == ("ana", 6, 7)
    assert f"Results saved to {saved}" in out


def test_drill_shows_its_code_first(capsys: pytest.CaptureFixture[str]) -> None:
    args = ("--mode", "drill", "--seed", "CSTO7", "--profile", "ana", "--results", "/nonexistent/x")
    _, out = run(capsys, [], *args)
    assert out.splitlines()[1].startswith("Drill ENGINESM-")
    assert "Results saved" not in out  # nothing answered, nothing written


def test_the_last_choice_can_be_typed_by_its_number(capsys: pytest.CaptureFixture[str]) -> None:
    asked = planned("x")
    lines = [
        str(len(a.options)) if a.question.type is T.MULTIPLE_CHOICE else right_line(a)
        for a in asked
    ]
    mc = next(a for a in asked if a.question.type is T.MULTIPLE_CHOICE)
    last_is_right = mc.options[-1] == mc.question.answer
    code, out = run(capsys, lines, "--seed", "x")
    assert code == 0
    assert "There is no choice" not in out
    assert verdicts(feedback(out)).count("Correct") == 6 + last_is_right
    if not last_is_right:
        assert f"Why: '{mc.options[-1]}' is not the answer" in out


def test_study_today_asks_new_questions_up_to_the_limit_then_is_done(
    capsys: pytest.CaptureFixture[str], fake_day
) -> None:
    asked = planned("x", mode="study")[:2]  # new questions come in bank order
    code, out = run(capsys, [right_line(a) for a in asked], "--mode", "study", "--new-limit", "2")
    assert code == 0
    assert ": study, 2 questions, seed " in out.splitlines()[0]
    assert "Score: 2/2 (100%)" in out
    assert out.rstrip().splitlines()[-1].startswith("Done for today. Next review due in 10 minutes")
    fake_day.later(minutes=5)
    _, again = run(capsys, [], "--mode", "study", "--new-limit", "2")
    assert again.startswith("Nothing due and no new questions left today. Done for today.")
    assert "Next review due in 5 minutes" in again


def test_the_new_limit_comes_from_the_settings_file(
    capsys: pytest.CaptureFixture[str], fake_day, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text("new_limit = 1\n")
    monkeypatch.setenv("QUIZ_SETTINGS", str(settings))
    _, out = run(capsys, [], "--mode", "study")
    assert "study, 1 question," in out.splitlines()[0]


def test_a_note_is_shown_after_the_answer_marked_beyond_the_text(
    capsys: pytest.CaptureFixture[str],
) -> None:
    asked = planned("x")
    _, out = run(capsys, [wrong_line(a) for a in asked], "--seed", "x")
    note = "Beyond the text: The engine was later renamed Osprey."
    live, missed = feedback(out), out.split("Missed")[1]
    assert live.count(note) == 1 and missed.count(note) == 1
    block = live.split("Expected: Kestrel")[1]
    assert block.index("Explanation: The first engine") < block.index(note)
    assert out.count("Beyond the text:") == 2  # only the question that has a note


def test_an_exam_says_which_questions_it_left_out(
    capsys: pytest.CaptureFixture[str], tmp_path
) -> None:
    from tests.helpers import BANKS

    stdin, sys.stdin = sys.stdin, io.StringIO("")
    try:
        args = ["--plain", "--bank", str(BANKS / "leaky.yaml"), "--mode", "exam", "--seed", "E1"]
        main([*args, "--profile", "ana", "--results", str(tmp_path)])
    finally:
        sys.stdin = stdin
    out = capsys.readouterr().out
    assert "exam, 9 questions, seed E1" in out
    line = next(x for x in out.splitlines() if x.startswith("Left out"))
    assert line in (
        "Left out 1 question whose wording would give away another's answer: keeper-name",
        "Left out 1 question whose wording would give away another's answer: keeper-year",
    )

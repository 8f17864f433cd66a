"""Plain, the app and the results file give a session the same score.

The score is the session's points out of every question it holds: a question
not reached when a drill stops early counts 0, and the summary says how many
were answered.
"""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import pytest

from quiz.bank.loader import load_bank
from quiz.main import main
from quiz.study.session import Session, SessionOptions
from quiz.ui.screens.question import QuestionScreen
from quiz.ui.screens.results import ResultsScreen
from tests.helpers.plain import right_line, wrong_line
from tests.helpers.ui import ALL_TYPES, answer, build_app, screen_text

SEED = "agree"
COUNT = 4
SIZE = (100, 40)

# (name, what the learner does with each question in turn; None: stops there)
RUNS = [
    ("finished", [True, True, False, False], (2, 4, 50), None),
    ("stopped early", [True, True, None], (2, 4, 50), "2 of 4 answered"),
    ("one right then stopped", [False, True, None], (1, 4, 25), "2 of 4 answered"),
]


def _plain(tmp_path: Path, plan: list[bool | None], capsys) -> tuple[str, dict]:
    options = SessionOptions(mode="drill", seed=SEED, count=COUNT)
    asked = Session([load_bank(ALL_TYPES, use_cache=False)], options).questions
    lines = []
    for a, right in zip(asked, plan, strict=False):
        if right is None:
            break
        lines.append(right_line(a) if right else wrong_line(a))
    results = tmp_path / "plain-results"
    stdin, old = io.StringIO("".join(f"{line}\n" for line in lines)), sys.stdin
    sys.stdin = stdin
    try:
        code = main(
            ["--plain", "--bank", str(ALL_TYPES), "--mode", "drill", "--seed", SEED,
             "--count", str(COUNT), "--profile", "ana", "--results", str(results),
             "--progress", str(tmp_path / "plain.db")]
        )  # fmt: skip
    finally:
        sys.stdin = old
    assert code == 0
    (saved,) = results.glob("*.json")
    return capsys.readouterr().out, json.loads(saved.read_text("utf-8"))


async def _app(tmp_path: Path, plan: list[bool | None]) -> str:
    app = build_app(tmp_path, mode="drill", count=COUNT, seed=SEED)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        for right in plan:
            if right is None:
                await pilot.press("escape")
                await pilot.pause()
                await pilot.press("y")
                await pilot.pause()
                break
            assert isinstance(app.screen, QuestionScreen)
            await answer(pilot, app, right=right)
            await pilot.press("n")
            await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        text = screen_text(app, "#score")
        await app.action_quit()
    return text


@pytest.mark.parametrize(("name", "plan", "expected", "note"), RUNS, ids=[r[0] for r in RUNS])
async def test_plain_app_and_results_file_agree_on_the_score(
    name: str,
    plan: list[bool | None],
    expected: tuple[int, int, int],
    note: str | None,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    points, questions, percent = expected
    out, doc = _plain(tmp_path, plan, capsys)
    shown = _app_text = await _app(tmp_path, plan)

    plain_score = re.search(r"^Score: (\S+)/(\d+) \((\d+)%\)$", out, re.MULTILINE)
    assert plain_score is not None, out
    app_score = re.search(r"(\S+) of (\d+) points \((\d+)%\)", shown)
    assert app_score is not None, shown
    totals = doc["totals"]
    file_score = (totals["points"], totals["possible"], round(totals["percent"]))

    assert tuple(map(float, plain_score.groups())) == (points, questions, percent)
    assert tuple(map(float, app_score.groups())) == (points, questions, percent)
    assert file_score == (points, questions, percent)
    if note is None:
        assert "answered" not in out.split("\nScore: ")[1].splitlines()[0]
        assert "answered" not in _app_text
    else:
        assert f"Stopped early: {note}." in out
        assert note in shown
        assert f"{totals['answered']} of {totals['possible']} answered" == note

"""What the screen says is what happens: fixes from a first-use walkthrough of the app."""

from __future__ import annotations

import json
from pathlib import Path

from quiz.ui.screens.home import HomeScreen
from quiz.ui.screens.question import QuestionScreen
from quiz.ui.screens.results import ResultsScreen
from tests.helpers.ui import answer, build_app, screen_text

SIZE = (80, 24)


async def test_seedless_exam_shows_the_code_its_results_file_carries(tmp_path: Path) -> None:
    app = build_app(tmp_path, mode="exam", seed=None, count=2)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        line = screen_text(app, "#drill-line")
        assert line.endswith("(no --seed: a code only this run has)")
        code = line.split()[1].rstrip(",")
        await pilot.press("enter")
        await pilot.pause()
        while isinstance(app.screen, QuestionScreen):
            await answer(pilot, app, right=True)
            await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
    files = sorted((tmp_path / "results").glob("*.json"))
    assert json.loads(files[0].read_text())["fingerprint"] == code

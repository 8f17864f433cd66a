"""Tiny and resized terminals: every screen lays out without crashing, and answers still count."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.ui.screens.home import HomeScreen
from quiz.ui.screens.question import QuestionScreen
from quiz.ui.screens.results import ResultsScreen
from tests.helpers.ui import answer, build_app, history


@pytest.mark.parametrize("size", [(8, 12), (12, 6), (1, 1)])
async def test_a_whole_session_in_a_tiny_terminal(tmp_path: Path, size: tuple[int, int]) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("enter")
        await pilot.pause()
        right = True
        while isinstance(app.screen, QuestionScreen):
            await answer(pilot, app, right=right)
            right = not right
            await pilot.press("n")
            await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("s")  # stats
        await pilot.pause()
        await pilot.press("question_mark")  # help over it
        await pilot.pause()
    # Every question was answered and recorded, however little of it was visible.
    assert len(history(app)) == len(app.banks[0].questions)


async def test_resizing_midway_keeps_the_question(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        asked = app.session.current.question.id
        for width, height in [(10, 5), (120, 40), (1, 1), (80, 24)]:
            await pilot.resize_terminal(width, height)
            await pilot.pause()
            assert isinstance(app.screen, QuestionScreen)
            assert app.session.current.question.id == asked
        await answer(pilot, app, right=True)
    assert list(history(app)) == [asked]

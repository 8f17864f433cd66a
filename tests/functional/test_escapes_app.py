"""The app shows escapes from a bank, a name or a typed answer; it never sends them."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from quiz.ui.screens.feedback import FeedbackScreen
from quiz.ui.screens.question import QuestionScreen
from tests.helpers.hostile import OSC52, RAW, write_hostile_bank
from tests.helpers.ui import build_app

SIZE = (80, 24)


def _screen_text(app) -> str:
    """Everything the current screen would send to the terminal, as text."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


def _assert_shown_not_sent(app) -> str:
    text = _screen_text(app)
    for char in RAW:
        assert char not in text, f"raw {char!r} on screen:\n{text!r}"
    return text


async def test_bank_text_and_a_typed_answer_are_shown_escaped(tmp_path: Path) -> None:
    bank = write_hostile_bank(tmp_path)
    app = build_app(tmp_path, bank, seed="s", count=1)
    app.profile = OSC52
    async with app.run_test(size=SIZE) as pilot:
        home = _assert_shown_not_sent(app)
        assert "\\x1b[2J" in home  # the bank title, visibly
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        question = _assert_shown_not_sent(app)
        assert "\\x1b" in question
        if app.session.current.question.id == "q1":
            app.screen.query_one(Input).value = OSC52
            await pilot.press("enter")
        else:
            await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        feedback = _assert_shown_not_sent(app)
        assert "\\x1b" in feedback


@pytest.mark.parametrize("field", ["title", "sub_title"])
async def test_the_title_bar_shows_escaped_titles_and_names(tmp_path: Path, field: str) -> None:
    bank = write_hostile_bank(tmp_path)
    app = build_app(tmp_path, bank)
    async with app.run_test(size=SIZE) as pilot:
        app.use_profile(OSC52)
        await pilot.pause()
        text = _assert_shown_not_sent(app)
        assert "Eve\\x1b]52" in text or field == "title"


async def test_the_results_screen_shows_escaped_topics_and_prompts(tmp_path: Path) -> None:
    from quiz.ui.screens.results import ResultsScreen

    bank = write_hostile_bank(tmp_path)
    app = build_app(tmp_path, bank, mode="exam", seed="s")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        for _ in range(2):
            if app.session.current.question.id == "q1":
                app.screen.query_one(Input).value = OSC52
                await pilot.press("enter")
            else:
                await pilot.press("1")
            await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        text = _assert_shown_not_sent(app)
        assert "Topic \\x1b[31m red" in text

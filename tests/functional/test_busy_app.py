"""The app while another program holds the progress file: it says so and goes on."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from quiz.progress.store import WAITING
from quiz.ui.screens.feedback import FeedbackScreen
from tests.helpers.ui import answer, build_app, history

SIZE = (80, 24)


async def test_answers_wait_in_memory_while_the_file_is_held(tmp_path: Path, monkeypatch) -> None:
    from quiz.progress import store as store_module

    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_S", 0.2)
    app = build_app(tmp_path, count=3)
    notices: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        app.store.on_notice = notices.append
        await pilot.press("enter")
        await pilot.pause()
        holder = sqlite3.connect(tmp_path / "progress.db", isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        try:
            await answer(pilot, app, right=True)
            assert isinstance(app.screen, FeedbackScreen)  # the session went on
            assert any(WAITING in n for n in notices)
            assert app.store.unsaved == 1
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        await pilot.press("n")
        await pilot.pause()
        await answer(pilot, app, right=True)
        assert app.store.unsaved == 0
        assert any("free again" in n for n in notices)
        assert sum(h.attempts for h in history(app).values()) == 2


async def test_a_name_typed_while_the_file_is_held_says_so_and_can_be_tried_again(
    tmp_path: Path, monkeypatch
) -> None:
    from textual.widgets import Input

    from quiz.progress import store as store_module
    from quiz.ui.screens.home import HomeScreen
    from quiz.ui.screens.question import QuestionScreen

    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_S", 0.2)
    app = build_app(tmp_path, mode="drill", count=2, ask_name=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#name", Input).value = "Ana"
        holder = sqlite3.connect(tmp_path / "progress.db", isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        try:
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)  # no traceback: still home
            assert any("busy" in n.message for n in app._notifications)
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert app.profile == "Ana"

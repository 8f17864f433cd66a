"""Drills and exams in the app: the student's name, the drill line, timers, results files."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import Input
from textual.widgets._footer import FooterKey

from quiz.classroom.drill import describe
from quiz.progress.store import ProgressStore
from quiz.ui.screens.feedback import FeedbackScreen
from quiz.ui.screens.home import HomeScreen
from quiz.ui.screens.question import QuestionScreen
from quiz.ui.screens.results import ResultsScreen
from quiz.ui.widgets.title_bar import TitleBar
from tests.helpers.ui import FakeClock, answer, build_app, history, screen_text

SIZE = (80, 24)


def footer_keys(app) -> list[str]:
    """The descriptions the footer shows on the current screen."""
    return [key.description for key in app.screen.query(FooterKey)]


def results_files(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "results"
    return sorted(folder.glob("*.json")) if folder.exists() else []


async def _type(pilot, text: str) -> None:
    await pilot.press(*(("space" if ch == " " else ch) for ch in text))


async def test_drill_home_shows_the_drill_line_and_asks_the_name(tmp_path: Path) -> None:
    app = build_app(tmp_path, mode="drill", count=3, time_per_question=30, ask_name=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        expected = describe(app.banks, app.options)
        line = screen_text(app, "#drill-line")
        assert line == f"Drill {expected}"
        assert "3 questions, 30 s per question" in line
        name = app.screen.query_one("#name", Input)
        assert app.focused is name and name.value == ""
        await pilot.press("enter")  # no name yet: stays on home
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await _type(pilot, "Ann Lee")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert app.session.options.mode == "drill"
        assert app.profile == "Ann Lee" and app.store.profile == "Ann Lee"
        # The title bars name the student, home's (underneath) as well as the question's.
        for screen in app.screen_stack:
            assert str(screen.query_one(TitleBar).render()).endswith("— Ann Lee")
        qid = app.session.current.question.id
        await answer(pilot, app, right=True)
    # Recorded under the student's name, not the profile the app started with.
    with ProgressStore.open(tmp_path / "progress.db", "Ann Lee") as store:
        assert {q for (_, q) in store.history(app.bank_ids)} == {qid}
    with ProgressStore.open(tmp_path / "progress.db", "tester") as store:
        assert store.history(app.bank_ids) == {}


async def test_no_name_asked_with_a_profile(tmp_path: Path) -> None:
    app = build_app(tmp_path, mode="drill", ask_name=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert screen_text(app, "#drill-line").startswith("Drill ")
        assert not app.screen.query("#name")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)


async def test_practice_hides_the_drill_line(tmp_path: Path) -> None:
    app = build_app(tmp_path, ask_name=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not [panel for panel in app.screen.query("#class-panel") if panel.display]
        await pilot.press("down")  # Exam: Review missed is disabled with nothing missed
        await pilot.pause()
        assert app.screen.query_one("#class-panel").display
        assert screen_text(app, "#drill-line").startswith("Exam ")
        # Launched for practice, the name box offers the profile already in use.
        assert app.screen.query_one("#name", Input).value == "tester"
        await pilot.press("up")  # back to Practice: the panel goes again
        await pilot.pause()
        assert not app.screen.query_one("#class-panel").display


async def test_drill_writes_its_results_file_once_and_says_where(tmp_path: Path) -> None:
    app = build_app(tmp_path, mode="drill", count=2, ask_name=True)
    async with app.run_test(size=SIZE) as pilot:
        await _type(pilot, "Bo")
        await pilot.press("enter")
        await pilot.pause()
        while isinstance(app.screen, QuestionScreen):
            await answer(pilot, app, right=True)
            await pilot.press("n")
            await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        files = results_files(tmp_path)
        assert len(files) == 1
        assert screen_text(app, "#saved") == f"Results saved to {files[0]}"
        assert "Drill finished: 2 of 2 points (100%)" in screen_text(app, "#score")
        await pilot.press("escape")  # home, then quit: nothing more is written
        await pilot.pause()
        await app.action_quit()
    assert results_files(tmp_path) == files
    doc = json.loads(files[0].read_text())
    assert doc["student"] == "Bo"
    assert [q["verdict"] for q in doc["questions"]] == ["correct", "correct"]


async def test_drill_left_midway_writes_what_was_answered(tmp_path: Path) -> None:
    app = build_app(tmp_path, mode="drill", count=3)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await answer(pilot, app, right=False)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert "stopped after 1 of 3 questions" in screen_text(app, "#score")
        files = results_files(tmp_path)
        assert len(files) == 1
        assert screen_text(app, "#saved").endswith(str(files[0]))
        await app.action_quit()
    assert results_files(tmp_path) == files
    doc = json.loads(files[0].read_text())
    assert len(doc["questions"]) == 1 and doc["totals"]["possible"] == 3


async def test_quitting_a_drill_midway_writes_the_file_for_the_shell(tmp_path: Path) -> None:
    app = build_app(tmp_path, mode="drill", count=3)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await answer(pilot, app, right=True)
        await pilot.press("ctrl+q")
        await pilot.pause()
    files = results_files(tmp_path)
    assert len(files) == 1 and app.saved_on_quit == files[0]


async def test_practice_writes_no_results_file(tmp_path: Path) -> None:
    app = build_app(tmp_path, count=1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await answer(pilot, app, right=True)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert not app.screen.query("#saved")
    assert results_files(tmp_path) == []


async def test_exam_reviews_every_question_at_the_end(tmp_path: Path) -> None:
    app = build_app(tmp_path, mode="exam", count=4)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        asked = []
        right = True
        while isinstance(app.screen, QuestionScreen):
            asked.append(app.session.current.question)
            await answer(pilot, app, right=right)
            right = not right
            assert not isinstance(app.screen, FeedbackScreen)
        assert isinstance(app.screen, ResultsScreen)
        entries = [str(w.render()) for w in app.screen.query(".outcome")]
        assert len(entries) == len(asked) == 4
        for number, (question, text) in enumerate(zip(asked, entries, strict=True), 1):
            assert text.startswith(f"{number}. ")
            assert "Your answer: " in text
            assert " ".join(question.explanation.split()) in text
            assert " ".join(question.source.split()) in text
        assert "✓ Correct" in entries[0] and "Expected: " not in entries[0]
        assert "Expected: " in entries[1]
        assert len(results_files(tmp_path)) == 1
        body = app.screen.query_one("#body")
        assert body.max_scroll_y > 0  # longer than the screen: it scrolls
        await pilot.press("end")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y


async def test_no_override_in_a_drill(tmp_path: Path) -> None:
    app = build_app(tmp_path, mode="drill")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        while app.session.current.question.type.value != "short_answer":
            await answer(pilot, app, right=True)
            await pilot.press("n")
            await pilot.pause()
        qid = app.session.current.question.id
        await answer(pilot, app, right=False)
        assert isinstance(app.screen, FeedbackScreen)
        assert screen_text(app, "#verdict").startswith("✗ Incorrect")
        assert "I was right" not in footer_keys(app)
        assert "Next" in footer_keys(app)
        await pilot.press("o")
        await pilot.pause()
        assert screen_text(app, "#verdict").startswith("✗ Incorrect")
        assert history(app)[qid].last_verdict == "incorrect"


async def test_drill_countdown_always_shows_and_times_out(tmp_path: Path) -> None:
    clock = FakeClock()
    app = build_app(tmp_path, mode="drill", clock=clock, time_per_question=20, count=2)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        first = app.session.current.question.id
        assert screen_text(app, "#timer") == "⏱ 0:20"
        clock.advance(12)
        await pilot.pause(0.4)
        assert screen_text(app, "#timer") == "⏱ 0:08"
        clock.advance(9)
        await pilot.pause(0.4)
        assert isinstance(app.screen, FeedbackScreen)
        assert screen_text(app, "#verdict").startswith("⏱ Time ran out")
        assert history(app)[first].last_verdict == "timeout"
        clock.advance(100)  # reading feedback does not use the next question's time
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert screen_text(app, "#timer") == "⏱ 0:20"


async def test_stats_chart_comes_from_the_store(tmp_path: Path) -> None:
    app = build_app(tmp_path, count=2)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await answer(pilot, app, right=True)
        await pilot.press("n")
        await pilot.pause()
        await answer(pilot, app, right=False)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        summary = screen_text(app, "#summary")
        assert "Streak 1 day · longest 1 day · accuracy 50% over 2 answers" in summary
        assert "2 learning" in summary
        assert "   2 │" in screen_text(app, "#days")  # today's two answers top the chart

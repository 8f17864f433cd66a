"""Study today in the app: due reviews first, then new questions up to the limit, then done;
undo on the feedback screen; stage counts that move; stats over a seeded history."""

from __future__ import annotations

from pathlib import Path

from quiz.ui.screens.done import DoneScreen
from quiz.ui.screens.feedback import FeedbackScreen
from quiz.ui.screens.home import HomeScreen
from quiz.ui.screens.question import QuestionScreen
from quiz.ui.screens.results import ResultsScreen
from quiz.ui.screens.stats import StatsScreen
from tests.helpers.today import FakeDay
from tests.helpers.ui import answer, build_app, history, screen_text

SIZE = (80, 24)


def _notices(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(n.message) for n in app._notifications]


async def _study(pilot, app, wrong: frozenset[str] = frozenset()) -> list[str]:  # type: ignore[no-untyped-def]
    """Answer every question of the session; the ids asked, in order."""
    asked = []
    while isinstance(app.screen, QuestionScreen):
        qid = app.session.current.question.id
        asked.append(qid)
        await answer(pilot, app, right=qid not in wrong)
        assert isinstance(app.screen, FeedbackScreen)
        await pilot.press("n")
        await pilot.pause()
    return asked


async def test_study_today_asks_due_first_then_new_up_to_the_limit_then_stops(
    tmp_path: Path, fake_day: FakeDay
) -> None:
    app = build_app(tmp_path, mode="study", new_limit=3)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "   0 due     3 new   about 1 min" in screen_text(app, "#overview")
        await pilot.press("enter")  # Study today is highlighted
        await pilot.pause()
        day1 = await _study(pilot, app)
        assert len(day1) == 3
        assert isinstance(app.screen, ResultsScreen)
        done = screen_text(app, "#today-done")
        assert done.startswith("Done for today. Next review due in 10 minutes")
        await pilot.press("h")
        await pilot.pause()
        # Again the same day: no new question, nothing due yet.
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DoneScreen)
        assert "in 10 minutes" in screen_text(app, "#today-done")
        await pilot.press("escape")
        await pilot.pause()
        # Two days on: the three reviews come back first, then three new questions.
        fake_day.later(days=2)
        app.screen.refresh_overview()
        assert "   3 due     3 new   about 2 min" in screen_text(app, "#overview")
        await pilot.press("enter")
        await pilot.pause()
        day3 = await _study(pilot, app)
        assert sorted(day3[:3]) == sorted(day1)
        assert len(day3) == 6 and not set(day3[3:]) & set(day1)
        assert isinstance(app.screen, ResultsScreen)
        assert screen_text(app, "#today-done").startswith("Done for today. Next review due in")


async def test_stage_counts_move_after_one_right_answer(tmp_path: Path, fake_day: FakeDay) -> None:
    app = build_app(tmp_path, mode="study", new_limit=2)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "   7 new     0 learning" in screen_text(app, "#overview")
        await pilot.press("enter")
        await pilot.pause()
        await answer(pilot, app, right=True)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")  # the results of what was answered, then home
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "   6 new     1 learning" in screen_text(app, "#overview")
        assert "Study today (1)" in str(
            app.screen.query_one("#modes").get_option_at_index(0).prompt
        )


async def test_undo_takes_back_the_answer_and_asks_again(tmp_path: Path, fake_day: FakeDay) -> None:
    app = build_app(tmp_path, mode="study", new_limit=3)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        first = app.session.current.question.id
        await answer(pilot, app, right=False)
        assert isinstance(app.screen, FeedbackScreen)
        assert history(app)[first].last_verdict in ("incorrect", "partial")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert app.session.current.question.id == first
        assert "1 of 3" in screen_text(app, "#position")
        assert history(app) == {}  # the progress file forgot it
        assert any("taken back" in notice for notice in _notices(app))
        await answer(pilot, app, right=True)
        assert history(app)[first].attempts == 1
        assert history(app)[first].last_verdict == "correct"


async def test_undo_is_refused_in_a_drill_with_a_message(tmp_path: Path) -> None:
    app = build_app(tmp_path, mode="drill", count=2)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await answer(pilot, app, right=False)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        assert any("Undo is off in a drill or exam" in n for n in _notices(app))
        assert sum(h.attempts for h in history(app).values()) == 1


async def test_undo_is_refused_in_an_exam_with_a_message(tmp_path: Path) -> None:
    app = build_app(tmp_path, mode="exam", count=2)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await answer(pilot, app, right=False)
        assert "2 of 2" in screen_text(app, "#position")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "2 of 2" in screen_text(app, "#position")
        assert any("Undo is off in a drill or exam" in n for n in _notices(app))
        assert sum(h.attempts for h in history(app).values()) == 1


async def test_stats_screen_with_a_seeded_history(tmp_path: Path, fake_day: FakeDay) -> None:
    from tests.helpers.seeded import seed_history

    app = build_app(tmp_path, mode="study")
    seed_history(app.store, app.banks)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, StatsScreen)
        summary = screen_text(app, "#summary")
        assert "Streak 3 days · longest 4 days · accuracy 75% over 16 answers" in summary
        assert "7 questions: 0 new · 4 learning · 0 young · 3 mature" in summary
        days = screen_text(app, "#days").splitlines()
        assert days[0].startswith("   3 │") and days[0].endswith("█")  # today: 3 answers, the most
        assert days[-2].split() == ["Oct", "30", "Nov", "14", "Nov", "28"]
        calendar = screen_text(app, "#calendar").splitlines()
        assert calendar[0].split()[-1] == "Nov"
        forecast = screen_text(app, "#forecast").splitlines()
        assert forecast[-1].split()[:3] == ["28", "29", "30"]  # today first

"""Pilot tests: a learner's keys, what the screen then shows, what the store recorded."""

from __future__ import annotations

import gc
import shutil
from pathlib import Path

import pytest
from textual.widgets import SelectionList

from quiz.bank.loader import load_banks
from quiz.progress.store import ProgressStore
from quiz.ui.app import make_app
from quiz.ui.screens.confirm import ConfirmScreen
from quiz.ui.screens.feedback import FeedbackScreen
from quiz.ui.screens.home import HomeScreen
from quiz.ui.screens.question import QuestionScreen
from quiz.ui.screens.results import ResultsScreen
from quiz.ui.widgets.title_bar import TitleBar
from tests.helpers.ui import (
    ALL_TYPES,
    MARKUP,
    PROFILE,
    FakeClock,
    answer,
    build_app,
    history,
    options,
    screen_text,
)

SIZE = (80, 24)
TYPES = {
    "multiple_choice",
    "true_false",
    "multiple_select",
    "short_answer",
    "numeric",
    "ordering",
    "matching",
}


async def test_home_shows_the_bank_and_its_modes(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        overview = screen_text(app, "#overview")
        assert "Cape Wren lighthouse" in overview
        assert "Questions 7" in overview
        assert "   0 due     7 new   about 3 min" in overview
        modes = app.screen.query_one("#modes")
        prompts = [str(modes.get_option_at_index(i).prompt) for i in range(modes.option_count)]
        assert prompts == ["Study today (7)", "Practice", "Review: nothing due", "Exam", "Drill"]


@pytest.mark.parametrize("right", [True, False], ids=["right", "wrong"])
async def test_every_type_answered_by_keys(tmp_path: Path, right: bool) -> None:
    app = build_app(tmp_path)
    labels = {"correct": "✓ Correct", "partial": "◐ Partly correct", "incorrect": "✗ Incorrect"}
    allowed = {"correct"} if right else {"incorrect", "partial"}
    seen: dict[str, str] = {}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # Practice
        await pilot.pause()
        while isinstance(app.screen, QuestionScreen):
            qid = app.session.current.question.id
            kind = await answer(pilot, app, right=right)
            assert isinstance(app.screen, FeedbackScreen), kind
            verdict = screen_text(app, "#verdict")
            seen[kind] = verdict
            recorded = history(app)[qid].last_verdict
            assert recorded in allowed, (kind, recorded)
            assert verdict.startswith(labels[recorded]), (kind, verdict)
            await pilot.press("n")
            await pilot.pause()
        assert set(seen) == TYPES
        assert isinstance(app.screen, ResultsScreen)
        score = screen_text(app, "#score")
        if right:
            assert "7 of 7 points (100%)" in score
        else:
            assert "of 7 points" in score and "100%" not in score


async def test_feedback_shows_expected_answer_and_source_passage(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        question = app.session.current.question
        await answer(pilot, app, right=False)
        assert screen_text(app, "#source") == question.source
        assert screen_text(app, "#explanation") == question.explanation
        assert screen_text(app, "#expected").strip()


async def _to_type(pilot, app, kind: str) -> None:
    """Answer questions right until one of `kind` is on screen."""
    while app.session.current.question.type.value != kind:
        await answer(pilot, app, right=True)
        await pilot.press("n")
        await pilot.pause()


async def test_an_expected_order_is_listed_one_item_a_line(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await _to_type(pilot, app, "ordering")
        items = app.session.current.question.answer
        await answer(pilot, app, right=False)
        expected = screen_text(app, "#expected").splitlines()
        assert expected == [f"{n}. {item}" for n, item in enumerate(items, 1)]


async def test_i_was_right_overrides_a_typed_answer(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await _to_type(pilot, app, "short_answer")
        qid = app.session.current.question.id
        await answer(pilot, app, right=False)
        assert screen_text(app, "#verdict").startswith("✗ Incorrect")
        assert app.screen.check_action("override", ()) is True  # "o I was right" offered
        await pilot.press("o")
        await pilot.pause()
        assert screen_text(app, "#verdict").startswith("✓ Correct")
        recorded = history(app)[qid]
        assert recorded.last_verdict == "correct"


async def test_no_override_for_a_choice(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await _to_type(pilot, app, "multiple_choice")
        qid = app.session.current.question.id
        await answer(pilot, app, right=False)
        assert app.screen.check_action("override", ()) is False
        await pilot.press("o")
        await pilot.pause()
        assert screen_text(app, "#verdict").startswith("✗ Incorrect")
        assert history(app)[qid].last_verdict == "incorrect"


async def test_leaving_midway_asks_and_keeps_answers(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        first = app.session.current.question.id
        await answer(pilot, app, right=True)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # stay
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")  # leave: the results of what was answered
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert screen_text(app, "#score") == (
            "Practice stopped after 1 of 7 questions: 1 of 7 points (14%), 1 of 7 answered"
        )
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.session is None
        recorded = history(app)
        assert recorded[first].last_verdict == "correct"
        assert sum(h.attempts for h in recorded.values()) == 1
        assert "   6 new     1 learning" in screen_text(app, "#overview")


async def test_review_after_misses_asks_exactly_the_missed(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        missed: set[str] = set()
        right = True
        while isinstance(app.screen, QuestionScreen):
            if not right:
                missed.add(app.session.current.question.id)
            await answer(pilot, app, right=right)
            right = not right
            await pilot.press("n")
            await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert f"Missed ({len(missed)})" in screen_text(app, "#missed-title")
        await pilot.press("r")  # review these now
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert app.session.options.mode == "review"
        asked: set[str] = set()
        while isinstance(app.screen, QuestionScreen):
            asked.add(app.session.current.question.id)
            await answer(pilot, app, right=True)
            await pilot.press("n")
            await pilot.pause()
        assert asked == missed


async def test_review_mode_from_home_counts_the_misses(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await answer(pilot, app, right=False)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y", "escape")  # leave, then home from the results
        await pilot.pause()
        modes = app.screen.query_one("#modes")
        assert str(modes.get_option_at_index(2).prompt) == "Review: 1 missed"


async def test_stats_say_when_the_next_review_is_due(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await answer(pilot, app, right=True)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y", "escape")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        # A right first answer is due again after fsrs's ten-minute learning step.
        assert screen_text(app, "#next-due").startswith("Due in 10 minutes (")


async def test_a_topic_two_banks_share_is_offered_once(tmp_path: Path) -> None:
    copy = tmp_path / "copy.yaml"
    copy.write_text(
        ALL_TYPES.read_text(encoding="utf-8").replace("id: ui-all-types", "id: ui-copy"),
        encoding="utf-8",
    )
    shutil.copytree(ALL_TYPES.parent / "sources", tmp_path / "sources")
    banks = load_banks([ALL_TYPES, copy], use_cache=False)
    store = ProgressStore.open(tmp_path / "progress.db", PROFILE, fuzz=False)
    app = make_app(banks, store, options(), PROFILE)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        topics = app.screen.query_one("#topics", SelectionList)
        offered = [topics.get_option_at_index(i).value for i in range(topics.option_count)]
    assert offered == list(banks[0].topics)  # both banks have the same topics


async def test_a_bank_without_topics_offers_no_topic_list(tmp_path: Path) -> None:
    bank = tmp_path / "plain.yaml"
    bank.write_text(
        "id: no-topics\ntitle: No topics\nquestions:\n"
        "  - id: q1\n    type: true_false\n    prompt: Water is wet.\n    answer: true\n",
        encoding="utf-8",
    )
    app = build_app(tmp_path, bank)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.query("#count")  # the options are there
        assert not app.screen.query("#topics")  # but no empty topic box
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)


async def test_screens_left_behind_are_freed(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(2):
            await pilot.press("enter")
            await pilot.pause()
            while isinstance(app.screen, QuestionScreen):
                await answer(pilot, app, right=True)
                await pilot.press("n")
                await pilot.pause()
            await pilot.press("escape")  # results -> home
            await pilot.pause()
        gc.collect()
        # Two question and feedback screens per question were shown; only home's parts remain.
        assert len([o for o in gc.get_objects() if isinstance(o, TitleBar)]) == 1


async def test_markup_in_bank_text_is_shown_literally(tmp_path: Path) -> None:
    app = build_app(tmp_path, MARKUP)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        overview = screen_text(app, "#overview").splitlines()
        assert overview[0] == "Markup [bold]is data[/]"
        assert overview[1] == "Source: Notes on [link=https://example.com]markup[/link]"
        await pilot.press("enter")
        await pilot.pause()
        question = app.session.current.question
        assert screen_text(app, "#prompt") == question.prompt
        await answer(pilot, app, right=False)
        assert screen_text(app, "#source") == question.source
        await pilot.press("n")
        await pilot.pause()
        question = app.session.current.question
        assert screen_text(app, "#prompt") == question.prompt
        await answer(pilot, app, right=True)
        assert screen_text(app, "#verdict").startswith("✓ Correct")


async def test_exam_gives_no_feedback_until_the_end(tmp_path: Path) -> None:
    app = build_app(tmp_path, mode="exam")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # the highlighted mode is the one from the command line
        await pilot.pause()
        assert app.session.options.mode == "exam"
        assert screen_text(app, "#score") == ""
        await answer(pilot, app, right=True)
        assert isinstance(app.screen, QuestionScreen)
        assert app.session.current.number == 2


async def test_timer_shows_and_times_out(tmp_path: Path) -> None:
    clock = FakeClock()
    app = build_app(tmp_path, clock=clock, time_per_question=30)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        qid = app.session.current.question.id
        assert screen_text(app, "#timer") == "⏱ 0:30"
        clock.advance(31)
        await pilot.pause(0.4)
        assert isinstance(app.screen, FeedbackScreen)
        assert screen_text(app, "#verdict").startswith("⏱ Time ran out")
        assert history(app)[qid].last_verdict == "timeout"


async def test_a_note_shows_after_the_answer_beyond_the_text(tmp_path: Path) -> None:
    bank = tmp_path / "noted.yaml"
    bank.write_text(
        "id: noted\ntitle: Noted\nquestions:\n"
        "  - id: q\n    type: true_false\n    prompt: The text says both asked.\n"
        "    answer: true\n    explanation: The text says so.\n"
        "    note: Only one of them asked [b]really[/b].\n",
        encoding="utf-8",
    )
    app = build_app(tmp_path, bank=bank)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await answer(pilot, app, right=True)
        assert isinstance(app.screen, FeedbackScreen)
        assert screen_text(app, "#note") == "Only one of them asked [b]really[/b]."
        titles = [str(w.render()) for w in app.screen.query(".section-title")]
        assert titles.index("Beyond the text") == titles.index("Explanation") + 1


async def test_an_exam_results_screen_says_what_it_left_out(tmp_path: Path) -> None:
    from tests.helpers import BANKS

    app = build_app(tmp_path, bank=BANKS / "leaky.yaml", mode="exam")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.total == 9
        while not isinstance(app.screen, ResultsScreen):
            await answer(pilot, app, right=True)
        left_out = screen_text(app, "#left-out")
        assert left_out.startswith("Left out 1 question whose wording would give away")
        assert left_out.endswith(("keeper-name", "keeper-year"))

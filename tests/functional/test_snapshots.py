"""One SVG snapshot per screen at 80x24 (fixed seed, fixed clock, no dates on screen).

Regenerate after a deliberate change: pytest tests/functional/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from quiz.common.paths import default_bank_path
from tests.helpers import BANKS
from tests.helpers.ui import MARKUP, FakeClock, answer, build_app, two_right

WIDE = BANKS / "ui_wide.yaml"

SIZE = (80, 24)


def test_home(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(build_app(tmp_path), terminal_size=SIZE)


def test_drill_home(snap_compare, tmp_path: Path) -> None:
    """A drill from the command line: the drill line to compare and the name to type."""
    app = build_app(tmp_path, mode="drill", count=5, time_per_question=30, ask_name=True)
    assert snap_compare(app, terminal_size=SIZE)


def test_home_with_drill_highlighted(snap_compare, tmp_path: Path) -> None:
    """The shipped bank at 80x24 with Drill highlighted: the drill line and both columns."""
    app = build_app(tmp_path, default_bank_path(), ask_name=True)
    assert snap_compare(app, press=["down", "down"], terminal_size=SIZE)


def test_question(snap_compare, tmp_path: Path) -> None:
    app = build_app(tmp_path, clock=FakeClock(), time_per_question=45)
    assert snap_compare(app, press=["enter"], terminal_size=SIZE)


def test_question_with_markup_characters(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(build_app(tmp_path, MARKUP), press=["enter"], terminal_size=SIZE)


def _reach(app, kind: str):
    async def run_before(pilot: Pilot) -> None:
        await pilot.press("enter")
        await pilot.pause()
        while app.session.current.question.type.value != kind:
            await pilot.press("ctrl+s")
            await pilot.pause()
            await pilot.press("n")
            await pilot.pause()

    return run_before


def test_six_pair_matching(snap_compare, tmp_path: Path) -> None:
    """Long pairs wrap under their own text; the numbers and the keys stay in view."""
    app = build_app(tmp_path, WIDE)
    assert snap_compare(app, run_before=_reach(app, "matching"), terminal_size=SIZE)


def test_nine_choice_feedback(snap_compare, tmp_path: Path) -> None:
    """A long multiple select's feedback: the verdict, expected and the quote in view."""
    app = build_app(tmp_path, WIDE)
    reach = _reach(app, "multiple_select")

    async def wrong_answer(pilot: Pilot) -> None:
        await reach(pilot)
        await pilot.press(*two_right(app), "enter")
        await pilot.pause()

    assert snap_compare(app, run_before=wrong_answer, terminal_size=SIZE)


def test_feedback(snap_compare, tmp_path: Path) -> None:
    app = build_app(tmp_path)

    async def wrong_answer(pilot: Pilot) -> None:
        await pilot.press("enter")
        await pilot.pause()
        await answer(pilot, app, right=False)

    assert snap_compare(app, run_before=wrong_answer, terminal_size=SIZE)


def test_results(snap_compare, tmp_path: Path) -> None:
    app = build_app(tmp_path, count=3)

    async def finish(pilot: Pilot) -> None:
        await pilot.press("enter")
        await pilot.pause()
        right = False
        while app.session is not None:
            await answer(pilot, app, right=right)
            right = not right
            await pilot.press("n")
            await pilot.pause()

    assert snap_compare(app, run_before=finish, terminal_size=SIZE)


def test_stats(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(build_app(tmp_path), press=["s"], terminal_size=SIZE)


def test_help(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(build_app(tmp_path), press=["f1"], terminal_size=SIZE)


def test_confirm_leave(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(build_app(tmp_path), press=["enter", "escape"], terminal_size=SIZE)


def test_home_today(snap_compare, tmp_path: Path, fake_day) -> None:
    """Study today highlighted, with reviews due from a seeded history."""
    from tests.helpers.seeded import seed_history

    app = build_app(tmp_path, mode="study", new_limit=5)
    seed_history(app.store, app.banks)
    fake_day.later(days=3)
    assert snap_compare(app, terminal_size=SIZE)


def test_stats_with_history(snap_compare, tmp_path: Path, fake_day) -> None:
    from tests.helpers.seeded import seed_history

    app = build_app(tmp_path, mode="study")
    seed_history(app.store, app.banks)
    assert snap_compare(app, press=["s"], terminal_size=SIZE)

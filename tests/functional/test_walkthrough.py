"""What the screen says is what happens: fixes from a first-use walkthrough of the app."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from textual import events
from textual.geometry import Region
from textual.widgets import Input

from quiz.common.paths import default_bank_path
from quiz.common.settings import Settings, load_settings
from quiz.main import main
from quiz.study.answers import InputError, parse_typed
from quiz.ui.screens.help import HelpScreen
from quiz.ui.screens.home import HomeScreen
from quiz.ui.screens.question import QuestionScreen
from quiz.ui.screens.results import ResultsScreen
from quiz.ui.screens.stats import StatsScreen
from quiz.ui.widgets.base import ListControl
from quiz.ui.widgets.title_bar import TitleBar
from tests.helpers import BANKS
from tests.helpers.plain import planned
from tests.helpers.store import attempt, info
from tests.helpers.ui import answer, build_app, history, screen_text, two_right

ENGINE = BANKS / "engine_small.yaml"
WIDE = BANKS / "ui_wide.yaml"
SIZE = (80, 24)


async def test_seedless_exam_shows_the_code_its_results_file_carries(tmp_path: Path) -> None:
    app = build_app(tmp_path, mode="exam", seed=None, count=2)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        line = screen_text(app, "#drill-line")
        assert line.endswith("(no --seed: this run only)")
        code = line.split()[1].rstrip(",")
        await pilot.press("enter")
        await pilot.pause()
        while isinstance(app.screen, QuestionScreen):
            await answer(pilot, app, right=True)
            await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
    files = sorted((tmp_path / "results").glob("*.json"))
    assert json.loads(files[0].read_text())["fingerprint"] == code


@pytest.mark.parametrize("front_end", [["--plain"], []], ids=["plain", "app"])
def test_an_unknown_topic_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, front_end: list[str]
) -> None:
    code = main(
        [*front_end, "--bank", str(ENGINE), "--progress", str(tmp_path / "p.db"), "--topic", "x"]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert err == "no topic 'x' in the banks; their topics are: History, Engines, Stations\n"


def test_plain_matches_a_topic_in_any_case(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    args = ["--plain", "--bank", str(ENGINE), "--progress", str(tmp_path / "p.db")]
    code = main([*args, "--topic", "engines", "--seed", "1"])
    out = capsys.readouterr().out
    assert code == 0
    assert "practice, 2 questions" in out and "[Engines]" in out


async def test_review_label_counts_what_the_review_asks(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    bank = app.banks[0]
    first, second, third = bank.questions[:3]
    app.store.start(info("old", banks=(bank.id,)))
    for seq, (q, verdict) in enumerate(
        [(first, "incorrect"), (second, "correct"), (third, "correct")]
    ):
        app.store.record(
            attempt(q.id, verdict, uid="old", seq=seq, bank=bank.id, content_hash=q.content_hash)
        )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        modes = app.screen.query_one("#modes")
        assert str(modes.get_option_at_index(2).prompt) == "Review: 1 missed, 2 due"
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.session.options.mode == "review"
        assert app.session.total == 3


async def reach(pilot, app, kind: str) -> None:
    """From home, start practice and skip until a question of type `kind` shows."""
    await pilot.press("enter")
    await pilot.pause()
    while app.session.current.question.type.value != kind:
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()


def notices(app) -> list[str]:
    return [notice.message for notice in app._notifications]


async def test_multiple_select_refuses_enter_with_nothing_ticked(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await reach(pilot, app, "multiple_select")
        qid = app.session.current.question.id
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert app.session.current.question.id == qid
        assert "Tick a choice first (or ctrl+s to skip)." in notices(app)
        assert qid not in history(app)


async def test_numeric_refuses_what_is_not_a_number(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await reach(pilot, app, "numeric")
        qid = app.session.current.question.id
        await pilot.press("a", "b", "c", "enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert "'abc' is not a number: type digits, such as 2002 or 2.5." in notices(app)
        assert qid not in history(app)


def test_plain_numeric_asks_again_for_what_is_not_a_number() -> None:
    asked = next(a for a in planned("n") if a.question.type.value == "numeric")
    with pytest.raises(InputError, match="'abc' is not a number"):
        parse_typed(asked, "abc")
    assert parse_typed(asked, " 2,002 ") == "2,002"


async def test_keys_that_arrive_together_keep_their_order(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await reach(pilot, app, "numeric")
        # One burst, as a terminal delivers a fast typist's keys: nothing waits between them.
        for key, character in [*((c, c) for c in "2007"), ("backspace", "\x7f"), ("6", "6")]:
            app.post_message(events.Key(key, character))
        await pilot.pause()
        assert app.screen.query_one(Input).value == "2006"
        await pilot.press("enter")
        await pilot.pause()
        assert screen_text(app, "#given") == "2006"


async def test_a_notice_goes_when_the_screen_changes(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await reach(pilot, app, "matching")
        await pilot.press("enter")
        await pilot.pause()
        assert "Match every item first" in " ".join(notices(app))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert notices(app) == []


async def test_true_false_feedback_has_no_empty_why(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await reach(pilot, app, "true_false")
        await answer(pilot, app, right=False)
        assert screen_text(app, "#verdict").startswith("✗ Incorrect")
        assert screen_text(app, "#expected") in ("True", "False")
        assert not app.screen.query("#reason")


async def test_i_was_right_says_it_was_accepted_on_your_word(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await reach(pilot, app, "short_answer")
        await answer(pilot, app, right=False)
        assert "Why" in [str(s.render()) for s in app.screen.query(".label")]
        await pilot.press("o")
        await pilot.pause()
        assert "(you said you were right)" in screen_text(app, "#verdict")
        assert screen_text(app, "#reason") == "accepted on your word: you said you were right"


async def test_a_long_answer_is_cut_on_screen_and_stored_whole(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    pasted = "x" * 5000
    async with app.run_test(size=SIZE) as pilot:
        await reach(pilot, app, "short_answer")
        app.screen.query_one(Input).post_message(events.Paste(pasted))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        shown = screen_text(app, "#given")
        assert shown == "x" * 200 + "… (5000 characters in all)"
        assert app.session.outcomes[-1].given == pasted


async def test_the_theme_chosen_is_kept_for_the_next_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = tmp_path / "settings.toml"
    monkeypatch.setenv("QUIZ_SETTINGS", str(saved))
    saved.write_text('theme = "nord"\nnew_limit = 5\n', encoding="utf-8")
    settings, warnings = load_settings(saved)
    app = build_app(tmp_path, settings=settings, settings_warnings=warnings)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "nord"
        app.theme = "gruvbox"
        await pilot.pause()
    assert load_settings(saved) == (Settings(theme="gruvbox", new_limit=5), [])


async def test_a_damaged_settings_file_only_warns(tmp_path: Path) -> None:
    saved = tmp_path / "settings.toml"
    saved.write_text('theme = "nord\n', encoding="utf-8")
    settings, warnings = load_settings(saved)
    app = build_app(tmp_path, settings=settings, settings_warnings=warnings)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.theme == "textual-dark"
        assert notices(app)[0].startswith(f"{saved}: not valid TOML")


def test_launch_loads_the_saved_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from quiz.ui import app as app_module

    monkeypatch.setenv("QUIZ_SETTINGS", str(tmp_path / "settings.toml"))
    (tmp_path / "settings.toml").write_text('theme = "nord"\n', encoding="utf-8")
    passed: dict = {}

    class StartedApp:
        saved_on_quit = None
        saved = None
        stopped_by = None

        def __init__(self, store, kwargs) -> None:
            self.store = store
            passed.update(kwargs)

        def run(self) -> None:
            pass

        def end_after_exit(self) -> None:
            pass

    monkeypatch.setattr(
        app_module, "make_app", lambda banks, store, *a, **kw: StartedApp(store, kw)
    )
    assert main(["--bank", str(ENGINE), "--progress", str(tmp_path / "p.db")]) == 0
    assert passed["settings"].theme == "nord" and passed["settings_warnings"] == []


async def _palette(pilot, text: str) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*("space" if ch == " " else ch for ch in text))
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()


@pytest.mark.parametrize("mode", ["practice", "exam", "drill"])
async def test_the_palette_starts_each_mode(tmp_path: Path, mode: str) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await _palette(pilot, f"start {mode}")
        assert isinstance(app.screen, QuestionScreen)
        assert app.session.options.mode == mode


async def test_the_palette_opens_stats_help_review_and_switches_profile(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await _palette(pilot, "stats")
        assert isinstance(app.screen, StatsScreen)
        await _palette(pilot, "help")
        assert isinstance(app.screen, HelpScreen)
        await _palette(pilot, "review missed")  # nothing missed yet: says so, stays home
        assert isinstance(app.screen, HomeScreen)
        assert "No questions match these options." in notices(app)
        await _palette(pilot, "switch profile")
        await pilot.press("ctrl+u", "z", "o", "e", "enter")
        await pilot.pause()
        assert app.profile == "zoe" and app.store.profile == "zoe"
        assert str(app.screen.query_one(TitleBar).render()).endswith("— zoe")


async def test_help_shows_the_current_screens_keys_first(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        sections = [str(s.render()) for s in app.screen.query(".help-section")]
        assert sections[:2] == ["Home (this screen)", "Anywhere"]
        await pilot.press("escape", "enter")  # close, then start practice
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        sections = [str(s.render()) for s in app.screen.query(".help-section")]
        assert sections[:2] == ["Question (this screen)", "Anywhere"]
        assert len(sections) == 5


async def test_a_partly_right_matching_is_marked_pair_by_pair(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await reach(pilot, app, "matching")
        asked = app.session.current
        await answer(pilot, app, right=False)  # every left item gets the first option
        pairs = dict(asked.question.pairs)
        first = asked.options[0]
        expected = [
            f"✓ {left} → {first} (right)"
            if pairs[left] == first
            else f"✗ {left} → {first} (wrong: should be {pairs[left]})"
            for left in asked.lefts
        ]
        assert screen_text(app, "#given").splitlines() == expected


def test_plain_marks_a_partly_right_ordering(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = next(a for a in planned("m") if a.question.type.value == "ordering")
    answer_items = list(asked.question.answer)
    swapped = [answer_items[1], answer_items[0], *answer_items[2:]]
    line = " ".join(str(asked.options.index(item) + 1) for item in swapped)
    lines = [line if a.question.id == asked.question.id else "" for a in planned("m")]
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(f"{x}\n" for x in lines)))
    args = ["--plain", "--bank", str(ENGINE), "--progress", str(tmp_path / "p.db")]
    assert main([*args, "--seed", "m"]) == 0
    out = capsys.readouterr().out
    assert f"    ✗ 1. {swapped[0]} (wrong: belongs at 2)" in out
    assert f"    ✗ 2. {swapped[1]} (wrong: belongs at 1)" in out
    assert f"    ✓ 3. {swapped[2]} (right)" in out


async def test_home_keeps_its_columns_with_drill_highlighted(tmp_path: Path) -> None:
    app = build_app(tmp_path, default_bank_path(), ask_name=True, seed=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "down")  # Exam, Drill (Review is off with nothing to ask)
        await pilot.pause(0.2)
        assert app.screen.query_one("#modes").highlighted_option.id == "drill"
        assert app.screen.query_one("#class-panel").display
        about = app.screen.query_one("#about")
        assert about.max_scroll_y == 0  # the whole overview shows, without a scrollbar
        assert "Current members" in screen_text(app, "#overview")
        topics = app.screen.query_one("#topics")
        assert topics.region.bottom <= SIZE[1] - 1 and topics.region.height >= 3


def widget_lines(widget) -> list[str]:
    """The text of each row a widget shows now."""
    return [strip.text for strip in widget.render_lines(Region(0, 0, *widget.size))]


async def test_six_pairs_keep_the_keys_in_view_and_rows_hang(tmp_path: Path) -> None:
    app = build_app(tmp_path, WIDE)
    async with app.run_test(size=SIZE) as pilot:
        await reach(pilot, app, "matching")
        hint = app.screen.query_one(".hint")
        assert str(hint.render()).startswith("↑/↓ pick a left item")
        assert hint.region.bottom <= SIZE[1] - 1  # above the footer, on screen
        rights = app.screen.query_one("#rights")
        assert rights.region.bottom <= hint.region.y
        assert [line.split(".")[0].strip() for line in widget_lines(rights)] == list("123456")
        rows = widget_lines(app.screen.query_one(ListControl))
        inside = [line.removeprefix("│ ") for line in rows[1:]]  # within the list's border
        assert inside[1].startswith("B. Belarus")  # too long for one row: it wraps...
        assert inside[2].startswith("   ") and inside[2].strip()  # ...hanging under its text


async def test_long_feedback_says_there_is_more_below(tmp_path: Path) -> None:
    app = build_app(tmp_path, WIDE)
    async with app.run_test(size=SIZE) as pilot:
        await reach(pilot, app, "multiple_select")
        await pilot.press(*two_right(app), "enter")
        await pilot.pause(0.2)
        assert screen_text(app, "#verdict").startswith("◐ Partly correct")
        more = app.screen.query_one("#more")
        assert more.display and str(more.render()).startswith("↓ more below")
        await pilot.press("end")
        await pilot.pause(0.2)
        assert not more.display
        source = app.screen.query_one("#source")
        assert source.region.y >= 0 and source.region.bottom <= SIZE[1] - 1

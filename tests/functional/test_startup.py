"""Start-up: the first screen loads only what it draws; the engine follows in the background."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.helpers.ui import ALL_TYPES, build_app

# Runs in a fresh interpreter, so what the test process imported does not count.
PROBE = textwrap.dedent(
    """
    import asyncio, json, sys
    from pathlib import Path
    from quiz.bank.loader import load_banks
    from quiz.study.options import SessionOptions
    from quiz.progress.store import ProgressStore
    from quiz.ui.app import make_app

    from textual import events

    bank, progress = sys.argv[1], sys.argv[2]
    store = ProgressStore.open(Path(progress), "tester")
    app = make_app(load_banks([Path(bank)]), store, SessionOptions(), "tester")
    seen = {}

    def loaded(*prefixes):
        return sorted(name for name in sys.modules if name.startswith(prefixes))

    def at_ready(message):
        # What start-up loaded: the first screen is shown, the warm-up not yet begun.
        if isinstance(message, events.Ready) and "modules" not in seen:
            seen["modules"] = loaded("quiz.")

    async def main():
        async with app.run_test(size=(80, 24), message_hook=at_ready) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            seen["styles"] = sorted(Path(str(key[0])).name for key in app.stylesheet.source
                                    if str(key[0]).endswith(".tcss"))
            seen["warmed"] = loaded("quiz.", "rapidfuzz", "fsrs")
            print(json.dumps(seen))

    asyncio.run(main())
    store.close()
    """
)


def test_home_loads_only_what_it_draws_then_warms_the_engine(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(ALL_TYPES), str(tmp_path / "progress.db")],
        capture_output=True,
        text=True,
        check=True,
    )
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["styles"] == ["app.tcss", "home.tcss"]
    later = {
        "quiz.ui.screens.question",
        "quiz.ui.screens.feedback",
        "quiz.ui.screens.results",
        "quiz.ui.screens.stats",
        "quiz.ui.screens.help",
        "quiz.ui.screens.confirm",
        "quiz.ui.screens.done",
        "quiz.ui.widgets.base",  # the answer widgets
        "quiz.ui.widgets.factory",
        "quiz.ui.widgets.class_panel",  # drills and exams only
        "quiz.study.session",
        "quiz.grading.checking",
        "quiz.study.history",
    }
    assert later.isdisjoint(seen["modules"])
    # Then, while the learner reads the home screen, the engine loads in the background.
    assert {"quiz.study.session", "quiz.grading.checking"} <= set(seen["warmed"])
    assert "rapidfuzz" in seen["warmed"] and "fsrs" in seen["warmed"]


def test_launch_pauses_garbage_collection_only_while_starting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quiz.main import run_parser
    from quiz.ui import app as app_module
    from quiz.ui import launch

    during: list[bool] = []

    class StartedApp:
        saved_on_quit = None
        saved = None
        stopped_by = None

        def __init__(self, store: object) -> None:
            self.store = store

        def run(self) -> None:
            during.append(gc.isenabled())

        def end_after_exit(self) -> None:
            """Launch now ends the session after the app stops; nothing to end here."""

    monkeypatch.setattr(
        app_module, "make_app", lambda banks, store, *args, **kwargs: StartedApp(store)
    )
    args = run_parser().parse_args(
        ["--bank", str(ALL_TYPES), "--progress", str(tmp_path / "p.db"), "--profile", "t"]
    )
    assert gc.isenabled()
    assert launch.run(args) == 0
    assert during == [False]  # paused while the app started
    assert gc.isenabled()  # and never left paused


async def test_the_app_resumes_garbage_collection_once_home_is_shown(tmp_path: Path) -> None:
    app = build_app(tmp_path)
    gc.disable()
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert gc.isenabled()
            # What start-up built is frozen out of later full collections.
            assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.enable()

"""Start-up: the first screen loads only what it draws (issue 6's start-up target)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.ui.helpers import ALL_TYPES

# Runs in a fresh interpreter, so what the test process imported does not count.
PROBE = textwrap.dedent(
    """
    import asyncio, json, sys
    from pathlib import Path
    from quiz.core.loader import load_banks
    from quiz.core.options import SessionOptions
    from quiz.core.store import ProgressStore
    from quiz.ui.app import make_app

    bank, progress = sys.argv[1], sys.argv[2]
    store = ProgressStore.open(Path(progress), "tester")
    app = make_app(load_banks([Path(bank)]), store, SessionOptions(), "tester")

    async def main():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            styles = sorted(Path(str(key[0])).name for key in app.stylesheet.source
                            if str(key[0]).endswith(".tcss"))
            modules = sorted(name for name in sys.modules if name.startswith("quiz."))
            print(json.dumps({"styles": styles, "modules": modules}))

    asyncio.run(main())
    store.close()
    """
)


def test_home_loads_no_other_screen_and_no_grading(tmp_path: Path) -> None:
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
        "quiz.ui.widgets.base",  # the answer widgets
        "quiz.ui.widgets.factory",
        "quiz.ui.widgets.class_panel",  # drills and exams only
        "quiz.core.session",
        "quiz.core.checking",
        "quiz.core.history",
    }
    assert later.isdisjoint(seen["modules"])

"""A real browser in the class: headless Chromium joins, answers two questions, sees feedback."""

from __future__ import annotations

import importlib.util
import json
import shutil
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quiz.progress.roster import read_roster
from tests.e2e.test_plain_e2e import quiz_command
from tests.helpers import BANKS
from tests.helpers.web import start_class

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        importlib.util.find_spec("textual_serve") is None
        or importlib.util.find_spec("playwright") is None,
        reason="needs the serve extra (textual-serve) and playwright (test extra)",
    ),
    pytest.mark.skipif(
        CHROMIUM is None, reason="no Chromium here (Debian: apt-get install chromium)"
    ),
]

# As root in a container Chromium needs --no-sandbox; the rest keep it off the network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def wait_until(condition: Callable[[], bool], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the class did not get there in time")
        time.sleep(0.1)


def answered(progress: Path, since: datetime) -> int:
    return sum(row.answered for row in read_roster(progress, since))


def test_a_student_takes_the_drill_in_chromium(tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    since = datetime.now(UTC) - timedelta(seconds=1)
    room = start_class(
        quiz_command(), tmp_path, "--bank", str(BANKS / "serve_ten.yaml"), "--seed", "WEB1"
    )
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1000, "height": 640})
            page.goto(room.base + "/")
            assert page.url.endswith("/join")  # nobody reaches a quiz without the form
            page.fill("input[name=name]", "Dana Ruiz")
            page.click("button[type=submit]")
            page.wait_for_selector("#terminal canvas, #terminal .xterm", timeout=30_000)
            time.sleep(3)  # the app starts and draws its home screen
            page.screenshot(path=str(tmp_path / "home.png"))
            page.click("#terminal")
            page.keyboard.press("Enter")  # start the teacher's drill
            time.sleep(1.5)
            for number in (1, 2):
                page.keyboard.press("t")
                wait_until(lambda n=number: answered(room.progress, since) >= n)
                time.sleep(1)
                if number == 1:
                    page.screenshot(path=str(tmp_path / "feedback.png"))
                page.keyboard.press("Enter")
                time.sleep(1)
            page.screenshot(path=str(tmp_path / "question.png"))
            page.close()  # the student closes the tab midway
            browser.close()
        wait_until(lambda: any(room.results.glob("*.json")))
    finally:
        room.stop()
    [path] = room.results.glob("*.json")
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["student"] == "Dana Ruiz"
    assert [q["given"] for q in document["questions"]] == [True, True]
    # The screenshots are real pictures of the page (kept in tmp_path for a look).
    assert (tmp_path / "feedback.png").stat().st_size > 10_000

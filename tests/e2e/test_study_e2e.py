"""Study today in a real terminal across two simulated days ($QUIZ_NOW), and undo then kill."""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.helpers import BANKS

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

BANK = BANKS / "study_tf.yaml"
QUIZ = shutil.which("quiz") or shutil.which("quiz", path=str(Path(sys.executable).parent))
PROMPTS = {
    "Alpha is the first letter.",
    "Beta is the second letter.",
    "Gamma is the third letter.",
    "Delta is the fourth letter.",
}


class Terminal:
    """quiz in an 80x24 tmux window on a server of its own (so its environment is ours)."""

    def __init__(self, progress: Path) -> None:
        self.socket = f"quiz-study-{uuid.uuid4().hex[:8]}"
        self.progress = progress

    def tmux(self, *args: str) -> str:
        return subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=False
        ).stdout

    def start(self, now: str, *options: str) -> None:
        env = {"QUIZ_NOW": now, "TZ": "UTC", "QUIZ_PROGRESS": str(self.progress)}
        words = ["env", *(f"{k}={v}" for k, v in env.items()), str(QUIZ), "--bank", str(BANK)]
        command = shlex.join([*words, *options])
        self.tmux("new-session", "-d", "-s", "quiz", "-x", "80", "-y", "24", command)
        self.wait(lambda pane: "Study today" in pane)

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "quiz", *keys)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "quiz")

    def wait(self, predicate: Callable[[str], bool], timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        pane = ""
        while time.monotonic() < deadline:
            pane = self.screen()
            if predicate(pane):
                return pane
            time.sleep(0.05)
        raise AssertionError(f"timed out; the screen was:\n{pane}")

    def prompt(self) -> str:
        pane = self.screen()
        return next(p for p in PROMPTS if p in pane)

    def quit(self) -> None:
        self.keys("C-q")
        deadline = time.monotonic() + 10
        while "quiz" in self.tmux("list-sessions") and time.monotonic() < deadline:
            time.sleep(0.05)

    def close(self) -> None:
        self.tmux("kill-server")


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    if QUIZ is None:
        pytest.skip("the quiz command is not installed")
    term = Terminal(tmp_path / "progress.db")
    yield term
    term.close()


def _answer_today(term: Terminal, count: int) -> list[str]:
    asked = []
    for number in range(1, count + 1):
        term.wait(lambda pane, n=number: f"{n} of {count}" in pane)
        asked.append(term.prompt())
        term.keys("t")
        term.wait(lambda pane: "✓ Correct" in pane)
        term.keys("Enter")
    return asked


def test_study_today_across_two_days_brings_due_questions_back(terminal: Terminal) -> None:
    terminal.start("2026-11-28T09:00:00Z", "--new-limit", "2")
    assert "Study today (2)" in terminal.screen()
    terminal.keys("Enter")
    day1 = _answer_today(terminal, 2)
    pane = terminal.wait(lambda pane: "Done for today" in pane)
    assert "Next review due in 10 minutes" in pane
    terminal.quit()

    # Later the same day: nothing new, nothing due yet.
    terminal.start("2026-11-28T09:05:00Z", "--new-limit", "2")
    assert "Study today (0)" in terminal.screen()
    terminal.keys("Enter")
    pane = terminal.wait(lambda pane: "Nothing due and no new questions left today" in pane)
    assert "Next review due in 5 minutes" in pane
    terminal.quit()

    # The next day: yesterday's two come back first, then two new ones.
    terminal.start("2026-11-29T09:00:00Z", "--new-limit", "2")
    assert "Study today (4)" in terminal.screen()
    terminal.keys("Enter")
    day2 = _answer_today(terminal, 4)
    assert set(day2[:2]) == set(day1)
    assert set(day2[2:]) == PROMPTS - set(day1)
    terminal.wait(lambda pane: "Done for today" in pane)
    terminal.quit()


def test_undo_then_kill_leaves_the_file_as_if_never_answered(terminal: Terminal) -> None:
    terminal.start("2026-11-28T09:00:00Z", "--new-limit", "2")
    terminal.keys("Enter")
    terminal.wait(lambda pane: "1 of 2" in pane)
    first = terminal.prompt()
    terminal.keys("t")
    terminal.wait(lambda pane: "✓ Correct" in pane)
    terminal.keys("C-z")
    pane = terminal.wait(lambda pane: "taken back" in pane)
    assert "1 of 2" in pane and first in pane
    pid = int(terminal.tmux("display-message", "-p", "-t", "quiz", "#{pane_pid}").strip())
    quiz_pids = subprocess.run(
        ["pgrep", "-P", str(pid)], capture_output=True, text=True, check=False
    ).stdout.split()
    for target in [pid, *map(int, quiz_pids)]:
        with contextlib.suppress(ProcessLookupError):  # `env` may have become quiz itself
            os.kill(target, signal.SIGKILL)
    conn = sqlite3.connect(terminal.progress)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM attempts").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM cards").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM daily").fetchone()[0] == 0
    finally:
        conn.close()

"""The installed `quiz` in a real terminal: start practice, answer one question, see feedback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.helpers import BANKS

pytestmark = pytest.mark.e2e


BANK = BANKS / "ui_one.yaml"
# The venv's console script, whether or not the venv is on PATH.
QUIZ = shutil.which("quiz") or shutil.which("quiz", path=str(Path(sys.executable).parent))


def _capture(name: str) -> str:
    return subprocess.run(
        ["tmux", "capture-pane", "-p", "-t", name], capture_output=True, text=True, check=False
    ).stdout


def _wait_for(name: str, predicate, timeout: float = 15.0) -> str:
    deadline = time.monotonic() + timeout
    pane = ""
    while time.monotonic() < deadline:
        pane = _capture(name)
        if predicate(pane):
            return pane
        time.sleep(0.05)
    raise AssertionError(f"timed out; the screen was:\n{pane}")


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
@pytest.mark.skipif(QUIZ is None, reason="the quiz command is not installed")
def test_answer_one_question_in_a_real_terminal(tmp_path: Path) -> None:
    name = f"quiz-e2e-{uuid.uuid4().hex[:8]}"
    progress = tmp_path / "progress.db"
    env = dict(os.environ, QUIZ_PROGRESS=str(progress))
    env.pop("NO_COLOR", None)
    command = f"{QUIZ} --bank {BANK} --seed 7"
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", name, "-x", "80", "-y", "24", command],
        check=True,
        env=env,
    )
    try:
        _wait_for(name, lambda pane: "Review: " in pane)
        subprocess.run(["tmux", "send-keys", "-t", name, "Enter"], check=True)
        pane = _wait_for(name, lambda pane: "1 of 1" in pane)
        assert "burns paraffin" in pane
        subprocess.run(["tmux", "send-keys", "-t", name, "t"], check=True)
        pane = _wait_for(name, lambda pane: "Correct" in pane)
        assert "✓ Correct" in pane
        assert "From the source" in pane
        assert "Its lamp burns paraffin and turns once every ten seconds." in pane
    finally:
        subprocess.run(["tmux", "kill-session", "-t", name], check=False, capture_output=True)


NUMERIC_BANK = """\
id: burst
title: Burst
questions:
  - id: year
    type: numeric
    prompt: In which year was the charter adopted?
    answer: 2002
"""


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
@pytest.mark.skipif(QUIZ is None, reason="the quiz command is not installed")
def test_keys_sent_in_one_burst_keep_their_order(tmp_path: Path) -> None:
    name = f"quiz-e2e-{uuid.uuid4().hex[:8]}"
    bank = tmp_path / "burst.yaml"
    bank.write_text(NUMERIC_BANK, encoding="utf-8")
    env = dict(os.environ, QUIZ_PROGRESS=str(tmp_path / "progress.db"))
    command = f"{QUIZ} --bank {bank} --seed 7 --profile t"
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", name, "-x", "80", "-y", "24", command],
        check=True,
        env=env,
    )
    try:
        _wait_for(name, lambda pane: "Review: " in pane)
        subprocess.run(["tmux", "send-keys", "-t", name, "Enter"], check=True)
        _wait_for(name, lambda pane: "1 of 1" in pane)
        # One send-keys: the terminal delivers "2007", Backspace and "6" in one read.
        subprocess.run(["tmux", "send-keys", "-t", name, "2007", "BSpace", "6"], check=True)
        _wait_for(name, lambda pane: "2006" in pane)
        subprocess.run(["tmux", "send-keys", "-t", name, "Enter"], check=True)
        pane = _wait_for(name, lambda pane: "Your answer" in pane)
        assert "Your answer   2006" in pane
    finally:
        subprocess.run(["tmux", "kill-session", "-t", name], check=False, capture_output=True)

"""The app in a real terminal: every way out of a drill leaves its results file.

Run in tmux through the installed `quiz`: answer one question, then close the
terminal (kill the tmux session: SIGHUP), send SIGTERM or SIGINT to quiz, or
press ctrl+q with a results folder that cannot be written.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.helpers.ways_out import results_in, write_bank

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]
QUIZ = shutil.which("quiz", path=str(Path(sys.executable).parent)) or shutil.which("quiz")


# A tmux server of these tests' own: killing a session never races another test's server.
SOCKET = f"quiz-ways-out-{os.getpid()}"


def _tmux(*args: str) -> str:
    command = ["tmux", "-L", SOCKET, *args]
    return subprocess.run(command, capture_output=True, text=True, check=False).stdout


def _wait_for(name: str, text: str, timeout: float = 20.0) -> str:
    deadline = time.monotonic() + timeout
    pane = ""
    while time.monotonic() < deadline:
        pane = _tmux("capture-pane", "-p", "-t", name)
        if text in pane:
            return pane
        time.sleep(0.05)
    raise AssertionError(f"never showed {text!r}; the screen was:\n{pane}")


def _wait_gone(pid: int, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    raise AssertionError(f"quiz (pid {pid}) did not end")


def _start_drill(tmp_path: Path, results: Path) -> tuple[str, int]:
    name = f"quiz-out-{uuid.uuid4().hex[:8]}"
    bank = write_bank(tmp_path)
    data = f"XDG_DATA_HOME={tmp_path / 'data'}"  # -e: a running tmux server keeps its own env
    # The shell stays after quiz ends, so what quiz printed last can be read.
    command = (
        f"{QUIZ} --bank {bank} --mode drill --seed W --profile ana --results {results} "
        f"--progress {tmp_path / 'p.db'}; echo QUIZ-EXIT=$?; sleep 60"
    )
    subprocess.run(
        [
            "tmux",
            "-L",
            SOCKET,
            "new-session",
            "-d",
            "-s",
            name,
            "-x",
            "80",
            "-y",
            "24",
            "-e",
            data,
            command,
        ],
        check=True,
    )
    shell = _tmux("display-message", "-p", "-t", name, "#{pane_pid}").strip()
    _wait_for(name, "Drill")
    children = subprocess.run(["pgrep", "-P", shell], capture_output=True, text=True).stdout
    pid = int(children.split()[0])
    _tmux("send-keys", "-t", name, "Enter")
    _wait_for(name, "1 of 3")
    _tmux("send-keys", "-t", name, "t")
    _wait_for(name, "Correct")
    return name, pid


@pytest.mark.skipif(QUIZ is None, reason="the quiz command is not installed")
@pytest.mark.parametrize("how", ["closed terminal", "SIGTERM", "SIGINT", "ctrl+q", "Leave"])
def test_every_way_out_of_the_app_writes_the_results_file(tmp_path: Path, how: str) -> None:
    results = tmp_path / "results"
    name, pid = _start_drill(tmp_path, results)
    try:
        if how == "closed terminal":
            _tmux("kill-session", "-t", name)  # the pane's process gets SIGHUP
        elif how in ("SIGTERM", "SIGINT"):
            os.kill(pid, getattr(signal, how))
        elif how == "ctrl+q":
            _tmux("send-keys", "-t", name, "C-q")
        else:
            _tmux("send-keys", "-t", name, "Escape")
            _wait_for(name, "Leave this session?")
            _tmux("send-keys", "-t", name, "y")
            _wait_for(name, "Results saved to")
            _tmux("send-keys", "-t", name, "C-q")
        _wait_gone(pid)
        pane = "" if how == "closed terminal" else _wait_for(name, "QUIZ-EXIT=")
    finally:
        _tmux("kill-session", "-t", name)
    docs = results_in(results)
    assert len(docs) == 1, pane
    assert [q["verdict"] for q in docs[0]["questions"]] == ["correct"]
    assert docs[0]["totals"]["possible"] == 3
    assert "Traceback" not in pane
    if how in ("SIGTERM", "SIGINT", "ctrl+q"):
        unwrapped = "".join(pane.split("\n"))  # the pane wraps long paths
        assert f"Results saved to {next(results.glob('*.json'))}" in unwrapped


@pytest.mark.skipif(QUIZ is None, reason="the quiz command is not installed")
@pytest.mark.parametrize("how", ["ctrl+q", "SIGTERM"])
def test_an_unwritable_results_folder_falls_back_loudly(tmp_path: Path, how: str) -> None:
    results = tmp_path / "results"
    results.write_text("a file where the folder should be", encoding="utf-8")
    name, pid = _start_drill(tmp_path, results)
    try:
        if how == "ctrl+q":
            _tmux("send-keys", "-t", name, "C-q")
        else:
            os.kill(pid, signal.SIGTERM)
        _wait_gone(pid)
        pane = _wait_for(name, "QUIZ-EXIT=")
    finally:
        _tmux("kill-session", "-t", name)
    fallback = tmp_path / "data" / "quiz" / "results"
    docs = results_in(fallback)
    assert len(docs) == 1 and [q["verdict"] for q in docs[0]["questions"]] == ["correct"]
    written = str(next(fallback.glob("*.json")))
    assert "RESULTS SAVED INSTEAD TO" in pane
    assert written[-30:] in "".join(pane.split("\n"))  # the path, perhaps wrapped

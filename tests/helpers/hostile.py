"""Text a stranger could plant: escape sequences in banks, names and answers."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

OSC52 = "Eve\x1b]52;c;eA==\x07"  # sets the terminal's clipboard
CLEAR = "\x1b[2J"  # blanks the screen
C1 = "\x9b31m"  # the one-byte CSI
BIDI = "\u202e"  # right-to-left override
RAW = ("\x1b", "\x07", "\x9b", "\u202e")

HOSTILE_BANK = """\
id: hostile
title: "Hostile \\e[2J bank"
source:
  title: "Notes \\e]0;pwned\\a"
  file: notes.txt
questions:
  - id: q1
    type: short_answer
    prompt: "Clear \\e[2J the screen? \\u202e"
    answer: "yes"
    explanation: "Because \\x9b31m red."
    source: The answer is yes.
    topic: "Topic \\e[31m red"
  - id: q2
    type: multiple_choice
    prompt: Pick one.
    choices: ["A \\e[5m", "B"]
    answer: B
    source: The answer is yes.
"""


def write_hostile_bank(folder: Path) -> Path:
    """A valid bank whose every text field carries an escape sequence."""
    (folder / "notes.txt").write_text("The answer is yes.\n", encoding="utf-8")
    bank = folder / "hostile.yaml"
    bank.write_text(HOSTILE_BANK, encoding="utf-8")
    return bank


def assert_no_raw_controls(*texts: str) -> None:
    """None of the dangerous characters reached the output as themselves."""
    for text in texts:
        for char in RAW:
            assert char not in text, f"raw {char!r} in output:\n{text!r}"


def quiz_command() -> list[str]:
    """The installed `quiz` console script (of this venv)."""
    found = shutil.which("quiz", path=str(Path(sys.executable).parent)) or shutil.which("quiz")
    return [found] if found else [sys.executable, "-m", "quiz"]


def run_quiz(
    args: list[str], cwd: Path, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the installed quiz to the end, capturing its output."""
    return subprocess.run(
        [*quiz_command(), *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="surrogateescape",
        timeout=60,
        env={**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8", **(env or {})},
        cwd=cwd,
    )

"""Keypress to screen in a real terminal: what a learner waits for after each key.

Runs `quiz` in tmux at 80x24 on a generated bank of multiple-choice questions (so `1`
always answers), and times, from the moment tmux is told to send a key until the app's
answer to it reaches the terminal:

- Enter on Practice until the first question is drawn;
- `1` until the verdict is drawn (the first answer apart: it loads the grading engine);
- `n` until the next question is drawn.

Each key is sent after a short pause, as a reader would. Reports medians and the worst
case; the target for answer to feedback is under 50 ms.

    python bench/bench_terminal_keys.py [--questions 30]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from tmux_terminal import Terminal, Window

VERDICTS = (b"Correct", b"Incorrect")


def write_bank(folder: Path, questions: int) -> Path:
    """A bank of `questions` three-choice questions whose first choice is right."""
    lines = ["id: bench-keys", "title: Keypress bench", "questions:"]
    for i in range(questions):
        lines += [
            f"  - id: q{i}",
            "    type: multiple_choice",
            f"    prompt: Which number is {i}?",
            f'    choices: ["{i}", "{i + 1}", "{i + 2}"]',
            f'    answer: "{i}"',
        ]
    path = folder / "keys.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def pause_and_press(window: Window, key: str) -> float:
    """Let the screen settle, as a reader would, then press `key`; return when."""
    time.sleep(0.15)
    return window.press(key)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=30, help="at least 2")
    args = parser.parse_args()
    if args.questions < 2:
        parser.error("--questions must be at least 2: the first answer is reported apart")
    if shutil.which("tmux") is None:
        sys.exit("tmux is needed to time a real terminal")
    quiz = shutil.which("quiz") or str(Path(sys.executable).with_name("quiz"))
    terminal = Terminal()
    answers: list[float] = []
    nexts: list[float] = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            bank = write_bank(Path(tmp), args.questions)
            settings = {"QUIZ_PROGRESS": str(Path(tmp, "progress.db"))}
            command = [quiz, "--bank", str(bank), "--seed", "keys", "--profile", "bench"]
            window = Window(terminal, command, settings)
            try:
                window.wait_for(b"Review: ")
                sent = pause_and_press(window, "Enter")
                first_question = window.wait_for(b"1 of ") - sent
                for number in range(1, args.questions + 1):
                    sent = pause_and_press(window, "1")
                    answers.append(window.wait_for(*VERDICTS) - sent)
                    if number == args.questions:
                        break
                    sent = pause_and_press(window, "n")
                    nexts.append(window.wait_for(f"{number + 1} of ".encode()) - sent)
            finally:
                window.close()
    finally:
        terminal.close()
    first_answer, later = answers[0], answers[1:]
    print(f"questions: {args.questions} (multiple choice), 80x24, tmux")
    print(f"Enter to the first question:   {first_question * 1000:6.1f} ms")
    print(f"first answer to its feedback:  {first_answer * 1000:6.1f} ms")
    print(
        f"answer to feedback, after:     median {statistics.median(later) * 1000:6.1f} ms, "
        f"worst {max(later) * 1000:6.1f} ms (target: under 50 ms)"
    )
    print(
        f"n to the next question:        median {statistics.median(nexts) * 1000:6.1f} ms, "
        f"worst {max(nexts) * 1000:6.1f} ms"
    )
    return 0 if statistics.median(later) < 0.050 else 1


if __name__ == "__main__":
    raise SystemExit(main())

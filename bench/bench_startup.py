"""Time to the first screen in a real terminal: `quiz` against a one-Static Textual app.

Each command runs in a new tmux window at 80x24 (tmux_terminal.py), and the time is
taken the moment the expected text reaches its terminal. Reports the median of
several runs of each, alternating, side by side.

Both run as on a learner's machine: Python caches bytecode (PYTHONDONTWRITEBYTECODE is
cleared; the unmeasured first run writes the caches), and quiz keeps its progress in a
temporary file.

    python bench/bench_startup.py [--runs 9]
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

MINIMAL_APP = """
from textual.app import App, ComposeResult
from textual.widgets import Static


class Minimal(App):
    def compose(self) -> ComposeResult:
        yield Static("minimal app ready")


Minimal().run()
"""


def time_to_text(
    terminal: Terminal, command: list[str], marker: str, settings: dict[str, str]
) -> float:
    """Seconds from starting `command` until `marker` is written to its terminal."""
    start = time.perf_counter()
    window = Window(terminal, command, settings)
    try:
        return window.wait_for(marker.encode()) - start
    finally:
        window.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        sys.exit("tmux is needed to time a real terminal")
    quiz = shutil.which("quiz") or str(Path(sys.executable).with_name("quiz"))
    terminal = Terminal()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            minimal = Path(tmp, "minimal.py")
            minimal.write_text(MINIMAL_APP)
            env = {"QUIZ_PROGRESS": str(Path(tmp, "progress.db"))}
            apps = [
                ([sys.executable, str(minimal)], "minimal app ready"),
                ([quiz], "Review: "),
            ]
            # One unmeasured run each warms the OS file cache and quiz's bank cache.
            for command, marker in apps:
                time_to_text(terminal, command, marker, env)
            minimal_times, quiz_times = [], []
            for _ in range(args.runs):
                for times, (command, marker) in zip((minimal_times, quiz_times), apps, strict=True):
                    times.append(time_to_text(terminal, command, marker, env))
    finally:
        terminal.close()
    m, q = statistics.median(minimal_times), statistics.median(quiz_times)
    print(f"runs: {args.runs} each, alternating, 80x24, tmux")
    print(f"minimal Textual app (one Static): median {m * 1000:6.0f} ms")
    print(f"quiz, shipped bank, home screen:   median {q * 1000:6.0f} ms")
    print(f"ratio: {q / m:.2f}x (target: at most 1.25x)")
    return 0 if q / m <= 1.25 else 1


if __name__ == "__main__":
    raise SystemExit(main())

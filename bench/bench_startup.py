"""Time to the first screen in a real terminal: `quiz` against a one-Static Textual app.

Runs each command in a detached tmux session at 80x24, polls `capture-pane` until the
expected text shows, and reports the median of several runs, side by side.

Both run as on a learner's machine: Python caches bytecode (PYTHONDONTWRITEBYTECODE is
cleared; the unmeasured first run writes the caches), and quiz keeps its progress in a
temporary file. The command runs under `env`, which sets and clears these itself: a tmux
server that is already running starts it with the server's environment, not this one.

    python bench/bench_startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MINIMAL_APP = """
from textual.app import App, ComposeResult
from textual.widgets import Static


class Minimal(App):
    def compose(self) -> ComposeResult:
        yield Static("minimal app ready")


Minimal().run()
"""

# Cleared for both apps: Textual treats a NO_COLOR that is set at all, even empty, as set.
UNSET = ("NO_COLOR", "PYTHONDONTWRITEBYTECODE")
POLL = 0.005  # seconds between captures
TIMEOUT = 20.0


def time_to_text(command: list[str], marker: str, settings: dict[str, str]) -> float:
    """Seconds from starting `command` in tmux, with `settings` set and UNSET cleared,
    until `marker` is on screen."""
    name = f"bench-{os.getpid()}-{time.monotonic_ns()}"
    env = ["env", *(arg for key in UNSET for arg in ("-u", key))]
    env += [f"{key}={value}" for key, value in settings.items()]
    shell = " ".join(shlex.quote(part) for part in [*env, *command])
    start = time.perf_counter()
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", name, "-x", "80", "-y", "24", shell],
        check=True,
    )
    try:
        while time.perf_counter() - start < TIMEOUT:
            pane = subprocess.run(
                ["tmux", "capture-pane", "-p", "-t", name],
                capture_output=True,
                text=True,
                check=False,
            ).stdout
            if marker in pane:
                return time.perf_counter() - start
            time.sleep(POLL)
        raise TimeoutError(f"{marker!r} never appeared for {command}")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", name], check=False, capture_output=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        sys.exit("tmux is needed to time a real terminal")
    quiz = shutil.which("quiz") or str(Path(sys.executable).with_name("quiz"))
    with tempfile.TemporaryDirectory() as tmp:
        minimal = Path(tmp, "minimal.py")
        minimal.write_text(MINIMAL_APP)
        env = {"QUIZ_PROGRESS": str(Path(tmp, "progress.db"))}
        # One unmeasured run each warms the OS file cache and quiz's bank cache.
        time_to_text([sys.executable, str(minimal)], "minimal app ready", env)
        time_to_text([quiz], "Review missed", env)
        minimal_times, quiz_times = [], []
        for _ in range(args.runs):
            minimal_times.append(
                time_to_text([sys.executable, str(minimal)], "minimal app ready", env)
            )
            quiz_times.append(time_to_text([quiz], "Review missed", env))
    m, q = statistics.median(minimal_times), statistics.median(quiz_times)
    print(f"runs: {args.runs} each, 80x24, tmux")
    print(f"minimal Textual app (one Static): median {m * 1000:6.0f} ms")
    print(f"quiz, shipped bank, home screen:   median {q * 1000:6.0f} ms")
    print(f"ratio: {q / m:.2f}x (target: at most 1.25x)")
    return 0 if q / m <= 1.25 else 1


if __name__ == "__main__":
    raise SystemExit(main())

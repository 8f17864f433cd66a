"""Time to the first screen in a real terminal: `quiz` against a one-Static Textual app.

Each command runs in a new tmux window at 80x24. A tmux control-mode client
streams every byte the program writes to its terminal, so the time is taken the
moment the expected text arrives, with no polling process competing for the CPU.
Reports the median of several runs of each, alternating, side by side.

Both run as on a learner's machine: Python caches bytecode (PYTHONDONTWRITEBYTECODE is
cleared; the unmeasured first run writes the caches), and quiz keeps its progress in a
temporary file. The command runs under `env`, which sets and clears these itself: tmux
starts it with the server's environment, not this one.

    python bench/bench_startup.py [--runs 9]
"""

from __future__ import annotations

import argparse
import os
import re
import selectors
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
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
TIMEOUT = 20.0
_OCTAL = re.compile(rb"\\([0-7]{3})")  # control mode escapes bytes below 32 as \ooo
_PANE = re.compile(rb"%\d+")


class Terminal:
    """A tmux session at 80x24 driven through one control-mode client."""

    def __init__(self) -> None:
        self.name = f"bench-{os.getpid()}"
        self._tmux = subprocess.Popen(
            ["tmux", "-C", "new-session", "-s", self.name, "-x", "80", "-y", "24"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        assert self._tmux.stdin is not None and self._tmux.stdout is not None
        self._stdin, self._stdout = self._tmux.stdin, self._tmux.stdout
        self._select = selectors.DefaultSelector()
        self._select.register(self._stdout, selectors.EVENT_READ)
        self._pending = b""
        self._send("refresh-client -C 80x24")

    def close(self) -> None:
        self._send(f"kill-session -t {self.name}")
        self._tmux.wait(timeout=5)

    def time_to_text(self, command: list[str], marker: str, settings: dict[str, str]) -> float:
        """Seconds from starting `command`, with `settings` set and UNSET cleared, until
        `marker` is written to its terminal."""
        env = ["env", *(arg for key in UNSET for arg in ("-u", key))]
        env += [f"{key}={value}" for key, value in settings.items()]
        shell = " ".join(shlex.quote(part) for part in [*env, *command])
        start = time.perf_counter()
        self._send(f"new-window -P -F '#{{pane_id}}' {shlex.quote(shell)}")
        pane = None
        seen: dict[bytes, bytes] = {}  # pane -> everything it wrote
        wanted = marker.encode()
        try:
            for line in self._lines(start + TIMEOUT):
                if pane is None and _PANE.fullmatch(line):
                    pane = line  # the reply to new-window
                elif line.startswith(b"%output "):
                    _, source, data = line.split(b" ", 2)
                    data = _OCTAL.sub(lambda m: bytes([int(m[1], 8)]), data)
                    seen[source] = seen.get(source, b"") + data
                if pane is not None and wanted in seen.get(pane, b""):
                    return time.perf_counter() - start
            last = seen.get(pane or b"", b"")[-300:]
            raise TimeoutError(f"{marker!r} never appeared for {command}; it wrote ...{last!r}")
        finally:
            if pane is not None:
                self._send(f"kill-pane -t {pane.decode()}")

    def _send(self, command: str) -> None:
        self._stdin.write(command.encode() + b"\n")
        self._stdin.flush()

    def _lines(self, deadline: float) -> Iterator[bytes]:
        while time.perf_counter() < deadline:
            while b"\n" in self._pending:
                line, self._pending = self._pending.split(b"\n", 1)
                yield line
            if self._select.select(timeout=0.05):
                chunk = os.read(self._stdout.fileno(), 65536)
                if not chunk:
                    return
                self._pending += chunk


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
                ([quiz], "Review missed"),
            ]
            # One unmeasured run each warms the OS file cache and quiz's bank cache.
            for command, marker in apps:
                terminal.time_to_text(command, marker, env)
            minimal_times, quiz_times = [], []
            for _ in range(args.runs):
                for times, (command, marker) in zip((minimal_times, quiz_times), apps, strict=True):
                    times.append(terminal.time_to_text(command, marker, env))
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

"""A real terminal for the benchmarks: tmux windows at 80x24, watched byte by byte.

One tmux control-mode client streams everything each program writes to its terminal
as it is written, so a bench can take the time the moment the text it waits for
arrives, with no polling process competing with the program for the CPU.
"""

from __future__ import annotations

import os
import re
import selectors
import shlex
import subprocess
import time
from collections.abc import Iterator

# Cleared for every program: Textual treats a NO_COLOR that is set at all, even empty,
# as set; and Python should cache bytecode as it does on a learner's machine.
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
        self.send("refresh-client -C 80x24")

    def close(self) -> None:
        self.send(f"kill-session -t {self.name}")
        self._tmux.wait(timeout=5)

    def send(self, command: str) -> None:
        """Run a tmux command."""
        self._stdin.write(command.encode() + b"\n")
        self._stdin.flush()

    def lines(self, deadline: float) -> Iterator[bytes]:
        """The control client's lines (replies and notifications) until `deadline`;
        with a deadline already past, the lines that have arrived so far."""
        while True:
            while b"\n" in self._pending:
                line, self._pending = self._pending.split(b"\n", 1)
                yield line
            wait = max(0.0, min(0.05, deadline - time.perf_counter()))
            if self._select.select(timeout=wait):
                chunk = os.read(self._stdout.fileno(), 65536)
                if not chunk:
                    return
                self._pending += chunk
            elif time.perf_counter() >= deadline:
                return


class Window:
    """One program in a new tmux window: keys go in, what it writes is watched."""

    def __init__(self, terminal: Terminal, command: list[str], settings: dict[str, str]):
        """Start `command` with `settings` set and UNSET cleared (tmux starts it with
        the server's environment, so `env` sets and clears them itself)."""
        env = ["env", *(arg for key in UNSET for arg in ("-u", key))]
        env += [f"{key}={value}" for key, value in settings.items()]
        shell = " ".join(shlex.quote(part) for part in [*env, *command])
        self.terminal = terminal
        self.pane: bytes | None = None
        self.output = b""  # what it wrote since it started, or since the last key
        terminal.send(f"new-window -P -F '#{{pane_id}}' {shlex.quote(shell)}")

    def wait_for(self, *texts: bytes) -> float:
        """Wait until the program has written any of `texts`; return that moment."""
        for line in self.terminal.lines(time.perf_counter() + TIMEOUT):
            self._take(line)
            if any(text in self.output for text in texts):
                return time.perf_counter()
        raise TimeoutError(f"none of {texts} appeared; it wrote ...{self.output[-300:]!r}")

    def press(self, key: str) -> float:
        """Send one key (a tmux key name); return the moment it was sent."""
        assert self.pane is not None, "wait for the program's first output first"
        for line in self.terminal.lines(time.perf_counter()):  # what arrived before the key
            self._take(line)
        self.output = b""
        sent = time.perf_counter()
        self.terminal.send(f"send-keys -t {self.pane.decode()} {key}")
        return sent

    def close(self) -> None:
        if self.pane is not None:
            self.terminal.send(f"kill-pane -t {self.pane.decode()}")

    def _take(self, line: bytes) -> None:
        if self.pane is None and _PANE.fullmatch(line):
            self.pane = line  # the reply to new-window
        elif line.startswith(b"%output "):
            _, source, data = line.split(b" ", 2)
            if source == self.pane:
                self.output += _OCTAL.sub(lambda m: bytes([int(m[1], 8)]), data)

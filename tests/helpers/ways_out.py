"""Driving the installed `quiz` to a point mid-drill, then ending it some way."""

from __future__ import annotations

import contextlib
import json
import os
import queue
import subprocess
import threading
import time
from pathlib import Path

from tests.helpers.hostile import quiz_command

TRUE_FALSE_BANK = """\
id: tf
title: Three statements
questions:
  - id: one
    type: true_false
    prompt: Statement one is true.
    answer: true
  - id: two
    type: true_false
    prompt: Statement two is true.
    answer: true
  - id: three
    type: true_false
    prompt: Statement three is true.
    answer: true
"""


def write_bank(folder: Path) -> Path:
    bank = folder / "tf.yaml"
    bank.write_text(TRUE_FALSE_BANK, encoding="utf-8")
    return bank


class Running:
    """A `quiz --plain` process whose output is read as it comes."""

    def __init__(self, args: list[str], cwd: Path, env: dict[str, str] | None = None) -> None:
        self.proc = subprocess.Popen(
            [*quiz_command(), *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            cwd=cwd,
            env={**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8", **(env or {})},
        )
        self.out = ""
        self._lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self._lines.put(line)

    def send(self, line: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"{line}\n")
        self.proc.stdin.flush()

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while text not in self.out:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"never printed {text!r}; printed:\n{self.out}")
            try:
                self.out += self._lines.get(timeout=left)
            except queue.Empty:
                continue
        return self.out

    def finish(self, timeout: float = 60.0) -> tuple[int, str, str]:
        """Wait for the end; the exit code, all of stdout and stderr."""
        code = self.proc.wait(timeout=timeout)
        time.sleep(0.1)
        while not self._lines.empty():
            self.out += self._lines.get()
        assert self.proc.stderr is not None
        err = self.proc.stderr.read()
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
        return code, self.out, err


def results_in(folder: Path) -> list[dict]:
    """The results documents in `folder`."""
    if not folder.is_dir():
        return []
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]


def given_verdicts(doc: dict) -> list[tuple[str, str]]:
    return [(q["question_id"], q["verdict"]) for q in doc["questions"]]

"""Students for `quiz serve`, driven through its real HTTP and websocket protocol."""

from __future__ import annotations

import asyncio
import re
import signal
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

_ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


@dataclass
class Student:
    """One browser tab: joins through the form, then types into its app over the websocket."""

    base: str  # "http://127.0.0.1:PORT"
    name: str
    code: str | None = None
    output: bytearray = field(default_factory=bytearray)
    _last: float = 0.0
    _http: aiohttp.ClientSession | None = None
    _ws: aiohttp.ClientWebSocketResponse | None = None
    _reader: asyncio.Task[None] | None = None

    async def join(self) -> int:
        """Fill in the join form; return the HTTP status of the answer."""
        self._http = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
        form = {"name": self.name} | ({"code": self.code} if self.code is not None else {})
        async with self._http.post(f"{self.base}/join", data=form, allow_redirects=False) as r:
            return r.status

    async def open(self, width: int = 80, height: int = 24) -> None:
        """Connect the terminal's websocket (this starts the student's app)."""
        assert self._http is not None
        url = self.base.replace("http", "ws", 1) + f"/ws?width={width}&height={height}"
        self._ws = await self._http.ws_connect(url)
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        assert self._ws is not None
        async for message in self._ws:
            if message.type == aiohttp.WSMsgType.BINARY:
                self.output += message.data
                self._last = time.monotonic()

    async def type(self, keys: str) -> None:
        """Send keys as a terminal would ("\\r" is Enter)."""
        assert self._ws is not None
        await self._ws.send_json(["stdin", keys])

    async def settle(self, quiet: float = 0.4, timeout: float = 60.0) -> None:
        """Wait until the app has drawn something new and then stayed quiet for `quiet` s."""
        mark = len(self.output)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            await asyncio.sleep(0.05)
            if len(self.output) > mark and time.monotonic() - self._last >= quiet:
                return
        raise TimeoutError(f"{self.name}: the app drew nothing new for {timeout} s")

    def mark(self) -> int:
        """A point in the output to look for text after."""
        return len(self.output)

    def text(self, since: int = 0) -> str:
        """What the app drew since `since`, escape sequences removed."""
        return _ESCAPES.sub("\x00", bytes(self.output[since:]).decode("utf-8", "replace"))

    async def wait_for(self, text: str, since: int = 0, timeout: float = 60.0) -> float:
        """Wait until the app draws `text` after `since`; return when it did (monotonic)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if text in self.text(since):
                return time.monotonic()
            await asyncio.sleep(0.005)
        raise TimeoutError(f"{self.name}: no {text!r} on screen after {timeout} s")

    async def close(self) -> None:
        """Close the tab."""
        if self._ws is not None:
            await self._ws.close()
        if self._reader is not None:
            await asyncio.gather(self._reader, return_exceptions=True)
        if self._http is not None:
            await self._http.close()


@dataclass
class ServedClass:
    """A running `quiz serve` and where it writes."""

    process: subprocess.Popen[bytes]
    base: str
    results: Path
    progress: Path
    log: Path  # what the teacher's terminal showed

    def teacher_saw(self) -> str:
        return self.log.read_text(encoding="utf-8")

    def teacher_sees(self, text: str, timeout: float = 20) -> bool:
        """Wait for `text` on the teacher's terminal (the roster reads the file every second)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if text in self.teacher_saw():
                return True
            time.sleep(0.1)
        return False

    def stop(self, sig: int = signal.SIGINT, timeout: float = 60) -> int:
        """End the class as the teacher would; return the server's exit code."""
        if self.process.poll() is None:
            self.process.send_signal(sig)
        return self.process.wait(timeout=timeout)


def free_port() -> int:
    """A port nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_class(quiz: list[str], folder: Path, *options: str) -> ServedClass:
    """Start `quiz serve` on a free local port and wait until it answers."""
    port = free_port()
    results, log = folder / "results", folder / "teacher.log"
    process = subprocess.Popen(
        [*quiz, "serve", "--port", str(port), "--results", str(results), *options],
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        cwd=folder,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"quiz serve stopped: {log.read_text()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
        except OSError:
            time.sleep(0.1)
    else:
        process.kill()
        raise TimeoutError("quiz serve did not start listening")
    return ServedClass(process, base, results, results / "progress.db", log)


async def take_drill(
    student: Student,
    answers: int,
    total: int = 10,
    key: str = "t",
    think: float = 0.0,
    sent_at: list[float] | None = None,
) -> list[float]:
    """Join, start the drill and answer `answers` of its `total` questions.

    Returns, for each answer, the seconds from the key leaving the browser to the
    verdict on screen (the app records the answer before it shows the verdict).
    `think` waits that long (up to twice, at random) before each answer, as a
    student reads; `sent_at` collects when each key left.
    """
    import random

    assert await student.join() == 303
    await student.open()
    await student.wait_for("Start")  # the home screen, with the teacher's drill highlighted
    mark = student.mark()
    await student.type("\r")
    await student.wait_for(f"1 of {total}", mark)
    seconds = []
    for number in range(1, answers + 1):
        if think:
            await asyncio.sleep(think * random.uniform(0.5, 1.5))
        mark, sent = student.mark(), time.monotonic()
        if sent_at is not None:
            sent_at.append(sent)
        await student.type(key)
        shown = await student.wait_for(f"question {number} of {total}", mark)
        seconds.append(shown - sent)
        mark = student.mark()
        await student.type("\r")
        await student.wait_for(
            f"{number + 1} of {total}" if number < total else "Results saved", mark
        )
    return seconds

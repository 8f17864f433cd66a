"""How `quiz serve` holds up under a class: answer latency, memory and CPU per student.

Starts `quiz serve` on a free local port with a 10-question true/false drill and
drives N students through the real join form and websocket at once, each answering
every question, `--think` seconds apart on average (0: as fast as the screens come).
Reports two latencies, median, 95th percentile and worst: from the key leaving the
"browser" to the answer committed in the shared progress file, and to the verdict
drawn on the student's screen; then the memory (RSS) of one student's app process
and the CPU time the class used.

    python bench/bench_serve.py --students 30 --think 8
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.helpers import BANKS  # noqa: E402
from tests.helpers.web import Student, start_class, take_drill  # noqa: E402


def _children(pid: int) -> list[int]:
    """Every process below `pid`."""
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        path = Path(f"/proc/{parent}/task/{parent}/children")
        kids = [int(k) for k in path.read_text().split()] if path.exists() else []
        found += kids
        todo += kids
    return found


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _cpu_s(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    import os

    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def _watch_commits(progress: Path, seen: list[float], stop: asyncio.Event) -> None:
    """Note the moment each new answer is committed to the shared file."""
    import sqlite3

    count = 0
    while not stop.is_set():
        if progress.exists():
            uri = f"file:{progress}?mode=ro"
            with contextlib.closing(sqlite3.connect(uri, uri=True)) as db:
                now_count = db.execute("SELECT COUNT(*) FROM attempts").fetchone()[0]
            seen.extend([time.monotonic()] * (now_count - count))
            count = max(count, now_count)
        await asyncio.sleep(0.003)


async def _class(
    base: str, students: int, think: float, apps: list[float], server_pid: int, progress: Path
) -> tuple[list[float], list[float], list[float]]:
    crowd = [Student(base, f"Student {n:02d}") for n in range(1, students + 1)]
    sent: list[float] = []
    committed: list[float] = []
    stop = asyncio.Event()
    watcher = asyncio.create_task(_watch_commits(progress, committed, stop))
    try:
        runs = await asyncio.gather(*(take_drill(s, 10, think=think, sent_at=sent) for s in crowd))
        # Every app is still open on its results screen: measure them now.
        pids = [p for p in _children(server_pid) if b"-m\x00quiz" in _cmdline(p)]
        apps.extend(_rss_mb(p) for p in pids)
        apps.append(sum(_cpu_s(p) for p in pids))
    finally:
        stop.set()
        await watcher
        await asyncio.gather(*(s.close() for s in crowd))
    return [t for run in runs for t in run], sorted(sent), committed


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def _line(what: str, seconds: list[float]) -> str:
    ms = sorted(1000 * s for s in seconds)
    if not ms:
        return f"{what}: nothing measured"
    p95 = ms[max(0, round(0.95 * len(ms)) - 1)]
    return f"{what}: median {statistics.median(ms):.0f} ms, p95 {p95:.0f} ms, worst {ms[-1]:.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--think", type=float, default=0.0, help="seconds between answers")
    args = parser.parse_args()
    quiz = [sys.executable, "-m", "quiz"]
    with tempfile.TemporaryDirectory() as folder:
        room = start_class(
            quiz, Path(folder), "--bank", str(BANKS / "serve_ten.yaml"), "--seed", "BENCH"
        )
        try:
            measured: list[float] = []
            started = time.monotonic()
            seconds, sent, committed = asyncio.run(
                _class(
                    room.base, args.students, args.think, measured, room.process.pid, room.progress
                )
            )
            took = time.monotonic() - started
            files = len(list(room.results.glob("*.json")))
        finally:
            room.stop()
    cpu = measured.pop()
    # Keys and commits in time order: the n-th commit answers the n-th key closely
    # enough (each student waits for its verdict before its next key).
    to_commit = [c - s for s, c in zip(sent, committed, strict=False)]
    print(
        f"{args.students} students, {len(seconds)} answers in {took:.1f} s "
        f"(think {args.think} s), {files} results files"
    )
    print(_line("key to answer committed", to_commit))
    print(_line("key to verdict on screen", seconds))
    print(
        f"memory per student app: median {statistics.median(measured):.0f} MB RSS "
        f"(max {max(measured):.0f} MB; {sum(measured):.0f} MB for the class)"
    )
    print(f"CPU used by the students' apps: {cpu:.1f} s ({cpu / args.students:.2f} s each)")


if __name__ == "__main__":
    main()

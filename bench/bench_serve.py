"""How `quiz serve` holds up under a class: answer latency, memory and CPU per student.

Starts `quiz serve` on a free local port with a 10-question true/false drill and
drives N students through the real join form and websocket at once, each answering
every question. Reports, from the moment a key leaves the "browser" to the verdict
on its screen (the app records the answer before it draws the verdict): median,
95th percentile and worst; then the memory (RSS) of one student's app process and
the CPU time the class used.

    python bench/bench_serve.py --students 30
"""

from __future__ import annotations

import argparse
import asyncio
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


async def _class(base: str, students: int, apps: list[float], server_pid: int) -> list[float]:
    crowd = [Student(base, f"Student {n:02d}") for n in range(1, students + 1)]
    try:
        runs = await asyncio.gather(*(take_drill(s, 10) for s in crowd))
        # Every app is still open on its results screen: measure them now.
        pids = [p for p in _children(server_pid) if b"-m\x00quiz" in _cmdline(p)]
        apps.extend(_rss_mb(p) for p in pids)
        apps.append(sum(_cpu_s(p) for p in pids))
    finally:
        await asyncio.gather(*(s.close() for s in crowd))
    return [t for run in runs for t in run]


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=30)
    args = parser.parse_args()
    quiz = [sys.executable, "-m", "quiz"]
    with tempfile.TemporaryDirectory() as folder:
        room = start_class(
            quiz, Path(folder), "--bank", str(BANKS / "serve_ten.yaml"), "--seed", "BENCH"
        )
        try:
            measured: list[float] = []
            started = time.monotonic()
            seconds = asyncio.run(_class(room.base, args.students, measured, room.process.pid))
            took = time.monotonic() - started
            files = len(list(room.results.glob("*.json")))
        finally:
            room.stop()
    cpu = measured.pop()
    ms = sorted(1000 * s for s in seconds)
    p95 = ms[max(0, round(0.95 * len(ms)) - 1)]
    print(f"{args.students} students, {len(ms)} answers in {took:.1f} s, {files} results files")
    print(
        f"key to verdict on screen: median {statistics.median(ms):.0f} ms, "
        f"p95 {p95:.0f} ms, worst {ms[-1]:.0f} ms"
    )
    print(
        f"memory per student app: median {statistics.median(measured):.0f} MB RSS "
        f"(max {max(measured):.0f} MB; {sum(measured):.0f} MB for the class)"
    )
    print(f"CPU used by the students' apps: {cpu:.1f} s ({cpu / args.students:.2f} s each)")


if __name__ == "__main__":
    main()

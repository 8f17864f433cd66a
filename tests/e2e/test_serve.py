"""`quiz serve` end to end: students join through the real HTTP and websocket protocol."""

from __future__ import annotations

import asyncio
import importlib.util
import json
import signal
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import aiohttp
import pytest

from tests.e2e.test_plain_e2e import quiz_command
from tests.helpers import BANKS
from tests.helpers.web import ServedClass, Student, start_class, take_drill

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        importlib.util.find_spec("textual_serve") is None,
        reason="quiz serve needs the serve extra (textual-serve)",
    ),
]

BANK = BANKS / "serve_ten.yaml"


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Callable[..., ServedClass]]:
    started: list[ServedClass] = []

    def start(*options: str) -> ServedClass:
        served_class = start_class(
            quiz_command(), tmp_path, "--bank", str(BANK), "--seed", "CLASS7", *options
        )
        started.append(served_class)
        return served_class

    yield start
    for served_class in started:
        try:
            served_class.stop(timeout=60)
        except Exception:
            served_class.process.kill()


def results_files(folder: Path, expected: int, timeout: float = 30) -> list[dict]:
    """The results documents in `folder`, once `expected` of them are there."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        files = sorted(folder.glob("*.json"))
        if len(files) >= expected:
            return [json.loads(f.read_text(encoding="utf-8")) for f in files]
        time.sleep(0.2)
    raise AssertionError(f"{len(list(folder.glob('*.json')))} results files, not {expected}")


def given_answers(document: dict) -> list[object]:
    """What the student answered, question by question (unreached questions are not listed)."""
    return [q["given"] for q in document["questions"]]


def points(document: dict) -> float:
    return sum(q["verdict"] == "correct" for q in document["questions"])


def test_a_closed_tab_still_leaves_the_students_results(served) -> None:
    room = served()

    async def student() -> None:
        ana = Student(room.base, "Ana Lima")
        await take_drill(ana, 2)
        await ana.close()

    asyncio.run(student())
    [document] = results_files(room.results, 1)
    assert document["student"] == "Ana Lima"
    assert given_answers(document) == [True, True]
    assert document["totals"]["answered"] == 2
    score = points(document)
    assert room.teacher_sees(f"Ana Lima left after 2 of 10: {score:g}/10 ({score * 10:g}%)")
    shown = room.teacher_saw()
    assert "Ana Lima joined (drill)" in shown
    assert "Class: 1 joined, 1 finished" in shown


@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP])
def test_ending_the_class_saves_every_open_quiz(served, how: signal.Signals) -> None:
    """Ctrl-C, a kill, or the teacher's terminal closing: every open quiz writes first."""
    room = served()

    async def students() -> None:
        ben = Student(room.base, "Ben")
        await take_drill(ben, 1)
        # The tab stays open: the teacher ends the class under it.
        await asyncio.to_thread(room.stop, how)
        await ben.close()

    asyncio.run(students())
    assert room.process.returncode == 0
    [document] = results_files(room.results, 1)
    assert document["student"] == "Ben"
    assert given_answers(document) == [True]


def test_nobody_reaches_a_quiz_without_joining(served) -> None:
    room = served("--join-code", "wren42")

    async def visitor() -> dict[str, int]:
        seen = {}
        async with aiohttp.ClientSession() as http:
            for path in ("/", "/ws", "/download/x", "/static/../progress.db"):
                async with http.get(room.base + path, allow_redirects=False) as r:
                    seen[path] = r.status
            for name, code in (("Cy", ""), ("Cy", "WRONG1"), ("Eve\x1b]52;c;eA==\x07", "wren42")):
                async with http.post(
                    room.base + "/join", data={"name": name, "code": code}, allow_redirects=False
                ) as r:
                    seen[f"join {name!r} {code!r}"] = r.status
            async with http.get(room.base + "/ws", allow_redirects=False) as r:
                seen["/ws after refusals"] = r.status
        return seen

    seen = asyncio.run(visitor())
    assert seen["/"] == 302  # to the join form
    assert seen["/ws"] == seen["/download/x"] == 403
    assert seen["/static/../progress.db"] in (403, 404)
    assert seen["join 'Cy' ''"] == seen["join 'Cy' 'WRONG1'"] == 403
    assert seen["join 'Eve\\x1b]52;c;eA==\\x07' 'wren42'"] == 400
    assert seen["/ws after refusals"] == 403

    async def joiner() -> int:
        cy = Student(room.base, "Cy", code=" Wren42 ")
        status = await cy.join()
        await cy.close()
        return status

    assert asyncio.run(joiner()) == 303
    assert not list(room.results.glob("*.json"))


def test_thirty_students_lose_no_answer(served) -> None:
    room = served()
    names = [f"Student {n:02d}" for n in range(1, 31)]

    async def class_of_thirty() -> None:
        students = [Student(room.base, name) for name in names]
        try:
            await asyncio.gather(*(take_drill(s, 10) for s in students))
        finally:
            await asyncio.gather(*(s.close() for s in students))

    asyncio.run(class_of_thirty())
    documents = results_files(room.results, 30, timeout=60)
    assert sorted(d["student"] for d in documents) == names
    for document in documents:
        assert given_answers(document) == [True] * 10
        assert document["totals"]["answered"] == 10
        assert points(document) == 9  # one of the ten statements is false
    with sqlite3.connect(room.progress) as db:
        assert db.execute("SELECT COUNT(*) FROM attempts").fetchone() == (300,)
        assert db.execute("SELECT COUNT(*) FROM profiles").fetchone() == (30,)

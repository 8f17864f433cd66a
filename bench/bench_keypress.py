"""Keypress to feedback shown, in-process with Pilot: median over many presses.

Times from pressing a choice's number on the question screen until the feedback
screen is mounted and its verdict drawn.

    python bench/bench_keypress.py [--presses 60]
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


async def measure(presses: int) -> list[float]:

    from textual import events

    from quiz.bank.loader import load_banks
    from quiz.common import paths
    from quiz.study.session import SessionOptions
    from quiz.ui.app import make_app
    from quiz.ui.screens.feedback import FeedbackScreen

    banks = load_banks([paths.default_bank_path()])
    times: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        store = _store(Path(tmp, "progress.db"))
        options = SessionOptions(mode="practice", count=None, seed="bench")
        app = make_app(banks, store, options, "bench")
        async with app.run_test(size=(80, 24)) as pilot:
            while len(times) < presses:
                await pilot.press("enter")  # start practice from home
                await pilot.pause()
                while app.session is not None and len(times) < presses:
                    *setup, last = _key_for(app)
                    if setup:
                        await pilot.press(*setup)
                    # Post the final key as the terminal driver would, and stop the clock
                    # once the feedback screen is mounted with its verdict drawn.
                    start = time.perf_counter()
                    app.post_message(events.Key(last, last if len(last) == 1 else None))
                    while not (
                        isinstance(app.screen, FeedbackScreen)
                        and app.screen.is_mounted
                        and str(app.screen.query_one("#verdict").render())
                    ):
                        await asyncio.sleep(0)
                    times.append(time.perf_counter() - start)
                    await pilot.pause()
                    await pilot.press("n")
                    await pilot.pause()
                if app.session is not None:
                    break
                await pilot.press("escape")  # results -> home
                await pilot.pause()
        app.store.close()
    return times


def _store(path: Path):
    """The real progress store, on a temporary file."""
    from quiz.progress.store import ProgressStore

    return ProgressStore.open(path, "bench")


def _key_for(app) -> tuple[str, ...]:
    """A key sequence that submits some answer to the current question."""
    from quiz.bank.model import QuestionType

    kind = app.session.current.question.type
    if kind in (QuestionType.MULTIPLE_CHOICE, QuestionType.TRUE_FALSE):
        return ("1",)
    if kind in (QuestionType.SHORT_ANSWER, QuestionType.NUMERIC):
        return ("1", "enter")
    if kind is QuestionType.MATCHING:
        return (*"1" * len(app.session.current.lefts), "enter")
    if kind is QuestionType.MULTIPLE_SELECT:
        return ("1", "enter")
    return ("enter",)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=60)
    args = parser.parse_args()
    times = asyncio.run(measure(args.presses))
    median = statistics.median(times)
    worst = max(times)
    print(f"presses: {len(times)} (shipped bank, 80x24, in-process Pilot)")
    print(f"keypress to feedback shown: median {median * 1000:.1f} ms, worst {worst * 1000:.1f} ms")
    print("target: under 50 ms")
    return 0 if median < 0.05 else 1


if __name__ == "__main__":
    raise SystemExit(main())

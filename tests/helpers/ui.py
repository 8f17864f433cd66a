"""Building the app over test banks, and answering questions through key presses.

The tests know each question's right answer from the bank; the app never does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from quiz.bank.loader import load_banks
from quiz.bank.model import Bank, QuestionType
from quiz.common.settings import Settings
from quiz.progress.store import ProgressStore
from quiz.study.session import SessionOptions
from quiz.ui.app import QuizApp, make_app
from tests.helpers import BANKS

ALL_TYPES = BANKS / "ui_all_types.yaml"
MARKUP = BANKS / "ui_markup.yaml"
PROFILE = "tester"


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def options(**changes: Any) -> SessionOptions:
    values: dict[str, Any] = dict(
        mode="practice",
        count=None,
        topics=(),
        difficulty=(),
        seed="ui-tests",
        time_per_question=None,
        time_limit=None,
        speed_bonus=False,
    )
    values.update(changes)
    return SessionOptions(**values)


def build_app(
    tmp_path: Path,
    bank: Path = ALL_TYPES,
    *,
    clock: FakeClock | None = None,
    ask_name: bool = False,
    settings: Settings | None = None,
    settings_warnings: list[str] | None = None,
    **changes: Any,
) -> QuizApp:
    """The app over `bank` with a fresh progress file in `tmp_path` and a fixed seed.

    Drill and exam results files go to `tmp_path / "results"`.
    """
    banks = load_banks([bank], use_cache=False)
    store = ProgressStore.open(tmp_path / "progress.db", PROFILE, fuzz=False)
    return make_app(
        banks,
        store,
        options(**changes),
        PROFILE,
        clock=clock or FakeClock(),
        results_dir=tmp_path / "results",
        ask_name=ask_name,
        settings=settings,
        settings_warnings=settings_warnings or [],
    )


def history(app: QuizApp) -> dict[str, Any]:
    """question id -> QuestionHistory, as the store now reports it."""
    return {qid: h for (_, qid), h in app.store.history(app.bank_ids).items()}


def screen_text(app: QuizApp, selector: str) -> str:
    """The plain text of one Static on the current screen."""
    return str(app.screen.query_one(selector).render())


def _right_keys(app: QuizApp) -> list[str]:
    asked = app.session.current
    question = asked.question
    kind = question.type
    if kind is QuestionType.MULTIPLE_CHOICE:
        return [str(asked.options.index(question.answer) + 1)]
    if kind is QuestionType.TRUE_FALSE:
        return ["t" if question.answer else "f"]
    if kind is QuestionType.MULTIPLE_SELECT:
        picks = [str(i + 1) for i, text in enumerate(asked.options) if text in question.answer]
        return [*picks, "enter"]
    if kind in (QuestionType.SHORT_ANSWER, QuestionType.NUMERIC):
        text = question.answer if kind is QuestionType.SHORT_ANSWER else f"{question.answer:g}"
        return [*_typed(str(text)), "enter"]
    if kind is QuestionType.ORDERING:
        return [*_sort_keys(list(asked.options), list(question.answer)), "enter"]
    pairs = dict(question.pairs)
    return [*(str(asked.options.index(pairs[left]) + 1) for left in asked.lefts), "enter"]


def _wrong_keys(app: QuizApp) -> list[str]:
    asked = app.session.current
    question = asked.question
    kind = question.type
    if kind is QuestionType.MULTIPLE_CHOICE:
        wrong = next(i for i, text in enumerate(asked.options) if text != question.answer)
        return [str(wrong + 1)]
    if kind is QuestionType.TRUE_FALSE:
        return ["f" if question.answer else "t"]
    if kind is QuestionType.MULTIPLE_SELECT:
        picks = [str(i + 1) for i, text in enumerate(asked.options) if text not in question.answer]
        return [*picks, "enter"]
    if kind in (QuestionType.SHORT_ANSWER, QuestionType.NUMERIC):
        return [*_typed("9999" if kind is QuestionType.NUMERIC else "nobody"), "enter"]
    if kind is QuestionType.ORDERING:
        backwards = list(reversed(question.answer))
        return [*_sort_keys(list(asked.options), backwards), "enter"]
    # Every left item gets the first right item: at most one can be right.
    return [*("1" for _ in asked.lefts), "enter"]


def _typed(text: str) -> list[str]:
    names = {" ": "space", "[": "left_square_bracket", "]": "right_square_bracket", "/": "slash"}
    return [names.get(ch, ch) for ch in text]


def _sort_keys(start: list[str], target: list[str]) -> list[str]:
    """Keys that turn `start` into `target` with the ordering widget (selection sort)."""
    keys: list[str] = []
    order = list(start)
    cursor = 0
    for position, item in enumerate(target):
        index = order.index(item)
        keys += ["down"] * (index - cursor) if index >= cursor else ["up"] * (cursor - index)
        while index > position:
            order[index - 1], order[index] = order[index], order[index - 1]
            index -= 1
            keys.append("ctrl+up")
        cursor = index
    return keys


async def answer(pilot: Pilot, app: QuizApp, *, right: bool) -> str:
    """Answer the current question by keys; return the question's type."""
    kind = app.session.current.question.type.value
    keys = _right_keys(app) if right else _wrong_keys(app)
    await pilot.press(*keys)
    await pilot.pause()
    return kind


def bank_of(app: QuizApp) -> Bank:
    return app.banks[0]


def two_right(app) -> list[str]:
    """The keys that tick the first two right choices of the current question."""
    asked = app.session.current
    right = [n for n, text in enumerate(asked.options, 1) if text in asked.question.answer]
    return [str(n) for n in right[:2]]

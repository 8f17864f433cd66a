"""Multiple choice and true/false: a numbered list; a digit (or t/f) picks and submits."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from quiz.ui.widgets.base import AnswerWidget, digit_bindings, numbered


class ChoiceAnswer(AnswerWidget):
    """One choice out of several: `1`-`9` or Enter on the highlighted one."""

    BINDINGS: ClassVar[list[BindingType]] = digit_bindings("answer", "Choose")

    def compose(self) -> ComposeResult:
        yield OptionList(
            *(Option(numbered(n, text), id=f"choice-{n}") for n, text in enumerate(self.options, 1))
        )
        yield self.hint()

    @property
    def hint_text(self) -> str:  # type: ignore[override]
        last = min(len(self.options), 9)
        return f"Press 1-{last} to answer, or Enter on the highlighted choice."

    def on_mount(self) -> None:
        self.query_one(OptionList).highlighted = 0

    def given_for(self, index: int) -> object:
        """The answer the choice at `index` stands for."""
        return self.options[index]

    def action_answer(self, n: int) -> None:
        if 1 <= n <= len(self.options):
            self.query_one(OptionList).highlighted = n - 1
            self.submit(self.given_for(n - 1))

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.submit(self.given_for(event.option_index))


class TrueFalseAnswer(ChoiceAnswer):
    """True or false: `t`/`f` (or `1`/`2`) answer at once."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("t", "answer(1)", "True", show=False, id="answer-true"),
        Binding("f", "answer(2)", "False", show=False, id="answer-false"),
    ]
    hint_text = "Press t (true) or f (false), or 1/2."

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(("True", "False"), id=id)

    def given_for(self, index: int) -> object:
        return index == 0

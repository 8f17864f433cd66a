"""Short answer and numeric: type, then Enter."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Input

from quiz.ui.widgets.base import AnswerWidget


class TextAnswer(AnswerWidget):
    """A one-line answer, submitted as typed (the engine normalises it)."""

    hint_text = "Type your answer, then Enter."

    def __init__(self, *, unit: str | None = None, numeric: bool = False, id: str | None = None):
        super().__init__(id=id)
        self.unit = unit
        self.numeric = numeric

    def compose(self) -> ComposeResult:
        placeholder = "a number" if self.numeric else "your answer"
        if self.unit:
            placeholder += f" (in {self.unit})"
        yield Input(placeholder=placeholder, select_on_focus=False)
        yield self.hint()

    @property
    def focus_target(self) -> Widget:
        return self.query_one(Input)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            self.notify("Type an answer first (or ctrl+s to skip).", severity="warning")
            return
        self.submit(event.value)

"""Short answer and numeric: type, then Enter."""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Input

from quiz.ui.widgets.base import AnswerWidget


class AnswerInput(Input):
    """An Input whose own editing keys act in the order they were typed.

    Textual 8.2.8 inserts a printable key in the Input itself, but runs a bound key
    (backspace, left, enter) only once the key has bubbled up to the app: a burst
    such as "2007", backspace, "6" inserts the 6 before the backspace deletes, and
    reads "2007". Running the Input's own bindings here keeps them in order.
    """

    async def _on_key(self, event: events.Key) -> None:
        bindings = self._bindings.key_to_bindings.get(event.key, [])
        if bindings and not any(binding.priority for binding in bindings):
            event.stop()
            event.prevent_default()
            await self.run_action(bindings[0].action)
            return
        await super()._on_key(event)


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
        yield AnswerInput(placeholder=placeholder, select_on_focus=False)
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

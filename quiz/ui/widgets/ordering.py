"""Ordering: move the highlighted item up or down, then Enter submits the order."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.widgets.option_list import Option

from quiz.ui.widgets.base import ListAnswer, ListControl, numbered


class OrderingAnswer(ListAnswer):
    """Items in the learner's order; ctrl+up/ctrl+down (or shift) move the highlighted one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # shift+ as well: some terminals swallow ctrl+arrows.
        Binding("ctrl+up,shift+up", "move(-1)", "Move up", id="move-up"),
        Binding("ctrl+down,shift+down", "move(1)", "Move down", id="move-down"),
    ]
    hint_text = "↑/↓ highlight · ctrl+↑/ctrl+↓ (or shift) move it · Enter: submit this order"

    def __init__(self, options: tuple[str, ...], *, id: str | None = None) -> None:
        super().__init__(options, id=id)
        self.order = list(options)

    def _options(self) -> list[Option]:
        return [Option(numbered(n, text)) for n, text in enumerate(self.order, 1)]

    def move(self, index: int, step: int) -> None:
        """Move the item at `index` by `step` places, keeping it highlighted."""
        target = index + step
        if not (0 <= index < len(self.order) and 0 <= target < len(self.order)):
            return
        self.order[index], self.order[target] = self.order[target], self.order[index]
        control = self.control
        for i, option in enumerate(self._options()):
            control.replace_option_prompt_at_index(i, option.prompt)
        control.highlighted = target

    def action_move(self, step: int) -> None:
        highlighted = self.control.highlighted
        if highlighted is not None:
            self.move(highlighted, step)

    @on(ListControl.OptionSelected)
    def _clicked(self, event: ListControl.OptionSelected) -> None:
        event.stop()  # a click only highlights

    @on(ListControl.Submitted)
    def _submitted(self, event: ListControl.Submitted) -> None:
        event.stop()
        self.submit(list(self.order))

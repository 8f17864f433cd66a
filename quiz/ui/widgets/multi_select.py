"""Multiple select: toggle choices with `1`-`9` or space, submit with Enter."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.widgets.option_list import Option

from quiz.ui.widgets.base import ListAnswer, ListControl, digit_bindings, numbered


class MultiSelectAnswer(ListAnswer):
    """Any number of choices; the checked ones are submitted in display order."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Not `toggle`: Textual's own `toggle(attribute)` action has that name.
        *digit_bindings("toggle_choice", "Toggle", name="toggle"),
        Binding("space", "toggle_highlighted", "Toggle", show=False, id="toggle-highlighted"),
    ]
    hint_text = "1-9 or space: tick/untick · Enter: submit the ticked choices"

    checked: reactive[frozenset[int]] = reactive(frozenset(), init=False)

    def _options(self) -> list[Option]:
        return [
            Option(numbered(n, text, "[x] " if n - 1 in self.checked else "[ ] "))
            for n, text in enumerate(self.options, 1)
        ]

    def watch_checked(self) -> None:
        control = self.control
        for index, option in enumerate(self._options()):
            control.replace_option_prompt_at_index(index, option.prompt)

    def toggle(self, index: int) -> None:
        """Tick or untick the choice at `index`."""
        if 0 <= index < len(self.options):
            self.checked = self.checked ^ {index}
            self.control.highlighted = index

    def action_toggle_choice(self, n: int) -> None:
        self.toggle(n - 1)

    def action_toggle_highlighted(self) -> None:
        highlighted = self.control.highlighted
        if highlighted is not None:
            self.toggle(highlighted)

    @on(ListControl.OptionSelected)
    def _clicked(self, event: ListControl.OptionSelected) -> None:
        event.stop()
        self.toggle(event.option_index)

    @on(ListControl.Submitted)
    def _submitted(self, event: ListControl.Submitted) -> None:
        event.stop()
        if not self.checked:
            self.notify("Tick a choice first (or ctrl+s to skip).", severity="warning")
            return
        self.submit([self.options[i] for i in sorted(self.checked)])

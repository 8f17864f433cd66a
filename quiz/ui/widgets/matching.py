"""Matching: highlight a left item, press the number of its right item; Enter submits."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Static
from textual.widgets.option_list import Option

from quiz.common.safe_text import visible
from quiz.ui.widgets.base import ListAnswer, ListControl, digit_bindings, hanging, hanging_rows


class MatchingAnswer(ListAnswer):
    """Each left item gets one right item from the numbered list below it."""

    DEFAULT_CSS = """
    /* Docked with the hint: the left items scroll, the numbers to type stay in view. */
    MatchingAnswer > #below { height: auto; dock: bottom; margin-top: 1; }
    MatchingAnswer #match-with { padding: 0 1; text-style: italic; }
    MatchingAnswer #rights { height: auto; padding: 0 1; }
    MatchingAnswer .hint { color: $text-muted; padding: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        *digit_bindings("assign", "Match with"),
        Binding("backspace,delete", "clear", "Clear match", show=False, id="clear-match"),
    ]
    hint_text = "↑/↓ pick a left item · 1-9: match it · backspace: clear · Enter: submit"

    def __init__(
        self, lefts: tuple[str, ...], rights: tuple[str, ...], *, id: str | None = None
    ) -> None:
        super().__init__(rights, id=id)
        self.lefts = tuple(lefts)
        self.chosen: dict[int, int] = {}  # left index -> right index

    def compose(self) -> ComposeResult:
        yield ListControl(*self._options())
        with Vertical(id="below"):
            yield Static("Match with:", id="match-with")
            yield Static(self._rights(), id="rights")
            yield self.hint()

    def _prompt(self, index: int) -> Table:
        right = self.chosen.get(index)
        target = (
            Text.assemble((f"{right + 1}. ", "bold"), visible(self.options[right]))
            if right is not None
            else Text("?", "bold reverse")
        )
        letter = chr(ord("A") + index) if index < 26 else str(index + 1)
        return hanging(f"{letter}.", Text.assemble(visible(self.lefts[index]), "  →  ", target))

    def _options(self) -> list[Option]:
        return [Option(self._prompt(i)) for i in range(len(self.lefts))]

    def _rights(self) -> Table:
        return hanging_rows([(f"{n}.", Text(text)) for n, text in enumerate(self.options, 1)])

    def _refresh_row(self, index: int) -> None:
        self.control.replace_option_prompt_at_index(index, self._prompt(index))

    def assign(self, left: int, right: int) -> None:
        """Match left item `left` with right item `right` and move to the next left item."""
        if not (0 <= left < len(self.lefts) and 0 <= right < len(self.options)):
            return
        self.chosen[left] = right
        self._refresh_row(left)
        control = self.control
        if left + 1 < len(self.lefts):
            control.highlighted = left + 1

    def action_assign(self, n: int) -> None:
        highlighted = self.control.highlighted
        if highlighted is not None:
            self.assign(highlighted, n - 1)

    def action_clear(self) -> None:
        highlighted = self.control.highlighted
        if highlighted is not None and self.chosen.pop(highlighted, None) is not None:
            self._refresh_row(highlighted)

    @on(ListControl.OptionSelected)
    def _clicked(self, event: ListControl.OptionSelected) -> None:
        event.stop()

    @on(ListControl.Submitted)
    def _submitted(self, event: ListControl.Submitted) -> None:
        event.stop()
        missing = len(self.lefts) - len(self.chosen)
        if missing:
            self.notify(f"Match every item first ({missing} left).", severity="warning")
            return
        self.submit({self.lefts[i]: self.options[r] for i, r in sorted(self.chosen.items())})

"""The panel a drill or exam shows on the home screen: the line to compare, and a name box."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, Static

from quiz.ui.text import literal


class ClassPanel(Vertical):
    """The drill line every student compares with the teacher's and, when asked, their name."""

    class NameEntered(Message):
        """Enter in the name box."""

    def __init__(self, *, ask_name: bool, name: str, id: str) -> None:
        super().__init__(id=id)
        self._ask_name = ask_name
        self._student = name  # not `_name`: Textual keeps the widget's own name there
        self._line = Static(id="drill-line")

    def compose(self) -> ComposeResult:
        # One row for the line (two rows with the name box): home keeps its columns at 80x24.
        with Horizontal(id="line-row"):
            yield Static("Compare:", id="line-label")
            yield self._line
        if self._ask_name:
            with Horizontal(id="name-row"):
                yield Static("Your name", id="name-label")
                yield Input(self._student, placeholder="type your name, then Enter", id="name")

    def describe(self, line: str) -> None:
        """Show the drill line ("Drill CSTO-7F3A, 20 questions, ..."), mounted yet or not."""
        self._line.update(literal(line))

    @property
    def student(self) -> str:
        """The name typed, with spaces tidied ("" when none, or not asked)."""
        if not self._ask_name:
            return ""
        return " ".join(self.query_one("#name", Input).value.split())

    def focus_name(self) -> None:
        """Put the cursor in the name box."""
        self.query_one("#name", Input).focus()

    @on(Input.Submitted, "#name")
    def _entered(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.NameEntered())

"""What every answer widget shares: the question it shows and the message it posts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from quiz.ui.text import literal


def digit_bindings(action: str, description: str, *, name: str = "") -> list[BindingType]:
    """`1`..`9` bound to `action(n)`, hidden from the footer (the hint line names them).

    The bindings' ids are `name-1`..`name-9` (`name` defaults to the action).
    """
    name = name or action
    return [
        Binding(str(n), f"{action}({n})", f"{description} {n}", show=False, id=f"{name}-{n}")
        for n in range(1, 10)
    ]


def numbered(n: int, text: str, mark: str = "") -> Content:
    """`1. text` with the bank text kept literal (it is data, never markup)."""
    return Content.assemble(mark, (f"{n}.", "bold"), " ", literal(text))


def hanging(label: str, text: Text) -> Table:
    """`label text` where the text wraps under itself, not under the label."""
    return hanging_rows([(label, text)])


def hanging_rows(rows: list[tuple[str, Text]]) -> Table:
    """Rows of `label text`, each text wrapping under itself (bank text stays literal)."""
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column(ratio=1)
    for label, text in rows:
        grid.add_row(label, text)
    return grid


class AnswerWidget(Vertical):
    """Base of the answer widgets: lays out one question's options, posts what was given.

    Widgets never judge an answer; the screen hands `Answered.given` to the session.
    """

    DEFAULT_CSS = """
    AnswerWidget {
        height: auto;
        max-height: 100%;
        & > .hint { color: $text-muted; height: auto; padding: 0 1; }
        & > OptionList { height: auto; max-height: 1fr; }
    }
    """

    @dataclass
    class Answered(Message):
        """The learner submitted an answer (shape per question type, see core/checking)."""

        given: Any

    hint_text: ClassVar[str] = ""

    def __init__(self, options: tuple[str, ...] = (), *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.options = tuple(options)

    def hint(self) -> Static:
        """The line under the widget that names its keys."""
        return Static(self.hint_text, classes="hint", markup=False)

    @property
    def focus_target(self) -> Widget:
        """The control that takes the keyboard when the question appears."""
        return self.query_one(OptionList)

    def submit(self, given: Any) -> None:
        """Hand an answer up to the screen."""
        self.post_message(self.Answered(given))


class ListControl(OptionList):
    """An OptionList whose Enter submits the whole widget rather than picking one row.

    Clicking a row still posts OptionSelected, which toggling widgets use.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", "Submit", show=False, id="submit"),
    ]

    @dataclass
    class Submitted(Message):
        """Enter was pressed in the list."""

    def action_submit(self) -> None:
        self.post_message(self.Submitted())


class ListAnswer(AnswerWidget):
    """An answer given by working through a list of rows (select, order, match)."""

    def compose(self) -> ComposeResult:
        yield ListControl(*self._options())
        yield self.hint()

    def on_mount(self) -> None:
        self.control.highlighted = 0

    @property
    def control(self) -> ListControl:
        """The list the learner works in."""
        return self.query_one(ListControl)

    def _options(self) -> list[Option]:
        """The rows, drawn from the widget's state."""
        raise NotImplementedError

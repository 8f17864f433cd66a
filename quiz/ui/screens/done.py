"""Study today with nothing left to ask: done for today, and when the next review is due."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static

from quiz.ui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from quiz.ui.app import QuizApp


class DoneScreen(Screen[None]):
    """'Done for today. Next review due ...'; escape goes home, `s` opens the stats."""

    CSS_PATH = "done.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,h,enter", "home", "Home", id="home"),
        Binding("s", "app.stats", "Stats", id="stats"),
    ]

    app: QuizApp

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="body"):
            yield Static("Nothing due and no new questions left today.", id="nothing-left")
            yield Static(self.message, id="today-done")
        yield Footer()

    def action_home(self) -> None:
        self.app.leave_session()

"""Ask for the learner's name, to record under another profile."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Static


class ProfileScreen(ModalScreen[str | None]):
    """Dismisses with the name typed (spaces tidied), or None when cancelled."""

    CSS_PATH = "profile.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="profile-cancel"),
    ]

    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static("Switch profile", id="question")
            yield Static("Answers from now on are recorded under this name.", id="detail")
            yield Input(self.current, placeholder="a name, then Enter", id="profile-name")
        yield Footer()

    @on(Input.Submitted, "#profile-name")
    def _entered(self, event: Input.Submitted) -> None:
        name = " ".join(event.value.split())
        if name:
            self.dismiss(name)

    def action_cancel(self) -> None:
        self.dismiss(None)

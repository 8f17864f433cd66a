"""Every key, screen by screen: the keys of the screen help was opened from first."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

KEYS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "Anywhere",
        (
            ("? / f1", "this help"),
            ("ctrl+p", "command palette: start a mode, stats, switch profile, themes"),
            ("ctrl+q", "quit (answers are already saved)"),
        ),
    ),
    (
        "Home",
        (
            ("↑ ↓", "highlight a mode"),
            ("enter", "start the highlighted mode"),
            ("tab", "move to the number of questions and the topics"),
            ("space", "tick or untick a topic"),
            ("(name)", "drills and exams: type your name, enter starts"),
            ("s", "your progress (stats)"),
        ),
    ),
    (
        "Question",
        (
            ("1-9", "choose, tick (multiple select) or match (matching)"),
            ("t / f", "true or false"),
            ("space", "tick the highlighted choice (multiple select)"),
            ("ctrl+↑ ctrl+↓", "ordering: move the highlighted item (or shift+↑↓)"),
            ("enter", "submit the answer"),
            ("ctrl+s", "skip the question"),
            ("escape", "leave the session (asks first)"),
        ),
    ),
    (
        "Feedback",
        (
            ("enter / n", "next question"),
            ("o", "I was right: a typed answer counts (practice, review)"),
            ("ctrl+z", "undo: take back the answer and ask again (not in drills, exams)"),
            ("escape", "leave the session (asks first)"),
        ),
    ),
    (
        "Results",
        (
            ("r", "review the questions you missed"),
            ("↑ ↓ pgup pgdn", "scroll (an exam reviews every question here)"),
            ("s", "your progress (stats)"),
            ("escape / h", "back home"),
        ),
    ),
)


def sections(first: str | None = None) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    """The key table, the section named `first` (the current screen's) at the top."""
    ordered = sorted(KEYS, key=lambda section: section[0] != first)
    return [(f"{name} (this screen)" if name == first else name, keys) for name, keys in ordered]


class HelpScreen(ModalScreen[None]):
    """The keys of every screen, the current one's first; escape, q or ? closes it."""

    CSS_PATH = "help.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close", id="close-help"),
    ]

    def __init__(self, first: str | None = None) -> None:
        super().__init__()
        self.first = first

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static("Keys", id="help-title")
            for section, keys in sections(self.first):
                yield Static(section, classes="help-section", markup=False)
                for key, what in keys:
                    # Two columns, so a long line wraps under its own text, not the keys.
                    with Horizontal(classes="help-row"):
                        yield Static(key, classes="help-key", markup=False)
                        yield Static(what, classes="help-what", markup=False)
        yield Footer()

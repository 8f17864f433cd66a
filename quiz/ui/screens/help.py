"""Every key, screen by screen."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

KEYS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "Anywhere",
        (
            ("? / f1", "this help"),
            ("ctrl+p", "command palette (themes, quit)"),
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


def help_text() -> str:
    """The key table as plain text (no markup: keys such as `[` stay literal)."""
    lines: list[str] = []
    for section, keys in KEYS:
        lines.append(section)
        lines.extend(f"  {key:<16}{what}" for key, what in keys)
        lines.append("")
    return "\n".join(lines).rstrip()


class HelpScreen(ModalScreen[None]):
    """The keys of every screen; escape, q or ? closes it."""

    CSS_PATH = "help.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close", id="close-help"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static("Keys", id="help-title")
            yield Static(help_text(), id="help-keys", markup=False)
        yield Footer()

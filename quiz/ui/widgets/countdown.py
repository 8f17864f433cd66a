"""The time left, always visible while a timed question is on screen."""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import Static

from quiz.ui.text import format_seconds


class Countdown(Static):
    """Shows seconds left as `⏱ 0:23`; the owner sets `seconds` (None hides it)."""

    DEFAULT_CSS = """
    Countdown { width: auto; padding: 0 1; }
    Countdown.-low { color: $error; text-style: bold; }
    """

    seconds: reactive[float | None] = reactive(None)

    def render(self) -> str:
        return "" if self.seconds is None else f"⏱ {format_seconds(self.seconds)}"

    def watch_seconds(self, seconds: float | None) -> None:
        self.display = seconds is not None
        self.set_class(seconds is not None and seconds <= 10, "-low")

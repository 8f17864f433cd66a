"""The app's own commands in the command palette: start a mode, stats, help, switch profile."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from quiz.ui.app import QuizApp

Command = tuple[str, Callable[[], object], str]


class QuizCommands(Provider):
    """Every mode to start, review the missed, stats, help and switching profile."""

    def _commands(self) -> list[Command]:
        app: QuizApp = self.app  # type: ignore[assignment]
        return [
            ("Start practice", partial(app.start_mode, "practice"), "Missed and due first"),
            (
                "Review missed",
                partial(app.start_mode, "review"),
                "The questions missed, then those due for review",
            ),
            ("Start exam", partial(app.start_mode, "exam"), "No feedback until the end"),
            ("Start drill", partial(app.start_mode, "drill"), "A class drill with its code"),
            ("Stats", app.action_stats, "Progress, mastery by topic, what is due"),
            ("Help", app.action_help, "The keys of this screen, then all the others"),
            ("Switch profile", app.action_switch_profile, "Record under another learner's name"),
        ]

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)

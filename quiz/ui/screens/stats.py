"""Progress over time: accuracy per session, mastery per topic, struggles, next review."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from quiz.common.wording import due_time, plural
from quiz.ui.text import literal, mastery_lines, percent_chart
from quiz.ui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from quiz.progress.stats import Stats
    from quiz.ui.app import QuizApp

CHART_SESSIONS = 24  # the latest sessions drawn: three cells each fit 80 columns


class StatsScreen(Screen[None]):
    """The learner's standing across sessions, from the store; escape goes back."""

    CSS_PATH = "stats.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "app.pop_screen", "Back", id="back"),
    ]

    app: QuizApp

    def compose(self) -> ComposeResult:
        view = self.app.store.stats(self.app.banks)
        accuracy = [point.percent for point in view.sessions]
        yield TitleBar()
        with VerticalScroll(id="body"):
            yield Static("Accuracy per session", classes="heading")
            if accuracy:
                yield Static(percent_chart(accuracy[-CHART_SESSIONS:]), id="accuracy")
                yield Static(self._accuracy_caption(accuracy), id="accuracy-caption")
            else:
                yield Static("No finished sessions yet.", id="accuracy-caption")
            yield Static("Mastery by topic", classes="heading")
            yield Static(mastery_lines(view.topics, width=30, counts=True), id="mastery")
            yield Static("Struggling with", classes="heading")
            yield Static(self._struggles(view), id="struggles")
            yield Static("Next review", classes="heading")
            yield Static(self._next_due(view), id="next-due")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#body").focus()

    @staticmethod
    def _accuracy_caption(accuracy: list[float]) -> str:
        first, last = accuracy[0], accuracy[-1]
        sessions = len(accuracy)
        shown = "" if sessions <= CHART_SESSIONS else f" (latest {CHART_SESSIONS} drawn)"
        return (
            f"{plural(sessions, 'session')}{shown}, oldest left: "
            f"first {first:.0f}%, latest {last:.0f}%, best {max(accuracy):.0f}%"
        )

    @staticmethod
    def _struggles(view: Stats) -> Content:
        if not view.struggling:
            return Content("Nothing missed often yet.")
        return Content("\n").join(
            Content.assemble((f"{flag.misses}× missed  ", "bold"), literal(flag.prompt))
            for flag in view.struggling[:5]
        )

    @staticmethod
    def _next_due(view: Stats) -> Content:
        if view.next_due is None:
            return Content("Nothing scheduled yet.")
        now = datetime.now(UTC)
        if view.next_due <= now:
            return Content(f"Due now: {plural(view.due, 'question')}.")
        return Content(f"Due {due_time(view.next_due, now)}.")

"""Progress over time: accuracy per session, mastery per topic, struggles, next review."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Sparkline, Static

from quiz.ui.overview import StatsView, stats_view
from quiz.ui.screens.home import mastery_bar

if TYPE_CHECKING:
    from quiz.ui.app import QuizApp


class StatsScreen(Screen[None]):
    """The learner's standing across sessions; escape goes back."""

    CSS_PATH = "stats.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "app.pop_screen", "Back", id="back"),
    ]

    app: QuizApp  # type: ignore[assignment]

    def compose(self) -> ComposeResult:
        view = stats_view(self.app.store, self.app.banks)
        yield Header()
        with VerticalScroll(id="body"):
            yield Static("Accuracy per session", classes="heading")
            if view.accuracy:
                yield Sparkline(list(view.accuracy), id="accuracy")
                yield Static(self._accuracy_caption(view), id="accuracy-caption")
            else:
                yield Static("No finished sessions yet.", id="accuracy-caption")
            yield Static("Mastery by topic", classes="heading")
            yield Static(self._mastery(view), id="mastery")
            yield Static("Struggling with", classes="heading")
            yield Static(self._struggles(view), id="struggles")
            yield Static("Next review", classes="heading")
            yield Static(Content(view.next_due or "Nothing scheduled yet."), id="next-due")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#body").focus()

    @staticmethod
    def _accuracy_caption(view: StatsView) -> str:
        first, last = view.accuracy[0], view.accuracy[-1]
        sessions = len(view.accuracy)
        return (
            f"{sessions} session{'s' if sessions != 1 else ''}: "
            f"first {first:.0f}%, latest {last:.0f}%, best {max(view.accuracy):.0f}%"
        )

    @staticmethod
    def _mastery(view: StatsView) -> Content:
        if not view.topics:
            return Content("(no topics)")
        width = min(30, max(len(t.topic) for t in view.topics))
        return Content("\n").join(
            Content.assemble(Content(t.topic[:width].ljust(width)), " ", mastery_bar(t.mastery))
            for t in view.topics
        )

    @staticmethod
    def _struggles(view: StatsView) -> Content:
        if not view.struggles:
            return Content("Nothing missed yet.")
        return Content("\n").join(
            Content.assemble((f"{misses}× missed  ", "bold"), Content(prompt))
            for prompt, misses in view.struggles
        )

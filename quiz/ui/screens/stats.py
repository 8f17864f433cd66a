"""Progress over time: today, streaks, 30 days of answers, the study calendar, the
reviews ahead, the stages per topic, struggles and the next review.

The charts are the same plain-text drawings `quiz stats` prints (quiz.progress.charts).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from quiz.common.clock import local_day, utc_now
from quiz.common.wording import due_time, plural
from quiz.progress import charts
from quiz.progress.stats import CALENDAR_WEEKS, CHART_DAYS, FORECAST_DAYS
from quiz.ui.text import literal, stage_lines
from quiz.ui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from datetime import datetime

    from quiz.progress.stats import Stats
    from quiz.ui.app import QuizApp


class StatsScreen(Screen[None]):
    """The learner's standing across days, from the store; escape goes back."""

    CSS_PATH = "stats.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "app.pop_screen", "Back", id="back"),
    ]

    app: QuizApp

    def compose(self) -> ComposeResult:
        now = utc_now()
        view = self.app.stats()
        yield TitleBar()
        with VerticalScroll(id="body"):
            yield Static(self._summary(view), id="summary")
            yield Static(
                f"Answers per day, last {CHART_DAYS} days · accuracy below", classes="heading"
            )
            yield Static(_lines(charts.day_chart(view.days)), id="days", classes="chart")
            yield Static(f"Study days, last {CALENDAR_WEEKS} weeks", classes="heading")
            yield Static(
                _lines(charts.calendar_grid(view.calendar)), id="calendar", classes="chart"
            )
            yield Static(f"Reviews due, next {FORECAST_DAYS} days", classes="heading")
            yield Static(
                _lines(charts.forecast_chart(view.forecast, local_day(now))),
                id="forecast",
                classes="chart",
            )
            yield Static(f"Stages by topic · {charts.STAGE_LEGEND}", classes="heading")
            yield Static(stage_lines(view.topics, width=24, counts=True), id="stages")
            yield Static("Struggling with", classes="heading")
            yield Static(self._struggles(view), id="struggles")
            yield Static("Next review", classes="heading")
            yield Static(self._next_due(view, now), id="next-due")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#body").focus()

    @staticmethod
    def _summary(view: Stats) -> Content:
        today, stages = view.today, view.stages
        accuracy = "-" if view.accuracy is None else f"{100 * view.accuracy:.0f}%"
        return Content("\n").join(
            [
                Content.assemble(
                    ("Today  ", "bold"),
                    f"{today.due} due · {today.new} new · about {today.minutes} min",
                ),
                Content.assemble(
                    ("Streak ", "bold"),
                    f"{plural(view.streak, 'day')} · longest {plural(view.longest_streak, 'day')}"
                    f" · accuracy {accuracy} over {plural(view.answers, 'answer')}",
                ),
                Content.assemble(
                    ("Stages ", "bold"),
                    f"{view.questions} questions: {charts.stage_text(stages)}",
                ),
            ]
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
    def _next_due(view: Stats, now: datetime) -> Content:
        if view.next_due is None:
            return Content("Nothing scheduled yet.")
        if view.next_due <= now:
            return Content(f"Due now: {plural(view.due, 'question')}.")
        return Content(f"Due {due_time(view.next_due, now)}.")


def _lines(lines: list[str]) -> Content:
    return Content("\n".join(lines))

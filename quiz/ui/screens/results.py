"""The end of a session: score, per-topic table, and what was missed with its passage."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from quiz.ui.text import MODE_NAMES, format_given, format_points, verdict_label

if TYPE_CHECKING:
    from quiz.core.session import Outcome, SessionResult
    from quiz.ui.app import QuizApp


class ResultsScreen(Screen[None]):
    """Shows a finished session's result; `r` reviews the misses."""

    CSS_PATH = "results.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "review", "Review these now", id="review"),
        Binding("s", "app.stats", "Stats", id="stats"),
        Binding("escape,h", "home", "Home", id="home"),
    ]

    app: QuizApp  # type: ignore[assignment]

    def __init__(self, result: SessionResult, *, mode: str) -> None:
        super().__init__()
        self.result = result
        self.mode = mode

    def compose(self) -> ComposeResult:
        result = self.result
        yield Header()
        with VerticalScroll(id="body"):
            yield Static(
                f"{MODE_NAMES.get(self.mode, self.mode)} finished: "
                f"{format_points(result.points)} of {result.possible} points "
                f"({result.percent:.0f}%)",
                id="score",
            )
            yield DataTable(id="topics", cursor_type="row", zebra_stripes=True)
            missed = list(result.missed)
            if missed:
                yield Static(
                    f"Missed ({len(missed)}) · press r to review them now", id="missed-title"
                )
                for outcome in missed:
                    yield Static(self._missed(outcome), classes="missed")
            else:
                yield Static("Nothing missed. Well done.", id="missed-title")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#topics", DataTable)
        table.add_columns("Topic", "Points", "Questions", "%")
        for topic in self.result.per_topic:
            table.add_row(
                Text(topic.topic or "(no topic)"),
                format_points(topic.points),
                str(topic.possible),
                f"{topic.percent:.0f}%",
            )
        self.query_one("#body").focus()

    @staticmethod
    def _missed(outcome: Outcome) -> Content:
        question = outcome.asked.question
        parts: list[Content | str | tuple[str, str]] = [
            (verdict_label(outcome.verdict), "bold"),
            "  ",
            Content(question.prompt),
            "\n",
            ("Your answer: ", "bold"),
            Content(format_given(outcome.given).replace("\n", "; ")),
            "\n",
            ("Expected: ", "bold"),
            Content(outcome.expected),
        ]
        if question.source:
            parts += ["\n", ("Source: ", "bold"), (f"“{question.source}”", "italic")]
        return Content.assemble(*parts)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "review":
            return bool(self.result.missed)
        return True

    def action_review(self) -> None:
        self.app.start_session(self.app.run_options(mode="review", count=None))

    def action_home(self) -> None:
        self.app.leave_session()

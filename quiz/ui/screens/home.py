"""The first screen: the bank, the learner's standing, and the modes to start."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, OptionList, SelectionList, Static
from textual.widgets.option_list import Option

from quiz.ui.overview import Overview, overview

if TYPE_CHECKING:
    from quiz.ui.app import QuizApp

MODES = ("practice", "review", "exam", "drill")
BAR_WIDTH = 10


def mastery_bar(fraction: float) -> str:
    """A ten-cell bar with the percentage: `██████░░░░  60%`."""
    filled = round(max(0.0, min(1.0, fraction)) * BAR_WIDTH)
    return "█" * filled + "░" * (BAR_WIDTH - filled) + f" {fraction * 100:3.0f}%"


class HomeScreen(Screen[None]):
    """Bank, counts, mastery per topic, and the modes; Enter starts the highlighted mode."""

    # Styles: home.tcss, loaded by QuizApp (a default screen's CSS_PATH is not).
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "app.stats", "Stats", id="stats"),
    ]

    app: QuizApp  # type: ignore[assignment]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="columns"):
            with VerticalScroll(id="about"):
                for bank in self.app.banks:
                    yield Static(Content(bank.title), classes="bank-title")
                    if bank.source is not None:
                        yield Static(
                            Content.assemble("Source: ", Content(bank.source.title)),
                            classes="bank-source",
                        )
                yield Static(id="counts")
                yield Static("Mastery by topic", classes="heading")
                yield Static(id="mastery")
                yield Static(Content.assemble("Profile: ", Content(self.app.profile)), id="profile")
            with Vertical(id="start"):
                yield Static("Start", classes="heading")
                yield OptionList(id="modes")
                yield Static(id="drill-line")
                with Horizontal(id="count-row"):
                    yield Static("Questions", id="count-label")
                    yield Input(
                        str(self.app.options.count or ""),
                        placeholder="all",
                        type="integer",
                        id="count",
                    )
                yield Static("Topics (space ticks; none = all)", classes="heading")
                yield SelectionList[str](id="topics")
        yield Footer()

    def on_mount(self) -> None:
        topics = self.query_one("#topics", SelectionList)
        chosen = set(self.app.options.topics or ())
        for bank in self.app.banks:
            for topic in bank.topics:
                topics.add_option((Content(topic), topic, topic in chosen))
        self.refresh_overview()
        modes = self.query_one("#modes", OptionList)
        start = self.app.options.mode
        modes.highlighted = MODES.index(start) if start in MODES else 0
        modes.focus()

    def on_screen_resume(self) -> None:
        self.refresh_overview()

    def refresh_overview(self) -> None:
        """Redraw counts and mastery from the store (after a session, say)."""
        view = overview(self.app.store, self.app.banks)
        self.query_one("#counts", Static).update(self._counts(view))
        self.query_one("#mastery", Static).update(self._mastery(view))
        modes = self.query_one("#modes", OptionList)
        highlighted = modes.highlighted
        modes.clear_options()
        modes.add_options(
            [
                Option("Practice", id="practice"),
                Option(f"Review missed ({view.missed})", id="review", disabled=not view.missed),
                Option("Exam", id="exam"),
                Option("Drill", id="drill"),
            ]
        )
        modes.highlighted = highlighted if highlighted is not None else 0

    @staticmethod
    def _counts(view: Overview) -> str:
        rows = (
            ("Questions", view.questions),
            ("Seen", view.seen),
            ("Mastered", view.mastered),
            ("Due now", view.due),
            ("Missed", view.missed),
        )
        return "\n".join(f"{name:<11}{value:>5}" for name, value in rows)

    @staticmethod
    def _mastery(view: Overview) -> Content:
        if not view.topics:
            return Content("(no topics)")
        width = min(22, max(len(t.topic) for t in view.topics))
        lines = [
            Content.assemble(Content(t.topic[:width].ljust(width)), " ", mastery_bar(t.mastery))
            for t in view.topics
        ]
        return Content("\n").join(lines)

    def _count(self) -> int | None:
        text = self.query_one("#count", Input).value.strip()
        return int(text) if text.isdigit() and int(text) > 0 else None

    @on(OptionList.OptionSelected, "#modes")
    def _start(self, event: OptionList.OptionSelected) -> None:
        self.app.start_session(self._chosen_options(event.option.id or "practice"))

    @on(OptionList.OptionHighlighted, "#modes")
    @on(Input.Changed, "#count")
    @on(SelectionList.SelectedChanged, "#topics")
    def _describe_drill(self) -> None:
        """In a drill, the code every student compares: "CSTO-7F3A, 20 questions"."""
        line = self.query_one("#drill-line", Static)
        highlighted = self.query_one("#modes", OptionList).highlighted_option
        line.display = highlighted is not None and highlighted.id == "drill"
        if line.display:
            from quiz.core import drill

            options = self._chosen_options("drill")
            text = drill.describe(self.app.banks, options)
            if options.seed is None:
                text += " (no --seed: a code only this run shares)"
            line.update(Content(text))

    def _chosen_options(self, mode: str):  # -> SessionOptions
        topics = tuple(self.query_one("#topics", SelectionList).selected)
        return self.app.run_options(mode=mode, count=self._count(), topics=topics)

    @on(Input.Submitted, "#count")
    def _count_done(self) -> None:
        self.query_one("#modes", OptionList).focus()

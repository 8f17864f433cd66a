"""The first screen: the bank, the learner's standing, and the modes to start."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from quiz.common.display import mode_name
from quiz.study.options import CLASS_MODES, MODES
from quiz.ui.text import literal, stage_lines
from quiz.ui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from quiz.progress.stats import Stats
    from quiz.study.options import SessionOptions
    from quiz.ui.app import QuizApp
    from quiz.ui.widgets.class_panel import ClassPanel
    from quiz.ui.widgets.start_options import StartOptions


class HomeScreen(Screen[None]):
    """Bank, today's work, stages per topic, and the modes; Enter starts the highlighted mode.

    With a drill or exam highlighted, a panel across the top shows the drill line
    a teacher compares ("Drill CSTO-7F3A, 20 questions, 30 s per question") and,
    without --profile, asks the student's name before the first question.

    Only what the first frame shows is built at start: the number and topic options
    mount just after it, and the drill panel when a drill or exam is highlighted
    (their widgets are imported then too).
    """

    # Styles: home.tcss, loaded by QuizApp (a default screen's CSS_PATH is not).
    HELP_SECTION = "Home"  # the help screen shows these keys first
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "app.stats", "Stats", id="stats"),
    ]

    app: QuizApp

    def compose(self) -> ComposeResult:
        view = self.app.stats()
        # Drawn here, the screen's first showing (its first resume) need not redraw it.
        self._fresh = True
        yield TitleBar()
        if self.app.options.mode in CLASS_MODES:
            yield self._class_panel()
        # The screen lays out the two columns itself (home.tcss): no container around them.
        # One Static holds the whole overview (bank, today, stages, profile): a widget
        # per line made the first screen several times slower to mount and paint.
        with VerticalScroll(id="about"):
            yield Static(self._overview(view), id="overview")
        with Vertical(id="start"):
            modes = OptionList(*self._modes(view), id="modes")
            modes.border_title = "Start"
            yield modes
        yield Footer()

    def on_mount(self) -> None:
        modes = self.query_one("#modes", OptionList)
        start = self.app.options.mode
        modes.highlighted = MODES.index(start) if start in MODES else 0
        self._describe_class_mode()
        if self._needs_name(start):
            self._panel().focus_name()
        else:
            modes.focus()
        self.call_after_refresh(self._mount_options)

    async def _mount_options(self) -> None:
        """Mount the number of questions and the topics under the modes."""
        from quiz.ui.widgets.start_options import StartOptions

        options = self.app.options
        from quiz.bank.topics import bank_topics

        # Banks may share a topic; it is one choice (topics filter by name).
        topics = bank_topics(self.app.banks)
        await self.query_one("#start").mount(
            StartOptions(topics, options.topics, options.count, id="options")
        )
        # The drill line now follows the ticked topics, which is what a start would use.
        self._describe_class_mode()

    def on_screen_resume(self) -> None:
        if self._fresh:
            self._fresh = False
        else:
            self.refresh_overview()

    def refresh_overview(self) -> None:
        """Redraw today, the stages and the profile from the store (after a session, say)."""
        view = self.app.stats()
        self.query_one("#overview", Static).update(self._overview(view))
        modes = self.query_one("#modes", OptionList)
        highlighted = modes.highlighted
        modes.clear_options()
        modes.add_options(self._modes(view))
        modes.highlighted = highlighted if highlighted is not None else 0

    @staticmethod
    def _modes(view: Stats) -> list[Option]:
        """The modes to start; Review counts what it will ask and is off with nothing to ask."""
        today = view.today
        return [
            Option(f"{mode_name('study')} ({today.due + today.new})", id="study"),
            Option(mode_name("practice"), id="practice"),
            Option(review_label(view), id="review", disabled=not view.missed + view.due_unmissed),
            Option(mode_name("exam"), id="exam"),
            Option(mode_name("drill"), id="drill"),
        ]

    def _overview(self, view: Stats) -> Content:
        """Each bank's title and source, today's work and the stages per topic."""
        muted = "$foreground-muted"
        parts: list[Content] = []
        for bank in self.app.banks:
            parts.append(literal(bank.title).stylize("bold $primary"))
            if bank.source is not None:
                source = literal(bank.source.title)
                parts.append(Content.assemble("Source: ", source).stylize(muted))
        today, stages = view.today, view.stages
        parts.append(Content(""))
        parts.append(Content("Today").stylize("bold"))
        parts.append(Content(f"{today.due:>4} due  {today.new:>4} new   about {today.minutes} min"))
        parts.append(Content(""))
        parts.append(Content(f"Questions {view.questions}").stylize("bold"))
        parts.append(Content(f"{stages.new:>4} new  {stages.learning:>4} learning"))
        parts.append(Content(f"{stages.young:>4} young{stages.mature:>5} mature"))
        parts.append(Content(""))
        parts.append(Content("Stages by topic").stylize("bold"))
        parts.append(stage_lines(view.topics, width=20))
        # The profile is on the title bar: no line here, so the overview fits at 80x24.
        return Content("\n").join(parts)

    # --- the drill panel ------------------------------------------------------------

    def _class_panel(self) -> ClassPanel:
        from quiz.ui.widgets.class_panel import ClassPanel

        app = self.app
        # Launched for a drill, the box starts empty; otherwise it offers the profile.
        name = "" if app.options.mode in CLASS_MODES else app.profile
        return ClassPanel(ask_name=app.ask_name, name=name, id="class-panel")

    def _panel(self) -> ClassPanel:
        """The drill panel, mounted on first use."""
        found = self.query("#class-panel")
        if found:
            from quiz.ui.widgets.class_panel import ClassPanel

            return found.first(ClassPanel)
        panel = self._class_panel()
        self.mount(panel, before="#about")
        return panel

    def _options(self) -> StartOptions | None:
        """The number and topic options, or None before they are mounted."""
        found = self.query("#options")
        if not found:
            return None
        from quiz.ui.widgets.start_options import StartOptions

        return found.first(StartOptions)

    # --- starting -------------------------------------------------------------------

    def _highlighted_mode(self) -> str:
        option = self.query_one("#modes", OptionList).highlighted_option
        return (option.id if option is not None else None) or "practice"

    def _needs_name(self, mode: str) -> bool:
        return self.app.ask_name and mode in CLASS_MODES

    def start(self, mode: str) -> None:
        """Start `mode`; a drill or exam first takes the student's name when it is asked."""
        if self._needs_name(mode):
            panel = self._panel()
            name = panel.student
            if not name:
                panel.focus_name()
                self.notify("Type your name first: it goes on your results.", severity="warning")
                return
            if not self.app.use_profile(name):
                return
        self.app.start_session(self._chosen_options(mode))

    @on(OptionList.OptionSelected, "#modes")
    def _mode_chosen(self, event: OptionList.OptionSelected) -> None:
        self.start(event.option.id or "practice")

    def on_class_panel_name_entered(self) -> None:
        self.start(self._highlighted_mode())

    def on_start_options_done(self) -> None:
        self.query_one("#modes", OptionList).focus()

    def on_start_options_changed(self) -> None:
        self._describe_class_mode()

    @on(OptionList.OptionHighlighted, "#modes")
    def _describe_class_mode(self) -> None:
        """In a drill or exam, the line every student compares: "Drill CSTO-7F3A, 20 questions"."""
        mode = self._highlighted_mode()
        self.set_class(mode in CLASS_MODES, "-class-mode")
        if mode not in CLASS_MODES:
            for panel in self.query("#class-panel"):
                panel.display = False
            return
        from quiz.classroom import drill

        options = self._chosen_options(mode)
        text = f"{mode_name(mode)} {drill.describe(self.app.banks, options)}"
        if self.app.options.seed is None:
            text += " (no --seed: this run only)"
        panel = self._panel()
        panel.display = True
        panel.describe(text)

    def _chosen_options(self, mode: str) -> SessionOptions:
        picked = self._options()
        if picked is None:
            count, topics = self.app.options.count, self.app.options.topics
        else:
            count, topics = picked.count, picked.topics
        return self.app.run_options(mode=mode, count=count, topics=topics)


def review_label(view: Stats) -> str:
    """ "Review: 2 missed, 18 due": what a review session asks, missed first."""
    parts = [f"{view.missed} missed"] if view.missed else []
    if view.due_unmissed:
        parts.append(f"{view.due_unmissed} due")
    return "Review: " + (", ".join(parts) or "nothing due")

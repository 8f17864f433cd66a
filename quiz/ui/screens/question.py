"""One question: the prompt, its answer widget, progress, score so far and any timer."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, ProgressBar, Static

from quiz.bank.model import QuestionType
from quiz.common.display import mode_name
from quiz.common.wording import format_points
from quiz.ui.text import literal
from quiz.ui.widgets.base import AnswerWidget
from quiz.ui.widgets.countdown import Countdown
from quiz.ui.widgets.factory import answer_widget_for
from quiz.ui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from quiz.study.session import Session
    from quiz.ui.app import QuizApp

TICK = 0.25  # seconds between timer redraws


class QuestionScreen(Screen[None]):
    """Shows `session.current` and hands the learner's answer to the session."""

    CSS_PATH = "question.tcss"
    HELP_SECTION = "Question"  # the help screen shows these keys first
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "skip", "Skip", id="skip"),
        Binding("escape", "leave", "Leave", id="leave"),
        Binding("q", "leave", "Leave", show=False, id="leave-q"),
        # Takes back the answer before this question (refused in a drill or exam).
        Binding("ctrl+z", "app.undo_last", "Undo", show=False, id="undo"),
    ]

    app: QuizApp

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        asked = session.current
        assert asked is not None, "no question to show"
        self.asked = asked

    def compose(self) -> ComposeResult:
        asked = self.asked
        question = asked.question
        yield TitleBar()
        with Horizontal(id="status"):
            yield Static(f"{asked.number} of {asked.total}", id="position")
            bar = ProgressBar(
                total=asked.total, show_percentage=False, show_eta=False, id="progress"
            )
            bar.progress = asked.number - 1
            yield bar
            yield Static(self._score_text(), id="score")
            yield Countdown(id="timer")
        meta = [mode_name(self.session.options.mode)]
        if question.topic:
            meta.append(question.topic)
        yield Static(literal(" · ".join(meta)), id="meta")
        with VerticalScroll(id="prompt-box"):
            yield Static(literal(question.prompt), id="prompt")
        yield answer_widget_for(asked)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(AnswerWidget).focus_target.focus()
        self._tick()
        if self.session.time_left() is not None:
            self.set_interval(TICK, self._tick)

    def _score_text(self) -> str:
        if not self.session.options.mode.shows_running_score:
            return ""  # no feedback until the end
        decided = len(self.session.outcomes)
        return f"Score {format_points(self.session.points)}/{decided}" if decided else "Score 0"

    def _tick(self) -> None:
        """Redraw the time left; when it is up the session records a timeout."""
        if self.session.current is not self.asked:
            return
        self.query_one(Countdown).seconds = self.session.time_left()
        outcome = self.session.expire_if_due()
        if outcome is not None:
            self.app.show_outcome(outcome)

    @on(AnswerWidget.Answered)
    def _answered(self, event: AnswerWidget.Answered) -> None:
        event.stop()
        if self.session.current is not self.asked:
            return  # already timed out or answered
        if self.asked.question.type is QuestionType.NUMERIC:
            from quiz.study.answers import InputError, parse_typed

            try:
                parse_typed(self.asked, event.given)
            except InputError as exc:  # not an answer yet: say what to type, grade nothing
                self.notify(str(exc), severity="warning")
                return
        outcome = self.session.answer(event.given)
        self.app.show_outcome(outcome)

    def action_skip(self) -> None:
        if self.session.current is self.asked:
            self.app.show_outcome(self.session.skip())

    def action_leave(self) -> None:
        self.app.confirm_leave()

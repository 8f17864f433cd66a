"""After an answer: the verdict at a glance, then why, with the source passage."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from quiz.common.display import format_given, verdict_label
from quiz.common.wording import format_points
from quiz.grading.kinds import kind_of
from quiz.ui.text import literal, marked_lines, verdict_class
from quiz.ui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from quiz.study.session import Outcome, Session
    from quiz.ui.app import QuizApp


class FeedbackScreen(Screen[None]):
    """The session's verdict on one answer; Enter or `n` moves on."""

    CSS_PATH = "feedback.tcss"
    HELP_SECTION = "Feedback"  # the help screen shows these keys first
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,n", "next", "Next", id="next"),
        Binding("o", "override", "I was right", id="override"),
        Binding("ctrl+z", "app.undo_last", "Undo", id="undo"),
        Binding("escape,q", "leave", "Leave", id="leave"),
    ]

    app: QuizApp

    def __init__(self, session: Session, outcome: Outcome) -> None:
        super().__init__()
        self.session = session
        self.outcome = outcome

    def compose(self) -> ComposeResult:
        outcome = self.outcome
        question = outcome.asked.question
        yield TitleBar()
        yield Static(id="verdict")
        with VerticalScroll(id="details"):
            ordered = kind_of(question).ordered
            marks = marked_lines(outcome)
            given = "\n".join(marks) if marks else _lines(outcome.given, ordered=ordered)
            yield from self._field("Your answer", given, "given")
            yield from self._field("Expected", expected_lines(outcome), "expected")
            yield from self._field("Why", outcome.reason, "reason")
            if question.source.strip():
                yield Static("From the source", classes="section-title")
                yield Static(literal(question.source), id="source")
            if question.explanation.strip():
                yield Static("Explanation", classes="section-title")
                yield Static(literal(question.explanation), id="explanation")
            if question.note.strip():
                yield Static("Beyond the text", classes="section-title")
                yield Static(literal(question.note), id="note")
            yield Static("Question", classes="section-title")
            yield Static(literal(question.prompt), id="prompt")
        yield Static("↓ more below (the source, the question): ↓ or pgdn scrolls", id="more")
        yield Footer()

    def _field(self, label: str, text: str, name: str) -> ComposeResult:
        """`label  value` with the value wrapping under itself."""
        if text and text.strip():
            with Horizontal(classes="field"):
                yield Static(label, classes="label")
                yield Static(literal(text), id=name, classes="value")

    def on_mount(self) -> None:
        self._draw_verdict()
        details = self.query_one("#details", VerticalScroll)
        details.focus()
        self.watch(details, "scroll_y", self._show_more, init=False)
        self.call_after_refresh(self._show_more)

    def on_resize(self) -> None:
        self.call_after_refresh(self._show_more)

    def _show_more(self) -> None:
        """Say that the details go on below the fold, until they are scrolled to the end."""
        details = self.query_one("#details", VerticalScroll)
        self.query_one("#more").display = details.scroll_y < details.max_scroll_y

    def _draw_verdict(self) -> None:
        outcome = self.outcome
        asked = outcome.asked
        label = verdict_label(outcome.verdict)
        if outcome.overridden:
            label += " (you said you were right)"
        score = f"{format_points(outcome.score)} point" + ("" if outcome.score == 1 else "s")
        verdict = self.query_one("#verdict", Static)
        verdict.update(f"{label}   ·   {score}   ·   question {asked.number} of {asked.total}")
        for name in ("-correct", "-partial", "-incorrect", "-skipped", "-timeout"):
            verdict.remove_class(name)
        verdict.add_class(verdict_class(outcome.verdict))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "override":
            return self._can_override()
        return True

    def _can_override(self) -> bool:
        return self.session.can_override()

    def action_next(self) -> None:
        self.app.next_question()

    def action_override(self) -> None:
        if not self._can_override():
            return
        # Drawn afresh: the reason is now the learner's word, not why it was judged wrong.
        self.app.show_outcome(self.session.override())

    def action_leave(self) -> None:
        self.app.confirm_leave()


def expected_lines(outcome: Outcome) -> str:
    """The expected answer laid out like the learner's own: one item a line for lists."""
    question = outcome.asked.question
    kind = kind_of(question)
    right = kind.expected_given(question)
    if isinstance(right, list | dict):
        return _lines(right, ordered=kind.ordered)
    return outcome.expected


def _lines(given: object, *, ordered: bool = False) -> str:
    """An answer one item a line, a bullet before each item of an unordered list."""
    return format_given(given, ordered=ordered, sep="\n", bullet="• ")

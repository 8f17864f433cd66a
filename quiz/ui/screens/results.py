"""The end of a session: score, per-topic table, and what was missed with its passage.

An exam reviews every question here, since it gave no feedback along the way; a
drill or exam also says where its results file went.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from quiz.bank.model import NO_TOPIC
from quiz.common.display import (
    answered_note,
    format_given,
    mode_name,
    score_points,
    verdict_label,
)
from quiz.common.safe_text import visible
from quiz.common.wording import format_points, left_out_sentence
from quiz.grading.kinds import kind_of
from quiz.study.options import Mode
from quiz.ui.text import literal, marked_lines, verdict_class
from quiz.ui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from quiz.study.session import Outcome, SessionResult
    from quiz.ui.app import QuizApp


class ResultsScreen(Screen[None]):
    """Shows a finished session's result; `r` reviews the misses."""

    CSS_PATH = "results.tcss"
    HELP_SECTION = "Results"  # the help screen shows these keys first
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "review", "Review missed now", id="review"),
        Binding("s", "app.stats", "Stats", id="stats"),
        Binding("escape,h", "home", "Home", id="home"),
    ]

    app: QuizApp

    def __init__(
        self,
        result: SessionResult,
        *,
        saved: Path | None = None,
        save_error: str | None = None,
        done: str | None = None,
    ) -> None:
        super().__init__()
        self.result = result
        self.saved = saved
        self.save_error = save_error
        self.done = done  # study today: "Done for today. Next review due ..."

    def compose(self) -> ComposeResult:
        result = self.result
        exam = not Mode(result.mode).gives_feedback  # it reviews every question here
        yield TitleBar()
        with VerticalScroll(id="body"):
            yield Static(self._score_text(), id="score")
            if self.done is not None:
                yield Static(self.done, id="today-done")
            if self.saved is not None and self.save_error is not None:
                yield Static(
                    Content.assemble(
                        ("Results folder not writable: ", "bold"),
                        literal(self.save_error),
                        ("\nRESULTS SAVED INSTEAD TO ", "bold"),
                        literal(str(self.saved)),
                    ),
                    id="saved",
                    classes="-error",
                )
            elif self.saved is not None:
                yield Static(
                    Content.assemble(("Results saved to ", "bold"), literal(str(self.saved))),
                    id="saved",
                )
            elif self.save_error is not None:
                yield Static(
                    Content.assemble(("Results NOT saved: ", "bold"), literal(self.save_error)),
                    id="saved",
                    classes="-error",
                )
            if result.left_out:
                ids = [q.id for q in result.left_out]
                yield Static(literal(left_out_sentence(ids)), id="left-out")
            yield DataTable(id="topics", cursor_type="row", zebra_stripes=True)
            missed = list(result.missed)
            if exam:
                yield Static(
                    f"Every question ({len(result.outcomes)}) · scroll with ↑/↓, pgup/pgdn",
                    id="review-title",
                )
                for outcome in result.outcomes:
                    yield Static(
                        self._review(outcome),
                        classes=f"outcome {verdict_class(outcome.verdict)}",
                    )
            elif missed:
                yield Static(
                    f"Missed ({len(missed)}) · press r to review them now", id="missed-title"
                )
                for outcome in missed:
                    yield Static(
                        self._review(outcome),
                        classes=f"outcome {verdict_class(outcome.verdict)}",
                    )
            else:
                yield Static("Nothing missed. Well done.", id="missed-title")
        yield Footer()

    def _score_text(self) -> str:
        result = self.result
        mode = mode_name(result.mode)
        score = score_points(result.points, result.total, result.percent)
        if result.stopped_early:
            answered = answered_note(result.answered, result.total)
            return (
                f"{mode} stopped after {result.possible} of {result.total} questions: "
                f"{score}, {answered}"
            )
        text = f"{mode} finished: {score}"
        if result.bonus:
            text += f" + {format_points(result.bonus)} speed bonus"
        return text

    def on_mount(self) -> None:
        table = self.query_one("#topics", DataTable)
        table.add_columns("Topic", "Points", "Questions", "%")
        for topic in self.result.per_topic:
            table.add_row(
                Text(visible(topic.topic or NO_TOPIC, keep_newlines=False)),
                format_points(topic.points),
                str(topic.possible),
                f"{topic.percent:.0f}%",
            )
        self.query_one("#body").focus()

    @staticmethod
    def _review(outcome: Outcome) -> Content:
        """One question: verdict, prompt, the answer given, expected, why, explanation, passage."""
        question = outcome.asked.question
        parts: list[Content | str | tuple[str, str]] = [
            (f"{outcome.asked.number}. {verdict_label(outcome.verdict)}", "bold"),
            "  ",
            literal(question.prompt.strip()),
            "\n",
            ("Your answer: ", "bold"),
            literal(
                "; ".join(marked_lines(outcome))
                or format_given(outcome.given, ordered=kind_of(question).ordered)
            ),
        ]
        if outcome.verdict != "correct":
            parts += ["\n", ("Expected: ", "bold"), literal(outcome.expected)]
        if outcome.reason and outcome.verdict not in ("correct", "skipped", "timeout"):
            parts += ["\n", ("Why: ", "bold"), literal(outcome.reason)]
        if question.explanation.strip():
            explanation = " ".join(question.explanation.split())
            parts += ["\n", ("Explanation: ", "bold"), literal(explanation)]
        if question.source.strip():
            source = " ".join(question.source.split())
            parts += ["\n", ("Source: ", "bold"), literal(f"“{source}”").stylize("italic")]
        if question.note.strip():
            note = " ".join(question.note.split())
            parts += ["\n", ("Beyond the text: ", "bold"), literal(note)]
        return Content.assemble(*parts)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "review":
            return bool(self.result.missed)
        return True

    def action_review(self) -> None:
        self.app.start_session(self.app.run_options(mode="review", count=None))

    def action_home(self) -> None:
        self.app.leave_session()

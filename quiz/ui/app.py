"""The app: holds the banks, the store and the running session; screens do the drawing."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from quiz.ui.screens.home import HomeScreen

if TYPE_CHECKING:
    from quiz.core.model import Bank
    from quiz.core.session import Outcome, Session, SessionOptions
    from quiz.core.store import ProgressStore

SessionFactory = Callable[..., "Session"]


class QuizApp(App[None]):
    """A keyboard-first study session over one or more banks."""

    # Home is the default screen, whose own CSS_PATH Textual does not load: load it here.
    CSS_PATH: ClassVar[list[str]] = ["app.tcss", "screens/home.tcss"]
    TITLE = "quiz"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark,f1", "help", "Help", id="help"),
    ]

    def __init__(
        self,
        banks: Sequence[Bank],
        store: ProgressStore,
        options: SessionOptions,
        profile: str,
        *,
        clock: Callable[[], float] = time.monotonic,
        session_factory: SessionFactory | None = None,
    ) -> None:
        super().__init__()
        self.banks = list(banks)
        self.store = store
        self.options = options
        self.profile = profile
        self.clock = clock
        self._session_factory = session_factory
        self.session: Session | None = None
        self.title = " + ".join(bank.title for bank in self.banks) or "quiz"
        self.sub_title = profile

    @property
    def bank_ids(self) -> list[str]:
        return [bank.id for bank in self.banks]

    def get_default_screen(self) -> Screen:
        return HomeScreen()

    # --- the session flow -------------------------------------------------------------

    def start_session(self, options: SessionOptions) -> bool:
        """Start a session; False (with a notice) when no question matches the options."""
        factory = self._session_factory
        if factory is None:
            from quiz.core.session import Session as factory
        session = factory(
            self.banks,
            options,
            history=self.store.history(self.bank_ids),
            recorder=self.store,
            clock=self.clock,
        )
        if session.current is None:
            self.notify("No questions match these options.", severity="warning")
            return False
        self.session = session
        self._show(self._question_screen())
        return True

    def _question_screen(self) -> Screen:
        from quiz.ui.screens.question import QuestionScreen

        assert self.session is not None
        return QuestionScreen(self.session)

    def _show(self, screen: Screen) -> None:
        """Replace the session's screen, keeping Home underneath."""
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def show_outcome(self, outcome: Outcome) -> None:
        """After an answer: feedback where the mode gives it, else straight on."""
        session = self.session
        if session is None:
            return
        if session.options.mode == "exam":
            self.next_question()
            return
        from quiz.ui.screens.feedback import FeedbackScreen

        self._show(FeedbackScreen(session, outcome))

    def next_question(self) -> None:
        """The next question, or the results when the session is over."""
        session = self.session
        if session is None:
            return
        if not session.finished and session.current is not None:
            self._show(self._question_screen())
            return
        session.finish()
        self.session = None
        from quiz.ui.screens.results import ResultsScreen

        self._show(ResultsScreen(session.result(), mode=session.options.mode))

    def leave_session(self) -> None:
        """Stop midway (every answer is already recorded) and go back home."""
        if self.session is not None:
            self.session.finish()
            self.session = None
        while len(self.screen_stack) > 1:
            self.pop_screen()

    def confirm_leave(self) -> None:
        """Ask before leaving a session midway."""
        from quiz.ui.screens.confirm import ConfirmScreen

        def leave(confirmed: bool | None) -> None:
            if confirmed:
                self.leave_session()

        self.push_screen(
            ConfirmScreen(
                "Leave this session?",
                "Your answers so far are saved; the questions you did not reach are not counted.",
            ),
            leave,
        )

    # --- actions ---------------------------------------------------------------------------

    def action_help(self) -> None:
        from quiz.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_stats(self) -> None:
        from quiz.ui.screens.stats import StatsScreen

        self.push_screen(StatsScreen())

    async def action_quit(self) -> None:
        if self.session is not None:
            self.session.finish()
            self.session = None
        self.exit()

    def run_options(self, **changes: Any) -> SessionOptions:
        """The command-line options with some changed (mode, count, topics)."""
        return replace(self.options, **changes)


def make_app(
    banks: Sequence[Bank],
    store: ProgressStore,
    options: SessionOptions,
    profile: str,
    *,
    clock: Callable[[], float] = time.monotonic,
    session_factory: SessionFactory | None = None,
) -> QuizApp:
    """Build the app; the command line and the tests both come through here."""
    return QuizApp(banks, store, options, profile, clock=clock, session_factory=session_factory)

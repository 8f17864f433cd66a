"""The app: holds the banks, the store and the running session; screens do the drawing."""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.screen import Screen

from quiz.common.safe_text import visible
from quiz.study.options import CLASS_MODES, STUDY_MODE
from quiz.ui.screens.home import HomeScreen
from quiz.ui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from quiz.bank.model import Bank
    from quiz.classroom.finish import Saved
    from quiz.common.settings import Settings
    from quiz.progress.stats import Stats
    from quiz.progress.store import ProgressStore
    from quiz.study.options import SessionOptions
    from quiz.study.session import Outcome, Session

SessionFactory = Callable[..., "Session"]


def _quiz_commands() -> type[Provider]:
    """The app's palette commands, imported when the palette first opens."""
    from quiz.ui.commands import QuizCommands

    return QuizCommands


class QuizApp(App[None]):
    """A keyboard-first study session over one or more banks."""

    # Home is the default screen, whose own CSS_PATH Textual does not load: load it here.
    CSS_PATH: ClassVar[list[str | PurePath]] = ["app.tcss", "screens/home.tcss"]
    TITLE = "quiz"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark,f1", "help", "Help", id="help"),
    ]
    COMMANDS = App.COMMANDS | {_quiz_commands}

    def __init__(
        self,
        banks: Sequence[Bank],
        store: ProgressStore,
        options: SessionOptions,
        profile: str,
        *,
        clock: Callable[[], float] = time.monotonic,
        session_factory: SessionFactory | None = None,
        results_dir: Path | None = None,
        ask_name: bool = False,
        settings: Settings | None = None,
        settings_warnings: Sequence[str] = (),
    ) -> None:
        super().__init__()
        self.banks = list(banks)
        self.store = store
        self.options = options
        self.profile = profile
        self.clock = clock
        self._session_factory = session_factory
        self.results_dir = Path(results_dir) if results_dir is not None else Path(".")
        self.ask_name = ask_name
        self.session: Session | None = None
        # A drill or exam without --seed: one seed drawn for this run, so the code the
        # home screen shows is the code the session uses and its results file carries.
        self._run_seed: str | None = None
        # The results file a drill or exam left when the app quit midway; the shell shows it.
        self.saved_on_quit: Path | None = None
        self.saved: Saved | None = None  # where the last results file went, and any trouble
        self.stopped_by: int | None = None  # the signal that ended the app, if one did
        titles = " + ".join(bank.title for bank in self.banks) or "quiz"
        self.title = visible(titles, keep_newlines=False)
        store.on_notice = self._notice
        self.sub_title = visible(profile, keep_newlines=False)
        # Saved settings (None: none are kept, as in tests that pass none).
        self.settings = settings
        self._settings_warnings = list(settings_warnings)
        if settings is not None and settings.theme is not None:
            if settings.theme in self.available_themes:
                self.theme = settings.theme
            else:
                self._settings_warnings.append(
                    f"settings: no theme {settings.theme!r}; using the default"
                )

    def on_ready(self) -> None:
        """The first screen is shown: resume the garbage collection `quiz` paused to start."""
        # While the learner reads this screen, load the session engine, so that
        # neither the first question nor the first answer waits for it.
        self.run_worker(_warm_up_engine, thread=True, name="warm up", exit_on_error=False)
        for warning in self._settings_warnings:
            self.notify(warning, title="Settings", severity="warning", markup=False)
        if not gc.isenabled():
            # What start-up built lives as long as the app. Frozen, it is left out of
            # later collections: otherwise the first one, scanning all of it, held up
            # the first frame on its way to the terminal (~10 ms), and each full one
            # later stalled a key by some 30 ms.
            gc.freeze()
            gc.enable()

    def watch_theme(self, theme: str) -> None:
        """Keep the theme chosen (in the command palette, say) for the next run."""
        if self.settings is None or theme == self.settings.theme:
            return
        from dataclasses import replace as changed

        from quiz.common.settings import save_settings

        self.settings = changed(self.settings, theme=theme)
        try:
            save_settings(self.settings)
        except OSError as exc:
            self.notify(
                f"The theme could not be saved: {exc.strerror or exc}",
                severity="warning",
                markup=False,
            )

    @property
    def bank_ids(self) -> list[str]:
        return [bank.id for bank in self.banks]

    def get_default_screen(self) -> Screen:
        return HomeScreen()

    def stats(self) -> Stats:
        """The learner's standing in these banks now, today's work sized by the new limit."""
        return self.store.stats(self.banks, new_limit=self.options.new_limit)

    def done_for_today(self) -> str:
        """'Done for today. Next review due ...' from the store."""
        from quiz.common.clock import utc_now
        from quiz.common.wording import done_for_today

        return done_for_today(self.store.next_due(self.bank_ids), utc_now())

    # --- the learner --------------------------------------------------------------------

    def use_profile(self, name: str) -> bool:
        """Record from now on under `name` (a student's name typed on the home screen).

        False (with a notice) when the progress file cannot be opened now (held by
        another program, say): the student can try again.
        """
        if name == self.profile:
            return True
        from quiz.common.errors import QuizError
        from quiz.progress.store import ProgressStore

        try:
            store = ProgressStore.open(self.store.path, name)
        except QuizError as exc:
            self.notify(visible(str(exc)), severity="error", markup=False, timeout=10)
            return False
        store.on_notice = self._notice
        self.store.close()
        self.store = store
        self.profile = name
        self.sub_title = visible(name, keep_newlines=False)
        for screen in self.screen_stack:
            for bar in screen.query(TitleBar):
                bar.show_title()
        return True

    # --- the session flow -------------------------------------------------------------

    def start_session(self, options: SessionOptions) -> bool:
        """Start a session; False (with a notice) when no question matches the options."""
        factory = self._session_factory or _session_class()
        from quiz.common.errors import QuizError

        try:
            history = self.store.history(self.bank_ids)
        except QuizError as exc:  # the file cannot be read now: say so, start nothing
            self.notify(visible(str(exc)), severity="error", markup=False, timeout=10)
            return False
        session = factory(
            self.banks,
            options,
            history=history,
            recorder=self.store,
            clock=self.clock,
        )
        if session.current is None:
            if options.mode == STUDY_MODE:
                from quiz.ui.screens.done import DoneScreen

                self._show(DoneScreen(self.done_for_today()))
                return False
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
        self.clear_notifications()  # a notice belongs to the screen it was about
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def show_outcome(self, outcome: Outcome) -> None:
        """After an answer: feedback where the mode gives it, else straight on."""
        session = self.session
        if session is None:
            return
        if not session.options.mode.gives_feedback:
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
        self._show_results()

    def _show_results(self) -> None:
        from quiz.ui.screens.results import ResultsScreen

        session = self.session
        assert session is not None
        saved = self.end_session()
        path, problem = (saved.path, saved.problem) if saved else (None, None)
        result = session.result()
        done = None
        if session.options.mode == STUDY_MODE and result.possible == result.total:
            done = self.done_for_today()
        self._show(ResultsScreen(result, saved=path, save_error=problem, done=done))

    def end_session(self) -> Saved | None:
        """Finish the running session, once: tell the store and write a drill's results file.

        Every way out comes here (the end, Leave, ctrl+q, a signal, the app closing
        any other way). Returns where the results went, None when there was no file
        to write. The results also stay in `self.saved` for the shell to report.
        """
        session = self.session
        if session is None:
            return None
        self.session = None  # before writing, so nothing can write the same session twice
        session.finish()
        if not session.options.mode.writes_results or not session.outcomes:
            return None
        from quiz.classroom.finish import save_results
        from quiz.study.session import utc_now

        self.saved = save_results(self.results_dir, self.banks, session, self.profile, now=utc_now)
        return self.saved

    def leave_session(self) -> None:
        """Stop midway (every answer is already recorded).

        With something answered, the results of what was answered show (a drill or
        exam also writes its results file, as the plain front end does at the end of
        input); with nothing answered, home.
        """
        session = self.session
        if session is not None and session.outcomes:
            self._show_results()
            return
        self.end_session()
        self.clear_notifications()
        while len(self.screen_stack) > 1:
            self.pop_screen()

    def action_undo_last(self) -> None:
        """Take back the last answer and ask its question again (not in a drill or exam)."""
        session = self.session
        if session is None:
            return
        if session.options.mode in CLASS_MODES:
            self.notify(
                "Undo is off in a drill or exam: a class's answers stand.", severity="warning"
            )
            return
        if not session.can_undo():
            self.notify("Nothing to undo yet.")
            return
        asked = session.undo()
        self.notify(f"Answer to question {asked.number} taken back: answer it again.")
        self._show(self._question_screen())

    def confirm_leave(self) -> None:
        """Ask before leaving a session midway."""
        from quiz.ui.screens.confirm import ConfirmScreen

        def leave(confirmed: bool | None) -> None:
            if confirmed:
                self.leave_session()

        detail = "Your answers so far are saved; the questions you did not reach are not counted."
        session = self.session
        if session is not None and session.options.mode.writes_results:
            detail = (
                "Your answers so far are saved and go into the results file; "
                "the questions you did not reach count as not answered."
            )
        self.push_screen(ConfirmScreen("Leave this session?", detail), leave)

    # --- actions ---------------------------------------------------------------------------

    def action_help(self) -> None:
        from quiz.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(getattr(self.screen, "HELP_SECTION", None)))

    def action_stats(self) -> None:
        from quiz.ui.screens.stats import StatsScreen

        self.push_screen(StatsScreen())

    def start_mode(self, mode: str) -> None:
        """Start `mode` from home, as its line there would (the palette's commands)."""
        if self.session is not None:
            self.notify("Leave this session first (Escape).", severity="warning")
            return
        home = self.screen_stack[0]
        while len(self.screen_stack) > 1:
            self.pop_screen()
        if isinstance(home, HomeScreen):
            home.start(mode)

    def action_switch_profile(self) -> None:
        """Ask a name, then record under it (not during a session: its answers stay one's)."""
        if self.session is not None:
            self.notify("Leave this session first (Escape).", severity="warning")
            return
        from quiz.ui.screens.profile import ProfileScreen

        def switch(name: str | None) -> None:
            if not name:
                return
            self.use_profile(name)
            home = self.screen_stack[0]
            if isinstance(home, HomeScreen):
                home.refresh_overview()

        self.push_screen(ProfileScreen(self.profile), switch)

    async def action_quit(self) -> None:
        saved = self.end_session()
        self.saved_on_quit = saved.path if saved else None
        self.exit()

    def end_after_exit(self) -> None:
        """Finish a session the app stopped in without ctrl+q (a closed browser tab, say)."""
        if self.session is not None:
            saved = self.end_session()
            self.saved_on_quit = saved.path if saved else None

    def _notice(self, text: str) -> None:
        """A word from the store (waiting for the file, answers recovered) as a notification."""
        self.notify(visible(text), severity="warning", markup=False, timeout=8)

    def on_mount(self) -> None:
        """Stop cleanly on SIGTERM and SIGHUP (the terminal closed), as on ctrl+q."""
        import asyncio

        loop = asyncio.get_running_loop()
        for name in ("SIGTERM", "SIGHUP", "SIGINT"):
            signum = getattr(signal, name, None)
            if signum is not None:
                with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                    loop.add_signal_handler(signum, self._stop_on_signal, signum)

    def _stop_on_signal(self, signum: int) -> None:
        """Write a drill's results first (the terminal may be gone), then leave."""
        self.stopped_by = signum
        saved = self.end_session()
        self.saved_on_quit = saved.path if saved else None
        if signum == getattr(signal, "SIGHUP", None):
            self._leave_closed_terminal(signum)
        self.exit(return_code=128 + signum)

    def _leave_closed_terminal(self, signum: int) -> None:
        """The terminal is gone: save what waits and end the process at once.

        There is no screen left to restore, and Textual's shutdown writes to the
        closed terminal: when that write fails its output thread dies and the
        shutdown waits on it for ever. Every answer and the results file are
        already written; the store's close writes any answer still waiting.
        """
        with contextlib.suppress(Exception):
            self.store.close()
        os._exit(128 + signum)

    def run_options(self, **changes: Any) -> SessionOptions:
        """The command-line options with some changed (mode, count, topics).

        A drill or exam started without --seed gets this run's drawn seed.
        """
        options = replace(self.options, **changes)
        if options.mode.is_class and options.seed is None:
            if self._run_seed is None:
                from quiz.study.selection import new_seed

                self._run_seed = new_seed()
            options = replace(options, seed=self._run_seed)
        return options


def _session_class() -> SessionFactory:
    from quiz.study.session import Session

    return Session


def _warm_up_engine() -> None:
    from quiz.study import session

    session.warm_up()


def make_app(
    banks: Sequence[Bank],
    store: ProgressStore,
    options: SessionOptions,
    profile: str,
    *,
    clock: Callable[[], float] = time.monotonic,
    session_factory: SessionFactory | None = None,
    results_dir: Path | None = None,
    ask_name: bool = False,
    settings: Settings | None = None,
    settings_warnings: Sequence[str] = (),
) -> QuizApp:
    """Build the app; the command line and the tests both come through here.

    `ask_name`: no --profile was given, so drills and exams ask the student's name
    on the home screen. `results_dir`: where drill and exam results files go.
    `settings`: the saved settings (the theme), kept up to date; None keeps none.
    """
    return QuizApp(
        banks,
        store,
        options,
        profile,
        clock=clock,
        session_factory=session_factory,
        results_dir=results_dir,
        ask_name=ask_name,
        settings=settings,
        settings_warnings=settings_warnings,
    )

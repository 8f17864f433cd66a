"""`quiz --plain`: the line-by-line front end, for screen readers, pipes and scripts.

One question at a time as plain text (numbered choices, no box drawing, colour
only on a terminal without NO_COLOR); one line of input per answer. What a line
means:
- an answer: a choice's number or its text, numbers such as "1 3" for several
  choices or an order, one number per left item for matching, t/f, text, a number;
- an empty line: skip the question (recorded as skipped);
- `o` or `!override` at the prompt right after an Incorrect typed answer (practice
  and review): "I was right", the answer counts as correct and is recorded so;
- end of input: stop; what was answered is kept and the score so far printed.

Ctrl-C, SIGTERM and SIGHUP (the terminal closed) stop the same way: every answer
is already recorded, and a drill or exam writes its results file before quiz exits
(exit code 128 + the signal's number, 130 for Ctrl-C).

Each verdict line starts with `Correct`, `Partly correct`, `Incorrect`, `Skipped`
or `Time ran out`. Exams give no feedback until the end, then review every question.
Never imports Textual or Rich.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
from typing import TYPE_CHECKING, Any

from quiz.bank.model import NO_TOPIC, Bank
from quiz.common.clock import utc_now
from quiz.common.display import answered_note, format_given, score_fraction, verdict_word
from quiz.common.safe_text import visible
from quiz.common.wording import (
    done_for_today,
    due_time,
    format_points,
    left_out_sentence,
    mark_line,
    plural,
)
from quiz.grading.kinds import kind_of
from quiz.grading.marks import item_marks
from quiz.study.answers import InputError, hint, left_label, parse_typed
from quiz.study.options import STUDY_MODE
from quiz.study.session import Asked, Outcome, Session, SessionResult

COLOURS = {"correct": "32", "partial": "33", "incorrect": "31", "timeout": "31"}
OVERRIDE_WORDS = ("o", "!override")

if TYPE_CHECKING:
    from quiz.classroom.finish import Saved


def run(args: argparse.Namespace) -> int:
    """Run a session on stdin/stdout; returns the exit code."""
    from quiz import startup as context

    banks = context.load_banks(args)
    args = _drill_student(args)
    store = context.open_store(args)  # before any question, so a bad file stops us here
    store.on_notice = _tell
    previous = _stop_on_signals()
    try:
        options = context.session_options(args, banks)
        bank_ids = [b.id for b in banks]
        session = Session(banks, options, history=store.history(bank_ids), recorder=store)
        code = Plain(session, banks, args, store).run()
    finally:
        _ignore_signals()  # nothing may cut short saving what waits
        try:
            store.close()
        finally:
            context.show_warnings(store)
            _restore_signals(previous)
    return 1 if store.lost else code


class Stopped(BaseException):
    """A signal asked quiz to stop (SIGTERM, SIGHUP); handled like Ctrl-C."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)


def _raise_stopped(signum: int, frame: object) -> None:
    raise Stopped(signum)


def _stop_on_signals() -> dict[int, Any]:
    previous = {}
    for signum in STOP_SIGNALS:
        previous[signum] = signal.signal(signum, _raise_stopped)
    return previous


def _ignore_signals() -> None:
    for signum in (*STOP_SIGNALS, signal.SIGINT):
        signal.signal(signum, signal.SIG_IGN)


def _restore_signals(previous: dict[int, Any]) -> None:
    for signum, handler in previous.items():
        signal.signal(signum, handler)
    signal.signal(signal.SIGINT, signal.default_int_handler)


def _tell(text: str) -> None:
    """A notice from the store (a wait, a recovery file), on stderr."""
    with contextlib.suppress(OSError):
        sys.stderr.write(f"quiz: {visible(text)}\n")
        sys.stderr.flush()


class Plain:
    """The conversation of one plain session."""

    def __init__(self, session: Session, banks: list[Bank], args: Any, store: Any) -> None:
        self.session = session
        self.banks = banks
        self.args = args
        self.store = store
        self.colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        self.exam = not session.options.mode.gives_feedback  # a verdict only at the end
        self.saved: Saved | None = None  # where a drill's results file went
        self._silent = False  # the terminal is gone (SIGHUP): stop printing

    def run(self) -> int:
        session = self.session
        if session.total == 0:
            self.say(self._nothing_to_ask())
            return 0
        self.say(self._heading())
        stopped: BaseException | None = None
        try:
            self._ask_all()
        except (KeyboardInterrupt, Stopped) as exc:
            stopped = exc
            _ignore_signals()
        session.finish()
        if stopped is not None:
            return self._stopped(stopped)
        self._end()
        return 0 if self.saved is None or self.saved.path is not None else 1

    def _stopped(self, why: BaseException) -> int:
        """Ctrl-C or a signal: keep what was answered, write a drill's results, say so."""
        signum = why.signum if isinstance(why, Stopped) else signal.SIGINT
        name = signal.Signals(signum).name
        self.say(f"\nStopped ({name}). Your answers so far are saved.")
        self._write_results(self.session.result())
        return 128 + signum

    # --- the loop -------------------------------------------------------------------

    def _ask_all(self) -> None:
        session = self.session
        while (asked := session.current) is not None:
            self._show(asked)
            outcome = self._take_answer(asked)
            if outcome is None:  # end of input
                self.say("\nEnd of input: stopping here. Your answers so far are saved.")
                return
            if session.finished and outcome.verdict == "timeout" and session.options.time_limit:
                self.say("The time limit was reached.")
            if not self.exam:
                self._feedback(outcome)
        if session.can_override():
            line = self.ask("Type o if you were right, or press Enter for your score: ")
            if line is not None and line.strip().casefold() in OVERRIDE_WORDS:
                self._override()

    def _take_answer(self, asked: Asked) -> Outcome | None:
        """Read lines until one is an answer (or a skip); None at end of input."""
        session = self.session
        while True:
            line = self.ask("> ")
            late = session.expire_if_due()
            if late is not None:
                return late
            if line is None:
                return None
            text = line.strip()
            if text.casefold() in OVERRIDE_WORDS and session.can_override():
                self._override()
                continue
            if not text:
                return session.skip()
            try:
                given = parse_typed(asked, text)
            except InputError as exc:
                self.say(str(exc))
                continue
            return session.answer(given)

    def _override(self) -> None:
        outcome = self.session.override()
        self.say(
            f" (you said you were right): question {outcome.asked.number} now counts as correct.",
            lead=self.word("correct"),
        )

    # --- what is printed -------------------------------------------------------------

    def _heading(self) -> str:
        session = self.session
        opts = session.options
        titles = " + ".join(b.title for b in self.banks)
        lines = [f"{titles}: {opts.mode}, {plural(session.total, 'question')}, seed {session.seed}"]
        if opts.mode.is_class:
            from quiz.classroom.finish import drill_line

            lines.append(drill_line(self.banks, session))
        lines.append("One answer per line. An empty line skips; end of input stops.")
        if opts.mode.allows_override:
            lines.append("After an Incorrect typed answer, type o if you were right.")
        if self.exam:
            lines.append("Exam: no feedback until the end.")
        return "\n".join(lines)

    def _show(self, asked: Asked) -> None:
        q = asked.question
        head = f"\nQuestion {asked.number} of {asked.total}"
        if q.topic:
            head += f" [{q.topic}]"
        left = self.session.time_left()
        if left is not None:
            head += f" ({left:.0f} s left)"
        self.say(head)
        self.say(q.prompt.strip())
        if asked.lefts:
            for i, item in enumerate(asked.lefts):
                self.say(f"  {left_label(i)}. {item}")
            self.say("  with:")
        for n, option in enumerate(asked.options, 1):
            self.say(f"  {n}. {option}")
        self.say(f"({hint(asked)} Enter skips.)")

    def _feedback(self, outcome: Outcome) -> None:
        line, lead = self._verdict_line(outcome)
        self.say(line, lead=lead)
        for line in _details(outcome):
            self.say(f"  {line}")
        if self.session.can_override():
            self.say("  (type o at the next prompt if you were right)")

    def _verdict_line(self, outcome: Outcome, indent: str = "") -> tuple[str, str]:
        """The rest of a verdict line, and its (coloured) verdict word to `say` as its lead."""
        points = format_points(outcome.score)
        line = f". {points} point{'' if outcome.score == 1 else 's'}"
        if outcome.bonus:
            line += f" (+{format_points(outcome.bonus)} speed bonus)"
        return line, indent + self.word(outcome.verdict)

    def _end(self) -> None:
        result = self.session.result()
        self.say("")
        self.say(f"Score: {score_fraction(result.points, result.total, result.percent)}")
        if result.stopped_early:
            self.say(f"Stopped early: {answered_note(result.answered, result.total)}.")
        if result.bonus:
            self.say(f"Speed bonus: +{format_points(result.bonus)}")
        if result.left_out:
            self.say(left_out_sentence([q.id for q in result.left_out]))
        for topic in result.per_topic:
            name = topic.topic or NO_TOPIC
            self.say(
                f"  {name}: {format_points(topic.points)}/{topic.possible} ({topic.percent:.0f}%)"
            )
        if self.exam:
            self._review(result.outcomes, "Review")
        elif result.missed:
            self._review(result.missed, "Missed (re-read these passages)")
        self._write_results(result)
        if self.session.options.mode == STUDY_MODE and result.possible == result.total:
            self.say(f"\n{self._done_for_today()}")

    def _review(self, outcomes: tuple[Outcome, ...], title: str) -> None:
        self.say(f"\n{title}:")
        for o in outcomes:
            self.say(f"{o.asked.number}. {o.question.prompt.strip()}")
            # Indented, so only the live feedback lines start with a verdict word.
            line, lead = self._verdict_line(o, "   ")
            self.say(line, lead=lead)
            for line in _details(o):
                self.say(f"   {line}")

    def _done_for_today(self) -> str:
        next_due = getattr(self.store, "next_due", None)
        when = next_due([b.id for b in self.banks]) if next_due else None
        return done_for_today(when, utc_now())

    def _nothing_to_ask(self) -> str:
        if self.session.options.mode == STUDY_MODE:
            return "Nothing due and no new questions left today. " + self._done_for_today()
        if self.session.options.mode != "review":
            return "No questions match these options."
        text = "Nothing to review now: no missed questions and nothing due."
        next_due = getattr(self.store, "next_due", None)
        when = next_due([b.id for b in self.banks]) if next_due else None
        if when is not None:
            text += f" Next review due {due_time(when, utc_now())}."
        return text

    def _write_results(self, result: SessionResult) -> None:
        """Drills and exams leave a results file for the teacher."""
        if not self.session.options.mode.writes_results or not result.outcomes:
            return
        from quiz import startup
        from quiz.classroom.finish import save_results
        from quiz.common import paths

        session = self.session
        student = self.args.profile or paths.default_profile()
        self.saved = save_results(startup.results_folder(self.args), self.banks, session, student)
        lines = self.saved.lines()
        if self.saved.path is None or self.saved.fell_back:
            for line in lines:  # loudly: on stderr too, where a script or a teacher looks
                _tell(line)
        self.say("\n" + "\n".join(lines))

    # --- input and output ------------------------------------------------------------

    def ask(self, prompt: str) -> str | None:
        """One line from stdin (without its newline), or None at end of input."""
        return read_line(prompt)

    def say(self, text: str, *, lead: str = "") -> None:
        """Print a line: `text` with control characters made visible after our own `lead`."""
        if self._silent:
            return
        try:
            sys.stdout.write(f"{lead}{visible(text)}\n")
            sys.stdout.flush()
        except OSError:  # the terminal closed: the files are what matter now
            self._silent = True

    def word(self, verdict: str) -> str:
        word = verdict_word(verdict)
        colour = COLOURS.get(verdict)
        return f"\033[1;{colour}m{word}\033[0m" if self.colour and colour else word


def _details(outcome: Outcome) -> list[str]:
    """Your answer, expected, why, explanation and the quoted source."""
    q = outcome.question
    lines = []
    if outcome.given is not None:
        ordered = kind_of(q).ordered
        lines.append(f"Your answer: {format_given(outcome.given, ordered=ordered)}")
        if outcome.verdict in ("partial", "incorrect"):
            marks = item_marks(q, outcome.given)
            lines.extend(f"  {mark_line(m.text, m.right, m.note)}" for m in marks)
    if outcome.verdict != "correct" or outcome.reason:
        lines.append(f"Expected: {outcome.expected}")
    if outcome.reason and outcome.verdict not in ("skipped", "timeout"):
        lines.append(f"Why: {outcome.reason}")
    if q.explanation.strip():
        lines.append(f"Explanation: {' '.join(q.explanation.split())}")
    if q.source.strip():
        lines.append(f'Source: "{" ".join(q.source.split())}"')
    if q.note.strip():
        lines.append(f"Beyond the text: {' '.join(q.note.split())}")
    return lines


def _drill_student(args: argparse.Namespace) -> argparse.Namespace:
    """Drills and exams without --profile ask the student's name first (for the results file).

    A per-question time limit here means: an answer line that arrives after the
    limit is recorded as a timeout. A line-based front end cannot interrupt typing.
    """
    from quiz.startup import with_student

    return with_student(args, read_line)


def read_line(prompt: str) -> str | None:
    """One line from stdin after `prompt`, or None at end of input.

    Piped answers are echoed, so the transcript reads like a conversation.
    """
    try:
        sys.stdout.write(prompt)
        sys.stdout.flush()
        line = sys.stdin.readline()
        if not line:
            sys.stdout.write("\n")
            return None
    except OSError:  # the terminal is gone: as good as the end of input
        return None
    line = line.rstrip("\r\n")
    if not _isatty(sys.stdin):
        sys.stdout.write(f"{visible(line)}\n")
    return line


def _isatty(stream: Any) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())

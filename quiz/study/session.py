"""A study session: hands out questions, grades answers, keeps the score, reports attempts.

The session is the single source of truth for front ends: they show
`session.current`, pass what the learner gave to `answer()` and draw the
`Outcome`. Every decided question is reported at once through the `Recorder`
(the progress store), so nothing shown as answered can be lost.

Timers use the injected `clock` (seconds, monotonic):
- `time_per_question`: a question's clock starts when the front end first reads
  it through `current` (not while the learner reads the previous feedback). An
  answer given after its time is up is recorded as a timeout, as is a question
  whose time runs out (`expire_if_due`, or `time_out` from the front end).
- `time_limit` (the whole session, for exams): when it is over, the current
  question and every question not yet reached are recorded as timeouts, and the
  session is finished. They count in `possible`, as they would on paper.

Scores: each question scores 0..1; `points` is their sum, `possible` the number
of questions decided so far. A session's score (`SessionResult.percent`) is its
points out of every question it holds, so a question not reached counts 0
(`quiz.grading.verdicts.score_percent`). The speed bonus (drill mode with a per-question
time and `speed_bonus=True` only) adds half the question's score when it was
answered within the first half of its time; it is kept apart from `points` in
`SessionResult.bonus`, so percentages stay comparable.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from quiz.bank.model import Bank, Question, QuestionType
from quiz.common.clock import utc_now as utc_now  # re-exported: it was defined here
from quiz.grading.checking import check, expected_text
from quiz.grading.verdicts import Verdict, score_percent
from quiz.study.history import Attempt, History, Recorder, SessionInfo, SessionSummary
from quiz.study.options import MODES as MODES  # re-exported: the modes were defined here
from quiz.study.options import Mode, SessionOptions
from quiz.study.selection import display_options, left_items, new_seed, select

OVERRIDE_MODES = tuple(m.value for m in Mode if m.allows_override)  # kept for older callers
OVERRIDE_TYPES = (QuestionType.SHORT_ANSWER, QuestionType.NUMERIC)
SPEED_BONUS = 0.5


def warm_up() -> None:
    """Load ahead of time what the first answer would otherwise wait for: the typo
    tolerance (rapidfuzz) and the spaced-repetition scheduler (fsrs).

    The app calls it in the background while the learner reads the home screen.
    """
    from rapidfuzz.distance import Levenshtein  # noqa: F401  (checking's first typed answer)

    from quiz.study import scheduling

    scheduling.review(None, "correct", utc_now(), card_id=0)


class SessionError(RuntimeError):
    """A front end asked the session for something it cannot do now."""


@dataclass(frozen=True)
class Asked:
    """One question as the session presents it."""

    seq: int  # 0-based position in the session
    number: int  # 1-based, for display ("3 of 10")
    total: int
    bank_id: str
    question: Question
    options: tuple[str, ...] = ()  # choices / ordering items / matching right side, as shown
    lefts: tuple[str, ...] = ()  # matching's left items, as shown


OVERRIDE_REASON = "accepted on your word: you said you were right"


@dataclass(frozen=True)
class Outcome:
    """What became of one asked question."""

    asked: Asked
    given: Any  # JSON-able; None when skipped or timed out
    verdict: Verdict
    score: float  # 0..1
    expected: str
    reason: str
    overridden: bool = False
    seconds: float | None = None
    bonus: float = 0.0  # speed bonus points, on top of `score`

    @property
    def question(self) -> Question:
        return self.asked.question

    @property
    def correct(self) -> bool:
        return self.verdict is Verdict.CORRECT


@dataclass(frozen=True)
class TopicResult:
    """How one topic went."""

    topic: str
    possible: int
    points: float

    @property
    def asked(self) -> int:
        return self.possible

    @property
    def percent(self) -> float:
        """The topic's points out of its questions that were decided."""
        return score_percent(self.points, self.possible)


@dataclass(frozen=True)
class SessionResult:
    """A session's score and what to re-read."""

    points: float
    possible: int
    per_topic: tuple[TopicResult, ...]
    outcomes: tuple[Outcome, ...]
    total: int  # questions in the session, reached or not
    bonus: float = 0.0
    seed: str = ""
    mode: Mode = Mode.PRACTICE
    left_out: tuple[Question, ...] = ()  # not asked: they would give an answer away

    @property
    def missed(self) -> tuple[Outcome, ...]:
        """Every outcome that was not fully right (partial, wrong, skipped, timed out)."""
        return tuple(o for o in self.outcomes if not o.correct)

    @property
    def percent(self) -> float:
        """The score: points out of every question in the session (unreached ones count 0)."""
        return score_percent(self.points, self.total)

    @property
    def stopped_early(self) -> bool:
        """True when the session ended before every question was decided."""
        return self.possible < self.total

    @property
    def skipped(self) -> int:
        return sum(o.verdict is Verdict.SKIPPED for o in self.outcomes)

    @property
    def timeouts(self) -> int:
        return sum(o.verdict is Verdict.TIMEOUT for o in self.outcomes)

    @property
    def answered(self) -> int:
        return sum(o.verdict.answered for o in self.outcomes)


class Session:
    """One run through a set of questions.

    Same banks + options + seed give the same questions, order and shuffled
    options on any machine (drill and exam never look at `history`).
    """

    def __init__(
        self,
        banks: Sequence[Bank],
        options: SessionOptions,
        *,
        history: History | None = None,
        recorder: Recorder | None = None,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        self.banks = tuple(banks)
        self.options = options
        self.seed = str(options.seed) if options.seed is not None else new_seed()
        self._recorder = recorder
        self._clock = clock
        self._now = now
        started_at = now()
        selection = select(self.banks, options, self.seed, history, started_at)
        picked = selection.picked
        # Left out of a class session: each gives away another's answer, whatever the order.
        self.left_out: tuple[Question, ...] = tuple(q for _, q in selection.left_out)
        total = len(picked)
        self.questions: tuple[Asked, ...] = tuple(
            Asked(
                seq=i,
                number=i + 1,
                total=total,
                bank_id=bank.id,
                question=q,
                options=display_options(q, bank.id, self.seed),
                lefts=left_items(q),
            )
            for i, (bank, q) in enumerate(picked)
        )
        self.info = SessionInfo(
            uid=uuid.uuid4().hex,
            bank_ids=tuple(b.id for b in self.banks),
            mode=options.mode,
            options=options.to_dict() | {"seed": self.seed},
            seed=self.seed,
            started_at=started_at,
        )
        self._outcomes: list[Outcome] = []
        self._closed = False
        self._session_start = clock()
        self._shown_at: float | None = None
        # An empty session (nothing to review) leaves no trace in the store.
        if recorder is not None and total:
            recorder.start(self.info)

    # --- where we are -----------------------------------------------------------------

    @property
    def total(self) -> int:
        """Number of questions in the session."""
        return len(self.questions)

    @property
    def finished(self) -> bool:
        """True when every question is decided or `finish()` was called."""
        return self._closed or len(self._outcomes) >= self.total

    @property
    def current(self) -> Asked | None:
        """The question to show now (starting its clock), or None at the end."""
        if self.finished:
            return None
        self._start_clock()
        return self.questions[len(self._outcomes)]

    @property
    def outcomes(self) -> tuple[Outcome, ...]:
        return tuple(self._outcomes)

    @property
    def points(self) -> float:
        """The running score: the sum of the decided questions' scores."""
        return sum(o.score for o in self._outcomes)

    # --- answering --------------------------------------------------------------------

    def answer(self, given: Any, seconds: float | None = None) -> Outcome:
        """Grade `given` for the current question, record it, move on.

        `seconds` defaults to the time since the question was shown. An answer
        that comes after the time is up is recorded as a timeout instead.
        """
        asked = self._require_current()
        late = self.expire_if_due()
        if late is not None:
            return late
        if seconds is None:
            seconds = self._elapsed()
        verdict = check(asked.question, given)
        outcome = Outcome(
            asked=asked,
            given=_jsonable(given),
            verdict=verdict.verdict,
            score=verdict.score,
            expected=verdict.expected,
            reason=verdict.reason,
            seconds=seconds,
            bonus=self._bonus(verdict.score, seconds),
        )
        return self._decide(outcome)

    def skip(self) -> Outcome:
        """Pass on the current question: recorded as skipped, scores 0."""
        asked = self._require_current()
        return self._decide(self._empty(asked, Verdict.SKIPPED, "skipped", self._elapsed()))

    def time_out(self) -> Outcome:
        """The current question's time ran out: recorded as a timeout, scores 0."""
        asked = self._require_current()
        return self._decide(self._empty(asked, Verdict.TIMEOUT, "time ran out", self._elapsed()))

    def expire_if_due(self) -> Outcome | None:
        """Record a timeout when a time limit is over; the current question's Outcome, or None.

        When the session's limit is over, every question not yet reached is
        recorded as a timeout too and the session is finished.
        """
        if self.finished:
            return None
        session_left = self.session_time_left()
        if session_left is not None and session_left <= 0:
            first = self.time_out()
            while not self.finished:
                asked = self.questions[len(self._outcomes)]
                self._decide(
                    self._empty(asked, Verdict.TIMEOUT, "the time limit was reached", None)
                )
            return first
        left = self._question_time_left()
        if left is not None and left <= 0:
            return self.time_out()
        return None

    def time_left(self) -> float | None:
        """Seconds left for the current question under either limit; None when untimed."""
        if self.finished:
            return None
        limits = [
            t for t in (self._question_time_left(), self.session_time_left()) if t is not None
        ]
        return min(limits) if limits else None

    def session_time_left(self) -> float | None:
        """Seconds left of the session's time limit; None without one."""
        if self.options.time_limit is None:
            return None
        return max(0.0, self.options.time_limit - (self._clock() - self._session_start))

    # --- "I was right" ----------------------------------------------------------------

    def can_override(self) -> bool:
        """True when the last outcome is a typed answer judged incorrect, in practice or review."""
        if self._closed or not self._outcomes or not self.options.mode.allows_override:
            return False
        last = self._outcomes[-1]
        return (
            last.verdict is Verdict.INCORRECT
            and not last.overridden
            and last.asked.question.type in OVERRIDE_TYPES
        )

    def override(self) -> Outcome:
        """Count the last answer as correct at the learner's word; recorded as an override."""
        if not self.can_override():
            raise SessionError(
                "only a typed answer just judged incorrect, in practice or review, "
                "can be counted as right"
            )
        outcome = replace(
            self._outcomes[-1],
            verdict=Verdict.CORRECT,
            score=1.0,
            overridden=True,
            reason=OVERRIDE_REASON,
        )
        self._outcomes[-1] = outcome
        self._record(outcome)
        return outcome

    # --- undo -------------------------------------------------------------------------

    def can_undo(self) -> bool:
        """True when the last answer can be taken back (study, practice and review only)."""
        return not self._closed and bool(self._outcomes) and self.options.mode.allows_undo

    def undo(self) -> Asked:
        """Take back the last answer: the store forgets it and the question is asked again."""
        if not self.can_undo():
            raise SessionError(
                "only the last answer of a study, practice or review session can be taken back"
            )
        outcome = self._outcomes.pop()
        self._shown_at = None
        if self._recorder is not None:
            self._recorder.take_back(self.info.uid, outcome.asked.seq)
        return outcome.asked

    # --- the end ----------------------------------------------------------------------

    def result(self) -> SessionResult:
        """The score so far, per topic, and every outcome (missed ones with their question)."""
        topics: dict[str, list[float]] = {}
        for o in self._outcomes:
            topics.setdefault(o.asked.question.topic, []).append(o.score)
        return SessionResult(
            points=self.points,
            possible=len(self._outcomes),
            per_topic=tuple(TopicResult(t, len(s), sum(s)) for t, s in topics.items()),
            outcomes=tuple(self._outcomes),
            total=self.total,
            bonus=sum(o.bonus for o in self._outcomes),
            seed=self.seed,
            mode=self.options.mode,
            left_out=self.left_out,
        )

    def finish(self) -> None:
        """End the session and tell the recorder (once; later calls do nothing)."""
        if self._closed:
            return
        self._closed = True
        if self._recorder is not None and self.total:
            self._recorder.finish(
                SessionSummary(
                    uid=self.info.uid,
                    ended_at=self._now(),
                    points=self.points,
                    possible=len(self._outcomes),
                    answered=self.result().answered,
                )
            )

    # --- inside -----------------------------------------------------------------------

    def _require_current(self) -> Asked:
        asked = self.current
        if asked is None:
            raise SessionError("the session is over: no question to answer")
        return asked

    def _start_clock(self) -> None:
        if self._shown_at is None:
            self._shown_at = self._clock()

    def _elapsed(self) -> float:
        self._start_clock()
        assert self._shown_at is not None
        return max(0.0, self._clock() - self._shown_at)

    def _question_time_left(self) -> float | None:
        if self.options.time_per_question is None:
            return None
        return max(0.0, self.options.time_per_question - self._elapsed())

    def _bonus(self, score: float, seconds: float) -> float:
        limit = self.options.time_per_question
        if (
            not self.options.mode.allows_speed_bonus
            or not self.options.speed_bonus
            or limit is None
        ):
            return 0.0
        return SPEED_BONUS * score if seconds <= limit / 2 else 0.0

    def _empty(self, asked: Asked, verdict: Verdict, reason: str, seconds: float | None) -> Outcome:
        return Outcome(
            asked=asked,
            given=None,
            verdict=verdict,
            score=0.0,
            expected=expected_text(asked.question),
            reason=reason,
            seconds=seconds,
        )

    def _decide(self, outcome: Outcome) -> Outcome:
        self._outcomes.append(outcome)
        self._shown_at = None
        self._record(outcome)
        return outcome

    def _record(self, outcome: Outcome) -> None:
        if self._recorder is None:
            return
        q = outcome.asked.question
        self._recorder.record(
            Attempt(
                session_uid=self.info.uid,
                seq=outcome.asked.seq,
                bank_id=outcome.asked.bank_id,
                question_id=q.id,
                content_hash=q.content_hash,
                topic=q.topic,
                given=outcome.given,
                verdict=outcome.verdict,
                score=outcome.score,
                overridden=outcome.overridden,
                seconds=outcome.seconds,
                answered_at=self._now(),
            )
        )


def _jsonable(given: Any) -> Any:
    """The answer as JSON data: tuples become lists, mapping keys strings."""
    if isinstance(given, Mapping):
        return {str(k): _jsonable(v) for k, v in given.items()}
    if isinstance(given, list | tuple):
        return [_jsonable(v) for v in given]
    if given is None or isinstance(given, str | bool | int | float):
        return given
    return str(given)

"""The run options of a session, in a module of their own.

Building them must not import the session engine (grading, selection, text
normalisation): the app's start-up needs the options long before any answer.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any

from quiz.common.settings import DEFAULT_NEW_LIMIT


class Mode(StrEnum):
    """How a session asks. A `str`, so `mode == "exam"` still holds; the rules are here."""

    STUDY = "study"
    PRACTICE = "practice"
    REVIEW = "review"
    EXAM = "exam"
    DRILL = "drill"

    @property
    def is_class(self) -> bool:
        """A class takes it together: seeded, history ignored, a results file at the end."""
        return self in (Mode.DRILL, Mode.EXAM)

    @property
    def gives_feedback(self) -> bool:
        """A verdict after each answer (an exam waits until the end)."""
        return self is not Mode.EXAM

    @property
    def writes_results(self) -> bool:
        """The session leaves a results file for the teacher."""
        return self.is_class

    @property
    def uses_history(self) -> bool:
        """Questions are chosen from the learner's history (missed and due first)."""
        return not self.is_class

    @property
    def only_missed_and_due(self) -> bool:
        """Only missed and due questions are asked."""
        return self is Mode.REVIEW

    @property
    def allows_override(self) -> bool:
        """The learner may say "I was right" after a typed answer judged incorrect."""
        return self in (Mode.PRACTICE, Mode.REVIEW)

    @property
    def allows_undo(self) -> bool:
        """The learner may take back the last answer (ctrl+z); a class's answers stand."""
        return not self.is_class

    @property
    def is_daily(self) -> bool:
        """Today's work: due reviews first, then new questions up to the daily limit."""
        return self is Mode.STUDY

    @property
    def allows_speed_bonus(self) -> bool:
        """A per-question time may earn a speed bonus (with `speed_bonus`)."""
        return self is Mode.DRILL

    @property
    def shows_running_score(self) -> bool:
        """The score so far shows while questions are asked."""
        return self.gives_feedback


MODES = tuple(m.value for m in Mode)
STUDY_MODE = Mode.STUDY.value
UNDO_MODES = tuple(m.value for m in Mode if m.allows_undo)
# A class takes these together: seeded, history ignored, a results file at the end.
CLASS_MODES = tuple(m.value for m in Mode if m.is_class)


@dataclass(frozen=True)
class SessionOptions:
    """What a session asks and how: the run options of the command line."""

    mode: Mode = Mode.PRACTICE  # a plain string is turned into its Mode
    count: int | None = None
    topics: tuple[str, ...] = ()
    difficulty: tuple[int, ...] = ()
    seed: str | None = None
    time_per_question: float | None = None  # seconds
    time_limit: float | None = None  # seconds, for the whole session
    speed_bonus: bool = False
    new_limit: int = (
        DEFAULT_NEW_LIMIT  # study: new questions a day (the settings file, or --new-limit)
    )

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"unknown mode {self.mode!r}; expected one of {', '.join(MODES)}")
        object.__setattr__(self, "mode", Mode(self.mode))

    def to_dict(self) -> dict[str, Any]:
        """The options as JSON-able data (lists, not tuples)."""
        data = asdict(self)
        data["mode"] = self.mode.value
        data["topics"] = list(self.topics)
        data["difficulty"] = list(self.difficulty)
        return data

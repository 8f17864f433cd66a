"""The run options of a session, in a module of their own.

Building them must not import the session engine (grading, selection, text
normalisation): the app's start-up needs the options long before any answer.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from quiz.common.settings import DEFAULT_NEW_LIMIT

MODES = ("study", "practice", "review", "exam", "drill")
# Today's work: due reviews first, then new questions up to the daily limit.
STUDY_MODE = "study"
# Where the learner may take back the last answer (ctrl+z); a class's answers stand.
UNDO_MODES = ("study", "practice", "review")
# A class takes these together: seeded, history ignored, a results file at the end.
CLASS_MODES = ("drill", "exam")


@dataclass(frozen=True)
class SessionOptions:
    """What a session asks and how: the run options of the command line."""

    mode: str = "practice"
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

    def to_dict(self) -> dict[str, Any]:
        """The options as JSON-able data (lists, not tuples)."""
        data = asdict(self)
        data["topics"] = list(self.topics)
        data["difficulty"] = list(self.difficulty)
        return data

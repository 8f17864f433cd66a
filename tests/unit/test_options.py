"""The mode rules and the run options as the command line and the results file carry them."""

from __future__ import annotations

import pytest

from quiz.study.options import CLASS_MODES, MODES, STUDY_MODE, UNDO_MODES, Mode, SessionOptions

RULES = (
    "is_class",
    "gives_feedback",
    "writes_results",
    "uses_history",
    "only_missed_and_due",
    "allows_override",
    "allows_undo",
    "is_daily",
    "allows_speed_bonus",
    "shows_running_score",
)


@pytest.mark.parametrize(
    ("mode", "rules"),
    [
        # class feedback results history missed override undo daily bonus running
        (Mode.STUDY, (0, 1, 0, 1, 0, 0, 1, 1, 0, 1)),
        (Mode.PRACTICE, (0, 1, 0, 1, 0, 1, 1, 0, 0, 1)),
        (Mode.REVIEW, (0, 1, 0, 1, 1, 1, 1, 0, 0, 1)),
        (Mode.EXAM, (1, 0, 1, 0, 0, 0, 0, 0, 0, 0)),
        (Mode.DRILL, (1, 1, 1, 0, 0, 0, 0, 0, 1, 1)),
    ],
)
def test_each_mode_s_rules(mode: Mode, rules: tuple[int, ...]) -> None:
    assert {rule: getattr(mode, rule) for rule in RULES} == dict(
        zip(RULES, map(bool, rules), strict=True)
    )


def test_the_mode_lists() -> None:
    assert MODES == ("study", "practice", "review", "exam", "drill")
    assert STUDY_MODE == "study"
    assert UNDO_MODES == ("study", "practice", "review")
    assert CLASS_MODES == ("exam", "drill")


def test_an_unknown_mode_names_the_known_ones() -> None:
    with pytest.raises(ValueError) as error:
        SessionOptions(mode="quiz")
    assert str(error.value) == (
        "unknown mode 'quiz'; expected one of study, practice, review, exam, drill"
    )


def test_options_as_data() -> None:
    options = SessionOptions(
        mode="exam",
        count=5,
        topics=("history",),
        difficulty=(1, 2),
        seed="K7QM2X",
        time_limit=600.0,
    )
    assert options.mode is Mode.EXAM
    assert options.to_dict() == {
        "mode": "exam",
        "count": 5,
        "topics": ["history"],
        "difficulty": [1, 2],
        "seed": "K7QM2X",
        "time_per_question": None,
        "time_limit": 600.0,
        "speed_bonus": False,
        "new_limit": 20,
    }
    assert SessionOptions().mode is Mode.PRACTICE
